"""POST /extract behind the write token; the `launchmap extract` and `launchmap eval` commands."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import extract
from api.app import create_app
from api.settings import Settings
from tests.conftest import StoreTarget, launchmap_command

TOKEN = "secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = (
    "<p>Coastguards rescued 26 people off Wimereux on Tuesday.</p>"
    "<p>French police intercepted 31 migrants on the beach at Sangatte on Wednesday.</p>"
    "<script>document.write('rescued 90 people off Dunkirk on Monday')</script>"
)


@pytest.fixture
def client(store_target: StoreTarget) -> Iterator[TestClient]:
    settings = Settings(**store_target.settings, write_tokens=[TOKEN], seed=False)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _post(client: TestClient, body: dict[str, Any], **kwargs: Any) -> Any:
    return client.post("/extract", json=body, headers=AUTH, **kwargs)


def test_extract_answers_candidate_incidents_as_geojson(client: TestClient) -> None:
    response = _post(
        client,
        {"text": REPORT, "url": "https://news.example.org/x", "published": "2024-03-14"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["stored"] == 0
    by_type = {f["properties"]["event_type"]: f for f in body["features"]}
    assert set(by_type) == {"rescue", "interception"}
    rescue = by_type["rescue"]["properties"]
    assert (rescue["date"], rescue["people"], rescue["location_role"]) == (
        "2024-03-12",
        26,
        "rescue",
    )
    assert rescue["shore_distance_m"] > 0  # related to the coast: at sea
    assert rescue["sources"][0]["url"] == "https://news.example.org/x"
    assert by_type["interception"]["geometry"]["type"] == "Point"


def test_extract_stores_only_when_asked(client: TestClient) -> None:
    body = {"text": REPORT, "published": "2024-03-14"}
    assert _post(client, body).json()["stored"] == 0
    assert client.get("/collections/incidents/items").json()["numberMatched"] == 0
    stored = _post(client, body | {"store": True}).json()
    assert stored["stored"] == 2
    items = client.get("/collections/incidents/items").json()
    assert items["numberMatched"] == 2
    assert {f["id"] for f in items["features"]} == {f["id"] for f in stored["features"]}
    assert _post(client, body | {"store": True}).json()["stored"] == 0  # already stored


def test_extract_needs_the_write_token(client: TestClient) -> None:
    missing = client.post("/extract", json={"text": REPORT})
    assert missing.status_code == 401
    assert missing.headers["content-type"].startswith("application/problem+json")
    wrong = client.post("/extract", json={"text": REPORT}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401


def test_extract_on_a_read_only_api_is_forbidden(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "store", seed=False)
    with TestClient(create_app(settings)) as client:
        response = client.post("/extract", json={"text": REPORT}, headers=AUTH)
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({}, "text"),
        ({"text": 42}, "text"),
        ({"text": "x", "published": "14/03/2024"}, "published"),
        ({"text": "x", "url": "ftp://example.org/x"}, "url"),
        ({"text": "x", "store": "maybe"}, "store"),
        ({"text": "x", "language": "fr"}, "language"),
    ],
)
def test_bad_bodies_are_problems_naming_the_field(
    client: TestClient, body: dict[str, Any], named: str
) -> None:
    response = _post(client, body)
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert named in response.json()["detail"]


def test_text_over_the_limit_is_413_naming_its_size(client: TestClient) -> None:
    response = _post(client, {"text": "a" * (extract.MAX_TEXT_CHARS + 1)})
    assert response.status_code == 413
    assert "1,000,001 characters is too long" in response.json()["detail"]


def test_text_without_incident_is_an_empty_collection(client: TestClient) -> None:
    body = _post(client, {"text": "The sailing club met on Tuesday."}).json()
    assert body == {"type": "FeatureCollection", "features": [], "stored": 0}


# -- the command line --------------------------------------------------------------------


def run(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*launchmap_command(), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "URL: https://news.example.org/one\nPUBLISHED: 2024-03-14\n\n"
        "Coastguards rescued 26 people off Wimereux on Tuesday.\n",
        encoding="utf-8",
    )
    (folder / "two.txt").write_text(
        "URL: https://journal.example.fr/deux\nPUBLISHED: 2024-03-14\n\n"
        "Mardi, 26 migrants ont été secourus au large de Wimereux.\n",
        encoding="utf-8",
    )
    (folder / "three.html").write_text(
        "<p>Gendarmes intercepted 12 people on the beach at Wissant on Friday.</p>",
        encoding="utf-8",
    )
    return folder


def test_cli_extract_prints_geojson_and_merges_agreeing_reports(reports: Path) -> None:
    single = run("extract", str(reports / "three.html"), "--published", "2024-03-14", "--json")
    assert single.returncode == 0, single.stderr
    (feature,) = json.loads(single.stdout)["features"]
    assert feature["properties"]["date"] == "2024-03-08"
    assert feature["properties"]["event_type"] == "interception"
    both = run("extract", str(reports), "--json")
    assert both.returncode == 0, both.stderr
    collection = json.loads(both.stdout)
    assert collection["type"] == "FeatureCollection"
    rescue, interception = collection["features"]
    assert {s["url"] for s in rescue["properties"]["sources"]} == {
        "https://news.example.org/one",
        "https://journal.example.fr/deux",
    }
    assert interception["properties"]["date"] is None  # no publication date to resolve Friday
    table = run("extract", str(reports))
    assert "Extracted 2 incidents from 3 reports." in table.stdout


def test_cli_extract_imports_into_the_store(reports: Path, store_target: StoreTarget) -> None:
    store = str(store_target.data_dir)
    first = run(
        "extract",
        str(reports / "one.txt"),
        "--import",
        "--data-dir",
        store,
        "--no-seed",
        env=store_target.env,
    )
    assert first.returncode == 0, first.stderr
    assert "stored 1 new incident" in first.stdout
    again = run(
        "extract",
        str(reports / "one.txt"),
        "--import",
        "--data-dir",
        store,
        "--json",
        env=store_target.env,
    )
    assert json.loads(again.stdout)["existing"] == 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--published", "2024-13-40"], "'2024-13-40'"),
        (["--url", "not-a-url"], "'not-a-url'"),
    ],
)
def test_cli_extract_names_bad_options(reports: Path, args: list[str], named: str) -> None:
    result = run("extract", str(reports / "one.txt"), *args)
    assert result.returncode == 1
    assert named in result.stderr


def test_cli_extract_refuses_single_file_options_for_a_folder(reports: Path) -> None:
    result = run("extract", str(reports), "--published", "2024-03-14")
    assert result.returncode == 1 and "is a folder" in result.stderr


def test_cli_eval_prints_the_figures(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "PUBLISHED: 2024-03-14\n\nCoastguards rescued 26 people off Wimereux on Tuesday.\n",
        encoding="utf-8",
    )
    gold = {
        "incidents": [
            {
                "event_type": "rescue",
                "country": "FR",
                "lon": 1.61139,
                "lat": 50.76963,
                "date": "2024-03-12",
                "people": 26,
            }
        ]
    }
    (corpus / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    text = run("eval", str(corpus))
    assert text.returncode == 0, text.stderr
    assert "precision 1.000, recall 1.000, F1 1.000" in text.stdout
    figures = json.loads(run("eval", str(corpus), "--json").stdout)
    assert (figures["matched"], figures["gold"], figures["extracted"]) == (1, 1, 1)
    assert figures["date_share"] == 1.0 and figures["people_share"] == 1.0
    assert figures["documents"][0]["document"] == "a"
    missing = run("eval", str(tmp_path / "nowhere"))
    assert missing.returncode != 0


def test_cli_eval_scores_corpora_together_and_lists_errors(tmp_path: Path) -> None:
    placed = {"event_type": "rescue", "country": "FR", "lon": 1.61139, "lat": 50.76963}
    placed |= {"date": "2024-03-12", "people": 30}  # the right day, four people too few
    for name, text, gold in (
        ("one", "Coastguards rescued 26 people off Wimereux on Tuesday.", [placed]),
        ("two", "On Tuesday 14 people were intercepted on the beach at Sangatte.", []),
    ):
        corpus = tmp_path / name
        corpus.mkdir()
        (corpus / "a.txt").write_text(f"PUBLISHED: 2024-03-14\n\n{text}\n", encoding="utf-8")
        (corpus / "a.gold.json").write_text(json.dumps({"incidents": gold}), encoding="utf-8")
    both = [str(tmp_path / "one"), str(tmp_path / "two")]
    figures = json.loads(run("eval", *both, "--json", "--errors").stdout)
    assert (figures["matched"], figures["gold"], figures["extracted"]) == (1, 1, 2)
    assert [d["document"] for d in figures["documents"]] == ["one/a", "two/a"]
    (unmatched,) = figures["documents"][1]["errors"]["unmatched"]
    assert unmatched["event_type"] == "interception"
    assert unmatched["sentence"].startswith("On Tuesday 14 people were intercepted")
    assert sum(row["extracted"] for row in figures["calibration"]) == 2
    (wrong,) = figures["documents"][0]["errors"]["wrong"]
    assert wrong["wrong"] == ["people"]
    assert (wrong["gold"]["people"], wrong["extracted"]["people"]) == (30, 26)
    assert wrong["extracted"]["sentence"].startswith("Coastguards rescued 26 people")
    assert figures["documents"][1]["errors"]["wrong"] == []
    text = run("eval", *both, "--errors").stdout
    assert "two/a" in text and "unmatched interception" in text
    assert "wrong people" in text and "extracted rescue at off Wimereux" in text
    assert "sentence: On Tuesday 14 people were intercepted on the beach at Sangatte." in text
    assert "Confidence calibration" in text
    assert run("eval", both[0], both[0]).returncode == 1  # a corpus named twice
