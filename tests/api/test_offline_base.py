"""The map with no tile server: the offline base map draws land, sea and place names."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from maps.incident_map import TILE_HOSTS
from tests._map_page import wait_for_offline_base, wait_until_drawn
from tests.conftest import LiveServer, OfflinePage, save_screenshot

LAND = (243, 240, 232)  # offline.js: the land polygons' fill
SEA = (220, 235, 245)  # offline.js: the sea under them
INLAND = (50.62, 2.45)  # Artois, 40 km from the shore: no incident, zone or hotspot there
OPEN_SEA = (51.15, 1.62)  # mid-strait, between Cap Gris-Nez and Dover
COLOUR_SLACK = 6  # per channel: anti-aliasing and colour management


def _close(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(got - want) <= COLOUR_SLACK for got, want in zip(colour, expected, strict=True))


@pytest.mark.browser
def test_map_is_readable_when_every_tile_request_fails(
    live_server: LiveServer, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(f"{live_server.url}/map?lat=50.85&lon=1.95&zoom=9")
    wait_until_drawn(page)
    wait_for_offline_base(page)
    assert any(url.startswith(TILE_HOSTS) for url in offline_page.blocked)  # tiles were asked for
    assert page.locator("img.leaflet-tile-loaded").count() == 0
    names = set(page.locator(".launchmap-offline-label").all_inner_texts())
    assert {"Calais", "Dover"} <= names, names
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    for (lat, lon), colour in ((INLAND, LAND), (OPEN_SEA, SEA)):
        x, y, on_map = page.evaluate(
            """([lat, lon]) => {
                const map = window.launchmap.map;
                const point = map.latLngToContainerPoint([lat, lon]);
                const box = map.getContainer().getBoundingClientRect();
                const [x, y] = [box.left + point.x, box.top + point.y];
                const under = document.elementFromPoint(x, y);
                return [x, y, Boolean(under && under.closest(".leaflet-map-pane"))];
            }""",
            [lat, lon],
        )
        assert on_map, (lat, lon)  # not under a control or the panel
        pixel = shot.getpixel((round(x), round(y)))
        assert _close(pixel, colour), (lat, lon, pixel)
    save_screenshot(page, "map-offline-base-1200x800")
    assert offline_page.errors == []
