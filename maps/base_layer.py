"""The offline base map: land, sea and place names drawn from bundled data alone.

When the tile servers cannot be reached (no internet, a blocked tile host, a
newsroom's locked-down network) a map page would show its incidents on a
blank grey. The page script ``templates/offline.js`` then draws this layer
instead: the GSHHG land polygons of ``data/coastline.gpkg`` on a sea-blue
background, grey beyond the box the bundled coastline covers, and the
gazetteer's towns and coastal landmarks, each from a zoom level that suits
its size, named in the page's language where the gazetteer has the name.

It is one static resource, compressed JSON that changes only with launchmap
(its address carries the build's digest), fetched only when the layer is
shown: a page whose tiles load never downloads it. A static publish shows it
by default, so that the published folder asks nothing of any other host.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from typing import Any

import geopandas as gpd
import shapely

from geo.coast import COASTLINE_BOUNDS, CoastLayer, coastline_layer
from geo.gazetteer import POPULATED_PLACE, Place, places
from geo.vocabulary import LocationPrecision
from maps.page_data import rounded

BASE_LAYER_FILE = "basemap.json.gz"
"""The resource's file name, beside the page script."""
LAND_DISPLAY_TOLERANCE_DEG = 0.0005  # about 35-55 m: a pixel at zoom 12
TOWN_REACH_M = 20_000.0
"""Towns this close to the shore are named; further inland only the large ones."""
LARGE_TOWN = 30_000
TOWN_ZOOMS = ((100_000, 7), (40_000, 8), (15_000, 9), (5_000, 10), (2_000, 11))
"""(least population, first zoom level at which a town is named); smaller towns from 12."""
SMALL_TOWN_ZOOM = 12
LANDMARK_ZOOMS = {
    "sea_area": 8,
    "bay": 10,
    "estuary": 10,
    "cape": 10,
    "village": 12,
    "hamlet": 12,
    "district": 12,
    "beach": 13,
    "port": 13,
    "point": 13,
    "lighthouse": 13,
    "river_mouth": 13,
    "cliff": 13,
    "dunes": 13,
    "marina": 13,
    "pier": 13,
    "dyke": 13,
}
"""The curated kinds of place a reader finds their way by, and the zoom each is named from."""


@cache
def base_layer_resource() -> bytes:
    """Return the offline base map, compressed: the covered box, the land, the named places.

    ``places`` rows are ``[lon, lat, zoom, name, french, english]``, the most
    important first (lowest zoom, then the largest town); ``french`` and
    ``english`` are empty where they are the ``name``.
    """
    min_lon, min_lat, max_lon, max_lat = COASTLINE_BOUNDS
    document = {
        "bounds": [[min_lat, min_lon], [max_lat, max_lon]],
        "land": _land_geojson(),
        "places": named_places(),
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _land_geojson() -> dict[str, Any]:
    """Return the bundled land polygons, simplified for display, as one GeoJSON geometry."""
    land = coastline_layer(CoastLayer.LAND)
    simplified = shapely.simplify(
        land.geometry.to_numpy(), LAND_DISPLAY_TOLERANCE_DEG, preserve_topology=True
    )
    kept = gpd.GeoSeries(simplified, crs=land.crs)
    merged = shapely.union_all(rounded(kept[~kept.is_empty]))
    geometry: dict[str, Any] = shapely.geometry.mapping(merged)
    return geometry


def named_places() -> list[list[Any]]:
    """Return the places the offline map names, the most important first."""
    rows = [(zoom, place) for place in places() if (zoom := label_zoom(place)) is not None]
    rows.sort(key=lambda row: (row[0], -(row[1].population or 0), row[1].name))
    return [
        [
            round(place.lon, 5),
            round(place.lat, 5),
            zoom,
            place.name,
            _other(place.name_fr, place.name),
            _other(place.name_en, place.name),
        ]
        for zoom, place in rows
    ]


def label_zoom(place: Place) -> int | None:
    """Return the zoom level from which the offline map names a place, or None for never.

    Towns near the shore and large towns further inland are named by size;
    curated landmarks by kind (:data:`LANDMARK_ZOOMS`); regions are not named.
    """
    if place.kind == POPULATED_PLACE:
        population = place.population or 0
        if abs(place.shore_distance_m) > TOWN_REACH_M and population < LARGE_TOWN:
            return None
        return next((zoom for least, zoom in TOWN_ZOOMS if population >= least), SMALL_TOWN_ZOOM)
    if place.precision is LocationPrecision.REGION and place.kind != "sea_area":
        return None
    return LANDMARK_ZOOMS.get(place.kind)


def _other(name: str | None, own: str) -> str:
    """Return a language's name of a place, or nothing when it is the place's own name."""
    return name if name and name != own else ""
