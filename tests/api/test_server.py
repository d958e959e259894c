"""`launchmap serve --workers N`: several processes on one port, each connection without Nagle."""

from __future__ import annotations

import json
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
import uvicorn
from uvicorn.server import ServerState

from api.server import NoDelayH11Protocol
from maps.data_resource import read_header
from tests.conftest import StoreTarget, serve_launchmap

TOKEN = "workers-test-token"
WRITES_PER_CLIENT = 8
BUILD_TIMEOUT_S = 300  # each worker builds the data once: seconds on a busy machine


class _Transport:
    """Just enough of an asyncio transport for a protocol to take a connection."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        extra = {
            "socket": self.connection,
            "sockname": self.connection.getsockname(),
            "peername": self.connection.getpeername(),
        }
        return extra.get(name, default)


async def _nothing(scope: Any, receive: Any, send: Any) -> None:
    """An ASGI app that is never called."""


def test_every_connection_gets_tcp_nodelay_even_from_a_socket_made_without_a_protocol() -> None:
    """The workers' shared socket is made as socket.socket(AF_INET): asyncio leaves Nagle on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as _client:
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
                config = uvicorn.Config(app=_nothing)
                config.load()
                protocol = NoDelayH11Protocol(
                    config=config, server_state=ServerState(), app_state={}
                )
                protocol.connection_made(_Transport(accepted))  # type: ignore[arg-type]
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def _feature(client: int, number: int) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [1.6 + client * 0.01, 50.8 + number * 0.001]},
        "properties": {"event_type": "launch", "date": f"2025-02-{1 + number:02d}", "people": 9},
    }


def _post_all(url: str, client: int) -> list[int]:
    """Post a few incidents, each on a new connection (so both workers take some)."""
    statuses = []
    for number in range(WRITES_PER_CLIENT):
        response = httpx.post(
            f"{url}/collections/incidents/items",
            json=_feature(client, number),
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=BUILD_TIMEOUT_S,
        )
        statuses.append(response.status_code)
    return statuses


def _worker_processes(pid: int) -> list[psutil.Process]:
    children = psutil.Process(pid).children(recursive=True)
    return [child for child in children if "spawn_main" in " ".join(child.cmdline())]


def test_two_workers_share_the_port_the_writes_and_the_store_version(
    tmp_path: Path, store_target: StoreTarget
) -> None:
    env = {"LAUNCHMAP_WRITE_TOKENS": json.dumps([TOKEN]), **store_target.env}
    with serve_launchmap(
        tmp_path,
        data_dir=store_target.data_dir,
        env=env,
        name="workers",
        extra_args=("--workers", "2"),
    ) as server:
        assert len(_worker_processes(server.process.pid)) == 2
        data_url = f"{server.url}/map/data/incidents.bin.gz"
        before = read_header(httpx.get(data_url, timeout=BUILD_TIMEOUT_S).content)
        with ThreadPoolExecutor(2) as pool:
            statuses = [
                status
                for batch in pool.map(lambda n: _post_all(server.url, n), (0, 1))
                for status in batch
            ]
        assert statuses == [201] * (2 * WRITES_PER_CLIENT)  # the single writer never refused
        answers = [httpx.get(data_url, timeout=BUILD_TIMEOUT_S) for _ in range(12)]
        assert len({answer.headers["etag"] for answer in answers}) == 1  # every worker is current
        after = read_header(answers[0].content)
        assert after["count"] == before["count"] + 2 * WRITES_PER_CLIENT
        assert after["key"] != before["key"]
        log = server.log.read_text()
        assert "Started parent process" in log and log.count("Application startup complete") == 2
    assert "Traceback" not in server.log.read_text()


@pytest.mark.parametrize("workers", ["0", "x"])
def test_a_bad_number_of_workers_is_refused(tmp_path: Path, workers: str) -> None:
    from typer.testing import CliRunner

    from api.cli import app

    result = CliRunner().invoke(app, ["serve", "--workers", workers, "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "--workers" in result.output
