"""The gazetteer: GeoNames places, the curated places, regions and organisations, and their rules.

Every curated row of ``data/places/`` is in the bundled files and lies where
its kind says (a beach within 300 m of the shoreline, a hamlet on land, a
sea area at sea …), measured here with launchmap's own coastline relations;
the build refuses a row that does not.
"""

from __future__ import annotations

import csv
import importlib
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import geopandas as gpd
import pytest

from geo.coast import relate_to_coast
from geo.gazetteer import Place, gazetteer, organisations, places
from geo.vocabulary import LocationPrecision

DATA = Path(__file__).resolve().parents[2] / "data"
PLACE_FILES = ["fr_be_nl.csv", "gb.csv", "regions_fr_be_nl.csv", "regions_gb.csv"]
ORGANISATION_FILES = ["organisations_fr_be.csv", "organisations_gb.csv"]
BOX = (-2.0, 49.0, 4.5, 52.6)


def read(name: str) -> list[dict[str, str]]:
    with (DATA / "places" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def kinds() -> dict[str, dict[str, str]]:
    return {row["kind"]: row for row in read("kinds.csv")}


def curated_places() -> Iterator[dict[str, str]]:
    for name in PLACE_FILES:
        yield from read(name)


def by_id() -> dict[str, Place]:
    return {place.place_id: place for place in places()}


# -- what the files hold ---------------------------------------------------------------------


def test_gazetteer_columns_and_ids() -> None:
    table = gazetteer()
    assert list(table.columns) == [
        *("place_id", "name", "name_fr", "name_en", "name_nl", "alternate_names", "kind"),
        *("precision", "country", "commune", "lon", "lat", "population", "uncertainty_m"),
        *("source", "shore_distance_m", "shore_lon", "shore_lat", "reference_line_m", "geometry"),
    ]
    assert table["place_id"].is_unique
    assert table["place_id"].str.match(r"^(geonames:\d+|lm:[a-z0-9]+(-[a-z0-9]+)*)$").all()
    assert (table["name"].str.strip() != "").all()
    assert (table["source"].str.strip() != "").all()
    assert (table["uncertainty_m"] > 0).all()
    assert table.crs.to_epsg() == 4326


def test_the_plain_rows_and_the_frame_agree() -> None:
    table = gazetteer()
    rows = places()
    assert [p.place_id for p in rows] == table["place_id"].tolist()
    hardelot = by_id()["lm:hardelot-plage"]
    assert hardelot.precision is LocationPrecision.LOCALITY
    assert hardelot.commune == "Neufchâtel-Hardelot"
    assert table.loc["lm:hardelot-plage", "lon"] == hardelot.lon


def test_gazetteer_is_sorted_by_country_name_and_id() -> None:
    keys = [((p.country or ""), p.name.casefold(), p.place_id) for p in places()]
    assert keys == sorted(keys)


@pytest.mark.parametrize("country", ["FR", "GB", "BE"])
def test_geonames_places_of_each_country_lie_in_the_box(country: str) -> None:
    rows = [p for p in places() if p.place_id.startswith("geonames:") and p.country == country]
    assert len(rows) > 500
    assert all(BOX[0] <= p.lon <= BOX[2] and BOX[1] <= p.lat <= BOX[3] for p in rows)
    assert {p.kind for p in rows} == {"populated_place"}
    assert {p.precision for p in rows} == {LocationPrecision.LOCALITY}


def test_suffolk_towns_up_to_lat_52_6_are_in() -> None:
    names = {p.name for p in places() if p.country == "GB" and p.lat > 52.0}
    assert {"Lowestoft", "Southwold", "Aldeburgh"} <= names


def test_geonames_radius_grows_with_population() -> None:
    def expected(population: int | None) -> float:
        if not population:
            return 2000
        for limit, radius in ((2000, 1000), (10_000, 2000), (50_000, 3000), (100_000, 4000)):
            if population < limit:
                return radius
        return 5000

    towns = [p for p in places() if p.place_id.startswith("geonames:")]
    assert all(p.uncertainty_m == expected(p.population) for p in towns)


def test_every_curated_row_is_in_the_gazetteer_as_written() -> None:
    found = by_id()
    rows = list(curated_places())
    assert len(rows) >= 650
    for row in rows:
        place = found[row["place_id"]]
        assert place.name == row["name"]
        assert (place.lon, place.lat) == (float(row["lon"]), float(row["lat"]))
        assert place.kind == row["kind"]
        assert place.precision == LocationPrecision(kinds()[row["kind"]]["precision"])
        assert place.commune == (row.get("commune") or None)
        assert place.uncertainty_m == float(row["uncertainty_m"])
        assert place.source == row["source"]
        for language in ("name_fr", "name_en", "name_nl"):
            assert getattr(place, language) == (row[language] or None)


def test_towns_geonames_names_by_an_exonym_carry_each_languages_name() -> None:
    found = by_id()
    with (DATA / "places" / "geonames_names.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["name_fr"] for row in rows} >= {"Dunkerque", "Douvres", "Ostende"}
    for row in rows:
        town = found[row["place_id"]]
        assert (town.name, town.kind) == (row["name"], "populated_place")
        assert (town.name_fr, town.name_en, town.name_nl) == (
            row["name_fr"],
            row["name_en"],
            row["name_nl"],
        )


def test_towns_keep_the_short_names_reports_call_them_by() -> None:
    found = by_id()
    rows = read("geonames_alternates.csv")
    assert "Grand-Fort" in {name for row in rows for name in row["alternate_names"].split("|")}
    for row in rows:
        town = found[row["place_id"]]
        assert (town.name, town.kind) == (row["name"], "populated_place")
        assert set(row["alternate_names"].split("|")) <= set(town.alternate_names)


def test_organisations_are_kept_apart_from_places() -> None:
    rows = [row for name in ORGANISATION_FILES for row in read(name)]
    bodies = {o.org_id: o for o in organisations()}
    assert set(bodies) == {row["org_id"] for row in rows}
    assert not set(bodies) & set(by_id())
    cross = bodies["lm-org:cross-gris-nez"]
    assert cross.kind == "rescue_centre"
    assert "CROSS Gris Nez" in cross.spellings
    assert all(kinds()[o.kind]["group"] == "organisation" for o in bodies.values())
    unplaced = [o for o in bodies.values() if o.lon is None]
    assert unplaced and all(o.lat is None for o in unplaced)  # a navy, a ship: no one seat


def test_the_old_curated_ids_are_kept() -> None:
    old = ["lm:cap-gris-nez", "lm:hardelot-plage", "lm:port-of-dover", "lm:english-channel"]
    old += ["lm:north-sea", "lm:plage-de-gravelines", "lm:les-hemmes-de-marck"]
    assert set(old) <= set(by_id())


# -- where each kind lies --------------------------------------------------------------------


def shore_distances(rows: list[dict[str, str]]) -> list[float]:
    points = gpd.points_from_xy([float(r["lon"]) for r in rows], [float(r["lat"]) for r in rows])
    relations = relate_to_coast(gpd.GeoSeries(points, crs="EPSG:4326"))
    return relations["shore_distance_m"].tolist()


def breaks_its_rule(row: dict[str, str], shore_m: float) -> str | None:
    rule = kinds()[row["kind"]]
    limit = float(rule["limit_m"] or row.get("uncertainty_m") or 0)
    if rule["rule"] == "shore" and abs(shore_m) > limit:
        return f"{row['kind']} {abs(shore_m):.0f} m from the shoreline (> {limit:.0f})"
    if rule["rule"] == "land" and shore_m > limit:
        return f"{row['kind']} {shore_m:.0f} m out at sea"
    if rule["rule"] == "sea" and shore_m <= 0:
        return f"{row['kind']} on land"
    return None


def test_every_curated_place_lies_where_its_kind_says() -> None:
    rows = list(curated_places())
    problems = {
        row["place_id"]: problem
        for row, shore_m in zip(rows, shore_distances(rows), strict=True)
        if (problem := breaks_its_rule(row, shore_m))
    }
    assert not problems
    beaches = [d for r, d in zip(rows, shore_distances(rows), strict=True) if r["kind"] == "beach"]
    assert len(beaches) > 100 and max(abs(d) for d in beaches) <= 300


def test_every_placed_organisation_is_on_land() -> None:
    rows = [r for name in ORGANISATION_FILES for r in read(name) if r["lon"]]
    assert len(rows) > 50
    problems = [
        (row["org_id"], problem)
        for row, shore_m in zip(rows, shore_distances(rows), strict=True)
        if (problem := breaks_its_rule(row, shore_m))
    ]
    assert not problems


@pytest.mark.parametrize(
    ("kind", "most_inland_m", "most_seaward_m"),
    [
        *[("sea_area", None, 0.0), ("sandbank", None, 0.0), ("hamlet", 300.0, None)],
        *[("department", 0.0, None), ("county", 0.0, None), ("beach", 300.0, -300.0)],
    ],
)
def test_the_precomputed_shore_distance_keeps_each_kind_on_its_side(
    kind: str, most_inland_m: float | None, most_seaward_m: float | None
) -> None:
    found = [p.shore_distance_m for p in places() if p.kind == kind]
    assert found
    if most_seaward_m is not None:  # at sea (> 0), or no farther inland than this
        assert min(found) > most_seaward_m
    if most_inland_m is not None:  # on land (< 0), or no farther out than this
        assert max(found) <= most_inland_m


def test_every_kind_used_is_documented() -> None:
    used = {row["kind"] for row in curated_places()}
    used |= {row["kind"] for name in ORGANISATION_FILES for row in read(name)}
    assert used <= set(kinds())
    assert {row["rule"] for row in kinds().values()} == {"shore", "land", "sea", "none"}


# -- the build refuses a row that breaks its rule --------------------------------------------


@cache
def build_script() -> ModuleType:
    sys.path.insert(0, str(DATA))
    try:
        return importlib.import_module("build_gazetteer")
    finally:
        sys.path.remove(str(DATA))


def curated(place_id: str, kind: str, lon: float, lat: float, line: int) -> object:
    module = build_script()
    values = {"place_id": place_id, "kind": kind, "lon": str(lon), "lat": str(lat)}
    values["uncertainty_m"] = "500"
    return module.Curated(values, "test.csv", line)


def test_the_build_refuses_rows_that_break_their_kinds_rule() -> None:
    module = build_script()
    rows = [
        curated("lm:inland-beach", "beach", 1.70, 50.80, 2),  # 6 km inland of Wimereux
        curated("lm:hamlet-at-sea", "hamlet", 1.40, 50.80, 3),  # in the Channel
        curated("lm:sea-in-a-field", "sea_area", 1.80, 50.80, 4),
        curated("lm:calais-beach", "beach", 1.83825, 50.96703, 5),  # where the Calais beach is
    ]
    with pytest.raises(SystemExit) as refused:
        module.check_against_coast(module.Coast.read(), rows, module.load_kinds())
    message = str(refused.value)
    assert "test.csv line 2 (lm:inland-beach): a beach must lie within 300 m" in message
    assert "line 3 (lm:hamlet-at-sea): a hamlet must lie on land" in message
    assert "line 4 (lm:sea-in-a-field): a sea_area must lie at sea" in message
    assert "lm:calais-beach" not in message


def test_the_build_refuses_a_repeated_id_and_an_unknown_kind() -> None:
    module = build_script()
    first = module.Curated({"place_id": "lm:x"}, "a.csv", 2)
    again = module.Curated({"place_id": "lm:x"}, "b.csv", 7)
    assert module.repeated_ids([first, again], "place_id") == [
        "b.csv line 7 (lm:x): place_id lm:x repeats a.csv line 2 (lm:x)"
    ]
    row = module.Curated(
        {
            **dict.fromkeys(module.PLACE_COLUMNS, ""),
            **{"place_id": "lm:y", "name": "Y", "kind": "castle", "country": "FR"},
            **{"lon": "1.8", "lat": "50.9", "uncertainty_m": "100", "source": "s"},
        },
        "c.csv",
        3,
    )
    problems = module.check_place(row, module.load_kinds(), "place")
    assert problems == ["c.csv line 3 (lm:y): kind 'castle' is not a place kind of kinds.csv"]
