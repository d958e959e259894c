"""Reading reports as a reader would: roles of places, several events, dates, counts, types.

Each kind of error real reports led the extractor into has a short report
here, written for these tests in their own words; none is taken from an
article.
"""

from __future__ import annotations

import datetime as dt

import pyproj
import pytest

from geo.extract import extract_incidents
from geo.extract._cues import event_cue
from geo.model import Incident
from geo.vocabulary import EventType, LocationPrecision, ReviewStatus

# A Thursday: relative dates resolve against it.
PUBLISHED = dt.date(2024, 3, 14)


def _read(text: str, published: dt.date | None = PUBLISHED) -> list[Incident]:
    return extract_incidents(text, url="https://news.example.org/a", published=published)


def _kinds(incidents: list[Incident]) -> list[tuple[str, str | None, int | None]]:
    return [(i.event_type.value, i.place_name, i.people) for i in incidents]


def _read_as(incident: Incident) -> tuple[EventType, str | None, int | None]:
    """What most readings check of an incident: its type, its place as written, its people."""
    return (incident.event_type, incident.place_name, incident.people)


def _only(text: str, published: dt.date | None = PUBLISHED) -> Incident:
    incidents = _read(text, published)
    assert len(incidents) == 1, _kinds(incidents)
    return incidents[0]


def _only_rescue(text: str, place: str, people: int) -> Incident:
    """Read a report of one rescue and check its count and that its place names ``place``."""
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, people)
    assert incident.place_name is not None and place in incident.place_name
    return incident


# -- organisations and landing ports are not where incidents happen -------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Le CROSS Gris-Nez a coordonné le sauvetage de 40 personnes au large de Wimereux.",
            "Wimereux",
        ),
        ("La SNSM de Calais a secouru 12 migrants au large d'Ambleteuse.", "Ambleteuse"),
        ("The Dover lifeboat rescued 20 people off Folkestone.", "Folkestone"),
        (
            "Les 25 migrants secourus au large de Gravelines ont été déposés au port de Dunkerque.",
            "Gravelines",
        ),
        ("Coastguards rescued 18 people off Wimereux. They were taken to Calais.", "Wimereux"),
        (
            "Le préfet du Nord a indiqué que 15 migrants avaient été interceptés sur la plage de "
            "Bray-Dunes.",
            "Bray-Dunes",
        ),
    ],
)
def test_rescue_centres_lifeboat_stations_titles_and_landing_ports_are_not_incident_places(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    ("text", "place", "landing"),
    [
        # a port the rescued were carried to ("transportés"), after the rescue was placed
        (
            "La vedette a porté secours à une embarcation en panne au large d'Hardelot. Ses 17 "
            "occupants ont été secourus et transportés à Boulogne-sur-Mer.",
            "Hardelot",
            "Boulogne",
        ),
        # how the people were, told between commas before the port they were brought to
        (
            "Un canot a chaviré mardi au large de Wimereux. Les 12 naufragés, secourus par la "
            "SNSM, sont amenés, épuisés et en légère hypothermie, au port de Boulogne.",
            "Wimereux",
            "Boulogne",
        ),
        # where a body is examined after it was found
        (
            "Un corps a été découvert mardi sur la plage de Wimereux. Le corps va être autopsié "
            "à l'unité médico-judiciaire de Boulogne.",
            "Wimereux",
            "Boulogne",
        ),
        (
            "Le corps d'un homme a été retrouvé mardi sur la plage de Wissant. Le corps sera "
            "examiné à l'institut médico-légal de Calais.",
            "Wissant",
            "Calais",
        ),
    ],
)
def test_where_people_or_a_body_were_carried_afterwards_adds_no_incident(
    text: str, place: str, landing: str
) -> None:
    incident = _only(text)
    assert incident.place_name is not None and place in incident.place_name
    assert landing not in incident.place_name


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a boat "transportant" its people is no landing: the rescue stays off the town
        (
            "Un bateau transportant 40 migrants a été secouru mardi au large de Boulogne.",
            "Boulogne",
        ),
        ("Le corps d'un migrant a été retrouvé lundi sur la plage de Calais.", "Calais"),
        ("A boat carrying 30 people was rescued off Boulogne on Monday.", "Boulogne"),
    ],
)
def test_a_rescue_off_a_town_or_a_body_on_its_beach_stays_at_that_town(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the Escaut (Scheldt) is a river in the gazetteer; here it is the name of the boat
        ("La VCSM Escaut a récupéré 12 personnes à la dérive.", "Escaut"),
        (
            "La vedette côtière de surveillance maritime Escaut a récupéré 12 personnes à la "
            "dérive.",
            "Escaut",
        ),
        # a town after a title with words between: where the official or the service sits
        (
            "Le migrant décédé venait du Soudan, précise le procureur adjoint de Boulogne-sur-Mer.",
            "Boulogne",
        ),
        (
            "The man who died had travelled alone, according to a prosecutor of the nearby town of "
            "Boulogne-sur-Mer.",
            "Boulogne",
        ),
        (
            "Le CROSS a prévenu le SAMU de coordination maritime du Havre, pendant que "
            "l'hélicoptère récupère 12 naufragés.",
            "Havre",
        ),
        # "Moon" is a place in the gazetteer; after "by" or "par" it is part of the ship's name
        ("Vingt naufragés ont été récupérés par le Silver Moon dans la nuit de lundi.", "Moon"),
        ("Twelve people were picked up by the Silver Moon, a cargo ship, overnight.", "Moon"),
        # where people were questioned afterwards
        (
            "Les gendarmes ont pris en charge 30 migrants pour les entendre à Coquelles.",
            "Coquelles",
        ),
    ],
)
def test_a_boat_an_office_or_where_people_were_taken_afterwards_is_no_place(
    text: str, name: str
) -> None:
    assert all(name not in (incident.place_name or "") for incident in _read(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "On Sunday a Calais charity said 50 migrants were stopped by police as they tried to "
            "leave the French coast.",
            "Calais",
        ),
        (
            "Folkestone MP John Doe said 50 migrants were stopped by police on Sunday as they "
            "tried to leave the French coast.",
            "Folkestone",
        ),
    ],
)
def test_a_town_naming_a_charity_or_an_mp_is_not_a_place_of_the_event(text: str, town: str) -> None:
    assert all(town not in (incident.place_name or "") for incident in _read(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Two men died on Sunday, according to the prosecutor for the northern French port "
            "city of Dunkirk.",
            "Dunkirk",
        ),
        (
            "Ramsgate all-weather lifeboat and Margate inshore lifeboat were sent on Sunday to a "
            "dinghy in the Channel where 60 people were rescued.",
            "Margate",
        ),
    ],
)
def test_an_office_or_a_lifeboat_named_by_its_town_with_words_between_is_not_a_place(
    text: str, town: str
) -> None:
    assert all(town not in (incident.place_name or "") for incident in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Monday rescue boats set sail from the ports of Dunkirk and Calais to reach a dinghy.",
        "The emergency services immediately set off from Gravelines to help a small boat.",
        "Mardi, les secours sont partis du port de Calais pour porter assistance à un canot.",
        "Les sauveteurs ont quitté le port de Boulogne-sur-Mer pour rejoindre une embarcation.",
    ],
)
def test_where_rescuers_set_out_from_is_no_launch(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police said the group had set sail from Gravelines before dawn on Monday.", "Gravelines"),
        ("Selon les secours, l'embarcation était partie de Wissant avec 50 personnes.", "Wissant"),
    ],
)
def test_a_boat_that_rescuers_say_set_out_from_a_place_was_launched_there(
    text: str, place: str
) -> None:
    launches = [i for i in _read(text) if i.event_type is EventType.LAUNCH]
    assert [place in (i.place_name or "") for i in launches] == [True]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("On Sunday 40 people were rescued off Dungeness by lifeboat crews.", EventType.RESCUE),
        ("On Sunday 40 people landed at Dungeness as lifeboats stood by.", EventType.ARRIVAL),
    ],
)
def test_a_place_before_a_word_and_a_lifeboat_is_still_the_place(
    text: str, event_type: EventType
) -> None:
    incident = _only(text)
    assert incident.event_type is event_type and "Dungeness" in (incident.place_name or "")


@pytest.mark.parametrize(
    "rescue_words",
    ["ont été pris en charge", "ont été secourus"],
)
def test_people_taken_in_then_told_intercepted_were_stopped_not_rescued(rescue_words: str) -> None:
    text = (
        f"Quarante migrants {rescue_words} samedi à Wissant et Audresselles. "
        "Quinze ont été interceptés à Wissant, tandis que vingt-cinq autres ont été "
        "interceptés à Audresselles."
    )
    read = sorted((i.event_type, i.place_name, i.people) for i in _read(text))
    # 'pris en charge' only says they were taken in: the interception says how;
    # 'secourus' tells a rescue in its own words, and the first telling stays
    told = EventType.INTERCEPTION if "pris" in rescue_words else EventType.RESCUE
    assert read == [(told, "Audresselles", 25), (told, "Wissant", 15)]


def test_a_beach_of_the_commune_of_a_town_is_that_town_s_beach() -> None:
    text = "Lundi, un corps a été découvert sur une plage de la commune de Dannes."
    body, beach = _only(text), _only("Lundi, un corps a été découvert sur une plage de Dannes.")
    assert (body.lon, body.lat, body.location_precision) == (
        beach.lon,
        beach.lat,
        LocationPrecision.SITE,
    )


def test_people_landed_in_england_arrived_there_and_the_stop_at_sea_adds_nothing() -> None:
    incident = _only(
        "Border Force intercepted 30 people in the Channel and brought them ashore at Dover."
    )
    assert _read_as(incident) == (EventType.ARRIVAL, "Dover", 30)


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # how the people came to be where they were stopped, in the pluperfect
        (
            "Mardi, 20 migrants ont été interpellés sur la plage de Wissant. Ils avaient pris la "
            "mer dans la nuit, mais leur moteur est tombé en panne.",
            EventType.INTERCEPTION,
            "Wissant",
        ),
        (
            "On Tuesday, 20 migrants were detained on the beach at Wissant. They had set off "
            "overnight, but their engine failed.",
            EventType.INTERCEPTION,
            "Wissant",
        ),
        # departures told after a rescue at sea: no boat sets out off a town
        (
            "Quarante migrants ont été secourus mardi au large de Gravelines. De nombreux départs "
            "d'embarcations ont été signalés dans la matinée.",
            EventType.RESCUE,
            "Gravelines",
        ),
    ],
)
def test_a_launch_told_without_a_place_takes_none_from_a_stop_or_a_rescue_at_sea(
    text: str, kind: EventType, place: str
) -> None:
    incident = _only(text)
    assert incident.event_type is kind
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "Mardi matin, 30 migrants ont pris la mer à Wissant. Ils ont été secourus plus tard.",
        "Mardi, 20 migrants ont été interpellés à Wissant. Ils avaient pris la mer depuis la plage "
        "de Sangatte.",
    ],
)
def test_a_launch_with_its_own_place_stays_a_launch(text: str) -> None:
    launches = [i for i in _read(text) if i.event_type is EventType.LAUNCH]
    assert len(launches) == 1
    assert launches[0].place_name is not None
    assert any(town in launches[0].place_name for town in ("Wissant", "Sangatte"))


def test_a_boat_that_left_a_beach_before_its_rescue_is_a_launch_there_too() -> None:
    incidents = _read(
        "Une embarcation partie de Wissant a été secourue au large de Wimereux avec 20 personnes."
    )
    kinds = {(i.event_type, (i.place_name or "").split()[-1]) for i in incidents}
    assert kinds == {(EventType.LAUNCH, "Wissant"), (EventType.RESCUE, "Wimereux")}


# -- several events in one sentence, lists of beaches ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three people died and 40 were rescued off Wimereux.",
        "Trois personnes sont mortes et 40 ont été secourues au large de Wimereux.",
    ],
)
def test_deaths_and_rescues_of_one_sentence_are_two_incidents_at_its_place(text: str) -> None:
    incidents = _read(text)
    assert sorted((i.event_type.value, i.people) for i in incidents) == [
        ("death", 3),
        ("rescue", 40),
    ]
    assert all("Wimereux" in (i.place_name or "") for i in incidents)


def test_two_counts_at_two_places_are_two_incidents_never_summed() -> None:
    incidents = _read("Thirty people were rescued off Calais and 40 off Dunkirk.")
    assert sorted((i.place_name, i.people) for i in incidents) == [
        ("off Calais", 30),
        ("off Dunkirk", 40),
    ]


def test_a_list_of_beaches_is_one_launch_each_without_sharing_out_a_count() -> None:
    incidents = _read(
        "Mardi, 120 personnes sont parties des plages de Gravelines, Oye-Plage et Wissant."
    )
    assert [i.event_type for i in incidents] == [EventType.LAUNCH] * 3
    assert {i.people for i in incidents} == {None}
    assert all(i.date == dt.date(2024, 3, 12) for i in incidents)


def test_a_paragraph_that_lost_its_full_stop_still_ends_its_sentence() -> None:
    """Scraped pages drop a paragraph's last full stop: "… dans un communiqué Le moteur …"."""
    text = (
        "Mercredi, 20 migrants ont été secourus à Oye-Plage, selon un communiqué Le moteur de "
        "leur canot avait lâché à 8 km au large de Gravelines."
    )
    rescue = _only(text)
    assert (rescue.event_type, rescue.people) == (EventType.RESCUE, 20)
    assert "Oye-Plage" in (rescue.place_name or "")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mercredi, 20 migrants ont été secourus au large de Le Portel.", "Le Portel"),
        ("On Wednesday 20 people were rescued off Hythe, reported The Times.", "Hythe"),
    ],
)
def test_an_article_opening_a_name_ends_no_sentence(text: str, place: str) -> None:
    assert place in (_only(text).place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 14 migrants ont été interceptés sur la plage de Wimereux par la police aux "
        "frontières (PAF).Quarante autres ont été secourus au large de Gravelines.",
        "On Tuesday 14 people were stopped on the beach at Wimereux by the border police "
        "(PAF).Forty others were rescued off Gravelines.",
    ],
)
def test_a_sentence_glued_after_an_acronym_in_brackets_is_a_sentence_of_its_own(
    text: str,
) -> None:
    """Scraped pages drop the space after a full stop; "(PAF).Forty" still ends a sentence."""
    incidents = _read(text)
    assert [(i.event_type, i.people) for i in incidents] == [
        (EventType.INTERCEPTION, 14),
        (EventType.RESCUE, 40),
    ]
    assert "Wimereux" in (incidents[0].place_name or "")
    assert "Gravelines" in (incidents[1].place_name or "")


@pytest.mark.parametrize(
    ("text", "kind", "places"),
    [
        (
            "Des exilés ont été secourus au large de Wimereux, du Cap Gris-Nez, et en baie "
            "de Canche.",
            EventType.RESCUE,
            ("Wimereux", "Gris-Nez", "Canche"),
        ),
        (
            "Deux corps ont été retrouvés mardi, l'un sur la plage de Hardelot et l'autre à "
            "Audresselles.",
            EventType.DEATH,
            ("Hardelot", "Audresselles"),
        ),
        (
            "Two bodies were found on Tuesday, one on the beach at Hythe and the other at Deal.",
            EventType.DEATH,
            ("Hythe", "Deal"),
        ),
    ],
)
def test_each_place_of_a_list_is_its_own_incident(
    text: str, kind: EventType, places: tuple[str, ...]
) -> None:
    """Leads that change along the list ("du B, et en C"), or "one at A, the other at B"."""
    incidents = _read(text)
    assert [i.event_type for i in incidents] == [kind] * len(places), _kinds(incidents)
    names = " | ".join(i.place_name or "" for i in incidents)
    assert all(place in names for place in places), names


def test_a_listed_place_is_its_own_rescue_though_near_another_told_before() -> None:
    incidents = _read(
        "Dimanche, 45 personnes ont été secourues au large de Fort-Mahon. "
        "D'autres naufragés ont été secourus au large de Berck et de Wimereux."
    )
    assert len(incidents) == 3, _kinds(incidents)
    assert [i.people for i in incidents if "Fort-Mahon" in (i.place_name or "")] == [45]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 30 migrants ont été secourus au large de Gravelines. Quelques jours plus tôt, "
        "les sauveteurs avaient déjà secouru 28 migrants au large de Gravelines.",
        "On Tuesday 30 people were rescued off Gravelines. Days before, lifeboat crews had "
        "already picked up 28 people off Gravelines.",
    ],
)
def test_an_earlier_rescue_told_with_already_is_its_own_of_no_known_day(text: str) -> None:
    incidents = _read(text)
    assert sorted((i.people, i.date) for i in incidents) == [
        (28, None),
        (30, dt.date(2024, 3, 12)),
    ]


# -- dates relative to publication ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Ce dimanche, 30 migrants ont été interceptés sur la plage de Wissant.", 10),
        ("Dans la nuit de samedi à dimanche, 30 migrants ont été secourus au large de Calais.", 10),
        (
            "Dans la nuit du samedi 9 à ce dimanche 10 mars, 30 migrants ont été secourus au large "
            "de Calais.",
            10,
        ),
        ("Mardi matin, une soixantaine de migrants ont été interceptés à Gravelines.", 12),
        ("Early on Sunday about 50 people were rescued off Dunkirk.", 10),
        ("About 50 people have been rescued off Dunkirk.", 14),
        # a night is dated by the day it ends on, as "la nuit de samedi à dimanche" is
        ("La nuit dernière, 30 migrants ont été secourus au large de Calais.", 14),
        ("Last night 30 people were rescued off Calais.", 14),
        # a day, then a verb of saying: the statement's day; the event's is counted from it
        (
            "Ce mardi, la préfecture a indiqué que la veille, 30 migrants avaient été secourus au "
            "large de Calais.",
            11,
        ),
        (
            "Dans un message lundi, la police a annoncé que la nuit dernière 30 migrants avaient "
            "été interceptés à Wissant.",
            11,
        ),
        (
            "Ce mardi 12 mars, la préfecture a indiqué que le 10 mars, 30 migrants avaient été "
            "secourus au large de Calais.",
            10,
        ),
        (
            "On Tuesday 12 March the prefecture said that on 10 March 30 people were rescued off "
            "Calais.",
            10,
        ),
        # a dated day straight after the verb of saying is the statement's: the first is the event's
        (
            "Mardi 12 mars, 30 migrants ont été secourus au large de Calais, a indiqué ce mercredi "
            "13 mars la préfecture.",
            12,
        ),
        (
            "Thirty people were rescued off Calais on Monday 11 March, the prefecture said on "
            "Wednesday 13 March.",
            11,
        ),
    ],
)
def test_dates_resolve_against_the_publication_day(text: str, day: int) -> None:
    assert _only(text).date == dt.date(2024, 3, day)


@pytest.mark.parametrize(
    "text",
    [
        "Dans la nuit de samedi 17 octobre à dimanche 18 octobre, 40 exilés ont été interceptés "
        "sur la plage de Wissant. Du 1er janvier au 31 juillet 2020, 4 000 exilés ont tenté la "
        "traversée.",
        "On the night of Saturday 17 October to Sunday 18 October, 40 people were stopped on the "
        "beach at Wissant. Between 1 January and 31 July 2020, 4,000 people tried to cross.",
        "Le dimanche 18 octobre, 40 exilés ont été interceptés sur la plage de Wissant. Du 1er "
        "janvier au 31 juillet 2020, 4 000 exilés ont tenté la traversée.",
    ],
)
def test_without_a_publication_day_the_weekday_gives_the_year_nearest_the_dates_written(
    text: str,
) -> None:
    # Sunday 18 October: 2020 beside a date of 2020, not a later year that also fits
    assert _only(text, published=None).date == dt.date(2020, 10, 18)


@pytest.mark.parametrize(
    "text",
    [
        "Dimanche matin 3 mars, 40 exilés ont pris la mer depuis la plage de Wissant.",
        "Tôt dimanche soir 3 mars, 40 migrants ont été interceptés sur la plage de Wissant.",
        "On Sunday morning, 3 March, 40 people were stopped on the beach at Wissant.",
    ],
)
def test_a_part_of_the_day_between_a_weekday_and_its_date_keeps_the_date(text: str) -> None:
    # Sunday 3 March, the date written, not the Sunday just before publication (10 March)
    assert _only(text).date == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi matin 12 migrants ont été interceptés sur la plage de Wissant.",
        "On Tuesday morning 12 people were stopped on the beach at Wissant.",
    ],
)
def test_a_count_after_a_weekday_and_its_part_of_the_day_is_no_date(text: str) -> None:
    incident = _only(text)
    assert (incident.date, incident.people) == (dt.date(2024, 3, 12), 12)


def test_a_publication_day_still_dates_a_day_and_month_with_its_weekday() -> None:
    text = (
        "Dans la nuit de samedi 17 octobre à dimanche 18 octobre, 40 exilés ont été interceptés "
        "sur la plage de Wissant."
    )
    assert _only(text, published=dt.date(2015, 10, 20)).date == dt.date(2015, 10, 18)


def test_a_night_cut_off_before_its_day_gives_no_date_and_no_error() -> None:
    # "la nuit du samedi 9 à" followed by neither a day nor a date: the report's day stands
    incident = _only("Dans la nuit du samedi 9 à, 30 migrants ont été secourus au large de Calais.")
    assert incident.date == dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Pour la journée de lundi, ce sont 212 exilés au total qui ont été secourus en Manche. "
            "Des opérations de secours ont été menées au large d'Hardelot.",
            11,
        ),
        (
            "On Monday alone, 300 people in total were rescued in the Channel. Lifeboats rescued a "
            "dinghy off Dungeness.",
            11,
        ),
        # an event's own day wins over the total's
        (
            "On Monday alone, 300 people in total were rescued in the Channel. Lifeboats rescued a "
            "dinghy off Dungeness on Wednesday.",
            13,
        ),
    ],
)
def test_a_dated_total_gives_the_story_its_day(text: str, day: int) -> None:
    assert _only(text).date == dt.date(2024, 3, day)


# -- counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Mardi, une soixantaine de migrants ont été interceptés à Gravelines.", 60),
        ("On Tuesday about 50 people were rescued off Dunkirk.", 50),
        ("On Tuesday more than 60 people landed at Dover.", 60),
        ("Les gendarmes ont interpellé 45 migrants et deux passeurs à Wissant.", 45),
        ("Four adults and two children were intercepted on the beach at Sangatte.", 6),
        ("Border Force stopped a further three men and two women off Deal on Monday.", 5),
        ("Mardi, une tentative de 40 migrants a été empêchée sur la plage de Wissant.", 40),
        ("Deux groupes de 18 et 22 migrants ont été interceptés sur la plage d'Hardelot.", 40),
        ("Two groups of 30, 25 and 12 migrants were rescued off Wimereux on Monday.", 67),
        # a range, not groups
        ("Entre 40 et 50 migrants ont été secourus au large de Calais.", 50),
        # one person aboard who calls for help speaks for the boat: no count of its party
        (
            "Mardi soir, un homme à bord d'un canot en panne a demandé de l'assistance au large "
            "de Wimereux.",
            None,
        ),
        ("On Monday a woman called for help from a dinghy off Calais, at sea with others.", None),
        # "une tentative de migrants" counts one attempt, not one person
        (
            "Mardi, un bateau dégonflé a été retrouvé sur la plage de Wissant après une tentative "
            "de migrants.",
            None,
        ),
    ],
)
def test_counts_as_reports_write_them(text: str, people: int | None) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Trois corps ont été retrouvés lundi sur la plage de Wissant.", 3),
        ("Lundi, deux corps ont été découverts sur la plage d'Hardelot.", 2),
        ("Le corps d'un homme a été retrouvé lundi sur la plage de Wissant.", 1),
    ],
)
def test_bodies_counted_in_french_are_the_dead(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, people)


@pytest.mark.parametrize(
    "text",
    [
        "Deux corps ont été découverts lundi sur la plage de Wissant. Le corps d'un homme a été "
        "retrouvé vers 9 heures sur la plage de Wissant, puis un second deux heures plus tard.",
        "Two bodies were found on the beach at Hardelot on Monday. The body of a man was found "
        "on the beach at Hardelot at 9am.",
    ],
)
def test_the_dead_told_one_by_one_after_their_count_are_that_count(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lundi, 30 migrants ont été secourus au large de Calais et 20 autres l'ont été au "
            "large de Wimereux.",
            [(EventType.RESCUE, 20), (EventType.RESCUE, 30)],
        ),
        (
            "Lundi, un corps a été trouvé sur la plage de Wissant, et deux l'avaient été sur la "
            "plage d'Hardelot mercredi dernier.",
            [(EventType.DEATH, 1), (EventType.DEATH, 2)],
        ),
        # a part of the people counted, not a second event
        (
            "Vingt migrants ont été secourus au large de Calais et deux d'entre eux ont été "
            "hospitalisés.",
            [(EventType.RESCUE, 20)],
        ),
    ],
)
def test_a_count_whose_verb_stands_for_the_one_before_is_its_own_event(
    text: str, expected: list[tuple[EventType, int]]
) -> None:
    assert sorted((i.event_type, i.people or 0) for i in _read(text)) == expected


def test_the_day_when_another_event_happened_is_a_clause_of_its_own() -> None:
    incidents = _read(
        "On Monday a body was found on the beach at Hardelot, the same day on which 30 people "
        "were rescued off Calais."
    )
    assert sorted((i.event_type, i.people or 0) for i in incidents) == [
        (EventType.DEATH, 1),
        (EventType.RESCUE, 30),
    ]


def test_another_body_found_after_a_count_of_the_dead_is_another_death() -> None:
    text = (
        "Two bodies were found on the beach at Hardelot on Monday. Another body was found "
        "on the beach at Hardelot later on Monday."
    )
    assert sorted(i.people or 0 for i in _read(text)) == [1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "Refuge 24 said 30 people were rescued off Gravelines on Sunday.",
        "Le collectif Abri 59 indique que 30 personnes ont été secourues à Gravelines dimanche.",
    ],
)
def test_a_number_in_a_name_before_the_count_is_not_the_count(text: str) -> None:
    assert _only(text).people == 30


def test_a_launch_takes_the_count_of_the_one_boat_stopped_off_the_same_place() -> None:
    incidents = _read(
        "Lundi matin, un canot pneumatique a pris la mer à Wissant. Dans la matinée, une "
        "vedette a secouru 31 personnes au large de Wissant."
    )
    assert sorted((i.event_type, i.people) for i in incidents) == [
        (EventType.LAUNCH, 31),
        (EventType.RESCUE, 31),
    ]


def test_a_launch_takes_no_count_from_survivors_where_people_died() -> None:
    incidents = _read(
        "Lundi matin, un canot pneumatique a pris la mer à Wissant. Deux passagers sont morts "
        "sur la plage de Wissant. Une vedette a secouru 31 personnes au large de Wissant."
    )
    launch = next(i for i in incidents if i.event_type is EventType.LAUNCH)
    assert launch.people is None, _kinds(incidents)


def test_a_rescue_of_the_castaways_counted_just_before_takes_their_count() -> None:
    # "les naufragés" after the rescue verb are the people the sentence before counted
    _only_rescue(
        "Mardi, un canot sans moteur dérive au large de Wimereux avec 23 personnes. "
        "Une vedette récupère les naufragés au large de Wimereux.",
        "Wimereux",
        23,
    )


# -- types ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Nine people were found on rocks at Folkestone on Sunday.", EventType.ARRIVAL),
        ("Eleven men were picked up on the beach at Folkestone.", EventType.ARRIVAL),
        (
            "Une embarcation en difficulté au large de Berck a été signalée; les 30 passagers "
            "ont été pris à bord par le patrouilleur.",
            EventType.RESCUE,
        ),
        ("Un bateau à la dérive a été repéré au large de Berck.", EventType.SIGHTING),
        ("Un survivant a regagné la plage de Sangatte à la nage.", EventType.OTHER),
    ],
)
def test_types_as_a_reader_reads_them(text: str, event_type: EventType) -> None:
    assert _only(text).event_type is event_type


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Sunday a second dinghy reached St Margaret's Bay, Kent.", "St Margaret's Bay"),
        ("A boat carrying 30 people finally reached Deal on Monday.", "Deal"),
        ("The inflatable reached the beach at Dymchurch at dawn.", "the beach at Dymchurch"),
    ],
)
def test_a_boat_that_reached_a_place_in_england_arrived_there(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.ARRIVAL, place)


def test_a_second_boat_that_reached_another_place_is_a_second_arrival_with_its_own_count() -> None:
    text = "On Sunday migrants landed at Dover. A second boat with 30 people aboard reached Deal."
    assert [_read_as(i) for i in _read(text)] == [
        (EventType.ARRIVAL, "Dover", None),
        (EventType.ARRIVAL, "Deal", 30),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday the dinghy had reached the middle of the Channel off Dover.",
        "On Sunday the dinghy reached French waters off Calais.",
        "The number of boats reached a new high on Sunday, Dover officials said.",
    ],
)
def test_a_boat_that_reached_the_sea_or_a_number_arrived_nowhere(text: str) -> None:
    assert all(i.event_type is not EventType.ARRIVAL for i in _read(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("On Monday the dinghy never reached Deal.", None),
        ("The small boat had nearly reached Hythe when the wind rose.", None),
        (
            "The dinghy never made it to Deal: its 30 passengers were rescued off Folkestone.",
            (EventType.RESCUE, "off Folkestone", 30),
        ),
        (
            "Le canot n'a jamais atteint Douvres, 25 exilés ont été secourus au large de Hythe.",
            (EventType.RESCUE, "au large de Hythe", 25),
        ),
        (
            "Le pneumatique n'a pas atteint Folkestone, 18 personnes ont été secourues.",
            None,
        ),
    ],
)
def test_a_boat_that_never_or_almost_reached_a_place_did_not_arrive(
    text: str, event: tuple[EventType, str, int] | None
) -> None:
    assert [_read_as(i) for i in _read(text)] == ([event] if event else [])


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        ("Nearly 40 people arrived at Deal on Monday.", "Deal", 40),
        ("On Monday 35 people reached Dover after their boat had almost capsized.", "Dover", 35),
        ("Les 22 migrants ont atteint Douvres lundi.", "Douvres", 22),
    ],
)
def test_a_near_count_or_a_near_capsize_leaves_the_arrival(
    text: str, place: str, people: int
) -> None:
    assert _read_as(_only(text)) == (EventType.ARRIVAL, place, people)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The dinghy was close to Deal when it began to take on water; 30 people were "
            "rescued by the lifeboat.",
            "Deal",
        ),
        (
            "The boat had almost reached Hythe when it began to sink; 30 people were rescued.",
            "Hythe",
        ),
        (
            "Le canot avait presque atteint Wissant quand il a commencé à couler ; 30 personnes "
            "ont été secourues.",
            "Wissant",
        ),
    ],
)
def test_where_a_boat_was_when_it_got_into_trouble_is_where_its_people_were_rescued(
    text: str, place: str
) -> None:
    incident = _only_rescue(text, place, 30)
    assert incident.location_precision is LocationPrecision.AREA


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        ("The dinghy was heading for Deal when 30 people were rescued by the lifeboat.", "Deal"),
        ("Le canot voulait rejoindre Douvres ; 30 personnes ont été secourues.", "Douvres"),
    ],
)
def test_where_a_boat_was_going_is_not_where_its_people_were_rescued(
    text: str, destination: str
) -> None:
    assert all(destination not in (i.place_name or "") for i in _read(text))


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "L'embarcation a été localisée à 5 milles au nord de Wimereux, retournée avec "
            "plusieurs personnes sur la coque et d'autres à l'eau.",
            EventType.RESCUE,
        ),
        (
            "Lifeboat crews found a capsized dinghy off Hardelot with people clinging to its hull.",
            EventType.RESCUE,
        ),
        # no one on it: what was left behind
        ("Un bateau retourné a été découvert sur la plage de Wissant.", EventType.DEBRIS),
        (
            "A deflated dinghy was found on the beach at Hardelot, with life jackets in the water.",
            EventType.DEBRIS,
        ),
    ],
)
def test_a_boat_found_with_people_on_it_or_in_the_water_is_no_wreck(
    text: str, event_type: EventType
) -> None:
    assert _only(text).event_type is event_type


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Vingt-deux migrants ont été pris en charge sur la plage de Wissant alors qu'ils "
            "s'apprêtaient à prendre la mer.",
            EventType.INTERCEPTION,
        ),
        (
            "Thirty people were picked up on the beach at Hardelot as they were getting ready "
            "to launch a dinghy.",
            EventType.INTERCEPTION,
        ),
        (
            "Douze personnes ont été récupérées sur la plage d'Équihen alors qu'elles étaient "
            "sur le point d'embarquer.",
            EventType.INTERCEPTION,
        ),
        # the people had left; or the one about to put to sea is the lifeboat
        (
            "Thirty people were rescued off Calais as they were trying to reach England.",
            EventType.RESCUE,
        ),
        (
            "Le canot de la SNSM se préparait à prendre la mer quand 15 migrants ont été "
            "secourus au large de Berck.",
            EventType.RESCUE,
        ),
    ],
)
def test_people_taken_in_before_they_could_put_to_sea_were_stopped(
    text: str, event_type: EventType
) -> None:
    assert _only(text).event_type is event_type


# -- precision ------------------------------------------------------------------------------


def test_a_country_level_restatement_of_a_placed_incident_is_no_second_incident() -> None:
    incident = _only(
        "French police stopped 45 people on the beach at Gravelines on Tuesday. "
        "French authorities said 45 people had been stopped on Tuesday."
    )
    assert incident.location_precision is not LocationPrecision.COUNTRY


def test_a_rescue_placed_only_in_the_channel_is_not_mapped() -> None:
    assert _read("On Tuesday 30 people were rescued in the Channel.") == []


def test_a_national_tally_stays_at_country_level() -> None:
    (incident,) = _read("On Tuesday 412 people crossed the Channel to the UK in small boats.")
    assert (incident.event_type, incident.country, incident.point) == (
        EventType.ARRIVAL,
        "GB",
        None,
    )


def test_a_place_22_km_out_keeps_the_named_place_as_reference_with_the_offset_as_spread() -> None:
    incident = _only("Mardi, 12 migrants ont été secourus à 22 km à l'ouest de Boulogne-sur-Mer.")
    plain = _only("Mardi, 12 migrants ont été secourus à Boulogne-sur-Mer.")
    assert (incident.lon, incident.lat) == (plain.lon, plain.lat)
    assert incident.uncertainty_m is not None and incident.uncertainty_m >= 22_000


@pytest.mark.parametrize("bearing", ["à l'Ouest de", "à l’Ouest de", "au Nord-Est de"])
def test_a_bearing_written_with_a_capital_is_still_a_bearing(bearing: str) -> None:
    incident = _only(f"Mardi, 12 migrants ont été secourus à 9 km {bearing} Boulogne-sur-Mer.")
    plain = _only("Mardi, 12 migrants ont été secourus à Boulogne-sur-Mer.")
    assert (incident.lon, incident.lat) == (plain.lon, plain.lat)
    assert incident.uncertainty_m is not None and incident.uncertainty_m >= 9_000


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The dinghy came ashore on Dungeness Beach, about 30 miles along the coast from the "
            "port of Dover.",
            "Dungeness",
        ),
        ("On Sunday a boat landed at Camber Sands, 20 miles down the coast from Dover.", "Camber"),
    ],
)
def test_a_place_told_by_its_distance_along_the_coast_from_a_port_is_the_first(
    text: str, place: str
) -> None:
    arrival = _only(text)
    assert arrival.event_type is EventType.ARRIVAL and place in (arrival.place_name or "")


def test_where_a_correspondent_reports_from_is_no_place_of_the_event() -> None:
    text = (
        "Our correspondent reports from Dover after six people died trying to cross the Channel "
        "from France on Sunday."
    )
    death = _only(text)
    assert (death.event_type, death.place_name, death.country) == (EventType.DEATH, "France", "FR")


# -- confidence and review ------------------------------------------------------------------


def test_every_extracted_incident_is_a_candidate_with_a_confidence() -> None:
    incidents = _read(
        "Coastguards rescued 18 people off Wimereux on Tuesday. "
        "On Tuesday 412 people crossed the Channel to the UK in small boats."
    )
    assert {i.review_status for i in incidents} == {ReviewStatus.CANDIDATE}
    placed = next(i for i in incidents if i.point is not None)
    national = next(i for i in incidents if i.point is None)
    assert placed.confidence is not None and national.confidence is not None
    assert placed.confidence >= 0.8 > national.confidence


# -- cues, anaphoric dates, single people, apposed places, kinds that merge ------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday police fired tear-gas canisters at a migrant boat on the beach at Hardelot.",
        "On Sunday police fired teargas at a migrant dinghy on the beach at Hardelot.",
    ],
)
def test_tear_gas_fired_at_a_migrant_boat_is_an_interception_of_no_stated_count(text: str) -> None:
    stop = _only(text)
    assert (stop.event_type, stop.people) == (EventType.INTERCEPTION, None)


