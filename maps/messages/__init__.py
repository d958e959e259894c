"""Every word a reader sees, from one catalogue of messages per language.

A catalogue is a JSON file in this package (``en.json``, ``fr.json``), keyed
by message name; a message may hold ``{name}`` fields that the caller fills
in. The page shell, the embed snippet and builder, the static images, the
error pages and the page script (which gets the catalogue in its
configuration) all take their text from here. :func:`choose_language` picks
a page's language: the address's ``lang``, then the browser's
``Accept-Language``, then English.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources

from maps.errors import MapViewError

LANGUAGES = ("en", "fr")
"""The languages a catalogue exists for."""
DEFAULT_LANGUAGE = "en"


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Return the messages of ``language`` (one of :data:`LANGUAGES`).

    A message a catalogue lacks is taken from the English one (a test keeps
    the catalogues complete; this only keeps a page whole meanwhile).

    Raises
    ------
    MapViewError
        For a language launchmap has no catalogue for, naming it.
    """
    check_language(language)
    messages = _read(DEFAULT_LANGUAGE)
    return messages if language == DEFAULT_LANGUAGE else {**messages, **_read(language)}


def check_language(language: str) -> str:
    """Return ``language`` if launchmap speaks it; otherwise raise a MapViewError naming it."""
    if language not in LANGUAGES:
        raise MapViewError("error.lang", value=language, known=", ".join(LANGUAGES))
    return language


def _read(language: str) -> dict[str, str]:
    """Read one catalogue file of the package."""
    text = resources.files("maps.messages").joinpath(f"{language}.json").read_text("utf-8")
    messages: dict[str, str] = json.loads(text)
    return messages


def message(key: str, language: str = DEFAULT_LANGUAGE, /, **fields: object) -> str:
    """Return one message of ``language`` with its ``{name}`` fields filled in."""
    return catalogue(language)[key].format(**fields)


def choose_language(requested: str | None, accept_language: str | None) -> str:
    """Return the language of a page: the one asked for, else the browser's best, else English.

    ``requested`` is the address's ``lang`` (already checked); ``accept_language``
    the ``Accept-Language`` header, whose tags are taken by weight (``fr-FR``
    counts as ``fr``; a tag of weight 0 is refused, as HTTP says).
    """
    if requested:
        return requested
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, parameters = part.strip().partition(";")
        weight = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and weight > 0:
            ranked.append((-weight, position, primary))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def format_number(number: int, language: str) -> str:
    """Write a whole number as the language does: ``2,007`` in English, ``2 007`` in French.

    French groups digits with a narrow no-break space, as browsers' ``Intl`` does.
    """
    grouped = f"{number:,}"
    return grouped.replace(",", "\u202f") if language == "fr" else grouped


def format_date(day: dt.date, language: str) -> str:
    """Write a date in words: ``3 June 2024`` in English, ``3 juin 2024`` in French."""
    months = message("image.months", language).split("|")
    number = message("image.day_one", language) if day.day == 1 else str(day.day)
    return message("image.date", language, day=number, month=months[day.month - 1], year=day.year)
