"""The ``launchmap`` command line: map, import, export and serve incidents.

Every command that prints a result has ``--json``. Errors are printed to
standard error, naming the bad value (and the file and line), with exit code 1.
Long work shows a spinner on a terminal and stays quiet when piped.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import geopandas as gpd
import pandas as pd
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from api.hotspots import parse_roles
from api.settings import Settings
from geo.cluster import (
    ClusterMethod,
    ClusterParams,
    cluster_incidents,
    hotspot_features,
    hotspots,
)
from geo.enrich import EnrichResult, enrich_incidents
from geo.errors import (
    BundledDataError,
    CorpusError,
    DocumentError,
    InvalidClusterParamsError,
    InvalidIncidentError,
    InvalidPlaceQueryError,
    InvalidQueryError,
    RowProblem,
    StoreError,
    UnsupportedFormatError,
)
from geo.evaluate import CorpusReport, Figures, evaluate_corpus, read_text_file
from geo.extract import check_url, extract_document, merge_corroborated
from geo.extract import parse_document as parse_report
from geo.geocode import GeocodeResult, geocode_many
from geo.io import FileFormat, read_incidents, write_incidents
from geo.model import Incident, frame_to_features, incidents_to_frame, placed_mask
from geo.nominatim import NominatimFallback
from geo.store import (
    STORE_FILE,
    DatabaseInit,
    IncidentQuery,
    IncidentStore,
    init_database,
    masked_address,
    open_store,
)
from maps.assets import AssetMode
from maps.chart import chart_points
from maps.errors import MapAssetsError, MapViewError
from maps.incident_map import MapOptions, render_map_html
from maps.static import (
    ImageOptions,
    image_options,
    render_chart_png,
    render_map_png,
)
from maps.view import parse_view

app = typer.Typer(
    help="launchmap: map where small boats set off along the Channel coast.",
    no_args_is_help=True,
    add_completion=False,
)
stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)

REPORTED_ERRORS = (
    CorpusError,
    DocumentError,
    InvalidClusterParamsError,
    InvalidIncidentError,
    InvalidPlaceQueryError,
    UnsupportedFormatError,
    InvalidQueryError,
    StoreError,
    BundledDataError,
    MapAssetsError,
    MapViewError,
    FileNotFoundError,
    PermissionError,
)

DEFAULT_CLUSTERING = ClusterParams()
MethodOption = Annotated[ClusterMethod, typer.Option(help="Clustering method.")]
EpsMetresOption = Annotated[
    float, typer.Option(help="dbscan, space-time: neighbour distance in metres.")
]
MinSamplesOption = Annotated[int, typer.Option(help="Incidents (or weight) that make a cluster.")]
EpsKilometresOption = Annotated[
    float, typer.Option(help="coast: largest gap along the coast in km.")
]
GapDaysOption = Annotated[float, typer.Option(help="space-time: largest gap in days.")]
MinClusterSizeOption = Annotated[int, typer.Option(help="hdbscan: smallest cluster.")]
WeightOption = Annotated[
    str, typer.Option(help="Count each incident once (none) or by its people or boats.")
]
RolesOption = Annotated[
    str | None,
    typer.Option(
        help="Location roles clustered, comma-separated, or 'all' (default: departure,pickup)."
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
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


def main() -> None:
    """Run the command line (the ``launchmap`` console script)."""
    app()


def _settings(data_dir: Path | None, no_seed: bool, database_url: str | None = None) -> Settings:
    """Read the settings from the environment, then apply the command's flags."""
    overrides: dict[str, Any] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    if no_seed:
        overrides["seed"] = False
    if database_url is not None:
        overrides["database_url"] = database_url
    return Settings(**overrides)


def _store_label(settings: Settings) -> str:
    """Name the store for messages: its file, or the database (password masked)."""
    address = settings.database_address()
    if address:
        return f"the PostGIS database {masked_address(address)}"
    return str(settings.data_dir / STORE_FILE)