@pytest.mark.parametrize(
    ("text", "event_type", "people"),
    [
        ("On Sunday 30 people were rescued off Hythe when their engine died.", "rescue", 30),
        ("Le moteur est mort et 30 exilés ont été secourus au large d'Audresselles.", "rescue", 30),
        ("On Sunday the engine failed and two people died off Hythe.", "death", 2),
    ],
)
def test_an_engine_that_died_is_no_death(text: str, event_type: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type.value, incident.people) == (event_type, people)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Le canot de la SNSM a pu sauver 14 personnes au large de Wimereux mardi.", "rescue"),
        ("On Tuesday the lifeboat assisted 22 people off Hythe.", "rescue"),
        ("On Tuesday the Dover lifeboat was tasked to assist a dinghy off Folkestone.", "rescue"),
        ("Mardi, 31 naufragés ont été recueillis par un chalutier au large de Berck.", "rescue"),
        ("On Tuesday coastguards responded to reports of a dinghy off Dymchurch.", "sighting"),
    ],
)
def test_rescue_and_sighting_cues(text: str, event_type: str) -> None:
    assert _only(text).event_type.value == event_type


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On Sunday 40 people were rescued off Calais. The day before, 25 people were "
            "intercepted at Wissant.",
            9,
        ),
        (
            "Dimanche, 40 personnes ont été secourues au large de Calais. La veille, 25 migrants "
            "ont été interceptés à Wissant.",
            9,
        ),
        (
            "On Sunday 40 people were rescued off Calais. The previous Friday, 25 people were "
            "intercepted at Wissant.",
            8,
        ),
    ],
)
def test_the_day_before_counts_back_from_the_story_not_the_publication(text: str, day: int) -> None:
    wissant = next(i for i in _read(text) if i.event_type is EventType.INTERCEPTION)
    assert wissant.date == dt.date(2024, 3, day)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("A man was found on the beach at Sangatte on Tuesday.", 1),
        (
            "On Tuesday 40 people were rescued off Calais and 12 more were intercepted at Wissant.",
            12,
        ),
    ],
)
def test_a_single_person_and_a_count_before_its_verb(text: str, people: int) -> None:
    found = [i for i in _read(text) if i.event_type is EventType.INTERCEPTION]
    assert [i.people for i in found] == [people]


@pytest.mark.parametrize(
    ("text", "place", "precision"),
    [
        ("Mardi, 30 exilés ont été secourus près Wissant.", "près Wissant", LocationPrecision.AREA),
        (
            "Mardi, 30 exilés ont été secourus près de Wissant.",
            "près de Wissant",
            LocationPrecision.AREA,
        ),
        (
            "Mardi, 30 exilés ont été secourus tout près, à Wissant.",
            "Wissant",
            LocationPrecision.LOCALITY,
        ),
    ],
)
def test_pres_without_de_still_says_near(
    text: str, place: str, precision: LocationPrecision
) -> None:
    # some reports drop the "de": the place is near the town all the same, not in it
    incident = _only(text)
    assert (incident.place_name, incident.location_precision) == (place, precision)


def test_a_place_apposed_to_say_where_the_first_lies_is_not_the_incident_place() -> None:
    assert _only("On Tuesday a dinghy landed at Kingsdown, north east of Dover.").place_name == (
        "Kingsdown"
    )


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a scene's place on an English beach makes the borrowed rescue an arrival
        (
            "The incident happened on the beach at Dymchurch on Tuesday. "
            "Twenty people were rescued by the coastguard.",
            20,
        ),
        # people found, then detained, at one English place are one landing
        (
            "On Tuesday two men were found at The Warren after a dinghy was reported there. "
            "The two men were detained at Folkestone police station.",
            2,
        ),
    ],
)
def test_people_placed_on_an_english_shore_by_the_story_arrived_there(
    text: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.ARRIVAL, people)


def test_a_boat_stopped_at_sea_called_an_interception_then_a_rescue_is_one_incident() -> None:
    incident = _only(
        "On Tuesday a boat was intercepted off Calais. A French patrol rescued the 40 people "
        "off Calais."
    )
    assert incident.people == 40


def test_children_among_a_group_are_not_the_groups_count() -> None:
    assert (
        _only("On Tuesday 30 people, including eight children, were rescued off Dunkirk.").people
        == 30
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday police stopped 30 people who were about to launch a boat at Wissant.",
        "Mardi, les gendarmes ont interpellé 30 migrants qui s'apprêtaient à embarquer à Hardelot.",
    ],
)
def test_an_intended_launch_does_not_veto_the_stop_that_prevented_it(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.INTERCEPTION, 30)


def test_a_list_of_places_across_department_numbers_is_one_incident_each() -> None:
    incidents = _read(
        "Mardi, des migrants ont été secourus au large de Calais (62) et de Wissant (62)."
    )
    assert sorted(i.place_id for i in incidents) == ["geonames:2967326", "geonames:3029162"]


def test_two_approximate_counts_at_one_place_are_two_incidents() -> None:
    incidents = _read(
        "Mardi, une trentaine de migrants ont été secourus au large de Calais. "
        "Mardi, une soixantaine de migrants ont été secourus au large de Calais."
    )
    assert sorted(i.people for i in incidents) == [30, 60]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Mardi, 30 migrants ont été retrouvés sur la plage de Wissant.", "interception"),
        ("Mardi, une tentative de traversée a été mise en échec à Hardelot.", "interception"),
        (
            "Mardi, 25 migrants ont été surpris par les gendarmes sur la plage d'Équihen.",
            "interception",
        ),
        ("On Tuesday a dinghy was seen coming ashore at Dymchurch.", "arrival"),
    ],
)
def test_stops_on_the_french_side_and_landings_in_england(text: str, event_type: str) -> None:
    assert _only(text).event_type.value == event_type


def test_a_where_clause_reports_the_count_of_the_stop() -> None:
    text = "Mardi, les gendarmes sont intervenus à Sangatte, où 30 migrants ont été interpellés."
    assert _only(text).people == 30


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday 30 people were rescued off Calais, 20 off Wissant and 15 off Gravelines.",
        "Mardi, 30 migrants ont été interceptés à Calais, 20 à Wissant et 15 à Gravelines.",
    ],
)
def test_a_comma_list_of_counts_and_places_is_one_incident_each(text: str) -> None:
    assert sorted(i.people or 0 for i in _read(text)) == [15, 20, 30]


def test_people_taken_to_an_english_port_arrived_there() -> None:
    incident = _only("On Tuesday 18 people were taken to Dover by Border Force.")
    assert _read_as(incident) == (EventType.ARRIVAL, "Dover", 18)


def test_a_rescue_is_not_placed_where_the_boat_had_left_from() -> None:
    incident = _only("Mardi, une embarcation partie de Wissant a été secourue par la SNSM.")
    assert (incident.event_type, incident.place_name) == (EventType.LAUNCH, "Wissant")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 March last year 34 people left a beach near Dunkirk.",
        "Le 2 mars de l'année dernière, 34 migrants ont été secourus au large de Calais.",
    ],
)
def test_a_day_of_last_year_is_dated_in_the_year_before_publication(text: str) -> None:
    assert _only(text).date == dt.date(2023, 3, 2)


def test_trouble_at_sea_after_a_launch_is_not_placed_on_the_beach_it_left() -> None:
    incident = _only(
        "On Tuesday 30 people left the beach at Wissant before they got into difficulty."
    )
    assert incident.event_type is EventType.LAUNCH


def test_an_event_a_day_after_another_dates_the_other_the_day_before() -> None:
    incidents = _read(
        "On Wednesday a body was found on the beach at Sangatte, a day after 20 people died "
        "off Calais."
    )
    assert sorted((i.date, i.people) for i in incidents) == [
        (dt.date(2024, 3, 12), 20),
        (dt.date(2024, 3, 13), 1),
    ]


def test_a_scene_sentence_with_an_adverb_before_its_verb_places_the_next_sentence() -> None:
    incident = _only(
        "Une opération similaire a également eu lieu mardi soir au large de Zuydcoote. "
        "Une fois le bateau repéré, les sauveteurs sont partis porter assistance à 40 naufragés."
    )
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 40)
    assert incident.place_name is not None and "Zuydcoote" in incident.place_name


def test_a_boat_spotted_in_the_french_present_tense_is_a_sighting() -> None:
    incident = _only(
        "Mardi matin, un cargo repère un canot transportant huit personnes au large de Calais."
    )
    assert (incident.event_type, incident.people) == (EventType.SIGHTING, 8)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Mardi, les gendarmes interpellent 30 migrants sur la plage de Wissant.", "interception"),
        ("Mardi, la SNSM secourt 25 naufragés au large de Berck.", "rescue"),
        ("Mardi, un patrouilleur récupère 40 personnes au large de Calais.", "rescue"),
        ("Mardi à l'aube, un canot avec 45 exilés prend la mer depuis Wissant.", "launch"),
        ("Vers 4 heures, deux bateaux prennent la mer à Équihen-Plage.", "launch"),
        ("La SNSM prend la mer pour secourir 40 personnes au large de Berck.", "rescue"),
    ],
)
def test_french_narrative_present_tense_cues(text: str, event_type: str) -> None:
    assert _only(text).event_type.value == event_type


def test_a_woman_among_a_group_is_not_the_groups_count() -> None:
    text = "A pregnant woman and small children were among the migrants who crossed today."
    assert _read(text) == []


def test_a_distance_from_a_department_places_nothing_finer_than_the_department() -> None:
    text = (
        "Mardi, une embarcation de 9 exilés à 7 milles au nord du Pas-de-Calais (62) "
        "demande assistance."
    )
    assert all(i.location_precision is not LocationPrecision.AREA for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "An abandoned dinghy was found at Kingsdown on Tuesday. Border Force intercepted six "
        "people at Kingsdown on Tuesday.",
        "Border Force intercepted six people at Kingsdown on Tuesday. An abandoned dinghy was "
        "found at Kingsdown on Tuesday.",
    ],
)
def test_a_boat_left_where_people_landed_in_england_is_that_landing(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, incident.boats) == (EventType.ARRIVAL, 6, 1)


def test_police_who_picked_up_a_boat_rescued_it() -> None:
    incident = _only("On Tuesday French police picked up a small boat off Cap Gris-Nez.")
    assert (incident.event_type, incident.boats) == (EventType.RESCUE, 1)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Un migrant meurt au large de Gravelines.", 1),
        ("Mardi, deux exilés se noient au large de Wimereux.", 2),
    ],
)
def test_french_present_tense_deaths(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, people)


def test_a_headline_of_a_death_and_a_tally_of_rescues_keeps_the_death() -> None:
    incidents = _read(
        "Un migrant meurt au large de Wissant, une cinquantaine de migrants secourus en trois jours"
    )
    assert [(i.event_type, i.people) for i in incidents] == [(EventType.DEATH, 1)]


def test_the_beach_a_boat_had_left_is_no_scene_for_its_rescue_in_the_next_sentence() -> None:
    incident = _only(
        "Mardi, le CROSS reçoit l'appel d'une embarcation partie de Wissant et en difficulté. "
        "Ils ont été secourus et emmenés au port de Boulogne-sur-Mer."
    )
    assert incident.event_type is EventType.LAUNCH


@pytest.mark.parametrize(
    "text",
    [
        "Forty people were rescued on Saturday. They were rescued off Sangatte and Wissant.",
        "At least 150 migrants arrived on the Kent coast on Saturday. There were also landings "
        "at Deal and Folkestone on Saturday.",
    ],
)
def test_places_listed_together_take_no_share_of_an_earlier_total(text: str) -> None:
    incidents = _read(text)
    assert len(incidents) == 2
    assert {i.people for i in incidents} == {None}


def test_an_undated_lede_merged_with_a_later_account_takes_its_day() -> None:
    incidents = _read(
        "Des tentatives de traversée ont été mises en échec à Wissant. Le mardi 12 mars 2024, "
        "30 migrants ont été secourus au large de Calais. Dans la même matinée, à Wissant, "
        "40 migrants ont été interceptés.",
        published=None,
    )
    wissant = next(i for i in incidents if i.event_type is EventType.INTERCEPTION)
    assert (wissant.date, wissant.people) == (dt.date(2024, 3, 12), 40)


@pytest.mark.parametrize(
    "text",
    [
        "Une autre a été retrouvée en hypothermie sur la plage de Berck mardi.",
        "On Tuesday another was found in the dunes at Sangatte.",
    ],
)
def test_another_one_found_is_one_person(text: str) -> None:
    assert _only(text).people == 1


def test_facts_gathered_are_no_people_taken_in() -> None:
    text = (
        "Mardi, selon les éléments recueillis par la police à Berck, le bateau venait de Belgique."
    )
    assert _read(text) == []


def test_an_object_found_on_a_body_is_no_second_incident() -> None:
    incident = _only(
        "Mardi, un corps a été découvert sur la plage du Touquet. Un document a été découvert "
        "sur le défunt."
    )
    assert incident.event_type is EventType.DEATH


def test_a_headline_in_the_present_tense_reports_deaths_and_rescues() -> None:
    incidents = _read("Two people die off Calais, 40 people rescued off Dunkirk")
    assert sorted((i.event_type.value, i.people) for i in incidents) == [
        ("death", 2),
        ("rescue", 40),
    ]


def test_people_who_die_as_a_habit_are_no_incident() -> None:
    assert _read("Migrants who die trying to cross are buried in Calais.") == []


def test_an_undated_headline_takes_the_day_the_body_gives_the_same_place() -> None:
    incidents = _read(
        "Un migrant meurt au large de Gravelines. Mercredi 10 juillet 2024, une embarcation en "
        "difficulté a été secourue au large de Gravelines.",
        published=None,
    )
    assert {i.date for i in incidents} == {dt.date(2024, 7, 10)}


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, les gendarmes ont constaté le départ d'un bateau de migrants près de Wissant.",
        "On Tuesday a dinghy sets off from the beach at Wissant.",
        # a notice's "départ d'embarcation", with no article, whoever reported it
        "Mardi matin, un départ d'embarcation a été signalé dans le secteur de Wissant.",
        "Vers 5 heures, un départ d'embarcation est signalé sur la plage de Wissant par la police.",
    ],
)
def test_the_departure_of_a_boat_is_a_launch(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.LAUNCH
    assert "Wissant" in (incident.place_name or "")


def test_rescuers_arriving_on_scene_are_no_arrival() -> None:
    text = "Mardi, l'hélicoptère arrive sur place et porte secours à deux hommes au large de Berck."
    assert (_only(text).event_type, _only(text).people) == (EventType.RESCUE, 2)
    assert _read("On Tuesday the lifeboat crew arrived on scene off Dungeness.") == []


def test_a_man_taken_to_hospital_is_no_arrival() -> None:
    text = "On Tuesday 12 people were rescued off Dungeness. One man was taken to hospital."
    assert [i.event_type for i in _read(text)] == [EventType.RESCUE]


def test_a_town_said_to_be_in_a_country_is_still_the_town() -> None:
    incident = _only("Mardi, 30 migrants ont été interpellés à Wissant en France.")
    assert _read_as(incident) == (EventType.INTERCEPTION, "Wissant", 30)


def test_a_word_that_only_starts_like_a_death_verb_is_no_death() -> None:
    text = "Mardi, 60 migrants ont été empêchés de partir de Wissant après un naufrage meurtrier."
    assert [i.event_type for i in _read(text)] == [EventType.INTERCEPTION]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Mardi, 20 migrants se sont fait interpeller sur la plage de Wissant.", "interception"),
        ("Mardi, les douaniers ont réussi à intercepter 15 migrants à Sangatte.", "interception"),
        ("Mardi, un chalutier est parvenu à récupérer 12 naufragés au large de Berck.", "rescue"),
    ],
)
def test_a_french_infinitive_after_se_faire_or_reussir_a_happened(
    text: str, event_type: str
) -> None:
    assert _only(text).event_type.value == event_type


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday 25 people - including six children and a baby - were rescued off Dungeness.",
        "Mardi, 25 migrants — dont six enfants — ont été secourus au large de Berck.",
    ],
)
def test_a_count_broken_down_between_dashes_stays_with_its_verb(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 25)


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday migrants were spotted landing at Kingsdown. The group of 14 men is said to be "
        "in good health.",
        "Mardi, des migrants ont été interpellés à Wissant. Ils étaient 14 hommes à attendre "
        "un passeur.",
    ],
)
def test_the_next_sentence_gives_the_group_its_count(text: str) -> None:
    assert _only(text).people == 14


@pytest.mark.parametrize(
    ("text", "kind", "place", "people"),
    [
        (
            "A small boat carrying 18 people was stopped in the Channel on Tuesday. The group was "
            "taken to Dover.",
            EventType.ARRIVAL,
            "Dover",
            18,
        ),
        (
            "On Monday a lifeboat stopped a dinghy carrying a further five men and two women. The "
            "dinghy was then brought into Ramsgate.",
            EventType.ARRIVAL,
            "Ramsgate",
            7,
        ),
        (
            "Mardi, une embarcation transportant 22 exilés a été interceptée en mer. Les exilés "
            "ont été débarqués à Douvres.",
            EventType.ARRIVAL,
            "Douvres",
            22,
        ),
    ],
)
def test_a_sentence_opening_on_the_party_just_counted_takes_its_count(
    text: str, kind: EventType, place: str, people: int
) -> None:
    incident = _only(text)
    assert _read_as(incident) == (kind, place, people)


def test_a_party_already_placed_lends_its_count_to_no_later_event() -> None:
    rescue, arrival = _read(
        "Coastguards rescued 18 people off Wimereux on Tuesday. They were taken to Dover."
    )
    assert (rescue.event_type, rescue.people) == (EventType.RESCUE, 18)
    assert (arrival.event_type, arrival.people) == (EventType.ARRIVAL, None)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "On Sunday a dinghy was brought ashore at Dover by Border Force. Pictures from the "
            "quay showed nine people aboard it.",
            9,
        ),
        ("On Sunday migrants landed at Dover. Witnesses said there were 11 migrants.", 11),
        (
            "Dimanche, une embarcation a été secourue au large de Hardelot. Il s'agissait d'un "
            "canot avec six personnes à bord.",
            6,
        ),
        # a boat at another place, or other people, are not the party just told of
        (
            "On Sunday migrants landed at Dover. A second boat with 30 people aboard was making "
            "for Deal.",
            None,
        ),
        ("On Sunday migrants landed at Dover. Crews said 14 other people were on board.", None),
    ],
)
def test_the_next_sentence_says_how_many_were_on_board(text: str, people: int | None) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi matin, un cargo a repéré un canot transportant neuf personnes au large de "
            "Wimereux. Peu après, la SNSM a secouru le canot au large de Wimereux.",
            9,
        ),
        (
            "On Tuesday a ferry spotted a dinghy carrying 14 people off Dunkirk. A patrol boat "
            "later rescued the dinghy off Dunkirk.",
            14,
        ),
    ],
)
def test_the_boat_sighted_lends_its_count_to_the_rescue(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, people)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, une embarcation en difficulté a été secourue au large d'Hardelot. Le CROSS a "
            "dépêché un remorqueur. Vers 9 heures, l'équipage récupère ses 7 passagers.",
            7,
        ),
        # one of the party is not its count
        (
            "Mardi, une embarcation en difficulté a été secourue au large d'Hardelot. Le CROSS a "
            "dépêché un remorqueur. Un homme a été secouru en hypothermie.",
            None,
        ),
    ],
)
def test_a_count_given_after_a_pause_completes_the_rescue_just_told(
    text: str, people: int | None
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, people)


def test_people_who_managed_to_leave_a_town_launched() -> None:
    incident = _only("Selon la préfecture, lundi, 40 personnes sont parvenues à partir de Wissant.")
    assert (incident.event_type, incident.place_name, incident.people, incident.date) == (
        EventType.LAUNCH,
        "Wissant",
        40,
        dt.date(2024, 3, 11),
    )


@pytest.mark.parametrize(
    ("text", "kind", "people"),
    [
        (
            "Twenty-two people were in a small dinghy as it came ashore at Deal on Monday.",
            EventType.ARRIVAL,
            22,
        ),
    ],
)
def test_a_clause_that_counts_the_party_counts_the_event_of_the_next(
    text: str, kind: EventType, people: int | None
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (kind, people)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Mardi soir, une vedette de la gendarmerie a pu intercepter une embarcation au large "
            "d'Équihen. À son bord, les gendarmes ont interpellé 9 personnes.",
            EventType.INTERCEPTION,
        ),
        (
            "Mardi soir, la SNSM a pu secourir un canot au large d'Équihen. À son bord se "
            "trouvaient 9 personnes.",
            EventType.RESCUE,
        ),
    ],
)
def test_what_the_crew_could_do_happened(text: str, kind: EventType) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, incident.date) == (kind, 9, dt.date(2024, 3, 12))


def test_a_short_aside_between_dashes_keeps_the_count_with_its_verb() -> None:
    incident = _only("On Tuesday nine men - all said to be Syrian - were rescued off Dungeness.")
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 9)


def test_and_then_a_day_opens_a_second_event() -> None:
    incidents = _read(
        "On Tuesday 12 people were rescued off Dungeness and on Monday, eight others were "
        "rescued off Hastings."
    )
    assert sorted((i.date, i.people) for i in incidents) == [
        (dt.date(2024, 3, 11), 8),
        (dt.date(2024, 3, 12), 12),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, une petite fille est décédée au large de Wimereux.",
        "Mardi, un jeune homme a été secouru au large de Berck.",
    ],
)
def test_one_person_named_in_french_is_one(text: str) -> None:
    assert _only(text).people == 1


@pytest.mark.parametrize(
    "text", ["une fois arrivée sur zone, la vedette", "le canot arrive sur les lieux"]
)
def test_a_rescue_ship_arriving_in_the_area_is_no_arrival(text: str) -> None:
    assert event_cue(text) is None


def test_last_tuesday_is_the_most_recent_tuesday_before_publication() -> None:
    incident = _only("Last Tuesday 20 people were rescued off Dungeness.")
    assert incident.date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Mardi, un canot en panne de moteur avec 30 migrants au large de Berck.", "rescue"),
        ("On Tuesday a dinghy with 30 people on board got into trouble off Hastings.", "rescue"),
        ("Mardi, des opérations de secours ont été menées au large de Gravelines.", "rescue"),
        ("On Tuesday a fishing boat carrying 30 people entered the port of Ramsgate.", "arrival"),
    ],
)
def test_a_broken_down_boat_is_a_rescue_and_a_boat_entering_a_port_an_arrival(
    text: str, event_type: str
) -> None:
    assert _only(text).event_type.value == event_type


def test_police_reinforcements_arriving_are_no_crossing() -> None:
    assert event_cue("le préfet annonce l'arrivée de 80 hommes en renfort") is None


def test_a_patrol_after_a_death_is_no_second_death() -> None:
    text = (
        "On Tuesday a man was found dead off Sangatte. On Wednesday police patrolled the beach "
        "at Wissant after the death of the man."
    )
    assert [i.place_name for i in _read(text)] == ["off Sangatte"]


def test_a_landing_port_after_an_aside_between_commas_is_not_where_people_were_rescued() -> None:
    text = (
        "Mardi, 12 naufragés ont été secourus au large de Wissant. Les 4 autres sont pris en "
        "charge et ramenés, eux aussi, au port de Calais."
    )
    assert all("Calais" not in (i.place_name or "") for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, trois hommes ont été repêchés au large de Wimereux.",
        "On Tuesday three men were pulled from the water off Dungeness.",
    ],
)
def test_people_fished_out_of_the_sea_are_rescued(text: str) -> None:
    assert _only(text).event_type is EventType.RESCUE


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a dead man, aged between 25 and 35, was found on the beach at Hardelot.",
        "Mardi, un homme âgé de 25 à 35 ans a été retrouvé mort sur la plage d'Hardelot.",
    ],
)
def test_an_age_range_is_no_second_event(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, 1)


def test_the_day_a_statement_was_made_is_not_the_day_of_the_event() -> None:
    incident = _only("Coastguards said on Tuesday 20 people were rescued off Dungeness on Monday.")
    assert incident.date == dt.date(2024, 3, 11)


def test_people_who_managed_to_leave_launched() -> None:
    incident = _only("Mardi, 40 personnes sont parvenues à partir depuis la plage de Wissant.")
    assert (incident.event_type, incident.date) == (EventType.LAUNCH, dt.date(2024, 3, 12))


def test_a_place_near_another_without_a_comma_is_still_the_first_place() -> None:
    text = "On Monday people landed on beaches such as Kingsdown near Deal."
    assert [i.place_name for i in _read(text)] == ["Kingsdown"]


def test_with_some_opens_the_part_of_a_total_that_is_one_event() -> None:
    text = "On Monday a record 500 people crossed, with some landing at Dymchurch."
    assert [(i.event_type, i.place_name, i.people) for i in _read(text)] == [
        (EventType.ARRIVAL, "Dymchurch", None),
        (EventType.ARRIVAL, "United Kingdom", 500),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday a record 500 people crossed, some landing at Dymchurch.",
        "On Monday a record 500 people crossed many arriving at Dymchurch.",
    ],
)
def test_a_share_told_by_a_participle_is_apart_from_the_total(text: str) -> None:
    assert [(i.event_type, i.place_name, i.people) for i in _read(text)] == [
        (EventType.ARRIVAL, "Dymchurch", None),
        (EventType.ARRIVAL, "United Kingdom", 500),
    ]


@pytest.mark.parametrize(
    ("text", "people", "day"),
    [
        ("In total 75 people crossed the Channel in small boats today.", 75, 14),
        ("A record 310 migrants reached the UK on Tuesday, the Home Office said.", 310, 12),
        ("Au total, 120 exilés ont traversé la Manche mardi selon le ministère.", 120, 12),
    ],
)
def test_a_total_of_one_day_is_an_arrival_in_the_country(text: str, people: int, day: int) -> None:
    incident = _only(text)
    assert (
        incident.event_type,
        incident.location_precision,
        incident.country,
        incident.people,
        incident.date,
    ) == (EventType.ARRIVAL, LocationPrecision.COUNTRY, "GB", people, dt.date(2024, 3, day))


@pytest.mark.parametrize(
    "text",
    [
        "A record 31,000 people crossed the Channel in small boats last year.",
        "In total 2,400 people have crossed the Channel since January.",
        "More people were brought ashore at Dover after a record day for crossings on Tuesday.",
    ],
)
def test_a_total_of_no_one_day_or_no_count_is_no_incident(text: str) -> None:
    assert _read(text) == []


def test_a_headline_one_dead_and_many_rescued_counts_one_death() -> None:
    incidents = _read("Mardi au large de Calais : un mort, 60 migrants secourus")
    assert sorted((i.event_type.value, i.people) for i in incidents) == [
        ("death", 1),
        ("rescue", 60),
    ]


# -- cues a reader knows in other words --------------------------------------------------------


def test_a_noun_after_pour_is_what_the_alert_was_for_not_an_intention() -> None:
    incident = _only(
        "Mardi, le CROSS a été alerté pour une embarcation en panne de moteur au large de "
        "Wimereux avec 30 personnes à bord."
    )
    assert (incident.event_type, incident.people, incident.date) == (
        EventType.RESCUE,
        30,
        dt.date(2024, 3, 12),
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a dinghy got into serious difficulty off Hardelot.",
        "Mardi, une embarcation s'est retrouvée en grande difficulté au large d'Hardelot.",
        "On Tuesday a walker saw a small boat in trouble off Hardelot.",
        "On Tuesday a dinghy carrying 25 people ran aground off Hardelot.",
        "Mardi, un canot avec 25 personnes était bloqué sur un banc de sable au large d'Hardelot.",
        "Mardi, une trentaine de migrants se sont échoués au large d'Hardelot.",
    ],
)
def test_a_boat_in_difficulty_or_stranded_in_other_words_is_a_rescue(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.RESCUE, dt.date(2024, 3, 12))
    assert incident.place_name is not None and "Hardelot" in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 30 migrants dérivaient au large de Berck.",
        "On Tuesday a dinghy with 30 people drifted off Berck for hours.",
    ],
)
def test_a_drifting_boat_is_seen_adrift(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.SIGHTING, 30)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, une femme a pu être réanimée par les pompiers sur la plage d'Hardelot.",
        "Mardi, deux hommes ont été réanimés sur la plage d'Hardelot.",
        "On Tuesday a man was resuscitated by paramedics on the beach at Hardelot.",
    ],
)
def test_someone_brought_back_to_life_was_rescued(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.RESCUE, dt.date(2024, 3, 12))
    assert "Hardelot" in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un homme n'a pas pu être réanimé sur la plage d'Hardelot.",
        "On Tuesday a man could not be revived on the beach at Hardelot.",
    ],
)
def test_someone_who_could_not_be_brought_back_to_life_died(text: str) -> None:
    assert _only(text).event_type is EventType.DEATH


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, quatre exilés ont disparu en mer au large d'Hardelot.",
        "Mardi, quatre exilés sont portés disparus en mer au large d'Hardelot.",
        "On Tuesday four people went missing at sea off Hardelot.",
    ],
)
def test_people_lost_at_sea_are_an_incident_of_their_own(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.OTHER, 4)
    assert "Hardelot" in (incident.place_name or "")


def test_people_lost_at_sea_give_their_place_to_a_rescue_told_next() -> None:
    incidents = _read(
        "Mardi, quatre exilés ont disparu en mer au large d'Hardelot. Une femme a pu être "
        "réanimée par les secours."
    )
    assert sorted((i.event_type.value, "Hardelot" in (i.place_name or "")) for i in incidents) == [
        ("other", True),
        ("rescue", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un homme a disparu du centre d'accueil de Calais.",
        "On Tuesday two men went missing after they landed at Folkestone.",
    ],
)
def test_someone_gone_missing_on_land_is_no_loss_at_sea(text: str) -> None:
    assert all(i.event_type is not EventType.OTHER for i in _read(text))


def test_a_boat_that_left_a_beach_and_got_into_difficulty_is_a_launch_there_too() -> None:
    incidents = _read(
        "Mardi, un canot de 50 migrants parti de la plage de Wissant s'est retrouvé en difficulté."
    )
    launches = [i for i in incidents if i.event_type is EventType.LAUNCH]
    assert [(i.place_name, i.location_precision) for i in launches] == [
        ("la plage de Wissant", LocationPrecision.SITE)
    ]


# -- a place told before ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "On Tuesday 20 people were intercepted on the beach at Wissant. Officers questioned "
            "them for several hours. A deflated dinghy was later found on the beach.",
            EventType.DEBRIS,
            "the beach at Wissant",
        ),
        (
            "Mardi matin, une embarcation a pris la mer depuis Équihen-Plage. Le CROSS a engagé un "
            "hélicoptère. Les sauveteurs ont mis deux heures à arriver. Deux personnes ont été "
            "retrouvées mortes sur la plage.",
            EventType.DEATH,
            "Équihen-Plage",
        ),
    ],
)
def test_the_beach_is_the_place_the_story_told_a_few_sentences_before(
    text: str, kind: EventType, place: str
) -> None:
    later = [i for i in _read(text) if i.event_type is kind]
    assert [(i.place_name, i.date) for i in later] == [(place, dt.date(2024, 3, 12))]


@pytest.mark.parametrize(
    "text",
    [
        # another day is another scene
        "On Tuesday 20 people were intercepted on the beach at Wissant. On Friday a dinghy was "
        "found on the beach.",
        # too far on: the story has moved
        "On Tuesday 20 people were intercepted on the beach at Wissant. Officers questioned them. "
        "Police said so. It rained. The wind rose. The tide went out. A dinghy was later found on "
        "the beach.",
    ],
)
def test_the_beach_of_another_day_or_far_on_is_no_place_told_before(text: str) -> None:
    assert [i.event_type for i in _read(text)] == [EventType.INTERCEPTION]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Mardi, deux exilés ont trouvé la mort au large de Dannes.", EventType.DEATH, "Dannes"),
        (
            "Mardi, une embarcation surchargée a appelé à l'aide au large de Dannes.",
            EventType.RESCUE,
            "Dannes",
        ),
        (
            "On Tuesday a dinghy with 40 people had set sail near Camiers before dawn.",
            EventType.LAUNCH,
            "Camiers",
        ),
        (
            "Mardi, une tentative de traversée a été stoppée au départ de Camiers.",
            EventType.INTERCEPTION,
            "Camiers",
        ),
    ],
)
def test_other_words_for_dying_calling_for_help_setting_sail_off_and_leaving(
    text: str, kind: EventType, place: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (kind, dt.date(2024, 3, 12))
    assert incident.place_name is not None and place in incident.place_name


def test_off_of_a_place_is_at_sea() -> None:
    incident = _only("On Tuesday 12 people were rescued off of Dungeness.")
    assert incident.location_precision is LocationPrecision.AREA


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "On Tuesday night the coastguard sent a helicopter to a dinghy off Hardelot. Its 15 "
            "passengers were winched to safety.",
            "off Hardelot",
        ),
        (
            "Mardi vers 2h, le sémaphore a vu une embarcation au large d'Ambleteuse. Le "
            "patrouilleur a secouru ses 15 passagers.",
            "au large d'Ambleteuse",
        ),
    ],
)
def test_a_place_at_sea_without_an_event_is_where_the_next_sentence_happened(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name, incident.people, incident.date) == (
        EventType.RESCUE,
        place,
        15,
        dt.date(2024, 3, 12),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Dimanche, la police a retrouvé une petite embarcation sur la plage de Bray-Dunes.",
        "On Sunday police found a deflated dinghy on the beach at Lydd-on-Sea.",
    ],
)
def test_a_boat_someone_found_is_debris(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, incident.date) == (
        EventType.DEBRIS,
        None,
        dt.date(2024, 3, 10),
    )


def test_a_boat_found_with_people_aboard_is_no_debris() -> None:
    text = "On Sunday police found a dinghy carrying 12 people on the beach at Lydd-on-Sea."
    assert _only(text).event_type is EventType.ARRIVAL


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, des gens n'ont pas réussi à rejoindre l'embarcation au large d'Hardelot.",
        "Mardi à l'aube, douze migrants ont grimpé dans un canot sur la plage d'Hardelot.",
    ],
)
def test_reaching_or_climbing_into_a_boat_is_boarding_it(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.EMBARKATION, dt.date(2024, 3, 12))
    assert incident.place_name is not None and "Hardelot" in incident.place_name


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Mardi, trente et un migrants ont été secourus au large de Calais.", 31),
        ("Mardi, vingt-et-un migrants ont été secourus au large de Calais.", 21),
    ],
)
def test_french_tens_joined_by_et_are_one_number(text: str, people: int) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, trois exilés ont perdu la vie au large de Calais.",
        "On Tuesday three people lost their lives off Calais.",
    ],
)
def test_losing_ones_life_is_read_as_a_death(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 40 migrants sont partis de Wissant. Ils sont peut-être arrivés en Angleterre.",
        "On Tuesday 40 people set off from Wissant. They have perhaps arrived in England since.",
    ],
)
def test_a_hedged_maybe_is_no_event(text: str) -> None:
    assert [i.event_type for i in _read(text)] == [EventType.LAUNCH]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Lundi soir, douze migrants ont volé un chalutier dans le port de Boulogne-sur-Mer.",
            12,
        ),
        ("On Monday night a fishing boat was stolen from the port of Boulogne by 15 people.", 15),
        (
            "Lundi soir, des migrants ont forcé la porte d'un chalutier dans le port de "
            "Boulogne-sur-Mer et lancé le moteur.",
            None,
        ),
    ],
)
def test_a_boat_stolen_or_started_in_a_port_is_a_launch_from_it(
    text: str, people: int | None
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, incident.date) == (
        EventType.LAUNCH,
        people,
        dt.date(2024, 3, 11),
    )
    assert incident.place_name is not None and "Boulogne" in incident.place_name


def test_to_the_south_of_a_town_only_says_where_the_place_before_lies() -> None:
    incident = _only(
        "On Tuesday dozens were pulled from the water during a night of rescues in Wimereux, to "
        "the south of Calais."
    )
    assert (incident.event_type, incident.place_name) == (EventType.RESCUE, "Wimereux")


# -- what a reader would not map -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "people"),
    [
        ("On Tuesday a Border Force cutter intercepted an inflatable carrying 15 men.", "GB", 15),
        ("Later on Tuesday Border Force intercepted another boat carrying 11 people.", "GB", 11),
        (
            "Mercredi, une embarcation transportant 23 personnes a été interceptée par les "
            "gendarmes dans les eaux françaises.",
            "FR",
            23,
        ),
    ],
)
def test_the_stop_of_one_boat_nowhere_named_stays_at_country_level(
    text: str, country: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.country, incident.people, incident.point) == (
        EventType.INTERCEPTION,
        country,
        people,
        None,
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Border Force stopped 12 people in a dinghy on Tuesday. They were picked up two "
            "miles off Dover.",
            "Dover",
        ),
        (
            "Les gendarmes ont intercepté mardi 14 personnes dans un canot, dans les eaux "
            "françaises. Elles ont été récupérées au large de Gravelines.",
            "Gravelines",
        ),
    ],
)
def test_one_boat_stopped_at_country_level_beside_its_placed_stop_is_that_stop(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert incident.event_type in {EventType.INTERCEPTION, EventType.RESCUE}
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("On Sunday 40 people were intercepted off the French coast.", "FR"),
        ("Dimanche, 40 migrants ont été interceptés dans les eaux françaises.", "FR"),
        ("On Sunday 40 people were intercepted in Belgian waters.", "BE"),
    ],
)
def test_a_stop_off_a_countrys_coast_or_in_its_waters_is_in_that_country(
    text: str, country: str
) -> None:
    stop = _only(text)
    assert (stop.event_type, stop.country, stop.people, stop.point) == (
        EventType.INTERCEPTION,
        country,
        40,
        None,
    )


