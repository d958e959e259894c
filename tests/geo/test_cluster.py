"""Launch hotspots: clustering incidents, describing hotspots, following them over time."""

from __future__ import annotations

import json
import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from scipy.sparse import coo_matrix
from sklearn.cluster import DBSCAN
from sklearn.neighbors import radius_neighbors_graph

from geo._dbscan import EARTH_RADIUS_M, Points, dbscan
from geo.cluster import HOTSPOT_COLUMNS, SHIFT_COLUMNS, cluster_incidents, hotspot_shifts, hotspots
from geo.cluster_params import LAUNCH_ROLES, ClusterParams
from geo.coast import point_at_coast_km, relate_to_coast
from geo.errors import InvalidClusterParamsError
from geo.model import Incident, empty_incident_frame, incidents_to_frame
from geo.vocabulary import ClusterMethod

WGS84 = "EPSG:4326"
GEOD = Geod(ellps="WGS84")
GROUP_KM = (10.0, 30.0, 50.0)  # Dunkirk, Gravelines, Calais: 20 km apart
NOISE_KM = (110.0, 160.0, 210.0, 260.0)  # lone launches, 50 km and more from anything
ALL_METHODS = list(ClusterMethod)


def incident(ident: str, lon: float, lat: float, **fields: Any) -> Incident:
    values: dict[str, Any] = {
        "id": ident,
        "event_type": "launch",
        "location_role": "departure",
        "date": "2025-06-01",
        "lon": lon,
        "lat": lat,
    }
    values.update(fields)
    return Incident.model_validate(values)


def at_km(km: float, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float]:
    """A point near the reference line at ``km``, moved by (dx, dy) degrees."""
    lon, lat = point_at_coast_km(km)
    return lon + dx, lat + dy


def group(name: str, km: float, size: int = 8, **fields: Any) -> list[Incident]:
    """``size`` launches within about 200 m of the coast at ``km``."""
    return [
        incident(
            f"{name}-{k}",
            *at_km(km, (k % 4 - 1.5) * 0.001, (k // 4 - 0.5) * 0.001),
            date=f"2025-06-0{1 + k % 4}",
            **fields,
        )
        for k in range(size)
    ]


def three_groups_and_noise() -> gpd.GeoDataFrame:
    incidents = [item for n, km in enumerate(GROUP_KM) for item in group(f"g{n}", km)]
    incidents += [incident(f"n{n}", *at_km(km)) for n, km in enumerate(NOISE_KM)]
    return incidents_to_frame(incidents)


def labels_by_id(clustered: gpd.GeoDataFrame) -> dict[str, int | None]:
    return {
        str(ident): None if pd.isna(label) else int(label)
        for ident, label in zip(clustered["id"], clustered["cluster_id"], strict=True)
    }


def params_for(method: ClusterMethod, **fields: Any) -> ClusterParams:
    return ClusterParams(method=method, **fields)


# -- known clusters --------------------------------------------------------------------------


@pytest.mark.parametrize("method", ALL_METHODS)
def test_every_method_recovers_three_groups_and_the_noise(method: ClusterMethod) -> None:
    clustered = cluster_incidents(three_groups_and_noise(), params_for(method))
    expected = {f"g{n}-{k}": n for n in range(3) for k in range(8)}  # numbered along the coast
    expected |= {f"n{n}": -1 for n in range(len(NOISE_KM))}
    assert labels_by_id(clustered) == expected
    assert clustered["cluster_id"].dtype == "Int64"


def test_result_is_a_copy_with_every_column_and_the_crs() -> None:
    frame = three_groups_and_noise()
    clustered = cluster_incidents(frame)
    assert frame["cluster_id"].isna().all()  # the input is left alone
    assert list(clustered.columns) == list(frame.columns)
    assert clustered.crs == frame.crs
    assert clustered["id"].tolist() == frame["id"].tolist()


@pytest.mark.parametrize("method", ALL_METHODS)
def test_a_metric_crs_gives_the_same_clusters(method: ClusterMethod) -> None:
    frame = three_groups_and_noise()
    metric = frame.to_crs("EPSG:3035")
    params = params_for(method)
    assert labels_by_id(cluster_incidents(metric, params)) == labels_by_id(
        cluster_incidents(frame, params)
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (ClusterParams(), -1),
        (ClusterParams(min_samples=1), 0),
        (ClusterParams(method=ClusterMethod.SPACE_TIME, min_samples=1), 0),
        (ClusterParams(method=ClusterMethod.COAST), -1),
        (ClusterParams(method=ClusterMethod.COAST, min_samples=1), 0),
        (ClusterParams(method=ClusterMethod.HDBSCAN, min_cluster_size=2), -1),
    ],
    ids=["dbscan", "dbscan-1", "space-time-1", "coast", "coast-1", "hdbscan"],
)
def test_a_single_incident(params: ClusterParams, expected: int) -> None:
    clustered = cluster_incidents(incidents_to_frame([incident("one", *at_km(40))]), params)
    assert clustered["cluster_id"].tolist() == [expected]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (ClusterParams(min_samples=10), 0),
        (ClusterParams(min_samples=11), -1),
        (ClusterParams(method=ClusterMethod.SPACE_TIME, min_samples=10), 0),
        (ClusterParams(method=ClusterMethod.COAST, min_samples=10), 0),
        (ClusterParams(method=ClusterMethod.COAST, min_samples=11), -1),
        # scikit-learn's HDBSCAN never makes a single cluster of everything.
        (ClusterParams(method=ClusterMethod.HDBSCAN), -1),
    ],
    ids=["dbscan-10", "dbscan-11", "space-time-10", "coast-10", "coast-11", "hdbscan"],
)
def test_ten_identical_incidents(params: ClusterParams, expected: int) -> None:
    frame = incidents_to_frame([incident(f"same-{n}", *at_km(40)) for n in range(10)])
    assert cluster_incidents(frame, params)["cluster_id"].tolist() == [expected] * 10


