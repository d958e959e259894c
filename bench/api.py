"""Benchmark: bbox pages of incidents over HTTP, launchmap against pygeoapi on the same GeoPackage.

Usage::

    python bench/api.py            # 100,000 incidents, 20 s of load on each server
    python bench/api.py --quick    # 10,000 incidents, 4 s of load on each server

What is measured: requests per second and the 50th/99th percentile latency of
``GET /collections/incidents/items?bbox=…&limit=100`` (GeoJSON), the page a
map or GDAL asks for, under the same load on both servers.

Data: synthetic incidents (fixed seed) around 60 launch sites along the French
coast from Dunkirk to Berck, with places, people, a source and their coast
relations, stored by launchmap's own store in one GeoPackage
(``launchmap.gpkg``, layer ``incidents``). Both servers read that file.

Servers, as one would deploy them on this machine (``--workers`` processes
each, 2 by default: one per core; no access log):

- launchmap: uvicorn workers running ``api.app:create_app`` (``--factory``),
  settings from ``LAUNCHMAP_*`` variables as ``launchmap serve`` reads them.
  Each worker listens on its own ``SO_REUSEPORT`` socket created with
  ``IPPROTO_TCP``: ``uvicorn --workers N`` binds one socket without it, and
  then asyncio never sets ``TCP_NODELAY``, so every keep-alive response waits
  ~40 ms for a delayed ACK (uvicorn issue #3149); one shared socket also hands
  most keep-alive connections to one worker. For reference the benchmark also
  measures a plain single-process ``launchmap serve``.
- pygeoapi (the baseline): its Flask app under gunicorn (sync workers, as its
  documentation and container run it), the OGR provider (GDAL) on the same
  GeoPackage, a generated OpenAPI document. pygeoapi needs GDAL's Python
  bindings (``osgeo``), which PyPI has only as source: build them against the
  system GDAL. pygeoapi also installs a top-level ``tests`` package, which would
  shadow launchmap's tests, so it lives in a virtual environment of its own::

      apt-get install libgdal-dev        # Debian; gdal-config tells the version
      python -m venv ~/.cache/launchmap-bench/pygeoapi
      ~/.cache/launchmap-bench/pygeoapi/bin/pip install pygeoapi gunicorn \\
          "GDAL==$(gdal-config --version)"

  Point ``--pygeoapi-python`` at that environment's python if it is elsewhere.
  Without it the benchmark still measures launchmap and says the baseline is
  missing.

Load: one asyncio client (plain HTTP/1.1 with keep-alive, reconnecting when
a server closes the connection) with ``--connections`` connections cycling
through the same 200 bboxes (fixed seed: centred on incidents, 0.01°–0.25°
wide, so from a handful to several thousand incidents match) on both servers;
a short warm-up first. Before the load each server pages through a sample of
the bboxes to the end, and what it lists is compared with the incidents inside
them (pygeoapi's OGR provider pages a bbox unstably: it repeats some incidents
and skips others; the benchmark reports it).

The last lines are one JSON object per figure: requests/s (ratio launchmap /
pygeoapi) and p50 and p99 latency in ms (ratio pygeoapi / launchmap).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
from _load import HOST, Load, Server, drive, free_port, process_tree_cpu_s, running
from _report import figure
from _synthetic import stored_reports

from geo.store import STORE_FILE, open_store

FULL_INCIDENTS = 100_000
QUICK_INCIDENTS = 10_000
FULL_SECONDS = 20.0
QUICK_SECONDS = 4.0
WARMUP_S = 1.5
SEED = 20240611
BBOXES = 200
BOX_SIZES_DEG = (0.01, 0.25)
PAGE = 100
BASELINE = "pygeoapi"
DEFAULT_PYGEOAPI_PYTHON = Path.home() / ".cache/launchmap-bench/pygeoapi/bin/python"


# -- data -------------------------------------------------------------------------------


def build_store(folder: Path, incidents: gpd.GeoDataFrame) -> Path:
    """Store the incidents with launchmap's store; return the GeoPackage file."""
    store = open_store(folder, seed=False)
    try:
        for start in range(0, len(incidents), 20_000):
            store.add(incidents.iloc[start : start + 20_000])
        assert store.count() == len(incidents)
    finally:
        store.close()
    return folder / STORE_FILE


