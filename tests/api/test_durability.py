"""Durability: a ``kill -9`` during concurrent writes loses no write the API acknowledged.

Several threads post incidents to a real ``launchmap serve`` and note every id
answered 2xx. The server is killed with SIGKILL mid-stream (requests in flight
get no answer, so they are not acknowledged), started again on the same store,
and every acknowledged id must be there. On both stores. On the PostGIS store
the database server itself is also killed mid-stream, all its processes, with
``synchronous_commit = off`` as its default: the store asks for synchronous
commits on its own connections, so an acknowledged write is in the WAL.

The GeoPackage store's guarantee is SQLite's: every write is one transaction
committed in WAL mode with ``synchronous = FULL``, which writes (and syncs) the
WAL before the commit returns; a killed process leaves the WAL, which the next
connection replays.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from geo.store import IncidentQuery
from geo.store.geopackage import GeoPackageStore
from tests._postgres import PostgresCluster
from tests.conftest import LiveServer, StoreTarget, geopackage_only, serve_launchmap

WRITERS = 6
ACKNOWLEDGED_BEFORE_KILL = 80  # writes acknowledged before each kill: the kill lands mid-stream
TIME_LIMIT_S = 120.0
TOKEN = "durable-token"
ITEMS = "/collections/incidents/items"


def report(writer: int, number: int) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [1.5 + number * 1e-5, 50.9 + writer * 1e-3]},
        "properties": {
            "id": f"w{writer}-{number:05d}",
            "event_type": "launch",
            "date": "2025-06-17",
            "place_name": "Gravelines",
            "people": number % 60,
        },
    }


class Writers:
    """Threads posting incidents until stopped, each noting the ids acknowledged with 2xx."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.acknowledged: list[str] = []
        self.refused: list[int] = []  # statuses other than 2xx (a 503 while the database is down)
        self.unanswered: list[str] = []  # what each request the server never answered raised
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._write, args=(n,)) for n in range(WRITERS)]

    def _write(self, writer: int) -> None:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        deadline = time.monotonic() + TIME_LIMIT_S
        with httpx.Client(base_url=self.url, headers=headers, timeout=30) as client:
            for number in range(100_000):
                if self.stop.is_set() or time.monotonic() > deadline:
                    return
                try:
                    response = client.post(ITEMS, json=report(writer, number))
                except httpx.TransportError as error:
                    with self.lock:
                        self.unanswered.append(type(error).__name__)
                    time.sleep(0.05)  # the server is gone: nothing was acknowledged
                    continue
                with self.lock:
                    if response.status_code in (200, 201):
                        self.acknowledged.append(response.json()["id"])
                    else:
                        self.refused.append(response.status_code)

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=TIME_LIMIT_S)

    def count(self) -> int:
        with self.lock:
            return len(self.acknowledged)

    def wait_for(self, count: int, server: LiveServer) -> None:
        """Wait until ``count`` writes are acknowledged; fail with what held them up if never."""
        deadline = time.monotonic() + TIME_LIMIT_S
        while self.count() < count:
            if time.monotonic() > deadline:
                pytest.fail(self.stall_report(server))
            time.sleep(0.02)

    def stall_report(self, server: LiveServer) -> str:
        """Say why writes stopped being acknowledged: what the writers got back, what each
        database session waits on, and where each of the server's threads stood.

        The server runs with ``PYTHONFAULTHANDLER``, so SIGABRT makes it write every
        thread's stack to its log before it dies.
        """
        with self.lock:
            seen = (
                f"only {len(self.acknowledged)} writes acknowledged; refused: "
                f"{dict(Counter(self.refused))}; unanswered: {dict(Counter(self.unanswered))}"
            )
        sessions = database_sessions(server.database_url) if server.database_url else ""
        os.kill(server.process.pid, signal.SIGABRT)
        server.process.wait(timeout=20)
        requests, _, dump = server.log.read_text(errors="replace").partition("Fatal Python error")
        last_requests = "\n".join(requests.splitlines()[-20:])
        busy_threads = "\n\n".join(t for t in dump.split("\n\n") if "queue.py" not in t)
        return (
            f"{seen}\n{sessions}\nthe server's last log lines:\n{last_requests}\n"
            f"its threads but the idle workers:\n{busy_threads}"
        )


