"""`launchmap import --mapping`, `launchmap mappings`, extra served back, and CSV exports that a
spreadsheet cannot run as formulas (`launchmap export -f csv`, `/export?f=csv`, `items?f=csv`)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import StoreTarget, launchmap_command

SAMPLES = Path(__file__).resolve().parent.parent / "geo" / "ingest_samples"
FORMULA = '=HYPERLINK("https://evil.example","open me")'


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*launchmap_command(), *args], capture_output=True, text=True, timeout=180
    )


def test_import_with_a_mapping_stores_every_event_and_reimport_adds_nothing(
    tmp_path: Path, store_target: StoreTarget
) -> None:
    store = [*store_target.cli_args, "--no-seed"]
    path = str(SAMPLES / "across-the-channel.geojson")
    first = run("import", path, "--mapping", "across-the-channel", *store, "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert (report["records"], report["added"], report["total"]) == (4, 7, 7)
    assert report["by_type"] == {"launch": 3, "rescue": 2, "embarkation": 1, "interception": 1}
    assert "claim_ids" in report["extra_columns"]
    again = json.loads(
        run("import", path, "--mapping", "across-the-channel", *store, "--json").stdout
    )
    assert (again["added"], again["existing"], again["total"]) == (0, 7, 7)

    with TestClient(create_app(Settings(**store_target.settings))) as client:
        served = client.get(
            "/collections/incidents/items/atc:EVENT-WISSANT-2025-05-14:departure_area"
        )
    assert served.status_code == 200
    assert served.json()["properties"]["extra"]["vessel_info"] == "Inflatable, about 9 m"

    out = tmp_path / "out.geojson"
    assert run("export", "-f", "geojson", "-o", str(out), *store).returncode == 0
    features = {f["id"]: f for f in json.loads(out.read_text("utf-8"))["features"]}
    landing = features["atc:EVENT-WISSANT-2025-05-14:french_disembarkation"]["properties"]
    assert landing["extra"]["id"] == "EVENT-WISSANT-2025-05-14"
    assert landing["extra"]["classification"] == "DOCUMENTED_EVENT"
    assert landing["sources"][0]["url"] == "https://example.org/notices/2025-05-14-wissant"


def test_import_reports_the_records_a_mapping_leaves_out(tmp_path: Path) -> None:
    store = ["--data-dir", str(tmp_path / "store"), "--no-seed"]
    result = run("import", str(SAMPLES / "iom-mmp.csv"), "--mapping", "iom-mmp", *store)
    assert result.returncode == 0, result.stderr
    assert "Imported 5 new incidents" in result.stdout
    assert "4 records left out: not on the English Channel to the UK route" in result.stdout


def test_import_strict_refuses_what_no_field_takes_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text("event_type,date,Checked by\nlaunch,2024-05-01,desk\n", encoding="utf-8")
    store = ["--data-dir", str(tmp_path / "store"), "--no-seed"]
    refused = run("import", str(path), "--strict", *store)
    assert refused.returncode == 1
    assert "reports.csv, header: Checked by" in refused.stderr
    assert "Traceback" not in refused.stderr
    kept = run("import", str(path), *store, "--json")
    assert json.loads(kept.stdout)["extra_columns"] == ["Checked by"]


def test_import_with_an_unknown_mapping_is_one_clear_error(tmp_path: Path) -> None:
    result = run(
        "import", str(SAMPLES / "acled.csv"), "--mapping", "nope", "--data-dir", str(tmp_path)
    )
    assert result.returncode == 1
    assert "no mapping named 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_mappings_lists_each_with_its_source_and_licence() -> None:
    result = run("mappings", "--json")
    assert result.returncode == 0, result.stderr
    listed = {m["name"]: m for m in json.loads(result.stdout)}
    assert sorted(listed) == ["acled", "across-the-channel", "iom-mmp", "uk-small-boats"]
    assert listed["iom-mmp"]["source"] == "https://missingmigrants.iom.int/downloads"
    assert listed["uk-small-boats"]["formats"] == ["csv"]
    text = run("mappings").stdout
    assert "licence: CC BY 4.0" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["huge.csv"], "huge.csv, line 3: a cell longer than 131,072 characters"),
        (["deep.geojson"], "deep.geojson, line 2: JSON nested more than 512 levels deep"),
        (["semi.csv"], "no event_type column (read as semicolon-separated"),
    ],
)
def test_hostile_files_get_a_named_error_not_a_traceback(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "huge.csv").write_text(
        "event_type,description\nlaunch,a\nlaunch," + "x" * 1_000_000
    )
    (tmp_path / "deep.geojson").write_text(
        '{"type": "FeatureCollection",\n"features": ' + "[" * 10_000
    )
    (tmp_path / "semi.csv").write_text("kind;when\nlaunch;2024-01-01\n")
    result = run("import", str(tmp_path / args[0]), "--data-dir", str(tmp_path / "store"))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# -- CSV injection ----------------------------------------------------------------------------


def _store_a_formula(target: StoreTarget) -> None:
    from geo.model import Incident, incidents_to_frame

    store = target.open(seed=False)
    try:
        incident = {"id": "formula-1", "event_type": "launch", "place_name": FORMULA}
        store.add(
            incidents_to_frame([Incident.model_validate(incident | {"lon": -1.5, "lat": 50.0})])
        )
    finally:
        store.close()


def _cells(text: str) -> dict[str, str]:
    [row] = list(csv.DictReader(io.StringIO(text)))
    return row


def test_csv_exports_neutralise_formulas_everywhere(
    tmp_path: Path, store_target: StoreTarget
) -> None:
    _store_a_formula(store_target)
    out = tmp_path / "out.csv"
    assert run("export", "-f", "csv", "-o", str(out), *store_target.cli_args).returncode == 0
    exported = _cells(out.read_text("utf-8"))
    assert exported["place_name"] == "'" + FORMULA
    assert exported["lon"] == "-1.5"
    with TestClient(create_app(Settings(**store_target.settings))) as client:
        for url in ("/export?f=csv", "/collections/incidents/items?f=csv"):
            response = client.get(url)
            assert response.status_code == 200
            assert _cells(response.text)["place_name"] == "'" + FORMULA, url
