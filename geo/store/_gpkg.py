"""The parts of the OGC GeoPackage 1.4 format that the embedded store writes itself.

The store talks to SQLite directly (``sqlite3``) so that every write is one
transaction and every query is plain, bound SQL. This module knows the format:
the metadata tables, the feature table's spatial index (an R*Tree kept current
by the triggers the standard defines) and the GeoPackage geometry encoding
(a small header in front of ISO WKB). QGIS and GDAL open the result as it is.
"""

from __future__ import annotations

import math
import sqlite3
import struct
from collections.abc import Sequence

import numpy as np
import shapely

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10400  # GeoPackage 1.4.0
WGS84_SRS_ID = 4326

_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_EMPTY_FLAG = 0b0001_0000
_LITTLE_ENDIAN_FLAG = 0b0000_0001
_WKB_POINT_LE = b"\x01\x01\x00\x00\x00"  # little-endian byte order, ISO type 1 (Point)
_WKB_POINT_LENGTH = 21
_XY = struct.Struct("<dd")

_CORE_TABLES = """
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL,
    srs_id INTEGER PRIMARY KEY,
    organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL,
    description TEXT
);
CREATE TABLE IF NOT EXISTS gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL,
    identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
    srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL,
    m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
CREATE TABLE IF NOT EXISTS gpkg_extensions (
    table_name TEXT,
    column_name TEXT,
    extension_name TEXT NOT NULL,
    definition TEXT NOT NULL,
    scope TEXT NOT NULL,
    CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
"""

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)
_SPATIAL_REFERENCE_SYSTEMS = (
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate"),
    ("WGS 84 geodetic", WGS84_SRS_ID, "EPSG", 4326, _WGS84_WKT, "longitude/latitude WGS 84"),
)


def register_functions(connection: sqlite3.Connection) -> None:
    """Give a connection the SQL functions the spatial index triggers call.

    GDAL and SpatiaLite provide ``ST_MinX`` and friends; plain SQLite does not,
    so each connection the store opens registers its own.
    """
    for name, function in (
        ("ST_MinX", lambda blob: _bound(blob, 0)),
        ("ST_MinY", lambda blob: _bound(blob, 1)),
        ("ST_MaxX", lambda blob: _bound(blob, 2)),
        ("ST_MaxY", lambda blob: _bound(blob, 3)),
        ("ST_IsEmpty", _is_empty),
    ):
        connection.create_function(name, 1, function, deterministic=True)


