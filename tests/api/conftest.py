"""Fixtures for the API tests: an app on a fresh store, a GeoPackage file or a PostGIS database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import StoreTarget


@pytest.fixture
def settings(store_target: StoreTarget) -> Settings:
    return Settings(**store_target.settings, max_limit=5, default_limit=3)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
