"""Answers that cost nothing to serve again: built once per store version, then kept.

Whatever a reader loads (the map pages, their data resource, the static
images, the hotspots) depends only on the stored incidents, the request's
parameters and launchmap itself. Each answer's ETag is a digest of the store
version (which every write changes, see :meth:`geo.store.IncidentStore.version`),
launchmap's build and the parameters, so:

- a request whose ``If-None-Match`` names the current ETag gets 304 at the
  cost of reading the store version, without building anything;
- an answer is built once per version and parameters, however many requests
  ask for it at once (the others wait for the first), and kept in memory
  (least recently used first out) until a write makes it stale;
- ``Cache-Control`` lets a browser or a CDN keep it a short while, then
  revalidate with its ETag.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from fastapi import Request
from fastapi.responses import Response

from geo.store import IncidentStore
from maps.incident_map import build_id

T = TypeVar("T")
IMMUTABLE = "public, max-age=31536000, immutable"
"""Cache-Control of files whose address changes with their content."""
GZIP = "application/gzip"
"""The media type of a gzip file sent as it is."""


def accepts_gzip(request: Request) -> bool:
    """Whether the request's ``Accept-Encoding`` takes gzip (or any coding), not at q=0."""
    for coding in request.headers.get("accept-encoding", "").split(","):
        name, _, parameters = coding.partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters else "1"
        if name.strip().lower() in ("gzip", "*") and quality not in ("0", "0.0", "0.00", "0.000"):
            return True
    return False


def gzipped(body: bytes) -> bytes:
    """Compress a text body for a client that takes gzip, the same bytes every time."""
    return gzip.compress(body, compresslevel=9, mtime=0)


def coded_tag(tag: str, coded: bool) -> str:
    """Return the ETag of an answer's gzip-coded representation, or ``tag`` itself.

    The two representations are different bytes on the wire, so a cache must
    not answer one with the other's tag.
    """
    return tag[:-1] + '-gzip"' if coded else tag


def vary_on_coding(headers: dict[str, str]) -> None:
    """Add ``Accept-Encoding`` to the ``Vary`` of an answer sent coded or not by the request."""
    headers["Vary"] = ", ".join(filter(None, (headers.get("Vary"), "Accept-Encoding")))


def gzip_file_answer(
    body: bytes, inner_type: str, headers: dict[str, str], coded: bool
) -> Response:
    """Answer a gzip file: as a gzip coding of ``inner_type`` when ``coded``.

    ``coded`` is :func:`accepts_gzip` of the request, read once by the caller
    for the ETag and the answer alike. A browser then inflates the file as it
    reads it, off the page's thread, and the page's script gets its content;
    any other client gets the file as it is (``application/gzip``), which the
    page inflates itself, as it does from a static host. ``headers`` must
    already hold the representation's ETag (:func:`coded_tag`) and vary on
    ``Accept-Encoding`` (:func:`vary_on_coding`).
    """
    if not coded:
        return Response(body, media_type=GZIP, headers=headers)
    return Response(body, media_type=inner_type, headers={**headers, "Content-Encoding": "gzip"})


class Cache(Generic[T]):
    """At most ``size`` values by key, each built once however many threads ask at once.

    ``weight`` gives each value's share of ``size`` (1 by default; bytes, say).
    """

    def __init__(self, size: int, weight: Callable[[T], int] = lambda _value: 1) -> None:
        self.size = size
        self._weight = weight
        self._values: OrderedDict[Hashable, T] = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, build: Callable[[], T], keep: Callable[[], bool]) -> T:
        """Return the value of ``key``, building it if it is not kept.

        A value just built is kept only if ``keep()`` still holds (the store
        version it was built for is still current).
        """
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            building = self._building.setdefault(key, threading.Lock())
        with building:
            with self._lock:
                if key in self._values:
                    return self._values[key]
            try:
                value = build()
            finally:
                with self._lock:
                    self._building.pop(key, None)
            if keep():
                with self._lock:
                    self._store(key, value)
            return value

    def _store(self, key: Hashable, value: T) -> None:
        """Keep ``value``, dropping the least recently used values over ``size``."""
        weight = self._weight(value)
        if weight > self.size:
            return
        self._values[key] = value
        self._total += weight
        while self._total > self.size:
            _, dropped = self._values.popitem(last=False)
            self._total -= self._weight(dropped)


@dataclass(frozen=True)
class Cached:
    """A built answer: its body and media type."""

    body: bytes
    media_type: str


@lru_cache(maxsize=4096)
def etag(version: str, kind: str, parameters: Hashable) -> str:
    """Return the strong ETag of one kind of answer for a store version and parameters.

    Kept for the addresses asked most: a repeated request then only hashes its parameters.
    """
    text = f"{build_id()}|{version}|{kind}|{parameters!r}"
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Tell whether an ``If-None-Match`` header names ``tag`` (weakly compared) or is ``*``."""
    if if_none_match is None:
        return False
    tags = [candidate.strip().removeprefix("W/") for candidate in if_none_match.split(",")]
    return "*" in tags or tag in tags


class Answers:
    """The app's cache of answers, keyed by store version, kind and parameters."""

    def __init__(self, max_bytes: int, max_age_s: int) -> None:
        self.max_age_s = max_age_s
        self._answers: Cache[Cached] = Cache(max_bytes, weight=lambda answer: len(answer.body))

    @property
    def cache_control(self) -> str:
        """Return the Cache-Control of answers that change with the store."""
        return f"public, max-age={self.max_age_s}"

    def respond(
        self,
        request: Request,
        store: IncidentStore,
        kind: str,
        parameters: Hashable,
        build: Callable[[str], Cached],
        vary: str | None = None,
        gzip_of: str | None = None,
    ) -> Response:
        """Answer with the cached answer of ``kind`` and ``parameters``, or 304, or build it.

        ``build`` gets the store version and returns the body; it runs at most
        once per version and parameters while the answer stays in the cache.
        ``vary`` names the request headers the answer depends on (``parameters``
        must hold what was read from them), for browsers and CDNs to key by.
        ``gzip_of`` is the media type inside an answer built gzip-compressed:
        see :func:`gzip_file_answer`.
        """
        version = store.version()
        coded = gzip_of is not None and accepts_gzip(request)
        tag = coded_tag(etag(version, kind, parameters), coded)
        headers = {"ETag": tag, "Cache-Control": self.cache_control}
        if vary:
            headers["Vary"] = vary
        if gzip_of is not None:
            vary_on_coding(headers)
        if matches(request.headers.get("if-none-match"), tag):
            return Response(status_code=304, headers=headers)
        answer = self._answers.get(
            (kind, version, parameters),
            lambda: build(version),
            keep=lambda: store.version() == version,
        )
        if gzip_of is not None:
            return gzip_file_answer(answer.body, gzip_of, headers, coded)
        return Response(answer.body, media_type=answer.media_type, headers=headers)
