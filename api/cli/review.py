"""``launchmap review``: a person accepts or rejects the incidents extracted from reports.

Incidents extracted from text enter the store as ``candidate``. This command
lists the candidates (most confident first) with the sentence each comes
from, and asks for each one: accept, reject, skip or quit. Answers are read
line by line from standard input, so a terminal and a script (answers piped
in) review the same way; ``--accept ID`` and ``--reject ID`` set statuses
without asking, and ``--list`` only lists.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    JsonFlag,
    NoSeedFlag,
    app,
    count,
    opened_store,
    print_json,
    reported_errors,
    settings_for,
    stdout,
    store_label,
)
from geo.errors import InvalidQueryError
from geo.vocabulary import ReviewStatus

if TYPE_CHECKING:
    from geo.store import IncidentStore

ANSWERS = {
    "a": ReviewStatus.ACCEPTED,
    "accept": ReviewStatus.ACCEPTED,
    "r": ReviewStatus.REJECTED,
    "reject": ReviewStatus.REJECTED,
    "s": None,
    "skip": None,
    "": None,
}
"""What a reviewer may answer for a candidate (``q`` or ``quit`` stops the review)."""
QUIT = frozenset({"q", "quit"})
IdsOption = Annotated[
    list[str] | None,
    typer.Option(help="Id of an incident to set without asking; may be repeated."),
]


@app.command("review")
def review_command(
    accept: IdsOption = None,
    reject: IdsOption = None,
    list_only: Annotated[
        bool, typer.Option("--list", help="Only list the candidates; change nothing.")
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Review only candidates at least this confident."),
    ] = 0.0,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Accept or reject extracted candidate incidents: listed with their quote, one by one."""
    settings = settings_for(data_dir, no_seed, database_url)
    decided: dict[str, ReviewStatus] = {}
    with reported_errors(), opened_store(settings) as store:
        given = dict.fromkeys(accept or [], ReviewStatus.ACCEPTED)
        given |= dict.fromkeys(reject or [], ReviewStatus.REJECTED)
        if given:
            decided = _set_statuses(store, given)
        else:
            candidates = _candidates(store, min_confidence)
            if list_only or as_json:
                _list(candidates, as_json)
                return
            decided = _ask(store, candidates)
    accepted = sum(1 for status in decided.values() if status is ReviewStatus.ACCEPTED)
    summary = (
        f"Reviewed {count(len(decided), 'incident')} in {store_label(settings)}: "
        f"{accepted} accepted, {len(decided) - accepted} rejected."
    )
    stdout.print(summary, markup=False, highlight=False)


def _candidates(store: IncidentStore, min_confidence: float) -> list[dict[str, Any]]:
    """Return the stored candidates as GeoJSON Features, most confident first."""
    from geo.store import IncidentQuery

    features = store.query(IncidentQuery(review_statuses=(ReviewStatus.CANDIDATE,))).features()
    kept = [f for f in features if (f["properties"].get("confidence") or 0.0) >= min_confidence]
    return sorted(kept, key=lambda f: -(f["properties"].get("confidence") or 0.0))


def _list(candidates: list[dict[str, Any]], as_json: bool) -> None:
    """Print the candidates: as a GeoJSON FeatureCollection, or one block of text each."""
    if as_json:
        print_json({"type": "FeatureCollection", "features": candidates})
        return
    for number, feature in enumerate(candidates, start=1):
        stdout.print(_described(feature, number, len(candidates)), markup=False, highlight=False)
    stdout.print(f"{count(len(candidates), 'candidate')}.", markup=False, highlight=False)


def _described(feature: dict[str, Any], number: int, total: int) -> str:
    """Describe one candidate: id, type, date, place, people, confidence and its quotes."""
    properties = feature["properties"]
    confidence = properties.get("confidence")
    lines = [
        f"[{number}/{total}] {feature['id']}: {properties['event_type']} on "
        f"{properties.get('date') or 'an unknown day'} at {properties.get('place_name') or '–'} "
        f"({properties.get('location_precision') or 'unplaced'}), people "
        f"{_or_dash(properties.get('people'))}, confidence "
        f"{'–' if confidence is None else f'{confidence:.2f}'}"
    ]
    for source in properties.get("sources") or []:
        lines.append(f"    “{source.get('quote') or ''}”")
        if source.get("url"):
            lines.append(f"    {source['url']}")
    return "\n".join(lines)


def _or_dash(value: object) -> str:
    """Show a value, a dash when it is missing."""
    return "–" if value is None else str(value)


def _ask(store: IncidentStore, candidates: list[dict[str, Any]]) -> dict[str, ReviewStatus]:
    """Ask for each candidate in turn and store each answer as it is given.

    Standard input ending (or ``q``) stops the review; what was answered
    before is kept. An answer that is none of the choices is asked again.
    """
    decided: dict[str, ReviewStatus] = {}
    for number, feature in enumerate(candidates, start=1):
        stdout.print(_described(feature, number, len(candidates)), markup=False, highlight=False)
        answer = _answer()
        if answer is None or answer in QUIT:
            break
        status = ANSWERS[answer]
        if status is not None:
            decided |= _set_statuses(store, {feature["id"]: status})
    return decided


def _answer() -> str | None:
    """Read one valid answer from standard input; None when the input has ended."""
    while True:
        stdout.print("accept (a), reject (r), skip (s) or quit (q)? ", end="", highlight=False)
        line = sys.stdin.readline()
        if not line:
            stdout.print()
            return None
        answer = line.strip().lower()
        if answer in ANSWERS or answer in QUIT:
            return answer
        stdout.print(f"{answer!r} is not an answer.", markup=False, highlight=False)


def _set_statuses(
    store: IncidentStore, statuses: dict[str, ReviewStatus]
) -> dict[str, ReviewStatus]:
    """Set the review status of each incident by id, each write whole.

    Raises
    ------
    InvalidQueryError
        For an incident that was not extracted from text (it has no review
        status), before anything is written.
    IncidentNotFoundError
        For an id that is not stored, before anything is written.
    """
    frames = {incident_id: store.get(incident_id) for incident_id in statuses}
    for incident_id, frame in frames.items():
        if frame["review_status"].isna().iloc[0]:
            raise InvalidQueryError(
                f"incident {incident_id!r} was not extracted from a report: it has no review status"
            )
    for incident_id, frame in frames.items():
        store.replace(frame.assign(review_status=statuses[incident_id].value))
    return statuses
