"""The coverage section of a province (or district, commune) report: rate against target.

:meth:`~bhxh_analysis.reports.province.ProvinceReport.coverage_table` and
:meth:`~bhxh_analysis.reports.province.ProvinceReport.coverage_notes` ask these functions,
which take the page (``rpt``) as :mod:`~bhxh_analysis.reports.words` does. Kept apart from
the page's other sections because the coverage table has rules of its own: which target a
rate is measured against (:func:`target_for`, the place's own plan chosen by
:func:`~bhxh_analysis.reports.plans.plan_of`) and which denominator turns a gap into
persons (:func:`denominator_row`). The page-level function
:func:`bhxh_analysis.reports.coverage_table` (by province name) stays in
:mod:`~bhxh_analysis.reports.province`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import i18n
from ..metrics.figures import figure_bounds
from ..schema import DENOMINATOR
from .data import latest, measure_of, narrowest_of_overlapping, scheme_of, unit_kinds
from .dates import approximate, date_text
from .plans import next_plan_of, plan_note, plan_of, same_place, set_against_another_plan
from .qualifiers import gap_kind, kind_of, kind_of_word

if TYPE_CHECKING:
    from .province import ProvinceReport

#: Columns of the coverage table, in order.
COLUMNS = ["place", "geo_level", "geo_code", "indicator", "coverage", "as_of",
           "as_of_approx", "target",
           "target_kind", "target_year", "target_source", "target_source_id", "gap_pp",
           "denominator", "denominator_indicator", "persons_needed", "label",
           "target_note", "coverage_lo", "coverage_hi", "denominator_lo", "denominator_hi",
           "persons_needed_lo", "persons_needed_hi", "target_lo", "target_hi", "gap_pp_lo",
           "gap_pp_hi", "coverage_qualifier", "target_qualifier", "gap_pp_qualifier",
           "persons_needed_qualifier", "unit_kind"]

def range_of(row: pd.Series | None, name: str) -> dict[str, float]:
    """``{name}_lo``/``{name}_hi``: the range of a derived row's value (NaN otherwise)."""
    ends = {}
    for end in ("lo", "hi"):
        x = None if row is None else row.get(f"value_{end}")
        ends[f"{name}_{end}"] = math.nan if x is None or pd.isna(x) else float(x)
    return ends


def persons_for(gap: float, denom: float) -> float:
    """Whole persons a coverage ``gap`` (points, ≤ 0: none) stands for over ``denom``."""
    if math.isnan(gap) or math.isnan(denom):
        return math.nan
    return float(math.ceil(max(gap, 0.0) / 100 * denom - 1e-9))


def gap_range(target: float, coverage: float, tgt_rng: dict[str, float],
              cov_rng: dict[str, float]) -> dict[str, float]:
    """``gap_pp_lo``/``_hi``: the gap (target − coverage, points) over every target and
    coverage the range of a derived figure allows (NaN when both are published).

    A coverage derived from "trên 1 triệu" ÷ a population, or a target implied by a
    shortfall in points, makes the gap a range: one number would be exact where its
    inputs are not.

    Examples
    --------
    >>> none = {"target_lo": math.nan, "target_hi": math.nan}
    >>> g = gap_range(95.0, 90.0, none, {"coverage_lo": 89.6, "coverage_hi": 90.4})
    >>> round(g["gap_pp_lo"], 2), round(g["gap_pp_hi"], 2)
    (4.6, 5.4)
    """
    t_lo, t_hi = tgt_rng["target_lo"], tgt_rng["target_hi"]
    c_lo, c_hi = cov_rng["coverage_lo"], cov_rng["coverage_hi"]
    if all(math.isnan(x) for x in (t_lo, t_hi, c_lo, c_hi)):
        return {"gap_pp_lo": math.nan, "gap_pp_hi": math.nan}
    t_lo, t_hi = (target if math.isnan(t_lo) else t_lo), (target if math.isnan(t_hi) else t_hi)
    c_lo, c_hi = (coverage if math.isnan(c_lo) else c_lo), (coverage if math.isnan(c_hi) else c_hi)
    return {"gap_pp_lo": t_lo - c_hi, "gap_pp_hi": t_hi - c_lo}


