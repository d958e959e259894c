"""Sharing a map: oEmbed, link previews (Open Graph, Twitter), French images and error pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from api.app import create_app
from api.settings import Settings
from maps.messages import message
from maps.static import SOCIAL_CARD_PX
from tests.conftest import StoreTarget, geopackage_only

PAGES = ("/map", "/embed")


class _Heads(HTMLParser):
    """Collect the attributes of a page's <link> and <meta> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep links and metas (a meta by its property or name)."""
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            self.links.append(values)
        elif tag == "meta" and "content" in values:
            key = values.get("property") or values.get("name")
            if key:
                self.meta[key] = values["content"]


def _heads(page: str) -> _Heads:
    parser = _Heads()
    parser.feed(page)
    return parser


def _oembed_link(heads: _Heads) -> str:
    found = [
        link["href"]
        for link in heads.links
        if link.get("rel") == "alternate" and link.get("type") == "application/json+oembed"
    ]
    assert len(found) == 1, heads.links
    return found[0]


def _png_size(body: bytes) -> tuple[int, int]:
    assert body.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = Image.open(io.BytesIO(body)).size
    return width, height


def _query(url: str) -> dict[str, str]:
    return {name: values[-1] for name, values in parse_qs(urlsplit(url).query).items()}


@geopackage_only
def test_oembed_answers_a_rich_embed_with_its_size_thumbnail_and_provider(
    client: TestClient,
) -> None:
    page_url = "http://testserver/map?types=launch,rescue&title=Boats+near+Calais"
    answer = client.get("/oembed", params={"url": page_url, "maxwidth": "400"})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert (body["type"], body["version"], body["title"]) == ("rich", "1.0", "Boats near Calais")
    assert (body["width"], body["height"]) == (400, 300)  # 4:3 within the consumer's width
    assert (body["provider_name"], body["provider_url"]) == ("launchmap", "http://testserver/")
    thumbnail = urlsplit(body["thumbnail_url"])
    assert thumbnail.geturl().startswith("http://testserver/map.png?")
    shown = _query(body["thumbnail_url"])
    assert (shown["width"], shown["height"]) == ("400", "300")
    assert set(shown["types"].split(",")) == {"launch", "rescue"}
    assert (body["thumbnail_width"], body["thumbnail_height"]) == (400, 300)
    assert _png_size(client.get(body["thumbnail_url"]).content) == (400, 300)
    assert body["url"].startswith("http://testserver/embed?")
    assert f'src="{body["url"].replace("&", "&amp;")}"' in body["html"]
    assert "max-width:400px" in body["html"] and "height:300px" in body["html"]
    capped = client.get("/oembed", params={"url": page_url, "maxheight": "250"}).json()
    assert (capped["width"], capped["height"]) == (640, 250)


@geopackage_only
@pytest.mark.parametrize(
    ("params", "status", "named"),
    [
        ({"url": "http://elsewhere.example/map"}, 404, "elsewhere.example"),
        ({"url": "http://testserver/collections"}, 404, "/collections"),
        ({"url": "http://testserver/map", "format": "xml"}, 501, "xml"),
        ({"url": "http://testserver/map", "maxwidth": "120"}, 400, "maxwidth"),
    ],
)
def test_oembed_refuses_what_it_cannot_embed_naming_it(
    client: TestClient, params: dict[str, str], status: int, named: str
) -> None:
    answer = client.get("/oembed", params=params)
    assert answer.status_code == status
    assert named in answer.json()["detail"]


@geopackage_only
@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_link_preview_tags_and_oembed_discovery(client: TestClient, path: str) -> None:
    page = client.get(path, params={"types": "launch", "lang": "fr", "title": "Départs"})
    heads = _heads(page.text)
    discovered = client.get(_oembed_link(heads))
    assert discovered.status_code == 200
    assert discovered.json()["url"].startswith("http://testserver/embed?")
    assert _query(discovered.json()["url"]) == {"types": "launch", "lang": "fr", "title": "Départs"}
    meta = heads.meta
    assert meta["og:image"] == meta["twitter:image"]
    assert meta["og:image"].startswith("http://testserver/map.png?")
    assert _query(meta["og:image"]) == {
        "card": "true",
        "types": "launch",
        "lang": "fr",
        "title": "Départs",
    }
    assert _png_size(client.get(meta["og:image"]).content) == SOCIAL_CARD_PX
    assert (meta["og:image:width"], meta["og:image:height"]) == tuple(map(str, SOCIAL_CARD_PX))
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:title"] == meta["twitter:title"] == "Départs"
    assert meta["og:locale"] == "fr_FR"
    assert meta["og:url"].startswith(f"http://testserver{path}?")
    assert meta["og:description"] and meta["og:image:alt"].startswith("Carte")


@pytest.fixture
def public_client(store_target: StoreTarget) -> Iterator[TestClient]:
    """A server whose public address is not the one the request came to (behind a proxy)."""
    settings = Settings(**store_target.settings, public_url="https://maps.example.org/news")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@geopackage_only
@pytest.mark.parametrize("path", PAGES)
def test_link_previews_point_to_the_public_address(public_client: TestClient, path: str) -> None:
    heads = _heads(public_client.get(path, params={"types": "rescue"}).text)
    assert heads.meta["og:image"].startswith("https://maps.example.org/news/map.png?")
    assert heads.meta["og:url"].startswith(f"https://maps.example.org/news{path}?")
    oembed = _oembed_link(heads)
    assert oembed.startswith("https://maps.example.org/news/oembed?")
    assert _query(oembed)["url"] == f"https://maps.example.org/news{path}?types=rescue"


@geopackage_only
def test_static_images_speak_the_address_or_browser_language(client: TestClient) -> None:
    size = {"width": "600", "height": "400"}
    english = client.get("/map.png", params=size | {"lang": "en"})
    french = client.get("/map.png", params=size | {"lang": "fr"})
    asked = client.get("/map.png", params=size, headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert asked.content == french.content != english.content
    assert "Accept-Language" in asked.headers["vary"]
    assert "vary" not in french.headers or "Accept-Language" not in french.headers["vary"]


@geopackage_only
@pytest.mark.parametrize("path", ["/map", "/embed", "/embed/builder", "/map.png", "/chart.png"])
def test_error_pages_are_in_french_when_asked(client: TestClient, path: str) -> None:
    html = {"Accept": "text/html"}
    by_address = client.get(path, params={"types": "boat", "lang": "fr"}, headers=html)
    by_browser = client.get(
        path,
        params={"start": "2025-03-01", "end": "2025-02-01"},
        headers=html | {"Accept-Language": "fr"},
    )
    for answer in (by_address, by_browser):
        assert answer.status_code == 400 and answer.headers["content-type"].startswith("text/html")
        assert '<html lang="fr">' in answer.text
        assert message("error.bad_address.title", "fr") in answer.text
        assert message("error.home", "fr") in answer.text
    assert "« boat »" in by_address.text
    assert "le début 2025-03-01 est après la fin 2025-02-01" in by_browser.text
