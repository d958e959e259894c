"""Response models of the API, for its OpenAPI document and for checking responses.

Handlers build plain dicts for speed; these models describe them and the tests
validate real responses against them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from geo.model import IncidentProperties


class Link(BaseModel):
    """A hypermedia link (OGC API – Features / RFC 8288)."""

    href: str
    rel: str
    type: str | None = None
    title: str | None = None


class PointGeometry(BaseModel):
    """A GeoJSON Point in lon/lat order (RFC 7946)."""

    type: Literal["Point"]
    coordinates: list[float] = Field(min_length=2, max_length=3)


class IncidentFeature(BaseModel):
    """One incident as a GeoJSON Feature; ``geometry`` is null at country level."""

    model_config = ConfigDict(extra="allow")

    type: Literal["Feature"]
    id: str
    geometry: PointGeometry | None
    properties: IncidentProperties


class IncidentCollection(BaseModel):
    """A page of incidents as a GeoJSON FeatureCollection with OGC paging members."""

    type: Literal["FeatureCollection"]
    features: list[IncidentFeature]
    numberMatched: int = Field(ge=0)  # noqa: N815 - OGC API member name
    numberReturned: int = Field(ge=0)  # noqa: N815 - OGC API member name
    timeStamp: str  # noqa: N815 - OGC API member name
    links: list[Link]


class SpatialExtent(BaseModel):
    """Bounding boxes of a collection: [minLon, minLat, maxLon, maxLat] in CRS84."""

    bbox: list[list[float]] = Field(min_length=1)
    crs: str


class TemporalExtent(BaseModel):
    """Date intervals of a collection; null stands for an open end."""

    interval: list[list[str | None]] = Field(min_length=1)


class Extent(BaseModel):
    """A collection's spatial and temporal extent (OGC API – Features)."""

    spatial: SpatialExtent
    temporal: TemporalExtent


class Collection(BaseModel):
    """A feature collection's description."""

    id: str
    title: str
    description: str
    links: list[Link]
    extent: Extent | None = None
    itemType: str = "feature"  # noqa: N815 - OGC API member name
    crs: list[str]


class Collections(BaseModel):
    """The list of feature collections."""

    links: list[Link]
    collections: list[Collection]


class LandingPage(BaseModel):
    """The API's landing page."""

    title: str
    description: str
    links: list[Link]


class Health(BaseModel):
    """The answer of ``/healthz``."""

    status: Literal["ok"]
