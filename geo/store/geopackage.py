"""The embedded store: one GeoPackage file that QGIS and GDAL open as it is.

The file is ``launchmap.gpkg`` in the data directory. Every write is one
SQLite transaction; adding an incident whose id is already stored adds
nothing; bbox queries go through the GeoPackage R*Tree index and date queries
through an index on ``date``. A one-row attributes table,
``launchmap_version``, holds the store's version: triggers on the incident
table bump it on every write, whoever makes it (this server, another process,
QGIS), so caches of pages and images built from the incidents know when they
are stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely

from geo.errors import FeedError, IncidentNotFoundError, StoreError
from geo.model import INCIDENT_COLUMNS
from geo.store import _gpkg
from geo.store._feeds import (
    ENTRY_COLUMNS,
    FEED_COLUMNS,
    entry_parameters,
    feed_from_row,
    poll_parameters,
    taken_message,
    unknown_feed_message,
)
from geo.store._rows import (
    COLUMNS,
    bbox_only,
    features_from_rows,
    frame_from_rows,
    like_escaped,
    sample_incidents,
    unique_rows,
)
from geo.store.interface import (
    GEOMETRY_COLUMN,
    AddResult,
    BBox,
    Feed,
    FeedEntry,
    FeedPoll,
    IncidentQuery,
    QueryResult,
    StoreExtent,
)
from geo.vocabulary import ReviewFilter

TABLE = "incidents"
_RTREE = _gpkg.rtree_name(TABLE, GEOMETRY_COLUMN)
_SQL_TYPES = {"float64": "REAL", "Int64": "INTEGER", "object": "TEXT"}
_SQLITE_MAX_VARIABLES = 900
ADDED_COLUMNS = ("confidence", "review_status", "extra")
"""Columns added since the first store format, in order; older stores get them when opened."""
FEEDS_TABLE = "launchmap_feeds"
ENTRIES_TABLE = "launchmap_feed_entries"
# Tables without geometry beside the feature table, registered as GeoPackage attribute
# tables (GDAL and QGIS list them as tables).
_FEED_TABLE_DESCRIPTIONS = {
    FEEDS_TABLE: "Feeds launchmap watches, and how their last polls went",
    ENTRIES_TABLE: "Feed entries launchmap has read, and the incidents each gave",
}
_FEED_TABLES_SQL = (
    f"CREATE TABLE IF NOT EXISTS {FEEDS_TABLE} (name TEXT PRIMARY KEY,"
    " url TEXT NOT NULL UNIQUE, added TEXT NOT NULL, title TEXT, etag TEXT,"
    " last_modified TEXT, checked TEXT, succeeded TEXT, failed TEXT, error TEXT)",
    f"CREATE TABLE IF NOT EXISTS {ENTRIES_TABLE} (key TEXT PRIMARY KEY, feed TEXT NOT NULL,"
    " fetched TEXT NOT NULL, url TEXT, title TEXT, published TEXT, incidents TEXT NOT NULL,"
    " error TEXT)",
    f"CREATE INDEX IF NOT EXISTS {ENTRIES_TABLE}_feed_idx ON {ENTRIES_TABLE} (feed)",
)
VERSION_TABLE = "launchmap_version"
"""The one-row attributes table of the store's id and version."""
_VERSION_TRIGGERS = tuple(
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_version_{event.lower()} AFTER {event} ON {TABLE}"  # noqa: S608
    f" BEGIN UPDATE {VERSION_TABLE} SET version = version + 1; END"
    for event in ("INSERT", "UPDATE", "DELETE")
)


