"""HTML pages: the interactive incident map, its embeddable form and the embed snippet.

``/map`` and ``/embed`` draw the same map from the same query string (date
range, event types, centre and zoom, see :mod:`maps.view`); ``/embed`` has
little chrome and is the only page other sites may frame. ``/embed/snippet``
writes the responsive iframe a reporter pastes into an article.
"""

from __future__ import annotations

import html
from enum import StrEnum
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from api.deps import get_settings, get_store
from api.params import map_view
from api.settings import Settings
from geo.store import IncidentQuery, IncidentStore
from maps.assets import AssetMode
from maps.errors import MapViewError
from maps.incident_map import Chrome, MapOptions, render_map_html
from maps.page_data import describe
from maps.view import MapView

router = APIRouter(tags=["pages"])

VENDOR_ROUTE = "/assets/vendor"
ITEMS_ROUTE = "/collections/incidents/items/"
SNIPPET_ROUTE = "/embed/snippet"
SNIPPET_MIN_HEIGHT_PX, SNIPPET_MAX_HEIGHT_PX = 200, 2000
PROVIDER = "launchmap"


class SnippetFormat(StrEnum):
    """The representations of the embed snippet (the ``f`` parameter)."""

    TEXT = "text"
    JSON = "json"


@router.get("/map", response_class=HTMLResponse)
def incident_map(
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    view: Annotated[MapView, Depends(map_view)],
) -> HTMLResponse:
    """Show the stored incidents on the interactive map, with the query's filters set."""
    return _map_page(request, store, settings, view, Chrome.FULL)


@router.get("/embed", response_class=HTMLResponse)
def embedded_map(
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    view: Annotated[MapView, Depends(map_view)],
) -> HTMLResponse:
    """Show the map with little chrome, for an iframe in an article (framing allowed)."""
    return _map_page(request, store, settings, view, Chrome.EMBED)


@router.get(
    SNIPPET_ROUTE,
    response_class=PlainTextResponse,
    responses={
        200: {
            "description": "The HTML to paste (text), or an oEmbed-style object (f=json).",
            "content": {"text/plain": {}, "application/json": {"schema": {"type": "object"}}},
        }
    },
)
def embed_snippet(
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    view: Annotated[MapView, Depends(map_view)],
    height: Annotated[
        int | None,
        Query(description="Fixed height in pixels; by default the frame keeps a 4:3 shape."),
    ] = None,
    f: Annotated[SnippetFormat, Query(description="text (the HTML to paste) or json.")] = (
        SnippetFormat.TEXT
    ),
) -> Response:
    """Return the iframe HTML that embeds this view of the map in an article."""
    if height is not None and not SNIPPET_MIN_HEIGHT_PX <= height <= SNIPPET_MAX_HEIGHT_PX:
        raise MapViewError(
            f"height must be between {SNIPPET_MIN_HEIGHT_PX} and {SNIPPET_MAX_HEIGHT_PX} "
            f"pixels, got {height}"
        )
    incidents = view.select(store.query(IncidentQuery()).incidents)
    alt = describe(incidents, None)
    links = _links(request, view)
    snippet = _snippet_html(links, alt, height)
    if f is SnippetFormat.JSON:
        return JSONResponse(
            {
                "type": "rich",
                "version": "1.0",
                "provider_name": PROVIDER,
                "title": alt,
                "html": snippet,
                "url": links["embed"],
                "height": height,
            }
        )
    return PlainTextResponse(snippet)


def _map_page(
    request: Request, store: IncidentStore, settings: Settings, view: MapView, chrome: Chrome
) -> HTMLResponse:
    """Render the map page of every stored incident with ``view``'s filters set."""
    incidents = store.query(IncidentQuery()).incidents
    root = request.scope.get("root_path", "")
    query = _query(view)
    options = MapOptions(
        assets=AssetMode(settings.assets),
        asset_prefix=root + VENDOR_ROUTE,
        chrome=chrome,
        details_url=root + ITEMS_ROUTE,
        snippet_url=root + SNIPPET_ROUTE,
        image_url=f"{root}/map.png{query}",
        chart_image_url=f"{root}/chart.png{query}",
    )
    return HTMLResponse(render_map_html(incidents, options, view))


def _query(view: MapView) -> str:
    """Return ``?...`` reproducing ``view``, or nothing for the unfiltered whole map."""
    parameters = view.as_query()
    return "?" + urlencode(parameters) if parameters else ""


def _links(request: Request, view: MapView) -> dict[str, str]:
    """Return the absolute addresses of the embed page, the full map and the static image."""
    base = str(request.base_url).rstrip("/")
    query = _query(view)
    return {
        "embed": f"{base}/embed{query}",
        "map": f"{base}/map{query}",
        "image": f"{base}/map.png{query}",
    }


def _snippet_html(links: dict[str, str], alt: str, height: int | None) -> str:
    """Write the responsive iframe, its caption, attribution and link to the static image."""
    embed, full, image = (html.escape(links[key]) for key in ("embed", "map", "image"))
    described = html.escape(alt)
    shape = f"height:{height}px" if height is not None else "aspect-ratio:4/3;max-height:85vh"
    shape += f";min-height:{SNIPPET_MIN_HEIGHT_PX}px"
    return (
        '<figure class="launchmap-embed" style="margin:0">\n'
        f'  <div style="position:relative;width:100%;{shape}">\n'
        f'    <iframe src="{embed}" title="{described}" loading="lazy" allowfullscreen\n'
        '      referrerpolicy="strict-origin-when-cross-origin"\n'
        '      style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>\n'
        "  </div>\n"
        f'  <figcaption style="font:12px/1.4 sans-serif">{described} '
        f'<a href="{full}">Open the full map</a> &middot; '
        f'<a href="{image}">Static image</a> &middot; '
        "Map data &copy; OpenStreetMap contributors, GSHHG, GeoNames</figcaption>\n"
        "</figure>\n"
    )
