"""Geocode place names as reports write them, offline, with the bundled gazetteer.

A query is a place name in any case, with or without accents and hyphens, in
French, English or Dutch, possibly misspelt, possibly inside a phrase that
carries geometry: "the beach at X", "X beach", "off X", "3 km off X",
"au large de X", "near X", "between X and Y", "5 km north of X". An optional
qualifier after a comma ("Hythe, Kent", "Calais, Maine") or a context text
chooses between homonyms. Every answer carries a place id, a location
precision and an honest uncertainty radius, or says 'not found' with the
closest candidates: never a guess, never 0,0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
from rapidfuzz import fuzz, process

from geo.coast import CoastLayer, coastline_layer, point_at_coast_km, relate_to_coast
from geo.errors import InvalidPlaceQueryError
from geo.gazetteer import gazetteer
from geo.model import CRS
from geo.vocabulary import LocationPrecision

MAX_QUERY_CHARS = 300
FUZZY_MIN_SCORE = 86.0
FUZZY_MIN_CHARS = 5
CANDIDATES_SHOWN = 5
_CANDIDATE_BATCH = 256  # unplaced names scored at once: 256 x ~11,000 scores in memory
_FUZZY_BATCH = 1024  # misses scored at once: bounds the score matrix for large columns
DEFAULT_OFFSHORE_M = 2_000.0
OPEN_SEA_SHARE = 0.7  # "N km off X" lands 0.7 N to 1.3 N from every shore where it can
DEFAULT_DIRECTION_M = 5_000.0
NEAR_EXTRA_M = 5_000.0
COASTAL_M = 5_000.0
GEOD = pyproj.Geod(ellps="WGS84")
METRIC_CRS = "EPSG:3035"

UNIT_METRES = {
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "km": 1_000.0,
    "kms": 1_000.0,
    "kilometre": 1_000.0,
    "kilometres": 1_000.0,
    "kilometer": 1_000.0,
    "kilometers": 1_000.0,
    "mile": 1_609.344,
    "miles": 1_609.344,
    "nautical mile": 1_852.0,
    "nautical miles": 1_852.0,
    "nm": 1_852.0,
    "nmi": 1_852.0,
}
BEARINGS = {
    "north": 0.0,
    "north east": 45.0,
    "northeast": 45.0,
    "east": 90.0,
    "south east": 135.0,
    "southeast": 135.0,
    "south": 180.0,
    "south west": 225.0,
    "southwest": 225.0,
    "west": 270.0,
    "north west": 315.0,
    "northwest": 315.0,
    "nord": 0.0,
    "nord est": 45.0,
    "est": 90.0,
    "sud est": 135.0,
    "sud": 180.0,
    "sud ouest": 225.0,
    "ouest": 270.0,
    "nord ouest": 315.0,
}
# Qualifiers that name an area inside the map: (min lon, min lat, max lon, max lat).
REGION_HINTS: dict[str, tuple[float, float, float, float]] = {
    "kent": (0.0, 50.9, 1.5, 51.5),
    "hampshire": (-1.96, 50.7, -0.7, 51.4),
    "sussex": (-0.97, 50.7, 0.87, 51.15),
    "east sussex": (-0.25, 50.7, 0.87, 51.15),
    "essex": (0.0, 51.45, 1.3, 52.1),
    "nord": (2.05, 50.0, 4.3, 51.1),
    "pas de calais": (1.5, 50.0, 3.2, 51.0),
    "somme": (1.3, 49.55, 3.2, 50.37),
    "normandy": (-2.0, 48.2, 1.8, 50.1),
    "normandie": (-2.0, 48.2, 1.8, 50.1),
    "west flanders": (2.5, 50.68, 3.47, 51.38),
    "west vlaanderen": (2.5, 50.68, 3.47, 51.38),
    "flandre occidentale": (2.5, 50.68, 3.47, 51.38),
}
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


@dataclass(frozen=True)
class Candidate:
    """A gazetteer place a query may mean, with how well its name matched (0-100)."""

    place_id: str
    name: str
    country: str | None
    score: float


@dataclass(frozen=True)
class GeocodeResult:
    """What a query resolved to: a point with precision and radius, or not found.

    ``phrase`` says how the point was made from the place: ``name`` (the place
    itself), ``beach``, ``offshore``, ``near``, ``between`` or ``direction``.
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

    def feature(self) -> dict[str, object]:
        """Return the result as a GeoJSON Feature (null geometry when not found)."""
        geometry = None
        if self.lon is not None and self.lat is not None:
            geometry = {"type": "Point", "coordinates": [round(self.lon, 6), round(self.lat, 6)]}
        properties: dict[str, object] = {
            "query": self.query,
            "found": self.found,
            "place_id": self.place_id,
            "name": self.name,
            "country": self.country,
            "location_precision": self.location_precision,
            "uncertainty_m": self.uncertainty_m,
            "score": self.score,
            "phrase": self.phrase,
            "reason": self.reason,
            "candidates": [c.__dict__ for c in self.candidates],
        }
        return {"type": "Feature", "geometry": geometry, "properties": properties}


