"""The online fallback's own logic, with a stand-in for Nominatim: no request leaves the machine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from geo.nominatim import MIN_INTERVAL_S, NominatimFallback


@dataclass
class Location:
    latitude: float
    longitude: float
    address: str
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeNominatim:
    """Answers like geopy's Nominatim, and records what it was asked."""

    known: dict[str, Location]
    asked: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def geocode(self, query: str, **options: Any) -> Location | None:
        self.asked.append((query, options))
        return self.known.get(query)


@dataclass
class FakeClock:
    now: float = 100.0
    slept: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


HAMLET = Location(
    50.85,
    1.70,
    "Le Hameau, Pas-de-Calais, France",
    {"osm_type": "node", "osm_id": 42, "address": {"country_code": "fr"}},
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake() -> FakeNominatim:
    return FakeNominatim({"Le Hameau": HAMLET})


def _fallback(tmp_path: Path, fake: FakeNominatim, clock: FakeClock) -> NominatimFallback:
    return NominatimFallback(tmp_path, geocoder=fake, clock=clock, sleep=clock.sleep)


def test_found_name_becomes_a_locality_result(
    tmp_path: Path, fake: FakeNominatim, clock: FakeClock
) -> None:
    result = _fallback(tmp_path, fake, clock)("Le Hameau")
    assert result.found and (result.lon, result.lat) == (1.70, 50.85)
    assert result.place_id == "osm:node/42" and result.country == "FR"
    assert (
        result.location_precision == "locality"
        and result.uncertainty_m
        and result.uncertainty_m > 0
    )
    ((_, options),) = fake.asked
    assert options["bounded"] is True and options["country_codes"] == ["fr", "gb", "be", "nl"]


def test_answers_are_cached_on_disk_including_misses(
    tmp_path: Path, fake: FakeNominatim, clock: FakeClock
) -> None:
    first = _fallback(tmp_path, fake, clock)
    assert first("Le Hameau").found and not first("Nulle Part").found
    again = _fallback(tmp_path, fake, clock)  # a new process would read the same file
    assert again("le hameau").found and not again("Nulle Part").found
    assert [query for query, _ in fake.asked] == ["Le Hameau", "Nulle Part"]


def test_requests_are_at_least_a_second_apart(
    tmp_path: Path, fake: FakeNominatim, clock: FakeClock
) -> None:
    fallback = _fallback(tmp_path, fake, clock)
    fallback("Le Hameau")
    clock.now += 0.25
    fallback("Ailleurs")
    fallback("Encore ailleurs")
    assert clock.slept == pytest.approx([MIN_INTERVAL_S - 0.25, MIN_INTERVAL_S])


class Unreachable:
    def __init__(self) -> None:
        self.calls = 0

    def geocode(self, query: str, **options: Any) -> None:
        self.calls += 1
        raise OSError("network is unreachable")


def test_an_unreachable_service_is_not_found_and_not_cached(
    tmp_path: Path, clock: FakeClock
) -> None:
    service = Unreachable()
    fallback = NominatimFallback(tmp_path, geocoder=service, clock=clock, sleep=clock.sleep)
    result = fallback("Le Hameau")
    assert not result.found and result.reason and "network is unreachable" in result.reason
    fallback("Le Hameau")
    assert service.calls == 2


def test_geocode_many_asks_the_fallback_only_for_plain_unknown_names(
    tmp_path: Path, fake: FakeNominatim, clock: FakeClock
) -> None:
    from geo.geocode import geocode_many

    fallback = _fallback(tmp_path, fake, clock)
    results = geocode_many(
        ["Calais", "Le Hameau", "off Le Hameau", "Le Hameau, Maine", "Le Hameau"], fallback=fallback
    )
    assert [r.found for r in results] == [True, True, False, False, True]
    assert results[1].phrase == "online" and results[1].place_id == "osm:node/42"
    assert [query for query, _ in fake.asked] == ["Le Hameau"]
