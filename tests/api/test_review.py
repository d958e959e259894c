"""Reviewing extracted incidents: candidates in, accepted or rejected by a person.

Through the HTTP API of a real server (filter by review status, PATCH with
the write token) and through the command line (``launchmap review`` with
answers on standard input or flags, ``export --review-status``), on both
stores.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

import httpx
import pytest

from tests.conftest import StoreTarget, launchmap_command, serve_launchmap

TOKEN = "review-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = (
    "PUBLISHED: 2024-03-14\n\n"
    "On Tuesday coastguards rescued 26 people off Wimereux.\n"
    "On Wednesday French police intercepted 31 migrants on the beach at Sangatte.\n"
)


def run(
    *args: str, env: Mapping[str, str] | None = None, answers: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*launchmap_command(), *args],
        capture_output=True,
        text=True,
        timeout=180,
        input=answers,
        env={**os.environ, **(env or {})},
    )


def _matched(client: httpx.Client, status: str) -> int:
    answer = client.get(
        "/collections/incidents/items", params={"review_status": status, "limit": 1}
    )
    assert answer.status_code == 200, answer.text
    return int(answer.json()["numberMatched"])


def _items(client: httpx.Client, status: str) -> list[dict[str, object]]:
    answer = client.get("/collections/incidents/items", params={"review_status": status})
    assert answer.status_code == 200, answer.text
    features: list[dict[str, object]] = answer.json()["features"]
    return features


def test_api_filters_by_review_status_and_a_token_write_sets_it(tmp_path: Path) -> None:
    env = {"LAUNCHMAP_WRITE_TOKENS": json.dumps([TOKEN])}
    # The first extraction loads the extractor (its patterns take seconds on a busy machine).
    with (
        serve_launchmap(tmp_path, env=env) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        stored = client.post(
            "/extract",
            json={"text": REPORT.split("\n\n", 1)[1], "published": "2024-03-14", "store": True},
            headers=AUTH,
        )
        assert stored.status_code == 200, stored.text
        assert stored.json()["stored"] == 2
        candidates = _items(client, "candidate")
        assert len(candidates) == 2
        assert all(0 < f["properties"]["confidence"] <= 1 for f in candidates)  # type: ignore[index]
        seeded = _matched(client, "accepted")
        assert seeded > 0  # the bundled sample incidents were checked by hand
        assert _matched(client, "none") == 0

        first = str(candidates[0]["id"])
        path = f"/collections/incidents/items/{first}"
        assert (
            client.patch(path, json={"properties": {"review_status": "accepted"}}).status_code
            == 401
        )
        refused = client.patch(path, json={"properties": {"review_status": "maybe"}}, headers=AUTH)
        assert refused.status_code == 422
        assert "maybe" in refused.text
        accepted = client.patch(
            path, json={"properties": {"review_status": "accepted"}}, headers=AUTH
        )
        assert accepted.status_code == 200
        assert accepted.json()["properties"]["review_status"] == "accepted"

        assert _matched(client, "accepted") == seeded + 1
        assert first not in {f["id"] for f in _items(client, "candidate")}
        assert len(_items(client, "candidate")) == 1
        assert _matched(client, "accepted,none") == seeded + 1
        bad = client.get("/collections/incidents/items", params={"review_status": "unsure"})
        assert bad.status_code == 400 and "unsure" in bad.text


@pytest.fixture
def store_with_candidates(tmp_path: Path, store_target: StoreTarget) -> list[str]:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    imported = run("extract", str(report), "--import", *store_target.cli_args, env=store_target.env)
    assert imported.returncode == 0, imported.stderr
    listed = run("review", "--json", *store_target.cli_args, env=store_target.env)
    assert listed.returncode == 0, listed.stderr
    features = json.loads(listed.stdout)["features"]
    assert len(features) == 2
    return [feature["id"] for feature in features]


def test_cli_review_reads_answers_from_standard_input(
    store_with_candidates: list[str], store_target: StoreTarget
) -> None:
    store = [*store_target.cli_args]
    listed = run("review", "--list", *store, env=store_target.env)
    assert "“On Tuesday coastguards rescued 26 people off Wimereux.”" in listed.stdout
    assert "2 candidates." in listed.stdout

    # An unknown answer is asked again; the first is accepted, the second rejected.
    reviewed = run("review", *store, env=store_target.env, answers="maybe\na\nr\n")
    assert reviewed.returncode == 0, reviewed.stderr
    assert "'maybe' is not an answer." in reviewed.stdout
    assert "Reviewed 2 incidents" in reviewed.stdout and "1 accepted, 1 rejected" in reviewed.stdout
    assert (
        json.loads(run("review", "--json", *store, env=store_target.env).stdout)["features"] == []
    )

    exported = store_target.data_dir.parent / "accepted.geojson"
    result = run(
        "export",
        "-f",
        "geojson",
        "-o",
        str(exported),
        "--review-status",
        "accepted",
        *store,
        env=store_target.env,
    )
    assert result.returncode == 0, result.stderr
    features = json.loads(exported.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["review_status"] for f in features} == {"accepted"}
    exported_ids = {f["id"] for f in features}
    accepted_id, rejected_id = store_with_candidates
    assert accepted_id in exported_ids and rejected_id not in exported_ids


def test_cli_review_stops_at_the_end_of_input_keeping_what_was_answered(
    store_with_candidates: list[str], store_target: StoreTarget
) -> None:
    store = [*store_target.cli_args]
    reviewed = run("review", *store, env=store_target.env, answers="r\n")
    assert "Reviewed 1 incident" in reviewed.stdout
    left = json.loads(run("review", "--json", *store, env=store_target.env).stdout)["features"]
    assert len(left) == 1


def test_cli_review_by_flags_and_its_errors_name_the_id(
    store_with_candidates: list[str], store_target: StoreTarget
) -> None:
    store = [*store_target.cli_args]
    first, second = store_with_candidates
    result = run("review", "--accept", first, "--reject", second, *store, env=store_target.env)
    assert result.returncode == 0, result.stderr
    assert "1 accepted, 1 rejected" in result.stdout
    missing = run("review", "--accept", "inc-nothing", *store, env=store_target.env)
    assert missing.returncode == 1 and "inc-nothing" in missing.stderr
