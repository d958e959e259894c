"""What every command shares: the app, consoles, common options, settings, errors and output.

Nothing here loads the scientific stack at import: ``launchmap --help`` and
each command's help stay quick, and a command loads what it needs when it runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from geo.errors import (
    BundledDataError,
    CorpusError,
    DocumentError,
    FeedError,
    IncidentNotFoundError,
    InvalidClusterParamsError,
    InvalidIncidentError,
    InvalidPlaceQueryError,
    InvalidQueryError,
    MappingError,
    RowProblem,
    StoreError,
    UnsupportedFormatError,
)
from geo.store import STORE_FILE, masked_address
from maps.errors import MapAssetsError, MapViewError

if TYPE_CHECKING:
    import geopandas as gpd

    from api.settings import Settings
    from geo.enrich import EnrichResult
    from geo.nominatim import NominatimFallback
    from geo.store import IncidentStore

app = typer.Typer(
    help="launchmap: map where small boats set off along the Channel coast.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # click's plain help: rich's panels double the time help takes
)
stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)

REPORTED_ERRORS = (
    CorpusError,
    DocumentError,
    FeedError,
    IncidentNotFoundError,
    InvalidClusterParamsError,
    InvalidIncidentError,
    InvalidPlaceQueryError,
    UnsupportedFormatError,
    InvalidQueryError,
    MappingError,
    StoreError,
    BundledDataError,
    MapAssetsError,
    MapViewError,
    FileNotFoundError,
    PermissionError,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
StartOption = Annotated[
    str | None, typer.Option(help="Only incidents on or after this date (YYYY-MM-DD).")
]
EndOption = Annotated[
    str | None, typer.Option(help="Only incidents on or before this date (YYYY-MM-DD).")
]
TypesOption = Annotated[
    str | None, typer.Option(help="Only these event types, comma-separated (launch,rescue).")
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Folder of the embedded store (default: $LAUNCHMAP_DATA_DIR or the user data folder).",
        file_okay=False,
    ),
]
DatabaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        help="postgresql:// address of a PostGIS store to use instead of the file "
        "(default: $LAUNCHMAP_DATABASE_URL, which keeps the password out of the process list).",
        show_default=False,
    ),
]
NoSeedFlag = Annotated[
    bool,
    typer.Option("--no-seed", help="Do not fill a new store with the bundled sample incidents."),
]
OnlineFlag = Annotated[
    bool,
    typer.Option(
        "--online",
        help="Ask OpenStreetMap's Nominatim for names the gazetteer lacks (cached, 1 request/s).",
    ),
]
SkipInvalidFlag = Annotated[
    bool,
    typer.Option("--skip-invalid", help="Use the valid records and report the invalid ones."),
]
InputArgument = Annotated[
    Path, typer.Argument(help="Incident file: .csv, .geojson/.json or .gpkg.", dir_okay=False)
]


def settings_for(
    data_dir: Path | None = None, no_seed: bool = False, database_url: str | None = None
) -> Settings:
    """Read the settings from the environment, then apply the command's flags."""
    from api.settings import Settings

    overrides: dict[str, Any] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    if no_seed:
        overrides["seed"] = False
    if database_url is not None:
        overrides["database_url"] = database_url
    return Settings(**overrides)


def store_label(settings: Settings) -> str:
    """Name the store for messages: its file, or the database (password masked)."""
    address = settings.database_address()
    if address:
        return f"the PostGIS database {masked_address(address)}"
    return str(settings.data_dir / STORE_FILE)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Print launchmap's errors as one clear message each and exit with status 1."""
    try:
        yield
    except InvalidIncidentError as error:
        for problem in error.problems:
            stderr.print(f"error: {problem}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    except REPORTED_ERRORS as error:
        stderr.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(1) from None


@contextmanager
def working(message: str) -> Iterator[None]:
    """Show a spinner with ``message`` while the block runs, on a terminal only."""
    if not stderr.is_terminal:
        yield
        return
    with stderr.status(message):
        yield


@contextmanager
def opened_store(settings: Settings) -> Iterator[IncidentStore]:
    """Open the store the settings name for the block, and close it after."""
    from geo.store import open_store

    store = open_store(
        settings.data_dir, database_url=settings.database_address(), seed=settings.seed
    )
    try:
        yield store
    finally:
        store.close()


def online_fallback(settings: Settings, online: bool) -> NominatimFallback | None:
    """Return the online geocoder when the flag or the settings ask for it."""
    if not (online or settings.online_geocoding):
        return None
    from geo.nominatim import NominatimFallback

    return NominatimFallback(settings.data_dir)


def enriched(
    incidents: gpd.GeoDataFrame, fallback: NominatimFallback | None = None
) -> EnrichResult:
    """Geocode and relate incidents to the coast, with a progress bar on a terminal."""
    from rich.progress import Progress

    from geo.enrich import enrich_incidents

    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("Geocoding place names", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        result = enrich_incidents(incidents, on_progress=advance, fallback=fallback)
    for item in result.unresolved:
        closest = f"; closest: {', '.join(item.candidates)}" if item.candidates else ""
        stderr.print(
            f"not placed: {item.place_name!r} ({item.reason}{closest})",
            markup=False,
            highlight=False,
        )
    return result


def unresolved_json(result: EnrichResult) -> list[dict[str, Any]]:
    """Describe the incidents whose place was not found, for JSON output."""
    return [
        {
            "id": u.incident_id,
            "place_name": u.place_name,
            "reason": u.reason,
            "candidates": u.candidates,
        }
        for u in result.unresolved
    ]


def count(number: int, noun: str) -> str:
    """Say ``1 incident`` or ``3 incidents``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def print_json(value: Any) -> None:
    """Print ``value`` as JSON on standard output."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def emit(
    as_json: bool, result: dict[str, Any], text: str, skipped: list[RowProblem] | None = None
) -> None:
    """Print a command's result as JSON, or as one line of text.

    Skipped records join the JSON as ``skipped``; in text mode each is listed
    on standard error before the summary.
    """
    if as_json:
        if skipped is not None:
            result["skipped"] = [_problem_json(problem) for problem in skipped]
        print_json(result)
        return
    for problem in skipped or []:
        stderr.print(f"skipped: {problem}", markup=False, highlight=False)
    stdout.print(text, markup=False, highlight=False)


def _problem_json(problem: RowProblem) -> dict[str, Any]:
    """Describe a skipped record for JSON output."""
    return {
        "source": problem.source,
        "location": problem.location,
        "field": problem.field,
        "value": problem.value
        if isinstance(problem.value, str | int | float | None)
        else repr(problem.value),
        "message": problem.message,
    }


def cell(value: Any) -> str:
    """Show a table value, a dash when it is missing."""
    import pandas as pd  # tables are printed after the data is loaded

    return "–" if value is None or pd.isna(value) else escape(str(value))
