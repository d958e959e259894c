"""Data in from the world: other datasets through mappings, and feeds that keep the map current.

- :mod:`geo.ingest.mapping`: mappings, small TOML files saying how another
  dataset's records become incidents (four are built in);
- :func:`read_with_mapping`: a file read through a mapping, what no field takes
  kept in each incident's ``extra``;
- :mod:`geo.ingest.feeds`: RSS and Atom feeds polled politely, each new
  entry's incidents extracted and stored as candidates.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geo.ingest.mapping import SERIES_KEY, Mapping, builtin_mappings, load_mapping

if TYPE_CHECKING:
    from geo.io import ReadResult

__all__ = ["SERIES_KEY", "Mapping", "builtin_mappings", "load_mapping", "read_with_mapping"]


def read_with_mapping(
    path: Path, mapping: Mapping, *, skip_invalid: bool = False, strict: bool = False
) -> ReadResult:
    """Read another dataset's file as incidents, through a mapping.

    Parameters
    ----------
    path
        A CSV, GeoJSON or GeoPackage file in the dataset's own schema.
    mapping
        How its records become incidents (:func:`load_mapping`).
    skip_invalid
        Keep the valid incidents and report the invalid records in
        :attr:`ReadResult.skipped`, instead of failing on the first one.
    strict
        Refuse columns and properties the mapping does not read, instead of
        keeping them in each incident's ``extra``.

    Returns
    -------
    ReadResult
        The incidents (a composite record may give several), the invalid
        records, the columns kept in ``extra``, and the records the mapping's
        rules left out, counted by reason.

    Raises
    ------
    InvalidIncidentError
        When a record cannot be mapped or validated and ``skip_invalid`` is
        false; each problem names the file, the record, the field and the value.
    MappingError
        When the file is not of a format the mapping reads.
    UnsupportedFormatError
        When the file cannot be read, or a CSV file has none of the mapping's columns.
    """
    from geo.ingest._apply import read_mapped  # the scientific stack loads only to read
    from geo.io import read_records

    return read_mapped(read_records(path), mapping, skip_invalid=skip_invalid, strict=strict)
