"""Places in report text: names of the mapped coast, how the text leads into them, far-away places.

A run of capitalised words is a place when the gazetteer knows it (exactly,
or closely enough for the geocoder's fuzzy match when a preposition leads
into it). The words before it say how the report places it (``off X``,
``the beach at X``, ``near X``, ``bound for X`` …), which becomes the
geocoder query; sentences about the Mediterranean, Libya … name places far
from the mapped coast, which are never placed on it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from geo.extract._regex import factored, gated
from geo.gazetteer import places
from geo.geocode import (
    BEARINGS,
    COUNTRY_NAMES,
    FUZZY_MIN_CHARS,
    FUZZY_MIN_SCORE,
    GeocodeResult,
    near_miss,
    normalize_name,
    organisation_mentions,
)
from geo.vocabulary import LocationPrecision


class Coarseness:
    """How finely a place is known, finest first; used to sort and compare places."""

    FINE = 0
    SEA = 1
    COUNTRY = 2
    UNPLACED = 3


@dataclass(frozen=True)
class Place:
    """A place an incident happened at: as written, as resolved, and how it may be reused."""

    written: str
    place_id: str | None
    country: str | None
    lon: float | None
    lat: float | None
    precision: LocationPrecision | None
    uncertainty_m: float | None
    outside: bool = False  # far from the mapped coast: never merged with a place on it
    misspelt: bool = False  # written otherwise than any gazetteer name: matched to a close one

    @property
    def coarseness(self) -> int:
        """Return how finely the place is known (a :class:`Coarseness` value)."""
        if self.lon is None or self.lat is None:
            return Coarseness.COUNTRY if self.country else Coarseness.UNPLACED
        if self.precision in (LocationPrecision.REGION, LocationPrecision.COUNTRY):
            return Coarseness.SEA
        return Coarseness.FINE


MAPPED_COUNTRIES = frozenset({"FR", "GB", "BE", "NL"})
"""Countries of the mapped coast; a place in any other is far from it."""


REGION_RADIUS_M = 10_000.0
"""A place known no better than this radius (a county, "off the Kent coast", the Côte d'Opale) is
a region: an incident there is not mapped as if it had a spot."""


def place_of(written: str, result: GeocodeResult, *, misspelt: bool = False) -> Place:
    """Turn a found geocoder result into a place (a wide one at region precision)."""
    precision = result.location_precision
    if (result.uncertainty_m or 0.0) > REGION_RADIUS_M and precision != LocationPrecision.COUNTRY:
        precision = LocationPrecision.REGION
    return Place(
        written,
        result.place_id,
        result.country,
        result.lon,
        result.lat,
        precision,
        result.uncertainty_m,
        outside=result.country is not None and result.country not in MAPPED_COUNTRIES,
        misspelt=misspelt,
    )


def country_place(written: str, country: str | None, *, outside: bool = False) -> Place:
    """Return a place known only by its country (or, without a country, a sea: unplaced)."""
    precision = LocationPrecision.COUNTRY if country else LocationPrecision.REGION
    place_id = f"country:{country}" if country else None
    return Place(written, place_id, country, None, None, precision, None, outside)


# Far from the mapped coast: words that put a sentence there, with their country if any.
OUTSIDE_WORDS: dict[str, str | None] = {
    "mediterranean": None,
    "aegean": None,
    "adriatic": None,
    "ionian": None,
    "atlantic": None,
    "red sea": None,
    "black sea": None,
    "libya": "LY",
    "libyan": "LY",
    "tripoli": "LY",
    "benghazi": "LY",
    "tunisia": "TN",
    "tunisian": "TN",
    "sfax": "TN",
    "italy": "IT",
    "italian": "IT",
    "lampedusa": "IT",
    "sicily": "IT",
    "calabria": "IT",
    "greece": "GR",
    "greek": "GR",
    "lesbos": "GR",
    "lesvos": "GR",
    "samos": "GR",
    "crete": "GR",
    "turkey": "TR",
    "turkish": "TR",
    "cyprus": "CY",
    "malta": "MT",
    "maltese": "MT",
    "spain": "ES",
    "spanish": "ES",
    "canary islands": "ES",
    "canaries": "ES",
    "ceuta": "ES",
    "melilla": "ES",
    "morocco": "MA",
    "moroccan": "MA",
    "algeria": "DZ",
    "algerian": "DZ",
    "egypt": "EG",
    "senegal": "SN",
    "mauritania": "MR",
    "méditerranée": None,
    "libye": "LY",
    "italie": "IT",
    "grèce": "GR",
    "espagne": "ES",
    "tunisie": "TN",
}
_NATIONALITIES = frozenset(
    {
        "libyan",
        "tunisian",
        "italian",
        "greek",
        "turkish",
        "maltese",
        "spanish",
        "moroccan",
        "algerian",
    }
)
_OUTSIDE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, OUTSIDE_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def outside_place(sentence: str) -> Place | None:
    """Return the far-away place a sentence names (a country before a sea), or None."""
    words = [match.group() for match in _OUTSIDE.finditer(sentence)]
    if not words:
        return None
    named = min(
        words,
        key=lambda word: (OUTSIDE_WORDS[word.lower()] is None, word.lower() in _NATIONALITIES),
    )
    return country_place(named, OUTSIDE_WORDS[named.lower()], outside=True)


# Common words that are also gazetteer names: a capitalised one alone is not a place.
_COMMON_WORDS = frozenset(
    {"deal", "hope", "rye", "sandwich", "march", "may", "bay", "new", "east", "west", "north"}
)


@cache
def _name_forms() -> tuple[frozenset[str], tuple[str, ...]]:
    """Return the normalised gazetteer names (FR/EN/NL, alternates) as a set and a sorted list."""
    forms: set[str] = set(COUNTRY_NAMES)
    for place in places():
        for spelling in place.spellings:
            form = normalize_name(spelling)
            forms.update({form, form.removeprefix("the "), form.removesuffix(" sur mer")})
    forms.discard("")
    return frozenset(forms), tuple(sorted(forms))


@cache
def _kinds() -> dict[str, str]:
    """Return the gazetteer kind of every place (read once per process)."""
    return {place.place_id: place.kind for place in places()}


def place_kind(place: Place) -> str | None:
    """Return what kind of place the gazetteer says a place is (a town, a beach, a port …)."""
    return _kinds().get(place.place_id or "")


@cache
def sea_ids() -> frozenset[str]:
    """Return the place ids of the gazetteer's seas (the Channel, the North Sea …)."""
    return frozenset(place.place_id for place in places() if place.kind == "sea_area")


@cache
def _exact_name(name: str) -> bool:
    """Tell whether a name is a gazetteer place name (or a country), give or take case."""
    return normalize_name(name).removeprefix("the ") in _name_forms()[0]


@cache
def _fuzzy_name(name: str) -> bool:
    """Tell whether a name is close enough to a gazetteer name for the geocoder's fuzzy match."""
    form = normalize_name(name).removeprefix("the ")
    if len(form) < FUZZY_MIN_CHARS:
        return False
    near = _forms_near(len(form))
    return (
        process.extractOne(form, near, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE) is not None
    )


@cache
def _forms_near(length: int) -> tuple[str, ...]:
    """Return the gazetteer's name forms a name this long may match fuzzily (by their length)."""
    low, high = _fuzzy_lengths(length)
    return tuple(form for form in _name_forms()[1] if low <= len(form) < high)


def _fuzzy_lengths(length: int) -> tuple[int, int]:
    """Return the range of lengths a name may have to score FUZZY_MIN_SCORE against one this long.

    The score is 100 × (1 − edits ÷ both lengths) and needs at least as many
    edits as the lengths differ, so a much shorter or longer name never
    reaches it (one more character each way keeps rounding out of it).
    """
    slack = 1.0 - FUZZY_MIN_SCORE / 100.0
    low = math.floor(length * (1.0 - slack) / (1.0 + slack)) - 1
    high = math.ceil(length * (1.0 + slack) / (1.0 - slack)) + 1
    return max(low, 0), high + 1


_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w’'-]*\w)?(?<![’']s)(?:[’']s(?=\s+[A-ZÀ-ÖØ-Þ]))?"
"""A capitalised word; its possessive "'s" only inside a name ("St Margaret's Bay"), not before a
common noun ("Dover's port": Dover and its port)."""
_CONNECTOR = r"(?:(?:de|du|des|la|le|les|sur|sous|en|of|lès|aan|aux|au)\s+|d['’]|l['’])"
_NAME = re.compile(rf"{_WORD}(?:(?:\s+{_CONNECTOR}?|{_CONNECTOR}){_WORD})*")
_NAME_TOKEN = re.compile(_WORD)
_ARTICLE = r"(?:the\s+|a\s+|an\s+|la\s+|le\s+|les\s+|l['’]|une?\s+)?"
_DISTANCE = (
    r"(?:about |around |some |approximately |nearly |almost |just |roughly |environ |à peine )?"
    r"(?P<amount>\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty"
    r"|thirty|a few|a couple of|a|une? (?:dizaine|quinzaine|vingtaine|trentaine|quarantaine"
    r"|cinquantaine|soixantaine|centaine)"
    r"(?: de)?|quelques)[ -]?"
    r"(?P<unit>km|kms|kilomètres?|kilometres?|kilometers?|nautical miles?|miles?|nautiques"
    r"|milles?(?: marins| nautiques)?|nm|mètres?|metres?|meters?|m)(?:\s*\([^()]{0,20}\))?"
)
_DIRECTION = (
    r"north[- /]?east|north[- /]?west|south[- /]?east|south[- /]?west|north|south|east|west"
    r"|nord[-/]est|nord[-/]ouest|sud[-/]est|sud[-/]ouest|nord|sud|est|ouest"
)
# Who acts or where they are based, not where an incident happened: "le CROSS Gris-Nez",
# "la SNSM de Calais", "le canot tous temps de Calais", "l'hôpital de Boulogne", "le procureur
# de Boulogne", "the mayor of Deal",
# with the words of a title or body between ("le procureur adjoint de Boulogne", "le SAMU de
# coordination maritime du Havre", "a prosecutor of the nearby town of Boulogne"). The part of
# the country a body answers for is no scene either ("the prefecture responsible for the north
# of France said", "the prefecture of northern France", "la préfecture du nord de la France"):
# the event it tells of is where the report placed it.
# Where rescuers came from is no scene either: "lifeboats were sent from Deal and Walmer",
# "a helicopter from Lydd", "the emergency services set sail from the port of X", "les secours
# sont partis de X" (their setting out is no launch); nor is a ship one was taken aboard
# ("hélitreuillé à bord du Flamant"), nor where people were questioned or cared for afterwards
# ("pour les entendre à Coquelles", "hospitalised in Boulogne", "hospitalisée à Calais"), nor
# where a body is examined ("autopsié à Lille", "l'unité médico-judiciaire de Boulogne",
# "the mortuary in Dover"), nor where a correspondent reports from ("our correspondent
# reports from Dover after …"), nor where someone lives ("a 29-year-old man from Deal was
# arrested", "un homme domicilié à Calais"), nor a numbered unit's home town ("la CRS 8 de
# Lille"), nor the town a searched vehicle came from ("a lorry arriving from Calais", "un camion
# en provenance de Dunkerque"): found where it was searched, not where it set out.
_ORGANISATION_LEAD = (
    r"(?:\b(?:(?:SNSM|CROSS|Cross|MRCC|RNLI|PAF|CODIS|SDIS|SAMU|Samu|CRS|PSP|PCG|SNS"
    r"|stations?(?:\s+(?:SNSM|RNLI|de\s+la\s+SNSM|de\s+sauvetage|lifeboat))?|sauveteurs(?:\s+en\s+mer)?"
    r"|gendarmes?(?:\s+maritimes?)?|policiers|pompiers|douaniers|douanes?"
    r"|surveillance\s+et\s+de\s+sauvetage|sémaphore|hôpital|hopital|centre\s+hospitalier|CHU"
    r"|unité\s+médico-judiciaire|institut\s+médico-légal|morgue|mortuary"
    r"|clinique|parquet|procureure?|tribunal|palais\s+de\s+justice|préfète?|sous-préfète?"
    r"|pr[ée]fecture|sous-pr[ée]fecture|commissariat|gendarmerie|brigade|capitainerie|mairie"
    r"|maire"
    r"|députée?|sénat(?:eur|rice)|conseil|hospital|police\s+station|court|council|mayor|MP"
    r"|lifeboat\s+station|coastguard\s+station|vedette(?:\s+côtière(?:\s+de\s+surveillance"
    r"\s+maritime)?)?|VCSM|patrouilleur|navire|ferry|remorqueur"
    r"|chalutier|trawler|hélicoptère|helicopter|SNS|RIAS|cutter|habitante?s?|riverains?"
    r"|canots?\s+(?:de\s+sauvetage|tous?[\s-]temps)"
    r"|residents?|inhabitants?|locals?|à\s+bord|aboard|on\s+board|prosecutors?)\)?(?:\s+n?°?\s*\d{1,3})?"
    r"(?:\s+de\s+sauvetage)?(?:\s+(?:adjointe?|générale?|régionale?|maritimes?|médicale?"
    r"|responsible"
    r"|de\s+coordination|de\s+la\s+République))*"
    r"(?:\s*\([^()]{0,80}\))?\s*(?:«\s*|de\s+la|de\s+l['’]|du|des|de|d['’]|of|for)?"
    r"(?:\s+the\s+(?:[\w-]+\s+){0,3}?(?:town|city|port|village)\s+of"
    rf"|\s+(?:the\s+|le\s+)?(?:{_DIRECTION})\s+(?:of|de|du|d['’])"
    r"|\s+(?:north|south|east|west)ern)?"
    r"|(?:basée?s?|stationnée?s?|based|stationed|hospitals?|hospitali[sz]ed|hospitalisée?s?"
    r"|autopsiée?s?"
    r"|police\s+station|court)"
    r"\s+(?:à|au|aux|en|in|at|near)"
    r"|(?:reports|reporting)\s+(?:live\s+)?from"
    r"|\b(?:man|woman|men|women|boy|girl)\s+(?:who\s+lives\s+in|from)"
    r"|\b(?:originaires?|domiciliée?s?|demeurant|résidant)\s+(?:à|au|aux|de|du|des|d['’])"
    r"|(?:lifeboats?|lifeboat\s+crews?|crews?|helicopters?|hélicoptères?|vedettes?|patrouilleurs?"
    r"|canots?\s+(?:de\s+sauvetage|tous?[\s-]temps|de\s+la\s+SNSM)|cutters?|rescuers"
    r"|(?:emergency|rescue)\s+(?:services|boats|teams)|secours|sauveteurs)"
    r"(?:\s+(?:were|was|had\s+been|ont\s+été|a\s+été|have\s+been|sont|est))?"
    r"(?:\s+(?:immediately|quickly|then|immédiatement|aussitôt|rapidement|alors))?"
    r"(?:(?:\s+(?:sent|dispatched|scrambled|tasked|launched|called\s+out|set\s+(?:sail|off|out)"
    r"|departed|envoyée?s?|dépêchée?s?|partie?s?))?(?:\s+out)?\s+(?:from|depuis)"
    r"|\s+(?:partie?s?\s+(?:de|du|d['’])|left|(?:a|ont)\s+quitté))"
    r"(?:\s*(?:the\s+|le\s+)?(?:ports?|harbours?)\s+(?:of|de|d['’]))?"
    r"|(?:lorry|lorries|trucks?|HGVs?|(?:heavy\s+goods\s+)?vehicles?|vans?|coach|trains?|ferry"
    r"|camions?|poids\s+lourds?|véhicules?|camionnettes?|ferries)\s+(?:arriving|coming"
    r"|travelling|arrivant|venant|en\s+provenance)\s+(?:from|de|du|d['’])"
    r"|pour\s+(?:les\s+|leur\s+|l['’]|y\s+)?(?:être\s+)?(?:auditionn|entend|interrog|soign"
    r"|examin|héberg|identifi)\w*\s+(?:à|au|aux|dans))"
    r"\s*(?:la\s+|le\s+|les\s+|l['’]|the\s+)?)"
)
# How rescued or stopped people were brought somewhere afterwards (a landing port, a hospital):
# "déposés au port de Calais", "ramenés à Dunkerque", "transportés à Boulogne", "taken to Dover",
# "towed into Ramsgate", "ont été à quai au port de Gravelines" (people brought alongside; a
# boat "à quai" is moored);
# a quotation opening after the verb ('déposés "à quai au port de Boulogne"') quotes the landing,
# and an aside between commas tells how they were ("amenés, épuisés et en hypothermie, au port").
# A boat that "a rejoint le port de Boulogne" (or "gagné") went there: after a rescue, where its
# rescuers landed the people; for people who reached it themselves, where they arrived. So
# too people "arrivés au port de Calais" (after a rescue, brought there; else, landed there).
_LANDING_LEAD = (
    r"(?:\b(?:dépos|débarqu|ramen|amen|emmen|conduit|achemin|transfér|évacu|raccompagn|rapatri"
    r"|remorqu|escort|transporté|revenue?s?\s+à\s+terre|(?:été|arrivée?s?)\s+à\s+quai|taken|brought|towed"
    r"|escorted|transferred|transported|ferried|returned|carried|airlifted|flown|driven|landed|dropped)"
    r"[\w'’]*(?:(?:[\s,]+(?:[\"“«]\s*)?[\w'’-]+){0,4}?|\s*,[^,.;:]{1,60}?,)"
    r"\s*,?\s+[\"“«]?\s*(?:back\s+)?(?:to|into|in|at|ashore\s+(?:at|in)|à|au|aux|vers|jusqu['’]à|jusqu['’]au"
    r"|sur|dans)\s+(?:the\s+|a\s+|le\s+|la\s+|les\s+|l['’])?(?:(?:ports?|harbours?|harbors?|quai|docks?"
    r"|marina|hôpital|hospital|centre\s+hospitalier|terre)\s*,?\s+(?:de\s+|du\s+|des\s+|d['’]|of\s+"
    r"|at\s+|in\s+|à\s+)?(?:la\s+|le\s+|l['’])?)?"
    r"|\bprise?s?\s+en\s+charge(?:\s+par\s+[^,.;:]{1,60}?\s+(?:à|au)\s+|\s+au\s+(?:(?:port|quai)\s+"
    r"(?:de\s+|d['’]))?)"
    r"|\b(?:prend|prennent)\s+en\s+charge\s+(?:[\w'’-]+\s+){1,3}?au\s+(?:(?:port|quai)\s+"
    r"(?:de\s+|d['’]))?"
    r"|\b(?:met|greeted|received)\s+by\s+[^,.;:]{1,60}?\s+at\s+"
    r"|\barrivée?s?\s+(?:au|dans\s+le)\s+(?:port\s+(?:de\s+|d['’]))?"
    r"|\b(?:a|ont|avait|avaient)\s+(?:re)?(?:joint|gagné)\s+le\s+(?:port\s+(?:de\s+|d['’]))?)"
)
"""… and where people were taken in hand once ashore: "pris en charge par les pompiers à Calais",
"pris en charge au port de Calais", "le SDIS prend en charge les naufragés au port de Calais",
"met by paramedics at Dover" (at sea, "pris en charge au large de X", the lead is the rescue's;
"pris en charge à Wissant" alone may be the rescue's)."""
_LEADS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern + r"$", re.IGNORECASE))
    for kind, pattern in (
        ("organisation", _ORGANISATION_LEAD),
        ("landing", _LANDING_LEAD),
        (
            "distance",
            rf"(?P<dist>{_DISTANCE})\s+(?:off|out from|away from|(?:along|down|up) the coast from"
            r"|from|au large de|au large d['’]"
            r"|au large du|de|du|des|d['’])\s*(?:(?:the\s+)?(?:coast|coastline|shore|beach|port"
            r"|harbour)\s+(?:of|at|near)\s+|(?:la\s+)?(?:côtes?|port|plages?)(?:\s+(?:britannique"
            rf"|français|anglais|belge)e?s?)?\s+(?:de\s+|d['’]|du\s+))?{_ARTICLE}",
        ),
        (
            "direction",
            rf"(?:(?P<dist>{_DISTANCE})\s+(?:à\s+l['’]\s*|au\s+|to\s+the\s+)?)?(?P<dir>{_DIRECTION})"
            r"\s+(?:of|de|d['’]|du)\s*",
        ),
        (
            "offshore",
            r"(?:(?:in the sea|at sea|in the water|in the channel)\s+)?(?:just\s+|right\s+)?"
            r"(?:off(?:\s+of)?|au large)\s*(?:(?:the\s+)?(?:coast|coastline|shore|beach|beaches"
            r"|port|harbour|harbor|town|resort)\s+(?:of|at|near|in)\s+|(?:de|du|des)\s+(?:(?:la\s+|les\s+)?"
            rf"(?:côtes?|plages?)\s+(?:de\s+|d['’]|du\s+))?|d['’])?{_ARTICLE}",
        ),
        (
            "departure",
            r"(?:(?:en\s+partant|en\s+provenance|au\s+départ|partie?s?|partis|parti|left|leaving"
            r"|set\s+off|set\s+out|set\s+sail|departed|launched|put\s+to\s+sea"
            r"|push(?:ed|ing)?\s+off|après\s+être\s+partie?s?)\s+(?:from|de|d['’]|du|des|depuis)"
            r"|(?:had|have|has|having)\s+(?:\w+\s+)?left"
            r"|after\s+(?:leaving|(?:it|they|he|she)\s+(?:had\s+)?left)"
            r"|(?:avoir|avait|avaient)\s+quitté)"
            r"\s*(?:the\s+|la\s+|les\s+|une\s+)?(?:(?:beach(?:es)?|plages?|coast|côte)\s+(?:of|at|near|de|d['’]|du|des)\s*)?"
            rf"{_ARTICLE}",
        ),
        (
            "beach",
            r"(?:beach|beaches|shore|sands|seafront|coast|coastline|dunes|plage|plages|côte)\s+"
            r"(?:at|in|of|near|outside|by|de|d['’]|du|des)\s*"
            rf"(?:(?:la\s+)?(?:commune|ville|station)\s+(?:de\s+|d['’]))?{_ARTICLE}",
        ),
        ("port", rf"(?:port|harbour|harbor|marina|docks?)\s+(?:of|at|de|d['’]|du)\s*{_ARTICLE}"),
        (
            "near",
            r"(?:near|nearby|close to|outside|just outside|around|not far from|in the area of"
            r"|the outskirts of|près(?:\s+de|\s+d['’])?|aux environs de|à proximité de"
            r"|du\s+côté\s+(?:de|d['’])"
            r"|non loin de|(?:almost|nearly|all but)\s+(?:reached|made it to)"
            r"|(?:failli|presque)\s+(?:atteindre|atteint|rejoindre|rejoint|gagner))\s*"
            rf"(?:the (?:town|village|port|resort|city) of\s+)?{_ARTICLE}",
        ),
        (
            "route",
            r"(?:cross|crossed|crossing|crosses|across|via|through|traverser|traversé"
            rf"|traversée de)\s+{_ARTICLE}",
        ),
        (
            "sent",
            r"(?:called|sent|dispatched|rushed|scrambled|deployed|tasked|appelée?s?|dépêchée?s?"
            rf"|envoyée?s?)\s+(?:out\s+)?(?:to|à|au|aux|sur)\s+{_ARTICLE}",
        ),
        (
            "destination",
            r"(?:to|towards|toward|for|into|reach|reached|reaching|reaches|heading|headed|bound for"
            r"|rejoindre|rallier|gagner|atteindre|atteint|regagner"
            r"|en route to|vers|pour|en direction de|en direction d['’]|jusqu'à|jusqu'au"
            rf"|à destination de)\s+{_ARTICLE}",
        ),
        (
            "at",
            r"(?:in|at|on|onto|from|along|à|au|aux|en|dans|sur|depuis|de|d['’]|du|des)\s*"
            rf"{_ARTICLE}",
        ),
    )
)
_LEAD_WINDOW = 90
"""How far back a name's lead-in may start: room for the longest one the leads allow ("pris en
charge par les pompiers et la police aux frontières au port de X", a 60-character agent)."""
_LIST_WINDOW = 200
"""How far back a list's first name may stand from its last ("les ports de A, B et C")."""
_FEATURE = re.compile(
    r"(?:['’]s)?\s+(?P<feature>beach|beaches|seafront|sands|shore|coastline|coast|harbour|harbor"
    r"|port|marina|docks|region|area)\b|(?P<bound>-bound)\b"
    r"|(?P<organisation>(?:['’]s)?\s+(?:RNLI|(?:\w+-[\w-]+\s+|inshore\s+)?lifeboats?"
    r"|coastguard|police|hospital|crown court|magistrates|council|port authority|harbour board"
    r"|MRCC|Border Force|nationale?s?|rouge|charit(?:y|ies)|aid (?:groups?|workers?)"
    r"|volunteers|prosecutors?|mayor|MP))\b",
    re.IGNORECASE,
)
_FEATURE_KIND = {
    "beach": "beach",
    "beaches": "beach",
    "seafront": "beach",
    "sands": "beach",
    "shore": "beach",
    "coastline": "beach",
    "coast": "beach",
    "harbour": "port",
    "harbor": "port",
    "port": "port",
    "marina": "port",
    "docks": "port",
    "region": "near",
    "area": "near",
}
_THE = r"(?:the\s+|le\s+|la\s+|les\s+|l['’])?"
_BETWEEN = re.compile(
    rf"(?:between|entre)\s+{_THE}(?P<a>{_NAME.pattern})(?:\s*\(\d{{2,3}}\))?\s+(?:and|et)\s+"
    rf"{_THE}(?P<b>{_NAME.pattern})(?:\s*\(\d{{2,3}}\))?",
)
"""Two places bounding an area ("between Deal and Dover", "entre Calais (62) et Dunkerque (59)",
a French department's number after each name, an article before it: "entre le Cap Gris-Nez et
Wissant"): the area, not either end."""