@pytest.mark.parametrize(
    ("text", "country", "people"),
    [
        ("Twelve people were rescued off the French coast on Tuesday.", "FR", 12),
        (
            "Mardi, 22 exilés ont été secourus dans les eaux françaises par un patrouilleur.",
            "FR",
            22,
        ),
        ("Three men clinging to a buoy were saved in Belgian waters by a navy boat.", "BE", 3),
    ],
)
def test_a_rescue_in_a_countrys_waters_is_kept_at_that_countrys_level(
    text: str, country: str, people: int
) -> None:
    rescue = _only(text)
    assert (rescue.event_type, rescue.country, rescue.people, rescue.point) == (
        EventType.RESCUE,
        country,
        people,
        None,
    )


@pytest.mark.parametrize(
    ("text", "country", "people"),
    [
        ("On Wednesday a lifeboat rescued 18 people off the Kent coast.", "GB", 18),
        ("Fourteen migrants were saved off the coast of Sussex on Monday.", "GB", 14),
        ("Lundi, 25 exilés ont été secourus au large des côtes de la Somme.", "FR", 25),
        (
            "Jeudi, un patrouilleur a secouru 31 personnes au large des côtes du Pas-de-Calais.",
            "FR",
            31,
        ),
    ],
)
def test_a_rescue_off_a_county_or_departments_coast_is_kept_at_region_level(
    text: str, country: str, people: int
) -> None:
    rescue = _only(text)
    assert (rescue.event_type, rescue.country, rescue.people) == (EventType.RESCUE, country, people)
    assert rescue.location_precision is LocationPrecision.REGION


@pytest.mark.parametrize(
    "text",
    [
        "Dimanche, 40 personnes ont été secourues par un navire de la préfecture maritime "
        "Manche – mer du Nord.",
        "Mardi, 30 migrants ont été secourus dans le détroit du Pas-de-Calais.",
        "Mardi, 30 migrants ont été secourus en Manche, puis débarqués sur la côte de la Somme.",
    ],
)
def test_a_rescue_by_the_channels_authority_in_the_strait_or_landed_on_a_coast_is_not_a_regions(
    text: str,
) -> None:
    assert not any(i.location_precision is LocationPrecision.REGION for i in _read(text))


def test_a_rescue_on_a_beach_followed_by_its_department_stays_on_the_beach() -> None:
    rescue = _only(
        "Dimanche, 40 personnes ont été secourues sur la plage de Wissant (Pas-de-Calais)."
    )
    assert (rescue.event_type, rescue.people) == (EventType.RESCUE, 40)
    assert rescue.place_name is not None and "Wissant" in rescue.place_name
    assert rescue.location_precision is not LocationPrecision.REGION


@pytest.mark.parametrize(
    "text",
    [
        "About 30 people were rescued in the Channel on Tuesday.",
        "Le canot a poursuivi sa route vers les eaux britanniques, où ses 45 passagers ont été "
        "pris en charge.",
    ],
)
def test_a_rescue_in_the_channel_or_on_the_way_to_a_countrys_waters_is_not_mapped(
    text: str,
) -> None:
    # at most the country of a lone rescue (see the next-to-last tests), never the sea's region
    incidents = _read(text)
    assert all(i.location_precision is LocationPrecision.COUNTRY for i in incidents)
    assert all(i.country == "FR" for i in incidents)


def test_waters_a_boat_was_heading_for_are_not_where_it_was_stopped() -> None:
    stop = _only(
        "The dinghy, heading towards British waters, was intercepted by French police with "
        "20 people aboard."
    )
    assert (stop.event_type, stop.country, stop.people) == (EventType.INTERCEPTION, "FR", 20)


def test_a_countrys_tally_of_stops_is_still_kept() -> None:
    incident = _only("French police said they stopped 96 people on Tuesday.")
    assert (incident.event_type, incident.location_precision, incident.people) == (
        EventType.INTERCEPTION,
        LocationPrecision.COUNTRY,
        96,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un nombre important de personnes ont été secourues au large de Wissant.",
        "On Tuesday a number of people were rescued off Wissant.",
    ],
)
def test_a_number_of_people_is_no_count(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, None)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, une embarcation était en difficulté près de Berck. 40 personnes (dont 5 "
            "enfants) se trouvaient à bord, un homme est tombé à l'eau.",
            40,
        ),
        (
            "Mardi, une embarcation était en difficulté près de Berck. À son bord, 12 hommes, "
            "trois femmes et deux enfants.",
            17,
        ),
    ],
)
def test_the_count_put_on_board_in_the_next_sentence_is_the_boats(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, people)


def test_where_lifeboats_were_sent_in_england_is_a_rescue_not_a_landing() -> None:
    incident = _only(
        "On Tuesday lifeboats were sent to Dungeness after a dinghy got into difficulty."
    )
    assert (incident.event_type, incident.place_name) == (EventType.RESCUE, "Dungeness")


def test_lifeboats_sent_to_several_towns_at_once_name_no_scene() -> None:
    incidents = _read(
        "Lifeboats were sent to Deal, Dungeness, Hastings, and Ramsgate, while coastguard teams "
        "searched the shore."
    )
    assert _kinds(incidents) == []


def test_people_picked_up_at_an_english_place_still_landed_there() -> None:
    incident = _only("On Tuesday 20 people were picked up at Dungeness.")
    assert (incident.event_type, incident.people) == (EventType.ARRIVAL, 20)


def test_a_rescue_off_a_county_is_where_the_boat_was_spotted() -> None:
    incident = _only(
        "Eleven people were rescued from a dinghy off the Kent coast on Tuesday. The dinghy was "
        "spotted two miles off Deal."
    )
    assert _read_as(incident) == (EventType.RESCUE, "two miles off Deal", 11)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Mardi, des exilés ont mis des canots à l'eau depuis la plage d'Équihen. Les policiers "
            "sont parvenus à en stopper la plupart.",
            EventType.INTERCEPTION,
        ),
        (
            "Mardi, un canot a chaviré au large de Wimereux. Les sauveteurs ont pu les récupérer.",
            EventType.RESCUE,
        ),
    ],
)
def test_a_pronoun_between_managed_to_and_the_verb_keeps_the_cue(
    text: str, kind: EventType
) -> None:
    # the boats put in the water are a launch of their own; the stop or the rescue is the point
    told = [i.event_type for i in _read(text) if i.event_type is not EventType.LAUNCH]
    assert told == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, des exilés ont mis à l'eau des canots depuis la plage d'Équihen. Les policiers "
        "sont parvenus à en stopper la plupart.",
        "Jeudi, une cinquantaine de migrants ont mis à l'eau deux canots depuis la plage "
        "d'Équihen.",
    ],
)
def test_canots_put_in_the_water_from_a_beach_are_the_peoples_boats(text: str) -> None:
    # a bare 'canot' is a small boat; only 'canot de sauvetage' or 'de la SNSM' is the lifeboat
    launches = [i for i in _read(text) if i.event_type is EventType.LAUNCH]
    assert [i.place_name for i in launches] == ["la plage d'Équihen"]


def test_a_lifeboat_sent_from_its_station_does_not_place_the_rescue_there() -> None:
    incident = _only(
        "Jeudi, le canot de sauvetage envoyé depuis Boulogne a récupéré 30 exilés au large "
        "d'Équihen."
    )
    assert _read_as(incident) == (EventType.RESCUE, "au large d'Équihen", 30)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, la première intervention a concerné 24 exilés. Ils ont été récupérés à 3 km "
            "au large de Calais.",
            24,
        ),
        # a total since January is not the party's count
        (
            "Depuis janvier, 2 400 exilés ont tenté la traversée. Ils ont été récupérés à 3 km au "
            "large de Calais mardi.",
            None,
        ),
        # "them", "les", "l'ensemble de ces personnes": the party counted just before
        (
            "On Tuesday morning nineteen migrants tried to cross the Channel in a small dinghy. "
            "A fishing boat managed to rescue them off Wimereux.",
            19,
        ),
        (
            "On Tuesday a tug sailed out off Wimereux to help 19 castaways. "
            "The crew brought them back to the harbour.",
            19,
        ),
        (
            "Tuesday, 19 people boarded a dinghy in the dark. Most of those rescued off Wimereux "
            "were cold.",
            19,
        ),
        (
            "Mardi, 19 personnes ont pris la mer à bord d'un canot. L'ensemble de ces personnes "
            "ont été secourues au large de Wimereux.",
            19,
        ),
        (
            "Mardi soir, 19 exilés ont pris la mer à bord d'un canot. Un chalutier les a "
            "récupérés au large de Wimereux.",
            19,
        ),
    ],
)
def test_a_party_counted_before_its_rescue_sentence_is_the_rescue_s(
    text: str, people: int | None
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, people)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un migrant est mort au large de Calais, 85 autres ont été sauvés.",
        "On Tuesday one man died off Calais, 60 others were rescued.",
    ],
)
def test_a_comma_before_a_second_count_and_verb_opens_a_second_event(text: str) -> None:
    kinds = sorted((i.event_type.value, i.people) for i in _read(text))
    assert kinds[0] == ("death", 1)
    assert kinds[1][0] == "rescue" and kinds[1][1] in (60, 85)


def test_a_comma_before_a_second_count_of_the_same_event_keeps_one_clause() -> None:
    text = "Mardi, 30 migrants ont été secourus au large de Calais, 20 ont été secourus ensuite."
    assert [i.event_type for i in _read(text)] == [EventType.RESCUE]


def test_deaths_told_first_are_where_the_next_incident_happened() -> None:
    text = (
        "On Tuesday five people died in French waters. About 70 people were trying to board a "
        "small boat. Dozens were pulled from the water during rescue efforts in Wimereux."
    )
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [(i.place_name, i.people, i.date) for i in deaths] == [
        ("Wimereux", 5, dt.date(2024, 3, 12))
    ]


def test_deaths_told_first_are_not_placed_by_an_incident_of_another_day() -> None:
    text = (
        "On Tuesday five people died in French waters. On Friday dozens were rescued off Wimereux."
    )
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [(i.place_name, i.date) for i in deaths] == [("France", dt.date(2024, 3, 12))]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Mardi, deux migrants sont morts au sud de Boulogne-sur-Mer. Le drame s'est produit au "
            "large d'Hardelot.",
            "au large d'Hardelot",
        ),
        (
            "On Tuesday two people died near Calais. The tragedy happened off Sangatte.",
            "off Sangatte",
        ),
    ],
)
def test_where_the_tragedy_happened_replaces_a_rough_place_told_before(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert _read_as(incident) == (EventType.DEATH, place, 2)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("On Tuesday three men, a woman and a young girl died off Wimereux.", 5),
        ("Mardi, trois hommes, une femme et une fillette sont morts au large de Wimereux.", 5),
        ("On Tuesday a man and a woman died off Wimereux.", 2),
    ],
)
def test_one_person_listed_with_others_adds_to_their_count(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, people)


def test_the_caption_of_an_earlier_photo_reports_nothing() -> None:
    text = (
        "Lundi, le corps d'un homme a été retrouvé sur la plage de Marck. "
        "Un canot dégonflé sur la plage de Sangatte, le 2 janvier 2024 (Photo : J. Martin / AFP)."
    )
    assert [(i.event_type, i.place_name) for i in _read(text)] == [
        (EventType.DEATH, "la plage de Marck")
    ]


def test_the_caption_of_the_days_photo_is_still_read() -> None:
    text = "Un canot dégonflé sur la plage de Sangatte, mardi (Photo : J. Martin / AFP)."
    assert _only(text).event_type is EventType.DEBRIS


@pytest.mark.parametrize(
    "text",
    [
        "A total of 47 people have been intercepted by Border Force since Saturday.",
        "Au total, 120 exilés ont été interceptés depuis samedi.",
    ],
)
def test_a_total_since_a_weekday_is_a_statistic(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Monday a woman died off Hardelot, the first death at sea since February.", "Hardelot"),
        (
            "Lundi, une femme est morte au large d'Équihen, la première depuis le 2 février.",
            "Équihen",
        ),
    ],
)
def test_a_death_told_with_the_first_since_is_still_that_death(text: str, place: str) -> None:
    death = _only(text)
    assert death.event_type is EventType.DEATH and place in (death.place_name or "")
    assert death.date == dt.date(2024, 3, 11)


def test_the_first_time_since_a_year_that_a_total_crossed_is_a_statistic() -> None:
    text = "It was the first time since 2022 that 900 people landed at Dover in a single day."
    assert _read(text) == []


def test_people_brought_to_the_port_of_a_french_scene_are_the_rescues() -> None:
    text = (
        "On Tuesday a dinghy got into difficulty off Calais. Six people were brought to the port."
    )
    assert [(i.event_type, i.place_name, i.people) for i in _read(text)] == [
        (EventType.RESCUE, "off Calais", 6)
    ]


def test_people_brought_somewhere_unnamed_crossed_to_no_country() -> None:
    assert _read("On Tuesday four people were brought to the port.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, le centre régional de sauvetage a fait décoller un hélicoptère sur la plage de "
        "Wissant.",
        "On Tuesday a search and rescue helicopter flew over the beach at Wissant.",
        # the rescuers' boat carrying those it took in, placed at sea by a bearing
        "Le bateau de la SNSM, avec 20 migrants à bord, était à trois kilomètres au nord de "
        "Wissant.",
    ],
)
def test_a_rescue_service_or_craft_named_is_no_rescue(text: str) -> None:
    assert _read(text) == []


def test_a_craft_sent_to_rescue_people_rescued_them() -> None:
    incident = _only(
        "Mardi, un navire de sauvetage a été engagé au large de Malo-les-Bains pour secourir 48 "
        "personnes."
    )
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 48)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un véhicule a été intercepté près de Calais avec 40 migrants.",
        "On Tuesday police intercepted a van carrying 12 migrants near Calais.",
    ],
)
def test_a_vehicle_stopped_on_land_is_no_small_boat_incident(text: str) -> None:
    assert _read(text) == []


def test_a_round_number_written_with_a_stray_article_states_no_count_of_one() -> None:
    incident = _only(
        "Mardi, un centaine de migrants ont été empêchés de prendre la mer à Sangatte."
    )
    assert (incident.event_type, incident.people) == (EventType.INTERCEPTION, None)


def test_deaths_told_first_wait_over_a_sentence_that_tells_the_scene_but_no_place() -> None:
    text = (
        "On Tuesday five people died in French waters. The boat capsized as dozens tried to board "
        "it. Dozens were pulled from the water during rescue efforts in Wimereux."
    )
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [(i.place_name, i.people) for i in deaths] == [("Wimereux", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, les secours ont sauvé 37 et 64 personnes respectivement au large de Gravelines et "
        "de Sangatte.",
        "On Tuesday 37 and 64 people were rescued off Gravelines and Sangatte respectively.",
    ],
)
def test_counts_given_respectively_go_to_their_places_in_order(text: str) -> None:
    incidents = sorted(_read(text), key=lambda i: i.people or 0)
    assert [(i.event_type, i.people) for i in incidents] == [
        (EventType.RESCUE, 37),
        (EventType.RESCUE, 64),
    ]
    assert incidents[0].place_name is not None and "Gravelines" in incidents[0].place_name
    assert incidents[1].place_name is not None and "Sangatte" in incidents[1].place_name


def test_one_person_after_a_group_named_without_a_number_is_one_of_them() -> None:
    incident = _only(
        "On Tuesday migrants arrived at Dover and one person was carried off on a stretcher."
    )
    assert (incident.event_type, incident.people) == (EventType.ARRIVAL, None)


def test_one_person_alone_is_still_one() -> None:
    incident = _only("On Tuesday one person was rescued off Wimereux.")
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 1)


def test_people_seen_arriving_arrived() -> None:
    incident = _only("On Tuesday 14 migrants were seen arriving at Dover.")
    assert _read_as(incident) == (EventType.ARRIVAL, "Dover", 14)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 30 personnes ont été secourues à Hardelot, à une cinquantaine de kilomètres "
        "au nord de Berck.",
        "Mardi, 30 personnes ont été secourues à Hardelot, à une centaine de kilomètres "
        "au sud de Dunkerque.",
    ],
)
def test_a_rough_distance_from_a_town_after_the_place_only_says_where_it_lies(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 30)
    assert incident.place_name is not None and "Hardelot" in incident.place_name
    assert _km_between(incident, HARDELOT) < 5.0  # not drawn towards the far town


HARDELOT = (1.5789, 50.6344)
PETIT_CAUX = (1.2058, 49.9737)


def _km_between(incident: Incident, lon_lat: tuple[float, float]) -> float:
    assert incident.lon is not None and incident.lat is not None
    _, _, metres = pyproj.Geod(ellps="WGS84").inv(incident.lon, incident.lat, *lon_lat)
    return float(metres) / 1000.0


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi soir, un canot pneumatique avec 20 personnes à bord a quitté la plage de "
        "Saint-Martin, à Petit-Caux.",
        "On Thursday night a dinghy with 20 people aboard left the beach at Saint-Martin, "
        "near Dieppe.",
    ],
)
def test_a_town_after_a_place_of_many_homonyms_chooses_the_one_beside_it(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.LAUNCH, 20)
    assert _km_between(incident, PETIT_CAUX) < 3.0  # not the Saint-Martin 45 km west


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday 25 people were rescued off Folkestone; lifeboats were sent from Deal and "
        "Dungeness.",
        "On Tuesday 25 people were rescued off Folkestone. Lifeboat crews were sent out from "
        "Deal and Dungeness.",
        "On Tuesday 25 people were rescued off Folkestone. Deal and Dungeness lifeboats "
        "joined the search.",
        "On Tuesday 25 people were rescued off Folkestone by a helicopter from Lydd.",
    ],
)
def test_where_rescuers_came_from_is_not_an_incident(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 25)
    assert incident.place_name is not None and "Folkestone" in incident.place_name


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("On Tuesday seven or eight people landed at Deal.", 8),
        ("Mardi, 12 à 15 migrants sont arrivés à Douvres.", 15),
    ],
)
def test_a_guess_between_two_numbers_counts_the_higher(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.ARRIVAL, people)


def test_some_of_them_after_the_cue_are_not_the_whole_party() -> None:
    incident = _only(
        "On Tuesday a dinghy got into trouble off Hardelot and three of them were treated "
        "for the cold."
    )
    assert incident.event_type is EventType.RESCUE
    assert incident.people is None


def test_some_of_them_who_died_are_the_dead() -> None:
    incident = _only("On Tuesday a dinghy sank off Hardelot and two of them died.")
    assert (incident.event_type, incident.people) == (EventType.DEATH, 2)


@pytest.mark.parametrize(
    "text",
    [
        "The group of 14, including two children, landed at Deal on Tuesday.",
        "Mardi, un groupe de 14 est arrivé à Douvres.",
    ],
)
def test_a_group_of_a_number_without_a_noun_counts_people(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.ARRIVAL, 14)


def test_a_group_of_boats_counts_no_people() -> None:
    incident = _only("On Tuesday a group of 3 boats landed at Deal.")
    assert incident.people is None


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, huit personnes ont été secourues à 10 km du port britannique de Douvres.",
        "Mardi, huit personnes ont été secourues à 10 km des côtes de Douvres.",
    ],
)
def test_a_distance_from_an_english_port_is_at_sea_not_an_arrival(text: str) -> None:
    _only_rescue(text, "Douvres", 8)


def test_a_boat_off_a_beach_is_at_sea_not_leaving_it() -> None:
    text = (
        "Mardi, un chalutier a vu une embarcation au large de la plage de Hardelot. "
        "Les 20 personnes à bord ont été secourues."
    )
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))
    rescue = _only("Mardi, 20 personnes ont été secourues au large des côtes de Hardelot.")
    assert rescue.place_name == "au large des côtes de Hardelot"


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a man was arrested in Dover on suspicion of helping people cross.",
        "On Tuesday two suspected smugglers were arrested in Dover.",
        "Mardi, deux passeurs présumés ont été interpellés à Calais.",
    ],
)
def test_the_arrest_of_suspects_is_no_crossing_incident(text: str) -> None:
    assert _read(text) == []


def test_a_landing_before_an_arrest_is_kept() -> None:
    text = "On Tuesday 20 migrants landed at Deal. A man was arrested on suspicion of smuggling."
    assert _kinds(_read(text)) == [("arrival", "Deal", 20)]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, des habitants de Wissant ont signalé une embarcation de migrants.",
        "On Tuesday residents of Wissant reported a small boat of migrants.",
    ],
)
def test_where_witnesses_live_is_not_where_it_happened(text: str) -> None:
    places = [i.place_name or "" for i in _read(text)]
    assert not any("Wissant" in place for place in places), places


def test_one_person_placed_only_in_a_department_is_kept_at_that_level() -> None:
    incident = _only("Mardi, une personne est morte au large du Pas-de-Calais.")
    assert (incident.event_type, incident.people, incident.location_precision) == (
        EventType.DEATH,
        1,
        LocationPrecision.REGION,
    )


def test_one_death_told_coarsely_beside_its_placed_death_is_that_death() -> None:
    incident = _only(
        "Un homme est mort lundi au large des côtes du Pas-de-Calais. Son corps a été repêché "
        "au large de Wimereux."
    )
    assert incident.event_type is EventType.DEATH
    assert incident.place_name is not None and "Wimereux" in incident.place_name


def test_a_department_tally_is_still_kept() -> None:
    incident = _only("Mardi, 12 personnes sont mortes au large du Pas-de-Calais.")
    assert (incident.event_type, incident.people) == (EventType.DEATH, 12)


def test_a_day_figure_that_sums_the_day_s_landings_is_no_incident_of_its_own() -> None:
    text = (
        "On Tuesday 18 people landed at Deal. Later on Tuesday 22 more people landed at "
        "Kingsdown. The Home Office said 40 people crossed the Channel on Tuesday."
    )
    assert sorted(i.people or 0 for i in _read(text)) == [18, 22]


def test_a_day_figure_larger_than_the_day_s_landings_is_kept() -> None:
    text = (
        "On Tuesday 18 people landed at Deal. Later on Tuesday 22 more people landed at "
        "Kingsdown. The Home Office said 400 people crossed the Channel on Tuesday."
    )
    assert sorted(i.people or 0 for i in _read(text)) == [18, 22, 400]


def test_people_who_arrived_over_a_holiday_weekend_are_a_tally_not_an_incident() -> None:
    text = "About 40 people came across in small boats over the long bank holiday weekend."
    assert _read(text) == []


def test_one_count_for_two_landing_places_is_neither_place_s_count() -> None:
    text = "On Monday Border Force stopped 30 people and brought them ashore at Dover and Ramsgate."
    landed = [i for i in _read(text) if i.event_type is EventType.ARRIVAL]
    assert sorted(i.place_name or "" for i in landed) == ["Dover", "Ramsgate"]
    assert [i.people for i in landed] == [None, None]


def test_another_group_with_a_close_count_at_the_same_port_is_a_second_incident() -> None:
    text = (
        "On Tuesday morning 14 men were brought ashore at Dover by a cutter. "
        "An hour later another group of 15 people was brought ashore at Dover."
    )
    landed = [i for i in _read(text) if i.event_type is EventType.ARRIVAL]
    assert sorted(i.people or 0 for i in landed) == [14, 15]


def test_the_same_count_retold_as_another_boat_is_still_one_incident() -> None:
    text = (
        "A dinghy carrying 20 people landed at Deal on Tuesday. "
        "Another boat carrying 20 people landed at Deal on Tuesday."
    )
    assert len(_read(text)) == 1


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Un canot de 38 exilés parti de la plage de Wissant a fait naufrage mardi.",
            "Wissant",
            38,
        ),
        (
            "Mardi, le zodiac, avec 25 personnes, est parti de Gravelines vers 3 heures.",
            "Gravelines",
            25,
        ),
        (
            "Le CROSS a relevé mardi une tentative de traversée au départ de Wimereux.",
            "Wimereux",
            None,
        ),
    ],
)
def test_a_boat_that_left_a_place_is_a_launch_there(
    text: str, place: str, people: int | None
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.LAUNCH, people)
    assert place in (incident.place_name or "")


def test_people_planning_to_cross_from_a_bay_is_no_launch() -> None:
    text = "Ils sont nombreux à tenter la traversée depuis la baie de Somme."
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text))


def test_a_boat_that_left_a_named_place_is_a_launch_there() -> None:
    incident = _only("Mardi soir, un canot avec 55 exilés a quitté Hardelot.")
    assert (incident.event_type, incident.people) == (EventType.LAUNCH, 55)
    assert "Hardelot" in (incident.place_name or "")


def test_leaving_one_s_post_is_no_launch() -> None:
    assert _read("Le préfet de Calais a quitté ses fonctions mardi.") == []


def test_rescues_in_the_plural_are_rescues() -> None:
    incident = _only("Mardi, plusieurs sauvetages ont eu lieu au large de Berck.")
    assert incident.event_type is EventType.RESCUE
    assert "Berck" in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 90 exilés ont été secourus puis déposés à quai dans les ports de Calais et Caen.",
        "On Tuesday 70 people were rescued and dropped off at the ports of Calais and Dunkirk.",
    ],
)
def test_ports_where_the_rescued_were_dropped_off_are_no_rescue_scene(text: str) -> None:
    assert all(i.event_type is not EventType.RESCUE or i.lon is None for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 40 migrants ont été récupérés par les gendarmes sur la plage de Wissant.",
        "On Monday 30 migrants were picked up by French police on the beach at Gravelines.",
    ],
)
def test_people_picked_up_by_police_were_stopped_not_rescued(text: str) -> None:
    assert _only(text).event_type is EventType.INTERCEPTION


def test_people_picked_up_by_a_lifeboat_were_rescued() -> None:
    text = "Mardi, 40 migrants ont été récupérés par le canot de la SNSM au large de Wissant."
    assert _only(text).event_type is EventType.RESCUE


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mardi, les pompiers sont intervenus sur la plage de Wissant.", EventType.RESCUE),
        ("On Tuesday the lifeboat crew intervened off Hythe.", EventType.RESCUE),
        ("Mardi, les gendarmes sont intervenus sur la plage de Wissant.", EventType.INTERCEPTION),
    ],
)
def test_who_intervened_types_the_event(text: str, kind: EventType) -> None:
    assert _only(text).event_type is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Mardi, des policiers sont intervenus à Wissant, un canot s'est retourné.",
            EventType.RESCUE,
        ),
        ("Des gendarmes sont intervenus mardi à Hardelot où un canot a chaviré.", EventType.RESCUE),
        ("On Tuesday police intervened at Wimereux after a dinghy overturned.", EventType.RESCUE),
        (
            "Mardi, les gendarmes ont empêché un départ à Wissant, où un canot avait chaviré.",
            EventType.INTERCEPTION,
        ),
        (
            "On Tuesday police stopped a launch at Wimereux, where a boat capsized last year.",
            EventType.INTERCEPTION,
        ),
    ],
)
def test_police_at_a_boat_that_capsizes_there_are_rescuing(text: str, kind: EventType) -> None:
    assert _only(text).event_type is kind


def test_the_departure_of_another_boat_is_a_launch() -> None:
    text = "Mardi, le CROSS a été alerté du départ d'une autre embarcation près de Wimereux."
    assert _only(text).event_type is EventType.LAUNCH


@pytest.mark.parametrize(
    "text",
    [
        "Two people were found dead off Wimereux on Monday. Another body was found at Wissant.",
        "Deux personnes sont mortes lundi au large de Wimereux. Un autre corps a été vu à Wissant.",
    ],
)
def test_another_body_is_one_more_death(text: str) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert sorted(i.people or 0 for i in deaths) == [1, 2]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("On Tuesday Border Force stopped a dinghy off Dover, which had 19 people on board.", 19),
        (
            "Mardi, la SNSM a secouru au large de Calais un canot, qui transportait 40 personnes.",
            40,
        ),
        ("On Tuesday a lifeboat rescued a dinghy off Deal, which had lost its engine.", None),
    ],
)
def test_a_relative_clause_that_says_who_was_aboard_counts_the_event(
    text: str, people: int | None
) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("words", "people"),
    [
        ("Dix-sept", 17),
        ("Soixante-dix", 70),
        ("Soixante et onze", 71),
        ("Quatre-vingts", 80),
        ("Quatre-vingt-douze", 92),
        ("Cent quarante-trois", 143),
        ("Deux cent six", 206),
    ],
)
def test_french_numbers_in_words_count_in_full(words: str, people: int) -> None:
    incident = _only(f"{words} exilés ont été secourus mardi au large de Wimereux.")
    assert incident.people == people


def test_english_hundreds_in_words_count_in_full() -> None:
    text = "One hundred and twelve people were rescued off Dover on Tuesday."
    assert _only(text).people == 112


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un homme a été hélitreuillé à bord du Ridens.",
        "On Tuesday a man was airlifted on board the Varne.",
    ],
)
def test_the_ship_someone_was_taken_aboard_is_no_place(text: str) -> None:
    assert _read(text) == []


def test_every_port_of_a_long_list_is_a_landing_port() -> None:
    text = (
        "Mardi, 150 exilés ont été secourus puis déposés dans les ports de Calais, "
        "Dunkerque et Boulogne-sur-Mer."
    )
    assert [(i.event_type, i.place_name) for i in _read(text)] == [(EventType.RESCUE, "France")]


def test_every_beach_of_a_long_list_is_where_a_boat_left() -> None:
    text = (
        "Mardi, des embarcations sont parties des plages de Dunkerque, Gravelines, Sangatte, "
        "Wissant, Wimereux et Berck."
    )
    places = sorted(i.place_name or "" for i in _read(text) if i.event_type is EventType.LAUNCH)
    assert len(places) == 6, places


def test_and_then_another_count_opens_a_second_event() -> None:
    text = "On Monday 20 people were rescued off Dover and then another eight were found at Deal."
    assert sorted((i.place_name or "", i.people) for i in _read(text)) == [
        ("Deal", 8),
        ("off Dover", 20),
    ]


def test_a_group_found_at_sea_off_england_was_stopped() -> None:
    incident = _only("On Monday nine people were found two miles south of Folkestone.")
    assert (incident.event_type, incident.people) == (EventType.INTERCEPTION, 9)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, une embarcation a été secourue au large de Wimereux. A son bord, 16 personnes.",
            16,
        ),
        ("On Tuesday a dinghy was intercepted off Dover. It was carrying 14 men.", 14),
        ("Mardi, un canot a été secouru au large de Calais. Il transportait 23 exilés.", 23),
    ],
)
def test_the_next_sentence_says_how_many_were_aboard(text: str, people: int) -> None:
    assert _only(text).people == people


def test_a_count_with_no_place_but_where_the_boat_left_is_the_launch_s() -> None:
    text = "Mardi, un canot de 48 exilés parti de la plage de Wissant était en difficulté."
    launch = next(i for i in _read(text) if i.event_type is EventType.LAUNCH)
    assert launch.people == 48


def test_a_count_placed_at_sea_stays_with_the_rescue() -> None:
    text = "Mardi, 48 exilés partis de Wissant ont été secourus au large de Calais."
    counted = sorted((i.event_type.value, i.people) for i in _read(text))
    assert ("rescue", 48) in counted
    assert ("launch", 48) not in counted


def test_the_count_of_an_earlier_tragedy_is_not_the_rescue_s() -> None:
    text = (
        "Mardi, des exilés ont été secourus au large de Berck, trois jours après le drame qui a "
        "coûté la vie à 9 personnes."
    )
    assert _only(text).people is None


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, la préfecture maritime a mené deux opérations au large de Calais et de Dunkerque. "
        "Trente et un migrants ont été récupérés.",
        "On Tuesday 91 people were rescued by French boats. The operations took place off the "
        "coast of Boulogne and Dunkirk.",
    ],
)
def test_a_scene_at_two_places_gives_each_its_incident_without_the_total(text: str) -> None:
    incidents = _read(text)
    assert len(incidents) == 2, _kinds(incidents)
    assert all(i.event_type is EventType.RESCUE and i.people is None for i in incidents)


@pytest.mark.parametrize(
    "text",
    [
        "Mi-janvier, trois exilés étaient morts au large de Wimereux.",
        "In January, three people died off Wimereux.",
    ],
)
def test_an_event_told_only_by_its_month_has_no_day(text: str) -> None:
    assert _only(text).date is None


def test_an_event_with_no_date_at_all_is_of_the_report_s_day() -> None:
    assert _only("Trois exilés sont morts au large de Wimereux.").date == PUBLISHED


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un exilé repêché au large de Wimereux n'a pas pu être réanimé.",
        "Récupéré au large de Wimereux mardi, l'homme, les secours n'ont pas réussi à le réanimer.",
        "On Tuesday a man pulled from the sea off Deal could not be revived.",
    ],
)
def test_someone_rescuers_could_not_revive_died(text: str) -> None:
    assert _only(text).event_type is EventType.DEATH


def test_one_boat_told_at_country_level_first_is_the_placed_stop_s_count() -> None:
    text = (
        "A Border Force cutter has intercepted a stolen fishing boat with 23 migrants on board. "
        "Officials stopped the vessel off the coast of Dover."
    )
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.INTERCEPTION, 23)
    assert "Dover" in (incident.place_name or "")


def test_a_national_tally_still_stays_apart_from_a_placed_stop() -> None:
    text = (
        "Border Force has intercepted three boats carrying 230 migrants. "
        "Officials stopped a dinghy off the coast of Dover."
    )
    assert sorted(i.people or 0 for i in _read(text)) == [0, 230]


@pytest.mark.parametrize(
    "text",
    [
        "Border Force intercepted two dinghies carrying 31 people on Tuesday. "
        "All of them were brought ashore at Dover.",
        "Les gendarmes ont secouru 42 exilés mardi. "
        "Ils avaient été interceptés au large de Wissant.",
    ],
)
def test_a_country_level_stop_is_the_same_group_placed_under_another_name(text: str) -> None:
    incidents = _read(text)
    assert len(incidents) == 1, _kinds(incidents)
    assert incidents[0].location_precision not in (LocationPrecision.COUNTRY, None)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Border Force stopped two dinghies carrying 27 people. All were taken to Dover.", 27),
        ("La gendarmerie a intercepté 33 exilés. Tous ont été conduits à Wissant.", 33),
        # a breakdown in brackets into adults and minors is no count of its own
        (
            "Jeudi, les 23 exilés (15 majeurs et 8 mineurs) ont été secourus au large de Hardelot.",
            23,
        ),
        # "a family of five" counts five, as "a group of five" does
        ("On Sunday a family of five was found on the beach at Littlestone after crossing.", 5),
        ("Dimanche, une famille de cinq a été interceptée sur la plage de Wissant.", 5),
    ],
)
def test_the_party_a_reader_counts_is_the_incidents_count(text: str, people: int) -> None:
    """All of the party just told of, a count broken down in brackets, a family of N."""
    assert _only(text).people == people


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 58 exilés ont été secourus par la Marine. "
        "Plus tard, une seconde embarcation a été secourue au large de Gravelines.",
        "On Tuesday 58 people were rescued by French coastguards. "
        "Later another dinghy was rescued off Gravelines.",
    ],
)
def test_a_second_boat_does_not_take_the_count_told_before_it(text: str) -> None:
    second = next(i for i in _read(text) if "Gravelines" in (i.place_name or ""))
    assert second.people is None


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, le CROSS est averti qu'un canot se trouve dans le secteur de Zuydcoote. "
        "Un patrouilleur secourt alors 23 personnes.",
        "On Tuesday a dinghy was spotted near Zuydcoote. A patrol boat then rescued 23 people.",
    ],
)
def test_where_a_boat_was_is_the_scene_of_what_happens_to_it_next(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.RESCUE
    assert "Zuydcoote" in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, un canot a été signalé en difficulté au large d'Equihen-Plage. "
        "Le CROSS dépêche un navire. Des passagers appellent à l'aide. "
        "Le navire secourt alors 14 passagers de l'embarcation.",
        "On Tuesday a dinghy was reported in trouble off Equihen-Plage. "
        "A ship was sent. Some on board asked for help. "
        "The ship then rescued 14 people from the dinghy.",
    ],
)
def test_people_of_the_boat_told_before_are_where_that_boat_was(text: str) -> None:
    placed = [i for i in _read(text) if i.people == 14]
    assert len(placed) == 1, _kinds(_read(text))
    assert "Equihen" in (placed[0].place_name or "")


def test_a_group_picked_up_by_border_force_was_stopped_and_counts_for_the_country() -> None:
    incident = _only("On Wednesday 38 people were picked up by Border Force in the Channel.")
    assert (incident.event_type, incident.country, incident.people) == (
        EventType.INTERCEPTION,
        "GB",
        38,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Lifeboats rescued 30 people in the Channel on Tuesday. "
        "Other incidents have happened off Deal and Folkestone.",
        "Trente personnes ont été secourues mardi dans la Manche. "
        "D'autres incidents ont eu lieu au large de Calais et de Wimereux.",
    ],
)
def test_where_other_incidents_happened_is_not_the_scene_of_the_one_told(text: str) -> None:
    assert not any(
        name in (i.place_name or "")
        for i in _read(text)
        for name in ("Deal", "Folkestone", "Calais", "Wimereux")
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Vingt exilés ont été interpellés mardi sur la plage de Wissant. Le car est reparti. "
            "Plus tard, 24 autres personnes ont été découvertes à proximité.",
            "Wissant",
        ),
        (
            "Twelve people were rescued off Wimereux on Tuesday. A helicopter was sent. "
            "Later, 24 others were rescued in the same area.",
            "Wimereux",
        ),
    ],
)
def test_a_group_found_nearby_or_in_the_same_area_is_at_the_story_s_place(
    text: str, place: str
) -> None:
    later = [i for i in _read(text) if i.people == 24]
    assert len(later) == 1, _kinds(_read(text))
    assert place in (later[0].place_name or "")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, les gendarmes ont empêché le départ d'une trentaine d'exilés depuis "
            "la plage de Malo, à Dunkerque.",
            30,
        ),
        ("On Tuesday police stopped 35 people on the beach at Sangatte, in France.", 35),
    ],
)
def test_the_town_a_beach_lies_in_is_no_second_place_sharing_the_count(
    text: str, people: int
) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Later, the cutter found another boat with 11 people on board "
            "three miles south of Dover.",
            11,
        ),
        (
            "Mardi, le patrouilleur a localisé une embarcation avec 30 personnes "
            "au large de Wissant.",
            30,
        ),
    ],
)
def test_a_crew_that_finds_a_boat_with_people_at_sea_stops_it(text: str, people: int) -> None:
    found = _only(text)
    assert (found.event_type, found.people) == (EventType.INTERCEPTION, people)


