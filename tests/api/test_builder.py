"""The embed builder in Chromium: every choice lands in the embed's address, preview and snippet.

One server, one article site on another origin and one browser page serve the
whole module; no request leaves 127.0.0.1 (tiles fail, so maps draw the
offline base map).
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageChops, ImageStat
from playwright.sync_api import Browser, Frame, Locator, Page

from maps.messages import message
from maps.static import SOCIAL_CARD_PX
from tests._map_page import drawn_incidents, wait_for_offline_base, wait_until_drawn
from tests._static_site import served_folder
from tests.conftest import (
    ARTIFACTS,
    LiveServer,
    OfflinePage,
    geopackage_only,
    keep_local,
    save_screenshot,
    serve_launchmap,
)

pytestmark = pytest.mark.browser

HOSTILE_TITLE = '<img src=x onerror="window.pwned=1"> Crossings & rescues'
SETTLE_SHOTS = 20
"""How many screenshots a comparison takes at most while waiting for the map to settle."""
MAX_MEAN_DIFFERENCE = 2.0
"""The most the embedded map may differ from the preview, in mean levels (0-255) per channel,
once aligned: a frame at a fractional position is captured a pixel off."""

SAME_QUERY = """(one, other) => {
    const a = new URLSearchParams(one), b = new URLSearchParams(other);
    a.sort(); b.sort();
    return a.toString() === b.toString();
}"""
SETTLED = f"""names => {{
    const same = {SAME_QUERY};
    const shown = document.body.dataset.snippetFor;
    if (shown === undefined || !same(shown, location.search.slice(1))) {{ return false; }}
    const query = new URLSearchParams(shown);
    return names.every(name => query.has(name));
}}"""
PREVIEW_READY = f"""() => {{
    const same = {SAME_QUERY};
    const frame = document.getElementById("builder-frame").contentWindow;
    const root = frame.document.documentElement; // none while the frame moves to a new address
    return root !== null && root.dataset.launchmapReady === "1"
        && same(frame.location.search.slice(1), document.body.dataset.snippetFor)
        && Boolean(frame.launchmap);
}}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A launchmap server on the bundled sample incidents."""
    with serve_launchmap(tmp_path_factory.mktemp("builder")) as live:
        yield live


@pytest.fixture(scope="module")
def article_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Another origin (127.0.0.1, another port) serving the files of a folder."""
    folder = tmp_path_factory.mktemp("article")
    with served_folder(folder) as address:
        yield address, folder


@pytest.fixture(scope="module")
def browser_page(browser: Browser) -> Iterator[OfflinePage]:
    """One page for the module at 1280x800, the clipboard allowed, requests kept on 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    offline = OfflinePage(context.new_page())
    keep_local(context, offline.blocked)
    offline.page.on("pageerror", lambda error: offline.errors.append(str(error)))
    yield offline
    context.close()


def _settled(page: Page, *names: str) -> dict[str, str]:
    """Wait until the address, snippet and links show the form (with ``names`` set); its query."""
    page.wait_for_function(SETTLED, arg=list(names))
    return dict(parse_qsl(page.evaluate("document.body.dataset.snippetFor")))


def _preview(page: Page) -> Frame:
    """Wait until the preview shows the view of the address, drawn; its frame."""
    page.wait_for_function(PREVIEW_READY)
    frame = page.locator("#builder-frame").element_handle().content_frame()
    assert frame is not None
    return frame


def _preview_bounds(frame: Frame) -> list[float]:
    """West, south, east, north of the preview's map."""
    bounds: list[float] = frame.evaluate(
        """() => { const b = window.launchmap.map.getBounds();
                   return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"""
    )
    return bounds


def _settled_screenshot(target: Locator) -> Image.Image:
    """Screenshot ``target`` once two shots in a row are the same: drawing has ended.

    Leaflet draws markers, clusters and the offline base over a few frames after
    the page says it is ready, later still on a busy machine; a shot taken
    mid-way differs from one taken later for no fault of the page.
    """
    last = target.screenshot(animations="disabled")
    for _ in range(SETTLE_SHOTS):
        shot = target.screenshot(animations="disabled")
        if shot == last:
            break
        last = shot
    return Image.open(io.BytesIO(last)).convert("RGB")


def _least_difference(one: Image.Image, other: Image.Image, shift_px: int = 1) -> float:
    """The mean difference of two images of one size (worst channel), at their best alignment.

    The images are compared over what they share when one is moved by up to
    ``shift_px`` pixels each way.
    """
    width, height = one.size
    found = []
    for dx in range(-shift_px, shift_px + 1):
        for dy in range(-shift_px, shift_px + 1):
            box = (max(dx, 0), max(dy, 0), width + min(dx, 0), height + min(dy, 0))
            moved = (box[0] - dx, box[1] - dy, box[2] - dx, box[3] - dy)
            pair = ImageChops.difference(one.crop(box), other.crop(moved))
            found.append(max(ImageStat.Stat(pair).mean))
    return min(found)


