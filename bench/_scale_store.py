"""Benchmark, store part: items?bbox on 1,000,000 stored incidents, PostGIS against GeoPackage.

Usage::

    python bench/_scale_store.py --count 1000000     # alone
    python bench/scale.py --part store               # as part of the scale benchmark

What is measured, on the same synthetic incidents in both stores:

- load: seconds to store them with the store's own ``add`` in batches of
  50,000 (one transaction each), as ``launchmap import`` stores a file; for
  PostGIS also the ``VACUUM ANALYZE`` that autovacuum runs shortly after a
  load (its statistics guide the planner, and its visibility map lets bbox
  counts read the point index alone);
- items?bbox: latency of ``GET /collections/incidents/items?bbox=…&limit=100``
  (GeoJSON) through the real API, a ``launchmap serve`` process (one uvicorn
  process) on each store, one request at a time over a keep-alive connection,
  after a warm-up; and, to show where the time goes, the same queries through
  the store in process (``store.query(...)`` and the page's Features, as the
  API builds them). Three bbox sizes, centred on incidents (fixed seed):
  0.01° (a beach), 0.1° (a stretch of coast), 1° (most of the coast), in
  latitude, 1.6 times that in longitude.

The figures compare PostGIS with the GeoPackage store, the baseline: a ratio
above 1 means PostGIS is faster. PostgreSQL is a throwaway PostgreSQL 15 +
PostGIS cluster (``tests/_postgres.py``, with ``fsync`` on and the default
settings otherwise), or ``--database-url`` (an empty database, whose
``launchmap`` schema is dropped first). Data: synthetic incidents around 60
launch sites from Dunkirk to Berck (``bench/_synthetic.py``), 3 % placed
only at country level, with every incident field filled as a stored report has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import httpx
import numpy as np
from _report import figure
from _synthetic import stored_reports

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/_postgres.py

from geo.store import STORE_FILE, IncidentQuery, IncidentStore, open_store

SEED = 20250901
BATCH = 50_000
PAGE = 100
SIZES_DEG = (0.01, 0.1, 1.0)
REQUESTS = {0.01: 200, 0.1: 100, 1.0: 40}
WARMUP = 10
HOST = "127.0.0.1"
UNPLACED_SHARE = 0.03  # placed only at country level


# -- data ---------------------------------------------------------------------------------


def bboxes(incidents: gpd.GeoDataFrame, size_deg: float, count: int) -> list[tuple[float, ...]]:
    """Boxes of ``size_deg`` latitude (1.6 times that in longitude) centred on incidents."""
    rng = np.random.default_rng(SEED + int(size_deg * 1000))
    placed = incidents.geometry[incidents.geometry.notna()]
    centres = placed.iloc[rng.integers(0, len(placed), count)]
    half = size_deg / 2
    return [(p.x - half * 1.6, p.y - half, p.x + half * 1.6, p.y + half) for p in centres]


# -- stores and servers ---------------------------------------------------------------------


def load(store: IncidentStore, incidents: gpd.GeoDataFrame) -> float:
    """Store the incidents in batches with the store's own add; return the seconds."""
    started = time.perf_counter()
    for start in range(0, len(incidents), BATCH):
        store.add(incidents.iloc[start : start + BATCH])
    seconds = time.perf_counter() - started
    assert store.count() == len(incidents)
    return seconds


@contextmanager
def postgis_database(database_url: str | None) -> Iterator[str]:
    """The database to use: the one given (emptied of launchmap's schema), or a throwaway one."""
    import psycopg

    if database_url:
        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute("DROP SCHEMA IF EXISTS launchmap CASCADE")
        yield database_url
        return
    from tests._postgres import PostgresCluster

    cluster = PostgresCluster(settings={"fsync": "on"}).start()
    try:
        yield cluster.url(cluster.new_database(prefix="bench"))
    finally:
        cluster.remove()


def vacuum_analyze(database_url: str) -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE launchmap.incidents")
    return time.perf_counter() - started