def between_ends(written: str) -> tuple[str, str] | None:
    """Return the two names of a place written "between A and B" ("entre A et B"), if it is one."""
    between = _BETWEEN.fullmatch(written)
    return None if between is None else (between["a"], between["b"])


@dataclass(frozen=True)
class Mention:
    """A place named in a clause: how the text leads into it and what to ask the geocoder.

    ``kind`` is how the clause places the name: ``offshore``, ``distance``,
    ``direction``, ``beach``, ``port``, ``near``, ``between``, ``at``,
    ``sent`` (where rescuers were sent: "lifeboats were sent to Dover"),
    ``route`` (crossed, across: not where it happened), ``destination``
    (to, towards, bound for: where an arrival happened, nothing else) or
    ``bare``. ``queries`` go most specific first; ``shore_query`` places an
    "off X" at X's shore, where people wade out to a boat. ``wide`` marks a
    town's name standing for the region around it ("off the coast of the
    Calais region"): the place is that region, not the town.
    """

    written: str
    kind: str
    queries: tuple[str, ...]
    start: int
    end: int
    text: str
    exact: bool
    shore_query: str | None = None
    offset_m: float | None = None
    wide: bool = False


_AGENT = re.compile(r"\b(?:par|by)\s+(?:l['’]|le\s+|la\s+|les\s+|the\s+)?$", re.IGNORECASE)
_AGENT_WINDOW = 12
"""Who did it ("secourus par l'Apollo Moon", "picked up by Hastings lifeboat"): every word of the
name that follows is the name of a ship, a crew or a body, none a place."""


