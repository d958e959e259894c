"""The store version: every write changes it, whoever writes, and no version ever comes back."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable

import geopandas as gpd
import psycopg
import pytest

from geo.model import Incident
from geo.store import STORE_FILE, IncidentQuery, IncidentStore
from geo.store.geopackage import VERSION_TABLE
from tests.conftest import StoreTarget, geopackage_only

MakeIncident = Callable[..., Incident]
MakeFrame = Callable[..., gpd.GeoDataFrame]


def test_every_kind_of_write_changes_the_version_and_reads_do_not(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    seen = [store.version()]
    store.add(make_frame(make_incident(id="a", people=3), make_incident(id="b")))
    seen.append(store.version())
    store.query(IncidentQuery())
    store.get("a")
    store.count()
    store.extent()
    assert store.version() == seen[-1]
    store.replace(make_frame(make_incident(id="a", people=9)))
    seen.append(store.version())
    store.delete("b")
    seen.append(store.version())
    assert len(set(seen)) == len(seen), seen


def test_a_write_through_another_connection_is_seen(
    store_target: StoreTarget, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    reader = store_target.open(seed=False)
    writer = store_target.open(seed=False)
    try:
        before = reader.version()
        writer.add(make_frame(make_incident(id="from-elsewhere")))
        assert reader.version() != before
        assert reader.version() == writer.version()
    finally:
        reader.close()
        writer.close()


def test_a_plain_sql_write_by_another_program_changes_the_version(
    store_target: StoreTarget,
) -> None:
    """A tool that edits the table itself (QGIS, psql, sqlite3) bumps the version too."""
    store = store_target.open(seed=True)
    try:
        before = store.version()
        if store_target.database_url:
            with psycopg.connect(store_target.database_url) as connection:
                connection.execute("UPDATE launchmap.incidents SET people = 1 WHERE fid = 1")
        else:
            script = (
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                " c.execute('DELETE FROM incidents WHERE fid = 1'); c.commit()"
            )
            path = str(store_target.data_dir / STORE_FILE)
            subprocess.run([sys.executable, "-c", script, path], check=True, timeout=60)
        assert store.version() != before
    finally:
        store.close()


@geopackage_only
def test_a_store_made_afresh_in_the_same_place_never_repeats_a_version(
    store_target: StoreTarget,
) -> None:
    first = store_target.open(seed=True)
    old = first.version()
    first.close()
    shutil.rmtree(store_target.data_dir)
    second = store_target.open(seed=True)
    try:
        assert second.version() != old
        assert second.version().rsplit("-", 1)[1] == old.rsplit("-", 1)[1]  # same counter
    finally:
        second.close()


@geopackage_only
def test_a_store_made_before_versions_gets_them_and_keeps_its_rows(
    store_target: StoreTarget, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    first = store_target.open(seed=False)
    first.add(make_frame(make_incident(id="old", people=7)))
    first.close()
    path = store_target.data_dir / STORE_FILE
    with sqlite3.connect(path) as connection:  # the file as an earlier launchmap left it
        for event in ("insert", "update", "delete"):
            connection.execute(f"DROP TRIGGER incidents_version_{event}")
        connection.execute(f"DROP TABLE {VERSION_TABLE}")
        connection.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (VERSION_TABLE,))
    reopened = store_target.open()
    try:
        assert reopened.get("old").iloc[0]["people"] == 7
        before = reopened.version()
        reopened.add(make_frame(make_incident(id="new")))
        assert reopened.version() != before
    finally:
        reopened.close()


@pytest.mark.parametrize("store_kind", ["geopackage", "postgis"], indirect=True)
def test_version_is_the_store_id_and_a_counter(store: IncidentStore) -> None:
    store_id, _, counter = store.version().rpartition("-")
    assert len(store_id) == 32 and int(store_id, 16) >= 0
    assert counter.isdigit()
