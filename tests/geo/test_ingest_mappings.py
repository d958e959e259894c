"""Other datasets through mappings: the four built-in ones on small files in their formats, and
mappings a user writes (renames, value tables, dates, geometry, splits, rules, extra, strict).

The sample files in ``ingest_samples/`` are invented rows in each dataset's published format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import shapely

from geo.errors import InvalidIncidentError, MappingError, UnsupportedFormatError
from geo.ingest import SERIES_KEY, builtin_mappings, load_mapping, read_with_mapping

SAMPLES = Path(__file__).resolve().parent / "ingest_samples"


def read(name: str, path: Path | None = None, **options: Any) -> Any:
    suffix = ".geojson" if name == "across-the-channel" else ".csv"
    return read_with_mapping(path or SAMPLES / f"{name}{suffix}", load_mapping(name), **options)


def rows(frame: Any) -> dict[str, dict[str, Any]]:
    table = frame.astype(object).where(frame.notna(), None)
    return {row["id"]: row for row in table.to_dict("records")}


# -- the built-in mappings ---------------------------------------------------------------------


def test_builtin_mappings_name_their_dataset_source_and_licence() -> None:
    mappings = {mapping.name: mapping for mapping in builtin_mappings()}
    assert sorted(mappings) == ["acled", "across-the-channel", "iom-mmp", "uk-small-boats"]
    assert "webtrackerxy/across-the-channel" in mappings["across-the-channel"].dataset
    assert "CC BY 4.0" in mappings["iom-mmp"].licence
    assert "Open Government Licence" in mappings["uk-small-boats"].licence
    assert "private" in mappings["acled"].licence
    for mapping in mappings.values():
        assert mapping.source.startswith("https://")


def test_across_the_channel_splits_each_event_into_its_documented_locations() -> None:
    result = read("across-the-channel")
    incidents = rows(result.incidents)
    assert result.records == 4
    assert result.skipped == []
    assert list(incidents) == [
        "atc:EVENT-WISSANT-2025-05-14:departure_area",
        "atc:EVENT-WISSANT-2025-05-14:french_disembarkation",
        "atc:EVENT-SANGATTE-2025-06-02:launch_site",
        "atc:EVENT-SANGATTE-2025-06-02:passenger_pickup_site",
        "atc:EVENT-SANGATTE-2025-06-02:uk_reception_area",
        "atc:EVENT-LE-PORTEL-2025-08-21:rescue_location",
        "atc:EVENT-OPALE-COAST-2025:departure_area",
    ]
    kinds = {
        key.split(":", 2)[2]: (row["event_type"], row["location_role"])
        for key, row in incidents.items()
    }
    assert kinds == {
        "departure_area": ("launch", "departure"),
        "french_disembarkation": ("rescue", "disembarkation"),
        "launch_site": ("launch", "departure"),
        "passenger_pickup_site": ("embarkation", "pickup"),
        "uk_reception_area": ("interception", "interception"),
        "rescue_location": ("rescue", "rescue"),
    }
    launch = incidents["atc:EVENT-WISSANT-2025-05-14:departure_area"]
    landing = incidents["atc:EVENT-WISSANT-2025-05-14:french_disembarkation"]
    assert launch["geometry"] == shapely.Point(1.6625, 50.8861)
    assert landing["geometry"] == shapely.Point(1.5985, 50.7265)
    assert (launch["location_precision"], launch["uncertainty_m"]) == ("area", 5000.0)
    assert (landing["location_precision"], landing["uncertainty_m"]) == ("locality", 3000.0)
    assert launch["place_name"] == "Secteur de Wissant (62)"
    assert launch["people"] == landing["people"] == 52
    for row in (launch, landing):
        assert row["extra"]["id"] == "EVENT-WISSANT-2025-05-14"
        assert row["extra"]["event_type"] == "departure_reported_then_french_rescue"
        assert [s["url"] for s in row["sources"]] == [
            "https://example.org/notices/2025-05-14-wissant"
        ]
        assert row["sources"][0]["published"] == "2025-05-15"
        assert row["sources"][0]["quote"] == "Test notice, paragraph 2"
    assert launch["extra"]["location"]["geometry_source"].startswith("Test fixture")
    assert "documented_locations" not in launch["extra"]
    assert "evidence" not in launch["extra"]


def test_across_the_channel_dates_ranges_and_missing_positions() -> None:
    incidents = rows(read("across-the-channel").incidents)
    pickup = incidents["atc:EVENT-SANGATTE-2025-06-02:passenger_pickup_site"]
    assert (pickup["date"], pickup["date_precision"]) == ("2025-06-02", "week")
    assert pickup["extra"]["location"]["note"].startswith("Pickup is a day after")
    reception = incidents["atc:EVENT-SANGATTE-2025-06-02:uk_reception_area"]
    assert reception["geometry"] is None
    assert reception["country"] == "GB"
    assert reception["location_precision"] is None  # left for the geocoder, by its name
    assert len(reception["sources"]) == 2
    pattern = incidents["atc:EVENT-OPALE-COAST-2025:departure_area"]
    assert pattern["date"] is None
    assert pattern["date_precision"] is None
    rescue = incidents["atc:EVENT-LE-PORTEL-2025-08-21:rescue_location"]
    assert (rescue["location_precision"], rescue["uncertainty_m"]) == ("exact", 1000.0)


def test_across_the_channel_bodies_sighted_are_a_death_found(tmp_path: Path) -> None:
    def located(role: str, name: str) -> dict[str, Any]:
        return {
            "role": role,
            "name": name,
            "location_precision": "exact_coordinates",
            "uncertainty_km": 1,
            "coordinates": [1.72, 51.09],
        }

    event = {
        "type": "Feature",
        "id": "EVENT-TEST-2024",
        "geometry": None,
        "properties": {
            "id": "EVENT-TEST-2024",
            "event_date": "2024-02-03",
            "date_precision": "day",
            "documented_locations": [
                located("observed_position", "Two bodies seen from a trawler"),
                located("observed_position", "Boat found adrift, people aboard"),
            ],
            "evidence": [],
        },
    }
    path = tmp_path / "events.geojson"
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": [event]}), encoding="utf-8"
    )
    frame = read("across-the-channel", path).incidents
    assert frame[["event_type", "location_role"]].values.tolist() == [
        ["death", "found"],
        ["rescue", "rescue"],
    ]


def test_iom_keeps_the_channel_route_and_counts_the_others() -> None:
    result = read("iom-mmp")
    incidents = rows(result.incidents)
    assert result.records == 9
    assert result.filtered == {"not on the English Channel to the UK route": 4}
    assert list(incidents) == [f"iom-mmp:2025.MMP010{n}" for n in range(1, 6)]
    assert {row["event_type"] for row in incidents.values()} == {"death"}
    sea = incidents["iom-mmp:2025.MMP0101"]
    assert sea["geometry"] == shapely.Point(1.5894, 50.7731)  # "lat, lon" read in that order
    assert (sea["people"], sea["country"], sea["date"]) == (3, "FR", "2025-03-11")
    assert [s["url"] for s in sea["sources"]] == [
        "https://example.org/mmp/2025-0101",
        "https://missingmigrants.iom.int/downloads",
    ]
    assert sea["extra"]["Number of Dead"] == "2"
    assert sea["extra"]["Migration Route"] == "English Channel to the UK"
    assert incidents["iom-mmp:2025.MMP0102"]["location_role"] == "found"
    assert incidents["iom-mmp:2025.MMP0102"]["sources"][0]["url"] is None
    split = incidents["iom-mmp:2025.MMP0104"]
    assert split["country"] == "GB"
    assert split["extra"]["Source Quality"] == "1,5"
    coarse = incidents["iom-mmp:2025.MMP0105"]
    assert (coarse["location_precision"], coarse["uncertainty_m"]) == ("region", 50000.0)
    assert coarse["place_name"] == 'Near the "Old Dunes" informal camp, Calais, France'


def test_acled_precisions_countries_and_outlets() -> None:
    result = read("acled")
    incidents = rows(result.incidents)
    assert result.filtered == {
        "outside the mapped countries (ISO 3166 numeric code not 250, 826, 56 or 528)": 1
    }
    assert len(incidents) == 6
    arrest = incidents["acled:FRA90001"]
    assert (arrest["event_type"], arrest["location_precision"], arrest["uncertainty_m"]) == (
        "interception",
        "locality",
        3000.0,
    )
    assert arrest["geometry"] == shapely.Point(1.611, 50.769)
    vigil = incidents["acled:FRA90003"]
    assert (vigil["event_type"], vigil["date_precision"]) == ("other", "week")
    punctured = incidents["acled:FRA90004"]
    assert (punctured["date_precision"], punctured["location_precision"]) == ("month", "region")
    shooting = incidents["acled:FRA90002"]
    assert (shooting["event_type"], shooting["people"]) == ("death", 1)
    assert [s["publisher"] for s in shooting["sources"]] == [
        "Test Daily B",
        "Test Radio C",
        "ACLED",
    ]
    assert "source" not in shooting["extra"]
    assert incidents["acled:GBR90001"]["country"] == "GB"
    assert incidents["acled:BEL90001"]["country"] == "BE"


def test_acled_with_a_bom_and_written_out_dates(tmp_path: Path) -> None:
    text = (
        (SAMPLES / "acled.csv").read_text(encoding="utf-8").replace(",2025-05-14,", ",14 May 2025,")
    )
    path = tmp_path / "export.csv"
    path.write_text("\ufeff" + text, encoding="utf-8")
    incidents = rows(read("acled", path).incidents)
    assert incidents["acled:FRA90001"]["date"] == "2025-05-14"


def test_uk_small_boats_is_a_country_level_daily_series() -> None:
    result = read("uk-small-boats")
    incidents = rows(result.incidents)
    assert result.filtered == {"no arrivals detected that day": 3}
    assert list(incidents) == [
        "uk-small-boats:2025-06-11",
        "uk-small-boats:2025-06-12",
        "uk-small-boats:2025-06-13",
        "uk-small-boats:2025-06-15",
    ]
    assert [row["people"] for row in incidents.values()] == [187, 1071, 402, 64]
    assert [row["boats"] for row in incidents.values()] == [3, 16, 7, 1]
    for row in incidents.values():
        assert row["geometry"] is None
        assert (row["country"], row["location_precision"]) == ("GB", "country")
        assert row["extra"][SERIES_KEY] == {
            "name": "uk-small-boats",
            "period": "day",
            "measures": ["people", "boats"],
        }
    note = incidents["uk-small-boats:2025-06-13"]["extra"]["Notes"]
    assert note.endswith("(test note)")
    assert (
        incidents["uk-small-boats:2025-06-12"]["extra"][
            "Boats arrived - involved in uncontrolled landings"
        ]
        == "1"
    )


@pytest.mark.parametrize("name", ["across-the-channel", "iom-mmp", "acled", "uk-small-boats"])
def test_reading_twice_gives_the_same_incidents(name: str) -> None:
    first, second = read(name).incidents, read(name).incidents
    assert first["id"].is_unique
    pd.testing.assert_frame_equal(first, second)


# -- strict, extra and the file's shape ---------------------------------------------------------


def test_strict_refuses_the_columns_a_mapping_does_not_read(tmp_path: Path) -> None:
    text = (SAMPLES / "uk-small-boats.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[0] += ",Checked by"
    path = tmp_path / "series.csv"
    path.write_text(
        "\n".join(line if i == 0 else line + ",x" for i, line in enumerate(lines)) + "\n"
    )
    with pytest.raises(InvalidIncidentError) as caught:
        read("uk-small-boats", path, strict=True)
    assert [p.field for p in caught.value.problems] == [
        "Boats arrived - involved in uncontrolled landings",
        "Notes",
        "Checked by",
    ]
    kept = read("uk-small-boats", path).incidents["extra"].iloc[0]
    assert kept["Checked by"] == "x"


def test_strict_refuses_unread_geojson_properties_per_feature() -> None:
    with pytest.raises(InvalidIncidentError) as caught:
        read("across-the-channel", strict=True, skip_invalid=False)
    assert caught.value.problems[0].location == "feature 1"
    assert "does not read it" in caught.value.problems[0].message


def test_a_semicolon_file_of_the_mapping_reads(tmp_path: Path) -> None:
    text = (SAMPLES / "uk-small-boats.csv").read_text(encoding="utf-8")
    path = tmp_path / "series.csv"
    path.write_text(text.replace(',"1,071",', ";1071;").replace(",", ";"), encoding="utf-8")
    incidents = read("uk-small-boats", path).incidents
    assert incidents["people"].tolist() == [187, 1071, 402, 64]


def test_a_file_without_the_mapping_s_columns_names_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("day|people\n2025-01-01|4\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as caught:
        read("uk-small-boats", path)
    message = str(caught.value)
    assert "vertical bar-separated" in message
    assert "'day', 'people'" in message
    assert "Migrants arrived" in message


def test_a_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "series.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(MappingError, match="reads csv files, not geojson"):
        read("uk-small-boats", path)


def test_a_value_missing_from_a_table_is_named(tmp_path: Path) -> None:
    text = (SAMPLES / "acled.csv").read_text(encoding="utf-8").replace(",2025,1,", ",2025,4,", 1)
    path = tmp_path / "acled.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidIncidentError) as caught:
        read("acled", path)
    [problem] = caught.value.problems
    assert (problem.location, problem.field, problem.value) == ("line 2", "date_precision", "4")
    assert "'1', '2', '3'" in problem.message


def test_a_date_in_another_format_is_named(tmp_path: Path) -> None:
    text = (
        (SAMPLES / "uk-small-boats.csv")
        .read_text(encoding="utf-8")
        .replace("11/06/2025", "June 11")
    )
    path = tmp_path / "series.csv"
    path.write_text(text, encoding="utf-8")
    result = read("uk-small-boats", path, skip_invalid=True)
    [problem] = result.skipped
    assert (problem.location, problem.field, problem.value) == ("line 4", "id", "June 11")
    assert "%d/%m/%Y" in problem.message
    assert len(result.incidents) == 3


# -- mappings a user writes ------------------------------------------------------------------


MY_MAPPING = """
name = "my-sheet"
title = "A newsroom's own sheet"
dataset = "sheet.csv"
source = "https://example.org/sheet"
licence = "ours"

