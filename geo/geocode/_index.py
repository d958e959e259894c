"""The name index: every spelling of every gazetteer place and organisation, folded.

Built once per process from the plain rows of :mod:`geo.gazetteer` (no
numpy, no pandas, no coastline: where each place lies relative to the coast
comes precomputed in the bundled file), so that a single query answers
quickly. The coast's names are also indexed by their one-letter deletions,
so that a spelling one letter off one of them is found in a few dict lookups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from geo.gazetteer import Organisation, Place, organisations, places
from geo.geocode._text import normalize_name
from geo.vocabulary import LocationPrecision

_ARTICLES = ("the ", "le ", "la ", "les ", "l ")
COASTAL_M = 5_000.0
"""A place this close to the shore is on the coast."""
NEAR_MISS_MIN_CHARS = 5
"""A coastal name this long or longer is indexed for spellings one letter off it."""
ACRONYM_LETTERS = 5
"""An organisation's name written in capitals and this short is an acronym ("PAF", "CROSS")."""


def name_forms(name: str) -> set[str]:
    """Return the normalised forms a place name is looked up by.

    Besides the name itself: without a leading article ("the", "le", "la",
    "les") and without a trailing "sur mer", so "Boulogne" finds
    Boulogne-sur-Mer.
    """
    base = normalize_name(name)
    forms = {base}
    for article in _ARTICLES:
        if base.startswith(article) and len(base) > len(article) + 3:
            forms.add(base[len(article) :])
    if base.endswith(" sur mer"):
        forms.add(base.removesuffix(" sur mer"))
    return {form for form in forms if form}


def is_acronym(spelling: str) -> bool:
    """Tell whether an organisation's spelling is an acronym, matched in capitals only."""
    letters = [c for c in spelling if c.isalpha()]
    return spelling.isupper() and len(letters) <= ACRONYM_LETTERS and " " not in spelling


@dataclass(frozen=True)
class OrganisationForm:
    """A folded spelling of an organisation, and whether text must write it in capitals."""

    organisation: int
    acronym: bool


@dataclass(frozen=True)
class NameIndex:
    """Normalised names of every gazetteer place and organisation, for exact and fuzzy lookup.

    ``by_name`` maps a form to the rows of ``rows`` it names; ``names`` is
    the sorted list of place forms the fuzzy match scores against. Per row:
    ``own_forms`` (the forms of its own name, not its alternates),
    ``full_names`` (its own name whole, article and all),
    ``coast_m`` (distance to the shore), ``focus_m`` (to the French reference
    coast) and ``regional`` (a department, county or region, or a coast
    stretch). Organisations have their own forms: they are never fuzzy
    matched, and never placed.
    """

    rows: tuple[Place, ...]
    by_name: dict[str, list[int]]
    own_forms: list[frozenset[str]]
    full_names: list[str]
    names: list[str]
    coast_m: list[float]
    focus_m: list[float]
    regional: list[bool]
    near_misses: dict[str, list[str]]
    organisations: tuple[Organisation, ...]
    organisation_forms: dict[str, OrganisationForm]


def _is_regional(place: Place) -> bool:
    """Tell whether a place is a region (or a stretch of coast) rather than a point."""
    if place.precision == LocationPrecision.REGION:
        return place.kind != "sea_area"
    return place.kind == "coast_stretch"


def deletions(form: str) -> list[str]:
    """Return a form and every form one letter shorter made from it ("berck": "berk", "brck" …).

    A doubled letter gives the same form twice, next to each other.
    """
    return [form[:at] + form[at + 1 :] for at in range(len(form) + 1)]


def _near_misses(by_name: dict[str, list[int]], coast_m: list[float]) -> dict[str, list[str]]:
    """Index the coast's longer names by their one-letter deletions (see :class:`NameIndex`)."""
    keyed: dict[str, list[str]] = {}
    for form, found in by_name.items():
        if len(form) < NEAR_MISS_MIN_CHARS or all(coast_m[row] > COASTAL_M for row in found):
            continue
        for key in deletions(form):
            forms = keyed.setdefault(key, [])
            if not forms or forms[-1] != form:
                forms.append(form)
    return keyed


@cache
def name_index() -> NameIndex:
    """Build the name index once per process."""
    rows = places()
    by_name: dict[str, list[int]] = {}
    for row, place in enumerate(rows):
        for spelling in place.spellings:
            for form in name_forms(spelling):
                found = by_name.setdefault(form, [])
                if not found or found[-1] != row:
                    found.append(row)
    coast_m = [abs(place.shore_distance_m) for place in rows]
    found_organisations = organisations()
    organisation_forms: dict[str, OrganisationForm] = {}
    for at, organisation in enumerate(found_organisations):
        for spelling in organisation.spellings:  # articles kept: "le Cross" is not "cross"
            form = normalize_name(spelling)
            organisation_forms.setdefault(form, OrganisationForm(at, is_acronym(spelling)))
    return NameIndex(
        rows=rows,
        by_name=by_name,
        own_forms=[frozenset(name_forms(place.name)) for place in rows],
        full_names=[normalize_name(place.name) for place in rows],
        names=sorted(by_name),
        coast_m=coast_m,
        focus_m=[place.reference_line_m for place in rows],
        regional=[_is_regional(place) for place in rows],
        near_misses=_near_misses(by_name, coast_m),
        organisations=found_organisations,
        organisation_forms=organisation_forms,
    )
