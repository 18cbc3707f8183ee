"""Sentences of a report, built from the tables the page shows, in the catalogue's words.

Nothing here decides a figure: each sentence restates what a table of
:class:`~bhxh_analysis.reports.province.ProvinceReport` holds (a scheme with no row, a
plan present or not, a year missing from a series), so the text cannot contradict the
tables beside it. Internal names (check kinds, indicator identifiers, source ids) are
turned into words here.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import pandas as pd

from .. import geo, i18n
from ..geo.areas import other_area
from ..schema import QUALIFIERS, SUM_OF, scheme_of
from .data import (
    dated_names,
    family_of,
    is_insurance,
    is_year_end,
    legacy_parts,
    measure_of,
    units_frame,
)
from .dates import approximate, date_text, months_text
from .qualifiers import flags_of as _flags
from .qualifiers import kind_of_word
from .yearover import plan_outcome, tense

if TYPE_CHECKING:
    from .province import ProvinceReport

#: A qualifier word the checks print after a value ("1300 khoảng").
_QUAL = "(?: (" + "|".join(map(re.escape, QUALIFIERS)) + "))?"
_PAIR = re.compile(r"([a-z][a-z0-9_]*)=(-?[\d.]+)" + _QUAL)
_IMPLIED = re.compile(r"([a-z][a-z0-9_]*)=(-?[\d.]+)" + _QUAL
                      + r"(?: \[(-?[\d.]+), (-?[\d.]+)\])?")
_FAMILIES = ("bhxh", "bhtn", "bhyt")


def _value(indicator: str, value: float, lang: str, qualifier: str = "") -> str:
    """A checked figure as printed, with its source's qualifier ("khoảng 1.300")."""
    unit = "pct" if indicator.endswith("_pct") else "persons"
    return i18n.qualified(i18n.fmt_value(value, unit, lang),
                          kind_of_word(qualifier), lang)


def check_text(check: str, lang: str) -> str:
    """Return a consistency check's name in words (``derived_vs_observed:population``)."""
    kind, _, indicator = str(check).partition(":")
    key = f"check_{kind}"
    name = i18n.t(key if i18n.has(key) else "check_other", lang)
    return f"{name}: {i18n.indicator_label(indicator, lang)}" if indicator else name


def figures_text(figures: str, labels: pd.Series, lang: str) -> str:
    """Return the figures a check compared (``a=1; b=2 (src) | …``) in words.

    The outlet and date follow a dash, not brackets: most outlets' names carry
    brackets of their own ("Thông tấn xã Việt Nam (VietnamPlus)"), and brackets
    inside brackets cannot be read.

    Examples
    --------
    >>> figures_text("population=1000 (x, 2023-12-31)",
    ...              pd.Series({"x": "Báo X (bản điện tử) — title"}), "en")
    'Population 1,000 — Báo X (bản điện tử), 31 Dec 2023'
    >>> figures_text("population=1300 khoảng (x, 2018-12-31)", pd.Series(dtype=str), "vi")
    'Dân số khoảng 1.300 — 31/12/2018'
    """
    groups = []
    for group in str(figures).split(" | "):
        pairs = [f"{i18n.indicator_label(k, lang)} {_value(k, float(v), lang, q)}"
                 for k, v, q in _PAIR.findall(group)]
        src = re.findall(r"\(([^()]*)\)\s*$", group)
        where = ""
        if src:
            bits = [b.strip() for b in src[0].split(",")]
            named = [i18n.fmt_date(b, lang) if re.match(r"\d{4}-\d{2}-\d{2}$", b)
                     else str(labels.get(b, "")).split(" — ")[0] for b in bits]
            where = f" — {', '.join(n for n in named if n)}" if any(named) else ""
        groups.append("; ".join(pairs) + where)
    return " | ".join(groups)


def source_names(ids: str, labels: pd.Series) -> str:
    """Return the outlets of source ids written ``a+b`` or ``a b`` (never the ids)."""
    names = [str(labels.get(i, "")).split(" — ")[0] for i in re.split(r"[+\s,;]+", str(ids)) if i]
    return ", ".join(dict.fromkeys(n for n in names if n)) or "–"


def implied_text(implied: str, lang: str) -> str:
    """Return implied values (``x=1 [0.9, 1.1] via rule``) as ``label 1 (0,9–1,1)``.

    The range is printed by the tables' rule
    (:func:`~bhxh_analysis.reports.render.value_text`): one whose ends print as the value
    itself ("551,000 (551,000–551,000)") or, for a rate, as narrow as the value's last
    digits ("89.91% (89.91%–89.92%)") is left out; one kept has even ends ("90.52–90.60%",
    was "90.52%–90.6%").

    Examples
    --------
    >>> implied_text("population=1000 [999.6, 1000.4]", "en")
    'Population 1,000'
    >>> implied_text("population=1000 [900, 1100]", "en")
    'Population 1,000 (900–1,100)'
    >>> implied_text("population=1300 khoảng [1274, 1326]", "vi")
    'Dân số khoảng 1.300 (1.274–1.326)'
    >>> implied_text("bhxh_attainment_pct=90.55 [90.52, 90.6]", "en")
    'Social insurance (BHXH): % of plan 90.55% (90.52–90.60%)'
    >>> implied_text("bhxh_attainment_pct=89.91 [89.91, 89.92]", "vi")
    'BHXH: % kế hoạch 89,91%'
    """
    from .render import value_text

    out = []
    for k, v, q, lo, hi in _IMPLIED.findall(str(implied)):
        text = f"{i18n.indicator_label(k, lang)} {_value(k, float(v), lang, q)}"
        if lo and hi:
            row = pd.Series({"indicator": k, "unit": "pct" if k.endswith("_pct") else "persons"})
            rng, ranged = value_text(float(v), float(lo), float(hi), "value", lang, row)
            if ranged:  # a range that prints as the value says nothing
                text += f" ({rng})"
        out.append(text)
    return " | ".join(out)


