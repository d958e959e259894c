"""Benchmark: serving a newsroom's audience, cached answers against render per request.

Usage::

    python bench/serve.py            # 10,000 and 100,000 incidents, 1 and 2 workers
    python bench/serve.py --quick    # 2,000 incidents, 1 worker, short loads

What is measured: requests/s and the 50th/99th percentile latency of what
readers of an article load, repeated by ``--connections`` clients (4) that
keep their connections open:

- ``/embed`` (the page shell of an embedded map),
- ``/map/data/incidents.bin.gz`` (the data resource every map page loads),
- ``/map.png`` (the static image),
- ``/collections/hotspots/items`` (the launch hotspots),
- ``/healthz``, the ceiling: the same server answering next to nothing.

Servers: ``launchmap serve --workers N`` on a GeoPackage store of synthetic
incidents (the map benchmark's: launches around the coast's launch sites,
a third relabelled as interceptions, rescues and arrivals). launchmap builds
each answer once per store version and serves it from memory afterwards. The
baseline is the render-per-request path the pages had before: the same server
with ``LAUNCHMAP_CACHE_MAX_BYTES=0``, which keeps nothing, so every request
reads every incident from the store, clusters the hotspots and builds its
answer. Both run in the same run, one after the other, on this machine's
cores, with the load generator (``bench/_load.py``) in this process.

The last lines are one JSON object per figure: requests/s (ratio launchmap /
baseline), p50 and p99 in ms (ratio baseline / launchmap), the share of the
/healthz throughput /embed reaches, and the data resource's compressed size.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from _load import HOST, Server, drive, free_port, running
from _report import figure, peak_rss_mib
from map import incidents

from geo.store import open_store

SIZES, QUICK_SIZES = (10_000, 100_000), (2_000,)
SECONDS, QUICK_SECONDS = 6.0, 1.0
WORKERS, QUICK_WORKERS = (1, 2), (1,)
WARMUP_S = 1.0
WARM_P99_S = 0.25  # a warm server answers a cached path well within this
WARMUP_LIMIT_S = 120.0
CONNECTIONS = 4
PATHS = {
    "embed": "/embed",
    "data": "/map/data/incidents.bin.gz",
    "map_png": "/map.png",
    "hotspots": "/collections/hotspots/items",
    "healthz": "/healthz",
}
BASELINE = "render per request (the same server keeping nothing: LAUNCHMAP_CACHE_MAX_BYTES=0)"
DATA_BUDGET_MB = 1.5


@dataclass(frozen=True)
class Figures:
    """One path under load: throughput and latency."""

    rps: float
    p50_ms: float
    p99_ms: float
    requests: int


def build_store(folder: Path, count: int) -> Path:
    """Store ``count`` synthetic incidents in a new GeoPackage store; return its folder."""
    store = open_store(folder, seed=False)
    try:
        store.add(incidents(count))
    finally:
        store.close()
    return folder


def start(data_dir: Path, workers: int, work: Path, *, cached: bool) -> Server:
    """Start ``launchmap serve --workers N`` on the store (caching, or keeping nothing)."""
    port = free_port()
    script = shutil.which("launchmap")
    launcher = [script] if script else [sys.executable, "-c", "from api.cli import main; main()"]
    command = [*launcher, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]
    env = {key: value for key, value in os.environ.items() if not key.startswith("LAUNCHMAP_")}
    env |= {"LAUNCHMAP_DATA_DIR": str(data_dir), "LAUNCHMAP_SEED": "false"}
    if not cached:
        env["LAUNCHMAP_CACHE_MAX_BYTES"] = "0"
    name = f"{'launchmap' if cached else 'baseline'}-w{workers}"
    log = work / f"{name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=output)
    return Server(name, port, process, log, f"launchmap serve --workers {workers}", "/healthz")


def warm_up(server: Server, path: str, *, cached: bool) -> None:
    """Ask for ``path`` on fresh connections until every worker has built its answer.

    New connections land on either worker, so rounds of twice as many
    connections go on until a round's p99 is that of a warm server (a cached
    answer); the baseline builds every answer anyway: one round.
    """
    deadline = time.perf_counter() + WARMUP_LIMIT_S
    while True:
        round_ = asyncio.run(
            drive(server.port, [path], 2 * CONNECTIONS, WARMUP_S, record=True, headers="")
        )
        warm = float(np.percentile(round_.latencies_s, 99)) < WARM_P99_S
        if not cached or warm or time.perf_counter() > deadline:
            return


def load(server: Server, path: str, seconds: float, *, cached: bool) -> Figures:
    """Warm up, then keep :data:`CONNECTIONS` clients asking for ``path`` for ``seconds``."""
    warm_up(server, path, cached=cached)
    started = time.perf_counter()
    result = asyncio.run(drive(server.port, [path], CONNECTIONS, seconds, record=True, headers=""))
    wall = time.perf_counter() - started
    if result.errors:
        raise RuntimeError(f"{server.name} {path}: {result.errors[0]}")
    latencies_ms = np.array(result.latencies_s) * 1000
    return Figures(
        rps=len(latencies_ms) / wall,
        p50_ms=float(np.percentile(latencies_ms, 50)),
        p99_ms=float(np.percentile(latencies_ms, 99)),
        requests=len(latencies_ms),
    )


def measure(
    data_dir: Path, workers: int, work: Path, seconds: float, *, cached: bool
) -> tuple[dict[str, Figures], float]:
    """Load every path of :data:`PATHS` on one server; also return the data resource's MB."""
    with running(start(data_dir, workers, work, cached=cached)) as server:
        request = urllib.request.urlopen(server.url + PATHS["data"], timeout=600)
        with request as response:
            size_mb = len(response.read()) / 1e6
        figures = {name: load(server, path, seconds, cached=cached) for name, path in PATHS.items()}
        return figures, size_mb