def find_mentions(clause: str) -> list[Mention]:
    """Find the places a clause names, in order.

    The words of an organisation's name ("le CROSS Gris-Nez", "Dover
    Coastguard") are not places: they are left out first, and so is a name
    after "by" or "par" (who did it).
    """
    found: list[Mention] = []
    bodies = [(body.start, body.end) for body in organisation_mentions(clause)]
    taken: list[tuple[int, int]] = list(bodies)
    for between in _BETWEEN.finditer(clause):
        names = (between["a"], between["b"])
        if all(_exact_name(name) or _fuzzy_name(name) for name in names):
            query = f"between {names[0]} and {names[1]}"
            exact = all(_exact_name(name) for name in names)
            found.append(
                Mention(
                    between.group(), "near", (query,), between.start(), between.end(), clause, exact
                )
            )
            taken.append((between.start(), between.end()))
    for span in _NAME.finditer(clause):
        if _AGENT.search(clause[max(0, span.start() - _AGENT_WINDOW) : span.start()]):
            continue
        if not any(start <= span.start() < end for start, end in taken):
            found.extend(_span_mentions(clause, span, bodies))
    found.extend(_lower_case_mentions(clause))
    return _anchored(sorted(found, key=lambda mention: mention.start))


def _lower_case_mentions(clause: str) -> Iterator[Mention]:
    """Yield the gazetteer features a clause names all in lower case ("la pointe aux oies").

    The longest run of lower-case words after the feature noun that makes a
    gazetteer name with it is the name; a capitalised name is found as such.
    """
    for feature in _LOWER_FEATURE.finditer(clause):
        words = list(re.finditer(r"\S+", feature["name"]))
        for word in reversed(words):
            end = feature.start("name") + word.end()
            if _exact_name(clause[feature.start() : end]):
                mention = _mention(clause, feature.start("name"), end)
                if mention is not None:
                    yield mention
                break


