"""HTML pages: the interactive incident map, its embeddable form, their data and the snippet.

``/map`` and ``/embed`` are small page shells drawn from the same query string
(date range, event types, centre and zoom, see :mod:`maps.view`); ``/embed``
has little chrome and is the only page other sites may frame. Both load the
same data resource, ``/map/data/incidents.bin.gz`` (every stored incident, the
reader's browser filters them), popups load their details from chunks beside
it, and the page script, its styles and the reference layers come from
``/assets/launchmap/``. Every answer is built once per store version and
parameters and carries an ETag (see :mod:`api.cache`). ``/embed/snippet``
writes the responsive iframe a reporter pastes into an article, and
``/embed/builder`` is where the reporter shapes it (the map's "Embed this
view" opens it on the view shown).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Annotated
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from api.cache import (
    GZIP,
    IMMUTABLE,
    Answers,
    Cache,
    Cached,
    accepts_gzip,
    coded_tag,
    etag,
    gzip_file_answer,
    gzipped,
    matches,
    vary_on_coding,
)
from api.deps import get_settings, get_store
from api.params import map_view, page_language
from api.settings import Settings
from geo.store import IncidentQuery, IncidentStore
from maps.assets import AssetMode
from maps.base_layer import BASE_LAYER_FILE
from maps.builder import BuilderAddresses, render_builder_page
from maps.data_resource import INCIDENTS_FILE, MapData, build_map_data
from maps.incident_map import (
    REFERENCE_FILE,
    Chrome,
    MapOptions,
    SocialLinks,
    app_file,
    build_id,
    render_page,
)
from maps.messages import choose_language
from maps.page_data import describe
from maps.snippet import (
    SnippetLinks,
    Thumbnail,
    check_height,
    oembed_answer,
    oembed_size,
    snippet_html,
)
from maps.static import SOCIAL_CARD_PX
from maps.view import MapView, view_from_query

router = APIRouter(tags=["pages"])

VENDOR_ROUTE = "/assets/vendor"
APP_ROUTE = "/assets/launchmap"
DATA_ROUTE = "/map/data"
SNIPPET_ROUTE = "/embed/snippet"
BUILDER_ROUTE = "/embed/builder"
OEMBED_ROUTE = "/oembed"
GEOCODE_ROUTE = "/geocode"
HTML = "text/html; charset=utf-8"
JSON = "application/json"
BINARY = "application/octet-stream"
APP_MEDIA_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
}
"""The page's text files, compressed for a browser that takes gzip."""
GZIP_CONTENT_TYPES = {REFERENCE_FILE: JSON, BASE_LAYER_FILE: JSON}
"""The page's files stored gzip-compressed, and what each holds."""

View = Annotated[MapView, Depends(map_view)]
Language = Annotated[str, Depends(page_language)]
MaxWidth = Annotated[
    int | None, Query(description="oEmbed: the widest the frame may be, in pixels (200 or more).")
]
MaxHeight = Annotated[
    int | None, Query(description="oEmbed: the tallest the frame may be, in pixels (200 or more).")
]
Store = Annotated[IncidentStore, Depends(get_store)]
GZIP_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "content": {GZIP: {}, BINARY: {}, JSON: {}},
        "description": "gzip-compressed data for the map pages: sent with Content-Encoding: gzip"
        " (as application/octet-stream or application/json) to a client that accepts gzip,"
        " else as application/gzip",
    },
    304: {"description": "Unchanged since the ETag given in If-None-Match"},
}


class SnippetFormat(StrEnum):
    """The representations of the embed snippet (the ``f`` parameter)."""

    TEXT = "text"
    JSON = "json"


def answers(request: Request) -> Answers:
    """Return the app's cache of answers."""
    cached: Answers = request.app.state.answers
    return cached


def map_data(request: Request, store: IncidentStore, version: str) -> MapData:
    """Return the data resource of the store's incidents at ``version`` (built once a version)."""
    cache: Cache[MapData] = request.app.state.map_data
    key = etag(version, "data", ()).strip('"')
    return cache.get(
        version,
        lambda: build_map_data(store.query(IncidentQuery()).incidents, key),
        keep=lambda: store.version() == version,
    )


@router.get("/map", response_class=Response, responses={200: {"content": {"text/html": {}}}})
def incident_map(
    request: Request,
    store: Store,
    settings: Annotated[Settings, Depends(get_settings)],
    view: View,
    lang: Language,
) -> Response:
    """Show the stored incidents on the interactive map, with the query's filters set."""
    return _map_page(request, store, settings, view, Chrome.FULL, lang)


@router.get("/embed", response_class=Response, responses={200: {"content": {"text/html": {}}}})
def embedded_map(
    request: Request,
    store: Store,
    settings: Annotated[Settings, Depends(get_settings)],
    view: View,
    lang: Language,
) -> Response:
    """Show the map with little chrome, for an iframe in an article (framing allowed)."""
    return _map_page(request, store, settings, view, Chrome.EMBED, lang)


