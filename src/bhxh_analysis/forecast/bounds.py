"""Possible bounds of a forecast: counts within [0, denominator], rates within [0, 100].

A count of participants cannot exceed the people it is drawn from: BHYT participants
the population, BHXH and BHTN participants the labour force (the denominators of
:data:`bhxh_analysis.schema.DENOMINATOR`; household BHYT has none). The denominator of
the forecast year is looked up in this order:

1. a published figure of that year (official statistics, e.g. GSO average population);
2. for the nation, the sum of the legacy provinces' published figures of that year
   (only when all 63 are present);
3. a figure derived by :func:`bhxh_analysis.metrics.derive` from figures dated on or
   before the as-of date (participants ÷ coverage × 100);
4. otherwise the nearest year's figure of the same kinds, raised by
   :data:`ALLOWANCE` per year of distance (populations grow about 1 % a year).

Several figures of one kind, place and year (two articles implying two populations) are
never averaged: one is chosen (:func:`rank_denominators`: the most authoritative source,
as for plans, then the latest date, then the first ``obs_id``) and the others stay in
``values``; a note names them and the flag ``denominator_conflict`` is set wherever the
forecast names that denominator (a bound reached, a plan converted with it).

The predictive distribution is *censored* at the bound: the forecast and the interval
ends are clipped to it and ``P(Y ≥ x) = 0`` for ``x`` above it. When the last known
value already exceeds the denominator (a place counting cards of non-residents, say),
the bound is raised to that value rather than contradicting the data.

A component is also bounded by its total (:data:`bhxh_analysis.schema.TOTAL_OF`:
compulsory and voluntary BHXH by BHXH, household BHYT by BHYT) when the total of the
same place is forecast for the same year and as-of date: :func:`cap_by_totals` holds
each of the component's quantiles (forecast, every interval end) at or below the
total's same quantile — ``C ≤ T`` implies ``q_C(p) ≤ q_T(p)`` at every level ``p`` —
and censors its distribution at the total's widest upper end (``bound_kind`` ``total``,
``bound_indicator`` the total). A component whose own history is thin (no backtest cases
of its own) no longer gets an interval reaching far above the total's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import DENOMINATOR, SUM_OF, TOTAL_OF
from ..sources.curated import SOURCE_ORDER, source_order
from ._prep import KEY, _canonical

#: Allowance for denominator growth per year between the figure's year and the forecast's.
ALLOWANCE = 0.02
#: Preference of kinds when several denominators exist for the same year (lower first).
KIND_RANK = {"published": 0, "sum of provinces": 1, "derived": 2}
#: Number of legacy provinces whose sum gives the nation's denominator.
N_LEGACY_PROVINCES = 63

BOUND_COLUMNS = ["upper_bound", "bound_indicator", "bound_year", "bound_kind"]


def denominator_of(indicator: str) -> str | None:
    """Return the denominator indicator of a participants or coverage indicator
    (``None`` if none): population for BHYT, the labour force for BHXH and BHTN.

    Examples
    --------
    >>> denominator_of("bhyt_participants"), denominator_of("bhxh_voluntary_participants")
    ('population', 'labour_force')
    >>> denominator_of("bhyt_coverage_pct")
    'population'
    >>> denominator_of("bhyt_household_participants") is None
    True
    """
    for measure in ("_participants", "_coverage_pct"):
        if indicator.endswith(measure):
            return DENOMINATOR.get(indicator[: -len(measure)])
    return None


def total_of(indicator: str) -> str | None:
    """Return the indicator a component's value can never exceed (``None`` if none).

    Participants of a component scheme are part of its total's participants; a coverage
    rate is bounded by its total's only when both share the denominator.

    Examples
    --------
    >>> total_of("bhxh_compulsory_participants"), total_of("bhyt_household_participants")
    ('bhxh_participants', 'bhyt_participants')
    >>> total_of("bhxh_voluntary_coverage_pct"), total_of("bhyt_household_coverage_pct")
    ('bhxh_coverage_pct', None)
    >>> total_of("bhxh_participants") is None
    True
    """
    for measure in ("participants", "coverage_pct"):
        scheme = indicator.removesuffix(f"_{measure}")
        if scheme == indicator or scheme not in TOTAL_OF:
            continue
        total = TOTAL_OF[scheme]
        if measure == "coverage_pct" and (DENOMINATOR.get(scheme) is None
                                          or DENOMINATOR.get(scheme) != DENOMINATOR.get(total)):
            return None
        return f"{total}_{measure}"
    return None


def _with_ids(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``source_id`` and ``obs_id`` as text (empty where a table lacks them)."""
    return df.assign(**{c: (df[c].where(df[c].notna(), "").astype(str) if c in df.columns
                            else "") for c in ("source_id", "obs_id")})


