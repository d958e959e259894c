"""The bundled data: finding the files, the coastline layers and the sample incidents.

The gazetteer's own tests are in ``test_gazetteer.py``.
"""

from __future__ import annotations

import json
from functools import cache

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from pyproj import Geod

from geo.bundled import (
    COASTLINE_FILE,
    GAZETTEER_FILE,
    ORGANISATIONS_FILE,
    SAMPLE_INCIDENTS_FILE,
    bundled_path,
)
from geo.coast import CoastLayer, coastline_layer
from geo.errors import BundledDataError
from geo.io import read_incidents
from geo.model import Incident, feature_to_record

BOX = (-2.0, 49.0, 4.5, 52.6)
METRIC = "EPSG:3035"
GEOD = Geod(ellps="WGS84")
BORDER = (2.5458, 51.0894)  # the French–Belgian border on the beach


@cache
def gazetteer() -> pd.DataFrame:
    table = pd.read_csv(bundled_path(GAZETTEER_FILE), dtype=str, keep_default_na=False)
    table["lon"] = table["lon"].astype(float)
    table["lat"] = table["lat"].astype(float)
    return table


@cache
def reference_line() -> tuple[shapely.LineString, float]:
    layer = coastline_layer(CoastLayer.REFERENCE_LINE)
    return layer.geometry.iloc[0], float(layer["start_km"].iloc[0])


def coast_km(lon: float, lat: float) -> float:
    """Kilometre along the reference line: nearest point in EPSG:3035, geodesic length to it."""
    line, start_km = reference_line()
    line_m = gpd.GeoSeries([line], crs="EPSG:4326").to_crs(METRIC).iloc[0]
    point_m = gpd.GeoSeries([shapely.Point(lon, lat)], crs="EPSG:4326").to_crs(METRIC).iloc[0]
    along = shapely.ops.substring(line_m, 0.0, line_m.project(point_m))
    if along.geom_type == "Point":  # the very first vertex
        return start_km
    back = gpd.GeoSeries([along], crs=METRIC).to_crs("EPSG:4326").iloc[0]
    return start_km + GEOD.geometry_length(back) / 1000.0


def place(name: str) -> tuple[float, float]:
    rows = gazetteer()[gazetteer()["name"] == name]
    assert len(rows) == 1, f"expected one gazetteer row named {name!r}, found {len(rows)}"
    return float(rows["lon"].iloc[0]), float(rows["lat"].iloc[0])


# -- finding the files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", [COASTLINE_FILE, GAZETTEER_FILE, ORGANISATIONS_FILE, SAMPLE_INCIDENTS_FILE]
)
def test_bundled_path_finds_the_files(name: str) -> None:
    path = bundled_path(name)
    assert path.is_file()
    assert path.name == name
    assert path.stat().st_size > 0


@pytest.mark.parametrize("name", ["nothing-here.csv", "coastline.shp", "Gazetteer.CSV.bak"])
def test_bundled_path_refuses_unknown_names(name: str) -> None:
    with pytest.raises(BundledDataError, match="not found") as caught:
        bundled_path(name)
    assert name in str(caught.value)
    assert isinstance(caught.value, FileNotFoundError)


# -- the coastline --------------------------------------------------------------------------


def test_coastline_has_its_three_layers() -> None:
    layers = {
        str(name): str(kind) for name, kind in pyogrio.list_layers(bundled_path(COASTLINE_FILE))
    }
    assert layers == {
        "land": "Polygon",
        "shoreline": "MultiLineString",
        "reference_line": "LineString",
    }


@pytest.mark.parametrize("layer", list(CoastLayer))
def test_coastline_layers_are_wgs84_inside_the_box(layer: CoastLayer) -> None:
    frame = coastline_layer(layer)
    assert len(frame) > 0
    assert frame.crs.to_epsg() == 4326
    min_lon, min_lat, max_lon, max_lat = frame.total_bounds
    assert min_lon >= BOX[0]
    assert min_lat >= BOX[1]
    assert max_lon <= BOX[2]
    assert max_lat <= BOX[3]
    assert frame.geometry.is_valid.all()
    assert not frame.geometry.is_empty.any()


def test_land_and_shoreline_columns() -> None:
    land = coastline_layer(CoastLayer.LAND)
    shoreline = coastline_layer(CoastLayer.SHORELINE)
    assert set(land["level"]) == {1}
    assert set(shoreline["level"]) == {1}
    assert (land["area_km2"] > 0).all()
    assert {"0-E", "15"} <= set(land["gshhg_id"])  # Eurasia and Great Britain