def postgis_size_mib(database_url: str) -> float:
    import psycopg

    with psycopg.connect(database_url) as connection:
        row = connection.execute("SELECT pg_total_relation_size('launchmap.incidents')").fetchone()
    return float(row[0]) / 2**20 if row else float("nan")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(data_dir: Path, database_url: str | None, log: Path) -> Iterator[str]:
    """Run ``launchmap serve`` (one uvicorn process) on a store; yield its address."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("LAUNCHMAP_")}
    env |= {"LAUNCHMAP_DATA_DIR": str(data_dir), "LAUNCHMAP_SEED": "false"}
    env |= {"LAUNCHMAP_MAX_LIMIT": str(PAGE)}
    if database_url:
        env["LAUNCHMAP_DATABASE_URL"] = database_url
    script = shutil.which("launchmap")
    launcher = [script] if script else [sys.executable, "-c", "from api.cli import main; main()"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*launcher, "serve", "--host", HOST, "--port", str(port)],
            env=env,
            stdout=output,
            stderr=output,
        )
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"launchmap serve exited:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("launchmap serve did not start in 120 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- measuring ------------------------------------------------------------------------------

Latencies = dict[float, dict[str, float]]  # bbox size -> p50, p95 (ms) and median matched


@dataclass
class Measured:
    """What one store did: its load time and the latencies of the bbox pages."""

    load_s: float
    store: Latencies
    http: Latencies


def timed(
    call: Callable[[tuple[float, ...]], int], boxes: list[tuple[float, ...]]
) -> dict[str, float]:
    """Call for each box (after a warm-up on the first ones); latency percentiles in ms."""
    for box in boxes[:WARMUP]:
        call(box)
    seconds = []
    matched = []
    for box in boxes:
        started = time.perf_counter()
        matched.append(call(box))
        seconds.append(time.perf_counter() - started)
    ms = np.array(seconds) * 1000
    return {
        "p50": float(np.percentile(ms, 50)),
        "p95": float(np.percentile(ms, 95)),
        "matched": float(np.median(matched)),
    }


def over_http(
    url: str, all_boxes: dict[float, list[tuple[float, ...]]]
) -> dict[float, dict[str, float]]:
    results = {}
    with httpx.Client(base_url=url, timeout=120) as client:

        def call(box: tuple[float, ...]) -> int:
            response = client.get(
                "/collections/incidents/items",
                params={"bbox": ",".join(f"{v:.6f}" for v in box), "limit": PAGE},
            )
            response.raise_for_status()
            body = response.json()
            assert body["numberReturned"] == min(PAGE, body["numberMatched"])
            return int(body["numberMatched"])

        for size, boxes in all_boxes.items():
            results[size] = timed(call, boxes)
    return results


def in_process(
    store: IncidentStore, all_boxes: dict[float, list[tuple[float, ...]]]
) -> dict[float, dict[str, float]]:
    def call(box: tuple[float, ...]) -> int:
        min_lon, min_lat, max_lon, max_lat = box
        result = store.query(IncidentQuery(bbox=(min_lon, min_lat, max_lon, max_lat), limit=PAGE))
        result.features()
        return result.number_matched

    return {size: timed(call, boxes) for size, boxes in all_boxes.items()}


def store_section(count: int = 1_000_000, *, database_url: str | None = None) -> None:
    """Load ``count`` incidents into both stores, time bbox queries, print the figures."""
    print(f"\n== store: items?bbox on {count:,} stored incidents, PostGIS against GeoPackage ==")
    started = time.perf_counter()
    incidents = stored_reports(count, SEED, id_prefix="scale", unplaced_share=UNPLACED_SHARE)
    print(
        f"made {count:,} synthetic incidents in {time.perf_counter() - started:.1f} s", flush=True
    )
    all_boxes = {size: bboxes(incidents, size, REQUESTS[size]) for size in SIZES_DEG}
    work = Path(tempfile.mkdtemp(prefix="launchmap-scale-store-"))
    figures: list[str] = []
    try:
        with postgis_database(database_url) as url:
            results: dict[str, Measured] = {}
            for kind, folder, address in (
                ("GeoPackage", work / "gpkg", None),
                ("PostGIS", work / "pg", url),
            ):
                store = open_store(folder, database_url=address, seed=False)
                try:
                    load_s = load(store, incidents)
                    extra = ""
                    if address:
                        vacuum_s = vacuum_analyze(address)
                        load_s += vacuum_s
                        size = postgis_size_mib(address)
                        extra = f" (VACUUM ANALYZE {vacuum_s:.1f} s included)"
                    else:
                        files = [folder / STORE_FILE, folder / f"{STORE_FILE}-wal"]
                        size = sum(f.stat().st_size for f in files if f.exists()) / 2**20
                    print(
                        f"{kind}: stored {count:,} incidents in {load_s:.1f} s{extra}, "
                        f"{size:,.0f} MiB",
                        flush=True,
                    )
                    store_ms = in_process(store, all_boxes)
                finally:
                    store.close()
                with serving(folder, address, work / f"{kind}.log") as server:
                    http_ms = over_http(server, all_boxes)
                results[kind] = Measured(load_s, store_ms, http_ms)
            figures += report(count, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for line in figures:
        print(line)


def report(count: int, results: dict[str, Measured]) -> list[str]:
    """Print the table; return the figures as JSON lines (ratio > 1: PostGIS is faster)."""
    pg, gp = results["PostGIS"], results["GeoPackage"]
    header = ("PostGIS p50/p95", "GPKG p50/p95") * 2
    print(f"\n{'bbox':>6} {'matched':>9} | {'through the API, ms':^31} | {'in process, ms':^31}")
    print(f"{'':>16} | {header[0]:>15} {header[1]:>15} | {header[2]:>15} {header[3]:>15}")
    lines = [
        figure(
            f"store {count:,} incidents (add in batches of {BATCH:,})",
            pg.load_s,
            "s",
            "GeoPackage store",
            gp.load_s,
            gp.load_s / pg.load_s,
        )
    ]
    for size in SIZES_DEG:
        row = []
        for route, ours, theirs in (
            ("over HTTP (launchmap serve)", pg.http[size], gp.http[size]),
            ("in process (store.query)", pg.store[size], gp.store[size]),
        ):
            row.append(
                f"{ours['p50']:7.1f}/{ours['p95']:7.1f} {theirs['p50']:7.1f}/{theirs['p95']:7.1f}"
            )
            for stat in ("p50", "p95"):
                name = f"items?bbox {size}° limit={PAGE} {stat} {route}, PostGIS, {count:,}"
                lines.append(
                    figure(
                        name,
                        ours[stat],
                        "ms",
                        "GeoPackage store",
                        theirs[stat],
                        theirs[stat] / ours[stat],
                    )
                )
        print(f"{size:>5}° {pg.http[size]['matched']:>9,.0f} | {row[0]} | {row[1]}")
    print()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000, help="incidents stored")
    parser.add_argument("--quick", action="store_true", help="100,000 incidents")
    parser.add_argument(
        "--database-url", help="an existing PostGIS database (default: a throwaway cluster)"
    )
    args = parser.parse_args()
    count = 100_000 if args.quick else args.count
    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    store_section(count, database_url=args.database_url)


if __name__ == "__main__":
    main()
