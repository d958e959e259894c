"""Build the interactive incident map page: a small shell that loads the incidents.

The page is a short HTML document (the shell): the title, the text
alternative, the chart panel, the links to Leaflet and its plugins, the page
script and its configuration. The script (``templates/launchmap.js``) makes the
Leaflet map with two base maps, the coastline and the 300 m interception zone
(the bundled reference layers, one file that never changes between
releases), then draws the incidents it loads from the data resource
(:mod:`maps.data_resource`): clustered markers, hotspots, a heatmap, the
filters, the legend, the place search and the chart. Every popup, label and
title is built from text nodes: sources are untrusted.

The same shell serves ``/map`` and ``/embed``, a static publish and the
standalone file of ``launchmap map``; only the addresses differ (a server's
routes, a publish folder's relative paths, or everything inlined).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import geopandas as gpd

from geo.coast import INTERCEPTION_ZONE_M, CoastLayer, coastline_layer
from geo.vocabulary import EventType
from maps._templates import environment, template_text
from maps.assets import (
    CORE_FILES,
    LOCAL_PREFIX,
    PAGE_FILES,
    PLUGINS,
    AssetMode,
    asset_url,
    inline_text,
    integrity,
    safe_in_element,
)
from maps.base_layer import BASE_LAYER_FILE, base_layer_resource
from maps.chart import reference_places
from maps.data_resource import MapData, build_map_data
from maps.messages import DEFAULT_LANGUAGE, LANGUAGES, catalogue, message, page_formats
from maps.page_data import (
    MapSummary,
    describe,
    local_names,
    place_search,
    rounded,
    script_json,
    search_places,
    zone_geojson,
)
from maps.view import DEFAULT_LAYERS, UNFILTERED, BaseMap, Layer, MapView

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
_CREDIT_LINKS = {
    "gshhg": ("https://www.soest.hawaii.edu/pwessel/gshhg/", "GSHHG"),
    "geonames": ("https://www.geonames.org/", "GeoNames"),
    "osm": ("https://www.openstreetmap.org/copyright", "OpenStreetMap"),
    "esri": ("https://www.esri.com/", "Esri"),
}
_PAGE_CREDITS = (
    "map.credit.coastline",
    "map.credit.places",
    "map.credit.curated",
    "map.credit.osm",
)
"""The credits every page shows: its reference layers, the search's places and their sources."""
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
LIGHT_TILES = (
    "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
    "World_Light_Gray_Base/MapServer/tile/{z}/{y}/{x}"
)
TILE_HOSTS = ("https://tile.openstreetmap.org", "https://server.arcgisonline.com")
"""Where the base maps' tiles come from (for the pages' Content-Security-Policy)."""
DEFAULT_CENTER = (50.95, 1.85)  # the Strait of Dover, between Calais and Dover
DEFAULT_ZOOM = 9
FIT_MAX_ZOOM = 12
SHORELINE_DISPLAY_TOLERANCE_DEG = 0.0004  # about 30-45 m: invisible at coast zoom levels
APP_PREFIX = "/assets/launchmap"
"""Where a server serves the page script, its styles and the reference layers."""
APP_FILES = ("launchmap.js", "launchmap.css", "favicon.svg", "caption.css", "offline.js")
"""The page script, its styles, the page's icon, the caption's styles and the offline base map's
script, as they are in ``templates``."""
PAGE_TEMPLATES = ("page.html", "loader.js", "social.html", "caption.html")
"""The templates of the page shell besides the files served under :data:`APP_PREFIX`."""
BUNDLE_FILES = ("page.js", "page.css")
"""Leaflet and the clustering library with the page script, and Leaflet's styles with the page's:
what a page served with local assets loads, in one request each."""
CARRIED_INCIDENTS_MAX_BYTES = 64 * 1024
"""A data resource no larger than this, inflated, travels inside its page shell as well (up to
about two thousand incidents): the page script then draws the markers as it runs, with no
request to wait for. A larger one is only fetched, so the shell stays small."""
REFERENCE_FILE = "reference.json.gz"
"""The reference layers' file name, beside the page script."""
KEPT_PARAMETERS = ("base", "lang", "title", "subtitle", "source", "byline")
"""What a page's address carries unchanged as a reader filters, pans and zooms."""
PAGE_MESSAGE_PREFIXES = (
    "page.",
    "map.",
    "popup.",
    "legend.",
    "chart.",
    "filter.",
    "layer.",
    "search.",
)
"""Messages a map page's script says (not the builder's, errors', images' or the snippet's)."""


