"""Service endpoints: landing page, conformance, health, geocoding and export."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from starlette.background import BackgroundTask

from api.deps import get_store
from api.features import GEOJSON
from api.schemas import Health, LandingPage
from geo.geocode import geocode
from geo.io import write_incidents
from geo.store import IncidentQuery, IncidentStore
from geo.vocabulary import FileFormat
from maps.assets import API_DOCS_FILES, LOCAL_PREFIX, AssetMode, asset_url

router = APIRouter(tags=["service"])

TITLE = "launchmap"
DESCRIPTION = "Where small boats set off along the Channel coast: incidents as GeoJSON and maps."
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
]
EXPORT_TYPES = {
    FileFormat.GEOJSON: "application/geo+json",
    FileFormat.CSV: "text/csv",
    FileFormat.GPKG: "application/geopackage+sqlite3",
}


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """Show the interactive API documentation (Swagger UI), loaded from this server."""
    root = request.scope.get("root_path", "")
    script, style, icon = (
        asset_url(file, AssetMode.LOCAL, root + LOCAL_PREFIX) for file in API_DOCS_FILES
    )
    return get_swagger_ui_html(
        openapi_url=root + "/openapi.json",
        title=f"{TITLE} API",
        swagger_js_url=script,
        swagger_css_url=style,
        swagger_favicon_url=icon,
    )


@router.get("/", responses={200: {"model": LandingPage}})
def landing_page(request: Request) -> JSONResponse:
    """Link to the API description, the conformance classes, the collections and the map."""
    links: list[dict[str, Any]] = [
        {"href": str(request.url_for("landing_page")), "rel": "self", "type": "application/json"},
        {
            "href": str(request.url_for("openapi")),
            "rel": "service-desc",
            "type": "application/vnd.oai.openapi+json;version=3.0",
        },
        {
            "href": str(request.url_for("api_docs")),
            "rel": "service-doc",
            "type": "text/html",
        },
        {
            "href": str(request.url_for("conformance")),
            "rel": "conformance",
            "type": "application/json",
        },
        {"href": str(request.url_for("collections")), "rel": "data", "type": "application/json"},
        {
            "href": str(request.url_for("incident_map")),
            "rel": "alternate",
            "type": "text/html",
            "title": "Map of the incidents",
        },
    ]
    return JSONResponse({"title": TITLE, "description": DESCRIPTION, "links": links})


@router.get("/conformance")
def conformance() -> dict[str, list[str]]:
    """List the OGC API conformance classes the API implements."""
    return {"conformsTo": CONFORMANCE}


@router.get("/healthz", response_model=Health)
def healthz() -> dict[str, str]:
    """Tell that the server answers."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "The store does not answer"}})
def readyz(store: Annotated[IncidentStore, Depends(get_store)]) -> dict[str, Any]:
    """Tell that the store answers, with how many incidents it holds."""
    return {"status": "ready", "incidents": store.count()}


@router.get("/geocode", responses={200: {"content": {GEOJSON: {}}}})
def geocode_place(
    q: Annotated[str, Query(description='A place as reports write it: "off Wimereux"')],
    context: Annotated[str | None, Query(description="Text around it, for homonyms")] = None,
) -> JSONResponse:
    """Geocode a place name offline: a GeoJSON Feature (null geometry when not placed)."""
    return JSONResponse(geocode(q, context=context).feature(), media_type=GEOJSON)


@router.get("/export", responses={200: {"content": {kind: {} for kind in EXPORT_TYPES.values()}}})
def export(
    store: Annotated[IncidentStore, Depends(get_store)],
    f: Annotated[FileFormat, Query(description="geojson, csv or gpkg")] = FileFormat.GEOJSON,
) -> FileResponse:
    """Download every stored incident as a GeoJSON, CSV or GeoPackage file."""
    folder = Path(tempfile.mkdtemp(prefix="launchmap-export-"))
    path = folder / f"incidents.{f.value}"
    write_incidents(store.query(IncidentQuery()).incidents, path, f)
    return FileResponse(
        path,
        media_type=EXPORT_TYPES[f],
        filename=path.name,
        background=BackgroundTask(_remove, folder),
    )


def _remove(folder: Path) -> None:
    """Delete an export's temporary folder once the file is sent."""
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
