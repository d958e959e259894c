"""Benchmark: the map page at scale, against one Folium marker per incident.

Usage::

    python bench/map.py            # 10,000 and 100,000 incidents; baseline on 10,000
    python bench/map.py --quick    # 2,000 and 10,000 incidents; baseline on 2,000

The incidents are the clustering benchmark's synthetic launches (fixed seed,
with coast relations), a third of them relabelled as interceptions, rescues
and arrivals so that every layer has something to draw.

launchmap's page is built as the server builds ``/map``: the incidents as
compact arrays, popups fetched from the API, Leaflet and its plugins from the
server, after one warm-up build (the bundled layers are read once per
process, as in a running server). The baseline is the plain Folium way: one
``folium.CircleMarker`` with a ``folium.Popup`` per incident. For each page
the benchmark prints its size, the time to build it, and the time to
interactive in headless Chromium: from
navigation start until the page's script has drawn the incidents
(launchmap) or until the load event has run Folium's marker script
(baseline), with both pages and their assets served from 127.0.0.1. The last
lines are one JSON object per figure.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
from _report import figure, peak_rss_mib
from cluster import synthetic_launches
from playwright.sync_api import Browser, sync_playwright

from maps.assets import LOCAL_PREFIX, VENDOR_DIR
from maps.incident_map import MapOptions, render_map_html

SIZES, QUICK_SIZES = (10_000, 100_000), (2_000, 10_000)
SEED = 20251121
OTHER_TYPES = ("interception", "rescue", "arrival")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
READY_TIMEOUT_MS = 120_000
BASELINE = "one folium.CircleMarker with a folium.Popup per incident"


@dataclass(frozen=True)
class PageFigures:
    """What one page costs: its size, its build time and its time to interactive."""

    size_mb: float
    build_s: float
    interactive_s: float


def incidents(count: int) -> gpd.GeoDataFrame:
    """Return ``count`` synthetic incidents along the coast, of several event types."""
    frame = synthetic_launches(count, seed=SEED)
    rng = np.random.default_rng(SEED)
    relabel = rng.random(count) < 1 / 3
    frame.loc[relabel, "event_type"] = rng.choice(OTHER_TYPES, int(relabel.sum()))
    return frame


def launchmap_page(frame: gpd.GeoDataFrame) -> tuple[str, float]:
    """Build the page as the server builds /map; return it and the seconds it took."""
    started = time.perf_counter()
    page = render_map_html(frame, MapOptions(details_url="/collections/incidents/items/"))
    return page, time.perf_counter() - started


def folium_page(frame: gpd.GeoDataFrame) -> tuple[str, float]:
    """Build the baseline: one Folium circle marker and popup per incident."""
    started = time.perf_counter()
    figure_map = folium.Map(location=(50.95, 1.85), zoom_start=9, tiles=None)
    figure_map.default_js = [("leaflet", f"{LOCAL_PREFIX}/leaflet/dist/leaflet.js")]
    figure_map.default_css = [("leaflet_css", f"{LOCAL_PREFIX}/leaflet/dist/leaflet.css")]
    for row in frame.itertuples():
        text = html.escape(f"{row.event_type} {row.date} {row.nearest_place}")
        folium.CircleMarker(
            location=(row.geometry.y, row.geometry.x), radius=6, popup=folium.Popup(text)
        ).add_to(figure_map)
    page: str = figure_map.get_root().render()
    return page, time.perf_counter() - started


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 for the browser; yield its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that logs nothing."""

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the benchmark prints its own figures."""


def interactive_s(browser: Browser, address: str, ready: str) -> float:
    """Open ``address`` and return the seconds from navigation start until ``ready`` holds."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.route("http*://**", _local_only)
    page.goto(address, timeout=READY_TIMEOUT_MS)
    page.wait_for_function(ready, timeout=READY_TIMEOUT_MS)
    seconds: float = page.evaluate("() => window.benchReadyMs || window.launchmapReadyMs") / 1000
    context.close()
    return seconds


def _local_only(route: object) -> None:
    """Let requests to 127.0.0.1 through and refuse the rest (tiles)."""
    request_url = route.request.url  # type: ignore[attr-defined]
    if request_url.startswith("http://127.0.0.1:"):
        route.continue_()  # type: ignore[attr-defined]
    else:
        route.abort()  # type: ignore[attr-defined]


LAUNCHMAP_READY = "() => document.documentElement.dataset.launchmapReady === '1'"
BASELINE_READY = (
    "() => document.readyState === 'complete' && performance.getEntriesByType('navigation')"
    "[0].loadEventEnd > 0 && (window.benchReadyMs = performance.getEntriesByType("
    "'navigation')[0].loadEventEnd)"
)


def measure(
    browser: Browser, folder: Path, address: str, name: str, built: tuple[str, float], ready: str
) -> PageFigures:
    """Write a built page into the served folder and measure it."""
    page, build_s = built
    (folder / f"{name}.html").write_text(page, encoding="utf-8")
    size_mb = len(page.encode("utf-8")) / 1e6
    return PageFigures(size_mb, build_s, interactive_s(browser, f"{address}/{name}.html", ready))


def main() -> None:
    """Measure launchmap's page at two sizes and the Folium baseline at the smaller."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, under a minute")
    sizes = QUICK_SIZES if parser.parse_args().quick else SIZES
    frames = {count: incidents(count) for count in sizes}
    launchmap_page(frames[sizes[0]].head(10))  # a server has built a page before: warm caches
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = Path(temporary)
        assets = folder / LOCAL_PREFIX.strip("/")
        assets.parent.mkdir(parents=True)
        os.symlink(VENDOR_DIR, assets)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        with served(folder) as address:
            ours = {
                count: measure(
                    browser,
                    folder,
                    address,
                    f"launchmap-{count}",
                    launchmap_page(frame),
                    LAUNCHMAP_READY,
                )
                for count, frame in frames.items()
            }
            smallest = sizes[0]
            baseline = measure(
                browser,
                folder,
                address,
                "folium-markers",
                folium_page(frames[smallest]),
                BASELINE_READY,
            )
        browser.close()
    report(ours, baseline, smallest)


def report(ours: dict[int, PageFigures], baseline: PageFigures, baseline_count: int) -> None:
    """Print a readable table, then one JSON line per figure."""
    print(f"{'page':<34}{'size MB':>10}{'build s':>10}{'interactive s':>15}")
    for count, figures in ours.items():
        print(
            f"{f'launchmap, {count:,} incidents':<34}{figures.size_mb:>10.2f}"
            f"{figures.build_s:>10.2f}{figures.interactive_s:>15.2f}"
        )
    print(
        f"{f'Folium markers, {baseline_count:,}':<34}{baseline.size_mb:>10.2f}"
        f"{baseline.build_s:>10.2f}{baseline.interactive_s:>15.2f}"
    )
    print(f"peak memory: {peak_rss_mib():.0f} MiB")
    label = f"{BASELINE} on {baseline_count:,}"
    for count, figures in ours.items():
        for name, unit, value, base in (
            ("page_size", "MB", figures.size_mb, baseline.size_mb),
            ("build_time", "s", figures.build_s, baseline.build_s),
            ("time_to_interactive", "s", figures.interactive_s, baseline.interactive_s),
        ):
            print(figure(f"map_{name}_{count}", value, unit, label, base, base / value))


if __name__ == "__main__":
    main()