#: Words of a gap to a bound target the figure has passed (or may have): printed
#: as the catalogue's ``gap_bound_<word>``, never as a minimum below zero.
PASSED_WORDS = ("reached", "maybe_reached")


def bound_gap_word(word: str, gap: float, rng: dict[str, float]) -> str:
    """The word of a gap to a bound target, once the rate is set against the bound.

    A gap to a target "trên 85%" is at least 85 − coverage; when the rate is already
    above 85 that minimum is negative, and "ít nhất -2,0" says nothing a reader can use:
    the target is ``reached``. A rate whose range (its print: "85%" is 84,5–86) straddles
    the bound ``maybe_reached``; only a positive minimum keeps ``at_least``. A gap to a
    target "gần 95%" or "dưới 95%" is at most 95 − coverage: ``reached`` when that
    maximum is not above zero, else ``at_most``. Any other word is returned as it is.

    Examples
    --------
    >>> rng = lambda lo, hi: {"gap_pp_lo": lo, "gap_pp_hi": hi}
    >>> bound_gap_word("at_least", 1.53, rng(1.52, 1.535))
    'at_least'
    >>> bound_gap_word("at_least", -2.0, rng(-3.0, -1.5))
    'reached'
    >>> bound_gap_word("at_least", 0.0, rng(-1.0, 0.5))
    'maybe_reached'
    >>> bound_gap_word("at_most", -2.0, rng(-3.0, -1.5)), bound_gap_word("at_most", 1.0, rng(0.5, 1.5))
    ('reached', 'at_most')
    """
    if word not in ("at_least", "at_most"):
        return word
    lo, hi = (x if math.isfinite(x) else gap for x in (rng["gap_pp_lo"], rng["gap_pp_hi"]))
    if word == "at_least" and lo > 0:
        return word
    if word == "at_most" and hi > 0:
        return word
    return "reached" if hi <= 0 else "maybe_reached"


def needed_range(target: float, coverage: float, denom: float,
                 cov_rng: dict[str, float], den_rng: dict[str, float],
                 tgt_rng: dict[str, float] | None = None) -> dict[str, float]:
    """``persons_needed_lo``/``_hi``: the persons needed over every coverage, denominator
    and target the range of a derived figure allows (NaN when all are published).

    A derived denominator "69,031–71,852" makes "persons needed" a range too; printing
    one number would claim a precision the inputs do not have. ``tgt_rng``
    (``target_lo``/``target_hi``): the range of a target implied by derived figures.

    Examples
    --------
    >>> r = needed_range(45.0, 36.54, 70000.0, {"coverage_lo": math.nan, "coverage_hi": math.nan},
    ...                  {"denominator_lo": 69031.0, "denominator_hi": 71852.0})
    >>> r["persons_needed_lo"], r["persons_needed_hi"]
    (5841.0, 6079.0)
    """
    d_lo, d_hi = den_rng["denominator_lo"], den_rng["denominator_hi"]
    gap = gap_range(target, coverage, tgt_rng or {"target_lo": math.nan,
                                                  "target_hi": math.nan}, cov_rng)
    if all(math.isnan(x) for x in (gap["gap_pp_lo"], gap["gap_pp_hi"], d_lo, d_hi)):
        return {"persons_needed_lo": math.nan, "persons_needed_hi": math.nan}
    g_lo = target - coverage if math.isnan(gap["gap_pp_lo"]) else gap["gap_pp_lo"]
    g_hi = target - coverage if math.isnan(gap["gap_pp_hi"]) else gap["gap_pp_hi"]
    d_lo, d_hi = (denom if math.isnan(d_lo) else d_lo), (denom if math.isnan(d_hi) else d_hi)
    return {"persons_needed_lo": persons_for(g_lo, d_lo),
            "persons_needed_hi": persons_for(g_hi, d_hi)}


