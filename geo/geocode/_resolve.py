"""From a query to an answer: take it apart, look its names up, make its point.

A query is read in steps, each tried only when the one before names no
known place: the whole text as a name; a phrase ("off X", "the beach at
X" …); "X near Y" or "X, Y" where Y is a known place (an anchor that chooses
between homonyms of X, or places X near Y when X is unknown); the phrase
that starts further in ("a shipping lane off Calais" is "off Calais"); a
known name inside an unknown one ("the Descenderie de Sangatte beach" is the
beach at Sangatte, with a lower score), unless the name says it lies by the
sea ("cap", "beach", "falaise") and the known place lies inland. What is
still unknown is matched fuzzily, all such names of a batch at once. "The
beach at X" is only placed when X lies within :data:`BEACH_REACH_M` of the shore.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from geo.errors import InvalidPlaceQueryError
from geo.gazetteer import Place
from geo.geocode._hints import (
    COUNTRY_NAMES,
    COUNTRY_TITLES,
    NO_HINTS,
    Anchor,
    Box,
    Hints,
    hints_in,
    without_department,
)
from geo.geocode._index import COASTAL_M, NameIndex, name_index
from geo.geocode._lookup import (
    ANCHOR_REACH_M,
    Ambiguous,
    Candidate,
    Found,
    Match,
    candidates,
    choose,
    distance_m,
    lookup,
)
from geo.geocode._phrases import (
    Phrase,
    anchor_split,
    beach_spellings,
    parse_phrase,
    qualifier_place,
)
from geo.geocode._result import GeocodeResult, near, place_point
from geo.geocode._text import check_query, normalize_name
from geo.vocabulary import LocationPrecision

MAX_SUFFIX_WORDS = 8
"""How many leading words may be dropped to find a phrase further in."""
MIN_CONTAINED_CHARS = 5
BEACH_REACH_M = 15_000.0
"""The farthest from the shore a place may lie and still have a beach ("Hornu beach" has none)."""
# Known names that are also ordinary words: never taken from inside a longer unknown name.
_ORDINARY = frozenset(
    {
        *("bay", "beach", "channel", "coast", "deal", "dunes", "east", "harbour", "hope"),
        *("march", "marina", "may", "new", "north", "plage", "port", "rye", "sandwich"),
        *("south", "west", "port", "the", "digue", "jetee", "phare", "falaise", "dune"),
    }
)


@dataclass(frozen=True)
class Parsed:
    """A checked query: the phrase it holds and the hints that go with it."""

    phrase: Phrase
    hints: Hints


# -- reading a query -------------------------------------------------------------------------


def _known(index: NameIndex, name: str) -> bool:
    """Tell whether a normalised name is a place, an organisation or a country."""
    return name in index.by_name or name in index.organisation_forms or name in COUNTRY_NAMES


_ARTICLES = ("the ", "la ", "le ", "les ", "l ")


def _without_the(index: NameIndex, name: str) -> str:
    """Drop a leading article that names do not carry ("the UK", "la baie de Somme").

    A name that keeps its article in the gazetteer ("The Hague", "Le Portel")
    is kept whole; a French article only goes when the rest is a known name.
    """
    if name in index.by_name:
        return name
    if name.startswith("the "):
        return name.removeprefix("the ")
    for article in _ARTICLES[1:]:
        if name.startswith(article) and _known(index, name.removeprefix(article)):
            return name.removeprefix(article)
    return name


def _plain(index: NameIndex, phrase: Phrase) -> Phrase:
    """Return a phrase with its names' leading English article dropped where names lack it."""
    return replace(phrase, names=tuple(_without_the(index, name) for name in phrase.names))


def _all_known(index: NameIndex, phrase: Phrase) -> bool:
    """Tell whether every name of a phrase is known as written."""
    return all(_known(index, name) for name in phrase.names)


def _as_feature(index: NameIndex, phrase: Phrase) -> Phrase:
    """Turn "the beach at X" into X's curated beach when the gazetteer has one by that name."""
    if phrase.kind != "beach":
        return phrase
    spelling = next((s for s in beach_spellings(phrase.names[0]) if s in index.by_name), None)
    return Phrase("name", (spelling,)) if spelling is not None else phrase


