"""``launchmap hotspots``: launch hotspots among the stored incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from api.cli._clustering import (
    DEFAULTS,
    EpsKilometresOption,
    EpsMetresOption,
    GapDaysOption,
    MethodOption,
    MinClusterSizeOption,
    MinSamplesOption,
    RolesOption,
    WeightOption,
    cluster_params,
)
from api.cli._common import (
    DatabaseUrlOption,
    DataDirOption,
    NoSeedFlag,
    app,
    cell,
    opened_store,
    print_json,
    reported_errors,
    settings_for,
    stdout,
)

if TYPE_CHECKING:
    import geopandas as gpd
    from rich.table import Table

    from geo.cluster_params import ClusterParams


@app.command("hotspots")
def hotspots_command(
    method: MethodOption = DEFAULTS.method,
    eps_m: EpsMetresOption = DEFAULTS.eps_m,
    min_samples: MinSamplesOption = DEFAULTS.min_samples,
    eps_km: EpsKilometresOption = DEFAULTS.eps_km,
    gap_days: GapDaysOption = DEFAULTS.gap_days,
    min_cluster_size: MinClusterSizeOption = DEFAULTS.min_cluster_size,
    weight: WeightOption = DEFAULTS.weight,
    roles: RolesOption = None,
    data_dir: DataDirOption = None,
    database_url: DatabaseUrlOption = None,
    no_seed: NoSeedFlag = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the hotspots as a GeoJSON FeatureCollection.")
    ] = False,
) -> None:
    """Find launch hotspots among the stored incidents, listed along the coast from Belgium."""
    from geo.cluster import cluster_incidents, hotspot_features, hotspots
    from geo.store import IncidentQuery

    settings = settings_for(data_dir, no_seed, database_url)
    with reported_errors():
        params = cluster_params(
            method, eps_m, min_samples, eps_km, gap_days, min_cluster_size, weight, roles
        )
        with opened_store(settings) as store:
            incidents = store.query(IncidentQuery()).incidents
        found = hotspots(cluster_incidents(incidents, params))
    if as_json:
        collection = {"type": "FeatureCollection", "features": hotspot_features(found)}
        print_json(collection | {"clustering": params.as_dict()})
        return
    stdout.print(_hotspot_table(found, params))


def _hotspot_table(found: gpd.GeoDataFrame, params: ClusterParams) -> Table:
    """Lay hotspots out as a table, the clustering named in its title."""
    from rich.table import Table

    settings = ", ".join(f"{key}={value}" for key, value in params.as_dict().items())
    table = Table(title=f"{len(found)} hotspots ({settings})", title_justify="left")
    for heading in ("id", "label", "incidents", "people", "boats", "first", "last", "coast km"):
        table.add_column(
            heading, justify="right" if heading in ("incidents", "people", "boats") else "left"
        )
    for row in found.itertuples():
        table.add_row(
            escape(str(row.id)),
            escape(str(row.label)),
            str(row.incidents),
            cell(row.people),
            cell(row.boats),
            cell(row.first_date),
            cell(row.last_date),
            f"{row.coast_km_from:.1f} – {row.coast_km_to:.1f}",
        )
    return table
