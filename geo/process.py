"""Process a large incident file: geocoding, coastline relations and clustering, with dask.

:func:`process_parquet` reads a GeoParquet file (or a folder of them) with
dask-geopandas and runs the single-process path's steps over its partitions
on a dask cluster: a local one (worker processes on this machine) or an
existing ``dask.distributed`` scheduler. Every incident gets what
:func:`process_frame` would give it: the point, precision, radius, place id
and country the geocoder finds for a place name left for it
(:func:`geo.enrich.enrich_incidents`), its coastline fields, and its
``cluster_id`` (:func:`geo.cluster.cluster_incidents`, made exact over
partitions as :mod:`geo._strips` explains).

Three passes, each one task per partition or strip, none holding more than
a partition of full rows:

1. Each partition is read, geocoded and related to the coast, and written
   to a part file beside the output; what clustering needs of its rows
   (point, day, weight: about 50 bytes a row) stays in the workers' memory.
2. Those rows are shared out to longitude strips (with a halo), each strip is
   clustered, and the strips' clusters are joined and numbered.
3. Each part is read again, gets its ``cluster_id`` and is written as
   ``part.NNNNN.parquet`` of the output folder.

The output is a folder of GeoParquet files, one per partition in input order,
readable as one dataset (:func:`read_geoparquet`, geopandas, dask-geopandas,
GDAL, DuckDB). It is built beside the output under a hidden name and moved in
place at the end: a failed run leaves no half output.
"""

from __future__ import annotations

import json
import logging
import operator
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from geo._strips import (
    CoastRows,
    Rows,
    StripResult,
    cluster_numbers,
    cluster_strip,
    coast_labels_for,
    coast_table,
    coast_weights,
    exported_to,
    labels_for,
    links,
    merged_coast_weights,
    partition_coast_rows,
    partition_rows,
    plan_strips,
    split,
    summary,
)
from geo.cluster import HDBSCAN_MAX_SAMPLES, _cluster_inputs, cluster_incidents
from geo.cluster_params import DEFAULT_PARAMS, ClusterParams
from geo.enrich import enrich_incidents
from geo.errors import InvalidClusterParamsError, ProcessError, SchedulerError
from geo.model import placed_mask
from geo.store.geoparquet import (
    METADATA_KEY,
    InputFiles,
    canonical,
    check_columns,
    input_files,
    output_schema,
    read_canonical,
    write_part,
)
from geo.vocabulary import ClusterMethod

DEFAULT_BLOCKSIZE = "16MiB"
"""Uncompressed input read as one partition (whole row groups): some 250,000 incidents."""
ROWS_PER_STRIP = 1_000_000
"""Rows clustered in one strip task, about; there are at least as many strips as workers."""
SCHEDULER_TIMEOUT_S = 10.0
UNRESOLVED_SHOWN = 20
"""Place names not found that a report names, the most frequent first."""
_NAMES_KEPT = 200  # per partition: names found only a few times elsewhere may be missed
PART_NAME = "part.{:05d}.parquet"
_ENRICHED_NAME = "enriched.{:05d}.parquet"
_REDUCE_FAN_IN = 8

Progress = Callable[[str, int, int], None]
"""``on_progress(stage, done, total)``: stage is ``geocoding``, ``clustering`` or ``writing``."""


def needed_columns(params: ClusterParams) -> dict[str, str]:
    """Name the input columns a run needs, each with what needs it (others may lack)."""
    needed = {"id": "names every incident"}
    if params.roles:
        needed["location_role"] = f"clustering takes roles {', '.join(params.roles)}"
    if params.method is ClusterMethod.SPACE_TIME:
        needed["date"] = "space-time clustering"
    if params.weight != "none":
        needed[params.weight] = f"weight={params.weight}"
    return needed


# -- the single-process path --------------------------------------------------------------------


@dataclass
class Processed:
    """Incidents processed in one process, with what geocoding found."""

    incidents: gpd.GeoDataFrame
    geocoded: int
    unresolved: list[dict[str, Any]]


def process_frame(
    frame: gpd.GeoDataFrame, params: ClusterParams = DEFAULT_PARAMS, source: str = "incidents"
) -> Processed:
    """Geocode, relate to the coast and cluster incidents in this process: the reference path.

    ``frame`` is brought to the incident schema first (see
    :func:`geo.store.geoparquet.canonical`); ``source`` names it in error messages.
    """
    incidents = canonical(frame, source)
    enriched = enrich_incidents(incidents)
    clustered = cluster_incidents(canonical(enriched.incidents, source), params)
    unresolved = [_unresolved_json(item) for item in enriched.unresolved]
    return Processed(canonical(clustered, source), enriched.geocoded, unresolved)