def test_identical_points_beside_a_group_still_count_once_each() -> None:
    """Many incidents at one point are merged for speed but count as many samples."""
    frame = incidents_to_frame(
        [incident(f"same-{n}", *at_km(40)) for n in range(3)]
        + [incident("lone", *at_km(40, 0.01))]  # about 700 m away
    )
    clustered = cluster_incidents(frame, ClusterParams(min_samples=4))
    assert labels_by_id(clustered) == {"same-0": 0, "same-1": 0, "same-2": 0, "lone": 0}
    clustered = cluster_incidents(frame, ClusterParams(min_samples=5))
    assert set(labels_by_id(clustered).values()) == {-1}


@pytest.mark.parametrize("method", ALL_METHODS)
def test_empty_input(method: ClusterMethod) -> None:
    clustered = cluster_incidents(empty_incident_frame(), params_for(method))
    assert len(clustered) == 0
    assert clustered["cluster_id"].dtype == "Int64"
    assert clustered.attrs["clustering"]["method"] == method.value
    spots = hotspots(clustered)
    assert list(spots.columns) == [*HOTSPOT_COLUMNS, "geometry"]
    assert len(spots) == 0
    assert spots.crs == WGS84
    assert spots.attrs["clustering"] == clustered.attrs["clustering"]
    shifts = hotspot_shifts(clustered)
    assert list(shifts.columns) == list(SHIFT_COLUMNS)
    assert len(shifts) == 0


def test_incidents_without_points_or_dates_are_left_out() -> None:
    frame = incidents_to_frame(
        [
            *group("g", 30, size=4),
            incident("unplaced", None, None, place_name="somewhere", country="FR"),
            incident("undated", *at_km(30), date=None),
        ]
    )
    dbscan_labels = labels_by_id(cluster_incidents(frame))
    assert dbscan_labels["unplaced"] is None
    assert dbscan_labels["undated"] == 0
    space_time = labels_by_id(cluster_incidents(frame, ClusterParams(method="space-time")))
    assert space_time["unplaced"] is None
    assert space_time["undated"] is None
    assert space_time["g-0"] == 0


def test_non_point_geometries_are_refused() -> None:
    frame = incidents_to_frame(group("g", 30, size=3))
    frame.loc[1, "geometry"] = shapely.LineString([(1.8, 50.9), (1.9, 50.95)])
    with pytest.raises(ValueError, match="non-point geometry"):
        cluster_incidents(frame)


# -- weights ---------------------------------------------------------------------------------


@pytest.mark.parametrize("method", [ClusterMethod.DBSCAN, ClusterMethod.SPACE_TIME, "coast"])
def test_people_weights_turn_two_crowded_boats_into_a_cluster(method: str) -> None:
    frame = incidents_to_frame(
        [
            incident("a", *at_km(40), people=12, boats=1),
            incident("b", *at_km(40, 0.001), people=8, boats=1),
        ]
    )
    assert labels_by_id(cluster_incidents(frame, ClusterParams(method=method))) == {
        "a": -1,
        "b": -1,
    }
    by_people = ClusterParams(method=method, weight="people")
    assert labels_by_id(cluster_incidents(frame, by_people)) == {"a": 0, "b": 0}
    by_boats = ClusterParams(method=method, weight="boats")
    assert labels_by_id(cluster_incidents(frame, by_boats)) == {"a": -1, "b": -1}
    assert cluster_incidents(frame, by_people).attrs["clustering"]["weight"] == "people"


