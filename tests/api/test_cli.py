"""The `launchmap` command line, run as a real process: map, import, export, serve."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyogrio
import pytest

from geo.bundled import SAMPLE_INCIDENTS_FILE, bundled_path
from tests.conftest import StoreTarget, launchmap_command

SAMPLE_COUNT = len(json.loads(bundled_path(SAMPLE_INCIDENTS_FILE).read_text("utf-8"))["features"])

GOOD_CSV = """event_type,date,place,lon,lat,people,boats,source_url,source_publisher
launch,2024-03-02,Wissant beach,1.6612,50.8853,48,1,https://example.org/a,Example News
interception,2024-03-03,Équihen-Plage,1.5722,50.6814,,,https://example.org/b,Example News
arrival,2024-03-03,United Kingdom,,,120,3,https://example.org/c,Example News
"""
BAD_CSV = """event_type,date,place,lon,lat,people
launch,2024-03-02,Wissant,1.66,50.88,many
rescue,2024-03-04,Calais,1.85,50.95,12
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*launchmap_command(), *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


@pytest.fixture
def good_csv(tmp_path: Path) -> Path:
    path = tmp_path / "reports.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    return path


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("map", "import", "export", "serve"):
        assert command in result.stdout


HEAVY_MODULES = ("pandas", "geopandas", "shapely", "matplotlib", "folium", "dask", "sklearn")


