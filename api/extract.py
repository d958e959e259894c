"""``POST /extract``: report text in, candidate incidents out; stored only when asked.

The route needs the write token (``Authorization: Bearer <token>``) whether
or not it stores: it runs the extractor on text the caller sends, and with
``"store": true`` adds the incidents to the store. Include it in the app with
``app.include_router(extract.router)``.
"""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from api.auth import Writer
from api.deps import get_store
from api.errors import PROBLEM_MEDIA_TYPE, problem
from api.features import GEOJSON
from geo.enrich import enrich_incidents
from geo.model import frame_to_features, incidents_to_frame
from geo.store import IncidentStore

MAX_TEXT_CHARS = 1_000_000
"""The longest text one request may send (about 1 MB); longer is answered 413."""

router = APIRouter(tags=["extract"])


class ExtractRequest(BaseModel):
    """A report to extract incidents from, and whether to store them."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        description=f"The report: plain text or HTML, at most {MAX_TEXT_CHARS:,} characters."
    )
    url: str | None = Field(
        default=None, description="The report's http(s) address, kept in each incident's source."
    )
    published: dt.date | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD): relative dates in the text resolve against it.",
    )
    store: StrictBool = Field(default=False, description="Add the incidents to the store.")

    @field_validator("published", mode="before")
    @classmethod
    def _published_is_a_date(cls, published: object) -> object:
        """Take the date as text (YYYY-MM-DD) or a date, never as a number of days."""
        if published is None or isinstance(published, str | dt.date):
            return published
        raise ValueError(f"must be a YYYY-MM-DD date, got {published!r}")

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, url: str | None) -> str | None:
        """Accept only http(s) addresses: they become links in map popups."""
        from geo.extract import check_url  # see extract(): the extractor loads at first use

        return check_url(url, "url")


class ExtractResponse(BaseModel):
    """The candidate incidents as a GeoJSON FeatureCollection, and how many were stored."""

    type: str = "FeatureCollection"
    features: list[dict[str, Any]]
    stored: int = Field(description="Incidents newly added to the store (0 unless store is true).")


@router.post(
    "/extract",
    response_model=ExtractResponse,
    responses={
        200: {"content": {GEOJSON: {}}},
        400: {"content": {PROBLEM_MEDIA_TYPE: {}}, "description": "A bad field, named."},
        401: {"content": {PROBLEM_MEDIA_TYPE: {}}, "description": "No valid write token."},
        403: {"content": {PROBLEM_MEDIA_TYPE: {}}, "description": "The API is read-only."},
        413: {"content": {PROBLEM_MEDIA_TYPE: {}}, "description": "The text is too long."},
    },
)
def extract(
    body: ExtractRequest,
    request: Request,
    _writer: Writer,
    store: Annotated[IncidentStore, Depends(get_store)],
) -> JSONResponse:
    """Extract the candidate incidents of a report; store them when ``store`` is true.

    Each incident is geocoded and related to the coast as on import; the
    answer lists them as GeoJSON Features with ``stored``, the number newly
    added (an incident already stored keeps its id and is not added again).
    """
    # The extractor's patterns take over half a second to compile: a server loads them at its
    # first extraction, not at every start (of each worker) when most servers never extract.
    from geo.extract import extract_incidents

    if len(body.text) > MAX_TEXT_CHARS:
        return problem(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f"text: {len(body.text):,} characters is too long (at most {MAX_TEXT_CHARS:,})",
            request.url.path,
        )
    incidents = extract_incidents(body.text, url=body.url, published=body.published)
    enriched = enrich_incidents(incidents_to_frame(incidents)).incidents
    stored = len(store.add(enriched).added) if body.store else 0
    collection = {"type": "FeatureCollection", "features": frame_to_features(enriched)}
    return JSONResponse(collection | {"stored": stored}, media_type=GEOJSON)
