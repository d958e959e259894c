"""The static map and chart PNGs: size, what is drawn where, text drawn literally, no network."""

from __future__ import annotations

import datetime as dt
import io
import math
import socket
import threading
from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from geo.coast import COASTLINE_BOUNDS
from geo.model import Incident, empty_incident_frame, incidents_to_frame
from geo.vocabulary import EventType
from maps.chart import chart_points, reference_places
from maps.errors import MapViewError
from maps.incident_map import DEFAULT_CENTER, EVENT_COLORS
from maps.messages import message
from maps.static import (
    HOTSPOT_ALPHA,
    HOTSPOT_FILL,
    SEA_COLOR,
    TILE_PX,
    ImageOptions,
    build_chart_figure,
    build_map_figure,
    image_options,
    map_extent,
    png_bytes,
    render_chart_png,
    render_map_png,
)
from maps.view import MapView

Renderer = Callable[[gpd.GeoDataFrame, ImageOptions | None], bytes]
RENDERERS: dict[str, Renderer] = {"map": render_map_png, "chart": render_chart_png}

# Three departures at sea off Sangatte, within 2 km of each other: one DBSCAN hotspot.
HOTSPOT_POINTS = ((1.700, 50.985), (1.715, 50.990), (1.707, 50.998))
HOSTILE = "$\\frac{a}{b}$ <script>alert(1)</script> & $\\undefinedcommand{$"


def _incidents(role: str = "departure", nearest_place: str | None = None) -> gpd.GeoDataFrame:
    """Three launches at sea, an interception and a rescue at sea, an undated and an English one."""
    launches = [
        Incident(
            event_type="launch",
            date=dt.date(2024, 5, 1 + number),
            place_name=f"off Sangatte {number}",
            lon=lon,
            lat=lat,
            location_role=role,
            people=10 * number,
            nearest_place=nearest_place,
        )
        for number, (lon, lat) in enumerate(HOTSPOT_POINTS)
    ]
    others = [
        Incident(
            event_type="interception",
            date=dt.date(2024, 6, 10),
            place_name="off Wissant",
            lon=1.60,
            lat=50.90,
            location_role="interception",
            people=30,
        ),
        Incident(
            event_type="rescue",
            date=dt.date(2024, 7, 1),
            place_name="off Calais",
            lon=1.80,
            lat=51.02,
            location_role="rescue",
        ),
        Incident(event_type="debris", place_name="Wimereux beach", lon=1.602, lat=50.77),
        Incident(
            event_type="arrival",
            date=dt.date(2024, 7, 2),
            place_name="Dover harbour",
            country="GB",
            lon=1.34,
            lat=51.13,
        ),
        Incident(event_type="arrival", date=dt.date(2024, 7, 3), place_name="UK", country="GB"),
    ]
    return incidents_to_frame([*launches, *others])


def _texts(figure: Figure) -> list[str]:
    """Every text of the figure, with its lines (wrapped to fit) joined by spaces."""
    return [" ".join(text.get_text().split()) for text in figure.findobj(Text)]


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGB")


def _pixel(image: Image.Image, figure: Figure, xy: tuple[float, float]) -> tuple[int, ...]:
    """The colour of the image pixel under the display point ``xy`` (origin bottom left)."""
    x, y = xy
    height = round(figure.bbox.height)
    return tuple(image.getpixel((int(x), height - 1 - int(y))))


def _rgb(color: str) -> tuple[int, int, int]:
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def _map_pixel(
    incidents: gpd.GeoDataFrame, options: ImageOptions, lon: float, lat: float
) -> tuple[int, ...]:
    drawn = build_map_figure(incidents, options)
    image = _image(png_bytes(drawn.figure))
    return _pixel(image, drawn.figure, tuple(drawn.axes.transData.transform((lon, lat))))


# -- size and options --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["map", "chart"])
@pytest.mark.parametrize("size", [(200, 200), (1200, 630), (777, 333), (3000, 400)])
def test_png_decodes_at_the_requested_size(kind: str, size: tuple[int, int]) -> None:
    png = RENDERERS[kind](_incidents(), ImageOptions(width=size[0], height=size[1]))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(png)).size == size


