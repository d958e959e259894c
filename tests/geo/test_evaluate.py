"""Scoring the extractor: matching rules, out-of-region golds, metrics, corpora, the seed corpus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pyproj import Geod

from geo.extract.evaluate import (
    CorpusError,
    GoldIncident,
    evaluate_corpus,
    figures,
    load_corpus,
    match,
    parse_gold,
    score_document,
)
from geo.model import Incident
from geo.vocabulary import EventType

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "seeds"
SEED_F1_FLOOR = 0.9  # reached: 1.0 (12 of 12 matched, 12 extracted)
OWN_F1_FLOOR = 0.8

CALAIS = (1.85635, 50.95194)
GEOD = Geod(ellps="WGS84")


def _east_of(point: tuple[float, float], km: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(point[0], point[1], 90.0, km * 1000.0)
    return float(lon), float(lat)


def _gold(**fields: Any) -> GoldIncident:
    values: dict[str, Any] = {"event_type": EventType.LAUNCH, "country": "FR"}
    values.update(fields)
    return GoldIncident(**values)


def _extracted(**fields: Any) -> Incident:
    values: dict[str, Any] = {"event_type": "launch", "country": "FR", "place_name": "somewhere"}
    values.update(fields)
    return Incident.model_validate(values)


def _at(point: tuple[float, float], **fields: Any) -> Incident:
    return _extracted(lon=point[0], lat=point[1], location_precision="locality", **fields)


# -- matching ------------------------------------------------------------------------------


@pytest.mark.parametrize(("km", "matched"), [(0.0, True), (4.9, True), (5.1, False)])
def test_point_golds_match_within_five_km(km: float, matched: bool) -> None:
    gold = [_gold(lon=CALAIS[0], lat=CALAIS[1])]
    pairs = match(gold, [_at(_east_of(CALAIS, km))])
    assert bool(pairs) is matched
    if matched:
        assert pairs[0].error_km == pytest.approx(km, abs=0.01)


def test_event_type_must_agree_or_be_an_alternative() -> None:
    gold = [_gold(event_type=EventType.RESCUE, lon=CALAIS[0], lat=CALAIS[1])]
    assert match(gold, [_at(CALAIS, event_type="interception")]) == []
    alternative = [
        _gold(
            event_type=EventType.RESCUE,
            alt_event_types=(EventType.INTERCEPTION,),
            lon=CALAIS[0],
            lat=CALAIS[1],
        )
    ]
    assert len(match(alternative, [_at(CALAIS, event_type="interception")])) == 1


@pytest.mark.parametrize(
    ("extracted", "matched"),
    [
        ({"country": "GB", "location_precision": "country"}, True),
        ({"country": "GB", "location_precision": "region", "lon": 1.4, "lat": 51.0}, True),
        ({"country": "GB"}, True),  # unplaced, known only by its country
        ({"country": "FR", "location_precision": "country"}, False),
        ({"country": "GB", "location_precision": "locality", "lon": 1.31, "lat": 51.13}, False),
        ({"country": "GB", "location_precision": "country", "event_type": "rescue"}, False),
    ],
)
def test_country_level_golds_match_coarse_incidents_of_their_country(
    extracted: dict[str, Any], matched: bool
) -> None:
    gold = [_gold(event_type=EventType.ARRIVAL, country="GB")]
    fields = {"event_type": "arrival", **extracted}
    assert bool(match(gold, [_extracted(**fields)])) is matched


def test_matching_is_one_to_one_and_greedy_by_distance() -> None:
    far, near = _at(_east_of(CALAIS, 3.0)), _at(_east_of(CALAIS, 1.0))
    gold = [_gold(lon=CALAIS[0], lat=CALAIS[1])]
    score = score_document(gold, [far, near])
    assert [(p.gold, p.extracted) for p in score.pairs] == [(0, 1)]
    assert score.false_positives == (0,)


def test_greedy_takes_the_closest_pair_first() -> None:
    east = _east_of(CALAIS, 4.0)
    gold = [_gold(lon=CALAIS[0], lat=CALAIS[1]), _gold(lon=east[0], lat=east[1])]
    # Close to the second gold, still within 5 km of the first: the closest pair wins it.
    middle = _at(_east_of(CALAIS, 3.5))
    near_first = _at(_east_of(CALAIS, 0.5))
    pairs = match(gold, [middle, near_first])
    assert {(p.gold, p.extracted) for p in pairs} == {(1, 0), (0, 1)}


def test_equal_distances_prefer_the_pair_with_the_right_date() -> None:
    gold = [
        _gold(event_type=EventType.ARRIVAL, country="GB", date=dt.date(2024, 3, 1)),
        _gold(event_type=EventType.ARRIVAL, country="GB", date=dt.date(2024, 3, 2)),
    ]
    extracted = [
        _extracted(event_type="arrival", country="GB", location_precision="country", date=day)
        for day in ("2024-03-02", "2024-03-01")
    ]
    pairs = match(gold, extracted)
    assert {(p.gold, p.extracted) for p in pairs} == {(0, 1), (1, 0)}
    assert all(p.date_right for p in pairs)


# -- golds far from the mapped coast ---------------------------------------------------------


def _outside_gold() -> GoldIncident:
    return _gold(event_type=EventType.DEATH, country="LY", in_region=False)


@pytest.mark.parametrize(
    "incident",
    [
        _extracted(event_type="death", country="LY", location_precision="country"),
        _extracted(event_type="death", country=None),
        _extracted(event_type="death", lon=13.1, lat=32.9, location_precision="locality"),
    ],
    ids=["country-level", "unplaced", "placed-far-away"],
)
def test_out_of_region_stand_in_placed_away_is_ignored(incident: Incident) -> None:
    score = score_document([_outside_gold()], [incident])
    assert (score.gold, score.extracted, score.ignored, score.matched) == (0, 0, 1, 0)


def test_out_of_region_stand_in_placed_on_the_mapped_coast_is_a_false_positive() -> None:
    score = score_document([_outside_gold()], [_at(CALAIS, event_type="death")])
    assert (score.gold, score.extracted, score.ignored) == (0, 1, 0)
    assert score.false_positives == (0,)


def test_incident_of_another_type_does_not_stand_for_an_out_of_region_gold() -> None:
    incident = _extracted(event_type="rescue", country="LY", location_precision="country")
    score = score_document([_outside_gold()], [incident])
    assert (score.extracted, score.ignored) == (1, 0)


def test_one_out_of_region_gold_excuses_one_incident() -> None:
    twice = [_extracted(event_type="death", country="LY", location_precision="country")] * 2
    score = score_document([_outside_gold()], twice)
    assert (score.extracted, score.ignored) == (1, 1)


# -- figures -------------------------------------------------------------------------------


def test_figures_over_documents() -> None:
    gold_a = [
        _gold(lon=CALAIS[0], lat=CALAIS[1], date=dt.date(2024, 3, 1), people=100),
        _gold(event_type=EventType.ARRIVAL, country="GB", people=None),
    ]
    found_a = [
        _at(_east_of(CALAIS, 2.0), date="2024-03-01", people=109),  # date and people right
        _extracted(event_type="arrival", country="GB", location_precision="country", people=5),
        _at(_east_of(CALAIS, 40.0)),  # a false positive
    ]
    gold_b = [_gold(lon=CALAIS[0], lat=CALAIS[1], people=50)]  # missed
    result = figures([score_document(gold_a, found_a, "a"), score_document(gold_b, [], "b")])
    assert (result.matched, result.gold, result.extracted) == (2, 3, 3)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(2 / 3)
    assert result.median_error_km == pytest.approx(2.0, abs=0.01)  # only pairs with coordinates
    assert result.date_share == pytest.approx(1.0)  # both arrival dates unknown: right
    assert result.people_share == pytest.approx(0.5)  # 109 of 100 is right, 5 of null is not


@pytest.mark.parametrize(
    ("gold_people", "people", "right"),
    [(100, 110, True), (100, 111, False), (None, None, True), (None, 3, False), (0, 0, True)],
)
def test_people_within_ten_percent(
    gold_people: int | None, people: int | None, right: bool
) -> None:
    pairs = match(
        [_gold(lon=CALAIS[0], lat=CALAIS[1], people=gold_people)], [_at(CALAIS, people=people)]
    )
    assert pairs[0].people_right is right


def test_figures_with_nothing_to_measure_are_none() -> None:
    empty = figures([score_document([], [], "empty")])
    assert (empty.precision, empty.recall, empty.f1, empty.median_error_km) == (None,) * 4
    nothing_found = figures([score_document([_gold(lon=1.8, lat=50.9)], [], "x")])
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (None, 0.0, 0.0)


# -- gold files and corpora ------------------------------------------------------------------


def test_parse_gold_reads_the_keys_scoring_uses() -> None:
    (gold,) = parse_gold(
        {
            "incidents": [
                {
                    "event_type": "rescue",
                    "alt_event_types": ["interception"],
                    "country": "GB",
                    "lon": 1.3,
                    "lat": 51.1,
                    "date": "2024-03-01",
                    "people": 12,
                    "in_region": True,
                    "evidence": "ignored",
                    "note": "ignored",
                }
            ]
        }
    )
    assert gold.event_types == {EventType.RESCUE, EventType.INTERCEPTION}
    assert (gold.lon, gold.lat, gold.date, gold.people) == (1.3, 51.1, dt.date(2024, 3, 1), 12)


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ({"incidents": [{"event_type": "landing"}]}, "event_type .*'landing'"),
        ({"incidents": [{"event_type": "launch", "lon": 1.0}]}, "lon and lat"),
        ({"incidents": [{"event_type": "launch", "date": "1 March"}]}, "date .*'1 March'"),
        ({"incidents": [{"event_type": "launch", "people": "many"}]}, "people .*'many'"),
        ({"incidents": [{"event_type": "launch", "in_region": "no"}]}, "in_region .*'no'"),
        ({"incidents": "none"}, "'incidents' list"),
    ],
)
def test_bad_gold_is_refused_naming_the_value(document: dict[str, Any], named: str) -> None:
    with pytest.raises(CorpusError, match=named):
        parse_gold(document, "x.gold.json")


def test_corpus_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(CorpusError, match=r"no NAME\.txt"):
        load_corpus(tmp_path)
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.gold\.json"):
        load_corpus(tmp_path)
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid JSON"):
        load_corpus(tmp_path)


# Reports written for this test, in the corpus format, with their gold incidents.
OWN_CORPUS: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "rescue-and-arrivals": (
        "URL: https://news.example.org/one\nPUBLISHED: 2024-05-09\n\n"
        "Coastguards rescued 37 people off Wimereux on Tuesday after their dinghy began to sink.\n"
        "The group was taken to Boulogne-sur-Mer by a French patrol boat.\n"
        "Officials said 268 people crossed the Channel in six boats on Wednesday.\n"
        "So far this year more than 9,000 people have made the crossing.\n"
        "Ministers said they would announce new measures next month.\n",
        [
            {
                "event_type": "rescue",
                "country": "FR",
                "lon": 1.61139,
                "lat": 50.76963,
                "date": "2024-05-07",
                "people": 37,
            },
            {
                "event_type": "arrival",
                "country": "GB",
                "lon": None,
                "lat": None,
                "date": "2024-05-08",
                "people": 268,
            },
        ],
    ),
    "beach-and-abroad": (
        "URL: https://journal.example.fr/deux\nPUBLISHED: 2024-07-02\n\n"
        "Dimanche, une quarantaine de personnes ont été interceptées sur la plage de Gravelines.\n"
        "Les gendarmes ont crevé le bateau pneumatique.\n"
        "Le même jour, 15 migrants sont morts au large de la Libye.\n"
        "Depuis janvier, plus de 2 000 personnes ont été secourues dans la Manche.\n",
        [
            {
                "event_type": "interception",
                "country": "FR",
                "lon": 2.12807,
                "lat": 50.98651,
                "date": "2024-06-30",
                "people": 40,
            },
            {
                "event_type": "death",
                "country": "LY",
                "lon": None,
                "lat": None,
                "in_region": False,
                "people": 15,
            },
        ],
    ),
    "nothing-to-report": (
        "PUBLISHED: unknown\n\n"
        "The harbour at Calais will host a sailing festival this summer.\n"
        "Organisers expect thousands of visitors.\n",
        [],
    ),
}


def _write_own_corpus(folder: Path) -> Path:
    for name, (text, incidents) in OWN_CORPUS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = json.dumps({"document": f"{name}.txt", "incidents": incidents})
        (folder / f"{name}.gold.json").write_text(gold, encoding="utf-8")
    return folder


def test_own_corpus_is_scored_per_document_and_overall(tmp_path: Path) -> None:
    report = evaluate_corpus(_write_own_corpus(tmp_path))
    overall = report.overall
    assert overall.gold == 3
    assert overall.f1 is not None and overall.f1 >= OWN_F1_FLOOR
    names = [result.score.name for result in report.documents]
    assert names == sorted(OWN_CORPUS)
    abroad = next(r.score for r in report.documents if r.score.name == "beach-and-abroad")
    assert abroad.ignored == 1  # the death off Libya, not placed on the Channel coast
    as_json = json.loads(json.dumps(report.as_dict()))
    assert as_json["matched"] == overall.matched and len(as_json["documents"]) == 3


def test_seed_corpus_reaches_the_f1_floor(tmp_path: Path) -> None:
    """Score the shared seed corpus when it is there, else this suite's own corpus."""
    corpus = SEEDS if SEEDS.is_dir() else _write_own_corpus(tmp_path)
    report = evaluate_corpus(corpus)
    overall = report.overall
    assert overall.gold > 0 and overall.extracted > 0
    floor = SEED_F1_FLOOR if SEEDS.is_dir() else OWN_F1_FLOOR
    assert overall.f1 is not None and overall.f1 >= floor, report.as_dict()
    assert overall.median_error_km is not None and overall.median_error_km < 5.0
    assert overall.date_share is not None and overall.date_share >= 0.8