def _anchor(index: NameIndex, text: str, hints: Hints) -> Hints | None:
    """Return what a qualifier or "near Y" says when it names a known place, else None.

    A place becomes an anchor to look near; a region ("Kent", "Nord") becomes
    a region hint, its box, since its point stands for a wide area.
    """
    name = _without_the(index, qualifier_place(normalize_name(text)))
    rows = index.by_name.get(name)
    if not rows:
        return None
    row = choose(index, rows, hints, frozenset({name}))
    place = index.rows[row]
    if index.regional[row]:
        return replace(hints, region=hints_in(name).region or _box(place))
    return replace(hints, anchor=Anchor(name, row, place.lon, place.lat))


def _box(place: Place) -> Box:
    """Return the box a region's point and radius cover (min lon, min lat, max lon, max lat)."""
    half_lat = place.uncertainty_m / 111_000.0
    half_lon = half_lat / max(math.cos(math.radians(place.lat)), 0.1)
    return (place.lon - half_lon, place.lat - half_lat, place.lon + half_lon, place.lat + half_lat)


_BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifier>[^()]+)\)\s*$")


def _split_qualifier(index: NameIndex, query: str) -> tuple[str, Hints]:
    """Split "Hythe, Kent", "the beach, Wissant" or "Dunkerque (Nord)" into name and hints.

    The qualifier after the last comma, or in brackets at the end, may name
    a known place (an anchor), a region, a country, a department number, or
    a place off the map; anything else stays part of the name.
    """
    name, comma, qualifier = _rpartition_comma(query)
    bracketed = _BRACKETED.match(query)
    if bracketed is not None:
        name, comma, qualifier = bracketed["name"], ",", bracketed["qualifier"]
    if not comma or not name.strip():
        return query, NO_HINTS
    hints = hints_in(f"({qualifier})" if bracketed is not None else qualifier)
    anchored = _anchor(index, qualifier, NO_HINTS)
    if anchored is not None and anchored.anchor is not None:
        return name.strip(), replace(anchored, country=hints.country)
    if hints != NO_HINTS or anchored is not None:
        return name.strip(), hints.merged(anchored or NO_HINTS)
    return query, NO_HINTS


_SEPARATING_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def _rpartition_comma(query: str) -> tuple[str, str, str]:
    """Split at the last comma that separates words, not a decimal comma ("3,7 km")."""
    commas = list(_SEPARATING_COMMA.finditer(query))
    if not commas:
        return "", "", query
    at = commas[-1].start()
    return query[:at], ",", query[at + 1 :]


_SHORE_WORDS = frozenset(
    {
        *("cap", "cape", "pointe", "point", "baie", "bay", "anse", "cove", "crique", "estran"),
        *("plage", "plages", "beach", "beaches", "sands", "dune", "dunes", "digue", "jetee"),
        *("falaise", "falaises", "cliff", "cliffs", "pier"),
    }
)
"""Words of a name that say it lies by the sea: a cape, a beach, a cliff (not a port: rivers
have ports too)."""


def _seaside(words: Iterable[str]) -> bool:
    """Tell whether some of a name's words say it lies by the sea ("cap", "beach", "falaise")."""
    return not _SHORE_WORDS.isdisjoint(words)


def _inland(index: NameIndex, name: str) -> bool:
    """Tell whether every place of a known name lies inland, away from the shore."""
    rows = index.by_name.get(name, [])
    return bool(rows) and all(index.coast_m[row] > COASTAL_M for row in rows)


def _suffix_phrase(index: NameIndex, text: str) -> Phrase | None:
    """Return the first phrase further in whose names are all known, dropping leading words.

    The words kept must start with what leads into a place ("off", "at",
    "near", "du" …): a known name that merely ends the text ("… car park")
    is not taken.
    """
    words = text.split()
    for start in range(1, min(len(words), MAX_SUFFIX_WORDS + 1)):
        suffix = " ".join(words[start:])
        phrase = _plain(index, parse_phrase(suffix))
        led_in = phrase.kind != "name" or phrase.names[0] != suffix  # "off X", "at X", "du X"
        if led_in and _all_known(index, phrase) and not set(phrase.names) & _ORDINARY:
            return None if _seaside_inland(index, words[:start], phrase) else phrase
    return None


