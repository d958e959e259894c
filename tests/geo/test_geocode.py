"""Offline geocoding: names as reports write them, homonyms, phrases with geometry, bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import geopandas as gpd
import pandas as pd
import pyproj
import pytest

import geo.geocode._lookup
import geo.geocode._resolve
from geo.coast import relate_to_coast
from geo.errors import InvalidPlaceQueryError
from geo.gazetteer import gazetteer
from geo.geocode import (
    CANDIDATES_SHOWN,
    FUZZY_MIN_SCORE,
    MAX_QUERY_CHARS,
    Candidate,
    GeocodeMemo,
    GeocodeResult,
    geocode,
    geocode_many,
    near_miss,
    normalize_name,
)
from geo.geocode._hints import NO_HINTS
from geo.vocabulary import LocationPrecision

GEOD = pyproj.Geod(ellps="WGS84")
OPALE_BOX = (1.4, 50.2, 2.6, 51.1)  # min lon, min lat, max lon, max lat: the Côte d'Opale

CALAIS = "geonames:3029162"
DUNKIRK = "geonames:3020686"
BOULOGNE = "geonames:3031133"
EQUIHEN = "geonames:3019957"
GRAVELINES = "geonames:3014816"
WIMEREUX = "geonames:2967351"
WISSANT = "geonames:2967326"
SANGATTE = "geonames:2976217"
LE_PORTEL = "geonames:3002551"
AMBLETEUSE = "geonames:3037915"
DOVER = "geonames:2651048"
HYTHE_KENT = "geonames:2646316"
HYTHE_HAMPSHIRE = "geonames:2646317"
DE_PANNE = "geonames:2799577"
DE_HAAN = "geonames:2799779"
CAP_GRIS_NEZ = "lm:cap-gris-nez"
HARDELOT = "lm:hardelot-plage"

# The coastal places the phrase tests put on the beach, out at sea and around.
SHORE_PLACES = ["Gravelines", "Calais", "Wissant", "Wimereux", "Sangatte", "Le Portel", "Berck"]


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic (WGS84) distance between two lon/lat points."""
    return float(GEOD.inv(lon1, lat1, lon2, lat2)[2])


def coast_relations(results: list[GeocodeResult]) -> pd.DataFrame:
    """Relate the points of placed results to the bundled coastline."""
    assert all(r.lon is not None and r.lat is not None for r in results), results
    points = gpd.GeoSeries(
        gpd.points_from_xy([r.lon for r in results], [r.lat for r in results]), crs="EPSG:4326"
    )
    relations: pd.DataFrame = relate_to_coast(points)
    return relations


def point(result: GeocodeResult) -> tuple[float, float]:
    """The lon/lat of a placed result."""
    assert result.lon is not None and result.lat is not None, result
    return result.lon, result.lat


def radius(result: GeocodeResult) -> float:
    """The uncertainty radius of a placed result."""
    assert result.uncertainty_m is not None, result
    return result.uncertainty_m


def placed(query: str, context: str | None = None) -> GeocodeResult:
    """Geocode a query that must be found with a point."""
    result = geocode(query, context=context)
    assert result.found, (query, result.reason, result.candidates)
    assert result.lon is not None and result.lat is not None, result
    return result


# -- every bundled Côte d'Opale place ------------------------------------------------------


def opale_rows() -> pd.DataFrame:
    """Gazetteer rows of France inside the Côte d'Opale box, plus every curated feature."""
    places = gazetteer()
    min_lon, min_lat, max_lon, max_lat = OPALE_BOX
    in_box = (
        (places["country"] == "FR")
        & places["lon"].between(min_lon, max_lon)
        & places["lat"].between(min_lat, max_lat)
    )
    curated = places["place_id"].str.startswith("lm:")
    rows: pd.DataFrame = places[(in_box | curated).fillna(False)]
    return rows


