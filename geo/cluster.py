"""Launch hotspots: cluster incidents in space, in space and time, or along the coast.

:func:`cluster_incidents` sets each incident's ``cluster_id``; :func:`hotspots`
turns the clusters into one polygon each, with a label, counts, dates and
their stretch of coast; :func:`hotspot_shifts` follows each hotspot month by
month or quarter by quarter. Launch-site analysis uses the ``departure`` and
``pickup`` roles only (a rescue position is not a launch site).

The clusters never depend on the order of the rows: incidents at the same
point (and day, for space-time) are merged into one weighted point, the
distinct points are clustered in sorted order, and clusters are numbered along
the coast, from the Belgian border south-westwards: by their first coast
kilometre (``coast``) or by the coast kilometre of their centroid (the others),
ties going to the cluster with the westmost point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely
from pyproj import Transformer

from geo._dbscan import EARTH_RADIUS_M, Points, dbscan
from geo.cluster_params import DEFAULT_PARAMS, ClusterParams
from geo.coast import METRIC_CRS, relate_to_coast
from geo.errors import InvalidClusterParamsError
from geo.model import CRS, placed_mask, plain_records
from geo.vocabulary import ClusterMethod

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


HDBSCAN_MAX_SAMPLES = 20_000
"""HDBSCAN's limit: scikit-learn's takes about 6 s for 20,000 points here, and grows fast."""

PERIODS = ("month", "quarter")
"""The periods :func:`hotspot_shifts` follows hotspots by."""

HULL_BUFFER_M = 100.0
"""Radius of the polygon drawn around a hotspot whose points make no area."""

HOTSPOT_COLUMNS: dict[str, str] = {
    "id": "object",
    "cluster_id": "int64",
    "label": "object",
    "incidents": "int64",
    "people": "Int64",
    "boats": "Int64",
    "first_date": "object",
    "last_date": "object",
    "centre_lon": "float64",
    "centre_lat": "float64",
    "coast_km_from": "float64",
    "coast_km_to": "float64",
    "coast_km_centre": "float64",
}
"""Columns of :func:`hotspots` (before ``geometry``) and their pandas dtypes."""

SHIFT_COLUMNS: dict[str, str] = {
    "hotspot_id": "object",
    "cluster_id": "int64",
    "period": "object",
    "incidents": "int64",
    "people": "Int64",
    "coast_km_centre": "float64",
}
"""Columns of :func:`hotspot_shifts` and their pandas dtypes."""

LABEL_JOIN = " – "
"""What joins the place names of a hotspot's label ("Gravelines – Grand-Fort-Philippe")."""
_NOT_SELECTED = -2  # internal label of rows left out of the clustering


# -- clustering --------------------------------------------------------------------------------


def cluster_incidents(
    incidents: gpd.GeoDataFrame, params: ClusterParams = DEFAULT_PARAMS
) -> gpd.GeoDataFrame:
    """Cluster incidents and set their ``cluster_id``.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326, or any CRS, converted).
    params
        The method and its parameters.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``incidents`` with ``cluster_id`` (Int64): a cluster number
        (0, 1, …) for clustered incidents, -1 for noise among the selected
        ones, and ``<NA>`` for incidents left out: role not in
        ``params.roles``, no point, no date (``space-time``), no coast
        kilometre (``coast``; computed with :func:`geo.coast.relate_to_coast`
        where missing, not written back). ``.attrs["clustering"]`` holds
        ``params.as_dict()``.

    Raises
    ------
    ValueError
        When a geometry is not a Point.
    """
    frame = incidents.copy()
    inputs = _cluster_inputs(frame, params)
    labels = np.full(len(frame), _NOT_SELECTED, dtype=np.int64)
    if params.method is ClusterMethod.COAST:
        labels[inputs.selected] = _coast_labels(inputs.coast_km, inputs.weight, params)
    else:
        labels[inputs.selected] = _spatial_labels(
            inputs.lon, inputs.lat, inputs.day, inputs.weight, params
        )
    frame["cluster_id"] = pd.arrays.IntegerArray(labels, labels == _NOT_SELECTED)
    frame.attrs["clustering"] = params.as_dict()
    return frame


