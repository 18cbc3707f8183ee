"""Charts from tidy DataFrames, in one style, for notebooks and reports (seaborn underneath).

Every helper takes a DataFrame and column names (``x=``, ``y=``, ``hue=``), draws on the
Axes it is given (``ax=``) or on a new figure, and returns the Axes (or the Figure of a
set of small panels), so a researcher can keep drawing on it. x is sorted; dates and
numbers are written the Vietnamese way by default (``lang="vi"``: ``1.312.000``,
``83,2%``, ``7/2020``) or the English way (``lang="en"``); date ticks are chosen when the
chart is drawn, so that their labels never meet (:mod:`bhxh_analysis.dateticks`). Legends
sit outside the axes, at most :data:`MAX_SERIES` series share a panel, counts of very
different size do not (:data:`MAX_RATIO`), and series with few points are drawn as
points rather than lines. A line is broken where two consecutive figures are more than a
year and a month apart (:func:`break_gaps`): a segment across years with no figure would
suggest values never published. Every axis showing a quantity is labelled with what it
measures and its unit (the caller's words; :func:`fan_chart` and :func:`bars` default to
the catalogue's). DejaVu Sans (shipped with matplotlib)
draws every Vietnamese letter (:func:`missing_glyphs`). The reports show the same charts
through :func:`bhxh_analysis.reports.render.Page.figure`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import matplotlib.ticker as mticker
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import i18n
from .chartout import (  # noqa: F401 (re-exported: the public chart API)
    DPI,
    FONT,
    _drawn_texts,
    figure_of,
    missing_glyphs,
    overlapping_texts,
    to_png,
)
from .dateticks import DateLabels, DateTicks

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


def legend_outside(ax: Axes, **kw: Any) -> None:
    """Put the legend to the right of the axes (never over the lines).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([2019, 2020], [1.0, 2.0], label="BHYT")
    >>> legend_outside(ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['BHYT']
    >>> plt.close(fig)
    """
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  borderaxespad=0, frameon=False, fontsize=8.5, **kw)


def line(df: pd.DataFrame, x: str, y: str, hue: str | None = None, *, ax: Axes | None = None,
         lang: str = "vi", pct: bool = False, title: str | None = None,
         ylabel: str | None = None, scale: float = 1.0,
         targets: Sequence[str] = (), colors: dict[str, str] | None = None) -> Axes:
    """Draw ``y`` against ``x`` (years or dates), one series per ``hue``, sorted by x.

    Series with fewer than :data:`SPARSE` points are drawn as points only. At most
    :data:`MAX_SERIES` series belong on one Axes (use :func:`panels` beyond).

    Parameters
    ----------
    df : DataFrame
        Tidy data, one row per point.
    x, y, hue : str
        Column names; ``hue`` separates series (optional).
    ax : Axes, optional
        Where to draw (default: a new figure).
    lang : {"vi", "en"}
        Number and date format of the ticks.
    pct : bool
        ``y`` is a percentage.
    title, ylabel : str, optional
        Already in the reader's language; ``ylabel`` says what ``y`` measures and its unit,
        "what (unit)", on two lines when longer than :data:`LONG_LABEL`.
    scale : float
        Divide ``y`` by this (e.g. 1e6 with ``ylabel="triệu người"``).
    targets : sequence of str
        ``hue`` values that are targets: drawn as red marks at their year, never joined.
    colors : dict, optional
        Colour of each ``hue`` value (default: the palette in the order the values first
        appear in ``df``, or a categorical's order, so translated labels keep their colours).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": [2020, 2018, 2019], "value": [3.0, 1.0, 2.0]})
    >>> ax = line(df, x="year", y="value")
    >>> [float(v) for v in ax.lines[0].get_ydata()]
    [1.0, 2.0, 3.0]
    """
    import seaborn as sns

    i18n.check_lang(lang)
    ax = _new_axes(ax)
    data = df.dropna(subset=[y]).sort_values([x] + ([hue] if hue else []), kind="stable")
    data = data.assign(**{y: data[y] / scale})
    dates = pd.api.types.is_datetime64_any_dtype(data[x])
    groups = list(data.groupby(hue, sort=False)) if hue else [(None, data)]
    # colours follow the caller's order of hue values (a categorical's categories, else the
    # order they first appear), not their sorted labels: the same series keeps its colour
    # when the labels are translated
    order = [k for k in _hue_order(df, hue) if k not in {str(t) for t in targets}]
    colors = colors or dict(zip(order, itertools.cycle(PALETTE), strict=False))
    with matplotlib.rc_context(style()):
        for key, g in groups:
            color = colors.get(str(key), PALETTE[0])
            label = None if key is None else str(key)
            if label in targets:
                ax.scatter(g[x], g[y], marker="_", s=260, linewidths=2.5, color=TARGET_COLOR,
                           zorder=4, label=label)
            elif len(g) >= SPARSE:  # seaborn's line look; NaN rows break it at gaps, and a
                # figure alone between two gaps is its marker (5 points: seen, not a dot)
                pts = break_gaps(g, x, y)
                ax.plot(pts[x], pts[y], color=color, marker="o", markersize=5, linewidth=1.8,
                        markeredgecolor="w", markeredgewidth=0.75, label=label)
            else:
                sns.scatterplot(data=g, x=x, y=y, ax=ax, color=color, s=36, label=label)
    ax.margins(x=0.06, y=0.1)  # the first x tick never meets the lowest y tick
    if pct and len(data):  # 79.9 % → 81.3 % must not fill the panel like a doubling
        lo, hi = ax.get_ylim()
        if hi - lo < MIN_PCT_SPAN:
            lo = max(0.0, (lo + hi - MIN_PCT_SPAN) / 2)
            hi = lo + MIN_PCT_SPAN
        # a coverage cannot pass 100 %: the axis stops just above it (96.8 % centred in
        # a ten-point span read up to 102 %)
        top = max(100.0, float(data[y].max())) + PCT_HEADROOM * (hi - lo)
        if hi > top:
            lo, hi = max(0.0, lo - (hi - top)), top
        ax.set_ylim(lo, hi)
    elif len(data):  # 203.8 → 199.5 thousand (−2 %) must not fill the panel like a collapse
        lo, hi = ax.get_ylim()
        if 0 < hi - lo < MIN_COUNT_SPAN * hi:
            span = MIN_COUNT_SPAN * hi
            lo = max(0.0, (lo + hi - span) / 2)
            ax.set_ylim(lo, lo + span)
    shared = len(ax.get_shared_x_axes().get_siblings(ax)) > 1  # panels' one time axis
    if len(data) and data[x].nunique() == 1 and not shared:  # one date: a span around it
        x0 = data[x].iloc[0]
        half = pd.Timedelta(days=200) if dates else 2
        ax.set_xlim(x0 - half, x0 + half)
    # a few dates are labelled in full under their points (a 31 December figure sat on a
    # tick reading the next year); more dates, or panels sharing x, get regular ticks
    sparse = dates and not shared and 0 < data[x].nunique() <= SPARSE_DATES
    format_axes(ax, lang=lang, pct=pct, dates=dates,
                marks=sorted(data[x].unique()) if sparse else (), only_marks=sparse)
    ax.tick_params(axis="both", pad=5)
    ax.set_xlabel("")
    # a long "what (unit)" on two lines: a short panel (the national one's 2 inches)
    # holds it
    ylabel = ylabel or ""
    ax.set_ylabel(ylabel.replace(" (", "\n(", 1) if len(ylabel) > LONG_LABEL else ylabel)
    if title:
        ax.set_title(title, loc="left", fontweight="bold", fontsize=11)
    if hue:
        legend_outside(ax)
    elif ax.get_legend() is not None:
        ax.get_legend().remove()
    return ax


#: A date axis with this many dates or fewer is labelled at the dates themselves.
SPARSE_DATES = 3

#: A y label longer than this (characters) is drawn on two lines, its unit below.
LONG_LABEL = 20

#: Largest distance (days) between two consecutive figures that a line still joins: a
#: year and a month (a year-end figure and the next, or a figure published a few weeks
#: late). Beyond it the line is broken (:func:`break_gaps`); years as numbers use the
#: same distance in years.
MAX_GAP_DAYS = 365 + 31


def break_gaps(df: pd.DataFrame, x: str, y: str) -> pd.DataFrame:
    """Return ``x`` and ``y`` sorted by ``x``, with a row ``y = NaN`` inside each gap.

    A gap is two consecutive points more than :data:`MAX_GAP_DAYS` apart (years as
    numbers: that many days in years). Matplotlib does not join points across a NaN, so a
    line drawn from the result stops at the last figure before the gap and starts again
    at the first after it; every figure keeps its marker.

    Examples
    --------
    >>> df = pd.DataFrame({"year": [2008, 2010, 2011], "value": [1.0, 2.0, 3.0]})
    >>> break_gaps(df, "year", "value").to_dict("list")
    {'year': [2008.0, 2009.0, 2010.0, 2011.0], 'value': [1.0, nan, 2.0, 3.0]}
    >>> len(break_gaps(df.iloc[1:], "year", "value"))
    2
    """
    out = df[[x, y]].sort_values(x, kind="stable").reset_index(drop=True)
    xs = out[x]
    if pd.api.types.is_datetime64_any_dtype(xs):
        gap = xs.diff() > pd.Timedelta(days=MAX_GAP_DAYS)
    else:
        gap = xs.astype(float).diff() > MAX_GAP_DAYS / 365.0
    if not gap.any():
        return out
    before = xs.shift()[gap]
    mids = pd.DataFrame({x: before + (xs[gap] - before) / 2, y: math.nan})
    return pd.concat([out, mids]).sort_values(x, kind="stable").reset_index(drop=True)


#: Smallest span (percentage points) of a percentage axis: a change of one point or two
#: is drawn as the small change it is.
MIN_PCT_SPAN = 10.0

#: Room above 100 % on a percentage axis, as a share of its span: a point at 100 % is
#: drawn whole, and no tick above 100 % is labelled.
PCT_HEADROOM = 0.03

#: Smallest span of a count axis, as a share of its top: a change of 2 % is drawn as the
#: small change it is, not across the whole panel.
MIN_COUNT_SPAN = 0.2


def _hue_order(df: pd.DataFrame, hue: str | None) -> list[str]:
    """Return the ``hue`` values in the caller's order: a categorical's categories, else
    the order they first appear. Colours follow it, so a series keeps its colour when
    its label is translated."""
    if not hue:
        return []
    if isinstance(df[hue].dtype, pd.CategoricalDtype):
        return [str(k) for k in df[hue].cat.categories]
    return [str(k) for k in pd.unique(df[hue].dropna())]


def _series_sets(keys: list[str]) -> list[list[str]]:
    """Split series names into panels of at most :data:`MAX_SERIES`, kin together.

    Names of the form ``"BHYT — Đà Lạt"`` are kin by their first part (the scheme): a
    panel that must be split keeps a scheme's series together rather than cutting the
    alphabetical list anywhere. Within a kin group the split is even (6 series: 3 + 3,
    not 5 + 1).

    Examples
    --------
    >>> _series_sets(["BHXH — A", "BHXH — B", "BHYT — A", "BHYT — B", "BHYT — C",
    ...               "BHYT — D", "BHYT — E", "BHYT — F"])
    [['BHXH — A', 'BHXH — B'], ['BHYT — A', 'BHYT — B', 'BHYT — C'], ['BHYT — D', 'BHYT — E', 'BHYT — F']]
    >>> _series_sets(["a", "b", "c"])
    [['a', 'b', 'c']]
    """
    if len(keys) <= MAX_SERIES:
        return [keys] if keys else []
    kin: dict[str, list[str]] = {}
    for k in keys:
        kin.setdefault(k.split(" — ")[0], []).append(k)
    sets: list[list[str]] = []
    for group in kin.values():
        n_panels = -(-len(group) // MAX_SERIES)
        size = -(-len(group) // n_panels)
        sets.extend(group[i:i + size] for i in range(0, len(group), size))
    return sets


#: Largest ratio of two series' peaks (largest absolute value) on one panel of counts.
#: The axis ends at most a tenth of its span above the highest point, so the smallest
#: series still reaches more than a tenth of the axis' top (1 / (8 × 1.1) ≈ 11 %):
#: 15 thousand voluntary BHXH participants beside 1.3 million BHYT sat on zero.
MAX_RATIO = 8.0


def _size_sets(keys: list[str], peaks: dict[str, float]) -> list[list[str]]:
    """Split series names so that no panel's largest peak exceeds :data:`MAX_RATIO`
    times its smallest: the largest series first, each set in the caller's order.

    Sets are bands of size taken from the top (the fewest such bands); series whose
    peak is zero share a band of their own.

    Examples
    --------
    >>> _size_sets(["BHYT", "BHXH", "BHTN"], {"BHYT": 1_300_000, "BHXH": 97_000,
    ...                                       "BHTN": 70_000})
    [['BHYT'], ['BHXH', 'BHTN']]
    >>> _size_sets(["Tân Kỳ", "Nam Đàn"], {"Tân Kỳ": 617, "Nam Đàn": 5_977})
    [['Nam Đàn'], ['Tân Kỳ']]
    >>> _size_sets(["a", "b"], {"a": 1.0, "b": 8.0})
    [['a', 'b']]
    """
    ranked = sorted(keys, key=lambda k: -abs(peaks.get(k, 0.0)))
    bands: list[list[str]] = []
    for k in ranked:
        peak = abs(peaks.get(k, 0.0))
        if bands and abs(peaks.get(bands[-1][0], 0.0)) <= MAX_RATIO * peak:
            bands[-1].append(k)
        else:
            bands.append([k])
    return [[k for k in keys if k in band] for band in bands]


def panels(df: pd.DataFrame, x: str, y: str, hue: str, panel: str | None = None, *,
           lang: str = "vi", pct: str | bool | None = None, title: str | None = None,
           ylabel: str | None = None, scale: str | float | None = None,
           targets: Sequence[str] = (), width: float = 8.5, height: float = 2.8,
           sharex: bool = False) -> Figure:
    """Draw small multiples: one panel per value of ``panel``, ≤ :data:`MAX_SERIES` each.

    No series is flattened against a larger one: on a panel of counts, series whose
    peaks differ more than :data:`MAX_RATIO` times go to panels of their own (the
    largest first, same title), so each one spans a visible part of its own y axis.
    Percentages stay together: they share one scale, on which 2 % beside 90 % reads
    right. Then a panel with more than :data:`MAX_SERIES` series is split, a scheme's
    series together (:func:`_series_sets`); the parts of a panel that held several
    schemes are titled with the scheme each holds.

    Parameters
    ----------
    df : DataFrame
        Tidy data.
    x, y, hue : str
        As in :func:`line`.
    panel : str, optional
        Column whose values become panel titles (default: one panel titled ``title``);
        a panel is split into several as said above.
    pct : bool or str, optional
        y is a percentage, or the column saying so per panel.
    ylabel : str, optional
        The y-axis label, or the column holding it per panel.
    scale : str or float, optional
        Divisor of y (e.g. ``1e6``), or the column holding it per panel.
    targets : sequence of str
        ``hue`` values drawn as target marks (see :func:`line`).
    sharex : bool
        One x axis for every panel (years line up; tick labels under the last panel).

    Returns
    -------
    Figure

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": [2019, 2020, 2021] * 2, "value": [1.0, 2, 3, 2, 3, 4],
    ...                    "indicator": ["BHYT"] * 3 + ["BHTN"] * 3, "place": "Huế"})
    >>> fig = panels(df, x="year", y="value", hue="place", panel="indicator")
    >>> [ax.get_title(loc="left") for ax in fig.axes]
    ['BHYT', 'BHTN']
    >>> plt.close(fig)
    >>> sizes = df.assign(value=[1.3e6, 1.31e6, 1.32e6, 14e3, 15e3, 16e3], panel="Số người")
    >>> fig = panels(sizes, x="year", y="value", hue="indicator", panel="panel")
    >>> [ax.get_legend_handles_labels()[1] for ax in fig.axes]  # 1.3 M and 16 k apart
    [['BHYT'], ['BHTN']]
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    chunks: list[tuple[str, pd.DataFrame]] = []
    # One colour per series across every panel, in the caller's order of the series (a
    # categorical's categories, else first appearance), never their sorted labels: a
    # series keeps its colour when the labels are translated (vi "Dân số" sorts after
    # "Lực lượng lao động", en "Population" after "Labour force").
    order = _hue_order(df, hue)
    names = [k for k in order if k not in {str(t) for t in targets}]
    colors = (dict(zip(names, PALETTE, strict=False)) if len(names) <= len(PALETTE)
              else None)  # more series than colours: each panel picks its own
    groups = df.groupby(panel, sort=False) if panel else [(title or "", df)]
    for name, g in groups:
        present = [k for k in order if k in set(g[hue].astype(str))]
        if _is_pct(g, pct):  # percentages share one scale: 2 % beside 90 % reads right
            sets = _series_sets(present)
        else:  # counts: a small series gets a panel of its own (MAX_RATIO)
            peaks = g[y].abs().groupby(g[hue].astype(str)).max().fillna(0.0).to_dict()
            sets = [s for band in _size_sets(present, peaks) for s in _series_sets(band)]
        several = len({k.split(" — ")[0] for k in present}) > 1
        for keys in sets:
            # a panel split between schemes names the scheme each part holds (its
            # series' kin), so the parts do not all carry one title
            kin = {k.split(" — ")[0] for k in keys}
            label = (f"{name}: {kin.pop()}" if len(sets) > 1 and len(kin) == 1 and name
                     and several else str(name))
            chunks.append((label, g[g[hue].astype(str).isin(keys)]))
    with matplotlib.rc_context(style()):
        fig = plt.figure(figsize=(width, height * max(1, len(chunks))), layout="constrained")
        axes = fig.subplots(max(1, len(chunks)), 1, squeeze=False, sharex=sharex)[:, 0]
    for ax, (name, g) in zip(axes, chunks, strict=False):
        first = g.iloc[0]
        line(g, x, y, hue, ax=ax, lang=lang, pct=_is_pct(g, pct),
             title=name or None,
             ylabel=str(first[ylabel]) if ylabel in g.columns else ylabel,
             scale=float(first[scale]) if isinstance(scale, str) else float(scale or 1.0),
             targets=targets, colors=colors)
        if ax.get_legend() is not None and set(g[hue].astype(str)) == {str(name)}:
            ax.get_legend().remove()  # one series named like its panel: the title says it
    return fig


