"""``launchmap serve``: the API and map server."""

from __future__ import annotations

import logging
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


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
) -> None:
    """Run the API and map server (http://HOST:PORT/map)."""
    import uvicorn

    from api.app import create_app

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors(), opened_store(settings):
        pass  # a store that cannot be opened is reported before the server starts
    stderr.print(
        f"launchmap: map at http://{host}:{port}/map, incidents at "
        f"http://{host}:{port}/collections/incidents/items (store: {store_label(settings)})",
        markup=False,
        highlight=False,
    )
    _log_requests()
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False)


def _log_requests() -> None:
    """Print launchmap's access log (one line a request, with its duration) on stderr.

    It stands in for uvicorn's own access log, which lacks the duration.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger = logging.getLogger("launchmap")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
