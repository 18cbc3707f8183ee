"""Plans on a report page: which plan a place has, and the chance of meeting it.

The choice of a place's plan (:func:`plan_of`: the forecaster's own
:func:`~bhxh_analysis.forecast._prep.pick_plans`), the plans in persons that a
coverage plan gives with the year's denominator — computed by the forecaster's own
functions (:func:`bhxh_analysis.forecast._prep.plans_table`, the denominators of
:func:`bhxh_analysis.forecast.bounds.denominators`), so the report's choice of year and
its sentences count exactly the plans the forecast table sets a forecast against
(:func:`persons_plans`) — and ``P(31 December ≥ plan)`` from a forecast result.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .data import scheme_of
from .qualifiers import flags_of


def same_place(df: pd.DataFrame, r: pd.Series) -> pd.Series:
    """Rows of ``df`` about the place of row ``r``: same level, code and boundary set.

    The code alone is not enough: in a 2025 report Hồ Chí Minh (2025) and Hồ Chí Minh
    (until 30 June 2025) share code 79 and level, not the area.
    """
    return ((df["geo_level"] == r["geo_level"]) & (df["geo_code"] == r["geo_code"])
            & (df["boundaries"] == r["boundaries"]))


def _plan_candidates(published: pd.DataFrame, derived: pd.DataFrame | None, r: pd.Series,
                     indicator: str, year: int) -> pd.DataFrame:
    """The place's plans ``indicator`` of ``year`` as rows of the forecaster's plan table.

    Published figures are plans of kind ``published``, derived ones of kind ``implied``
    (with their rounding interval ``value_lo``–``value_hi`` and the date of their inputs
    when the derived table has them), so :func:`~bhxh_analysis.forecast._prep.pick_plans`
    orders them as it orders the forecaster's. ``_frame`` and ``_pos`` point back at the
    row each comes from.
    """
    from ..forecast._prep import IMPLIED, KEY, PLAN_TABLE_COLUMNS, PUBLISHED

    parts = []
    for n, (df, kind) in enumerate(((published, PUBLISHED), (derived, IMPLIED))):
        if df is None or not len(df):
            continue
        hit = df[(df["indicator"] == indicator) & same_place(df, r)
                 & (df["as_of"].dt.year == year)]
        if not len(hit):
            continue
        v = pd.to_numeric(hit["value"], errors="coerce").astype(float)
        bounds = {c: (pd.to_numeric(hit[f"value{c[4:]}"], errors="coerce").fillna(v)
                      if f"value{c[4:]}" in hit.columns else v) for c in ("plan_lo", "plan_hi")}
        jan1 = pd.Timestamp(year=year, month=1, day=1)
        known = (pd.to_datetime(hit["inputs_as_of"], errors="coerce").fillna(jan1)
                 if kind == IMPLIED and "inputs_as_of" in hit.columns
                 else pd.Series(jan1, index=hit.index))
        parts.append(pd.DataFrame({
            **{c: hit[c].astype(str).to_numpy() for c in KEY}, "indicator": indicator,
            "year": year, "plan": v.to_numpy(), **{c: b.to_numpy() for c, b in bounds.items()},
            "as_of": hit["as_of"].to_numpy(), "kind": kind, "basis_kind": kind,
            "source_id": hit["source_id"].astype(str).to_numpy(),
            "known_from": known.astype("datetime64[ns]").to_numpy(), "basis": math.nan,
            "denominator": math.nan, "denominator_kind": "", "denominator_values": "",
            "_frame": n, "_pos": range(len(hit)),
            "_obs": hit["obs_id"].astype(str).to_numpy() if "obs_id" in hit.columns else ""}))
    if not parts:
        return pd.DataFrame(columns=[*PLAN_TABLE_COLUMNS, "_frame", "_pos", "_obs"])
    return pd.concat(parts, ignore_index=True)


def plan_of(published: pd.DataFrame, derived: pd.DataFrame, r: pd.Series, indicator: str,
            year: int) -> tuple[pd.Series | None, str]:
    """The plan of the place of row ``r`` for ``year``, and whether it is printed.

    The forecaster's choice, asked of the forecaster's own function
    (:func:`bhxh_analysis.forecast._prep.pick_plans`), so every section of a page names
    the plan its forecast table sets a forecast against: a published plan before a
    derived (implied) one; among several, the most authoritative kind of source, then the
    first source id, then the latest known, then the narrowest rounding interval — never
    an average, never the rows' order in a file.

    Returns
    -------
    (Series or None, str)
        The plan's row (of ``published`` or ``derived``) and ``"published"`` or
        ``"derived"``; ``(None, "")`` when the year has no plan. The row also holds
        ``plan_conflict`` (plans of the chosen kind that cannot all be true) and
        ``plan_values`` (each distinct value of that kind with its source ids, the one
        used first), for the sentence that says so.
    """
    from ..forecast._prep import PUBLISHED, pick_plans

    cand = _plan_candidates(published, derived, r, indicator, year)
    if not len(cand):
        return None, ""
    got = pick_plans(cand, year, pd.Timestamp(cand["known_from"].max())).iloc[0]
    mine = cand[(cand["kind"] == got["kind"]) & (cand["source_id"] == got["source_id"])
                & np.isclose(cand["plan"].to_numpy(float), float(got["plan"]), rtol=1e-12,
                             atol=0.0)]
    pick = mine.sort_values(["_obs", "_pos"], kind="stable").iloc[0]
    frame = (published, derived)[int(pick["_frame"])]
    hit = frame[(frame["indicator"] == indicator) & same_place(frame, r)
                & (frame["as_of"].dt.year == year)].iloc[int(pick["_pos"])].copy()
    # every value of the chosen kind with its sources: the one used first, then the
    # others from the lowest, each one's source ids sorted
    same = cand[cand["kind"] == got["kind"]]
    same = same.assign(_v=same["plan"].round(6)).sort_values(["_v", "source_id"], kind="stable")
    hit["plan_conflict"] = bool(got["conflict"])
    hit["plan_values"] = sources_by_value(same["plan"], same["source_id"], float(got["plan"]))
    return hit, "published" if got["kind"] == PUBLISHED else "derived"


def page_plan_of(rpt: Any, frames: str, r: pd.Series, indicator: str,
                 year: int) -> tuple[pd.Series | None, str]:
    """:func:`plan_of` of the page ``rpt``, asked once per place, plan and year.

    The coverage table, the headline, the derived table and the forecast notes ask the
    same plans of a page again and again (44 calls of the forecaster's ``pick_plans``
    for 5 pages); the answer depends only on the page's own frames, so it is kept in
    ``rpt._cache``. ``frames`` names them: ``"figures"`` (:meth:`_figures`, no derived
    rows), ``"figures+derived"`` or ``"obs+derived"``. Each call returns a copy of the row.
    """
    key = (frames, str(r["boundaries"]), str(r["geo_level"]), str(r["geo_code"]), indicator,
           int(year))
    memo = rpt._cache.setdefault("plan_of", {})
    if key not in memo:
        pub = rpt.obs if frames == "obs+derived" else rpt._figures()
        derived = pub.iloc[0:0] if frames == "figures" else rpt.derived
        memo[key] = plan_of(pub, derived, r, indicator, year)
    hit, kind = memo[key]
    return (None if hit is None else hit.copy()), kind


def next_plan_of(published: pd.DataFrame, derived: pd.DataFrame, r: pd.Series,
                  indicator: str, year: int) -> pd.Series | None:
    """The place's own plan of the first year after ``year`` that has one, if any.

    A coverage of 2016 is measured against the province's own plan for 2020 (Bạc Liêu:
    90 %) rather than against the nation's target for that year. That year's plan is
    picked by :func:`plan_of` (the forecaster's choice).
    """
    later = [y for df in (published, derived)
             for y in df.loc[(df["indicator"] == indicator) & same_place(df, r),
                             "as_of"].dt.year if y > year]
    return plan_of(published, derived, r, indicator, min(later))[0] if later else None


def sources_by_value(values: pd.Series, sources: pd.Series,
                     first: float | None = None) -> list[tuple[float, list[str]]]:
    """Each distinct value with the source ids that give it, the value used first.

    Plans or denominators of one kind that differ are named with every value and its
    sources (never averaged): :func:`plan_of` and :func:`denominator_note` both ask this,
    so the two sentences group alike. Values are told apart to 6 decimals.

    Parameters
    ----------
    values, sources : Series
        The figures and their source ids, aligned, in the order to list them (a value's
        sources in the order of their rows, each once; the values in the order of their
        first row).
    first : float, optional
        The value used, listed first as given (the chosen plan); default: the first
        row's value.

    Returns
    -------
    list of (float, list of str)
        What :func:`values_text` writes in words.

    Examples
    --------
    >>> sources_by_value(pd.Series([96.0, 95.0, 96.0]), pd.Series(["B", "A", "C"]))
    [(96.0, ['B', 'C']), (95.0, ['A'])]
    """
    key = values.astype(float).round(6)
    if first is None:
        first, mine = float(key.iloc[0]), key.iloc[0]
    else:
        mine = round(first, 6)
    out = [(first, list(dict.fromkeys(sources[key == mine])))]
    rest = key != mine
    for v, grp in sources[rest].groupby(key[rest], sort=False):
        out.append((float(v), list(dict.fromkeys(grp))))
    return out


def values_text(values: list[tuple[float, list[str]]], fmt: Any, labels: pd.Series) -> str:
    """Each value with the outlets that give it: ``96% — A; 95% — B / C``.

    ``values`` as :func:`plan_of` gives them (``plan_values``), ``fmt`` formats a value in
    the page's language, ``labels`` maps a source id to what the page calls it
    (:func:`bhxh_analysis.reports.citations.source_labels`, "outlet — title"); an id without a
    label is left out. The outlet follows a dash, not brackets: outlets' names often carry
    brackets of their own, and the titles are in the page's sources section.

    Examples
    --------
    >>> values_text([(95.0, ["a"]), (96.0, ["b+c"])], lambda v: f"{v:g}%",
    ...             pd.Series({"a": "TVPL (bản sao) — T1", "b": "Báo B — T2", "c": "Báo B — T3"}))
    '95% — TVPL (bản sao); 96% — Báo B'
    """
    labels = labels[~labels.index.duplicated()]
    parts = []
    for v, ids in values:
        parts_of = [p for i in ids for p in str(i).split("+")]  # a derived figure's inputs
        names = list(dict.fromkeys(str(labels[i]).split(" — ")[0] for i in parts_of
                                   if i in labels.index and pd.notna(labels[i])))
        parts.append(f"{fmt(v)} — {' / '.join(names)}" if names else fmt(v))
    return "; ".join(parts)


def plan_evidence(measure: pd.Series) -> pd.Series:
    """True for measures that state or imply a plan in persons (plan, % of plan, shortfall)."""
    return measure.isin(["plan_participants", "attainment_pct", "shortfall_participants"])


def prob_at_least(res: Any, x: float) -> float:
    """Return P(31 December value ≥ x) from a forecast result.

    Uses the result's own ``prob_at_least`` when the forecaster offers one, else a
    log-normal matched to its 95 % interval (median = the forecast).
    """
    if hasattr(res, "prob_at_least"):
        return float(res.prob_at_least(x))
    from statistics import NormalDist

    lo, hi, mid = float(res.lo95), float(res.hi95), float(res.forecast)
    if not (lo > 0 and hi > lo and mid > 0 and x > 0):
        return math.nan
    sigma = (math.log(hi) - math.log(lo)) / (2 * 1.959964)
    return 1.0 - NormalDist(math.log(mid), sigma).cdf(math.log(x))


def pace(plan: float, last: float, as_of: pd.Timestamp, year: int) -> float:
    months = (pd.Timestamp(year=year, month=12, day=31) - as_of).days / 30.44
    return (plan - last) / months if months > 0 else math.nan


def persons_plans(figures: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Plans in persons that a place's coverage plan gives with the year's denominator.

    The forecaster's rule (:func:`bhxh_analysis.forecast._prep.plans_table`): a
    participants series without a plan in persons takes the coverage plan of its scheme
    × the denominator of the plan's year ÷ 100 — population for BHYT, labour force for
    BHXH and BHTN, published before derived, one figure chosen among several, never their
    median (:func:`bhxh_analysis.forecast.bounds.denominators`).
    The report asks the same functions, so its choice of year, its sentences and its
    forecast table count the same plans.

    Parameters
    ----------
    figures : DataFrame
        Published figures of the page's places (plans and denominators are read).
    derived : DataFrame
        Derived figures of those places (derived coverage plans and denominators).

    Returns
    -------
    DataFrame
        :data:`bhxh_analysis.forecast._prep.PLAN_TABLE_COLUMNS` rows of kind ``from the
        coverage plan`` plus ``scheme``.

    Examples
    --------
    >>> obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "province",
    ...     "geo_code": "33", "indicator": ["bhyt_plan_coverage_pct", "population"],
    ...     "as_of": pd.to_datetime(["2022-12-31", "2022-07-01"]), "value": [92.0, 1290850.0],
    ...     "source_id": "x"})
    >>> persons_plans(obs, obs.iloc[0:0])[["year", "plan", "scheme"]].values.tolist()
    [[2022, 1187582.0, 'bhyt']]
    """
    from ..forecast._prep import FROM_COVERAGE, PARTICIPANTS, plans_table
    from ..forecast.bounds import denominators

    cols = ["boundaries", "geo_level", "geo_code", "indicator", "as_of", "value", "source_id"]
    both = pd.concat([figures[cols], derived[cols]]) if len(derived) else figures[cols]
    plans = both[both["indicator"].astype(str).str.endswith("_plan_coverage_pct")]
    if plans.empty:
        return plans_table(plans, PARTICIPANTS).assign(scheme=pd.Series(dtype=str))
    # the ids order two figures of one year (bounds.rank_denominators), as in the forecaster
    ids = lambda df: [*cols, *(["obs_id"] if "obs_id" in df.columns else [])]  # noqa: E731
    den = denominators(figures[ids(figures)], derived[ids(derived)] if len(derived) else None,
                       int(plans["as_of"].dt.year.max()))
    out = plans_table(both, PARTICIPANTS, None, den)
    out = out[out["kind"] == FROM_COVERAGE]
    return out.assign(scheme=scheme_of(out["indicator"]).to_numpy()).reset_index(drop=True)


def coverage_plan_for(table: pd.DataFrame, r: pd.Series, year: int) -> pd.Series | None:
    """The plan in persons of row ``r``'s series for ``year`` from its coverage plan, if any.

    ``table`` is :func:`persons_plans` of the page (computed once per report, not per
    row). The forecaster's choice among several
    (:func:`bhxh_analysis.forecast._prep.pick_plans`: the most authoritative source's,
    never an average).
    """
    from ..forecast._prep import pick_plans

    t = table[same_place(table, r) & (table["indicator"] == r["indicator"])]
    got = pick_plans(t, year, pd.Timestamp(year=year, month=12, day=31))
    return got.iloc[0] if len(got) else None


def plan_note(rpt: Any, r: pd.Series, plan: pd.Series | None, indicator: str,
              year: int) -> str:
    """The sentence of a plan chosen among plans that differ: every value and its sources.

    Empty unless :func:`plan_of` found plans of the chosen kind that cannot all be true
    (``plan_conflict``). ``rpt`` is the page (its language and source labels),
    ``indicator`` the series the plan is for, ``r`` a row of its place.
    """
    from .. import i18n

    if plan is None or not bool(plan.get("plan_conflict", False)):
        return ""
    if str(plan["indicator"]).endswith("_pct"):
        fmt = lambda v: i18n.fmt_pct(v, rpt.lang)  # noqa: E731
    else:
        fmt = lambda v: i18n.fmt_number(v, rpt.lang)  # noqa: E731
    return rpt.t("plan_conflict_values", label=i18n.indicator_label(indicator, rpt.lang),
                 place=r["place"], year=year, plan=fmt(float(plan["value"])),
                 values=values_text(plan["plan_values"], fmt, rpt._labels()))


def denominator_note(rpt: Any, r: pd.Series, year: int, value: float,
                     as_of: pd.Timestamp | None = None) -> str:
    """The sentence of a denominator chosen among figures of one kind that differ.

    Asks the forecaster's own ranking
    (:func:`bhxh_analysis.forecast.bounds.denominator_candidates`) of the page's figures
    as the forecast made on ``as_of`` saw them (published ones whatever their date,
    derived ones dated on or before it): when the kind whose first figure is ``value``
    has others, they are named with their sources (never averaged). Empty otherwise.
    """
    from .. import i18n
    from ..forecast.bounds import denominator_candidates, denominator_of

    name = denominator_of(str(r["indicator"]))
    if name is None or not math.isfinite(value):
        return ""
    key = ("denominators", year, as_of)
    if key not in rpt._cache:
        cols = ["boundaries", "geo_level", "geo_code", "indicator", "as_of", "value",
                "source_id", "obs_id"]
        figs, der = rpt._figures(), rpt.derived
        der = der[der["as_of"] <= as_of] if as_of is not None else der
        rpt._cache[key] = denominator_candidates(
            figs[[c for c in cols if c in figs.columns]],
            der[[c for c in cols if c in der.columns]] if len(der) else None, year)
    cand = rpt._cache[key]
    cand = cand[same_place(cand, r) & (cand["denominator"] == name) & (cand["year"] == year)]
    for _, g in cand.groupby("kind", sort=False):  # kinds in rank order
        if not math.isclose(float(g["value"].iloc[0]), value, rel_tol=1e-9):
            continue
        values = sources_by_value(g["value"], g["source_id"])  # in rank order
        if len(values) < 2:
            return ""
        fmt = lambda v: i18n.fmt_number(v, rpt.lang)  # noqa: E731
        return rpt.t("denominator_conflict_values",
                     label=i18n.indicator_label(r["indicator"], rpt.lang), place=r["place"],
                     year=year, value=fmt(value),
                     denominator=i18n.indicator_label(name, rpt.lang).lower(),
                     values=values_text(values, fmt, rpt._labels()))
    return ""


def forecast_plan_notes(rpt: Any, r: pd.Series, base: dict[str, Any]) -> dict[str, str]:
    """``plan_note`` and ``denominator_note`` of a forecast row, in the page's language.

    A plan chosen among plans that differ is named with every value and source — of the
    plan in the series' own measure, or of the coverage plan it was converted from — as
    :func:`plan_of` finds them (the choice the coverage table shows), when that choice is
    the plan the row is set against; a denominator chosen among figures that differ, in
    the plan's arithmetic or the bound, is named with its other figures too.
    """
    from ..forecast._prep import FROM_COVERAGE

    out = {"plan_note": "", "denominator_note": ""}
    conv = base.get("plan_source") == FROM_COVERAGE
    year = int(rpt.year)
    plan = base.get("plan")
    if plan is not None and pd.notna(plan):  # also a plan the page took from its tables
        ind = r["indicator"].replace("_participants", "_plan_coverage_pct" if conv
                                     else "_plan_participants")
        hit = page_plan_of(rpt, "obs+derived", r, ind, year)[0]
        used = base.get("plan_basis") if conv else plan
        # only the plan the row is set against (a plan known after its as-of date is not)
        if hit is not None and used is not None and math.isclose(
                float(hit["value"]), float(used), rel_tol=1e-9):
            out["plan_note"] = plan_note(rpt, r, hit, r["indicator"], year)
    notes = []
    den, as_of = base.get("plan_denominator"), base.get("as_of")
    if conv and den is not None and pd.notna(den):
        notes.append(denominator_note(rpt, r, year, float(den), as_of))
    bound, by = base.get("upper_bound"), base.get("bound_year")
    if ("bounded" in flags_of(base)
            and base.get("bound_kind") in ("published", "sum of provinces", "derived")
            and bound is not None and pd.notna(bound) and by is not None and pd.notna(by)):
        notes.append(denominator_note(rpt, r, int(by), float(bound), as_of))
    out["denominator_note"] = " ".join(dict.fromkeys(n for n in notes if n))
    return out


def chosen_plans(rpt: Any, figs: pd.DataFrame) -> pd.DataFrame:
    """``figs`` (the latest figure of each series) with each plan the page's choice.

    Two plans of one year (Đồng Nai 2025: 95 % and 96 %) are not told apart by their date
    or file order: the headline names the plan of that year the coverage table and the
    forecast use (:func:`plan_of`).
    """
    from .data import measure_of

    plan = measure_of(figs["indicator"]).str.startswith("plan_").to_numpy()
    if not plan.any():
        return figs
    allf = rpt._figures()
    out = []
    for i in range(len(figs)):  # a handful of rows per page
        r = figs.iloc[i]
        hit = (page_plan_of(rpt, "figures", r, r["indicator"], int(r["as_of"].year))[0]
               if plan[i] else None)
        row = figs.iloc[[i]]
        if hit is not None:
            same = allf[(allf["obs_id"] == hit["obs_id"]) & same_place(allf, r)
                        & (allf["indicator"] == r["indicator"])]
            row = same.iloc[[0]] if len(same) else row
        out.append(row)
    return pd.concat(out)


def set_against_another_plan(rpt: Any, derived: pd.DataFrame) -> np.ndarray:
    """Rows of ``derived`` computed from a published plan the page does not use.

    Đồng Nai 2025 has two plans, 95 % (Decision 546) and 96 % (the province's paper);
    the coverage section says the page uses 95 %, yet the derived table listed the
    shortfall of 24/5/2025 against each, two rows of one date that read as one figure
    given twice. A derived row with an input that is a plan of a (place, indicator, year)
    whose chosen plan (:func:`plan_of`) is another row is left out of the page.
    """
    from .data import measure_of

    out = np.zeros(len(derived), dtype=bool)
    if derived.empty or "input_a" not in derived:
        return out
    pub = rpt._figures()
    plans = pub[measure_of(pub["indicator"]).str.startswith("plan_").to_numpy()]
    if plans.empty:
        return out
    plans = plans.drop_duplicates("obs_id").set_index("obs_id", drop=False)
    unused: dict[str, bool] = {}
    for i, (a, b) in enumerate(zip(derived["input_a"].astype("str"),
                                   derived["input_b"].astype("str"), strict=True)):
        for oid in (a, b):
            if oid not in plans.index:
                continue
            if oid not in unused:  # a handful of plans a page
                p = plans.loc[oid]
                hit = page_plan_of(rpt, "figures", p, p["indicator"], int(p["as_of"].year))[0]
                unused[oid] = hit is not None and str(hit["obs_id"]) != oid
            out[i] |= unused[oid]
    return out


def coverage_table_plans(rpt: Any, figs: pd.DataFrame) -> pd.DataFrame:
    """``figs`` (the headline's rows) with each coverage plan the one the coverage table uses.

    The headline showed the latest plan dated by the cutoff and the coverage table the
    plan of its coverage's year: with ``--as-of 30/06/2023`` Hà Nội's key figures read
    "BHYT: chỉ tiêu bao phủ 91,66 % (31/12/2022)" above a coverage table set against the
    92,4 % of 2023 (Decision 546, published in 2022). A place's coverage plan row takes the
    coverage table's target when it is the place's own (its plan, or a policy naming it)
    of another year, as a single published value; the date column says its year.
    """
    from .coverage import target_for
    from .data import measure_of

    plan = measure_of(figs["indicator"]).eq("plan_coverage_pct").to_numpy()
    if not plan.any():
        return figs
    cov = rpt.coverage_table()
    out = []
    for i in range(len(figs)):  # a handful of rows per page
        r, row = figs.iloc[i], figs.iloc[[i]]
        rate = str(r["indicator"]).replace("_plan_coverage_pct", "_coverage_pct")
        hit = cov[(cov["place"] == r["place"]) & (cov["geo_level"] == r["geo_level"])
                  & (cov["indicator"] == rate)] if plan[i] else cov.iloc[0:0]
        c = hit.iloc[0] if len(hit) else None
        if (c is not None and pd.notna(c["target_year"]) and pd.isna(c["target_lo"])
                and int(c["target_year"]) != int(r["as_of"].year)):
            own = c["target_kind"] == "plan"
            if c["target_kind"] == "policy":
                tg = target_for(rpt, rate, int(c["as_of"].year))
                own = tg is not None and tg["geo_name"] == r["geo_name"]
            if own:
                row = row.assign(value=float(c["target"]), source_id=c["target_source_id"],
                                 as_of=pd.Timestamp(year=int(c["target_year"]), month=12,
                                                    day=31))
        out.append(row)
    return pd.concat(out)
