"""`launchmap publish`: a static folder that a plain file server serves and Chromium draws."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from geo.store import IncidentQuery, open_store
from maps import incident_map
from maps.data_resource import INCIDENTS_FILE, read_header
from maps.publish import PublishOptions, publish
from tests._map_page import drawn_incidents, wait_for_offline_base, wait_until_drawn
from tests._static_site import served_folder
from tests.conftest import launchmap_command, save_screenshot

BASE_URL = "https://news.example/maps/"
PNG = b"\x89PNG\r\n\x1a\n"


def _publish(folder: Path, store: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [*launchmap_command(), "publish", str(folder), "--data-dir", str(store), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A folder published from the seeded sample store; with its placed and launch counts."""
    root = tmp_path_factory.mktemp("publish")
    store = root / "store"
    opened = open_store(store)
    try:
        incidents = opened.query(IncidentQuery()).incidents
    finally:
        opened.close()
    placed = int((~incidents.geometry.isna() & ~incidents.geometry.is_empty).sum())
    done = _publish(root / "site", store, "--base-url", BASE_URL)
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and "snippet.html" in done.stdout
    return root / "site", placed, len(incidents)


@pytest.fixture(scope="module")
def static_site(published: tuple[Path, int, int]) -> Iterator[str]:
    """The published folder served by Python's plain static file server."""
    with served_folder(published[0]) as address:
        yield address


def test_the_folder_holds_pages_data_assets_images_and_the_snippet(
    published: tuple[Path, int, int],
) -> None:
    site, placed, total = published
    for name in ("index.html", "embed.html", "snippet.html", "data/incidents.bin.gz"):
        assert (site / name).is_file(), name
    for image in ("map.png", "chart.png", "card.png"):
        assert (site / image).read_bytes().startswith(PNG), image
    assert (site / "assets/vendor/leaflet/dist/leaflet.js").is_file()
    assert (site / "assets/vendor/leaflet/dist/images/layers.png").is_file()
    assert (site / "assets/launchmap/reference.json.gz").is_file()
    header = read_header((site / "data/incidents.bin.gz").read_bytes())
    assert (header["count"], header["total"]) == (placed, total)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/launchmap/page.js?v=' in page and "/assets/" not in page  # Leaflet inside
    snippet = (site / "snippet.html").read_text(encoding="utf-8")
    assert f'<iframe src="{BASE_URL}embed.html"' in snippet
    assert f'href="{BASE_URL}map.png"' in snippet


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["index.html", "embed.html"])
def test_published_pages_work_from_a_static_server_and_ask_nothing_outside_the_folder(
    browser: Browser, published: tuple[Path, int, int], static_site: str, page_name: str
) -> None:
    placed = published[1]
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def route(route: object, request: object) -> None:
        url: str = request.url  # type: ignore[attr-defined]
        if url.startswith(static_site + "/"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{static_site}/{page_name}?lat=50.95&lon=1.85&zoom=9")
        wait_until_drawn(page)
        assert drawn_incidents(page) == placed
        wait_for_offline_base(page)
        assert page.locator(".launchmap-offline-label").count() > 0  # towns named
        save_screenshot(page, f"published-{page_name.removesuffix('.html')}-offline")
        page.evaluate(  # close in on the first incident, so it is drawn as a marker of its own
            "(() => { const app = window.launchmap;"
            " app.map.setView([app.data.lat[0], app.data.lon[0]], 18, {animate: false}); })()"
        )
        page.locator("path.launchmap-incident").first.dispatch_event("click")
        page.wait_for_function("() => document.querySelector('.launchmap-popup dl') !== null")
        popup = page.locator(".launchmap-popup").inner_text()
        assert "Date" in popup and "Type" in popup
        assert errors == []
        assert outside == []  # not even tiles: the offline base map
        save_screenshot(page, f"published-{page_name.removesuffix('.html')}")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["index.html", "embed.html"])
def test_a_small_store_s_pages_carry_their_incidents_and_draw_them_as_their_script_runs(
    browser: Browser, published: tuple[Path, int, int], static_site: str, page_name: str
) -> None:
    """No request for the data file: the markers are drawn as the page script runs, before the
    document has finished loading, so the first paint already shows them (on a phone here)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    try:
        page.goto(f"{static_site}/{page_name}")
        wait_until_drawn(page)
        assert drawn_incidents(page) == published[1]
        assert f"{static_site}/assets/launchmap/page.js" in " ".join(asked)  # requests are seen
        assert not [url for url in asked if INCIDENTS_FILE in url]
        drawn_at, loaded_at = page.evaluate(
            "() => [window.launchmapInteractiveMs,"
            " performance.getEntriesByType('navigation')[0].domContentLoadedEventStart]"
        )
        assert 0 < drawn_at <= loaded_at
    finally:
        context.close()


def test_a_page_whose_data_cannot_be_loaded_says_so_where_the_map_would_be(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map is made with its incidents: without them the reader is told why, in its place.

    The pages of a store too large to carry its incidents load them from the data file,
    which is deleted here."""
    monkeypatch.setattr(incident_map, "CARRIED_INCIDENTS_MAX_BYTES", 0)
    opened = open_store(tmp_path / "store")
    try:
        incidents = opened.query(IncidentQuery()).incidents
    finally:
        opened.close()
    site = tmp_path / "site"
    publish(incidents, site, PublishOptions())
    (site / "data" / INCIDENTS_FILE).unlink()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        with served_folder(site) as address:
            page.route(
                "**/*",
                lambda route, request: (
                    route.continue_() if request.url.startswith(address) else route.abort()
                ),
            )
            page.goto(f"{address}/index.html")
            note = page.locator("#launchmap-map .launchmap-failed")
            note.wait_for()
            assert note.inner_text().startswith("The incidents could not be loaded: 404")
            assert note.is_visible()
    finally:
        context.close()


def test_publish_refuses_a_language_without_a_catalogue_and_writes_nothing(
    tmp_path: Path,
) -> None:
    done = _publish(tmp_path / "site", tmp_path / "store", "--lang", "de")
    assert done.returncode == 1
    assert "lang: 'de' is not one of en, fr" in done.stderr
    assert not (tmp_path / "site").exists()


def test_publish_keeps_only_the_incidents_the_filters_select(tmp_path: Path) -> None:
    done = _publish(tmp_path / "site", tmp_path / "store", "--types", "arrival", "--json")
    assert done.returncode == 0, done.stderr
    header = read_header((tmp_path / "site/data/incidents.bin.gz").read_bytes())
    kinds = {header["types"][kind] for kind in header["unplaced"]["type"]}
    assert kinds <= {"arrival"} and header["total"] >= 1
    bad = _publish(tmp_path / "other", tmp_path / "store", "--start", "2025-13-01")
    assert bad.returncode == 1 and "got '2025-13-01'" in bad.stderr
