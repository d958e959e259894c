"""Errors raised by the ``geo`` package.

Each subclasses the built-in exception it refines, so callers may catch either.
The API maps them to HTTP status codes in one table (``api/errors.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


class BundledDataError(FileNotFoundError):
    """A data file that ships with launchmap is missing or unreadable."""


class UnsupportedFormatError(ValueError):
    """A file or export format launchmap does not read or write."""


class InvalidQueryError(ValueError):
    """A store query with a bad bounding box, date range, limit or offset."""


class IncidentNotFoundError(KeyError):
    """No stored incident has the requested id."""

    def __init__(self, incident_id: str) -> None:
        super().__init__(incident_id)
        self.incident_id = incident_id

    def __str__(self) -> str:
        return f"no incident with id {self.incident_id!r}"


class StoreError(RuntimeError):
    """The store cannot be opened, created or written."""


@dataclass(frozen=True)
class RowProblem:
    """One bad value in one record of an input file.

    ``location`` names the record the way a user finds it: ``line 7`` for CSV,
    ``feature 3`` for GeoJSON, ``row 12`` for GeoPackage.
    """

    source: str
    location: str
    field: str
    value: object
    message: str

    def __str__(self) -> str:
        return f"{self.source}, {self.location}: {self.field}: {self.message} (got {self.value!r})"


class InvalidIncidentError(ValueError):
    """Input that does not describe a valid incident.

    Carries every problem found, each naming the file, the record, the field and
    the value.
    """

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        shown = "; ".join(str(problem) for problem in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(shown + more)


class InvalidPlaceQueryError(ValueError):
    """A place query that cannot be geocoded as written: empty, too long, control characters."""


class InvalidClusterParamsError(ValueError):
    """Clustering parameters out of range, or an unknown method, weight, role or period.

    The message names the parameter and the value it got.
    """


class DocumentError(ValueError):
    """A document that cannot be read: a bad header value, a bad address, a text too long."""


class CorpusError(ValueError):
    """A corpus folder or gold file that cannot be read; the message names the file and value."""


class ProcessError(ValueError):
    """A file ``launchmap process`` cannot work on, or cannot write; the message names it.

    Not Parquet, Parquet without GeoParquet metadata, a missing column, a bad
    value (naming the incident), or an output that exists.
    """


class SchedulerError(ConnectionError):
    """The dask scheduler at the given address cannot be reached; the message names it."""


class MappingError(ValueError):
    """A mapping that cannot be used: unknown name, unreadable file, a bad key or value.

    The message names the mapping file, the key and the value at fault.
    """


class FeedError(ValueError):
    """A feed that cannot be added, found or removed: a bad address, a name taken or unknown."""