@contextmanager
def _reported_errors() -> Iterator[None]:
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
def _working(message: str) -> Iterator[None]:
    """Show a spinner with ``message`` while the block runs, on a terminal only."""
    if not stderr.is_terminal:
        yield
        return
    with stderr.status(message):
        yield


def _fallback(settings: Settings, online: bool) -> NominatimFallback | None:
    """Return the online geocoder when the flag or the settings ask for it."""
    if not (online or settings.online_geocoding):
        return None
    return NominatimFallback(settings.data_dir)


def _enriched(
    incidents: gpd.GeoDataFrame, fallback: NominatimFallback | None = None
) -> EnrichResult:
    """Geocode and relate incidents to the coast, with a progress bar on a terminal."""
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


def _unresolved_json(result: EnrichResult) -> list[dict[str, Any]]:
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


def _count(number: int, noun: str) -> str:
    """Say ``1 incident`` or ``3 incidents``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _print_json(value: Any) -> None:
    """Print ``value`` as JSON on standard output."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _emit(
    as_json: bool, result: dict[str, Any], text: str, skipped: list[RowProblem] | None = None
) -> None:
    """Print a command's result as JSON, or as one line of text.

    Skipped records join the JSON as ``skipped``; in text mode each is listed
    on standard error before the summary.
    """
    if as_json:
        if skipped is not None:
            result["skipped"] = [_problem_json(problem) for problem in skipped]
        _print_json(result)
        return
    for problem in skipped or []:
        stderr.print(f"skipped: {problem}", markup=False, highlight=False)
    stdout.print(text, markup=False, highlight=False)


@contextmanager
def _opened_store(settings: Settings) -> Iterator[IncidentStore]:
    """Open the store the settings name for the block, and close it after."""
    store = open_store(
        settings.data_dir, database_url=settings.database_address(), seed=settings.seed
    )
    try:
        yield store
    finally:
        store.close()


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


def _image_renderer(
    output: Path, png: bool, chart: bool, sized: bool
) -> Callable[[gpd.GeoDataFrame, ImageOptions], bytes] | None:
    """Return the PNG renderer ``--png`` or ``--chart`` asks for (None for the HTML map).

    The output's name must agree: ``.png`` for an image, anything else for HTML.
    """
    if png and chart:
        raise UnsupportedFormatError("--png and --chart each write one image: give one of them")
    is_png_name = output.suffix.lower() == ".png"
    if (png or chart) and not is_png_name:
        raise UnsupportedFormatError(
            f"--png and --chart write a PNG image: the output must end in .png, got {str(output)!r}"
        )
    if not (png or chart):
        if is_png_name:
            raise UnsupportedFormatError(
                f"output {str(output)!r} is a PNG: add --png for the static map or --chart for "
                "the chart (the interactive map is an .html file)"
            )
        if sized:
            raise UnsupportedFormatError("--width, --height and --card size --png and --chart")
        return None
    return render_chart_png if chart else render_map_png