# -- text normalisation -------------------------------------------------------------


_APOSTROPHES = re.compile(r"[’'`´ʼ]")
_SEPARATORS = re.compile(r"[\-‐‑‒–—_/;:()\[\]\"“”«»!?]|(?<!\d)[.,]|[.,](?!\d)")
_WORD_FORMS = {"st": "saint", "ste": "sainte", "mt": "mount"}


def normalize_name(text: str) -> str:
    """Fold a place name to the form the index compares: no accents, case, hyphens.

    ``Équihen-Plage``, ``equihen plage`` and ``EQUIHEN PLAGE`` all become
    ``equihen plage``; ``St Margaret's`` becomes ``saint margaret s``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    spaced = _SEPARATORS.sub(" ", _APOSTROPHES.sub(" ", stripped))
    return " ".join(_WORD_FORMS.get(word, word) for word in spaced.split())


def check_query(query: str) -> str:
    """Return the query stripped, or refuse it naming what is wrong.

    Raises
    ------
    InvalidPlaceQueryError
        For an empty query, one longer than MAX_QUERY_CHARS, or one holding
        control characters.
    """
    if not isinstance(query, str):
        raise InvalidPlaceQueryError(f"a place name must be text, got {type(query).__name__}")
    stripped = query.strip()
    if not stripped:
        raise InvalidPlaceQueryError("empty place name")
    if len(stripped) > MAX_QUERY_CHARS:
        raise InvalidPlaceQueryError(
            f"place name of {len(stripped)} characters is too long (at most {MAX_QUERY_CHARS}): "
            f"{stripped[:40]!r}…"
        )
    controls = sorted({c for c in stripped if unicodedata.category(c) in ("Cc", "Cf")})
    if controls:
        shown = ", ".join(repr(c) for c in controls)
        raise InvalidPlaceQueryError(f"place name holds control characters ({shown}): {stripped!r}")
    return stripped


# -- the name index -----------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """One gazetteer place as plain values: pandas row access is slow per query."""

    place_id: str
    name: str
    country: str | None
    lon: float
    lat: float
    population: int
    kind: str
    precision: LocationPrecision
    uncertainty_m: float


@dataclass(frozen=True)
class _NameIndex:
    """Normalised names of every gazetteer place, for exact and fuzzy lookup."""

    places: pd.DataFrame
    rows: list[_Row]  # the rows of ``places`` as plain values
    by_name: dict[str, list[int]]
    own_forms: list[frozenset[str]]  # per row: the forms of its own name, not alternates
    names: list[str]
    coast_m: np.ndarray
    focus_m: np.ndarray
    shore: np.ndarray  # (rows, 2): lon and lat of each place's nearest shore point


def _name_forms(name: str) -> set[str]:
    """Return the normalised forms a place name is looked up by.

    Besides the name itself: without a leading article ("the", "le", "la",
    "les") and without a trailing "sur mer", so "Boulogne" finds
    Boulogne-sur-Mer.
    """
    base = normalize_name(name)
    forms = {base}
    for article in ("the ", "le ", "la ", "les ", "l "):
        if base.startswith(article) and len(base) > len(article) + 3:
            forms.add(base[len(article) :])
    if base.endswith(" sur mer"):
        forms.add(base.removesuffix(" sur mer"))
    return {form for form in forms if form}


@cache
def _index() -> _NameIndex:
    """Build the name index once per process."""
    places = gazetteer().reset_index(drop=True)
    by_name: dict[str, list[int]] = {}
    own_forms = [frozenset(_name_forms(str(name))) for name in places["name"]]
    for row, (name, alternates) in enumerate(
        zip(places["name"], places["alternate_names"].fillna(""), strict=True)
    ):
        for spelling in [name, *[a for a in str(alternates).split("|") if a]]:
            for form in _name_forms(spelling):
                rows = by_name.setdefault(form, [])
                if row not in rows:
                    rows.append(row)
    coast_m, focus_m, shore = _coast_distances(places)
    return _NameIndex(
        places, _rows(places), by_name, own_forms, sorted(by_name), coast_m, focus_m, shore
    )


def _rows(places: pd.DataFrame) -> list[_Row]:
    """Return the gazetteer rows as plain values (no pandas missing values)."""
    columns = zip(
        places["place_id"],
        places["name"],
        places["country"],
        places["lon"],
        places["lat"],
        places["population"],
        places["kind"],
        places["precision"],
        places["uncertainty_m"],
        strict=True,
    )
    return [
        _Row(
            str(place_id),
            str(name),
            None if pd.isna(country) else str(country),
            float(lon),
            float(lat),
            0 if pd.isna(population) else int(population),
            str(kind),
            LocationPrecision(str(precision)),
            float(uncertainty_m),
        )
        for place_id, name, country, lon, lat, population, kind, precision, uncertainty_m in columns
    ]


def _coast_distances(places: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return each place's distance to the shore and to the mapped French coast, in metres.

    Homonyms are told apart by these: a place on the shore beats one inland,
    and one near the French coast (the reference line) beats one far along
    another shore (Hythe in Kent, not Hythe on Southampton Water). The third
    array holds each place's nearest shore point (lon, lat), where "the beach
    at X" and "off X" start from.
    """
    points = gpd.GeoSeries(gpd.points_from_xy(places["lon"], places["lat"]), crs=CRS)
    relations = relate_to_coast(points)
    reference = coastline_layer(CoastLayer.REFERENCE_LINE).to_crs(METRIC_CRS).geometry.iloc[0]
    focus = points.to_crs(METRIC_CRS).distance(reference).to_numpy(dtype=float)
    shore = relations[["shore_lon", "shore_lat"]].to_numpy(dtype=float)
    return np.abs(relations["shore_distance_m"].to_numpy(dtype=float)), focus, shore


