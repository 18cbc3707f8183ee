"""The definitions of coverage, attainment, shortfall, growth and pace to plan.

Each function takes scalars, NumPy arrays or pandas Series and returns the same shape
(a float for scalars), so notebooks and the derivation rules use the same arithmetic.

Sign convention, one for every gap to a plan or target: **positive = still below**.
``shortfall(actual, plan)`` = plan − actual persons, ``shortfall_pp`` and
``distance_to_target(coverage, target)`` = target − coverage points; zero or negative
means the plan or target is met.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "attainment", "coverage", "distance_to_target", "months_remaining", "pace_required",
    "shortfall", "shortfall_pp", "yoy_change", "yoy_growth",
]


def _out(x: Any) -> Any:
    """Return a Python float for 0-d results, the array (or Series) otherwise."""
    if isinstance(x, pd.Series):
        return x
    arr = np.asarray(x, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def _as_numbers(x: Any) -> Any:
    """A Series as it is, anything else as a float array."""
    return x if isinstance(x, pd.Series) else np.asarray(x, dtype=float)


def _ratio100(a: Any, b: Any) -> Any:
    """``a ÷ b × 100`` with NaN (not an error) where ``b`` is 0 or missing."""
    a, b = _as_numbers(a), _as_numbers(b)
    with np.errstate(divide="ignore", invalid="ignore"):
        res = a / b * 100.0
    res = res.where(b != 0) if isinstance(res, pd.Series) else np.where(b != 0, res, np.nan)
    return _out(res)


def _difference(a: Any, b: Any) -> Any:
    """``a − b`` in the shape of the inputs."""
    return _out(_as_numbers(a) - _as_numbers(b))


def coverage(participants: Any, denominator: Any) -> Any:
    """Return coverage in percent: ``participants ÷ denominator × 100``.

    Parameters
    ----------
    participants : float or array-like
        Insured persons.
    denominator : float or array-like
        Population (BHYT) or VSS working-age labour force (BHXH, BHTN).

    Returns
    -------
    float or numpy.ndarray or pandas.Series
        Percent 0–100 (NaN where the denominator is 0).

    Examples
    --------
    >>> round(coverage(190863, 229320), 2)
    83.23
    """
    return _ratio100(participants, denominator)


def attainment(actual: Any, plan: Any) -> Any:
    """Return the attainment of a plan in percent: ``actual ÷ plan × 100`` (may exceed 100).

    Examples
    --------
    >>> attainment(366, 244)
    150.0
    """
    return _ratio100(actual, plan)


def shortfall(actual: Any, plan: Any) -> Any:
    """Return the persons still needed to reach the plan: ``plan − actual``.

    Positive: below the plan; zero or negative: the plan is met (exceeded by that many).

    Examples
    --------
    >>> shortfall(1091, 2680)
    1589.0
    """
    return _difference(plan, actual)


def shortfall_pp(coverage_pct: Any, target_pct: Any) -> Any:
    """Return the percentage points below the target coverage: ``target − coverage``.

    Positive: below the target (same convention as :func:`shortfall`).

    Examples
    --------
    >>> round(shortfall_pp(83.23, 90), 2)
    6.77
    """
    return _difference(target_pct, coverage_pct)


def distance_to_target(coverage_pct: Any, target_pct: Any) -> Any:
    """Return the distance to a policy coverage target in points: ``target − coverage``.

    Positive: below the target; zero or negative: the target is met. The same
    arithmetic and sign as :func:`shortfall_pp`, named for policy targets (Resolution
    28-NQ/TW etc.).

    Examples
    --------
    >>> round(distance_to_target(93.35, 95), 2)
    1.65
    >>> distance_to_target(96.0, 95)
    -1.0
    """
    return _difference(target_pct, coverage_pct)


def yoy_change(current: Any, previous: Any) -> Any:
    """Return the year-on-year change: ``current − previous`` (same units).

    Examples
    --------
    >>> yoy_change(1.12e6, 551000)
    569000.0
    """
    return _difference(current, previous)


def yoy_growth(current: Any, previous: Any) -> Any:
    """Return the year-on-year growth in percent: ``(current ÷ previous − 1) × 100``.

    Examples
    --------
    >>> round(yoy_growth(110, 100), 6)
    10.0
    """
    return _out(_as_numbers(_ratio100(current, previous)) - 100.0)


def months_remaining(as_of: Any) -> Any:
    """Return the months left from ``as_of`` to 31 December of the same year.

    Days to 31 December ÷ (days in the year ÷ 12): 0 on 31 December, about 5.0 on
    31 July (153 days ÷ 30.5).

    Parameters
    ----------
    as_of : date-like or array-like of dates

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(months_remaining("2020-07-31"), 2)
    5.02
    """
    scalar = np.ndim(as_of) == 0 and not isinstance(as_of, pd.Series | pd.Index)
    dates = pd.to_datetime(pd.Series([as_of] if scalar else list(as_of)))
    year_end = pd.to_datetime(dates.dt.year.astype("Int64").astype(str) + "-12-31",
                              errors="coerce")
    days_in_year = np.where(dates.dt.is_leap_year, 366.0, 365.0)
    months = (year_end - dates).dt.days.to_numpy(dtype=float) / (days_in_year / 12.0)
    return float(months[0]) if scalar else months


def pace_required(current: Any, plan: Any, as_of: Any) -> Any:
    """Return the persons per month needed from ``as_of`` to reach ``plan`` by 31 December.

    ``(plan − current) ÷ months_remaining(as_of)``. At the edges: when the plan is
    already met (``current ≥ plan``) the pace is 0; on 31 December (no month left) with
    the plan not met it is ``inf`` (it can no longer be met); missing inputs give NaN.

    Parameters
    ----------
    current : float or array-like
        Participants on ``as_of``.
    plan : float or array-like
        The year's plan (same units).
    as_of : date-like or array-like

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(pace_required(190863, 206387, "2020-07-31"))
    3095
    """
    gap = np.asarray(plan, dtype=float) - np.asarray(current, dtype=float)
    months = np.asarray(months_remaining(as_of), dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pace = np.where(gap <= 0, 0.0, np.where(months > 0, gap / months, np.inf))
    pace = np.where(np.isnan(gap) | np.isnan(months), np.nan, pace)
    return _out(pace)
