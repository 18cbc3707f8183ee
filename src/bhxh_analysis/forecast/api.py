"""Public forecasting API: one place (:func:`forecast_year_end`) or many (:func:`forecast_many`).

Vintage discipline: the observations are cut at the as-of date *before* anything
is computed — values, growth estimates, training pairs and the backtest used by
``method="auto"`` all come from rows dated ``<= as_of``. The only exception is the
year's plan: published plans are stored as of 31 December of their year but are set
before the year starts, so they count as known from 1 January of that year (a plan
implied by an attainment or shortfall figure counts from that figure's date). Plans never enter
the forecast itself, only ``plan``, ``p_meet_plan`` and ``pace_required``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ._prep import (
    COVERAGE,
    FORECASTABLE,
    KEY,
    PARTICIPANTS,
    ForecastError,
    Prepared,
    _plans,
    attach_year_info,
    canonical_key,
    check_columns,
    family,
    known_plan,
    months_elapsed,
    prepare,
    slim,
)
from .backtest import backtest, choose_auto, run_methods
from .methods import SPARSE_METHODS, prob_at_least

#: ``forecast_many(method="auto")`` ranks methods on the cases of this many series per indicator.
AUTO_MAX_SERIES = 300
METHODS: tuple[str, ...] = ("auto", "run_rate", "last_value", "seasonal_profile", "ets")

RESULT_COLUMNS = [
    "geo_name", "geo_code", "geo_level", "boundaries", "indicator", "year", "as_of",
    "method", "forecast", "lo80", "hi80", "lo95", "hi95", "n_obs", "plan", "plan_source",
    "p_meet_plan", "pace_required", "last_value", "last_as_of", "prev_year_end", "notes",
]


@dataclass
class ForecastResult:
    """A year-end forecast for one place and indicator.

    Attributes
    ----------
    geo_name, geo_code, geo_level, boundaries : str
        The place.
    indicator : str
    year : int
        Year whose 31 December value is forecast.
    as_of : str
        ISO date: nothing dated later was used.
    method : str
        The method actually used (``auto`` is resolved; see ``notes``).
    forecast : float
        Median forecast of the 31 December value.
    lo80, hi80, lo95, hi95 : float
        Prediction intervals.
    n_obs : int
        Dated values of the series used (<= as_of).
    plan : float
        The year's plan when known on ``as_of`` (NaN otherwise).
    plan_source : str
        ``published`` or ``implied from attainment or shortfall`` (empty without a plan).
    p_meet_plan : float
        Probability that the 31 December value reaches the plan.
    pace_required : float
        Persons (or points) per month needed from ``as_of`` to reach the plan.
    last_value : float
    last_as_of : str
    prev_year_end : float
        31 December value of the previous year (NaN if unknown).
    notes : str
        How the method was chosen and caveats.
    extra : dict
        Other levels' intervals (``lo50`` ...), if requested.
    """

    geo_name: str
    geo_code: str
    geo_level: str
    boundaries: str
    indicator: str
    year: int
    as_of: str
    method: str
    forecast: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float
    n_obs: int
    plan: float
    plan_source: str
    p_meet_plan: float
    pace_required: float
    last_value: float
    last_as_of: str
    prev_year_end: float
    notes: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as a JSON-ready dictionary (NaN → None)."""
        d = asdict(self)
        extra = d.pop("extra")
        d.update(extra)
        return {k: (None if isinstance(v, float) and not np.isfinite(v) else v)
                for k, v in d.items()}

    def to_frame(self) -> pd.DataFrame:
        """Return a one-row DataFrame with columns :data:`RESULT_COLUMNS` (+ extra levels)."""
        d = asdict(self)
        extra = d.pop("extra")
        return pd.DataFrame([{**{c: d[c] for c in RESULT_COLUMNS}, **extra}])


# --------------------------------------------------------------------------- geo

def _resolve_geo(obs: pd.DataFrame, geo: Any) -> tuple[tuple[str, str, str], str]:
    """Return ((boundaries, level, code), name) for a name, a Unit or a key tuple."""
    if isinstance(geo, tuple) and len(geo) == 3:
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
        return tuple(hit.iloc[0]), name  # type: ignore[return-value]
    from ..geo import get_registry

    unit = get_registry().resolve(name)
    return canonical_key(unit.boundaries, unit.level, unit.code), unit.name