@dataclass(frozen=True)
class _Inputs:
    """What a clustering method works on: the rows it takes, and their values in row order.

    ``coast_km`` is filled for ``coast`` only; ``lon``, ``lat`` and ``day`` (zeros
    unless ``space-time``) for the other methods only.
    """

    selected: BoolArray
    weight: FloatArray
    coast_km: FloatArray
    lon: FloatArray
    lat: FloatArray
    day: FloatArray


def _cluster_inputs(frame: gpd.GeoDataFrame, params: ClusterParams) -> _Inputs:
    """Choose the rows a method clusters (role, point, date, coast km) and read their values."""
    selected = _launch_rows(frame, params.roles) & placed_mask(frame)
    nothing = np.empty(0)
    if params.method is ClusterMethod.COAST:
        coast_km = _coast_km(frame, selected)
        selected &= np.isfinite(coast_km)
        weight = _weights(frame, selected, params.weight)
        return _Inputs(selected, weight, coast_km[selected], nothing, nothing, nothing)
    day = np.zeros(int(selected.sum()))
    if params.method is ClusterMethod.SPACE_TIME:
        day = _day_numbers(frame, selected)
        selected[selected] = np.isfinite(day)
        day = day[np.isfinite(day)]
    lon, lat = _lon_lat(frame, selected)
    return _Inputs(selected, _weights(frame, selected, params.weight), nothing, lon, lat, day)


def _launch_rows(frame: gpd.GeoDataFrame, roles: tuple[str, ...]) -> BoolArray:
    """Whether each row's location role is one of ``roles`` (every row when ``roles`` is empty)."""
    if not roles:
        return np.ones(len(frame), dtype=bool)
    if "location_role" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    inside: BoolArray = frame["location_role"].astype(object).isin(roles).to_numpy(dtype=bool)
    return inside


def _lon_lat(frame: gpd.GeoDataFrame, rows: BoolArray) -> tuple[FloatArray, FloatArray]:
    """WGS84 longitude and latitude of the given (placed) rows."""
    geometry = frame.geometry[rows]
    if geometry.crs is not None and not geometry.crs.equals(CRS):
        geometry = geometry.to_crs(CRS)
    values = np.asarray(geometry.values, dtype=object)
    kinds = shapely.get_type_id(values)
    if np.any(kinds != shapely.GeometryType.POINT):
        label = geometry.index[np.flatnonzero(kinds != shapely.GeometryType.POINT)[0]]
        raise ValueError(f"clustering needs points, got a non-point geometry at {label!r}")
    return shapely.get_x(values), shapely.get_y(values)


def _day_numbers(frame: pd.DataFrame, rows: BoolArray) -> FloatArray:
    """Day numbers (days since 1970-01-01) of the given rows' dates, NaN where undated."""
    if "date" not in frame.columns:
        return np.full(int(rows.sum()), np.nan)
    dates = pd.to_datetime(frame["date"][rows].astype("string"), errors="coerce", format="ISO8601")
    days = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    result: FloatArray = np.where(dates.isna().to_numpy(), np.nan, days.astype(np.float64))
    return result


def _weights(frame: pd.DataFrame, rows: BoolArray, weight: str) -> FloatArray:
    """Return what each given row counts for: one, or its people or boats (one if unknown)."""
    count = int(rows.sum())
    if weight == "none" or weight not in frame.columns:
        return np.ones(count)
    values = pd.to_numeric(frame[weight][rows], errors="coerce").to_numpy(
        dtype=np.float64, na_value=np.nan
    )
    result: FloatArray = np.where(np.isfinite(values), np.maximum(values, 0.0), 1.0)
    return result


