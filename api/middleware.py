"""HTTP plumbing every request goes through: address, security headers, limits, access log.

Each is a small pure-ASGI middleware so that it also sees streamed bodies and
never buffers a response (BodyLimit reads a body sent without a length, up to
the limit, before the app does).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

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
DOCS_PATHS = frozenset({"/docs"})


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


class PublicAddress:
    """Build every absolute link from the public address, or refuse a Host not allowed.

    Links (paging, ``Location``, the embed snippet) are made from the request's
    address. With a configured public URL, each request is given that scheme,
    host and path prefix, whatever Host it came with. Without one, a request
    whose Host is not in the allowed list is refused (400), so a forged Host
    never reaches a link a reporter copies.
    """

    def __init__(self, app: ASGIApp, public_url: str | None, allowed_hosts: list[str]) -> None:
        self.app = app
        self.public = urlsplit(public_url) if public_url else None
        self.allowed = {host.lower().strip("[]") for host in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.public is not None:
            await self.app(self._as_public(scope), receive, send)
            return
        host = _host_name(scope)
        if host is None or "*" in self.allowed or host in self.allowed:
            await self.app(scope, receive, send)
            return
        detail = (
            f"Host {host!r} is not one this server answers for (allowed: "
            f"{', '.join(sorted(self.allowed))}); set LAUNCHMAP_PUBLIC_URL to the address "
            "readers use, or add the name to LAUNCHMAP_ALLOWED_HOSTS"
        )
        await problem(400, detail, scope["path"])(scope, receive, send)

    def _as_public(self, scope: Scope) -> Scope:
        """Return the request's scope as if it had come to the public address."""
        assert self.public is not None
        headers = [(name, value) for name, value in scope["headers"] if name != b"host"]
        headers.append((b"host", self.public.netloc.encode("idna")))
        prefix = self.public.path.rstrip("/")
        path: str = scope["path"]
        raw_path: bytes = scope.get("raw_path") or quote(path).encode("ascii")
        if not path.startswith(prefix + "/") and path != prefix:
            # A proxy that strips the prefix: ASGI paths include the root path.
            path, raw_path = prefix + path, quote(prefix).encode("ascii") + raw_path
        return {
            **scope,
            "scheme": self.public.scheme,
            "headers": headers,
            "root_path": prefix,
            "path": path,
            "raw_path": raw_path,
        }


def _host_name(scope: Scope) -> str | None:
    """Return the lower-case host name of a request's Host header (no port), or None."""
    value: bytes | None = dict(scope.get("headers", [])).get(b"host")
    if not value:
        return None
    host = value.decode("latin-1").strip().lower()
    if host.startswith("["):  # an IPv6 literal, [::1]:8000
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


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
    """Refuse request bodies over ``max_bytes`` with 413, declared or streamed.

    A body with a Content-Length over the limit is refused before it is read.
    A body sent without one (chunked) is read here, up to the limit, before the
    app sees it: the app's body parsing would otherwise turn the overflow into
    a 400 of its own.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self.max_bytes:
                await self._refuse(scope, receive, send, f"of {int(declared):,} bytes")
                return
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive, self.max_bytes)
        if body is None:
            await self._refuse(scope, receive, send, "sent without a Content-Length")
            return
        await self.app(scope, _replaying(body, receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: str) -> None:
        """Answer 413, naming the body's size (or how it was sent) and the limit."""
        detail = f"request body {size} is over the limit of {self.max_bytes:,} bytes"
        await problem(413, detail, scope["path"])(scope, receive, send)


async def _read_body(receive: Receive, max_bytes: int) -> bytes | None:
    """Read a whole request body, or return None as soon as it grows past ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client went away: the app sees an empty body
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """Give the app ``body`` as its one request message, then the connection's own messages."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


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
                '%s "%s %s" %d %.1fms',
                log_safe(str(client)),
                log_safe(scope["method"]),
                log_safe(target),
                status,
                elapsed_ms,
            )


def log_safe(text: str) -> str:
    r"""Escape what a client sent so that it stays inside its field of one log line.

    Control characters (a decoded ``%0a`` starts a forged line), quotes,
    backslashes and other unprintable characters become ``\\xNN`` or
    ``\\uNNNN`` escapes; printable text, accents included, stays as it is.
    """
    return "".join(
        char if char.isprintable() and char not in '"\\' else _escaped(char) for char in text
    )


def _escaped(char: str) -> str:
    """Write one character as a backslash escape."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
