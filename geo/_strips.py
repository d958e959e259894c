"""Clustering over partitions, equal to :func:`geo.cluster.cluster_incidents` on the whole.

The rows to cluster are spread over partitions in any order. Each method is
cut so that no piece needs every row at once, and put back together so that
every incident gets the ``cluster_id`` the single-process path gives it.

``dbscan`` and ``space-time``: longitude strips with a halo
---------------------------------------------------------------
The longitudes are cut into strips of about equal rows. Two points within
``eps`` of each other (both at most ``max_lat`` from the equator) differ in
longitude by at most ``reach`` = 2 asin(sin(eps / 2) / cos(max_lat)), since
hav(d) >= cos(lat1) cos(lat2) hav(dlon). A strip's piece holds the points it
*owns* (longitude inside it), the *inner halo* (within ``reach`` of it) and
the *outer halo* (within 2 ``reach``). Then, with DBSCAN's three rules (see
:mod:`geo._dbscan`):

1. Core points. Every neighbour of an owned or inner-halo point is in the
   piece, so its neighbourhood weight, and whether it is core, is exact.
   Only these *trusted* points may be core in the piece (an outer-halo
   point's neighbourhood may be cut).
2. Connections. Any two core neighbours p, q with p owned by the strip are
   both trusted in it: every edge of the core graph is found in the strip
   owning either end, and every edge found is an edge of the whole graph. So
   the components of the union of the strips' graphs are the whole graph's.
   Each strip numbers its components; a core point in a strip's inner halo
   is also a core point of its owner's piece, and joins the two strips'
   components. Joining them (union-find) gives the clusters exactly.
3. Border points. An owned point that is not core has all its neighbours,
   with their exact core status, in the piece: its nearest core point, ties
   going to the first in the order of (lon, lat[, day]) as in
   :mod:`geo._dbscan`, is the one the whole computation finds. Distinct
   points are numbered in that same order in every piece.

Identical points (and days) are merged before clustering, as the
single-process path does; they share a longitude, so one strip owns them all.
Cluster numbers are then given as :func:`geo.cluster._numbered_along_coast`
gives them, from per-cluster sums that each strip adds up for the points it
owns: rows, exact sums of lon and lat (so the centroid does not depend on the
order of adding), and the first point.

``hdbscan``: one piece (it is limited to 20,000 weighted incidents anyway).

``coast``: each partition reduces its rows to the distinct coast kilometres
with their summed weights (at most one per metre of coast); the reductions
are merged and split into runs as :func:`geo.cluster._coast_labels` does, which
duplicates cannot change (they never open a gap).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from geo._dbscan import EARTH_RADIUS_M, Points, _components, dbscan_parts
from geo.cluster import (
    _cluster_numbers,
    _coast_labels,
    _distinct,
    _exact_sums,
    _hdbscan_labels,
    _Inputs,
)
from geo.cluster_params import ClusterParams
from geo.vocabulary import ClusterMethod

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

OWNED, INNER, OUTER = 0, 1, 2
_REACH_MARGIN = 1.0 + 1e-6  # the bound is exact; the margin covers rounding, costs nothing
_SAMPLE = 200  # longitude quantiles each partition reports for cutting the strips


# -- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rows:
    """Rows to cluster: where each comes from, its point, day and weight, and its zone."""

    part: IntArray
    position: IntArray
    lon: FloatArray
    lat: FloatArray
    day: FloatArray
    weight: FloatArray
    zone: npt.NDArray[np.int8]

    def __len__(self) -> int:
        return len(self.lon)

    def take(self, rows: IntArray | BoolArray) -> Rows:
        """Return the given rows."""
        return Rows(
            self.part[rows],
            self.position[rows],
            self.lon[rows],
            self.lat[rows],
            self.day[rows],
            self.weight[rows],
            self.zone[rows],
        )


def partition_rows(part: int, inputs: _Inputs) -> Rows:
    """Return the rows one partition clusters (``dbscan``, ``hdbscan``, ``space-time``)."""
    position = np.flatnonzero(inputs.selected).astype(np.int64)
    return Rows(
        np.full(len(position), part, dtype=np.int64),
        position,
        inputs.lon,
        inputs.lat,
        inputs.day,
        inputs.weight,
        np.zeros(len(position), dtype=np.int8),
    )


def _joined(pieces: Sequence[Rows]) -> Rows:
    """Concatenate pieces of rows."""
    return Rows(
        *(
            np.concatenate([getattr(piece, name) for piece in pieces])
            for name in ("part", "position", "lon", "lat", "day", "weight", "zone")
        )
    )


@dataclass(frozen=True)
class RowsSummary:
    """What planning the strips needs to know of a partition's rows."""

    count: int
    weight: float
    max_abs_lat: float
    lon_quantiles: FloatArray


