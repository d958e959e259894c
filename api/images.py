"""Static images: ``/map.png`` and ``/chart.png``, drawn on the server without any network.

They take the map's filters (``start``, ``end``, ``types``; the map also its
``lat``, ``lon`` and ``zoom`` or ``bbox``), the reporter's ``title``,
``subtitle``, ``source`` and ``byline``, a size (``width``, ``height``) or
``card=true`` for a 1200x630 social card, and draw every word in the
address's ``lang``, else the browser's (``Accept-Language``). An image is
drawn once per store version and options, then served from memory (see
:mod:`api.cache`): its ETag comes from them, and a request whose
``If-None-Match`` names the current ETag gets 304 without the image.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import geopandas as gpd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.cache import Cached
from api.deps import get_store
from api.pages import answers
from api.params import map_view, page_language
from geo.store import IncidentQuery, IncidentStore
from maps.static import (
    MAX_IMAGE_PX,
    MIN_IMAGE_PX,
    ImageOptions,
    image_options,
    render_chart_png,
    render_map_png,
)
from maps.view import MapView

router = APIRouter(tags=["images"])

PNG_MEDIA_TYPE = "image/png"

Width = Annotated[
    int | None,
    Query(ge=MIN_IMAGE_PX, le=MAX_IMAGE_PX, description="Image width in pixels (default 1200)."),
]
Height = Annotated[
    int | None,
    Query(ge=MIN_IMAGE_PX, le=MAX_IMAGE_PX, description="Image height in pixels (default 800)."),
]
Card = Annotated[
    bool,
    Query(description="A 1200x630 social card (Open Graph) image; not with width or height."),
]
View = Annotated[MapView, Depends(map_view)]
Language = Annotated[str, Depends(page_language)]
Store = Annotated[IncidentStore, Depends(get_store)]


class PNGResponse(Response):
    """A PNG image."""

    media_type = PNG_MEDIA_TYPE


PNG_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {PNG_MEDIA_TYPE: {}}, "description": "The image (PNG)"},
    304: {"description": "The image has not changed since the ETag given in If-None-Match"},
}


@router.get("/map.png", response_class=PNGResponse, responses=PNG_RESPONSES)
def map_png(
    request: Request,
    store: Store,
    view: View,
    lang: Language,
    width: Width = None,
    height: Height = None,
    card: Card = False,
) -> Response:
    """Draw the stored incidents on a static map: coastline, hotspots, legend, attributions."""
    options = image_options(view, width=width, height=height, card=card, lang=lang)
    return _image(request, store, "map.png", options, render_map_png)


@router.get("/chart.png", response_class=PNGResponse, responses=PNG_RESPONSES)
def chart_png(
    request: Request,
    store: Store,
    view: View,
    lang: Language,
    width: Width = None,
    height: Height = None,
    card: Card = False,
) -> Response:
    """Chart the stored incidents by date and kilometre along the French coast."""
    options = image_options(view, width=width, height=height, card=card, lang=lang)
    return _image(request, store, "chart.png", options, render_chart_png)


def _image(
    request: Request,
    store: IncidentStore,
    kind: str,
    options: ImageOptions,
    render: Callable[[gpd.GeoDataFrame, ImageOptions], bytes],
) -> Response:
    """Answer the PNG ``render`` draws of every stored incident (once per version), or 304."""

    def build(_version: str) -> Cached:
        return Cached(render(store.query(IncidentQuery()).incidents, options), PNG_MEDIA_TYPE)

    return answers(request).respond(
        request,
        store,
        kind,
        options,
        build,
        vary="Accept-Language" if options.view.lang is None else None,
    )