def test_the_command_line_loads_no_scientific_stack_until_a_command_runs() -> None:
    """Help answers at once because the command modules import the heavy libraries lazily."""
    probe = (
        "import sys, api.cli; "
        f"print(sorted(name for name in {HEAVY_MODULES!r} if name in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


@pytest.mark.parametrize(
    "command",
    ["map", "import", "export", "geocode", "hotspots", "serve", "extract", "eval", "review"],
)
def test_each_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Usage: launchmap {command} [OPTIONS]")


def test_import_then_export_round_trips_and_reimport_adds_nothing(
    tmp_path: Path, good_csv: Path, store_target: StoreTarget
) -> None:
    store = store_target.cli_args
    first = run("import", str(good_csv), *store, "--no-seed", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["added"] == 3 and report["existing"] == 0 and report["total"] == 3
    again = json.loads(run("import", str(good_csv), *store, "--json").stdout)
    assert again["added"] == 0 and again["existing"] == 3 and again["total"] == 3

    out = tmp_path / "out.geojson"
    exported = run("export", "-f", "geojson", "-o", str(out), *store, "--json")
    assert json.loads(exported.stdout) == {"output": str(out), "format": "geojson", "incidents": 3}
    features = json.loads(out.read_text("utf-8"))["features"]
    by_place = {f["properties"]["place_name"]: f for f in features}
    assert by_place["Wissant beach"]["geometry"]["coordinates"] == [1.6612, 50.8853]
    assert by_place["Wissant beach"]["properties"]["people"] == 48
    assert by_place["United Kingdom"]["geometry"] is None
    assert by_place["Équihen-Plage"]["properties"]["sources"][0]["url"] == "https://example.org/b"


@pytest.mark.parametrize("file_format", ["csv", "gpkg", "geojson"])
def test_export_formats_hold_every_seeded_incident(
    tmp_path: Path, file_format: str, store_target: StoreTarget
) -> None:
    out = tmp_path / f"incidents.{file_format}"
    result = run("export", "-f", file_format, "-o", str(out), *store_target.cli_args)
    assert result.returncode == 0, result.stderr
    assert f"Exported {SAMPLE_COUNT} incidents" in result.stdout
    if file_format == "csv":
        with out.open(encoding="utf-8") as handle:
            assert len(list(csv.DictReader(handle))) == SAMPLE_COUNT
    elif file_format == "gpkg":
        assert len(pyogrio.read_dataframe(out, layer="incidents")) == SAMPLE_COUNT
    else:
        assert len(json.loads(out.read_text("utf-8"))["features"]) == SAMPLE_COUNT


def test_a_bad_row_names_file_line_and_value_and_stores_nothing(
    tmp_path: Path, store_target: StoreTarget
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    store = store_target.cli_args
    out = str(tmp_path / "o.geojson")
    before = run("export", "-f", "geojson", "-o", out, *store, "--json")
    assert json.loads(before.stdout)["incidents"] == SAMPLE_COUNT
    result = run("import", str(bad), *store)
    assert result.returncode == 1
    assert "bad.csv, line 2: people" in result.stderr and "'many'" in result.stderr
    after = run("export", "-f", "geojson", "-o", out, *store, "--json")
    assert json.loads(after.stdout)["incidents"] == SAMPLE_COUNT


def test_skip_invalid_imports_the_rest_and_reports_what_was_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    result = run(
        "import",
        str(bad),
        "--skip-invalid",
        "--data-dir",
        str(tmp_path / "s"),
        "--no-seed",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["added"] == 1
    (skipped,) = report["skipped"]
    assert (
        skipped["location"] == "line 2"
        and skipped["field"] == "people"
        and skipped["value"] == "many"
    )
    text = run("import", str(bad), "--skip-invalid", "--data-dir", str(tmp_path / "t"), "--no-seed")
    assert "skipped: " in text.stderr and "line 2" in text.stderr
    assert "Imported 1 new incident" in text.stdout


def test_map_writes_a_standalone_page(tmp_path: Path, good_csv: Path) -> None:
    out = tmp_path / "map.html"
    result = run("map", str(good_csv), "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "output": str(out),
        "incidents": 3,
        "drawn": 2,
        "geocoded": 1,  # "United Kingdom": found at country level, not drawn
        "unresolved": [],
        "skipped": [],
    }
    page = out.read_text("utf-8")
    assert "<script src=" not in page  # Leaflet is inlined: the file works offline
    assert "Wissant beach" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "missing.csv"], "missing.csv"),
        (["import", "reports.txt"], "'.txt'"),
        (["map", "missing.geojson", "-o", "m.html"], "missing.geojson"),
    ],
)
def test_bad_inputs_get_one_clear_error(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "reports.txt").write_text("launch at Calais", encoding="utf-8")
    result = (
        run(*args, "--data-dir", str(tmp_path / "s"), cwd=tmp_path)
        if args[0] == "import"
        else run(*args, cwd=tmp_path)
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_export_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run("export", "-f", "shp", "-o", str(tmp_path / "x.shp"), "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "shp" in result.stderr


def test_serve_refuses_a_store_it_cannot_use(tmp_path: Path) -> None:
    not_a_store = tmp_path / "launchmap.gpkg"
    not_a_store.write_bytes(b"this is not a GeoPackage" * 100)
    result = run("serve", "--data-dir", str(tmp_path), "--port", "1")
    assert result.returncode == 1
    assert str(not_a_store) in result.stderr
    assert not_a_store.read_bytes() == b"this is not a GeoPackage" * 100


PLACES_CSV = """event_type,date,place,people
launch,2024-06-01,Gravelines beach,60
embarkation,2024-06-02,2 km off Wissant,
rescue,2024-06-03,Nowhere-sur-Rien,4
"""


def test_import_geocodes_a_place_column_and_reports_what_it_cannot_place(tmp_path: Path) -> None:
    source = tmp_path / "places.csv"
    source.write_text(PLACES_CSV, encoding="utf-8")
    store = str(tmp_path / "store")
    result = run("import", str(source), "--data-dir", store, "--no-seed", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["added"] == 3 and report["geocoded"] == 2
    (unresolved,) = report["unresolved"]
    assert unresolved["place_name"] == "Nowhere-sur-Rien" and unresolved["candidates"]
    out = tmp_path / "out.geojson"
    run("export", "-f", "geojson", "-o", str(out), "--data-dir", store)
    by_place = {
        f["properties"]["place_name"]: f for f in json.loads(out.read_text("utf-8"))["features"]
    }
    beach = by_place["Gravelines beach"]["properties"]
    assert beach["place_id"] == "lm:plage-de-gravelines" and beach["location_precision"] == "site"
    assert beach["coast_km"] == pytest.approx(31, abs=3) and abs(beach["shore_distance_m"]) < 100
    offshore = by_place["2 km off Wissant"]["properties"]
    assert offshore["shore_distance_m"] > 1000 and offshore["nearest_place"] == "Wissant"
    assert by_place["Nowhere-sur-Rien"]["geometry"] is None
    text = run("import", str(source), "--data-dir", str(tmp_path / "s2"), "--no-seed")
    assert "not placed: 'Nowhere-sur-Rien'" in text.stderr


def test_geocode_prints_a_result_per_query() -> None:
    result = run("geocode", "off Wimereux", "Dunkerque")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.strip().splitlines()
    assert first.startswith("off Wimereux: lat 50.") and "offshore of Wimereux" in first
    assert "Dunkirk (populated place) [geonames:3020686]" in second


def test_geocode_answers_the_coasts_own_places_an_organisation_and_a_region() -> None:
    queries = ["Pointe aux Oies", "dunes de la Slack", "Les Hemmes de Marck", "CROSS Gris-Nez"]
    result = run("geocode", *queries, "Pas-de-Calais")
    assert result.returncode == 0, result.stdout + result.stderr
    oies, slack, hemmes, cross, department = result.stdout.strip().splitlines()
    assert "(site ± 500 m)" in oies and "(point in Wimereux) [lm:pointe-aux-oies]" in oies
    assert "(dunes in Ambleteuse) [lm:dunes-de-la-slack]" in slack
    assert "(hamlet in Marck) [lm:les-hemmes-de-marck]" in hemmes
    assert cross == (
        "CROSS Gris-Nez: organisation (rescue centre) CROSS Gris-Nez [lm-org:cross-gris-nez], "
        "not a place where incidents happen"
    )
    assert (
        "(region ± 70,000 m)" in department and "(department) [lm:dept-pas-de-calais]" in department
    )


def test_geocode_json_is_a_geojson_feature() -> None:
    result = run("geocode", "off Wimereux", "--json")
    feature = json.loads(result.stdout)
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 1.4 < lon < 1.62 and 50.7 < lat < 50.8
    assert feature["properties"]["location_precision"] == "area"
    both = json.loads(run("geocode", "Calais", "Xqzzy", "--json").stdout)
    assert both["type"] == "FeatureCollection" and len(both["features"]) == 2


def test_geocode_not_found_exits_1_with_candidates() -> None:
    result = run("geocode", "Wimerooo-sur-Plage")
    assert result.returncode == 1
    assert "not found" in result.stdout and "closest:" in result.stdout


def test_geocode_refuses_control_characters() -> None:
    result = run("geocode", "Calais\x1b[31m")
    assert result.returncode == 1
    assert "control characters" in result.stdout
