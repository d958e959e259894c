"""The bundled coastline: land polygons, shoreline lines and the reference line.

The layers come from GSHHG (full resolution) clipped to the French and Belgian
Channel and North Sea coast and Kent; ``data/build_coastline.py`` builds them.
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import pyogrio
import shapely
from pyproj import Geod, Transformer
from shapely import STRtree

from geo.bundled import COASTLINE_FILE, bundled_path
from geo.gazetteer import POPULATED_PLACE, gazetteer
from geo.model import CRS


class CoastLayer(StrEnum):
    """The layers of the bundled coastline GeoPackage."""

    LAND = "land"
    SHORELINE = "shoreline"
    REFERENCE_LINE = "reference_line"


@cache
def _read_layer(layer: CoastLayer) -> gpd.GeoDataFrame:
    """Read one coastline layer once per process."""
    return pyogrio.read_dataframe(bundled_path(COASTLINE_FILE), layer=layer.value)


def coastline_layer(layer: CoastLayer) -> gpd.GeoDataFrame:
    """Return a copy of a bundled coastline layer (EPSG:4326), read once per process."""
    return _read_layer(layer).copy()


# -- coastline relations ---------------------------------------------------------------------

COASTLINE_BOUNDS = (-2.0, 49.0, 4.5, 52.6)
"""The box the bundled coastline covers: (min lon, min lat, max lon, max lat)."""

ACROSS_THE_CHANNEL = ("GB",)
"""Countries across the Channel from the reference line: their points get no ``coast_km``."""

METRIC_CRS = "EPSG:3035"
INTERCEPTION_ZONE_M = 300.0
"""The strip of sea along the shore in which French police may intercept boats."""

RELATION_COLUMNS: dict[str, str] = {
    "shore_distance_m": "float64",
    "shore_lon": "float64",
    "shore_lat": "float64",
    "coast_km": "float64",
    "nearest_place": "object",
    "within_300m_zone": "boolean",
}
"""Columns of :func:`relate_to_coast` and their pandas dtypes, in order."""

_ZONE_REACH_M = 3_000.0  # shoreline this close to the reference line belongs to the French coast
_ZONE_SHORE_TOLERANCE_M = 10.0  # simplify the shoreline this much before buffering it


@cache
def interception_zone(width_m: float = INTERCEPTION_ZONE_M) -> gpd.GeoDataFrame:
    """Return the strip of sea within ``width_m`` of the French coast's shore (EPSG:4326).

    The strip follows the shoreline along the reference coastline (Zwin to Cap
    de la Hève) only: the 300 m rule is French, so the English shore has none.
    It is cached; callers must not modify the frame.
    """
    shoreline = coastline_layer(CoastLayer.SHORELINE).to_crs(METRIC_CRS)
    land = coastline_layer(CoastLayer.LAND).to_crs(METRIC_CRS)
    reference = coastline_layer(CoastLayer.REFERENCE_LINE).to_crs(METRIC_CRS)
    french_shore = shapely.intersection(
        shapely.union_all(shoreline.geometry.values),
        shapely.union_all(reference.geometry.buffer(_ZONE_REACH_M).values),
    )
    strip = shapely.simplify(french_shore, _ZONE_SHORE_TOLERANCE_M).buffer(width_m, quad_segs=4)
    sea_strip = shapely.difference(strip, shapely.union_all(land.geometry.values))
    zone = gpd.GeoDataFrame({"width_m": [width_m]}, geometry=[sea_strip], crs=METRIC_CRS)
    return zone.to_crs(CRS)


_INCIDENT_RELATION_COLUMNS = ("shore_distance_m", "coast_km", "nearest_place")
_PIECE_SEGMENTS = 4  # segments per indexed piece of line: short pieces keep nearest search fast
_CHUNK_POINTS = 50_000  # points per thread task
_NODE_CAPACITY = 4  # small tree nodes: fewer distance computations per nearest search
_GEOD = Geod(ellps="WGS84")

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]


@dataclass(frozen=True)
class _Pieces:
    """Lines cut into pieces of :data:`_PIECE_SEGMENTS` segments, with a tree over the pieces.

    ``vertices`` has shape (pieces, segments + 1, 2) in EPSG:3035; a line's last
    piece repeats its final vertex, which adds zero-length segments only.
    """

    vertices: FloatArray
    tree: STRtree


@dataclass(frozen=True)
class _ReferenceLine:
    """The reference line as pieces, with the coast kilometre of each segment's start."""

    pieces: _Pieces
    segment_start_km: FloatArray  # (pieces, segments): start_km + geodesic km to segment start
    segment_km: FloatArray  # (pieces, segments): geodesic length of each segment
    vertices: FloatArray  # (vertices, 2): the line in EPSG:3035
    vertex_km: FloatArray  # (vertices,): coast kilometre of each vertex


