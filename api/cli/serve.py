"""``launchmap serve``: the API and map server."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    NoSeedFlag,
    app,
    opened_store,
    reported_errors,
    settings_for,
    stderr,
    store_label,
)
from api.cli.feeds import watch_in_background

ANY_ADDRESS = ("0.0.0.0", "::")  # noqa: S104  # names no host a reader could use in links


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated addresses of the proxies whose X-Forwarded-For/-Proto headers "
            "are trusted (default: $LAUNCHMAP_FORWARDED_ALLOW_IPS, none).",
            show_default=False,
        ),
    ] = None,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Also poll the feeds (`launchmap feeds`) beside the server."),
    ] = False,
    watch_every: Annotated[
        str, typer.Option("--watch-every", help="How often --watch polls: 15m, 2h (≥ 1 minute).")
    ] = "15m",
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes sharing the port (each with its own store connections "
            "and cache); about one per core.",
            min=1,
            max=64,
        ),
    ] = 1,
) -> None:
    """Run the API and map server (http://HOST:PORT/map), and with --watch the feed poller."""
    from api.server import run

    settings = settings_for(data_dir, no_seed, database_url)
    if forwarded_allow_ips is not None:
        proxies = [address.strip() for address in forwarded_allow_ips.split(",")]
        settings.forwarded_allow_ips = [address for address in proxies if address]
    if host not in ANY_ADDRESS and host not in settings.allowed_hosts:
        settings.allowed_hosts = [*settings.allowed_hosts, host]  # the address asked to serve
    with reported_errors(), opened_store(settings):
        pass  # a store that cannot be opened is reported before the server starts
    stderr.print(
        f"launchmap: map at http://{host}:{port}/map, incidents at "
        f"http://{host}:{port}/collections/incidents/items (store: {store_label(settings)}"
        + (f", {workers} workers)" if workers > 1 else ")"),
        markup=False,
        highlight=False,
    )
    stop = None
    if watch:
        with reported_errors():
            stop = watch_in_background(settings, watch_every)
    try:
        run(settings, host, port, workers)
    finally:
        if stop is not None:
            stop.set()
