"""The charts' common ground: style, palette, number and date ticks, legends, line gaps.

Every chart of :mod:`bhxh_analysis.plotting` draws in :func:`style` (seaborn's
``whitegrid``, our palette, DejaVu Sans), writes its ticks with :func:`format_axes` and
breaks its lines across long gaps with :func:`break_gaps`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import matplotlib
import matplotlib.ticker as mticker
import pandas as pd
from matplotlib.axes import Axes

from .. import i18n
from ..chartout import DPI, FONT
from ..dateticks import DateLabels, DateTicks

PALETTE: tuple[str, ...] = (
    "#1f5f8b", "#e07b39", "#3a9d5d", "#b8404a", "#7d5ba6", "#8c6d46", "#d4a017", "#5a6b7b",
)
TARGET_COLOR = "#b8404a"
MAX_SERIES = 5
SPARSE = 3  # series with fewer points are drawn as points only

_RC: dict[str, object] = {
    "font.family": FONT, "font.size": 10, "axes.titlesize": 11, "axes.titleweight": "bold",
    "axes.titlelocation": "left", "axes.labelsize": 10, "axes.spines.top": False,
    "axes.spines.right": False, "legend.frameon": False, "legend.fontsize": 8.5,
    "figure.dpi": DPI, "savefig.dpi": DPI, "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
}


def style() -> dict[str, object]:
    """Return the report style as rcParams: seaborn's ``whitegrid`` plus our palette and font.

    Examples
    --------
    >>> style()["font.family"]
    'DejaVu Sans'
    """
    import seaborn as sns

    rc = dict(sns.axes_style("whitegrid"))
    rc.update(sns.plotting_context("notebook", font_scale=0.85))
    rc.update(_RC)
    return rc


def _new_axes(ax: Axes | None, width: float = 8.0, height: float = 3.6) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(style()):
        fig = plt.figure(figsize=(width, height), layout="constrained")
        return fig.add_subplot()


class _TickFormatter(mticker.Formatter):
    """Numbers the ``lang`` way with as many decimals as the ticks need (at most 4).

    A one-point series of 1,091 persons drawn in thousands gets ticks 1,090 … 1,092
    apart by 0.0005: written with no decimals every tick would read "1".
    """

    def __init__(self, lang: str, pct: bool) -> None:
        self.lang, self.pct = lang, pct
        self.decimals = 1 if pct else 0

    def set_locs(self, locs: Sequence[float]) -> None:
        super().set_locs(locs)
        values = [float(v) for v in locs]
        start = 1 if self.pct else 0
        for d in range(0, 5):
            if all(abs(round(v, d) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
                self.decimals = max(d, start)
                return
        self.decimals = 4

    def __call__(self, x: float, pos: int | None = None) -> str:
        if self.pct:
            return i18n.fmt_pct(x, self.lang, self.decimals)
        return i18n.fmt_number(x, self.lang, self.decimals)


def number_formatter(lang: str = "vi", pct: bool = False) -> mticker.Formatter:
    """Return a tick formatter writing numbers (or percentages) the ``lang`` way.

    Ticks get the decimals their spacing needs, so close ticks never read alike.

    Examples
    --------
    >>> number_formatter("vi")(1234567, 0), number_formatter("en", pct=True)(93.5, 0)
    ('1.234.567', '93.5%')
    >>> number_formatter("vi").format_ticks([1.0895, 1.09, 1.0905])
    ['1,0895', '1,0900', '1,0905']
    >>> number_formatter("en").format_ticks([100.0, 200.0])
    ['100', '200']
    """
    return _TickFormatter(lang, pct)


def format_axes(ax: Axes, *, lang: str = "vi", pct: bool = False, dates: bool = False,
                marks: Sequence[object] = (), only_marks: bool = False,
                unlabelled: Sequence[object] = ()) -> Axes:
    """Write the y ticks as ``lang`` numbers (or %) and the x ticks as years or dates.

    Date ticks are chosen when the chart is drawn, for the width the axes then have, so
    their labels never meet (see :mod:`bhxh_analysis.dateticks`): ``marks`` are dates
    written in full (with ``only_marks``, the only ticks); ``unlabelled`` dates get a
    tick, no label, and no other tick labelled over them (the caller writes them).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> format_axes(ax, lang="vi").yaxis.get_major_formatter()(2500, 0)
    '2.500'
    >>> _ = ax.set_xlim(pd.Timestamp("2004-01-01"), pd.Timestamp("2026-06-30"))
    >>> _ = format_axes(ax, dates=True, marks=["2004-10-31", "2021-12-31", "2025-12-31"],
    ...                 only_marks=True)
    >>> fig.set_size_inches(3, 2)
    >>> fig.canvas.draw()
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['31/10/2004', '', '31/12/2025']
    >>> plt.close(fig)
    """
    ax.yaxis.set_major_formatter(number_formatter(lang, pct))
    if dates:
        ax.xaxis.set_major_locator(DateTicks([*marks, *unlabelled], only_marks))
        ax.xaxis.set_major_formatter(DateLabels(lang, marks, unlabelled))
    else:
        ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins=8, integer=True))
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _pos: f"{v:.0f}"))
    return ax


#: Gap (points) between what sits under an axes (its tick labels, axis label) and a
#: legend below it.
LEGEND_GAP = 6.0

def _line_height(size: float) -> float:
    """Height (points) of one line of text of ``size`` points in the report font."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    return float(text_to_path.get_text_width_height_descent(
        "lp", FontProperties(family=FONT, size=size), ismath=False)[1])