def test_unknown_counts_weigh_one() -> None:
    frame = incidents_to_frame([incident(f"u{n}", *at_km(40, n * 0.001)) for n in range(3)])
    assert frame["people"].isna().all()
    clustered = cluster_incidents(frame, ClusterParams(weight="people", min_samples=3))
    assert clustered["cluster_id"].tolist() == [0, 0, 0]
    clustered = cluster_incidents(frame, ClusterParams(weight="people", min_samples=4))
    assert clustered["cluster_id"].tolist() == [-1, -1, -1]


def test_hdbscan_weights_repeat_the_incidents() -> None:
    frame = incidents_to_frame(
        [
            incident("a", *at_km(40), people=3),
            incident("b", *at_km(40, 0.001), people=3),
            incident("c", *at_km(90), people=3),
            incident("d", *at_km(90, 0.001), people=3),
        ]
    )
    params = ClusterParams(method=ClusterMethod.HDBSCAN, min_cluster_size=5)
    assert set(labels_by_id(cluster_incidents(frame, params)).values()) == {-1}
    weighted = ClusterParams(method=ClusterMethod.HDBSCAN, min_cluster_size=5, weight="people")
    assert labels_by_id(cluster_incidents(frame, weighted)) == {"a": 0, "b": 0, "c": 1, "d": 1}


# -- roles -----------------------------------------------------------------------------------


def role_frame() -> gpd.GeoDataFrame:
    return incidents_to_frame(
        [
            incident("dep-0", *at_km(40)),
            incident("dep-1", *at_km(40, 0.001)),
            incident("pick-0", *at_km(40, 0.002), event_type="embarkation", location_role="pickup"),
            incident("res-0", *at_km(40, 0.003), event_type="rescue", location_role="rescue"),
            incident("res-1", *at_km(40, 0.004), event_type="rescue", location_role="rescue"),
            incident("none", *at_km(40, 0.005), location_role=None),
        ]
    )


def test_default_roles_are_departure_and_pickup() -> None:
    assert ClusterParams().roles == LAUNCH_ROLES == ("departure", "pickup")
    labels = labels_by_id(cluster_incidents(role_frame()))
    assert labels == {
        "dep-0": 0,
        "dep-1": 0,
        "pick-0": 0,
        "res-0": None,
        "res-1": None,
        "none": None,
    }


def test_no_roles_means_every_incident() -> None:
    labels = labels_by_id(cluster_incidents(role_frame(), ClusterParams(roles=())))
    assert set(labels.values()) == {0}


def test_chosen_roles_only() -> None:
    params = ClusterParams(roles=("rescue",), min_samples=2)
    labels = labels_by_id(cluster_incidents(role_frame(), params))
    assert labels == {
        "dep-0": None,
        "dep-1": None,
        "pick-0": None,
        "res-0": 0,
        "res-1": 0,
        "none": None,
    }
    assert cluster_incidents(role_frame(), params).attrs["clustering"]["roles"] == ["rescue"]


# -- determinism -----------------------------------------------------------------------------


def scattered_launches(seed: int = 7, count: int = 400) -> gpd.GeoDataFrame:
    """Launches around 12 sites with jitter, repeated points and noise, over two months."""
    rng = np.random.default_rng(seed)
    sites = [at_km(km) for km in rng.uniform(5, 120, 12)]
    incidents = []
    for n in range(count):
        if n % 10 == 9:
            lon, lat = rng.uniform(1.55, 2.5), rng.uniform(50.5, 51.05)
        else:
            lon, lat = sites[n % 12]
            if n % 3:  # every third launch sits exactly on its site: duplicates
                lon, lat = lon + rng.normal(0, 0.006), lat + rng.normal(0, 0.004)
        day = 1 + int(rng.integers(0, 59))
        incidents.append(
            incident(
                f"s{n:04d}",
                round(lon, 5),
                round(lat, 5),
                date=(pd.Timestamp("2025-05-01") + pd.Timedelta(days=day)).date().isoformat(),
                people=int(rng.integers(1, 60)),
            )
        )
    return incidents_to_frame(incidents)


