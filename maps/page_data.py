"""What a map page says and shows besides the incidents: its description and reference layers.

The incidents themselves travel in the data resource (:mod:`maps.data_resource`);
here are the text alternative that summarises them, the interception zone and
the places of the search box (bundled data), and JSON made safe for a script.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import shapely

from geo.cluster import LABEL_JOIN
from geo.coast import INTERCEPTION_ZONE_M, interception_zone
from geo.gazetteer import Place, gazetteer
from geo.geocode import FUZZY_MIN_CHARS, FUZZY_MIN_SCORE, normalize_name, place_names
from geo.vocabulary import LocationPrecision
from maps.messages import DEFAULT_LANGUAGE, LANGUAGES, counted, format_date, message

COORDINATE_DECIMALS = 5  # about a metre: finer than any incident's placement
SEARCH_REACH_M = 15_000.0  # towns this close to the shore are offered by the search box
SEARCH_ZOOM = {
    LocationPrecision.SITE: 14,
    LocationPrecision.LOCALITY: 13,
    LocationPrecision.AREA: 12,
    LocationPrecision.REGION: 9,
}
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
def search_places() -> list[list[Any]]:
    """Return the places the search box finds, sorted by name: [name, lat, lon, zoom, forms].

    Every town within SEARCH_REACH_M of the shore and every curated place
    and region, each once, with the zoom its precision deserves. ``forms``
    are the other folded names the geocoder finds it by ("dunkerque|
    duinkerke" for Dunkirk), ``|``-separated: a page with no server behind
    it matches these as the geocoder would.
    """
    found: dict[str, tuple[Place, list[str]]] = {}
    for form, place in place_names().items():
        if place.place_id.startswith("lm:") or abs(place.shore_distance_m) <= SEARCH_REACH_M:
            found.setdefault(place.place_id, (place, []))[1].append(form)
    rows = []
    for place, forms in found.values():
        own = normalize_name(place.name)
        extra = "|".join(sorted(form for form in forms if form != own))
        lat = round(place.lat, COORDINATE_DECIMALS)
        lon = round(place.lon, COORDINATE_DECIMALS)
        rows.append([place.name, lat, lon, SEARCH_ZOOM.get(place.precision, 12), extra])
    return sorted(rows, key=lambda row: (row[0].casefold(), row[1], row[2]))


@cache
def _name_forms() -> dict[str, dict[str, str]]:
    """Every gazetteer name whose form in a page language differs from it: {name: {lang: form}}."""
    table = gazetteer()
    forms: dict[str, dict[str, str]] = {}
    for name, *localised in table[["name", *(f"name_{lang}" for lang in LANGUAGES)]].itertuples(
        index=False
    ):
        own = {
            lang: str(form)
            for lang, form in zip(LANGUAGES, localised, strict=True)
            if isinstance(form, str) and form and form != name
        }
        if own:
            forms.setdefault(str(name), own)
    return forms


def local_names(names: Iterable[str]) -> dict[str, dict[str, str]]:
    """Return the names of ``names`` in each page language where the gazetteer has them.

    ``Cap Gris-Nez`` is ``Cape Gris-Nez`` in English: a page shows a place
    in its own language where the gazetteer's ``name_fr`` or ``name_en``
    differs from the place's name, and as it is elsewhere.
    """
    forms = _name_forms()
    return {name: forms[name] for name in sorted(set(names)) if name in forms}


def place_search(geocode_url: str | None) -> dict[str, Any]:
    """Return how the page's search matches names: the server's geocoder, or its own index.

    The fuzzy thresholds are the geocoder's, so that a typo the geocoder
    accepts ("Gravlines") is one a page without a server accepts too.
    """
    return {"geocodeUrl": geocode_url, "minScore": FUZZY_MIN_SCORE, "minChars": FUZZY_MIN_CHARS}


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
    text = counted("describe.map", summary.placed, language)
    if summary.first is not None and summary.last is not None:
        first, last = format_date(summary.first, language), format_date(summary.last, language)
        text += message("describe.dates", language, first=first, last=last)
    text += message("describe.points", language)
    if summary.busiest_hotspot:
        label = local_label(summary.busiest_hotspot, language)
        text += message("describe.busiest", language, label=label)
    return text + "."


def local_label(label: str, language: str) -> str:
    """Return a hotspot's label ("A – B") with each place in ``language`` where it can."""
    parts = label.split(LABEL_JOIN)
    forms = local_names(parts)
    return LABEL_JOIN.join(forms.get(part, {}).get(language, part) for part in parts)


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as Unicode escapes so that no text can
    close the script or open a comment; JSON parsers read them unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
