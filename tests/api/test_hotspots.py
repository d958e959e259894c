"""The hotspots collection and the `launchmap hotspots` command on a store of known clusters."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator

import pytest
import shapely
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from geo.model import Incident, incidents_to_frame
from tests.conftest import StoreTarget, launchmap_command

# Three launch sites along the French coast, each with a few departures a few hundred metres apart.
SITES = {"gravelines": (2.125, 51.010), "wissant": (1.660, 50.890), "berck": (1.560, 50.410)}


def _incidents() -> list[Incident]:
    incidents = []
    for name, (lon, lat) in SITES.items():
        for step in range(4):
            incidents.append(
                Incident(
                    event_type="launch",
                    date=f"2025-0{step + 3}-1{step}",
                    place_name=f"{name} {step}",
                    lon=lon + step * 0.002,
                    lat=lat + step * 0.001,
                    location_role="departure",
                    people=10 * (step + 1),
                )
            )
    incidents.append(
        Incident(
            event_type="rescue",
            place_name="mid-Channel",
            lon=1.5,
            lat=50.95,
            location_role="rescue",
        )
    )
    return incidents


@pytest.fixture
def client(store_target: StoreTarget) -> Iterator[TestClient]:
    store = store_target.open(seed=False)
    store.add(incidents_to_frame(_incidents()))
    store.close()
    settings = Settings(**store_target.settings, seed=False)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_hotspots_are_hull_polygons_with_their_clustering(client: TestClient) -> None:
    response = client.get("/collections/hotspots/items", params={"eps_m": 1500, "min_samples": 3})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["numberMatched"] == 3 and body["numberReturned"] == 3
    assert body["clustering"]["method"] == "dbscan" and body["clustering"]["eps_m"] == 1500
    assert body["clustering"]["roles"] == ["departure", "pickup"]
    for feature in body["features"]:
        hull = shapely.geometry.shape(feature["geometry"])
        assert hull.geom_type == "Polygon"
        properties = feature["properties"]
        assert properties["incidents"] == 4 and properties["people"] == 100
        assert (
            properties["coast_km_from"]
            <= properties["coast_km_centre"]
            <= properties["coast_km_to"]
        )
    kms = [f["properties"]["coast_km_centre"] for f in body["features"]]
    assert kms == sorted(kms)  # Gravelines, then Wissant, then Berck along the coast


def test_periods_show_how_each_hotspot_moves(client: TestClient) -> None:
    body = client.get("/collections/hotspots/items", params={"period": "month"}).json()
    shifts = body["features"][0]["properties"]["shifts"]
    assert [s["period"] for s in shifts] == ["2025-03", "2025-04", "2025-05", "2025-06"]
    assert [s["incidents"] for s in shifts] == [1, 1, 1, 1]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"method": "kmeans"}, "kmeans"),
        ({"eps_m": "-5"}, "eps_m"),
        ({"weight": "lots"}, "lots"),
        ({"roles": "swimming"}, "swimming"),
        ({"period": "fortnight"}, "fortnight"),
        ({"min_samples": "0"}, "min_samples"),
    ],
)
def test_bad_clustering_parameters_are_400_problems(
    client: TestClient, params: dict[str, str], named: str
) -> None:
    response = client.get("/collections/hotspots/items", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]


def test_every_method_finds_the_three_sites(client: TestClient) -> None:
    for params in (
        {"method": "dbscan"},
        {"method": "coast", "eps_km": 2},
        {"method": "space-time", "gap_days": 60},
        {"method": "hdbscan", "min_cluster_size": 3},
    ):
        body = client.get("/collections/hotspots/items", params=params).json()
        assert body["numberMatched"] == 3, params


def test_collections_list_hotspots(client: TestClient) -> None:
    ids = [c["id"] for c in client.get("/collections").json()["collections"]]
    assert ids == ["incidents", "hotspots", "coastline", "places", "organisations"]
    assert client.get("/collections/hotspots").json()["title"] == "Launch hotspots"


def test_cli_hotspots_table_and_json(store_target: StoreTarget) -> None:
    store = store_target.open(seed=False)
    store.add(incidents_to_frame(_incidents()))
    store.close()
    env = {**os.environ, **store_target.env}
    tmp_path = store_target.data_dir
    table = subprocess.run(
        [*launchmap_command(), "hotspots", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert table.returncode == 0, table.stderr
    assert "3 hotspots (method=dbscan" in table.stdout and "Wissant" in table.stdout
    as_json = subprocess.run(
        [
            *launchmap_command(),
            "hotspots",
            "--data-dir",
            str(tmp_path),
            "--method",
            "coast",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    collection = json.loads(as_json.stdout)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 3
    assert collection["clustering"]["method"] == "coast"
    bad = subprocess.run(
        [*launchmap_command(), "hotspots", "--data-dir", str(tmp_path), "--eps-m", "-1"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert bad.returncode == 1 and "eps_m" in bad.stderr