def test_every_opale_place_resolves_within_1_km_of_its_gazetteer_point() -> None:
    places = gazetteer()
    rows = opale_rows()
    assert len(rows) > 300, "the Côte d'Opale box lost its places"
    assert rows["place_id"].str.startswith("lm:").sum() >= 30
    rows_by_name = places.groupby("name")["place_id"].agg(set)
    lonlat = zip(places["lon"], places["lat"], strict=True)
    points = dict(zip(places["place_id"], lonlat, strict=True))

    results = geocode_many(rows["name"].tolist())

    problems = []
    for row, result in zip(rows.itertuples(), results, strict=True):
        if not result.found or result.lon is None or result.lat is None:
            problems.append(f"{row.name!r}: not placed ({result.reason})")
            continue
        homonyms = rows_by_name[row.name]
        if len(homonyms) > 1:  # several places of this name: any of them, at its own point
            if result.place_id not in homonyms:
                problems.append(f"{row.name!r}: chose {result.place_id}, not one of {homonyms}")
                continue
            lon, lat = points[result.place_id]
        else:
            lon, lat = points[row.place_id]
        gap = distance_m(lon, lat, result.lon, result.lat)
        if gap > 1_000:
            problems.append(f"{row.name!r} ({row.place_id}): {result.place_id} is {gap:.0f} m away")
        if result.score != 100:
            problems.append(f"{row.name!r}: exact name scored {result.score}")
    assert not problems, "\n".join(problems)


# -- names as reports write them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Calais", CALAIS),
        ("calais", CALAIS),
        ("CALAIS", CALAIS),
        ("  Calais\t", CALAIS),
        ("Dunkerque", DUNKIRK),
        ("Dunkirk", DUNKIRK),
        ("Duinkerke", DUNKIRK),
        ("DUNKERQUE", DUNKIRK),
        ("Boulogne", BOULOGNE),
        ("Boulogne-sur-Mer", BOULOGNE),
        ("boulogne sur mer", BOULOGNE),
        ("BOULOGNE-SUR-MER", BOULOGNE),
        ("Equihen Plage", EQUIHEN),
        ("Équihen-Plage", EQUIHEN),
        ("EQUIHEN-PLAGE", EQUIHEN),
        ("équihen plage", EQUIHEN),
        ("Cap Gris Nez", CAP_GRIS_NEZ),
        ("Cap Gris-Nez", CAP_GRIS_NEZ),
        ("cape gris-nez", CAP_GRIS_NEZ),
        ("Gravelines", GRAVELINES),
        ("Grevelingen", GRAVELINES),
        ("Le-Portel", LE_PORTEL),
        ("le portel", LE_PORTEL),
        ("Douvres", DOVER),
        ("De Panne", DE_PANNE),
        ("La Panne", DE_PANNE),
    ],
)
def test_names_in_any_case_accents_hyphens_and_language_score_100(
    query: str, place_id: str
) -> None:
    result = placed(query)
    assert result.place_id == place_id
    assert result.score == 100
    assert result.phrase == "name"


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Gravlines", GRAVELINES),
        ("Gravelinnes", GRAVELINES),
        ("Wimmereux", WIMEREUX),
        ("Wimereu", WIMEREUX),
        ("Dunkerqe", DUNKIRK),
        ("Dunkirck", DUNKIRK),
        ("Bolougne-sur-Mer", BOULOGNE),
        ("Boulogne-sur-Merr", BOULOGNE),
        ("Wisant", WISSANT),
        ("Sangattte", SANGATTE),
        ("Ambletuse", AMBLETEUSE),
        ("Equihenn-Plage", EQUIHEN),
        ("Hardelott-Plage", HARDELOT),
        ("Le Portell", LE_PORTEL),
    ],
)
def test_small_typos_are_found_with_a_score_below_100(query: str, place_id: str) -> None:
    result = placed(query)
    assert result.place_id == place_id
    assert FUZZY_MIN_SCORE <= result.score < 100


@pytest.mark.parametrize("query", ["Berk", "Calias", "Xq"])
def test_typos_in_short_names_are_not_guessed(query: str) -> None:
    result = geocode(query)
    assert not result.found
    assert result.lon is None and result.lat is None


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Berk", "berck"),  # a letter missing from a short name
        ("Hyth", "hythe"),
        ("Wissamt", "wissant"),  # a letter changed
        ("Wimmereux", "wimereux"),  # a letter added
        ("Gravleines", "gravelines"),  # two letters swapped
        ("Calais", "calais"),  # a name the gazetteer has is its own answer
    ],
)
def test_near_miss_finds_the_one_coastal_name_a_letter_off(name: str, form: str) -> None:
    assert near_miss(name) == form


