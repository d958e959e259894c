"""Synthetic launch sites and incidents shared by the benchmarks that need them along the coast."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.coast import point_at_coast_km, with_coast_relations
from geo.model import INCIDENT_COLUMNS

SITES = 60
DUNKIRK_KM, BERCK_KM = 12.5, 128.0
METRES_PER_DEGREE = 111_320.0
NOISE_BOX = (1.45, 50.35, 2.6, 51.1)  # min lon, min lat, max lon, max lat
JITTER_M = (200.0, 2_000.0)


def site_table(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Place :data:`SITES` launch sites on the coast from Dunkirk to Berck, some much busier.

    Returns the sites' (lon, lat) and the share of incidents each one gets.
    """
    site_km = np.sort(rng.uniform(DUNKIRK_KM, BERCK_KM, SITES))
    sites = np.array([point_at_coast_km(float(km)) for km in site_km])
    busy = rng.gamma(0.8, size=SITES)
    return sites, busy / busy.sum()


def launch_sites(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Place :data:`SITES` launch sites on the coast from Dunkirk to Berck and share incidents out.

    Returns the sites' (lon, lat) and, for each of ``count`` incidents, the
    index of its site; some sites are much busier than others, as on the real
    coast.
    """
    sites, share = site_table(rng)
    site = rng.choice(SITES, size=count, p=share)
    return sites, site


# Place names as reports write them, for incidents left for geocoding: plain names, phrases,
# misspellings, and a few the gazetteer cannot place.
PLACE_NAMES = (
    "Wimereux",
    "Gravelines",
    "Calais",
    "Boulogne-sur-Mer",
    "Dunkerque",
    "Hardelot",
    "Équihen-Plage",
    "Wissant",
    "Sangatte",
    "Berck",
    "Le Portel",
    "Audresselles",
    "Ambleteuse",
    "Oye-Plage",
    "Camiers",
    "Stella-Plage",
    "off Gravelines",
    "off Wimereux",
    "3 km off Calais",
    "the beach at Hardelot",
    "Wissant beach",
    "near Boulogne",
    "between Wissant and Audresselles",
    "5 km north of Berck",
    "Grand-Fort-Philippe",
    "Loon-Plage",
    "Bray-Dunes",
    "Zuydcoote",
    "Malo-les-Bains",
    "Wimmereux",
    "Graveline",
    "Nowhere-sur-Mer",
    "Plage du Néant",
)
PLACED_SHARE, NOISE_SHARE, NAMED_SHARE = 0.80, 0.10, 0.07  # the rest: country level only
SYNTHETIC_DTYPES = {
    "id": "str",
    "event_type": "str",
    "date": "str",
    "date_precision": "str",
    "place_name": "str",
    "country": "str",
    "location_precision": "str",
    "location_role": "str",
    "people": "Int64",
    "boats": "Int64",
}


def synthetic_incidents(
    rng: np.random.Generator,
    sites: tuple[np.ndarray, np.ndarray],
    count: int,
    first_id: int = 0,
) -> gpd.GeoDataFrame:
    """Make ``count`` incidents as a large incident file holds them (ids from ``first_id``).

    80 % are placed launches (departure or pickup, a few rescues) scattered
    200 m to 2 km around the ``sites`` of :func:`site_table`, coordinates
    rounded to 5 decimals; 10 % are placed anywhere on the coast and its
    hinterland; 7 % give only a place name, left for geocoding; 3 % are
    placed only at country level. Dates span two years.
    """
    where, share = sites
    site = rng.choice(len(where), size=count, p=share)
    jitter_m = rng.uniform(*JITTER_M, len(where))[site]
    lat = where[site, 1] + rng.normal(0, 1, count) * jitter_m / METRES_PER_DEGREE
    lon = where[site, 0] + rng.normal(0, 1, count) * jitter_m / (
        METRES_PER_DEGREE * np.cos(np.radians(lat))
    )
    kind = rng.random(count)
    noise = (kind >= PLACED_SHARE) & (kind < PLACED_SHARE + NOISE_SHARE)
    lon[noise] = rng.uniform(NOISE_BOX[0], NOISE_BOX[2], int(noise.sum()))
    lat[noise] = rng.uniform(NOISE_BOX[1], NOISE_BOX[3], int(noise.sum()))
    named = (kind >= PLACED_SHARE + NOISE_SHARE) & (kind < PLACED_SHARE + NOISE_SHARE + NAMED_SHARE)
    country = kind >= PLACED_SHARE + NOISE_SHARE + NAMED_SHARE
    placed = ~(named | country)
    roles = rng.choice(["departure", "pickup", "rescue"], size=count, p=[0.7, 0.2, 0.1])
    names = np.asarray(PLACE_NAMES, dtype=object)[rng.integers(0, len(PLACE_NAMES), count)]
    days = rng.integers(0, 731, count)
    frame = pd.DataFrame(
        {
            "id": [f"syn-{n:09d}" for n in range(first_id, first_id + count)],
            "event_type": "launch",
            "date": (np.datetime64("2024-01-01") + days).astype(str),
            "date_precision": "day",
            "place_name": np.where(named, names, np.where(country, "France", None)),
            "country": np.where(country, "FR", None),
            "location_precision": np.where(placed, "exact", np.where(country, "country", None)),
            "location_role": roles,
            "people": rng.integers(5, 70, count),
            "boats": 1,
        }
    ).astype(SYNTHETIC_DTYPES)
    points = np.asarray(gpd.points_from_xy(lon.round(5), lat.round(5)), dtype=object)
    points[~placed] = None
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs="EPSG:4326"))


REPORT_EVENTS = ("launch", "embarkation", "interception", "rescue", "arrival")
REPORT_ROLES = ("departure", "pickup", "interception", "rescue", "disembarkation")
REPORT_PLACES = ("Dunkirk", "Gravelines", "Calais", "Sangatte", "Wissant", "Wimereux", "Boulogne")


def stored_reports(
    count: int, seed: int, *, id_prefix: str, unplaced_share: float = 0.0
) -> gpd.GeoDataFrame:
    """Make ``count`` incidents as a store holds them: every field filled, coast relations too.

    They gather around the launch sites of :func:`launch_sites`, jittered by
    about 200 m to 2 km; event types, roles, places and three years of dates
    vary; each has a description and a source. ``unplaced_share`` of them are
    placed only at country level. Ids are ``<id_prefix>-<n>``.
    """
    rng = np.random.default_rng(seed)
    sites, site = launch_sites(rng, count)
    jitter_deg = rng.uniform(0.002, 0.02, SITES)[site]
    lon = (sites[site, 0] + rng.normal(0, 1, count) * jitter_deg * 1.6).round(5)
    lat = (sites[site, 1] + rng.normal(0, 1, count) * jitter_deg).round(5)
    dates = (np.datetime64("2023-01-01") + rng.integers(0, 3 * 365, count)).astype(str)
    kind = rng.integers(0, len(REPORT_EVENTS), count)
    columns: dict[str, object] = {
        "id": [f"{id_prefix}-{n:08d}" for n in range(count)],
        "event_type": np.array(REPORT_EVENTS)[kind],
        "date": dates,
        "date_precision": "day",
        "place_name": np.array(REPORT_PLACES)[site % len(REPORT_PLACES)],
        "place_id": [f"geonames:{3000000 + s}" for s in site],
        "country": "FR",
        "location_precision": "site",
        "uncertainty_m": 500.0,
        "location_role": np.array(REPORT_ROLES)[kind],
        "people": rng.integers(5, 70, count),
        "boats": 1,
        "description": [f"Synthetic report {n} for a benchmark." for n in range(count)],
        "sources": [
            [{"url": f"https://example.org/news/{n}", "publisher": "Example", "published": day}]
            for n, day in enumerate(dates)
        ],
    }
    frame = pd.DataFrame(
        {
            name: pd.Series(columns.get(name), index=range(count), dtype=dtype)
            for name, dtype in INCIDENT_COLUMNS.items()
        }
    )
    points = np.asarray(gpd.points_from_xy(lon, lat), dtype=object)
    points[rng.random(count) < unplaced_share] = None
    incidents = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs="EPSG:4326"))
    return with_coast_relations(incidents)
