"""Rebuild ``data/sample_incidents.geojson``: real incidents from public reports, checked by hand.

The sample is compiled from corpora of real reports in launchmap's evaluation
format (a folder of ``NAME.txt`` reports, each with ``NAME.gold.json``: the
incidents a person annotated in it, see the corpus README). The reports are
third-party texts and stay outside this repository; only facts and links
reach the sample.

For each report, launchmap's own extractor (:mod:`geo.extract`) proposes
incidents and they are matched to the hand annotations by the evaluation's
rules (same type, within 5 km, or the same country for country-level
figures). Every annotated incident dated within the sample's years becomes
one sample incident:

- the annotation decides what a person checked: the event type, the date,
  the people and boats, the point (the reference point of the place named);
- the gazetteer gives the place, point, precision and radius of the place
  annotated (the annotated point is kept when the gazetteer has no place
  within 5 km of it); the extractor's matched incident gives its confidence;
- the source is the report's address, its publisher and publication date;
  no sentence of a report is kept: the place as the report names it, and a
  description written from the fields;
- incidents that several reports give (same type, date and place) are one
  incident listing every source.

Run it as ``python data/build_sample.py CORPUS_DIR [CORPUS_DIR ...]``; it
prints what it compiled, how much of it the extractor found, and the launch
hotspots the default clustering finds in it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pyproj import Geod

from geo.cluster import cluster_incidents, hotspots
from geo.cluster_params import DEFAULT_PARAMS
from geo.enrich import enrich_incidents
from geo.extract import extract_document, merge_corroborated
from geo.extract.evaluate import (
    MATCH_DISTANCE_KM,
    CorpusDocument,
    GoldIncident,
    load_corpus,
    match,
)
from geo.geocode import geocode
from geo.model import Incident, frame_to_features, incidents_to_frame
from geo.vocabulary import ROLE_BY_EVENT, EventType, LocationPrecision

DATA_DIR = Path(__file__).resolve().parent
OUT_PATH = DATA_DIR / "sample_incidents.geojson"
FIRST_DATE, LAST_DATE = dt.date(2019, 1, 1), dt.date(2025, 12, 31)
_GEOD = Geod(ellps="WGS84")
DESCRIBED_TYPE = {
    EventType.LAUNCH: "Boat launched",
    EventType.EMBARKATION: "People boarded a boat afloat",
    EventType.INTERCEPTION: "Departure stopped or boat intercepted",
    EventType.RESCUE: "Rescue",
    EventType.ARRIVAL: "Arrival",
    EventType.DEBRIS: "Boat or debris found",
    EventType.DEATH: "Death",
    EventType.SIGHTING: "Boat reported",
    EventType.OTHER: "Other incident",
}
PUBLISHERS = {
    "bbc.co.uk": "BBC News",
    "bbci.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "kentonline.co.uk": "Kent Online",
    "theguardian.com": "The Guardian",
    "thetimes.co.uk": "The Times",
    "independent.co.uk": "The Independent",
    "euronews.com": "Euronews",
    "itv.com": "ITV News",
    "news.sky.com": "Sky News",
    "standard.co.uk": "Evening Standard",
    "infomigrants.net": "InfoMigrants",
    "premar-manche.gouv.fr": "Préfecture maritime de la Manche et de la mer du Nord",
    "france3-regions.francetvinfo.fr": "France 3 Hauts-de-France",
    "francetvinfo.fr": "franceinfo",
    "francebleu.fr": "France Bleu",
    "lavoixdunord.fr": "La Voix du Nord",
    "nordlittoral.fr": "Nord Littoral",
    "deltafm.fr": "Delta FM",
    "radio6.fr": "Radio 6",
    "20minutes.fr": "20 Minutes",
    "lefigaro.fr": "Le Figaro",
    "lemonde.fr": "Le Monde",
    "leparisien.fr": "Le Parisien",
    "ouest-france.fr": "Ouest-France",
    "dailymail.co.uk": "Daily Mail",
    "gbnews.com": "GB News",
    "news.yahoo.com": "Yahoo News",
    "sports.yahoo.com": "Yahoo News",
    "thescottishsun.co.uk": "The Scottish Sun",
    "thenationalnews.com": "The National",
    "newindianexpress.com": "The New Indian Express",
    "sussexexpress.co.uk": "Sussex Express",
    "worthingherald.co.uk": "Worthing Herald",
    "ryeandbattleobserver.co.uk": "Rye and Battle Observer",
    "expressandstar.com": "Express & Star",
    "shropshirestar.com": "Shropshire Star",
    "guernseypress.com": "Guernsey Press",
    "linfo.re": "Linfo.re",
    "lecourrier.vn": "Le Courrier du Vietnam",
    "dawn.com": "Dawn",
    "vrt.be": "VRT",
    "lalibre.be": "La Libre Belgique",
    "rte.ie": "RTÉ",
    "tendanceouest.com": "Tendance Ouest",
    "ireland-live.ie": "Ireland Live",
    "heart.co.uk": "Heart",
    "meretmarine.com": "Mer et Marine",
}
"""Publishers of the usual sources, by the end of their host name."""


@dataclass(frozen=True)
class Annotated:
    """One hand-annotated incident of a report, with the extractor's match if it found it."""

    corpus_document: CorpusDocument
    gold: GoldIncident
    raw: Mapping[str, Any]
    extracted: Incident | None


