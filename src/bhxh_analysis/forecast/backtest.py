r"""Rolling-origin backtest of the year-end forecasts, and its summary.

A *case* is every (place, indicator, year, as-of) the data allow: a point dated
inside year :math:`y` (not 31 December) for a series that also has the year-end of
:math:`y` (the outcome) and of :math:`y-1` (needed by the run-rate baseline). Each
method forecasts each case from what was known on its as-of date only: the
case's own point, earlier points, and training pairs of years before :math:`y`
(whose year-ends are dated before the as-of). Nothing dated after the as-of enters.

Scores per case and method: error and absolute percentage error (APE), the error
scaled by the run-rate's error on the same case, whether the outcome fell inside the
80 % and 95 % intervals, and the Winkler interval score

.. math::

    W_\alpha = (u - l) + \tfrac{2}{\alpha}(l - y)\,\mathbb 1[y < l]
                       + \tfrac{2}{\alpha}(y - u)\,\mathbb 1[y > u],
    \qquad \alpha = 1 - \text{level}/100,

also divided by the outcome (``winkler80_rel``) so that places of different sizes
can be averaged. ``method="auto"`` picks, for each case, the method with the lowest
mean APE over the cases of earlier years (same indicator when there are at least
three, otherwise all indicators; ``seasonal_profile`` when fewer than three cases
exist): a leakage-free choice, reported in ``method_used``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..schema import enforce_dtypes
from ._prep import (
    COVERAGE,
    KEY,
    MIN_POOL_PAIRS,
    PARTICIPANTS,
    Prepared,
    attach_year_info,
    borrow,
    derived_rows,
    own_sids,
    prepare,
    reference_observations,
    slim,
)
from .bounds import BOUND_COLUMNS, bounds_at, censor
from .calibration import calibration_factors, stand_ins
from .methods import POOLED, SPARSE_METHODS, predict_pooled, predict_sparse

DEFAULT_METHODS: tuple[str, ...] = ("run_rate", "last_value", "seasonal_profile", "auto")
AUTO_DEFAULT = "seasonal_profile"
AUTO_MIN_CASES = 3
#: How much lower (relative) another method's MAPE must be to replace the default.
AUTO_MARGIN = 0.2
#: ``method="auto"`` ranks methods (and calibrates intervals) on this many series per indicator.
AUTO_MAX_SERIES = 150

BACKTEST_COLUMNS = [
    "boundaries", "geo_level", "geo_code", "geo_name", "indicator", "year", "as_of",
    "months_elapsed", "last_value", "prev_year_end", "actual", "method", "method_used",
    "forecast", "lo80", "hi80", "lo95", "hi95", "error", "ape", "scaled_error",
    "inside80", "inside95", "winkler80", "winkler95", "winkler80_rel", "winkler95_rel",
]


def all_cases(prep: Prepared) -> pd.DataFrame:
    """Every within-year figure whose 31 December outcome is known (with or without the
    previous year-end): the cases of :data:`~bhxh_analysis.forecast.methods.POOLED`."""
    if prep._all is not None:
        return prep._all
    p = prep.points
    c = p.loc[~p["is_ye"] & (p["t"] > 0) & (p["t"] < 12), ["sid", "as_of", "year", "t", "value"]]
    c = attach_year_info(c.rename(columns={"value": "v"}), prep)
    c = c[c["actual"].notna()].reset_index(drop=True)
    c["ind_id"] = prep.series["ind_id"].to_numpy()[c["sid"].to_numpy()]
    prep._all = c
    return c


def cases(prep: Prepared) -> pd.DataFrame:
    """Every backtest case of a prepared table (see module docstring), computed once."""
    if prep._cases is not None:
        return prep._cases
    c = all_cases(prep)
    c = c[c["prev_ye"].notna()].reset_index(drop=True)
    prep._cases = c
    return c


def run_methods(prep: Prepared, targets: pd.DataFrame, methods: Sequence[str],
                levels: Sequence[int] = (80, 95), pairs: pd.DataFrame | None = None,
                past: pd.DataFrame | None = None) -> pd.DataFrame:
    """Forecast ``targets`` (one year at a time) with each sparse method.

    Training pairs for targets of year :math:`y` are those of years :math:`< y`. With
    ``past`` (uncalibrated out-of-sample results, see :func:`raw_cases`), the scale of
    each method is multiplied by the factors of
    :func:`~bhxh_analysis.forecast.calibration.calibration_factors`, learned from that
    method's cases of years :math:`< y` only. Returns a long frame: the target columns plus
    ``method``, ``calib80``, ``calib95`` and the forecast columns.
    """
    if pairs is None:
        pairs = prep.pairs()
    n_sid, n_ind = len(prep.series), int(prep.series["ind_id"].max()) + 1 if len(prep.series) else 1
    out = []
    for year, tg in targets.groupby("year", sort=True):
        train = pairs[pairs["year"] < year]
        for m in methods:
            calib = calibration_factors(past, m, year, tg["t"].to_numpy(),
                                        tg["ind_id"].to_numpy(), stand_ins(prep))
            if m == POOLED:
                res = predict_pooled(tg, train, n_sid, n_ind, levels, calib=calib)
            else:
                res = predict_sparse(m, tg, train, n_sid, n_ind, levels, calib=calib)
            out.append(pd.concat([tg, res], axis=1).assign(method=m, calib80=calib[80],
                                                           calib95=calib[95]))
    if not out:
        return targets.iloc[0:0].assign(method=pd.Series(dtype=str))
    return pd.concat(out, ignore_index=True)


def raw_cases(prep: Prepared, year: int | None = None, methods: Sequence[str] = SPARSE_METHODS,
              max_series: int | None = None) -> pd.DataFrame:
    """Uncalibrated out-of-sample results of every case (of years before ``year``).

    Columns of :func:`run_methods` plus ``indicator``, ``z`` (standardised log error)
    and ``ape``; the input of
    :func:`~bhxh_analysis.forecast.calibration.calibration_factor` and of the ``auto`` choice.
    Each method is run on every within-year figure with a known outcome that it can
    forecast (:func:`all_cases`): the seasonal profile and the last value need no
    previous year-end, so their calibration also rests on the figures of a year
    whose previous year-end is missing (national BHTN, compulsory BHXH and BHYT in
    2019: the 2018 year-ends are not in the data). Restricting them to the run-rate's
    cases left those indicators without cases of their own and let another
    indicator's errors (voluntary BHXH's 2019 doubling) set their factor. The
    run-rate keeps its own cases (:func:`cases`); rows with a previous year-end are
    the cases every method shares (``prev_ye`` not NaN), on which :func:`choose_auto`
    ranks the methods. Figures of the data's first year with training pairs are left
    out unless they have a previous year-end: with no earlier year to learn from, they
    are forecast by the prior alone and their errors measure the prior, not the method.
    """
    if prep._raw is None:
        prep._raw = {}
    for (y, ms, mx), hit in prep._raw.items():  # computed already (auto, then plans)
        if y == year and mx == max_series and set(methods) <= set(ms):
            return hit[hit["method"].isin(list(methods))]
    parts = []
    for pooled, ms in ((False, [m for m in methods if m != POOLED]),
                       (True, [m for m in methods if m == POOLED])):
        if not ms:
            continue
        c = all_cases(prep)
        if not pooled:  # a figure of the data's first year is forecast by the prior alone
            c = c[c["prev_ye"].notna() | (c["year"] > prep.pairs()["year"].min())]
        if year is not None:
            c = c[c["year"] < year]
        res = run_methods(prep, subset_series(c, max_series), ms)
        if not pooled:  # the run-rate is undefined without the previous year-end
            res = res[(res["method"] != "run_rate") | res["prev_ye"].notna()]
        parts.append(res)
    res = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    if len(res) == 0:
        return res.assign(indicator=pd.Series(dtype=str), z=pd.Series(dtype=float),
                          ape=pd.Series(dtype=float), loc=pd.Series(dtype=float),
                          scale=pd.Series(dtype=float), df=pd.Series(dtype=float))
    y = res["actual"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        res["z"] = (np.log(y) - res["loc"].to_numpy()) / res["scale"].to_numpy()
    res["ape"] = np.abs(res["forecast"].to_numpy() - y) / y * 100.0
    res["indicator"] = prep.series["indicator"].to_numpy()[res["sid"].to_numpy()]
    prep._raw[(year, tuple(methods), max_series)] = res
    return res


def subset_series(c: pd.DataFrame, max_series: int | None) -> pd.DataFrame:
    """Cases of at most ``max_series`` series per indicator (evenly spaced, deterministic)."""
    if max_series is None or not len(c):
        return c
    ids = c[["ind_id", "sid"]].drop_duplicates()
    rank = ids.groupby("ind_id").cumcount()
    size = ids.groupby("ind_id")["sid"].transform("size")
    step = np.maximum(size // max_series, 1)
    keep = ids.loc[(rank % step == 0) & (rank // step < max_series), "sid"]
    return c[c["sid"].isin(keep)]


def _score(df: pd.DataFrame, levels: Sequence[int]) -> pd.DataFrame:
    y = df["actual"].to_numpy(dtype=float)
    f = df["forecast"].to_numpy(dtype=float)
    df = df.assign(error=f - y, ape=np.abs(f - y) / y * 100.0)
    for lev in levels:
        lo, hi = df[f"lo{lev}"].to_numpy(), df[f"hi{lev}"].to_numpy()
        a = 1.0 - lev / 100.0
        w = (hi - lo) + 2.0 / a * np.clip(lo - y, 0, None) + 2.0 / a * np.clip(y - hi, 0, None)
        df[f"inside{lev}"] = (lo <= y) & (y <= hi)
        df[f"winkler{lev}"] = w
        df[f"winkler{lev}_rel"] = w / y
    return df


def _pick(sums: pd.DataFrame) -> str | None:
    """Method with the lowest mean APE when every method has enough cases, else None.

    The default (the seasonal profile, built for this field's December surge) gives way
    only to a method at least :data:`AUTO_MARGIN` better: on a handful of earlier cases
    a few tenths of a percent of MAPE are noise, and a choice that flips with each new
    year of data is worse than the default (seen on the national series: 3.2 % against
    3.6 % chose the last value, which misses every year-end surge).
    """
    if len(sums) < len(SPARSE_METHODS) or sums["count"].min() < AUTO_MIN_CASES:
        return None
    mape = (sums["sum"] / sums["count"]).sort_index()
    best = str(mape.idxmin())
    if (best != AUTO_DEFAULT and AUTO_DEFAULT in mape.index
            and mape[best] > (1.0 - AUTO_MARGIN) * mape[AUTO_DEFAULT]):
        return AUTO_DEFAULT
    return best


def choose_auto(scored: pd.DataFrame, year: int, indicator: str) -> tuple[str, str]:
    """Pick a method from the scores of backtest cases of years before ``year``.

    Parameters
    ----------
    scored : DataFrame
        Backtest rows of the sparse methods (columns ``year, indicator, method, ape``).
    year : int
        Target year; only cases with ``year < year`` are used (their outcomes are
        dated before any as-of inside ``year``).
    indicator : str

    Returns
    -------
    method, note : str
        The method and a sentence saying why.
    """
    past = scored[(scored["year"] < year) & scored["method"].isin(SPARSE_METHODS)]
    if "prev_ye" in past:  # the cases every method can forecast
        past = past[past["prev_ye"].notna()]
    for label, pool in (("same indicator", past[past["indicator"] == indicator]),
                        ("all indicators", past)):
        sums = pool.groupby("method")["ape"].agg(["sum", "count"])
        best = _pick(sums)
        if best is not None:
            mape = (sums["sum"] / sums["count"]).sort_index()
            detail = ", ".join(f"{m} {v:.1f}%" for m, v in mape.items())
            kept = ("; the default unless another is "
                    f"{AUTO_MARGIN:.0%} better" if best != mape.idxmin() else "")
            return best, (f"auto: {best} (backtest MAPE on {int(sums['count'].min())} earlier "
                          f"cases, {label}: {detail}{kept})")
    return AUTO_DEFAULT, (f"auto: {AUTO_DEFAULT} (fewer than {AUTO_MIN_CASES} earlier backtest "
                          "cases per method; default)")


def backtest(obs: pd.DataFrame | Prepared, methods: Sequence[str] = DEFAULT_METHODS,
             indicators: Sequence[str] | None = PARTICIPANTS,
             levels: Sequence[int] = (80, 95), max_series: int | None = None) -> pd.DataFrame:
    """Rolling-origin backtest over every case the data allow.

    Parameters
    ----------
    obs : DataFrame or Prepared
        Observations table (or its prepared form).
    methods : sequence of str
        Among ``run_rate``, ``last_value``, ``seasonal_profile``, ``auto`` and
        ``pooled_move`` (every within-year figure with a known outcome — the previous
        year-end not needed — forecast as if its place had no history of its own: the
        forecast of a one-figure place, :func:`~bhxh_analysis.forecast.methods.predict_pooled`).
    indicators : sequence of str, optional
        Indicators to evaluate (default: the participants indicators; ``None`` = all
        forecastable indicators, participants and coverage rates learned separately).
    levels : sequence of int
        Interval levels; the output keeps the 80 and 95 columns.
    max_series : int, optional
        Score the cases of at most this many series per indicator (an evenly spaced,
        deterministic subset); training still pools every series. Used by
        ``method="auto"`` on large panels, where a subset ranks methods just as well.

    Returns
    -------
    DataFrame
        One row per (case, method), columns :data:`BACKTEST_COLUMNS`, sorted; the
        package dtypes (``as_of`` ``datetime64[ns]``, text ``str``).

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> bt = fc.backtest(fc.example_observations(), methods=["run_rate", "seasonal_profile"])
    >>> sorted(bt["method"].unique())
    ['run_rate', 'seasonal_profile']
    >>> bool((bt["as_of"] < bt["year"].astype(str) + "-12-31").all())
    True
    """
    bad = [m for m in methods if m not in (*SPARSE_METHODS, POOLED, "auto")]
    if bad:
        raise ValueError(f"backtest: unknown method(s) {bad}")
    if indicators is None and not isinstance(obs, Prepared):
        parts = [backtest(obs, methods, fam, levels, max_series) for fam in (PARTICIPANTS, COVERAGE)]
        out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(
            len(p) for p in parts) else parts[0]
        return out.sort_values([*KEY, "indicator", "as_of", "method"], ignore_index=True)
    prep = obs if isinstance(obs, Prepared) else prepare(obs, indicators, with_plans=False)
    levels = tuple(sorted(set(levels) | {80, 95}))
    c = subset_series(cases(prep), max_series)
    base = sorted(set(SPARSE_METHODS) if "auto" in methods else set(methods) - {POOLED})
    # Two passes: uncalibrated out-of-sample errors, then each year's intervals
    # recalibrated on the errors of earlier years only (what a forecast made then knew).
    parts = []
    if base:
        parts.append(run_methods(prep, c, base, levels, past=raw_cases(prep, None, base,
                                                                        max_series)))
    if POOLED in methods:  # every case as if the place had no history of its own
        parts.append(run_methods(prep, subset_series(all_cases(prep), max_series), [POOLED],
                                 levels, past=raw_cases(prep, None, [POOLED], max_series)))
    parts = [p for p in parts if len(p)]
    res = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if len(res) == 0:
        return enforce_dtypes(pd.DataFrame(columns=BACKTEST_COLUMNS))
    bounder = CaseBounds(None if isinstance(obs, Prepared) else slim(obs, list(indicators)),
                         tuple(indicators or ()))
    res = _scored(res, prep, levels, bounder)
    choice = _auto_choice(res) if "auto" in methods else None
    if not isinstance(obs, Prepared):
        res, choice = _borrowed_cases(obs, prep, res, choice, indicators, base, levels, bounder)
    rr = res.loc[res["method"] == "run_rate", [*KEY, "indicator", "as_of", "error"]]
    res = res.merge(rr.rename(columns={"error": "_rr"}), on=[*KEY, "indicator", "as_of"],
                    how="left")
    with np.errstate(divide="ignore", invalid="ignore"):
        res["scaled_error"] = np.abs(res["error"]) / np.abs(res["_rr"])
    if choice is not None:
        auto = res.drop(columns="method_used").merge(
            choice, left_on=["indicator", "as_of", "method"],
            right_on=["indicator", "as_of", "method_used"])
        res = pd.concat([res, auto.assign(method="auto")], ignore_index=True)
    res = res[res["method"].isin(list(methods))]
    res["as_of"] = pd.to_datetime(res["as_of"]).dt.normalize()
    res = res.sort_values([*KEY, "indicator", "as_of", "method"], ignore_index=True)
    return enforce_dtypes(res[BACKTEST_COLUMNS])


class CaseBounds:
    """The API's bounds for backtest cases: :func:`~bhxh_analysis.forecast.bounds.bounds_at`
    per (year, as-of date), censored with :func:`~bhxh_analysis.forecast.bounds.censor`.

    Built once per backtest from the observations: the published denominators and the
    derived ones (``metrics.derive``, used only when dated on or before each case's
    as-of date — the same figures a forecast made on that date sees).
    """

    def __init__(self, obs: pd.DataFrame | None, fam: Sequence[str]) -> None:
        from ..schema import DENOMINATOR

        if obs is None:
            self.obs, self.derived = slim(pd.DataFrame(columns=[*KEY, "geo_name", "as_of",
                                                                "indicator", "value"])), None
            return
        names = sorted(set(DENOMINATOR.values()))
        self.obs = obs[obs["indicator"].isin(names)]
        self.derived = derived_rows(obs, list(fam))

    def __call__(self, res: pd.DataFrame) -> pd.DataFrame:
        """Bounds (:data:`~bhxh_analysis.forecast.bounds.BOUND_COLUMNS`) aligned with ``res``."""
        res = res.reset_index(drop=True)
        parts = []
        for (y, d), g in res.groupby(["year", "as_of"], sort=False):
            parts.append(bounds_at(self.obs, self.derived, g[[*KEY, "indicator"]], int(y),
                                   pd.Timestamp(d)))
        if not parts:
            return pd.DataFrame({c: pd.Series(dtype=float) for c in BOUND_COLUMNS})
        return pd.concat(parts).reindex(res.index)


def _scored(res: pd.DataFrame, prep: Prepared, levels: Sequence[int],
            bounder: CaseBounds | None = None) -> pd.DataFrame:
    """Name the series of :func:`run_methods` rows, bound them as the API does, score them."""
    s = prep.series
    res = res.assign(**{col: s[col].to_numpy()[res["sid"].to_numpy()]
                        for col in [*KEY, "geo_name", "indicator"]}).reset_index(drop=True)
    # Counts within [0, denominator], rates within [0, 100]: the API's lookup and
    # censoring (forecast.bounds), never a copy of them.
    bounder = bounder if bounder is not None else CaseBounds(None, ())
    ends = ["forecast", *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]
    res, upper, hit = censor(res, bounder(res), ends)
    res["upper_bound"], res["bounded"] = upper, hit
    res = res.rename(columns={"t": "months_elapsed", "v": "last_value",
                              "prev_ye": "prev_year_end"})
    res["method_used"] = res["method"]
    return _score(res, levels)


def _borrowed_cases(obs: pd.DataFrame, prep: Prepared, res: pd.DataFrame,
                    choice: pd.DataFrame | None, indicators: Sequence[str],
                    base: Sequence[str], levels: Sequence[int], bounder: CaseBounds | None = None
                    ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Redo the cases on which the forecast API learns from the embedded data too.

    A forecast made on a case's as-of date from a thin table (fewer than
    ``MIN_POOL_PAIRS`` training pairs known then) learns together with the embedded
    observations cut at that date (:func:`~bhxh_analysis.forecast._prep.borrow`); its
    ``auto`` choice and interval calibration then rank the cases of the pooled series
    (at most :data:`AUTO_MAX_SERIES` per indicator). Those cases are forecast here
    exactly so, date by date, and only the user's own series are scored. The other
    cases (and the ``auto`` choice of later years, which saw the user's series only)
    are unchanged.
    """
    pairs = prep.pairs()
    ours = res[res["method"].isin(list(base))]  # pooled_move cases are not redone
    years = np.sort(ours["year"].unique())
    known = np.searchsorted(np.sort(pairs["year"].to_numpy()), years, side="left")
    thin = years[known < MIN_POOL_PAIRS]
    if not len(thin):
        return res, choice
    fam = tuple(indicators)
    ref = reference_observations(obs)
    if ref is None:
        return res, choice
    obs_all = slim(obs, list(fam))
    dates = np.sort(ours.loc[ours["year"].isin(thin), "as_of"].unique())
    keycols = [*KEY, "indicator", "as_of"]
    redone, chosen = [], []
    for d in pd.to_datetime(dates):
        cut = obs_all[obs_all["as_of"] <= d]
        p_d, borrowed = borrow(prepare(cut, fam, with_plans=False), cut, fam, d, ref)
        if not borrowed:
            continue
        mine = ours.loc[ours["as_of"] == d, keycols + ["actual"]].drop_duplicates(keycols)
        ser = p_d.series.reset_index()
        ser = ser[ser["sid"].isin(own_sids(p_d, cut))]
        pts = p_d.points
        tg = pts.loc[(pts["as_of"] == d) & pts["sid"].isin(ser["sid"]),
                     ["sid", "as_of", "year", "t", "value"]].rename(columns={"value": "v"})
        tg = attach_year_info(tg, p_d).drop(columns="actual")
        tg = tg.merge(ser[["sid", *KEY, "indicator"]], on="sid").merge(
            mine, on=keycols).drop(columns=[*KEY, "indicator"])
        tg["ind_id"] = p_d.series["ind_id"].to_numpy()[tg["sid"].to_numpy()]
        past = raw_cases(p_d, int(d.year), list(base), AUTO_MAX_SERIES)
        redone.append(_scored(run_methods(p_d, tg, base, levels, past=past), p_d, levels,
                              bounder))
        if choice is not None:
            for ind in sorted(set(p_d.series["indicator"].to_numpy()[tg["sid"].to_numpy()])):
                chosen.append((d, ind, choose_auto(past, int(d.year), ind)[0]))
    if not redone:
        return res, choice
    new = pd.concat(redone, ignore_index=True)
    gone = res[keycols].merge(new[keycols].drop_duplicates(), on=keycols, how="left",
                              indicator=True)["_merge"].eq("both").to_numpy()
    gone = gone & res["method"].isin(list(base)).to_numpy()  # pooled cases are not redone
    res = pd.concat([res[~gone], new], ignore_index=True)
    if choice is not None:
        ch = pd.DataFrame(chosen, columns=["as_of", "indicator", "method_used"])
        done = choice.merge(ch[["as_of", "indicator"]], on=["as_of", "indicator"], how="left",
                            indicator=True)["_merge"].eq("both").to_numpy()
        choice = pd.concat([choice[~done], ch], ignore_index=True)
    return res, choice


def _auto_choice(res: pd.DataFrame) -> pd.DataFrame:
    """``indicator, as_of, method_used``: per case, the method :func:`choose_auto` picks.

    Same rule as :func:`choose_auto` (cases of earlier years), computed from
    per-(indicator, year, method) sums so that large panels stay fast.
    """
    agg = (res[res["method"].isin(SPARSE_METHODS)]
           .groupby(["indicator", "year", "method"])["ape"].agg(["sum", "count"]).reset_index())
    choice = []
    for year in sorted(res["year"].unique()):
        past = agg[agg["year"] < year]
        pooled = _pick(past.groupby("method")[["sum", "count"]].sum())
        per_ind = past.groupby(["indicator", "method"])[["sum", "count"]].sum()
        for ind in sorted(res.loc[res["year"] == year, "indicator"].unique()):
            own = _pick(per_ind.loc[ind]) if ind in per_ind.index.get_level_values(0) else None
            choice.append((year, ind, own or pooled or AUTO_DEFAULT))
    ch = pd.DataFrame(choice, columns=["year", "indicator", "method_used"])
    cases_ = res[["indicator", "as_of", "year"]].drop_duplicates()
    return cases_.merge(ch, on=["year", "indicator"])[["as_of", "indicator", "method_used"]]


def summary(bt: pd.DataFrame, by: Sequence[str] = ()) -> pd.DataFrame:
    """Per method (and ``by`` columns): accuracy, skill against run-rate, coverage.

    Parameters
    ----------
    bt : DataFrame
        Output of :func:`backtest`.
    by : sequence of str
        Extra grouping columns, e.g. ``("indicator",)``.

    Returns
    -------
    DataFrame
        ``n_cases``, ``mape``, ``median_ape``, ``skill_ape`` (1 − MAPE ÷ run-rate MAPE on
        the same cases), ``skill_mae`` (1 − MAE ÷ run-rate MAE, persons; dominated by the
        largest series), ``coverage80``, ``coverage95``, ``winkler80_rel``,
        ``winkler95_rel``, ``median_scaled_error``.

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> s = fc.summary(fc.backtest(fc.example_observations()))
    >>> float(s.set_index("method").loc["run_rate", "skill_ape"])
    0.0
    """
    keys = [*by, "method"]
    bt = bt.assign(abs_error=bt["error"].abs())
    rr = bt.loc[bt["method"] == "run_rate", [*KEY, "indicator", "as_of", "ape", "abs_error"]]
    m = bt.merge(rr.rename(columns={"ape": "rr_ape", "abs_error": "rr_abs"}),
                 on=[*KEY, "indicator", "as_of"], how="left")
    g = m.groupby(keys, sort=True)
    out = pd.DataFrame({
        "n_cases": g.size(),
        "mape": g["ape"].mean(),
        "median_ape": g["ape"].median(),
        "skill_ape": 1.0 - g["ape"].sum() / g["rr_ape"].sum(),
        "skill_mae": 1.0 - g["abs_error"].sum() / g["rr_abs"].sum(),
        "coverage80": g["inside80"].mean() * 100.0,
        "coverage95": g["inside95"].mean() * 100.0,
        "winkler80_rel": g["winkler80_rel"].mean(),
        "winkler95_rel": g["winkler95_rel"].mean(),
        "median_scaled_error": g["scaled_error"].median(),
    })
    return out.reset_index()