@router.get(f"{DATA_ROUTE}/{INCIDENTS_FILE}", response_class=Response, responses=GZIP_RESPONSES)
def incident_data(request: Request, store: Store) -> Response:
    """Every stored incident in the compact form the map pages draw (gzip-compressed)."""
    return answers(request).respond(
        request,
        store,
        "data",
        (),
        lambda version: Cached(map_data(request, store, version).incidents, GZIP),
        gzip_of=BINARY,
    )


@router.get(
    DATA_ROUTE + "/details-{chunk}.json.gz", response_class=Response, responses=GZIP_RESPONSES
)
def incident_details(
    request: Request,
    store: Store,
    chunk: Annotated[int, Path(ge=0, description="Which chunk of the incidents, in data order")],
) -> Response:
    """Return the popup details of a chunk of incidents, in the data resource's order (gzip)."""

    def build(version: str) -> Cached:
        data = map_data(request, store, version)
        try:
            return Cached(data.details(chunk), GZIP)
        except IndexError as error:
            raise HTTPException(404, str(error)) from None

    return answers(request).respond(request, store, "details", chunk, build, gzip_of=JSON)


@router.get(APP_ROUTE + "/{name}", response_class=Response, include_in_schema=False)
def app_asset(request: Request, name: str, v: str | None = None) -> Response:
    """Serve the page script, its styles or the reference layers (kept for good by address).

    Every one goes gzip-coded to a browser that takes gzip: the text files
    compressed once, the reference layers and the base map as they are stored.
    """
    try:
        body = app_file(name)
    except KeyError:
        raise HTTPException(404, f"no file {name!r} under {APP_ROUTE}") from None
    suffix = name.rsplit(".", 1)[-1]
    inner_type = APP_MEDIA_TYPES.get(suffix) or GZIP_CONTENT_TYPES[name]
    coded = accepts_gzip(request)
    cache_control = IMMUTABLE if v == build_id() else "public, max-age=300"
    headers = {"ETag": coded_tag(f'"{build_id()}"', coded), "Cache-Control": cache_control}
    vary_on_coding(headers)
    if matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=304, headers=headers)
    if suffix in APP_MEDIA_TYPES:
        if not coded:
            return Response(body, media_type=inner_type, headers=headers)
        body = _gzipped_app_file(name)
    return gzip_file_answer(body, inner_type, headers, coded)


@cache
def _gzipped_app_file(name: str) -> bytes:
    """Return the page script, styles or icon compressed, once (the bundle to about a third)."""
    return gzipped(app_file(name))


@router.get(BUILDER_ROUTE, response_class=Response, responses={200: {"content": {"text/html": {}}}})
def embed_builder(request: Request, view: View, lang: Language) -> Response:
    """Show the embed builder, its form set to the address's view, in the reporter's language."""
    root = request.scope.get("root_path", "")
    addresses = BuilderAddresses(
        embed=f"{root}/embed",
        snippet=root + SNIPPET_ROUTE,
        image=f"{root}/map.png",
        map=f"{root}/map",
        favicon=f"{root}{APP_ROUTE}/favicon.svg?v={build_id()}",
    )
    body = render_builder_page(view, lang, addresses)
    headers = {"Cache-Control": "public, max-age=300"}
    vary = _vary(view)
    if vary:
        headers["Vary"] = vary
    return Response(body, media_type=HTML, headers=headers)


@router.get(
    SNIPPET_ROUTE,
    response_class=Response,
    responses={
        200: {
            "description": "The HTML to paste (text), or its oEmbed answer (f=json).",
            "content": {"text/plain": {}, "application/json": {"schema": {"type": "object"}}},
        }
    },
)
def embed_snippet(
    request: Request,
    store: Store,
    view: View,
    lang: Language,
    height: Annotated[
        int | None,
        Query(description="Fixed height in pixels; by default the frame keeps a 4:3 shape."),
    ] = None,
    f: Annotated[SnippetFormat, Query(description="text (the HTML to paste) or json.")] = (
        SnippetFormat.TEXT
    ),
    maxwidth: MaxWidth = None,
    maxheight: MaxHeight = None,
) -> Response:
    """Return the iframe HTML that embeds this view of the map in an article (or its oEmbed)."""
    check_height(height)
    if f is SnippetFormat.JSON:
        return _oembed(request, store, view, lang, Frame(height, maxwidth, maxheight))
    links = snippet_links(absolute_base(request), view)

    def build(version: str) -> Cached:
        alt = describe(map_data(request, store, version).summary(view), lang)
        snippet = snippet_html(links, alt, height, lang, view.caption.title)
        return Cached(snippet.encode("utf-8"), "text/plain; charset=utf-8")

    parameters = (links, view, lang, height)
    return answers(request).respond(request, store, "snippet", parameters, build, vary=_vary(view))


@router.get(
    OEMBED_ROUTE,
    response_class=Response,
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        404: {"description": "The url is not a map page of this server"},
        501: {"description": "A format other than json"},
    },
)
def oembed(
    request: Request,
    store: Store,
    url: Annotated[str, Query(description="Address of a /map or /embed page of this server.")],
    maxwidth: MaxWidth = None,
    maxheight: MaxHeight = None,
    format: Annotated[str, Query(description="json (xml is not offered).")] = "json",
) -> Response:
    """Answer oEmbed 1.0 for a map page: a rich embed with its size, thumbnail and provider."""
    if format != "json":
        raise HTTPException(501, f"format: only json is offered, got {format!r}")
    view = _page_view(request, url)
    lang = choose_language(view.lang, request.headers.get("accept-language"))
    return _oembed(request, store, view, lang, Frame(None, maxwidth, maxheight))