_APPOSED = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?P<comma>,\s*)?(?P<in>(?:in|à|au|dans|en|to)\s+)?"
    r"(?:l['’]|the\s+)?",
    re.IGNORECASE,
)
"""What stands between a place and the one saying where it lies: "X, near Y", "X, à l'ouest
de Y", "X (62), in Y"."""


def qualifier_of(first: Mention, mention: Mention) -> bool:
    """Tell whether a mention only says where the place named just before it lies.

    "Kingsdown, north east of Dover", "Rock-a-Nore, near Hastings", "la plage
    de Saint-Martin, à Petit-Caux", "at Kingsdown, Deal, on Tuesday": the
    place is the first; the second tells where to look for it.
    """
    if mention.start < first.end:
        return False
    apposed = _APPOSED.fullmatch(mention.text, first.end, mention.start)
    if apposed is None:
        return False
    own_lead = mention.kind in ("near", "direction", "distance") and not mention.text[
        mention.start :
    ].startswith(mention.written.split()[-1])
    comma = apposed["comma"] is not None
    in_place = mention.kind == "at" and comma and apposed["in"] is not None
    its_town = mention.kind in ("at", first.kind) and comma and _apposed_alone(first, mention)
    return own_lead or in_place or its_town


_LIST_GOES_ON = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?"
    r"(?:,\s*(?:(?:the|la|le|les|l['’])\s*)?(?-i:[A-Z])|,?\s+(?:and|et|or|ou)\s)",
    re.IGNORECASE,
)
"""A list going on after a name: ", Hythe", " and Deal", ", et Wissant"."""
_LISTED_AFTER = re.compile(
    r"(?:,|\b(?:and|et|or|ou))\s*(?:(?:the|la|le|les|l['’])\s*)?$", re.IGNORECASE
)
"""A name following another in a list: "Deal, " before "Dungeness"."""


