"""Running the server: one uvicorn process, or several worker processes on one port.

With ``workers`` > 1, uvicorn's supervisor binds the port once and starts that
many worker processes, each with the app, its own store connections (a
GeoPackage file's connections, or a PostGIS pool) and its own cache of
answers. The settings reach the workers through ``LAUNCHMAP_*`` variables.

Every connection gets ``TCP_NODELAY``. A single uvicorn sets it itself, but a
socket bound for workers is made without a protocol number, so asyncio skips
it there; without it, a response written in two parts (head, then body) waits
for the client's delayed acknowledgement, about 40 ms on Linux, on every
request of a kept-alive connection.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
from contextlib import suppress

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.app import create_app
from api.settings import Settings

APP_FACTORY = "api.server:app_from_environment"
WORKER_START_S = 120
"""How long a worker may take to start (loading the scientific stack on a busy machine)
and to answer its supervisor's health check before it is replaced."""


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol that turns Nagle's algorithm off on each connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Set ``TCP_NODELAY`` on the connection's socket, then handle it as uvicorn does."""
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            with suppress(OSError):
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def log_requests() -> None:
    """Print launchmap's access log (one line a request, with its duration) on stderr.

    It stands in for uvicorn's own access log, which lacks the duration.
    """
    logger = logging.getLogger("launchmap")
    if any(getattr(handler, "launchmap", False) for handler in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    handler.launchmap = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def app_from_environment() -> FastAPI:
    """Create the app of one worker process from the ``LAUNCHMAP_*`` variables."""
    log_requests()
    return create_app(Settings())


def run(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Serve the app on ``host``:``port`` with ``workers`` processes until interrupted."""
    log_requests()
    proxy_headers = bool(settings.forwarded_allow_ips)
    proxies = settings.forwarded_allow_ips or None
    if workers == 1:
        uvicorn.run(
            create_app(settings),
            host=host,
            port=port,
            access_log=False,
            http=NoDelayH11Protocol,
            proxy_headers=proxy_headers,
            forwarded_allow_ips=proxies,
        )
        return
    os.environ.update(_environment(settings))
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        http=NoDelayH11Protocol,
        timeout_worker_healthcheck=WORKER_START_S,
        proxy_headers=proxy_headers,
        forwarded_allow_ips=proxies,
    )


def _environment(settings: Settings) -> dict[str, str]:
    """Return the variables that give worker processes the command line's settings."""
    variables = {
        "LAUNCHMAP_DATA_DIR": str(settings.data_dir),
        "LAUNCHMAP_SEED": str(settings.seed),
        "LAUNCHMAP_ALLOWED_HOSTS": json.dumps(settings.allowed_hosts),
        "LAUNCHMAP_FORWARDED_ALLOW_IPS": json.dumps(settings.forwarded_allow_ips),
    }
    address = settings.database_address()
    if address:
        variables["LAUNCHMAP_DATABASE_URL"] = address
    return variables
