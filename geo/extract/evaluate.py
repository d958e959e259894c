"""Score the extractor against a corpus of reports with hand-made gold incidents.

A corpus is a folder of ``NAME.txt`` documents (``URL:``/``PUBLISHED:``
header lines, a blank line, the text) each with ``NAME.gold.json``
(``{"incidents": [...]}``). The scoring follows the corpus README:

1. the extractor runs on each document with its URL and PUBLISHED date;
2. extracted and gold incidents of one document are matched one-to-one,
   greedily by distance: a gold incident with ``lon``/``lat`` matches an
   extracted one of its ``event_type`` (or one of its ``alt_event_types``)
   whose point lies within 5 km (geodesic); one without coordinates matches
   an extracted one of its ``event_type`` and ``country`` placed no finer
   than region or country level. Ties of distance go to the pair that also
   has the right date, then the right people, then the earliest;
3. over the corpus: matched, gold, extracted; precision, recall and F1; for
   matched pairs the median location error in km (pairs with coordinates),
   the share with the right ``date`` (both null is right) and the share with
   the right ``people`` (within 10 %, both null is right);
4. gold incidents with ``in_region: false`` are not counted as gold; an
   unmatched extracted incident of the same type that stands for one of them
   is not counted when it is unplaced or placed outside the mapped box
   (lon -2.0…4.5, lat 49.0…52.0), and is a false positive inside it.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyproj

from geo.errors import CorpusError
from geo.extract._document import Document, parse_document
from geo.extract._pipeline import extract_document
from geo.model import Incident
from geo.vocabulary import EventType, LocationPrecision

MATCH_DISTANCE_KM = 5.0
PEOPLE_TOLERANCE = 0.10
MAPPED_BOX = (-2.0, 49.0, 4.5, 52.0)
"""The box of the mapped coast: (min lon, min lat, max lon, max lat)."""

_COARSE = frozenset({LocationPrecision.REGION, LocationPrecision.COUNTRY})
_GEOD = pyproj.Geod(ellps="WGS84")
GOLD_SUFFIX = ".gold.json"


# -- gold incidents --------------------------------------------------------------------


@dataclass(frozen=True)
class GoldIncident:
    """One hand-made incident of a document's gold list (the keys scoring uses)."""

    event_type: EventType
    country: str | None = None
    lon: float | None = None
    lat: float | None = None
    date: dt.date | None = None
    people: int | None = None
    in_region: bool = True
    alt_event_types: tuple[EventType, ...] = ()
    place: str | None = None
    evidence: str | None = None

    @property
    def event_types(self) -> frozenset[EventType]:
        """Return the event types an extracted incident may have to match this one."""
        return frozenset({self.event_type, *self.alt_event_types})

    @property
    def placed(self) -> bool:
        """Tell whether the gold incident has a reference point."""
        return self.lon is not None and self.lat is not None


def parse_gold(document: Mapping[str, Any], source: str = "gold") -> list[GoldIncident]:
    """Validate a gold document (``{"incidents": [...]}``) into gold incidents.

    Raises
    ------
    CorpusError
        Naming ``source``, the incident's position, the key and the bad value.
    """
    incidents = document.get("incidents") if isinstance(document, Mapping) else None
    if not isinstance(incidents, list):
        raise CorpusError(f"{source}: must be an object with an 'incidents' list")
    return [_gold_incident(item, f"{source}, incident {n}") for n, item in enumerate(incidents, 1)]


