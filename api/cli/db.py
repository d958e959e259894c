"""``launchmap db``: the PostGIS store's schema (``db init`` creates or migrates it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from api.cli._common import (
    DatabaseUrlOption,
    JsonFlag,
    NoSeedFlag,
    app,
    count,
    emit,
    reported_errors,
    settings_for,
    working,
)
from geo.errors import StoreError

if TYPE_CHECKING:
    from geo.store import DatabaseInit

db_app = typer.Typer(
    help="The PostGIS store: create or migrate its schema.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


@db_app.command("init")
def db_init_command(
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Create launchmap's schema in a PostGIS database, or migrate it; again changes nothing."""
    from geo.store import init_database

    settings = settings_for(None, no_seed, database_url)
    with reported_errors():
        address = settings.database_address()
        if not address:
            raise StoreError(
                "no database to initialise: give --database-url or set LAUNCHMAP_DATABASE_URL "
                "(postgresql://USER:PASSWORD@HOST:PORT/DATABASE)"
            )
        with working("Creating or migrating the launchmap schema"):
            done = init_database(address, seed=settings.seed)
    report = {"database": done.address, "version_before": done.version_before}
    report |= {"version": done.version, "seeded": done.seeded, "incidents": done.incidents}
    emit(as_json, report, _init_summary(done))


def _init_summary(done: DatabaseInit) -> str:
    """Say in one line what ``db init`` did."""
    if done.version_before == 0:
        seeded = f"seeded with {count(done.seeded, 'sample incident')}" if done.seeded else "empty"
        return f"Created the launchmap schema (version {done.version}) in {done.address}, {seeded}."
    stored = f"{count(done.incidents, 'incident')} stored"
    if done.version_before < done.version:
        return (
            f"Migrated the launchmap schema in {done.address} from version "
            f"{done.version_before} to {done.version}; {stored}."
        )
    return (
        f"The launchmap schema in {done.address} is up to date (version {done.version}); {stored}."
    )
