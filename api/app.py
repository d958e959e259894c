"""The FastAPI application: ``create_app(settings)`` wires the store, routes and errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from api import extract, features, hotspots, images, pages, reference, service, writes
from api.cache import Answers, Cache
from api.errors import install_error_handlers
from api.middleware import AccessLog, BodyLimit, PublicAddress, RateLimit, SecurityHeaders
from api.service import DESCRIPTION, TITLE
from api.settings import Settings
from geo.store import open_store
from maps.assets import CDN_ROOT, VENDOR_DIR
from maps.data_resource import MapData

MAP_DATA_VERSIONS = 2
"""Data resources kept in memory: the current store version's and the one before (none
when ``cache_max_bytes`` is 0: then every answer is built for its request)."""
VENDOR_MAX_AGE_S = 86_400


def create_app(settings: Settings | None = None) -> FastAPI:
    """Create the launchmap API for ``settings`` (read from the environment if None).

    The store is opened when the app starts and closed when it stops.
    """
    settings = settings if settings is not None else Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(
            settings.data_dir, database_url=settings.database_address(), seed=settings.seed
        )
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title=TITLE,
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served by api.service from the vendored Swagger UI, not a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.answers = Answers(settings.cache_max_bytes, settings.cache_max_age_s)
    app.state.map_data = Cache[MapData](MAP_DATA_VERSIONS if settings.cache_max_bytes else 0)
    install_error_handlers(app)
    app.include_router(hotspots.router)  # these come before the generic /collections/{id}/items
    app.include_router(reference.router)
    app.include_router(features.router)
    app.include_router(writes.router)
    app.include_router(extract.router)
    app.include_router(pages.router)
    app.include_router(images.router)
    app.include_router(service.router)
    vendor = VendorFiles(directory=VENDOR_DIR, check_dir=False)
    app.mount(pages.VENDOR_ROUTE, vendor, name="vendor")
    _add_middleware(app, settings)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Wrap the app in CORS, limits, security headers, the public address and the log."""
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(
        RateLimit, per_minute=settings.write_rate_per_minute, limited_paths=("/extract",)
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    cdn_hosts = (CDN_ROOT,) if settings.assets == "cdn" else ()
    app.add_middleware(SecurityHeaders, cdn_hosts=cdn_hosts)
    public_url = str(settings.public_url) if settings.public_url else None
    app.add_middleware(PublicAddress, public_url=public_url, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(AccessLog)


class VendorFiles(StaticFiles):
    """Leaflet and its plugins, which browsers and CDNs may keep for a day."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        """Serve one file, with a Cache-Control of a day on success."""
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = f"public, max-age={VENDOR_MAX_AGE_S}"
        return response
