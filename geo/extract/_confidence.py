"""How likely an extracted incident is right, from how the text placed and counted it.

The figures are shares measured on real reports scored against their gold
incidents (``launchmap eval`` prints the calibration table): an incident
placed by a phrase of its own clause ("au large de Wimereux", "the beach at
Sangatte") is right far more often than one borrowed from the sentence
before, and a national count known only by its country about half the time.
"""

from __future__ import annotations

from geo.extract._places import Coarseness

BY_BASIS = {
    "offshore": 0.85,
    "distance": 0.85,
    "direction": 0.75,
    "near": 0.85,
    "listed": 0.85,
    "side": 0.9,
    "landing": 0.8,
    "at": 0.8,
    "sent": 0.8,
    "beach": 0.65,
    "port": 0.55,
    "of": 0.6,
    "bare": 0.5,
    "destination": 0.6,
    "scene": 0.6,
    "sibling": 0.7,
    "lede": 0.55,
    "set off": 0.55,
}
"""Confidence by how a placed incident's place was found: its clause's own phrase (by kind),
one of a list, a launch or landing beside the clause's event, the sentence before (scene), where
the boat of people who died had set off (set off)."""
COARSE = 0.5
"""Confidence of an incident known only by its country or a sea area."""
UNKNOWN_BASIS = 0.5
UNCOUNTED = 0.1
"""Taken off when the text gives no number of people: a count marks a reported incident."""
WEAK = 0.25
"""Taken off an incident typed only by a boat seen on a beach, with no cue words."""
MISSPELT = 0.05
"""Taken off an incident placed by a name the gazetteer has only spelt a little otherwise
("Berk" for Berck, "Kingdown" for Kingsdown): the reading of the name may be wrong."""


def confidence(
    basis: str, coarseness: int, weak: bool, counted: bool, *, misspelt: bool = False
) -> float:
    """Return the confidence (0–1) of an extracted incident.

    Parameters
    ----------
    basis
        How its place was found: the kind of mention of its own clause
        (``offshore``, ``at`` …), ``listed``, ``side``, ``scene``, ``lede``, or
        ``implied``/``tally``/``outside`` for a country-level place.
    coarseness
        How finely the place is known (:class:`~geo.extract._places.Coarseness`).
    weak
        Whether it is typed only by a boat on a beach.
    counted
        Whether the text gives its number of people.
    misspelt
        Whether its place's name was matched to a gazetteer name spelt otherwise.
    """
    value = BY_BASIS.get(basis, UNKNOWN_BASIS) if coarseness == Coarseness.FINE else COARSE
    value -= (0.0 if counted else UNCOUNTED) + (WEAK if weak else 0.0)
    value -= MISSPELT if misspelt else 0.0
    return round(min(max(value, 0.05), 0.95), 2)
