"""The embed snippet: the HTML a reporter pastes into an article to show a map.

A responsive iframe of the embed page (4:3 unless a height is given), with a
title and a caption carrying the map's text description, links to the full
map and the static image, and the attributions. The server writes it for any
view (``/embed/snippet``); a static publish writes it for its own pages.
"""

from __future__ import annotations

import html

from maps.messages import DEFAULT_LANGUAGE, message

MIN_HEIGHT_PX, MAX_HEIGHT_PX = 200, 2000


def snippet_html(
    links: dict[str, str], alt: str, height: int | None, language: str = DEFAULT_LANGUAGE
) -> str:
    """Write the responsive iframe, its caption, attribution and link to the static image.

    ``links`` holds the addresses of the ``embed`` page, the full ``map`` and
    the static ``image``; ``alt`` is the map's description.
    """
    embed, full, image = (html.escape(links[key]) for key in ("embed", "map", "image"))
    described = html.escape(alt)
    shape = f"height:{height}px" if height is not None else "aspect-ratio:4/3;max-height:85vh"
    shape += f";min-height:{MIN_HEIGHT_PX}px"
    full_map, static_image, credits = (
        html.escape(message(name, language))
        for name in ("snippet.full_map", "snippet.image", "snippet.credits")
    )
    return (
        '<figure class="launchmap-embed" style="margin:0">\n'
        f'  <div style="position:relative;width:100%;{shape}">\n'
        f'    <iframe src="{embed}" title="{described}" loading="lazy" allowfullscreen\n'
        '      referrerpolicy="strict-origin-when-cross-origin"\n'
        '      style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>\n'
        "  </div>\n"
        f'  <figcaption style="font:12px/1.4 sans-serif">{described} '
        f'<a href="{full}">{full_map}</a> &middot; '
        f'<a href="{image}">{static_image}</a> &middot; '
        f"{credits}</figcaption>\n"
        "</figure>\n"
    )
