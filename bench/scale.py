"""Benchmark at scale: `launchmap process` with dask on 10,000,000 incidents, and the store.

Usage::

    python bench/scale.py                  # both parts
    python bench/scale.py --part process   # 10,000,000 incidents through the dask path, against
                                           # the single-process path on 1,000,000 (the baseline)
    python bench/scale.py --part store     # PostGIS / GeoPackage queries (bench/_scale_store.py)
    python bench/scale.py --quick          # 200,000 against 20,000, under two minutes

The process part writes synthetic incidents (``bench/_synthetic.py``: launches
around 60 sites from Dunkirk to Berck, 10 % scattered, 7 % with a place name
only, left for geocoding, 3 % placed at country level only; fixed seed) as a
GeoParquet folder of 500,000-row files in row groups of 100,000, streaming,
so the benchmark never holds them all. The baseline input is
1,000,000 more, made the same way. Then, each in its own process:

- launchmap's dask path (:func:`geo.process.process_parquet`, a local cluster
  of one worker process per core) on the large input, written as a folder of
  GeoParquet parts;
- the single-process path (:func:`geo.process.process_file`: read the whole
  file, :func:`geo.enrich.enrich_incidents`, :func:`geo.cluster.cluster_incidents`,
  write one file) on the baseline input.

Both geocode, relate to the coast and cluster with the default parameters
(dbscan, 2,000 m, min_samples 3). Wall time covers everything, the local
cluster's start included. Peak memory is the largest sum of the resident
memory of the run's process and all its descendants (the dask workers),
sampled every 0.2 s. ``--check`` also runs the dask path on the baseline
input and checks that its output equals the single-process path's.
The last lines are one JSON object per figure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import queue as queue_module
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import psutil
from _report import figure
from _scale_store import store_section
from _synthetic import site_table, synthetic_incidents

FULL_COUNT, FULL_BASELINE = 10_000_000, 1_000_000
QUICK_COUNT, QUICK_BASELINE = 200_000, 20_000
STORE_COUNT, QUICK_STORE_COUNT = 1_000_000, 100_000
FILE_ROWS, ROW_GROUP_ROWS = 500_000, 100_000
SEED = 20250801
SAMPLE_S = 0.2


# -- input -------------------------------------------------------------------------------------


def write_input(folder: Path, count: int, seed: int = SEED) -> float:
    """Write ``count`` synthetic incidents as GeoParquet files of FILE_ROWS rows; return seconds."""
    started = time.perf_counter()
    folder.mkdir(parents=True)
    rng = np.random.default_rng(seed)
    sites = site_table(rng)
    for number, first in enumerate(range(0, count, FILE_ROWS)):
        chunk = synthetic_incidents(rng, sites, min(FILE_ROWS, count - first), first_id=first)
        chunk.to_parquet(folder / f"incidents.{number:05d}.parquet", row_group_size=ROW_GROUP_ROWS)
    return time.perf_counter() - started


# -- measuring ---------------------------------------------------------------------------------


class PeakMemory:
    """Sample the resident memory of a process and its descendants; keep the peak (MiB)."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak_mib = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                members = [self.process, *self.process.children(recursive=True)]
            except psutil.Error:
                members = []
            for member in members:
                with contextlib.suppress(psutil.Error):
                    total += member.memory_info().rss
            self.peak_mib = max(self.peak_mib, total / 2**20)
            self._stop.wait(SAMPLE_S)


def _run_dask(input_path: str, output: str, queue: Any) -> None:
    from geo.process import process_parquet

    report = process_parquet(Path(input_path), Path(output))
    queue.put(report.as_dict())


def _run_single(input_path: str, output: str, queue: Any) -> None:
    from geo.process import process_file

    report = process_file(Path(input_path), Path(output))
    queue.put(report.as_dict())


