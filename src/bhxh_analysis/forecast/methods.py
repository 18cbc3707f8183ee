r"""Point forecasts and their empirical predictive distributions (vectorised).

Every method forecasts the 31 December value :math:`Y` of year :math:`y` from the
last value :math:`v` known at :math:`t` months into the year (``t = 0`` is the
previous year-end :math:`Y_{-1}`), in log space.

Point predictors (:func:`base_log`):

* ``last_value``: :math:`\hat Y = v`.
* ``run_rate``: :math:`\hat Y = Y_{-1} + (v - Y_{-1}) \cdot 12 / t` (the naive
  straight line through the year-to-date change; :math:`\hat Y = v` when no point of
  the year is known yet).
* ``seasonal_profile``: :math:`\log \hat Y = \log v + \hat g\,(12 - t)/12 + \hat r(t)`
  where :math:`\hat g` is the series' typical annual log growth (the mean of its
  latest year-end to year-end log growth rate and the median of its last three,
  shrunk towards zero when those rates were volatile; all known before the year
  starts, see :func:`bhxh_analysis.forecast._prep._growth_estimate`) and
  :math:`\hat r(t)` is the learned *seasonal gap*: how far, in log terms, the year-end
  usually lands above the trend path from a value seen at month :math:`t` — the
  mid-year sag that is recovered and the late-year surge. This is the multiplicative
  form of "the share of a year's change that arrives after month :math:`t`"; it stays
  defined when the year-to-date change is zero or negative, where a share is not.

Learning :math:`\hat r(t)` and the uncertainty (:func:`tier_distribution`): training
pairs are every (value at :math:`t_i`, year-end of the same year) of *earlier,
completed* years, with residual :math:`e_i = \log Y_i - \text{base}_i`. Residuals are
pooled in three tiers — the series itself, the same indicator in any place, every
indicator — with kernel weights :math:`w_i = \exp(-|t - t_i| / h)` (``h`` = 1 month),
and shrunk: with :math:`n = \sum w_i`, :math:`S_1 = \sum w_i e_i`,

.. math::

    \mu_{all} = \frac{S_1^{all}}{n^{all} + k},\quad
    \mu_{ind} = \frac{S_1^{ind} + k\,\mu_{all}}{n^{ind} + k},\quad
    \hat r = \mu_{own} = \frac{S_1^{own} + k\,\mu_{ind}}{n^{own} + k},

and the same for the variance around each tier's mean, shrunk towards the tier above
with ``nu0`` pseudo-observations and, at the top, towards a prior
:math:`\sigma_0^2 = \max(0.10, s_g)^2 \max((12 - t)/12, 1/12)`: 10 % in log terms
over a whole year — or the spread :math:`s_g` of the series' last three annual growth
rates when that is larger (a scheme that doubled last year is less predictable) —
shrinking like a random walk as the year passes. The predictive distribution is Student
t with location :math:`\log \hat Y`, scale :math:`s\sqrt{1 + 1/(n^{own}+k)}` and
:math:`\nu_0 + n^{ind}` degrees of freedom, so thin histories give wide intervals.
Baselines get intervals the same way from their own past errors, without a bias
correction (:math:`\mu = 0`), so that they stay the naive baselines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

SPARSE_METHODS: tuple[str, ...] = ("run_rate", "last_value", "seasonal_profile")
#: Places with no history of their own: the pooled move to 31 December (:func:`predict_pooled`).
POOLED = "pooled_move"
K_MEAN = 2.0     # pseudo-observations shrinking a tier's mean to the tier above
NU0 = 3.0        # pseudo-observations shrinking a tier's variance to the tier above
SIGMA0 = 0.10    # prior log-scale sd when nothing at all is known
BANDWIDTH = 1.0  # months: kernel width pooling residuals from nearby months
N_BINS = 24      # half-month bins of t in [0, 12)
MAX_DF = 200.0
#: Hold each upper end to the moves seen (:func:`move_caps`); ``False``: the calibrated
#: t alone (before 5 December 2026).
MOVE_CAP = True
#: The cap holds the ends of this level and above. The 80 % end is held too (5 December
#: 2026, ``wp-tails80``); ``scale_hi`` follows it, so a plan at ``hi80`` keeps its 10 %.
CAP_LEVEL_MIN = 80.0
#: Months to 31 December within which the upper ends are also held to the moves over as
#: short a horizon (:func:`short_move_caps`). On the simulated panel of
#: ``tests/test_forecast_pooling.py`` holding every horizon so took the pooled move's 95 %
#: coverage from 90.6 % to 89.8 % (months 1–7 lost up to 4.6 points, where a move over a
#: gap of the same length in mid-year says little about the run to December); from
#: October on it costs at most 0.2 points there.
LATE_HORIZON = 2.0
#: Hold each lower end of 80 % and above to the falls seen (:func:`move_floors`), as
#: :data:`MOVE_CAP` holds the upper ends; ``False``: the calibrated t alone (before
#: 5 December 2026, evening).
MOVE_FLOOR = True
#: Hold the 95 % upper end of a series forecast from its own path (not the pooled
#: move) to the moves seen (:func:`own_path_caps`); ``False``: the calibrated t alone
#: (before 5 December 2026, night).
OWN_PATH_CAP = True


def t_ppf(q: float, df: np.ndarray) -> np.ndarray:
    """Student-t quantile for many degrees of freedom (computed once per distinct value)."""
    df = np.asarray(df, dtype=float)
    u, inv = np.unique(df, return_inverse=True)
    return stats.t.ppf(q, u)[inv].reshape(df.shape)


def base_log(method: str, v: np.ndarray, t: np.ndarray, prev_ye: np.ndarray,
             g_hat: np.ndarray) -> np.ndarray:
    """Log point forecast of each method before any learned correction.

    Parameters
    ----------
    method : {"run_rate", "last_value", "seasonal_profile"}
    v, t, prev_ye, g_hat : array-like
        Last known value, months elapsed at that value, previous year-end (NaN if
        unknown), typical annual log growth.

    Returns
    -------
    numpy.ndarray
        ``log`` of the point forecast; NaN where the method is not defined (run-rate
        without a previous year-end).
    """
    v = np.asarray(v, dtype=float)
    t = np.asarray(t, dtype=float)
    if method == "last_value":
        return np.log(v)
    if method == "seasonal_profile":
        return np.log(v) + np.asarray(g_hat, dtype=float) * (12.0 - t) / 12.0
    if method == "run_rate":
        prev = np.asarray(prev_ye, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            rr = prev + (v - prev) * 12.0 / t
        # No point of the year yet: the run-rate is the last value itself.
        rr = np.where(t > 0, rr, v)
        # A steep year-to-date fall can project below zero: floor at one person.
        rr = np.where(np.isnan(rr), np.nan, np.maximum(rr, 1.0))
        return np.log(rr)
    raise ValueError(f"unknown sparse method {method!r}; known: {SPARSE_METHODS}")


def _bins(t: np.ndarray) -> np.ndarray:
    return np.clip(np.floor(np.asarray(t, dtype=float) * 2.0), 0, N_BINS - 1).astype(np.int64)


def _kernel() -> np.ndarray:
    centres = (np.arange(N_BINS) + 0.5) / 2.0
    return np.exp(-np.abs(centres[:, None] - centres[None, :]) / BANDWIDTH)


def tier_distribution(
    train_sid: np.ndarray, train_ind: np.ndarray, train_t: np.ndarray, e: np.ndarray,
    target_sid: np.ndarray, target_ind: np.ndarray, target_t: np.ndarray,
    n_sid: int, n_ind: int, center: bool, train_year: np.ndarray | None = None,
    prior_sd: np.ndarray | float = SIGMA0, own_tier: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shrunk kernel-weighted mean and scale of residuals for each target.

    Parameters
    ----------
    train_sid, train_ind, train_t, e : numpy.ndarray
        Training residuals with their series id, indicator id and months elapsed.
    target_sid, target_ind, target_t : numpy.ndarray
        Targets to describe.
    n_sid, n_ind : int
        Numbers of series and indicators (array sizes).
    center : bool
        Learn a mean (bias correction); ``False`` fixes the mean at 0.
    train_year : numpy.ndarray, optional
        Year of each training residual. Residuals of one year share that year's shocks
        (a policy push, an epidemic), so the degrees of freedom and the estimation
        error of the mean count distinct years, not residuals.
    prior_sd : array-like or float
        Prior log-scale sd over a whole year, per target (default :data:`SIGMA0`).
    own_tier : bool
        ``False``: no tier of the target's own series — the target is described as any
        member of its indicator (its own earlier years count as those of one more
        place). Used by :data:`POOLED` and to backtest it "as if short".

    Returns
    -------
    mu, scale, df, n_own : numpy.ndarray
        Location shift, predictive scale, Student-t degrees of freedom and the
        effective number of the series' own training residuals, per target.
    """
    ok = np.isfinite(e)
    years_per_ind = np.zeros(n_ind)
    if train_year is not None and ok.any():
        iy = np.unique(train_ind[ok].astype(np.int64) * 10_000 + train_year[ok])
        years_per_ind += np.bincount(iy // 10_000, minlength=n_ind)[:n_ind]
    tb = _bins(train_t[ok])
    sid, ind, e = train_sid[ok], train_ind[ok], e[ok]
    kern = _kernel()
    # Sufficient statistics per (series, bin), then kernel-smoothed across bins.
    # (bincount on a flat index: much faster than np.add.at on millions of rows)
    flat = sid * N_BINS + tb
    own = np.stack([np.bincount(flat, weights=w, minlength=n_sid * N_BINS)
                    for w in (np.ones_like(e), e, e * e)]).reshape(3, n_sid, N_BINS)
    flat_i = ind * N_BINS + tb
    by_ind = np.stack([np.bincount(flat_i, weights=w, minlength=n_ind * N_BINS)
                       for w in (np.ones_like(e), e, e * e)]).reshape(3, n_ind, N_BINS)
    tot = by_ind.sum(axis=1)  # (3, N_BINS)

    qb = _bins(target_t)
    # Smooth only the rows that targets need (own tier), all rows of the small tiers.
    own_t = np.einsum("jnb,bc->jnc", own[:, target_sid, :], kern)[:, np.arange(len(qb)), qb]
    ind_t = np.einsum("jnb,bc->jnc", by_ind, kern)[:, target_ind, qb]
    all_t = (tot @ kern)[:, qb]
    if not own_tier:  # a member of its indicator, no effect of its own
        own_t = np.zeros_like(own_t)

    def ss(st: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            if center:
                return np.maximum(st[2] - np.where(st[0] > 0, st[1] ** 2 / st[0], 0.0), 0.0)
            return st[2]

    k, nu0 = K_MEAN, NU0
    if center:
        mu_all = all_t[1] / (all_t[0] + k)
        mu_ind = (ind_t[1] + k * mu_all) / (ind_t[0] + k)
        mu_own = (own_t[1] + k * mu_ind) / (own_t[0] + k)
    else:
        mu_own = np.zeros(len(qb))
    # Prior: 10 % (log) over a whole year, shrinking like a random walk as the year
    # passes (floor: one month's worth).
    prior_var = np.asarray(prior_sd, dtype=float) ** 2 * np.maximum(
        (12.0 - np.asarray(target_t, dtype=float)) / 12.0, 1 / 12)
    var_all = (ss(all_t) + nu0 * prior_var) / (all_t[0] + nu0)
    var_ind = (ss(ind_t) + nu0 * var_all) / (ind_t[0] + nu0)
    var_own = (ss(own_t) + nu0 * var_ind) / (own_t[0] + nu0)
    if train_year is not None:
        n_years = years_per_ind[target_ind]
        n_eff = np.minimum(own_t[0], n_years)
        df = np.minimum(nu0 + np.minimum(ind_t[0], n_years), MAX_DF)
    else:
        n_eff, df = own_t[0], np.minimum(nu0 + ind_t[0], MAX_DF)
    scale = np.sqrt(var_own * (1.0 + 1.0 / (n_eff + k)))
    return mu_own, scale, df, own_t[0]


def predict_sparse(method: str, targets: pd.DataFrame, train: pd.DataFrame, n_sid: int,
                   n_ind: int, levels: Sequence[int] = (80, 95),
                   calib: dict[int, np.ndarray] | None = None, own_tier: bool = True,
                   train_growth: bool = True, cap_moves: bool = False) -> pd.DataFrame:
    """Forecast each target with one sparse method, intervals from past errors.

    Parameters
    ----------
    method : {"run_rate", "last_value", "seasonal_profile"}
    targets : DataFrame
        Columns ``sid, ind_id, v, t, prev_ye, g_hat``.
    train : DataFrame
        Training pairs of completed years only (columns ``sid, ind_id, t, v, prev_ye,
        g_hat, actual``) — the caller guarantees they were known on the targets' as-of.
    n_sid, n_ind : int
        Sizes of the series and indicator id spaces.
    levels : sequence of int
        Interval levels in percent.
    calib : dict, optional
        ``{80: factors, 95: factors}``: multipliers of the predictive scale per target
        for the 80 % and 95 % intervals, learned from the out-of-sample errors of
        earlier years (:func:`bhxh_analysis.forecast.calibration.calibration_factor`);
        with ``"lo80"`` … ``"hi95"``, each side its own (:func:`side_scales`). The
        reported ``scale`` uses the two-sided 80 % factor, ``scale_lo``/``scale_hi``
        each side's (the split distribution of ``P(Y ≥ x)``); other levels
        interpolate (see :func:`level_scale`).
    own_tier : bool
        ``False``: no tier of the target's own series (see :func:`tier_distribution`).
    train_growth : bool
        Remove each training pair's trend growth from its residual (``False``: the raw
        move ``log Y − log v`` is learned, growth included — for targets whose own
        growth is unknown).
    cap_moves : bool
        Hold the upper ends of 80 % and above to the earlier moves (:func:`move_caps`; the
        pooled move, whose forecast is nothing but those moves, when :data:`MOVE_CAP`) and
        the lower ends to the falls seen (:func:`move_floors`, when :data:`MOVE_FLOOR`).

    Returns
    -------
    DataFrame
        Same index as ``targets``: ``forecast, loc, scale, scale_lo, scale_hi, df`` and
        ``lo{L}``/``hi{L}``.

    Notes
    -----
    A target whose last value is older than the previous year-end (``t < 0``) is
    described as at ``t = 0`` and its scale grows like a random walk over the extra
    years, ``scale · sqrt((12 − t) / 12)``: intervals never narrow as the horizon
    lengthens.
    """
    g_tr = train["g_hat"] if train_growth else np.zeros(len(train))
    base_tr = base_log(method, train["v"], train["t"], train["prev_ye"], g_tr)
    e = np.log(train["actual"].to_numpy(dtype=float)) - base_tr
    base = base_log(method, targets["v"], targets["t"], targets["prev_ye"], targets["g_hat"])
    t = targets["t"].to_numpy(dtype=float)
    mu, scale, df, n_own = tier_distribution(
        train["sid"].to_numpy(), train["ind_id"].to_numpy(), train["t"].to_numpy(dtype=float), e,
        targets["sid"].to_numpy(), targets["ind_id"].to_numpy(),
        np.clip(t, 0.0, None), n_sid, n_ind, center=(method == "seasonal_profile"),
        train_year=train["year"].to_numpy(),
        prior_sd=np.maximum(SIGMA0, targets["g_sd"].to_numpy(dtype=float)),
        own_tier=own_tier,
    )
    # Older last value: a random walk over the extra years (monotone in the horizon).
    scale = scale * np.sqrt(np.maximum(12.0 - t, 12.0) / 12.0)
    calib = calib or {80: np.ones(len(t)), 95: np.ones(len(t))}
    loc = base + mu
    point = np.exp(loc)
    if method == "last_value":  # exact in value space (no log round trip)
        point = targets["v"].to_numpy(dtype=float)
    s_lo, s_hi = side_scales(scale, df, calib, 80)
    out = pd.DataFrame({"forecast": point, "loc": loc, "scale": scale * calib[80],
                        "scale_lo": s_lo, "scale_hi": s_hi,
                        "df": df, "n_train_own": n_own, "scale_raw": scale,
                        **{f"calib{k}": v for k, v in calib.items()}}, index=targets.index)
    moves = np.log(train["actual"].to_numpy(dtype=float)) - np.log(train["v"].to_numpy(dtype=float))
    # every move between two figures of one series-year, paired once for all levels;
    # only the late targets' caps and the floors read them
    late = (t >= 0) & (12.0 - t <= LATE_HORIZON)
    gaps = (gap_moves(train) if cap_moves and ((MOVE_CAP and late.any()) or MOVE_FLOOR)
            else gap_moves(train.iloc[:0]))
    q80 = t_ppf(0.90, df)
    for lev in sorted(levels):
        q = t_ppf(0.5 + lev / 200.0, df)
        lo, hi = side_scales(scale, df, calib, lev)
        out[f"lo{lev}"] = np.exp(loc - q * lo)
        out[f"hi{lev}"] = np.exp(loc + q * hi)
        if cap_moves and MOVE_CAP and lev >= CAP_LEVEL_MIN:
            cap = move_caps(t, targets["ind_id"].to_numpy(), train["t"].to_numpy(dtype=float),
                            train["ind_id"].to_numpy(), moves, lev)
            cap = np.minimum(cap, short_move_caps(t, targets["ind_id"].to_numpy(), gaps, lev))
            cap = targets["v"].to_numpy(dtype=float) * np.exp(cap)
            # never inside the 80 % interval (nor below the forecast)
            floor = np.maximum(np.exp(loc + q80 * s_hi), point) if lev > 80 else point
            out[f"hi{lev}"] = np.maximum(np.minimum(out[f"hi{lev}"], cap), floor)
            if lev == 80:
                # the upper side's scale follows a held 80 % end: P(Y ≥ hi80) stays 0.10
                held = out["hi80"].to_numpy(dtype=float) < np.exp(loc + q80 * s_hi) * (1 - 1e-12)
                new = (np.log(out["hi80"].to_numpy(dtype=float)) - loc) / q80
                s_hi = np.where(held & (new > 0), new, s_hi)
                out["scale_hi"] = s_hi
        if not cap_moves and OWN_PATH_CAP and lev > 80:
            cap = targets["v"].to_numpy(dtype=float) * np.exp(own_path_caps(
                t, targets["ind_id"].to_numpy(), train["t"].to_numpy(dtype=float),
                train["ind_id"].to_numpy(), moves, lev))
            # never inside the 80 % interval (nor below the forecast)
            floor = np.maximum(np.exp(loc + q80 * s_hi), point)
            out[f"hi{lev}"] = np.maximum(np.minimum(out[f"hi{lev}"], cap), floor)
        if cap_moves and MOVE_FLOOR and lev >= CAP_LEVEL_MIN:
            v = targets["v"].to_numpy(dtype=float)
            # never above the last figure, the forecast or the 80 % interval
            flo = np.minimum(v * np.exp(np.minimum(
                move_floors(t, targets["ind_id"].to_numpy(), gaps, lev), 0.0)), point)
            if lev > 80:
                flo = np.minimum(flo, np.exp(loc - q80 * s_lo))
            out[f"lo{lev}"] = np.maximum(out[f"lo{lev}"], flo)
            if lev == 80:
                # the lower side's scale follows a held 80 % end: P(Y ≤ lo80) stays 0.10
                held = out["lo80"].to_numpy(dtype=float) > np.exp(loc - q80 * s_lo) * (1 + 1e-12)
                new = (loc - np.log(out["lo80"].to_numpy(dtype=float))) / q80
                s_lo = np.where(held & (new > 0), new, s_lo)
                out["scale_lo"] = s_lo
    return out


def move_caps(t: np.ndarray, ind: np.ndarray, train_t: np.ndarray, train_ind: np.ndarray,
              moves: np.ndarray, level: float) -> np.ndarray:
    r"""The largest log move to 31 December the earlier moves allow at ``level`` %.

    The upper end of a ``level`` % interval claims the :math:`p = 1/2 + level/200` point
    of the move still to come. The evidence is the :math:`n` moves
    :math:`\log Y_i - \log v_i` of earlier years of the same indicator (every place;
    what the pooled move and the seasonal gaps learn from) made from the same month of
    the year or earlier — a move from earlier in the year spans more of it, so the set
    can only err on the generous side. The largest of them, :math:`M`, is the
    :math:`n/(n+1)` point of the moves; beyond it the data say nothing, so the end may
    exceed it only by the distance from that point to :math:`p` of a normal with the
    moves' own sd :math:`s`:

    .. math:: cap = M + s \max(0, \Phi^{-1}(p) - \Phi^{-1}(n/(n+1))).

    No cap (``inf``) with fewer than two moves, or for a target whose last value is
    older than the previous year-end (``t < 0``: more than a year's move to come).
    Applied to the pooled move only (:func:`predict_pooled`), whose forecast is nothing
    but those moves: a series forecast from its own path can break out of every earlier
    move (national BHXH, 30/4/2024: 17.4 M, year-end 20.11 M, ×1.156, above every
    earlier BHXH move from January–April), and held so it fell outside its 95 % interval.
    Why: a Student t with 3–4 degrees of freedom times a tail ratio learned on a few
    years' errors put voluntary BHXH's 95 % upper ends at 5–19 times the last figure
    (Kon Tum 30/6/2020: 41,863 from 4,294), where no year-end had ever been more than
    twice a figure of its year (docs/forecasting.md, "Upper ends held to the moves seen").

    Examples
    --------
    >>> import numpy as np
    >>> mv = np.log([1.1, 1.2, 1.3, 1.5, 1.9])
    >>> c = move_caps(np.array([6.0, 6.0]), np.array([0, 1]), np.full(5, 3.0),
    ...               np.zeros(5, dtype=int), mv, 95)
    >>> bool(np.log(1.9) < c[0] < np.log(3.0)), bool(np.isinf(c[1]))
    (True, True)
    """
    t = np.asarray(t, dtype=float)
    out = np.full(len(t), np.inf)
    ok = np.isfinite(moves) & np.isfinite(train_t)
    train_t, train_ind, moves = train_t[ok], np.asarray(train_ind)[ok], moves[ok]
    z = stats.norm.ppf(0.5 + level / 200.0)
    month = np.floor(t)
    keys = pd.DataFrame({"ind": np.asarray(ind), "m": month})
    for (i, m), rows in keys.groupby(["ind", "m"], sort=False).groups.items():
        if not m >= 0:
            continue
        out[np.asarray(rows)] = largest_allowed(moves[(train_ind == i)
                                                      & (np.floor(train_t) <= m)], z)
    return out


def own_path_caps(t: np.ndarray, ind: np.ndarray, train_t: np.ndarray, train_ind: np.ndarray,
                  moves: np.ndarray, level: float) -> np.ndarray:
    r"""The largest log move to 31 December a forecast from a series' own path may claim.

    A series forecast from its own path can break out of every earlier move of its
    indicator (national BHXH on 30/4/2024: ×1.156 to 31 December, above every earlier
    BHXH move from January–April), so :func:`move_caps` does not bind it. But its
    Student t, calibrated on a few years' errors that hold voluntary BHXH's 2019
    doubling, put 95 % upper ends at 30 times the figure (national voluntary BHXH on
    31/7/2020: 24.2 M from 737,000). The cap is the smaller of two generous limits:
    :func:`move_caps` over every indicator of the family (no series of the family ever
    moved more from this point of the year), and twice, in log terms, the cap of the
    target's own indicator (a break-out past its own largest move, not a second one as
    large again). ``inf`` where neither has two earlier moves.

    Examples
    --------
    >>> mv = np.log([1.05, 1.08, 1.10, 1.9, 2.0])
    >>> ind_tr = np.array([0, 0, 0, 1, 1])
    >>> c = own_path_caps(np.array([4.0, 4.0]), np.array([0, 1]), np.full(5, 3.0), ind_tr,
    ...                   mv, 95)
    >>> bool(np.log(1.10 ** 2) < c[0] < np.log(1.3)), bool(np.log(2.0) < c[1] < np.log(3.0))
    (True, True)
    """
    own = move_caps(t, ind, train_t, train_ind, moves, level)
    fam = move_caps(t, np.zeros(len(t), dtype=int), train_t,
                    np.zeros(len(train_t), dtype=int), moves, level)
    return np.minimum(fam, own + np.maximum(own, 0.0))


def largest_allowed(mv: np.ndarray, z: float) -> float:
    r"""The largest of ``n`` moves, beyond which the data say nothing, plus the normal
    distance from its :math:`n/(n+1)` point to the point ``z`` of the level:
    :math:`\max(mv) + s \max(0, z - \Phi^{-1}(n/(n+1)))`, ``s`` their sd. ``inf`` with
    fewer than two moves. The one rule of :func:`move_caps`, :func:`short_move_caps` and
    (on the falls, ``-mv``) :func:`move_floors`.

    Examples
    --------
    >>> bool(largest_allowed(np.log([1.1, 1.2, 1.3]), 0.5) == np.log(1.3))  # z below 3/4 point
    True
    >>> bool(np.isinf(largest_allowed(np.array([0.1]), 1.96)))
    True
    """
    n = len(mv)
    if n < 2:
        return np.inf
    return float(mv.max() + np.std(mv, ddof=1) * max(0.0, z - stats.norm.ppf(n / (n + 1.0))))


def gap_moves(train: pd.DataFrame) -> pd.DataFrame:
    """Every move between two figures of one series and year known from ``train``.

    ``train`` holds each figure ``(t, v)`` of a completed year with its year-end
    ``actual``: the figures and the year-end (at ``t = 12``) of one series and year give
    a move ``log(v_j / v_i)`` over ``gap = t_j − t_i`` months for every ``t_i < t_j``.

    Returns
    -------
    DataFrame
        ``ind_id, gap, move`` (the ``sid``/``year`` pairs of ``train`` without them are
        left out).

    Examples
    --------
    >>> tr = pd.DataFrame({"sid": 0, "year": 2020, "ind_id": 0, "t": [9.0, 11.0],
    ...                    "v": [100.0, 110.0], "actual": 121.0})
    >>> g = gap_moves(tr)
    >>> sorted(zip(g["gap"].round(1), (np.exp(g["move"]) * 100).round(1)))
    [(1.0, 110.0), (2.0, 110.0), (3.0, 121.0)]
    """
    need = {"sid", "year", "ind_id", "t", "v", "actual"}
    if not need <= set(train.columns) or len(train) == 0:
        return pd.DataFrame({"ind_id": [], "gap": [], "move": []})
    tr = train[["sid", "year", "ind_id", "t", "v", "actual"]]
    tr = tr[np.isfinite(tr["t"].to_numpy(float)) & (tr["v"].to_numpy(float) > 0)]
    ends = (tr.drop_duplicates(["sid", "year"])[["sid", "year", "ind_id", "actual"]]
            .rename(columns={"actual": "v"}).assign(t=12.0))
    pts = pd.concat([tr[["sid", "year", "ind_id", "t", "v"]], ends], ignore_index=True)
    pts = pts[pts["v"].to_numpy(float) > 0].drop_duplicates(["sid", "year", "t"])
    m = pts.merge(pts, on=["sid", "year", "ind_id"], suffixes=("_a", "_b"))
    m = m[m["t_b"] > m["t_a"]]
    return pd.DataFrame({"ind_id": m["ind_id"].to_numpy(),
                         "gap": (m["t_b"] - m["t_a"]).to_numpy(float),
                         "move": np.log(m["v_b"].to_numpy(float) / m["v_a"].to_numpy(float))})


def short_move_caps(t: np.ndarray, ind: np.ndarray, gaps: pd.DataFrame,
                    level: float) -> np.ndarray:
    r"""The largest log move to 31 December the moves over as short a horizon allow.

    :func:`move_caps` learns from the moves to 31 December made from the target's month
    or earlier: late in the year most of them span far more than the months left (from
    5 December, the January–November moves: voluntary BHXH's ×2.05 from January held
    Cà Mau's 95 % upper end at 2.16 times a figure 26 days old). Here the evidence is
    every move between two figures of one series and completed year of the same
    indicator (``gaps``, the table :func:`gap_moves` makes of the training figures, the
    year-end included) over a gap of the horizon
    :math:`h = 12 - t` to :math:`h +` :data:`BANDWIDTH` months — no shorter, so the set
    errs on the generous side — with the same rule: the largest :math:`M` of the
    :math:`n` moves is their :math:`n/(n+1)` point, and the end may exceed it by
    :math:`s \max(0, \Phi^{-1}(p) - \Phi^{-1}(n/(n+1)))`. Only within
    :data:`LATE_HORIZON` months of 31 December; no cap (``inf``) earlier, with fewer
    than two such moves or ``t < 0``.

    Examples
    --------
    >>> tr = pd.DataFrame({"sid": [0, 0, 1, 1], "year": 2020, "ind_id": 0,
    ...                    "t": [1.0, 11.0, 1.0, 11.0], "v": [50.0, 98.0, 50.0, 99.0],
    ...                    "actual": [100.0, 100.0, 100.0, 100.0]})
    >>> c = short_move_caps(np.array([11.2, -1.0]), np.array([0, 0]), gap_moves(tr), 95)
    >>> bool(c[0] < np.log(1.1)), bool(np.isinf(c[1]))
    (True, True)
    """
    t = np.asarray(t, dtype=float)
    out = np.full(len(t), np.inf)
    late = np.flatnonzero((t >= 0) & (12.0 - t <= LATE_HORIZON))
    g = gaps[np.isfinite(gaps["move"].to_numpy(float))]
    if len(g) == 0:
        return out
    gi, gap, mv_all = g["ind_id"].to_numpy(), g["gap"].to_numpy(float), g["move"].to_numpy(float)
    z = stats.norm.ppf(0.5 + level / 200.0)
    ind = np.asarray(ind)
    for k in late:
        h = 12.0 - t[k]
        out[k] = largest_allowed(
            mv_all[(gi == ind[k]) & (gap >= h - 1e-9) & (gap <= h + BANDWIDTH)], z)
    return out


def move_floors(t: np.ndarray, ind: np.ndarray, gaps: pd.DataFrame,
                level: float) -> np.ndarray:
    r"""The largest log fall to 31 December the earlier moves allow at ``level`` %.

    The lower end of a ``level`` % interval claims the :math:`1/2 - level/200` point of
    the move still to come. The evidence is every move between two figures of one
    series and completed year of the same indicator, in every place, the year-end
    included (``gaps``, from :func:`gap_moves`), over a gap of at most the months left to
    31 December plus :data:`BANDWIDTH` (:math:`n` moves): a fall shows over a short gap (national
    voluntary BHXH 31/5 → 30/6/2020, ×0.947), where a move over a longer one carries more
    of a year's growth — a year's moves of national totals that only ever grew say
    nothing about a province's fall within six months. As in :func:`move_caps`, the
    smallest :math:`m` of those moves is their :math:`1/(n+1)` point and the end may lie
    below it by :math:`s \max(0, \Phi^{-1}(p) - \Phi^{-1}(n/(n+1)))`,
    :math:`p = 1/2 + level/200`, :math:`s` the moves' sd; a larger fall over a longer
    gap, if any, lowers the floor to it (generous). The caller never lets the floor rise
    above the last figure. No floor (``-inf``) with fewer than two such moves or for a
    target whose last value is older than the previous year-end (``t < 0``).

    Why: the pooled move's lower tail came from a Student t on few years' errors, not
    from the moves: Gia Lai's BHTN on 30/6/2020 ("trên 66.000", one figure) had a 95 %
    lower end 6.9 % below the figure where no BHTN figure in the data had fallen by more
    than 0.8 % to a later one of its year (docs/forecasting.md, "Lower ends held to the
    falls seen").

    Examples
    --------
    >>> tr = pd.DataFrame({"sid": [0, 0, 1], "year": 2020, "ind_id": 0, "t": [3.0, 6.0, 6.0],
    ...                    "v": [100.0, 99.0, 100.0], "actual": [103.0, 103.0, 104.0]})
    >>> f = move_floors(np.array([6.0, -1.0, 6.0]), np.array([0, 0, 1]), gap_moves(tr), 95)
    >>> bool(np.log(0.95) < f[0] < np.log(0.99)), bool(np.isinf(f[1])), bool(np.isinf(f[2]))
    (True, True, True)
    """
    t = np.asarray(t, dtype=float)
    out = np.full(len(t), -np.inf)
    g = gaps[np.isfinite(gaps["move"].to_numpy(float))]
    if len(g) == 0:
        return out
    z = stats.norm.ppf(0.5 + level / 200.0)
    ind = np.asarray(ind)
    gi, gap, mv_all = g["ind_id"].to_numpy(), g["gap"].to_numpy(float), g["move"].to_numpy(float)
    for k in np.flatnonzero(t >= 0):
        mine = gi == ind[k]
        fall = largest_allowed(-mv_all[mine & (gap <= 12.0 - t[k] + BANDWIDTH + 1e-9)], z)
        if np.isfinite(fall):
            out[k] = min(-fall, mv_all[mine].min())
    return out


def predict_pooled(targets: pd.DataFrame, train: pd.DataFrame, n_sid: int, n_ind: int,
                   levels: Sequence[int] = (80, 95),
                   calib: dict[int, np.ndarray] | None = None) -> pd.DataFrame:
    r"""Forecast places with no history of their own from the pooled within-year moves.

    :math:`\log \hat Y = \log v + \hat m(t)`, where :math:`\hat m(t)` is the move from
    month :math:`t` to 31 December, :math:`\log Y_i - \log v_i`, of every training pair
    of earlier years of the same indicator in every place (national and provincial
    series), shrunk towards the prior — no move, sd :data:`SIGMA0` over a whole year —
    (:func:`tier_distribution` without an own tier: the target is one more member of
    its indicator), kernel-weighted by the point of the year. Other indicators are not pooled: their
    raw moves differ too much (voluntary BHXH doubled in years BHYT rose 3 %). The
    move is *raw* (it includes the typical growth of the series it was learned from,
    since the target's own growth is unknown); a target with a within-year trend of its
    own (``trend_within``) adds that trend and learns the growth-free residuals
    instead. Its spread is the spread of those moves across places and years; the
    caller calibrates it (``calib``) on earlier cases forecast the same way
    (``backtest.raw_cases(..., [POOLED])``).

    Parameters
    ----------
    targets : DataFrame
        ``sid, ind_id, v, t, prev_ye, g_hat`` (+ optional ``trend_within``).
    train, n_sid, n_ind, levels, calib
        As :func:`predict_sparse`.

    Returns
    -------
    DataFrame
        As :func:`predict_sparse`.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> train = pd.DataFrame({"sid": [0, 1, 2, 3], "ind_id": 0, "year": [2020, 2020, 2021, 2021],
    ...                       "t": 6.0, "v": 100.0, "prev_ye": np.nan, "g_hat": 0.0,
    ...                       "actual": [104.0, 106.0, 105.0, 103.0]})
    >>> tg = pd.DataFrame({"sid": [4], "ind_id": [0], "v": [200.0], "t": [6.0],
    ...                    "prev_ye": [np.nan], "g_hat": [0.0], "g_sd": [0.0]})
    >>> r = predict_pooled(tg, train, 5, 1)
    >>> bool(200 < r["forecast"].iloc[0] < 212 and r["lo80"].iloc[0] <= 200)
    True
    """
    trend = (targets["trend_within"].to_numpy(dtype=bool) if "trend_within" in targets
             else np.zeros(len(targets), dtype=bool))
    tg = targets.assign(g_hat=np.where(trend, targets["g_hat"].to_numpy(float), 0.0),
                        g_sd=0.0)
    calib = calib or {80: np.ones(len(tg)), 95: np.ones(len(tg))}
    parts = []
    ind = tg["ind_id"].to_numpy()
    for use_trend in (False, True):
        for i in np.unique(ind):
            m = (trend == use_trend) & (ind == i)
            if not m.any():
                continue
            # Raw moves differ between indicators (voluntary BHXH doubled when BHYT
            # rose 3 %): learn from the same indicator only; none → the prior alone.
            parts.append(predict_sparse("seasonal_profile", tg[m], train[train["ind_id"] == i],
                                        n_sid, n_ind, levels,
                                        calib={k: np.asarray(v)[m] for k, v in calib.items()},
                                        own_tier=False, train_growth=use_trend,
                                        cap_moves=True))
    return pd.concat(parts).reindex(targets.index)


def level_scale(scale: np.ndarray, df: np.ndarray, c80: np.ndarray, c95: np.ndarray,
                level: float) -> np.ndarray:
    """Calibrated scale for one interval level.

    80 % and 95 % intervals use their own factors; levels between interpolate
    linearly, below 80 % use the 80 % factor, above 95 % the 95 % one. The 95 % factor
    is floored so that the 95 % interval always contains the 80 % one.
    """
    q80, q95 = t_ppf(0.90, df), t_ppf(0.975, df)
    c95 = np.maximum(c95, c80 * q80 / q95 * 1.0001)
    w = np.clip((level - 80.0) / 15.0, 0.0, 1.0)
    return np.asarray(scale) * ((1 - w) * c80 + w * c95)


def side_scales(scale: np.ndarray, df: np.ndarray, calib: Mapping[Any, Any],
                level: float) -> tuple[np.ndarray, np.ndarray]:
    """Calibrated scales of the lower and upper side of the ``level`` % interval.

    ``calib`` maps ``80``/``95`` (both sides) and, when the sides were calibrated
    apart (:func:`bhxh_analysis.forecast.calibration.calibration_factors`),
    ``"lo80"``/``"lo95"``/``"hi80"``/``"hi95"`` to factors; each side is
    :func:`level_scale` with its own factors.
    """
    def factor(key: str, lev: int) -> np.ndarray:
        both = np.asarray(calib[lev], dtype=float)
        own = np.asarray(calib.get(key + str(lev), both), dtype=float)
        return np.where(np.isfinite(own), own, both)

    lo, hi = (level_scale(scale, df, factor(k, 80), factor(k, 95), level) for k in ("lo", "hi"))
    return lo, hi