#: Columns of a report's table of conflicting figures.
CONFLICT_COLUMNS = ["place", "as_of", "check", "figures", "implied", "source"]


def conflict_notes(checks: pd.Series, lang: str) -> list[str]:
    """Say how many checks conflict, two differing published plans apart.

    Two figures of one quantity that do not agree cannot both be true; two published
    plans of one year can (a province's resolution beside the Prime Minister's
    assignment: Đồng Nai 2025, 96 % and 95 %), so they are counted in a sentence of
    their own (check ``plans_differ``, :func:`bhxh_analysis.metrics.check_consistency`),
    and so is a population or labour force derived far from the published one of another
    year (``denominator_vs_other_year``: a warning, the rate may have another base).

    Parameters
    ----------
    checks : Series
        The ``check`` column of the conflicts shown.
    lang : {"vi", "en"}

    Examples
    --------
    >>> conflict_notes(pd.Series(["plans_differ:bhyt_plan_coverage_pct"]), "en")[0][:26]
    'No conflicting figures for'
    >>> len(conflict_notes(pd.Series(["same_figure:population"]), "en"))
    1
    >>> conflict_notes(pd.Series(["denominator_vs_other_year:population"]), "en")[1][:26]
    'Warnings: 1. A population '
    """
    plans = checks.astype(str).str.startswith("plans_differ:")
    # a derived denominator far from the published one of another year: a warning of its
    # own (check denominator_vs_other_year), not two figures that cannot both be true
    other = checks.astype(str).str.startswith("denominator_vs_other_year:")
    n, m, k = int((~plans & ~other).sum()), int(plans.sum()), int(other.sum())
    out = [i18n.t("conflicts_n", lang, n=n) if n else i18n.t("no_conflicts", lang)]
    out += [i18n.t("plans_differ_n", lang, n=m)] if m else []
    return [*out, i18n.t("other_year_denominators_n", lang, n=k)] if k else out


def conflicts_text(conf: pd.DataFrame, labels: pd.Series, lang: str) -> pd.DataFrame:
    """Return consistency checks in conflict as the rows a report shows, in words.

    The province and the national report select their conflicts differently but show
    them the same way, so the wording lives here once.

    Parameters
    ----------
    conf : DataFrame
        Rows of the consistency table (``geo_name, as_of, check, figures,
        implied_values, sources``), already selected.
    labels : Series
        Source id → label (:func:`bhxh_analysis.reports.citations.source_labels`).
    lang : {"vi", "en"}

    Returns
    -------
    DataFrame
        Columns :data:`CONFLICT_COLUMNS`, one row per check.

    Examples
    --------
    >>> conf = pd.DataFrame({"geo_name": ["Việt Nam"], "as_of": ["2023-12-31"],
    ...     "check": ["derived_vs_observed:population"], "figures": ["population=1 (x)"],
    ...     "implied_values": ["population=2"], "sources": ["x"]})
    >>> conflicts_text(conf, pd.Series({"x": "Báo X — title"}), "en")["source"].tolist()
    ['Báo X']
    """
    place = conf["geo_name"].astype(str)
    if {"geo_level", "geo_code", "boundaries"} <= set(conf.columns):
        dated = dated_names(conf)  # the name of the figure's date (Thừa Thiên Huế)
        place = place.where(dated.isna(), dated.astype(str))
    return pd.DataFrame({
        "place": [i18n.place_label(p, lang) for p in place],  # "Ward 4" in English
        "as_of": pd.to_datetime(conf["as_of"]),
        "check": [check_text(c, lang) for c in conf["check"]],
        "figures": [figures_text(f, labels, lang) for f in conf["figures"]],
        "implied": [implied_text(f, lang) for f in conf["implied_values"]],
        "source": [source_names(v, labels) for v in conf["sources"]],
    }, columns=CONFLICT_COLUMNS).reset_index(drop=True)


