"""Coastline relations: signed shore distance, shore point, coast km, nearest place, 300 m zone."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.ops
from pyproj import Geod, Transformer

import geo.coast
from geo.coast import (
    COASTLINE_BOUNDS,
    RELATION_COLUMNS,
    CoastLayer,
    coastline_layer,
    point_at_coast_km,
    relate_to_coast,
    with_coast_relations,
)
from geo.gazetteer import gazetteer
from geo.model import DERIVED_COLUMNS, Incident, incidents_to_frame

WGS84 = "EPSG:4326"
METRIC = "EPSG:3035"
GEOD = Geod(ellps="WGS84")
TO_METRIC = Transformer.from_crs(WGS84, METRIC, always_xy=True)
TO_WGS84 = Transformer.from_crs(METRIC, WGS84, always_xy=True)
BORDER = (2.5458, 51.0894)  # the French–Belgian border on the beach
OFF_CALAIS = (1.80, 51.00)
SAINT_OMER = (2.25, 50.75)


def series(*points: tuple[float, float] | None, index: list[object] | None = None) -> gpd.GeoSeries:
    geometries = [None if point is None else shapely.Point(point) for point in points]
    return gpd.GeoSeries(geometries, crs=WGS84, index=index)


def relate_one(lon: float, lat: float) -> pd.Series:
    return relate_to_coast(series((lon, lat))).iloc[0]


def place(name: str) -> tuple[float, float]:
    table = gazetteer()
    rows = table[table["name"] == name]
    assert len(rows) == 1, f"expected one gazetteer row named {name!r}"
    return float(rows["lon"].iloc[0]), float(rows["lat"].iloc[0])


# -- independent, brute-force versions of each relation -----------------------------------


@cache
def shoreline_m() -> shapely.Geometry:
    return coastline_layer(CoastLayer.SHORELINE).to_crs(METRIC).union_all()


@cache
def land_wgs84() -> shapely.Geometry:
    return coastline_layer(CoastLayer.LAND).union_all()


@cache
def localities_m() -> gpd.GeoDataFrame:
    """The towns and villages nearest_place names (not quarters, hamlets or sites)."""
    table = gazetteer()
    return table[table["kind"].isin(["populated_place", "village"])].to_crs(METRIC)


def metric(lon: float, lat: float) -> shapely.Point:
    x, y = TO_METRIC.transform(lon, lat)
    return shapely.Point(x, y)


def brute_shore(lon: float, lat: float) -> tuple[float, float, float]:
    """Nearest shore point (lon, lat) and signed geodesic distance, one point, no index."""
    _, nearest = shapely.ops.nearest_points(metric(lon, lat), shoreline_m())
    shore_lon, shore_lat = TO_WGS84.transform(nearest.x, nearest.y)
    _, _, distance = GEOD.inv(lon, lat, shore_lon, shore_lat)
    sign = -1.0 if land_wgs84().contains(shapely.Point(lon, lat)) else 1.0
    return shore_lon, shore_lat, sign * distance


def brute_coast_km(lon: float, lat: float) -> float:
    """Geodesic length of the reference line up to the point's nearest point on it."""
    layer = coastline_layer(CoastLayer.REFERENCE_LINE)
    line_m = layer.to_crs(METRIC).geometry.iloc[0]
    along = shapely.ops.substring(line_m, 0.0, line_m.project(metric(lon, lat)))
    start_km = float(layer["start_km"].iloc[0])
    if along.geom_type == "Point":
        return start_km
    back = gpd.GeoSeries([along], crs=METRIC).to_crs(WGS84).iloc[0]
    return start_km + GEOD.geometry_length(back) / 1000.0


def random_points(count: int, seed: int) -> list[tuple[float, float]]:
    rng = np.random.default_rng(seed)
    lons = rng.uniform(1.4, 2.6, count)
    lats = rng.uniform(50.6, 51.2, count)
    return list(zip(lons.tolist(), lats.tolist(), strict=True))


