"""Mappings: small TOML files that say how another dataset's records become incidents.

A mapping names the dataset it is for (where it is published, its licence),
then says where each incident field comes from: a column or property (``from``,
with dotted paths into nested GeoJSON values), a constant, or a template; and
how the value is turned into launchmap's: a value table (event types,
precisions, roles), a pattern, date formats, a scale, a prefix. A geometry
comes from two columns, a ``[lon, lat]`` array, a ``"lat, lon"`` text or the
record's own point. A ``split`` makes one incident of each element of a list
(the documented locations of a composite event), and ``rules`` change fields
or leave records out (with a reason) when conditions on the record hold.

The built-in mappings live beside this module (``mappings/NAME.toml``);
:func:`load_mapping` takes a built-in name or a file.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from geo.errors import MappingError
from geo.vocabulary import FileFormat

BUILTIN_DIR = Path(__file__).resolve().parent / "mappings"
SOURCE_FIELDS = ("url", "publisher", "published", "quote", "title")
SERIES_KEY = "series"
"""The key of ``extra`` that marks a record of a daily series (see :class:`SeriesSpec`)."""

Constant = str | int | float | bool


class _Strict(BaseModel):
    """A part of a mapping: unknown keys are mistakes, named in the error."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class FieldSpec(_Strict):
    """Where one value comes from, and how it becomes launchmap's.

    Exactly one of ``from``, ``value`` and ``template`` says where; the others
    transform it, in this order: ``pattern``, ``table``, ``thousands``,
    ``date_formats`` (with ``range``), ``scale``, ``prefix``.
    """

    from_: str | list[str] | None = Field(default=None, alias="from")
    value: Constant | None = None
    template: str | None = None
    join: str | None = None
    pattern: str | None = None
    table: str | dict[str, Constant] | None = None
    thousands: str | None = None
    date_formats: list[str] | None = None
    range: str | None = None
    scale: float | None = None
    prefix: str | None = None

    @model_validator(mode="after")
    def _one_origin(self) -> FieldSpec:
        """Require exactly one of ``from``, ``value`` and ``template``."""
        given = [name for name in ("from_", "value", "template") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'from', 'value' and 'template'")
        return self

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, pattern: str | None) -> str | None:
        """Refuse a pattern that is not a regular expression."""
        if pattern is not None:
            _compiled(pattern)
        return pattern

    @property
    def paths(self) -> list[str]:
        """The paths this value reads: its ``from`` paths, or the template's placeholders."""
        if self.template is not None:
            return TEMPLATE_PLACEHOLDER.findall(self.template)
        if self.from_ is None:
            return []
        return [self.from_] if isinstance(self.from_, str) else list(self.from_)


FieldValue = Annotated[FieldSpec | Constant, Field(union_mode="left_to_right")]
TEMPLATE_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class Condition(_Strict):
    """A test on one value of a record: a pattern, a list of values, or presence."""

    matches: str | None = None
    not_matches: str | None = None
    in_: list[Constant] | None = Field(default=None, alias="in")
    not_in: list[Constant] | None = None
    missing: bool | None = None

    @field_validator("matches", "not_matches")
    @classmethod
    def _pattern_compiles(cls, pattern: str | None) -> str | None:
        """Refuse a pattern that is not a regular expression."""
        if pattern is not None:
            _compiled(pattern)
        return pattern


ConditionValue = Annotated[Condition | list[Constant] | Constant, Field(union_mode="left_to_right")]


class Rule(_Strict):
    """When every condition holds: set or clear fields, or leave the record out.

    ``when`` maps paths to conditions: a value (equal, compared as text), a
    list (any of them), or a :class:`Condition`.
    """

    when: dict[str, ConditionValue]
    set: dict[str, FieldValue] = Field(default_factory=dict)
    clear: list[str] = Field(default_factory=list)
    skip: str | None = None

    @model_validator(mode="after")
    def _does_something(self) -> Rule:
        """Require a rule to set, clear or skip, and to name incident fields only."""
        if not (self.set or self.clear or self.skip):
            raise ValueError("a rule must 'set', 'clear' or 'skip'")
        _check_fields([*self.set, *self.clear])
        return self


