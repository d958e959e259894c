"""The data a map page's script starts from, in compact forms that scale.

A plain Folium marker costs about a kilobyte of HTML per incident and seconds
to build; 100,000 incidents would make a page of 100 MB. Here the incidents
travel as parallel arrays (one per field, types as small integers, dates as
day numbers), which the page script draws and clusters in the browser. Popup
details (sources, quotes, descriptions) either travel with them, for a
standalone file, or are fetched from the API one incident at a time.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from geo.cluster import cluster_incidents, hotspot_features, hotspots
from geo.cluster_params import DEFAULT_PARAMS
from geo.coast import INTERCEPTION_ZONE_M, interception_zone, relate_to_coast
from geo.gazetteer import gazetteer
from geo.model import frame_to_features, placed_mask
from geo.vocabulary import EventType
from maps.chart import chart_points

EVENT_TYPES = [kind.value for kind in EventType]
COORDINATE_DECIMALS = 5  # about a metre: finer than any incident's placement
SEARCH_REACH_M = 15_000.0  # places this close to the shore are offered by the search box
ZONE_DISPLAY_TOLERANCE_DEG = 0.0001  # about 10 m
_EPOCH = pd.Timestamp("1970-01-01")


def compact_incidents(incidents: gpd.GeoDataFrame, *, with_details: bool) -> dict[str, Any]:
    """Encode the placed incidents as parallel arrays for the page script.

    Keys: ``types`` (the event type names), ``type`` (an index into them per
    incident), ``lon``/``lat`` (rounded to about a metre), ``day`` (days since
    1970-01-01, or null), ``people`` (or null), ``chart_km`` (the coast
    kilometre where the chart draws the incident, else null), ``total``
    (every incident, placed or not) and either ``details`` (each incident's
    GeoJSON properties) or ``ids`` (to fetch them from the API).
    """
    placed = incidents[placed_mask(incidents)]
    data: dict[str, Any] = {
        "types": EVENT_TYPES,
        "type": _type_indices(placed["event_type"]),
        "lon": np.round(placed.geometry.x.to_numpy(), COORDINATE_DECIMALS).tolist(),
        "lat": np.round(placed.geometry.y.to_numpy(), COORDINATE_DECIMALS).tolist(),
        "day": _day_numbers(placed["date"]),
        "people": _optional_ints(placed["people"]),
        "chart_km": _chart_km(placed),
        "total": len(incidents),
    }
    if with_details:
        data["details"] = [feature["properties"] for feature in frame_to_features(placed)]
    else:
        data["ids"] = placed["id"].astype(str).tolist()
    return data


def _type_indices(event_types: pd.Series) -> list[int]:
    """Return each event type's index in :data:`EVENT_TYPES` (``other`` when unknown)."""
    other = EVENT_TYPES.index(EventType.OTHER)
    codes = pd.Categorical(event_types.astype(str), categories=EVENT_TYPES).codes
    indices: list[int] = np.where(codes < 0, other, codes).tolist()
    return indices


def _day_numbers(dates: pd.Series) -> list[int | None]:
    """Return each date as days since 1970-01-01, or None when unknown."""
    days = (pd.to_datetime(dates, errors="coerce") - _EPOCH).dt.days
    return [None if pd.isna(day) else int(day) for day in days]


def _optional_ints(values: pd.Series) -> list[int | None]:
    """Return integers, None where the value is missing."""
    return [None if pd.isna(value) else int(value) for value in values]


def _chart_km(placed: gpd.GeoDataFrame) -> list[float | None]:
    """Return the coast kilometre of each incident the chart draws (to 100 m), else None."""
    points = chart_points(placed)
    return [
        round(float(km), 1) if drawn else None
        for km, drawn in zip(points.coast_km, points.drawn, strict=True)
    ]


def hotspot_collection(incidents: gpd.GeoDataFrame) -> dict[str, Any]:
    """Cluster the launch incidents with the default parameters and return the hotspots.

    The result is a GeoJSON FeatureCollection of hulls with ``label`` and
    ``incidents`` properties; it is empty when there are no launch sites.
    """
    found = hotspots(cluster_incidents(incidents, DEFAULT_PARAMS))
    return {"type": "FeatureCollection", "features": hotspot_features(found)}


def rounded(geometries: gpd.GeoSeries) -> npt.NDArray[np.object_]:
    """Round coordinates to about a metre: shorter GeoJSON, no visible change."""
    rounded_geometries: npt.NDArray[np.object_] = shapely.transform(
        geometries.to_numpy(), lambda xy: np.round(xy, COORDINATE_DECIMALS)
    )
    return rounded_geometries


@cache
def zone_geojson() -> str:
    """Return the 300 m interception zone, simplified for display, as GeoJSON text."""
    zone = interception_zone(INTERCEPTION_ZONE_M)
    simplified = rounded(zone.geometry.simplify(ZONE_DISPLAY_TOLERANCE_DEG))
    shown = gpd.GeoDataFrame({"width_m": zone["width_m"]}, geometry=simplified, crs=zone.crs)
    return str(shown.to_json(drop_id=True, to_wgs84=True))


@cache
def search_places() -> list[tuple[str, float, float]]:
    """Return the gazetteer places near the shore as (name, lat, lon), sorted by name."""
    places = gazetteer()
    shore = relate_to_coast(places.geometry)["shore_distance_m"].abs().to_numpy()
    near = places[shore <= SEARCH_REACH_M]
    rows = {
        (str(name), round(float(lat), COORDINATE_DECIMALS), round(float(lon), COORDINATE_DECIMALS))
        for name, lat, lon in zip(near["name"], near["lat"], near["lon"], strict=True)
    }
    return sorted(rows)


def describe(incidents: gpd.GeoDataFrame, busiest_hotspot: str | None) -> str:
    """Write the map's alternative text: what it shows, when, and where it is busiest."""
    placed = int(placed_mask(incidents).sum())
    dates = pd.to_datetime(incidents["date"], errors="coerce").dropna()
    text = f"Map of {placed:,} small-boat incidents on the Channel coast"
    if not dates.empty:
        text += f", {_iso(dates.min())} to {_iso(dates.max())}"
    text += ", as points coloured by event type"
    if busiest_hotspot:
        text += f"; the busiest launch hotspot is {busiest_hotspot}"
    return text + "."


def _iso(moment: pd.Timestamp) -> str:
    """Return a timestamp's ISO date."""
    day: dt.date = moment.date()
    return day.isoformat()


def busiest_label(collection: dict[str, Any]) -> str | None:
    """Return the label of the hotspot with the most incidents, if any."""
    features = collection["features"]
    if not features:
        return None
    busiest = max(features, key=lambda feature: feature["properties"]["incidents"])
    label = busiest["properties"]["label"]
    return str(label) if label else None


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as Unicode escapes so that no text can
    close the script or open a comment; JSON parsers read them unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
