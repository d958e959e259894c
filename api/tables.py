"""The HTML representation of an items page (``f=html``): a plain, escaped table.

Every value comes from the store, whose text comes from untrusted sources, so
every cell and attribute is escaped; links are made only from http(s) addresses.
"""

from __future__ import annotations

import html
from typing import Any

COLUMNS = (
    "id",
    "date",
    "event_type",
    "place_name",
    "country",
    "location_precision",
    "people",
    "boats",
    "coast_km",
    "shore_distance_m",
)


def incident_table_html(collection: dict[str, Any]) -> str:
    """Render a GeoJSON FeatureCollection page of incidents as an HTML document."""
    head = "".join(f"<th>{html.escape(column)}</th>" for column in (*COLUMNS, "lon", "lat"))
    rows = "".join(_row(feature) for feature in collection["features"])
    links = "".join(
        f'<a rel="{html.escape(link["rel"])}" href="{html.escape(link["href"])}">'
        f"{html.escape(link['rel'])}</a> "
        for link in collection["links"]
        if link["rel"] in ("prev", "next")
    )
    summary = f"{collection['numberReturned']} of {collection['numberMatched']} incidents"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>launchmap incidents</title>"
        "<style>table{border-collapse:collapse;font:13px system-ui,sans-serif}"
        "td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body>"
        f"<h1>Incidents</h1><p>{html.escape(summary)}</p><p>{links}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></body></html>"
    )


def _row(feature: dict[str, Any]) -> str:
    """Render one incident as a table row."""
    properties = feature["properties"]
    cells = [_cell(properties.get(column)) for column in COLUMNS]
    coordinates = (feature.get("geometry") or {}).get("coordinates") or [None, None]
    cells += [_cell(coordinates[0]), _cell(coordinates[1])]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _cell(value: Any) -> str:
    """Escape one value for a table cell (empty for a missing value)."""
    return "" if value is None else html.escape(str(value))
