"""Static images: ``/map.png`` and ``/chart.png``, drawn on the server without any network.

They take the map's filters (``start``, ``end``, ``types``; the map also its
``lat``, ``lon`` and ``zoom``), a size (``width``, ``height``) or ``card=true``
for a 1200x630 social card. The answer carries an ETag (a hash of the PNG)
and may be cached for a few minutes; a request whose ``If-None-Match`` names
the current ETag gets 304 without the image.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Annotated

import geopandas as gpd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.deps import get_store
from api.params import map_view
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
MAX_AGE_S = 300
CACHE_CONTROL = f"public, max-age={MAX_AGE_S}"

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
    width: Width = None,
    height: Height = None,
    card: Card = False,
) -> Response:
    """Draw the stored incidents on a static map: coastline, hotspots, legend, attributions."""
    options = image_options(view, width=width, height=height, card=card)
    return _image(request, store, options, render_map_png)


@router.get("/chart.png", response_class=PNGResponse, responses=PNG_RESPONSES)
def chart_png(
    request: Request,
    store: Store,
    view: View,
    width: Width = None,
    height: Height = None,
    card: Card = False,
) -> Response:
    """Chart the stored incidents by date and kilometre along the French coast."""
    options = image_options(view, width=width, height=height, card=card)
    return _image(request, store, options, render_chart_png)


def _image(
    request: Request,
    store: IncidentStore,
    options: ImageOptions,
    render: Callable[[gpd.GeoDataFrame, ImageOptions], bytes],
) -> Response:
    """Render every stored incident with ``render``; answer the PNG, or 304 if unchanged."""
    png = render(store.query(IncidentQuery()).incidents, options)
    etag = f'"{hashlib.sha256(png).hexdigest()[:32]}"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return PNGResponse(png, headers=headers)


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weakly compared) or is ``*``."""
    if if_none_match is None:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags
