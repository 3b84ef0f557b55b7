"""Charts for briefs, drawn with matplotlib and returned as standalone SVG text.

Every chart has a title, axis labels and an accessible <title>/aria-label; the same data gives the
same bytes (fixed hash salt, no date in the metadata, text drawn as paths so no font is needed to
view it). Empty data gives a chart that says so instead of raising.

The Agg canvas is attached to each Figure explicitly instead of calling `matplotlib.use` or pyplot:
no window can open and the host program's backend choice is left alone.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

NO_DATA = "No data for this period"

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
QUAD_COLOURS = ("#56B4E9", "#0072B2", "#E69F00", "#D55E00")
QUAD_LABELS = ("Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict")
DIRECTION_COLOURS = {"rising": "#009E73", "stable": "#8C8C8C", "falling": "#D55E00"}
INDEX_COLOUR = "#0072B2"
CHANGE_COLOUR = "#CC79A7"

_RC: dict[Any, Any] = {  # Any keys: matplotlib types rc names as a Literal
    "svg.fonttype": "path",
    "text.parse_math": False,  # names such as "$5bn deal" must not be read as TeX
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Chart:
    """One rendered chart: a short stable key (file name, id prefix), its title and its SVG."""

    key: str
    title: str
    svg: str

    def inline(self) -> str:
        """The SVG ready to sit inside an HTML page (see `inline_svg`)."""
        return inline_svg(self.svg, prefix=self.key)


@contextmanager
def _figure(key: str, width: float = 8.0, height: float = 3.4) -> Iterator[tuple[Figure, Axes]]:
    # The salt differs per chart so hashed ids stay distinct; inline_svg also prefixes them.
    settings: dict[Any, Any] = {**_RC, "svg.hashsalt": f"dyadwatch-{key}"}
    with matplotlib.rc_context(settings):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig, fig.add_subplot()


def _to_svg(fig: Figure, key: str, title: str, description: str) -> Chart:
    buffer = io.StringIO()  # called inside _figure, so its rc settings (salt) apply
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    label = f"{title}. {description}" if description else title
    return Chart(key=key, title=title, svg=_add_accessibility(buffer.getvalue(), label))


def _add_accessibility(svg: str, label: str) -> str:
    head = f'<svg role="img" aria-label={quoteattr(label)} '
    svg = svg.replace("<svg ", head, 1)
    close = svg.index(">", svg.index("<svg ")) + 1
    return f"{svg[:close]}\n <title>{escape(label)}</title>{svg[close:]}"


def inline_svg(svg: str, *, prefix: str) -> str:
    """Standalone SVG → markup for an HTML page.

    Drops the XML prolog, DOCTYPE, metadata and namespace URLs (the HTML parser supplies the
    namespace), so the page holds no URL but its links; prefixes every id and `#` reference,
    because matplotlib reuses glyph ids such as `DejaVuSans-14` for different glyphs per chart.
    """
    svg = svg[svg.index("<svg ") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(?::\w+)?="[^"]*"', "", svg)
    svg = re.sub(r'\s+version="1\.1"', "", svg)
    svg = re.sub(r'(\bid="|href="#|url\(#)', rf"\g<1>{prefix}-", svg)
    svg = svg.replace("<svg ", f'<svg class="chart" id="chart-{prefix}" ', 1)
    return svg.strip()


def _no_data(fig: Figure, ax: Axes, title: str) -> None:
    # A short strip rather than an empty frame: the reader sees at once there is nothing to read.
    fig.set_size_inches(fig.get_figwidth(), 1.3)
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.4, NO_DATA, ha="center", va="center", transform=ax.transAxes,
            fontsize=12, color="#555555")


def _dates(index: pd.Index) -> list[Any]:
    return list(pd.DatetimeIndex(index).to_pydatetime())


def period_label(value: object, freq: str) -> str:
    """'2016-03' for months, '2016Q1' for quarters, the start date for days and weeks."""
    stamp = pd.Timestamp(value)
    if pd.isna(stamp):
        return ""
    if freq == "M":
        return f"{stamp:%Y-%m}"
    if freq == "Q":
        return f"{stamp.year}Q{stamp.quarter}"
    return f"{stamp:%Y-%m-%d}"


def index_chart(series: pd.DataFrame, change_points: pd.DataFrame, *, dyad: str,
                freq: str = "D") -> Chart:
    """Cooperation index (−1..1) per period, with change points as labelled vertical lines."""
    title = f"Cooperation index, {dyad}"
    values = _column(series, "coop_index")
    with _figure("index") as (fig, ax):
        if values.dropna().empty:
            _no_data(fig, ax, title)
            return _to_svg(fig, "index", title, NO_DATA)
        x = _dates(values.index)
        y = values.to_numpy(dtype=float)
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.fill_between(x, 0, y, where=y >= 0, color=QUAD_COLOURS[1], alpha=0.15,
                        interpolate=True)
        ax.fill_between(x, 0, y, where=y < 0, color=QUAD_COLOURS[3], alpha=0.15,
                        interpolate=True)
        ax.plot(x, y, color=INDEX_COLOUR, marker="o", markersize=3, linewidth=1.6,
                label="index (NaN periods left blank)")
        labelled = _mark_change_points(ax, change_points, freq)
        ax.set_ylim(-1.05, 1.05)
        ax.set_title(title)
        ax.set_xlabel("Period start")
        ax.set_ylabel("Cooperation index (−1 conflict … +1 cooperation)")
        description = f"{int(values.notna().sum())} periods with events; {labelled} change points"
        return _to_svg(fig, "index", title, description)


def _mark_change_points(ax: Axes, change_points: pd.DataFrame, freq: str) -> int:
    if change_points.empty or "period" not in change_points:
        return 0
    count = 0
    for row in change_points.sort_values("period").itertuples(index=False):
        when = pd.Timestamp(row.period)
        if pd.isna(when):
            continue
        ax.axvline(when.to_pydatetime(), color=CHANGE_COLOUR, linestyle="--", linewidth=1.2)
        shift = getattr(row, "shift", math.nan)
        label = period_label(when, freq) + (f" ({float(shift):+.2f})" if _is_number(shift) else "")
        ax.annotate(label, xy=(when.to_pydatetime(), 1.0), xytext=(3, -2),
                    textcoords="offset points", rotation=90, va="top", fontsize=8,
                    color=CHANGE_COLOUR, bbox={"fc": "white", "ec": "none", "alpha": 0.8,
                                               "pad": 1})
        count += 1
    return count


def quadclass_chart(series: pd.DataFrame, labels: Sequence[str]) -> Chart:
    """Events per period stacked by QuadClass; `labels` are the period labels for the x axis."""
    title = "Events by QuadClass"
    columns = ["q1", "q2", "q3", "q4"]
    with _figure("quadclass") as (fig, ax):
        frame = series.reindex(columns=columns).fillna(0) if not series.empty else series
        if frame.empty or float(frame.to_numpy().sum()) == 0:
            _no_data(fig, ax, title)
            return _to_svg(fig, "quadclass", title, NO_DATA)
        positions = list(range(len(frame)))
        bottom = [0.0] * len(frame)
        for column, colour, name in zip(columns, QUAD_COLOURS, QUAD_LABELS, strict=True):
            heights = [float(v) for v in frame[column]]
            ax.bar(positions, heights, bottom=bottom, color=colour, label=name, width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        _category_ticks(ax, positions, labels)
        ax.set_title(title)
        ax.set_xlabel("Period")
        ax.set_ylabel("Events")
        ax.legend(loc="upper left", fontsize=8, ncols=2, frameon=False)
        ax.set_ylim(0, max(bottom) * 1.25)
        total = int(sum(bottom))
        return _to_svg(fig, "quadclass", title, f"{total} events over {len(frame)} periods")


def _category_ticks(ax: Axes, positions: list[int], labels: Sequence[str]) -> None:
    # About a dozen labels stay readable; daily or weekly series show every n-th period.
    step = max(1, math.ceil(len(positions) / 12))
    ax.set_xticks(positions[::step], [str(label) for label in labels][::step],
                  rotation=45, ha="right")


def spheres_chart(spheres: pd.DataFrame) -> Chart:
    """Share of events per sphere as horizontal bars coloured by direction, index as a label."""
    title = "Spheres: share of events and cooperation index"
    with _figure("spheres", height=max(2.4, 0.45 * len(spheres) + 1.4)) as (fig, ax):
        if spheres.empty:
            _no_data(fig, ax, title)
            return _to_svg(fig, "spheres", title, NO_DATA)
        rows = spheres.sort_values("share", ascending=True)
        names = [str(s) for s in rows["sphere"]]
        shares = [float(s) * 100 for s in rows["share"].fillna(0)]
        colours = [DIRECTION_COLOURS.get(str(d), "#8C8C8C") for d in rows["direction"]]
        ax.barh(names, shares, color=colours)
        for y, (share, index, direction) in enumerate(
            zip(shares, rows["coop_index"], rows["direction"], strict=True)
        ):
            text = f" index {float(index):+.2f}, {direction}" if _is_number(index) else " no index"
            ax.text(share, y, text, va="center", fontsize=8)
        ax.set_xlim(0, max(shares) * 1.6 + 1)
        ax.set_title(title)
        ax.set_xlabel("Share of events (%)")
        ax.set_ylabel("Sphere")
        handles = [Patch(color=c, label=d) for d, c in DIRECTION_COLOURS.items()]
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
        return _to_svg(fig, "spheres", title, f"{len(rows)} spheres")


def tone_chart(series: pd.DataFrame) -> Chart:
    """Mean tone of the articles per period (NaN periods left blank)."""
    title = "Tone of coverage"
    tone = _column(series, "tone")
    with _figure("tone", height=2.8) as (fig, ax):
        if tone.dropna().empty:
            _no_data(fig, ax, title)
            return _to_svg(fig, "tone", title, NO_DATA)
        x = _dates(tone.index)
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.plot(x, tone.to_numpy(dtype=float), color="#6A3D9A", marker="o", markersize=3)
        low, high = float(tone.min()), float(tone.max())
        pad = max(0.05, (high - low) * 0.15)
        ax.set_ylim(min(low, 0) - pad, max(high, 0) + pad)
        ax.set_title(title)
        ax.set_xlabel("Period start")
        ax.set_ylabel("Mean tone (−1 negative … +1 positive)")
        return _to_svg(fig, "tone", title, f"{int(tone.notna().sum())} periods with tone")


def places_chart(places: pd.DataFrame) -> Chart:
    """Located places as a longitude/latitude scatter, sized by events and labelled by name."""
    title = "Where it happened"
    located = _located(places)
    with _figure("places", width=6.4, height=5.0) as (fig, ax):
        if located.empty:
            _no_data(fig, ax, title)
            return _to_svg(fig, "places", title, NO_DATA)
        events = located["events"].fillna(1).astype(float)
        sizes = 30 + 270 * events / max(float(events.max()), 1.0)
        ax.scatter(located["longitude"], located["latitude"], s=sizes, color=INDEX_COLOUR,
                   alpha=0.6, edgecolors="#1F3B57", linewidths=0.6)
        _frame_places(ax, located)
        ax.grid(True, color="#DDDDDD", linewidth=0.6)
        ax.set_title(title)
        ax.set_xlabel("Longitude (°E)")
        ax.set_ylabel("Latitude (°N)")
        _label_places(fig, ax, located)
        return _to_svg(fig, "places", title, f"{len(located)} located places")


def _located(places: pd.DataFrame) -> pd.DataFrame:
    if places.empty:
        return places
    frame = places.copy()
    frame["latitude"] = pd.to_numeric(frame["latitude"], errors="coerce")
    frame["longitude"] = pd.to_numeric(frame["longitude"], errors="coerce")
    frame["events"] = pd.to_numeric(frame["events"], errors="coerce").fillna(1)
    frame = frame.dropna(subset=["latitude", "longitude"])
    return frame.sort_values(["events", "place"], ascending=[False, True])


def _frame_places(ax: Axes, located: pd.DataFrame) -> None:
    # Keep a degree of longitude as wide as it is on the ground near the mid latitude; margins
    # (not fixed limits, which the aspect would override) leave room for the labels.
    mid = math.radians(float(located["latitude"].mean()))
    ax.margins(x=0.25, y=0.2)
    ax.set_aspect(1 / max(math.cos(mid), 0.2), adjustable="datalim")


# Label positions tried in turn (offset in points, horizontal alignment), right of the dot first.
_LABEL_SPOTS = (((6, 3), "left"), ((6, -9), "left"), ((-6, 3), "right"), ((-6, -9), "right"),
                ((0, 8), "center"), ((0, -14), "center"))


def _label_places(fig: Figure, ax: Axes, located: pd.DataFrame) -> None:
    """Label the busiest places first, each at the first spot that overlaps no earlier label."""
    fig.draw_without_rendering()  # settle layout and aspect so label boxes are final
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    taken: list[Any] = []
    for row in located.itertuples(index=False):
        label = None
        for offset, align in _LABEL_SPOTS:
            if label is not None:
                label.remove()
            label = ax.annotate(f"{row.place} ({int(row.events)})",
                                (row.longitude, row.latitude), xytext=offset,
                                textcoords="offset points", ha=align, fontsize=8)
            label.set_in_layout(False)
            box = label.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in taken):
                break
        if label is not None:
            taken.append(label.get_window_extent(renderer))


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if frame.empty or name not in frame:
        return pd.Series(dtype=float)
    return pd.to_numeric(frame[name], errors="coerce").astype(float)


def _is_number(value: object) -> bool:
    try:
        return not math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
