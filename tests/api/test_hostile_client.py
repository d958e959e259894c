"""A hostile client against a real `launchmap serve`: bodies, addresses, logs and Host headers."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, serve_launchmap

TOKEN = "hostile-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FEATURE = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [1.66, 50.88]},
    "properties": {"event_type": "launch", "date": "2025-07-01"},
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server with a write token, a 2,000-byte body limit and 3 writes a minute per client."""
    env = {
        "LAUNCHMAP_WRITE_TOKENS": json.dumps([TOKEN]),
        "LAUNCHMAP_MAX_BODY_BYTES": "2000",
        "LAUNCHMAP_WRITE_RATE_PER_MINUTE": "3",
    }
    with serve_launchmap(tmp_path_factory.mktemp("hostile"), env=env) as live:
        yield live


def _log_lines(server: LiveServer, until: Callable[[list[str]], bool] = bool) -> list[str]:
    """The server's access log lines, once ``until`` holds of them (or after 10 s).

    A request is logged when its response has been sent, so a client can read
    the log before the line of its last request is written: wait for it.
    """
    deadline = time.monotonic() + 10
    while True:
        text = server.log.read_text()
        lines = [line for line in text.splitlines() if "launchmap.access" in line]
        if until(lines) or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def _client_of(line: str) -> str:
    """The client address an access log line records (the field after the logger's name)."""
    return line.split(" launchmap.access ", 1)[1].split(" ", 1)[0]


def test_a_chunked_body_over_the_limit_is_413_naming_the_limit(server: LiveServer) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b" " * 500

    response = httpx.post(
        f"{server.url}/collections/incidents/items",
        content=chunks(),  # no Content-Length: sent chunked
        headers=AUTH | {"Content-Type": "application/json"},
    )
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "2,000 bytes" in response.json()["detail"]


def test_a_chunked_body_within_the_limit_is_read(server: LiveServer) -> None:
    body = json.dumps(FEATURE | {"id": "chunked-ok"}).encode()
    response = httpx.post(
        f"{server.url}/collections/incidents/items",
        content=iter([body[:20], body[20:]]),
        headers=AUTH | {"Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text


def test_x_forwarded_for_does_not_get_round_the_write_limit(server: LiveServer) -> None:
    posts = '"POST /collections/incidents/items"'
    posted_before = sum(posts in line for line in _log_lines(server))
    statuses = [
        httpx.post(
            f"{server.url}/collections/incidents/items",
            json=FEATURE | {"id": f"forwarded-{n}"},
            headers=AUTH | {"X-Forwarded-For": f"203.0.113.{n}"},
        ).status_code
        for n in range(6)
    ]
    assert 429 in statuses, statuses  # one client, whatever address it claims
    logged = _log_lines(
        server, until=lambda lines: sum(posts in line for line in lines) >= posted_before + 6
    )
    lines = [line for line in logged if posts in line]
    assert len(lines) >= posted_before + 6 and not any("203.0.113." in line for line in lines)


def test_a_newline_in_the_path_cannot_forge_a_log_line(server: LiveServer) -> None:
    forged = "/nothing%0a2025-01-01 launchmap.access 6.6.6.6 %22GET /admin%22 200"
    httpx.get(f"{server.url}{forged}")
    httpx.get(f"{server.url}/healthz")  # the line after it
    lines = _log_lines(server, until=lambda lines: any("/nothing" in line for line in lines))
    assert {_client_of(line) for line in lines} == {"127.0.0.1"}
    [logged] = [line for line in lines if "/nothing" in line]
    assert '\\x0a2025-01-01 launchmap.access 6.6.6.6 \\x22GET /admin\\x22 200" 404' in logged


def test_a_host_the_server_does_not_answer_for_is_refused(server: LiveServer) -> None:
    response = httpx.get(f"{server.url}/embed/snippet", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "'evil.example'" in response.json()["detail"]
    assert "LAUNCHMAP_PUBLIC_URL" in response.json()["detail"]
    snippet = httpx.get(f"{server.url}/embed/snippet").text
    assert f'src="{server.url}/embed"' in snippet and "evil" not in snippet


def test_trusted_proxies_forward_the_client_address(tmp_path: Path) -> None:
    env = {"LAUNCHMAP_FORWARDED_ALLOW_IPS": '["127.0.0.1"]'}
    with serve_launchmap(tmp_path, env=env) as proxied:
        httpx.get(f"{proxied.url}/healthz", headers={"X-Forwarded-For": "198.51.100.7"})
        lines = _log_lines(
            proxied, until=lambda lines: any(_client_of(line) == "198.51.100.7" for line in lines)
        )
        assert any(_client_of(line) == "198.51.100.7" for line in lines), lines


def test_links_come_from_the_public_address_whatever_the_host(tmp_path: Path) -> None:
    env = {
        "LAUNCHMAP_PUBLIC_URL": "https://maps.example.org/launchmap",
        "LAUNCHMAP_WRITE_TOKENS": json.dumps([TOKEN]),
    }
    with serve_launchmap(tmp_path, env=env) as public:
        headers = {"Host": "evil.example"}
        snippet = httpx.get(f"{public.url}/embed/snippet", headers=headers).text
        assert 'src="https://maps.example.org/launchmap/embed"' in snippet
        assert "evil" not in snippet
        created = httpx.post(
            f"{public.url}/collections/incidents/items", json=FEATURE, headers=AUTH | headers
        )
        assert created.status_code == 201, created.text
        location = created.headers["location"]
        assert location.startswith(
            "https://maps.example.org/launchmap/collections/incidents/items/"
        )
        page = httpx.get(f"{public.url}/collections/incidents/items", params={"limit": 1}).json()
        assert all(
            link["href"].startswith("https://maps.example.org/launchmap/") for link in page["links"]
        )