@pytest.mark.parametrize(
    "name",
    [
        *("Minck", "Laplace", "Charlie", "Esvagt", "Flamant", "Marie", "Pierre", "Ahmed"),
        *("Deel", "Xq", "Gravlenies"),  # too short, or two letters off
        "Sangate",  # a letter off Sangatte and off Sandgate: no guess between them
    ],
)
def test_near_miss_refuses_a_name_no_or_several_coastal_places_are_a_letter_off(
    name: str,
) -> None:
    assert near_miss(name) is None


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Arques", "geonames:3036800"),  # not Arques-la-Bataille, whose alternate name it is
        ("Wailly", "geonames:2967510"),  # not Wailly-Beaucamp
        ("Steene", "geonames:2973825"),  # not Stene in Belgium, once spelt so
        ("Mons", "geonames:2790869"),  # not Mons-en-Barœul
        ("London", "geonames:2643743"),  # not the City of London
    ],
)
def test_a_place_of_that_very_name_beats_one_that_has_it_as_an_alternate(
    query: str, place_id: str
) -> None:
    assert placed(query).place_id == place_id


@pytest.mark.parametrize(
    ("query", "meant"),
    [
        ("Sangate", {"Sangatte", "Sandgate"}),  # one letter from a French and an English resort
        ("Heuuqeville", {"Heuqueville", "Heugueville-sur-Sienne"}),  # two Norman coast villages
    ],
)
def test_a_typo_as_close_to_two_places_on_the_coast_is_refused_naming_both(
    query: str, meant: set[str]
) -> None:
    result = geocode(query)
    assert not result.found
    assert result.lon is None and result.place_id is None
    assert {c.name for c in result.candidates} >= meant
    assert result.reason is not None
    assert all(name in result.reason for name in meant)


# -- ambiguity ---------------------------------------------------------------------------


def test_calais_is_the_french_one() -> None:
    result = placed("Calais")
    assert (result.place_id, result.country) == (CALAIS, "FR")
    assert distance_m(1.8564, 50.9519, *point(result)) < 1_000


@pytest.mark.parametrize(
    ("query", "context"),
    [
        ("Calais, Maine", None),
        ("Calais, ME, USA", None),
        ("Calais", "a town in Maine, USA"),
        ("Calais", "the border crossing at Calais, Maine, into New Brunswick"),
    ],
)
def test_calais_in_maine_is_not_found_and_says_why(query: str, context: str | None) -> None:
    result = geocode(query, context=context)
    assert not result.found
    assert result.lon is None and result.lat is None and result.place_id is None
    assert result.reason is not None
    assert "maine" in result.reason.lower() or "usa" in result.reason.lower()


def test_a_maine_qualifier_names_maine_in_the_reason() -> None:
    assert "maine" in (geocode("Calais, Maine").reason or "").lower()
    assert "maine" in (geocode("Calais", context="a town in Maine, USA").reason or "").lower()


@pytest.mark.parametrize(
    "context",
    [
        "they told us the boat left before dawn",
        "the launch is said to be from the dunes",
        "Fr. Martin said the group walked there",
    ],
)
def test_ordinary_words_in_a_context_are_not_country_codes(context: str) -> None:
    assert placed("Calais", context=context).place_id == CALAIS
    assert placed("Steene", context=context).place_id == "geonames:2973825"


def test_dover_is_the_kent_port() -> None:
    result = placed("Dover")
    assert result.country == "GB"
    assert result.lon is not None and result.lon > 1.0
    assert result.place_id == DOVER


@pytest.mark.parametrize(
    ("query", "context", "place_id", "lon"),
    [
        ("Hythe", None, HYTHE_KENT, 1.08),
        ("Hythe, Kent", None, HYTHE_KENT, 1.08),
        ("Hythe", "lifeboat crews from Dungeness and Kent", HYTHE_KENT, 1.08),
        ("Hythe, Hampshire", None, HYTHE_HAMPSHIRE, -1.40),
        ("Hythe", "on Southampton Water, Hampshire", HYTHE_HAMPSHIRE, -1.40),
    ],
)
def test_hythe_is_kent_unless_hampshire_is_said(
    query: str, context: str | None, place_id: str, lon: float
) -> None:
    result = placed(query, context=context)
    assert result.place_id == place_id
    assert result.lon == pytest.approx(lon, abs=0.01)


