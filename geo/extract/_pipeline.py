"""Turn news articles and official notices into candidate incidents.

A document (text, its address and publication date) is cut into sentences;
a repeated sentence or caption is read once. Sentences that pass a cheap
keyword test are cut into clauses, and each clause that reports an event by
its cue words (English or French: "were rescued off", "ont débarqué", "taxi
boat" …) and is not about totals, records, plans or habits becomes a
candidate incident with:

- the place as written and as the geocoder resolves it, with the sentence as
  context (a name far from the mapped coast is never placed on it, and a
  fuzzy match is refused in a sentence about the Mediterranean, Libya …);
- the date, relative forms resolved against the publication date;
- the people and boats it states ("dozens" states no number);
- the sentence as the source quote.

A clause without a place or date of its own takes those of the sentence
before it when that sentence reported an incident too (reports describe one
scene over several sentences). Candidates of one document that agree on type,
place and date are one incident; :func:`merge_corroborated` does the same
across documents, listing every source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TypeGuard

import geopandas as gpd
import pyproj

from geo.errors import DocumentError
from geo.extract._confidence import confidence
from geo.extract._cues import (
    BOAT_FOUND_ADRIFT,
    BOAT_SENT_BACK_TO,
    BOAT_WORDS,
    EVENT_CUES,
    MAX_PEOPLE,
    MULTITUDE,
    NOT_REALISED,
    ONE_MORE,
    PURSUED,
    SCENE_WORDS,
    TAKEN_IN,
    Count,
    CountKind,
    Cue,
    DateMention,
    anchor_date,
    attempt_count,
    boat_count,
    event_cue,
    find_date,
    is_arrest_of_suspects,
    is_away_from_boats,
    is_in_span,
    is_record_of_no_day,
    is_span_of_time,
    is_statistic_or_policy,
    is_tally,
    may_report,
    people_count,
    those_who_got_on,
    total_of_those_told,
    whole_and_part,
    whole_told_in_parts,
)
from geo.extract._document import Document, check_url
from geo.extract._places import (
    MAPPED_COUNTRIES,
    Coarseness,
    Mention,
    Place,
    bearing_deg,
    between_ends,
    country_place,
    find_mentions,
    offset_m,
    outside_place,
    place_kind,
    place_of,
    qualifier_of,
    sea_ids,
)
from geo.extract._regex import folded_search, without_case
from geo.extract._text import (
    EARLIER_BY,
    Clause,
    clauses,
    clean_text,
    sentence_key,
    sentences,
)
from geo.geocode import (
    COUNTRY_TITLES,
    GeocodeMemo,
    GeocodeResult,
    geocode_many,
)
from geo.model import Incident, Source, incidents_to_frame
from geo.vocabulary import (
    ROLE_BY_EVENT,
    DatePrecision,
    EventType,
    LocationPrecision,
    ReviewStatus,
)

MAX_TEXT_CHARS = 20_000_000
"""The longest text :func:`extract_incidents` reads (about 20 MB); longer is refused."""

MERGE_DISTANCE_M = 2_000.0
"""Places closer than this are the same place, for merging and corroboration."""

_GEOD = pyproj.Geod(ellps="WGS84")
_QUOTE_CHARS = 1_000


# -- reading sentences -----------------------------------------------------------------


@dataclass(frozen=True)
class _Event:
    """One event a clause reports, with what the clause itself says about it."""

    event_type: EventType
    place: Place | None
    date: dt.date | None
    people: Count | None
    boats: Count | None
    weak: bool = False  # typed only by a boat on a beach: yields to any incident there
    implied: Place | None = None  # a country the clause implies (the actor's, an arrival's)
    basis: str = "named"  # how the place was found (see confidence)
    clause: str = ""  # the clause's text, to type the event where a borrowed place puts it
    set_off: Place | None = None  # where the dead's boat had left: their place if none other
    earlier: bool = False  # told by the time since it ("days after six died"): not the day's


@dataclass(frozen=True)
class _Facts:
    """What one sentence reports: its events, its first date and a far-away place it names.

    ``scene`` is the place of a sentence that reports no event of its own but
    says where one happened ("The incident happened off Wimereux").
    """

    events: tuple[_Event, ...]
    date: dt.date | None
    outside: Place | None
    scene: Place | None = None
    also: tuple[Place, ...] = ()  # further places a scene sentence lists ("off A and B")


_NO_FACTS = _Facts((), None, None)
_ACTORS = re.compile(
    r"\b(?:(?P<nation>french|belgian|british|uk|dutch|english)\s+(?:[a-z]+\s+)?"
    r"(?:police|authorities|gendarmes?|gendarmerie|coastguards?|coast guard|officers|navy|forces?"
    r"|border force|patrols?|lifeboats?|maritime)|(?P<gb>border force|hm coastguard|rnli)"
    r"|(?:autorités|garde-côtes|gendarmes|policiers|police|marine|forces|sauveteurs)"
    r"\s+(?P<adjective>français|françaises?|belges?|britanniques?|anglais|anglaises?)"
    r"|(?P<fr>gendarmes?|gendarmerie|préfecture maritime|crs|cross gris-nez"
    r"|forces de l['’]ordre(?!\s+(?:britanniques?|anglaises?|belges?))))\b",
    re.IGNORECASE,
)
"""Who stopped or rescued people, by the country they serve: "French police", "British
coastguards", in French word order "les autorités britanniques", "garde-côtes français";
Border Force and the RNLI are British, the gendarmes, the CROSS and "les forces de l'ordre"
French."""
_NATIONS = {"french": "FR", "belgian": "BE", "british": "GB", "uk": "GB", "english": "GB"}
_NATIONS |= {"dutch": "NL", "français": "FR", "française": "FR", "françaises": "FR"}
_NATIONS |= {"belge": "BE", "belges": "BE", "britannique": "GB", "britanniques": "GB"}
_NATIONS |= {"anglais": "GB", "anglaise": "GB", "anglaises": "GB"}
_ACTOR_EVENTS = frozenset({EventType.INTERCEPTION, EventType.RESCUE})
_NATIONAL_WATERS = re.compile(
    r"\b(?P<nation>french|belgian|british|english)\s+(?:coast(?:line)?|waters|shores?|side"
    r"|section\s+of\s+the\s+channel)\b"
    r"|\b(?<![-‑])(?:eaux|côtes?|littoral|rivages?)\s+(?P<adjective>français|française"
    r"|françaises|belges?|britanniques?|anglais|anglaises?)\b",
    re.IGNORECASE,
)
"""A country's coast or waters named by its adjective ("off the French coast", "in French waters",
"dans les eaux françaises"): where a stop or a rescue was, known no finer than the country. The
"côtes" of "garde-côtes français" are the coastguards' name, not a coast."""
_OFF_COAST = re.compile(
    r"\b(?:off|au\s+large)\b.*\b(?:coast(?:line)?|shores?|côtes?|littoral|rivages?)\b",
    re.IGNORECASE,
)
"""Waters off a coast named as such ("off the Kent coast", "au large des côtes de la Somme"): one
side's, not the open sea; not a coast the rescued were brought to ("débarqués sur la côte de…")."""
_HEADING_FOR = re.compile(
    r"\b(?:vers|towards?|heading\s+for|en\s+direction\s+d[eu]s?)\s+(?:les\s+|the\s+)?$",
    re.IGNORECASE,
)


def _waters_where(clause: str) -> re.Match[str] | None:
    """Return the first country's coast or waters a clause places its event in, if any.

    Waters a boat was heading for ("continued towards British waters", "sa
    route vers les eaux britanniques") are not where it was stopped or rescued.
    """
    return next(
        (
            waters
            for waters in _NATIONAL_WATERS.finditer(clause)
            if _HEADING_FOR.search(clause, 0, waters.start()) is None
        ),
        None,
    )


@dataclass(frozen=True)
class _Reporting:
    """A clause that reports an event: its cue (None for a boat on a beach) and its own date."""

    clause: Clause
    cue: Cue | None
    date: DateMention | None = None


def _read_sentence(sentence: str, published: dt.date | None, story: dt.date | None) -> _Facts:
    """Read the events of one sentence (geocoding its places once, with it as context).

    ``story`` is the day the report was speaking of before this sentence:
    "the day before" and "la veille" count back from it.
    """
    cut = clauses(sentence)
    parts = [piece for c in cut if not c.relative for piece in _two_events(c)]
    cues = [event_cue(part.text) for part in parts]
    reporting = _with_elided_cues(
        _after_opening_span(
            [_reporting(part, cue) for part, cue in zip(parts, cues, strict=True)], parts
        ),
        parts,
    )
    if reporting and (_BODY.search(sentence) or _IT_BROUGHT.match(sentence)):
        reporting = [r for r in reporting if not _body_landed(r)]
    if reporting and is_record_of_no_day([part.text for part in parts]):
        return _NO_FACTS  # "On one day in August, 482 crossed, a record": a record recalled
    totals = not reporting and any(cue is not None for cue in cues)
    if all(cue is None for cue in cues) and (joined := _told_in_relative(sentence, cut)):
        return _read_sentence(joined, published, story)
    if not reporting and not totals and not _sets_scene(sentence):
        return _NO_FACTS  # the common case, read without looking for dates
    dates = _clause_dates(parts, published, story)
    first_date = next((mention.date for mention in dates.values() if mention is not None), None)
    if totals and SCENE_WORDS.search(sentence) is None:
        # "On Monday alone 164 people were rescued in all": no incident, but the story's day
        return _NO_FACTS if first_date is None else _Facts((), first_date, None)
    if not reporting:
        return _scene_facts(sentence, parts, first_date)
    reporting = [replace(r, date=dates[r.clause.text]) for r in reporting]
    outside = outside_place(sentence)
    mentions = [find_mentions(r.clause.text) for r in reporting]
    resolved = _geocode(sentence, [m for found in mentions for m in found])
    read = [
        (r.clause, tuple(_clause_events(r, found, resolved, outside)))
        for r, found in zip(reporting, mentions, strict=True)
    ]
    events = tuple(event for _, clause_events in read for event in clause_events)
    if not events:
        return _scene_facts(sentence, parts, first_date)
    unplaced = any(event.place is None for event in events)
    # a clause that tells no event of its own ("the boat was close to Deal when…") says where
    others = [part for part in parts if all(part is not clause for clause, told in read if told)]
    cued = [r.clause for r in reporting if r.cue is not None]
    if cued and all(_opens_on_party(_after_link(clause.text)) for clause in cued):
        uncued = [part for part in parts if all(part is not clause for clause in cued)]
        events = _with_clauses_count(events, uncued)
    if all(event.people is None for event in events):
        telling = [clause for clause, told in read if told]
        silent = [
            part
            for part in parts
            if all(part is not clause for clause in telling)
            and _counts_its_party(_after_link(part.text))
        ]
        events = _with_clauses_count(events, silent)
    events = _with_load(events, [c.text for c in cut if c.relative])
    events = _stopped_before_leaving(events, sentence)
    events = _without_foiled_launch(events, sentence)
    return _Facts(
        events, first_date, outside, _clauses_place(sentence, others) if unplaced else None
    )


_ABOUT_TO_LEAVE = re.compile(
    r"\b(?:(?:alors\s+qu|lorsqu)['’]|quand\s+|qui\s+|as\s+|while\s+|when\s+|who\s+)"
    r"(?:(?:ils|elles|they)\s+)?(?:(?:were|was|étaient|était)\s+)?"
    r"(?:s['’]apprêt\w*\s+à|se\s+prépar\w*\s+à|sur\s+le\s+point\s+d['’e]|about\s+to"
    r"|(?:preparing|getting\s+ready)\s+to)\s*(?:[\w'’-]+\s+){0,2}?(?:prendre\s+la\s+mer|partir"
    r"|embarquer|monter\s+à\s+bord|mettre\s+(?:\S+\s+){0,2}?à\s+l['’]eau|launch|set\s+(?:off|out|sail)"
    r"|leave|depart|board|put\s+to\s+sea|take\s+to\s+the\s+(?:water|sea))\b",
    re.IGNORECASE,
)
"""People taken in "alors qu'ils se préparaient à prendre la mer", "as they were about to
launch": they had not left, so whoever took them in stopped a departure."""


def _stopped_before_leaving(events: tuple[_Event, ...], sentence: str) -> tuple[_Event, ...]:
    """Retype as interceptions the rescues of people taken in before they could leave.

    "Pris en charge" or "picked up" reads as a rescue at sea; said of people
    who were about to put to sea, it is a departure prevented on land.
    """
    if _ABOUT_TO_LEAVE.search(sentence) is None:
        return events
    return tuple(
        replace(e, event_type=EventType.INTERCEPTION) if e.event_type is EventType.RESCUE else e
        for e in events
    )


_CAME_TO_NOTHING = re.compile(
    r"[,;]\s*(?:mais\s+|but\s+)?(?:en\s+vain|sans\s+succès|in\s+vain|without\s+success"
    r"|unsuccessfully)\s*[:;,.–—-]",
    re.IGNORECASE,
)
"""An attempt told and then said to have come to nothing: "tenté la traversée depuis A, en
vain :", "tried to set off from A, but in vain –"."""


def _without_foiled_launch(events: tuple[_Event, ...], sentence: str) -> tuple[_Event, ...]:
    """Drop the launch of an attempt that came to nothing because it was intercepted.

    "Ils ont tenté la traversée depuis A, en vain : ils ont été interceptés":
    the boat never left; the one incident is the departure stopped, where the
    attempt was made, and the attempt's count is its people. Only with an
    interception told: "en vain" alone may be of something else than leaving.
    """
    launches = [e for e in events if e.event_type is EventType.LAUNCH]
    stops = [e for e in events if e.event_type is EventType.INTERCEPTION]
    if not launches or not stops or _CAME_TO_NOTHING.search(sentence) is None:
        return events
    attempt = launches[0]
    return tuple(
        _stopped_attempt(e, attempt) if e.event_type is EventType.INTERCEPTION else e
        for e in events
        if e.event_type is not EventType.LAUNCH
    )


def _stopped_attempt(stop: _Event, attempt: _Event) -> _Event:
    """Give an interception the place and count of the attempt it stopped, where it has none."""
    if stop.place is not None:
        return replace(stop, people=stop.people or attempt.people)
    return replace(
        stop, place=attempt.place, basis=attempt.basis, people=stop.people or attempt.people
    )


_SECOND_COUNT = re.compile(
    r",\s+(?=(?:\d[\d\u202f\u00a0.,]*|[a-zé-]+)\s+(?:(?:personnes|migrants|exilés|people|others"
    r"|autres)\s+)?(?:ont|sont|were|have|had|avaient|étaient)\s"
    r"|(?:un|une|one|a)\s+(?:personne|migrant|exilé|homme|femme|enfant|person|man|woman|child)"
    r"\s+(?:(?:est|a|was|has)\s|died\b))",
    re.IGNORECASE,
)
"""A comma opening a second count and verb: "…, 62 ont été sauvés", "…, un homme est mort"."""


_BODY = re.compile(r"\b(?:bod(?:y|ies)|corps|dépouilles?)\b", re.IGNORECASE)
"""A sentence about a body ("the body of a man", "le corps d'un homme")."""


_IT_BROUGHT = re.compile(r"It\s+(?:was|has\s+been)\s+(?:then\s+|later\s+)?")
"""A landing of "it" ("It was then taken to Eastbourne") after a body was found: no one landed."""


def _body_landed(reporting: _Reporting) -> bool:
    """Tell whether a clause of a sentence about a body only says where the body was brought.

    "The body … was brought to Eastbourne": the port a body was landed at is
    no arrival of people (nor where the death happened).
    """
    cue = reporting.cue
    if cue is None or cue.event_type is not EventType.ARRIVAL:
        return False
    return _brought(reporting.clause.text, cue)


def _two_events(clause: Clause) -> list[Clause]:
    """Cut a clause where a comma opens a second count and verb of another event.

    "Un exilé est mort, 62 ont été sauvés": a death and a rescue, each
    with its count. Only when both halves have cues of different events
    (the first such comma: "Mardi, un migrant est mort…" opens no event).
    """
    for comma in _SECOND_COUNT.finditer(clause.text):
        first, second = clause.text[: comma.start()], clause.text[comma.end() :]
        cues = event_cue(first), event_cue(second)
        if cues[0] is not None and cues[1] is not None and cues[0].event_type != cues[1].event_type:
            return [Clause(first), Clause(second)]
    return [clause]


def _clauses_place(sentence: str, parts: list[Clause]) -> Place | None:
    """Return the first fine place clauses without an event of their own name, if any.

    In "un groupe a été intercepté alors qu'il s'apprêtait à partir de la
    plage de Wissant" the stop happened where the second clause says.
    """
    places = _clauses_places(sentence, parts)
    return places[0] if places else None


def _clauses_places(sentence: str, parts: list[Clause]) -> list[Place]:
    """Return the fine places clauses without an event of their own name, in order."""
    mentions = [m for part in parts for m in find_mentions(part.text)]
    if not mentions:
        return []
    chosen = _choose_places(EventType.OTHER, mentions, _geocode(sentence, mentions), None)
    return [p for _, p in chosen if p.coarseness == Coarseness.FINE]


_LINK = re.compile(
    r"\W*(?:as|when|while|before|after|until|and|but|lorsque|quand|alors que|et|mais)\s+",
    re.IGNORECASE,
)


def _opens_on_party(clause: str) -> bool:
    """Tell whether a clause opens on a party told of already ("they", "the boat", "it")."""
    return _PARTY.match(clause) is not None or _IT.match(clause) is not None


_IT = re.compile(r"\W*(?:it|il|elle)\b", re.IGNORECASE)
_TOLD_PARTY = (
    r"people|persons|migrants|passengers|occupants|survivors|personnes|passagers|exilés|naufragés"
    r"|rescapés"
)
"""The nouns a count of the party already told of uses ("its 38 passengers", "les 19 migrants")."""
_POSSESSED = re.compile(
    r"\W*(?:(?:its|their|ses|leurs)\s+|(?:all|tous)\s+(?:the\s+|les\s+)?)(?:\d+|[\w-]+)\s+"
    rf"(?:[\w'’-]+\s+)?(?:{_TOLD_PARTY})\b",
    re.IGNORECASE,
)
"""A clause opening on the counted people of the boat just told of: "its 38 passengers",
"leurs 12 occupants", "all 40 migrants"."""


_LOAD_VERB = (
    r"(?:had|carried|was carrying|were carrying|held|transportait|transportaient|avait|comptait"
    r"|contenait)"
)
"""The verbs that tell what a boat held: "had", "was carrying", "transportait"."""
_IT_HELD = re.compile(rf"\W*(?:it|il|elle)\s+{_LOAD_VERB}\b", re.IGNORECASE)
"""A clause on the boat just told of that says what it held: "it was carrying", "elle
transportait"."""


def _counts_its_party(clause: str) -> bool:
    """Tell whether a clause opens on the party told of, counted ("the 19 migrants", "its 38").

    So does a clause on the boat itself that says its load ("; it was carrying 27
    people", ": il transportait 27 personnes"): whom it held are the event's people.
    """
    return _POSSESSED.match(clause) is not None or (
        (_PARTY.match(clause) is not None or _IT_HELD.match(clause) is not None)
        and people_count(clause[:_GROUP_WINDOW]) is not None
    )


def _after_link(clause: str) -> str:
    """Return a clause without the conjunction that links it to the one before ("as it entered")."""
    link = _LINK.match(clause)
    return clause[link.end() :] if link else clause


def _with_clauses_count(events: tuple[_Event, ...], others: list[Clause]) -> tuple[_Event, ...]:
    """Give a sentence's events, none of them counted, the count its other clauses state.

    In "17 migrants were on board a fishing boat as it entered Dover harbour"
    the clause with the count reports no event of its own: its 17 are those
    who arrived. Only for clauses opening on that party (the caller checks);
    not to places listed together (the count was of them all).
    """
    if any(event.people is not None for event in events):
        return events
    count = next((c for part in others if (c := people_count(part.text)) is not None), None)
    if count is None or count.value > MAX_PEOPLE:
        return events
    return tuple(e if e.basis == "listed" else replace(e, people=count) for e in events)


_LOAD = re.compile(
    rf"\W*(?:which|that|qui)\s+{_LOAD_VERB}\b|.*\b(?:on board|aboard|à (?:son )?bord)\b",
    re.IGNORECASE,
)


def _with_load(events: tuple[_Event, ...], relatives: list[str]) -> tuple[_Event, ...]:
    """Give uncounted events the load a relative clause states ("a dinghy, which had 19 people").

    Such a clause only describes the boat, but what it says is who was in it:
    the people of the event; not for places listed together (the count was of them all).
    """
    if not relatives or any(event.people is not None for event in events):
        return events
    count = next(
        (c for text in relatives if _LOAD.match(text) and (c := people_count(text)) is not None),
        None,
    )
    if count is None or count.value > MAX_PEOPLE:
        return events
    return tuple(e if e.basis == "listed" else replace(e, people=count) for e in events)


_ABOARD = r"(?:on\s+board|aboard|à\s+bord)"
_RELATIVE_TELLING = re.compile(
    rf"\b(?:(?:{_TOLD_PARTY})(?:\s+{_ABOARD})?\s*,\s*(?:who|qui)"
    rf"|(?:{BOAT_WORDS.pattern}|(?:{_TOLD_PARTY})\s+{_ABOARD})\s*,\s*(?:which|qui))\s+"
    r"(?!(?:had|avait|avaient|était|étaient)\b)[^,;]*$",
    re.IGNORECASE,
)
"""A relative clause that ends the sentence, hanging on the people ("who") or the boat ("which")
just named, not in the pluperfect: ", who were rescued off Dover", ", qui ont été secourues au
large de X", "a dinghy with 30 people aboard, which was intercepted". Not "which" on people:
"563 people, which includes those stopped" speaks of a figure."""


def _told_in_relative(sentence: str, cut: list[Clause]) -> str | None:
    """Return the sentence with its closing relative clause read as its main one, if that tells.

    "Il y avait 69 personnes, qui ont été secourues au large de X": the main
    clause tells no event, the relative on the people just named does; without
    its comma the event is read with the count and place the sentence gives.
    Not a relative in the pluperfect ("who had been rescued the week before"),
    nor one in the middle of the sentence ("the men, who were rescued, were
    charged"), nor one without an event of its own.
    """
    if not any(c.relative for c in cut):
        return None
    relative = _RELATIVE_TELLING.search(sentence)
    if relative is None:
        return None
    comma = sentence.index(",", relative.start())
    if event_cue(sentence[comma:]) is None:
        return None
    return sentence[:comma] + sentence[comma + 1 :]