def test_social_card_is_1200_by_630() -> None:
    options = image_options(MapView(), card=True)
    assert (options.width, options.height) == (1200, 630)
    assert _image(render_map_png(_incidents(), options)).size == (1200, 630)


@pytest.mark.parametrize(
    ("width", "height", "bad"), [(199, 800, "199"), (1200, 3001, "3001"), (0, 500, "0")]
)
def test_a_size_out_of_range_is_refused_naming_it(width: int, height: int, bad: str) -> None:
    with pytest.raises(MapViewError, match=rf"got {bad}\b"):
        ImageOptions(width=width, height=height)


def test_card_does_not_go_with_a_size() -> None:
    with pytest.raises(MapViewError, match="width 800"):
        image_options(MapView(), card=True, width=800)


# -- the map -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "lon", "lat"),
    [("launch", *HOTSPOT_POINTS[2]), ("interception", 1.60, 50.90), ("rescue", 1.80, 51.02)],
)
def test_an_incident_is_drawn_in_its_event_colour_where_it_is(
    kind: str, lon: float, lat: float
) -> None:
    assert _map_pixel(_incidents(), ImageOptions(), lon, lat) == _rgb(EVENT_COLORS[kind])


def test_the_extent_holds_every_placed_incident_inside_the_image() -> None:
    drawn = build_map_figure(_incidents(), ImageOptions(width=900, height=600))
    min_lon, min_lat, max_lon, max_lat = drawn.extent
    for lon, lat in [*HOTSPOT_POINTS, (1.60, 50.90), (1.34, 51.13), (1.602, 50.77)]:
        assert min_lon < lon < max_lon and min_lat < lat < max_lat
    # A degree of longitude is drawn cos(lat) times as long as a degree of latitude.
    x0, y0 = drawn.axes.transData.transform((1.6, 50.9))
    x1, y1 = drawn.axes.transData.transform((1.7, 51.0))
    ratio = (x1 - x0) / (y1 - y0)
    assert ratio == pytest.approx(math.cos(math.radians((min_lat + max_lat) / 2)), rel=1e-6)


def test_hotspot_hull_is_drawn_with_its_label() -> None:
    centroid = tuple(np.mean(HOTSPOT_POINTS, axis=0))
    with_hotspot = _map_pixel(_incidents(), ImageOptions(), *centroid)
    fill, sea = np.array(_rgb(HOTSPOT_FILL)), np.array(_rgb(SEA_COLOR))
    blended = HOTSPOT_ALPHA * fill + (1 - HOTSPOT_ALPHA) * sea
    assert np.abs(np.array(with_hotspot) - blended).max() <= 3
    # The same incidents as rescues are no launch site: no hull, the sea shows through.
    assert _map_pixel(_incidents(role="rescue"), ImageOptions(), *centroid) == tuple(sea)

    texts = _texts(build_map_figure(_incidents(), ImageOptions()).figure)
    assert any(text.endswith("(3)") and "Sangatte" in text for text in texts), texts
    assert "Launch hotspot (1)" in texts


def test_legend_counts_types_and_attribution_and_scale_bar_are_drawn() -> None:
    texts = _texts(build_map_figure(_incidents(), ImageOptions()).figure)
    for entry in ("Launch (3)", "Interception (1)", "Rescue (1)", "Debris (1)", "Arrival (1)"):
        assert entry in texts
    assert "10 people" in texts and "200 people" in texts
    assert "Coastline: GSHHG (LGPL) · Places: GeoNames (CC BY 4.0)" in texts
    assert any(text.endswith(" km") and text[:-3].replace(".", "").isdigit() for text in texts)
    assert "7 incidents on the map; 1 placed only at country level, not drawn" in texts


@pytest.mark.parametrize("kind", ["map", "chart"])
def test_titles_legend_and_credits_are_drawn_in_french(kind: str) -> None:
    build = build_map_figure if kind == "map" else build_chart_figure
    french = _texts(build(_incidents(), ImageOptions(lang="fr")).figure)
    english = _texts(build(_incidents(), ImageOptions(lang="en")).figure)
    title = message(f"image.{kind}_title", "fr")
    assert any(text.startswith(title) for text in french)
    assert not any(text.startswith(message(f"image.{kind}_title", "en")) for text in french)
    launches = message("image.type.launch", "fr")
    assert any(text.startswith(launches) for text in french)
    assert set(french) != set(english)


