"""The hotspots collection: launch clusters computed from the stored incidents on request.

The clustering method and its parameters are query parameters, and travel
back in the response (``clustering``), so a client always knows how the
hotspots it shows were found. An answer is computed once per store version
and query, then served from memory with its ETag (see :mod:`api.cache`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import geopandas as gpd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.cache import Cached
from api.deps import get_settings, get_store
from api.features import GEOJSON, page_links
from api.pages import answers
from api.params import parse_bbox, parse_datetime
from api.settings import Settings
from geo.cluster import cluster_incidents, hotspot_features, hotspot_shifts, hotspots, json_value
from geo.cluster_params import ClusterParams, parse_roles
from geo.model import plain_records
from geo.store import IncidentQuery, IncidentStore
from geo.vocabulary import ClusterMethod

router = APIRouter(tags=["hotspots"])
DEFAULTS = ClusterParams()


def _shifts_by_hotspot(clustered: gpd.GeoDataFrame, period: str) -> dict[str, list[dict[str, Any]]]:
    """Group a hotspot's per-period counts and coast km centres under its id."""
    shifts: dict[str, list[dict[str, Any]]] = {}
    table = hotspot_shifts(clustered, period)
    for record in plain_records(table):
        entry = {
            key: json_value(record[key])
            for key in ("period", "incidents", "people", "coast_km_centre")
        }
        shifts.setdefault(str(record["hotspot_id"]), []).append(entry)
    return shifts


@router.get(
    "/collections/hotspots/items",
    response_class=Response,
    responses={
        200: {"content": {GEOJSON: {}}, "description": "Hotspots as GeoJSON hulls"},
        304: {"description": "Unchanged since the ETag given in If-None-Match"},
    },
)
def hotspot_items(
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    method: Annotated[ClusterMethod, Query(description="Clustering method")] = DEFAULTS.method,
    eps_m: Annotated[
        float, Query(description="dbscan, space-time: neighbour distance in metres")
    ] = DEFAULTS.eps_m,
    min_samples: Annotated[
        int, Query(description="Incidents (or weight) that make a cluster")
    ] = DEFAULTS.min_samples,
    eps_km: Annotated[
        float, Query(description="coast: largest gap along the coast, km")
    ] = DEFAULTS.eps_km,
    gap_days: Annotated[
        float, Query(description="space-time: largest gap in days")
    ] = DEFAULTS.gap_days,
    min_cluster_size: Annotated[
        int, Query(description="hdbscan: smallest cluster")
    ] = DEFAULTS.min_cluster_size,
    weight: Annotated[str, Query(description="none, people or boats")] = DEFAULTS.weight,
    roles: Annotated[
        str | None,
        Query(
            description="Location roles used, comma-separated, or 'all' (default: departure,pickup)"
        ),
    ] = None,
    period: Annotated[
        str | None, Query(description="month or quarter: add each hotspot's counts per period")
    ] = None,
    bbox: Annotated[
        str | None, Query(description="minLon,minLat,maxLon,maxLat of the incidents")
    ] = None,
    datetime: Annotated[str | None, Query(description="Date or interval of the incidents")] = None,
    limit: Annotated[int | None, Query(ge=1, description="Hotspots per page")] = None,
    offset: Annotated[int, Query(ge=0, description="Hotspots to skip")] = 0,
) -> Response:
    """Cluster the stored incidents and return the hotspots as GeoJSON hull polygons."""
    params = ClusterParams(
        method=method,
        eps_m=eps_m,
        min_samples=min_samples,
        eps_km=eps_km,
        gap_days=gap_days,
        min_cluster_size=min_cluster_size,
        weight=weight,
        roles=parse_roles(roles),
    )
    start, end = parse_datetime(datetime)
    query = IncidentQuery(parse_bbox(bbox), start, end)
    page_size = min(limit or settings.default_limit, settings.max_limit)

    def build(_version: str) -> Cached:
        clustered = cluster_incidents(store.query(query).incidents, params)
        features = hotspot_features(hotspots(clustered))
        if period is not None:
            shifts = _shifts_by_hotspot(clustered, period)
            for feature in features:
                feature["properties"]["shifts"] = shifts.get(feature["id"], [])
        page = features[offset : offset + page_size]
        body = {
            "type": "FeatureCollection",
            "features": page,
            "numberMatched": len(features),
            "numberReturned": len(page),
            "timeStamp": dt.datetime.now(dt.UTC)
            .isoformat(timespec="seconds")
            .replace("+00:00", "Z"),
            "clustering": params.as_dict(),
            "links": page_links(request, page_size, offset, len(features)),
        }
        return Cached(json.dumps(body).encode("utf-8"), GEOJSON)

    return answers(request).respond(request, store, "hotspots", str(request.url), build)