def test_boulogne_is_boulogne_sur_mer_on_the_coast() -> None:
    result = placed("Boulogne")
    assert result.place_id == BOULOGNE
    shore = coast_relations([result])["shore_distance_m"].iloc[0]
    assert abs(shore) < 5_000


@pytest.mark.parametrize(
    ("query", "context", "place_id"),
    [
        ("North Sea", "a French navy ship", "lm:north-sea"),
        ("English Channel, France", None, "lm:english-channel"),
        ("Strait of Dover", "a patrol boat from Belgium", "lm:strait-of-dover"),
    ],
)
def test_sea_areas_without_a_country_take_country_hints(
    query: str, context: str | None, place_id: str
) -> None:
    result = placed(query, context=context)
    assert result.place_id == place_id
    assert result.country is None


# -- phrases ------------------------------------------------------------------------------


BEACH_FORMS = ["{} beach", "the beach at {}", "plage de {}", "a {} beach", "on the beach at {}"]


@pytest.mark.parametrize("form", BEACH_FORMS)
@pytest.mark.parametrize("place", SHORE_PLACES)
def test_beach_phrases_land_on_the_shoreline(form: str, place: str) -> None:
    result = placed(form.format(place))
    relation = coast_relations([result]).iloc[0]
    assert abs(relation["shore_distance_m"]) <= 300, relation  # a curated beach, or the shore
    assert result.location_precision == LocationPrecision.SITE
    assert result.uncertainty_m is not None and result.uncertainty_m > 0


def test_a_beach_phrase_keeps_the_place_it_is_the_beach_of() -> None:
    # The curated beach of Calais, or the shore point of Berck: both near the town.
    for place, town in [("Calais", CALAIS), ("Berck", "geonames:3033415")]:
        beach = placed(f"the beach at {place}")
        centre = placed(place)
        assert distance_m(*point(centre), *point(beach)) < 5_000
        assert centre.place_id == town


OFFSHORE_FORMS = ["off {}", "off the coast of {}", "au large de {}", "in the sea off {}"]


@pytest.mark.parametrize("form", OFFSHORE_FORMS)
@pytest.mark.parametrize("place", SHORE_PLACES)
def test_offshore_phrases_land_at_sea(form: str, place: str) -> None:
    result = placed(form.format(place))
    assert coast_relations([result])["shore_distance_m"].iloc[0] > 0
    assert result.location_precision == LocationPrecision.AREA
    assert result.phrase == "offshore"
    assert result.name == placed(place).name


@pytest.mark.parametrize(
    ("form", "distance"),
    [
        ("3 km off {}", 3_000.0),
        ("6 km off {}", 6_000.0),
        ("2 miles off {}", 2 * 1_609.344),
        ("4 nautical miles off {}", 4 * 1_852.0),
        ("1 nautical mile off {}", 1_852.0),
        ("about 5km off {}", 5_000.0),
    ],
)
@pytest.mark.parametrize("place", SHORE_PLACES)
def test_a_stated_distance_off_a_place_is_the_distance_from_shore(
    form: str, distance: float, place: str
) -> None:
    result = placed(form.format(place))
    shore = coast_relations([result])["shore_distance_m"].iloc[0]
    assert 0.65 * distance <= shore <= 1.35 * distance, (result, shore)
    assert result.location_precision == LocationPrecision.AREA


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("off De Panne", DE_PANNE),
        ("off De Haan", DE_HAAN),
        ("off the coast of De Haan", DE_HAAN),
        ("au large de De Haan", DE_HAAN),
        ("au large de De Panne", DE_PANNE),
        ("au large de La Panne", DE_PANNE),
        ("au large des côtes de Wimereux", WIMEREUX),
        ("au large de la côte de Calais", CALAIS),
        ("au large du Portel", LE_PORTEL),
        ("au large d'Équihen-Plage", EQUIHEN),
    ],
)
def test_french_particles_of_offshore_phrases_keep_the_name(query: str, place_id: str) -> None:
    result = placed(query)
    assert result.place_id == place_id
    assert result.phrase == "offshore"