def test_a_boat_found_empty_is_still_debris() -> None:
    assert _only(
        "On Tuesday walkers found a deflated dinghy on the beach at Hythe."
    ).event_type is (EventType.DEBRIS)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 40 personnes ont été secourues au large de Wissant, puis 25 dans le secteur de "
        "Sangatte.",
        "On Tuesday 40 people were rescued off Wissant, then 25 near Sangatte.",
    ],
)
def test_then_a_second_count_and_place_is_a_second_event_of_the_same_kind(text: str) -> None:
    incidents = _read(text)
    assert sorted((i.event_type, i.people) for i in incidents) == [
        (EventType.RESCUE, 25),
        (EventType.RESCUE, 40),
    ], _kinds(incidents)
    assert any("Sangatte" in (i.place_name or "") for i in incidents if i.people == 25)


@pytest.mark.parametrize(
    "text",
    [
        "(Lille) Twenty people were rescued off Gravelines on Saturday, officials said.",
        "LILLE (AFP) - Twenty people were rescued off Gravelines on Saturday.",
        "(Lille) Vingt personnes ont été secourues samedi au large de Gravelines.",
    ],
)
def test_the_city_a_report_was_filed_from_is_no_place_of_it(text: str) -> None:
    found = _only(text)
    assert "Gravelines" in (found.place_name or "") and found.people == 20


def test_a_dateline_alone_gives_no_place() -> None:
    incidents = _read("(Lille) Twenty people were rescued in the Channel on Saturday.")
    assert not any("Lille" in (i.place_name or "") for i in incidents), _kinds(incidents)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mardi, 30 naufragés ont été retrouvés au large de Wimereux.", EventType.RESCUE),
        ("Mardi, 30 exilés ont été retrouvés sur la plage de Wimereux.", EventType.INTERCEPTION),
    ],
)
def test_castaways_found_were_saved_and_a_group_found_on_a_beach_was_stopped(
    text: str, kind: EventType
) -> None:
    assert _only(text).event_type is kind


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a dinghy made a call for help near Gravelines.",
        "On Tuesday people in a small boat called for help off Gravelines.",
    ],
)
def test_a_boat_calling_for_help_is_a_rescue(text: str) -> None:
    found = _only(text)
    assert found.event_type is EventType.RESCUE and "Gravelines" in (found.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday people in a small boat made a call for help off Wissant, and its 27"
        " passengers were taken back to Calais.",
        "Vendredi, une embarcation a lancé un appel de détresse au large de Wissant, et ses 27"
        " passagers ont été ramenés à Calais.",
    ],
)
def test_the_count_of_a_boats_people_landed_at_a_port_is_the_rescues(text: str) -> None:
    found = _only(text)
    assert found.event_type is EventType.RESCUE and found.people == 27, _kinds([found])


@pytest.mark.parametrize(
    "text",
    [
        "Lundi, une vedette de la douane est engagée au large de Bray-Dunes. Elle porte"
        " assistance à un canot en avarie sur zone. Vers midi, les 21 exilés sont pris à bord.",
        "On Monday a customs cutter was sent off Bray-Dunes. It came to the aid of a dinghy with"
        " engine failure in the same area. At noon the 21 migrants were rescued.",
    ],
)
def test_the_people_a_later_sentence_counts_with_the_article_are_the_rescues(text: str) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert [i.people for i in rescues] == [21], _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Samedi, un canot en difficulté a été secouru au large de Zuydcoote. 42 personnes"
            " ont été débarquées à Dunkerque dans la soirée.",
            42,
        ),
        (
            "On Saturday a dinghy in difficulty was rescued off Zuydcoote. 42 people were"
            " brought to Dunkirk that evening.",
            42,
        ),
        (
            "Mardi, un canot a été secouru au large de Gravelines. La mer était forte ce jour-là."
            " Vers midi, ces 14 personnes ont été ramenées au port de Dunkerque.",
            14,
        ),
        (
            "On Tuesday a dinghy was rescued off Gravelines. The sea was rough that day. At noon"
            " these 14 people were brought to the port of Dunkirk.",
            14,
        ),
    ],
)
def test_people_landed_at_a_port_in_the_next_sentence_are_the_rescues(
    text: str, people: int
) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert [i.people for i in rescues] == [people], _kinds(_read(text))


def test_the_county_after_a_landing_place_only_says_where_it_lies() -> None:
    text = (
        "On Monday a group of about 30 people was brought by lifeboat to Deal in Kent after the"
        " rescue operation."
    )
    assert _kinds(_read(text)) == [("arrival", "Deal", 30)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Dozens of migrants were brought ashore at Dover on Tuesday morning. It came on the"
            " same day that 45 migrants were stopped in one dinghy by Border Force and brought"
            " to Dover.",
            "Dover",
        ),
        (
            "Des dizaines d'exilés sont arrivés à Douvres mardi matin. Cela vient après que 45"
            " migrants ont été interceptés.",
            "Douvres",
        ),
    ],
)
def test_a_count_told_as_background_is_not_the_reported_incidents(text: str, place: str) -> None:
    assert ("arrival", place, None) in _kinds(_read(text)), _kinds(_read(text))


# -- a landing told of the party a few sentences after its count -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two inflatables with 23 people between them were stopped in the strait on Monday. "
        "The coastguard first heard of them shortly after dawn. "
        "Nine men and a girl sat in the first one, the others in the second. "
        "Officials said they were taken to Ramsgate for checks.",
        "A cutter went out before sunrise on Monday and picked up 23 people. "
        "They told officers they came from Eritrea. "
        'A spokeswoman said: "All people on board were taken to Ramsgate for checks."',
    ],
)
def test_a_landing_of_the_party_told_earlier_takes_its_count(text: str) -> None:
    incident = _only(text)
    assert _read_as(incident) == (EventType.ARRIVAL, "Ramsgate", 23)


def test_all_landed_after_boat_by_boat_counts_are_the_whole_party() -> None:
    text = (
        "Three dinghies carrying 41 people were stopped in the strait on Monday. "
        "The first boat held 12 men and two women. "
        "Fifteen more were found on a second at noon. "
        "The third boat, with 12 people, was stopped in the evening. "
        "All were brought to Ramsgate for checks."
    )
    landed = [i for i in _read(text) if i.place_name == "Ramsgate"]
    assert [(i.event_type, i.people) for i in landed] == [(EventType.ARRIVAL, 41)]


# -- names joined by "aux"; a place, then where it lies ("à l'ouest de …") --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dimanche, des gendarmes ont secouru 14 exilés à la Pointe aux Oies.",
        "Dimanche, un canot avec 14 exilés a été secouru près de la Pointe aux Oies, "
        "à l'ouest du cap Gris-Nez, par la SNSM.",
        "Dimanche, un canot avec 14 exilés a été secouru près de la Pointe aux Oies, "
        "au nord de Wimereux.",
    ],
)
def test_a_name_joined_by_aux_is_the_place_and_what_follows_only_says_where_it_lies(
    text: str,
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_id, incident.people) == (
        EventType.RESCUE,
        "lm:pointe-aux-oies",
        14,
    )


@pytest.mark.parametrize(
    "tally",
    [
        "Some 930 people have come ashore at Folkestone over nine days.",
        "Quelque 930 personnes ont débarqué à Folkestone en huit jours.",
        "Some 930 people have come ashore at Folkestone over the past seven days.",
        "About 930 people landed at Folkestone in the last eight days, officials said.",
        "Quelque 930 personnes ont débarqué à Folkestone au cours des sept derniers jours.",
    ],
)
def test_a_count_over_six_to_ten_days_is_a_statistic_not_an_incident(tally: str) -> None:
    text = f"On Tuesday a dinghy with 14 people came ashore at Folkestone. {tally}"
    assert _kinds(_read(text)) == [("arrival", "Folkestone", 14)]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday 40 people were rescued off Wimereux after drifting for eight days.",
        "Mardi, 40 exilés ont été secourus au large de Wimereux ; certains attendaient depuis "
        "huit jours dans un camp de Calais.",
    ],
)
def test_days_that_are_not_the_span_of_a_count_leave_the_incident(text: str) -> None:
    _only_rescue(text, "Wimereux", 40)


def test_a_french_count_for_a_whole_year_is_a_statistic_not_an_incident() -> None:
    text = (
        "Mardi, 12 exilés ont été secourus au large de Wissant. "
        "D'après une association, 80 exilés sont morts en 2023 près de Gravelines."
    )
    assert _kinds(_read(text)) == [("rescue", "au large de Wissant", 12)]


def test_people_intercepted_and_brought_only_to_a_country_were_intercepted() -> None:
    incident = _only("On Monday, eleven men were intercepted by Border Force and brought to the UK")
    assert (incident.event_type, incident.location_precision, incident.people) == (
        EventType.INTERCEPTION,
        LocationPrecision.COUNTRY,
        11,
    )


def test_two_places_with_their_department_numbers_bound_one_area() -> None:
    incident = _only("Mardi, 30 migrants ont été secourus entre Wissant (62) et Audresselles (62).")
    assert (incident.event_type, incident.location_precision, incident.people) == (
        EventType.RESCUE,
        LocationPrecision.AREA,
        30,
    )


def test_a_wide_area_between_two_towns_is_no_incident_at_either_end() -> None:
    text = "Mardi, des canots en difficulté sont signalés entre Calais (62) et Dunkerque (59)."
    assert [i.place_name for i in _read(text)] == []


def test_people_rescued_near_an_english_headland_were_rescued_not_landed() -> None:
    rescued = _only("On Tuesday 22 people were rescued near Dungeness by the lifeboat.")
    found = _only("On Tuesday 22 people were found near Kingsdown by the police.")
    assert (rescued.event_type, found.event_type) == (EventType.RESCUE, EventType.ARRIVAL)


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, the body of a woman was lifted from the sea by a patrol boat in the middle "
        "of the Channel, after a ferry called, and was brought to Folkestone.",
        "On Tuesday a ferry crew saw a body in the middle of the Channel and lifted it aboard. "
        "It was then taken to Folkestone, police said.",
        "On Tuesday the body of a woman was recovered by the coastguard and brought to Folkestone.",
    ],
)
def test_the_port_a_body_was_brought_to_is_no_landing_of_people(text: str) -> None:
    assert [(i.event_type, i.place_name) for i in _read(text)] == []


def test_people_brought_to_a_port_after_a_rescue_landed_there() -> None:
    text = "On Tuesday, twelve men were rescued mid-Channel and brought to Folkestone."
    assert (EventType.ARRIVAL, "Folkestone") in [(i.event_type, i.place_name) for i in _read(text)]


@pytest.mark.parametrize(
    ("text", "rescue"),
    [
        (
            "Mardi, un canot avec 20 personnes a été secouru au large de Wimereux. Les naufragés "
            "ont ensuite été pris en charge par les pompiers à Boulogne-sur-Mer.",
            "au large de Wimereux",
        ),
        (
            "Mardi, un canot avec 20 personnes a été secouru au large de Wimereux. Les naufragés "
            "ont été pris en charge au port de Boulogne-sur-Mer.",
            "au large de Wimereux",
        ),
        (
            "Mardi, un canot avec 20 personnes a été secouru au large de Wimereux. "
            "Ils ont été pris en charge par les pompiers et la police aux frontières "
            "au port de Boulogne-sur-Mer.",
            "au large de Wimereux",
        ),
        (
            "Mardi, un canot avec 20 personnes a été secouru au large de Wimereux. "
            "Ils ont été pris en charge par la Croix-Rouge et les services de l'État "
            "au port de Boulogne-sur-Mer.",
            "au large de Wimereux",
        ),
        (
            "On Tuesday a dinghy with 20 people was rescued off Wimereux. Those rescued were met "
            "by paramedics at Boulogne-sur-Mer harbour and taken to safety.",
            "off Wimereux",
        ),
    ],
)
def test_where_the_rescued_were_taken_in_hand_ashore_is_no_second_rescue(
    text: str, rescue: str
) -> None:
    assert _kinds(_read(text)) == [("rescue", rescue, 20)]


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 20 personnes ont été prises en charge au large de Wimereux.",
        "Mardi, 20 personnes ont été prises en charge par les sauveteurs de la SNSM et un "
        "remorqueur de la Marine nationale au large de Wimereux.",
    ],
)
def test_people_taken_in_hand_at_sea_were_rescued_there(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.RESCUE, "au large de Wimereux")


def test_a_town_the_boat_had_left_is_its_launch_not_a_sighting() -> None:
    text = (
        "Thirty men arrived at Folkestone on Tuesday. "
        "They had left Wimereux at 5am on Monday and drifted off course."
    )
    assert [(i.event_type.value, i.place_name, i.date) for i in _read(text)] == [
        ("arrival", "Folkestone", dt.date(2024, 3, 12)),
        ("launch", "Wimereux", dt.date(2024, 3, 11)),
    ]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "Mardi, un canot avec 24 migrants est en difficulté à 3 nautiques au nord de Wissant.",
            "3 nautiques au nord de Wissant",
        ),
        (
            "Mardi, un canot avec 24 migrants est en difficulté à 3 km au Nord/Ouest de Wissant.",
            "3 km au Nord/Ouest de Wissant",
        ),
    ],
)
def test_nautical_miles_written_short_and_a_slashed_bearing_place_at_sea(
    text: str, written: str
) -> None:
    incident = _only(text)
    assert (incident.place_name, incident.location_precision) == (written, LocationPrecision.AREA)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Mardi soir, le CROSS engage un patrouilleur pour venir en aide à 44 personnes "
            "sur un canot au large de Wimereux.",
            "au large de Wimereux",
        ),
        (
            "Mardi, une vedette est venue en aide à 44 personnes au large de Wimereux.",
            "au large de Wimereux",
        ),
        ("On Tuesday a French navy ship picked up 44 people off Wimereux.", "off Wimereux"),
        (
            "On Tuesday a French navy ship picked up forty-four migrants off Wimereux.",
            "off Wimereux",
        ),
    ],
)
def test_coming_to_the_aid_of_or_picking_up_a_counted_group_at_sea_is_a_rescue(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert _read_as(incident) == (EventType.RESCUE, place, 44)


def test_a_count_of_toddlers_alone_is_not_the_count_of_everyone_aboard() -> None:
    few = _only("On Tuesday four toddlers and a baby were brought ashore at Folkestone.")
    all_of_them = _only("On Tuesday 40 people including four toddlers were brought ashore at Deal.")
    assert (few.people, all_of_them.people) == (None, 40)


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a patrol boat rescued 20 people in the Dyck area.",
        "On Tuesday a patrol boat rescued 20 people near the Dyck.",
    ],
)
def test_the_area_around_a_sandbank_is_the_sandbank_not_a_wider_region(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, incident.location_precision) == (
        EventType.RESCUE,
        20,
        LocationPrecision.AREA,
    )


def test_castaways_are_counted_as_the_people_aboard() -> None:
    incident = _only("On Tuesday a patrol boat rescued eleven castaways off Wissant.")
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 11)


@pytest.mark.parametrize(
    "text",
    [
        "Vers 3 heures, un canot est signalé à trois kilomètres au large de Wissant. Son moteur ne "
        "démarre plus. A son bord se trouvent 20 personnes. Au matin, les 20 exilés sont ramenés "
        "au port de Calais.",
        "A dinghy was reported adrift off Wissant with 20 people on board. Two hours later they "
        "were brought back to Calais by a French patrol boat.",
        # four sentences on: the alert, the count, the patrol boat leaving port, the landing
        "Vers 4 heures, un canot est signalé à deux kilomètres au nord de Wissant. Le CROSS en "
        "est averti par un voilier. A son bord, 20 personnes. Une vedette de la gendarmerie part "
        "de Boulogne. Au matin, les 20 exilés sont ramenés au port de Boulogne-sur-Mer.",
    ],
)
def test_a_boat_reported_at_sea_whose_people_are_then_taken_in_was_rescued(text: str) -> None:
    _only_rescue(text, "Wissant", 20)


def test_a_boat_reported_adrift_and_nothing_more_stays_a_sighting() -> None:
    text = "Un canot à la dérive est signalé au large de Wissant avec 20 personnes à bord."
    assert _kinds(_read(text)) == [("sighting", "au large de Wissant", 20)]


def test_a_counted_boat_placed_by_distance_and_bearing_at_sea_is_a_weak_rescue() -> None:
    incident = _only_rescue(
        "Shortly after midnight a dinghy with nine people aboard was three kilometres north-west "
        "of Wissant, the prefecture said.",
        "Wissant",
        9,
    )
    assert incident.confidence is not None and incident.confidence < 0.8


def test_a_counted_boat_merely_off_a_town_with_no_cue_is_no_incident() -> None:
    assert _read("At dawn the dinghy, with nine people aboard, was off Wissant.") == []


def test_a_boat_comprising_a_count_holds_them_all_while_people_comprising_some_count_all() -> None:
    incidents = _read(
        "Mardi matin, la vedette est intervenue au large de Gravelines pour un canot en panne "
        "comprenant 41 personnes. Plus tard, 23 migrants, comprenant 6 enfants, ont été secourus "
        "au large de Wissant."
    )
    assert sorted(_kinds(incidents)) == [
        ("rescue", "au large de Gravelines", 41),
        ("rescue", "au large de Wissant", 23),
    ]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the whole feature in lower case, joined by "aux"
        (
            "Mardi matin, une vingtaine d'exilés tombés à l'eau ont été secourus au niveau de la "
            "pointe aux oies.",
            "lm:pointe-aux-oies",
        ),
        # a beach the gazetteer names with its "plage", the name after it capitalised
        (
            "Mardi, vingt exilés ont été secourus sur la plage de la Sirène.",
            "lm:plage-de-la-sirene",
        ),
        # the same beach written all in lower case
        (
            "Mardi, vingt exilés ont été secourus sur la plage de la sirène.",
            "lm:plage-de-la-sirene",
        ),
    ],
)
def test_a_feature_named_with_its_lower_case_noun_is_the_gazetteer_feature(
    text: str, place_id: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 20)
    assert incident.place_id == place_id
    assert incident.date == dt.date(2024, 3, 12)


def test_people_who_ran_aground_in_their_boat_are_no_debris() -> None:
    incident = _only("Mardi, trente migrants se sont échoués sur un banc de sable devant Wissant.")
    assert incident.event_type is not EventType.DEBRIS


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # the French spelling of a zodiac is a boat
        (
            "Mardi, une vingtaine de personnes montent dans un zodiaque sur la plage de Wissant.",
            (EventType.LAUNCH, "la plage de Wissant", 20),
        ),
        # a crossing tried from a beach, however long the words between
        (
            "Mardi, une vingtaine d'exilés ont tenté une traversée vers les côtes anglaises dans "
            "la nuit de lundi à mardi depuis la plage de Wissant.",
            (EventType.LAUNCH, "la plage de Wissant", 20),
        ),
        # a boat that made landfall arrived
        (
            "On Tuesday a dinghy with 14 people made landfall at Kingsdown.",
            (EventType.ARRIVAL, "Kingsdown", 14),
        ),
        # a possessive before a common noun: the place and its port
        (
            "On Tuesday a cutter brought 25 people to Dover's port.",
            (EventType.ARRIVAL, "Dover's port", 25),
        ),
        # a possessive inside a name stays in the name
        (
            "On Tuesday 25 people were rescued off St Margaret's Bay.",
            (EventType.RESCUE, "off St Margaret's Bay", 25),
        ),
        # people held by police on the English shore had crossed
        (
            "On Tuesday, after being held by police at Deal, six men were handed over.",
            (EventType.ARRIVAL, "Deal", 6),
        ),
        # where the night's events began sets the scene of the next sentence
        (
            "Mardi, tout a commencé avant l'aube sur la plage de Wissant. Un premier groupe d'une "
            "vingtaine de personnes a embarqué dans un canot, dont peu portaient un gilet.",
            (EventType.EMBARKATION, "la plage de Wissant", 20),
        ),
        (
            "On Tuesday it all began before dawn on the beach at Wissant. A first group of about "
            "twenty people climbed into a dinghy, few of them in life jackets.",
            (EventType.EMBARKATION, "the beach at Wissant", 20),
        ),
        # a stranded dinghy and life jackets adrift are debris
        (
            "Mardi, des recherches ont suivi la découverte d'un pneumatique échoué devant Wissant.",
            (EventType.DEBRIS, "Wissant", None),
        ),
        (
            "Mardi, des recherches ont suivi la découverte de gilets à la dérive devant Wissant.",
            (EventType.DEBRIS, "Wissant", None),
        ),
    ],
)
def test_a_cue_or_a_name_once_missed_is_read(
    text: str, read_as: tuple[EventType, str, int | None]
) -> None:
    incident = _only(text)
    assert _read_as(incident) == read_as
    assert incident.date == dt.date(2024, 3, 12)


def test_words_like_the_new_cues_that_tell_no_incident() -> None:
    # lower-case words after a feature noun that make no gazetteer name
    rescues = _read("Mardi, vingt exilés ont été secourus à la pointe de leurs forces.")
    assert [i.location_precision for i in rescues] == [LocationPrecision.COUNTRY]
    # a meeting held by police is no group held
    assert _read("On Tuesday a public meeting was held by police at Deal.") == []


_TWO_ALERTS = (
    "Mardi vers 3 heures, un canot est signalé au large de Wimereux. "
    "Le CROSS Gris-Nez est prévenu de la présence de ce canot, qui a perdu son moteur. "
    "À son bord, 14 personnes dont trois enfants. "
    "Trois heures après, les 14 passagers sont ramenés au port de Boulogne-sur-Mer et pris en "
    "charge par les pompiers. "
    "Une seconde alerte est lancée vers 8 heures. "
    "Un chalutier confirme la présence d'une embarcation au large de Hardelot. "
)


def test_a_count_waiting_for_its_place_is_not_the_next_alert_s_boat() -> None:
    # the 14 were the first boat's people; the second alert is about another boat
    assert [_read_as(i) for i in _read(_TWO_ALERTS)] == [
        (EventType.RESCUE, "au large de Wimereux", 14),
        (EventType.RESCUE, "au large de Hardelot", None),
    ]


def test_the_boat_just_told_of_contains_its_count() -> None:
    text = _TWO_ALERTS + "Elle contient neuf exilés, tous ramenés à Boulogne-sur-Mer vers midi."
    assert [_read_as(i) for i in _read(text)] == [
        (EventType.RESCUE, "au large de Wimereux", 14),
        (EventType.RESCUE, "au large de Hardelot", 9),
    ]


def test_the_sentence_turning_to_the_second_boat_counts_it() -> None:
    text = _TWO_ALERTS.replace(
        "Une seconde alerte est lancée vers 8 heures.",
        "Une seconde alerte est lancée vers 8 heures pour 11 personnes.",
    )
    assert [_read_as(i) for i in _read(text)] == [
        (EventType.RESCUE, "au large de Wimereux", 14),
        (EventType.RESCUE, "au large de Hardelot", 11),
    ]


# -- a landing seen, a lifeboat station called out --------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Walkers watched a dinghy with 30 people land on the beach at Dymchurch.",
            "Dymchurch",
            30,
        ),
        ("The evening saw some 25 migrants land at Greatstone.", "Greatstone", 25),
    ],
)
def test_people_or_a_boat_seen_to_land_arrived(text: str, place: str, people: int) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.ARRIVAL and incident.people == people
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text", ["Residents saw the plane land at Lydd.", "Police were seen on land at Deal."]
)
def test_land_without_people_or_boat_is_no_arrival(text: str) -> None:
    assert _read(text) == []


def test_a_lifeboat_station_called_out_to_a_boat_is_a_rescue() -> None:
    incident = _only(
        "Walmer RNLI was paged this morning to a dinghy with people aboard off Kingsdown."
    )
    assert incident.event_type is EventType.RESCUE
    assert incident.place_name is not None and "Kingsdown" in incident.place_name


def test_a_lifeboat_station_sending_a_statement_is_no_rescue() -> None:
    assert _read("The RNLI said it had sent a statement to the press about Folkestone.") == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # the counted party before 'were among' is some of the dead: not their count
        ("Two teenagers were among those who drowned off Wimereux on Tuesday.", None),
        ("Mardi, deux adolescents figuraient parmi les noyés au large de Wimereux.", None),
        # the number after it is then the event's own
        ("Two teenagers were among 9 people who drowned off Wimereux on Tuesday.", 9),
    ],
)
def test_a_count_said_to_be_among_the_victims_is_a_part_of_them(
    text: str, people: int | None
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.DEATH, people)


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, 12 people were rescued off Hardelot. They were among 90 people stopped "
        "or rescued along the coast that day.",
        "Mardi, 12 migrants ont été secourus au large d'Hardelot. Ils étaient parmi les 90 "
        "personnes secourues sur la côte ce jour-là.",
    ],
)
def test_a_party_told_of_among_a_larger_number_keeps_its_own_count(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 12)


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, nine people were found paddling a canoe off Wissant.",
        "Mardi, un exilé a été retrouvé dans un canot au large de Wissant.",
    ],
)
def test_people_found_in_a_boat_are_no_wreck(text: str) -> None:
    assert _only(text).event_type is EventType.INTERCEPTION


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, walkers found a dinghy on the beach at Wissant.",
        "On Tuesday, a dinghy was found on the beach at Wissant.",
        "Mardi, des promeneurs ont découvert un canot sur la plage de Wissant.",
    ],
)
def test_a_boat_found_is_still_debris(text: str) -> None:
    assert _only(text).event_type is EventType.DEBRIS


@pytest.mark.parametrize(
    "text",
    [
        "Pendant le mois de février, plus de 200 exilés ont été secourus au large de Wimereux.",
        "Over the month of February, some 200 people were rescued off Wimereux.",
    ],
)
def test_a_count_over_a_whole_month_is_a_statistic(text: str) -> None:
    assert _read(text) == []


def test_a_rescue_said_to_be_one_of_the_month_is_still_an_event() -> None:
    text = "On Tuesday, 12 people were rescued off Wimereux, the fourth rescue for the month."
    assert _read_as(_only(text)) == (EventType.RESCUE, "off Wimereux", 12)


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, un corps a été retrouvé sur la plage de Wissant et un autre hissé à bord d'un "
        "chalutier.",
        "On Thursday, a body was found on the beach at Wissant and another recovered by a trawler.",
    ],
)
def test_one_more_dead_told_without_its_verb_is_counted(text: str) -> None:
    assert _only(text).people == 2


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # one more hurt is no one more dead
        ("Jeudi, un homme est mort au large de Wissant et un autre blessé.", 1),
        # one more at a place of its own is another find
        ("On Thursday, two bodies were found at Wissant and another washed up at Hardelot.", 2),
    ],
)
def test_one_more_hurt_or_found_elsewhere_is_not_one_more_dead(text: str, people: int) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert deaths[0].people == people


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, two men were found unconscious off Hardelot by a fishing boat.",
        "Vendredi, deux hommes ont été retrouvés dans l'eau au large d'Hardelot.",
    ],
)
def test_people_found_in_the_water_or_unconscious_were_saved_not_stopped(text: str) -> None:
    assert _only(text).event_type is EventType.RESCUE


def test_a_group_found_on_land_in_france_was_still_stopped() -> None:
    text = "Vendredi, quinze exilés ont été retrouvés dans les dunes d'Hardelot."
    assert _only(text).event_type is EventType.INTERCEPTION


# -- where boats set off, told in other words ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, migrants carried a large grey dinghy into the sea at Wissant.",
        "On Tuesday, about 40 people pushed a grey inflatable into the water at Wissant.",
        "Mardi, une trentaine d'exilés ont porté un grand canot jusqu'à l'eau à Wissant.",
        "Mardi, des migrants ont poussé leur embarcation dans l'eau à Wissant.",
        "Mardi, des migrants ont mis un bateau à l'eau dans le canal, à Wissant.",
    ],
)
def test_a_boat_carried_pushed_or_put_into_the_water_is_launched_there(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.LAUNCH, dt.date(2024, 3, 12))
    assert "Wissant" in (incident.place_name or "")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Jeudi, une quarantaine d'exilés ont pris place dans une embarcation à Berck.", "Berck"),
        (
            "Jeudi soir, 35 personnes ont pris place à bord d'un canot pneumatique sur la plage "
            "de Wissant.",
            "Wissant",
        ),
    ],
)
def test_people_taking_their_seats_in_a_boat_on_shore_launched_there(text: str, place: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.LAUNCH and place in (incident.place_name or "")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Jeudi, une cinquantaine d'exilés ont pris place dans un bateau-taxi au large de "
            "Hardelot.",
            EventType.EMBARKATION,
        ),
        (
            "Jeudi, les exilés secourus au large de Berck ont pris place dans le canot de la SNSM.",
            EventType.RESCUE,
        ),
    ],
)
def test_seats_taken_in_a_taxi_boat_or_a_lifeboat_are_no_launch(text: str, kind: EventType) -> None:
    assert [i.event_type for i in _read(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On Thursday a taxi boat picked up some 50 people off the beach at Gravelines.",
            EventType.EMBARKATION,
        ),
        (
            "Jeudi, un bateau-taxi a récupéré une cinquantaine d'exilés au large de la plage de "
            "Gravelines.",
            EventType.EMBARKATION,
        ),
        (
            "Jeudi, une cinquantaine d'exilés ont été récupérés par un bateau-taxi au large de "
            "Gravelines.",
            EventType.EMBARKATION,
        ),
        # the taxi boat in trouble, its people taken in by rescuers
        (
            "On Thursday the lifeboat picked up 50 people from a taxi boat in difficulty off "
            "Gravelines.",
            EventType.RESCUE,
        ),
        (
            "Jeudi, un bateau-taxi a été secouru au large de Gravelines avec 50 personnes à bord.",
            EventType.RESCUE,
        ),
    ],
)
def test_people_a_taxi_boat_picks_up_boarded_it(text: str, kind: EventType) -> None:
    assert [i.event_type for i in _read(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The dinghy, which had left Dunkirk before dawn on Thursday, was rescued by French "
            "lifeboats with 45 people aboard.",
            "Dunkirk",
        ),
        (
            "Le canot, qui avait quitté la plage de Wimereux dans la nuit de mercredi à jeudi, a "
            "été secouru avec 45 personnes à bord.",
            "Wimereux",
        ),
        (
            "Le canot, qui était parti de Wissant jeudi à l'aube, a été secouru au large de "
            "Calais.",
            "Wissant",
        ),
    ],
)
def test_a_departure_told_in_a_relative_clause_is_a_launch_there(text: str, place: str) -> None:
    launches = [i for i in _read(text) if i.event_type is EventType.LAUNCH]
    assert len(launches) == 1 and place in (launches[0].place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday a dinghy capsized off Wimereux, which left three people dead.",
        "Jeudi, les 40 exilés, qui avaient quitté leur camp de Loon-Plage, ont été interceptés "
        "sur la plage de Gravelines.",
    ],
)
def test_a_relative_clause_that_left_the_dead_or_a_camp_is_no_launch(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, une quarantaine d'exilés sont entrés dans l'eau pour rejoindre une embarcation "
        "qui attendait au large d'Hardelot.",
        "Jeudi, une quarantaine d'exilés ont marché dans l'eau pour atteindre un canot à Hardelot.",
    ],
)
def test_people_walking_into_the_sea_to_reach_a_boat_board_it(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.EMBARKATION and "Hardelot" in (
        incident.place_name or ""
    )


def test_a_rescuer_walking_into_the_sea_to_reach_a_man_boards_nothing() -> None:
    text = (
        "Jeudi, un sauveteur est entré dans l'eau pour atteindre un homme inconscient à Hardelot."
    )
    assert all(i.event_type is not EventType.EMBARKATION for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, des exilés ont mis à l'eau un canot depuis la plage de Wissant avant d'être "
        "secourus.",
        "On Thursday migrants launched a dinghy from the beach at Wissant before being rescued.",
    ],
)
def test_a_boat_launched_before_being_rescued_launched_there(text: str) -> None:
    # the rescue happened at sea, somewhere the report does not say: not on the beach left
    assert _kinds(_read(text))[0][0] == "launch"
    assert all(i.event_type is not EventType.RESCUE for i in _read(text))


def test_people_rescued_before_being_taken_to_a_port_keep_their_count_there() -> None:
    text = "On Thursday 40 people were rescued off Wissant before being taken to Dover."
    assert [(i.event_type, i.people) for i in _read(text)] == [
        (EventType.RESCUE, 40),
        (EventType.ARRIVAL, 40),
    ]


def test_a_wrecked_boat_carried_up_the_beach_is_still_debris() -> None:
    text = "On Tuesday, volunteers carried a wrecked dinghy up the beach at Wissant."
    assert _only(text).event_type is EventType.DEBRIS


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday an inflatable craft was launched to look for survivors off Wimereux.",
        "Mardi, le remorqueur a mis son embarcation à l'eau pour aller secourir les naufragés au "
        "large de Wimereux.",
        "Mardi, la vedette a mis un canot à l'eau pour récupérer les naufragés au large de "
        "Wimereux.",
    ],
)
def test_a_craft_launched_to_look_for_survivors_is_a_rescue_not_a_departure(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.RESCUE
    assert "Wimereux" in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a dinghy was launched from Wimereux beach to reach England.",
        "Mardi, des migrants ont mis un canot à l'eau à Wimereux pour tenter la traversée.",
    ],
)
def test_a_boat_launched_to_reach_england_is_still_a_launch(text: str) -> None:
    assert _only(text).event_type is EventType.LAUNCH


@pytest.mark.parametrize(
    ("text", "launched", "rescued"),
    [
        (
            "Partis de Gravelines, les 45 migrants ont été secourus mardi au large de Dunkerque.",
            "Gravelines",
            "Dunkerque",
        ),
        (
            "Parties de Wissant, deux embarcations ont été secourues mardi au large de Calais.",
            "Wissant",
            "Calais",
        ),
    ],
)
def test_a_sentence_opening_on_where_the_boat_left_tells_a_launch_there(
    text: str, launched: str, rescued: str
) -> None:
    places = {(i.event_type, (i.place_name or "").split()[-1]) for i in _read(text)}
    assert places == {(EventType.LAUNCH, launched), (EventType.RESCUE, rescued)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "After leaving Wimereux on Tuesday, the boat got into difficulty and 30 people were "
            "rescued.",
            "Wimereux",
        ),
        (
            "Après avoir quitté Le Portel mardi, l'embarcation est tombée en panne et 40 "
            "personnes ont été secourues.",
            "Le Portel",
        ),
    ],
)
def test_the_place_a_boat_left_before_its_trouble_is_its_launch_not_its_rescue(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.LAUNCH, place)


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, a man died when a migrant boat deflated shortly after it left the coast at "
        "Tardinghen, near Calais.",
        "Dimanche, un homme est mort quand l'embarcation s'est dégonflée peu après avoir quitté "
        "la plage de Tardinghen.",
    ],
)
def test_a_death_moments_after_a_boat_left_happened_where_it_left(text: str) -> None:
    places = {(i.event_type, i.place_name) for i in _read(text)}
    assert places == {(EventType.DEATH, "Tardinghen"), (EventType.LAUNCH, "Tardinghen")}


def test_a_sentence_opening_on_near_a_place_is_near_it() -> None:
    incident = _only("Près de Wissant, 40 migrants ont été secourus mardi.")
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 40)
    assert "Wissant" in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of migrants pushed off from the beach at Sangatte on Tuesday.",
        "On Tuesday a small boat pushed off from Sangatte with 50 people on board.",
    ],
)
def test_a_boat_that_pushed_off_from_a_beach_launched_there(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.LAUNCH, dt.date(2024, 3, 12))
    assert "Sangatte" in (incident.place_name or "")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Mardi, deux exilés sont morts sur la plage d'Hardelot. Le parquet a ouvert une "
            "enquête. Ils sont morts mardi lors d'un départ au sud de Boulogne-sur-Mer.",
            "Hardelot",
        ),
        (
            "A woman died on Tuesday north-east of Dunkirk, officials said. Police closed the "
            "road. Her body was found on Tuesday on the beach at Bray-Dunes.",
            "Bray-Dunes",
        ),
    ],
)
def test_a_death_told_by_its_bearing_from_a_town_is_the_one_named_that_way(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.DEATH
    assert place in (incident.place_name or "")


def test_a_death_told_south_of_a_town_is_not_one_named_north_of_it() -> None:
    text = (
        "Un migrant est mort mardi au sud de Boulogne-sur-Mer. Le parquet a ouvert une enquête. "
        "Mardi, un migrant est mort à Wissant."
    )
    places = [i.place_name or "" for i in _read(text)]
    assert len(places) == 2 and any("Wissant" in place for place in places), places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Tuesday a group of men were seen climbing ashore in Ramsgate Harbour.", "Ramsgate"),
        ("Around thirty people clambered ashore at Folkestone Harbour on Tuesday.", "Folkestone"),
        (
            "Police said six people seen getting out of a dinghy on the shore at Deal on Tuesday "
            "were handed to immigration officers.",
            "Deal",
        ),
    ],
)
def test_people_stepping_ashore_or_off_a_boat_on_the_shore_arrived_there(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.ARRIVAL, dt.date(2024, 3, 12))
    assert place in (incident.place_name or "")


