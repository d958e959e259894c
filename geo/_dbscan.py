"""Exact weighted DBSCAN on the sphere, in space or in space and time, in bounded memory.

DBSCAN's answer is fixed by three rules: a point is *core* when the weights of
the points within ``eps`` of it (itself included) add up to ``min_samples``;
core points within ``eps`` of each other share a cluster; every other point
within ``eps`` of a core point is a *border* point of a cluster, and the rest
is noise. scikit-learn computes it by listing every point's neighbours first,
which for incidents bunched at a few beaches means hundreds of millions of
pairs and gigabytes of memory. This module gets the same clusters with a grid:

- Cells are cut in latitude rows and longitude columns so that any two points
  of one cell lie within ``eps`` of each other (haversine). A cell whose
  weight reaches ``min_samples`` therefore holds only core points, and all
  core points of one cell are connected: dense cells need no distances at all.
- Any two points within ``eps`` lie in cells at most a few rows and columns
  apart; those candidate cell pairs are listed once.
- Distances are computed only where the grid cannot decide: the neighbours of
  points in sparse cells (their weight and border assignment) and the core
  points of two candidate cells whose connection is not yet known. They are
  compared in batches of at most :data:`_BATCH_PAIRS` point pairs.

With a time dimension (space-time DBSCAN, ST-DBSCAN), two points are
neighbours when they are within ``eps`` *and* their days differ by at most
``gap_days``; cells are then also cut in time buckets.

Core points and clusters are exactly DBSCAN's. A border point within reach of
two clusters joins the cluster of its nearest core point (scikit-learn gives it
to whichever cluster its scan reaches first), so the result never depends on
the order of the points.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG), the sphere of the haversine distance."""

_BATCH_PAIRS = 1_000_000  # point pairs compared at once: about 100 MB of temporaries
_CHUNK_POINTS = 1_000  # a cell's points enter a batch in chunks of at most this many
_ROUND_PAIRS = 8_000_000  # point pairs tested per round of the connection search
_SHRINK = 1.0 - 1e-9  # cells a hair smaller than the bound, against rounding


@dataclass(frozen=True)
class Points:
    """Distinct points to cluster, with their weights.

    Attributes
    ----------
    lat, lon
        Latitude and longitude in radians.
    weight
        How many samples each point stands for (a non-negative number).
    day
        Day numbers (integers as floats) for space-time clustering, else None.
    """

    lat: FloatArray
    lon: FloatArray
    weight: FloatArray
    day: FloatArray | None = None

    def __len__(self) -> int:
        return len(self.lat)


@dataclass(frozen=True)
class _Rule:
    """When two points are neighbours: haversine term at most ``hav_eps``, days within gap."""

    hav_eps: float
    gap_days: float | None


@dataclass(frozen=True)
class _Groups:
    """Some points ordered by cell: cell ``c`` holds ``members[start[c]:][:count[c]]``."""

    members: IntArray
    start: IntArray
    count: IntArray


@dataclass(frozen=True)
class _Grid:
    """The cell of each point and the candidate neighbour cell pairs (both ways, with (c, c))."""

    cell: IntArray
    cells: int
    pair_a: IntArray
    pair_b: IntArray


def dbscan(
    points: Points, eps_rad: float, min_samples: float, gap_days: float | None = None
) -> IntArray:
    """Cluster points with DBSCAN on the haversine distance, optionally in time too.

    Parameters
    ----------
    points
        Distinct points in radians, with weights (and days for space-time).
    eps_rad
        Neighbourhood radius as an angle (metres / :data:`EARTH_RADIUS_M`), at
        most a quarter turn.
    min_samples
        Weight a neighbourhood needs for its centre to be a core point.
    gap_days
        Largest difference in days between neighbours; None for space only.
        Needs ``points.day``.

    Returns
    -------
    numpy.ndarray
        A label per point: a cluster number (0, 1, …, in an order fixed by the
        order of ``points``) or -1 for noise.
    """
    if len(points) == 0:
        return np.empty(0, dtype=np.int64)
    parts = dbscan_parts(points, eps_rad, min_samples, gap_days)
    labels = np.full(len(points), -1, dtype=np.int64)
    _, labels[parts.core] = np.unique(parts.component[parts.core], return_inverse=True)
    border = parts.nearest_core >= 0
    labels[border] = labels[parts.nearest_core[border]]
    return labels


