"""`launchmap process` as a real process: local cluster, existing scheduler, errors, progress."""

from __future__ import annotations

import json
import os
import pty
import select
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from geopandas.testing import assert_geodataframe_equal

from geo.cluster_params import ClusterParams
from geo.process import process_frame, read_geoparquet
from tests.conftest import dask_scheduler, launchmap_command
from tests.geo.test_process import synthetic_incidents


def run(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*launchmap_command(), "process", *args], capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def incidents_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "incidents.parquet"
    synthetic_incidents(seed=4).to_parquet(path, row_group_size=600)
    return path


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A dask scheduler started here, on 127.0.0.1, with one worker process."""
    with dask_scheduler(1) as address:
        yield address


def test_process_on_a_local_cluster_writes_what_one_process_gives(
    incidents_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.parquet"
    result = run(str(incidents_file), "-o", str(output), "--workers", "2", "--blocksize", "1")
    assert result.returncode == 0, result.stderr
    assert f"into {output}" in result.stdout and "2 workers on a local cluster" in result.stdout
    assert "not placed: 'Nowhere-sur-Mer' (no place named 'nowhere sur mer' in the gazet" in (
        result.stderr
    )
    expected = process_frame(read_geoparquet(incidents_file), ClusterParams()).incidents
    assert_geodataframe_equal(read_geoparquet(output), expected)


def test_process_on_an_existing_scheduler_with_json(
    incidents_file: Path, scheduler: str, tmp_path: Path
) -> None:
    output = tmp_path / "out.parquet"
    result = run(
        str(incidents_file),
        "-o",
        str(output),
        "--scheduler",
        scheduler,
        "--method",
        "space-time",
        "--eps-m",
        "1500",
        "--gap-days",
        "4",
        "--roles",
        "all",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # quiet: no progress, no notes
    report = json.loads(result.stdout)
    assert report["scheduler"] == scheduler and report["workers"] == 1
    assert report["clustering"] == {
        "method": "space-time",
        "eps_m": 1500.0,
        "gap_days": 4.0,
        "min_samples": 3,
        "weight": "none",
        "roles": [],
    }
    assert report["incidents"] == len(read_geoparquet(incidents_file))
    assert report["unresolved"] == sum(n["incidents"] for n in report["unresolved_names"])
    assert {n["place_name"] for n in report["unresolved_names"]} == {"Nowhere-sur-Mer"}
    params = ClusterParams(method="space-time", eps_m=1500.0, gap_days=4.0, roles=())
    expected = process_frame(read_geoparquet(incidents_file), params).incidents
    assert_geodataframe_equal(read_geoparquet(output), expected)

    again = run(str(incidents_file), "-o", str(output), "--scheduler", scheduler)
    assert again.returncode == 1
    assert again.stderr.strip() == f"error: {output} exists; pass --overwrite to replace it"


def test_an_unreachable_scheduler_is_named(incidents_file: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run(
        str(incidents_file), "-o", str(tmp_path / "out"), "--scheduler", f"127.0.0.1:{port}"
    )
    assert result.returncode == 1
    assert f"error: cannot reach the dask scheduler at tcp://127.0.0.1:{port}" in result.stderr
    assert not (tmp_path / "out").exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.parquet", "error: no such file or folder: {path}"),
        (
            lambda d: (d / "a.parquet").write_text("not parquet") and d / "a.parquet",
            "error: {path}: not a Parquet file",
        ),
    ],
    ids=["missing", "not-parquet"],
)
def test_bad_inputs_are_named(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = run(str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.startswith(message.format(path=path))


def test_progress_is_shown_on_a_terminal(
    incidents_file: Path, scheduler: str, tmp_path: Path
) -> None:
    leader, follower = pty.openpty()
    command = [*launchmap_command(), "process", str(incidents_file), "-o", str(tmp_path / "out")]
    process = subprocess.Popen(
        [*command, "--scheduler", scheduler],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the command closed its terminal
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    assert process.wait(timeout=60) == 0
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "Geocoding and relating to the coast" in text
    assert "Numbering clusters and writing" in text
