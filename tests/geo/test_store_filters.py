"""Store property filters, ordering, replacement and deletion, on both stores."""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import pytest

from geo.errors import IncidentNotFoundError, InvalidQueryError
from geo.model import Incident
from geo.store import IncidentQuery, IncidentStore

MakeIncident = Callable[..., Incident]
MakeFrame = Callable[..., gpd.GeoDataFrame]


@pytest.fixture
def filled(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> IncidentStore:
    store.add(
        make_frame(
            make_incident(
                id="a",
                event_type="launch",
                place_name="Plage de Wissant",
                country="FR",
                people=40,
                date="2024-05-03",
                location_role="departure",
                lon=1.66,
                lat=50.88,
            ),
            make_incident(
                id="b",
                event_type="rescue",
                place_name="off Dover",
                country="GB",
                people=12,
                date="2024-05-01",
                location_role="rescue",
                lon=1.4,
                lat=51.05,
            ),
            make_incident(
                id="c",
                event_type="launch",
                place_name="Gravelines 100%_sure",
                country="FR",
                people=None,
                date="2024-05-02",
                location_role="departure",
                lon=2.1,
                lat=51.0,
            ),
            make_incident(
                id="d",
                event_type="embarkation",
                place_name="WISSANT",
                country="FR",
                people=70,
                date="2024-05-04",
                location_role="pickup",
                lon=1.67,
                lat=50.89,
            ),
        )
    )
    return store


def _ids(store: IncidentStore, **filters: object) -> list[str]:
    return store.query(IncidentQuery(**filters)).incidents["id"].tolist()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"event_types": ("launch",)}, ["a", "c"]),
        ({"event_types": ("launch", "embarkation")}, ["a", "c", "d"]),
        ({"roles": ("pickup", "rescue")}, ["b", "d"]),
        ({"country": "gb"}, ["b"]),
        ({"place": "wissant"}, ["a", "d"]),
        ({"place": "100%_"}, ["c"]),
        ({"place": "%"}, ["c"]),
        ({"min_people": 40}, ["a", "d"]),
        ({"event_types": ("launch",), "min_people": 1}, ["a"]),
    ],
)
def test_property_filters(
    filled: IncidentStore, filters: dict[str, object], expected: list[str]
) -> None:
    assert _ids(filled, **filters) == expected
    assert filled.query(IncidentQuery(**filters)).number_matched == len(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sortby", "expected"),
    [
        ((("date", False),), ["b", "c", "a", "d"]),
        ((("date", True),), ["d", "a", "c", "b"]),
        ((("people", True),), ["d", "a", "b", "c"]),
        ((("event_type", False), ("date", True)), ["d", "a", "c", "b"]),
    ],
)
def test_sorting(
    filled: IncidentStore, sortby: tuple[tuple[str, bool], ...], expected: list[str]
) -> None:
    assert _ids(filled, sortby=sortby) == expected


def test_text_sorts_by_code_point_whatever_the_database_collation(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    names = ["beach", "Berck", "Équihen", "Zuydcoote", "étaples", None, "ab", "a b"]
    store.add(make_frame(*(make_incident(id=f"n{i}", place_name=n) for i, n in enumerate(names))))
    ascending = sorted((n for n in names if n is not None), key=lambda n: n.encode())
    assert _ids(store, sortby=(("place_name", False),)) == ["n5"] + [
        f"n{names.index(n)}" for n in ascending
    ]
    assert _ids(store, sortby=(("place_name", True),)) == [
        f"n{names.index(n)}" for n in reversed(ascending)
    ] + ["n5"]


@pytest.mark.parametrize(
    ("place", "expected"),
    [("BERCK", ["b"]), ("berck", ["b"]), ("équihen", ["e"]), ("ÉQUIHEN", ["E"]), ("_", [])],
)
def test_place_filter_ignores_the_case_of_ascii_letters_only(
    store: IncidentStore,
    make_incident: MakeIncident,
    make_frame: MakeFrame,
    place: str,
    expected: list[str],
) -> None:
    store.add(
        make_frame(
            make_incident(id="b", place_name="Berck-sur-Mer"),
            make_incident(id="e", place_name="équihen"),
            make_incident(id="E", place_name="ÉQUIHEN"),
        )
    )
    assert _ids(store, place=place) == expected


@pytest.mark.parametrize(
    "filters",
    [
        {"place": "Wis\x00sant"},
        {"country": "F\x00"},
        {"event_types": ("launch\x00",)},
    ],
)
def test_filters_with_a_nul_character_match_nothing(
    filled: IncidentStore, filters: dict[str, object]
) -> None:
    result = filled.query(IncidentQuery(**filters))  # type: ignore[arg-type]
    assert (result.number_matched, len(result.incidents)) == (0, 0)


def test_unknown_sort_column_is_refused_naming_it() -> None:
    with pytest.raises(InvalidQueryError, match="'geom'"):
        IncidentQuery(sortby=(("geom", False),))


def test_replace_keeps_one_incident_with_the_new_values(
    filled: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    filled.replace(
        make_frame(
            make_incident(
                id="b",
                event_type="interception",
                place_name="off Calais",
                lon=1.8,
                lat=51.0,
                people=30,
            )
        )
    )
    stored = filled.get("b").iloc[0]
    assert stored.event_type == "interception" and stored.people == 30
    assert (stored.geometry.x, stored.geometry.y) == (1.8, 51.0)
    assert filled.count() == 4
    assert _ids(filled, bbox=(1.79, 50.99, 1.81, 51.01)) == ["b"]  # the spatial index moved too
    assert _ids(filled, bbox=(1.39, 51.04, 1.41, 51.06)) == []


def test_replace_or_delete_of_a_missing_id_changes_nothing(
    filled: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    with pytest.raises(IncidentNotFoundError):
        filled.replace(make_frame(make_incident(id="zz")))
    with pytest.raises(IncidentNotFoundError):
        filled.delete("zz")
    assert filled.count() == 4


def test_delete_removes_the_incident_and_its_index_entry(filled: IncidentStore) -> None:
    filled.delete("a")
    assert filled.count() == 3
    with pytest.raises(IncidentNotFoundError):
        filled.get("a")
    assert _ids(filled, bbox=(1.65, 50.87, 1.665, 50.885)) == []