@dataclass(frozen=True)
class DbscanParts:
    """DBSCAN's three rules answered for some points: core, connection, nearest core.

    Attributes
    ----------
    core
        Whether each point is a core point (of the trusted ones).
    component
        For each core point, a number shared by exactly the core points it is
        connected to (-1 for the others); numbers are not consecutive.
    nearest_core
        For each wanted point that is not core, its nearest core neighbour
        (ties to the first), or -1.
    """

    core: BoolArray
    component: IntArray
    nearest_core: IntArray


def dbscan_parts(
    points: Points,
    eps_rad: float,
    min_samples: float,
    gap_days: float | None = None,
    *,
    trusted: BoolArray | None = None,
    wanted: BoolArray | None = None,
) -> DbscanParts:
    """Answer DBSCAN's rules for ``points``, maybe a piece of a larger set cut with a halo.

    With every point given (the defaults), this is :func:`dbscan` before
    numbering. On a piece of a larger set, the weight of a point's
    neighbourhood is right only when all its neighbours are in the piece:
    ``trusted`` marks those points, and only they may be core. Connections
    are then found among trusted core points, and the nearest core point is
    looked for only for the ``wanted`` points that are not core (every one
    by default).
    """
    if len(points) == 0:
        nothing = np.empty(0, dtype=np.int64)
        return DbscanParts(np.empty(0, dtype=bool), nothing, nothing)
    rule = _Rule(math.sin(eps_rad / 2) ** 2, gap_days)
    grid = _grid(points, eps_rad, gap_days)
    every = _groups(grid, np.ones(len(points), dtype=bool))
    core = _core_points(points, rule, grid, every, min_samples)
    if trusted is not None:
        core &= trusted
    core_groups = _groups(grid, core)
    component = _connect(points, rule, grid, core_groups)
    others = ~core if wanted is None else ~core & wanted
    nearest_core = _nearest_core(points, rule, grid, _groups(grid, others), core_groups)
    return DbscanParts(core, np.where(core, component[grid.cell], -1), nearest_core)


# -- the grid ----------------------------------------------------------------------------------


def _row_height(eps_rad: float) -> float:
    """Height of a row: half the squared chord of ``eps`` goes to latitude, half to longitude."""
    return 2 * math.asin(math.sqrt(math.sin(eps_rad / 2) ** 2 / 2)) * _SHRINK


def _row_bounds(row: IntArray, height: float) -> tuple[FloatArray, FloatArray]:
    """Smallest and largest |latitude| within each row."""
    low = np.clip(row * height, -np.pi / 2, np.pi / 2)
    high = np.clip((row + 1) * height, -np.pi / 2, np.pi / 2)
    crosses = (low <= 0) & (high >= 0)
    nearest = np.where(crosses, 0.0, np.minimum(np.abs(low), np.abs(high)))
    farthest = np.maximum(np.abs(low), np.abs(high))
    return nearest, farthest


def _row_width(row: IntArray, height: float, eps_rad: float) -> FloatArray:
    """Column width of each row, so that a cell's diagonal stays within ``eps``.

    hav(d) = hav(dlat) + cos(lat1) cos(lat2) hav(dlon): the row height takes half
    of hav(eps), the width the other half at the row's latitude nearest the
    equator. A row too near a pole for that is one cell all round.
    """
    nearest, _ = _row_bounds(row, height)
    ratio = math.sqrt(math.sin(eps_rad / 2) ** 2 / 2) / np.cos(nearest)
    width: FloatArray = np.where(
        ratio < 1, 2 * np.arcsin(np.minimum(ratio, 1.0)) * _SHRINK, 2 * np.pi
    )
    return width


