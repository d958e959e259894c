"""HTML pages: the interactive incident map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from api.deps import get_settings, get_store
from api.settings import Settings
from geo.store import IncidentQuery, IncidentStore
from maps.assets import AssetMode
from maps.incident_map import MapOptions, render_map_html

router = APIRouter(tags=["pages"])

VENDOR_ROUTE = "/assets/vendor"


@router.get("/map", response_class=HTMLResponse)
def incident_map(
    store: Annotated[IncidentStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> HTMLResponse:
    """Show every stored incident on the interactive map."""
    incidents = store.query(IncidentQuery()).incidents
    options = MapOptions(assets=AssetMode(settings.assets), asset_prefix=VENDOR_ROUTE)
    return HTMLResponse(render_map_html(incidents, options))
