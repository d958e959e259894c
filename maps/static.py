"""Static images of the incidents: a map PNG and a chart of coast kilometre against date.

Both are drawn with matplotlib's Agg canvas on a :class:`~matplotlib.figure.Figure`
of their own (pyplot and its global figure list are never used), from bundled
data only: the GSHHG coastline, the GeoNames gazetteer and the incidents. No
tile and no font is fetched, so the images work offline, as the fallback of the
interactive map and as a social card.

Every text that can come from a source or a user (hotspot labels made of place
names, the title) is drawn literally: mathtext (``$...$``) and TeX are off on
every text of the figure. The same incidents and options always give the same
PNG bytes: the PNG carries no software name and no date.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import geopandas as gpd
import matplotlib.dates as mdates
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.offsetbox import AnchoredOffsetbox, TextArea, VPacker
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.text import Text
from pyproj import Geod

from geo.cluster import cluster_incidents, hotspots
from geo.cluster_params import DEFAULT_PARAMS
from geo.coast import COASTLINE_BOUNDS, CoastLayer, coastline_layer
from geo.model import placed_mask
from maps.chart import REFERENCE_PLACES, chart_points, named_places, reference_places
from maps.errors import MapViewError
from maps.incident_map import DEFAULT_CENTER, DEFAULT_ZOOM, EVENT_COLORS
from maps.messages import DEFAULT_LANGUAGE, check_language, format_date, format_number, message
from maps.view import Caption, MapView

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Extent = tuple[float, float, float, float]
"""(min lon, min lat, max lon, max lat) of what a map shows."""
BoxLine = tuple[str, float, dict[str, str]]
"""A line of a text box: its text, font size in points and style (weight, colour)."""

MIN_IMAGE_PX = 200
MAX_IMAGE_PX = 3000
DEFAULT_SIZE_PX = (1200, 800)
SOCIAL_CARD_PX = (1200, 630)
"""The size of an Open Graph / Twitter card image."""


MAP_PLACES = (*REFERENCE_PLACES, "Dover", "Folkestone", "Ramsgate", "Ostend")
"""Towns named on the map, where they fall inside it: the map has no tiles to name them."""

SEA_COLOR = "#dcebf5"
LAND_COLOR = "#f3f0e8"
SHORE_COLOR = "#7f9db9"
PLACE_COLOR = "#555555"
HOTSPOT_FILL = "#ffb000"
HOTSPOT_ALPHA = 0.25
HOTSPOT_EDGE = "#7a4a00"
OTHER_COLOR = EVENT_COLORS["other"]
BOLD = {"fontweight": "bold"}
GREY = {"color": "#333333"}
CREDITS = {"color": "#333333", "style": "italic"}

BASE_DPI = 100.0
DEFAULT_HALF_HEIGHT_DEG = 0.3
MIN_HALF_HEIGHT_DEG = 0.05  # about 5.5 km: a single incident still shows its stretch of coast
PADDING = 0.15  # share of the incidents' span added on each side
TILE_PX = 256  # web map tile size: a zoom level's scale is 360 degrees per 256 * 2**zoom px
SCALE_BAR_KM = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500)

MARKER_MIN_PT2 = 20.0  # marker area of an incident with no (or zero) people counted
MARKER_PT2_PER_PERSON = 1.2
MARKER_MAX_PEOPLE = 400  # larger counts are drawn at this size
SIZE_LEGEND_PEOPLE = (10, 50, 200)
CHART_MIN_DAYS = 3.0  # half the date span shown around a single day
CHART_KM_MARGIN = 5.0
COMPACT_PX = 640  # narrower images leave out the size legend and shorten the chart's labels

_GEOD = Geod(ellps="WGS84")
_RENDER_LOCK = threading.Lock()
"""matplotlib promises no thread safety: the server renders one image at a time."""


# -- options -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageOptions:
    """What a static image shows and how large it is.

    Attributes
    ----------
    width, height
        Size of the PNG in pixels, each from :data:`MIN_IMAGE_PX` to
        :data:`MAX_IMAGE_PX`.
    title
        The image's title; ``None`` for the view's caption title, or the
        image's own default.
    view
        The date and type filters and the caption; the map also takes its
        centre and zoom, or its bbox.
    lang
        The language of every word drawn (one of the catalogues').

    Raises
    ------
    MapViewError
        When a size is not a whole number of pixels in range, naming it.
    """

    width: int = DEFAULT_SIZE_PX[0]
    height: int = DEFAULT_SIZE_PX[1]
    title: str | None = None
    view: MapView = field(default_factory=MapView)
    lang: str = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        """Refuse a width or height that is not a pixel count in range, or an unknown language."""
        check_language(self.lang)
        for name in ("width", "height"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not MIN_IMAGE_PX <= value <= MAX_IMAGE_PX
            ):
                raise MapViewError(
                    "error.pixels", name=name, low=MIN_IMAGE_PX, high=MAX_IMAGE_PX, value=value
                )


def image_options(
    view: MapView,
    *,
    width: int | None = None,
    height: int | None = None,
    card: bool = False,
    title: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> ImageOptions:
    """Build :class:`ImageOptions` from request or command-line values.

    ``card`` asks for the :data:`SOCIAL_CARD_PX` size, so it cannot go with a
    width or height; a missing width or height takes the default.

    Raises
    ------
    MapViewError
        When ``card`` comes with a size, or a size is out of range.
    """
    if card and (width is not None or height is not None):
        raise MapViewError(
            "error.card",
            width=SOCIAL_CARD_PX[0],
            height=SOCIAL_CARD_PX[1],
            given_width=width,
            given_height=height,
        )
    default_width, default_height = SOCIAL_CARD_PX if card else DEFAULT_SIZE_PX
    return ImageOptions(
        width=default_width if width is None else width,
        height=default_height if height is None else height,
        title=title,
        view=view,
        lang=lang,
    )


# -- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapFigure:
    """A drawn map: its figure, its axes (lon/lat data coordinates) and its extent."""

    figure: Figure
    axes: Axes
    extent: Extent


@dataclass(frozen=True)
class ChartFigure:
    """A drawn chart: its figure and its axes (date numbers against coast kilometres)."""

    figure: Figure
    axes: Axes


def render_map_png(incidents: gpd.GeoDataFrame, options: ImageOptions | None = None) -> bytes:
    """Render the static map of the incidents the view selects, as PNG bytes.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326).
    options
        Size, title and view; the defaults when None.

    Returns
    -------
    bytes
        The PNG: coastline, incidents coloured by type and sized by people,
        launch hotspots with their labels, a title, a legend, a scale bar and
        the attributions; or the coastline and a note when nothing is selected.
    """
    with _RENDER_LOCK:
        return png_bytes(build_map_figure(incidents, options or ImageOptions()).figure)


def render_chart_png(incidents: gpd.GeoDataFrame, options: ImageOptions | None = None) -> bytes:
    """Render the chart of coast kilometre against date of the selected incidents, as PNG.

    Parameters
    ----------
    incidents
        An incident GeoDataFrame (EPSG:4326).
    options
        Size, title and the view's filters (its centre and zoom are not used).

    Returns
    -------
    bytes
        The PNG: one point per dated incident with a coast kilometre, coloured
        by type and sized by people, reference towns on the kilometre axis and
        a note of how many incidents could not be drawn.
    """
    with _RENDER_LOCK:
        return png_bytes(build_chart_figure(incidents, options or ImageOptions()).figure)


def png_bytes(figure: Figure) -> bytes:
    """Save a figure as PNG bytes, every text literal, without software name or date."""
    for text in figure.findobj(Text):
        _literal(text)
    buffer = io.BytesIO()
    figure.savefig(
        buffer, format="png", metadata={"Software": None}, facecolor=figure.get_facecolor()
    )
    return buffer.getvalue()


def _literal(text: Text) -> Text:
    """Draw ``text`` as written: no mathtext for ``$...$`` and no TeX."""
    text.set_usetex(False)
    text.set_parse_math(False)
    return text


def _new_figure(options: ImageOptions, facecolor: str) -> Figure:
    """Make a figure of exactly ``options.width`` x ``options.height`` pixels on an Agg canvas.

    The resolution grows with the width, so text and markers keep their share
    of the image from a thumbnail to a poster.
    """
    dpi = BASE_DPI * min(2.5, max(0.6, options.width / DEFAULT_SIZE_PX[0]))
    figure = Figure(
        figsize=(options.width / dpi, options.height / dpi), dpi=dpi, facecolor=facecolor
    )
    FigureCanvasAgg(figure)
    return figure


# -- the map -----------------------------------------------------------------------------------


def build_map_figure(incidents: gpd.GeoDataFrame, options: ImageOptions) -> MapFigure:
    """Draw the static map of the incidents ``options.view`` selects (see :func:`render_map_png`).

    The axes fill the figure and use lon/lat as data coordinates, so
    ``axes.transData`` gives the pixel of any point (from the bottom left).
    """
    selected = options.view.select(incidents)
    placed = selected[placed_mask(selected)]
    lon, lat = _lon_lat(placed)
    extent = map_extent(lon, lat, options.view, (options.width, options.height))
    figure = _new_figure(options, SEA_COLOR)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.set_xlim(extent[0], extent[2])
    axes.set_ylim(extent[1], extent[3])
    _draw_land(axes, extent, options.width)
    _draw_places(axes, extent)
    lang = options.lang
    heading = _heading(options, "image.map_title")
    summary = [_view_summary(options.view, lang)]
    if placed.empty:
        _draw_nothing_to_show(axes, selected, heading, summary[0], lang)
    else:
        found = _draw_hotspots(axes, placed, lang)
        _draw_incidents(axes, placed, lon, lat)
        _draw_map_legends(axes, placed, found, options.width < COMPACT_PX, lang)
        summary.append(_placed_summary(len(placed), len(selected), lang))
        _draw_title(axes, heading, summary)
    _draw_scale_bar(axes, extent, lang)
    _draw_attribution(axes, lang)
    return MapFigure(figure=figure, axes=axes, extent=extent)


def map_extent(lon: FloatArray, lat: FloatArray, view: MapView, size_px: tuple[int, int]) -> Extent:
    """Choose what the map shows: the view's centre and zoom, the incidents, or the Strait.

    Parameters
    ----------
    lon, lat
        The placed incidents' coordinates.
    view
        With a bbox, the map shows it (grown to the image's proportions); with
        a centre, what a web map of the image's size shows around it at the
        view's zoom (:data:`DEFAULT_ZOOM` when none).
    size_px
        Width and height of the image in pixels.

    Returns
    -------
    Extent
        A box of the image's proportions (a degree of longitude drawn
        ``cos(lat)`` times as long as a degree of latitude), padded around the
        incidents, moved and if need be shrunk to lie inside the bundled
        coastline's :data:`~geo.coast.COASTLINE_BOUNDS`.
    """
    width_px, height_px = size_px
    half_width = 0.0
    if view.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = view.bbox
        centre_lon, centre_lat = (min_lon + max_lon) / 2, (min_lat + max_lat) / 2
        half_width, half_height = (max_lon - min_lon) / 2, (max_lat - min_lat) / 2
    elif view.center is not None:
        centre_lat, centre_lon = view.center
        zoom = view.zoom if view.zoom is not None else DEFAULT_ZOOM
        degrees_per_px = 360.0 / (TILE_PX * 2**zoom)
        half_height = height_px / 2 * degrees_per_px * math.cos(math.radians(centre_lat))
    elif len(lon):
        centre_lon = (float(lon.min()) + float(lon.max())) / 2
        centre_lat = (float(lat.min()) + float(lat.max())) / 2
        half_width = (float(lon.max()) - float(lon.min())) / 2 * (1 + 2 * PADDING)
        half_height = (float(lat.max()) - float(lat.min())) / 2 * (1 + 2 * PADDING)
        half_height = max(half_height, MIN_HALF_HEIGHT_DEG)
    else:
        centre_lat, centre_lon = DEFAULT_CENTER  # the interactive map's default view
        half_height = DEFAULT_HALF_HEIGHT_DEG
    aspect = width_px / height_px
    return _inside_coastline(centre_lon, centre_lat, half_width, half_height, aspect)


def _inside_coastline(
    centre_lon: float, centre_lat: float, half_width: float, half_height: float, aspect: float
) -> Extent:
    """Grow the box to the image's proportions, then fit it inside the bundled coastline.

    A box larger than the coastline's is shrunk (keeping its proportions), then
    moved inside: beyond the bundled coastline, land and sea are unknown.
    """
    min_lon, min_lat, max_lon, max_lat = COASTLINE_BOUNDS
    centre_lat = min(max(centre_lat, min_lat), max_lat)
    stretch = 1.0 / math.cos(math.radians(centre_lat))  # drawn length of a degree of latitude
    half_width = max(half_width, half_height * stretch * aspect)
    half_height = max(half_height, half_width / (stretch * aspect))
    shrink = min(
        1.0, (max_lon - min_lon) / (2 * half_width), (max_lat - min_lat) / (2 * half_height)
    )
    half_width, half_height = half_width * shrink, half_height * shrink
    centre_lon = min(max(centre_lon, min_lon + half_width), max_lon - half_width)
    centre_lat = min(max(centre_lat, min_lat + half_height), max_lat - half_height)
    return (  # clipped: a box as wide as the coastline's must not pass it by a rounding error
        max(centre_lon - half_width, min_lon),
        max(centre_lat - half_height, min_lat),
        min(centre_lon + half_width, max_lon),
        min(centre_lat + half_height, max_lat),
    )


def _lon_lat(placed: gpd.GeoDataFrame) -> tuple[FloatArray, FloatArray]:
    """Longitudes and latitudes of placed incidents (EPSG:4326)."""
    geometry = placed.geometry
    if geometry.crs is not None and not geometry.crs.equals("EPSG:4326"):
        geometry = geometry.to_crs("EPSG:4326")
    values = np.asarray(geometry.values, dtype=object)
    return shapely.get_x(values), shapely.get_y(values)


def _polygon_paths(geometries: Sequence[shapely.Geometry]) -> list[Path]:
    """One matplotlib path per polygon (holes included) of polygons and multipolygons."""
    paths = []
    for polygon in shapely.get_parts(np.asarray(geometries, dtype=object)):
        if shapely.get_type_id(polygon) != shapely.GeometryType.POLYGON or polygon.is_empty:
            continue
        rings = [
            np.asarray(polygon.exterior.coords),
            *(np.asarray(r.coords) for r in polygon.interiors),
        ]
        codes = [_ring_codes(len(ring)) for ring in rings]
        paths.append(Path(np.concatenate(rings), np.concatenate(codes)))
    return paths


def _ring_codes(count: int) -> npt.NDArray[np.uint8]:
    """Path codes of one closed ring of ``count`` vertices: move, lines, close."""
    codes = np.full(count, Path.LINETO, dtype=np.uint8)
    codes[0], codes[-1] = Path.MOVETO, Path.CLOSEPOLY
    return codes


def _draw_land(axes: Axes, extent: Extent, width_px: int) -> None:
    """Fill the bundled land polygons inside the extent, simplified to about a pixel."""
    margin = (extent[2] - extent[0]) * 0.05
    box = (extent[0] - margin, extent[1] - margin, extent[2] + margin, extent[3] + margin)
    pixel_deg = (extent[2] - extent[0]) / width_px
    land = shapely.clip_by_rect(_land_geometries(), *box)
    simplified = shapely.simplify(land, pixel_deg / 2, preserve_topology=True)
    axes.add_collection(
        PathCollection(
            _polygon_paths(list(simplified)),
            facecolor=LAND_COLOR,
            edgecolor=SHORE_COLOR,
            linewidth=0.7,
            zorder=1,
        ),
        autolim=False,
    )


@cache
def _land_geometries() -> npt.NDArray[np.object_]:
    """Return the bundled land polygons (EPSG:4326), read once."""
    geometries: npt.NDArray[np.object_] = np.asarray(
        coastline_layer(CoastLayer.LAND).geometry.values, dtype=object
    )
    return geometries


def _draw_places(axes: Axes, extent: Extent) -> None:
    """Mark and name the towns of :data:`MAP_PLACES` that lie inside the extent."""
    for name, lon, lat in named_places(MAP_PLACES):
        if not (extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3]):
            continue
        axes.plot([lon], [lat], marker="s", markersize=3, color=PLACE_COLOR, zorder=2)
        axes.annotate(
            name,
            (lon, lat),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=8,
            color=PLACE_COLOR,
            style="italic",
            zorder=2,
            parse_math=False,
            usetex=False,
        )


def _draw_hotspots(axes: Axes, placed: gpd.GeoDataFrame, lang: str) -> gpd.GeoDataFrame:
    """Draw the launch hotspots of the default clustering: hulls and labels; return them."""
    found = hotspots(cluster_incidents(placed, DEFAULT_PARAMS))
    if found.empty:
        return found
    axes.add_collection(
        PathCollection(
            _polygon_paths(list(found.geometry.values)),
            facecolor=(*_rgb(HOTSPOT_FILL), HOTSPOT_ALPHA),
            edgecolor=HOTSPOT_EDGE,
            linewidth=1.2,
            linestyle="--",
            zorder=2.5,
            gid="hotspots",
        ),
        autolim=False,
    )
    for row in found.itertuples():
        min_lon, _, max_lon, max_lat = row.geometry.bounds
        axes.annotate(
            f"{row.label} ({format_number(row.incidents, lang)})",
            ((min_lon + max_lon) / 2, max_lat),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            fontweight="bold",
            color=HOTSPOT_EDGE,
            zorder=4,
            annotation_clip=True,
            parse_math=False,
            usetex=False,
            gid="hotspot-label",
        )
    return found


def _rgb(color: str) -> tuple[float, float, float]:
    """Return an ``#rrggbb`` colour as red, green and blue from 0 to 1."""
    return (int(color[1:3], 16) / 255, int(color[3:5], 16) / 255, int(color[5:7], 16) / 255)


