"""The ``launchmap`` command line: one module per command group, the ``main`` entry here.

Every command that prints a result has ``--json``. Errors are printed to
standard error, naming the bad value (and the file and line), with exit code 1.
Long work shows a progress bar or spinner on a terminal and stays quiet when
piped. Modules load the scientific stack only inside the commands that need it,
so help answers at once.
"""

from __future__ import annotations

from api.cli import (
    db,
    feeds,
    hotspots,
    incidents,
    maps,
    places,
    process,
    publish,
    reports,
    review,
    serve,
)
from api.cli._common import app

COMMAND_MODULES = (
    maps,
    incidents,
    places,
    hotspots,
    serve,
    publish,
    db,
    reports,
    review,
    process,
    feeds,
)
"""The modules whose commands make up the command line (importing one registers them)."""


def main() -> None:
    """Run the command line (the ``launchmap`` console script)."""
    app()
