"""Public forecasting API: :func:`forecast` for one place, :func:`forecast_many` for many.

Both run the same code (one place is a selection of the many), so they share their
defaults (``method="auto"``), their notes and their numbers. Vintage discipline: the
observations are cut at the as-of date *before* anything is computed — values, growth,
training pairs, implied plans (``metrics.implied_plans`` known by that date) and
implied denominators (``metrics.derive`` on the cut table),
and the backtest cases used by ``auto`` and by the interval calibration. The only
exceptions: a published plan (set before its year starts, so known from 1 January) and
a published denominator of the forecast year (a physical bound, not a prediction).
A component (compulsory BHXH, household BHYT ...) is held within the forecast of its
total for the same place, which is forecast with it (:func:`.bounds.cap_by_totals`), and
a part of a total of two parts (compulsory and voluntary BHXH) has its upper ends held
at or below the total's less the other part's lower end (:func:`.bounds.cap_by_parts`).
P(meet plan) is then held to what those intervals and bounds say (:func:`.plan_bounds.hold_p`).

Every result row carries ``flags``: short codes saying what happened (``observed``,
``pooled_pattern``, ``short_series``, ``no_moves``, ``borrowed_reference``, ``projected``,
``bounded``, ``refused_horizon``, ``plan_given`` ...; see ``docs/forecasting.md``) so
that reports can say it in the reader's language; ``notes`` says the same in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from ..schema import LEVELS
from ._prep import (
    COVERAGE,
    FORECASTABLE,
    KEY,
    MIN_POOL_PAIRS,
    PARTICIPANTS,
    ForecastError,
    Prepared,
    attach_year_info,
    borrow,
    canonical_key,
    check_columns,
    derived_rows,
    implied_plans_known,
    months_elapsed,
    own_sids,
    plans_table,
    prepare,
    reference_observations,
    slim,
)
from .backtest import AUTO_MAX_SERIES, choose_auto, raw_cases, run_methods
from .bounds import (
    BOUND_COLUMNS,
    cap_by_parts,
    cap_by_totals,
    denominators,
    sibling_of,
    total_of,
    upper_bounds,
)
from .methods import POOLED, SPARSE_METHODS
from .plan import plan_model_for
from .plan_bounds import hold_p
from .result import RESULT_COLUMNS, ForecastResult, finish_frame, intervals, join_text
from .reuse import remembered, store_for

METHODS: tuple[str, ...] = ("auto", "run_rate", "last_value", "seasonal_profile", "ets")
#: A series may be projected as far ahead as it reaches back, and at least this many years.
MIN_HORIZON_SPAN = 2.0
#: Interval widening for a series with no completed year of its own history.
SHORT_WIDEN = 1.5


# --------------------------------------------------------------------------- inputs

def _load(obs: pd.DataFrame | None) -> pd.DataFrame:
    if obs is not None:
        return obs
    from ..observations import load_observations

    return load_observations(rebuild=False)


def _check_level(levels: Sequence[str]) -> None:
    bad = sorted({str(x) for x in levels} - set(LEVELS))
    if bad:
        raise ForecastError(f"unknown geo_level {', '.join(map(repr, bad))}; levels are "
                            f"{', '.join(LEVELS)}")


def _resolve_geo(obs: pd.DataFrame, geo: Any) -> tuple[tuple[str, str, str], str]:
    """Return ((boundaries, level, code), name) for a name, a Unit or a key tuple."""
    if isinstance(geo, tuple) and len(geo) == 3:
        _check_level([geo[1]])
        key = canonical_key(*(str(x) for x in geo))
        hit = obs[(obs["boundaries"] == key[0]) & (obs["geo_level"] == key[1])
                  & (obs["geo_code"] == key[2])]
        return key, (str(hit["geo_name"].iloc[0]) if len(hit) else key[2])  # type: ignore[return-value]
    if hasattr(geo, "code") and hasattr(geo, "level") and hasattr(geo, "boundaries"):
        return canonical_key(geo.boundaries, geo.level, geo.code), geo.name
    name = str(geo)
    # Synthetic and user places are matched by exact name first (no registry entry).
    hit = obs.loc[obs["geo_name"] == name, KEY].drop_duplicates()
    if len(hit) >= 1 and hit["geo_level"].eq("nation").all():
        return canonical_key(*hit.iloc[0]), name
    if len(hit) == 1:
        _check_level([hit.iloc[0]["geo_level"]])
        return tuple(hit.iloc[0]), name  # type: ignore[return-value]
    from ..geo import get_registry

    unit = get_registry().resolve(name)
    return canonical_key(unit.boundaries, unit.level, unit.code), unit.name


def _plan_lookup(plans: Any) -> pd.DataFrame | None:
    """User plans as ``geo_code, plan`` (+ optional ``geo_level, boundaries, indicator``)."""
    if plans is None:
        return None
    if isinstance(plans, pd.DataFrame):
        if not {"geo_code", "plan"} <= set(plans.columns):
            raise ForecastError("plans: a DataFrame needs columns geo_code and plan "
                                "(optionally geo_level, boundaries, indicator)")
        out = plans.assign(geo_code=plans["geo_code"].astype(str),
                           plan=pd.to_numeric(plans["plan"], errors="coerce"))
        on = [c for c in ("geo_code", "geo_level", "boundaries", "indicator") if c in out]
        clash = out.astype({c: str for c in on}).groupby(on)["plan"].nunique(dropna=False) > 1
        if clash.any():  # else the first row given would win, by the table's row order
            raise ForecastError("plans: two different plans for "
                                f"{', '.join(map(str, clash[clash].index[:3]))}")
        return out
    if isinstance(plans, (Mapping, pd.Series)):
        items = dict(plans)
        return pd.DataFrame({"geo_code": [str(k) for k in items],
                             "plan": pd.to_numeric(pd.Series(list(items.values())), errors="coerce")})
    raise ForecastError("plans: give a mapping geo_code → plan, a Series or a DataFrame")


# --------------------------------------------------------------------------- targets

def _targets(prep: Prepared, year: int, cutoff: pd.Timestamp, sids: np.ndarray) -> pd.DataFrame:
    """Last value <= cutoff of each series in ``sids``, with year and history information."""
    p = prep.points
    p = p[(p["as_of"] <= cutoff) & p["sid"].isin(sids)]
    g = p.groupby("sid", sort=True)
    last = g.tail(1)
    tg = pd.DataFrame({"sid": last["sid"].to_numpy(), "last_as_of": last["as_of"].to_numpy(),
                       "v": last["value"].to_numpy(), "year": year})
    tg["first_as_of"] = g["as_of"].min().reindex(tg["sid"]).to_numpy()
    tg["n_obs"] = g.size().reindex(tg["sid"]).to_numpy()
    tg["t"] = months_elapsed(tg["last_as_of"], tg["year"])
    tg = attach_year_info(tg, prep).drop(columns="actual")
    tg["ind_id"] = prep.series["ind_id"].to_numpy()[tg["sid"].to_numpy()]
    tg["observed"] = tg["t"] >= 12.0 - 1e-9
    # Own history: a year-end before the forecast year (else the series is "short").
    ye = prep.year_ends
    has_ye = ye[ye["year"] < year].groupby("sid").size()
    tg["own_years"] = has_ye.reindex(tg["sid"]).fillna(0).to_numpy(dtype=int)
    # Within-year trend of a short series: annual log slope of this year's points.
    short = tg.loc[tg["own_years"] == 0, "sid"]
    same = p[(p["as_of"].dt.year == year) & p["sid"].isin(short)]
    tg["g_within"] = _log_slope(same).reindex(tg["sid"]).to_numpy(dtype=float)
    return tg


def _log_slope(pts: pd.DataFrame) -> pd.Series:
    """Annualised least-squares log slope per series (NaN: < 2 points or < 2 months apart)."""
    d = pd.DataFrame({"sid": pts["sid"].to_numpy(), "t": pts["t"].to_numpy(float),
                      "y": np.log(pts["value"].to_numpy(float))})
    d["tt"], d["ty"] = d["t"] ** 2, d["t"] * d["y"]
    g = d.groupby("sid")
    s = g[["t", "y", "tt", "ty"]].sum()
    n = g.size()
    span = g["t"].max() - g["t"].min()
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (n * s["ty"] - s["t"] * s["y"]) / (n * s["tt"] - s["t"] ** 2)
    return (12.0 * slope).clip(-1.0, 1.0).where((n >= 2) & (span >= 2.0))


# --------------------------------------------------------------------------- running

def _run(prep: Prepared, tg: pd.DataFrame, method: str, year: int,
         levels: Sequence[int]) -> pd.DataFrame:
    """Forecast targets with ``method`` (auto resolved per indicator), calibrated intervals."""
    tg = tg.reset_index(drop=True)
    pairs = prep.pairs()
    pooled = tg["short"].to_numpy(dtype=bool) & (method in ("auto", "seasonal_profile"))
    if pooled.any():  # no history of its own: the pooled move to 31 December
        pres = _run_pooled(prep, tg[pooled], year, levels, pairs)
        if pooled.all():
            return pres
        return pd.concat([pres, _run(prep, tg[~pooled], method, year, levels)],
                         ignore_index=True)
    base = list(SPARSE_METHODS) if method == "auto" else [method]
    past = raw_cases(prep, year, base, AUTO_MAX_SERIES)
    names = prep.series["indicator"].to_numpy()[tg["sid"].to_numpy()]
    chosen = {ind: (choose_auto(past, year, ind) if method == "auto" else (method, ""))
              for ind in np.unique(names)}
    parts = []
    for ind, (m, note) in chosen.items():
        sub = tg[names == ind]
        flag = "" if method != "auto" else ("auto_backtest" if "backtest MAPE" in note
                                            else "auto_default")
        parts.append(run_methods(prep, sub, [m], levels, pairs, past=past)
                     .assign(notes=note, flags=flag))
    res = pd.concat(parts, ignore_index=True)
    # The run-rate is undefined without the previous year-end: fall back, and say so.
    undefined = res["forecast"].isna().to_numpy()
    if undefined.any():
        fb = run_methods(prep, res.loc[undefined, tg.columns], ["seasonal_profile"], levels,
                         pairs, past=raw_cases(prep, year, ["seasonal_profile"], AUTO_MAX_SERIES))
        fb["notes"] = join_text(res.loc[undefined, "notes"].to_numpy(),
                            "run_rate is undefined without the previous year-end; "
                            "seasonal_profile used")
        fb["flags"] = join_text(res.loc[undefined, "flags"].to_numpy(), "run_rate_undefined", ";")
        res = pd.concat([res[~undefined], fb], ignore_index=True)
    return res


def _run_pooled(prep: Prepared, tg: pd.DataFrame, year: int, levels: Sequence[int],
                pairs: pd.DataFrame) -> pd.DataFrame:
    """Series with no year-end of their own: :func:`methods.predict_pooled`, calibrated on
    the earlier cases of every series forecast the same way (own series left out)."""
    past = raw_cases(prep, year, [POOLED], AUTO_MAX_SERIES)
    res = run_methods(prep, tg, [POOLED], levels, pairs, past=past)
    moves = pairs[(pairs["year"] < year) & (pairs["t"] > 0)].groupby("ind_id").size()
    n_moves = moves.reindex(res["ind_id"].to_numpy()).fillna(0).astype(int).to_numpy()
    names = prep.series["indicator"].to_numpy()[res["sid"].to_numpy()]
    trend = res["trend_within"].to_numpy(dtype=bool)
    lead = {True: "this year's own trend plus the remaining", False: "the"}
    note = [f"no year-end of its own: {lead[bool(tr)]} move from this point of the year to 31 December "
            f"learned from {n} earlier within-year figures of {ind} in the national and "
            f"provincial series (partial pooling across years and places, shrunk towards "
            f"no move); interval calibrated on {len(past)} earlier cases forecast the same "
            "way" for n, ind, tr in zip(n_moves, names, trend, strict=True)]
    # no earlier move of the indicator anywhere (Kon Tum's household BHYT, 2020): the
    # forecast is the prior's (no move) and its width the calibrated default, nothing
    # learned from other places' moves; the page must not say it borrowed them
    return res.assign(notes=np.asarray(note, dtype=object),
                      flags=np.where(n_moves == 0, "no_moves", "").astype(object))


def _ets(prep: Prepared, tg: pd.DataFrame, year: int, cutoff: pd.Timestamp,
         levels: Sequence[int]) -> pd.DataFrame:
    from .dense import MIN_MONTHS, ets_forecast, monthly_tail

    sid = int(tg["sid"].iloc[0])
    ser = monthly_tail(prep.points[prep.points["sid"] == sid], cutoff)
    if ser is None:
        raise ForecastError(f"ets needs at least {MIN_MONTHS} consecutive month-end values "
                            f"up to {cutoff:%Y-%m-%d}")
    f = ets_forecast(ser, year, levels)
    return tg.reset_index(drop=True).assign(method="ets", df=1e6, notes="", flags="",
                                            **{k: v for k, v in f.items()})


def _family_run(obs_all: pd.DataFrame, obs_cut: pd.DataFrame, fam: tuple[str, ...],
                wanted: list[str], select: tuple[str, str, str] | None, level: str | None,
                year: int, cutoff: pd.Timestamp, method: str,
                levels: Sequence[int], store: dict | None = None, shared: tuple = (),
                ) -> tuple[Prepared, pd.DataFrame, bool]:
    """Prepare one family (participants or rates), borrow when thin, forecast the selection.

    ``store`` (:func:`~bhxh_analysis.forecast.reuse.store_for`) keeps the prepared family
    under ``("prepared", *shared)``, ``shared`` naming what it depends on besides the
    table (the families ``obs_all`` was slimmed to, this family, the cut-off), for the
    next place forecast at that cut-off.
    """
    def make() -> tuple[Prepared, bool]:
        prep = prepare(obs_cut, fam, with_plans=False)
        ref = reference_observations(obs_all) if len(prep.pairs()) < MIN_POOL_PAIRS else None
        return borrow(prep, obs_cut, fam, cutoff, ref)

    prep, borrowed = remembered(store, ("prepared", *shared), make)
    s = prep.series
    mask = s["indicator"].isin(wanted).to_numpy().copy()
    if borrowed:  # forecast only the user's own series, never the borrowed ones
        mask &= np.isin(s.index.to_numpy(), own_sids(prep, obs_cut))
    if select is not None:
        mask &= ((s["boundaries"] == select[0]) & (s["geo_level"] == select[1])
                 & (s["geo_code"] == select[2])).to_numpy()
    if level is not None:
        mask &= (s["geo_level"] == level).to_numpy()
    sids = s.index.to_numpy()[mask]
    if len(sids) == 0:
        return prep, pd.DataFrame(), borrowed
    _check_level(s.loc[sids, "geo_level"].unique())
    tg = _targets(prep, year, cutoff, sids)
    tg = _short_series(tg)
    if method == "ets":
        res = _ets(prep, tg, year, cutoff, levels)
    else:
        res = _run(prep, tg, method, year, levels)
    res = _after_run(res, levels, borrowed)
    return prep, res, borrowed


def _short_series(tg: pd.DataFrame) -> pd.DataFrame:
    """Give series without a year-end of their own a within-year trend (when they have one)."""
    short = (tg["own_years"] == 0) & tg["prev_ye"].isna() & ~tg["observed"]
    use = short & tg["g_within"].notna()
    tg = tg.assign(short=short.to_numpy(), g_hat=np.where(use, tg["g_within"], tg["g_hat"]),
                   trend_within=use.to_numpy())
    return tg


def _after_run(res: pd.DataFrame, levels: Sequence[int], borrowed: bool) -> pd.DataFrame:
    """Widen short series, mark observed year-ends and projections, write notes and flags."""
    res = res.reset_index(drop=True)
    short = res["short"].to_numpy(dtype=bool)
    if short.any():
        # A baseline asked for by name keeps its ×SHORT_WIDEN; the pooled move is
        # calibrated on earlier cases forecast the same way instead.
        widen = short & (res["method"].to_numpy() != POOLED)
        res.loc[widen, "scale"] = res.loc[widen, "scale"] * SHORT_WIDEN
        res = intervals(res, levels, rows=widen)
        trend = res["trend_within"].to_numpy(dtype=bool)
        how = np.where(widen, f"; interval widened ×{SHORT_WIDEN}", "")
        res["notes"] = np.where(
            widen, join_text(res["notes"].to_numpy(), np.char.add(np.where(
                trend, "no year-end of its own: this year's trend plus the within-year "
                       "pattern pooled from the national and provincial series",
                "no year-end of its own: within-year pattern pooled from the national and "
                "provincial series").astype(str), how.astype(str))), res["notes"])
        res["flags"] = np.where(short, join_text(res["flags"].to_numpy(), np.where(
            trend, "short_series;trend_within", "short_series"), ";"), res["flags"])
    pooled = (~short) & (res.get("n_train_own", pd.Series(1, index=res.index)).to_numpy() < 0.5)
    if pooled.any():
        res["notes"] = np.where(pooled, join_text(res["notes"].to_numpy(),
                                              "no completed year of its own within-year figures: "
                                              "pattern pooled from the national and provincial "
                                              "series of the same indicator"), res["notes"])
        res["flags"] = np.where(pooled, join_text(res["flags"].to_numpy(), "pooled_pattern", ";"),
                                res["flags"])
    if borrowed:
        res["notes"] = join_text(res["notes"].to_numpy(), "learned together with the embedded "
                                                      "national and provincial figures")
        res["flags"] = join_text(res["flags"].to_numpy(), "borrowed_reference", ";")
    proj = res["t"].to_numpy() < 0
    if proj.any():
        txt = np.array([f"no value in {y} or at end-{y - 1}: projected from "
                        f"{pd.Timestamp(d):%Y-%m-%d}" for y, d in
                        zip(res["year"], res["last_as_of"], strict=True)], dtype=object)
        res["notes"] = np.where(proj, join_text(res["notes"].to_numpy(), txt), res["notes"])
        res["flags"] = np.where(proj, join_text(res["flags"].to_numpy(), "projected", ";"),
                                res["flags"])
    obs_rows = res["observed"].to_numpy(dtype=bool)
    if obs_rows.any():
        for col in ["forecast", *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]:
            res.loc[obs_rows, col] = res.loc[obs_rows, "v"]
        res.loc[obs_rows, ["scale", "scale_lo", "scale_hi"]] = 0.0
        res.loc[obs_rows, "loc"] = np.log(res.loc[obs_rows, "v"].astype(float))
        res.loc[obs_rows, "method"] = "observed"
        res.loc[obs_rows, "notes"] = [f"31 December {y} value observed on or before the as-of "
                                      "date" for y in res.loc[obs_rows, "year"]]
        res.loc[obs_rows, "flags"] = "observed"
    return res


def _plan_fit(prep: Prepared, obs_all: pd.DataFrame, fam: tuple[str, ...],
              year: int) -> tuple[float, float, float, int] | None:
    """The plan-aware fit of a family from its published plans (:func:`plan_model_for`)."""
    return plan_model_for(prep, plans_table(obs_all, fam, None), year, AUTO_MAX_SERIES)


def _refuse_far(res: pd.DataFrame, cutoff_year: int) -> np.ndarray:
    """Rows whose horizon reaches further ahead than their history reaches back."""
    end = pd.Timestamp(year=int(cutoff_year), month=12, day=31)
    last = pd.to_datetime(res["last_as_of"])
    horizon = (end - last).dt.days / 365.25
    span = (last - pd.to_datetime(res["first_as_of"])).dt.days / 365.25
    return (horizon > np.maximum(MIN_HORIZON_SPAN, span)).to_numpy()


# --------------------------------------------------------------------------- public

def forecast_many(obs: pd.DataFrame | None = None, *, indicator: str | Sequence[str] | None,
                  year: int, as_of: str | pd.Timestamp, level: str | None = None,
                  method: str = "auto", plans: Any = None,
                  levels: Sequence[int] = (80, 95)) -> pd.DataFrame:
    """Forecast the 31 December value of ``year`` for every series with data up to ``as_of``.

    Vectorised over series (thousands of communes take seconds); the rows are exactly
    what :func:`forecast` gives for each place.

    Parameters
    ----------
    obs : DataFrame, optional
        Observations table; ``None`` loads the processed observations.
    indicator : str or sequence of str or None
        Forecastable indicator(s) (``bhxh_participants``, ``bhyt_coverage_pct`` ...);
        ``None`` = all.
    year : int
        Year whose 31 December value is forecast.
    as_of : str or Timestamp
        Nothing dated later is used (``YYYY-MM-DD``).
    level : {"nation", "province", "district", "commune"}, optional
        Only places of this level.
    method : {"auto", "seasonal_profile", "run_rate", "last_value"}
        ``auto`` chooses per indicator by backtest error on earlier years.
    plans : mapping, Series or DataFrame, optional
        Plans to use instead of those in the data: ``geo_code → plan``, or a frame with
        ``geo_code, plan`` (optionally ``geo_level, boundaries, indicator``).
    levels : sequence of int
        Interval levels in percent (80 and 95 always included).

    Returns
    -------
    DataFrame
        Columns :data:`RESULT_COLUMNS` (+ other levels), one row per series, sorted by
        place and indicator; refused series (horizon too far) have NaN forecasts and say
        why in ``notes``.

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> obs = fc.example_observations()
    >>> df = fc.forecast_many(obs, indicator="bhyt_participants", year=2024,
    ...                       as_of="2024-04-30")
    >>> df[["geo_name", "method", "forecast"]].shape
    (1, 3)
    >>> bool((df["lo80"] <= df["forecast"]).all() and (df["forecast"] <= df["hi80"]).all())
    True
    """
    if method not in METHODS or method == "ets":
        raise ForecastError(f"forecast_many: unknown or per-series method {method!r}; use one "
                            f"of {', '.join(m for m in METHODS if m != 'ets')}")
    if level is not None:
        _check_level([level])
    inds = [indicator] if isinstance(indicator, str) else (list(indicator) if indicator else None)
    for ind in inds or []:
        if ind not in FORECASTABLE:
            raise ForecastError(f"unknown indicator {ind!r}; forecastable: {', '.join(FORECASTABLE)}")
    return _forecast_frame(_load(obs), inds, year, as_of, method, None, level, plans, levels)


def _forecast_frame(obs: pd.DataFrame, inds: list[str] | None, year: int, as_of: Any,
                    method: str, select: tuple[str, str, str] | None, level: str | None,
                    plans: Any, levels: Sequence[int], reuse: Any = None) -> pd.DataFrame:
    check_columns(obs)
    store = store_for(obs, reuse)
    as_of = pd.Timestamp(as_of)
    year = int(year)
    levels = tuple(sorted(set(levels) | {80, 95}))
    cutoff = min(as_of, pd.Timestamp(year=year, month=12, day=31))
    asked = inds
    if inds is not None:  # a component is held within its total (and its total less the
        # other part's lower end): forecast the total and the other part too
        inds = list(dict.fromkeys([*inds, *(t for i in inds if (t := total_of(i))),
                                   *(s[1] for i in inds if (s := sibling_of(i)))]))
    fams = [f for f in (PARTICIPANTS, COVERAGE) if any(inds is None or i in inds for i in f)]
    obs_all = slim(obs, [i for f in fams for i in f])
    obs_cut = obs_all[obs_all["as_of"] <= cutoff]
    user_plans = _plan_lookup(plans)
    # Implied plans and denominators are needed for the forecast places only (the rules
    # join figures of one place): derive from those places' rows.
    mine = _of_places(obs_all, select, level)
    implied = implied_plans_known(mine, cutoff)
    mine_cut = mine[mine["as_of"] <= cutoff]
    out = []
    for fam in fams:
        wanted = [i for i in fam if inds is None or i in inds]
        prep, res, _ = _family_run(obs_all, obs_cut, fam, wanted, select, level, year, cutoff,
                                   method, levels, store, (tuple(fams), fam, cutoff))
        if len(res) == 0:
            continue
        far = _refuse_far(res, year)
        if far.any():
            res.loc[far, ["forecast", "loc", "scale", "scale_lo", "scale_hi",
                          *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]] = np.nan
            res.loc[far, "notes"] = [
                f"refused: 31 December {year} is {(pd.Timestamp(year=year, month=12, day=31) - pd.Timestamp(d)).days / 365.25:.1f} "
                f"years after the last value ({pd.Timestamp(d):%Y-%m-%d}), further ahead than the "
                f"series reaches back (at least {MIN_HORIZON_SPAN:g} years allowed)"
                for d in res.loc[far, "last_as_of"]]
            res.loc[far, "flags"] = "refused_horizon"
        s = prep.series.iloc[res["sid"].to_numpy()].reset_index(drop=True)
        derived = derived_rows(mine_cut, fam)
        # a plan in the other measure (a coverage plan for participants) is converted
        # with the year's denominator the bounds use: published whatever its date,
        # derived from figures dated on or before the cutoff
        den = denominators(obs_all, derived[derived["as_of"] <= cutoff], year)
        pl = plans_table(obs_all, wanted, implied, den)
        info = s[[*KEY, "indicator", "geo_name"]].copy()
        bounds = upper_bounds(info[[*KEY, "indicator"]], year, den)  # = bounds_at(...)
        fit = remembered(store, ("plan_fit", tuple(fams), fam, cutoff, year),
                         partial(_plan_fit, prep, obs_all, fam, year))
        out.append(finish_frame(res, info, bounds, pl, user_plans, prep.pairs(), year, as_of,
                                levels, fit))
    if not out:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in RESULT_COLUMNS})
    ends = ["forecast", *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]
    res = cap_by_parts(cap_by_totals(pd.concat(out, ignore_index=True), ends), ends)
    res = hold_p(res)  # P(meet plan) never contradicts the interval or bound beside it
    if asked is not None:
        res = res[res["indicator"].isin(asked)]
    return res.sort_values([*KEY, "indicator"], ignore_index=True)


def _of_places(obs: pd.DataFrame, select: tuple[str, str, str] | None,
               level: str | None) -> pd.DataFrame:
    """Rows of the selected place (or level); all rows when neither is given."""
    if select is not None:
        keep = (obs["geo_level"] == select[1]) & (obs["geo_code"] == select[2])
        if select[1] != "nation":  # the nation is one series across boundary sets
            keep &= obs["boundaries"] == select[0]
        return obs[keep]
    if level is not None:
        return obs[obs["geo_level"] == level]
    return obs


def forecast(obs: pd.DataFrame | None = None, *, geo: Any, indicator: str, year: int,
             as_of: str | pd.Timestamp, method: str = "auto", plan: float | None = None,
             levels: Sequence[int] = (80, 95)) -> ForecastResult:
    """Forecast the 31 December value of one place's indicator from data up to ``as_of``.

    Parameters
    ----------
    obs : DataFrame, optional
        Observations table (``None`` loads the processed observations); a researcher's
        own table in the observations schema works too.
    geo : str, Unit or tuple
        A place name (exact ``geo_name`` matches in ``obs`` first, then the geography
        registry), a :class:`bhxh_analysis.geo.Unit`, or ``(boundaries, geo_level,
        geo_code)``.
    indicator : str
        A forecastable indicator (``bhxh_participants``, ``bhyt_coverage_pct`` ...).
    year : int
    as_of : str or Timestamp
        Only rows dated ``<= as_of`` are used (plans: see the module docstring).
    method : {"auto", "seasonal_profile", "run_rate", "last_value", "ets"}
        ``auto`` picks by backtest error on the data before ``as_of`` and says so.
    plan : float, optional
        The year's plan, used instead of one in the data (``plan_source == "given"``).
    levels : sequence of int
        Interval levels in percent (80 and 95 always included).

    Returns
    -------
    ForecastResult
        With :meth:`ForecastResult.prob_at_least` and :meth:`ForecastResult.to_frame`.

    Raises
    ------
    ForecastError
        Unknown indicator, method or level; no data up to ``as_of``; a horizon further
        ahead than the series reaches back; a method that cannot be applied.

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> r = fc.forecast(fc.example_observations(), geo="Việt Nam",
    ...                 indicator="bhyt_participants", year=2024, as_of="2024-04-30",
    ...                 plan=95e6)
    >>> r.lo95 <= r.lo80 <= r.forecast <= r.hi80 <= r.hi95
    True
    >>> 0.0 <= r.prob_at_least(95e6) <= 1.0 and r.plan_source
    'given'
    """
    res = _forecast_each(obs, geo, [indicator], year, as_of, method, plan, levels)[indicator]
    if isinstance(res, ForecastError):
        raise res
    return res


def forecast_indicators(obs: pd.DataFrame | None = None, *, geo: Any,
                        indicators: Sequence[str], year: int, as_of: str | pd.Timestamp,
                        method: str = "auto", levels: Sequence[int] = (80, 95),
                        reuse: Any = None) -> dict[str, ForecastResult | ForecastError]:
    """Forecast several indicators of one place at one as-of date, preparing the table once.

    Each result is what :func:`forecast` gives for that indicator (the same numbers,
    notes and reasons): the whole table is prepared once per family instead of once per
    indicator, which is what a report showing a place's schemes needs. An indicator that
    cannot be forecast maps to the :class:`ForecastError` :func:`forecast` would raise.

    Parameters
    ----------
    obs : DataFrame, optional
        Observations (default: the processed build).
    geo : str or tuple
        The place, as in :func:`forecast`.
    indicators : sequence of str
        Forecastable indicators (:data:`~bhxh_analysis.forecast.FORECASTABLE`).
    year : int
        The year whose 31 December is forecast.
    as_of : str or Timestamp
        Only figures dated on or before it are used.
    method : str
        As in :func:`forecast`.
    levels : sequence of int
        Interval levels.
    reuse : hashable, optional
        The build ``obs`` comes from (the reports pass its checksum): the table prepared
        at a cut-off and the plan-aware fit are then kept for the next call on this same
        frame and build (:mod:`~bhxh_analysis.forecast.reuse`), which a batch of reports
        forecasting many places needs. Leave it out for a frame that may change.

    Returns
    -------
    dict
        ``indicator → ForecastResult`` (or the ``ForecastError`` explaining why not).

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> obs = fc.example_observations()
    >>> got = fc.forecast_indicators(obs, geo="Việt Nam", year=2024, as_of="2024-10-31",
    ...                              indicators=["bhxh_participants", "bhyt_participants"])
    >>> one = fc.forecast(obs, geo="Việt Nam", indicator="bhyt_participants", year=2024,
    ...                   as_of="2024-10-31")
    >>> got["bhyt_participants"].forecast == one.forecast
    True
    """
    return _forecast_each(obs, geo, indicators, year, as_of, method, None, levels, reuse)


def _forecast_each(obs: pd.DataFrame | None, geo: Any, indicators: Sequence[str], year: int,
                   as_of: str | pd.Timestamp, method: str, plan: float | None,
                   levels: Sequence[int], reuse: Any = None,
                   ) -> dict[str, ForecastResult | ForecastError]:
    """One place's indicators from one preparation: each result, or the error that
    :func:`forecast` raises for it (an unknown indicator or method refuses the call)."""
    unknown = [i for i in indicators if i not in FORECASTABLE]
    if unknown:
        raise ForecastError(f"unknown indicator {unknown[0]!r}; forecastable: "
                            f"{', '.join(FORECASTABLE)}")
    if method not in METHODS:
        raise ForecastError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    obs = _load(obs)
    check_columns(obs)
    key, name = _resolve_geo(obs, geo)
    plans = None if plan is None else pd.DataFrame({"geo_code": [key[2]], "plan": [plan],
                                                     "geo_level": [key[1]]})
    out: dict[str, ForecastResult | ForecastError] = {}
    todo = list(dict.fromkeys(indicators))
    if method in ("ets", "run_rate"):  # explicit methods refuse per indicator
        for ind in list(todo):
            try:
                _check_method_applies(obs, key, ind, int(year), as_of, method, name)
            except ForecastError as exc:
                out[ind] = exc
                todo.remove(ind)
    df = _forecast_frame(obs, todo, year, as_of, method, key, None, plans, levels, reuse) \
        if todo else pd.DataFrame(columns=["indicator"])
    rows = {r["indicator"]: r for _, r in df.iterrows()}
    for ind in todo:
        row = rows.get(ind)
        if row is None:
            out[ind] = ForecastError(f"no {ind} data for {name} ({key[0]} {key[1]} {key[2]}) "
                                     f"dated on or before {pd.Timestamp(as_of):%Y-%m-%d}")
        elif "refused_horizon" in str(row["flags"]):
            out[ind] = ForecastError(f"{name}, {ind}: {row['notes']}")
        else:
            out[ind] = ForecastResult.from_row(row, name)
    return {ind: out[ind] for ind in indicators}


def _check_method_applies(obs: pd.DataFrame, key: tuple[str, str, str], indicator: str,
                          year: int, as_of: Any, method: str, name: str) -> None:
    """Refuse an explicit run-rate without the previous year-end (say so, don't guess)."""
    if method != "run_rate":
        return
    pts = slim(obs, [indicator], pd.Timestamp(as_of))
    pts = pts[(pts["geo_code"] == key[2]) & (pts["indicator"] == indicator)]
    dates = pts["as_of"]
    in_year = (dates.dt.year == year).any()
    prev = (dates == pd.Timestamp(year=year - 1, month=12, day=31)).any()
    if in_year and not prev:
        raise ForecastError(f"run_rate needs the 31 December {year - 1} value of {indicator} "
                            f"for {name}; none is known")


def forecast_year_end(obs: pd.DataFrame, geo: Any, indicator: str, year: int,
                      as_of: str | pd.Timestamp, method: str = "auto",
                      levels: Sequence[int] = (80, 95)) -> ForecastResult:
    """Forecast one place's 31 December value (positional form kept for existing callers).

    Same as :func:`forecast` (``forecast(obs, geo=geo, indicator=indicator, year=year,
    as_of=as_of, method=method)``).

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> r = fc.forecast_year_end(fc.example_observations(), "Việt Nam",
    ...                          "bhxh_participants", 2024, "2024-10-31")
    >>> r.year, r.geo_level
    (2024, 'nation')
    """
    return forecast(obs, geo=geo, indicator=indicator, year=year, as_of=as_of, method=method,
                    levels=levels)


__all__ = ["AUTO_MAX_SERIES", "BOUND_COLUMNS", "METHODS", "RESULT_COLUMNS", "ForecastResult",
           "example_observations",
           "forecast", "forecast_indicators", "forecast_many", "forecast_year_end"]


def example_observations() -> pd.DataFrame:
    """Return the nation's rows of the processed observations (for examples and tests).

    Examples
    --------
    >>> import bhxh_analysis.forecast as fc
    >>> set(fc.example_observations()["geo_level"])
    {'nation'}
    """
    obs = _load(None)
    return obs[obs["geo_level"] == "nation"].reset_index(drop=True)
