"""A real OGC API – Features client: GDAL's OAPIF driver (through pyogrio) reads a live server.

The server is `launchmap serve` under uvicorn on a store of a few hundred
synthetic incidents. Pages are small, either because the server caps them
(``LAUNCHMAP_MAX_LIMIT``) or because GDAL is told to ask for small ones
(``PAGE_SIZE``), so GDAL must follow the ``next`` links to get every feature.
The pages are built from the store's rows without a GeoDataFrame; the last
test checks that they are what the frame of the same page would give.
"""

from __future__ import annotations

from collections.abc import Iterator

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest

from geo.model import CRS, INCIDENT_COLUMNS, frame_to_features
from geo.store import IncidentQuery, open_store
from tests.conftest import LiveServer, StoreTarget, serve_launchmap

PLACED = 300
UNPLACED = 12
SERVER_MAX_LIMIT = 40  # the most the server puts on one page, whatever GDAL asks for
BOX = (1.4, 50.6, 2.6, 51.2)  # min lon, min lat, max lon, max lat of the synthetic points
EVENT_TYPES = ("launch", "embarkation", "interception", "rescue", "arrival")


def synthetic_incidents(placed: int, unplaced: int, seed: int = 6) -> gpd.GeoDataFrame:
    """Dated incidents of several types: ``placed`` points in BOX, ``unplaced`` at country level."""
    rng = np.random.default_rng(seed)
    count = placed + unplaced
    days = rng.integers(0, 730, count)
    columns: dict[str, object] = {
        "id": [f"ogc-{n:04d}" for n in range(count)],
        "event_type": rng.choice(EVENT_TYPES, count),
        "date": (np.datetime64("2024-01-01") + days).astype(str),
        "date_precision": "day",
        "place_name": [f"Spot {n}" for n in range(count)],
        "country": "FR",
        "location_precision": ["site"] * placed + ["country"] * unplaced,
        "people": rng.integers(1, 80, count),
        "sources": [[] for _ in range(count)],
    }
    frame = pd.DataFrame(
        {
            name: pd.Series(columns.get(name), index=range(count), dtype=dtype)
            for name, dtype in INCIDENT_COLUMNS.items()
        }
    )
    lon = rng.uniform(BOX[0], BOX[2], placed).round(6)
    lat = rng.uniform(BOX[1], BOX[3], placed).round(6)
    points = list(gpd.points_from_xy(lon, lat)) + [None] * unplaced
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=CRS), crs=CRS)


@pytest.fixture(scope="module")
def incidents() -> gpd.GeoDataFrame:
    return synthetic_incidents(PLACED, UNPLACED)


@pytest.fixture(scope="module")
def server(module_store_target: StoreTarget, incidents: gpd.GeoDataFrame) -> Iterator[LiveServer]:
    """A live server on a store (of each kind) holding only the synthetic incidents, small pages."""
    store = module_store_target.open(seed=False)
    try:
        assert len(store.add(incidents).added) == PLACED + UNPLACED
    finally:
        store.close()
    env = {"LAUNCHMAP_MAX_LIMIT": str(SERVER_MAX_LIMIT), "LAUNCHMAP_DEFAULT_LIMIT": "10"}
    env |= module_store_target.env
    folder = module_store_target.data_dir.parent
    with serve_launchmap(folder, data_dir=module_store_target.data_dir, env=env) as live:
        yield live


def stored_ids(server: LiveServer, query: IncidentQuery) -> set[str]:
    """The ids the server's own store selects for ``query``, read with the store, not the API."""
    store = open_store(server.data_dir, database_url=server.database_url, seed=False)
    try:
        return set(store.query(query).incidents["id"])
    finally:
        store.close()


def gdal_read(source: str, **kwargs: object) -> gpd.GeoDataFrame:
    """Read a layer with GDAL's OAPIF driver (HTTP persistent sessions as GDAL uses them)."""
    frame: gpd.GeoDataFrame = pyogrio.read_dataframe(source, **kwargs)
    return frame


def test_gdal_lists_the_collections_as_layers(server: LiveServer) -> None:
    layers = dict(pyogrio.list_layers(f"OAPIF:{server.url}"))
    assert layers["incidents"] == "Point"
    assert {"incidents", "hotspots", "coastline", "places", "organisations"} <= set(layers)


