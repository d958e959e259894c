"""What a qualifier or the text around a name says about where it lies.

"Hythe, Kent" names a region, "Calais, Maine" a place off the map, "the
beach, Wissant" or "Samphire Hoe, near Dover" another place to look near
(an anchor): each narrows down which of several same-named places is meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.geocode._text import normalize_name

Box = tuple[float, float, float, float]

# Qualifiers that name an area inside the map: (min lon, min lat, max lon, max lat).
REGION_HINTS: dict[str, Box] = {
    "kent": (0.0, 50.9, 1.5, 51.5),
    "hampshire": (-1.96, 50.7, -0.7, 51.4),
    "sussex": (-0.97, 50.7, 0.87, 51.15),
    "east sussex": (-0.25, 50.7, 0.87, 51.15),
    "essex": (0.0, 51.45, 1.3, 52.1),
    "suffolk": (0.3, 51.93, 1.8, 52.6),
    "nord": (2.05, 50.0, 4.3, 51.1),
    "pas de calais": (1.5, 50.0, 3.2, 51.0),
    "somme": (1.3, 49.55, 3.2, 50.37),
    "seine maritime": (0.05, 49.25, 1.8, 50.1),
    "normandy": (-2.0, 48.2, 1.8, 50.1),
    "normandie": (-2.0, 48.2, 1.8, 50.1),
    "west flanders": (2.5, 50.68, 3.47, 51.38),
    "west vlaanderen": (2.5, 50.68, 3.47, 51.38),
    "flandre occidentale": (2.5, 50.68, 3.47, 51.38),
}
DEPARTMENT_CODES = {"59": "nord", "62": "pas de calais", "80": "somme", "76": "seine maritime"}
"""French department numbers as reports write them after a commune: "Wissant (62)"."""

COUNTRY_HINTS = {
    "france": "FR",
    "french": "FR",
    "fr": "FR",
    "england": "GB",
    "english": "GB",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "united kingdom": "GB",
    "gb": "GB",
    "angleterre": "GB",
    "belgium": "BE",
    "belgique": "BE",
    "belgie": "BE",
    "be": "BE",
}
# Qualifiers that put a homonym outside the mapped coast: such a name is not placed.
OUTSIDE_HINTS = frozenset(
    {
        "maine",
        "usa",
        "us",
        "u s",
        "united states",
        "america",
        "vermont",
        "new hampshire",
        "massachusetts",
        "delaware",
        "ohio",
        "michigan",
        "virginia",
        "new jersey",
        "new york",
        "canada",
        "new brunswick",
        "nova scotia",
        "ontario",
        "australia",
        "tasmania",
        "new zealand",
        "south africa",
    }
)
# Codes that are also ordinary words ("they told us", "may be"): hints in a qualifier only.
_WORD_LIKE_CODES = frozenset({"us", "be", "fr"})


@dataclass(frozen=True)
class Anchor:
    """A place the query says its place is near ("X, near Y", "the beach, Wissant")."""

    name: str  # as normalised
    row: int
    lon: float
    lat: float


@dataclass(frozen=True)
class Hints:
    """What a qualifier or context says about where a name lies."""

    country: str | None = None
    region: Box | None = None
    outside: str | None = None
    anchor: Anchor | None = None

    def merged(self, other: Hints) -> Hints:
        """Return these hints, completed by ``other`` where they say nothing."""
        return Hints(
            self.country or other.country,
            self.region or other.region,
            self.outside or other.outside,
            self.anchor or other.anchor,
        )


NO_HINTS = Hints()
_DEPARTMENT = re.compile(r"\((\d{2})\)\s*$")


def hints_in(text: str | None, *, sentence: bool = False) -> Hints:
    """Find country, region and out-of-map hints in a qualifier or, if ``sentence``, a context."""
    if not text:
        return NO_HINTS
    department = _DEPARTMENT.search(text)
    words = f" {normalize_name(text)} "
    skipped = _WORD_LIKE_CODES if sentence else frozenset()
    said = [hint for padded, hint in _ALL_HINTS if padded in words and hint not in skipped]
    outside = next((hint for hint in _OUTSIDE_ORDER if hint in said), None)
    region = next((REGION_HINTS[hint] for hint in _REGION_ORDER if hint in said), None)
    if department is not None and department[1] in DEPARTMENT_CODES:
        region = REGION_HINTS[DEPARTMENT_CODES[department[1]]]
    country = next((COUNTRY_HINTS[hint] for hint in COUNTRY_HINTS if hint in said), None)
    return Hints(country, region, outside)


_OUTSIDE_ORDER = tuple(sorted(OUTSIDE_HINTS))
_REGION_ORDER = tuple(sorted(REGION_HINTS, key=len, reverse=True))
_ALL_HINTS = tuple((f" {hint} ", hint) for hint in {*OUTSIDE_HINTS, *REGION_HINTS, *COUNTRY_HINTS})
"""Every hint, spaced as it stands among the words of a normalised text."""


def without_department(name: str) -> str:
    """Drop a department number in brackets after a name: "Wissant (62)" is Wissant."""
    return _DEPARTMENT.sub("", name).strip()


# Country names a report may place an incident in, with no point (country level).
COUNTRY_NAMES = {
    "france": "FR",
    "britain": "GB",
    "great britain": "GB",
    "united kingdom": "GB",
    "uk": "GB",
    "u k": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "belgium": "BE",
    "belgique": "BE",
    "belgie": "BE",
    "the netherlands": "NL",
    "netherlands": "NL",
    "holland": "NL",
    "germany": "DE",
    "spain": "ES",
    "italy": "IT",
    "greece": "GR",
    "turkey": "TR",
    "libya": "LY",
    "tunisia": "TN",
    "morocco": "MA",
    "algeria": "DZ",
    "ireland": "IE",
    "angleterre": "GB",
    "royaume uni": "GB",
    "grande bretagne": "GB",
    "northern france": "FR",
    "north of france": "FR",
    "nord de la france": "FR",
    "northern french coast": "FR",
    "french coast": "FR",
    "cote francaise": "FR",
    "cotes francaises": "FR",
    "english coast": "GB",
    "british coast": "GB",
    "uk coast": "GB",
    "cotes anglaises": "GB",
    "cote anglaise": "GB",
    "cotes britanniques": "GB",
}

COUNTRY_TITLES = {
    "FR": "France",
    "GB": "United Kingdom",
    "BE": "Belgium",
    "NL": "Netherlands",
    "DE": "Germany",
    "ES": "Spain",
    "IT": "Italy",
    "GR": "Greece",
    "TR": "Turkey",
    "LY": "Libya",
    "TN": "Tunisia",
    "MA": "Morocco",
    "DZ": "Algeria",
    "IE": "Ireland",
}