def _gold_incident(item: object, where: str) -> GoldIncident:
    """Validate one gold incident."""
    if not isinstance(item, Mapping):
        raise CorpusError(f"{where}: must be an object (got {item!r})")
    lon, lat = (_number(item.get(key), where, key) for key in ("lon", "lat"))
    if (lon is None) != (lat is None):
        raise CorpusError(f"{where}: lon and lat must be given together (got {lon!r}, {lat!r})")
    in_region = item.get("in_region", True)
    if not isinstance(in_region, bool):
        raise CorpusError(f"{where}: in_region must be true or false (got {in_region!r})")
    alternates = item.get("alt_event_types") or []
    if not isinstance(alternates, list):
        raise CorpusError(f"{where}: alt_event_types must be a list (got {alternates!r})")
    return GoldIncident(
        event_type=_event_type(item.get("event_type"), where, "event_type"),
        country=_optional_text(item.get("country"), where, "country"),
        lon=lon,
        lat=lat,
        date=_date(item.get("date"), where),
        people=_count(item.get("people"), where),
        in_region=in_region,
        alt_event_types=tuple(_event_type(t, where, "alt_event_types") for t in alternates),
        place=_optional_text(item.get("place"), where, "place"),
        evidence=_optional_text(item.get("evidence"), where, "evidence"),
    )


def _event_type(value: object, where: str, key: str) -> EventType:
    """Read an event type name."""
    try:
        return EventType(str(value))
    except ValueError:
        known = ", ".join(kind.value for kind in EventType)
        raise CorpusError(f"{where}: {key} must be one of {known} (got {value!r})") from None


def _number(value: object, where: str, key: str) -> float | None:
    """Read an optional coordinate."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CorpusError(f"{where}: {key} must be a number or null (got {value!r})")
    return float(value)


def _optional_text(value: object, where: str, key: str) -> str | None:
    """Read an optional string."""
    if value is None or isinstance(value, str):
        return value
    raise CorpusError(f"{where}: {key} must be text or null (got {value!r})")


def _date(value: object, where: str) -> dt.date | None:
    """Read an optional YYYY-MM-DD date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CorpusError(f"{where}: date must be YYYY-MM-DD or null (got {value!r})") from None