# -- phrases ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    """A query taken apart: what kind of place phrase, which names, what distance."""

    kind: str
    names: tuple[str, ...]
    distance_m: float | None = None
    bearing_deg: float | None = None


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_UNITS = _alternation(UNIT_METRES)
_DISTANCE = re.compile(
    r"^(?:about |around |some |approximately |roughly |nearly |almost |just |environ |a )?"
    rf"(?P<number>\d+(?:[.,]\d+)?|one|two|three|four|five|ten|a) ?(?P<unit>{_UNITS})"
    rf"(?: \d+(?:[.,]\d+)? ?(?:{_UNITS}))? (?P<rest>.+)$"  # a conversion in brackets
)
_NUMBER_WORDS = {
    "a": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "ten": 10.0,
}
_BETWEEN = re.compile(r"^(?:somewhere )?(?:between|entre) (?P<a>.+?) (?:and|et) (?P<b>.+)$")
# French particles only after French words: "off De Panne" keeps its "De".
_OFFSHORE = re.compile(
    r"^(?:just |right |a little way |some way |far )?"
    r"(?:(?:off|out from)"
    r"(?: the (?:coast|coastline|shore|beach|beaches|port|harbour|harbor) (?:of|at|near)"
    r"| the coast)?"
    r"|au large(?: (?:de|d|du|des) (?:la cote|les cotes|cotes))?(?: de| d| du| des)?(?: la)?)"
    r" (?P<a>.+)$"
)
_IN_SEA_OFF = re.compile(r"^(?:in the sea|at sea|in the water|in the channel) off (?P<a>.+)$")
_BEACH_BEFORE = re.compile(
    r"^(?:on |at |from )?(?:the |a |la |une |les )?"
    r"(?:beach|beaches|shore|sands|seafront|plage|plages)"
    r" (?:at|in|of|near|outside|de|d|du|des|by) (?P<a>.+)$"
)
_BEACH_AFTER = re.compile(
    r"^(?:on |at |from )?(?:the |a |an )?(?P<a>.+?) (?:beach|beaches|seafront|sands|shore)$"
)
_NEAR = re.compile(
    r"^(?:near|nearby|close to|outside|just outside|around|the area around|the area of|"
    r"the outskirts of|pres de|pres d|aux environs de|a proximite de|vicinity of|"
    r"the vicinity of|not far from)(?: the town of| the village of)? (?P<a>.+)$"
)
_DIRECTION = re.compile(
    rf"^(?:due |au |a l )?(?P<dir>{_alternation(BEARINGS)}) (?:of|de|d|du) (?P<a>.+)$"
)
_FROM = re.compile(r"^(?:from|de|d) (?P<a>.+)$")
_LEADING = re.compile(
    r"^(?:the town of |the village of |the port of |the city of |in |at )(?P<a>.+)$"
)


