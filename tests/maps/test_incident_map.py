"""The incident map page: assets, legend, escaping, and what Chromium draws offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import pytest
from playwright.sync_api import Locator

from geo.model import Incident, incidents_to_frame
from maps.assets import LEAFLET_FILES, AssetMode, inline_text, pinned_versions
from maps.incident_map import EVENT_COLORS, MapOptions, _script_json, render_map_html
from tests.conftest import OfflinePage, save_screenshot

HOSTILE = (
    '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    " it's `${window.pwned = 3}` \\ \\u003c & \u2028 done"
)
HOSTILE_URL = 'https://example.org/?q="><script>window.pwned=4</script>'


def _incidents() -> gpd.GeoDataFrame:
    rows = [
        Incident(
            event_type="launch",
            date="2024-05-01",
            place_name="Wissant",
            lon=1.661,
            lat=50.885,
            people=40,
            boats=1,
            sources=[{"url": "https://example.org/wissant", "publisher": "Example"}],
        ),
        Incident(
            event_type="rescue",
            date="2024-05-02",
            place_name=HOSTILE,
            lon=1.75,
            lat=51.0,
            description=HOSTILE,
            sources=[{"url": HOSTILE_URL, "publisher": HOSTILE, "quote": HOSTILE}],
        ),
        Incident(
            event_type="arrival", date="2024-05-02", place_name="United Kingdom", country="GB"
        ),
        Incident(event_type="interception", place_name="Gravelines", lon=2.128, lat=50.987),
    ]
    return incidents_to_frame(rows)


def _script_sources(page: str) -> list[str]:
    return re.findall(r'<script[^>]+src="([^"]+)"', page) + re.findall(
        r'<link[^>]+href="([^"]+)"', page
    )


def test_local_page_loads_only_the_servers_leaflet() -> None:
    page = render_map_html(_incidents(), MapOptions(asset_prefix="/static/v"))
    assert sorted(_script_sources(page)) == [
        "/static/v/leaflet/dist/leaflet.css",
        "/static/v/leaflet/dist/leaflet.js",
    ]


def test_cdn_page_loads_the_pinned_version() -> None:
    page = render_map_html(_incidents(), MapOptions(assets=AssetMode.CDN))
    version = pinned_versions()["leaflet"]
    assert sorted(_script_sources(page)) == [
        f"https://unpkg.com/leaflet@{version}/dist/leaflet.css",
        f"https://unpkg.com/leaflet@{version}/dist/leaflet.js",
    ]


def test_inline_page_needs_no_other_file() -> None:
    page = render_map_html(_incidents(), MapOptions(assets=AssetMode.INLINE))
    assert _script_sources(page) == []
    assert "url(images/" not in page  # Leaflet's CSS images became data: URIs
    assert "data:image/png;base64," in page


def test_pinned_leaflet_is_what_npm_installed() -> None:
    installed = json.loads(
        (
            Path(__file__).resolve().parents[2] / "maps/assets/node_modules/leaflet/package.json"
        ).read_text()
    )
    assert installed["version"] == pinned_versions()["leaflet"]
    for file in LEAFLET_FILES:
        text = inline_text(file)
        assert "</script" not in text.lower() and "</style" not in text.lower()


def test_hostile_text_never_appears_raw_in_the_page() -> None:
    page = render_map_html(_incidents(), MapOptions(title="<b>Calais</b> & co"))
    assert "window.pwned" in page  # the text is there, as data …
    assert "<script>window.pwned" not in page  # … but never as markup
    assert "<img src=x" not in page
    assert "<title>&lt;b&gt;Calais&lt;/b&gt; &amp; co</title>" in page


@pytest.mark.parametrize("value", [HOSTILE, {"a": ["</script>", "\u2029", "<!--"]}, "plain"])
def test_script_json_round_trips_and_cannot_close_a_script(value: object) -> None:
    text = _script_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "\u2028" not in text and "\u2029" not in text


def test_legend_counts_by_type_and_notes_unplaced() -> None:
    page = render_map_html(_incidents())
    legend = json.loads(re.search(r"var legend = (\{.*?\});", page).group(1))  # type: ignore[union-attr]
    assert [(e["label"], e["count"]) for e in legend["entries"]] == [
        ("Launch", 1),
        ("Interception", 1),
        ("Rescue", 1),
        ("Arrival", 1),
    ]
    assert legend["entries"][0]["color"] == EVENT_COLORS["launch"]
    assert legend["note"].startswith("1 of 4 incidents")
    assert any("GSHHG" in a for a in legend["attributions"])
    assert any("GeoNames" in a for a in legend["attributions"])


def test_empty_input_still_makes_a_map() -> None:
    page = render_map_html(incidents_to_frame([]))
    assert '"features":[]' in page


@pytest.fixture
def standalone_map(tmp_path: Path) -> Path:
    path = tmp_path / "map.html"
    path.write_text(
        render_map_html(_incidents(), MapOptions(assets=AssetMode.INLINE)), encoding="utf-8"
    )
    return path


def _open_map(offline_page: OfflinePage, path: Path) -> Locator:
    """Open a map file offline and wait for its incident markers."""
    offline_page.page.goto(path.as_uri())
    markers = offline_page.page.locator("path.launchmap-incident")
    markers.first.wait_for(state="attached", timeout=15_000)
    return markers


@pytest.mark.browser
def test_standalone_map_draws_markers_offline(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    markers = _open_map(offline_page, standalone_map)
    page = offline_page.page
    assert markers.count() == 3  # the country-level arrival is not drawn
    assert page.locator("path.launchmap-incident-launch").count() == 1
    fill = page.locator("path.launchmap-incident-launch").get_attribute("fill")
    assert fill == EVENT_COLORS["launch"]
    assert page.locator("path.launchmap-incident-launch").get_attribute("fill") != page.locator(
        "path.launchmap-incident-rescue"
    ).get_attribute("fill")
    assert "Coastline (GSHHG)" in page.locator(".leaflet-control-layers").inner_text()
    assert (
        page.locator(".leaflet-overlay-pane path:not(.launchmap-incident)").count() > 0
    )  # coastline
    assert offline_page.errors == []
    assert all("tile.openstreetmap.org" in url for url in offline_page.blocked)


@pytest.mark.browser
def test_hostile_popup_shows_text_and_runs_nothing(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    _open_map(offline_page, standalone_map)
    page = offline_page.page
    page.locator("path.launchmap-incident-rescue").dispatch_event("click")
    popup = page.locator(".launchmap-popup")
    popup.wait_for(timeout=5_000)
    assert popup.locator("p").evaluate("node => node.textContent") == HOSTILE
    assert popup.locator(".launchmap-quote").evaluate("node => node.textContent") == HOSTILE
    link = popup.locator("a")
    assert link.get_attribute("href") == HOSTILE_URL
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    assert popup.locator("script, img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert offline_page.dialogs == [] and offline_page.errors == []
    save_screenshot(page, "hostile-popup")


@pytest.mark.browser
def test_layer_control_hides_and_shows_incidents(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    markers = _open_map(offline_page, standalone_map)
    toggle = offline_page.page.locator(
        ".leaflet-control-layers-overlays label", has_text="Incidents"
    ).locator("input")
    toggle.uncheck()
    assert markers.count() == 0
    toggle.check()
    assert markers.count() == 3


def test_unplaced_only_frame_has_no_markers_and_keeps_default_view() -> None:
    frame = incidents_to_frame([Incident(event_type="arrival", country="GB")])
    page = render_map_html(frame)
    assert "fitBounds" not in page
    assert "[50.95, 1.85]" in page  # the default centre: the Strait of Dover


@pytest.mark.browser
def test_popup_shows_coast_fields(tmp_path: Path, offline_page: OfflinePage) -> None:
    frame = incidents_to_frame(
        [
            Incident(
                event_type="embarkation",
                place_name="off Calais",
                lon=1.85,
                lat=50.97,
                coast_km=52.14,
                shore_distance_m=150.0,
                nearest_place="Calais",
            ),
            Incident(
                event_type="interception",
                place_name="Loon-Plage",
                lon=2.22,
                lat=50.99,
                coast_km=25.0,
                shore_distance_m=-2400.0,
                nearest_place="Loon-Plage",
            ),
        ]
    )
    path = tmp_path / "coast.html"
    path.write_text(render_map_html(frame, MapOptions(assets=AssetMode.INLINE)), encoding="utf-8")
    _open_map(offline_page, path)
    page = offline_page.page
    page.locator("path.launchmap-incident-embarkation").dispatch_event("click")
    text = page.locator(".launchmap-popup").inner_text()
    assert "52.1 km" in text and "150 m at sea (within the 300 m zone)" in text and "Calais" in text
    page.keyboard.press("Escape")
    page.locator("path.launchmap-incident-interception").dispatch_event("click")
    page.wait_for_function(
        "document.querySelector('.launchmap-popup').innerText.includes('inland')"
    )
    assert "2.4 km inland" in page.locator(".launchmap-popup").inner_text()
