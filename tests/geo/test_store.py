"""The incident stores, the GeoPackage file and the PostGIS database, and the GeoPackage encoding.

Every test that takes ``store`` (or ``store_target``) runs on both stores; the
tests of the GeoPackage file itself (its R*Tree, GDAL reading it) are marked
``geopackage_only``. ``tests/geo/test_postgis.py`` has the PostGIS store's own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import struct
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import psycopg
import pyogrio
import pytest
import shapely

import geo.store
import geo.store.geopackage
import geo.store.postgis
from geo.errors import IncidentNotFoundError, InvalidQueryError, StoreError
from geo.model import INCIDENT_COLUMNS, Incident
from geo.store import (
    STORE_FILE,
    IncidentQuery,
    IncidentStore,
    StoreExtent,
    _gpkg,
    open_store,
)
from geo.store.geopackage import ADDED_COLUMNS, VERSION_TABLE, GeoPackageStore
from tests.conftest import StoreTarget, geopackage_only, postgis_only

MakeIncident = Callable[..., Incident]
MakeFrame = Callable[..., gpd.GeoDataFrame]


def ids_of(frame: gpd.GeoDataFrame) -> list[str]:
    return [str(value) for value in frame["id"]]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def grid(store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame) -> IncidentStore:
    """A store holding points around the bbox (1.0, 50.0, 2.0, 51.0), plus unplaced/undated."""
    incidents = [
        make_incident(id="inside", lon=1.5, lat=50.5, date="2024-02-10"),
        make_incident(id="corner-min", lon=1.0, lat=50.0, date="2024-02-01"),
        make_incident(id="edge-max-x", lon=2.0, lat=50.5, date="2024-02-29"),
        make_incident(id="edge-max-y", lon=1.5, lat=51.0, date="2024-03-01"),
        make_incident(id="just-east", lon=2.0000001, lat=50.5, date="2024-02-15"),
        make_incident(id="just-north", lon=1.5, lat=51.0000001, date="2024-02-15"),
        make_incident(id="just-west", lon=0.9999999, lat=50.5, date="2024-01-31"),
        make_incident(id="far", lon=-1.5, lat=49.2, date="2023-12-31"),
        make_incident(id="unplaced", country="GB", date="2024-02-10"),
        make_incident(id="undated", lon=1.2, lat=50.2, date=None),
    ]
    store.add(make_frame(*incidents))
    return store


# -- creation, seeding, reopening ----------------------------------------------------------


def test_new_store_is_seeded_with_the_sample(
    store_target: StoreTarget, sample_feature_count: int
) -> None:
    opened = store_target.open()
    try:
        assert opened.count() == sample_feature_count
        assert opened.count() > 0
        assert opened.query(IncidentQuery()).number_matched == sample_feature_count
    finally:
        opened.close()


@geopackage_only
def test_new_store_file_is_made_in_a_new_folder(tmp_path: Path, store_kind: str) -> None:
    opened = open_store(tmp_path / "nested" / "folder")
    try:
        assert (tmp_path / "nested" / "folder" / STORE_FILE).is_file()
    finally:
        opened.close()


def test_new_store_without_seed_is_empty(store_target: StoreTarget) -> None:
    opened = store_target.open(seed=False)
    try:
        assert opened.count() == 0
        result = opened.query(IncidentQuery())
        assert result.number_matched == 0
        assert list(result.incidents.columns) == [*INCIDENT_COLUMNS, "geometry"]
        assert opened.extent() == StoreExtent(None, None, None)
    finally:
        opened.close()


def test_reopening_keeps_data_and_does_not_seed_again(
    store_target: StoreTarget,
    sample_feature_count: int,
    numbered_frame: Callable[..., gpd.GeoDataFrame],
) -> None:
    first = store_target.open()
    first.add(numbered_frame(3))
    first.close()
    for _ in range(2):
        again = store_target.open(seed=True)
        try:
            assert again.count() == sample_feature_count + 3
            assert ids_of(again.get("t-0002")) == ["t-0002"]
        finally:
            again.close()


def test_unseeded_store_stays_unseeded_when_reopened(store_target: StoreTarget) -> None:
    store_target.open(seed=False).close()
    again = store_target.open(seed=True)
    try:
        assert again.count() == 0
    finally:
        again.close()


@postgis_only
def test_a_database_store_writes_nothing_in_the_data_folder(store_target: StoreTarget) -> None:
    store_target.open().close()
    assert not store_target.data_dir.exists()


def test_several_threads_creating_one_store_seed_it_once(
    store_target: StoreTarget, sample_feature_count: int
) -> None:
    stores: list[IncidentStore] = []
    errors: list[BaseException] = []

    def create() -> None:
        try:
            stores.append(store_target.open(seed=True))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert [s.count() for s in stores] == [sample_feature_count] * 4
    finally:
        for opened in stores:
            opened.close()


# -- files that are not launchmap stores ---------------------------------------------------


def unrelated_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('keep me')")
    connection.commit()
    connection.close()


def plain_text(path: Path) -> None:
    path.write_text("shopping list: bread, milk\n", encoding="utf-8")


def other_incidents_table(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE incidents (id TEXT, what TEXT)")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("make_file", [unrelated_sqlite, plain_text, other_incidents_table])
def test_file_that_is_not_a_store_is_refused_and_untouched(
    tmp_path: Path, make_file: Callable[[Path], None]
) -> None:
    path = tmp_path / STORE_FILE
    make_file(path)
    before = file_digest(path)
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path)
    assert str(path) in str(caught.value)
    assert file_digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == [STORE_FILE]


def test_unrelated_sqlite_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILE
    unrelated_sqlite(path)
    with pytest.raises(StoreError, match="no usable 'incidents' table"):
        open_store(tmp_path)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        connection.close()


# -- adding --------------------------------------------------------------------------------


def test_add_is_idempotent(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    frame = numbered_frame(5)
    first = store.add(frame)
    assert first.added == ids_of(frame)
    assert first.existing == []
    second = store.add(frame)
    assert second.added == []
    assert second.existing == ids_of(frame)
    assert store.count() == 5


def test_add_reports_new_and_existing_ids(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    store.add(numbered_frame(3))
    result = store.add(numbered_frame(5))
    assert result.added == ["t-0003", "t-0004"]
    assert result.existing == ["t-0000", "t-0001", "t-0002"]
    assert store.count() == 5


def test_add_keeps_the_stored_version_of_an_existing_id(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    store.add(make_frame(make_incident(id="same", people=10)))
    store.add(make_frame(make_incident(id="same", people=99)))
    assert store.get("same")["people"].tolist() == [10]


def test_duplicates_within_one_batch_are_stored_once(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    twice = make_incident(place_name="Berck", people=7)
    other = make_incident(place_name="Berck", people=8)
    result = store.add(make_frame(twice, other, twice))
    assert result.added == [twice.id, other.id]
    assert store.count() == 2


def test_add_frame_with_repeated_index_labels(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    first = numbered_frame(3, prefix="a", lon0=1.0)
    second = numbered_frame(3, prefix="b", lon0=2.0)
    combined = pd.concat([first, second, first])  # index 0, 1, 2, 0, 1, 2, 0, 1, 2
    result = store.add(combined)
    assert result.added == ids_of(first) + ids_of(second)
    stored = store.query(IncidentQuery()).incidents
    expected = pd.concat([first, second])
    assert ids_of(stored) == ids_of(expected)
    assert list(stored.geometry) == list(expected.geometry)


def test_add_empty_frame(store: IncidentStore, make_frame: MakeFrame) -> None:
    result = store.add(make_frame())
    assert (result.added, result.existing) == ([], [])
    assert store.count() == 0


def test_add_large_batch_beyond_sql_variable_limit(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    frame = numbered_frame(2000)
    assert len(store.add(frame).added) == 2000
    again = store.add(frame)
    assert len(again.existing) == 2000
    assert store.count() == 2000


def _unbindable_third_row(frame: gpd.GeoDataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    frame.at[frame.index[2], "description"] = {"not": "text"}  # neither SQLite nor psycopg binds it


def _failing_extent_update(frame: gpd.GeoDataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last step of an add fails as a full disk or a lost server would."""

    def fail_sqlite(*args: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    def fail_postgres(*args: Any) -> None:
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(geo.store.geopackage, "_extend_contents", fail_sqlite)
    monkeypatch.setattr(geo.store.postgis, "_extend_extent", fail_postgres)


@pytest.mark.parametrize(
    ("breakage", "error"),
    [(_unbindable_third_row, (sqlite3.Error, psycopg.Error)), (_failing_extent_update, StoreError)],
)
def test_failed_add_stores_nothing(
    store: IncidentStore,
    numbered_frame: Callable[..., gpd.GeoDataFrame],
    monkeypatch: pytest.MonkeyPatch,
    breakage: Callable[[gpd.GeoDataFrame, pytest.MonkeyPatch], None],
    error: type[Exception] | tuple[type[Exception], ...],
) -> None:
    store.add(numbered_frame(2, prefix="old"))
    extent_before = store.extent()
    frame = numbered_frame(5, prefix="new", lon0=3.0)
    breakage(frame, monkeypatch)
    with pytest.raises(error):
        store.add(frame)
    assert store.count() == 2
    assert store.extent() == extent_before
    for incident_id in ids_of(frame):
        with pytest.raises(IncidentNotFoundError):
            store.get(incident_id)
    monkeypatch.undo()
    assert len(store.add(numbered_frame(5, prefix="new", lon0=3.0)).added) == 5


def test_concurrent_adds_store_each_id_once(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame]
) -> None:
    everything = numbered_frame(500)
    batches = [everything.iloc[start : start + 200] for start in (0, 100, 200, 300)]
    results: list[Any] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(batches))

    def add(batch: gpd.GeoDataFrame) -> None:
        try:
            barrier.wait()
            for chunk_start in range(0, 200, 50):
                results.append(store.add(batch.iloc[chunk_start : chunk_start + 50]))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=add, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    added = [incident_id for result in results for incident_id in result.added]
    assert sorted(added) == sorted(ids_of(everything))
    assert sum(len(result.existing) for result in results) == 4 * 200 - 500
    assert store.count() == 500
    stored = store.query(IncidentQuery()).incidents
    assert sorted(ids_of(stored)) == sorted(ids_of(everything))


