"""Geocode place names as reports write them, offline, with the bundled gazetteer.

A query is a place name in any case, with or without accents and hyphens, in
French, English or Dutch, possibly misspelt (and :func:`near_miss` finds the
one coastal name a spelling is a letter off), possibly inside a phrase that
carries geometry: "the beach at X", "X beach", "off X", "3 km off X",
"au large de X", "near X", "between X and Y", "5 km north of X". An optional
qualifier after a comma ("Hythe, Kent", "Calais, Maine", "the beach, Wissant")
or a context text chooses between homonyms. Every answer carries a place id,
a location precision and an honest uncertainty radius, or says 'not found'
with the reason and the closest candidates: never a guess, never 0,0.

Departments, counties and regions ("Nord", "Kent") are answered at region
precision; organisations ("CROSS Gris-Nez", "Dover Coastguard") are
recognised and answered as such, never as places (:func:`organisation_mentions`
finds them in a text).

Modules, importing one way: ``_text`` (folding, checks) → ``_index`` (the
name index) → ``_hints`` (qualifiers) → ``_phrases`` → ``_lookup`` (exact,
fuzzy, homonyms) → ``_result`` → ``_geometry`` (points of phrases) →
``_resolve`` (the public functions); ``_mentions`` (organisations in a text).
"""

from geo.geocode._hints import COUNTRY_NAMES, COUNTRY_TITLES
from geo.geocode._lookup import (
    CANDIDATES_SHOWN,
    FUZZY_MIN_CHARS,
    FUZZY_MIN_SCORE,
    Candidate,
    near_miss,
    place_names,
)
from geo.geocode._mentions import OrganisationMention, organisation_mentions
from geo.geocode._phrases import BEARINGS, MAX_DIRECTION_M, MAX_OFFSHORE_M
from geo.geocode._resolve import GeocodeMemo, geocode, geocode_many
from geo.geocode._result import GeocodeResult
from geo.geocode._text import MAX_QUERY_CHARS, check_query, normalize_name

__all__ = [
    "BEARINGS",
    "CANDIDATES_SHOWN",
    "COUNTRY_NAMES",
    "COUNTRY_TITLES",
    "FUZZY_MIN_CHARS",
    "FUZZY_MIN_SCORE",
    "MAX_DIRECTION_M",
    "MAX_OFFSHORE_M",
    "MAX_QUERY_CHARS",
    "Candidate",
    "GeocodeMemo",
    "GeocodeResult",
    "OrganisationMention",
    "check_query",
    "geocode",
    "geocode_many",
    "near_miss",
    "normalize_name",
    "organisation_mentions",
    "place_names",
]