[fields]
id = { from = "Ref", prefix = "sheet:" }
event_type = { from = "What", table = "kinds" }
date = { from = "When", date_formats = ["%d.%m.%Y"] }
place_name = { from = ["Beach", "Town"] }
people = { from = "Aboard", thousands = " " }
description = { template = "{What} seen by {Witness}" }

[geometry]
text = "Position"
order = "latlon"

[[sources]]
url = { from = "Link" }
publisher = "Our desk"

[tables.kinds]
departure = "launch"
"taken off the beach" = "interception"
"*" = "other"

[[rules]]
when = { "Position" = { missing = true } }
set = { location_precision = "locality" }

[[rules]]
when = { "What" = { matches = "(?i)test" } }
skip = "a test row"
"""


def test_a_users_mapping_renames_tables_dates_geometry_and_rules(tmp_path: Path) -> None:
    mapping_path = tmp_path / "mine.toml"
    mapping_path.write_text(MY_MAPPING, encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Ref,What,When,Beach,Town,Aboard,Position,Link,Witness,Colour\n"
        '7,Departure,03.05.2025,,Wissant,1 200,"50.886, 1.662",https://example.org/7,a walker,'
        "grey\n"
        "8,taken off the beach,04.05.2025,Plage du Châtelet,Calais,12,,,police,\n"
        "9,test row,05.05.2025,,,,,,,\n"
        "10,sunk,06.05.2025,,Dover,,,,,\n",
        encoding="utf-8",
    )
    result = read_with_mapping(sheet, load_mapping(mapping_path))
    incidents = rows(result.incidents)
    assert result.filtered == {"a test row": 1}
    first = incidents["sheet:7"]
    assert (first["event_type"], first["date"], first["place_name"]) == (
        "launch",
        "2025-05-03",
        "Wissant",
    )
    assert first["people"] == 1200
    assert first["geometry"] == shapely.Point(1.662, 50.886)
    assert first["description"] == "Departure seen by a walker"
    assert first["sources"][0]["url"] == "https://example.org/7"
    assert first["extra"] == {"Colour": "grey"}
    second = incidents["sheet:8"]
    assert (second["event_type"], second["place_name"]) == ("interception", "Plage du Châtelet")
    assert second["location_precision"] == "locality"
    assert second["extra"] == {"Town": "Calais"}
    assert incidents["sheet:10"]["event_type"] == "other"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (('publisher = "Our desk"', 'publisher = "Our desk"\nbadge = 1'), "badge"),
        (('table = "kinds"', 'table = "sorts"'), "no table named 'sorts'"),
        (("(?i)test", "(unclosed"), "not a regular expression"),
        (("people = {", "crew = {"), "'crew' is not an incident field"),
        (
            ('id = { from = "Ref", prefix = "sheet:" }', 'id = { from = "Ref", value = "x" }'),
            "exactly one",
        ),
        (('name = "my-sheet"', 'name = "my-sheet"\nname = "again"'), "not a readable TOML file"),
    ],
)
def test_a_bad_mapping_file_is_named(tmp_path: Path, change: tuple[str, str], named: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(MY_MAPPING.replace(*change, 1), encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    assert "broken.toml" in str(caught.value)
    assert named in str(caught.value)


def test_an_unknown_mapping_name_lists_the_built_in_ones() -> None:
    with pytest.raises(MappingError, match="acled, across-the-channel, iom-mmp, uk-small-boats"):
        load_mapping("no-such-mapping")