@pytest.mark.parametrize(
    "params",
    [
        ClusterParams(),
        ClusterParams(eps_m=700, min_samples=4),
        ClusterParams(method=ClusterMethod.SPACE_TIME, eps_m=1_500, gap_days=5),
        ClusterParams(method=ClusterMethod.COAST, eps_km=0.5),
        ClusterParams(method=ClusterMethod.HDBSCAN, min_cluster_size=8),
        ClusterParams(weight="people", min_samples=200, eps_m=800),
    ],
    ids=["dbscan", "dbscan-small", "space-time", "coast", "hdbscan", "weighted"],
)
def test_row_order_changes_nothing(params: ClusterParams) -> None:
    frame = scattered_launches()
    expected = labels_by_id(cluster_incidents(frame, params))
    assert len({v for v in expected.values() if v is not None and v >= 0}) >= 3
    assert -1 in expected.values()
    for seed in range(3):
        shuffled = frame.sample(frac=1.0, random_state=seed)
        assert labels_by_id(cluster_incidents(shuffled, params)) == expected


def test_clusters_are_numbered_along_the_coast() -> None:
    clustered = cluster_incidents(scattered_launches(), ClusterParams(eps_m=700, min_samples=4))
    spots = hotspots(clustered)
    assert spots["cluster_id"].tolist() == list(range(len(spots)))


# -- agreement with scikit-learn -------------------------------------------------------------


def same_partition(ours: np.ndarray, theirs: np.ndarray) -> bool:
    pairs = set(zip(ours.tolist(), theirs.tolist(), strict=True))
    return len(pairs) == len({a for a, _ in pairs}) == len({b for _, b in pairs})


def check_like_sklearn(
    samples: np.ndarray, ours: np.ndarray, reference: Any, neighbours: Any
) -> None:
    """Same core points, same clusters of them, same noise; borders join a reachable cluster."""
    core = np.zeros(len(samples), dtype=bool)
    core[reference.core_sample_indices_] = True
    assert same_partition(ours[core], reference.labels_[core])
    assert np.array_equal(ours == -1, reference.labels_ == -1)
    for row in np.flatnonzero(~core & (ours >= 0)):
        reachable = {int(ours[j]) for j in neighbours[row].indices if core[j]}
        assert ours[row] in reachable


@pytest.mark.parametrize("seed", range(6))
def test_dbscan_finds_sklearns_clusters(seed: int) -> None:
    rng = np.random.default_rng(seed)
    count = 300
    lat = 50.9 + rng.normal(0, 0.05, count)
    lon = 1.8 + rng.normal(0, 0.08, count)
    weight = rng.integers(0, 4, count).astype(float)
    eps_m, min_samples = rng.uniform(300, 3_000), int(rng.integers(2, 9))
    samples = np.radians(np.column_stack([lat, lon]))
    eps = eps_m / EARTH_RADIUS_M
    reference = DBSCAN(
        eps=eps, min_samples=min_samples, metric="haversine", algorithm="ball_tree"
    ).fit(samples, sample_weight=weight)
    ours = dbscan(Points(samples[:, 0], samples[:, 1], weight), eps, min_samples)
    graph = radius_neighbors_graph(samples, eps, metric="haversine").tocsr()
    check_like_sklearn(samples, ours, reference, graph)


