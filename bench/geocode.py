"""Benchmark: geocode place names as reports write them, against a plain lookup loop.

Usage::

    python bench/geocode.py            # 10,000 place strings (the issue's size; target >= 5,000/s)
    python bench/geocode.py --quick    # 2,000 place strings, well under a minute

The strings are built deterministically (fixed seed) from the names of about
300 gazetteer places (GeoNames towns and the curated places of the coast)
within 3 km of the shoreline, nearest the French
reference coast first (Dunkirk to the Somme, then Kent and the rest of the
Channel and North Sea shores), drawn with weights that favour the busy
Dunkirk-Berck stretch so that names repeat as in real reports. Each name is
written in one of several forms (as in the gazetteer, upper or lower case,
accents stripped, hyphens as spaces), about 15 % get a one-letter typo, about
30 % sit in a phrase ('off X', 'the beach at X', 'X beach', 'near X',
'3 km off X', 'au large de X'), and about 5 % are made-up names that are in no
gazetteer, drawn from a pool of 50 so that they recur as unplaceable names do
in a real collection (``--unknown-pool 0`` makes every one distinct: each
distinct unplaced name costs a full candidate search, see the printed share).

launchmap's :func:`geo.geocode.geocode_many` geocodes the whole list in one
call; its name index is built and the coastline its phrases need is loaded
first, outside the timing (once per process), their times are reported apart,
with the size of the gazetteer it indexes. The baseline is "a plain loop of
exact-then-fuzzy lookups": for each string, normalise it and look it up in the
same name dictionary, else
rapidfuzz ``process.extractOne`` over all indexed names (no caching, no
batching, no phrases). The last lines are one JSON object per figure.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
from _report import figure
from pyproj import Geod
from rapidfuzz import fuzz, process

import geo.geocode._resolve
from geo.coast import relate_to_coast
from geo.gazetteer import organisations, places
from geo.geocode import (
    FUZZY_MIN_CHARS,
    FUZZY_MIN_SCORE,
    Candidate,
    geocode_many,
    normalize_name,
)
from geo.geocode._index import NameIndex, name_index

FULL_QUERIES = 10_000
QUICK_QUERIES = 2_000
SEED = 20240310
PLACES = 300
SHORE_M = 3_000.0
BUSY_COAST_KM = (0.0, 130.0)  # the French coast from the Belgian border to Berck
TARGET_PER_S = 5_000.0
BASELINE_NAME = "a plain loop of exact-then-fuzzy lookups"
RIGHT_WITHIN_M = 8_000.0  # a place, its beach, or 3 km out from its shore
GEOD = Geod(ellps="WGS84")

PHRASES = (
    "off {}",
    "the beach at {}",
    "{} beach",
    "near {}",
    "3 km off {}",
    "au large de {}",
)
SYLLABLES = (
    "kor",
    "ma",
    "vel",
    "trun",
    "dle",
    "bur",
    "quas",
    "zim",
    "orp",
    "lix",
    "yen",
    "fro",
    "gub",
    "nax",
    "pler",
    "wix",
)
UNKNOWN_SUFFIXES = ("", "", "-sur-Lune", " Bay", "-les-Quais", "ton")
UNKNOWN_POOL = 50


def coastal_places() -> pd.DataFrame:
    """Return about PLACES gazetteer places near the shore, nearest the French coast first."""
    table = pd.DataFrame(
        {
            "place_id": [p.place_id for p in places()],
            "name": [p.name for p in places()],
            "country": [p.country for p in places()],
            "lon": [p.lon for p in places()],
            "lat": [p.lat for p in places()],
            "coast_m": [abs(p.shore_distance_m) for p in places()],
            "focus_m": [p.reference_line_m for p in places()],
        }
    )
    near_shore = table[(table["coast_m"] < SHORE_M) & table["country"].notna()]
    chosen = near_shore.sort_values(["focus_m", "place_id"]).drop_duplicates("name").head(PLACES)
    points = gpd.GeoSeries(gpd.points_from_xy(chosen["lon"], chosen["lat"]), crs="EPSG:4326")
    coast_km = relate_to_coast(points)["coast_km"].to_numpy(dtype=float)
    return chosen.assign(coast_km=coast_km).reset_index(drop=True)


def gazetteer_size(index: NameIndex) -> str:
    """Describe what the geocoder indexes: places by origin, organisations, folded names."""
    rows = places()
    towns = sum(p.place_id.startswith("geonames:") for p in rows)
    regions = sum(p.precision == "region" and p.kind != "sea_area" for p in rows)
    curated = len(rows) - towns - regions
    return (
        f"gazetteer: {len(rows):,} places ({towns:,} GeoNames towns, {curated:,} curated places, "
        f"{regions:,} regions), {len(organisations()):,} organisations, "
        f"{len(index.names):,} folded place names"
    )


def weights(places: pd.DataFrame) -> np.ndarray:
    """Weights that favour the busy French coast: reports name Calais far more than Hove."""
    focus_km = places["focus_m"].to_numpy(dtype=float) / 1000.0
    busy = (places["country"] == "FR").to_numpy() & (
        places["coast_km"].between(*BUSY_COAST_KM).to_numpy()
    )
    weight = np.where(busy, 4.0, 1.0) / (1.0 + focus_km / 5.0) ** 2
    return np.asarray(weight / weight.sum(), dtype=float)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def with_typo(name: str, rng: np.random.Generator) -> str:
    """Change one letter (not the first): drop, double, swap with the next, or replace it."""
    letters = [i for i, c in enumerate(name) if c.isalpha() and i > 0]
    if not letters:
        return name
    at = int(rng.choice(letters))
    kind = int(rng.integers(4))
    if kind == 0:
        return name[:at] + name[at + 1 :]
    if kind == 1:
        return name[:at] + name[at] + name[at:]
    if kind == 2 and at + 1 < len(name):
        return name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    replacement = chr(ord("a") + int(rng.integers(26)))
    return name[:at] + replacement + name[at + 1 :]


def written_form(name: str, rng: np.random.Generator) -> str:
    """Write a name as a report might: as it is, upper, lower, no accents, no hyphens."""
    form = rng.choice(5, p=[0.4, 0.1, 0.15, 0.15, 0.2])
    if form == 1:
        return name.upper()
    if form == 2:
        return name.lower()
    if form == 3:
        return strip_accents(name)
    if form == 4:
        return name.replace("-", " ")
    return name


def unknown_name(rng: np.random.Generator) -> str:
    syllables = rng.choice(SYLLABLES, size=int(rng.integers(2, 4)))
    return "".join(syllables).capitalize() + str(rng.choice(UNKNOWN_SUFFIXES))


def place_strings(
    count: int, places: pd.DataFrame, seed: int = SEED, unknown_pool: int = UNKNOWN_POOL
) -> tuple[list[str], list[int | None]]:
    """Build ``count`` place strings as reports write them (deterministic for a seed).

    Returns the strings and, for each, the row of ``places`` it was written
    from (None for a made-up name).
    """
    rng = np.random.default_rng(seed)
    pool = [unknown_name(rng) for _ in range(unknown_pool)]
    picked = rng.choice(len(places), size=count, p=weights(places))
    names = places["name"].to_numpy()
    strings: list[str] = []
    meant: list[int | None] = []
    for row in picked:
        if rng.random() < 0.05:
            strings.append(str(rng.choice(pool)) if pool else unknown_name(rng))
            meant.append(None)
            continue
        text = written_form(str(names[row]), rng)
        if rng.random() < 0.15:
            text = with_typo(text, rng)
        if rng.random() < 0.30:
            text = str(rng.choice(PHRASES)).format(text)
        strings.append(text)
        meant.append(int(row))
    return strings, meant


def right_place(
    places: pd.DataFrame, meant: list[int | None], answers: list[tuple[float, float] | None]
) -> tuple[int, int]:
    """Count answers near the place a string was written from, and made-up names placed.

    An answer is right within RIGHT_WITHIN_M of that place (its beach, 'off X'
    and 'near X' land there too); a made-up name should get no answer at all.
    """
    right = wrong_unknown = 0
    for row, answer in zip(meant, answers, strict=True):
        if row is None:
            wrong_unknown += answer is not None
        elif answer is not None:
            lon, lat = float(places["lon"].iloc[row]), float(places["lat"].iloc[row])
            right += GEOD.inv(lon, lat, *answer)[2] <= RIGHT_WITHIN_M
    return right, wrong_unknown


def plain_loop(strings: list[str]) -> list[tuple[float, float] | None]:
    """The baseline: normalise, exact dict lookup, else extractOne over all names.

    A name several places carry gives the first of them, as a plain lookup would.
    """
    index = name_index()
    answers: list[tuple[float, float] | None] = []
    for text in strings:
        name = normalize_name(text)
        if name not in index.by_name and len(name) >= FUZZY_MIN_CHARS:
            best = process.extractOne(
                name, index.names, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE
            )
            name = best[0] if best is not None else name
        rows = index.by_name.get(name)
        answers.append((index.rows[rows[0]].lon, index.rows[rows[0]].lat) if rows else None)
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_QUERIES:,} place strings")
    parser.add_argument("--queries", type=int, help="number of place strings (overrides --quick)")
    parser.add_argument(
        "--unknown-pool",
        type=int,
        default=UNKNOWN_POOL,
        help=f"made-up names to draw the unknown 5 %% from (default {UNKNOWN_POOL}; 0: all new)",
    )
    args = parser.parse_args()
    count = args.queries or (QUICK_QUERIES if args.quick else FULL_QUERIES)

    started = time.perf_counter()
    index = name_index()  # gazetteer and name index, once per process
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    relate_to_coast(gpd.GeoSeries(gpd.points_from_xy([1.8], [50.9]), crs="EPSG:4326"))
    coast_s = time.perf_counter() - started  # the coastline phrases need, once per process
    print(
        f"launchmap: name index built in {build_s:.2f} s, coastline for phrases loaded in "
        f"{coast_s:.2f} s (once per process)"
    )
    print(gazetteer_size(index))

    places = coastal_places()
    strings, meant = place_strings(count, places, unknown_pool=args.unknown_pool)
    distinct = len(set(strings))
    print(
        f"{count:,} place strings ({distinct:,} distinct) from {len(places)} coastal places, "
        f"seed {SEED}; e.g. {', '.join(repr(s) for s in strings[:6])}"
    )

    candidate_s = [0.0]
    search = geo.geocode._resolve.candidates

    def timed_search(  # measures the candidate lists of unplaced names
        index: NameIndex, names: Iterable[str]
    ) -> dict[str, list[Candidate]]:
        started = time.perf_counter()
        try:
            return search(index, names)
        finally:
            candidate_s[0] += time.perf_counter() - started

    geo.geocode._resolve.candidates = timed_search
    started = time.perf_counter()
    results = geocode_many(strings)
    launchmap_s = time.perf_counter() - started
    geo.geocode._resolve.candidates = search
    unplaced = len({r.query for r in results if not r.found})
    launchmap_rate = count / launchmap_s
    found = sum(result.found for result in results)
    phrases = sum(result.found and result.phrase != "name" for result in results)
    answers = [(r.lon, r.lat) if r.lon is not None and r.lat is not None else None for r in results]
    right, wrong_unknown = right_place(places, meant, answers)
    known = sum(row is not None for row in meant)
    verdict = "meets" if launchmap_rate >= TARGET_PER_S else "misses"
    print(
        f"launchmap geocode_many: {launchmap_s:.2f} s, {launchmap_rate:,.0f} names/s "
        f"({verdict} the target of {TARGET_PER_S:,.0f} names/s set for {FULL_QUERIES:,}); "
        f"found {found:,} of {count:,} ({phrases:,} as phrases with geometry), "
        f"{right:,} of {known:,} real names within {RIGHT_WITHIN_M / 1000:.0f} km of their place, "
        f"{wrong_unknown} of {count - known} made-up names placed"
    )
    print(
        f"  of which {candidate_s[0]:.2f} s ({candidate_s[0] / launchmap_s:.0%}) listing the "
        f"closest candidates of {unplaced:,} distinct unplaced strings "
        f"({candidate_s[0] / max(unplaced, 1) * 1000:.1f} ms each)"
    )

    started = time.perf_counter()
    baseline_answers = plain_loop(strings)
    baseline_s = time.perf_counter() - started
    baseline_rate = count / baseline_s
    baseline_found = sum(answer is not None for answer in baseline_answers)
    baseline_right, baseline_wrong = right_place(places, meant, baseline_answers)
    print(
        f"baseline ({BASELINE_NAME}): {baseline_s:.2f} s, {baseline_rate:,.0f} names/s; "
        f"found {baseline_found:,} of {count:,} (no phrases), {baseline_right:,} of {known:,} "
        f"real names within {RIGHT_WITHIN_M / 1000:.0f} km of their place, "
        f"{baseline_wrong} made-up names placed"
    )

    print(
        figure(
            "geocode_names_per_s",
            launchmap_rate,
            "names/s",
            BASELINE_NAME,
            baseline_rate,
            launchmap_rate / baseline_rate,
        )
    )
    print(
        figure(
            f"geocode_seconds_for_{count}",
            launchmap_s,
            "s",
            BASELINE_NAME,
            baseline_s,
            baseline_s / launchmap_s,
        )
    )
    print(
        figure(
            f"geocode_right_place_of_{count}",
            right,
            "names",
            BASELINE_NAME,
            baseline_right,
            right / baseline_right if baseline_right else float("inf"),
        )
    )


if __name__ == "__main__":
    main()