@app.command("map")
def map_command(
    input_path: InputArgument,
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="HTML file (.png with --png or --chart).", dir_okay=False
        ),
    ],
    title: Annotated[str, typer.Option(help="Title of the map page.")] = MapOptions.title,
    assets: Annotated[
        AssetMode,
        typer.Option(help="inline: one self-contained file; cdn: load Leaflet from unpkg.com."),
    ] = AssetMode.INLINE,
    png: Annotated[
        bool, typer.Option("--png", help="Write a static PNG map (drawn offline) instead.")
    ] = False,
    chart: Annotated[
        bool,
        typer.Option("--chart", help="Write a PNG chart of coast kilometre against date instead."),
    ] = False,
    width: Annotated[
        int | None, typer.Option(help="PNG width in pixels, 200 to 3000 (default 1200).")
    ] = None,
    height: Annotated[
        int | None, typer.Option(help="PNG height in pixels, 200 to 3000 (default 800).")
    ] = None,
    card: Annotated[bool, typer.Option("--card", help="PNG of the 1200x630 social card.")] = False,
    start: Annotated[
        str | None, typer.Option(help="Only incidents on or after this date (YYYY-MM-DD).")
    ] = None,
    end: Annotated[
        str | None, typer.Option(help="Only incidents on or before this date (YYYY-MM-DD).")
    ] = None,
    types: Annotated[
        str | None, typer.Option(help="Only these event types, comma-separated (launch,rescue).")
    ] = None,
    skip_invalid: SkipInvalidFlag = False,
    online: OnlineFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Write a standalone map (HTML or PNG) of the incidents in a CSV, GeoJSON or GeoPackage file.

    With --png, the static map; with --chart, the chart of coast kilometre against
    date. --start, --end and --types keep only some incidents.
    """
    with _reported_errors():
        view = parse_view(start=start, end=end, types=types)
        sized = card or width is not None or height is not None
        render = _image_renderer(output, png, chart, sized)
        # The PNGs have titles of their own unless one is given.
        image_title = None if title == MapOptions.title else title
        options = image_options(view, width=width, height=height, card=card, title=image_title)
        if render is None and assets is AssetMode.LOCAL:
            raise UnsupportedFormatError(
                "--assets local needs the launchmap server; use inline or cdn for a file"
            )
        with _working(f"Reading {input_path.name}"):
            result = read_incidents(input_path, skip_invalid=skip_invalid)
        enriched = _enriched(result.incidents, _fallback(_settings(None, False), online))
        incidents = view.select(enriched.incidents)
        if render is None:
            page = render_map_html(incidents, MapOptions(title=title, assets=assets))
            output.write_text(page, encoding="utf-8")
        else:
            output.write_bytes(render(enriched.incidents, options))
    placed = int(placed_mask(incidents).sum())
    if chart:
        placed = int(chart_points(incidents).drawn.sum())
    _emit(
        as_json,
        {
            "output": str(output),
            "incidents": len(incidents),
            "drawn": placed,
            "geocoded": enriched.geocoded,
            "unresolved": _unresolved_json(enriched),
        },
        f"Wrote {output}: {_count(len(incidents), 'incident')}, {placed} drawn on the "
        + (
            f"chart, {len(incidents) - placed} without a date or not on the French coast."
            if chart
            else f"map, {len(incidents) - placed} placed only at country level."
        ),
        result.skipped,
    )


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
    settings = _settings(data_dir, no_seed, database_url)
    with _reported_errors():
        with _working(f"Reading {input_path.name}"):
            result = read_incidents(input_path, skip_invalid=skip_invalid)
        enriched = _enriched(result.incidents, _fallback(settings, online))
        with _opened_store(settings) as store, _working("Storing incidents"):
            added = store.add(enriched.incidents)
            total = store.count()
    report = {"store": _store_label(settings), "added": len(added.added)}
    report |= {"existing": len(added.existing), "added_ids": added.added, "total": total}
    report |= {"geocoded": enriched.geocoded, "unresolved": _unresolved_json(enriched)}
    _emit(
        as_json,
        report,
        f"Imported {_count(len(added.added), 'new incident')} into {_store_label(settings)} "
        f"({len(added.existing)} already stored, "
        f"{_count(len(result.skipped), 'invalid record')} skipped; "
        f"{_count(total, 'incident')} stored in all).",
        result.skipped,
    )


@app.command("export")
def export_command(
    file_format: Annotated[
        FileFormat, typer.Option("-f", "--format", help="File format to write.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.", dir_okay=False)],
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Write every stored incident to a GeoJSON, CSV or GeoPackage file."""
    settings = _settings(data_dir, no_seed, database_url)
    with _reported_errors():
        with _opened_store(settings) as store:
            incidents = store.query(IncidentQuery()).incidents
        with _working(f"Writing {output.name}"):
            write_incidents(incidents, output, file_format)
    _emit(
        as_json,
        {"output": str(output), "format": file_format.value, "incidents": len(incidents)},
        f"Exported {_count(len(incidents), 'incident')} from {_store_label(settings)} "
        f"to {output} ({file_format.value}).",
    )