def _coast_km(frame: gpd.GeoDataFrame, rows: BoolArray) -> FloatArray:
    """Coast kilometre of every row (NaN outside ``rows``), computed where it is missing."""
    known = np.full(len(frame), np.nan)
    if "coast_km" in frame.columns:
        known = pd.to_numeric(frame["coast_km"], errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
    coast_km: FloatArray = np.where(rows, known, np.nan)
    missing = rows & ~np.isfinite(coast_km)
    if missing.any():
        relations = relate_to_coast(frame.geometry[missing])
        coast_km[missing] = relations["coast_km"].round(3).to_numpy(dtype=np.float64)
    return coast_km


def _coast_labels(coast_km: FloatArray, weight: FloatArray, params: ClusterParams) -> IntArray:
    """Split the sorted coast kilometres at gaps over ``eps_km``; heavy enough runs are clusters."""
    if len(coast_km) == 0:
        return np.empty(0, dtype=np.int64)
    order = np.argsort(coast_km, kind="stable")
    run = np.concatenate([[0], np.cumsum(np.diff(coast_km[order]) > params.eps_km)])
    run_weight = np.bincount(run, weights=weight[order])
    heavy = run_weight >= params.min_samples
    number = np.cumsum(heavy) - 1
    labels = np.empty(len(coast_km), dtype=np.int64)
    labels[order] = np.where(heavy[run], number[run], -1)
    return labels


def _spatial_labels(
    lon: FloatArray, lat: FloatArray, day: FloatArray, weight: FloatArray, params: ClusterParams
) -> IntArray:
    """Cluster the points (and days, for space-time) merged into distinct weighted points."""
    timed = params.method is ClusterMethod.SPACE_TIME
    keys = (lon, lat, day) if timed else (lon, lat)
    first, inverse = _distinct(keys)
    merged = np.bincount(inverse, weights=weight, minlength=len(first)).astype(np.float64)
    lat_rad, lon_rad = np.radians(lat[first]), np.radians(lon[first])
    if params.method is ClusterMethod.HDBSCAN:
        labels = _hdbscan_labels(lat_rad, lon_rad, merged, params.min_cluster_size)
    else:
        points = Points(lat_rad, lon_rad, merged, day[first] if timed else None)
        gap = params.gap_days if timed else None
        labels = dbscan(points, params.eps_m / EARTH_RADIUS_M, params.min_samples, gap)
    rows = np.bincount(inverse, minlength=len(first)).astype(np.float64)
    return _numbered_along_coast(labels, lon[first], lat[first], rows)[inverse]


def _distinct(keys: tuple[FloatArray, ...]) -> tuple[IntArray, IntArray]:
    """Distinct key tuples in sorted order: index of each one's first row, and each row's tuple."""
    if len(keys[0]) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    order = np.lexsort(keys[::-1])
    changes = np.zeros(len(order), dtype=bool)
    changes[0] = True
    for key in keys:
        changes[1:] |= key[order][1:] != key[order][:-1]
    group = np.cumsum(changes) - 1
    inverse = np.empty(len(order), dtype=np.int64)
    inverse[order] = group
    return order[changes].astype(np.int64), inverse


def _numbered_along_coast(
    labels: IntArray, lon: FloatArray, lat: FloatArray, rows: FloatArray
) -> IntArray:
    """Renumber clusters 0, 1, … along the coast; noise stays -1.

    Clusters (labels 0 … k - 1 of distinct points in sorted order, each point
    standing for ``rows`` rows) are ordered by the coast kilometre of their
    centroid, then by their first point, so the numbers depend on nothing but
    the points.
    """
    clustered = labels >= 0
    count = int(labels.max()) + 1 if clustered.any() else 0
    if count == 0:
        return labels
    members = labels[clustered]
    size = np.bincount(members, weights=rows[clustered], minlength=count).astype(np.float64)
    lon_sums = _exact_sums(members, (lon * rows)[clustered], count)
    lat_sums = _exact_sums(members, (lat * rows)[clustered], count)
    first = np.full(count, len(labels), dtype=np.int64)
    np.minimum.at(first, members, np.flatnonzero(clustered))
    number = _cluster_numbers(size, lon_sums, lat_sums, first)
    renumbered = np.full(len(labels), -1, dtype=np.int64)
    renumbered[clustered] = number[members]
    return renumbered


def _cluster_numbers(
    size: FloatArray, lon_sums: list[Fraction], lat_sums: list[Fraction], first: IntArray
) -> IntArray:
    """Give clusters numbers along the coast: by centroid coast kilometre, then ``first``.

    A cluster's centroid is the mean of its points weighted by ``size`` (rows),
    from exact sums, so it does not depend on the order the points were added
    in; ``first`` orders clusters whose centroids share a coast kilometre
    (any numbers ordered as the clusters' first points are).
    """
    count = len(size)
    centre_lon = [float(total / int(rows)) for total, rows in zip(lon_sums, size, strict=True)]
    centre_lat = [float(total / int(rows)) for total, rows in zip(lat_sums, size, strict=True)]
    centres = gpd.GeoSeries(gpd.points_from_xy(centre_lon, centre_lat), crs=CRS)
    coast_km = relate_to_coast(centres)["coast_km"].to_numpy(dtype=np.float64)
    number = np.empty(count, dtype=np.int64)
    number[np.lexsort((first, coast_km))] = np.arange(count)
    return number


_LIMB_BITS = 18  # a 53-bit mantissa in three limbs: sums of 2**35 limbs stay exact in float64


def _exact_sums(group: IntArray, values: FloatArray, count: int) -> list[Fraction]:
    """Return each group's sum of ``values`` (finite floats), exactly, in any order of adding.

    Each value is an integer mantissa times a power of two; the mantissas are
    cut into limbs of :data:`_LIMB_BITS` bits and summed per group and
    exponent, where float64 adds integers below 2**53 without rounding.
    """
    sums = [Fraction(0)] * count
    if len(values) == 0:
        return sums
    fraction, exponent = np.frexp(values)
    whole = np.ldexp(fraction, 53).astype(np.int64)  # value = whole * 2**(exponent - 53)
    span = int(exponent.max()) - int(exponent.min()) + 1
    key = group.astype(np.int64) * span + (exponent - int(exponent.min()))
    keys, inverse = np.unique(key, return_inverse=True)
    mask = (1 << _LIMB_BITS) - 1
    limbs = [
        np.bincount(inverse, weights=((whole >> (_LIMB_BITS * k)) & mask), minlength=len(keys))
        for k in range(2)
    ]
    limbs.append(np.bincount(inverse, weights=whole >> (2 * _LIMB_BITS), minlength=len(keys)))
    for at, key_value in enumerate(keys.tolist()):
        total = sum(int(limb[at]) << (_LIMB_BITS * k) for k, limb in enumerate(limbs))
        power = key_value % span + int(exponent.min()) - 53
        sums[key_value // span] += Fraction(total) * Fraction(2) ** power
    return sums


def _hdbscan_labels(
    lat_rad: FloatArray, lon_rad: FloatArray, weight: FloatArray, min_cluster_size: int
) -> IntArray:
    """HDBSCAN of distinct points, each repeated as often as its (rounded) weight.

    scikit-learn's HDBSCAN takes no sample weights, so a point standing for
    ``k`` samples enters ``k`` times (a point of weight 0 is left out, as noise).
    """
    repeats = np.rint(weight).astype(np.int64)
    labels = np.full(len(weight), -1, dtype=np.int64)
    if int(repeats.sum()) < max(min_cluster_size, 2):
        return labels
    if int(repeats.sum()) > HDBSCAN_MAX_SAMPLES:
        raise InvalidClusterParamsError(
            f"method hdbscan handles at most {HDBSCAN_MAX_SAMPLES:,} weighted incidents, "
            f"got {int(repeats.sum()):,}; use dbscan, or fewer incidents (bbox, datetime)"
        )
    from sklearn.cluster import HDBSCAN  # scikit-learn takes 0.7 s to import: only here

    samples = np.repeat(np.column_stack([lat_rad, lon_rad]), repeats, axis=0)
    model = HDBSCAN(
        min_cluster_size=min_cluster_size, metric="haversine", algorithm="ball_tree", copy=False
    )
    sample_labels = np.asarray(model.fit(samples).labels_, dtype=np.int64)
    kept = repeats > 0
    labels[kept] = sample_labels[np.cumsum(repeats)[kept] - repeats[kept]]
    return labels


# -- hotspots ----------------------------------------------------------------------------------


def hotspots(clustered: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Describe each cluster of :func:`cluster_incidents` as a hotspot.

    Parameters
    ----------
    clustered
        A frame from :func:`cluster_incidents`.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per cluster (``cluster_id`` >= 0), EPSG:4326, with the columns
        of :data:`HOTSPOT_COLUMNS`: ``id`` (``hotspot-<cluster_id>``), ``label``
        (the members' most frequent nearest places, up to two joined by " – "),
        ``incidents``, ``people`` and ``boats`` (sums, ``<NA>`` when all are
        unknown), ``first_date`` and ``last_date`` (ISO dates or None),
        ``centre_lon``/``centre_lat`` (the members' centroid moved to the
        nearest shore point), ``coast_km_from``/``coast_km_to`` (the members'
        smallest and largest coast kilometre) and ``coast_km_centre`` (their
        mean). The geometry is the members' convex hull, or a polygon
        :data:`HULL_BUFFER_M` around them when they make no area. Sorted by
        ``coast_km_centre`` then ``cluster_id``; ``.attrs["clustering"]`` is
        carried over.

    Raises
    ------
    ValueError
        When ``clustered`` has no ``cluster_id`` column.
    """
    members = _members(clustered)
    if members.empty:
        return _empty_hotspots(clustered.attrs)
    groups = members.groupby("cluster_id", sort=True)
    table = pd.DataFrame(
        {
            "incidents": groups.size(),
            "people": groups["people"].sum(min_count=1),
            "boats": groups["boats"].sum(min_count=1),
            "first_date": groups["when"].min(),
            "last_date": groups["when"].max(),
            "coast_km_from": groups["coast_km"].min(),
            "coast_km_to": groups["coast_km"].max(),
            "coast_km_centre": groups["coast_km"].mean(),
        }
    )
    table["label"] = _place_labels(members)
    table["centre_lon"], table["centre_lat"] = _shore_centres(members)
    table["cluster_id"] = table.index.to_numpy(dtype=np.int64)
    table = table.rename_axis(index=None)
    table["id"] = [f"hotspot-{number}" for number in table["cluster_id"]]
    for column in ("first_date", "last_date"):
        table[column] = [
            None if pd.isna(when) else when.date().isoformat() for when in table[column]
        ]
    table["label"] = table["label"].where(table["label"] != "", table["id"])
    result = gpd.GeoDataFrame(
        table[list(HOTSPOT_COLUMNS)].astype(HOTSPOT_COLUMNS),
        geometry=gpd.GeoSeries(_hulls(members), index=table.index, crs=CRS),
        crs=CRS,
    )
    result = result.sort_values(["coast_km_centre", "cluster_id"], kind="stable")
    result = result.reset_index(drop=True)
    result.attrs.update(_carried_attrs(clustered.attrs))
    return result


def _members(clustered: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the clustered rows as a plain table: cluster, lon, lat, counts, date, coast fields."""
    if "cluster_id" not in clustered.columns:
        raise ValueError("hotspots need a frame from cluster_incidents, with a cluster_id column")
    cluster_id = pd.to_numeric(clustered["cluster_id"], errors="coerce").fillna(-1)
    rows = (cluster_id >= 0).to_numpy(dtype=bool) & placed_mask(clustered)
    lon, lat = _lon_lat(clustered, rows)
    coast_km, nearest_place = _coast_fields(clustered, rows)
    day = _day_numbers(clustered, rows)
    return pd.DataFrame(
        {
            "cluster_id": cluster_id[rows].to_numpy(dtype=np.int64),
            "lon": lon,
            "lat": lat,
            "people": _counts(clustered, "people", rows),
            "boats": _counts(clustered, "boats", rows),
            "when": pd.to_datetime(day, unit="D"),
            "coast_km": coast_km,
            "nearest_place": nearest_place,
        }
    )


def _counts(frame: pd.DataFrame, column: str, rows: BoolArray) -> pd.Series:
    """Return the given rows' people or boats as Int64 (all missing when the column is absent)."""
    if column not in frame.columns:
        return pd.Series(pd.NA, index=range(int(rows.sum())), dtype="Int64")
    return frame[column][rows].astype("Int64").reset_index(drop=True)


def _coast_fields(
    frame: gpd.GeoDataFrame, rows: BoolArray
) -> tuple[FloatArray, npt.NDArray[np.object_]]:
    """Coast kilometre and nearest place of the given rows, computed where missing."""
    coast_km = _coast_km(frame, rows)[rows]
    places = np.full(int(rows.sum()), None, dtype=object)
    if "nearest_place" in frame.columns:
        places = np.array(frame["nearest_place"][rows].astype(object), dtype=object)
    missing = pd.isna(places)
    if missing.any():
        where = np.flatnonzero(rows)[missing]
        found = relate_to_coast(frame.geometry.iloc[where])["nearest_place"]
        places[missing] = found.astype(object).to_numpy()
    return coast_km, places


def _place_labels(members: pd.DataFrame) -> pd.Series:
    """Each cluster's most frequent nearest places, up to two, joined by " – "."""
    named = members.dropna(subset=["nearest_place"])
    counts = named.groupby(["cluster_id", "nearest_place"]).size().rename("count").reset_index()
    counts = counts.sort_values(
        ["cluster_id", "count", "nearest_place"], ascending=[True, False, True], kind="stable"
    )
    top = counts.groupby("cluster_id").head(2)
    labels = top.groupby("cluster_id")["nearest_place"].agg(LABEL_JOIN.join)
    every = pd.Index(np.unique(members["cluster_id"]), name="cluster_id")
    return labels.reindex(every, fill_value="")


def _shore_centres(members: pd.DataFrame) -> tuple[FloatArray, FloatArray]:
    """Each cluster's centroid (in metres) moved to the nearest shore point, as lon and lat."""
    to_metric, to_wgs84 = _transformers()
    x, y = to_metric.transform(members["lon"].to_numpy(), members["lat"].to_numpy())
    metric = pd.DataFrame({"cluster_id": members["cluster_id"], "x": x, "y": y})
    mean = metric.groupby("cluster_id", sort=True)[["x", "y"]].mean()
    lon, lat = to_wgs84.transform(mean["x"].to_numpy(), mean["y"].to_numpy())
    shore = relate_to_coast(gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs=CRS))
    shore_lon = shore["shore_lon"].to_numpy(dtype=np.float64)
    shore_lat = shore["shore_lat"].to_numpy(dtype=np.float64)
    on_shore = np.isfinite(shore_lon) & np.isfinite(shore_lat)
    return np.where(on_shore, shore_lon, lon), np.where(on_shore, shore_lat, lat)


@cache
def _transformers() -> tuple[Transformer, Transformer]:
    """WGS84 to the metric CRS and back."""
    return (
        Transformer.from_crs(CRS, METRIC_CRS, always_xy=True),
        Transformer.from_crs(METRIC_CRS, CRS, always_xy=True),
    )


def _hulls(members: pd.DataFrame) -> npt.NDArray[np.object_]:
    """Each cluster's convex hull, or a polygon around its points when they make no area."""
    ordered = members.sort_values("cluster_id", kind="stable")
    _, index = np.unique(ordered["cluster_id"].to_numpy(), return_inverse=True)
    coordinates = ordered[["lon", "lat"]].to_numpy(dtype=np.float64)
    hulls = np.asarray(
        shapely.convex_hull(shapely.multipoints(coordinates, indices=index)), dtype=object
    )
    flat = shapely.get_type_id(hulls) != shapely.GeometryType.POLYGON
    if flat.any():
        around = gpd.GeoSeries(hulls[flat], crs=CRS).to_crs(METRIC_CRS).buffer(HULL_BUFFER_M)
        hulls[flat] = np.asarray(around.to_crs(CRS).values, dtype=object)
    return hulls


def _empty_hotspots(attrs: dict[str, object]) -> gpd.GeoDataFrame:
    """Return a hotspot frame without rows, with every column."""
    table = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in HOTSPOT_COLUMNS.items()})
    result = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries([], crs=CRS), crs=CRS)
    result.attrs.update(_carried_attrs(attrs))
    return result