def credits(language: str = DEFAULT_LANGUAGE, names: tuple[str, ...] = _PAGE_CREDITS) -> list[str]:
    """Return the credits ``names`` in ``language``, as HTML with their links.

    The messages are launchmap's own text (escaped here all the same); only
    the links are markup.
    """
    links = {
        key: f'<a href="{address}">{html.escape(label)}</a>'
        for key, (address, label) in _CREDIT_LINKS.items()
    }
    return [html.escape(catalogue(language)[name]).format(**links) for name in names]


ATTRIBUTIONS = tuple(credits(DEFAULT_LANGUAGE, ("map.credit.coastline", "map.credit.places")))
"""The bundled layers' credits in English (the static images draw them as text)."""


@dataclass(frozen=True)
class SocialLinks:
    """What a link preview of a page needs: absolute addresses of the page, its card, its oEmbed.

    ``card_size`` is the card image's width and height in pixels.
    """

    page_url: str
    card_url: str
    oembed_url: str
    card_size: tuple[int, int]


class Chrome(StrEnum):
    """How much furniture surrounds the map: the full page, or an embed in an article."""

    FULL = "full"
    EMBED = "embed"


@dataclass(frozen=True)
class MapOptions:
    """How a map page is titled and dressed, and where it loads what it shows.

    ``data_url`` is the folder address (ending in ``/``) of the data resource
    and its details chunks; without one they travel inside the page, as a
    standalone file needs. ``asset_prefix`` is where Leaflet and its plugins
    are (in ``local`` mode), ``app_prefix`` where the page script, its styles
    and the reference layers are (unless ``assets`` is ``inline``).
    ``geocode_url`` is where the place search asks the server's geocoder;
    without one (a standalone file, a published folder) the page matches the
    geocoder's names itself, from the reference layers' compact name index.
    ``snippet_url`` is where the page offers to embed the view shown, its
    query appended (a server's embed builder; when set, the page keeps its
    address in step with its filters and view). ``image_url`` is the static
    PNG of the same view, shown where scripts do not run; ``chart_image_url``
    is offered beside the chart (the page keeps its filters in step).
    ``lang`` is the page's language. ``social`` gives the page its link
    preview tags (Open Graph, Twitter) and oEmbed discovery link.
    ``base_map`` is shown unless the view names one: a tile server's (which
    gives way to the offline base map if its tiles do not load), or the
    offline one (no tile is ever asked for).
    """

    title: str | None = None
    assets: AssetMode = AssetMode.LOCAL
    asset_prefix: str = LOCAL_PREFIX
    app_prefix: str = APP_PREFIX
    chrome: Chrome = Chrome.FULL
    data_url: str | None = None
    geocode_url: str | None = None
    snippet_url: str | None = None
    image_url: str | None = None
    chart_image_url: str | None = None
    lang: str = DEFAULT_LANGUAGE
    social: SocialLinks | None = None
    base_map: BaseMap = BaseMap.OSM

    @property
    def page_title(self) -> str:
        """Return the title given, or the catalogue's."""
        return self.title if self.title is not None else message("title", self.lang)


def render_page(
    summary: MapSummary,
    options: MapOptions,
    view: MapView = UNFILTERED,
    data: MapData | None = None,
) -> str:
    """Render the page shell of a map whose data resource is at ``options.data_url``.

    Parameters
    ----------
    summary
        What the page says about its incidents (count, dates, busiest hotspot,
        where they are), from :meth:`maps.data_resource.MapData.summary`.
    options
        Title, chrome, language and the addresses of the data and assets.
    view
        The filters the page starts with, and an optional initial centre and zoom.
    data
        The data resource at ``options.data_url``. When it is small
        (:data:`CARRIED_INCIDENTS_MAX_BYTES`) the shell carries its incidents
        and the browser paints the page first with its markers drawn; the
        details of an incident are still fetched when a popup asks for them.
    """
    return _render(summary, options, view, inline_data=None, carried=carried_incidents(data))


