"""The incident: one report of a small-boat event, as a model and as a table row.

An incident is validated once, as an :class:`Incident`, wherever it enters
launchmap (a file, the API, the extractor). Collections of incidents travel as
GeoDataFrames in EPSG:4326 with the columns of :data:`INCIDENT_COLUMNS`, and
leave as GeoJSON Features (RFC 7946: lon/lat order, null geometry for an
incident placed only at country level).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any, Self

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from geo.errors import InvalidIncidentError, RowProblem
from geo.vocabulary import DatePrecision, EventType, LocationPrecision, LocationRole, ReviewStatus

CRS = "EPSG:4326"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"
MAX_TEXT_CHARS = 10_000
MAX_INTEGER = 2**63 - 1  # both stores keep integers in 64 bits
MAX_EXTRA_CHARS = 20_000  # the extra properties of one record, as JSON text


def _storable_text(value: object) -> object:
    """Refuse text with a NUL character: no report has one, and PostgreSQL text cannot hold it."""
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("must not contain NUL (\\x00) characters")
    return value


class Source(BaseModel):
    """Where an incident was reported: a document's address, publisher, date, quote and title."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    _text_is_storable = field_validator("*")(_storable_text)

    url: str | None = Field(default=None, max_length=2048)
    publisher: str | None = Field(default=None, max_length=300)
    published: dt.date | None = None
    quote: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(default=None, max_length=500)

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, url: str | None) -> str | None:
        """Accept only http(s) addresses: they become links in map popups."""
        if url is None:
            return None
        if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
            raise ValueError("must be an http:// or https:// address without spaces")
        return url