def target_for(rpt: ProvinceReport, indicator: str, year: int) -> pd.Series | None:
    """The first policy target of ``indicator`` at or after ``year`` for the page's place.

    The place's own row before the nation's (``Việt Nam``); None when no target is that
    late.
    """
    tg = rpt.bundle.targets
    sel = tg[tg["indicator"].eq(indicator) & tg["geo_name"].isin(
        {rpt.unit.name, "Việt Nam"})]
    future = sel[sel["year"] >= year]
    if future.empty:
        return None
    future = future[future["year"] == future["year"].min()]
    own = future[future["geo_name"] == rpt.unit.name]
    # The place's own target before the nation's; two for the same year (Việt Nam's
    # BHYT 2022: 92.6 % in Quyết định 546/QĐ-TTg, 92 % unnamed) by the first target_id,
    # never the rows' order in the file.
    return (own if len(own) else future).sort_values("target_id", kind="stable").iloc[0]


def target_label(rpt: ProvinceReport, tg: pd.Series, r: pd.Series, year: int) -> str:
    """Where a policy target comes from, as the coverage table prints it.

    A target set for another place than the row's (the nation's, or the province's on a
    district or commune row) is said to be that place's, for comparison: Lâm Đồng's
    communes read "Quyết định 546/QĐ-TTg — mục tiêu 2023 (Việt Nam)", as if the commune
    had been given 93,2 %.
    """
    instrument = i18n.instrument_label(tg["instrument"], rpt.lang)
    if str(tg["geo_name"]) == str(r.get("geo_name", "")) or (
            r.get("geo_level") == "province" and str(tg["geo_name"]) == rpt.unit.name):
        return rpt.t("target_kind_policy", instrument=instrument, year=year,
                     geo=i18n.place_label(tg["geo_name"], rpt.lang))
    geo = (rpt.t("target_geo_national") if tg["geo_name"] == "Việt Nam"
           else i18n.place_label(tg["geo_name"], rpt.lang))
    return rpt.t("target_kind_policy_other", instrument=instrument, year=year, geo=geo)


def denominator_candidates(both: pd.DataFrame, r: pd.Series) -> tuple[pd.DataFrame, str]:
    """Every denominator figure that could serve coverage row ``r``, best first, and its
    indicator.

    ``both`` holds the page's published and derived figures (column ``_derived``): the
    denominators of ``r``'s date, else those of the latest earlier date of its year or
    before, ranked by the forecaster's one rule
    (:func:`bhxh_analysis.forecast.bounds.rank_denominators`: published before a sum
    before a derived figure, then :func:`~bhxh_analysis.sources.curated.source_order`,
    then the first ``obs_id``).
    """
    from ..forecast.bounds import rank_denominators

    scheme = scheme_of(pd.Series([r["indicator"]])).iloc[0]
    name = DENOMINATOR.get(scheme)
    if name is None:
        return both.iloc[0:0], ""
    cand = both[(both["indicator"] == name) & same_place(both, r)
                & (both["as_of"].dt.year <= r["as_of"].year)]
    if cand.empty:
        return cand, name
    same = cand[cand["as_of"] == r["as_of"]]
    pick = same if len(same) else cand[cand["as_of"] == cand["as_of"].max()]
    source = pick["source_id"].fillna("").astype(str)
    kind = np.where(pick["_derived"].astype(bool), "derived",
                    np.where(source.eq(""), "sum of provinces", "published"))
    ranked = rank_denominators(pick.assign(
        denominator=name, year=pick["as_of"].dt.year, kind=kind, source_id=source,
        obs_id=pick["obs_id"].astype(str)))
    return ranked, name