class GeoPackageStore:
    """The embedded store: one GeoPackage file, one SQLite connection per thread."""

    def __init__(self, path: Path, *, seed: bool = True) -> None:
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._create_if_new(seed=seed)
        missing_columns, has_tables = self._check_schema()
        self._upgrade(missing_columns, tables=not has_tables)

    # -- connections and transactions -------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        """Return this thread's connection, opening it on first use."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    def _connect(self) -> sqlite3.Connection:
        """Open a connection in autocommit mode with the GeoPackage SQL functions."""
        try:
            connection = sqlite3.connect(
                self.path, timeout=60.0, isolation_level=None, check_same_thread=False
            )
            _use_wal(connection)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the store {self.path}: {error}") from None
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        _gpkg.register_functions(connection)
        return connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block as one write transaction: all of it is stored, or none of it.

        SQLite's operational failures (a locked or read-only file, a full disk)
        become :class:`StoreError` naming the store.
        """
        connection = self._connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            finally:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot write to the store {self.path}: {error}") from error

    def close(self) -> None:
        """Close every connection this store opened, in any thread."""
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    # -- creation ---------------------------------------------------------------------

    def _create_if_new(self, *, seed: bool) -> None:
        """Create the GeoPackage schema in a new (or empty) file, seeded if asked.

        Creation and seeding are one transaction, and a file that already holds
        any table is never touched, so nothing stored is ever overwritten.
        """
        if self.path.exists() and self.path.stat().st_size > 0:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the data directory {self.path.parent}: {error}"
            ) from None
        sample = unique_rows(sample_incidents()) if seed else []
        with self._transaction() as connection:
            if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                _gpkg.create_core_tables(connection)
                _create_incident_table(connection)
                _create_feed_tables(connection)
                _create_version_table(connection)
                _insert_new(connection, sample)
        # Copy the new header (application_id "GPKG") from the WAL into the file
        # itself, where GDAL and QGIS read it while the store is still open.
        self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _check_schema(self) -> tuple[set[str], bool]:
        """Refuse a file that is not a launchmap store, naming what is missing.

        Returns the columns a store made by an earlier launchmap lacks (see
        :data:`ADDED_COLUMNS`), and whether it has the feed tables and the version
        table. The check uses a plain, read-only connection: the store's own
        connections switch the file to WAL mode, which would change a file that
        is not ours.
        """
        try:
            connection = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=60.0
            )
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the store {self.path}: {error}") from None
        try:
            rows = connection.execute(f"PRAGMA table_info({TABLE})").fetchall()
            tables = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?, ?)",
                (FEEDS_TABLE, ENTRIES_TABLE, VERSION_TABLE),
            ).fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path} is not a GeoPackage launchmap can use: {error}"
            ) from None
        finally:
            connection.close()
        missing = set(COLUMNS) - {row[1] for row in rows}
        if missing - set(ADDED_COLUMNS):
            raise StoreError(
                f"{self.path} has no usable {TABLE!r} table (missing columns: "
                f"{', '.join(sorted(missing))}); point --data-dir at another folder"
            )
        return missing, tables == 3

    def _upgrade(self, missing: set[str], *, tables: bool) -> None:
        """Add what a newer launchmap keeps to a store made by an earlier one.

        The new columns of the incident table and, if ``tables``, the feed
        tables and the version table with its triggers. One transaction; the
        rows already stored keep every value and get empty new fields.
        """
        if not missing and not tables:
            return
        with self._transaction() as connection:
            present = {row[1] for row in connection.execute(f"PRAGMA table_info({TABLE})")}
            for name in ADDED_COLUMNS:
                if name not in present:
                    sql_type = _SQL_TYPES[INCIDENT_COLUMNS[name]]
                    connection.execute(f"ALTER TABLE {TABLE} ADD COLUMN {name} {sql_type}")
            _create_feed_tables(connection)
            _create_version_table(connection)

    # -- writes -----------------------------------------------------------------------

    def add(self, incidents: gpd.GeoDataFrame) -> AddResult:
        """Store new incidents in one transaction; ids already stored are left as they are."""
        rows = unique_rows(incidents)
        if not rows:
            return AddResult()
        with self._transaction() as connection:
            return _insert_new(connection, rows)

    def replace(self, incident: gpd.GeoDataFrame) -> None:
        """Replace the stored incident with the same id by this one-row frame, in one transaction.

        Raises
        ------
        IncidentNotFoundError
            When no incident with that id is stored (nothing is written).
        """
        with self._transaction() as connection:
            _replace_rows(connection, unique_rows(incident))

    def delete(self, incident_id: str) -> None:
        """Delete the incident with ``incident_id``; raise IncidentNotFoundError if none."""
        with self._transaction() as connection:
            sql = f"DELETE FROM {TABLE} WHERE id = ?"  # noqa: S608
            if connection.execute(sql, (incident_id,)).rowcount == 0:
                raise IncidentNotFoundError(incident_id)

    # -- feeds ------------------------------------------------------------------------

    def add_feed(self, name: str, url: str, added: dt.datetime) -> Feed:
        """Watch a new feed; raise FeedError when its name or address is taken."""
        with self._transaction() as connection:
            taken = connection.execute(
                f"SELECT name FROM {FEEDS_TABLE} WHERE name = ? OR url = ?",  # noqa: S608
                (name, url),
            ).fetchone()
            if taken is not None:
                raise FeedError(taken_message(taken[0], name, url))
            connection.execute(
                f"INSERT INTO {FEEDS_TABLE} (name, url, added) VALUES (?, ?, ?)",  # noqa: S608
                (name, url, added.isoformat()),
            )
        return Feed(name, url, added)

    def remove_feed(self, name: str) -> None:
        """Stop watching a feed (its entries stay seen); raise FeedError if unknown."""
        with self._transaction() as connection:
            sql = f"DELETE FROM {FEEDS_TABLE} WHERE name = ?"  # noqa: S608
            removed = connection.execute(sql, (name,)).rowcount
        if removed == 0:
            raise FeedError(unknown_feed_message(name, self.feeds()))

    def feeds(self) -> list[Feed]:
        """Return the feeds watched, in the order they were added."""
        rows = self._connection().execute(_FEEDS_SQL).fetchall()
        return [feed_from_row(row) for row in rows]

    def record_poll(self, name: str, poll: FeedPoll) -> None:
        """Keep how a poll of a feed went: its time, validators, title or error."""
        with self._transaction() as connection:
            sql = _POLL_FAILED_SQL if poll.error is not None else _POLL_SUCCEEDED_SQL
            connection.execute(sql, poll_parameters(name, poll))

    def seen_entries(self, keys: list[str]) -> set[str]:
        """Return which of these entry keys the store has seen already, from any feed."""
        return _present(self._connection(), ENTRIES_TABLE, "key", keys)

    def store_entry(
        self, entry: FeedEntry, incidents: gpd.GeoDataFrame, corroborated: gpd.GeoDataFrame
    ) -> AddResult:
        """In one transaction: add new incidents, replace corroborated ones, mark the entry seen."""
        rows = unique_rows(incidents)
        replaced = unique_rows(corroborated)
        with self._transaction() as connection:
            added = _insert_new(connection, rows) if rows else AddResult()
            _replace_rows(connection, replaced)
            connection.execute(_INSERT_ENTRY_SQL, entry_parameters(entry))
        return added

    # -- reads ------------------------------------------------------------------------

    def query(self, query: IncidentQuery) -> QueryResult:
        """Return the page of incidents that ``query`` selects, in insertion order.

        A query by bbox alone (the page a map or GDAL asks for) is counted and
        paged on the spatial index's ids, and only the page's rows are read;
        any other query filters the rows themselves.
        """
        where, params = _where(query)
        connection = self._connection()
        if query.bbox is not None:
            inside, edge_fids = _bbox_edges(connection, query.bbox, count=bbox_only(query))
            params["edge_fids"] = json.dumps(edge_fids)
        if bbox_only(query):
            matched = inside + len(edge_fids)
            page_sql = (
                f"{_SELECT_SQL} WHERE fid IN ({_BBOX_IDS_SQL} ORDER BY 1"
                " LIMIT :limit OFFSET :offset) ORDER BY fid"
            )
        else:
            count_sql = f"SELECT count(*) FROM {TABLE} {where}"  # noqa: S608
            matched = connection.execute(count_sql, params).fetchone()[0]
            page_sql = f"{_SELECT_SQL} {where} {_order(query)} LIMIT :limit OFFSET :offset"
        params = {**params, "limit": -1 if query.limit is None else query.limit}
        params["offset"] = query.offset
        rows = connection.execute(page_sql, params).fetchall()
        return QueryResult(
            int(matched), partial(frame_from_rows, rows), partial(features_from_rows, rows)
        )

    def get(self, incident_id: str) -> gpd.GeoDataFrame:
        """Return the one incident with ``incident_id``; raise IncidentNotFoundError if none."""
        rows = self._connection().execute(f"{_SELECT_SQL} WHERE id = ?", (incident_id,)).fetchall()
        if not rows:
            raise IncidentNotFoundError(incident_id)
        return frame_from_rows(rows)

    def count(self) -> int:
        """Return the number of stored incidents."""
        return int(self._connection().execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0])  # noqa: S608

    def version(self) -> str:
        """Return the store's version: its id and a counter every write to the incidents bumps."""
        sql = f"SELECT store_id, version FROM {VERSION_TABLE}"  # noqa: S608
        store_id, counter = self._connection().execute(sql).fetchone()
        return f"{store_id}-{counter}"

    def extent(self) -> StoreExtent:
        """Return the bbox (kept in ``gpkg_contents``) and the date range of the incidents."""
        connection = self._connection()
        bounds = connection.execute(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?", (TABLE,)
        ).fetchone()
        first, last = connection.execute(f"SELECT min(date), max(date) FROM {TABLE}").fetchone()  # noqa: S608
        bbox: BBox | None = None
        if bounds is not None and None not in bounds:
            bbox = (float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3]))
        return StoreExtent(
            bbox=bbox,
            start=dt.date.fromisoformat(first) if first else None,
            end=dt.date.fromisoformat(last) if last else None,
        )


