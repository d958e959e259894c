"""The PostGIS store: incidents in a PostgreSQL table with a ``geometry(Point, 4326)`` column.

It implements :class:`geo.store.IncidentStore` and gives the same answers as the
GeoPackage store for the same incidents: the same insertion order, paging and
``numberMatched``, bbox edges included exactly, text sorted byte-wise (as
SQLite does, whatever the database's collation) with missing values first
ascending, and place matching that ignores the case of ASCII letters only.
Rows travel through the conversions the GeoPackage store uses
(:mod:`geo.store._rows`).

Everything lives in the ``launchmap`` schema of the database:

- ``incidents``: one row an incident, ``fid`` its insertion order, ``geom`` its
  point (NULL when placed only at country level) with a GiST index, ``xy`` the
  same point as PostgreSQL's ``point`` with an SP-GiST index that holds ``fid``
  (bbox counts and pages read it alone), ``date`` a SQL date with a B-tree
  index, ``sources`` JSON;
- ``extent``: the bbox of the incidents, grown by every write as a GeoPackage's
  ``gpkg_contents`` is;
- ``schema_version``: one row a migration applied, so that ``launchmap db init``
  applies the missing ones in order;
- ``state``: the store's id and version, which a trigger bumps after every
  statement that writes to ``incidents``, whoever runs it.

Every statement binds its values as parameters; the SQL text is made of this
module's constants only. Connections come from a pool (``psycopg_pool``) that
checks a connection before lending it, so the threads of the API server share
a few connections and outlive a restart of the database server.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from typing import Any
from urllib.parse import unquote

import geopandas as gpd
import numpy as np
import psycopg
import shapely
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool

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
    DatabaseInit,
    Feed,
    FeedEntry,
    FeedPoll,
    IncidentQuery,
    QueryResult,
    StoreExtent,
    masked_address,
)
from geo.vocabulary import ReviewFilter

SCHEMA = "launchmap"
TABLE = f"{SCHEMA}.incidents"
FEEDS_TABLE = f"{SCHEMA}.feeds"
ENTRIES_TABLE = f"{SCHEMA}.feed_entries"
EXTENSION = "postgis"
POOL_SIZE = 10
CONNECT_TIMEOUT_S = 10
POOL_TIMEOUT_S = 10.0  # how long a request waits for a connection before a 503
ADD_ATTEMPTS = 5  # an add that deadlocks on ids another add is inserting is tried again
_CHUNK_ROWS = 10_000
# Reading a row of the table in fid order (and testing its point) costs about as much
# as sorting this many ids from the point index: see query_statements.
_SCAN_PER_SORTED = 10
# pg_advisory_xact_lock key that serialises schema changes ("launchma" in ASCII).
_SCHEMA_LOCK = 0x6C61756E63686D61
_FEEDS_LOCK = _SCHEMA_LOCK + 1  # serialises adding feeds, so a name is checked and taken at once
_SCHEMES = ("postgresql://", "postgres://")
# PostgreSQL cancels one of two transactions that wait on each other: worth another try.
_RETRYABLE = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)
_COLUMNS = list(INCIDENT_COLUMNS)

# The SQL type of each incident column in the table. ``date`` is a SQL date and
# ``sources`` and ``extra`` JSON; reads turn them back into ISO and JSON text (see _SELECT_SQL).
SQL_TYPES = {
    name: {"float64": "double precision", "Int64": "bigint", "object": "text"}[dtype]
    for name, dtype in INCIDENT_COLUMNS.items()
} | {"date": "date", "sources": "json", "extra": "json"}
# Parameters are sent as text, float8 or int8 (arrays of them for adds) and cast to these.
_PARAMETER_TYPES = {
    name: {"double precision": "float8", "bigint": "int8"}.get(sql_type, "text")
    for name, sql_type in SQL_TYPES.items()
}
_BYTEWISE = 'COLLATE "C"'  # compare text by its UTF-8 bytes, as SQLite does

# Migration N brings the schema from version N - 1 to N; they apply in order.
# A released migration never changes: a new column is a new migration.
MIGRATIONS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: (
        "incidents with an indexed point, their extent and the schema version",
        (
            f"CREATE SCHEMA {SCHEMA}",
            f"CREATE TABLE {SCHEMA}.schema_version ("
            " version integer PRIMARY KEY,"
            " description text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())",
            f"CREATE TABLE {TABLE} ("
            " fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            " geom geometry(Point, 4326),"
            " id text NOT NULL UNIQUE,"
            " event_type text,"
            " date date,"
            " date_precision text,"
            " place_name text,"
            " place_id text,"
            " country text,"
            " location_precision text,"
            " uncertainty_m double precision,"
            " location_role text,"
            " people bigint,"
            " boats bigint,"
            " description text,"
            " sources json,"
            " shore_distance_m double precision,"
            " coast_km double precision,"
            " nearest_place text,"
            " cluster_id bigint,"
            " xy point GENERATED ALWAYS AS (point(ST_X(geom), ST_Y(geom))) STORED)",
            f"COMMENT ON TABLE {TABLE} IS 'Small-boat incidents stored by launchmap'",
            f"CREATE INDEX incidents_geom_idx ON {TABLE} USING gist (geom)",
            f"CREATE INDEX incidents_xy_idx ON {TABLE} USING spgist (xy) INCLUDE (fid)",
            f"CREATE INDEX incidents_date_idx ON {TABLE} (date)",
            f"CREATE TABLE {SCHEMA}.extent ("
            " only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),"
            " min_x double precision, min_y double precision,"
            " max_x double precision, max_y double precision)",
            f"INSERT INTO {SCHEMA}.extent DEFAULT VALUES",
        ),
    ),
    2: (
        "review of extracted incidents (confidence, review_status) and other datasets' extra",
        (
            f"ALTER TABLE {TABLE} ADD COLUMN confidence double precision,"
            " ADD COLUMN review_status text, ADD COLUMN extra json",
            f"CREATE INDEX incidents_review_status_idx ON {TABLE} (review_status)",
        ),
    ),
    3: (
        "feeds watched and the entries seen from them",
        (
            f"CREATE TABLE {FEEDS_TABLE} ("
            " name text PRIMARY KEY,"
            " url text NOT NULL UNIQUE,"
            " added timestamptz NOT NULL,"
            " title text, etag text, last_modified text,"
            " checked timestamptz, succeeded timestamptz, failed timestamptz, error text)",
            f"CREATE TABLE {ENTRIES_TABLE} ("
            " key text PRIMARY KEY,"
            " feed text NOT NULL,"
            " fetched timestamptz NOT NULL,"
            " url text, title text, published timestamptz,"
            " incidents json NOT NULL,"
            " error text)",
            f"CREATE INDEX feed_entries_feed_idx ON {ENTRIES_TABLE} (feed)",
        ),
    ),
    4: (
        "the store's version, bumped by every statement that writes to the incidents",
        (
            f"CREATE TABLE {SCHEMA}.state ("
            " only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),"
            " store_id uuid NOT NULL DEFAULT gen_random_uuid(),"
            " version bigint NOT NULL DEFAULT 0)",
            f"INSERT INTO {SCHEMA}.state DEFAULT VALUES",
            f"CREATE FUNCTION {SCHEMA}.bump_version() RETURNS trigger LANGUAGE plpgsql AS"  # noqa: S608
            f" $$BEGIN UPDATE {SCHEMA}.state SET version = version + 1; RETURN NULL; END$$",
            f"CREATE TRIGGER incidents_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            f" ON {TABLE} FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.bump_version()",
        ),
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)


# -- addresses and connections ----------------------------------------------------------


def _secrets(url: str) -> list[str]:
    """Return the password an address carries, in every spelling a message might quote it."""
    found = set(re.findall(r"[?&]password=([^&#]*)", url))
    found.update(re.findall(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", url))
    _scheme, separator, rest = url.partition("://")
    authority = rest.partition("/")[0] if separator else ""
    if "@" in authority:
        found.add(authority.partition("@")[0].partition(":")[2])
    with suppress(psycopg.Error):
        found.add(str(conninfo_to_dict(url).get("password") or ""))
    found |= {unquote(secret.strip("'")) for secret in found}
    return sorted((secret for secret in found if secret), key=len, reverse=True)


def _message(error: BaseException, url: str) -> str:
    """Return a driver's error message on one line, without the address's password."""
    text = " ".join(str(error).split()).replace(url, masked_address(url))
    for secret in _secrets(url):
        text = text.replace(secret, "***")
    return text


def checked_address(url: str) -> str:
    """Check that ``url`` is a PostgreSQL address; return it with its password masked.

    Raises
    ------
    StoreError
        When it is not a ``postgresql://`` address libpq can read.
    """
    label = masked_address(url)
    if not url.startswith(_SCHEMES):
        raise StoreError(
            f"the database address must be a postgresql:// URL "
            f"(postgresql://USER:PASSWORD@HOST:PORT/DATABASE), got {label!r}"
        )
    try:
        conninfo_to_dict(url)
    except psycopg.Error as error:
        raise StoreError(
            f"{label} is not a valid PostgreSQL address: {_message(error, url)}"
        ) from None
    return label


def _connect(url: str, label: str) -> psycopg.Connection[tuple[Any, ...]]:
    """Open one autocommit connection, or say why the server cannot be reached."""
    try:
        return psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="launchmap",
        )
    except psycopg.Error as error:
        raise StoreError(
            f"cannot connect to the PostGIS database {label}: {_message(error, url)}"
        ) from None


# -- the schema -------------------------------------------------------------------------


def _schema_version(connection: psycopg.Connection[tuple[Any, ...]], label: str) -> int:
    """Return the version of launchmap's schema in the database; 0 when it has none.

    Raises
    ------
    StoreError
        When a ``launchmap`` schema exists that launchmap did not make.
    """
    row = connection.execute(
        "SELECT to_regclass(%s) IS NOT NULL,"
        " EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = %s)",
        (f"{SCHEMA}.schema_version", SCHEMA),
    ).fetchone()
    assert row is not None
    has_versions, has_schema = row
    if not has_versions:
        if has_schema:
            raise StoreError(
                f"{label} has a schema {SCHEMA!r} that launchmap did not make "
                f"(no {SCHEMA}.schema_version table); use another database"
            )
        return 0
    version = connection.execute(f"SELECT max(version) FROM {SCHEMA}.schema_version").fetchone()  # noqa: S608
    return int(version[0]) if version and version[0] is not None else 0


def _ensure_postgis(connection: psycopg.Connection[tuple[Any, ...]], label: str) -> None:
    """Create the postgis extension in the database if it is missing, or say why it cannot."""
    if connection.execute("SELECT 1 FROM pg_extension WHERE extname = %s", (EXTENSION,)).fetchone():
        return
    available = connection.execute(
        "SELECT 1 FROM pg_available_extensions WHERE name = %s", (EXTENSION,)
    ).fetchone()
    if not available:
        raise StoreError(
            f"{label}: PostGIS is not installed on this PostgreSQL server (it has no "
            f"{EXTENSION!r} extension to create); install it for the server's version "
            "(Debian: apt-get install postgresql-15-postgis-3) and run `launchmap db init` again"
        )
    try:
        with connection.transaction():
            connection.execute(f"CREATE EXTENSION {EXTENSION}")
    except psycopg.errors.InsufficientPrivilege as error:
        raise StoreError(
            f"{label}: the database has no {EXTENSION} extension and this user may not "
            f"create it ({_message(error, '')}); have a superuser run "
            f"`CREATE EXTENSION {EXTENSION};` in it, then `launchmap db init` again"
        ) from None


def _migrate(
    connection: psycopg.Connection[tuple[Any, ...]],
    label: str,
    *,
    seed_rows: list[dict[str, Any]],
) -> tuple[int, int]:
    """Bring the schema to :data:`SCHEMA_VERSION` in one transaction; seed a new one.

    Returns the version found and the number of incidents seeded. Concurrent
    callers wait for each other (an advisory lock), so a schema is made and
    seeded once.
    """
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
        before = _schema_version(connection, label)
        if before > SCHEMA_VERSION:
            raise StoreError(_newer_message(label, before))
        if before == SCHEMA_VERSION:
            return before, 0
        _ensure_postgis(connection, label)
        for version in range(before + 1, SCHEMA_VERSION + 1):
            description, statements = MIGRATIONS[version]
            for statement in statements:
                connection.execute(statement)  # the module's own DDL, no values
            connection.execute(
                f"INSERT INTO {SCHEMA}.schema_version (version, description) VALUES (%s, %s)",  # noqa: S608
                (version, description),
            )
        seeded = 0
        if before == 0 and seed_rows:
            with connection.cursor() as cursor:
                seeded = len(_insert_new(cursor, seed_rows).added)
        return before, seeded


def _newer_message(label: str, version: int) -> str:
    return (
        f"{label} holds launchmap schema version {version}, made by a newer launchmap; "
        f"this one knows versions up to {SCHEMA_VERSION}: upgrade launchmap"
    )


def _seed_rows(seed: bool) -> list[dict[str, Any]]:
    """Return the sample incidents as insert parameters if a new store is to be seeded."""
    return unique_rows(sample_incidents(), _xy) if seed else []


def init_schema(database_url: str, *, seed: bool = True) -> DatabaseInit:
    """Create or migrate launchmap's schema in a database (see :func:`geo.store.init_database`)."""
    label = checked_address(database_url)
    with _connect(database_url, label) as connection:
        try:
            found = _schema_version(connection, label)
            rows = _seed_rows(seed) if found == 0 else []
            before, seeded = _migrate(connection, label, seed_rows=rows)
            count = connection.execute(f"SELECT count(*) FROM {TABLE}").fetchone()  # noqa: S608
        except psycopg.OperationalError as error:
            message = _message(error, database_url)
            raise StoreError(f"cannot use the PostGIS database {label}: {message}") from None
    assert count is not None
    return DatabaseInit(label, before, SCHEMA_VERSION, seeded, int(count[0]))