def denominator_row(both: pd.DataFrame, r: pd.Series) -> tuple[pd.Series | None, str]:
    """The denominator row of coverage row ``r`` (None when unknown) and its indicator.

    ONE denominator per place and date, whatever the scheme: the first of
    :func:`denominator_candidates`. Where several disagree (Hà Nội 10/6/2025: a labour
    force of 4,733,333 implied by BHTN's coverage, 4,631,579 by compulsory BHXH's,
    3,200,000 by voluntary BHXH's) each scheme's gap is still measured over the same
    one; the others are in the consistency section and named under the table
    (:func:`denominator_notes`), never picked per scheme to fit its own rate.
    """
    ranked, name = denominator_candidates(both, r)
    return (ranked.iloc[0] if len(ranked) else None), name


def _ends(row: pd.Series) -> tuple[float, float]:
    """The range a denominator figure stands for (its value when published)."""
    value = float(row["value"])
    lo, hi = row.get("value_lo"), row.get("value_hi")
    return (value if lo is None or pd.isna(lo) else float(lo),
            value if hi is None or pd.isna(hi) else float(hi))


def denominator_notes(rpt: ProvinceReport, both: pd.DataFrame, cov: pd.DataFrame) -> list[str]:
    """Sentences naming a denominator the table did not use because it contradicts the
    one it used (their ranges do not overlap): the reader sees both, and where the
    contradiction is listed.
    """
    out = []
    for _, r in cov.iterrows():
        ranked, name = denominator_candidates(both, r)
        if len(ranked) < 2:
            continue
        used = ranked.iloc[0]
        lo, hi = _ends(used)
        others = [o for _, o in ranked.iloc[1:].iterrows()
                  if _ends(o)[0] > hi or _ends(o)[1] < lo]
        if not others:
            continue
        from .render import value_text

        # as the table's denominator column and the consistency table print them: a
        # derived figure as the range its inputs allow ("4.630.434–5.312.925"), not its
        # central value beside a range for the same figure
        num = lambda o: value_text(o["value"], *_ends(o), "count", rpt.lang)[0]  # noqa: E731
        out.append(rpt.t(
            "coverage_denominator_note", place=r["place"],
            denominator=i18n.indicator_label(name, rpt.lang),
            date=i18n.fmt_date(used["as_of"], rpt.lang), used=num(used),
            others=", ".join(dict.fromkeys(num(o) for o in others)),
            section=rpt.t("consistency")))
    return list(dict.fromkeys(out))