@dataclass(frozen=True)
class _CoastIndex:
    """Everything :func:`relate_to_coast` needs, built once per process."""

    to_metric: Transformer
    to_wgs84: Transformer
    land: shapely.Geometry  # prepared union of the land polygons, EPSG:3035
    shore: _Pieces
    reference: _ReferenceLine
    places: STRtree  # locality points, EPSG:3035
    place_names: npt.NDArray[np.object_]
    on_coast_side: npt.NDArray[np.bool_]  # each locality is not ACROSS_THE_CHANNEL


@dataclass(frozen=True)
class _Nearest:
    """Nearest points on pieces: coordinates, piece, segment within piece, fraction along it."""

    x: FloatArray
    y: FloatArray
    piece: IntArray
    segment: IntArray
    fraction: FloatArray


def relate_to_coast(points: gpd.GeoSeries) -> pd.DataFrame:
    """Relate points to the bundled coastline, all at once.

    Parameters
    ----------
    points
        Points in EPSG:4326 (a series without CRS is taken as EPSG:4326, any
        other CRS is converted). Missing or empty points give a row of missing
        values.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``points``, with the columns of :data:`RELATION_COLUMNS`:

        - ``shore_distance_m``: geodesic (WGS84) distance to the nearest point of
          the shoreline, positive at sea and negative on land (inside a ``land``
          polygon). The nearest point is found in EPSG:3035, whose scale error
          along this coast is far below GSHHG's own accuracy.
        - ``shore_lon``, ``shore_lat``: that nearest shore point.
        - ``coast_km``: kilometre along the reference line of the point's nearest
          point on it (0 at the French–Belgian border, growing south-westwards,
          negative in Belgium), for points on the side of the coast the line
          follows. A point on the English side (its nearest town is in one of
          :data:`ACROSS_THE_CHANNEL`: Dover, a rescue nearer Folkestone than
          Boulogne) gets none, rather than the kilometre of the French coast
          facing it. Points inland or beyond the
          line's ends get the kilometre of its nearest point, or its end.
        - ``nearest_place``: name of the nearest town or village of the
          gazetteer (GeoNames populated places and curated villages; not the
          quarters, hamlets and sites, so that readers get a name they know).
        - ``within_300m_zone``: at sea and at most 300 m from the shore.

        The shore columns are missing (NaN, and ``<NA>`` for the zone) for points
        outside :data:`COASTLINE_BOUNDS`: beyond the bundled coastline neither
        the nearest shore nor land or sea is known.

    Raises
    ------
    ValueError
        When a geometry is not a Point, or a point's lon/lat is out of range.
    """
    lon, lat = _wgs84_coordinates(points)
    placed = np.flatnonzero(np.isfinite(lon) & np.isfinite(lat))
    relations = _empty_relations(len(points))
    if placed.size:
        _fill_relations(relations, placed, lon[placed], lat[placed])
    return _relations_frame(relations, points.index)


