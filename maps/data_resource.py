"""The incidents a map page draws, as one compact, compressed resource shared by every page.

``/map``, ``/embed`` and a static publish load the same bytes: a small page
(the shell) fetches this resource, and a reader's browser filters, clusters and
charts it. The resource is gzip-compressed binary, about 7 bytes an incident:

- ``LMD1`` (4 bytes), then the length of a JSON header (uint32, little-endian);
- the header: the format, the data ``key``, the count of placed incidents and
  of every incident, the event type names, the columns that follow (name,
  type, scale, the value that marks a missing one), the launch hotspots
  (GeoJSON hulls) and how many shown incidents make one, the names of the
  incidents' nearest places (the ``place`` column indexes them) with their
  names in other languages, the country-level incidents (not drawn, listed
  as plain arrays), the country-level series (``extra.series``: daily
  national figures, drawn on the chart) and how many incidents each details
  chunk holds;
- the columns, one after another, each ``count`` values whose bytes are
  stored plane by plane (every value's first byte, then every second byte…),
  which compresses far better than the values as they are.

Placed incidents are in date order (undated ones first), so a time range is
one slice. Rejected incidents are left out; candidates (extracted, not yet
reviewed) are marked in the ``review`` column, and pages show them only when
asked. A popup's details (sources, quotes, descriptions) are not in the
resource: they come in chunks of :data:`DETAILS_PER_CHUNK` incidents in the
same order, each a small gzip-compressed JSON document carrying the same key,
fetched when a reader opens a popup.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import struct
from dataclasses import dataclass, field
from functools import cached_property
from threading import Lock
from typing import Any

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd

from geo.cluster import LABEL_JOIN, cluster_incidents, hotspot_features, hotspots
from geo.cluster_params import DEFAULT_PARAMS
from geo.model import frame_to_features, placed_mask
from geo.vocabulary import EventType, ReviewStatus
from maps.chart import chart_points
from maps.page_data import MapSummary, local_names
from maps.view import MapView, shown_for_review

MAGIC = b"LMD1"
GZIP_MAGIC = b"\x1f\x8b"
"""How a gzip file starts."""
FORMAT = 1
DETAILS_PER_CHUNK = 500
EVENT_TYPES = [kind.value for kind in EventType]
COORDINATE_SCALE = 100_000  # 1e-5 degree: about a metre, finer than any incident's placement
KM_SCALE = 10  # the chart's coast kilometre to 100 m
NO_INT32 = -(2**31)
NO_INT16 = -(2**15)
NO_PLACE = 2**16 - 1
SHOWN, CANDIDATE = 0, 1
"""The ``review`` column: shown by default (accepted, or never up for review), or a candidate."""
GZIP_LEVEL = 9
INCIDENTS_FILE = "incidents.bin.gz"
"""The resource's file name, under the data address of a page (served or published)."""
_EPOCH = pd.Timestamp("1970-01-01")
_EPOCH_DATE = dt.date(1970, 1, 1)
_HEADER_LENGTH = struct.Struct("<I")


def details_file(chunk: int) -> str:
    """Return the file name of one details chunk, beside :data:`INCIDENTS_FILE`."""
    return f"details-{chunk}.json.gz"


@dataclass(frozen=True)
class Column:
    """One column of the resource: its values as they are stored, and how to read them."""

    name: str
    values: npt.NDArray[Any]
    scale: int = 1
    missing: int | None = None

    def header(self) -> dict[str, Any]:
        """Describe the column for the header (the page script reads it from there)."""
        return {
            "name": self.name,
            "type": str(self.values.dtype),
            "scale": self.scale,
            "missing": self.missing,
        }

    def planes(self) -> bytes:
        """Return the values' little-endian bytes, plane by plane."""
        raw = self.values.astype(self.values.dtype.newbyteorder("<"), copy=False)
        width = raw.dtype.itemsize
        return np.frombuffer(raw.tobytes(), np.uint8).reshape(-1, width).T.tobytes()


