"""Fixtures for the geo tests: small incident frames, and stores of both kinds."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest

import geo.store
from geo.bundled import SAMPLE_INCIDENTS_FILE, bundled_path
from geo.model import Incident, incidents_to_frame
from geo.store import IncidentStore
from tests.conftest import StoreTarget


@pytest.fixture(autouse=True)
def _no_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any use of the user's data directory fail loudly instead of writing there."""

    def refuse() -> Path:
        raise AssertionError("a geo test reached for the user's data directory")

    monkeypatch.setattr(geo.store, "default_data_dir", refuse)


def _incident(**fields: Any) -> Incident:
    """Build a valid incident; ``fields`` override a plain launch at a made-up beach."""
    values: dict[str, Any] = {
        "event_type": "launch",
        "date": "2024-03-10",
        "place_name": "Test beach",
    }
    values.update(fields)
    return Incident.model_validate(values)


def _frame_of(*incidents: Incident) -> gpd.GeoDataFrame:
    """Return the incident GeoDataFrame (EPSG:4326) of the given incidents."""
    return incidents_to_frame(incidents)


def _numbered_frame(count: int, *, prefix: str = "t", lon0: float = 1.0) -> gpd.GeoDataFrame:
    """Return ``count`` placed, dated incidents with ids ``{prefix}-0000`` onwards."""
    return _frame_of(
        *(
            _incident(
                id=f"{prefix}-{n:04d}",
                place_name=f"Spot {n}",
                lon=lon0 + n * 0.001,
                lat=50.5,
                date=f"2024-01-{1 + n % 28:02d}",
            )
            for n in range(count)
        )
    )


@pytest.fixture
def make_incident() -> Callable[..., Incident]:
    """Build one valid incident from overrides of a plain dated launch."""
    return _incident


@pytest.fixture
def make_frame() -> Callable[..., gpd.GeoDataFrame]:
    """Turn incidents into an incident GeoDataFrame."""
    return _frame_of


@pytest.fixture
def numbered_frame() -> Callable[..., gpd.GeoDataFrame]:
    """Build ``count`` placed, dated incidents with predictable ids."""
    return _numbered_frame


@pytest.fixture
def store(store_target: StoreTarget) -> Iterator[IncidentStore]:
    """An empty (unseeded) store: a GeoPackage in a fresh folder, or a fresh PostGIS database."""
    opened = store_target.open(seed=False)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def sample_feature_count() -> int:
    """The number of Features in the bundled sample incidents file."""
    document = json.loads(bundled_path(SAMPLE_INCIDENTS_FILE).read_text(encoding="utf-8"))
    return len(document["features"])