def read_geoparquet(path: Path, params: ClusterParams | None = None) -> gpd.GeoDataFrame:
    """Read a GeoParquet file, or a folder of them, as one incident frame (in memory).

    Raises
    ------
    FileNotFoundError
        When nothing is at ``path``.
    ProcessError
        Naming the file: not Parquet, not GeoParquet, a column the clustering
        ``params`` need is missing, or a value that does not fit its column.
    """
    source = input_files(path)
    if params is not None:
        check_columns(source, needed_columns(params))
    return read_canonical(source.files, str(path))


def write_geoparquet(frame: gpd.GeoDataFrame, path: Path, *, overwrite: bool = False) -> None:
    """Write incidents as one GeoParquet file (moved in place when complete).

    Raises
    ------
    ProcessError
        When ``path`` exists and ``overwrite`` is false.
    """
    _check_output(path, overwrite, inputs=())
    incidents = canonical(frame, str(path))
    partial = path.with_name(f".{path.name}.partial-{uuid.uuid4().hex[:8]}")
    try:
        write_part(incidents, partial, output_schema(incidents, None), _metadata(incidents))
        _move_into_place(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def process_file(
    input_path: Path,
    output: Path,
    params: ClusterParams = DEFAULT_PARAMS,
    *,
    overwrite: bool = False,
) -> ProcessReport:
    """Process a GeoParquet input in this process, into one GeoParquet file (the baseline)."""
    started = time.perf_counter()
    _check_output(output, overwrite, inputs=(input_path,))
    processed = process_frame(read_geoparquet(input_path, params), params, str(input_path))
    write_geoparquet(processed.incidents, output, overwrite=overwrite)
    report = ProcessReport(str(input_path), str(output), "this process", 1, params.as_dict())
    report.add_counts(processed.incidents)
    report.geocoded = processed.geocoded
    report.unresolved = len(processed.unresolved)
    report.add_unresolved(_unresolved_names(processed.unresolved))
    report.seconds = time.perf_counter() - started
    return report


def _unresolved_json(item: Any) -> dict[str, Any]:
    """Describe an incident whose place was not found."""
    return {"id": item.incident_id, "place_name": item.place_name, "reason": item.reason}


def _unresolved_names(unresolved: Sequence[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """Count the place names not found (with why), the most frequent first."""
    counts = Counter((item["place_name"], item["reason"]) for item in unresolved)
    return [(name, reason, n) for (name, reason), n in counts.most_common(_NAMES_KEPT)]


def _metadata(frame: gpd.GeoDataFrame) -> dict[str, object]:
    """Return what launchmap notes in its GeoParquet files: the clustering, if any."""
    clustering = frame.attrs.get("clustering")
    return {"clustering": clustering} if clustering is not None else {}


# -- the report -----------------------------------------------------------------------------------


@dataclass
class ProcessReport:
    """What a run did: counts, geocoding, clusters, time, and where."""

    input: str
    output: str
    scheduler: str
    workers: int
    clustering: dict[str, object]
    partitions: int = 1
    strips: int = 1
    incidents: int = 0
    placed: int = 0
    geocoded: int = 0
    unresolved: int = 0
    unresolved_names: list[dict[str, Any]] = field(default_factory=list)
    clustered: int = 0
    noise: int = 0
    clusters: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_counts(self, frame: gpd.GeoDataFrame) -> None:
        """Count a processed frame's incidents, placed ones, clustered ones, noise and clusters."""
        counts = _counts(frame)
        self.incidents += counts["incidents"]
        self.placed += counts["placed"]
        self.clustered += counts["clustered"]
        self.noise += counts["noise"]
        self.clusters = max(self.clusters, counts["clusters"])

    def add_unresolved(self, names: Sequence[tuple[str, str, int]]) -> None:
        """Count more place names not found; keep the :data:`UNRESOLVED_SHOWN` most frequent."""
        counts = Counter(
            {
                (item["place_name"], item["reason"]): item["incidents"]
                for item in self.unresolved_names
            }
        )
        for name, reason, count in names:
            counts[(name, reason)] += count
        self.unresolved_names = [
            {"place_name": name, "reason": reason, "incidents": count}
            for (name, reason), count in counts.most_common(UNRESOLVED_SHOWN)
        ]

    def as_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values."""
        return {
            "input": self.input,
            "output": self.output,
            "scheduler": self.scheduler,
            "workers": self.workers,
            "partitions": self.partitions,
            "strips": self.strips,
            "incidents": self.incidents,
            "placed": self.placed,
            "geocoded": self.geocoded,
            "unresolved": self.unresolved,
            "unresolved_names": self.unresolved_names,
            "clustered": self.clustered,
            "noise": self.noise,
            "clusters": self.clusters,
            "clustering": self.clustering,
            "seconds": round(self.seconds, 3),
            "stage_seconds": {name: round(s, 3) for name, s in self.stage_seconds.items()},
        }


def _counts(frame: gpd.GeoDataFrame) -> dict[str, int]:
    """Incidents, placed ones, clustered ones (not noise), noise, and clusters (highest id + 1)."""
    placed = placed_mask(frame)
    cluster_id = frame["cluster_id"]
    clustered = int((cluster_id >= 0).sum())
    top = cluster_id.max() if clustered else -1
    return {
        "incidents": len(frame),
        "placed": int(placed.sum()),
        "clustered": clustered,
        "noise": int((cluster_id == -1).sum()),
        "clusters": int(top) + 1,
    }


# -- dask -----------------------------------------------------------------------------------------


def default_workers() -> int:
    """Worker processes of the local cluster: one per core (up to 8), one thread each."""
    return max(1, min(os.cpu_count() or 1, 8))


def scheduler_address(text: str) -> str:
    """Return a scheduler address as ``tcp://HOST:PORT`` (``HOST:PORT`` is taken as tcp).

    Raises
    ------
    SchedulerError
        When the address has no host or no port.
    """
    address = text.strip() if "://" in text else f"tcp://{text.strip()}"
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError:
        port = None
        parts = urlsplit("")
    if not parts.hostname or port is None or parts.scheme not in ("tcp", "tls"):
        raise SchedulerError(
            f"bad dask scheduler address {text!r}: expected tcp://HOST:PORT (or HOST:PORT)"
        )
    return address


@contextmanager
def dask_client(
    scheduler: str | None = None,
    *,
    workers: int | None = None,
    timeout_s: float = SCHEDULER_TIMEOUT_S,
) -> Iterator[Any]:
    """Yield a ``distributed.Client``: on a new local cluster, or on the scheduler at an address.

    The local cluster (``workers`` processes, one thread each, listening on
    127.0.0.1 only) is shut down when the block ends; a client of an existing scheduler is
    closed, the scheduler and its workers are left running.

    Raises
    ------
    SchedulerError
        When the scheduler at ``scheduler`` cannot be reached within
        ``timeout_s``, naming the address.
    """
    from distributed import Client, LocalCluster

    if scheduler is None:
        count = workers if workers is not None else default_workers()
        if count < 1:
            raise ProcessError(f"--workers must be at least 1, got {count}")
        with (
            _quiet_distributed(),
            LocalCluster(
                n_workers=count,
                host="127.0.0.1",
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",  # its HTTP server starts anyway: any free port
                silence_logs=logging.CRITICAL,  # workers closing after the scheduler log errors
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    address = scheduler_address(scheduler)
    with _quiet_distributed():
        try:
            client = Client(address, timeout=timeout_s)
        except (OSError, TimeoutError) as error:
            raise SchedulerError(
                f"cannot reach the dask scheduler at {address} within {timeout_s:g} s ({error})"
            ) from None
        try:
            yield client
        finally:
            client.close()


@contextmanager
def _quiet_distributed() -> Iterator[None]:
    """Keep distributed's informational logging off the terminal for the block."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@dataclass(frozen=True)
class _Job:
    """What every task of a run needs to know."""

    source: str
    work: Path
    schema: pa.Schema
    params: ClusterParams


@dataclass(frozen=True)
class _Enriched:
    """Stage 1's answer for one partition: counts for the report, rows for the clustering."""

    incidents: int
    placed: int
    geocoded: int
    unresolved: int
    unresolved_names: list[tuple[str, str, int]]
    rows: Rows | CoastRows | None


def process_parquet(
    input_path: Path,
    output: Path,
    params: ClusterParams = DEFAULT_PARAMS,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    blocksize: str | int = DEFAULT_BLOCKSIZE,
    rows_per_strip: int = ROWS_PER_STRIP,
    overwrite: bool = False,
    on_progress: Progress | None = None,
) -> ProcessReport:
    """Geocode, relate to the coast and cluster a GeoParquet input with dask, into a folder.

    Parameters
    ----------
    input_path
        A GeoParquet file or a folder of them; it needs the columns of
        :func:`needed_columns` and may lack the other incident columns.
    output
        The folder to write (``part.NNNNN.parquet`` files).
    params
        How to cluster.
    scheduler
        Address of an existing dask scheduler (``tcp://HOST:PORT``); None
        starts a local cluster of ``workers`` processes. The workers must
        reach ``input_path`` and ``output`` at the same paths and have
        launchmap installed.
    workers
        Worker processes of the local cluster (default: :func:`default_workers`).
    blocksize
        Input read per partition (whole row groups): ``"16MiB"`` or bytes.
    rows_per_strip
        Rows clustered per strip task, about.
    overwrite
        Replace ``output`` if it exists (only a folder of .parquet files, or a file).
    on_progress
        Called as ``on_progress(stage, done, total)`` as tasks finish.

    Raises
    ------
    FileNotFoundError, ProcessError, SchedulerError, InvalidClusterParamsError
        Each naming the file, column, value or address at fault.
    """
    started = time.perf_counter()
    source = input_files(input_path)
    check_columns(source, needed_columns(params))
    _check_output(output, overwrite, inputs=(input_path,))
    work = output.parent / f".{output.name}.partial-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    try:
        with dask_client(scheduler, workers=workers) as client:
            ready = time.perf_counter() - started
            report = _run(
                client, source, work, params, blocksize, rows_per_strip, on_progress or _silent
            )
        report.stage_seconds = {"start": ready, **report.stage_seconds}
        report.input, report.output = str(input_path), str(output)
        report.scheduler = "local cluster" if scheduler is None else scheduler_address(scheduler)
        _move_into_place(work, output)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report


def _silent(stage: str, done: int, total: int) -> None:
    """Report no progress."""


def _partitions(source: InputFiles, blocksize: str | int) -> Any:
    """Read the input as a dask GeoDataFrame (dask-geopandas' reader).

    Partitions are whole row groups, about ``blocksize`` bytes of them.
    """
    import dask.dataframe as dd
    from dask_geopandas.io.parquet import GeoArrowEngine

    try:
        return dd.read_parquet(
            str(source.path),
            engine=GeoArrowEngine,
            split_row_groups="adaptive",
            blocksize=blocksize,
        )
    except (ValueError, OSError) as error:
        raise ProcessError(
            f"{source.path}: cannot be read as one GeoParquet dataset ({error})"
        ) from None


def _run(
    client: Any,
    source: InputFiles,
    work: Path,
    params: ClusterParams,
    blocksize: str | int,
    rows_per_strip: int,
    on_progress: Progress,
) -> ProcessReport:
    """Run the three passes on a client; return the report (paths filled in by the caller)."""
    clock = time.perf_counter()
    workers = len(client.nthreads())
    if workers == 0:
        raise SchedulerError(f"the dask scheduler at {client.scheduler.address} has no workers")
    frame = _partitions(source, blocksize)
    meta = canonical(frame._meta, str(source.path))
    job = _Job(str(source.path), work, output_schema(meta, source.schema), params)
    report = ProcessReport("", "", "", workers, params.as_dict(), partitions=frame.npartitions)

    tasks = [_enrich_task(part, number, job) for number, part in enumerate(frame.to_delayed())]
    enriched = client.compute(tasks)
    infos = _waited(
        client, enriched, "geocoding", on_progress, lambda f: client.submit(_info, f, pure=False)
    )
    for info in infos:
        report.incidents += info.incidents
        report.placed += info.placed
        report.geocoded += info.geocoded
        report.unresolved += info.unresolved
        report.add_unresolved(info.unresolved_names)
    report.stage_seconds["geocoding"] = time.perf_counter() - clock
    rows = [client.submit(_rows_of, f, pure=False) for f in enriched]
    del enriched
    if params.method is ClusterMethod.COAST:
        pieces, steps = _coast_labels(client, rows, job)
    else:
        pieces, steps = _strip_labels(client, rows, job, rows_per_strip, workers)
        report.strips = len(steps)
    del rows
    _waited(client, steps, "clustering", on_progress)
    report.stage_seconds["clustering"] = (
        time.perf_counter() - clock - sum(report.stage_seconds.values())
    )
    writes = [
        client.submit(_write_part, number, job, part_pieces, pure=False)
        for number, part_pieces in enumerate(pieces)
    ]
    for counts in _waited(client, writes, "writing", on_progress):
        report.clustered += counts["clustered"]
        report.noise += counts["noise"]
        report.clusters = max(report.clusters, counts["clusters"])
    report.stage_seconds["writing"] = (
        time.perf_counter() - clock - sum(report.stage_seconds.values())
    )
    return report


def _enrich_task(part: Any, number: int, job: _Job) -> Any:
    """Return the delayed stage-1 task of one partition."""
    import dask

    return dask.delayed(_enrich_partition, pure=False)(part, number, job)


def _info(result: _Enriched) -> _Enriched:
    """Stage 1's counts without its rows (so the rows stay on their worker)."""
    return replace(result, rows=None)


def _rows_of(result: _Enriched) -> Rows | CoastRows:
    """Stage 1's rows for the clustering."""
    assert result.rows is not None
    return result.rows


def _waited(
    client: Any,
    futures: Sequence[Any],
    stage: str,
    on_progress: Progress,
    fetch: Callable[[Any], Any] | None = None,
) -> list[Any]:
    """Wait for futures, reporting progress; return their results (or ``fetch``'s), in order."""
    from distributed import as_completed

    total = len(futures)
    on_progress(stage, 0, total)
    for done, future in enumerate(as_completed(futures), start=1):
        if future.status == "error":
            future.result()  # raises the task's error here
        on_progress(stage, done, total)
    fetched = [fetch(f) for f in futures] if fetch is not None else list(futures)
    return list(client.gather(fetched))


def _enrich_partition(part: gpd.GeoDataFrame, number: int, job: _Job) -> _Enriched:
    """Stage 1: geocode and relate a partition to the coast, write it, keep its cluster rows."""
    incidents = canonical(part, job.source)
    result = enrich_incidents(incidents)
    enriched = canonical(result.incidents, job.source)
    write_part(enriched, job.work / _ENRICHED_NAME.format(number), job.schema)
    inputs = _cluster_inputs(enriched, job.params)
    rows: Rows | CoastRows = (
        partition_coast_rows(inputs)
        if job.params.method is ClusterMethod.COAST
        else partition_rows(number, inputs)
    )
    shown = _unresolved_names([_unresolved_json(item) for item in result.unresolved])
    placed = int(placed_mask(enriched).sum())
    return _Enriched(len(enriched), placed, result.geocoded, len(result.unresolved), shown, rows)


def _coast_labels(client: Any, rows: list[Any], job: _Job) -> tuple[list[list[Any]], list[Any]]:
    """Stage 2 for ``coast``: merge the coast kilometres, number the runs.

    Returns each partition's label pieces, and the numbering to wait for.
    """
    level = [client.submit(coast_weights, r, pure=False) for r in rows]
    while len(level) > 1:
        level = [
            client.submit(merged_coast_weights, *level[at : at + _REDUCE_FAN_IN], pure=False)
            for at in range(0, len(level), _REDUCE_FAN_IN)
        ]
    table = client.submit(coast_table, level[0], job.params, pure=False)
    return [[client.submit(coast_labels_for, r, table, pure=False)] for r in rows], [table]


def _strip_labels(
    client: Any, rows: list[Any], job: _Job, rows_per_strip: int, workers: int
) -> tuple[list[list[Any]], list[Any]]:
    """Stage 2 for the spatial methods: strips, joins, numbers.

    Returns each partition's label pieces, and the strips to wait for.
    """
    summaries = client.gather([client.submit(summary, r, pure=False) for r in rows])
    if job.params.method is ClusterMethod.HDBSCAN:
        _check_hdbscan_size(sum(s.weight for s in summaries), job.params)
    plan = plan_strips(job.params, summaries, rows_per_strip, least=workers)
    shares = [client.submit(split, r, plan, pure=False) for r in rows]
    strips = [
        client.submit(
            cluster_strip,
            strip,
            plan,
            [client.submit(operator.getitem, share, strip, pure=False) for share in shares],
            pure=False,
        )
        for strip in range(plan.strips)
    ]
    numbers = client.submit(
        _numbers,
        [client.submit(_component_count, s, pure=False) for s in strips],
        [client.submit(_component_sums, s, pure=False) for s in strips],
        [_joins(client, strips, owner) for owner in range(plan.strips)],
        pure=False,
    )
    per_strip = [
        client.submit(operator.getitem, numbers, strip, pure=False) for strip in range(plan.strips)
    ]
    pieces = [
        [
            client.submit(labels_for, strips[s], per_strip[s], number, pure=False)
            for s in range(plan.strips)
        ]
        for number in range(len(rows))
    ]
    return pieces, strips


def _check_hdbscan_size(weight: float, params: ClusterParams) -> None:
    """Refuse as the single-process path does, before gathering every row into one task."""
    if weight > HDBSCAN_MAX_SAMPLES:
        raise InvalidClusterParamsError(
            f"method hdbscan handles at most {HDBSCAN_MAX_SAMPLES:,} weighted incidents, "
            f"got {int(weight):,}; use dbscan, or fewer incidents (bbox, datetime)"
        )


def _component_count(result: StripResult) -> int:
    """Return how many components a strip found."""
    return result.components


def _component_sums(result: StripResult) -> Any:
    """Return a strip's per-component sums."""
    return result.sums


def _joins(client: Any, strips: list[Any], owner: int) -> Any:
    """Submit the joins of other strips' halo core points to ``owner``'s components."""
    exported = [
        client.submit(exported_to, strips[s], owner, pure=False)
        for s in range(len(strips))
        if s != owner
    ]
    found = client.submit(links, strips[owner], exported, pure=False)
    return client.submit(_tagged, owner, found, pure=False)


def _tagged(owner: int, found: Any) -> tuple[int, Any]:
    """Pair links with the strip that owns their points."""
    return owner, found


def _numbers(components: list[int], sums: list[Any], joins: list[Any]) -> list[Any]:
    """Cluster numbers of every strip's components (run on a worker: it reads the coastline)."""
    return cluster_numbers(components, sums, joins)


def _write_part(
    number: int, job: _Job, pieces: list[tuple[np.ndarray, np.ndarray]]
) -> dict[str, int]:
    """Stage 3: set a partition's ``cluster_id`` from its label pieces and write its part.

    The part written by stage 1 is read and written back as Arrow, only
    ``cluster_id`` replaced: missing for the rows not clustered, the cluster
    number or -1 (noise) for the others.
    """
    enriched = job.work / _ENRICHED_NAME.format(number)
    table = pq.read_table(enriched)
    labels = np.zeros(table.num_rows, dtype=np.int64)
    missing = np.ones(table.num_rows, dtype=bool)
    for position, found in pieces:
        labels[position] = found
        missing[position] = False
    column = pa.array(labels, mask=missing, type=pa.int64())
    table = table.set_column(table.schema.get_field_index("cluster_id"), "cluster_id", column)
    metadata = dict(table.schema.metadata or {})
    metadata[METADATA_KEY] = json.dumps({"clustering": job.params.as_dict()}).encode()
    pq.write_table(table.replace_schema_metadata(metadata), job.work / PART_NAME.format(number))
    enriched.unlink()
    clustered = labels[~missing]
    return {
        "clustered": int((clustered >= 0).sum()),
        "noise": int((clustered == -1).sum()),
        "clusters": int(clustered.max()) + 1 if clustered.size else 0,
    }


# -- output files ---------------------------------------------------------------------------------


def _check_output(output: Path, overwrite: bool, inputs: Sequence[Path]) -> None:
    """Refuse an output that exists (unless ``overwrite``), is the input, or has no folder."""
    for input_path in inputs:
        a, b = output.resolve(), input_path.resolve()
        if a == b or a in b.parents or b in a.parents:
            raise ProcessError(f"{output}: the output must be neither the input nor around it")
    if not output.parent.is_dir():
        raise ProcessError(f"{output}: its folder {output.parent} does not exist")
    if not (output.exists() or output.is_symlink()):
        return
    if not overwrite:
        raise ProcessError(f"{output} exists; pass --overwrite to replace it")
    if output.is_dir() and any(
        not (p.is_file() and p.suffix == ".parquet") for p in output.iterdir()
    ):
        raise ProcessError(
            f"{output} is a folder holding more than .parquet files; not replacing it"
        )


def _move_into_place(built: Path, output: Path) -> None:
    """Move a finished output in place of ``output``, replacing what is there."""
    if not (output.exists() or output.is_symlink()):
        built.rename(output)
        return
    old = output.with_name(f".{output.name}.old-{uuid.uuid4().hex[:8]}")
    output.rename(old)
    built.rename(output)
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old)
    else:
        old.unlink()
