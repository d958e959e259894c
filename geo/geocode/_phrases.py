"""Place phrases: how a report places an incident relative to a named place.

"the beach at X", "X beach", "off X", "3 km off X", "au large de X", "near X",
"between X and Y", "5 km north of X", "a beach north of X": each is taken
apart into a kind, the names it holds and the distance and bearing it
states. Distances are bounded by what a report on this coast can mean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

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
    "mille": 1_852.0,
    "milles": 1_852.0,
    "mille nautique": 1_852.0,
    "milles nautiques": 1_852.0,
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
DEFAULT_DIRECTION_M = 5_000.0
MAX_OFFSHORE_M = 100_000.0
"""The farthest "N km off X" (or "N km from X") a report on this coast can mean."""
MAX_DIRECTION_M = 200_000.0
"""The farthest "N km north of X" a report on this coast can mean."""


@dataclass(frozen=True)
class Phrase:
    """A query taken apart: what kind of place phrase, which names, what distance.

    ``kind`` is ``name``, ``beach``, ``offshore``, ``near``, ``between`` or
    ``direction``; ``shore`` marks a direction phrase about the shore ("a
    beach north of X"); ``too_far`` holds the reason when a stated distance
    is beyond :data:`MAX_OFFSHORE_M` or :data:`MAX_DIRECTION_M`.
    """

    kind: str
    names: tuple[str, ...]
    distance_m: float | None = None
    bearing_deg: float | None = None
    shore: bool = False
    too_far: str | None = None


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_NUMBER_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "un": 1.0,
    "une": 1.0,
    "two": 2.0,
    "deux": 2.0,
    "three": 3.0,
    "trois": 3.0,
    "four": 4.0,
    "quatre": 4.0,
    "five": 5.0,
    "cinq": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "sept": 7.0,
    "eight": 8.0,
    "huit": 8.0,
    "nine": 9.0,
    "neuf": 9.0,
    "ten": 10.0,
    "dix": 10.0,
    "twelve": 12.0,
    "douze": 12.0,
    "fifteen": 15.0,
    "quinze": 15.0,
    "twenty": 20.0,
    "vingt": 20.0,
}
_UNITS = _alternation(UNIT_METRES)
_NUMBER = rf"\d+(?:[.,]\d+)?|{_alternation(_NUMBER_WORDS)}"
_DISTANCE = re.compile(
    r"^(?:about |around |some |approximately |roughly |nearly |almost |just |environ |"
    r"a pres de |pres de |a environ |a quelque |a |at |up to |more than |less than |plus de |"
    r"moins de |over |under )*"
    rf"(?:(?P<half_first>half an? |a half |une demi )|(?P<number>{_NUMBER})"
    r"(?P<half> and a half| et demie?| and half)? ?)"
    rf"(?P<unit>{_UNITS})(?P<half_after> and a half| et demie?)?"
    rf"(?: \d+(?:[.,]\d+)? ?(?:{_UNITS}))?"  # a conversion in brackets: "three miles (5km)"
    r"(?: (?:out|away|at sea|en mer))? (?P<rest>.+)$"
)
_BETWEEN = re.compile(r"^(?:somewhere )?(?:between|entre) (?P<a>.+?) (?:and|et) (?P<b>.+)$")
# French particles only after French words: "off De Panne" keeps its "De".
_OFFSHORE = re.compile(
    r"^(?:just |right |a little way |some way |far |the area |the sea |the waters )?"
    r"(?:(?:off|out from|offshore from|out to sea from)"
    r"(?: the (?:\w+ )?(?:coast|coastline|shore|shores|beach|beaches|port|harbour|harbor|town"
    r"|resort|city) (?:of|at|near|by)"
    r"| the coast)?"
    r"|au large(?: (?:de|d|du|des) (?:la cote|les cotes|cotes|la plage|plages|port))?"
    r"(?: de| d| du| des)?(?: la)?)"
    r" (?P<a>.+)$"
)
_IN_SEA_OFF = re.compile(
    r"^(?:in the sea|at sea|in the water|in the channel|in the waters|en mer) "
    r"(?:off|au large de|au large d|au large du) (?P<a>.+)$"
)
_BEACH_WORDS = r"beach|beaches|shore|sands|seafront|plage|plages|strand|shingle|foreshore"
_BEACH_BEFORE = re.compile(
    r"^(?:on |at |from |onto |sur |depuis |de |d )?(?:the |a |la |une |les |l )?"
    rf"(?:{_BEACH_WORDS})"
    r" (?:at|in|of|near|outside|de|d|du|des|by|van) (?P<a>.+)$"
)
_BEACH_AFTER = re.compile(
    r"^(?:on |at |from )?(?:the |a |an )?(?P<a>.+?) "
    r"(?:beach|beaches|seafront|sands|shore|strand|plage)$"
)
_BEACH_DIRECTION = re.compile(
    r"^(?:on |at |from |sur )?(?:the |a |an |la |une |les |l )?"
    rf"(?:{_BEACH_WORDS}|coast|cote|littoral)"
    rf" (?:just |au |a l )?(?P<dir>{_alternation(BEARINGS)}) (?:of|de|d|du) (?P<a>.+)$"
)
_NEAR = re.compile(
    r"^(?:near|nearby|close to|outside|just outside|around|the area around|the area of|in the area"
    r" of|the outskirts of|on the outskirts of|pres de|pres d|pres du|pres des|aux environs de"
    r"|aux environs d|aux environs du|a proximite de|a proximite d|a proximite du|vicinity of"
    r"|the vicinity of|not far from|non loin de|non loin d|non loin du|dans le secteur de|dans"
    r" le secteur d|dans le secteur du|du cote de|du cote d|aux abords de|aux abords d|aux"
    r" abords du|a hauteur de|a hauteur d|a hauteur du|au niveau de|au niveau d|au niveau du"
    r"|the coast at|the coast of|the coast near|the coastline at|the coastline of|the shores"
    r" of|the shore at|the shore of|la cote de|la cote d|les cotes de|les cotes d|le littoral"
    r" de|le littoral d|le littoral du)"
    r"(?: the (?:french |english |seaside |coastal )?(?:town|village|port|resort|city) of)?"
    r" (?P<a>.+)$"
)
_AREA_AFTER = re.compile(r"^(?:the |a |an |le |la |l )?(?P<a>.+?) (?:area|region|secteur)$")
_DIRECTION = re.compile(
    rf"^(?:due |just |au |a l |a |at )*(?P<dir>{_alternation(BEARINGS)}) (?:of|de|d|du) (?P<a>.+)$"
)
_FROM = re.compile(r"^(?:from|de|d|du) (?P<a>.+)$")
_LEADING = re.compile(
    r"^(?:(?:the |a )?(?:french |english |belgian |seaside |coastal |small )*"
    r"(?:town|village|port|city|resort|commune|hamlet) of |in |at |on |a |au |aux |en |dans |"
    r"sur |depuis |de |du |des |d |et |and |from |onto |towards |vers |la commune de |"
    r"la ville de |le village de |le port de |the port at )(?P<a>.+)$"
)


def _distance_metres(measured: re.Match[str]) -> float:
    """Convert a matched distance ("3 km", "two and a half miles", "half a mile") to metres."""
    unit = UNIT_METRES[measured["unit"]]
    if measured["half_first"]:
        return 0.5 * unit
    number = measured["number"]
    value = _NUMBER_WORDS.get(number) or float(number.replace(",", "."))
    if measured["half"] or measured["half_after"]:
        value += 0.5
    return value * unit


def _bounded(phrase: Phrase, limit_m: float, what: str) -> Phrase:
    """Mark a phrase whose stated distance is beyond ``limit_m`` (to be answered not found)."""
    if phrase.distance_m is None or phrase.distance_m <= limit_m:
        return phrase
    reason = (
        f"{phrase.distance_m / 1000:,.0f} km {what} {phrase.names[0]!r} is beyond what a report"
        f" on this coast can mean (at most {limit_m / 1000:,.0f} km)"
    )
    return replace(phrase, too_far=reason)


def parse_phrase(text: str) -> Phrase:
    """Take a normalised query apart into a phrase kind, place names and distances."""
    distance_m = None
    measured = _DISTANCE.match(text)
    if measured:
        distance_m = _distance_metres(measured)
        text = measured["rest"]
    if between := _BETWEEN.match(text):
        return Phrase("between", (between["a"], between["b"]))
    if direction := _BEACH_DIRECTION.match(text) or _DIRECTION.match(text):
        bearing = BEARINGS[direction["dir"]]
        shore = direction.re is _BEACH_DIRECTION
        phrase = Phrase(
            "direction", (direction["a"],), distance_m or DEFAULT_DIRECTION_M, bearing, shore
        )
        return _bounded(phrase, MAX_DIRECTION_M, "from")
    if offshore := _IN_SEA_OFF.match(text) or _OFFSHORE.match(text):
        return _bounded(Phrase("offshore", (offshore["a"],), distance_m), MAX_OFFSHORE_M, "off")
    if distance_m is not None and (origin := _FROM.match(text)):
        return _bounded(Phrase("near", (origin["a"],), distance_m), MAX_OFFSHORE_M, "from")
    if beach := _BEACH_BEFORE.match(text) or _BEACH_AFTER.match(text):
        return Phrase("beach", (beach["a"],))
    if near := _NEAR.match(text) or _AREA_AFTER.match(text):
        return Phrase("near", (near["a"],))
    if leading := _LEADING.match(text):
        return Phrase("name", (leading["a"],))
    return Phrase("name", (text,))


_ANCHOR_SPLIT = re.compile(
    r"^(?P<x>.+?),? (?:which is |just |a few (?:miles|km|kilometres) )?"
    r"(?:near|outside|close to|just outside|not far from|by|pres de|pres d|pres du|a cote de"
    r"|a cote d|aux abords de|non loin de|(?:\d+ ?(?:km|miles?) )?(?:"
    rf"{_alternation(BEARINGS)}) (?:of|de|d|du))"
    r"(?: the (?:french |english |seaside |coastal )?(?:town|village|port|resort|city) of)?"
    r" (?P<y>.+)$"
)
_QUALIFIER_LEAD = re.compile(
    r"^(?:which is |just |in |at |on |a |near |outside |close to |by |pres de |pres d |"
    r"pres du |(?:\d+ ?(?:km|miles?) )?(?:"
    rf"{_alternation(BEARINGS)})(?: of| de| d| du)? |the (?:town|village|port|resort|city) of )+"
)


_DISTANCE_ONLY = re.compile(rf"^(?:{_NUMBER}) ?(?:{_UNITS})$")


def anchor_split(text: str) -> tuple[str, str] | None:
    """Split "X near Y", "X, north east of Y" into X and Y, or None when the text is not so."""
    split = _ANCHOR_SPLIT.match(text)
    if split is None or _DISTANCE_ONLY.match(split["x"]) or _BETWEEN.match(text):
        return None
    return split["x"], split["y"]


def qualifier_place(qualifier: str) -> str:
    """Return the place a qualifier names ("which is north of Calais": "calais")."""
    return _QUALIFIER_LEAD.sub("", qualifier)


def beach_spellings(name: str) -> tuple[str, ...]:
    """Return how a curated beach of a place may be called: "X beach", "plage de X" …."""
    return (
        f"{name} beach",
        f"plage de {name}",
        f"plage d {name}",
        f"plage du {name}",
        f"plage des {name}",
        f"{name} plage",
        f"strand {name}",
        f"{name} strand",
        f"{name} sands",
    )