@pytest.mark.parametrize("seed", range(4))
def test_space_time_dbscan_finds_sklearns_clusters(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    count = 300
    samples = np.radians(
        np.column_stack([50.9 + rng.normal(0, 0.03, count), 1.8 + rng.normal(0, 0.05, count)])
    )
    day = rng.integers(0, 90, count).astype(float)
    gap, eps = float(rng.integers(0, 10)), rng.uniform(500, 3_000) / EARTH_RADIUS_M
    spatial = radius_neighbors_graph(samples, eps, metric="haversine", include_self=True).tocoo()
    keep = np.abs(day[spatial.row] - day[spatial.col]) <= gap
    graph = coo_matrix(
        (np.ones(keep.sum()), (spatial.row[keep], spatial.col[keep])), shape=(count, count)
    ).tocsr()
    reference = DBSCAN(eps=1.0, min_samples=3, metric="precomputed").fit(graph)
    ours = dbscan(Points(samples[:, 0], samples[:, 1], np.ones(count), day), eps, 3, gap)
    check_like_sklearn(samples, ours, reference, graph)


@pytest.mark.parametrize(
    ("lat", "lon"), [(0.0, 179.99), (0.0, -179.99), (89.99, 0.0), (-89.99, 120.0)]
)
def test_dbscan_across_the_antimeridian_and_near_the_poles(lat: float, lon: float) -> None:
    """The grid wraps around the globe: points either side of +-180 degrees or a pole meet."""
    offsets = np.array([[0.0, 0.0], [0.0, 0.012], [0.0, -0.012], [0.005, 0.0], [-0.005, 0.0]])
    points = np.column_stack([lat + offsets[:, 0], lon + offsets[:, 1]])
    points[:, 0] = np.clip(points[:, 0], -90, 90)
    points[:, 1] = (points[:, 1] + 180) % 360 - 180
    samples = np.radians(points)
    eps = 2_000 / EARTH_RADIUS_M
    reference = DBSCAN(eps=eps, min_samples=3, metric="haversine").fit(samples)
    ours = dbscan(Points(samples[:, 0], samples[:, 1], np.ones(len(samples))), eps, 3)
    assert same_partition(ours, reference.labels_)
    assert (ours >= 0).all()


def test_a_border_point_between_two_clusters_joins_its_nearest_core_point() -> None:
    """Points on a parallel, in km: cluster A up to 0.0, border point at 1.8, cluster B from 3.0."""
    km_east = 1 / (111.32 * math.cos(math.radians(50.5)))  # degrees of longitude per km
    places = {"a0": -1.5, "a1": -1.0, "a2": -0.5, "a3": 0.0, "p": 1.8}
    places |= {"b0": 3.0, "b1": 3.5, "b2": 4.0, "b3": 4.5}
    frame = incidents_to_frame(
        [incident(name, 2.0 + km * km_east, 50.5) for name, km in places.items()]
    )
    for order in (frame, frame.iloc[::-1]):
        labels = labels_by_id(cluster_incidents(order, ClusterParams(min_samples=5)))
        assert labels["a0"] == labels["a3"] != labels["b0"] == labels["b3"]
        assert labels["p"] == labels["b0"]  # 1.2 km from b0, 1.8 km from a3


# -- space-time and coast --------------------------------------------------------------------


def test_space_time_splits_one_place_at_dates_far_apart() -> None:
    spring = [
        incident(f"spring-{n}", *at_km(40, n * 0.001), date=f"2025-03-0{n + 1}") for n in range(4)
    ]
    autumn = [
        incident(f"autumn-{n}", *at_km(40, n * 0.001), date=f"2025-10-0{n + 1}") for n in range(4)
    ]
    frame = incidents_to_frame(spring + autumn)
    labels = labels_by_id(cluster_incidents(frame, ClusterParams(method="space-time")))
    assert {labels[f"spring-{n}"] for n in range(4)} == {0}
    assert {labels[f"autumn-{n}"] for n in range(4)} == {1}  # same place: later in time
    one = ClusterParams(method="space-time", gap_days=250)
    assert set(labels_by_id(cluster_incidents(frame, one)).values()) == {0}
    assert set(labels_by_id(cluster_incidents(frame)).values()) == {0}


def test_space_time_gap_of_zero_days_links_the_same_day_only() -> None:
    frame = incidents_to_frame(
        [incident(f"d{n}", *at_km(40, n * 0.001), date="2025-03-01") for n in range(3)]
        + [incident("next", *at_km(40), date="2025-03-02")]
    )
    labels = labels_by_id(cluster_incidents(frame, ClusterParams(method="space-time", gap_days=0)))
    assert labels == {"d0": 0, "d1": 0, "d2": 0, "next": -1}


def km_frame(values: list[float], **fields: Any) -> gpd.GeoDataFrame:
    incidents = [
        incident(f"k{n}", *at_km(40, n * 0.0001), coast_km=km, **fields)
        for n, km in enumerate(values)
    ]
    return incidents_to_frame(incidents)


def test_coast_method_splits_where_the_gap_exceeds_eps_km() -> None:
    frame = km_frame([1.0, 1.5, 2.0, 5.0, 7.0, 7.2, 20.0, 30.0, 31.0])
    clustered = cluster_incidents(frame, ClusterParams(method="coast", eps_km=3.0))
    # 2.0 -> 5.0 is exactly 3 km: not more than eps_km, so one stretch from 1.0 to 7.2.
    assert clustered["cluster_id"].tolist() == [0, 0, 0, 0, 0, 0, -1, -1, -1]
    clustered = cluster_incidents(frame, ClusterParams(method="coast", eps_km=2.5))
    assert clustered["cluster_id"].tolist() == [0, 0, 0, 1, 1, 1, -1, -1, -1]
    clustered = cluster_incidents(frame, ClusterParams(method="coast", eps_km=2.5, min_samples=2))
    assert clustered["cluster_id"].tolist() == [0, 0, 0, 1, 1, 1, -1, 2, 2]


def test_coast_method_computes_missing_coast_km() -> None:
    frame = three_groups_and_noise()
    assert frame["coast_km"].isna().all()
    params = ClusterParams(method="coast")
    computed = labels_by_id(cluster_incidents(frame, params))
    related = frame.copy()
    related["coast_km"] = relate_to_coast(frame.geometry)["coast_km"].round(3)
    assert labels_by_id(cluster_incidents(related, params)) == computed
    assert cluster_incidents(frame, params)["coast_km"].isna().all()  # not written back


def test_coast_method_uses_the_coast_km_given() -> None:
    frame = km_frame([100.0, 100.5, 101.0])  # all at km 40 really: the column decides
    clustered = cluster_incidents(frame, ClusterParams(method="coast"))
    assert clustered["cluster_id"].tolist() == [0, 0, 0]
    spots = hotspots(clustered)
    assert spots["coast_km_from"].tolist() == [100.0]
    assert spots["coast_km_to"].tolist() == [101.0]


# -- parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("method", "kmeans"),
        ("method", 3),
        ("eps_m", -5),
        ("eps_m", 0),
        ("eps_m", 0.5),
        ("eps_m", 250_000),
        ("eps_m", math.nan),
        ("eps_m", "2000"),
        ("eps_m", True),
        ("min_samples", 0),
        ("min_samples", 2.5),
        ("min_samples", "3"),
        ("eps_km", 0),
        ("eps_km", -1.0),
        ("eps_km", math.inf),
        ("gap_days", -1),
        ("gap_days", None),
        ("min_cluster_size", 1),
        ("min_cluster_size", 5.0),
        ("weight", "children"),
        ("weight", None),
        ("roles", ("departure", "beach")),
        ("roles", "departure"),
        ("roles", None),
    ],
)
def test_bad_parameters_are_named(field: str, value: object) -> None:
    with pytest.raises(InvalidClusterParamsError) as raised:
        ClusterParams(**{field: value})
    message = str(raised.value)
    assert message.startswith(field)
    shown = "'beach'" if field == "roles" and isinstance(value, tuple) else repr(value)
    assert shown in message
    assert isinstance(raised.value, ValueError)


