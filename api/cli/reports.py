"""``launchmap extract`` and ``launchmap eval``: incidents from news reports, and their score."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    JsonFlag,
    NoSeedFlag,
    app,
    cell,
    count,
    enriched,
    opened_store,
    print_json,
    reported_errors,
    settings_for,
    stderr,
    stdout,
    store_label,
    working,
)
from geo.errors import DocumentError

if TYPE_CHECKING:
    from rich.table import Table

    from geo.extract.evaluate import CorpusReport
    from geo.model import Incident

REPORT_SUFFIXES = (".txt", ".html", ".htm")


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
    from geo.extract import check_url, merge_corroborated
    from geo.model import frame_to_features, incidents_to_frame

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
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
            f"Extracted {count(len(incidents), 'incident')} from {count(len(files), 'report')}"
        )
        if import_:
            frame = enriched(frame).incidents
            with opened_store(settings) as store, working("Storing incidents"):
                added = store.add(frame)
                total = store.count()
            report |= {"stored": len(added.added), "existing": len(added.existing)}
            summary += (
                f"; stored {count(len(added.added), 'new incident')} in {store_label(settings)} "
                f"({len(added.existing)} already stored, {total} in all)"
            )
    if as_json:
        print_json(report | {"features": frame_to_features(frame)})
        return
    stdout.print(_incident_table(incidents))
    stdout.print(summary + ".", markup=False, highlight=False)


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
    from rich.progress import Progress

    from geo.extract import extract_document, parse_document
    from geo.extract.evaluate import read_text_file

    incidents: list[Incident] = []
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("Extracting incidents", total=len(files))
        for path in files:
            document = parse_document(read_text_file(path), source=str(path))
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
    from rich.table import Table

    table = Table(title=f"{count(len(incidents), 'incident')}", title_justify="left")
    for heading in ("type", "date", "place", "placed", "people", "boats", "source"):
        table.add_column(heading, justify="right" if heading in ("people", "boats") else "left")
    for incident in incidents:
        source = incident.sources[0].url if incident.sources else None
        table.add_row(
            incident.event_type.value,
            cell(incident.date),
            escape(incident.place_name or "–"),
            cell(incident.location_precision),
            cell(incident.people),
            cell(incident.boats),
            cell(source),
        )
    return table


@app.command("eval")
def eval_command(
    corpora: Annotated[
        list[Path],
        typer.Argument(
            help="Folders of NAME.txt reports, each with NAME.gold.json; scored together.",
            file_okay=False,
        ),
    ],
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="List, per document, each missed gold incident and each unmatched extracted "
            "incident with its sentence.",
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Score the extractor on corpora: precision, recall, F1 and matched-pair figures."""
    from rich.progress import Progress

    from geo.extract.evaluate import evaluate_corpora

    progress = Progress(console=stderr, transient=True, disable=not stderr.is_terminal)
    with reported_errors(), progress:
        task = progress.add_task("Scoring documents", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = evaluate_corpora(corpora, on_progress=advance)
    if as_json:
        print_json(report.as_dict(errors=errors))
        return
    stdout.print(_evaluation_table(report))
    stdout.print(_calibration_table(report))
    if errors:
        _print_errors(report)
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


def _print_errors(report: CorpusReport) -> None:
    """Print each document's missed gold incidents and unmatched extracted ones."""
    for result in report.documents:
        listed = result.errors()
        if not (listed["missed"] or listed["unmatched"] or listed["wrong"]):
            continue
        stdout.print(f"\n{result.score.name}", markup=False, highlight=False, style="bold")
        for gold in listed["missed"]:
            line = f"  missed    {_described(gold)}"
            if gold["evidence"]:
                line += f"\n            gold evidence: {gold['evidence']}"
            stdout.print(line, markup=False, highlight=False)
        for incident in listed["unmatched"]:
            line = (
                f"  unmatched {_described(incident)}\n            sentence: {incident['sentence']}"
            )
            stdout.print(line, markup=False, highlight=False)
        for pair in listed["wrong"]:
            extracted = pair["extracted"]
            line = (
                f"  wrong {' and '.join(pair['wrong'])}\n"
                f"            gold      {_described(pair['gold'])}\n"
                f"            extracted {_described(extracted)}\n"
                f"            sentence: {extracted['sentence']}"
            )
            stdout.print(line, markup=False, highlight=False)


def _described(item: dict[str, Any]) -> str:
    """Describe a gold or extracted incident on one line: type, place, date, people."""
    place = item["place"] or item["country"] or "–"
    precision = item.get("location_precision")
    where = f"{place} ({precision})" if precision else place
    return (
        f"{item['event_type']} at {where}, date {item['date'] or '–'}, "
        f"people {item['people'] if item['people'] is not None else '–'}"
    )


def _calibration_table(report: CorpusReport) -> Table:
    """Lay out how often the extracted incidents of each confidence bin were right."""
    from rich.table import Table

    from geo.extract.evaluate import calibration

    table = Table(title="Confidence calibration", title_justify="left")
    for heading in ("confidence", "extracted", "matched", "precision"):
        table.add_column(heading, justify="right")
    for row in calibration(report.documents):
        closing = "]" if row.high == 1.0 else ")"
        table.add_row(
            f"[{row.low:.1f}, {row.high:.1f}{closing}",
            str(row.extracted),
            str(row.matched),
            _share(row.precision),
        )
    return table


def _share(value: float | None) -> str:
    """Show a share or ratio with three decimals, a dash when there is nothing to measure."""
    return "–" if value is None else f"{value:.3f}"


def _evaluation_table(report: CorpusReport) -> Table:
    """Lay out the per-document and corpus figures of an evaluation."""
    from rich.table import Table

    from geo.extract.evaluate import Figures

    title = f"Extraction scored on {', '.join(report.corpora)}"
    table = Table(title=title, title_justify="left")
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

    for result in report.documents:
        table.add_row(*row(result.score.name, result.figures))
    table.add_section()
    table.add_row(*row("all documents", report.overall))
    return table