def off_shore(sea_point: tuple[float, float], metres: float) -> tuple[float, float]:
    """The point ``metres`` out from the sea point's nearest shore point, toward the sea point.

    Every point on the segment from a point to its nearest shore point has that same
    nearest shore point, so the result lies ``metres`` from the shore.
    """
    shore = relate_one(*sea_point)
    sx, sy = TO_METRIC.transform(shore["shore_lon"], shore["shore_lat"])
    px, py = TO_METRIC.transform(*sea_point)
    length = float(np.hypot(px - sx, py - sy))
    assert length > metres, "pick a sea point farther out"
    lon, lat = TO_WGS84.transform(
        sx + (px - sx) * metres / length, sy + (py - sy) * metres / length
    )
    return float(lon), float(lat)


# -- the signed distance to shore ------------------------------------------------------------


@pytest.mark.parametrize(
    ("point", "low_m", "high_m"),
    [
        pytest.param(OFF_CALAIS, 1000.0, 20_000.0, id="at-sea-off-calais"),
        pytest.param((1.45, 50.90), 1000.0, 30_000.0, id="mid-channel-french-side"),
        pytest.param(SAINT_OMER, -60_000.0, -5000.0, id="inland-saint-omer"),
        pytest.param(place("Gravelines"), -10_000.0, -100.0, id="inland-gravelines-centre"),
        pytest.param((2.9, 51.23), 1.0, 1000.0, id="just-off-ostend-beach"),
    ],
)
def test_shore_distance_is_signed(point: tuple[float, float], low_m: float, high_m: float) -> None:
    relation = relate_one(*point)
    assert low_m < relation["shore_distance_m"] < high_m


@pytest.mark.parametrize(
    "point",
    [OFF_CALAIS, SAINT_OMER, BORDER, place("Wimereux"), place("Dover"), (2.0, 51.1)],
    ids=["off-calais", "saint-omer", "border", "wimereux", "dover", "strait"],
)
def test_shore_point_lies_on_the_shoreline(point: tuple[float, float]) -> None:
    relation = relate_one(*point)
    shore = metric(relation["shore_lon"], relation["shore_lat"])
    assert shore.distance(shoreline_m()) < 1.0


@pytest.mark.parametrize(
    "point", [OFF_CALAIS, SAINT_OMER, place("Folkestone"), (2.3, 51.2)], ids=str
)
def test_shore_distance_is_the_geodesic_distance_to_the_shore_point(
    point: tuple[float, float],
) -> None:
    relation = relate_one(*point)
    _, _, geodesic = GEOD.inv(point[0], point[1], relation["shore_lon"], relation["shore_lat"])
    assert abs(relation["shore_distance_m"]) == pytest.approx(geodesic, rel=1e-9)


def test_shore_relations_match_a_brute_force_computation() -> None:
    points = random_points(40, seed=7)
    relations = relate_to_coast(series(*points))
    for (lon, lat), relation in zip(points, relations.itertuples(), strict=True):
        shore_lon, shore_lat, signed_m = brute_shore(lon, lat)
        _, _, apart = GEOD.inv(shore_lon, shore_lat, relation.shore_lon, relation.shore_lat)
        assert apart < 1.0, (lon, lat)
        assert relation.shore_distance_m == pytest.approx(signed_m, abs=1.0)


# -- vectorized equals one at a time ---------------------------------------------------------


def test_vectorized_result_equals_one_point_at_a_time() -> None:
    points = random_points(60, seed=11)
    together = relate_to_coast(series(*points))
    one_by_one = pd.concat([relate_to_coast(series(point)) for point in points])
    one_by_one.index = together.index
    pd.testing.assert_frame_equal(together, one_by_one)


def test_chunked_threads_give_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    points = series(*random_points(300, seed=3), None, (1.0, 50.0))
    whole = relate_to_coast(points)
    monkeypatch.setattr(geo.coast, "_CHUNK_POINTS", 7)
    chunked = relate_to_coast(points)
    pd.testing.assert_frame_equal(whole, chunked)
    assert whole["nearest_place"].notna().sum() == 301