def _text_width(text: str, size: float) -> float:
    """Width (points) of ``text`` at ``size`` points in the report font."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    return float(text_to_path.get_text_width_height_descent(
        text, FontProperties(family=FONT, size=size), ismath=False)[0])


def legend_columns(labels: Sequence[str], room: float, size: float = 8.5) -> int:
    """Return how many columns a legend of ``labels`` takes in ``room`` points: the fewest
    rows that fit, entries spread evenly over the columns (as matplotlib fills them).

    Examples
    --------
    >>> legend_columns(["BHYT", "BHXH", "BHTN"], room=500.0)
    3
    >>> legend_columns(["BHXH bắt buộc — Hà Nội"] * 4, room=300.0)
    2
    >>> legend_columns(["a very long label that fits nowhere at all"], room=10.0)
    1
    """
    import numpy as np

    rc = matplotlib.rcParams
    entry = [(rc["legend.handlelength"] + rc["legend.handletextpad"]) * size
             + _text_width(str(lab), size) for lab in labels]
    for rows in range(1, len(labels) + 1):
        ncol = -(-len(labels) // rows)
        cols = [c for c in np.array_split(np.arange(len(labels)), ncol) if len(c)]
        width = (sum(max(entry[i] for i in c) for c in cols)
                 + (len(cols) - 1) * rc["legend.columnspacing"] * size
                 + 2 * rc["legend.borderpad"] * size)
        if width <= room:
            return ncol
    return 1


def legend_below(ax: Axes, below: float = 0.0,
                 extra: Sequence[tuple[Any, str]] = (), **kw: Any) -> None:
    """Put the legend under the axes, centred, in as many columns as fit its width.

    Never over the data and never beside it: a legend on the right narrowed every panel
    of a trend chart by the width of its longest label. The legend starts
    :data:`LEGEND_GAP` points under the x tick labels (and the x axis label), whose
    height is known from their font before the chart is drawn; ``below`` adds the height
    of a row the caller writes under them (the fan chart's as-of date). The columns fit
    the axes' width before the layout, which only widens them; the layout makes room for
    the legend under the axes (it is part of the axes).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(layout="constrained")
    >>> _ = ax.plot([2019, 2020], [1.0, 2.0], label="BHYT")
    >>> _ = format_axes(ax)  # years as years (no "+2.019e3" offset under the ticks)
    >>> legend_below(ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['BHYT']
    >>> fig.canvas.draw()
    >>> bool(ax.get_legend().get_window_extent().y1 < ax.xaxis.get_tightbbox().y0)
    True
    >>> plt.close(fig)
    """
    from matplotlib.transforms import ScaledTranslation

    handles, labels = ax.get_legend_handles_labels()
    # entries that name no artist of the axes (a marker's meaning: "▲ figure printed
    # 'over'"), after the series
    handles, labels = [*handles, *(h for h, _ in extra)], [*labels, *(t for _, t in extra)]
    if not handles:
        return
    fig = ax.figure
    tick = ax.xaxis.get_major_ticks()[0]
    drop = max(tick.tick1line.get_markersize(), 0.0) + below + LEGEND_GAP
    if tick.label1.get_visible():  # hidden under the upper panels sharing one x axis
        drop += tick.get_pad() + _line_height(tick.label1.get_fontsize())
    if ax.get_xlabel():
        drop += ax.xaxis.labelpad + _line_height(ax.xaxis.label.get_fontsize())
    size = float(kw.pop("fontsize", 8.5))
    # the axes' width before the layout (subplot parameters), which a legend below only
    # widens: the columns chosen fit
    room = ax.get_position().width * fig.get_figwidth() * 72
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0),
              bbox_transform=ax.transAxes + ScaledTranslation(0, -drop / 72,
                                                              fig.dpi_scale_trans),
              ncols=legend_columns(labels, room, size), borderaxespad=0, frameon=False,
              fontsize=size, **kw)


#: Largest distance (days) between two consecutive figures that a line still joins: a
#: year and a month (a year-end figure and the next, or a figure published a few weeks
#: late). Beyond it the line is broken (:func:`break_gaps`); years as numbers use the
#: same distance in years.
MAX_GAP_DAYS = 365 + 31


def break_gaps(df: pd.DataFrame, x: str, y: str, segment: str | None = None) -> pd.DataFrame:
    """Return ``x`` and ``y`` sorted by ``x``, with a row ``y = NaN`` inside each gap.

    A gap is two consecutive points more than :data:`MAX_GAP_DAYS` apart (years as
    numbers: that many days in years), or, given ``segment``, two consecutive points
    whose ``segment`` differs (a change of the area a series counts, Hà Tây joining Hà
    Nội: the figures before and after it are not one line). Matplotlib does not join
    points across a NaN, so a line drawn from the result stops at the last figure before
    the gap and starts again at the first after it; every figure keeps its marker.

    Examples
    --------
    >>> df = pd.DataFrame({"year": [2008, 2010, 2011], "value": [1.0, 2.0, 3.0]})
    >>> break_gaps(df, "year", "value").to_dict("list")
    {'year': [2008.0, 2009.0, 2010.0, 2011.0], 'value': [1.0, nan, 2.0, 3.0]}
    >>> len(break_gaps(df.iloc[1:], "year", "value"))
    2
    >>> seg = df.iloc[1:].assign(part=[0, 1])
    >>> break_gaps(seg, "year", "value", "part").to_dict("list")
    {'year': [2010.0, 2010.5, 2011.0], 'value': [2.0, nan, 3.0]}
    """
    cols = [x, y] + ([segment] if segment else [])
    out = df[cols].sort_values(x, kind="stable").reset_index(drop=True)
    xs = out[x]
    if pd.api.types.is_datetime64_any_dtype(xs):
        gap = xs.diff() > pd.Timedelta(days=MAX_GAP_DAYS)
    else:
        gap = xs.astype(float).diff() > MAX_GAP_DAYS / 365.0
    if segment:
        gap |= out[segment].ne(out[segment].shift()) & out.index.to_series().gt(0)
        out = out[[x, y]]
    if not gap.any():
        return out
    before = xs.shift()[gap]
    mids = pd.DataFrame({x: before + (xs[gap] - before) / 2, y: math.nan})
    return pd.concat([out, mids]).sort_values(x, kind="stable").reset_index(drop=True)


