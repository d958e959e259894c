"""GET /map.png and /chart.png: PNG answers, sizes, filters, caching, problem+json errors."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from api.settings import Settings

PATHS = ["/map.png", "/chart.png"]


@pytest.fixture
def client(read_only_client: TestClient) -> TestClient:
    """The module's tests only read: they share one app a store kind."""
    return read_only_client


def _size(content: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image.size


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("query", "size"),
    [("", (1200, 800)), ("?width=640&height=360", (640, 360)), ("?card=true", (1200, 630))],
)
def test_image_is_a_png_of_the_requested_size(
    client: TestClient, path: str, query: str, size: tuple[int, int]
) -> None:
    response = client.get(path + query)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/png"
    max_age = Settings.model_fields["cache_max_age_s"].default
    assert response.headers["cache-control"] == f"public, max-age={max_age}"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert _size(response.content) == size


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("width=5000", "'5000'"),
        ("height=12", "'12'"),
        ("width=wide", "'wide'"),
        ("card=1&width=800", "width 800"),
        ("types=launch,yacht", "'yacht'"),
        ("start=2025-13-01", "'2025-13-01'"),
    ],
)
def test_a_bad_parameter_is_a_400_problem_naming_the_value(
    client: TestClient, path: str, query: str, named: str
) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]


@pytest.mark.parametrize("path", PATHS)
def test_filters_change_the_image(client: TestClient, path: str) -> None:
    everything = client.get(f"{path}?width=400&height=300")
    launches = client.get(f"{path}?width=400&height=300&types=launch")
    nothing = client.get(f"{path}?width=400&height=300&types=death")
    assert len({everything.content, launches.content, nothing.content}) == 3
    assert len({response.headers["etag"] for response in (everything, launches, nothing)}) == 3


@pytest.mark.parametrize("path", PATHS)
def test_etag_is_stable_and_if_none_match_gets_304(client: TestClient, path: str) -> None:
    first = client.get(f"{path}?width=400&height=300")
    again = client.get(f"{path}?width=400&height=300")
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"') and len(etag) > 10
    assert again.headers["etag"] == etag and again.content == first.content

    cached = client.get(f"{path}?width=400&height=300", headers={"If-None-Match": f'"x", W/{etag}'})
    assert cached.status_code == 304 and cached.content == b""
    assert cached.headers["etag"] == etag
    stale = client.get(f"{path}?width=400&height=300", headers={"If-None-Match": '"old"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_map_follows_the_view_centre_and_zoom(client: TestClient) -> None:
    wide = client.get("/map.png?width=400&height=300&lat=50.95&lon=1.85&zoom=8")
    close = client.get("/map.png?width=400&height=300&lat=50.95&lon=1.85&zoom=12")
    assert wide.status_code == close.status_code == 200
    assert wide.content != close.content
    assert client.get("/map.png?lat=50.95").status_code == 400  # lat goes with lon


def test_images_are_in_the_api_description(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in PATHS:
        operation = paths[path]["get"]
        assert "image/png" in operation["responses"]["200"]["content"]
        names = {parameter["name"] for parameter in operation["parameters"]}
        assert {"width", "height", "card", "start", "end", "types"} <= names