def gap_sentences(rpt: ProvinceReport) -> list[str]:
    """Return what the data do not hold for a province, from its report's tables."""
    t, lang = rpt.t, rpt.lang
    head = rpt.headline_table()
    derived = rpt.derived_table()
    shown = pd.concat([head[["place", "indicator", "as_of"]],
                       derived[["place", "indicator", "as_of"]]])
    ins = shown[is_insurance(shown["indicator"])]
    out: list[str] = []
    if ins.empty:
        out += rpt.cutoff_notes(insurance=True) or [t("gap_no_insurance", name=rpt.unit.name)]
    present = set(family_of(ins["indicator"]))
    missing = [f for f in _FAMILIES if f not in present]
    if missing and len(ins):
        out.append(t("gap_missing_schemes",
                     labels=", ".join(i18n.scheme_label(f, lang) for f in missing)))
    head_ins = head[is_insurance(head["indicator"])]
    if len(head_ins) and not head_ins["geo_level"].eq("province").any():
        out.append(t("gap_no_province_level"))
    core = head_ins[measure_of(head_ins["indicator"]).isin(["participants", "coverage_pct"])]
    figs = rpt._figures()
    if len(core):  # dated as the source gives it ("cuối năm 2020": Quảng Ninh's 95%)
        when = core["as_of"].max()
        rows = figs[figs["as_of"].eq(when).to_numpy()
                    & figs["indicator"].isin(core["indicator"]).to_numpy()]
        rough = len(rows) > 0 and bool(approximate(rows).all())
        out.append(t("gap_latest_approx" if rough else "gap_latest",
                     date=date_text(when, rough, lang)))
    part = figs[measure_of(figs["indicator"]).eq("participants").to_numpy()]
    if len(ins) and not is_year_end(part["as_of"]).any():
        # a count derived at 31/12 (the next year-end count less its rise) is in the derived
        # table: say none was published rather than "none at all"
        d = rpt.derived
        made = d[measure_of(d["indicator"]).eq("participants").to_numpy()]
        out.append(t("gap_no_year_end_derived" if is_year_end(made["as_of"]).any()
                     else "gap_no_year_end"))
    m = measure_of(ins["indicator"])
    plans = ins[(m.str.startswith("plan_") | m.isin(["attainment_pct", "shortfall_participants",
                                                      "shortfall_pp"])).to_numpy()]
    cov = rpt.coverage_table()
    fcs = rpt.forecast_table()
    # by scheme, not by indicator: "BHYT", not "BHYT: plan coverage; BHYT: shortfall"
    plan_labels = sorted({i18n.scheme_label(s, lang) for s in scheme_of(plans["indicator"])})
    if len(ins) and not plan_labels and not cov["target_kind"].eq("plan").any() \
            and not fcs["plan"].notna().any():
        out.append(t("gap_no_plan"))
    elif plan_labels:
        out.append(t("gap_plans", labels="; ".join(plan_labels)))
    yearly = rpt.obs[(rpt.obs["geo_level"] == "province") & ~is_insurance(rpt.obs["indicator"])]
    for ind, g in yearly.groupby("indicator"):
        years = sorted(set(g["as_of"].dt.year.tolist()))
        if len(years) < 2:
            continue
        holes = sorted(set(range(years[0], years[-1] + 1)) - set(years))
        span = f"{years[0]}–{years[-1]}"
        label = i18n.indicator_label(str(ind), lang)
        if holes:
            out.append(t("gap_series_holes", label=label, span=span,
                         missing=", ".join(str(y) for y in holes[:10])))
        else:
            out.append(t("gap_series", label=label, span=span))
    gaps = rpt.aggregation_gaps
    if len(gaps):
        parts = legacy_parts(rpt.unit)
        legacy = rpt.obs[(rpt.obs["boundaries"] == "legacy")
                         & (rpt.obs["geo_level"] == "province")]
        # a part's figure from before its own area changed (geo.areas: Đắk Lắk with
        # Đắk Nông before 2004) is no part of the 2025 province: said apart, by its label
        other = legacy[other_area(geo.get_registry(), legacy, external_only=True)
                       .notna().to_numpy()]
        missing_names: set[str] = set()
        n_missing = 0
        n_area = 0
        area_names: set[str] = set()
        for _, g in gaps[["indicator", "as_of"]].drop_duplicates().iterrows():
            at = (legacy["indicator"] == g["indicator"]) & (legacy["as_of"] == g["as_of"])
            changed = other.loc[(other["indicator"] == g["indicator"])
                                & (other["as_of"] == g["as_of"]), "place"]
            if len(changed):
                n_area += 1
                area_names |= set(changed)
                continue
            n_missing += 1
            missing_names |= set(parts) - set(legacy.loc[at, "geo_name"])
        if n_missing:
            out.append(t("gap_aggregation", n=n_missing,
                         missing=", ".join(sorted(missing_names)) or "–"))
        if n_area:
            out.append(t("gap_aggregation_area", n=n_area, parts=", ".join(sorted(area_names))))
    if rpt.boundaries == "legacy":
        units = units_frame("legacy")
        head_ins_obs = rpt.obs[is_insurance(rpt.obs["indicator"])]
        for level, key in (("district", "district_units"), ("commune", "commune_units")):
            n_all = int(((units["geo_level"] == level)
                         & (units["province_code"] == rpt.unit.code)).sum())
            n_have = int(head_ins_obs.loc[head_ins_obs["geo_level"] == level,
                                          "geo_code"].nunique())
            if n_all:
                out.append(t("gap_units", have=n_have, all=n_all, level=t(key)))
    return out


