"""Every word a reader sees, from one catalogue of messages per language.

A catalogue is a JSON file in this package (``en.json``, ``fr.json``), keyed
by message name; a message may hold ``{name}`` fields that the caller fills
in. A message that depends on a count has one key per plural category of the
language (``chart.series.one``, ``chart.series.other``), chosen with the
language's plural rules (:func:`counted`; the page script uses ``Intl``'s).
The page shell, the embed snippet and the page script (which gets the
catalogue in its configuration) all take their text from here.

A page's language is the ``lang`` of its address if one is given, else the
first of the reader's ``Accept-Language`` that launchmap has a catalogue for,
else English (:func:`choose_language`). The page shell, the embed snippet and
builder, the static images and the error pages take their text from here too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources

from babel import Locale, dates, numbers

from maps.errors import MapViewError

LANGUAGES = ("en", "fr")
"""The languages a catalogue exists for."""
DEFAULT_LANGUAGE = "en"
_MAX_ACCEPT_LANGUAGE_CHARS = 1_000  # a longer header is read only this far


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Return the messages of ``language`` (one of :data:`LANGUAGES`).

    Raises
    ------
    MapViewError
        For a language launchmap has no catalogue for, naming it.
    """
    check_language(language)
    text = resources.files("maps.messages").joinpath(f"{language}.json").read_text("utf-8")
    messages: dict[str, str] = json.loads(text)
    return messages


def check_language(language: str) -> str:
    """Return ``language`` if launchmap has a catalogue for it.

    Raises
    ------
    MapViewError
        Naming the language and the ones there are.
    """
    if language not in LANGUAGES:
        raise MapViewError("error.lang", value=language, known=", ".join(LANGUAGES))
    return language


def message(key: str, language: str = DEFAULT_LANGUAGE, /, **fields: object) -> str:
    """Return one message of ``language`` with its ``{name}`` fields filled in."""
    return catalogue(language)[key].format(**fields)


def counted(name: str, count: int, language: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """Return the plural form of message ``name`` for ``count``, its fields filled in.

    ``{count}`` is the count written as the language writes numbers.
    """
    category = Locale.parse(_locale(language)).plural_form(count)
    messages = catalogue(language)
    key = f"{name}.{category}" if f"{name}.{category}" in messages else f"{name}.other"
    return messages[key].format(count=format_number(count, language), **fields)


def format_number(number: int | float, language: str = DEFAULT_LANGUAGE) -> str:
    """Write a number as ``language`` does (``2,007`` in English, ``2\u202f007`` in French).

    French groups digits with a narrow no-break space, as browsers' ``Intl`` does.
    """
    return str(numbers.format_decimal(number, locale=_locale(language)))


def format_date(day: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """Write a date as ``language`` does in running text (``1 May 2024``, ``1 mai 2024``).

    The same words as the page script's ``Intl.DateTimeFormat`` with a long month,
    in the page's locale (British English; French of France).
    """
    return str(dates.format_date(day, format="long", locale=_locale(language)))


GROUPED_BY_THREE = "#,##0.###"
"""The CLDR decimal pattern the page script writes numbers in (en_GB's and fr_FR's)."""
DAY_FIELDS = frozenset({"d", "dd", "M", "MM", "MMM", "MMMM", "y", "yyyy"})
"""The fields of a date pattern the page script writes (day, month and year)."""
DATE_PATTERN_PART = r"(?P<field>([A-Za-z])\2*)|'(?P<quoted>(?:[^']|'')*)'|(?P<literal>[^A-Za-z']+)"
"""One part of a CLDR date pattern: a field (a letter repeated), quoted text or other text."""


@cache
def page_formats(language: str) -> dict[str, object]:
    """Return what the page script needs to write numbers and dates as ``language`` does.

    The symbols, month names and the medium date pattern come from CLDR (Babel),
    the same as the server's images and captions. With them, the page writes
    its counts and dates without the browser's ``Intl`` formatters, whose
    first use loads locale data for tens of milliseconds before a marker is
    drawn. The date patterns (a day: ``6 Dec 2026``; a month: ``December
    2026``) come as lists of literal text and ``[field]`` parts. Raises
    ``ValueError`` for a locale whose numbers are not grouped by three or
    whose dates use other fields: the page script would write them wrongly.
    """
    locale = Locale.parse(_locale(language))
    decimal_pattern = locale.decimal_formats[None].pattern
    if decimal_pattern != GROUPED_BY_THREE:
        raise ValueError(f"{locale} writes numbers as {decimal_pattern!r}, not grouped by three")
    day_pattern = dates.get_date_format("medium", locale=locale).pattern
    month_pattern = locale.datetime_skeletons["yMMMM"].pattern
    return {
        "group": numbers.get_group_symbol(locale),
        "decimal": numbers.get_decimal_symbol(locale),
        "minus": numbers.get_minus_sign_symbol(locale),
        "months": list(locale.months["format"]["abbreviated"].values()),
        "longMonths": list(locale.months["format"]["wide"].values()),
        "day": _pattern_parts(day_pattern, str(locale)),
        "month": _pattern_parts(month_pattern, str(locale)),
    }


def _pattern_parts(pattern: str, locale: str) -> list[str | list[str]]:
    """Split a CLDR date pattern into literal text and ``[field]`` parts (quotes undone)."""
    parts: list[str | list[str]] = []
    for part in re.finditer(DATE_PATTERN_PART, pattern):
        field, quoted, literal = part.group("field", "quoted", "literal")
        if field and field not in DAY_FIELDS:
            raise ValueError(f"{locale}'s date pattern {pattern!r} uses {field!r}")
        if field:
            parts.append([field])
        else:
            parts.append(literal if quoted is None else (quoted or "'").replace("''", "'"))
    return parts


def _locale(language: str) -> str:
    """Return the locale of a language's catalogue (``en_GB``, ``fr_FR``): its numbers and dates."""
    return message("embed.locale", language)


def choose_language(lang: str | None, accept_language: str | None) -> str:
    """Return the page language: ``lang`` if given, else the reader's first known one, else English.

    ``accept_language`` is an HTTP ``Accept-Language`` header
    (``fr-FR,fr;q=0.9,en;q=0.8``): its languages are tried by decreasing
    weight, by their primary subtag; ``q=0`` refuses one.

    Raises
    ------
    MapViewError
        When ``lang`` is given and launchmap has no catalogue for it.
    """
    if lang:
        return check_language(lang.strip().lower())
    for tag in _accepted(accept_language or ""):
        primary = tag.split("-", 1)[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


def _accepted(header: str) -> list[str]:
    """Return the language tags of an ``Accept-Language`` header, most wanted first."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header[:_MAX_ACCEPT_LANGUAGE_CHARS].split(",")):
        tag, _, parameters = part.strip().lower().partition(";")
        weight = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and weight > 0:
            weighted.append((-weight, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]
