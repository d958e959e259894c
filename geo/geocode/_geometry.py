"""The point a phrase describes: a beach, a point at sea, halfway between two places.

These need the coastline (``geo.coast``) and geodesics (``pyproj``), which are
loaded on the first phrase that needs them: a plain name is answered without.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from geo.geocode._index import NameIndex, name_index
from geo.geocode._result import Placed, near, place_point
from geo.vocabulary import LocationPrecision

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_OFFSHORE_M = 2_000.0
OFFSHORE_REACH_M = 4_000.0
OPEN_SEA_SHARE = 0.7  # "N km off X" lands 0.7 N to 1.3 N from every shore where it can
COASTAL_M = 5_000.0
FloatArray = npt.NDArray[np.float64]


@cache
def _geod() -> Any:
    """Return the WGS84 ellipsoid's geodesic calculator (pyproj is loaded on first use)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _relations(lons: FloatArray, lats: FloatArray) -> pd.DataFrame:
    """Relate WGS84 points to the coastline (shore point, signed distance, coast km)."""
    import geopandas as gpd

    from geo.coast import relate_to_coast
    from geo.model import CRS

    return relate_to_coast(gpd.GeoSeries(gpd.points_from_xy(lons, lats), crs=CRS))


@cache
def phrase_point(
    kind: str,
    rows: tuple[int, ...],
    distance_m: float | None,
    bearing_deg: float | None,
    shore: bool = False,
) -> Placed:
    """Make the point a phrase describes from its places (cached per distinct phrase)."""
    index = name_index()
    place = place_point(index, rows[0])
    if kind == "beach":
        return _beach(index, rows[0], place)
    if kind == "offshore":
        return offshore_points(index, [(rows[0], distance_m)])[(rows[0], distance_m)]
    if kind == "direction":
        assert distance_m is not None and bearing_deg is not None
        return _direction(place, distance_m, bearing_deg, shore=shore)
    if kind == "between":
        return _between(index, place, place_point(index, rows[1]), rows)
    return place


def _direction(place: Placed, distance_m: float, bearing_deg: float, *, shore: bool) -> Placed:
    """Place "N km north of X" (or, with ``shore``, the shore that way: "a beach north of X")."""
    lon, lat, _ = _geod().fwd(place.lon, place.lat, bearing_deg, distance_m)
    radius = place.uncertainty_m + 0.2 * distance_m
    if shore:
        relation = _relations(np.array([lon]), np.array([lat])).iloc[0]
        if not np.isnan(relation["shore_lon"]):
            lon, lat = relation["shore_lon"], relation["shore_lat"]
    return Placed(float(lon), float(lat), LocationPrecision.AREA, radius)


def _beach(index: NameIndex, row: int, place: Placed) -> Placed:
    """Place "the beach at X": the shore point nearest X, not X's town centre."""
    found = index.rows[row]
    if found.kind == "beach":
        return place
    radius = max(place.uncertainty_m, 500.0)
    if index.regional[row]:  # "the beaches of the Côte d'Opale": the region, not one point
        return near(place, None)
    return Placed(found.shore_lon, found.shore_lat, LocationPrecision.SITE, radius)


_OFFSHORE_BEARINGS = np.arange(0.0, 360.0, 10.0)
_OFFSHORE_RINGS = np.array([1.0, 1.5, 2.0, 3.0])  # times the distance, out from X's shore
_offshore_cache: dict[tuple[int, float | None], Placed] = {}


def offshore_points(
    index: NameIndex, keys: Iterable[tuple[int, float | None]]
) -> dict[tuple[int, float | None], Placed]:
    """Place "off X" for many (row of X, distance) at once, cached per process.

    The candidate points of every phrase not placed yet are related to the
    coast in one call: one call per phrase costs more than its points.
    """
    keys = list(dict.fromkeys(keys))
    new = [key for key in keys if key not in _offshore_cache]
    if new:
        count = _OFFSHORE_BEARINGS.size * _OFFSHORE_RINGS.size
        shore = np.array([(index.rows[row].shore_lon, index.rows[row].shore_lat) for row, _ in new])
        offsets = [distance if distance is not None else DEFAULT_OFFSHORE_M for _, distance in new]
        lons, lats, _ = _geod().fwd(
            np.repeat(shore[:, 0], count),
            np.repeat(shore[:, 1], count),
            np.tile(_OFFSHORE_BEARINGS, len(new) * _OFFSHORE_RINGS.size),
            np.outer(offsets, np.repeat(_OFFSHORE_RINGS, _OFFSHORE_BEARINGS.size)).ravel(),
        )
        lons, lats = np.asarray(lons), np.asarray(lats)
        seaward = _relations(lons, lats)["shore_distance_m"].to_numpy(dtype=float)
        for at, (row, distance_m) in enumerate(new):
            part = slice(at * count, (at + 1) * count)
            _offshore_cache[(row, distance_m)] = _offshore(
                place_point(index, row),
                shore[at],
                distance_m,
                (lons[part], lats[part], seaward[part]),
            )
    return {key: _offshore_cache[key] for key in keys}