def bbox_queries(incidents: gpd.GeoDataFrame, count: int = BBOXES, seed: int = SEED) -> list[str]:
    """Query strings of bbox pages centred on incidents, of varied sizes (fixed seed)."""
    rng = np.random.default_rng(seed + 1)
    centres = incidents.geometry.iloc[rng.integers(0, len(incidents), count)]
    half = rng.uniform(*BOX_SIZES_DEG, count) / 2
    queries = []
    for point, h in zip(centres, half, strict=True):
        box = (point.x - h * 1.6, point.y - h, point.x + h * 1.6, point.y + h)
        queries.append(f"bbox={','.join(f'{v:.5f}' for v in box)}&limit={PAGE}")
    return queries


# -- servers ----------------------------------------------------------------------------


WORKERS_LAUNCHER = """
import os, signal, socket, sys
import uvicorn

host, port, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
children = []
for _ in range(workers):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    pid = os.fork()
    if pid == 0:
        config = uvicorn.Config(
            "api.app:create_app", factory=True, access_log=False, log_level="warning"
        )
        uvicorn.Server(config).run(sockets=[sock])
        os._exit(0)
    sock.close()
    children.append(pid)
signal.signal(signal.SIGTERM, lambda *_: [os.kill(pid, signal.SIGTERM) for pid in children])
for pid in children:
    os.waitpid(pid, 0)
"""


def launchmap_env(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LAUNCHMAP_")}
    return env | {"LAUNCHMAP_DATA_DIR": str(data_dir), "LAUNCHMAP_SEED": "false"}


def start_launchmap(data_dir: Path, workers: int, work: Path) -> Server:
    """launchmap under ``workers`` uvicorn processes, one SO_REUSEPORT socket each."""
    port = free_port()
    command = [sys.executable, "-c", WORKERS_LAUNCHER, HOST, str(port), str(workers)]
    log = work / "launchmap.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=launchmap_env(data_dir), stdout=output, stderr=output
        )
    description = (
        f"{workers} uvicorn workers on api.app:create_app (factory), one SO_REUSEPORT socket each"
    )
    return Server("launchmap", port, process, log, description)


def start_launchmap_serve(data_dir: Path, work: Path) -> Server:
    """launchmap as ``launchmap serve`` runs it: one uvicorn process."""
    port = free_port()
    script = shutil.which("launchmap")
    launcher = [script] if script else [sys.executable, "-c", "from api.cli import main; main()"]
    command = [*launcher, "serve", "--host", HOST, "--port", str(port)]
    log = work / "launchmap-serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=launchmap_env(data_dir), stdout=output, stderr=output
        )
    return Server("launchmap serve", port, process, log, "launchmap serve (1 process)")


def pygeoapi_config(gpkg: Path, port: int) -> str:
    return textwrap.dedent(
        f"""\
        server:
          bind: {{host: {HOST}, port: {port}}}
          url: http://{HOST}:{port}
          mimetype: application/json; charset=UTF-8
          encoding: utf-8
          language: en-US
          limits: {{default_items: {PAGE}, max_items: 10000}}
          map:
            url: https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png
            attribution: OpenStreetMap contributors
        logging: {{level: ERROR}}
        metadata:
          identification:
            title: launchmap benchmark baseline
            description: pygeoapi serving launchmap's GeoPackage
            keywords: [incidents]
            keywords_type: theme
            terms_of_service: https://creativecommons.org/licenses/by/4.0/
            url: http://{HOST}:{port}
          license: {{name: CC-BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}}
          provider: {{name: launchmap bench, url: "http://{HOST}:{port}"}}
          contact:
            name: launchmap bench
            position: none
            address: none
            city: none
            stateorprovince: none
            postalcode: none
            country: none
            phone: none
            fax: none
            email: bench@example.org
            url: http://{HOST}:{port}
            hours: none
            instructions: none
            role: pointOfContact
        resources:
          incidents:
            type: collection
            title: Incidents
            description: Small-boat incidents stored by launchmap
            keywords: [incidents]
            extents:
              spatial:
                bbox: [-180, -90, 180, 90]
                crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84
            providers:
              - type: feature
                name: OGR
                data:
                  source_type: GPKG
                  source: {gpkg}
                  source_capabilities: {{paging: true}}
                  gdal_ogr_options:
                    # GDAL 3.6 warns, on every open, that it knows GeoPackage 1.4
                    # only in part; pygeoapi would log that on every request.
                    GPKG_WARN_UNRECOGNIZED_APPLICATION_ID: "NO"
                id_field: id
                layer: incidents
        """
    )


