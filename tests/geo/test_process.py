"""`launchmap process` with dask equals the single-process path, and its files and errors."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal

from geo import _strips
from geo.cluster import _exact_sums, _Inputs, _spatial_labels
from geo.cluster_params import ClusterParams
from geo.errors import InvalidClusterParamsError, ProcessError, SchedulerError
from geo.gazetteer import gazetteer
from geo.process import (
    dask_client,
    needed_columns,
    process_frame,
    process_parquet,
    read_geoparquet,
    scheduler_address,
    write_geoparquet,
)
from tests.conftest import dask_scheduler

PLACE_NAMES = [
    "Wimereux",
    "off Gravelines",
    "3 km off Calais",
    "the beach at Hardelot",
    "Wissant beach",
    "between Wissant and Audresselles",
    "Graveline",
    "Nowhere-sur-Mer",
]


def synthetic_incidents(seed: int = 1) -> gpd.GeoDataFrame:
    """About 3,000 incidents: hotspots, chains crossing many longitudes, duplicates, noise,
    place names left for geocoding, country-level ones; rows shuffled across partitions."""
    rng = np.random.default_rng(seed)
    lon: list[np.ndarray] = []
    lat: list[np.ndarray] = []
    centres = np.column_stack([rng.uniform(1.55, 2.4, 14), rng.uniform(50.45, 51.05, 14)])
    for centre_lon, centre_lat in centres:  # hotspots of 20 to 140 launches, 300 m to 1.5 km wide
        count = int(rng.integers(20, 140))
        spread = rng.uniform(0.003, 0.015)
        lon.append(centre_lon + rng.normal(0, spread, count))
        lat.append(centre_lat + rng.normal(0, spread * 0.6, count))
    for start in (1.6, 1.9):  # chains of points 280 m apart, 40 km long: across many strips
        steps = np.arange(0, 0.6, 0.004)
        lon.append(start + steps)
        lat.append(50.8 + 0.002 * np.sin(steps * 40))
    lon.append(rng.uniform(1.45, 2.6, 500))  # noise
    lat.append(rng.uniform(50.35, 51.1, 500))
    points_lon = np.concatenate(lon).round(4)
    points_lat = np.concatenate(lat).round(4)
    repeat = rng.integers(0, len(points_lon), 300)  # the same point reported again
    points_lon = np.concatenate([points_lon, points_lon[repeat]])
    points_lat = np.concatenate([points_lat, points_lat[repeat]])
    placed = len(points_lon)
    named, country = 250, 60
    count = placed + named + country
    geometry = np.empty(count, dtype=object)
    geometry[:placed] = shapely.points(points_lon, points_lat)
    place_name = np.full(count, None, dtype=object)
    place_name[placed : placed + named] = rng.choice(PLACE_NAMES, named)
    place_name[placed + named :] = "France"
    precision = np.full(count, None, dtype=object)
    precision[:placed] = "exact"
    precision[placed + named :] = "country"
    people = pd.array(rng.integers(1, 60, count), dtype="Int64")
    people[rng.random(count) < 0.1] = pd.NA
    sources = np.full(count, None, dtype=object)
    sources[::7] = json.dumps([{"url": "https://example.org/report", "publisher": "Example"}])
    frame = pd.DataFrame(
        {
            "id": [f"t-{n:05d}" for n in range(count)],
            "event_type": "launch",
            "date": (np.datetime64("2024-03-01") + rng.integers(0, 40, count)).astype(str),
            "place_name": place_name,
            "location_precision": precision,
            "location_role": rng.choice(
                ["departure", "pickup", "rescue"], count, p=[0.6, 0.3, 0.1]
            ),
            "people": people,
            "boats": pd.array(np.ones(count, dtype=int), dtype="Int64"),
            "sources": sources,
            "batch": rng.integers(0, 9, count),  # a column of the file's own
        }
    )
    frame = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"))
    return frame.iloc[rng.permutation(count)].reset_index(drop=True)


@pytest.fixture(scope="module")
def incidents_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "incidents.parquet"
    synthetic_incidents().to_parquet(path, row_group_size=400)  # partitions of 400 rows
    return path


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A dask scheduler with two worker processes on 127.0.0.1, shared by the module's tests."""
    with dask_scheduler(2) as address:
        yield address


def run_dask(
    source: Path, output: Path, scheduler: str, params: ClusterParams, **options: object
) -> gpd.GeoDataFrame:
    report = process_parquet(
        source,
        output,
        params,
        scheduler=scheduler,
        blocksize=1,  # one row group a partition
        rows_per_strip=300,  # many strips
        **options,  # type: ignore[arg-type]
    )
    assert report.partitions > 1
    return read_geoparquet(output)


