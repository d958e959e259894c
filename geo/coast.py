"""The bundled coastline: land polygons, shoreline lines and the reference line.

The layers come from GSHHG (full resolution) clipped to the French and Belgian
Channel and North Sea coast and Kent; ``data/build_coastline.py`` builds them.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

import geopandas as gpd
import pyogrio

from geo.bundled import COASTLINE_FILE, bundled_path


class CoastLayer(StrEnum):
    """The layers of the bundled coastline GeoPackage."""

    LAND = "land"
    SHORELINE = "shoreline"
    REFERENCE_LINE = "reference_line"


@cache
def _read_layer(layer: CoastLayer) -> gpd.GeoDataFrame:
    """Read one coastline layer once per process."""
    return pyogrio.read_dataframe(bundled_path(COASTLINE_FILE), layer=layer.value)


def coastline_layer(layer: CoastLayer) -> gpd.GeoDataFrame:
    """Return a copy of a bundled coastline layer (EPSG:4326), read once per process."""
    return _read_layer(layer).copy()
