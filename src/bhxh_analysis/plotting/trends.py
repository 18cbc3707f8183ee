"""Trend lines and their small multiples (:func:`line`, :func:`panels`, :func:`line_chart`).

At most :data:`~bhxh_analysis.plotting.common.MAX_SERIES` series share a panel, counts of
very different size do not (:data:`MAX_RATIO`), series with few points are drawn as
points, and lines break across gaps of more than a year and a month
(:func:`~bhxh_analysis.plotting.common.break_gaps`).
"""

from __future__ import annotations

import datetime
import itertools
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import i18n
from ..chartout import to_png
from .common import (
    MAX_SERIES,
    PALETTE,
    SPARSE,
    TARGET_COLOR,
    _new_axes,
    break_gaps,
    format_axes,
    legend_below,
    style,
)


def line(df: pd.DataFrame, x: str, y: str, hue: str | None = None, *, ax: Axes | None = None,
         lang: str = "vi", pct: bool = False, title: str | None = None,
         ylabel: str | None = None, scale: float = 1.0,
         targets: Sequence[str] = (), colors: dict[str, str] | None = None,
         events: Sequence[tuple[object, str]] = (), segment: str | None = None,
         bound: str | None = "bound") -> Axes:
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
        ``hue`` values that are targets: hollow red rings at their year, never joined,
        wide enough (:data:`TARGET_RING`) that a figure of the same value shows inside
        (a solid red dash hid the national BHYT coverage of 2020–2025 under its targets).
    colors : dict, optional
        Colour of each ``hue`` value (default: the palette in the order the values first
        appear in ``df``, or a categorical's order, so translated labels keep their colours).
    events : sequence of (date, str)
        Dates where what the series measure changed (a merger of provinces), each with a
        short label in the reader's language: a thin vertical line and its label, drawn
        only when the data span the date (see :func:`mark_events`).
    segment : str, optional
        Column numbering the parts of a series that count one area: a line never joins
        two points of different parts (2007 and 2009 of Hà Nội's population, before and
        after Hà Tây joined it), each keeps its marker (:func:`~.common.break_gaps`).
    bound : str, optional
        Column (used when present) of the side a figure's printed word leaves open
        (:func:`bhxh_analysis.reports.qualifiers.side_of`): a figure printed "trên
        66.000" (``lower``: the true value is higher) or "gần 95%" (``upper``: lower) is
        no exact point; it is drawn as an open triangle pointing to that side
        (:func:`mark_bounds`), with a legend entry from the catalogue.

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
    sides: set[str] = set()
    with matplotlib.rc_context(style()):
        for key, g in groups:
            color = colors.get(str(key), PALETTE[0])
            label = None if key is None else str(key)
            # a figure printed with a bound word is its open triangle alone, no dot
            # under it (mark_bounds)
            bounded = (g[bound].astype(str).isin(list(BOUND_MARKERS)).to_numpy()
                       if bound and bound in g and label not in targets
                       else np.zeros(len(g), dtype=bool))
            named = label
            if label in targets:  # a hollow ring round its year's point: both seen
                ax.scatter(g[x], g[y], marker="o", s=TARGET_RING, linewidths=1.5,
                           facecolors="none", edgecolors=TARGET_COLOR, zorder=4, label=label)
            elif len(g) >= SPARSE:  # seaborn's line look; NaN rows break it at gaps, and a
                # figure alone between two gaps is its marker (5 points: seen, not a dot)
                pts = break_gaps(g, x, y, segment if segment in g else None)
                dots = (~pts[x].isin(g.loc[bounded, x]).to_numpy()).tolist()
                ax.plot(pts[x], pts[y], color=color, marker="o", markersize=5, linewidth=1.8,
                        markeredgecolor="w", markeredgewidth=0.75, label=label,
                        markevery=dots)
                named = None
            elif not bounded.all():
                sns.scatterplot(data=g[~bounded], x=x, y=y, ax=ax, color=color, s=36,
                                label=label)
                named = None
            if bounded.any():  # a series of bounds alone is named by its triangles
                sides |= mark_bounds(ax, g, x, y, bound, color, named)
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
    if len(data):
        mark_events(ax, events, data[x].min(), data[x].max())
    if hue or sides:
        legend_below(ax, extra=bound_entries(ax, lang))
    elif ax.get_legend() is not None:
        ax.get_legend().remove()
    return ax


#: Open triangle of a figure printed with a bound word, pointing to the side it leaves
#: open: "trên 66.000" (the true value higher) ▲, "gần 95%" (lower) ▼.
BOUND_MARKERS = {"lower": "^", "upper": "v"}

#: Edge colour of the bound markers' legend entry (the chart's markers take their
#: series' colour).
BOUND_EDGE = "#555555"


#: Size (points²) of a bound figure's triangle: larger than the figure's dot it covers.
BOUND_SIZE = 64.0


def bound_entries(ax: Axes, lang: str) -> list[tuple[object, str]]:
    """The legend entries of the bound markers drawn on ``ax`` (:func:`mark_bounds`),
    one a side, in the catalogue's words (``chart_bound_lower``, ``chart_bound_upper``):
    a marker's meaning, no series of its own."""
    from matplotlib.lines import Line2D

    drawn = {str(c.get_gid()) for c in ax.collections}
    return [(Line2D([], [], linestyle="none", marker=m, markersize=8.0,
                    markerfacecolor="white", markeredgecolor=BOUND_EDGE,
                    markeredgewidth=1.4), i18n.t(f"chart_bound_{side}", lang))
            for side, m in BOUND_MARKERS.items() if f"bound-{side}" in drawn]


def mark_bounds(ax: Axes, g: pd.DataFrame, x: str, y: str, bound: str,
                color: str, label: str | None = None) -> set[str]:
    """Draw the figures of one series printed with a bound word as open triangles.

    ``g[bound]`` holds each figure's side (``lower``: printed "trên", "hơn", "ít nhất" —
    the true value is higher; ``upper``: "gần", "dưới" — lower; anything else: a figure
    drawn as it is). ``label``: the series' legend entry, for a series whose figures are
    all bounds (no dot or line names it). Returns the sides drawn, for the legend.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> g = pd.DataFrame({"year": [2019, 2020], "value": [1.0, 2.0],
    ...                   "bound": ["exact", "lower"]})
    >>> sorted(mark_bounds(ax, g, "year", "value", "bound", "#1f77b4"))
    ['lower']
    >>> [(c.get_gid(), c.get_offsets().tolist()) for c in ax.collections]
    [('bound-lower', [[2020.0, 2.0]])]
    >>> plt.close(fig)
    """
    drawn = set()
    for side, marker in BOUND_MARKERS.items():
        pts = g[g[bound].astype(str).eq(side).to_numpy()]
        if len(pts):
            # a scatter, not a line: no line joins two bound figures, and the series'
            # own line keeps its round markers
            ax.scatter(pts[x], pts[y], marker=marker, s=BOUND_SIZE, facecolors="white",
                       edgecolors=color, linewidths=1.4, zorder=5, gid=f"bound-{side}",
                       label=label if label and not drawn else "_nolegend_")
            drawn.add(side)
    return drawn


#: Colour of an event's line and label: present, never taken for a series.
EVENT_COLOR = "#666666"

#: An event's label is wrapped to lines of at most this many characters, so it stays
#: beside its line in a narrow panel ("Took in Hà Tây, Mê Linh, 4 communes of Lương Sơn
#: (1 Aug 2008)" on two lines) and the longest single name ("4 communes of Lương Sơn
#: moved to Hà Nội") on one.
EVENT_WRAP = 40


def _wrap(label: str) -> str:
    """``label`` on lines of at most :data:`EVENT_WRAP` characters, a bracketed date
    ("(1 Aug 2008)") or a name of capitalised words ("Hà Nội") never split across two.

    Examples
    --------
    >>> print(_wrap("Took in Hà Tây, Mê Linh, 4 communes of Lương Sơn (1 Aug 2008)"))
    Took in Hà Tây, Mê Linh, 4 communes of
    Lương Sơn (1 Aug 2008)
    >>> print(_wrap("Nhập 4 xã của Lương Sơn, Mê Linh vào Hà Nội (1/8/2008)"))
    Nhập 4 xã của Lương Sơn, Mê Linh vào
    Hà Nội (1/8/2008)
    """
    kept = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(" ", "\u00a0"), label)
    words: list[str] = []
    for word in kept.split(" "):
        if words and words[-1][:1].isupper() and words[-1][-1:].isalpha() \
                and word[:1].isupper():
            words[-1] += "\u00a0" + word  # "Hà" "Nội": one name
        else:
            words.append(word)
    return textwrap.fill(" ".join(words), EVENT_WRAP).replace("\u00a0", " ")