def _apposed_alone(first: Mention, mention: Mention) -> bool:
    """Tell whether two names joined by a comma alone are a place and its town, not a list.

    "Landed at Kingsdown, Deal, on Saturday", "on Fairlight Beach, Hastings.":
    the town says where the first place lies. "At Deal, Walmer and Kingsdown"
    lists places, and so does "sent to Deal, Dungeness, Hastings" (a clause
    may end before the list does).
    """
    listed_before = _LISTED_AFTER.search(first.text, 0, first.start) is not None
    return not listed_before and _LIST_GOES_ON.match(mention.text, mention.end) is None


def _anchored(mentions: list[Mention]) -> list[Mention]:
    """Ask first for each qualified place near the place that qualifies it.

    Of several places of one name ("Saint-Martin"), the one "à Petit-Caux"
    is meant: the geocoder chooses the homonym nearest the anchor of "X, Y".
    A place told by its distance or bearing from another ("60 km south of
    Boulogne") is not near it.
    """
    anchored = list(mentions)
    for index, (mention, after) in enumerate(pairwise(mentions)):
        if after.kind in ("at", "near") and qualifier_of(mention, after):
            near = after.queries[-1]
            queries = (*(f"{query}, {near}" for query in mention.queries), *mention.queries)
            anchored[index] = replace(mention, queries=queries)
    return anchored


def _span_mentions(
    clause: str, span: re.Match[str], bodies: list[tuple[int, int]]
) -> Iterator[Mention]:
    """Yield the known places inside a run of capitalised words, longest first, not overlapping.

    Words inside ``bodies`` (organisations' names) are never places.
    """
    tokens = list(_NAME_TOKEN.finditer(clause, span.start(), span.end()))[:6]
    covered: list[tuple[int, int]] = list(bodies)
    for size in range(len(tokens), 0, -1):
        for first in range(len(tokens) - size + 1):
            start, end = tokens[first].start(), tokens[first + size - 1].end()
            if any(start < stop and end > begin for begin, stop in covered):
                continue
            if _inside_longer_name(tokens, first, size, clause):
                continue
            mention = _mention(clause, start, end)
            if mention is not None:
                covered.append((start, end))
                yield mention


_PLACE_WORDS = frozenset(
    {
        *("beach", "beaches", "bay", "harbour", "harbor", "port", "marina", "docks", "dock"),
        *("sands", "seafront", "shore", "cliffs", "cliff", "pier", "point", "cape", "plage"),
        *("baie", "cap", "pointe", "dunes", "area", "region", "coast", "coastline", "strand"),
        *("north", "south", "east", "west", "nord", "sud", "est", "ouest", "marsh", "level"),
        *("nord-est", "nord-ouest", "sud-est", "sud-ouest", "north-east", "north-west"),
        *("south-east", "south-west"),
        *("descenderie", "digue", "chemin", "rue", "route", "quai", "jetée", "anse", "falaise"),
        *("phare", "fort", "road", "street", "lane", "promenade", "esplanade", "hoe", "warren"),
    }
)