@dataclass(frozen=True)
class Frame:
    """The frame an oEmbed consumer asks for: a fixed height, and its largest width and height."""

    height: int | None
    max_width: int | None
    max_height: int | None


def _oembed(
    request: Request, store: IncidentStore, view: MapView, lang: str, frame: Frame
) -> Response:
    """Answer the oEmbed object of ``view``: snippet, size, thumbnail, provider, author."""
    base = absolute_base(request)
    links = snippet_links(base, view)
    size = oembed_size(frame.height, frame.max_width, frame.max_height)
    thumbnail = Thumbnail(
        f"{base}/map.png"
        + view_query(view, width=str(size.width), height=str(size.height), lang=lang),
        size,
    )
    cache_age = answers(request).max_age_s

    def build(version: str) -> Cached:
        alt = describe(map_data(request, store, version).summary(view), lang)
        title = view.caption.title or alt
        snippet = snippet_html(links, alt, size.height, lang, view.caption.title, size.width)
        answer = oembed_answer(
            snippet,
            links,
            size,
            title=title,
            provider_url=base + "/",
            thumbnail=thumbnail,
            cache_age_s=cache_age,
            author=view.caption.byline,
        )
        return Cached(json.dumps(answer, ensure_ascii=False).encode("utf-8"), "application/json")

    parameters = (links, view, lang, size)
    return answers(request).respond(request, store, "oembed", parameters, build, vary=_vary(view))


def _page_view(request: Request, url: str) -> MapView:
    """Return the view of a map page's address on this server, or 404 for any other address."""
    parts = urlsplit(url)
    base = urlsplit(absolute_base(request))
    root = base.path.rstrip("/")
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or parts.path not in (
        f"{root}/map",
        f"{root}/embed",
    ):
        raise HTTPException(404, f"url: {url!r} is not a /map or /embed page of this server")
    return view_from_query({name: values[-1] for name, values in parse_qs(parts.query).items()})


def _map_page(
    request: Request,
    store: IncidentStore,
    settings: Settings,
    view: MapView,
    chrome: Chrome,
    lang: str,
) -> Response:
    """Answer the page shell of ``view``: the data resource, assets and links of this server.

    The page is in the language of ``lang``, else of the reader's ``Accept-Language``
    (so the answer varies with it).
    """
    root = request.scope.get("root_path", "")
    base = absolute_base(request)
    query = view_query(view)
    page_url = f"{base}/{chrome_path(chrome)}{query}"
    social = SocialLinks(
        page_url=page_url,
        card_url=f"{base}/map.png" + view_query(view, card="true", lang=lang),
        oembed_url=f"{base}{OEMBED_ROUTE}?" + urlencode({"url": page_url, "format": "json"}),
        card_size=SOCIAL_CARD_PX,
    )
    options = MapOptions(
        assets=AssetMode(settings.assets),
        asset_prefix=root + VENDOR_ROUTE,
        app_prefix=root + APP_ROUTE,
        chrome=chrome,
        data_url=f"{root}{DATA_ROUTE}/",
        geocode_url=root + GEOCODE_ROUTE,
        snippet_url=root + BUILDER_ROUTE,
        image_url=f"{root}/map.png{query}",
        chart_image_url=f"{root}/chart.png{query}",
        lang=lang,
        social=social,
    )

    def build(version: str) -> Cached:
        data = map_data(request, store, version)
        return Cached(render_page(data.summary(view), options, view, data).encode("utf-8"), HTML)

    return answers(request).respond(
        request, store, "page", (options, view), build, vary=_vary(view)
    )


def _vary(view: MapView) -> str | None:
    """Return the ``Vary`` of an answer in the page's language: none when the address names it."""
    return "Accept-Language" if view.lang is None else None


def chrome_path(chrome: Chrome) -> str:
    """Return the path of the page of a chrome: ``map`` or ``embed``."""
    return "map" if chrome is Chrome.FULL else "embed"


def absolute_base(request: Request) -> str:
    """Return the server's public address (scheme, host, path prefix), without a final slash."""
    return str(request.base_url).rstrip("/")


def snippet_links(base: str, view: MapView) -> SnippetLinks:
    """Return the absolute addresses of the embed, the full map and the image of ``view``."""
    query = view_query(view)
    return SnippetLinks(f"{base}/embed{query}", f"{base}/map{query}", f"{base}/map.png{query}")


def view_query(view: MapView, **extra: str) -> str:
    """Return ``?...`` reproducing ``view`` (with ``extra``), or nothing for the whole map.

    An ``extra`` parameter the view sets already (its ``lang``) keeps the view's value.
    """
    parameters = extra | view.as_query()
    return "?" + urlencode(parameters) if parameters else ""
