"""Text preparation for the extractor: markup stripped, sentences and clauses, comparison keys.

Everything here runs in time linear in the text: one pass of an HTML parser,
regular expressions without nested repetition, and sentences cut to at most
:data:`MAX_SENTENCE_CHARS` characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from geo.extract._regex import gated

MAX_SENTENCE_CHARS = 1_000
"""Longer runs without a sentence end (markup debris, tables) are cut at spaces."""

_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "title",
        "tr",
        "ul",
    }
)
_MARKUP = re.compile(r"<(?:!--|!doctype|/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>)", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\u200b-\u200f\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


class _TextCollector(HTMLParser):
    """Collect the text of an HTML page: block elements become line breaks, scripts vanish."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a skipped element or break the line before a block."""
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Break the line at a self-closing block element such as ``<br/>``."""
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close a skipped element or break the line after a block."""
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements."""
        if not self._skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` holds HTML or XML markup (a tag, a comment or a doctype)."""
    return _MARKUP.search(text) is not None


def html_to_text(markup: str) -> str:
    """Return the readable text of HTML: tags stripped, entities decoded, scripts dropped.

    Block elements (paragraphs, headings, list items, captions …) end a line,
    so their text never runs into the next one.
    """
    collector = _TextCollector()
    try:
        collector.feed(markup)
        collector.close()
    except AssertionError:  # html.parser gives up on some malformed declarations ("<![…")
        return html.unescape(_ANY_TAG.sub("\n", markup))
    return "".join(collector.parts)


def clean_text(text: str) -> str:
    """Prepare a document's text: markup stripped, control characters and odd spaces removed.

    Undecodable bytes (U+FFFD after ``errors='replace'``) and control
    characters become spaces; line breaks are kept, as they separate
    paragraphs and captions.
    """
    if looks_like_html(text):
        text = html_to_text(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROLS.sub(" ", text)
    return _SPACES.sub(" ", text)


# -- sentences ------------------------------------------------------------------------

_SENTENCE_END = re.compile(
    r"[.!?…]+[\"'’”»)\]]*\s+|(?<=(?:[a-zà-ÿ0-9)]{2}|[A-ZÀ-ÖØ-Þ]\))[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])"
    r"|(?:(?<=\)[.!?])|(?<=[a-zà-ÿ]{3}[.!?]))(?=\d+\s)"
    r"|(?<=[a-zà-ÿ]{3})\s+(?=(?:Le|La|Les|Un|Une|The)\s+[a-zà-ÿ])"
)
"""A sentence end: punctuation then space, or glued to the next sentence as scraped pages have
it ("…à Calais.Les migrants", "(62).13 naufragés", "port de Calais.17 naufragés", "par la
police aux frontières (PAF).Une deuxième alerte"), or with the full stop lost at a paragraph's
end ("… dans un communiqué Le moteur est tombé en panne": an article and a lower-case word), but
not inside "U.K.", "1.5" or an address, nor before a name ("à Le Portel", "in The Times")."""
_SENTENCE_START = re.compile(r"[\"'‘“«(\[]?[A-ZÀ-ÖØ-Þ0-9]")
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "vs",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "prof",
        "m",
        "mme",
    }
)


def sentences(text: str) -> Iterator[str]:
    """Yield the sentences of cleaned text, paragraph by paragraph, in order.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a capital or a
    digit (not after a title such as ``Mr.``), or at a line break; pieces longer
    than MAX_SENTENCE_CHARS are cut at spaces.
    """
    for paragraph in text.split("\n"):
        start = 0
        for end in _SENTENCE_END.finditer(paragraph):
            if _SENTENCE_START.match(paragraph, end.end()) and not _after_abbreviation(
                paragraph, end.start()
            ):
                yield from _bounded(paragraph[start : end.end()])
                start = end.end()
        yield from _bounded(paragraph[start:])