def with_coast_relations(incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return a copy of an incident frame with its coastline columns computed.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326), as :func:`geo.model.incidents_to_frame`
        makes.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy with ``shore_distance_m``, ``coast_km`` and ``nearest_place`` set
        from :func:`relate_to_coast` (missing for incidents without a point),
        rounded to the decimetre and the metre: finer digits would be noise;
        ``cluster_id`` and every other column are left as they are.
    """
    relations = relate_to_coast(incidents.geometry)
    result = incidents.copy()
    for column in _INCIDENT_RELATION_COLUMNS:
        result[column] = relations[column]
    result["shore_distance_m"] = result["shore_distance_m"].round(1)
    result["coast_km"] = result["coast_km"].round(3)
    return result


def point_at_coast_km(coast_km: float) -> tuple[float, float]:
    """Return the point (lon, lat) of the reference line at a coast kilometre.

    The inverse of the ``coast_km`` of :func:`relate_to_coast`: the point found
    here gets ``coast_km`` back.

    Parameters
    ----------
    coast_km
        Kilometre along the reference line (0 at the French–Belgian border).

    Returns
    -------
    tuple of float
        The point's WGS84 longitude and latitude.

    Raises
    ------
    ValueError
        When ``coast_km`` is not a number within the reference line's range
        (about −67.0 at the Zwin to 296.5 at the Seine).
    """
    reference = _coast_index().reference
    first, last = float(reference.vertex_km[0]), float(reference.vertex_km[-1])
    if not first <= coast_km <= last:  # also refuses NaN
        raise ValueError(f"coast_km {coast_km!r} is outside the reference line ({first} to {last})")
    end = int(
        np.clip(np.searchsorted(reference.vertex_km, coast_km), 1, len(reference.vertex_km) - 1)
    )
    start_km, end_km = reference.vertex_km[end - 1], reference.vertex_km[end]
    fraction = (coast_km - start_km) / (end_km - start_km) if end_km > start_km else 0.0
    x, y = reference.vertices[end - 1] + fraction * (
        reference.vertices[end] - reference.vertices[end - 1]
    )
    lon, lat = _coast_index().to_wgs84.transform(x, y)
    return float(lon), float(lat)


def _wgs84_coordinates(points: gpd.GeoSeries) -> tuple[FloatArray, FloatArray]:
    """Return the lon and lat of each point, NaN where it is missing or empty."""
    if points.crs is not None and not points.crs.equals(CRS):
        points = points.to_crs(CRS)
    geometries = np.asarray(points.values, dtype=object)
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    kinds = shapely.get_type_id(geometries[present])
    if np.any(kinds != shapely.GeometryType.POINT):
        label = points.index[np.flatnonzero(present)[kinds != shapely.GeometryType.POINT][0]]
        raise ValueError(f"coastline relations need points, got a non-point geometry at {label!r}")
    lon = np.full(len(geometries), np.nan)
    lat = np.full(len(geometries), np.nan)
    lon[present] = shapely.get_x(geometries[present])
    lat[present] = shapely.get_y(geometries[present])
    outside = (np.abs(lon) > 180) | (np.abs(lat) > 90)
    if outside.any():
        row = int(np.flatnonzero(outside)[0])
        raise ValueError(
            f"point at {points.index[row]!r} is not a WGS84 lon/lat: ({lon[row]}, {lat[row]})"
        )
    return lon, lat


def _empty_relations(count: int) -> dict[str, npt.NDArray[Any]]:
    """Return arrays of missing values for ``count`` rows, one per relation column."""
    return {
        name: np.full(count, None, dtype=object) if dtype == "object" else np.full(count, np.nan)
        for name, dtype in RELATION_COLUMNS.items()
        if name != "within_300m_zone"
    }


def _fill_relations(
    relations: dict[str, npt.NDArray[Any]], rows: IntArray, lon: FloatArray, lat: FloatArray
) -> None:
    """Compute the relations of the placed points ``rows`` (finite lon/lat) in place."""
    index = _coast_index()
    x, y = index.to_metric.transform(lon, lat)
    shore_x, shore_y, coast_km, place = _nearest_in_chunks(index, x, y)
    shore_lon, shore_lat = index.to_wgs84.transform(shore_x, shore_y)
    _, _, distance_m = _GEOD.inv(lon, lat, shore_lon, shore_lat)
    on_land = shapely.contains_xy(index.land, x, y)
    signed_m = np.where(on_land, -distance_m, distance_m)
    covered = _inside_bounds(lon, lat)
    relations["shore_distance_m"][rows] = np.where(covered, signed_m, np.nan)
    relations["shore_lon"][rows] = np.where(covered, shore_lon, np.nan)
    relations["shore_lat"][rows] = np.where(covered, shore_lat, np.nan)
    relations["coast_km"][rows] = np.where(index.on_coast_side[place], coast_km, np.nan)
    relations["nearest_place"][rows] = index.place_names[place]


def _inside_bounds(lon: FloatArray, lat: FloatArray) -> npt.NDArray[np.bool_]:
    """Whether each point lies in :data:`COASTLINE_BOUNDS`."""
    min_lon, min_lat, max_lon, max_lat = COASTLINE_BOUNDS
    inside: npt.NDArray[np.bool_] = (
        (lon >= min_lon) & (lon <= max_lon) & (lat >= min_lat) & (lat <= max_lat)
    )
    return inside


def _relations_frame(relations: dict[str, npt.NDArray[Any]], index: pd.Index) -> pd.DataFrame:
    """Assemble the relation arrays into the output frame, adding the 300 m zone."""
    distance = relations["shore_distance_m"]
    zone = pd.array((distance > 0) & (distance <= INTERCEPTION_ZONE_M), dtype="boolean")
    zone[np.isnan(distance)] = pd.NA
    columns = {
        name: pd.Series(relations.get(name, zone), index=index, dtype=dtype)
        for name, dtype in RELATION_COLUMNS.items()
    }
    return pd.DataFrame(columns, index=index)


def _nearest_in_chunks(
    index: _CoastIndex, x: FloatArray, y: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, IntArray]:
    """Nearest shore point, coast km and nearest place index, chunked over threads.

    GEOS releases the GIL in the tree searches, so chunks run in parallel.
    """
    bounds = [*range(0, len(x), _CHUNK_POINTS), len(x)]
    chunks = [(x[a:b], y[a:b]) for a, b in itertools.pairwise(bounds)]
    workers = min(len(chunks), os.cpu_count() or 1)
    if workers <= 1:
        parts = [_nearest_chunk(index, *chunk) for chunk in chunks]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda chunk: _nearest_chunk(index, *chunk), chunks))
    shore_x, shore_y, coast_km, place = (
        np.concatenate(column) for column in zip(*parts, strict=True)
    )
    return shore_x, shore_y, coast_km, place


def _nearest_chunk(
    index: _CoastIndex, x: FloatArray, y: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, IntArray]:
    """Nearest shore point, coast km and nearest place index of one chunk of points."""
    points = np.asarray(shapely.points(x, y), dtype=object)
    shore = _nearest_on_pieces(index.shore, points, x, y)
    reference = _nearest_on_pieces(index.reference.pieces, points, x, y)
    at = (reference.piece, reference.segment)
    coast_km = (
        index.reference.segment_start_km[at] + reference.fraction * index.reference.segment_km[at]
    )
    place = _nearest_indices(index.places, points)
    return shore.x, shore.y, coast_km, place


def _nearest_indices(tree: STRtree, points: npt.NDArray[np.object_]) -> IntArray:
    """Index into ``tree``'s geometries of the nearest one to each (non-empty) point."""
    found = tree.query_nearest(points, all_matches=False)
    nearest = np.empty(len(points), dtype=np.intp)
    nearest[found[0]] = found[1]
    return nearest


