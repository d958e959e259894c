"""The bundled reference data as collections: the coastline, the gazetteer's places, organisations.

Each is a read-only GeoDataFrame; items are selected by bbox (with the same
check as the incidents) and country, paged like the incidents, and each
feature can be fetched by its id. Places carry their kind, precision,
French, English and Dutch names, commune, radius and source; organisations
(rescue centres, prefectures, lifeboat stations …) are names reports use
that are not places: their own collection, with a point only where their
seat was looked up.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import geopandas as gpd
import shapely
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from api.deps import get_settings
from api.errors import UnknownCollectionError
from api.features import COASTLINE, GEOJSON, ORGANISATIONS, PLACES, page_links
from api.params import parse_bbox
from api.settings import Settings
from geo.coast import CoastLayer, coastline_layer
from geo.gazetteer import gazetteer, organisations
from geo.model import CRS

router = APIRouter(tags=["reference data"])


@cache
def _coastline() -> gpd.GeoDataFrame:
    """Return the shoreline lines with ids ``shore-<n>``, built once."""
    lines = coastline_layer(CoastLayer.SHORELINE).reset_index(drop=True)
    lines.insert(0, "id", [f"shore-{number}" for number in range(len(lines))])
    return lines


_INTERNAL_COLUMNS = ["lon", "lat", "shore_lon", "shore_lat", "reference_line_m"]


@cache
def _places() -> gpd.GeoDataFrame:
    """Return the gazetteer places with their ids as ``id``, built once."""
    places = gazetteer().reset_index(drop=True).rename(columns={"place_id": "id"})
    return places.drop(columns=_INTERNAL_COLUMNS)


@cache
def _organisations() -> gpd.GeoDataFrame:
    """Return the organisations with their ids as ``id`` (no point where no seat), built once."""
    rows = organisations()
    points = [
        None if body.lon is None or body.lat is None else shapely.Point(body.lon, body.lat)
        for body in rows
    ]
    columns: dict[str, list[Any]] = {
        "id": [body.org_id for body in rows],
        "name": [body.name for body in rows],
        "alternate_names": ["|".join(body.alternate_names) or None for body in rows],
        "kind": [body.kind for body in rows],
        "country": [body.country for body in rows],
        "commune": [body.commune for body in rows],
        "source": [body.source or None for body in rows],
    }
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(points, crs=CRS), crs=CRS)


TABLES = {COASTLINE: _coastline, PLACES: _places, ORGANISATIONS: _organisations}


def _features(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """GeoJSON Features of a reference table (its ``id`` column as Feature id)."""
    collection: dict[str, Any] = json.loads(frame.to_json(na="null", drop_id=True))
    for feature in collection["features"]:
        feature["id"] = feature["properties"]["id"]
    features: list[dict[str, Any]] = collection["features"]
    return features


def _selected(frame: gpd.GeoDataFrame, bbox: str | None, country: str | None) -> gpd.GeoDataFrame:
    """Keep the rows that meet a bbox and are of a country, when these are given."""
    box = parse_bbox(bbox)
    if box is not None:
        frame = frame.cx[box[0] : box[2], box[1] : box[3]]
    if country is not None and "country" in frame.columns:
        frame = frame[frame["country"] == country.upper()]
    return frame


def _page_body(
    request: Request, features: list[dict[str, Any]], matched: int, limit: int, offset: int
) -> dict[str, Any]:
    """Wrap a page of features as an OGC API FeatureCollection."""
    return {
        "type": "FeatureCollection",
        "features": features,
        "numberMatched": matched,
        "numberReturned": len(features),
        "timeStamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "links": page_links(request, limit, offset, matched),
    }


def _reference_items(collection_id: str) -> Callable[..., JSONResponse]:
    """Make the items handler of one reference collection."""

    def handler(
        request: Request,
        settings: Annotated[Settings, Depends(get_settings)],
        bbox: Annotated[str | None, Query(description="minLon,minLat,maxLon,maxLat")] = None,
        country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code")] = None,
        limit: Annotated[int | None, Query(ge=1, description="Items per page")] = None,
        offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
    ) -> JSONResponse:
        selected = _selected(TABLES[collection_id](), bbox, country)
        page_size = min(limit or settings.default_limit, settings.max_limit)
        page = _features(selected.iloc[offset : offset + page_size])
        body = _page_body(request, page, len(selected), page_size, offset)
        return JSONResponse(body, media_type=GEOJSON)

    return handler


def _reference_item(collection_id: str) -> Callable[..., JSONResponse]:
    """Make the one-feature handler of one reference collection."""

    def handler(feature_id: str) -> JSONResponse:
        table = TABLES[collection_id]()
        row = table[table["id"] == feature_id]
        if row.empty:
            raise UnknownCollectionError(f"no feature {feature_id!r} in {collection_id}")
        return JSONResponse(_features(row)[0], media_type=GEOJSON)

    return handler


for _collection_id in TABLES:
    router.add_api_route(
        f"/collections/{_collection_id}/items",
        _reference_items(_collection_id),
        methods=["GET"],
        name=f"{_collection_id}_items",
        summary=f"Items of the {_collection_id} collection",
        responses={200: {"content": {GEOJSON: {}}}},
    )
    router.add_api_route(
        f"/collections/{_collection_id}/items/{{feature_id}}",
        _reference_item(_collection_id),
        methods=["GET"],
        name=f"{_collection_id}_item",
        summary=f"One feature of the {_collection_id} collection",
        responses={200: {"content": {GEOJSON: {}}}},
    )
