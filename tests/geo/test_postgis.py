"""The PostGIS store's own: its schema and migrations, its errors, its indexes, its pool.

The behaviour both stores share is tested on both in ``test_store.py`` and
``test_store_filters.py``; here the PostGIS store is also checked to answer
exactly as the GeoPackage store does on a few hundred varied incidents.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import psycopg
import pytest
from psycopg import sql

import geo.store.postgis
from geo.errors import StoreError
from geo.model import Incident, incidents_to_frame
from geo.store import (
    SORTABLE,
    DatabaseInit,
    IncidentQuery,
    IncidentStore,
    init_database,
    masked_address,
    open_store,
)
from geo.store.geopackage import ADDED_COLUMNS
from geo.store.postgis import SCHEMA_VERSION, PostGISStore, query_statements
from geo.vocabulary import EventType, LocationRole
from tests._postgres import PASSWORD, PostgresCluster
from tests.conftest import free_port, fresh_database


@pytest.fixture
def database_url(postgres: PostgresCluster) -> Iterator[str]:
    """A fresh database with the postgis extension and nothing else."""
    with fresh_database(postgres) as url:
        yield url


def schema_versions(url: str) -> list[int]:
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT version FROM launchmap.schema_version ORDER BY 1")
        return [row[0] for row in rows]


# -- the schema and its migrations ---------------------------------------------------------


def test_init_creates_the_schema_seeds_it_and_is_idempotent(
    database_url: str, sample_feature_count: int
) -> None:
    first = init_database(database_url)
    address = masked_address(database_url)
    assert first == DatabaseInit(address, 0, SCHEMA_VERSION, sample_feature_count, first.incidents)
    assert first.incidents == sample_feature_count
    again = init_database(database_url)
    assert again == DatabaseInit(address, SCHEMA_VERSION, SCHEMA_VERSION, 0, sample_feature_count)
    assert schema_versions(database_url) == list(range(1, SCHEMA_VERSION + 1))
    assert PASSWORD not in address


def test_init_without_seed_makes_an_empty_store(database_url: str) -> None:
    assert init_database(database_url, seed=False).incidents == 0
    store = open_store(database_url=database_url, seed=True)  # an existing schema: never seeded
    try:
        assert store.count() == 0
    finally:
        store.close()


def test_the_table_has_a_point_column_with_a_gist_index(database_url: str) -> None:
    init_database(database_url, seed=False)
    with psycopg.connect(database_url) as connection:
        column = connection.execute(
            "SELECT type, srid FROM geometry_columns"
            " WHERE f_table_schema = 'launchmap' AND f_table_name = 'incidents'"
        ).fetchall()
        indexes = dict(
            connection.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'launchmap'"
            ).fetchall()
        )
        columns = connection.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = 'launchmap' AND table_name = 'incidents'"
            " ORDER BY ordinal_position"
        ).fetchall()
    assert column == [("POINT", 4326)]
    assert "USING gist (geom)" in indexes["incidents_geom_idx"]
    assert "USING spgist (xy) INCLUDE (fid)" in indexes["incidents_xy_idx"]
    assert "(date)" in indexes["incidents_date_idx"]
    # Every incident column is in the table: a new column needs a migration (and comes last).
    added = list(ADDED_COLUMNS)
    first = [name for name in geo.store.postgis.SQL_TYPES if name not in added]
    assert [name for (name,) in columns] == ["fid", "geom", *first, "xy", *added]


ADD_NOTE = "ALTER TABLE launchmap.incidents ADD COLUMN note text"


def test_an_older_schema_is_migrated_by_init_only(
    database_url: str, monkeypatch: pytest.MonkeyPatch, sample_feature_count: int
) -> None:
    init_database(database_url)
    migrations = dict(geo.store.postgis.MIGRATIONS)
    next_version = SCHEMA_VERSION + 1
    migrations[next_version] = ("a note on each incident", (ADD_NOTE,))
    monkeypatch.setattr(geo.store.postgis, "MIGRATIONS", migrations)
    monkeypatch.setattr(geo.store.postgis, "SCHEMA_VERSION", next_version)
    needs = rf"version {SCHEMA_VERSION}; .* needs version {next_version}: run `launchmap db init`"
    with pytest.raises(StoreError, match=needs):
        open_store(database_url=database_url)
    done = init_database(database_url)
    assert (done.version_before, done.version, done.seeded) == (SCHEMA_VERSION, next_version, 0)
    assert done.incidents == sample_feature_count  # nothing stored is lost
    assert schema_versions(database_url) == list(range(1, next_version + 1))
    assert init_database(database_url).version_before == next_version  # once only
    store = open_store(database_url=database_url)
    try:
        assert store.count() == sample_feature_count
    finally:
        store.close()


def test_a_first_version_schema_gets_the_review_and_extra_columns(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database made by the first launchmap keeps its incidents and gains the new fields."""
    migrations = dict(geo.store.postgis.MIGRATIONS)
    monkeypatch.setattr(geo.store.postgis, "MIGRATIONS", {1: migrations[1]})
    monkeypatch.setattr(geo.store.postgis, "SCHEMA_VERSION", 1)
    init_database(database_url, seed=False)
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO launchmap.incidents (geom, id, event_type, date, people)"
            " VALUES (ST_SetSRID(ST_Point(1.6, 50.9), 4326), 'v1-incident', 'launch',"
            " '2020-01-01', 12)"
        )
    monkeypatch.setattr(geo.store.postgis, "MIGRATIONS", migrations)
    monkeypatch.setattr(geo.store.postgis, "SCHEMA_VERSION", max(migrations))
    done = init_database(database_url)
    assert (done.version_before, done.incidents) == (1, 1)
    store = open_store(database_url=database_url)
    try:
        [feature] = store.query(IncidentQuery()).features()
    finally:
        store.close()
    assert feature["geometry"]["coordinates"] == [1.6, 50.9]
    properties = feature["properties"]
    assert (properties["id"], properties["date"], properties["people"]) == (
        "v1-incident",
        "2020-01-01",
        12,
    )
    assert [properties[name] for name in ADDED_COLUMNS] == [None, None, None]


