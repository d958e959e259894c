"""What the geocoder answers: a point with precision and radius, or not found and why.

Also the plain points of a place and of "near X", which need no coastline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from geo.geocode._index import NameIndex
from geo.geocode._lookup import Candidate
from geo.vocabulary import LocationPrecision

NEAR_EXTRA_M = 5_000.0


@dataclass(frozen=True)
class GeocodeResult:
    """What a query resolved to: a point with precision and radius, or not found.

    ``phrase`` says how the point was made from the place: ``name`` (the place
    itself), ``beach``, ``offshore``, ``near``, ``between`` or ``direction``.
    ``kind`` is the gazetteer kind of the place (``beach``, ``hamlet``,
    ``department`` …) and ``commune`` the commune a curated place lies in.
    A name that is an organisation (a rescue centre, a prefecture) is
    answered ``found=False`` with ``organisation=True``, its id, name and
    kind: it is not where an incident happened.
    """

    query: str
    found: bool
    place_id: str | None = None
    name: str | None = None
    country: str | None = None
    lon: float | None = None
    lat: float | None = None
    location_precision: LocationPrecision | None = None
    uncertainty_m: float | None = None
    score: float = 0.0
    phrase: str = "name"
    candidates: list[Candidate] = field(default_factory=list)
    reason: str | None = None
    kind: str | None = None
    commune: str | None = None
    organisation: bool = False

    def feature(self) -> dict[str, object]:
        """Return the result as a GeoJSON Feature (null geometry when not placed)."""
        geometry = None
        if self.lon is not None and self.lat is not None:
            geometry = {"type": "Point", "coordinates": [round(self.lon, 6), round(self.lat, 6)]}
        properties: dict[str, object] = {
            "query": self.query,
            "found": self.found,
            "place_id": self.place_id,
            "name": self.name,
            "country": self.country,
            "kind": self.kind,
            "commune": self.commune,
            "organisation": self.organisation,
            "location_precision": self.location_precision,
            "uncertainty_m": self.uncertainty_m,
            "score": self.score,
            "phrase": self.phrase,
            "reason": self.reason,
            "candidates": [c.__dict__ for c in self.candidates],
        }
        return {"type": "Feature", "geometry": geometry, "properties": properties}


@dataclass(frozen=True)
class Placed:
    """A point made for a phrase, with its precision and honest radius."""

    lon: float
    lat: float
    precision: LocationPrecision
    uncertainty_m: float


def place_point(index: NameIndex, row: int) -> Placed:
    """Return a gazetteer place as it stands, with its own precision and radius."""
    place = index.rows[row]
    return Placed(place.lon, place.lat, place.precision, place.uncertainty_m)


def near(place: Placed, extra_m: float | None) -> Placed:
    """Place "near X": X's point with a wider radius, at area precision (or coarser).

    X already an area (a sandbank, a bay) with no distance stated keeps its own
    radius: "in the Dyck area" or "near the Dyck" is where the Dyck is, as a
    reader takes it, not a wider region around it.
    """
    order = list(LocationPrecision)
    precision = max(place.precision, LocationPrecision.AREA, key=order.index)
    own_area = extra_m is None and place.precision == precision
    extra = 0.0 if own_area else extra_m if extra_m is not None else NEAR_EXTRA_M
    return replace(place, precision=precision, uncertainty_m=place.uncertainty_m + extra)
