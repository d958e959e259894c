"""Looking names up: exactly, then fuzzily in batches, and choosing between homonyms.

A name several places carry is chosen toward what the query says (its
country, region or an anchor place) and toward the mapped coast; a region
beats a village of the same name. A misspelt name is matched to the
closest indexed name, unless its score is low or another place on the coast
matches about as well: then it is refused, naming the candidates. A name
too short or too far off for that score may still be one letter off a
single coastal name (:func:`near_miss`), which a caller that knows a place
is meant may take.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from geo.gazetteer import Place
from geo.geocode._hints import NO_HINTS, Anchor, Hints
from geo.geocode._index import COASTAL_M, NameIndex, deletions, name_index
from geo.geocode._text import normalize_name

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

FUZZY_MIN_SCORE = 86.0
FUZZY_MIN_CHARS = 5
FUZZY_TIE_MARGIN = 2.0
"""Names scoring this close to the best are as likely: if they are other places, refuse."""
AMBIGUOUS_APART_M = 15_000.0
"""Fuzzy matches this far apart are different places, not spellings of one."""
ANCHOR_REACH_M = 30_000.0
"""A place "near Y" lies within this distance of Y."""
CANDIDATES_SHOWN = 5
NEAR_MISSES_KEPT = 4096
"""Spellings whose near miss is remembered: names read from untrusted text, so bounded."""
CANDIDATE_POOL = 64  # names per unplaced name rescored with WRatio, besides those sharing a word
_COMMON_WORD_NAMES = 100  # a word in more names than this ("saint", "plage") shares nothing
_CANDIDATE_BATCH = 256  # unplaced names scored at once: 256 x ~15,000 scores in memory
_FUZZY_BATCH = 1024  # misses scored at once: bounds the score matrix for large columns


@dataclass(frozen=True)
class Candidate:
    """A gazetteer place a query may mean, with how well its name matched (0-100)."""

    place_id: str
    name: str
    country: str | None
    score: float


@dataclass(frozen=True)
class Match:
    """A name found in the index: its gazetteer row and how well it matched."""

    row: int
    score: float


@dataclass(frozen=True)
class Ambiguous:
    """A misspelt name that matches several places on the coast about as well."""

    candidates: tuple[Candidate, ...]


Found = Match | Ambiguous | None


def distance_m(lon: float, lat: float, anchor: Anchor) -> float:
    """Return an approximate distance in metres (equirectangular: good to 1 % at this scale)."""
    dx = math.radians(lon - anchor.lon) * math.cos(math.radians((lat + anchor.lat) / 2))
    dy = math.radians(lat - anchor.lat)
    return 6_371_000.0 * math.hypot(dx, dy)


def fits(place: Place, hints: Hints) -> bool:
    """Tell whether a place agrees with the hints' country and region."""
    if hints.country and place.country and place.country != hints.country:
        return False
    if hints.region:
        min_lon, min_lat, max_lon, max_lat = hints.region
        return min_lon <= place.lon <= max_lon and min_lat <= place.lat <= max_lat
    return True


def choose(index: NameIndex, rows: list[int], hints: Hints, names: frozenset[str]) -> int:
    """Pick one of several places of the same name, toward what the query says and the coast.

    An anchor place ("X, near Y") wins first: the homonym nearest it, in steps
    of 5 km. Then a qualifier's country or region; then a region over a
    place (Nord the department, not a village); then a place whose own name
    is one of ``names`` as a whole (Wimereux the town, not the river Le
    Wimereux), then one whose own name is without its article or "sur
    Mer", over one that has it only as an alternate name (Arques, not
    Arques-la-Bataille); then a place on the shore over one inland; then the
    one nearest the mapped French coast; then the larger.
    """
    matching = [r for r in rows if fits(index.rows[r], hints)] or rows

    def rank(row: int) -> tuple[float, bool, int, bool, float, int]:
        place = index.rows[row]
        near = 0.0
        if hints.anchor is not None:
            near = distance_m(place.lon, place.lat, hints.anchor) // 5_000.0
        own = (
            0
            if index.full_names[row] in names
            else 2 - (not index.own_forms[row].isdisjoint(names))
        )
        inland = bool(index.coast_m[row] > COASTAL_M)
        regional = not index.regional[row]
        return near, regional, own, inland, float(index.focus_m[row]), -(place.population or 0)

    return min(matching, key=rank)