def carried_incidents(data: MapData | None) -> bytes | None:
    """Return the inflated data resource a page shell carries, or None when it is too large.

    gzip's trailer holds the inflated size (ISIZE, RFC 1952), so a large
    resource is never inflated only to learn that.
    """
    if data is None or int.from_bytes(data.incidents[-4:], "little") > CARRIED_INCIDENTS_MAX_BYTES:
        return None
    return gzip.decompress(data.incidents)


def render_map_html(
    incidents: gpd.GeoDataFrame, options: MapOptions = MapOptions(), view: MapView = UNFILTERED
) -> str:
    """Render the map of ``incidents`` as one page; with no ``data_url``, the data inside it.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326) with the derived coast fields;
        unplaced incidents are listed but not drawn.
    options
        Title, chrome and asset loading (``AssetMode.INLINE`` makes a page that
        needs no other file).
    view
        The filters the page starts with, and an optional initial centre and zoom.
    """
    data = build_map_data(incidents, "standalone")
    inline = None if options.data_url else data
    return _render(data.summary(view), options, view, inline_data=inline)


@dataclass(frozen=True)
class _Loads:
    """What a page's head links and runs: styles and deferred scripts (address, integrity).

    Or, for a page that needs no other file, the styles and scripts themselves.
    """

    styles: list[tuple[str, str | None]]
    scripts: list[tuple[str, str | None]]
    inline_styles: list[str]
    inline_scripts: list[str]
    inline_app: bool


def _loads(options: MapOptions, inline_app: bool) -> _Loads:
    """Choose how the page loads Leaflet, the clustering library and its own script.

    Served with local assets: one bundle of each kind (``page.js``,
    ``page.css``). From a CDN: the pinned files with their integrity, then
    the page's own. Inline: everything in the page (plugins too).
    """
    app_query = f"?v={build_id()}"
    if options.assets is AssetMode.INLINE:
        texts = [(inline_text(file), file.kind) for file in PAGE_FILES]
        return _Loads(
            [],
            [],
            [text for text, kind in texts if kind == "css"]
            + [safe_in_element(template_text("launchmap.css"))],
            [text for text, kind in texts if kind == "js"],
            True,
        )
    if options.assets is AssetMode.LOCAL and not inline_app:
        prefix = options.app_prefix
        return _Loads(
            [(f"{prefix}/page.css{app_query}", None)],
            [(f"{prefix}/page.js{app_query}", None)],
            [],
            [],
            False,
        )
    pinned = options.assets is AssetMode.CDN
    vendor = [
        (asset_url(file, options.assets, options.asset_prefix), integrity(file) if pinned else None)
        for file in CORE_FILES
    ]
    kinds = [file.kind for file in CORE_FILES]
    styles = [item for item, kind in zip(vendor, kinds, strict=True) if kind == "css"]
    scripts = [item for item, kind in zip(vendor, kinds, strict=True) if kind == "js"]
    if inline_app:
        return _Loads(styles, scripts, [safe_in_element(template_text("launchmap.css"))], [], True)
    prefix = options.app_prefix
    return _Loads(
        [*styles, (f"{prefix}/launchmap.css{app_query}", None)],
        [
            *scripts,
            (f"{prefix}/offline.js{app_query}", None),
            (f"{prefix}/launchmap.js{app_query}", None),
        ],
        [],
        [],
        False,
    )


def _render(
    summary: MapSummary,
    options: MapOptions,
    view: MapView,
    inline_data: MapData | None,
    carried: bytes | None = None,
) -> str:
    """Fill the page template.

    A page that carries its data (a standalone file) carries the page script,
    its styles and the reference layers too; Leaflet and its plugins are
    inlined only in ``inline`` mode. A served page may carry its incidents
    (``carried``, inflated) and load the rest; its first paint then waits for
    the page script, which draws the markers as it runs.
    """
    loads = _loads(options, inline_data is not None or options.assets is AssetMode.INLINE)
    reference = None if loads.inline_app else _reference_url(options)
    messages = catalogue(options.lang)
    alt = describe(summary, options.lang)
    caption = view.caption
    app_query = f"?v={build_id()}"
    context = {
        "lang": options.lang,
        "title": caption.title or options.page_title,
        "alt": alt,
        "social": _social(options, caption.subtitle or alt),
        "caption": caption,
        "captioned": bool(caption) and options.chrome is Chrome.EMBED,
        "caption_css": (
            safe_in_element(template_text("caption.css")) if loads.inline_app else None
        ),
        "caption_css_url": f"{options.app_prefix}/caption.css{app_query}",
        "offline_js": safe_in_element(template_text("offline.js")) if loads.inline_app else None,
        "inline_basemap": _in_page(base_layer_resource() if loads.inline_app else None),
        "loads": loads,
        "favicon": _favicon_url(options, loads.inline_app),
        "app_js": safe_in_element(template_text("launchmap.js")) if loads.inline_app else None,
        "loader": safe_in_element(template_text("loader.js")),
        "config": script_json(_config(summary, options, view, inline_data, reference, carried)),
        "inline_data": _in_page(inline_data.incidents if inline_data else carried),
        "render_blocking": carried is not None,
        "inline_reference": _in_page(reference_resource() if loads.inline_app else None),
        "full": options.chrome is Chrome.FULL,
        "image_url": options.image_url,
        "chart_image_url": options.chart_image_url,
        "messages": messages,
    }
    return environment().get_template("page.html").render(context)