def _seaside_inland(index: NameIndex, dropped: list[str], phrase: Phrase) -> bool:
    """Tell whether a place by the sea ("la pointe de X") would be read as an inland town X."""
    return phrase.kind == "name" and _seaside(dropped) and _inland(index, phrase.names[0])


def _inner_names(index: NameIndex, phrase: Phrase) -> Phrase | None:
    """Keep a phrase's kind, its names read further in ("the beach of the old mill at X": X)."""
    if phrase.kind == "name":
        return None
    names = []
    for name in phrase.names:
        further = None if _known(index, name) else _suffix_phrase(index, name)
        if further is not None and further.kind != "name":
            return None  # a phrase inside a phrase: not what this reading is for
        if further is None and not _known(index, name):
            return None
        names.append(name if further is None else further.names[0])
    return replace(phrase, names=tuple(names))


_LINKING_WORDS = frozenset(
    {"sur", "sous", "en", "aux", "au", "de", "du", "des", "d", "on", "upon", "next"}
)
"""Words that join the head of a compound place name to its last word ("La Chapelle-sur-Dun",
"Saint-Martin-en-Campagne", "Leigh-on-Sea"); an article is not one ("Wissant le village")."""


def _contained(index: NameIndex, name: str) -> str | None:
    """Return the longest known place name inside an unknown name (leftmost first), if any.

    Words from the head of a compound name are not taken ("la chapelle" or
    "chapelle" of "la chapelle sur dun"): they name another place, often far
    away, not the one the whole name is.
    """
    words = name.split()
    head = _compound_head(words)
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            known = len(part) >= MIN_CONTAINED_CHARS and part in index.by_name
            if known and part not in _ORDINARY and start + size > head:
                return part
    return None


def _compound_head(words: list[str]) -> int:
    """Return how many words open a compound name before its linking word, or 0 if it is none.

    A compound ends in a linking word and one word: "la chapelle sur dun" opens
    with two ("la chapelle"), "saint martin en campagne" with two. A known place
    followed by words about it ("hythe on the coast", "wimereux les dunes",
    "wissant surf club car park") is no compound: that place is found in it.
    """
    if len(words) >= 3 and words[-2] in _LINKING_WORDS:
        return len(words) - 2
    return 0


_ARTICLE = re.compile(r"^(?:the|a|an|la|le|les|l|une|un|this|that|cette|ce) ")
_GENERIC_BEACH = frozenset({"beach", "beaches", "plage", "plages", "strand", "sands", "seafront"})
_GENERIC_PORT = frozenset({"harbour", "harbor", "port", "docks", "haven", "marina"})


def _generic(index: NameIndex, text: str, anchor: Anchor) -> Phrase | None:
    """Read "the beach, Wissant" or "le port, Calais": a feature word and its place."""
    word = _ARTICLE.sub("", text)
    if word in _GENERIC_BEACH:
        return _as_feature(index, Phrase("beach", (anchor.name,)))
    if word in _GENERIC_PORT:
        spellings = (f"port of {anchor.name}", f"port de {anchor.name}", f"{anchor.name} harbour")
        port = next((s for s in spellings if s in index.by_name), anchor.name)
        return Phrase("name", (port,))
    return None


def _parse_name(index: NameIndex, text: str, hints: Hints) -> Parsed:
    """Take a normalised name apart, in the steps the module describes."""
    generic = None if hints.anchor is None else _generic(index, text, hints.anchor)
    if generic is not None:
        return Parsed(generic, hints)
    if _known(index, text):
        return Parsed(Phrase("name", (text,)), hints)
    phrase = _plain(index, parse_phrase(text))
    if _all_known(index, phrase):
        return Parsed(_as_feature(index, phrase), hints)
    split = anchor_split(text)
    if split is not None and hints.anchor is None:
        anchored = _anchor(index, split[1], hints)
        if anchored is not None:
            near_anchor = _parse_name(index, _without_the(index, split[0]), anchored)
            return _coarse_to_anchor(near_anchor)
    inner = _inner_names(index, phrase)
    if inner is not None:
        return Parsed(_as_feature(index, inner), hints)
    further = _suffix_phrase(index, text)
    if further is not None:
        return Parsed(_as_feature(index, further), hints)
    return Parsed(_as_feature(index, phrase), hints)