def _use_wal(connection: sqlite3.Connection, within_s: float = 60.0) -> None:
    """Put the database in WAL mode, waiting while another connection holds it.

    Switching the journal mode does not wait on SQLite's busy timeout, so
    several connections opening a new store at once retry here; once the file
    is in WAL mode (it stays so) there is nothing to switch.
    """
    deadline = time.monotonic() + within_s
    while connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        with contextlib.suppress(sqlite3.OperationalError):
            connection.execute("PRAGMA journal_mode = WAL")
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("the store stayed locked: cannot switch it to WAL")
        time.sleep(0.01)


# -- SQL ------------------------------------------------------------------------------


def _create_incident_table(connection: sqlite3.Connection) -> None:
    """Create the incident feature table, its indexes and its spatial index."""
    columns = ",\n".join(
        f"{name} {_SQL_TYPES[dtype]}" + (" NOT NULL UNIQUE" if name == "id" else "")
        for name, dtype in INCIDENT_COLUMNS.items()
    )
    connection.execute(
        f"CREATE TABLE {TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT,"
        f" {GEOMETRY_COLUMN} POINT, {columns})"
    )
    connection.execute(f"CREATE INDEX {TABLE}_date_idx ON {TABLE} (date)")
    _gpkg.register_point_table(
        connection, TABLE, GEOMETRY_COLUMN, "Small-boat incidents stored by launchmap"
    )