def _inside_longer_name(tokens: list[re.Match[str]], first: int, size: int, clause: str) -> bool:
    """Tell whether part of a run of capitalised words is only a piece of a longer name.

    "Croix" in "Croix Rouge", "Flandres" in "Notre Dame des Flandres" or "Côte
    des Flandres" (a ferry), "Kent" in "Kent Police" name no place; "Calais"
    in "Port de Calais" or "Kingsdown" in "Kingsdown Beach" do.
    """
    after = first + size
    if after < len(tokens):
        gap = clause[tokens[after - 1].end() : tokens[after].start()]
        joined = not gap.strip(" ,") or _joins_name(gap)
        if joined and tokens[after].group().lower() not in _PLACE_WORDS:
            return True
    if first > 0:
        gap = clause[tokens[first - 1].end() : tokens[first].start()]
        return (
            _joins_name(gap)
            and tokens[first - 1].group().lower() not in _PLACE_WORDS
            and not _opens_a_lead(tokens[first - 1], gap, clause)
        ) or (not gap.strip() and _names_a_thing(tokens[first - 1], clause))
    return False


_ELIDED = re.compile(r"[Ll]['’](?=\w)")
_ARTICLE_WORDS = frozenset({"the", "le", "la", "les"})
_ARTICLE_END = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(_ARTICLE_WORDS))})\s+|\bl['’]\s*)$", re.IGNORECASE
)
"""An article just before a word: one of :data:`_ARTICLE_WORDS`, or elided ("l'")."""


def _names_a_thing(word: re.Match[str], clause: str) -> bool:
    """Tell whether a capitalised word after an article opens the name of a thing, not a place.

    "L'Apollo Moon secourt 40 personnes", "the Esvagt Charlie rescued 40",
    "l'Abeille Normandie": a word that is no place, right after an article,
    begins the name of a ship (or a body); the capitalised words that follow
    it are the rest of that name, not a place ("Moon", "Normandie"). An
    article before the place itself ("la Manche", "the Dover lifeboat") or a
    place word ("le Cap Gris-Nez") leaves the place alone.
    """
    elided = _ELIDED.match(word.group())
    name = word.group()[elided.end() :] if elided else word.group()
    if name.lower() in _ARTICLE_WORDS or name.lower() in _PLACE_WORDS or _exact_name(name):
        return False
    return (
        elided is not None
        or _ARTICLE_END.search(clause[max(0, word.start() - 5) : word.start()]) is not None
    )


_OPENING = re.compile(r"[\s\"'‘“«(\[]*")


def _opens_a_lead(token: re.Match[str], gap: str, clause: str) -> bool:
    """Tell whether a word capitalised only as the text's first leads into the name after it.

    "Partis de Gravelines, ils …", "Près de Calais, …": the opening words say
    what the place was (left from, near), so "Gravelines" is a name of its own,
    not the end of one; a plain "de" ("Drame de Wimereux") still joins them.
    """
    if _OPENING.fullmatch(clause, 0, token.start()) is None:
        return False
    return _lead(token.group() + gap)[0] not in ("bare", "at")


_IN_REGION = re.compile(r"\s+en\s+", re.IGNORECASE)


def _joins_name(gap: str) -> bool:
    """Tell whether the words between two capitalised words join them into one name.

    A spaced "en" places the first name in the second ("Wissant en France",
    "Zeebrugge en Flandre"): French names that hold "en" hyphenate it.
    """
    return re.fullmatch(rf"\s*{_CONNECTOR}", gap) is not None and _IN_REGION.fullmatch(gap) is None


_FEATURE_LINK = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|aux\s+)"
"""The words between a feature noun and its name ("la baie d'", "la pointe du", "la pointe aux")."""
_FEATURE_BEFORE = re.compile(
    r"\b(?:baie|pointe|cap|phare|digue|chenal|estuaire|canal|anse|mont|parc|base\s+nautique"
    rf"|port|dunes|falaises?|bois|cran|hâble|havre|plateau|promenade|quai|jetée|plage"
    rf"|(?<=du |le |au )pas)\s+"
    rf"{_FEATURE_LINK}?$",
    re.IGNORECASE,
)
"""A feature noun written in lower case before a name ("la baie d'Authie", "la pointe du
Hourdel", "le cap d'Alprech", "le détroit du pas de Calais": the strait, not the town, a
"pas" after its article, never a negation): with it, the name may be a feature the gazetteer
knows."""
_LOWER_FEATURE = re.compile(
    rf"\b(?i:baie|pointe|cap|dunes|plage)\s+(?i:{_FEATURE_LINK})?"
    r"(?P<name>[a-zß-öø-ÿ][\w’'-]*(?:\s+[a-zß-öø-ÿ][\w’'-]*){0,2})"
)
"""A feature named all in lower case ("la pointe aux oies", "la plage de la sirène"): a place
when the whole of it, feature noun and all, is a gazetteer name."""
_ORGANISATION_WORDS = frozenset(
    {
        *("police", "coastguard", "council", "hospital", "station", "lifeboat", "rnli", "court"),
        *("force", "préfecture", "gendarmerie", "mairie", "commissariat", "crown", "magistrates"),
    }
)
"""Last words of a run of capitalised words that name a body, not a place ("Folkestone Police")."""


_DATELINE_BEFORE = re.compile(r"\W*\(?\s*")
_DATELINE_AFTER = re.compile(
    r"\s*\)|\s*(?:,\s*[\w -]{2,30}\s*)?\((?:AFP|Reuters|AP|PA|Belga|dpa)\)", re.IGNORECASE
)
"""The city a report was filed from, opening it: "(Lille) …", "CALAIS (AFP) - …"; not where
anything happened."""


_COMPASS_OF = re.compile(rf"(?:{_DIRECTION})\s*(?:of|de|du|des|d['’])\s*\S", re.IGNORECASE)
"""A bearing written with a capital ("à l'Ouest de Boulogne"): the lead of the name after it,
not the start of a longer name."""