def _coarse_to_anchor(parsed: Parsed) -> Parsed:
    """Put "off the French coast near Y" at Y: the anchor is finer than a country."""
    anchor = parsed.hints.anchor
    if anchor is None or not set(parsed.phrase.names) & COUNTRY_NAMES.keys():
        return parsed
    return replace(parsed, phrase=replace(parsed.phrase, names=(anchor.name,)))


def _parse(query: str, context_hints: Hints) -> Parsed:
    """Check a query and take it apart (raises InvalidPlaceQueryError)."""
    index = name_index()
    text = check_query(query)
    if _known(index, _without_the(index, normalize_name(text))):  # "A16 (Dunkerque)" is a name
        return Parsed(Phrase("name", (_without_the(index, normalize_name(text)),)), context_hints)
    name, own = _split_qualifier(index, text)
    hints = own.merged(context_hints)
    whole = _without_the(index, normalize_name(without_department(name)))
    return _coarse_to_anchor(_parse_name(index, whole, hints))


# -- the public functions --------------------------------------------------------------------


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


class GeocodeMemo:
    """Answers already given, by query and the hints of its context: for a stream of texts.

    A caller that geocodes report after report (the extractor) asks the same
    names again and again ("Calais", "off Dover"); with a memo each is
    resolved once per set of context hints. It forgets everything once it
    holds ``max_answers``, so it stays small whatever the stream.
    """

    def __init__(self, max_answers: int = 20_000) -> None:
        self.max_answers = max_answers
        self._answers: dict[tuple[str, Hints], GeocodeResult] = {}

    def known(self, queries: list[str], hints: Hints) -> dict[str, GeocodeResult]:
        """Return the answers already given to these queries under these hints."""
        answers = self._answers
        return {q: answers[(q, hints)] for q in queries if (q, hints) in answers}

    def keep(self, answers: dict[str, GeocodeResult], hints: Hints) -> None:
        """Keep new answers (forgetting all first when the memo is full)."""
        if len(self._answers) + len(answers) > self.max_answers:
            self._answers = {}
        self._answers.update(((query, hints), answer) for query, answer in answers.items())


def geocode_many(
    queries: Iterable[str],
    *,
    context: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    fallback: Callable[[str], GeocodeResult] | None = None,
    memo: GeocodeMemo | None = None,
) -> list[GeocodeResult]:
    """Geocode many names at once, each distinct query once, fuzzy misses in one batch.

    A query that cannot be read (empty, too long, control characters) is
    answered 'not found' with the reason, so one bad cell does not stop a
    whole column. ``on_progress(done, total)`` is called as distinct queries
    are resolved. ``fallback`` (e.g. :class:`geo.nominatim.NominatimFallback`)
    is asked for plain names the gazetteer lacks; never for phrases, nor for
    organisations, nor for names a qualifier puts outside the map. With a
    ``memo`` (and no fallback), queries it knows under the context's hints
    are answered from it, and only the others are resolved and counted.
    """
    queries = list(queries)
    unique = list(dict.fromkeys(queries))
    context_hints = hints_in(context, sentence=True)
    memo = memo if fallback is None else None
    known = memo.known(unique, context_hints) if memo is not None else {}
    todo = [query for query in unique if query not in known]
    resolved = _resolve_all(todo, context_hints, on_progress, fallback) if todo else {}
    if memo is not None:
        memo.keep(resolved, context_hints)
    return [known[query] if query in known else resolved[query] for query in queries]


