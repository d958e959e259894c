"""Build the interactive incident map page: layers, filters, legend, chart, search.

The page is a Folium (Leaflet) map with two base maps, the coastline, the
300 m interception zone, the incidents, the launch hotspots and a heatmap,
under one layer control. The incidents travel as compact arrays
(:mod:`maps.page_data`) and are clustered and drawn in the browser by
``templates/launchmap.js``, which also runs the date and event-type filters
(acting on incidents, heatmap and chart together), the legend, the place
search and the chart of coast kilometre against date. Every popup, label and
title is built from text nodes: sources are untrusted. The page loads its
browser libraries from the launchmap server, a CDN or inline copies
(:mod:`maps.assets`), never from folium's default CDN list.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import folium
import geopandas as gpd
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.coast import INTERCEPTION_ZONE_M, CoastLayer, coastline_layer
from geo.model import placed_mask
from geo.vocabulary import EventType
from maps.assets import LOCAL_PREFIX, PAGE_FILES, AssetMode, asset_url, inline_text, integrity
from maps.chart import reference_places
from maps.page_data import (
    busiest_label,
    compact_incidents,
    describe,
    hotspot_collection,
    rounded,
    script_json,
    search_places,
    zone_geojson,
)
from maps.view import UNFILTERED, MapView

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
LIGHT_TILES = (
    "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
    "World_Light_Gray_Base/MapServer/tile/{z}/{y}/{x}"
)
LIGHT_ATTRIBUTION = "Tiles &copy; Esri &mdash; Esri, DeLorme, NAVTEQ"
TILE_HOSTS = ("https://tile.openstreetmap.org", "https://server.arcgisonline.com")
"""Where the base maps' tiles come from (for the pages' Content-Security-Policy)."""
DEFAULT_CENTER = (50.95, 1.85)  # the Strait of Dover, between Calais and Dover
DEFAULT_ZOOM = 9
FIT_MAX_ZOOM = 12
SHORELINE_DISPLAY_TOLERANCE_DEG = 0.0004  # about 30-45 m: invisible at coast zoom levels


class Chrome(StrEnum):
    """How much furniture surrounds the map: the full page, or an embed in an article."""

    FULL = "full"
    EMBED = "embed"


@dataclass(frozen=True)
class MapOptions:
    """How a map page is titled, dressed and where it loads assets and details from.

    ``details_url`` is the address popups fetch an incident from (its id is
    appended); without one, every incident's details travel inside the page,
    as a standalone file needs. ``snippet_url`` is where the page offers the
    embed snippet of the view shown (and, when set, the page keeps its
    address in step with its filters and view). ``image_url`` is the static PNG of the same
    view, shown where scripts do not run; ``chart_image_url`` is offered as a
    download beside the chart.
    """

    title: str = "launchmap: small-boat incidents on the Channel coast"
    assets: AssetMode = AssetMode.LOCAL
    asset_prefix: str = LOCAL_PREFIX
    chrome: Chrome = Chrome.FULL
    details_url: str | None = None
    snippet_url: str | None = None
    image_url: str | None = None
    chart_image_url: str | None = None


def _read_template(name: str) -> str:
    """Read one of the package's template files."""
    return resources.files("maps").joinpath("templates", name).read_text("utf-8")