@app.command("geocode")
def geocode_command(
    queries: Annotated[
        list[str], typer.Argument(help='Place names or phrases, e.g. "off Wimereux".')
    ],
    context: Annotated[
        str | None, typer.Option(help="Text around the name, to choose between homonyms.")
    ] = None,
    online: OnlineFlag = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print GeoJSON: a Feature, or a FeatureCollection.")
    ] = False,
) -> None:
    """Geocode place names offline with the bundled gazetteer (exit 1 if one is not found)."""
    with _reported_errors():
        fallback = _fallback(_settings(None, False), online)
        results = geocode_many(queries, context=context, fallback=fallback)
    if as_json:
        features = [result.feature() for result in results]
        _print_json(
            features[0]
            if len(features) == 1
            else {"type": "FeatureCollection", "features": features}
        )
    else:
        for result in results:
            stdout.print(_describe(result), markup=False, highlight=False)
    if not all(result.found for result in results):
        raise typer.Exit(1)


def _describe(result: GeocodeResult) -> str:
    """Say in one line what a query resolved to."""
    if not result.found:
        closest = ", ".join(f"{c.name} ({c.country or '-'})" for c in result.candidates)
        return f"{result.query}: not found ({result.reason})" + (
            f"; closest: {closest}" if closest else ""
        )
    where = (
        f"lat {result.lat:.5f}, lon {result.lon:.5f}"
        if result.lon is not None and result.lat is not None
        else "no point"
    )
    radius = f" ± {result.uncertainty_m:,.0f} m" if result.uncertainty_m else ""
    return (
        f"{result.query}: {where} ({result.location_precision}{radius}), {result.phrase} of "
        f"{result.name} [{result.place_id}], score {result.score:g}"
    )


@app.command("hotspots")
def hotspots_command(
    method: MethodOption = DEFAULT_CLUSTERING.method,
    eps_m: EpsMetresOption = DEFAULT_CLUSTERING.eps_m,
    min_samples: MinSamplesOption = DEFAULT_CLUSTERING.min_samples,
    eps_km: EpsKilometresOption = DEFAULT_CLUSTERING.eps_km,
    gap_days: GapDaysOption = DEFAULT_CLUSTERING.gap_days,
    min_cluster_size: MinClusterSizeOption = DEFAULT_CLUSTERING.min_cluster_size,
    weight: WeightOption = DEFAULT_CLUSTERING.weight,
    roles: RolesOption = None,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the hotspots as a GeoJSON FeatureCollection.")
    ] = False,
) -> None:
    """Find launch hotspots among the stored incidents, listed along the coast from Belgium."""
    settings = _settings(data_dir, no_seed, database_url)
    with _reported_errors():
        params = ClusterParams(
            method=method,
            eps_m=eps_m,
            min_samples=min_samples,
            eps_km=eps_km,
            gap_days=gap_days,
            min_cluster_size=min_cluster_size,
            weight=weight,
            roles=parse_roles(roles),
        )
        with _opened_store(settings) as store:
            incidents = store.query(IncidentQuery()).incidents
        found = hotspots(cluster_incidents(incidents, params))
    if as_json:
        collection = {"type": "FeatureCollection", "features": hotspot_features(found)}
        _print_json(collection | {"clustering": params.as_dict()})
        return
    stdout.print(_hotspot_table(found, params))


