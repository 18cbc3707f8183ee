"""Forecast sentences of a year already over: said in the past tense, with the outcome.

A forecast page may show a year whose published 31 December figure is known (the
national page for 2025, forecast from 30/11/2025, with the year's outcome beside it). Its
sentences about the plan — the move needed, the ranged plan, the past moves, the model of
P(meet plan) and what held it — describe the forecast as of its date, so they read in the
past tense (:func:`tense`: a catalogue key's ``_past`` form where the catalogue has one),
and one sentence says whether the plan was met, missed or cannot be told from the
published figure (:func:`plan_outcome`), computed from the forecast table's own columns
(``actual`` with its word ``actual_qualifier``, ``plan``, ``plan_lo``, ``plan_hi``).
Kept apart from :mod:`~bhxh_analysis.reports.words`, which asks these functions.
"""

from __future__ import annotations

import math

import pandas as pd

from .. import i18n
from .qualifiers import bounds_of

__all__ = ["actual_bounds", "is_over", "plan_outcome", "tense"]


def is_over(r: pd.Series | dict) -> bool:
    """Whether a forecast row's year is already over (its 31 December figure is known)."""
    actual = r.get("actual", math.nan)
    return actual is not None and pd.notna(actual)


def tense(key: str, r: pd.Series | dict) -> str:
    """The catalogue key of a plan sentence in the tense of the row's year.

    ``key + "_past"`` when the year is over and the catalogue has that form, else ``key``.

    Examples
    --------
    >>> tense("plan_ranged", {"actual": 21340000.0}), tense("plan_ranged", {"actual": None})
    ('plan_ranged_past', 'plan_ranged')
    >>> tense("forecast_failed", {"actual": 1.0})  # no past form: the key itself
    'forecast_failed'
    """
    return key + "_past" if is_over(r) and i18n.has(key + "_past") else key


def actual_bounds(r: pd.Series | dict) -> tuple[float, float]:
    """The range a published 31 December figure stands for, by its word.

    The rule of :func:`bhxh_analysis.metrics.figures.figure_bounds` (the coverage table's
    and the forecast's own), read from the row's value and the kind of its word
    (:func:`~bhxh_analysis.reports.qualifiers.bounds_of`), never from a text printed for
    the purpose: "trên 18.260.000" is 18.259.999,5 up to its ceiling, "khoảng 97.570.000"
    a few per cent either side, a count printed in full ± ½.

    Examples
    --------
    >>> lo, hi = actual_bounds({"actual": 21340000.0, "actual_qualifier": ""})
    >>> lo, hi
    (21339999.5, 21340000.5)
    >>> actual_bounds({"actual": 18260000.0, "actual_qualifier": "over"})[0] < 18260000
    True
    """
    return bounds_of(float(r["actual"]), r.get("actual_qualifier"),
                     str(r.get("indicator", "")))


def plan_outcome(r: pd.Series, lang: str, plan_text: str) -> list[str]:
    """One sentence: the plan of a year already over was met, missed, or cannot be told.

    Met when the least the published figure can be reaches the plan's upper end (a plan
    known only as a range, ``plan_lo``–``plan_hi``, is met only if met at both ends);
    missed when the most it can be stays below the plan's lower end; otherwise the page
    cannot tell ("trên 18.260.000" against a plan of 18.399.490–18.687.047). Empty when
    the year is not over or has no plan.

    Examples
    --------
    >>> r = pd.Series({"indicator": "x", "place": "P", "actual": 21340000.0,
    ...                "actual_qualifier": "", "plan": 21520000.0,
    ...                "plan_lo": 21496781.0, "plan_hi": 21547555.0})
    >>> plan_outcome(r, "en", "21,496,781–21,547,555")[0].split(": ", 1)[1]
    'the published 31 December figure, 21,340,000, fell short of the plan of 21,496,781–21,547,555.'
    """
    if not is_over(r) or pd.isna(r.get("plan")):
        return []
    plan = float(r["plan"])
    lo_plan, hi_plan = (float(r[c]) if pd.notna(r.get(c)) else plan
                        for c in ("plan_lo", "plan_hi"))
    lo, hi = actual_bounds(r)
    key = ("plan_outcome_met" if lo >= hi_plan else
           "plan_outcome_missed" if hi < lo_plan else "plan_outcome_unknown")
    actual = i18n.qualified(i18n.fmt_number(float(r["actual"]), lang),
                            r.get("actual_qualifier"), lang)
    return [i18n.t(key, lang, label=i18n.indicator_label(str(r["indicator"]), lang),
                   place=r["place"], actual=actual, plan=plan_text)]