class SplitSpec(_Strict):
    """One incident for each element of a list in the record, read under the name ``as``."""

    each: str
    as_: str = Field(alias="as", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")


class SourceSpec(_Strict):
    """One source of each incident, or one for each element of a list (``each``).

    With ``each``, the element is read under the name ``as`` (by default the
    last part of ``each``); ``split`` first cuts a text value into parts.
    """

    each: str | None = None
    as_: str | None = Field(default=None, alias="as", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    split: str | None = None
    url: FieldValue | None = None
    publisher: FieldValue | None = None
    published: FieldValue | None = None
    quote: FieldValue | None = None
    title: FieldValue | None = None

    @property
    def element(self) -> str | None:
        """The name each element is read under, or None for a single source."""
        if self.each is None:
            return None
        return self.as_ or self.each.rsplit(".", 1)[-1]


class GeometrySpec(_Strict):
    """Where an incident's point comes from (without it: the record's own point, if any).

    ``lon`` and ``lat`` name two columns; ``lonlat`` a ``[lon, lat]`` array;
    ``text`` a ``"lat, lon"`` text (``order`` says which comes first), which
    may also be a WKT ``POINT (lon lat)``.
    """

    lon: str | None = None
    lat: str | None = None
    lonlat: str | None = None
    text: str | list[str] | None = None
    order: Literal["latlon", "lonlat"] = "latlon"

    @model_validator(mode="after")
    def _one_kind(self) -> GeometrySpec:
        """Require one way of reading the point."""
        kinds = [self.lon is not None or self.lat is not None, self.lonlat is not None]
        kinds.append(self.text is not None)
        if sum(kinds) != 1 or (kinds[0] and (self.lon is None or self.lat is None)):
            raise ValueError("give 'lon' and 'lat', or 'lonlat', or 'text'")
        return self

    @property
    def paths(self) -> list[str]:
        """The paths the point is read from."""
        found = [p for p in (self.lon, self.lat, self.lonlat) if p is not None]
        if self.text is not None:
            found += [self.text] if isinstance(self.text, str) else self.text
        return found


class SeriesSpec(_Strict):
    """Marks every record as one value of a series (country-level figures per period).

    The mark is kept in the incident's ``extra`` under :data:`SERIES_KEY`, so a
    map or chart can draw such records as a series instead of pins.
    """

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    period: Literal["day", "week", "month"] = "day"
    measures: list[Literal["people", "boats"]] = Field(min_length=1)

    def mark(self) -> dict[str, Any]:
        """Return the mark a record of this series carries in ``extra``."""
        return {"name": self.name, "period": self.period, "measures": list(self.measures)}


class Mapping(_Strict):
    """How another dataset's records become incidents; see the module documentation."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    dataset: str
    source: str
    licence: str
    formats: list[FileFormat] = Field(default_factory=list)
    notes: str | None = None
    split: SplitSpec | None = None
    fields: dict[str, FieldValue]
    geometry: GeometrySpec | None = None
    sources: list[SourceSpec] = Field(default_factory=list)
    tables: dict[str, dict[str, Constant]] = Field(default_factory=dict)
    rules: list[Rule] = Field(default_factory=list)
    keep: list[str] = Field(default_factory=list)
    series: SeriesSpec | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Mapping:
        """Require incident fields as targets, and every table that is named to exist."""
        _check_fields(list(self.fields))
        if "event_type" not in self.fields and not any("event_type" in r.set for r in self.rules):
            raise ValueError("fields: 'event_type' must be given")
        for spec in self.field_specs():
            if isinstance(spec.table, str) and spec.table not in self.tables:
                known = ", ".join(sorted(self.tables)) or "none"
                raise ValueError(f"no table named {spec.table!r} (tables: {known})")
        return self

    def field_specs(self) -> list[FieldSpec]:
        """Return every value specification of the mapping: fields, sources, rules."""
        values: list[FieldValue | None] = [*self.fields.values()]
        for source in self.sources:
            values += [getattr(source, name) for name in SOURCE_FIELDS]
        for rule in self.rules:
            values += list(rule.set.values())
        return [value for value in values if isinstance(value, FieldSpec)]

    def columns(self) -> set[str]:
        """Return the top-level columns or properties the mapping reads anywhere."""
        paths = [path for spec in self.field_specs() for path in spec.paths]
        paths += self.geometry.paths if self.geometry else []
        paths += [rule_path for rule in self.rules for rule_path in rule.when]
        paths += [s.each for s in self.sources if s.each] + self.keep
        paths += [self.split.each] if self.split else []
        inner = {self.split.as_} if self.split else set()
        inner |= {s.element for s in self.sources if s.element}
        return {path.split(".", 1)[0] for path in paths} - inner

    def table(self, spec: FieldSpec) -> dict[str, Constant] | None:
        """Return the value table a field names or holds, if any."""
        if isinstance(spec.table, str):
            return self.tables[spec.table]
        return spec.table


@cache
def mapped_fields() -> frozenset[str]:
    """Return the incident fields a mapping may fill: not sources (their own section), not extra.

    The incident model is loaded only when a mapping is checked, so listing
    the mappings stays quick.
    """
    from geo.model import DERIVED_COLUMNS, IncidentProperties

    return frozenset(IncidentProperties.model_fields) - {"sources", "extra", *DERIVED_COLUMNS}


def _check_fields(names: list[str]) -> None:
    """Refuse target names that are not incident fields a mapping may fill."""
    unknown = [name for name in names if name not in mapped_fields()]
    if unknown:
        raise ValueError(
            f"{unknown[0]!r} is not an incident field a mapping fills "
            f"(one of {', '.join(sorted(mapped_fields()))})"
        )


def _compiled(pattern: str) -> re.Pattern[str]:
    """Compile a mapping's regular expression, or say why it is not one."""
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ValueError(f"not a regular expression: {pattern!r} ({error})") from None


def builtin_mappings() -> list[Mapping]:
    """Return the mappings that ship with launchmap, by name."""
    return [_load_file(path) for path in sorted(BUILTIN_DIR.glob("*.toml"))]


def load_mapping(name_or_path: str | Path) -> Mapping:
    """Load a built-in mapping by name, or a mapping file.

    Raises
    ------
    MappingError
        When the name is neither a built-in mapping nor a file, or the file is
        not a valid mapping (naming the file, the key and the value).
    """
    path = Path(name_or_path)
    if path.suffix.lower() == ".toml" or path.is_file():
        if not path.is_file():
            raise MappingError(f"no such mapping file: {path}")
        return _load_file(path)
    builtin = BUILTIN_DIR / f"{name_or_path}.toml"
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(name_or_path)) and builtin.is_file():
        return _load_file(builtin)
    known = ", ".join(mapping.name for mapping in builtin_mappings())
    raise MappingError(
        f"no mapping named {str(name_or_path)!r}: give a built-in name ({known}) or a .toml file"
    )


def _load_file(path: Path) -> Mapping:
    """Read and check one mapping file."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise MappingError(f"{path.name}: not a readable TOML file ({error})") from None
    try:
        return Mapping.model_validate(document)
    except ValidationError as error:
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"] if not str(part).endswith("]"))
        message = detail["msg"].removeprefix("Value error, ")
        raise MappingError(
            f"{path.name}: {where or 'mapping'}: {message} (got {detail.get('input')!r})"
        ) from None
