"""FastAPI dependencies: the app's settings and its store.

They are coroutines: FastAPI runs a plain function dependency in its thread
pool, a hop that costs more than these lookups on every request.
"""

from __future__ import annotations

from fastapi import Request

from api.settings import Settings
from geo.store import IncidentStore


async def get_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> IncidentStore:
    """Return the store the app opened at start-up."""
    store: IncidentStore = request.app.state.store
    return store
