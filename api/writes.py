"""Writes on the incident collection, OGC API – Features Part 4 style, behind a bearer token.

``POST`` adds a Feature (201, or 200 when the same incident is stored
already: its stable id makes a repeated create harmless), ``PUT`` replaces
one, ``PATCH`` merges a partial Feature into one (JSON merge patch: ``null``
clears a property), ``DELETE`` removes one. Every body is validated as an
incident before anything is written, derived fields are recomputed, and each
write is one store transaction: it happens whole or not at all.
"""

from __future__ import annotations

from typing import Annotated, Any

import geopandas as gpd
from fastapi import APIRouter, Body, Depends, Request, Response
from fastapi.responses import JSONResponse

from api.auth import Writer
from api.deps import get_store
from api.errors import BadBodyError, ConflictingIncidentError
from api.features import GEOJSON, incident_feature, linked_feature
from api.schemas import IncidentFeature
from geo.enrich import enrich_incidents
from geo.model import (
    DERIVED_COLUMNS,
    feature_to_record,
    frame_to_features,
    incidents_to_frame,
    parse_incident,
)
from geo.store import IncidentStore

router = APIRouter(tags=["writes"])
BODY_SOURCE = "request body"

FeatureBody = Annotated[
    dict[str, Any],
    Body(
        description="A GeoJSON Feature: a Point (lon, lat) or null geometry, and the "
        "incident's fields as properties; event_type is required.",
        examples=[
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [1.66, 50.88]},
                "properties": {"event_type": "launch", "date": "2025-06-17", "people": 40},
            }
        ],
    ),
]


def _incident_frame(feature: dict[str, Any]) -> gpd.GeoDataFrame:
    """Validate a Feature body as one incident and add its derived fields.

    Raises
    ------
    BadBodyError
        When the body is not a GeoJSON Feature with a Point or null geometry.
    InvalidIncidentError
        When a property is invalid; the message names the field and the value.
    """
    _check_feature(feature)
    try:
        record = feature_to_record(feature)
    except ValueError as error:
        raise BadBodyError(f"geometry: {error}") from None
    for derived in DERIVED_COLUMNS:
        record.pop(derived, None)  # computed here, never taken from a client
    incident = parse_incident(record, BODY_SOURCE, "feature")
    return enrich_incidents(incidents_to_frame([incident])).incidents


STORED = {"model": IncidentFeature, "content": {GEOJSON: {}}}


@router.post(
    "/collections/incidents/items",
    status_code=201,
    responses={
        201: STORED | {"description": "Stored; Location names the new incident"},
        200: STORED | {"description": "The same incident was stored already"},
        409: {"description": "The id is stored already with other content: PUT replaces it"},
    },
)
def create_incident(
    feature: FeatureBody,
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    _writer: Writer,
) -> JSONResponse:
    """Add an incident; the same incident posted again is stored once (200).

    An id stored already with other content is refused (409): replacing an
    incident is PUT's job, and a create never changes what is stored.
    """
    frame = _incident_frame(feature)
    result = store.add(frame)
    incident_id = str(frame["id"].iloc[0])
    posted = frame_to_features(frame)[0]
    if result.added:  # what was stored is this frame: answer it without reading it back
        body = linked_feature(request, posted)
    else:
        body = incident_feature(request, store, incident_id)
    if not result.added and not _same_content(body, posted):
        raise ConflictingIncidentError(
            f"id: an incident {incident_id!r} is stored already with other content; "
            f"PUT /collections/incidents/items/{incident_id} replaces it"
        )
    status = 201 if result.added else 200
    location = str(request.url_for("item", feature_id=incident_id))
    return JSONResponse(
        body, status_code=status, media_type=GEOJSON, headers={"Location": location}
    )


@router.put("/collections/incidents/items/{feature_id}", responses={200: STORED})
def replace_incident(
    feature_id: str,
    feature: FeatureBody,
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    _writer: Writer,
) -> JSONResponse:
    """Replace a stored incident by the Feature in the body (its id is the path's)."""
    _check_body_id(feature, feature_id)
    store.get(feature_id)  # 404 before anything is validated or written
    properties = dict(feature.get("properties") or {}) | {"id": feature_id}
    store.replace(_incident_frame({**feature, "properties": properties}))
    return JSONResponse(incident_feature(request, store, feature_id), media_type=GEOJSON)


@router.patch("/collections/incidents/items/{feature_id}", responses={200: STORED})
def update_incident(
    feature_id: str,
    patch: FeatureBody,
    request: Request,
    store: Annotated[IncidentStore, Depends(get_store)],
    _writer: Writer,
) -> JSONResponse:
    """Merge a partial Feature into a stored incident (``null`` clears a property).

    Reviewing an extracted candidate is such a patch:
    ``{"properties": {"review_status": "accepted"}}`` (or ``"rejected"``, or
    back to ``"candidate"``); any other value is refused with 422, naming it.
    """
    _check_body_id(patch, feature_id, patch=True)
    current = incident_feature(request, store, feature_id)
    properties = {**current["properties"], **(patch.get("properties") or {}), "id": feature_id}
    geometry = patch["geometry"] if "geometry" in patch else current["geometry"]
    merged = {"type": "Feature", "geometry": geometry, "properties": properties}
    store.replace(_incident_frame(merged))
    return JSONResponse(incident_feature(request, store, feature_id), media_type=GEOJSON)


@router.delete("/collections/incidents/items/{feature_id}", status_code=204)
def delete_incident(
    feature_id: str, store: Annotated[IncidentStore, Depends(get_store)], _writer: Writer
) -> Response:
    """Delete a stored incident."""
    store.delete(feature_id)
    return Response(status_code=204)


def _same_content(stored: dict[str, Any], posted: dict[str, Any]) -> bool:
    """Tell whether a posted Feature says what the stored one says (point and properties)."""
    return all(stored[key] == posted[key] for key in ("geometry", "properties"))


def _check_feature(feature: dict[str, Any], *, patch: bool = False) -> None:
    """Refuse a body that is not a GeoJSON Feature whose properties (if any) are an object.

    A merge patch may leave ``type`` out (members it lacks stay as they are),
    but a ``type`` it gives must be ``Feature``.
    """
    if feature.get("type") != "Feature" and not (patch and "type" not in feature):
        raise BadBodyError(f"type: the body must be a GeoJSON Feature, got {feature.get('type')!r}")
    properties = feature.get("properties")
    if properties is not None and not isinstance(properties, dict):
        raise BadBodyError(
            f"properties: must be an object (or null), got {type(properties).__name__} "
            f"{properties!r:.80}"
        )


def _check_body_id(feature: dict[str, Any], feature_id: str, *, patch: bool = False) -> None:
    """Refuse a body that is not a Feature, or whose id differs from the one in the path."""
    _check_feature(feature, patch=patch)
    body_ids = {str(feature.get("id")), str((feature.get("properties") or {}).get("id"))}
    body_ids -= {"None"}
    if body_ids and body_ids != {feature_id}:
        raise BadBodyError(
            f"id: the body's id {sorted(body_ids)[0]!r} differs from the path's {feature_id!r}"
        )