def _create_version_table(connection: sqlite3.Connection) -> None:
    """Create the version table (a new random store id, version 0) and its triggers.

    A store made afresh at the same place gets another id, so its versions never
    repeat one of the old store's. Does nothing to a store that has the table.
    """
    connection.execute(
        f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT,"
        " store_id TEXT NOT NULL, version INTEGER NOT NULL)"
    )
    if connection.execute(f"SELECT count(*) FROM {VERSION_TABLE}").fetchone()[0] == 0:  # noqa: S608
        _gpkg.register_attribute_table(
            connection, VERSION_TABLE, "launchmap's store version: written by launchmap only"
        )
        connection.execute(
            f"INSERT INTO {VERSION_TABLE} (store_id, version) VALUES (?, 0)",  # noqa: S608
            (uuid.uuid4().hex,),
        )
    for trigger in _VERSION_TRIGGERS:
        connection.execute(trigger)


_INSERT_SQL = (
    f"INSERT INTO {TABLE} ({GEOMETRY_COLUMN}, {', '.join(COLUMNS)}) "  # noqa: S608
    f"VALUES (:{GEOMETRY_COLUMN}, {', '.join(':' + name for name in COLUMNS)})"
)
_REPLACE_SQL = (
    f"UPDATE {TABLE} SET "  # noqa: S608
    + ", ".join(f"{name} = :{name}" for name in [GEOMETRY_COLUMN, *COLUMNS])
    + " WHERE id = :id"
)
_FEEDS_SQL = (
    f"SELECT {', '.join('f.' + name for name in FEED_COLUMNS)},"  # noqa: S608
    f" (SELECT count(*) FROM {ENTRIES_TABLE} AS e WHERE e.feed = f.name)"
    f" FROM {FEEDS_TABLE} AS f ORDER BY f.added, f.name"
)
_POLL_SUCCEEDED_SQL = (
    f"UPDATE {FEEDS_TABLE} SET checked = :checked, succeeded = :checked,"  # noqa: S608
    " failed = NULL, error = NULL, title = coalesce(:title, title),"
    " etag = coalesce(:etag, etag), last_modified = coalesce(:last_modified, last_modified)"
    " WHERE name = :name"
)
_POLL_FAILED_SQL = (
    f"UPDATE {FEEDS_TABLE} SET checked = :checked, failed = :checked, error = :error,"  # noqa: S608
    " title = coalesce(:title, title) WHERE name = :name"
)
_INSERT_ENTRY_SQL = (
    f"INSERT OR IGNORE INTO {ENTRIES_TABLE} ({', '.join(ENTRY_COLUMNS)})"  # noqa: S608
    f" VALUES ({', '.join(':' + name for name in ENTRY_COLUMNS)})"
)
_SELECT_SQL = f"SELECT {GEOMETRY_COLUMN}, {', '.join(COLUMNS)} FROM {TABLE}"  # noqa: S608
# Ids of the index boxes inside a bbox, and of those that cross its edges (disjoint sets);
# every constraint is one the R*Tree answers itself, so neither reads more of the index
# than the boxes it returns.
_BBOX_INSIDE_SQL = (
    f"SELECT id FROM {_RTREE} WHERE minx >= :min_lon AND maxx <= :max_lon"  # noqa: S608
    " AND miny >= :min_lat AND maxy <= :max_lat"
)
_ACROSS_X = "minx <= :max_lon AND maxx >= :min_lon"
_ACROSS_Y = "miny <= :max_lat AND maxy >= :min_lat"
_BBOX_EDGE_SQL = " UNION ".join(
    f"SELECT id FROM {_RTREE} WHERE {edge}"  # noqa: S608
    for edge in (
        f"minx < :min_lon AND maxx >= :min_lon AND {_ACROSS_Y}",  # across the west edge
        f"maxx > :max_lon AND minx <= :max_lon AND {_ACROSS_Y}",  # east
        f"miny < :min_lat AND maxy >= :min_lat AND {_ACROSS_X}",  # south
        f"maxy > :max_lat AND miny <= :max_lat AND {_ACROSS_X}",  # north
    )
)
# Filled in by each query with the fids of the edge-crossing boxes whose point is inside.
_EDGE_FIDS_SQL = "SELECT value FROM json_each(:edge_fids)"
_BBOX_SQL = f"fid IN ({_BBOX_INSIDE_SQL}) OR fid IN ({_EDGE_FIDS_SQL})"
# The fids of the incidents in a bbox, read from the index alone.
_BBOX_IDS_SQL = f"{_BBOX_INSIDE_SQL} UNION ALL {_EDGE_FIDS_SQL}"


