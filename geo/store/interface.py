"""The store interface: what every incident store offers, and the queries and results it takes.

Both backends (:mod:`geo.store.geopackage`, the embedded default, and
:mod:`geo.store.postgis`) implement :class:`IncidentStore` and give the same
answers for the same incidents.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from geo.errors import InvalidQueryError

if TYPE_CHECKING:  # the interface loads without the scientific stack
    import geopandas as gpd

GEOMETRY_COLUMN = "geom"
BBox = tuple[float, float, float, float]
SORTABLE = frozenset(
    {
        "id",
        "date",
        "event_type",
        "place_name",
        "country",
        "people",
        "boats",
        "coast_km",
        "shore_distance_m",
        "uncertainty_m",
    }
)


@dataclass(frozen=True)
class IncidentQuery:
    """A selection of stored incidents: bbox, dates, property filters, order and page.

    ``bbox`` is (min lon, min lat, max lon, max lat); ``start`` and ``end`` are
    inclusive and either may be open. Incidents placed only at country level
    have no point and never match a bbox; undated ones never match a date range.
    ``event_types``, ``roles`` and ``review_statuses`` keep incidents of any of
    the values given (``none`` among review statuses: incidents without one);
    ``place`` matches part of the place as written, in any case; ``sortby``
    lists (column, descending) pairs of :data:`SORTABLE` columns, ties broken
    by insertion order.
    """

    bbox: BBox | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    limit: int | None = None
    offset: int = 0
    event_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    review_statuses: tuple[str, ...] = ()
    country: str | None = None
    place: str | None = None
    min_people: int | None = None
    sortby: tuple[tuple[str, bool], ...] = ()

    def __post_init__(self) -> None:
        unknown = [column for column, _ in self.sortby if column not in SORTABLE]
        if unknown:
            raise InvalidQueryError(
                f"cannot sort by {unknown[0]!r}; sortable: {', '.join(sorted(SORTABLE))}"
            )
        if self.bbox is not None:
            check_bbox(self.bbox)
        if self.start and self.end and self.start > self.end:
            raise InvalidQueryError(f"date range starts after it ends: {self.start}/{self.end}")
        if self.limit is not None and self.limit < 0:
            raise InvalidQueryError(f"limit must be 0 or more, got {self.limit}")
        if self.offset < 0:
            raise InvalidQueryError(f"offset must be 0 or more, got {self.offset}")


def check_bbox(bbox: BBox) -> None:
    """Refuse a bbox that is not (min lon, min lat, max lon, max lat) in range.

    The one check every bbox meets: the incidents, the hotspots and the
    reference collections (places, organisations, coastline) alike.

    Raises
    ------
    InvalidQueryError
        For a reversed box or one beyond ±180/±90, naming the values.
    """
    min_lon, min_lat, max_lon, max_lat = bbox
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise InvalidQueryError(
            f"bbox must be min lon, min lat, max lon, max lat within ±180/±90, got {list(bbox)}"
        )


@dataclass(frozen=True)
class AddResult:
    """Which incident ids an add stored, and which were there already."""

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)


class QueryResult:
    """One page of incidents and how many incidents match the query in all.

    The page is there as an incident GeoDataFrame (:attr:`incidents`) and as
    GeoJSON Feature dicts (:meth:`features`); a store builds each from what it
    read only when it is first asked for, so a caller pays for one of them.

    Parameters
    ----------
    number_matched
        How many incidents match the query, on every page.
    frame
        Builds the page's GeoDataFrame.
    features
        Builds the page's Features straight from the store's rows; without it
        they are made from the frame with :func:`geo.model.frame_to_features`.
    """

    def __init__(
        self,
        number_matched: int,
        frame: Callable[[], gpd.GeoDataFrame],
        features: Callable[[], list[dict[str, Any]]] | None = None,
    ) -> None:
        self.number_matched = number_matched
        self._frame = frame
        self._features = features

    @cached_property
    def incidents(self) -> gpd.GeoDataFrame:
        """The page as an incident GeoDataFrame (EPSG:4326)."""
        return self._frame()

    def features(self) -> list[dict[str, Any]]:
        """Return the page as GeoJSON Feature dicts (as ``frame_to_features(incidents)``)."""
        if self._features is None:
            from geo.model import frame_to_features

            return frame_to_features(self.incidents)
        return self._features()


@dataclass(frozen=True)
class StoreExtent:
    """The bounding box and date range of what a store holds (None when empty)."""

    bbox: BBox | None
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Feed:
    """A feed the store watches, and how its last polls went.

    ``etag`` and ``last_modified`` are the validators of the feed's last full
    answer, sent back so an unchanged feed answers 304. ``succeeded`` is the
    last poll that went through; ``error`` (with ``failed``) the last one's
    problem, cleared by a success. ``entries`` counts the entries seen from it.
    """

    name: str
    url: str
    added: dt.datetime
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked: dt.datetime | None = None
    succeeded: dt.datetime | None = None
    failed: dt.datetime | None = None
    error: str | None = None
    entries: int = 0


@dataclass(frozen=True)
class FeedPoll:
    """What one poll of a feed found out, for :meth:`FeedStore.record_poll`.

    On success the validators given replace the stored ones (None keeps
    them); an ``error`` keeps them, so the entries not yet read are asked for
    again.
    """

    checked: dt.datetime
    error: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    """A feed entry the store has seen: its key (address or id), page, title and what it gave.

    ``incidents`` lists the ids of the incidents it added or corroborated;
    ``error`` says why its page gave none when it could not be read.
    """

    key: str
    feed: str
    fetched: dt.datetime
    url: str | None = None
    title: str | None = None
    published: dt.datetime | None = None
    incidents: tuple[str, ...] = ()
    error: str | None = None


class FeedStore(Protocol):
    """The feeds a store watches and the entries it has seen; both stores offer it."""

    def add_feed(self, name: str, url: str, added: dt.datetime) -> Feed:
        """Watch a new feed; raise FeedError when its name or address is taken."""
        ...

    def remove_feed(self, name: str) -> None:
        """Stop watching a feed (its entries stay seen); raise FeedError if unknown."""
        ...

    def feeds(self) -> list[Feed]:
        """Return the feeds watched, in the order they were added."""
        ...

    def record_poll(self, name: str, poll: FeedPoll) -> None:
        """Keep how a poll of a feed went: its time, validators, title or error."""
        ...

    def seen_entries(self, keys: list[str]) -> set[str]:
        """Return which of these entry keys the store has seen already, from any feed."""
        ...

    def store_entry(
        self, entry: FeedEntry, incidents: gpd.GeoDataFrame, corroborated: gpd.GeoDataFrame
    ) -> AddResult:
        """In one transaction: add new incidents, replace corroborated ones, mark the entry seen.

        A crash before the commit leaves none of it, so the entry is read again.
        """
        ...


class IncidentStore(FeedStore, Protocol):
    """What every incident store offers: the GeoPackage file and the PostGIS database."""

    def add(self, incidents: gpd.GeoDataFrame) -> AddResult:
        """Store new incidents in one transaction; ids already stored are left as they are."""
        ...

    def query(self, query: IncidentQuery) -> QueryResult:
        """Return the page of incidents that ``query`` selects, in insertion order."""
        ...

    def get(self, incident_id: str) -> gpd.GeoDataFrame:
        """Return the one incident with ``incident_id``; raise IncidentNotFoundError if none."""
        ...

    def replace(self, incident: gpd.GeoDataFrame) -> None:
        """Replace the stored incident with the same id by this one-row frame."""
        ...

    def delete(self, incident_id: str) -> None:
        """Delete the incident with ``incident_id``; raise IncidentNotFoundError if none."""
        ...

    def count(self) -> int:
        """Return the number of stored incidents."""
        ...

    def extent(self) -> StoreExtent:
        """Return the bbox and date range of the stored incidents."""
        ...

    def version(self) -> str:
        """Return the store's version, which every write to the incidents changes.

        Writes by any process count, the store's own and others' (another
        server, a command, QGIS). A version is never repeated, not even by a
        store made afresh at the same place: what was built from the incidents
        of one version (a page, an image) stays right while it is current.
        """
        ...

    def close(self) -> None:
        """Release the store's connections."""
        ...


def masked_address(database_url: str) -> str:
    """Return a database address with its password replaced by ``***``, for messages.

    Both forms libpq reads are masked, split where libpq splits them:
    ``postgresql://user:PASSWORD@host/db`` (the user part ends at the first
    ``@`` before the first ``/``), a ``password=`` query parameter, and
    ``password=... host=...``.
    """
    scheme, separator, rest = database_url.partition("://")
    if not separator:
        return re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", database_url)
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        userinfo, _, host = authority.partition("@")
        user, colon, _password = userinfo.partition(":")
        authority = f"{user}{':***' if colon else ''}@{host}"
    masked = f"{scheme}://{authority}{slash}{path}"
    return re.sub(r"([?&]password=)[^&#]*", r"\1***", masked)


@dataclass(frozen=True)
class DatabaseInit:
    """What :func:`init_database` did: the schema versions before and after, and the count.

    ``address`` is the database's address with its password masked; version 0
    means the database held no launchmap schema.
    """

    address: str
    version_before: int
    version: int
    seeded: int
    incidents: int
