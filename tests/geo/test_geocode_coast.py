"""Geocoding with the coast's own gazetteer: curated places, homonyms, regions, organisations,
qualifiers that name a nearby place, and distances a report on this coast can mean.

The queries are written here in the project's own words, the way reports name places.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from pyproj import Geod

from geo.geocode import (
    MAX_DIRECTION_M,
    MAX_OFFSHORE_M,
    GeocodeResult,
    geocode,
    geocode_many,
    organisation_mentions,
    place_names,
)
from geo.vocabulary import LocationPrecision

GEOD = Geod(ellps="WGS84")


def placed(query: str, context: str | None = None) -> GeocodeResult:
    result = geocode(query, context=context)
    assert result.found and result.lon is not None and result.lat is not None, result
    return result


def km_between(first: GeocodeResult, second: GeocodeResult) -> float:
    assert first.lon is not None and first.lat is not None
    assert second.lon is not None and second.lat is not None
    return float(GEOD.inv(first.lon, first.lat, second.lon, second.lat)[2]) / 1000


# -- the curated places --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "place_id", "kind", "commune"),
    [
        ("Pointe aux Oies", "lm:pointe-aux-oies", "point", "Wimereux"),
        ("pointe-aux-oies", "lm:pointe-aux-oies", "point", "Wimereux"),
        ("dunes de la Slack", "lm:dunes-de-la-slack", "dunes", "Ambleteuse"),
        ("Les Hemmes de Marck", "lm:les-hemmes-de-marck", "hamlet", "Marck"),
        ("Hemmes-de-Marck", "lm:les-hemmes-de-marck", "hamlet", "Marck"),
        ("Ganzenpunt", "lm:pointe-aux-oies", "point", "Wimereux"),  # the Dutch name
        ("Gravelines beach", "lm:plage-de-gravelines", "beach", "Gravelines"),  # the English one
        ("Tug Haven", "lm:tug-haven", "reception_site", "Dover"),
        ("Camp de la Linière", "lm:camp-de-la-liniere", "camp", "Grande-Synthe"),
        ("Kingsdown", "lm:kingsdown", "village", "Ringwould with Kingsdown"),
        ("Lowestoft", "geonames:2643490", "populated_place", None),  # Suffolk is mapped now
    ],
)
def test_curated_places_are_found_with_their_kind_and_commune(
    query: str, place_id: str, kind: str, commune: str | None
) -> None:
    result = placed(query)
    assert (result.place_id, result.kind, result.commune) == (place_id, kind, commune)
    assert result.score == 100
    assert result.feature()["properties"]["kind"] == kind  # type: ignore[index]


def test_the_beach_of_a_place_is_its_curated_beach_when_there_is_one() -> None:
    for query in ["the beach at Hardelot", "plage d'Hardelot", "Hardelot beach"]:
        assert placed(query).place_id == "lm:plage-d-hardelot"


# -- homonyms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Wimereux", "geonames:2967351"),  # the town, not the river Le Wimereux
        ("Le Wimereux", "lm:le-wimereux-riviere"),  # the river, named with its article
        ("Seven Sisters", "lm:seven-sisters"),  # the cliffs, not the London district
        ("Le Châtelet", "lm:le-chatelet"),  # the hamlet of Tardinghen, not the inland village
        ("Fort-Vert", "lm:fort-vert"),  # the hamlet of Marck, not the one inland
        ("Mariakerke", "lm:mariakerke-oostende"),  # Ostend's seaside quarter, not Ghent's
        ("Dover Patrol monument, Escalles", "lm:monument-dover-patrol"),  # on Cap Blanc-Nez
        ("Dover Patrol monument, St Margaret's at Cliffe", "lm:leathercote-point"),  # in Kent
        ("Eurotunnel", "lm:terminal-eurotunnel-coquelles"),  # the site, not the company
        ("la plage, Wissant", "lm:plage-de-wissant"),  # a feature word and its commune
        ("the beach, Wimereux", "lm:plage-de-wimereux"),
        ("le port, Calais", "lm:port-of-calais"),
        ("Hythe, Hampshire", "geonames:2646317"),
        ("Kingsdown, north east of Dover", "lm:kingsdown"),
    ],
)
def test_homonyms_resolve_to_the_place_the_query_and_the_coast_say(
    query: str, place_id: str
) -> None:
    assert placed(query).place_id == place_id


# Small or merged communes of the Seine-Maritime coast that GeoNames' cities500 leaves out,
# as reports write them, with the point of the commune (its Wikipedia coordinates).
@pytest.mark.parametrize(
    ("query", "place_id", "lon", "lat"),
    [
        ("Petit-Caux", "lm:petit-caux", 1.2225, 49.9578),  # the commune nouvelle of 2016
        ("petit caux", "lm:petit-caux", 1.2225, 49.9578),
        ("Biville-sur-Mer", "lm:biville-sur-mer", 1.2536, 49.9831),  # not Biville-la-Baignarde
        ("Saint-Aubin-sur-Mer", "lm:saint-aubin-sur-mer", 0.8756, 49.8900),  # by Dieppe
        ("St Aubin sur Mer", "lm:saint-aubin-sur-mer", 0.8756, 49.8900),
        ("Sotteville-sur-Mer", "lm:sotteville-sur-mer", 0.8311, 49.8822),  # not Octeville
        ("Paluel", "lm:paluel", 0.6289, 49.8336),  # not Palluel in the Pas-de-Calais
        ("Bénouville", "lm:benouville", 0.2506, 49.7181),  # by Étretat, not by Caen
        ("La Chapelle-sur-Dun", "lm:la-chapelle-sur-dun", 0.8494, 49.8608),  # not La Chapelle-Yvon
        ("la Chapelle sur Dun", "lm:la-chapelle-sur-dun", 0.8494, 49.8608),
    ],
)
def test_small_coastal_communes_are_found_at_the_commune(
    query: str, place_id: str, lon: float, lat: float
) -> None:
    result = placed(query)
    assert (result.place_id, result.kind, result.score) == (place_id, "village", 100)
    assert result.lon is not None and result.lat is not None and result.uncertainty_m is not None
    assert float(GEOD.inv(lon, lat, result.lon, result.lat)[2]) <= result.uncertainty_m


@pytest.mark.parametrize("query", ["Grand-Fort", "au large de Grand-Fort", "Grand Fort"])
def test_grand_fort_is_the_short_name_of_grand_fort_philippe(query: str) -> None:
    assert placed(query).place_id == "geonames:3015126"


# Streets and quays reports name, kept as names of the place they run along or lie in.
@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Lower Sandgate Road", "lm:the-leas"),  # not Sandgate, 2 km west
        ("avenue John-Whitley", "lm:hardelot-plage"),
    ],
)
def test_streets_and_quays_reports_name_are_found_at_their_place(query: str, place_id: str) -> None:
    assert placed(query).place_id == place_id


def test_the_calvados_saint_aubin_sur_mer_is_still_found_when_it_is_named() -> None:
    seine_maritime = placed("Saint-Aubin-sur-Mer")
    calvados = placed("Saint-Aubin-sur-Mer, Calvados")
    assert calvados.place_id != seine_maritime.place_id
    assert km_between(calvados, seine_maritime) > 100


def test_a_qualifier_naming_a_nearby_place_places_an_unknown_name_near_it() -> None:
    result = placed("the old lifeguard hut, near Gravelines")
    gravelines = placed("Gravelines")
    assert result.place_id == gravelines.place_id and result.phrase == "near"
    assert result.location_precision == LocationPrecision.AREA
    assert result.uncertainty_m is not None and gravelines.uncertainty_m is not None
    assert result.uncertainty_m > gravelines.uncertainty_m


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Bray-Dunes (Nord)", "geonames:3030473"),
        ("Wissant (62)", "geonames:2967326"),
        ("au large de Dunkerque (Nord)", "geonames:3020686"),
    ],
)
def test_a_department_in_brackets_is_a_qualifier_not_the_place(query: str, place_id: str) -> None:
    result = placed(query)
    assert result.place_id == place_id
    assert result.location_precision != LocationPrecision.REGION


def test_a_misspelt_name_as_close_to_two_coastal_places_names_both() -> None:
    result = geocode("Sangate beach")
    assert not result.found and result.lon is None
    assert {"Sangatte", "Sandgate"} <= {c.name for c in result.candidates}


def test_a_phrase_further_in_and_a_known_name_inside_are_found() -> None:
    lane = placed("the outer ferry lane off Calais")
    assert (lane.name, lane.phrase) == ("Calais", "offshore")
    mill = placed("Plage du Vieux Moulin de Wissant")  # no such beach: Wissant's is meant
    assert mill.place_id == "lm:plage-de-wissant"
    inside = placed("Wissant surf club car park")  # only "Wissant" is known in it
    assert inside.name == "Wissant" and 0 < inside.score < 100


@pytest.mark.parametrize(
    "query",
    [
        "La Chapelle-sur-Erdre",  # by Nantes: not La Chapelle-Yvon, alias 'La Chapelle'
        "la Chapelle sur Erdre",
        "Saint-Martin-sur-Mer",  # no such commune here: not Saint-Martin-aux-Buneaux
    ],
)
def test_an_unknown_compound_name_is_not_the_place_its_first_words_name(query: str) -> None:
    result = geocode(query)
    assert not result.found and result.lon is None


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Hythe on the coast", "Hythe"),
        ("Wimereux les dunes", "Wimereux"),
        ("Wissant le village", "Wissant"),
        ("Boulogne sur la côte", "Boulogne-sur-Mer"),
    ],
)
def test_a_known_place_followed_by_words_about_it_is_no_compound(query: str, name: str) -> None:
    # only "head + linking word + one word" is read as a compound name of its own
    result = geocode(query)
    assert result.found and result.name == name


@pytest.mark.parametrize("query", ["the Hornu cliffs", "la pointe de Hornu", "Hornu beach"])
def test_a_seaside_feature_is_not_an_inland_town_named_inside_it(query: str) -> None:
    # Hornu is a Belgian town far inland: cliffs, a point or a beach named after it lie elsewhere
    result = geocode(query)
    assert not result.found and result.lon is None


def test_cap_hornu_is_the_headland_of_the_somme_bay() -> None:
    result = placed("le Cap Hornu")
    assert (result.place_id, result.country) == ("lm:cap-hornu", "FR")


def test_a_seaside_feature_named_after_a_coastal_place_is_found_at_it() -> None:
    result = placed("the old Audresselles cliffs")  # unknown, but "Audresselles" is on the shore
    assert result.name == "Audresselles" and 0 < result.score < 100


# -- regions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Nord", "lm:dept-nord"),
        ("Pas-de-Calais", "lm:dept-pas-de-calais"),
        ("the Somme", "lm:dept-somme"),  # not the river La Somme
        ("Kent", "lm:kent"),
        ("Normandy", "lm:region-normandie"),  # not the village in Surrey
        ("Thanet", "lm:isle-of-thanet"),
        ("West-Vlaanderen", "lm:west-vlaanderen"),
        ("Flandre occidentale", "lm:west-vlaanderen"),
        ("Zeeland", "lm:zeeland"),
    ],
)
def test_regions_are_answered_at_region_precision(query: str, place_id: str) -> None:
    result = placed(query)
    assert result.place_id == place_id
    assert result.location_precision == LocationPrecision.REGION
    assert result.uncertainty_m is not None and result.uncertainty_m >= 10_000


def test_a_region_qualifier_keeps_its_meaning() -> None:
    assert placed("Hythe, Kent").place_id == "geonames:2646316"
    assert placed("Deal, Kent").country == "GB"


# -- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "org_id", "kind"),
    [
        ("CROSS Gris-Nez", "lm-org:cross-gris-nez", "rescue_centre"),
        ("cross gris nez", "lm-org:cross-gris-nez", "rescue_centre"),
        ("MRCC Dover", "lm-org:mrcc-dover", "rescue_centre"),
        ("Dover Coastguard", "lm-org:mrcc-dover", "rescue_centre"),
        ("Préfecture du Pas-de-Calais", "lm-org:prefecture-pas-de-calais", "prefecture"),
        ("SNSM de Calais", "lm-org:snsm-calais", "lifeboat_station"),
        ("Walmer lifeboat", "lm-org:rnli-walmer", "lifeboat_station"),
        ("Border Force", "lm-org:border-force", "border_force"),
    ],
)
def test_organisations_are_named_with_their_kind_never_placed(
    query: str, org_id: str, kind: str
) -> None:
    result = geocode(query)
    assert not result.found and result.organisation
    assert (result.place_id, result.kind) == (org_id, kind)
    assert result.lon is None and result.lat is None and result.location_precision is None
    assert result.reason is not None and "organisation" in result.reason
    assert result.feature()["properties"]["organisation"] is True  # type: ignore[index]


def test_an_organisation_is_not_asked_of_the_online_fallback() -> None:
    asked: list[str] = []

    def fallback(query: str) -> GeocodeResult:
        asked.append(query)
        return GeocodeResult(query, found=False)

    geocode_many(["CROSS Gris-Nez", "Zorbaville"], fallback=fallback)
    assert asked == ["Zorbaville"]


def test_organisation_mentions_find_the_bodies_a_text_names() -> None:
    text = (
        "Le CROSS Gris-Nez a coordonné les secours ; la SNSM de Calais et un hélicoptère sont "
        "intervenus au large du cap Gris-Nez. Dover Coastguard said the PAF had been told."
    )
    found = organisation_mentions(text)
    assert [m.org_id for m in found] == [
        "lm-org:cross-gris-nez",
        "lm-org:snsm-calais",
        "lm-org:mrcc-dover",
        "lm-org:paf",
    ]
    assert (
        [text[m.start : m.end] for m in found]
        == [m.written for m in found]
        == ["Le CROSS Gris-Nez", "SNSM de Calais", "Dover Coastguard", "PAF"]
    )
    assert "cap Gris-Nez" not in {m.written for m in found}  # the cape is a place


@pytest.mark.parametrize(
    "text",
    [
        "They tried to cross the Channel from the dunes.",  # 'cross' is a verb here
        "A crs of people, a paf of smoke.",  # acronyms only in capitals
        "The Eurotunnel site at Coquelles was fenced.",  # a place as well as a company
    ],
)
def test_ordinary_words_and_place_names_are_not_organisations(text: str) -> None:
    assert organisation_mentions(text) == []


# -- distances a report can mean --------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "limit_km"),
    [
        ("10000 km north of Calais", MAX_DIRECTION_M / 1000),
        ("250 km west of Dover", MAX_DIRECTION_M / 1000),
        ("1000 km off Calais", MAX_OFFSHORE_M / 1000),
        ("120 nautical miles off Boulogne", MAX_OFFSHORE_M / 1000),
        ("150 km from Calais", MAX_OFFSHORE_M / 1000),
    ],
)
def test_distances_beyond_the_coast_are_not_found_with_the_reason(
    query: str, limit_km: float
) -> None:
    result = geocode(query)
    assert not result.found
    assert result.lon is None and result.lat is None and result.uncertainty_m is None
    assert result.reason is not None and f"at most {limit_km:,.0f} km" in result.reason


@pytest.mark.parametrize(
    ("query", "km"),
    [("150 km north of Calais", 150.0), ("80 km west of Dover", 80.0), ("a mile off Deal", None)],
)
def test_distances_within_the_bounds_are_placed(query: str, km: float | None) -> None:
    result = placed(query)
    if km is not None:
        origin = placed(query.rsplit(" of ", 1)[1])
        assert km_between(origin, result) == pytest.approx(km, rel=0.01)


@pytest.mark.parametrize(
    ("query", "metres"),
    [
        ("half a mile off Deal", 0.5 * 1_609.344),
        ("two and a half miles off Deal", 2.5 * 1_609.344),
        ("à deux milles nautiques au large de Calais", 2 * 1_852.0),
    ],
)
def test_distances_written_in_words_are_read(query: str, metres: float) -> None:
    from geo.geocode._hints import NO_HINTS
    from geo.geocode._resolve import _parse

    phrase = _parse(query, NO_HINTS).phrase
    assert phrase.kind == "offshore" and phrase.distance_m == pytest.approx(metres)


def test_a_beach_in_a_direction_lies_on_the_shore_that_way() -> None:
    import geopandas as gpd

    from geo.coast import relate_to_coast

    result = placed("a beach north of Boulogne-sur-Mer")
    boulogne = placed("Boulogne-sur-Mer")
    assert result.lat is not None and boulogne.lat is not None and result.lat > boulogne.lat
    point = gpd.GeoSeries(gpd.points_from_xy([result.lon], [result.lat]), crs="EPSG:4326")
    assert abs(relate_to_coast(point)["shore_distance_m"].iloc[0]) < 50


# -- the names a search box shares ------------------------------------------------------------


def test_place_names_give_each_folded_name_the_place_it_names_alone() -> None:
    names = place_names()
    assert names["dunkerque"].place_id == "geonames:3020686"
    assert names["wimereux"].place_id == "geonames:2967351"
    assert names["gris nez"].place_id == "lm:cap-gris-nez"
    assert names["pas de calais"].place_id == "lm:dept-pas-de-calais"
    assert "cross gris nez" not in names  # an organisation: nothing to move a map to


def test_a_plain_name_is_geocoded_without_the_scientific_stack() -> None:
    """``launchmap geocode Calais`` stays quick: no numpy, pandas or coastline for a name."""
    heavy = ("numpy", "pandas", "geopandas", "shapely", "pyproj", "pyogrio")
    probe = (
        "import sys; from geo.geocode import geocode; "
        "assert geocode('Calais').found and geocode('Pas-de-Calais').found; "
        f"print(sorted(name for name in {heavy!r} if name in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


@pytest.mark.parametrize("town", ["Loon-Plage", "Gravelines", "Wimereux"])
def test_off_a_town_without_a_distance_stays_within_reach_of_the_town(town: str) -> None:
    # a town whose centre lies inland: the sea in front of it, not a point far past its shore
    offshore, itself = placed(f"off {town}"), placed(town)
    assert km_between(offshore, itself) <= 4.0 + 0.01
    assert offshore.location_precision is LocationPrecision.AREA


def test_off_a_town_with_a_distance_keeps_the_distance() -> None:
    assert km_between(placed("3 km off Loon-Plage"), placed("Loon-Plage")) > 5.0