def summary(rows: Rows) -> RowsSummary:
    """Summarise a partition's rows: count, weight, farthest latitude, longitude quantiles."""
    if len(rows) == 0:
        return RowsSummary(0, 0.0, 0.0, np.empty(0))
    quantiles = np.quantile(rows.lon, np.linspace(0.0, 1.0, _SAMPLE + 1))
    return RowsSummary(
        len(rows), float(rows.weight.sum()), float(np.abs(rows.lat).max()), quantiles
    )


# -- strips -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Strips [cuts[s - 1], cuts[s]) of longitude (the first from -180, the last to 180)."""

    params: ClusterParams
    cuts: FloatArray
    reach: float  # degrees of longitude two neighbours may differ by; inf: one strip

    @property
    def strips(self) -> int:
        """How many strips there are."""
        return len(self.cuts) + 1

    def owner(self, lon: FloatArray) -> IntArray:
        """Return the strip owning each longitude."""
        owner: IntArray = np.searchsorted(self.cuts, lon, side="right").astype(np.int64)
        return owner

    def bounds(self, strip: int) -> tuple[float, float]:
        """West and east edge of a strip."""
        west = -180.0 if strip == 0 else float(self.cuts[strip - 1])
        east = 180.0 if strip == self.strips - 1 else float(self.cuts[strip])
        return west, east


def longitude_reach(eps_m: float, max_abs_lat: float) -> float:
    """Return how far apart in longitude (degrees) two points within ``eps_m`` may be.

    Both points are nearer the equator than ``max_abs_lat``; inf when any
    longitudes may be neighbours.
    """
    eps_rad = eps_m / EARTH_RADIUS_M
    ratio = math.sin(eps_rad / 2) / math.cos(math.radians(min(max_abs_lat, 90.0)))
    if not ratio < 0.5:  # reach of 60 degrees or more: one strip holds everything
        return math.inf
    return math.degrees(2 * math.asin(ratio)) * _REACH_MARGIN


