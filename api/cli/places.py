"""``launchmap geocode``: place names and phrases placed offline with the bundled gazetteer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from api.cli._common import (
    OnlineFlag,
    app,
    online_fallback,
    print_json,
    reported_errors,
    settings_for,
    stdout,
)

if TYPE_CHECKING:
    from geo.geocode import GeocodeResult


@app.command("geocode")
def geocode_command(
    queries: Annotated[
        list[str], typer.Argument(help='Place names or phrases, e.g. "off Wimereux".')
    ],
    context: Annotated[
        str | None, typer.Option(help="Text around the name, to choose between homonyms.")
    ] = None,
    online: OnlineFlag = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print GeoJSON: a Feature, or a FeatureCollection.")
    ] = False,
) -> None:
    """Geocode place names offline with the bundled gazetteer (exit 1 if one is not known).

    An organisation ("CROSS Gris-Nez") is named as such: known, but not a place.
    """
    from geo.geocode import geocode_many

    with reported_errors():
        fallback = online_fallback(settings_for(), online)
        results = geocode_many(queries, context=context, fallback=fallback)
    if as_json:
        features = [result.feature() for result in results]
        print_json(
            features[0]
            if len(features) == 1
            else {"type": "FeatureCollection", "features": features}
        )
    else:
        for result in results:
            stdout.print(_describe(result), markup=False, highlight=False)
    if not all(result.found or result.organisation for result in results):
        raise typer.Exit(1)


def _describe(result: GeocodeResult) -> str:
    """Say in one line what a query resolved to."""
    kind = (result.kind or "place").replace("_", " ")
    if result.organisation:
        return (
            f"{result.query}: organisation ({kind}) {result.name} [{result.place_id}], "
            "not a place where incidents happen"
        )
    if not result.found:
        closest = ", ".join(f"{c.name} ({c.country or '-'})" for c in result.candidates)
        return f"{result.query}: not found ({result.reason})" + (
            f"; closest: {closest}" if closest else ""
        )
    where = (
        f"lat {result.lat:.5f}, lon {result.lon:.5f}"
        if result.lon is not None and result.lat is not None
        else "no point"
    )
    radius = f" ± {result.uncertainty_m:,.0f} m" if result.uncertainty_m else ""
    commune = f" in {result.commune}" if result.commune and result.commune != result.name else ""
    return (
        f"{result.query}: {where} ({result.location_precision}{radius}), {result.phrase} of "
        f"{result.name} ({kind}{commune}) [{result.place_id}], score {result.score:g}"
    )
