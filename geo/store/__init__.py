"""Where incidents are kept: the store interface, ``open_store`` and one module per backend.

The embedded default is one GeoPackage file, ``launchmap.gpkg`` in the data
directory, that QGIS and GDAL open as it is (:mod:`geo.store.geopackage`).
With a ``database_url`` the store is a PostgreSQL/PostGIS database instead
(:mod:`geo.store.postgis`): the same :class:`IncidentStore` interface, giving
the same answers for the same incidents. :mod:`geo.store.geoparquet` reads and
writes the GeoParquet files of batch processing.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from geo.store.interface import (
    SORTABLE,
    AddResult,
    BBox,
    DatabaseInit,
    Feed,
    FeedEntry,
    FeedPoll,
    FeedStore,
    IncidentQuery,
    IncidentStore,
    QueryResult,
    StoreExtent,
    check_bbox,
    masked_address,
)

STORE_FILE = "launchmap.gpkg"
"""The embedded store's file name, in the data directory."""

__all__ = [
    "SORTABLE",
    "STORE_FILE",
    "AddResult",
    "BBox",
    "DatabaseInit",
    "Feed",
    "FeedEntry",
    "FeedPoll",
    "FeedStore",
    "IncidentQuery",
    "IncidentStore",
    "QueryResult",
    "StoreExtent",
    "check_bbox",
    "default_data_dir",
    "init_database",
    "masked_address",
    "open_store",
]


def default_data_dir() -> Path:
    """Return the user's data directory for launchmap (platform conventions)."""
    return Path(platformdirs.user_data_dir("launchmap", appauthor=False))


def open_store(
    data_dir: Path | None = None, *, database_url: str | None = None, seed: bool = True
) -> IncidentStore:
    """Open the configured store, creating the embedded one when it does not exist.

    Parameters
    ----------
    data_dir
        Folder of the embedded GeoPackage store; the user's data directory if None.
    database_url
        A ``postgresql://`` address, to use a PostGIS database instead of the file;
        a database without launchmap's schema gets it (as :func:`init_database`).
    seed
        Fill a newly created store with the bundled sample incidents.

    Raises
    ------
    StoreError
        When the store cannot be opened or created; a database's address is
        named with its password masked.
    """
    if database_url:
        from geo.store.postgis import PostGISStore  # psycopg is loaded only for a database

        return PostGISStore(database_url, seed=seed)
    from geo.store.geopackage import GeoPackageStore  # the backends load only when opened

    folder = data_dir if data_dir is not None else default_data_dir()
    return GeoPackageStore(folder / STORE_FILE, seed=seed)


def init_database(database_url: str, *, seed: bool = True) -> DatabaseInit:
    """Create launchmap's schema in a PostGIS database, or migrate it to this version.

    Migrations apply in order, each recorded in the schema's version table, all
    in one transaction; running it again changes nothing. A new schema is
    seeded with the bundled sample incidents if ``seed``.

    Raises
    ------
    StoreError
        For an address that is not ``postgresql://``, a server that does not
        answer, a database without PostGIS, or a schema newer than this
        launchmap; the address is named with its password masked.
    """
    from geo.store.postgis import init_schema

    return init_schema(database_url, seed=seed)