@pytest.mark.parametrize("place", SHORE_PLACES)
def test_near_keeps_the_point_with_a_larger_radius(place: str) -> None:
    alone = placed(place)
    near = placed(f"near {place}")
    assert (near.lon, near.lat) == (alone.lon, alone.lat)
    assert near.place_id == alone.place_id
    assert radius(near) > radius(alone)


@pytest.mark.parametrize("place", SHORE_PLACES)
def test_uncertainty_grows_from_site_to_area_phrases(place: str) -> None:
    beach = placed(f"the beach at {place}")
    offshore = placed(f"off {place}")
    near = placed(f"near {place}")
    assert beach.location_precision == LocationPrecision.SITE
    assert offshore.location_precision == near.location_precision == LocationPrecision.AREA
    assert radius(beach) < radius(offshore)
    assert radius(beach) < radius(near)


@pytest.mark.parametrize(
    ("query", "first", "second"),
    [
        ("between Calais and Boulogne-sur-Mer", "Calais", "Boulogne-sur-Mer"),
        ("somewhere between Calais and Boulogne", "Calais", "Boulogne"),
        ("entre Gravelines et Calais", "Gravelines", "Calais"),
        ("between Dunkirk and Gravelines", "Dunkirk", "Gravelines"),
    ],
)
def test_between_two_places_is_about_halfway_along_the_coast(
    query: str, first: str, second: str
) -> None:
    result = placed(query)
    ends = [placed(first), placed(second)]
    km = coast_relations([result, *ends])["coast_km"].to_numpy()
    low, high = sorted(km[1:])
    assert low < km[0] < high
    halfway = (low + high) / 2
    assert abs(km[0] - halfway) <= 0.15 * (high - low)
    assert result.location_precision == LocationPrecision.AREA
    assert result.uncertainty_m is not None and result.uncertainty_m > 0


@pytest.mark.parametrize(
    ("query", "place", "bearing", "distance"),
    [
        ("5 km north of Calais", "Calais", 0.0, 5_000.0),
        ("5 km au nord de Calais", "Calais", 0.0, 5_000.0),
        ("10 km due south of Boulogne-sur-Mer", "Boulogne-sur-Mer", 180.0, 10_000.0),
        ("3 km à l'est de Gravelines", "Gravelines", 90.0, 3_000.0),
        ("2 miles west of Dover", "Dover", 270.0, 2 * 1_609.344),
        # A decimal comma is part of the number, not a "name, qualifier" comma.
        ("à 4,5 km au nord du Cap Gris-Nez", "Cap Gris-Nez", 0.0, 4_500.0),
    ],
)
def test_a_distance_and_direction_from_a_place(
    query: str, place: str, bearing: float, distance: float
) -> None:
    result = placed(query)
    origin = placed(place)
    azimuth, _, gap = GEOD.inv(origin.lon, origin.lat, result.lon, result.lat)
    assert gap == pytest.approx(distance, rel=0.01)
    assert (azimuth - bearing + 180) % 360 - 180 == pytest.approx(0, abs=1)
    if bearing == 0.0:
        assert point(result)[1] > point(origin)[1]
    assert result.location_precision == LocationPrecision.AREA
    assert radius(result) > radius(origin)


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("France", "FR"),
        ("Britain", "GB"),
        ("the UK", "GB"),
        ("The U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("england", "GB"),
        ("off the coast of France", "FR"),
        ("off the coast of the UK", "GB"),
        ("Belgium", "BE"),
        ("Royaume-Uni", "GB"),
        ("Grande-Bretagne", "GB"),  # the French name, with or without its hyphen
        ("grande bretagne", "GB"),
    ],
)
def test_country_names_are_found_at_country_level_without_a_point(query: str, country: str) -> None:
    result = geocode(query)
    assert result.found
    assert result.country == country
    assert result.location_precision == LocationPrecision.COUNTRY
    assert result.lon is None and result.lat is None
    assert result.place_id == f"country:{country}"
    assert result.feature()["geometry"] is None


