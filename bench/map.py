"""Benchmark: the map page at every size, against Folium's page with one marker per incident.

Usage::

    python bench/map.py            # 100, 2,000, 10,000 and 100,000 incidents
    python bench/map.py --quick    # 100 and 2,000 incidents
    python bench/map.py --sizes 10000

The incidents are the clustering benchmark's synthetic launches (fixed seed,
with coast relations), a third of them relabelled as interceptions, rescues
and arrivals so that every layer has something to draw.

launchmap's page is built as the server builds ``/map`` the first time after a
write: the data resource of the incidents and the page shell (after one
warm-up build: the bundled layers are read once per process, as in a running
server); the page loads the resource, the reference layers, the page script
and Leaflet with its plugins from the same server.

The baseline is the plain Folium way, at every size: one
``folium.CircleMarker`` with a ``folium.Popup`` per incident, on the page
Folium writes. That page loads Folium's own scripts and styles (Leaflet,
jQuery, Bootstrap, Font Awesome, Leaflet.awesome-markers), served here from
127.0.0.1 at the versions Folium asks its CDNs for (``bench/folium-page/``,
installed from npm by the first run). Two of its ten files are on no
registry and are left out (:data:`FOLIUM_OFF_REGISTRY`), which can only make
it quicker. A stricter bar is measured beside it: the same markers with
Leaflet alone and a stand-in for the one jQuery call their popups make
(:data:`JQUERY_STAND_IN`), a page lighter than any Folium writes.

For each page the benchmark prints what it transfers (launchmap: the shell and
the compressed data resource; a baseline: its HTML), the time to build it, and
the median of its times to interactive in headless Chromium: from navigation
start until the page's script has drawn the incidents (launchmap: the markers
drawn, answering clicks, pans and zooms; the panel's filters, legend and
controls come in the next task, reported as "controls"; the base map,
coastline, zone, place search and chart axis follow, reported as "complete")
or until the load event has run the marker script (baselines). Every page and
asset is served from 127.0.0.1, text files (HTML, scripts, styles)
gzip-compressed as a web server or CDN sends them, and launchmap's gzip files
(the data resource, the reference layers) sent with ``Content-Encoding: gzip``
as ``launchmap serve`` sends them. The browser knows no other host (tiles fail
at once, so launchmap's page falls back to its offline base map). The pages of
a size are opened in turn, :data:`RUNS` times each, so that all see the same
machine; the median of each page's runs is reported; the last lines are one
JSON object per figure.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import os
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
from _report import figure, peak_rss_mib
from cluster import synthetic_launches
from playwright.sync_api import Browser, sync_playwright

from maps._build_assets import install_locked_packages
from maps.assets import LOCAL_PREFIX, VENDOR_DIR
from maps.base_layer import BASE_LAYER_FILE
from maps.data_resource import INCIDENTS_FILE, build_map_data
from maps.incident_map import (
    APP_FILES,
    BUNDLE_FILES,
    REFERENCE_FILE,
    MapOptions,
    app_file,
    carried_incidents,
    render_page,
)
from maps.view import UNFILTERED

SIZES, QUICK_SIZES = (100, 2_000, 10_000, 100_000), (100, 2_000)
RUNS = 9
APP_PREFIX = "/app"
SEED = 20251121
OTHER_TYPES = ("interception", "rescue", "arrival")
CHROMIUM = "/usr/bin/chromium"
TEXT_SUFFIXES = (".html", ".js", ".css", ".json", ".svg")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
"""Every host but 127.0.0.1 unknown to the browser: tiles fail at once, as when offline, and no
request waits on a route handler of this script (which would slow the page making more requests)."""
READY_TIMEOUT_MS = 120_000
FOLIUM_PACKAGES = Path(__file__).resolve().parent / "folium-page"
FOLIUM_PREFIX = "/folium-assets"
AWESOME_MARKERS = f"{FOLIUM_PREFIX}/leaflet.awesome-markers/dist/leaflet.awesome-markers"
FOLIUM_FILES = {
    "leaflet": f"{LOCAL_PREFIX}/leaflet/dist/leaflet.js",
    "jquery": f"{FOLIUM_PREFIX}/jquery/dist/jquery.min.js",
    "bootstrap": f"{FOLIUM_PREFIX}/bootstrap/dist/js/bootstrap.bundle.min.js",
    "awesome_markers": f"{AWESOME_MARKERS}.js",
    "leaflet_css": f"{LOCAL_PREFIX}/leaflet/dist/leaflet.css",
    "bootstrap_css": f"{FOLIUM_PREFIX}/bootstrap/dist/css/bootstrap.min.css",
    "awesome_markers_font_css": f"{FOLIUM_PREFIX}/@fortawesome/fontawesome-free/css/all.min.css",
    "awesome_markers_css": f"{AWESOME_MARKERS}.css",
}
"""Where this benchmark serves each script and style of Folium's page, by the name Folium gives it.
Leaflet is launchmap's own copy (1.9.4; Folium asks for 1.9.3), Leaflet.awesome-markers npm's
2.0.5 (Folium asks cdnjs for 2.0.2, which npm lacks); the others are the versions Folium names."""
FOLIUM_OFF_REGISTRY = ("glyphicons_css", "awesome_rotate_css")
"""Folium's files that no package registry holds (Bootstrap 3's glyphicons stylesheet, Folium's own
rotation rules for awesome markers): its page is measured without them."""


@dataclass(frozen=True)
class Baseline:
    """A page of one Folium marker per incident: how it is built and how it is reported."""

    key: str
    row: str
    description: str
    folium_assets: bool


FOLIUM_PAGE = Baseline(
    "folium",
    "Folium's page",
    "one folium.CircleMarker with a folium.Popup per incident, on Folium's page",
    folium_assets=True,
)
LEAFLET_ONLY = Baseline(
    "leaflet_only",
    "Folium markers, Leaflet only",
    "the same markers with Leaflet alone and a stand-in for jQuery",
    folium_assets=False,
)
BASELINES = (FOLIUM_PAGE, LEAFLET_ONLY)
JQUERY_STAND_IN = (
    "<script>window.$ = function (markup) { var box = document.createElement('template');"
    " box.innerHTML = markup; return [box.content.firstElementChild]; };</script>"
)
"""What Folium's popups need of jQuery: ``$(html)[0]``, the element the markup makes. The
Leaflet-only page has no jQuery; without ``$`` its script would stop at the first popup, with one
marker drawn."""


@dataclass(frozen=True)
class PageFigures:
    """What one page costs: its size, its build time and its time to interactive."""

    size_mb: float
    build_s: float
    interactive_s: float
    controls_s: float
    complete_s: float


def incidents(count: int) -> gpd.GeoDataFrame:
    """Return ``count`` synthetic incidents along the coast, of several event types."""
    frame = synthetic_launches(count, seed=SEED)
    rng = np.random.default_rng(SEED)
    relabel = rng.random(count) < 1 / 3
    frame.loc[relabel, "event_type"] = rng.choice(OTHER_TYPES, int(relabel.sum()))
    return frame


def launchmap_page(frame: gpd.GeoDataFrame, folder: Path, name: str) -> tuple[float, float]:
    """Build the data resource and the shell as a server builds them, into ``folder/name``.

    Returns the megabytes a reader transfers (the shell, and the data unless the
    shell carries it) and the seconds building took.
    """
    started = time.perf_counter()
    data = build_map_data(frame, name)
    options = MapOptions(data_url=f"/{name}/data/", app_prefix=APP_PREFIX)
    shell = render_page(data.summary(UNFILTERED), options, data=data).encode("utf-8")
    build_s = time.perf_counter() - started
    (folder / name / "data").mkdir(parents=True)
    (folder / name / "index.html").write_bytes(shell)
    (folder / name / "data" / INCIDENTS_FILE).write_bytes(data.incidents)
    fetched = 0 if carried_incidents(data) else len(data.incidents)
    return (len(shell) + fetched) / 1e6, build_s


def write_app_files(folder: Path) -> None:
    """Put the page script, its styles, the reference layers and the offline base map where
    the shells look."""
    app = folder / APP_PREFIX.strip("/")
    app.mkdir()
    for name in (*APP_FILES, *BUNDLE_FILES, REFERENCE_FILE, BASE_LAYER_FILE):
        (app / name).write_bytes(app_file(name))


def folium_page(frame: gpd.GeoDataFrame, baseline: Baseline) -> tuple[str, float]:
    """Build a baseline page: one Folium circle marker and popup per incident."""
    started = time.perf_counter()
    figure_map = folium.Map(location=(50.95, 1.85), zoom_start=9, tiles=None)
    root = figure_map.get_root()
    assert isinstance(root, folium.Figure)
    if baseline.folium_assets:
        figure_map.default_js = served_folium_files(figure_map.default_js)
        figure_map.default_css = served_folium_files(figure_map.default_css)
    else:
        figure_map.default_js = [("leaflet", FOLIUM_FILES["leaflet"])]
        figure_map.default_css = [("leaflet_css", FOLIUM_FILES["leaflet_css"])]
        root.header.add_child(folium.Element(JQUERY_STAND_IN))
    for row in frame.itertuples():
        text = html.escape(f"{row.event_type} {row.date} {row.nearest_place}")
        folium.CircleMarker(
            location=(row.geometry.y, row.geometry.x), radius=6, popup=folium.Popup(text)
        ).add_to(figure_map)
    page: str = root.render()
    return page, time.perf_counter() - started


def served_folium_files(files: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Point Folium's (name, CDN address) files at the copies this benchmark serves.

    Raises
    ------
    SystemExit
        When this Folium loads a file the benchmark does not know: its page
        would be measured without it, and quicker than it is.
    """
    unknown = [
        name for name, _ in files if name not in FOLIUM_FILES and name not in FOLIUM_OFF_REGISTRY
    ]
    if unknown:
        raise SystemExit(
            f"Folium {version('folium')} loads {', '.join(unknown)}, which bench/map.py does not "
            "serve: add it to FOLIUM_FILES (and bench/folium-page/package.json)"
        )
    return [(name, FOLIUM_FILES[name]) for name, _ in files if name in FOLIUM_FILES]


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
    """A static file handler that logs nothing and codes files gzip as ``launchmap serve`` does.

    Text files are compressed once; files stored compressed (``.gz``: the data
    resource, the reference layers) are sent as they are with
    ``Content-Encoding: gzip``, for the browser to inflate as it reads them.
    """

    compressed: dict[Path, bytes] = {}  # noqa: RUF012 - one cache for every request's handler

    def do_GET(self) -> None:
        """Send a text or gzip file coded when the browser takes gzip, anything else as it is."""
        path = Path(self.translate_path(self.path))
        stored_gzip = path.suffix == ".gz"
        coded = stored_gzip or path.suffix in TEXT_SUFFIXES
        if not coded or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        if path not in self.compressed:
            body = path.read_bytes()
            self.compressed[path] = body if stored_gzip else gzip.compress(body, compresslevel=6)
        body = self.compressed[path]
        self.send_response(200)
        inner = path.with_suffix("") if stored_gzip else path
        self.send_header("Content-Type", self.guess_type(str(inner)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the benchmark prints its own figures."""


@dataclass(frozen=True)
class BuiltPage:
    """A page in the served folder: where it is, how to tell it is ready, what it cost to build."""

    path: str
    ready: str
    controls: str
    complete: str
    size_mb: float
    build_s: float


def opened_s(browser: Browser, address: str, page: BuiltPage) -> tuple[float, float, float]:
    """Open ``page`` once in a fresh context; the seconds until each of its three moments.

    Each is measured from navigation start: ``ready`` sets ``window.benchReadyMs``
    when the page is interactive, ``controls`` ``window.benchControlsMs`` when its
    controls work too, ``complete`` ``window.benchCompleteMs`` when everything it
    shows is drawn. A page whose script throws is not measured: a page that stopped
    halfway would look quick.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{address}/{page.path}", timeout=READY_TIMEOUT_MS)
    for waited in (page.ready, page.controls, page.complete):
        tab.wait_for_function(waited, timeout=READY_TIMEOUT_MS)
    if errors:
        raise RuntimeError(f"{page.path} threw in the browser, its times mean nothing: {errors[0]}")
    times = tab.evaluate(
        "() => [window.benchReadyMs, window.benchControlsMs, window.benchCompleteMs]"
    )
    context.close()
    return times[0] / 1000, times[1] / 1000, times[2] / 1000


def measured(browser: Browser, address: str, pages: list[BuiltPage]) -> list[PageFigures]:
    """Open the ``pages`` in turn, :data:`RUNS` rounds; each page's median times.

    Taking turns gives every page the same share of whatever else the
    machine does while the benchmark runs.
    """
    times: list[list[tuple[float, float, float]]] = [[] for _ in pages]
    for _ in range(RUNS):
        for page, runs in zip(pages, times, strict=True):
            runs.append(opened_s(browser, address, page))
    return [
        PageFigures(
            page.size_mb,
            page.build_s,
            float(statistics.median(ready for ready, _, _ in runs)),
            float(statistics.median(controls for _, controls, _ in runs)),
            float(statistics.median(complete for _, _, complete in runs)),
        )
        for page, runs in zip(pages, times, strict=True)
    ]


LAUNCHMAP_READY = "() => (window.benchReadyMs = window.launchmapInteractiveMs)"
LAUNCHMAP_CONTROLS = "() => (window.benchControlsMs = window.launchmapControlsMs)"
LAUNCHMAP_COMPLETE = "() => (window.benchCompleteMs = window.launchmapReadyMs)"
BASELINE_CONTROLS = "() => (window.benchControlsMs = window.benchReadyMs)"
BASELINE_COMPLETE = "() => (window.benchCompleteMs = window.benchReadyMs)"
BASELINE_READY = (
    "() => document.readyState === 'complete' && performance.getEntriesByType('navigation')"
    "[0].loadEventEnd > 0 && (window.benchReadyMs = performance.getEntriesByType("
    "'navigation')[0].loadEventEnd)"
)


def built_launchmap(folder: Path, count: int, frame: gpd.GeoDataFrame) -> BuiltPage:
    """Build launchmap's page for ``frame`` in the served folder."""
    name = f"launchmap-{count}"
    size_mb, build_s = launchmap_page(frame, folder, name)
    moments = (LAUNCHMAP_READY, LAUNCHMAP_CONTROLS, LAUNCHMAP_COMPLETE)
    return BuiltPage(f"{name}/index.html", *moments, size_mb, build_s)


def built_folium(
    folder: Path, count: int, frame: gpd.GeoDataFrame, baseline: Baseline
) -> BuiltPage:
    """Build a baseline page for ``frame`` in the served folder."""
    page, build_s = folium_page(frame, baseline)
    name = f"{baseline.key}-{count}.html"
    (folder / name).write_text(page, encoding="utf-8")
    size_mb = len(page.encode("utf-8")) / 1e6
    moments = (BASELINE_READY, BASELINE_CONTROLS, BASELINE_COMPLETE)
    return BuiltPage(name, *moments, size_mb, build_s)


def serve_assets(folder: Path) -> None:
    """Put launchmap's files, its vendored libraries and Folium's page assets where pages look."""
    install_locked_packages(FOLIUM_PACKAGES, "bench/map.py's baseline, Folium's page,")
    vendor = folder / LOCAL_PREFIX.strip("/")
    vendor.parent.mkdir(parents=True)
    os.symlink(VENDOR_DIR, vendor)
    os.symlink(FOLIUM_PACKAGES / "node_modules", folder / FOLIUM_PREFIX.strip("/"))
    write_app_files(folder)


def main() -> None:
    """Measure launchmap's page and the Folium baselines at every size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, under a minute")
    parser.add_argument(
        "--sizes", type=_size, nargs="+", metavar="N", help="these sizes instead (incidents)"
    )
    arguments = parser.parse_args()
    sizes = arguments.sizes or (QUICK_SIZES if arguments.quick else SIZES)
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = Path(temporary)
        serve_assets(folder)
        launchmap_page(incidents(10), folder, "warm-up")  # a server has built a page before
        flags = [*CHROMIUM_FLAGS, LOCAL_ONLY]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        figures: dict[int, list[PageFigures]] = {}
        with served(folder) as address:
            for count in sizes:
                frame = incidents(count)
                pages = [built_launchmap(folder, count, frame)] + [
                    built_folium(folder, count, frame, baseline) for baseline in BASELINES
                ]
                figures[count] = measured(browser, address, pages)
        browser.close()
    report(figures)


def _size(text: str) -> int:
    """Read a page size from the command line: a whole number of incidents, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of incidents (1 or more)")
    return int(text)


def report(figures: dict[int, list[PageFigures]]) -> None:
    """Print a readable table, then one JSON line per figure.

    ``figures`` holds, per size, launchmap's page and then each of
    :data:`BASELINES`. Every figure is given against Folium's page; time to
    interactive against the Leaflet-only page as well.
    """
    print(
        f"{'page':<38}{'size MB':>10}{'build s':>10}{'interactive s':>15}"
        f"{'controls s':>12}{'complete s':>12}"
    )
    for count, pages in figures.items():
        rows = ["launchmap", *(baseline.row for baseline in BASELINES)]
        for row, page in zip(rows, pages, strict=True):
            print(
                f"{f'{row}, {count:,}':<38}{page.size_mb:>10.2f}"
                f"{page.build_s:>10.2f}{page.interactive_s:>15.2f}"
                f"{page.controls_s:>12.2f}{page.complete_s:>12.2f}"
            )
    print(f"peak memory: {peak_rss_mib():.0f} MiB")
    for count, (ours, folium_page_figures, leaflet_only) in figures.items():
        label = f"{FOLIUM_PAGE.description}, {count:,} incidents"
        for name, unit, value, base_value in (
            ("page_size", "MB", ours.size_mb, folium_page_figures.size_mb),
            ("build_time", "s", ours.build_s, folium_page_figures.build_s),
            ("time_to_interactive", "s", ours.interactive_s, folium_page_figures.interactive_s),
            ("time_to_controls", "s", ours.controls_s, folium_page_figures.controls_s),
            ("time_to_complete", "s", ours.complete_s, folium_page_figures.complete_s),
        ):
            print(figure(f"map_{name}_{count}", value, unit, label, base_value, base_value / value))
        print(
            figure(
                f"map_time_to_interactive_{count}_{LEAFLET_ONLY.key}",
                ours.interactive_s,
                "s",
                f"{LEAFLET_ONLY.description}, {count:,} incidents",
                leaflet_only.interactive_s,
                leaflet_only.interactive_s / ours.interactive_s,
            )
        )


if __name__ == "__main__":
    main()
