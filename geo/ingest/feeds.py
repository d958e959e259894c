"""Feeds that keep the map current: RSS and Atom feeds polled, their new entries read.

Each poll asks every feed the store watches for what is new, with the
validators of its last answer (an unchanged feed answers 304), through a
:class:`~geo.ingest._http.PoliteClient`. Each entry not seen before has its
page fetched and its article text taken out (trafilatura); a page that is not
HTML, or has no article text, is read from the feed's own summary instead.
The extractor finds the entry's incidents, which are stored as candidates
(review status ``candidate``) with the entry's address, title and publication
date as their source. A report of an incident already stored (same type and
date, within 2 km, or the same country for country-level incidents) adds its
source to that incident instead of a second one.

The store remembers every entry it has read, in the same transaction as the
entry's incidents, so a restart reads nothing twice and a crash loses
nothing; a feed's validators are kept only once all its new entries are read,
so an entry whose page could not be fetched is asked for again. One feed
failing never stops the others: its error is kept and reported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urldefrag, urlsplit

from geo.errors import DocumentError, FeedError
from geo.ingest._http import Fetched, FetchError, PoliteClient
from geo.store import Feed, FeedEntry, FeedPoll, IncidentQuery

if TYPE_CHECKING:
    from geo.model import Incident
    from geo.store import IncidentStore

__all__ = [
    "DEFAULT_EVERY_S",
    "FeedReport",
    "PoliteClient",
    "WatchReport",
    "add_feed",
    "extracted",
    "parse_interval",
    "poll_feeds",
    "watch",
]

DEFAULT_EVERY_S = 15 * 60
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
CORROBORATION_DISTANCE_M = 2_000.0
"""Two reports of the same type and date closer than this are one incident."""
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class FeedReport:
    """How one feed's poll went: new entries read, incidents added and corroborated, errors."""

    name: str
    status: Literal["read", "unchanged", "failed"]
    entries: int = 0
    added: list[str] = field(default_factory=list)
    corroborated: list[str] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class WatchReport:
    """What one poll of every feed did."""

    started: dt.datetime
    feeds: list[FeedReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        """How many incidents the poll added, over every feed."""
        return sum(len(report.added) for report in self.feeds)

    @property
    def entries(self) -> int:
        """How many new entries the poll read, over every feed."""
        return sum(report.entries for report in self.feeds)


@dataclass(frozen=True)
class _Entry:
    """A feed entry as launchmap reads it: its key, page, title, time and summary text."""

    key: str
    url: str | None
    title: str | None
    published: dt.datetime | None
    summary: str


def parse_interval(text: str) -> float:
    """Read a polling interval: ``90s``, ``15m``, ``2h``, ``1d`` (a bare number is minutes).

    Raises
    ------
    FeedError
        For anything else, or an interval under a minute.
    """
    found = _INTERVAL.match(text)
    if found is None:
        raise FeedError(f"--every must be a duration like 15m, 2h or 90s (got {text!r})")
    seconds = float(found[1]) * _UNIT_S[(found[2] or "m").lower()]
    if seconds < 60:
        raise FeedError(f"--every must be at least a minute, to be polite to feeds (got {text!r})")
    return seconds


def add_feed(
    store: IncidentStore, url: str, name: str | None = None, now: dt.datetime | None = None
) -> Feed:
    """Watch a feed: check its address and name (by default its host's name), and keep it.

    Raises
    ------
    FeedError
        For an address that is not http(s), a name launchmap cannot use, or a
        name or address watched already.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url or len(url) > 2048:
        raise FeedError(f"a feed must be an http:// or https:// address (got {url!r})")
    if name is None:
        taken = {feed.name for feed in store.feeds()}
        base = re.sub(r"[^A-Za-z0-9._-]", "-", parts.hostname.removeprefix("www."))[:60]
        name = next(n for n in _numbered(base) if n not in taken)
    if not _NAME.match(name):
        raise FeedError(
            f"a feed name is 1 to 64 letters, digits, '.', '_' or '-', starting with a "
            f"letter or digit (got {name!r})"
        )
    return store.add_feed(name, url, now or _now())


def _numbered(base: str) -> Iterable[str]:
    """Yield ``base``, then ``base-2``, ``base-3`` … for a name not taken yet."""
    yield base
    number = 2
    while True:
        yield f"{base}-{number}"
        number += 1


def poll_feeds(store: IncidentStore, client: PoliteClient) -> WatchReport:
    """Poll every feed the store watches once, storing the incidents of their new entries.

    A feed that fails is reported, and its error kept in the store; the others
    are polled all the same.
    """
    report = WatchReport(_now())
    for feed in store.feeds():
        try:
            report.feeds.append(_poll(store, client, feed))
        except Exception as error:  # one feed's failure, whatever it is, never stops the others
            message = f"{type(error).__name__}: {error}"
            report.feeds.append(FeedReport(feed.name, "failed", error=message))
            try:
                store.record_poll(feed.name, FeedPoll(_now(), error=message))
            except Exception as unrecorded:  # the store itself failing: reported, not raised
                report.feeds[-1].notes.append(f"error not recorded: {unrecorded}")
    return report


def watch(
    store: IncidentStore,
    client: PoliteClient,
    *,
    every_s: float,
    stop: threading.Event,
    on_report: Callable[[WatchReport], None],
) -> None:
    """Poll every feed, then again every ``every_s`` seconds, until ``stop`` is set."""
    while not stop.is_set():
        on_report(poll_feeds(store, client))
        stop.wait(every_s)


def _poll(store: IncidentStore, client: PoliteClient, feed: Feed) -> FeedReport:
    """Poll one feed and read its new entries."""
    checked = _now()
    try:
        answer = client.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as error:
        store.record_poll(feed.name, FeedPoll(checked, error=str(error)))
        return FeedReport(feed.name, "failed", error=str(error))
    if answer.status == 304:
        store.record_poll(feed.name, FeedPoll(checked))
        return FeedReport(feed.name, "unchanged")
    title, entries = _parse_feed(answer)
    seen = store.seen_entries([entry.key for entry in entries])
    report = FeedReport(feed.name, "read")
    unread: list[str] = []
    for entry in [entry for entry in entries if entry.key not in seen]:
        try:
            _read_entry(store, client, feed, title, entry, report)
        except FetchError as failed:  # asked for again at the next poll
            unread.append(str(failed))
    if unread:
        report.error = f"{len(unread)} new entries not read yet: {'; '.join(unread[:3])}"
        store.record_poll(feed.name, FeedPoll(checked, error=report.error, title=title))
    else:
        validators = {"etag": answer.etag or "", "last_modified": answer.last_modified or ""}
        store.record_poll(feed.name, FeedPoll(checked, title=title, **validators))
    return report


def _parse_feed(answer: Fetched) -> tuple[str | None, list[_Entry]]:
    """Read a feed's title and entries (oldest first), each once.

    Raises
    ------
    FeedError
        When the answer is not an RSS or Atom feed.
    """
    import feedparser

    parsed = feedparser.parse(
        answer.body,
        response_headers={"content-location": answer.url, "content-type": answer.content_type},
    )
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or f"a {answer.content_type or 'untyped'} answer"
        raise FeedError(f"{answer.url}: not an RSS or Atom feed ({reason})")
    entries: dict[str, _Entry] = {}
    for item in parsed.entries:
        entry = _entry(item)
        entries.setdefault(entry.key, entry)
    oldest_first = sorted(
        entries.values(), key=lambda e: e.published or dt.datetime.max.replace(tzinfo=dt.UTC)
    )
    title = parsed.feed.get("title")
    return (str(title).strip()[:500] or None) if title else None, oldest_first


def _entry(item: Any) -> _Entry:
    """Read one feedparser entry: its key is its page's address, else its id, else its text."""
    link = item.get("link")
    url = urldefrag(str(link).strip())[0] if link else None
    if url is not None and urlsplit(url).scheme not in ("http", "https"):
        url = None
    content = item.get("content") or []
    summary = str(content[0].get("value", "")) if content else str(item.get("summary", ""))
    title = " ".join(str(item.get("title", "")).split())[:500] or None
    key = (
        url
        or item.get("id")
        or "sha256:" + hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    )
    return _Entry(str(key)[:2048], url, title, _published(item), summary)


def _published(item: Any) -> dt.datetime | None:
    """Read an entry's publication time, keeping the offset it was written with."""
    for name in ("published", "updated"):
        text = item.get(name)
        if not text:
            continue
        for parse in (parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                found = parse(str(text).replace("Z", "+00:00"))
            except (TypeError, ValueError, IndexError):
                continue
            return found if found.tzinfo else found.replace(tzinfo=dt.UTC)
        parsed = item.get(f"{name}_parsed")
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    return None


def _read_entry(
    store: IncidentStore,
    client: PoliteClient,
    feed: Feed,
    feed_title: str | None,
    entry: _Entry,
    report: FeedReport,
) -> None:
    """Read one new entry's page, extract its incidents and store them with the entry.

    Raises
    ------
    FetchError
        When the page could not be fetched now but may be later (not ``lasting``).
    """
    text, note = _entry_text(client, entry)
    published = entry.published.date() if entry.published else None
    try:
        found = extracted(text, url=entry.url, published=published)
    except DocumentError as error:
        found, note = [], f"no incidents read: {error}"
    incidents = [_candidate(incident, entry, feed_title or feed.name) for incident in found]
    new, corroborated = _corroborations(store, incidents)
    from geo.enrich import enrich_incidents
    from geo.model import incidents_to_frame

    added = store.store_entry(
        FeedEntry(
            entry.key,
            feed.name,
            _now(),
            url=entry.url,
            title=entry.title,
            published=entry.published,
            incidents=tuple([i.id or "" for i in new] + [i.id or "" for i in corroborated]),
            error=note,
        ),
        enrich_incidents(incidents_to_frame(new)).incidents,
        incidents_to_frame(corroborated),
    )
    report.entries += 1
    report.added += added.added
    report.corroborated += [incident.id or "" for incident in corroborated]
    if note:
        report.notes.append(f"{entry.url or entry.key}: {note}")


def _entry_text(client: PoliteClient, entry: _Entry) -> tuple[str, str | None]:
    """Return an entry's text to extract from (its title first), and a note if it is partial.

    The page's article text when the page is HTML; otherwise the feed's own
    summary, with a note saying why.
    """
    head = f"{entry.title}.\n\n" if entry.title else ""
    if entry.url is None:
        return head + entry.summary, None
    try:
        page = client.get(entry.url)
    except FetchError as error:
        if not error.lasting:
            raise
        return head + entry.summary, f"{error}; read the feed's summary instead"
    if page.content_type not in HTML_TYPES:
        kind = page.content_type or "of no stated type"
        return head + entry.summary, f"page is {kind}, not HTML; read the feed's summary instead"
    article = _article_text(page)
    if not article:
        return head + entry.summary, "no article text in the page; read the feed's summary instead"
    return head + article, None


def _article_text(page: Fetched) -> str | None:
    """Take the article text out of an HTML page (trafilatura), without comments or menus."""
    import trafilatura

    text = trafilatura.extract(
        page.body, url=page.url, include_comments=False, include_tables=False, fast=True
    )
    return text.strip() if text else None


def extracted(text: str, *, url: str | None, published: dt.date | None) -> list[Incident]:
    """Extract a report's incidents: the one place ingest calls the extractor.

    It goes through the extractor's public entry points, ``parse_document``
    and ``extract_document``, with the report's address and date as a header.

    Raises
    ------
    DocumentError
        When the extractor refuses the text or the address.
    """
    from geo.extract import extract_document, parse_document

    header = f"URL: {url}\n" if url else ""
    header += f"PUBLISHED: {published.isoformat() if published else 'unknown'}\n\n"
    return extract_document(parse_document(header + text, source=url or "feed entry"))


def _candidate(incident: Incident, entry: _Entry, publisher: str) -> Incident:
    """Mark an extracted incident as a candidate, its sources naming the entry."""
    from geo.model import Incident

    sources = [
        source.model_copy(update={"title": entry.title, "publisher": source.publisher or publisher})
        for source in incident.sources
    ]
    fields = incident.model_dump(exclude={"sources"})
    status = incident.review_status or "candidate"
    return Incident.model_validate({**fields, "sources": sources, "review_status": status})


def _corroborations(
    store: IncidentStore, incidents: list[Incident]
) -> tuple[list[Incident], list[Incident]]:
    """Split an entry's incidents into new ones and stored ones they corroborate.

    A stored incident corroborated gets the new report's sources and any
    count it lacked; it keeps its id and everything else.
    """
    new: list[Incident] = []
    merged: dict[str, Incident] = {}
    for incident in incidents:
        stored = _stored_match(store, incident, merged)
        if stored is None:
            new.append(incident)
        elif stored.id != incident.id:
            merged[stored.id or ""] = _with_sources_of(stored, incident)
    return new, list(merged.values())


def _stored_match(
    store: IncidentStore, incident: Incident, merged: dict[str, Incident]
) -> Incident | None:
    """Find the stored incident this one reports again, if any."""
    if incident.date is None:
        return None
    from geo.model import Incident, feature_to_record

    query = IncidentQuery(
        start=incident.date, end=incident.date, event_types=(incident.event_type.value,), limit=500
    )
    for feature in store.query(query).features():
        stored = merged.get(feature["id"]) or Incident.model_validate(feature_to_record(feature))
        if stored.id == incident.id or _same_place(stored, incident):
            return stored
    return None


def _same_place(first: Incident, second: Incident) -> bool:
    """Tell whether two incidents are at one place: points within the distance, or one country."""
    if first.lon is not None and first.lat is not None:
        if second.lon is None or second.lat is None:
            return False
        import pyproj

        distance = pyproj.Geod(ellps="WGS84").inv(first.lon, first.lat, second.lon, second.lat)[2]
        return bool(distance <= CORROBORATION_DISTANCE_M)
    country_level = first.location_precision == second.location_precision == "country"
    return second.lon is None and country_level and first.country == second.country is not None


def _with_sources_of(stored: Incident, report: Incident) -> Incident:
    """Return a stored incident with another report's new sources, and counts it lacked."""
    from geo.model import Incident

    known = {(source.url, source.quote) for source in stored.sources}
    sources = [*stored.sources, *(s for s in report.sources if (s.url, s.quote) not in known)]
    fields = stored.model_dump()
    fields["sources"] = sources[:100]
    fields["people"] = stored.people if stored.people is not None else report.people
    fields["boats"] = stored.boats if stored.boats is not None else report.boats
    return Incident.model_validate(fields)


def _now() -> dt.datetime:
    """Return the current time in UTC."""
    return dt.datetime.now(dt.UTC)
