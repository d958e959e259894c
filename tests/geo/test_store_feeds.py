"""Feed state in both stores: feeds watched, polls recorded, entries seen, and an entry's
incidents and corroborations stored in one transaction with the entry."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import geopandas as gpd
import pytest

import geo.store.geopackage
from geo.errors import FeedError, IncidentNotFoundError
from geo.model import Incident, empty_incident_frame
from geo.store import FeedEntry, FeedPoll, IncidentQuery, IncidentStore
from geo.store.geopackage import ENTRIES_TABLE, FEEDS_TABLE
from tests.conftest import StoreTarget, geopackage_only

T0 = dt.datetime(2025, 6, 1, 8, 0, tzinfo=dt.UTC)
MakeIncident = Callable[..., Incident]
MakeFrame = Callable[..., gpd.GeoDataFrame]


def entry(key: str, *ids: str, feed: str = "news") -> FeedEntry:
    return FeedEntry(
        key, feed, T0, url=key, title=f"Title of {key}", published=T0, incidents=ids, error=None
    )


def test_feeds_are_added_listed_and_removed(store: IncidentStore) -> None:
    store.add_feed("news", "https://news.example/feed", T0)
    store.add_feed("notices", "https://notices.example/rss", T0 + dt.timedelta(minutes=1))
    feeds = store.feeds()
    assert [(f.name, f.url, f.added, f.entries) for f in feeds] == [
        ("news", "https://news.example/feed", T0, 0),
        ("notices", "https://notices.example/rss", T0 + dt.timedelta(minutes=1), 0),
    ]
    assert feeds[0].succeeded is None and feeds[0].error is None
    store.remove_feed("news")
    assert [f.name for f in store.feeds()] == ["notices"]


def test_a_taken_name_or_address_and_an_unknown_name_are_named(store: IncidentStore) -> None:
    store.add_feed("news", "https://news.example/feed", T0)
    with pytest.raises(FeedError, match="a feed named 'news' is watched already"):
        store.add_feed("news", "https://other.example/feed", T0)
    with pytest.raises(FeedError, match="watched already, as the feed 'news'"):
        store.add_feed("again", "https://news.example/feed", T0)
    with pytest.raises(FeedError, match=r"no feed named 'old' \(feeds: news\)"):
        store.remove_feed("old")
    assert len(store.feeds()) == 1


def test_polls_keep_validators_successes_and_errors(store: IncidentStore) -> None:
    store.add_feed("news", "https://news.example/feed", T0)
    first = T0 + dt.timedelta(hours=1)
    store.record_poll("news", FeedPoll(first, title="News", etag='"v1"', last_modified="Sun"))
    second = first + dt.timedelta(hours=1)
    store.record_poll("news", FeedPoll(second, error="timed out after 3 tries"))
    [feed] = store.feeds()
    assert (feed.title, feed.etag, feed.last_modified) == ("News", '"v1"', "Sun")
    assert (feed.checked, feed.succeeded, feed.failed) == (second, first, second)
    assert feed.error == "timed out after 3 tries"
    third = second + dt.timedelta(hours=1)
    store.record_poll("news", FeedPoll(third))  # a 304: the validators stay
    [feed] = store.feeds()
    assert (feed.etag, feed.succeeded, feed.error, feed.failed) == ('"v1"', third, None, None)


def test_an_entry_stores_its_incidents_and_corroborations_at_once(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    store.add_feed("news", "https://news.example/feed", T0)
    kept = make_incident(id="kept", lon=1.6, lat=50.8, sources=[{"url": "https://a.example/1"}])
    store.add(make_frame(kept))
    grown = kept.model_copy(
        update={
            "sources": [
                *kept.sources,
                *make_incident(sources=[{"url": "https://b.example/2"}]).sources,
            ]
        }
    )
    new = make_incident(id="new", lon=1.7, lat=50.9)
    added = store.store_entry(
        entry("https://b.example/2", "new", "kept"), make_frame(new), make_frame(grown)
    )
    assert added.added == ["new"]
    stored = store.get("kept")
    assert [s["url"] for s in stored["sources"].iloc[0]] == [
        "https://a.example/1",
        "https://b.example/2",
    ]
    assert store.count() == 2
    assert store.seen_entries(["https://b.example/2", "https://c.example/3"]) == {
        "https://b.example/2"
    }
    assert store.feeds()[0].entries == 1


def test_a_failed_entry_write_stores_nothing_of_it(
    store: IncidentStore, make_incident: MakeIncident, make_frame: MakeFrame
) -> None:
    new = make_incident(id="new", lon=1.7, lat=50.9)
    missing = make_incident(id="not-stored", lon=1.6, lat=50.8)
    with pytest.raises(IncidentNotFoundError):
        store.store_entry(entry("https://b.example/2", "new"), make_frame(new), make_frame(missing))
    assert store.count() == 0
    assert store.seen_entries(["https://b.example/2"]) == set()
    assert store.query(IncidentQuery()).number_matched == 0


def test_feed_state_survives_reopening_the_store(store_target: StoreTarget) -> None:
    first = store_target.open(seed=False)
    first.add_feed("news", "https://news.example/feed", T0)
    empty = empty_incident_frame()
    first.store_entry(entry("https://news.example/1"), empty, empty)
    first.close()
    again = store_target.open(seed=False)
    try:
        assert [f.name for f in again.feeds()] == ["news"]
        assert again.seen_entries(["https://news.example/1"]) == {"https://news.example/1"}
    finally:
        again.close()


@geopackage_only
def test_a_store_made_before_feeds_gets_the_feed_tables(store_target: StoreTarget) -> None:
    opened = store_target.open(seed=True)
    path = opened.path  # type: ignore[attr-defined]
    count = opened.count()
    opened.close()
    connection = sqlite3.connect(path)
    connection.execute(f"DROP TABLE {ENTRIES_TABLE}")
    connection.execute(f"DROP TABLE {FEEDS_TABLE}")
    connection.commit()
    connection.close()
    again = geo.store.geopackage.GeoPackageStore(path, seed=False)
    try:
        assert again.feeds() == []
        assert again.count() == count
    finally:
        again.close()