def _nearest_on_pieces(
    pieces: _Pieces, points: npt.NDArray[np.object_], x: FloatArray, y: FloatArray
) -> _Nearest:
    """Nearest point on the pieces: find the piece with the tree, then its segment with numpy."""
    piece = _nearest_indices(pieces.tree, points)
    start = pieces.vertices[piece, :-1]  # (n, segments, 2)
    step = pieces.vertices[piece, 1:] - start
    offset = np.stack([x, y], axis=-1)[:, None, :] - start
    length2 = np.einsum("nsk,nsk->ns", step, step)
    along = np.einsum("nsk,nsk->ns", offset, step)
    fraction = np.divide(along, length2, out=np.zeros_like(along), where=length2 > 0).clip(0, 1)
    foot = start + fraction[..., None] * step
    gap = offset - fraction[..., None] * step
    segment = np.einsum("nsk,nsk->ns", gap, gap).argmin(axis=1)
    rows = np.arange(len(piece))
    return _Nearest(
        x=foot[rows, segment, 0],
        y=foot[rows, segment, 1],
        piece=piece,
        segment=segment,
        fraction=fraction[rows, segment],
    )


# -- building the index, once per process ----------------------------------------------------


@cache
def _coast_index() -> _CoastIndex:
    """Build the coastline structures :func:`relate_to_coast` searches."""
    to_metric = Transformer.from_crs(CRS, METRIC_CRS, always_xy=True)
    land = shapely.union_all(coastline_layer(CoastLayer.LAND).to_crs(METRIC_CRS).geometry.values)
    shapely.prepare(land)
    shapely.contains_xy(land, 0.0, 0.0)  # build the point locator now, before threads share it
    places = gazetteer()
    places = places[places["kind"].isin([POPULATED_PLACE, "village"])].to_crs(METRIC_CRS)
    return _CoastIndex(
        to_metric=to_metric,
        to_wgs84=Transformer.from_crs(METRIC_CRS, CRS, always_xy=True),
        land=land,
        shore=_line_pieces(_metric_lines(CoastLayer.SHORELINE)),
        reference=_reference_line(),
        places=_built_tree(places.geometry.values),
        place_names=places["name"].to_numpy(dtype=object),
        on_coast_side=~places["country"].isin(ACROSS_THE_CHANNEL).to_numpy(dtype=bool),
    )