@dataclass
class MapData:
    """The incidents of one store version as the map pages load them.

    ``incidents`` is the resource's compressed bytes; :meth:`details` builds
    (once) the compressed details chunk a popup asks for. ``key`` identifies
    the data: the resource and every chunk carry it, so a page never mixes
    details of one version with incidents of another.
    """

    key: str
    placed: gpd.GeoDataFrame
    hotspot_collection: dict[str, Any]
    incidents: bytes
    type_index: npt.NDArray[np.uint8]
    days: npt.NDArray[np.int32]
    review: npt.NDArray[np.uint8]
    _chunks: dict[int, bytes] = field(default_factory=dict, repr=False)
    _lock: Lock = field(default_factory=Lock, repr=False)

    @property
    def chunk_count(self) -> int:
        """Return how many details chunks there are (0 without placed incidents)."""
        return -(-len(self.placed) // DETAILS_PER_CHUNK)

    def summary(self, view: MapView) -> MapSummary:
        """Summarise the placed incidents ``view``'s filters keep (busiest hotspot: all only)."""
        keep = np.ones(len(self.days), dtype=bool) if view.candidates else self.review == SHOWN
        if view.event_types:
            wanted = [EVENT_TYPES.index(kind) for kind in view.event_types]
            keep &= np.isin(self.type_index, wanted)
        if view.start or view.end:
            keep &= self.days != NO_INT32
            if view.start:
                keep &= self.days >= (view.start - _EPOCH_DATE).days
            if view.end:
                keep &= self.days <= (view.end - _EPOCH_DATE).days
        dated = self.days[keep & (self.days != NO_INT32)]
        bounds = None
        if keep.any():
            x = self.placed.geometry.x.to_numpy()[keep]
            y = self.placed.geometry.y.to_numpy()[keep]
            bounds = ((float(y.min()), float(x.min())), (float(y.max()), float(x.max())))
        return MapSummary(
            placed=int(keep.sum()),
            first=_date(int(dated.min())) if len(dated) else None,
            last=_date(int(dated.max())) if len(dated) else None,
            busiest_hotspot=None if view.filtered else self.busiest_hotspot,
            bounds=bounds,
        )

    def all_details(self) -> list[dict[str, Any]]:
        """Return every placed incident's GeoJSON properties, in the resource's order."""
        return [feature["properties"] for feature in frame_to_features(self.placed)]

    def details(self, chunk: int) -> bytes:
        """Return one details chunk, compressed: the GeoJSON properties of its incidents.

        Raises
        ------
        IndexError
            When there is no such chunk.
        """
        if not 0 <= chunk < self.chunk_count:
            raise IndexError(f"details chunk {chunk} is not one of 0 to {self.chunk_count - 1}")
        with self._lock:
            if chunk not in self._chunks:
                start = chunk * DETAILS_PER_CHUNK
                rows = self.placed.iloc[start : start + DETAILS_PER_CHUNK]
                document = {
                    "key": self.key,
                    "first": start,
                    "details": [feature["properties"] for feature in frame_to_features(rows)],
                }
                self._chunks[chunk] = _compressed(_json_bytes(document))
            return self._chunks[chunk]

    @cached_property
    def busiest_hotspot(self) -> str | None:
        """Return the label of the hotspot with the most incidents, if any."""
        features = self.hotspot_collection["features"]
        if not features:
            return None
        busiest = max(features, key=lambda feature: feature["properties"]["incidents"])
        label = busiest["properties"]["label"]
        return str(label) if label else None


def build_map_data(incidents: gpd.GeoDataFrame, key: str) -> MapData:
    """Encode ``incidents`` (with their coast fields) as the map pages' data resource.

    Parameters
    ----------
    incidents
        Every incident the pages may show (EPSG:4326); unplaced ones travel as
        country-level arrays (or series), rejected ones not at all.
    key
        What identifies this data (a store version, or a digest of a publish's
        incidents); it travels in the resource and in every details chunk.
    """
    incidents = incidents[shown_for_review(incidents, candidates=True).to_numpy(dtype=bool)]
    clustered = cluster_incidents(incidents, DEFAULT_PARAMS)
    found = hotspots(clustered)
    features = hotspot_features(found)
    collection = {"type": "FeatureCollection", "features": features}
    hotspot_index = _hotspot_indices(clustered, found["cluster_id"].tolist())
    placed_rows = placed_mask(incidents)
    days = _day_numbers(incidents["date"])
    order = np.argsort(days[placed_rows], kind="stable")
    placed = incidents[placed_rows].iloc[order]
    placed_days = days[placed_rows][order]
    place_names, place_index = _place_index(placed)
    columns = _columns(placed, placed_days, hotspot_index[placed_rows][order], place_index)
    series = _series_mask(incidents) & ~placed_rows
    labels = [str(feature["properties"]["label"]) for feature in features]
    header = {
        "format": FORMAT,
        "key": key,
        "count": len(placed),
        "total": len(incidents),
        "types": EVENT_TYPES,
        "columns": [column.header() for column in columns],
        "hotspots": collection,
        "minSamples": DEFAULT_PARAMS.min_samples,
        "places": place_names,
        "names": local_names(
            [*place_names, *(part for text in labels for part in text.split(LABEL_JOIN))]
        ),
        "unplaced": _unplaced(incidents[~placed_rows & ~series], days[~placed_rows & ~series]),
        "series": _series(incidents[series], days[series]),
        "detailsPerChunk": DETAILS_PER_CHUNK,
    }
    header_bytes = _json_bytes(header)
    body = b"".join(
        [MAGIC, _HEADER_LENGTH.pack(len(header_bytes)), header_bytes]
        + [column.planes() for column in columns]
    )
    review = next(column.values for column in columns if column.name == "review")
    return MapData(
        key, placed, collection, _compressed(body), columns[0].values, placed_days, review
    )


def _inflated(resource: bytes) -> bytes:
    """Return a data resource's bytes: the file as stored (gzip) or as a browser reads it."""
    return gzip.decompress(resource) if resource[:2] == GZIP_MAGIC else resource


def read_header(resource: bytes) -> dict[str, Any]:
    """Return the JSON header of a data resource, compressed or not (for tests and tools)."""
    body = _inflated(resource)
    if body[:4] != MAGIC:
        raise ValueError(f"not a launchmap data resource: it starts with {body[:4]!r}")
    (length,) = _HEADER_LENGTH.unpack_from(body, 4)
    header: dict[str, Any] = json.loads(body[8 : 8 + length])
    return header


def read_columns(resource: bytes) -> dict[str, npt.NDArray[Any]]:
    """Decode the columns of a data resource (compressed or not), missing values as NaN, scaled."""
    body = _inflated(resource)
    header = read_header(resource)
    (length,) = _HEADER_LENGTH.unpack_from(body, 4)
    offset = 8 + length
    count = header["count"]
    decoded: dict[str, npt.NDArray[Any]] = {}
    for column in header["columns"]:
        dtype = np.dtype(column["type"]).newbyteorder("<")
        size = count * dtype.itemsize
        planes = np.frombuffer(body, np.uint8, size, offset).reshape(dtype.itemsize, count)
        values = np.frombuffer(planes.T.tobytes(), dtype).astype(float)
        if column["missing"] is not None:
            values[values == column["missing"]] = np.nan
        decoded[column["name"]] = values / column["scale"]
        offset += size
    return decoded


def _columns(
    placed: gpd.GeoDataFrame,
    days: npt.NDArray[np.int32],
    hotspot: npt.NDArray[np.int16],
    place: npt.NDArray[np.uint16],
) -> list[Column]:
    """Return the resource's columns for the placed incidents, in their order."""
    points = chart_points(placed)
    chart_km = np.where(points.drawn, np.round(points.coast_km * KM_SCALE), NO_INT16)
    return [
        Column("type", _type_indices(placed["event_type"])),
        Column("lon", _scaled(placed.geometry.x.to_numpy(), COORDINATE_SCALE), COORDINATE_SCALE),
        Column("lat", _scaled(placed.geometry.y.to_numpy(), COORDINATE_SCALE), COORDINATE_SCALE),
        Column("day", days, missing=NO_INT32),
        Column("people", _optional_ints(placed["people"]), missing=NO_INT32),
        Column("chart_km", chart_km.astype(np.int16), KM_SCALE, NO_INT16),
        Column("hotspot", hotspot, missing=-1),
        Column("place", place, missing=NO_PLACE),
        Column("review", _review_marks(placed)),
    ]


def _review_marks(incidents: pd.DataFrame) -> npt.NDArray[np.uint8]:
    """Return :data:`CANDIDATE` for incidents not yet reviewed, :data:`SHOWN` for the others."""
    if "review_status" not in incidents.columns:
        return np.zeros(len(incidents), dtype=np.uint8)
    candidate = incidents["review_status"].astype(object) == ReviewStatus.CANDIDATE.value
    return np.where(candidate.to_numpy(dtype=bool), CANDIDATE, SHOWN).astype(np.uint8)


def _place_index(placed: pd.DataFrame) -> tuple[list[str], npt.NDArray[np.uint16]]:
    """Return the distinct nearest places (sorted) and each incident's index among them."""
    if "nearest_place" not in placed.columns or placed.empty:
        return [], np.full(len(placed), NO_PLACE, dtype=np.uint16)
    names = placed["nearest_place"].astype(object).where(placed["nearest_place"].notna(), None)
    codes = pd.Categorical(names.to_numpy(dtype=object))
    distinct = [str(name) for name in codes.categories][: NO_PLACE - 1]
    index = np.where((codes.codes < 0) | (codes.codes >= NO_PLACE), NO_PLACE, codes.codes)
    return distinct, index.astype(np.uint16)


def _unplaced(unplaced: gpd.GeoDataFrame, days: npt.NDArray[np.int32]) -> dict[str, list[Any]]:
    """Return the country-level incidents as plain arrays (a few; the page lists them)."""
    return {
        "type": _type_indices(unplaced["event_type"]).tolist(),
        "day": [None if day == NO_INT32 else int(day) for day in days],
        "people": [None if pd.isna(value) else int(value) for value in unplaced["people"]],
        "country": [None if pd.isna(value) else str(value) for value in unplaced["country"]],
        "review": _review_marks(unplaced).tolist(),
    }


def _series_name(extra: Any) -> str | None:
    """Return the ``extra.series.name`` of an incident's extra object (or its JSON text), if any."""
    if isinstance(extra, str):
        try:
            extra = json.loads(extra)
        except ValueError:
            return None
    series = extra.get("series") if isinstance(extra, dict) else None
    name = series.get("name") if isinstance(series, dict) else None
    return name if isinstance(name, str) and name else None


def _series_mask(incidents: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Tell which incidents belong to a country-level series (``extra.series.name``)."""
    if "extra" not in incidents.columns:
        return np.zeros(len(incidents), dtype=bool)
    return np.array([_series_name(extra) is not None for extra in incidents["extra"]], dtype=bool)


def _series(records: pd.DataFrame, days: npt.NDArray[np.int32]) -> list[dict[str, Any]]:
    """Return each country-level series: its name, period, country and daily values, by date."""
    found: dict[str, dict[str, Any]] = {}
    types = _type_indices(records["event_type"])
    marks = _review_marks(records)
    for position in np.argsort(days, kind="stable"):
        row = records.iloc[position]
        if days[position] == NO_INT32:
            continue
        extra = row["extra"] if isinstance(row["extra"], dict) else json.loads(row["extra"])
        mark = extra["series"]
        series = found.setdefault(
            mark["name"],
            {
                "name": mark["name"],
                "period": str(mark.get("period", "day")),
                "country": None if pd.isna(row["country"]) else str(row["country"]),
                "type": int(types[position]),
                "day": [],
                "people": [],
                "boats": [],
                "review": [],
            },
        )
        series["day"].append(int(days[position]))
        for measure in ("people", "boats"):
            series[measure].append(None if pd.isna(row[measure]) else int(row[measure]))
        series["review"].append(int(marks[position]))
    return list(found.values())


def _hotspot_indices(clustered: gpd.GeoDataFrame, cluster_ids: list[int]) -> npt.NDArray[np.int16]:
    """Return each incident's hotspot (its index in the hotspot list), or -1."""
    position = {cluster_id: index for index, cluster_id in enumerate(cluster_ids)}
    labels = pd.to_numeric(clustered["cluster_id"], errors="coerce").fillna(-1).astype(int)
    return np.array([position.get(label, -1) for label in labels], dtype=np.int16)


def _type_indices(event_types: pd.Series) -> npt.NDArray[np.uint8]:
    """Return each event type's index in :data:`EVENT_TYPES` (``other`` when unknown)."""
    other = EVENT_TYPES.index(EventType.OTHER)
    codes = pd.Categorical(event_types.astype(str), categories=EVENT_TYPES).codes
    return np.where(codes < 0, other, codes).astype(np.uint8)


def _day_numbers(dates: pd.Series) -> npt.NDArray[np.int32]:
    """Return each date as days since 1970-01-01, :data:`NO_INT32` when unknown."""
    days = (pd.to_datetime(dates, errors="coerce") - _EPOCH).dt.days
    return days.fillna(NO_INT32).to_numpy(dtype=np.int64).astype(np.int32)


def _optional_ints(values: pd.Series) -> npt.NDArray[np.int32]:
    """Return integers (clipped to 32 bits), :data:`NO_INT32` where missing."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    clipped = np.clip(np.nan_to_num(numbers, nan=NO_INT32), NO_INT32 + 1, 2**31 - 1)
    return np.where(np.isnan(numbers), NO_INT32, clipped).astype(np.int32)


def _scaled(values: npt.NDArray[np.float64], scale: int) -> npt.NDArray[np.int32]:
    """Return coordinates as whole multiples of ``1 / scale`` degree."""
    return np.round(values * scale).astype(np.int32)


def _date(day: int) -> dt.date:
    """Return the date ``day`` days after 1970-01-01."""
    return _EPOCH_DATE + dt.timedelta(days=day)


def _json_bytes(value: Any) -> bytes:
    """Return compact UTF-8 JSON (no NaN)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _compressed(data: bytes) -> bytes:
    """Gzip ``data`` reproducibly (no time stamp): the same data gives the same bytes."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
