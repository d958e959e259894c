"""Fill what launchmap derives for incidents on import: points from place names, coast relations.

An incident that names a place but has no point and no location precision
was left for geocoding (a CSV with only a place column); it gets the point,
place id, country, precision and radius the geocoder finds, or stays unplaced
and is reported. Every placed incident then gets its derived coastline fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.coast import with_coast_relations
from geo.geocode import GeocodeResult, geocode_many
from geo.model import placed_mask


@dataclass(frozen=True)
class Unresolved:
    """An incident whose place name the geocoder could not place, and why."""

    incident_id: str
    place_name: str
    reason: str
    candidates: list[str] = field(default_factory=list)


@dataclass
class EnrichResult:
    """Incidents with their derived fields, and those whose place was not found."""

    incidents: gpd.GeoDataFrame
    unresolved: list[Unresolved] = field(default_factory=list)
    geocoded: int = 0


def awaiting_geocoding(incidents: gpd.GeoDataFrame) -> pd.Series:
    """Tell which incidents name a place but have no point and no stated precision."""
    unplaced = ~placed_mask(incidents)
    pending: pd.Series = (
        unplaced & incidents["place_name"].notna() & incidents["location_precision"].isna()
    )
    return pending


def enrich_incidents(
    incidents: gpd.GeoDataFrame,
    on_progress: Callable[[int, int], None] | None = None,
    fallback: Callable[[str], GeocodeResult] | None = None,
) -> EnrichResult:
    """Geocode incidents left for it, then relate every placed incident to the coast.

    Each distinct place name is geocoded once; ``on_progress(done, total)``
    follows the distinct names; ``fallback`` is the optional online geocoder.
    """
    frame = incidents.copy()
    pending = awaiting_geocoding(frame)
    unresolved: list[Unresolved] = []
    if pending.any():
        names = frame.loc[pending, "place_name"].astype(str).tolist()
        results = geocode_many(names, on_progress=on_progress, fallback=fallback)
        unresolved = _apply_geocoding(frame, frame.index[pending], results)
    geocoded = int(pending.sum()) - len(unresolved)
    return EnrichResult(with_coast_relations(frame), unresolved, geocoded)


def _apply_geocoding(
    frame: gpd.GeoDataFrame, rows: pd.Index, results: list[GeocodeResult]
) -> list[Unresolved]:
    """Write the found results into the frame's rows; return the ones not found.

    The point, precision and radius come from the geocoder; a place id or
    country the source gave is kept.
    """
    found = [(row, result) for row, result in zip(rows, results, strict=True) if result.found]
    if found:
        index = pd.Index([row for row, _ in found])
        points = [
            None if r.lon is None or r.lat is None else shapely.Point(r.lon, r.lat)
            for _, r in found
        ]
        frame.loc[index, frame.geometry.name] = gpd.GeoSeries(points, index=index, crs=frame.crs)
        frame.loc[index, "location_precision"] = [str(r.location_precision) for _, r in found]
        frame.loc[index, "uncertainty_m"] = [
            np.nan if r.uncertainty_m is None else r.uncertainty_m for _, r in found
        ]
        for column, values in (
            ("place_id", [r.place_id for _, r in found]),
            ("country", [r.country for _, r in found]),
        ):
            given = frame.loc[index, column]
            frame.loc[index, column] = given.where(given.notna(), pd.Series(values, index=index))
    return [
        Unresolved(
            str(frame.at[row, "id"]),
            result.query,
            result.reason or "not found",
            [f"{c.name} ({c.country or '-'})" for c in result.candidates],
        )
        for row, result in zip(rows, results, strict=True)
        if not result.found
    ]
