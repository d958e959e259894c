"""What a map shows: filters, the area framed, the layers, the language and the reporter's text.

One :class:`MapView` drives every rendering of the map: the interactive page
and the embed page start with its filters set (the reader can change them),
and the static PNG and chart draw only the incidents it selects. The API reads
it from the query string, so a link or an embed snippet reproduces what its
author saw:

- filters: ``start``, ``end`` (dates), ``types`` (event types), ``candidates``
  (incidents extracted from reports and not yet reviewed, ``review_status``
  ``candidate``, are shown only when it is set; rejected ones never);
- ``step`` (``week`` or ``month``) puts the page's time slider on: the period
  of that length from ``start`` is shown, and playback moves it along;
- the area: ``lat``, ``lon`` and ``zoom`` (a centre), or ``bbox``
  (``minLon,minLat,maxLon,maxLat``, fitted to any frame: what an embed in
  frames of every width needs); not both;
- the layers shown: ``layers`` (overlays, comma-separated, or ``none``) and
  ``base`` (the base map);
- ``lang`` (the language of the page and images);
- the reporter's text: ``title``, ``subtitle``, ``source`` (the source
  line) and ``byline``, one line each.

Every bad value raises a :class:`~maps.errors.MapViewError` that names it.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

import geopandas as gpd
import pandas as pd

from geo.vocabulary import EventType, ReviewStatus
from maps.errors import MapViewError
from maps.messages import check_language

MIN_ZOOM = 3
MAX_ZOOM = 18
Number = TypeVar("Number", int, float)
BBox = tuple[float, float, float, float]
"""(min lon, min lat, max lon, max lat)."""


class Layer(StrEnum):
    """The overlays a map may show above its base map."""

    INCIDENTS = "incidents"
    HOTSPOTS = "hotspots"
    HEATMAP = "heatmap"
    COASTLINE = "coastline"
    ZONE = "zone"


DEFAULT_LAYERS = frozenset({Layer.INCIDENTS, Layer.HOTSPOTS, Layer.COASTLINE, Layer.ZONE})
"""What a map shows when the address names no layers (the heatmap is one click away)."""
NO_LAYERS = "none"
"""The ``layers`` value of a map that shows none of them (only the base map)."""


class BaseMap(StrEnum):
    """The base maps: two tile servers, and the offline one drawn from bundled data."""

    OSM = "osm"
    LIGHT = "light"
    OFFLINE = "offline"


CAPTION_LIMITS = {"title": 120, "subtitle": 240, "source": 240, "byline": 120}
"""The longest each line of a reporter's text may be, in characters (in the fields' order)."""


@dataclass(frozen=True)
class Caption:
    """A reporter's own text around the map: title, subtitle, source line and byline.

    Each is one line of plain text (no control characters) of at most
    :data:`CAPTION_LIMITS` characters, or None.
    """

    title: str | None = None
    subtitle: str | None = None
    source: str | None = None
    byline: str | None = None

    def __post_init__(self) -> None:
        for name, limit in CAPTION_LIMITS.items():
            value = getattr(self, name)
            if value is None:
                continue
            if len(value) > limit:
                raise MapViewError("error.too_long", name=name, limit=limit, length=len(value))
            if any(_is_control(char) for char in value):
                raise MapViewError("error.control", name=name, value=value)

    def __bool__(self) -> bool:
        """Tell whether any line is set."""
        return any(getattr(self, item.name) for item in fields(self))

    def as_query(self) -> dict[str, str]:
        """Return the lines that are set, by parameter name."""
        return {
            item.name: getattr(self, item.name) for item in fields(self) if getattr(self, item.name)
        }


def _is_control(char: str) -> bool:
    """Tell whether a character is a control, a line break or a bidirectional override."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI_CONTROLS


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Step(StrEnum):
    """The period the time slider shows at once, and moves by in playback."""

    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class MapView:
    """Filters, the area framed, layers, language and caption of a map.

    An empty ``event_types`` means every type. Dates are inclusive. An incident
    without a date is shown only while no date filter is set. ``base`` and
    ``lang`` are None when the address leaves them to the page (its default
    base map; the browser's language). ``step`` is the time slider's period
    (see the module's description).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    event_types: frozenset[EventType] = field(default_factory=frozenset)
    center: tuple[float, float] | None = None  # (lat, lon)
    zoom: int | None = None
    bbox: BBox | None = None
    layers: frozenset[Layer] = DEFAULT_LAYERS
    base: BaseMap | None = None
    lang: str | None = None
    caption: Caption = field(default_factory=Caption)
    candidates: bool = False
    step: Step | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise MapViewError(
                "error.date_order", start=self.start.isoformat(), end=self.end.isoformat()
            )
        if self.center is not None:
            _check_center(*self.center)
        if self.zoom is not None and not MIN_ZOOM <= self.zoom <= MAX_ZOOM:
            raise MapViewError(
                "error.range", name="zoom", low=MIN_ZOOM, high=MAX_ZOOM, value=self.zoom
            )
        if self.bbox is not None:
            if self.center is not None or self.zoom is not None:
                raise MapViewError("error.bbox_and_centre")
            _check_bbox(self.bbox)
        if self.lang is not None:
            check_language(self.lang)

    @property
    def filtered(self) -> bool:
        """Return whether the view hides any incident (a date or type filter is set)."""
        return bool(self.start or self.end or self.event_types)

    def select(self, incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Return the incidents this view's filters keep, in their original order."""
        keep = shown_for_review(incidents, candidates=self.candidates)
        if self.event_types:
            keep &= incidents["event_type"].isin({str(kind) for kind in self.event_types})
        if self.start or self.end:
            dates = pd.to_datetime(incidents["date"], errors="coerce")
            keep &= dates.notna()
            if self.start:
                keep &= dates >= pd.Timestamp(self.start)
            if self.end:
                keep &= dates <= pd.Timestamp(self.end)
        selected: gpd.GeoDataFrame = incidents[keep]
        return selected

    def as_query(self) -> dict[str, str]:
        """Return the query-string parameters that reproduce this view."""
        query: dict[str, str] = {}
        if self.start:
            query["start"] = self.start.isoformat()
        if self.end:
            query["end"] = self.end.isoformat()
        if self.event_types:
            query["types"] = ",".join(sorted(self.event_types))
        if self.center is not None:
            query["lat"], query["lon"] = (f"{value:.5f}" for value in self.center)
        if self.zoom is not None:
            query["zoom"] = str(self.zoom)
        if self.bbox is not None:
            query["bbox"] = ",".join(f"{value:.5f}" for value in self.bbox)
        if self.layers != DEFAULT_LAYERS:
            query["layers"] = ",".join(sorted(self.layers)) or NO_LAYERS
        if self.base is not None:
            query["base"] = self.base.value
        if self.lang is not None:
            query["lang"] = self.lang
        if self.candidates:
            query["candidates"] = "true"
        if self.step is not None:
            query["step"] = self.step.value
        return query | self.caption.as_query()

    def as_script_data(self) -> dict[str, Any]:
        """Return the view as the plain JSON object the page script starts from.

        ``bbox`` is in Leaflet's order, ((south, west), (north, east)).
        """
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "types": sorted(self.event_types),
            "center": list(self.center) if self.center is not None else None,
            "zoom": self.zoom,
            "bbox": (
                [[self.bbox[1], self.bbox[0]], [self.bbox[3], self.bbox[2]]]
                if self.bbox is not None
                else None
            ),
            "layers": sorted(self.layers),
            "base": self.base.value if self.base is not None else None,
            "candidates": self.candidates,
            "step": self.step.value if self.step is not None else None,
        }


