"""Read and write incident files: CSV, GeoJSON and GeoPackage.

Every reader turns its records into :class:`~geo.model.Incident` objects through
one validation path, so a bad value gets the same kind of message whatever the
format: the file, the line (or feature, or row), the field and the value. With
``skip_invalid`` the good records are kept and the bad ones are reported.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.errors import InvalidIncidentError, RowProblem, UnsupportedFormatError
from geo.model import (
    INCIDENT_COLUMNS,
    JSON_COLUMNS,
    Incident,
    frame_to_features,
    incidents_to_frame,
    json_column_texts,
    parse_incident,
    plain_records,
    point_position,
)
from geo.vocabulary import FileFormat

GPKG_LAYER = "incidents"

# Column headings people use in spreadsheets, mapped to incident fields.
CSV_ALIASES = {
    "longitude": "lon",
    "lng": "lon",
    "x": "lon",
    "latitude": "lat",
    "y": "lat",
    "place": "place_name",
    "location": "place_name",
    "type": "event_type",
}
SOURCE_COLUMNS = {
    "source_url": "url",
    "source_publisher": "publisher",
    "source_published": "published",
    "source_quote": "quote",
    "source_title": "title",
}
CSV_FIELDS = {*INCIDENT_COLUMNS, "lon", "lat"} - {"geometry"}
KNOWN_FIELDS = CSV_FIELDS | set(SOURCE_COLUMNS)
"""Every field name a file in launchmap's own schema may use (after CSV aliases)."""
CSV_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
"""The delimiters a CSV file may use, and their names for messages; the header tells which."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""
MAX_JSON_DEPTH = 512
"""How deeply a JSON document may nest arrays and objects before it is refused."""
_FLOAT_FIELDS = frozenset(
    name for name, dtype in INCIDENT_COLUMNS.items() if dtype == "float64"
) | {"lon", "lat"}
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_POINT_TYPES = frozenset({"Point", "Point Z", "Point M", "Point ZM", "3D Point"})


SUFFIX_FORMATS = {
    ".geojson": FileFormat.GEOJSON,
    ".json": FileFormat.GEOJSON,
    ".csv": FileFormat.CSV,
    ".gpkg": FileFormat.GPKG,
}


@dataclass
class ReadResult:
    """What reading an incident file gave: the incidents, and what was left out or kept aside.

    ``extra_columns`` names the columns (or properties) that are not incident
    fields: their values are kept in each incident's ``extra``. ``filtered``
    counts the records a mapping's rules left out on purpose, by reason;
    ``records`` is how many records the file held.
    """

    incidents: gpd.GeoDataFrame
    skipped: list[RowProblem] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    filtered: dict[str, int] = field(default_factory=dict)
    records: int = 0


@dataclass(frozen=True)
class RawRecord:
    """One record as read from a file, before any schema is applied, and where it was found.

    ``values`` holds the record's columns (or GeoJSON properties) under the
    names the file gives them: CSV cells as text (blank ones as None), GeoJSON
    and GeoPackage values as they are. ``point`` is the record's own geometry
    as (lon, lat), if it has one; ``geometry_problem`` says why a geometry that
    is not a point cannot be used, and ``problem`` why the record cannot be read.
    """

    location: str
    values: dict[str, Any]
    point: tuple[float, float] | None = None
    geometry_problem: RowProblem | None = None
    problem: RowProblem | None = None


@dataclass
class RawFile:
    """A file's records, read lazily, with its columns (CSV, GeoPackage) and CSV delimiter."""

    path: Path
    file_format: FileFormat
    columns: list[str]
    records: Iterator[RawRecord]
    delimiter: str | None = None


def format_of(path: Path) -> FileFormat:
    """Tell a file's incident format from its suffix.

    Raises
    ------
    UnsupportedFormatError
        For any suffix other than .csv, .geojson, .json and .gpkg.
    """
    try:
        return SUFFIX_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(SUFFIX_FORMATS)
        raise UnsupportedFormatError(
            f"{path.name}: unsupported file type {path.suffix or '(none)'!r}; use one of {known}"
        ) from None