def test_people_climbing_out_of_a_dinghy_onto_a_lifeboat_did_not_arrive() -> None:
    text = "On Tuesday the men climbed out of the dinghy onto the lifeboat off Dungeness."
    assert all(i.event_type is not EventType.ARRIVAL for i in _read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Les gendarmes ont découvert mardi sur la plage de Wissant une quarantaine de "
            "migrants s'apprêtant à prendre la mer.",
            "Wissant",
        ),
        (
            "Mardi, les policiers ont surpris près d'Équihen-Plage 25 exilés sur le point de "
            "faire la traversée.",
            "Équihen",
        ),
        (
            "On Tuesday police found 30 people near Gravelines who were about to set off.",
            "Gravelines",
        ),
    ],
)
def test_people_found_about_to_cross_were_stopped_there(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.INTERCEPTION, dt.date(2024, 3, 12))
    assert place in (incident.place_name or "")


def test_people_only_seen_about_to_cross_were_not_stopped() -> None:
    text = "Mardi, des journalistes ont vu à Wimereux des migrants s'apprêtant à prendre la mer."
    assert all(i.event_type is not EventType.INTERCEPTION for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Quarante migrants ont été secourus mardi au large de Gravelines. Une première embarcation"
        " avec 15 personnes a été secourue au large de Gravelines vers 4 heures. Plus tard, 25"
        " personnes ont été secourues au large de Wissant.",
        "Seize migrants ont été secourus mardi au large de Calais au cours de deux opérations"
        " distinctes. Vers 5 heures, six personnes ont été secourues au large de Calais. Dans"
        " l'après-midi, dix migrants ont été secourus au large de Wimereux.",
        "Border Force rescued 12 people off Dover on Tuesday. Later, 18 people were rescued off"
        " Folkestone. In all, 30 people were rescued off the Kent coast at Dover on Tuesday.",
    ],
)
def test_a_total_of_the_boats_told_one_by_one_is_no_boat_of_its_own(text: str) -> None:
    incidents = _read(text)
    assert len(incidents) == 2, _kinds(incidents)
    assert {i.event_type for i in incidents} == {EventType.RESCUE}
    assert sorted(i.people or 0 for i in incidents) in ([15, 25], [6, 10], [12, 18])


@pytest.mark.parametrize(
    "text",
    [
        "Trente migrants ont été secourus mardi au large de Calais. Lundi, dix migrants avaient été"
        " secourus au large de Wimereux et vingt au large de Boulogne-sur-Mer.",
        "Thirty people were rescued off Dover on Tuesday. Ten people were rescued off Folkestone"
        " on Tuesday, and 20 were rescued off Deal. Another boat was rescued off Hastings on"
        " Tuesday.",
    ],
)
def test_a_count_that_only_matches_some_or_other_days_boats_is_a_boat_of_its_own(
    text: str,
) -> None:
    assert 30 in [i.people for i in _read(text)]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("On Monday a dinghy with 16 suspected illegal immigrants on it landed at Dover.", 16),
        ("Lundi, une embarcation avec 27 immigrés a été interceptée au large de Calais.", 27),
    ],
)
def test_immigrants_are_counted_people(text: str, people: int) -> None:
    assert _only(text).people == people


def test_immigration_officers_are_not_counted_people() -> None:
    text = "On Monday 16 migrants arrived at Dover, where 40 immigration officers met them."
    assert _only(text).people == 16


# -- deaths told as a grim discovery or a death pronounced later ----------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Des promeneurs ont fait mardi une macabre découverte sur la plage de Wissant.",
            "Wissant",
        ),
        ("C'est sur la plage de Hardelot que la découverte macabre a eu lieu mardi.", "Hardelot"),
        ("A dog walker made a grim discovery on the beach at Hythe on Tuesday.", "Hythe"),
        (
            "On Tuesday a man taken from the sea off Gravelines was pronounced dead in hospital.",
            "Gravelines",
        ),
    ],
)
def test_a_grim_discovery_or_a_death_pronounced_later_is_a_death(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.DEATH, dt.date(2024, 3, 12))
    assert place in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, la découverte d'un réseau de passeurs à Dunkerque a surpris les enquêteurs.",
        "On Tuesday police announced the discovery of a smuggling network in Calais.",
    ],
)
def test_a_discovery_that_is_no_body_is_no_death(text: str) -> None:
    assert all(i.event_type is not EventType.DEATH for i in _read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mardi, une embarcation a touché terre à Douvres avec 40 personnes.", "Douvres"),
        ("Les migrants ont touché terre sur la plage de Deal mardi.", "Deal"),
    ],
)
def test_a_boat_or_people_that_touched_land_arrived_there(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.ARRIVAL, dt.date(2024, 3, 12))
    assert place in (incident.place_name or "")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mardi, les Britanniques ont arraisonné trois canots au large de Douvres.", "Douvres"),
        ("Une embarcation de 30 exilés a été arraisonnée mardi au large de Calais.", "Calais"),
    ],
)
def test_a_small_boat_boarded_at_sea_was_intercepted_there(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.date) == (EventType.INTERCEPTION, dt.date(2024, 3, 12))
    assert place in (incident.place_name or "")


def test_a_fishing_boat_boarded_at_sea_is_no_interception() -> None:
    text = "Mardi, la marine a arraisonné un chalutier de pêche au large de Boulogne-sur-Mer."
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        ("Mardi, 33 naufragés sont identifiés près de Leffrinckoucke.", "Leffrinckoucke", 33),
        ("Mardi soir, 20 naufragés ont été localisés au large de Gravelines.", "Gravelines", 20),
    ],
)
def test_shipwrecked_people_located_at_sea_are_rescued_there(
    text: str, place: str, people: int
) -> None:
    incident = _only(text)
    assert _read_as(incident)[::2] == (EventType.RESCUE, people)
    assert place in (incident.place_name or "")


def test_the_body_of_one_shipwrecked_found_is_still_a_death() -> None:
    text = "Mardi, le corps d'un des naufragés a été retrouvé sur la plage de Wimereux."
    assert _only(text).event_type is EventType.DEATH


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Lundi matin, un chalutier a repéré une embarcation en difficulté au large de Wimereux."
            " Selon la préfecture maritime, il s'agissait d'un canot pneumatique avec 14 personnes"
            " à bord qui tentaient de rejoindre Douvres.",
            14,
        ),
        (
            "On Monday a ferry spotted a boat in trouble off Dover. According to the coastguard,"
            " it was a small dinghy with nine people on board trying to cross the Strait of Dover.",
            9,
        ),
        # a second boat named in the same words is another boat: its count is not the first one's
        (
            "Lundi, une embarcation en difficulté a été secourue au large de Calais. Il s'agissait"
            " d'une deuxième embarcation avec 40 personnes à bord au large de Gravelines.",
            None,
        ),
    ],
)
def test_the_boat_told_of_is_named_with_its_count_and_where_it_was_going(
    text: str, people: int | None
) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Lundi, un canot en difficulté a été repéré au large de Berck. Il s'échoue sur un banc"
            " de sable et ses 17 passagers rejoignent la plage à pied.",
            17,
        ),
        (
            "On Monday a dinghy was rescued off Deal. The lifeboat crew said its 23 occupants were"
            " cold but unhurt.",
            23,
        ),
        # an organisation's own people are not the boat's
        (
            "On Monday a dinghy was rescued off Deal. The charity said its 300 volunteers had"
            " helped thousands this year.",
            None,
        ),
    ],
)
def test_the_boats_people_are_counted_by_the_possessive(text: str, people: int | None) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "A dinghy was reported to the coastguard on Monday, with fourteen people on board."
            " Later a lifeboat crew brought the group ashore at Walmer.",
            14,
        ),
        (
            "On Friday a small inflatable carrying nine men was seen in the Channel. Border Force"
            " brought the migrants ashore at Dover.",
            9,
        ),
    ],
)
def test_the_party_named_again_by_its_noun_takes_its_count(text: str, people: int) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people were rescued in the Channel on Monday. On Tuesday, a lifeboat brought the"
        " passengers of another dinghy ashore at Ramsgate.",
        "Twelve people were seen in a dinghy in the Channel on Monday. Border Force brought the"
        " people smugglers ashore at Dover.",
    ],
)
def test_the_people_of_another_boat_take_no_count_told_before(text: str) -> None:
    assert 12 not in [i.people for i in _read(text) if i.event_type is EventType.ARRIVAL]


@pytest.mark.parametrize(
    ("text", "country", "people"),
    [
        ("Forty people were rescued by the French coastguard on Tuesday.", "FR", 40),
        ("Trente migrants ont été secourus mardi par la gendarmerie maritime.", "FR", 30),
        ("On Tuesday the RNLI rescued 25 people from a sinking dinghy.", "GB", 25),
    ],
)
def test_a_rescue_told_only_by_who_acted_is_in_their_country(
    text: str, country: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.country, incident.people) == (
        EventType.RESCUE,
        country,
        people,
    )
    assert (incident.lon, incident.location_precision) == (None, LocationPrecision.COUNTRY)


def test_a_rescue_placed_and_told_by_who_acted_stays_where_it_was() -> None:
    text = "Forty people were rescued off Wimereux on Tuesday by French authorities."
    assert _read_as(_only(text)) == (EventType.RESCUE, "off Wimereux", 40)


def test_a_rescue_in_the_channel_by_no_one_named_is_still_not_mapped() -> None:
    assert _read("Some 55 people were rescued in the Channel on Tuesday.") == []


def test_a_day_of_rescues_told_boat_by_boat_is_not_one_more_rescue() -> None:
    text = (
        "Mardi, trois embarcations avec 70 exilés à bord ont été secourues par la préfecture "
        "maritime. Un patrouilleur a récupéré 12 exilés au large de Wissant. "
        "La SNSM a ensuite secouru 25 exilés au large d'Équihen-Plage."
    )
    assert sorted(_read_as(i) for i in _read(text)) == [
        (EventType.RESCUE, "au large d'Équihen-Plage", 25),
        (EventType.RESCUE, "au large de Wissant", 12),
    ]


def test_a_several_boat_rescue_of_another_day_is_its_own() -> None:
    text = (
        "Three boats with 90 people were rescued by French authorities on Tuesday. "
        "On Monday, a boat with 40 people was rescued off Calais."
    )
    assert sorted((i.event_type, i.country, i.people) for i in _read(text)) == [
        (EventType.RESCUE, "FR", 40),
        (EventType.RESCUE, "FR", 90),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gendarmes watched as a migrant 'taxi boat' took people on board off Hardelot beach.",
        'Police stood by while a migrant "taxi boat" picked up passengers at Gravelines beach.',
        "Officers saw a migrant taxi boat collect passengers off Wissant beach.",
    ],
)
def test_a_migrant_boat_counts_no_one(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.EMBARKATION, None)


@pytest.mark.parametrize(
    "text",
    [
        "A migrant drowned near the boat off Calais on Monday.",
        "A migrant was found dead beside a dinghy on the beach at Wimereux.",
    ],
)
def test_a_migrant_beside_a_boat_is_still_one_person(text: str) -> None:
    assert _only(text).people == 1


@pytest.mark.parametrize(
    "text",
    [
        "Des embarcations ont été secourues au large de Calais et au large de Dunkerque mardi. "
        "Plus de 80 exilés ont été secourus.",
        "Des sauvetages mardi au large de Berck, de Wimereux. Avec plus d'une cinquantaine "
        "d'exilés secourus.",
        "On Tuesday lifeboats rescued migrants off Hastings and off Dungeness. More than 70 "
        "people were rescued.",
    ],
)
def test_a_count_after_rescues_at_several_places_is_none_of_theirs(text: str) -> None:
    incidents = _read(text)
    assert len(incidents) == 2, _kinds(incidents)
    assert all((i.event_type, i.people) == (EventType.RESCUE, None) for i in incidents), _kinds(
        incidents
    )


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("On Tuesday a dinghy was rescued off Dungeness. 45 people were rescued.", 45),
        (
            "On Thursday police were called to the Leas, Folkestone, after a boat came ashore. "
            "Nine migrants were detained in the area.",
            9,
        ),
    ],
)
def test_a_count_after_one_place_is_its_own(text: str, people: int) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "Four people are feared dead after three canoes were found adrift off Wimereux.",
            EventType.DEBRIS,
            "off Wimereux",
        ),
        (
            "Trois personnes sont portées disparues après que deux kayaks ont été retrouvés "
            "à la dérive au large de Calais.",
            EventType.DEBRIS,
            "au large de Calais",
        ),
        (
            "A dinghy was found adrift off Dunkirk with 40 people on board.",
            EventType.RESCUE,
            "off Dunkirk",
        ),
        ("Police said 20 migrants were found near Gravelines.", EventType.INTERCEPTION, None),
    ],
)
def test_a_boat_found_adrift_is_what_was_found(
    text: str, kind: EventType, place: str | None
) -> None:
    incident = _only(text)
    assert incident.event_type is kind
    assert place is None or incident.place_name == place


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "On Monday night two boats got into trouble in the Channel. The first, off Gravelines,"
            " had 25 people aboard. A trawler spotted it. A patrol boat was sent to rescue them.",
            "off Gravelines",
            25,
        ),
        (
            "Mardi, une embarcation est en difficulté. A bord, au large de Wimereux, se trouvent"
            " 31 exilés. Un ferry l'a signalée au CROSS. La SNSM est engagée pour les secourir.",
            "au large de Wimereux",
            31,
        ),
    ],
)
def test_a_party_counted_before_a_sighting_is_the_party_rescued_after_it(
    text: str, place: str, people: int
) -> None:
    assert [(i.event_type, i.place_name, i.people) for i in _read(text)] == [
        (EventType.RESCUE, place, people)
    ]


def test_a_party_counted_before_a_sighting_of_others_is_not_theirs() -> None:
    text = (
        "On Monday night a boat got into trouble in the Channel. The first, off Gravelines, had"
        " 25 people aboard. A trawler spotted 3 people in the water. A patrol boat was sent to"
        " rescue them."
    )
    assert [(i.place_name, i.people) for i in _read(text)] == [("off Gravelines", 3)]


def test_a_share_of_the_party_told_is_no_count_of_its_own() -> None:
    text = (
        "Mardi, une embarcation est en difficulté au large de Wimereux. Parmi les passagers, il y"
        " a deux enfants. Ils sont secourus par la SNSM."
    )
    assert [i.people for i in _read(text)] == [None]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Mardi soir, une quarantaine d'exilés tentaient de prendre la mer depuis la plage "
            "d'Équihen.",
            "Équihen",
        ),
        ("Mercredi, une quarantaine de migrants ont tenté de prendre la mer à Wissant.", "Wissant"),
        ("On Tuesday night about 40 people tried to put to sea at Wimereux.", "Wimereux"),
    ],
)
def test_an_attempted_launch_is_a_launch(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.LAUNCH, 40), _kinds([incident])
    assert place in (incident.place_name or "")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Samedi, 40 migrants qui tentaient de prendre la mer à Gravelines ont été interpellés.",
            EventType.INTERCEPTION,
        ),
        (
            "On Saturday 40 migrants were rescued off Gravelines after they tried to put to sea.",
            EventType.RESCUE,
        ),
    ],
)
def test_an_attempted_launch_gives_way_to_what_befell_it(text: str, kind: EventType) -> None:
    assert _only(text).event_type is kind


def test_a_launch_only_intended_is_none() -> None:
    assert _read("Samedi, 40 migrants s'apprêtaient à prendre la mer à Gravelines.") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Jeudi, 45 exilés ont été secourus entre Calais et Dunkerque.", "FR"),
        ("Mardi, 45 personnes ont été secourues entre Boulogne-sur-Mer et Berck.", "FR"),
        ("On Thursday the lifeboat rescued 45 people between Folkestone and Dungeness.", "GB"),
    ],
)
def test_a_rescue_between_two_towns_of_one_side_is_in_its_waters(text: str, country: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, incident.country) == (
        EventType.RESCUE,
        45,
        country,
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday 45 migrants were rescued between Dover and Calais.",
        "Jeudi, 45 exilés ont été secourus entre Calais et Douvres.",
    ],
)
def test_a_rescue_between_both_sides_is_not_mapped(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Samedi, le drame a eu lieu sur la plage de Wimereux alors qu'une cinquantaine "
            "d'exilés tentaient de prendre la mer. Un homme est mort dans la bousculade.",
            "la plage de Wimereux",
        ),
        (
            "The incident took place at Gravelines while dozens of migrants were trying to "
            "launch a dinghy. A man died.",
            "Gravelines",
        ),
    ],
)
def test_a_scene_told_with_a_launch_still_places_the_next_sentence(text: str, place: str) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [(d.place_name, d.people) for d in deaths] == [(place, 1)]


def test_a_scene_told_with_a_launch_lends_nothing_to_another_day() -> None:
    text = (
        "Samedi, le drame a eu lieu sur la plage de Wimereux alors qu'une cinquantaine "
        "d'exilés tentaient de prendre la mer. Dimanche, un homme est mort au large de Dunkerque."
    )
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [(d.place_name, d.people) for d in deaths] == [("au large de Dunkerque", 1)]


def test_a_share_landing_told_by_a_french_participle_is_an_arrival() -> None:
    text = "Lundi, un record de 500 personnes ont traversé, la plupart débarquant à Dymchurch."
    assert [_read_as(i) for i in _read(text)] == [
        (EventType.ARRIVAL, "Dymchurch", None),
        (EventType.ARRIVAL, "United Kingdom", 500),
    ]


def test_the_rescued_landing_in_france_stay_a_rescue() -> None:
    incident = _only(
        "Mardi, 40 naufragés ont été secourus au large de Wimereux, débarquant ensuite à Boulogne."
    )
    assert _read_as(incident) == (EventType.RESCUE, "au large de Wimereux", 40)


def test_the_coast_in_garde_cotes_is_no_coast_a_rescue_was_off() -> None:
    incidents = _read("Jeudi, 25 exilés ont été secourus par les garde-côtes britanniques.")
    assert all(i.place_name != "côtes britanniques" for i in incidents), _kinds(incidents)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Jeudi, 25 exilés ont été secourus par les garde-côtes britanniques.", "GB"),
        ("Mercredi, 31 personnes ont été secourues par les autorités françaises.", "FR"),
        ("Mercredi, 12 exilés ont été interceptés par la police belge.", "BE"),
    ],
)
def test_rescuers_named_in_french_word_order_place_the_event_in_their_country(
    text: str, country: str
) -> None:
    incident = _only(text)
    assert (incident.country, incident.location_precision) == (
        country,
        LocationPrecision.COUNTRY,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mardi soir, 30 exilés ont été secourus. "
        "Le reste des passagers a été secouru par les autorités britanniques.",
        "On Tuesday night 30 people were rescued. "
        "The rest of the passengers were rescued by British coastguards.",
    ],
)
def test_the_rest_of_a_boat_takes_no_count_from_the_group_told_before(text: str) -> None:
    assert all(i.people != 30 or i.country != "GB" for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Un canot a été signalé en difficulté au large de Wissant. Trois des 45 passagers "
            "ont été hélitreuillés. Les 42 autres ont été pris en charge par la SNSM.",
            "au large de Wissant",
            45,
        ),
        (
            "A dinghy got into difficulty off Dungeness. Three of the 45 passengers were "
            "airlifted. The other 42 were picked up by the lifeboat.",
            "off Dungeness",
            45,
        ),
        (
            "Une embarcation a été interceptée au large de Gravelines. Deux des 30 occupants "
            "ont été interpellés. Les 28 autres ont été ramenés sur la plage.",
            "au large de Gravelines",
            30,
        ),
        (
            "A dinghy got into difficulty off Dungeness. Three of the 45 passengers were "
            "airlifted and the other 42 were picked up by the lifeboat.",
            "off Dungeness",
            45,
        ),
        (
            "Trois des 45 passagers ont été hélitreuillés au large de Wissant, les 42 autres "
            "ont été pris en charge par la SNSM.",
            "au large de Wissant",
            45,
        ),
    ],
)
def test_a_party_told_in_two_parts_that_add_up_is_counted_whole(
    text: str, place: str, people: int
) -> None:
    assert _kinds(_read(text))[0][1:] == (place, people)


@pytest.mark.parametrize(
    ("text", "kind", "people"),
    [
        (
            "Un canot a chaviré au large de Wissant. Trois des 45 passagers sont morts. "
            "Les 42 autres ont été secourus.",
            "death",
            3,
        ),
        (
            "Un canot a été signalé en difficulté au large de Wissant. Trois des 45 passagers "
            "ont été hélitreuillés. Les 30 autres ont été pris en charge par la SNSM.",
            "rescue",
            3,
        ),
        (
            "Un canot a été signalé en difficulté au large de Wissant. Trois des 45 passagers "
            "ont été hélitreuillés. Les 42 autres sont morts noyés.",
            "rescue",
            3,
        ),
    ],
)
def test_parts_that_do_not_make_up_the_party_or_count_the_dead_stay_parts(
    text: str, kind: str, people: int
) -> None:
    assert _kinds(_read(text))[0][0::2] == (kind, people)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Une embarcation est signalée en difficulté au large de Wissant. Le remorqueur "
            "récupère une vingtaine de naufragés. Les 31 personnes ainsi secourues ont été "
            "déposées à Boulogne-sur-Mer.",
            "au large de Wissant",
        ),
        (
            "A dinghy was reported in difficulty off Dungeness. The lifeboat picked up about 20 "
            "people before the others agreed to board. The 31 people thus rescued were landed "
            "at Dover.",
            "off Dungeness",
        ),
    ],
)
def test_a_total_of_those_thus_rescued_counts_the_rescue_told_before(text: str, place: str) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert [(i.place_name, i.people) for i in rescues] == [(place, 31)]


def test_a_total_of_rescues_at_two_places_is_neither_one_s_count() -> None:
    incidents = _read(
        "Mardi, 20 exilés ont été secourus au large de Wissant. Mercredi, 15 autres ont été "
        "secourus au large de Gravelines. Les 35 personnes ainsi secourues ont été déposées "
        "à Calais."
    )
    assert ("rescue", "au large de Wissant", 20) in _kinds(incidents)
    assert ("rescue", "au large de Gravelines", 15) in _kinds(incidents)


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Mardi, un canot s'est retrouvé en difficulté au large d'Équihen-Plage. "
            "La vedette de la SNSM est intervenue. Lors de cette opération, 42 migrants "
            "ont été secourus.",
            "au large d'Équihen-Plage",
            42,
        ),
        (
            "On Tuesday night a dinghy got into difficulty off Wissant. A lifeboat from Calais "
            "was sent to it. During this operation, 38 people were saved.",
            "off Wissant",
            38,
        ),
    ],
)
def test_the_operation_just_told_of_is_the_rescue_at_its_place(
    text: str, place: str, people: int
) -> None:
    assert _read_as(_only(text)) == (EventType.RESCUE, place, people)


def test_a_rescue_in_another_operation_is_not_counted_with_the_one_told() -> None:
    text = (
        "Mardi, un canot s'est retrouvé en difficulté au large d'Équihen-Plage. "
        "La vedette de la SNSM est intervenue. Lors d'une autre opération, 42 migrants "
        "ont été secourus au large de Calais."
    )
    assert sorted(_kinds(_read(text)), key=str) == [
        ("rescue", "au large d'Équihen-Plage", None),
        ("rescue", "au large de Calais", 42),
    ]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Early on Friday a dinghy left the beach at Wissant. Smugglers had hidden it in the "
            "dunes. The wind was light. Residents watched from the dunes. About 45 people were "
            "in the boat.",
            45,
        ),
        (
            "Vendredi matin, un canot a quitté la plage de Wissant. Les passeurs l'avaient caché "
            "dans les dunes. La mer était calme. Des habitants regardaient depuis la digue. Une "
            "quarantaine de personnes se trouvaient dans l'embarcation.",
            40,
        ),
    ],
)
def test_people_later_said_to_be_in_the_boat_are_the_launch_s_count(text: str, people: int) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.LAUNCH, people)


@pytest.mark.parametrize(
    "last",
    [
        "About 45 people were in the second boat.",
        "Two smugglers were arrested in the boat.",
        "Eight people failed to climb into the boat.",
    ],
)
def test_people_of_another_boat_or_left_behind_are_not_the_launch_s_count(last: str) -> None:
    text = (
        "Early on Friday a dinghy left the beach at Wissant. Smugglers had hidden it in the "
        "dunes. The wind was light. Residents watched from the dunes. " + last
    )
    assert _only(text).people is None


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday a man was found unconscious in the water off Wissant. This man was later "
        "pronounced dead in hospital.",
        "Mardi, une femme a été retrouvée inconsciente sur la plage de Berck. Cette personne "
        "est décédée peu après à l'hôpital.",
        "Un exilé a été repêché au large de Sangatte dans la nuit. Ce migrant n'a pas pu être "
        "réanimé et est décédé.",
    ],
)
def test_a_death_told_of_this_person_is_one_death(text: str) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [i.people for i in deaths] == [1], _kinds(_read(text))


def test_this_survivor_leaves_the_count_of_the_dead_told_before() -> None:
    text = "On Tuesday a dinghy sank off Wissant and three people died. This woman survived."
    assert _kinds(_read(text)) == [("death", "off Wissant", 3)]


def test_seeing_the_far_coast_is_a_view_not_a_boat_sighted() -> None:
    assert _read("Depuis Wissant, on aperçoit les falaises de Douvres par temps clair.") == []
    boat = _only("Des promeneurs aperçoivent une embarcation au large de Wissant mardi.")
    assert (boat.event_type, boat.place_name) == (EventType.SIGHTING, "au large de Wissant")


def test_people_taken_to_a_facility_after_landing_did_not_land_there() -> None:
    incident = _only(
        "Thirty men landed at Kingsdown on Monday; all 30 were taken to an immigration centre "
        "in Folkestone."
    )
    assert _read_as(incident) == (EventType.ARRIVAL, "Kingsdown", 30)
    assert _read("All 25 migrants were taken to Home Office facilities in Ramsgate.") == []


def test_people_aboard_a_plane_are_not_the_count_of_the_boat_just_told() -> None:
    landed = _only(
        "Migrants landed at Deal on Monday. The removal flight to Kigali had only five people "
        "on board."
    )
    assert _read_as(landed) == (EventType.ARRIVAL, "Deal", None)
    boat = _only("Migrants landed at Deal on Monday. Spotted by a plane, the dinghy had 40 aboard.")
    assert _read_as(boat) == (EventType.ARRIVAL, "Deal", 40)


def test_people_landed_after_being_seen_at_sea_landed_where_they_were_brought() -> None:
    incident = _only(
        "Forty migrants were brought ashore at Ramsgate after being spotted in the sea off "
        "Deal on Monday."
    )
    assert _read_as(incident) == (EventType.ARRIVAL, "Ramsgate", 40)


def test_police_preventing_people_from_leaving_is_a_stop_not_a_launch() -> None:
    incident = _only(
        "Police cleared the dunes at Wissant on Monday, preventing 40 people from boarding a boat."
    )
    assert _read_as(incident) == (EventType.INTERCEPTION, "the dunes at Wissant", 40)


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "A dinghy carrying 30 people was towed into Newhaven Harbour by the lifeboat on "
            "Tuesday.",
            "Newhaven Harbour",
            30,
        ),
        ("The boat, with 12 men aboard, was towed to Ramsgate on Tuesday.", "Ramsgate", 12),
    ],
)
def test_a_boat_towed_into_an_english_harbour_arrived_there(
    text: str, place: str, people: int
) -> None:
    assert _read_as(_only(text)) == (EventType.ARRIVAL, place, people)


def test_people_towed_into_a_french_port_after_a_rescue_did_not_arrive() -> None:
    incidents = _read(
        "The 40 people rescued off Gravelines were towed into Calais harbour by the French navy "
        "on Tuesday."
    )
    assert _kinds(incidents) == [("rescue", "off Gravelines", 40)]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Police said 40 'asylum seekers' landed at Dungeness on Tuesday.", 40),
        ("Un bateau transportant 30 « exilés » a touché terre à Douvres mardi.", 30),
        ("Another boat with 25 “displaced people” was brought ashore at Hythe on Tuesday.", 25),
    ],
)
def test_people_named_in_quotes_are_counted(text: str, people: int) -> None:
    assert _only(text).people == people


def test_a_quote_closing_after_another_noun_counts_not_the_people_in_it() -> None:
    incident = _only(
        'Police said 3 "people smugglers" were arrested at Dover on Tuesday after 20 people landed.'
    )
    assert _read_as(incident) == (EventType.ARRIVAL, "Dover", 20)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Six migrant boats arrived at Deal on Tuesday.", None),
        ("Six migrant dinghies carrying 150 people reached Deal on Tuesday.", 150),
        ("Six migrants arrived at Deal on Tuesday in two boats.", 6),
    ],
)
def test_a_count_of_migrant_boats_counts_boats_not_people(text: str, people: int | None) -> None:
    assert _read_as(_only(text)) == (EventType.ARRIVAL, "Deal", people)


def test_the_people_one_lifeboat_brought_to_the_country_are_the_landing_it_places() -> None:
    incident = _only(
        "About 30 people were brought back to the UK by an RNLI lifeboat on Tuesday. Several "
        "were seen being taken into Ramsgate on stretchers."
    )
    assert _read_as(incident) == (EventType.ARRIVAL, "Ramsgate", 30)


def test_a_country_s_tally_beside_a_landing_stays_a_tally() -> None:
    incidents = _read(
        "About 600 people crossed to the UK on Tuesday. Several were seen being taken into "
        "Ramsgate on stretchers."
    )
    assert [i.people for i in incidents if i.event_type is EventType.ARRIVAL] == [600, None]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of people crossed the Channel on boats yesterday to reach Britain. A dinghy "
        "reached the beach at Hythe this morning. Others arrived at Deal and Ramsgate harbours, "
        "brought in by Border Force.",
        "Des centaines de personnes ont traversé la Manche hier pour rejoindre l'Angleterre. Un "
        "canot a touché terre à Hythe ce matin. D'autres sont arrivés à Deal et Ramsgate, amenés "
        "par la Border Force.",
    ],
)
def test_a_country_s_uncounted_multitude_lends_no_day_to_the_landings_told_after(
    text: str,
) -> None:
    landings = {i.place_name: i.date for i in _read(text) if i.event_type is EventType.ARRIVAL}
    assert (landings["Deal"], landings["Ramsgate"]) == (PUBLISHED, PUBLISHED)


def test_landings_told_on_the_day_of_the_multitude_keep_that_day() -> None:
    incident = _only(
        "Hundreds of people crossed the Channel on boats yesterday to reach Britain. Others "
        "arrived at Deal, brought in by Border Force."
    )
    assert (incident.place_name, incident.date) == ("Deal", dt.date(2024, 3, 13))


@pytest.mark.parametrize(
    "text",
    [
        "Six boats arrived at Deal on Tuesday. Some 200 people made it across to the UK on "
        "Tuesday.",
        "Six bateaux sont arrivés à Deal mardi. Quelque 200 personnes ont rejoint le Royaume-Uni "
        "mardi.",
    ],
)
def test_a_country_s_count_of_people_is_that_of_the_boats_counted_at_a_place(text: str) -> None:
    assert _read_as(_only(text)) == (EventType.ARRIVAL, "Deal", 200)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Six boats arrived at Deal on Tuesday. Some 900 people made it across to the UK on "
            "Tuesday.",
            900,
        ),
        (
            "Six boats arrived at Deal on Tuesday. A further 200 people made it across to the UK "
            "on Tuesday.",
            200,
        ),
    ],
)
def test_more_people_than_the_boats_hold_or_others_stay_the_country_s(
    text: str, people: int
) -> None:
    assert [i.people for i in _read(text)] == [None, people]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A group of migrants landed at Kingsdown, Deal, on Tuesday.", "Kingsdown"),
        ("Police met a dozen men who had landed on Fairlight Beach, Hastings.", "Fairlight Beach"),
        ("Des exilés ont débarqué à Kingsdown, Deal, mardi.", "Kingsdown"),
    ],
)
def test_a_town_after_a_place_by_a_comma_says_where_it_lies(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.ARRIVAL, place)


def test_places_listed_by_commas_stay_places() -> None:
    places = {i.place_name for i in _read("Boats landed at Deal, Walmer and Kingsdown on Tuesday.")}
    assert {"Deal", "Kingsdown"} <= places


@pytest.mark.parametrize(
    "text",
    [
        "Les gendarmes sont intervenus mardi sur la plage de Wissant après le départ d'un bateau.",
        "Police intervened on Wissant beach on Tuesday after the departure of a small boat.",
    ],
)
def test_an_intervention_after_a_boat_left_is_its_launch(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.LAUNCH
    assert "Wissant" in (incident.place_name or "")


def test_an_intervention_to_stop_a_departure_is_still_a_stop() -> None:
    text = "Mardi, les gendarmes sont intervenus à Wissant pour empêcher le départ d'un bateau."
    assert _only(text).event_type is EventType.INTERCEPTION


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, une trentaine de migrants sont montés à Hardelot dans un taxi-boat parti de Berck.",
        "On Tuesday 30 people boarded a taxi boat off Hardelot that had left Berck before dawn.",
    ],
)
def test_a_taxi_boat_that_left_a_place_was_launched_there(text: str) -> None:
    kinds = {(i.event_type, "Berck" in (i.place_name or "")) for i in _read(text)}
    assert kinds == {(EventType.EMBARKATION, False), (EventType.LAUNCH, True)}, _kinds(_read(text))


def test_people_who_left_a_beach_to_board_a_taxi_boat_boarded_there() -> None:
    text = "Mardi, des migrants partis de la plage de Wissant ont rejoint un taxi-boat."
    assert _only(text).event_type is EventType.EMBARKATION


@pytest.mark.parametrize(
    "text",
    [
        "The dinghy, which was seen packed with people, was launched from Wissant beach on Monday.",
        "The small boats filmed by residents were launched from the beach at Wissant on Tuesday.",
    ],
)
def test_a_boat_told_before_its_verb_was_launched_from_a_beach(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.LAUNCH
    assert "Wissant" in (incident.place_name or "")


def test_a_police_boat_launched_from_a_port_is_no_launch() -> None:
    text = "The Border Force boat, with its crew of six, was launched from Dover on Tuesday."
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday about 50 people cast off from the beach near Wissant.",
        "On Tuesday we watched a group of 50, who cast off from the beach near Wissant.",
    ],
)
def test_people_who_cast_off_from_a_beach_launched_there(text: str) -> None:
    assert _read_as(_only(text)) == (EventType.LAUNCH, "the beach near Wissant", 50)


@pytest.mark.parametrize(
    "text",
    [
        "Vers 5 heures, des dizaines d'exilés jettent un bateau pneumatique à l'eau à Wissant.",
        "Mardi, une cinquantaine de personnes ont jeté un canot à l'eau sur la plage de Wissant.",
    ],
)
def test_people_who_throw_a_boat_into_the_water_launched_it(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.LAUNCH
    assert "Wissant" in (incident.place_name or "")


def test_someone_who_throws_himself_into_the_water_launched_nothing() -> None:
    text = "Mardi, un migrant s'est jeté à l'eau à Wissant pour rejoindre le canot."
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Samedi, 80 personnes ont tenté de rejoindre l'Angleterre au départ de la plage de "
            "Wissant.",
            "la plage de Wissant",
        ),
        (
            "On Saturday 80 people tried to reach England from the beach at Wissant.",
            "the beach at Wissant",
        ),
    ],
)
def test_a_crossing_to_england_tried_from_a_beach_set_off_from_it(text: str, place: str) -> None:
    assert _read_as(_only(text)) == (EventType.LAUNCH, place, 80)


@pytest.mark.parametrize(
    "text",
    [
        "Beaucoup de migrants tentent de rejoindre l'Angleterre depuis les plages du Nord.",
        "Samedi, 80 personnes qui avaient tenté de rejoindre l'Angleterre au départ de Wissant ont "
        "été interceptées par la police.",
    ],
)
def test_a_crossing_to_england_tried_as_a_habit_or_stopped_is_no_launch(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Tuesday the 12 dinghies set off at dawn from Wissant.", "Wissant"),
        (
            "On Tuesday two dinghies set off at dawn from the beach near Wissant.",
            "the beach near Wissant",
        ),
    ],
)
def test_boats_that_set_off_from_a_place_launched_there(text: str, place: str) -> None:
    assert _read_as(_only(text))[:2] == (EventType.LAUNCH, place)