def rank_denominators(rows: pd.DataFrame) -> pd.DataFrame:
    """Denominator figures, best first within each place, denominator, year and kind.

    The explicit order that replaces a median (never an average): the kinds by
    :data:`KIND_RANK` (published, sum of provinces, derived); within a kind the one
    rule of which source to believe (:func:`bhxh_analysis.sources.curated.source_order`:
    the kind of source in ``sources.csv``, then the source id, then ``obs_id``) with
    the latest date before ``obs_id``, then the larger value (a bound that never cuts a
    figure it cannot tell apart from the other).

    Parameters
    ----------
    rows : DataFrame
        ``KEY, denominator, year, as_of, value, kind, source_id, obs_id``.

    Returns
    -------
    DataFrame
        ``rows`` sorted, the first of each ``KEY, denominator, year, kind`` the one used.

    Examples
    --------
    >>> rows = pd.DataFrame({"boundaries": "legacy", "geo_level": "province",
    ...     "geo_code": "68", "denominator": "population", "year": 2022, "kind": "derived",
    ...     "as_of": pd.to_datetime(["2022-03-31", "2022-09-30"]), "value": [1.3e6, 1.2e6],
    ...     "source_id": "news-1", "obs_id": ["a", "b"]})
    >>> rank_denominators(rows)["value"].tolist()  # same source: the latest date first
    [1200000.0, 1300000.0]
    """
    keys = [*KEY, "denominator", "year"]
    r = rows.assign(_kind=rows["kind"].map(KIND_RANK).fillna(9),
                    **{c: k.to_numpy() for c, k in source_order(rows).items()})
    order = [*keys, "_kind", "_source_rank", "_source_id", "as_of", "_obs_id", "value"]
    asc = [o not in ("as_of", "value") for o in order]
    return r.sort_values(order, ascending=asc, kind="stable").drop(
        columns=["_kind", *SOURCE_ORDER]).reset_index(drop=True)


def _value_text(values: pd.Series, sources: pd.Series) -> list[str]:
    """``value (source)`` of each figure, as the plan notes write them."""
    return [f"{v:,.0f} ({s})" if s else f"{v:,.0f}"
            for v, s in zip(values, sources, strict=True)]


def denominator_candidates(obs: pd.DataFrame, derived: pd.DataFrame | None,
                           year: int) -> pd.DataFrame:
    """Every denominator figure known up to ``year``, ranked (:func:`rank_denominators`).

    Published figures (dated in or before ``year``), the nation's sum of the 63 legacy
    provinces (each province's first-ranked figure of the year, so a province printed by
    two sources is added once) and derived figures.

    Returns
    -------
    DataFrame
        ``KEY, denominator, year, as_of, value, value_lo, value_hi, kind, source_id,
        obs_id``, best first (``value_lo``–``value_hi``: the range a derived figure's
        inputs allow; the value itself for published and summed figures).
    """
    names = sorted(set(DENOMINATOR.values()))
    cols = [*KEY, "indicator", "as_of", "value"]
    ids = [c for c in ("source_id", "obs_id") if c in obs.columns]
    pub = _with_ids(_canonical(obs.loc[obs["indicator"].isin(names), [*cols, *ids]]))
    pub = pub.assign(as_of=pd.to_datetime(pub["as_of"]), kind="published",
                     value=pd.to_numeric(pub["value"], errors="coerce"))
    pub = pub[(pub["as_of"].dt.year <= year) & pub["value"].notna()]
    pub = pub.assign(value_lo=pub["value"], value_hi=pub["value"])
    parts = [pub]
    prov = pub[(pub["geo_level"] == "province") & (pub["boundaries"] == "legacy")]
    if len(prov):
        # one figure per province and year (the first ranked) before the sum: two
        # sources of one province's population would otherwise both be added
        prov = rank_denominators(prov.assign(year=prov["as_of"].dt.year).rename(
            columns={"indicator": "denominator"}))
        prov = prov.drop_duplicates([*KEY, "denominator", "year"])
        g = prov.groupby(["denominator", "year"]).agg(n=("geo_code", "nunique"),
                                                      value=("value", "sum"))
        g = g[g["n"] >= N_LEGACY_PROVINCES].reset_index()
        if len(g):
            parts.append(pd.DataFrame({
                "boundaries": "legacy", "geo_level": "nation", "geo_code": "VN",
                "indicator": g["denominator"], "value": g["value"], "value_lo": g["value"],
                "value_hi": g["value"],
                "as_of": pd.to_datetime(g["year"].astype(str) + "-07-01"),
                "kind": "sum of provinces", "source_id": "", "obs_id": ""}))
    if derived is not None and len(derived):
        d = derived[derived["indicator"].isin(names)]
        dids = [c for c in ("source_id", "obs_id") if c in d.columns]
        value = pd.to_numeric(d["value"], errors="coerce")
        # a bound may use the largest value a derived figure's inputs allow ("trên 1
        # triệu" ÷ 95,9 % is 1,042,753 up to 1,147,088): a bound the data cannot break
        lo, hi = ((pd.to_numeric(d[c], errors="coerce").fillna(value) if c in d.columns
                   else value) for c in ("value_lo", "value_hi"))
        parts.append(_with_ids(d[[*cols, *dids]]).assign(
            kind="derived", as_of=pd.to_datetime(d["as_of"]), value=value,
            value_lo=lo.clip(upper=value), value_hi=hi.clip(lower=value)))
    allr = pd.concat(parts, ignore_index=True)
    allr = allr[allr["value"].notna() & (allr["value"] > 0)]
    allr = allr.assign(year=pd.to_datetime(allr["as_of"]).dt.year.astype(int))
    allr = allr.rename(columns={"indicator": "denominator"})
    return rank_denominators(allr[[*KEY, "denominator", "year", "as_of", "value", "value_lo",
                                   "value_hi", "kind", "source_id", "obs_id"]])