# -- kilometre along the coast ---------------------------------------------------------------


def test_coast_km_is_zero_at_the_border() -> None:
    assert relate_one(*BORDER)["coast_km"] == pytest.approx(0.0, abs=0.05)


def test_coast_km_grows_south_westwards() -> None:
    names = ["Dunkirk", "Gravelines", "Calais", "Boulogne-sur-Mer", "Berck"]
    kms = relate_to_coast(series(*(place(name) for name in names)))["coast_km"].tolist()
    assert kms == sorted(kms)
    assert len(set(kms)) == len(kms)
    assert kms[0] > 0


@pytest.mark.parametrize(
    ("name", "expected_km"),
    [
        ("Dunkirk", 12.5),
        ("Calais", 52.1),
        ("Cap Gris-Nez", 74.2),
        ("Boulogne-sur-Mer", 90.0),
        ("Le Touquet-Paris-Plage", 114.9),
        ("Berck-Plage", 128.1),
    ],
)
def test_coast_km_of_towns_matches_the_data_readme(name: str, expected_km: float) -> None:
    assert relate_one(*place(name))["coast_km"] == pytest.approx(expected_km, abs=1.0)


def test_coast_km_is_negative_in_belgium() -> None:
    assert relate_one(*place("Ostend"))["coast_km"] < -20


def brute_on_coast_side(lon: float, lat: float) -> bool:
    """Whether the point's nearest town is not British, one point, no index."""
    towns = localities_m()
    nearest = towns.geometry.distance(metric(lon, lat)).idxmin()
    return str(towns.loc[nearest, "country"]) != "GB"


@pytest.mark.parametrize(
    "point", [*random_points(8, seed=5), place("Calais"), place("Ostend")], ids=str
)
def test_coast_km_matches_the_substring_length(point: tuple[float, float]) -> None:
    found = relate_one(*point)["coast_km"]
    if brute_on_coast_side(*point):
        assert found == pytest.approx(brute_coast_km(*point), abs=0.02)
    else:
        assert np.isnan(found)


@pytest.mark.parametrize("coast_km", [-67.044, -30.0, 0.0, 52.1, 150.0, 296.0])
def test_point_at_coast_km_round_trips(coast_km: float) -> None:
    lon, lat = point_at_coast_km(coast_km)
    assert relate_one(lon, lat)["coast_km"] == pytest.approx(coast_km, abs=1e-4)


@pytest.mark.parametrize("coast_km", [-68.0, 400.0, float("nan")])
def test_point_at_coast_km_refuses_kilometres_off_the_line(coast_km: float) -> None:
    with pytest.raises(ValueError, match="outside the reference line"):
        point_at_coast_km(coast_km)


# -- nearest place ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Wimereux", "Calais", "Gravelines", "Dover", "Le Portel"])
def test_nearest_place_at_a_town_is_that_town(name: str) -> None:
    assert relate_one(*place(name))["nearest_place"] == name


def test_nearest_place_is_the_nearest_locality() -> None:
    points = random_points(30, seed=13)
    names = relate_to_coast(series(*points))["nearest_place"]
    towns = localities_m()
    for (lon, lat), name in zip(points, names, strict=True):
        distances = towns.distance(metric(lon, lat))
        assert distances[towns["name"] == name].min() == pytest.approx(distances.min())


@pytest.mark.parametrize("name", ["Cap Gris-Nez", "Les Hemmes de Marck", "Blériot-Plage"])
def test_nearest_place_skips_curated_sites_hamlets_and_quarters(name: str) -> None:
    assert relate_one(*place(name))["nearest_place"] != name


# -- the 300 m zone --------------------------------------------------------------------------


def test_point_150_m_off_a_beach_is_in_the_zone() -> None:
    point = off_shore((1.60, 50.80), 150.0)  # off the beach north of Wimereux
    relation = relate_one(*point)
    assert relation["shore_distance_m"] == pytest.approx(150.0, abs=1.0)
    assert relation["within_300m_zone"]


