"""Rows as both stores hold them: insert parameters from a frame, and frames or Features back.

Both stores keep the incident columns as the GeoPackage does (dates as ISO
text, ``sources`` as JSON text) with the point first; only the geometry's
encoding differs, so each conversion takes the store's own encoder or decoder
(GeoPackage blobs by default).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from geo.bundled import SAMPLE_INCIDENTS_FILE, bundled_path
from geo.model import (
    CRS,
    INCIDENT_COLUMNS,
    JSON_COLUMNS,
    empty_incident_frame,
    json_column_text,
    json_column_value,
    plain_records,
    point_geometry,
)
from geo.store import _gpkg
from geo.store.interface import GEOMETRY_COLUMN, IncidentQuery

COLUMNS = list(INCIDENT_COLUMNS)


def sample_incidents() -> gpd.GeoDataFrame:
    """Return the bundled sample incidents that seed a new store, with derived fields."""
    from geo.enrich import enrich_incidents  # heavier modules: only a new store needs them
    from geo.io import read_incidents

    return enrich_incidents(read_incidents(bundled_path(SAMPLE_INCIDENTS_FILE)).incidents).incidents


def bbox_only(query: IncidentQuery) -> bool:
    """Tell whether a query selects by bbox alone, in insertion order."""
    return query.bbox is not None and query == IncidentQuery(
        query.bbox, limit=query.limit, offset=query.offset
    )


def like_escaped(text: str) -> str:
    """Escape LIKE's wildcards so a place filter matches the text as written."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def unique_rows(
    incidents: gpd.GeoDataFrame,
    encode: Callable[[list[shapely.Geometry | None]], Sequence[Any]] = _gpkg.encode_points,
) -> list[dict[str, Any]]:
    """Turn an incident GeoDataFrame into insert parameters, first of each id kept.

    Missing values are None, ``sources`` and ``extra`` are JSON text, and the points (None
    where unplaced) are encoded under ``geom`` by ``encode``: GeoPackage
    blobs by default.
    """
    if incidents.empty:
        return []
    # Select by position: a frame from pd.concat repeats index labels.
    first = ~incidents["id"].duplicated(keep="first").to_numpy()
    kept = incidents if first.all() else incidents.iloc[first.nonzero()[0]]
    rows = plain_records(kept, COLUMNS)
    points = encode([None if g is None or g.is_empty else g for g in kept.geometry])
    for row, point in zip(rows, points, strict=True):
        for name in JSON_COLUMNS:
            row[name] = json_column_text(name, row[name])
        row[GEOMETRY_COLUMN] = point
    return rows


_FLOAT_COLUMNS = frozenset(name for name, dtype in INCIDENT_COLUMNS.items() if dtype == "float64")
_INT_COLUMNS = frozenset(name for name, dtype in INCIDENT_COLUMNS.items() if dtype == "Int64")


def features_from_rows(
    rows: list[tuple[Any, ...]],
    point_xy: Callable[[Any], tuple[float, float] | None] = _gpkg.point_xy,
) -> list[dict[str, Any]]:
    """Turn selected rows into GeoJSON Features, as ``frame_to_features`` does on their frame.

    Each row is the geometry, read by ``point_xy`` (a GeoPackage blob by
    default), then the incident columns as the GeoPackage holds them: dates as
    ISO text and ``sources`` and ``extra`` as JSON text. The API's pages are built this way,
    without a GeoDataFrame in between.
    """
    converters: list[Callable[[Any], Any] | None] = [
        float if name in _FLOAT_COLUMNS else int if name in _INT_COLUMNS else None
        for name in COLUMNS
    ]
    json_positions = [(COLUMNS.index(name), name) for name in JSON_COLUMNS]
    features = []
    for row in rows:
        values: list[Any] = [
            value if convert is None or value is None else convert(value)
            for value, convert in zip(row[1:], converters, strict=True)
        ]
        for position, name in json_positions:
            values[position] = json_column_value(name, values[position])
        properties = dict(zip(COLUMNS, values, strict=True))
        xy = point_xy(row[0])
        features.append(
            {
                "type": "Feature",
                "id": properties["id"],
                "geometry": None if xy is None else point_geometry(*xy),
                "properties": properties,
            }
        )
    return features


def frame_from_rows(
    rows: list[tuple[Any, ...]],
    decode: Callable[[list[Any]], Any] = _gpkg.decode_geometries,
) -> gpd.GeoDataFrame:
    """Turn selected rows (geometry first, then the incident columns) into a GeoDataFrame.

    The geometries are read by ``decode`` (GeoPackage blobs by default); the
    columns are as in :func:`features_from_rows`.
    """
    if not rows:
        return empty_incident_frame()
    table = pd.DataFrame([row[1:] for row in rows], columns=COLUMNS).astype(INCIDENT_COLUMNS)
    for name in JSON_COLUMNS:
        table[name] = [json_column_value(name, text) for text in table[name]]
    geometry = decode([row[0] for row in rows])
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometry, crs=CRS), crs=CRS)
