"""A local HTTP server that serves the feeds and pages a test writes, and records requests."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PUBLISHED = "Thu, 05 Jun 2025 09:30:00 +0200"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedServer:
    """A local HTTP server whose routes the test sets; it records every request."""

    url: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@contextlib.contextmanager
def serving() -> Iterator[FeedServer]:
    """Run a feed server on 127.0.0.1 for the block (the ``feed_server`` fixture)."""
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers)))
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            time.sleep(route.delay_s)
            if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag is not None:
                self.send_header("ETag", route.etag)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: Any) -> None:
            pass

        def handle(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                super().handle()  # a client that gave up on a slow answer is no error

    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    http.daemon_threads = True
    state.url = f"http://127.0.0.1:{http.server_address[1]}"
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield state
    http.shutdown()
    http.server_close()


def page(title: str, *paragraphs: str) -> Route:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = (
        f"<html><head><title>{title}</title></head><body><nav>Home | News | Sport</nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved</footer></body></html>"
    )
    return Route(html.encode())


def rss(server: FeedServer, title: str, items: list[tuple[str, str, str]], etag: str) -> Route:
    entries = "".join(
        f"<item><title>{heading}</title><link>{server.url}{path}</link>"
        f"<guid>{server.url}{path}</guid><pubDate>{PUBLISHED}</pubDate>"
        f"<description>{summary}</description></item>"
        for path, heading, summary in items
    )
    xml = (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{server.url}/</link><description>test</description>"
        f"{entries}</channel></rss>"
    )
    return Route(xml.encode(), "application/rss+xml", etag=etag)


def atom(server: FeedServer, title: str, items: list[tuple[str, str, str]]) -> Route:
    entries = "".join(
        f'<entry><title>{heading}</title><link href="{server.url}{path}"/>'
        f"<id>{server.url}{path}</id><updated>2025-06-05T07:30:00Z</updated>"
        f"<summary>{summary}</summary></entry>"
        for path, heading, summary in items
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>{server.url}/atom</id><updated>2025-06-05T08:00:00Z</updated>"
        f"{entries}</feed>"
    )
    return Route(xml.encode(), "application/atom+xml")