def _offshore(
    place: Placed,
    shore: FloatArray,
    distance_m: float | None,
    around: tuple[FloatArray, FloatArray, FloatArray],
) -> Placed:
    """Place "off X" / "N km off X": a point at sea, that far out from X's shore.

    From the shore point nearest X, candidate points are tried every 10
    degrees at the distance, then at 1.5, 2 and 3 times it (``around``: their
    lon, lat and signed shore distance, ring by ring). The innermost ring with
    points whose own shore distance is the stated one give or take
    1 - OPEN_SEA_SHARE wins (the shore point may lie in a bay or an estuary);
    of its points, the one closest to the direction from X to its shore, or
    the most seaward one when X is on the shore itself. Where no point is that
    far from every shore, the point at sea whose shore distance is nearest the
    stated one.
    """
    offset = distance_m if distance_m is not None else DEFAULT_OFFSHORE_M
    shore_lon, shore_lat = float(shore[0]), float(shore[1])
    bearings = np.tile(_OFFSHORE_BEARINGS, _OFFSHORE_RINGS.size)
    ring = np.repeat(np.arange(_OFFSHORE_RINGS.size), _OFFSHORE_BEARINGS.size)
    lons, lats, seaward = around
    radius = place.uncertainty_m / 2 + (0.25 * offset if distance_m is not None else offset)
    at_sea = seaward > 0
    if not at_sea.any():
        return Placed(shore_lon, shore_lat, LocationPrecision.AREA, radius + offset)
    as_stated = at_sea & (np.abs(seaward - offset) <= (1 - OPEN_SEA_SHARE) * offset)
    if not as_stated.any():
        best = int(np.argmin(np.where(at_sea, np.abs(seaward - offset), np.inf)))
        return Placed(float(lons[best]), float(lats[best]), LocationPrecision.AREA, radius)
    pool = as_stated & (ring == ring[as_stated].min())
    toward, _, inland_m = _geod().inv(place.lon, place.lat, shore_lon, shore_lat)
    if inland_m > 100:
        turn = np.abs((bearings - toward + 180.0) % 360.0 - 180.0)
        best = int(np.argmin(np.where(pool, turn, np.inf)))
    else:
        best = int(np.argmax(np.where(pool, seaward, -np.inf)))
    lon, lat = float(lons[best]), float(lats[best])
    if distance_m is None:
        lon, lat = _within(place, lon, lat, OFFSHORE_REACH_M)
    return Placed(lon, lat, LocationPrecision.AREA, radius)


def _within(place: Placed, lon: float, lat: float, reach_m: float) -> tuple[float, float]:
    """Return a point moved toward ``place`` along the line between them to at most ``reach_m``.

    "Off X" without a distance is the sea in front of X: for a town whose
    centre lies inland, the point at sea off its shore is kept no further
    from the town than this (on the way from the town to that point).
    """
    azimuth, _, length = _geod().inv(place.lon, place.lat, lon, lat)
    if length <= reach_m:
        return lon, lat
    new_lon, new_lat, _ = _geod().fwd(place.lon, place.lat, azimuth, reach_m)
    return float(new_lon), float(new_lat)


def _between(index: NameIndex, first: Placed, second: Placed, rows: tuple[int, ...]) -> Placed:
    """Place "between X and Y": halfway along the coast, or halfway as the crow flies."""
    from geo.coast import point_at_coast_km

    on_coast = all(index.focus_m[row] < COASTAL_M * 4 for row in rows)
    if on_coast:
        kms = _relations(np.array([first.lon, second.lon]), np.array([first.lat, second.lat]))[
            "coast_km"
        ]
        lon, lat = point_at_coast_km(float(kms.mean()))
        radius = abs(float(kms.iloc[0] - kms.iloc[1])) * 500.0
        return Placed(lon, lat, LocationPrecision.AREA, max(radius, first.uncertainty_m))
    azimuth, _, length = _geod().inv(first.lon, first.lat, second.lon, second.lat)
    lon, lat, _ = _geod().fwd(first.lon, first.lat, azimuth, length / 2)
    return Placed(float(lon), float(lat), LocationPrecision.AREA, length / 2)