def _after_opening_span(
    reporting: list[_Reporting | None], parts: list[Clause]
) -> list[_Reporting | None]:
    """Drop the count a sentence spreads over the span of time it opens on.

    "Since 1 January, 900 people landed at Dover", "Du 2 mars à aujourd'hui,
    412 personnes sont arrivées": the clause after the span is a total over
    it, as it would be with the span in the clause itself.
    """
    if len(parts) < 2 or reporting[0] is not None or reporting[1] is None:
        return reporting
    if not is_span_of_time(parts[0].text):
        return reporting
    return [reporting[0], None, *reporting[2:]]


def _with_elided_cues(reporting: list[_Reporting | None], parts: list[Clause]) -> list[_Reporting]:
    """Return the reporting clauses, reading a verbless count after one as the same event.

    In "30 were rescued off Calais and 40 off Dunkirk" the second clause
    states a count and a place but leaves its verb to the first.
    """
    kept: list[_Reporting] = []
    for part, found in zip(parts, reporting, strict=True):
        if found is not None:
            kept.append(found)
        elif kept and (cue := kept[-1].cue) is not None and _elliptic(part.text):
            kept.append(_Reporting(part, Cue(cue.event_type, 0, 0)))
    return kept


def _elliptic(clause: str) -> bool:
    """Tell whether a clause is a count without a verb of its own ("40 off Dunkirk").

    French leaves the verb to the clause before with "l'ont été": in "et 20
    autres l'ont été au large de Wimereux" the 20 were rescued too.
    """
    return (
        _ELLIPSIS.match(clause) is not None
        and people_count(clause) is not None
        and event_cue(clause) is None
    )


_ELLIPSIS = re.compile(
    r"\W*(?:\d[\d,.]*|[a-zé]+)\s+(?:\w+\s+){0,2}?(?:off|near|at|au|à|près|dans)\b"
    r"|\W*(?:\d[\d,.]*|[a-zé]+)\s+(?:autres\s+)?l['’](?:ont|avaient|a|avait)\s+été\b"
)


def _clause_dates(
    parts: list[Clause], published: dt.date | None, story: dt.date | None
) -> dict[str, DateMention | None]:
    """Return each clause's date, "the day before" counted back from the clause's story day."""
    dates: dict[str, DateMention | None] = {}
    for part in parts:
        mention = find_date(part.text, published, story)
        dates[part.text] = mention
        story = mention.date if mention is not None and mention.date is not None else story
    return dates


def _day_named(sentence: str, published: dt.date | None, story: dt.date | None) -> dt.date | None:
    """Return the day a sentence of no incident names, else the story's day, kept.

    "Border Force dealt with eight incidents on Wednesday" tells no incident
    of its own, but the boats the next sentences tell of were Wednesday's.
    Days of a span ("le week-end du 21-22 septembre") name no one day.
    """
    mention = find_date(sentence, published, story)
    if mention is None or mention.date is None or is_in_span(sentence, mention):
        return story
    return mention.date


def _scene_facts(sentence: str, parts: list[Clause], date: dt.date | None) -> _Facts:
    """Read a sentence that reports no event: it may still say where one happened."""
    if not _sets_scene(sentence) or is_statistic_or_policy(sentence):
        return _NO_FACTS
    if _OTHER_SCENES.search(sentence) is not None:
        return _NO_FACTS
    places = _clauses_places(sentence, parts)
    return _Facts((), date, None, places[0] if places else None, tuple(places[1:]))


_OTHER_SCENES = re.compile(
    r"\b(?:other|similar|previous|earlier) (?:incidents|tragedies|accidents|shipwrecks)\b"
    r"|\b(?:d['’]autres|de précédents) (?:incidents|drames|accidents|naufrages)\b",
    re.IGNORECASE,
)
"""A sentence on other incidents ("other incidents happened near Deal", "d'autres drames ont eu
lieu au large de Calais") says where those happened, not where the one just told did."""
_AT_SEA_OFF = re.compile(
    r"\b(?:au large|off)\b|\b(?:embarcation|bateau|canot|pneumatique|boat|dinghy|vessel)\b"
    r"[^.;]{0,40}?\b(?:se trouv(?:e|ait)|(?:est|était|a été) signalée?|dérivait|dérive"
    r"|was (?:spotted|seen|located|reported|drifting)|is drifting)\b",
    re.IGNORECASE,
)


def _sets_scene(sentence: str) -> bool:
    """Tell whether a sentence without an event may say where one happened.

    Words of an incident ("the tragedy happened…") do, and so does a place at
    sea ("une embarcation non identifiée au large d'Ambleteuse") or where a
    boat was ("une embarcation se trouve dans le secteur de X", "a dinghy was
    spotted near X"): nothing but an incident puts a report there; so does a
    line that names a place and nothing else ("Ensuite du côté de X.").
    """
    return (
        SCENE_WORDS.search(sentence) is not None
        or _AT_SEA_OFF.search(sentence) is not None
        or _PLACE_LINE.match(sentence) is not None
    )


_PLACE_LINE = re.compile(
    r"\W*(?i:(?:d['’]abord|ensuite|puis|enfin|plus loin)\s*,?\s+)?(?i:du\s+côté\s+(?:de|d['’]|du))"
    r"\s*[A-ZÀ-Þ][\w'’-]*(?:[\s-]+(?:sur|de|la|le|du|[A-ZÀ-Þ][\w'’-]*))*\s*[.!]?\s*$"
)
"""A line that names a place and nothing else ("D'abord du côté de Wimereux."): a live report
moving from one scene to the next, whose next sentence tells what happened there."""


def _reporting(clause: Clause, cue: Cue | None) -> _Reporting | None:
    """Return the clause with its cue as reporting an event, or None: no cue, or totals, plans."""
    if cue is None and BOAT_WORDS.search(clause.text) is None:
        return None
    cue_at = cue.start if cue is not None else None
    if is_statistic_or_policy(clause.text, cue_at) or is_away_from_boats(clause.text):
        return None
    if cue_at is not None and is_arrest_of_suspects(clause.text, cue_at):
        return None
    return _Reporting(clause, cue)


def _geocode(sentence: str, mentions: list[Mention]) -> dict[str, GeocodeResult]:
    """Geocode every query of the mentions at once, the sentence as context."""
    queries = {q for m in mentions for q in (*m.queries, m.shore_query) if q is not None}
    if not queries:
        return {}
    ordered = sorted(queries)
    return dict(zip(ordered, geocode_many(ordered, context=sentence, memo=_GEOCODED), strict=True))


_GEOCODED = GeocodeMemo()
"""The geocoder's answers so far, by query and sentence hints: reports name the same places."""


def _clause_events(
    reporting: _Reporting,
    mentions: list[Mention],
    resolved: dict[str, GeocodeResult],
    outside: Place | None,
) -> list[_Event]:
    """Return the events one clause reports, one per place it names for them (often one).

    A clause without cue words but with a boat on a beach ("migrants around a
    dinghy on Wissant beach") reports a weak launch. Besides its own event, a
    clause may report where the boat had left from ("secourue, partie de
    Wissant": a launch there) and where the people were landed in England
    ("intercepted and taken to Dover": an arrival there). Several places
    listed for one count share no count ("49 found at A and B"). A party the
    clause tells in two parts ("three of the 45 … the other 42") counts whole,
    but for a death (see :func:`whole_told_in_parts`).
    """
    text, cue = reporting.clause.text, reporting.cue
    people = people_count(_before_another_event(text, cue), cue.start if cue is not None else 0)
    if people is not None and people.value > MAX_PEOPLE:
        return []
    kind = cue.event_type if cue is not None else _uncued_kind(text, mentions, people)
    if cue is not None and kind is EventType.RESCUE and _POLICE_PICKUP.match(text, cue.start):
        kind = EventType.INTERCEPTION
    elif (
        cue is not None
        and kind is EventType.INTERCEPTION
        and (_RESCUERS_STEP_IN.search(text) or _CAPSIZED.search(text))
    ):
        kind = EventType.RESCUE
    elif cue is not None and kind is EventType.RESCUE and _taxi_pickup(text, cue.start):
        kind = EventType.EMBARKATION
    if people is not None and people.value == 1 and kind is not EventType.DEATH and cue is not None:
        people = None if _GROUP_BEFORE.search(text, 0, cue.start) or _caller(text) else people
    if people is None and kind is EventType.DEATH and cue is not None and _one_dead(text, cue):
        people = Count(1, CountKind.EXACT)
    if people is not None and kind is EventType.DEATH and cue is not None:
        people = _with_one_more_dead(text, people, cue.start, mentions)
    elif people is not None:
        people = whole_told_in_parts(text, text) or people
    if kind in _TRACES and cue is not None and (people is None or BOAT_FOUND_ADRIFT.search(text)):
        kind = _found_boat(text, cue.start, kind)
        if kind is EventType.OTHER and _FINDER.search(text, 0, cue.end) is None:
            return []  # "un document a été découvert sur le défunt": no one found
    chosen = _choose_places(kind, mentions, resolved, outside)
    places = [place for _, place in chosen]
    weak = cue is None
    if weak and not (places and (kind is EventType.RESCUE or _on_beach(places[0], mentions))):
        return []
    if kind is EventType.ARRIVAL and any(_landed_back(place) for place in places):
        return []
    implied = None if _brought(text, cue) else _implied_place(kind, text, outside)
    boats = _boats_stopped(text) if kind is EventType.INTERCEPTION else boat_count(text)
    day = reporting.date.date if reporting.date is not None else None
    shared = people if len(chosen) <= 1 else None
    counts = _respective_counts(text, len(chosen)) or [shared]
    events = [
        _Event(
            _on_land_type(kind, mention, place, text),
            _with_actor_country(place, implied),
            day,
            counts[min(at, len(counts) - 1)],
            boats,
            weak,
            implied,
            _basis(mention, len(chosen)),
        )
        for at, (mention, place) in enumerate(chosen)
    ]
    side = list(_side_events(kind, mentions, resolved, day, people, boats))
    if people is not None and not chosen and kind is not EventType.DEATH:
        # "une embarcation de 72 migrants partie de Wimereux était en difficulté": no other
        # place holds the count, so it is the departed boat's
        side = [
            replace(e, people=people)
            if e.event_type is EventType.LAUNCH and e.people is None
            else e
            for e in side
        ]
    if any(e.event_type is EventType.ARRIVAL for e in side):
        events = [e for e in events if _fine(e.place)]
    if not events and kind is EventType.INTERCEPTION:
        events = [
            replace(event, event_type=kind, people=shared, boats=boats)
            for event in side
            if event.event_type is EventType.LAUNCH
        ]
        side = [event for event in side if event.event_type is not EventType.LAUNCH]
    if not events and not any(e.event_type is EventType.ARRIVAL for e in side):
        set_off = _set_off(kind, side)
        events = [
            _Event(kind, None, day, people, boats, weak, implied, clause=text, set_off=set_off)
        ]
    told = events + side
    return [replace(e, earlier=True) for e in told] if EARLIER_BY.match(text) else told


def _boats_stopped(clause: str) -> Count | None:
    """How many boats an interception stopped: its boats, else its attempts ("six tentatives")."""
    return boat_count(clause) or attempt_count(clause)


def _set_off(kind: EventType, side: list[_Event]) -> Place | None:
    """Where the boat of people who died had set off, when the clause says so.

    "Two died in a boat that had left Wissant", "morts lors d'une traversée
    partie de Wissant": if nothing else tells where they died, the crossing
    that began there is all the report says of it.
    """
    if kind is not EventType.DEATH:
        return None
    return next((e.place for e in side if e.event_type is EventType.LAUNCH), None)


_ONE_DEAD_BEFORE = re.compile(
    r"\b(?:il|elle|he|she)\s+(?!y\b|s['’]|faut\b|fait\b)(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE
)
_ONE_DEAD_AT_THE_CUE = re.compile(
    r"(?:[\w'’]+\s+){0,5}?(?:(?:le|la)\s+réanim|(?:revive|resuscitate)\s+(?:him|her)\b)",
    re.IGNORECASE,
)


def _one_dead(text: str, cue: Cue) -> bool:
    """Tell whether a death told without a number is of one person named by a pronoun.

    "Elle a été déclarée décédée", "he was pronounced dead", "les secours n'ont
    pas réussi à le réanimer", "could not revive her": one dead. "Il y a eu des
    morts" names no one.
    """
    return bool(
        _ONE_DEAD_BEFORE.search(text, 0, cue.start) or _ONE_DEAD_AT_THE_CUE.match(text, cue.start)
    )


def _with_one_more_dead(text: str, people: Count, cue_at: int, mentions: list[Mention]) -> Count:
    """Add to the dead one more told after the cue with the verb left out, at no other place.

    "Un corps a été découvert sur la plage et un autre repêché en mer", "a body
    was found on the beach and another pulled from the sea": two dead. One
    more at a place of its own ("and another washed up at Wissant") is
    another find.
    """
    more = ONE_MORE.search(text, cue_at)
    if more is None or any(mention.start >= more.start() for mention in mentions):
        return people
    return Count(people.value + 1, people.kind)


def _uncued_kind(text: str, mentions: list[Mention], people: Count | None) -> EventType:
    """Type a clause without cue words by its frame: a boat with people aboard at sea, or ashore.

    "A boat with 12 people aboard was two kilometres north-east of Sangatte":
    nothing but trouble puts a counted boat's position in a report, and reports
    type it a rescue; a boat on a beach ("a dinghy on Wissant beach") is a launch. Both
    stay weak, yielding to any incident the report tells there.
    """
    if people is not None and any(m.kind in _POSITION_KINDS for m in mentions):
        return EventType.RESCUE if _RESCUER_BOAT.search(text) is None else EventType.LAUNCH
    return EventType.LAUNCH


_RESCUER_BOAT = re.compile(
    r"\b(?:SNSM|RNLI|lifeboats?|vedettes?|patrouilleurs?|remorqueurs?|navires?|cutters?"
    r"|Border Force|coastguards?|canots? de sauvetage)\b",
    re.IGNORECASE,
)
"""A boat of the rescuers, carrying the people it took in: not their boat in trouble."""


def _picked_up_by(agent: str) -> re.Pattern[str]:
    """Build the pattern of a pick-up told with who did it, ``agent`` being its pattern.

    "Picked up by French police", "récupérés par un bateau-taxi", "pris à
    bord par …": who took the people in tells what the pick-up was.
    """
    return re.compile(
        r"(?:(?:was|were|been)\s+)?(?:picked up|taken (?:on board|aboard)|récupérée?s?"
        r"|pris(?:es)? à bord)\s+(?:[\w'’-]+\s+){0,3}?(?:by|par)\s+(?:the\s+|les\s+|la\s+|le\s+"
        rf"|des\s+|an?\s+|une?\s+|l['’])?(?:[\w-]+\s+)?{agent}\b",
        re.IGNORECASE,
    )


_POLICE_PICKUP = _picked_up_by(
    r"(?:police|policiers|gendarmes?|gendarmerie|forces de l['’]ordre|crs|border force)"
)
"""People "picked up by police", "by Border Force" or "récupérés par les gendarmes" were stopped,
not rescued: the police pick up a group on land or at its start, Border Force a boat at sea, as
lifeboats pick up a boat in distress."""


_TAXI_BOAT = r"(?:taxi[ -]boats?|bateaux?[ -]taxis?)"
_TAXI_BEFORE = re.compile(
    rf"\b{_TAXI_BOAT}\s+(?:(?:has|had|then|later|a|avait|aurait|ensuite|alors)\s+)?$",
    re.IGNORECASE,
)
_PASSIVE_AT = re.compile(r"(?:was|were|been|being|(?:a|ont|avait|avaient)\s+été)\b", re.IGNORECASE)
_BY_TAXI_BOAT = _picked_up_by(_TAXI_BOAT)


def _taxi_pickup(text: str, cue_at: int) -> bool:
    """Tell whether the pick-up cued at ``cue_at`` is a taxi boat's, taking people on board.

    A taxi boat waits afloat for its passengers: what it "picked up" or "a récupéré" off a
    beach boarded it ("a taxi boat picked up 60 people", "récupérés par un bateau-taxi"). A taxi
    boat that was itself picked up or rescued ("a taxi boat was rescued") is not.
    """
    if _BY_TAXI_BOAT.match(text, cue_at):
        return True
    return _TAXI_BEFORE.search(text, 0, cue_at) is not None and not _PASSIVE_AT.match(text, cue_at)


_RESCUERS_STEP_IN = re.compile(
    r"\b(?:(?:les\s+|des\s+)?(?:secours|sauveteurs|pompiers)|la\s+snsm|(?:the\s+)?(?:lifeboats?"
    r"|rnli|coastguards?)|(?:la|le)\s+(?:vedette|patrouilleur|remorqueur)(?:\s+[^\s,;.]+){0,6}?)"
    r"\s+(?:(?:en\s+mer|crews?|teams?)\s+)?(?:(?:sont|est|ont|a|were|was|have"
    r"|has)\s+)?(?:rapidement\s+|quickly\s+)?(?:intervenue?s?|intervened|dû\s+intervenir"
    r"|had\s+to\s+intervene)\b",
    re.IGNORECASE,
)
"""Rescuers who "intervened" or "had to" ("les secours sont intervenus", "les sauveteurs ont dû
intervenir") came to help: a rescue, where the police intervening is a stop. A patrol boat or a
tug that intervened ("la vedette X de la gendarmerie maritime est intervenue") did so at sea,
for a boat in need: a rescue too (police on a beach are no vessel)."""


_CAPSIZED = re.compile(
    r"\b(?:capsized|overturned|sank|(?:a|ont|s['’]est|se\s+sont)\s+(?:chaviré|coulé|retournée?s?))"
    r"(?!\s+(?:last|earlier|the\s+(?:day|week|month)\s+before|le\s+mois\s+dernier))\b",
    re.IGNORECASE,
)
"""A boat the clause tells capsized or sank ("une embarcation s'est retournée"): whoever
intervened there, police too, came to a boat in distress, a rescue (a boat that "had capsized"
earlier is another event)."""


_EARLIER_EVENT = re.compile(
    r"\b(?:après|after|following|since)\s+(?:le|la|l['’]|the|a|un|une)\s*(?:[\w-]+\s+)?"
    r"(?:drame|naufrage|tragédie|tragedy|sinking|disaster|capsizing|shipwreck|deaths?|mort)\b",
    re.IGNORECASE,
)
"""An earlier event the clause recalls ("après le drame qui a coûté la vie à 12 personnes")."""


def _before_another_event(text: str, cue: Cue | None) -> str:
    """Return the clause up to an earlier event it recalls after its cue (not its own count)."""
    recalled = _EARLIER_EVENT.search(text, cue.start if cue is not None else 0)
    return text if recalled is None else text[: recalled.start()]


_GROUP_BEFORE = re.compile(
    r"\b(?:migrants|people|asylum seekers|refugees|passengers|exilés|personnes|naufragés"
    r"|passagers)\b",
    re.IGNORECASE,
)
"""A group named without a number before the cue: a single person counted after it is one of
them ("migrants arriving at Dover, and one person carried on a stretcher"), not their count."""


_CALL_FOR_HELP = re.compile(
    r"\b(?:demand|appel|sollicit)\w*\s+(?:de\s+l['’]|à\s+l['’]|du\s+|des\s+)?(?:assistance|aide"
    r"|secours)\b|\b(?:call|ask)(?:s|ed|ing)?\s+for\s+(?:help|assistance)\b",
    re.IGNORECASE,
)
_AMONG_OTHERS = re.compile(
    r"\b(?:à\s+bord|aboard|on\s+board|with\s+(?:\w+\s+)?others?\b|avec\s+d['’]autres)",
    re.IGNORECASE,
)


def _caller(text: str) -> bool:
    """Tell whether a clause's one person is who called for help from a boat, not its party.

    "Un homme à bord du canot demande de l'aide" or "a woman called for help,
    at sea with others": the caller spoke for everyone aboard; a reader does
    not count the boat as holding one.
    """
    return _CALL_FOR_HELP.search(text) is not None and _AMONG_OTHERS.search(text) is not None


_BROUGHT = re.compile(r"(?:brought|taken|escorted|towed|transported)\b", re.IGNORECASE)
"""The cue of a landing ("brought to", "taken into", "towed to"): where people were carried."""


def _brought(text: str, cue: Cue | None) -> bool:
    """Tell whether a clause's cue only says people were brought somewhere ("brought to the port").

    Such a landing names no crossing: without a place it implies no country.
    """
    return cue is not None and _BROUGHT.match(text, cue.start) is not None


_RESPECTIVELY = re.compile(r"\b(?:respectivement|respectively)\b", re.IGNORECASE)
_LISTED_COUNTS = re.compile(r"\b\d+(?:\s*,\s*\d+)*\s+(?:et|and)\s+\d+\b")


def _respective_counts(text: str, places: int) -> list[Count | None]:
    """Return one count per listed place when the clause gives them "respectively".

    "secourir 37 et 64 personnes respectivement au large de Gravelines et
    Sangatte": 37 off Gravelines, 64 off Sangatte. Empty when the clause does
    not say so, or lists as many counts as places.
    """
    if places < 2 or _RESPECTIVELY.search(text) is None:
        return []
    listed = _LISTED_COUNTS.search(text)
    if listed is None:
        return []
    values = [int(number) for number in re.findall(r"\d+", listed.group())]
    if len(values) != places:
        return []
    return [Count(value, CountKind.EXACT) for value in values]


_FINDER = re.compile(
    r"\b(?:migrants?|people|persons?|men|man|women|woman|child(?:ren)?|boys?|girls?|adults?"
    r"|teenagers?|group|famil(?:y|ies)|survivors?|passengers?|they|he|she|personnes?|exilés?"
    r"|hommes?|femmes?|enfants?|adultes?|adolescents?|groupe|survivants?|naufragés?|passagers?"
    r"|ils|elles?|il|individus?|others?|autres?|another|une autre|un autre)\b",
    re.IGNORECASE,
)
"""Who a find is of: people (or a pronoun for them), not an object; searched up to the end of the
find's cue, which may name them itself ("police found the men in a dinghy")."""


_PEOPLE_ON_IT = re.compile(
    r"\b(?:(?:avec|with|carrying|transportant)\s+(?:[\w'’-]+\s+){0,2}?(?:personnes|people"
    r"|migrants|exilés|passagers|passengers|occupants)\b|(?:personnes|people|migrants|exilés"
    r"|passagers|passengers|occupants)\s+(?:[\w'’-]+\s+){0,2}?(?:à\s+bord|aboard|on\s+board"
    r"|(?:sur|on)\s+(?:la|the|its|sa)\s+(?:coque|hull)|clinging|accrochée?s?|à\s+l['’]eau"
    r"|in\s+the\s+(?:water|sea)))",
    re.IGNORECASE,
)
"""People said to be on a boat or in the water by it ("avec plusieurs personnes sur la coque",
"with people clinging to it"), without a number."""


