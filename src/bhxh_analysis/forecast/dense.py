"""Dense monthly series: an ETS model with a 12-month season (statsmodels).

Used only when a series has at least :data:`MIN_MONTHS` consecutive end-of-month
values up to the as-of date (a user's own monthly data, or simulated panels); the
sparse national snapshots never qualify. The model is fitted on log values
(additive error, damped additive trend, additive seasonality of period 12), so the
intervals are multiplicative and stay positive.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

MIN_MONTHS = 36


def monthly_tail(points: pd.DataFrame, cutoff: pd.Timestamp) -> pd.Series | None:
    """Return the longest run of consecutive month-end values ending at the last one <= cutoff.

    Parameters
    ----------
    points : DataFrame
        ``as_of, value`` of one series, sorted by ``as_of``.
    cutoff : Timestamp

    Returns
    -------
    Series or None
        Values indexed by month-end dates, or ``None`` when fewer than
        :data:`MIN_MONTHS` consecutive months are available.
    """
    p = points[points["as_of"] <= cutoff]
    p = p[p["as_of"].dt.is_month_end]
    if len(p) < MIN_MONTHS:
        return None
    per = p["as_of"].dt.to_period("M")
    idx = (per.dt.year * 12 + per.dt.month).to_numpy()
    # Break the run where a month is missing; keep the last unbroken run.
    brk = np.flatnonzero(np.diff(idx) != 1)
    start = brk[-1] + 1 if len(brk) else 0
    run = p.iloc[start:]
    if len(run) < MIN_MONTHS:
        return None
    return pd.Series(run["value"].to_numpy(dtype=float),
                     index=pd.DatetimeIndex(run["as_of"]).to_period("M"))


def ets_forecast(series: pd.Series, year: int, levels: Sequence[int] = (80, 95)) -> dict[str, float]:
    """Forecast the 31 December value of ``year`` with ETS on log values.

    Parameters
    ----------
    series : Series
        Consecutive monthly values indexed by monthly periods (from :func:`monthly_tail`).
    year : int
        Target year; the last period must fall in ``year`` (or be December of ``year - 1``).
    levels : sequence of int

    Returns
    -------
    dict
        ``forecast``, ``loc``, ``scale`` (log scale, normal), ``lo{L}``, ``hi{L}``.
    """
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    last = series.index[-1]
    h = (year * 12 + 12) - (last.year * 12 + last.month)
    if h <= 0:
        v = float(series.iloc[-1])
        return {"forecast": v, "loc": np.log(v), "scale": 0.0,
                **{f"lo{lev}": v for lev in levels}, **{f"hi{lev}": v for lev in levels}}
    y = pd.Series(np.log(series.to_numpy()), index=series.index.to_timestamp("M"))
    y.index.freq = "ME"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ETSModel(y, error="add", trend="add", damped_trend=True, seasonal="add",
                         seasonal_periods=12)
        fit = model.fit(disp=False, maxiter=200)
        pred = fit.get_prediction(start=len(y), end=len(y) + h - 1)
        mean = float(pred.predicted_mean.iloc[-1])
        var = float(np.asarray(pred.var_pred_mean)[-1])
    from scipy import stats

    scale = float(np.sqrt(max(var, 0.0)))
    out = {"forecast": float(np.exp(mean)), "loc": mean, "scale": scale}
    for lev in levels:
        q = stats.norm.ppf(0.5 + lev / 200.0)
        out[f"lo{lev}"] = float(np.exp(mean - q * scale))
        out[f"hi{lev}"] = float(np.exp(mean + q * scale))
    return out
