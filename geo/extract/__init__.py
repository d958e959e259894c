"""Incidents from news reports and official notices (see :func:`extract_incidents`).

The package reads like the pipeline: ``_document`` (the corpus format),
``_text`` (markup, sentences, clauses), ``_cues`` (event cues, dates,
counts), ``_places`` (places named in a clause), ``_pipeline`` (sentences to
incidents) and ``evaluate`` (scores against gold corpora), imports running
that way.
"""

from geo.extract._document import Document, check_url, parse_document
from geo.extract._pipeline import (
    MAX_TEXT_CHARS,
    extract_document,
    extract_frame,
    extract_incidents,
    merge_corroborated,
)

__all__ = [
    "MAX_TEXT_CHARS",
    "Document",
    "check_url",
    "extract_document",
    "extract_frame",
    "extract_incidents",
    "merge_corroborated",
    "parse_document",
]
