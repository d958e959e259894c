"""The API in process: collections, items with bbox/datetime/paging, errors as problem+json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.schemas import Collections, Health, IncidentCollection, IncidentFeature, LandingPage
from api.settings import Settings
from geo.bundled import SAMPLE_INCIDENTS_FILE, bundled_path
from maps.assets import VENDOR_DIR, pinned_versions

SAMPLE = json.loads(bundled_path(SAMPLE_INCIDENTS_FILE).read_text(encoding="utf-8"))["features"]
PLACED = [f for f in SAMPLE if f["geometry"] is not None]


@pytest.fixture
def client(read_only_client: TestClient) -> TestClient:
    """The module's tests only read: they share one app a store kind."""
    return read_only_client


def _all_items(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Follow next links from ``url`` and return every feature."""
    features: list[dict[str, Any]] = []
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.text
        body = IncidentCollection.model_validate(page.json())
        features.extend(page.json()["features"])
        url = next((link.href for link in body.links if link.rel == "next"), "")
    return features


def _ids(features: list[dict[str, Any]]) -> set[str]:
    return {feature["id"] for feature in features}


def _in_box(feature: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    if feature["geometry"] is None:
        return False
    lon, lat = feature["geometry"]["coordinates"]
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def test_healthz_and_landing_page(client: TestClient) -> None:
    assert Health.model_validate(client.get("/healthz").json()).status == "ok"
    landing = LandingPage.model_validate(client.get("/").json())
    rels = {link.rel: link.href for link in landing.links}
    assert {"self", "service-desc", "data", "alternate"} <= set(rels)
    assert client.get(rels["service-desc"]).json()["openapi"].startswith("3.")


def test_collections_describe_incidents_with_extent(client: TestClient) -> None:
    collections = Collections.model_validate(client.get("/collections").json())
    incidents = collections.collections[0]
    ids = [collection.id for collection in collections.collections]
    assert ids == ["incidents", "hotspots", "coastline", "places", "organisations"]
    assert incidents.extent is not None
    lons = [f["geometry"]["coordinates"][0] for f in PLACED]
    bbox = incidents.extent.spatial.bbox[0]
    assert bbox[0] == pytest.approx(min(lons)) and bbox[2] == pytest.approx(max(lons))
    dates = sorted(f["properties"]["date"] for f in SAMPLE if f["properties"].get("date"))
    assert incidents.extent.temporal.interval == [[dates[0], dates[-1]]]
    assert client.get("/collections/incidents").json()["id"] == "incidents"


def test_items_are_geojson_pages_covering_every_incident(client: TestClient) -> None:
    response = client.get("/collections/incidents/items")
    assert response.headers["content-type"].startswith("application/geo+json")
    first = IncidentCollection.model_validate(response.json())
    assert first.numberMatched == len(SAMPLE)
    assert first.numberReturned == 3  # the default limit of these settings
    features = _all_items(client, "/collections/incidents/items")
    assert len(features) == len(SAMPLE)
    assert _ids(features) == {f["id"] for f in SAMPLE}


def test_limit_is_capped_at_the_maximum(client: TestClient) -> None:
    body = client.get("/collections/incidents/items", params={"limit": 1000}).json()
    assert body["numberReturned"] == 5
    next_link = next(link["href"] for link in body["links"] if link["rel"] == "next")
    assert parse_qs(urlsplit(next_link).query)["limit"] == ["5"]


def test_next_and_prev_links_keep_the_filters(client: TestClient) -> None:
    params = {"bbox": "-2,49,4.5,52", "limit": 2, "offset": 2}
    links = {
        link["rel"]: link["href"]
        for link in client.get("/collections/incidents/items", params=params).json()["links"]
    }
    for rel in ("next", "prev"):
        query = parse_qs(urlsplit(links[rel]).query)
        assert query["bbox"] == ["-2,49,4.5,52"]
        assert query["limit"] == ["2"]
    assert parse_qs(urlsplit(links["next"]).query)["offset"] == ["4"]
    assert parse_qs(urlsplit(links["prev"]).query)["offset"] == ["0"]


@pytest.mark.parametrize(
    "box",
    [
        (1.5, 50.6, 2.2, 51.1),
        (1.2, 51.0, 1.4, 51.2),
        (-2.0, 49.0, 4.5, 52.0),
        (3.0, 49.0, 4.0, 50.0),
    ],
)
def test_bbox_selects_exactly_the_incidents_inside(
    client: TestClient, box: tuple[float, ...]
) -> None:
    bbox = ",".join(str(value) for value in box)
    features = _all_items(client, f"/collections/incidents/items?bbox={bbox}")
    assert _ids(features) == {f["id"] for f in SAMPLE if _in_box(f, box)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("datetime", "start", "end"),
    [
        ("2021-11-24", "2021-11-24", "2021-11-24"),
        ("2021-11-03/2021-11-05", "2021-11-03", "2021-11-05"),
        ("2025-01-01/..", "2025-01-01", "9999-12-31"),
        ("../2021-12-31", "0001-01-01", "2021-12-31"),
        ("/2021-12-31", "0001-01-01", "2021-12-31"),
        ("2021-11-25T10:00:00Z", "2021-11-25", "2021-11-25"),
    ],
)
def test_datetime_filters_by_inclusive_date(
    client: TestClient, datetime: str, start: str, end: str
) -> None:
    features = _all_items(client, f"/collections/incidents/items?datetime={datetime}")
    expected = {
        f["id"]
        for f in SAMPLE
        if f["properties"].get("date") and start <= f["properties"]["date"] <= end
    }
    assert expected, "the sample should hold incidents in every tested range"
    assert _ids(features) == expected


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"bbox": "1,2,3"}, "'1,2,3'"),
        ({"bbox": "a,b,c,d"}, "'a,b,c,d'"),
        ({"bbox": "3,50,1,51"}, "bbox"),
        ({"bbox": "1,50,2,nan"}, "'1,50,2,nan'"),
        ({"datetime": "yesterday"}, "'yesterday'"),
        ({"datetime": "../.."}, "'../..'"),
        ({"datetime": "2025-02-01/2025-01-01"}, "'2025-02-01/2025-01-01'"),
        ({"limit": "0"}, "limit"),
        ({"limit": "ten"}, "'ten'"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_bad_parameters_get_problem_json_naming_the_value(
    client: TestClient, params: dict[str, str], named: str
) -> None:
    response = client.get("/collections/incidents/items", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert named in problem["detail"]


@pytest.mark.parametrize(
    "collection", ["incidents", "hotspots", "coastline", "places", "organisations"]
)
@pytest.mark.parametrize(
    "bbox",
    ["3,50,1,51", "1,51,3,50", "-200,50,1,51", "1,50,2,95", "1,50,2,nan", "1,50,2"],
    ids=["reversed-lon", "reversed-lat", "lon-out-of-range", "lat-out-of-range", "nan", "three"],
)
def test_every_collection_refuses_a_bad_bbox_alike(
    client: TestClient, collection: str, bbox: str
) -> None:
    response = client.get(f"/collections/{collection}/items", params={"bbox": bbox})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "bbox" in response.json()["detail"]


def test_one_item_by_id(client: TestClient) -> None:
    sample = PLACED[0]
    response = client.get(f"/collections/incidents/items/{sample['id']}")
    assert response.headers["content-type"].startswith("application/geo+json")
    feature = IncidentFeature.model_validate(response.json())
    assert feature.id == sample["id"]
    assert feature.geometry is not None
    assert feature.geometry.coordinates == pytest.approx(sample["geometry"]["coordinates"])
    assert feature.properties.description == sample["properties"]["description"]
    assert [s.url for s in feature.properties.sources] == [
        s["url"] for s in sample["properties"]["sources"]
    ]


def test_unplaced_item_has_null_geometry(client: TestClient) -> None:
    unplaced = next(f for f in SAMPLE if f["geometry"] is None)
    body = client.get(f"/collections/incidents/items/{unplaced['id']}").json()
    assert body["geometry"] is None
    assert body["properties"]["country"] == unplaced["properties"]["country"]


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/collections/incidents/items/inc-doesnotexist", "inc-doesnotexist"),
        ("/collections/boats/items", "boats"),
        ("/collections/boats", "boats"),
        ("/no/such/page", "Not Found"),
    ],
)
def test_missing_things_are_404_problems(client: TestClient, path: str, named: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]


def test_map_page_loads_leaflet_from_the_server(client: TestClient) -> None:
    response = client.get("/map")
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    bundle = re.search(r'src="(/assets/launchmap/page\.js\?v=\w+)"', page)
    assert bundle is not None  # Leaflet, the clustering library and the page script in one file
    assert (VENDOR_DIR / "leaflet/dist/leaflet.js").read_text("utf-8") in client.get(
        bundle.group(1)
    ).text
    assert "cdn.jsdelivr.net" not in page and "code.jquery.com" not in page
    leaflet = client.get("/assets/vendor/leaflet/dist/leaflet.js")
    assert leaflet.status_code == 200
    assert leaflet.text == (VENDOR_DIR / "leaflet/dist/leaflet.js").read_text("utf-8")
    assert client.get("/assets/vendor/leaflet/dist/leaflet.css").status_code == 200


def test_cdn_assets_setting_switches_the_map_to_unpkg(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path, assets="cdn"))) as cdn_client:
        page = cdn_client.get("/map").text
    assert f"https://unpkg.com/leaflet@{pinned_versions()['leaflet']}/dist/leaflet.js" in page


def test_items_carry_the_derived_coast_fields(client: TestClient) -> None:
    features = _all_items(client, "/collections/incidents/items")
    placed = [f for f in features if f["geometry"] is not None]
    french = [f for f in placed if f["properties"]["country"] == "FR"]
    assert french and all(isinstance(f["properties"]["coast_km"], float) for f in french)
    english = [f for f in placed if f["properties"]["country"] == "GB"]
    assert english and all(f["properties"]["coast_km"] is None for f in english)  # across
    assert all(f["properties"]["nearest_place"] for f in placed)
    unplaced = [f for f in features if f["geometry"] is None]
    assert all(f["properties"]["coast_km"] is None for f in unplaced)
    wimereux = next(f for f in placed if f["properties"]["place_id"] == "lm:plage-de-wimereux")
    assert wimereux["properties"]["coast_km"] == pytest.approx(86, abs=3)