def _colors(incidents: pd.DataFrame) -> list[str]:
    """Each incident's colour: its event type's, or the colour of ``other``."""
    return [EVENT_COLORS.get(str(kind), OTHER_COLOR) for kind in incidents["event_type"]]


def marker_sizes(people: pd.Series) -> FloatArray:
    """Marker areas (points squared) growing with the people counted, capped.

    An unknown count is drawn as the smallest marker.
    """
    counts = pd.to_numeric(people, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    counts = np.clip(np.nan_to_num(counts, nan=0.0), 0, MARKER_MAX_PEOPLE)
    sizes: FloatArray = MARKER_MIN_PT2 + MARKER_PT2_PER_PERSON * counts
    return sizes


def _draw_incidents(axes: Axes, placed: gpd.GeoDataFrame, lon: FloatArray, lat: FloatArray) -> None:
    """Draw the incidents as opaque circles, the largest first so small ones stay visible."""
    sizes = (
        marker_sizes(placed["people"])
        if "people" in placed.columns
        else np.full(len(placed), MARKER_MIN_PT2)
    )
    order = np.argsort(-sizes, kind="stable")
    colors = np.asarray(_colors(placed), dtype=object)[order]
    axes.scatter(
        lon[order],
        lat[order],
        s=sizes[order],
        c=list(colors),
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
        gid="incidents",
    )


def _type_handles(incidents: pd.DataFrame, lang: str) -> list[Line2D]:
    """Legend entries: one per event type present, with its count, in the legend's order."""
    counts = Counter(str(kind) for kind in incidents["event_type"])
    known = [str(kind) for kind in EVENT_COLORS]
    kinds = known + sorted(kind for kind in counts if kind not in EVENT_COLORS)
    return [
        _marker_handle(
            f"{type_name(kind, lang)} ({format_number(counts[kind], lang)})",
            EVENT_COLORS.get(kind, OTHER_COLOR),
        )
        for kind in kinds
        if counts[kind]
    ]


def type_name(kind: str, lang: str) -> str:
    """Return an event type's name in ``lang`` (a type launchmap does not know, as written)."""
    known = f"image.type.{kind}"
    return message(known, lang) if kind in EVENT_COLORS else kind.capitalize()


def _marker_handle(label: str, color: str, size_pt2: float = 50.0) -> Line2D:
    """Make a legend entry of one circle marker."""
    return Line2D(
        [],
        [],
        linestyle="none",
        marker="o",
        markersize=math.sqrt(size_pt2),
        markerfacecolor=color,
        markeredgecolor="white",
        label=label,
    )


def _size_handles(lang: str) -> list[Line2D]:
    """Legend entries of the marker sizes for a few counts of people."""
    sizes = marker_sizes(pd.Series(SIZE_LEGEND_PEOPLE))
    return [
        _marker_handle(message("image.people", lang, count=people), "#9a9a9a", float(size))
        for people, size in zip(SIZE_LEGEND_PEOPLE, sizes, strict=True)
    ]


def _draw_map_legends(
    axes: Axes, placed: gpd.GeoDataFrame, found: gpd.GeoDataFrame, compact: bool, lang: str
) -> None:
    """Draw the legend of event types (with counts) and hotspots, and (unless compact) of sizes."""
    handles: list[Line2D | Patch] = [*_type_handles(placed, lang)]
    if not found.empty:
        handles.append(
            Patch(
                facecolor=(*_rgb(HOTSPOT_FILL), HOTSPOT_ALPHA),
                edgecolor=HOTSPOT_EDGE,
                linestyle="--",
                label=message("image.hotspots", lang, count=format_number(len(found), lang)),
            )
        )
    types = Legend(
        axes,
        handles,
        [str(handle.get_label()) for handle in handles],
        loc="upper right",
        fontsize=8,
        framealpha=0.9,
    )
    axes.add_artist(types)
    if compact:
        return
    size_handles = _size_handles(lang)
    sizes = Legend(
        axes,
        size_handles,
        [str(handle.get_label()) for handle in size_handles],
        loc="lower right",
        bbox_to_anchor=(1.0, 0.05),
        fontsize=8,
        framealpha=0.9,
        title=message("image.size", lang),
        title_fontsize=8,
        labelspacing=1.0,
    )
    axes.add_artist(sizes)


def _wrap_chars(width_px: float, dpi: float, fontsize: float) -> int:
    """Return about how many characters of a ``fontsize`` text fit in ``width_px`` pixels."""
    return max(16, int(width_px * 0.9 / (fontsize * dpi / 72 * 0.6)))


def _text_box(axes: Axes, lines: Sequence[BoxLine], loc: str) -> AnchoredOffsetbox:
    """Make a framed box of literal text lines anchored in the axes, 60 % of their width at most."""
    width_px = axes.get_window_extent().width * 0.6
    areas: list[Artist] = [
        TextArea(
            textwrap.fill(text, _wrap_chars(width_px, axes.figure.dpi, size)),
            textprops={**style, "fontsize": size, "parse_math": False, "usetex": False},
        )
        for text, size, style in lines
        if text
    ]
    box = AnchoredOffsetbox(
        loc=loc,
        child=VPacker(children=areas, pad=0, sep=3),
        pad=0.4,
        borderpad=0.6,
        frameon=True,
    )
    box.patch.set(facecolor="white", alpha=0.9, edgecolor="#bbbbbb")
    box.set_zorder(5)
    return box


@dataclass(frozen=True)
class Heading:
    """An image's own lines: the title, the subtitle and the credits (source line, byline)."""

    title: str
    subtitle: str
    credits: str

    def lines(self, title_pt: float = 12) -> list[BoxLine]:
        """Return the lines for a text box (empty ones are left out when drawn)."""
        return [(self.title, title_pt, BOLD), (self.subtitle, 9, {}), (self.credits, 8, CREDITS)]


def _heading(options: ImageOptions, default_title: str) -> Heading:
    """Return the image's heading: the given title, the caption's, or the catalogue's."""
    caption: Caption = options.view.caption
    title = options.title if options.title is not None else caption.title
    credits = " · ".join(line for line in (caption.source, caption.byline) if line)
    return Heading(
        title if title is not None else message(default_title, options.lang),
        caption.subtitle or "",
        credits,
    )


def _draw_title(axes: Axes, heading: Heading, summary: Sequence[str]) -> None:
    """Draw the heading, and lines saying which filters and how many incidents are drawn."""
    lines = heading.lines() + [(line, 8, GREY) for line in summary]
    axes.add_artist(_text_box(axes, lines, "upper left"))


def _draw_nothing_to_show(
    axes: Axes, selected: gpd.GeoDataFrame, heading: Heading, filters: str, lang: str
) -> None:
    """Say in the middle of the map that no incident is drawn, and why."""
    if selected.empty:
        reason = message("image.no_match", lang)
    else:
        reason = message("image.only_country", lang, incidents=_count(len(selected), lang))
    lines: list[BoxLine] = [
        (message("image.nothing", lang), 14, BOLD),
        (reason, 9, {}),
        *heading.lines(title_pt=9),
        (filters, 8, GREY),
    ]
    axes.add_artist(_text_box(axes, lines, "center"))


def _count(number: int, lang: str) -> str:
    """Say ``1 incident`` or ``3 incidents`` in ``lang``."""
    key = "image.incident" if number == 1 else "image.incidents"
    return message(key, lang, count=format_number(number, lang))


def _placed_summary(placed: int, selected: int, lang: str) -> str:
    """Say how many incidents are drawn, and how many have no point."""
    unplaced = selected - placed
    text = message("image.on_map", lang, incidents=_count(placed, lang))
    if unplaced:
        text += message("image.not_drawn", lang, count=format_number(unplaced, lang))
    return text


def _view_summary(view: MapView, lang: str) -> str:
    """Describe the view's filters in a few words ('' when there are none)."""
    parts = []
    if view.start or view.end:
        start = format_date(view.start, lang) if view.start else "…"
        end = format_date(view.end, lang) if view.end else "…"
        parts.append(message("image.dates", lang, start=start, end=end))
    if view.event_types:
        names = ", ".join(sorted(type_name(kind, lang).lower() for kind in view.event_types))
        parts.append(message("image.types", lang, types=names))
    return " · ".join(parts)


def _draw_scale_bar(axes: Axes, extent: Extent, lang: str) -> None:
    """Draw a bar of a round number of kilometres, about a fifth of the map's width."""
    min_lon, min_lat, max_lon, max_lat = extent
    lat = min_lat + 0.06 * (max_lat - min_lat)
    start = min_lon + 0.03 * (max_lon - min_lon)
    _, _, width_m = _GEOD.inv(min_lon, lat, max_lon, lat)
    fits = [km for km in SCALE_BAR_KM if km * 1000 <= width_m / 5]
    km = fits[-1] if fits else SCALE_BAR_KM[0]
    end, _, _ = _GEOD.fwd(start, lat, 90.0, km * 1000)
    axes.plot(
        [start, start, end, end],
        [lat, lat, lat, lat],
        color="#222222",
        linewidth=2.5,
        solid_capstyle="butt",
        zorder=5,
        gid="scale-bar",
    )
    axes.annotate(
        f"{km:g} km".replace(".", "," if lang == "fr" else "."),
        ((start + end) / 2, lat),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=8,
        zorder=5,
        parse_math=False,
        usetex=False,
    )


def _draw_attribution(axes: Axes, lang: str) -> None:
    """Write the data attributions in the bottom right corner."""
    axes.text(
        0.995,
        0.005,
        message("image.attribution", lang),
        transform=axes.transAxes,
        ha="right",
        va="bottom",
        fontsize=7,
        color="#333333",
        bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 2},
        zorder=6,
        parse_math=False,
        usetex=False,
        gid="attribution",
    )


