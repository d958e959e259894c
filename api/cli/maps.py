"""``launchmap map``: a standalone map (HTML or PNG) or chart of the incidents in a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli._common import (
    EndOption,
    InputArgument,
    JsonFlag,
    OnlineFlag,
    SkipInvalidFlag,
    StartOption,
    TypesOption,
    app,
    count,
    emit,
    enriched,
    online_fallback,
    reported_errors,
    settings_for,
    unresolved_json,
    working,
)
from geo.errors import UnsupportedFormatError
from maps.assets import AssetMode

if TYPE_CHECKING:
    import geopandas as gpd

    from maps.static import ImageOptions


@app.command("map")
def map_command(
    input_path: InputArgument,
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="HTML file (.png with --png or --chart).", dir_okay=False
        ),
    ],
    title: Annotated[
        str | None, typer.Option(help="Title of the map page (default: the map's own).")
    ] = None,
    assets: Annotated[
        AssetMode,
        typer.Option(help="inline: one self-contained file; cdn: load Leaflet from unpkg.com."),
    ] = AssetMode.INLINE,
    png: Annotated[
        bool, typer.Option("--png", help="Write a static PNG map (drawn offline) instead.")
    ] = False,
    chart: Annotated[
        bool,
        typer.Option("--chart", help="Write a PNG chart of coast kilometre against date instead."),
    ] = False,
    width: Annotated[
        int | None, typer.Option(help="PNG width in pixels, 200 to 3000 (default 1200).")
    ] = None,
    height: Annotated[
        int | None, typer.Option(help="PNG height in pixels, 200 to 3000 (default 800).")
    ] = None,
    card: Annotated[bool, typer.Option("--card", help="PNG of the 1200x630 social card.")] = False,
    start: StartOption = None,
    end: EndOption = None,
    types: TypesOption = None,
    skip_invalid: SkipInvalidFlag = False,
    online: OnlineFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Write a standalone map (HTML or PNG) of the incidents in a CSV, GeoJSON or GeoPackage file.

    With --png, the static map; with --chart, the chart of coast kilometre against
    date. --start, --end and --types keep only some incidents.
    """
    from geo.io import read_incidents
    from geo.model import placed_mask
    from maps.chart import chart_points
    from maps.incident_map import MapOptions, render_map_html
    from maps.static import image_options
    from maps.view import parse_view

    with reported_errors():
        view = parse_view(start=start, end=end, types=types)
        sized = card or width is not None or height is not None
        render = _image_renderer(output, png, chart, sized)
        options = image_options(view, width=width, height=height, card=card, title=title)
        if render is None and assets is AssetMode.LOCAL:
            raise UnsupportedFormatError(
                "--assets local needs the launchmap server; use inline or cdn for a file"
            )
        with working(f"Reading {input_path.name}"):
            result = read_incidents(input_path, skip_invalid=skip_invalid)
        placed_incidents = enriched(result.incidents, online_fallback(settings_for(), online))
        incidents = view.select(placed_incidents.incidents)
        if render is None:
            page_options = (
                MapOptions(assets=assets)
                if title is None
                else MapOptions(title=title, assets=assets)
            )
            output.write_text(render_map_html(incidents, page_options), encoding="utf-8")
        else:
            output.write_bytes(render(placed_incidents.incidents, options))
    drawn = int(chart_points(incidents).drawn.sum()) if chart else int(placed_mask(incidents).sum())
    emit(
        as_json,
        {
            "output": str(output),
            "incidents": len(incidents),
            "drawn": drawn,
            "geocoded": placed_incidents.geocoded,
            "unresolved": unresolved_json(placed_incidents),
        },
        f"Wrote {output}: {count(len(incidents), 'incident')}, {drawn} drawn on the "
        + (
            f"chart, {len(incidents) - drawn} without a date or not on the French coast."
            if chart
            else f"map, {len(incidents) - drawn} placed only at country level."
        ),
        result.skipped,
    )


def _image_renderer(
    output: Path, png: bool, chart: bool, sized: bool
) -> Callable[[gpd.GeoDataFrame, ImageOptions], bytes] | None:
    """Return the PNG renderer ``--png`` or ``--chart`` asks for (None for the HTML map).

    The output's name must agree: ``.png`` for an image, anything else for HTML.
    """
    if png and chart:
        raise UnsupportedFormatError("--png and --chart each write one image: give one of them")
    is_png_name = output.suffix.lower() == ".png"
    if (png or chart) and not is_png_name:
        raise UnsupportedFormatError(
            f"--png and --chart write a PNG image: the output must end in .png, got {str(output)!r}"
        )
    if not (png or chart):
        if is_png_name:
            raise UnsupportedFormatError(
                f"output {str(output)!r} is a PNG: add --png for the static map or --chart for "
                "the chart (the interactive map is an .html file)"
            )
        if sized:
            raise UnsupportedFormatError("--width, --height and --card size --png and --chart")
        return None
    from maps.static import render_chart_png, render_map_png

    return render_chart_png if chart else render_map_png