def table(rpt: ProvinceReport) -> pd.DataFrame:
    """The coverage table of the page (computed once, kept in ``rpt._cache``).

    See :meth:`~bhxh_analysis.reports.province.ProvinceReport.coverage_table` for the
    rules and the columns (:data:`COLUMNS`).
    """
    if "coverage" in rpt._cache:
        return rpt._cache["coverage"]
    figs = rpt._figures()
    both = pd.concat([figs.assign(_derived=False), rpt.derived.assign(_derived=True)])
    # A published rate wins over one derived for the same place and date: the table
    # must not show 86.8 % beside a denominator that gives the printed 91.8 %.
    key = ["geo_level", "geo_code", "indicator", "as_of"]
    shadowed = rpt.derived.merge(figs[key].drop_duplicates(), on=key, how="left",
                                 indicator=True)["_merge"].eq("both").to_numpy()
    rates = pd.concat([figs, rpt.derived[~shadowed]])
    cov = latest(rates[measure_of(rates["indicator"]).eq("coverage_pct").to_numpy()
                       & rates["geo_level"].isin(["province", "district", "commune"])])
    rows, older, bsets = [], [], []
    cov = rpt._order(cov)
    bounds = figure_bounds(cov)  # a published rate printed "trên 92,3%" is a bound
    approx = approximate(cov)  # a date the source gives only roughly ("end-2020")
    for i, (_, r) in enumerate(cov.iterrows()):  # a handful of rows per province
        year = int(r["as_of"].year)
        plan_ind = r["indicator"].replace("_coverage_pct", "_plan_coverage_pct")
        plan, _ = plan_of(figs, rpt.derived, r, plan_ind, year)
        tg = None
        if plan is None:  # the place's own plan of a later year before a policy
            tg = target_for(rpt, r["indicator"], year)  # target of a later one
            later = next_plan_of(figs, rpt.derived, r, plan_ind, year)
            if later is not None and (tg is None or later["as_of"].year <= int(tg["year"])):
                plan, tg = later, None
        note = ""
        if plan is not None:
            tyear = int(plan["as_of"].year)
            target, kind = float(plan["value"]), "plan"
            tsrc = rpt.t("target_kind_plan", year=tyear)
            tsrc_id = str(plan["source_id"])
            note = plan_note(rpt, r, plan, r["indicator"], tyear)
        elif tg is not None:
            target, kind, tyear = float(tg["value"]), "policy", int(tg["year"])
            tsrc = target_label(rpt, tg, r, tyear)
            tsrc_id = str(tg["source_id"])
        else:
            target, kind, tyear, tsrc, tsrc_id = math.nan, "", pd.NA, "", ""
        gap = target - float(r["value"])
        den_row, denom_ind = denominator_row(both, r)
        denom = math.nan if den_row is None else float(den_row["value"])
        # a denominator of an earlier year is dated under the table (one of the rate's
        # own year — a mid-year average population — is that year's)
        if (den_row is not None and den_row["as_of"].year < r["as_of"].year
                and math.isfinite(gap)):
            older.append(_older_denominator_note(rpt, r, den_row, denom_ind))
        needed = persons_for(gap, denom)
        cov_rng, den_rng = range_of(r, "coverage"), range_of(den_row, "denominator")
        # A published rate stands for the range its print allows (figure_bounds: "81,3%"
        # is 81,25–81,4; "trên 92,3%" 92,25–100): the gap and the persons needed are
        # ranges over it, read as the derived table reads its shortfall, so both tables
        # give one gap for one date, place and plan (Bình Phước 31/10/2022 read "+10,2"
        # here beside "+10,05 to +10,35" there; Đồng Nai 24/5/2025 "+2,7" beside "-5 to
        # +2,75"). The rate itself is printed with its word ("trên 92,3%").
        qual = kind_of_word(bounds["qualifier"].iloc[i])
        gap_cov_rng = cov_rng
        if all(math.isnan(x) for x in cov_rng.values()):
            gap_cov_rng = {"coverage_lo": float(bounds["lo"].iloc[i]),
                           "coverage_hi": float(bounds["hi"].iloc[i])}
        # a target implied by derived figures (a shortfall in points) has a range too
        tgt_rng = range_of(plan, "target")
        gap_rng = gap_range(target, float(r["value"]), tgt_rng, gap_cov_rng)
        t_word = kind_of(plan if plan is not None else tg)
        g_word = bound_gap_word(gap_kind(t_word), gap, gap_rng) if math.isfinite(gap) else ""
        bsets.append(str(r.get("boundaries", rpt.boundaries)))
        rows.append({
            "place": r["place"], "geo_level": r["geo_level"], "geo_code": r["geo_code"],
            "indicator": r["indicator"], "coverage": float(r["value"]),
            "label": f"{r['place']} · {i18n.indicator_label(r['indicator'], rpt.lang).split(':')[0]}",
            "as_of": r["as_of"], "as_of_approx": bool(approx.iloc[i]),
            "target": target, "target_kind": kind,
            "target_year": tyear, "target_source": tsrc, "target_source_id": tsrc_id,
            "gap_pp": gap, "denominator": denom, "denominator_indicator": denom_ind,
            "persons_needed": float(needed), "target_note": note,
            # a derived rate or denominator: the range its inputs allow (NaN if published)
            **cov_rng, **den_rng, **tgt_rng,
            **gap_rng,
            **needed_range(target, float(r["value"]), denom, gap_cov_rng, den_rng, tgt_rng),
            "coverage_qualifier": qual,
            "target_qualifier": t_word, "gap_pp_qualifier": g_word,
            "persons_needed_qualifier": g_word if math.isfinite(needed) else "",
        })
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["target_year"] = out["target_year"].astype("Int64")
    # the level column's word: a ward is "Phường", not "Xã" (the registry's kind)
    out["unit_kind"] = unit_kinds(out.assign(boundaries=bsets))
    rpt._cache["coverage"] = out
    rpt._cache["coverage_denominators"] = [*denominator_notes(rpt, both, cov),
                                           *dict.fromkeys(older)]
    return out


