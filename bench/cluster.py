"""Benchmark: cluster many launches, against scikit-learn's brute-force haversine DBSCAN.

Usage::

    python bench/cluster.py            # 1,000,000 incidents along the coast (target <= 5 s)
                                       # and 100,000 with 2-D DBSCAN (target <= 10 s)
    python bench/cluster.py --quick    # 100,000 and 20,000 incidents, well under a minute

Synthetic launches (fixed seed) gather around 60 launch sites on the French
coast between Dunkirk (coast km 12.5) and Berck (km 128), some sites far busier
than others, each scattered with a normal jitter of 200 m to 2 km; 10 % of the
incidents are noise spread uniformly over the coast and its hinterland.
Coordinates are rounded to 5 decimals, as real data is; dates span two years;
roles are departure or pickup. The incidents carry their coast relations, as
stored incidents do.

launchmap clusters them with :func:`geo.cluster.cluster_incidents`: ``coast``
(1-D along ``coast_km``) on the large sample and ``dbscan`` (2-D, haversine) on
the smaller one, with the defaults (2,000 m, ``min_samples`` 3: on data this
dense nearly everything joins one cluster) and with tight parameters (200 m,
``min_samples`` 8: about a hundred hotspots, many more distances). The
baseline is scikit-learn's DBSCAN with ``algorithm="brute"`` and
``metric="haversine"`` on every incident (no merging of identical points). Its
memory grows with the square of the size, so it runs on a subsample and its
time is extrapolated quadratically to each full size; launchmap's labels on
that subsample are compared with the baseline's. The last lines are one JSON
object per figure.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from _report import figure, peak_rss_mib
from _synthetic import SITES, launch_sites
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score

from geo._dbscan import EARTH_RADIUS_M
from geo.cluster import cluster_incidents
from geo.cluster_params import ClusterParams
from geo.coast import with_coast_relations
from geo.model import INCIDENT_COLUMNS
from geo.vocabulary import ClusterMethod

FULL_COAST, FULL_DBSCAN, FULL_SAMPLE = 1_000_000, 100_000, 15_000
QUICK_COAST, QUICK_DBSCAN, QUICK_SAMPLE = 100_000, 20_000, 4_000
TARGET_COAST_S, TARGET_DBSCAN_S = 5.0, 10.0
SEED = 20250601
JITTER_M = (200.0, 2_000.0)
TIGHT_EPS_M, TIGHT_MIN = 200.0, 8  # many small hotspots: more distances to compute
NOISE_SHARE = 0.10
NOISE_BOX = (1.45, 50.35, 2.6, 51.1)  # min lon, min lat, max lon, max lat
METRES_PER_DEGREE = 111_320.0
BASELINE = 'scikit-learn DBSCAN(algorithm="brute", metric="haversine"), no merging'


def synthetic_launches(count: int, seed: int = SEED) -> gpd.GeoDataFrame:
    """Incidents around :data:`SITES` launch sites plus uniform noise, with coast relations."""
    rng = np.random.default_rng(seed)
    sites, site = launch_sites(rng, count)
    jitter_m = rng.uniform(*JITTER_M, SITES)[site]
    lat = sites[site, 1] + rng.normal(0, 1, count) * jitter_m / METRES_PER_DEGREE
    lon = sites[site, 0] + rng.normal(0, 1, count) * jitter_m / (
        METRES_PER_DEGREE * np.cos(np.radians(lat))
    )
    noise = rng.random(count) < NOISE_SHARE
    lon[noise] = rng.uniform(NOISE_BOX[0], NOISE_BOX[2], int(noise.sum()))
    lat[noise] = rng.uniform(NOISE_BOX[1], NOISE_BOX[3], int(noise.sum()))
    days = rng.integers(0, 731, count)
    columns: dict[str, object] = {
        "id": [f"bench-{n:07d}" for n in range(count)],
        "event_type": "launch",
        "date": (np.datetime64("2024-01-01") + days).astype(str),
        "date_precision": "day",
        "location_role": np.where(rng.random(count) < 0.8, "departure", "pickup"),
        "people": rng.integers(5, 70, count),
        "boats": 1,
    }
    frame = pd.DataFrame(
        {
            name: pd.Series(columns.get(name), index=range(count), dtype=dtype)
            for name, dtype in INCIDENT_COLUMNS.items()
        }
    )
    points = gpd.points_from_xy(lon.round(5), lat.round(5))
    return with_coast_relations(gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326"))


@dataclass
class Baseline:
    """The baseline's time, labels and core points on a subsample."""

    sample: gpd.GeoDataFrame
    seconds: float
    labels: np.ndarray
    core: np.ndarray

    def extrapolated_s(self, count: int) -> float:
        return self.seconds * (count / len(self.sample)) ** 2