def annotated_incidents(folder: Path) -> Iterator[Annotated]:
    """Yield every in-region annotated incident of a corpus with the extractor's match."""
    for corpus_document in load_corpus(folder):
        raw_gold = json.loads((folder / f"{corpus_document.name}.gold.json").read_text("utf-8"))
        extracted = extract_document(corpus_document.document)
        found = {
            pair.gold: extracted[pair.extracted] for pair in match(corpus_document.gold, extracted)
        }
        for position, (gold, raw) in enumerate(
            zip(corpus_document.gold, raw_gold["incidents"], strict=True)
        ):
            if gold.in_region:
                yield Annotated(corpus_document, gold, raw, found.get(position))


def in_sample(item: Annotated) -> bool:
    """Keep dated incidents of the sample's years, placed or counted nationally."""
    gold = item.gold
    if gold.date is None or not FIRST_DATE <= gold.date <= LAST_DATE:
        return False
    return gold.placed or (gold.country is not None and gold.people is not None)


def sample_incident(item: Annotated) -> Incident:
    """Write one annotated incident as a sample incident: facts and the source, no sentence."""
    gold, raw, document = item.gold, item.raw, item.corpus_document.document
    where = _resolved_place(item)
    role = raw.get("location_role") or ROLE_BY_EVENT[gold.event_type]
    return Incident.model_validate(
        {
            "event_type": gold.event_type,
            "date": gold.date,
            "place_name": raw.get("place"),
            "place_id": where.place_id,
            "country": gold.country,
            "lon": where.lon,
            "lat": where.lat,
            "location_precision": where.precision,
            "uncertainty_m": where.radius_m,
            "location_role": role if gold.placed else None,
            "people": gold.people,
            "boats": raw.get("boats"),
            "description": _description(gold, raw),
            "sources": [
                {
                    "url": document.url,
                    "publisher": raw.get("publisher") or publisher(document.url),
                    "published": document.published,
                }
            ],
            "confidence": item.extracted.confidence if item.extracted else None,
            "review_status": "accepted",
        }
    )


@dataclass(frozen=True)
class ResolvedPlace:
    """Where a sample incident sits: the gazetteer place, its point, precision and radius."""

    place_id: str | None
    lon: float | None
    lat: float | None
    precision: LocationPrecision
    radius_m: float | None


