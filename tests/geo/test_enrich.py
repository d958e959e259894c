"""Enrichment on import: named places get points; every point gets coast fields."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from geo.enrich import awaiting_geocoding, enrich_incidents
from geo.model import Incident, incidents_to_frame


def _frame() -> gpd.GeoDataFrame:
    return incidents_to_frame(
        [
            Incident(event_type="launch", place_name="Gravelines beach"),
            Incident(event_type="embarkation", place_name="2 km off Wissant"),
            Incident(event_type="rescue", place_name="Nowhere-sur-Rien"),
            Incident(event_type="arrival", place_name="Britain"),
            Incident(event_type="debris", place_name="Wimereux", lon=1.6, lat=50.77),
            Incident(
                event_type="arrival",
                place_name="United Kingdom",
                country="GB",
                location_precision="country",
            ),
        ]
    )


def test_only_unplaced_named_incidents_without_precision_await_geocoding() -> None:
    assert awaiting_geocoding(_frame()).tolist() == [True, True, True, True, False, False]


def test_enrichment_places_what_it_can_and_reports_the_rest() -> None:
    result = enrich_incidents(_frame())
    frame = result.incidents
    beach, offshore, unknown, britain, placed, country = (frame.iloc[i] for i in range(6))
    assert beach.place_id == "lm:plage-de-gravelines" and beach.location_precision == "site"
    assert abs(beach.shore_distance_m) < 100
    assert offshore.location_precision == "area" and offshore.shore_distance_m > 0
    assert offshore.country == "FR"
    assert unknown.geometry is None and pd.isna(unknown.location_precision)
    assert (
        britain.geometry is None
        and britain.country == "GB"
        and britain.location_precision == "country"
    )
    assert placed.place_id is None  # a point given in the file is kept as it is
    assert placed.geometry.x == pytest.approx(1.6)
    assert country.location_precision == "country"
    assert result.geocoded == 3
    (missing,) = result.unresolved
    assert missing.place_name == "Nowhere-sur-Rien" and missing.incident_id == unknown.id
    assert "Nowhere" in missing.reason or "nowhere" in missing.reason
    assert missing.candidates


def test_every_placed_incident_gets_coast_fields() -> None:
    frame = enrich_incidents(_frame()).incidents
    placed = frame[frame.geometry.notna()]
    assert placed["coast_km"].notna().all() and placed["nearest_place"].notna().all()
    assert placed["shore_distance_m"].notna().all()
    unplaced = frame[frame.geometry.isna()]
    assert unplaced["coast_km"].isna().all() and unplaced["nearest_place"].isna().all()
    assert frame.loc[frame["place_name"] == "Wimereux", "nearest_place"].item() == "Wimereux"


def test_ids_do_not_change_when_geocoded() -> None:
    frame = _frame()
    assert enrich_incidents(frame).incidents["id"].tolist() == frame["id"].tolist()


def test_progress_follows_distinct_names() -> None:
    calls: list[tuple[int, int]] = []
    frame = incidents_to_frame(
        [Incident(event_type="launch", place_name="Calais", people=n) for n in range(5)]
    )
    enrich_incidents(frame, on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]