# -- the chart ---------------------------------------------------------------------------------


def build_chart_figure(incidents: gpd.GeoDataFrame, options: ImageOptions) -> ChartFigure:
    """Draw the chart of the incidents ``options.view`` selects (see :func:`render_chart_png`).

    The x data coordinate is matplotlib's date number, the y one the coast
    kilometre (growing downwards, from the Belgian border to the Somme); the
    layout is final once the figure's canvas has been drawn. Below
    :data:`COMPACT_PX` wide, the legend moves inside the chart and the
    axis labels are shorter.
    """
    selected = options.view.select(incidents)
    points = chart_points(selected)
    drawn = points.drawn
    compact = options.width < COMPACT_PX
    figure = _new_figure(options, "white")
    figure.set_layout_engine("constrained", rect=(0.0, 0.03, 1.0, 0.97))
    axes = figure.add_subplot()
    lang = options.lang
    heading = _heading(options, "image.chart_title")
    notes = [
        heading.subtitle,
        _view_summary(options.view, lang),
        _chart_summary(int(drawn.sum()), len(selected), lang),
        heading.credits,
    ]
    chars = _wrap_chars(options.width, figure.dpi, 10)
    axes.set_title(
        "\n".join(textwrap.fill(line, chars) for line in [heading.title, *notes] if line),
        loc="left",
        fontsize=10,
        parse_math=False,
        usetex=False,
    )
    kept = selected[drawn]
    _chart_axes(axes, points.dates[drawn], points.coast_km[drawn], compact, lang)
    if kept.empty:
        lines: list[BoxLine] = [
            (message("image.nothing", lang), 14, BOLD),
            (message("image.chart_no_match", lang), 9, {}),
        ]
        axes.add_artist(_text_box(axes, lines, "center"))
    else:
        _draw_chart_points(axes, kept, points.dates[drawn], points.coast_km[drawn])
        _draw_chart_legend(figure, axes, kept, compact, lang)
    figure.text(
        0.995,
        0.005,
        message("image.attribution", lang),
        ha="right",
        va="bottom",
        fontsize=7,
        color="#333333",
        parse_math=False,
        usetex=False,
        gid="attribution",
    )
    return ChartFigure(figure=figure, axes=axes)