def _distance_metres(number: str, unit: str) -> float:
    """Convert a number as written and its unit to metres."""
    value = _NUMBER_WORDS.get(number) or float(number.replace(",", "."))
    return value * UNIT_METRES[unit]


def _parse_phrase(text: str) -> _Phrase:
    """Take a normalised query apart into a phrase kind, place names and distances."""
    distance_m = None
    measured = _DISTANCE.match(text)
    if measured:
        distance_m = _distance_metres(measured["number"], measured["unit"])
        text = measured["rest"]
    if between := _BETWEEN.match(text):
        return _Phrase("between", (between["a"], between["b"]))
    if direction := _DIRECTION.match(text):
        bearing = BEARINGS[direction["dir"]]
        return _Phrase("direction", (direction["a"],), distance_m or DEFAULT_DIRECTION_M, bearing)
    if offshore := _IN_SEA_OFF.match(text) or _OFFSHORE.match(text):
        return _Phrase("offshore", (offshore["a"],), distance_m)
    if distance_m is not None and (origin := _FROM.match(text)):
        return _Phrase("near", (origin["a"],), distance_m)
    if beach := _BEACH_BEFORE.match(text) or _BEACH_AFTER.match(text):
        return _Phrase("beach", (beach["a"],))
    if near := _NEAR.match(text):
        return _Phrase("near", (near["a"],))
    if leading := _LEADING.match(text):
        return _Phrase("name", (leading["a"],))
    return _Phrase("name", (text,))


# -- qualifiers and homonyms ---------------------------------------------------------


@dataclass(frozen=True)
class _Hints:
    """What a qualifier or context says about where a name lies."""

    country: str | None = None
    region: tuple[float, float, float, float] | None = None
    outside: str | None = None


# Codes that are also ordinary words ("they told us", "may be"): hints in a qualifier only.
_WORD_LIKE_CODES = frozenset({"us", "be", "fr"})


def _hints_in(text: str | None, *, sentence: bool = False) -> _Hints:
    """Find country, region and out-of-map hints in a qualifier or, if ``sentence``, a context."""
    if not text:
        return _Hints()
    words = f" {normalize_name(text)} "

    def said(hint: str) -> bool:
        return f" {hint} " in words and not (sentence and hint in _WORD_LIKE_CODES)

    outside = next((hint for hint in sorted(OUTSIDE_HINTS) if said(hint)), None)
    region = next(
        (REGION_HINTS[h] for h in sorted(REGION_HINTS, key=len, reverse=True) if said(h)), None
    )
    country = next((code for hint, code in COUNTRY_HINTS.items() if said(hint)), None)
    return _Hints(country, region, outside)


def _split_qualifier(query: str) -> tuple[str, str | None]:
    """Split "Hythe, Kent" into the name and a qualifier the hints recognise."""
    name, comma, qualifier = query.rpartition(",")
    if not comma or not name.strip():
        return query, None
    hints = _hints_in(qualifier)
    if hints == _Hints():
        return query, None
    return name.strip(), qualifier.strip()


def _choose(index: _NameIndex, rows: list[int], hints: _Hints, names: frozenset[str]) -> int:
    """Pick one of several places of the same name, toward the mapped coast.

    A qualifier's country or region wins first; then a place whose own name is
    one of ``names`` over one that has it only as an alternate name (Arques,
    not Arques-la-Bataille); then a place on the shore over one inland; then
    the one nearest the mapped French coast; then the larger.
    """
    matching = [r for r in rows if _fits(index.rows[r], hints)] or rows

    def rank(row: int) -> tuple[bool, bool, float, int]:
        alternate = index.own_forms[row].isdisjoint(names)
        inland = bool(index.coast_m[row] > COASTAL_M)
        return alternate, inland, float(index.focus_m[row]), -index.rows[row].population

    return min(matching, key=rank)


def _fits(place: _Row, hints: _Hints) -> bool:
    """Tell whether a place agrees with the hints' country and region."""
    if hints.country and place.country != hints.country:
        return False
    if hints.region:
        min_lon, min_lat, max_lon, max_lat = hints.region
        return min_lon <= place.lon <= max_lon and min_lat <= place.lat <= max_lat
    return True


# -- looking names up ----------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    """A name found in the index: its gazetteer row and how well it matched."""

    row: int
    score: float