def _metric_lines(layer: CoastLayer) -> list[FloatArray]:
    """Vertex arrays (EPSG:3035) of every single line in a coastline layer."""
    geometries = coastline_layer(layer).to_crs(METRIC_CRS).geometry.values
    return [shapely.get_coordinates(line) for line in shapely.get_parts(np.asarray(geometries))]


def _line_pieces(lines: list[FloatArray]) -> _Pieces:
    """Cut lines into pieces of :data:`_PIECE_SEGMENTS` segments and index them."""
    vertices = np.concatenate([_cut_line(line) for line in lines])
    return _Pieces(
        vertices=vertices, tree=_built_tree(np.asarray(shapely.linestrings(vertices), dtype=object))
    )


def _cut_line(vertices: FloatArray) -> FloatArray:
    """Cut one line's vertices into pieces, repeating its last vertex to fill the last piece."""
    count = -(-(len(vertices) - 1) // _PIECE_SEGMENTS)
    filled = count * _PIECE_SEGMENTS + 1
    padded = np.concatenate([vertices, np.repeat(vertices[-1:], filled - len(vertices), axis=0)])
    take = np.arange(count)[:, None] * _PIECE_SEGMENTS + np.arange(_PIECE_SEGMENTS + 1)
    cut: FloatArray = padded[take]
    return cut


def _reference_line() -> _ReferenceLine:
    """Index the reference line and the coast kilometre of every segment start."""
    layer = coastline_layer(CoastLayer.REFERENCE_LINE)
    (line,) = layer.geometry.values
    lonlat = shapely.get_coordinates(line)
    _, _, segment_m = _GEOD.inv(lonlat[:-1, 0], lonlat[:-1, 1], lonlat[1:, 0], lonlat[1:, 1])
    vertex_km = (
        float(layer["start_km"].iloc[0]) + np.concatenate([[0.0], np.cumsum(segment_m)]) / 1000
    )
    (vertices,) = _metric_lines(CoastLayer.REFERENCE_LINE)
    pieces = _line_pieces([vertices])
    km_pieces = _cut_line(np.stack([vertex_km, vertex_km], axis=-1))[..., 0]
    return _ReferenceLine(
        pieces=pieces,
        segment_start_km=km_pieces[:, :-1],
        segment_km=np.diff(km_pieces, axis=1),
        vertices=vertices,
        vertex_km=vertex_km,
    )


def _built_tree(geometries: npt.NDArray[np.object_]) -> STRtree:
    """Return an STRtree over ``geometries``, built now so that threads only read it."""
    tree = STRtree(geometries, node_capacity=_NODE_CAPACITY)
    tree.query_nearest(shapely.points(0.0, 0.0))
    return tree