def test_coastline_layer_returns_a_copy() -> None:
    first = coastline_layer(CoastLayer.LAND)
    first["level"] = 99
    first.loc[first.index[0], "geometry"] = shapely.Point(0.0, 0.0)
    again = coastline_layer(CoastLayer.LAND)
    assert set(again["level"]) == {1}
    assert again.geometry.iloc[0].geom_type == "Polygon"


def test_exactly_one_reference_line_from_the_zwin_to_the_seine() -> None:
    layer = coastline_layer(CoastLayer.REFERENCE_LINE)
    assert len(layer) == 1
    line = layer.geometry.iloc[0]
    assert line.geom_type == "LineString"
    first, last = line.coords[0], line.coords[-1]
    assert first == pytest.approx((3.367, 51.373), abs=0.01)
    assert last == pytest.approx((0.066, 49.512), abs=0.01)
    assert GEOD.geometry_length(line) / 1000 == pytest.approx(363.6, abs=0.5)
    assert float(layer["start_km"].iloc[0]) == pytest.approx(-67.044, abs=0.001)


def test_coast_km_is_zero_at_the_french_belgian_border() -> None:
    assert coast_km(*BORDER) == pytest.approx(0.0, abs=0.05)


def test_coast_km_grows_south_westwards() -> None:
    calais = coast_km(*place("Calais"))
    boulogne = coast_km(*place("Boulogne-sur-Mer"))
    berck = coast_km(*place("Berck"))
    assert 0 < calais < boulogne < berck
    assert calais == pytest.approx(52.1, abs=1.0)
    assert boulogne == pytest.approx(90.0, abs=1.0)
    assert coast_km(3.0, 51.25) < 0  # Belgian coast near Ostend


def test_coast_km_at_the_line_ends() -> None:
    line, start_km = reference_line()
    assert coast_km(*line.coords[0]) == pytest.approx(start_km, abs=0.01)
    assert coast_km(*line.coords[-1]) == pytest.approx(296.5, abs=0.5)


# -- the sample incidents ---------------------------------------------------------------------


def sample_document() -> dict[str, object]:
    return json.loads(bundled_path(SAMPLE_INCIDENTS_FILE).read_text(encoding="utf-8"))


def test_sample_incidents_all_validate() -> None:
    document = sample_document()
    result = read_incidents(bundled_path(SAMPLE_INCIDENTS_FILE))
    assert result.skipped == []
    assert result.extra_columns == []
    assert len(result.incidents) == len(document["features"])  # type: ignore[arg-type]
    assert len(result.incidents) > 100
    assert result.incidents["id"].is_unique


def test_sample_incident_ids_are_their_stable_ids() -> None:
    for feature in sample_document()["features"]:  # type: ignore[attr-defined]
        record = feature_to_record(feature)
        given = record.pop("id")
        assert Incident.model_validate(record).id == given
        assert feature["id"] == given


def test_sample_place_ids_are_in_the_gazetteer() -> None:
    incidents = read_incidents(bundled_path(SAMPLE_INCIDENTS_FILE)).incidents
    table = gazetteer().set_index("place_id")
    placed = incidents[incidents["place_id"].notna()]
    assert len(placed) > 0
    for row in placed.itertuples():
        assert row.place_id in table.index, row.place_id
        assert row.geometry is not None
        assert row.geometry.x == pytest.approx(table.loc[row.place_id, "lon"], abs=1e-5)
        assert row.geometry.y == pytest.approx(table.loc[row.place_id, "lat"], abs=1e-5)


def test_unplaced_sample_incidents_have_a_country() -> None:
    incidents = read_incidents(bundled_path(SAMPLE_INCIDENTS_FILE)).incidents
    unplaced = incidents[incidents.geometry.isna()]
    assert len(unplaced) > 0
    assert unplaced["country"].notna().all()
    assert set(unplaced["location_precision"]) == {"country"}


def test_sample_sources_are_web_addresses_without_copied_quotes() -> None:
    incidents = read_incidents(bundled_path(SAMPLE_INCIDENTS_FILE)).incidents
    for sources in incidents["sources"]:
        assert sources
        for source in sources:
            assert source["url"].startswith(("https://", "http://"))
            assert source["quote"] is None