def _lookup(index: _NameIndex, names: list[str], hints: _Hints) -> dict[str, _Match | None]:
    """Look normalised names up: exactly first, then fuzzily, all misses in one batch.

    The fuzzy pass scores the misses against every indexed name in batches
    (rapidfuzz ``cdist``, in C++ on all cores) and accepts the best name that
    scores at least FUZZY_MIN_SCORE, the places of equally good names chosen
    between as homonyms are; names shorter than FUZZY_MIN_CHARS must match
    exactly.
    """
    found: dict[str, _Match | None] = {}
    misses = []
    for name in dict.fromkeys(names):
        rows = index.by_name.get(name)
        if rows:
            found[name] = _Match(_choose(index, rows, hints, frozenset({name})), 100.0)
        elif len(name) >= FUZZY_MIN_CHARS:
            misses.append(name)
        else:
            found[name] = None
    for start in range(0, len(misses), _FUZZY_BATCH):
        batch = misses[start : start + _FUZZY_BATCH]
        scores = process.cdist(
            batch, index.names, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, workers=-1
        )
        for name, row_scores in zip(batch, scores, strict=True):
            score = float(row_scores.max())
            if score <= 0:
                found[name] = None
                continue
            tied = frozenset(index.names[i] for i in np.flatnonzero(row_scores == score))
            rows = list(dict.fromkeys(row for matched in tied for row in index.by_name[matched]))
            found[name] = _Match(_choose(index, rows, hints, tied), score)
    return found


def _candidates(index: _NameIndex, names: Iterable[str]) -> dict[str, list[Candidate]]:
    """Return the closest gazetteer places to each unplaced name, best first, each once.

    Every name is scored against every indexed name in batches (rapidfuzz
    ``cdist`` with ``WRatio``, on all cores); the best names come first, ties
    in index order, as ``process.extract`` would list them.
    """
    unique = list(dict.fromkeys(names))
    found: dict[str, list[Candidate]] = {}
    for start in range(0, len(unique), _CANDIDATE_BATCH):
        batch = unique[start : start + _CANDIDATE_BATCH]
        scores = process.cdist(batch, index.names, scorer=fuzz.WRatio, dtype=np.float64, workers=-1)
        for name, row_scores in zip(batch, scores, strict=True):
            best = _best(row_scores, CANDIDATES_SHOWN * 3)
            found[name] = _shown(index, [(index.names[i], float(row_scores[i])) for i in best])
    return found


def _best(scores: np.ndarray, count: int) -> np.ndarray:
    """Return the positions of the ``count`` best scores, best first, ties in order."""
    if count >= scores.size:
        return np.argsort(-scores, kind="stable")
    floor = np.partition(scores, scores.size - count)[scores.size - count]
    contenders = np.flatnonzero(scores >= floor)
    order = np.argsort(-scores[contenders], kind="stable")
    return contenders[order][:count]


def _shown(index: _NameIndex, scored: list[tuple[str, float]]) -> list[Candidate]:
    """Turn the best-scored names into at most CANDIDATES_SHOWN distinct places."""
    shown: dict[str, Candidate] = {}
    for matched, score in scored:
        place = index.rows[index.by_name[matched][0]]
        label = (place.name, place.country)
        if label not in {(c.name, c.country) for c in shown.values()}:
            shown[place.place_id] = Candidate(
                place.place_id, place.name, place.country, round(score, 1)
            )
    return list(shown.values())[:CANDIDATES_SHOWN]


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


# -- geometry of phrases -------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    """A point made for a phrase, with its precision and honest radius."""

    lon: float
    lat: float
    precision: LocationPrecision
    uncertainty_m: float


def _place(index: _NameIndex, row: int) -> _Placed:
    """Return a gazetteer place as it stands, with its own precision and radius."""
    place = index.rows[row]
    return _Placed(place.lon, place.lat, place.precision, place.uncertainty_m)


def _relations(lons: np.ndarray, lats: np.ndarray) -> pd.DataFrame:
    """Relate WGS84 points to the coastline (shore point, signed distance, coast km)."""
    return relate_to_coast(gpd.GeoSeries(gpd.points_from_xy(lons, lats), crs=CRS))


@cache
def _phrase_point(
    kind: str, rows: tuple[int, ...], distance_m: float | None, bearing_deg: float | None
) -> _Placed | None:
    """Make the point a phrase describes from its places (cached per distinct phrase)."""
    index = _index()
    place = _place(index, rows[0])
    if kind == "beach":
        return _beach(index, rows[0], place)
    if kind == "offshore":
        return _offshore_points(index, [(rows[0], distance_m)])[(rows[0], distance_m)]
    if kind == "near":
        extra = distance_m if distance_m is not None else NEAR_EXTRA_M
        return replace(
            place, precision=LocationPrecision.AREA, uncertainty_m=place.uncertainty_m + extra
        )
    if kind == "direction":
        assert distance_m is not None and bearing_deg is not None
        lon, lat, _ = GEOD.fwd(place.lon, place.lat, bearing_deg, distance_m)
        radius = place.uncertainty_m + 0.2 * distance_m
        return _Placed(float(lon), float(lat), LocationPrecision.AREA, radius)
    if kind == "between":
        return _between(index, place, _place(index, rows[1]), rows)
    return place