UNFILTERED = MapView()
"""The view that hides nothing but candidates and fits the map to the incidents."""


def shown_for_review(incidents: pd.DataFrame, *, candidates: bool) -> pd.Series:
    """Tell which incidents a map shows by review status: never rejected, candidates if asked."""
    if "review_status" not in incidents.columns:
        return pd.Series(True, index=incidents.index)
    status = incidents["review_status"].astype(object)
    hidden = [ReviewStatus.REJECTED.value] + ([] if candidates else [ReviewStatus.CANDIDATE.value])
    shown: pd.Series = ~status.isin(hidden)
    return shown


def _check_center(lat: float, lon: float) -> None:
    """Refuse a centre that is not a latitude and longitude on the globe."""
    if not -90 <= lat <= 90:
        raise MapViewError("error.range", name="lat", low=-90, high=90, value=lat)
    if not -180 <= lon <= 180:
        raise MapViewError("error.range", name="lon", low=-180, high=180, value=lon)


def _check_bbox(bbox: BBox) -> None:
    """Refuse a box that is not west, south, east, north on the globe, in that order."""
    text = ",".join(f"{value:g}" for value in bbox)
    min_lon, min_lat, max_lon, max_lat = bbox
    if not all(math.isfinite(value) for value in bbox):
        raise MapViewError("error.bbox", value=text)
    if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
        raise MapViewError("error.bbox_order", value=text)


