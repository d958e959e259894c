"""OGC API – Features endpoints for the incident collection: list, page, filter, fetch one."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import get_settings, get_store
from api.errors import UnknownCollectionError
from api.params import OutputFormat, parse_bbox, parse_datetime, parse_list, parse_sortby
from api.schemas import Collection, Collections, IncidentCollection, IncidentFeature
from api.settings import Settings
from api.tables import incident_table_html
from geo.io import incidents_csv
from geo.model import frame_to_features
from geo.store import IncidentQuery, IncidentStore, StoreExtent
from geo.vocabulary import EventType, LocationRole, ReviewFilter

GEOJSON = "application/geo+json"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
INCIDENTS = "incidents"
HOTSPOTS = "hotspots"
COASTLINE = "coastline"
PLACES = "places"
ORGANISATIONS = "organisations"
SQL_INTEGER_MAX = 2**63 - 1  # the store's SQL integers are 64-bit: larger values are refused

router = APIRouter(tags=["features"])


COLLECTIONS = {
    INCIDENTS: (
        "Small-boat incidents",
        "Launches, embarkations, interceptions, rescues, arrivals and finds reported along "
        "the Channel and North Sea coast, with their sources.",
    ),
    HOTSPOTS: (
        "Launch hotspots",
        "Clusters of the departure and pickup incidents, computed on request: the method "
        "(dbscan, hdbscan, coast, space-time) and its parameters are query parameters of items.",
    ),
    COASTLINE: (
        "Coastline",
        "The GSHHG 2.3.6 full-resolution shoreline of the mapped coast (LGPL).",
    ),
    PLACES: (
        "Places",
        "The gazetteer: GeoNames places (CC BY 4.0) and the coast's curated places and regions "
        "(beaches, dunes, dykes, ports, hamlets, camps, sea areas, departments, counties), each "
        "with its kind, FR/EN/NL names, commune, radius and source (some from OpenStreetMap, "
        "ODbL, or the Environment Agency, OGL v3).",
    ),
    ORGANISATIONS: (
        "Organisations",
        "Names reports use that are not places: rescue centres (CROSS, MRCC), prefectures, "
        "lifeboat stations, police, courts, hospitals, charities. The geocoder answers them as "
        "organisations, never as where an incident happened.",
    ),
}


def _collection(request: Request, collection_id: str, extent: StoreExtent) -> dict[str, Any]:
    """Describe a collection, with the extent of the stored incidents and its links."""
    base = str(request.url_for("collection", collection_id=collection_id))
    title, text = COLLECTIONS[collection_id]
    description: dict[str, Any] = {
        "id": collection_id,
        "title": title,
        "description": text,
        "itemType": "feature",
        "crs": [CRS84],
        "links": [
            {"href": base, "rel": "self", "type": "application/json", "title": "This collection"},
            {"href": f"{base}/items", "rel": "items", "type": GEOJSON, "title": title},
        ],
    }
    if extent.bbox is not None:
        interval = [extent.start.isoformat() if extent.start else None]
        interval.append(extent.end.isoformat() if extent.end else None)
        description["extent"] = {
            "spatial": {"bbox": [list(extent.bbox)], "crs": CRS84},
            "temporal": {"interval": [interval]},
        }
    return description


def check_collection(collection_id: str, served: tuple[str, ...] = tuple(COLLECTIONS)) -> None:
    """Refuse a collection id the route does not serve, naming those it does."""
    if collection_id not in served:
        raise UnknownCollectionError(
            f"no collection {collection_id!r}; this API serves: {', '.join(COLLECTIONS)}"
        )


@router.get("/collections", responses={200: {"model": Collections}})
def collections(
    request: Request, store: Annotated[IncidentStore, Depends(get_store)]
) -> JSONResponse:
    """List the feature collections the API serves."""
    self_link = {"href": str(request.url_for("collections")), "rel": "self"}
    extent = store.extent()
    body = {
        "links": [self_link | {"type": "application/json"}],
        "collections": [_collection(request, name, extent) for name in COLLECTIONS],
    }
    return JSONResponse(body)


@router.get("/collections/{collection_id}", responses={200: {"model": Collection}})
def collection(
    collection_id: str, request: Request, store: Annotated[IncidentStore, Depends(get_store)]
) -> JSONResponse:
    """Describe one feature collection."""
    check_collection(collection_id)
    return JSONResponse(_collection(request, collection_id, store.extent()))


@router.get(
    "/collections/incidents/items",
    responses={
        200: {
            "model": IncidentCollection,
            "content": {GEOJSON: {}, "text/html": {}, "text/csv": {}},
        }
    },
)
def items(
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    bbox: Annotated[
        str | None,
        Query(description="minLon,minLat,maxLon,maxLat (WGS84)", examples=["1.5,50.6,2.2,51.1"]),
    ] = None,
    datetime: Annotated[
        str | None,
        Query(
            description="A date or an interval: 2025-06-17, 2025-06-01/2025-06-30, ../2025-06-30"
        ),
    ] = None,
    limit: Annotated[
        int | None, Query(ge=1, description="Items per page (capped at the maximum)")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=SQL_INTEGER_MAX, description="Items to skip")] = 0,
    event_type: Annotated[
        str | None, Query(description="Event types, comma-separated (launch,embarkation)")
    ] = None,
    role: Annotated[
        str | None, Query(description="Location roles, comma-separated (departure,pickup)")
    ] = None,
    review_status: Annotated[
        str | None,
        Query(
            description="Review statuses, comma-separated: candidate, accepted, rejected, or none "
            "(incidents never up for review, such as imports); e.g. accepted,none"
        ),
    ] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code")] = None,
    place: Annotated[str | None, Query(description="Part of the place as written")] = None,
    min_people: Annotated[
        int | None, Query(ge=0, le=SQL_INTEGER_MAX, description="At least this many people")
    ] = None,
    sortby: Annotated[
        str | None, Query(description="Sort keys, '-' for descending: -date,people")
    ] = None,
    f: Annotated[OutputFormat, Query(description="json (GeoJSON), html or csv")] = (
        OutputFormat.JSON
    ),
) -> Response:
    """Return a page of incidents filtered by bbox, date and properties (GeoJSON, HTML, CSV)."""
    start, end = parse_datetime(datetime)
    page_size = min(limit or settings.default_limit, settings.max_limit)
    query = IncidentQuery(
        parse_bbox(bbox),
        start,
        end,
        limit=page_size,
        offset=offset,
        event_types=parse_list(event_type, "event_type", EventType),
        roles=parse_list(role, "role", LocationRole),
        review_statuses=parse_list(review_status, "review_status", ReviewFilter),
        country=country,
        place=place,
        min_people=min_people,
        sortby=parse_sortby(sortby),
    )
    result = store.query(query)
    if f is OutputFormat.CSV:
        return Response(incidents_csv(result.incidents), media_type="text/csv; charset=utf-8")
    features = result.features()
    body = {
        "type": "FeatureCollection",
        "features": features,
        "numberMatched": result.number_matched,
        "numberReturned": len(features),
        "timeStamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "links": page_links(request, page_size, offset, result.number_matched),
    }
    if f is OutputFormat.HTML:
        return HTMLResponse(incident_table_html(body))
    return JSONResponse(body, media_type=GEOJSON)


@router.get("/collections/{collection_id}/items", include_in_schema=False)
def unknown_items(collection_id: str) -> None:
    """Answer the items of a collection the API does not serve with 404."""
    check_collection(collection_id, ())


def page_links(request: Request, limit: int, offset: int, matched: int) -> list[dict[str, str]]:
    """Link to this page and its neighbours, keeping every other query parameter."""
    links = [{"href": str(request.url), "rel": "self", "type": GEOJSON}]
    if offset + limit < matched:
        next_url = request.url.include_query_params(offset=offset + limit, limit=limit)
        links.append({"href": str(next_url), "rel": "next", "type": GEOJSON})
    if offset > 0:
        prev_url = request.url.include_query_params(offset=max(offset - limit, 0), limit=limit)
        links.append({"href": str(prev_url), "rel": "prev", "type": GEOJSON})
    return links


@router.get(
    "/collections/incidents/items/{feature_id}",
    responses={200: {"model": IncidentFeature, "content": {GEOJSON: {}}}},
)
def item(
    feature_id: str, request: Request, store: Annotated[IncidentStore, Depends(get_store)]
) -> JSONResponse:
    """Return one incident as a GeoJSON Feature."""
    return JSONResponse(incident_feature(request, store, feature_id), media_type=GEOJSON)


def incident_feature(request: Request, store: IncidentStore, feature_id: str) -> dict[str, Any]:
    """Return a stored incident as a GeoJSON Feature with its self and collection links."""
    return linked_feature(request, frame_to_features(store.get(feature_id))[0])


def linked_feature(request: Request, feature: dict[str, Any]) -> dict[str, Any]:
    """Add an incident Feature's self and collection links (in place) and return it."""
    self_url = str(request.url_for("item", feature_id=feature["id"]))
    collection_url = str(request.url_for("collection", collection_id=INCIDENTS))
    feature["links"] = [
        {"href": self_url, "rel": "self", "type": GEOJSON},
        {"href": collection_url, "rel": "collection", "type": "application/json"},
    ]
    return feature