class AppScript(MacroElement):
    """Create the page's application object, which owns the incident, heat and hotspot layers."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }} = Launchmap.create({{ this._parent.get_name() }}, "
        "{{ this.config_json }});"
        "{% endmacro %}"
    )

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "LaunchmapApp"
        self.config_json = script_json(config)


class AppLayer(folium.map.Layer):
    """One of the application's layers, listed in the layer control under ``name``."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }} = {{ this.app.get_name() }}.{{ this.member }};"
        "{% endmacro %}"
    )

    def __init__(self, app: AppScript, member: str, name: str, *, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LaunchmapLayer"
        self.app = app
        self.member = member


class AppStart(MacroElement):
    """Add the controls, the minimap, the attributions and the chart, then draw."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function () {"
        " var app = {{ this.app.get_name() }}; var map = {{ this._parent.get_name() }};"
        " var settings = {{ this.settings_json }};"
        " settings.attributions.forEach(function (text) {"
        " map.attributionControl.addAttribution(text); });"
        " map.getContainer().setAttribute('role', 'region');"
        " map.getContainer().setAttribute('aria-label', settings.alt);"
        " if (settings.minimap) { new L.Control.MiniMap(L.tileLayer(settings.minimap.tiles,"
        " {attribution: settings.minimap.attribution}), {position: 'bottomleft',"
        " toggleDisplay: true, zoomLevelOffset: -5, width: 140, height: 140}).addTo(map); }"
        " var canvas = document.getElementById('launchmap-chart');"
        " if (canvas) { app.addChart(canvas); }"
        " app.start(settings.controls);"
        "}());"
        "{% endmacro %}"
    )

    def __init__(self, app: AppScript, settings: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "LaunchmapStart"
        self.app = app
        self.settings_json = script_json(settings)


def build_incident_map(
    incidents: gpd.GeoDataFrame, options: MapOptions = MapOptions(), view: MapView = UNFILTERED
) -> folium.Map:
    """Build the interactive map of ``incidents`` over the bundled coastline.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326) with the derived coast fields;
        unplaced incidents are counted but not drawn.
    options
        Title, chrome, asset loading (``AssetMode.INLINE`` makes a standalone
        file) and where popups find their details.
    view
        The filters the page starts with, and an optional initial centre and zoom.
    """
    figure = _new_map(incidents, view)
    page = _page(figure)
    _use_assets(page, figure, options)
    hotspots = hotspot_collection(incidents)
    alt = describe(incidents, busiest_label(hotspots))
    _add_page_furniture(page, options, alt)
    _add_base_maps(figure)
    _add_coast_layers(figure)
    app = AppScript(_app_config(incidents, hotspots, options, view))
    figure.add_child(app)
    figure.add_child(AppLayer(app, "incidents", "Incidents"))
    figure.add_child(AppLayer(app, "hotspots", "Launch hotspots"))
    figure.add_child(AppLayer(app, "heat", "Heatmap", show=False))
    folium.LayerControl(collapsed=options.chrome is Chrome.EMBED).add_to(figure)
    figure.add_child(AppStart(app, _start_settings(options, alt)))
    return figure


def _new_map(incidents: gpd.GeoDataFrame, view: MapView) -> folium.Map:
    """Create the Leaflet map, centred on the view or fitted to the placed incidents."""
    center = view.center if view.center is not None else DEFAULT_CENTER
    zoom = view.zoom if view.zoom is not None else DEFAULT_ZOOM
    figure = folium.Map(location=center, zoom_start=zoom, tiles=None, control_scale=True)
    if view.center is None and view.zoom is None:
        _fit_to(figure, incidents)
    return figure


def _add_base_maps(figure: folium.Map) -> None:
    """Add the two base maps: OpenStreetMap and a light grey one."""
    folium.TileLayer(OSM_TILES, name="OpenStreetMap", attr=OSM_ATTRIBUTION, max_zoom=19).add_to(
        figure
    )
    folium.TileLayer(
        LIGHT_TILES,
        name="Light grey",
        attr=LIGHT_ATTRIBUTION,
        max_zoom=19,
        max_native_zoom=16,
        show=False,
    ).add_to(figure)


def _add_coast_layers(figure: folium.Map) -> None:
    """Add the coastline and the 300 m interception zone (both non-interactive)."""
    folium.GeoJson(
        _shoreline_geojson(),
        name="Coastline (GSHHG)",
        style_function=lambda _feature: {"color": "#0b4f8a", "weight": 1.5, "opacity": 0.9},
        interactive=False,
    ).add_to(figure)
    folium.GeoJson(
        zone_geojson(),
        name=f"{INTERCEPTION_ZONE_M:.0f} m zone off the French shore",
        style_function=lambda _feature: {
            "color": "#e65100",
            "weight": 0.5,
            "fillColor": "#ff9800",
            "fillOpacity": 0.35,
        },
        interactive=False,
    ).add_to(figure)


def _app_config(
    incidents: gpd.GeoDataFrame,
    hotspots: dict[str, Any],
    options: MapOptions,
    view: MapView,
) -> dict[str, Any]:
    """Return what the page script needs: incidents, colours, hotspots, places, the view."""
    return {
        "incidents": compact_incidents(incidents, with_details=options.details_url is None),
        "detailsUrl": options.details_url,
        "snippetUrl": options.snippet_url,
        "colors": EVENT_COLORS,
        "hotspots": hotspots,
        "places": search_places(),
        "chartPlaces": reference_places(),
        "view": view.as_script_data(),
        "title": options.title,
        "chrome": options.chrome.value,
    }


def _start_settings(options: MapOptions, alt: str) -> dict[str, Any]:
    """Return the controls, minimap and attributions the page starts with."""
    full = options.chrome is Chrome.FULL
    return {
        "attributions": ATTRIBUTIONS,
        "alt": alt,
        "minimap": {"tiles": LIGHT_TILES, "attribution": LIGHT_ATTRIBUTION} if full else None,
        "controls": {"search": True, "fullscreen": True},
    }


def _add_page_furniture(page: Figure, options: MapOptions, alt: str) -> None:
    """Add the title, description, the text alternative and, on the full page, the chart."""
    title, described = html.escape(options.title), html.escape(alt)
    page.header.add_child(
        Element(
            f"<title>{title}</title>"
            f'<meta name="description" content="{described}">'
            f"<style>{_read_template('launchmap.css')}</style>"
        ),
        name="launchmap_head",
    )
    fallback = ""
    if options.image_url:
        image = html.escape(options.image_url)
        fallback = f'<noscript><img src="{image}" alt="{described}"></noscript>'
    page.html.add_child(
        Element(f'<p class="launchmap-sr">{described}</p>{fallback}'), name="launchmap_alt"
    )
    if options.chrome is Chrome.FULL:
        page.html.add_child(Element(_chart_aside(options)), name="launchmap_chart")
    page.html.add_child(
        Element("<script>document.body.classList.add('launchmap-page');</script>"),
        name="launchmap_body_class",
    )


def _chart_aside(options: MapOptions) -> str:
    """Return the panel beside the map with the chart of coast kilometre against date."""
    download = ""
    if options.chart_image_url:
        url = html.escape(options.chart_image_url)
        download = (
            f'<p><a href="{url}" download="launchmap-chart.png">Download the chart as PNG</a></p>'
        )
    return (
        '<aside class="launchmap-aside" aria-labelledby="launchmap-chart-title">'
        '<h2 id="launchmap-chart-title">Which stretch of coast is busy when</h2>'
        "<p>Each dot is an incident shown on the map: its date across, its kilometre along the "
        "French coast (0 at the Belgian border, rising south-west) down.</p>"
        '<canvas id="launchmap-chart" class="launchmap-chart" role="img" '
        'aria-label="Incidents by coast kilometre against date"></canvas>'
        f"{download}</aside>"
    )


@cache
def _shoreline_geojson() -> dict[str, Any]:
    """Return the bundled shoreline, simplified for display, as GeoJSON (built once)."""
    shoreline = coastline_layer(CoastLayer.SHORELINE)
    simplified = rounded(shoreline.geometry.simplify(SHORELINE_DISPLAY_TOLERANCE_DEG))
    geojson: dict[str, Any] = gpd.GeoSeries(simplified, crs=shoreline.crs).__geo_interface__
    return geojson


def _page(figure: folium.Map) -> Figure:
    """Return the HTML page (branca Figure) a map is drawn in."""
    page = figure.get_root()
    assert isinstance(page, Figure)
    return page


def _use_assets(page: Figure, figure: folium.Map, options: MapOptions) -> None:
    """Replace folium's CDN asset list with Leaflet and its plugins from ``options.assets``.

    The page needs no jQuery, Bootstrap or icon fonts. launchmap's own script
    always travels inside the page, in the body: it runs after Leaflet loads.
    """
    library = f"<script>{_read_template('launchmap.js')}</script>"
    if options.assets is AssetMode.INLINE:
        figure.default_js, figure.default_css = [], []
        inlined = "".join(
            f"<style>{inline_text(file)}</style>"
            if file.kind == "css"
            else f"<script>{inline_text(file)}</script>"
            for file in PAGE_FILES
        )
        page.header.add_child(Element(inlined), name="launchmap_assets", index=0)
    elif options.assets is AssetMode.CDN:
        figure.default_js, figure.default_css = [], []
        page.header.add_child(Element(_cdn_tags()), name="launchmap_assets", index=0)
    else:
        prefix = options.asset_prefix
        urls = [(file, asset_url(file, options.assets, prefix)) for file in PAGE_FILES]
        figure.default_js = [(f"{f.package}_{f.path}", url) for f, url in urls if f.kind == "js"]
        figure.default_css = [(f"{f.package}_{f.path}", url) for f, url in urls if f.kind == "css"]
    page.html.add_child(Element(library), name="launchmap_library")


def _cdn_tags() -> str:
    """Write the tags that load the vendor files from the CDN, each pinned by its integrity."""
    tags = []
    for file in PAGE_FILES:
        url = html.escape(asset_url(file, AssetMode.CDN))
        pinned = f'integrity="{integrity(file)}" crossorigin="anonymous"'
        if file.kind == "css":
            tags.append(f'<link rel="stylesheet" href="{url}" {pinned}>')
        else:
            tags.append(f'<script src="{url}" {pinned}></script>')
    return "\n".join(tags)


def _fit_to(figure: folium.Map, incidents: gpd.GeoDataFrame) -> None:
    """Zoom the map to the placed incidents, when there are any."""
    placed = incidents.geometry[placed_mask(incidents)]
    if placed.empty:
        return
    min_lon, min_lat, max_lon, max_lat = placed.total_bounds
    figure.fit_bounds(
        [[min_lat, min_lon], [max_lat, max_lon]], padding=(40, 40), max_zoom=FIT_MAX_ZOOM
    )


def render_map_html(
    incidents: gpd.GeoDataFrame, options: MapOptions = MapOptions(), view: MapView = UNFILTERED
) -> str:
    """Render the incident map as one HTML document."""
    html_text: str = build_incident_map(incidents, options, view).get_root().render()
    return html_text