def test_a_schema_newer_than_this_launchmap_is_refused(database_url: str) -> None:
    init_database(database_url, seed=False)
    with psycopg.connect(database_url) as connection:
        connection.execute(
            "INSERT INTO launchmap.schema_version (version, description) VALUES (99, 'future')"
        )
    for attempt in (
        lambda: open_store(database_url=database_url),
        lambda: init_database(database_url),
    ):
        with pytest.raises(StoreError, match="version 99, made by a newer launchmap"):
            attempt()


def test_a_launchmap_schema_launchmap_did_not_make_is_refused_and_untouched(
    database_url: str,
) -> None:
    with psycopg.connect(database_url) as connection:
        connection.execute("CREATE SCHEMA launchmap")
        connection.execute("CREATE TABLE launchmap.notes (body text)")
        connection.execute("INSERT INTO launchmap.notes VALUES ('keep me')")
    with pytest.raises(StoreError, match="schema 'launchmap' that launchmap did not make"):
        open_store(database_url=database_url)
    with psycopg.connect(database_url) as connection:
        assert connection.execute("SELECT body FROM launchmap.notes").fetchall() == [("keep me",)]
        assert connection.execute("SELECT to_regclass('launchmap.incidents')").fetchone() == (None,)


def test_several_processes_initialising_at_once_make_one_schema(
    database_url: str, sample_feature_count: int
) -> None:
    results: list[DatabaseInit] = []
    errors: list[BaseException] = []

    def initialise() -> None:
        try:
            results.append(init_database(database_url))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=initialise) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(result.version_before for result in results) == [0, *[SCHEMA_VERSION] * 3]
    assert {result.incidents for result in results} == {sample_feature_count}


