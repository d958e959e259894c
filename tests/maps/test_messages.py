"""The message catalogues: one per language, complete, and the language negotiation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from maps.errors import MapViewError
from maps.messages import (
    LANGUAGES,
    catalogue,
    choose_language,
    counted,
    format_date,
    format_number,
)

FIELD = re.compile(r"\{(\w+)\}")


def _fields(text: str) -> set[str]:
    return set(FIELD.findall(text))


def test_every_catalogue_has_every_message_with_the_same_fields() -> None:
    english = catalogue("en")
    for lang in LANGUAGES:
        messages = catalogue(lang)
        assert messages.keys() == english.keys(), lang
        for key, text in messages.items():
            assert text.strip(), (lang, key)
            assert _fields(text) == _fields(english[key]), (lang, key)


def test_french_is_translated_not_copied() -> None:
    english, french = catalogue("en"), catalogue("fr")
    copied = [
        key
        for key, text in french.items()
        if text == english[key] and len(FIELD.sub("", text).split()) >= 2
    ]  # phrases the same in both languages are forgotten translations ("incident" is French)
    assert copied == [], copied


@pytest.mark.parametrize(
    ("lang", "header", "expected"),
    [
        ("fr", None, "fr"),
        (None, "fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        (None, "de-DE,en;q=0.5,fr;q=0.4", "en"),
        (None, "en;q=0,fr;q=0.2", "fr"),
        (None, "de, it", "en"),
        (None, None, "en"),
        ("EN", "fr", "en"),
    ],
)
def test_the_address_then_the_browser_choose_the_language(
    lang: str | None, header: str | None, expected: str
) -> None:
    assert choose_language(lang, header) == expected


def test_an_unknown_language_is_named() -> None:
    with pytest.raises(MapViewError, match="lang: 'de' is not one of en, fr"):
        choose_language("de", None)


def test_numbers_dates_and_plurals_as_each_language_writes_them() -> None:
    assert format_number(2007, "en") == "2,007"
    assert format_number(2007, "fr") == "2\u202f007"
    assert format_date(dt.date(2024, 5, 1), "en") == "1 May 2024"
    assert format_date(dt.date(2024, 5, 1), "fr") == "1 mai 2024"
    assert counted("describe.map", 1, "en").startswith("Map of 1 small-boat incident ")
    assert counted("describe.map", 2, "en").startswith("Map of 2 small-boat incidents ")
    assert "1 incident " in counted("describe.map", 1, "fr")
    assert "0 incident " in counted("describe.map", 0, "fr")  # French counts zero as one
