"""Benchmark: how quickly the command line answers, against starting Python itself.

Usage::

    python bench/cli.py            # each command 7 times (median), every command's --help
    python bench/cli.py --quick    # each command 3 times, --help of three commands

Each run is a fresh process, as a person typing the command starts one:
``launchmap --help``, ``launchmap COMMAND --help`` for the commands, and
``launchmap geocode Calais`` (the bundled gazetteer, offline). The baseline,
run in the same process loop, is ``python -c pass``: the floor any Python
command line pays. Figures are median wall-clock seconds; the targets are
``--help`` ≤ 0.5 s and ``geocode Calais`` ≤ 1.5 s on this 2-core machine.
The last lines are one JSON object per figure (ratio = baseline ÷ launchmap:
below 1, since nothing starts faster than Python itself).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time

from _report import figure

COMMANDS = (
    "map",
    "import",
    "export",
    "geocode",
    "hotspots",
    "serve",
    "extract",
    "eval",
    "process",
    "db",
)
QUICK_COMMANDS = ("map", "geocode", "serve")


def median_seconds(command: list[str], repeats: int) -> float:
    """Run ``command`` ``repeats`` times (after one warm-up) and return the median seconds."""
    subprocess.run(command, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()[-500:]}")
    return statistics.median(times)


def main() -> None:
    """Time the command line's help and a geocoding run against ``python -c pass``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and commands")
    args = parser.parse_args()
    repeats = 3 if args.quick else 7
    launchmap = shutil.which("launchmap")
    if launchmap is None:
        sys.exit("launchmap is not installed: pip install -e . first")
    baseline = median_seconds([sys.executable, "-c", "pass"], repeats)
    print(f"python -c pass: {baseline:.3f} s")
    figures = [("launchmap --help", median_seconds([launchmap, "--help"], repeats))]
    for command in QUICK_COMMANDS if args.quick else COMMANDS:
        seconds = median_seconds([launchmap, command, "--help"], repeats)
        figures.append((f"launchmap {command} --help", seconds))
    figures.append(
        ("launchmap geocode Calais", median_seconds([launchmap, "geocode", "Calais"], repeats))
    )
    for name, seconds in figures:
        print(f"{name}: {seconds:.3f} s")
    for name, seconds in figures:
        print(figure(name, seconds, "s", "python -c pass", baseline, baseline / seconds))


if __name__ == "__main__":
    main()