# -- the store --------------------------------------------------------------------------


def _configure(connection: psycopg.Connection[tuple[Any, ...]]) -> None:
    """Set up a new pooled connection for the store's short transactions and queries.

    A commit is acknowledged only once its WAL is flushed: that is PostgreSQL's
    default, but a server set to ``synchronous_commit = off`` could otherwise
    lose the last writes the API acknowledged if it crashed.
    """
    connection.execute("SET synchronous_commit = on")
    # The API's queries are short and many: starting parallel workers for one of them
    # costs more than it saves, and takes cores from the requests waiting.
    connection.execute("SET max_parallel_workers_per_gather = 0")
    # psycopg prepares a statement run often; its plan must still fit the values bound,
    # as the best way to read a bbox depends on how much of the map it covers.
    connection.execute("SET plan_cache_mode = force_custom_plan")


class PostGISStore:
    """Incidents in a PostGIS database, through a pool of connections shared by threads."""

    def __init__(self, database_url: str, *, seed: bool = True, pool_size: int = POOL_SIZE) -> None:
        self.address = checked_address(database_url)
        with _connect(database_url, self.address) as connection:
            try:
                version = _schema_version(connection, self.address)
                if version == 0:  # a database without launchmap's schema gets it, as a file does
                    _migrate(connection, self.address, seed_rows=_seed_rows(seed))
                elif version > SCHEMA_VERSION:
                    raise StoreError(_newer_message(self.address, version))
                elif version < SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.address} holds launchmap schema version {version}; this launchmap "
                        f"needs version {SCHEMA_VERSION}: run `launchmap db init` to migrate it"
                    )
            except psycopg.OperationalError as error:
                raise StoreError(
                    f"cannot use the PostGIS database {self.address}: "
                    f"{_message(error, database_url)}"
                ) from None
        self._url = database_url
        self._pool: ConnectionPool[psycopg.Connection[tuple[Any, ...]]] = ConnectionPool(
            database_url,
            min_size=1,
            max_size=pool_size,
            kwargs={
                "autocommit": True,
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "launchmap",
            },
            configure=_configure,
            check=ConnectionPool.check_connection,
            timeout=POOL_TIMEOUT_S,
            name="launchmap",
            open=True,
        )

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Cursor[tuple[Any, ...]]]:
        """Run a block as one transaction on a pooled connection: all of it, or none of it.

        A lost or unreachable server becomes :class:`StoreError` naming the store.
        """
        try:
            with (
                self._pool.connection() as connection,
                connection.transaction(),
                connection.cursor() as cursor,
            ):
                yield cursor
        except _RETRYABLE:
            raise  # the caller may try again
        except psycopg.OperationalError as error:
            raise StoreError(
                f"cannot use the PostGIS store {self.address}: {_message(error, self._url)}"
            ) from error

    def close(self) -> None:
        """Close the pool and its connections."""
        self._pool.close()

    # -- writes -----------------------------------------------------------------------

    def add(self, incidents: gpd.GeoDataFrame) -> AddResult:
        """Store new incidents in one transaction; ids already stored are left as they are.

        Two adds racing on the same ids may deadlock on each other's new rows;
        PostgreSQL then cancels one, which is tried again, whole.
        """
        rows = unique_rows(incidents, _xy)
        if not rows:
            return AddResult()
        for attempt in itertools.count(1):
            try:
                with self._transaction() as cursor:
                    return _insert_new(cursor, rows)
            except _RETRYABLE as error:
                if attempt >= ADD_ATTEMPTS:
                    message = _message(error, self._url)
                    raise StoreError(
                        f"cannot write to the PostGIS store {self.address}: {message}"
                    ) from error
        raise AssertionError("unreachable")  # pragma: no cover

    def replace(self, incident: gpd.GeoDataFrame) -> None:
        """Replace the stored incident with the same id by this one-row frame, in one transaction.

        Raises
        ------
        IncidentNotFoundError
            When no incident with that id is stored (nothing is written).
        """
        with self._transaction() as cursor:
            _replace_rows(cursor, unique_rows(incident, _xy))

    def delete(self, incident_id: str) -> None:
        """Delete the incident with ``incident_id``; raise IncidentNotFoundError if none."""
        if "\x00" in incident_id:  # no stored text holds NUL
            raise IncidentNotFoundError(incident_id)
        with self._transaction() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", (incident_id,))  # noqa: S608
            if cursor.rowcount == 0:
                raise IncidentNotFoundError(incident_id)

    # -- feeds ------------------------------------------------------------------------

    def add_feed(self, name: str, url: str, added: dt.datetime) -> Feed:
        """Watch a new feed; raise FeedError when its name or address is taken."""
        with self._transaction() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_FEEDS_LOCK,))
            taken = cursor.execute(
                f"SELECT name FROM {FEEDS_TABLE} WHERE name = %s OR url = %s",  # noqa: S608
                (name, url),
            ).fetchone()
            if taken is not None:
                raise FeedError(taken_message(taken[0], name, url))
            cursor.execute(
                f"INSERT INTO {FEEDS_TABLE} (name, url, added) VALUES (%s, %s, %s)",  # noqa: S608
                (name, url, added),
            )
        return Feed(name, url, added)

    def remove_feed(self, name: str) -> None:
        """Stop watching a feed (its entries stay seen); raise FeedError if unknown."""
        with self._transaction() as cursor:
            cursor.execute(f"DELETE FROM {FEEDS_TABLE} WHERE name = %s", (name,))  # noqa: S608
            removed = cursor.rowcount
        if removed == 0:
            raise FeedError(unknown_feed_message(name, self.feeds()))

    def feeds(self) -> list[Feed]:
        """Return the feeds watched, in the order they were added."""
        with self._transaction() as cursor:
            rows = cursor.execute(_FEEDS_SQL).fetchall()
        return [feed_from_row(row) for row in rows]

    def record_poll(self, name: str, poll: FeedPoll) -> None:
        """Keep how a poll of a feed went: its time, validators, title or error."""
        with self._transaction() as cursor:
            sql = _POLL_FAILED_SQL if poll.error is not None else _POLL_SUCCEEDED_SQL
            cursor.execute(sql, poll_parameters(name, poll))

    def seen_entries(self, keys: list[str]) -> set[str]:
        """Return which of these entry keys the store has seen already, from any feed."""
        with self._transaction() as cursor:
            rows = cursor.execute(
                f"SELECT key FROM {ENTRIES_TABLE} WHERE key = ANY(%s::text[])",  # noqa: S608
                (keys,),
            ).fetchall()
        return {row[0] for row in rows}

    def store_entry(
        self, entry: FeedEntry, incidents: gpd.GeoDataFrame, corroborated: gpd.GeoDataFrame
    ) -> AddResult:
        """In one transaction: add new incidents, replace corroborated ones, mark the entry seen."""
        rows = unique_rows(incidents, _xy)
        replaced = unique_rows(corroborated, _xy)
        with self._transaction() as cursor:
            added = _insert_new(cursor, rows) if rows else AddResult()
            _replace_rows(cursor, replaced)
            cursor.execute(_INSERT_ENTRY_SQL, entry_parameters(entry))
        return added

    # -- reads ------------------------------------------------------------------------

    def query(self, query: IncidentQuery) -> QueryResult:
        """Return the page of incidents that ``query`` selects, in insertion order.

        The count and the page are read in one transaction; how the page is read
        depends on how many incidents the count found (see :func:`query_statements`).
        """
        count_sql, _, params = query_statements(query)
        with self._transaction() as cursor:
            counted = cursor.execute(count_sql, params).fetchone()
            matched, total = (int(counted[0]), float(counted[1])) if counted else (0, -1.0)
            _, page_sql, _ = query_statements(query, matched, total)
            rows = cursor.execute(page_sql, params).fetchall() if query.limit != 0 else []
        frame = partial(frame_from_rows, rows, _decode_wkb)
        return QueryResult(matched, frame, partial(features_from_rows, rows, _gpkg.wkb_point_xy))

    def get(self, incident_id: str) -> gpd.GeoDataFrame:
        """Return the one incident with ``incident_id``; raise IncidentNotFoundError if none."""
        if "\x00" in incident_id:
            raise IncidentNotFoundError(incident_id)
        with self._transaction() as cursor:
            rows = cursor.execute(f"{_SELECT_SQL} WHERE id = %s", (incident_id,)).fetchall()
        if not rows:
            raise IncidentNotFoundError(incident_id)
        return frame_from_rows(rows, _decode_wkb)

    def count(self) -> int:
        """Return the number of stored incidents."""
        with self._transaction() as cursor:
            row = cursor.execute(f"SELECT count(*) FROM {TABLE}").fetchone()  # noqa: S608
        return int(row[0]) if row else 0

    def version(self) -> str:
        """Return the store's version: its id and a counter every write to the incidents bumps."""
        with self._transaction() as cursor:
            row = cursor.execute(f"SELECT store_id, version FROM {SCHEMA}.state").fetchone()  # noqa: S608
        assert row is not None
        return f"{row[0].hex}-{row[1]}"

    def extent(self) -> StoreExtent:
        """Return the bbox (grown by every write) and the date range of the incidents."""
        with self._transaction() as cursor:
            bounds = cursor.execute(
                f"SELECT min_x, min_y, max_x, max_y FROM {SCHEMA}.extent"  # noqa: S608
            ).fetchone()
            dates = cursor.execute(f"SELECT min(date), max(date) FROM {TABLE}").fetchone()  # noqa: S608
        bbox: BBox | None = None
        if bounds is not None and None not in bounds:
            bbox = (float(bounds[0]), float(bounds[1]), float(bounds[2]), float(bounds[3]))
        first, last = dates if dates is not None else (None, None)
        return StoreExtent(bbox=bbox, start=first, end=last)