def denominators(obs: pd.DataFrame, derived: pd.DataFrame | None, year: int) -> pd.DataFrame:
    """Every known denominator figure up to ``year``: published, summed, derived.

    One figure per kind, chosen, never averaged (:func:`rank_denominators`: the most
    authoritative source, then the latest date, then the first ``obs_id``); the other
    figures of that kind stay visible in ``values`` (a note of the forecast says them).

    Parameters
    ----------
    obs : DataFrame
        Observations (published figures; only those dated in or before ``year``).
        ``source_id`` and ``obs_id`` order figures of one kind when present.
    derived : DataFrame
        :func:`bhxh_analysis.forecast._prep.derived_rows` of the observations cut at
        the as-of date.
    year : int

    Returns
    -------
    DataFrame
        ``KEY, denominator, year, value, value_lo, value_hi, kind, source_id``; one row
        per unit, denominator, year and kind; ``n_values`` (distinct figures of that kind) and
        ``values`` (each figure with its source, the one used first; empty unless
        ``n_values > 1``).

    Examples
    --------
    >>> obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "province",
    ...     "geo_code": "68", "indicator": "population", "value": [1.30e6, 1.33e6],
    ...     "as_of": pd.to_datetime(["2022-07-01", "2022-07-01"]),
    ...     "source_id": ["news-b", "news-a"], "obs_id": ["b-1", "a-1"]})
    >>> r = denominators(obs, None, 2022).iloc[0]
    >>> float(r["value"]), r["source_id"], int(r["n_values"]), r["values"]
    (1330000.0, 'news-a', 2, '1,330,000 (news-a); 1,300,000 (news-b)')
    """
    ranked = denominator_candidates(obs, derived, year)
    keys = [*KEY, "denominator", "year", "kind"]
    best = ranked.drop_duplicates(keys)
    distinct = ranked.assign(_v=ranked["value"].round(6)).drop_duplicates([*keys, "_v"])
    n = distinct.groupby(keys, sort=False).size().rename("n_values").reset_index()
    many = distinct.merge(n[n["n_values"] > 1], on=keys)
    many = many.assign(_t=_value_text(many["value"], many["source_id"]))
    text = many.groupby(keys, sort=False)["_t"].agg("; ".join).rename("values").reset_index()
    out = best[[*keys, "value", "value_lo", "value_hi", "source_id"]].merge(
        n, on=keys, how="left").merge(text, on=keys, how="left")
    out["values"] = out["values"].astype(object).where(out["values"].notna(), "")
    out = out[[*KEY, "denominator", "year", "value", "value_lo", "value_hi", "kind",
               "source_id", "n_values", "values"]]
    return out.sort_values([*KEY, "denominator", "year", "kind"], ignore_index=True)


def upper_bounds(series: pd.DataFrame, year: int, table: pd.DataFrame) -> pd.DataFrame:
    """The upper bound of each series' 31 December value of ``year``.

    Parameters
    ----------
    series : DataFrame
        ``KEY, indicator`` of each forecast (any index).
    year : int
    table : DataFrame
        :func:`denominators`.

    Returns
    -------
    DataFrame
        Same index as ``series``: ``upper_bound`` (NaN when unknown), ``bound_indicator``
        (``population``, ``labour_force`` or ``coverage`` for rates), ``bound_year``,
        ``bound_kind`` (``published``, ``sum of provinces``, ``derived``, ``rate``) and
        ``bound_values`` (the figures of that kind and year when sources differ: the
        ``values`` of :func:`denominators`, empty otherwise).
    """
    out = pd.DataFrame({"upper_bound": np.nan, "bound_indicator": "", "bound_year": np.nan,
                        "bound_kind": "", "bound_values": ""}, index=series.index)
    rate = series["indicator"].str.endswith("_pct")
    out.loc[rate, ["upper_bound", "bound_indicator", "bound_year", "bound_kind"]] = \
        [100.0, "coverage", float(year), "rate"]
    den = series["indicator"].map(lambda i: denominator_of(str(i)) or "")
    todo = series.loc[(den != "") & ~rate, KEY].assign(denominator=den[(den != "") & ~rate])
    if len(todo) == 0 or len(table) == 0:
        return out
    m = todo.reset_index().merge(table, on=[*KEY, "denominator"], how="inner")
    if len(m) == 0:
        return out
    m["dist"] = (m["year"] - year).abs()
    m["rank"] = m["kind"].map(KIND_RANK).fillna(9)
    m = m.sort_values(["index", "dist", "rank", "year"]).drop_duplicates("index")
    # the largest value the denominator's inputs allow (a derived one's rounding range)
    top = m["value_hi"].fillna(m["value"]) if "value_hi" in m.columns else m["value"]
    m["bound"] = top * (1.0 + ALLOWANCE) ** m["dist"]
    idx = m["index"].to_numpy()
    out.loc[idx, "upper_bound"] = m["bound"].to_numpy()
    out.loc[idx, "bound_indicator"] = m["denominator"].to_numpy()
    out.loc[idx, "bound_year"] = m["year"].to_numpy(dtype=float)
    out.loc[idx, "bound_kind"] = m["kind"].to_numpy()
    if "values" in m.columns:
        out.loc[idx, "bound_values"] = m["values"].fillna("").astype(str).to_numpy()
    return out