def test_eps_m_message_says_metres() -> None:
    with pytest.raises(
        InvalidClusterParamsError, match="eps_m must be a positive number of metres, got -5"
    ):
        ClusterParams(eps_m=-5)


def test_strings_lists_and_numpy_numbers_are_accepted() -> None:
    params = ClusterParams(
        method="space-time",
        roles=["pickup", "pickup", "departure"],
        eps_m=np.int64(1_500),
        min_samples=np.int32(4),
        gap_days=np.float32(2.5),
    )
    assert params.method is ClusterMethod.SPACE_TIME
    assert params.roles == ("pickup", "departure")
    described = params.as_dict()
    assert json.loads(json.dumps(described)) == described
    assert type(described["eps_m"]) is float and type(described["min_samples"]) is int


@pytest.mark.parametrize(
    ("method", "keys"),
    [
        ("dbscan", ["method", "eps_m", "min_samples", "weight", "roles"]),
        ("hdbscan", ["method", "min_cluster_size", "weight", "roles"]),
        ("coast", ["method", "eps_km", "min_samples", "weight", "roles"]),
        ("space-time", ["method", "eps_m", "gap_days", "min_samples", "weight", "roles"]),
    ],
)
def test_attrs_carry_the_method_and_its_parameters(method: str, keys: list[str]) -> None:
    params = ClusterParams(method=method, eps_m=1_500, eps_km=2.0, gap_days=3, min_samples=4)
    clustered = cluster_incidents(three_groups_and_noise(), params)
    described = clustered.attrs["clustering"]
    assert list(described) == keys
    assert described == params.as_dict()
    assert described["method"] == method
    assert described["roles"] == ["departure", "pickup"]
    for key, value in {"eps_m": 1_500, "eps_km": 2.0, "gap_days": 3, "min_samples": 4}.items():
        if key in described:
            assert described[key] == value
    assert hotspots(clustered).attrs["clustering"] == described
    assert hotspot_shifts(clustered).attrs["clustering"] == described


# -- hotspots --------------------------------------------------------------------------------