def run_baseline(sample: gpd.GeoDataFrame, params: ClusterParams) -> Baseline:
    samples = np.radians(np.column_stack([sample.geometry.y, sample.geometry.x]))
    model = DBSCAN(
        eps=params.eps_m / EARTH_RADIUS_M,
        min_samples=params.min_samples,
        metric="haversine",
        algorithm="brute",
    )
    started = time.perf_counter()
    model.fit(samples)
    seconds = time.perf_counter() - started
    core = np.zeros(len(sample), dtype=bool)
    core[model.core_sample_indices_] = True
    return Baseline(sample, seconds, model.labels_, core)


def timed_clustering(
    frame: gpd.GeoDataFrame, params: ClusterParams
) -> tuple[float, gpd.GeoDataFrame]:
    started = time.perf_counter()
    clustered = cluster_incidents(frame, params)
    return time.perf_counter() - started, clustered


def traced_peak_mib(frame: gpd.GeoDataFrame, params: ClusterParams) -> float:
    """Peak memory Python and numpy allocate while clustering (tracemalloc), in MiB."""
    tracemalloc.start()
    cluster_incidents(frame, params)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def describe(clustered: gpd.GeoDataFrame) -> str:
    labels = clustered["cluster_id"].dropna().astype(int)
    return f"{labels.max() + 1:,} clusters, {(labels == -1).mean():.1%} noise"


def same_partition(ours: np.ndarray, theirs: np.ndarray) -> bool:
    pairs = set(zip(ours.tolist(), theirs.tolist(), strict=True))
    return len(pairs) == len({a for a, _ in pairs}) == len({b for _, b in pairs})


def agreement(ours: np.ndarray, baseline: Baseline) -> tuple[float, str]:
    """Adjusted Rand index, and where the labels differ (up to renumbering)."""
    theirs = baseline.labels
    unmatched = len(ours) - int(pd.crosstab(ours, theirs).max(axis=1).sum())
    core_same = same_partition(ours[baseline.core], theirs[baseline.core])
    noise_same = bool(np.array_equal(ours == -1, theirs == -1))
    text = (
        f"labels differ (up to renumbering) for {unmatched} of {len(ours):,}; "
        f"core points {'in the same' if core_same else 'in DIFFERENT'} clusters, noise "
        f"{'identical' if noise_same else 'DIFFERENT'} (a border point within reach of two "
        f"clusters may join either)"
    )
    return float(adjusted_rand_score(theirs, ours)), text