def _after_abbreviation(paragraph: str, stop: int) -> bool:
    """Tell whether the full stop at ``stop`` ends a title such as ``Mr.`` or ``St.``."""
    word_start = paragraph.rfind(" ", max(0, stop - 6), stop) + 1
    return paragraph[word_start:stop].lower() in _ABBREVIATIONS


def _bounded(sentence: str) -> Iterator[str]:
    """Yield a stripped sentence, cut at spaces into pieces of at most MAX_SENTENCE_CHARS."""
    sentence = sentence.strip()
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > MAX_SENTENCE_CHARS // 2 else MAX_SENTENCE_CHARS
        yield sentence[:cut].strip()
        sentence = sentence[cut:].strip()
    if sentence:
        yield sentence


_KEY_DROPPED = re.compile(r"[^\w]+")


def sentence_key(sentence: str) -> str:
    """Return the comparison key of a sentence: case, accents, punctuation and spacing folded.

    A caption repeated with other quotes, dashes or a missing full stop has
    the same key as the sentence it repeats.
    """
    folded = sentence.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).translate(_ACCENTS)
    return _KEY_DROPPED.sub(" ", folded).strip()


class _Accents(dict[int, str | None]):
    """A :meth:`str.translate` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> str | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else chr(code)
        return kept


_ACCENTS = _Accents()


# -- clauses --------------------------------------------------------------------------

_SUBJECTS = (
    r"(?:they|he|she|it|we|migrants|people|police|officers|gendarmes|the|dozens|hundreds|"
    r"(?:french|british|belgian|dutch|local|border) \w+|"
    r"groups?|men|women|children|ministers|smugglers|authorities|crews?|boats?|an?(?! result\b| "
    r"part\b| well\b| whole\b))\b"
)
_COUNT_START = (
    r"(?:\d|(?:another|a further|some|about|around|more than|over|at least|plus de|au moins"
    r"|environ|près de|une? (?:dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine"
    r"|soixantaine|centaine)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|sixty|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt"
    r"|trente|quarante|cinquante|soixante)\b)"
)
"""How a second event's count starts after "and": "three died and 40 were rescued", "and then
another eight were found"."""
_AFTER_COUNT = (
    r"(?:(?:others?\s+|more\s+|further\s+|autres\s+|de plus\s+)?(?:were|was|have|had|are|died"
    r"|drowned|(?:l['’])?(?:ont|avaient)|sont|étaient|off|near|au large|près)\b"
    r"|(?:à|au|aux|at|in)\s+(?=[A-ZÀ-ÖØ-Þ])"
    r"|dans\s+(?:le|la|les)\s+(?:secteur|zone|eaux)\b)"
)
"""What follows that count at once: a verb or a place ("and 40 off Dunkirk", "et 15 à
Wimereux"), not a noun, so "four adults and two children were stopped" stays one group."""
_DAY_LEAD = (
    r"(?:on\s+|the\s+(?:previous|following|next)\s+|last\s+|le\s+|dès\s+le\s+)?(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche)\b"
)
"""A day that opens a second event after "and": "at Deal on Monday and on Tuesday, 20 at
Dover", "et mardi, 30 autres"."""
_EARLIER_BY = (
    r"(?:(?:just|only|seulement)\s+)?(?:(?:a|one|two|three|a\s+few|some)\s+(?:days?|hours?|weeks?)"
    r"|days|hours|weeks)\s+after\s(?!\w+ing\b)|(?:(?:quelques|deux|trois)\s+(?:jours|heures|semaines)"
    r"|(?:un|une)\s+(?:jour|semaine))\s+(?:seulement\s+)?après\s|au\s+lendemain\s+d"
)
"""A lead that tells an earlier event by the time since it ("days after six died", "one day
after", "trois jours après la mort de", "au lendemain du naufrage"): a clause of its own, of
another day than the sentence's. Not a participle ("two days after leaving Dunkirk"): that
is the sentence's own party, on its own journey."""
EARLIER_BY = re.compile(r"\W*" + _EARLIER_BY, re.IGNORECASE)
"""A clause that opens on :data:`_EARLIER_BY`: its event is earlier than the sentence's day."""
_EARLIER_LEAD = re.compile(
    r"^(?P<lead>\W*(?:" + _EARLIER_BY + r")[^,;]{1,200}?),\s+", re.IGNORECASE
)
"""A sentence that opens on an earlier event ("Just one day after 12 died off A, another boat
left"): up to its comma, a clause of its own."""
_THAT_DAY = (
    r"(?:(?:le|the)\s+)?(?:(?:même|same)\s+)?(?:jour|day|nuit|night)\s+(?:où|when|on\s+which)"
)
"""An appositive on the day just named ("mercredi, jour où un migrant est mort", "Monday, the
day when"): a clause of its own, often another event."""