def create_core_tables(connection: sqlite3.Connection) -> None:
    """Create the GeoPackage metadata tables and mark the file as a GeoPackage 1.4."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {USER_VERSION}")
    for statement in _CORE_TABLES.split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.executemany(
        "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        _SPATIAL_REFERENCE_SYSTEMS,
    )


def register_point_table(
    connection: sqlite3.Connection, table: str, geometry_column: str, description: str
) -> None:
    """Register a feature table of WGS84 points and build its spatial index.

    ``table`` and ``geometry_column`` are the store's own identifiers, never
    user input; they are checked to be plain names all the same.
    """
    _check_identifier(table)
    _check_identifier(geometry_column)
    connection.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
        " VALUES (?, 'features', ?, ?, ?)",
        (table, table, description, WGS84_SRS_ID),
    )
    connection.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'POINT', ?, 0, 0)",
        (table, geometry_column, WGS84_SRS_ID),
    )
    connection.execute(
        "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index',"
        " 'http://www.geopackage.org/spec/#extension_rtree', 'write-only')",
        (table, geometry_column),
    )
    for statement in _rtree_statements(table, geometry_column):
        connection.execute(statement)


def register_attribute_table(connection: sqlite3.Connection, table: str, description: str) -> None:
    """Register a table without geometry (data type ``attributes``), if it is not yet.

    GDAL and QGIS list it as a table beside the feature layers.
    """
    _check_identifier(table)
    connection.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
        " VALUES (?, 'attributes', ?, ?)",
        (table, table, description),
    )


def rtree_name(table: str, geometry_column: str) -> str:
    """Name the R*Tree virtual table that indexes ``table.geometry_column``."""
    return f"rtree_{table}_{geometry_column}"


def _rtree_statements(table: str, column: str) -> list[str]:
    """Return the R*Tree table and the triggers that keep it in step with the features.

    The triggers follow the GeoPackage rtree extension: a row enters the index
    when it gains a non-empty geometry and leaves when it loses it, changes its
    id, or is deleted.
    """
    rtree = rtree_name(table, column)
    non_empty = f"NEW.{column} NOT NULL AND NOT ST_IsEmpty(NEW.{column})"
    index_new = (
        f"INSERT OR REPLACE INTO {rtree} VALUES (NEW.fid, ST_MinX(NEW.{column}),"
        f" ST_MaxX(NEW.{column}), ST_MinY(NEW.{column}), ST_MaxY(NEW.{column}));"
    )
    return [
        f"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)",
        f"CREATE TRIGGER {rtree}_insert AFTER INSERT ON {table} WHEN ({non_empty})"
        f" BEGIN {index_new} END",
        f"CREATE TRIGGER {rtree}_update6 AFTER UPDATE OF {column} ON {table}"
        f" WHEN OLD.fid = NEW.fid AND ({non_empty}) BEGIN {index_new} END",
        f"CREATE TRIGGER {rtree}_update2 AFTER UPDATE OF {column} ON {table}"
        f" WHEN OLD.fid = NEW.fid AND (NEW.{column} IS NULL OR ST_IsEmpty(NEW.{column}))"
        f" BEGIN DELETE FROM {rtree} WHERE id = OLD.fid; END",
        f"CREATE TRIGGER {rtree}_update7 AFTER UPDATE ON {table}"
        f" WHEN OLD.fid != NEW.fid BEGIN DELETE FROM {rtree} WHERE id = OLD.fid;"
        f" INSERT OR REPLACE INTO {rtree} SELECT NEW.fid, ST_MinX(NEW.{column}),"
        f" ST_MaxX(NEW.{column}), ST_MinY(NEW.{column}), ST_MaxY(NEW.{column})"
        f" WHERE {non_empty}; END",
        f"CREATE TRIGGER {rtree}_delete AFTER DELETE ON {table} WHEN OLD.{column} NOT NULL"
        f" BEGIN DELETE FROM {rtree} WHERE id = OLD.fid; END",
    ]


def _check_identifier(name: str) -> None:
    """Refuse anything but a lower-case SQL identifier before it is put into DDL."""
    if not name.replace("_", "").isalnum() or not name.islower() or name[0].isdigit():
        raise ValueError(f"not a plain SQL identifier: {name!r}")


def encode_points(points: Sequence[shapely.Geometry | None]) -> list[bytes | None]:
    """Encode points as GeoPackage geometry blobs; None (unplaced) stays NULL.

    Points carry no envelope (the standard allows omitting it; their WKB is
    their bounds).
    """
    header = _HEADER.pack(b"GP", 0, _LITTLE_ENDIAN_FLAG, WGS84_SRS_ID)
    wkbs = shapely.to_wkb(np.asarray(points, dtype=object), byte_order=1, flavor="iso")
    return [None if wkb is None else header + wkb for wkb in wkbs]


def decode_geometries(blobs: Sequence[bytes | None]) -> np.ndarray:
    """Decode GeoPackage geometry blobs into shapely geometries (None stays None)."""
    wkbs = [None if blob is None else blob[_header_length(blob) :] for blob in blobs]
    return shapely.from_wkb(np.asarray(wkbs, dtype=object))


def point_xy(blob: bytes | None) -> tuple[float, float] | None:
    """Return the (x, y) of a GeoPackage point blob; None for NULL or an empty point.

    The plain 2-D little-endian point the store writes is read directly; any
    other encoding goes through shapely.
    """
    if blob is None:
        return None
    return wkb_point_xy(blob, _header_length(blob))


def wkb_point_xy(wkb: bytes | None, start: int = 0) -> tuple[float, float] | None:
    """Return the (x, y) of a WKB point starting at ``start``; None for NULL or empty.

    A plain 2-D little-endian point is read directly; any other encoding goes
    through shapely.
    """
    if wkb is None:
        return None
    if wkb[start : start + 5] == _WKB_POINT_LE and len(wkb) - start == _WKB_POINT_LENGTH:
        x, y = _XY.unpack_from(wkb, start + 5)
        return None if math.isnan(x) and math.isnan(y) else (x, y)
    geometry = shapely.from_wkb(wkb[start:])
    if geometry is None or geometry.is_empty:
        return None
    x, y = shapely.get_coordinates(geometry)[0]
    return float(x), float(y)


def _header_length(blob: bytes) -> int:
    """Return the byte length of a GeoPackage geometry header, envelope included."""
    magic, _version, flags, _srs_id = _HEADER.unpack_from(blob)
    if magic != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    return _HEADER.size + _ENVELOPE_BYTES[(flags >> 1) & 0b111]


def _is_empty(blob: bytes | None) -> int | None:
    """Compute SQL ``ST_IsEmpty``: 1 for an empty geometry, 0 otherwise, NULL for NULL."""
    if blob is None:
        return None
    return int(
        bool(blob[3] & _EMPTY_FLAG) or shapely.from_wkb(blob[_header_length(blob) :]).is_empty
    )


def _bound(blob: bytes | None, which: int) -> float | None:
    """Compute SQL ``ST_MinX``/``MinY``/``MaxX``/``MaxY`` of a geometry blob (NULL if empty)."""
    if blob is None:
        return None
    wkb = blob[_header_length(blob) :]
    if wkb[:5] == _WKB_POINT_LE and len(wkb) == _WKB_POINT_LENGTH:
        x, y = _XY.unpack_from(wkb, 5)
        value = (x, y, x, y)[which]
    else:
        value = float(shapely.bounds(shapely.from_wkb(wkb))[which])
    return None if math.isnan(value) else value
