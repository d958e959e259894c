"""The embed builder: the page where a reporter shapes the map they embed in an article.

A form (title, subtitle, source line, byline, language, area, layers, base
map, dates, event types) beside a live preview, an iframe of the embed page
it describes. Every choice is a parameter of the embed's address (see
:mod:`maps.view`): the page script (``templates/builder.js``) rebuilds that
address as the form changes, shows the snippet the server writes for it, with
a copy button, and links the static image and the social card of the same
view. The page starts from the view of its own address, so "Embed this view"
on the map opens it with the reader's filters set.

Every value of the form is written by the template (escaped) or set by the
script as a property, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.coast import INTERCEPTION_ZONE_M
from geo.vocabulary import EventType
from maps._templates import environment, template_text
from maps.assets import safe_in_element
from maps.messages import LANGUAGES, catalogue, message
from maps.page_data import script_json
from maps.view import CAPTION_LIMITS, DEFAULT_LAYERS, BaseMap, Layer, MapView

BUILDER_TEMPLATES = ("builder.html", "builder.js", "builder.css")
"""The builder page, its script and its styles (the two last inlined in the page)."""
BUILDER_MESSAGE_PREFIX = "builder."
_LAYER_MESSAGES = {Layer.HEATMAP: "layer.heat"}
"""Layers whose name in the catalogue is not ``layer.<id>``."""
_CARRIED = ("candidates", "step")
"""Parameters of the address the form has no field for: kept as they came."""
_CENTRE = ("lat", "lon", "zoom")
"""A centre the builder was opened with: kept until the preview turns it into an area."""


@dataclass(frozen=True)
class BuilderAddresses:
    """Where the builder's preview, snippet, images, full map and icon are (this server's paths)."""

    embed: str
    snippet: str
    image: str
    map: str
    favicon: str


@dataclass(frozen=True)
class Choice:
    """One option of a list in the form: its value, its label and whether it is chosen."""

    value: str
    label: str
    chosen: bool


def render_builder_page(view: MapView, lang: str, addresses: BuilderAddresses) -> str:
    """Render the builder page, its form filled from ``view``, its words in ``lang``.

    Parameters
    ----------
    view
        The view the form starts from (the address the builder was opened with).
    lang
        The language of the builder's own words.
    addresses
        Where the embed page, the snippet, the static image, the full map and the icon are.
    """
    messages = catalogue(lang)
    query = view.as_query()
    context = {
        "lang": lang,
        "m": messages,
        "view": view,
        "query": query,
        "limits": CAPTION_LIMITS,
        "bbox": list(view.bbox) if view.bbox is not None else ["", "", "", ""],
        "languages": _languages(view, lang),
        "bases": _bases(view, lang),
        "layers": _layers(view, lang),
        "types": _types(view, lang),
        "addresses": addresses,
        "config": script_json(_config(view, lang, addresses)),
        "script": safe_in_element(template_text("builder.js")),
        "styles": safe_in_element(template_text("builder.css")),
    }
    return environment().get_template("builder.html").render(context)


def _languages(view: MapView, lang: str) -> list[Choice]:
    """Return the embed's language choices: the reader's own, then each catalogue's."""
    reader = Choice("", message("builder.lang.reader", lang), view.lang is None)
    return [reader] + [
        Choice(code, message("builder.lang.name", code), view.lang == code) for code in LANGUAGES
    ]


def _bases(view: MapView, lang: str) -> list[Choice]:
    """Return the base map choices: the page's default, then each base map."""
    default = Choice("", message("builder.base.default", lang), view.base is None)
    return [default] + [
        Choice(base.value, message(f"layer.{base.value}", lang), view.base is base)
        for base in BaseMap
    ]


def _layers(view: MapView, lang: str) -> list[Choice]:
    """Return the overlays, each ticked when the view shows it."""
    zone_metres = round(INTERCEPTION_ZONE_M)
    return [
        Choice(
            layer.value,
            message(_LAYER_MESSAGES.get(layer, f"layer.{layer.value}"), lang, metres=zone_metres),
            layer in view.layers,
        )
        for layer in Layer
    ]


def _types(view: MapView, lang: str) -> list[Choice]:
    """Return the event types, each ticked when the view shows it (all when none is named)."""
    return [
        Choice(
            kind.value,
            message(f"legend.type.{kind.value}", lang),
            not view.event_types or kind in view.event_types,
        )
        for kind in EventType
    ]


def _config(view: MapView, lang: str, addresses: BuilderAddresses) -> dict[str, Any]:
    """Return what the builder script starts from: addresses, defaults, carried values, words."""
    query = view.as_query()
    return {
        "embedUrl": addresses.embed,
        "snippetUrl": addresses.snippet,
        "imageUrl": addresses.image,
        "mapUrl": addresses.map,
        "defaultLayers": sorted(DEFAULT_LAYERS),
        "carried": {name: query[name] for name in _CARRIED if name in query},
        "centre": {name: query[name] for name in _CENTRE if name in query},
        "messages": {
            name: text
            for name, text in catalogue(lang).items()
            if name.startswith(BUILDER_MESSAGE_PREFIX)
        },
    }
