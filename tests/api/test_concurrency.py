"""Concurrent writers on a real uvicorn server: nothing lost, nothing doubled, no token no write.

Eight threads, each with its own httpx client, post their incidents at the same
time. Most incidents are a writer's own; some are the same reports posted by
every writer, so the server sees racing creates of one incident. Afterwards the
server's pages and the store itself hold exactly the distinct incidents: on a
GeoPackage file and on a PostGIS database.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from geo.model import feature_to_record, parse_incident
from geo.store import IncidentQuery, open_store
from tests.conftest import LiveServer, StoreTarget, serve_launchmap

WRITERS = 8
# 8 writers of 80 incidents each race on both stores: every writer posts the 40
# shared reports between its own, so each shared report is posted eight times at once,
# and every writer's own reports race with the others' writes. A POST costs the server
# about 17 ms of CPU (validation, coastline relations, the transaction), so this size
# keeps the race to about ten seconds a store on two cores.
# LAUNCHMAP_TEST_WRITES_PER_WRITER=1000 runs the original 8 x 1,000 (several minutes).
WRITES_PER_WRITER = 80
SHARED = 40  # reports every writer posts: each must be stored once
TOKENS = ["token-one", "token-two"]
ITEMS = "/collections/incidents/items"
PLACES = ["Gravelines", "Calais", "Wimereux", "Équihen-Plage", "Hardelot", "Berck", "Dunkirk"]


def report(key: str, number: int) -> dict[str, Any]:
    """A GeoJSON Feature of one incident; ``key`` and ``number`` make it distinct."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [1.45 + (number % 997) * 0.001, 50.95]},
        "properties": {
            "event_type": "launch",
            "date": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "place_name": PLACES[number % len(PLACES)],
            "location_role": "departure",
            "people": number % 70,
            "sources": [{"url": f"https://example.org/reports/{key}/{number}"}],
        },
    }


def expected_id(feature: dict[str, Any]) -> str:
    """The stable id launchmap gives a report (the same report always gets the same id)."""
    incident = parse_incident(feature_to_record(feature), "test", "feature")
    assert incident.id is not None
    return incident.id


def writes_per_writer() -> int:
    """How many reports each writer posts (LAUNCHMAP_TEST_WRITES_PER_WRITER overrides)."""
    return int(os.environ.get("LAUNCHMAP_TEST_WRITES_PER_WRITER", WRITES_PER_WRITER))


def writer_features(writer: int, per_writer: int) -> list[dict[str, Any]]:
    """The writer's own reports, with the shared ones spread among them."""
    own = [report(f"writer-{writer}", number) for number in range(per_writer - SHARED)]
    step = len(own) // SHARED
    features: list[dict[str, Any]] = []
    for number in range(SHARED):
        features.extend(own[number * step : (number + 1) * step])
        features.append(report("shared", number))
    features.extend(own[SHARED * step :])
    assert len(features) == per_writer
    return features


def all_items(client: httpx.Client) -> list[dict[str, Any]]:
    """Every incident the server lists, following the next links."""
    features: list[dict[str, Any]] = []
    url: str | None = f"{ITEMS}?limit=2500"
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.text
        body = page.json()
        features.extend(body["features"])
        url = next((link["href"] for link in body["links"] if link["rel"] == "next"), None)
    return features


def stored(server: LiveServer) -> dict[str, str]:
    """Id → digest of every incident in the server's store, read with the store, not the API."""
    store = open_store(server.data_dir, database_url=server.database_url, seed=False)
    try:
        frame = store.query(IncidentQuery()).incidents
        assert store.count() == len(frame)
    finally:
        store.close()
    rows = frame.drop(columns="geometry").astype(object).where(frame.notna(), None)
    digests = {}
    for record, point in zip(rows.to_dict("records"), frame.geometry, strict=True):
        text = json.dumps(record, sort_keys=True, default=str) + str(point)
        digests[record["id"]] = hashlib.sha256(text.encode()).hexdigest()
    return digests


@pytest.fixture(scope="module")
def writable(module_store_target: StoreTarget) -> Iterator[LiveServer]:
    """A live server that takes writes with TOKENS, on an empty store, no write rate limit."""
    env = {
        "LAUNCHMAP_WRITE_TOKENS": json.dumps(TOKENS),
        "LAUNCHMAP_WRITE_RATE_PER_MINUTE": "1000000",
        "LAUNCHMAP_SEED": "false",
    } | module_store_target.env
    folder, data_dir = module_store_target.data_dir.parent, module_store_target.data_dir
    with serve_launchmap(folder, data_dir=data_dir, env=env, name="writable") as server:
        yield server