def _hotspot_table(found: gpd.GeoDataFrame, params: ClusterParams) -> Table:
    """Lay hotspots out as a table, the clustering named in its title."""
    settings = ", ".join(f"{key}={value}" for key, value in params.as_dict().items())
    table = Table(title=f"{len(found)} hotspots ({settings})", title_justify="left")
    for heading in ("id", "label", "incidents", "people", "boats", "first", "last", "coast km"):
        table.add_column(
            heading, justify="right" if heading in ("incidents", "people", "boats") else "left"
        )
    for row in found.itertuples():
        table.add_row(
            escape(str(row.id)),
            escape(str(row.label)),
            str(row.incidents),
            _cell(row.people),
            _cell(row.boats),
            _cell(row.first_date),
            _cell(row.last_date),
            f"{row.coast_km_from:.1f} – {row.coast_km_to:.1f}",
        )
    return table


def _cell(value: Any) -> str:
    """Show a table value, a dash when it is missing."""
    return "–" if value is None or pd.isna(value) else escape(str(value))


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
) -> None:
    """Run the API and map server (http://HOST:PORT/map)."""
    import uvicorn

    from api.app import create_app

    settings = _settings(data_dir, no_seed, database_url)
    with _reported_errors(), _opened_store(settings):
        pass  # a store that cannot be opened is reported before the server starts
    stderr.print(
        f"launchmap: map at http://{host}:{port}/map, incidents at "
        f"http://{host}:{port}/collections/incidents/items (store: {_store_label(settings)})",
        markup=False,
        highlight=False,
    )
    _log_requests()
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False)


def _log_requests() -> None:
    """Print launchmap's access log (one line a request, with its duration) on stderr.

    It stands in for uvicorn's own access log, which lacks the duration.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger = logging.getLogger("launchmap")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


# -- the PostGIS store's schema (db init) -------------------------------------------------

db_app = typer.Typer(help="The PostGIS store: create or migrate its schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _init_summary(done: DatabaseInit) -> str:
    """Say in one line what ``db init`` did."""
    if done.version_before == 0:
        seeded = f"seeded with {_count(done.seeded, 'sample incident')}" if done.seeded else "empty"
        return f"Created the launchmap schema (version {done.version}) in {done.address}, {seeded}."
    stored = f"{_count(done.incidents, 'incident')} stored"
    if done.version_before < done.version:
        return (
            f"Migrated the launchmap schema in {done.address} from version "
            f"{done.version_before} to {done.version}; {stored}."
        )
    return (
        f"The launchmap schema in {done.address} is up to date (version {done.version}); {stored}."
    )


@db_app.command("init")
def db_init_command(
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Create launchmap's schema in a PostGIS database, or migrate it; again changes nothing."""
    settings = _settings(None, no_seed, database_url)
    with _reported_errors():
        address = settings.database_address()
        if not address:
            raise StoreError(
                "no database to initialise: give --database-url or set LAUNCHMAP_DATABASE_URL "
                "(postgresql://USER:PASSWORD@HOST:PORT/DATABASE)"
            )
        with _working("Creating or migrating the launchmap schema"):
            done = init_database(address, seed=settings.seed)
    report = {"database": done.address, "version_before": done.version_before}
    report |= {"version": done.version, "seeded": done.seeded, "incidents": done.incidents}
    _emit(as_json, report, _init_summary(done))


# -- incidents from reports (extract) and the extractor's score (eval) ------------------

REPORT_SUFFIXES = (".txt", ".html", ".htm")


def _report_files(source: Path) -> list[Path]:
    """Return the report files of a file or folder (.txt, .html, .htm), by name.

    Raises
    ------
    FileNotFoundError
        When the path does not exist.
    DocumentError
        When a folder holds no report file.
    """
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise FileNotFoundError(f"no such file or folder: {source}")
    files = sorted(p for p in source.iterdir() if p.is_file() and p.suffix in REPORT_SUFFIXES)
    if not files:
        raise DocumentError(f"{source}: no report files ({', '.join(REPORT_SUFFIXES)}) in it")
    return files


