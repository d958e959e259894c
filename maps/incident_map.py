"""Build the interactive incident map: tiles, coastline, incidents, legend, attributions.

Incidents travel into the page as one JSON document and are drawn by a small
script that builds every popup with DOM text nodes, so text from sources (which
is untrusted) is shown as text and can never run. The page loads Leaflet from
the launchmap server, a CDN or inline copies (:mod:`maps.assets`), never from
folium's default CDN list.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import folium
import geopandas as gpd
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.coast import CoastLayer, coastline_layer
from geo.model import EventType, frame_to_features
from maps.assets import LEAFLET_FILES, LOCAL_PREFIX, AssetMode, asset_url, inline_text

EVENT_COLORS: dict[str, str] = {
    EventType.LAUNCH: "#d62728",
    EventType.EMBARKATION: "#ff7f0e",
    EventType.INTERCEPTION: "#1f77b4",
    EventType.RESCUE: "#17becf",
    EventType.ARRIVAL: "#2ca02c",
    EventType.DEBRIS: "#8c564b",
    EventType.DEATH: "#111111",
    EventType.SIGHTING: "#9467bd",
    EventType.OTHER: "#7f7f7f",
}
ATTRIBUTIONS = (
    'Coastline: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a> (LGPL)',
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
)
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
DEFAULT_CENTER = (50.95, 1.85)  # the Strait of Dover, between Calais and Dover
DEFAULT_ZOOM = 9
# Keep markers clear of the layer control (top right) and the legend (bottom right).
FIT_PADDING_TOP_LEFT = (60, 60)
FIT_PADDING_BOTTOM_RIGHT = (300, 60)
SHORELINE_DISPLAY_TOLERANCE_DEG = 0.0004  # about 30-45 m: invisible at coast zoom levels


@dataclass(frozen=True)
class MapOptions:
    """How a map page is titled and where it loads its browser assets from."""

    title: str = "launchmap: small-boat incidents on the Channel coast"
    assets: AssetMode = AssetMode.LOCAL
    asset_prefix: str = LOCAL_PREFIX


def _template(name: str) -> Template:
    """Load one of the package's Jinja templates."""
    source = resources.files("maps").joinpath("templates", name).read_text("utf-8")
    template: Template = Template(source)
    return template


def _script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as Unicode escapes so that no text can
    close the script or open a comment; JSON parsers read them unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class IncidentLayer(folium.map.Layer):
    """The incidents as circle markers coloured by event type, with text-only popups."""

    _template = _template("incident_layer.js")

    def __init__(self, incidents: gpd.GeoDataFrame, name: str = "Incidents") -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "IncidentLayer"
        collection = {"type": "FeatureCollection", "features": frame_to_features(incidents)}
        self.features_json = _script_json(collection)
        self.colors_json = _script_json(EVENT_COLORS)


class MapDecorations(MacroElement):
    """The legend (counts by event type) and the data attributions."""

    _template = _template("decorations.js")

    def __init__(self, incidents: gpd.GeoDataFrame, title: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "MapDecorations"
        self.legend_json = _script_json(_legend(incidents, title))


def _legend(incidents: gpd.GeoDataFrame, title: str) -> dict[str, Any]:
    """Describe the legend: one entry per event type present, and the unplaced count."""
    counts = Counter(incidents["event_type"])
    unplaced = int((incidents.geometry.isna() | incidents.geometry.is_empty).sum())
    note = (
        f"{unplaced} of {len(incidents)} incidents are placed only at country level "
        "and are not drawn."
        if unplaced
        else ""
    )
    entries = [
        {"label": kind.capitalize(), "color": color, "count": counts[kind]}
        for kind, color in EVENT_COLORS.items()
        if counts[kind]
    ]
    return {"title": title, "entries": entries, "note": note, "attributions": ATTRIBUTIONS}


@cache
def _shoreline_geojson() -> dict[str, Any]:
    """Return the bundled shoreline, simplified for display, as GeoJSON (built once)."""
    shoreline = coastline_layer(CoastLayer.SHORELINE)
    simplified = shoreline.geometry.simplify(SHORELINE_DISPLAY_TOLERANCE_DEG)
    geojson: dict[str, Any] = json.loads(gpd.GeoSeries(simplified, crs=shoreline.crs).to_json())
    return geojson


def build_incident_map(
    incidents: gpd.GeoDataFrame, options: MapOptions = MapOptions()
) -> folium.Map:
    """Build the interactive map of ``incidents`` over the bundled coastline.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326); unplaced incidents are counted in
        the legend but not drawn.
    options
        Title and asset loading; ``AssetMode.INLINE`` makes a standalone file.
    """
    figure = folium.Map(
        location=DEFAULT_CENTER, zoom_start=DEFAULT_ZOOM, tiles=None, control_scale=True
    )
    _use_assets(figure, options)
    _page(figure).header.add_child(
        Element(f"<title>{html.escape(options.title)}</title>"), name="launchmap_title"
    )
    folium.TileLayer(OSM_TILES, name="OpenStreetMap", attr=OSM_ATTRIBUTION, max_zoom=19).add_to(
        figure
    )
    folium.GeoJson(
        _shoreline_geojson(),
        name="Coastline (GSHHG)",
        style_function=lambda _feature: {"color": "#0b4f8a", "weight": 1.5, "opacity": 0.9},
        interactive=False,
    ).add_to(figure)
    IncidentLayer(incidents).add_to(figure)
    MapDecorations(incidents, options.title).add_to(figure)
    folium.LayerControl(collapsed=False).add_to(figure)
    _fit_to(figure, incidents)
    return figure


def _page(figure: folium.Map) -> Figure:
    """Return the HTML page (branca Figure) a map is drawn in."""
    page = figure.get_root()
    assert isinstance(page, Figure)
    return page


def _use_assets(figure: folium.Map, options: MapOptions) -> None:
    """Replace folium's CDN asset list with Leaflet from ``options.assets``.

    The page needs Leaflet only: popups, legend and markers use no jQuery,
    Bootstrap or icon fonts.
    """
    if options.assets is AssetMode.INLINE:
        figure.default_js, figure.default_css = [], []
        inlined = "".join(
            f"<style>{inline_text(file)}</style>"
            if file.kind == "css"
            else f"<script>{inline_text(file)}</script>"
            for file in LEAFLET_FILES
        )
        _page(figure).header.add_child(Element(inlined), name="launchmap_assets", index=0)
        return
    urls = [(file, asset_url(file, options.assets, options.asset_prefix)) for file in LEAFLET_FILES]
    figure.default_js = [(f"{f.package}_{f.kind}", url) for f, url in urls if f.kind == "js"]
    figure.default_css = [(f"{f.package}_{f.kind}", url) for f, url in urls if f.kind == "css"]


def _fit_to(figure: folium.Map, incidents: gpd.GeoDataFrame) -> None:
    """Zoom the map to the placed incidents, when there are any."""
    placed = incidents.geometry[~(incidents.geometry.isna() | incidents.geometry.is_empty)]
    if placed.empty:
        return
    min_lon, min_lat, max_lon, max_lat = placed.total_bounds
    figure.fit_bounds(
        [[min_lat, min_lon], [max_lat, max_lon]],
        padding_top_left=FIT_PADDING_TOP_LEFT,
        padding_bottom_right=FIT_PADDING_BOTTOM_RIGHT,
        max_zoom=12,
    )


def render_map_html(incidents: gpd.GeoDataFrame, options: MapOptions = MapOptions()) -> str:
    """Render the incident map as one HTML document."""
    html_text: str = build_incident_map(incidents, options).get_root().render()
    return html_text