# -- addresses that do not lead to a usable database ---------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://me:s3cret@db:5432/lm", "postgresql://me:***@db:5432/lm"),
        ("postgres://me:s3cret@db/lm?sslmode=require", "postgres://me:***@db/lm?sslmode=require"),
        ("postgresql://me:s3c?ret#x@db/lm", "postgresql://me:***@db/lm"),
        ("postgresql://db/lm?user=me&password=s3cret", "postgresql://db/lm?user=me&password=***"),
        ("postgresql://me@db/lm", "postgresql://me@db/lm"),
        ("host=db password=s3cret dbname=lm", "host=db password=*** dbname=lm"),
        ("host=db password='s3 cret' dbname=lm", "host=db password=*** dbname=lm"),
    ],
)
def test_addresses_are_shown_with_the_password_masked(url: str, shown: str) -> None:
    assert masked_address(url) == shown


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user:s3cret@localhost/launchmap", "must be a postgresql:// URL"),
        ("/var/lib/launchmap.gpkg", "must be a postgresql:// URL"),
        ("postgresql://user:s3cret%zz@localhost/db", "not a valid PostgreSQL address"),
        ("postgresql://user:s3cret@[::1/db", "not a valid PostgreSQL address"),
        ("postgresql://user:s3cret@localhost/db?nonsense=1", "not a valid PostgreSQL address"),
        ("postgresql://localhost/db?password=s3cret&nonsense=1", "not a valid PostgreSQL address"),
        ("postgresql://user:s3cret@localhost:notaport/db", "cannot connect to the PostGIS"),
    ],
)
def test_a_bad_address_is_refused_with_its_password_masked(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(database_url=url)
    assert "s3cret" not in str(caught.value)
    with pytest.raises(StoreError, match=message):
        init_database(url)


def test_an_unreachable_server_is_named_with_its_password_masked() -> None:
    url = f"postgresql://launchmap:s3cret@127.0.0.1:{free_port()}/launchmap"
    for attempt in (lambda: open_store(database_url=url), lambda: init_database(url)):
        with pytest.raises(StoreError) as caught:
            attempt()
        text = str(caught.value)
        assert "cannot connect to the PostGIS database postgresql://launchmap:***@127.0.0.1" in text
        assert "Connection refused" in text and "s3cret" not in text


def test_a_wrong_password_or_database_is_named(postgres: PostgresCluster) -> None:
    wrong = postgres.url("postgres", password="not-the-password")
    with pytest.raises(StoreError, match="password authentication failed") as caught:
        open_store(database_url=wrong)
    assert "not-the-password" not in str(caught.value)
    with pytest.raises(StoreError, match='database "no_such_database" does not exist'):
        open_store(database_url=postgres.url("no_such_database"))


def test_a_server_without_postgis_is_named(
    postgres: PostgresCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(geo.store.postgis, "EXTENSION", "postgis_is_not_installed_here")
    with fresh_database(postgres, postgis=False) as url:
        with pytest.raises(StoreError) as caught:
            init_database(url)
        text = str(caught.value)
        assert text.startswith(masked_address(url))
        assert "PostGIS is not installed on this PostgreSQL server" in text
        assert "postgresql-15-postgis-3" in text and PASSWORD not in text
        with psycopg.connect(url) as connection:  # nothing was made
            assert connection.execute("SELECT to_regnamespace('launchmap')").fetchone() == (None,)


@pytest.fixture
def plain_user(postgres: PostgresCluster) -> Iterator[tuple[str, str]]:
    """A role that is not a superuser, owning a database without the postgis extension."""
    role, password = "launchmap_user", "user-s3cret"
    with postgres.admin() as admin:
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(role), sql.Literal(password)
            )
        )
    name = postgres.new_database(postgis=False)
    with postgres.admin() as admin:
        admin.execute(
            sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                sql.Identifier(name), sql.Identifier(role)
            )
        )
    try:
        yield name, postgres.url(name, user=role, password=password)
    finally:
        postgres.drop_database(name)
        with postgres.admin() as admin:
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def test_a_user_who_may_not_create_postgis_is_told_what_to_ask(
    postgres: PostgresCluster, plain_user: tuple[str, str]
) -> None:
    database, url = plain_user
    with pytest.raises(StoreError) as caught:
        open_store(database_url=url)
    text = str(caught.value)
    assert "the database has no postgis extension and this user may not create it" in text
    assert "CREATE EXTENSION postgis" in text and "user-s3cret" not in text
    with postgres.admin(database) as admin:  # a superuser does as the message says
        admin.execute("CREATE EXTENSION postgis")
    done = init_database(url, seed=False)
    assert (done.version_before, done.version) == (0, SCHEMA_VERSION)


