"""Every word a reader sees, from one catalogue of messages per language.

A catalogue is a JSON file in this package (``en.json``), keyed by message
name; a message may hold ``{name}`` fields that the caller fills in. The page
shell, the embed snippet and the page script (which gets the catalogue in its
configuration) all take their text from here.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from maps.errors import MapViewError

LANGUAGES = ("en",)
"""The languages a catalogue exists for."""
DEFAULT_LANGUAGE = "en"


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Return the messages of ``language`` (one of :data:`LANGUAGES`).

    Raises
    ------
    MapViewError
        For a language launchmap has no catalogue for, naming it.
    """
    if language not in LANGUAGES:
        raise MapViewError(
            f"lang: {language!r} is not one of {', '.join(LANGUAGES)} "
            "(French comes with the catalogue of a later launchmap)"
        )
    text = resources.files("maps.messages").joinpath(f"{language}.json").read_text("utf-8")
    messages: dict[str, str] = json.loads(text)
    return messages


def message(name: str, language: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """Return one message of ``language`` with its ``{name}`` fields filled in."""
    return catalogue(language)[name].format(**fields)
