"""Parsing of query parameters: OGC API – Features ``bbox`` and ``datetime``, and map views.

Each parser names the parameter and the value it could not read, so the client
gets a 400 answer that says what to fix.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Query, Request

from geo.errors import InvalidQueryError
from geo.store import BBox, check_bbox
from maps.messages import choose_language
from maps.view import MapView, parse_caption, parse_view

OPEN_END = ("", "..")


def parse_bbox(text: str | None) -> BBox | None:
    """Parse ``minLon,minLat,maxLon,maxLat`` (or six numbers with heights) into a bbox.

    Every collection's ``bbox`` goes through here, and so through the one
    range check of :func:`geo.store.check_bbox`: a reversed or out-of-range
    box is a 400 wherever it is sent.
    """
    if text is None:
        return None
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) not in (4, 6) or not all(math.isfinite(n) for n in numbers):
        raise InvalidQueryError(
            f"bbox: expected 4 (or 6) comma-separated numbers minLon,minLat,maxLon,maxLat, "
            f"got {text!r}"
        )
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    bbox = (numbers[0], numbers[1], numbers[2], numbers[3])
    check_bbox(bbox)
    return bbox


def parse_datetime(text: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Parse an RFC 3339 instant or interval (``a/b``, ``../b``, ``a/..``) into dates.

    Incidents are dated to the day, so times are cut to their UTC date.
    """
    if text is None:
        return None, None
    if "/" not in text:
        day = _parse_instant(text, text)
        return day, day
    start_text, _, end_text = text.partition("/")
    if start_text in OPEN_END and end_text in OPEN_END:
        raise InvalidQueryError(f"datetime: an interval needs at least one end, got {text!r}")
    start = None if start_text in OPEN_END else _parse_instant(start_text, text)
    end = None if end_text in OPEN_END else _parse_instant(end_text, text)
    if start and end and start > end:
        raise InvalidQueryError(f"datetime: the interval starts after it ends: {text!r}")
    return start, end


def _parse_instant(text: str, whole: str) -> dt.date:
    """Parse one RFC 3339 date or date-time, naming the whole parameter value on failure."""
    try:
        if "T" in text.upper():
            moment = dt.datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                moment = moment.astimezone(dt.UTC)
            return moment.date()
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidQueryError(
            f"datetime: expected an RFC 3339 date, date-time or interval "
            f"(e.g. 2025-06-17 or 2025-06-01/2025-06-30), got {whole!r}"
        ) from None


class OutputFormat(StrEnum):
    """The representations of an items page (the ``f`` parameter)."""

    JSON = "json"
    HTML = "html"
    CSV = "csv"


def parse_list(text: str | None, name: str, allowed: type[StrEnum]) -> tuple[str, ...]:
    """Parse a comma-separated list of enum values, naming any value that is not one."""
    if text is None:
        return ()
    values = tuple(value.strip() for value in text.split(",") if value.strip())
    known = {member.value for member in allowed}
    unknown = [value for value in values if value not in known]
    if unknown:
        raise InvalidQueryError(f"{name}: {unknown[0]!r} is not one of {', '.join(sorted(known))}")
    return values


def parse_sortby(text: str | None) -> tuple[tuple[str, bool], ...]:
    """Parse OGC ``sortby`` (``-date,+people``) into (column, descending) pairs."""
    if text is None:
        return ()
    keys = []
    for key in (part.strip() for part in text.split(",")):
        if not key:
            continue
        descending = key.startswith("-")
        keys.append((key.lstrip("+-").strip(), descending))
    return tuple(keys)


async def map_view(
    start: Annotated[str | None, Query(description="First date shown (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, Query(description="Last date shown (YYYY-MM-DD).")] = None,
    types: Annotated[
        str | None, Query(description="Comma-separated event types shown (default: all).")
    ] = None,
    lat: Annotated[float | None, Query(description="Latitude of the initial centre.")] = None,
    lon: Annotated[float | None, Query(description="Longitude of the initial centre.")] = None,
    zoom: Annotated[int | None, Query(description="Initial zoom level (3-18).")] = None,
    candidates: Annotated[
        bool, Query(description="Show incidents extracted from reports and not yet reviewed.")
    ] = False,
    step: Annotated[
        str | None,
        Query(description="The time slider's period (week or month), starting at start."),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="Area framed, minLon,minLat,maxLon,maxLat (fitted to any frame; "
            "not with lat, lon or zoom)."
        ),
    ] = None,
    layers: Annotated[
        str | None,
        Query(
            description="Overlays shown, comma-separated: incidents, hotspots, heatmap, "
            "coastline, zone; or none (default: all but the heatmap)."
        ),
    ] = None,
    base: Annotated[
        str | None, Query(description="Base map: osm, light or offline (drawn from bundled data).")
    ] = None,
    lang: Annotated[
        str | None, Query(description="Language: en or fr (default: the browser's).")
    ] = None,
    title: Annotated[str | None, Query(description="The reporter's title (one line).")] = None,
    subtitle: Annotated[str | None, Query(description="A subtitle (one line).")] = None,
    source: Annotated[
        str | None, Query(description="The source line, e.g. 'Source: coastguard reports'.")
    ] = None,
    byline: Annotated[str | None, Query(description="The byline, e.g. 'Map: A. Reporter'.")] = None,
) -> MapView:
    """Read a map's filters, area, layers, language and caption from the query string.

    A FastAPI dependency; a coroutine, as parsing never waits: it runs without
    a hop to the thread pool.
    """
    return parse_view(
        start=start,
        end=end,
        types=types,
        lat=lat,
        lon=lon,
        zoom=zoom,
        candidates=candidates,
        step=step,
        bbox=bbox,
        layers=layers,
        base=base,
        lang=lang,
        caption=parse_caption(title, subtitle, source, byline),
    )


async def page_language(request: Request, view: Annotated[MapView, Depends(map_view)]) -> str:
    """Return the language of a page or image: the address's ``lang``, else the browser's."""
    return choose_language(view.lang, request.headers.get("accept-language"))