# -- the same answers as the GeoPackage store ------------------------------------------------

PLACES = [
    "Wissant",
    "wissant",
    "WISSANT beach",
    "Équihen-Plage",
    "équihen",
    "Berck_sur%mer",
    "Calais",
    "calais port",
    "Zuydcoote",
    "a b",
    None,
]
GRID = [1.0, 1.25, 1.5, 1.75, 2.0]  # coordinates some points sit exactly on, as bbox edges do


def varied_incidents(count: int = 400, seed: int = 11) -> gpd.GeoDataFrame:
    """Incidents with every kind of value: missing ones, points on bbox edges, mixed case."""
    rng = np.random.default_rng(seed)
    incidents = []
    for number in range(count):
        on_grid = rng.random() < 0.3
        lon = float(rng.choice(GRID)) if on_grid else round(float(rng.uniform(0.9, 2.1)), 6)
        lat = 50.0 + (
            float(rng.choice(GRID)) - 1.0 if on_grid else round(float(rng.uniform(-0.1, 1.1)), 6)
        )
        placed = rng.random() > 0.1
        day = int(rng.integers(0, 90))
        people = int(rng.integers(0, 80))
        incidents.append(
            Incident(
                id=f"v{count - number:04d}",  # ids sort against insertion order
                event_type=list(EventType)[number % len(EventType)],
                date=None if rng.random() < 0.1 else dt.date(2024, 1, 1) + dt.timedelta(days=day),
                place_name=PLACES[number % len(PLACES)],
                country=[None, "FR", "GB", "BE"][number % 4],
                location_role=None if number % 5 == 0 else list(LocationRole)[number % 7],
                people=None if number % 6 == 0 else people,
                boats=None if number % 3 == 0 else number % 4,
                uncertainty_m=None if number % 7 == 0 else float(number % 9) * 250.0,
                lon=lon if placed else None,
                lat=lat if placed else None,
                sources=[{"url": f"https://example.org/{number}", "quote": "Ça « part »"}],
            )
        )
    return incidents_to_frame(incidents)


def parity_queries() -> list[IncidentQuery]:
    rng = np.random.default_rng(5)
    queries = [
        IncidentQuery(),
        IncidentQuery(limit=0),
        IncidentQuery(limit=7, offset=390),
        IncidentQuery(bbox=(1.0, 50.0, 2.0, 51.0)),
        IncidentQuery(bbox=(1.25, 50.25, 1.75, 50.75), limit=10, offset=5),
        IncidentQuery(bbox=(1.5, 50.5, 1.5, 50.5)),
        IncidentQuery(bbox=(1.5, 50.0, 1.5, 51.0)),
        IncidentQuery(start=dt.date(2024, 2, 1), end=dt.date(2024, 2, 29)),
        IncidentQuery(start=dt.date(2024, 3, 1)),
        IncidentQuery(event_types=("launch", "embarkation"), roles=("departure", "pickup")),
        IncidentQuery(country="fr", min_people=40),
        IncidentQuery(place="wissant"),
        IncidentQuery(place="ÉQUIHEN"),
        IncidentQuery(place="_sur%"),
        IncidentQuery(place="a b"),
        IncidentQuery(min_people=0),
    ]
    for column in sorted(SORTABLE):
        queries.append(IncidentQuery(sortby=((column, False),)))
        queries.append(IncidentQuery(sortby=((column, True), ("id", False)), limit=50, offset=20))
    for _ in range(30):
        x0, x1 = sorted(float(rng.choice(GRID)) for _ in range(2))
        y0, y1 = sorted(50.0 + float(rng.choice(GRID)) - 1.0 for _ in range(2))
        queries.append(
            IncidentQuery(
                bbox=(x0, y0, x1, y1),
                start=dt.date(2024, 1, 1) + dt.timedelta(days=int(rng.integers(0, 60))),
                limit=int(rng.integers(1, 40)),
                offset=int(rng.integers(0, 20)),
                sortby=(("people", bool(rng.random() < 0.5)),),
            )
        )
    return queries