_CLAUSE_BREAK = re.compile(
    # "200 were seen trying to leave – but were stopped by police": a dash before "but" and a
    # verb without its subject joins two verbs of one party, as "but" alone does
    r"\s+[-–—]+\s+(?!(?:but|mais)\s+(?:were|was|had|have|ont|a|sont|est|avaient|étaient)\s)"
    r"|;\s+|:\s+(?=[A-Z'‘\"“])|,\s+(?:and(?!\s+also\s+(?:at|on|in|off|near)\s)|but|while|whereas"
    r"|though|although|as)\s+"
    r"|\s+(?:while|whereas)\s+|\s+(?:alors|tandis) qu(?:e\s+|['’])"
    r"|,\s+(?=(?:bringing|taking|pushing|raising)\b)"
    r"|,\s+(?=(?:the|a|an)\s+(?:highest|largest|biggest|most|lowest|new|record|total)\b)"
    rf"|\s+as\s+(?={_SUBJECTS})"
    rf"|,?\s+(?:and|et|while|tandis que)\s+(?:(?:then|puis|ensuite)\s+)?"
    rf"(?={_COUNT_START}\S*(?:\s+{_COUNT_START}\S*)?\s+{_AFTER_COUNT})"
    rf"|,\s+(?:then|puis|ensuite)\s+(?={_COUNT_START}\S*\s+{_AFTER_COUNT})"
    # "… at A and shortly after, three people were rescued": a time set off by its comma opens
    # the second event's clause
    r"|,?\s+(?:and|et)\s+(?=(?:peu|juste|shortly|soon)\s+(?:après|after(?:wards)?),\s)"
    rf"|,\s+(?={_COUNT_START}\S*\s+(?:(?:personnes|migrants|exilés|people|others|autres)\s+)?"
    r"(?:(?:à|au|aux|at|in)\s+[A-ZÀ-ÖØ-Þ]|(?:off|near|au large|près)\b))"
    r"|,\s+(?:et|mais)\s+(?!(?:à|au|aux|en|du|des|d['’])\s*[^,;.]{1,40}[.!]?$|depuis\s+[A-ZÀ-ÖØ-Þ])"
    # "crossings went on all day, with more people brought ashore at Dover": the share after
    # "with" is told as an event of its own, not under the habit or plan the first half tells
    r"|,\s+(?=(?:où|where)\s)|,?\s+with\s+(?=(?:some|others|many|most|more|further)\s)"
    # "430 crossed on Monday, some landing at Deal", "certains débarquant à Deal": a share of
    # the whole told by a participle, with or without its comma, is an event of its own
    r"|,?\s+(?=(?:some|others|many|most|certaine?s|d['’]autres|la plupart)\s+(?:of them\s+)?"
    r"\w+(?:ing|ant)\s+(?:at|in|on|near|off|à|au|aux|en|sur|près)\b)"
    rf"|,\s+(?={_THAT_DAY}\s)"
    rf"|,?\s+(?:and|et)\s+(?={_DAY_LEAD})"
    rf"|,\s+(?={_COUNT_START}\S*\s+(?:d['’]|de\s+)?(?:personnes|migrants|exilés|naufragés|people"
    r"|migrants|others|autres)\s+\w+(?:ée?s?|ie?s?|ue?s?|ed)\b)"
    rf"|,\s+(?={_EARLIER_BY})"
    r"|,?\s+(?:before|avant d['’]|avant de)\s+(?=(?:they|it|he|she|the|their|its|être|se"
    r"|s['’])\b)"
    # "launched from Wissant before being rescued", "avant d'être secourus": the rescue or the
    # stop is an event of its own, not at the beach left; "before being taken to Dover" is not
    r"|\s+(?:before\s+being|avant\s+d['’]\s*être)\s+(?=(?:rescued|saved|intercepted|stopped"
    r"|secourue?s?|sauvée?s?|interceptée?s?|stoppée?s?)\b)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r",\s*(?:which|who|whom|whose|qui|dont)\b(?!\s*(?:(?:(?:had|has)\s+left|left\s+from"
    r"|(?:avait|avaient|a|ont)\s+quitté)\s+(?!(?:their|his|her|its|ses|son|sa|leurs?)\b)"
    r"|(?:had\s+)?(?:set\s+(?:off|out|sail)|cast\s+off|departed)\s+from"
    r"|(?:était|étaient|est|sont)\s+partie?s?\s+(?:de|d['’]|du|des|depuis)\b"
    r"|(?:avait|avaient|a|ont)\s+pris\s+la\s+mer))[^,;]*",
    re.IGNORECASE,
)
"""A relative clause, which only describes: not one that tells where the boat had left from
(", which had left Dunkirk", ", who cast off from Wissant", ", qui avait quitté Wimereux"),
kept in its clause as a departure told in passing. A bare "which left" is not enough: "which
left three dead" tells no departure."""


_DASHED_ASIDE = re.compile(
    r"\s+[-–—]+\s+(?P<aside>(?:including|among them|of whom|dont|parmi (?:eux|elles|lesquel\w*)"
    r"|y compris|notamment)\b[^-–—]{1,160}?|[^-–—\d.;:]{1,40}?)\s+[-–—]+\s+",
    re.IGNORECASE,
)
"""An aside between dashes that breaks down a count ("40 people - including six children -
were rescued") or is a few words long ("12 men - all Syrian - were stopped"): it is read as
between commas, so the count and its verb stay one clause."""


_RANGE = re.compile(
    r"\b(?P<lead>between|entre|aged|âgée?s? de)\s+(?P<low>\d+)\s+(?:and|et|to|à)\s+(?P<high>\d+)\b",
    re.IGNORECASE,
)
"""A range of numbers ("aged between 20 and 40", "entre 30 et 40"): its "and" joins no events."""


@dataclass(frozen=True)
class Clause:
    """A piece of a sentence; a ``relative`` one (", which …", ", qui …") only describes."""

    text: str
    relative: bool = False


def clauses(sentence: str) -> list[Clause]:
    """Cut a sentence into clauses at dashes, semicolons and conjunctions, relative ones apart.

    ``"The boat, which had left at dawn, was found"`` gives the main clause
    ``"The boat was found"`` and the relative clause ``"which had left at dawn"``.
    """
    found: list[Clause] = []
    sentence = _DASHED_ASIDE.sub(r", \g<aside>,", sentence)
    sentence = _EARLIER_LEAD.sub(r"\g<lead>; ", sentence)
    sentence = _RANGE.sub(r"\g<lead> \g<low>-\g<high>", sentence)
    for part in _CLAUSE_BREAK.split(sentence):
        main = _RELATIVE.sub("", part).strip(" ,")
        if main:
            found.append(Clause(main))
        found.extend(
            Clause(match.group().strip(" ,"), relative=True) for match in _RELATIVE.finditer(part)
        )
    return found


# -- fast forms -------------------------------------------------------------------------
# Each alternative of these opens on a repeat or a lookbehind, which the engine cannot skip
# ahead to: led by a test of the characters they all start at (see geo.extract._regex), they
# are tried only there and find the same breaks.

_SENTENCE_END = gated(r"(?:(?=[.!?…\s])|(?<=[.!?]))", _SENTENCE_END)
_CLAUSE_BREAK = gated(r"(?=[\s,;:])", _CLAUSE_BREAK)