# -- every result is complete ---------------------------------------------------------------


ASSORTED = [
    "Calais",
    "Dunkerque",
    "Cap Gris-Nez",
    "Gravlines",
    "the beach at Wissant",
    "plage de Berck",
    "off Sangatte",
    "3 km off Wimereux",
    "au large de Boulogne",
    "near Le Portel",
    "between Calais and Boulogne-sur-Mer",
    "5 km north of Calais",
    "Hythe, Hampshire",
    "English Channel",
    "France",
    "the UK",
]


def test_every_found_result_has_an_id_a_precision_and_a_positive_radius() -> None:
    for result in geocode_many(ASSORTED):
        assert result.found, result
        assert result.place_id, result
        assert result.location_precision is not None, result
        if result.location_precision == LocationPrecision.COUNTRY:
            assert result.lon is None and result.lat is None
            assert result.country is not None
        else:
            assert result.lon is not None and result.lat is not None
            assert -180 <= result.lon <= 180 and -90 <= result.lat <= 90
            assert (result.lon, result.lat) != (0.0, 0.0)
            assert result.uncertainty_m is not None and result.uncertainty_m > 0
        assert result.reason is None
        assert result.candidates == []


# -- unknown names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Zorbaville-sur-Brume",
        "Qwerkstad",
        "off Plimplonville",
        "the beach at Nowhere-les-Flots",
        "between Calais and Zorbaville",
        "Kormavel Bay",
    ],
)
def test_unknown_names_are_not_found_with_a_reason_and_candidates(query: str) -> None:
    result = geocode(query)
    assert not result.found
    assert result.lon is None and result.lat is None
    assert result.place_id is None and result.location_precision is None
    assert result.reason is not None and "no place named" in result.reason
    assert 0 < len(result.candidates) <= CANDIDATES_SHOWN
    assert all(isinstance(c, Candidate) for c in result.candidates)
    scores = [c.score for c in result.candidates]
    assert scores == sorted(scores, reverse=True)
    ids = set(gazetteer()["place_id"])
    assert all(c.place_id in ids for c in result.candidates)
    assert len({(c.name, c.country) for c in result.candidates}) == len(result.candidates)
    assert result.feature()["geometry"] is None


def test_candidates_of_an_unknown_name_include_the_place_a_bad_typo_meant() -> None:
    result = geocode("Calias")
    assert not result.found
    assert CALAIS in [c.place_id for c in result.candidates]


# -- bad input -------------------------------------------------------------------------------


BAD = [  # query, what the message names, test id
    ("", "empty", "empty"),
    ("   \t\n ", "empty", "whitespace"),
    (("Calais " * 2_000)[:10_000], "too long", "10000-chars"),
    ("x" * (MAX_QUERY_CHARS + 1), "too long", "just-too-long"),
    ("Calais\x00", "control", "nul"),
    ("\x1b[31mCalais", "control", "escape"),
    ("Cal\u200bais", "control", "zero-width-space"),
    ("Calais\x07beach", "control", "bell"),
]
BAD_QUERIES = [pytest.param(query, problem, id=name) for query, problem, name in BAD]


@pytest.mark.parametrize(("query", "problem"), BAD_QUERIES)
def test_geocode_refuses_bad_input_naming_the_problem(query: str, problem: str) -> None:
    with pytest.raises(InvalidPlaceQueryError, match=problem):
        geocode(query)


@pytest.mark.parametrize(
    ("query", "type_name"), [(None, "NoneType"), (42, "int"), (b"Calais", "bytes"), (1.5, "float")]
)
def test_geocode_refuses_non_text_naming_the_type(query: Any, type_name: str) -> None:
    with pytest.raises(InvalidPlaceQueryError, match=type_name):
        geocode(query)


def test_invalid_place_query_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        geocode("")


