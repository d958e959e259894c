"""``launchmap feeds`` and ``launchmap watch``: feeds that keep the map current.

``feeds add``, ``feeds list`` and ``feeds remove`` manage the feeds the store
watches; ``watch`` polls them once (``--once``) or every interval, storing the
incidents of new entries as candidates. ``launchmap serve --watch`` runs the
same loop beside the server (:func:`watch_in_background`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    JsonFlag,
    NoSeedFlag,
    app,
    cell,
    emit,
    opened_store,
    print_json,
    reported_errors,
    settings_for,
    stdout,
)

if TYPE_CHECKING:
    from api.settings import Settings
    from geo.ingest.feeds import WatchReport
    from geo.store import Feed

feeds_app = typer.Typer(
    help="The RSS and Atom feeds launchmap watches for new reports.", no_args_is_help=True
)
app.add_typer(feeds_app, name="feeds")

EveryOption = Annotated[
    str, typer.Option("--every", help="How often to poll: 15m, 2h, 90s (at least a minute).")
]
_LOG = logging.getLogger("launchmap.feeds")


@feeds_app.command("add")
def feeds_add_command(
    url: Annotated[str, typer.Argument(help="The feed's http(s) address (RSS or Atom).")],
    name: Annotated[
        str | None, typer.Option("--name", help="A short name (default: the feed's host).")
    ] = None,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Watch a feed; `launchmap watch` reads its new entries."""
    from geo.ingest.feeds import add_feed

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors(), opened_store(settings) as store:
        feed = add_feed(store, url, name)
    emit(as_json, _feed_json(feed), f"Watching {feed.name}: {feed.url}")


@feeds_app.command("list")
def feeds_list_command(
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """List the feeds watched, with their last success and last error."""
    from rich.table import Table

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors(), opened_store(settings) as store:
        feeds = store.feeds()
    if as_json:
        print_json([_feed_json(feed) for feed in feeds])
        return
    if not feeds:
        stdout.print("No feeds watched yet: `launchmap feeds add URL`.", markup=False)
        return
    table = Table(title=f"{len(feeds)} feeds", title_justify="left")
    for heading in ("name", "address", "entries read", "last success", "last error"):
        table.add_column(heading, justify="right" if heading == "entries read" else "left")
    for feed in feeds:
        error = None if feed.error is None else f"{_when(feed.failed)}: {feed.error}"
        table.add_row(
            cell(feed.name), cell(feed.url), str(feed.entries), _when(feed.succeeded), cell(error)
        )
    stdout.print(table)


@feeds_app.command("remove")
def feeds_remove_command(
    name: Annotated[str, typer.Argument(help="The feed's name, as `launchmap feeds list` shows.")],
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Stop watching a feed; the incidents it gave stay, and its entries stay read."""
    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors(), opened_store(settings) as store:
        store.remove_feed(name)
    emit(as_json, {"removed": name}, f"No longer watching {name}.")


@app.command("watch")
def watch_command(
    every: EveryOption = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then stop.")] = False,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each poll's report as JSON.")
    ] = False,
) -> None:
    """Poll the feeds and store the incidents of their new entries as candidates (Ctrl-C stops)."""
    from geo.ingest.feeds import parse_interval, poll_feeds, watch

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
        every_s = parse_interval(every)
        with opened_store(settings) as store, _client(settings) as client:
            if once:
                _print_report(poll_feeds(store, client), as_json)
                return
            stop = threading.Event()
            try:
                watch(
                    store,
                    client,
                    every_s=every_s,
                    stop=stop,
                    on_report=lambda report: _print_report(report, as_json),
                )
            except KeyboardInterrupt:
                stop.set()


def watch_in_background(settings: Settings, every: str) -> threading.Event:
    """Start polling the feeds every interval in a thread; setting the event returned stops it.

    Each poll's report goes to the ``launchmap.feeds`` logger. The interval is
    checked here, so a bad one is reported before the server starts.
    """
    from geo.ingest.feeds import parse_interval

    every_s = parse_interval(every)
    stop = threading.Event()
    thread = threading.Thread(
        target=_watch_thread, args=(settings, every_s, stop), name="launchmap-watch", daemon=True
    )
    thread.start()
    return stop


def _watch_thread(settings: Settings, every_s: float, stop: threading.Event) -> None:
    """Run the feed loop until ``stop`` is set, logging each report (the thread's body)."""
    from geo.ingest.feeds import watch

    try:
        with opened_store(settings) as store, _client(settings) as client:
            watch(store, client, every_s=every_s, stop=stop, on_report=_log_report)
    except Exception:  # the server goes on without feeds; the reason is logged
        _LOG.exception("feed watching stopped")


def _client(settings: Settings) -> Any:
    """Return the polite HTTP client, as a context manager that closes it."""
    from contextlib import closing

    from geo.ingest.feeds import PoliteClient

    return closing(PoliteClient(contact=settings.feed_contact))


def _print_report(report: WatchReport, as_json: bool) -> None:
    """Print one poll's report: JSON, or a line per feed and a total."""
    if as_json:
        print_json(_report_json(report))
        return
    for line in _report_lines(report):
        stdout.print(line, markup=False, highlight=False)


def _log_report(report: WatchReport) -> None:
    """Log one poll's report, a line per feed, on the ``launchmap.feeds`` logger."""
    for line in _report_lines(report):
        _LOG.info("%s", line)


def _report_lines(report: WatchReport) -> list[str]:
    """Describe one poll: a line per feed, then the total."""
    lines = []
    for feed in report.feeds:
        if feed.status == "unchanged":
            lines.append(f"{feed.name}: unchanged")
            continue
        if feed.status == "failed":
            lines.append(f"{feed.name}: failed: {feed.error}")
            continue
        line = (
            f"{feed.name}: {feed.entries} new entries read, {len(feed.added)} incidents added, "
            f"{len(feed.corroborated)} corroborated"
        )
        if feed.error:
            line += f"; error: {feed.error}"
        lines.append(line)
        lines += [f"  note: {note}" for note in feed.notes]
    lines.append(
        f"Polled {len(report.feeds)} feeds: {report.entries} new entries, "
        f"{report.added} incidents added."
    )
    return lines


def _report_json(report: WatchReport) -> dict[str, Any]:
    """Describe one poll for JSON output."""
    return {
        "started": report.started.isoformat(),
        "entries": report.entries,
        "added": report.added,
        "feeds": [
            {
                "name": feed.name,
                "status": feed.status,
                "entries": feed.entries,
                "added": feed.added,
                "corroborated": feed.corroborated,
                "error": feed.error,
                "notes": feed.notes,
            }
            for feed in report.feeds
        ],
    }


def _feed_json(feed: Feed) -> dict[str, Any]:
    """Describe a feed for JSON output."""
    return {
        "name": feed.name,
        "url": feed.url,
        "title": feed.title,
        "added": feed.added.isoformat(),
        "entries": feed.entries,
        "last_checked": _iso(feed.checked),
        "last_success": _iso(feed.succeeded),
        "last_error": feed.error,
        "last_error_at": _iso(feed.failed),
    }


def _iso(value: dt.datetime | None) -> str | None:
    """Write a time as ISO 8601 text, or None."""
    return None if value is None else value.isoformat()


def _when(value: dt.datetime | None) -> str:
    """Show a time to the minute, in UTC, or a dash."""
    return "–" if value is None else f"{value.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
