"""GeoParquet files of incidents: checking an input, one incident schema, writing parts.

An input is a GeoParquet file, or a folder of them (a dataset, as dask
writes). Its incidents are brought to one schema before any work: the
columns of :data:`~geo.model.INCIDENT_COLUMNS` with their dtypes (a missing
one is added, empty), then the file's other columns as they are, then the
point ``geometry`` in EPSG:4326. Each output part is written with one Arrow
schema, whatever its values, so the parts read back as one dataset.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyproj
import shapely

from geo.errors import ProcessError
from geo.model import CRS, INCIDENT_COLUMNS

GEOMETRY = "geometry"
GEOPARQUET_VERSION = "1.0.0"
METADATA_KEY = b"launchmap"

_ARROW_TYPES = {"object": pa.string(), "float64": pa.float64(), "Int64": pa.int64()}
_INT_LIMIT = 2**53  # Int64 columns come through float64 in pandas' checks
_MISSING: dict[str, object] = {"object": None, "float64": np.nan, "Int64": pd.NA}


@dataclass(frozen=True)
class InputFiles:
    """A checked GeoParquet input: its files, its Arrow schema and its geometry column."""

    path: Path
    files: list[Path]
    schema: pa.Schema
    geometry: str


def input_files(path: Path) -> InputFiles:
    """Check that ``path`` is a GeoParquet file or a folder of them and read its schema.

    Raises
    ------
    FileNotFoundError
        When nothing is at ``path``.
    ProcessError
        For a folder without .parquet files, a file that is not Parquet, or
        Parquet without GeoParquet ('geo') metadata; naming the file.
    """
    if path.is_file():
        files = [path]
    elif path.is_dir():
        from dask.utils import natural_sort_key  # the order dask reads a folder's files in

        files = sorted(
            (p for p in path.rglob("*.parquet") if p.is_file()),
            key=lambda p: natural_sort_key(str(p)),
        )
        if not files:
            raise ProcessError(f"{path}: a folder without .parquet files")
    else:
        raise FileNotFoundError(f"no such file or folder: {path}")
    schema: pa.Schema | None = None
    geometry = GEOMETRY
    for file in files:
        file_schema, file_geometry = _file_schema(file)
        if schema is None:
            schema, geometry = file_schema, file_geometry
        elif file_geometry != geometry:
            raise ProcessError(
                f"{file}: geometry column {file_geometry!r}, but {files[0].name} has {geometry!r}"
            )
    assert schema is not None
    return InputFiles(path, files, schema, geometry)


def _file_schema(file: Path) -> tuple[pa.Schema, str]:
    """Return a GeoParquet file's schema and primary geometry column, or say what it is not."""
    try:
        schema = pq.read_schema(file)
    except (pa.ArrowInvalid, OSError) as error:
        raise ProcessError(f"{file}: not a Parquet file ({error})") from None
    raw = (schema.metadata or {}).get(b"geo")
    if raw is None:
        raise ProcessError(
            f"{file}: Parquet without GeoParquet metadata (no 'geo' key): write it with "
            "geopandas' to_parquet, or GDAL's Parquet driver"
        )
    try:
        geo = json.loads(raw)
        geometry = str(geo["primary_column"])
    except (ValueError, KeyError, TypeError):
        raise ProcessError(f"{file}: unreadable GeoParquet 'geo' metadata: {raw[:80]!r}") from None
    if geometry not in schema.names:
        raise ProcessError(f"{file}: geometry column {geometry!r} named in 'geo' is missing")
    return schema, geometry


def check_columns(source: InputFiles, needed: dict[str, str]) -> None:
    """Raise naming the input and each missing column (``needed``: column -> what needs it)."""
    missing = [f"{name} ({why})" for name, why in needed.items() if name not in source.schema.names]
    if missing:
        raise ProcessError(f"{source.path}: missing column(s): {', '.join(missing)}")


# -- one schema --------------------------------------------------------------------------------


