"""What a reader sees on a phone and on a desktop, in English and in French (headless Chromium).

One server on the seeded sample store and one article page on another origin
serve every test of the module; each size and language gets one browser
context. The screenshots of every page at both sizes in both languages go to
``test-artifacts/`` (``reader-{page}-{width}x{height}-{lang}.png``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page

from tests._map_page import wait_until_drawn
from tests._static_site import served_folder
from tests.conftest import LiveServer, save_screenshot, serve_launchmap

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
ARTICLE_FRAME_HEIGHT = 268  # an embed in a phone's article column: 358 x 268
MIN_MAP_SHARE = 0.70
GRID = 24  # sample points across and down the map

# The share of a map element's area where the topmost element is the map itself (tiles, the
# base map, markers, outlines, labels), not a control, the panel or anything laid over it.
MAP_SHARE = """([grid]) => {
    const map = document.querySelector('.launchmap-map');
    const box = map.getBoundingClientRect();
    let mapped = 0, total = 0;
    for (let i = 0; i < grid; i++) {
        for (let j = 0; j < grid; j++) {
            const x = box.left + (i + 0.5) * box.width / grid;
            const y = box.top + (j + 0.5) * box.height / grid;
            if (x >= innerWidth || y >= innerHeight) { continue; }
            total++;
            const hit = document.elementFromPoint(x, y);
            const control = hit && hit.closest('.leaflet-control-container');
            if (hit && map.contains(hit) && !control) { mapped++; }
        }
    }
    const area = box.width * box.height / (innerWidth * innerHeight);
    return {share: total ? mapped / total : 0, area: area};
}"""


# The map's controls a reader can see (their first class), but for the attribution.
VISIBLE_CONTROLS = """() => [...document.querySelectorAll('.leaflet-control')]
    .filter(node => node.offsetParent !== null)
    .map(node => [...node.classList].find(name => name !== 'leaflet-control'))
    .filter(name => name !== 'leaflet-control-attribution')
    .sort()"""

# How many font families the page's text, its map and the map's zoom buttons use.
ONE_FONT = """() => new Set(['body', '.leaflet-container', '.leaflet-control-zoom-in']
    .map(selector => getComputedStyle(document.querySelector(selector)).fontFamily)).size"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A live server on the seeded sample store."""
    with serve_launchmap(tmp_path_factory.mktemp("reader"), name="reader") as live:
        yield live


