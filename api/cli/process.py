"""``launchmap process``: geocode, relate to the coast and cluster a large GeoParquet file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli._clustering import (
    DEFAULTS,
    EpsKilometresOption,
    EpsMetresOption,
    GapDaysOption,
    MethodOption,
    MinClusterSizeOption,
    MinSamplesOption,
    RolesOption,
    WeightOption,
    cluster_params,
)
from api.cli._common import (
    JsonFlag,
    app,
    count,
    print_json,
    reported_errors,
    stderr,
    stdout,
)
from geo.errors import ProcessError, SchedulerError

_STAGES = {
    "geocoding": "Geocoding and relating to the coast (partitions)",
    "clustering": "Clustering (strips)",
    "writing": "Numbering clusters and writing (partitions)",
}


@app.command("process")
def process_command(
    input_path: Annotated[
        Path, typer.Argument(help="GeoParquet file of incidents, or a folder of them.")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="Folder to write: part.NNNNN.parquet GeoParquet files."
        ),
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a running dask scheduler (tcp://HOST:PORT); default: a local cluster."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes of the local cluster (default: one per core, ≤ 8).", min=1
        ),
    ] = None,
    blocksize: Annotated[
        str, typer.Option(help="Input read per partition, in whole row groups, e.g. 32MiB.")
    ] = "16MiB",  # geo.process.DEFAULT_BLOCKSIZE
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace the output if it exists.")
    ] = False,
    method: MethodOption = DEFAULTS.method,
    eps_m: EpsMetresOption = DEFAULTS.eps_m,
    min_samples: MinSamplesOption = DEFAULTS.min_samples,
    eps_km: EpsKilometresOption = DEFAULTS.eps_km,
    gap_days: GapDaysOption = DEFAULTS.gap_days,
    min_cluster_size: MinClusterSizeOption = DEFAULTS.min_cluster_size,
    weight: WeightOption = DEFAULTS.weight,
    roles: RolesOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Geocode, relate to the coast and cluster a large GeoParquet file with dask."""
    from rich.progress import Progress

    from geo.process import process_parquet

    progress = Progress(console=stderr, transient=True, disable=as_json or not stderr.is_terminal)
    tasks: dict[str, Any] = {}

    def advance(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(_STAGES.get(stage, stage), total=total)
        progress.update(tasks[stage], completed=done, total=total)

    with reported_errors(), _process_errors(), progress:
        params = cluster_params(
            method, eps_m, min_samples, eps_km, gap_days, min_cluster_size, weight, roles
        )
        report = process_parquet(
            input_path,
            output,
            params,
            scheduler=scheduler,
            workers=workers,
            blocksize=blocksize,
            overwrite=overwrite,
            on_progress=advance,
        )
    if as_json:
        print_json(report.as_dict())
        return
    for item in report.unresolved_names:
        stderr.print(
            f"not placed: {item['place_name']!r} ({item['reason']}): "
            f"{count(item['incidents'], 'incident')}",
            markup=False,
            highlight=False,
        )
    where = "a local cluster" if scheduler is None else f"the scheduler at {report.scheduler}"
    stdout.print(
        f"Processed {count(report.incidents, 'incident')} from {input_path} into {output} "
        f"({count(report.partitions, 'partition')}, {count(report.strips, 'strip')}, "
        f"{count(report.workers, 'worker')} on {where}): "
        f"{report.geocoded} geocoded, {report.unresolved} not placed, "
        f"{count(report.clusters, 'cluster')} ({report.clustered} incidents clustered, "
        f"{report.noise} noise) in {report.seconds:.1f} s.",
        markup=False,
        highlight=False,
    )


@contextmanager
def _process_errors() -> Iterator[None]:
    """Print the errors of ``process`` (bad input or output, unreachable scheduler), exit 1."""
    try:
        yield
    except (ProcessError, SchedulerError) as error:
        stderr.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(1) from None