def _in_page(data: bytes | None) -> str | None:
    """Return bytes a page carries as the text of an element (base64), or None without any."""
    return base64.b64encode(data).decode("ascii") if data is not None else None


def _social(options: MapOptions, description: str) -> dict[str, Any] | None:
    """Return the link preview's values for the page template, or None without addresses."""
    social = options.social
    if social is None:
        return None
    return {
        "page_url": social.page_url,
        "card_url": social.card_url,
        "oembed_url": social.oembed_url,
        "card_width": social.card_size[0],
        "card_height": social.card_size[1],
        "description": description,
        "locale": message("embed.locale", options.lang),
    }


def page_messages(language: str) -> dict[str, str]:
    """Return the messages a map page's script may say (credits come as HTML, apart)."""
    return {
        name: text
        for name, text in catalogue(language).items()
        if name.startswith(PAGE_MESSAGE_PREFIXES) and not name.startswith("map.credit.")
    }


def _favicon_url(options: MapOptions, inline: bool) -> str:
    """Return the page icon's address: beside the page script, or inside the page."""
    if inline:
        icon = base64.b64encode(app_file("favicon.svg")).decode("ascii")
        return f"data:image/svg+xml;base64,{icon}"
    return f"{options.app_prefix}/favicon.svg?v={build_id()}"


def _reference_url(options: MapOptions) -> str:
    """Return the address of the reference layers for a page that loads its assets."""
    return f"{options.app_prefix}/{REFERENCE_FILE}?v={build_id()}"


def _base_layer_url(options: MapOptions) -> str:
    """Return the address of the offline base map for a page that loads its assets."""
    return f"{options.app_prefix}/{BASE_LAYER_FILE}?v={build_id()}"


def _config(
    summary: MapSummary,
    options: MapOptions,
    view: MapView,
    inline_data: MapData | None,
    reference_url: str | None,
    carried: bytes | None,
) -> dict[str, Any]:
    """Return what the page script starts from: addresses, colours, the view, the messages."""
    lang = options.lang
    light_credit, minimap_credit = credits(lang, ("map.credit.light", "map.credit.minimap"))
    config: dict[str, Any] = {
        "dataUrl": None if inline_data else options.data_url,
        "incidentsCarried": carried is not None,
        "referenceUrl": reference_url,
        "offline": {
            "url": None if reference_url is None else _base_layer_url(options),
            "base": options.base_map.value,
        },
        "snippetUrl": options.snippet_url,
        "chartImageUrl": options.chart_image_url,
        "colors": EVENT_COLORS,
        "view": view.as_script_data(),
        "keep": {name: value for name, value in view.as_query().items() if name in KEPT_PARAMETERS},
        "defaultLayers": sorted(DEFAULT_LAYERS),
        "layerNames": sorted(Layer),
        "bounds": summary.bounds,
        "fitMaxZoom": FIT_MAX_ZOOM,
        "defaultCenter": DEFAULT_CENTER,
        "defaultZoom": DEFAULT_ZOOM,
        "title": view.caption.title or options.page_title,
        "chrome": options.chrome.value,
        "lang": lang,
        "locale": message("embed.locale", lang).replace("_", "-"),
        "formats": page_formats(lang),
        "messages": page_messages(lang),
        "attributions": credits(lang),
        "placeSearch": place_search(options.geocode_url),
        "baseMaps": [
            {
                "id": BaseMap.OSM.value,
                "name": "layer.osm",
                "url": OSM_TILES,
                "attribution": credits(lang, ("map.credit.osm",))[0],
                "native": 19,
            },
            {
                "id": BaseMap.LIGHT.value,
                "name": "layer.light",
                "url": LIGHT_TILES,
                "attribution": light_credit,
                "native": 16,
            },
        ],
        "minimapAttribution": minimap_credit,
        "zoneMetres": round(INTERCEPTION_ZONE_M),
        "minimap": options.chrome is Chrome.FULL,
        "plugins": None if options.assets is AssetMode.INLINE else _plugins(options),
    }
    if inline_data is not None:
        config["details"] = inline_data.all_details()
    return config