def database_sessions(database_url: str) -> str:
    """Each session on the store's database: its state, what it waits on, its statement."""
    try:
        with psycopg.connect(database_url, connect_timeout=5) as connection:
            rows = connection.execute(
                "SELECT pid, state, wait_event_type, wait_event, left(query, 120)"
                " FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
    except psycopg.Error as error:
        return f"the database's sessions could not be read: {error}"
    return "the database's sessions:\n" + "\n".join(map(str, rows))


def server_env(target: StoreTarget) -> dict[str, str]:
    return {
        "LAUNCHMAP_WRITE_TOKENS": json.dumps([TOKEN]),
        "LAUNCHMAP_WRITE_RATE_PER_MINUTE": "1000000",
        "LAUNCHMAP_SEED": "false",
        "PYTHONFAULTHANDLER": "1",  # a stalled server's threads can be shown (stall_report)
    } | target.env


def assert_all_stored(target: StoreTarget, acknowledged: list[str], tmp_path: Path) -> None:
    """Every acknowledged id is served by a fresh server and held by the store itself."""
    with (
        serve_launchmap(
            tmp_path, data_dir=target.data_dir, env=server_env(target), name="after"
        ) as again,
        httpx.Client(base_url=again.url, timeout=30) as client,
    ):
        missing = [i for i in acknowledged if client.get(f"{ITEMS}/{i}").status_code != 200]
    assert missing == [], f"{len(missing)} acknowledged writes lost: {missing[:10]}"
    store = target.open(seed=False)
    try:
        assert set(acknowledged) <= set(store.query(IncidentQuery()).incidents["id"])
    finally:
        store.close()


def test_kill_9_of_the_server_during_concurrent_writes_loses_no_acknowledged_write(
    store_target: StoreTarget, tmp_path: Path
) -> None:
    env = server_env(store_target)
    with (
        serve_launchmap(tmp_path, data_dir=store_target.data_dir, env=env, name="killed") as server,
        Writers(server.url) as writers,
    ):
        writers.wait_for(ACKNOWLEDGED_BEFORE_KILL, server)
        os.kill(server.process.pid, signal.SIGKILL)  # mid-stream: writers are still posting
        assert server.process.wait(timeout=20) == -signal.SIGKILL
    acknowledged = list(writers.acknowledged)
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL
    assert len(set(acknowledged)) == len(acknowledged)
    assert writers.refused == []  # until the kill, every write succeeded
    assert_all_stored(store_target, acknowledged, tmp_path)


@geopackage_only
def test_the_geopackage_store_commits_to_a_synced_wal(store_target: StoreTarget) -> None:
    store = store_target.open(seed=False)
    assert isinstance(store, GeoPackageStore)
    try:
        connection = store._connection()
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    finally:
        store.close()


@pytest.fixture
def lax_cluster() -> Iterator[PostgresCluster]:
    """A cluster of the test's own whose default would lose the last commits in a crash."""
    cluster = PostgresCluster(settings={"synchronous_commit": "off"})
    try:
        yield cluster.start()
    finally:
        cluster.remove()


def kill_9(cluster: PostgresCluster) -> None:
    """Kill every process of the cluster with SIGKILL: the postmaster and its children."""
    postmaster = cluster.postmaster_pid()
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                children.append(int(entry.name))
    assert children, "the postmaster has no children to kill"
    for pid in [postmaster, *children]:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{postmaster}").exists():  # until reaped: PostgreSQL checks the pid
        assert time.monotonic() < deadline, "the killed postmaster was not reaped"
        time.sleep(0.05)


def test_kill_9_of_the_database_during_concurrent_writes_loses_no_acknowledged_write(
    lax_cluster: PostgresCluster, tmp_path: Path
) -> None:
    target = StoreTarget("postgis", tmp_path / "store", lax_cluster.url(lax_cluster.new_database()))
    env = server_env(target)
    with serve_launchmap(tmp_path, data_dir=target.data_dir, env=env, name="server") as server:
        with Writers(server.url) as writers:
            writers.wait_for(ACKNOWLEDGED_BEFORE_KILL, server)
            kill_9(lax_cluster)
            killed_at = writers.count()
            lax_cluster.start()  # crash recovery replays the WAL
            writers.wait_for(killed_at + ACKNOWLEDGED_BEFORE_KILL, server)  # the pool reconnects
        assert "database system was interrupted" in lax_cluster.log.read_text()
        acknowledged = list(writers.acknowledged)
    # While the database was down the API said so (503), and never failed (500).
    assert set(writers.refused) <= {503}
    assert_all_stored(target, acknowledged, tmp_path)
