"""`launchmap map --png` and `--chart`, run as a real process: PNG files, filters, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from tests.api.test_cli import GOOD_CSV, run


@pytest.fixture
def good_csv(tmp_path: Path) -> Path:
    path = tmp_path / "reports.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    return path


def _size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        image.load()
        return image.size


def test_png_writes_the_static_map(tmp_path: Path, good_csv: Path) -> None:
    out = tmp_path / "map.png"
    result = run("map", str(good_csv), "-o", str(out), "--png", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["output"], report["incidents"], report["drawn"]) == (str(out), 3, 2)
    assert _size(out) == (1200, 800)


def test_chart_with_card_and_filters_writes_the_chart(tmp_path: Path, good_csv: Path) -> None:
    out = tmp_path / "chart.png"
    result = run(
        "map", str(good_csv), "-o", str(out), "--chart", "--card", "--types", "launch,arrival"
    )
    assert result.returncode == 0, result.stderr
    # The arrival has no point, hence no coast kilometre: only the launch is drawn.
    assert "2 incidents, 1 drawn on the chart, 1 without a date or not on the French coast" in (
        result.stdout
    )
    assert _size(out) == (1200, 630)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["-o", "{tmp}/map.html", "--png"], "map.html'"),
        (["-o", "{tmp}/map.png"], "map.png'"),
        (["-o", "{tmp}/map.png", "--png", "--width", "9000"], "got 9000"),
        (["-o", "{tmp}/map.html", "--card"], "--card"),
    ],
    ids=["png-to-html", "png-name-without-flag", "too-wide", "card-for-html"],
)
def test_bad_image_options_are_refused_naming_the_value(
    tmp_path: Path, good_csv: Path, args: list[str], named: str
) -> None:
    result = run("map", str(good_csv), *(arg.format(tmp=tmp_path) for arg in args))
    assert result.returncode == 1
    assert named in result.stderr and result.stderr.startswith("error: ")
    assert not list(tmp_path.glob("map.*"))
