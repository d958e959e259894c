"""The map page: its shell, assets and data, escaping, and what Chromium draws offline."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from babel.dates import format_date
from playwright.sync_api import Locator, Page

from geo.coast import with_coast_relations
from geo.model import Incident, incidents_to_frame
from maps import incident_map
from maps.assets import (
    CORE_FILES,
    PAGE_FILES,
    PLUGINS,
    VENDOR_DIR,
    AssetMode,
    asset_url,
    inline_text,
    integrity,
    pinned_versions,
)
from maps.data_resource import DETAILS_PER_CHUNK, build_map_data, read_columns, read_header
from maps.incident_map import (
    EVENT_COLORS,
    TILE_HOSTS,
    Chrome,
    MapOptions,
    app_file,
    build_id,
    render_map_html,
    render_page,
)
from maps.messages import format_number, message
from maps.page_data import script_json
from maps.view import MapView, parse_view
from tests._map_page import DRAWN_JS, drawn_incidents, open_panel, wait_until_drawn
from tests.conftest import OfflinePage, save_screenshot

HOSTILE = (
    '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    " it's `${window.pwned = 3}` \\ \\u003c & \u2028 done"
)
HOSTILE_URL = 'https://example.org/?q="><script>window.pwned=4</script>'
README = Path(__file__).resolve().parents[2] / "README.md"


def _incidents() -> gpd.GeoDataFrame:
    """Four incidents far enough apart to draw as single markers at zoom 11, one unplaced."""
    rows = [
        Incident(
            event_type="launch",
            date="2024-05-01",
            place_name="Wissant",
            lon=1.661,
            lat=50.885,
            people=40,
            boats=1,
            coast_km=68.5,
            sources=[{"url": "https://example.org/wissant", "publisher": "Example"}],
        ),
        Incident(
            event_type="rescue",
            date="2024-06-02",
            place_name=HOSTILE,
            lon=1.75,
            lat=51.0,
            description=HOSTILE,
            sources=[{"url": HOSTILE_URL, "publisher": HOSTILE, "quote": HOSTILE}],
        ),
        Incident(
            event_type="arrival", date="2024-05-02", place_name="United Kingdom", country="GB"
        ),
        Incident(
            event_type="interception",
            date="2024-07-10",
            place_name="Gravelines",
            lon=2.128,
            lat=50.987,
            coast_km=32.5,
        ),
    ]
    return incidents_to_frame(rows)


def _sources(page: str) -> list[str]:
    return re.findall(r'<script[^>]+src="([^"]+)"', page) + re.findall(
        r'<link[^>]+href="([^"]+)"', page
    )


def _app_config(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="launchmap-config">(.*?)</script>', page)
    assert match is not None
    config: dict[str, object] = json.loads(match.group(1))
    return config


SERVED = MapOptions(asset_prefix="/static/v", app_prefix="/app", data_url="/data/")


def _shell(options: MapOptions = SERVED, view: MapView | None = None) -> str:
    """The page shell of the test incidents, as a server writes it."""
    summary = build_map_data(_incidents(), "k").summary(view or MapView())
    return render_page(summary, options, view or MapView())


def test_served_page_is_a_small_shell_loading_one_bundle_of_each_kind() -> None:
    page = _shell()
    app = {f"/app/{name}?v={build_id()}" for name in ("page.js", "page.css", "favicon.svg")}
    assert set(_sources(page)) == app  # Leaflet and the clustering library are in the bundle
    assert len(page.encode()) < 16_000  # the incidents are not in it
    assert "Wissant" not in page and "68.5" not in page
    config = _app_config(page)
    assert config["dataUrl"] == "/data/" and "details" not in config
    assert config["referenceUrl"] == f"/app/reference.json.gz?v={build_id()}"
    plugins = config["plugins"]
    assert isinstance(plugins, dict) and set(plugins) == set(PLUGINS)  # loaded when used
    assert plugins["minimap"]["js"] == "/static/v/leaflet-minimap/dist/Control.MiniMap.min.js"


def _carrying_shell(data_bytes_allowed: int | None = None) -> tuple[str, bytes]:
    """A served shell of the test incidents given their data resource; the resource inflated."""
    data = build_map_data(_incidents(), "k")
    return render_page(data.summary(MapView()), SERVED, MapView(), data), gzip.decompress(
        data.incidents
    )


def _carried(page: str) -> bytes | None:
    """The incidents a shell carries, or None."""
    element = re.search(
        r'<script type="application/octet-stream" id="launchmap-data">([^<]*)<', page
    )
    return None if element is None else base64.b64decode(element[1])


def test_a_small_store_s_shell_carries_its_incidents_and_is_painted_once_they_are_drawn() -> None:
    page, inflated = _carrying_shell()
    assert _carried(page) == inflated  # as they are: the page script reads them at once
    config = _app_config(page)
    assert config["incidentsCarried"] is True
    assert config["dataUrl"] == "/data/"  # a popup's details still come from there
    scripts = re.findall(r"<script defer[^>]*>", page)
    assert scripts and all(' blocking="render"' in tag for tag in scripts)
    # laid out once the body is parsed, before the (deferred) page script runs
    assert page.index('id="launchmap-data"') < page.index('id="launchmap-layout"')
    assert page.index('id="launchmap-layout"') > page.index("</aside>")


def test_a_store_too_large_to_carry_is_only_named(monkeypatch: pytest.MonkeyPatch) -> None:
    inflated = _carrying_shell()[1]
    monkeypatch.setattr(incident_map, "CARRIED_INCIDENTS_MAX_BYTES", len(inflated))
    assert _carried(_carrying_shell()[0]) == inflated  # at the limit: carried
    monkeypatch.setattr(incident_map, "CARRIED_INCIDENTS_MAX_BYTES", len(inflated) - 1)
    page = _carrying_shell()[0]
    assert _carried(page) is None and 'blocking="render"' not in page
    assert 'id="launchmap-layout"' not in page  # painted before its data come, laid out then
    assert _app_config(page)["incidentsCarried"] is False


def test_bundles_hold_leaflet_then_the_clustering_library_then_the_page_script() -> None:
    script = app_file("page.js").decode()
    leaflet = (VENDOR_DIR / "leaflet/dist/leaflet.js").read_text()
    supercluster = (VENDOR_DIR / "supercluster/dist/supercluster.min.js").read_text()
    own = app_file("launchmap.js").decode()
    assert script.index(leaflet[:200]) < script.index(supercluster[:200]) < script.index(own[:200])
    styles = app_file("page.css").decode()
    assert ".leaflet-container" in styles and ".launchmap-panel" in styles
    assert "url(images/" not in styles and "data:image/png;base64," in styles


def test_cdn_page_loads_the_pinned_versions() -> None:
    page = _shell(MapOptions(assets=AssetMode.CDN, data_url="/data/"))
    versions = pinned_versions()
    expected = {
        f"https://unpkg.com/{file.package}@{versions[file.package]}/{file.path}"
        for file in CORE_FILES
    }
    assert expected <= set(_sources(page))
    assert not any("/assets/vendor" in source for source in _sources(page))
    fullscreen = _app_config(page)["plugins"]["fullscreen"]  # type: ignore[index]
    css, js = PLUGINS["fullscreen"]
    assert fullscreen["js"] == asset_url(js, AssetMode.CDN)
    assert fullscreen["jsIntegrity"] == integrity(js) and fullscreen["cssIntegrity"] == integrity(
        css
    )


def test_cdn_assets_are_pinned_by_their_integrity() -> None:
    page = render_map_html(_incidents(), MapOptions(assets=AssetMode.CDN))
    for file in CORE_FILES:
        digest = hashlib.sha384((VENDOR_DIR / file.package / file.path).read_bytes()).digest()
        expected = "sha384-" + base64.b64encode(digest).decode()
        url = re.escape(asset_url(file, AssetMode.CDN))
        tag = re.search(rf'<(?:script defer src|link rel="stylesheet" href)="{url}"[^>]*>', page)
        assert tag is not None, file
        assert f'integrity="{expected}"' in tag[0] and 'crossorigin="anonymous"' in tag[0]


def test_inline_page_needs_no_other_file() -> None:
    page = render_map_html(_incidents(), MapOptions(assets=AssetMode.INLINE))
    assert all(source.startswith("data:") for source in _sources(page))  # the icon
    assert 'id="launchmap-data"' in page and 'id="launchmap-reference"' in page
    assert "url(images/" not in page and "url('icon-fullscreen.svg')" not in page
    assert "data:image/png;base64," in page and "data:image/svg+xml;base64," in page


def test_pinned_packages_are_what_npm_installed_and_inline_safely() -> None:
    for package, version in pinned_versions().items():
        installed = json.loads((VENDOR_DIR / package / "package.json").read_text())
        assert installed["version"] == version, package
    for file in PAGE_FILES:
        text = inline_text(file).lower()
        assert "</script" not in text and "</style" not in text, file


def test_readme_lists_every_browser_package_with_its_version_and_licence() -> None:
    readme = README.read_text(encoding="utf-8")
    for package, version in pinned_versions().items():
        line = next((line for line in readme.splitlines() if f"`{package}`" in line), "")
        assert version in line, f"README has no line for {package} {version}"
        assert re.search(r"MIT|BSD-2-Clause|ISC|Apache-2.0", line), (
            f"README names no licence for {package}"
        )


def test_hostile_text_never_appears_raw_in_the_page() -> None:
    page = render_map_html(_incidents(), MapOptions(title="<b>Calais</b> & co"))
    assert "window.pwned" in page  # the text is there, as data …
    assert "<script>window.pwned" not in page  # … but never as markup
    assert "<img src=x" not in page
    assert "<title>&lt;b&gt;Calais&lt;/b&gt; &amp; co</title>" in page


@pytest.mark.parametrize("value", [HOSTILE, {"a": ["</script>", "\u2029", "<!--"]}, "plain"])
def test_script_json_round_trips_and_cannot_close_a_script(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "\u2028" not in text and "\u2029" not in text


def test_data_resource_carries_the_placed_incidents_in_date_order() -> None:
    incidents = _incidents()
    incidents["nearest_place"] = ["Wissant", None, None, "Gravelines"]  # as the coast gives them
    data = build_map_data(incidents, "the-key")
    header = read_header(data.incidents)
    assert (header["key"], header["count"], header["total"]) == ("the-key", 3, 4)
    columns = read_columns(data.incidents)
    assert [header["types"][int(index)] for index in columns["type"]] == [
        "launch",
        "rescue",
        "interception",
    ]
    assert list(columns["day"]) == [19844, 19876, 19914]  # 2024-05-01 is day 19,844
    assert columns["lon"][0] == 1.661 and columns["lat"][2] == 50.987
    assert columns["people"][0] == 40 and np.isnan(columns["people"][1])
    assert columns["chart_km"][0] == 68.5 and columns["chart_km"][2] == 32.5
    assert 40 < columns["chart_km"][1] < 60  # computed from the rescue's point, off Calais
    assert header["unplaced"] == {
        "type": [4],
        "day": [19845],
        "people": [None],
        "country": ["GB"],
        "review": [0],
    }
    assert header["series"] == []
    assert "example.org" not in json.dumps(header)  # details (sources …) travel in chunks
    assert "Wissant" in header["places"]  # the nearest places, by index
    assert header["places"][int(columns["place"][0])] == "Wissant"
    assert list(columns["review"]) == [0, 0, 0]


def test_data_resource_leaves_rejected_out_and_marks_candidates() -> None:
    frame = incidents_to_frame(
        [
            Incident(event_type="launch", date="2024-05-01", lon=1.66, lat=50.88),
            Incident(
                event_type="launch",
                date="2024-05-02",
                lon=1.67,
                lat=50.89,
                review_status="candidate",
            ),
            Incident(
                event_type="launch", date="2024-05-03", lon=1.68, lat=50.9, review_status="rejected"
            ),
            Incident(
                event_type="rescue", date="2024-05-04", lon=1.6, lat=50.8, review_status="accepted"
            ),
        ]
    )
    data = build_map_data(frame, "k")
    header = read_header(data.incidents)
    assert (header["count"], header["total"]) == (3, 3)
    assert list(read_columns(data.incidents)["review"]) == [0, 1, 0]
    assert data.summary(MapView()).placed == 2  # candidates are shown when asked only
    assert data.summary(MapView(candidates=True)).placed == 3
    assert len(MapView().select(frame)) == 2 and len(MapView(candidates=True).select(frame)) == 3


def daily_arrivals(people_by_day: dict[int, int], *, boats: bool) -> list[Incident]:
    """A daily country-level series of arrivals in June 2024 (as the uk-small-boats mapping
    stores them), then one lone country-level report of 44 people on 5 June."""
    measures = ["people", "boats"] if boats else ["people"]
    mark = {"series": {"name": "uk-small-boats", "period": "day", "measures": measures}}
    rows = [
        Incident(
            event_type="arrival",
            date=f"2024-06-{day:02d}",
            country="GB",
            location_precision="country",
            people=people,
            boats=people // 50 if boats else None,
            extra=mark,
        )
        for day, people in people_by_day.items()
    ]
    return [*rows, Incident(event_type="arrival", date="2024-06-05", country="GB", people=44)]


def test_data_resource_carries_country_level_series_apart() -> None:
    rows = daily_arrivals({3: 120, 1: 310, 2: 0}, boats=True)
    header = read_header(build_map_data(incidents_to_frame(rows), "k").incidents)
    (series,) = header["series"]
    assert series["name"] == "uk-small-boats" and series["country"] == "GB"
    assert series["day"] == [19875, 19876, 19877]  # by date: 1, 2 and 3 June 2024
    assert series["people"] == [310, 0, 120] and series["boats"] == [6, 0, 2]
    assert header["unplaced"]["people"] == [44]  # the lone country-level report is listed


def test_data_resource_names_places_in_each_language_the_gazetteer_has() -> None:
    launches = incidents_to_frame(
        [
            Incident(
                event_type="launch",
                date=f"2024-05-{day:02d}",
                lon=1.5866 + 0.0004 * day,
                lat=50.8705 + 0.0003 * day,
                location_role="departure",
                nearest_place=place,
            )
            for day in range(1, 6)
            for place in ("Cap Gris-Nez", "Dunkirk")
        ]
    )
    header = read_header(build_map_data(launches, "k").incidents)
    assert header["places"] == ["Cap Gris-Nez", "Dunkirk"]
    assert header["names"]["Cap Gris-Nez"]["en"] == "Cape Gris-Nez"
    assert header["names"]["Dunkirk"]["fr"] == "Dunkerque"  # GeoNames' English exonym


def test_details_chunks_follow_the_resource_order_and_carry_its_key() -> None:
    data = build_map_data(_incidents(), "the-key")
    assert data.chunk_count == 1 and DETAILS_PER_CHUNK >= 3
    chunk = json.loads(gzip.decompress(data.details(0)))
    assert chunk["key"] == "the-key" and chunk["first"] == 0
    assert [detail["event_type"] for detail in chunk["details"]] == [
        "launch",
        "rescue",
        "interception",
    ]
    assert chunk["details"][1]["description"] == HOSTILE
    assert chunk["details"][0]["sources"][0]["url"] == "https://example.org/wissant"
    with pytest.raises(IndexError, match="details chunk 1 is not one of 0 to 0"):
        data.details(1)


def test_data_resource_is_compact_and_reproducible() -> None:
    frame = incidents_to_frame(
        [
            Incident(
                event_type="launch",
                date=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                lon=1.5 + n * 1e-4,
                lat=50.8 + (n % 97) * 1e-4,
                people=n % 60,
            )
            for n in range(2_000)
        ]
    )
    first = build_map_data(frame, "k").incidents
    assert first == build_map_data(frame, "k").incidents
    assert len(first) < 2_000 * 8  # a few bytes an incident, compressed


def test_page_starts_from_the_view_filters_and_centre() -> None:
    view = parse_view(start="2024-05-01", types="launch,rescue", lat=50.9, lon=1.7, zoom=11)
    config = _app_config(_shell(view=view))
    assert config["view"] == {
        "start": "2024-05-01",
        "end": None,
        "types": ["launch", "rescue"],
        "center": [50.9, 1.7],
        "zoom": 11,
        "bbox": None,
        "layers": ["coastline", "hotspots", "incidents", "zone"],
        "base": None,
        "candidates": False,
        "step": None,
    }


def test_embed_chrome_has_no_chart_panel_or_minimap() -> None:
    full = _shell()
    embed = _shell(MapOptions(chrome=Chrome.EMBED, data_url="/data/"))
    assert 'id="launchmap-chart"' in full and 'id="launchmap-chart"' not in embed
    assert _app_config(full)["minimap"] is True and _app_config(embed)["minimap"] is False


def test_alt_text_and_static_fallback_describe_the_map() -> None:
    page = _shell(MapOptions(image_url="/map.png?types=launch", data_url="/data/"))
    assert '<meta name="description" content="Map of 3 small-boat incidents' in page
    assert "1 May 2024 to 10 July 2024" in page
    assert '<noscript><img src="/map.png?types=launch" alt="Map of 3' in page
    assert '<html lang="en">' in page


def test_page_fits_the_placed_incidents_or_keeps_the_default_view() -> None:
    assert _app_config(_shell())["bounds"] == [[50.885, 1.661], [51.0, 2.128]]
    frame = incidents_to_frame([Incident(event_type="arrival", country="GB")])
    config = _app_config(render_map_html(frame))
    assert config["bounds"] is None
    assert config["defaultCenter"] == [50.95, 1.85]  # the Strait of Dover


def test_bad_view_values_are_named() -> None:
    with pytest.raises(ValueError, match="'boat' is not one of"):
        parse_view(types="launch,boat")
    with pytest.raises(
        ValueError, match="start: expected a date like 2025-06-17, got '2024-13-01'"
    ):
        parse_view(start="2024-13-01")
    with pytest.raises(ValueError, match="start 2024-06-01 is after end 2024-05-01"):
        parse_view(start="2024-06-01", end="2024-05-01")
    with pytest.raises(ValueError, match="lat and lon go together"):
        parse_view(lat=50.0)
    with pytest.raises(ValueError, match="zoom must be between 3 and 18, got 25"):
        parse_view(zoom=25)
    with pytest.raises(ValueError, match="step: 'fortnight' is not one of week, month"):
        parse_view(step="fortnight")
    assert parse_view(step="Month", start="2024-05-01").as_query() == {
        "start": "2024-05-01",
        "step": "month",
    }


def test_view_selects_by_type_and_inclusive_dates() -> None:
    frame = _incidents()
    view = MapView(start=parse_view(start="2024-05-01").start, end=parse_view(end="2024-06-02").end)
    assert sorted(view.select(frame)["event_type"]) == ["arrival", "launch", "rescue"]
    assert list(parse_view(types="interception").select(frame)["event_type"]) == ["interception"]


# -- in Chromium ------------------------------------------------------------------------------


@pytest.fixture
def standalone_map(tmp_path: Path) -> Path:
    """A standalone file zoomed so that each placed incident draws as its own marker."""
    path = tmp_path / "map.html"
    view = MapView(center=(50.95, 1.85), zoom=11)
    page = render_map_html(_incidents(), MapOptions(assets=AssetMode.INLINE), view)
    path.write_text(page, encoding="utf-8")
    return path


def open_map(offline_page: OfflinePage, address: str) -> Page:
    """Open a map offline and wait until its script has drawn the incidents."""
    offline_page.page.goto(address)
    wait_until_drawn(offline_page.page)
    return offline_page.page


def _overlay(page: Page, name: str) -> Locator:
    """The panel's checkbox of an overlay (incidents, hotspots, heatmap, coastline, zone)."""
    return page.locator(f".launchmap-layers input[value={name}]")