def test_geocode_many_answers_bad_cells_instead_of_raising() -> None:
    bad: list[Any] = [query for query, _, _ in BAD]
    column: list[Any] = ["Calais", *bad, None, float("nan"), 7, "Dunkirk"]
    results = geocode_many(column)
    assert len(results) == len(column)
    assert results[0].place_id == CALAIS and results[-1].place_id == DUNKIRK
    for result in results[1:-1]:
        assert not result.found
        assert result.lon is None and result.lat is None
        assert result.reason
    problems = [r.reason for r in results[1 : 1 + len(bad)]]
    for reason, (_, problem, _) in zip(problems, BAD, strict=True):
        assert problem in (reason or "")
    assert "must be text" in (results[-2].reason or "")


# -- geocode_many ----------------------------------------------------------------------------


def test_geocode_many_keeps_the_input_order_and_answers_like_geocode() -> None:
    queries = [*ASSORTED, "Zorbaville", "calais", *reversed(ASSORTED)]
    many = geocode_many(queries)
    assert [r.query for r in many] == queries
    assert many == [geocode(q) for q in queries]


def test_geocode_many_resolves_each_distinct_query_once(monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ["Calais", "Gravelines", "Calais", "off Calais", "Gravelines", "Calais", "Wisant"]
    distinct = list(dict.fromkeys(queries))
    parsed: list[str] = []
    looked_up: list[str] = []
    real_parse = geo.geocode._resolve._parse
    real_lookup = geo.geocode._resolve.lookup

    def spy_parse(query: str, *args: Any) -> Any:
        parsed.append(query)
        return real_parse(query, *args)

    def spy_lookup(index: Any, names: list[str], *args: Any) -> Any:
        looked_up.extend(names)
        return real_lookup(index, names, *args)

    monkeypatch.setattr(geo.geocode._resolve, "_parse", spy_parse)
    monkeypatch.setattr(geo.geocode._resolve, "lookup", spy_lookup)
    progress: list[tuple[int, int]] = []

    results = geocode_many(queries, on_progress=lambda done, total: progress.append((done, total)))

    assert sorted(parsed) == sorted(distinct)
    assert sorted(looked_up) == sorted(["calais", "gravelines", "calais", "wisant"])
    assert progress == [(n, len(distinct)) for n in range(1, len(distinct) + 1)]
    assert [r.query for r in results] == queries
    assert results[0] == results[2] == results[5]
    assert results[0] is results[2]  # one answer per distinct query


def test_geocode_many_of_nothing_is_nothing() -> None:
    calls: list[tuple[int, int]] = []
    assert geocode_many([], on_progress=lambda done, total: calls.append((done, total))) == []
    assert calls == []


def test_geocode_many_takes_any_iterable() -> None:
    results = geocode_many(name for name in ["Calais", "Dunkirk"])
    assert [r.place_id for r in results] == [CALAIS, DUNKIRK]


def test_geocode_many_context_applies_to_every_query() -> None:
    results = geocode_many(["Hythe", "off Hythe"], context="Southampton Water, Hampshire")
    assert [r.place_id for r in results] == [HYTHE_HAMPSHIRE, HYTHE_HAMPSHIRE]


def test_batch_sizes_do_not_change_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ["Gravlines", "Wimmereux", "Zorbaville", "Qwerkstad", "Dunkerqe", "Calias", "Sangate"]
    whole = geocode_many(queries)
    monkeypatch.setattr(geo.geocode._lookup, "_FUZZY_BATCH", 2)
    monkeypatch.setattr(geo.geocode._lookup, "_CANDIDATE_BATCH", 1)
    assert geocode_many(queries) == whole


def test_a_memo_answers_a_query_again_without_resolving_it(monkeypatch: pytest.MonkeyPatch) -> None:
    memo = GeocodeMemo()
    queries = ["Gravlines", "off Wimereux", "Calais", "Zorbaville"]
    first = geocode_many(queries, memo=memo)
    assert first == geocode_many(queries)
    parsed: list[str] = []
    real_parse = geo.geocode._resolve._parse

    def spy_parse(query: str, *args: Any) -> Any:
        parsed.append(query)
        return real_parse(query, *args)

    monkeypatch.setattr(geo.geocode._resolve, "_parse", spy_parse)
    again = geocode_many([*queries, "Dunkirk"], memo=memo)
    assert again[:4] == first
    assert parsed == ["Dunkirk"]  # only the new query is resolved
    assert again[4].place_id == DUNKIRK


def test_a_memo_keeps_answers_apart_by_the_hints_of_their_context() -> None:
    memo = GeocodeMemo()
    plain = geocode_many(["Hythe"], memo=memo)
    hinted = geocode_many(["Hythe"], context="Southampton Water, Hampshire", memo=memo)
    assert hinted[0].place_id == HYTHE_HAMPSHIRE
    assert plain == geocode_many(["Hythe"])
    assert geocode_many(["Hythe"], memo=memo) == plain


def test_a_full_memo_forgets_and_still_answers() -> None:
    memo = GeocodeMemo(max_answers=2)
    geocode_many(["Calais", "Dunkirk"], memo=memo)
    assert memo.known(["Calais", "Dunkirk"], NO_HINTS).keys() == {"Calais", "Dunkirk"}
    results = geocode_many(["Gravelines"], memo=memo)
    assert results[0].found
    assert memo.known(["Calais", "Dunkirk", "Gravelines"], NO_HINTS).keys() == {"Gravelines"}


def test_a_memo_is_not_used_with_a_fallback() -> None:
    memo = GeocodeMemo()
    asked: list[str] = []

    def fallback(query: str) -> GeocodeResult:
        asked.append(query)
        return GeocodeResult(query, found=False, reason="not online")

    geocode_many(["Qwerkstad"], memo=memo)
    geocode_many(["Qwerkstad"], memo=memo, fallback=fallback)
    assert asked == ["Qwerkstad"]


# -- GeoJSON ---------------------------------------------------------------------------------


def test_a_found_result_is_a_geojson_point_feature_in_lon_lat_order() -> None:
    result = placed("Calais")
    feature = result.feature()
    assert feature["type"] == "Feature"
    geometry = feature["geometry"]
    assert isinstance(geometry, dict)
    assert geometry["type"] == "Point"
    lon, lat = geometry["coordinates"]
    assert lon == pytest.approx(result.lon, abs=1e-6) and lat == pytest.approx(result.lat, abs=1e-6)
    assert 1 < lon < 2.5 and 50 < lat < 51.5  # lon first: Calais is at 1.86 E, 50.95 N
    properties = feature["properties"]
    assert isinstance(properties, dict)
    assert properties["place_id"] == CALAIS
    assert properties["location_precision"] == "locality"
    assert properties["uncertainty_m"] == result.uncertainty_m
    json.dumps(feature)  # serialisable as it is


@pytest.mark.parametrize("query", ["Zorbaville", "France", "Calais, Maine"])
def test_unplaced_and_country_level_results_have_null_geometry(query: str) -> None:
    feature = geocode(query).feature()
    assert feature["type"] == "Feature"
    assert feature["geometry"] is None
    text = json.dumps(feature)
    assert json.loads(text)["properties"]["query"] == query


def test_candidates_are_plain_objects_in_the_feature() -> None:
    properties = geocode("Zorbaville").feature()["properties"]
    assert isinstance(properties, dict)
    candidates = properties["candidates"]
    assert isinstance(candidates, list) and candidates
    assert set(candidates[0]) == {"place_id", "name", "country", "score"}


# -- normalize_name --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Équihen-Plage", "equihen plage"),
        ("EQUIHEN PLAGE", "equihen plage"),
        ("  Boulogne-sur-Mer ", "boulogne sur mer"),
        ("St Margaret's at Cliffe", "saint margaret s at cliffe"),
        ("Ste-Cécile", "sainte cecile"),
        ("Cap Gris–Nez", "cap gris nez"),
        ("Dunkerque (Nord)", "dunkerque nord"),
        ("Plage d’Hardelot", "plage d hardelot"),
        ("3.5 km off Calais", "3.5 km off calais"),
        ("Calais, France", "calais france"),
        ("MALO-LES-BAINS", "malo les bains"),
        ("Straße", "strasse"),
    ],
)
def test_normalize_name(text: str, normal: str) -> None:
    assert normalize_name(text) == normal


@pytest.mark.parametrize("fold", [str.upper, str.lower, str.title])
def test_normalize_name_ignores_case(fold: Callable[[str], str]) -> None:
    assert normalize_name(fold("Wimereux-sur-Mer")) == "wimereux sur mer"
