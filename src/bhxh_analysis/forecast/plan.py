r"""P(meet plan): the seasonal forecast against a plan-aware model, scored by backtest.

In this field the last months of a year are driven by the plan (campaigns push to
reach it), so the year-end may land closer to the plan than the seasonal pattern
alone says. The *plan-aware* model moves the seasonal forecast part of the way
towards the plan, by a share :math:`\lambda` learned across places and earlier years:

.. math::

    \log \hat Y_{pa} = \ell + \lambda\,d, \qquad d = \log P - \ell,

where :math:`\ell` is the seasonal forecast's log location and :math:`P` the plan.
With :math:`e = \log Y - \ell` the seasonal error of earlier cases that had a plan,
plus an intercept :math:`\alpha` (plans set systematically above what is reached),
both from a weighted ridge regression of :math:`e` on :math:`d` (:func:`fit_plan_share`;
:data:`K_LAMBDA` pseudo-cases pull them towards 0, i.e. the seasonal model), and the
spread is the root mean square of :math:`(e - \alpha - \lambda d)/s` (``s`` the seasonal
scale), shrunk towards 1 with the same pseudo-cases.

The third candidate, *empirical moves* (:func:`moves_prob`), is the printed reason
itself turned into a probability: of the ``n`` past moves from about the same point of
the year (the pool and window of :func:`bhxh_analysis.forecast.result.count_past_moves`), ``k``
were at least as large as the move still needed, and

.. math::

    P = \frac{k + 1/2}{n + 1},

the posterior mean under a Jeffreys Beta(½, ½) prior: never exactly 0 or 1 from a
finite record (0 of 16 gives 0.03, 16 of 16 gives 0.97). Below :data:`MIN_MOVES_PROB`
past moves it is undefined and the next model is used.

:func:`plan_backtest` scores every candidate on every case with a published plan
(Brier score, reliability table); :func:`choose_plan_model` ranks them by the rule of
``docs/forecasting.md`` (lowest Brier; within :data:`TIE_BRIER` the simpler model).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from ._prep import KEY, PARTICIPANTS, PUBLISHED, Prepared, pick_plans, prepare
from .backtest import cases, raw_cases, run_methods
from .evaluate import brier
from .result import count_past_moves, prob_at_least

#: Pseudo-cases pulling the plan share towards 0 and the spread towards the seasonal one.
K_LAMBDA = 3.0
#: Earlier cases with a plan needed before the plan-aware model is used at all.
MIN_PLAN_CASES = 5
#: Past moves needed before the empirical-moves probability is used.
MIN_MOVES_PROB = 5
#: Brier scores closer than this are a tie, won by the simpler model.
TIE_BRIER = 0.002
#: The candidates, simplest first (the order that breaks ties).
PLAN_MODELS = ("empirical_moves", "seasonal", "plan_aware")
#: Point methods whose own distribution is also scored (no seasonal drift).
POINT_METHODS = ("last_value", "run_rate")


def moves_prob(total: np.ndarray, large: np.ndarray) -> np.ndarray:
    """Smoothed share of past moves at least as large as needed: ``(k + ½) / (n + 1)``.

    ``total`` is ``n`` (``past_moves``), ``large`` is ``k`` (``past_moves_as_large``);
    NaN where ``n`` < :data:`MIN_MOVES_PROB` (too few moves: the caller falls back).

    Examples
    --------
    >>> moves_prob(np.array([16.0, 16.0, 3.0]), np.array([16.0, 0.0, 3.0])).round(3).tolist()
    [0.971, 0.029, nan]
    """
    total = np.asarray(total, float)
    large = np.asarray(large, float)
    ok = np.isfinite(total) & np.isfinite(large) & (total >= MIN_MOVES_PROB)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ok, (large + 0.5) / (total + 1.0), np.nan)


def _with_plans(prep: Prepared, df: pd.DataFrame) -> pd.DataFrame:
    """Attach each case's published plan (known from 1 January of its year).

    Conflicting published plans of one year: the most authoritative source's
    (:func:`~bhxh_analysis.forecast._prep.pick_plans`), never their median.
    """
    pub = prep.plans[prep.plans["kind"] == PUBLISHED]
    years = sorted({int(y) for y in pub["year"]})
    pub = pd.concat([pick_plans(pub, y, pd.Timestamp(year=y, month=12, day=31)).assign(year=y)
                     for y in years], ignore_index=True) if years else \
        pd.DataFrame(columns=[*KEY, "indicator", "year", "plan"])
    pub = pub[[*KEY, "indicator", "year", "plan"]].astype({"year": np.int64, "plan": float})
    s = prep.series.reset_index()[["sid", *KEY, "indicator"]]
    m = df.merge(s, on="sid", how="left", suffixes=("", "_s"))
    m = m.merge(pub, on=[*KEY, "indicator", "year"], how="left")
    return m


def fit_plan_share(d: np.ndarray, e: np.ndarray, scale: np.ndarray) -> tuple[float, float, float, int]:
    """Return ``(alpha, lambda, spread_ratio, n)`` from plan gaps ``d`` and seasonal errors ``e``.

    Weighted least squares of ``e = α + λ d`` (weights ``1 / scale²``: late-year cases,
    with small errors, count more), ridge-shrunk towards 0 (the seasonal model) with
    :data:`K_LAMBDA` pseudo-cases; ``λ`` is clipped to [0, 1]. ``α`` captures plans set
    systematically above (or below) what is reached. ``spread_ratio`` is the root mean
    square of ``(e − α − λ d) / scale``, shrunk towards 1 with the same pseudo-cases.

    Examples
    --------
    >>> import numpy as np
    >>> d = np.array([0.1, -0.05, 0.2, 0.08, -0.1, 0.15])
    >>> a, lam, rho, n = fit_plan_share(d, 0.8 * d, np.full(6, 0.05))
    >>> bool(0.4 < lam <= 0.8) and bool(rho < 1) and n
    6
    """
    ok = np.isfinite(d) & np.isfinite(e) & np.isfinite(scale) & (scale > 0)
    d, e, scale = d[ok], e[ok], scale[ok]
    n = len(d)
    if n == 0:
        return 0.0, 0.0, 1.0, 0
    w = 1.0 / scale ** 2
    xtx = np.array([[w.sum(), (w * d).sum()], [(w * d).sum(), (w * d * d).sum()]])
    ridge = K_LAMBDA * np.diag([w.mean(), (w * d * d).mean() + 1e-12])
    alpha, lam = np.linalg.solve(xtx + ridge, np.array([(w * e).sum(), (w * d * e).sum()]))
    lam = float(np.clip(lam, 0.0, 1.0))
    ss = np.sum(((e - alpha - lam * d) / scale) ** 2)
    return float(alpha), lam, float(np.sqrt((ss + K_LAMBDA) / (n + K_LAMBDA))), n


def plan_backtest(obs: pd.DataFrame | Prepared,
                  indicators: Sequence[str] = PARTICIPANTS) -> pd.DataFrame:
    """Score every candidate for P(meet plan) on every case with a published plan.

    Parameters
    ----------
    obs : DataFrame or Prepared
        Observations (or their prepared form, with plans).
    indicators : sequence of str
        One family of indicators (default: participants).

    Returns
    -------
    DataFrame
        One row per case with a published plan: ``indicator, year, as_of,
        months_elapsed, plan, actual, met`` (outcome reached the plan), the
        probabilities ``p_seasonal``, ``p_plan_aware``, ``p_empirical_moves`` (NaN with fewer than
        :data:`MIN_MOVES_PROB` past moves), ``p_last_value``, ``p_run_rate`` (the
        distributions of the two point methods), the reason ``move_needed_pct,
        past_moves, past_moves_as_large``, and ``lambda``, ``n_plan_cases`` (earlier
        cases the plan-aware model was learned from).

    Examples
    --------
    >>> from bhxh_analysis.simulate import simulate_panel
    >>> sim = simulate_panel(n_places=10, years=range(2018, 2023), seed=1)
    >>> pb = plan_backtest(sim)
    >>> {"p_seasonal", "p_plan_aware", "p_empirical_moves", "met"} <= set(pb.columns)
    True
    >>> bool(pb["p_empirical_moves"].dropna().between(0, 1).all())
    True
    """
    cols = ["indicator", "year", "as_of", "months_elapsed", "plan", "actual", "met",
            "p_seasonal", "p_plan_aware", "p_empirical_moves", *[f"p_{m}" for m in POINT_METHODS],
            "move_needed_pct", "past_moves", "past_moves_as_large", "lambda", "n_plan_cases"]
    prep = obs if isinstance(obs, Prepared) else prepare(obs, indicators, with_plans=True)
    c = cases(prep)
    if len(c) == 0:
        return pd.DataFrame(columns=cols)
    methods = ["seasonal_profile", *POINT_METHODS]
    past = raw_cases(prep, None, methods)
    every = _with_plans(prep, run_methods(prep, c, methods, past=past))
    every = every[every["plan"].notna()]
    res = every[every["method"] == "seasonal_profile"].reset_index(drop=True)
    loc, scale, df = (res[k].to_numpy(float) for k in ("loc", "scale", "df"))
    raw_scale = scale / res["calib80"].to_numpy(float)  # the model is learned on raw scales
    plan, y = res["plan"].to_numpy(float), res["actual"].to_numpy(float)
    d, e = np.log(plan) - loc, np.log(y) - loc
    p_pa = np.full(len(res), np.nan)
    lam_col, n_col = np.zeros(len(res)), np.zeros(len(res), dtype=int)
    total, large = np.full(len(res), np.nan), np.full(len(res), np.nan)
    pairs = prep.pairs()
    for year in sorted(res["year"].unique()):
        cur = (res["year"] == year).to_numpy()
        prev = (res["year"] < year).to_numpy()
        fit = fit_plan_share(d[prev], e[prev], raw_scale[prev])
        lam_col[cur], n_col[cur] = fit[1], fit[3]
        p_pa[cur] = plan_aware_prob(plan[cur], loc[cur], raw_scale[cur], df[cur], fit)
        tg = res.loc[cur, ["v", "t", "ind_id"]].assign(observed=False)
        total[cur], large[cur], _, _ = count_past_moves(tg, pairs, plan[cur], int(year))
    key = ["sid", "as_of"]
    point = {}
    for m in POINT_METHODS:
        r = res[key].merge(every[every["method"] == m], on=key, how="left")
        point[f"p_{m}"] = prob_at_least(plan, r["loc"].to_numpy(float),
                                        r["scale"].to_numpy(float), r["df"].to_numpy(float),
                                        np.nan, r["scale_lo"].to_numpy(float),
                                        r["scale_hi"].to_numpy(float))
    out = pd.DataFrame({
        "indicator": res["indicator"].astype(str), "year": res["year"].astype(int),
        "as_of": pd.to_datetime(res["as_of"]), "months_elapsed": res["t"].astype(float),
        "plan": plan, "actual": y, "met": y >= plan,
        "p_seasonal": prob_at_least(plan, loc, scale, df, np.nan, res["scale_lo"].to_numpy(float),
                                    res["scale_hi"].to_numpy(float)),
        "p_plan_aware": p_pa,
        "p_empirical_moves": moves_prob(total, large), **point,
        "move_needed_pct": (plan / res["v"].to_numpy(float) - 1.0) * 100.0,
        "past_moves": total, "past_moves_as_large": large,
        "lambda": lam_col, "n_plan_cases": n_col,
    })
    return out.sort_values(["year", "indicator", "as_of"], ignore_index=True)[cols]


def plan_aware_prob(plan: np.ndarray, loc: np.ndarray, scale: np.ndarray, df: np.ndarray,
                    fit: tuple[float, float, float, int]) -> np.ndarray:
    """P(Y ≥ plan) under the plan-aware model (the seasonal one below :data:`MIN_PLAN_CASES`).

    ``fit`` is :func:`fit_plan_share`'s ``(alpha, lambda, spread_ratio, n)``: location
    ``loc + α + λ (log plan − loc)``, scale ``spread_ratio × scale``, where ``scale``
    is the uncalibrated seasonal scale the model was learned on.
    """
    alpha, lam, spread, n = fit
    if n < MIN_PLAN_CASES:
        return prob_at_least(plan, loc, scale, df)
    d = np.log(plan) - loc
    z = (np.log(plan) - (loc + alpha + lam * d)) / (spread * scale)
    return stats.t.sf(z, df)


def choose_plan_model(pb: pd.DataFrame,
                      models: Sequence[str] = PLAN_MODELS) -> dict[str, float | str | int]:
    """Brier score of each candidate on the cases where every candidate is defined.

    The cases are those where the plan-aware model was learned (``n_plan_cases`` ≥
    :data:`MIN_PLAN_CASES`) and every ``p_<model>`` is a number. The winner has the
    lowest score; candidates within :data:`TIE_BRIER` of it are a tie, won by the
    first in ``models`` (simplest first: :data:`PLAN_MODELS`).

    Returns ``{"n": cases, "brier_<model>": ..., "winner": ..., "ranking": "a>b>c"}``.

    Examples
    --------
    >>> pb = pd.DataFrame({"met": [True, False], "p_seasonal": [0.6, 0.5],
    ...                    "p_plan_aware": [0.9, 0.2], "p_empirical_moves": [0.7, 0.4],
    ...                    "n_plan_cases": [9, 9]})
    >>> choose_plan_model(pb)["winner"]
    'plan_aware'
    """
    models = [m for m in models if f"p_{m}" in pb.columns]
    used = pb["n_plan_cases"] >= MIN_PLAN_CASES if "plan_aware" in models else \
        pd.Series(True, index=pb.index)
    for m in models:
        used &= pb[f"p_{m}"].notna()
    used_pb = pb[used]
    scores = {m: brier(used_pb[f"p_{m}"], used_pb["met"]) for m in models}
    out: dict[str, float | str | int] = {"n": int(len(used_pb))}
    out.update({f"brier_{m}": v for m, v in scores.items()})
    if not len(used_pb):
        out.update(winner="seasonal", ranking="")
        return out
    best = min(scores.values())
    winner = next(m for m in models if scores[m] <= best + TIE_BRIER)
    rest = sorted((m for m in models if m != winner), key=lambda m: scores[m])
    out.update(winner=winner, ranking=">".join([winner, *rest]))
    return out


def plan_model_for(prep: Prepared, plans: pd.DataFrame, year: int,
                   max_series: int | None = None) -> tuple[float, float, float, int] | None:
    """The plan-aware fit from cases of years before ``year`` (``None`` with too few).

    Parameters
    ----------
    prep : Prepared
        The family's prepared observations, cut at the as-of date.
    plans : DataFrame
        :func:`bhxh_analysis.forecast._prep.plans_table` rows (only published plans
        are used: an implied plan's date is the date of the figure that implies it).
    year : int
    max_series : int, optional
        Learn from at most this many series per indicator.
    """
    pub = plans[plans["kind"] == PUBLISHED]
    if len(pub) == 0:
        return None
    prep = Prepared(series=prep.series, points=prep.points, year_ends=prep.year_ends,
                    plans=pub, _pairs=prep._pairs, _cases=prep._cases, _raw=prep._raw)
    raw = raw_cases(prep, year, ["seasonal_profile"], max_series)
    raw = _with_plans(prep, raw.drop(columns=[c for c in (*KEY, "indicator") if c in raw]))
    # Learned on the backtest cases (with the previous year-end); raw_cases also holds
    # the seasonal profile's other cases, which only its calibration uses.
    raw = raw[raw["plan"].notna() & raw["prev_ye"].notna()]
    if len(raw) < MIN_PLAN_CASES:
        return None
    loc, scale = raw["loc"].to_numpy(float), raw["scale"].to_numpy(float)
    d = np.log(raw["plan"].to_numpy(float)) - loc
    e = np.log(raw["actual"].to_numpy(float)) - loc
    fit = fit_plan_share(d, e, scale)
    return fit if fit[3] >= MIN_PLAN_CASES else None
