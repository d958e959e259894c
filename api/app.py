"""The FastAPI application: ``create_app(settings)`` wires the store, routes and errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from api import features, hotspots, pages
from api.errors import install_error_handlers
from api.schemas import Health, LandingPage
from api.settings import Settings
from geo.store import open_store
from maps.assets import VENDOR_DIR

TITLE = "launchmap"
DESCRIPTION = "Where small boats set off along the Channel coast: incidents as GeoJSON and maps."


def create_app(settings: Settings | None = None) -> FastAPI:
    """Create the launchmap API for ``settings`` (read from the environment if None).

    The store is opened when the app starts and closed when it stops.
    """
    settings = settings if settings is not None else Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(
            settings.data_dir, database_url=settings.database_url, seed=settings.seed
        )
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title=TITLE, description=DESCRIPTION, version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(hotspots.router)  # before the generic /collections/{id}/items
    app.include_router(features.router)
    app.include_router(pages.router)
    app.add_api_route("/", landing_page, methods=["GET"], responses={200: {"model": LandingPage}})
    app.add_api_route("/healthz", healthz, methods=["GET"], response_model=Health)
    app.mount(pages.VENDOR_ROUTE, StaticFiles(directory=VENDOR_DIR, check_dir=False), name="vendor")
    return app


def landing_page(request: Request) -> JSONResponse:
    """Link to the collections, the map and the API description."""
    links: list[dict[str, Any]] = [
        {"href": str(request.url_for("landing_page")), "rel": "self", "type": "application/json"},
        {
            "href": str(request.url_for("openapi")),
            "rel": "service-desc",
            "type": "application/vnd.oai.openapi+json;version=3.0",
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


def healthz() -> dict[str, str]:
    """Tell that the server answers."""
    return {"status": "ok"}