def mark_events(ax: Axes, events: Sequence[tuple[object, str]], first: object,
                last: object) -> list[object]:
    """Draw each event whose date falls after ``first`` and on or before ``last``.

    An event is a date where what a series measures changed (Hà Tây joined Hà Nội on
    1 August 2008: Hà Nội's population doubled overnight): a thin vertical line at the
    date and its short label at the top of the axes, beside the line on the side with
    more room, wrapped to :data:`EVENT_WRAP` characters a line (a label's own line
    breaks kept: changes of one day share a mark). An event outside the data's span is not drawn: a chart of 2019–2025 says
    nothing of 2008. ``first`` and ``last`` are the data's first and last x (dates, or
    years as numbers: an event's date is then its year plus the share of the year gone).

    Returns
    -------
    list
        The dates drawn.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot(pd.to_datetime(["2007-07-01", "2009-07-01"]), [3.2, 6.5])
    >>> drawn = mark_events(ax, [("2008-08-01", "Hà Tây nhập vào Hà Nội")],
    ...                     pd.Timestamp("2007-07-01"), pd.Timestamp("2009-07-01"))
    >>> [str(d.date()) for d in drawn], [t.get_text() for t in ax.texts]
    (['2008-08-01'], ['Hà Tây nhập vào Hà Nội'])
    >>> mark_events(ax, [("2008-08-01", "Hà Tây nhập vào Hà Nội")],
    ...             pd.Timestamp("2019-01-01"), pd.Timestamp("2025-06-30"))
    []
    >>> plt.close(fig)
    """
    drawn: list[object] = []
    if not events:
        return drawn
    dates = isinstance(first, datetime.date)  # a Timestamp is one; a year is a number
    lo, hi = ax.get_xlim()
    for when, label in events:
        day = pd.Timestamp(when)
        at: object = day if dates else day.year + (day.dayofyear - 1) / 365.25
        if not first < at <= last:
            continue
        ax.axvline(at, color=EVENT_COLOR, linewidth=0.9, linestyle="-", zorder=1.5)
        pos = float(mdates.date2num(day)) if dates else float(at)
        right = (pos - lo) / (hi - lo) > 0.6 if hi > lo else False
        text = "\n".join(_wrap(line) for line in str(label).split("\n"))
        ax.annotate(text, xy=(at, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(-3 if right else 3, -2), textcoords="offset points",
                    ha="right" if right else "left", va="top", fontsize=8,
                    color=EVENT_COLOR)
        drawn.append(at)
    return drawn


#: Area (points²) of a target's hollow ring: about 11 points across, around a figure's
#: 5-point marker (6 points for a sparse series' dot) with room between them.
TARGET_RING = 120.0

#: A date axis with this many dates or fewer is labelled at the dates themselves.
SPARSE_DATES = 3

#: A y label longer than this (characters) is drawn on two lines, its unit below.
LONG_LABEL = 20


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


def _continued(sets: list[list[str]]) -> list[tuple[list[str], bool]]:
    """Mark each part of a :func:`_series_sets` split that goes on with the previous
    part's scheme (more than :data:`MAX_SERIES` series of one kin): its panel is titled
    as continued, not with the same title again (An Giang 2025 drew two panels both
    titled "Tỷ lệ bao phủ bảo hiểm: BHYT").

    Examples
    --------
    >>> _continued([["BHXH — A"], ["BHYT — A", "BHYT — B"], ["BHYT — C"]])
    [(['BHXH — A'], False), (['BHYT — A', 'BHYT — B'], False), (['BHYT — C'], True)]
    """
    kin = [{k.split(" — ")[0] for k in keys} for keys in sets]
    return [(keys, i > 0 and kin[i] == kin[i - 1]) for i, keys in enumerate(sets)]


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
           sharex: bool = False, events: Sequence[tuple[object, str]] = (),
           segment: str | None = None, bound: str | None = "bound") -> Figure:
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
        One x axis for every panel (years line up; tick labels under the last panel and
        under every panel with a legend, which stands between it and the next).
    events : sequence of (date, str)
        Marked on every panel whose data span the date (see :func:`line`).
    segment : str, optional
        Column of the parts of a series no line joins (see :func:`line`).
    bound : str, optional
        Column of each figure's bound side, drawn as :func:`line` draws it.

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
            marked = _continued(_series_sets(present))
        else:  # counts: a small series gets a panel of its own (MAX_RATIO)
            peaks = g[y].abs().groupby(g[hue].astype(str)).max().fillna(0.0).to_dict()
            marked = [m for band in _size_sets(present, peaks)
                      for m in _continued(_series_sets(band))]
        several = len({k.split(" — ")[0] for k in present}) > 1
        for keys, more in marked:
            # a panel split between schemes names the scheme each part holds (its
            # series' kin), so the parts do not all carry one title
            kin = {k.split(" — ")[0] for k in keys}
            label = (f"{name}: {kin.pop()}" if len(marked) > 1 and len(kin) == 1 and name
                     and several else str(name))
            if more and label:  # the next MAX_SERIES of one scheme: "… BHYT (tiếp)"
                label = f"{label} {i18n.t('panel_continued', lang)}"
            chunks.append((label, g[g[hue].astype(str).isin(keys)]))
    with matplotlib.rc_context(style()):
        fig = plt.figure(figsize=(width, height * max(1, len(chunks))), layout="constrained")
        axes = fig.subplots(max(1, len(chunks)), 1, squeeze=False, sharex=sharex)[:, 0]
    for ax, (name, g) in zip(axes, chunks, strict=False):
        first = g.iloc[0]
        alone = set(g[hue].astype(str)) == {str(name)}  # one series named like its panel
        bounded = bool(bound) and bound in g and g[bound].isin(list(BOUND_MARKERS)).any()
        if sharex and (not alone or bounded):
            # a legend under the panel parts it from the one below: the shared years are
            # labelled here too, before the legend is put under them (the national
            # coverage panels showed no year but under the last)
            ax.tick_params(axis="x", labelbottom=True)
        line(g, x, y, hue, ax=ax, lang=lang, pct=_is_pct(g, pct),
             title=name or None,
             ylabel=str(first[ylabel]) if ylabel in g.columns else ylabel,
             scale=float(first[scale]) if isinstance(scale, str) else float(scale or 1.0),
             targets=targets, colors=colors, events=events, segment=segment, bound=bound)
        if ax.get_legend() is not None and alone:
            # one series named like its panel: the title says it; a bound marker's entry
            # stays
            ax.get_legend().remove()
            for art in [*ax.get_lines(), *ax.collections]:
                if art.get_label() == str(name):
                    art.set_label("_nolegend_")
            legend_below(ax, extra=bound_entries(ax, lang))
    return fig


def _is_pct(g: pd.DataFrame, pct: str | bool | None) -> bool:
    """Whether the panel of rows ``g`` holds percentages (``pct``: a column or a flag)."""
    return bool(g[pct].iloc[0]) if isinstance(pct, str) else bool(pct)


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