@pytest.mark.parametrize(
    "text",
    [
        "The Border Force boat set off at once from Dover.",
        "The French navy boat set off at once from Boulogne-sur-Mer.",
    ],
)
def test_a_police_or_navy_boat_setting_off_is_no_launch(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday police were filmed on Wissant beach slashing another boat with knives.",
        "On Tuesday officers waded into the water at Wissant, slashing at the dinghy's rubber.",
        "Mardi, sur la plage de Wissant, des policiers crèvent le pneumatique avec un couteau.",
        "Mardi à Wissant, les gendarmes sont entrés dans l'eau en lacérant le canot.",
        "A boat-slashing by officers was filmed at Wissant on Tuesday.",
    ],
)
def test_police_slashing_a_boat_stop_it(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.INTERCEPTION
    assert "Wissant" in (incident.place_name or "")


def test_slashing_boats_as_a_practice_is_no_incident() -> None:
    assert _read("The charity criticised the practice of slashing boats in general.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mardi soir, un départ d'embarcation était prévu à Wissant, selon la police.",
        "Mardi soir, le départ d'un bateau était prévu à Wissant, selon la police.",
    ],
)
def test_a_departure_only_planned_is_no_launch(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday the boats were launched from Wissant as planned.",
        "Mardi, le départ d'un bateau a eu lieu à Wissant plus tôt que prévu.",
    ],
)
def test_a_departure_that_went_as_planned_is_a_launch(text: str) -> None:
    assert _only(text).event_type is EventType.LAUNCH


@pytest.mark.parametrize(
    "text",
    [
        "The lifeboat, crewed by volunteers, was launched from Walmer on Tuesday.",
        "On Tuesday a dinghy was helped by the lifeboat which was launched from Dover.",
    ],
)
def test_where_a_lifeboat_was_launched_from_is_no_launch(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text)), _kinds(_read(text))


def test_a_dinghy_a_lifeboat_helped_was_launched_where_it_left() -> None:
    text = "On Tuesday a lifeboat saved 40 people from a dinghy that was launched from Wissant."
    launches = [i for i in _read(text) if i.event_type is EventType.LAUNCH]
    assert [i.place_name for i in launches] == ["Wissant"], _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place", "boats"),
    [
        ("Trois canots viennent chercher des migrants sur la plage de Calais.", "Calais", 3),
        ("Lundi, deux bateaux sont venus récupérer des gens à la plage de Wissant.", "Wissant", 2),
        ("On Monday, two dinghies came in to pick up migrants at Hardelot beach.", "Hardelot", 2),
    ],
)
def test_boats_coming_to_fetch_people_off_a_beach_take_them_on_board(
    text: str, place: str, boats: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.boats) == (EventType.EMBARKATION, boats)
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "Lundi, le canot de sauvetage est venu chercher les naufragés au large de Wissant.",
        "On Monday the lifeboat came to pick up the migrants off Dungeness.",
    ],
)
def test_a_lifeboat_coming_to_fetch_people_takes_no_one_across(text: str) -> None:
    assert all(i.event_type is not EventType.EMBARKATION for i in _read(text))


def test_people_embarking_from_a_beach_board_a_boat_there() -> None:
    incident = _only("On Monday, about 30 people embarked at Wissant beach.")
    assert _read_as(incident) == (EventType.EMBARKATION, "Wissant beach", 30)
    assert _read("The mayor embarked on a new plan for the seafront at Calais on Monday.") == []


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Lundi, près de 70 personnes ont mis un canot à l'eau depuis la plage de Wissant. "
            "Une cinquantaine d'entre elles ont pu monter à bord.",
            "Wissant",
            50,
        ),
        (
            "On Monday about 70 people launched a dinghy from Hardelot beach. "
            "Only 45 of them managed to get on the boat.",
            "Hardelot",
            45,
        ),
        (
            "Mardi, une centaine de migrants ont mis un bateau à l'eau à Gravelines. "
            "Seuls 60 ont réussi à embarquer.",
            "Gravelines",
            60,
        ),
    ],
)
def test_a_launch_carries_those_of_its_group_who_got_on(text: str, place: str, people: int) -> None:
    launch = next(i for i in _read(text) if i.event_type is EventType.LAUNCH)
    assert launch.place_name is not None and place in launch.place_name
    assert launch.people == people


@pytest.mark.parametrize(
    "text",
    [
        "Lundi, près de 70 personnes ont mis un canot à l'eau depuis la plage de Wissant. "
        "Vingt d'entre elles n'ont pas pu monter à bord.",
        "On Monday about 70 people launched two dinghies from Hardelot beach. "
        "30 of them boarded a second boat.",
        "On Monday about 70 people launched a dinghy from Hardelot beach. "
        "Only five of them had life jackets.",
    ],
)
def test_those_left_ashore_or_on_another_boat_do_not_count_the_launch(text: str) -> None:
    launch = next(i for i in _read(text) if i.event_type is EventType.LAUNCH)
    assert launch.people == 70


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Jeudi, un canot a été repéré en difficulté au large de Wissant. "
            "A son bord, 12 migrants qui voulaient rejoindre l'Angleterre.",
            12,
        ),
        (
            "On Thursday a dinghy was seen in difficulty off Wissant. "
            "There were 30 people on board, heading for the UK.",
            30,
        ),
        (
            "Jeudi, une embarcation a été interceptée au large de Wissant. "
            "Ses 25 passagers voulaient gagner Douvres.",
            25,
        ),
    ],
)
def test_where_the_boat_was_bound_leaves_its_count_to_it(text: str, people: int) -> None:
    incident = _only(text)
    assert incident.place_name is not None and "Wissant" in incident.place_name
    assert incident.people == people


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, un canot a été repéré en difficulté au large de Wissant. "
        "A son bord, 12 migrants partis de Gravelines.",
        "On Thursday a dinghy was seen in difficulty off Wissant. "
        "Another boat with 30 people on board was heading for the UK.",
    ],
)
def test_a_boat_from_elsewhere_or_another_boat_does_not_count_it(text: str) -> None:
    incident = next(i for i in _read(text) if "Wissant" in (i.place_name or ""))
    assert incident.people is None


@pytest.mark.parametrize(
    "text",
    [
        "Border Force dealt with six incidents on Tuesday. One boat carrying 40 people was "
        "intercepted off Dover.",
        "Lifeboat crews were kept busy on Tuesday. In one call, 40 people were rescued off Dover.",
        "Mardi à 3 heures, les secours ont été mobilisés. Une embarcation de 40 migrants a été "
        "interceptée au large de Wissant.",
        "Mardi, les secours ont été mobilisés à plusieurs reprises. Une embarcation de 40 migrants "
        "a été interceptée au large de Wissant.",
    ],
)
def test_a_day_named_by_a_sentence_of_no_incident_dates_the_boats_told_after_it(
    text: str,
) -> None:
    assert _only(text).date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Plusieurs tentatives de départ ont eu lieu le week-end du 9-10 mars. Une embarcation de "
        "40 migrants a été interceptée au large de Wissant.",
        "Border Force dealt with six incidents from Monday to Tuesday. One boat carrying 40 "
        "people was intercepted off Dover.",
    ],
)
def test_days_of_a_span_named_before_a_boat_do_not_date_it(text: str) -> None:
    # several days are no one day: the boat keeps the report's day
    assert _only(text).date == PUBLISHED


@pytest.mark.parametrize(
    "text",
    [
        "The coastguard was alerted to two small boats at about 4am on Tuesday. Forty people were "
        "intercepted off Dover.",
        "Le CROSS a été alerté mardi de la présence de deux embarcations. Quarante migrants ont "
        "été interceptés au large de Wissant.",
    ],
)
def test_the_day_rescuers_were_alerted_to_boats_dates_the_boats_told_after_it(text: str) -> None:
    assert _only(text).date == dt.date(2024, 3, 12)


def test_the_day_an_alert_was_told_of_does_not_date_the_boats() -> None:
    text = (
        "The Home Office said on Tuesday that it had been alerted to the risk. Forty people were "
        "intercepted off Dover."
    )
    assert _only(text).date == PUBLISHED


@pytest.mark.parametrize(
    "text",
    [
        "Pour rappel, un corps sans vie avait été retrouvé sur la plage de Wissant.",
        "A few days earlier, a body had been found on the beach at Wissant.",
        "Quelques jours plus tôt, un corps avait été découvert sur la plage de Wissant.",
    ],
)
def test_an_event_recalled_without_its_day_is_not_of_the_report_s_day(text: str) -> None:
    assert _only(text).date is None


@pytest.mark.parametrize(
    "text",
    [
        "Pour rappel, mardi, un corps sans vie a été retrouvé sur la plage de Wissant.",
        "A few days earlier, on Tuesday, a body was found on the beach at Wissant.",
    ],
)
def test_an_event_recalled_with_its_day_keeps_it(text: str) -> None:
    assert _only(text).date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mardi, trois migrants sont morts lors d'une traversée partie de Wissant.", "Wissant"),
        (
            "Un exilé est mort mardi à bord d'un canot parti de Gravelines, près de Dunkerque.",
            "Gravelines",
        ),
        (
            "Two people died on Tuesday in a dinghy that had left Hardelot, near Boulogne.",
            "Hardelot",
        ),
    ],
)
def test_deaths_told_only_by_where_their_boat_left_are_placed_there(text: str, place: str) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [i.place_name for i in deaths] == [place], _kinds(_read(text))
    launches = [i for i in _read(text) if i.event_type is EventType.LAUNCH]
    assert [i.people for i in launches] == [None], _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Un canot a chaviré mardi au large de Wimereux. "
        "Deux passagers de ce bateau parti d'Hardelot sont morts.",
        "Two people died off Wimereux on Tuesday in a dinghy that had left Hardelot.",
    ],
)
def test_deaths_placed_at_sea_stay_there_whatever_port_their_boat_left(text: str) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [i.place_name for i in deaths] in (
        ["au large de Wimereux"],
        ["off Wimereux"],
    ), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        ("Police discovered seven migrants in Kingsdown on Monday.", "Kingsdown", 7),
        ("Officers reported the discovery on Monday of a family of five at Deal.", "Deal", 5),
        ("Lundi, la police a découvert douze exilés à Hythe.", "Hythe", 12),
    ],
)
def test_a_party_discovered_ashore_in_england_has_arrived(
    text: str, place: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.ARRIVAL, people)
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "On Monday a survey found 60 people in Dover wanted more lifeguards.",
        "Police discovered three bodies on the beach at Wimereux on Monday.",
    ],
)
def test_a_finding_or_bodies_discovered_are_no_arrival(text: str) -> None:
    assert all(i.event_type is not EventType.ARRIVAL for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "A dinghy carrying about forty people left from the beach at Wissant early on Tuesday. "
        "Later that morning a lifeboat rescued the passengers after the boat drifted into "
        "the shipping lanes.",
        "Une embarcation avec une quarantaine de personnes a pris la mer depuis la plage de "
        "Wissant mardi matin. Quelques heures plus tard, les passagers ont été secourus en "
        "pleine mer par un patrouilleur.",
        "Un canot est parti de la plage d'Équihen dans la nuit de lundi à mardi. "
        "Ses 45 occupants ont été secourus au milieu de la Manche.",
    ],
)
def test_a_rescue_far_out_at_sea_is_not_at_the_beach_the_boat_left(text: str) -> None:
    at_the_beach = [
        i.event_type
        for i in _read(text)
        if any(town in (i.place_name or "") for town in ("Wissant", "Équihen"))
    ]
    assert at_the_beach == [EventType.LAUNCH]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "A dinghy carrying about forty people left from the beach at Wissant early on "
            "Tuesday. A man was rescued from the surf as the boat pulled away.",
            EventType.RESCUE,
        ),
        (
            "Une embarcation a pris la mer depuis la plage de Wissant mardi matin. Deux "
            "personnes sont mortes étouffées dans la bousculade à bord.",
            EventType.DEATH,
        ),
    ],
)
def test_what_befell_the_boat_as_it_left_is_at_its_beach(text: str, kind: EventType) -> None:
    incident = next(i for i in _read(text) if i.event_type is kind)
    assert "Wissant" in (incident.place_name or "")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, une trentaine de migrants ont tenté la traversée depuis la plage de Wissant, "
            "en vain : ils ont été interceptés par les gendarmes.",
            30,
        ),
        (
            "On Tuesday about 25 people tried to cross from the beach at Wissant, but in vain: "
            "they were intercepted by police.",
            25,
        ),
        (
            "Mardi, une vingtaine d'exilés ont tenté de prendre la mer depuis Wissant, sans "
            "succès : ils ont été interceptés par la police.",
            20,
        ),
    ],
)
def test_an_attempt_that_came_to_nothing_is_only_the_departure_stopped(
    text: str, people: int
) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.INTERCEPTION
    assert "Wissant" in (incident.place_name or "")
    assert incident.people == people


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 40 exilés ont pris la mer depuis la plage de Wissant ; les gendarmes ont tenté "
        "en vain de les intercepter.",
        "On Tuesday 40 people launched a dinghy from the beach at Wissant, and police tried in "
        "vain to stop them.",
    ],
)
def test_a_launch_the_police_tried_in_vain_to_stop_still_left(text: str) -> None:
    assert EventType.LAUNCH in [i.event_type for i in _read(text)]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Des habitants ont vu des exilés arriver sur la plage au petit matin. Une quarantaine "
            "de personnes se trouvaient à bord. Mardi, une embarcation en difficulté a été "
            "secourue à Wissant.",
            40,
        ),
        (
            "Residents watched the migrants come ashore at dawn. There were 35 people on board. "
            "On Tuesday a dinghy in difficulty was rescued off Hardelot.",
            35,
        ),
        (
            "Les secours ont été appelés au petit matin. Il y avait 28 personnes à bord. Mardi, "
            "l'embarcation a été interceptée au large de Gravelines.",
            28,
        ),
    ],
)
def test_people_aboard_told_before_the_first_incident_are_its_people(
    text: str, people: int
) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    "text",
    [
        "Les passeurs entassent parfois jusqu'à 50 personnes sur ces canots. Mardi, une "
        "embarcation a été secourue à Wissant.",
        "A dinghy overturned near the buoys with 60 people aboard. Later a boat was rescued "
        "off Hardelot.",
        "Residents watched the migrants come ashore at dawn. There were 35 people on board. "
        "The mayor spoke to the press. The police were there. The town hall opened a room. "
        "On Tuesday a dinghy was rescued off Hardelot.",
    ],
)
def test_people_aboard_another_boat_or_told_long_before_do_not_count_the_incident(
    text: str,
) -> None:
    assert _only(text).people is None


def test_people_aboard_told_before_do_not_count_the_dead() -> None:
    text = (
        "Une quarantaine de personnes se trouvaient à bord. Deux corps ont été retrouvés sur "
        "la plage de Wissant mardi."
    )
    assert _only(text).people == 2


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, une embarcation est signalée en difficulté au large de Wissant. La vedette "
        "récupère ses 18 passagers. Les 18 passagers sont tous pris en charge à midi. Dans la "
        "soirée, une embarcation est signalée en difficulté au large d'Equihen.",
        "Mardi, un canot est en difficulté au large de Hardelot. Le remorqueur prend ses 22 "
        "occupants à son bord. Les 22 personnes sont toutes prises en charge vers 9 heures. En "
        "parallèle, un autre signalement arrive : une embarcation se trouve en difficulté au "
        "large d'Ambleteuse.",
    ],
)
def test_the_people_of_a_boat_told_again_do_not_count_the_next_boat(text: str) -> None:
    first, second = _read(text)
    assert first.people is not None
    assert second.people is None


def test_the_people_a_report_opens_on_still_count_the_boat_it_then_places() -> None:
    text = (
        "Mardi, les 18 passagers ont été pris en charge par la vedette. Ils étaient en "
        "difficulté au large d'Equihen."
    )
    assert _only(text).people == 18


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, une embarcation avec 40 personnes à bord est en difficulté au large de "
            "Wissant. Le CROSS engage la vedette. Le vent souffle fort. Vers midi, 35 des 40 "
            "passagers sont secourus.",
            35,
        ),
        (
            "On Tuesday a dinghy carrying 50 people got into difficulty off Hardelot. The "
            "coastguard sent a lifeboat. The sea was rough. At noon 44 of the 50 passengers "
            "were rescued.",
            44,
        ),
    ],
)
def test_a_rescue_counts_the_part_of_the_party_it_took(text: str, people: int) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mardi, une embarcation est en difficulté au large de Wissant avec 45 personnes à "
            "bord. Trois des 45 passagers sont hélitreuillés. Les 42 autres sont pris en charge "
            "par la SNSM.",
            [45],
        ),
        (
            "Mardi, une embarcation avec 40 personnes à bord est en difficulté au large de "
            "Wissant. Trois des 40 passagers sont morts.",
            [40, 3],
        ),
    ],
)
def test_a_part_then_the_others_or_a_part_that_died_leave_the_rescue_its_party(
    text: str, people: list[int]
) -> None:
    assert [i.people for i in _read(text)] == people


@pytest.mark.parametrize(
    "text",
    [
        "Three people drowned on Monday when their dinghy sank off Hardelot. Forty others were "
        "saved by a French navy ship, the prefecture responsible for the north of France said.",
        "Three people drowned on Monday when their dinghy sank off Hardelot. Forty others were "
        "saved, according to the prefecture of northern France.",
        "Trois personnes se sont noyées lundi au large d'Hardelot. Quarante autres ont été "
        "sauvées par un navire de la Marine, selon la préfecture du nord de la France.",
    ],
)
def test_the_region_a_prefecture_answers_for_does_not_place_the_rescue(text: str) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert len(rescues) == 1, _kinds(_read(text))
    assert rescues[0].country == "FR"
    assert rescues[0].location_precision is LocationPrecision.AREA
    assert rescues[0].people == 40


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Forty people were saved on Monday 3 km north of Wissant, the prefecture said.",
            "3 km north of Wissant",
        ),
        (
            "Lundi, 40 personnes ont été secourues au nord de Wissant, a indiqué la préfecture.",
            "nord de Wissant",
        ),
    ],
)
def test_a_bearing_the_report_gives_itself_still_places_the_rescue(text: str, place: str) -> None:
    rescue = _only(text)
    assert rescue.event_type is EventType.RESCUE
    assert place in (rescue.place_name or "")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Small boats continued to make the journey on Tuesday, with more people brought "
            "ashore at Folkestone.",
            "Folkestone",
        ),
        (
            "Migrants continued to cross on Tuesday, with further groups landed at Ramsgate by "
            "Border Force.",
            "Ramsgate",
        ),
    ],
)
def test_people_landed_after_with_are_an_arrival_of_their_own(text: str, place: str) -> None:
    arrival = _only(text)
    assert (arrival.event_type, arrival.place_name) == (EventType.ARRIVAL, place)


@pytest.mark.parametrize(
    "text",
    [
        "Forty people were rescued off Dover on Tuesday, with more aboard a second boat.",
        "Police stopped a launch at Gravelines on Tuesday, with more officers sent to the dunes.",
    ],
)
def test_a_share_after_with_that_tells_no_event_adds_none(text: str) -> None:
    assert len(_read(text)) == 1, _kinds(_read(text))


# -- an earlier event told by the time since it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "More migrants have arrived in Deal after making the crossing, days after four "
            "people died when their boat sank off the French coast.\n\nDozens reached England "
            "by small boat on Wednesday morning.",
            "Deal",
        ),
        (
            "D'autres migrants sont arrivés à Douvres après avoir traversé la Manche, quelques "
            "jours après que cinq personnes sont mortes au large des côtes françaises.\n\nDes "
            "dizaines d'exilés ont rejoint l'Angleterre mercredi matin.",
            "Douvres",
        ),
    ],
)
def test_a_death_told_by_the_days_since_it_is_not_at_the_place_of_the_days_landing(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.ARRIVAL, place)


def test_an_earlier_death_opening_the_sentence_takes_not_the_days_date() -> None:
    text = (
        "Just one day after nine people died in a failed crossing of the Channel, another "
        "boat is making an attempt from northern France on Thursday.\n\nNine people died off "
        "Wimereux on Wednesday when their boat sank."
    )
    assert _read_as(_only(text)) == (EventType.DEATH, "off Wimereux", 9)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Forty people were rescued off Dover on Sunday, two days after leaving Dunkirk.",
            {("rescue", "off Dover", 40), ("launch", "Dunkirk", None)},
        ),
        (
            "Days after the storm, 30 people died off Calais on Sunday.",
            {("death", "off Calais", 30)},
        ),
        (
            "Forty people were rescued off Calais on Tuesday, hours after 30 others were rescued.",
            {("rescue", "off Calais", 40), ("rescue", "off Calais", 30)},
        ),
    ],
)
def test_the_sentences_own_party_or_event_after_a_time_lead_is_still_read(
    text: str, kinds: set[tuple[str, str | None, int | None]]
) -> None:
    assert set(_kinds(_read(text))) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Four people died off Gravelines on Monday.\n\nThe people who died were Sudanese men in "
        "their twenties, according to the prosecutor in Dunkirk.",
        "Three people died off Hardelot on Monday.\n\nThe woman who died was a nurse, said a "
        "charity based in Dover.",
    ],
)
def test_a_sentence_describing_who_the_dead_were_is_no_death_of_its_own(text: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.DEATH and incident.people in (3, 4)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Two people who died off Hardelot on Tuesday were named by police.",
            {("death", "off Hardelot", 2)},
        ),
        (
            "Those who died off Wimereux on Monday were mourned in Calais.",
            {("death", "off Wimereux", None)},
        ),
    ],
)
def test_the_dead_told_with_their_place_before_a_description_are_still_a_death(
    text: str, kinds: set[tuple[str, str | None, int | None]]
) -> None:
    assert set(_kinds(_read(text))) == kinds


# -- people taken out of the water, and where rescued people were brought alongside ---------


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Dans la matinée, 30 personnes ont été sorties de l'eau du côté de Wimereux.",
            "Wimereux",
            30,
        ),
        ("Vers midi, douze migrants ont été sortis de l'eau à Équihen-Plage.", "Équihen-Plage", 12),
        (
            "Mardi soir, 14 exilés ont été tirés de l'eau du côté d'Audresselles.",
            "Audresselles",
            14,
        ),
    ],
)
def test_people_taken_out_of_the_water_were_rescued_where_it_happened(
    text: str, place: str, people: int
) -> None:
    _only_rescue(text, place, people)


@pytest.mark.parametrize(
    "text",
    [
        "Le corps d'un homme a été sorti de l'eau du côté de Sangatte mardi.",
        "Un corps sans vie a été sorti de l'eau à Wissant lundi.",
    ],
)
def test_a_body_taken_out_of_the_water_is_a_death(text: str) -> None:
    assert _only(text).event_type is EventType.DEATH


def test_coming_out_of_the_water_as_a_noun_is_no_rescue() -> None:
    assert (
        _read("À la sortie de l'eau, des baigneurs ont pris le soleil sur la plage de Wimereux.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Ils étaient en détresse à un mille d'Oye-Plage. La vedette de la SNSM a pris à son "
            "bord les 10 migrants. Ils ont été à quai au port de Gravelines vers 6h30 où ils ont "
            "été pris en charge par la police.",
            "Oye-Plage",
            10,
        ),
        (
            "La vedette de Calais a secouru 22 personnes au large de Sangatte. Elles sont arrivées "
            "à quai à Calais vers midi, où les pompiers les ont prises en charge.",
            "Sangatte",
            22,
        ),
    ],
)
def test_the_quay_rescued_people_were_brought_alongside_is_no_second_rescue(
    text: str, place: str, people: int
) -> None:
    _only_rescue(text, place, people)


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "Douze migrants ont été interpellés alors qu'ils tentaient de voler un bateau à quai "
            "au port de Boulogne-sur-Mer.",
            EventType.INTERCEPTION,
            "Boulogne-sur-Mer",
        ),
        (
            "Vingt migrants ont été secourus à quai au port de Calais, après être tombés à l'eau.",
            EventType.RESCUE,
            "Calais",
        ),
    ],
)
def test_an_event_at_a_quay_stays_there(text: str, kind: EventType, place: str) -> None:
    incident = _only(text)
    assert incident.event_type is kind
    assert incident.place_name is not None and place in incident.place_name


# -- boats carrying listed loads carry their sum ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Two dinghies carrying 40 and 25 people were rescued off Deal on Saturday.", 65),
        (
            "Deux embarcations transportant 40 et 25 personnes ont été secourues au large de "
            "Calais.",
            65,
        ),
        (
            "Samedi, deux canots avec 30 et 12 migrants ont été interceptés sur la plage de "
            "Wissant.",
            42,
        ),
    ],
)
def test_boats_carrying_listed_loads_carry_their_sum(text: str, people: int) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Two dinghies were rescued off Deal, carrying 40 and 25 people respectively.", 65),
        (
            "Deux canots ont été secourus au large de Calais. Ils transportaient respectivement "
            "40 et 25 personnes.",
            65,
        ),
        (
            "Deux embarcations ont été interceptées sur la plage de Wissant. Elles comptaient "
            "chacune 30 et 12 migrants.",
            42,
        ),
        (
            "Two boats were stopped off Dover on Friday. They were carrying 18 and 21 people "
            "respectively.",
            39,
        ),
    ],
)
def test_loads_told_boat_by_boat_are_the_boats_sum(text: str, people: int) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Deux embarcations transportant chacune 30 personnes ont été secourues à Calais.", [30]),
        (
            "Two boats were rescued off Deal and Dover, with 40 and 25 people respectively.",
            [25, 40],
        ),
        (
            "Deux canots ont été secourus au large de Calais et de Wissant, avec respectivement "
            "40 et 25 personnes.",
            [25, 40],
        ),
    ],
)
def test_one_load_each_or_loads_at_places_told_in_turn_are_no_sum(
    text: str, people: list[int]
) -> None:
    assert sorted(i.people or 0 for i in _read(text)) == people


@pytest.mark.parametrize(
    "text",
    [
        "A dinghy carrying between 40 and 50 people was rescued off Deal on Saturday.",
        "Une embarcation avec entre 40 et 50 personnes à bord a été secourue au large de Calais.",
    ],
)
def test_a_range_of_people_aboard_is_no_sum(text: str) -> None:
    assert _only(text).people == 50


def test_a_similar_incident_on_another_day_is_another_incident() -> None:
    text = (
        "Dover lifeboat and Border Force took part in a search and rescue operation yesterday "
        "(March 13) for a small boat crossing the Channel. We understand around 40 people "
        "were aboard the dinghy which was brought into Dover harbour. Crews attended a "
        "similar crossing incident on March 10 when 41 people landed at Dover."
    )
    readings = [(*_read_as(i), str(i.date)) for i in _read(text)]
    assert readings == [
        (EventType.ARRIVAL, "Dover harbour", 40, "2024-03-13"),
        (EventType.ARRIVAL, "Dover", 41, "2024-03-10"),
    ]


def test_a_similar_operation_told_in_french_is_another_incident() -> None:
    text = (
        "Mercredi 13 mars, 30 migrants ont été secourus au large de Wimereux. Une opération "
        "similaire avait eu lieu le 10 mars : 31 personnes secourues au large de Wimereux."
    )
    assert sorted(str(i.date) for i in _read(text)) == ["2024-03-10", "2024-03-13"]


def test_a_boat_likened_to_others_is_still_the_one_boat() -> None:
    text = (
        "Thirty people were rescued off Calais on Wednesday. Rescuers said the boat was "
        "similar to those seen in past weeks, and that 31 people in all were aboard."
    )
    assert _only(text).event_type is EventType.RESCUE


@pytest.mark.parametrize(
    "text",
    [
        "A 34-year-old man from Folkestone was arrested on suspicion of piloting the boat.",
        "Two women from Deal were arrested after a small boat landed.",
        "Un homme de 30 ans domicilié à Calais a été interpellé après un départ à Wimereux.",
    ],
)
def test_where_someone_lives_is_not_where_the_incident_was(text: str) -> None:
    assert all(i.place_name not in {"Folkestone", "Deal", "Calais"} for i in _read(text))


def test_men_who_left_from_a_beach_still_launched_there() -> None:
    incident = _only("Forty men left from Gravelines on a dinghy on Tuesday.")
    assert _read_as(incident) == (EventType.LAUNCH, "Gravelines", 40)


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers have counted some 1,200 people landing on Kent beaches throughout 2022.",
        "Selon nos calculs, 900 personnes ont été secourues au large des côtes françaises "
        "durant 2022.",
        "Pendant 2021, quelque 600 migrants sont arrivés au Royaume-Uni.",
    ],
)
def test_a_count_over_a_whole_year_is_no_incident(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thirty people were rescued off Calais on Tuesday, a route used by thousands in 2023.",
        "Trente personnes ont été secourues mardi au large de Calais, une route empruntée "
        "par des milliers d'exilés durant 2023.",
    ],
)
def test_a_day_count_set_beside_a_year_is_still_that_day_incident(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people, str(incident.date)) == (
        EventType.RESCUE,
        30,
        "2024-03-12",
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Un bateau avec 15 exilés à bord s'est échoué mardi sur la plage de Wissant. Les 15 "
            "personnes ont été secourues par les pompiers.",
            "la plage de Wissant",
        ),
        (
            "A dinghy carrying 20 people ran aground on the beach at Hardelot on Tuesday; the 20 "
            "were rescued by firefighters.",
            "the beach at Hardelot",
        ),
    ],
)
def test_a_boat_stranded_with_its_people_is_their_rescue_not_a_wreck(text: str, place: str) -> None:
    assert _read_as(_only(text))[:2] == (EventType.RESCUE, place)


def test_an_empty_boat_stranded_is_apart_from_a_rescue_off_the_same_town() -> None:
    text = (
        "Une embarcation vide s'est échouée mardi sur la plage de Wissant. Plus tard, 40 "
        "personnes ont été secourues au large de Wissant."
    )
    assert [i.event_type for i in _read(text)] == [EventType.DEBRIS, EventType.RESCUE]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Lundi 11 mars, un canot a été secouru au large de Wimereux. Le lendemain, 40 "
            "personnes ont été secourues au large de Gravelines.",
            dt.date(2024, 3, 12),
        ),
        (
            "On Saturday 9 March a dinghy was rescued off Dover. The next day, 30 people landed "
            "at Dungeness.",
            dt.date(2024, 3, 10),
        ),
        (
            "Samedi 9 mars, 20 personnes ont été interceptées à Wissant. Le jour suivant, 12 "
            "migrants ont été secourus au large de Berck.",
            dt.date(2024, 3, 10),
        ),
    ],
)
def test_the_next_day_counts_on_from_the_day_the_report_was_telling(
    text: str, day: dt.date
) -> None:
    later = _read(text)[-1]
    assert later.date == day, _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, 30 people landed at Dungeness, police said, and were due to be interviewed "
        "the next day.",
        "Mardi, 30 personnes ont été secourues au large de Calais ; elles seront entendues le "
        "lendemain.",
    ],
)
def test_a_next_day_told_after_the_events_own_day_leaves_that_day(text: str) -> None:
    assert _only(text).date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "One day last summer, 600 people crossed the Channel in small boats to Dover, a record.",
        "Un jour de juillet, 500 personnes sont arrivées à Douvres, un nouveau record.",
        "On a single day in May, 400 migrants landed in Kent, a record daily number.",
    ],
)
def test_a_count_set_aside_as_a_record_on_no_named_day_is_no_incident(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "On Tuesday, 700 people crossed the Channel to Dover, a new record.",
            [("arrival", "Dover", 700)],
        ),
        (
            "Mardi, 300 personnes sont arrivées à Douvres, un record pour un mois de mars.",
            [("arrival", "Douvres", 300)],
        ),
    ],
)
def test_a_record_of_a_named_day_still_counts_that_days_crossings(
    text: str, kinds: list[tuple[str, str | None, int | None]]
) -> None:
    assert _kinds(_read(text)) == kinds


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("French authorities prevented two further crossings involving 55 people on Sunday.", 55),
        ("Gendarmes prevented three boats carrying 90 people from leaving on Friday night.", 90),
        ("The French navy prevented twelve people from setting off on Saturday.", 12),
    ],
)
def test_stops_prevented_by_number_are_a_french_stop_at_country_level(
    text: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.country, incident.people) == (
        EventType.INTERCEPTION,
        "FR",
        people,
    )
    assert incident.location_precision is LocationPrecision.COUNTRY


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Bad weather prevented two lifeboats from reaching the dinghy; 40 people were rescued "
            "off Calais on Monday.",
            {("rescue", "off Calais", 40)},
        ),
        (
            "The storm prevented three crossings on Monday, but 50 people landed at Dover on "
            "Tuesday.",
            {("arrival", "Dover", 50)},
        ),
    ],
)
def test_weather_or_rescuers_prevented_is_no_stop(
    text: str, kinds: set[tuple[str, str | None, int | None]]
) -> None:
    assert set(_kinds(_read(text))) == kinds


# -- a line that names a place alone ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Plusieurs opérations sont en cours ce matin. D'abord du côté de Wimereux. Un groupe "
            "d'une vingtaine de migrants en difficulté.",
            "Wimereux",
            20,
        ),
        ("Ensuite du côté d'Équihen-Plage. Trente migrants ont été secourus.", "Équihen-Plage", 30),
    ],
)
def test_a_line_naming_a_place_alone_sets_the_scene_of_the_next_sentence(
    text: str, place: str, people: int
) -> None:
    _only_rescue(text, place, people)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il habite du côté de Calais. Trente migrants ont été secourus au large de Dunkerque.",
            [("rescue", "au large de Dunkerque", 30)],
        ),
        (
            "D'abord du côté de Wimereux. Le préfet a annoncé que 300 personnes avaient traversé "
            "depuis janvier.",
            [],
        ),
    ],
)
def test_a_place_in_a_sentence_of_its_own_sets_no_scene_for_a_placed_event_or_a_tally(
    text: str, expected: list[tuple[str, str | None, int | None]]
) -> None:
    assert _kinds(_read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Some 20 people were rescued off the coast of the Calais region on Monday morning.",
        "Two men died on Monday when their dinghy sank in the Dunkirk region.",
    ],
)
def test_a_town_named_for_the_region_around_it_places_the_event_in_that_region(
    text: str,
) -> None:
    assert _only(text).location_precision is LocationPrecision.REGION


@pytest.mark.parametrize(
    "text",
    [
        "Some 20 people were rescued 3 km off Calais on Monday morning.",
        "Some 20 people were rescued in the Calais area on Monday morning.",
        "Une vingtaine de migrants ont été secourus au large de Wimereux lundi matin.",
    ],
)
def test_a_town_or_its_area_still_places_the_event_there(text: str) -> None:
    assert _only(text).location_precision is LocationPrecision.AREA


# -- crossing attempts stopped, counted without their people --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, les gendarmes ont empêché six tentatives de traversée.",
        "Mardi, quatre départs ont été empêchés par les forces de l'ordre.",
        "Mardi, 5 tentatives ont été contrées par les forces de l'ordre.",
        "On Tuesday French officers prevented two crossings from the beaches.",
    ],
)
def test_attempts_stopped_on_a_day_are_stops_in_france(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.country) == (EventType.INTERCEPTION, "FR")
    assert incident.date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Cette semaine, 40 tentatives ont été empêchées par les gendarmes.",
        "Depuis janvier, 3000 tentatives ont été contrées par les forces de l'ordre.",
        "Last week French police prevented 40 crossings.",
        "Mardi, la tempête a empêché six tentatives.",
    ],
)
def test_attempts_stopped_over_a_week_or_by_the_weather_are_no_stop(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("misspelt", "right", "place_id"),
    [
        (
            "Le 3 mars, 25 migrants ont été secourus au large de Berk.",
            "Le 3 mars, 25 migrants ont été secourus au large de Berck.",
            "geonames:3033415",
        ),
        (
            "Le 3 mars, 12 personnes ont été secourues à 2 km au large de Wissamt.",
            "Le 3 mars, 12 personnes ont été secourues à 2 km au large de Wissant.",
            "geonames:2967326",
        ),
        (
            "On 3 March, 25 people were rescued off Hyth, Kent.",
            "On 3 March, 25 people were rescued off Hythe, Kent.",
            "geonames:2646316",
        ),
        (
            "On 3 March, 40 people were picked up near Hyth by the lifeboat.",
            "On 3 March, 40 people were picked up near Hythe by the lifeboat.",
            "geonames:2646316",
        ),
    ],
)
def test_a_place_misspelt_by_a_letter_after_a_place_lead_is_read_a_little_less_surely(
    misspelt: str, right: str, place_id: str
) -> None:
    incident, spelt = _only(misspelt), _only(right)
    assert incident.place_id == spelt.place_id == place_id
    assert incident.confidence is not None and spelt.confidence is not None
    assert incident.confidence == pytest.approx(spelt.confidence - 0.05)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a letter off a coastal name, but after no place lead
        ("Some 40 people were rescued off Dover on Monday.", "off Dover"),
        ("Border Force said 40 people were brought ashore at Dover on Monday.", "Dover"),
        ("On Monday, the Danes rescued 40 people off Dover.", "off Dover"),
        ("On Monday, 40 people were rescued off Dover, said Mr Porter.", "off Dover"),
        ("On Monday, 40 people were rescued off Dover by the Mersey.", "off Dover"),
        ("Le 3 mars, 25 migrants ont été secourus au large de Calais, a dit Steve.", None),
        (
            "Le 3 mars, 25 migrants ont été secourus au large de Calais, mais Rien ne dit combien.",
            None,
        ),
        # no coastal name a letter off, even after a place lead
        ("On Monday, 40 people were rescued near Moon Point off Dover.", "off Dover"),
        ("Le 3 mars, 25 migrants ont été secourus près de Laplace, au large de Calais.", None),
        ("Le 3 mars, 25 migrants ont été secourus par le Minck au large de Calais.", None),
        ("On Monday 40 people were rescued off Dover by the crew of the Charlie.", "off Dover"),
        ("On Monday, 40 people were rescued off Dover and taken to the North.", "off Dover"),
    ],
)
def test_a_word_a_letter_off_a_place_is_no_place_without_a_place_lead(
    text: str, place: str | None
) -> None:
    incident = _only(text)
    assert incident.place_name == (place or "au large de Calais")
    assert incident.place_id in ("geonames:2651048", "geonames:3029162")