def test_concurrent_writers_lose_nothing_and_double_nothing(
    writable: LiveServer, module_store_target: StoreTarget
) -> None:
    per_writer = writes_per_writer()
    plans = [writer_features(writer, per_writer) for writer in range(WRITERS)]
    distinct = {expected_id(feature) for plan in plans for feature in plan}
    assert len(distinct) == WRITERS * (per_writer - SHARED) + SHARED
    before = set(stored(writable))  # empty, unless another test wrote first
    start = threading.Barrier(WRITERS)

    def write(writer: int) -> list[tuple[str, int, str]]:
        headers = {"Authorization": f"Bearer {TOKENS[writer % len(TOKENS)]}"}
        answers = []
        with httpx.Client(base_url=writable.url, headers=headers, timeout=60) as client:
            start.wait()
            for feature in plans[writer]:
                response = client.post(ITEMS, json=feature)
                body_id = response.json().get("id") if response.status_code < 300 else ""
                answers.append((expected_id(feature), response.status_code, body_id))
        return answers

    with ThreadPoolExecutor(WRITERS) as pool:
        answers = [answer for result in pool.map(write, range(WRITERS)) for answer in result]

    statuses = Counter(status for _, status, _ in answers)
    assert set(statuses) <= {200, 201}, statuses
    assert statuses[201] == len(distinct), "each distinct incident is created exactly once"
    assert statuses[200] == (WRITERS - 1) * SHARED, "every repeat of a shared report is a 200"
    assert all(incident_id == body_id for incident_id, _, body_id in answers)
    created = Counter(incident_id for incident_id, status, _ in answers if status == 201)
    assert set(created) == distinct and max(created.values()) == 1

    with httpx.Client(base_url=writable.url) as client:
        listed = [feature["id"] for feature in all_items(client)]
    assert len(listed) == len(before | distinct) and set(listed) == before | distinct
    assert set(stored(writable)) == before | distinct


def _refused_writes(
    client: httpx.Client, existing_id: str, headers: dict[str, str]
) -> list[httpx.Response]:
    """Try every kind of write once, with ``headers`` (no token, or a wrong one)."""
    new = report("refused", 1)
    replacement = report("refused", 2)
    patch = {"type": "Feature", "properties": {"people": 999}}
    return [
        client.post(ITEMS, json=new, headers=headers),
        client.put(f"{ITEMS}/{existing_id}", json=replacement, headers=headers),
        client.patch(f"{ITEMS}/{existing_id}", json=patch, headers=headers),
        client.delete(f"{ITEMS}/{existing_id}", headers=headers),
    ]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": f"Basic {TOKENS[0]}"},
        {"Authorization": f"Bearer {TOKENS[0]}x"},
    ],
    ids=["no-header", "wrong-token", "not-bearer", "token-prefix"],
)
def test_writes_without_a_valid_token_are_refused_and_change_nothing(
    writable: LiveServer, headers: dict[str, str]
) -> None:
    with httpx.Client(base_url=writable.url, headers={"Authorization": f"Bearer {TOKENS[1]}"}) as c:
        created = c.post(ITEMS, json=report("target", len(headers)))
    assert created.status_code in (200, 201)
    before = stored(writable)
    with httpx.Client(base_url=writable.url) as client:
        responses = _refused_writes(client, created.json()["id"], headers)
    assert [response.status_code for response in responses] == [401] * 4
    for response in responses:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert stored(writable) == before


def test_a_read_only_server_refuses_every_write_with_403(live_server: LiveServer) -> None:
    before = stored(live_server)
    assert before, "the default server is seeded with the sample incidents"
    existing_id = sorted(before)[0]
    with httpx.Client(base_url=live_server.url) as client:
        for headers in ({}, {"Authorization": "Bearer anything"}):
            responses = _refused_writes(client, existing_id, headers)
            assert [response.status_code for response in responses] == [403] * 4
            assert all("read-only" in response.json()["detail"] for response in responses)
    assert stored(live_server) == before