def _carried_attrs(attrs: dict[str, object]) -> dict[str, object]:
    """Return the clustering description, if any, for a frame derived from a clustered one."""
    return {"clustering": attrs["clustering"]} if "clustering" in attrs else {}


# -- shifts ------------------------------------------------------------------------------------


def hotspot_shifts(clustered: gpd.GeoDataFrame, period: str = "month") -> pd.DataFrame:
    """Follow each hotspot period by period: how many launches, and where along the coast.

    Parameters
    ----------
    clustered
        A frame from :func:`cluster_incidents`.
    period
        ``month`` (periods like ``2025-06``) or ``quarter`` (like ``2025-Q2``).

    Returns
    -------
    pandas.DataFrame
        One row per cluster and period with dated members, with the columns of
        :data:`SHIFT_COLUMNS`: ``hotspot_id``, ``cluster_id``, ``period``,
        ``incidents``, ``people`` (``<NA>`` when all are unknown) and
        ``coast_km_centre`` (the mean coast kilometre of that period's
        members). Undated incidents are left out. Sorted by cluster, then period.

    Raises
    ------
    InvalidClusterParamsError
        When ``period`` is not ``month`` or ``quarter``.
    ValueError
        When ``clustered`` has no ``cluster_id`` column.
    """
    if not isinstance(period, str) or period not in PERIODS:
        raise InvalidClusterParamsError(
            f"period must be one of {', '.join(PERIODS)}, got {period!r}"
        )
    members = _members(clustered)
    members = members[members["when"].notna()]
    if members.empty:
        empty = pd.DataFrame(
            {name: pd.Series(dtype=dtype) for name, dtype in SHIFT_COLUMNS.items()}
        )
        empty.attrs.update(_carried_attrs(clustered.attrs))
        return empty
    when = members["when"].dt
    members = members.assign(
        period=when.strftime("%Y-%m")
        if period == "month"
        else when.year.astype(str) + "-Q" + when.quarter.astype(str)
    )
    groups = members.groupby(["cluster_id", "period"], sort=True)
    table = pd.DataFrame(
        {
            "incidents": groups.size(),
            "people": groups["people"].sum(min_count=1),
            "coast_km_centre": groups["coast_km"].mean(),
        }
    ).reset_index()
    table["hotspot_id"] = [f"hotspot-{number}" for number in table["cluster_id"]]
    shifts = table[list(SHIFT_COLUMNS)].astype(SHIFT_COLUMNS)
    shifts.attrs.update(_carried_attrs(clustered.attrs))
    return shifts


def hotspot_features(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """Turn a hotspot GeoDataFrame into GeoJSON Features (hull polygons, lon/lat)."""
    columns = [column for column in frame.columns if column != frame.geometry.name]
    records = plain_records(frame, columns)
    return [
        {
            "type": "Feature",
            "id": record["id"],
            "geometry": shapely.geometry.mapping(hull),
            "properties": {key: json_value(value) for key, value in record.items()},
        }
        for record, hull in zip(records, frame.geometry, strict=True)
    ]


def json_value(value: Any) -> Any:
    """Make a table value JSON-ready: numpy numbers as Python ones, NaN as null."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
