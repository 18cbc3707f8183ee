"""The year-end forecast's fan chart (:func:`fan_chart`)."""

from __future__ import annotations

import math
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.axes import Axes

from .. import i18n
from .common import (
    PALETTE,
    TARGET_COLOR,
    _line_height,
    _new_axes,
    break_gaps,
    format_axes,
    legend_below,
    style,
)


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
        as a star, so the reader sees where the year ended against the fan, its legend
        with the source's word (``actual_qualifier``: "over 18,260,000").
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
            # printed as the table and the sentences print it (render.value_text)
            from ..reports.render import value_text

            text, ranged = value_text(plan, row.get("plan_lo"), row.get("plan_hi"), "count",
                                      lang)
            if ranged:
                ax.axhspan(float(row["plan_lo"]), float(row["plan_hi"]), color=TARGET_COLOR,
                           alpha=0.15, linewidth=0)
            ax.axhline(float(plan), color=TARGET_COLOR, linestyle="-", linewidth=1.3,
                       label=f"{i18n.t('fan_plan', lang)}: {text}")
        actual = row.get("actual", math.nan)
        if actual is not None and not pd.isna(actual):  # the year is over: its outcome,
            # with its source's word as the table prints it ("over 18,260,000": the national
            # 2025 legend read "18,260,000" beside the table's "over 18,260,000")
            value = i18n.qualified(i18n.fmt_number(actual, lang), row.get("actual_qualifier"),
                                   lang)
            ax.scatter([end], [float(actual)], color="#222222", marker="*", s=120, zorder=6,
                       label=i18n.t("fan_actual", lang, value=value))
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
    # the as-of date is written one row under the tick labels: the legend goes under it
    legend_below(ax, below=3.0 + _line_height(ax.xaxis.majorTicks[0].label1.get_fontsize()))
    return ax


def _below_ticks(ax: Axes) -> Any:
    """Coordinates whose bottom (0) is the bottom of ``ax``'s x tick labels, as drawn.

    A text anchored there by its top sits in a row of its own under the tick labels,
    whatever their height (matplotlib calls this with the renderer at each draw).
    """
    def box(renderer: Any) -> Any:
        return ax.xaxis.get_tightbbox(renderer) or ax.bbox

    return box

