"""`launchmap db init` and the commands that open a PostGIS store, run as real processes."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from geo.store.postgis import SCHEMA_VERSION
from tests._postgres import PASSWORD, PostgresCluster
from tests.conftest import free_port, fresh_database, launchmap_command


def run(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line with no LAUNCHMAP_ variable but those in ``env``."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("LAUNCHMAP_")}
    return subprocess.run(
        [*launchmap_command(), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=clean | dict(env or {}),
        cwd=cwd,
    )


@pytest.fixture
def database_url(postgres: PostgresCluster) -> Iterator[str]:
    with fresh_database(postgres) as url:
        yield url


def test_db_init_creates_then_finds_the_schema_up_to_date(database_url: str) -> None:
    first = run("db", "init", "--database-url", database_url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(
        f"Created the launchmap schema (version {SCHEMA_VERSION}) in postgresql://"
    )
    assert "seeded with" in first.stdout and PASSWORD not in first.stdout + first.stderr
    again = run("db", "init", "--json", env={"LAUNCHMAP_DATABASE_URL": database_url})
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert report["version_before"] == report["version"] == SCHEMA_VERSION
    assert report["seeded"] == 0
    assert report["incidents"] > 0 and "***" in report["database"]
    text = run("db", "init", env={"LAUNCHMAP_DATABASE_URL": database_url})
    assert f"is up to date (version {SCHEMA_VERSION})" in text.stdout


def test_db_init_without_seed_makes_an_empty_store(database_url: str) -> None:
    done = run("db", "init", "--database-url", database_url, "--no-seed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(", empty.")
    again = run("db", "init", "--database-url", database_url, "--json")
    assert json.loads(again.stdout)["incidents"] == 0  # an existing schema is never seeded


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give --database-url or set LAUNCHMAP_DATABASE_URL"),
        (["--database-url", "sqlite:///tmp/x.db"], "must be a postgresql:// URL"),
        (["--database-url", "postgresql://me:s3cret@[::1/db"], "not a valid PostgreSQL address"),
    ],
)
def test_db_init_refuses_a_missing_or_bad_address(args: list[str], message: str) -> None:
    result = run("db", "init", *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "s3cret" not in result.stderr and "Traceback" not in result.stderr


def test_db_init_names_an_unreachable_server_without_its_password() -> None:
    url = f"postgresql://me:s3cret@127.0.0.1:{free_port()}/launchmap"
    result = run("db", "init", env={"LAUNCHMAP_DATABASE_URL": url})
    assert result.returncode == 1
    assert "cannot connect to the PostGIS database postgresql://me:***@127.0.0.1:" in result.stderr
    assert "s3cret" not in result.stderr and "Traceback" not in result.stderr


def test_serve_refuses_a_database_it_cannot_reach(tmp_path: Path) -> None:
    url = f"postgresql://me:s3cret@127.0.0.1:{free_port()}/launchmap"
    result = run("serve", "--database-url", url, "--port", str(free_port()), cwd=tmp_path)
    assert result.returncode == 1
    assert "postgresql://me:***@127.0.0.1" in result.stderr and "s3cret" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_import_into_a_database_then_export_it(tmp_path: Path, database_url: str) -> None:
    source = tmp_path / "reports.csv"
    source.write_text(
        "event_type,date,place,lon,lat,people\nlaunch,2024-03-02,Wissant beach,1.6612,50.8853,48\n",
        encoding="utf-8",
    )
    env = {"LAUNCHMAP_DATABASE_URL": database_url, "LAUNCHMAP_SEED": "false"}
    imported = run("import", str(source), "--json", env=env)
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    assert report["added"] == 1 and report["total"] == 1
    assert report["store"].startswith("the PostGIS database postgresql://postgres:***@")
    out = tmp_path / "out.geojson"
    exported = run("export", "-f", "geojson", "-o", str(out), env=env)
    assert exported.returncode == 0, exported.stderr
    assert "Exported 1 incident from the PostGIS database postgresql://" in exported.stdout
    (feature,) = json.loads(out.read_text("utf-8"))["features"]
    assert feature["geometry"]["coordinates"] == [1.6612, 50.8853]
    assert not (tmp_path / "launchmap.gpkg").exists()
