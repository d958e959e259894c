"""What a map shows: the date range, the event types, candidates or not, and the initial view.

One :class:`MapView` drives every rendering of the map: the interactive page
and the embed page start with its filters set (the reader can change them),
and the static PNG and chart draw only the incidents it selects. The API reads
it from the query string (``start``, ``end``, ``types``, ``candidates``,
``step``, ``lat``, ``lon``, ``zoom``), so a link or an embed snippet
reproduces what its author saw.

Incidents extracted from reports and not yet reviewed (``review_status``
``candidate``) are shown only when ``candidates`` is set; rejected ones never.
``step`` (``week`` or ``month``) puts the page's time slider on: the period of
that length from ``start`` is shown, and playback moves it along.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.vocabulary import EventType, ReviewStatus
from maps.errors import MapViewError

MIN_ZOOM = 3
MAX_ZOOM = 18


class Step(StrEnum):
    """The period the time slider shows at once, and moves by in playback."""

    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class MapView:
    """Filters (date range, event types, candidates) and an optional initial centre and zoom.

    An empty ``event_types`` means every type. Dates are inclusive. An incident
    without a date is shown only while no date filter is set. ``step`` is the
    time slider's period (see the module's description).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    event_types: frozenset[EventType] = field(default_factory=frozenset)
    center: tuple[float, float] | None = None  # (lat, lon)
    zoom: int | None = None
    candidates: bool = False
    step: Step | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise MapViewError(
                f"start {self.start.isoformat()} is after end {self.end.isoformat()}"
            )
        if self.center is not None:
            _check_center(*self.center)
        if self.zoom is not None and not MIN_ZOOM <= self.zoom <= MAX_ZOOM:
            raise MapViewError(f"zoom must be between {MIN_ZOOM} and {MAX_ZOOM}, got {self.zoom}")

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
        if self.candidates:
            query["candidates"] = "true"
        if self.step is not None:
            query["step"] = self.step.value
        return query

    def as_script_data(self) -> dict[str, Any]:
        """Return the view as the plain JSON object the page script starts from."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "types": sorted(self.event_types),
            "center": list(self.center) if self.center is not None else None,
            "zoom": self.zoom,
            "candidates": self.candidates,
            "step": self.step.value if self.step is not None else None,
        }


UNFILTERED = MapView()
"""The view that hides nothing but candidates and fits the map to the incidents."""


def shown_for_review(incidents: pd.DataFrame, *, candidates: bool) -> pd.Series:
    """Tell which incidents a map shows by review status: never rejected ones, candidates if asked."""
    if "review_status" not in incidents.columns:
        return pd.Series(True, index=incidents.index)
    status = incidents["review_status"].astype(object)
    hidden = [ReviewStatus.REJECTED.value] + ([] if candidates else [ReviewStatus.CANDIDATE.value])
    shown: pd.Series = ~status.isin(hidden)
    return shown


def _check_center(lat: float, lon: float) -> None:
    """Refuse a centre that is not a latitude and longitude on the globe."""
    if not -90 <= lat <= 90:
        raise MapViewError(f"lat must be between -90 and 90, got {lat}")
    if not -180 <= lon <= 180:
        raise MapViewError(f"lon must be between -180 and 180, got {lon}")


def parse_event_types(text: str | None) -> frozenset[EventType]:
    """Parse a comma-separated list of event types, naming any that is not one."""
    if not text:
        return frozenset()
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    known = {kind.value for kind in EventType}
    for name in names:
        if name not in known:
            raise MapViewError(f"types: {name!r} is not one of {', '.join(sorted(known))}")
    return frozenset(EventType(name) for name in names)


def parse_view(
    *,
    start: str | None = None,
    end: str | None = None,
    types: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    zoom: int | None = None,
    candidates: bool = False,
    step: str | None = None,
) -> MapView:
    """Build a :class:`MapView` from query-string text, naming any bad value."""
    if (lat is None) != (lon is None):
        raise MapViewError("lat and lon go together: give both or neither")
    return MapView(
        start=_parse_date("start", start),
        end=_parse_date("end", end),
        event_types=parse_event_types(types),
        center=(lat, lon) if lat is not None and lon is not None else None,
        zoom=zoom,
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
        raise MapViewError(f"step: {text!r} is not one of {known}") from None


def _parse_date(name: str, text: str | None) -> dt.date | None:
    """Parse an ISO date (``2025-06-17``), naming the parameter and value on failure."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MapViewError(f"{name}: expected a date like 2025-06-17, got {text!r}") from None
