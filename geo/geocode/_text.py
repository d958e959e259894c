"""Text as the geocoder compares it: names folded to one form, queries checked."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from geo.errors import InvalidPlaceQueryError

MAX_QUERY_CHARS = 300

_APOSTROPHES = re.compile(r"[’'`´ʼ]")
_SEPARATORS = re.compile(r"[\-‐‑‒–—_/;:()\[\]\"“”«»!?&+]|(?<!\d)[.,]|[.,](?!\d)")
_WORD_FORMS = {"st": "saint", "ste": "sainte", "mt": "mount"}
_WORD = re.compile(r"[^\W_]+")


@cache
def _fold_char(char: str) -> str:
    """Fold one character: no accent, no case; apostrophes and separators become spaces."""
    decomposed = unicodedata.normalize("NFKD", char)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SEPARATORS.sub(" ", _APOSTROPHES.sub(" ", stripped))


def normalize_name(text: str) -> str:
    """Fold a place name to the form the index compares: no accents, case, hyphens.

    ``Équihen-Plage``, ``equihen plage`` and ``EQUIHEN PLAGE`` all become
    ``equihen plage``; ``St Margaret's`` becomes ``saint margaret s``.
    """
    if text.isascii():  # most names: no accents to strip
        stripped = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    spaced = _SEPARATORS.sub(" ", _APOSTROPHES.sub(" ", stripped))
    return " ".join(_WORD_FORMS.get(word, word) for word in spaced.split())


def folded_words(text: str) -> list[tuple[str, int, int]]:
    """Return the words of a text as :func:`normalize_name` writes them, with their spans.

    Each word comes with the start and end of the characters it was folded
    from in ``text``, so that a name found among the words can be pointed to
    in the original text.
    """
    pieces = [_fold_char(char) for char in text]
    folded = "".join(pieces)
    origin = [at for at, piece in enumerate(pieces) for _ in piece]
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
