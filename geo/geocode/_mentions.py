"""Organisations named in a text, found fast, so that their names are not taken for places.

"le CROSS Gris-Nez a coordonné les secours" names the rescue centre, not the
cape; "Dover Coastguard said" names the coastguard, not the town. The
extractor asks for these spans first and leaves their words alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from geo.geocode._index import NameIndex, name_index
from geo.geocode._text import folded_words


@dataclass(frozen=True)
class OrganisationMention:
    """An organisation named in a text: where (``text[start:end]``), which, and its kind."""

    start: int
    end: int
    written: str
    org_id: str
    name: str
    kind: str


@cache
def _first_words() -> dict[str, tuple[int, ...]]:
    """Return the first word of every organisation form with its forms' lengths, longest first.

    Only at such a word can a mention start, and only as many words long as
    a form that starts with it.
    """
    sizes: dict[str, set[int]] = {}
    for form in name_index().organisation_forms:
        words = form.split(" ")
        sizes.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(lengths, reverse=True)) for first, lengths in sizes.items()}


def organisation_mentions(text: str) -> list[OrganisationMention]:
    """Return the organisations a text names, in order, overlapping mentions merged.

    At each word, the longest organisation name starting there is taken
    (names are compared as the geocoder compares them: no accents, case or
    hyphens); an acronym ("PAF", "CRS") only when the text writes it in
    capitals; a name that is also a place's ("Eurotunnel") is left to be
    read as a place. Overlapping finds become one mention spanning both
    ("les sauveteurs de la SNSM de Calais"), named after the longer.
    """
    index = name_index()
    words = folded_words(text)
    starts = _first_words()
    found: list[tuple[int, int, int]] = []  # start, end, organisation
    for at, (word, _, _) in enumerate(words):
        if word not in starts:
            continue
        for size in starts[word]:
            if size > len(words) - at:
                continue
            piece = words[at : at + size]
            form = " ".join(w for w, _, _ in piece)
            entry = index.organisation_forms.get(form)
            start, end = piece[0][1], piece[-1][2]
            if entry is None or form in index.by_name:
                continue
            if entry.acronym and not text[start:end].isupper():
                continue
            found.append((start, end, entry.organisation))
            break
    return [_mention(index, text, *merged) for merged in _merged(found)]


def _merged(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Merge overlapping finds into one, keeping the organisation of the longest."""
    merged: list[tuple[int, int, int]] = []
    for start, end, organisation in sorted(found):
        if merged and start < merged[-1][1]:
            first_start, first_end, first = merged[-1]
            longer = organisation if end - start > first_end - first_start else first
            merged[-1] = (first_start, max(end, first_end), longer)
        else:
            merged.append((start, end, organisation))
    return merged


def _mention(index: NameIndex, text: str, start: int, end: int, at: int) -> OrganisationMention:
    """Describe one merged find."""
    organisation = index.organisations[at]
    return OrganisationMention(
        start, end, text[start:end], organisation.org_id, organisation.name, organisation.kind
    )