def _reach(row_a: IntArray, row_b: IntArray, height: float, eps_rad: float) -> FloatArray:
    """Largest longitude difference of two neighbours in rows ``row_a`` and ``row_b`` (or pi)."""
    _, far_a = _row_bounds(row_a, height)
    _, far_b = _row_bounds(row_b, height)
    ratio = math.sin(eps_rad / 2) ** 2 / np.maximum(np.cos(far_a) * np.cos(far_b), 1e-300)
    reach: FloatArray = np.where(ratio < 1, 2 * np.arcsin(np.sqrt(np.minimum(ratio, 1.0))), np.pi)
    return reach


def _columns(lon: FloatArray, width: FloatArray) -> IntArray:
    """Column of each longitude in rows of the given widths."""
    count = np.ceil(2 * np.pi / width).astype(np.int64)
    column: IntArray = np.clip(np.floor((lon + np.pi) / width).astype(np.int64), 0, count - 1)
    return column


def _grid(points: Points, eps_rad: float, gap_days: float | None) -> _Grid:
    """Put the points in cells and list the cell pairs that may hold neighbours."""
    height = _row_height(eps_rad)
    row = np.floor(points.lat / height).astype(np.int64)
    width = _row_width(row, height, eps_rad)
    column = _columns(points.lon, width)
    bucket = np.zeros(len(points), dtype=np.int64)
    if gap_days is not None and points.day is not None:
        bucket = np.floor(points.day / max(gap_days, 1.0)).astype(np.int64)
    rows_near = math.ceil(eps_rad / height)
    band = _band(row, bucket, rows_near, int(np.ceil(2 * np.pi / width.min())))
    key = band.code_index(band.code(row, bucket)) * band.columns + column
    cell_key, cell = np.unique(key, return_inverse=True)
    cell_row = row[_first_of(cell, len(cell_key))]
    cell_bucket = bucket[_first_of(cell, len(cell_key))]
    cell_column = cell_key % band.columns
    steps = [0] if gap_days is None else [-1, 0, 1]
    pairs = [
        _pairs_towards(
            band, cell_key, cell_row, cell_bucket, cell_column, (drow, dtime), height, eps_rad
        )
        for dtime in steps
        for drow in range(-rows_near, rows_near + 1)
    ]
    pair_a = np.concatenate([a for a, _ in pairs])
    pair_b = np.concatenate([b for _, b in pairs])
    unique = np.unique(pair_a * len(cell_key) + pair_b)
    return _Grid(
        cell.astype(np.int64), len(cell_key), unique // len(cell_key), unique % len(cell_key)
    )


@dataclass(frozen=True)
class _Band:
    """Numbers the (time bucket, row) pairs, neighbouring ones included, with small codes."""

    row_min: int
    bucket_min: int
    rows: int
    codes: IntArray  # sorted codes of the (bucket, row) pairs that hold points
    columns: int  # more than any row's column count

    def code(self, row: IntArray, bucket: IntArray) -> IntArray:
        """Code of each (bucket, row) pair."""
        code: IntArray = (bucket - self.bucket_min) * self.rows + (row - self.row_min)
        return code

    def code_index(self, code: IntArray) -> IntArray:
        """Index of each code among the codes that hold points, -1 where none does."""
        index = np.searchsorted(self.codes, code).astype(np.int64)
        found = index < len(self.codes)
        found[found] = self.codes[index[found]] == code[found]
        return np.where(found, index, -1)


def _band(row: IntArray, bucket: IntArray, rows_near: int, columns: int) -> _Band:
    """Return the band of rows and time buckets the points and their neighbours occupy."""
    row_min = int(row.min()) - rows_near
    bucket_min = int(bucket.min()) - 1
    rows = int(row.max()) + rows_near + 1 - row_min
    codes = np.unique((bucket - bucket_min) * rows + (row - row_min))
    return _Band(row_min, bucket_min, rows, codes, columns + 1)


def _first_of(label: IntArray, count: int) -> IntArray:
    """Index of the first element with each label 0 … count - 1."""
    first = np.full(count, len(label), dtype=np.int64)
    np.minimum.at(first, label, np.arange(len(label), dtype=np.int64))
    return first