def _older_denominator_note(rpt: ProvinceReport, r: pd.Series, den_row: pd.Series,
                            name: str) -> str:
    """The sentence saying a rate's persons needed rest on an earlier denominator.

    A rate of 31/12/2024 whose place has no labour force of that year is turned into
    persons with the latest earlier one (Bà Rịa - Vũng Tàu: a labour force of 2021); the
    table prints the figure, and this says its date, so the reader can judge it.
    """
    from .render import value_text

    return rpt.t("coverage_denominator_older", place=r["place"],
                 date=i18n.fmt_date(r["as_of"], rpt.lang),
                 denominator=i18n.indicator_label(name, rpt.lang).lower(),
                 den_date=i18n.fmt_date(den_row["as_of"], rpt.lang),
                 value=value_text(den_row["value"], *_ends(den_row), "count", rpt.lang)[0])


def notes(rpt: ProvinceReport) -> list[str]:
    """Sentences under the coverage table: how the gap reads, and every plan chosen
    among plans that differ (each value with its sources, never an average)."""
    cov = rpt.coverage_table()
    found = [n for n in dict.fromkeys(cov["target_note"]) if n]
    return [rpt.t("coverage_gap_note"), *bound_target_notes(rpt, cov), *found,
            *rpt._cache.get("coverage_denominators", [])]


def bound_target_notes(rpt: ProvinceReport, cov: pd.DataFrame) -> list[str]:
    """Sentences for the gaps computed from a target printed with a bound word.

    A target "trên 85%" is some rate above 85: the gap and the persons needed are worked
    out from 85 and so are only a minimum (a target "gần 85%" or "tối đa 85%": a maximum);
    the table prints them "ít nhất +4,5" and this says why, naming each such target as
    printed. A rate already past the bound (:func:`bound_gap_word`: "đã đạt", "có thể đã
    đạt" in the table) gets a sentence naming the target and the rate with its place and
    date. Empty when no target on the page has such a word.
    """
    out = []
    for word in ("at_least", "at_most", *PASSED_WORDS):
        sel = cov[cov["gap_pp_qualifier"].eq(word)]
        if sel.empty:
            continue
        targets = dict.fromkeys(
            i18n.qualified(i18n.fmt_pct(float(r["target"]), rpt.lang), r["target_qualifier"],
                           rpt.lang) for _, r in sel.iterrows())
        if word in PASSED_WORDS:
            rates = dict.fromkeys(rpt.t("coverage_rate_at", rate=i18n.qualified(
                i18n.fmt_pct(float(r["coverage"]), rpt.lang), r["coverage_qualifier"],
                rpt.lang), place=r["place"], date=date_text(r["as_of"], bool(r["as_of_approx"]),
                                                           rpt.lang)) for _, r in sel.iterrows())
            out.append(rpt.t(f"coverage_gap_{word}", targets=", ".join(targets),
                             rates=", ".join(rates), word=rpt.t(f"gap_bound_{word}")))
            continue
        out.append(rpt.t(f"coverage_gap_{word}", targets=", ".join(targets)))
    return out


