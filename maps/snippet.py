"""The embed snippet and its oEmbed answer: the HTML a reporter pastes into an article.

A responsive iframe of the embed page (4:3 unless a height is given), with a
title and a caption carrying the map's text description, links to the full
map and the static image, and the attributions, all in the page's language.
The server writes it for any view (``/embed/snippet``, and as oEmbed at
``/oembed``); a static publish writes it for its own pages.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from maps.errors import MapViewError
from maps.messages import DEFAULT_LANGUAGE, message

MIN_HEIGHT_PX, MAX_HEIGHT_PX = 200, 2000
MIN_WIDTH_PX, DEFAULT_WIDTH_PX = 200, 640
"""An oEmbed frame is 640 pixels wide unless the consumer allows less (not under 200)."""
PROVIDER = "launchmap"


@dataclass(frozen=True)
class SnippetLinks:
    """The addresses a snippet points to: the embed page, the full map and the static image."""

    embed: str
    map: str
    image: str


def check_height(height: int | None, name: str = "height") -> int | None:
    """Return a frame height in range (or None), or raise a MapViewError naming it."""
    if height is not None and not MIN_HEIGHT_PX <= height <= MAX_HEIGHT_PX:
        raise MapViewError(
            "error.pixels", name=name, low=MIN_HEIGHT_PX, high=MAX_HEIGHT_PX, value=height
        )
    return height


def snippet_html(
    links: SnippetLinks,
    alt: str,
    height: int | None,
    language: str = DEFAULT_LANGUAGE,
    title: str | None = None,
    width: int | None = None,
) -> str:
    """Write the responsive iframe, its caption, attribution and link to the static image.

    Parameters
    ----------
    links
        Where the frame, the full map and the static image are.
    alt
        The map's description (the caption, and the frame's title without ``title``).
    height
        A fixed frame height in pixels; None keeps a 4:3 shape.
    language
        The language of the caption's words.
    title
        The reporter's title, the frame's accessible name when given.
    width
        The widest the figure may be, in pixels (an oEmbed consumer's limit).
    """
    embed, full, image = (html.escape(link) for link in (links.embed, links.map, links.image))
    described = html.escape(alt)
    named = html.escape(title) if title else described
    shape = f"height:{height}px" if height is not None else "aspect-ratio:4/3;max-height:85vh"
    shape += f";min-height:{MIN_HEIGHT_PX}px"
    widest = f";max-width:{width}px" if width is not None else ""
    full_map, static_image, credits = (
        html.escape(message(name, language))
        for name in ("snippet.full_map", "snippet.image", "snippet.credits")
    )
    return (
        f'<figure class="launchmap-embed" lang="{language}" style="margin:0{widest}">\n'
        f'  <div style="position:relative;width:100%;{shape}">\n'
        f'    <iframe src="{embed}" title="{named}" loading="lazy" allowfullscreen\n'
        '      referrerpolicy="strict-origin-when-cross-origin"\n'
        '      style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>\n'
        "  </div>\n"
        f'  <figcaption style="font:12px/1.4 sans-serif">{described} '
        f'<a href="{full}">{full_map}</a> &middot; '
        f'<a href="{image}">{static_image}</a> &middot; '
        f"{credits}</figcaption>\n"
        "</figure>\n"
    )


@dataclass(frozen=True)
class FrameSize:
    """A width and height in pixels: of the frame an oEmbed answer offers, or of its thumbnail."""

    width: int
    height: int


@dataclass(frozen=True)
class Thumbnail:
    """The static image an oEmbed answer offers as its thumbnail."""

    url: str
    size: FrameSize


def oembed_size(
    height: int | None, max_width: int | None = None, max_height: int | None = None
) -> FrameSize:
    """Choose the frame's size within a consumer's ``maxwidth`` and ``maxheight``.

    The frame is :data:`DEFAULT_WIDTH_PX` wide (or ``maxwidth``, if less) and
    4:3 unless ``height`` fixes it; ``maxheight`` caps the height. Neither
    goes under :data:`MIN_WIDTH_PX` or :data:`MIN_HEIGHT_PX`: a consumer that
    allows less gets a 400 naming its limit.
    """
    if max_width is not None and max_width < MIN_WIDTH_PX:
        raise MapViewError("error.at_least", name="maxwidth", low=MIN_WIDTH_PX, value=max_width)
    if max_height is not None and max_height < MIN_HEIGHT_PX:
        raise MapViewError("error.at_least", name="maxheight", low=MIN_HEIGHT_PX, value=max_height)
    width = min(DEFAULT_WIDTH_PX, max_width) if max_width is not None else DEFAULT_WIDTH_PX
    frame_height = height if height is not None else round(width * 3 / 4)
    if max_height is not None:
        frame_height = min(frame_height, max_height)
    return FrameSize(width, frame_height)


def oembed_answer(
    snippet: str,
    links: SnippetLinks,
    size: FrameSize,
    *,
    title: str,
    provider_url: str,
    thumbnail: Thumbnail,
    cache_age_s: int | None = None,
    author: str | None = None,
) -> dict[str, Any]:
    """Return the oEmbed 1.0 ``rich`` answer of a snippet (every field of the spec).

    ``size`` is the frame's; ``cache_age_s`` how long a consumer may keep the
    answer (None: not said); ``author`` the byline.
    """
    answer: dict[str, Any] = {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": PROVIDER,
        "provider_url": provider_url,
        "html": snippet,
        "width": size.width,
        "height": size.height,
        "thumbnail_url": thumbnail.url,
        "thumbnail_width": thumbnail.size.width,
        "thumbnail_height": thumbnail.size.height,
        "url": links.embed,
    }
    if cache_age_s is not None:
        answer["cache_age"] = cache_age_s
    if author:
        answer["author_name"] = author
    return answer