def bounds_at(obs: pd.DataFrame, derived: pd.DataFrame | None, series: pd.DataFrame,
              year: int, cutoff: pd.Timestamp) -> pd.DataFrame:
    """The bound of each series' 31 December ``year`` value as known on ``cutoff``.

    One lookup for :func:`bhxh_analysis.forecast.forecast` and for the backtest: the
    published denominators of the year (whatever their date: a physical limit, not a
    prediction) and the derived ones dated on or before ``cutoff``.

    Parameters
    ----------
    obs : DataFrame
        Observations (the published denominators are read from it).
    derived : DataFrame or None
        :func:`bhxh_analysis.forecast._prep.derived_rows` (rows dated after ``cutoff``
        are ignored, so it may be derived once from the whole table).
    series : DataFrame
        ``KEY, indicator`` of each forecast.
    year : int
    cutoff : Timestamp
        The as-of date.

    Returns
    -------
    DataFrame
        :func:`upper_bounds` (same index as ``series``).

    Examples
    --------
    >>> s = pd.DataFrame({"boundaries": ["legacy"], "geo_level": ["province"],
    ...                   "geo_code": ["01"], "indicator": ["bhyt_coverage_pct"]})
    >>> obs = pd.DataFrame(columns=[*KEY, "indicator", "as_of", "value"])
    >>> float(bounds_at(obs, None, s, 2024, pd.Timestamp("2024-06-30"))["upper_bound"].iloc[0])
    100.0
    """
    if derived is not None and len(derived):
        derived = derived[pd.to_datetime(derived["as_of"]) <= cutoff]
    return upper_bounds(series, year, denominators(obs, derived, year))


