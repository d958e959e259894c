"""The fixed sets of names launchmap's data, files and commands use.

Incidents' event types, date and location precisions, location roles and
review statuses,
the file formats, and the clustering methods. The module needs only the
standard library, so the command line can offer these names (in its help and
option parsing) without loading the scientific stack.
"""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    """What happened: a launch from land, people boarding afloat, a stop at sea, and so on."""

    LAUNCH = "launch"
    EMBARKATION = "embarkation"
    INTERCEPTION = "interception"
    RESCUE = "rescue"
    ARRIVAL = "arrival"
    DEBRIS = "debris"
    DEATH = "death"
    SIGHTING = "sighting"
    OTHER = "other"


class DatePrecision(StrEnum):
    """How precisely the source dates the incident."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class LocationPrecision(StrEnum):
    """How precisely the source places the incident, from finest to coarsest."""

    EXACT = "exact"
    SITE = "site"
    LOCALITY = "locality"
    AREA = "area"
    REGION = "region"
    COUNTRY = "country"


class LocationRole(StrEnum):
    """What the incident's point stands for; launch analysis uses departure and pickup."""

    DEPARTURE = "departure"
    PICKUP = "pickup"
    INTERCEPTION = "interception"
    RESCUE = "rescue"
    DISEMBARKATION = "disembarkation"
    FOUND = "found"
    REPORTED = "reported"


ROLE_BY_EVENT = {
    EventType.LAUNCH: LocationRole.DEPARTURE,
    EventType.EMBARKATION: LocationRole.PICKUP,
    EventType.INTERCEPTION: LocationRole.INTERCEPTION,
    EventType.RESCUE: LocationRole.RESCUE,
    EventType.ARRIVAL: LocationRole.DISEMBARKATION,
    EventType.DEBRIS: LocationRole.FOUND,
    EventType.DEATH: LocationRole.FOUND,
    EventType.SIGHTING: LocationRole.REPORTED,
    EventType.OTHER: LocationRole.REPORTED,
}
"""What an incident's point stands for when a source says no more than its event type."""


class ReviewStatus(StrEnum):
    """Where an incident extracted from text stands in review: a person accepts or rejects it."""

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ReviewFilter(StrEnum):
    """A review status to select incidents by: a :class:`ReviewStatus`, or ``none``.

    ``none`` selects incidents that were never up for review (imported from
    files or the API), whose ``review_status`` is empty.
    """

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    NONE = "none"


class FileFormat(StrEnum):
    """The incident file formats launchmap reads and writes."""

    GEOJSON = "geojson"
    CSV = "csv"
    GPKG = "gpkg"


class ClusterMethod(StrEnum):
    """How incidents are grouped into hotspots."""

    DBSCAN = "dbscan"
    """2-D DBSCAN on the geodesic (haversine) distance, ``eps_m`` in metres."""
    HDBSCAN = "hdbscan"
    """HDBSCAN on the haversine distance, clusters of at least ``min_cluster_size``."""
    COAST = "coast"
    """1-D clustering on ``coast_km``: a cluster ends where the next gap exceeds ``eps_km``."""
    SPACE_TIME = "space-time"
    """ST-DBSCAN: neighbours lie within ``eps_m`` and within ``gap_days`` of each other."""