def pygeoapi_missing(python: Path) -> str | None:
    """Why pygeoapi cannot run with ``python``, or None when it can."""
    if not python.exists():
        return f"{python} does not exist"
    probe = "import pygeoapi, gunicorn; from osgeo import ogr"
    result = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return result.stderr.strip().splitlines()[-1]
    return None


def start_pygeoapi(python: Path, gpkg: Path, workers: int, work: Path) -> Server:
    port = free_port()
    config = work / "pygeoapi-config.yml"
    openapi = work / "pygeoapi-openapi.yml"
    config.write_text(pygeoapi_config(gpkg, port))
    env = os.environ | {"PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
    bin_dir = python.parent
    subprocess.run(
        [bin_dir / "pygeoapi", "openapi", "generate", config, "--output-file", openapi],
        env=env,
        check=True,
        capture_output=True,
    )
    command = [
        bin_dir / "gunicorn", "--workers", str(workers), "--bind", f"{HOST}:{port}",
        "--log-level", "warning", "pygeoapi.flask_app:APP",
    ]  # fmt: skip
    log = work / "pygeoapi.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=output, cwd=work)
    version = subprocess.run(
        [python, "-c", "import pygeoapi; from osgeo import gdal; print(pygeoapi.__version__,"
         " gdal.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    description = (
        f"pygeoapi {version[0]} (OGR provider, GDAL {version[1]}), flask app under "
        f"gunicorn --workers {workers} (sync)"
    )
    return Server("pygeoapi", port, process, log, description, "/collections/incidents")


# -- load -------------------------------------------------------------------------------


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    mib_s: float
    cpu_ms_per_request: float | None


def measure_in_turn(
    servers: list[Server], paths: list[str], connections: int, seconds: float, rounds: int
) -> dict[str, Result]:
    """Load each server in turn, ``rounds`` times, and pool each server's figures."""
    loads = {server.name: Load() for server in servers}
    walls = dict.fromkeys(loads, 0.0)
    cpus: dict[str, float | None] = dict.fromkeys(loads, 0.0)
    for _ in range(rounds):
        for server in servers:
            load, wall, cpu_s = measure_once(server, paths, connections, seconds / rounds)
            if load.errors:
                raise RuntimeError(
                    f"{server.name}: {len(load.errors)} failed requests, e.g. {load.errors[0]}"
                )
            loads[server.name].latencies_s.extend(load.latencies_s)
            loads[server.name].bytes += load.bytes
            walls[server.name] += wall
            total = cpus[server.name]
            cpus[server.name] = None if total is None or cpu_s is None else total + cpu_s
    results = {}
    for name, load in loads.items():
        latencies_ms = np.array(load.latencies_s) * 1000
        cpu = cpus[name]
        results[name] = Result(
            rps=len(latencies_ms) / walls[name],
            p50_ms=float(np.percentile(latencies_ms, 50)),
            p99_ms=float(np.percentile(latencies_ms, 99)),
            requests=len(latencies_ms),
            mib_s=load.bytes / walls[name] / 2**20,
            cpu_ms_per_request=None if cpu is None else cpu * 1000 / len(latencies_ms),
        )
    return results


def measure_once(
    server: Server, paths: list[str], connections: int, seconds: float
) -> tuple[Load, float, float | None]:
    """One warm-up and load: the load, its wall time and the server's CPU seconds."""
    asyncio.run(drive(server.port, paths, connections, WARMUP_S, record=False))
    cpu_before = process_tree_cpu_s(server.process.pid)
    started = time.perf_counter()
    load = asyncio.run(drive(server.port, paths, connections, seconds, record=True))
    wall = time.perf_counter() - started
    cpu_after = process_tree_cpu_s(server.process.pid)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return load, wall, cpu


# -- agreement --------------------------------------------------------------------------


def get_json(url: str) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": "application/geo+json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        body: dict[str, Any] = json.load(response)
        return body


def all_ids(server: Server, bbox_query: str) -> list[str]:
    """Every id a server lists for a bbox, following its next links (pages of 5,000)."""
    url: str | None = f"{server.url}/collections/incidents/items?{bbox_query}"
    url = url.replace(f"limit={PAGE}", "limit=5000")  # type: ignore[union-attr]
    ids: list[str] = []
    while url:
        page = get_json(url)
        ids.extend(str(feature["id"]) for feature in page["features"])
        url = next((link["href"] for link in page["links"] if link["rel"] == "next"), None)
    return ids


def agreement(
    servers: list[Server], queries: list[str], incidents: gpd.GeoDataFrame, sample: int
) -> None:
    """Page through a sample of the bboxes on each server; compare with the incidents inside.

    launchmap must list each incident inside exactly once (else the benchmark
    stops); what the others list is reported.
    """
    chosen = queries[:: max(1, len(queries) // sample)][:sample]
    lon, lat = incidents.geometry.x.to_numpy(), incidents.geometry.y.to_numpy()
    ids = incidents["id"].to_numpy()
    expected = []
    for query in chosen:
        box = [float(value) for value in query.split("&")[0].removeprefix("bbox=").split(",")]
        inside = (lon >= box[0]) & (lon <= box[2]) & (lat >= box[1]) & (lat <= box[3])
        expected.append(set(ids[inside]))
    total = sum(len(ids) for ids in expected)
    for server in servers:
        listed = twice = missing = extra = 0
        for query, wanted in zip(chosen, expected, strict=True):
            answer = all_ids(server, query)
            listed += len(answer)
            twice += len(answer) - len(set(answer))
            missing += len(wanted - set(answer))
            extra += len(set(answer) - wanted)
        verdict = (
            "each exactly once"
            if listed == total and not (twice or missing or extra)
            else f"{listed:,} listed: {twice:,} twice, {missing:,} missing, {extra:,} outside"
        )
        print(
            f"agreement, {server.name}: all the pages of {len(chosen)} bboxes holding "
            f"{total:,} incidents: {verdict}"
        )
        if server.name.startswith("launchmap") and verdict != "each exactly once":
            raise RuntimeError(f"{server.name} did not list the incidents in the bboxes exactly")


# -- main -------------------------------------------------------------------------------


def report(name: str, result: Result) -> None:
    cpu = (
        ""
        if result.cpu_ms_per_request is None
        else f", {result.cpu_ms_per_request:.1f} ms of server CPU per request"
    )
    print(
        f"{name}: {result.rps:,.0f} requests/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms ({result.requests:,} requests, {result.mib_s:.1f} MiB/s"
        f"{cpu})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_INCIDENTS:,} incidents")
    parser.add_argument("--incidents", type=int, help="number of incidents (overrides --quick)")
    parser.add_argument("--seconds", type=float, help="seconds of load on each server")
    parser.add_argument("--connections", type=int, default=8, help="connections kept busy")
    parser.add_argument("--workers", type=int, default=2, help="server processes of each")
    parser.add_argument(
        "--pygeoapi-python",
        type=Path,
        default=Path(os.environ.get("LAUNCHMAP_BENCH_PYGEOAPI_PYTHON", DEFAULT_PYGEOAPI_PYTHON)),
        help="python of the environment pygeoapi is installed in",
    )
    args = parser.parse_args()
    count = args.incidents or (QUICK_INCIDENTS if args.quick else FULL_INCIDENTS)
    seconds = args.seconds or (QUICK_SECONDS if args.quick else FULL_SECONDS)
    rounds = 1 if args.quick else 2

    work = Path(tempfile.mkdtemp(prefix="launchmap-bench-api-"))
    try:
        started = time.perf_counter()
        incidents = stored_reports(count, SEED, id_prefix="bench")
        gpkg = build_store(work / "store", incidents)
        queries = bbox_queries(incidents)
        paths = [f"/collections/incidents/items?{query}" for query in queries]
        print(
            f"{count:,} synthetic incidents stored in {gpkg.name} "
            f"({gpkg.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - started:.1f} s; "
            f"{len(paths)} bboxes {BOX_SIZES_DEG[0]}°–{BOX_SIZES_DEG[1]}° wide, limit={PAGE}"
        )
        print(
            f"load: {args.connections} keep-alive connections from one asyncio client, "
            f"{WARMUP_S} s warm-up, then {seconds:.0f} s per server in {rounds} round(s) "
            f"taken in turn; {os.cpu_count()} cores shared by the servers and the client"
        )
        missing = pygeoapi_missing(args.pygeoapi_python)
        if missing is not None:
            print(
                f"BASELINE MISSING: pygeoapi cannot run with {args.pygeoapi_python} "
                f"({missing}); see the install steps at the top of bench/api.py"
            )
        with ExitStack() as stack:
            servers = [
                stack.enter_context(running(start_launchmap(work / "store", args.workers, work))),
                stack.enter_context(running(start_launchmap_serve(work / "store", work))),
            ]
            if missing is None:
                baseline = start_pygeoapi(args.pygeoapi_python, gpkg, args.workers, work)
                servers.append(stack.enter_context(running(baseline)))
            for server in servers:
                print(f"{server.name}: {server.description}")
            counts = [int(get_json(f"{servers[0].url}{path}")["numberMatched"]) for path in paths]
            print(
                f"matches per bbox: median {int(np.median(counts)):,}, max {max(counts):,}; "
                f"{sum(c >= PAGE for c in counts)} of {len(counts)} fill a page of {PAGE}"
            )
            agreement(servers, queries, incidents, 6 if args.quick else 10)
            results = measure_in_turn(servers, paths, args.connections, seconds, rounds)
            for server in servers:
                report(server.name, results[server.name])

        ours = results["launchmap"]
        if missing is not None:
            name = f"{BASELINE} (not installed)"
            print(figure("api_items_bbox_rps", ours.rps, "requests/s", name, 0, 0))
            print(figure("api_items_bbox_p50_ms", ours.p50_ms, "ms", name, 0, 0))
            print(figure("api_items_bbox_p99_ms", ours.p99_ms, "ms", name, 0, 0))
            return
        theirs = results[BASELINE]
        print(f"launchmap/pygeoapi throughput: {ours.rps / theirs.rps:.1f}× (aim: >= 3×)")
        for name, unit, value, baseline_value, ratio in (
            ("api_items_bbox_rps", "requests/s", ours.rps, theirs.rps, ours.rps / theirs.rps),
            (
                "api_items_bbox_p50_ms",
                "ms",
                ours.p50_ms,
                theirs.p50_ms,
                theirs.p50_ms / ours.p50_ms,
            ),
            (
                "api_items_bbox_p99_ms",
                "ms",
                ours.p99_ms,
                theirs.p99_ms,
                theirs.p99_ms / ours.p99_ms,
            ),
        ):  # latency ratios are pygeoapi / launchmap: > 1 means launchmap answers sooner
            print(figure(name, value, unit, BASELINE, baseline_value, ratio))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