# -- reading -------------------------------------------------------------------------------


def test_get_returns_the_incident(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    original = make_incident(
        id="full",
        lon=1.83825,
        lat=50.96703,
        country="fr",
        people=60,
        boats=1,
        uncertainty_m=1500.0,
        coast_km=52.5,
        sources=[
            {"url": "https://a.example/1", "publisher": "A", "published": "2024-03-11"},
            {"url": "https://b.example/2", "quote": "brief"},
        ],
    )
    store.add(make_frame(original))
    got = store.get("full")
    assert len(got) == 1
    assert got.crs.to_epsg() == 4326
    assert {name: str(got[name].dtype) for name in INCIDENT_COLUMNS} == INCIDENT_COLUMNS
    row = got.iloc[0]
    assert row["sources"] == [
        {
            "url": "https://a.example/1",
            "publisher": "A",
            "published": "2024-03-11",
            "quote": None,
            "title": None,
        },
        {
            "url": "https://b.example/2",
            "publisher": None,
            "published": None,
            "quote": "brief",
            "title": None,
        },
    ]
    assert isinstance(row["sources"], list)
    assert row["country"] == "FR"
    assert row["people"] == 60
    assert row["coast_km"] == 52.5
    assert row.geometry == shapely.Point(1.83825, 50.96703)


def test_review_fields_and_extra_round_trip(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    extra = {"source_event_id": "ev-7", "nested": {"ñ": [1, 2.5, None, True]}}
    store.add(
        make_frame(
            make_incident(id="reviewed", confidence=0.75, review_status="candidate", extra=extra),
            make_incident(id="plain", place_name="Other beach"),
        )
    )
    row = store.get("reviewed").iloc[0]
    assert (row["confidence"], row["review_status"], row["extra"]) == (0.75, "candidate", extra)
    plain = store.get("plain").iloc[0]
    assert pd.isna(plain["confidence"]) and plain["review_status"] is None
    assert plain["extra"] is None
    features = {f["id"]: f["properties"] for f in store.query(IncidentQuery()).features()}
    assert features["reviewed"]["extra"] == extra
    assert features["plain"]["extra"] is None
    together = store.query(IncidentQuery()).incidents.set_index("id")  # one frame, mixed extras
    assert together.loc["reviewed", "extra"] == extra and together.loc["plain", "extra"] is None


@geopackage_only
def test_a_store_made_before_the_review_columns_gets_them_and_keeps_its_rows(
    store_target: StoreTarget, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    first = store_target.open(seed=False)
    first.add(make_frame(make_incident(id="old", people=7)))
    first.close()
    path = store_target.data_dir / STORE_FILE
    with sqlite3.connect(path) as connection:  # the table as the first launchmap made it
        for name in ADDED_COLUMNS:
            connection.execute(f"ALTER TABLE incidents DROP COLUMN {name}")
    reopened = store_target.open()
    try:
        row = reopened.get("old").iloc[0]
        assert row["people"] == 7
        assert row["review_status"] is None and row["extra"] is None
        reopened.add(make_frame(make_incident(id="new", review_status="accepted")))
        assert reopened.get("new").iloc[0]["review_status"] == "accepted"
    finally:
        reopened.close()


def test_get_unplaced_incident_has_no_geometry(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    store.add(make_frame(make_incident(id="nowhere", country="FR", sources=[])))
    got = store.get("nowhere")
    assert got.geometry.iloc[0] is None
    assert got["sources"].iloc[0] == []


@pytest.mark.parametrize("missing", ["no-such-id", "", "t-0000' OR '1'='1", "t-0000\x00"])
def test_get_missing_id_raises(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame], missing: str
) -> None:
    store.add(numbered_frame(2))
    with pytest.raises(IncidentNotFoundError) as caught:
        store.get(missing)
    assert caught.value.incident_id == missing
    assert repr(missing) in str(caught.value)


@pytest.mark.parametrize(
    ("bbox", "expected"),
    [
        ((1.0, 50.0, 2.0, 51.0), {"inside", "corner-min", "edge-max-x", "edge-max-y", "undated"}),
        ((1.5, 50.5, 1.5, 50.5), {"inside"}),
        ((2.0, 50.0, 3.0, 51.0), {"edge-max-x", "just-east"}),
        ((-180.0, -90.0, 180.0, 90.0), None),
        ((10.0, 10.0, 11.0, 11.0), set()),
    ],
)
def test_query_by_bbox_includes_edges(
    grid: IncidentStore, bbox: tuple[float, float, float, float], expected: set[str] | None
) -> None:
    result = grid.query(IncidentQuery(bbox=bbox))
    placed = {i for i in ids_of(grid.query(IncidentQuery()).incidents) if i != "unplaced"}
    assert set(ids_of(result.incidents)) == (placed if expected is None else expected)
    assert result.number_matched == len(result.incidents)
    assert "unplaced" not in ids_of(result.incidents)


def test_query_bbox_edge_at_two_degrees(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    store.add(
        make_frame(
            make_incident(id="on-edge", lon=2.0, lat=50.9),
            make_incident(id="outside", lon=2.0000001, lat=50.9),
        )
    )
    assert ids_of(store.query(IncidentQuery(bbox=(1.0, 50.0, 2.0, 51.0))).incidents) == ["on-edge"]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
            {"corner-min", "inside", "unplaced", "just-east", "just-north", "edge-max-x"},
        ),
        (dt.date(2024, 2, 10), dt.date(2024, 2, 10), {"inside", "unplaced"}),
        (dt.date(2024, 2, 29), None, {"edge-max-x", "edge-max-y"}),
        (None, dt.date(2024, 1, 31), {"just-west", "far"}),
        (dt.date(2030, 1, 1), None, set()),
        (None, dt.date(2000, 1, 1), set()),
    ],
)
def test_query_by_date_range_is_inclusive(
    grid: IncidentStore, start: dt.date | None, end: dt.date | None, expected: set[str]
) -> None:
    result = grid.query(IncidentQuery(start=start, end=end))
    found = ids_of(result.incidents)
    assert set(found) == expected
    assert len(found) == len(expected)
    assert result.number_matched == len(expected)


def test_query_by_date_excludes_undated(grid: IncidentStore) -> None:
    found = ids_of(grid.query(IncidentQuery(start=dt.date(1900, 1, 1))).incidents)
    assert len(found) == 9
    assert "undated" not in found


def test_query_by_bbox_and_dates(grid: IncidentStore) -> None:
    result = grid.query(
        IncidentQuery(
            bbox=(1.0, 50.0, 2.0, 51.0), start=dt.date(2024, 2, 5), end=dt.date(2024, 3, 1)
        )
    )
    assert set(ids_of(result.incidents)) == {"inside", "edge-max-x", "edge-max-y"}
    assert result.number_matched == 3


def test_query_without_filters_returns_all_in_insertion_order(grid: IncidentStore) -> None:
    result = grid.query(IncidentQuery())
    assert ids_of(result.incidents)[:3] == ["inside", "corner-min", "edge-max-x"]
    assert ids_of(result.incidents)[-1] == "undated"
    assert result.number_matched == 10


@pytest.mark.parametrize("page_size", [1, 3, 7, 40])
def test_paging_gives_disjoint_pages_covering_all(
    store: IncidentStore, numbered_frame: Callable[..., gpd.GeoDataFrame], page_size: int
) -> None:
    store.add(numbered_frame(40))
    query = {"bbox": (1.005, 50.0, 1.5, 51.0)}  # excludes t-0000 .. t-0004
    everything = store.query(IncidentQuery(**query))
    assert everything.number_matched == 35
    pages: list[str] = []
    for offset in range(0, 40, page_size):
        page = store.query(IncidentQuery(**query, limit=page_size, offset=offset))
        assert page.number_matched == 35
        assert len(page.incidents) <= page_size
        pages.extend(ids_of(page.incidents))
    assert pages == ids_of(everything.incidents)
    assert len(set(pages)) == 35
    assert (
        store.query(IncidentQuery(**query, limit=page_size, offset=0)).incidents["id"].tolist()
        == pages[:page_size]
    )


def test_limit_zero_counts_without_rows(grid: IncidentStore) -> None:
    result = grid.query(IncidentQuery(limit=0))
    assert len(result.incidents) == 0
    assert result.number_matched == 10


def test_offset_beyond_the_end_is_an_empty_page(grid: IncidentStore) -> None:
    result = grid.query(IncidentQuery(offset=100))
    assert len(result.incidents) == 0
    assert result.number_matched == 10


@pytest.mark.parametrize(
    "arguments",
    [
        {"bbox": (2.0, 50.0, 1.0, 51.0)},
        {"bbox": (1.0, 51.0, 2.0, 50.0)},
        {"bbox": (-181.0, 50.0, 2.0, 51.0)},
        {"bbox": (1.0, 50.0, 181.0, 51.0)},
        {"bbox": (1.0, -91.0, 2.0, 51.0)},
        {"bbox": (1.0, 50.0, 2.0, 90.5)},
        {"start": dt.date(2024, 3, 2), "end": dt.date(2024, 3, 1)},
        {"limit": -1},
        {"offset": -5},
    ],
)
def test_bad_query_is_refused(arguments: dict[str, Any]) -> None:
    with pytest.raises(InvalidQueryError):
        IncidentQuery(**arguments)


def test_extent(grid: IncidentStore) -> None:
    extent = grid.extent()
    assert extent.bbox == pytest.approx((-1.5, 49.2, 2.0000001, 51.0000001))
    assert extent.start == dt.date(2023, 12, 31)
    assert extent.end == dt.date(2024, 3, 1)


def test_extent_without_points(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    store.add(make_frame(make_incident(id="nowhere", country="FR", date="2024-05-05")))
    assert store.extent() == StoreExtent(None, dt.date(2024, 5, 5), dt.date(2024, 5, 5))


# -- indexes and the GeoPackage file --------------------------------------------------------


@pytest.fixture
def traced(grid: IncidentStore) -> Iterator[tuple[GeoPackageStore, list[str]]]:
    assert isinstance(grid, GeoPackageStore)
    statements: list[str] = []
    grid._connection().set_trace_callback(statements.append)
    yield grid, statements
    grid._connection().set_trace_callback(None)


def query_plans(path: Path, statements: list[str]) -> list[str]:
    connection = sqlite3.connect(path)
    _gpkg.register_functions(connection)
    connection.create_function("launchmap_in_bbox", 5, lambda *args: 1)
    try:
        return [
            " | ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in statements
            if sql.lstrip().upper().startswith("SELECT")
        ]
    finally:
        connection.close()


@geopackage_only
def test_bbox_query_uses_the_rtree(traced: tuple[GeoPackageStore, list[str]]) -> None:
    grid, statements = traced
    grid.query(IncidentQuery(bbox=(1.0, 50.0, 2.0, 51.0)))
    plans = query_plans(grid.path, statements)
    assert len(plans) == 2  # the count and the page
    for plan in plans:
        assert "SCAN rtree_incidents_geom VIRTUAL TABLE" in plan
        assert "SCAN incidents" not in plan.split(" | ")  # no full table scan


@geopackage_only
@pytest.mark.parametrize(
    "arguments",
    [
        {"start": dt.date(2024, 2, 1)},
        {"end": dt.date(2024, 2, 1)},
        {"start": dt.date(2024, 2, 1), "end": dt.date(2024, 2, 9)},
    ],
)
def test_date_query_uses_the_date_index(
    traced: tuple[GeoPackageStore, list[str]], arguments: dict[str, dt.date]
) -> None:
    grid, statements = traced
    grid.query(IncidentQuery(**arguments))
    plans = query_plans(grid.path, statements)
    assert len(plans) == 2
    for plan in plans:
        assert "SEARCH incidents USING" in plan
        assert "INDEX incidents_date_idx" in plan
        assert "SCAN incidents" not in plan.split(" | ")


@geopackage_only
def test_store_is_a_geopackage_gdal_reads(grid: GeoPackageStore) -> None:
    path = grid.path
    expected = sorted(ids_of(grid.query(IncidentQuery()).incidents))
    assert path.read_bytes()[68:72] == b"GPKG"  # the header GDAL and QGIS check, while open
    # GDAL links its own SQLite: reading in this process while the store's connections
    # are open would break SQLite's file locks, so close them first (QGIS is another process).
    grid.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layers = [tuple(layer) for layer in pyogrio.list_layers(path)]
        info = pyogrio.read_info(path, layer="incidents")
        frame = pyogrio.read_dataframe(path, layer="incidents")
    assert [str(warning.message) for warning in caught] == []
    assert layers == [
        ("incidents", "Point"),
        ("launchmap_feeds", None),  # the feed state, as attribute tables
        ("launchmap_feed_entries", None),
        (VERSION_TABLE, None),  # the store version
    ]
    assert info["capabilities"]["fast_spatial_filter"] is True
    assert info["features"] == 10
    assert info["crs"] == "EPSG:4326"
    assert sorted(frame["id"]) == expected
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert connection.execute("PRAGMA user_version").fetchone()[0] >= 10200
    finally:
        connection.close()


GDAL_READER = """
import sys, warnings
import pyogrio
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    frame = pyogrio.read_dataframe(sys.argv[1], layer="incidents", bbox=(1.0, 50.0, 2.0, 51.0))
for warning in caught:
    print("WARNING", warning.message)
print(" ".join(sorted(frame["id"])))
"""


@geopackage_only
def test_gdal_in_another_process_reads_the_open_store(grid: GeoPackageStore) -> None:
    expected = sorted(ids_of(grid.query(IncidentQuery(bbox=(1.0, 50.0, 2.0, 51.0))).incidents))
    done = subprocess.run(
        [sys.executable, "-c", GDAL_READER, str(grid.path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.splitlines() == [" ".join(expected)]
    assert grid.count() == 10


@geopackage_only
@pytest.mark.parametrize(
    "bbox",
    [(1.0, 50.0, 2.0, 51.0), (1.4, 50.4, 2.0, 50.6), (-2.0, 49.0, 1.2, 50.3), (2.0, 50.5, 3, 51)],
)
def test_gdal_bbox_filter_agrees_with_the_store(
    grid: GeoPackageStore, bbox: tuple[float, float, float, float]
) -> None:
    expected = sorted(ids_of(grid.query(IncidentQuery(bbox=bbox)).incidents))
    assert expected  # each bbox selects something
    grid.close()
    frame = pyogrio.read_dataframe(grid.path, layer="incidents", bbox=bbox)
    assert sorted(frame["id"]) == expected


def test_gdal_reads_the_seeded_store(tmp_path: Path, sample_feature_count: int) -> None:
    opened = open_store(tmp_path)
    opened.close()
    frame = pyogrio.read_dataframe(opened.path, layer="incidents")
    assert len(frame) == sample_feature_count
    assert frame.crs.to_epsg() == 4326


# -- the GeoPackage geometry encoding --------------------------------------------------------


def test_encode_decode_round_trip() -> None:
    points = [shapely.Point(1.25, 50.5), None, shapely.Point(-179.9999999, -89.123456789)]
    blobs = _gpkg.encode_points(points)
    assert blobs[1] is None
    assert all(blob is not None and blob[:2] == b"GP" for blob in (blobs[0], blobs[2]))
    decoded = _gpkg.decode_geometries(blobs)
    assert decoded[0] == points[0]
    assert decoded[1] is None
    assert decoded[2] == points[2]


def test_encoded_header_is_little_endian_wgs84_without_envelope() -> None:
    [blob] = _gpkg.encode_points([shapely.Point(3.0, 4.0)])
    assert blob is not None
    magic, version, flags, srs_id = struct.unpack_from("<2sBBi", blob)
    assert (magic, version, flags, srs_id) == (b"GP", 0, 1, 4326)
    assert len(blob) == 8 + 21


def sql_bounds(blob: bytes | None) -> tuple[Any, ...]:
    connection = sqlite3.connect(":memory:")
    _gpkg.register_functions(connection)
    try:
        row = connection.execute(
            "SELECT ST_MinX(:b), ST_MinY(:b), ST_MaxX(:b), ST_MaxY(:b), ST_IsEmpty(:b)",
            {"b": blob},
        ).fetchone()
        return tuple(row)
    finally:
        connection.close()


def test_sql_bounds_of_an_encoded_point() -> None:
    [blob] = _gpkg.encode_points([shapely.Point(1.5, 50.25)])
    assert sql_bounds(blob) == (1.5, 50.25, 1.5, 50.25, 0)


def test_sql_bounds_of_null() -> None:
    assert sql_bounds(None) == (None, None, None, None, None)


def enveloped_blob(x: float, y: float) -> bytes:
    flags = 0b0000_0011  # envelope indicator 1 ([minx, maxx, miny, maxy]), little-endian
    header = struct.pack("<2sBBi", b"GP", 0, flags, 4326) + struct.pack("<4d", x, x, y, y)
    return header + shapely.to_wkb(shapely.Point(x, y), byte_order=1, flavor="iso")


def test_blob_with_envelope_decodes() -> None:
    blob = enveloped_blob(2.5, 51.125)
    assert _gpkg.decode_geometries([blob])[0] == shapely.Point(2.5, 51.125)
    assert sql_bounds(blob) == (2.5, 51.125, 2.5, 51.125, 0)


def test_big_endian_wkb_point_bounds() -> None:
    header = struct.pack("<2sBBi", b"GP", 0, 0b0000_0001, 4326)
    blob = header + shapely.to_wkb(shapely.Point(-0.5, 49.5), byte_order=0, flavor="iso")
    assert sql_bounds(blob) == (-0.5, 49.5, -0.5, 49.5, 0)


@pytest.mark.parametrize("flag_empty", [True, False])
def test_empty_point_blob(flag_empty: bool) -> None:
    flags = 0b0001_0001 if flag_empty else 0b0000_0001
    header = struct.pack("<2sBBi", b"GP", 0, flags, 4326)
    blob = header + shapely.to_wkb(shapely.Point(), byte_order=1, flavor="iso")
    assert sql_bounds(blob) == (None, None, None, None, 1)


def test_blob_without_magic_is_refused() -> None:
    with pytest.raises(ValueError, match="not a GeoPackage geometry blob"):
        _gpkg.decode_geometries([b"XX" + bytes(6) + shapely.to_wkb(shapely.Point(1, 2))])
