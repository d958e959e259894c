"""The clustering options ``hotspots`` and ``process`` share, and the parameters they make."""

from __future__ import annotations

from typing import Annotated

import typer

from geo.cluster_params import DEFAULT_PARAMS, ClusterParams, parse_roles
from geo.vocabulary import ClusterMethod

MethodOption = Annotated[ClusterMethod, typer.Option(help="Clustering method.")]
EpsMetresOption = Annotated[
    float, typer.Option(help="dbscan, space-time: neighbour distance in metres.")
]
MinSamplesOption = Annotated[int, typer.Option(help="Incidents (or weight) that make a cluster.")]
EpsKilometresOption = Annotated[
    float, typer.Option(help="coast: largest gap along the coast in km.")
]
GapDaysOption = Annotated[float, typer.Option(help="space-time: largest gap in days.")]
MinClusterSizeOption = Annotated[int, typer.Option(help="hdbscan: smallest cluster.")]
WeightOption = Annotated[
    str, typer.Option(help="Count each incident once (none) or by its people or boats.")
]
RolesOption = Annotated[
    str | None,
    typer.Option(
        help="Location roles clustered, comma-separated, or 'all' (default: departure,pickup)."
    ),
]
DEFAULTS = DEFAULT_PARAMS


def cluster_params(
    method: ClusterMethod,
    eps_m: float,
    min_samples: int,
    eps_km: float,
    gap_days: float,
    min_cluster_size: int,
    weight: str,
    roles: str | None,
) -> ClusterParams:
    """Make the clustering parameters from the command's options (checked, naming a bad one)."""
    return ClusterParams(
        method=method,
        eps_m=eps_m,
        min_samples=min_samples,
        eps_km=eps_km,
        gap_days=gap_days,
        min_cluster_size=min_cluster_size,
        weight=weight,
        roles=parse_roles(roles),
    )