@pytest.mark.parametrize(
    "text",
    [
        "Le 3 mars, 25 migrants ont été secourus, selon le récit de Steve.",
        "Le 3 mars, 25 migrants ont été secourus, a raconté la famille de Rien.",
    ],
)
def test_a_name_a_letter_off_a_village_after_a_plain_de_places_nothing(text: str) -> None:
    assert all(incident.lon is None for incident in _read(text)), _kinds(_read(text))


# -- an event told only in a relative clause on the party or the boat -----------------------


@pytest.mark.parametrize(
    ("text", "kind", "place", "people"),
    [
        (
            "Il y avait 52 personnes dans le canot, qui ont été secourues au large d'Équihen.",
            EventType.RESCUE,
            "Équihen",
            52,
        ),
        (
            "Le pneumatique transportait 38 exilés, qui ont été interceptés au large de Hardelot.",
            EventType.INTERCEPTION,
            "Hardelot",
            38,
        ),
        (
            "The inflatable carried 44 people, who were picked up off Folkestone by a lifeboat.",
            EventType.RESCUE,
            "Folkestone",
            44,
        ),
        (
            "A dinghy with 27 passengers aboard, which was intercepted off Wissant on Monday.",
            EventType.INTERCEPTION,
            "Wissant",
            27,
        ),
    ],
)
def test_an_event_told_only_in_a_relative_clause_on_the_party_is_the_sentences_event(
    text: str, kind: EventType, place: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (kind, people)
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "Il y avait 30 exilés au tribunal, qui avaient été secourus au large d'Équihen.",
        "The 12 men, who were rescued off Folkestone on Monday, appeared in court.",
        "The 12 men, who had been rescued off Folkestone last month, were charged.",
        "Le passeur présumé, qui a été interpellé à Boulogne, a été placé en détention.",
    ],
)
def test_a_relative_clause_of_an_earlier_event_or_on_someone_else_tells_no_event(
    text: str,
) -> None:
    assert _read(text) == []


def test_a_main_clause_with_its_own_event_keeps_it_beside_a_relative_clause() -> None:
    incident = _only("40 people were rescued off Folkestone, who were taken to Dover.")
    assert _read_as(incident) == (EventType.RESCUE, "off Folkestone", 40)


# -- a dash before "but" and a verb without its subject joins one party's two verbs ---------


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Some 45 people were seen trying to launch a dinghy at Hardelot – but were stopped "
            "by gendarmes.",
            "Hardelot",
            45,
        ),
        (
            "Une quarantaine d'exilés ont tenté de mettre un bateau à l'eau à Équihen – mais ont "
            "été interpellés par les gendarmes.",
            "Équihen",
            40,
        ),
    ],
)
def test_a_stop_told_after_a_dash_and_but_is_of_the_party_before_it(
    text: str, place: str, people: int
) -> None:
    assert _read_as(_only(text)) == (EventType.INTERCEPTION, place, people)


def test_a_dash_before_but_and_a_new_subject_still_parts_two_events() -> None:
    incidents = _read(
        "Some 30 people were rescued off Hardelot – but a second boat landed at Dover."
    )
    assert [i.event_type for i in incidents] == [EventType.RESCUE, EventType.ARRIVAL]


# -- one boat's story told over several sentences --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Une embarcation est signalée en difficulté au large de Wissant. Le remorqueur est "
        "dirigé sur zone. Il prend en charge 40 personnes.",
        "Une embarcation est signalée en difficulté au large de Wissant. Le remorqueur a pris "
        "en charge les 40 naufragés puis les a déposés « à quai au port de Calais ».",
        "Un canot est secouru au large de Wissant. Le remorqueur récupère les 40 naufragés et "
        "les dépose “au port de Calais”.",
    ],
)
def test_the_people_a_boat_s_rescuers_take_in_later_are_its_rescue_s_not_the_port_s(
    text: str,
) -> None:
    _only_rescue(text, "Wissant", 40)


@pytest.mark.parametrize(
    "text",
    [
        "Un bateau de pêche prend en charge la surveillance au large de Wissant.",
        "Le SDIS prend en charge les naufragés au port de Calais.",
    ],
)
def test_taking_charge_of_a_watch_or_of_people_ashore_is_no_rescue(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Une embarcation avec 50 personnes à bord a été secourue au large de Wissant. Vingt "
        "personnes ont d'abord été secourues au large de Wissant par la SNSM. Plus tard, les 30 "
        "autres ont été secourues au large de Wissant par un remorqueur.",
        "A dinghy carrying 50 people was rescued off Wissant. Twenty were picked up off Wissant "
        "by the lifeboat. Later the other 30 were rescued off Wissant by a tug.",
    ],
)
def test_one_boat_s_people_taken_off_in_turns_are_one_rescue_of_them_all(text: str) -> None:
    _only_rescue(text, "Wissant", 50)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deux embarcations ont été secourues au large de Wissant, avec 50 personnes au "
            "total. Vingt personnes ont été secourues au large de Wissant le matin. Trente "
            "personnes ont été secourues au large de Wissant le soir.",
            [20, 30],
        ),
        (
            "Cinquante personnes ont été secourues mardi. Vingt personnes ont été secourues au "
            "large de Wissant. Trente personnes ont été secourues au large de Gravelines.",
            [20, 30],
        ),
    ],
)
def test_a_total_over_several_boats_is_no_boat_s(text: str, expected: list[int]) -> None:
    assert [i.people for i in _read(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'Aurore Wimereux met son canot à l'eau et secourt 35 personnes.",
        "The Bravo Wissant rescued 35 people.",
        "Le chalutier a signalé une embarcation. L'Ostrea Dover secourt alors 35 personnes.",
    ],
)
def test_a_ship_s_name_after_an_article_names_no_place(text: str) -> None:
    assert all(
        i.place_name is None or not i.place_name.endswith(("Wimereux", "Wissant", "Dover"))
        for i in _read(text)
    ), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Le remorqueur a secouru 35 personnes au large de Wissant.", "au large de Wissant"),
        ("The lifeboat rescued 35 people in the English Channel off Dover.", "off Dover"),
        ("The Dover lifeboat rescued 35 people off Dungeness.", "off Dungeness"),
    ],
)
def test_a_place_after_an_article_or_a_lead_stays_a_place(text: str, place: str) -> None:
    assert _only(text).place_name == place


def test_a_rigid_hulled_inflatable_is_a_boat() -> None:
    incident = _only("A RHIB was launched from the beach at Gravelines with 30 people on board.")
    assert (incident.event_type, incident.people) == (EventType.LAUNCH, 30)


@pytest.mark.parametrize(
    "text",
    [
        "Un canot est en difficulté au large de Wissant. Après avoir secouru les 35 naufragés, "
        "le remorqueur a rejoint le port de Boulogne-sur-Mer.",
        "Un canot est en difficulté au large de Wissant. Le patrouilleur secourt 35 personnes "
        "puis regagne la côte : il a gagné le port de Calais à midi.",
    ],
)
def test_the_port_a_rescuer_makes_for_afterwards_is_not_the_rescue_s(text: str) -> None:
    assert _read_as(_only(text)) == (EventType.RESCUE, "au large de Wissant", 35)


def test_people_who_reach_a_port_themselves_arrive_there() -> None:
    incident = _only("Trente-cinq migrants ont rejoint le port de Douvres à bord d'un canot.")
    assert incident.event_type is EventType.ARRIVAL
    assert incident.place_name is not None and "Douvres" in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "A dinghy was in trouble off Wissant. Thirty-five people were rescued and a boy was "
        "hospitalised in Boulogne-sur-Mer.",
        "Un canot était en difficulté au large de Wissant. Trente-cinq personnes ont été "
        "secourues et un enfant hospitalisé à Boulogne-sur-Mer.",
    ],
)
def test_where_the_rescued_are_hospitalised_is_not_the_rescue_s_place(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (EventType.RESCUE, 35)
    assert incident.place_name is not None and "Boulogne" not in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "Une embarcation était en difficulté au large de Wissant. Le canot tous temps de "
        "Calais a secouru 35 personnes.",
        "Une embarcation était en difficulté au large de Wissant. Le canot de sauvetage de "
        "Boulogne-sur-Mer a secouru 35 personnes.",
    ],
)
def test_the_home_port_of_a_lifeboat_is_not_the_rescue_s_place(text: str) -> None:
    assert _read_as(_only(text)) == (EventType.RESCUE, "au large de Wissant", 35)


@pytest.mark.parametrize(
    "text",
    [
        "Le CROSS engage un remorqueur sur une embarcation en difficulté au large de Wissant. Le "
        "navire se rend sur zone et met à l'eau un canot pour secourir les personnes en "
        "détresse. L'équipage récupère à son bord 38 personnes puis les dépose au port de Calais.",
        "A tug was sent to a dinghy in distress off Wissant. It launched its boat to rescue the "
        "people in the water. Its crew picked up 38 people aboard.",
    ],
)
def test_people_the_rescuers_take_on_board_are_those_of_the_rescue_told(text: str) -> None:
    _only_rescue(text, "Wissant", 38)


def test_people_aboard_a_boat_at_another_place_are_not_those_of_the_rescue_told() -> None:
    text = (
        "Le CROSS engage un remorqueur sur une embarcation en difficulté au large de Wissant. Il "
        "se rend sur zone pour secourir les naufragés. Au large de Calais, un canot avec 30 "
        "personnes à bord est repéré."
    )
    assert ("au large de Wissant", None) in [(i.place_name, i.people) for i in _read(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "On Tuesday, about thirty people were seen disembarking from a lifeboat at Dover.",
            "Dover",
        ),
        (
            "Forty migrants disembark at Ramsgate harbour from a Border Force cutter on Monday.",
            "Ramsgate",
        ),
        ("Les 40 exilés débarquent à Folkestone vers midi, mercredi.", "Folkestone"),
        ("Ce jour-là, douze personnes débarquaient à Dungeness.", "Dungeness"),
    ],
)
def test_people_disembarking_in_any_tense_arrive(text: str, place: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.ARRIVAL
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "The thirty migrants were unable to disembark at Dover on Monday.",
        "Thirty migrants were about to disembark at Dover when their dinghy sank.",
    ],
)
def test_people_kept_from_disembarking_do_not_arrive(text: str) -> None:
    assert all(i.event_type is not EventType.ARRIVAL for i in extract_incidents(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The forty people were transported to Ramsgate by a Border Force cutter.", "Ramsgate"),
        ("On Monday a dozen migrants were transported to Dover and given blankets.", "Dover"),
        (
            "Twelve people came into Folkestone harbour aboard a lifeboat this morning.",
            "Folkestone",
        ),
        ("Photos show families coming into Dover on a Border Force boat on Friday.", "Dover"),
    ],
)
def test_people_transported_or_coming_in_on_a_boat_arrive(text: str, place: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.ARRIVAL
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    "text",
    [
        "The injured woman was transported to hospital in Dover on Monday.",
        "The men were transported to a processing centre in Dover after landing.",
        "Smugglers transported the migrants to the beach at Gravelines in vans.",
    ],
)
def test_people_transported_to_a_building_or_a_french_beach_do_not_arrive(text: str) -> None:
    assert all(i.event_type is not EventType.ARRIVAL for i in extract_incidents(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Border Force found the men and women in a small boat at Dungeness on Sunday.",
            "Dungeness",
        ),
        ("Officers discovered a group of migrants aboard an inflatable at Kingsdown.", "Kingsdown"),
        ("On Monday police located the families in a dinghy on the beach at Deal.", "Deal"),
    ],
)
def test_people_found_in_a_boat_on_an_english_shore_arrived(text: str, place: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.ARRIVAL
    assert incident.place_name is not None and place in incident.place_name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Border Force found the men in a dinghy off Dover on Sunday.", EventType.INTERCEPTION),
        (
            "French police found the migrants in a dinghy on the beach at Gravelines.",
            EventType.INTERCEPTION,
        ),
    ],
)
def test_people_found_in_a_boat_at_sea_or_in_france_did_not_arrive(
    text: str, kind: EventType
) -> None:
    assert _only(text).event_type is kind


def test_people_found_in_a_lorry_are_no_boat_s_people() -> None:
    assert extract_incidents("The police found the men in a lorry at Dover on Sunday.") == []


# -- a rescue told by what the rescuers did -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Dimanche, les autorités sont intervenues au large de Wissant pour aider une "
            "embarcation avec 40 personnes à bord.",
            "au large de Wissant",
            40,
        ),
        (
            "Les gendarmes maritimes sont intervenus au large d'Équihen pour aider les 40 "
            "exilés d'un pneumatique.",
            "au large d'Équihen",
            40,
        ),
        (
            "Un chalutier a porté assistance à une embarcation de 40 personnes au large de "
            "Gravelines.",
            "au large de Gravelines",
            40,
        ),
        (
            "A trawler went to the aid of a dinghy carrying 40 people off Deal on Sunday.",
            "off Deal",
            40,
        ),
    ],
)
def test_the_rescuers_coming_to_help_a_boat_is_a_rescue(text: str, place: str, people: int) -> None:
    assert _read_as(_only(text)) == (EventType.RESCUE, place, people)


@pytest.mark.parametrize(
    "text",
    [
        "Les secours ont été déclenchés à Hardelot, dimanche vers 5 heures.",
        "Dimanche, les secours sont une nouvelle fois intervenus à Hardelot.",
    ],
)
def test_the_rescue_services_called_out_to_a_place_rescue_there(text: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.RESCUE, "Hardelot")


def test_a_rescue_operation_launched_near_an_english_town_is_no_landing() -> None:
    incident = _only("A search and rescue operation was launched near Hythe on Sunday.")
    assert (incident.event_type, incident.place_name) == (EventType.RESCUE, "near Hythe")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Les policiers sont intervenus sur la plage de Wissant pour empêcher le départ "
            "d'une embarcation.",
            EventType.INTERCEPTION,
        ),
        (
            "Les policiers sont intervenus à Gravelines pour aider les gendarmes lors d'une "
            "opération contre les passeurs.",
            EventType.INTERCEPTION,
        ),
        ("Forty migrants were picked up near Hythe on Sunday.", EventType.ARRIVAL),
    ],
)
def test_police_stepping_in_or_people_picked_up_on_land_are_no_rescue(
    text: str, kind: EventType
) -> None:
    assert _only(text).event_type is kind


def test_rescue_services_that_could_not_go_out_rescue_no_one() -> None:
    assert _read("Dimanche, les secours n'ont pas pu intervenir au large de Hardelot.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Un exercice de sauvetage a été organisé au large de Wissant, dimanche.",
        "A search and rescue exercise was held off Deal on Sunday.",
    ],
)
def test_a_rescue_exercise_rescues_no_one(text: str) -> None:
    assert _read(text) == []


def test_a_rescue_that_took_place_off_a_town_is_no_exercise() -> None:
    incident = _only("Dimanche, un sauvetage a eu lieu au large de Wissant.")
    assert (incident.event_type, incident.place_name) == (EventType.RESCUE, "au large de Wissant")


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Early on Sunday an inflatable with 22 people aboard was returned to Boulogne-sur-Mer"
            " after a patrol plane saw it.",
            "Boulogne-sur-Mer",
            22,
        ),
        (
            "A second dinghy, carrying 31 men, had been sent back to Dunkirk by French gendarmes.",
            "Dunkirk",
            31,
        ),
    ],
)
def test_a_boat_sent_back_to_a_port_was_stopped_off_it(text: str, place: str, people: int) -> None:
    incident = _only(text)
    assert _read_as(incident) == (EventType.INTERCEPTION, place, people)
    assert incident.country == "FR"


@pytest.mark.parametrize(
    "text",
    [
        "A woman who reached Kent in a small boat in July was returned to France on Tuesday"
        " under the returns agreement.",
        "Forty people who crossed on small boats were returned to France by the Home Office"
        " this week.",
    ],
)
def test_people_returned_under_a_returns_deal_were_stopped_by_no_one(text: str) -> None:
    assert all(i.event_type is not EventType.INTERCEPTION for i in _read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("About 40 people left Gravelines in two dinghies before dawn on Monday.", "Gravelines"),
        ("The group had left Wissant aboard an inflatable late on Tuesday.", "Wissant"),
    ],
)
def test_a_place_left_in_a_boat_is_where_it_set_off(text: str, place: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (EventType.LAUNCH, place)


@pytest.mark.parametrize(
    "text",
    [
        "The crew left Dover in a Border Force boat on Monday to meet the dinghy.",
        "The volunteers left Calais in a rescue boat at 3am on Tuesday.",
    ],
)
def test_rescuers_or_police_leaving_a_port_in_their_boat_launch_nothing(text: str) -> None:
    assert all(i.event_type is not EventType.LAUNCH for i in _read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Depuis Le Crotoy et depuis Cayeux-sur-Mer, 35 personnes ont tenté de partir avant d'en"
        " être empêchées par les gendarmes.",
        "On Sunday 35 people tried to leave from Le Crotoy and from Cayeux-sur-Mer but were"
        " stopped by gendarmes.",
    ],
)
def test_places_each_led_by_from_are_listed_together(text: str) -> None:
    places = {i.place_name for i in _read(text)}
    assert places == {"Le Crotoy", "Cayeux-sur-Mer"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mardi, 65 migrants ont été secourus au large de Wissant. Une cinquantaine de "
            "personnes ont été secourues mardi au large de Calais. Cinq personnes ont été "
            "secourues mardi au large de Gravelines.",
            [65, 50, 5],
        ),
        (
            "Sixty-five people were rescued off Wissant on Tuesday. About 50 people were "
            "rescued off Calais on Tuesday. Five people were rescued off Gravelines on Tuesday.",
            [65, 50, 5],
        ),
    ],
)
def test_a_count_smaller_than_another_boat_s_is_no_total_of_them(
    text: str, expected: list[int]
) -> None:
    assert [i.people for i in _read(text)] == expected


# -- one event told at several places: each place of the list has its incident -------------


@pytest.mark.parametrize(
    ("text", "kind", "places"),
    [
        (
            "On Sunday some boats landed at Kingsdown near Deal, and also at Hythe.",
            EventType.ARRIVAL,
            {"Kingsdown", "Hythe"},
        ),
        (
            "Dimanche, des exilés sont partis de Sangatte puis de Wissant.",
            EventType.LAUNCH,
            {"Sangatte", "Wissant"},
        ),
        (
            "Depuis Cap Hornu, à Saint-Valery-sur-Somme, et depuis Cayeux-sur-Mer, 40 exilés "
            "ont tenté de partir dimanche avant d'en être empêchés par les gendarmes.",
            EventType.INTERCEPTION,
            {"Cap Hornu", "Cayeux-sur-Mer"},
        ),
    ],
)
def test_each_place_of_a_list_past_a_qualifier_or_a_then_has_its_incident(
    text: str, kind: EventType, places: set[str]
) -> None:
    incidents = _read(text)
    assert {i.place_name for i in incidents} == places, _kinds(incidents)
    assert all(i.event_type is kind and i.people is None for i in incidents), _kinds(incidents)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Sunday 40 people landed at Kingsdown near Deal.", "Kingsdown"),
        ("Dimanche, 40 exilés ont été interceptés entre Sangatte et Wissant.", None),
    ],
)
def test_a_place_qualified_or_a_stretch_between_two_stays_one_incident(
    text: str, place: str | None
) -> None:
    incident = _only(text)
    assert incident.people == 40
    if place is not None:
        assert incident.place_name == place


# -- one group told twice, at two places of one stretch of coast -----------------------------


@pytest.mark.parametrize(
    ("text", "kind", "place", "people"),
    [
        (
            "Mardi, 45 migrants ont été interceptés en baie de Somme. Selon la gendarmerie, "
            "45 exilés ont été interpellés sur une plage près de Quend.",
            EventType.INTERCEPTION,
            "près de Quend",
            45,
        ),
        (
            "Eighteen people died on Tuesday when their boat sank off Cap Gris-Nez. The 18 "
            "people died on a beach near Boulogne, officials said.",
            EventType.DEATH,
            "off Cap Gris-Nez",
            18,
        ),
        (
            "On Tuesday police stopped 50 people on a beach near Calais. Police said the 50 "
            "people were stopped on the beach at Sangatte.",
            EventType.INTERCEPTION,
            "the beach at Sangatte",
            50,
        ),
        (
            "On Monday 32 people were stopped in the Baie d'Authie. Officers said 32 people "
            "were stopped on a beach near Berck.",
            EventType.INTERCEPTION,
            "a beach near Berck",
            32,
        ),
    ],
)
def test_one_group_told_at_two_near_places_is_one_incident_at_the_more_telling(
    text: str, kind: EventType, place: str, people: int
) -> None:
    assert _read_as(_only(text)) == (kind, place, people)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, 20 migrants ont été secourus au large de Dunkerque. Selon la préfecture, "
        "20 exilés ont été secourus au large de Boulogne-sur-Mer.",
        "On Tuesday a boat with 20 people was rescued off Calais. A second boat with 20 "
        "people was rescued off Sangatte.",
        "On Tuesday 3 people were rescued off Calais. On Tuesday 3 people were rescued off "
        "Sangatte.",
        "On Tuesday 60 people were rescued in the Channel. 30 were rescued off Calais and 30 "
        "off Gravelines.",
        "On Tuesday 40 people were rescued off Wissant. The 40 were brought ashore at Dover.",
    ],
)
def test_groups_of_one_count_far_apart_another_few_or_listed_stay_apart(text: str) -> None:
    assert len(_read(text)) == 2, _kinds(_read(text))


# -- a boat's story goes on: a later rescue told without a place counts it -----------------

_BOAT_AT_WISSANT = (
    "Mardi, une embarcation est signalée en difficulté au large de Wissant. "
    "Le CROSS engage un patrouilleur pour retrouver l'embarcation. "
)
_DINGHY_OFF_WISSANT = (
    "On Tuesday a dinghy was reported in difficulty off Wissant. "
    "The coastguard sent a patrol boat to find the dinghy. "
)


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Mardi, un canot en détresse a appelé les secours alors qu'il se trouvait à "
            "quelques milles de Hardelot. La vedette de la SNSM a pris en charge 37 naufragés.",
            "Hardelot",
            37,
        ),
        (
            _BOAT_AT_WISSANT + "Une fois sur zone, l'équipage constate que le bateau est à "
            "l'arrêt. L'équipage prend en charge 41 personnes.",
            "Wissant",
            41,
        ),
        (
            _DINGHY_OFF_WISSANT + "Once there, the crew saw that the boat had stopped. "
            "The crew rescued 41 people.",
            "Wissant",
            41,
        ),
    ],
)
def test_a_rescue_told_later_without_a_place_counts_the_boat_just_introduced(
    text: str, place: str, people: int
) -> None:
    assert _only_rescue(text, place, people)


@pytest.mark.parametrize(
    "text",
    [
        _DINGHY_OFF_WISSANT + "In total 1,000 people were rescued in the Channel this year.",
        _BOAT_AT_WISSANT + "Depuis le début de l'année, 20 000 personnes ont été secourues.",
        _BOAT_AT_WISSANT + "Deux passeurs sont interpellés par la police.",
        _BOAT_AT_WISSANT + "Cinq personnes sont mortes.",
        _BOAT_AT_WISSANT + "Sur zone, l'équipage voit trois personnes à l'eau. "
        "Les 38 autres personnes sont secourues.",
    ],
)
def test_a_tally_smugglers_the_dead_or_the_others_do_not_count_the_boat(text: str) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert [i.people for i in rescues] == [None], _kinds(_read(text))


# -- departures and stopped departures told in other words ---------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # people who dashed off from a beach, or tried to reach England from it, set off there
        (
            "Mercredi à l'aube, une quarantaine d'exilés se sont élancés vers l'Angleterre "
            "depuis la plage de Wissant.",
            EventType.LAUNCH,
        ),
        (
            "Mercredi, une embarcation s'est élancée de la plage de Wissant avec 30 personnes.",
            EventType.LAUNCH,
        ),
        (
            "Mercredi, 30 exilés ont tenté de rallier les côtes anglaises depuis la plage de "
            "Wissant.",
            EventType.LAUNCH,
        ),
        ("On Wednesday two dinghies set to sea from the beach at Wissant.", EventType.LAUNCH),
        (
            "On Wednesday a dinghy headed out into the Channel from the beach at Wissant.",
            EventType.LAUNCH,
        ),
        # police putting the boat out of use, or scattering those about to board it
        (
            "Mercredi, des gendarmes ont tailladé un pneumatique sur la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, un canot a été lacéré par les gendarmes sur la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, les policiers ont confisqué un pneumatique sur la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, les policiers ont mis hors d'usage un bateau sur la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, un policier vient de crever le pneumatique sur la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, une vingtaine d'exilés ont été dissuadés de partir par les gendarmes sur "
            "la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, les policiers ont dispersé un groupe d'exilés qui tentait de prendre la "
            "mer sur la plage de Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "On Wednesday gendarmes sliced open a dinghy on the beach at Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "On Wednesday officers used knives to slash a dinghy on the beach at Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "On Wednesday police disabled a dinghy on the beach at Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "On Wednesday police halted the departure of a dinghy from the beach at Wissant.",
            EventType.INTERCEPTION,
        ),
        (
            "On Wednesday about 20 migrants were dissuaded from leaving the beach at Wissant.",
            EventType.INTERCEPTION,
        ),
        # getting on the boat
        (
            "On Wednesday dozens of people clambered aboard a dinghy off the beach at Wissant.",
            EventType.EMBARKATION,
        ),
        (
            "On Wednesday migrants jumped onto a dinghy off the beach at Wissant.",
            EventType.EMBARKATION,
        ),
        (
            "On Wednesday about 60 people made a dash for the sea at the beach at Wissant.",
            EventType.EMBARKATION,
        ),
        (
            "Mercredi, une cinquantaine d'exilés montent à bord d'un canot sur la plage de "
            "Wissant.",
            EventType.EMBARKATION,
        ),
    ],
)
def test_a_departure_or_a_stopped_departure_told_in_other_words_is_read(
    text: str, kind: EventType
) -> None:
    incident = _only(text)
    assert incident.event_type is kind
    assert incident.place_name is not None and "Wissant" in incident.place_name


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a ferry or a lifeboat that sails is no migrants' launch
        ("The ferry set off from Calais on Wednesday with 300 passengers.", []),
        ("Mercredi, le ferry a pris la mer à Calais avec 300 passagers.", []),
        (
            "Mercredi, les sauveteurs de la SNSM se sont élancés pour secourir 30 personnes au "
            "large de Wissant.",
            ["rescue"],
        ),
        # an appeal, an inquiry, a train's or a minister's departure
        ("On Wednesday police launched an appeal for witnesses in Calais.", []),
        ("Mercredi, le parquet de Boulogne-sur-Mer a lancé une enquête sur un réseau.", []),
        ("Mercredi, le départ du train pour Calais a été retardé à Lille.", []),
        ("Mercredi, le départ du ministre a été salué par les élus de Calais.", []),
        # a camp dispersed, people kept from something else, a stop that did not happen
        ("On Wednesday police dispersed a camp of 200 migrants at Grande-Synthe.", []),
        ("Mercredi, les policiers ont dispersé un campement d'exilés à Loon-Plage.", []),
        ("On Wednesday fishermen at Boulogne were prevented from working by the storm.", []),
        (
            "Mercredi, les pêcheurs de Boulogne-sur-Mer ont été empêchés de travailler par la "
            "tempête.",
            [],
        ),
        (
            "Mercredi, les policiers n'ont pas empêché les migrants de monter à bord d'un canot "
            "à Boulogne-sur-Mer.",
            ["embarkation"],
        ),
        # a boat found deflated, police going aboard their own boat, traffic halted
        ("On Wednesday walkers found a deflated dinghy on the beach at Wissant.", ["debris"]),
        ("Mercredi, les gendarmes montent à bord de leur vedette au port de Calais.", []),
        ("On Wednesday police halted traffic on the A16 near Calais.", []),
    ],
)
def test_words_of_departure_or_of_a_stop_about_something_else_read_no_such_event(
    text: str, kinds: list[str]
) -> None:
    assert [kind for kind, _, _ in _kinds(_read(text))] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Mercredi, une embarcation s'est élancée de la plage de Wissant avec 30 personnes.",
        "On Wednesday a dinghy headed out into the Channel from the beach at Wissant.",
    ],
)
def test_a_boat_dashing_off_or_heading_out_into_the_channel_is_a_launch_cue(text: str) -> None:
    cue = event_cue(text)
    assert cue is not None and cue.event_type is EventType.LAUNCH


@pytest.mark.parametrize(
    "text",
    [
        # a crossing tried or undertaken from a town, a course set for England, boats leaving
        "Mercredi, 40 exilés ont entrepris la traversée depuis Wimereux.",
        "Mercredi, 40 exilés ont tenté de traverser la Manche depuis Wimereux.",
        "On Wednesday 40 people attempted the crossing from Wimereux.",
        "On Wednesday 40 people tried to cross the Channel from Wimereux.",
        "Mercredi, le pneumatique a mis le cap sur l'Angleterre depuis Wimereux.",
        "On Wednesday a dinghy with 40 people set course for England from Wimereux.",
        "Mercredi, deux canots partent de Wimereux vers l'Angleterre.",
        "Mercredi, un canot surchargé a été vu au départ de Wimereux.",
    ],
)
def test_a_crossing_set_out_on_from_a_town_is_a_launch_there(text: str) -> None:
    assert _read_as(_only(text))[:2] == (EventType.LAUNCH, "Wimereux")


@pytest.mark.parametrize(
    "text",
    [
        "Mercredi, le cargo a mis le cap sur l'Angleterre depuis Dunkerque.",
        "Mercredi, les exilés partent de Calais en bus vers Wimereux.",
        "Mercredi, le canot tous temps est parti de Calais vers 6 heures.",
    ],
)
def test_a_ship_sailing_or_people_leaving_by_land_is_no_launch(text: str) -> None:
    assert _read(text) == [], _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a crossing tried, a boat put to sea or launched at a town: it left there
        ("Mercredi, des exilés ont tenté une traversée à Wimereux.", EventType.LAUNCH),
        ("On Wednesday there was a crossing attempt at Wimereux.", EventType.LAUNCH),
        ("On Wednesday three dinghies launched from Wimereux.", EventType.LAUNCH),
        ("On Wednesday a dinghy went out to sea at Wimereux.", EventType.LAUNCH),
        ("Mercredi, un pneumatique a été mis à la mer à Wimereux.", EventType.LAUNCH),
        ("Mercredi, 30 personnes ont pris le large depuis Wimereux.", EventType.LAUNCH),
        # an attempt ended or broken up by the police there
        ("On Wednesday police broke up a launch at Wimereux.", EventType.INTERCEPTION),
        (
            "Mercredi, les gendarmes ont mis fin à une tentative de traversée à Wimereux.",
            EventType.INTERCEPTION,
        ),
        (
            "Mercredi, les policiers ont fait échouer un départ à Wimereux.",
            EventType.INTERCEPTION,
        ),
    ],
)
def test_an_attempt_made_or_ended_at_a_town_is_read_there(text: str, kind: EventType) -> None:
    assert _read_as(_only(text))[:2] == (kind, "Wimereux")


@pytest.mark.parametrize(
    "text",
    [
        "Mercredi, la mairie de Calais a mis fin à une tentative de conciliation.",
        "Mercredi, la tempête a fait échouer un cargo à Calais.",
        "On Wednesday police broke up a fight at the camp in Calais.",
        "On Wednesday the police boat launched from Calais.",
    ],
)
def test_an_attempt_or_a_launch_of_another_kind_is_no_incident(text: str) -> None:
    assert _read(text) == [], _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "kind", "country", "people"),
    [
        ("Vingt-huit exilés ont été secourus mardi, a indiqué la préfecture.", "rescue", "FR", 28),
        ("A man died on Tuesday while trying to reach England, officials said.", "death", "FR", 1),
        (
            "Quarante-cinq personnes ont pris la mer mardi soir, selon la préfecture.",
            "launch",
            "FR",
            45,
        ),
        (
            "Border Force intercepted 17 people on Monday, the Home Office said.",
            "interception",
            "GB",
            17,
        ),
    ],
)
def test_the_only_incident_of_its_kind_told_without_a_place_stands_at_its_country(
    text: str, kind: str, country: str, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type.value, incident.country, incident.people) == (
        kind,
        country,
        people,
    )
    assert incident.location_precision is LocationPrecision.COUNTRY
    assert incident.confidence is not None and incident.confidence < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday 60 people were rescued off Wimereux. In all, 60 people were rescued on "
        "Tuesday, the prefecture said.",
        "Since January, 200 people have been rescued, the prefecture said.",
        "Rescuers fear more people may die in the coming weeks.",
        "A smuggler was sentenced on Monday for the death of four people.",
        "Un homme a été jugé mardi. Le 24 novembre 2021, 27 personnes étaient mortes.",
        "Dozens of people were rescued on Tuesday, while another boat was stopped.",
    ],
)
def test_a_placeless_event_beside_its_kind_or_not_told_as_done_stays_unmapped(
    text: str,
) -> None:
    assert all(i.location_precision is not LocationPrecision.COUNTRY for i in _read(text)), _kinds(
        _read(text)
    )


@pytest.mark.parametrize(
    ("text", "kind", "people", "day"),
    [
        (
            "On Wednesday 40 people were rescued off Wimereux. On Monday, 12 people were also "
            "rescued, the prefecture said.",
            EventType.RESCUE,
            12,
            11,
        ),
        (
            "Mercredi, 40 migrants ont été secourus au large de Wimereux. Lundi, douze personnes "
            "ont également été secourues.",
            EventType.RESCUE,
            12,
            11,
        ),
        (
            "Two men died off Gravelines on Wednesday. On Sunday three people also died while "
            "trying to reach England.",
            EventType.DEATH,
            3,
            10,
        ),
    ],
)
def test_a_placeless_event_of_a_day_of_its_own_stands_beside_its_kind(
    text: str, kind: EventType, people: int, day: int
) -> None:
    placed, unplaced = _read(text)
    assert placed.location_precision is not LocationPrecision.COUNTRY
    assert (unplaced.event_type, unplaced.country, unplaced.people, unplaced.date) == (
        kind,
        "FR",
        people,
        dt.date(2024, 3, day),
    )
    assert unplaced.location_precision is LocationPrecision.COUNTRY


@pytest.mark.parametrize(
    "text",
    [
        # one night told across two dates, with the same count
        "In the night from Tuesday to Wednesday 30 people were rescued off Wimereux. On Tuesday "
        "night, 30 people were rescued, the prefecture said.",
        # a detail of the day's rescue, dated by the story only
        "On Wednesday 40 people were rescued off Wimereux. Twelve of them were also taken to "
        "hospital.",
        "Two people died off Calais on Wednesday. Last year 12 people died in the Channel.",
        "On Wednesday 40 people were rescued off Wimereux. On Tuesday 60 people had been rescued.",
    ],
)
def test_a_placeless_event_of_no_day_of_its_own_beside_its_kind_stays_unmapped(
    text: str,
) -> None:
    assert all(i.location_precision is not LocationPrecision.COUNTRY for i in _read(text)), _kinds(
        _read(text)
    )


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "On Thursday eight people landed at Kingsdown and 15 at Deal. Another boat was also "
            "intercepted in the Channel, with 14 people on board.",
            14,
        ),
        (
            "Border Force intercepted a dinghy carrying 20 people off Dover on Tuesday. Later, "
            "another boat carrying 12 people was intercepted in the Channel.",
            12,
        ),
    ],
)
def test_another_boat_stopped_at_sea_beside_placed_incidents_stands_at_their_country(
    text: str, people: int
) -> None:
    stops = [i for i in _read(text) if i.location_precision is LocationPrecision.COUNTRY]
    assert [(i.event_type, i.country, i.people) for i in stops] == [
        (EventType.INTERCEPTION, "GB", people)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mercredi, une première embarcation transportant 46 personnes a été repérée dans le "
        "détroit du Pas-de-Calais et ses passagers secourus. Une autre embarcation a été "
        "secourue au large du Touquet avec 40 personnes à bord.",
        "On Wednesday a first boat carrying 46 people was rescued in the Strait of Dover. A "
        "second boat with 30 people on board was rescued off Wimereux.",
    ],
)
def test_the_first_of_several_boats_rescued_at_sea_stands_beside_the_one_placed(
    text: str,
) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert len(rescues) == 2, _kinds(rescues)
    (at_sea,) = [i for i in rescues if i.people == 46]
    assert at_sea.country == "FR"
    assert at_sea.location_precision in {LocationPrecision.REGION, LocationPrecision.COUNTRY}