def hotspot_frame() -> gpd.GeoDataFrame:
    west = [
        incident(
            f"w{n}",
            *at_km(30, (n % 3) * 0.002, (n // 3) * 0.001),
            date=f"2025-0{n % 3 + 4}-1{n}",
            people=[10, None, 30, 5, None][n],
            boats=[1, None, 1, 1, None][n],
            nearest_place=[
                "Gravelines",
                "Gravelines",
                "Grand-Fort-Philippe",
                "Gravelines",
                "Loon-Plage",
            ][n],
        )
        for n in range(5)
    ]
    east = [
        incident(f"e{n}", *at_km(10, n * 0.002), date=None if n == 0 else "2025-07-01")
        for n in range(3)
    ]
    return incidents_to_frame(west + east)


def test_hotspot_label_counts_and_dates() -> None:
    spots = hotspots(cluster_incidents(hotspot_frame())).set_index("id")
    assert list(spots.index) == ["hotspot-0", "hotspot-1"]  # km 10 comes first
    west = spots.loc["hotspot-1"]
    assert west["label"] == "Gravelines – Grand-Fort-Philippe"
    assert west["incidents"] == 5
    assert west["people"] == 45
    assert west["boats"] == 3
    assert (west["first_date"], west["last_date"]) == ("2025-04-10", "2025-06-12")
    east = spots.loc["hotspot-0"]
    assert east["incidents"] == 3
    assert pd.isna(east["people"]) and pd.isna(east["boats"])
    assert (east["first_date"], east["last_date"]) == ("2025-07-01", "2025-07-01")
    members = hotspot_frame().iloc[5:]
    names = relate_to_coast(members.geometry)["nearest_place"].value_counts()
    assert east["label"] == " – ".join(sorted(names.index, key=lambda n: (-names[n], n))[:2])
    assert spots["people"].dtype == "Int64" and spots["boats"].dtype == "Int64"


def test_hotspot_columns_order_and_sorting() -> None:
    spots = hotspots(cluster_incidents(three_groups_and_noise()))
    assert list(spots.columns) == [*HOTSPOT_COLUMNS, "geometry"]
    assert spots["id"].tolist() == ["hotspot-0", "hotspot-1", "hotspot-2"]
    assert spots["coast_km_centre"].is_monotonic_increasing
    assert spots.crs == WGS84
    assert list(spots.index) == [0, 1, 2]


def test_hotspot_hull_covers_its_members_and_centre_is_on_the_shore() -> None:
    clustered = cluster_incidents(scattered_launches(), ClusterParams(eps_m=700, min_samples=4))
    spots = hotspots(clustered)
    assert len(spots) >= 3
    for spot in spots.itertuples():
        members = clustered[clustered["cluster_id"] == spot.cluster_id]
        assert spot.geometry.geom_type == "Polygon"
        assert spot.geometry.covers(shapely.MultiPoint(list(members.geometry))), spot.id
        assert spot.incidents == len(members)
        assert spot.coast_km_from <= spot.coast_km_centre <= spot.coast_km_to
        centre = gpd.GeoSeries([shapely.Point(spot.centre_lon, spot.centre_lat)], crs=WGS84)
        assert abs(relate_to_coast(centre)["shore_distance_m"].iloc[0]) < 1.0
        _, _, to_centroid = GEOD.inv(
            spot.centre_lon, spot.centre_lat, members.geometry.x.mean(), members.geometry.y.mean()
        )
        assert to_centroid < 5_000


@pytest.mark.parametrize(
    "offsets",
    [
        [(0.0, 0.0)] * 3,
        [(0.0, 0.0), (0.0, 0.0), (0.003, 0.0)],
        [(0.0, 0.0), (0.001, 0.0), (0.002, 0.0)],
    ],
    ids=["one-point", "two-points", "collinear"],
)
def test_hotspot_without_area_is_a_100_m_polygon(offsets: list[tuple[float, float]]) -> None:
    frame = incidents_to_frame(
        [incident(f"p{n}", *at_km(40, dx, dy)) for n, (dx, dy) in enumerate(offsets)]
    )
    spots = hotspots(cluster_incidents(frame))
    (polygon,) = spots.geometry
    assert polygon.geom_type == "Polygon"
    assert polygon.covers(shapely.MultiPoint(list(frame.geometry)))
    metric = gpd.GeoSeries([polygon], crs=WGS84).to_crs("EPSG:3035").iloc[0]
    points = frame.to_crs("EPSG:3035").geometry
    assert 99.0 < max(metric.exterior.distance(point) for point in points) < 101.0
    assert all(metric.exterior.distance(point) > 99.0 for point in points[:1])


def test_hotspots_need_a_clustered_frame() -> None:
    with pytest.raises(ValueError, match="cluster_id"):
        hotspots(three_groups_and_noise().drop(columns="cluster_id"))


def test_hotspot_ids_are_stable_when_rows_are_shuffled() -> None:
    frame = scattered_launches()
    params = ClusterParams(eps_m=700, min_samples=4)
    expected = hotspots(cluster_incidents(frame, params))
    shuffled = hotspots(cluster_incidents(frame.sample(frac=1.0, random_state=3), params))
    pd.testing.assert_frame_equal(
        expected.drop(columns="geometry"), shuffled.drop(columns="geometry"), check_exact=False
    )
    assert all(a.equals(b) for a, b in zip(expected.geometry, shuffled.geometry, strict=True))


# -- shifts ----------------------------------------------------------------------------------


def drifting_launches() -> gpd.GeoDataFrame:
    """One stretch of launches that drifts south-west (up the coast km) month by month."""
    incidents = [
        incident(
            f"m{month}-{n}",
            *at_km(20 + 2 * month + 0.3 * n),
            date=f"2025-{month:02d}-{10 + n}",
            people=10 * month,
        )
        for month in range(1, 7)
        for n in range(month)  # one launch in January, six in June
    ]
    incidents.append(incident("undated", *at_km(25), date=None, people=1000))
    return incidents_to_frame(incidents)


def test_hotspot_shifts_by_month() -> None:
    clustered = cluster_incidents(drifting_launches(), ClusterParams(method="coast", min_samples=1))
    assert set(clustered["cluster_id"]) == {0}
    shifts = hotspot_shifts(clustered)
    assert list(shifts.columns) == list(SHIFT_COLUMNS)
    assert shifts["period"].tolist() == [f"2025-{m:02d}" for m in range(1, 7)]
    assert shifts["incidents"].tolist() == [1, 2, 3, 4, 5, 6]
    assert shifts["people"].tolist() == [10 * m * m for m in range(1, 7)]  # undated left out
    assert shifts["hotspot_id"].unique().tolist() == ["hotspot-0"]
    assert shifts["coast_km_centre"].is_monotonic_increasing
    expected_june = 20 + 12 + 0.3 * np.mean(range(6))
    assert shifts["coast_km_centre"].iloc[-1] == pytest.approx(expected_june, abs=0.01)


def test_hotspot_shifts_by_quarter() -> None:
    clustered = cluster_incidents(drifting_launches(), ClusterParams(method="coast", min_samples=1))
    shifts = hotspot_shifts(clustered, "quarter")
    assert shifts["period"].tolist() == ["2025-Q1", "2025-Q2"]
    assert shifts["incidents"].tolist() == [6, 15]
    assert shifts["people"].tolist() == [10 + 40 + 90, 160 + 250 + 360]
    assert shifts["coast_km_centre"].iloc[0] < shifts["coast_km_centre"].iloc[1]
    assert shifts["incidents"].dtype == "int64" and shifts["people"].dtype == "Int64"


def test_hotspot_shifts_per_cluster() -> None:
    shifts = hotspot_shifts(cluster_incidents(hotspot_frame()))
    assert shifts[["hotspot_id", "period", "incidents"]].values.tolist() == [
        ["hotspot-0", "2025-07", 2],  # its undated launch is left out
        ["hotspot-1", "2025-04", 2],
        ["hotspot-1", "2025-05", 2],
        ["hotspot-1", "2025-06", 1],
    ]
    assert pd.isna(shifts["people"].iloc[0])


@pytest.mark.parametrize("period", ["week", "Month", "", None])
def test_bad_period_is_named(period: object) -> None:
    with pytest.raises(
        InvalidClusterParamsError, match=r"period must be one of month, quarter, got"
    ):
        hotspot_shifts(cluster_incidents(hotspot_frame()), period)  # type: ignore[arg-type]


def test_hdbscan_refuses_more_than_it_can_handle_naming_the_count() -> None:
    from geo.cluster import HDBSCAN_MAX_SAMPLES
    from geo.errors import InvalidClusterParamsError
    from geo.model import Incident, incidents_to_frame

    heavy = incidents_to_frame(
        [
            Incident(
                event_type="launch",
                place_name=f"p{i}",
                lon=1.8 + i * 1e-4,
                lat=50.9,
                people=HDBSCAN_MAX_SAMPLES // 50,
                location_role="departure",
            )
            for i in range(100)
        ]
    )
    with pytest.raises(InvalidClusterParamsError, match="40,000"):
        cluster_incidents(heavy, ClusterParams(method="hdbscan", weight="people"))