def canonical(frame: gpd.GeoDataFrame, source: str) -> gpd.GeoDataFrame:
    """Bring incidents to one schema: incident columns and dtypes, others, points in EPSG:4326.

    Raises
    ------
    ProcessError
        Naming ``source``, the incident and the value, for a geometry that is
        not a point, a point outside WGS84 lon/lat, or a column whose values
        do not fit its dtype.
    """
    frame = _points_in_wgs84(frame, source)
    columns: dict[str, Any] = {}
    for name, dtype in INCIDENT_COLUMNS.items():
        if name not in frame.columns:
            columns[name] = pd.Series(_MISSING[dtype], index=frame.index, dtype=dtype)
        else:
            columns[name] = _as_dtype(frame[name], name, dtype, source)
    extra = [c for c in frame.columns if c not in INCIDENT_COLUMNS and c != GEOMETRY]
    table = pd.DataFrame(columns, index=frame.index)
    for name in extra:
        table[name] = frame[name]
    result = gpd.GeoDataFrame(table, geometry=frame.geometry.values, crs=CRS)
    result.attrs.update(frame.attrs)
    return result.reset_index(drop=True)


def _points_in_wgs84(frame: gpd.GeoDataFrame, source: str) -> gpd.GeoDataFrame:
    """Name the geometry ``geometry``, convert it to EPSG:4326 and check it holds points."""
    if frame.geometry.name != GEOMETRY:
        if GEOMETRY in frame.columns:
            frame = frame.drop(columns=GEOMETRY)
        frame = frame.rename_geometry(GEOMETRY)
    if frame.crs is None:
        frame = frame.set_crs(CRS)
    elif not frame.crs.equals(CRS):
        frame = frame.to_crs(CRS)
    values = np.asarray(frame.geometry.values, dtype=object)
    present = ~(shapely.is_missing(values) | shapely.is_empty(values))
    kinds = shapely.get_type_id(values[present])
    bad = np.flatnonzero(present)[kinds != shapely.GeometryType.POINT]
    if bad.size:
        row = int(bad[0])
        raise ProcessError(
            f"{source}: {_incident_name(frame, row)}: geometry must be a Point, "
            f"got {shapely.get_type_id(values[row])!r} ({str(values[row])[:60]})"
        )
    lon = shapely.get_x(values[present])
    lat = shapely.get_y(values[present])
    outside = ~((np.abs(lon) <= 180) & (np.abs(lat) <= 90))
    if outside.any():
        at = int(np.flatnonzero(outside)[0])
        row = int(np.flatnonzero(present)[at])
        raise ProcessError(
            f"{source}: {_incident_name(frame, row)}: point ({lon[at]}, {lat[at]}) is not a "
            "WGS84 longitude and latitude"
        )
    return frame


def _incident_name(frame: pd.DataFrame, row: int) -> str:
    """Name a row for messages: its incident id, else its position."""
    if "id" in frame.columns and not pd.isna(frame["id"].iloc[row]):
        return f"incident {frame['id'].iloc[row]!r}"
    return f"row {row}"


def _as_dtype(series: pd.Series, name: str, dtype: str, source: str) -> pd.Series:
    """Convert a column to its incident dtype, or raise naming the first value that does not fit."""
    if dtype == "object":
        if name == "date" and pd.api.types.is_datetime64_any_dtype(series):
            series = series.dt.strftime("%Y-%m-%d")
        elif name == "date" and series.dtype == object:
            series = series.map(_iso_date, na_action="ignore")
        return series.astype(object).where(series.notna(), None)
    numbers = pd.to_numeric(series, errors="coerce")
    bad = series.notna() & numbers.isna()
    if dtype == "Int64":
        values = numbers.astype("Float64")
        bad |= (values.notna() & ((values % 1 != 0) | (values.abs() >= _INT_LIMIT))).fillna(False)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy(dtype=bool))[0])
        raise ProcessError(
            f"{source}: {name}: {series.iloc[row]!r} is not {_WHAT[dtype]} (row {row})"
        )
    if dtype == "Int64":
        return numbers.astype("Float64").astype("Int64")
    return numbers.astype("float64")


_WHAT = {"float64": "a number", "Int64": "a whole number"}


def _iso_date(value: object) -> object:
    """Write a date or timestamp as ISO text (YYYY-MM-DD); leave text as it is."""
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        return value.isoformat()[:10]
    return value