def plan_strips(
    params: ClusterParams, summaries: Sequence[RowsSummary], rows_per_strip: int, least: int
) -> Plan:
    """Cut the longitudes into strips of about ``rows_per_strip`` rows (at least ``least``).

    ``hdbscan`` gets one strip. Strips are kept at least four reaches wide, so
    a halo never holds more than the next strip's edge.
    """
    counted = [s for s in summaries if s.count]
    total = sum(s.count for s in counted)
    wanted = max(least, -(-total // max(rows_per_strip, 1)))
    if params.method is ClusterMethod.HDBSCAN or not counted or wanted <= 1:
        return Plan(params, np.empty(0), math.inf)
    reach = longitude_reach(params.eps_m, max(s.max_abs_lat for s in counted))
    if not math.isfinite(reach):
        return Plan(params, np.empty(0), math.inf)
    values = np.concatenate([s.lon_quantiles for s in counted])
    weights = np.concatenate([np.full(len(s.lon_quantiles), s.count) for s in counted])
    order = np.argsort(values, kind="stable")
    ranks = np.cumsum(weights[order]) / weights.sum()
    targets = np.arange(1, wanted) / wanted
    candidates = values[order][np.minimum(np.searchsorted(ranks, targets), len(order) - 1)]
    cuts: list[float] = []
    for cut in candidates.tolist():
        west = cuts[-1] if cuts else -180.0
        if cut - west >= 4 * reach and 180.0 - cut >= 4 * reach:
            cuts.append(cut)
    if cuts and cuts[0] - (-180.0) + (180.0 - cuts[-1]) < 4 * reach:
        cuts.pop()  # the first and last strip meet across the antimeridian
    return Plan(params, np.array(cuts, dtype=np.float64), reach)


def split(rows: Rows, plan: Plan) -> list[Rows]:
    """Share a partition's rows out to the strips: each to its owner, and to nearby halos."""
    if plan.strips == 1:
        return [rows]
    owner = plan.owner(rows.lon)
    pieces = []
    for strip in range(plan.strips):
        west, east = plan.bounds(strip)
        outside = np.minimum((west - rows.lon) % 360.0, (rows.lon - east) % 360.0)
        zone = np.where(outside <= plan.reach, INNER, OUTER).astype(np.int8)
        zone[owner == strip] = OWNED
        keep = (owner == strip) | (outside <= 2 * plan.reach)
        piece = rows.take(keep)
        pieces.append(replace(piece, zone=zone[keep]))
    return pieces


# -- one strip -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    """Core points of a strip's inner halo owned by one other strip, with their component."""

    strip: int  # the strip exporting them
    component: IntArray
    keys: FloatArray  # (points, key length): lon, lat[, day]


@dataclass(frozen=True)
class Edge:
    """A strip's owned core points that other strips may hold in their inner halo."""

    keys: FloatArray
    component: IntArray


@dataclass(frozen=True)
class ComponentSums:
    """Per component of a strip, over its owned points: rows, exact lon and lat sums, first key."""

    rows: FloatArray
    lon_sums: list[Fraction]
    lat_sums: list[Fraction]
    first: FloatArray  # (components, key length): the first owned point, NaN if none


@dataclass(frozen=True)
class StripResult:
    """A strip's clustering: the label (component, or -1) of each owned row, and what joins it."""

    strip: int
    part: IntArray  # owned rows, sorted by partition
    position: IntArray
    component: IntArray
    components: int
    exported: dict[int, Exported]  # by owner strip
    edge: Edge
    sums: ComponentSums


def cluster_strip(strip: int, plan: Plan, pieces: Sequence[Rows]) -> StripResult:
    """Cluster one strip's rows (owned and halo) into components of its own numbering."""
    params = plan.params
    rows = _joined(pieces)
    timed = params.method is ClusterMethod.SPACE_TIME
    keys = (rows.lon, rows.lat, rows.day) if timed else (rows.lon, rows.lat)
    first, inverse = _distinct(keys)
    weight = np.bincount(inverse, weights=rows.weight, minlength=len(first)).astype(np.float64)
    count = np.bincount(inverse, minlength=len(first)).astype(np.float64)
    lon, lat, day, zone = rows.lon[first], rows.lat[first], rows.day[first], rows.zone[first]
    lat_rad, lon_rad = np.radians(lat), np.radians(lon)
    if params.method is ClusterMethod.HDBSCAN:
        labels = _hdbscan_labels(lat_rad, lon_rad, weight, params.min_cluster_size)
        core = np.zeros(len(first), dtype=bool)
    else:
        parts = dbscan_parts(
            Points(lat_rad, lon_rad, weight, day if timed else None),
            params.eps_m / EARTH_RADIUS_M,
            params.min_samples,
            params.gap_days if timed else None,
            trusted=zone <= INNER,
            wanted=zone == OWNED,
        )
        core = parts.core
        labels = np.full(len(first), -1, dtype=np.int64)
        labels[core] = parts.component[core]
        border = (parts.nearest_core >= 0) & (zone == OWNED)
        labels[border] = labels[parts.nearest_core[border]]
    numbered = labels >= 0
    names, component = np.unique(labels[numbered], return_inverse=True)
    labels[numbered] = component
    point_keys = np.column_stack([lon, lat, day] if timed else [lon, lat])
    owned_rows = np.flatnonzero(rows.zone == OWNED)
    owned_rows = owned_rows[np.argsort(rows.part[owned_rows], kind="stable")]
    return StripResult(
        strip=strip,
        part=rows.part[owned_rows],
        position=rows.position[owned_rows],
        component=labels[inverse[owned_rows]],
        components=len(names),
        exported=_exported(plan, strip, core & (zone == INNER), labels, point_keys),
        edge=_edge(plan, strip, core & (zone == OWNED), labels, point_keys),
        sums=_component_sums(labels, zone == OWNED, lon, lat, count, point_keys, len(names)),
    )


def _exported(
    plan: Plan, strip: int, halo_core: BoolArray, labels: IntArray, keys: FloatArray
) -> dict[int, Exported]:
    """Group the inner halo's core points by the strip that owns them."""
    at = np.flatnonzero(halo_core)
    owner = plan.owner(keys[at, 0])
    return {
        int(other): Exported(strip, labels[at[owner == other]], keys[at[owner == other]])
        for other in np.unique(owner)
    }


def _edge(
    plan: Plan, strip: int, owned_core: BoolArray, labels: IntArray, keys: FloatArray
) -> Edge:
    """Find the owned core points near the strip's edges, which other strips' halos may hold."""
    if plan.strips == 1:
        return Edge(keys[:0], labels[:0])
    west, east = plan.bounds(strip)
    lon = keys[:, 0]
    near_edge = np.minimum(lon - west, east - lon) <= plan.reach * 1.001
    at = np.flatnonzero(owned_core & near_edge)
    return Edge(keys[at], labels[at])


def _bits(keys: FloatArray) -> IntArray:
    """Keys as integers that are equal exactly when the floats are (-0.0 taken as 0.0)."""
    bits: IntArray = np.ascontiguousarray(keys + 0.0).view(np.int64)
    return bits


def _matched(table: FloatArray, queries: FloatArray) -> IntArray:
    """Index in ``table`` of each query key, every one of which is in the table."""
    both = np.concatenate([_bits(table), _bits(queries)])
    _, inverse = np.unique(both, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    where = np.full(len(both), -1, dtype=np.int64)
    where[inverse[: len(table)]] = np.arange(len(table))
    found: IntArray = where[inverse[len(table) :]]
    if (found < 0).any():
        raise RuntimeError("a halo core point is missing from its owner's edge (a launchmap bug)")
    return found


def _component_sums(
    labels: IntArray,
    owned: BoolArray,
    lon: FloatArray,
    lat: FloatArray,
    count: FloatArray,
    keys: FloatArray,
    components: int,
) -> ComponentSums:
    """Sum rows and exact lon and lat per component over the owned points; find the first."""
    at = np.flatnonzero(owned & (labels >= 0))
    members = labels[at]
    first_at = np.full(components, len(labels), dtype=np.int64)
    np.minimum.at(first_at, members, at)
    first = np.full((components, keys.shape[1]), np.nan)
    seen = first_at < len(labels)
    first[seen] = keys[first_at[seen]]
    return ComponentSums(
        np.bincount(members, weights=count[at], minlength=components).astype(np.float64),
        _exact_sums(members, (lon * count)[at], components),
        _exact_sums(members, (lat * count)[at], components),
        first,
    )


def exported_to(result: StripResult, owner: int) -> Exported | None:
    """Return what a strip exports to the strip owning those points, if anything."""
    return result.exported.get(owner)


def links(result: StripResult, exported: Sequence[Exported | None]) -> IntArray:
    """Join exported halo core points to their owner's components: rows (strip, theirs, ours)."""
    found = [np.empty((0, 3), dtype=np.int64)]
    for item in exported:
        if item is None or len(item.component) == 0:
            continue
        ours = result.edge.component[_matched(result.edge.keys, item.keys)]
        pairs = np.unique(np.column_stack([item.component, ours]), axis=0)
        found.append(np.column_stack([np.full(len(pairs), item.strip), pairs]).astype(np.int64))
    return np.concatenate(found)


# -- all strips together -------------------------------------------------------------------------


def cluster_numbers(
    components: Sequence[int],
    sums: Sequence[ComponentSums],
    joins: Sequence[tuple[int, IntArray]],
) -> list[IntArray]:
    """Give every strip's components the numbers of their clusters, as one process would.

    ``joins`` are (owner strip, links from :func:`links`). Returns, per strip,
    the cluster number of each of its components.
    """
    offset = np.concatenate([[0], np.cumsum(components)]).astype(np.int64)
    edges = [
        np.column_stack([offset[found[:, 0]] + found[:, 1], offset[owner] + found[:, 2]])
        for owner, found in joins
        if len(found)
    ]
    edge = np.concatenate(edges) if edges else np.empty((0, 2), dtype=np.int64)
    root = _components(int(offset[-1]), edge[:, 0], edge[:, 1])
    clusters, cluster = np.unique(root, return_inverse=True)
    count = len(clusters)
    rows = np.zeros(count)
    lon_sums = [Fraction(0)] * count
    lat_sums = [Fraction(0)] * count
    key_length = max((s.first.shape[1] for s in sums), default=2)
    first = np.full((count, key_length), np.inf)
    for strip, strip_sums in enumerate(sums):
        mine = cluster[offset[strip] : offset[strip + 1]]
        np.add.at(rows, mine, strip_sums.rows)
        for at, number in enumerate(mine.tolist()):
            lon_sums[number] += strip_sums.lon_sums[at]
            lat_sums[number] += strip_sums.lat_sums[at]
            candidate = strip_sums.first[at]
            if not np.isnan(candidate[0]) and tuple(candidate) < tuple(first[number]):
                first[number] = candidate
    rank = np.empty(count, dtype=np.int64)
    rank[np.lexsort(first.T[::-1])] = np.arange(count)
    number = _cluster_numbers(rows, lon_sums, lat_sums, rank) if count else rank
    return [number[cluster[offset[s] : offset[s + 1]]] for s in range(len(components))]


def labels_for(result: StripResult, numbers: IntArray, part: int) -> tuple[IntArray, IntArray]:
    """Positions and cluster numbers (-1 for noise) of a strip's owned rows of one partition."""
    start, end = np.searchsorted(result.part, [part, part + 1])
    component = result.component[start:end]
    labels = np.full(len(component), -1, dtype=np.int64)
    labels[component >= 0] = numbers[component[component >= 0]]
    return result.position[start:end], labels.astype(np.int64)


# -- coast ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoastRows:
    """The rows one partition clusters (``coast``): positions, coast kilometres, weights."""

    position: IntArray
    coast_km: FloatArray
    weight: FloatArray

    def __len__(self) -> int:
        return len(self.position)


def partition_coast_rows(inputs: _Inputs) -> CoastRows:
    """Return the rows one partition clusters (``coast``)."""
    position = np.flatnonzero(inputs.selected).astype(np.int64)
    return CoastRows(position, inputs.coast_km, inputs.weight)


@dataclass(frozen=True)
class CoastWeights:
    """Distinct coast kilometres, ascending, with the weight of the rows at each."""

    coast_km: FloatArray
    weight: FloatArray


def coast_weights(rows: CoastRows) -> CoastWeights:
    """Reduce a partition's rows to distinct coast kilometres and their summed weight."""
    values, inverse = np.unique(rows.coast_km, return_inverse=True)
    weight = np.bincount(inverse, weights=rows.weight, minlength=len(values))
    return CoastWeights(values, weight.astype(np.float64))


def merged_coast_weights(*parts: CoastWeights) -> CoastWeights:
    """Merge reductions of :func:`coast_weights`."""
    values = np.concatenate([p.coast_km for p in parts])
    weight = np.concatenate([p.weight for p in parts])
    unique, inverse = np.unique(values, return_inverse=True)
    summed = np.bincount(inverse, weights=weight, minlength=len(unique))
    return CoastWeights(unique, summed.astype(np.float64))


def coast_table(merged: CoastWeights, params: ClusterParams) -> tuple[FloatArray, IntArray]:
    """Return the cluster number of each distinct coast kilometre."""
    return merged.coast_km, _coast_labels(merged.coast_km, merged.weight, params)


def coast_labels_for(
    rows: CoastRows, table: tuple[FloatArray, IntArray]
) -> tuple[IntArray, IntArray]:
    """Positions and cluster numbers (-1 for noise) of a partition's rows (``coast``)."""
    values, labels = table
    found: IntArray = labels[np.searchsorted(values, rows.coast_km)]
    return rows.position, found