@pytest.fixture
def both_stores(tmp_path: Path, database_url: str) -> Iterator[tuple[IncidentStore, IncidentStore]]:
    incidents = varied_incidents()
    geopackage = open_store(tmp_path, seed=False)
    postgis = open_store(database_url=database_url, seed=False)
    try:
        for store in (geopackage, postgis):
            store.add(incidents.iloc[:250])
            assert len(store.add(incidents.iloc[200:]).existing) == 50
        with psycopg.connect(database_url, autocommit=True) as connection:
            # With statistics, a bbox holding most incidents is paged in fid order.
            connection.execute("VACUUM ANALYZE launchmap.incidents")
        yield geopackage, postgis
    finally:
        geopackage.close()
        postgis.close()


def test_both_stores_answer_every_query_alike(
    both_stores: tuple[IncidentStore, IncidentStore],
) -> None:
    geopackage, postgis = both_stores
    checked = 0
    for query in parity_queries():
        expected, got = geopackage.query(query), postgis.query(query)
        assert got.number_matched == expected.number_matched, query
        assert got.features() == expected.features(), query
        pd.testing.assert_frame_equal(
            pd.DataFrame(got.incidents), pd.DataFrame(expected.incidents), check_dtype=True
        )
        checked += len(expected.features())
    assert checked > 3000  # the queries select plenty
    assert postgis.count() == geopackage.count() == 400
    assert postgis.extent() == geopackage.extent()
    for incident_id in ("v0001", "v0400", "v0123"):
        pd.testing.assert_frame_equal(
            pd.DataFrame(postgis.get(incident_id)), pd.DataFrame(geopackage.get(incident_id))
        )


def test_both_stores_agree_after_replacing_and_deleting(
    both_stores: tuple[IncidentStore, IncidentStore],
) -> None:
    replacement = incidents_to_frame(
        [Incident(id="v0010", event_type="rescue", lon=-3.5, lat=48.0, people=5)]
    )
    for store in both_stores:
        store.replace(replacement)
        store.delete("v0011")
    geopackage, postgis = both_stores
    assert postgis.extent() == geopackage.extent()  # grown, as the GeoPackage's is
    assert postgis.query(IncidentQuery()).features() == geopackage.query(IncidentQuery()).features()


# -- indexes, concurrency, the pool ----------------------------------------------------------


