"""Synthetic launch sites shared by the benchmarks that need incidents along the coast."""

from __future__ import annotations

import numpy as np

from geo.coast import point_at_coast_km

SITES = 60
DUNKIRK_KM, BERCK_KM = 12.5, 128.0


def launch_sites(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Place :data:`SITES` launch sites on the coast from Dunkirk to Berck and share incidents out.

    Returns the sites' (lon, lat) and, for each of ``count`` incidents, the
    index of its site; some sites are much busier than others, as on the real
    coast.
    """
    site_km = np.sort(rng.uniform(DUNKIRK_KM, BERCK_KM, SITES))
    sites = np.array([point_at_coast_km(float(km)) for km in site_km])
    busy = rng.gamma(0.8, size=SITES)
    site = rng.choice(SITES, size=count, p=busy / busy.sum())
    return sites, site