def _found_boat(text: str, cue_at: int, kind: EventType) -> EventType:
    """Type a find of no counted people, or of a boat found adrift: with no one aboard, debris.

    "Un zodiac a été retrouvé" is debris, as the debris cues say; so are kayaks "found adrift"
    after their people were feared lost, the count being of those lost, not found. A boat
    found or located with people on it or in the water by it ("une
    embarcation retournée avec plusieurs personnes sur la coque") is no wreck
    left behind: the people were taken off it, a rescue.
    """
    boat = BOAT_WORDS.search(text)
    if boat is not None and _PEOPLE_ON_IT.search(text, boat.start()):
        return EventType.RESCUE
    if kind is EventType.DEBRIS or (boat is not None and boat.start() < cue_at):
        return EventType.DEBRIS
    return kind


def _basis(mention: Mention | None, listed: int) -> str:
    """Say how a clause placed its event: by the kind of its mention, or as one of a list."""
    if mention is None:
        return "outside"
    return "listed" if listed > 1 else mention.kind


_AT_LAND = frozenset({"at", "of", "beach", "port", "bare", "near"})
_AT_SEA_KINDS = frozenset({"offshore", "distance", "direction"})
_POSITION_KINDS = frozenset({"distance", "direction"})
"""A position at sea given by a distance or a bearing ("2 km north-east of X"): where a boat
in trouble was reported, as the coastguard gives it."""
_LANDED = frozenset(
    {
        EventType.INTERCEPTION,
        EventType.RESCUE,
        EventType.OTHER,
        EventType.SIGHTING,
        EventType.LAUNCH,
    }
)
"""Events that, at a place on land in England, mean people landed there: an arrival (a boat
"spotted in Kingsdown" or seen on an English beach has landed, not set off)."""


def _borrowed_type(kind: EventType, place: Place, text: str) -> EventType:
    """Type an event placed by another clause or sentence as if the place were its own.

    A place borrowed from the scene stands on land unless it was written as
    "off X" (an area at sea). People "brought to the port" of a French or
    Belgian scene were landed back: the rescue there, not an arrival.
    """
    if kind is EventType.ARRIVAL and _landed_back(place):
        return EventType.RESCUE
    kind_of_mention = "offshore" if place.precision is LocationPrecision.AREA else "at"
    mention = Mention(place.written, kind_of_mention, (), 0, 0, text, True)
    return _on_land_type(kind, mention, place, text)


def _on_land_type(kind: EventType, mention: Mention | None, place: Place, text: str) -> EventType:
    """Return the type of an event at a place: a rescue or stop on an English beach is an arrival.

    People "picked up at Folkestone", "intercepted on the beach at Kingsdown",
    "found at Samphire Hoe" or who "swam ashore at St Margaret's" have
    crossed: on this route that is an arrival. At sea ("off Dover") they stay
    a rescue or interception. On the French side, a group found in the dunes
    or on a beach was stopped (an interception); people who swam back stay
    "other".
    """
    at_sea = mention is not None and mention.kind in _AT_SEA_KINDS and _fine(place)
    if kind is EventType.OTHER and (place.country in ("FR", "BE") or at_sea):
        if _FOUND_GROUP.search(text) is None:
            return kind
        return EventType.RESCUE if _CASTAWAYS.search(text) else EventType.INTERCEPTION
    if kind not in _LANDED or mention is None or place.country != "GB":
        return kind
    if place.coarseness != Coarseness.FINE:
        return kind
    if kind is EventType.RESCUE and mention.kind == "near" and _SAVED.search(text):
        return kind
    if kind is EventType.INTERCEPTION and mention.kind == "near" and PURSUED.search(text):
        return kind
    return EventType.ARRIVAL if mention.kind in _AT_LAND else kind


_SAVED = re.compile(
    r"\b(?:rescued|saved|secourue?s|sauvée?s|rescue (?:operation|mission)"
    r"|opération de (?:sauvetage|secours))\b",
    re.IGNORECASE,
)
"""People said to be rescued "near Dungeness" were saved at sea by the headland, not landed, and
a rescue operation launched "near Hythe" went out to sea there: "near" places a rescue no more
on land than on the water (found or picked up near it, they landed)."""


_FOUND_GROUP = re.compile(
    r"^(?!.*\b(?:hypotherm|nage|swam|swim|propres moyens|own|unaided|alone|seuls?\b|blessé|injur"
    r"|bod(?:y|ies)|corps|mort|dead)).*\b(?:found|discovered|located|detained|rounded up|retrouvé"
    r"|découvert|localisé|interpellé|contrôlé)",
    re.IGNORECASE,
)
"""People found, not hurt and not back by their own means, on the French or Belgian side: a
group stopped before or after a failed departure (an interception, as the authorities report it)."""


_CASTAWAYS = re.compile(
    r"\b(?:naufragés|castaways|shipwrecked|unconscious|inconscients?|in\s+the\s+(?:water|sea)"
    r"|dans\s+l['’]eau|à\s+l['’]eau|adrift|drifting|à\s+la\s+dérive|en\s+dérive)\b",
    re.IGNORECASE,
)
"""People found after their boat was wrecked ("30 naufragés retrouvés"), in the water,
unconscious or adrift ("un canot retrouvé à la dérive avec 14 personnes") were saved, not
stopped."""


def _side_events(
    kind: EventType,
    mentions: list[Mention],
    resolved: dict[str, GeocodeResult],
    day: dt.date | None,
    people: Count | None,
    boats: Count | None,
) -> Iterator[_Event]:
    """Yield the launches and English landings a clause reports beside its own event.

    The clause's count is the landed group's, or the departed boat's; several
    landing places for one count share none of it ("40 brought ashore at A and B").
    """
    sides = []
    for mention in mentions:
        side_kind = None
        if mention.kind == "departure" and _rescuers_launched(mention):
            continue
        if mention.kind == "departure" and (kind not in _DEPARTING or _taxi_launch(kind, mention)):
            side_kind = EventType.LAUNCH
        elif mention.kind == "landing" and kind not in (EventType.ARRIVAL, EventType.DEATH):
            side_kind = EventType.ARRIVAL  # a body "brought to Eastbourne": no one landed
        if side_kind is None:
            continue
        place = _mention_place(side_kind, mention, resolved, None)
        if place is None or (
            side_kind is EventType.ARRIVAL
            and (place.country != "GB" or place.coarseness == Coarseness.COUNTRY)
        ):
            continue  # "intercepted and taken to the UK": the interception, landed nowhere finer
        sides.append((side_kind, place))
    landings = [p for k, p in sides if k is EventType.ARRIVAL]
    if any(_fine(p) for p in landings):  # "to Dungeness in Kent": the county only says where
        sides = [(k, p) for k, p in sides if k is not EventType.ARRIVAL or _fine(p)]
        landings = [p for p in landings if _fine(p)]
    for side_kind, place in sides:
        count = people if side_kind is EventType.ARRIVAL and len(landings) == 1 else None
        yield _Event(side_kind, place, day, count, boats if count else None, basis="side")


_DEPARTING = frozenset({EventType.LAUNCH, EventType.EMBARKATION})


def _fine(place: Place | None) -> TypeGuard[Place]:
    """Tell whether a place is known finer than a region or the sea (so it is a place)."""
    return place is not None and place.coarseness == Coarseness.FINE


def _landed_back(place: Place) -> bool:
    """Tell whether an arrival's place is on the French or Belgian side: people brought back.

    Arrivals on this route are in the United Kingdom; people landed at Calais
    or Boulogne were rescued or stopped, which the rescue or interception
    already reports.
    """
    return place.country in MAPPED_COUNTRIES - {"GB"}


def _with_actor_country(place: Place | None, implied: Place | None) -> Place | None:
    """Give a sea place (the Channel) the country of the authority that acted, if any."""
    if place is None or implied is None or place.country is not None:
        return place
    if place.coarseness != Coarseness.SEA:
        return place
    return replace(place, country=implied.country)


def _on_beach(place: Place, mentions: list[Mention]) -> bool:
    """Tell whether a place was written as a beach ("on a Calais beach", "the beach at X").

    "Au large de la plage de X" is at sea off the beach, not on it.
    """
    return any(
        m.written == place.written
        and m.kind != "offshore"
        and ("beach" in m.written.lower() or "plage" in m.written.lower())
        for m in mentions
    )


def _implied_place(kind: EventType, clause: str, outside: Place | None) -> Place | None:
    """Return the country a clause implies without naming a place, if any.

    An arrival on this route is in the United Kingdom; an interception or
    a rescue "off the French coast" or "in Belgian waters" is in that
    country, and one by French (Belgian, British …) police or coastguards
    in theirs. A death there is left to the scene the report goes on to
    tell. Far from the mapped coast, nothing is implied.
    """
    if outside is not None:
        return None
    if kind is EventType.ARRIVAL:
        return country_place(COUNTRY_TITLES["GB"], "GB")
    if kind in _ACTOR_EVENTS and (waters := _waters_where(clause)):
        nation = waters["nation"] or waters["adjective"]
        return country_place(waters.group(), _NATIONS[nation.lower()])
    if kind in _ACTOR_EVENTS and (actor := _ACTORS.search(clause)) is not None:
        if nation := actor["nation"] or actor["adjective"]:
            country = _NATIONS[nation.lower()]
        else:
            country = "GB" if actor["gb"] else "FR"
        return country_place(COUNTRY_TITLES.get(country, country), country)
    return None


_SIDE_GB = frozenset({EventType.ARRIVAL})
_SIDE_NOT_GB = frozenset({EventType.LAUNCH, EventType.EMBARKATION, EventType.INTERCEPTION})
_ON_LAND = frozenset({EventType.ARRIVAL, EventType.LAUNCH, EventType.EMBARKATION})


def _choose_places(
    kind: EventType,
    mentions: list[Mention],
    resolved: dict[str, GeocodeResult],
    outside: Place | None,
) -> list[tuple[Mention | None, Place]]:
    """Choose where a clause's event happened among the places it names, with their mentions.

    Route, organisation, departure (but for a launch) and landing names are
    skipped (a landing in England is an arrival's place), and so is a name that
    only says where one of them lies ("partie de Wissant, près de Calais"); the side of the
    Channel that fits the event comes first, then finer places, then places
    led into most precisely ("off X" before "at X" before "of X", "near X" and
    a bare name), then earlier ones. Places of the same precision joined to
    the chosen one by "and", "or" or a comma ("the beaches of A, B and C") are
    further places of the same event. Far from the mapped coast, only exact
    names on the map are kept, else the far-away place (without a mention).
    """
    ranked = []
    previous: tuple[Mention, Place] | None = None
    reach: dict[int, int] = {}  # where a place's qualifier ends, by the place's start
    for mention in mentions:
        if previous is not None and _qualifies(previous, mention):
            reach[previous[0].start] = mention.end
            continue
        named = _named_place(mention, resolved)
        if named is not None:
            previous = (mention, named)
        place = _mention_place(kind, mention, resolved, outside)
        if place is None:
            continue
        rank = _rank(kind, mention, place)
        if rank[0] and place.coarseness != Coarseness.FINE:
            continue  # "stopped trying to reach England": not where it happened
        ranked.append((rank, mention, place))
    if not ranked:
        return [(None, outside)] if outside is not None else []
    in_order = sorted(ranked, key=lambda item: item[1].start)
    best = min(ranked, key=lambda item: item[0])
    first = last = in_order.index(best)
    while first > 0 and _joined(in_order[first - 1], in_order[first], reach):
        first -= 1
    while last + 1 < len(in_order) and _joined(in_order[last], in_order[last + 1], reach):
        last += 1
    listed = in_order[first : last + 1]
    if len(listed) >= _SENT_MANY and all(mention.kind == "sent" for _, mention, _ in listed):
        return []  # "lifeboats were sent to A, B, C and D": each went from its own station
    return [(mention, place) for _, mention, place in listed]


_SENT_MANY = 3
"""How many places rescuers may be sent to at once before they name stations, not a scene."""


def _qualifies(named: tuple[Mention, Place], mention: Mention) -> bool:
    """Tell whether a mention only says where the fine place just before it lies.

    "Kingsdown, north east of Dover", "Greatstone beach, in Littlestone": the
    incident is at the first place.
    """
    first, place = named
    return place.coarseness == Coarseness.FINE and qualifier_of(first, mention)


_JOINED = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:,\s*|,?\s+(?:and|et|or|ou)\s+|\s+(?=puis\s|then\s))"
    r"(?P<then>(?:puis|then|ainsi qu['’]|as well as|l['’]autre|the other|also|aussi|later"
    r"|ensuite)\s*)?"
    r"(?P<lead>(?:à|au|aux|de|du|des|d['’]|en|at|in|off|on|depuis|from)\s*)?",
    re.IGNORECASE,
)
"""What stands between listed places: "A, B et C", "au large de A (62) et du B", "A, puis à B",
"one at A and the other at B", "at A, and also on B", "depuis A, et depuis B"."""

_Ranked = tuple[tuple[int, int, int, int], Mention, Place]


def _joined(first: _Ranked, second: _Ranked, reach: dict[int, int]) -> bool:
    """Tell whether two places are listed together ("Gravelines and Dunkirk", "A, B et C").

    Listed places are led into the same way and known as finely; "Sangatte,
    near Calais" or "Wissant, in the Pas-de-Calais" qualify, not list, but the
    list goes on after such a qualifier ("at A near B, and also at C": A and C),
    so the gap is read from where the first place's qualifier (in ``reach``) ends.
    """
    (_, _, _, _), one, one_place = first
    (_, _, _, _), other, other_place = second
    joined = _JOINED.fullmatch(one.text[reach.get(one.start, one.end) : other.start])
    if joined is None:
        return False
    led = joined["lead"] is not None and other.kind == "at"  # "au large de A, du B et en C"
    same_kind = one.kind == other.kind or other.kind == "bare" or joined["then"] is not None or led
    return same_kind and one_place.coarseness == other_place.coarseness == Coarseness.FINE


def _mention_place(
    kind: EventType, mention: Mention, resolved: dict[str, GeocodeResult], outside: Place | None
) -> Place | None:
    """Resolve one mention for an event type, or None when it cannot be the event's place."""
    if mention.kind in ("route", "organisation"):
        return None
    if mention.kind == "departure" and kind not in _DEPARTING and not _just_after_leaving(mention):
        return None
    if _taxi_launch(kind, mention):
        return None
    if (
        mention.kind in ("destination", "landing")
        and kind is not EventType.ARRIVAL
        and not _sent_back_to(kind, mention)
        and not _stopped_on_its_way(kind, mention)
    ):
        return None
    queries = mention.queries
    if kind is EventType.EMBARKATION and mention.shore_query is not None:
        queries = (mention.shore_query, *queries)
    result = _resolution(queries, resolved)
    if result is None or (outside is not None and (result.score < 100 or not mention.exact)):
        return None
    if result.place_id in sea_ids() and (kind in _ON_LAND or mention.kind == "bare"):
        return None
    place = place_of(mention.written, result, misspelt=not mention.exact)
    if mention.wide:
        return replace(place, precision=LocationPrecision.REGION)  # "the Calais region"
    if mention.offset_m is None or place.coarseness != Coarseness.FINE:
        return place  # "13 km north of the Pas-de-Calais": still only the department
    spread = (place.uncertainty_m or 0.0) + mention.offset_m
    return replace(place, precision=LocationPrecision.AREA, uncertainty_m=spread)


def _resolution(
    queries: tuple[str, ...], resolved: dict[str, GeocodeResult]
) -> GeocodeResult | None:
    """Return the first of a mention's queries the gazetteer found, if any."""
    return next((resolved[q] for q in queries if q in resolved and resolved[q].found), None)


def _named_place(mention: Mention, resolved: dict[str, GeocodeResult]) -> Place | None:
    """Return the place a mention names, whatever its role in the event (a departure, a route)."""
    result = _resolution(mention.queries, resolved)
    return None if result is None else place_of(mention.written, result)


_JUST_AFTER = re.compile(
    r"\b(?:shortly|just|soon|moments?|minutes?|peu|juste|quelques\s+minutes)\s+(?:after|après)"
    r"\s+[^,.;:]{0,40}$",
    re.IGNORECASE,
)


def _rescuers_launched(mention: Mention) -> bool:
    """Tell whether the place left is where a lifeboat was launched from, to help.

    "The lifeboat, crewed by volunteers, was launched from Walmer", "rescued by
    the lifeboat which was launched from Dover": no boat of the people's stands
    between the lifeboat and its launch, so the place is the rescuers' station.
    """
    found = _LIFEBOAT_LAUNCHED.search(mention.text, 0, mention.start)
    return found is not None and BOAT_WORDS.search(found["between"]) is None


_LIFEBOAT_LAUNCHED = re.compile(
    r"\b(?:lifeboats?|RNLI|SNSM|canots? de sauvetage)\b(?P<between>[^.;]*?)\blaunched\s+from\b"
    r"[^.;]{0,12}$",
    re.IGNORECASE,
)


def _taxi_launch(kind: EventType, mention: Mention) -> bool:
    """Tell whether a boarding's place is where its taxi boat left from: a launch, not the boarding.

    "Un taxi-boat parti de X", "a taxi boat that had left X": the taxi boat
    was put to sea at X before it took people on board, wherever they boarded.
    """
    if kind is not EventType.EMBARKATION or mention.kind != "departure":
        return False
    lead = mention.text[max(0, mention.start - 45) : mention.start]
    return _TAXI_BOAT_LEAVING.search(lead) is not None


_TAXI_BOAT_LEAVING = re.compile(rf"\b{_TAXI_BOAT}\s+[^,.;:]{{0,30}}$", re.IGNORECASE)


def _sent_back_to(kind: EventType, mention: Mention) -> bool:
    """Tell whether a stopped boat was sent back to the place, the port it is stopped off.

    "A dinghy carrying 13 men was returned to Calais": it was stopped off Calais
    (see :data:`BOAT_SENT_BACK_TO`); people taken to a port are only landed there.
    """
    if kind is not EventType.INTERCEPTION:
        return False
    lead = mention.text[max(0, mention.start - 150) : mention.start]
    return BOAT_SENT_BACK_TO.search(lead) is not None


_ON_ITS_WAY_TO = re.compile(
    r"\b(?:heading|headed|making\s+(?:its|their)\s+way)\s+(?:towards?|for|to)\s+(?:the\s+)?$"
    r"|\b(?:se\s+dirige(?:ait|ant)?|fai(?:sait|sant)\s+route)\s+(?:vers|en\s+direction\s+d[eu]s?)"
    r"\s+(?:les?\s+|la\s+|l['’])?$",
    re.IGNORECASE,
)
"""Words leading to where a boat was heading, at the time it was met ("a dinghy heading towards
X", "un bateau qui se dirigeait vers X")."""


def _stopped_on_its_way(kind: EventType, mention: Mention) -> bool:
    """Tell whether a stop happened on the approach to the place the boat was heading for.

    "Border Force was alerted to a boat heading towards X and stopped it": the
    boat was stopped off X, the only place the report gives it. Only where
    it was heading as it was met, not where it was trying to reach ("to
    reach X", "bound for X": a crossing's end, miles away).
    """
    if kind is not EventType.INTERCEPTION:
        return False
    lead = mention.text[max(0, mention.start - 60) : mention.start]
    return _ON_ITS_WAY_TO.search(lead) is not None


def _just_after_leaving(mention: Mention) -> bool:
    """Tell whether the place a boat had left is where the event happened, moments later.

    "A man died when the boat deflated shortly after it left the coast at X",
    "peu après avoir quitté X": it happened just off X. Later on ("after
    leaving X, the boat got into difficulty"), X is only where it set off.
    """
    return _JUST_AFTER.search(mention.text, max(0, mention.start - 60), mention.start) is not None


def _rank(kind: EventType, mention: Mention, place: Place) -> tuple[int, int, int, int]:
    """Order the candidate places of a clause: best first."""
    wrong_side = (kind in _SIDE_GB and place.country != "GB") or (
        kind in _SIDE_NOT_GB and place.country == "GB"
    )
    return (
        int(wrong_side),
        place.coarseness,
        _KIND_RANK.get(mention.kind, 2),
        mention.start,
    )


_KIND_RANK = {
    "landing": -1,
    **dict.fromkeys(("offshore", "distance", "direction", "beach", "port"), 0),
    "at": 1,
    "sent": 1,
    "of": 2,
    "near": 3,
    "bare": 4,
}
"""How precisely each way of leading into a name places an event: "au large de X" and
"the beach at X" before "à X", before "de X" (often whose, not where), "near X" and a bare name.
A landing ("brought ashore at X", only an arrival's place) comes first: where the boat was seen
or met at sea ("after being spotted off Y") is not where its people landed."""


# -- from sentences to candidate incidents -----------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A candidate incident of one document, before merging."""

    event_type: EventType
    place: Place
    date: dt.date | None
    people: Count | None
    boats: Count | None
    quote: str
    order: int
    weak: bool = False
    basis: str = "named"
    dated: bool = True  # the date is the event's own, not borrowed from the story around it
    another: bool = False  # "another group", "24 autres personnes": not one told before
    undated: bool = False  # only its month is told ("mi-juillet"): not the report's day
    background: bool = False  # "It came after 49 were stopped": an earlier incident, told aside


@dataclass(frozen=True)
class _Scene:
    """What the previous sentence said, for a sentence that omits it.

    ``place`` and ``date`` are where and when it says its incident happened
    (what it lends); ``day`` is the day its incident happened, said or
    borrowed (an incident of another day is another scene); ``lede`` holds
    its events that had no place (their counts and dates may belong to the
    next sentence's incident); ``departure`` tells that its place is where a
    boat left from.
    """

    place: Place | None = None
    date: dt.date | None = None
    day: dt.date | None = None
    lede: tuple[_Event, ...] = ()
    earlier: _Story | None = None
    also: tuple[Place, ...] = ()
    departure: bool = False


@dataclass(frozen=True)
class _Story:
    """The last fine place the report set a scene at, its day and the sentence that named it.

    "The beach", "la plage", "sur place" in a later sentence of the same
    story are that place, though sentences without a place came between.
    """

    place: Place
    day: dt.date | None
    order: int


