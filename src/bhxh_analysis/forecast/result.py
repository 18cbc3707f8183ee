"""The forecast result: one row per forecast, its distribution, bounds, plan and reason.

A forecast is a censored split log-Student-t distribution of the 31 December value:
``loc`` (the median), ``scale_lo`` below it and ``scale_hi`` above it (each side's
calibrated scale, the scales of the interval's two ends), ``df``; censored at
``upper_bound``. :func:`prob_at_least` evaluates ``P(Y ≥ x)`` on it, so a plan at
``hi80`` gets 10 % and one at ``lo80`` 90 %. The table columns are
:data:`RESULT_COLUMNS`, long format in the statsforecast manner (``unique_id``, ``ds`` = the 31 December forecast,
interval columns ``lo80, hi80, lo95, hi95``), dates ``datetime64[ns]``, text ``str``.

The chance of meeting the plan comes with its reason as data: ``move_needed_pct`` (how
far, in per cent of the last value, the series must still move by 31 December to
reach the plan), ``past_moves`` (moves of earlier completed years from the same point
of the year, same indicator — or every indicator of the family when the indicator has
too few moves; ``past_moves_pool`` says which, ``past_moves_window`` within how many
months of the same point of the year) and ``past_moves_as_large`` (how many of
them were at least that large). A report can say: "to reach the plan the figure must
still rise 6 % by 31 December; in 4 of 15 earlier years it rose that much from this
point of the year" — and the chance it gives is that share, smoothed:
``(4 + ½) / (15 + 1)`` = 28 % (``p_meet_plan_model = "empirical_moves"``, the model that
scored best in the backtest; see :mod:`bhxh_analysis.forecast.plan`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ._prep import KEY

RESULT_COLUMNS = [
    "unique_id", "ds", "geo_name", "geo_code", "geo_level", "boundaries", "indicator", "year",
    "as_of", "method", "forecast", "lo80", "hi80", "lo95", "hi95", "n_obs", "plan", "plan_lo",
    "plan_hi", "p_meet_plan_lo", "p_meet_plan_hi",
    "plan_source", "plan_basis", "plan_denominator", "p_meet_plan", "p_meet_plan_model", "plan_pull", "move_needed_pct", "past_moves", "past_moves_as_large",
    "past_moves_pool", "past_moves_window", "pace_required", "last_value", "last_as_of", "prev_year_end",
    "upper_bound", "bound_indicator", "bound_year", "bound_kind", "loc", "scale", "scale_lo",
    "scale_hi", "df",
    "flags", "notes",
]
TEXT = ["unique_id", "geo_name", "geo_code", "geo_level", "boundaries", "indicator", "method",
        "plan_source", "p_meet_plan_model", "past_moves_pool", "bound_indicator", "bound_kind", "flags", "notes"]
DATES = ["ds", "as_of", "last_as_of"]
#: Past moves needed in a window (same indicator first, else the family; else a wider window).
MIN_MOVES = 5
#: Months: past moves count when made from within this distance of the target's point of
#: the year; the first window holding :data:`MIN_MOVES` moves is used.
MOVE_WINDOWS = (1.0, 2.0, 3.0, 6.0, 12.0)


def join_text(a: Any, b: Any, sep: str = "; ") -> np.ndarray:
    """Append ``b`` to ``a`` element-wise with ``sep`` (empty parts are skipped)."""
    a = np.asarray(a, dtype=object).astype(str)
    b = np.broadcast_to(np.asarray(b, dtype=object).astype(str), a.shape)
    return np.where(a == "", b, np.where(b == "", a, np.char.add(np.char.add(a, sep), b)))


def add_flags(a: Any, b: Any) -> list[str]:
    """Merge ``;``-separated flags ``b`` into ``a`` element-wise, each flag once.

    Flags are a set: a bound and a plan resting on the same chosen denominator both say
    ``denominator_conflict``, and the row carries it once.

    >>> add_flags(["bounded;denominator_conflict", ""], ["denominator_conflict", "x"])
    ['bounded;denominator_conflict', 'x']
    """
    a = np.asarray(a, dtype=object).astype(str)
    b = np.broadcast_to(np.asarray(b, dtype=object).astype(str), a.shape)
    return [";".join(dict.fromkeys(f for f in (*x.split(";"), *y.split(";")) if f))
            for x, y in zip(a, b, strict=True)]


def intervals(res: pd.DataFrame, levels: Sequence[int], rows: np.ndarray | None = None) -> pd.DataFrame:
    """(Re)compute ``forecast`` and ``lo{L}``/``hi{L}`` from ``loc, scale, df``."""
    res = res.copy()
    rows = np.ones(len(res), dtype=bool) if rows is None else rows
    from .methods import side_scales, t_ppf

    loc = res.loc[rows, "loc"].to_numpy(float)
    scale = res.loc[rows, "scale"].to_numpy(float)
    df = res.loc[rows, "df"].to_numpy(float)
    calib: dict[Any, np.ndarray] = {
        k: (res.loc[rows, f"calib{k}"].to_numpy(float) if f"calib{k}" in res else
            np.ones(len(loc)))
        for k in (80, 95)}
    calib.update({k: res.loc[rows, f"calib{k}"].to_numpy(float)
                  for k in ("lo80", "lo95", "hi80", "hi95") if f"calib{k}" in res})
    for lev in levels:
        q = t_ppf(0.5 + lev / 200.0, df)
        lo, hi = side_scales(scale / calib[80], df, calib, lev)
        res.loc[rows, f"lo{lev}"] = np.exp(loc - q * lo)
        res.loc[rows, f"hi{lev}"] = np.exp(loc + q * hi)
    res.loc[rows, "scale_lo"], res.loc[rows, "scale_hi"] = side_scales(
        scale / calib[80], df, calib, 80)
    return res


def prob_at_least(x: Any, loc: Any, scale: Any, df: Any, upper: Any = np.nan,
                  scale_lo: Any = np.nan, scale_hi: Any = np.nan) -> np.ndarray:
    """``P(Y ≥ x)`` under the censored split log-Student-t forecast distribution.

    Below ``loc`` the distribution of ``log Y`` is the lower half of a Student t with
    scale ``scale_lo``, above it the upper half of one with scale ``scale_hi``, each
    half holding 50 % and the two joined at ``loc`` (the median, the point forecast):
    ``P(Y ≥ x) = sf((log x − loc) / s)``, ``s = scale_hi`` for ``x`` above the median,
    ``scale_lo`` below it. These are the scales of the interval's two ends, so the
    chance agrees with the interval shown beside it (``x = hi80`` gives 0.10, ``x =
    lo80`` 0.90). A side scale that is NaN (not given, or a forecast without side
    calibration) is ``scale``: the symmetric distribution.

    Parameters
    ----------
    x : array-like
        Thresholds (NaN gives NaN).
    loc, scale, df : array-like
        Location and two-sided scale of ``log Y`` and degrees of freedom; ``scale ==
        0`` is a known value ``exp(loc)``.
    upper : array-like
        Upper bound (the denominator); ``P = 0`` above it. NaN = unbounded.
    scale_lo, scale_hi : array-like
        Scales of ``log Y`` below and above ``loc``; NaN = ``scale``.

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    >>> import numpy as np
    >>> float(prob_at_least(100.0, np.log(100.0), 0.1, 30.0)[()])
    0.5
    >>> float(prob_at_least(120.0, np.log(100.0), 0.1, 30.0, upper=110.0)[()])
    0.0
    >>> hi80 = 100.0 * np.exp(0.2 * 1.31)               # upper side's scale 0.2, t(30) 90th pct
    >>> round(float(prob_at_least(hi80, np.log(100.0), 0.1, 30.0, scale_lo=0.05,
    ...                           scale_hi=0.2)[()]), 3)
    0.1
    """
    x, loc, scale, df, upper, s_lo, s_hi = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (x, loc, scale, df, upper, scale_lo, scale_hi)))
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.log(x) - loc
        side = np.where(d >= 0, s_hi, s_lo)
        side = np.where(np.isfinite(side) & (scale > 0), side, scale)
        z = d / np.where(side > 0, side, 1.0)
        p = np.where(scale > 0, stats.t.sf(z, np.where(np.isfinite(df), df, 1e6)),
                     (np.exp(loc) >= x * (1 - 1e-12)).astype(float))
    p = np.where(np.isfinite(upper) & (x > upper), 0.0, p)
    return np.where(np.isfinite(x) & (x > 0) & np.isfinite(loc), p, np.nan)


def denominator_conflict_note(name: str | None, year: Any, values: str) -> str:
    """The note of a denominator chosen among figures that differ (never their average)."""
    return (f"{name} {year} differs between sources: {values}; the most authoritative "
            f"source's is used, never an average")


def _plans(res: pd.DataFrame, info: pd.DataFrame, plans: pd.DataFrame, user: pd.DataFrame | None,
           year: int, as_of: pd.Timestamp) -> pd.DataFrame:
    """Plan of each row: given by the user, else :func:`~._prep.pick_plans` (one, never averaged).

    Returns ``plan, plan_lo, plan_hi, plan_source, plan_basis, plan_denominator, flag,
    note`` aligned with ``info`` (``plan_lo``–``plan_hi``: the range of a plan derived from
    rounded figures, e.g. a coverage plan times a derived population; ``plan`` at both
    ends otherwise): a plan chosen among conflicting ones gets the flag ``plan_conflict`` and a
    note naming every value and source; a converted one a note with its arithmetic.
    """
    from ._prep import pick_plans
    from .bounds import denominator_of

    keycols = [*KEY, "indicator"]
    got = pick_plans(plans, year, as_of)
    j = info[keycols].merge(got, on=keycols, how="left")
    plan = j["plan"].to_numpy(dtype=float)
    ends = [j[c].fillna(j["plan"]).to_numpy(dtype=float) for c in ("plan_lo", "plan_hi")]
    src = j["kind"].where(j["kind"].notna(), "").astype(str).to_numpy(dtype=object)
    basis = j["basis"].to_numpy(dtype=float)
    den = j["denominator"].to_numpy(dtype=float)
    conflict = j["conflict"].fillna(False).to_numpy(dtype=bool)
    den_values = j["denominator_values"].fillna("").astype(str).to_numpy(dtype=object)
    den_conflict = np.isfinite(basis) & (den_values != "")
    note = np.array([""] * len(j), dtype=object)
    for i in np.flatnonzero(np.isfinite(basis)):
        ind = str(j["indicator"].iloc[i])
        name = denominator_of(ind)
        where = f"{name} {year} {den[i]:,.0f} ({j['denominator_kind'].iloc[i]})"
        note[i] = (f"plan {plan[i]:.2f} % = plan in persons {basis[i]:,.0f} / {where} x 100"
                   if ind.endswith("_pct") else
                   f"plan {plan[i]:,.0f} = coverage plan {basis[i]:g} % x {where} / 100")
        if den_conflict[i]:
            note[i] += f"; {denominator_conflict_note(name, year, den_values[i])}"
    for i in np.flatnonzero(conflict):
        note[i] = join_text(note[i:i + 1], f"plans for {year} differ: {j['values'].iloc[i]}; "
                            f"the most authoritative source's is used "
                            f"({j['source_id'].iloc[i]}), never an average")[0]
    flag = join_text(np.where(conflict, "plan_conflict", "").astype(object),
                     np.where(den_conflict, "denominator_conflict", "").astype(object), ";")
    if user is not None and len(user):
        on = [c for c in ("geo_code", "geo_level", "boundaries", "indicator") if c in user.columns]
        g = info[on].astype(str).merge(user[[*on, "plan"]].drop_duplicates(on).astype(
            {c: str for c in on}), on=on, how="left")
        given = g["plan"].to_numpy(dtype=float)
        has = np.isfinite(given)
        plan = np.where(has, given, plan)
        ends = [np.where(has, given, e) for e in ends]
        src = np.where(has, "given", src).astype(object)
        basis, den = np.where(has, np.nan, basis), np.where(has, np.nan, den)
        flag, note = np.where(has, "", flag).astype(object), np.where(has, "", note).astype(object)
    return pd.DataFrame({"plan": plan, "plan_lo": ends[0], "plan_hi": ends[1],
                         "plan_source": src, "plan_basis": basis,
                         "plan_denominator": den, "flag": flag, "note": note})


def count_past_moves(res: pd.DataFrame, pairs: pd.DataFrame, plan: np.ndarray,
                     year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Count past moves from about the same point of the year, and those as large as needed.

    This is the reason a forecast prints for its chance of meeting the plan ("k of n
    earlier moves were at least as large"), and the empirical-moves probability
    (:func:`bhxh_analysis.forecast.plan.moves_prob`) is computed from it. It is public
    because the forecast (:func:`finish_frame`) and the plan models' backtest
    (:func:`bhxh_analysis.forecast.plan.plan_backtest`) must count moves the same way:
    the probability judged in the backtest is then the one a report prints.

    The window around the target's month widens (:data:`MOVE_WINDOWS`) until it holds
    :data:`MIN_MOVES` moves — of the same indicator if it has them, else of the whole
    family (moves from the same point of the year matter more than the indicator).

    Parameters
    ----------
    res : DataFrame
        One row per target: ``v`` (the last value), ``t`` (months elapsed in the year),
        ``ind_id`` (indicator id) and ``observed`` (the year-end is already known; such
        rows get no count).
    pairs : DataFrame
        Earlier (snapshot, year-end) pairs (:meth:`bhxh_analysis.forecast._prep.Prepared.pairs`): ``year``, ``v``,
        ``actual``, ``t``, ``ind_id``.
    plan : numpy.ndarray
        The plan of each target (aligned with ``res``); NaN where there is none.
    year : int
        The target year: only pairs of completed earlier years are used.

    Returns
    -------
    total, large : numpy.ndarray
        ``n`` (``past_moves``) and ``k`` (``past_moves_as_large``) per target, NaN where
        there is no plan or no earlier pair.
    pool : numpy.ndarray
        ``"indicator"`` or ``"family"`` (``""`` where not counted).
    window : numpy.ndarray
        Months either side of the target's point of the year.
    """
    n = len(res)
    total, large, window = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    pool = np.array([""] * n, dtype=object)
    need = np.log(plan / res["v"].to_numpy(float))
    pr = pairs[pairs["year"] < year]
    if len(pr) == 0:
        return total, large, pool, window
    move = np.log(pr["actual"].to_numpy(float) / pr["v"].to_numpy(float))
    pt = pr["t"].to_numpy(float)
    pind = pr["ind_id"].to_numpy()
    t = np.clip(res["t"].to_numpy(float), 0.0, None)
    ind = res["ind_id"].to_numpy()
    todo = np.flatnonzero(np.isfinite(need) & ~res["observed"].to_numpy(bool))
    groups: dict[tuple[int, float], list[int]] = {}
    for i in todo:  # targets at the same point of the year share their past moves
        groups.setdefault((int(ind[i]), round(float(t[i]), 4)), []).append(i)
    for (g_ind, g_t), rows in groups.items():
        chosen = None
        for w in MOVE_WINDOWS:  # the nearest point of the year first, then the same indicator
            for name, base in (("indicator", pind == g_ind), ("family", np.ones(len(pt), bool))):
                use = base & (np.abs(pt - g_t) <= w)
                if use.sum() >= MIN_MOVES:
                    chosen = (name, w, use)
                    break
            if chosen:
                break
        if chosen is None:
            chosen = ("family", 12.0, np.ones(len(pt), bool))
        name, w, use = chosen
        srt = np.sort(move[use])
        idx = np.asarray(rows)
        pool[idx], window[idx], total[idx] = name, w, len(srt)
        large[idx] = len(srt) - np.searchsorted(srt, need[idx] - 1e-12, side="left")
    return total, large, pool, window


