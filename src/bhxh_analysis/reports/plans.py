"""Plans on a report page: which plan a place has, and the chance of meeting it.

The page's own choice of a place's plan (:func:`plan_of`), the plans in persons that a
coverage plan gives with the year's denominator — computed by the forecaster's own
functions (:func:`bhxh_analysis.forecast._prep.plans_table`, the denominators of
:func:`bhxh_analysis.forecast.bounds.denominators`), so the report's choice of year and
its sentences count exactly the plans the forecast table sets a forecast against
(:func:`persons_plans`) — and ``P(31 December ≥ plan)`` from a forecast result.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .data import scheme_of


def same_place(df: pd.DataFrame, r: pd.Series) -> pd.Series:
    """Rows of ``df`` about the place of row ``r``: same level, code and boundary set.

    The code alone is not enough: in a 2025 report Hồ Chí Minh (2025) and Hồ Chí Minh
    (until 30 June 2025) share code 79 and level, not the area.
    """
    return ((df["geo_level"] == r["geo_level"]) & (df["geo_code"] == r["geo_code"])
            & (df["boundaries"] == r["boundaries"]))


def plan_of(published: pd.DataFrame, derived: pd.DataFrame, r: pd.Series, indicator: str,
             year: int) -> tuple[pd.Series | None, str]:
    """The plan of the place of row ``r`` for ``year``, and whether it is printed.

    Order made explicit, never the rows' order in a file: a published plan before a
    derived one, then the latest date, ties by the last ``obs_id`` (as :func:`latest`).

    Returns
    -------
    (Series or None, str)
        The plan's row and ``"published"`` or ``"derived"``; ``(None, "")`` when the year
        has no plan.
    """
    for df, kind in ((published, "published"), (derived, "derived")):
        hit = df[(df["indicator"] == indicator) & same_place(df, r)
                 & (df["as_of"].dt.year == year)]
        if len(hit):
            return hit.sort_values(["as_of", "obs_id"], kind="stable").iloc[-1], kind
    return None, ""


def next_plan_of(published: pd.DataFrame, derived: pd.DataFrame, r: pd.Series,
                  indicator: str, year: int) -> pd.Series | None:
    """The place's own plan of the first year after ``year`` that has one, if any.

    A coverage of 2016 is measured against the province's own plan for 2020 (Bạc Liêu:
    90 %) rather than against the nation's target for that year. That year's plan is
    picked by :func:`plan_of` (a published plan before a derived one, then the latest).
    """
    later = [y for df in (published, derived)
             for y in df.loc[(df["indicator"] == indicator) & same_place(df, r),
                             "as_of"].dt.year if y > year]
    return plan_of(published, derived, r, indicator, min(later))[0] if later else None




def plan_evidence(measure: pd.Series) -> pd.Series:
    """True for measures that state or imply a plan in persons (plan, % of plan, shortfall)."""
    return measure.isin(["plan_participants", "attainment_pct", "shortfall_participants"])


def prob_at_least(res: Any, x: float) -> float:
    """Return P(31 December value ≥ x) from a forecast result.

    Uses the result's own ``prob_at_least`` when the forecaster offers one, else a
    log-normal matched to its 95 % interval (median = the forecast).
    """
    if hasattr(res, "prob_at_least"):
        return float(res.prob_at_least(x))
    from statistics import NormalDist

    lo, hi, mid = float(res.lo95), float(res.hi95), float(res.forecast)
    if not (lo > 0 and hi > lo and mid > 0 and x > 0):
        return math.nan
    sigma = (math.log(hi) - math.log(lo)) / (2 * 1.959964)
    return 1.0 - NormalDist(math.log(mid), sigma).cdf(math.log(x))


def pace(plan: float, last: float, as_of: pd.Timestamp, year: int) -> float:
    months = (pd.Timestamp(year=year, month=12, day=31) - as_of).days / 30.44
    return (plan - last) / months if months > 0 else math.nan


def persons_plans(figures: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Plans in persons that a place's coverage plan gives with the year's denominator.

    The forecaster's rule (:func:`bhxh_analysis.forecast._prep.plans_table`): a
    participants series without a plan in persons takes the coverage plan of its scheme
    × the denominator of the plan's year ÷ 100 — population for BHYT, labour force for
    BHXH and BHTN, published before derived (:func:`bhxh_analysis.forecast.bounds.denominators`).
    The report asks the same functions, so its choice of year, its sentences and its
    forecast table count the same plans.

    Parameters
    ----------
    figures : DataFrame
        Published figures of the page's places (plans and denominators are read).
    derived : DataFrame
        Derived figures of those places (derived coverage plans and denominators).

    Returns
    -------
    DataFrame
        :data:`bhxh_analysis.forecast._prep.PLAN_TABLE_COLUMNS` rows of kind ``from the
        coverage plan`` plus ``scheme``.

    Examples
    --------
    >>> obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "province",
    ...     "geo_code": "33", "indicator": ["bhyt_plan_coverage_pct", "population"],
    ...     "as_of": pd.to_datetime(["2022-12-31", "2022-07-01"]), "value": [92.0, 1290850.0],
    ...     "source_id": "x"})
    >>> persons_plans(obs, obs.iloc[0:0])[["year", "plan", "scheme"]].values.tolist()
    [[2022, 1187582.0, 'bhyt']]
    """
    from ..forecast._prep import FROM_COVERAGE, PARTICIPANTS, plans_table
    from ..forecast.bounds import denominators

    cols = ["boundaries", "geo_level", "geo_code", "indicator", "as_of", "value", "source_id"]
    both = pd.concat([figures[cols], derived[cols]]) if len(derived) else figures[cols]
    plans = both[both["indicator"].astype(str).str.endswith("_plan_coverage_pct")]
    if plans.empty:
        return plans_table(plans, PARTICIPANTS).assign(scheme=pd.Series(dtype=str))
    den = denominators(figures[cols[:-1]], derived[cols[:-1]] if len(derived) else None,
                       int(plans["as_of"].dt.year.max()))
    out = plans_table(both, PARTICIPANTS, None, den)
    out = out[out["kind"] == FROM_COVERAGE]
    return out.assign(scheme=scheme_of(out["indicator"]).to_numpy()).reset_index(drop=True)


def coverage_plan_for(table: pd.DataFrame, r: pd.Series, year: int) -> pd.Series | None:
    """The plan in persons of row ``r``'s series for ``year`` from its coverage plan, if any.

    ``table`` is :func:`persons_plans` of the page (computed once per report, not per
    row). The forecaster's choice among several
    (:func:`bhxh_analysis.forecast._prep.pick_plans`: the most authoritative source's,
    never an average).
    """
    from ..forecast._prep import pick_plans

    t = table[same_place(table, r) & (table["indicator"] == r["indicator"])]
    got = pick_plans(t, year, pd.Timestamp(year=year, month=12, day=31))
    return got.iloc[0] if len(got) else None
