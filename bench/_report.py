"""What benchmarks print: figures as DESIGN.md fixes their JSON lines, and peak memory."""

from __future__ import annotations

import json
import resource
import sys


def figure(
    name: str, value: float, unit: str, baseline: str, baseline_value: float, ratio: float
) -> str:
    """Format one figure against its baseline; ratio > 1 means launchmap is better."""
    return json.dumps(
        {
            "name": name,
            "value": round(value, 3),
            "unit": unit,
            "baseline": baseline,
            "baseline_value": round(baseline_value, 3),
            "ratio": round(ratio, 2),
        }
    )


def peak_rss_mib() -> float:
    """Return this process's peak resident memory in MiB."""
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