def _resolve_all(
    unique: list[str],
    context_hints: Hints,
    on_progress: Callable[[int, int], None] | None,
    fallback: Callable[[str], GeocodeResult] | None,
) -> dict[str, GeocodeResult]:
    """Resolve distinct queries under the context's hints (see :func:`geocode_many`)."""
    parsed: dict[str, Parsed | InvalidPlaceQueryError] = {}
    for query in unique:
        try:
            parsed[query] = _parse(query, context_hints)
        except InvalidPlaceQueryError as error:
            parsed[query] = error
    index = name_index()
    matches = _lookup_all(index, parsed)
    unplaced = (_missing(index, item, matches) for item in parsed.values())
    closest = candidates(index, (name for name in unplaced if name is not None))
    offshore = _offshore_keys(parsed.values(), matches)
    if offshore:
        from geo.geocode._geometry import offshore_points  # the coastline, once it is needed

        offshore_points(index, offshore)
    resolved: dict[str, GeocodeResult] = {}
    for done, query in enumerate(unique, start=1):
        resolved[query] = _resolve(index, query, parsed[query], matches, closest)
        if fallback is not None and _worth_asking(parsed[query], resolved[query]):
            resolved[query] = fallback(query)
        if on_progress is not None:
            on_progress(done, len(unique))
    return resolved


def _worth_asking(item: Parsed | InvalidPlaceQueryError, result: GeocodeResult) -> bool:
    """Tell whether an unplaced query is a plain name an online gazetteer may know."""
    return (
        not result.found
        and not result.organisation
        and isinstance(item, Parsed)
        and item.phrase.kind == "name"
        and item.phrase.too_far is None
        and item.hints.outside is None
        and item.hints.anchor is None
    )


Matches = dict[tuple[str, Hints], Found]


def _place_names(index: NameIndex, phrase: Phrase) -> list[str]:
    """Return the names of a phrase that are looked up as places (not countries, not bodies)."""
    return [
        name
        for name in phrase.names
        if name not in COUNTRY_NAMES
        and not (name in index.organisation_forms and name not in index.by_name)
    ]


def _lookup_all(index: NameIndex, parsed: dict[str, Parsed | InvalidPlaceQueryError]) -> Matches:
    """Look up every place name of every parsed query, batched per set of hints."""
    by_hints: dict[Hints, list[str]] = {}
    for item in parsed.values():
        if isinstance(item, Parsed):
            by_hints.setdefault(item.hints, []).extend(_place_names(index, item.phrase))
    matches: Matches = {}
    for hints, names in by_hints.items():
        for name, match in lookup(index, names, hints).items():
            matches[(name, hints)] = match
    return matches


def _offshore_keys(
    items: Iterable[Parsed | InvalidPlaceQueryError], matches: Matches
) -> list[tuple[int, float | None]]:
    """Return (row, distance) of every placed "off X" phrase, to place them all at once."""
    keys = []
    for item in items:
        if isinstance(item, Parsed) and item.phrase.kind == "offshore" and not item.phrase.too_far:
            match = matches.get((item.phrase.names[0], item.hints))
            if isinstance(match, Match) and _anchored(item.hints, match):
                keys.append((match.row, item.phrase.distance_m))
    return keys


def _missing(
    index: NameIndex, item: Parsed | InvalidPlaceQueryError, matches: Matches
) -> str | None:
    """Return the first place name of a query that the gazetteer lacks, if any."""
    if isinstance(item, InvalidPlaceQueryError) or item.hints.outside:
        return None
    names = _place_names(index, item.phrase)
    if len(names) < len(item.phrase.names):
        return None
    return next((n for n in names if matches.get((n, item.hints)) is None), None)


def _anchored(hints: Hints, match: Match) -> bool:
    """Tell whether a match lies near the query's anchor place (true without an anchor)."""
    if hints.anchor is None:
        return True
    place = name_index().rows[match.row]
    return distance_m(place.lon, place.lat, hints.anchor) <= ANCHOR_REACH_M


# -- answers ---------------------------------------------------------------------------------


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


