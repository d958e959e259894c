"""``launchmap publish``: the map as a folder of static files, for any static host or CDN."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    EndOption,
    JsonFlag,
    NoSeedFlag,
    StartOption,
    TypesOption,
    app,
    count,
    emit,
    opened_store,
    reported_errors,
    settings_for,
    working,
)


@app.command("publish")
def publish_command(
    folder: Annotated[
        Path, typer.Argument(help="Folder to write the site into (created if missing).")
    ],
    start: StartOption = None,
    end: EndOption = None,
    types: TypesOption = None,
    lang: Annotated[
        str, typer.Option(help="Language of the pages: en (French comes in a later launchmap).")
    ] = "en",
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Public address the folder will have (https://…/): the snippet's links start "
            "with it; without it they are relative to the folder.",
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title of the pages and images.")] = None,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Write the map of the stored incidents as a static site: pages, data, images, snippet.

    The folder holds index.html (the map), embed.html (for an iframe), the data,
    Leaflet and its plugins, map.png, chart.png, card.png and snippet.html (the
    HTML to paste into an article). Serve it as it is from any static host.
    """
    from geo.errors import UnsupportedFormatError
    from geo.store import IncidentQuery
    from maps.publish import PublishOptions, publish
    from maps.view import parse_view

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
        view = parse_view(start=start, end=end, types=types)
        if base_url is not None and not base_url.startswith(("https://", "http://")):
            raise UnsupportedFormatError(
                f"--base-url must be an http:// or https:// address, got {base_url!r}"
            )
        if folder.exists() and not folder.is_dir():
            raise UnsupportedFormatError(f"{folder} exists and is not a folder")
        options = PublishOptions(view=view, lang=lang, title=title, base_url=base_url)
        with opened_store(settings) as store:
            incidents = store.query(IncidentQuery()).incidents
        with working(f"Writing {folder}"):
            result = publish(incidents, folder, options)
    snippet = folder / "snippet.html"
    emit(
        as_json,
        {
            "folder": str(folder),
            "incidents": result.incidents,
            "drawn": result.drawn,
            "files": len(result.files),
            "bytes": result.bytes_written,
            "snippet": str(snippet),
        },
        f"Wrote {folder}: {count(result.incidents, 'incident')} ({result.drawn} on the map), "
        f"{len(result.files)} files, {result.bytes_written / 1e6:.1f} MB. Serve the folder as it "
        f"is; paste {snippet} into an article"
        + ("." if base_url else " (its links are relative: give --base-url for another site)."),
    )