def read_records(path: Path) -> RawFile:
    """Open a CSV, GeoJSON or GeoPackage file and read its records without a schema.

    The records are read as they are iterated; a file that cannot be read
    raises as soon as that is known (its header, its JSON), or while iterating
    (a CSV cell too long to be a value, naming its line).

    Raises
    ------
    UnsupportedFormatError
        For an unknown suffix, or a file that is not of its format (naming the
        file, and the line where it can).
    FileNotFoundError
        When the file does not exist.
    """
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    readers: dict[FileFormat, Callable[[Path], RawFile]] = {
        FileFormat.CSV: _csv_file,
        FileFormat.GEOJSON: _geojson_file,
        FileFormat.GPKG: _gpkg_file,
    }
    return readers[format_of(path)](path)


def read_incidents(path: Path, *, skip_invalid: bool = False, strict: bool = False) -> ReadResult:
    """Read incidents in launchmap's own schema from a CSV, GeoJSON or GeoPackage file.

    Columns and properties that are not incident fields are kept, as they
    came, in each incident's ``extra`` (CSV, GeoJSON and GeoPackage alike).

    Parameters
    ----------
    path
        The file; its suffix tells the format.
    skip_invalid
        Keep the valid records and report the invalid ones in
        :attr:`ReadResult.skipped`, instead of failing on the first file with
        any invalid record.
    strict
        Refuse columns and properties that are not incident fields instead of
        keeping them in ``extra``.

    Raises
    ------
    InvalidIncidentError
        When a record is invalid and ``skip_invalid`` is false, or when
        ``strict`` meets a column that is not an incident field; every problem
        names the file, the record, the field and the value.
    UnsupportedFormatError
        For an unknown suffix or a file that is not of its format; a CSV file
        without an ``event_type`` column is refused naming its delimiter and
        the columns launchmap does not know.
    FileNotFoundError
        When the file does not exist.
    """
    raw = read_records(path)
    names = _field_names(raw)
    unknown = [column for column in raw.columns if names(column) not in KNOWN_FIELDS]
    if raw.file_format is FileFormat.CSV and "event_type" not in map(names, raw.columns):
        raise UnsupportedFormatError(_no_event_type_message(raw, unknown))
    if strict and unknown:
        raise InvalidIncidentError([_strict_problem(raw, "header", c) for c in unknown])
    extra_columns: dict[str, None] = {}
    count = 0

    def native() -> Iterator[RawRecord]:
        nonlocal count
        for record in raw.records:
            count += 1
            if record.problem is not None or record.geometry_problem is not None:
                yield record
                continue
            values, extra, problems = _native_values(raw, record, names)
            if strict and extra:
                yield replace(
                    record, problem=_strict_problem(raw, record.location, next(iter(extra)))
                )
                continue
            extra_columns.update(dict.fromkeys(extra))
            yield replace(record, values=values, problem=problems[0] if problems else None)

    incidents, problems = validate_records(native(), str(path))
    if problems and not skip_invalid:
        raise InvalidIncidentError(problems)
    return ReadResult(incidents_to_frame(incidents), problems, list(extra_columns), {}, count)


def validate_records(
    records: Iterable[RawRecord], source: str
) -> tuple[list[Incident], list[RowProblem]]:
    """Validate records already in launchmap's schema, collecting the incidents and problems.

    A record's own geometry, if it has one, becomes the incident's point.
    """
    incidents: list[Incident] = []
    problems: list[RowProblem] = []
    for record in records:
        problem = record.problem or record.geometry_problem
        if problem is not None:
            problems.append(problem)
            continue
        values = record.values
        if record.point is not None:
            values = {**values, "lon": record.point[0], "lat": record.point[1]}
        try:
            incidents.append(parse_incident(values, source, record.location))
        except InvalidIncidentError as error:
            problems.extend(error.problems)
    return incidents, problems


def _field_names(raw: RawFile) -> Callable[[str], str]:
    """Return how a file's column names become field names: CSV headings through the aliases."""
    if raw.file_format is FileFormat.CSV:
        return lambda column: CSV_ALIASES.get(column.lower(), column.lower())
    return lambda column: column


def _no_event_type_message(raw: RawFile, unknown: list[str]) -> str:
    """Say that a CSV file has no event type column, naming its delimiter and unknown columns."""
    delimiter = CSV_DELIMITERS.get(raw.delimiter or ",", repr(raw.delimiter))
    listed = ", ".join(repr(column) for column in unknown) or "none"
    return (
        f"{raw.path.name}: no event_type column (read as {delimiter}-separated; columns "
        f"launchmap does not know: {listed}); launchmap's columns are "
        f"{', '.join(sorted(KNOWN_FIELDS))}, or use --mapping for another dataset's schema"
    )


