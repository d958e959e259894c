"""Reading and writing incident files: CSV, GeoJSON and GeoPackage."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

import geo.io
from geo.errors import InvalidIncidentError, UnsupportedFormatError
from geo.io import format_of, read_incidents, write_incidents
from geo.model import INCIDENT_COLUMNS, Incident, incidents_to_frame
from geo.vocabulary import FileFormat

HEADER = "event_type,date,place_name,lon,lat,people\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def feature(properties: dict[str, Any], geometry: Any = None, **extra: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties, **extra}


def point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


def collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


# -- formats -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.csv", FileFormat.CSV),
        ("a.CSV", FileFormat.CSV),
        ("a.geojson", FileFormat.GEOJSON),
        ("a.json", FileFormat.GEOJSON),
        ("a.gpkg", FileFormat.GPKG),
    ],
)
def test_format_of_suffix(name: str, expected: FileFormat) -> None:
    assert format_of(Path(name)) is expected


@pytest.mark.parametrize("name", ["incidents.xlsx", "incidents.shp", "incidents"])
def test_unsupported_suffix_is_refused(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "event_type\nlaunch\n")
    with pytest.raises(UnsupportedFormatError, match="unsupported file type") as caught:
        read_incidents(path)
    assert name in str(caught.value)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere\.csv"):
        read_incidents(tmp_path / "nowhere.csv")


# -- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "event_type,date,place_name,lon,lat",
        "event_type,date,place_name,longitude,latitude",
        "Type,Date,Place,Longitude,Latitude",
        "event_type,date,location,lng,lat",
        "event_type,date,place,x,y",
    ],
)
def test_csv_with_coordinates(tmp_path: Path, header: str) -> None:
    path = write(
        tmp_path / "in.csv",
        f"{header}\nlaunch,2024-05-01,Wissant beach,1.65833,50.88874\n"
        "rescue,2024-05-02,Off Dover,1.4,51.05\n",
    )
    result = read_incidents(path)
    frame = result.incidents
    assert frame.crs.to_epsg() == 4326
    assert frame["event_type"].tolist() == ["launch", "rescue"]
    assert frame["place_name"].tolist() == ["Wissant beach", "Off Dover"]
    assert frame.geometry.iloc[0] == shapely.Point(1.65833, 50.88874)
    assert frame.geometry.iloc[1] == shapely.Point(1.4, 51.05)
    assert result.extra_columns == []
    assert result.skipped == []


def test_csv_with_only_a_place(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "event_type,place,date\nlaunch,Sangatte,2024-06-01\n")
    frame = read_incidents(path).incidents
    assert len(frame) == 1
    assert frame.geometry.iloc[0] is None
    assert frame["place_name"].iloc[0] == "Sangatte"


def test_csv_flat_source_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "event_type,date,source_url,source_publisher,source_published,source_quote\n"
        "launch,2024-06-01,https://news.example/a,Example News,2024-06-02,\n"
        "launch,2024-06-03,,,,\n",
    )
    frame = read_incidents(path).incidents
    assert frame["sources"].iloc[0] == [
        {
            "url": "https://news.example/a",
            "publisher": "Example News",
            "published": "2024-06-02",
            "quote": None,
            "title": None,
        }
    ]
    assert frame["sources"].iloc[1] == []


def test_csv_json_sources_column(tmp_path: Path) -> None:
    sources = [
        {"url": "https://one.example/", "publisher": "One"},
        {"url": "https://two.example/", "quote": 'said "hello", then left'},
    ]
    cell = json.dumps(sources).replace('"', '""')
    path = write(tmp_path / "in.csv", f'event_type,sources\nsighting,"{cell}"\n')
    stored = read_incidents(path).incidents["sources"].iloc[0]
    assert [source["url"] for source in stored] == ["https://one.example/", "https://two.example/"]
    assert stored[1]["quote"] == 'said "hello", then left'


def test_csv_sources_cell_that_is_not_json_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "event_type,sources\nsighting,see the paper\n")
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    assert caught.value.problems[0].field == "sources"
    assert caught.value.problems[0].value == "see the paper"


def test_csv_blank_cells_are_missing(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "event_type,date,place_name,lon,lat,people,country,date_precision\narrival,  ,   ,,, ,,\n",
    )
    frame = read_incidents(path).incidents
    row = frame.iloc[0]
    assert row["event_type"] == "arrival"
    assert pd.isna(row["date"])
    assert pd.isna(row["place_name"])
    assert pd.isna(row["people"])
    assert pd.isna(row["date_precision"])
    assert frame.geometry.iloc[0] is None


def test_csv_keeps_unknown_columns_in_extra(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "event_type,Notes,boat colour,source_url\nlaunch,checked twice,grey,https://a.example/\n"
        "rescue,,blue,\n",
    )
    result = read_incidents(path)
    assert result.extra_columns == ["Notes", "boat colour"]
    assert result.incidents["extra"].tolist() == [
        {"Notes": "checked twice", "boat colour": "grey"},
        {"boat colour": "blue"},
    ]
    assert result.incidents["sources"].iloc[0] == [
        {
            "url": "https://a.example/",
            "publisher": None,
            "published": None,
            "quote": None,
            "title": None,
        }
    ]


def test_geojson_keeps_unknown_properties_in_extra(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.geojson",
        json.dumps(
            collection(
                feature({"event_type": "launch", "vessel": {"kind": "RHIB", "metres": 9}}),
                feature({"event_type": "launch", "tags": ["a", "b"], "extra": {"checked": True}}),
            )
        ),
    )
    result = read_incidents(path)
    assert result.extra_columns == ["vessel", "tags"]
    assert result.incidents["extra"].tolist() == [
        {"vessel": {"kind": "RHIB", "metres": 9}},
        {"tags": ["a", "b"], "checked": True},
    ]


def test_gpkg_keeps_unknown_columns_in_extra(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    table = gpkg_table([{"event_type": "launch", "crew": 2}], [shapely.Point(1.7, 50.9)])
    pyogrio.write_dataframe(table, path, layer="incidents", driver="GPKG")
    assert read_incidents(path).incidents["extra"].tolist() == [{"crew": 2}]


def test_strict_refuses_unknown_csv_columns_at_the_header(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "event_type,Notes\nlaunch,checked\n")
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path, strict=True, skip_invalid=True)
    [problem] = caught.value.problems
    assert (problem.location, problem.field) == ("header", "Notes")
    assert "--strict" in problem.message


def test_strict_refuses_unknown_geojson_properties_per_feature(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.geojson",
        json.dumps(
            collection(feature({"event_type": "launch"}), feature({"event_type": "launch", "x": 1}))
        ),
    )
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path, strict=True)
    [problem] = caught.value.problems
    assert (problem.location, problem.field) == ("feature 2", "x")
    result = read_incidents(path, strict=True, skip_invalid=True)
    assert len(result.incidents) == 1


def test_extra_column_that_clashes_with_the_extra_cell_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", 'event_type,crew,extra\nlaunch,2,"{""crew"": 3}"\n')
    with pytest.raises(InvalidIncidentError, match="crew"):
        read_incidents(path)


def test_csv_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("\ufeffevent_type,place\r\ndeath,Équihen-Plage\r\n".encode())
    frame = read_incidents(path).incidents
    assert frame["place_name"].tolist() == ["Équihen-Plage"]


def test_csv_bad_row_names_file_line_field_and_value(tmp_path: Path) -> None:
    path = write(
        tmp_path / "reports.csv",
        HEADER
        + "launch,2024-01-02,Calais,1.85,50.95,3\n"
        + "launch,2024-01-03,Calais,1.85,50.95,about forty\n",
    )
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    message = str(caught.value)
    assert str(path) in message
    assert "line 3" in message
    assert "people" in message
    assert "about forty" in message
    [problem] = caught.value.problems
    assert (problem.location, problem.field, problem.value) == ("line 3", "people", "about forty")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_line_number_counts_quoted_line_breaks(tmp_path: Path, newline: str) -> None:
    rows = [
        "event_type,date,description,people",
        'launch,2024-01-02,"first line',
        "second line",
        'third line",3',
        "launch,2024-01-03,plain,4",
        "rescue,2024-01-04,plain,-5",
    ]
    path = write(tmp_path / "multi.csv", newline.join(rows) + newline)
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    [problem] = caught.value.problems
    assert problem.location == "line 6"
    assert problem.value == "-5"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_line_number_of_a_multi_line_record_is_where_it_starts(
    tmp_path: Path, newline: str
) -> None:
    rows = [
        "event_type,date,description,people",
        "launch,2024-01-02,plain,3",
        "",
        'launch,2024-01-03,"a note',
        "",
        'over three lines",lots',
        "launch,2024-01-04,plain,-1",
    ]
    path = write(tmp_path / "multi.csv", newline.join(rows) + newline)
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    assert [problem.location for problem in caught.value.problems] == ["line 4", "line 7"]


def test_csv_row_with_more_cells_than_headings_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "shifted.csv",
        HEADER
        + "launch,2024-05-01,Calais, France,1.85,50.95,3\nrescue,2024-05-02,Dover,1.31,51.12,\n",
    )
    with pytest.raises(InvalidIncidentError) as raised:
        read_incidents(path)
    (problem,) = raised.value.problems
    assert (problem.location, problem.field) == ("line 2", "row")
    assert "7 cells but 6 headings" in problem.message
    result = read_incidents(path, skip_invalid=True)
    assert list(result.incidents["place_name"]) == ["Dover"]


def test_csv_several_bad_rows_are_all_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        HEADER
        + "launch,2024-01-02,Calais,1.85,50.95,-1\n"
        + "launch,2024-01-02,Calais,1.85,50.95,5\n"
        + "swim,2024-01-02,Calais,1.85,50.95,5\n"
        + "launch,2024-13-02,Calais,1.85,,5\n",
    )
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    found = [(p.location, p.field) for p in caught.value.problems]
    assert ("line 2", "people") in found
    assert ("line 4", "event_type") in found
    assert ("line 5", "date") in found
    assert not any(location == "line 3" for location, _ in found)
    assert "line 2" in str(caught.value)
    assert "line 4" in str(caught.value)


def test_csv_skip_invalid_keeps_the_good_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        HEADER
        + "launch,2024-01-02,Calais,1.85,50.95,2\n"
        + "launch,2024-01-02,Calais,1.85,50.95,-2\n"
        + "arrival,2024-01-03,Dover,1.34,51.13,9\n",
    )
    result = read_incidents(path, skip_invalid=True)
    assert result.incidents["people"].tolist() == [2, 9]
    assert [(p.location, p.field, p.value) for p in result.skipped] == [("line 3", "people", "-2")]


def test_csv_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("event_type,place\nlaunch,Équihen\n".encode("latin-1"))
    with pytest.raises(UnsupportedFormatError, match="not UTF-8") as caught:
        read_incidents(path)
    assert "latin1.csv" in str(caught.value)


def test_csv_with_only_a_header_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", HEADER)
    result = read_incidents(path)
    assert len(result.incidents) == 0
    assert list(result.incidents.columns) == [*INCIDENT_COLUMNS, "geometry"]
    assert result.skipped == []


@pytest.mark.parametrize("content", ["", "\n", "\n\n"])
def test_csv_without_header_is_refused(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "blank.csv", content)
    with pytest.raises(UnsupportedFormatError, match="empty CSV"):
        read_incidents(path)


# -- GeoJSON -----------------------------------------------------------------------------


def test_geojson_collection_with_null_geometry(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.geojson",
        json.dumps(
            collection(
                feature({"event_type": "launch", "place_name": "Wimereux"}, point(1.6, 50.77)),
                feature({"event_type": "arrival", "country": "gb", "people": 120}),
            )
        ),
    )
    frame = read_incidents(path).incidents
    assert frame.geometry.iloc[0] == shapely.Point(1.6, 50.77)
    assert frame.geometry.iloc[1] is None
    assert frame["country"].iloc[1] == "GB"
    assert frame["people"].iloc[1] == 120


def test_geojson_single_feature_with_id(tmp_path: Path) -> None:
    path = write(
        tmp_path / "one.json",
        json.dumps(feature({"event_type": "debris"}, point(1.59, 50.72), id="found-3")),
    )
    frame = read_incidents(path).incidents
    assert frame["id"].tolist() == ["found-3"]
    assert frame.geometry.iloc[0] == shapely.Point(1.59, 50.72)


def test_geojson_line_geometry_is_reported(tmp_path: Path) -> None:
    line = {"type": "LineString", "coordinates": [[1.5, 50.5], [1.6, 50.6]]}
    path = write(
        tmp_path / "in.geojson",
        json.dumps(
            collection(
                feature({"event_type": "launch"}, point(1.5, 50.5)),
                feature({"event_type": "launch"}, line),
            )
        ),
    )
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    [problem] = caught.value.problems
    assert problem.location == "feature 2"
    assert problem.field == "geometry"
    assert problem.value == line
    assert "feature 2" in str(caught.value)
    assert "LineString" in str(caught.value)
    assert "Point" in str(caught.value)


def test_geojson_bad_property_names_feature_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.geojson",
        json.dumps(
            collection(
                feature({"event_type": "launch"}),
                feature({"event_type": "launch"}),
                feature({"event_type": "launch", "boats": -4}),
            )
        ),
    )
    result = read_incidents(path, skip_invalid=True)
    assert len(result.incidents) == 2
    assert [(p.location, p.field, p.value) for p in result.skipped] == [("feature 3", "boats", -4)]


def test_geojson_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "broken.geojson", '{\n  "type": "FeatureCollection",\n  "features": [,]\n}'
    )
    with pytest.raises(UnsupportedFormatError) as caught:
        read_incidents(path)
    message = str(caught.value)
    assert "broken.geojson" in message
    assert "line 3" in message
    assert "column 16" in message


@pytest.mark.parametrize(
    "document",
    [
        {"type": "Point", "coordinates": [1, 50]},
        [{"type": "Feature"}],
        {"type": "FeatureCollection", "features": {"a": 1}},
        {"type": "FeatureCollection", "features": [1, 2]},
        {"features": []},
    ],
)
def test_geojson_that_is_not_features_is_refused(tmp_path: Path, document: object) -> None:
    path = write(tmp_path / "odd.geojson", json.dumps(document))
    with pytest.raises(UnsupportedFormatError, match="expected a GeoJSON FeatureCollection"):
        read_incidents(path)


def test_geojson_empty_collection(tmp_path: Path) -> None:
    path = write(tmp_path / "none.geojson", json.dumps(collection()))
    assert len(read_incidents(path).incidents) == 0


# -- GeoPackage --------------------------------------------------------------------------


def gpkg_table(layer_rows: list[dict[str, Any]], points: list[Any]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(pd.DataFrame(layer_rows), geometry=points, crs="EPSG:4326")


def test_gpkg_read(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    table = gpkg_table(
        [
            {"event_type": "launch", "date": "2024-07-01", "people": 50, "remark": "x"},
            {
                "event_type": "rescue",
                "date": "2024-07-02",
                "people": 20,
                "remark": "y",
                "sources": json.dumps([{"url": "https://a.example/"}]),
            },
        ],
        [shapely.Point(1.7, 50.9), None],
    )
    pyogrio.write_dataframe(table, path, layer="incidents", driver="GPKG")
    result = read_incidents(path)
    frame = result.incidents
    assert frame["event_type"].tolist() == ["launch", "rescue"]
    assert frame["people"].tolist() == [50, 20]
    assert frame.geometry.iloc[0] == shapely.Point(1.7, 50.9)
    assert frame.geometry.iloc[1] is None
    assert frame["sources"].iloc[1][0]["url"] == "https://a.example/"
    assert result.extra_columns == ["remark"]


def test_gpkg_single_layer_with_another_name(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    table = gpkg_table([{"event_type": "sighting"}], [shapely.Point(1.0, 50.0)])
    pyogrio.write_dataframe(table, path, layer="my_reports", driver="GPKG")
    assert read_incidents(path).incidents["event_type"].tolist() == ["sighting"]


def test_gpkg_incidents_layer_is_chosen_among_several(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    other = gpkg_table([{"event_type": "other"}], [shapely.Point(1.0, 50.0)])
    wanted = gpkg_table([{"event_type": "death"}], [shapely.Point(1.1, 50.1)])
    pyogrio.write_dataframe(other, path, layer="aaa", driver="GPKG")
    pyogrio.write_dataframe(wanted, path, layer="incidents", driver="GPKG", append=False)
    assert read_incidents(path).incidents["event_type"].tolist() == ["death"]


def test_gpkg_several_layers_none_named_incidents_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    table = gpkg_table([{"event_type": "other"}], [shapely.Point(1.0, 50.0)])
    pyogrio.write_dataframe(table, path, layer="first", driver="GPKG")
    pyogrio.write_dataframe(table, path, layer="second", driver="GPKG")
    with pytest.raises(UnsupportedFormatError, match="no layer named 'incidents'") as caught:
        read_incidents(path)
    assert "first" in str(caught.value)
    assert "second" in str(caught.value)


def test_gpkg_in_another_crs_is_reprojected(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    table = gpkg_table([{"event_type": "launch"}], [shapely.Point(1.85, 50.95)]).to_crs(3035)
    pyogrio.write_dataframe(table, path, layer="incidents", driver="GPKG")
    got = read_incidents(path).incidents.geometry.iloc[0]
    assert got.x == pytest.approx(1.85, abs=1e-7)
    assert got.y == pytest.approx(50.95, abs=1e-7)


def test_gpkg_bad_row_is_named(tmp_path: Path) -> None:
    path = tmp_path / "in.gpkg"
    table = gpkg_table(
        [{"event_type": "launch"}, {"event_type": "teleport"}],
        [shapely.Point(1.0, 50.0), shapely.Point(1.1, 50.1)],
    )
    pyogrio.write_dataframe(table, path, layer="incidents", driver="GPKG")
    with pytest.raises(InvalidIncidentError) as caught:
        read_incidents(path)
    [problem] = caught.value.problems
    assert (problem.location, problem.field, problem.value) == ("row 2", "event_type", "teleport")


def test_gpkg_that_is_not_a_geopackage_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "fake.gpkg", "this is plain text, not SQLite\n")
    with pytest.raises(UnsupportedFormatError, match=r"fake\.gpkg"):
        read_incidents(path)


# -- round trips and atomic writes --------------------------------------------------------


def round_trip_incidents() -> list[Incident]:
    return [
        Incident.model_validate(values)
        for values in [
            {
                "id": "rt-placed",
                "event_type": "launch",
                "date": "2024-08-01",
                "place_name": 'Plage de l\'Écluse, "north" end',
                "country": "FR",
                "lon": 1.6024612,
                "lat": 50.7696134,
                "location_precision": "site",
                "uncertainty_m": 1000.0,
                "location_role": "departure",
                "people": 55,
                "boats": 1,
                "description": "Written over\ntwo lines, with a comma.",
                "sources": [
                    {"url": "https://a.example/1", "publisher": "A", "published": "2024-08-02"},
                    {"url": "https://b.example/2", "quote": "short, quoted"},
                ],
                "shore_distance_m": -12.5,
                "coast_km": 95.25,
                "nearest_place": "Wimereux",
                "cluster_id": 3,
                "confidence": 0.85,
                "review_status": "accepted",
                "extra": {"source_event_id": "ev-1", "evidence": ["https://c.example/3"]},
            },
            {
                "event_type": "arrival",
                "date": "2024-08-01",
                "date_precision": "month",
                "country": "GB",
                "location_precision": "country",
                "people": 800,
            },
            {"event_type": "other"},
        ]
    ]


@pytest.mark.parametrize(
    ("file_format", "suffix"),
    [(FileFormat.GEOJSON, ".geojson"), (FileFormat.CSV, ".csv"), (FileFormat.GPKG, ".gpkg")],
)
def test_write_read_round_trip(tmp_path: Path, file_format: FileFormat, suffix: str) -> None:
    originals = round_trip_incidents()
    frame = incidents_to_frame(originals)
    path = tmp_path / f"out{suffix}"
    write_incidents(frame, path, file_format)
    result = read_incidents(path)
    again = result.incidents
    assert result.skipped == []
    assert result.extra_columns == []
    assert again["id"].tolist() == [incident.id for incident in originals]
    assert again.crs.to_epsg() == 4326
    assert again.geometry.iloc[0] == shapely.Point(1.6024612, 50.7696134)
    assert again.geometry.iloc[1] is None
    assert again.geometry.iloc[2] is None
    assert again["sources"].tolist() == frame["sources"].tolist()
    pd.testing.assert_frame_equal(
        pd.DataFrame(again[list(INCIDENT_COLUMNS)]), pd.DataFrame(frame[list(INCIDENT_COLUMNS)])
    )
    assert [Incident.model_validate(r) for r in _records(again)] == originals
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def _records(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    from geo.model import feature_to_record, frame_to_features

    return [feature_to_record(f) for f in frame_to_features(frame)]


@pytest.mark.parametrize(
    ("file_format", "suffix", "writer"),
    [
        (FileFormat.GEOJSON, ".geojson", "_write_geojson"),
        (FileFormat.CSV, ".csv", "_write_csv"),
        (FileFormat.GPKG, ".gpkg", "_write_gpkg"),
    ],
)
def test_failed_write_leaves_destination_unchanged(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    file_format: FileFormat,
    suffix: str,
    writer: str,
) -> None:
    path = tmp_path / f"out{suffix}"
    path.write_bytes(b"previous export")
    real: Callable[[gpd.GeoDataFrame, Path], None] = getattr(geo.io, writer)

    def half_then_fail(frame: gpd.GeoDataFrame, target: Path) -> None:
        real(frame, target)
        assert target.exists()
        raise OSError("disk full")

    monkeypatch.setattr(geo.io, writer, half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        write_incidents(incidents_to_frame(round_trip_incidents()), path, file_format)
    assert path.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize(
    ("file_format", "suffix"),
    [(FileFormat.GEOJSON, ".geojson"), (FileFormat.CSV, ".csv"), (FileFormat.GPKG, ".gpkg")],
)
def test_write_frame_with_repeated_index_labels(
    tmp_path: Path, file_format: FileFormat, suffix: str
) -> None:
    frame = incidents_to_frame(round_trip_incidents())
    shuffled = pd.concat([frame.iloc[[2]], frame.iloc[[0]], frame.iloc[[1]]])
    shuffled.index = [5, 5, 5]
    path = tmp_path / f"repeated{suffix}"
    write_incidents(shuffled, path, file_format)
    again = read_incidents(path).incidents
    assert again["id"].tolist() == shuffled["id"].tolist()
    assert again.geometry.iloc[1] == frame.geometry.iloc[0]
    assert again.geometry.iloc[0] is None


def test_write_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.geojson"
    path.write_text("old", encoding="utf-8")
    write_incidents(incidents_to_frame(round_trip_incidents()), path, FileFormat.GEOJSON)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document
    assert len(document["features"]) == 3


# -- hostile files (issue 12, defects 6, 7 and 10) -----------------------------------------


def test_csv_field_of_a_megabyte_is_named_not_a_traceback(tmp_path: Path) -> None:
    path = write(
        tmp_path / "huge.csv",
        "event_type,description\nlaunch,short\nrescue," + "x" * 1_000_000 + "\n",
    )
    with pytest.raises(UnsupportedFormatError) as caught:
        read_incidents(path, skip_invalid=True)
    message = str(caught.value)
    assert "huge.csv" in message
    assert "line 3" in message
    assert "longer than" in message


def test_geojson_nested_ten_thousand_levels_is_named(tmp_path: Path) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    text = (
        '{"type": "FeatureCollection", "features": [\n'
        '{"type": "Feature", "geometry": null, "properties": {"event_type": "launch"}},\n'
        '{"type": "Feature", "geometry": null, "properties": {"event_type": "launch", "x": '
        + deep
        + "}}\n]}"
    )
    path = write(tmp_path / "deep.geojson", text)
    with pytest.raises(UnsupportedFormatError) as caught:
        read_incidents(path)
    message = str(caught.value)
    assert "deep.geojson" in message
    assert "line 3" in message
    assert "nested" in message


def test_gpkg_layer_of_polygons_is_named(tmp_path: Path) -> None:
    path = tmp_path / "areas.gpkg"
    square = shapely.box(1.6, 50.7, 1.7, 50.8)
    table = gpkg_table([{"event_type": "launch"}, {"event_type": "rescue"}], [square, square])
    pyogrio.write_dataframe(table, path, layer="incidents", driver="GPKG")
    with pytest.raises(UnsupportedFormatError) as caught:
        read_incidents(path, skip_invalid=True)
    message = str(caught.value)
    assert "areas.gpkg" in message
    assert "incidents" in message
    assert "Polygon" in message


def test_gpkg_mixed_layer_names_the_row_that_is_not_a_point(tmp_path: Path) -> None:
    path = tmp_path / "mixed.gpkg"
    table = gpkg_table(
        [{"event_type": "launch"}, {"event_type": "rescue"}],
        [shapely.Point(1.6, 50.7), shapely.box(1.6, 50.7, 1.7, 50.8)],
    )
    pyogrio.write_dataframe(table, path, layer="incidents", driver="GPKG", geometry_type="Unknown")
    result = read_incidents(path, skip_invalid=True)
    assert result.incidents["event_type"].tolist() == ["launch"]
    [problem] = result.skipped
    assert (problem.location, problem.field) == ("row 2", "geometry")
    assert "Polygon" in problem.message


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["event_type", "date", "place_name", "lon", "lat"],
        ["launch", "2024-05-01", "Gravelines, plage", "2.12", "51.01"],
    ]
    path = write(tmp_path / "semi.csv", "\n".join(delimiter.join(r) for r in rows) + "\n")
    frame = read_incidents(path).incidents
    assert frame["place_name"].tolist() == ["Gravelines, plage"]
    assert frame.geometry.iloc[0] == shapely.Point(2.12, 51.01)


def test_semicolon_csv_with_decimal_commas_reads_the_numbers(tmp_path: Path) -> None:
    path = write(
        tmp_path / "fr.csv", "event_type;lon;lat;uncertainty_m\nlaunch;1,66;50,88;1500,5\n"
    )
    frame = read_incidents(path).incidents
    assert frame.geometry.iloc[0] == shapely.Point(1.66, 50.88)
    assert frame["uncertainty_m"].tolist() == [1500.5]


def test_csv_without_a_known_column_names_the_delimiter_and_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.csv", "kind;when;where\nlaunch;2024-05-01;Calais\n")
    with pytest.raises(UnsupportedFormatError) as caught:
        read_incidents(path)
    message = str(caught.value)
    assert "odd.csv" in message
    assert "semicolon" in message
    assert "'kind'" in message
    assert "'where'" in message
    assert "event_type" in message


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_export_neutralises_formula_cells(tmp_path: Path, start: str) -> None:
    text = f'{start}HYPERLINK("https://evil.example","click")'
    frame = incidents_to_frame(
        [
            Incident.model_validate(
                {"id": "f-1", "event_type": "launch", "lon": -1.25, "lat": 50.5}
                | {"shore_distance_m": -30.0}
            )
        ]
    )
    # Set as a frame value: the model strips a leading tab or CR, a frame may hold one.
    frame.loc[0, ["place_name", "description"]] = [text, text]
    path = tmp_path / "out.csv"
    write_incidents(frame, path, FileFormat.CSV)
    import csv as csv_module

    with path.open(encoding="utf-8", newline="") as handle:
        [row] = list(csv_module.DictReader(handle))
    assert row["place_name"] == "'" + text
    assert row["description"] == "'" + text
    assert row["lon"] == "-1.25"
    assert row["shore_distance_m"] == "-30.0"
    again = read_incidents(path).incidents
    assert again["place_name"].tolist() == [text.strip()]
    assert again["description"].tolist() == [text.strip()]