def _open(page: Page, server: LiveServer, query: str) -> None:
    page.goto(f"{server.url}/embed/builder?{query}")
    _settled(page)


def test_every_choice_lands_in_the_address_the_preview_the_snippet_and_the_links(
    server: LiveServer, browser_page: OfflinePage
) -> None:
    page = browser_page.page
    _open(page, server, "lang=en")
    page.fill("#builder-title", HOSTILE_TITLE)
    page.fill("#builder-subtitle", "Departures and rescues seen from the shore")
    page.fill("#builder-source", "Source: a count kept for this test")
    page.fill("#builder-byline", "Map: the test desk")
    page.fill("#builder-start", "2021-01-01")
    page.fill("#builder-end", "2025-12-31")
    for kind in ("arrival", "debris"):
        page.uncheck(f"input[name=types][value={kind}]")
    page.check("input[name=layers][value=heatmap]")
    page.uncheck("input[name=layers][value=hotspots]")
    page.select_option("#builder-base", "offline")
    page.select_option("#builder-lang", "fr")
    _settled(page, "title", "subtitle", "source", "byline", "start", "end", "types", "lang")
    _preview(page)
    page.click("#builder-use-view")  # the area: what the preview shows
    query = _settled(page, "bbox", "title", "layers", "base")
    assert query["title"] == HOSTILE_TITLE and query["byline"] == "Map: the test desk"
    assert (query["start"], query["end"], query["lang"], query["base"]) == (
        "2021-01-01",
        "2025-12-31",
        "fr",
        "offline",
    )
    assert set(query["types"].split(",")) == {
        "launch",
        "embarkation",
        "interception",
        "rescue",
        "death",
        "sighting",
        "other",
    }
    assert query["layers"] == "coastline,heatmap,incidents,zone"
    west, south, east, north = (float(value) for value in query["bbox"].split(","))
    assert west < 1.9 < east and south < 51.0 < north
    shown = page.evaluate("document.body.dataset.snippetFor")
    preview = _preview(page)
    assert preview.evaluate("document.documentElement.lang") == "fr"
    caption = preview.locator(".launchmap-caption-title")
    assert caption.evaluate("node => node.textContent") == HOSTILE_TITLE
    assert caption.locator("img").count() == 0
    assert preview.locator(".launchmap-caption-byline").inner_text() == "Map: the test desk"
    assert drawn_incidents(preview) > 0
    wait_for_offline_base(preview)
    embed_url = f"{server.url}/embed?{shown}"
    assert page.locator("#builder-embed-url").inner_text() == embed_url
    snippet = page.locator("#builder-snippet").input_value()
    assert f'src="{html.escape(embed_url)}"' in snippet
    assert "&lt;img" in snippet and "<img" not in snippet
    assert message("snippet.full_map", "fr") in snippet
    assert page.locator("#builder-image").get_attribute("href") == f"/map.png?{shown}"
    card = page.locator("#builder-card").get_attribute("href")
    assert card == f"/map.png?{shown}&card=true"
    answer = httpx.get(server.url + card, timeout=60)
    assert answer.status_code == 200
    assert Image.open(io.BytesIO(answer.content)).size == SOCIAL_CARD_PX
    page.click("#builder-copy")
    status = page.locator("#builder-status")
    status.filter(has_text=message("builder.copied", "en")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == snippet
    assert page.evaluate("window.pwned") is None and preview.evaluate("window.pwned") is None
    save_screenshot(page, "builder-1280x800-en")
    page.reload()  # the builder's own address reproduces the form
    assert _settled(page) == query
    assert page.locator("#builder-title").input_value() == HOSTILE_TITLE
    assert browser_page.errors == []


def test_an_area_drawn_on_the_preview_frames_the_embed(
    server: LiveServer, browser_page: OfflinePage
) -> None:
    page = browser_page.page
    _open(page, server, "lang=fr&types=launch,embarkation")
    assert page.locator("h1").inner_text() == message("builder.title", "fr")
    whole = _preview_bounds(_preview(page))
    page.click("#builder-draw")
    assert page.locator("#builder-draw").get_attribute("aria-pressed") == "true"
    box = page.locator("#builder-preview").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.7, steps=5)
    page.mouse.up()
    west, south, east, north = (float(value) for value in _settled(page, "bbox")["bbox"].split(","))
    assert whole[0] < west < east < whole[2] and whole[1] < south < north < whole[3]
    assert (east - west) / (whole[2] - whole[0]) == pytest.approx(0.4, abs=0.05)
    framed = _preview_bounds(_preview(page))  # the embed fits the box: it shows all of it
    slack = 1e-4  # the address rounds to five decimals
    assert framed[0] - slack <= west and east <= framed[2] + slack
    assert framed[1] - slack <= south and north <= framed[3] + slack
    page.fill("#builder-end", "2025-01-01")
    page.fill("#builder-start", "2025-06-01")
    refusal = message("builder.error.dates", "fr", start="2025-06-01", end="2025-01-01")
    page.locator("#builder-status.builder-error").filter(has_text=refusal).wait_for()
    assert "2025-06-01" not in page.url  # the address keeps the last view that made sense
    page.fill("#builder-end", "")
    page.click("#builder-clear-area")
    assert "bbox" not in _settled(page, "start")
    assert browser_page.errors == []