def forecast_sentences(fcs: pd.DataFrame, lang: str) -> list[str]:
    """Return the sentences under a forecast table: why a series has no forecast, what
    meeting the plan takes (the move needed, how often such moves happened), and how
    the forecaster worked (short series, pooled pattern, bounds)."""
    out = []
    # how the forecaster worked, said once for every series it applies to
    shared: dict[tuple[str, str], list[str]] = {}
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731
    for _, r in fcs.iterrows():
        label = i18n.indicator_label(r["indicator"], lang)
        place = r["place"]
        if r["status"] == "year_end_known":
            out.append(i18n.t("forecast_year_end_known", lang, label=label, place=place,
                              value=i18n.qualified(num(r["last_value"]),
                                                   r.get("last_value_qualifier"), lang)))
            continue
        if r["status"] == "failed":
            out.append(i18n.t("forecast_failed", lang, label=label, place=place,
                              as_of=date_text(r["as_of"], r.get("as_of_approx"), lang)))
            continue
        out += _actual_note(r, lang)
        out += _plan_origin(r, lang)
        if pd.notna(r["plan"]) and pd.notna(r["p_meet_plan"]):
            p = i18n.fmt_pct(100 * r["p_meet_plan"], lang, 0)
            txt = plan_texts(r, lang)
            last = i18n.qualified(num(r["last_value"]), r.get("last_value_qualifier"), lang)
            if txt["move_hi"] <= 0:  # met even at the plan's upper end
                out.append(i18n.t(tense("plan_met_reason", r), lang, label=label,
                                  place=place, last=last, plan=txt["plan"], p=txt["p"],
                                  as_of=date_text(r["last_as_of"],
                                                  r.get("last_as_of_approx"), lang)))
            else:  # a year already over: as of the forecast's date, in the past tense
                out.append(i18n.t(
                    tense("plan_reason", r), lang, label=label, place=place, plan=txt["plan"],
                    as_of=date_text(r["last_as_of"], r.get("last_as_of_approx"), lang),
                    move=txt["move"], move_pct=txt["move_pct"], last=last,
                    forecast=num(r["forecast"]), p=txt["p"]))
            if txt["ranged"]:  # the arithmetic below is the central plan's; a plan met
                # at both ends needs no move (Kon Tum 2020: "the move needed is a range too")
                key = "plan_ranged_met" if txt["move_hi"] <= 0 else "plan_ranged"
                out.append(i18n.t(tense(key + "_one_p" if txt["p_one"] else key, r),
                                  lang, label=label, place=place, p=p,
                                  central=num(r["plan"])))
            if pd.notna(r.get("past_moves")) and r["past_moves"] > 0:
                # the family pool is every scheme's series of the same kind (participants
                # or coverage rates) within the window, not this scheme's alone
                family = i18n.t("plan_family_coverage" if str(r["indicator"]).endswith("_pct")
                                else "plan_family_participants", lang)
                window = r.get("past_moves_window")
                out.append(i18n.t(tense(
                    "plan_past_moves_family" if r.get("past_moves_pool") == "family"
                    else "plan_past_moves", r), lang, n=int(r["past_moves"]),
                    k=int(r["past_moves_as_large"]), family=family,
                    window=months_text(int(window) if pd.notna(window) else 12, lang)))
            out += _plan_model(r, lang, p, txt["ranged"])
            out += plan_outcome(r, lang, txt["plan"])  # a year over: met, missed, unknown
        out += _bound_note(r, lang, fcs)
        for flag in _SHARED_FLAGS:  # no moves to learn: not "uses the moves of others"
            if flag in _flags(r) and not (flag == "short_series" and "no_moves" in _flags(r)):
                shared.setdefault((flag, place), []).append(label)
    out += _shared_notes(shared, lang)
    out += parts_sum_notes(fcs, lang)
    ok = fcs[fcs["status"] == "ok"]
    if len(ok) and ok["plan"].isna().any():  # "some" only when some have one
        out.append(i18n.t("forecast_no_plan_any" if ok["plan"].isna().all()
                          else "forecast_no_plan", lang))
    return out


def plan_texts(r: pd.Series, lang: str) -> dict:
    """A forecast's plan, move needed and P(meet plan) as printed: one number or a range.

    A plan derived from rounded figures (``plan_lo``–``plan_hi``, e.g. a coverage plan
    times a derived population) is printed as the range its inputs allow, as the
    coverage table prints a derived figure
    (:func:`~bhxh_analysis.reports.render.value_text`), and so is the move needed (its
    share of the latest figure, one decimal, by the tables' rule for a rate's range:
    :func:`~bhxh_analysis.reports.render.same_coarser`, ends with as many decimals); the
    chance as ``P at plan_hi – P at plan_lo`` when its ends differ by 1 point or more
    and print differently (the table's rule, ``value_text(..., "prob")``), else as one
    number. A plan printed as one number keeps one number everywhere.

    Returns
    -------
    dict
        ``plan``, ``move``, ``move_pct``, ``p`` (text), ``ranged`` (bool: the plan
        prints as a range), ``p_one`` (bool: a ranged plan's two ends have the same
        chance once rounded, ``p``) and ``move_hi`` (the move needed to the plan's upper
        end).

    Examples
    --------
    >>> r = pd.Series({"plan": 97576396.2, "plan_lo": 97472353.9, "plan_hi": 97680548.2,
    ...                "last_value": 92600000.0, "p_meet_plan": 0.32,
    ...                "p_meet_plan_lo": 0.30, "p_meet_plan_hi": 0.345})
    >>> t = plan_texts(r, "en")
    >>> t["plan"], t["move"], t["p"]
    ('97,472,354–97,680,548', '4,872,354–5,080,548', '30–34%')
    """
    from .render import even_ends, same_coarser, value_text

    plan, last = float(r["plan"]), float(r["last_value"])
    lo, hi = (float(r.get(c, plan)) if pd.notna(r.get(c)) else plan
              for c in ("plan_lo", "plan_hi"))
    text, ranged = value_text(plan, lo, hi, "count", lang)
    move = value_text(plan - last, lo - last, hi - last, "count", lang)[0] if ranged \
        else i18n.fmt_number(plan - last, lang)
    # the move in % of the latest figure (one decimal), ranged by the tables' rule:
    # "133,9–134%" (ends alike to whole points) is "133,9%", a range keeps even ends
    shares = [100 * (x - last) / last for x in (plan, lo, hi)]
    pct = [i18n.fmt_pct(x, lang, 1) for x in shares]
    move_pct = pct[0]
    if ranged and (lo - last) * (hi - last) < 0:  # the sign of the move is not known:
        # each end with its sign ("-205.150 đến +123.351 (-3,1% đến +1,9% …)"), not the
        # table's "(chưa rõ âm hay dương)" before the sentence's own bracket
        move = i18n.t("range_to", lang, lo=i18n.fmt_number(lo - last, lang),
                      hi="+" + i18n.fmt_number(hi - last, lang))
        pct_lo, pct_hi = even_ends(pct[1], pct[2], lang)
        move_pct = i18n.t("range_to", lang, lo=pct_lo, hi="+" + pct_hi)
    elif ranged and not same_coarser(shares[1], shares[2], lang, 1):
        ends = even_ends(pct[1], pct[2], lang)
        move_pct = i18n.t("range_dash", lang, lo=ends[0].removesuffix("%"), hi=ends[1])
    ps = [r.get(c, math.nan) for c in ("p_meet_plan", "p_meet_plan_lo", "p_meet_plan_hi")]
    p = i18n.fmt_pct(100 * float(ps[0]), lang, 0)
    ends = {i18n.fmt_pct(100 * float(x), lang, 0) for x in ps[1:] if pd.notna(x)}
    if ranged:  # the table's rule: a range when the ends differ by a point and as printed
        p = value_text(ps[0], ps[1], ps[2], "prob", lang)[0]
    return {"plan": text, "move": move, "move_pct": move_pct, "p": p, "ranged": ranged,
            "p_one": ranged and ends == {p}, "move_hi": hi - last}


