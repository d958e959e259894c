"""Feeds against a local HTTP server serving feeds and pages these tests write: new entries,
an unchanged feed (304), a feed that times out, a page that is not HTML, the same incident
reported by two feeds, entries read again after a failure, and the polite client itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

import geo.ingest.feeds
from geo.errors import FeedError
from geo.ingest._http import FetchError, PoliteClient
from geo.ingest.feeds import add_feed, parse_interval, poll_feeds
from geo.store import IncidentQuery, IncidentStore
from tests._feed_server import PUBLISHED, FeedServer, Route, atom, page, rss
from tests.conftest import StoreTarget

RESCUE_A = "Forty-two people were rescued off Wimereux on Tuesday, a lifeboat crew said."
RESCUE_B = "On Tuesday a lifeboat rescued 42 people off Wimereux whose boat was sinking."
LAUNCH = "About 60 people launched a small boat from the beach at Gravelines on Monday night."
STOPPED = "Police stopped a group of 30 people launching a boat at Hardelot on Sunday."


@pytest.fixture
def client() -> Iterator[PoliteClient]:
    polite = PoliteClient(timeout_s=0.5, attempts=2, backoff_s=0.0, min_interval_s=0.0)
    yield polite
    polite.close()


@pytest.fixture
def store(store_target: StoreTarget) -> Iterator[IncidentStore]:
    opened = store_target.open(seed=False)
    yield opened
    opened.close()


def incidents(store: IncidentStore) -> list[dict[str, Any]]:
    return [f["properties"] for f in store.query(IncidentQuery()).features()]


# -- new entries, then nothing new -----------------------------------------------------------


def test_new_entries_become_candidate_incidents_and_a_second_poll_fetches_nothing(
    feed_server: FeedServer, client: PoliteClient, store: IncidentStore
) -> None:
    feed_server.routes["/rss"] = rss(
        feed_server,
        "Coast News",
        [("/a", "Rescue off Wimereux", "short"), ("/b", "Boat leaves Gravelines", "short")],
        etag='"v1"',
    )
    feed_server.routes["/a"] = page("Rescue off Wimereux", RESCUE_A)
    feed_server.routes["/b"] = page("Boat leaves Gravelines", LAUNCH)
    add_feed(store, f"{feed_server.url}/rss", name="coast")

    report = poll_feeds(store, client)
    [feed_report] = report.feeds
    assert (feed_report.status, feed_report.entries, len(feed_report.added)) == ("read", 2, 2)
    assert sorted(feed_server.paths()) == ["/a", "/b", "/rss"]
    assert client.user_agent in feed_server.requests[0][1]["User-Agent"]
    stored = {p["event_type"]: p for p in incidents(store)}
    assert sorted(stored) == ["launch", "rescue"]
    rescue = stored["rescue"]
    assert rescue["review_status"] == "candidate"
    assert (rescue["date"], rescue["people"]) == ("2025-06-03", 42)
    [source] = rescue["sources"]
    assert source["url"] == f"{feed_server.url}/a"
    assert source["title"] == "Rescue off Wimereux"
    assert source["published"] == "2025-06-05"
    assert source["publisher"] == "Coast News"
    assert rescue["shore_distance_m"] is not None  # related to the coast like any import
    [feed] = store.feeds()
    assert (feed.title, feed.etag, feed.entries, feed.error) == ("Coast News", '"v1"', 2, None)
    assert feed.succeeded is not None

    feed_server.requests.clear()
    again = poll_feeds(store, client)
    assert [(r.status, r.entries, r.added) for r in again.feeds] == [("unchanged", 0, [])]
    assert feed_server.paths() == ["/rss"]
    assert feed_server.requests[0][1]["If-None-Match"] == '"v1"'
    assert len(incidents(store)) == 2


def test_a_restart_fetches_no_entry_twice(
    feed_server: FeedServer, store_target: StoreTarget
) -> None:
    feed_server.routes["/atom"] = atom(feed_server, "Notices", [("/n1", "Notice", "short")])
    feed_server.routes["/n1"] = page("Notice", STOPPED)
    first_store = store_target.open(seed=False)
    add_feed(first_store, f"{feed_server.url}/atom")
    first = PoliteClient(timeout_s=1, attempts=1, min_interval_s=0)
    assert poll_feeds(first_store, first).entries == 1
    first.close()
    first_store.close()

    feed_server.requests.clear()
    second_store = store_target.open(seed=False)
    second = PoliteClient(timeout_s=1, attempts=1, min_interval_s=0)
    try:
        report = poll_feeds(second_store, second)  # no validators: the feed is read in full
        assert feed_server.paths() == ["/atom"]
        assert report.entries == 0
        assert [f.name for f in second_store.feeds()] == ["127.0.0.1"]
        [incident] = incidents(second_store)
        assert (incident["event_type"], incident["place_name"]) == ("interception", "Hardelot")
    finally:
        second.close()
        second_store.close()


# -- failures ------------------------------------------------------------------------------------


def test_a_feed_that_times_out_is_reported_and_the_others_are_read(
    feed_server: FeedServer, client: PoliteClient, store: IncidentStore
) -> None:
    feed_server.routes["/slow"] = Route(b"<rss/>", "application/rss+xml", delay_s=3.0)
    feed_server.routes["/rss"] = rss(
        feed_server, "Coast News", [("/a", "Rescue", "short")], etag='"v1"'
    )
    feed_server.routes["/a"] = page("Rescue", RESCUE_A)
    add_feed(store, f"{feed_server.url}/slow", name="slow")
    add_feed(store, f"{feed_server.url}/rss", name="coast")
    report = poll_feeds(store, client)
    by_name = {r.name: r for r in report.feeds}
    assert by_name["slow"].status == "failed"
    assert "timed out (2 tries)" in (by_name["slow"].error or "")
    assert feed_server.paths().count("/slow") == 2
    assert (by_name["coast"].status, len(by_name["coast"].added)) == ("read", 1)
    feeds = {f.name: f for f in store.feeds()}
    assert "timed out" in (feeds["slow"].error or "")
    assert feeds["slow"].succeeded is None and feeds["slow"].failed is not None
    assert feeds["coast"].error is None


def test_a_page_that_is_not_html_is_read_from_the_feed_summary(
    feed_server: FeedServer, client: PoliteClient, store: IncidentStore
) -> None:
    feed_server.routes["/rss"] = rss(
        feed_server, "Notices", [("/notice.pdf", "Press release", LAUNCH)], etag='"p1"'
    )
    feed_server.routes["/notice.pdf"] = Route(b"%PDF-1.4 not text", "application/pdf")
    add_feed(store, f"{feed_server.url}/rss", name="notices")
    [report] = poll_feeds(store, client).feeds
    assert report.status == "read"
    assert "page is application/pdf, not HTML" in report.notes[0]
    [incident] = incidents(store)
    assert (incident["event_type"], incident["people"]) == ("launch", 60)
    assert incident["sources"][0]["url"] == f"{feed_server.url}/notice.pdf"
    feed_server.requests.clear()
    poll_feeds(store, client)
    assert "/notice.pdf" not in feed_server.paths()


def test_a_page_that_fails_now_is_read_at_the_next_poll(
    feed_server: FeedServer, client: PoliteClient, store: IncidentStore
) -> None:
    feed_server.routes["/rss"] = rss(
        feed_server, "News", [("/a", "Rescue", "short"), ("/b", "Launch", "short")], etag='"v1"'
    )
    feed_server.routes["/a"] = page("Rescue", RESCUE_A)
    feed_server.routes["/b"] = Route(b"busy", "text/plain", status=503)
    add_feed(store, f"{feed_server.url}/rss", name="news")
    [first] = poll_feeds(store, client).feeds
    assert (first.entries, len(first.added)) == (1, 1)
    assert "1 new entries not read yet" in (first.error or "")
    [feed] = store.feeds()
    assert feed.etag is None  # not kept: the next poll reads the feed in full again
    assert "answered 503" in (feed.error or "")

    feed_server.routes["/b"] = page("Launch", LAUNCH)
    feed_server.requests.clear()
    [second] = poll_feeds(store, client).feeds
    assert (second.entries, len(second.added), second.error) == (1, 1, None)
    assert sorted(feed_server.paths()) == ["/b", "/rss"]
    assert store.feeds()[0].etag == '"v1"'


def test_a_crash_while_reading_entries_keeps_the_ones_already_stored(
    feed_server: FeedServer,
    client: PoliteClient,
    store: IncidentStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feed_server.routes["/rss"] = rss(
        feed_server, "News", [("/a", "Rescue", "short"), ("/b", "Launch", "short")], etag='"v1"'
    )
    feed_server.routes["/a"] = page("Rescue", RESCUE_A)
    feed_server.routes["/b"] = page("Launch", LAUNCH)
    add_feed(store, f"{feed_server.url}/rss", name="news")
    real = geo.ingest.feeds.extracted

    def crash_on_b(text: str, **where: Any) -> Any:
        if where["url"].endswith("/b"):
            raise RuntimeError("killed mid-run")
        return real(text, **where)

    monkeypatch.setattr(geo.ingest.feeds, "extracted", crash_on_b)
    [crashed] = poll_feeds(store, client).feeds
    assert crashed.status == "failed" and "killed mid-run" in (crashed.error or "")
    assert [p["event_type"] for p in incidents(store)] == ["rescue"]
    monkeypatch.setattr(geo.ingest.feeds, "extracted", real)
    feed_server.requests.clear()
    [resumed] = poll_feeds(store, client).feeds
    assert (resumed.entries, len(resumed.added)) == (1, 1)
    assert sorted(feed_server.paths()) == ["/b", "/rss"]


# -- corroboration -------------------------------------------------------------------------------


def test_the_same_incident_from_two_feeds_is_one_incident_with_both_sources(
    feed_server: FeedServer, client: PoliteClient, store: IncidentStore
) -> None:
    feed_server.routes["/one"] = rss(feed_server, "First", [("/a", "Rescue", "short")], etag='"1"')
    feed_server.routes["/two"] = atom(feed_server, "Second", [("/b", "Lifeboat rescue", "short")])
    feed_server.routes["/a"] = page("Rescue", RESCUE_A)
    feed_server.routes["/b"] = page("Lifeboat rescue", RESCUE_B)
    add_feed(store, f"{feed_server.url}/one", name="one")
    add_feed(store, f"{feed_server.url}/two", name="two")
    report = poll_feeds(store, client)
    assert [(len(r.added), len(r.corroborated)) for r in report.feeds] == [(1, 0), (0, 1)]
    [incident] = incidents(store)
    assert [s["url"] for s in incident["sources"]] == [
        f"{feed_server.url}/a",
        f"{feed_server.url}/b",
    ]
    assert [s["publisher"] for s in incident["sources"]] == ["First", "Second"]
    assert report.feeds[1].corroborated == [incident["id"]]


# -- feeds, intervals and the polite client ---------------------------------------------------


def test_feed_names_default_to_the_host_and_bad_addresses_are_named(store: IncidentStore) -> None:
    assert add_feed(store, "https://www.news.example/rss").name == "news.example"
    assert add_feed(store, "https://news.example/other.xml").name == "news.example-2"
    with pytest.raises(FeedError, match="http:// or https://"):
        add_feed(store, "ftp://news.example/rss")
    with pytest.raises(FeedError, match="a feed name is"):
        add_feed(store, "https://x.example/rss", name="no spaces please")


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900.0), ("2h", 7200.0), ("90s", 90.0), ("30", 1800.0)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["soon", "10s", "-5m"])
def test_bad_intervals_are_named(text: str) -> None:
    with pytest.raises(FeedError, match=repr(text)):
        parse_interval(text)


def test_the_client_waits_a_second_between_requests_to_one_host(feed_server: FeedServer) -> None:
    feed_server.routes["/x"] = page("x", "text")
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    polite = PoliteClient(clock=lambda: now[0], sleep=sleep)
    try:
        polite.get(f"{feed_server.url}/x")
        now[0] += 0.25
        polite.get(f"{feed_server.url}/x")
        now[0] += 5
        polite.get(f"{feed_server.url}/x")
    finally:
        polite.close()
    assert waits == [0.75]


def test_the_client_retries_with_growing_pauses_and_honours_retry_after(
    feed_server: FeedServer,
) -> None:
    feed_server.routes["/busy"] = Route(b"", "text/plain", status=503)
    feed_server.routes["/later"] = Route(
        b"", "text/plain", status=429, headers={"Retry-After": "7"}
    )
    waits: list[float] = []
    polite = PoliteClient(attempts=3, backoff_s=2.0, min_interval_s=0, sleep=waits.append)
    try:
        with pytest.raises(FetchError, match=r"answered 503 \(3 tries\)") as caught:
            polite.get(f"{feed_server.url}/busy")
        assert not caught.value.lasting
        assert waits == [2.0, 4.0]
        waits.clear()
        with pytest.raises(FetchError, match="answered 429"):
            polite.get(f"{feed_server.url}/later")
        assert waits == [7.0, 7.0]
        waits.clear()
        with pytest.raises(FetchError, match="answered 404") as missing:
            polite.get(f"{feed_server.url}/missing")
        assert missing.value.lasting
        assert waits == []
    finally:
        polite.close()


def test_the_client_refuses_a_body_over_its_limit(feed_server: FeedServer) -> None:
    feed_server.routes["/big"] = Route(b"x" * 5000, "text/html")
    polite = PoliteClient(max_bytes=1000, min_interval_s=0)
    try:
        with pytest.raises(FetchError, match="larger than 1,000 bytes") as caught:
            polite.get(f"{feed_server.url}/big")
        assert caught.value.lasting
    finally:
        polite.close()


def test_published_times_keep_their_offset() -> None:
    entry = geo.ingest.feeds._entry({"link": "https://a.example/x#top", "published": PUBLISHED})
    assert entry.url == "https://a.example/x"
    assert entry.published == dt.datetime(
        2025, 6, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