def _is_pct(g: pd.DataFrame, pct: str | bool | None) -> bool:
    """Whether the panel of rows ``g`` holds percentages (``pct``: a column or a flag)."""
    return bool(g[pct].iloc[0]) if isinstance(pct, str) else bool(pct)


def _label_place(v: float, tv: float | None, width: float, top: float) -> tuple[str, float]:
    """Where a bar's value label goes so that it never crosses the bar's target mark.

    Inside a long bar (white) unless the mark falls under it; otherwise just past the bar,
    or past the mark when the mark sits where the label would be. Returns ``("inside",
    v)`` or ``("outside", x)`` with ``x`` the label's anchor; ``width`` is the room the
    label takes in data units (its gaps included), measured once the figure is laid out:
    a label goes inside only a bar at least that long.

    Examples
    --------
    >>> _label_place(80.0, None, 10.0, 100.0), _label_place(12.4, 13.2, 23.0, 100.0)
    (('inside', 80.0), ('outside', 13.2))
    """
    def hit(lo: float, hi: float) -> bool:
        return tv is not None and lo <= tv <= hi

    fits = v >= width
    if v > 0.25 * top and fits and not hit(v - width, v):
        return "inside", v
    if not hit(v, v + width):
        return "outside", v
    if fits and not hit(v - width, v):
        return "inside", v
    return "outside", max(v, tv if tv is not None else v)