def _plan_origin(r: pd.Series, lang: str) -> list[str]:
    """Where a plan not published in persons comes from, and a choice among conflicting ones.

    A plan computed from the coverage plan (``plan_source``, ``plan_basis``,
    ``plan_denominator`` of the forecast) is shown with its arithmetic, and with the other
    figures of its denominator when sources differ (``denominator_note``); a plan chosen
    among plans that differ (flag ``plan_conflict``) names every value and its sources
    (``plan_note``, the sentence the coverage table's notes use), or says that one source
    was believed when the page cannot name them.
    """
    if pd.isna(r.get("plan")):
        return []
    from ..forecast._prep import FROM_COVERAGE
    from ..schema import DENOMINATOR

    out = []
    label, place = i18n.indicator_label(r["indicator"], lang), r["place"]
    basis, den = r.get("plan_basis", math.nan), r.get("plan_denominator", math.nan)
    # a plan that only restates a published rate (flag plan_restated): the forecast's
    # note plan_met_restated (in denominator_note) says where it comes from
    if r.get("plan_source") == FROM_COVERAGE and pd.notna(basis) and pd.notna(den) \
            and "plan_restated" not in _flags(r):
        from .render import value_text

        name = DENOMINATOR[str(r["indicator"]).removesuffix("_participants")]
        txt = plan_texts(r, lang)
        # a ranged plan's denominator: the range the plan's comes from (plan = pct × den / 100)
        den_text = (value_text(den, *(float(r[c]) * 100 / basis for c in ("plan_lo", "plan_hi")),
                               "count", lang)[0] if txt["ranged"] and basis > 0
                    else i18n.fmt_number(den, lang))
        out.append(i18n.t("plan_from_coverage", lang, label=label, place=place,
                          plan=txt["plan"], year=int(r["year"]),
                          pct=i18n.fmt_pct(basis, lang),
                          denominator=i18n.indicator_label(name, lang).lower(),
                          value=den_text))
    if r.get("plan_source") == FROM_COVERAGE and pd.notna(basis) and pd.notna(den) \
            and _text(r.get("denominator_note")):
        out.append(str(r["denominator_note"]))  # the other figures of that denominator
    if _text(r.get("plan_note")):  # every plan of the year with its sources
        out.append(str(r["plan_note"]))
    elif "plan_conflict" in _flags(r):
        out.append(i18n.t("flag_plan_conflict", lang, label=label, place=place,
                          year=int(r["year"])))
    return out


def _text(x: object) -> bool:
    """True for a non-empty sentence (not NaN, None or "")."""
    return isinstance(x, str) and bool(x)


def _actual_note(r: pd.Series, lang: str) -> list[str]:
    """Where a year already over ended against its forecast (80 %, 95 %, above, below)."""
    actual = r.get("actual", math.nan)
    if actual is None or pd.isna(actual) or pd.isna(r["forecast"]):
        return []
    if r["lo80"] <= actual <= r["hi80"]:
        where = "actual_in80"
    elif r["lo95"] <= actual <= r["hi95"]:
        where = "actual_in95"
    else:
        where = "actual_above95" if actual > r["hi95"] else "actual_below95"
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731
    return [i18n.t("forecast_actual", lang, label=i18n.indicator_label(r["indicator"], lang),
                   place=r["place"], forecast=num(r["forecast"]),
                   actual=i18n.qualified(num(actual), r.get("actual_qualifier"), lang),
                   as_of=date_text(r["as_of"], r.get("as_of_approx"), lang),
                   where=i18n.t(where, lang))]


