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
import pandas as pd
import shapely

from geo.coast import with_coast_relations
from geo.geocode import GeocodeResult, geocode_many


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
    unplaced = incidents.geometry.isna() | incidents.geometry.is_empty
    pending: pd.Series = (
        unplaced & incidents["place_name"].notna() & incidents["location_precision"].isna()
    )
    return pending


def enrich_incidents(
    incidents: gpd.GeoDataFrame, on_progress: Callable[[int, int], None] | None = None
) -> EnrichResult:
    """Geocode incidents left for it, then relate every placed incident to the coast.

    Each distinct place name is geocoded once; ``on_progress(done, total)``
    follows the distinct names.
    """
    frame = incidents.copy()
    pending = awaiting_geocoding(frame)
    unresolved: list[Unresolved] = []
    if pending.any():
        names = frame.loc[pending, "place_name"].astype(str).tolist()
        results = geocode_many(names, on_progress=on_progress)
        unresolved = _apply_geocoding(frame, frame.index[pending], results)
    geocoded = int(pending.sum()) - len(unresolved)
    return EnrichResult(with_coast_relations(frame), unresolved, geocoded)


def _apply_geocoding(
    frame: gpd.GeoDataFrame, rows: pd.Index, results: list[GeocodeResult]
) -> list[Unresolved]:
    """Write geocoding results into the frame's rows; return the ones not found."""
    unresolved = []
    for row, result in zip(rows, results, strict=True):
        if not result.found:
            candidates = [f"{c.name} ({c.country or '-'})" for c in result.candidates]
            reason = result.reason or "not found"
            unresolved.append(
                Unresolved(str(frame.at[row, "id"]), result.query, reason, candidates)
            )
            continue
        if result.lon is not None and result.lat is not None:
            frame.loc[[row], "geometry"] = gpd.GeoSeries(
                [shapely.Point(result.lon, result.lat)], index=[row], crs=frame.crs
            )
        frame.at[row, "location_precision"] = str(result.location_precision)
        frame.at[row, "uncertainty_m"] = result.uncertainty_m
        if pd.isna(frame.at[row, "place_id"]):
            frame.at[row, "place_id"] = result.place_id
        if pd.isna(frame.at[row, "country"]):
            frame.at[row, "country"] = result.country
    return unresolved
