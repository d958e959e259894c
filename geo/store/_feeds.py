"""Feed state as both stores hold it: the rows of the feeds and seen-entries tables.

Both stores keep the same columns in the same order; times are ISO 8601 text
in the GeoPackage file and ``timestamptz`` in PostGIS, and read back as
timezone-aware datetimes either way.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from geo.store.interface import Feed, FeedEntry, FeedPoll

FEED_COLUMNS = (
    "name",
    "url",
    "added",
    "title",
    "etag",
    "last_modified",
    "checked",
    "succeeded",
    "failed",
    "error",
)
"""The feeds table's columns, in order; a feed row read back adds its count of entries seen."""
ENTRY_COLUMNS = ("key", "feed", "fetched", "url", "title", "published", "incidents", "error")
"""The seen-entries table's columns, in order."""
MAX_ERROR_CHARS = 2_000


def feed_from_row(row: tuple[Any, ...]) -> Feed:
    """Turn a feeds row (FEED_COLUMNS, then the count of entries) into a Feed."""
    values = dict(zip(FEED_COLUMNS, row[: len(FEED_COLUMNS)], strict=True))
    for name in ("added", "checked", "succeeded", "failed"):
        values[name] = as_time(values[name])
    return Feed(**values, entries=int(row[len(FEED_COLUMNS)]))


def entry_parameters(entry: FeedEntry) -> dict[str, Any]:
    """Turn a seen entry into insert parameters: times as ISO text, incident ids as JSON."""
    return {
        "key": entry.key,
        "feed": entry.feed,
        "fetched": entry.fetched.isoformat(),
        "url": entry.url,
        "title": entry.title,
        "published": None if entry.published is None else entry.published.isoformat(),
        "incidents": json.dumps(list(entry.incidents)),
        "error": None if entry.error is None else entry.error[:MAX_ERROR_CHARS],
    }


def poll_parameters(name: str, poll: FeedPoll) -> dict[str, Any]:
    """Turn a poll into the parameters of the statement that records it (times as ISO text)."""
    return {
        "name": name,
        "checked": poll.checked.isoformat(),
        "error": None if poll.error is None else poll.error[:MAX_ERROR_CHARS],
        "title": poll.title,
        "etag": poll.etag,
        "last_modified": poll.last_modified,
    }


def as_time(value: object) -> dt.datetime | None:
    """Read a stored time: a datetime (PostGIS) or ISO 8601 text (GeoPackage), or None."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def taken_message(taken: str, name: str, url: str) -> str:
    """Say that a feed's name or address is already watched, and under which name."""
    if taken == name:
        return f"a feed named {name!r} is watched already; choose another --name"
    return f"{url} is watched already, as the feed {taken!r}"


def unknown_feed_message(name: str, feeds: list[Feed]) -> str:
    """Say that no feed has this name, listing the names there are."""
    names = ", ".join(feed.name for feed in feeds) or "none yet"
    return f"no feed named {name!r} (feeds: {names})"
