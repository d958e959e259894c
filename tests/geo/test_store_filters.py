"""Store property filters, ordering, replacement and deletion."""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import pytest

from geo.errors import IncidentNotFoundError, InvalidQueryError
from geo.model import Incident
from geo.store import GeoPackageStore, IncidentQuery

MakeIncident = Callable[..., Incident]
MakeFrame = Callable[..., gpd.GeoDataFrame]


@pytest.fixture
def filled(
    store: GeoPackageStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> GeoPackageStore:
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


def _ids(store: GeoPackageStore, **filters: object) -> list[str]:
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
    filled: GeoPackageStore, filters: dict[str, object], expected: list[str]
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
    filled: GeoPackageStore, sortby: tuple[tuple[str, bool], ...], expected: list[str]
) -> None:
    assert _ids(filled, sortby=sortby) == expected


def test_unknown_sort_column_is_refused_naming_it() -> None:
    with pytest.raises(InvalidQueryError, match="'geom'"):
        IncidentQuery(sortby=(("geom", False),))


def test_replace_keeps_one_incident_with_the_new_values(
    filled: GeoPackageStore, make_incident: MakeIncident, make_frame: MakeFrame
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
    filled: GeoPackageStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    with pytest.raises(IncidentNotFoundError):
        filled.replace(make_frame(make_incident(id="zz")))
    with pytest.raises(IncidentNotFoundError):
        filled.delete("zz")
    assert filled.count() == 4


def test_delete_removes_the_incident_and_its_index_entry(filled: GeoPackageStore) -> None:
    filled.delete("a")
    assert filled.count() == 3
    with pytest.raises(IncidentNotFoundError):
        filled.get("a")
    assert _ids(filled, bbox=(1.65, 50.87, 1.665, 50.885)) == []
