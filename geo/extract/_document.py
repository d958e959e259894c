"""Reports as the extractor reads them: an address, a publication date and the text.

The corpus format (and ``launchmap extract`` on files) puts ``URL:`` and
``PUBLISHED:`` header lines, then a blank line, before the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.errors import DocumentError


@dataclass(frozen=True)
class Document:
    """A report to extract from: its address, its publication date and its text."""

    url: str | None
    published: dt.date | None
    text: str


_HEADER = re.compile(r"^(?P<key>URL|PUBLISHED)\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE)


def parse_document(raw: str, *, source: str = "document") -> Document:
    """Read a document in the corpus format: ``URL:``/``PUBLISHED:`` lines, a blank line, text.

    The header is optional: text that does not start with a header line is
    all text. ``PUBLISHED: unknown`` (or empty) means no date.

    Raises
    ------
    DocumentError
        For a PUBLISHED value that is not a YYYY-MM-DD date or ``unknown``, or a
        URL that is not an http(s) address, naming ``source`` and the line.
    """
    lines = raw.removeprefix("\ufeff").splitlines()
    url: str | None = None
    published: dt.date | None = None
    body_start = 0
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header is None:
            body_start = number if not line.strip() else number - 1
            break
        where = f"{source}, line {number}"
        if header["key"].upper() == "URL":
            url = check_url(header["value"] or None, where)
        else:
            published = _published(header["value"], where)
        body_start = number
    return Document(url, published, "\n".join(lines[body_start:]))


def _published(value: str, where: str) -> dt.date | None:
    """Read a PUBLISHED header value: a YYYY-MM-DD date, or ``unknown``/empty for none."""
    if value.lower() in ("", "unknown", "none", "null"):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DocumentError(
            f"{where}: PUBLISHED must be a YYYY-MM-DD date or 'unknown' (got {value!r})"
        ) from None


def check_url(url: str | None, where: str = "url") -> str | None:
    """Return a document address after checking it is an http(s) address without spaces.

    Raises
    ------
    DocumentError
        Naming ``where`` and the bad value.
    """
    if url is None:
        return None
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        raise DocumentError(f"{where}: must be an http:// or https:// address (got {url!r})")
    if len(url) > 2048:
        raise DocumentError(f"{where}: address of {len(url)} characters is too long (max 2048)")
    return url