def _bbox_edges(
    connection: sqlite3.Connection, bbox: BBox, *, count: bool
) -> tuple[int, list[int]]:
    """Count the index boxes inside a bbox (if ``count``); find the edge points inside it.

    The R*Tree stores 32-bit float bounds rounded outwards, so a point right at
    the bbox's edge has a box that crosses the edge: those few points are read
    and checked exactly here. Every other box that meets the bbox lies inside
    it. The check is done in Python after the statement, not as an SQL function
    during it, so concurrent queries never wait for the GIL inside SQLite.
    """
    params = dict(zip(("min_lon", "min_lat", "max_lon", "max_lat"), bbox, strict=True))
    edge_sql = f"SELECT fid, {GEOMETRY_COLUMN} FROM {TABLE} WHERE fid IN ({_BBOX_EDGE_SQL})"  # noqa: S608
    if count:
        edge_sql = f"SELECT NULL, count(*) FROM ({_BBOX_INSIDE_SQL}) UNION ALL {edge_sql}"  # noqa: S608
    inside = 0
    edge_fids = []
    for fid, blob in connection.execute(edge_sql, params):
        if fid is None:
            inside = int(blob)
        elif (xy := _gpkg.point_xy(blob)) is not None and _within(xy, bbox):
            edge_fids.append(int(fid))
    return inside, edge_fids


def _within(xy: tuple[float, float], bbox: BBox) -> bool:
    """Tell whether a point lies inside a bbox, edges included."""
    return bbox[0] <= xy[0] <= bbox[2] and bbox[1] <= xy[1] <= bbox[3]


