"""Locate the data files bundled with launchmap.

The files are built by the scripts in the repository's ``data/`` folder. A wheel
carries them inside the ``geo`` package (``geo/_bundled``); a source checkout
reads them from ``data/`` beside the packages. Both layouts are looked up so the
same code works installed and editable.
"""

from __future__ import annotations

from pathlib import Path

from geo.errors import BundledDataError

COASTLINE_FILE = "coastline.gpkg"
GAZETTEER_FILE = "gazetteer.csv"
ORGANISATIONS_FILE = "organisations.csv"
SAMPLE_INCIDENTS_FILE = "sample_incidents.geojson"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SEARCH_DIRS = (_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parent / "data")


def bundled_path(name: str) -> Path:
    """Return the path of the bundled data file ``name``.

    Parameters
    ----------
    name
        File name inside the bundle, for example ``"coastline.gpkg"``.

    Raises
    ------
    BundledDataError
        When neither the installed bundle nor a source checkout holds the file.
    """
    for folder in _SEARCH_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(folder) for folder in _SEARCH_DIRS)
    raise BundledDataError(f"bundled data file {name!r} not found (searched {searched})")
