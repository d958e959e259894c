"""launchmap works from a built wheel, not only from this checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from maps.assets import API_DOCS_FILES, PAGE_FILES, pinned_versions

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("launchmap-*.whl")
    return built


def test_wheel_carries_the_bundled_data_and_browser_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "geo/_bundled/coastline.gpkg",
        "geo/_bundled/gazetteer.csv",
        "geo/_bundled/sample_incidents.geojson",
        *(
            f"geo/ingest/mappings/{name}.toml"
            for name in ("acled", "across-the-channel", "iom-mmp", "uk-small-boats")
        ),
        *(
            f"maps/assets/node_modules/{file.package}/{file.path}"
            for file in PAGE_FILES + API_DOCS_FILES
        ),
        *(f"maps/assets/node_modules/{package}/package.json" for package in pinned_versions()),
        "maps/assets/node_modules/leaflet/LICENSE",
        "maps/assets/node_modules/leaflet-minimap/LICENSE.txt",
        "maps/assets/node_modules/leaflet.fullscreen/icon-fullscreen.svg",
        "maps/assets/package.json",
        "maps/templates/launchmap.js",
        "maps/templates/launchmap.css",
        "maps/templates/page.html",
        "maps/templates/loader.js",
        "maps/messages/en.json",
        "geo/py.typed",
        "maps/py.typed",
        "api/py.typed",
    ):
        assert required in names, required
    assert not any(name.startswith(("tests/", "data/", "bench/")) for name in names)
    assert "maps/_build_assets.py" not in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "launchmap = api.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def _venv_seeing_this_environment(env_dir: Path) -> Path:
    """Make a venv whose dependencies are those of the interpreter running the suite.

    A ``.pth`` file names every site-packages folder this interpreter imports
    from (a venv's own, the system's that a ``--system-site-packages`` venv also
    sees, or the system's alone), so only launchmap itself has to come from
    the wheel. Returns the venv's python.
    """
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = dict.fromkeys(
        [*(sysconfig.get_paths()[key] for key in ("purelib", "platlib")), *_site_folders()]
    )
    (Path(site) / "suite-environment.pth").write_text("\n".join(ours) + "\n", "utf-8")
    return python


def _site_folders() -> list[str]:
    """Return the site-packages folders on this interpreter's import path."""
    return [entry for entry in sys.path if Path(entry).name in ("site-packages", "dist-packages")]


def test_installed_wheel_exports_the_bundled_sample(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    python = _venv_seeing_this_environment(env_dir)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--ignore-installed", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import geo, maps, api; print(geo.__file__, maps.__file__, api.__file__)",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(path.startswith(str(env_dir)) for path in where), where
    out = work / "incidents.geojson"
    result = subprocess.run(
        [
            str(env_dir / "bin" / "launchmap"),
            "export",
            "-f",
            "geojson",
            "-o",
            str(out),
            "--data-dir",
            str(work / "store"),
            "--json",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    sample = json.loads((ROOT / "data" / "sample_incidents.geojson").read_text("utf-8"))
    assert json.loads(result.stdout)["incidents"] == len(sample["features"])
    exported = json.loads(out.read_text("utf-8"))["features"]
    assert {f["id"] for f in exported} == {f["id"] for f in sample["features"]}
    page = work / "map.html"
    mapped = subprocess.run(
        [str(env_dir / "bin" / "launchmap"), "map", str(out), "-o", str(page)],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert mapped.returncode == 0, mapped.stderr
    assert "Leaflet" in page.read_text("utf-8")  # inlined from the wheel's own copy