def _plan_model(r: pd.Series, lang: str, p: str, ranged: bool = False) -> list[str]:
    """One sentence saying which model gave P(meet plan) (``p_meet_plan_model``).

    The past moves are counted against the central plan (``plan``); for a plan known only
    as a range (``ranged``) the sentence names it: the plan worked out from the figures as
    published, which need not be the middle of the range (Hồ Chí Minh 31/5/2017, BHYT:
    6.693.350 against 6.364.850–6.693.351, "gần 6.570.000" participants read as
    printed, read "the middle of the range")."""
    model = str(r.get("p_meet_plan_model") or "")
    held = _p_held(r, lang, p)
    central = i18n.fmt_number(float(r["plan"]), lang)
    if model == "empirical_moves" and pd.notna(r.get("past_moves")):
        n, k = int(r["past_moves"]), int(r["past_moves_as_large"])
        share = (k + 0.5) / (n + 1)
        if held and abs(share - float(r["p_meet_plan"])) > 1e-9:
            # the share is true arithmetic; the interval or a bound decided P
            return [i18n.t(tense("plan_model_empirical_moves_central_held" if ranged
                                 else "plan_model_empirical_moves_held", r), lang, n=n, k=k,
                           share=i18n.fmt_pct(100 * share, lang, 0), p=p,
                           central=central), *held]
        out = [i18n.t(tense("plan_model_empirical_moves_central" if ranged
                            else "plan_model_empirical_moves", r), lang, n=n, k=k, p=p,
                      central=central)]
        # The central forecast (within-year pattern) and the share of past moves can
        # fall on opposite sides of the plan, or the plan below the interval's lower end
        # with a share below that end's level: say so rather than leave it to the reader.
        below = [] if held else _below_interval(r, lang, p)
        above = float(r["forecast"]) >= float(r["plan"])
        # a plan known only as a range: the forecast is above or below it only outside
        # the whole range; inside it, the disagreement is with the central value P was
        # computed at (Hồ Chí Minh 2017: 6.587.840 inside 6.364.850–6.693.351, below its
        # central 6.693.350, P 91 %)
        inside = ranged and pd.notna(r.get("plan_lo")) and pd.notna(r.get("plan_hi")) \
            and float(r["plan_lo"]) <= float(r["forecast"]) < float(r["plan_hi"])
        if not held and not below and pd.notna(r.get("forecast")) \
                and above != (float(r["p_meet_plan"]) >= 0.5):
            key = (("plan_model_disagree_inside_above" if above else "plan_model_disagree_inside_below")
                   if inside else ("plan_model_disagree_above" if above else "plan_model_disagree_below"))
            out.append(i18n.t(key, lang, p=p, central=central))
        return out + below + held  # held: only an end of a ranged plan (its own sentence)
    if model == "plan_aware" and pd.notna(r.get("plan_pull")):
        return [i18n.t(tense("plan_model_plan_aware", r), lang,
                       pull=i18n.fmt_pct(100 * float(r["plan_pull"]), lang, 0)), *held]
    if model == "seasonal":
        return [i18n.t(tense("plan_model_seasonal", r), lang), *held]
    return held


def _below_interval(r: pd.Series, lang: str, p: str) -> list[str]:
    """The sentence for a plan below ``lo{L}`` whose P is under ``1 − (1 − L/100)/2``:
    not held (:data:`bhxh_analysis.forecast.plan_bounds.HOLD_LOWER`), so said."""
    plan, prob = float(r["plan"]), float(r["p_meet_plan"])
    for lev in (95, 80):  # the widest interval the plan lies below
        lo = r.get(f"lo{lev}")
        if pd.notna(lo) and plan < float(lo) and prob < 1 - (100 - lev) / 200 - 1e-9:
            return [i18n.t("plan_model_below_interval", lang, level=i18n.fmt_pct(lev, lang),
                           end=i18n.fmt_number(float(lo), lang), p=p)]
    return []