# -- SQL --------------------------------------------------------------------------------


def _read_expression(name: str) -> str:
    """Read a column as the GeoPackage store holds it: dates as ISO text, JSON as text."""
    if name == "date":
        return "to_char(date, 'YYYY-MM-DD')"
    if SQL_TYPES[name] == "json":
        return f"{name}::text"
    return name


_SELECT_SQL = (
    f"SELECT ST_AsBinary({GEOMETRY_COLUMN}, 'NDR'), "  # noqa: S608
    + ", ".join(_read_expression(name) for name in _COLUMNS)
    + f" FROM {TABLE}"
)
_POINT_SQL = "ST_SetSRID(ST_MakePoint(%(x)s::float8, %(y)s::float8), 4326)"
_REPLACE_SQL = (
    f"UPDATE {TABLE} SET {GEOMETRY_COLUMN} = {_POINT_SQL}, "  # noqa: S608
    + ", ".join(f"{name} = %({name})s::{SQL_TYPES[name]}" for name in _COLUMNS)
    + " WHERE id = %(id)s"
)
_FEEDS_SQL = (
    f"SELECT {', '.join('f.' + name for name in FEED_COLUMNS)},"  # noqa: S608
    f" (SELECT count(*) FROM {ENTRIES_TABLE} AS e WHERE e.feed = f.name)"
    f" FROM {FEEDS_TABLE} AS f ORDER BY f.added, f.name {_BYTEWISE}"
)
_POLL_SUCCEEDED_SQL = (
    f"UPDATE {FEEDS_TABLE} SET checked = %(checked)s::timestamptz,"  # noqa: S608
    " succeeded = %(checked)s::timestamptz,"
    " failed = NULL, error = NULL, title = coalesce(%(title)s, title),"
    " etag = coalesce(%(etag)s, etag),"
    " last_modified = coalesce(%(last_modified)s, last_modified) WHERE name = %(name)s"
)
_POLL_FAILED_SQL = (
    f"UPDATE {FEEDS_TABLE} SET checked = %(checked)s::timestamptz,"  # noqa: S608
    " failed = %(checked)s::timestamptz,"
    " error = %(error)s, title = coalesce(%(title)s, title) WHERE name = %(name)s"
)
_ENTRY_TYPES = {"fetched": "timestamptz", "published": "timestamptz", "incidents": "json"}
_INSERT_ENTRY_SQL = (
    f"INSERT INTO {ENTRIES_TABLE} ({', '.join(ENTRY_COLUMNS)}) VALUES ("  # noqa: S608
    + ", ".join(f"%({name})s::{_ENTRY_TYPES.get(name, 'text')}" for name in ENTRY_COLUMNS)
    + ") ON CONFLICT (key) DO NOTHING"
)
# One statement adds a chunk of rows: a parameter array per column, unnested in
# their order (so ``fid`` follows the frame's order); ids stored already, even by
# a transaction that commits meanwhile, are left alone and not returned.
_INSERT_SQL = (
    f"INSERT INTO {TABLE} ({GEOMETRY_COLUMN}, {', '.join(_COLUMNS)}) "  # noqa: S608
    "SELECT ST_SetSRID(ST_MakePoint(u.x, u.y), 4326), "
    + ", ".join(f"u.{name}::{SQL_TYPES[name]}" for name in _COLUMNS)
    + " FROM unnest(%(x)s::float8[], %(y)s::float8[], "
    + ", ".join(f"%({name})s::{_PARAMETER_TYPES[name]}[]" for name in _COLUMNS)
    + f") WITH ORDINALITY AS u(x, y, {', '.join(_COLUMNS)}, n) ORDER BY u.n"
    f" ON CONFLICT (id) DO NOTHING RETURNING id, ST_X({GEOMETRY_COLUMN}), ST_Y({GEOMETRY_COLUMN})"
)