def _plugins(options: MapOptions) -> dict[str, dict[str, str | None]]:
    """Where the page loads each Leaflet plugin from when it needs it (with its integrity)."""
    pinned = options.assets is AssetMode.CDN
    found: dict[str, dict[str, str | None]] = {}
    for name, files in PLUGINS.items():
        for file in files:
            found.setdefault(name, {})[file.kind] = asset_url(
                file, options.assets, options.asset_prefix
            )
            found[name][f"{file.kind}Integrity"] = integrity(file) if pinned else None
    return found


def app_file(name: str) -> bytes:
    """Return one of the files a server serves under :data:`APP_PREFIX`.

    Raises
    ------
    KeyError
        When ``name`` is not the page script, its styles, their bundles with
        Leaflet, the page icon or the reference layers.
    """
    if name == REFERENCE_FILE:
        return reference_resource()
    if name == BASE_LAYER_FILE:
        return base_layer_resource()
    if name in BUNDLE_FILES:
        return _bundle(name.rsplit(".", 1)[-1])
    if name not in APP_FILES:
        raise KeyError(name)
    return template_text(name).encode("utf-8")


@cache
def _bundle(kind: str) -> bytes:
    """Return Leaflet's and the clustering library's files of ``kind`` followed by the page's own.

    Styles refer to their images inside them (data: URIs), as the bundle is
    served from another folder than Leaflet's.
    """
    parts = [inline_text(file) for file in CORE_FILES if file.kind == kind]
    if kind == "js":
        parts.append(template_text("offline.js"))  # the base maps, before the page script
    parts.append(template_text(f"launchmap.{kind}"))
    separator = "\n;\n" if kind == "js" else "\n"
    return separator.join(parts).encode("utf-8")


@cache
def reference_resource() -> bytes:
    """Return the reference layers, compressed: shoreline, zone, search places, chart axis, names.

    They come from bundled data only, so they change only with launchmap.
    """
    places = search_places()
    chart_places = reference_places()
    document = {
        "shoreline": _shoreline_geojson(),
        "zone": json.loads(zone_geojson()),
        "places": places,
        "chartPlaces": chart_places,
        "names": local_names([place[0] for place in places] + [place[0] for place in chart_places]),
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


@cache
def build_id() -> str:
    """Return a digest of everything a page loads that only a new launchmap changes.

    It names the page script, its styles and the reference layers in their
    addresses (so browsers and CDNs may keep them for good), and enters every
    page's ETag (so a new launchmap never serves an old page as current).
    """
    digest = hashlib.sha256()
    for name in (*APP_FILES, *PAGE_TEMPLATES):
        digest.update(template_text(name).encode("utf-8"))
    for language in LANGUAGES:
        digest.update(json.dumps(catalogue(language), sort_keys=True).encode("utf-8"))
    digest.update(reference_resource())
    digest.update(base_layer_resource())
    digest.update(json.dumps(EVENT_COLORS).encode("utf-8"))
    for file in PAGE_FILES:
        digest.update(f"{file.package}/{file.path}".encode())
    return digest.hexdigest()[:16]


@cache
def _shoreline_geojson() -> dict[str, Any]:
    """Return the bundled shoreline, simplified for display, as GeoJSON (built once)."""
    shoreline = coastline_layer(CoastLayer.SHORELINE)
    simplified = rounded(shoreline.geometry.simplify(SHORELINE_DISPLAY_TOLERANCE_DEG))
    geojson: dict[str, Any] = gpd.GeoSeries(simplified, crs=shoreline.crs).__geo_interface__
    return geojson