class IncidentProperties(BaseModel):
    """An incident's fields other than its point: the properties of its GeoJSON Feature."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    _text_is_storable = field_validator("*")(_storable_text)

    id: str | None = Field(default=None, pattern=ID_PATTERN)
    event_type: EventType
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    place_name: str | None = Field(default=None, max_length=500)
    place_id: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    location_precision: LocationPrecision | None = None
    uncertainty_m: float | None = Field(default=None, ge=0.0, allow_inf_nan=False)
    location_role: LocationRole | None = None
    people: int | None = Field(default=None, ge=0, le=MAX_INTEGER)
    boats: int | None = Field(default=None, ge=0, le=MAX_INTEGER)
    description: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    sources: list[Source] = Field(default_factory=list, max_length=100)
    shore_distance_m: float | None = Field(default=None, allow_inf_nan=False)
    coast_km: float | None = Field(default=None, allow_inf_nan=False)
    nearest_place: str | None = Field(default=None, max_length=500)
    cluster_id: int | None = Field(default=None, ge=-MAX_INTEGER - 1, le=MAX_INTEGER)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, allow_inf_nan=False)
    review_status: ReviewStatus | None = None
    extra: dict[str, Any] | None = None

    @field_validator("country", mode="before")
    @classmethod
    def _country_upper(cls, country: object) -> object:
        """Let ``fr`` stand for ``FR``: the codes are case-insensitive in the wild."""
        return country.strip().upper() if isinstance(country, str) else country

    @field_validator("extra")
    @classmethod
    def _extra_is_json(cls, extra: dict[str, Any] | None) -> dict[str, Any] | None:
        """Keep another dataset's unused properties as a JSON object of bounded size."""
        if extra is None:
            return None
        try:
            text = json.dumps(extra, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ValueError(f"must hold JSON values only ({error})") from None
        except RecursionError:
            raise ValueError("is nested too deeply to be kept") from None
        if len(text) > MAX_EXTRA_CHARS:
            raise ValueError(f"must be at most {MAX_EXTRA_CHARS:,} characters as JSON")
        return extra or None


class Incident(IncidentProperties):
    """One incident with DESIGN.md's fields; ``lon``/``lat`` stand for its Point.

    An incident without ``id`` gets a stable one derived from what it reports
    (:func:`stable_incident_id`), so the same report imported twice is one incident.
    """

    lon: float | None = Field(default=None, ge=-180.0, le=180.0)
    lat: float | None = Field(default=None, ge=-90.0, le=90.0)

    @model_validator(mode="after")
    def _complete(self) -> Self:
        """Check the fields that depend on each other and fill the derived defaults."""
        if (self.lon is None) != (self.lat is None):
            raise ValueError("lon and lat must be given together (or neither)")
        if self.date_precision is not None and self.date is None:
            raise ValueError("date_precision needs a date")
        if self.date is not None and self.date_precision is None:
            self.date_precision = DatePrecision.DAY
        if self.id is None:
            self.id = stable_incident_id(self)
        return self

    @property
    def point(self) -> shapely.Point | None:
        """The incident's Point, or None when it is placed only at country level."""
        if self.lon is None or self.lat is None:
            return None
        return shapely.Point(self.lon, self.lat)


def stable_incident_id(incident: Incident) -> str:
    """Derive an id from what an incident reports, so re-imports match.

    The key is the event type, date, place as written (case-folded), counts and
    source addresses; coordinates join it only when no place name is given, so
    geocoding a place better later keeps the id.
    """
    place = " ".join((incident.place_name or "").casefold().split())
    key: list[Any] = [
        incident.event_type.value,
        incident.date.isoformat() if incident.date else None,
        place,
        incident.people,
        incident.boats,
        sorted(source.url for source in incident.sources if source.url),
    ]
    if not place and incident.lon is not None and incident.lat is not None:
        key.append([round(incident.lon, 5), round(incident.lat, 5)])
    digest = hashlib.sha256(json.dumps(key, separators=(",", ":")).encode()).hexdigest()
    return f"inc-{digest[:16]}"


# Column name -> pandas dtype of the incident GeoDataFrame, in order; ``geometry`` follows.
INCIDENT_COLUMNS: dict[str, str] = {
    "id": "object",
    "event_type": "object",
    "date": "object",
    "date_precision": "object",
    "place_name": "object",
    "place_id": "object",
    "country": "object",
    "location_precision": "object",
    "uncertainty_m": "float64",
    "location_role": "object",
    "people": "Int64",
    "boats": "Int64",
    "description": "object",
    "sources": "object",
    "shore_distance_m": "float64",
    "coast_km": "float64",
    "nearest_place": "object",
    "cluster_id": "Int64",
    "confidence": "float64",
    "review_status": "object",
    "extra": "object",
}
DERIVED_COLUMNS = ("shore_distance_m", "coast_km", "nearest_place", "cluster_id")
JSON_COLUMNS: dict[str, Any] = {"sources": [], "extra": None}
"""Columns that hold JSON (a list, an object): text in files and stores; their empty value."""


def json_column_text(name: str, value: Any) -> str | None:
    """Write a JSON column's value as text: ``sources`` always, ``extra`` only when it has keys."""
    empty = JSON_COLUMNS[name]
    if not value:
        return None if empty is None else json.dumps(empty)
    return json.dumps(value, ensure_ascii=False)


def json_column_texts(column: pd.Series) -> pd.Series:
    """Write a whole JSON column as text, keeping missing values None (an object column)."""
    texts = [json_column_text(str(column.name), value) for value in column]
    return pd.Series(texts, index=column.index, dtype=object)


def json_column_value(name: str, text: str | None) -> Any:
    """Read a JSON column's text back; missing text is the column's empty value.

    Missing text may come as None or, from a pandas text column, as NaN.
    """
    if not isinstance(text, str) or not text:
        return copy.copy(JSON_COLUMNS[name])
    return json.loads(text)


def parse_incident(record: Mapping[str, Any], source: str, location: str) -> Incident:
    """Validate one raw record (a CSV row, a Feature's properties …) as an Incident.

    Raises
    ------
    InvalidIncidentError
        Naming ``source`` (the file), ``location`` (the line or feature), each
        bad field and its value.
    """
    try:
        return Incident.model_validate(record)
    except ValidationError as error:
        problems = [
            RowProblem(
                source=source,
                location=location,
                field=".".join(str(part) for part in detail["loc"]) or "record",
                value=detail.get("input"),
                message=detail["msg"],
            )
            for detail in error.errors()
        ]
        raise InvalidIncidentError(problems) from None


def empty_incident_frame() -> gpd.GeoDataFrame:
    """Return an incident GeoDataFrame with no rows and the full schema."""
    frame = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in INCIDENT_COLUMNS.items()})
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs=CRS), crs=CRS)