@pytest.mark.parametrize(
    ("source", "layer", "options"),
    [
        ("OAPIF:{url}", "incidents", {}),  # GDAL asks for big pages; the server caps them
        ("OAPIF:{url}", "incidents", {"PAGE_SIZE": "7"}),
        ("OAPIF:{url}/collections/incidents", None, {"PAGE_SIZE": "25"}),
    ],
    ids=["server-capped-pages", "page-size-7", "collection-url"],
)
def test_gdal_pages_through_every_incident(
    server: LiveServer,
    incidents: gpd.GeoDataFrame,
    source: str,
    layer: str | None,
    options: dict[str, str],
) -> None:
    frame = gdal_read(source.format(url=server.url), layer=layer, **options)
    assert len(frame) == PLACED + UNPLACED, "GDAL stopped before the last page or read one twice"
    assert frame["id"].is_unique
    assert set(frame["id"]) == stored_ids(server, IncidentQuery())
    assert frame.crs is not None and frame.crs.to_epsg() == 4326

    expected = incidents.set_index("id")
    read = frame.set_index("id").loc[expected.index]
    placed = expected.geometry.notna().to_numpy()
    assert read.geometry.isna().to_numpy().tolist() == (~placed).tolist()
    assert np.allclose(read.geometry[placed].x, expected.geometry[placed].x, atol=1e-7)
    assert np.allclose(read.geometry[placed].y, expected.geometry[placed].y, atol=1e-7)
    assert read["people"].astype(int).tolist() == expected["people"].astype(int).tolist()
    assert read["event_type"].tolist() == expected["event_type"].tolist()
    assert pd.to_datetime(read["date"]).dt.strftime("%Y-%m-%d").tolist() == list(expected["date"])


@pytest.mark.parametrize(
    ("bbox", "share"),
    [
        ((1.5, 50.7, 2.0, 51.0), "some"),
        ((2.0, 50.6, 2.6, 50.9), "some"),
        ((1.0, 50.0, 3.0, 52.0), "all"),  # every placed one, none of the country-level ones
        ((0.0, 49.0, 0.5, 49.5), "none"),
    ],
)
@pytest.mark.parametrize("page_size", [None, "9"])
def test_gdal_bbox_reads_exactly_the_incidents_inside(
    server: LiveServer,
    bbox: tuple[float, float, float, float],
    share: str,
    page_size: str | None,
) -> None:
    options = {"PAGE_SIZE": page_size} if page_size else {}
    frame = gdal_read(f"OAPIF:{server.url}", layer="incidents", bbox=bbox, **options)
    expected = stored_ids(server, IncidentQuery(bbox=bbox))
    assert frame["id"].is_unique
    assert set(frame["id"]) == expected
    sizes = {"none": len(expected) == 0, "all": len(expected) == PLACED}
    assert sizes.get(share, SERVER_MAX_LIMIT < len(expected) < PLACED)


def test_gdal_attribute_filter_matches_the_server_filter(server: LiveServer) -> None:
    frame = gdal_read(
        f"OAPIF:{server.url}", layer="incidents", where="event_type = 'rescue'", PAGE_SIZE="15"
    )
    expected = stored_ids(server, IncidentQuery(event_types=("rescue",)))
    assert 15 < len(expected) < PLACED
    assert set(frame["id"]) == expected


@pytest.mark.parametrize(
    "query",
    [
        IncidentQuery(),
        IncidentQuery(bbox=(1.5, 50.7, 2.0, 51.0), limit=50, offset=20),
        IncidentQuery(bbox=BOX, limit=1000),
        IncidentQuery(bbox=(1.5, 50.7, 2.0, 51.0), event_types=("rescue",)),
        IncidentQuery(country="FR", limit=30, offset=290),
    ],
)
def test_pages_the_server_sends_are_the_stored_incidents(
    store_target: StoreTarget, incidents: gpd.GeoDataFrame, query: IncidentQuery
) -> None:
    """The Features a page is served as are what frame_to_features makes of the page's frame."""
    store = store_target.open(seed=False)
    try:
        store.add(incidents)
        result = store.query(query)
        features = result.features()
        assert features == frame_to_features(result.incidents)
        assert len(features) == len(result.incidents) > 0
        assert any(feature["geometry"] is None for feature in features) == (query.bbox is None)
    finally:
        store.close()
