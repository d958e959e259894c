"""The map pages over HTTP: /map, /embed, /embed/snippet, their headers, and Chromium on them."""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from geo.model import Incident, incidents_to_frame
from maps.assets import API_DOCS_FILES, PAGE_FILES
from maps.data_resource import read_header
from maps.incident_map import TILE_HOSTS, MapOptions, build_id, reference_resource, render_map_html
from maps.view import MapView
from tests._map_page import drawn_incidents, wait_until_drawn
from tests._static_site import served_folder
from tests.conftest import (
    LiveServer,
    OfflinePage,
    StoreTarget,
    save_screenshot,
    serve_launchmap,
)
from tests.maps.test_incident_map import (
    HOSTILE,
    HOSTILE_URL,
    SEARCHED,
    search_for,
    wait_for_centre,
)

TOKEN = "page-tests-token"


def test_map_page_is_a_shell_with_its_data_and_assets_on_the_server(
    client: TestClient,
) -> None:
    page = client.get("/map").text
    assert '"dataUrl":"/map/data/"' in page and '"details":' not in page
    stored = client.get("/map/data/incidents.bin.gz", headers={"Accept-Encoding": "identity"})
    carried = re.search(r'id="launchmap-data">([^<]*)<', page)  # a small store's incidents
    assert carried is not None and base64.b64decode(carried[1]) == gzip.decompress(stored.content)
    assert len(page.replace(carried[0], "").encode()) < 16_000  # the rest: messages, link tags
    for file in PAGE_FILES:
        vendor = client.get(f"/assets/vendor/{file.package}/{file.path}")
        assert vendor.status_code == 200 and "max-age" in vendor.headers["cache-control"]
    for name in ("launchmap.js", "launchmap.css", "reference.json.gz"):
        asset = client.get(f"/assets/launchmap/{name}", params={"v": build_id()})
        assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
    assert client.get("/assets/launchmap/secrets.txt").status_code == 404
    data = client.get("/map/data/incidents.bin.gz")
    header = read_header(data.content)
    assert header["total"] == client.get("/readyz").json()["incidents"]
    chunk = client.get("/map/data/details-0.json.gz").json()
    assert chunk["key"] == header["key"] and len(chunk["details"]) == header["count"] > 0
    missing = client.get("/map/data/details-99.json.gz")
    assert missing.status_code == 404 and "details chunk 99" in missing.json()["detail"]


def test_page_script_and_styles_are_sent_compressed_to_a_browser_that_takes_gzip(
    client: TestClient,
) -> None:
    for name in ("page.js", "page.css"):
        address = f"/assets/launchmap/{name}"
        plain = client.get(address, headers={"Accept-Encoding": "identity"})
        packed = client.get(address, headers={"Accept-Encoding": "br;q=1, gzip;q=0.8"})
        assert "content-encoding" not in plain.headers
        assert packed.headers["content-encoding"] == "gzip"
        assert packed.content == plain.content  # the client undid the gzip
        assert int(packed.headers["content-length"]) < len(plain.content) / 2
        assert plain.headers["vary"] == packed.headers["vary"] == "Accept-Encoding"
        assert packed.headers["etag"] != plain.headers["etag"]
        again = client.get(
            address,
            headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]},
        )
        assert again.status_code == 304
        refused = client.get(address, headers={"Accept-Encoding": "gzip;q=0"})
        assert "content-encoding" not in refused.headers


