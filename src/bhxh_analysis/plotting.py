"""One chart style for every report (seaborn/matplotlib, Agg, Vietnamese diacritics).

Charts are drawn on :class:`matplotlib.figure.Figure` objects with the Agg canvas, never
through ``pyplot``: no global figure state leaks between reports that share a kernel, and
nothing depends on the notebook's matplotlib backend. Each function returns a
:class:`Chart`, which notebooks display as a PNG (``_repr_png_``).

DejaVu Sans ships with matplotlib and covers Vietnamese (Đ, ắ, ế, ữ ...), so it is
the font; :func:`missing_glyphs` checks a text against it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
import matplotlib.ticker as mticker

# The Agg canvas is attached to each figure explicitly: headless, and independent of
# whatever backend pyplot uses in the user's session or notebook.
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import i18n

FONT = "DejaVu Sans"
PALETTE: tuple[str, ...] = (
    "#1f5f8b", "#e07b39", "#3a9d5d", "#b8404a", "#7d5ba6", "#8c6d46", "#d4a017", "#5a6b7b",
)
TARGET_COLOR = "#b8404a"
DPI = 100

_RC: dict[str, object] = {
    "font.family": FONT,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.edgecolor": "#555555",
    "legend.frameon": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
}


# seaborn's "whitegrid" style, written out: importing seaborn costs ~2 s (it pulls in
# scipy), more than rendering a whole report, and these few rcParams are all we use of it.
_WHITEGRID: dict[str, object] = {
    "axes.facecolor": "white",
    "axes.edgecolor": ".8",
    "axes.axisbelow": True,
    "axes.labelcolor": ".15",
    "figure.facecolor": "white",
    "grid.linestyle": "-",
    "text.color": ".15",
    "xtick.color": ".15",
    "ytick.color": ".15",
    "xtick.direction": "out",
    "ytick.direction": "out",
    "xtick.bottom": False,
    "ytick.left": False,
    "lines.solid_capstyle": "round",
    "patch.edgecolor": "w",
    "image.cmap": "rocket" if "rocket" in matplotlib.colormaps else "viridis",
}


def style() -> dict[str, object]:
    """Return the report style as rcParams: seaborn ``whitegrid`` plus our palette and font."""
    rc = dict(_WHITEGRID)
    rc.update(_RC)
    return rc


@dataclass
class Chart:
    """A rendered chart: PNG bytes plus a plain-text description for non-image views."""

    png: bytes
    alt: str

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:  # text/plain fallback in notebooks and terminals
        return f"<Chart: {self.alt}>"

    def save(self, path: str) -> None:
        """Write the PNG to ``path``."""
        with open(path, "wb") as fh:
            fh.write(self.png)


def _new_figure(width: float = 8.0, height: float = 4.0) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _render(fig: Figure, alt: str) -> Chart:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return Chart(buf.getvalue(), alt)


def _axis_formatter(lang: str, pct: bool) -> mticker.FuncFormatter:
    if pct:
        return mticker.FuncFormatter(lambda v, _pos: i18n.fmt_pct(v, lang, 1))
    return mticker.FuncFormatter(lambda v, _pos: i18n.fmt_number(v, lang))


def line_chart(
    series: dict[str, Sequence[tuple[object, float]]],
    *,
    title: str,
    ylabel: str,
    lang: str,
    pct: bool = False,
    targets: Sequence[tuple[str, float]] = (),
) -> Chart:
    """Draw one line per series over time.

    Parameters
    ----------
    series : dict
        Label → sequence of ``(x, y)`` points (x: year or date).
    title, ylabel : str
        Chart title and y-axis label (already in ``lang``).
    lang : str
        Language of the tick labels' number format.
    pct : bool
        Format the y axis as percentages.
    targets : sequence of (label, value)
        Horizontal reference lines (policy targets).

    Returns
    -------
    Chart
    """
    import matplotlib as mpl

    with mpl.rc_context(style()):
        fig = _new_figure()
        ax = fig.add_subplot()
        for label, points in series.items():
            if not points:
                continue
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, marker="o", markersize=3.5, linewidth=1.8, label=label)
        for label, value in targets:
            ax.axhline(value, color=TARGET_COLOR, linestyle="--", linewidth=1)
            ax.annotate(label, xy=(1, value), xycoords=("axes fraction", "data"),
                        ha="right", va="bottom", fontsize=8, color=TARGET_COLOR)
        ax.set_title(title, loc="left")
        ax.set_ylabel(ylabel)
        ax.yaxis.set_major_formatter(_axis_formatter(lang, pct))
        # Years are integers: never show 2018.25 on the axis.
        ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
        if len(series) > 1:
            ax.legend(loc="best", fontsize=8)
        return _render(fig, title)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    xlabel: str,
    lang: str,
    pct: bool = True,
    markers: Sequence[float | None] | None = None,
    marker_label: str = "",
) -> Chart:
    """Draw horizontal bars (one per place), optionally with a target marker on each bar.

    Parameters
    ----------
    labels, values : sequences
        Bar labels and lengths, drawn top to bottom in the given order.
    title, xlabel : str
        Chart title and axis label (already in ``lang``).
    lang : str
        Language of the value labels.
    pct : bool
        Values are percentages (0–100).
    markers : sequence of float or None
        A target per bar (``None`` for none), drawn as a red tick.
    marker_label : str
        Legend text for the markers.
    """
    import matplotlib as mpl

    n = len(labels)
    with mpl.rc_context(style()):
        fig = _new_figure(8.0, max(1.6, 0.42 * n + 1.0))
        ax = fig.add_subplot()
        ys = list(range(n))[::-1]
        ax.barh(ys, values, color=PALETTE[0], height=0.6)
        for y, v in zip(ys, values, strict=True):
            text = i18n.fmt_pct(v, lang) if pct else i18n.fmt_number(v, lang)
            ax.annotate(text, xy=(v, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)
        if markers is not None:
            mys = [y for y, m in zip(ys, markers, strict=True) if m is not None]
            mvs = [m for m in markers if m is not None]
            if mvs:
                ax.scatter(mvs, mys, marker="|", s=400, color=TARGET_COLOR, zorder=3,
                           label=marker_label)
                ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        ax.set_yticks(ys, labels)
        ax.set_title(title, loc="left")
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        if pct:
            ax.set_xlim(0, max([100.0, *values]) * 1.08)
        ax.xaxis.set_major_formatter(_axis_formatter(lang, pct))
        return _render(fig, title)


def missing_glyphs(text: str, font: str = FONT) -> set[str]:
    """Return the characters of ``text`` that ``font`` cannot draw (empty set: all covered).

    Used by the tests to prove that Vietnamese place names render without tofu boxes.
    """
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font, fallback_to_default=False)
    face = FT2Font(path)
    cmap = face.get_charmap()
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}