@pytest.mark.parametrize(
    ("point", "out_m"),
    [
        pytest.param(SAINT_OMER, None, id="inland"),
        pytest.param(place("Wimereux"), None, id="town-centre-just-inland"),
        pytest.param((1.50, 50.85), 2000.0, id="2-km-off"),
        pytest.param((1.50, 50.85), 310.0, id="310-m-off"),
    ],
)
def test_points_outside_the_zone(point: tuple[float, float], out_m: float | None) -> None:
    if out_m is not None:
        point = off_shore(point, out_m)
    relation = relate_one(*point)
    if out_m is not None:
        # out_m is measured in EPSG:3035, whose scale here is about 0.1 % off the geodesic
        assert relation["shore_distance_m"] == pytest.approx(out_m, rel=0.003)
    else:
        assert relation["shore_distance_m"] < 0
    assert not relation["within_300m_zone"]


# -- missing, empty and odd input ------------------------------------------------------------


@pytest.mark.parametrize(
    "missing", [None, shapely.Point(), shapely.Point(float("nan"), float("nan"))]
)
def test_missing_points_give_missing_rows(missing: shapely.Point | None) -> None:
    points = gpd.GeoSeries([shapely.Point(OFF_CALAIS), missing], crs=WGS84)
    relations = relate_to_coast(points)
    assert relations.iloc[0].notna().all()
    empty = relations.iloc[1]
    for column in ("shore_distance_m", "shore_lon", "shore_lat", "coast_km"):
        assert np.isnan(empty[column])
    assert empty["nearest_place"] is None
    assert empty["within_300m_zone"] is pd.NA


@pytest.mark.parametrize("crs", [WGS84, None])
def test_empty_input_gives_an_empty_frame_with_the_columns(crs: str | None) -> None:
    relations = relate_to_coast(gpd.GeoSeries([], crs=crs))
    assert relations.empty
    assert relations.dtypes.astype(str).to_dict() == RELATION_COLUMNS


def test_all_missing_input_gives_missing_rows() -> None:
    relations = relate_to_coast(series(None, None, index=["x", "y"]))
    assert list(relations.index) == ["x", "y"]
    assert relations["shore_distance_m"].isna().all()
    assert relations["nearest_place"].isna().all()


@pytest.mark.parametrize(
    "index",
    [["b", "a", "c"], [30, 10, 20], pd.date_range("2024-01-01", periods=3)],
    ids=["labels", "unsorted-ints", "dates"],
)
def test_index_is_preserved(index: list[object]) -> None:
    points = series(OFF_CALAIS, None, SAINT_OMER, index=index)
    relations = relate_to_coast(points)
    assert relations.index.equals(points.index)
    assert relations["shore_distance_m"].iloc[0] > 0
    assert relations["shore_distance_m"].iloc[2] < 0


@pytest.mark.parametrize(
    "crs", [None, "EPSG:3857", "EPSG:32631"], ids=["no-crs", "web-mercator", "utm31"]
)
def test_points_in_other_crs_are_converted(crs: str | None) -> None:
    expected = relate_one(*OFF_CALAIS)
    points = series(OFF_CALAIS)
    points = points.to_crs(crs) if crs else points.set_crs(None, allow_override=True)
    relation = relate_to_coast(points).iloc[0]
    assert relation["shore_distance_m"] == pytest.approx(expected["shore_distance_m"], abs=1e-3)
    assert relation["coast_km"] == pytest.approx(expected["coast_km"], abs=1e-6)


def test_points_outside_the_coastline_box_have_no_shore_relation() -> None:
    paris = (2.35, 48.86)
    assert not COASTLINE_BOUNDS[1] <= paris[1] <= COASTLINE_BOUNDS[3]
    relation = relate_one(*paris)
    assert np.isnan(relation["shore_distance_m"])
    assert np.isnan(relation["shore_lon"])
    assert relation["within_300m_zone"] is pd.NA
    assert np.isfinite(relation["coast_km"])  # a projection onto the line, as documented
    assert isinstance(relation["nearest_place"], str)