@pytest.mark.parametrize(
    ("address", "inner_type"),
    [
        ("/map/data/incidents.bin.gz", "application/octet-stream"),
        ("/map/data/details-0.json.gz", "application/json"),
        (f"/assets/launchmap/reference.json.gz?v={build_id()}", "application/json"),
        (f"/assets/launchmap/basemap.json.gz?v={build_id()}", "application/json"),
    ],
)
def test_gzip_files_reach_a_browser_gzip_coded_and_other_clients_as_files(
    client: TestClient, address: str, inner_type: str
) -> None:
    """A browser inflates a coded answer as it reads it; one that refuses gzip gets the file."""
    as_file = client.get(address, headers={"Accept-Encoding": "identity"})
    coded = client.get(address, headers={"Accept-Encoding": "gzip, deflate"})
    assert as_file.headers["content-type"] == "application/gzip"
    assert "content-encoding" not in as_file.headers
    assert coded.headers["content-encoding"] == "gzip"
    assert coded.headers["content-type"].startswith(inner_type)
    assert coded.content == gzip.decompress(as_file.content)  # the client undid the coding
    assert all("Accept-Encoding" in answer.headers["vary"] for answer in (coded, as_file))
    assert coded.headers["etag"] != as_file.headers["etag"]
    for answer, accepted in ((coded, "gzip"), (as_file, "identity")):
        again = client.get(
            address, headers={"Accept-Encoding": accepted, "If-None-Match": answer.headers["etag"]}
        )
        assert again.status_code == 304
    crossed = client.get(
        address, headers={"Accept-Encoding": "identity", "If-None-Match": coded.headers["etag"]}
    )
    assert crossed.status_code == 200 and crossed.content == as_file.content


CACHED_PATHS = (
    "/map",
    "/embed?types=launch",
    "/map/data/incidents.bin.gz",
    "/map/data/details-0.json.gz",
    "/map.png?width=300&height=200",
    "/chart.png?width=300&height=200",
    "/collections/hotspots/items",
    "/embed/snippet",
)


def test_a_write_by_another_process_makes_the_next_request_see_it(
    client: TestClient, store_target: StoreTarget
) -> None:
    before = {path: client.get(path) for path in CACHED_PATHS}
    assert all(
        client.get(path).headers["etag"] == before[path].headers["etag"] for path in CACHED_PATHS
    )
    count = read_header(before["/map/data/incidents.bin.gz"].content)["count"]
    writer = store_target.open()  # as `launchmap import` would, beside the server
    try:
        writer.add(
            incidents_to_frame(
                [Incident(event_type="launch", date="2025-03-01", lon=1.7, lat=50.9, people=12)]
            )
        )
    finally:
        writer.close()
    for path in CACHED_PATHS:
        answer = client.get(path, headers={"If-None-Match": before[path].headers["etag"]})
        assert answer.status_code == 200, path
        assert answer.headers["etag"] != before[path].headers["etag"], path
    after = client.get("/map/data/incidents.bin.gz").content
    assert read_header(after)["count"] == count + 1
    assert "Map of" in client.get("/map").text and f"Map of {count + 1} " in client.get("/map").text


@pytest.mark.parametrize(
    "path",
    ["/map", "/embed", "/map/data/incidents.bin.gz", "/map/data/details-0.json.gz", "/map.png"],
)
def test_answers_carry_an_etag_and_304_when_it_matches(client: TestClient, path: str) -> None:
    first = client.get(path)
    tag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"].startswith("public, max-age")
    again = client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_api_docs_load_swagger_ui_from_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/openapi.json" in page.text
    assert all(source.startswith("/") for source in sources), sources
    for file in API_DOCS_FILES:
        assert f"/assets/vendor/{file.package}/{file.path}" in sources
        assert client.get(f"/assets/vendor/{file.package}/{file.path}").status_code == 200
    assert client.get("/redoc").status_code == 404


def test_map_page_may_not_be_framed_but_the_embed_may(client: TestClient) -> None:
    full = client.get("/map")
    assert full.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in full.headers["content-security-policy"]
    assert "https://server.arcgisonline.com" in full.headers["content-security-policy"]
    embed = client.get("/embed")
    assert embed.status_code == 200
    assert "x-frame-options" not in embed.headers
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    assert 'id="launchmap-chart"' not in embed.text and 'id="launchmap-chart"' in full.text