def test_filters_change_what_is_drawn() -> None:
    view = MapView(event_types=frozenset({EventType.LAUNCH}))
    options = ImageOptions(view=view)
    texts = _texts(build_map_figure(_incidents(), options).figure)
    assert "Launch (3)" in texts and not any(text.startswith("Interception") for text in texts)
    assert "types: launch" in texts  # the filter is written under the title
    assert render_map_png(_incidents(), options) != render_map_png(_incidents())
    # From June on, the interception is drawn and the May launches (between it and the
    # rescue) are not: the sea shows where they were.
    june = ImageOptions(view=MapView(start=dt.date(2024, 6, 1)))
    assert _map_pixel(_incidents(), june, 1.60, 50.90) == _rgb(EVENT_COLORS["interception"])
    assert _map_pixel(_incidents(), june, *HOTSPOT_POINTS[0]) == _rgb(SEA_COLOR)


def test_view_centre_and_zoom_frame_the_map_as_a_web_map_would() -> None:
    view = MapView(center=(50.95, 1.7), zoom=11)
    min_lon, _, max_lon, _ = map_extent(np.array([]), np.array([]), view, (1024, 512))
    assert (min_lon + max_lon) / 2 == pytest.approx(1.7)
    assert max_lon - min_lon == pytest.approx(1024 * 360 / (TILE_PX * 2**11))


def test_the_extent_stays_inside_the_bundled_coastline() -> None:
    far = (np.array([1.8, 9.0]), np.array([50.9, 54.5]))
    min_lon, min_lat, max_lon, max_lat = map_extent(*far, MapView(), (1200, 800))
    bound_min_lon, bound_min_lat, bound_max_lon, bound_max_lat = COASTLINE_BOUNDS
    assert bound_min_lon <= min_lon < max_lon <= bound_max_lon
    assert bound_min_lat <= min_lat < max_lat <= bound_max_lat
    strait = map_extent(np.array([]), np.array([]), MapView(), (1200, 800))
    centre_lat, centre_lon = DEFAULT_CENTER
    assert strait[0] < centre_lon < strait[2] and strait[1] < centre_lat < strait[3]


@pytest.mark.parametrize(
    "incidents",
    [
        _incidents(),  # filtered out entirely below
        empty_incident_frame(),
        incidents_to_frame([Incident(event_type="arrival", place_name="UK", country="GB")]),
    ],
    ids=["nothing-matches", "no-incidents", "only-unplaced"],
)
@pytest.mark.parametrize("build", [build_map_figure, build_chart_figure], ids=["map", "chart"])
def test_an_empty_selection_says_there_is_nothing_to_show(
    incidents: gpd.GeoDataFrame, build: Callable[..., object]
) -> None:
    view = MapView(event_types=frozenset({EventType.DEATH}))
    drawn = build(incidents, ImageOptions(width=600, height=400, view=view))
    figure = drawn.figure  # type: ignore[attr-defined]
    assert "Nothing to show" in _texts(figure)
    assert _image(png_bytes(figure)).size == (600, 400)


def test_text_from_sources_and_the_title_is_drawn_literally() -> None:
    # The hostile text is real mathtext: drawn as math it would fail.
    with pytest.raises(ValueError):
        _draw_as_math(HOSTILE)
    incidents = _incidents(nearest_place=HOSTILE)
    incidents["place_name"] = HOSTILE
    options = ImageOptions(title=HOSTILE)
    for build in (build_map_figure, build_chart_figure):
        figure = build(incidents, options).figure
        png = png_bytes(figure)
        assert _image(png).size == (1200, 800)
        texts = [text for text in figure.findobj(Text) if HOSTILE in text.get_text()]
        assert texts, "the hostile text is drawn somewhere"
        assert all(not text.get_parse_math() and not text.get_usetex() for text in texts)
    labels = _texts(build_map_figure(incidents, options).figure)
    assert f"{HOSTILE} (3)" in labels
    assert render_map_png(incidents, options) and render_chart_png(incidents, options)


