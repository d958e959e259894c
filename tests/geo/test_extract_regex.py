"""The extractor's factored patterns find exactly what their written forms find."""

from __future__ import annotations

import random
import re

import pytest

from geo.extract._regex import (
    factored,
    folded_finditer,
    folded_search,
    gated,
    lowered,
    without_case,
)

WRITTEN = [
    r"\b(?:sank|sunk|sinking|saved|safe|sea)\b",
    r"\b(?:ab|a|abc)",  # the first that fits wins: "ab" before "abc"
    r"(?:ab|a)c|b",
    r"\b(?:(?:had to|help|helped) save|(?:sent|set) out|seen)\b",
    r"\b(?:(?:a|b)(?P<tail>c+)|ab)",  # a capturing group after the words: not written out
    r"(?<!no )(?:boat|bay)|(?<!un )\bbeach",
    r"\b(?P<n>\d+|one|two|ten)\s+(?:men|women)\b|\b(?P<a>an?|une?)\s+(?:man|woman)\b|, (?P<x>\d+)",
    r"(?:Dover|dune|Deal)s?",
    r"dx|Da|dab",  # under IGNORECASE "Da" and "da…" may match at one place: kept in order
    r"[,;(|]\s*(?:and|ou)|\((?:a|b)\)",
    r"(?:é|e)t(?:é|e)|été",
    r"(?:x|y)?z|(?:x|y){2}",
]
TEXTS = [
    "The boat sank off the bay; ten men were saved, a woman was safe.",
    "abc ab a abcd, 12 women and one man (a) (b) été ete",
    "No boat, no beach: Dover dunes and the Deal sea were seen, un beach",
    "they had to save two; help save; helped saved; sent out, set out",
    "xz yz xyz yyz z, 3 , ou , and ; and, dab Dab dx",
]


def matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    """Return every match's span and groups, as finditer gives them."""
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("source", WRITTEN)
def test_a_factored_pattern_matches_as_written(source: str, flags: int) -> None:
    written = re.compile(source, flags)
    fast = factored(written)
    assert fast.flags == written.flags
    assert fast.groupindex == written.groupindex
    for text in [*TEXTS, *(text.upper() for text in TEXTS)]:
        assert matches(fast, text) == matches(written, text), text


@pytest.mark.parametrize("source", WRITTEN)
def test_a_factored_pattern_matches_as_written_on_scrambled_text(source: str) -> None:
    written = re.compile(source, re.IGNORECASE)
    fast = factored(written)
    pieces = [
        "ab",
        "c",
        "sea",
        "sank",
        "saved",
        "(a)",
        ",",
        ";",
        "x",
        "y",
        "z",
        "été",
        "e",
        "men",
        "one",
        "12",
        "boat",
        "un",
        "no",
        "Dover",
    ]
    draw = random.Random(14)
    for _ in range(500):
        text = " ".join(draw.choice(pieces) for _ in range(draw.randint(0, 8)))
        assert matches(fast, text) == matches(written, text), text


def test_words_are_grouped_by_first_letter() -> None:
    assert factored(re.compile("dead|die|drown|sank")).pattern == "d(?:ead|ie|rown)|sank"
    assert factored(re.compile(r"\bx|\by")).pattern == r"\b(?:x|y)"


def test_upper_case_heads_quantified_heads_and_lookbehinds_stay_as_written() -> None:
    for source in ("Dover|dune", "a?b|ac", r"(?<!a|b)c"):
        assert factored(re.compile(source)).pattern == source


def test_a_group_before_a_capture_is_not_written_out() -> None:
    source = r"(?:a|b)(c)"
    assert factored(re.compile(source)).pattern == source


def test_a_verbose_pattern_is_refused() -> None:
    with pytest.raises(ValueError, match="verbose"):
        factored(re.compile("a b", re.VERBOSE))


@pytest.mark.parametrize(
    "text",
    [
        "Mardi, QUARANTE Migrants ont été secourus; on Tuesday Forty People landed at Deal.",
        "İstanbul: 12 PEOPLE were found",  # its lower case is longer: searched as it is
    ],
)
def test_a_pattern_searched_over_lower_case_finds_the_same_spans(text: str) -> None:
    pattern = re.compile(r"\b(?P<n>\d+|quarante|forty)\s+(?:migrants|people)\b", re.IGNORECASE)
    folded = without_case(pattern)
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in folded_finditer(folded, pattern, text)] == expected
    assert expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("On Tuesday Forty People landed, then 12 PEOPLE", (11, 23)),
        ("İstanbul: 12 PEOPLE were found", (10, 19)),  # its lower case is longer: as it is
        ("No one landed", None),
    ],
)
def test_a_first_match_over_lower_case_is_the_pattern_s_first(
    text: str, span: tuple[int, int] | None
) -> None:
    pattern = re.compile(r"\b(?:\d+|forty)\s+people\b", re.IGNORECASE)
    found = folded_search(without_case(pattern), pattern, text)
    expected = pattern.search(text)
    assert (None if found is None else found.span()) == span
    assert (None if expected is None else expected.span()) == span


def test_a_text_whose_lower_case_moves_its_characters_is_not_lowered() -> None:
    assert lowered("Calais ÉTÉ") == "calais été"
    assert lowered("İstanbul") is None


def test_a_pattern_with_a_capital_letter_cannot_be_searched_over_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        without_case(re.compile(r"\bDover\b", re.IGNORECASE))


@pytest.mark.parametrize(
    ("gate", "source"),
    [
        (r"(?=[\s,;])", r"\s+(?:and|et)\s+|,\s+(?P<then>then)\s+|;\s*"),
        (r"(?:(?=[.!?\s])|(?<=[.!?]))", r"[.!?]+\s+|(?<=[a-z]{2}[.!?])(?=[A-Z])|(?<=\w)\s+(?=The)"),
    ],
)
def test_a_gated_pattern_finds_what_it_finds_ungated(gate: str, source: str) -> None:
    written = re.compile(source)
    fast = gated(gate, written)
    assert fast.groupindex == written.groupindex
    for text in [*TEXTS, "Ten died.The boat sank; then, then five and six et sept The end. Yes"]:
        assert matches(fast, text) == matches(written, text), text
        assert fast.split(text) == written.split(text), text
