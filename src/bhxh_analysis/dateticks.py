"""Date ticks whose labels never meet, chosen when the chart is drawn (for :mod:`.plotting`).

A date axis of a report panel may hold one date, two dates twenty years apart or years
of monthly figures, and its width depends on the legend beside it, known only once
matplotlib lays the figure out. :class:`DateTicks` therefore picks its ticks when the
axis is drawn: the shortest step (:data:`DATE_STEPS`) giving at most
:data:`MAX_DATE_TICKS` ticks whose labels, measured in the tick labels' font, do not
meet. :class:`DateLabels` writes them the ``lang`` way and leaves out any label that
would still meet another (its tick stays), so no two date labels ever overlap.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> import pandas as pd
>>> fig, ax = plt.subplots(figsize=(8, 2))
>>> _ = ax.plot(pd.to_datetime(["2019-12-31", "2025-12-31"]), [1.0, 2.0])
>>> _ = ax.set_xlim(pd.Timestamp("2019-07-01"), pd.Timestamp("2026-06-30"))
>>> ax.xaxis.set_major_locator(DateTicks())
>>> ax.xaxis.set_major_formatter(DateLabels("vi"))
>>> fig.canvas.draw()
>>> [t.get_text() for t in ax.get_xticklabels()]
['2020', '2022', '2024', '2026']
>>> fig.set_size_inches(1.5, 2)
>>> fig.canvas.draw()
>>> [t.get_text() for t in ax.get_xticklabels()]
['2020', '2025']
>>> plt.close(fig)
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from typing import Any

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import pandas as pd

from . import i18n

#: At most this many regular date ticks on an axis (fewer labels read faster).
MAX_DATE_TICKS = 6

#: Steps of regular date ticks, shortest first: months (dividing the year), then years.
DATE_STEPS: tuple[tuple[str, int], ...] = (
    ("month", 1), ("month", 2), ("month", 3), ("month", 6),
    ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 20), ("year", 50))


def _num(when: object) -> float:
    return float(mdates.date2num(pd.Timestamp(when)))


@functools.lru_cache(maxsize=4096)
def _width(text: str, font: tuple[str, float, str, str]) -> float:
    """Width in points of ``text`` in ``font`` (family, size, weight, style), kept once known:
    the axis asks for its ticks several times a draw."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    family, size, weight, style = font
    prop = FontProperties(family=family, size=size, weight=weight, style=style)
    return float(text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0])


def _label_boxes(axis: Any, values: Sequence[float],
                 labels: Sequence[str]) -> list[tuple[float, float]] | None:
    """Each label's centre and half width along the axis, in points, as the axis is now.

    Widths are those of the text in the tick labels' font; each half width holds half a
    font size of gap, so two labels that do not clash are a font size apart. ``None``
    while the axis has no size yet.
    """
    ax = axis.axes
    lo, hi = sorted(axis.get_view_interval())
    length = ax.bbox.width * 72 / ax.figure.dpi
    if not hi > lo or length <= 0:
        return None
    prop = axis.majorTicks[0].label1.get_fontproperties()
    gap = prop.get_size_in_points()
    font = (prop.get_family()[0], gap, str(prop.get_weight()), prop.get_style())
    return [((v - lo) / (hi - lo) * length, (_width(t, font) + gap) / 2 if t else 0.0)
            for v, t in zip(values, labels, strict=True)]


def _new_year(v: float) -> bool:
    d = mdates.num2date(v)
    return d.month == 1 and d.day == 1