def _count(value: object, where: str) -> int | None:
    """Read an optional number of people."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CorpusError(f"{where}: people must be a whole number or null (got {value!r})")
    return value


# -- matching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """A matched gold and extracted incident (their positions in the document's lists)."""

    gold: int
    extracted: int
    error_km: float | None  # None for a gold incident without coordinates
    date_right: bool
    people_right: bool


@dataclass(frozen=True)
class DocumentScore:
    """How one document's extraction matched its gold list.

    ``extracted`` counts the extracted incidents scored; ``ignored`` those
    that stand for an out-of-region gold incident and are placed away from
    the mapped coast. ``false_positives`` and ``missed`` are positions in the
    extracted and gold lists.
    """

    name: str
    gold: int
    extracted: int
    ignored: int
    pairs: tuple[Pair, ...]
    false_positives: tuple[int, ...] = ()
    missed: tuple[int, ...] = ()

    @property
    def matched(self) -> int:
        """Return the number of matched pairs."""
        return len(self.pairs)


def _date_right(gold: GoldIncident, incident: Incident) -> bool:
    """Tell whether the extracted date is the gold one (both unknown counts as right)."""
    return incident.date == gold.date


def _people_right(gold: GoldIncident, incident: Incident) -> bool:
    """Tell whether the extracted people are within 10 % of the gold (both null is right)."""
    if gold.people is None or incident.people is None:
        return gold.people is None and incident.people is None
    return abs(incident.people - gold.people) <= PEOPLE_TOLERANCE * gold.people


def _distance_km(gold: GoldIncident, incident: Incident) -> float:
    """Return the geodesic distance between a gold point and an extracted point, in km."""
    assert gold.lon is not None and gold.lat is not None
    assert incident.lon is not None and incident.lat is not None
    return float(_GEOD.inv(gold.lon, gold.lat, incident.lon, incident.lat)[2]) / 1000.0


def _coarsely_placed(incident: Incident) -> bool:
    """Tell whether an incident is placed no finer than region or country level."""
    if incident.location_precision in _COARSE:
        return True
    return incident.point is None and incident.location_precision is None and bool(incident.country)


def candidate_pair(gold: GoldIncident, incident: Incident) -> float | None:
    """Return the distance (km) at which an extracted incident may match a gold one, or None.

    A gold incident without coordinates is at distance 0 from every extracted
    incident of its type and country placed at region or country level.
    """
    if gold.placed:
        if incident.event_type not in gold.event_types or incident.point is None:
            return None
        distance = _distance_km(gold, incident)
        return distance if distance <= MATCH_DISTANCE_KM else None
    same = incident.event_type == gold.event_type and incident.country == gold.country
    return 0.0 if same and _coarsely_placed(incident) else None


def match(gold: Sequence[GoldIncident], extracted: Sequence[Incident]) -> list[Pair]:
    """Match in-region gold and extracted incidents one-to-one, greedily by distance."""
    options = []
    for g, gold_incident in enumerate(gold):
        if not gold_incident.in_region:
            continue
        for e, incident in enumerate(extracted):
            distance = candidate_pair(gold_incident, incident)
            if distance is not None:
                date_right = _date_right(gold_incident, incident)
                people_right = _people_right(gold_incident, incident)
                options.append((distance, not date_right, not people_right, g, e))
    pairs: list[Pair] = []
    used_gold: set[int] = set()
    used_extracted: set[int] = set()
    for distance, wrong_date, wrong_people, g, e in sorted(options):
        if g in used_gold or e in used_extracted:
            continue
        used_gold.add(g)
        used_extracted.add(e)
        error = distance if gold[g].placed else None
        pairs.append(Pair(g, e, error, not wrong_date, not wrong_people))
    return sorted(pairs, key=lambda pair: pair.gold)


def in_mapped_box(incident: Incident) -> bool:
    """Tell whether an incident is placed inside the box of the mapped coast."""
    if incident.lon is None or incident.lat is None:
        return False
    min_lon, min_lat, max_lon, max_lat = MAPPED_BOX
    return min_lon <= incident.lon <= max_lon and min_lat <= incident.lat <= max_lat


def score_document(
    gold: Sequence[GoldIncident], extracted: Sequence[Incident], name: str = "document"
) -> DocumentScore:
    """Score one document's extracted incidents against its gold list (see the module)."""
    pairs = match(gold, extracted)
    matched_extracted = {pair.extracted for pair in pairs}
    outside = [g for g, item in enumerate(gold) if not item.in_region]
    ignored: list[int] = []
    false_positives: list[int] = []
    for e, incident in enumerate(extracted):
        if e in matched_extracted:
            continue
        stand_in = next((g for g in outside if incident.event_type in gold[g].event_types), None)
        if stand_in is not None and not in_mapped_box(incident):
            outside.remove(stand_in)
            ignored.append(e)
        else:
            false_positives.append(e)
    matched_gold = {pair.gold for pair in pairs}
    missed = [g for g, item in enumerate(gold) if item.in_region and g not in matched_gold]
    return DocumentScore(
        name=name,
        gold=sum(1 for item in gold if item.in_region),
        extracted=len(extracted) - len(ignored),
        ignored=len(ignored),
        pairs=tuple(pairs),
        false_positives=tuple(false_positives),
        missed=tuple(missed),
    )


# -- figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """Precision, recall, F1 and the matched-pair figures of one document or a corpus.

    A figure with nothing to measure is None: precision without extracted
    incidents, recall without gold, the shares without matched pairs.
    """

    matched: int
    gold: int
    extracted: int
    precision: float | None
    recall: float | None
    f1: float | None
    median_error_km: float | None
    date_share: float | None
    people_share: float | None

    def as_dict(self) -> dict[str, Any]:
        """Return the figures as a JSON-ready dict."""
        return asdict(self)


def _ratio(part: int, whole: int) -> float | None:
    """Return part / whole, or None when whole is 0."""
    return part / whole if whole else None


def figures(scores: Iterable[DocumentScore]) -> Figures:
    """Add document scores up into precision, recall, F1 and the matched-pair figures."""
    scores = list(scores)
    pairs = [pair for score in scores for pair in score.pairs]
    matched = len(pairs)
    gold = sum(score.gold for score in scores)
    extracted = sum(score.extracted for score in scores)
    precision, recall = _ratio(matched, extracted), _ratio(matched, gold)
    f1: float | None = None
    if gold or extracted:
        f1 = 2 * matched / (gold + extracted)
    errors = [pair.error_km for pair in pairs if pair.error_km is not None]
    return Figures(
        matched=matched,
        gold=gold,
        extracted=extracted,
        precision=precision,
        recall=recall,
        f1=f1,
        median_error_km=statistics.median(errors) if errors else None,
        date_share=_ratio(sum(pair.date_right for pair in pairs), matched),
        people_share=_ratio(sum(pair.people_right for pair in pairs), matched),
    )


# -- corpora -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusDocument:
    """One document of a corpus with its gold incidents."""

    name: str
    document: Document
    gold: list[GoldIncident]


@dataclass(frozen=True)
class DocumentResult:
    """One scored document: its score and figures, its gold and what was extracted."""

    score: DocumentScore
    figures: Figures
    gold: tuple[GoldIncident, ...]
    extracted: tuple[Incident, ...]

    def errors(self) -> dict[str, Any]:
        """Return the document's missed gold and unmatched extracted incidents, JSON-ready.

        ``wrong`` lists the matched pairs whose date or people are not the
        gold's: what the gold says, what was extracted, which of the two is wrong.
        """
        return {
            "missed": [_gold_summary(self.gold[g]) for g in self.score.missed],
            "unmatched": [_incident_summary(self.extracted[e]) for e in self.score.false_positives],
            "wrong": [
                {
                    "wrong": [
                        name
                        for name, right in (
                            ("date", pair.date_right),
                            ("people", pair.people_right),
                        )
                        if not right
                    ],
                    "gold": _gold_summary(self.gold[pair.gold]),
                    "extracted": _incident_summary(self.extracted[pair.extracted]),
                }
                for pair in self.score.pairs
                if not (pair.date_right and pair.people_right)
            ],
        }


def _gold_summary(gold: GoldIncident) -> dict[str, Any]:
    """Describe a gold incident for an error listing."""
    return {
        "event_type": gold.event_type.value,
        "place": gold.place,
        "country": gold.country,
        "date": gold.date.isoformat() if gold.date else None,
        "people": gold.people,
        "evidence": gold.evidence,
    }


def _incident_summary(incident: Incident) -> dict[str, Any]:
    """Describe an extracted incident for an error listing, with the sentence it came from."""
    quote = incident.sources[0].quote if incident.sources else None
    return {
        "event_type": incident.event_type.value,
        "place": incident.place_name,
        "country": incident.country,
        "location_precision": incident.location_precision,
        "date": incident.date.isoformat() if incident.date else None,
        "people": incident.people,
        "confidence": incident.confidence,
        "sentence": quote,
    }


CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8)
"""Lower bounds of the confidence bins of the calibration table (the last bin ends at 1)."""
HIGH_CONFIDENCE = 0.8


@dataclass(frozen=True)
class CalibrationRow:
    """Extracted incidents whose confidence lies in [low, high) (the last bin includes 1)."""

    low: float
    high: float
    extracted: int
    matched: int

    @property
    def precision(self) -> float | None:
        """Return the share of these incidents that matched a gold one."""
        return _ratio(self.matched, self.extracted)

    def as_dict(self) -> dict[str, Any]:
        """Return the row as a JSON-ready dict."""
        return {**asdict(self), "precision": self.precision}


def calibration(results: Iterable[DocumentResult]) -> list[CalibrationRow]:
    """Count, per confidence bin, the scored extracted incidents and how many matched.

    The last row, from :data:`HIGH_CONFIDENCE` up, is the one the confidence
    promises: at least that share of its incidents is right. Incidents without
    a confidence and ignored ones (out-of-region stand-ins) are not counted.
    """
    bounds = [*CONFIDENCE_BINS, 1.0]
    counts = [[0, 0] for _ in CONFIDENCE_BINS]
    for result in results:
        matched = {pair.extracted for pair in result.score.pairs}
        scored = matched | set(result.score.false_positives)
        for e in scored:
            value = result.extracted[e].confidence
            if value is None:
                continue
            row = max(i for i, low in enumerate(CONFIDENCE_BINS) if value >= low)
            counts[row][0] += 1
            counts[row][1] += e in matched
    return [
        CalibrationRow(bounds[i], bounds[i + 1], extracted, matched)
        for i, (extracted, matched) in enumerate(counts)
    ]


@dataclass(frozen=True)
class CorpusReport:
    """The scores of every document of one or more corpora and the figures over all of them."""

    corpora: tuple[str, ...]
    overall: Figures
    documents: list[DocumentResult] = field(default_factory=list)

    def as_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """Return the report as a JSON-ready dict: the figures, then per document.

        With ``errors``, each document also lists its missed gold incidents and
        its unmatched extracted ones with their sentences.
        """
        return {
            "corpora": list(self.corpora),
            **self.overall.as_dict(),
            "calibration": [row.as_dict() for row in calibration(self.documents)],
            "documents": [
                {
                    "document": result.score.name,
                    **result.figures.as_dict(),
                    "ignored": result.score.ignored,
                    "false_positives": list(result.score.false_positives),
                    "missed": list(result.score.missed),
                    **({"errors": result.errors()} if errors else {}),
                }
                for result in self.documents
            ],
        }


def read_text_file(path: Path) -> str:
    """Read a text file as UTF-8, undecodable bytes replaced (a bad byte never stops a run)."""
    return path.read_bytes().decode("utf-8", errors="replace")


def load_corpus(folder: Path) -> list[CorpusDocument]:
    """Read every ``NAME.txt`` of a corpus folder with its ``NAME.gold.json``, by name.

    Raises
    ------
    CorpusError
        When the folder does not exist or holds no document, when a document
        has no gold file, or a gold file is not valid JSON in the gold format.
    """
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder")
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        raise CorpusError(f"{folder}: no NAME.txt documents in the folder")
    return [_corpus_document(path) for path in texts]


def _corpus_document(path: Path) -> CorpusDocument:
    """Read one document and its gold file."""
    gold_path = path.with_name(path.stem + GOLD_SUFFIX)
    if not gold_path.is_file():
        raise CorpusError(f"{path}: no gold file {gold_path.name} next to it")
    try:
        gold_json = json.loads(read_text_file(gold_path))
    except json.JSONDecodeError as error:
        raise CorpusError(f"{gold_path}: not valid JSON ({error})") from None
    document = parse_document(read_text_file(path), source=str(path))
    return CorpusDocument(path.stem, document, parse_gold(gold_json, str(gold_path)))


Extractor = Callable[[Document], list[Incident]]


def evaluate_corpora(
    folders: Sequence[Path],
    extractor: Extractor = extract_document,
    on_progress: Callable[[int, int], None] | None = None,
) -> CorpusReport:
    """Run the extractor on every document of one or more corpus folders and score them together.

    Documents are named ``NAME`` for one folder and ``FOLDER/NAME`` for
    several. ``on_progress(done, total)`` is called after each document.

    Raises
    ------
    CorpusError
        When a folder is not a corpus (see :func:`load_corpus`) or is named twice.
    """
    if len(set(folders)) != len(folders):
        raise CorpusError(f"a corpus folder is named twice: {', '.join(map(str, folders))}")
    corpus = [(folder, item) for folder in folders for item in load_corpus(folder)]
    results = []
    for done, (folder, item) in enumerate(corpus, start=1):
        extracted = tuple(extractor(item.document))
        name = item.name if len(folders) == 1 else f"{folder.name}/{item.name}"
        score = score_document(item.gold, extracted, name)
        results.append(DocumentResult(score, figures([score]), tuple(item.gold), extracted))
        if on_progress is not None:
            on_progress(done, len(corpus))
    overall = figures(result.score for result in results)
    return CorpusReport(tuple(map(str, folders)), overall, results)


def evaluate_corpus(
    folder: Path,
    extractor: Extractor = extract_document,
    on_progress: Callable[[int, int], None] | None = None,
) -> CorpusReport:
    """Run the extractor on every document of a corpus folder and score it."""
    return evaluate_corpora([folder], extractor, on_progress)