def _mention(clause: str, start: int, end: int) -> Mention | None:
    """Describe the name at ``clause[start:end]`` with its lead-in and feature, if it is known."""
    if clause[start:end].rsplit(maxsplit=1)[-1].lower() in _ORGANISATION_WORDS:
        return None
    if _COMPASS_OF.match(clause, start, end):
        return None
    if _DATELINE_BEFORE.fullmatch(clause, 0, start) and _DATELINE_AFTER.match(clause, end):
        return None
    before = clause[max(0, start - _LEAD_WINDOW) : start]
    feature_before = _FEATURE_BEFORE.search(before)
    if feature_before is not None and _exact_name(feature_before.group() + clause[start:end]):
        start -= len(feature_before.group())
        before = clause[max(0, start - _LEAD_WINDOW) : start]
    end = _with_lower_case_feature(clause, start, end)
    name = _with_article(clause[start:end], before)
    exact = _exact_name(name)
    if not exact and (len(name) < FUZZY_MIN_CHARS or not _fuzzy_name(name)):
        corrected = _misspelt_place(name, before)
        if corrected is None:
            return None
        name = corrected
    if _is_month(name, clause, start, end):
        return None
    kind, lead = _lead(before)
    listed = clause[max(0, start - _LIST_WINDOW) : start - len(lead)]
    apposed = kind == "at" and _IN_TOWN.fullmatch(lead) and _APPOSED_AT.search(listed)
    if kind == "bare" or (kind == "at" and not apposed):
        shared_kind, shared_lead = _shared_lead(listed)
        if kind == "bare" or shared_kind in _PHRASE_KINDS or shared_kind in _ROLE_KINDS:
            kind, lead = shared_kind, shared_lead
    feature = _FEATURE.match(clause, end)
    if feature is not None and feature["bound"]:
        kind = "destination"
    if feature is not None and feature["organisation"]:
        kind = "organisation"
    feature_kind = (
        _FEATURE_KIND.get(feature["feature"].lower(), "name")
        if feature is not None and feature["feature"]
        else "name"
    )
    if kind == "bare" and feature_kind == "name" and not _plain_name(name, exact, start):
        return None
    written_end = feature.end() if feature is not None and feature["feature"] else end
    shared = lead and not before.endswith(lead)
    written_start = start - (0 if shared else len(_written_lead(kind, lead, before)))
    queries, shore = _queries(name, kind, feature_kind, lead)
    written = clause[written_start:written_end]
    offset = offset_m(lead) if kind in ("distance", "direction") else None
    wide = feature is not None and (feature["feature"] or "").lower() == "region"
    return Mention(
        written, kind, queries, written_start, written_end, clause, exact, shore, offset, wide
    )


_LOWER_CASE_FEATURE = re.compile(r"\s+(?:beach|bay|cliffs?|docks|sands|hoe)\b")
"""A feature word written in lower case after a name ("Shakespeare beach", "Pett Level sands")."""


def _with_lower_case_feature(clause: str, start: int, end: int) -> int:
    """Return where a name ends once its feature word written in lower case is counted in.

    "Shakespeare beach" is the gazetteer's "Shakespeare Beach": a name that is
    no place alone but is one with the feature after it takes it in. "Kingsdown
    beach" keeps "Kingsdown", a place of its own, and the beach as its feature.
    """
    after = _LOWER_CASE_FEATURE.match(clause, end)
    if after is None or _exact_name(clause[start:end]):
        return end
    return after.end() if _exact_name(clause[start : after.end()]) else end


_PLACE_LEADS = frozenset({"offshore", "distance", "direction", "near", "beach", "port"})
"""Leads that say a place follows ("au large de", "3 km off", "near", "plage de", "port of")."""
_AT_PLACE = re.compile(r"(?:à|at)\s", re.IGNORECASE)
"""The one "at" lead that places as surely: "à", "at" (not "in", "de", "sur": a time, a body)."""


def _misspelt_place(name: str, before: str) -> str | None:
    """Return the gazetteer spelling of a one-word name a place lead shows to be a misspelt place.

    "au large de Berk" is off Berck, "landing at Kingdown" at Kingsdown: a
    capitalised word the gazetteer misses, right after a lead that only a
    place follows, is the one coastal name a letter off it, if there is only
    one (:func:`~geo.geocode.near_miss`). Without such a lead a word a letter
    off a village ("Some", "Border", "Steve") is no place.
    """
    if _NAME_TOKEN.fullmatch(name) is None:
        return None
    corrected = near_miss(name)
    if corrected is None:
        return None
    kind, lead = _lead(before)
    return corrected if kind in _PLACE_LEADS or _AT_PLACE.match(lead) else None


_ELIDED_ARTICLE = re.compile(r"\b(?P<article>du|au|des|aux|le|la|les|l['’])\s*$", re.IGNORECASE)
_ARTICLE_OF = {"du": "Le ", "au": "Le ", "le": "Le ", "la": "La ", "des": "Les ", "aux": "Les "}
_ARTICLE_OF["les"] = "Les "


def _with_article(name: str, before: str) -> str:
    """Return a French name with the article its preposition hides ("du Portel": "Le Portel").

    The name keeps its article only when the gazetteer knows it that way and
    not without ("Le Portel", "Le Touquet"; but "Calais" stays "Calais").
    """
    article = _ELIDED_ARTICLE.search(before)
    if article is None or _exact_name(name):
        return name
    word = article["article"].lower()
    full = ("L'" if word.startswith("l") and len(word) == 2 else _ARTICLE_OF[word]) + name
    return full if _exact_name(full) else name


_MONTH_NAMES = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "mars", "mai", "juin"),
    }
)
_DAY_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:st|nd|rd|th)?\b|,?\s*(?:19|20)\d\d\b)")


def _is_month(name: str, clause: str, start: int, end: int) -> bool:
    """Tell whether a name is a month in a date ("on March 9", "9 May", "mars 2024")."""
    if name.lower() not in _MONTH_NAMES:
        return False
    before = clause[max(0, start - 4) : start]
    return _DAY_NUMBER.match(clause, end) is not None or re.search(r"\d\s*$", before) is not None


def _plain_name(name: str, exact: bool, start: int) -> bool:
    """Tell whether a name with no preposition may still be a place.

    Only an exact gazetteer name of four letters or more, not a common word,
    and not the first word of the clause (where every word has a capital).
    """
    return exact and start > 0 and len(name) >= 4 and name.lower() not in _COMMON_WORDS


_LEAD_LAST_WORDS = frozenset(
    {
        *("the", "a", "an", "la", "le", "les", "l'", "l’", "d'", "d’", "une", "un", "of", "at"),
        *("in", "on", "onto", "from", "along", "off", "near", "nearby", "to", "towards", "toward"),
        *("for", "into", "reach", "reached", "reaching", "reaches", "heading", "headed", "via"),
        *("through", "across", "cross", "crossed", "crossing", "crosses", "de", "du", "des", "à"),
        *("au", "aux", "en", "dans", "sur", "depuis", "vers", "pour", "outside", "around"),
        *("large", "traverser", "traversé", "traversée", "by", "left", "près", "atteint"),
        *("atteindre", "rejoindre", "rejoint", "gagner", "leaving", "quitté"),
    }
)
_LAST_WORD = re.compile(r"(?:^|\s)(\S*?(?:[dl]['’])?)\s*$")


_ORGANISATION_BEFORE = re.compile(_ORGANISATION_LEAD + "$", re.IGNORECASE)