def side_scale_cols(res: pd.DataFrame) -> dict[str, Any]:
    """``scale_lo`` and ``scale_hi`` of ``res`` (NaN where a frame has none: one scale),
    the keyword arguments of :func:`prob_at_least` and the result frame's columns."""
    return {k: res[k] if k in res else np.nan for k in ("scale_lo", "scale_hi")}


def meet_plan_prob(x: np.ndarray, res: pd.DataFrame, upper: np.ndarray, pairs: pd.DataFrame,
                   year: int, plan_fit: tuple[float, float, float, int] | None = None,
                   ) -> tuple[np.ndarray, ...]:
    """P(31 December value ≥ ``x``) of each forecast, by the model :func:`finish_frame` uses.

    The empirical-moves probability where there are enough past moves, else the
    plan-aware model (``plan_fit``, seasonal-profile forecasts), else the forecast's own
    distribution; 0 above the bound. One function so that a plan and the two ends of a
    ranged plan get their chances from the same model.

    Returns
    -------
    p, model, total, large, pool, window : numpy.ndarray
        The chance, the model's name (``p_meet_plan_model``) and the past-move counts of
        :func:`count_past_moves`.
    """
    p_meet = prob_at_least(x, res["loc"], res["scale"], res["df"], upper, **side_scale_cols(res))
    model = np.where(np.isfinite(p_meet), "seasonal", "").astype(object)
    if plan_fit is not None:
        from .plan import plan_aware_prob

        pa = (res["method"].to_numpy() == "seasonal_profile") & np.isfinite(p_meet)
        if pa.any():
            raw_scale = (res["scale"] / res["calib80"]).to_numpy(float)[pa]
            p = plan_aware_prob(x[pa], res["loc"].to_numpy(float)[pa], raw_scale,
                                res["df"].to_numpy(float)[pa], plan_fit)
            p_meet[pa] = np.where(np.isfinite(upper[pa]) & (x[pa] > upper[pa]), 0.0, p)
            model[pa] = "plan_aware"
    total, large, pool, window = count_past_moves(res, pairs, x, year)
    # The empirical-moves model won the backtest (docs/forecasting.md): P is the printed
    # reason itself, (k + ½) / (n + 1), whatever point method `auto` chose; the models
    # above remain the fallback with too few past moves.
    from .plan import moves_prob

    p_mv = moves_prob(total, large)
    p_mv = np.where(np.isfinite(upper) & (x > upper), 0.0, p_mv)
    mv = np.isfinite(p_mv) & np.isfinite(p_meet)
    p_meet = np.where(mv, p_mv, p_meet)
    model[mv] = "empirical_moves"
    return p_meet, model, total, large, pool, window


