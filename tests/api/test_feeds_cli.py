"""`launchmap feeds`, `launchmap watch --once` and `launchmap serve --watch`, as real processes
against a local feed server."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import httpx

from tests._feed_server import FeedServer, atom, page, rss
from tests.conftest import StoreTarget, launchmap_command, serve_launchmap

REPORT = "Forty-two people were rescued off Wimereux on Tuesday, a lifeboat crew said."
OTHER = "About 60 people launched a small boat from the beach at Gravelines on Monday night."


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*launchmap_command(), *args], capture_output=True, text=True, timeout=180
    )


def test_watch_once_stores_new_entries_and_a_second_run_stores_nothing(
    feed_server: FeedServer, store_target: StoreTarget, tmp_path: Path
) -> None:
    feed_server.routes["/rss"] = rss(
        feed_server, "Coast News", [("/a", "Rescue", "short"), ("/b", "Launch", "short")], '"1"'
    )
    feed_server.routes["/a"] = page("Rescue", REPORT)
    feed_server.routes["/b"] = page("Launch", OTHER)
    store = [*store_target.cli_args, "--no-seed"]
    added = run("feeds", "add", f"{feed_server.url}/rss", "--name", "coast", *store, "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["name"] == "coast"

    first = run("watch", "--once", *store, "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert (report["entries"], report["added"]) == (2, 2)
    assert sorted(feed_server.paths()) == ["/a", "/b", "/rss"]

    feed_server.requests.clear()
    second = run("watch", "--once", *store, "--json")
    assert json.loads(second.stdout)["feeds"][0]["status"] == "unchanged"
    assert (json.loads(second.stdout)["entries"], json.loads(second.stdout)["added"]) == (0, 0)
    assert feed_server.paths() == ["/rss"]

    listed = json.loads(run("feeds", "list", *store, "--json").stdout)
    assert [(f["name"], f["entries"], f["last_error"]) for f in listed] == [("coast", 2, None)]
    assert listed[0]["last_success"] is not None
    out = run("export", "-f", "geojson", "-o", str(tmp_path / "x.geojson"), *store)
    assert out.returncode == 0, out.stderr
    features = json.loads((tmp_path / "x.geojson").read_text("utf-8"))["features"]
    assert {f["properties"]["review_status"] for f in features} == {"candidate"}


def test_feeds_list_shows_the_last_error_and_remove_stops_watching(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    store = ["--data-dir", str(tmp_path / "store"), "--no-seed"]
    assert run("feeds", "add", f"{feed_server.url}/gone", *store).returncode == 0
    result = run("watch", "--once", *store)
    assert result.returncode == 0
    assert "127.0.0.1: failed:" in result.stdout
    assert "answered 404" in result.stdout
    text = run("feeds", "list", *store).stdout
    assert "answered 404" in text
    removed = run("feeds", "remove", "127.0.0.1", *store)
    assert "No longer watching 127.0.0.1" in removed.stdout
    unknown = run("feeds", "remove", "127.0.0.1", *store)
    assert unknown.returncode == 1
    assert "no feed named '127.0.0.1'" in unknown.stderr


def test_feed_commands_name_bad_values(tmp_path: Path) -> None:
    store = ["--data-dir", str(tmp_path / "store"), "--no-seed"]
    bad_url = run("feeds", "add", "file:///etc/passwd", *store)
    assert bad_url.returncode == 1
    assert "http:// or https://" in bad_url.stderr
    bad_every = run("watch", "--every", "5s", *store)
    assert bad_every.returncode == 1
    assert "at least a minute" in bad_every.stderr
    assert "Traceback" not in bad_url.stderr + bad_every.stderr


def test_serve_watch_polls_beside_the_server(feed_server: FeedServer, tmp_path: Path) -> None:
    feed_server.routes["/atom"] = atom(feed_server, "Notices", [("/n", "Rescue", "short")])
    feed_server.routes["/n"] = page("Rescue", REPORT)
    data_dir = tmp_path / "store"
    assert (
        run("feeds", "add", f"{feed_server.url}/atom", "--data-dir", str(data_dir)).returncode == 0
    )
    before = run(
        "export", "-f", "geojson", "-o", str(tmp_path / "a.geojson"), "--data-dir", str(data_dir)
    )
    seeded = len(json.loads((tmp_path / "a.geojson").read_text("utf-8"))["features"])
    assert before.returncode == 0
    env = {key: value for key, value in os.environ.items() if key.startswith("LAUNCHMAP_")}
    with serve_launchmap(tmp_path, data_dir=data_dir, env=env, extra_args=["--watch"]) as server:
        deadline = time.monotonic() + 60
        matched = seeded
        while time.monotonic() < deadline and matched == seeded:
            items = httpx.get(f"{server.url}/collections/incidents/items?limit=1", timeout=5)
            matched = items.json()["numberMatched"]
            time.sleep(0.2)
        assert matched == seeded + 1
        rescues = httpx.get(
            f"{server.url}/collections/incidents/items?event_type=rescue&place=Wimereux", timeout=5
        ).json()["features"]
        assert any(f["properties"]["review_status"] == "candidate" for f in rescues)
    listed = json.loads(run("feeds", "list", "--data-dir", str(data_dir), "--json").stdout)
    assert [(f["title"], f["entries"]) for f in listed] == [("Notices", 1)]