def incidents_to_frame(incidents: Iterable[Incident]) -> gpd.GeoDataFrame:
    """Turn validated incidents into an incident GeoDataFrame (EPSG:4326)."""
    rows = [_incident_row(incident) for incident in incidents]
    if not rows:
        return empty_incident_frame()
    geometry = [row.pop("geometry") for row in rows]
    # Column by column, each made in its dtype: no table of objects to convert afterwards.
    columns = {
        name: pd.Series([row.get(name) for row in rows], dtype=dtype)
        for name, dtype in INCIDENT_COLUMNS.items()
    }
    frame = pd.DataFrame(columns)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, crs=CRS), crs=CRS)


def _incident_row(incident: Incident) -> dict[str, Any]:
    """Flatten an Incident into one row of the incident GeoDataFrame."""
    row = incident.model_dump(mode="json", exclude={"lon", "lat"})
    row["geometry"] = incident.point
    return row


def placed_mask(frame: gpd.GeoDataFrame) -> npt.NDArray[np.bool_]:
    """Return which incidents have a point (the others are placed at country level only)."""
    geometry = frame.geometry
    placed: npt.NDArray[np.bool_] = (~(geometry.isna() | geometry.is_empty)).to_numpy(dtype=bool)
    return placed


def plain_records(
    table: pd.DataFrame, columns: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Return the rows of ``table`` (its ``columns``, all by default) as dicts of Python values.

    Numbers are Python's, and every missing value (NaN, NA, NaT, None) is None: what
    JSON, SQL parameters and GeoJSON properties take. It reads column by column, with
    no copy of the table: a few times quicker than converting the table to objects,
    which matters for the single rows of API writes as for whole stores.
    """
    names = list(table.columns if columns is None else columns)
    values_by_column = []
    for name in names:
        column = table[name]
        values = column.tolist()
        missing = column.isna().to_numpy()
        if missing.any():
            values = [
                None if absent else value for value, absent in zip(values, missing, strict=True)
            ]
        values_by_column.append(values)
    return [dict(zip(names, row, strict=True)) for row in zip(*values_by_column, strict=True)]


def frame_to_features(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """Turn an incident GeoDataFrame into GeoJSON Feature dicts (RFC 7946).

    The Feature ``id`` is the incident id; missing values become JSON null.
    """
    columns = [name for name in INCIDENT_COLUMNS if name in frame.columns]
    coordinates = shapely.get_coordinates(frame.geometry.values, include_z=False)
    placed = placed_mask(frame)
    features = []
    point_index = 0
    for record, is_placed in zip(plain_records(frame, columns), placed, strict=True):
        geometry = None
        if is_placed:
            lon, lat = coordinates[point_index]
            point_index += 1
            geometry = point_geometry(lon, lat)
        features.append(
            {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}
        )
    return features


def point_geometry(lon: float, lat: float) -> dict[str, Any]:
    """Return a GeoJSON Point of (lon, lat), as incident Features carry it."""
    return {"type": "Point", "coordinates": [_json_number(lon), _json_number(lat)]}


def _json_number(value: float) -> float:
    """Round a coordinate to 7 decimals (about 1 cm), as RFC 7946 suggests trimming."""
    return round(float(value), 7) if math.isfinite(value) else value


def feature_to_record(feature: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten a GeoJSON Feature into a raw incident record (properties plus lon/lat).

    Raises
    ------
    ValueError
        When the geometry is present but is not a GeoJSON Point.
    """
    record = dict(feature.get("properties") or {})
    if "id" not in record and feature.get("id") is not None:
        record["id"] = str(feature["id"])
    geometry = feature.get("geometry")
    if geometry is None:
        return record
    position = point_position(geometry)
    if position is None:
        raise ValueError("must be a GeoJSON Point or null")
    record["lon"], record["lat"] = position
    return record


def point_position(geometry: object) -> tuple[float, float] | None:
    """Return a GeoJSON Point's (lon, lat), or None when ``geometry`` is not a Point."""
    if not isinstance(geometry, Mapping) or geometry.get("type") != "Point":
        return None
    coordinates = geometry.get("coordinates")
    if (
        isinstance(coordinates, list)
        and len(coordinates) in (2, 3)
        and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates)
    ):
        return float(coordinates[0]), float(coordinates[1])
    return None
