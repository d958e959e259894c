"""The incident model: validation, stable ids, and the GeoDataFrame/GeoJSON forms."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import pytest
import shapely
from pydantic import ValidationError

from geo.errors import InvalidIncidentError
from geo.model import (
    CRS,
    INCIDENT_COLUMNS,
    Incident,
    empty_incident_frame,
    feature_to_record,
    frame_to_features,
    incidents_to_frame,
    parse_incident,
)
from geo.vocabulary import DatePrecision, EventType, LocationPrecision, LocationRole

BASE: dict[str, Any] = {"event_type": "launch", "date": "2024-03-10", "place_name": "Test beach"}


def build(**fields: Any) -> Incident:
    return Incident.model_validate({**BASE, **fields})


def problems_of(record: dict[str, Any]) -> InvalidIncidentError:
    with pytest.raises(InvalidIncidentError) as caught:
        parse_incident(record, "input.csv", "line 3")
    return caught.value


# -- enums ------------------------------------------------------------------------------

ENUM_FIELDS = [
    ("event_type", EventType),
    ("date_precision", DatePrecision),
    ("location_precision", LocationPrecision),
    ("location_role", LocationRole),
]


@pytest.mark.parametrize(
    ("field", "value"),
    [(field, member.value) for field, enum in ENUM_FIELDS for member in enum],
)
def test_every_enum_value_is_accepted(field: str, value: str) -> None:
    made = build(**{field: value})
    assert getattr(made, field).value == value


def test_enum_values_match_the_design() -> None:
    assert [e.value for e in EventType] == [
        "launch",
        "embarkation",
        "interception",
        "rescue",
        "arrival",
        "debris",
        "death",
        "sighting",
        "other",
    ]
    assert [p.value for p in DatePrecision] == ["day", "week", "month", "year"]
    assert [p.value for p in LocationPrecision] == [
        "exact",
        "site",
        "locality",
        "area",
        "region",
        "country",
    ]
    assert [r.value for r in LocationRole] == [
        "departure",
        "pickup",
        "interception",
        "rescue",
        "disembarkation",
        "found",
        "reported",
    ]


@pytest.mark.parametrize("field", [field for field, _ in ENUM_FIELDS])
def test_bad_enum_value_is_rejected_naming_the_field(field: str) -> None:
    error = problems_of({**BASE, field: "sailing-away"})
    assert [problem.field for problem in error.problems] == [field]
    assert error.problems[0].value == "sailing-away"
    assert field in str(error)
    assert "sailing-away" in str(error)
    assert "input.csv" in str(error)
    assert "line 3" in str(error)


def test_event_type_is_required() -> None:
    error = problems_of({"date": "2024-03-10"})
    assert [problem.field for problem in error.problems] == ["event_type"]


def test_unknown_field_is_rejected() -> None:
    error = problems_of({**BASE, "boat_colour": "grey"})
    assert "boat_colour" in str(error)


def test_several_bad_fields_are_all_reported() -> None:
    error = problems_of({**BASE, "people": -3, "country": "France", "lon": 500, "lat": 1})
    assert {problem.field for problem in error.problems} == {"people", "country", "lon"}


# -- coordinates --------------------------------------------------------------------------


@pytest.mark.parametrize(("lon", "lat"), [(1.5, None), (None, 50.5)])
def test_lon_and_lat_come_together(lon: float | None, lat: float | None) -> None:
    with pytest.raises(ValidationError, match="lon and lat must be given together"):
        build(lon=lon, lat=lat)


@pytest.mark.parametrize(("lon", "lat"), [(1.5, 50.5), (None, None), (-180, -90), (180, 90)])
def test_lon_lat_both_or_neither_is_accepted(lon: float | None, lat: float | None) -> None:
    made = build(lon=lon, lat=lat)
    if lon is None:
        assert made.point is None
    else:
        assert made.point == shapely.Point(lon, lat)


@pytest.mark.parametrize(
    ("lon", "lat", "bad"),
    [
        (180.5, 50.0, "lon"),
        (-181.0, 50.0, "lon"),
        (1.0, 90.01, "lat"),
        (1.0, -91.0, "lat"),
        (float("nan"), 50.0, "lon"),
        (1.0, float("inf"), "lat"),
    ],
)
def test_lon_lat_out_of_range_is_rejected(lon: float, lat: float, bad: str) -> None:
    error = problems_of({**BASE, "lon": lon, "lat": lat})
    assert [problem.field for problem in error.problems] == [bad]


# -- country, counts, sources ------------------------------------------------------------


@pytest.mark.parametrize(("given", "stored"), [("fr", "FR"), ("Gb", "GB"), (" be ", "BE")])
def test_country_is_normalised_to_upper_case(given: str, stored: str) -> None:
    assert build(country=given).country == stored


@pytest.mark.parametrize("bad", ["FRA", "F", "France", "1F", ""])
def test_bad_country_is_rejected(bad: str) -> None:
    error = problems_of({**BASE, "country": bad})
    assert [problem.field for problem in error.problems] == ["country"]


@pytest.mark.parametrize("field", ["people", "boats"])
@pytest.mark.parametrize("bad", [-1, 2.5, "many", "3.5"])
def test_bad_count_is_rejected(field: str, bad: object) -> None:
    error = problems_of({**BASE, field: bad})
    assert [problem.field for problem in error.problems] == [field]
    assert error.problems[0].value == bad


@pytest.mark.parametrize(("given", "stored"), [(0, 0), (40, 40), ("12", 12), (3.0, 3)])
def test_counts_accept_whole_numbers(given: object, stored: int) -> None:
    assert build(people=given).people == stored


@pytest.mark.parametrize(
    "url", ["https://news.example/a", "http://news.example/b?c=d", "HTTPS://NEWS.EXAMPLE/"]
)
def test_web_source_url_is_accepted(url: str) -> None:
    assert build(sources=[{"url": url}]).sources[0].url == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://files.example/report",
        "news.example/a",
        "https://news.example/a b",
        "file:///etc/passwd",
    ],
)
def test_source_url_must_be_http(url: str) -> None:
    error = problems_of({**BASE, "sources": [{"url": url}]})
    assert [problem.field for problem in error.problems] == ["sources.0.url"]
    assert error.problems[0].value == url


def test_source_rejects_unknown_keys() -> None:
    error = problems_of({**BASE, "sources": [{"url": "https://a.example/", "author": "x"}]})
    assert error.problems[0].field == "sources.0.author"


# -- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["people", "boats"])
def test_counts_beyond_64_bits_are_rejected(field: str) -> None:
    assert getattr(build(**{field: 2**63 - 1}), field) == 2**63 - 1
    error = problems_of({**BASE, field: 2**63})
    assert [problem.field for problem in error.problems] == [field]


@pytest.mark.parametrize(
    ("fields", "bad_field"),
    [
        ({"place_name": "Wis\x00sant"}, "place_name"),
        ({"description": "\x00"}, "description"),
        ({"sources": [{"quote": "a\x00b"}]}, "sources.0.quote"),
    ],
)
def test_text_with_a_nul_character_is_rejected(fields: dict[str, Any], bad_field: str) -> None:
    error = problems_of({**BASE, **fields})
    assert [problem.field for problem in error.problems] == [bad_field]
    assert "NUL" in error.problems[0].message


def test_date_precision_defaults_to_day() -> None:
    assert build(date="2024-03-10").date_precision is DatePrecision.DAY


def test_given_date_precision_is_kept() -> None:
    assert build(date="2024-03-01", date_precision="month").date_precision is DatePrecision.MONTH


def test_undated_incident_has_no_precision() -> None:
    assert build(date=None).date_precision is None


def test_date_precision_without_date_is_rejected() -> None:
    with pytest.raises(ValidationError, match="date_precision needs a date"):
        build(date=None, date_precision="week")


@pytest.mark.parametrize("bad", ["2024-02-30", "10/03/2024", "yesterday"])
def test_bad_date_is_rejected(bad: str) -> None:
    error = problems_of({**BASE, "date": bad})
    assert [problem.field for problem in error.problems] == ["date"]


# -- stable ids --------------------------------------------------------------------------


def test_same_content_gives_same_id() -> None:
    first = build(people=12, sources=[{"url": "https://a.example/1"}])
    second = build(people=12, sources=[{"url": "https://a.example/1"}])
    assert first.id == second.id
    assert first.id is not None
    assert first.id.startswith("inc-")


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2024-03-11"},
        {"place_name": "Another beach"},
        {"people": 13},
        {"boats": 2},
        {"event_type": "rescue"},
        {"sources": [{"url": "https://b.example/2"}]},
    ],
)
def test_different_content_gives_different_id(change: dict[str, Any]) -> None:
    base = {"people": 12, "boats": 1, "sources": [{"url": "https://a.example/1"}]}
    assert build(**base).id != build(**{**base, **change}).id


@pytest.mark.parametrize("place", ["test beach", "TEST BEACH", "  Test   beach ", "Test\tBeach"])
def test_id_ignores_case_and_spacing_of_place(place: str) -> None:
    assert build(place_name=place).id == build(place_name="Test beach").id


def test_id_ignores_order_of_sources() -> None:
    one = [{"url": "https://a.example/1"}, {"url": "https://b.example/2"}]
    assert build(sources=one).id == build(sources=list(reversed(one))).id


def test_id_keeps_place_when_geocoded_better() -> None:
    assert build(lon=1.8, lat=50.9).id == build(lon=1.85, lat=50.95).id


def test_id_uses_coordinates_without_place() -> None:
    assert (
        build(place_name=None, lon=1.8, lat=50.9).id
        != build(place_name=None, lon=1.85, lat=50.95).id
    )


def test_explicit_id_is_kept() -> None:
    assert build(id="report-2024:17.a").id == "report-2024:17.a"


@pytest.mark.parametrize("bad", ["has space", "-leading-dash", "semi;colon", "a/b", "x" * 129, ""])
def test_bad_id_is_rejected(bad: str) -> None:
    error = problems_of({**BASE, "id": bad})
    assert [problem.field for problem in error.problems] == ["id"]


# -- the GeoDataFrame and GeoJSON forms ---------------------------------------------------


def two_incidents() -> list[Incident]:
    placed = build(
        id="placed-1",
        lon=1.8512345,
        lat=50.9598765,
        country="fr",
        people=41,
        boats=1,
        uncertainty_m=250.0,
        location_precision="site",
        location_role="departure",
        description="A dinghy left the beach at dawn.",
        sources=[
            {
                "url": "https://news.example/story",
                "publisher": "Example News",
                "published": "2024-03-11",
                "quote": None,
            }
        ],
    )
    unplaced = build(
        id="unplaced-1",
        event_type="arrival",
        place_name=None,
        country="GB",
        location_precision="country",
        people=300,
    )
    return [placed, unplaced]


def test_incidents_to_frame_has_the_incident_schema() -> None:
    frame = incidents_to_frame(two_incidents())
    assert list(frame.columns) == [*INCIDENT_COLUMNS, "geometry"]
    assert {name: str(frame[name].dtype) for name in INCIDENT_COLUMNS} == INCIDENT_COLUMNS
    assert frame.crs is not None
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0] == shapely.Point(1.8512345, 50.9598765)
    assert frame.geometry.iloc[1] is None
    assert frame["people"].tolist() == [41, 300]
    assert pd.isna(frame["boats"].iloc[1])
    assert frame["country"].tolist() == ["FR", "GB"]
    assert frame["date"].iloc[0] == "2024-03-10"
    assert frame["sources"].iloc[0][0]["publisher"] == "Example News"
    assert frame["sources"].iloc[1] == []


@pytest.mark.parametrize("frame_maker", [empty_incident_frame, lambda: incidents_to_frame([])])
def test_empty_frame_has_the_incident_schema(frame_maker: Any) -> None:
    frame = frame_maker()
    assert len(frame) == 0
    assert {name: str(frame[name].dtype) for name in INCIDENT_COLUMNS} == INCIDENT_COLUMNS
    assert frame.crs == CRS
    assert frame.geometry.name == "geometry"


def test_frame_to_features_is_rfc7946() -> None:
    features = frame_to_features(incidents_to_frame(two_incidents()))
    json.dumps(features, allow_nan=False)  # plain JSON: no numpy scalars, no NaN
    placed, unplaced = features
    assert placed["type"] == "Feature"
    assert placed["id"] == "placed-1"
    assert placed["geometry"] == {"type": "Point", "coordinates": [1.8512345, 50.9598765]}
    assert placed["properties"]["people"] == 41
    assert placed["properties"]["boats"] == 1
    assert unplaced["geometry"] is None
    assert unplaced["properties"]["boats"] is None
    assert unplaced["properties"]["uncertainty_m"] is None
    assert set(placed["properties"]) == set(INCIDENT_COLUMNS)


def test_features_round_trip_to_the_same_incidents() -> None:
    originals = two_incidents()
    features = frame_to_features(incidents_to_frame(originals))
    again = [Incident.model_validate(feature_to_record(feature)) for feature in features]
    assert again == originals


def test_feature_to_record_takes_the_feature_id() -> None:
    record = feature_to_record(
        {
            "type": "Feature",
            "id": 7,
            "geometry": {"type": "Point", "coordinates": [2.0, 51.0, 3.0]},
            "properties": {"event_type": "sighting"},
        }
    )
    assert record == {"event_type": "sighting", "id": "7", "lon": 2.0, "lat": 51.0}


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "LineString", "coordinates": [[1, 50], [2, 51]]},
        {"type": "MultiPoint", "coordinates": [[1, 50]]},
        {"type": "Point", "coordinates": [1]},
        {"type": "Point", "coordinates": ["1", "50"]},
        {"type": "Point", "coordinates": [True, 50]},
        "POINT (1 50)",
    ],
)
def test_feature_to_record_rejects_non_point_geometry(geometry: object) -> None:
    feature = {"type": "Feature", "geometry": geometry, "properties": {"event_type": "other"}}
    with pytest.raises(ValueError, match="must be a GeoJSON Point or null"):
        feature_to_record(feature)


def test_parse_incident_returns_incident() -> None:
    made = parse_incident({**BASE, "date": "2024-03-10"}, "x.csv", "line 2")
    assert made.date == dt.date(2024, 3, 10)