def _draw_chart_legend(
    figure: Figure, axes: Axes, kept: pd.DataFrame, compact: bool, lang: str
) -> None:
    """Draw the legend of types (with counts) and sizes beside the chart, or types inside it."""
    types = _type_handles(kept, lang)
    if compact:
        axes.legend(handles=types, loc="upper right", fontsize=6, framealpha=0.9)
        return
    figure.legend(
        handles=[*types, *_size_handles(lang)],
        loc="outside right upper",
        fontsize=8,
        labelspacing=1.0,
    )


def _chart_summary(drawn: int, selected: int, lang: str) -> str:
    """Say how many incidents the chart draws and how many it cannot."""
    text = message("image.drawn", lang, incidents=_count(drawn, lang))
    missing = selected - drawn
    if missing:
        text += message("image.chart_not_drawn", lang, count=format_number(missing, lang))
    return text


def _chart_axes(
    axes: Axes, dates: npt.NDArray[np.datetime64], coast_km: FloatArray, compact: bool, lang: str
) -> None:
    """Set the date axis and the coast kilometre axis, with the reference towns on it."""
    places = reference_places()
    known = [km for _, km in places]
    low = min([*known, *coast_km.tolist()]) - CHART_KM_MARGIN
    high = max([*known, *coast_km.tolist()]) + CHART_KM_MARGIN
    axes.set_ylim(high, low)
    labels = [name if compact else f"{name} ({km:.0f} km)" for name, km in places]
    axes.set_yticks(known, labels=labels)
    for label in axes.get_yticklabels():
        _literal(label)
    if not compact:
        axes.set_ylabel(message("image.km_axis", lang), fontsize=9)
    axes.tick_params(labelsize=8)
    axes.grid(True, color="#e4e4e4", linewidth=0.8)
    axes.set_axisbelow(True)
    if len(dates):
        days = _date_numbers(dates)
        half = max(CHART_MIN_DAYS, (float(days.max()) - float(days.min())) * 0.03)
        axes.set_xlim(float(days.min()) - half, float(days.max()) + half)
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(LocalDates(locator, lang))
    axes.set_xlabel(message("image.date_axis", lang), fontsize=9)