def _document_found(text: str, published: dt.date | None) -> list[_Found]:
    """Read a cleaned document sentence by sentence into candidate incidents."""
    memo: dict[tuple[str, dt.date | None], _Facts] = {}
    scene = _Scene()
    found: list[_Found] = []
    story: dt.date | None = None  # the last day the report named: its story's day
    told = _NO_FACTS  # what the sentence before reported
    teller = ""  # the sentence whose count a sentence speaking of its party takes
    quiet = 0  # sentences since the last that reported anything
    calm = 0  # sentences since the last that reported an event
    earlier: _Story | None = None  # the story's last scene, for "the beach", "sur place"
    so_far: list[_Told] = []  # the sentences since the last counted, placed incident
    before = ""  # the sentence before this one
    opening: tuple[Count, int] | None = None  # people aboard told before any incident, where
    boat: _Boat | None = None  # the boat whose story the report is telling
    unplaced: list[_Found] = []  # events told without a place, for the document to weigh
    for order, sentence in enumerate(sentences(text)):
        facts = _NO_FACTS
        screened = may_report(sentence)
        if screened:
            key = (sentence_key(sentence), story)
            if key not in memo:
                memo[key] = _read_sentence(sentence, published, story)
            facts = memo[key]
        if (
            not facts.events
            and found
            and _may_count_the_last(found[-1], sentence, order, quiet, calm)
        ):
            found[-1] = _with_group_count(found[-1], sentence)
        opening = _opening_count(opening, found, facts, sentence, order)
        found = _with_whole_party(found, f"{before} {sentence}", sentence, order)
        found = _with_total_told(found, sentence, order)
        found = _with_those_who_got_on(found, sentence, order)
        before = sentence
        found = _rescued_once_seen(found, facts, sentence, order)
        if _archive_photo(sentence, facts, published):
            facts = _NO_FACTS
        facts = _with_party_count(facts, sentence, told)
        if teller:
            facts = _with_count_told(facts, sentence, teller)
        facts = _with_reported_landing(facts, sentence, so_far, order)
        so_far = _story_told(so_far, _Told(order, sentence, facts, screened))
        teller = _count_teller(teller, sentence, facts, told)
        told = facts
        calm = 0 if facts.events else calm + 1
        boat = _story_goes_on(boat, facts, sentence, order)
        if facts is _NO_FACTS:
            story = _day_named(sentence, published, story) if screened else story
            quiet += 1
            waiting = _uncounted_if_another(scene.lede, sentence) if quiet <= _LEDE_PAUSE else ()
            scene = _Scene(lede=waiting)
            continue
        if quiet == 1 and facts.events:
            found = _counted_after_a_pause(found, facts, order - 2)
        quiet = 0
        if not facts.events:
            found = _replaced_by_scene(found, facts, order)
            found.extend(_lede_found(facts, scene, sentence, order))
            waiting = _uncounted_if_another(scene.lede, sentence) if facts.scene is None else ()
            scene = _Scene(
                facts.scene or scene.place,
                facts.date,
                facts.date or scene.day,
                waiting,
                also=facts.also if facts.scene is not None else scene.also,
            )
        else:
            lent = replace(scene, date=scene.date or story, earlier=earlier)
            told_here = list(_sentence_found(facts, lent, sentence, order))
            placed = [f for f in told_here if f.basis != _UNPLACED]
            if not placed:  # beside a placed event, one without a place is of its story
                unplaced.extend(_of_the_report(f, published) for f in told_here)
            placed = _counted_by_the_opening(placed, opening, order)
            placed = [f for f in placed if not _part_summed_again(found, f, sentence)]
            opening = None
            if not placed:
                found = _counted_by_the_next(found, facts, order - 1)
                found = _with_part_taken(found, facts, order)
                found = _rescue_of_the_boat(found, boat, facts, sentence)
            found.extend(placed + _lede_placed(scene.lede, placed, order))
            boat = _boat_introduced(placed) if placed else boat
            scene = _next_scene(facts, scene, sentence)
            scene = replace(scene, lede=_without_counts_retold(scene.lede, found))
        story = facts.date or story
        if _fine(scene.place):
            earlier = _Story(scene.place, scene.day, order)
    return found + unplaced


@dataclass(frozen=True)
class _Boat:
    """The boat a report last introduced at a place, whose story later sentences may go on with.

    ``order`` is the sentence that introduced it (its incident's), ``last``
    the last that still spoke of it, ``day`` the day it was told on.
    """

    kind: EventType
    place: Place
    day: dt.date | None
    order: int
    last: int


_STORY_REACH = 3
"""How many sentences after the last that spoke of a boat its story may still go on."""
_STORY_KINDS = frozenset({EventType.LAUNCH, EventType.SIGHTING, EventType.RESCUE})
"""Incidents that introduce a boat whose rescue the next sentences may tell."""
_RETOLD = frozenset({"scene", "listed"})
"""Bases of an incident that borrowed the place told before or shares it: no boat introduced."""
_THE_BOAT = re.compile(
    rf"\b(?:(?:l['’]|le\s+|la\s+|the\s+)(?:{BOAT_WORDS.pattern})|sur\s+(?:zone|place)\b"
    r"|(?:at|on)\s+the\s+scene\b)",
    re.IGNORECASE,
)
"""The boat told of named again ("l'embarcation", "the dinghy") or its place ("sur zone")."""


def _boat_introduced(placed: list[_Found]) -> _Boat | None:
    """Return the boat a sentence's incidents introduce, if the last is a boat's at a fine place.

    A launch, a sighting or a rescue at a place of its own starts a boat's
    story; a death or a landing, an incident placed only roughly or one that
    borrowed the place told before (often the same boat told again) ends it.
    """
    last = placed[-1]
    if last.event_type not in _STORY_KINDS or not _fine(last.place) or last.basis in _RETOLD:
        return None
    return _Boat(last.event_type, last.place, last.date, last.order, last.order)


def _story_goes_on(boat: _Boat | None, facts: _Facts, sentence: str, order: int) -> _Boat | None:
    """Return the boat whose story a sentence still tells, None once the story has ended.

    It ends a few sentences (``_STORY_REACH``) after the last that spoke of
    the boat, at a sentence that turns to another boat or group ("une
    seconde embarcation", "another dinghy") and at one told on another day.
    A sentence that names the boat again ("l'embarcation", "the dinghy",
    "sur zone") carries it on, even of "the 41 others still aboard the boat".
    """
    if boat is None or order == boat.order:
        return boat
    if order - boat.last > _STORY_REACH:
        return None
    if facts.date is not None and boat.day is not None and facts.date != boat.day:
        return None
    spoken = _THE_BOAT.search(sentence) is not None
    if _ANOTHER.search(sentence) is not None and not spoken:
        return None
    return replace(boat, last=order) if spoken else boat


def _rescue_of_the_boat(
    found: list[_Found], boat: _Boat | None, facts: _Facts, sentence: str
) -> list[_Found]:
    """Give the boat whose story goes on the rescue a later sentence tells without a place.

    "Un canot est signalé en difficulté au large de A. Le CROSS engage la
    vedette. Le remorqueur récupère 28 naufragés": the 28 were that boat's
    people, rescued off A that day. A rescue already told of it takes the
    count; a sighting was the start of the rescue, now told at its place; a
    launch's count goes to the rescue told where it left (``_with_rescue_count``).
    Not a tally, nor "the 33 others" (one part of the party), nor a count
    the report already gave otherwise (``_counted_otherwise``).
    """
    if boat is None or is_statistic_or_policy(sentence):
        return found
    for event in facts.events:
        if event.event_type is not EventType.RESCUE or event.place is not None:
            continue
        if event.people is None or not _party_size(event.people) or _OTHERS.search(event.clause):
            continue
        told = [
            i
            for i, f in enumerate(found)
            if f.order == boat.order and f.place == boat.place and f.event_type is boat.kind
        ]
        if not told:
            return found
        last = found[told[-1]]
        if _counted_otherwise(found, last, event.people):
            return found
        if last.event_type is EventType.LAUNCH:
            return _with_rescue_count(found, last, event.people)
        if last.people is None:
            found[told[-1]] = replace(last, event_type=EventType.RESCUE, people=event.people)
        return found
    return found


def _counted_otherwise(found: list[_Found], boat: _Found, people: Count) -> bool:
    """Tell whether the report already gave an incident there that day another count.

    "45 migrants secourus au large de A. … Un canot est signalé au large
    de A. … Le remorqueur récupère 12 personnes": the 12 were some of the
    45, or another boat's; the boat keeps the count told first. The dead
    are not all aboard: their count is no other.
    """
    return any(
        f.event_type is not EventType.DEATH
        and f.date == boat.date
        and _places_agree(f.place, boat.place)
        and _counts_conflict(f.people, people)
        for f in found
    )


def _with_rescue_count(found: list[_Found], launch: _Found, people: Count) -> list[_Found]:
    """Give the uncounted rescue a report told that day where a boat left from the boat's count.

    "126 migrants secourus au large de A et de B. … Un départ est signalé
    à B. … Les 44 personnes sont prises en charge": the rescue off B was of
    the 44. Only a rescue told already (a launch alone tells no rescue's place).
    """
    return [
        replace(f, people=people)
        if f.event_type is EventType.RESCUE
        and f.people is None
        and f.date == launch.date
        and _fine(f.place)
        and _places_agree(f.place, launch.place)
        else f
        for f in found
    ]


def _opening_count(
    opening: tuple[Count, int] | None,
    found: list[_Found],
    facts: _Facts,
    sentence: str,
    order: int,
) -> tuple[Count, int] | None:
    """Keep the count of people aboard a report gives before it tells any incident, and where.

    "Il y avait 28 personnes à bord. … Mardi, l'embarcation a été
    interceptée au large de A": the report opens on the boat's people, then
    tells what befell it. Only before the first incident, from a sentence
    reporting no event and naming no boat: one that does ("a dinghy
    overturned with 60 on board", "such boats often carry 50 people") tells
    a boat of its own or boats in general.
    """
    if found or facts.events or BOAT_WORDS.search(sentence) is not None:
        return opening
    count = _group_count(sentence)
    return opening if count is None else (count, order)


def _counted_by_the_opening(
    placed: list[_Found], opening: tuple[Count, int] | None, order: int
) -> list[_Found]:
    """Give the first incident told, when it is one boat's and uncounted, the opening's count.

    Only a few sentences on (``_PARTS_REACH``): further, the count may be a
    boat only talked of. Not a death (the dead are not all aboard), nor one
    of several incidents the sentence tells (the count may be any one's).
    """
    if opening is None or order - opening[1] > _PARTS_REACH:
        return placed
    if len(placed) != 1 or placed[0].people is not None:
        return placed
    if placed[0].event_type is EventType.DEATH:
        return placed
    return [replace(placed[0], people=opening[0])]


_PHOTO_CREDIT = re.compile(
    r"©|\(\s*(?:AFP|Getty|PA|Reuters|AP)\s*(?:/[^()]*)?\)|\bPicture\s*:|\bPhotograph\s*:"
    r"|\bPhoto\s*:|/\s*AFP\b|\bArchives\b",
    re.IGNORECASE,
)
_ARCHIVE_DAYS = 3
_AGENCY_DATELINE = re.compile(r"\W*[A-ZÀ-Þ][\w' -]{1,30}\((?:AFP|Reuters|AP|PA)\)")
"""A report's opening "CALAIS (AFP) -": the agency filed the report, it took no photo."""


def _archive_photo(sentence: str, facts: _Facts, published: dt.date | None) -> bool:
    """Tell whether a sentence is the caption of a photo taken days before the report.

    "Des gilets de sauvetage sur la plage de Sangatte, le 4 décembre 2024 -
    © AFP" in a report of March 2025 shows an earlier scene: it illustrates,
    it reports nothing.
    """
    if facts.date is None or published is None:
        return False
    opening = _AGENCY_DATELINE.match(sentence)
    if _PHOTO_CREDIT.search(sentence, opening.end() if opening is not None else 0) is None:
        return False
    return (published - facts.date).days > _ARCHIVE_DAYS


_PARTS_REACH = 2
"""How many sentences after an incident the rest of its party may still be told."""


def _with_whole_party(found: list[_Found], told: str, sentence: str, order: int) -> list[_Found]:
    """Give the last incident the whole party when its count was one part of it.

    "Un canot est signalé en difficulté au large de Wissant. Trois des 45
    passagers sont hélitreuillés. Les 42 autres sont pris en charge par la
    SNSM": the rescue took the three; the 42 others complete the 45, so the
    rescue was of 45. ``told`` holds the sentences where the part may stand
    (the one before and this one). A death counts only those who died: it
    takes no whole.
    """
    if not found or order - found[-1].order > _PARTS_REACH:
        return found
    last = found[-1]
    if last.people is None or last.event_type is EventType.DEATH:
        return found
    whole = whole_told_in_parts(told, sentence)
    if whole is None or whole.value - last.people.value < 1:
        return found
    return [*found[:-1], replace(last, people=whole)]


_TOTAL_REACH = 5
"""How many sentences after an incident a total of those it took in may still sum it up."""


def _with_total_told(found: list[_Found], sentence: str, order: int) -> list[_Found]:
    """Give the last incident the total a later sentence sums it up with.

    "Le remorqueur récupère une vingtaine de naufragés … les neuf derniers
    acceptent d'être secourus. Les 31 personnes ainsi secourues sont
    déposées à Boulogne": the rescue was of 31. Only for an event of the
    same kind as the total's, when no incident of that kind at another place
    was told in that stretch (a rescue off Wissant and one off Gravelines
    told before "les 35 personnes ainsi secourues" are summed by it, neither
    is 35), and only where the total is more than the count it had. Each
    telling of that incident in the stretch (its report, its pick-up) takes it.
    """
    if not found or order - found[-1].order > _TOTAL_REACH:
        return found
    last = found[-1]
    total = total_of_those_told(sentence)
    if total is None:
        return found
    cue = event_cue(sentence)
    if cue is None or cue.event_type is not last.event_type:
        return found
    told = [f for f in found if f.event_type is last.event_type and order - f.order <= _TOTAL_REACH]
    if any(f.place.written != last.place.written for f in told):
        return found
    if any(f.people is not None and f.people.value >= total.value for f in told):
        return found
    return [replace(f, people=total) if f in told else f for f in found]


_IN_TOTAL = re.compile(r"\b(?:au\s+total|en\s+tout|in\s+total|in\s+all)\b", re.IGNORECASE)
"""Words that sum up a count ("au total, 15 exilés", "in all, 12 migrants")."""


def _part_summed_again(found: list[_Found], item: _Found, sentence: str) -> bool:
    """Tell whether an incident a sentence sums up at the last one's scene is some of its people.

    "Une trentaine de personnes ont été secourues à A. … Au total, 15
    exilés mouillés récupérés sur la plage": the fifteen are those of the
    rescue at A brought to the beach, not another boat. Only a count that
    borrowed the last incident's place, of its kind, within ``_TOTAL_REACH``
    and less than its count; a greater one sums it up (``_with_total_told``).
    """
    if not found or item.basis != "scene" or item.another or item.people is None:
        return False
    last = found[-1]
    return (
        last.event_type is item.event_type
        and last.place == item.place
        and item.order - last.order <= _TOTAL_REACH
        and last.people is not None
        and last.people.value > item.people.value
        and _IN_TOTAL.search(sentence) is not None
    )


def _with_part_taken(found: list[_Found], facts: _Facts, order: int) -> list[_Found]:
    """Give the last incident the part of its party a later unplaced event says it took.

    "Un canot avec 40 personnes à bord est signalé au large de A. … Vers
    midi, 35 des 40 passagers sont secourus": the rescue was of the 35, the
    others stayed aboard. Only an event of the same kind,
    placed nowhere (one that borrows the scene is told on its own, and may yet
    be summed up with "the 42 others"), that names the whole the last incident
    was counted with; each telling of that party that day (the headline's, the
    alert's) takes the part. A part that died is another event.
    """
    if not found or order - found[-1].order > _TOTAL_REACH:
        return found
    last = found[-1]
    for event in facts.events:
        told = whole_and_part(event.clause) if event.place is None else None
        if told is None or event.event_type is not last.event_type or last.people is None:
            continue
        whole, part = told
        if whole != last.people.value or part.value >= whole:
            continue
        return [
            replace(f, people=part)
            if f.event_type is last.event_type
            and f.date == last.date
            and f.people is not None
            and f.people.value == whole
            else f
            for f in found
        ]
    return found


_BOARDED = (EventType.LAUNCH, EventType.EMBARKATION)


def _with_those_who_got_on(found: list[_Found], sentence: str, order: int) -> list[_Found]:
    """Give a launch the count of those of its group a next sentence says got on the boat.

    "Près de 80 personnes se ruent sur la plage et mettent un canot à l'eau.
    Une cinquantaine d'entre elles parviennent à y monter": the boat left
    with the fifty; the others stayed ashore. Only for a launch or an
    embarkation told just before with a larger count, and not of another
    boat ("30 of them boarded a second dinghy").
    """
    if not found or order - found[-1].order > _PARTS_REACH:
        return found
    last = found[-1]
    if last.event_type not in _BOARDED or last.people is None:
        return found
    got_on = those_who_got_on(sentence)
    if got_on is None or not _party_size(got_on) or got_on.value >= last.people.value:
        return found
    if _ANOTHER.search(sentence) is not None:
        return found
    return [*found[:-1], replace(last, people=got_on)]


def _counted_after_a_pause(found: list[_Found], facts: _Facts, told: int) -> list[_Found]:
    """Give the uncounted incidents of sentence ``told`` the count of an unplaced one after it.

    "A kayak in distress was reported off Calais. The CROSS sent a tug. At
    10h the tug picked up its three passengers": the pick-up is the rescue
    off Calais, and the three its people. Only an incident of the same kind,
    the only one of its kind that sentence told, without a count; one person
    ("a man fainted") is one of the party, not its count; nor does an
    incident placed only by borrowing the place of the sentence before it.
    """
    return _counted_later(found, facts.events, told, borrowed=False)


_THE_COUNTED = re.compile(
    rf"\b(?:les|the|ses|its|their|leurs|all|tous\s+les)\s+(?:\d+|[\w-]+)\s+(?:{_TOLD_PARTY}"
    r"|men|hommes)\b",
    re.IGNORECASE,
)
"""A count of people already told of: "les 19 migrants", "the 12 men", "all 40 passengers"."""


def _counted_by_the_next(found: list[_Found], facts: _Facts, told: int) -> list[_Found]:
    """Give the uncounted incident of sentence ``told`` the count the next one gives its people.

    "Un canot en panne est secouru sur zone. A 10h, les 19 migrants sont
    pris en charge à bord": the 19 were those rescued, even where the
    rescue borrowed its place. Only a count with the definite article ("les
    19", "the 12 men") or of a party named by a pronoun ("to rescue them",
    "pour les récupérer": see :func:`_count_teller`), of an event that found
    no place of its own (the caller checks), to the only incident of its kind told.
    """
    events = tuple(
        e
        for e in facts.events
        if e.place is None
        and e.people is not None
        and (
            _THE_COUNTED.search(e.clause)
            or folded_search(_THEM_FOLDED, _THEM, e.clause)
            or _taken_on_board(e.clause)
        )
    )
    return _counted_later(found, events, told, borrowed=True)


def _taken_on_board(clause: str) -> bool:
    """Tell whether a clause counts people taken on board, not those of another boat.

    "Le navire se rend sur zone pour secourir les naufragés. L'équipage
    récupère à son bord 67 personnes": the crew took in the party just told
    of, as "the 67" would say.
    """
    return _ON_BOARD.search(clause) is not None and _ANOTHER.search(clause) is None


def _counted_later(
    found: list[_Found], events: tuple[_Event, ...], told: int, *, borrowed: bool
) -> list[_Found]:
    """Give the only uncounted incident of each kind sentence ``told`` told a later unplaced count.

    ``borrowed`` lets an incident placed by borrowing the sentence before's place take it. A
    count told for another day ("landing at Dover on Tuesday … 114 people crossed on Monday") is
    that day's, not the incident's.
    """
    for event in events:
        if event.place is not None or event.people is None or event.people.value < 2:
            continue  # "one man fainted": one of the party, not its count
        same = [
            i
            for i, f in enumerate(found)
            if f.order == told
            and f.event_type == event.event_type
            and (event.date is None or f.date is None or event.date == f.date)
        ]
        if len(same) != 1 or found[same[0]].people is not None:
            continue
        if borrowed or found[same[0]].basis != "scene":
            found[same[0]] = replace(found[same[0]], people=event.people)
    return found


_GROUP_WORD = (
    r"(?:(?!(?:first|second|third|last|other|next|premier|deuxième|second|troisième|autre"
    r"|dernier)\b)[\w-]+\s+)?"
)
"""A word the group told of may take ("the migrant group", "le petit groupe"), not one that sets
it apart from another ("the second group")."""
_GROUP_LEAD = re.compile(
    rf"\W*(?:(?:the|this|that|le|ce)\s+{_GROUP_WORD}(?:group|groupe)\s+(?:of\s+|de\s+|d['’])"
    rf"|(?:the|this|that|le|ce)\s+{_GROUP_WORD}(?:group|groupe)(?:\s+de\s+[\w-]+)?\s*,\s*"
    r"(?:(?:believed|thought|said|understood|estimated)\s+to\s+(?:be\s+(?:of\s+)?|number\s+)"
    r"|(?:estimé|évalué)\s+à\s+|composé\s+d(?:e\s+|['’]))"
    r"|(?:ils|elles)\s+(?:étaient|sont)\s+|there\s+were\s+"
    r"|(?:it|il|elle|the\s+(?:boat|dinghy|vessel)|l['’]embarcation|le\s+(?:bateau|canot))\s+"
    r"(?:was\s+carrying|carried|contained|transportait|comptait|contient|contenait|(?:had|held"
    r"|avait)(?=\s+(?:\d|(?:some|around|about|at\s+least|more\s+than|over|environ|près\s+de"
    r"|plus\s+de|au\s+moins)\s)))\s+"
    r"|(?:they|ils|elles)\s+(?:were\s+carrying|carried|transportaient|comptaient)\s+)",
    re.IGNORECASE,
)
_GROUP_WINDOW = 40
_ON_BOARD = re.compile(
    r"\b(?:there\s+were|il\s+y\s+avait|il\s+s['’]agissait\s+d['’]|avec\s+à\s+son\s+bord)\s"
    r"|(?:^|\s)(?:on\s*board|aboard|[àa]\s+(?:son\s+|leur\s+)?bord)\b",
    re.IGNORECASE,
)
"""Where a sentence without an event of its own says how many were in the boat just told of."""
_NOT_A_BOAT = re.compile(
    r"\b(?:flights?|planes?|aircraft|coach(?:es)?|bus(?:es)?|trains?|lorr(?:y|ies)|trucks?"
    r"|vans?|avions?|vols?|autocars?|cars?|camions?|fourgons?)\b",
    re.IGNORECASE,
)