def _clash(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < a[1] + b[1]


class DateLabels(mticker.Formatter):
    """Dates the ``lang`` way, and no label where it would meet another.

    A mark (a date of a sparse series, a forecast's date) is written in full
    (``31/12/2021``), 1 January as its year, another first of a month as the month
    (``7/2020``), and 1 January as its month too on an axis with such a tick (one format
    an axis, :meth:`texts`); an ``unlabelled`` date keeps its tick but no label (the caller writes
    it elsewhere). Labels are placed in order — the newest mark, the oldest, the other
    marks from the newest, then the other ticks from the left — and one that would meet
    a label already placed is left empty (its tick stays), whatever the axis' width.
    """

    def __init__(self, lang: str, marks: Sequence[object] = (),
                 unlabelled: Sequence[object] = ()) -> None:
        self.lang = lang
        self.marks = sorted({_num(m) for m in marks})
        self.unlabelled = sorted({_num(m) for m in unlabelled})

    def is_mark(self, v: float) -> bool:
        return any(abs(v - m) < 0.5 for m in self.marks)

    def __call__(self, x: float, pos: int | None = None) -> str:
        d = mdates.num2date(x)
        if any(abs(x - m) < 0.5 for m in self.unlabelled):
            return ""  # written by the caller elsewhere (a fan chart's as-of date)
        if self.is_mark(x):
            return i18n.fmt_date(pd.Timestamp(d.date()), self.lang)
        if d.month == 1 and d.day == 1:
            return str(d.year)
        return i18n.fmt_month(d.year, d.month, self.lang)

    def texts(self, values: Sequence[float]) -> list[str]:
        """The labels of ``values`` in one format: when any regular tick falls within a
        year, a tick on 1 January reads as its month too (``1/2019``), not as the year
        alone beside months (Hải Phòng read "7/2018, 2019, 7/2019"); marks keep their
        full date and unlabelled ticks no label."""
        labels = [self(v, i) for i, v in enumerate(values)]
        regular = [i for i, v in enumerate(values)
                   if labels[i] and not self.is_mark(v)]
        if any(not _new_year(values[i]) for i in regular):
            for i in regular:
                d = mdates.num2date(values[i])
                labels[i] = i18n.fmt_month(d.year, d.month, self.lang)
        return labels

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        labels = self.texts(values)
        boxes = _label_boxes(self.axis, values, labels) if self.axis is not None else None
        if boxes is None:
            return labels
        marks = sorted((i for i, v in enumerate(values) if self.is_mark(v)),
                       key=lambda i: values[i])
        marks = marks[-1:] + marks[:1] + marks[-2:0:-1] if len(marks) > 1 else marks
        placed: list[int] = []
        for i in [*marks, *(i for i in range(len(values)) if i not in marks)]:
            if not any(_clash(boxes[i], boxes[j]) for j in placed):
                placed.append(i)
        return [t if i in placed else "" for i, t in enumerate(labels)]


class DateTicks(mticker.Locator):
    """Date ticks chosen when the axis is drawn, so that their labels fit its width.

    With ``only_marks`` the ticks are the marks (the few dates of a sparse series).
    Otherwise the marks plus the first of every month, 2, 3 or 6 months, or of every
    year, 2, 5, 10 … years (:data:`DATE_STEPS`): the shortest step giving at most
    :data:`MAX_DATE_TICKS` ticks whose labels do not meet; a tick meeting a mark's label
    gives way to it.
    """

    def __init__(self, marks: Sequence[object] = (), only_marks: bool = False) -> None:
        self.marks = sorted({_num(m) for m in marks})
        self.only_marks = only_marks

    def __call__(self) -> list[float]:
        return self.tick_values(*self.axis.get_view_interval())

    def tick_values(self, vmin: float, vmax: float) -> list[float]:
        lo, hi = sorted((vmin, vmax))
        marks = [m for m in self.marks if lo <= m <= hi]
        if self.only_marks or self.axis is None:
            return marks
        fmt = self.axis.get_major_formatter()
        texts = fmt.texts if isinstance(fmt, DateLabels) else (
            lambda vs: [fmt(v) for v in vs])
        mark_boxes = _label_boxes(self.axis, marks, [fmt(m) for m in marks]) or []
        ticks: list[float] = []
        for kind, k in DATE_STEPS:
            if (hi - lo) / (k * (30.44 if kind == "month" else 365.25)) > MAX_DATE_TICKS + 1:
                continue
            loc = (mdates.MonthLocator(bymonth=range(1, 13, k), bymonthday=1)
                   if kind == "month" else mdates.YearLocator(base=k))
            ticks = [float(v) for v in loc.tick_values(mdates.num2date(lo), mdates.num2date(hi))
                     if lo <= v <= hi]
            boxes = _label_boxes(self.axis, ticks, texts(ticks))  # as format_ticks writes
            if boxes is None:
                break
            free = [(t, b) for t, b in zip(ticks, boxes, strict=True)
                    if not any(_clash(b, m) for m in mark_boxes)]
            ticks = [t for t, _ in free]
            if len(ticks) <= MAX_DATE_TICKS and not any(
                    _clash(a[1], b[1]) for a, b in itertools.pairwise(free)):
                break
        return sorted([*marks, *ticks])