def _strict_problem(raw: RawFile, location: str, column: str) -> RowProblem:
    """Describe a column or property that ``strict`` refuses because no field takes it."""
    return RowProblem(
        str(raw.path),
        location,
        column,
        None,
        "not a field launchmap imports; --strict refuses it (without --strict it is kept in extra)",
    )


def _native_values(
    raw: RawFile, record: RawRecord, names: Callable[[str], str]
) -> tuple[dict[str, Any], dict[str, Any], list[RowProblem]]:
    """Turn a record in launchmap's own schema into incident values, and the rest into extra.

    CSV headings go through the aliases, a formula-neutralising quote that
    launchmap's own export added is taken off again, decimal commas of a CSV
    that is not comma-separated become points, JSON cells (``sources``,
    ``extra``) are parsed, and the flat source columns gather into ``sources``.
    """
    csv_text = raw.file_format is FileFormat.CSV
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for column, value in record.values.items():
        if value is None:
            continue
        if csv_text and isinstance(value, str):
            value = _unneutralised(value)
        name = names(column)
        if name not in KNOWN_FIELDS:
            extra[column] = value
        elif csv_text and raw.delimiter != "," and name in _FLOAT_FIELDS:
            values[name] = _decimal_point(value)
        else:
            values[name] = value
    for name in JSON_COLUMNS:
        if isinstance(values.get(name), str):
            values[name] = _json_cell(values[name])
    flat_source = {key: values.pop(column, None) for column, key in SOURCE_COLUMNS.items()}
    if values.get("sources") is None and any(flat_source.values()):
        values["sources"] = [{k: v for k, v in flat_source.items() if v is not None}]
    problems: list[RowProblem] = []
    if extra:
        given = values.get("extra")
        clash = sorted(set(extra) & set(given)) if isinstance(given, dict) else []
        if clash:
            message = "also given as a column; keep one of the two"
            problems.append(RowProblem(str(raw.path), record.location, "extra", clash[0], message))
        elif given is None or isinstance(given, dict):
            values["extra"] = {**extra, **(given or {})}
    return values, extra, problems


def _unneutralised(cell: str) -> str:
    """Take off the quote that :func:`incidents_csv` puts before a formula-like cell."""
    if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _decimal_point(value: Any) -> Any:
    """Read ``1,66`` as ``1.66``: spreadsheets that separate cells by ``;`` write decimal commas."""
    if isinstance(value, str) and _DECIMAL_COMMA.match(value):
        return value.replace(",", ".")
    return value


# -- CSV ---------------------------------------------------------------------------------


