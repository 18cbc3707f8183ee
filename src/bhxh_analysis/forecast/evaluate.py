"""Cross-validation frames and the plain metric functions that score them.

In the manner of statsforecast/utilsforecast: :func:`cross_validation` returns one row
per (series, cutoff, method) with ``unique_id``, ``ds`` (the 31 December forecast),
``cutoff`` (the as-of date), ``y`` (the outcome), ``forecast`` and the interval columns
``lo80, hi80, lo95, hi95``; :func:`coverage`, :func:`winkler` and
:func:`calibration_table` are plain functions over such a frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .backtest import backtest

CV_COLUMNS = [
    "unique_id", "ds", "cutoff", "y", "method", "forecast", "lo80", "hi80", "lo95", "hi95",
    "months_elapsed", "geo_name", "geo_code", "geo_level", "boundaries", "indicator",
    "last_value",
]


def cross_validation(obs: pd.DataFrame, methods: Sequence[str] = ("seasonal_profile", "run_rate"),
                     indicators: Sequence[str] | None = None,
                     max_series: int | None = None) -> pd.DataFrame:
    """Rolling-origin forecasts of every case the data allow, with the outcome.

    Each case is a figure dated inside a year whose 31 December value (and the one
    before) is known; it is forecast from what was known on its date (``cutoff``)
    only, with intervals calibrated on the errors of earlier years only (see
    :func:`bhxh_analysis.forecast.backtest.backtest`).

    Parameters
    ----------
    obs : DataFrame
        Observations table.
    methods : sequence of str
        Among ``run_rate``, ``last_value``, ``seasonal_profile``, ``auto``.
    indicators : sequence of str, optional
        Default: every forecastable indicator (participants and rates learned apart).
    max_series : int, optional
        Score at most this many series per indicator (large simulated panels).

    Returns
    -------
    DataFrame
        Columns :data:`CV_COLUMNS`; ``ds`` and ``cutoff`` are ``datetime64[ns]``.

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> cv = fc.cross_validation(fc.example_observations(), methods=["seasonal_profile"])
    >>> list(cv.columns[:5])
    ['unique_id', 'ds', 'cutoff', 'y', 'method']
    >>> bool((cv["cutoff"] < cv["ds"]).all())
    True
    """
    bt = backtest(obs, methods=methods, indicators=indicators, max_series=max_series)
    out = pd.DataFrame({
        "unique_id": (bt["boundaries"] + "/" + bt["geo_level"] + "/" + bt["geo_code"] + "/"
                      + bt["indicator"]).astype(str),
        "ds": pd.to_datetime(bt["year"].astype(int).astype(str) + "-12-31").astype("datetime64[ns]"),
        "cutoff": pd.to_datetime(bt["as_of"]).astype("datetime64[ns]"),
        "y": bt["actual"].astype(float),
        "method": bt["method"].astype(str),
        **{c: bt[c].astype(float) for c in ("forecast", "lo80", "hi80", "lo95", "hi95",
                                            "months_elapsed")},
        **{c: bt[c].astype(str) for c in ("geo_name", "geo_code", "geo_level", "boundaries",
                                          "indicator")},
        "last_value": bt["last_value"].astype(float),
    })
    return out.sort_values(["unique_id", "cutoff", "method"], ignore_index=True)[CV_COLUMNS]


def coverage(cv: pd.DataFrame, level: int = 80) -> float:
    """Percentage of outcomes ``y`` inside their ``lo{level}``–``hi{level}`` interval.

    Examples
    --------
    >>> df = pd.DataFrame({"y": [1.0, 5.0], "lo80": [0.0, 0.0], "hi80": [2.0, 2.0]})
    >>> coverage(df, 80)
    50.0
    """
    y = cv["y"].to_numpy(float)
    inside = (cv[f"lo{level}"].to_numpy(float) <= y) & (y <= cv[f"hi{level}"].to_numpy(float))
    return float(inside.mean() * 100.0) if len(cv) else float("nan")


def winkler(cv: pd.DataFrame, level: int = 80, relative: bool = False) -> float:
    """Mean Winkler interval score: width plus ``2/α`` times any miss (``α = 1 − level/100``).

    With ``relative=True`` each score is divided by the outcome, so that places of
    different sizes can be averaged. Lower is better.

    Examples
    --------
    >>> df = pd.DataFrame({"y": [1.0, 5.0], "lo80": [0.0, 0.0], "hi80": [2.0, 2.0]})
    >>> round(winkler(df, 80), 6)   # (2 + (2 + 10 × 3)) / 2
    17.0
    """
    y = cv["y"].to_numpy(float)
    lo, hi = cv[f"lo{level}"].to_numpy(float), cv[f"hi{level}"].to_numpy(float)
    a = 1.0 - level / 100.0
    w = (hi - lo) + 2.0 / a * np.clip(lo - y, 0, None) + 2.0 / a * np.clip(y - hi, 0, None)
    if relative:
        w = w / y
    return float(np.mean(w)) if len(w) else float("nan")


def calibration_table(cv: pd.DataFrame, by: Sequence[str] = ("method", "month")) -> pd.DataFrame:
    """Coverage of the 80 % and 95 % intervals and their mean relative width, by group.

    ``month`` is the month of the cutoff (1–12). The relative width is
    ``(hi − lo) ÷ forecast``; the error ratio is the geometric mean of
    ``|forecast − y| ÷ |run-rate − y|`` on the same cases when the frame holds
    ``run_rate`` rows.

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> cv = fc.cross_validation(fc.example_observations(), methods=["seasonal_profile"])
    >>> t = fc.calibration_table(cv, by=["method"])
    >>> list(t.columns)[:4]
    ['method', 'n', 'coverage80', 'coverage95']
    """
    cv = cv.assign(month=cv["cutoff"].dt.month)
    rr = cv[cv["method"] == "run_rate"][["unique_id", "cutoff", "forecast"]]
    cv = cv.merge(rr.rename(columns={"forecast": "_rr"}), on=["unique_id", "cutoff"], how="left")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.abs(cv["forecast"] - cv["y"]) / np.abs(cv["_rr"] - cv["y"])
    cv["_lr"] = np.log(ratio.where((ratio > 0) & np.isfinite(ratio)))
    rows = []
    for key, g in cv.groupby(list(by), sort=True):
        key = key if isinstance(key, tuple) else (key,)
        rows.append({**dict(zip(by, key, strict=True)), "n": len(g),
                     "coverage80": coverage(g, 80), "coverage95": coverage(g, 95),
                     "width80_rel": float(((g["hi80"] - g["lo80"]) / g["forecast"]).mean()),
                     "width95_rel": float(((g["hi95"] - g["lo95"]) / g["forecast"]).mean()),
                     "winkler80_rel": winkler(g, 80, relative=True),
                     "error_ratio_vs_run_rate": float(np.exp(g["_lr"].mean()))
                     if g["_lr"].notna().any() else float("nan")})
    return pd.DataFrame(rows)


def brier(p: Sequence[float], outcome: Sequence[bool]) -> float:
    """Brier score of probabilities ``p`` for binary outcomes (0 is perfect, a coin 0.25).

    Examples
    --------
    >>> brier([0.9, 0.2], [True, False])
    0.025
    """
    p, o = np.asarray(p, float), np.asarray(outcome, float)
    return float(np.mean((p - o) ** 2)) if len(p) else float("nan")


def reliability_table(p: Sequence[float], outcome: Sequence[bool],
                      bins: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)) -> pd.DataFrame:
    """Forecast probability against observed frequency, by probability bin.

    ``n`` cases fall in the bin, ``met`` of them with the outcome true; ``mean_p`` is
    their mean probability and ``observed`` the share ``met ÷ n``.

    Examples
    --------
    >>> t = reliability_table([0.1, 0.15, 0.9], [False, True, True])
    >>> t["n"].tolist(), t["met"].tolist()
    ([2, 0, 0, 0, 1], [1, 0, 0, 0, 1])
    """
    p, o = np.asarray(p, float), np.asarray(outcome, float)
    idx = np.clip(np.digitize(p, bins[1:-1], right=False), 0, len(bins) - 2)
    rows = []
    for b in range(len(bins) - 1):
        m = idx == b
        rows.append({"bin": f"{bins[b]:.1f}–{bins[b + 1]:.1f}", "n": int(m.sum()),
                     "met": int(o[m].sum()),
                     "mean_p": float(p[m].mean()) if m.any() else float("nan"),
                     "observed": float(o[m].mean()) if m.any() else float("nan")})
    return pd.DataFrame(rows)


SNAPSHOT_COLUMNS = [
    "unique_id", "geo_name", "geo_level", "boundaries", "geo_code", "indicator", "year",
    "as_of", "month", "method", "method_requested", "forecast", "lo80", "hi80", "lo95", "hi95",
    "actual", "inside80", "inside95", "last_value", "prev_year_end", "upper_bound", "plan",
    "plan_source", "p_meet_plan", "p_meet_plan_model", "past_moves", "past_moves_as_large",
    "met", "flags",
]


def snapshot_backtest(obs: pd.DataFrame | None = None, indicators: Sequence[str] | None = None,
                      methods: Sequence[str] = ("auto", "run_rate")) -> pd.DataFrame:
    """Every within-year snapshot with a known 31 December outcome, forecast by the API.

    A *snapshot* is a (place, indicator, year, as-of) where the place has a figure
    dated on the as-of day inside the year and the data hold that year's 31 December
    figure — with or without the previous year-end, one figure or many. Each is
    forecast by :func:`~bhxh_analysis.forecast.forecast_many` on its as-of date (the
    API cuts the data there: nothing later is seen), so bounds, short series, plans
    (published, or implied by figures known then) and ``p_meet_plan`` are exactly what
    a user got that day. ``run_rate`` rows exist only where it is defined.

    Parameters
    ----------
    obs : DataFrame, optional
        Observations (``None`` loads the processed ones).
    indicators : sequence of str, optional
        Forecastable indicators (default: all).
    methods : sequence of str
        API methods to run (``auto`` and ``run_rate`` give the error ratio).

    Returns
    -------
    DataFrame
        Columns :data:`SNAPSHOT_COLUMNS`; ``met`` is NaN without a plan.

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> from bhxh_analysis.forecast.evaluate import snapshot_backtest
    >>> sb = snapshot_backtest(fc.example_observations(), indicators=["bhyt_participants"],
    ...                        methods=["auto"])
    >>> bool(len(sb) > 3 and (sb["as_of"] < sb["year"].astype(str) + "-12-31").all())
    True
    """
    from ._prep import FORECASTABLE, prepare
    from .api import _load, forecast_many

    obs = _load(obs)
    inds = list(indicators) if indicators is not None else list(FORECASTABLE)
    prep = prepare(obs, inds, with_plans=False)
    p = prep.points
    ye = prep.year_ends[["sid", "year", "ye"]].rename(columns={"ye": "actual"})
    snap = p.loc[~p["is_ye"] & (p["t"] > 0) & (p["t"] < 12), ["sid", "as_of", "year"]]
    snap = snap.merge(ye, on=["sid", "year"])
    snap = snap.assign(unique_id=[
        "/".join(map(str, prep.series.loc[s, ["boundaries", "geo_level", "geo_code",
                                              "indicator"]])) for s in snap["sid"]])
    rows = []
    for (year, d), g in snap.groupby(["year", "as_of"], sort=True):
        wanted = sorted(set(prep.series.loc[g["sid"], "indicator"]))
        for m in methods:
            f = forecast_many(obs, indicator=wanted, year=int(year), as_of=d, method=m)
            f = f[(f["last_as_of"] == d) & ~f["flags"].str.contains("run_rate_undefined")]
            f = f.merge(g[["unique_id", "actual"]], on="unique_id")
            rows.append(f.assign(method_requested=m))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in SNAPSHOT_COLUMNS})
    out = pd.concat(rows, ignore_index=True)
    y = out["actual"].to_numpy(float)
    out["inside80"] = (out["lo80"] <= y) & (y <= out["hi80"])
    out["inside95"] = (out["lo95"] <= y) & (y <= out["hi95"])
    out["month"] = out["as_of"].dt.month.astype("int64")
    out["prev_year_end"] = out["prev_year_end"].astype(float)
    out["met"] = np.where(out["plan"].notna(), (y >= out["plan"]).astype(float), np.nan)
    return out[SNAPSHOT_COLUMNS].sort_values(["unique_id", "as_of", "method_requested"],
                                             ignore_index=True)


def binomial_ci(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper–Pearson) confidence interval of a proportion ``k / n``, in per cent.

    Examples
    --------
    >>> lo, hi = binomial_ci(19, 19)
    >>> round(lo, 1), hi
    (82.4, 100.0)
    """
    from scipy import stats

    if n == 0:
        return float("nan"), float("nan")
    a = 1.0 - level
    lo = stats.beta.ppf(a / 2, k, n - k + 1) if k > 0 else 0.0
    hi = stats.beta.ppf(1 - a / 2, k + 1, n - k) if k < n else 1.0
    return float(lo * 100.0), float(hi * 100.0)


