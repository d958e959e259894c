"""Where incidents sit on the chart of coast kilometre against date.

The interactive page's chart panel and the chart PNG draw the same points:
an incident with a date and a kilometre along the French coast, unless it is
placed in another country (an arrival at Dover has the kilometre of the French
coast opposite, but did not happen on it). The kilometre axis is marked with
towns whose kilometres come from their gazetteer points.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd

from geo.coast import relate_to_coast
from geo.gazetteer import gazetteer
from geo.model import placed_mask

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
FRENCH_COAST_COUNTRIES = ("FR", "BE")
"""Countries of the coast the reference line follows: the chart's kilometres are theirs."""
REFERENCE_PLACES = ("Dunkirk", "Gravelines", "Calais", "Wissant", "Boulogne-sur-Mer", "Berck")
"""French coastal towns whose coast kilometre labels the chart's axis."""


@cache
def named_places(names: tuple[str, ...]) -> tuple[tuple[str, float, float], ...]:
    """(name, lon, lat) of the most populous gazetteer town of each name, in ``names``' order."""
    towns = gazetteer()
    towns = towns[(towns["precision"] == "locality") & towns["name"].isin(names)]
    towns = towns.sort_values("population", ascending=False, kind="stable")
    towns = towns.drop_duplicates("name")
    by_name = {str(row.name): (float(row.lon), float(row.lat)) for row in towns.itertuples()}
    return tuple((name, *by_name[name]) for name in names if name in by_name)


@dataclass(frozen=True)
class ChartPoints:
    """Each incident's date and coast kilometre, and whether the chart draws it."""

    dates: npt.NDArray[np.datetime64]
    coast_km: FloatArray
    drawn: BoolArray


def chart_points(incidents: gpd.GeoDataFrame) -> ChartPoints:
    """Return each incident's date and coast kilometre, and whether the chart draws it.

    The coast kilometre is the stored one, computed from the point where it is
    missing. The chart draws an incident that has a date and a coast kilometre
    and is not placed in a country other than those of
    :data:`FRENCH_COAST_COUNTRIES` (an arrival at Dover has the kilometre of
    the French coast opposite, but did not happen there).
    """
    coast_km = np.full(len(incidents), np.nan)
    if "coast_km" in incidents.columns:
        coast_km = pd.to_numeric(incidents["coast_km"], errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan, copy=True
        )
    missing = ~np.isfinite(coast_km) & placed_mask(incidents)
    if missing.any():
        relations = relate_to_coast(incidents.geometry[missing])
        coast_km[missing] = relations["coast_km"].to_numpy(dtype=np.float64, na_value=np.nan)
    dates = _dates(incidents).to_numpy(dtype="datetime64[ns]")
    on_coast = np.ones(len(incidents), dtype=bool)
    if "country" in incidents.columns:
        country = incidents["country"].astype(object)
        on_coast = (country.isna() | country.isin(FRENCH_COAST_COUNTRIES)).to_numpy(dtype=bool)
    drawn = ~np.isnat(dates) & np.isfinite(coast_km) & on_coast
    return ChartPoints(dates=dates, coast_km=coast_km, drawn=drawn)


def _dates(incidents: pd.DataFrame) -> pd.Series:
    """Each incident's date as a timestamp, NaT when it has none."""
    if "date" not in incidents.columns:
        return pd.Series(pd.NaT, index=incidents.index, dtype="datetime64[ns]")
    return pd.to_datetime(incidents["date"].astype("string"), errors="coerce", format="ISO8601")


@cache
def reference_places() -> tuple[tuple[str, float], ...]:
    """(name, coast km) of the towns of :data:`REFERENCE_PLACES`, from their gazetteer points."""
    places = named_places(REFERENCE_PLACES)
    points = gpd.GeoSeries(
        gpd.points_from_xy([lon for _, lon, _ in places], [lat for _, _, lat in places]),
        crs="EPSG:4326",
    )
    coast_km = relate_to_coast(points)["coast_km"].to_numpy(dtype=np.float64)
    return tuple((name, float(km)) for (name, _, _), km in zip(places, coast_km, strict=True))