def lookup(index: NameIndex, names: list[str], hints: Hints) -> dict[str, Found]:
    """Look normalised names up: exactly first, then fuzzily, all misses in one batch.

    The fuzzy pass scores the misses against every indexed name in batches
    (rapidfuzz ``cdist``, in C++ on all cores) and accepts the best name that
    scores at least FUZZY_MIN_SCORE, the places of equally good names chosen
    between as homonyms are; names shorter than FUZZY_MIN_CHARS must match
    exactly. A match is refused (:class:`Ambiguous`) when another place on
    the coast, far from it, scores within FUZZY_TIE_MARGIN.
    """
    found: dict[str, Found] = {}
    misses = []
    for name in dict.fromkeys(names):
        rows = index.by_name.get(name)
        if rows:
            found[name] = Match(choose(index, rows, hints, frozenset({name})), 100.0)
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
            found[name] = _fuzzy(index, row_scores, hints)
    return found


def _fuzzy(index: NameIndex, scores: npt.NDArray[np.float32], hints: Hints) -> Found:
    """Accept the best-scoring name's place, unless it scores too low or is ambiguous."""
    import numpy as np  # loaded with the first misspelt name: exact names need no numpy

    score = float(scores.max())
    if score <= 0:
        return None
    tied = frozenset(index.names[i] for i in np.flatnonzero(scores == score))
    rows = list(dict.fromkeys(row for matched in tied for row in index.by_name[matched]))
    best = choose(index, rows, hints, tied)
    if hints.anchor is not None:
        return Match(best, score)
    rivals = _rivals(index, scores, score, best, hints)
    if rivals:
        shown = [_candidate(index, best, score), *rivals]
        return Ambiguous(tuple(shown[:CANDIDATES_SHOWN]))
    return Match(best, score)


def _rivals(
    index: NameIndex, scores: npt.NDArray[np.float32], score: float, best: int, hints: Hints
) -> list[Candidate]:
    """Return other coastal places, far from ``best``, whose names score about as well."""
    import numpy as np

    chosen = index.rows[best]
    anchor = Anchor("", best, chosen.lon, chosen.lat)
    rivals: dict[str, Candidate] = {}
    for at in np.flatnonzero(scores >= score - FUZZY_TIE_MARGIN):
        for row in index.by_name[index.names[at]]:
            place = index.rows[row]
            coastal = index.coast_m[row] <= COASTAL_M
            far = distance_m(place.lon, place.lat, anchor) > AMBIGUOUS_APART_M
            if coastal and far and fits(place, hints) and place.name not in rivals:
                rivals[place.name] = _candidate(index, row, float(scores[at]))
    return sorted(rivals.values(), key=lambda c: -c.score)


@lru_cache(maxsize=NEAR_MISSES_KEPT)
def near_miss(name: str) -> str | None:
    """Return the coastal gazetteer name a spelling misses by one letter, if one place has it.

    One letter missing ("Berk": Berck), added, changed ("Wissamt": Wissant)
    or two neighbouring letters swapped, in a coastal name of NEAR_MISS_MIN_CHARS or
    more: the names sharing a one-letter deletion with the spelling are
    checked to be one such edit away (optimal string alignment). None when
    no name is that close, or when close names belong to different places
    ("Sangate": Sangatte or Sandgate), since a guess between them is no
    reading; a name the gazetteer has is its own answer. Only a caller that
    knows a place is meant should ask: a person's or a ship's name may be
    one letter off a village's.
    """
    form = normalize_name(name)
    index = name_index()
    if form in index.by_name:
        return form
    close = {
        found
        for key in deletions(form)
        for found in index.near_misses.get(key, ())
        if OSA.distance(form, found, score_cutoff=1) <= 1
    }
    chosen = {choose(index, index.by_name[found], NO_HINTS, frozenset({found})) for found in close}
    return min(close) if len(chosen) == 1 else None