@pytest.mark.parametrize(
    "text",
    [
        # the same boat told again at sea
        "A boat carrying 14 people was intercepted off Dover on Thursday. The boat was "
        "intercepted in the Channel, with 14 people on board.",
        # another boat, but uncounted
        "On Thursday eight people landed at Kingsdown and 15 at Deal. Another boat was "
        "intercepted in the Channel.",
        # the first boat, told again at its place with the same count
        "Mercredi, une première embarcation transportant 40 personnes a été secourue dans le "
        "détroit du Pas-de-Calais. Les 40 naufragés ont été secourus au large du Touquet.",
    ],
)
def test_a_stop_at_sea_not_set_apart_or_uncounted_adds_no_incident(text: str) -> None:
    assert all(i.location_precision is not LocationPrecision.COUNTRY for i in _read(text)), _kinds(
        _read(text)
    )


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # people lifted or brought out of danger at sea: a rescue there
        (
            "Jeudi, l'hélicoptère a treuillé six naufragés au large de Wissant.",
            EventType.RESCUE,
            "au large de Wissant",
        ),
        (
            "Jeudi, vingt-deux passagers ont été mis en sécurité au large de Wissant.",
            EventType.RESCUE,
            "au large de Wissant",
        ),
        (
            "On Thursday the helicopter winched three men to safety off Deal.",
            EventType.RESCUE,
            "off Deal",
        ),
        ("On Thursday the crew pulled 14 people aboard off Deal.", EventType.RESCUE, "off Deal"),
        ("On Thursday the lifeboat recovered 26 people off Deal.", EventType.RESCUE, "off Deal"),
        # a landing told in other words: an arrival there
        ("On Thursday 35 people touched dry land at Deal.", EventType.ARRIVAL, "Deal"),
        ("On Thursday a dinghy with 35 people lands at Deal.", EventType.ARRIVAL, "Deal"),
        ("On Thursday 35 people stepped onto dry land at Deal.", EventType.ARRIVAL, "Deal"),
        ("Jeudi, trente-cinq exilés ont accosté à Douvres.", EventType.ARRIVAL, "Douvres"),
        ("Jeudi, trente-cinq exilés ont posé le pied à Douvres.", EventType.ARRIVAL, "Douvres"),
        # a death told in other words: a death there
        (
            "Jeudi, un exilé a succombé sur la plage de Wissant.",
            EventType.DEATH,
            "la plage de Wissant",
        ),
        ("Jeudi, un cadavre a été découvert à Wissant.", EventType.DEATH, "Wissant"),
        ("Jeudi, la dépouille d'un exilé a été découverte à Wissant.", EventType.DEATH, "Wissant"),
        ("On Thursday two people perished off Deal.", EventType.DEATH, "off Deal"),
        ("On Thursday a young man succumbed to the cold at Deal.", EventType.DEATH, "Deal"),
        ("On Thursday human remains were found on the shingle at Deal.", EventType.DEATH, "Deal"),
    ],
)
def test_a_rescue_a_landing_or_a_death_told_in_other_words_is_read(
    text: str, kind: EventType, place: str
) -> None:
    assert _read_as(_only(text))[:2] == (kind, place)


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday the speeches at Deal were drowned out by the crowd.",
        "Jeudi, le standard de la mairie de Wissant a été noyé sous les appels.",
        "Jeudi, le ferry a accosté à Calais avec du retard.",
        "On Thursday the ferry came alongside at Calais late in the evening.",
        "On Thursday the Walmer lifeboat crew held a training exercise off Deal.",
    ],
)
def test_words_of_death_rescue_or_landing_said_of_something_else_tell_no_incident(
    text: str,
) -> None:
    assert _read(text) == [], _kinds(_read(text))


def test_a_boat_and_its_engine_recovered_by_rescuers_are_debris_not_a_rescue() -> None:
    assert (
        _read_as(_only("On Thursday rescuers recovered an empty dinghy and its engine at Deal."))[0]
        is EventType.DEBRIS
    )


def test_a_body_brought_ashore_is_a_death_not_an_arrival() -> None:
    cue = event_cue("On Thursday a body was brought ashore at Deal.")
    assert cue is not None and cue.event_type is EventType.DEATH


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday the lifeboat crew rescued a dog from the mud at Deal.",
        "On Thursday a hiker was rescued from the cliffs at Folkestone.",
        "Jeudi, les pompiers ont secouru un randonneur sur les falaises de Wissant.",
        "Jeudi, un policier a perdu la vie dans un accident de la route près de Calais.",
        "On Thursday a man died after being hit by a lorry near Calais.",
    ],
)
def test_a_rescue_on_land_of_an_animal_or_a_walker_or_a_death_on_the_road_is_no_incident(
    text: str,
) -> None:
    assert _read(text) == [], _kinds(_read(text))


def test_a_rescue_at_sea_that_also_names_a_dog_is_still_a_rescue() -> None:
    text = "Jeudi, 40 personnes ont été secourues au large de Wissant, avec leur chien."
    assert _read_as(_only(text))[:2] == (EventType.RESCUE, "au large de Wissant")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("On Friday half a dozen migrants were rescued off Hythe.", 6),
        ("Vendredi, une demi-douzaine d'exilés ont été secourus au large d'Équihen.", 6),
        ("On Friday a 23-strong group of migrants was rescued off Hythe.", 23),
        ("On Friday the coastguard rescued 23 souls off Hythe.", 23),
    ],
)
def test_a_count_told_as_half_a_dozen_a_strong_group_or_souls_is_read(
    text: str, people: int
) -> None:
    assert _only(text).people == people


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the 9-strong lifeboat crew rescued 23 people off Hythe.",
        "Vendredi, 23 exilés, dont un homme de 40 ans, ont été secourus au large d'Équihen.",
        "Vendredi, une embarcation de 10 mètres avec 23 personnes à bord a été secourue "
        "au large d'Équihen.",
        "On Friday RNLI 13-28 rescued 23 people off Hythe after 40 minutes in the water.",
    ],
)
def test_a_crew_an_age_a_length_or_a_lifeboat_number_is_no_count_of_those_aboard(
    text: str,
) -> None:
    assert _only(text).people == 23


@pytest.mark.parametrize(
    "text",
    [
        "On Friday a group of six men and three women was found on the beach at Hythe.",
        "Vendredi, un groupe de six hommes et trois femmes a été intercepté sur la plage "
        "d'Équihen.",
    ],
)
def test_a_group_of_men_and_women_counts_them_all(text: str) -> None:
    assert _only(text).people == 9


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the lifeboat rescued 23 from a sinking dinghy off Hythe.",
        "Vendredi, le remorqueur a récupéré 23 au large d'Équihen.",
    ],
)
def test_people_rescued_told_by_a_bare_number_are_counted(text: str) -> None:
    assert _only(text).people == 23


def test_a_distance_after_a_rescue_is_no_count_of_those_rescued() -> None:
    assert (
        _only("On Friday a dinghy was picked up 12 miles off Hythe with 23 on board.").people == 23
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Friday a French patrol vessel escorted the dinghy into British waters off Gravelines.",
        "Vendredi, le patrouilleur a escorté l'embarcation jusqu'aux eaux britanniques au large "
        "de Gravelines.",
        "Vendredi, au large de Gravelines, un canot de 40 personnes a été accompagné vers les "
        "eaux anglaises par une vedette.",
    ],
)
def test_a_boat_escorted_to_the_other_side_s_waters_is_a_rescue_where_it_was_met(
    text: str,
) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.RESCUE
    assert "Gravelines" in (incident.place_name or "")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday a ferry was escorted into Ramsgate harbour by two tugs.",
        "On Friday the ministers were escorted to the port of Ramsgate.",
        "On Friday tugs escorted the cargo ship into Ramsgate.",
    ],
)
def test_a_ship_or_officials_escorted_into_port_landed_no_one(text: str) -> None:
    assert _read(text) == []


def test_a_boat_escorted_into_port_by_border_force_landed_there() -> None:
    incident = _only("On Friday Border Force escorted a dinghy with 31 people into Ramsgate.")
    assert _read_as(incident) == (EventType.ARRIVAL, "Ramsgate", 31)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the lifeboat came back with 31 migrants picked up off Walmer.",
        "On Friday a dinghy was spotted off Walmer. Border Force picked up the 31 people aboard.",
    ],
)
def test_people_picked_up_at_sea_were_rescued(text: str) -> None:
    assert any(i.event_type is EventType.RESCUE for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "On Friday migrants picked up by a taxi boat off Gravelines headed out to sea.",
        "On Friday the lifeboat crew held a training exercise off Walmer.",
        "On Friday Border Force officers picked up a suspect at the port of Ramsgate.",
    ],
)
def test_people_boarding_a_taxi_boat_or_a_suspect_picked_up_are_no_rescue(text: str) -> None:
    assert all(i.event_type is not EventType.RESCUE for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Friday 31 people were helped ashore at Camber by lifeboat volunteers.", "Camber"),
        (
            "On Friday 31 people were helped onto the beach at Hythe by the crew.",
            "the beach at Hythe",
        ),
    ],
)
def test_people_helped_ashore_landed_there(text: str, place: str) -> None:
    assert _read_as(_only(text)) == (EventType.ARRIVAL, place, 31)


def test_people_found_walking_near_a_beach_after_crossing_landed_there() -> None:
    incident = _only("On Friday police found a group of nine men walking near the beach at Camber.")
    assert _read_as(incident) == (EventType.ARRIVAL, "the beach at Camber", 9)


def test_a_car_found_on_a_beach_road_is_no_one_found() -> None:
    assert _read("On Friday police found a car on the beach road at Camber.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Vendredi, un canot avec 31 personnes à bord a été retrouvé à la dérive au large "
        "d'Équihen.",
        "On Friday a dinghy with 31 people aboard was found drifting off Équihen.",
    ],
)
def test_people_found_adrift_at_sea_were_rescued(text: str) -> None:
    assert _only(text).event_type is EventType.RESCUE


def test_people_found_on_a_french_beach_were_stopped() -> None:
    incident = _only("Vendredi, 31 migrants ont été retrouvés sur la plage d'Équihen.")
    assert incident.event_type is EventType.INTERCEPTION


def test_people_taken_in_in_england_landed_there() -> None:
    text = "Vendredi, 31 exilés ont été pris en charge en Angleterre après leur traversée."
    assert _read_as(_only(text)) == (EventType.ARRIVAL, "Angleterre", 31)


@pytest.mark.parametrize(
    "text",
    [
        "Vendredi, 31 exilés ont été pris en charge au large d'Équihen.",
        "Vendredi, 31 exilés ont été pris en charge par la Border Force au large de Douvres.",
    ],
)
def test_people_taken_in_at_sea_were_rescued(text: str) -> None:
    assert _only(text).event_type is EventType.RESCUE


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Border Force stopped a dinghy off Hythe; it was carrying 23 people.",
        "Vendredi, les gendarmes ont intercepté un canot au large d'Équihen ; il transportait "
        "23 personnes.",
        "On Friday a dinghy was rescued off Hythe by the lifeboat: it carried 23 migrants.",
    ],
)
def test_a_clause_on_the_boat_that_says_its_load_counts_its_people(text: str) -> None:
    assert _only(text).people == 23


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Border Force stopped a dinghy off Hythe; it said 23 people crossed that day.",
        "Vendredi, un canot a été secouru au large d'Équihen ; elle avait 23 ans.",
    ],
)
def test_a_clause_on_it_that_says_no_load_gives_the_boat_no_count(text: str) -> None:
    assert _read(text)[0].people is None


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the lifeboat brought 23 ashore at Hythe.",
        "Vendredi, le canot de sauvetage a débarqué 23 à terre à Douvres.",
        "On Friday Border Force picked up 23 off Hythe.",
        "Vendredi, un canot était en difficulté au large d'Équihen. Le patrouilleur a secouru 23.",
    ],
)
def test_people_rescued_or_landed_told_by_a_bare_number_at_the_clause_end_are_counted(
    text: str,
) -> None:
    assert _only(text).people == 23


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the lifeboat brought 3 dinghies ashore at Hythe.",
        "On Friday the lifeboat rescued a dinghy off Hythe at 3.23am.",
    ],
)
def test_a_bare_number_that_counts_no_one_gives_no_count(text: str) -> None:
    assert _only(text).people is None


@pytest.mark.parametrize(
    "text",
    [
        "On Friday a dinghy was stopped off Hythe. Onboard were 23 people.",
        "On Friday a dinghy with 23 onboard was rescued off Hythe.",
    ],
)
def test_onboard_in_one_word_puts_the_count_in_the_boat(text: str) -> None:
    assert _only(text).people == 23


@pytest.mark.parametrize(
    "text",
    [
        "On Friday a dinghy was stopped off Hythe. It had 23 people.",
        "Vendredi, un canot a été intercepté au large d'Équihen. Il avait environ 23 passagers.",
    ],
)
def test_the_next_sentence_saying_what_the_boat_had_counts_its_people(text: str) -> None:
    assert _only(text).people == 23


@pytest.mark.parametrize(
    "text",
    [
        "On Friday a dinghy was stopped off Hythe. It had 2 engines.",
        "Vendredi, un canot a été intercepté au large d'Équihen. Il avait 23 ans.",
    ],
)
def test_the_next_sentence_saying_the_boat_had_no_people_gives_no_count(text: str) -> None:
    assert _only(text).people is None


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "On Wednesday about 30 people were rescued off Wimereux. In all, 12 migrants, soaked, "
            "were rescued on the beach.",
            "Wimereux",
            30,
        ),
        (
            "Mercredi, 40 personnes ont été secourues au large de Wissant. En tout, 18 migrants "
            "trempés ont été pris en charge sur la plage.",
            "Wissant",
            40,
        ),
    ],
)
def test_fewer_summed_up_at_the_scene_of_a_rescue_are_some_of_its_people(
    text: str, place: str, people: int
) -> None:
    _only_rescue(text, place, people)


def test_a_count_summed_up_at_a_place_of_its_own_is_its_own_rescue() -> None:
    incidents = _read(
        "On Wednesday 40 people were rescued off Wissant. In all, 18 more were rescued off "
        "Calais later that day."
    )
    assert sorted(i.people or 0 for i in incidents) == [18, 40]


# -- running totals, and places that are not where anything happened ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Since the new rules were announced, 1,000 people have landed at Dover.",
        "More than 800 migrants have crossed to England since the lockdown was announced.",
        "Plus de 800 exilés ont rejoint l'Angleterre depuis l'entrée en vigueur du traité.",
        "From March 2 to today, 412 people landed on the Kent coast in 37 boats.",
        "Du 2 mars à aujourd'hui, 412 personnes sont arrivées au Royaume-Uni.",
        "Since 1 January, 900 people landed at Dover.",
    ],
)
def test_a_count_since_a_measure_or_up_to_today_is_a_running_total(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("On Tuesday, 40 people were rescued off Calais.", EventType.RESCUE, "off Calais"),
        (
            "On Tuesday 40 people landed at Folkestone, the most since the new rules were "
            "announced.",
            EventType.ARRIVAL,
            "Folkestone",
        ),
        (
            "The 30 people had been drifting since the engine failed when the lifeboat rescued "
            "them off Dover on Tuesday.",
            EventType.RESCUE,
            "off Dover",
        ),
    ],
)
def test_a_day_s_count_beside_a_since_is_still_that_day_s_event(
    text: str, kind: EventType, place: str
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.place_name) == (kind, place)


@pytest.mark.parametrize(
    "text",
    [
        "Harbour police discovered six men on Tuesday while checking a lorry coming from Calais.",
        "Port of Folkestone police then discovered seven men while searching a heavy goods "
        "vehicle arriving from Dunkirk on Tuesday.",
    ],
)
def test_the_town_a_searched_lorry_came_from_is_no_stop_there(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Les 6 naufragés sont récupérés à bord de la vedette de la CRS 8 de Lille mardi.",
        "Mardi, les 6 naufragés ont été récupérés par la brigade 3 de Lille.",
    ],
)
def test_a_numbered_unit_s_home_town_is_not_the_rescue_s_place(text: str) -> None:
    assert all("Lille" not in (i.place_name or "") for i in _read(text))


@pytest.mark.parametrize(
    "arrived",
    [
        "Arrivés au port de Dunkerque grâce aux secours, les 42 naufragés ont été pris en charge.",
        "Arrivés dans le port de Dunkerque vers midi, les naufragés secourus ont été confiés à la "
        "police.",
    ],
)
def test_the_port_the_rescued_arrived_at_is_not_the_rescue_s_place(arrived: str) -> None:
    text = f"Mardi, 42 migrants ont été secourus au large de Gravelines. {arrived}"
    _only_rescue(text, "Gravelines", 42)


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "Douze migrants sont arrivés au port de Douvres à bord d'un canot mardi.",
            EventType.ARRIVAL,
            "Douvres",
        ),
        (
            "A boat carrying 40 people left from the port of Dunkirk on Tuesday.",
            EventType.LAUNCH,
            "Dunkirk",
        ),
        (
            "Mardi, une embarcation avec 40 personnes est partie du port de Dunkerque.",
            EventType.LAUNCH,
            "Dunkerque",
        ),
        ("A body was found in the port of Calais on Tuesday.", EventType.DEATH, "Calais"),
    ],
)
def test_a_port_people_reached_left_or_were_found_in_is_still_the_event_s_place(
    text: str, kind: EventType, place: str
) -> None:
    incident = _only(text)
    assert incident.event_type is kind and place in (incident.place_name or "")


# -- a rescue told with only where its people were landed; a boat picking up more people ----


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, onze personnes ont été secourues puis déposées sur la plage de Wimereux.",
        "Jeudi, le patrouilleur a secouru onze migrants et les a ramenés au port de Calais.",
    ],
)
def test_a_rescue_told_only_with_its_landing_stands_at_its_country(text: str) -> None:
    incident = _only(text)
    assert _read_as(incident) == (EventType.RESCUE, "France", 11)


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, onze personnes ont été secourues au large de Wissant. "
        "Elles ont ensuite été déposées au port de Calais.",
        "On Thursday eleven people were rescued in the Channel and taken to Dover.",
    ],
)
def test_a_landing_after_a_placed_rescue_or_in_britain_adds_no_rescue(text: str) -> None:
    assert [k for k, _, _ in _kinds(_read(text))].count("rescue") <= 1
    assert "France" not in [p for _, p, _ in _kinds(_read(text))]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Vers minuit, le canot a récupéré de nouveaux passagers sur la plage de Hardelot "
            "et peu après, quatre personnes en détresse ont été secourues en mer.",
            "Hardelot",
        ),
        ("Le pneumatique a ensuite récupéré d'autres passagers à Wissant.", "Wissant"),
    ],
)
def test_a_boat_taking_on_more_passengers_is_an_embarkation(text: str, place: str) -> None:
    incidents = _read(text)
    embarked = [i for i in incidents if i.event_type is EventType.EMBARKATION]
    assert len(embarked) == 1 and place in (embarked[0].place_name or ""), _kinds(incidents)


def test_rescuers_picking_up_more_castaways_still_rescue() -> None:
    incident = _only("Le patrouilleur a récupéré d'autres naufragés au large de Wissant.")
    assert incident.event_type is EventType.RESCUE


# -- the British patrol sent after a boat, and what it leaves on the beach ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Border Force was alerted to a dinghy near Hythe and a patrol vessel was sent to"
            " intercept it.",
            (EventType.INTERCEPTION, "near Hythe", None),
        ),
        (
            "A cutter went out and located a dinghy at Kingsdown on Friday.",
            (EventType.ARRIVAL, "Kingsdown", None),
        ),
        (
            "Officers and Border Force responded to an incident near Camber Sands on Tuesday.",
            (EventType.ARRIVAL, "near Camber Sands", None),
        ),
        (
            "Border Force and Sussex Police responded to a call at Pett Level.",
            (EventType.ARRIVAL, "Pett Level", None),
        ),
    ],
)
def test_a_patrol_sent_after_a_boat_meets_it_where_the_report_places_it(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The patrol vessel escorted the dinghy with 14 people on board to Ramsgate harbour.",
            (EventType.ARRIVAL, "Ramsgate harbour", 14),
        ),
        (
            "Two patrol boats carrying about 30 migrants were seen sailing into Folkestone harbour"
            " on Friday.",
            (EventType.ARRIVAL, "Folkestone harbour", 30),
        ),
    ],
)
def test_a_boat_brought_into_port_with_its_people_lands_them_there(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Three dinghies that had been abandoned lay on the beach at St Mary's Bay.", "St Mary's"),
        (
            "Deux embarcations qui avaient été abandonnées gisaient sur la plage de Wissant.",
            "Wissant",
        ),
    ],
)
def test_boats_told_as_left_abandoned_are_traces_where_they_lie(text: str, place: str) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.DEBRIS
    assert incident.place_name is not None and place in incident.place_name


def test_a_name_with_its_feature_in_lower_case_is_the_gazetteer_place() -> None:
    assert _read_as(_only("Twelve people came ashore at Shakespeare beach on Friday.")) == (
        EventType.ARRIVAL,
        "Shakespeare beach",
        12,
    )


@pytest.mark.parametrize(
    "text",
    [
        "A ferry carrying 400 passengers was seen pulling into Dover on Friday.",
        "Police responded to a road accident near Deal on Friday.",
        "Border Force responded to the criticism in Dover on Friday.",
        "A Border Force cutter was sent out on patrol off Dover on Tuesday.",
        "Plans to buy two patrol boats were abandoned in Dover.",
        "An abandoned car was left near Folkestone on Friday.",
    ],
)
def test_no_small_boat_met_nor_left_is_no_incident(text: str) -> None:
    assert _read(text) == []


# -- one scene told with two names: an area between two places, the strait ----------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Douze migrants ont été secourus mardi entre le Cap Gris-Nez et Wissant.",
            "entre le Cap Gris-Nez et Wissant",
        ),
        (
            "Douze migrants ont été secourus mardi alors que leur bateau dérivait entre le Cap "
            "Gris-Nez et Wissant.",
            "entre le Cap Gris-Nez et Wissant",
        ),
        (
            "Twelve people were rescued on Tuesday between the Cap Gris-Nez and Wissant.",
            "between the Cap Gris-Nez and Wissant",
        ),
    ],
)
def test_an_area_between_two_places_with_their_articles_is_one_scene(text: str, place: str) -> None:
    assert _read_as(_only(text)) == (EventType.RESCUE, place, 12)


def test_two_rescues_off_two_beaches_of_one_day_stay_two() -> None:
    text = (
        "Mardi matin, 12 migrants ont été secourus au large de Wissant. Mardi soir, 20 migrants "
        "ont été secourus au large d'Audresselles."
    )
    assert [_read_as(i) for i in _read(text)] == [
        (EventType.RESCUE, "au large de Wissant", 12),
        (EventType.RESCUE, "au large d'Audresselles", 20),
    ]


def test_a_second_boat_also_rescued_off_the_same_town_stays_apart() -> None:
    text = (
        "Twelve people were rescued off Wissant on Tuesday morning. Later that day another boat "
        "was also rescued off Wissant with 30 people on board."
    )
    assert [_read_as(i) for i in _read(text)] == [
        (EventType.RESCUE, "off Wissant", 12),
        (EventType.RESCUE, "off Wissant", 30),
    ]


def test_the_strait_written_in_lower_case_is_not_the_town_of_calais() -> None:
    text = "Un patrouilleur a secouru 12 migrants mardi dans le détroit du pas de Calais."
    assert all(i.place_name != "Calais" for i in _read(text)), _kinds(_read(text))


@pytest.mark.parametrize(
    "text",
    [
        "Twenty people boarded a dinghy on the beach at Wimereux on Sunday. "
        "It comes as the French navy rescued 41 migrants on Sunday.",
        "Twenty people boarded a dinghy on the beach at Wimereux. "
        "It comes after the French navy rescued 41 migrants.",
        "Une vingtaine de personnes ont embarqué sur la plage de Wimereux. "
        "Cela intervient au lendemain du sauvetage de 41 migrants par la marine française.",
        "Une vingtaine de personnes ont embarqué sur la plage de Wimereux dimanche. "
        "Cela intervient alors que la marine française a secouru 41 migrants dimanche.",
    ],
)
def test_an_incident_told_beside_the_story_is_not_at_its_scene(text: str) -> None:
    rescue = next(i for i in _read(text) if i.event_type is EventType.RESCUE)
    assert (rescue.place_name, rescue.people) == ("France", 41)
    assert rescue.location_precision is LocationPrecision.COUNTRY


def test_a_boat_that_came_as_close_as_the_shore_is_still_the_scene() -> None:
    text = (
        "A dinghy was seen off Deal on Monday. "
        "It came as close as 50 metres to the shore, where 12 people were rescued by the lifeboat."
    )
    assert _read_as(_only(text)) == (EventType.RESCUE, "off Deal", 12)


@pytest.mark.parametrize(
    "text",
    [
        "The French navy rescued 41 migrants on Sunday, while two people died.",
        "La marine française a secouru 41 migrants dimanche, "
        "tandis que deux personnes sont mortes.",
    ],
)
def test_the_dead_beside_a_rescue_known_by_its_country_are_in_that_country(text: str) -> None:
    assert sorted(_kinds(_read(text))) == [("death", "France", 2), ("rescue", "France", 41)]


def test_the_dead_beside_a_placed_rescue_are_at_its_place() -> None:
    text = "The French navy rescued 41 migrants off Calais on Sunday, while two people died."
    assert sorted(_kinds(_read(text))) == [("death", "off Calais", 2), ("rescue", "off Calais", 41)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Border Force was alerted to a dinghy heading towards Folkestone on Monday "
            "and stopped it.",
            "Folkestone",
        ),
        (
            "Les gendarmes ont intercepté lundi une embarcation qui se dirigeait vers Wimereux.",
            "Wimereux",
        ),
    ],
)
def test_a_boat_stopped_on_its_way_is_stopped_off_where_it_was_heading(
    text: str, place: str
) -> None:
    incident = _only(text)
    assert incident.event_type is EventType.INTERCEPTION
    assert incident.place_name is not None and place in incident.place_name


def test_a_boat_stopped_trying_to_reach_a_port_is_not_stopped_off_it() -> None:
    incident = _only(
        "Border Force intercepted a dinghy of 20 people trying to reach Dover on Monday."
    )
    assert (incident.event_type, incident.place_name) == (EventType.INTERCEPTION, "United Kingdom")


# -- a later sentence opening on the party counted with the definite article ----------------


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        (
            "Un canot en difficulté est signalé au large d'Équihen. Le CROSS engage la vedette "
            "de la SNSM de Boulogne-sur-Mer. Vers 6h, les 31 naufragés grelottent sous les "
            "couvertures.",
            "Équihen",
            31,
        ),
        (
            "Un kayak est signalé en difficulté au large de Sangatte. La vedette de la "
            "gendarmerie quitte le port de Calais. Les 3 occupants sont épuisés.",
            "Sangatte",
            3,
        ),
        (
            "A dinghy in trouble was reported off Hardelot. The coastguard sent the lifeboat "
            "from Calais. The 17 migrants were shivering on the deck.",
            "Hardelot",
            17,
        ),
    ],
)
def test_a_later_sentence_opening_on_the_counted_party_counts_the_boat_told_of(
    text: str, place: str, people: int
) -> None:
    _only_rescue(text, place, people)


@pytest.mark.parametrize(
    "text",
    [
        # some of the party, not its count
        "Un canot en difficulté est signalé au large d'Équihen. Le CROSS engage la vedette de la "
        "SNSM de Boulogne-sur-Mer. Les 31 autres naufragés restent à bord.",
        # another boat's people
        "A dinghy in trouble was reported off Hardelot. The coastguard sent the lifeboat from "
        "Calais. The 17 migrants of a second boat were still at sea.",
        # people seen at a place of their own
        "A dinghy in trouble was reported off Hardelot. The coastguard sent the lifeboat from "
        "Calais. The 17 migrants were later seen on the beach at Wimereux.",
    ],
)
def test_some_of_the_party_or_another_boat_s_people_do_not_count_the_boat_told_of(
    text: str,
) -> None:
    rescues = [i for i in _read(text) if i.event_type is EventType.RESCUE]
    assert rescues and rescues[0].people is None, _kinds(_read(text))


# -- the group, said to number so many --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "people"),
    [
        (
            "A dinghy landed on the beach at Dymchurch. The group, thought to number about 40 "
            "people, was met by police officers.",
            EventType.ARRIVAL,
            40,
        ),
        (
            "Une embarcation a été repérée au large de Wimereux. Le groupe, estimé à une "
            "quarantaine de personnes, semblait épuisé.",
            EventType.SIGHTING,
            40,
        ),
        (
            "Un canot a été intercepté au large de Gravelines. Le petit groupe, composé de 9 "
            "personnes, a été conduit à Dunkerque.",
            EventType.INTERCEPTION,
            9,
        ),
    ],
)
def test_the_group_said_to_number_so_many_counts_the_boat_told_of(
    text: str, kind: EventType, people: int
) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.people) == (kind, people)


@pytest.mark.parametrize(
    "text",
    [
        # where the group came from, then a share of it
        "A dinghy landed on the beach at Dymchurch. The group, believed to be from Syria, "
        "included 3 children.",
        # families, not people counted
        "Une embarcation a été repérée au large de Wimereux. Le groupe, composé de deux "
        "familles, semblait épuisé.",
        # a group set apart from the boat told of
        "A dinghy landed on the beach at Dymchurch. The second group of 30 people was met by "
        "police officers.",
    ],
)
def test_what_the_group_was_or_who_was_in_it_gives_no_count(text: str) -> None:
    assert _only(text).people is None


# -- rescuers who had to step in, vessels taking people aboard, pronouns of one dead ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Onze réfugiés ont été secourus au large de Bray-Dunes vendredi.",
            (EventType.RESCUE, "au large de Bray-Dunes", 11),
        ),
        (
            "Sept réfugiées ont été récupérées au large de Gravelines vendredi.",
            (EventType.RESCUE, "au large de Gravelines", 7),
        ),
    ],
)
def test_refugees_in_french_are_people_counted(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vendredi soir, c'est à Wissant que les sauveteurs ont dû intervenir.",
            (EventType.RESCUE, "Wissant", None),
        ),
        (
            "Les secours ont dû intervenir au large d'Hardelot vendredi pour un canot.",
            (EventType.RESCUE, "au large d'Hardelot", None),
        ),
        (
            "On Friday the lifeboat crew had to intervene off Dungeness.",
            (EventType.RESCUE, "off Dungeness", None),
        ),
        (
            "Vendredi, le patrouilleur Pluvier de la gendarmerie maritime est intervenu au large"
            " de Wimereux.",
            (EventType.RESCUE, "au large de Wimereux", None),
        ),
        (
            "Les secours ont été alertés vendredi matin d'une embarcation à 6 km des côtes"
            " d'Hardelot.",
            (EventType.RESCUE, "6 km des côtes d'Hardelot", None),
        ),
    ],
)
def test_rescuers_or_a_patrol_boat_that_had_to_step_in_rescued(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vendredi, les gendarmes ont dû intervenir sur la plage de Wissant où 30 migrants"
            " tentaient de partir.",
            (EventType.INTERCEPTION, "la plage de Wissant", 30),
        ),
        (
            "Police had to intervene on the beach at Wissant on Friday as migrants tried to board.",
            (EventType.INTERCEPTION, "the beach at Wissant", None),
        ),
    ],
)
def test_police_who_had_to_step_in_stopped_a_departure(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


def test_a_patrol_boat_that_stepped_in_for_a_boat_leaves_its_start() -> None:
    incident = _only(
        "La vedette Escaut de la Marine nationale est intervenue pour une embarcation partie"
        " d'Hardelot."
    )
    assert _read_as(incident) == (EventType.LAUNCH, "Hardelot", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vendredi, le remorqueur a pris à son bord 17 migrants au large de Bray-Dunes.",
            (EventType.RESCUE, "au large de Bray-Dunes", 17),
        ),
        (
            "The crew of the patrol boat took on board 33 people off Hardelot on Friday.",
            (EventType.RESCUE, "off Hardelot", 33),
        ),
        (
            "Vendredi, un bateau-taxi a pris à son bord 45 migrants au large d'Hardelot.",
            (EventType.EMBARKATION, "au large d'Hardelot", 45),
        ),
    ],
)
def test_a_vessel_taking_people_aboard_at_sea_rescued_them(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kent Police detained nine people near Walmer on Friday night.",
            (EventType.ARRIVAL, "near Walmer", 9),
        ),
        (
            "Photos show migrants in blankets stepping off a Border Force cutter at Ramsgate on"
            " Friday.",
            (EventType.ARRIVAL, "Ramsgate", None),
        ),
        (
            "French officers detained 25 migrants on the beach at Hardelot on Friday.",
            (EventType.INTERCEPTION, "the beach at Hardelot", 25),
        ),
    ],
)
def test_people_detained_on_a_shore_or_helped_off_a_patrol_boat(
    text: str, expected: tuple[EventType, str, int | None]
) -> None:
    assert _read_as(_only(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les gendarmes n'ont pas dû intervenir à Wissant vendredi.",
        "Les secours n'ont pas été alertés à temps, vendredi, à Wissant.",
        "The minister took on board the concerns of Hardelot residents on Friday.",
        "Le maire d'Hardelot a pris à son bord un adjoint vendredi.",
        "Officers detained a man in Folkestone on Friday after a brawl outside a bar.",
        "Police detained two suspected smugglers in Hardelot on Friday.",
        "The minister stepped off the Border Force cutter at Ramsgate after a tour on Friday.",
    ],
)
def test_no_rescue_nor_stop_when_no_boat_was_helped_or_no_crosser_held(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Les pompiers ont secouru une femme sur la plage de Wissant vendredi. Malgré leurs"
        " efforts, elle a été déclarée décédée.",
        "Repêché inconscient au large de Wissant vendredi, le migrant est mort : les secours"
        " n'ont pas réussi à le réanimer.",
        "A migrant was pulled from the sea off Hardelot on Friday; he was pronounced dead in"
        " hospital.",
    ],
)
def test_a_death_told_of_one_by_a_pronoun_is_one_dead(text: str) -> None:
    deaths = [i for i in _read(text) if i.event_type is EventType.DEATH]
    assert [i.people for i in deaths] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Vendredi, au large de Wissant, il y a eu des morts.",
        "Vendredi au large de Wissant, les secours n'ont pas réussi à les réanimer.",
    ],
)
def test_a_death_without_a_pronoun_of_one_has_no_count(text: str) -> None:
    assert _read_as(_only(text))[::2] == (EventType.DEATH, None)


def test_a_count_told_for_another_day_is_not_the_incidents() -> None:
    incidents = _read(
        "Photos show migrants in blankets being helped ashore at Ramsgate on Wednesday. Others"
        " were seen boarding a coach. About 90 people crossed in two boats on"
        " Tuesday, Home Office figures show."
    )
    landing = next(i for i in incidents if i.place_name == "Ramsgate")
    assert landing.people is None


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, le CROSS a été prévenu que deux bateaux de migrants dérivaient entre Hardelot et "
        "la baie d'Authie. Un premier bateau est repéré à l'aube au large d'Hardelot. Il a une "
        "panne de moteur avec 6 personnes à bord, récupérées par un remorqueur. Dans la matinée, "
        "un autre bateau de migrants est signalé en panne en baie d'Authie, avec 40 personnes "
        "à bord, toutes secourues.",
        "On Tuesday the coastguard was told that two boats of migrants were in trouble between "
        "Hardelot and the Baie d'Authie. A first boat was spotted at dawn off Hardelot. It had "
        "engine trouble with 6 people on board, who were rescued by a tug. Later another boat was "
        "reported in trouble in the Baie d'Authie with 40 people on board, all of them rescued.",
    ],
)
def test_boats_summed_up_then_told_one_by_one_are_those_boats(text: str) -> None:
    """An opening counting the boats, each then told at a place it names, is no boat of its own."""
    incidents = _read(text)
    assert sorted(i.people or 0 for i in incidents) == [6, 40], _kinds(incidents)


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, deux bateaux de migrants ont été secourus au large d'Hardelot. Un premier bateau a "
        "été secouru au large de Dunkerque avec 12 personnes. Un autre bateau a été secouru au "
        "large de Gravelines avec 20 personnes.",
        "Three boats were in trouble between Hardelot and the Baie d'Authie on Tuesday. A first "
        "boat was rescued off Hardelot with 6 people on board. Another boat was rescued in the "
        "Baie d'Authie with 40 people on board.",
    ],
)
def test_boats_summed_up_stay_when_the_boats_told_after_are_others(text: str) -> None:
    """Boats told at places the opening does not name, or fewer than it counts, leave it be."""
    incidents = _read(text)
    assert len(incidents) == 3, _kinds(incidents)


@pytest.mark.parametrize(
    "text",
    [
        "Les secours sont intervenus mardi au large de Wissant pour aider un bateau surchargé. "
        "27 personnes ont été prises en charge, un homme est mort, d'autres ont voulu continuer.",
        "Rescuers went to a crowded boat off Wissant on Tuesday. 27 people were rescued, one man "
        "died, and others chose to carry on.",
    ],
)
def test_a_rescue_and_a_death_told_side_by_side_keep_each_its_count(text: str) -> None:
    """A comma opening one person and another event's verb ('un homme est mort') cuts the clause."""
    incidents = _read(text)
    assert sorted((i.event_type.value, i.people) for i in incidents) == [
        ("death", 1),
        ("rescue", 27),
    ], _kinds(incidents)


def test_one_person_told_after_a_comma_in_the_same_event_stays_one_event() -> None:
    """'…, une femme a été hélitreuillée' after a rescue tells that rescue further, no other."""
    incidents = _read(
        "Mardi, quinze personnes ont été secourues au large de Wissant, une femme a été "
        "hélitreuillée vers Boulogne-sur-Mer."
    )
    assert [(i.event_type.value, i.people) for i in incidents] == [("rescue", 15)], _kinds(
        incidents
    )