def _p_held(r: pd.Series, lang: str, p: str) -> list[str]:
    """The sentence saying what held P(meet plan) (flags ``p_held_*``, ``p_above_bound``
    of :func:`bhxh_analysis.forecast.plan_bounds.hold_p`), with the end or bound that did;
    empty when the model's own number stands."""
    from ..forecast.bounds import sibling_of, total_of
    from ..forecast.plan_bounds import ranged_plan

    flags = _flags(r)
    label = i18n.indicator_label(r["indicator"], lang)
    if "p_above_bound" in flags and pd.notna(r.get("upper_bound")):
        return [i18n.t("plan_held_bound", lang,
                       bound=i18n.fmt_number(float(r["upper_bound"]), lang))]
    if "p_held_interval" in flags:
        # the plan itself, else the end of a ranged plan whose chance was held (the
        # page prints that chance as one end of the P range)
        for x, pc, suffix in (("plan", "p_meet_plan", ""), ("plan_hi", "p_meet_plan_lo", "_end"),
                              ("plan_lo", "p_meet_plan_hi", "_end")):
            if pd.isna(r.get(x)) or pd.isna(r.get(pc)):
                continue
            plan = float(r[x])
            p_at = p if not suffix else i18n.fmt_pct(100 * float(r[pc]), lang, 0)
            for lev in (95, 80):  # the widest interval the plan lies outside
                hi, lo = r.get(f"hi{lev}"), r.get(f"lo{lev}")
                tail = (100 - lev) / 2
                if pd.notna(hi) and plan > float(hi):
                    return [i18n.t(tense(f"plan_held_interval_above{suffix}", r), lang,
                                   level=i18n.fmt_pct(lev, lang),
                                   end=i18n.fmt_number(float(hi), lang),
                                   tail=i18n.fmt_pct(tail, lang, 1), p=p_at)]
                if pd.notna(lo) and plan < float(lo):
                    return [i18n.t(tense(f"plan_held_interval_below{suffix}", r), lang,
                                   level=i18n.fmt_pct(lev, lang),
                                   end=i18n.fmt_number(float(lo), lang),
                                   inside=i18n.fmt_pct(100 - tail, lang, 1), p=p_at)]
        return []
    total, sib = total_of(str(r["indicator"])), sibling_of(str(r["indicator"]))
    if "p_held_parts" in flags and sib is not None:
        return [i18n.t(tense("plan_held_parts" + ("_central" if ranged_plan(r) else ""), r),
                       lang, label=label,
                       total=i18n.indicator_label(sib[0], lang),
                       other=i18n.indicator_label(sib[1], lang), p=p,
                       central=i18n.fmt_number(float(r["plan"]), lang))]
    if "p_held_total" in flags and total is not None:
        return [i18n.t(tense("plan_held_total" + ("_central" if ranged_plan(r) else ""), r),
                       lang, label=label,
                       total=i18n.indicator_label(total, lang), p=p,
                       central=i18n.fmt_number(float(r["plan"]), lang))]
    return []


#: Flags whose sentence is the same for every series: said once, listing the series.
_SHARED_FLAGS = ("short_series", "no_moves", "pooled_pattern", "projected")


def parts_sum_notes(fcs: pd.DataFrame, lang: str) -> list[str]:
    """Say where the forecasts of a total's parts do not add up to the total's forecast.

    BHXH participants are compulsory + voluntary (:data:`~bhxh_analysis.schema.SUM_OF`),
    but each series is forecast from its own figures, so the three year-end forecasts of
    one place and date need not add up. Moving them to agree was measured and not adopted
    (the real backtest's error ratio grew from 0.400 to 0.414, docs/forecasting.md), so the
    difference is shown, never hidden: the parts' sum beside the total's forecast, and
    whether the sum lies inside the total's 80 % interval. Nothing is said when the two
    agree to the person.

    Examples
    --------
    >>> fcs = pd.DataFrame({"place": "P", "as_of": "2025-11-30", "status": "ok",
    ...     "indicator": ["bhxh_participants", "bhxh_compulsory_participants",
    ...                   "bhxh_voluntary_participants"], "forecast": [100.0, 80.0, 25.0],
    ...     "lo80": [95.0, 78.0, 20.0], "hi80": [106.0, 83.0, 30.0]})
    >>> parts_sum_notes(fcs, "en")[0][:62]
    'P: the forecasts of Compulsory social insurance and Voluntary '
    >>> parts_sum_notes(fcs.assign(forecast=[105.0, 80.0, 25.0]), "en")
    []
    """
    out = []
    ok = fcs[fcs["status"] == "ok"]
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731
    for total, parts in SUM_OF.items():
        names = [f"{s}_participants" for s in (total, *parts)]
        mine = ok[ok["indicator"].isin(names)]
        keys = [c for c in ("place", "as_of") if c in mine]  # a frame may omit the date
        for key, g in mine.groupby(keys, sort=False):
            place = key[0]
            row = g.drop_duplicates("indicator").set_index("indicator")
            if len(row) < len(names):
                continue
            whole = row.loc[names[0]]
            # the figures as printed (whole persons), so the sentence adds up on the page
            summed = float(row.loc[names[1:], "forecast"].round().sum())
            diff = summed - round(float(whole["forecast"]))
            if abs(diff) < 0.5:
                continue
            inside = whole["lo80"] <= summed <= whole["hi80"]
            out.append(i18n.t(
                "forecast_parts_sum_inside" if inside else "forecast_parts_sum_outside", lang,
                place=place, total=i18n.scheme_label(total, lang),
                part1=i18n.scheme_label(parts[0], lang), part2=i18n.scheme_label(parts[1], lang),
                sum=num(summed), forecast=num(whole["forecast"]),
                diff=num(abs(diff)), lo=num(whole["lo80"]), hi=num(whole["hi80"])))
    return out


def _shared_notes(shared: dict[tuple[str, str], list[str]], lang: str) -> list[str]:
    """One sentence per forecaster flag and place, naming every series it applies to.

    Five series of one province forecast the same way used to repeat the same sentence
    five times; the reader needs it once, with the series it covers.
    """
    out = []
    for (flag, place), labels in shared.items():
        if len(labels) == 1:
            out.append(i18n.t(f"flag_{flag}", lang, label=labels[0], place=place))
        else:
            out.append(i18n.t(f"flag_{flag}_many", lang, labels="; ".join(labels),
                              place=place))
    return out


