"""The bundled gazetteer: GeoNames places, the coast's curated places and regions, organisations.

``data/build_gazetteer.py`` builds ``gazetteer.csv`` (places and regions) and
``organisations.csv`` (names reports mention that are not places: rescue
centres, prefectures, lifeboat stations …). This module reads them once per
process with the standard library only, so that a quick command (``launchmap
geocode``) never loads pandas: :func:`places` and :func:`organisations` return
plain rows. :func:`gazetteer` gives the places as a GeoDataFrame for the
parts that work with frames.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from geo.bundled import GAZETTEER_FILE, ORGANISATIONS_FILE, bundled_path
from geo.errors import BundledDataError
from geo.vocabulary import LocationPrecision

if TYPE_CHECKING:
    import geopandas as gpd

POPULATED_PLACE = "populated_place"
"""The kind of the GeoNames rows (towns and villages)."""
PLACE_COLUMNS = [
    *("place_id", "name", "name_fr", "name_en", "name_nl", "alternate_names", "kind"),
    *("precision", "country", "commune", "lon", "lat", "population", "uncertainty_m", "source"),
    *("shore_distance_m", "shore_lon", "shore_lat", "reference_line_m"),
]
"""The columns of ``gazetteer.csv``, in order."""


@dataclass(frozen=True)
class Place:
    """One gazetteer row: a place or a region, with where it lies relative to the coast.

    ``shore_distance_m`` is signed (+ at sea, − inland); ``shore_lon`` and
    ``shore_lat`` are the nearest point of the shoreline; ``reference_line_m``
    is the distance to the French reference coastline (Zwin to the Seine).
    """

    place_id: str
    name: str
    name_fr: str | None
    name_en: str | None
    name_nl: str | None
    alternate_names: tuple[str, ...]
    kind: str
    precision: LocationPrecision
    country: str | None
    commune: str | None
    lon: float
    lat: float
    population: int | None
    uncertainty_m: float
    source: str
    shore_distance_m: float
    shore_lon: float
    shore_lat: float
    reference_line_m: float

    @property
    def spellings(self) -> tuple[str, ...]:
        """Return every way the place is written: its name, its FR/EN/NL names, alternates."""
        own = (self.name, self.name_fr, self.name_en, self.name_nl)
        return tuple(dict.fromkeys([*(n for n in own if n), *self.alternate_names]))


@dataclass(frozen=True)
class Organisation:
    """A name reports mention that is not a place: a rescue centre, a court, a lifeboat station.

    ``lon`` and ``lat`` are its seat when one was looked up; organisations
    without one fixed site (a navy, a ship) have none.
    """

    org_id: str
    name: str
    alternate_names: tuple[str, ...]
    kind: str
    country: str | None
    commune: str | None
    lon: float | None
    lat: float | None
    source: str

    @property
    def spellings(self) -> tuple[str, ...]:
        """Return every way the organisation is written: its name, then its alternates."""
        return (self.name, *self.alternate_names)


def _rows(name: str) -> list[dict[str, str]]:
    """Read a bundled CSV file as dictionaries of text."""
    with bundled_path(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(value: str) -> str | None:
    """Return a cell's text, None when it is empty."""
    return value or None


def _names(value: str) -> tuple[str, ...]:
    """Split a pipe-separated list of names."""
    return tuple(value.split("|")) if value else ()


def _place(cells: list[str], precisions: dict[str, LocationPrecision]) -> Place:
    """Make a place of one gazetteer line, its cells in the file's column order."""
    (place_id, name, name_fr, name_en, name_nl, alternates, kind, precision, country, commune) = (
        cells[:10]
    )
    lon, lat, population, radius, source, shore_m, shore_lon, shore_lat, line_m = cells[10:]
    return Place(
        place_id,
        name,
        name_fr or None,
        name_en or None,
        name_nl or None,
        _names(alternates),
        kind,
        precisions[precision],
        country or None,
        commune or None,
        float(lon),
        float(lat),
        int(population) if population else None,
        float(radius),
        source,
        float(shore_m),
        float(shore_lon),
        float(shore_lat),
        float(line_m),
    )


@cache
def places() -> tuple[Place, ...]:
    """Return every place and region of the gazetteer, in file order (read once per process).

    Raises
    ------
    BundledDataError
        When the file's columns are not those of :class:`Place`.
    """
    precisions = {precision.value: precision for precision in LocationPrecision}
    with bundled_path(GAZETTEER_FILE).open(encoding="utf-8", newline="") as handle:
        lines = csv.reader(handle)
        header = next(lines, [])
        if header != PLACE_COLUMNS:
            raise BundledDataError(
                f"{GAZETTEER_FILE}: columns must be {','.join(PLACE_COLUMNS)}, "
                f"got {','.join(header)}"
            )
        return tuple(_place(cells, precisions) for cells in lines)


@cache
def organisations() -> tuple[Organisation, ...]:
    """Return every organisation of the gazetteer, in file order (read once per process)."""
    return tuple(
        Organisation(
            org_id=row["org_id"],
            name=row["name"],
            alternate_names=_names(row["alternate_names"]),
            kind=row["kind"],
            country=_text(row["country"]),
            commune=_text(row["commune"]),
            lon=float(row["lon"]) if row["lon"] else None,
            lat=float(row["lat"]) if row["lat"] else None,
            source=row["source"],
        )
        for row in _rows(ORGANISATIONS_FILE)
    )


GAZETTEER_DTYPES = {
    "place_id": "string",
    "name": "string",
    "name_fr": "string",
    "name_en": "string",
    "name_nl": "string",
    "alternate_names": "string",
    "kind": "string",
    "precision": "string",
    "country": "string",
    "commune": "string",
    "lon": "float64",
    "lat": "float64",
    "population": "Int64",
    "uncertainty_m": "float64",
    "source": "string",
    "shore_distance_m": "float64",
    "shore_lon": "float64",
    "shore_lat": "float64",
    "reference_line_m": "float64",
}


@cache
def _read_gazetteer() -> gpd.GeoDataFrame:
    """Read the gazetteer file into a GeoDataFrame once per process."""
    import geopandas as gpd  # the frame is for the heavy parts; places() stays light
    import pandas as pd

    from geo.model import CRS

    table = pd.read_csv(
        bundled_path(GAZETTEER_FILE),
        dtype=GAZETTEER_DTYPES,
        keep_default_na=False,
        na_values=[""],
    )
    points = gpd.points_from_xy(table["lon"], table["lat"], crs=CRS)
    return gpd.GeoDataFrame(table, geometry=points, crs=CRS).set_index("place_id", drop=False)


def gazetteer() -> gpd.GeoDataFrame:
    """Return a copy of the gazetteer as a GeoDataFrame indexed by ``place_id``.

    Columns: those of :class:`Place` (``alternate_names`` ``|``-separated,
    missing values as NA) and geometry (EPSG:4326 points).
    """
    return _read_gazetteer().copy()
