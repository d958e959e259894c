"""A polite HTTP client for feeds and their pages.

It names itself (a User-Agent saying what asks and who to contact), asks each
host at most once a second, sends a feed's validators back (ETag,
Last-Modified) so an unchanged feed costs a 304, gives up on a request after a
timeout, tries again after a timeout, a lost connection, a 429 or a 5xx with
a growing pause (or the server's Retry-After), and stops reading a body that
is too large.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from geo.errors import FeedError

USER_AGENT = "launchmap/0.1 (feed reader for a map of small-boat incidents on the Channel coast)"
TIMEOUT_S = 20.0
ATTEMPTS = 3
BACKOFF_S = 2.0
MAX_RETRY_AFTER_S = 120.0
MIN_INTERVAL_S = 1.0
MAX_BYTES = 10_000_000
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(FeedError):
    """A feed or page that could not be fetched; ``lasting`` when asking again will not help."""

    def __init__(self, message: str, *, lasting: bool) -> None:
        super().__init__(message)
        self.lasting = lasting


@dataclass(frozen=True)
class Fetched:
    """A response: its status (200 or 304), final address, content type, validators and body."""

    status: int
    url: str
    content_type: str
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


class PoliteClient:
    """Fetch feeds and pages politely (see the module documentation).

    Parameters
    ----------
    contact
        An address or e-mail for publishers to reach whoever runs launchmap,
        added to the User-Agent.
    timeout_s, attempts, backoff_s
        How long one request may take, how many times it is tried, and the
        first pause before trying again (doubled each time).
    min_interval_s
        The shortest time between two requests to one host.
    clock, sleep
        Time and waiting, replaceable in tests.
    """

    def __init__(
        self,
        *,
        contact: str | None = None,
        timeout_s: float = TIMEOUT_S,
        attempts: int = ATTEMPTS,
        backoff_s: float = BACKOFF_S,
        min_interval_s: float = MIN_INTERVAL_S,
        max_bytes: int = MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = USER_AGENT if not contact else f"{USER_AGENT[:-1]}; {contact})"
        self._attempts = max(1, attempts)
        self._backoff_s = backoff_s
        self._min_interval_s = min_interval_s
        self._max_bytes = max_bytes
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=httpx.Timeout(timeout_s),
            follow_redirects=True,
            max_redirects=5,
        )

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """Fetch an address; with validators, a 304 answers that nothing changed.

        Raises
        ------
        FetchError
            Naming the address and why: a status that is not 200 or 304, a
            timeout or lost connection after every try, a body over the size
            limit. ``lasting`` tells whether asking again later may help.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(1, self._attempts + 1):
            self._wait_for(urlsplit(url).hostname or "")
            try:
                return self._fetch(url, headers)
            except _RetryError as error:
                if attempt == self._attempts:
                    tries = f"{self._attempts} tries" if self._attempts > 1 else "1 try"
                    raise FetchError(f"{url}: {error} ({tries})", lasting=False) from None
                self._sleep(error.retry_after or self._backoff_s * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _fetch(self, url: str, headers: dict[str, str]) -> Fetched:
        """Make one request and read its answer, or say why it may be tried again."""
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(304, str(response.url), "")
                if response.status_code in _RETRY_STATUSES:
                    wait = _retry_after(response.headers.get("Retry-After"))
                    raise _RetryError(f"answered {response.status_code}", wait)
                if response.status_code != 200:
                    raise FetchError(f"{url}: answered {response.status_code}", lasting=True)
                return Fetched(
                    200,
                    str(response.url),
                    response.headers.get("Content-Type", "").split(";")[0].strip().lower(),
                    self._body(url, response),
                    response.headers.get("ETag"),
                    response.headers.get("Last-Modified"),
                )
        except httpx.TimeoutException:
            raise _RetryError("timed out", None) from None
        except httpx.TransportError as error:
            raise _RetryError(f"could not be reached ({type(error).__name__})", None) from None
        except httpx.InvalidURL as error:
            raise FetchError(f"{url}: not a usable address ({error})", lasting=True) from None

    def _body(self, url: str, response: httpx.Response) -> bytes:
        """Read a body up to the size limit."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise FetchError(f"{url}: larger than {self._max_bytes:,} bytes", lasting=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        """Wait until the host's last request is at least the minimum interval ago."""
        with self._lock:
            last = self._last_request.get(host)
            now = self._clock()
            if last is not None and now - last < self._min_interval_s:
                self._sleep(self._min_interval_s - (now - last))
                now = self._clock()
            self._last_request[host] = now


class _RetryError(Exception):
    """A failure worth trying again: a timeout, a lost connection, a 429 or a 5xx."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Read a Retry-After header (seconds or an HTTP date), capped at MAX_RETRY_AFTER_S."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - _now_utc()).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def _now_utc() -> datetime:
    """Return the current time, timezone-aware, to compare with an HTTP date."""
    return datetime.now(UTC)
