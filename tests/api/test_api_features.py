"""The OGC API in process: filters, formats, writes, service endpoints, HTTP plumbing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyogrio
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.schemas import IncidentFeature
from api.settings import Settings
from tests.conftest import StoreTarget

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = '<script>alert("x")</script> & `tick` \\ back'


def _feature(**properties: Any) -> dict[str, Any]:
    geometry = properties.pop("geometry", {"type": "Point", "coordinates": [1.66, 50.88]})
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {"event_type": "launch", **properties},
    }


@pytest.fixture
def client(store_target: StoreTarget) -> Iterator[TestClient]:
    """An app with a write token on a fresh store of each kind, seeded with the sample."""
    settings = Settings(**store_target.settings, write_tokens=[TOKEN], default_limit=50)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/collections/incidents/items", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return [feature["id"] for feature in response.json()["features"]]


def _properties(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/collections/incidents/items", params={"limit": 1000, **params})
    return [feature["properties"] for feature in response.json()["features"]]


# -- filters and formats ----------------------------------------------------------------


def test_property_filters_select_by_type_role_country_place_and_people(client: TestClient) -> None:
    assert {p["event_type"] for p in _properties(client, event_type="arrival")} == {"arrival"}
    launches = _properties(client, event_type="launch,embarkation")
    assert launches and {p["event_type"] for p in launches} == {"launch", "embarkation"}
    assert {p["location_role"] for p in _properties(client, role="pickup")} == {"pickup"}
    assert {p["country"] for p in _properties(client, country="gb")} == {"GB"}
    assert all(
        "gravelines" in p["place_name"].lower() for p in _properties(client, place="GRAVELINES")
    )
    assert all(p["people"] >= 100 for p in _properties(client, min_people=100))


def test_sortby_orders_and_paging_links_keep_it(client: TestClient) -> None:
    dates = [p["date"] for p in _properties(client, sortby="-date") if p["date"]]
    assert dates == sorted(dates, reverse=True)
    people = [p["people"] for p in _properties(client, sortby="people", min_people=0)]
    assert people == sorted(people)
    body = client.get("/collections/incidents/items", params={"sortby": "-date", "limit": 2}).json()
    next_link = next(link["href"] for link in body["links"] if link["rel"] == "next")
    assert "sortby=-date" in next_link


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"sortby": "geom"}, "geom"),
        ({"event_type": "boat"}, "boat"),
        ({"role": "swimmer"}, "swimmer"),
        ({"f": "xml"}, "xml"),
        ({"min_people": "-1"}, "min_people"),
    ],
)
def test_bad_filters_are_400_naming_the_value(
    client: TestClient, params: dict[str, str], named: str
) -> None:
    response = client.get("/collections/incidents/items", params=params)
    assert response.status_code == 400
    assert named in response.json()["detail"]


def test_csv_page_reads_back(client: TestClient) -> None:
    response = client.get("/collections/incidents/items", params={"f": "csv", "limit": 1000})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {row["id"] for row in rows} == set(_ids(client))


def test_html_page_escapes_what_sources_wrote(client: TestClient) -> None:
    client.post("/collections/incidents/items", json=_feature(place_name=HOSTILE), headers=AUTH)
    page = client.get("/collections/incidents/items", params={"f": "html", "limit": 1000})
    assert page.headers["content-type"].startswith("text/html")
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.text


# -- writes -------------------------------------------------------------------------------


def test_create_returns_201_then_200_for_the_same_incident(client: TestClient) -> None:
    posted = _feature(
        date="2025-07-01",
        people=30,
        place_name="plage de l'Écluse",
        description="Deux « pneumatiques », 30 personnes",
        sources=[{"url": "https://example.org/a", "publisher": "Exemple"}],
        extra={"note": ["é", 1]},
        uncertainty_m=800.5,
    )
    first = client.post("/collections/incidents/items", json=posted, headers=AUTH)
    assert first.status_code == 201, first.text
    created = IncidentFeature.model_validate(first.json())
    assert first.headers["location"].endswith(f"/collections/incidents/items/{created.id}")
    assert created.properties.coast_km is not None and created.properties.nearest_place
    again = client.post("/collections/incidents/items", json=posted, headers=AUTH)
    assert again.status_code == 200 and again.json()["id"] == created.id
    assert _ids(client).count(created.id) == 1
    # The 201 answers what is stored, as the 200 and a GET read it back.
    stored = client.get(f"/collections/incidents/items/{created.id}").json()
    assert first.json() == stored == again.json()


def test_create_of_a_stored_id_with_other_content_is_409_pointing_to_put(
    client: TestClient,
) -> None:
    body = _feature(id="fixed-id", date="2025-07-02", people=30)
    assert client.post("/collections/incidents/items", json=body, headers=AUTH).status_code == 201
    changed = _feature(id="fixed-id", date="2025-07-02", people=31)
    conflict = client.post("/collections/incidents/items", json=changed, headers=AUTH)
    assert conflict.status_code == 409
    assert conflict.headers["content-type"] == "application/problem+json"
    assert "PUT /collections/incidents/items/fixed-id" in conflict.json()["detail"]
    moved = _feature(id="fixed-id", date="2025-07-02", people=30, geometry=None)
    assert client.post("/collections/incidents/items", json=moved, headers=AUTH).status_code == 409
    stored = client.get("/collections/incidents/items/fixed-id").json()
    assert stored["properties"]["people"] == 30 and stored["geometry"] is not None


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize("properties", [[1, 2], "people", 7, True])
def test_put_and_patch_with_properties_that_are_not_an_object_are_400(
    client: TestClient, method: str, properties: object
) -> None:
    url = client.post("/collections/incidents/items", json=_feature(), headers=AUTH).headers[
        "location"
    ]
    before = client.get(url).json()
    body = {"type": "Feature", "geometry": None, "properties": properties}
    response = getattr(client, method)(url, json=body, headers=AUTH)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"].startswith("properties: must be an object")
    assert client.get(url).json() == before


@pytest.mark.parametrize("kind", ["FeatureCollection", "Point", None, ""])
def test_a_patch_whose_type_is_not_feature_is_400_and_changes_nothing(
    client: TestClient, kind: object
) -> None:
    url = client.post("/collections/incidents/items", json=_feature(), headers=AUTH).headers[
        "location"
    ]
    before = client.get(url).json()
    body = {"type": kind, "properties": {"people": 99}}
    response = client.patch(url, json=body, headers=AUTH)
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("type: the body must be a GeoJSON Feature")
    assert client.get(url).json() == before


def test_client_supplied_derived_fields_are_recomputed(client: TestClient) -> None:
    body = _feature(coast_km=999.0, shore_distance_m=-1.0, nearest_place="Nowhere")
    created = client.post("/collections/incidents/items", json=body, headers=AUTH).json()
    assert created["properties"]["coast_km"] != 999.0
    assert created["properties"]["nearest_place"] != "Nowhere"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (_feature(event_type="swim"), "event_type"),
        (_feature(people=-4), "people"),
        (_feature(date="31/05/2025"), "date"),
        (_feature(geometry={"type": "LineString", "coordinates": [[1, 50], [2, 51]]}), "geometry"),
        ({"type": "FeatureCollection", "features": []}, "Feature"),
        (_feature(sources=[{"url": "javascript:alert(1)"}]), "sources.0.url"),
    ],
)
def test_invalid_bodies_name_the_bad_field_and_store_nothing(
    client: TestClient, body: dict[str, Any], named: str
) -> None:
    before = _ids(client)
    response = client.post("/collections/incidents/items", json=body, headers=AUTH)
    assert response.status_code in (400, 422)
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]
    assert _ids(client) == before


def test_put_patch_delete(client: TestClient) -> None:
    created = client.post(
        "/collections/incidents/items", json=_feature(people=10), headers=AUTH
    ).json()
    url = f"/collections/incidents/items/{created['id']}"
    patched = client.patch(
        url, json={"properties": {"people": 12, "boats": 1}}, headers=AUTH
    ).json()
    assert patched["properties"]["people"] == 12 and patched["properties"]["boats"] == 1
    assert patched["properties"]["event_type"] == "launch"
    cleared = client.patch(url, json={"properties": {"boats": None}}, headers=AUTH).json()
    assert cleared["properties"]["boats"] is None
    replaced = client.put(
        url, json=_feature(event_type="interception", geometry=None), headers=AUTH
    ).json()
    assert replaced["properties"]["event_type"] == "interception" and replaced["geometry"] is None
    assert replaced["properties"]["people"] is None  # PUT replaces the whole incident
    assert client.delete(url, headers=AUTH).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url, headers=AUTH).status_code == 404


def test_put_with_another_id_in_the_body_is_refused(client: TestClient) -> None:
    created = client.post("/collections/incidents/items", json=_feature(), headers=AUTH).json()
    body = _feature() | {"id": "inc-someoneelse"}
    response = client.put(f"/collections/incidents/items/{created['id']}", json=body, headers=AUTH)
    assert response.status_code == 400 and "inc-someoneelse" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer "},
    ],
)
def test_writes_without_a_valid_token_are_401(client: TestClient, headers: dict[str, str]) -> None:
    some_id = _ids(client)[0]
    url = f"/collections/incidents/items/{some_id}"
    before = client.get(url).json()
    for response in (
        client.post("/collections/incidents/items", json=_feature(), headers=headers),
        client.put(url, json=_feature(), headers=headers),
        client.patch(url, json={"properties": {"people": 1}}, headers=headers),
        client.delete(url, headers=headers),
    ):
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get(url).json()["properties"] == before["properties"]


def test_an_api_without_tokens_is_read_only(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path))) as read_only:
        response = read_only.post("/collections/incidents/items", json=_feature(), headers=AUTH)
    assert response.status_code == 403 and "read-only" in response.json()["detail"]


# -- service endpoints -----------------------------------------------------------------


def test_conformance_and_landing_links(client: TestClient) -> None:
    classes = client.get("/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in classes
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in classes
    rels = {link["rel"] for link in client.get("/").json()["links"]}
    assert {"service-desc", "conformance", "data"} <= rels


def test_readyz_counts_the_store(client: TestClient) -> None:
    body = client.get("/readyz").json()
    assert body["status"] == "ready" and body["incidents"] == len(_ids(client))


def test_geocode_endpoint(client: TestClient) -> None:
    feature = client.get("/geocode", params={"q": "off Wimereux"}).json()
    assert (
        feature["geometry"]["type"] == "Point"
        and feature["properties"]["location_precision"] == "area"
    )
    missing = client.get("/geocode", params={"q": "Nowhere-sur-Rien"}).json()
    assert missing["geometry"] is None and missing["properties"]["candidates"]
    bad = client.get("/geocode", params={"q": "Calais\x07"})
    assert bad.status_code == 400 and "control characters" in bad.json()["detail"]


@pytest.mark.parametrize("file_format", ["geojson", "csv", "gpkg"])
def test_export_downloads_every_incident(
    client: TestClient, tmp_path: Path, file_format: str
) -> None:
    response = client.get("/export", params={"f": file_format})
    assert response.status_code == 200
    path = tmp_path / f"download.{file_format}"
    path.write_bytes(response.content)
    expected = set(_ids(client))
    if file_format == "geojson":
        assert {f["id"] for f in json.loads(path.read_text())["features"]} == expected
    elif file_format == "csv":
        assert {row["id"] for row in csv.DictReader(io.StringIO(path.read_text()))} == expected
    else:
        assert set(pyogrio.read_dataframe(path)["id"]) == expected


def test_reference_collections(client: TestClient) -> None:
    places = client.get(
        "/collections/places/items", params={"bbox": "1.55,50.85,1.62,50.9", "limit": 100}
    ).json()
    names = {f["properties"]["name"] for f in places["features"]}
    assert "Cap Gris-Nez" in names and places["numberMatched"] == len(places["features"])
    assert (
        client.get("/collections/places/items/lm:cap-gris-nez").json()["geometry"]["type"]
        == "Point"
    )
    coast = client.get("/collections/coastline/items", params={"bbox": "1.5,50.7,1.7,50.9"}).json()
    assert coast["numberMatched"] >= 1 and coast["features"][0]["geometry"]["type"].endswith(
        "LineString"
    )
    assert client.get("/collections/places/items/lm:nowhere").status_code == 404


def test_places_carry_their_kind_names_commune_and_source(client: TestClient) -> None:
    oies = client.get("/collections/places/items/lm:pointe-aux-oies").json()
    assert oies["id"] == "lm:pointe-aux-oies"
    properties = oies["properties"]
    assert properties["kind"] == "point" and properties["precision"] == "site"
    assert properties["commune"] == "Wimereux" and properties["name_nl"] == "Ganzenpunt"
    assert "OpenStreetMap" in properties["source"]
    kent = client.get("/collections/places/items/lm:kent").json()["properties"]
    assert (kent["kind"], kent["precision"]) == ("county", "region")
    every = client.get("/collections/places/items", params={"limit": 10_000}).json()
    assert every["numberMatched"] > 6_000
    assert all(f["properties"]["kind"] and f["properties"]["source"] for f in every["features"])


def test_organisations_are_their_own_collection(client: TestClient) -> None:
    cross = client.get("/collections/organisations/items/lm-org:cross-gris-nez").json()
    assert cross["properties"]["kind"] == "rescue_centre"
    assert cross["geometry"]["type"] == "Point"
    navy = client.get("/collections/organisations/items/lm-org:marine-nationale").json()
    assert navy["geometry"] is None  # no one seat
    near_gris_nez = client.get(
        "/collections/organisations/items", params={"bbox": "1.55,50.85,1.62,50.9"}
    ).json()
    assert "lm-org:cross-gris-nez" in {f["id"] for f in near_gris_nez["features"]}
    places = client.get("/collections/places/items", params={"bbox": "1.55,50.85,1.62,50.9"})
    assert "lm-org:cross-gris-nez" not in {f["id"] for f in places.json()["features"]}


# -- HTTP plumbing ------------------------------------------------------------------------


def test_security_headers(client: TestClient) -> None:
    page = client.get("/map")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    api = client.get("/collections")
    assert "content-security-policy" not in api.headers and api.headers["x-frame-options"] == "DENY"


def test_bodies_over_the_limit_are_413(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, write_tokens=[TOKEN], max_body_bytes=2_000)
    with TestClient(create_app(settings)) as small:
        response = small.post(
            "/collections/incidents/items", json=_feature(description="x" * 5_000), headers=AUTH
        )
    assert response.status_code == 413 and "2,000" in response.json()["detail"]


def test_writes_are_rate_limited_per_client(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, write_tokens=[TOKEN], write_rate_per_minute=3)
    with TestClient(create_app(settings)) as limited:
        statuses = [
            limited.post(
                "/collections/incidents/items", json=_feature(people=n), headers=AUTH
            ).status_code
            for n in range(5)
        ]
        assert (
            limited.get("/collections/incidents/items").status_code == 200
        )  # reads are never limited
        refused = limited.post(
            "/collections/incidents/items", json=_feature(people=9), headers=AUTH
        )
    assert statuses[:3] == [201, 201, 201] and statuses[3:] == [429, 429]
    assert int(refused.headers["retry-after"]) >= 1


def test_cors_only_when_configured(tmp_path: Path) -> None:
    origin = {"Origin": "https://news.example"}
    with TestClient(create_app(Settings(data_dir=tmp_path))) as closed:
        assert (
            "access-control-allow-origin" not in closed.get("/collections", headers=origin).headers
        )
    settings = Settings(data_dir=tmp_path, cors_origins=["https://news.example"])
    with TestClient(create_app(settings)) as open_api:
        headers = open_api.get("/collections", headers=origin).headers
    assert headers["access-control-allow-origin"] == "https://news.example"


def test_access_log_has_a_line_per_request(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="launchmap.access"):
        client.get("/healthz")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "launchmap.access"]
    assert '"GET /healthz" 200' in line