PARAMS = [
    pytest.param(ClusterParams(), id="dbscan-default"),
    pytest.param(ClusterParams(eps_m=700.0, min_samples=4), id="dbscan-tight"),
    pytest.param(ClusterParams(eps_m=900.0, min_samples=6, weight="people"), id="dbscan-people"),
    pytest.param(
        ClusterParams(method="space-time", eps_m=1500.0, gap_days=5.0, roles=()), id="space-time"
    ),
    pytest.param(ClusterParams(method="coast", eps_km=0.5, min_samples=5), id="coast"),
    pytest.param(ClusterParams(method="hdbscan", min_cluster_size=15), id="hdbscan"),
]


@pytest.mark.parametrize("params", PARAMS)
def test_dask_path_equals_the_single_process_path(
    incidents_file: Path, scheduler: str, tmp_path: Path, params: ClusterParams
) -> None:
    single = process_frame(read_geoparquet(incidents_file), params).incidents
    output = tmp_path / "out.parquet"
    processed = run_dask(incidents_file, output, scheduler, params)
    # Same rows in the same order (parts follow the input), same ids, points and every column.
    assert_geodataframe_equal(processed, single)
    assert processed["cluster_id"].max() >= 2
    assert (processed["cluster_id"] == -1).any() or params.method.value == "coast"
    geocoded = processed["place_name"].isin(["Wimereux", "off Gravelines"])
    assert not processed.geometry[geocoded].isna().any()
    assert processed.loc[processed["place_name"] == "Nowhere-sur-Mer", "geometry"].isna().all()
    no_km = processed.geometry.notna() & processed["coast_km"].isna()
    british = set(gazetteer().query("country == 'GB'")["name"])
    assert processed.loc[no_km, "nearest_place"].isin(british).all()  # the English side only
    assert list(processed["batch"]) == list(read_geoparquet(incidents_file)["batch"])
    files = sorted(path.name for path in output.iterdir())
    assert files[0] == "part.00000.parquet" and all(f.endswith(".parquet") for f in files)
    metadata = pq.read_schema(output / files[0]).metadata
    assert json.loads(metadata[b"launchmap"])["clustering"] == params.as_dict()
    assert json.loads(metadata[b"geo"])["primary_column"] == "geometry"


def test_clusters_span_strips_and_partitions(
    incidents_file: Path, scheduler: str, tmp_path: Path
) -> None:
    report = process_parquet(
        incidents_file,
        tmp_path / "out.parquet",
        ClusterParams(eps_m=700.0, min_samples=4),
        scheduler=scheduler,
        blocksize=1,
        rows_per_strip=300,
    )
    assert report.partitions == pq.ParquetFile(incidents_file).num_row_groups
    assert report.strips >= 4
    processed = read_geoparquet(tmp_path / "out.parquet")
    clustered = processed[processed["cluster_id"] >= 0]
    spans = clustered.groupby("cluster_id").apply(
        lambda rows: np.ptp(rows.geometry.x), include_groups=False
    )
    assert spans.max() > 0.3  # a chain: one cluster over 20 km of longitude, so several strips
    assert report.clusters == processed["cluster_id"].max() + 1
    assert report.geocoded > 0 and report.unresolved > 0
    assert report.incidents == len(processed)


def test_the_input_order_of_rows_does_not_change_the_clusters(
    scheduler: str, tmp_path: Path
) -> None:
    frame = synthetic_incidents(seed=5)
    frame.to_parquet(tmp_path / "a.parquet", row_group_size=500)
    reversed_frame = frame.iloc[::-1].reset_index(drop=True)
    reversed_frame.to_parquet(tmp_path / "b.parquet", row_group_size=300)
    params = ClusterParams(eps_m=800.0, min_samples=5)
    a = run_dask(tmp_path / "a.parquet", tmp_path / "a-out", scheduler, params)
    b = run_dask(tmp_path / "b.parquet", tmp_path / "b-out", scheduler, params)
    by_id = b.set_index("id")["cluster_id"]
    assert a["cluster_id"].tolist() == by_id.loc[a["id"]].tolist()


def test_a_folder_of_files_is_one_input(scheduler: str, tmp_path: Path) -> None:
    frame = synthetic_incidents(seed=2)
    folder = tmp_path / "dataset"
    folder.mkdir()
    for number, start in enumerate(range(0, len(frame), 1000)):
        piece = frame.iloc[start : start + 1000]
        piece.to_parquet(folder / f"piece-{number}.parquet", row_group_size=250)
    processed = run_dask(folder, tmp_path / "out", scheduler, ClusterParams())
    single = process_frame(frame, ClusterParams()).incidents
    assert_geodataframe_equal(processed, single)


# -- the strips, without dask ----------------------------------------------------------------