def dbscan_figures(
    frame: gpd.GeoDataFrame, sample: gpd.GeoDataFrame, params: ClusterParams, tag: str
) -> list[str]:
    """Time launchmap's DBSCAN on ``frame`` and the baseline on ``sample``; return the figures."""
    count = len(frame)
    seconds, clustered = timed_clustering(frame, params)
    print(
        f"launchmap dbscan ({params.eps_m:g} m, min_samples {params.min_samples}): "
        f"{count:,} incidents in {seconds:.2f} s, {describe(clustered)}; "
        f"traced peak memory {traced_peak_mib(frame, params):,.0f} MiB; "
        f"target <= {TARGET_DBSCAN_S:.0f} s for {FULL_DBSCAN:,}"
    )
    baseline = run_baseline(sample, params)
    sample_clustered = cluster_incidents(sample, params)
    ari, differences = agreement(sample_clustered["cluster_id"].to_numpy(np.int64), baseline)
    print(
        f"  baseline: {len(sample):,} incidents in {baseline.seconds:.2f} s, so about "
        f"{baseline.extrapolated_s(count):,.0f} s for {count:,} (quadratic); on that "
        f"subsample ({describe(sample_clustered)}): adjusted Rand index {ari:.6f}, {differences}"
    )
    extrapolated = f"{BASELINE} on {len(sample)} incidents, extrapolated quadratically"
    full_s = baseline.extrapolated_s(count)
    return [
        figure(
            f"cluster_dbscan_{tag}seconds_for_{count}",
            seconds,
            "s",
            extrapolated,
            full_s,
            full_s / seconds,
        ),
        figure(
            f"cluster_dbscan_{tag}adjusted_rand_index_on_{len(sample)}",
            ari,
            "ARI",
            f"{BASELINE} on the same {len(sample)} incidents",
            1.0,
            ari,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    args = parser.parse_args()
    coast_count, dbscan_count, sample_count = (
        (QUICK_COAST, QUICK_DBSCAN, QUICK_SAMPLE)
        if args.quick
        else (FULL_COAST, FULL_DBSCAN, FULL_SAMPLE)
    )

    started = time.perf_counter()
    coast_frame = synthetic_launches(coast_count)
    dbscan_frame = coast_frame.iloc[:dbscan_count].reset_index(drop=True)
    sample = dbscan_frame.sample(n=sample_count, random_state=SEED).reset_index(drop=True)
    print(
        f"{coast_count:,} synthetic launches around {SITES} sites between Dunkirk and Berck "
        f"(+{NOISE_SHARE:.0%} noise), made and related to the coast in "
        f"{time.perf_counter() - started:.1f} s"
    )
    cluster_incidents(dbscan_frame.iloc[:10])  # loads the coastline, once per process

    coast_params = ClusterParams(method=ClusterMethod.COAST)
    coast_s, coast_clustered = timed_clustering(coast_frame, coast_params)
    print(
        f"launchmap coast (eps_km {coast_params.eps_km:g}, min_samples "
        f"{coast_params.min_samples}): {coast_count:,} incidents in {coast_s:.2f} s, "
        f"{describe(coast_clustered)}; target <= {TARGET_COAST_S:.0f} s for {FULL_COAST:,}"
    )
    coast_baseline = run_baseline(sample, ClusterParams())
    figures = [
        figure(
            f"cluster_coast_seconds_for_{coast_count}",
            coast_s,
            "s",
            f"{BASELINE} (2-D, {sample_count} incidents, extrapolated quadratically)",
            coast_baseline.extrapolated_s(coast_count),
            coast_baseline.extrapolated_s(coast_count) / coast_s,
        )
    ]
    print(
        f"  baseline: {sample_count:,} incidents in {coast_baseline.seconds:.2f} s, so about "
        f"{coast_baseline.extrapolated_s(coast_count):,.0f} s for {coast_count:,} (quadratic)"
    )
    figures += dbscan_figures(dbscan_frame, sample, ClusterParams(), "")
    figures += dbscan_figures(
        dbscan_frame, sample, ClusterParams(eps_m=TIGHT_EPS_M, min_samples=TIGHT_MIN), "tight_"
    )
    print(f"baseline: {BASELINE}")
    print(f"peak memory of the whole run (max RSS): {peak_rss_mib():,.0f} MiB")
    for line in figures:
        print(line)


if __name__ == "__main__":
    main()
