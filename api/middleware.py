"""HTTP plumbing every request goes through: security headers, body size, rate limit, access log.

Each is a small pure-ASGI middleware so that it also sees streamed bodies and
never buffers a response.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from api.errors import problem
from maps.incident_map import TILE_HOSTS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

access_log = logging.getLogger("launchmap.access")

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
EMBED_PREFIX = "/embed"
DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})


def content_security_policy(cdn_hosts: tuple[str, ...], framing: str) -> str:
    """Return the CSP of launchmap's own HTML pages.

    Scripts and styles come from the server itself (Folium writes its map
    script inline) or the CDN when assets are served from one; tiles from
    the base maps' hosts; ``framing`` is the frame-ancestors source list.
    """
    cdn = " ".join(cdn_hosts)
    return (
        f"default-src 'self'; script-src 'self' 'unsafe-inline' {cdn}; "
        f"style-src 'self' 'unsafe-inline' {cdn}; "
        f"img-src 'self' data: {' '.join(TILE_HOSTS)}; "
        f"connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors {framing}"
    ).replace("  ", " ")


class SecurityHeaders:
    """Add security headers: a CSP on HTML pages, framing only for /embed, nosniff."""

    def __init__(self, app: ASGIApp, cdn_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.cdn_hosts = cdn_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        embeddable = path == EMBED_PREFIX or path.startswith(EMBED_PREFIX + "/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"strict-origin-when-cross-origin"))
                if not embeddable:
                    headers.append((b"x-frame-options", b"DENY"))
                if _is_html(headers) and path not in DOCS_PATHS:
                    framing = "*" if embeddable else "'none'"
                    policy = content_security_policy(self.cdn_hosts, framing)
                    headers.append((b"content-security-policy", policy.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    """Tell whether response headers declare an HTML body."""
    return any(name.lower() == b"content-type" and b"text/html" in value for name, value in headers)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send, int(declared))
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLargeError(received)
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLargeError as error:
            await self._refuse(scope, receive, send, error.size)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        """Answer 413, naming the size sent and the limit."""
        detail = f"request body of {size:,} bytes is over the limit of {self.max_bytes:,} bytes"
        await problem(413, detail, scope["path"])(scope, receive, send)


class BodyTooLargeError(Exception):
    """A streamed body went over the limit (caught by BodyLimit itself)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


@dataclass
class _Bucket:
    """A client's token bucket: tokens left and when they were last counted."""

    tokens: float
    updated: float


class RateLimit:
    """Limit writes and extraction per client address: a token bucket per minute.

    Reads are never limited. Over the limit a request gets 429 with
    ``Retry-After`` in seconds.
    """

    def __init__(
        self,
        app: ASGIApp,
        per_minute: int,
        limited_paths: tuple[str, ...],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.per_minute = per_minute
        self.limited_paths = limited_paths
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http" or not self._limited(scope):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait_s = self._take(client)
        if wait_s > 0:
            detail = f"too many writes from {client}: at most {self.per_minute} a minute"
            response = problem(429, detail, scope["path"])
            response.headers["Retry-After"] = str(math.ceil(wait_s))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _limited(self, scope: Scope) -> bool:
        """Tell whether a request counts: a write, or a call to a limited path."""
        path: str = scope["path"]
        return scope["method"] in WRITE_METHODS or path in self.limited_paths

    def _take(self, client: str) -> float:
        """Take a token for ``client``; return 0, or the seconds until one is free."""
        rate_per_s = self.per_minute / 60.0
        now = self.clock()
        with self._lock:
            bucket = self._buckets.setdefault(client, _Bucket(float(self.per_minute), now))
            bucket.tokens = min(
                float(self.per_minute), bucket.tokens + (now - bucket.updated) * rate_per_s
            )
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / rate_per_s


class AccessLog:
    """Log one line per request: client, method, path, status and duration."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            client = (scope.get("client") or ("-", 0))[0]
            query = scope.get("query_string", b"").decode("latin-1")
            target = scope["path"] + (f"?{query}" if query else "")
            elapsed_ms = (time.perf_counter() - started) * 1000
            access_log.info(
                '%s "%s %s" %d %.1fms', client, scope["method"], target, status, elapsed_ms
            )