def test_english_points_get_no_kilometre_of_the_french_coast() -> None:
    dover = relate_one(*place("Dover"))
    assert dover["shore_distance_m"] < 0  # Dover's centre is on land (Great Britain)
    assert np.isnan(dover["coast_km"])  # not the French coast across the Strait
    off_folkestone = relate_one(1.20, 51.05)  # at sea, nearer Folkestone than Boulogne
    assert off_folkestone["shore_distance_m"] > 0 and np.isnan(off_folkestone["coast_km"])
    off_gris_nez = relate_one(1.55, 50.88)  # at sea on the French side
    assert 60 < off_gris_nez["coast_km"] < 80


def test_an_english_incident_without_a_country_gets_no_coast_km(
    make_incident: Callable[..., Incident],
) -> None:
    dover = place("Dover")
    frame = incidents_to_frame([make_incident(id="dover", lon=dover[0], lat=dover[1])])
    filled = with_coast_relations(frame)
    assert filled.loc[0, "country"] is None
    assert np.isnan(filled.loc[0, "coast_km"]) and filled.loc[0, "nearest_place"] == "Dover"


@pytest.mark.parametrize(
    "geometry",
    [shapely.LineString([(1.8, 51.0), (1.9, 51.0)]), shapely.Point(1.8, 51.0).buffer(0.01)],
    ids=["line", "polygon"],
)
def test_non_points_are_refused(geometry: shapely.Geometry) -> None:
    points = gpd.GeoSeries([shapely.Point(OFF_CALAIS), geometry], crs=WGS84, index=["ok", "bad"])
    with pytest.raises(ValueError, match="non-point geometry at 'bad'"):
        relate_to_coast(points)


@pytest.mark.parametrize("point", [(190.0, 51.0), (1.8, 91.0)])
def test_out_of_range_coordinates_are_refused(point: tuple[float, float]) -> None:
    with pytest.raises(ValueError, match="not a WGS84 lon/lat"):
        relate_to_coast(series(point))


# -- incident frames -------------------------------------------------------------------------


def test_with_coast_relations_fills_an_incident_frame(
    make_incident: Callable[..., Incident],
) -> None:
    frame = incidents_to_frame(
        [
            make_incident(id="sea", lon=OFF_CALAIS[0], lat=OFF_CALAIS[1]),
            make_incident(id="unplaced", country="FR"),
            make_incident(id="inland", lon=SAINT_OMER[0], lat=SAINT_OMER[1]),
        ]
    )
    frame.index = pd.Index([7, 3, 5])
    frame["cluster_id"] = pd.array([1, None, 2], dtype="Int64")
    filled = with_coast_relations(frame)

    assert filled is not frame
    assert frame["shore_distance_m"].isna().all()  # the input is left alone
    assert list(filled.columns) == list(frame.columns)
    assert filled.index.equals(frame.index)
    assert filled["cluster_id"].tolist() == [1, pd.NA, 2]
    assert filled.loc[7, "shore_distance_m"] > 0
    assert filled.loc[5, "shore_distance_m"] < -5000
    assert np.isnan(filled.loc[3, "shore_distance_m"])
    assert np.isnan(filled.loc[3, "coast_km"])
    assert filled.loc[3, "nearest_place"] is None
    assert filled.loc[7, "nearest_place"] == "Calais"
    expected = relate_to_coast(frame.geometry)
    assert filled["coast_km"].equals(expected["coast_km"].round(3))  # to the metre
    assert filled["shore_distance_m"].equals(expected["shore_distance_m"].round(1))
    assert filled["shore_distance_m"].dtype == "float64"
    assert set(DERIVED_COLUMNS) <= set(filled.columns)


def test_with_coast_relations_on_an_empty_incident_frame() -> None:
    filled = with_coast_relations(incidents_to_frame([]))
    assert filled.empty
    assert {"shore_distance_m", "coast_km", "nearest_place", "cluster_id"} <= set(filled.columns)
    assert filled["shore_distance_m"].dtype == "float64"