def finish_frame(res: pd.DataFrame, info: pd.DataFrame, bounds: pd.DataFrame,
                 plans: pd.DataFrame, user_plans: pd.DataFrame | None, pairs: pd.DataFrame,
                 year: int, as_of: pd.Timestamp, levels: Sequence[int],
                 plan_fit: tuple[float, float, float, int] | None = None) -> pd.DataFrame:
    """Assemble :data:`RESULT_COLUMNS` from method results: bounds, plan, reason, pace.

    ``p_meet_plan`` is the empirical-moves probability (``(k + ½) / (n + 1)`` of the
    printed reason, :func:`bhxh_analysis.forecast.plan.moves_prob`) when there are
    enough past moves; otherwise ``plan_fit``
    (:func:`bhxh_analysis.forecast.plan.plan_model_for`) gives the plan-aware model for
    forecasts made with the seasonal profile, else the forecast's own distribution
    (``seasonal``). ``p_meet_plan_model`` says which model gave it.
    """
    from ..metrics import pace_required

    res = res.reset_index(drop=True)
    info = info.reset_index(drop=True)
    from .bounds import censor

    v = res["v"].to_numpy(float)
    ends = ["forecast", *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]
    # The backtest censors with the same function (a last value above its
    # denominator raises the bound to it: the data win).
    res, upper, hit = censor(res, bounds.reset_index(drop=True), ends)
    if hit.any():
        kind = bounds["bound_kind"].to_numpy(object)
        vals = (bounds["bound_values"].fillna("").astype(str).to_numpy(object)
                if "bound_values" in bounds.columns else np.array([""] * len(bounds), dtype=object))
        txt = [(f"bounded by {bi} {bv:,.0f} ({int(by)}, {bk})"
                + (f"; {denominator_conflict_note(bi, int(by), vs)}" if vs else ""))
               if bi != "coverage" else "bounded by 100 %" for bi, bv, by, bk, vs in
               zip(bounds["bound_indicator"], upper, bounds["bound_year"].fillna(year), kind,
                   vals, strict=True)]
        res["notes"] = np.where(hit, join_text(res["notes"].to_numpy(), np.array(txt, dtype=object)),
                                res["notes"])
        res["flags"] = np.where(hit, join_text(res["flags"].to_numpy(), "bounded", ";"), res["flags"])
        both = hit & (vals != "")
        res["flags"] = np.where(both, join_text(res["flags"].to_numpy(), "denominator_conflict",
                                                ";"), res["flags"])
    pl = _plans(res, info, plans, user_plans, year, as_of)
    plan, src = pl["plan"].to_numpy(float), pl["plan_source"].to_numpy(object)
    res["notes"] = join_text(res["notes"].to_numpy(), pl["note"].to_numpy())
    res["flags"] = add_flags(res["flags"].to_numpy(), pl["flag"].to_numpy())
    side = side_scale_cols(res)
    p_meet, model, total, large, pool, window = meet_plan_prob(plan, res, upper, pairs, year,
                                                               plan_fit)
    # a plan known only as a range (derived from rounded figures): P at each end, by the
    # model of the central P — p_meet_plan_lo at plan_hi, p_meet_plan_hi at plan_lo; only
    # the ranged rows are run again (a row's P depends on that row alone)
    plan_lo, plan_hi = pl["plan_lo"].to_numpy(float), pl["plan_hi"].to_numpy(float)
    p_ends = [p_meet.copy(), p_meet.copy()]
    ranged = np.flatnonzero(plan_hi > plan_lo)
    if len(ranged):
        sub = res.iloc[ranged].reset_index(drop=True)
        for p_end, x in zip(p_ends, (plan_hi, plan_lo), strict=True):
            p_end[ranged] = meet_plan_prob(x[ranged], sub, upper[ranged], pairs, year,
                                           plan_fit)[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        move_pct = (plan / v - 1.0) * 100.0
    pace = np.asarray(pace_required(v, plan, [as_of] * len(plan)), dtype=float) if len(plan) \
        else np.zeros(0)
    out = pd.DataFrame({
        "unique_id": (info["boundaries"] + "/" + info["geo_level"] + "/" + info["geo_code"]
                      + "/" + info["indicator"]).to_numpy(),
        "ds": pd.Timestamp(year=year, month=12, day=31),
        **{c: info[c].to_numpy() for c in ["geo_name", "geo_code", "geo_level", "boundaries",
                                            "indicator"]},
        "year": res["year"].astype(int).to_numpy(), "as_of": as_of.normalize(),
        "method": res["method"].to_numpy(), **{c: res[c].to_numpy(float) for c in ends},
        "n_obs": res["n_obs"].astype(int).to_numpy(), "plan": plan, "plan_lo": plan_lo,
        "plan_hi": plan_hi, "p_meet_plan_lo": p_ends[0], "p_meet_plan_hi": p_ends[1],
        "plan_source": src,
        "plan_basis": pl["plan_basis"].to_numpy(float),
        "plan_denominator": pl["plan_denominator"].to_numpy(float),
        "p_meet_plan": p_meet, "p_meet_plan_model": model,
        "plan_pull": plan_fit[1] if plan_fit is not None else np.nan, "move_needed_pct": move_pct, "past_moves": total,
        "past_moves_as_large": large, "past_moves_pool": pool,
        "past_moves_window": window, "pace_required": pace,
        "last_value": v, "last_as_of": pd.to_datetime(res["last_as_of"]).to_numpy(),
        "prev_year_end": res["prev_ye"].to_numpy(float), "upper_bound": upper,
        "bound_indicator": bounds["bound_indicator"].to_numpy(),
        "bound_year": bounds["bound_year"].to_numpy(float),
        "bound_kind": bounds["bound_kind"].to_numpy(),
        "loc": res["loc"].to_numpy(float), "scale": res["scale"].to_numpy(float),
        **{k: np.broadcast_to(np.asarray(v, dtype=float), len(res)) for k, v in side.items()},
        "df": res["df"].to_numpy(float), "flags": res["flags"].to_numpy(),
        "notes": res["notes"].to_numpy(),
    })
    no_plan = ~np.isfinite(plan)
    out.loc[no_plan, ["past_moves", "past_moves_as_large", "past_moves_window"]] = np.nan
    extra = [c for c in out.columns if c not in RESULT_COLUMNS]
    return typed(out[RESULT_COLUMNS + extra])


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """Dates ``datetime64[ns]``, text ``str``, numbers ``float64`` (``year`` and ``n_obs`` int)."""
    df = df.copy()
    for c in df.columns:
        if c in DATES:
            df[c] = pd.to_datetime(df[c]).astype("datetime64[ns]")
        elif c in TEXT:
            df[c] = df[c].where(df[c].notna(), "").astype(str)
        elif c in ("year", "n_obs"):
            df[c] = df[c].astype("int64")
        else:
            df[c] = pd.to_numeric(df[c]).astype("float64")
    return df


@dataclass
class ForecastResult:
    """A year-end forecast for one place and indicator (the fields of :data:`RESULT_COLUMNS`).

    ``forecast`` is the median of the 31 December value, ``lo80 … hi95`` the
    prediction intervals (censored at ``upper_bound``), ``p_meet_plan`` the chance of
    reaching ``plan``, with its reason in ``move_needed_pct``, ``past_moves`` and
    ``past_moves_as_large`` (by default it *is* that reason, ``(k + ½) / (n + 1)``;
    ``p_meet_plan_model`` names the model, and :meth:`prob_at_least` gives the forecast
    distribution's probability of any value); ``flags`` and ``notes`` say how it was
    made. Dates are :class:`pandas.Timestamp`.
    """

    unique_id: str
    ds: pd.Timestamp
    geo_name: str
    geo_code: str
    geo_level: str
    boundaries: str
    indicator: str
    year: int
    as_of: pd.Timestamp
    method: str
    forecast: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    n_obs: int
    plan: float
    plan_lo: float
    plan_hi: float
    p_meet_plan_lo: float
    p_meet_plan_hi: float
    plan_source: str
    plan_basis: float
    plan_denominator: float
    p_meet_plan: float
    p_meet_plan_model: str
    plan_pull: float
    move_needed_pct: float
    past_moves: float
    past_moves_as_large: float
    past_moves_pool: str
    past_moves_window: float
    pace_required: float
    last_value: float
    last_as_of: pd.Timestamp
    prev_year_end: float
    upper_bound: float
    bound_indicator: str
    bound_kind: str
    bound_year: float
    loc: float
    scale: float
    scale_lo: float
    scale_hi: float
    df: float
    flags: str
    notes: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: pd.Series, name: str | None = None) -> ForecastResult:
        """Build a result from one row of :func:`forecast_many`."""
        d = {k: (v.item() if hasattr(v, "item") and not isinstance(v, pd.Timestamp) else v)
             for k, v in row.to_dict().items()}
        extra = {k: float(d.pop(k)) for k in list(d) if k not in RESULT_COLUMNS}
        if name:
            d["geo_name"] = name
        return cls(**d, extra=extra)

    def prob_at_least(self, x: float) -> float:
        """Return ``P(31 December value ≥ x)`` (0 above the bound; NaN without a forecast).

        Examples
        --------
        >>> import bhxh_analysis.forecast as fc
        >>> r = fc.forecast(fc.example_observations(), geo="Việt Nam",
        ...                 indicator="bhyt_participants", year=2024, as_of="2024-10-31")
        >>> r.prob_at_least(r.forecast) > 0.4 and r.prob_at_least(2e8) == 0.0
        True
        """
        return float(prob_at_least(x, self.loc, self.scale, self.df, self.upper_bound,
                                   self.scale_lo, self.scale_hi)[()])

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dictionary (NaN → None, dates ISO)."""
        d = asdict(self)
        d.update(d.pop("extra"))
        out = {}
        for k, v in d.items():
            if isinstance(v, pd.Timestamp):
                v = v.strftime("%Y-%m-%d")
            elif isinstance(v, float) and not np.isfinite(v):
                v = None
            out[k] = v
        return out

    def to_frame(self) -> pd.DataFrame:
        """Return a one-row DataFrame, columns :data:`RESULT_COLUMNS` (+ extra levels).

        Examples
        --------
        >>> import bhxh_analysis.forecast as fc
        >>> r = fc.forecast(fc.example_observations(), geo="Việt Nam",
        ...                 indicator="bhxh_participants", year=2024, as_of="2024-10-31")
        >>> f = r.to_frame()
        >>> str(f["as_of"].dtype), bool(f.loc[0, "lo80"] <= f.loc[0, "hi80"])
        ('datetime64[ns]', True)
        """
        d = asdict(self)
        extra = d.pop("extra")
        return typed(pd.DataFrame([{**{c: d[c] for c in RESULT_COLUMNS}, **extra}]))