def derived_beside_published(rpt: ProvinceReport, derived: pd.DataFrame) -> list[str]:
    """Say why a derived coverage differs from the coverage published for the same day.

    The derived table divides participants by GSO's population (or labour force) of the
    same year; the source that printed the coverage used its own denominator. Sóc Trăng
    31/8/2022 read "BHYT: tỷ lệ bao phủ 87,21%" in the derived table beside the
    published 86,56% in the key figures and the coverage table, without a word: two
    coverages of one day. A derived coverage whose range (or value) lies further from
    the published one than half its last printed digit gets one sentence naming both
    and which the coverage table uses (the published one).
    """
    from .render import _last_digit

    if derived.empty:
        return []
    obs = rpt.obs
    pub = obs[measure_of(obs["indicator"]).eq("coverage_pct").to_numpy()]
    cov = derived[measure_of(derived["indicator"]).eq("coverage_pct").to_numpy()]
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in cov.itertuples(index=False):
        same = pub[pub["place"].eq(r.place) & pub["indicator"].eq(r.indicator)
                   & pd.to_datetime(pub["as_of"]).eq(pd.Timestamp(r.as_of))]
        if same.empty:
            continue
        shown = float(same["value"].iloc[0])
        half = _last_digit(i18n.fmt_pct(shown, rpt.lang), rpt.lang) / 2
        lo = r.value_lo if pd.notna(r.value_lo) else r.value
        hi = r.value_hi if pd.notna(r.value_hi) else r.value
        if lo - half <= shown <= hi + half:
            continue
        date = i18n.fmt_date(r.as_of, rpt.lang)
        found.setdefault((str(r.indicator), str(r.place)), []).append(
            (f"{i18n.fmt_pct(r.value, rpt.lang)} ({date})",
             f"{i18n.fmt_pct(shown, rpt.lang)} ({date})"))
    # one sentence a series, its days listed (Hải Phòng: four days of 2018–2020)
    return [rpt.t("derived_beside_published", label=i18n.indicator_label(ind, rpt.lang),
                  place=place, derived=", ".join(d for d, _ in pairs),
                  published=", ".join(p for _, p in pairs))
            for (ind, place), pairs in found.items()]


def derived_table(rpt: ProvinceReport) -> pd.DataFrame:
    """The derived table of the page (computed once, kept in ``rpt._cache``).

    The table, its notes (:func:`derived_beside_published`) and the gap sentences all
    read it; it was computed three times a page (~0.24 s each). See
    :meth:`~bhxh_analysis.reports.province.ProvinceReport.derived_table` for the columns.
    Callers must not change the frame returned: the page's method returns a copy.
    """
    if "derived" not in rpt._cache:
        rpt._cache["derived"] = _derived_table(rpt)
    return rpt._cache["derived"]


def _derived_table(rpt: ProvinceReport) -> pd.DataFrame:
    """:func:`derived_table`, computed."""
    cols = ["place", "indicator", "value", "value_lo", "value_hi", "unit", "as_of",
            "formula"]
    d = rpt.derived
    if d.empty:
        return pd.DataFrame(columns=cols)
    d = d[~set_against_another_plan(rpt, d)]  # one plan a year, as every section
    d = rpt._order(d).reset_index(drop=True)  # page order, which sort_index keeps
    nan = pd.Series(math.nan, index=d.index)
    out = pd.DataFrame({
        "place": d["place"], "indicator": d["indicator"], "value": d["value"],
        "value_lo": pd.to_numeric(d.get("value_lo", nan), errors="coerce"),
        "value_hi": pd.to_numeric(d.get("value_hi", nan), errors="coerce"),
        "unit": d["unit"], "as_of": d["as_of"],
        "formula": [i18n.formula_text(m, rpt.lang) for m in d["method"].fillna("")],
    }, columns=cols)
    # One figure from two sources is listed once, with the narrower of their ranges
    # (each source alone allows its own; the figure lies in both).
    shown = [c for c in cols if c not in ("value_lo", "value_hi")]
    width = (out["value_hi"] - out["value_lo"]).rename("_w")
    out = (out.assign(_w=width).sort_values("_w", kind="stable", na_position="last")
           .drop_duplicates(shown).sort_index().drop(columns="_w"))
    return narrowest_of_overlapping(out, ["place", "indicator", "as_of", "formula"])
