"""HTML pages: the interactive incident map, its embeddable form, their data and the snippet.

``/map`` and ``/embed`` are small page shells drawn from the same query string
(date range, event types, centre and zoom, see :mod:`maps.view`); ``/embed``
has little chrome and is the only page other sites may frame. Both load the
same data resource, ``/map/data/incidents.bin.gz`` (every stored incident, the
reader's browser filters them), popups load their details from chunks beside
it, and the page script, its styles and the reference layers come from
``/assets/launchmap/``. Every answer is built once per store version and
parameters and carries an ETag (see :mod:`api.cache`). ``/embed/snippet``
writes the responsive iframe a reporter pastes into an article.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from api.cache import IMMUTABLE, Answers, Cache, Cached, etag, matches
from api.deps import get_settings, get_store
from api.params import map_view
from api.settings import Settings
from geo.store import IncidentQuery, IncidentStore
from maps.assets import AssetMode
from maps.data_resource import INCIDENTS_FILE, MapData, build_map_data
from maps.errors import MapViewError
from maps.incident_map import Chrome, MapOptions, app_file, build_id, render_page
from maps.messages import negotiate
from maps.page_data import describe
from maps.snippet import MAX_HEIGHT_PX, MIN_HEIGHT_PX, snippet_html
from maps.view import MapView

router = APIRouter(tags=["pages"])

VENDOR_ROUTE = "/assets/vendor"
APP_ROUTE = "/assets/launchmap"
DATA_ROUTE = "/map/data"
SNIPPET_ROUTE = "/embed/snippet"
GEOCODE_ROUTE = "/geocode"
PROVIDER = "launchmap"
HTML = "text/html; charset=utf-8"
GZIP = "application/gzip"
APP_MEDIA_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
}

View = Annotated[MapView, Depends(map_view)]
Lang = Annotated[
    str | None,
    Query(description="The page's language (en or fr); by default the reader's Accept-Language."),
]
Store = Annotated[IncidentStore, Depends(get_store)]
GZIP_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {GZIP: {}}, "description": "gzip-compressed data for the map pages"},
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
    lang: Lang = None,
) -> Response:
    """Show the stored incidents on the interactive map, with the query's filters set."""
    return _map_page(request, store, settings, view, Chrome.FULL, lang)


@router.get("/embed", response_class=Response, responses={200: {"content": {"text/html": {}}}})
def embedded_map(
    request: Request,
    store: Store,
    settings: Annotated[Settings, Depends(get_settings)],
    view: View,
    lang: Lang = None,
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

    return answers(request).respond(request, store, "details", chunk, build)


@router.get(APP_ROUTE + "/{name}", response_class=Response, include_in_schema=False)
def app_asset(request: Request, name: str, v: str | None = None) -> Response:
    """Serve the page script, its styles or the reference layers (kept for good by address)."""
    try:
        body = app_file(name)
    except KeyError:
        raise HTTPException(404, f"no file {name!r} under {APP_ROUTE}") from None
    tag = f'"{build_id()}"'
    cache_control = IMMUTABLE if v == build_id() else "public, max-age=300"
    headers = {"ETag": tag, "Cache-Control": cache_control}
    if matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    media_type = APP_MEDIA_TYPES.get(name.rsplit(".", 1)[-1], GZIP)
    return Response(body, media_type=media_type, headers=headers)


@router.get(
    SNIPPET_ROUTE,
    response_class=Response,
    responses={
        200: {
            "description": "The HTML to paste (text), or an oEmbed-style object (f=json).",
            "content": {"text/plain": {}, "application/json": {"schema": {"type": "object"}}},
        }
    },
)
def embed_snippet(
    request: Request,
    store: Store,
    view: View,
    height: Annotated[
        int | None,
        Query(description="Fixed height in pixels; by default the frame keeps a 4:3 shape."),
    ] = None,
    f: Annotated[SnippetFormat, Query(description="text (the HTML to paste) or json.")] = (
        SnippetFormat.TEXT
    ),
) -> Response:
    """Return the iframe HTML that embeds this view of the map in an article."""
    if height is not None and not MIN_HEIGHT_PX <= height <= MAX_HEIGHT_PX:
        raise MapViewError(
            f"height must be between {MIN_HEIGHT_PX} and {MAX_HEIGHT_PX} pixels, got {height}"
        )
    base = str(request.base_url).rstrip("/")
    query = view_query(view)
    links = {
        "embed": f"{base}/embed{query}",
        "map": f"{base}/map{query}",
        "image": f"{base}/map.png{query}",
    }

    def build(version: str) -> Cached:
        alt = describe(map_data(request, store, version).summary(view))
        snippet = snippet_html(links, alt, height)
        if f is SnippetFormat.TEXT:
            return Cached(snippet.encode("utf-8"), "text/plain; charset=utf-8")
        oembed = {
            "type": "rich",
            "version": "1.0",
            "provider_name": PROVIDER,
            "title": alt,
            "html": snippet,
            "url": links["embed"],
            "height": height,
        }
        return Cached(json.dumps(oembed).encode("utf-8"), "application/json")

    parameters = (base, view, height, f.value)
    return answers(request).respond(request, store, "snippet", parameters, build)


def _map_page(
    request: Request,
    store: IncidentStore,
    settings: Settings,
    view: MapView,
    chrome: Chrome,
    lang: str | None,
) -> Response:
    """Answer the page shell of ``view``: the data resource, assets and links of this server.

    The page is in the language of ``lang``, else of the reader's ``Accept-Language``
    (so the answer varies with it).
    """
    root = request.scope.get("root_path", "")
    language = negotiate(lang, request.headers.get("accept-language"))
    query = view_query(view, language if lang else None)
    options = MapOptions(
        assets=AssetMode(settings.assets),
        asset_prefix=root + VENDOR_ROUTE,
        app_prefix=root + APP_ROUTE,
        chrome=chrome,
        data_url=f"{root}{DATA_ROUTE}/",
        geocode_url=root + GEOCODE_ROUTE,
        snippet_url=root + SNIPPET_ROUTE,
        image_url=f"{root}/map.png{query}",
        chart_image_url=f"{root}/chart.png{query}",
        lang=language,
        lang_in_address=lang is not None,
    )

    def build(version: str) -> Cached:
        summary = map_data(request, store, version).summary(view)
        return Cached(render_page(summary, options, view).encode("utf-8"), HTML)

    return answers(request).respond(
        request, store, "page", (options, view), build, vary="Accept-Language"
    )


def view_query(view: MapView, lang: str | None = None) -> str:
    """Return ``?...`` reproducing ``view`` (and ``lang``), or nothing for the whole map."""
    parameters = view.as_query()
    if lang:
        parameters["lang"] = lang
    return "?" + urlencode(parameters) if parameters else ""