#: Gap (points) between a value label and the end of its bar (inside) or the bar or mark
#: it follows (outside); an inside label also keeps it from the bar's start.
LABEL_GAP = 4.0


def _value_labels(ax: Axes, values: Sequence[float], marks: Sequence[float | None],
                  texts: Sequence[str], top: float) -> None:
    """Write each bar's value inside the bar where it fits once laid out, else past it.

    The room a bar has on the page is known only after the figure's layout (long place
    names and the legend narrow the axes: Hà Tĩnh's 12.4 % bar is 19 points long in
    English, its label 28). So the figure is laid out (drawn without rendering), each
    label measured with the renderer (in bold, the wider weight) and placed by
    :func:`_label_place`; the figure is laid out again, and the labels placed again,
    until a layout gives the placement it was drawn with (a label past its bar enters
    the layout and can narrow the axes).
    """
    fig = ax.figure
    labels = [ax.annotate(t, xy=(0.0, i), xytext=(0, 0), textcoords="offset points",
                          va="center", fontsize=8, fontfamily=FONT, fontweight="bold")
              for i, t in enumerate(texts)]
    fig.draw_without_rendering()  # lays the figure out; the renderer now exists
    gap = LABEL_GAP * fig.dpi / 72
    room = [lbl.get_window_extent().width + 2 * gap for lbl in labels]  # pixels
    placed: list[tuple[str, float]] = []
    for _ in range(len(labels) + 1):  # bounded: one pass a label, and one to confirm
        per_px = top / ax.bbox.width
        places = [_label_place(v, tv, w * per_px, top)
                  for v, tv, w in zip(values, marks, room, strict=True)]
        if places == placed:
            break
        for lbl, v, (where, at) in zip(labels, values, places, strict=True):
            inside = where == "inside"
            lbl.xy = (at, lbl.xy[1])
            lbl.xyann = (-LABEL_GAP if inside else (LABEL_GAP + 2 if at > v else LABEL_GAP), 0)
            lbl.set(ha="right" if inside else "left", color="white" if inside else "black",
                    fontweight="bold" if inside else "normal")
        placed = places
        fig.draw_without_rendering()