def test_pages_link_the_static_images_of_the_same_view(client: TestClient) -> None:
    page = client.get("/embed", params={"types": "launch", "start": "2024-01-01"}).text
    assert '<noscript><img src="/map.png?start=2024-01-01&amp;types=launch"' in page
    full = client.get("/map", params={"types": "launch"}).text
    assert 'href="/chart.png?types=launch"' in full


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"types": "launch,boat"}, "'boat' is not one of"),
        ({"start": "2024-13-01"}, "got '2024-13-01'"),
        ({"start": "2024-06-01", "end": "2024-05-01"}, "start 2024-06-01 is after end 2024-05-01"),
        ({"lat": "50.9"}, "lat and lon go together"),
        ({"lat": "95", "lon": "1.8"}, "lat must be between -90 and 90, got 95"),
        ({"zoom": "30"}, "zoom must be between 3 and 18, got 30"),
    ],
)
@pytest.mark.parametrize("path", ["/map", "/embed", "/embed/snippet"])
def test_bad_view_is_a_400_naming_the_value(
    client: TestClient, path: str, query: dict[str, str], named: str
) -> None:
    response = client.get(path, params=query)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert named in response.json()["detail"]


def test_snippet_is_a_responsive_iframe_of_the_embed_with_attribution(client: TestClient) -> None:
    response = client.get("/embed/snippet", params={"types": "launch,rescue", "zoom": "10"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    snippet = response.text
    src = re.search(r'<iframe src="([^"]+)"', snippet)
    assert src is not None
    assert src.group(1) == "http://testserver/embed?types=launch%2Crescue&amp;zoom=10"
    assert "aspect-ratio:4/3" in snippet and "width:100%" in snippet
    assert re.search(r'title="Map of \d+ small-boat incidents', snippet)
    assert "allowfullscreen" in snippet and 'loading="lazy"' in snippet
    assert "OpenStreetMap contributors, GSHHG, GeoNames" in snippet
    assert 'href="http://testserver/map.png?types=launch%2Crescue&amp;zoom=10"' in snippet


def test_snippet_height_and_json_form(client: TestClient) -> None:
    fixed = client.get("/embed/snippet", params={"height": "480"}).text
    assert "height:480px" in fixed and "aspect-ratio" not in fixed
    body = client.get("/embed/snippet", params={"f": "json", "types": "launch"}).json()
    assert body["type"] == "rich" and body["provider_name"] == "launchmap"
    assert body["url"] == "http://testserver/embed?types=launch"
    assert body["html"].startswith('<figure class="launchmap-embed"')
    too_small = client.get("/embed/snippet", params={"height": "20"})
    assert too_small.status_code == 400
    assert "height must be between 200 and 2000 pixels, got 20" in too_small.json()["detail"]


# -- a real server and Chromium -------------------------------------------------------------


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A live server on the seeded sample store that also takes writes with TOKEN."""
    folder = tmp_path_factory.mktemp("pages")
    env = {"LAUNCHMAP_WRITE_TOKENS": json.dumps([TOKEN])}
    with serve_launchmap(folder, env=env, name="pages") as server:
        yield server


def _placed(server: LiveServer) -> list[dict[str, object]]:
    body = httpx.get(f"{server.url}/collections/incidents/items", params={"limit": 1000}).json()
    return [feature for feature in body["features"] if feature["geometry"] is not None]


@pytest.mark.browser
def test_served_map_draws_every_placed_incident_with_no_internet(
    writable_server: LiveServer, offline_page: OfflinePage
) -> None:
    placed = len(_placed(writable_server))
    page = offline_page.page
    page.goto(f"{writable_server.url}/map")
    wait_until_drawn(page)
    assert drawn_incidents(page) == placed
    assert page.evaluate("L.version") == "1.9.4"
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "GSHHG" in attribution and "GeoNames" in attribution and "OpenStreetMap" in attribution
    assert "(ODbL)" in attribution and "Environment Agency (OGL v3)" in attribution
    assert page.locator(".leaflet-control-minimap").count() == 1
    assert page.locator(".leaflet-control-zoom-fullscreen").count() == 1
    assert page.locator(".leaflet-control-scale").count() == 1
    assert offline_page.errors == []
    assert all(url.startswith(TILE_HOSTS) for url in offline_page.blocked)  # only tiles
    save_screenshot(page, "server-map")


def test_served_map_searches_with_the_geocoder_others_with_the_name_index(
    client: TestClient,
) -> None:
    page = client.get("/map").text
    assert '"geocodeUrl":"/geocode"' in page
    standalone = render_map_html(incidents_to_frame([]), MapOptions(), MapView())
    assert '"geocodeUrl":null' in standalone
    reference = json.loads(gzip.decompress(reference_resource()))
    dunkirk = next(place for place in reference["places"] if place[0] == "Dunkirk")
    assert {"dunkerque", "duinkerke"} <= set(dunkirk[4].split("|"))  # the geocoder's names
    assert any(place[0] == "Pointe aux Oies" for place in reference["places"])  # curated too


@pytest.mark.browser
def test_served_search_asks_the_geocoder(
    writable_server: LiveServer, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{writable_server.url}/map")
    wait_until_drawn(page)
    for typed, meant, (lat, lon) in SEARCHED:
        search_for(page, typed)
        wait_for_centre(page, lat, lon)
        page.wait_for_function(
            "(meant) => document.querySelector('.launchmap-search-status').textContent === meant",
            arg=meant,
        )
    assert any("/geocode?q=Gravlines" in url for url in asked)
    search_for(page, "CROSS Gris-Nez")
    page.wait_for_function(
        "() => document.querySelector('.launchmap-search-status').textContent"
        ".includes('is an organisation')"
    )
    search_for(page, "Zorbaville-sur-Brume")
    page.wait_for_function(
        "() => document.querySelector('.launchmap-search-status').textContent"
        ".startsWith('No place called')"
    )
    assert offline_page.errors == []


@pytest.mark.browser
def test_filters_keep_the_address_and_the_embed_link_in_step(
    writable_server: LiveServer, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(f"{writable_server.url}/map?zoom=9&lat=50.9&lon=1.8")
    wait_until_drawn(page)
    page.locator(".launchmap-types input[value=launch]").uncheck()
    page.wait_for_function("() => new URLSearchParams(location.search).has('types')")
    shown_types = page.evaluate("() => new URLSearchParams(location.search).get('types')")
    assert "launch" not in shown_types.split(",") and "embarkation" in shown_types.split(",")
    link = page.locator(".launchmap-embed-link").get_attribute("href")
    assert link is not None and link.startswith("/embed/builder?")  # the builder, on this view
    snippet = httpx.get(f"{writable_server.url}/embed/snippet?{urlsplit(link).query}").text
    src = re.search(r'<iframe src="([^"]+)"', snippet)
    assert src is not None
    embedded = parse_qs(urlsplit(html.unescape(src.group(1))).query)
    assert set(embedded["types"][0].split(",")) == set(shown_types.split(","))
    page.reload()  # the address reproduces the view
    wait_until_drawn(page)
    assert not page.locator(".launchmap-types input[value=launch]").is_checked()


def _query(address: str | None) -> dict[str, str]:
    """Return the query of an address as a plain mapping (each parameter's last value)."""
    assert address is not None
    return {key: values[-1] for key, values in parse_qs(urlsplit(address).query).items()}


@pytest.mark.browser
def test_after_the_heatmap_filters_keep_counts_and_links_in_step_and_bad_ranges_are_named(
    writable_server: LiveServer, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(f"{writable_server.url}/map?zoom=9&lat=50.9&lon=1.8")
    wait_until_drawn(page)
    heat = page.locator(".launchmap-layers input[value=heatmap]")
    heat.check()
    heat.uncheck()  # a filter after this threw, and left counts and links stale
    count = page.locator(".launchmap-count").inner_text()
    page.locator(".launchmap-types input[value=launch]").uncheck()
    assert page.locator(".launchmap-count").inner_text() != count
    download = page.locator(".launchmap-chart-download")
    embed = page.locator(".launchmap-embed-link")
    for link in (download, embed):
        assert "launch" not in _query(link.get_attribute("href"))["types"].split(",")
    start, end = page.locator(".launchmap-date-start"), page.locator(".launchmap-date-end")
    start.fill("2025-06-01")
    start.dispatch_event("change")
    end.fill("2025-01-01")
    end.dispatch_event("change")
    problem = page.locator(".launchmap-date-problem")
    assert problem.is_visible() and "2025" in problem.inner_text()
    assert start.get_attribute("aria-invalid") == "true"
    for link in (download, embed):  # the links keep the last range that could be shown
        query = _query(link.get_attribute("href"))
        assert query.get("start") == "2025-06-01" and "end" not in query
    image = httpx.get(writable_server.url + str(download.get_attribute("href")), timeout=60)
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert offline_page.errors == []


@pytest.mark.browser
def test_served_popup_fetches_hostile_text_and_shows_it_as_text(
    writable_server: LiveServer, offline_page: OfflinePage
) -> None:
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [1.9, 51.2]},
        "properties": {
            "event_type": "sighting",
            "date": "2024-08-01",
            "place_name": HOSTILE,
            "description": HOSTILE,
            "sources": [{"url": HOSTILE_URL, "publisher": HOSTILE, "quote": HOSTILE}],
        },
    }
    created = httpx.post(
        f"{writable_server.url}/collections/incidents/items",
        json=feature,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert created.status_code in (200, 201), created.text
    page = offline_page.page
    page.goto(f"{writable_server.url}/map?lat=51.2&lon=1.9&zoom=14&types=sighting")
    wait_until_drawn(page)
    page.locator("path.launchmap-incident-sighting").dispatch_event("click")
    page.wait_for_function(
        "() => document.querySelector('.launchmap-popup p') !== null"
    )  # the details came from a chunk beside the data resource
    popup = page.locator(".launchmap-popup")
    assert popup.locator("p").evaluate("node => node.textContent") == HOSTILE
    assert popup.locator("a").get_attribute("href") == HOSTILE_URL
    assert popup.locator("script, img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert offline_page.dialogs == [] and offline_page.errors == []


@pytest.fixture
def article_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Another origin (127.0.0.1 on another port) serving files from a folder."""
    folder = tmp_path / "site"
    folder.mkdir()
    with served_folder(folder) as address:
        yield address, folder


@pytest.mark.browser
def test_embed_works_in_an_iframe_on_another_origin_and_the_full_map_does_not(
    writable_server: LiveServer, offline_page: OfflinePage, article_site: tuple[str, Path]
) -> None:
    origin, folder = article_site
    snippet = httpx.get(f"{writable_server.url}/embed/snippet", params={"height": "500"}).text
    refused = f'<iframe id="full" src="{writable_server.url}/map" height="200"></iframe>'
    (folder / "article.html").write_text(
        "<!doctype html><html><head><title>An article</title></head><body>"
        f"<h1>Crossings this year</h1>{snippet}{refused}</body></html>",
        encoding="utf-8",
    )
    page = offline_page.page
    page.goto(f"{origin}/article.html")
    embed = next(frame for frame in _frames_when_loaded(page) if "/embed" in frame.url)
    wait_until_drawn(embed)
    assert drawn_incidents(embed) == len(_placed(writable_server))
    assert embed.locator("#launchmap-chart").count() == 0  # no chart in the embed
    assert "GSHHG" in embed.locator(".leaflet-control-attribution").inner_text()
    assert embed.locator("[role=region][aria-label^='Map of']").count() == 1
    box = page.locator("iframe").first.bounding_box()
    assert box is not None and box["height"] == pytest.approx(500, abs=2)
    full = page.frame_locator("#full")
    assert full.locator(".launchmap-map").count() == 0  # refused by X-Frame-Options / CSP
    save_screenshot(page, "embed-in-article")


def _frames_when_loaded(page: object) -> list[object]:
    """Wait for the article's frames to load and return them."""
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    return list(page.frames)  # type: ignore[attr-defined]