def query_statements(
    query: IncidentQuery, matched: int = 0, total: float = -1.0
) -> tuple[str, str, dict[str, Any]]:
    """Return the count and the page statements of a query, and their parameters.

    Both select the same rows and test a bbox exactly (see :data:`_BBOX_SQL`).
    The count reads the ``xy`` index alone for a bbox, and also returns the
    planner's estimate of the number of incidents stored. The page of a query
    by bbox alone (the page a map or GDAL asks for) takes its ids from the
    ``xy`` index too, sorted, and reads only the page's rows, as the GeoPackage
    store reads its R*Tree; but when the bbox holds so many of the ``total``
    incidents that reading the table in ``fid`` order meets the page sooner
    than sorting all ``matched`` ids, it is read as any other page: the bbox
    tested with ST_Intersects, whose selectivity the planner knows, so it may
    read in ``fid`` order instead of sorting.
    """
    count_where, params = _where(query, planned_bbox=False)
    params |= {"limit": query.limit, "offset": query.offset}
    count_sql = (
        f"SELECT count(*), (SELECT reltuples FROM pg_class WHERE oid = '{TABLE}'::regclass)"  # noqa: S608
        f" FROM {TABLE} {count_where}"
    )
    wanted = query.offset + (matched if query.limit is None else query.limit)
    in_fid_order = total > 0 and wanted * total * _SCAN_PER_SORTED < matched * matched
    if bbox_only(query) and not in_fid_order:
        page_ids = f"SELECT fid FROM {TABLE} {count_where} ORDER BY fid"  # noqa: S608
        page_sql = (
            f"{_SELECT_SQL} WHERE fid IN ({page_ids} LIMIT %(limit)s OFFSET %(offset)s)"
            " ORDER BY fid"
        )
    else:
        page_where, _ = _where(query, planned_bbox=True)
        page_sql = f"{_SELECT_SQL} {page_where} {_order(query)} LIMIT %(limit)s OFFSET %(offset)s"
    return count_sql, page_sql, params