def _lead(before: str) -> tuple[str, str]:
    """Return how the text before a name leads into it: (kind, the lead-in words)."""
    organisation = _ORGANISATION_BEFORE.search(before)
    if organisation is not None:
        return "organisation", organisation.group()
    last = _LAST_WORD.search(before[-30:])
    word = last.group(1).lower() if last is not None else ""
    if word not in _LEAD_LAST_WORDS and word[-2:] not in _LEAD_LAST_WORDS:
        return "bare", ""
    for kind, pattern in _LEADS:
        match = pattern.search(before)
        if match is not None and (match.start() == 0 or not before[match.start() - 1].isalnum()):
            return kind, match.group()
    return "bare", ""


_COORDINATED = re.compile(
    rf"({_NAME.pattern})(?:\s*\([^()]{{0,20}}\))?(?:(?:\s*,)?\s+(?:and|et|or|ou)\s+|\s*,\s*)$"
)


def _shared_lead(before: str) -> tuple[str, str]:
    """Return the lead of the name this one is coordinated with ("the beaches of X and Y").

    The lead is shared for its kind, not written again: the place as written
    is the name alone.
    """
    for _ in range(_LISTED_NAMES):  # "the ports of A, B and C": C shares A's lead
        previous = _COORDINATED.search(before)
        if previous is None:
            return "bare", ""
        before = before[: previous.start()]
        kind, lead = _lead(before)
        if kind != "bare":
            break
    return (kind, lead) if kind not in ("bare", "route") else ("bare", "")


_APPOSED_AT = re.compile(r"\w\s*,\s*$")
"""A comma alone before a name with its own "à" or "in": it says where the place before lies
("la plage de Malo, à Dunkerque"), it does not list a further place of the same kind."""

_IN_TOWN = re.compile(r"(?:à|in)\s*", re.IGNORECASE)

_LISTED_NAMES = 6
"""How many names back a list shares its first name's lead ("les plages de A, B, C et D")."""


_PHRASE_KINDS = frozenset({"offshore", "distance", "direction", "beach", "port", "near"})
_ROLE_KINDS = frozenset({"landing", "departure"})
"""Leads that give every name of a list its role ("déposés à Calais et à Dunkerque")."""
_TRAILING_ARTICLE = re.compile(rf"{_ARTICLE}$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"\b(?:the|a|an|la|le|les|une?)\s+$", re.IGNORECASE)


def _written_lead(kind: str, lead: str, before: str) -> str:
    """Return the words before a name that belong to the place as written.

    A phrase that places it ("off the coast of", "the beach at") is kept
    whole, with the article before it; a plain preposition or verb ("in",
    "reached") is dropped, but not the article ("the UK", "a Calais beach").
    """
    if kind not in _PHRASE_KINDS:
        article = _TRAILING_ARTICLE.search(lead)
        return article.group() if article is not None else ""
    article = _LEADING_ARTICLE.search(before[: len(before) - len(lead)])
    return (article.group() if article is not None else "") + lead


_LEAD_DISTANCE = re.compile(_DISTANCE, re.IGNORECASE)
_BEACH_LEAD = re.compile(r"\b(?:beach|beaches|plages?|coast|côte)\b", re.IGNORECASE)
"""A departure from a beach or the coast ("partie de la plage de X", "left the coast at X"): the
boat left X's shore, not its centre."""
_METRES = {"km": 1000.0, "kilo": 1000.0, "naut": 1852.0, "mill": 1852.0, "nm": 1852.0}
_METRES |= {"mile": 1609.0, "mèt": 1.0, "met": 1.0, "m": 1.0}
_AMOUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_AMOUNTS |= {"eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "thirty": 30}
_AMOUNTS |= {"few": 3, "of": 2, "quelques": 3, "dizaine": 10, "quinzaine": 15, "vingtaine": 20}
_AMOUNTS |= {"trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60}
_AMOUNTS |= {"centaine": 100}


def offset_m(lead: str) -> float | None:
    """Return the distance in metres a lead states ("22 km west of", "2 miles off"), or None.

    An incident "22 km west of Boulogne" is placed at Boulogne with this much
    more uncertainty: the place named is its reference, the offset its spread.
    """
    found = _LEAD_DISTANCE.search(lead)
    if found is None:
        return None
    amount = found["amount"].lower().replace(",", ".")
    words = [word for word in amount.split() if word != "de"]
    try:
        value = float(amount)
    except ValueError:
        value = float(_AMOUNTS.get(words[-1], 1))
    unit = found["unit"].lower()
    return value * next((v for k, v in _METRES.items() if unit.startswith(k)), 1.0)


_BEARING_WORD = re.compile(rf"\b(?:{_DIRECTION})\b", re.IGNORECASE)


def bearing_deg(lead: str) -> float | None:
    """Return the compass bearing a lead states ("au sud de", "north-west of"), or None.

    A place "south of Boulogne" lies that way from Boulogne: a named place
    in that direction may be where it happened. The geocoder's table of
    compass points gives the bearing.
    """
    found = _BEARING_WORD.search(lead)
    if found is None:
        return None
    return BEARINGS[re.sub(r"[- /]+", " ", found.group().lower())]


def _queries(name: str, kind: str, feature: str, lead: str) -> tuple[tuple[str, ...], str | None]:
    """Return the geocoder queries for a mention, most specific first, and its shore query.

    A feature name ("X harbour", "port of X", "X beach") is asked only when the
    gazetteer has it: the geocoder spends a fuzzy search on every unknown name.
    """
    if kind == "offshore":
        beach = f"{name} beach"
        offshore = f"off {beach}" if feature == "beach" and _exact_name(beach) else f"off {name}"
        return (offshore, name), f"the beach at {name}"
    if kind in ("distance", "direction"):
        return (name,), None
    if kind == "beach" or feature == "beach" or (kind == "departure" and _BEACH_LEAD.search(lead)):
        return (f"the beach at {name}", name), None
    if kind == "port" or feature == "port":
        ports = (f"{name} harbour", f"port of {name}")
        return (*(port for port in ports if _exact_name(port)), name), None
    if kind == "near" or feature == "near":
        return (f"near {name}", name), None
    return (name,), None


# -- fast forms -------------------------------------------------------------------------
# The long word lists above, factored by first letter (see geo.extract._regex): each finds
# exactly what it is written to find, in a fraction of the tries.

_OUTSIDE = factored(_OUTSIDE)
_LEADS = tuple(
    (kind, factored(pattern))
    for kind, pattern in _LEADS
    if (pattern.pattern, pattern.flags)
    != (_ORGANISATION_BEFORE.pattern, _ORGANISATION_BEFORE.flags)
)  # _lead tries the organisation's lead first: its loop need not try it again
_FEATURE_BEFORE = factored(_FEATURE_BEFORE)
_ORGANISATION_BEFORE = gated(r"(?=\w)", factored(_ORGANISATION_BEFORE))  # it starts on a word
_TRAILING_ARTICLE = factored(_TRAILING_ARTICLE)
_LEAD_DISTANCE = factored(_LEAD_DISTANCE)
