"""Apply a mapping to a file's records: incidents, problems, and the records rules left out.

Each record is read through a scope that knows where every value came from,
so what the mapping takes into incident fields is known exactly, and the rest
of the record is kept, as it came, in the incident's ``extra``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from geo.errors import InvalidIncidentError, MappingError, RowProblem, UnsupportedFormatError
from geo.ingest.mapping import (
    SERIES_KEY,
    SOURCE_FIELDS,
    TEMPLATE_PLACEHOLDER,
    Condition,
    ConditionValue,
    FieldSpec,
    FieldValue,
    Mapping,
    SourceSpec,
)
from geo.io import CSV_DELIMITERS, RawFile, RawRecord, ReadResult, validate_records
from geo.model import incidents_to_frame
from geo.vocabulary import FileFormat

_NOTHING: Any = object()
_SPLIT = "\x00split"  # the origin of a split element's values (it is not a key of the record)
_NUMBER = r"[+-]?\d+(?:\.\d+)?"
_LAT_LON = re.compile(rf"^\s*({_NUMBER})\s*[,; ]\s*({_NUMBER})\s*$")
_WKT_POINT = re.compile(rf"^\s*POINT\s*\(\s*({_NUMBER})\s+({_NUMBER})\s*\)\s*$", re.IGNORECASE)


class _ValueProblemError(Exception):
    """A value the mapping cannot turn into launchmap's: the field, the value and why."""

    def __init__(self, field: str, value: object, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.message = message


@dataclass
class _Scope:
    """The values one incident is read from, each with the path it came from in the record."""

    values: dict[str, Any]
    origins: dict[str, tuple[str, ...]] = field(default_factory=dict)
    used: set[tuple[str, ...]] = field(default_factory=set)

    def read(self, path: str, *, take: bool = True) -> Any:
        """Return the value at a dotted path (None if missing); ``take`` marks it used."""
        parts = path.split(".")
        for cut in range(len(parts), 0, -1):
            head = ".".join(parts[:cut])
            if head in self.values:
                value = self.values[head]
                for part in parts[cut:]:
                    value = value.get(part) if isinstance(value, dict) else None
                if take:
                    self.used.add(self.origins.get(head, (head,)) + tuple(parts[cut:]))
                return value
        return None

    def with_element(self, name: str, value: Any, origin: tuple[str, ...]) -> _Scope:
        """Return a scope that also reads ``value`` under ``name``, sharing what is used."""
        return _Scope({**self.values, name: value}, {**self.origins, name: origin}, self.used)


def read_mapped(
    raw: RawFile, mapping: Mapping, *, skip_invalid: bool = False, strict: bool = False
) -> ReadResult:
    """Read a file's records through a mapping (see :func:`geo.ingest.read_with_mapping`)."""
    if mapping.formats and raw.file_format not in mapping.formats:
        formats = " or ".join(f.value for f in mapping.formats)
        raise MappingError(
            f"{raw.path.name}: the mapping {mapping.name!r} reads {formats} files, "
            f"not {raw.file_format.value}"
        )
    columns = mapping.columns()
    if raw.file_format is FileFormat.CSV and not columns & set(raw.columns):
        raise UnsupportedFormatError(_no_known_column_message(raw, mapping, columns))
    unread = [column for column in raw.columns if column not in columns]
    if strict and unread:
        raise InvalidIncidentError([_unread_problem(raw, "header", c, mapping) for c in unread])
    counts: Counter[str] = Counter()
    extra_columns: dict[str, None] = {}

    def records() -> Iterator[RawRecord]:
        for record in raw.records:
            counts["records"] += 1
            if record.problem is not None:
                yield record
                continue
            unknown = [key for key in record.values if key not in columns]
            if strict and unknown:
                yield RawRecord(
                    record.location,
                    {},
                    problem=_unread_problem(raw, record.location, unknown[0], mapping),
                )
                continue
            for mapped in _mapped_records(raw, mapping, record):
                if isinstance(mapped, str):
                    counts[mapped] += 1
                    continue
                extra = mapped.values.get("extra") or {}
                extra_columns.update(dict.fromkeys(k for k in extra if k in record.values))
                yield mapped

    incidents, problems = validate_records(records(), str(raw.path))
    if problems and not skip_invalid:
        raise InvalidIncidentError(problems)
    total = counts.pop("records", 0)
    return ReadResult(
        incidents_to_frame(incidents), problems, list(extra_columns), dict(counts), total
    )


def _no_known_column_message(raw: RawFile, mapping: Mapping, columns: set[str]) -> str:
    """Say that a CSV file has none of the columns a mapping reads, naming its delimiter."""
    delimiter = CSV_DELIMITERS.get(raw.delimiter or ",", repr(raw.delimiter))
    found = ", ".join(repr(column) for column in raw.columns)
    return (
        f"{raw.path.name}: none of the columns the mapping {mapping.name!r} reads "
        f"({', '.join(sorted(columns))}) is in the file, read as {delimiter}-separated "
        f"with the columns {found}"
    )


def _unread_problem(raw: RawFile, location: str, column: str, mapping: Mapping) -> RowProblem:
    """Describe a column or property the mapping does not read, which ``strict`` refuses."""
    message = (
        f"the mapping {mapping.name!r} does not read it; --strict refuses it "
        "(without --strict it is kept in extra)"
    )
    return RowProblem(str(raw.path), location, column, None, message)


def _mapped_records(raw: RawFile, mapping: Mapping, record: RawRecord) -> Iterator[RawRecord | str]:
    """Yield the incident records one record becomes, or the reason a rule left one out."""
    if mapping.split is None:
        yield _mapped(raw, mapping, record, _Scope(dict(record.values)), record.location)
        return
    split = mapping.split
    base = _Scope(dict(record.values))
    elements = base.read(split.each, take=True)
    if not isinstance(elements, list) or not elements:
        message = f"has no element to make an incident of (split on {split.each!r})"
        problem = RowProblem(str(raw.path), record.location, split.each, elements, message)
        yield RawRecord(record.location, {}, problem=problem)
        return
    for number, element in enumerate(elements, start=1):
        scope = _Scope(dict(record.values), used=set(base.used)).with_element(
            split.as_, element, (_SPLIT,)
        )
        location = f"{record.location}, {split.as_} {number}"
        yield _mapped(raw, mapping, record, scope, location)


def _mapped(
    raw: RawFile, mapping: Mapping, record: RawRecord, scope: _Scope, location: str
) -> RawRecord | str:
    """Map one record (or one element of a split record) to incident values, or a skip reason."""
    try:
        for rule in mapping.rules:
            if rule.skip and _holds(rule.when, scope):
                return rule.skip
        values = {name: _value(spec, scope, mapping, name) for name, spec in mapping.fields.items()}
        for rule in mapping.rules:
            if _holds(rule.when, scope):
                values |= {name: _value(s, scope, mapping, name) for name, s in rule.set.items()}
                values |= dict.fromkeys(rule.clear)
        if values.get("date") is None:
            values.pop("date_precision", None)  # a precision means nothing without its date
        point, geometry_problem = _point(mapping, scope, record, raw, location)
        values["sources"] = [s for spec in mapping.sources for s in _sources(spec, scope, mapping)]
        values["extra"] = _extra(mapping, record, scope)
    except _ValueProblemError as bad:
        problem = RowProblem(str(raw.path), location, bad.field, bad.value, bad.message)
        return RawRecord(location, {}, problem=problem)
    kept = {name: value for name, value in values.items() if value is not None}
    return RawRecord(location, kept, point, geometry_problem=geometry_problem)


# -- values ------------------------------------------------------------------------------


def _value(spec: FieldValue | None, scope: _Scope, mapping: Mapping, name: str) -> Any:
    """Read one value as its specification says, and turn it into launchmap's."""
    if not isinstance(spec, FieldSpec):
        return spec
    value = _origin_value(spec, scope)
    if value is None:
        return None
    if spec.pattern is not None:
        found = re.search(spec.pattern, _text(value))
        if found is None:
            return None
        value = found.group(1) if found.re.groups else found.group(0)
    table = mapping.table(spec)
    if table is not None:
        value = _looked_up(table, value, spec, name)
        if value is None:
            return None
    if spec.thousands:
        value = _text(value).replace(spec.thousands, "")
    if spec.date_formats:
        value = _date(_text(value), spec, name)
    if spec.scale is not None:
        value = _scaled(value, spec.scale, name)
    if spec.prefix:
        value = spec.prefix + _text(value)
    return value


def _origin_value(spec: FieldSpec, scope: _Scope) -> Any:
    """Return a value where its specification says it comes from; None when it is missing."""
    if spec.value is not None:
        return spec.value
    if spec.template is not None:
        return TEMPLATE_PLACEHOLDER.sub(
            lambda placeholder: _text(scope.read(placeholder[1])), spec.template
        )
    found = [path for path in spec.paths if not _blank(scope.read(path, take=False))]
    if spec.join is not None:  # every value given is taken
        return spec.join.join(_text(scope.read(path)) for path in found) or None
    return scope.read(found[0]) if found else None  # the first value given is taken


def _looked_up(table: dict[str, Any], value: Any, spec: FieldSpec, name: str) -> Any:
    """Look a value up in a table (exactly, then ignoring case); ``*`` is the default entry.

    An entry of ``""`` means no value.
    """
    key = _text(value)
    if key in table:
        found = table[key]
    else:
        folded = {k.casefold(): v for k, v in table.items()}
        if key.casefold() in folded:
            found = folded[key.casefold()]
        elif "*" in table:
            found = table["*"]
        else:
            where = f"table {spec.table!r}" if isinstance(spec.table, str) else "the field's table"
            known = ", ".join(repr(k) for k in table)
            raise _ValueProblemError(
                name, value, f"no entry for this value in {where} (entries: {known})"
            )
    return None if found == "" else found


def _date(text: str, spec: FieldSpec, name: str) -> str:
    """Read a date in one of the specification's formats (the start of a range), as ISO text."""
    if spec.range and spec.range in text:
        text = text.split(spec.range, 1)[0].strip()
    for date_format in spec.date_formats or []:
        try:
            return dt.datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            continue
    formats = ", ".join(spec.date_formats or [])
    raise _ValueProblemError(name, text, f"not a date in the format(s) {formats}")


def _scaled(value: Any, scale: float, name: str) -> float:
    """Multiply a number by ``scale`` (kilometres to metres …)."""
    try:
        return float(value) * scale
    except (TypeError, ValueError):
        raise _ValueProblemError(name, value, "not a number") from None


def _text(value: Any) -> str:
    """Write a value as text for tables, patterns, templates and conditions."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str | int | float):
        return str(value)
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)


def _blank(value: Any) -> bool:
    """Tell a missing value: None, blank text, an empty list or object."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == [] or value == {}


def _holds(conditions: dict[str, ConditionValue], scope: _Scope) -> bool:
    """Tell whether every condition of a rule holds for the values in scope."""
    return all(_condition(test, scope.read(path, take=False)) for path, test in conditions.items())


def _condition(test: ConditionValue, value: Any) -> bool:
    """Test one value: equal (as text), one of a list, or a :class:`Condition`."""
    text = None if _blank(value) else _text(value)
    if isinstance(test, list):
        return text in {_text(item) for item in test}
    if not isinstance(test, Condition):
        return text == _text(test)
    checks = []
    if test.matches is not None:
        checks.append(text is not None and re.search(test.matches, text) is not None)
    if test.not_matches is not None:
        checks.append(text is None or re.search(test.not_matches, text) is None)
    if test.in_ is not None:
        checks.append(text in {_text(item) for item in test.in_})
    if test.not_in is not None:
        checks.append(text not in {_text(item) for item in test.not_in})
    if test.missing is not None:
        checks.append((text is None) == test.missing)
    return all(checks)


# -- geometry, sources, extra ------------------------------------------------------------


def _point(
    mapping: Mapping, scope: _Scope, record: RawRecord, raw: RawFile, location: str
) -> tuple[tuple[float, float] | None, RowProblem | None]:
    """Read an incident's point as the mapping says, or take the record's own."""
    spec = mapping.geometry
    if spec is None:
        return record.point, record.geometry_problem
    if spec.lon is not None and spec.lat is not None:
        lon, lat = scope.read(spec.lon), scope.read(spec.lat)
        if _blank(lon) and _blank(lat):
            return None, None
        return (_coordinate(lon, spec.lon), _coordinate(lat, spec.lat)), None
    if spec.lonlat is not None:
        pair = scope.read(spec.lonlat)
        if _blank(pair):
            return None, None
        if not (isinstance(pair, list) and len(pair) in (2, 3)):
            raise _ValueProblemError(spec.lonlat, pair, "must be a [lon, lat] array")
        return (_coordinate(pair[0], spec.lonlat), _coordinate(pair[1], spec.lonlat)), None
    return _text_point(spec.text, spec.order, scope), None


def _text_point(
    paths: str | list[str] | None, order: str, scope: _Scope
) -> tuple[float, float] | None:
    """Read a point written as ``"lat, lon"`` (or ``"lon, lat"``), or a WKT ``POINT (lon lat)``."""
    for path in [paths] if isinstance(paths, str) else paths or []:
        text = scope.read(path)
        if _blank(text):
            continue
        wkt = _WKT_POINT.match(_text(text))
        if wkt is not None:
            return float(wkt[1]), float(wkt[2])
        pair = _LAT_LON.match(_text(text))
        if pair is None:
            raise _ValueProblemError(
                path, text, f"must be a '{order[:3]}, {order[3:]}' pair of numbers"
            )
        first, second = float(pair[1]), float(pair[2])
        return (second, first) if order == "latlon" else (first, second)
    return None


def _coordinate(value: Any, path: str) -> float:
    """Read one coordinate: a number, or text of one (a decimal comma allowed)."""
    try:
        return float(value.replace(",", ".") if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise _ValueProblemError(path, value, "not a number") from None


def _sources(spec: SourceSpec, scope: _Scope, mapping: Mapping) -> list[dict[str, Any]]:
    """Build the sources one source specification gives: one, or one per element."""
    scopes = [scope]
    if spec.each is not None and spec.element is not None:
        items = scope.read(spec.each, take=False)
        origin = tuple(spec.each.split("."))
        if isinstance(items, str) and spec.split:
            scope.read(spec.each)
            items = [part.strip() for part in items.split(spec.split) if part.strip()]
        else:
            origin += ("*",)
        items = items if isinstance(items, list) else [] if _blank(items) else [items]
        scopes = [scope.with_element(spec.element, item, origin) for item in items]
    found = []
    for item_scope in scopes:
        source = {
            name: _value(getattr(spec, name), item_scope, mapping, f"sources.{name}")
            for name in SOURCE_FIELDS
        }
        if any(value is not None for value in source.values()):
            found.append({name: value for name, value in source.items() if value is not None})
    return found


def _extra(mapping: Mapping, record: RawRecord, scope: _Scope) -> dict[str, Any] | None:
    """Keep what the mapping did not take into a field: the record's other values, as they came.

    A split record's other elements belong to other incidents; the element's
    own unused values are kept under the split's name. Kept paths (``keep``)
    and a series mark join them.
    """
    used = {origin for origin in scope.used if origin[0] != _SPLIT}
    extra = _remainder(record.values, used)
    extra = {} if extra is _NOTHING else extra
    if mapping.split is not None:
        element = scope.values[mapping.split.as_]
        rest = _remainder(element, {o[1:] for o in scope.used if o[0] == _SPLIT})
        if rest is not _NOTHING:
            extra[mapping.split.as_] = rest
    for path in mapping.keep:
        value = scope.read(path, take=False)
        if not _blank(value):
            extra[path] = value
    if mapping.series is not None:
        if SERIES_KEY in extra:
            raise _ValueProblemError(SERIES_KEY, extra[SERIES_KEY], "clashes with the series mark")
        extra[SERIES_KEY] = mapping.series.mark()
    return extra or None


def _remainder(value: Any, used: set[tuple[str, ...]]) -> Any:
    """Return what is left of a value once the used paths are taken out (_NOTHING if all).

    Missing values are dropped; a list keeps its positions (None for an element
    taken whole).
    """
    if () in used or _blank(value):
        return _NOTHING
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            inner = {path[1:] for path in used if path[0] == key}
            rest = _remainder(item, inner) if inner else (item if not _blank(item) else _NOTHING)
            if rest is not _NOTHING:
                kept[key] = rest
        return kept or _NOTHING
    if isinstance(value, list):
        inner = {path[1:] for path in used if path[0] == "*"}
        if not inner:
            return value
        items = [_remainder(item, inner) for item in value]
        if all(item is _NOTHING for item in items):
            return _NOTHING
        return [None if item is _NOTHING else item for item in items]
    return value