def _xy(points: list[shapely.Geometry | None]) -> list[tuple[float, float] | None]:
    """Encode points as (lon, lat) pairs for the insert parameters; None stays None."""
    array = np.asarray(points, dtype=object)
    placed = np.flatnonzero(~shapely.is_missing(array)) if len(array) else np.array([], int)
    pairs: list[tuple[float, float] | None] = [None] * len(points)
    for index, (x, y) in zip(
        placed.tolist(), shapely.get_coordinates(array[placed]).tolist(), strict=True
    ):
        pairs[index] = (x, y)
    return pairs


def _decode_wkb(wkbs: list[bytes | None]) -> Any:
    """Decode WKB points (None stays None) into shapely geometries."""
    return shapely.from_wkb(np.asarray(wkbs, dtype=object))


def _row_parameters(row: dict[str, Any]) -> dict[str, Any]:
    """Turn one insert row (its point a (lon, lat) pair) into statement parameters."""
    point = row[GEOMETRY_COLUMN]
    return {name: row[name] for name in _COLUMNS} | {
        "x": None if point is None else point[0],
        "y": None if point is None else point[1],
    }


def _insert_new(cursor: psycopg.Cursor[tuple[Any, ...]], rows: list[dict[str, Any]]) -> AddResult:
    """Insert the rows whose id is not stored yet, inside the caller's transaction."""
    added: set[str] = set()
    points: list[tuple[float, float]] = []
    for start in range(0, len(rows), _CHUNK_ROWS):
        chunk = rows[start : start + _CHUNK_ROWS]
        params: dict[str, Any] = {name: [row[name] for row in chunk] for name in _COLUMNS}
        points_xy = [row[GEOMETRY_COLUMN] or (None, None) for row in chunk]
        params["x"] = [x for x, _ in points_xy]
        params["y"] = [y for _, y in points_xy]
        for incident_id, x, y in cursor.execute(_INSERT_SQL, params).fetchall():
            added.add(incident_id)
            if x is not None:
                points.append((x, y))
    _extend_extent(cursor, points)
    return AddResult(
        added=[row["id"] for row in rows if row["id"] in added],
        existing=[row["id"] for row in rows if row["id"] not in added],
    )


