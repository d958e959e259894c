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
from dataclasses import dataclass, field
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
    feature_to_record,
    frame_to_features,
    incidents_to_frame,
    json_column_texts,
    parse_incident,
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
}
CSV_FIELDS = {*INCIDENT_COLUMNS, "lon", "lat"} - {"geometry"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


SUFFIX_FORMATS = {
    ".geojson": FileFormat.GEOJSON,
    ".json": FileFormat.GEOJSON,
    ".csv": FileFormat.CSV,
    ".gpkg": FileFormat.GPKG,
}


@dataclass
class ReadResult:
    """What reading an incident file gave: the incidents, and what was left out."""

    incidents: gpd.GeoDataFrame
    skipped: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _RawRecord:
    """One record as read from a file, before validation, with where it was found."""

    location: str
    values: dict[str, Any]
    problem: RowProblem | None = None


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


def read_incidents(path: Path, *, skip_invalid: bool = False) -> ReadResult:
    """Read incidents from a CSV, GeoJSON or GeoPackage file.

    Parameters
    ----------
    path
        The file; its suffix tells the format.
    skip_invalid
        Keep the valid records and report the invalid ones in
        :attr:`ReadResult.skipped`, instead of failing on the first file with
        any invalid record.

    Raises
    ------
    InvalidIncidentError
        When a record is invalid and ``skip_invalid`` is false; every problem
        names the file, the record, the field and the value.
    UnsupportedFormatError
        For an unknown suffix or a file that is not of its format.
    FileNotFoundError
        When the file does not exist.
    """
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    readers: dict[FileFormat, Callable[[Path], tuple[Iterator[_RawRecord], list[str]]]] = {
        FileFormat.CSV: _csv_records,
        FileFormat.GEOJSON: _geojson_records,
        FileFormat.GPKG: _gpkg_records,
    }
    records, ignored = readers[format_of(path)](path)
    incidents, problems = _validate(records, str(path))
    if problems and not skip_invalid:
        raise InvalidIncidentError(problems)
    return ReadResult(incidents_to_frame(incidents), problems, ignored)


def _validate(
    records: Iterable[_RawRecord], source: str
) -> tuple[list[Incident], list[RowProblem]]:
    """Validate raw records, collecting the incidents and every problem found."""
    incidents: list[Incident] = []
    problems: list[RowProblem] = []
    for record in records:
        if record.problem is not None:
            problems.append(record.problem)
            continue
        try:
            incidents.append(parse_incident(record.values, source, record.location))
        except InvalidIncidentError as error:
            problems.extend(error.problems)
    return incidents, problems


def _csv_records(path: Path) -> tuple[Iterator[_RawRecord], list[str]]:
    """Read a CSV file's rows as raw records, with the columns that were not used."""
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headings = [heading.strip() for heading in reader.fieldnames or []]
    if not headings:
        raise UnsupportedFormatError(f"{path.name}: empty CSV file (no header row)")
    columns = {heading: CSV_ALIASES.get(heading.lower(), heading.lower()) for heading in headings}
    ignored = [h for h, name in columns.items() if name not in CSV_FIELDS | set(SOURCE_COLUMNS)]
    reader.fieldnames = headings

    def rows() -> Iterator[_RawRecord]:
        for row in reader:
            location = f"line {_first_line(reader.line_num, row)}"
            extra = row.pop(None, None)
            if extra:
                message = f"{len(headings) + len(extra)} cells but {len(headings)} headings"
                problem = RowProblem(str(path), location, "row", extra, message)
                yield _RawRecord(location, {}, problem)
                continue
            values = {columns[h]: _blank_to_none(v) for h, v in row.items() if h in columns}
            yield _RawRecord(location, _csv_record_values(values))

    return rows(), ignored


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
        return path.read_text(encoding="utf-8-sig")
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


def _csv_record_values(values: dict[str, Any]) -> dict[str, Any]:
    """Gather a CSV row's source columns (or JSON ``sources`` cell) into ``sources``.

    The JSON cells (``sources``, ``extra``) are parsed.
    """
    flat_source = {key: values.pop(column, None) for column, key in SOURCE_COLUMNS.items()}
    for name in JSON_COLUMNS:
        if values.get(name) is not None:
            values[name] = _json_cell(values[name])
    if values.get("sources") is None and any(flat_source.values()):
        values["sources"] = [{k: v for k, v in flat_source.items() if v is not None}]
    return {key: value for key, value in values.items() if key in CSV_FIELDS and value is not None}


def _json_cell(cell: str) -> Any:
    """Parse a JSON cell, leaving text that is not JSON for validation to reject."""
    try:
        return json.loads(cell)
    except json.JSONDecodeError:
        return cell


def _geojson_records(path: Path) -> tuple[Iterator[_RawRecord], list[str]]:
    """Read a GeoJSON FeatureCollection (or one Feature) as raw records."""
    try:
        document = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise UnsupportedFormatError(
            f"{path.name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    features = _features_of(document, path.name)

    def records() -> Iterator[_RawRecord]:
        for number, feature in enumerate(features, start=1):
            location = f"feature {number}"
            try:
                yield _RawRecord(location, feature_to_record(feature))
            except ValueError as error:
                geometry = feature.get("geometry")
                problem = RowProblem(str(path), location, "geometry", geometry, str(error))
                yield _RawRecord(location, {}, problem)

    return records(), []


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


def _gpkg_records(path: Path) -> tuple[Iterator[_RawRecord], list[str]]:
    """Read a GeoPackage's incident layer (``incidents`` or its only layer) as raw records."""
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    except pyogrio.errors.DataSourceError as error:
        raise UnsupportedFormatError(f"{path.name}: not a readable GeoPackage ({error})") from None
    layer = GPKG_LAYER if GPKG_LAYER in layers else (layers[0] if len(layers) == 1 else None)
    if layer is None:
        raise UnsupportedFormatError(
            f"{path.name}: no layer named {GPKG_LAYER!r} among {', '.join(layers) or 'no layers'}"
        )
    frame = pyogrio.read_dataframe(path, layer=layer, fid_as_index=True)
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    attributes = [c for c in frame.columns if c != frame.geometry.name]
    ignored = [c for c in attributes if c not in CSV_FIELDS]
    return _frame_records(frame, [c for c in attributes if c in CSV_FIELDS]), ignored


def _frame_records(frame: gpd.GeoDataFrame, columns: list[str]) -> Iterator[_RawRecord]:
    """Yield a GeoDataFrame's rows as raw records; ``sources`` and ``extra`` may be JSON text."""
    values = frame[columns].astype(object).where(frame[columns].notna(), None)
    for fid, row, point in zip(frame.index, values.to_dict("records"), frame.geometry, strict=True):
        record = {key: value for key, value in row.items() if value is not None}
        for name in JSON_COLUMNS:
            if isinstance(record.get(name), str):
                record[name] = _json_cell(record[name])
        if point is not None and not point.is_empty:
            record["lon"], record["lat"] = point.x, point.y
        yield _RawRecord(f"row {fid}", record)


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

    The file :func:`read_incidents` reads back into the same incidents.
    """
    table = _flat_table(frame)
    table.insert(1, "lon", frame.geometry.x.where(~frame.geometry.isna()).round(7))
    table.insert(2, "lat", frame.geometry.y.where(~frame.geometry.isna()).round(7))
    text: str = table.to_csv(index=False, lineterminator="\n")
    return text


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