def _resolved_place(item: Annotated) -> ResolvedPlace:
    """Resolve the annotated place through the gazetteer, as launchmap would place it.

    The place a person annotated is geocoded; when the gazetteer's point lies
    within ``MATCH_DISTANCE_KM`` of the annotated reference point, the incident
    takes the gazetteer's place, point, precision and radius, so its point is
    the one a place search finds. Otherwise it keeps the annotated point at
    locality precision. A distance at sea widens the radius to that distance.
    """
    gold = item.gold
    if not gold.placed or gold.lon is None or gold.lat is None:
        return ResolvedPlace(None, None, None, LocationPrecision.COUNTRY, None)
    answer = geocode(str(item.raw.get("place_canonical") or item.raw.get("place")))
    if (
        answer.found
        and answer.lon is not None
        and answer.lat is not None
        and _distance_km(gold.lon, gold.lat, answer.lon, answer.lat) <= MATCH_DISTANCE_KM
    ):
        resolved = ResolvedPlace(
            answer.place_id,
            answer.lon,
            answer.lat,
            answer.location_precision or LocationPrecision.LOCALITY,
            answer.uncertainty_m,
        )
    else:
        resolved = ResolvedPlace(None, gold.lon, gold.lat, LocationPrecision.LOCALITY, None)
    offshore_km = item.raw.get("offshore_km")
    if offshore_km:
        radius = max(resolved.radius_m or 0.0, float(offshore_km) * 1000.0)
        resolved = replace(resolved, precision=LocationPrecision.AREA, radius_m=radius)
    return resolved


def _distance_km(lon_a: float, lat_a: float, lon_b: float, lat_b: float) -> float:
    """Return the great-circle distance between two WGS84 points in kilometres."""
    return float(_GEOD.inv(lon_a, lat_a, lon_b, lat_b)[2]) / 1000.0


def _description(gold: GoldIncident, raw: Mapping[str, Any]) -> str:
    """Describe an incident in a few words of launchmap's own, from its fields."""
    where = raw.get("place_canonical") or gold.country or "an unnamed place"
    counts = []
    if gold.people is not None:
        counts.append(f"{gold.people} {'person' if gold.people == 1 else 'people'}")
    if raw.get("boats") is not None:
        counts.append(f"{raw['boats']} {'boat' if raw['boats'] == 1 else 'boats'}")
    counted = f" ({', '.join(counts)})" if counts else ""
    return f"{DESCRIBED_TYPE[gold.event_type]}: {where}{counted}."


def publisher(url: str | None) -> str | None:
    """Name a report's publisher from its address (the host itself when unknown)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    known = next((name for suffix, name in PUBLISHERS.items() if host.endswith(suffix)), None)
    return known or host or None


def main() -> None:
    """Compile the sample from the corpora named on the command line and report on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus folders")
    parser.add_argument("-o", "--output", type=Path, default=OUT_PATH)
    args = parser.parse_args()
    items = [item for folder in args.corpora for item in annotated_incidents(folder)]
    kept = [item for item in items if in_sample(item)]
    incidents = distinct(merge_corroborated(sample_incident(item) for item in kept))
    incidents.sort(key=lambda incident: (incident.date or FIRST_DATE, incident.id or ""))
    features = frame_to_features(incidents_to_frame(incidents))
    collection = {"type": "FeatureCollection", "features": features}
    args.output.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(items)} annotated incidents in {len(args.corpora)} corpora")
    report(kept, incidents, args.output)


def distinct(incidents: list[Incident]) -> list[Incident]:
    """Keep one of incidents that report the same facts from the same sources.

    A report may list one event twice (a summary and its detail); with the same
    type, date, place as written, counts and sources they share one stable id
    and are one incident.
    """
    by_id: dict[str | None, Incident] = {}
    for incident in incidents:
        by_id.setdefault(incident.id, incident)
    return list(by_id.values())


def report(kept: list[Annotated], incidents: list[Incident], output: Path) -> None:
    """Print how much of the sample the extractor found, what it holds, and its hotspots."""
    found = sum(item.extracted is not None for item in kept)
    print(
        f"{len(kept)} in the sample's years; the extractor found {found} ({found / len(kept):.0%})"
    )
    print(f"{len(incidents)} incidents written to {output} (reports of one incident merged)")
    print("by type:", dict(Counter(i.event_type.value for i in incidents).most_common()))
    print("by year:", dict(sorted(Counter(i.date.year for i in incidents if i.date).items())))
    enriched = enrich_incidents(incidents_to_frame(incidents)).incidents
    for row in hotspots(cluster_incidents(enriched, DEFAULT_PARAMS)).itertuples():
        dates = f"{row.first_date} to {row.last_date}"
        print(f"hotspot {row.id}: {row.label}, {row.incidents} incidents, {dates}")


if __name__ == "__main__":
    main()