def _replace_rows(cursor: psycopg.Cursor[tuple[Any, ...]], rows: list[dict[str, Any]]) -> None:
    """Replace stored incidents by these rows, inside the caller's transaction.

    Raises
    ------
    IncidentNotFoundError
        When one of them is not stored (the caller's transaction is rolled back).
    """
    for row in rows:
        if "\x00" in row["id"]:  # no stored id holds NUL
            raise IncidentNotFoundError(row["id"])
        cursor.execute(_REPLACE_SQL, _row_parameters(row))
        if cursor.rowcount == 0:
            raise IncidentNotFoundError(row["id"])
    _extend_extent(cursor, [row[GEOMETRY_COLUMN] for row in rows if row[GEOMETRY_COLUMN]])


def _extend_extent(
    cursor: psycopg.Cursor[tuple[Any, ...]], points: Sequence[tuple[float, float]]
) -> None:
    """Grow the stored extent by the points just written (as GeoPackage's gpkg_contents)."""
    if not points:
        return
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    cursor.execute(
        f"UPDATE {SCHEMA}.extent SET min_x = LEAST(min_x, %s), min_y = LEAST(min_y, %s),"  # noqa: S608
        " max_x = GREATEST(max_x, %s), max_y = GREATEST(max_y, %s)",
        (min(xs), min(ys), max(xs), max(ys)),
    )