def bars(df: pd.DataFrame, x: str, y: str, *, target: str | None = None,
         ax: Axes | None = None, lang: str = "vi", pct: bool = True, title: str | None = None,
         xlabel: str | None = None, target_label: str | None = None) -> Axes:
    """Draw horizontal bars (``x`` = length, ``y`` = label) with an optional target mark.

    Value labels sit inside long bars and just past short ones, so they never meet a
    target mark drawn on the bar; a label goes inside only a bar it fits in once the
    figure is laid out (:func:`_value_labels`), so draw on ``ax`` after the rest of its
    figure. The legend sits outside the axes. The value axis says what it measures
    (``xlabel``; a percentage defaults to the catalogue's "coverage (%)").

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"place": ["Đà Lạt", "Đức Trọng"], "coverage": [83.23, 68.9],
    ...                    "target": [90.0, 93.2]})
    >>> ax = bars(df, x="coverage", y="place", target="target")
    >>> len(ax.patches), [t.get_color() for t in ax.texts]
    (2, ['white', 'white'])
    """
    import seaborn as sns

    i18n.check_lang(lang)
    n = len(df)
    ax = _new_axes(ax, 8.0, max(1.6, 0.45 * n + 1.0))
    data = df.reset_index(drop=True)
    with matplotlib.rc_context(style()):
        sns.barplot(data=data, x=x, y=y, ax=ax, color=PALETTE[0], orient="h", width=0.6,
                    errorbar=None)
    top = max([100.0 if pct else 0.0, *data[x].dropna().tolist(),
               *(data[target].dropna().tolist() if target else [])]) * 1.02
    ax.set_xlim(0, top)
    if target:
        tys = [i for i, tv in enumerate(data[target].tolist()) if pd.notna(tv)]
        if tys:
            ax.scatter(data[target].iloc[tys], tys, marker="|", s=500, linewidths=2.5,
                       color=TARGET_COLOR, zorder=3, label=target_label or target)
            legend_outside(ax)
    ax.xaxis.set_major_formatter(number_formatter(lang, pct))
    if xlabel is None and pct:
        xlabel = i18n.t("axis_coverage_pct", lang)
    ax.set_xlabel(xlabel or "")
    ax.set_ylabel("")
    ax.grid(axis="y", visible=False)
    if title:
        ax.set_title(title, loc="left", fontweight="bold", fontsize=11)
    values = data[x].tolist()
    marks = ([None if pd.isna(tv) else float(tv) for tv in data[target].tolist()] if target
             else [None] * n)
    texts = [i18n.fmt_pct(v, lang) if pct else i18n.fmt_number(v, lang) for v in values]
    _value_labels(ax, values, marks, texts, top)
    return ax


