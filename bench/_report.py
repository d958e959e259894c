"""The one line of JSON each benchmark figure ends with (the format DESIGN.md fixes)."""

from __future__ import annotations

import json


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