# Two exact tests of a point against a bbox, edges included. The first reads the
# SP-GiST index of ``xy``, the point as two float8: ``<@`` finds the points in the
# box and the coordinates are compared again, to the bit, on the index's own copy of
# them; with ``fid`` in the index too, a count or a page of ids never reads the table
# (index-only, once VACUUM has marked the pages visible). The planner, though, takes
# it to select next to nothing.
_BBOX_SQL = (
    "xy <@ box(point(%(min_lon)s::float8, %(min_lat)s::float8),"
    " point(%(max_lon)s::float8, %(max_lat)s::float8))"
    " AND xy[0] BETWEEN %(min_lon)s::float8 AND %(max_lon)s::float8"
    " AND xy[1] BETWEEN %(min_lat)s::float8 AND %(max_lat)s::float8"
)
# The second is ST_Intersects on the geometry: it looks the bbox up in the GiST index
# (``&&``, on boxes of floats rounded outwards) and tests each point against the
# envelope's axis-parallel edges, which compares the coordinates themselves, so it is
# exact too, but only for an envelope with both a width and a height. The planner
# estimates its selectivity from the column's statistics.
_PLANNED_BBOX_SQL = (
    f"ST_Intersects({GEOMETRY_COLUMN}, ST_MakeEnvelope(%(min_lon)s::float8,"
    " %(min_lat)s::float8, %(max_lon)s::float8, %(max_lat)s::float8, 4326))"
)