def _aboard_another_craft(sentence: str) -> bool:
    """Tell whether the people a sentence puts "on board" are in a plane, coach or lorry.

    "The deportation flight had seven people on board": not the boat just told of. A sentence
    that names a boat too ("the dinghy, seen by a plane, had 40 aboard") speaks of the boat.
    """
    return _NOT_A_BOAT.search(sentence) is not None and BOAT_WORDS.search(sentence) is None


_ITS_PEOPLE = re.compile(
    rf"\b(?:ses|its|their|leurs)\s+(?:\d+|[\w-]+)\s+(?:{_TOLD_PARTY})\b", re.IGNORECASE
)
"""The people of the boat just told of, counted by the possessive: "ses 11 passagers", "its 14
occupants"."""
_BOAT_IDENTIFIED = re.compile(
    r"\b(?:il\s+s['’]agi(?:ssai)?t\s+d['’]|it\s+was\s+an?\s+)(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{BOAT_WORDS.pattern})",
    re.IGNORECASE,
)
"""A sentence that says what the boat just told of was: "il s'agissait d'un kayak", "it was
a small dinghy"."""
_BROUGHT_IN = re.compile(
    r"\b(?:(?:ont|sont|a|ont été|sont été)\s+(?:été\s+)?(?:débarqu|ramen|déposé|reconduit)\w*"
    r"|(?:were|was|have been|had been)\s+(?:brought|taken|transported|landed|dropped)\b"
    r"|(?:landed|disembarked)\s+(?:at|in)\b)",
    re.IGNORECASE,
)
"""Where a sentence without an event of its own says the people of the boat just told of
were brought to a port ("36 personnes ont débarqué à Calais", "12 were taken to Dover")."""
_OTHERS = re.compile(r"\b(?:other|others|autres)\b", re.IGNORECASE)


def _landed_count(sentence: str) -> bool:
    """Tell whether a sentence counts people brought in somewhere, not "others" nor a total."""
    if _BROUGHT_IN.search(sentence) is None:
        return False
    return _OTHERS.search(sentence) is None and not is_statistic_or_policy(sentence)


_SEEN_REACH = 4
"""How many sentences after a boat was reported a rescue without a place may still be of it."""


def _rescued_once_seen(
    found: list[_Found], facts: _Facts, sentence: str, order: int
) -> list[_Found]:
    """Make a boat reported at sea a rescue when the next sentences take its people in.

    "A boat is reported off A with 16 aboard … the patrol boat takes them on
    board" or "… they are brought back to the port of B": the report was the
    start of a rescue, not a mere sighting. A rescue the later sentence places
    itself is another boat's; "others" landed or a tally are not its people.
    """
    if not found or found[-1].event_type not in _SEEN or order - found[-1].order > _SEEN_REACH:
        return found
    if any(e.place is not None for e in facts.events):
        return found
    cue = event_cue(sentence)
    if (cue is not None and cue.event_type is EventType.RESCUE) or _landed_count(sentence):
        return [*found[:-1], replace(found[-1], event_type=EventType.RESCUE)]
    return found


def _may_count_the_last(previous: _Found, sentence: str, order: int, quiet: int, calm: int) -> bool:
    """Tell whether sentence ``order``, which reports no event, may count the incident told last.

    The sentence right after it may, and the one after a sentence that
    reported nothing (``quiet`` counts those just before). Further on, while
    no sentence since reported an event (``calm`` counts those), only one
    that puts its people in "the boat" may ("Around 40
    people left on the dinghy", "une trentaine de personnes se trouvaient
    dans l'embarcation") or that opens on them counted ("Les 37 naufragés
    sont bloqués sur un banc de sable", "The 12 men were cold"): the definite
    article names the boat or the party told of, not another, and only a
    few sentences on (``_STORY_SPAN``).
    """
    gap = order - previous.order
    if gap <= 1 + min(quiet, 1):
        return True
    if gap - 1 > calm or gap > _STORY_SPAN:
        return False
    return _in_the_boat(sentence) is not None or _opens_on_the_counted(sentence) is not None


_IN_THE_BOAT = re.compile(
    r"\b(?:(?:on|in|aboard)\s+the|(?:dans|sur|à\s+bord\s+de)\s+(?:l['’]|le\s|la\s)"
    r"|à\s+bord\s+du)\s*(?:[\w-]+\s+){0,2}?"
    rf"(?:{BOAT_WORDS.pattern})",
    re.IGNORECASE,
)
"""People placed in the boat told of, named by the definite article: "on the dinghy", "dans
l'embarcation", "à bord du canot"."""
_ONE_OF_THE_BOATS = re.compile(
    r"\b(?:first|second|third|last|other|premier|première|deuxième|seconde?|troisième"
    r"|dernière?|autre)\b",
    re.IGNORECASE,
)
"""A boat told apart from others ("the second boat", "l'autre canot"): maybe not the one told of."""


def _names_a_place(sentence: str) -> bool:
    """Tell whether a sentence names a place other than where its people were going.

    "À son bord, 12 migrants qui voulaient rejoindre l'Angleterre": England
    is where the boat told of was bound, not where another boat was; the
    sentence still counts the boat told of. A place it was at, left from or
    was seen off is another scene.
    """
    return any(m.kind != "destination" for m in find_mentions(sentence))


def _in_the_boat(sentence: str) -> re.Match[str] | None:
    """Return where a sentence naming no place puts people in the boat told of, if it does.

    Not another boat ("the second boat", "l'autre canot", "another dinghy"): its
    people are not the count; nor people who did not get in ("huit personnes
    n'ont pas réussi à monter dans le bateau"): they were left behind.
    """
    inside = _IN_THE_BOAT.search(sentence)
    if inside is None or _ONE_OF_THE_BOATS.search(inside.group()) is not None:
        return None
    if _ANOTHER.search(sentence) is not None or _names_a_place(sentence):
        return None
    return None if NOT_REALISED.search(sentence, 0, inside.start()) else inside


def _with_group_count(previous: _Found, sentence: str) -> _Found:
    """Give an incident without a count the one the next sentence gives its group.

    "Police found migrants at Wissant. The group of 12 men was taken in":
    the 12 are the people of the incident just told; so are those it says the
    boat held ("It had 27 people", "Le canot transportait 27 personnes"; "had"
    only before a number: "it had sunk" tells no load), those the next
    sentence puts on board ("Footage showed nine people aboard the dinghy",
    "il s'agissait d'un canot avec six personnes à bord") when it names no
    place (a boat elsewhere is another; one that says what the boat was, "il
    s'agissait d'un kayak", may name where it was going) and no "other"
    people, and those it counts by the possessive ("ses 11 passagers"). The caller
    also asks one sentence further when the one between reported nothing
    ("… secouru au large de Gravelines. La mer était forte. Vers midi, ces
    14 personnes sont ramenées à Dunkerque").
    """
    if previous.people is not None:
        return previous
    count = _group_count(sentence)
    return previous if count is None else replace(previous, people=count)


def _group_count(sentence: str) -> Count | None:
    """Return the count a sentence without an event gives the people of the boat told of.

    See :func:`_with_group_count`: the group it names, those it puts on board,
    landed or in "the boat", or counts by the possessive; None for one person.
    """
    lead = _GROUP_LEAD.match(sentence)
    if lead is not None:
        count = people_count(sentence[: lead.end() + _GROUP_WINDOW])
    elif (
        (aboard := _ON_BOARD.search(sentence)) is not None
        and not _aboard_another_craft(sentence)
        and _ANOTHER.search(sentence) is None
        and (not _names_a_place(sentence) or _identifies_the_boat(sentence))
    ):
        count = _aboard_count(sentence, aboard)
    elif _landed_count(sentence):
        count = people_count(sentence)
    elif (inside := _in_the_boat(sentence)) is not None:
        count = _aboard_count(sentence, inside)
    elif (its := _ITS_PEOPLE.search(sentence)) is not None and not _names_a_place(sentence):
        count = people_count(its.group())
    elif (counted := _opens_on_the_counted(sentence)) is not None:
        count = people_count(counted.group())
    else:
        return None
    if count is None or not _party_size(count):
        return None  # "one was taken to hospital": one of the party, not its count
    return count


_COUNTED_OPENING = re.compile(
    rf"\W*(?:(?:vers|à|at|around)\s+[\w:.]+\s*,\s*)?(?:{_THE_COUNTED.pattern})", re.IGNORECASE
)
"""A sentence opening on the party told of, counted with the definite article: "Les 37
naufragés…", "The 12 men…", "À 10h, les 19 migrants…"."""


def _opens_on_the_counted(sentence: str) -> re.Match[str] | None:
    """Return where a sentence opens on the counted party told of, if it does.

    "Les 37 naufragés sont bloqués sur un banc de sable": the definite
    article names the people of the boat just told of, not a boat of its
    own; "les 33 autres personnes" (some of them) does not match, nor a
    sentence on another boat or naming a place of its own.
    """
    counted = _COUNTED_OPENING.match(sentence)
    if counted is None or _ANOTHER.search(sentence) is not None or _names_a_place(sentence):
        return None
    return counted


def _identifies_the_boat(sentence: str) -> bool:
    """Tell whether a sentence says what the boat just told of was, not another boat.

    "Il s'agissait d'un kayak avec deux personnes à bord qui tentaient de
    traverser le détroit du Pas-de-Calais": the places it names are where
    that boat went or came from; it is still the boat told of. "Il
    s'agissait d'une deuxième embarcation" is another.
    """
    return _BOAT_IDENTIFIED.search(sentence) is not None and _ANOTHER.search(sentence) is None


def _party_size(count: Count) -> bool:
    """Tell whether a count can be a boat's whole party: two or more, no more than MAX_PEOPLE.

    One person is one of the party ("one was taken to hospital"); more than
    MAX_PEOPLE is a total, not a boat.
    """
    return 2 <= count.value <= MAX_PEOPLE


def _aboard_count(sentence: str, aboard: re.Match[str]) -> Count | None:
    """Return the count a sentence puts on board: the one just before "à bord", else just after.

    "67 personnes (dont 5 femmes) sont à bord ; l'une d'elles est tombée
    à l'eau": the 67; "À son bord, 16 hommes et deux femmes": the 18. None
    when the sentence speaks of "other" people.
    """
    before = sentence[max(0, aboard.start() - 2 * _GROUP_WINDOW) : aboard.end()]
    start = max(0, aboard.start() - _GROUP_WINDOW)
    around = sentence[start : aboard.end() + 2 * _GROUP_WINDOW]
    if _OTHERS.search(before) is not None or _OTHERS.search(around) is not None:
        return None
    return people_count(before, len(before)) or people_count(around, aboard.start() - start)


_PARTY = re.compile(
    r"\W*(?:(?:the|these|those|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?:group|migrants|people|men"
    r"|passengers|occupants|survivors|asylum seekers|boat|dinghy|vessel|craft)\b|they\b"
    r"|(?:le|les|ce|ces|cette|l['’])\s*(?:[\w'’-]+\s+){0,1}?(?:groupe|migrants|exilés|personnes"
    r"|passagers|occupants|naufragés|rescapés|embarcation|bateau|canot)\b|(?:ils|elles)\b"
    r"|(?:all|everyone)(?:\s+of\s+them)?\s+(?:were|was|had|have|are)\b"
    r"|(?:tous|toutes)\s+(?:ont|sont|avaient|étaient)\b)",
    re.IGNORECASE,
)
"""A sentence that opens on the party just told of: "The group…", "They…", "Les exilés…",
"All were…", "Tous ont…"."""


_ALL_OF_THESE = re.compile(
    r"\W*(?:l['’]ensemble|la\s+totalité|chacune?|la\s+plupart|all|each|most|many|some)\s+"
    r"(?:de|des|d['’]|of)\s*(?:ces|ceux|celles|these|those|them)\b",
    re.IGNORECASE,
)
"""A sentence that opens on everyone or some of the party told of: "L'ensemble de ces
personnes…", "Most of those rescued…", "All of them…"."""
_THEM = re.compile(
    r"\b(?:rescue[ds]?|rescuing|save[ds]?|br(?:ing|ought)|t(?:ake|aken|ook)|pick(?:ed)?\s+up"
    r"|picked|escort(?:ed)?|tow(?:ed)?|intercept(?:ed)?|help(?:ed)?|land(?:ed)?|recover(?:ed)?"
    rf"|spot(?:ted)?|found)\s+(?:them|the\s+(?:group|{_TOLD_PARTY}))\b"
    r"(?!\s+(?:of|smugglers?|traffickers?)\b)"
    r"|\b(?:les|l['’])\s*(?:(?:ont|a|avait|avaient)\s+)?(?:secour(?:ir|us|ues)|récupér(?:er|és|ées)"
    r"|ramen(?:er|és|ées)|sauv(?:er|és|ées)|débarqu(?:er|és|ées)|dépos(?:er|és|ées)"
    r"|escort(?:er|és|ées)|intercept(?:er|és|ées)|repér(?:er|és|ées))\b"
    r"|\bleur\s+(?:vient|venir|viennent|porter?|a\s+porté|ont\s+porté)\s+(?:en\s+aide|secours)"
    r"|\b(?:récupèrent|récupère|récupérer|secourt|secourent|secourir|recueille|recueillent"
    rf"|hélitreuille|hélitreuiller)\s+(?:les|ces)\s+(?:{_TOLD_PARTY})\b",
    re.IGNORECASE,
)
"""An event done to the party told of, named by a pronoun ("to rescue them", "brought them
back", "pour les secourir", "qui leur vient en aide") or by the definite article ("brought the
group ashore", "le patrouilleur récupère les naufragés": those the sentence before counted; not
"the passengers of another boat", nor "the people smugglers")."""
_THEM_FOLDED = without_case(_THEM)
"""The same, searched over a text in lower case (see geo.extract._regex): faster."""


def _refers_back(sentence: str) -> bool:
    """Tell whether a sentence speaks of the party the sentence before counted.

    It opens on that party ("They…", "Ces personnes…", "L'ensemble de ces
    personnes…", "Many of those rescued…") or names it by a pronoun as what
    its event was done to ("to rescue them", "pour les secourir").
    """
    return (
        _PARTY.match(sentence) is not None
        or _ALL_OF_THESE.match(sentence) is not None
        or folded_search(_THEM_FOLDED, _THEM, sentence) is not None
    )


def _with_party_count(facts: _Facts, sentence: str, told: _Facts) -> _Facts:
    """Give a sentence's uncounted events the count of the party the sentence before told of.

    "A dinghy carrying 18 people was stopped at sea. The group was taken to
    Dover": the 18 landed at Dover. Only when the sentence speaks of that
    party (:func:`_refers_back`) and the sentence before gave one count to a party it did not place
    (a placed one is an incident of its own, whole already); an event placed only in a
    country or far away takes none (it would become a tally of its own), nor
    does one of several places listed together (the count was of them all).
    """
    counts = {
        event.people
        for event in told.events
        if event.people is not None
        and (event.place is None or event.place.coarseness != Coarseness.FINE)
    }
    if len(counts) != 1 or not _refers_back(sentence):
        return facts
    if _ONE_OF_SEVERAL.search(sentence) is None and any(
        _ONE_OF_SEVERAL.search(e.clause) is not None for e in told.events
    ):
        return facts  # "the third boat carried nine. All were landed": all three boats
    (count,) = counts
    events = tuple(
        replace(e, people=count)
        if e.people is None
        and e.basis != "listed"
        and (e.place is None or e.place.coarseness == Coarseness.FINE)
        else e
        for e in facts.events
    )
    return replace(facts, events=events)


_SHARE_OPENING = re.compile(
    r"\W*(?:parmi|among)\s+(?:les|ces|eux|elles|them|those|the)\b", re.IGNORECASE
)
"""A sentence that opens on some of the party told of ("Among them were two children", "Parmi les
passagers, il y a…"): its count is a share, no party's."""


def _count_teller(teller: str, sentence: str, facts: _Facts, told: _Facts) -> str:
    """Return the sentence whose count the next sentence speaking of its party takes, if any.

    A sentence without an event tells it ("The first boat, off Calais, had 25
    people aboard"), unless it tells a share; it is still told after one
    sentence whose events count no one ("A trawler spotted it. A patrol boat
    went to rescue them": the 25), not after a count or a second such sentence.
    """
    if not facts.events:
        return "" if _SHARE_OPENING.match(sentence) else sentence
    if told.events or any(e.people is not None for e in facts.events):
        return ""
    return teller


def _with_count_told(facts: _Facts, sentence: str, previous: str) -> _Facts:
    """Give a sentence's uncounted events the count a sentence without an event told just before.

    "La première intervention a concerné 24 exilés. Ils ont été récupérés au
    large de Calais": the 24 were rescued; so were the 19 of "A tug sailed
    off Wimereux to help 19 castaways. It brought them back". Only for a
    sentence speaking of that party (:func:`_refers_back`), and a count that
    is no total or statistic.
    """
    if not facts.events or not _refers_back(sentence) or is_statistic_or_policy(previous):
        return facts
    count = people_count(previous)
    if count is None or count.value > MAX_PEOPLE:
        return facts
    events = tuple(
        replace(e, people=count) if e.people is None and e.basis != "listed" else e
        for e in facts.events
    )
    return replace(facts, events=events)


@dataclass(frozen=True)
class _Party:
    """The last party a report counted without placing it.

    Its count, the sentence that last spoke of it, and whether the report
    went on boat by boat since (its counts are then shares of the party).
    """

    count: Count
    order: int
    split: bool = False


_PARTY_REACH = 3
"""How many sentences back a landing told of "they" or "all on board" finds its party's count."""
_SPEECH_LEAD = re.compile(
    r"\W*(?:[\w'’.-]+\s+){1,5}?(?:said|says|added|confirmed|stated|a\s+(?:indiqué|précisé|ajouté)"
    r"|indique|précise|ajoute)\s*(?:that\s+|que\s+|qu['’])?[:,]?\s*[\"“«]?\s*",
    re.IGNORECASE,
)
"""Who said it, before what was said: "The Home Office said (that) ", "A spokesman said: \""."""
_ALL_ABOARD = re.compile(
    r"\W*(?:all|everyone|tous|toutes)\s+(?:(?:the|les)\s+)?(?:people|persons|passengers|migrants"
    r"|occupants|individuals|personnes|passagers|exilés)?\s*(?:on\s+board|aboard|à\s+bord)?"
    r"\s*(?:were|was|had\s+been|have\s+been|ont\s+été|sont|étaient)\b",
    re.IGNORECASE,
)
"""A clause on everyone of the party told of: "all people on board were", "tous ont été"."""
_INDIVIDUALS = re.compile(r"\W*the\s+individuals\b", re.IGNORECASE)
"""A clause on the people of the party told of by that word: "The individuals were taken…"."""
_ONE_OF_SEVERAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|premi[eè]re?|deuxième|seconde?|troisième|quatrième)"
    r"\s+(?:[\w-]+\s+)?(?:boat|dinghy|vessel|rhib|incident|craft|one|embarcation|bateau|canot"
    r"|intervention|groupe?)\b",
    re.IGNORECASE,
)
"""One boat of several told of ("the third boat", "in the first incident", "la deuxième
embarcation"): its count is a share of the party's, not the party's."""


def _on_the_party(sentence: str) -> bool:
    """Tell whether a sentence speaks of the party told of, even in someone's words.

    "The Home Office said they were taken to Dover", "A spokesman said: 'All
    people on board were landed'", "The individuals were taken to Dover".
    """
    lead = _SPEECH_LEAD.match(sentence)
    said = sentence[lead.end() :] if lead is not None else sentence
    return any(
        pattern.match(text) is not None
        for text in {sentence, said}
        for pattern in (_PARTY, _ALL_ABOARD, _INDIVIDUALS)
    )


@dataclass(frozen=True)
class _Told:
    """One sentence of the story so far, as read: where, its text, its facts, whether screened."""

    order: int
    sentence: str
    facts: _Facts
    screened: bool


_STORY_KEPT = 30
"""How many sentences of a story without a counted, placed incident are kept to find its party."""


def _story_told(story: list[_Told], told: _Told) -> list[_Told]:
    """Return the story's sentences with one more; a counted, placed incident starts anew."""
    if any(e.people is not None and _fine(e.place) for e in told.facts.events):
        return []
    return [*story[1 - _STORY_KEPT :], told]


def _with_reported_landing(facts: _Facts, sentence: str, story: list[_Told], order: int) -> _Facts:
    """Give an uncounted landing of the party told of the count it was told with.

    "Two dinghies carrying 17 people were stopped. One was seen at midnight.
    Ten men and a boy were in the first. The Home Office said they were
    taken to Dover": the 17 landed at Dover. Only a landing (taken or
    brought to a port) whose sentence speaks of that party and counts no
    one, at most a few sentences after the party was counted. The story is
    read for its party only then: few sentences need it.
    """
    if not story or not any(e.basis == "landing" and e.people is None for e in facts.events):
        return facts
    if any(e.people is not None for e in facts.events) or not _on_the_party(sentence):
        return facts
    party = _story_party(story)
    if party is None or order - party.order > _PARTY_REACH:
        return facts
    events = tuple(
        replace(e, people=party.count) if e.basis == "landing" else e for e in facts.events
    )
    return replace(facts, events=events)


def _story_party(story: list[_Told]) -> _Party | None:
    """Return the party the story's sentences last counted without placing it, if any."""
    party: _Party | None = None
    for told in story:
        if told.screened:
            party = _party_told(told.facts, told.sentence, party, told.order)
        elif party is not None and told.order - party.order <= _PARTY_REACH:
            party = _boat_by_boat(told.sentence, party, told.order)
    return party


def _boat_by_boat(sentence: str, party: _Party, order: int) -> _Party:
    """Return the party, marked as told boat by boat when the sentence tells one boat of several.

    "The first boat held 12 men" need report no event of its own to show
    that the counts which follow are shares of the party.
    """
    if _ONE_OF_SEVERAL.search(sentence) is None:
        return party
    return _Party(party.count, order, split=True)


def _party_told(facts: _Facts, sentence: str, party: _Party | None, order: int) -> _Party | None:
    """Return the party a sentence counts without placing it finely, else the one told before.

    A sentence that counts one unplaced party ("Two dinghies carrying 17
    people were stopped", "The cutter picked up 13 people") tells the party a
    later landing speaks of; one that places a counted incident starts
    another story, and one with no count leaves the party as it was. Once
    the report goes boat by boat ("the first boat…", "the third…"), the
    counts that follow are shares of the party, not a party of their own.
    """
    counts = {e.people for e in facts.events if e.people is not None}
    if any(e.people is not None and _fine(e.place) for e in facts.events):
        return None
    if _ONE_OF_SEVERAL.search(sentence) is not None:
        return None if party is None else _boat_by_boat(sentence, party, order)
    count: Count | None
    if len(counts) == 1:
        (count,) = counts
    elif facts.events or is_statistic_or_policy(sentence):
        return party
    else:
        count = people_count(sentence)
    if count is None or not _party_size(count):
        return party
    if party is not None and party.split:
        return _Party(party.count, order, split=True)  # one more boat's share of the party
    return _Party(count, order)