def censor(res: pd.DataFrame, bounds: pd.DataFrame,
           ends: list[str]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Clip the forecast and interval ends ``ends`` of ``res`` to ``[0, upper_bound]``.

    The censoring rule of the API and the backtest: a last value ``v`` above its
    denominator raises the bound to ``v`` (the data win over the bound).

    Parameters
    ----------
    res : DataFrame
        Method results with ``v`` (last value) and the columns ``ends``.
    bounds : DataFrame
        :func:`upper_bounds` rows aligned with ``res`` (by position).
    ends : list of str
        Columns to clip (``forecast``, ``lo80`` …).

    Returns
    -------
    res, upper, hit
        The clipped frame (a copy), the effective bound per row (NaN: none) and whether
        the widest interval reached it.

    Examples
    --------
    >>> r = pd.DataFrame({"v": [90.0], "forecast": [95.0], "lo80": [91.0], "hi80": [104.0]})
    >>> b = pd.DataFrame({"upper_bound": [100.0]})
    >>> out, up, hit = censor(r, b, ["forecast", "lo80", "hi80"])
    >>> float(out["hi80"].iloc[0]), bool(hit[0])
    (100.0, True)
    """
    res = res.copy()
    v = res["v"].to_numpy(float)
    upper = bounds["upper_bound"].to_numpy(float)
    upper = np.where(np.isfinite(upper), np.maximum(upper, v), upper)
    widest = [c for c in ends if c.startswith("hi")]
    before = (res[widest].to_numpy(float).max(axis=1) if widest
              else res[ends[0]].to_numpy(float))
    cap = np.where(np.isfinite(upper), upper, np.inf)
    for c in ends:
        res[c] = np.clip(res[c].to_numpy(float), 0.0, cap)
    return res, upper, np.isfinite(upper) & (before > upper)


def cap_by_totals(res: pd.DataFrame, ends: list[str]) -> pd.DataFrame:
    """Hold each component's forecast and interval ends at or below its total's.

    ``C ≤ T`` for a component ``C`` of a total ``T`` (:func:`total_of`) of the same place,
    year and as-of date implies that every quantile of ``C`` is at most the same quantile
    of ``T``: each of ``ends`` is clipped to the total's same column. A component whose
    last value is above its total's (figures of different dates or sources) is left as it
    is: the data win, as in :func:`censor`.
    Where a cap binds, the component is censored at the total's widest upper end:
    ``upper_bound`` (unless the one it had is lower), ``bound_indicator`` (the total),
    ``bound_kind`` ``total``, flag ``bounded``, a note. ``p_meet_plan`` is not changed
    here: :func:`bhxh_analysis.forecast.plan_bounds.hold_p` holds it at most the total's
    chance of reaching the same plan (0 above the new bound), for every component with a
    total forecast. Observed and refused rows, and components whose total is not in
    ``res``, are left as they are.

    Parameters
    ----------
    res : DataFrame
        Forecast rows (:data:`bhxh_analysis.forecast.RESULT_COLUMNS`).
    ends : list of str
        ``forecast`` and the interval ends (``lo80``, ``hi80`` …), lowest level first or not.

    Returns
    -------
    DataFrame
        A copy of ``res`` with the components capped.

    Examples
    --------
    >>> k = {"boundaries": "legacy", "geo_level": "province", "geo_code": "91", "year": 2025,
    ...      "as_of": pd.Timestamp("2025-05-31"), "method": "pooled_move", "flags": "",
    ...      "notes": "", "upper_bound": 9e5, "bound_indicator": "labour_force",
    ...      "bound_year": 2025.0, "bound_kind": "derived", "plan": np.nan,
    ...      "p_meet_plan": np.nan, "loc": np.nan, "scale": np.nan, "df": np.nan}
    >>> res = pd.DataFrame([
    ...     {**k, "indicator": "bhxh_participants", "last_value": 130e3, "forecast": 139e3,
    ...      "lo95": 117e3, "hi95": 166e3},
    ...     {**k, "indicator": "bhxh_compulsory_participants", "last_value": 101e3,
    ...      "forecast": 108e3, "lo95": 59e3, "hi95": 199e3}])
    >>> out = cap_by_totals(res, ["forecast", "lo95", "hi95"])
    >>> r = out.loc[1]
    >>> float(r["hi95"]), float(r["upper_bound"]), r["bound_indicator"], r["bound_kind"], r["flags"]
    (166000.0, 166000.0, 'bhxh_participants', 'total', 'bounded')
    """
    from .result import join_text

    res = res.copy()
    total = res["indicator"].map(lambda i: total_of(str(i)) or "")
    comp = (total != "") & (res["method"] != "observed") & res["forecast"].notna()
    if not comp.any():
        return res
    on = [*KEY, "year", "as_of"]
    side = [c for c in ("scale_lo", "scale_hi") if c in res]
    tot = res.loc[res["indicator"].isin(set(total[comp])), [*on, "indicator", *ends, "loc",
                                                             "scale", *side, "df",
                                                             "upper_bound", "last_value"]]
    tot = tot.rename(columns={"indicator": "total", **{c: f"t_{c}" for c in tot.columns
                                                       if c not in [*on, "indicator"]}})
    m = (res.loc[comp, on].assign(total=total[comp]).reset_index()
         .merge(tot, on=[*on, "total"], how="inner"))
    v = res.loc[m["index"].to_numpy(), "last_value"].to_numpy(float)
    m = m[m["t_forecast"].notna().to_numpy() & ~(v > m["t_last_value"].to_numpy(float))]
    if len(m) == 0:
        return res
    idx = m["index"].to_numpy()
    before = res.loc[idx, ends].to_numpy(float)
    caps = m[[f"t_{c}" for c in ends]].to_numpy(float)
    after = np.minimum(before, caps)
    hit = (after < before * (1.0 - 1e-12)).any(axis=1)
    if not hit.any():
        return res
    idx, m, after = idx[hit], m[hit], after[hit]
    res.loc[idx, ends] = after
    his = [c for c in ends if c.startswith("hi")] or ends
    cap = caps[hit][:, [ends.index(c) for c in his]].max(axis=1)
    own = res.loc[idx, "upper_bound"].to_numpy(float)
    res.loc[idx, "upper_bound"] = np.where(np.isfinite(own), np.minimum(own, cap), cap)
    res.loc[idx, "bound_indicator"] = m["total"].to_numpy()
    res.loc[idx, "bound_kind"] = "total"
    res.loc[idx, "bound_year"] = res.loc[idx, "year"].to_numpy(float)
    note = [f"held within the forecast of {t} (a part never exceeds its total; "
            f"upper end {c:,.0f})" for t, c in zip(m["total"], cap, strict=True)]
    res.loc[idx, "notes"] = join_text(res.loc[idx, "notes"].to_numpy(), np.array(note, dtype=object))
    flags = res.loc[idx, "flags"].astype(str)
    res.loc[idx, "flags"] = np.where(flags.str.split(";").map(lambda f: "bounded" in f),
                                     flags, join_text(flags.to_numpy(), "bounded", ";"))
    return res


#: How far a part may fall between a figure dated in the year and 31 December when an
#: upper end leans on that figure (:func:`cap_by_parts`, a sibling with no forecast).
#: In the data no part fell from a within-year figure to its year-end (compulsory BHXH,
#: BHXH less voluntary BHXH: 18 cases, the lowest ratio 1.009), and the largest fall of
#: BHXH less voluntary BHXH from one year-end to the next is 2.6 % (the nation, 2020);
#: 15 % is several times that, for a province losing an employer.
PART_FALL = 0.15


def sibling_of(indicator: str) -> tuple[str, str] | None:
    """The total and the other part of a part that, with one other, makes its total.

    :data:`bhxh_analysis.schema.SUM_OF` (BHXH = compulsory + voluntary), for
    participants and for coverage rates sharing the denominator (:func:`total_of`).

    Examples
    --------
    >>> sibling_of("bhxh_voluntary_participants")
    ('bhxh_participants', 'bhxh_compulsory_participants')
    >>> sibling_of("bhxh_compulsory_coverage_pct")
    ('bhxh_coverage_pct', 'bhxh_voluntary_coverage_pct')
    >>> sibling_of("bhyt_household_participants") is None  # BHYT has other parts
    True
    """
    total = total_of(indicator)
    if total is None:
        return None
    for measure in ("participants", "coverage_pct"):
        scheme = indicator.removesuffix(f"_{measure}")
        parts = SUM_OF.get(total.removesuffix(f"_{measure}"), ())
        if scheme != indicator and scheme in parts and len(parts) == 2:
            other = next(p for p in parts if p != scheme)
            return total, f"{other}_{measure}"
    return None


#: The "other part" of a part whose total has further groups besides it (household BHYT
#: in BHYT: :data:`bhxh_analysis.schema.TOTAL_OF` without :data:`~bhxh_analysis.schema.SUM_OF`):
#: the total less this part, with no forecast row of its own (:func:`other_of`).
REST = "rest"


def other_of(indicator: str) -> tuple[str, str] | None:
    """The total and the other part that hold a part (:func:`cap_by_parts`).

    :func:`sibling_of` where the total is the sum of two parts; for a part of a total
    with other groups too (household BHYT), ``(total, REST)``: the rest of the total,
    ``T − C``, enters as its last figure (the total's less the part's, where the two
    share a date) lowered by :data:`PART_FALL`, so ``C ≤ T_hi − (1 − PART_FALL)(T − C)``.

    Examples
    --------
    >>> other_of("bhyt_household_participants")
    ('bhyt_participants', 'rest')
    >>> other_of("bhxh_voluntary_participants")
    ('bhxh_participants', 'bhxh_compulsory_participants')
    >>> other_of("bhyt_participants") is None
    True
    """
    sib = sibling_of(indicator)
    if sib is not None:
        return sib
    total = total_of(indicator)
    return None if total is None else (total, REST)


#: Degrees of freedom standing for the normal: a Student-t this wide is the normal to
#: every digit a page prints.
NORMAL_DF = 1e6


def usable_df(df: np.ndarray) -> np.ndarray:
    """Student-t degrees of freedom, a missing or non-positive one read as the normal's
    (:data:`NORMAL_DF`): a forecast without its ``df`` (an ETS row, an older table) is
    read as a normal, never as NaN.

    Examples
    --------
    >>> usable_df(np.array([4.0, np.nan, 0.0, -1.0])).tolist()
    [4.0, 1000000.0, 1000000.0, 1000000.0]
    """
    df = np.asarray(df, dtype=float)
    return np.where(np.isfinite(df) & (df > 0), df, NORMAL_DF)


def quantile_beyond(rows: pd.DataFrame, side: str, p: np.ndarray | float) -> np.ndarray:
    """The value a forecast's distribution leaves ``p`` beyond, on ``side`` (``hi``/``lo``).

    ``hi``: ``x`` with ``P(Y > x) = p``; ``lo``: ``P(Y < x) = p``. Read off the
    interval ends as :func:`bhxh_analysis.forecast.result.intervals` made them: the
    side's log scale at 80 % and 95 % from ``loc`` and the ends, linear between the
    two levels (the calibration factors are), the 95 % one beyond it, the 80 % one
    inside it. An upper end at the forecast's bound (censored) gives the bound: the
    distribution above it is not known, and nothing lies above it. A known value
    (the ends equal to it) gives that value.

    Examples
    --------
    >>> r = pd.DataFrame({"loc": [np.log(100.0)], "df": [1e6], "upper_bound": [np.nan],
    ...     "forecast": [100.0], "hi80": [100 * np.exp(0.1 * 1.2816)],
    ...     "hi95": [100 * np.exp(0.1 * 1.96)], "lo80": [90.0], "lo95": [80.0]})
    >>> round(float(quantile_beyond(r, "hi", 0.0125)[0]), 1)  # exp(0.1 · 2.2414)
    125.1
    """
    from scipy import stats

    from .methods import t_ppf

    p = np.broadcast_to(np.asarray(p, dtype=float), len(rows))
    loc = rows["loc"].to_numpy(float)
    loc = np.where(np.isfinite(loc), loc, np.log(rows["forecast"].to_numpy(float)))
    df = usable_df(rows["df"].to_numpy(float))
    sign = 1.0 if side == "hi" else -1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        s80, s95 = (np.maximum(sign * (np.log(rows[f"{side}{lev}"].to_numpy(float)) - loc), 0.0)
                    / t_ppf(0.5 + lev / 200.0, df) for lev in (80, 95))
    level = 100.0 * (1.0 - 2.0 * p)
    w = np.clip((level - 80.0) / 15.0, 0.0, 1.0)
    q = stats.t.ppf(1.0 - p, df)
    out = np.exp(loc + sign * q * ((1.0 - w) * s80 + w * s95))
    if side == "hi":
        up = rows["upper_bound"].to_numpy(float)
        at = np.isfinite(up) & (rows["hi95"].to_numpy(float) >= up * (1.0 - 1e-9))
        out = np.where(at, up, np.where(np.isfinite(up), np.minimum(out, up), out))
    return out


def part_inputs(res: pd.DataFrame, i: int, sib: tuple[str, str], look: pd.Series,
                ) -> tuple[pd.DataFrame, pd.DataFrame | None, str, float] | None:
    """The total and the other part that hold part ``res.iloc[i]`` (:func:`cap_by_parts`).

    ``look`` maps ``(*KEY, year, as_of, indicator)`` to an index of ``res``. Returns
    ``(t_row, s_row, kind, s_value)``: the total's row, the other part's row (None when
    it has none), ``kind`` ``forecast`` (the other part's distribution enters),
    ``known`` (its 31 December value ``s_value``) or ``last figure`` (its last figure
    of the year lowered by :data:`PART_FALL`, ``s_value``, with the total's ends); None
    when nothing holds the part (no total forecast, or the part's last value above the
    total's: the data win).
    """
    r = res.iloc[i]
    total, other = sib
    key = tuple(r[c] for c in [*KEY, "year", "as_of"])
    ti, si = look.get((*key, total)), look.get((*key, other))
    if ti is None or not np.isfinite(res.at[ti, "forecast"]):
        return None
    t_row = res.loc[[ti]]
    if r["last_value"] > t_row["last_value"].iloc[0]:  # the data win
        return None
    s_row = res.loc[[si]] if si is not None else None
    if s_row is not None and np.isfinite(s_row["forecast"].iloc[0]):
        if s_row["method"].iloc[0] != "observed":
            return t_row, s_row, "forecast", np.nan
        return t_row, s_row, "known", float(s_row["forecast"].iloc[0])
    s_last = np.nan
    if (s_row is not None and pd.notna(s_row["last_as_of"].iloc[0])
            and pd.Timestamp(s_row["last_as_of"].iloc[0]).year == r["year"]):
        s_last = float(s_row["last_value"].iloc[0])
    elif pd.Timestamp(t_row["last_as_of"].iloc[0]) == pd.Timestamp(r["last_as_of"]):
        s_last = float(t_row["last_value"].iloc[0]) - float(r["last_value"])
    if not (np.isfinite(s_last) and s_last > 0):
        return None
    return t_row, s_row, "last figure", (1.0 - PART_FALL) * s_last


def part_lookup(res: pd.DataFrame) -> pd.Series:
    """``(*KEY, year, as_of, indicator)`` → index of ``res`` (the first of duplicates)."""
    look = res.reset_index().set_index([*KEY, "year", "as_of", "indicator"])["index"]
    return look[~look.index.duplicated()]


def cap_by_parts(res: pd.DataFrame, ends: list[str]) -> pd.DataFrame:
    """Hold a part's upper ends at or below its total's less its sibling's lower end.

    For a total ``T = C + S`` (:data:`bhxh_analysis.schema.SUM_OF`: BHXH = compulsory +
    voluntary) of the same place, year and as-of date, ``C = T − S``, so for any
    ``t`` and ``s``: ``P(C > t − s) ≤ P(T > t) + P(S < s)`` (Bonferroni). The upper end
    ``hi{L}`` of ``C`` leaves ``p = (1 − L/100)/2`` above it; it is held at or below
    ``t − s`` with ``t`` the value ``T``'s forecast leaves ``p/2`` above and ``s`` the
    value ``S``'s leaves ``p/2`` below (:func:`quantile_beyond`), which keeps
    ``P(C > hi{L}) ≤ p``. A sibling whose 31 December value is known (method
    ``observed``) enters as that value (``t`` then leaves ``p`` above). A sibling
    without a forecast enters as its last figure of the year (or, when ``T`` and ``C``
    have figures of the same date, ``T``'s less ``C``'s) lowered by :data:`PART_FALL`,
    a fall larger than any seen; ``t`` is then ``T``'s ``hi{L}``. An end is never put
    below the forecast. The point forecast, lower ends and bound are not changed (this
    is a statement about the upper end only); ``scale_hi`` follows a lowered ``hi80``,
    so ``prob_at_least(hi80)`` stays 0.10. ``p_meet_plan`` is not changed here, but the
    same inequality holds it: where a cap binds,
    :func:`bhxh_analysis.forecast.plan_bounds.hold_p` keeps ``P(C ≥ plan) ≤ min_s
    [P(T ≥ plan + s) + P(S < s)]`` (flag ``p_held_parts`` where that decides P; a plan
    above the capped ``hi95`` gets at most 2.5 %), so a page no longer prints a 95 %
    interval ending at 29,287 beside an 8 % chance of 29,467 (Sóc Trăng, voluntary BHXH,
    31/8/2022; measured in docs/forecasting.md, "P(meet plan) held to the interval"). Run after
    :func:`cap_by_totals` (whose bound, the total's widest upper end, stays). A part of a
    total with other groups too (household BHYT in BHYT, :func:`other_of`) has the rest
    of the total, ``T − C`` on the date both were published, as its other part, entering
    like a sibling without a forecast (flag ``bounded_rest``). As in
    :func:`cap_by_totals`, a part whose last value is above its total's is left alone.
    Where a cap binds, flag ``bounded_parts`` (``bounded_parts_last`` when the other
    part entered as its last figure) and a note.

    Parameters
    ----------
    res : DataFrame
        Forecast rows (:data:`bhxh_analysis.forecast.RESULT_COLUMNS`).
    ends : list of str
        ``forecast`` and the interval ends; the ``hi{L}`` among them are capped.

    Returns
    -------
    DataFrame
        A copy of ``res``.

    Examples
    --------
    >>> k = {"boundaries": "legacy", "geo_level": "province", "geo_code": "08", "year": 2020,
    ...      "as_of": pd.Timestamp("2020-07-31"), "method": "pooled_move", "flags": "",
    ...      "notes": "", "upper_bound": np.nan, "df": 1e6,
    ...      "last_as_of": pd.Timestamp("2020-07-31")}
    >>> def row(ind, v, f, s_lo, s_hi):
    ...     return {**k, "indicator": ind, "last_value": v, "forecast": f, "loc": np.log(f),
    ...             **{f"{b}{lev}": f * np.exp(sg * s * z) for lev, z in ((80, 1.2816),
    ...                (95, 1.96)) for b, sg, s in (("lo", -1, s_lo), ("hi", 1, s_hi))}}
    >>> res = pd.DataFrame([row("bhxh_participants", 59177.0, 62000.0, 0.02, 0.05),
    ...     row("bhxh_compulsory_participants", 49890.0, 51000.0, 0.02, 0.03),
    ...     row("bhxh_voluntary_participants", 9287.0, 12000.0, 0.1, 0.9)])
    >>> out = cap_by_parts(res, ["forecast", "lo80", "hi80", "lo95", "hi95"])
    >>> v = out.loc[2]
    >>> round(float(res.loc[2, "hi95"])), round(float(v["hi95"])), v["flags"]
    (70029, 20589, 'bounded_parts')
    >>> t = quantile_beyond(res.loc[[0]], "hi", 0.0125)[0]
    >>> s = quantile_beyond(res.loc[[1]], "lo", 0.0125)[0]
    >>> bool(np.isclose(v["hi95"], t - s))
    True
    """
    from .result import join_text

    res = res.copy()
    sib = res["indicator"].map(lambda i: other_of(str(i)))
    part = sib.notna() & (res["method"] != "observed") & res["forecast"].notna()
    his = [c for c in ends if c.startswith("hi")]
    if not part.any() or not his:
        return res
    look = part_lookup(res)
    caps = {c: np.full(len(res), np.inf) for c in his}
    how = np.full(len(res), "", dtype=object)
    for i in np.flatnonzero(part.to_numpy()):
        got = part_inputs(res, i, sib.iloc[i], look)
        if got is None:
            continue
        t_row, s_row, kind, s_value = got
        for c in his:
            p = (1.0 - float(c[2:]) / 100.0) / 2.0
            if kind == "forecast":
                cap = (quantile_beyond(t_row, "hi", p / 2.0)[0]
                       - quantile_beyond(s_row, "lo", p / 2.0)[0])
            elif kind == "known":
                cap = quantile_beyond(t_row, "hi", p)[0] - s_value
            else:
                cap = float(t_row[c].iloc[0]) - s_value
            how[i] = kind
            caps[c][i] = cap
    before = res[his].to_numpy(float, copy=True)  # not a view: res changes below
    cap = np.column_stack([caps[c] for c in his])
    fc = res["forecast"].to_numpy(float)[:, None]
    after = np.where(cap < before, np.maximum(cap, fc), before)
    hit = (after < before * (1.0 - 1e-12)).any(axis=1)
    if not hit.any():
        return res
    idx = res.index[hit]
    res.loc[idx, his] = after[hit]
    if "hi80" in his and "scale_hi" in res:
        # the upper side's scale follows the 80 % end, so the chance of a value agrees
        # with the interval shown (result.prob_at_least(hi80) = 0.10)
        from .methods import t_ppf

        j = idx[after[hit][:, his.index("hi80")] < before[hit][:, his.index("hi80")]]
        loc = res.loc[j, "loc"].to_numpy(float)
        z = t_ppf(0.90, usable_df(res.loc[j, "df"].to_numpy(float)))
        new = (np.log(res.loc[j, "hi80"].to_numpy(float)) - loc) / z
        res.loc[j, "scale_hi"] = np.where(np.isfinite(new) & (new > 0), new,
                                          res.loc[j, "scale_hi"].to_numpy(float))
    top = after[hit].max(axis=1)
    rest = np.array([sib.loc[j][1] == REST for j in idx])
    note = [(f"upper ends held at or below {sib.loc[j][0]}'s upper end less the rest of it "
             f"({sib.loc[j][0]} less this part on the same date, lowered by "
             f"{PART_FALL:.0%}; upper end {u:,.0f})") if r else
            (f"upper ends held at or below {sib.loc[j][0]}'s less {sib.loc[j][1]}'s lower "
             f"end (its {h}; a part is its total less the other part; upper end {u:,.0f})")
            for j, h, u, r in zip(idx, how[hit], top, rest, strict=True)]
    res.loc[idx, "notes"] = join_text(res.loc[idx, "notes"].to_numpy(),
                                      np.array(note, dtype=object))
    flag = np.where(rest, "bounded_rest",
                    np.where(how[hit] == "last figure", "bounded_parts_last", "bounded_parts"))
    res.loc[idx, "flags"] = join_text(res.loc[idx, "flags"].astype(str).to_numpy(),
                                      flag.astype(object), ";")
    return res