def fan_chart(history_df: pd.DataFrame, forecast_df: pd.DataFrame, plan: float | None = None,
              as_of: object = None, lang: str = "vi", ax: Axes | None = None, *,
              title: str | None = None, ylabel: str | None = None) -> Axes:
    """Draw a year-end forecast: history points, 80/95 % bands, the plan, the as-of date.

    Parameters
    ----------
    history_df : DataFrame
        Published figures: ``as_of`` and ``value``.
    forecast_df : DataFrame
        One row (``ForecastResult.to_frame()``): ``year`` (or ``ds``), ``forecast``,
        ``lo80``, ``hi80``, ``lo95``, ``hi95`` (statsforecast's names); an optional
        ``actual`` (the published 31 December figure of a year already over) is drawn
        as a star, so the reader sees where the year ended against the fan.
    plan : float, optional
        The year's plan, drawn as a labelled horizontal line; a plan known only as a range
        (``plan_lo``/``plan_hi`` of ``forecast_df``) also as a light band, labelled with it.
    as_of : date-like, optional
        The forecast date, marked with a vertical line (default: last history date).
    lang : {"vi", "en"}
    ax : Axes, optional
    title : str, optional
    ylabel : str, optional
        What the y axis measures, with its unit (default: the catalogue's participants
        in persons, what the reports forecast).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import pandas as pd
    >>> hist = pd.DataFrame({"as_of": pd.to_datetime(["2020-03-31", "2020-06-30"]),
    ...                      "value": [100.0, 110.0]})
    >>> fc = pd.DataFrame({"year": [2020], "forecast": [120.0], "lo80": [115.0],
    ...                    "hi80": [125.0], "lo95": [112.0], "hi95": [128.0]})
    >>> ax = fan_chart(hist, fc, plan=124.0, lang="en")
    >>> len(ax.collections) >= 2
    True
    """
    i18n.check_lang(lang)
    ax = _new_axes(ax, 8.0, 3.6)
    hist = history_df.dropna(subset=["value"]).sort_values("as_of")
    row = forecast_df.iloc[0]
    end = (pd.Timestamp(row["ds"]) if "ds" in forecast_df
           else pd.Timestamp(year=int(row["year"]), month=12, day=31))
    cut = pd.Timestamp(as_of) if as_of is not None and not pd.isna(as_of) else (
        hist["as_of"].max() if len(hist) else end)
    start = hist[hist["as_of"] <= cut].tail(1)
    x0, y0 = ((start["as_of"].iloc[0], float(start["value"].iloc[0])) if len(start)
              else (cut, float(row["forecast"])))
    with matplotlib.rc_context(style()):
        for lo, hi, alpha, key in (("lo95", "hi95", 0.18, "fan_band95"),
                                   ("lo80", "hi80", 0.35, "fan_band80")):
            ax.fill_between([x0, end], [y0, float(row[lo])], [y0, float(row[hi])],
                            color=PALETTE[0], alpha=alpha, linewidth=0, label=i18n.t(key, lang))
        ax.plot([x0, end], [y0, float(row["forecast"])], color=PALETTE[0], linestyle="--",
                linewidth=1.4)
        ax.scatter([end], [float(row["forecast"])], color=PALETTE[0], marker="D", s=36,
                   zorder=4, label=i18n.t("fan_forecast", lang))
        pts = break_gaps(hist, "as_of", "value")
        ax.plot(pts["as_of"], pts["value"], color="#222222", marker="o", markersize=5,
                linewidth=1.0, zorder=5, label=i18n.t("fan_history", lang))
        if plan is not None and not pd.isna(plan):  # a ranged plan: its band, its range
            ends = [i18n.fmt_number(row.get(c, plan), lang) for c in ("plan_lo", "plan_hi")]
            text = i18n.fmt_number(plan, lang)
            if "–" not in ends and ends[0] != ends[1]:
                ax.axhspan(float(row["plan_lo"]), float(row["plan_hi"]), color=TARGET_COLOR,
                           alpha=0.15, linewidth=0)
                text = i18n.t("range_dash", lang, lo=ends[0], hi=ends[1])
            ax.axhline(float(plan), color=TARGET_COLOR, linestyle="-", linewidth=1.3,
                       label=f"{i18n.t('fan_plan', lang)}: {text}")
        actual = row.get("actual", math.nan)
        if actual is not None and not pd.isna(actual):  # the year is over: its outcome
            ax.scatter([end], [float(actual)], color="#222222", marker="*", s=120, zorder=6,
                       label=i18n.t("fan_actual", lang, value=i18n.fmt_number(actual, lang)))
        ax.axvline(cut, color="#777777", linestyle=":", linewidth=1.2,
                   label=i18n.t("fan_as_of", lang, date=i18n.fmt_date(cut, lang)))
    left = min([x0, *hist["as_of"].tolist()]) - pd.Timedelta(days=20)
    ax.set_xlim(left, end + pd.Timedelta(days=20))
    # the forecast's date written in full (a month tick on 1 January would read "2026"
    # under a 2025 forecast); the as-of date is ticked, and written under its dotted line
    # one row below the tick labels: in their row a forecast made in late November or
    # December met the 31 December label and was left out
    format_axes(ax, lang=lang, dates=True, marks=[end], unlabelled=[cut])
    ax.annotate(i18n.fmt_date(cut, lang), xy=(cut, 0), xycoords=("data", _below_ticks(ax)),
                xytext=(0, -3), textcoords="offset points", ha="center", va="top",
                fontsize=ax.xaxis.majorTicks[0].label1.get_fontsize(), color="#555555")
    ax.set_xlabel("")
    ax.set_ylabel(ylabel if ylabel is not None else i18n.t("axis_participants", lang))
    if title:
        ax.set_title(title, loc="left", fontweight="bold", fontsize=11)
    legend_outside(ax)
    return ax