def _sentence_found(facts: _Facts, scene: _Scene, sentence: str, order: int) -> Iterator[_Found]:
    """Complete a sentence's events with the scene's place and date, dropping vague ones.

    An event that names no place and finds none in the scene is not an
    incident, but its counts and date wait for the next sentence: a lede
    ("Four people died in the Channel") often gives the place one sentence later.
    """
    earlier = _ALREADY_BEFORE.search(sentence) is not None
    another = earlier or _ANOTHER.search(sentence) is not None
    background = _BACKGROUND.match(sentence) is not None
    for event in facts.events:
        event = _with_lede(event, scene.lede, another)
        own_date = event.date if event.earlier else event.date or facts.date
        place, basis = event.place, event.basis
        for found, how in (
            (_tally_place(event, sentence), "tally"),
            (_sibling_place(event, facts), "sibling"),
            (_fitting(event, facts.scene), "sentence"),
            (_scene_place(event, scene, sentence, own_date), "scene"),
            (_story_place(event, scene.earlier, own_date or scene.date, order), "scene"),
            (event.set_off, "set off"),
            (event.implied, "implied"),
            (_rescuers_country(event, facts), "implied"),
        ):
            if place is None:
                place, basis = found, how
        if basis == "scene" and place is not None and _launch_elsewhere(event, place):
            continue
        kind = event.event_type
        if event.place is None and _fine(place):
            kind = _borrowed_type(kind, place, event.clause)
        vague = own_date is None and (
            earlier
            or event.earlier
            or _MONTH_ONLY.search(event.clause or sentence) is not None
            or _RECALLED.match(sentence) is not None
        )
        date = None if vague else own_date or scene.date
        if place is None:
            landed_in_britain = any(e.basis == "side" for e in facts.events)
            if not (vague or background or another) and _told_alone(
                event, sentence, landed_in_britain
            ):
                quote = sentence[:_QUOTE_CHARS]
                waters = _waters_country(event.clause)
                yield _Found(
                    kind,
                    waters,
                    date,
                    event.people,
                    event.boats,
                    quote,
                    order,
                    basis=_UNPLACED,
                    dated=own_date is not None,
                )
            continue
        if place.coarseness != Coarseness.FINE and not (own_date or event.people or event.boats):
            continue  # "boats leave France": nothing to map or count
        quote = sentence[:_QUOTE_CHARS]
        places = [place, *scene.also] if basis == "scene" and place is scene.place else [place]
        for at in places:  # "two operations off A and B. 31 were rescued": one at each
            yield _Found(
                kind,
                at,
                date,
                event.people if len(places) == 1 else None,
                event.boats if len(places) == 1 else None,
                quote,
                order,
                event.weak,
                basis if len(places) == 1 else "listed",
                own_date is not None,
                another,
                vague,
                background,
            )


_PLUPERFECT = re.compile(r"\b(?:avai(?:en)?t|étai(?:en)?t|had)\b")
"""A verb in the pluperfect (lower-cased clause): what had happened before the event reported."""


def _launch_elsewhere(event: _Event, scene: Place) -> bool:
    """Tell whether a launch told without a place set out from somewhere else than the scene.

    "Les migrants avaient pris la mer, mais …", "They had set off overnight":
    the pluperfect tells how the people came to be where the report finds them
    (arrested on a beach, rescued off a town); the scene's place is where that
    happened, not where they had set out from. Nor does a boat set out at sea:
    "de multiples départs ont été signalés" after a rescue off a town left
    from its shore, which the report does not name.
    """
    return (
        event.event_type is EventType.LAUNCH
        and event.place is None
        and (
            scene.precision is LocationPrecision.AREA
            or _PLUPERFECT.search(event.clause.lower()) is not None
        )
    )


_ALONE_KINDS = frozenset(
    {EventType.LAUNCH, EventType.INTERCEPTION, EventType.RESCUE, EventType.DEATH}
)
"""Kinds of event a report may tell without any place and still be the one it reports."""
_UNPLACED = "unplaced"
"""The basis of an event told without a place, until the document gives it its country."""
_NOT_TOLD_AS_DONE = re.compile(
    r"\b(?:had|avai(?:en)?t|étai(?:en)?t|may|might|could|would|pourr\w*|serai(?:en)?t"
    r"|aurai(?:en)?t|risqu\w*|fear\w*|crai\w*|since|depuis|this\s+year|cette\s+année|so\s+far"
    r"|another|une?\s+autre|\d+\s+(?:other|autres)|dozens|des\s+dizaines|attempts|tentatives"
    r"|sentenced|convicted|trial|court|procès|tribunal|condamn\w*|jugée?s?)\b",
    re.IGNORECASE,
)
"""Words of a sentence that does not report an event as done on its day, alone: the pluperfect
of a past story ("had died", "avaient été secourues"), a fear or a possibility ("may die",
"seraient"), a count since a date or over the year, another case or the rest of a party than
one told ("57 other passengers"), people by the dozen, attempts (several, a tally), a trial
("sentenced for the death of")."""
_A_COUNTRY = re.compile(
    r"(?:the\s+|l['’]\s*|la\s+|le\s+)?(?:uk|united\s+kingdom|britain|great\s+britain|england"
    r"|angleterre|grande-bretagne|royaume-uni|france)",
    re.IGNORECASE,
)
"""A country the people were heading for ("to reach the UK", "rejoindre l'Angleterre"): no place
of the event; a town they did not reach ("n'a pas atteint Folkestone") is near where it was."""
_WEATHER = re.compile(r"\b(?:tempête|storm|weather|météo|wind|vent|fog|brouillard)", re.IGNORECASE)
"""The weather, which may stop a crossing but stops no one: "la tempête a empêché six départs"."""


_PEOPLE_LANDED_AFTER = frozenset({EventType.RESCUE, EventType.INTERCEPTION})
"""Events whose people are landed afterwards; a body brought ashore is no landing of people."""


def _told_alone(event: _Event, sentence: str, landed_in_britain: bool) -> bool:
    """Tell whether an event told without a place may stand as an incident of its country.

    It must be of a kind a report tells on its own (launch, stop, rescue,
    death), counted (see :func:`_counted`: a date alone, with no count, is
    as often a boat named in passing), told as done (not a past story, a
    fear, a total or a trial; not a stop by the weather), in a sentence that
    names no place but where the people were heading, the open sea or a
    country's waters ("died in French waters": their country), not even a
    coast ("off the coast of northern France") nor waters they were heading
    for. Whether nothing else in the report places it is for the document
    to tell (see :func:`_alone_of_their_kind`). Where the people were
    landed on this side ("secourues et déposées sur la plage de X",
    "ramenés au port de Boulogne") is not where a rescue or a stop
    happened either: it stands at its country; a landing in Britain is the
    sentence's arrival, not a rescue of its own.
    """
    return (
        event.event_type in _ALONE_KINDS
        and not event.earlier
        and _counted(event)
        and _NOT_TOLD_AS_DONE.search(sentence) is None
        and _MONTH_ONLY.search(sentence) is None
        and _OFF_COAST.search(event.clause) is None
        and (
            _NATIONAL_WATERS.search(event.clause) is None or _waters_where(event.clause) is not None
        )
        and _DATELINE.match(sentence) is None
        and not (event.event_type is EventType.INTERCEPTION and _WEATHER.search(event.clause))
        and all(
            _no_place_told(mention)
            or (
                mention.kind == "landing"
                and event.event_type in _PEOPLE_LANDED_AFTER
                and not landed_in_britain
            )
            for mention in find_mentions(sentence)
        )
    )


def _waters_country(clause: str) -> Place:
    """Return the country whose waters a clause tells ("died in French waters"), else none yet."""
    waters = _waters_where(clause)
    if waters is None:
        return country_place("", None)
    country = _NATIONS[(waters["nation"] or waters["adjective"]).lower()]
    return country_place(COUNTRY_TITLES.get(country, country), country)


def _no_place_told(mention: Mention) -> bool:
    """Tell whether a place a clause names leaves its event without a place.

    The country the people were heading for ("trying to reach England") and
    words of the open sea far out (``_OPEN_SEA``: "in the shipping lanes",
    "en pleine mer") do; any other place the sentence names and the reading
    did not take (the Channel itself, the port rescuers set out from, a
    ship, a coast it could not map, a town the boat did not reach) does not:
    the event has a place, only not one to map it by.
    """
    return _OPEN_SEA.search(mention.written) is not None or (
        mention.kind == "destination" and _A_COUNTRY.fullmatch(mention.written) is not None
    )


_DATELINE = re.compile(r"\W*[A-ZÀ-Þ][\w'’]*(?:-[\w'’]+)*\s+:\s")
"""A headline opening on a place and a colon ("Wissant : 30 migrants secourus"): it names a
place the reading of its words did not find."""


def _counted(event: _Event) -> bool:
    """Tell whether an event is counted: its dead, a party (two or more people) or boats.

    "Un" or "a" alone may be read as one ("une embarcation et un moteur ont
    été saisis", "un temps de migrants"): no count of a party, but one dead is.
    """
    if event.people is not None and event.event_type is EventType.DEATH:
        return True
    return any(count is not None and count.value >= 2 for count in (event.people, event.boats))


_BACKGROUND = re.compile(
    r"\W*(?:it|this|that|these|the\s+[\w’'-]+|[\w’'-]+[’']s\s+[\w-]+)\s+(?:came|comes|come)\s+"
    r"(?:on\s+the\s+same\s+day\s+(?:that|as)|(?:a\s+day\s+|days\s+|hours\s+|just\s+)?after)\b"
    r"|\W*(?:cela|ceci|il|elle|ce\s+[\w-]+|cette\s+[\w-]+)\s+(?:intervient|survient|vient|arrive)\s+"
    r"(?:(?:quelques\s+\w+\s+|juste\s+)?après|au\s+lendemain|le\s+même\s+jour)\b",
    re.IGNORECASE,
)
"""A sentence that tells an earlier incident as the background of the one reported: "It came
on the same day that 61 were stopped", "This comes a day after 49 migrants were picked up",
"Cela intervient au lendemain du sauvetage de 40 exilés"."""
_BESIDE_THE_STORY = re.compile(
    r"\W*(?:it|this|that)\s+(?:came|comes)\s+(?:as|amid)\b(?!\s+(?:close|near|far|an?)\b)"
    r"|\W*(?:cela|ceci)\s+(?:intervient|survient)\s+(?:alors\s+que|au\s+moment\s+où)\b",
    re.IGNORECASE,
)
"""A sentence that tells another incident beside the one reported ("It comes as the coastguard
rescued 30 people", "Cela intervient alors que 30 personnes ont été secourues"): a story of its
own, not at the scene just told ("it came as close as 50 metres" tells the same boat)."""


_MONTH_ONLY = re.compile(
    r"\b(?:mi-|mid-|début|fin|courant|early|late|in|en|during|durant|au mois d['’]|au mois de)"
    r"\s*(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"(?!\s+\d)",
    re.IGNORECASE,
)
"""An event told only by its month ("mi-juillet", "in August"): an earlier one, of no known day."""


_RECALLED = re.compile(
    r"\W*(?:pour rappel|rappelons que|as a reminder|(?:a few|several|some) days (?:earlier|before)"
    r"|quelques jours (?:plus tôt|auparavant|avant))\b",
    re.IGNORECASE,
)
"""A sentence that recalls an earlier event ("Pour rappel, …", "A few days earlier, …"): of no
known day, not the report's."""


_ALREADY_BEFORE = re.compile(
    r"\b(?:(?<!ores et )déjà\b.{0,80}?\b(?:avai|étai)(?:en)?t|(?:avai|étai)(?:en)?t\s+déjà"
    r"|had\s+already|already\s+had)\b",
    re.IGNORECASE,
)
"""An earlier event told in the pluperfect with "déjà" or "already" ("Mardi déjà, dix personnes
avaient été secourues"): another incident than the day's, when the counts differ."""


_ANOTHER = re.compile(
    r"\b(?:another|a further|a second|a third|un autre|une autre|une? deuxième|un second"
    r"|une seconde|une? troisième)\s+(?:[\w-]+\s+){0,2}?(?:groups?|boats?|dinghy|dinghies"
    r"|vessels?|craft|people|migrants|men|groupes?|embarcations?|bateaux?|canots?|personnes"
    r"|exilés|alerts?|alertes?)\b|\b\d+\s+(?:others|autres\s+(?:personnes|migrants|exilés))\b"
    r"|\b(?:another|a further|un autre)\s+(?:[\w-]+\s+){0,2}?(?:body|bodies|corps)\b"
    r"|\b(?:dans|in)\s+(?:la|le|the)\s+(?:deuxième|seconde?|troisième|third)\s*,"
    r"|\b(?:le\s+reste|the\s+rest)\s+(?:des|du|of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:occupants"
    r"|passagers|passengers|migrants|exilés|personnes|people|groupe|group)\b"
    r"|\b(?:an?|un|une)\s+similar\s+(?:[\w-]+\s+)?(?:incident|crossing|operation|rescue)\b"
    r"|\b(?:un|une)\s+(?:incident|opération|sauvetage|traversée|drame)\s+similaire\b",
    re.IGNORECASE,
)
"""A group the sentence sets apart from one told before ("another boat", "a further 12 people",
"24 autres personnes", "a second alert", "dans la seconde, …", "another body", "le reste des
occupants", "the rest of the passengers", "a similar incident on Monday when 20 landed", "une
opération similaire"): a second incident
when the counts differ, however little; a count waiting from the sentence before is not its own.
"A second body" is not here: after "two bodies" it is the second of them."""


def _fitting(event: _Event, place: Place | None) -> Place | None:
    """Return a place named elsewhere in the sentence if it fits the event's side of the Channel."""
    if place is None or (event.implied is not None and event.implied.country != place.country):
        return None
    if event.event_type in _SIDE_NOT_GB and place.country == "GB":
        return None
    return place


_AT_SEA = frozenset({EventType.RESCUE, EventType.DEATH, EventType.SIGHTING})
"""Events that happen on the water, away from the beach a boat left."""
_OPEN_SEA = re.compile(
    r"\b(?:shipping\s+lanes?|mid-?\s?Channel|the\s+open\s+sea|miles\s+out"
    r"|(?:au\s+)?milieu\s+de\s+la\s+Manche|en\s+pleine\s+mer|en\s+haute\s+mer"
    r"|rail\s+(?:de\s+navigation|montant|descendant))\b",
    re.IGNORECASE,
)
"""Words that put an event far out at sea ("in the shipping lanes", "en pleine mer", "au milieu
de la Manche"): miles from the beach its boat left."""


def _sibling_place(event: _Event, facts: _Facts) -> Place | None:
    """Return the place another event of the same sentence names, for an event that names none.

    "Three people died and 40 were rescued off Wimereux": the deaths happened
    off Wimereux too. Only a fine place on the event's side of the Channel,
    and not where the boat had left from ("secourue, partie de Wissant", "left
    Wissant before they got into difficulty": the rescue was at sea). An
    event told by the time since it ("arrived at Dover, days after six died")
    takes no place from an event of another kind: it is another scene.
    """
    for other in facts.events:
        place = other.place
        if place is None or other is event or place.coarseness != Coarseness.FINE:
            continue
        if other.basis == "side" or (
            other.event_type is EventType.LAUNCH and event.event_type in _AT_SEA
        ):
            continue
        if event.implied is not None and event.implied.country != place.country:
            continue
        if event.earlier and other.event_type is not event.event_type:
            continue
        return place
    return None


def _rescuers_country(event: _Event, facts: _Facts) -> Place | None:
    """Return the country a death shares with the rescue the same sentence places only by it.

    "The French coastguard rescued 34 people, while one person died": the
    dead were of the boat the French rescued, in French waters as the rescue
    is. A death alone implies no country (see :func:`_implied_place`).
    """
    if event.event_type is not EventType.DEATH or event.implied is not None:
        return None
    return next(
        (
            other.implied
            for other in facts.events
            if other.event_type is EventType.RESCUE
            and other.place is None
            and other.implied is not None
        ),
        None,
    )


_TALLY = re.compile(
    r"\b(?:said|say|says|reported|announced|according to|figures|selon|a indiqué|ont indiqué"
    r"|a annoncé|ont annoncé|chiffres)\b",
    re.IGNORECASE,
)


def _tally_place(event: _Event, sentence: str) -> Place | None:
    """Return the country of an interception or arrival reported as a tally, if it is one.

    "French authorities said they had stopped 96 people", "figures show 602
    people crossed" or "a record 430 crossed on Monday, some landing at Deal"
    count for a whole country: such an incident is placed in the country, not
    at the beach or port of the sentence before or of the clause after.
    """
    tallied = (EventType.INTERCEPTION, EventType.ARRIVAL)
    if event.event_type not in tallied or event.implied is None:
        return None
    if _TALLY.search(sentence) is None and not is_tally(event.clause):
        return None
    return event.implied


_VAGUE = frozenset({"direction", "near", "implied", "outside", "set off"})
"""How a clause placed an incident only roughly: "au sud de Boulogne", "near Calais", a country,
where the boat of the dead had left."""


def _replaced_by_scene(found: list[_Found], facts: _Facts, order: int) -> list[_Found]:
    """Move the incidents the sentence before placed only roughly to where this one says it was.

    "Deux migrants sont morts au sud de Boulogne-sur-Mer. Le drame est
    survenu au niveau des plages de Neufchâtel-Hardelot": the deaths were
    there. Only to a fine place on the same side of the Channel.
    """
    place = facts.scene
    if place is None or place.coarseness != Coarseness.FINE:
        return found
    return [
        replace(f, place=place, basis="lede")
        if f.order == order - 1
        and f.basis in _VAGUE
        and (f.place.country is None or f.place.country == place.country)
        else f
        for f in found
    ]


def _lede_found(facts: _Facts, scene: _Scene, sentence: str, order: int) -> Iterator[_Found]:
    """Place the unplaced events of the sentence before where this sentence says they happened."""
    if facts.scene is None:
        return
    places = (facts.scene, *facts.also)
    shared = len(places) == 1
    for event in scene.lede:
        date = event.date or facts.date
        quote = sentence[:_QUOTE_CHARS]
        for place in places:  # "91 rescued. The operations took place off A and B."
            yield _Found(
                event.event_type,
                place,
                date,
                event.people if shared else None,
                event.boats if shared else None,
                quote,
                order,
                False,
                "lede" if shared else "listed",
            )


_LEDE_PAUSE = 2
"""How many sentences without an event an unplaced lede waits for the place of its scene."""


def _lede_placed(lede: tuple[_Event, ...], placed: list[_Found], order: int) -> list[_Found]:
    """Place a lede's unplaced deaths where the next incident told of happened.

    "Five migrants died in French waters. … Dozens were pulled from the
    water during rescue efforts in Wimereux": the deaths were at Wimereux.
    Only at a fine place of the lede's side of the Channel and day, and only
    deaths: a report opens on them, then tells the scene.
    """
    scene = next(
        (f for f in placed if f.place.coarseness == Coarseness.FINE and f.basis != "side"), None
    )
    if scene is None:
        return []
    told = {f.event_type for f in placed}
    return [
        _Found(
            event.event_type,
            scene.place,
            event.date or scene.date,
            event.people,
            event.boats,
            scene.quote,
            order,
            basis="lede",
        )
        for event in lede
        if event.event_type is EventType.DEATH
        and event.event_type not in told
        and _fitting(event, scene.place) is not None
        and (event.date is None or scene.date is None or event.date == scene.date)
    ]


def _without_counts_retold(lede: tuple[_Event, ...], found: list[_Found]) -> tuple[_Event, ...]:
    """Drop the counts a waiting lede only restates of an incident already told.

    "… the patrol boat took its 25 passengers aboard. The 25 passengers were
    all taken in by 8am. Meanwhile a dinghy was reported in difficulty off
    Ambleteuse": "the 25" are the people of the boat told before, not those of
    the next one. Only a count with the definite article (``_THE_COUNTED``)
    that an earlier incident of the same kind already has: a report that opens
    on "the 25 passengers" and then places them still counts them.
    """
    return tuple(
        replace(e, people=None)
        if e.people is not None
        and _THE_COUNTED.search(e.clause) is not None
        and any(
            f.event_type is e.event_type
            and f.people is not None
            and f.people.value == e.people.value
            for f in found
        )
        else e
        for e in lede
    )


def _uncounted_if_another(lede: tuple[_Event, ...], sentence: str) -> tuple[_Event, ...]:
    """Drop the counts of a waiting lede when the sentence turns to another boat or alert.

    "… the 16 were brought to Boulogne. A second alert came at 7am. A boat
    was seen off Equihen": the boat off Equihen is the second one; the 16
    were the first boat's people. A count the turning sentence gives is the
    second boat's ("In the second, 12 passengers. It is off Boulogne").
    """
    if _ANOTHER.search(sentence) is None:
        return lede
    count = people_count(sentence)
    own = count if count is not None and _party_size(count) else None
    return tuple(replace(e, people=own, boats=None) for e in lede)


def _with_lede(event: _Event, lede: tuple[_Event, ...], another: bool = False) -> _Event:
    """Fill an event's missing date and people from an unplaced one of its type just before.

    One of several places listed together ("landings at Deal and Folkestone")
    takes the lede's date but not its count: the count was of all of them;
    nor does ``another`` boat or group ("une seconde embarcation", "another
    dinghy"): the count was of the one before.
    """
    earlier = next((e for e in lede if e.event_type == event.event_type), None)
    if earlier is None:
        return event
    own = event.basis != "listed" and not another
    people = event.people or (earlier.people if own else None)
    return replace(event, date=event.date or earlier.date, people=people)


def _scene_place(
    event: _Event, scene: _Scene, sentence: str, date: dt.date | None = None
) -> Place | None:
    """Return the scene's place for an event that names none, if it fits the event.

    An event dated another day than the scene is another scene. A boat's
    departure point is no scene for what befell it far out: "the dinghy left
    from a beach at A. A lifeboat rescued it in the shipping lanes" is a
    rescue miles off A. Near it ("victims in the crush on board") it still is.
    An incident told as the story's background or beside it ("It comes after
    / as …", "Cela intervient alors que …") is a story of its own.
    """
    place = scene.place
    if place is None or (date is not None and scene.day is not None and date != scene.day):
        return None
    if _BACKGROUND.match(sentence) is not None or _BESIDE_THE_STORY.match(sentence) is not None:
        return None
    if scene.departure and event.event_type in _AT_SEA and _OPEN_SEA.search(sentence):
        return None
    if event.implied is not None and event.implied.country != place.country:
        return None
    if event.event_type in _SIDE_NOT_GB - {EventType.INTERCEPTION} and place.country == "GB":
        return None
    return place