def _bound_note(r: pd.Series, lang: str, fcs: pd.DataFrame | None = None) -> list[str]:
    """The sentences saying a series' interval was held within what is possible."""
    parts = _parts_note(r, lang, fcs)
    if "bounded" not in _flags(r) or pd.isna(r.get("upper_bound")):
        return parts
    from ..forecast._prep import FROM_COVERAGE

    # the bound's denominator chosen among figures that differ, unless the plan's
    # arithmetic (the same sentence) said so already
    other = ([str(r["denominator_note"])] if _text(r.get("denominator_note"))
             and r.get("plan_source") != FROM_COVERAGE else [])
    if r.get("bound_kind") == "total":
        if parts:  # the part's sentence names the total and gives the end shown
            return parts
        return [i18n.t("flag_bounded_total", lang,
                       label=i18n.indicator_label(r["indicator"], lang), place=r["place"],
                       total=i18n.indicator_label(str(r["bound_indicator"]), lang),
                       value=i18n.fmt_number(r["upper_bound"], lang)), *parts]
    return [i18n.t("flag_bounded", lang, label=i18n.indicator_label(r["indicator"], lang),
                   place=r["place"],
                   bound=i18n.indicator_label(str(r.get("bound_indicator") or "population"),
                                              lang),
                   value=i18n.fmt_number(r["upper_bound"], lang)), *other, *parts]


def _parts_note(r: pd.Series, lang: str, fcs: pd.DataFrame | None = None) -> list[str]:
    """The sentence saying a part's upper end was held within its total less the other
    part (:func:`bhxh_analysis.forecast.bounds.cap_by_parts`, flag ``bounded_parts``).

    Where the other part entered as its last figure and the page's table (``fcs``)
    holds the total, the sentence gives the arithmetic a reader can redo from figures
    on the page: the total's end less the other part's figure kept at ``1 − PART_FALL``
    (:func:`_parts_sum`)."""
    from ..forecast.bounds import PART_FALL, sibling_of

    sib = sibling_of(str(r["indicator"]))
    key = next((f"flag_{f}" for f in ("bounded_parts", "bounded_parts_last")
                if f in _flags(r)), None)
    if key is None or sib is None:
        return []
    his = [c for c in r.index if str(c).startswith("hi") and str(c)[2:].isdigit()
           and pd.notna(r[c])]
    top = max((float(r[c]) for c in his), default=math.nan)
    if pd.isna(top):
        return []
    if key.endswith("_last") and fcs is not None:
        said = _parts_sum(r, lang, fcs, sib, his)
        if said:
            return [said]
    return [i18n.t(key, lang, label=i18n.indicator_label(r["indicator"], lang),
                   place=r["place"], total=i18n.indicator_label(sib[0], lang),
                   other=i18n.indicator_label(sib[1], lang), value=i18n.fmt_number(top, lang),
                   fall=i18n.fmt_pct(100 * PART_FALL, lang, 0))]


def _parts_sum(r: pd.Series, lang: str, fcs: pd.DataFrame, sib: tuple[str, str],
               his: list[str]) -> str | None:
    """``t − (1 − PART_FALL) × s = end`` in words, with ``t`` the total's end at the
    same level and ``s`` the other part's last figure of the year (the total's less this
    part's where they share a date: both in the table); None where the page lacks one."""
    from ..forecast.bounds import PART_FALL

    if not {"place", "year", "as_of", "last_as_of", "last_value"} <= set(fcs.columns):
        return None
    same = fcs[(fcs["place"] == r["place"]) & (fcs["year"] == r["year"])
               & (fcs["as_of"] == r["as_of"])]
    tot, oth = (same[same["indicator"] == i] for i in sib)
    if tot.empty:
        return None
    t_row, derived, s_word = tot.iloc[0], False, ""
    if (not oth.empty and pd.notna(oth.iloc[0]["last_as_of"])
            and pd.Timestamp(oth.iloc[0]["last_as_of"]).year == r["year"]):
        s_last, s_date = float(oth.iloc[0]["last_value"]), oth.iloc[0]["last_as_of"]
        s_word = oth.iloc[0].get("last_value_qualifier")  # a published figure's "trên"
    elif pd.Timestamp(t_row["last_as_of"]) == pd.Timestamp(r["last_as_of"]):
        s_last, s_date = float(t_row["last_value"]) - float(r["last_value"]), r["last_as_of"]
        derived = True
    else:
        return None
    keep, num = 1.0 - PART_FALL, (lambda v, q="": i18n.qualified(i18n.fmt_number(v, lang), q,
                                                                 lang))
    for c in sorted(his, key=lambda c: -int(c[2:])):  # the widest end held
        t = float(t_row.get(c, math.nan))
        if math.isfinite(t) and abs(t - keep * s_last - float(r[c])) < 1.0:
            how = (i18n.t("parts_other_derived", lang, total=num(
                t_row["last_value"], t_row.get("last_value_qualifier")), part=num(
                r["last_value"], r.get("last_value_qualifier"))) if derived else "")
            return i18n.t("flag_bounded_parts_sum", lang,
                          label=i18n.indicator_label(r["indicator"], lang), place=r["place"],
                          total=i18n.indicator_label(sib[0], lang),
                          other=i18n.indicator_label(sib[1], lang), level=i18n.fmt_pct(
                              float(c[2:]), lang, 0), t=num(t), s=num(s_last, s_word),
                          keep=i18n.fmt_pct(100 * keep, lang, 0), value=num(r[c]),
                          date=i18n.fmt_date(s_date, lang), how=how,
                          fall=i18n.fmt_pct(100 * PART_FALL, lang, 0))
    return None
