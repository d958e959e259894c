"""An optional online fallback for names the gazetteer lacks: OpenStreetMap's Nominatim.

Off unless asked for (``launchmap geocode --online``, or
``LAUNCHMAP_ONLINE_GEOCODING=true``). It follows Nominatim's usage policy: an
identifying User-Agent, at most one request per second (across threads), and
every answer cached on disk so the same name is never asked twice. The search is
bounded to the mapped coast (France, the United Kingdom, Belgium and the
Netherlands inside the coastline box). It needs geopy (``pip install
'launchmap[online]'``) and is never used by the test suite.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from geo.geocode import GeocodeResult, normalize_name
from geo.vocabulary import LocationPrecision

CACHE_FILE = "nominatim-cache.sqlite"
USER_AGENT = "launchmap/0.1 (offline-first small-boat incident mapper)"
MIN_INTERVAL_S = 1.0
VIEWBOX = ((49.0, -2.0), (52.6, 4.5))  # (south, west), (north, east)
COUNTRY_CODES = ["fr", "gb", "be", "nl"]
LOCALITY_RADIUS_M = 3_000.0


class Geocoder(Protocol):
    """The part of geopy's Nominatim this fallback uses."""

    def geocode(self, query: str, **options: Any) -> Any:
        """Return the best match for ``query`` or None."""
        ...


class NominatimFallback:
    """Ask Nominatim for a name, politely: cached, rate-limited, bounded to the map."""

    def __init__(
        self,
        cache_dir: Path,
        geocoder: Geocoder | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.cache_path = cache_dir / CACHE_FILE
        self._geocoder = geocoder
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last_request: float | None = None
        cache_dir.mkdir(parents=True, exist_ok=True)
        with self._cache() as cache:
            cache.execute(
                "CREATE TABLE IF NOT EXISTS answers (query TEXT PRIMARY KEY, answer TEXT)"
            )

    def __call__(self, query: str) -> GeocodeResult:
        """Geocode ``query`` online (or from the cache): found, or not found with a reason."""
        key = normalize_name(query)
        with self._cache() as cache:
            row = cache.execute("SELECT answer FROM answers WHERE query = ?", (key,)).fetchone()
        if row is not None:
            answer = json.loads(row[0])
        else:
            try:
                answer = self._ask(query)
            except Exception as error:  # geopy's errors, timeouts, no network: not cached
                reason = f"Nominatim could not be asked ({type(error).__name__}: {error})"
                return GeocodeResult(query, found=False, reason=reason)
            with self._cache() as cache:
                cache.execute(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?)", (key, json.dumps(answer))
                )
        return _result(query, answer)

    @contextmanager
    def _cache(self) -> Iterator[sqlite3.Connection]:
        """Open the answer cache for one transaction, and close it."""
        connection = sqlite3.connect(self.cache_path, timeout=30.0)
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def _ask(self, query: str) -> dict[str, Any] | None:
        """Ask Nominatim once, at most one request per MIN_INTERVAL_S."""
        with self._lock:
            if self._last_request is not None:
                wait = MIN_INTERVAL_S - (self._clock() - self._last_request)
                if wait > 0:
                    self._sleep(wait)
            self._last_request = self._clock()
            location = self._nominatim().geocode(
                query, exactly_one=True, viewbox=VIEWBOX, bounded=True, country_codes=COUNTRY_CODES
            )
        if location is None:
            return None
        raw = getattr(location, "raw", {}) or {}
        return {
            "lon": float(location.longitude),
            "lat": float(location.latitude),
            "name": str(raw.get("display_name") or location.address),
            "osm": f"osm:{raw.get('osm_type', 'place')}/{raw.get('osm_id', '')}",
            "country": str(raw.get("address", {}).get("country_code", "")).upper() or None,
        }

    def _nominatim(self) -> Geocoder:
        """Create geopy's Nominatim client on first use (geopy is an optional extra)."""
        if self._geocoder is None:
            try:
                from geopy.geocoders import Nominatim
            except ImportError:
                raise RuntimeError(
                    "online geocoding needs geopy: pip install 'launchmap[online]'"
                ) from None
            self._geocoder = Nominatim(user_agent=USER_AGENT, timeout=10)
        return self._geocoder


def _result(query: str, answer: dict[str, Any] | None) -> GeocodeResult:
    """Turn a cached Nominatim answer into a geocoding result."""
    if answer is None:
        return GeocodeResult(query, found=False, reason="not in the gazetteer nor on Nominatim")
    return GeocodeResult(
        query,
        found=True,
        place_id=answer["osm"],
        name=answer["name"],
        country=answer["country"],
        lon=answer["lon"],
        lat=answer["lat"],
        location_precision=LocationPrecision.LOCALITY,
        uncertainty_m=LOCALITY_RADIUS_M,
        score=100.0,
        phrase="online",
    )