def parse_event_types(text: str | None) -> frozenset[EventType]:
    """Parse a comma-separated list of event types, naming any that is not one."""
    return frozenset(EventType(name) for name in _parse_names("types", text, EventType))


def _parse_names(parameter: str, text: str | None, allowed: type[StrEnum]) -> list[str]:
    """Parse a comma-separated list of an enum's values, naming any that is not one."""
    if not text:
        return []
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    known = {member.value for member in allowed}
    for name in names:
        if name not in known:
            raise MapViewError(
                "error.not_one_of", name=parameter, value=name, known=", ".join(sorted(known))
            )
    return names


def parse_layers(text: str | None) -> frozenset[Layer]:
    """Parse ``layers`` (comma-separated overlays, or ``none``); the defaults when absent."""
    if text is None or not text.strip():
        return DEFAULT_LAYERS
    if text.strip().lower() == NO_LAYERS:
        return frozenset()
    return frozenset(Layer(name) for name in _parse_names("layers", text, Layer))


def parse_bbox(text: str | None) -> BBox | None:
    """Parse ``minLon,minLat,maxLon,maxLat``, naming the value when it is not four numbers."""
    if not text:
        return None
    try:
        numbers = [float(part) for part in text.split(",")]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(number) for number in numbers):
        raise MapViewError("error.bbox", value=text)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def parse_caption(
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    byline: str | None = None,
) -> Caption:
    """Build a :class:`Caption` from query-string text; blank lines count as absent."""

    def line(text: str | None) -> str | None:
        return text.strip() or None if text is not None else None

    return Caption(line(title), line(subtitle), line(source), line(byline))


def parse_view(
    *,
    start: str | None = None,
    end: str | None = None,
    types: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    zoom: int | None = None,
    bbox: str | None = None,
    layers: str | None = None,
    base: str | None = None,
    lang: str | None = None,
    caption: Caption | None = None,
    candidates: bool = False,
    step: str | None = None,
) -> MapView:
    """Build a :class:`MapView` from query-string text, naming any bad value."""
    if (lat is None) != (lon is None):
        raise MapViewError("error.lat_lon")
    base_names = _parse_names("base", base, BaseMap)
    if len(base_names) > 1:
        raise MapViewError("error.one_base", value=base)
    return MapView(
        start=_parse_date("start", start),
        end=_parse_date("end", end),
        event_types=parse_event_types(types),
        center=(lat, lon) if lat is not None and lon is not None else None,
        zoom=zoom,
        bbox=parse_bbox(bbox),
        layers=parse_layers(layers),
        base=BaseMap(base_names[0]) if base_names else None,
        lang=lang.strip().lower() or None if lang is not None else None,
        caption=caption if caption is not None else Caption(),
        candidates=candidates,
        step=_parse_step(step),
    )


def _parse_step(text: str | None) -> Step | None:
    """Parse the time slider's period, naming a value that is not one."""
    if not text:
        return None
    try:
        return Step(text.strip().lower())
    except ValueError:
        known = ", ".join(step.value for step in Step)
        raise MapViewError("error.not_one_of", name="step", value=text, known=known) from None


def view_from_query(query: Mapping[str, str]) -> MapView:
    """Build a :class:`MapView` from the parameters of a page's address (others are ignored)."""
    return parse_view(
        **{
            name: query.get(name)
            for name in ("start", "end", "types", "bbox", "layers", "base", "step")
        },
        lat=_parse_number("lat", query.get("lat"), float),
        lon=_parse_number("lon", query.get("lon"), float),
        zoom=_parse_number("zoom", query.get("zoom"), int),
        lang=query.get("lang"),
        caption=parse_caption(*(query.get(name) for name in CAPTION_LIMITS)),
        candidates=(query.get("candidates") or "").strip().lower() in ("true", "1", "yes", "on"),
    )


def _parse_number(name: str, text: str | None, kind: Callable[[str], Number]) -> Number | None:
    """Parse a number of the address (``float`` or ``int``), naming the parameter on failure."""
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        raise MapViewError("error.number", name=name, value=text) from None


def _parse_date(name: str, text: str | None) -> dt.date | None:
    """Parse an ISO date (``2025-06-17``), naming the parameter and value on failure."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MapViewError("error.date", name=name, value=text) from None