def _organisation_result(index: NameIndex, query: str, form: str) -> GeocodeResult:
    """Answer a name that is an organisation: its id, name and kind, and that it is no place."""
    organisation = index.organisations[index.organisation_forms[form].organisation]
    kind = organisation.kind.replace("_", " ")
    return GeocodeResult(
        query,
        found=False,
        place_id=organisation.org_id,
        name=organisation.name,
        country=organisation.country,
        score=100.0,
        kind=organisation.kind,
        commune=organisation.commune,
        organisation=True,
        reason=(
            f"{organisation.name} is an organisation ({kind}), not a place where incidents happen"
        ),
    )


def _unplaced(
    query: str, name: str, found: Found, closest: dict[str, list[Candidate]]
) -> GeocodeResult:
    """Answer a query whose name is unknown, or close to several places: with the candidates."""
    if isinstance(found, Ambiguous):
        listed = ", ".join(f"{c.name} ({c.country or '-'})" for c in found.candidates)
        return GeocodeResult(
            query,
            found=False,
            candidates=list(found.candidates),
            reason=f"{name!r} is not a known name and is as close to several places: {listed}",
        )
    return GeocodeResult(
        query,
        found=False,
        candidates=closest.get(name, []),
        reason=f"no place named {name!r} in the gazetteer",
    )


def _resolve(
    index: NameIndex,
    query: str,
    item: Parsed | InvalidPlaceQueryError,
    matches: Matches,
    closest: dict[str, list[Candidate]],
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
    body = next((n for n in phrase.names if n not in _place_names(index, phrase)), None)
    if body is not None:
        return _organisation_result(index, query, body)
    if phrase.too_far:
        return GeocodeResult(query, found=False, reason=phrase.too_far)
    found = [_or_contained(index, name, matches.get((name, hints)), hints) for name in phrase.names]
    placed = [match for match in found if isinstance(match, Match)]
    anchor = hints.anchor
    if anchor is not None and not (len(placed) == len(found) and _anchored(hints, placed[0])):
        near_anchor = Phrase("near", (anchor.name,))  # X unknown or far: "near Y" is what is sure
        return _placed_result(index, query, near_anchor, [Match(anchor.row, 100.0)])
    for name, match in zip(phrase.names, found, strict=True):
        if not isinstance(match, Match):
            return _unplaced(query, name, match, closest)
    if phrase.kind == "beach" and index.coast_m[placed[0].row] > BEACH_REACH_M:
        far_km = index.coast_m[placed[0].row] / 1000
        reason = f"{index.rows[placed[0].row].name} lies {far_km:.0f} km from the shore: no beach"
        return GeocodeResult(query, found=False, reason=reason)
    return _placed_result(index, query, phrase, placed)


def _or_contained(index: NameIndex, name: str, found: Found, hints: Hints) -> Found:
    """Fall back on a known name inside an unplaced one, its score scaled by its share of it.

    "the Descenderie de Sangatte" is not known, nor close to a known name,
    but holds "Sangatte": that is what the report says for sure.
    """
    if isinstance(found, Match):
        return found
    inside = _contained(index, name)
    if inside is None:
        return found
    if _seaside(name.replace(inside, " ").split()) and _inland(index, inside):
        return found  # "the Hornu cliffs" are no cliffs of Hornu, a town 70 km inland
    row = choose(index, index.by_name[inside], hints, frozenset({inside}))
    return Match(row, 100.0 * len(inside) / len(name))


def _placed_result(
    index: NameIndex, query: str, phrase: Phrase, placed: list[Match]
) -> GeocodeResult:
    """Make the point of a phrase whose names were all found."""
    rows = tuple(match.row for match in placed)
    if phrase.kind == "name":
        point = place_point(index, rows[0])
    elif phrase.kind == "near":
        point = near(place_point(index, rows[0]), phrase.distance_m)
    else:
        from geo.geocode._geometry import phrase_point  # the coastline, once it is needed

        point = phrase_point(phrase.kind, rows, phrase.distance_m, phrase.bearing_deg, phrase.shore)
    place = index.rows[rows[0]]
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
        score=round(min(match.score for match in placed), 1),
        phrase=phrase.kind,
        kind=place.kind,
        commune=place.commune,
    )