_ANAPHORA = re.compile(
    r"\b(?:the (?:same )?(?:beach|shore|shoreline|dunes)|la (?:même )?plage|les dunes|le rivage"
    r"|sur place|sur les lieux|en bord de (?:plage|mer)|on the spot|at the scene|sur zone"
    r"|the same (?:area|spot|stretch of (?:coast|sea))|(?:la même zone|le même secteur)"
    r"|à proximité(?!\s+d)"
    r"|(?:cette|this|that|the\s+same) (?:même )?(?:opération|operation)(?! d['’]ensemble)"
    r"|(?:personnes|migrants|exilés|occupants|passagers|naufragés) (?:de|à bord de)"
    r" (?:l['’]embarcation|ce canot|ce bateau|cette embarcation)|(?:people|migrants|occupants"
    r"|passengers) (?:from|on board|aboard) (?:the|that) (?:dinghy|boat|vessel))\b",
    re.IGNORECASE,
)
"""A place named by reference to one told before: "the beach", "la plage", "sur place", "sur
zone", "in the same area", "à proximité" (near it, where no place follows); the
operation just told of ("sur cette opération, 30 personnes ont été sauvées"); or the
people of the boat told of there ("secourt 19 personnes de l'embarcation")."""
_STORY_SPAN = 5
"""How many sentences on a place told before is still the story's place."""


def _story_place(
    event: _Event, earlier: _Story | None, date: dt.date | None, order: int
) -> Place | None:
    """Return the story's last place for an event that refers to it ("on the beach", "la plage").

    Only a few sentences on, on the same day, and on the event's side of the Channel.
    """
    if earlier is None or order - earlier.order > _STORY_SPAN:
        return None
    if _ANAPHORA.search(event.clause) is None:
        return None
    if date is not None and earlier.day is not None and date != earlier.day:
        return None
    return _fitting(event, earlier.place)


def _next_scene(facts: _Facts, scene: _Scene, sentence: str) -> _Scene:
    """Return the scene a sentence sets: its own fine (or far-away) place, date and lede.

    Only the sentence right before may lend its place and date: a scene is
    never carried further through sentences that do not restate it. Where a
    boat had left from ("une embarcation partie de Wissant") is no scene: what
    happened to it next happened at sea. Events of one kind at places far
    apart are listed together (``also``), as a scene sentence lists them.
    Events that took their place from the sentence's own scene clause ("le
    drame s'est produit à X alors que…") leave that scene (``_said_scene``).
    """
    placed = [event for event in facts.events if _fine(event.place) and event.basis != "side"]
    place = placed[-1].place if placed else _said_scene(facts, sentence) or facts.outside
    lede = tuple(
        replace(event, date=event.date or facts.date)
        for event in facts.events
        if event.place is None
        and _scene_place(event, scene, sentence) is None
        and event.implied is None
    )
    also = _listed_beside(placed)
    departure = bool(placed) and placed[-1].event_type in _DEPARTING
    return _Scene(place, facts.date, facts.date or scene.date, lede, also=also, departure=departure)


def _said_scene(facts: _Facts, sentence: str) -> Place | None:
    """Return where a sentence that also reports an event says its incident happened, if it does.

    "Le drame s'est produit à X alors qu'une centaine de personnes tentaient
    de prendre la mer. Deux femmes sont mortes": the deaths were at X, as
    they would be had the attempt not been told. Only a scene told in words
    of an incident ("the tragedy happened off X"), as ``_sets_scene`` reads
    a sentence without an event.
    """
    return facts.scene if SCENE_WORDS.search(sentence) is not None else None


def _listed_beside(placed: list[_Event]) -> tuple[Place, ...]:
    """Return the other places a sentence tells events of the same kind at, beside its last one.

    "Des sauvetages au large de A, de B. Plus de 60 exilés secourus": the
    sixty were rescued at A and B together, so a count the next sentence
    gives is neither place's own (see :func:`_sentence_found`). Not a place
    and the town it lies in ("the Leas, Folkestone"): those are one place.
    """
    if not placed or placed[-1].place is None:
        return ()
    last, place = placed[-1], placed[-1].place
    others = {
        event.place.place_id: event.place
        for event in placed[:-1]
        if event.place is not None
        and event.event_type is last.event_type
        and _named_apart(event.place, place)
    }
    return tuple(others.values())


# -- merging ----------------------------------------------------------------------------


def _distance_m(first: Place, second: Place) -> float:
    """Return the geodesic distance between two placed places, in metres."""
    assert first.lon is not None and first.lat is not None
    assert second.lon is not None and second.lat is not None
    return float(_GEOD.inv(first.lon, first.lat, second.lon, second.lat)[2])


def _places_agree(first: Place, second: Place) -> bool:
    """Tell whether two places of one document may be the same incident's.

    Two points agree when they are the same gazetteer place, within
    MERGE_DISTANCE_M, or their uncertainty circles overlap within 5 km; a
    country-level place agrees with any place in that country, a sea (the
    Channel) with any place on the map; a far-away place only with itself.
    """
    if first.outside or second.outside:
        return first.outside and second.outside and first.place_id == second.place_id
    if first.place_id is not None and first.place_id == second.place_id:
        return True
    fine = [p for p in (first, second) if p.coarseness == Coarseness.FINE]
    if len(fine) == 2:
        distance = _distance_m(first, second)
        reach = min((first.uncertainty_m or 0.0) + (second.uncertainty_m or 0.0), 5_000.0)
        return distance <= max(MERGE_DISTANCE_M, reach)
    coarse = [p for p in (first, second) if p.coarseness != Coarseness.FINE]
    countries = {p.country for p in (first, second)}
    if any(p.coarseness == Coarseness.SEA and p.country is None for p in coarse):
        return len(fine) == 1 or countries == {None}
    return len(countries) == 1 and None not in countries


_COUNT_SLACK = {CountKind.EXACT: 0.1, CountKind.APPROXIMATE: 0.3, CountKind.AT_LEAST: 0.3}
"""How far a count may be from another of the same incident: exact counts by 10 %, "about 50"
or "une cinquantaine" by 30 %; "more than 30" allows anything above 30."""


def _counts_conflict(first: Count | None, second: Count | None) -> bool:
    """Tell whether two counts cannot be the same group's (so are two incidents).

    Exact counts differ by more than 10 %, approximate ones by more than 30 %
    ("une dizaine" is not "une centaine"); a floor ("more than 30") conflicts
    only with a count well below it.
    """
    if first is None or second is None:
        return False
    low, high = sorted((first, second), key=lambda count: count.value)
    if high.kind is CountKind.AT_LEAST and low.kind is not CountKind.AT_LEAST:
        return low.value < high.value * (1 - _COUNT_SLACK[low.kind])
    if low.kind is CountKind.AT_LEAST:
        return False
    slack = max(_COUNT_SLACK[first.kind], _COUNT_SLACK[second.kind])
    return high.value - low.value > slack * high.value


_ONE_BOAT = re.compile(
    r"\b(?:an?|one|une?|the|le|la|l['’])\s+(?:[\w-]+\s+){0,3}?(?:boat|dinghy|vessel|inflatable"
    r"|bateau|embarcation|canot|pneumatique|zodia(?:c|que))\s+(?:with|carrying|avec|transportant)\b"
    r"|\b(?:by|on|aboard|in|par|à bord d['’]|sur)\s+(?:an?|one|the|une?|le|la|l['’])\s*"
    r"(?:[\w-]+\s+){0,3}?(?:lifeboat|cutter|patrol boat|canot de sauvetage|vedette|patrouilleur)\b",
    re.IGNORECASE,
)
"""One boat and who was in it ("a fishing boat with 17 migrants"), or who one lifeboat or cutter
brought ("20 people were brought to the UK by an RNLI lifeboat"): one scene, not a tally, even
where the sentence places it no finer than a country."""


def _told_apart(first: Count | None, second: Count | None) -> bool:
    """Tell whether two groups' counts differ (a repeated count is the same group retold)."""
    return first is not None and second is not None and first.value != second.value


def _country_tally(first: _Found, second: _Found) -> _Found | None:
    """Return the one of two candidates that is a figure for a whole country, if one is.

    A country-level candidate with a count of people or boats, or a multitude
    ("hundreds crossed"), is a tally unless one boat brought them.
    """
    country_level = [f for f in (first, second) if f.place.coarseness == Coarseness.COUNTRY]
    if len(country_level) != 1:
        return None
    tally = country_level[0]
    counted = tally.people or tally.boats or MULTITUDE.search(tally.quote)
    return tally if counted and not _ONE_BOAT.search(tally.quote) else None


def _agree(first: _Found, second: _Found) -> bool:
    """Tell whether two candidates of one document describe the same incident.

    Dates agree when equal or one is unknown; but a country-level candidate
    with its own counts ("812 people arrived"), or too many for a boat though
    uncounted ("hundreds crossed yesterday"), never joins a finer one: it is
    a figure for the country, not that scene (nor its date).
    """
    if first.dated and second.dated and first.date and second.date and first.date != second.date:
        return False
    if _background_count(first, second) or _background_count(second, first):
        return False  # "It came after 61 were stopped": not the count of the incident reported
    later = max(first, second, key=lambda found: found.order)
    if later.another and _told_apart(first.people, second.people):
        return False
    if "listed" in (first.basis, second.basis) and _named_apart(first.place, second.place):
        return False
    tally = _country_tally(first, second)
    if tally is not None:
        placed = second if tally is first else first
        if not _people_of_boats_told(tally, placed):
            return False
    return (
        _same_kind(first, second)
        and (not _counts_conflict(first.people, second.people) or _one_of_the_dead(first, second))
        and not _counts_conflict(first.boats, second.boats)
        and (
            _places_agree(first.place, second.place)
            or _lies_that_way(first, second)
            or _lies_that_way(second, first)
            or _one_group_retold(first, second)
        )
    )


_RETOLD_MIN_PEOPLE = 10
"""The fewest people whose count told at two places is one group: 1, 2 or 3 recur by chance."""


def _one_group_retold(first: _Found, second: _Found) -> bool:
    """Tell whether two incidents placed apart on one stretch of coast are one group told twice.

    "37 migrants found in the Baie de Somme … the 37 were on a beach near
    Fort-Mahon"; "25 rescued off Calais … the 25 were rescued at Marck": a
    report names a group once coarsely and once finely, or once where it
    happened and once where it was landed. Only the same kind, day (or one
    undated), country and count of ten or more (one of them exact), within
    _THAT_WAY_REACH_M, told in two sentences ("30 off A and 30 off B" are two
    boats); never a boat told as another, nor one of a list.
    """
    if first.another or second.another or first.weak or second.weak or first.order == second.order:
        return False
    kinds = {first.event_type, second.event_type}
    if (len(kinds) != 1 and not kinds <= _STOPPED) or "listed" in (first.basis, second.basis):
        return False
    if (
        not (_fine(first.place) and _fine(second.place))
        or first.place.country != second.place.country
    ):
        return False
    if first.people is None or second.people is None or len({first.date, second.date} - {None}) > 1:
        return False
    same = first.people.value == second.people.value >= _RETOLD_MIN_PEOPLE
    exact = CountKind.EXACT in {first.people.kind, second.people.kind}
    return same and exact and _distance_m(first.place, second.place) <= _THAT_WAY_REACH_M


_WIDE_KINDS = frozenset(
    {
        "bay",
        "estuary",
        "river",
        "coast_stretch",
        "department",
        "county",
        "region",
        "historic_region",
    }
)
"""Kinds of place a scene lies somewhere in, not at: a bay, a river, a stretch of coast."""
_UNNAMED_SPOT = re.compile(r"^(?:an?|une?)\s", re.IGNORECASE)
"""A spot told by the town it is in or near, not by its name ("a beach near Calais")."""


def _telling_rank(found: _Found) -> int:
    """Rank how well a place tells where a group was (lowest first).

    A named spot or town first; then a spot told by the town it is near ("a
    beach near Quend"), which says less than the beach a report names but
    more than a bay, a department or a region; a port last: it is where
    people were brought, not where their boat was met.
    """
    kind = place_kind(found.place)
    if kind == "port":
        return 3
    if kind in _WIDE_KINDS:
        return 2
    return int(_UNNAMED_SPOT.match(found.place.written) is not None)


def _retold_apart(kept: _Found, other: _Found) -> bool:
    """Tell whether two agreeing candidates agree only as one group told at two places."""
    return not _places_agree(kept.place, other.place) and _one_group_retold(kept, other)


_THAT_WAY_REACH_M = 30_000.0
"""How far "south of Calais" may reach, with no distance told: the next towns along the coast."""
_THAT_WAY_SPREAD_DEG = 60.0
"""How far off the stated bearing a place may lie and still be "that way"."""


def _lies_that_way(rough: _Found, named: _Found) -> bool:
    """Tell whether a place told only by its bearing from a town may be a place named elsewhere.

    "Two died south of Boulogne … on the beaches of Hardelot": Hardelot lies
    south of Boulogne, so it is where they died. Only a bearing with no
    distance told ("22 km west of" is a spot of its own), and a named place
    that lies that way and within _THAT_WAY_REACH_M of the town.
    """
    bearing = bearing_deg(rough.place.written) if rough.basis == "direction" else None
    if bearing is None or offset_m(rough.place.written) is not None:
        return False
    if named.basis in _VAGUE or not _fine(named.place) or not _fine(rough.place):
        return False
    assert rough.place.lon is not None and rough.place.lat is not None
    assert named.place.lon is not None and named.place.lat is not None
    azimuth, _, distance = _GEOD.inv(
        rough.place.lon, rough.place.lat, named.place.lon, named.place.lat
    )
    off_bearing = abs((float(azimuth) - bearing + 180.0) % 360.0 - 180.0)
    return float(distance) <= _THAT_WAY_REACH_M and off_bearing <= _THAT_WAY_SPREAD_DEG


def _one_of_the_dead(first: _Found, second: _Found) -> bool:
    """Tell whether a death of one person is one of the dead a report counted before.

    "Two bodies were found at A on Sunday … the body of a man was found on
    the beach at A": a report tells its dead one by one after counting them.
    ("Another body" is set apart before counts are compared: see _ANOTHER.)
    """
    earlier, later = sorted((first, second), key=lambda found: found.order)
    if {earlier.event_type, later.event_type} != {EventType.DEATH}:
        return False
    return (
        earlier.people is not None
        and earlier.people.value > 1
        and later.people == Count(1, CountKind.EXACT)
    )


def _named_apart(first: Place, second: Place) -> bool:
    """Tell whether two fine places are different places more than MERGE_DISTANCE_M apart.

    A report that lists places ("rescues off Berck and off Wimereux") tells one
    operation at each: a listed place is not another near-by place's incident.
    """
    fine = first.coarseness == second.coarseness == Coarseness.FINE
    apart = fine and first.place_id != second.place_id
    return apart and _distance_m(first, second) > MERGE_DISTANCE_M


def _background_count(told: _Found, reported: _Found) -> bool:
    """Tell whether a counted incident told as background would lend its count to a reported one.

    "Dozens landed at Dover this morning. It came on the same day that 61
    were stopped and brought to Dover": the 61 are not this morning's.
    """
    return (
        told.background
        and told.people is not None
        and not reported.background
        and (reported.people is None)
    )


_REPORT_DAYS = 7
"""How many days before a report an event it tells without a place may be its news."""


def _of_the_report(found: _Found, published: dt.date | None) -> _Found:
    """Return an event told without a place, set aside as background if not of the report's days.

    Its day is its own or the story's: "27 bodies were recovered", in a
    report on the anniversary of a wreck, is that wreck's day, not news; it
    still stands for its kind in the report (see :func:`_alone_of_their_kind`).
    """
    if published is None or found.date is None:
        return found
    old = (published - found.date).days > _REPORT_DAYS
    return replace(found, background=found.background or old)


_STOPPED = frozenset({EventType.RESCUE, EventType.INTERCEPTION})
"""A boat picked up at sea: reports call the same operation a rescue or an interception."""
_LANDED_GB = _STOPPED | {EventType.ARRIVAL, EventType.OTHER, EventType.DEBRIS}
"""What a report may call people who landed in England: stopped, arrived, found or detained."""
_TRACES = frozenset({EventType.OTHER, EventType.DEBRIS})
"""Types that only report what was left or found: weaker than the incident they point to."""
_LANDING_SIGNS = frozenset({EventType.ARRIVAL, EventType.DEBRIS})
"""What shows a landing in England: the arrival itself, or the boat left on the beach."""


_PEOPLE_PER_BOAT = 80
"""The most people a small boat is reported to carry: more per boat counts more than those boats."""


def _people_of_boats_told(tally: _Found, placed: _Found) -> bool:
    """Tell whether a country's count of people is the people of the boats counted at a place.

    "27 boats arrived at Dover … some 400 migrants made it across to the UK":
    the boats are counted at the place and their people for the country, a
    load each boat can carry. "Two boats landed at Deal … 600 crossed in all"
    counts more than those two boats, and "a further 200 crossed" other people.
    """
    boats, people = placed.boats, tally.people
    if placed.people is not None or boats is None or boats.value < 2 or people is None:
        return False
    return (
        not tally.another and tally.boats is None and people.value <= boats.value * _PEOPLE_PER_BOAT
    )


def _same_kind(first: _Found, second: _Found) -> bool:
    """Tell whether two candidates' types may name one incident.

    The same type; a rescue and an interception (one boat picked up at sea,
    one report calling it each); and, in England, a rescue, interception or
    find and the landing or the abandoned boat at the same place ("intercepted
    off Dover and brought to Dover", "two men landed at Hythe" and "two men
    were found at Hythe", "a dinghy was left on the beach at Deal").
    """
    kinds = {first.event_type, second.event_type}
    if len(kinds) == 1 or kinds <= _STOPPED:
        return True
    if _stranded_with_people(first, second) or _stranded_with_people(second, first):
        return True
    english = first.place.country == second.place.country == "GB"
    return english and bool(kinds & _LANDING_SIGNS) and not kinds - _LANDED_GB


def _stranded_with_people(trace: _Found, other: _Found) -> bool:
    """Tell whether a boat found with its people aboard is the rescue of those people.

    "A boat with 12 people aboard ran aground on the beach at A … the 12 were
    rescued at A": a boat told with who was in it is no wreck but the scene
    of the rescue, on either side of the Channel. An empty boat found is not.
    """
    return trace.event_type in _TRACES and trace.people is not None and other.event_type in _STOPPED


_COUNT_PREFERENCE = {CountKind.EXACT: 0, CountKind.APPROXIMATE: 1, CountKind.AT_LEAST: 2}


def _better_count(first: Count | None, second: Count | None) -> Count | None:
    """Return the more precise of two counts of one incident (exact before approximate)."""
    if first is None or second is None:
        return first or second
    return second if _COUNT_PREFERENCE[second.kind] < _COUNT_PREFERENCE[first.kind] else first


def _merged_count(kept: _Found, other: _Found) -> Count | None:
    """Return the count of two merged candidates: all the dead, else the more precise count."""
    if _one_of_the_dead(kept, other):
        return max((kept.people, other.people), key=lambda count: count.value if count else 0)
    return _better_count(kept.people, other.people)


def _absorb(kept: _Found, other: _Found) -> _Found:
    """Merge ``other`` into ``kept``: the finer place is kept's, missing values are filled.

    A find or an abandoned boat merged with a landing, rescue or stop takes
    that incident's type: it is what the traces were evidence of. One of
    several places listed together takes no count from a regional or national
    tally ("151 landed in Kent … landings at Deal and Folkestone").
    """
    traces = kept.event_type in _TRACES and other.event_type not in _TRACES
    shared = kept.basis == "listed" and other.place.coarseness != Coarseness.FINE
    return replace(
        kept,
        event_type=other.event_type if traces or _only_taken_in(kept, other) else kept.event_type,
        date=kept.date if kept.dated or (kept.date and not other.dated) else other.date,
        dated=kept.dated or other.dated,
        people=kept.people if shared else _merged_count(kept, other),
        boats=kept.boats if shared else _better_count(kept.boats, other.boats),
        order=min(kept.order, other.order),
    )


def _only_taken_in(rescue: _Found, stop: _Found) -> bool:
    """Tell whether a rescue merged with an interception was only told as people taken in.

    "Trente-cinq migrants ont été pris en charge à A et B … vingt-cinq ont été
    interceptés à B": 'pris en charge' says people were taken in, at sea or
    ashore; the interception told of the same people says which it was. A
    rescue told by its own words ('secourus', 'hélitreuillés') stays one.
    """
    if (rescue.event_type, stop.event_type) != (EventType.RESCUE, EventType.INTERCEPTION):
        return False
    cues = [match.group(0) for match in EVENT_CUES[EventType.RESCUE].finditer(rescue.quote)]
    return bool(cues) and all(TAKEN_IN.fullmatch(cue) for cue in cues)


def _merge_document(found: list[_Found]) -> list[_Found]:
    """Merge the candidates of one document that describe the same incident.

    Finer, dated candidates are kept first and absorb the ones that agree
    with them; a weak candidate (a boat on a beach, no cue) or a sighting
    disappears into any incident at that place and date, lending it the
    counts it lacks.
    """
    unplaced = [f for f in found if f.basis == _UNPLACED]
    found = _without_boat_summaries([f for f in found if f.basis != _UNPLACED])
    strong = _merge_agreeing([f for f in found if not f.weak and f.event_type not in _SEEN])
    weak: list[_Found] = []
    for item in (f for f in found if f.weak or f.event_type in _SEEN):
        at = next(
            (i for i, s in enumerate(strong) if _agree(replace(item, event_type=s.event_type), s)),
            None,
        )
        if at is None:
            weak.append(item)
        else:
            strong[at] = _counted_by(strong[at], item)
    merged = _launches_counted(_dated_by_place(strong + _merge_agreeing(weak)))
    kept = _without_coarse_copies(_without_totals(merged))
    return sorted(kept + _alone_of_their_kind(unplaced, kept), key=lambda f: f.order)


def _without_boat_summaries(found: list[_Found]) -> list[_Found]:
    """Drop an opening that counts the boats the report then tells one by one.

    "Deux embarcations sont en difficulté entre A et B. Une première est
    signalée au large de A … une autre en baie de B"; "two boats were in
    trouble between A and B. A first boat … off A … another at B": the two
    are those boats, not a third incident at A taking the first boat's
    count. Only an opening without people of its own (a counted one is
    weighed as a total, see :func:`_without_totals`), followed by exactly as
    many single boats, of its kind or told as sighted, each at a place the
    opening names.
    """
    return [item for item in found if not _boats_told_one_by_one(item, found)]