def _draw_as_math(text: str) -> None:
    figure = Figure()
    FigureCanvasAgg(figure)
    figure.text(0, 0, text, parse_math=True)
    figure.canvas.draw()


# -- the chart ---------------------------------------------------------------------------------


def test_chart_draws_each_dated_french_incident_at_its_date_and_coast_km() -> None:
    incidents = _incidents()
    drawn = build_chart_figure(incidents, ImageOptions())
    drawn.figure.canvas.draw()  # the constrained layout places the axes
    image = _image(png_bytes(drawn.figure))
    points = chart_points(incidents)
    for row in (3, 4):  # the interception and the rescue, far from the others
        day = np.datetime64(incidents["date"].iloc[row], "D").astype("datetime64[ns]")
        assert points.dates[row] == day
        xy = drawn.axes.transData.transform((_date_number(day), points.coast_km[row]))
        colour = EVENT_COLORS[incidents["event_type"].iloc[row]]
        assert _pixel(image, drawn.figure, tuple(xy)) == _rgb(colour)


def _date_number(day: np.datetime64) -> float:
    import matplotlib.dates as mdates

    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def test_chart_counts_what_it_cannot_draw() -> None:
    incidents = _incidents()
    points = chart_points(incidents)
    # The undated debris, the arrival at Dover and the arrival in the UK are not drawn.
    assert points.drawn.tolist() == [True] * 5 + [False] * 3
    figure = build_chart_figure(incidents, ImageOptions()).figure
    title = next(text for text in _texts(figure) if "incidents drawn" in text)
    assert "5 incidents drawn; 3 not drawn: no date or not on the French coast" in title
    assert "Launch (3)" in _texts(figure) and not any(
        t.startswith("Arrival") for t in _texts(figure)
    )


def test_chart_computes_a_missing_coast_km_from_the_point() -> None:
    incidents = _incidents()
    stored = chart_points(incidents).coast_km
    assert np.isnan(incidents["coast_km"]).all()  # nothing stored: every km is computed
    assert 40 < stored[0] < 60  # off Sangatte, between Calais and Wissant


def test_chart_axis_names_reference_towns_at_their_computed_km() -> None:
    places = dict(reference_places())
    assert list(places) == [
        "Dunkirk",
        "Gravelines",
        "Calais",
        "Wissant",
        "Boulogne-sur-Mer",
        "Berck",
    ]
    kms = list(places.values())
    assert kms == sorted(kms)  # south-westwards from the Belgian border
    assert 45 < places["Calais"] < 60 and 80 < places["Boulogne-sur-Mer"] < 100
    drawn = build_chart_figure(_incidents(), ImageOptions())
    labels = [label.get_text() for label in drawn.axes.get_yticklabels()]
    assert f"Calais ({places['Calais']:.0f} km)" in labels
    low, high = sorted(drawn.axes.get_ylim())
    assert low < min(kms) and high > max(kms)
    assert drawn.axes.yaxis_inverted()


def test_chart_filters_change_what_is_drawn() -> None:
    view = MapView(start=dt.date(2024, 6, 1))
    figure = build_chart_figure(_incidents(), ImageOptions(view=view)).figure
    texts = _texts(figure)
    assert "Interception (1)" in texts and not any(t.startswith("Launch") for t in texts)


# -- determinism, threads, network ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ["map", "chart"])
def test_same_input_gives_the_same_bytes_also_from_threads(kind: str) -> None:
    render = RENDERERS[kind]
    options = ImageOptions(width=600, height=400)
    first = render(_incidents(), options)
    assert render(_incidents(), options) == first
    results: list[bytes] = []
    threads = [
        threading.Thread(target=lambda: results.append(render(_incidents(), options)))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [first] * 3
    assert b"Software" not in first and b"tIME" not in first


def test_rendering_opens_no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        opened.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *args, **kwargs: refuse(None, args))  # type: ignore[arg-type]
    assert render_map_png(_incidents()) and render_chart_png(_incidents())
    assert opened == []