def _csv_file(path: Path) -> RawFile:
    """Open a CSV file: its delimiter (sniffed from the header), its columns and its rows."""
    text = _read_text(path)
    delimiter = _sniff_delimiter(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headings = [heading.strip() for heading in reader.fieldnames or []]
    except csv.Error as error:
        raise UnsupportedFormatError(_csv_error_message(path, reader.line_num, error)) from None
    if not headings:
        raise UnsupportedFormatError(f"{path.name}: empty CSV file (no header row)")
    reader.fieldnames = headings

    def rows() -> Iterator[RawRecord]:
        try:
            for row in reader:
                location = f"line {_first_line(reader.line_num, row)}"
                surplus = row.pop(None, None)
                if surplus:
                    message = f"{len(headings) + len(surplus)} cells but {len(headings)} headings"
                    problem = RowProblem(str(path), location, "row", surplus, message)
                    yield RawRecord(location, {}, problem=problem)
                    continue
                yield RawRecord(location, {h: _blank_to_none(v) for h, v in row.items()})
        except csv.Error as error:  # the line the underlying reader stopped on
            line = reader.reader.line_num
            raise UnsupportedFormatError(_csv_error_message(path, line, error)) from None

    return RawFile(path, FileFormat.CSV, headings, rows(), delimiter)


def _sniff_delimiter(text: str) -> str:
    """Tell a CSV file's delimiter from its header: the one of CSV_DELIMITERS it uses most.

    Ties (and a header of one column) go to the comma.
    """
    header = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in CSV_DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _csv_error_message(path: Path, line: int, error: csv.Error) -> str:
    """Name the file, the line and what makes it unreadable as CSV."""
    if "field larger than field limit" in str(error):
        limit = csv.field_size_limit()
        return (
            f"{path.name}, line {line}: a cell longer than {limit:,} characters, more than any "
            "incident field holds; is the file cut into cells correctly?"
        )
    return f"{path.name}, line {line}: not readable as CSV ({error})"


def _first_line(last_line: int, row: dict[str | None, Any]) -> int:
    """Return the physical line a CSV record starts on, from the line it ends on.

    A quoted cell may hold line breaks, so a record can span several lines; the
    reader counts lines up to the record's end, and the user looks for its start.
    """
    cells = [c for v in row.values() for c in (v if isinstance(v, list) else [v]) if c]
    return last_line - sum(len(_LINE_BREAK.findall(cell)) for cell in cells)


def _read_text(path: Path) -> str:
    """Read a text file as UTF-8 (with or without BOM), naming the file if it is not."""
    try:
        return path.read_bytes().decode("utf-8-sig")  # line ends as they are, for the CSV reader
    except UnicodeDecodeError as error:
        raise UnsupportedFormatError(
            f"{path.name}: not UTF-8 text (byte {error.start}); save the file as UTF-8"
        ) from None


def _blank_to_none(value: str | None) -> str | None:
    """Treat an empty or blank CSV cell as a missing value."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _json_cell(cell: str) -> Any:
    """Parse a JSON cell, leaving text that is not JSON for validation to reject."""
    try:
        return json.loads(cell)
    except (json.JSONDecodeError, RecursionError):
        return cell


# -- GeoJSON -----------------------------------------------------------------------------


def _geojson_file(path: Path) -> RawFile:
    """Open a GeoJSON FeatureCollection (or one Feature) and read its features."""
    text = _read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnsupportedFormatError(
            f"{path.name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        line = _line_too_deep(text, MAX_JSON_DEPTH)
        raise UnsupportedFormatError(
            f"{path.name}, line {line}: JSON nested more than {MAX_JSON_DEPTH} levels deep; "
            "no incident nests that deep"
        ) from None
    features = _features_of(document, path.name)

    def records() -> Iterator[RawRecord]:
        for number, feature in enumerate(features, start=1):
            location = f"feature {number}"
            values = dict(feature.get("properties") or {})
            if "id" not in values and feature.get("id") is not None:
                values["id"] = str(feature["id"])
            geometry = feature.get("geometry")
            point = None if geometry is None else point_position(geometry)
            problem = None
            if geometry is not None and point is None:
                message = "must be a GeoJSON Point or null"
                problem = RowProblem(str(path), location, "geometry", geometry, message)
            yield RawRecord(location, values, point, geometry_problem=problem)

    return RawFile(path, FileFormat.GEOJSON, [], records())


def _line_too_deep(text: str, limit: int) -> int:
    """Return the line where JSON text first nests deeper than ``limit`` (strings skipped)."""
    depth = 0
    line = 1
    in_string = escaped = False
    for char in text:
        if char == "\n":
            line += 1
        elif in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth -= 1
    return line


def _features_of(document: Any, name: str) -> list[dict[str, Any]]:
    """Return the Features of a GeoJSON document, refusing anything else."""
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "Feature":
        return [document]
    features = document.get("features") if kind == "FeatureCollection" else None
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        raise UnsupportedFormatError(
            f"{name}: expected a GeoJSON FeatureCollection or Feature, got type {kind!r}"
        )
    return features


# -- GeoPackage --------------------------------------------------------------------------


def _gpkg_file(path: Path) -> RawFile:
    """Open a GeoPackage's incident layer (``incidents`` or its only layer) and read its rows.

    A layer of another geometry type than points is refused whole; a layer of
    mixed geometries has each row that is not a point named.
    """
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    except pyogrio.errors.DataSourceError as error:
        raise UnsupportedFormatError(f"{path.name}: not a readable GeoPackage ({error})") from None
    layer = GPKG_LAYER if GPKG_LAYER in layers else (layers[0] if len(layers) == 1 else None)
    if layer is None:
        raise UnsupportedFormatError(
            f"{path.name}: no layer named {GPKG_LAYER!r} among {', '.join(layers) or 'no layers'}"
        )
    kind = pyogrio.read_info(path, layer=layer).get("geometry_type")
    if kind not in (None, "Unknown") and kind not in _POINT_TYPES:
        raise UnsupportedFormatError(
            f"{path.name}: layer {layer!r} holds {kind} geometries; launchmap reads incidents "
            "as points (or no geometry, for a country-level incident)"
        )
    frame = pyogrio.read_dataframe(path, layer=layer, fid_as_index=True)
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    columns = [str(c) for c in frame.columns if c != frame.geometry.name]
    return RawFile(path, FileFormat.GPKG, columns, _frame_records(path, frame, columns))


def _frame_records(path: Path, frame: gpd.GeoDataFrame, columns: list[str]) -> Iterator[RawRecord]:
    """Yield a GeoDataFrame's rows as raw records, values as plain JSON-ready Python values."""
    for fid, row, geometry in zip(
        frame.index, plain_records(frame, columns), frame.geometry, strict=True
    ):
        location = f"row {fid}"
        record = {str(key): _plain(value) for key, value in row.items() if value is not None}
        if geometry is None or geometry.is_empty:
            yield RawRecord(location, record)
        elif geometry.geom_type == "Point":
            yield RawRecord(location, record, (geometry.x, geometry.y))
        else:
            message = f"must be a Point or empty (got {geometry.geom_type})"
            problem = RowProblem(str(path), location, "geometry", geometry.wkt[:80], message)
            yield RawRecord(location, record, geometry_problem=problem)


def _plain(value: Any) -> Any:
    """Turn a value GDAL read (numpy numbers, timestamps, bytes) into a JSON-ready value."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, bytes):
        return value.hex()
    return value


def write_incidents(frame: gpd.GeoDataFrame, path: Path, file_format: FileFormat) -> None:
    """Write an incident GeoDataFrame as GeoJSON, CSV or a GeoPackage layer.

    The file is written beside its destination and moved into place, so a
    failed export never leaves half a file under the requested name.
    """
    writers: dict[FileFormat, Callable[[gpd.GeoDataFrame, Path], None]] = {
        FileFormat.GEOJSON: _write_geojson,
        FileFormat.CSV: _write_csv,
        FileFormat.GPKG: _write_gpkg,
    }
    partial = path.with_name(f".{path.stem}.partial{path.suffix}")
    partial.unlink(missing_ok=True)
    try:
        writers[file_format](frame, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _write_geojson(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write a GeoJSON FeatureCollection (RFC 7946: no ``crs`` member, lon/lat)."""
    collection = {"type": "FeatureCollection", "features": frame_to_features(frame)}
    path.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")


def _write_csv(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write CSV with ``lon``/``lat`` columns and ``sources`` as a JSON cell."""
    path.write_text(incidents_csv(frame), encoding="utf-8")


def incidents_csv(frame: gpd.GeoDataFrame) -> str:
    """Return incidents as CSV text: ``lon``/``lat`` columns, ``sources`` as a JSON cell.

    Text cells that start like a formula (``=``, ``+``, ``-``, ``@``, tab, CR)
    get a leading quote, so a spreadsheet shows them as text. The file
    :func:`read_incidents` reads back into the same incidents.
    """
    table = _flat_table(frame)
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].map(_neutralised)
    table.insert(1, "lon", frame.geometry.x.where(~frame.geometry.isna()).round(7))
    table.insert(2, "lat", frame.geometry.y.where(~frame.geometry.isna()).round(7))
    text: str = table.to_csv(index=False, lineterminator="\n")
    return text


def _neutralised(cell: Any) -> Any:
    """Put a quote before text a spreadsheet would run as a formula (OWASP: CSV injection).

    Numbers are written as numbers (a negative coordinate stays a number);
    :func:`read_incidents` takes the quote off again.
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _write_gpkg(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write the ``incidents`` layer of a GeoPackage, ``sources`` as JSON text."""
    table = gpd.GeoDataFrame(_flat_table(frame), geometry=frame.geometry.values, crs=frame.crs)
    pyogrio.write_dataframe(table, path, layer=GPKG_LAYER, driver="GPKG", geometry_type="Point")


def _flat_table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the attribute columns with ``sources`` and ``extra`` serialised as JSON text."""
    table = pd.DataFrame(frame[list(INCIDENT_COLUMNS)])
    for name in JSON_COLUMNS:
        table[name] = json_column_texts(table[name])
    return table