def _where(query: IncidentQuery) -> tuple[str, dict[str, Any]]:
    """Build the WHERE clause of a query from fixed fragments and bound parameters.

    A bbox clause also needs ``edge_fids``, the edge points :func:`_bbox_edges` finds.
    """
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if query.bbox is not None:
        clauses.append(f"({_BBOX_SQL})")
        params.update(zip(("min_lon", "min_lat", "max_lon", "max_lat"), query.bbox, strict=True))
    if query.start is not None:
        clauses.append("date >= :start")
        params["start"] = query.start.isoformat()
    if query.end is not None:
        clauses.append("date <= :end")
        params["end"] = query.end.isoformat()
    for column, values in (("event_type", query.event_types), ("location_role", query.roles)):
        if values:
            names = [f"{column}_{number}" for number in range(len(values))]
            clauses.append(f"{column} IN ({', '.join(':' + name for name in names)})")
            params.update(zip(names, values, strict=True))
    if query.review_statuses:
        statuses = [status for status in query.review_statuses if status != ReviewFilter.NONE]
        names = [f"review_status_{number}" for number in range(len(statuses))]
        either = [f"review_status IN ({', '.join(':' + name for name in names)})"] if names else []
        if ReviewFilter.NONE in query.review_statuses:
            either.append("review_status IS NULL")
        clauses.append(f"({' OR '.join(either)})")
        params.update(zip(names, statuses, strict=True))
    if query.country is not None:
        clauses.append("country = :country")
        params["country"] = query.country.upper()
    if query.place is not None:
        clauses.append("place_name LIKE :place ESCAPE '\\'")
        params["place"] = "%" + like_escaped(query.place) + "%"
    if query.min_people is not None:
        clauses.append("people >= :min_people")
        params["min_people"] = query.min_people
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order(query: IncidentQuery) -> str:
    """Build ORDER BY from the whitelisted sort columns, insertion order last.

    Without statistics SQLite would rather scan the table in fid order than read
    a date range through its index and sort; ``+fid`` takes that shortcut away.
    """
    keys = [f"{column} {'DESC' if descending else 'ASC'}" for column, descending in query.sortby]
    filtered = query.start is not None or query.end is not None
    keys.append("+fid" if filtered or keys else "fid")
    return "ORDER BY " + ", ".join(keys)


def _insert_new(connection: sqlite3.Connection, rows: list[dict[str, Any]]) -> AddResult:
    """Insert the rows whose id is not stored yet, inside the caller's transaction."""
    existing = _present(connection, TABLE, "id", [row["id"] for row in rows])
    new_rows = [row for row in rows if row["id"] not in existing]
    connection.executemany(_INSERT_SQL, new_rows)
    _extend_contents(connection, [row[GEOMETRY_COLUMN] for row in new_rows])
    return AddResult(
        added=[row["id"] for row in new_rows],
        existing=[row["id"] for row in rows if row["id"] in existing],
    )


def _create_feed_tables(connection: sqlite3.Connection) -> None:
    """Create the feed tables if they are missing, and register them in gpkg_contents."""
    for statement in _FEED_TABLES_SQL:
        connection.execute(statement)
    for table, description in _FEED_TABLE_DESCRIPTIONS.items():
        _gpkg.register_attribute_table(connection, table, description)


def _replace_rows(connection: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Replace stored incidents by these rows, inside the caller's transaction.

    Raises
    ------
    IncidentNotFoundError
        When one of them is not stored (the caller's transaction is rolled back).
    """
    for row in rows:
        if connection.execute(_REPLACE_SQL, row).rowcount == 0:
            raise IncidentNotFoundError(row["id"])
    _extend_contents(connection, [row[GEOMETRY_COLUMN] for row in rows])


def _present(
    connection: sqlite3.Connection, table: str, column: str, values: Sequence[str]
) -> set[str]:
    """Return which of ``values`` a table's key column holds (queried in bounded chunks).

    ``table`` and ``column`` are this module's own identifiers, never input.
    """
    found: set[str] = set()
    for start in range(0, len(values), _SQLITE_MAX_VARIABLES):
        chunk = values[start : start + _SQLITE_MAX_VARIABLES]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT {column} FROM {table} WHERE {column} IN ({marks})"  # noqa: S608
        found.update(row[0] for row in connection.execute(sql, chunk))
    return found


def _extend_contents(connection: sqlite3.Connection, blobs: Sequence[bytes | None]) -> None:
    """Grow the bbox recorded in ``gpkg_contents`` by the points just added."""
    points = [blob for blob in blobs if blob is not None]
    if not points:
        return
    min_x, min_y, max_x, max_y = shapely.total_bounds(_gpkg.decode_geometries(points))
    connection.execute(
        "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, :a), :a),"
        " min_y = min(coalesce(min_y, :b), :b), max_x = max(coalesce(max_x, :c), :c),"
        " max_y = max(coalesce(max_y, :d), :d),"
        " last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = :table",
        {"a": min_x, "b": min_y, "c": max_x, "d": max_y, "table": TABLE},
    )
