"""Text as the geocoder compares it: names folded to one form, queries checked."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from geo.errors import InvalidPlaceQueryError

MAX_QUERY_CHARS = 300

_APOSTROPHES = re.compile(r"[’'`´ʼ]")
_SEPARATORS = re.compile(r"[\-‐‑‒–—_/;:()\[\]\"“”«»!?&+]|(?<!\d)[.,]|[.,](?!\d)")
_WORD_FORMS = {"st": "saint", "ste": "sainte", "mt": "mount"}
_WORD = re.compile(r"[^\W_]+")


def _strip_char(char: str) -> str:
    """Fold one character's case and drop its accents (``É`` is ``e``, ``ß`` is ``ss``)."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _fold_char(char: str) -> str:
    """Fold one character: no accent, no case; apostrophes and separators become spaces."""
    return _SEPARATORS.sub(" ", _APOSTROPHES.sub(" ", _strip_char(char)))


def _evenly(char: str) -> str:
    """Map a character to nothing when it folds to exactly one character, else to itself."""
    return "" if len(_fold_char(char)) == 1 else char


class _CharTable(dict[int, str]):
    """A :meth:`str.translate` table mapping each character by a function, filled as met.

    Translating a text character by character is exact here: decomposing a
    text and dropping its accents leaves, character for character, what
    decomposing each character does (only accents are reordered), and
    case folding knows no context.
    """

    def __init__(self, fold: Callable[[str], str]) -> None:
        super().__init__()
        self.fold = fold

    def __missing__(self, code: int) -> str:
        folded = self[code] = self.fold(chr(code))
        return folded


_STRIPPED = _CharTable(_strip_char)
_FOLDED = _CharTable(_fold_char)
_UNEVEN = _CharTable(_evenly)
"""Tells by translating a text whether some character folds to more or fewer than one."""


def normalize_name(text: str) -> str:
    """Fold a place name to the form the index compares: no accents, case, hyphens.

    ``Équihen-Plage``, ``equihen plage`` and ``EQUIHEN PLAGE`` all become
    ``equihen plage``; ``St Margaret's`` becomes ``saint margaret s``.
    """
    stripped = text.lower() if text.isascii() else text.translate(_STRIPPED)
    spaced = _SEPARATORS.sub(" ", _APOSTROPHES.sub(" ", stripped))
    return " ".join(_WORD_FORMS.get(word, word) for word in spaced.split())


def folded_words(text: str) -> list[tuple[str, int, int]]:
    """Return the words of a text as :func:`normalize_name` writes them, with their spans.

    Each word comes with the start and end of the characters it was folded
    from in ``text``, so that a name found among the words can be pointed to
    in the original text.
    """
    folded = text.translate(_FOLDED)
    if not text.translate(_UNEVEN):  # every character folds to one: places are kept
        return [
            (_WORD_FORMS.get(word.group(), word.group()), word.start(), word.end())
            for word in _WORD.finditer(folded)
        ]
    origin = [at for at, char in enumerate(text) for _ in _fold_char(char)]
    return [
        (
            _WORD_FORMS.get(word.group(), word.group()),
            origin[word.start()],
            origin[word.end() - 1] + 1,
        )
        for word in _WORD.finditer(folded)
    ]


def check_query(query: str) -> str:
    """Return the query stripped, or refuse it naming what is wrong.

    Raises
    ------
    InvalidPlaceQueryError
        For an empty query, one longer than MAX_QUERY_CHARS, or one holding
        control characters.
    """
    if not isinstance(query, str):
        raise InvalidPlaceQueryError(f"a place name must be text, got {type(query).__name__}")
    stripped = query.strip()
    if not stripped:
        raise InvalidPlaceQueryError("empty place name")
    if len(stripped) > MAX_QUERY_CHARS:
        raise InvalidPlaceQueryError(
            f"place name of {len(stripped)} characters is too long (at most {MAX_QUERY_CHARS}): "
            f"{stripped[:40]!r}…"
        )
    controls = sorted({c for c in stripped if unicodedata.category(c) in ("Cc", "Cf")})
    if controls:
        shown = ", ".join(repr(c) for c in controls)
        raise InvalidPlaceQueryError(f"place name holds control characters ({shown}): {stripped!r}")
    return stripped