def test_queries_use_their_indexes(
    database_url: str, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    store = open_store(database_url=database_url, seed=False)
    try:
        store.add(numbered_frame(5000))
    finally:
        store.close()
    plans: dict[str, list[str]] = {}
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE launchmap.incidents")  # as autovacuum does
        for name, query in (
            ("bbox", IncidentQuery(bbox=(1.0, 50.0, 1.01, 51.0), limit=10)),
            ("date", IncidentQuery(start=dt.date(2024, 1, 3), end=dt.date(2024, 1, 3))),
            (
                "bbox and date",
                IncidentQuery(bbox=(1.0, 50.0, 1.01, 51.0), start=dt.date(2024, 1, 3)),
            ),
            ("most, filtered", IncidentQuery(bbox=(0.0, 49.0, 8.0, 52.0), min_people=0, limit=10)),
            ("most", IncidentQuery(bbox=(0.0, 49.0, 8.0, 52.0), limit=10)),
        ):
            count_sql, _, params = query_statements(query)
            matched, total = connection.execute(count_sql, params).fetchone()  # type: ignore[misc]
            _, page_sql, _ = query_statements(query, matched, total)
            plans[name] = [
                "\n".join(row[0] for row in connection.execute(f"EXPLAIN {statement}", params))
                for statement in (count_sql, page_sql)
            ]
    # A bbox alone is counted and paged on the point index alone, as GeoPackage's R*Tree.
    for plan in plans["bbox"]:
        assert "Index Only Scan using incidents_xy_idx" in plan, plan
        assert "Seq Scan" not in plan
    assert "incidents_date_idx" in plans["date"][0], plans["date"]
    assert "incidents_geom_idx" in plans["bbox and date"][1], plans["bbox and date"]
    # A page of a bbox holding everything is read in insertion order, not sorted whole.
    for name in ("most", "most, filtered"):
        assert "Index Scan using incidents_pkey" in plans[name][1], plans[name]
        assert "Sort" not in plans[name][1]


def test_adds_racing_on_the_same_ids_in_opposite_orders_store_each_once(
    database_url: str, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    store = open_store(database_url=database_url, seed=False)
    everything = numbered_frame(600)
    orders = [everything, everything.iloc[::-1], everything.sample(frac=1, random_state=3)]
    results: list[Any] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(orders))

    def add(frame: gpd.GeoDataFrame) -> None:
        try:
            barrier.wait()
            for start in range(0, 600, 200):
                results.append(store.add(frame.iloc[start : start + 200]))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=add, args=(frame,)) for frame in orders]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        added = [incident_id for result in results for incident_id in result.added]
        assert sorted(added) == sorted(everything["id"])
        assert store.count() == 600
    finally:
        store.close()


def test_pooled_connections_commit_durably_and_plan_for_the_values_bound(
    database_url: str,
) -> None:
    store = open_store(database_url=database_url, seed=False)
    assert isinstance(store, PostGISStore)
    try:
        with store._transaction() as cursor:
            settings = {
                name: cursor.execute(f"SHOW {name}").fetchone()
                for name in ("synchronous_commit", "plan_cache_mode")
            }
    finally:
        store.close()
    assert settings == {"synchronous_commit": ("on",), "plan_cache_mode": ("force_custom_plan",)}


@pytest.fixture
def own_cluster() -> Iterator[PostgresCluster]:
    """A cluster of the test's own, to stop and start."""
    cluster = PostgresCluster()
    try:
        yield cluster.start()
    finally:
        cluster.remove()


def test_the_store_outlives_a_restart_of_the_database_server(
    own_cluster: PostgresCluster,
    numbered_frame: Callable[..., gpd.GeoDataFrame],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(geo.store.postgis, "POOL_TIMEOUT_S", 1.0)  # give up on a lost server sooner
    url = own_cluster.url(own_cluster.new_database())
    store = open_store(database_url=url, seed=False)
    assert isinstance(store, PostGISStore)
    try:
        store.add(numbered_frame(3))
        own_cluster.stop()
        with pytest.raises(StoreError) as caught:
            store.count()
        assert str(caught.value).startswith(f"cannot use the PostGIS store {masked_address(url)}")
        assert PASSWORD not in str(caught.value)
        own_cluster.start()
        assert _count_once_back(store) == 3  # the pool reconnects on its own (with backoff)
        store.add(numbered_frame(5))
        assert store.count() == 5
    finally:
        store.close()


def _count_once_back(store: PostGISStore, within_s: float = 60.0) -> int:
    """Count the store's incidents as soon as its pool has reconnected to the server."""
    deadline = time.monotonic() + within_s
    while True:
        try:
            return store.count()
        except StoreError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
