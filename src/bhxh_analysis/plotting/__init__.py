"""Charts from tidy DataFrames, in one style, for notebooks and reports (seaborn underneath).

Every helper takes a DataFrame and column names (``x=``, ``y=``, ``hue=``), draws on the
Axes it is given (``ax=``) or on a new figure, and returns the Axes (or the Figure of a
set of small panels), so a researcher can keep drawing on it. x is sorted; dates and
numbers are written the Vietnamese way by default (``lang="vi"``: ``1.312.000``,
``83,2%``, ``7/2020``) or the English way (``lang="en"``); date ticks are chosen when the
chart is drawn, so that their labels never meet (:mod:`bhxh_analysis.dateticks`). Legends
sit under the axes (:func:`legend_below`), at most :data:`MAX_SERIES` series share a panel, counts of very
different size do not (:data:`MAX_RATIO`), and series with few points are drawn as
points rather than lines. A line is broken where two consecutive figures are more than a
year and a month apart (:func:`break_gaps`): a segment across years with no figure would
suggest values never published. Every axis showing a quantity is labelled with what it
measures and its unit (the caller's words; :func:`fan_chart` and :func:`bars` default to
the catalogue's). DejaVu Sans (shipped with matplotlib)
draws every Vietnamese letter (:func:`missing_glyphs`). The reports show the same charts
through :func:`bhxh_analysis.reports.render.Page.figure`.

Rooms:

``common``
    style, palette, number and date ticks, legends, :func:`break_gaps`;
``trends``
    :func:`line`, :func:`panels` (small multiples) and :func:`line_chart`;
``coverage``
    :func:`bars` with target marks and value labels;
``forecast``
    :func:`fan_chart`.

Every name is importable from here (``plotting.panels``); what a chart gives out and how
it is checked (:func:`to_png`, :func:`overlapping_texts`) comes from
:mod:`bhxh_analysis.chartout`.
"""

from __future__ import annotations

from ..chartout import DPI, FONT, figure_of, missing_glyphs, overlapping_texts, to_png
from .common import (
    LEGEND_GAP,
    MAX_GAP_DAYS,
    MAX_SERIES,
    PALETTE,
    SPARSE,
    TARGET_COLOR,
    break_gaps,
    format_axes,
    legend_below,
    legend_columns,
    number_formatter,
    style,
)
from .coverage import LABEL_GAP, bars
from .forecast import fan_chart
from .trends import (
    EVENT_COLOR,
    LONG_LABEL,
    MAX_RATIO,
    MIN_COUNT_SPAN,
    MIN_PCT_SPAN,
    PCT_HEADROOM,
    SPARSE_DATES,
    Chart,
    line,
    line_chart,
    mark_events,
    panels,
)

__all__ = [
    "DPI",
    "EVENT_COLOR",
    "FONT",
    "LABEL_GAP",
    "LEGEND_GAP",
    "LONG_LABEL",
    "MAX_GAP_DAYS",
    "MAX_RATIO",
    "MAX_SERIES",
    "MIN_COUNT_SPAN",
    "MIN_PCT_SPAN",
    "PALETTE",
    "PCT_HEADROOM",
    "SPARSE",
    "SPARSE_DATES",
    "TARGET_COLOR",
    "Chart",
    "bars",
    "break_gaps",
    "fan_chart",
    "figure_of",
    "format_axes",
    "legend_below",
    "legend_columns",
    "line",
    "line_chart",
    "mark_events",
    "missing_glyphs",
    "number_formatter",
    "overlapping_texts",
    "panels",
    "style",
    "to_png",
]