@pytest.mark.browser
def test_markers_are_drawn_coloured_and_sized_offline(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    markers = page.locator("path.launchmap-incident")
    assert markers.count() == 3  # the country-level arrival is not drawn
    launch = page.locator("path.launchmap-incident-launch")
    assert launch.get_attribute("fill") == EVENT_COLORS["launch"]
    assert launch.get_attribute("fill") != page.locator(
        "path.launchmap-incident-rescue"
    ).get_attribute("fill")
    launch_size = launch.bounding_box()
    rescue_size = page.locator("path.launchmap-incident-rescue").bounding_box()
    assert launch_size and rescue_size and launch_size["width"] > rescue_size["width"]  # 40 aboard
    assert page.locator(".launchmap-count").inner_text() == "3 of 3 incidents shown"
    assert "1 incident is placed only at country level" in page.inner_text(".launchmap-panel")
    assert offline_page.errors == []
    assert offline_page.blocked and all(url.startswith(TILE_HOSTS) for url in offline_page.blocked)
    save_screenshot(page, "map-standalone")


SEEN_AT_EACH_MOMENT = """
// As the page sets each moment (launchmapInteractiveMs, then launchmapControlsMs), note what
// is on it then: the markers drawn, the panel's controls, and whether a task ran in between.
window.seen = {};
let tasks = 0;
for (const name of ["launchmapInteractiveMs", "launchmapControlsMs"]) {
    let value;
    Object.defineProperty(window, name, {
        get: () => value,
        set: (ms) => {
            value = ms;
            window.seen[name] = {
                markers: document.querySelectorAll("path.launchmap-incident").length,
                controls: document.querySelectorAll("#launchmap-controls input").length,
                tasks: tasks,
            };
            if (name === "launchmapInteractiveMs") { setTimeout(() => { tasks += 1; }, 0); }
        },
    });
}
"""


@pytest.mark.browser
def test_markers_are_drawn_in_a_task_before_the_panel_is_built(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    """A reader can use the map as soon as its markers are drawn; the browser may paint them
    (and answer a click) before the panel's controls are made, in a task of their own."""
    offline_page.page.add_init_script(SEEN_AT_EACH_MOMENT)
    page = open_map(offline_page, standalone_map.as_uri())
    seen = page.evaluate("() => window.seen")
    interactive, controls = seen["launchmapInteractiveMs"], seen["launchmapControlsMs"]
    assert interactive["markers"] == 3 and interactive["controls"] == 0
    assert controls["markers"] == 3 and controls["controls"] > 5
    assert controls["tasks"] == 1  # the panel came in a later task than the markers
    assert offline_page.errors == []


@pytest.mark.browser
def test_layers_toggle(standalone_map: Path, offline_page: OfflinePage) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    _overlay(page, "incidents").uncheck()
    assert page.locator("path.launchmap-incident").count() == 0
    _overlay(page, "incidents").check()
    assert page.locator("path.launchmap-incident").count() == 3
    assert page.locator("canvas.launchmap-density").count() == 0
    assert page.locator(".launchmap-heat-scale").is_hidden()
    _overlay(page, "heatmap").check()
    assert page.locator("canvas.launchmap-density").count() == 1
    assert "1" in page.locator(".launchmap-heat-scale").inner_text()  # its scale, from one a square
    zone_shown = "window.launchmap.map.hasLayer(window.launchmap.reference.zone)"
    assert page.evaluate(zone_shown) is True
    _overlay(page, "zone").uncheck()
    assert page.evaluate(zone_shown) is False
    with page.expect_request(lambda request: "arcgisonline" in request.url):
        page.locator(".launchmap-bases input[value=light]").check()


@pytest.mark.browser
def test_filters_change_incidents_heatmap_and_chart_together(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    _overlay(page, "heatmap").check()
    heat_points = "window.launchmap.density._shown.length"
    assert page.evaluate(heat_points) == 3
    assert page.locator("#launchmap-chart").get_attribute("data-drawn") == "3"
    page.locator(".launchmap-types input[value=rescue]").uncheck()
    assert page.locator("path.launchmap-incident").count() == 2
    assert page.locator(".launchmap-count").inner_text() == "2 of 3 incidents shown"
    assert page.evaluate(heat_points) == 2
    page.locator(".launchmap-date-start").fill("2024-06-01")
    page.locator(".launchmap-date-start").dispatch_event("change")
    assert page.locator("path.launchmap-incident").count() == 1  # the July interception
    assert page.locator("path.launchmap-incident-interception").count() == 1
    assert page.evaluate(heat_points) == 1
    assert page.locator("#launchmap-chart").get_attribute("data-drawn") == "1"
    assert "0 / 1" in page.locator(".launchmap-type", has_text="Launch").inner_text()


@pytest.mark.browser
def test_view_in_the_query_starts_filtered(tmp_path: Path, offline_page: OfflinePage) -> None:
    path = tmp_path / "filtered.html"
    view = parse_view(types="launch", lat=50.95, lon=1.85, zoom=11)
    path.write_text(render_map_html(_incidents(), MapOptions(assets=AssetMode.INLINE), view))
    page = open_map(offline_page, path.as_uri())
    assert page.locator("path.launchmap-incident").count() == 1
    assert not page.locator(".launchmap-types input[value=rescue]").is_checked()
    assert page.evaluate("window.launchmap.map.getZoom()") == 11


@pytest.mark.browser
def test_hostile_popup_shows_text_and_runs_nothing(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    page.locator("path.launchmap-incident-rescue").dispatch_event("click")
    popup = page.locator(".launchmap-popup")
    popup.wait_for(timeout=5_000)
    assert popup.locator("p").evaluate("node => node.textContent") == HOSTILE
    assert popup.locator(".launchmap-quote").evaluate("node => node.textContent") == HOSTILE
    assert popup.locator("strong").evaluate("node => node.textContent") == f"Rescue — {HOSTILE}"
    link = popup.locator("a")
    assert link.get_attribute("href") == HOSTILE_URL
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    assert popup.locator("script, img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert offline_page.dialogs == [] and offline_page.errors == []
    save_screenshot(page, "map-hostile-popup")


@pytest.mark.browser
def test_popup_shows_every_field_a_reader_needs(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    page.locator("path.launchmap-incident-launch").dispatch_event("click")
    text = page.locator(".launchmap-popup").inner_text()
    for expected in ("1 May 2024", "Wissant", "People", "40", "Boats", "68.5 km", "Example"):
        assert expected in text, expected


@pytest.mark.browser
@pytest.mark.parametrize(
    ("zoom", "lang", "width", "third_of_may"),
    [
        (16, "en", 1200, "3 May 2024"),
        # beyond the clusters' zooms the incidents at one point are still one marker
        (18, "en", 1200, "3 May 2024"),
        (18, "fr", 390, "3 mai 2024"),
    ],
)
def test_incidents_at_one_spot_cluster_and_list_on_click(
    tmp_path: Path,
    offline_page: OfflinePage,
    zoom: int,
    lang: str,
    width: int,
    third_of_may: str,
) -> None:
    same_beach = [
        Incident(event_type="launch", date=f"2024-05-{day:02d}", lon=1.661, lat=50.885)
        for day in (3, 1, 2, *range(4, 24))  # 23, not in date order
    ]
    path = tmp_path / "stack.html"
    page_html = render_map_html(
        incidents_to_frame(same_beach),
        MapOptions(assets=AssetMode.INLINE, lang=lang),
        MapView(zoom=zoom),
    )
    path.write_text(
        page_html.replace('"defaultCenter":[50.95,1.85]', '"defaultCenter":[50.885,1.661]')
    )
    offline_page.page.set_viewport_size({"width": width, "height": 844})
    page = open_map(offline_page, path.as_uri())
    assert drawn_incidents(page) == 23
    assert page.locator(".launchmap-cluster").count() == 1
    assert page.locator("path.launchmap-incident").count() == 0
    page.locator(".launchmap-cluster").first.click()
    listing = page.locator(".launchmap-list")
    listing.wait_for(timeout=5_000)

    def days() -> list[int]:
        texts = listing.locator("li button").all_inner_texts()
        return [int(text.split(", ")[1].split()[0]) for text in texts]

    assert days() == list(range(23, 13, -1))  # newest first, ten a page
    listing.locator(".launchmap-next").click()
    listing.locator(".launchmap-next").click()
    assert days() == [3, 2, 1]
    assert listing.locator(".launchmap-next").is_disabled()
    list_box = listing.bounding_box()
    map_box = page.locator(".launchmap-map").bounding_box()
    assert list_box and map_box and list_box["height"] < map_box["height"]
    listing.locator("li button", has_text=third_of_may).click()
    page.wait_for_function(
        "day => [...document.querySelectorAll('.launchmap-popup')]"
        ".some(n => n.innerText.includes(day))",
        arg=third_of_may,
    )


SEARCHED = [  # as typed, the place meant, where it is (lat, lon)
    ("Dunkerque", "Dunkirk", (51.034, 2.377)),
    ("Gris-Nez", "Cape Gris-Nez", (50.871, 1.584)),  # the English page's name for it
    ("cap gris nez", "Cape Gris-Nez", (50.871, 1.584)),
    ("Gravlines", "Gravelines", (50.987, 2.128)),
    ("boulogne-sur-mer", "Boulogne-sur-Mer", (50.725, 1.614)),
    ("Duinkerke", "Dunkirk", (51.034, 2.377)),
    ("ÉQUIHEN PLAGE", "Équihen-Plage", (50.68, 1.57)),
]


def search_for(page: Page, text: str) -> None:
    search = page.locator(".launchmap-search input")
    search.fill(text)
    search.press("Enter")


def wait_for_centre(page: Page, lat: float, lon: float) -> None:
    page.wait_for_function(
        "([lat, lon]) => { const c = window.launchmap.map.getCenter();"
        " return Math.abs(c.lat - lat) < 0.02 && Math.abs(c.lng - lon) < 0.02; }",
        arg=[lat, lon],
        timeout=5_000,
    )


@pytest.mark.browser
def test_search_moves_the_map_to_a_place_named_as_the_geocoder_names_it(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    for typed, meant, (lat, lon) in SEARCHED:
        search_for(page, typed)
        wait_for_centre(page, lat, lon)
        assert page.locator(".launchmap-search-status").inner_text() == meant, typed
    search_for(page, "<img src=x onerror=window.pwned=5>")
    assert "No place called" in page.locator(".launchmap-search-status").inner_text()
    assert page.evaluate("window.pwned") is None


@pytest.mark.browser
def test_chart_panel_sits_beside_the_map(standalone_map: Path, offline_page: OfflinePage) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    chart = page.locator(".launchmap-panel").bounding_box()
    map_box = page.locator(".launchmap-map").bounding_box()
    assert chart and map_box and chart["x"] >= map_box["x"] + map_box["width"] - 1
    painted = page.evaluate(
        """() => { const c = document.getElementById('launchmap-chart');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let coloured = 0;
            for (let i = 0; i < d.length; i += 4) { if (d[i] > 200 && d[i + 1] < 60) coloured++; }
            return coloured; }"""
    )
    assert painted > 0  # the red launch dot is on the chart


def _launches_near_gravelines() -> gpd.GeoDataFrame:
    """Eight departures a few hundred metres apart by Gravelines: one launch hotspot."""
    rows = [
        Incident(
            event_type="launch",
            date=f"2024-05-{day:02d}",
            place_name="Gravelines",
            lon=2.10 + 0.002 * day,
            lat=51.0 + 0.001 * day,
            location_role="departure",
            people=30,
        )
        for day in range(1, 9)
    ]
    return with_coast_relations(incidents_to_frame(rows))


@pytest.mark.browser
def test_hotspots_are_drawn_with_labels_and_toggle(
    tmp_path: Path, offline_page: OfflinePage
) -> None:
    path = tmp_path / "hotspots.html"
    page_html = render_map_html(_launches_near_gravelines(), MapOptions(assets=AssetMode.INLINE))
    path.write_text(page_html, encoding="utf-8")
    page = open_map(offline_page, path.as_uri())
    hulls = page.locator("path.launchmap-hotspot")
    assert hulls.count() == 1
    label = page.locator(".launchmap-hotspot-placed").inner_text()  # clear of the markers
    assert label.endswith(" · 8") and "Fort-Philippe" in label  # the nearest places, the count
    assert "launch hotspot" in page.locator(".launchmap-hotspot-note").inner_text()  # explained
    _overlay(page, "hotspots").uncheck()
    assert hulls.count() == 0
    page.locator(".launchmap-hotspot-label").wait_for(state="detached")  # after a fade
    save_screenshot(page, "map-hotspots")


def _wait_for_hotspot_label(page: Page, ending: str) -> None:
    """Wait until a hotspot's label (placed, or on focus as Tab gives it) ends with ``ending``."""
    page.locator("path.launchmap-hotspot").focus()
    page.wait_for_function(
        "(ending) => [...document.querySelectorAll('.launchmap-hotspot-label')]"
        ".some(node => node.textContent.endsWith(ending))",
        arg=ending,
    )


def _set_date(page: Page, which: str, value: str) -> None:
    field = page.locator(f".launchmap-date-{which}")
    field.fill(value)
    field.dispatch_event("change")


@pytest.mark.browser
def test_hotspots_follow_the_filters(tmp_path: Path, offline_page: OfflinePage) -> None:
    path = tmp_path / "hotspots.html"
    page_html = render_map_html(_launches_near_gravelines(), MapOptions(assets=AssetMode.INLINE))
    path.write_text(page_html, encoding="utf-8")
    page = open_map(offline_page, path.as_uri())
    _wait_for_hotspot_label(page, " · 8")
    _set_date(page, "end", "2024-05-05")  # five of the eight departures
    _wait_for_hotspot_label(page, " · 5")
    _set_date(page, "end", "2024-05-02")  # two departures make no hotspot
    assert page.locator("path.launchmap-hotspot").count() == 0
    _set_date(page, "end", "")
    page.locator(".launchmap-types input[value=launch]").uncheck()
    assert page.locator("path.launchmap-hotspot").count() == 0
    assert offline_page.errors == []


@pytest.mark.browser
def test_an_english_point_without_a_country_is_not_charted_on_the_french_coast(
    tmp_path: Path, offline_page: OfflinePage
) -> None:
    rows = [
        Incident(event_type="launch", date="2024-05-01", lon=1.661, lat=50.885),  # Wissant
        Incident(event_type="arrival", date="2024-05-01", lon=1.3134, lat=51.1242),  # Dover
    ]
    incidents = with_coast_relations(incidents_to_frame(rows))
    path = tmp_path / "dover.html"
    path.write_text(render_map_html(incidents, MapOptions(assets=AssetMode.INLINE)), "utf-8")
    page = open_map(offline_page, path.as_uri())
    assert drawn_incidents(page) == 2  # both on the map …
    assert page.locator("#launchmap-chart").get_attribute("data-drawn") == "1"  # … one charted


@pytest.mark.browser
def test_every_tile_source_shown_is_credited(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    credits = page.locator(".leaflet-control-attribution")
    page.locator(".leaflet-control-minimap").wait_for()  # it draws the grey tiles …
    assert "Esri" in credits.inner_text()  # … so Esri is credited on the OpenStreetMap base map
    page.locator(".launchmap-bases input[value=light]").check()
    assert "OpenStreetMap" in credits.inner_text()  # the places' and curated layers' data
    assert "Esri" in credits.inner_text()


@pytest.mark.browser
def test_the_time_slider_plays_the_months_through_markers_density_and_chart(
    tmp_path: Path, offline_page: OfflinePage
) -> None:
    path = tmp_path / "months.html"
    view = parse_view(start="2024-06-01", step="month", lat=50.95, lon=1.85, zoom=11)
    path.write_text(render_map_html(_incidents(), MapOptions(assets=AssetMode.INLINE), view))
    page = open_map(offline_page, path.as_uri())
    _overlay(page, "heatmap").check()
    shown = (
        "() => [document.querySelectorAll('path.launchmap-incident').length,"
        " window.launchmap.density._shown.length,"
        " document.getElementById('launchmap-chart').dataset.drawn]"
    )
    assert page.locator(".launchmap-step").input_value() == "month"  # from the address
    assert page.locator("path.launchmap-incident-rescue").count() == 1  # June: the rescue only
    assert page.evaluate(shown) == [1, 1, "1"]
    period = page.locator(".launchmap-period").inner_text()
    page.locator(".launchmap-slider").fill("0")  # May: the launch
    page.locator(".launchmap-period").filter(has_not_text=period).wait_for()
    assert page.locator("path.launchmap-incident-launch").count() == 1
    assert page.evaluate(shown) == [1, 1, "1"]
    page.locator(".launchmap-play").click()  # on to June, then July, and it stops
    page.locator("path.launchmap-incident-interception").wait_for()
    page.locator(".launchmap-play[aria-pressed=false]").wait_for()
    assert page.evaluate(shown) == [1, 1, "1"]
    assert "2024-07" in page.locator(".launchmap-date-start").input_value()
    assert offline_page.errors == []


@pytest.mark.browser
def test_keyboard_opens_a_marker_and_the_popup_is_announced(
    standalone_map: Path, offline_page: OfflinePage
) -> None:
    page = open_map(offline_page, standalone_map.as_uri())
    viewport = page.locator("meta[name=viewport]").get_attribute("content") or ""
    assert "user-scalable" not in viewport and "maximum-scale" not in viewport
    assert page.locator("link[rel=icon]").get_attribute("href", timeout=1_000)
    focusable = page.evaluate(
        "() => [...document.querySelectorAll('path.launchmap-incident')]"
        ".every(node => node.tabIndex === 0 && node.getAttribute('aria-label'))"
    )
    assert focusable  # Tab reaches every marker, each named
    marker = page.locator("path.launchmap-incident-launch")
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".launchmap-popup").wait_for()
    page.wait_for_function(
        "() => document.getElementById('launchmap-announce').textContent.includes('Launch')"
    )
    page.locator(".leaflet-popup-close-button").click()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.classList"
        ".contains('launchmap-incident-launch')"
    )  # the focus goes back to the marker


@pytest.mark.browser
def test_country_level_incidents_are_listed_and_their_daily_series_charted(
    tmp_path: Path, offline_page: OfflinePage
) -> None:
    rows = daily_arrivals({1: 310, 2: 0, 3: 120}, boats=False)
    rows.append(
        Incident(
            event_type="launch", date="2024-06-02", lon=1.661, lat=50.885, people=40, coast_km=68.5
        )
    )
    path = tmp_path / "countries.html"
    path.write_text(render_map_html(incidents_to_frame(rows), MapOptions(assets=AssetMode.INLINE)))
    offline_page.page.add_init_script(  # what the chart writes on its canvas
        "window.drawnTexts = []; const fill = CanvasRenderingContext2D.prototype.fillText;"
        "CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {"
        " window.drawnTexts.push(String(text)); return fill.call(this, text, ...rest); };"
    )
    page = open_map(offline_page, path.as_uri())
    drawn = page.evaluate("window.drawnTexts")
    for axis in ("Date", "km along the French coast", "2024", "Wissant 68"):
        assert any(text.startswith(axis) for text in drawn), (axis, drawn)
    assert any(text.startswith("Country-level figures") for text in drawn)
    listed = page.locator(".launchmap-country-items li").all_inner_texts()
    assert len(listed) == 1 and "United Kingdom" in listed[0] and "44" in listed[0]
    totals = page.locator(".launchmap-series-totals").inner_text()
    assert "uk-small-boats" in totals and "430" in totals  # three days: 310 + 0 + 120
    assert page.evaluate("window.launchmap.chart.bars.length") >= 2  # the days with arrivals
    x, y = page.evaluate("window.launchmap.chart.points[0].slice(0, 2)")
    page.locator("#launchmap-chart").scroll_into_view_if_needed()
    canvas = page.locator("#launchmap-chart").bounding_box()
    assert canvas is not None
    page.mouse.move(canvas["x"] + x, canvas["y"] + y)
    tip = page.locator(".launchmap-chart-tip")
    assert "Launch" in tip.inner_text() and "68.5" in tip.inner_text()  # names the incident
    _set_date(page, "end", "2024-06-01")
    assert "310" in page.locator(".launchmap-series-totals").inner_text()
    assert page.locator(".launchmap-country-items li").count() == 0


@pytest.mark.browser
def test_hotspot_labels_never_overlap_each_other_or_markers(
    tmp_path: Path, offline_page: OfflinePage
) -> None:
    rows = [
        Incident(
            event_type="launch",
            date=f"2024-05-{day:02d}",
            lon=lon + 0.002 * day,
            lat=51.0 + 0.001 * day,
            location_role="departure",
        )
        for lon in (2.02, 2.10)  # two beaches 5 km apart
        for day in range(1, 9)
    ]
    path = tmp_path / "two.html"
    incidents = with_coast_relations(incidents_to_frame(rows))
    path.write_text(render_map_html(incidents, MapOptions(assets=AssetMode.INLINE)), "utf-8")
    page = open_map(offline_page, path.as_uri())
    assert page.locator("path.launchmap-hotspot").count() == 2
    boxes = """() => ({
        labels: [...document.querySelectorAll('.launchmap-hotspot-placed')]
            .map(node => node.getBoundingClientRect().toJSON()),
        markers: [...document.querySelectorAll('.launchmap-cluster, path.launchmap-incident')]
            .map(node => node.getBoundingClientRect().toJSON())})"""

    def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
        return (
            a["left"] < b["right"]
            and b["left"] < a["right"]
            and a["top"] < b["bottom"]
            and b["top"] < a["bottom"]
        )

    placed_at = []
    for zoom in (9, 11, 13, 15):
        page.evaluate(f"() => {{ window.launchmap.map.setZoom({zoom}, {{animate: false}}); }}")
        page.wait_for_function(f"() => window.launchmap.map.getZoom() === {zoom}")
        found = page.evaluate(boxes)
        labels = found["labels"]
        for at, label in enumerate(labels):
            assert not any(overlap(label, other) for other in labels[at + 1 :]), zoom
            assert not any(overlap(label, marker) for marker in found["markers"]), zoom
        placed_at.append(len(labels))
    assert max(placed_at) >= 1 and min(placed_at) < 2  # labels shown where there is room


@pytest.mark.browser
def test_candidates_from_text_show_only_when_the_reader_ticks_their_box(
    tmp_path: Path, offline_page: OfflinePage
) -> None:
    rows = [
        Incident(event_type="launch", date="2024-05-01", lon=1.60, lat=50.75),  # imported
        Incident(
            event_type="launch", date="2024-05-02", lon=1.70, lat=50.90, review_status="accepted"
        ),
        Incident(
            event_type="launch", date="2024-05-03", lon=1.65, lat=50.82, review_status="candidate"
        ),
        Incident(
            event_type="launch", date="2024-05-04", lon=1.62, lat=50.86, review_status="rejected"
        ),
    ]
    path = tmp_path / "review.html"
    path.write_text(render_map_html(incidents_to_frame(rows), MapOptions(assets=AssetMode.INLINE)))
    page = open_map(offline_page, path.as_uri())
    assert drawn_incidents(page) == 2  # accepted and imported; the candidate waits for review
    open_panel(page)
    box = page.locator(".launchmap-candidates input")
    assert not box.is_checked() and "1" in page.locator(".launchmap-candidates").inner_text()
    box.check()
    page.wait_for_function(f"() => ({DRAWN_JS}) === 3")
    box.uncheck()
    page.wait_for_function(f"() => ({DRAWN_JS}) === 2")  # a rejected incident never shows
    assert offline_page.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_counts_and_dates_are_written_as_the_language_writes_them(
    tmp_path: Path, offline_page: OfflinePage, lang: str
) -> None:
    """The page writes numbers and dates from CLDR, as the server's images do (not with Intl)."""
    frame = _incidents()
    wissant = frame[frame["event_type"] == "launch"]
    crowd = pd.concat([wissant] * 1_200, ignore_index=True)
    crowd["id"] = [f"crowd-{index}" for index in range(len(crowd))]
    crowd["date"] = [
        f"2023-{1 + index % 12:02d}-{1 + index % 28:02d}" for index in range(len(crowd))
    ]
    path = tmp_path / "map.html"
    options = MapOptions(assets=AssetMode.INLINE, lang=lang)
    whole = pd.concat([frame, crowd], ignore_index=True)
    path.write_text(render_map_html(whole, options, MapView(center=(50.95, 1.85), zoom=11)))
    page = open_map(offline_page, path.as_uri())
    locale = message("embed.locale", lang)
    placed = format_number(len(whole) - 1, lang)  # the arrival is placed at country level only
    assert placed in page.locator(".launchmap-count").inner_text()  # 1,203 / 1 203
    assert page.locator(".launchmap-cluster").first.inner_text() == format_number(1_201, lang)
    names = [
        marker.get_attribute("aria-label") or ""
        for marker in page.locator("path.launchmap-incident").all()
    ]
    for day in (dt.date(2024, 6, 2), dt.date(2024, 7, 10)):  # the rescue and the interception
        assert any(format_date(day, "medium", locale=locale) in name for name in names), names
    page.evaluate("window.launchmap.setStep('month')")
    period = page.locator(".launchmap-period").inner_text()
    assert period == format_date(dt.date(2023, 1, 1), "MMMM y", locale=locale)
    assert offline_page.errors == []
