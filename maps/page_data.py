"""What a map page says and shows besides the incidents: its description and reference layers.

The incidents themselves travel in the data resource (:mod:`maps.data_resource`);
here are the text alternative that summarises them, the interception zone and
the places of the search box (bundled data), and JSON made safe for a script.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import shapely

from geo.coast import INTERCEPTION_ZONE_M, interception_zone, relate_to_coast
from geo.gazetteer import gazetteer
from maps.messages import DEFAULT_LANGUAGE, message

COORDINATE_DECIMALS = 5  # about a metre: finer than any incident's placement
SEARCH_REACH_M = 15_000.0  # places this close to the shore are offered by the search box
ZONE_DISPLAY_TOLERANCE_DEG = 0.0001  # about 10 m


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


@dataclass(frozen=True)
class MapSummary:
    """What a page says about the incidents it shows, and where they are.

    ``bounds`` is ((south, west), (north, east)) of the placed incidents, or
    None when none is placed; ``first`` and ``last`` are the date range.
    """

    placed: int
    first: dt.date | None
    last: dt.date | None
    busiest_hotspot: str | None
    bounds: tuple[tuple[float, float], tuple[float, float]] | None


def describe(summary: MapSummary, language: str = DEFAULT_LANGUAGE) -> str:
    """Write the map's alternative text: what it shows, when, and where it is busiest."""
    text = message("describe.map", language, count=f"{summary.placed:,}")
    if summary.first is not None and summary.last is not None:
        first, last = summary.first.isoformat(), summary.last.isoformat()
        text += message("describe.dates", language, first=first, last=last)
    text += message("describe.points", language)
    if summary.busiest_hotspot:
        text += message("describe.busiest", language, label=summary.busiest_hotspot)
    return text + "."


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as Unicode escapes so that no text can
    close the script or open a comment; JSON parsers read them unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
