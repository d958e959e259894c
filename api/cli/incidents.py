"""``launchmap import`` and ``launchmap export``: incident files into and out of the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    InputArgument,
    JsonFlag,
    NoSeedFlag,
    OnlineFlag,
    SkipInvalidFlag,
    app,
    count,
    emit,
    enriched,
    online_fallback,
    opened_store,
    reported_errors,
    settings_for,
    store_label,
    unresolved_json,
    working,
)
from geo.vocabulary import FileFormat, ReviewFilter


@app.command("import")
def import_command(
    input_path: InputArgument,
    skip_invalid: SkipInvalidFlag = False,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    online: OnlineFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Load incidents from a file into the store; incidents already stored are kept as they are."""
    from geo.io import read_incidents

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
        with working(f"Reading {input_path.name}"):
            result = read_incidents(input_path, skip_invalid=skip_invalid)
        placed = enriched(result.incidents, online_fallback(settings, online))
        with opened_store(settings) as store, working("Storing incidents"):
            added = store.add(placed.incidents)
            total = store.count()
    report = {"store": store_label(settings), "added": len(added.added)}
    report |= {"existing": len(added.existing), "added_ids": added.added, "total": total}
    report |= {"geocoded": placed.geocoded, "unresolved": unresolved_json(placed)}
    emit(
        as_json,
        report,
        f"Imported {count(len(added.added), 'new incident')} into {store_label(settings)} "
        f"({len(added.existing)} already stored, "
        f"{count(len(result.skipped), 'invalid record')} skipped; "
        f"{count(total, 'incident')} stored in all).",
        result.skipped,
    )


@app.command("export")
def export_command(
    file_format: Annotated[
        FileFormat, typer.Option("-f", "--format", help="File format to write.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.", dir_okay=False)],
    review_status: Annotated[
        list[ReviewFilter] | None,
        typer.Option(
            help="Write only incidents of this review status (none: never up for review, such "
            "as imports); may be repeated. Default: every incident."
        ),
    ] = None,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Write the stored incidents to a GeoJSON, CSV or GeoPackage file."""
    from geo.io import write_incidents
    from geo.store import IncidentQuery

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
        with opened_store(settings) as store:
            statuses = tuple(status.value for status in review_status or [])
            incidents = store.query(IncidentQuery(review_statuses=statuses)).incidents
        with working(f"Writing {output.name}"):
            write_incidents(incidents, output, file_format)
    emit(
        as_json,
        {"output": str(output), "format": file_format.value, "incidents": len(incidents)},
        f"Exported {count(len(incidents), 'incident')} from {store_label(settings)} "
        f"to {output} ({file_format.value}).",
    )
