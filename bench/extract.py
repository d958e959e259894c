"""Benchmark: extract incidents from news articles, against a naive extractor.

Usage::

    python bench/extract.py            # 1,000 articles of about 5 KB (target >= 100 articles/s)
    python bench/extract.py --quick    # 150 articles, well under a minute

Synthetic articles (fixed seed) are written from templates in this file, in
English and French: incident sentences naming a place of the mapped coast, a
date relative to the publication date and counts of people and boats, mixed
with statistics, policy talk, quotes, repeated photo captions and unrelated
paragraphs, about 5 KB each. Every article knows the incidents it holds, so
the run also scores both extractors with :mod:`geo.extract.evaluate`.

launchmap's :func:`geo.extract.extract_incidents` tests each sentence with a
keyword prefilter and geocodes only the place phrases of clauses that report
an event. The baseline, "naive: geocode every capitalised word sequence",
geocodes every run of capitalised words of every sentence with the sentence
as context (the way a straightforward gazetteer tagger works) and types each
sentence by the same cue words, one incident per sentence at its first place
found; it runs on a sample and its rate is compared per article. The last
lines are one JSON object per figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import time
from dataclasses import dataclass

from _report import figure

from geo.extract import extract_incidents
from geo.extract._cues import event_cue, find_date, people_count
from geo.extract._text import clean_text, sentences
from geo.extract.evaluate import GoldIncident, figures, score_document
from geo.geocode import geocode_many
from geo.model import Incident
from geo.vocabulary import EventType

FULL_ARTICLES = 1_000
QUICK_ARTICLES = 150
BASELINE_SAMPLE = 40
QUICK_BASELINE_SAMPLE = 12
SEED = 20240517
TARGET_PER_S = 100.0
ARTICLE_BYTES = 5_000
BASELINE_NAME = "naive: geocode every capitalised word sequence"

# Places of the mapped coast with their reference points (from the bundled gazetteer).
PLACES = {
    "Gravelines": (2.12807, 50.98651),
    "Calais": (1.85635, 50.95194),
    "Wimereux": (1.61139, 50.76963),
    "Boulogne-sur-Mer": (1.61373, 50.72485),
    "Wissant": (1.66263, 50.8853),
    "Sangatte": (1.75321, 50.94564),
    "Le Portel": (1.57574, 50.70559),
    "Équihen-Plage": (1.57225, 50.67557),
    "Dunkirk": (2.37681, 51.0344),
    "Bray-Dunes": (2.51673, 51.07786),
    "Ambleteuse": (1.60876, 50.81041),
    "Berck": (1.6, 50.4),
}
ARRIVAL_PLACES = {"Dover": (1.31257, 51.12598), "Folkestone": (1.16734, 51.08169)}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@dataclass
class Article:
    """A synthetic article: its text, publication date and the incidents it holds."""

    text: str
    published: dt.date
    gold: list[GoldIncident]


def _day(rng: random.Random, published: dt.date, french: bool) -> tuple[str, dt.date]:
    """Return a weekday phrase and the day it means (the latest on or before publication)."""
    back = rng.randrange(0, 6)
    day = published - dt.timedelta(days=back)
    names = JOURS if french else WEEKDAYS
    return names[day.weekday()], day


def _incident_sentence(rng: random.Random, published: dt.date) -> tuple[str, GoldIncident]:
    """Write one incident sentence in English or French, with its gold incident."""
    french = rng.random() < 0.3
    weekday, day = _day(rng, published, french)
    people = rng.randrange(12, 90)
    kind = rng.choice(["rescue", "interception", "launch", "arrival", "death", "embarkation"])
    place, (lon, lat) = rng.choice(
        sorted(ARRIVAL_PLACES.items() if kind == "arrival" else PLACES.items())
    )
    english = {
        "rescue": f"On {weekday}, {people} people were rescued off {place} after their dinghy "
        "lost power.",
        "interception": f"French police intercepted {people} migrants on the beach at {place} "
        f"on {weekday}.",
        "launch": f"A boat carrying {people} people set off from the beach at {place} early "
        f"on {weekday}.",
        "arrival": f"A group of {people} migrants arrived in {place} on {weekday} aboard a "
        "Border Force vessel.",
        "death": f"Two people died off {place} on {weekday} when their overcrowded boat got "
        "into trouble.",
        "embarkation": f"Around {people} people boarded a taxi boat off {place} on {weekday}, "
        "witnesses said.",
    }
    day_fr = weekday.capitalize()
    french_text = {
        "rescue": f"{day_fr}, {people} migrants ont été secourus au large de {place}.",
        "interception": f"{day_fr}, {people} personnes ont été interceptées sur la plage de "
        f"{place}.",
        "launch": f"{day_fr}, un bateau avec {people} personnes a pris la mer depuis la plage "
        f"de {place}.",
        "arrival": f"{day_fr}, {people} personnes ont débarqué à {place} après la traversée.",
        "death": f"Deux personnes sont mortes au large de {place} {weekday}.",
        "embarkation": f"{day_fr}, {people} exilés sont montés à bord d'un bateau-taxi au large "
        f"de {place}.",
    }
    text = (french_text if french else english)[kind]
    count = 2 if kind == "death" else people
    gold = GoldIncident(EventType(kind), "GB" if kind == "arrival" else "FR", lon, lat, day, count)
    return text, gold


FILLER = (
    "The government said it was working closely with its partners to stop the gangs.",
    "Last year more than 29,000 people crossed the Channel in small boats.",
    "Ministers will publish new plans for asylum accommodation next month.",
    "Officers patrol dozens of kilometres of coastline every night, the interior ministry said.",
    "So far this year the number of crossings is up by a fifth on the same period in 2023.",
    "Charities warned that the new rules could push people towards more dangerous routes.",
    "A spokesperson for the Home Office declined to comment on operational matters.",
    "Le ministre de l'Intérieur a annoncé des moyens pour la surveillance du littoral.",
    "Depuis le début de l'année, les secours ont mené plus de 200 opérations dans la Manche.",
    "The opposition called the figures a sign that the policy had failed.",
    "Talks between London and Paris are expected to resume after the summer.",
    "The weather is set to stay calm for the rest of the week, forecasters said.",
    "Readers can find more coverage of the story on our live page.",
    "Local councillors in Kent asked for more support for reception centres.",
    "Smuggling networks charge thousands of euros for a place on a boat, investigators say.",
)
UNRELATED = (
    "In other news, the town council of Amiens approved a new cycling plan on Tuesday.",
    "Tickets for the summer festival in Lille go on sale next week.",
    "The football club confirmed the signing of a new goalkeeper from Lyon.",
    "Museums across the region will open late for the heritage weekend.",
)


def synthetic_article(rng: random.Random) -> Article:
    """Write one article of about ARTICLE_BYTES with 2-4 incidents."""
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
    sentences_out: list[str] = []
    gold: list[GoldIncident] = []
    for _ in range(rng.randrange(2, 5)):
        text, incident = _incident_sentence(rng, published)
        if any(g.event_type == incident.event_type and g.lon == incident.lon for g in gold):
            continue
        gold.append(incident)
        sentences_out.append(text)
    caption = sentences_out[0].rstrip(".")
    body: list[str] = []
    while len("\n".join(body)) < ARTICLE_BYTES:
        body.append(" ".join(rng.choice(FILLER + UNRELATED) for _ in range(rng.randrange(2, 5))))
    for position, sentence in enumerate(sentences_out):
        body.insert(min(len(body), 1 + 3 * position), sentence)
    body.insert(min(len(body), 4), caption)  # the photo caption repeats the lede
    return Article("\n\n".join(body), published, gold)


def corpus(count: int, seed: int = SEED) -> list[Article]:
    """Write ``count`` synthetic articles with a fixed seed."""
    rng = random.Random(seed)
    return [synthetic_article(rng) for _ in range(count)]


_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*")


def naive_extract(text: str, published: dt.date) -> list[Incident]:
    """The baseline: geocode every capitalised word sequence of every sentence.

    Each sentence that has cue words becomes one incident at its first place
    found (no prefilter, no clause analysis, no statistics or policy filter,
    no merging of repeated captions).
    """
    found: list[Incident] = []
    for sentence in sentences(clean_text(text)):
        names = _CAPITALISED.findall(sentence)
        results = geocode_many(names, context=sentence) if names else []
        cue = event_cue(sentence)
        place = next((r for r in results if r.found), None)
        if cue is None or place is None:
            continue
        date = find_date(sentence, published)
        people = people_count(sentence, cue.start)
        found.append(
            Incident(
                event_type=cue.event_type,
                place_name=place.query,
                country=place.country,
                lon=place.lon,
                lat=place.lat,
                location_precision=place.location_precision,
                date=date.date if date else None,
                people=people.value if people else None,
            )
        )
    return found


def time_launchmap(articles: list[Article]) -> tuple[float, list[list[Incident]]]:
    started = time.perf_counter()
    results = [extract_incidents(a.text, published=a.published) for a in articles]
    return time.perf_counter() - started, results


def time_baseline(articles: list[Article]) -> tuple[float, list[list[Incident]]]:
    started = time.perf_counter()
    results = [naive_extract(a.text, a.published) for a in articles]
    return time.perf_counter() - started, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles")
    parser.add_argument("--articles", type=int, help="number of articles (overrides --quick)")
    args = parser.parse_args()
    count = args.articles or (QUICK_ARTICLES if args.quick else FULL_ARTICLES)

    articles = corpus(count)
    size_kb = sum(len(a.text.encode()) for a in articles) / count / 1000
    print(f"incident extraction from {count:,} synthetic articles of {size_kb:.1f} KB on average")

    started = time.perf_counter()
    extract_incidents("Warm-up: 40 people were rescued off Calais on Tuesday.")
    print(f"launchmap: gazetteer and coastline loaded in {time.perf_counter() - started:.2f} s")

    launchmap_s, extracted = time_launchmap(articles)
    launchmap_rate = count / launchmap_s
    quality = figures(
        score_document(a.gold, found, str(n))
        for n, (a, found) in enumerate(zip(articles, extracted, strict=True))
    )
    print(
        f"launchmap: {launchmap_s:.2f} s, {launchmap_rate:,.0f} articles/s "
        f"({launchmap_rate * size_kb:,.0f} KB/s); target >= {TARGET_PER_S:.0f} articles/s; "
        f"F1 {quality.f1:.3f} (precision {quality.precision:.3f}, recall {quality.recall:.3f})"
    )

    sample = articles[: min(QUICK_BASELINE_SAMPLE if args.quick else BASELINE_SAMPLE, count)]
    baseline_s, naive = time_baseline(sample)
    baseline_rate = len(sample) / baseline_s
    naive_quality = figures(
        score_document(a.gold, found, str(n))
        for n, (a, found) in enumerate(zip(sample, naive, strict=True))
    )
    print(
        f"baseline ({BASELINE_NAME}): {len(sample)} articles in {baseline_s:.2f} s, "
        f"{baseline_rate:,.1f} articles/s; F1 {naive_quality.f1:.3f} "
        f"(precision {naive_quality.precision:.3f}, recall {naive_quality.recall:.3f})"
    )

    print(
        figure(
            "extract_articles_per_s",
            launchmap_rate,
            "articles/s",
            BASELINE_NAME,
            baseline_rate,
            launchmap_rate / baseline_rate,
        )
    )
    print(
        figure(
            "extract_f1_synthetic",
            quality.f1 or 0.0,
            "F1",
            BASELINE_NAME,
            naive_quality.f1 or 0.0,
            (quality.f1 or 0.0) / max(naive_quality.f1 or 0.0, 1e-9),
        )
    )


if __name__ == "__main__":
    main()