def _beach(index: _NameIndex, row: int, place: _Placed) -> _Placed:
    """Place "the beach at X": the shore point nearest X, not X's town centre."""
    if index.rows[row].kind == "beach":
        return place
    shore_lon, shore_lat = index.shore[row]
    radius = max(place.uncertainty_m, 500.0)
    return _Placed(float(shore_lon), float(shore_lat), LocationPrecision.SITE, radius)


_OFFSHORE_BEARINGS = np.arange(0.0, 360.0, 10.0)
_OFFSHORE_RINGS = np.array([1.0, 1.5, 2.0, 3.0])  # times the distance, out from X's shore
_offshore_cache: dict[tuple[int, float | None], _Placed] = {}


def _offshore_points(
    index: _NameIndex, keys: Iterable[tuple[int, float | None]]
) -> dict[tuple[int, float | None], _Placed]:
    """Place "off X" for many (row of X, distance) at once, cached per process.

    The candidate points of every phrase not placed yet are related to the
    coast in one call: one call per phrase costs more than its points.
    """
    keys = list(dict.fromkeys(keys))
    new = [key for key in keys if key not in _offshore_cache]
    if new:
        count = _OFFSHORE_BEARINGS.size * _OFFSHORE_RINGS.size
        shore = index.shore[[row for row, _ in new]]
        offsets = [distance if distance is not None else DEFAULT_OFFSHORE_M for _, distance in new]
        lons, lats, _ = GEOD.fwd(
            np.repeat(shore[:, 0], count),
            np.repeat(shore[:, 1], count),
            np.tile(_OFFSHORE_BEARINGS, len(new) * _OFFSHORE_RINGS.size),
            np.outer(offsets, np.repeat(_OFFSHORE_RINGS, _OFFSHORE_BEARINGS.size)).ravel(),
        )
        lons, lats = np.asarray(lons), np.asarray(lats)
        seaward = _relations(lons, lats)["shore_distance_m"].to_numpy(dtype=float)
        for at, (row, distance_m) in enumerate(new):
            part = slice(at * count, (at + 1) * count)
            _offshore_cache[(row, distance_m)] = _offshore(
                _place(index, row),
                shore[at],
                distance_m,
                (lons[part], lats[part], seaward[part]),
            )
    return {key: _offshore_cache[key] for key in keys}