# -- writing -----------------------------------------------------------------------------------


def output_schema(frame: gpd.GeoDataFrame, source: pa.Schema | None) -> pa.Schema:
    """Arrow schema of the written parts: incident columns typed, others as in ``source``.

    ``sources`` and the file's own columns keep their type in ``source``
    (``sources`` is JSON text otherwise); a column ``source`` lacks is
    inferred from ``frame``; the geometry is WKB.
    """
    attributes = pd.DataFrame(frame.drop(columns=GEOMETRY))
    fields = []
    for name in attributes.columns:
        if source is not None and name in source.names and name not in _TYPED:
            fields.append(pa.field(name, source.field(name).type))
        elif name in _TYPED:
            fields.append(pa.field(name, _ARROW_TYPES[INCIDENT_COLUMNS[name]]))
        elif name == "sources":
            fields.append(pa.field(name, pa.string()))
        else:
            inferred = pa.Schema.from_pandas(attributes[[name]], preserve_index=False)
            fields.append(inferred.field(name))
    fields.append(pa.field(GEOMETRY, pa.binary()))
    return pa.schema(fields)


_TYPED = frozenset(INCIDENT_COLUMNS) - {"sources"}


def write_part(
    frame: gpd.GeoDataFrame, path: Path, schema: pa.Schema, extra: dict[str, object] | None = None
) -> None:
    """Write incidents (in :func:`canonical` form) as one GeoParquet file with ``schema``.

    ``extra`` is kept as JSON under the file's ``launchmap`` metadata key.
    """
    attributes = pd.DataFrame(frame.drop(columns=GEOMETRY))
    attribute_schema = pa.schema([schema.field(name) for name in attributes.columns])
    if "sources" in attributes.columns and pa.types.is_string(schema.field("sources").type):
        attributes["sources"] = _json_texts(attributes["sources"])
    try:
        table = pa.Table.from_pandas(attributes, schema=attribute_schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        raise ProcessError(f"{path}: cannot write the incidents: {error}") from None
    geometries = np.asarray(frame.geometry.values, dtype=object)
    wkb = shapely.to_wkb(geometries, output_dimension=2)
    table = table.append_column(pa.field(GEOMETRY, pa.binary()), pa.array(wkb, type=pa.binary()))
    metadata = dict(table.schema.metadata or {})
    metadata[b"geo"] = json.dumps(_geo_metadata(geometries)).encode()
    if extra:
        metadata[METADATA_KEY] = json.dumps(extra).encode()
    pq.write_table(table.replace_schema_metadata(metadata), path)


def _json_texts(sources: pd.Series) -> list[str | None]:
    """Turn sources into JSON text (as GeoPackage and CSV files hold them); keep text."""
    return [
        value
        if value is None or isinstance(value, str)
        else json.dumps([dict(item) for item in value], ensure_ascii=False, default=str)
        for value in sources
    ]


def _geo_metadata(geometries: np.ndarray) -> dict[str, object]:
    """GeoParquet metadata of a part: WKB points in EPSG:4326, with their bounding box."""
    column: dict[str, object] = {
        "encoding": "WKB",
        "geometry_types": ["Point"],
        "crs": _crs_json(),
    }
    present = geometries[~(shapely.is_missing(geometries) | shapely.is_empty(geometries))]
    if present.size:
        column["bbox"] = [float(v) for v in shapely.total_bounds(present)]
    columns = {GEOMETRY: column}
    return {"version": GEOPARQUET_VERSION, "primary_column": GEOMETRY, "columns": columns}


@cache
def _crs_json() -> dict[str, object]:
    """PROJJSON of EPSG:4326, as GeoParquet wants the CRS."""
    crs_json: dict[str, object] = pyproj.CRS.from_user_input(CRS).to_json_dict()
    return crs_json


def read_canonical(paths: Iterable[Path], source: str) -> gpd.GeoDataFrame:
    """Read GeoParquet files as one incident frame in :func:`canonical` form."""
    frames = [gpd.read_parquet(path) for path in paths]
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return canonical(frame, source)