def _pairs_towards(
    band: _Band,
    cell_key: IntArray,
    cell_row: IntArray,
    cell_bucket: IntArray,
    cell_column: IntArray,
    step: tuple[int, int],
    height: float,
    eps_rad: float,
) -> tuple[IntArray, IntArray]:
    """Cell pairs (a, b) with b ``step`` = (rows, time buckets) away from a and maybe in reach."""
    drow, dtime = step
    target_row = cell_row + drow
    target = band.code_index(band.code(target_row, cell_bucket + dtime))
    cells = np.flatnonzero(target >= 0)
    width = _row_width(cell_row[cells], height, eps_rad)
    target_width = _row_width(target_row[cells], height, eps_rad)
    reach = _reach(cell_row[cells], target_row[cells], height, eps_rad)
    west = cell_column[cells] * width - np.pi - reach
    east = (cell_column[cells] + 1) * width - np.pi + reach
    ranges = _column_ranges(west, east, target_width)
    owner = np.concatenate([cells[index] for index, _, _ in ranges])
    base = target[owner] * band.columns
    low = np.searchsorted(cell_key, base + np.concatenate([lo for _, lo, _ in ranges]))
    high = np.searchsorted(cell_key, base + np.concatenate([hi for _, _, hi in ranges]), "right")
    return _expand_ranges(owner, low.astype(np.int64), high.astype(np.int64))


def _column_ranges(
    west: FloatArray, east: FloatArray, width: FloatArray
) -> list[tuple[IntArray, IntArray, IntArray]]:
    """Column ranges (which input, first, last) covering longitudes west … east, wrapped."""
    count = np.ceil(2 * np.pi / width).astype(np.int64)
    everything = east - west >= 2 * np.pi
    first = np.floor((west + np.pi) / width).astype(np.int64)
    last = np.floor((east + np.pi) / width).astype(np.int64)
    main_first = np.where(everything, 0, np.maximum(first, 0))
    main_last = np.where(everything, count - 1, np.minimum(last, count - 1))
    all_rows = np.arange(len(west), dtype=np.int64)
    wrap_west = np.flatnonzero(~everything & (west < -np.pi))
    wrap_east = np.flatnonzero(~everything & (east >= np.pi))
    return [
        (all_rows, main_first, main_last),
        (
            wrap_west,
            np.floor((west[wrap_west] + 3 * np.pi) / width[wrap_west]).astype(np.int64),
            count[wrap_west] - 1,
        ),
        (
            wrap_east,
            np.zeros(len(wrap_east), dtype=np.int64),
            np.floor((east[wrap_east] - np.pi) / width[wrap_east]).astype(np.int64),
        ),
    ]


def _expand_ranges(owner: IntArray, low: IntArray, high: IntArray) -> tuple[IntArray, IntArray]:
    """Pairs (owner[k], c) for every c in low[k] … high[k] - 1."""
    length = np.maximum(high - low, 0)
    start = np.repeat(low - np.cumsum(length) + length, length)
    return np.repeat(owner, length), start + np.arange(int(length.sum()), dtype=np.int64)


def _groups(grid: _Grid, selected: BoolArray) -> _Groups:
    """Order the selected points by cell (then by index) and find each cell's slice."""
    members = np.flatnonzero(selected).astype(np.int64)
    members = members[np.argsort(grid.cell[members], kind="stable")]
    count = np.bincount(grid.cell[members], minlength=grid.cells).astype(np.int64)
    return _Groups(members, np.cumsum(count) - count, count)


# -- point pairs -------------------------------------------------------------------------------