def _where(query: IncidentQuery, *, planned_bbox: bool = False) -> tuple[str, dict[str, Any]]:
    """Build the WHERE clause of a query from fixed fragments and bound parameters.

    A bbox is tested exactly, edges included, through the ``xy`` index, or
    with ST_Intersects if ``planned_bbox`` (see :data:`_BBOX_SQL`).
    No stored text holds a NUL character, so a filter value with one matches
    nothing.
    """
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if query.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        flat = min_lon == max_lon or min_lat == max_lat
        clauses.append(_PLANNED_BBOX_SQL if planned_bbox and not flat else _BBOX_SQL)
        params.update(zip(("min_lon", "min_lat", "max_lon", "max_lat"), query.bbox, strict=True))
    if query.start is not None:
        clauses.append("date >= %(start)s")
        params["start"] = query.start
    if query.end is not None:
        clauses.append("date <= %(end)s")
        params["end"] = query.end
    texts: list[tuple[str, str, str | list[str]]] = []
    for column, values in (("event_type", query.event_types), ("location_role", query.roles)):
        if values:
            texts.append((column, f"{column} = ANY(%({column})s::text[])", list(values)))
    if query.review_statuses:
        statuses = [status for status in query.review_statuses if status != ReviewFilter.NONE]
        clause = "review_status = ANY(%(review_status)s::text[])"
        if ReviewFilter.NONE in query.review_statuses:
            clause = f"({clause} OR review_status IS NULL)"
        texts.append(("review_status", clause, statuses))
    if query.country is not None:
        texts.append(("country", "country = %(country)s", query.country.upper()))
    if query.place is not None:
        # ILIKE under the "C" collation folds ASCII letters only, as SQLite's LIKE does.
        clause = f"place_name {_BYTEWISE} ILIKE %(place)s ESCAPE '\\'"
        texts.append(("place", clause, "%" + like_escaped(query.place) + "%"))
    for name, clause, value in texts:
        if any("\x00" in text for text in ([value] if isinstance(value, str) else value)):
            clauses.append("FALSE")
        else:
            clauses.append(clause)
            params[name] = value
    if query.min_people is not None:
        clauses.append("people >= %(min_people)s::numeric")
        params["min_people"] = query.min_people
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _order(query: IncidentQuery) -> str:
    """Build ORDER BY from the whitelisted sort columns, insertion order last.

    Text sorts byte-wise and missing values come first ascending and last
    descending, as in SQLite.
    """
    keys = []
    for column, descending in query.sortby:
        collation = f" {_BYTEWISE}" if SQL_TYPES[column] == "text" else ""
        keys.append(f"{column}{collation} {'DESC NULLS LAST' if descending else 'ASC NULLS FIRST'}")
    keys.append("fid")
    return "ORDER BY " + ", ".join(keys)