# --------------------------------------------------------------------------- targets

def _targets(prep: Prepared, year: int, cutoff: pd.Timestamp,
             sids: np.ndarray | None = None) -> pd.DataFrame:
    """Last value <= cutoff of each series (or of ``sids``), with year information."""
    p = prep.points
    p = p[p["as_of"] <= cutoff]
    if sids is not None:
        p = p[p["sid"].isin(sids)]
    n_obs = p.groupby("sid").size()
    last = p.groupby("sid", sort=True).tail(1)
    tg = pd.DataFrame({"sid": last["sid"].to_numpy(), "last_as_of": last["as_of"].to_numpy(),
                       "v": last["value"].to_numpy(), "year": year})
    tg["t"] = months_elapsed(tg["last_as_of"], tg["year"])
    tg["n_obs"] = n_obs.reindex(tg["sid"]).to_numpy()
    tg = attach_year_info(tg, prep).drop(columns="actual")
    tg["ind_id"] = prep.series["ind_id"].to_numpy()[tg["sid"].to_numpy()]
    tg["observed"] = tg["t"] >= 12.0 - 1e-9
    return tg


def _plans_for(plans: pd.DataFrame, tg: pd.DataFrame, series: pd.DataFrame, year: int,
               as_of: pd.Timestamp) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised plan lookup (rule of :func:`known_plan`) for many targets."""
    pl = plans[plans["year"] == year]
    keycols = [*KEY, "indicator"]
    pub = pl[(pl["kind"] == "published") & (as_of >= pd.Timestamp(year=year, month=1, day=1))]
    pub = pub.groupby(keycols)["plan"].median().rename("pub")
    imp = pl[(pl["kind"] == "implied") & (pl["as_of"] <= as_of)].sort_values("as_of")
    imp = imp.groupby(keycols)["plan"].last().rename("imp")
    info = series.iloc[tg["sid"].to_numpy()][keycols].reset_index(drop=True)
    info = info.join(pub, on=keycols).join(imp, on=keycols)
    plan = info["pub"].fillna(info["imp"]).to_numpy(dtype=float)
    src = np.where(info["pub"].notna(), "published",
                   np.where(info["imp"].notna(), "implied from attainment or shortfall", ""))
    return plan, src


def _pace(last_value: np.ndarray, plan: np.ndarray, as_of: pd.Timestamp) -> np.ndarray:
    from ..metrics import pace_required

    return np.asarray(pace_required(last_value, plan, [as_of] * len(plan)), dtype=float) \
        if len(plan) else np.zeros(0)


def forecast_many(obs: pd.DataFrame, year: int, as_of: str | pd.Timestamp,
                  indicator: str | Sequence[str] | None = None,
                  method: str = "seasonal_profile",
                  levels: Sequence[int] = (80, 95)) -> pd.DataFrame:
    """Forecast the 31 December value of ``year`` for every series with data <= ``as_of``.

    Vectorised over series: 3,321 communes take a few seconds.

    Parameters
    ----------
    obs : DataFrame
        Observations table.
    year : int
    as_of : str or Timestamp
        Nothing dated later is used.
    indicator : str or sequence of str, optional
        Forecastable indicator(s); default all.
    method : {"seasonal_profile", "run_rate", "last_value", "auto"}
        ``auto`` chooses per indicator by backtest skill on earlier years.
    levels : sequence of int

    Returns
    -------
    DataFrame
        Columns :data:`RESULT_COLUMNS` (+ other levels), one row per series, sorted by
        key and indicator.
    """
    if method not in (*SPARSE_METHODS, "auto"):
        raise ForecastError(f"forecast_many: method {method!r} not vectorised; use one of "
                            f"{(*SPARSE_METHODS, 'auto')}")
    inds = [indicator] if isinstance(indicator, str) else (list(indicator) if indicator else None)
    for ind in inds or []:
        if ind not in FORECASTABLE:
            raise ForecastError(f"unknown indicator {ind!r}; forecastable: {', '.join(FORECASTABLE)}")
    check_columns(obs)
    as_of = pd.Timestamp(as_of)
    levels = tuple(sorted(set(levels) | {80, 95}))
    cutoff = min(as_of, pd.Timestamp(year=year, month=12, day=31))
    fams = [f for f in (PARTICIPANTS, COVERAGE) if any(inds is None or i in inds for i in f)]
    obs_all = slim(obs, [i for f in fams for i in f])
    obs_cut = obs_all[obs_all["as_of"] <= cutoff]
    out = []
    # Participants and coverage rates are learned separately (different dynamics).
    for fam in (PARTICIPANTS, COVERAGE):
        wanted = [i for i in fam if inds is None or i in inds]
        if not wanted:
            continue
        # Learn from the whole family (as forecast_year_end does), report the wanted.
        prep = prepare(obs_cut, fam, with_plans=False)
        sids = prep.series.index[prep.series["indicator"].isin(wanted)].to_numpy()
        if len(sids) == 0:
            continue
        tg = _targets(prep, year, cutoff, sids)
        res = _run(prep, tg, method, year, levels)
        plan, src = _plans_for(_plans(obs_all, wanted), res, prep.series, year, as_of)
        out.append(_assemble(prep, res, plan, src, as_of, levels))
    if not out:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    return pd.concat(out, ignore_index=True).sort_values([*KEY, "indicator"], ignore_index=True)


def _run(prep: Prepared, tg: pd.DataFrame, method: str, year: int,
         levels: Sequence[int]) -> pd.DataFrame:
    """Forecast targets with ``method`` (auto resolved per indicator); observed ones kept."""
    tg = tg.reset_index(drop=True)
    pairs = prep.pairs()
    if method == "auto":
        bt = backtest(prep, methods=SPARSE_METHODS, indicators=None, max_series=AUTO_MAX_SERIES)
        names = prep.series["indicator"].to_numpy()[tg["sid"].to_numpy()]
        chosen = {ind: choose_auto(bt, year, ind) for ind in np.unique(names)}
        parts = []
        for ind, (m, note) in chosen.items():
            sub = tg[names == ind]
            parts.append(run_methods(prep, sub, [m], levels, pairs).assign(notes=note))
        res = pd.concat(parts, ignore_index=True) if parts else tg.assign(method="auto")
    else:
        res = run_methods(prep, tg, [method], levels, pairs).assign(notes="")
    # The run-rate is undefined without the previous year-end: fall back, and say so.
    undefined = res["forecast"].isna().to_numpy()
    if undefined.any():
        fb = run_methods(prep, res.loc[undefined, tg.columns], ["seasonal_profile"], levels,
                         pairs)
        fb["notes"] = (res.loc[undefined, "notes"].to_numpy() + np.where(
            res.loc[undefined, "notes"].to_numpy() == "", "", "; ")
            + f"{method}: undefined without the previous year-end; seasonal_profile used")
        res = pd.concat([res[~undefined], fb], ignore_index=True)
    # A year-end already observed on the as-of date is reported as such.
    obs_rows = res["observed"].to_numpy(dtype=bool)
    if obs_rows.any():
        for col in ["forecast", *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]:
            res.loc[obs_rows, col] = res.loc[obs_rows, "v"]
        res.loc[obs_rows, "scale"] = 0.0
        res.loc[obs_rows, "method"] = "observed"
    return res


def _assemble(prep: Prepared, res: pd.DataFrame, plan: np.ndarray, src: np.ndarray,
              as_of: pd.Timestamp, levels: Sequence[int]) -> pd.DataFrame:
    s = prep.series.iloc[res["sid"].to_numpy()].reset_index(drop=True)
    with np.errstate(invalid="ignore"):
        p_meet = np.where(res["scale"].to_numpy() > 0,
                          prob_at_least(plan, res["loc"].to_numpy(), res["scale"].to_numpy(),
                                        res["df"].to_numpy()),
                          np.where(np.isnan(plan), np.nan,
                                   (res["forecast"].to_numpy() >= plan).astype(float)))
    out = pd.DataFrame({
        "geo_name": s["geo_name"], "geo_code": s["geo_code"], "geo_level": s["geo_level"],
        "boundaries": s["boundaries"], "indicator": s["indicator"],
        "year": res["year"].astype(int).to_numpy(), "as_of": as_of.strftime("%Y-%m-%d"),
        "method": res["method"].to_numpy(), "forecast": res["forecast"].to_numpy(),
        **{f"{b}{lev}": res[f"{b}{lev}"].to_numpy() for lev in levels for b in ("lo", "hi")},
        "n_obs": res["n_obs"].astype(int).to_numpy(), "plan": plan, "plan_source": src,
        "p_meet_plan": p_meet, "pace_required": _pace(res["v"].to_numpy(), plan, as_of),
        "last_value": res["v"].to_numpy(),
        "last_as_of": pd.to_datetime(res["last_as_of"]).dt.strftime("%Y-%m-%d").to_numpy(),
        "prev_year_end": res["prev_ye"].to_numpy(), "notes": res["notes"].to_numpy(),
    })
    # Coverage rates cannot exceed 100 %: cap the forecast and the intervals.
    pct = out["indicator"].str.endswith("_pct").to_numpy()
    if pct.any():
        bounded = ["forecast", *[f"{b}{lev}" for lev in levels for b in ("lo", "hi")]]
        out.loc[pct, bounded] = out.loc[pct, bounded].clip(upper=100.0)
    extra = [c for c in out.columns if c not in RESULT_COLUMNS]
    out = out[RESULT_COLUMNS + extra]
    return out.sort_values([*KEY, "indicator"], ignore_index=True)


def forecast_year_end(obs: pd.DataFrame, geo: Any, indicator: str, year: int,
                      as_of: str | pd.Timestamp, method: str = "auto",
                      levels: Sequence[int] = (80, 95)) -> ForecastResult:
    """Forecast the 31 December value of one place's indicator from data up to ``as_of``.

    Parameters
    ----------
    obs : DataFrame
        Observations table (schema of ``docs/architecture.md``).
    geo : str, Unit or tuple
        A place name (resolved with the geography registry; exact ``geo_name`` matches
        in ``obs`` are accepted first, e.g. synthetic places), a
        :class:`bhxh_analysis.geo.Unit`, or a ``(boundaries, geo_level, geo_code)`` key.
    indicator : str
        A forecastable indicator (``bhxh_participants``, ``bhyt_coverage_pct`` ...).
    year : int
    as_of : str or Timestamp
        Only rows dated ``<= as_of`` are used (plans: see module docstring).
    method : {"auto", "run_rate", "last_value", "seasonal_profile", "ets"}
        ``auto`` picks by backtest skill on the data before ``as_of`` and reports it.
    levels : sequence of int
        Interval levels in percent (80 and 95 always included).

    Returns
    -------
    ForecastResult

    Raises
    ------
    ForecastError
        Unknown indicator or method, no data of this place and indicator up to
        ``as_of``, or a method that cannot be applied (run-rate without a previous
        year-end, ETS without 36 consecutive months).
    bhxh_analysis.geo.GeoError
        Unknown or ambiguous place.
    """
    if indicator not in FORECASTABLE:
        raise ForecastError(f"unknown indicator {indicator!r}; forecastable: "
                            f"{', '.join(FORECASTABLE)}")
    if method not in METHODS:
        raise ForecastError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    check_columns(obs)
    key, name = _resolve_geo(obs, geo)
    as_of = pd.Timestamp(as_of)
    year = int(year)
    cutoff = min(as_of, pd.Timestamp(year=year, month=12, day=31))
    obs_all = slim(obs, family(indicator))
    obs_cut = obs_all[obs_all["as_of"] <= cutoff]
    prep = prepare(obs_cut, family(indicator), with_plans=False)
    s = prep.series
    hit = s.index[(s["boundaries"] == key[0]) & (s["geo_level"] == key[1])
                  & (s["geo_code"] == key[2]) & (s["indicator"] == indicator)]
    if len(hit) == 0:
        raise ForecastError(f"no {indicator} data for {name} ({key[0]} {key[1]} {key[2]}) "
                            f"dated on or before {as_of:%Y-%m-%d}")
    sid = int(hit[0])
    levels = tuple(sorted(set(levels) | {80, 95}))
    tg = _targets(prep, year, cutoff, np.array([sid]))
    notes: list[str] = []
    use = method
    series_pts = prep.points[prep.points["sid"] == sid]
    if bool(tg["observed"].iloc[0]):
        use = "last_value"  # the 31 December value is known: _run reports it as observed
        notes.append(f"31 December {year} value observed on or before the as-of date")
    elif method == "auto":
        use, note = _auto_single(prep, tg, sid, series_pts, year, cutoff)
        notes.append(note)
    if use == "ets":
        res = _ets_result(series_pts, tg, year, cutoff, levels)
    else:
        if use == "run_rate" and np.isnan(tg["prev_ye"].iloc[0]) and tg["t"].iloc[0] > 0:
            raise ForecastError(f"run_rate needs the 31 December {year - 1} value of {indicator} "
                                f"for {name}; none is known")
        res = _run(prep, tg, use, year, levels)
        if res["notes"].iloc[0]:  # e.g. a fallback from an undefined run-rate
            notes.append(str(res["notes"].iloc[0]))
    if tg["t"].iloc[0] < 0:
        notes.append(f"no value in {year} or at end-{year - 1}: projected from "
                     f"{pd.Timestamp(tg['last_as_of'].iloc[0]):%Y-%m-%d}")
    res["notes"] = "; ".join(notes)
    plan_v, plan_src = known_plan(_plans(obs_all, [indicator]), key, indicator, year, as_of)
    out = _assemble(prep, res, np.array([plan_v]), np.array([plan_src]), as_of, levels)
    row = out.iloc[0].to_dict()
    extra = {c: float(row.pop(c)) for c in list(row) if c not in RESULT_COLUMNS}
    row["geo_name"] = name
    row = {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
    return ForecastResult(**row, extra=extra)


def _auto_single(prep: Prepared, tg: pd.DataFrame, sid: int, pts: pd.DataFrame, year: int,
                 cutoff: pd.Timestamp) -> tuple[str, str]:
    """Choose the method for one series by backtest skill on data before the as-of."""
    from .dense import MIN_MONTHS, monthly_tail

    indicator = prep.series.loc[sid, "indicator"]
    t = float(tg["t"].iloc[0])
    bt = backtest(prep, methods=SPARSE_METHODS, indicators=None)
    best, note = choose_auto(bt, year, indicator)
    if monthly_tail(pts, cutoff) is None:
        return best, note
    # Dense series: compare ETS with the sparse choice on this series' recent years.
    mine = bt[(bt["geo_code"] == prep.series.loc[sid, "geo_code"])
              & (bt["indicator"] == indicator) & (bt["method"] == best)
              & (bt["year"] < year) & ((bt["months_elapsed"] - t).abs() <= 1.5)]
    mine = mine.sort_values("as_of").tail(2)
    if len(mine) == 0:
        return best, note
    ape_ets = []
    for row in mine.itertuples(index=False):
        ser = monthly_tail(pts, pd.Timestamp(row.as_of))
        if ser is None:
            return best, note
        from .dense import ets_forecast

        f = ets_forecast(ser, int(row.year))["forecast"]
        ape_ets.append(abs(f - row.actual) / row.actual * 100.0)
    e_ets, e_best = float(np.mean(ape_ets)), float(mine["ape"].mean())
    cmp = f"ETS {e_ets:.2f}% vs {best} {e_best:.2f}% on this series' last {len(mine)} years"
    if e_ets < e_best:
        return "ets", f"auto: ets (dense series, >= {MIN_MONTHS} months; {cmp})"
    return best, f"{note}; {cmp}"


def _ets_result(pts: pd.DataFrame, tg: pd.DataFrame, year: int, cutoff: pd.Timestamp,
                levels: Sequence[int]) -> pd.DataFrame:
    from .dense import MIN_MONTHS, ets_forecast, monthly_tail

    ser = monthly_tail(pts, cutoff)
    if ser is None:
        raise ForecastError(f"ets needs at least {MIN_MONTHS} consecutive month-end values "
                            f"up to {cutoff:%Y-%m-%d}")
    f = ets_forecast(ser, year, levels)
    res = tg.reset_index(drop=True).assign(method="ets", df=1e6, notes="",
                                           **{k: v for k, v in f.items()})
    return res
