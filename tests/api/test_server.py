"""The real thing: `launchmap serve` under uvicorn on 127.0.0.1, read by httpx and Chromium."""

from __future__ import annotations

import time

import httpx
import pytest

from api.schemas import IncidentCollection
from tests.conftest import LiveServer

pytestmark = pytest.mark.browser


def _placed_count(server: LiveServer) -> tuple[int, int]:
    body = httpx.get(f"{server.url}/collections/incidents/items", params={"limit": 1000}).json()
    placed = sum(1 for feature in body["features"] if feature["geometry"] is not None)
    return placed, len(body["features"])


def test_server_serves_seeded_incidents_as_geojson(live_server: LiveServer) -> None:
    response = httpx.get(f"{live_server.url}/collections/incidents/items")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = IncidentCollection.model_validate(response.json())
    assert body.numberMatched >= 10
    assert (live_server.data_dir / "launchmap.gpkg").is_file()
    assert _logged(live_server, '"GET /collections/incidents/items" 200')  # the access log


def _logged(server: LiveServer, text: str, within_s: float = 5.0) -> bool:
    """Wait for the server to log a line (it logs right after answering)."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if text in server.log.read_text():
            return True
        time.sleep(0.05)
    return False
