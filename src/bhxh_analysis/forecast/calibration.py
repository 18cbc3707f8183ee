"""Interval calibration: scale factors learned from earlier out-of-sample errors.

The forecast methods' intervals come from a Student-t on log values whose scale is
estimated from training pairs; on real data those intervals were too narrow in some
months and indicators and too wide in others. Calibration multiplies the scale by the
percentile of how far past outcomes fell outside their intervals (errors of years
before the target only, pooled across months and indicators with shrinkage), each side
of the interval on the errors that fell on that side (:data:`CALIB_SIDES`). The
chance of reaching a value (``result.prob_at_least``) uses the same two side scales.

Applied in :func:`~bhxh_analysis.forecast.backtest.run_methods` (the backtest, the
forecast API and P(meet plan) all go through it): the ``calib`` factors returned by
:func:`calibration_factors` reach :func:`~bhxh_analysis.forecast.methods.predict_sparse`
and :func:`~bhxh_analysis.forecast.methods.predict_pooled`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._prep import Prepared
from .bounds import total_of
from .methods import t_ppf

#: Pseudo-cases pulling a calibration factor towards the level above (all months, then 1).
CALIB_N0 = 5.0
#: Months: kernel width pooling calibration cases from nearby points of the year.
CALIB_H = 1.5
#: The interval levels calibrated (other levels interpolate between them).
CALIB_LEVELS = (80, 95)
#: Calibrate each side of an interval on the errors that fell on that side
#: (:func:`calibration_factors`); ``False``: one factor for both sides from ``|z|``.
#: Adopted 4 December 2026 (docs/forecasting.md): upward surprises (voluntary BHXH
#: doubling) no longer widen the lower ends, and the late-year 80 % coverage of the
#: real data reaches its band.
CALIB_SIDES = True
#: The smallest one-sided ratio ``r`` a side's percentile can take: a side on which
#: (almost) no earlier outcome fell is narrowed, never closed (a percentile of 0 would
#: put that end of the interval on the forecast).
CALIB_SIDE_FLOOR = 0.25


def _ratios(z: np.ndarray, df: np.ndarray, level: int, side: str | None) -> tuple[np.ndarray, float]:
    """How far each error fell outside its ``level`` % interval, and the percentile to take.

    ``side=None``: ``r = |z| / q`` and its ``level``-th percentile, ``f`` with
    ``P(|z| > f·q) = 1 − level``. ``side="upper"`` (``"lower"``): ``r = max(±z, 0) / q``,
    an error on the other side counting as 0, and its ``(1 + level) / 2``-th
    percentile: ``P(r > f) = P(±z > f·q)`` for ``f > 0``, so the percentile sets
    ``P(±z > f·q) = (1 − level) / 2`` — the outcome falls outside on that side half the
    time the two-sided interval allows. With errors symmetric about the forecast,
    ``P(z > f·q) = P(|z| > f·q) / 2`` and both sides get the two-sided factor.
    """
    q = t_ppf(0.5 + level / 200.0, df)
    if side is None:
        return np.maximum(np.abs(z) / q, 1e-6), level / 100.0
    signed = z if side == "upper" else -z
    return np.maximum(np.maximum(signed, 0.0) / q, CALIB_SIDE_FLOOR), 0.5 + level / 200.0


def _weighted_quantile(r: np.ndarray, w: np.ndarray, q: float) -> float:
    cw = np.cumsum(w)
    return float(r[min(np.searchsorted(cw, q * cw[-1]), len(r) - 1)])


def _pooled_quantile(r: np.ndarray, w: np.ndarray, ind: np.ndarray, q: float) -> float:
    """The all-indicators ``q``-th percentile of ``r`` (sorted), each indicator counting once.

    The percentile of the mixture of the indicators' weighted distributions, an
    indicator weighing ``min(Σ w, 1)`` in it (at most one; less when its cases are
    far from this point of the year). The all-indicators factor is what an indicator
    without enough cases of its own needs: a draw from the indicators, not from the
    cases. Pooling the cases themselves let the indicator with most cases set it for
    all — voluntary BHXH, a third of the national cases, whose three 2019 figures (the
    scheme doubled that year) doubled the width of every thin national series'
    intervals.
    """
    _, inv = np.unique(ind, return_inverse=True)
    tot = np.bincount(inv, weights=w)
    return _weighted_quantile(r, w / np.maximum(tot[inv], 1.0), q)


#: Components that are most of their total (compulsory BHXH: about 88 % of BHXH at the
#: end of 2024, 20.11 M participants of whom 2.3 M voluntary): their forecasts err like
#: their total's. The small, volatile parts (voluntary BHXH, household BHYT) do not.
MAIN_PARTS: tuple[str, ...] = ("bhxh_compulsory",)


def stand_ins(prep: Prepared) -> dict[int, int]:
    """``ind_id`` of each main part (:data:`MAIN_PARTS`) → ``ind_id`` of its total, and back.

    The indicator whose calibration cases stand in for another's when it has none of
    its own: compulsory BHXH then errs like BHXH, and BHXH like compulsory BHXH, not
    like voluntary BHXH, whose 2019 doubling sets the all-indicators factor (a total
    that is mostly one part moves like that part: BHXH of Gia Lai on 30/6/2020, with no
    BHXH case before 2020, got a 95 % interval of −51 %/+105 % from voluntary BHXH's
    surges).
    """
    ids = dict(zip(prep.series["indicator"], prep.series["ind_id"], strict=True))
    part_to_total = {int(i): int(ids[t]) for name, i in ids.items()
                     if str(name).removesuffix("_participants").removesuffix("_coverage_pct")
                     in MAIN_PARTS and (t := total_of(str(name))) is not None and t in ids}
    total_to_part = {t: p for p, t in sorted(part_to_total.items())}
    return {**total_to_part, **part_to_total}


def calibration_factor(z: np.ndarray, t: np.ndarray, df: np.ndarray, target_t: np.ndarray,
                       level: int = 80, ind: np.ndarray | None = None,
                       target_ind: np.ndarray | None = None,
                       year: np.ndarray | None = None,
                       stand_in: dict[int, int] | None = None,
                       side: str | None = None) -> np.ndarray:
    """Scale multipliers that make earlier out-of-sample errors cover ``level`` %.

    For each past case, ``r = |z| / q(df)`` is how far outside (> 1) or inside (< 1)
    its ``level`` % interval the outcome fell, ``z`` being the standardised log error
    and ``q`` the Student-t quantile. The factor is the ``level``-th percentile of
    ``r``, partially pooled in two tiers like the seasonal gaps: over all months,
    shrunk towards 1 (no correction) with :data:`CALIB_N0` pseudo-cases, then per
    month with kernel weights ``exp(-|t - t_i| / h)`` (``h`` = :data:`CALIB_H`),
    shrunk towards the all-months factor — few past cases, little correction. In both
    all-indicators tiers each indicator counts once (:func:`_pooled_quantile`), not
    each case: the indicator with most cases does not set the factor of the others.
    With ``ind`` and ``target_ind``, a third tier: the same indicator's cases (same
    kernel), shrunk towards the all-indicators factor of the month moved by the
    indicator's own level over all months (its percentile against the
    all-indicators one, shrunk likewise) — one indicator's surprises (voluntary BHXH
    doubling) do not widen every other indicator's intervals, and an indicator calm
    in every month it has cases is not widened in the months where it has none. Cases
    of one year share that year's shocks, so the indicator's weights are at most the
    number of distinct years among its cases (``year``), not the number of cases. An
    indicator with no cases of its own uses those of its ``stand_in`` (compulsory BHXH,
    its total's, and BHXH, its main part's: :func:`stand_ins`) in that tier, when there
    are any.

    Parameters
    ----------
    z, t, df : numpy.ndarray
        Standardised log errors, months elapsed and degrees of freedom of past cases.
    target_t : numpy.ndarray
        Months elapsed of the targets.
    level : int
        Interval level to calibrate.
    ind, target_ind : numpy.ndarray, optional
        Indicator of each past case and of each target.
    year : numpy.ndarray, optional
        Year of each past case (weights of the indicator tier; default: one per case).
    stand_in : dict, optional
        Indicator whose cases an indicator without cases of its own uses
        (:func:`stand_ins`).
    side : {None, "lower", "upper"}
        One side of the interval, calibrated on the errors that fell on it
        (:func:`_ratios`); ``None``: both sides, from ``|z|``.

    Returns
    -------
    numpy.ndarray
        One factor per target (1.0 without past cases).

    Examples
    --------
    >>> import numpy as np
    >>> z = np.tile([0.2, -0.4, 0.3, -0.1, 0.25], 40)   # errors well inside: too wide
    >>> f = calibration_factor(z, np.full(200, 6.0), np.full(200, 50.0), np.array([6.0]))
    >>> bool(f[0] < 0.5)
    True
    >>> x = np.random.default_rng(2).standard_normal(200)
    >>> zs, tt = np.r_[x, -x], np.full(400, 6.0)   # symmetric errors: each side = both
    >>> f = [calibration_factor(zs, tt, np.full(400, 50.0), np.array([6.0]), side=s)[0]
    ...      for s in (None, "lower", "upper")]
    >>> bool(np.allclose(f, f[0], rtol=0.02))
    True
    """
    target_t = np.asarray(target_t, dtype=float)
    ok = np.isfinite(z) & np.isfinite(t) & np.isfinite(df) & (df > 0)
    if not ok.any():
        return np.ones(len(target_t))
    z, t, df = np.asarray(z)[ok], np.asarray(t, dtype=float)[ok], np.asarray(df)[ok]
    r, q = _ratios(z, df, level, side)
    order = np.argsort(r, kind="stable")
    r, t = r[order], t[order]
    per_indicator = ind is not None and target_ind is not None
    ind = np.asarray(ind)[ok][order] if ind is not None else np.zeros(len(r), dtype=np.int64)
    log_all = (len(r) * np.log(_pooled_quantile(r, np.ones(len(r)), ind, q))
               / (len(r) + CALIB_N0))
    fac = np.ones(12)
    for b in range(12):
        w = np.exp(-np.abs(b + 0.5 - t) / CALIB_H)
        W = w.sum()
        fac[b] = np.exp((W * np.log(_pooled_quantile(r, w, ind, q)) + CALIB_N0 * log_all)
                        / (W + CALIB_N0))
    tb = np.clip(np.floor(target_t), 0, 11).astype(np.int64)
    out = fac[tb]
    if not per_indicator:
        return out
    yr = (np.asarray(year)[ok][order] if year is not None else np.arange(len(ind)))
    target_ind = np.asarray(target_ind)
    for i in np.unique(target_ind):
        mine = ind == i
        if not mine.any() and stand_in and i in stand_in:
            mine = ind == stand_in[i]
        if not mine.any():
            continue
        n_years = len(np.unique(yr[mine]))
        # The indicator's level over all months (weight: its years), shrunk towards
        # the all-indicators one; the months then differ from it as all indicators' do.
        W = min(float(mine.sum()), float(n_years))
        lift = W * (np.log(_weighted_quantile(r[mine], np.ones(int(mine.sum())), q))
                    - log_all) / (W + CALIB_N0)
        for b in np.unique(tb[target_ind == i]):
            w = np.exp(-np.abs(b + 0.5 - t[mine]) / CALIB_H)
            W = min(w.sum(), float(n_years))
            f = np.exp((W * np.log(_weighted_quantile(r[mine], w, q))
                        + CALIB_N0 * (np.log(fac[b]) + lift)) / (W + CALIB_N0))
            out[(target_ind == i) & (tb == b)] = f
    return out


def tail_ratio(z: np.ndarray, df: np.ndarray, ind: np.ndarray | None = None,
               side: str | None = None) -> float:
    """How much wider the 95 % factor is than the 80 % one over all months and indicators.

    The ratio of the all-months, all-indicators factors (each indicator counting once,
    :func:`_pooled_quantile`; each shrunk towards 1 with :data:`CALIB_N0` pseudo-cases,
    as in :func:`calibration_factor`): the *shape* of the errors' tail beyond the 80 %
    interval, learned from every case. A month's or an indicator's own 95th percentile
    rests on a handful of cases (national BHXH near November: 4–6, one a year) and is
    then about their largest, biased low; the 80th percentile of the same cases is
    better determined. With ``side``, the same for one side (:func:`_ratios`).

    Examples
    --------
    >>> import numpy as np
    >>> z = np.random.default_rng(1).standard_normal(2000)   # normal errors: ratio 1
    >>> round(tail_ratio(z, np.full(2000, 1e6)), 2)
    1.01
    >>> heavy = np.r_[z[:90], [4.0, -5.0, 6.0, -7.0, 8.0, 9.0, -10.0, 12.0, 15.0, -20.0]]
    >>> bool(tail_ratio(heavy, np.full(100, 1e6)) > 2)
    True
    """
    z, df = np.asarray(z, dtype=float), np.asarray(df, dtype=float)
    ok = np.isfinite(z) & np.isfinite(df) & (df > 0)
    if not ok.any():
        return 1.0
    ind = np.asarray(ind)[ok] if ind is not None else np.zeros(int(ok.sum()), dtype=np.int64)
    n = float(ok.sum())
    log_all = {}
    for lev in CALIB_LEVELS:
        r, q = _ratios(z[ok], df[ok], lev, side)
        o = np.argsort(r, kind="stable")
        log_all[lev] = n * np.log(_pooled_quantile(r[o], np.ones(len(r)), ind[o], q)) / (n + CALIB_N0)
    return float(np.exp(log_all[95] - log_all[80]))


def calibration_factors(past: pd.DataFrame | None, method: str, year: int,
                        target_t: np.ndarray, target_ind: np.ndarray | None = None,
                        stand_in: dict[int, int] | None = None,
                        sides: bool | None = None) -> dict[int | str, np.ndarray]:
    """Factors for the 80 and 95 % intervals of ``method`` from cases of years before
    ``year`` (per indicator when ``target_ind``, the targets' ``ind_id``, is given; an
    indicator without cases uses its ``stand_in``'s, see :func:`calibration_factor`).

    The 95 % factor is at least the 80 % one times :func:`tail_ratio`: a month's 95 %
    interval is never lighter-tailed than the errors of all months and indicators
    pooled, since a month's few cases cannot show its tail (late in the year the
    95 % factors of the calm national series fell below their 80 % ones, and the
    year-end jumps of 2025 fell outside both intervals); a month whose own cases show
    a heavier tail keeps it.

    With ``sides`` (default :data:`CALIB_SIDES`), also ``"lo80"``, ``"hi80"``,
    ``"lo95"``, ``"hi95"``: each side of the intervals calibrated the same way on the
    errors that fell on it (:func:`calibration_factor` with ``side``), the tail-ratio
    rule applied per side — upward surprises (voluntary BHXH doubling in 2019) widen
    the upper ends only. The two-sided ``80`` and ``95`` stay: the reported ``scale``
    uses ``80``; ``scale_lo``/``scale_hi`` and so ``P(Y ≥ x)`` use ``"lo80"``/``"hi80"``.
    """
    sides = CALIB_SIDES if sides is None else sides
    if past is None:
        return {lev: np.ones(len(target_t)) for lev in CALIB_LEVELS}
    seen = past[(past["method"] == method) & (past["year"] < year)]
    ind = seen["ind_id"].to_numpy() if target_ind is not None and "ind_id" in seen else None
    z, df = seen["z"].to_numpy(), seen["df"].to_numpy()
    out: dict[int | str, np.ndarray] = {}
    for side, key in ((None, ""), *((("lower", "lo"), ("upper", "hi")) if sides else ())):
        f = {lev: calibration_factor(z, seen["t"].to_numpy(), df, target_t, lev, ind,
                                     target_ind, seen["year"].to_numpy(), stand_in, side)
             for lev in CALIB_LEVELS}
        f[95] = np.maximum(f[95], f[80] * tail_ratio(z, df, ind, side))
        out.update({f"{key}{lev}" if key else lev: v for lev, v in f.items()})
    return out
