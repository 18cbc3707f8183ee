"""Plans the figures imply, as known on a date.

A sentence such as "1.091 people, 1.589 short of the plan" states the year's plan
(1.091 + 1.589 = 2.680) without printing it. :func:`~bhxh_analysis.metrics.derive`
derives these plans once; :func:`implied_plans` selects them from the derived table
and keeps those known by an as-of date, which is what a forecast made on that date
may use.
"""

from __future__ import annotations

import pandas as pd

from ..schema import UNIT_KEY
from .derive import RULES, derive

__all__ = ["PLAN_COLUMNS", "implied_plans"]

#: Rules whose result is a plan or a target coverage.
_PLAN_RULES = {r.method: r.name for r in RULES if r.name in (
    "plan_from_attainment", "plan_new_from_attainment", "plan_from_shortfall",
    "plan_coverage_from_shortfall")}
#: Indicators those rules read (observations of others cannot imply a plan).
_PLAN_INPUTS = sorted({i for r in RULES if r.method in _PLAN_RULES for i in (r.a, r.b)})
#: Columns of :func:`implied_plans`.
PLAN_COLUMNS = [*UNIT_KEY, "geo_name", "indicator", "year", "plan", "plan_lo", "plan_hi",
                "known_from", "rule", "source_id", "input_a", "input_b"]


def implied_plans(table: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """Return the plans implied by attainment or shortfall figures, known by ``as_of``.

    Parameters
    ----------
    table : pandas.DataFrame
        A derived table (:func:`~bhxh_analysis.metrics.derive`, or ``derived.parquet``
        as the build writes it), or observations, from which the plan rules are
        derived first.
    as_of : date-like or None
        Keep the plans whose inputs are dated on or before this day (a plan implied
        by a 31 July attainment is known from 31 July). ``None`` keeps them all.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PLAN_COLUMNS`: the place, ``indicator`` (the plan indicator,
        e.g. ``bhxh_voluntary_plan_participants``; ``*_plan_coverage_pct`` for a
        target coverage), ``year``, ``plan`` and its interval ``plan_lo``–``plan_hi``,
        ``known_from`` (the later of the inputs' dates), ``rule``, ``source_id`` and
        the two inputs' ids. Sorted by place, indicator, year, ``known_from``, rule.

    Examples
    --------
    >>> obs = pd.DataFrame({
    ...     "obs_id": ["p", "s"], "source_id": "seed000", "geo_code": "672",
    ...     "geo_name": "Đà Lạt", "geo_level": "district", "boundaries": "legacy",
    ...     "as_of": "2020-07-31", "value": [1091.0, 1589.0], "value_raw": ["1.091", "1.589"],
    ...     "indicator": ["bhxh_voluntary_participants",
    ...                   "bhxh_voluntary_shortfall_participants"]})
    >>> implied_plans(obs)[["indicator", "year", "plan", "known_from"]].values.tolist()
    [['bhxh_voluntary_plan_participants', 2020, 2680.0, Timestamp('2020-07-31 00:00:00')]]
    >>> len(implied_plans(obs, as_of="2020-06-30"))
    0
    """
    if "method" not in table:
        table = derive(table[table["indicator"].isin(_PLAN_INPUTS)])
    plans = table[table["method"].isin(list(_PLAN_RULES))]
    out = pd.DataFrame({
        **{c: plans[c].astype("str") for c in (*UNIT_KEY, "geo_name", "indicator")},
        "year": pd.to_datetime(plans["as_of"]).dt.year.astype(int),
        "plan": pd.to_numeric(plans["value"]).astype(float),
        "plan_lo": pd.to_numeric(plans["value_lo"]).astype(float),
        "plan_hi": pd.to_numeric(plans["value_hi"]).astype(float),
        "known_from": pd.to_datetime(plans["inputs_as_of"]).astype("datetime64[ns]"),
        "rule": plans["method"].astype("str").map(_PLAN_RULES),
        **{c: plans[c].astype("str") for c in ("source_id", "input_a", "input_b")},
    })
    if as_of is not None:
        out = out[out["known_from"] <= pd.Timestamp(as_of)]
    return out.sort_values([*UNIT_KEY, "indicator", "year", "known_from", "rule"],
                           kind="stable", ignore_index=True)[PLAN_COLUMNS]