def main() -> None:
    """Measure both servers at each size and number of workers; print the tables and figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 incidents, short loads")
    quick = parser.parse_args().quick
    sizes, seconds = (QUICK_SIZES, QUICK_SECONDS) if quick else (SIZES, SECONDS)
    rows: list[tuple[int, int, dict[str, Figures], dict[str, Figures]]] = []
    sizes_mb = {}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for count in sizes:
            data_dir = build_store(work / f"store-{count}", count)
            for workers in QUICK_WORKERS if quick else WORKERS:
                ours, sizes_mb[count] = measure(data_dir, workers, work, seconds, cached=True)
                base, _ = measure(data_dir, workers, work, seconds, cached=False)
                rows.append((count, workers, ours, base))
    report(rows, sizes_mb)


def report(
    rows: list[tuple[int, int, dict[str, Figures], dict[str, Figures]]], sizes_mb: dict[int, float]
) -> None:
    """Print a readable table, then one JSON line per figure."""
    print(
        f"{'incidents':>10} {'workers':>7} {'path':<10}{'launchmap req/s':>16}{'p50 ms':>8}"
        f"{'p99 ms':>8}{'baseline req/s':>16}{'p50 ms':>9}{'p99 ms':>9}"
    )
    for count, workers, ours, base in rows:
        for name in PATHS:
            mine, theirs = ours[name], base[name]
            print(
                f"{count:>10,} {workers:>7} {name:<10}{mine.rps:>16,.1f}{mine.p50_ms:>8.1f}"
                f"{mine.p99_ms:>8.1f}{theirs.rps:>16,.1f}{theirs.p50_ms:>9.1f}{theirs.p99_ms:>9.1f}"
            )
    for count, size in sizes_mb.items():
        print(f"data resource at {count:,} incidents: {size:.2f} MB compressed")
    print(f"peak memory of the benchmark: {peak_rss_mib():.0f} MiB")
    for count, workers, ours, base in rows:
        for name in PATHS:
            mine, theirs = ours[name], base[name]
            tag = f"{name}_{count}_w{workers}"
            print(
                figure(
                    f"serve_{tag}_rps",
                    mine.rps,
                    "req/s",
                    BASELINE,
                    theirs.rps,
                    mine.rps / theirs.rps,
                )
            )
            print(
                figure(
                    f"serve_{tag}_p50",
                    mine.p50_ms,
                    "ms",
                    BASELINE,
                    theirs.p50_ms,
                    theirs.p50_ms / mine.p50_ms,
                )
            )
            print(
                figure(
                    f"serve_{tag}_p99",
                    mine.p99_ms,
                    "ms",
                    BASELINE,
                    theirs.p99_ms,
                    theirs.p99_ms / mine.p99_ms,
                )
            )
        share = ours["embed"].rps / ours["healthz"].rps
        base_share = base["embed"].rps / base["healthz"].rps
        print(
            figure(
                f"serve_embed_share_of_healthz_{count}_w{workers}",
                share,
                "share of /healthz req/s",
                BASELINE,
                base_share,
                share / base_share,
            )
        )
    for count, size in sizes_mb.items():
        print(
            figure(
                f"serve_data_resource_{count}",
                size,
                "MB",
                "the budget of 1.5 MB compressed",
                DATA_BUDGET_MB,
                DATA_BUDGET_MB / size,
            )
        )


if __name__ == "__main__":
    main()