#: Periods of :func:`coverage_by_month` beyond the single months: label → months.
MONTH_GROUPS: dict[str, tuple[int, ...]] = {
    "1-4": (1, 2, 3, 4), "5-8": (5, 6, 7, 8), "9-12": (9, 10, 11, 12),
    "all": tuple(range(1, 13)),
}

COVERAGE_BY_MONTH_COLUMNS = [
    "period", "cases", "inside80", "coverage80", "coverage80_lo", "coverage80_hi",
    "inside95", "coverage95", "coverage95_lo", "coverage95_hi", "width80_mean",
    "width80_median", "width95_mean", "width95_median", "ratio_cases", "error_ratio",
]


def coverage_by_month(cases: pd.DataFrame) -> pd.DataFrame:
    """Coverage of the 80 % and 95 % intervals by month of the as-of date, with exact intervals.

    The calibration measure of ``docs/forecasting.md``: for each month of the as-of
    date with cases, then January–April, May–August, September–December and all
    months, the number of cases, how many outcomes fell inside each interval (with
    the exact binomial 95 % interval of that share, :func:`binomial_ci`, so that a
    month of 3 cases is not read as evidence), the mean and median relative width
    ``(hi − lo) ÷ forecast``, and the point forecasts' error against the run-rate's
    on the same case (geometric mean of ``|forecast − actual| ÷ |run_rate − actual|``
    over the cases where both errors are non-zero; below 1 beats the run-rate).

    Parameters
    ----------
    cases : DataFrame
        One row per case: ``month`` (1–12), ``actual``, ``forecast``, ``lo80``,
        ``hi80``, ``lo95``, ``hi95`` and optionally ``run_rate`` (the run-rate's
        forecast of the same case, NaN where it is undefined).

    Returns
    -------
    DataFrame
        Columns :data:`COVERAGE_BY_MONTH_COLUMNS`; ``period`` is the month (``"1"`` …
        ``"12"``) or a key of :data:`MONTH_GROUPS`; coverages in per cent.

    Examples
    --------
    >>> cases = pd.DataFrame({"month": [3, 3, 10], "actual": [100.0, 120.0, 100.0],
    ...                       "forecast": [100.0, 100.0, 98.0], "lo80": [90.0] * 3,
    ...                       "hi80": [110.0] * 3, "lo95": [80.0] * 3, "hi95": [125.0] * 3,
    ...                       "run_rate": [90.0, 90.0, 90.0]})
    >>> t = coverage_by_month(cases).set_index("period")
    >>> t.loc[["3", "9-12", "all"], ["cases", "inside80", "inside95"]].to_numpy().tolist()
    [[2, 1, 2], [1, 1, 1], [3, 2, 3]]
    >>> round(float(t.loc["all", "coverage80_lo"]), 1), float(t.loc["3", "width80_mean"])
    (9.4, 0.2)
    """
    y = cases["actual"].to_numpy(float)
    f = cases["forecast"].to_numpy(float)
    month = cases["month"].to_numpy(int)
    inside = {lev: (cases[f"lo{lev}"].to_numpy(float) <= y) & (y <= cases[f"hi{lev}"].to_numpy(float))
              for lev in (80, 95)}
    width = {lev: (cases[f"hi{lev}"].to_numpy(float) - cases[f"lo{lev}"].to_numpy(float)) / f
             for lev in (80, 95)}
    rr = cases["run_rate"].to_numpy(float) if "run_rate" in cases else np.full(len(y), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log(np.abs(f - y) / np.abs(rr - y))
    periods = [(str(m), (m,)) for m in sorted(set(month.tolist()))] + list(MONTH_GROUPS.items())
    rows = []
    for label, months in periods:
        m = np.isin(month, months)
        n = int(m.sum())
        row: dict[str, object] = {"period": label, "cases": n}
        for lev in (80, 95):
            k = int(inside[lev][m].sum())
            lo, hi = binomial_ci(k, n)
            row.update({f"inside{lev}": k,
                        f"coverage{lev}": 100.0 * k / n if n else float("nan"),
                        f"coverage{lev}_lo": lo, f"coverage{lev}_hi": hi})
        for lev in (80, 95):
            w = width[lev][m]
            row[f"width{lev}_mean"] = float(np.mean(w)) if n else float("nan")
            row[f"width{lev}_median"] = float(np.median(w)) if n else float("nan")
        lr = log_ratio[m]
        lr = lr[np.isfinite(lr)]
        row["ratio_cases"] = int(len(lr))
        row["error_ratio"] = float(np.exp(lr.mean())) if len(lr) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows, columns=COVERAGE_BY_MONTH_COLUMNS)