def _candidate(index: NameIndex, row: int, score: float) -> Candidate:
    """Describe a gazetteer row as a candidate with its score."""
    place = index.rows[row]
    return Candidate(place.place_id, place.name, place.country, round(score, 1))


def candidates(index: NameIndex, names: Iterable[str]) -> dict[str, list[Candidate]]:
    """Return the closest gazetteer places to each unplaced name, best first, each once.

    Scored in two steps, since ``WRatio`` costs a hundred times ``ratio``:
    every name against every indexed name with ``ratio`` (rapidfuzz
    ``cdist``, in C++ on all cores), keeping the CANDIDATE_POOL best and the
    indexed names sharing a word with it ("the Descenderie de Sangatte":
    Sangatte); then those with ``WRatio``, best first, ties in index order.
    """
    unique = list(dict.fromkeys(names))
    found: dict[str, list[Candidate]] = {}
    if not unique:
        return found
    import numpy as np  # loaded with the first unknown name: exact names need no numpy

    for start in range(0, len(unique), _CANDIDATE_BATCH):
        batch = unique[start : start + _CANDIDATE_BATCH]
        scores = process.cdist(batch, index.names, scorer=fuzz.ratio, workers=-1)
        for name, row_scores in zip(batch, scores, strict=True):
            pool = sorted({*_best(row_scores, CANDIDATE_POOL).tolist(), *_sharing_a_word(name)})
            rescored = np.array([fuzz.WRatio(name, index.names[at]) for at in pool])
            best = _best(rescored, CANDIDATES_SHOWN * 3)
            found[name] = _shown(index, [(index.names[pool[i]], float(rescored[i])) for i in best])
    return found


@cache
def _names_by_word() -> dict[str, list[int]]:
    """Index the indexed names by their words of four letters or more, common words left out."""
    by_word: dict[str, list[int]] = {}
    for at, name in enumerate(name_index().names):
        for word in set(name.split()):
            if len(word) >= 4:
                by_word.setdefault(word, []).append(at)
    return {word: ats for word, ats in by_word.items() if len(ats) <= _COMMON_WORD_NAMES}


def _sharing_a_word(name: str) -> list[int]:
    """Return the positions of indexed names that share a (not too common) word with ``name``."""
    return [at for word in set(name.split()) for at in _names_by_word().get(word, [])]


def _best(scores: npt.NDArray[np.floating[Any]], count: int) -> npt.NDArray[np.intp]:
    """Return the positions of the ``count`` best scores, best first, ties in order."""
    import numpy as np

    if count >= scores.size:
        return np.argsort(-scores, kind="stable")
    floor = np.partition(scores, scores.size - count)[scores.size - count]
    contenders = np.flatnonzero(scores >= floor)
    order = np.argsort(-scores[contenders], kind="stable")
    best: npt.NDArray[np.intp] = contenders[order][:count]
    return best


def _shown(index: NameIndex, scored: list[tuple[str, float]]) -> list[Candidate]:
    """Turn the best-scored names into at most CANDIDATES_SHOWN distinct places."""
    shown: dict[str, Candidate] = {}
    for matched, score in scored:
        row = index.by_name[matched][0]
        place = index.rows[row]
        label = (place.name, place.country)
        if label not in {(c.name, c.country) for c in shown.values()}:
            shown[place.place_id] = _candidate(index, row, score)
    return list(shown.values())[:CANDIDATES_SHOWN]


@cache
def place_names() -> dict[str, Place]:
    """Return every folded name the geocoder knows, with the place it names on its own.

    A name several places carry is given to the one :func:`choose` picks
    with no other hint ("wimereux": the town, not the river): what a search
    box that matches names as the geocoder does should move to.
    """
    index = name_index()
    return {
        form: index.rows[choose(index, rows, NO_HINTS, frozenset({form}))]
        for form, rows in index.by_name.items()
    }