def _below_ticks(ax: Axes) -> Any:
    """Coordinates whose bottom (0) is the bottom of ``ax``'s x tick labels, as drawn.

    A text anchored there by its top sits in a row of its own under the tick labels,
    whatever their height (matplotlib calls this with the renderer at each draw).
    """
    def box(renderer: Any) -> Any:
        return ax.xaxis.get_tightbbox(renderer) or ax.bbox

    return box


@dataclass
class Chart:
    """PNG bytes plus a plain-text description (what :func:`line_chart` returns)."""

    png: bytes
    alt: str

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        return f"<Chart: {self.alt}>"


def line_chart(series: dict[str, Sequence[tuple[object, float]]], *, title: str, ylabel: str,
               lang: str = "vi", pct: bool = False) -> Chart:
    """Draw ``{label: [(x, y), ...]}`` as lines and return PNG bytes (older interface).

    Prefer :func:`line` with a DataFrame; this wrapper builds that DataFrame.

    Examples
    --------
    >>> chart = line_chart({"BHYT": [(2019, 90.0), (2020, 90.9), (2021, 91.0)]},
    ...                    title="Bao phủ BHYT", ylabel="%", pct=True)
    >>> chart
    <Chart: Bao phủ BHYT>
    >>> chart.png[1:4]
    b'PNG'
    """
    df = pd.DataFrame([(k, px, py) for k, pts in series.items() for px, py in pts],
                      columns=["series", "x", "y"])
    ax = line(df, "x", "y", "series" if len(series) > 1 else None, lang=lang, pct=pct,
              title=title, ylabel=ylabel)
    return Chart(to_png(ax), title)