def strips_labels(
    lon: np.ndarray, lat: np.ndarray, day: np.ndarray, params: ClusterParams, parts: int
) -> tuple[np.ndarray, int]:
    """Cluster points as process_parquet does, piece by piece, in one process."""
    bounds = np.linspace(0, len(lon), parts + 1).astype(int)
    rows = []
    for part in range(parts):
        piece = slice(bounds[part], bounds[part + 1])
        size = bounds[part + 1] - bounds[part]
        inputs = _Inputs(
            np.ones(size, bool), np.ones(size), np.empty(0), lon[piece], lat[piece], day[piece]
        )
        rows.append(_strips.partition_rows(part, inputs))
    plan = _strips.plan_strips(params, [_strips.summary(r) for r in rows], len(lon) // 12, 1)
    shares = [_strips.split(r, plan) for r in rows]
    results = [
        _strips.cluster_strip(s, plan, [share[s] for share in shares]) for s in range(plan.strips)
    ]
    joins = [
        (
            owner,
            _strips.links(
                results[owner],
                [_strips.exported_to(r, owner) for r in results if r.strip != owner],
            ),
        )
        for owner in range(plan.strips)
    ]
    numbers = _strips.cluster_numbers(
        [r.components for r in results], [r.sums for r in results], joins
    )
    labels = np.full(len(lon), -99)
    for strip, result in enumerate(results):
        for part in range(parts):
            position, found = _strips.labels_for(result, numbers[strip], part)
            labels[bounds[part] + position] = found
    return labels, plan.strips


@pytest.mark.parametrize("seed", range(8))
def test_strips_give_the_whole_computation_s_clusters(seed: int) -> None:
    rng = np.random.default_rng(seed)
    count = int(rng.integers(500, 3000))
    centres = rng.uniform([1.4, 50.3], [2.6, 51.1], (int(rng.integers(2, 25)), 2))
    which = rng.integers(0, len(centres), count)
    spread = rng.uniform(0.002, 0.04)
    lon = (centres[which, 0] + rng.normal(0, spread, count)).round(int(rng.integers(2, 6)))
    lat = (centres[which, 1] + rng.normal(0, spread, count)).round(int(rng.integers(2, 6)))
    timed = seed % 2 == 1
    params = ClusterParams(
        method="space-time" if timed else "dbscan",
        eps_m=float(rng.choice([150, 500, 2000])),
        min_samples=int(rng.integers(1, 7)),
        gap_days=float(rng.integers(0, 8)),
    )
    day = rng.integers(0, 30, count).astype(float) if timed else np.zeros(count)
    labels, strips = strips_labels(lon, lat, day, params, int(rng.integers(1, 6)))
    assert strips > 1
    assert labels.tolist() == _spatial_labels(lon, lat, day, np.ones(count), params).tolist()


def test_strips_join_clusters_across_the_antimeridian() -> None:
    rng = np.random.default_rng(3)
    count = 4000
    lon = np.concatenate([rng.uniform(179.95, 180, 2000), rng.uniform(-180, -179.95, 2000)])
    lat = rng.uniform(-0.05, 0.05, count)
    lon, lat = lon.round(4), lat.round(4)
    params = ClusterParams(eps_m=300.0)
    labels, strips = strips_labels(lon, lat, np.zeros(count), params, 3)
    assert strips > 2
    assert (
        labels.tolist()
        == _spatial_labels(lon, lat, np.zeros(count), np.ones(count), params).tolist()
    )


def test_exact_sums_do_not_depend_on_the_order() -> None:
    rng = np.random.default_rng(0)
    values = rng.normal(0, 10, 5000) * 10.0 ** rng.integers(-12, 8, 5000)
    group = rng.integers(0, 5, 5000)
    sums = _exact_sums(group, values, 5)
    order = rng.permutation(5000)
    assert _exact_sums(group[order], values[order], 5) == sums
    from fractions import Fraction

    assert sums[2] == sum((Fraction(float(v)) for v in values[group == 2]), Fraction(0))


# -- files ---------------------------------------------------------------------------------------


def test_geoparquet_round_trip_keeps_incidents(tmp_path: Path) -> None:
    frame = synthetic_incidents(seed=3).iloc[:200]
    frame["sources"] = [[{"url": "https://example.org/a"}]] * 200
    path = tmp_path / "incidents.parquet"
    write_geoparquet(frame, path)
    back = read_geoparquet(path)
    assert back["id"].tolist() == frame["id"].tolist()
    assert json.loads(back["sources"].iloc[0]) == [{"url": "https://example.org/a"}]
    assert back.geometry.equals(frame.geometry) and back.crs == "EPSG:4326"
    assert back["cluster_id"].isna().all() and str(back["cluster_id"].dtype) == "Int64"
    with pytest.raises(ProcessError, match="exists; pass --overwrite"):
        write_geoparquet(frame, path)
    write_geoparquet(frame.iloc[:10], path, overwrite=True)
    assert len(read_geoparquet(path)) == 10


def test_other_geometry_names_and_crs_are_brought_to_the_schema(tmp_path: Path) -> None:
    frame = synthetic_incidents(seed=6).iloc[:100]
    other = frame.rename_geometry("geom").to_crs("EPSG:3035").drop(columns=["event_type"])
    other.to_parquet(tmp_path / "metric.parquet")
    back = read_geoparquet(tmp_path / "metric.parquet")
    assert back.geometry.name == "geometry" and back.crs == "EPSG:4326"
    placed = frame.geometry.notna()
    assert np.allclose(back.geometry.x[placed], frame.geometry.x[placed], atol=1e-9)
    assert back["event_type"].isna().all()  # a missing incident column is added, empty
    assert list(back.columns)[-2:] == ["batch", "geometry"]


def test_missing_input_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no such file or folder: .*nothing\.parquet"):
        process_parquet(tmp_path / "nothing.parquet", tmp_path / "out")


def test_not_parquet_and_not_geoparquet_are_named(tmp_path: Path) -> None:
    text = tmp_path / "notes.parquet"
    text.write_text("id,place\n1,Calais\n", encoding="utf-8")
    with pytest.raises(ProcessError, match=r"notes.parquet: not a Parquet file"):
        process_parquet(text, tmp_path / "out")
    plain = tmp_path / "plain.parquet"
    pd.DataFrame({"id": ["a"], "lon": [1.8]}).to_parquet(plain)
    with pytest.raises(ProcessError, match=r"plain.parquet: Parquet without GeoParquet metadata"):
        process_parquet(plain, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "few.parquet"
    synthetic_incidents().drop(columns=["id", "location_role"]).to_parquet(path)
    with pytest.raises(ProcessError, match=r"missing column\(s\): id .*, location_role"):
        process_parquet(path, tmp_path / "out")
    with pytest.raises(ProcessError, match="missing column"):
        read_geoparquet(path, ClusterParams(method="space-time", weight="boats"))
    assert "date" in needed_columns(ClusterParams(method="space-time"))
    assert "location_role" not in needed_columns(ClusterParams(roles=()))


def test_bad_geometry_and_values_are_named(tmp_path: Path) -> None:
    frame = synthetic_incidents().iloc[:50].copy()
    frame.loc[7, "geometry"] = shapely.LineString([(1.6, 50.7), (1.7, 50.8)])
    path = tmp_path / "line.parquet"
    frame.to_parquet(path)
    incident = frame.loc[7, "id"]
    with pytest.raises(ProcessError, match=f"incident '{incident}': geometry must be a Point"):
        process_frame(read_geoparquet(path))
    frame = synthetic_incidents().iloc[:50].copy()
    frame["people"] = frame["people"].astype(object)
    frame.loc[3, "people"] = "many"
    with pytest.raises(ProcessError, match="people: 'many' is not a whole number"):
        process_frame(frame)


def test_an_existing_output_is_refused_unless_overwritten(
    incidents_file: Path, scheduler: str, tmp_path: Path
) -> None:
    output = tmp_path / "out.parquet"
    output.mkdir()
    (output / "old.parquet").write_bytes(b"old")
    with pytest.raises(ProcessError, match=r"out\.parquet exists; pass --overwrite"):
        process_parquet(incidents_file, output, scheduler=scheduler)
    (output / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ProcessError, match=r"holding more than \.parquet files; not replacing"):
        process_parquet(incidents_file, output, scheduler=scheduler, overwrite=True)
    (output / "notes.txt").unlink()
    process_parquet(incidents_file, output, scheduler=scheduler, overwrite=True)
    assert not (output / "old.parquet").exists() and (output / "part.00000.parquet").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]  # no partial folder left
    with pytest.raises(ProcessError, match="neither the input nor around it"):
        process_parquet(incidents_file, incidents_file, overwrite=True)


def test_hdbscan_refuses_too_many_incidents_before_gathering_them(
    incidents_file: Path, scheduler: str, tmp_path: Path
) -> None:
    params = ClusterParams(method="hdbscan", weight="people", roles=())
    with pytest.raises(InvalidClusterParamsError, match="at most 20,000 weighted incidents"):
        process_parquet(incidents_file, tmp_path / "out", params, scheduler=scheduler)


def test_an_unreachable_scheduler_is_named() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        pytest.raises(SchedulerError, match=f"tcp://127.0.0.1:{port}"),
        dask_client(f"127.0.0.1:{port}", timeout_s=1.0),
    ):
        pass
    with pytest.raises(SchedulerError, match="expected tcp://HOST:PORT"):
        scheduler_address("tcp://no-port")
