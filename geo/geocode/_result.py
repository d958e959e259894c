"""What the geocoder answers: a point with precision and radius, or not found and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.geocode._lookup import Candidate
from geo.vocabulary import LocationPrecision


@dataclass(frozen=True)
class GeocodeResult:
    """What a query resolved to: a point with precision and radius, or not found.

    ``phrase`` says how the point was made from the place: ``name`` (the place
    itself), ``beach``, ``offshore``, ``near``, ``between`` or ``direction``.
    ``kind`` is the gazetteer kind of the place (``beach``, ``hamlet``,
    ``department`` …). A name that is an organisation (a rescue centre, a
    prefecture) is answered ``found=False`` with ``organisation=True``, its
    id, name and kind: it is not where an incident happened.
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
            "organisation": self.organisation,
            "location_precision": self.location_precision,
            "uncertainty_m": self.uncertainty_m,
            "score": self.score,
            "phrase": self.phrase,
            "reason": self.reason,
            "candidates": [c.__dict__ for c in self.candidates],
        }
        return {"type": "Feature", "geometry": geometry, "properties": properties}
