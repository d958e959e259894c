"""Incidents from report text: event types, places, dates, counts, filters, merging, hostile input.

Every report here is written for these tests; none is taken from a real article.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo.extract._pipeline
from geo.errors import DocumentError
from geo.extract import (
    MAX_TEXT_CHARS,
    extract_frame,
    extract_incidents,
    merge_corroborated,
    parse_document,
)
from geo.model import CRS, Incident
from geo.vocabulary import EventType, LocationPrecision, LocationRole

# A Thursday: relative dates below resolve against it.
PUBLISHED = dt.date(2024, 3, 14)
URL = "https://news.example.org/channel/report-1"


def _one(text: str, published: dt.date | None = PUBLISHED) -> Incident:
    incidents = extract_incidents(text, url=URL, published=published)
    assert len(incidents) == 1, [(i.event_type, i.place_name) for i in incidents]
    return incidents[0]


# -- event types, places and roles ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "place_id", "role"),
    [
        (
            "Early on Monday about 45 people pushed an inflatable boat into the water from the "
            "beach at Wissant.",
            EventType.LAUNCH,
            "lm:plage-de-wissant",
            LocationRole.DEPARTURE,
        ),
        (
            "On Monday dozens of people waded out and boarded a taxi boat off Hardelot.",
            EventType.EMBARKATION,
            "lm:plage-d-hardelot",
            LocationRole.PICKUP,
        ),
        (
            "Gendarmes intercepted 38 migrants on the beach at Sangatte on Monday.",
            EventType.INTERCEPTION,
            "lm:plage-de-sangatte",
            LocationRole.INTERCEPTION,
        ),
        (
            "A lifeboat crew rescued 52 people off Dunkirk on Monday after their engine failed.",
            EventType.RESCUE,
            "geonames:3020686",
            LocationRole.RESCUE,
        ),
        (
            "A Border Force cutter brought 61 people into the Port of Dover on Monday.",
            EventType.ARRIVAL,
            "lm:port-of-dover",
            LocationRole.DISEMBARKATION,
        ),
        (
            "A deflated dinghy and abandoned life jackets were found on the beach at Wimereux "
            "on Monday.",
            EventType.DEBRIS,
            "lm:plage-de-wimereux",
            LocationRole.FOUND,
        ),
        (
            "One man died off Gravelines on Monday when a crowded boat was caught by a wave.",
            EventType.DEATH,
            "geonames:3014816",
            LocationRole.FOUND,
        ),
        (
            "A small boat with about 30 people was spotted off Cap Gris-Nez on Monday.",
            EventType.SIGHTING,
            "lm:cap-gris-nez",
            LocationRole.REPORTED,
        ),
        # French reports
        (
            "Lundi, une embarcation a pris la mer depuis la plage de Malo-les-Bains.",
            EventType.LAUNCH,
            "lm:plage-de-malo-les-bains",
            LocationRole.DEPARTURE,
        ),
        (
            "Lundi, 40 migrants ont été secourus au large de Boulogne-sur-Mer.",
            EventType.RESCUE,
            "geonames:3031133",
            LocationRole.RESCUE,
        ),
        (
            "Lundi, 25 personnes ont été interceptées sur la plage de Wissant par les gendarmes.",
            EventType.INTERCEPTION,
            "lm:plage-de-wissant",
            LocationRole.INTERCEPTION,
        ),
        (
            "Lundi, 70 personnes ont débarqué à Douvres après la traversée.",
            EventType.ARRIVAL,
            "geonames:2651048",
            LocationRole.DISEMBARKATION,
        ),
        (
            "Lundi, des exilés sont montés à bord d'un bateau-taxi au large de Hardelot.",
            EventType.EMBARKATION,
            "lm:plage-d-hardelot",
            LocationRole.PICKUP,
        ),
    ],
)
def test_each_event_type_gets_its_place_and_role(
    text: str, event_type: EventType, place_id: str, role: LocationRole
) -> None:
    incident = _one(text)
    assert incident.event_type == event_type
    assert incident.place_id == place_id
    assert incident.location_role == role
    assert incident.date == dt.date(2024, 3, 11)
    assert incident.lon is not None and incident.lat is not None
    assert incident.country in ("FR", "GB")


def test_source_quotes_the_sentence_with_url_and_date() -> None:
    text = (
        "The weather stayed calm all week. Coastguards rescued 18 people off Wimereux on "
        "Tuesday. Officials declined to comment."
    )
    incident = _one(text)
    (source,) = incident.sources
    assert source.url == URL and source.published == PUBLISHED
    assert source.quote == "Coastguards rescued 18 people off Wimereux on Tuesday."
    assert incident.place_name == "off Wimereux"
    assert incident.location_precision == LocationPrecision.AREA
    assert incident.uncertainty_m is not None and incident.uncertainty_m > 0


def test_pickup_off_a_beach_is_placed_at_the_shore_and_a_rescue_at_sea() -> None:
    pickup = _one("On Monday people boarded a taxi boat off Wissant.")
    rescue = _one("On Monday 20 people were rescued off Wissant.")
    assert pickup.location_precision == LocationPrecision.SITE
    assert rescue.location_precision == LocationPrecision.AREA
    assert rescue.lon is not None and pickup.lon is not None and rescue.lon < pickup.lon


def test_destination_is_not_where_a_launch_happened() -> None:
    incident = _one("On Monday a dinghy bound for Dover set off from the beach at Wissant.")
    assert incident.event_type == EventType.LAUNCH
    assert incident.country == "FR" and incident.place_id == "lm:plage-de-wissant"


def test_arrivals_without_a_place_are_in_the_united_kingdom() -> None:
    incident = _one("On Monday 212 people crossed the Channel in five boats, officials said.")
    assert incident.event_type == EventType.ARRIVAL
    assert incident.country == "GB" and incident.point is None
    assert incident.location_precision == LocationPrecision.COUNTRY
    assert (incident.people, incident.boats) == (212, 5)


def test_interception_by_french_police_without_a_place_is_in_france() -> None:
    incident = _one("On Monday French police stopped 31 people in two boats.")
    assert incident.event_type == EventType.INTERCEPTION
    assert incident.country == "FR" and incident.point is None


def test_places_joined_by_and_are_one_incident_each() -> None:
    incidents = extract_incidents(
        "On Monday boats left the beaches of Gravelines and Bray-Dunes.", published=PUBLISHED
    )
    assert {i.place_id for i in incidents} == {"lm:plage-de-gravelines", "lm:plage-de-bray-dunes"}
    assert all(i.event_type == EventType.LAUNCH for i in incidents)


def test_a_place_qualified_by_near_is_not_a_second_place() -> None:
    incident = _one("On Monday 19 people were rescued off Audresselles, near Wimereux.")
    assert incident.place_id == "geonames:3036233"


def test_sentence_without_place_borrows_the_previous_sentences_scene() -> None:
    text = (
        "Police fired tear gas on the beach at Hardelot on Monday. "
        "About 60 people were later picked up by a taxi boat."
    )
    incidents = extract_incidents(text, published=PUBLISHED)
    assert {i.event_type for i in incidents} == {EventType.INTERCEPTION, EventType.EMBARKATION}
    assert {i.place_id for i in incidents} == {"lm:plage-d-hardelot"}
    assert {i.date for i in incidents} == {dt.date(2024, 3, 11)}


def test_lede_count_joins_the_incident_placed_next() -> None:
    text = (
        "Three people have died trying to reach England. "
        "Their bodies were recovered off Le Portel on Sunday."
    )
    incident = _one(text)
    assert incident.event_type == EventType.DEATH
    assert incident.people == 3
    assert incident.place_id == "geonames:3002551"


def test_a_sentence_saying_where_it_happened_places_the_lede() -> None:
    text = "Two people died trying to reach England on Sunday. The tragedy happened off Wissant."
    incident = _one(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, 2)
    assert incident.place_id == "geonames:2967326" and incident.date == dt.date(2024, 3, 10)


def test_hospital_town_is_not_where_a_rescue_happened() -> None:
    text = (
        "A boat capsized off Wimereux on Monday. "
        "Rescuers saved 21 people and took them to hospital in Boulogne-sur-Mer."
    )
    incident = _one(text)
    assert incident.event_type == EventType.RESCUE
    assert incident.place_id == "geonames:2967351"


def test_tally_reported_by_authorities_is_placed_in_the_country() -> None:
    text = (
        "Police fired tear gas on the beach at Hardelot on Monday. "
        "French authorities said they had prevented 140 people from crossing on Monday."
    )
    incidents = extract_incidents(text, published=PUBLISHED)
    tally = next(i for i in incidents if i.people == 140)
    assert tally.event_type == EventType.INTERCEPTION
    assert (tally.country, tally.point) == ("FR", None)


def test_deaths_away_from_boats_are_not_incidents() -> None:
    text = "A man was found dead in a camp at Grande-Synthe on Monday, prosecutors said."
    assert extract_incidents(text, published=PUBLISHED) == []


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Tuesday", dt.date(2024, 3, 12)),
        ("on Thursday", dt.date(2024, 3, 14)),  # the publication day itself
        ("on Friday", dt.date(2024, 3, 8)),
        ("last Thursday", dt.date(2024, 3, 7)),
        ("this morning", dt.date(2024, 3, 14)),
        ("yesterday", dt.date(2024, 3, 13)),
        ("on May 31", dt.date(2023, 5, 31)),  # the latest May 31 not after publication
        ("on 2 March", dt.date(2024, 3, 2)),
        ("on 2 March 2022", dt.date(2022, 3, 2)),
        ("on 2024-01-09", dt.date(2024, 1, 9)),
    ],
)
def test_relative_and_absolute_dates_resolve_against_publication(
    phrase: str, expected: dt.date
) -> None:
    assert _one(f"Coastguards rescued 14 people off Calais {phrase}.").date == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("mardi", dt.date(2024, 3, 12)),
        ("mardi dernier", dt.date(2024, 3, 12)),
        ("hier", dt.date(2024, 3, 13)),
        ("ce matin", dt.date(2024, 3, 14)),
        ("le 3 mars", dt.date(2024, 3, 3)),
        ("dans la nuit de mardi à mercredi", dt.date(2024, 3, 13)),
    ],
)
def test_french_dates(phrase: str, expected: dt.date) -> None:
    assert _one(f"Des migrants ont été secourus au large de Calais {phrase}.").date == expected


def test_relative_dates_without_publication_date_stay_unknown() -> None:
    incident = _one("Coastguards rescued 14 people off Calais on Tuesday.", published=None)
    assert incident.date is None
    dated = _one("Coastguards rescued 14 people off Calais on 3 March 2024.", published=None)
    assert dated.date == dt.date(2024, 3, 3)


def test_a_report_without_a_date_reports_the_day_it_is_published() -> None:
    assert _one("Coastguards rescued 14 people off Calais.").date == PUBLISHED
    assert _one("Coastguards rescued 14 people off Calais.", published=None).date is None


# -- counts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "people", "boats"),
    [
        ("412 people arrived in 9 boats", 412, 9),
        ("dozens of people arrived", None, None),
        ("as many as 150 people arrived", 150, None),
        ("around 1,200 people arrived", 1200, None),
        ("more than 600 migrants arrived", 600, None),
        ("fifty-five people arrived in three boats", 55, 3),
        ("seventeen people arrived in a dinghy", 17, 1),
    ],
)
def test_counts_of_people_and_boats(clause: str, people: int | None, boats: int | None) -> None:
    incident = _one(f"On Monday {clause} in Dover.")
    assert (incident.people, incident.boats) == (people, boats)


def test_a_further_n_counts_people() -> None:
    text = "On Monday 80 people arrived in Dover. French police stopped a further 27 in two boats."
    incidents = extract_incidents(text, published=PUBLISHED)
    interception = next(i for i in incidents if i.event_type == EventType.INTERCEPTION)
    assert (interception.people, interception.boats) == (27, 2)
    assert interception.date == dt.date(2024, 3, 11)  # the date of the sentence before


def test_count_closest_to_the_cue_is_the_incidents() -> None:
    incident = _one("On Monday a dinghy carrying 40 people capsized off Calais and 6 people died.")
    assert incident.event_type == EventType.DEATH and incident.people == 6


def test_french_counts() -> None:
    incident = _one("Lundi, une cinquantaine de migrants ont été secourus au large de Calais.")
    assert incident.people == 50


# -- what is not an incident -----------------------------------------------------------------


def test_report_without_incident_gives_nothing() -> None:
    text = (
        "The regional council met on Thursday to discuss the budget for coastal footpaths.\n"
        "Several councillors from Calais and Dunkirk asked for more cycle lanes."
    )
    assert extract_incidents(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Police deploy 700 officers a day along the coast of Calais.",
        "Last year almost 30,000 people crossed the Channel in small boats.",
        "So far this year more than 11,000 people have arrived in Dover.",
        "Only about a third of attempts from Gravelines were stopped this year.",
        "The daily record of 1,300 arrivals in Dover was set in 2022.",
        "The minister pledged to stop the boats leaving Wissant within a year.",
        "New rules would allow officers to intercept dinghies off Calais.",
        "Smugglers continue to launch boats from the beach at Wimereux.",
        "Crossings from Boulogne-sur-Mer rose by 20 per cent on the previous summer.",
        "Depuis le début de l'année, 5 000 personnes ont été secourues au large de Calais.",
        "The group was about to board a dinghy off Wissant when officers arrived.",
        "Forty-five people were picked up off Hythe in just three days.",
        "Une centaine d'exilés ont été secourus au large de Calais en à peine deux jours.",
    ],
)
def test_statistics_and_policy_are_not_incidents(sentence: str) -> None:
    assert extract_incidents(sentence, published=PUBLISHED) == []


def test_vague_mention_without_date_or_count_at_country_level_is_dropped() -> None:
    assert extract_incidents("Boats set off from France.", published=PUBLISHED) == []


def test_repeated_caption_counts_once() -> None:
    caption = "Volunteers helped 23 people ashore after a rescue off Wissant on Monday"
    text = "\n\n".join(
        [
            f"{caption}.",
            "The charity said the group was cold but unhurt.",
            caption,
            f"{caption}.",
            "  Volunteers helped 23 people ashore after a rescue off WISSANT on Monday!",
        ]
    )
    incidents = extract_incidents(text, url=URL, published=PUBLISHED)
    assert len(incidents) == 1
    assert len(incidents[0].sources) == 1


def test_same_incident_described_twice_in_one_report_is_merged() -> None:
    text = (
        "On Monday 34 people were rescued off Calais. "
        "The French navy said the rescue off Calais involved a patrol boat and 34 people were "
        "taken to Boulogne-sur-Mer."
    )
    assert len(extract_incidents(text, published=PUBLISHED)) == 1


def test_mediterranean_incident_is_never_placed_on_the_channel_coast() -> None:
    text = (
        "Off Lampedusa, Italian coastguards rescued 85 people on Monday.\n"
        "Twelve people died when their boat sank in the Mediterranean on Monday.\n"
        "Seven people drowned off the coast of Libya on Monday."
    )
    incidents = extract_incidents(text, published=PUBLISHED)
    assert {(i.event_type, i.country) for i in incidents} == {
        (EventType.RESCUE, "IT"),
        (EventType.DEATH, None),
        (EventType.DEATH, "LY"),
    }
    assert all(i.point is None for i in incidents)


def test_far_away_names_do_not_fuzzy_match_channel_places() -> None:
    incidents = extract_incidents(
        "On Monday 40 people were rescued off Lesbos in the Aegean.", published=PUBLISHED
    )
    assert [i.country for i in incidents] == ["GR"]
    assert incidents[0].point is None


# -- corroboration ---------------------------------------------------------------------------


def test_reports_that_agree_are_merged_listing_every_source() -> None:
    first = extract_incidents(
        "Coastguards rescued 44 people off Wimereux on Tuesday.",
        url="https://news.example.org/a",
        published=PUBLISHED,
    )
    second = extract_incidents(
        "Mardi, 44 migrants ont été secourus au large de Wimereux.",
        url="https://journal.example.fr/b",
        published=PUBLISHED,
    )
    other_day = extract_incidents(
        "Coastguards rescued 12 people off Wimereux on Monday.",
        url="https://news.example.org/c",
        published=PUBLISHED,
    )
    merged = merge_corroborated([*first, *second, *other_day])
    assert len(merged) == 2
    tuesday = next(i for i in merged if i.date == dt.date(2024, 3, 12))
    assert {s.url for s in tuesday.sources} == {
        "https://news.example.org/a",
        "https://journal.example.fr/b",
    }
    assert tuesday.id not in {first[0].id, second[0].id}


def test_country_level_reports_of_one_day_are_corroborated() -> None:
    first = extract_incidents(
        "On Tuesday 300 people arrived in the UK.", url=URL, published=PUBLISHED
    )
    second = extract_incidents(
        "Mardi, 300 personnes ont atteint le Royaume-Uni.",
        url="https://journal.example.fr/c",
        published=PUBLISHED,
    )
    merged = merge_corroborated([*first, *second])
    assert len(merged) == 1 and len(merged[0].sources) == 2


def test_places_more_than_two_km_apart_are_not_corroborated() -> None:
    calais = extract_incidents(
        "Police intercepted 20 people at Calais on Tuesday.", published=PUBLISHED
    )
    sangatte = extract_incidents(
        "Police intercepted 20 people at Sangatte on Tuesday.", published=PUBLISHED
    )
    assert len(merge_corroborated([*calais, *sangatte])) == 2


# -- documents, frames and ids ---------------------------------------------------------------


def test_parse_document_reads_the_header() -> None:
    document = parse_document(
        "URL: https://example.org/x\nPUBLISHED: 2024-03-14\n\nFirst line.\nSecond line."
    )
    assert document.url == "https://example.org/x"
    assert document.published == dt.date(2024, 3, 14)
    assert document.text == "First line.\nSecond line."


@pytest.mark.parametrize("raw", ["Just text.\nMore text.", "\ufeffJust text.\nMore text."])
def test_parse_document_without_header_is_all_text(raw: str) -> None:
    document = parse_document(raw)
    assert (document.url, document.published) == (None, None)
    assert document.text == "Just text.\nMore text."


def test_parse_document_unknown_date_is_none() -> None:
    assert parse_document("PUBLISHED: unknown\n\nText.").published is None


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ("PUBLISHED: 14/03/2024\n\nText.", "'14/03/2024'"),
        ("URL: www.example.org\n\nText.", "'www.example.org'"),
    ],
)
def test_parse_document_names_a_bad_header_value_and_line(raw: str, named: str) -> None:
    with pytest.raises(DocumentError, match=f"report.txt, line 1: .*{named}"):
        parse_document(raw, source="report.txt")


def test_bad_url_is_refused_naming_it() -> None:
    with pytest.raises(DocumentError, match="javascript:alert"):
        extract_incidents("Text.", url="javascript:alert(1)")


def test_extract_frame_is_an_incident_geodataframe() -> None:
    frame = extract_frame(
        "Coastguards rescued 14 people off Calais on Tuesday.", published=PUBLISHED
    )
    assert frame.crs == CRS and len(frame) == 1
    assert frame.iloc[0]["event_type"] == "rescue"


def test_same_report_twice_gives_the_same_ids() -> None:
    text = "Coastguards rescued 14 people off Calais on Tuesday."
    first = extract_incidents(text, url=URL, published=PUBLISHED)
    again = extract_incidents(text, url=URL, published=PUBLISHED)
    assert [i.id for i in first] == [i.id for i in again]


# -- hostile input ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n\t  ", "\x00\x01\x02"])
def test_empty_text_gives_no_incident(text: str) -> None:
    assert extract_incidents(text) == []


def test_binary_bytes_decoded_with_replacement_do_not_crash() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(200_000)).decode("utf-8", errors="replace")
    report = "Coastguards rescued 14 people off Calais on Tuesday."
    incidents = extract_incidents(garbage + "\n" + report + "\n" + garbage, published=PUBLISHED)
    assert [i.event_type for i in incidents] == [EventType.RESCUE]


def _any_of(*options: str) -> st.SearchStrategy[str]:
    """One of ``options`` or nothing."""
    return st.sampled_from(["", *options])


WEEKDAY = _any_of("jeudi", "vendredi", "dimanche", "Sunday", "Monday")
DAY = _any_of("1er", "14", "15", "31st")
MONTH = _any_of("mars", "décembre", "March")
# A date phrase as reports build them, every part optional: a night cut off after "à", a
# weekday with no day, a day with no month all come out of it.
DATE_PHRASE = st.tuples(
    _any_of("dans la nuit du", "la nuit de", "the night of", "overnight from", "last", "this"),
    WEEKDAY,
    DAY,
    MONTH,
    _any_of("à", "au", "to", "-"),
    _any_of("le", "ce", "the previous"),
    WEEKDAY,
    DAY,
    MONTH,
    _any_of("2023", "dernier", "précédent", "la veille", "yesterday", "ce matin"),
).map(" ".join)
EVENT_CLAUSE = st.tuples(
    _any_of("30 migrants", "une trentaine de personnes", "more than 40 people", "between 4 and 5"),
    _any_of("dont 5 enfants", "ont été secourus", "were rescued", "died", "sont morts"),
    _any_of("au large de", "off", "près de la plage de", "le CROSS Gris-Nez a coordonné"),
    _any_of("Calais", "Dover", "Wimereux", "Gris-Nez"),
).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sentences=st.lists(st.tuples(DATE_PHRASE, EVENT_CLAUSE), min_size=1, max_size=3),
    published=st.one_of(st.none(), st.dates(dt.date(2018, 1, 1), dt.date(2026, 12, 31))),
)
def test_any_date_phrase_and_event_is_read_without_error(
    sentences: list[tuple[str, str]], published: dt.date | None
) -> None:
    text = " ".join(f"{date}, {event}." for date, event in sentences)
    incidents = extract_incidents(text, url=URL, published=published)
    assert all(0 <= incident.confidence <= 1 for incident in incidents)


def test_html_markup_is_stripped_and_scripts_dropped() -> None:
    html = (
        "<html><head><title>Channel</title><style>p { color: red }</style>"
        "<script>var s = 'Coastguards rescued 99 people off Dunkirk on Monday.';</script></head>"
        "<body><p>Coastguards <b>rescued</b> 14 people off Calais on Tuesday.</p>"
        "<p>Officials said &quot;all were safe&quot;.</p></body></html>"
    )
    incidents = extract_incidents(html, published=PUBLISHED)
    assert len(incidents) == 1
    assert incidents[0].people == 14
    assert incidents[0].sources[0].quote == "Coastguards rescued 14 people off Calais on Tuesday."


def test_ten_megabytes_finish_in_linear_time() -> None:
    article = (
        "Coastguards rescued 14 people off Calais on Tuesday. The weather was calm. "
        "Ministers met in London to discuss the budget for next year.\n"
    )
    filler = "Lorem ipsum dolor sit amet, Consectetur Adipiscing elit sed do eiusmod. " * 20
    unit = article + filler + "\n"
    text = (unit * (10_000_000 // len(unit) + 1))[:10_000_000]
    started = time.perf_counter()
    incidents = extract_incidents(text, published=PUBLISHED)
    assert time.perf_counter() - started < 60
    assert len(incidents) == 1


def test_text_longer_than_the_limit_is_refused_with_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(geo.extract._pipeline, "MAX_TEXT_CHARS", 1_000)
    with pytest.raises(DocumentError, match="1,001 characters is too long"):
        extract_incidents("x" * 1_001)
    assert MAX_TEXT_CHARS >= 10_000_000
