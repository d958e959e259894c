"""Fixtures for the API tests: an app on a fresh store, a GeoPackage file or a PostGIS database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import StoreTarget

LIMITS = {"max_limit": 5, "default_limit": 3}
"""Small page limits, so that a few incidents already make several pages."""


@pytest.fixture
def settings(store_target: StoreTarget) -> Settings:
    return Settings(**store_target.settings, **LIMITS)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def read_only_client(module_store_target: StoreTarget) -> Iterator[TestClient]:
    """One app on a fresh store of each kind, shared by a module whose tests only read.

    Made once a module, not once a test: an app on a new store costs more than
    most requests a test makes.
    """
    settings = Settings(**module_store_target.settings, **LIMITS)
    with TestClient(create_app(settings)) as test_client:
        yield test_client
