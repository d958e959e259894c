"""What the HTTP benchmarks share: servers run as processes, and a load generator.

The load generator is one asyncio client (plain HTTP/1.1 with keep-alive,
reconnecting when a server closes the connection) in the benchmark's own
process, never in the server's: ``drive`` keeps a number of connections
busy for a while, cycling through a list of paths, and records each
request's latency.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    description: str
    ready_path: str = "/readyz"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def wait_until_up(server: Server, path: str, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.name} exited with {server.process.returncode}:\n"
                + server.log.read_text(errors="replace")[-3000:]
            )
        try:
            with urllib.request.urlopen(server.url + path, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not answer {path} within {timeout_s:.0f} s")


@contextmanager
def running(server: Server) -> Iterator[Server]:
    try:
        wait_until_up(server, server.ready_path)
        yield server
    finally:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


class HttpError(Exception):
    pass


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Read one HTTP/1.1 response: status, body, and whether the server keeps the connection."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(part[:-2] for part in parts)
    else:
        body = await reader.read()
        return status, body, False
    keep = headers.get("connection", "").lower() != "close"
    return status, body, keep


@dataclass
class Load:
    latencies_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    bytes: int = 0


async def connection_loop(
    port: int, paths: list[str], start: int, until: float, load: Load | None, headers: str
) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    index = start
    try:
        while time.perf_counter() < until:
            path = paths[index % len(paths)]
            index += 1
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port, limit=2**20)
            assert reader is not None
            request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n{headers}\r\n"
            started = time.perf_counter()
            writer.write(request.encode())
            status, body, keep = await read_response(reader)
            elapsed = time.perf_counter() - started
            if load is not None:
                load.latencies_s.append(elapsed)
                load.bytes += len(body)
                if status != 200:
                    load.errors.append(f"{status} for {path}: {body[:200]!r}")
            if not keep:
                writer.close()
                reader = writer = None
    finally:
        if writer is not None:
            writer.close()


async def drive(
    port: int,
    paths: list[str],
    connections: int,
    seconds: float,
    *,
    record: bool,
    headers: str = "Accept: application/geo+json\r\n",
) -> Load:
    """Keep ``connections`` requests in flight for ``seconds``; ``headers`` end in CRLF each."""
    step = max(1, len(paths) // connections)
    load = Load()
    until = time.perf_counter() + seconds
    offset = 7 if record else 0
    await asyncio.gather(
        *(
            connection_loop(
                port, paths, n * step + offset, until, load if record else None, headers
            )
            for n in range(connections)
        )
    )
    return load


def process_tree_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) of a process and all its descendants (Linux /proc)."""
    try:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    except OSError:
        return None
    tree = {pid}
    grew = True
    while grew:
        children = {child for child, (parent, _) in stats.items() if parent in tree}
        grew = not children <= tree
        tree |= children
    ticks = sum(stats[member][1] for member in tree if member in stats)
    return ticks / os.sysconf("SC_CLK_TCK")