_MONTHS_C = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_C_MONTHS = re.compile(r"\b(" + "|".join(_MONTHS_C) + r")\b")


class LocalDates(mdates.ConciseDateFormatter):
    """matplotlib's concise date labels with the month names of a language.

    matplotlib writes the C locale's English abbreviations; they are replaced
    by the catalogue's ``image.months_short``.
    """

    def __init__(self, locator: mdates.DateLocator, lang: str) -> None:
        super().__init__(locator)  # type: ignore[no-untyped-call]
        self.months = message("image.months_short", lang).split("|")

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        """Return the tick labels, months in the language."""
        return [
            self._local(label)
            for label in super().format_ticks(values)  # type: ignore[no-untyped-call]
        ]

    def get_offset(self) -> str:
        """Return the offset label (the year or month beside the ticks), months in the language."""
        return self._local(str(super().get_offset()))  # type: ignore[no-untyped-call]

    def _local(self, label: str) -> str:
        """Replace matplotlib's English month abbreviations in a label."""
        return _C_MONTHS.sub(lambda match: self.months[_MONTHS_C.index(match[1])], label)


def _draw_chart_points(
    axes: Axes, kept: pd.DataFrame, dates: npt.NDArray[np.datetime64], coast_km: FloatArray
) -> None:
    """Draw one circle per incident at (date, coast km), the largest first."""
    sizes = (
        marker_sizes(kept["people"])
        if "people" in kept.columns
        else np.full(len(kept), MARKER_MIN_PT2)
    )
    order = np.argsort(-sizes, kind="stable")
    colors = np.asarray(_colors(kept), dtype=object)[order]
    axes.scatter(
        _date_numbers(dates[order]),
        coast_km[order],
        s=sizes[order],
        c=list(colors),
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
        gid="incidents",
    )


def _date_numbers(dates: npt.NDArray[np.datetime64]) -> FloatArray:
    """Return matplotlib's date numbers (days since its epoch) of the dates."""
    numbers: FloatArray = np.asarray(
        mdates.date2num(dates),  # type: ignore[no-untyped-call]
        dtype=np.float64,
    )
    return numbers
