"""Benchmark: relate many points to the coastline, against a per-point shapely loop.

Usage::

    python bench/coast.py            # 1,000,000 points (the issue's size; target <= 20 s)
    python bench/coast.py --quick    # 50,000 points, well under a minute

Synthetic points are drawn uniformly (fixed seed) in a box around the French
Strait of Dover coast, lon 1.4-2.6, lat 50.6-51.2: sea, beaches and inland.
launchmap's vectorized :func:`geo.coast.relate_to_coast` relates all of them.
The baseline relates a sample one point at a time with plain shapely calls, the
way a straightforward loop would: distance to every shoreline geometry and
``nearest_points`` on the closest, ``contains`` on every land polygon,
``project`` on the reference line, and the distance to every gazetteer
locality; its rate is extrapolated to the full size. Both answers are compared
on the sample. The last lines are one JSON object per figure.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from _report import figure, peak_rss_mib
from pyproj import Geod, Transformer

from geo.coast import CoastLayer, coastline_layer, relate_to_coast
from geo.gazetteer import gazetteer

FULL_POINTS = 1_000_000
QUICK_POINTS = 50_000
BASELINE_SAMPLE = 500
SEED = 20240310
BOX = (1.4, 50.6, 2.6, 51.2)  # min lon, min lat, max lon, max lat
TARGET_S = 20.0
METRIC = "EPSG:3035"
BASELINE_NAME = "per-point shapely loop"


def synthetic_points(count: int, seed: int = SEED) -> gpd.GeoSeries:
    rng = np.random.default_rng(seed)
    lon = rng.uniform(BOX[0], BOX[2], count)
    lat = rng.uniform(BOX[1], BOX[3], count)
    return gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs="EPSG:4326")


@dataclass
class PerPointBaseline:
    """The coastline relations computed one point at a time with plain shapely calls."""

    shoreline: list[shapely.Geometry]
    land: list[shapely.Geometry]
    reference: shapely.LineString
    reference_planar_m: np.ndarray
    reference_km: np.ndarray
    places: np.ndarray
    place_names: list[str]
    to_metric: Transformer
    to_wgs84: Transformer
    geod: Geod

    @classmethod
    def load(cls) -> PerPointBaseline:
        geod = Geod(ellps="WGS84")
        layer = coastline_layer(CoastLayer.REFERENCE_LINE)
        lonlat = np.asarray(layer.geometry.iloc[0].coords)
        _, _, step_m = geod.inv(lonlat[:-1, 0], lonlat[:-1, 1], lonlat[1:, 0], lonlat[1:, 1])
        reference = layer.to_crs(METRIC).geometry.iloc[0]
        planar = np.asarray(reference.coords)
        towns = gazetteer()
        towns = towns[towns["precision"] == "locality"].to_crs(METRIC)
        return cls(
            shoreline=list(coastline_layer(CoastLayer.SHORELINE).to_crs(METRIC).geometry),
            land=list(coastline_layer(CoastLayer.LAND).to_crs(METRIC).geometry),
            reference=reference,
            reference_planar_m=np.concatenate(
                [[0.0], np.cumsum(np.hypot(*np.diff(planar, axis=0).T))]
            ),
            reference_km=float(layer["start_km"].iloc[0])
            + np.concatenate([[0.0], np.cumsum(step_m)]) / 1000,
            places=np.asarray(towns.geometry.values),
            place_names=list(towns["name"]),
            to_metric=Transformer.from_crs("EPSG:4326", METRIC, always_xy=True),
            to_wgs84=Transformer.from_crs(METRIC, "EPSG:4326", always_xy=True),
            geod=geod,
        )

    def relate(self, lon: float, lat: float) -> tuple[float, float, str]:
        """Return (signed shore distance m, coast km, nearest place) of one point."""
        point = shapely.Point(self.to_metric.transform(lon, lat))
        closest = min(self.shoreline, key=point.distance)
        shore = shapely.ops.nearest_points(closest, point)[0]
        shore_lon, shore_lat = self.to_wgs84.transform(shore.x, shore.y)
        _, _, distance_m = self.geod.inv(lon, lat, shore_lon, shore_lat)
        on_land = any(polygon.contains(point) for polygon in self.land)
        along_m = self.reference.project(point)
        coast_km = float(np.interp(along_m, self.reference_planar_m, self.reference_km))
        place = self.place_names[int(np.argmin(shapely.distance(point, self.places)))]
        return (-distance_m if on_land else distance_m), coast_km, place


def time_baseline(points: gpd.GeoSeries) -> tuple[float, pd.DataFrame]:
    baseline = PerPointBaseline.load()
    lons, lats = points.x.tolist(), points.y.tolist()
    started = time.perf_counter()
    rows = [baseline.relate(lon, lat) for lon, lat in zip(lons, lats, strict=True)]
    elapsed = time.perf_counter() - started
    frame = pd.DataFrame(rows, columns=["shore_distance_m", "coast_km", "nearest_place"])
    return elapsed, frame.set_index(points.index)


def agreement(launchmap: pd.DataFrame, baseline: pd.DataFrame) -> str:
    ours = launchmap.loc[baseline.index]
    shore = (ours["shore_distance_m"] - baseline["shore_distance_m"]).abs().max()
    km = (ours["coast_km"] - baseline["coast_km"]).abs().max()
    places = (ours["nearest_place"] == baseline["nearest_place"]).mean()
    return (
        f"max |shore_distance_m| difference {shore:.3f} m, max |coast_km| difference "
        f"{km * 1000:.3f} m, same nearest place for {places:.1%} of points"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_POINTS:,} points")
    parser.add_argument("--points", type=int, help="number of points (overrides --quick)")
    args = parser.parse_args()
    count = args.points or (QUICK_POINTS if args.quick else FULL_POINTS)

    points = synthetic_points(count)
    print(f"coastline relations of {count:,} synthetic points in lon/lat box {BOX}")

    started = time.perf_counter()
    relate_to_coast(points.iloc[:1])  # builds the coastline index once per process
    build_s = time.perf_counter() - started
    print(f"launchmap: index built in {build_s:.2f} s (once per process)")

    started = time.perf_counter()
    relations = relate_to_coast(points)
    launchmap_s = time.perf_counter() - started
    launchmap_rate = count / launchmap_s
    at_sea = (relations["shore_distance_m"] > 0).mean()
    zone = relations["within_300m_zone"].sum()
    print(
        f"launchmap: {launchmap_s:.2f} s, {launchmap_rate:,.0f} points/s "
        f"({at_sea:.0%} at sea, {zone:,} in the 300 m zone); target <= {TARGET_S:.0f} s "
        f"for {FULL_POINTS:,} points"
    )

    sample = points.sample(n=min(BASELINE_SAMPLE, count), random_state=SEED)
    baseline_s, baseline_rows = time_baseline(sample)
    baseline_rate = len(sample) / baseline_s
    baseline_full_s = count / baseline_rate
    print(
        f"baseline ({BASELINE_NAME}): {len(sample)} points in {baseline_s:.2f} s, "
        f"{baseline_rate:,.0f} points/s, so about {baseline_full_s:,.0f} s for {count:,} points"
    )
    print(f"agreement on the sample: {agreement(relations, baseline_rows)}")
    print(f"peak memory (max RSS): {peak_rss_mib():,.0f} MiB")

    print(
        figure(
            "coast_points_per_s",
            launchmap_rate,
            "points/s",
            BASELINE_NAME,
            baseline_rate,
            launchmap_rate / baseline_rate,
        )
    )
    print(
        figure(
            f"coast_seconds_for_{count}",
            launchmap_s,
            "s",
            f"{BASELINE_NAME} (extrapolated from {len(sample)} points)",
            baseline_full_s,
            baseline_full_s / launchmap_s,
        )
    )


if __name__ == "__main__":
    main()
