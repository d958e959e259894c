"""Fixtures shared by the whole suite: real servers, stores of both kinds, a headless Chromium.

The store and API tests run on both stores: ``store_target`` is a fresh
GeoPackage folder or a fresh PostGIS database on a throwaway PostgreSQL
cluster (started once a session, see ``tests/_postgres.py``). Mark a test
``@geopackage_only`` (or ``@postgis_only``) when it is about one store.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Request,
    Route,
    sync_playwright,
)

from api.settings import LOCAL_HOSTS
from geo.store import IncidentStore, open_store
from tests._feed_server import FeedServer, serving
from tests._postgres import PostgresCluster

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    # No name resolves but the loopback: nothing the page asks for can reach the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session", autouse=True)
def _test_client_host_allowed() -> Iterator[None]:
    """Let in-process apps answer Starlette's and schemathesis' test Host, "testserver".

    Session-wide, so module-scoped apps see it too. Servers started as
    processes get no ``LAUNCHMAP_`` variable from here: they keep the default
    list (this machine's own names).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAUNCHMAP_ALLOWED_HOSTS", json.dumps(["testserver", *LOCAL_HOSTS]))
        yield


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    chromium = playwright_session.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield chromium
    chromium.close()


@dataclass
class OfflinePage:
    """A browser page whose requests may only go to 127.0.0.1 or local files."""

    page: Page
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    return url.startswith(("file://", "data:", "about:", "http://127.0.0.1:", "blob:"))


def keep_local(target: Page | BrowserContext, blocked: list[str]) -> None:
    """Let requests of a page (or every page of a context) reach only 127.0.0.1 or local files.

    Any other request is aborted and its address added to ``blocked``.
    """

    def route(route: Route, request: Request) -> None:
        if _is_local(request.url):
            route.continue_()
        else:
            blocked.append(request.url)
            route.abort()

    target.route("**/*", route)


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[OfflinePage]:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    offline = OfflinePage(page)
    keep_local(page, offline.blocked)
    page.on("pageerror", lambda error: offline.errors.append(str(error)))
    page.on("dialog", lambda dialog: (offline.dialogs.append(dialog.message), dialog.dismiss()))
    yield offline
    context.close()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A local HTTP server serving the feeds and pages a test sets in its ``routes``."""
    with serving() as server:
        yield server


def save_screenshot(page: Page, name: str) -> Path:
    """Save a screenshot under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def launchmap_command() -> list[str]:
    """The console script installed beside the running Python, as a user runs it.

    CI runs ``.venv/bin/python -m pytest`` without activating the venv, so
    the script is looked for next to the interpreter first, then on PATH;
    failing both, the entry point runs under its own name ("launchmap").
    """
    beside = Path(sys.executable).with_name("launchmap")
    script = str(beside) if beside.is_file() else shutil.which("launchmap")
    if script:
        return [script]
    entry = "import sys; sys.argv[0] = 'launchmap'; from api.cli import main; main()"
    return [sys.executable, "-c", entry]


# -- stores of both kinds ------------------------------------------------------------------

STORE_KINDS = ("geopackage", "postgis")


@dataclass(frozen=True)
class StoreTarget:
    """Where a test's store lives: a folder (GeoPackage store) and, for PostGIS, a database."""

    kind: str
    data_dir: Path
    database_url: str | None = None

    def open(self, *, seed: bool = True) -> IncidentStore:
        return open_store(self.data_dir, database_url=self.database_url, seed=seed)

    @property
    def settings(self) -> dict[str, object]:
        """Keyword arguments of ``Settings`` that name this store."""
        return {"data_dir": self.data_dir, "database_url": self.database_url}

    @property
    def cli_args(self) -> list[str]:
        """Command-line options that name this store."""
        url = ["--database-url", self.database_url] if self.database_url else []
        return ["--data-dir", str(self.data_dir), *url]

    @property
    def env(self) -> dict[str, str]:
        """``LAUNCHMAP_*`` variables that name this store (besides ``--data-dir``)."""
        return {"LAUNCHMAP_DATABASE_URL": self.database_url} if self.database_url else {}


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL 15 + PostGIS cluster for the session (fails if not installed)."""
    try:
        cluster = PostgresCluster()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@contextmanager
def fresh_database(postgres: PostgresCluster, *, postgis: bool = True) -> Iterator[str]:
    """A new database on the cluster for the block (its postgresql:// address), then dropped."""
    name = postgres.new_database(postgis=postgis)
    try:
        yield postgres.url(name)
    finally:
        postgres.drop_database(name)


@pytest.fixture(params=STORE_KINDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_target(
    store_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[StoreTarget]:
    """A fresh, empty place for a store: a folder, or a folder and a new PostGIS database."""
    if store_kind == "geopackage":
        yield StoreTarget(store_kind, tmp_path / "store")
        return
    with fresh_database(request.getfixturevalue("postgres")) as url:
        yield StoreTarget(store_kind, tmp_path / "store", url)


@pytest.fixture(scope="module", params=STORE_KINDS)
def module_store_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StoreTarget]:
    """A fresh place for a store that a whole module's tests share, of each kind."""
    folder = tmp_path_factory.mktemp(str(request.param))
    if request.param == "geopackage":
        yield StoreTarget(request.param, folder / "store")
        return
    with fresh_database(request.getfixturevalue("postgres")) as url:
        yield StoreTarget(request.param, folder / "store", url)


geopackage_only = pytest.mark.parametrize("store_kind", ["geopackage"], indirect=True)
postgis_only = pytest.mark.parametrize("store_kind", ["postgis"], indirect=True)


# -- live servers ---------------------------------------------------------------------------


@dataclass
class LiveServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    log: Path
    database_url: str | None = None


@contextmanager
def serve_launchmap(
    tmp_path: Path,
    *,
    data_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    name: str = "server",
    extra_args: Sequence[str] = (),
) -> Iterator[LiveServer]:
    """Run `launchmap serve` on 127.0.0.1 as a real uvicorn process until the block ends.

    ``data_dir`` is the store's folder (a fresh, seeded one under ``tmp_path`` if None);
    ``env`` adds ``LAUNCHMAP_*`` settings, e.g. ``{"LAUNCHMAP_WRITE_TOKENS": '["t"]'}``
    or ``LAUNCHMAP_DATABASE_URL`` for a PostGIS store: the server sees no other
    ``LAUNCHMAP_`` variable.
    """
    port = free_port()
    data_dir = data_dir if data_dir is not None else tmp_path / "store"
    server_env = {
        key: value for key, value in os.environ.items() if not key.startswith("LAUNCHMAP_")
    }
    server_env.update(env or {})
    log = tmp_path / f"{name}.log"
    command = [*launchmap_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--data-dir", str(data_dir), *extra_args],
            env=server_env,
            stdout=output,
            stderr=output,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process, log)
        yield LiveServer(url, data_dir, process, log, server_env.get("LAUNCHMAP_DATABASE_URL"))
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """Run `launchmap serve` on 127.0.0.1 as a real uvicorn process on a fresh store."""
    with serve_launchmap(tmp_path) as server:
        yield server


def _wait_until_healthy(
    url: str, process: subprocess.Popen[bytes], log: Path, timeout_s: float = 60
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"server at {url} did not become healthy in {timeout_s} s")


@contextmanager
def dask_scheduler(workers: int) -> Iterator[str]:
    """Run a dask.distributed scheduler on 127.0.0.1 with ``workers`` worker processes."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        processes=True,
    ) as cluster:
        yield str(cluster.scheduler_address)
