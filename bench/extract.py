"""Benchmark: extract incidents from real reports, against a naive gazetteer tagger.

Usage::

    python bench/extract.py            # the dev corpus repeated to 1,000 documents (>= 100/s)
    python bench/extract.py --quick    # 150 documents, well under a minute
    python bench/extract.py --corpus ../shared/eval/dev --documents 500

The documents are the real reports of the evaluation's development corpus
(``../shared/eval/dev`` beside the project, read at run time, never copied
here), repeated in turn to the number of documents asked. Each run also
scores both extractors on the distinct reports against their gold
incidents with :mod:`geo.extract.evaluate`.

launchmap's :func:`geo.extract.extract_incidents` tests each sentence with a
keyword prefilter and geocodes only the place phrases of clauses that report
an event. The baseline, "naive: geocode every capitalised word sequence",
geocodes every run of capitalised words of every sentence with the sentence
as context (the way a straightforward gazetteer tagger works) and types each
sentence by the same cue words, one incident per sentence at its first place
found; it runs on a sample and its rate is compared per document. Both run
in this one process, timed in processor seconds (one core's work, whatever
else the machine runs). The last lines are one JSON object per figure.

The extractor remembers what it learnt about names (gazetteer matches, the
geocoder's answers per query and sentence hints), never a document's or a
sentence's result: repeating the reports repeats their reading but not their
names' look-ups, as a stream of reports about one coast mostly names the same
places. The rate of the first pass over the distinct reports, whose names
are met for the first time, is printed too.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from _report import figure

from geo.extract import Document, extract_document
from geo.extract._cues import event_cue, find_date, people_count
from geo.extract._text import clean_text, sentences
from geo.extract.evaluate import CorpusDocument, figures, load_corpus, score_document
from geo.geocode import geocode_many
from geo.model import Incident

FULL_DOCUMENTS = 1_000
QUICK_DOCUMENTS = 150
BASELINE_SAMPLE = 50
QUICK_BASELINE_SAMPLE = 25
TARGET_PER_S = 100.0
BASELINE_NAME = "naive: geocode every capitalised word sequence"
DEV_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
"""The corpus beside the project (``../shared/eval/dev`` from its root)."""

_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*")


def naive_extract(document: Document) -> list[Incident]:
    """Geocode every capitalised word sequence of every sentence; type sentences by cue words.

    Each sentence that has cue words becomes one incident at its first place
    found (no prefilter, no clause analysis, no roles of places, no statistics
    or policy filter, no merging of repeated captions).
    """
    found: list[Incident] = []
    for sentence in sentences(clean_text(document.text)):
        names = _CAPITALISED.findall(sentence)
        results = geocode_many(names, context=sentence) if names else []
        cue = event_cue(sentence)
        place = next((r for r in results if r.found), None)
        if cue is None or place is None:
            continue
        date = find_date(sentence, document.published)
        people = people_count(sentence, cue.start)
        found.append(
            Incident(
                event_type=cue.event_type,
                place_name=place.query,
                country=place.country,
                lon=place.lon,
                lat=place.lat,
                location_precision=place.location_precision,
                date=date.date if date else None,
                people=people.value if people else None,
            )
        )
    return found


def repeated(corpus: list[CorpusDocument], count: int) -> list[Document]:
    """Return the corpus's documents repeated in turn to ``count`` documents."""
    return [corpus[n % len(corpus)].document for n in range(count)]


def timed(extractor: object, documents: list[Document]) -> float:
    """Return the processor seconds an extractor takes over the documents.

    Processor time of this single-threaded process is its work on one core,
    whatever else the machine runs meanwhile.
    """
    assert callable(extractor)
    started = time.process_time()
    for document in documents:
        extractor(document)
    return time.process_time() - started


def f1(extractor: object, corpus: list[CorpusDocument]) -> float:
    """Return the extractor's F1 over the distinct reports of the corpus."""
    assert callable(extractor)
    scores = (score_document(d.gold, extractor(d.document), d.name) for d in corpus)
    return figures(scores).f1 or 0.0


def main() -> None:
    """Time launchmap's extractor and the baseline on real reports; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_DOCUMENTS} documents")
    parser.add_argument("--documents", type=int, help="number of documents (overrides --quick)")
    parser.add_argument("--corpus", type=Path, default=DEV_CORPUS, help="corpus folder")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"error: {args.corpus}: no corpus folder there (give one with --corpus)")
    count = args.documents or (QUICK_DOCUMENTS if args.quick else FULL_DOCUMENTS)
    corpus = load_corpus(args.corpus)
    documents = repeated(corpus, count)
    size_kb = sum(len(d.text.encode()) for d in documents) / count / 1000
    print(
        f"incident extraction from {count:,} documents: the {len(corpus)} real reports of "
        f"{args.corpus} in turn, {size_kb:.1f} KB on average"
    )

    started = time.perf_counter()
    extract_document(corpus[0].document)
    print(f"launchmap: gazetteer and coastline loaded in {time.perf_counter() - started:.2f} s")
    first = min(len(corpus), count)
    first_s = timed(extract_document, documents[:first])
    launchmap_s = first_s + timed(extract_document, documents[first:])
    launchmap_rate = count / launchmap_s
    print(
        f"launchmap: first pass over the {first} distinct reports (their names met for the "
        f"first time): {first / first_s:,.0f} documents/s"
    )
    launchmap_f1 = f1(extract_document, corpus)
    print(
        f"launchmap: {launchmap_s:.2f} s, {launchmap_rate:,.0f} documents/s "
        f"({launchmap_rate * size_kb:,.0f} KB/s); target >= {TARGET_PER_S:.0f} documents/s; "
        f"F1 {launchmap_f1:.3f} on the {len(corpus)} reports"
    )

    sample = documents[: min(QUICK_BASELINE_SAMPLE if args.quick else BASELINE_SAMPLE, count)]
    baseline_s = timed(naive_extract, sample)
    baseline_rate = len(sample) / baseline_s
    baseline_f1 = f1(naive_extract, corpus)
    print(
        f"baseline ({BASELINE_NAME}): {len(sample)} documents in {baseline_s:.2f} s, "
        f"{baseline_rate:,.1f} documents/s; F1 {baseline_f1:.3f} on the {len(corpus)} reports"
    )
    print(
        figure(
            "extraction rate",
            launchmap_rate,
            "documents/s",
            BASELINE_NAME,
            baseline_rate,
            launchmap_rate / baseline_rate,
        )
    )
    print(
        figure(
            "extraction F1 on real reports",
            launchmap_f1,
            "F1",
            BASELINE_NAME,
            baseline_f1,
            launchmap_f1 / baseline_f1 if baseline_f1 else float("inf"),
        )
    )


if __name__ == "__main__":
    main()