def test_embed_this_view_on_the_map_opens_the_builder_on_that_view(
    server: LiveServer, browser_page: OfflinePage
) -> None:
    page = browser_page.page
    page.goto(f"{server.url}/map?lat=50.95&lon=1.85&zoom=10&types=launch,embarkation")
    wait_until_drawn(page)
    with page.context.expect_page() as opened:
        page.click(".launchmap-embed-link")
    builder = opened.value
    builder.on("pageerror", lambda error: browser_page.errors.append(str(error)))
    try:
        query = _settled(builder, "bbox", "types")  # the map's centre became the area shown
        assert set(query["types"].split(",")) == {"launch", "embarkation"}
        assert not {"lat", "lon", "zoom"} & set(query)
        west, south, east, north = (float(value) for value in query["bbox"].split(","))
        assert west < 1.85 < east and south < 50.95 < north
        assert builder.locator("input[name=types][value=launch]").is_checked()
        assert not builder.locator("input[name=types][value=rescue]").is_checked()
    finally:
        builder.close()
    assert browser_page.errors == []


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_builder_fits_a_phone_and_a_laptop(
    server: LiveServer, browser_page: OfflinePage, lang: str, width: int, height: int
) -> None:
    page = browser_page.page
    page.set_viewport_size({"width": width, "height": height})
    try:
        _open(page, server, f"lang={lang}")
        _preview(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        preview = page.locator("#builder-preview").bounding_box()
        assert preview is not None and 0.6 * width < preview["width"] <= width
        for selector in (
            "#builder-title",
            "#builder-copy",
            "#builder-use-view",
            "#builder-snippet",
        ):
            element = page.locator(selector).bounding_box()
            assert element is not None and element["x"] >= 0
            assert element["x"] + element["width"] <= width
        copy = page.locator("#builder-copy").bounding_box()
        assert copy is not None and copy["height"] >= 40  # a finger's target
        save_screenshot(page, f"builder-{width}x{height}-{lang}")
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})


def test_the_snippet_reproduces_the_preview_in_an_article_on_another_origin(
    server: LiveServer, browser_page: OfflinePage, article_site: tuple[str, Path]
) -> None:
    page = browser_page.page
    _open(page, server, "lang=en&title=Crossings+in+the+strait&types=launch,embarkation,rescue")
    _preview(page)
    page.click("#builder-use-view")
    _settled(page, "bbox")
    preview = _preview(page)
    wait_for_offline_base(preview)  # tiles fail: the offline base map draws land and names
    page.mouse.move(0, 0)
    frame = page.locator("#builder-frame")
    size = frame.bounding_box()
    assert size is not None
    expected = _settled_screenshot(frame)
    snippet = page.locator("#builder-snippet").input_value()
    origin, folder = article_site
    (folder / "article.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>'
        f"<style>body {{ margin: 0; font: 18px/1.5 Georgia, serif; }} "
        f"article {{ width: {size['width']}px; margin: 0 auto; }}</style></head><body>"
        "<article><h1>A summer on the coast</h1><p>Words of the article before the map.</p>"
        f"{snippet}<p>Words after it.</p></article></body></html>",
        encoding="utf-8",
    )
    page.goto(f"{origin}/article.html")
    embedded = page.locator("article iframe")
    handle = embedded.element_handle().content_frame()
    assert handle is not None and handle.url.startswith(server.url + "/embed?")
    handle.wait_for_function("() => document.documentElement.dataset.launchmapReady === '1'")
    wait_for_offline_base(handle)
    page.mouse.move(0, 0)
    found = _settled_screenshot(embedded)
    ARTIFACTS.mkdir(exist_ok=True)
    expected.save(ARTIFACTS / "builder-preview.png")
    found.save(ARTIFACTS / "builder-snippet-in-article.png")
    assert found.size == expected.size
    difference = _least_difference(found, expected)
    assert difference < MAX_MEAN_DIFFERENCE, difference
    assert min(ImageStat.Stat(expected).stddev) > 10  # a map was drawn, not a blank frame
    assert browser_page.errors == []


@geopackage_only
def test_builder_page_is_escaped_and_set_from_its_address(client: TestClient) -> None:
    page = client.get(
        "/embed/builder",
        params={"title": HOSTILE_TITLE, "types": "launch", "bbox": "1.5,50.7,2.1,51.1"},
        headers={"Accept-Language": "fr-FR,fr;q=0.9"},
    )
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in page.text and "Accept-Language" in page.headers["vary"]
    assert "<img src=x" not in page.text
    assert f'value="{html.escape(HOSTILE_TITLE)}"' in page.text.replace("&#34;", "&quot;")
    assert 'name="types" value="launch" checked' in page.text
    assert 'name="types" value="rescue">' in page.text
    assert 'id="builder-west" value="1.5"' in page.text
