"""Preparation of observations for forecasting: series, points, year-ends, targets.

Everything here is vectorised over the whole observations table. A *series* is one
(``boundaries``, ``geo_level``, ``geo_code``, ``indicator``); a *point* is one dated
value of a series (when sources conflict on the same date the forecaster picks one
value, never an average, by :func:`bhxh_analysis.sources.curated.source_order`: the
most authoritative kind of source, then the first source id, then the first ``obs_id``;
both figures stay in the observations table and in ``consistency.csv``); a *year-end*
is a point dated 31 December.

Time inside a year is measured in months elapsed since 31 December of the previous
year, ``t = days since 31 Dec (Y-1) / (days in Y / 12)``: 0 at the previous
year-end, ≈ 10 on 31 October, 12 on 31 December (the convention of
:func:`bhxh_analysis.metrics.months_remaining`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..schema import DENOMINATORS, FORECASTABLE, SCHEMES, UNIT_KEY
from ..sources.curated import SOURCE_ORDER, source_order

PARTICIPANTS: tuple[str, ...] = tuple(f"{s}_participants" for s in SCHEMES)
KEY = UNIT_KEY
REQUIRED = [*KEY, "geo_name", "as_of", "indicator", "value"]
#: Year-end to year-end gaps longer than this are not used to estimate growth.
MAX_GROWTH_GAP = 6
#: The nation's territory did not change in 2025: its rows form one series whatever
#: boundary set they were filed under, keyed with this value.
NATION_BOUNDARIES = "legacy"
#: Scale of plausible trend growth (log/year) when shrinking volatile trends to zero.
GROWTH_TAU = 0.10
COVERAGE: tuple[str, ...] = tuple(f"{s}_coverage_pct" for s in SCHEMES)


def family(indicator: str) -> tuple[str, ...]:
    """Indicators pooled with ``indicator`` when learning (participants or coverage rates)."""
    return COVERAGE if indicator.endswith("_coverage_pct") else PARTICIPANTS


def canonical_key(boundaries: str, level: str, code: str) -> tuple[str, str, str]:
    """Series key of a unit (the nation has one key across boundary sets)."""
    return (NATION_BOUNDARIES if level == "nation" else boundaries, level, code)


def _canonical(df: pd.DataFrame) -> pd.DataFrame:
    """Give nation rows the canonical boundary set (see :data:`NATION_BOUNDARIES`)."""
    nation = df["geo_level"] == "nation"
    if nation.any():
        df = df.assign(boundaries=df["boundaries"].where(~nation, NATION_BOUNDARIES))
    return df


def _indicators(obs: pd.DataFrame) -> set[str]:
    """The distinct indicators of ``obs`` (without converting the whole column)."""
    return {str(u) for u in pd.unique(obs["indicator"])}


class ForecastError(ValueError):
    """A forecast that cannot be made (unknown indicator, no data before as-of, ...)."""


def plan_indicator(indicator: str) -> str | None:
    """Return the plan indicator matching ``indicator`` (``None`` for rates)."""
    if indicator.endswith("_participants"):
        return indicator[: -len("participants")] + "plan_participants"
    if indicator.endswith("_coverage_pct"):
        return indicator[: -len("coverage_pct")] + "plan_coverage_pct"
    return None


def months_elapsed(dates: pd.Series | pd.DatetimeIndex, year: np.ndarray | pd.Series) -> np.ndarray:
    """Months elapsed from 31 December of ``year - 1`` to ``dates`` (may be negative)."""
    dates = pd.DatetimeIndex(dates)
    year = np.asarray(year, dtype=np.int64)
    origin = pd.to_datetime({"year": year - 1, "month": 12, "day": 31})
    days = (dates.to_numpy() - origin.to_numpy()).astype("timedelta64[D]").astype(float)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return days / (np.where(leap, 366.0, 365.0) / 12.0)


def slim(obs: pd.DataFrame, indicators: list[str] | tuple[str, ...] | None = None,
         cutoff: pd.Timestamp | None = None) -> pd.DataFrame:
    """Columns and rows the forecaster reads: the indicators, their plans, their inputs.

    Besides ``indicators``: their plans, the figures plans and denominators are implied
    from (attainment, shortfalls, coverage, participants) and the denominators
    themselves. Selecting the few needed columns before filtering rows, and holding
    text as plain object arrays, keeps large (simulated) tables fast. ``source_id`` is
    kept (filled when a user's table lacks it), and so are ``value_raw`` and ``note``
    (empty when absent): the printed precision gives an implied plan its rounding
    interval (:func:`pick_plans` tells a conflict from rounding by it). With ``cutoff``,
    rows dated after it are dropped — the vintage cut.
    """
    check_columns(obs)
    inds = list(indicators) if indicators is not None else list(FORECASTABLE)
    schemes = {i.rsplit("_", 2)[0] if i.endswith("_coverage_pct") else i[: -len("_participants")]
               for i in inds}
    related = set(inds) | set(DENOMINATORS)
    for s in schemes:
        related |= {f"{s}_{m}" for m in ("participants", "coverage_pct", "plan_participants",
                                         "plan_coverage_pct", "attainment_pct",
                                         "shortfall_participants", "shortfall_pp")}
    cols = [*KEY, "geo_name", "indicator", "as_of", "value"]
    text = ("source_id", "value_raw", "note")
    df = obs.loc[obs["indicator"].astype(str).isin(sorted(related)),
                 [*cols, *[c for c in text if c in obs.columns]]]
    # Plain object arrays: every later selection copies pointers, not Arrow strings.
    df = df.assign(as_of=pd.to_datetime(df["as_of"]).astype("datetime64[ns]"),
                   **{c: df[c].astype(str).astype(object)
                      for c in [*KEY, "geo_name", "indicator", "source_id"] if c in df.columns},
                   **{c: df[c].where(df[c].notna(), "").astype(str).astype(object)
                      for c in ("value_raw", "note") if c in df.columns})
    if "source_id" not in df.columns:
        df = df.assign(source_id="user")
    df = df.assign(**{c: "" for c in ("value_raw", "note") if c not in df.columns})
    if cutoff is not None:
        df = df[df["as_of"] <= cutoff]
    return df


def check_columns(obs: pd.DataFrame) -> None:
    """Raise :class:`ForecastError` naming the columns ``obs`` lacks."""
    missing = [c for c in REQUIRED if c not in obs.columns]
    if missing:
        raise ForecastError(f"observations table lacks column(s) {missing}; "
                            "see docs/architecture.md for the schema")


@dataclass
class Prepared:
    """Forecast-ready views of an observations table.

    Attributes
    ----------
    series : DataFrame
        One row per series, index ``sid``: key columns, ``indicator``, ``geo_name``,
        ``ind_id`` (integer code of the indicator).
    points : DataFrame
        ``sid, as_of, value, n_src, year, t, is_ye`` sorted by ``sid, as_of``.
    year_ends : DataFrame
        ``sid, year, ye, g_hat, g_sd`` where ``g_hat`` is the typical annual log growth
        known once this year-end is known (see :func:`_growth_estimate`) and ``g_sd``
        the spread of the last three annualised growth rates (NaN with fewer than two).
    plans : DataFrame
        Plan rows (:func:`plans_table`): key columns, ``indicator`` (the
        participants/coverage indicator the plan is for), ``year``, ``plan``, ``as_of``
        (published date as stored), ``kind`` (``published`` or ``implied from attainment
        or shortfall``), ``source_id``, ``known_from`` ...
    """

    series: pd.DataFrame
    points: pd.DataFrame
    year_ends: pd.DataFrame
    plans: pd.DataFrame
    _pairs: pd.DataFrame | None = None
    _cases: pd.DataFrame | None = None
    _raw: dict | None = None
    _all: pd.DataFrame | None = None

    def pairs(self) -> pd.DataFrame:
        """Training pairs (:func:`training_pairs`), computed once."""
        if self._pairs is None:
            self._pairs = training_pairs(self)
        return self._pairs

    @property
    def indicators(self) -> list[str]:
        """Indicators present, sorted."""
        return sorted(self.series["indicator"].unique())


def prepare(obs: pd.DataFrame, indicators: list[str] | tuple[str, ...] | None = None,
            with_plans: bool = True) -> Prepared:
    """Build series, points, year-ends and plans from an observations table.

    Parameters
    ----------
    obs : DataFrame
        Observations (schema of ``docs/architecture.md``); extra columns are ignored.
    indicators : sequence of str, optional
        Restrict to these forecastable indicators (default: all of :data:`FORECASTABLE`).
    with_plans : bool
        Also collect the plans (skipped by callers that look plans up separately).

    Returns
    -------
    Prepared

    Examples
    --------
    >>> from bhxh_analysis.forecast import example_observations, prepare
    >>> p = prepare(example_observations(), ["bhxh_participants"])
    >>> sorted(set(p.series["indicator"]))
    ['bhxh_participants']
    >>> bool(p.points["as_of"].is_monotonic_increasing or len(p.series) > 1)
    True
    """
    check_columns(obs)
    wanted = list(indicators) if indicators is not None else list(FORECASTABLE)
    cols = [*KEY, "geo_name", "indicator", "as_of", "value"]
    ids = [c for c in ("source_id", "obs_id") if c in obs.columns]
    df = _canonical(obs.loc[obs["indicator"].isin(wanted), [*cols, *ids]])
    df = df.assign(as_of=pd.to_datetime(df["as_of"]).astype("datetime64[ns]"),
                   value=pd.to_numeric(df["value"], errors="coerce"))
    df = df[df["value"].notna() & (df["value"] > 0) & df["as_of"].notna()]

    # Series id: factorize the four key columns once (sorted uniques), combine the codes.
    grp_cols = [*KEY, "indicator"]
    codes, uniques = [], []
    for c in grp_cols:
        k, u = pd.factorize(df[c], sort=True)
        codes.append(k.astype(np.int64))
        uniques.append(np.asarray(u, dtype=object))
    combo = np.zeros(len(df), dtype=np.int64)
    for k, u in zip(codes, uniques, strict=True):
        combo = combo * (len(u) + 1) + k
    ukeys, first, sid = np.unique(combo, return_index=True, return_inverse=True)
    sid = sid.reshape(-1)
    series = pd.DataFrame({c: u[k[first]] for c, k, u in zip(grp_cols, codes, uniques, strict=True)})
    series = series.astype(str)
    series["geo_name"] = df["geo_name"].to_numpy()[first].astype(str)
    series.index.name = "sid"
    series["ind_id"] = pd.Categorical(series["indicator"], categories=sorted(wanted)).codes

    pts = pd.DataFrame({"sid": sid, "as_of": df["as_of"].to_numpy(),
                        "value": df["value"].to_numpy(dtype=float)})
    pts = pts.assign(**{c: k.to_numpy() for c, k in source_order(df).items()})
    pts = pts.sort_values(["sid", "as_of", *SOURCE_ORDER], kind="stable", ignore_index=True)
    # Conflicting figures for one date: keep the most authoritative one (never average).
    pts["n_src"] = pts.groupby(["sid", "as_of"], sort=False)["value"].transform("size")
    pts = pts.drop_duplicates(["sid", "as_of"], keep="first", ignore_index=True)
    pts = pts.drop(columns=SOURCE_ORDER)
    pts["year"] = pts["as_of"].dt.year.astype(np.int64)
    pts["is_ye"] = (pts["as_of"].dt.month == 12) & (pts["as_of"].dt.day == 31)
    pts["t"] = months_elapsed(pts["as_of"], pts["year"])

    ye = pts.loc[pts["is_ye"], ["sid", "year", "value"]].rename(columns={"value": "ye"})
    ye = ye.reset_index(drop=True)
    ye["g_hat"], ye["g_sd"] = _growth_estimate(ye)
    plans = plans_table(obs, wanted, implied_plans_known(obs)) if with_plans else \
        pd.DataFrame(columns=PLAN_TABLE_COLUMNS)
    return Prepared(series=series, points=pts, year_ends=ye, plans=plans)


def _growth_estimate(ye: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Typical annual log growth and its spread, per series, at each year-end.

    Growth = mean of (the latest annualised year-end to year-end log growth rate) and
    (the median of the last three), multiplied by ``tau² / (tau² + sd²)`` with
    ``tau =`` :data:`GROWTH_TAU`; spread ``sd`` = sd of the last three (NaN with < 2,
    then no shrinkage).
    """
    same = ye["sid"].eq(ye["sid"].shift(1)).to_numpy()
    gap = (ye["year"] - ye["year"].shift(1)).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        gr = np.log(ye["ye"].to_numpy() / ye["ye"].shift(1).to_numpy()) / gap
    gr = np.where(same & (gap <= MAX_GROWTH_GAP), gr, np.nan)
    stack = [gr]
    for lag in (1, 2):
        prev = pd.Series(gr).shift(lag).to_numpy()
        ok = ye["sid"].eq(ye["sid"].shift(lag)).to_numpy()
        stack.append(np.where(ok, prev, np.nan))
    arr = np.vstack(stack)
    med = np.full(arr.shape[1], np.nan)
    sd = np.full(arr.shape[1], np.nan)
    n = (~np.isnan(arr)).sum(axis=0)
    med[n > 0] = np.nanmedian(arr[:, n > 0], axis=0)
    sd[n > 1] = np.nanstd(arr[:, n > 1], axis=0, ddof=1)
    # Most recent rate known at each year-end (carried over a year-end whose gap was
    # too long to give one).
    last = pd.Series(gr).groupby(ye["sid"].to_numpy()).ffill().to_numpy()
    # Half the median (robust to a one-off year), half the latest rate (responsive to a
    # change of regime, e.g. voluntary BHXH after 2021).
    g = np.where(np.isnan(last), med, 0.5 * last + 0.5 * med)
    # Trust a trend in proportion to how steady it has been: shrink towards no growth
    # (a random walk) with weight tau² / (tau² + sd²) — steady BHXH/BHTN/BHYT keep
    # ~95 % of their trend, voluntary BHXH after its doublings keeps a few per cent.
    w = np.where(np.isnan(sd), 1.0, GROWTH_TAU**2 / (GROWTH_TAU**2 + np.nan_to_num(sd) ** 2))
    return g * w, sd


#: Fewer training pairs than this in a user's table: learn from the embedded data too.
MIN_POOL_PAIRS = 20


def reference_observations(obs: pd.DataFrame) -> pd.DataFrame | None:
    """The embedded observations, to learn within-year patterns for a thin user table.

    ``None`` when there is no processed build (nothing to borrow; the notes say so) or
    when ``obs`` is that table itself.
    """
    try:
        from ..observations import load_observations

        ref = load_observations(rebuild=False)
    except Exception:  # no processed build: nothing to borrow
        return None
    if ref is obs or (len(ref) == len(obs) and ref.index.equals(obs.index)):
        return None
    return ref


def borrow(prep: Prepared, obs_cut: pd.DataFrame, fam: tuple[str, ...],
           cutoff: pd.Timestamp, ref: pd.DataFrame | None) -> tuple[Prepared, bool]:
    """Learn a thin user table together with the embedded observations cut at ``cutoff``.

    With fewer than :data:`MIN_POOL_PAIRS` training pairs in ``prep`` (the user's rows
    of family ``fam`` cut at ``cutoff``), the reference rows dated on or before
    ``cutoff`` of every series the user's cut table does not hold are added and the
    family is prepared again. One function for :func:`~bhxh_analysis.forecast.forecast`
    and :func:`~bhxh_analysis.forecast.backtest`, so that a backtest case is what the
    forecast made on its as-of date learned from. Returns the prepared table and
    whether anything was borrowed.
    """
    if ref is None or len(prep.pairs()) >= MIN_POOL_PAIRS:
        return prep, False
    mine = set(map(tuple, obs_cut[[*KEY, "indicator"]].drop_duplicates().to_numpy()))
    r = slim(ref, list(fam), cutoff)
    r = r[[tuple(x) not in mine for x in r[[*KEY, "indicator"]].to_numpy()]]
    if not len(r):
        return prep, False
    return prepare(pd.concat([obs_cut[r.columns], r], ignore_index=True), fam,
                   with_plans=False), True


def own_sids(prep: Prepared, obs_cut: pd.DataFrame) -> np.ndarray:
    """Series ids of ``prep`` whose place is one of the user's (never a borrowed one)."""
    mine_keys = obs_cut[[*KEY]].drop_duplicates()
    return prep.series.reset_index().merge(mine_keys, on=KEY)["sid"].to_numpy()


def derived_rows(obs: pd.DataFrame, indicators: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Implied denominators: rows of :func:`bhxh_analysis.metrics.derive` for ``indicators``.

    The forecaster never re-derives a figure: implied denominators (participants ÷
    coverage, shortfall persons ÷ shortfall points) come from the metrics rule table
    (implied plans from :func:`implied_plans_known`). Call it on observations already
    cut at the as-of date. Only the inputs those rules read are passed (fast on large
    panels); without any coverage or shortfall figure nothing can be implied and
    ``derive`` is skipped. Returns ``KEY, indicator, as_of, value, value_lo, value_hi,
    method, source_id, obs_id`` with text as ``str`` (the ids order two derived
    denominators of one year: :func:`bhxh_analysis.forecast.bounds.rank_denominators`;
    ``value_hi``, the largest value the inputs' rounding allows, is what a bound may use;
    ``value_lo``–``value_hi`` is the range a plan converted with it carries).
    """
    cols = [*KEY, "indicator", "as_of", "value", "value_lo", "value_hi", "method",
            "source_id", "obs_id"]
    schemes = sorted({i.rsplit("_", 2)[0] if i.endswith("_coverage_pct")
                      else i[: -len("_participants")] for i in indicators})
    trigger = [f"{s}_{m}" for s in schemes
               for m in ("shortfall_participants", "shortfall_pp", "coverage_pct")]
    needed = trigger + [f"{s}_participants" for s in schemes]
    present = _indicators(obs)
    rows = obs[obs["indicator"].isin(needed)] if present & set(trigger) else obs.iloc[0:0]
    if not (_indicators(rows) & set(trigger)):
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "as_of" else
                                          (float if c.startswith("value") else str))
                             for c in cols})
    from .. import metrics

    rows = rows.copy()
    if "obs_id" not in rows.columns:
        rows["obs_id"] = [f"row{i}" for i in range(len(rows))]
    if "source_id" not in rows.columns:
        rows["source_id"] = "user"
    d = metrics.derive(rows)
    out = d[cols].copy()
    for c in [*KEY, "indicator", "method", "source_id", "obs_id"]:
        out[c] = out[c].astype(str)
    out["as_of"] = pd.to_datetime(out["as_of"]).astype("datetime64[ns]")
    out["value"] = pd.to_numeric(out["value"], errors="coerce")
    out["value_lo"] = pd.to_numeric(out["value_lo"], errors="coerce").fillna(out["value"])
    out["value_hi"] = pd.to_numeric(out["value_hi"], errors="coerce").fillna(out["value"])
    return _canonical(out)


#: Figures that, with participants or coverage, imply a plan (metrics plan rules).
PLAN_TRIGGERS = ("_attainment_pct", "_shortfall_participants", "_shortfall_pp")


def implied_plans_known(obs: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """:func:`bhxh_analysis.metrics.implied_plans` of ``obs``, those known by ``as_of``.

    The forecaster never re-derives a plan: the metrics rules derive them once (from
    the whole table) and a plan counts from the date of the later of its two inputs
    (``known_from``), the same as deriving from the table cut at the as-of date.
    A user's table without ``obs_id`` or ``source_id`` gets placeholders. Nation rows
    take the canonical key (:data:`NATION_BOUNDARIES`).
    """
    from ..metrics import implied_plans
    from ..metrics.plans import PLAN_COLUMNS

    # Only a scheme with an attainment or shortfall figure can imply a plan (the rules
    # join figures of one scheme): derive from those schemes' rows only, or not at all.
    inds = pd.Series(sorted(_indicators(obs)), dtype=object)
    trig = inds[inds.str.endswith(PLAN_TRIGGERS)]
    schemes = {i[: -len(t)] for i in trig for t in PLAN_TRIGGERS if i.endswith(t)}
    rows = obs[obs["indicator"].isin([*trig, *[f"{s}_{m}" for s in schemes for m in (
        "participants", "new_participants", "coverage_pct")]])]
    if not len(trig) or not len(rows):
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "known_from" else
                                          (float if c.startswith("plan") else object))
                             for c in PLAN_COLUMNS})
    fill = {c: (lambda d: [f"row{i}" for i in range(len(d))]) if c == "obs_id" else "user"
            for c in ("obs_id", "source_id") if c not in rows.columns}
    return _canonical(implied_plans(rows.assign(**fill) if fill else rows, as_of=as_of))


#: Kinds of plan, in the order one is preferred to another for a series and year: a plan
#: in the series' own measure, published or implied, before one computed from the
#: scheme's plan in the other measure and the year's denominator (whose own kind,
#: published or implied, orders those).
PUBLISHED, IMPLIED = "published", "implied from attainment or shortfall"
FROM_COVERAGE, FROM_PERSONS = "from the coverage plan", "from the plan in persons"
PLAN_TIERS: dict[tuple[str, str], int] = {
    (PUBLISHED, PUBLISHED): 0, (IMPLIED, IMPLIED): 1,
    (FROM_COVERAGE, PUBLISHED): 2, (FROM_COVERAGE, IMPLIED): 3,
    (FROM_PERSONS, PUBLISHED): 2, (FROM_PERSONS, IMPLIED): 3,
}
PLAN_TABLE_COLUMNS = [*KEY, "indicator", "year", "plan", "plan_lo", "plan_hi", "as_of", "kind",
                      "basis_kind", "source_id", "known_from", "basis", "denominator",
                      "denominator_kind", "denominator_values"]


def _plan_rows(obs: pd.DataFrame, plan_of: dict[str, str],
               implied: pd.DataFrame | None) -> pd.DataFrame:
    """Published plan rows of ``obs`` and ``implied`` plans whose indicator is in ``plan_of``.

    ``indicator`` becomes the series the plan is for (``plan_of``); a published plan is
    known from 1 January of its year, an implied one from its ``known_from``.
    """
    has_src = "source_id" in obs.columns
    p = _canonical(obs.loc[obs["indicator"].isin(list(plan_of)),
                           [*KEY, "indicator", "as_of", "value",
                            *(["source_id"] if has_src else [])]])
    p = p.assign(as_of=pd.to_datetime(p["as_of"]).astype("datetime64[ns]"),
                 plan=pd.to_numeric(p["value"], errors="coerce"))
    p = p.assign(indicator=p["indicator"].map(plan_of), year=p["as_of"].dt.year,
                 plan_lo=p["plan"], plan_hi=p["plan"], kind=PUBLISHED,
                 source_id=p["source_id"].astype(str) if has_src else "user",
                 known_from=pd.to_datetime({"year": p["as_of"].dt.year, "month": 1, "day": 1}))
    cols = [*KEY, "indicator", "year", "plan", "plan_lo", "plan_hi", "as_of", "kind",
            "source_id", "known_from"]
    parts = [p[cols]]
    if implied is not None and len(implied):
        d = implied[implied["indicator"].isin(list(plan_of))]
        if len(d):
            parts.append(d.assign(indicator=d["indicator"].map(plan_of).astype(object),
                                  as_of=d["known_from"], kind=IMPLIED,
                                  source_id=d["source_id"].astype(str))[cols])
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    out = out.assign(year=out["year"].astype(np.int64),
                     known_from=pd.to_datetime(out["known_from"]).astype("datetime64[ns]"))
    return out[out["plan"].notna() & (out["plan"] > 0)]


def _other_measure(indicator: str) -> tuple[str, str, float] | None:
    """``(other plan indicator, kind, power)`` converting a plan into ``indicator``'s measure.

    A participants series takes the coverage plan × denominator ÷ 100 (power 1); a
    coverage series the plan in persons ÷ denominator × 100 (power −1). ``None`` for a
    scheme without a denominator (household BHYT).
    """
    from ..schema import DENOMINATOR

    for measure, other, kind, power in (("participants", "plan_coverage_pct", FROM_COVERAGE, 1.0),
                                        ("coverage_pct", "plan_participants", FROM_PERSONS, -1.0)):
        scheme = indicator.removesuffix(f"_{measure}")
        if scheme != indicator and scheme in DENOMINATOR:
            return f"{scheme}_{other}", kind, power
    return None


def _converted(obs: pd.DataFrame, wanted: list[str] | tuple[str, ...],
               implied: pd.DataFrame | None, den: pd.DataFrame) -> pd.DataFrame:
    """Plans of the other measure turned into each wanted series' measure (see plans_table)."""
    from .bounds import KIND_RANK, denominator_of

    conv = {i: c for i in wanted if (c := _other_measure(i))}
    if not conv or den is None or not len(den):
        return pd.DataFrame(columns=PLAN_TABLE_COLUMNS)
    rows = _plan_rows(obs, {c[0]: i for i, c in conv.items()}, implied)
    if not len(rows):
        return pd.DataFrame(columns=PLAN_TABLE_COLUMNS)
    # the year's own denominator only (no allowance for another year's), best kind first
    d = den.assign(_rank=den["kind"].map(KIND_RANK).fillna(9))
    d = d.sort_values([*KEY, "denominator", "year", "_rank"], kind="stable")
    d = d.assign(values=d["values"].fillna("").astype(str) if "values" in d.columns else "")
    # the range a derived denominator's inputs allow (the value itself when published)
    d = d.assign(**{c: (pd.to_numeric(d[c], errors="coerce").fillna(d["value"])
                        if c in d.columns else d["value"]) for c in ("value_lo", "value_hi")})
    d = d.drop_duplicates([*KEY, "denominator", "year"])[[*KEY, "denominator", "year", "value",
                                                          "value_lo", "value_hi", "kind",
                                                          "values"]]
    rows = rows.assign(denominator=rows["indicator"].map(denominator_of))
    m = rows.merge(d.rename(columns={"kind": "denominator_kind", "values": "denominator_values"}),
                   on=[*KEY, "denominator", "year"], how="inner")
    power = m["indicator"].map(lambda i: conv[i][2]).to_numpy(float)
    den, den_lo, den_hi = (m[c].to_numpy(float) for c in ("value", "value_lo", "value_hi"))
    scale = np.where(power > 0, den / 100.0, 100.0 / den)
    # a derived denominator's range widens the converted plan: a coverage plan over a
    # labour force of 798,906–879,600 is a count of that width, not one exact number
    lo = np.where(power > 0, den_lo / 100.0, 100.0 / den_hi)
    hi = np.where(power > 0, den_hi / 100.0, 100.0 / den_lo)
    # ... unless the denominator is the series' own participants ÷ its published rate:
    # then the plan is participants × plan ÷ rate, and only the rate's interval is left
    f_lo, f_hi = _rate_only(obs, m)
    own = (power > 0) & np.isfinite(f_lo) & np.isfinite(f_hi)
    lo, hi = np.where(own, den * f_lo / 100.0, lo), np.where(own, den * f_hi / 100.0, hi)
    m = m.assign(basis=m["plan"], basis_kind=m["kind"],
                 kind=m["indicator"].map(lambda i: conv[i][1]),
                 plan=m["plan"] * scale, plan_lo=m["plan_lo"] * lo,
                 plan_hi=m["plan_hi"] * hi, denominator=m["value"])
    # a rate above 100 % is impossible: such a plan (a persons plan above the published
    # population) is not turned into a coverage plan
    m = m[~((power < 0) & (m["plan"] > 100.0))]
    return m[PLAN_TABLE_COLUMNS]


def _rate_only(obs: pd.DataFrame, m: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``rate ÷ rate_hi`` and ``rate ÷ rate_lo`` where a derived denominator of ``m`` is a
    participants figure of the plan's own series ÷ its scheme's rate of that date × 100.

    Cà Mau 5/12/2024: "hơn 1 triệu" BHYT participants at 95 % give a population of
    1.041.666–1.164.021, and a 93,45 % plan times it a plan of 973.437–1.087.778. But that
    population is the series' own figure ÷ the rate, so the plan is ``participants × plan
    ÷ rate``: measured against the same series the participants' rounding cancels, and the
    plan is the central plan × these factors (973.437–988.889 over 94,5–96 %). NaN where
    the denominator is published, summed, or not found to be such a quotient.
    """
    from ..metrics import figure_bounds

    f_lo, f_hi = np.full(len(m), np.nan), np.full(len(m), np.nan)
    derived = (m["denominator_kind"] == "derived").to_numpy() if len(m) else np.zeros(0, bool)
    if not derived.any():
        return f_lo, f_hi
    key = [*KEY, "as_of"]
    cols = [*key, "value", *[c for c in ("value_raw", "note") if c in obs.columns]]
    for i in np.flatnonzero(derived):
        row = m.iloc[i]
        scheme = str(row["indicator"]).removesuffix("_participants")
        here = obs[(obs["boundaries"] == row["boundaries"]) & (obs["geo_level"] == row["geo_level"])
                   & (obs["geo_code"] == row["geo_code"])
                   & (pd.to_datetime(obs["as_of"]).dt.year == int(row["year"]))]
        rate = here.loc[here["indicator"] == f"{scheme}_coverage_pct", cols]
        count = here.loc[here["indicator"] == row["indicator"], [*key, "value"]]
        pair = rate.merge(count, on=key, suffixes=("", "_p"))
        with np.errstate(divide="ignore", invalid="ignore"):
            same = np.isclose(pair["value_p"] / pair["value"] * 100.0, float(row["value"]),
                              rtol=1e-9)
        if same.any():
            r = pair[same].iloc[[0]].reset_index(drop=True)
            b = figure_bounds(r.drop(columns=["value_p"]))
            v, r_lo, r_hi = float(r["value"].iloc[0]), float(b["lo"].iloc[0]), float(b["hi"].iloc[0])
            if 0 < r_lo <= v <= r_hi:
                f_lo[i], f_hi[i] = v / r_hi, v / r_lo
    return f_lo, f_hi


def plans_table(obs: pd.DataFrame, wanted: list[str] | tuple[str, ...],
                implied: pd.DataFrame | None = None,
                denominators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Published plans (observations), implied plans (metrics) and converted plans in one table.

    A series' plan is in its own measure: persons for participants, per cent for a
    coverage rate. When ``denominators`` is given, the scheme's plan in the other measure
    is converted too, with the denominator of the plan's own year (population for BHYT,
    labour force for BHXH and BHTN, :data:`bhxh_analysis.schema.DENOMINATOR`; published
    before summed before derived, as the bounds rank them): participants plan = coverage
    plan × denominator ÷ 100 (kind ``from the coverage plan``), coverage plan = plan in
    persons ÷ denominator × 100 (kind ``from the plan in persons``; never above 100 %).
    :func:`pick_plans` uses such a plan only when the series has none in its own measure.

    Parameters
    ----------
    obs : DataFrame
        Observations; published plan rows are read from it whatever their date (a
        plan is set before its year starts).
    wanted : sequence of str
        Forecastable indicators whose plans are wanted.
    implied : DataFrame, optional
        :func:`implied_plans_known` on the as-of date (implied plans count only once
        their inputs are dated on or before it).
    denominators : DataFrame, optional
        :func:`bhxh_analysis.forecast.bounds.denominators` known on the as-of date (the
        table the bounds use); without it no plan is converted.

    Returns
    -------
    DataFrame
        :data:`PLAN_TABLE_COLUMNS`: ``KEY, indicator`` (the indicator the plan is for),
        ``year, plan, plan_lo, plan_hi`` (the interval of an implied plan's rounding),
        ``as_of`` (a published plan's date as stored, or the date an implied one is known
        from), ``kind`` (``published``, ``implied from attainment or shortfall``, ``from
        the coverage plan``, ``from the plan in persons``), ``basis_kind`` (the kind of
        the plan converted), ``source_id``, ``known_from`` (1 January of the year for a
        published plan), ``basis`` (the plan converted), ``denominator`` (its value),
        ``denominator_kind`` and ``denominator_values`` (the figures of that kind and year
        when sources differ, the one used first: ``values`` of
        :func:`bhxh_analysis.forecast.bounds.denominators`; empty otherwise).

    Examples
    --------
    >>> obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "province", "geo_code": "33",
    ...     "indicator": ["bhyt_plan_coverage_pct", "population"],
    ...     "as_of": pd.to_datetime(["2022-12-31", "2022-07-01"]), "value": [92.0, 1290850.0]})
    >>> from bhxh_analysis.forecast.bounds import denominators
    >>> t = plans_table(obs, ["bhyt_participants"], None, denominators(obs, None, 2022))
    >>> t[["indicator", "plan", "kind", "basis", "denominator"]].values.tolist()
    [['bhyt_participants', 1187582.0, 'from the coverage plan', 92.0, 1290850.0]]
    """
    plan_of = {plan_indicator(i): i for i in wanted if plan_indicator(i)}
    own = _plan_rows(obs, plan_of, implied)
    own = own.assign(basis_kind=own["kind"], basis=np.nan, denominator=np.nan,
                     denominator_kind="", denominator_values="")[PLAN_TABLE_COLUMNS]
    parts = [own]
    if denominators is not None:
        conv = _converted(obs, wanted, implied, denominators)
        if len(conv):
            parts.append(conv)
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else own
    out = out.astype({"plan": float, "plan_lo": float, "plan_hi": float, "basis": float,
                      "denominator": float})
    return out.sort_values([*KEY, "indicator", "year", "as_of", "kind", "source_id"],
                           ignore_index=True)


def pick_plans(plans: pd.DataFrame, year: int, as_of: pd.Timestamp,
               kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The plan of each series for ``year`` known on ``as_of``: one, never an average.

    A plan counts from its ``known_from`` (1 January of its year when published: plans
    are set before the year starts; implied plans are already those known on the as-of
    date). The kinds are tried in the order of :data:`PLAN_TIERS` (published, implied,
    converted from a published plan, converted from an implied one); within a kind,
    as for conflicting observations, the most authoritative kind of source, then the
    source id (:func:`bhxh_analysis.sources.curated.source_order`), then the latest
    known, then the most precise (an implied plan's narrowest rounding interval: a shortfall in persons
    before a rounded % of plan of the same article). Plans
    of the chosen kind that cannot all be true (published values that differ; implied
    intervals that do not overlap) are a *conflict*: the chosen plan is kept and
    ``n_plans`` and ``values`` say what else was published.

    Parameters
    ----------
    plans : DataFrame
        :func:`plans_table` rows.
    year : int
    as_of : Timestamp
    kinds : tuple of str, optional
        Only plans of these kinds (e.g. ``("published",)``).

    Returns
    -------
    DataFrame
        One row per ``KEY, indicator``: ``plan, plan_lo, plan_hi`` (the range of a plan
        derived from rounded figures; both ``plan`` otherwise), ``kind, source_id, basis,
        denominator, denominator_kind, denominator_values, conflict`` (bool), ``n_plans`` (distinct
        values of the chosen kind) and ``values`` (each value with its source, for a note).

    Examples
    --------
    >>> t = pd.DataFrame({"boundaries": "legacy", "geo_level": "province", "geo_code": "77",
    ...     "indicator": "bhyt_participants", "year": 2022, "plan": [9.2e5, 9.15e5],
    ...     "plan_lo": [9.2e5, 9.15e5], "plan_hi": [9.2e5, 9.15e5], "kind": "published",
    ...     "basis_kind": "published", "source_id": ["news-1", "news-0"],
    ...     "known_from": pd.Timestamp("2022-01-01"), "basis": np.nan, "denominator": np.nan,
    ...     "denominator_kind": ""})
    >>> r = pick_plans(t, 2022, pd.Timestamp("2022-09-30")).iloc[0]
    >>> float(r["plan"]), r["source_id"], bool(r["conflict"]), r["values"]
    (915000.0, 'news-0', True, '915000 (news-0); 920000 (news-1)')
    """
    cols = [*KEY, "indicator", "plan", "plan_lo", "plan_hi", "kind", "source_id", "basis",
            "denominator", "denominator_kind", "denominator_values", "conflict", "n_plans",
            "values"]
    p = plans[(plans["year"] == year) & (pd.to_datetime(plans["known_from"]) <= as_of)]
    if "denominator_values" not in p.columns:  # a table built by hand
        p = p.assign(denominator_values="")
    if kinds is not None:
        p = p[p["kind"].isin(kinds)]
    if not len(p):
        return pd.DataFrame(columns=cols)
    p = p.assign(_tier=[PLAN_TIERS.get((k, b), 9) for k, b in zip(p["kind"], p["basis_kind"],
                                                                   strict=True)],
                 _width=(p["plan_hi"] - p["plan_lo"]).fillna(0.0))
    p = p.assign(**{c: k.to_numpy() for c, k in source_order(p).items()})
    keys = [*KEY, "indicator"]
    order = [*keys, "_tier", "_source_rank", "_source_id", "known_from", "_width", "plan",
             "_obs_id"]
    p = p.sort_values(order, ascending=[o != "known_from" for o in order], kind="stable")
    best = p.drop_duplicates(keys)
    # the chosen kind's other plans, for the conflict test and the note (vectorised: a
    # panel of thousands of communes has one plan each, the text is built only for the
    # few series with several values)
    same = p.merge(best[[*keys, "_tier"]], on=[*keys, "_tier"])
    g = same.groupby(keys, sort=False)
    summ = pd.DataFrame({"conflict": g["plan_lo"].max() > g["plan_hi"].min() * (1 + 1e-9)})
    distinct = same.assign(_v=same["plan"].round(6)).drop_duplicates([*keys, "_v"])
    summ["n_plans"] = distinct.groupby(keys, sort=False).size()
    summ = summ.reset_index()
    many = distinct.merge(summ.loc[summ["n_plans"] > 1, keys], on=keys)
    many = many.assign(_t=[f"{v:.0f} ({s})" if v >= 1000 else f"{v:g} ({s})"
                           for v, s in zip(many["plan"], many["source_id"], strict=True)])
    text = many.groupby(keys, sort=False)["_t"].agg("; ".join).rename("values").reset_index()
    summ = summ.merge(text, on=keys, how="left")
    summ["values"] = summ["values"].astype(object).where(summ["values"].notna(), "")
    out = best.merge(summ, on=keys, how="left")
    return out[cols].reset_index(drop=True)


def known_plan(plans: pd.DataFrame, key: tuple[str, str, str], indicator: str, year: int,
               as_of: pd.Timestamp) -> tuple[float, str]:
    """Return the plan for one series and year known on ``as_of`` (NaN if none) and its kind.

    The choice of :func:`pick_plans`: a published plan (known from 1 January of its
    year) before an implied one (known from the date of the figures implying it) before
    one converted from the scheme's other plan; among several of one kind, the most
    authoritative source's — never their median.
    """
    p = plans[(plans["boundaries"] == key[0]) & (plans["geo_level"] == key[1])
              & (plans["geo_code"] == key[2]) & (plans["indicator"] == indicator)]
    got = pick_plans(p, year, as_of)
    if not len(got):
        return float("nan"), ""
    return float(got["plan"].iloc[0]), str(got["kind"].iloc[0])


def attach_year_info(df: pd.DataFrame, prep: Prepared) -> pd.DataFrame:
    """Attach ``prev_ye`` (year-end of ``year - 1``), ``g_hat``, ``g_sd`` and ``actual`` (year-end of ``year``).

    ``g_hat`` and ``g_sd`` are the growth estimate and its spread known at the latest
    year-end before ``year`` (0 when a series has too few year-ends).
    """
    ye = prep.year_ends
    out = df.merge(ye[["sid", "year", "ye"]].rename(columns={"ye": "actual"}),
                   on=["sid", "year"], how="left")
    prev = ye[["sid", "year", "ye"]].assign(year=ye["year"] + 1).rename(columns={"ye": "prev_ye"})
    out = out.merge(prev, on=["sid", "year"], how="left")
    # Growth known before the year started: latest year-end with year <= Y-1.
    g = ye[["sid", "year", "g_hat", "g_sd"]].dropna(subset=["g_hat"])
    g = g.assign(year=g["year"] + 1)
    g = g.rename(columns={"year": "g_year"}).sort_values("g_year")
    out = out.reset_index(drop=True)
    out["_row"] = np.arange(len(out))
    srt = out.sort_values("year")[["_row", "sid", "year"]]
    srt = srt.astype({"year": np.int64})
    g = g.astype({"g_year": np.int64})
    merged = pd.merge_asof(srt, g, left_on="year", right_on="g_year", by="sid",
                           direction="backward")
    merged = merged.set_index("_row").reindex(out["_row"])
    out["g_hat"] = merged["g_hat"].fillna(0.0).to_numpy()
    out["g_sd"] = merged["g_sd"].fillna(0.0).to_numpy()
    return out.drop(columns="_row")


def training_pairs(prep: Prepared) -> pd.DataFrame:
    """Every (point, year-end of the same year) pair: what was known at ``t`` and the outcome.

    Includes ``t = 0`` pairs (previous year-end → year-end). Columns: ``sid, ind_id,
    year, t, v, prev_ye, g_hat, actual``.
    """
    p = prep.points
    within = p.loc[~p["is_ye"] & (p["t"] > 0) & (p["t"] < 12), ["sid", "year", "t", "value"]]
    within = within.rename(columns={"value": "v"})
    start = prep.year_ends[["sid", "year", "ye"]].assign(year=lambda d: d["year"] + 1, t=0.0)
    start = start.rename(columns={"ye": "v"})
    pairs = pd.concat([within, start[["sid", "year", "t", "v"]]], ignore_index=True)
    pairs = attach_year_info(pairs, prep)
    pairs = pairs[pairs["actual"].notna()].reset_index(drop=True)
    pairs["ind_id"] = prep.series["ind_id"].to_numpy()[pairs["sid"].to_numpy()]
    return pairs.sort_values(["year", "sid", "t"], ignore_index=True)