def _cross(
    left: _Groups, right: _Groups, pair_a: IntArray, pair_b: IntArray
) -> Iterator[tuple[IntArray, IntArray, IntArray]]:
    """Every point pair of the cell pairs, in batches: (pair index, left point, right point).

    Large cells enter in chunks of at most :data:`_CHUNK_POINTS` points, so a
    batch holds about :data:`_BATCH_PAIRS` pairs whatever the cells' sizes.
    """
    left_count, right_count = left.count[pair_a], right.count[pair_b]
    left_pieces, right_pieces = -(-left_count // _CHUNK_POINTS), -(-right_count // _CHUNK_POINTS)
    pair, within = _spread(left_pieces * right_pieces)
    left_at = (within // right_pieces[pair]) * _CHUNK_POINTS
    right_at = (within % right_pieces[pair]) * _CHUNK_POINTS
    left_start = left.start[pair_a[pair]] + left_at
    right_start = right.start[pair_b[pair]] + right_at
    left_size = np.minimum(left_count[pair] - left_at, _CHUNK_POINTS)
    right_size = np.minimum(right_count[pair] - right_at, _CHUNK_POINTS)
    size = left_size * right_size
    batch = (np.cumsum(size) - size) // _BATCH_PAIRS
    bounds = [0, *(np.flatnonzero(np.diff(batch)) + 1).tolist(), len(batch)]
    for begin, end in itertools.pairwise(bounds):
        if begin == end:
            continue
        piece, offset = _spread(size[begin:end])
        piece += begin
        across = right_size[piece]
        yield (
            pair[piece],
            left.members[left_start[piece] + offset // across],
            right.members[right_start[piece] + offset % across],
        )


def _spread(count: IntArray) -> tuple[IntArray, IntArray]:
    """For k repeated count[k] times: (k, 0 … count[k] - 1), all concatenated."""
    owner = np.repeat(np.arange(len(count), dtype=np.int64), count)
    offset = np.arange(len(owner), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
    return owner, offset


def _closeness(points: Points, i: IntArray, j: IntArray) -> FloatArray:
    """Return the haversine term hav(d / R) of each pair: it grows with the distance d."""
    half_lat = np.sin((points.lat[i] - points.lat[j]) / 2)
    half_lon = np.sin((points.lon[i] - points.lon[j]) / 2)
    term: FloatArray = half_lat**2 + np.cos(points.lat[i]) * np.cos(points.lat[j]) * half_lon**2
    return term


def _near(points: Points, rule: _Rule, i: IntArray, j: IntArray) -> BoolArray:
    """Whether each pair are neighbours."""
    near: BoolArray = _closeness(points, i, j) <= rule.hav_eps
    if rule.gap_days is not None and points.day is not None:
        near &= np.abs(points.day[i] - points.day[j]) <= rule.gap_days
    return near


# -- the three rules ---------------------------------------------------------------------------


def _core_points(
    points: Points, rule: _Rule, grid: _Grid, every: _Groups, min_samples: float
) -> BoolArray:
    """Core points: a dense cell's points, and those whose neighbours weigh enough."""
    cell_weight = np.bincount(grid.cell, weights=points.weight, minlength=grid.cells)
    dense = cell_weight >= min_samples
    sparse_pairs = ~dense[grid.pair_a]
    weight = np.zeros(len(points))
    for _, i, j in _cross(every, every, grid.pair_a[sparse_pairs], grid.pair_b[sparse_pairs]):
        near = _near(points, rule, i, j)
        weight += np.bincount(i[near], weights=points.weight[j[near]], minlength=len(points))
    core: BoolArray = dense[grid.cell] | (weight >= min_samples)
    return core


def _connect(points: Points, rule: _Rule, grid: _Grid, core: _Groups) -> IntArray:
    """Connect the cells' core points: return a component label per cell."""
    with_core = core.count > 0
    keep = (grid.pair_a < grid.pair_b) & with_core[grid.pair_a] & with_core[grid.pair_b]
    pair_a, pair_b = grid.pair_a[keep], grid.pair_b[keep]
    centre = _central_core_point(points, grid, core)
    quick = _near(points, rule, centre[pair_a], centre[pair_b])
    edges_a, edges_b = [pair_a[quick]], [pair_b[quick]]
    component = _components(grid.cells, pair_a[quick], pair_b[quick])
    open_pairs = np.flatnonzero(~quick & (component[pair_a] != component[pair_b]))
    cost = core.count[pair_a[open_pairs]] * core.count[pair_b[open_pairs]]
    open_pairs = open_pairs[np.argsort(cost, kind="stable")]
    while len(open_pairs):
        cost = core.count[pair_a[open_pairs]] * core.count[pair_b[open_pairs]]
        take = max(1, int(np.searchsorted(np.cumsum(cost), _ROUND_PAIRS, "right")))
        tested, open_pairs = open_pairs[:take], open_pairs[take:]
        linked = _linked(points, rule, core, pair_a[tested], pair_b[tested])
        edges_a.append(pair_a[tested[linked]])
        edges_b.append(pair_b[tested[linked]])
        component = _components(grid.cells, np.concatenate(edges_a), np.concatenate(edges_b))
        open_pairs = open_pairs[component[pair_a[open_pairs]] != component[pair_b[open_pairs]]]
    return component


def _central_core_point(points: Points, grid: _Grid, core: _Groups) -> IntArray:
    """For each cell, its core point nearest the mean of its core points (-1 if none)."""
    cell = grid.cell[core.members]
    count = np.maximum(core.count, 1)
    mean_lat = np.bincount(cell, weights=points.lat[core.members], minlength=grid.cells) / count
    mean_lon = np.bincount(cell, weights=points.lon[core.members], minlength=grid.cells) / count
    scale = np.cos(mean_lat[cell])
    spread = (points.lat[core.members] - mean_lat[cell]) ** 2 + (
        scale * (points.lon[core.members] - mean_lon[cell])
    ) ** 2
    order = np.lexsort((spread, cell))
    central = np.full(grid.cells, -1, dtype=np.int64)
    first = np.flatnonzero(np.diff(cell[order], prepend=-1))
    central[cell[order][first]] = core.members[order][first]
    return central


def _linked(
    points: Points, rule: _Rule, core: _Groups, pair_a: IntArray, pair_b: IntArray
) -> BoolArray:
    """Whether any core point of cell ``pair_a[k]`` is a neighbour of one of ``pair_b[k]``."""
    linked = np.zeros(len(pair_a), dtype=bool)
    for pair, i, j in _cross(core, core, pair_a, pair_b):
        linked[pair[_near(points, rule, i, j)]] = True
    return linked


def _components(count: int, edge_a: IntArray, edge_b: IntArray) -> IntArray:
    """Label the connected components of a graph on ``count`` nodes by their smallest node.

    Union by hooking each root onto the smaller root across an edge, then
    pointer jumping until every node points at its root, until no edge joins
    two roots.
    """
    parent = np.arange(count, dtype=np.int64)
    while len(edge_a):
        root_a, root_b = parent[edge_a], parent[edge_b]
        apart = root_a != root_b
        if not apart.any():
            break
        edge_a, edge_b = edge_a[apart], edge_b[apart]
        low = np.minimum(root_a[apart], root_b[apart])
        np.minimum.at(parent, np.maximum(root_a[apart], root_b[apart]), low)
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
    return parent


def _nearest_core(
    points: Points, rule: _Rule, grid: _Grid, others: _Groups, core: _Groups
) -> IntArray:
    """For each point that is not core, its nearest core neighbour (-1 if none).

    Ties go to the core point that comes first, so the answer is fixed.
    """
    found: list[tuple[IntArray, FloatArray, IntArray]] = []
    for _, i, j in _cross(others, core, grid.pair_a, grid.pair_b):
        near = _near(points, rule, i, j)
        found.append(_best_per_point(i[near], _closeness(points, i[near], j[near]), j[near]))
    best = np.full(len(points), -1, dtype=np.int64)
    if found:
        i, _, j = _best_per_point(*(np.concatenate(column) for column in zip(*found, strict=True)))
        best[i] = j
    return best


def _best_per_point(
    i: IntArray, term: FloatArray, j: IntArray
) -> tuple[IntArray, FloatArray, IntArray]:
    """Keep, for each distinct ``i``, its pair with the smallest term (then smallest ``j``)."""
    order = np.lexsort((j, term, i))
    first = order[np.flatnonzero(np.diff(i[order], prepend=-1))]
    return i[first], term[first], j[first]