def _offshore(
    place: _Placed,
    shore: np.ndarray,
    distance_m: float | None,
    around: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> _Placed:
    """Place "off X" / "N km off X": a point at sea, that far out from X's shore.

    From the shore point nearest X, candidate points are tried every 10
    degrees at the distance, then at 1.5, 2 and 3 times it (``around``: their
    lon, lat and signed shore distance, ring by ring). The innermost ring with
    points whose own shore distance is the stated one give or take
    1 - OPEN_SEA_SHARE wins (the shore point may lie in a bay or an estuary);
    of its points, the one closest to the direction from X to its shore, or
    the most seaward one when X is on the shore itself. Where no point is that
    far from every shore, the point at sea whose shore distance is nearest the
    stated one.
    """
    offset = distance_m if distance_m is not None else DEFAULT_OFFSHORE_M
    shore_lon, shore_lat = float(shore[0]), float(shore[1])
    bearings = np.tile(_OFFSHORE_BEARINGS, _OFFSHORE_RINGS.size)
    ring = np.repeat(np.arange(_OFFSHORE_RINGS.size), _OFFSHORE_BEARINGS.size)
    lons, lats, seaward = around
    radius = place.uncertainty_m / 2 + (0.25 * offset if distance_m is not None else offset)
    at_sea = seaward > 0
    if not at_sea.any():
        return _Placed(shore_lon, shore_lat, LocationPrecision.AREA, radius + offset)
    as_stated = at_sea & (np.abs(seaward - offset) <= (1 - OPEN_SEA_SHARE) * offset)
    if not as_stated.any():
        best = int(np.argmin(np.where(at_sea, np.abs(seaward - offset), np.inf)))
        return _Placed(float(lons[best]), float(lats[best]), LocationPrecision.AREA, radius)
    pool = as_stated & (ring == ring[as_stated].min())
    toward, _, inland_m = GEOD.inv(place.lon, place.lat, shore_lon, shore_lat)
    if inland_m > 100:
        turn = np.abs((bearings - toward + 180.0) % 360.0 - 180.0)
        best = int(np.argmin(np.where(pool, turn, np.inf)))
    else:
        best = int(np.argmax(np.where(pool, seaward, -np.inf)))
    return _Placed(float(lons[best]), float(lats[best]), LocationPrecision.AREA, radius)


def _between(index: _NameIndex, first: _Placed, second: _Placed, rows: tuple[int, ...]) -> _Placed:
    """Place "between X and Y": halfway along the coast, or halfway as the crow flies."""
    on_coast = all(index.focus_m[row] < COASTAL_M * 4 for row in rows)
    if on_coast:
        kms = _relations(np.array([first.lon, second.lon]), np.array([first.lat, second.lat]))[
            "coast_km"
        ]
        lon, lat = point_at_coast_km(float(kms.mean()))
        radius = abs(float(kms.iloc[0] - kms.iloc[1])) * 500.0
        return _Placed(lon, lat, LocationPrecision.AREA, max(radius, first.uncertainty_m))
    azimuth, _, length = GEOD.inv(first.lon, first.lat, second.lon, second.lat)
    lon, lat, _ = GEOD.fwd(first.lon, first.lat, azimuth, length / 2)
    return _Placed(float(lon), float(lat), LocationPrecision.AREA, length / 2)


# -- the public functions ------------------------------------------------------------


@dataclass(frozen=True)
class _Parsed:
    """A checked query: the phrase it holds and the hints that go with it."""

    phrase: _Phrase
    hints: _Hints


def _without_the(name: str) -> str:
    """Drop a leading English article that names do not carry ("the UK", "the Port of Dover").

    A name that keeps its article in the gazetteer ("The Hague") is kept whole.
    """
    if name.startswith("the ") and name not in _index().by_name:
        return name.removeprefix("the ")
    return name


def _parse(query: str, context_hints: _Hints) -> _Parsed:
    """Check a query and take it apart (raises InvalidPlaceQueryError)."""
    name, qualifier = _split_qualifier(check_query(query))
    own = _hints_in(qualifier)
    hints = _Hints(
        own.country or context_hints.country,
        own.region or context_hints.region,
        own.outside or context_hints.outside,
    )
    whole = _without_the(normalize_name(name))
    if whole in _index().by_name or whole in COUNTRY_NAMES:
        return _Parsed(_Phrase("name", (whole,)), hints)
    phrase = _parse_phrase(whole)
    phrase = replace(phrase, names=tuple(_without_the(name) for name in phrase.names))
    beach_feature = f"{phrase.names[0]} beach"
    if phrase.kind == "beach" and beach_feature in _index().by_name:
        return _Parsed(_Phrase("name", (beach_feature,)), hints)  # a curated beach of X
    return _Parsed(phrase, hints)


def geocode(query: str, context: str | None = None) -> GeocodeResult:
    """Geocode one place name or phrase.

    Parameters
    ----------
    query
        The place as a report writes it, e.g. ``"off Wimereux"``.
    context
        Text around it (the sentence), whose hints choose between homonyms.

    Raises
    ------
    InvalidPlaceQueryError
        For an empty, over-long or control-character query.
    """
    check_query(query)
    return geocode_many([query], context=context)[0]


def geocode_many(
    queries: Iterable[str],
    *,
    context: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    fallback: Callable[[str], GeocodeResult] | None = None,
) -> list[GeocodeResult]:
    """Geocode many names at once, each distinct query once, fuzzy misses in one batch.

    A query that cannot be read (empty, too long, control characters) is
    answered 'not found' with the reason, so one bad cell does not stop a
    whole column. ``on_progress(done, total)`` is called as distinct queries
    are resolved. ``fallback`` (e.g. :class:`geo.nominatim.NominatimFallback`)
    is asked for plain names the gazetteer lacks; never for phrases, nor for
    names a qualifier puts outside the map.
    """
    queries = list(queries)
    unique = list(dict.fromkeys(queries))
    context_hints = _hints_in(context, sentence=True)
    parsed: dict[str, _Parsed | InvalidPlaceQueryError] = {}
    for query in unique:
        try:
            parsed[query] = _parse(query, context_hints)
        except InvalidPlaceQueryError as error:
            parsed[query] = error
    matches = _lookup_all(parsed)
    unplaced = (_missing(item, matches) for item in parsed.values())
    candidates = _candidates(_index(), (name for name in unplaced if name is not None))
    _offshore_points(_index(), _offshore_keys(parsed.values(), matches))
    resolved: dict[str, GeocodeResult] = {}
    for done, query in enumerate(unique, start=1):
        resolved[query] = _resolve(query, parsed[query], matches, candidates)
        if fallback is not None and _worth_asking(parsed[query], resolved[query]):
            resolved[query] = fallback(query)
        if on_progress is not None:
            on_progress(done, len(unique))
    return [resolved[query] for query in queries]


def _worth_asking(item: _Parsed | InvalidPlaceQueryError, result: GeocodeResult) -> bool:
    """Tell whether an unplaced query is a plain name an online gazetteer may know."""
    return (
        not result.found
        and isinstance(item, _Parsed)
        and item.phrase.kind == "name"
        and item.hints.outside is None
    )


def _lookup_all(
    parsed: dict[str, _Parsed | InvalidPlaceQueryError],
) -> dict[tuple[str, _Hints], _Match | None]:
    """Look up every place name of every parsed query, batched per set of hints."""
    index = _index()
    by_hints: dict[_Hints, list[str]] = {}
    for item in parsed.values():
        if isinstance(item, _Parsed):
            names = [n for n in item.phrase.names if n not in COUNTRY_NAMES]
            by_hints.setdefault(item.hints, []).extend(names)
    matches: dict[tuple[str, _Hints], _Match | None] = {}
    for hints, names in by_hints.items():
        for name, match in _lookup(index, names, hints).items():
            matches[(name, hints)] = match
    return matches


def _offshore_keys(
    items: Iterable[_Parsed | InvalidPlaceQueryError],
    matches: dict[tuple[str, _Hints], _Match | None],
) -> list[tuple[int, float | None]]:
    """Return (row, distance) of every placed "off X" phrase, to place them all at once."""
    keys = []
    for item in items:
        if isinstance(item, _Parsed) and item.phrase.kind == "offshore":
            match = matches.get((item.phrase.names[0], item.hints))
            if match is not None:
                keys.append((match.row, item.phrase.distance_m))
    return keys


def _missing(
    item: _Parsed | InvalidPlaceQueryError, matches: dict[tuple[str, _Hints], _Match | None]
) -> str | None:
    """Return the first place name of a query that the gazetteer lacks, if any."""
    if isinstance(item, InvalidPlaceQueryError) or item.hints.outside:
        return None
    if any(name in COUNTRY_NAMES for name in item.phrase.names):
        return None
    return next((n for n in item.phrase.names if matches.get((n, item.hints)) is None), None)


def _country_result(query: str, country_name: str) -> GeocodeResult:
    """Answer a query that names only a country: country level, no point."""
    country = COUNTRY_NAMES[country_name]
    return GeocodeResult(
        query,
        found=True,
        place_id=f"country:{country}",
        name=COUNTRY_TITLES.get(country, country_name.title()),
        country=country,
        location_precision=LocationPrecision.COUNTRY,
        score=100.0,
    )


def _resolve(
    query: str,
    item: _Parsed | InvalidPlaceQueryError,
    matches: dict[tuple[str, _Hints], _Match | None],
    candidates: dict[str, list[Candidate]],
) -> GeocodeResult:
    """Turn a parsed query, its name matches and the unplaced names' candidates into a result."""
    if isinstance(item, InvalidPlaceQueryError):
        return GeocodeResult(query, found=False, reason=str(item))
    phrase, hints = item.phrase, item.hints
    if hints.outside:
        return GeocodeResult(
            query, found=False, reason=f"{hints.outside!r} places it outside the mapped coast"
        )
    country_name = next((name for name in phrase.names if name in COUNTRY_NAMES), None)
    if country_name is not None:
        return _country_result(query, country_name)
    found = [matches.get((name, hints)) for name in phrase.names]
    missing = [name for name, match in zip(phrase.names, found, strict=True) if match is None]
    if missing:
        return GeocodeResult(
            query,
            found=False,
            candidates=candidates[missing[0]],
            reason=f"no place named {missing[0]!r} in the gazetteer",
        )
    rows = tuple(match.row for match in found if match is not None)
    point = _phrase_point(phrase.kind, rows, phrase.distance_m, phrase.bearing_deg)
    assert point is not None
    place = _index().rows[rows[0]]
    return GeocodeResult(
        query,
        found=True,
        place_id=place.place_id,
        name=place.name,
        country=place.country,
        lon=point.lon,
        lat=point.lat,
        location_precision=point.precision,
        uncertainty_m=round(point.uncertainty_m, 1),
        score=round(min(match.score for match in found if match is not None), 1),
        phrase=phrase.kind,
    )