def measured(target: Any, input_path: Path, output: Path) -> tuple[dict[str, Any], float, float]:
    """Run ``target`` in a new process; return its report, wall seconds and peak memory (MiB)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(str(input_path), str(output), queue))
    started = time.perf_counter()
    process.start()
    with PeakMemory(process.pid) as peak:
        report = None
        while report is None:
            try:
                report = queue.get(timeout=1.0)
            except queue_module.Empty:  # the run goes on, or died
                if not process.is_alive():
                    raise SystemExit(
                        f"{target.__name__} failed (exit {process.exitcode})"
                    ) from None
        process.join()
    return report, time.perf_counter() - started, peak.peak_mib


def describe(report: dict[str, Any]) -> str:
    return (
        f"{report['incidents']:,} incidents ({report['placed']:,} placed, "
        f"{report['geocoded']:,} geocoded, {report['unresolved']:,} not placed), "
        f"{report['clusters']:,} clusters ({report['clustered']:,} clustered, "
        f"{report['noise']:,} noise), {report['partitions']} partitions, {report['strips']} strips"
    )


# -- the parts ---------------------------------------------------------------------------------


def process_section(count: int, baseline_count: int, check: bool, work: Path) -> list[str]:
    """Time the dask path on ``count`` incidents against the single-process path on fewer."""
    large, baseline = work / "large.parquet", work / "baseline.parquet"
    seconds = write_input(large, count) + write_input(baseline, baseline_count)
    print(
        f"wrote {count:,} + {baseline_count:,} synthetic incidents in {seconds:.1f} s ({work})",
        flush=True,
    )

    dask_report, dask_s, dask_mib = measured(_run_dask, large, work / "out-dask.parquet")
    dask_rate = count / dask_s
    print(
        f"launchmap process (dask, local cluster of {dask_report['workers']} workers): "
        f"{describe(dask_report)}; {dask_s:.1f} s wall, {dask_rate:,.0f} incidents/s, "
        f"peak memory {dask_mib:,.0f} MiB; stages (s): {dask_report['stage_seconds']}",
        flush=True,
    )
    single_report, single_s, single_mib = measured(
        _run_single, baseline, work / "out-single.parquet"
    )
    single_rate = baseline_count / single_s
    print(
        f"baseline, single-process path: {describe(single_report)}; {single_s:.1f} s wall, "
        f"{single_rate:,.0f} incidents/s, peak memory {single_mib:,.0f} MiB",
        flush=True,
    )
    print(
        f"throughput ratio (dask on {count:,} / single process on {baseline_count:,}): "
        f"{dask_rate / single_rate:.2f}; memory per million incidents: dask "
        f"{dask_mib / (count / 1e6):,.0f} MiB, single process "
        f"{single_mib / (baseline_count / 1e6):,.0f} MiB"
    )
    if check:
        check_equal(baseline, work)
    name = f"single-process path on {baseline_count} incidents"
    return [
        figure(
            f"process_dask_incidents_per_s_for_{count}",
            dask_rate,
            "incidents/s",
            name,
            single_rate,
            dask_rate / single_rate,
        ),
        figure(
            f"process_dask_wall_s_for_{count}",
            dask_s,
            "s",
            f"{name}, extrapolated linearly to {count}",
            single_s * count / baseline_count,
            single_s * count / baseline_count / dask_s,
        ),
        figure(
            f"process_dask_peak_memory_mib_for_{count}",
            dask_mib,
            "MiB",
            name,
            single_mib,
            single_mib / dask_mib,
        ),
    ]


def check_equal(baseline: Path, work: Path) -> None:
    """Run the dask path on the baseline input and compare with the single-process output."""
    from geopandas.testing import assert_geodataframe_equal

    from geo.process import read_geoparquet

    output = work / "out-dask-baseline.parquet"
    _, seconds, _ = measured(_run_dask, baseline, output)
    ours = read_geoparquet(output).sort_values("id", kind="stable").reset_index(drop=True)
    theirs = read_geoparquet(work / "out-single.parquet")
    theirs = theirs.sort_values("id", kind="stable").reset_index(drop=True)
    assert_geodataframe_equal(ours, theirs)
    print(f"check: the dask path's output on the baseline input ({seconds:.1f} s) is equal")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("process", "store", "all"), default="all")
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    parser.add_argument("--count", type=int, help="incidents through the dask path")
    parser.add_argument("--baseline-count", type=int, help="incidents through one process")
    parser.add_argument("--store-count", type=int, help="incidents for the store part")
    parser.add_argument("--check", action="store_true", help="compare outputs on the baseline")
    parser.add_argument("--work", type=Path, help="folder for the files (default: a temp folder)")
    args = parser.parse_args()
    count = args.count or (QUICK_COUNT if args.quick else FULL_COUNT)
    baseline_count = args.baseline_count or (QUICK_BASELINE if args.quick else FULL_BASELINE)
    store_count = args.store_count or (QUICK_STORE_COUNT if args.quick else STORE_COUNT)

    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    figures: list[str] = []
    if args.part in ("process", "all"):
        work = Path(tempfile.mkdtemp(prefix="launchmap-scale-", dir=args.work))
        try:
            figures += process_section(count, baseline_count, args.check, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if args.part in ("store", "all"):
        store_section(store_count)  # prints its own figures
    print(
        f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; "
        f"load average at the end {os.getloadavg()[0]:.1f} (other work on the machine slows "
        "both paths)"
    )
    for line in figures:
        print(line if isinstance(line, str) else json.dumps(line))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
