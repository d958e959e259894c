"""The bundled gazetteer: GeoNames places and curated coastal features.

``data/build_gazetteer.py`` builds ``gazetteer.csv``; this module reads it
once per process into a GeoDataFrame (EPSG:4326) indexed by ``place_id``.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import pandas as pd

from geo.bundled import GAZETTEER_FILE, bundled_path
from geo.model import CRS

GAZETTEER_DTYPES = {
    "place_id": "string",
    "name": "string",
    "alternate_names": "string",
    "country": "string",
    "lon": "float64",
    "lat": "float64",
    "population": "Int64",
    "kind": "string",
    "precision": "string",
    "uncertainty_m": "float64",
    "source": "string",
}


@cache
def _read_gazetteer() -> gpd.GeoDataFrame:
    """Read the gazetteer file once per process."""
    table = pd.read_csv(
        bundled_path(GAZETTEER_FILE), dtype=GAZETTEER_DTYPES, keep_default_na=False, na_values=[""]
    )
    points = gpd.points_from_xy(table["lon"], table["lat"], crs=CRS)
    return gpd.GeoDataFrame(table, geometry=points, crs=CRS).set_index("place_id", drop=False)


def gazetteer() -> gpd.GeoDataFrame:
    """Return a copy of the gazetteer: one row per place, indexed by ``place_id``.

    Columns: place_id, name, alternate_names (``|``-separated), country, lon,
    lat, population, kind, precision (``locality``, ``site``, ``area``,
    ``region``), uncertainty_m, source, geometry.
    """
    return _read_gazetteer().copy()