def _published_option(value: str | None) -> dt.date | None:
    """Read the --published option: a YYYY-MM-DD date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DocumentError(f"--published must be a YYYY-MM-DD date (got {value!r})") from None


def _extracted(files: list[Path], published: dt.date | None, url: str | None) -> list[Incident]:
    """Extract the incidents of every file, with a progress bar on a terminal.

    The options, given for a single file, win over its URL:/PUBLISHED: header lines.
    """
    incidents: list[Incident] = []
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("Extracting incidents", total=len(files))
        for path in files:
            document = parse_report(read_text_file(path), source=str(path))
            document = replace(
                document,
                url=url if url is not None else document.url,
                published=published if published is not None else document.published,
            )
            incidents.extend(extract_document(document))
            progress.advance(task)
    return incidents


def _incident_table(incidents: list[Incident]) -> Table:
    """Lay extracted incidents out as a table, one row each."""
    table = Table(title=f"{_count(len(incidents), 'incident')}", title_justify="left")
    for heading in ("type", "date", "place", "placed", "people", "boats", "source"):
        table.add_column(heading, justify="right" if heading in ("people", "boats") else "left")
    for incident in incidents:
        source = incident.sources[0].url if incident.sources else None
        table.add_row(
            incident.event_type.value,
            _cell(incident.date),
            escape(incident.place_name or "–"),
            _cell(incident.location_precision),
            _cell(incident.people),
            _cell(incident.boats),
            _cell(source),
        )
    return table


@app.command("extract")
def extract_command(
    source: Annotated[Path, typer.Argument(help="A report (.txt, .html) or a folder of reports.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD of a single report (else its header)."),
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Address of a single report (else its URL: header).")
    ] = None,
    import_: Annotated[
        bool,
        typer.Option("--import", help="Store the incidents, geocoded and related to the coast."),
    ] = False,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the incidents as a GeoJSON FeatureCollection.")
    ] = False,
) -> None:
    """Extract candidate incidents from news articles or notices; reports agreeing are merged."""
    settings = _settings(data_dir, no_seed, database_url)
    with _reported_errors():
        files = _report_files(source)
        if source.is_dir() and (published is not None or url is not None):
            raise DocumentError(
                f"--published and --url give one report's date and address; {source} is a folder"
            )
        incidents = merge_corroborated(
            _extracted(files, _published_option(published), check_url(url, "--url"))
        )
        frame = incidents_to_frame(incidents)
        report: dict[str, Any] = {"type": "FeatureCollection"}
        summary = (
            f"Extracted {_count(len(incidents), 'incident')} from {_count(len(files), 'report')}"
        )
        if import_:
            frame = _enriched(frame).incidents
            with _opened_store(settings) as store, _working("Storing incidents"):
                added = store.add(frame)
                total = store.count()
            report |= {"stored": len(added.added), "existing": len(added.existing)}
            summary += (
                f"; stored {_count(len(added.added), 'new incident')} in {_store_label(settings)} "
                f"({len(added.existing)} already stored, {total} in all)"
            )
    if as_json:
        _print_json(report | {"features": frame_to_features(frame)})
        return
    stdout.print(_incident_table(incidents))
    stdout.print(summary + ".", markup=False, highlight=False)


def _share(value: float | None) -> str:
    """Show a share or ratio with three decimals, a dash when there is nothing to measure."""
    return "–" if value is None else f"{value:.3f}"


def _evaluation_table(report: CorpusReport) -> Table:
    """Lay out the per-document and corpus figures of an evaluation."""
    table = Table(title=f"Extraction scored on {report.corpus}", title_justify="left")
    headings = ("document", "gold", "extracted", "matched", "precision", "recall", "F1")
    for heading in (*headings, "median km", "date", "people"):
        table.add_column(heading, justify="left" if heading == "document" else "right")

    def row(name: str, figures: Figures) -> list[str]:
        km = "–" if figures.median_error_km is None else f"{figures.median_error_km:.2f}"
        counts = [str(figures.gold), str(figures.extracted), str(figures.matched)]
        shares = [_share(figures.precision), _share(figures.recall), _share(figures.f1)]
        return [
            escape(name),
            *counts,
            *shares,
            km,
            _share(figures.date_share),
            _share(figures.people_share),
        ]

    for score, figures in report.documents:
        table.add_row(*row(score.name, figures))
    table.add_section()
    table.add_row(*row("all documents", report.overall))
    return table


@app.command("eval")
def eval_command(
    corpus: Annotated[
        Path,
        typer.Argument(
            help="Folder of NAME.txt reports, each with NAME.gold.json.", file_okay=False
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Score the extractor on a corpus: precision, recall, F1 and matched-pair figures."""
    progress = Progress(console=stderr, transient=True, disable=not stderr.is_terminal)
    with _reported_errors(), _reported_errors(), progress:
        task = progress.add_task("Scoring documents", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = evaluate_corpus(corpus, on_progress=advance)
    if as_json:
        _print_json(report.as_dict())
        return
    stdout.print(_evaluation_table(report))
    overall = report.overall
    km = "–" if overall.median_error_km is None else f"{overall.median_error_km:.2f} km"
    stdout.print(
        f"precision {_share(overall.precision)}, recall {_share(overall.recall)}, "
        f"F1 {_share(overall.f1)} ({overall.matched} matched of {overall.gold} gold, "
        f"{overall.extracted} extracted); matched pairs: median location error {km}, "
        f"right date {_share(overall.date_share)}, right people {_share(overall.people_share)}",
        markup=False,
        highlight=False,
    )


# -- large files with dask (process) ----------------------------------------------------


@contextmanager
def _process_errors() -> Iterator[None]:
    """Print the errors of ``process`` (bad input or output, unreachable scheduler), exit 1."""
    from geo.errors import ProcessError, SchedulerError

    try:
        yield
    except (ProcessError, SchedulerError) as error:
        stderr.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(1) from None


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
    method: MethodOption = DEFAULT_CLUSTERING.method,
    eps_m: EpsMetresOption = DEFAULT_CLUSTERING.eps_m,
    min_samples: MinSamplesOption = DEFAULT_CLUSTERING.min_samples,
    eps_km: EpsKilometresOption = DEFAULT_CLUSTERING.eps_km,
    gap_days: GapDaysOption = DEFAULT_CLUSTERING.gap_days,
    min_cluster_size: MinClusterSizeOption = DEFAULT_CLUSTERING.min_cluster_size,
    weight: WeightOption = DEFAULT_CLUSTERING.weight,
    roles: RolesOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Geocode, relate to the coast and cluster a large GeoParquet file with dask."""
    from geo.process import process_parquet

    progress = Progress(console=stderr, transient=True, disable=as_json or not stderr.is_terminal)
    tasks: dict[str, Any] = {}

    def advance(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(_STAGES.get(stage, stage), total=total)
        progress.update(tasks[stage], completed=done, total=total)

    with _reported_errors(), _process_errors(), progress:
        params = ClusterParams(
            method=method,
            eps_m=eps_m,
            min_samples=min_samples,
            eps_km=eps_km,
            gap_days=gap_days,
            min_cluster_size=min_cluster_size,
            weight=weight,
            roles=parse_roles(roles),
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
        _print_json(report.as_dict())
        return
    for item in report.unresolved_names:
        stderr.print(
            f"not placed: {item['place_name']!r} ({item['reason']}): "
            f"{_count(item['incidents'], 'incident')}",
            markup=False,
            highlight=False,
        )
    where = "a local cluster" if scheduler is None else f"the scheduler at {report.scheduler}"
    stdout.print(
        f"Processed {_count(report.incidents, 'incident')} from {input_path} into {output} "
        f"({_count(report.partitions, 'partition')}, {_count(report.strips, 'strip')}, "
        f"{_count(report.workers, 'worker')} on {where}): "
        f"{report.geocoded} geocoded, {report.unresolved} not placed, "
        f"{_count(report.clusters, 'cluster')} ({report.clustered} incidents clustered, "
        f"{report.noise} noise) in {report.seconds:.1f} s.",
        markup=False,
        highlight=False,
    )