def _boats_told_one_by_one(summary: _Found, found: list[_Found]) -> bool:
    """Tell whether a count of boats is followed by each of those boats, at places it names."""
    boats = summary.boats
    if boats is None or boats.value < 2 or summary.people is not None:
        return False
    days = {summary.date} - {None}
    singles = [
        other
        for other in found
        if other.order > summary.order
        and other.boats is not None
        and other.boats.value == 1
        and (summary.event_type in _SEEN or _same_kind(summary, other))
        and (not days or other.date in days | {None})
    ]
    return len(singles) == boats.value and all(
        _named_in(one.place, summary.quote) for one in singles
    )


def _named_in(place: Place, sentence: str) -> bool:
    """Tell whether a sentence names a place: its name, from its first capital, is in it."""
    name = _FROM_CAPITAL.search(place.written)
    return name is not None and name.group(0).casefold() in sentence.casefold()


_FROM_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de].*")
"""A place as written from its name on ("au large de Wimereux" is Wimereux)."""


def _alone_of_their_kind(unplaced: list[_Found], kept: list[_Found]) -> list[_Found]:
    """Return the events told without a place that are the only ones of their kind in the report.

    "49 personnes ont été secourues mardi", in a report that tells no other
    rescue or stop, is the incident it reports, known only by its country;
    beside another of its kind, placed or not, it may be a retelling or a
    total, so nothing is added.
    """
    alone: list[_Found] = []
    for item in unplaced:
        kinds = _STOPPED if item.event_type in _STOPPED else {item.event_type}
        if item.event_type in _STOPPED:
            kinds = kinds | _SIDE_GB  # "intercepted … and brought to Dover": the boat landed
        told = [f for f in [*kept, *unplaced] if f.event_type in kinds and f is not item]
        if item.background or _party_told_elsewhere(item, kept):
            continue
        if not told or _of_a_day_of_its_own(item, told):
            alone.append(replace(item, place=_country_of(item, kept), basis="alone"))
    return alone


_ALSO = re.compile(r"\b(?:also|as\s+well|également|aussi)\b", re.IGNORECASE)
"""Words that add an event to those told ("were also rescued", "ont également été secourus")."""


def _of_a_day_of_its_own(item: _Found, told: list[_Found]) -> bool:
    """Tell whether an event told without a place is one more, dated apart from all of its kind.

    "25 migrants ont été secourus mercredi au large de Calais … Mardi, une
    vingtaine ont également été secourus": the sentence adds it ("also",
    "également") on a day of its own, and every incident of its kind the
    report places or dates happened on another day, with another count: a
    second incident, known only by its country. An event dated only by the
    story around it, or the very count told on another day (a night told
    across two dates), is no second incident.
    """
    if not item.dated or item.date is None or item.people is None:
        return False
    if _ALSO.search(item.quote) is None:
        return False
    count = item.people.value
    others = [f for f in told if f.basis != _UNPLACED or f.dated]
    return all(
        other.date is not None
        and other.date != item.date
        and (other.people is None or other.people.value != count)
        for other in others
    )


def _party_told_elsewhere(item: _Found, kept: list[_Found]) -> bool:
    """Tell whether the report tells the same party (its count) at another stage of its story.

    "30 people took to the sea … 30 were rescued off Wimereux": the launch
    without a place is that boat's, not a boat of its own.
    """
    return item.people is not None and any(
        found.people is not None and found.people.value == item.people.value for found in kept
    )


def _country_of(item: _Found, kept: list[_Found]) -> Place:
    """Return the country an event told without a place happened in.

    The country whose waters the clause told is it; else a launch or a stop
    is on the French side, and a rescue or a death at sea is
    where the report's other incidents are (but its landings, all in
    England), else on the French side too.
    """
    if item.place.country is not None:
        return item.place
    others = [f.place.country for f in kept if f.place.country and f.event_type not in _SIDE_GB]
    country = "FR" if item.event_type in _SIDE_NOT_GB or not others else others[0]
    return country_place(COUNTRY_TITLES.get(country, country), country)


def _without_totals(found: list[_Found]) -> list[_Found]:
    """Drop a count the report gives for several incidents it then tells one by one.

    "Quarante personnes secourues ce mardi … 15 au large de A … 25 au large
    de B"; "Sixteen people were rescued in two operations: six off A, ten off
    B": the forty and the sixteen are the sum of the boats told, not a boat of
    their own. One boat's count told in parts at its own place is the
    other way round (see :func:`_one_boat_told_in_parts`): the parts go.
    """
    dropped: set[int] = set()
    for at, total in enumerate(found):
        parts = _summed_parts(total, found)
        if not parts:
            continue
        if _one_boat_told_in_parts(total, [found[i] for i in parts]):
            dropped.update(parts)
        else:
            dropped.add(at)
    return [item for at, item in enumerate(found) if at not in dropped]


def _summed_parts(total: _Found, found: list[_Found]) -> list[int]:
    """Return where the other counted incidents of a count's kind and day are, if they sum it.

    Only where two or more such incidents are told in other sentences, and
    every one of that kind and day is counted: the total then adds up what
    the report tells, which a careful reader checks before reading it as one
    more boat.
    """
    days = {total.date} - {None}
    parts = [
        at
        for at, other in enumerate(found)
        if other is not total
        and _same_kind(total, other)
        and (not days or other.date in days | {None})
    ]
    apart = all(found[at].order != total.order for at in parts)
    summed = apart and _adds_up_to(total.people, [found[at].people for at in parts])
    return parts if summed else []


def _one_boat_told_in_parts(total: _Found, parts: list[_Found]) -> bool:
    """Tell whether the parts summing a count are one boat's people, taken off in turns.

    "Un bateau avec 69 personnes à bord a été secouru au large de A. …
    Quatorze d'entre elles sont secourues au large de A. … les 55 autres
    sont prises en charge plus tard": one boat, one rescue of 69 at A. Only a
    total told of one boat, with every part at its spot; a day's total over
    several boats ("120 personnes secourues au total") is no boat's.
    """
    one_boat = total.boats is not None and total.boats.value == 1
    return one_boat and all(_same_spot(total, part) for part in parts)


def _adds_up_to(total: Count | None, parts: list[Count | None]) -> bool:
    """Tell whether two or more known counts add up to a total, within the total's slack.

    A total is more than each of its parts: "une cinquantaine" is no sum of
    64 and 4, however near 68 its slack reaches, but a boat of its own.
    """
    if total is None or len(parts) < 2 or any(part is None for part in parts):
        return False
    values = [part.value for part in parts if part is not None]
    if max(values) >= total.value:
        return False
    return not _counts_conflict(total, Count(sum(values), CountKind.EXACT))


def _launches_counted(found: list[_Found]) -> list[_Found]:
    """Give an uncounted launch the count of the boat stopped at sea from the same place.

    "A dinghy left the beach at A on Monday … it was rescued off A, its 30
    people brought to B": the launch carried the 30. Only where the report
    tells one launch and one counted rescue or interception at that place and
    day (two of either may be two boats). Not a launch listed with others or
    told aside of a rescue ("boats that left A and B were rescued": several
    boats), nor where someone died (the rescued are not all who left).
    """
    if any(f.event_type is EventType.DEATH for f in found):
        return found
    for at, launch in enumerate(found):
        if launch.event_type is not EventType.LAUNCH or launch.people is not None:
            continue
        if launch.basis in {"listed", "side"}:
            continue
        same = [f for f in found if _same_spot(f, launch)]
        launches = [f for f in same if f.event_type is EventType.LAUNCH]
        stopped = [f for f in same if f.event_type in _STOPPED]
        if len(launches) == 1 and len(stopped) == 1 and stopped[0].people is not None:
            found[at] = replace(launch, people=stopped[0].people)
    return found


def _same_spot(first: _Found, second: _Found) -> bool:
    """Tell whether two candidates are at one fine place on one day (or an unknown one)."""
    days = {first.date, second.date} - {None}
    place = first.place.place_id is not None and first.place.place_id == second.place.place_id
    return place and _fine(first.place) and len(days) <= 1


def _counted_by(kept: _Found, seen: _Found) -> _Found:
    """Fill an incident's missing counts, and a place it knows only coarsely, from a sighting of it.

    "A ship spotted a dinghy carrying eight people off Calais … the
    lifeboat found the dinghy": the rescue was of those eight. "Seven were
    rescued off the Kent coast … the boat was spotted off Dover": the rescue
    was off Dover.
    """
    counted = replace(kept, people=kept.people or seen.people, boats=kept.boats or seen.boats)
    if seen.place.coarseness < kept.place.coarseness and seen.event_type in _SEEN:
        return replace(counted, place=seen.place, basis=seen.basis)
    return counted


def _dated_by_place(found: list[_Found]) -> list[_Found]:
    """Give an undated candidate the day the report gives another one at the same place.

    A headline ("Un migrant meurt au large de Gravelines") names no day; the
    body tells what happened there and when ("mercredi 17 juillet … au large
    de Gravelines").
    """
    days: dict[str, dt.date] = {}
    for item in sorted(found, key=lambda f: f.order):
        if item.dated and item.date is not None and item.place.place_id is not None:
            days.setdefault(item.place.place_id, item.date)
    return [
        replace(item, date=days.get(item.place.place_id or ""))
        if item.date is None and not item.undated and item.place.place_id in days
        else item
        for item in found
    ]


_SEEN = frozenset({EventType.SIGHTING})
"""Types that only say a boat was seen: the rescue or arrival at that place and date says more."""
_COARSE_KEPT = frozenset({EventType.ARRIVAL, EventType.INTERCEPTION, EventType.DEATH})
"""Types a report may count for a whole country ("1,000 people crossed to the UK on Tuesday")."""


def _without_coarse_copies(found: list[_Found]) -> list[_Found]:
    """Drop the country- and sea-level candidates that add nothing a reader would map.

    A coarse candidate is kept only when it is of a type reports count for a
    whole country, states its people or boats, and is no copy of a placed
    candidate (see :func:`_coarse_kept`); a rescue "in the Channel" or "in
    the strait" with no place is not mapped.
    """
    placed = [f for f in found if f.place.coarseness == Coarseness.FINE]
    kept: list[_Found] = []
    for f in found:
        if f.place.coarseness == Coarseness.FINE or f.place.outside or _coarse_kept(f, placed):
            kept.append(f)
        elif (apart := _another_boat_stopped(f, placed)) is not None:
            kept.append(apart)
    return kept


def _another_boat_stopped(coarse: _Found, placed: list[_Found]) -> _Found | None:
    """Return one boat stopped at sea that the report sets apart from those it places, if so.

    "Two boats landed at Kingsdown and at Abbotscliffe … Another boat was
    also intercepted in the Channel with 14 on board"; "Une première
    embarcation, qui transportait 46 personnes, a été secourue dans le
    détroit … une autre au large du Touquet, avec 40 personnes": a rescue or
    stop of one counted boat said to be another, or the first of several,
    is no copy of a placed incident of its kind when their counts differ;
    told nowhere finer than the sea, it is in the country of the report's
    incidents when they are all in one.
    """
    apart = coarse.another or _ONE_OF_SEVERAL.search(coarse.quote) is not None
    if not (apart and coarse.event_type in _STOPPED):
        return None
    one = coarse.boats is not None and coarse.boats.value == 1
    if not one or coarse.people is None:
        return None
    if any(not _counts_conflict(coarse.people, f.people) for f in placed if _same_kind(coarse, f)):
        return None
    if coarse.place.country is not None:
        return coarse
    countries = {f.place.country for f in placed}
    if len(countries) != 1:
        return None
    (country,) = countries
    if country is None:
        return None
    return replace(coarse, place=country_place(COUNTRY_TITLES.get(country, country), country))


def _coarse_kept(coarse: _Found, placed: list[_Found]) -> bool:
    """Tell whether a coarse candidate is an incident of its own, not a copy of a placed one.

    A country's figure is kept unless it restates a placed candidate (same
    type, country and date, and a count within 10 %) or sums the day's. One
    boat stopped or one person's fate ("an inflatable carrying 15 people was
    intercepted", "une personne est morte au large du Pas-de-Calais") is
    kept only where the report places no incident of its kind: beside a
    placed one it is that scene told again, or one more detail of it.
    """
    if coarse.place.country is None:
        return False
    if coarse.event_type not in _COARSE_KEPT and not _rescue_off_one_side(coarse):
        return False
    if coarse.people is None and coarse.boats is None:
        return False
    if _one_boat_stopped(coarse):
        return not any(_same_kind(coarse, other) for other in placed)
    return not any(_copies(coarse, other) for other in placed) and not _sums_the_day(coarse, placed)


def _rescue_off_one_side(found: _Found) -> bool:
    """Tell whether a coarse rescue is told on one side of the Channel, not somewhere in it.

    "Secourus dans les eaux françaises", "rescued off the French coast", "in
    the French section of the Channel", "off the Kent coast", "au large des
    côtes de la Somme": the report says on which side it happened, as far as
    it knows (a country's waters, the coast of one of its counties or
    departments, or "entre Calais et Boulogne", both ends on one side). So
    does who did it when no place is given ("400 people were rescued by
    French authorities", "recovered by the RNLI lifeboat": the country of the
    rescuers, see :func:`_implied_place`). "Rescued in the Channel" or "in
    the strait" does neither, and is not mapped.
    """
    if found.event_type is not EventType.RESCUE:
        return False
    if _NATIONAL_WATERS.search(found.place.written) is not None or found.basis == "implied":
        return True
    regional = found.place.coarseness == Coarseness.SEA and found.place.place_id not in sea_ids()
    off_one_coast = _OFF_COAST.search(found.place.written) is not None
    return regional and (off_one_coast or _between_one_country(found.place))


def _between_one_country(place: Place) -> bool:
    """Tell whether a place "between A and B" has both ends in one country: that side's waters.

    "Entre Calais et Boulogne-sur-Mer" is off the French coast, however wide;
    "between Dover and Calais" spans the Channel and says no side.
    """
    ends = between_ends(place.written)
    if ends is None:
        return False
    countries = {r.country for r in geocode_many(list(ends), context=place.written, memo=_GEOCODED)}
    return len(countries) == 1 and None not in countries


def _sums_the_day(coarse: _Found, placed: list[_Found]) -> bool:
    """Tell whether a coarse count is the sum of the day's placed incidents of its type.

    "20 landed at Dover, then 30 more; 50 crossed today": the day's figure
    restates the two landings already mapped.
    """
    same_day = [
        f.people
        for f in placed
        if (f.event_type, f.place.country) == (coarse.event_type, coarse.place.country)
        and coarse.date is not None
        and f.date == coarse.date
    ]
    return _adds_up_to(coarse.people, same_day) or _told_boat_by_boat(coarse, same_day)


def _told_boat_by_boat(coarse: _Found, same_day: list[Count | None]) -> bool:
    """Tell whether a coarse count of several boats is the day's figure the report then details.

    "Four boats carrying 84 people were rescued on Saturday … one off Le
    Touquet with 11 on board, one off Sangatte with 30": the placed incidents
    of that day are some of its boats, each counted (no more of them than
    it counts, no more people in all), though a part the report does not
    place keeps them from adding up to it.
    """
    if coarse.boats is None or coarse.boats.value < 2 or coarse.people is None or not same_day:
        return False
    if any(count is None for count in same_day):
        return False
    told = sum(count.value for count in same_day if count is not None)
    return len(same_day) <= coarse.boats.value and told <= coarse.people.value


def _one_boat_stopped(found: _Found) -> bool:
    """Tell whether a coarse candidate is one boat's stop or one person's fate, not a tally.

    "Border Force intercepted an inflatable carrying 15 people" is one scene,
    unlike "French police stopped 96 people on Tuesday"; so is one death
    "off the Pas-de-Calais" or one person found "in the Channel".
    """
    one = found.boats is not None and found.boats.value == 1
    one_person = found.people is not None and found.people.value == 1
    return (found.event_type is EventType.INTERCEPTION and one) or one_person


def _copies(coarse: _Found, placed: _Found) -> bool:
    """Tell whether a coarse candidate restates a placed one (kind, country, date, count).

    The kind is the type or one a report uses for the same group (see
    :func:`_same_kind`): "Border Force intercepted 31 people … all were
    brought to Dover" is the landing at Dover. A coarse count beside a
    placed incident without one ("tear gas at Hardelot"; "140 people were
    stopped", say the authorities) is a tally of its own.
    """
    return (
        _same_kind(coarse, placed)
        and coarse.place.country == placed.place.country
        and coarse.date in (None, placed.date)
        and (coarse.people is None or placed.people is not None)
        and not _counts_conflict(coarse.people, placed.people)
    )


def _merge_order(found: _Found) -> tuple[int, bool, bool, float, int]:
    """Order candidates for merging: finest place first, then named before told by a bearing.

    A place "south of Calais" gives way to a place named that way; then dated
    ones, most precise, and by the text.
    """
    dated = found.dated and found.date is not None
    rough = found.basis == "direction"
    return (found.place.coarseness, rough, not dated, found.place.uncertainty_m or 0.0, found.order)


def _merge_agreeing(found: list[_Found]) -> list[_Found]:
    """Merge agreeing candidates greedily, finest place and dated ones first.

    A group told at two places is kept at the more telling one (see
    :func:`_telling_rank`); what agrees with the place set aside ("10 km off
    Calais" after "rescued off Calais … at Marck") is that group too.
    """
    kept: list[_Found] = []
    set_aside: list[list[_Found]] = []
    for item in sorted(found, key=_merge_order):
        at = next(
            (
                i
                for i, other in enumerate(kept)
                if _agree(other, item) or any(_agree(told, item) for told in set_aside[i])
            ),
            None,
        )
        if at is None:
            kept.append(item)
            set_aside.append([])
        elif _retold_apart(kept[at], item):
            telling, aside = sorted((kept[at], item), key=_telling_rank)
            kept[at] = _absorb(telling, aside)
            set_aside[at].append(aside)
        else:
            kept[at] = _absorb(kept[at], item)
    return kept


# -- incidents ---------------------------------------------------------------------------


def _incident(found: _Found, source: Source) -> Incident:
    """Turn a merged candidate into a validated Incident."""
    place = found.place
    return Incident(
        event_type=found.event_type,
        date=found.date,
        date_precision=DatePrecision.DAY if found.date else None,
        place_name=place.written[:500],
        place_id=place.place_id,
        country=place.country,
        location_precision=place.precision,
        uncertainty_m=place.uncertainty_m,
        location_role=ROLE_BY_EVENT[found.event_type],
        people=found.people.value if found.people else None,
        boats=found.boats.value if found.boats else None,
        lon=place.lon,
        lat=place.lat,
        sources=[source.model_copy(update={"quote": found.quote})],
        confidence=confidence(
            found.basis,
            place.coarseness,
            found.weak,
            found.people is not None,
            misspelt=place.misspelt,
        ),
        review_status=ReviewStatus.CANDIDATE,
    )


def extract_incidents(
    text: str, *, url: str | None = None, published: dt.date | None = None
) -> list[Incident]:
    """Extract the candidate incidents a report describes.

    Parameters
    ----------
    text
        The report: plain text or HTML (tags, scripts and styles are dropped).
    url
        The report's address, kept in every incident's source.
    published
        The report's publication date: relative dates ("on Tuesday",
        "yesterday", "31 May") are resolved against it; without it they stay
        unknown.

    Returns
    -------
    list of Incident
        One per incident, in the order the text first reports them, each with
        its source (url, published, the sentence quoted).

    Raises
    ------
    DocumentError
        For a text longer than MAX_TEXT_CHARS or a url that is not http(s).
    """
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(
            f"text of {len(text):,} characters is too long (at most {MAX_TEXT_CHARS:,})"
        )
    source = Source(url=check_url(url), published=published)
    cleaned = clean_text(text)
    reference = published or anchor_date(cleaned)
    found = [
        replace(item, date=item.date or (None if item.undated else published))
        for item in _merge_document(_document_found(cleaned, reference))
    ]
    return [_incident(item, source) for item in found]


def extract_document(document: Document) -> list[Incident]:
    """Extract the candidate incidents of a parsed document (see :func:`extract_incidents`)."""
    return extract_incidents(document.text, url=document.url, published=document.published)


def extract_frame(
    text: str, *, url: str | None = None, published: dt.date | None = None
) -> gpd.GeoDataFrame:
    """Extract candidate incidents as an incident GeoDataFrame (EPSG:4326)."""
    return incidents_to_frame(extract_incidents(text, url=url, published=published))


# -- corroboration -------------------------------------------------------------------------


def _same_place(first: Incident, second: Incident) -> bool:
    """Tell whether two incidents' places agree: within MERGE_DISTANCE_M, or one country."""
    if first.point is not None and second.point is not None:
        assert first.lon is not None and first.lat is not None
        assert second.lon is not None and second.lat is not None
        distance = _GEOD.inv(first.lon, first.lat, second.lon, second.lat)[2]
        return bool(distance <= MERGE_DISTANCE_M)
    if first.point is None and second.point is None:
        country_level = LocationPrecision.COUNTRY
        return (
            first.location_precision == country_level == second.location_precision
            and first.country is not None
            and first.country == second.country
        )
    return False


def merge_corroborated(incidents: Iterable[Incident]) -> list[Incident]:
    """Merge incidents from different reports that agree on type, place and date.

    Two incidents agree when they have the same event type, the same date
    (both known), and places within MERGE_DISTANCE_M of each other or the same
    country-level place. The merged incident keeps the first one's place,
    fills its missing date-independent values (people, boats) from the others
    and lists every source; its id is derived anew from what it reports.
    """
    kept: list[Incident] = []
    by_key: dict[tuple[EventType, dt.date], list[int]] = {}
    for incident in incidents:
        if incident.date is None:
            kept.append(incident)
            continue
        slots = by_key.setdefault((incident.event_type, incident.date), [])
        at = next((i for i in slots if _same_place(kept[i], incident)), None)
        if at is None:
            slots.append(len(kept))
            kept.append(incident)
        else:
            kept[at] = _corroborate(kept[at], incident)
    return kept


def _corroborate(kept: Incident, other: Incident) -> Incident:
    """Return ``kept`` with ``other``'s sources added and its missing counts filled."""
    known = {(s.url, s.quote) for s in kept.sources}
    sources = [*kept.sources, *(s for s in other.sources if (s.url, s.quote) not in known)]
    fields = kept.model_dump(exclude={"id", "sources"})
    fields["people"] = kept.people if kept.people is not None else other.people
    fields["boats"] = kept.boats if kept.boats is not None else other.boats
    return Incident.model_validate({**fields, "sources": sources[:100]})
