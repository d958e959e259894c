"""``launchmap import``, ``export`` and ``mappings``: incident files into and out of the store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    print_json,
    reported_errors,
    settings_for,
    stdout,
    store_label,
    unresolved_json,
    working,
)
from geo.vocabulary import FileFormat, ReviewFilter

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.io import ReadResult


MappingOption = Annotated[
    str | None,
    typer.Option(
        "--mapping",
        help="Read another dataset's schema through a mapping: a built-in name "
        "(see `launchmap mappings`) or a .toml file.",
        show_default=False,
    ),
]
StrictFlag = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Refuse columns and properties no field takes, instead of keeping them in extra.",
    ),
]


@app.command("import")
def import_command(
    input_path: InputArgument,
    mapping: MappingOption = None,
    strict: StrictFlag = False,
    skip_invalid: SkipInvalidFlag = False,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    online: OnlineFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Load incidents from a file into the store; incidents already stored are kept as they are.

    Columns and properties that are not incident fields are kept in each
    incident's extra (--strict refuses them). With --mapping, another
    dataset's records become incidents as the mapping says.
    """
    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
        with working(f"Reading {input_path.name}"):
            result = _read(input_path, mapping, skip_invalid=skip_invalid, strict=strict)
        placed = enriched(result.incidents, online_fallback(settings, online))
        with opened_store(settings) as store, working("Storing incidents"):
            added = store.add(placed.incidents)
            total = store.count()
    report: dict[str, Any] = {"store": store_label(settings), "mapping": mapping}
    report |= {"records": result.records}
    report |= {"added": len(added.added), "existing": len(added.existing)}
    report |= {"added_ids": added.added, "total": total, "by_type": _by_type(result.incidents)}
    report |= {"left_out": result.filtered, "extra_columns": result.extra_columns}
    report |= {"geocoded": placed.geocoded, "unresolved": unresolved_json(placed)}
    left_out = "".join(
        f"; {count(number, 'record')} left out: {reason}"
        for reason, number in result.filtered.items()
    )
    kept = f"; kept in extra: {', '.join(result.extra_columns)}" if result.extra_columns else ""
    emit(
        as_json,
        report,
        f"Imported {count(len(added.added), 'new incident')} into {store_label(settings)} "
        f"({len(added.existing)} already stored, "
        f"{count(len(result.skipped), 'invalid record')} skipped{left_out}{kept}; "
        f"{count(total, 'incident')} stored in all).",
        result.skipped,
    )


def _read(path: Path, mapping: str | None, *, skip_invalid: bool, strict: bool) -> ReadResult:
    """Read a file in launchmap's schema, or through the mapping named."""
    if mapping is None:
        from geo.io import read_incidents

        return read_incidents(path, skip_invalid=skip_invalid, strict=strict)
    from geo.ingest import load_mapping, read_with_mapping

    loaded = load_mapping(mapping)
    return read_with_mapping(path, loaded, skip_invalid=skip_invalid, strict=strict)


def _by_type(incidents: gpd.GeoDataFrame) -> dict[str, int]:
    """Count the incidents read by event type."""
    counts = incidents["event_type"].value_counts()
    return {str(kind): int(number) for kind, number in counts.items()}


@app.command("mappings")
def mappings_command(as_json: JsonFlag = False) -> None:
    """List the built-in mappings, each with the dataset it reads, its source and its licence."""
    from geo.ingest import builtin_mappings

    with reported_errors():
        mappings = builtin_mappings()
    if as_json:
        print_json(
            [
                m.model_dump(mode="json", include={"name", "title", "dataset", "source", "licence"})
                | {"formats": [f.value for f in m.formats], "notes": m.notes}
                for m in mappings
            ]
        )
        return
    for mapping in mappings:
        formats = ", ".join(f.value for f in mapping.formats) or "any format"
        stdout.print(f"{mapping.name}: {mapping.title} ({formats})", markup=False, highlight=False)
        for label, text in (
            ("dataset", mapping.dataset),
            ("source", mapping.source),
            ("licence", mapping.licence),
        ):
            stdout.print(f"    {label}: {text}", markup=False, highlight=False)


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
