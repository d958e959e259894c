"""A static publish: the map as a folder of files that any static host or CDN serves as it is.

``launchmap publish DIR`` writes, from the incidents a view selects:

- ``index.html`` (the map) and ``embed.html`` (the map for an iframe): the
  same page shells as the server's ``/map`` and ``/embed``;
- ``data/``: the data resource and its details chunks (:mod:`maps.data_resource`);
- ``assets/launchmap/`` (the page script, its styles, the reference layers)
  and ``assets/vendor/`` (Leaflet and its plugins, with their images);
- ``map.png``, ``chart.png`` and ``card.png`` (the social card);
- ``snippet.html``: the embed snippet to paste into an article, and with a
  public address (``base_url``) ``oembed.json``, its oEmbed answer.

Every address inside the folder is relative, so it works wherever it is
served; the snippet's addresses start with ``base_url`` when one is given
(an article on another site needs them absolute), and with it the pages
carry their link preview tags (Open Graph, Twitter: the card) too. No page
asks anything of a launchmap server or of any other host: the pages show the
offline base map (:mod:`maps.base_layer`, in ``assets/launchmap/``), and a
reader may still choose a tile server's in the layer control. Every word is
in the publish's language (pages, snippet, images).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import pandas as pd

from maps.assets import AssetMode, vendor_copies
from maps.base_layer import BASE_LAYER_FILE
from maps.data_resource import INCIDENTS_FILE, build_map_data, details_file
from maps.incident_map import (
    APP_FILES,
    BUNDLE_FILES,
    REFERENCE_FILE,
    Chrome,
    MapOptions,
    SocialLinks,
    app_file,
    render_page,
)
from maps.messages import DEFAULT_LANGUAGE, catalogue
from maps.page_data import describe
from maps.snippet import (
    FrameSize,
    SnippetLinks,
    Thumbnail,
    oembed_answer,
    oembed_size,
    snippet_html,
)
from maps.static import (
    DEFAULT_SIZE_PX,
    SOCIAL_CARD_PX,
    image_options,
    render_chart_png,
    render_map_png,
)
from maps.view import UNFILTERED, BaseMap, MapView

MAP_PAGE, EMBED_PAGE, SNIPPET_FILE = "index.html", "embed.html", "snippet.html"
OEMBED_FILE = "oembed.json"
MAP_IMAGE, CHART_IMAGE, CARD_IMAGE = "map.png", "chart.png", "card.png"
DATA_FOLDER, APP_FOLDER, VENDOR_FOLDER = "data", "assets/launchmap", "assets/vendor"


@dataclass(frozen=True)
class PublishOptions:
    """What a publish shows: the view (filters, area, layers, caption), language, title, address.

    ``title`` is the pages' and images' title when the view's caption has none.
    """

    view: MapView = UNFILTERED
    lang: str = DEFAULT_LANGUAGE
    title: str | None = None
    base_url: str | None = None


@dataclass
class Published:
    """What a publish wrote: the folder, its files, and the incidents in it."""

    folder: Path
    files: list[str] = field(default_factory=list)
    incidents: int = 0
    drawn: int = 0
    bytes_written: int = 0


def publish(incidents: gpd.GeoDataFrame, folder: Path, options: PublishOptions) -> Published:
    """Write the static map of the incidents ``options.view`` selects into ``folder``.

    The folder is created if needed; files of an earlier publish are replaced,
    other files are left alone.

    Parameters
    ----------
    incidents
        Every incident (EPSG:4326, with the derived coast fields).
    folder
        Where to write the site.
    options
        The filters (which incidents the site holds, and the view the pages
        start with), the language, a title and the address the site will have.
    """
    catalogue(options.lang)  # refuses a language without a catalogue before writing anything
    selected = options.view.select(incidents)
    data = build_map_data(selected, _digest(selected))
    result = Published(folder, incidents=len(selected), drawn=len(data.placed))
    summary = data.summary(UNFILTERED)
    base = options.base_url.rstrip("/") + "/" if options.base_url else ""
    common = MapOptions(
        title=options.title,
        assets=AssetMode.LOCAL,
        asset_prefix=VENDOR_FOLDER,
        app_prefix=APP_FOLDER,
        data_url=f"{DATA_FOLDER}/",
        image_url=MAP_IMAGE,
        lang=options.lang,
        base_map=BaseMap.OFFLINE,
    )
    pages = {
        MAP_PAGE: replace(common, chrome=Chrome.FULL, chart_image_url=CHART_IMAGE),
        EMBED_PAGE: replace(common, chrome=Chrome.EMBED),
    }
    for name, page_options in pages.items():
        if base:
            page_options = replace(page_options, social=_social(base, name))
        _write(result, name, render_page(summary, page_options, options.view, data).encode("utf-8"))
    _write(result, f"{DATA_FOLDER}/{INCIDENTS_FILE}", data.incidents)
    for chunk in range(data.chunk_count):
        _write(result, f"{DATA_FOLDER}/{details_file(chunk)}", data.details(chunk))
    for name in (*APP_FILES, *BUNDLE_FILES, REFERENCE_FILE, BASE_LAYER_FILE):
        _write(result, f"{APP_FOLDER}/{name}", app_file(name))
    for source, relative in vendor_copies():
        _write(result, f"{VENDOR_FOLDER}/{relative}", source.read_bytes())
    _write_images(result, incidents, options)
    links = SnippetLinks(base + EMBED_PAGE, base + MAP_PAGE, base + MAP_IMAGE)
    alt = describe(summary, options.lang)
    title = options.view.caption.title or options.title
    snippet = snippet_html(links, alt, None, options.lang, title)
    _write(result, SNIPPET_FILE, snippet.encode("utf-8"))
    if base:
        _write(result, OEMBED_FILE, _oembed(links, base, alt, options).encode("utf-8"))
    return result


def _oembed(links: SnippetLinks, base: str, alt: str, options: PublishOptions) -> str:
    """Write the site's oEmbed answer (a file: the pages' discovery link names it)."""
    size = oembed_size(None)
    caption = options.view.caption
    snippet = snippet_html(links, alt, size.height, options.lang, caption.title, size.width)
    answer = oembed_answer(
        snippet,
        links,
        size,
        title=caption.title or options.title or alt,
        provider_url=base,
        thumbnail=Thumbnail(base + MAP_IMAGE, FrameSize(*DEFAULT_SIZE_PX)),
        author=caption.byline,
    )
    return json.dumps(answer, ensure_ascii=False, indent=1)


def _social(base: str, page: str) -> SocialLinks:
    """Return a published page's link preview addresses under the folder's public address.

    A static folder has no oEmbed endpoint: its discovery link names the
    oEmbed answer written beside the pages.
    """
    return SocialLinks(
        page_url=base + page,
        card_url=base + CARD_IMAGE,
        oembed_url=base + OEMBED_FILE,
        card_size=SOCIAL_CARD_PX,
    )


def _write_images(result: Published, incidents: gpd.GeoDataFrame, options: PublishOptions) -> None:
    """Draw the static map, the chart and the social card of the view."""
    view = options.view
    sized = image_options(view, title=options.title, lang=options.lang)
    card = image_options(view, card=True, title=options.title, lang=options.lang)
    _write(result, MAP_IMAGE, render_map_png(incidents, sized))
    _write(result, CHART_IMAGE, render_chart_png(incidents, sized))
    _write(result, CARD_IMAGE, render_map_png(incidents, card))


def _write(result: Published, relative: str, content: bytes) -> None:
    """Write one file of the site (through a temporary name, so a reader never sees half)."""
    path = result.folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(content)
    partial.replace(path)
    result.files.append(relative)
    result.bytes_written += len(content)


def _digest(incidents: gpd.GeoDataFrame) -> str:
    """Return a digest of the incidents: the key of the published data."""
    hashed = pd.util.hash_pandas_object(incidents.drop(columns=incidents.geometry.name).astype(str))
    digest = hashlib.sha256(hashed.to_numpy().tobytes())
    digest.update(b"".join(wkb or b"" for wkb in incidents.geometry.to_wkb()))
    return digest.hexdigest()[:32]