@pytest.fixture(scope="module")
def article(server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address (less ``-{lang}.html``) of article pages on another origin, one a language,
    each with the embed snippet of its language in its column."""
    folder = tmp_path_factory.mktemp("article")
    for lang in ("en", "fr"):
        snippet = httpx.get(
            f"{server.url}/embed/snippet",
            params={"height": str(ARTICLE_FRAME_HEIGHT), "lang": lang},
            timeout=60,
        ).text
        (folder / f"article-{lang}.html").write_text(
            f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width'><title>Crossings</title>"
            "<style>body{margin:16px;max-width:640px}</style></head>"
            f"<body><h1>Crossings</h1><p>Boats.</p>{snippet}<p>More.</p></body></html>",
            encoding="utf-8",
        )
    with served_folder(folder) as address:
        yield f"{address}/article"


@pytest.fixture(scope="module")
def contexts(browser: Browser) -> Iterator[dict[tuple[str, str], BrowserContext]]:
    """One browser context per size and language (its Accept-Language), asking only 127.0.0.1."""
    made: dict[tuple[str, str], BrowserContext] = {}
    for size, viewport in SIZES.items():
        for lang in ("en", "fr"):
            context = browser.new_context(viewport=viewport, locale=lang)  # type: ignore[arg-type]
            context.route(
                "**/*",
                lambda route, request: (
                    route.continue_()
                    if request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
                    else route.abort()
                ),
            )
            made[(size, lang)] = context
    yield made
    for context in made.values():
        context.close()


def _open(context: BrowserContext, address: str) -> tuple[Page, list[str]]:
    """Open a page, collecting its script errors."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(address)
    return page, errors


def _embed_frame(page: Page) -> Frame:
    """Return the article's map frame (loaded lazily: scrolled to) once its map is drawn."""
    holder = page.locator("iframe")
    holder.scroll_into_view_if_needed()
    frame = holder.element_handle().content_frame()
    assert frame is not None
    wait_until_drawn(frame)
    return frame


def _check_controls(frame: Page | Frame, page: Page, shot: str) -> None:
    """Use the controls as a reader would: zoom, open the panel, filter by type, close it.

    ``page`` (the frame's page) is photographed with the panel open, as ``shot``.
    """
    zoom = frame.evaluate("window.launchmap.map.getZoom()")
    frame.locator(".leaflet-control-zoom-in").click()
    frame.wait_for_function("(zoom) => window.launchmap.map.getZoom() > zoom", arg=zoom)
    toggle = frame.locator(".launchmap-toggle-button")
    folded = toggle.is_visible()
    if folded:
        toggle.click()
    kinds = frame.locator(".launchmap-types input")
    kinds.first.wait_for(state="visible")
    before = frame.locator(".launchmap-count").inner_text()
    kinds.first.uncheck()
    frame.wait_for_function(
        "(before) => document.querySelector('.launchmap-count').textContent !== before",
        arg=before,
    )
    kinds.first.check()
    save_screenshot(page, shot)
    if folded:
        frame.locator(".launchmap-close").click()
        frame.locator(".launchmap-panel").wait_for(state="hidden")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_map_is_mostly_map_and_every_control_works(
    server: LiveServer,
    article: str,
    contexts: dict[tuple[str, str], BrowserContext],
    size: str,
    lang: str,
) -> None:
    context = contexts[(size, lang)]
    page, errors = _open(context, f"{server.url}/map")
    wait_until_drawn(page)
    assert page.evaluate("document.documentElement.lang") == lang  # from Accept-Language
    full = page.evaluate(MAP_SHARE, [GRID])
    name = f"{SIZES[size]['width']}x{SIZES[size]['height']}-{lang}"
    save_screenshot(page, f"reader-map-{name}")
    assert page.evaluate(ONE_FONT) == 1  # the map and its controls in the page's font
    _check_controls(page, page, f"reader-map-{name}-panel")
    article_page, article_errors = _open(context, f"{article}-{lang}.html")
    embed = _embed_frame(article_page)
    assert embed.evaluate("document.documentElement.lang") == lang
    embedded = embed.evaluate(MAP_SHARE, [GRID])
    save_screenshot(article_page, f"reader-embed-{name}")
    _check_controls(embed, article_page, f"reader-embed-{name}-panel")
    if size == "phone":
        assert embed.evaluate(VISIBLE_CONTROLS) == ["launchmap-toggle", "leaflet-control-zoom"]
        credits = embed.locator(".leaflet-control-attribution").bounding_box()
        assert credits and credits["height"] <= 24  # one line
        assert full["area"] >= MIN_MAP_SHARE and full["share"] >= MIN_MAP_SHARE, full
        frame_box = article_page.locator("iframe").bounding_box()
        assert frame_box and frame_box["width"] == pytest.approx(358, abs=2)
        assert embedded["share"] >= MIN_MAP_SHARE, embedded
    else:
        assert full["share"] >= 0.9 and embedded["share"] >= 0.8, (full, embedded)
    assert errors == [] and article_errors == []
    page.close()
    article_page.close()


def _english_phrases() -> list[str]:
    """Return the English catalogue's words that the French one does not share.

    Each message is cut at its ``{fields}``; pieces of two words or more are
    kept (a lone word such as "Date" is French too).
    """
    catalogues = {
        lang: json.loads(
            resources.files("maps.messages").joinpath(f"{lang}.json").read_text("utf-8")
        )
        for lang in ("en", "fr")
    }
    french = " ".join(catalogues["fr"].values())
    phrases = set()
    for text in catalogues["en"].values():
        for piece in re.split(r"\{\w+\}", text):
            piece = piece.strip(" .,:;·–—()“”\"'")
            if len(piece.split()) >= 2 and piece not in french:
                phrases.add(piece)
    return sorted(phrases)


@pytest.mark.browser
def test_the_french_page_has_no_english_left(
    server: LiveServer, contexts: dict[tuple[str, str], BrowserContext]
) -> None:
    phrases = _english_phrases()
    assert "incidents shown" in " ".join(phrases)  # the check can see an English page
    page, errors = _open(contexts[("desktop", "en")], f"{server.url}/map?lang=fr")
    wait_until_drawn(page)
    assert page.evaluate("document.documentElement.lang") == "fr"  # the address wins
    page.evaluate(
        "() => { const app = window.launchmap;"
        " app.openIncident(0, L.latLng(app.data.lat[0], app.data.lon[0]), null); }"
    )
    page.locator(".launchmap-popup dl").wait_for()  # with its details
    text = page.evaluate("document.body.innerText")
    left = [phrase for phrase in phrases if phrase in text]
    assert left == [], left
    english, _ = _open(contexts[("desktop", "en")], f"{server.url}/map")
    wait_until_drawn(english)
    assert any(phrase in english.evaluate("document.body.innerText") for phrase in phrases)
    assert errors == []
    page.close()
    english.close()
