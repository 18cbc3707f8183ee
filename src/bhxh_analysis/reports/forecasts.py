"""The forecast section of a province (or district, commune) report: year-end forecasts.

:meth:`~bhxh_analysis.reports.province.ProvinceReport.forecast_table`,
:meth:`~bhxh_analysis.reports.province.ProvinceReport.forecast_history` and
:meth:`~bhxh_analysis.reports.province.ProvinceReport.forecast_notes` ask these
functions, which take the page (``rpt``) as :mod:`~bhxh_analysis.reports.words` does.
Each participant series of the report year is forecast by
:func:`bhxh_analysis.forecast.forecast_indicators` (one call per place and date) and set
against the plan the rest of the page names (:mod:`~bhxh_analysis.reports.plans`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import i18n
from .data import is_insurance, is_year_end, latest, measure_of, prior_and_outcome
from .dates import approximate
from .plans import (
    coverage_plan_for,
    forecast_plan_notes,
    pace,
    page_plan_of,
    prob_at_least,
    same_place,
)
from .qualifiers import LOWER, catalogue_word, flags_of, kinds_of, side_of

if TYPE_CHECKING:
    from .province import ProvinceReport

#: Columns of the forecast table, in order.
COLUMNS = ["place", "geo_name", "boundaries", "geo_level", "geo_code", "indicator",
           "year", "as_of", "last_value", "last_as_of", "forecast", "lo80", "hi80",
           "lo95", "hi95", "plan", "p_meet_plan", "pace_required", "method", "n_obs",
           "status", "error", "plan_source", "label", "past_moves", "past_moves_as_large",
           "past_moves_pool", "past_moves_window", "flags", "upper_bound", "bound_indicator", "bound_kind",
           "p_meet_plan_model", "plan_pull", "actual", "plan_basis", "plan_denominator",
           "plan_note", "denominator_note", "bound_year", "plan_lo", "plan_hi",
           "p_meet_plan_lo", "p_meet_plan_hi", "as_of_approx", "last_as_of_approx",
           "last_value_qualifier"]

#: What a forecast result hands to a row of the table.
_RESULT_FIELDS = (
    "forecast", "lo80", "hi80", "lo95", "hi95", "plan", "p_meet_plan",
    "pace_required", "method", "n_obs", "past_moves",
    "past_moves_as_large", "past_moves_pool", "past_moves_window", "flags", "upper_bound",
    "bound_indicator", "bound_kind", "bound_year", "p_meet_plan_model",
    "plan_pull", "plan_source", "plan_basis", "plan_denominator", "plan_lo", "plan_hi",
    "p_meet_plan_lo", "p_meet_plan_hi")

#: Columns held as floats (NaN where a row has none).
_NUMERIC = ("last_value", "forecast", "lo80", "hi80", "lo95", "hi95", "plan",
            "p_meet_plan", "pace_required", "past_moves", "past_moves_as_large",
            "upper_bound", "actual", "plan_basis", "plan_denominator", "bound_year",
            "plan_lo", "plan_hi", "p_meet_plan_lo", "p_meet_plan_hi")


def table(rpt: ProvinceReport) -> pd.DataFrame:
    """The forecast table of the page (computed once, kept in ``rpt._cache``).

    See :meth:`~bhxh_analysis.reports.province.ProvinceReport.forecast_table` for the
    statuses and :data:`COLUMNS` for the columns.
    """
    if "forecast" in rpt._cache:
        return rpt._cache["forecast"]
    from .. import forecast as fc

    rows = []
    if rpt.year is not None:
        obs = rpt.obs
        sel = obs[measure_of(obs["indicator"]).eq("participants").to_numpy()
                  & (obs["as_of"].dt.year == rpt.year).to_numpy()]
        todo = []
        for _, r in rpt._order(latest(sel)).iterrows():  # a few series per province
            as_of = rpt.as_of if rpt.as_of is not None else r["as_of"]
            base = {"place": r["place"], "geo_name": r["geo_name"],
                    "boundaries": r["boundaries"], "geo_level": r["geo_level"],
                    "geo_code": r["geo_code"], "indicator": r["indicator"],
                    "year": rpt.year, "as_of": as_of, "last_value": r["value"],
                    "last_as_of": r["as_of"], "status": "ok", "error": ""}
            before, outcome = prior_and_outcome(
                sel[same_place(sel, r) & (sel["indicator"] == r["indicator"])], rpt.year)
            if outcome is not None:  # r, the latest of the year, is its 31 December
                base["status"] = "year_end_known"
                if rpt.as_of is None and before is not None:
                    # The year is over and published: forecast from the year's last
                    # figure before 31 December and show the outcome beside it, as the
                    # national forecast report does, so the reader sees how the
                    # forecaster would have done.
                    base.update(status="ok", as_of=before["as_of"],
                                last_value=before["value"], last_as_of=before["as_of"],
                                actual=outcome["value"])
                    r = before
            # a date the source gives only roughly ("up to now" in a half-year review),
            # and the latest figure's qualifier (Cà Mau 5/12/2024: "trên 1 triệu")
            row = r.to_frame().T
            rough = bool(approximate(row).iloc[0])
            base.update(last_as_of_approx=rough,
                        as_of_approx=rough and base["as_of"] == r["as_of"],
                        last_value_qualifier=str(kinds_of(row).iloc[0]))
            if base["status"] == "ok":
                base["label"] = rpt.t("fan_title", place=r["place"], label=(
                    i18n.indicator_label(r["indicator"], rpt.lang)))
            todo.append((base, r))
        # one preparation of the table per place and date, for all its schemes
        results: dict[tuple, Any] = {}
        groups: dict[tuple, list[str]] = {}
        for base, r in todo:
            if base["status"] == "ok":
                groups.setdefault((r["boundaries"], r["geo_level"], r["geo_code"],
                                   base["as_of"]), []).append(r["indicator"])
        for (b, level, code, as_of), inds in groups.items():
            try:
                got = fc.forecast_indicators(rpt.bundle.obs, geo=(b, level, code),
                                             indicators=inds, year=rpt.year,
                                             as_of=as_of.date().isoformat(),
                                             reuse=rpt.bundle.checksum)
            except Exception as exc:  # the reason is said to the reader, not hidden
                got = dict.fromkeys(inds, exc)
            results.update({(b, level, code, as_of, i): v for i, v in got.items()})
        for base, r in todo:
            if base["status"] == "ok":
                res = results[(r["boundaries"], r["geo_level"], r["geo_code"],
                               base["as_of"], r["indicator"])]
                try:
                    if isinstance(res, Exception):
                        raise res
                    base.update({k: getattr(res, k, None) for k in _RESULT_FIELDS})
                    if pd.isna(base["plan"]):
                        base.update(plan_from_tables(rpt, r, res))
                    base.update(forecast_plan_notes(rpt, r, base))
                    base.update(restated_plan(rpt, base))
                except Exception as exc:  # the reason is said to the reader, not hidden
                    base.update(status="failed", error=str(exc) or type(exc).__name__)
            rows.append(base)
    out = pd.DataFrame(rows, columns=COLUMNS)
    for c in _NUMERIC:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out = out.assign(**pace_range(out))
    rpt._cache["forecast"] = out
    return out


def pace_range(fcs: pd.DataFrame) -> dict[str, np.ndarray]:
    """``pace_required_lo``/``_hi``: the monthly pace at the two ends of a plan known only
    as a range (``plan_lo``–``plan_hi``; NaN otherwise), so the table prints a range.

    Gia Lai 2020 (2025 page): a BHXH plan of 97.485–107.418 from 85.300 on 30/6 needs
    12.185–22.118 more, yet the pace read "2.038" a month, the pace to the low end only;
    Cà Mau 2024 read "0" beside a move needed of "-26.563 to 87.778".
    """
    from ..metrics import pace_required

    ranged = (fcs["plan_lo"] < fcs["plan_hi"]).to_numpy()  # NaN compares False
    ends = {}
    for end, plan in (("lo", "plan_lo"), ("hi", "plan_hi")):
        pace = (np.asarray(pace_required(fcs["last_value"].to_numpy(float),
                                         fcs[plan].to_numpy(float),
                                         list(fcs["as_of"])), dtype=float)
                if len(fcs) else np.zeros(0))
        ends[f"pace_required_{end}"] = np.where(ranged, pace, np.nan)
    return ends


def restated_plan(rpt: ProvinceReport, base: dict[str, Any]) -> dict[str, Any]:
    """A plan in persons that only restates a published rate already meeting the plan.

    Cà Mau 5/12/2024: "trên 1 triệu" BHYT participants and 95 % coverage give a
    population of 1.041.666–1.164.021; the 93,45 % plan times it gave a plan of
    973.437–1.087.778 persons and P(meet plan) 21–93 %, though the published 95 % already
    meets 93,45 %. The population is those participants ÷ that rate, so the plan is
    ``participants × plan ÷ rate``: the participants' rounding cancels, and over the
    rate's printed interval (94,5–96 %) it is 973.437–988.889, below the latest figure.

    When the plan comes from the coverage plan (``plan_basis``) and its denominator is
    exactly the series' last value ÷ the coverage table's rate of that date × 100, the
    plan's range is taken over the rate alone. When, besides, every value the rate
    stands for meets the plan and the forecast's 95 % interval lies above the plan's
    upper end, no probability is given (it could only contradict the published rate)
    and a note says why. A plan the rate does not meet already carries the rate-only
    range and P at its ends from the forecaster
    (:func:`bhxh_analysis.forecast._prep._rate_only`): a note says where it comes from
    instead of the plan's arithmetic over a denominator range the coverage table does
    not show. Returns the fields to update (none otherwise).
    """
    from ..forecast._prep import FROM_COVERAGE
    from .render import value_text

    basis, den = base.get("plan_basis"), base.get("plan_denominator")
    last = base.get("last_value")
    if base.get("plan_source") != FROM_COVERAGE or any(
            x is None or pd.isna(x) for x in (basis, den, last)):
        return {}
    cov = rpt.coverage_table()
    rate = str(base["indicator"]).replace("_participants", "_coverage_pct")
    sel = cov[cov["geo_level"].eq(base["geo_level"]) & cov["geo_code"].eq(base["geo_code"])
              & cov["indicator"].eq(rate) & cov["as_of"].eq(base["last_as_of"])
              & cov["target_kind"].eq("plan") & np.isclose(cov["target"], float(basis))]
    if sel.empty:
        return {}
    c = sel.iloc[0]
    coverage = float(c["coverage"])
    if not np.isclose(float(last) * 100.0 / coverage, float(den), rtol=1e-9):
        return {}  # another denominator: its own range stands
    # the interval the published rate stands for (the table's gap range: target − rate)
    c_lo = float(c["target"] - c["gap_pp_hi"]) if pd.notna(c["gap_pp_hi"]) else coverage
    c_hi = float(c["target"] - c["gap_pp_lo"]) if pd.notna(c["gap_pp_lo"]) else coverage
    plan_lo, plan_hi = float(last) * basis / c_hi, float(last) * basis / c_lo
    met = c_lo >= basis and float(base.get("lo95", np.nan)) >= plan_hi
    num = lambda v: i18n.fmt_number(v, rpt.lang)  # noqa: E731
    old_note = str(base.get("denominator_note") or "")
    flags = ";".join(f for f in (str(base.get("flags") or ""), "plan_restated") if f)
    if not met:
        # the forecaster gave the rate-only range and P at its ends: say where the plan
        # comes from, in place of the arithmetic over a denominator range that would differ
        # from the one the coverage table shows (the participants' rounding is not in it)
        if not (np.isclose(float(base.get("plan_lo", np.nan)), plan_lo, rtol=1e-9)
                and np.isclose(float(base.get("plan_hi", np.nan)), plan_hi, rtol=1e-9)):
            return {}
        from ..schema import DENOMINATOR

        name = DENOMINATOR[str(base["indicator"]).removesuffix("_participants")]
        note = rpt.t("plan_rate_restated",
                     label=i18n.indicator_label(base["indicator"], rpt.lang),
                     place=base["place"], plan=value_text(float(base["plan"]), plan_lo, plan_hi,
                                                          "count", rpt.lang)[0],
                     pct=i18n.fmt_pct(basis, rpt.lang), date=i18n.fmt_date(c["as_of"], rpt.lang),
                     denominator=i18n.indicator_label(name, rpt.lang).lower(), last=num(last),
                     rate=i18n.qualified(i18n.fmt_pct(coverage, rpt.lang),
                                         c.get("coverage_qualifier", ""), rpt.lang),
                     rate_lo=i18n.fmt_pct(c_lo, rpt.lang, 4), rate_hi=i18n.fmt_pct(c_hi, rpt.lang, 4))
        return {"flags": flags, "denominator_note": " ".join(x for x in (old_note, note) if x)}
    note = rpt.t("plan_met_restated",
                 label=i18n.indicator_label(base["indicator"], rpt.lang),
                 place=base["place"], plan=value_text(float(last) * basis / coverage, plan_lo,
                                                      plan_hi, "count", rpt.lang)[0],
                 pct=i18n.fmt_pct(basis, rpt.lang), date=i18n.fmt_date(c["as_of"], rpt.lang),
                 rate=i18n.qualified(i18n.fmt_pct(coverage, rpt.lang),
                                     c.get("coverage_qualifier", ""), rpt.lang),
                 lo95=num(base["lo95"]), hi95=num(base["hi95"]))
    # the note replaces the plan_from_coverage arithmetic (whose population would be the
    # participants' point value over the rate, beside the coverage table's wider range)
    return {"plan": float(last) * basis / coverage, "plan_lo": plan_lo, "plan_hi": plan_hi,
            "p_meet_plan": np.nan, "p_meet_plan_lo": np.nan, "p_meet_plan_hi": np.nan,
            "pace_required": 0.0, "flags": flags,
            "denominator_note": " ".join(x for x in (old_note, note) if x)}


def plan_from_tables(rpt: ProvinceReport, r: pd.Series, res: Any) -> dict[str, Any]:
    """The year's plan of a series from the published or derived figures, and P(≥ plan).

    Used when the forecaster knew no plan on the as-of date although the page shows
    one (e.g. a plan implied by a shortfall published that day). A plan derived from
    rounded figures keeps its range (``plan_lo``–``plan_hi``) and gets P at each end.
    """
    plan_ind = r["indicator"].replace("_participants", "_plan_participants")
    hit, kind = page_plan_of(rpt, "obs+derived", r, plan_ind, int(rpt.year))
    extra: dict[str, Any] = {}
    if hit is None:  # a coverage plan and the year's denominator, as the forecaster
        hit = coverage_plan_for(rpt._persons_plans(), r, int(rpt.year))
        if hit is None:
            return {}
        hit = hit.rename({"plan": "value", "plan_lo": "value_lo", "plan_hi": "value_hi"})
        kind = str(hit["kind"])
        extra = {"plan_basis": float(hit["basis"]),
                 "plan_denominator": float(hit["denominator"])}
    plan = float(hit["value"])
    lo, hi = (float(pd.to_numeric(hit.get(c, plan), errors="coerce")) for c in
              ("value_lo", "value_hi"))
    lo, hi = (plan, plan) if pd.isna(lo) or pd.isna(hi) else (lo, hi)
    return {"plan": plan, "plan_lo": lo, "plan_hi": hi, "p_meet_plan": prob_at_least(res, plan),
            "p_meet_plan_lo": prob_at_least(res, hi), "p_meet_plan_hi": prob_at_least(res, lo),
            "p_meet_plan_model": "seasonal", "plan_source": kind, **extra,
            "pace_required": pace(plan, float(r["value"]), r["as_of"], rpt.year)}


def history(rpt: ProvinceReport, row: pd.Series) -> pd.DataFrame:
    """The published figures of a forecast's series, up to its as-of date.

    From the start of the previous year, so a fan chart shows where the year began.
    """
    obs = rpt.bundle.obs
    sel = obs[(obs["boundaries"] == row["boundaries"])
              & (obs["geo_level"] == row["geo_level"]) & (obs["geo_code"] == row["geo_code"])
              & (obs["indicator"] == row["indicator"]) & (obs["as_of"] <= row["as_of"])
              & (obs["as_of"].dt.year >= int(row["year"]) - 1)]
    return sel[["as_of", "value"]].sort_values("as_of").reset_index(drop=True)


def notes(rpt: ProvinceReport) -> list[str]:
    """Sentences under the forecast table: why no forecast, and what meeting the plan takes."""
    fcs = rpt.forecast_table()
    if rpt.year is None:
        return [rpt.t("forecast_none")]
    if fcs.empty:  # say what the year has instead: a coverage, known or within the year
        figs = rpt._figures()
        cov = figs[measure_of(figs["indicator"]).eq("coverage_pct").to_numpy()
                   & is_insurance(figs["indicator"]).to_numpy()
                   & (figs["as_of"].dt.year == rpt.year).to_numpy()]
        end = cov[is_year_end(cov["as_of"]).to_numpy()]
        key = ("forecast_none_year" if cov.empty else "forecast_none_year_coverage"
               if end.empty else "forecast_none_year_coverage_known"
               if not approximate(end).all()  # Quảng Ninh's 95%: "end-2020", no day
               else "forecast_none_year_coverage_end_approx")
        return [rpt.t(key, year=rpt.year)]
    from .boundaries import former_area_sentences
    from .words import forecast_sentences

    return (former_area_sentences(rpt) + forecast_sentences(fcs, rpt.lang)
            + rest_notes(fcs, rpt.lang) + floor_notes(fcs, rpt.bundle.obs, rpt.lang)
            + wide_notes(fcs, rpt.bundle.obs, rpt.lang))


def floor_notes(fcs: pd.DataFrame, obs: pd.DataFrame, lang: str) -> list[str]:
    """Say why a forecast interval reaches below a figure published as "over X".

    Cà Mau, voluntary BHXH, 5/12/2024: "trên 32.200" beside a 95 % interval of
    30.750–44.290. "Over" bounds that day's figure, not the year-end, and participants do
    fall within weeks; the reasoning was only in docs/forecasting.md. One sentence per
    such row (only where a lower end lies below the figure as printed): the ends below
    it, how far below, and the largest fall the data hold (``obs``, same indicator, one
    series, figures known by the as-of date; of two figures of one date the first by
    ``obs_id``, whichever its source: :func:`largest_short_fall`) between two figures at most
    the time left to 31 December plus a month apart (as the forecaster's short moves,
    :func:`bhxh_analysis.forecast.methods.gap_moves`, pair them).
    """
    need = {"status", "last_value_qualifier", "last_value", "lo80", "lo95", "as_of",
            "last_as_of", "indicator", "place"}
    if fcs.empty or not need <= set(fcs.columns):
        return []
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731
    out = []
    for _, r in fcs.iterrows():
        kind = r["last_value_qualifier"]
        if r["status"] != "ok" or side_of(kind) != LOWER or r["as_of"] != r["last_as_of"]:
            continue
        last = float(r["last_value"])
        # compared as printed (whole persons)
        below = [(lev, float(r[f"lo{lev}"])) for lev in ("80", "95")
                 if pd.notna(r[f"lo{lev}"]) and round(float(r[f"lo{lev}"])) < round(last)]
        if not below:
            continue
        ends = [i18n.t("forecast_interval_end", lang, level=f"{lev}%", value=num(lo))
                for lev, lo in below]
        lowest = min(lo for _, lo in below)
        word = catalogue_word(kind, lang)
        values = {"label": i18n.indicator_label(r["indicator"], lang), "place": r["place"],
                  "ends": ends[0] if len(ends) == 1 else i18n.t(
                      "forecast_interval_ends", lang, a=ends[0], b=ends[1]),
                  "reached": i18n.qualified(num(last), kind, lang),
                  "date": i18n.fmt_date(r["last_as_of"], lang), "word": word[:1].upper() + word[1:],
                  "fall": i18n.fmt_pct(100.0 * (last - lowest) / last, lang, 1),
                  "value": num(last)}
        seen = largest_short_fall(obs, str(r["indicator"]), pd.Timestamp(r["as_of"]))
        if seen is None:
            out.append(i18n.t("forecast_below_reached", lang, **values))
            continue
        out.append(i18n.t("forecast_below_reached_seen", lang, **values,
                          seen=i18n.place_label(str(seen["geo_name"]), lang),
                          seen_from=num(seen["v1"]), seen_to=num(seen["v2"]),
                          d1=i18n.fmt_date(seen["d1"], lang), d2=i18n.fmt_date(seen["d2"], lang),
                          seen_fall=i18n.fmt_pct(-100.0 * seen["fall"], lang, 1)))
    return out


def largest_short_fall(obs: pd.DataFrame, indicator: str, as_of: pd.Timestamp
                       ) -> dict[str, Any] | None:
    """The largest fall between two consecutive figures of one series.

    Figures of ``indicator`` known by ``as_of``, one per series and date (the first by
    ``obs_id`` when it has one), of one calendar year, at most the time from ``as_of`` to
    31 December plus 31 days apart (at least 31 days). None when no pair fell.

    Examples
    --------
    >>> obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "national", "geo_code": "VN",
    ...     "geo_name": "Việt Nam", "indicator": "x",
    ...     "as_of": pd.to_datetime(["2020-05-31", "2020-06-30", "2020-12-31"]),
    ...     "value": [100.0, 95.0, 99.0]})
    >>> round(largest_short_fall(obs, "x", pd.Timestamp("2021-12-05"))["fall"], 3)
    -0.05
    """
    end = pd.Timestamp(as_of.year, 12, 31)
    window = max(31, (end - as_of).days + 31)
    sel = obs[(obs["indicator"] == indicator) & (obs["as_of"] <= as_of)]
    keys = ["boundaries", "geo_level", "geo_code"]
    order = [*keys, "as_of", *(["obs_id"] if "obs_id" in sel else [])]
    sel = sel.sort_values(order, kind="stable").drop_duplicates([*keys, "as_of"])
    if len(sel) < 2:
        return None
    same = (sel[keys].shift().eq(sel[keys])).all(axis=1).to_numpy()
    gap = sel["as_of"].diff().dt.days.to_numpy()
    v = sel["value"].to_numpy(float)
    prev = np.roll(v, 1)
    # within one calendar year, as a fall before 31 December is (BHYT's cards lapsing on
    # 1 January, 31/12/2022 → 31/1/2023, is another thing)
    year = sel["as_of"].dt.year.to_numpy()
    same = same & (year == np.roll(year, 1))
    fall = np.where(same & (gap <= window), v / np.where(prev > 0, prev, np.nan) - 1.0, np.nan)
    if not np.isfinite(fall).any() or np.nanmin(fall) >= 0:
        return None
    i = int(np.nanargmin(fall))
    return {"geo_name": sel["geo_name"].iloc[i], "v1": prev[i], "v2": v[i],
            "d1": sel["as_of"].iloc[i - 1], "d2": sel["as_of"].iloc[i], "fall": float(fall[i])}


#: An upper 95 % end more than this many times the latest figure is explained on the page.
WIDE_TIMES = 2.0


def wide_notes(fcs: pd.DataFrame, obs: pd.DataFrame, lang: str) -> list[str]:
    """Say why a 95 % interval reaches more than :data:`WIDE_TIMES` times the latest figure.

    Kon Tum, voluntary BHXH, 30/6/2020: 4,294 beside a 95 % interval of 3,904–11,179
    (upper end ×2.6) and no word why. The forecast learns from how the indicator moved
    to 31 December in earlier years, and those moves hold surges (voluntary BHXH
    nationally ×2 from February to December 2019). One sentence per such row: how many
    times the latest figure the upper end is, and the largest rise to a 31 December in
    the data (:func:`largest_rise_to_year_end`), with its figures and dates; when the
    upper end goes beyond it, that few such rises were there to learn from. Rows
    flagged ``no_moves`` are left out: their sentence already says why they are wide.
    """
    need = {"status", "last_value", "hi95", "last_as_of", "indicator", "place", "flags"}
    if fcs.empty or not need <= set(fcs.columns):
        return []
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731
    out = []
    for _, r in fcs.iterrows():
        last, hi = float(r["last_value"]), float(r["hi95"])
        if (r["status"] != "ok" or not last > 0 or not np.isfinite(hi)
                or hi <= WIDE_TIMES * last or "no_moves" in flags_of(r)):
            continue
        times = hi / last
        # the latest figure as the page prints it everywhere else: Thái Nguyên's "trên
        # 22.000" (30/9/2021) read "22.000" here, beside "trên 22.000" a sentence before
        value = i18n.qualified(num(last), r.get("last_value_qualifier"), lang)
        values = {"label": i18n.indicator_label(r["indicator"], lang), "place": r["place"],
                  "hi": num(hi), "times": i18n.fmt_number(times, lang, 1), "value": value,
                  "date": i18n.fmt_date(r["last_as_of"], lang)}
        seen = largest_rise_to_year_end(obs, str(r["indicator"]), pd.Timestamp(r["last_as_of"]))
        if seen is None:
            out.append(i18n.t("forecast_wide", lang, **values))
            continue
        text = i18n.t("forecast_wide_seen", lang, **values,
                      seen=i18n.place_label(str(seen["geo_name"]), lang),
                      v1=i18n.qualified(num(seen["v1"]), seen["q1"], lang),
                      v2=i18n.qualified(num(seen["v2"]), seen["q2"], lang),
                      d1=i18n.fmt_date(seen["d1"], lang), d2=i18n.fmt_date(seen["d2"], lang),
                      k=i18n.fmt_number(seen["ratio"], lang, 1))
        if round(times, 1) > round(seen["ratio"], 1):
            text += " " + i18n.t("forecast_wide_beyond", lang)
        out.append(text)
    return out


def largest_rise_to_year_end(obs: pd.DataFrame, indicator: str, as_of: pd.Timestamp
                             ) -> dict[str, Any] | None:
    """The largest rise from a figure to the 31 December of its year, in the data.

    Figures of ``indicator`` of a national or provincial series (what the forecaster
    learns from), of a year whose 31 December figure is known by ``as_of``, dated in
    ``as_of``'s month of the year or earlier (a move from that point of the year or
    earlier to the year-end, as :func:`bhxh_analysis.forecast.methods.move_caps` takes
    them); of two figures of one date the one every page shows
    (:func:`~.data.best_first`: the national page's "khoảng 574.000" of 31/12/2019, not
    another source's 551.000), with its source's qualifier (``q1``, ``q2``). None when
    none rose.

    Examples
    --------
    >>> obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "nation", "geo_code": "VN",
    ...     "geo_name": "Việt Nam", "indicator": "x",
    ...     "as_of": pd.to_datetime(["2019-02-28", "2019-08-31", "2019-12-31"]),
    ...     "value": [280.0, 449.0, 551.0]})
    >>> r = largest_rise_to_year_end(obs, "x", pd.Timestamp("2020-06-30"))
    >>> round(r["ratio"], 2), r["d1"].month
    (1.97, 2)
    """
    from .data import best_first

    keys = ["boundaries", "geo_level", "geo_code"]
    sel = obs[(obs["indicator"] == indicator) & (obs["as_of"] <= as_of)
              & obs["geo_level"].isin(["nation", "national", "province"])]
    # one figure per date, the one every page shows (the forecaster's: best_first)
    sel = best_first(sel).sort_values([*keys, "as_of"], kind="stable").drop_duplicates(
        [*keys, "as_of"])
    if sel.empty:
        return None
    sel = sel.assign(qualifier=kinds_of(sel, printed_only=True).to_numpy())
    end = sel["as_of"].dt.month.eq(12) & sel["as_of"].dt.day.eq(31)
    ends = sel[end].assign(year=lambda d: d["as_of"].dt.year)[
        [*keys, "year", "value", "as_of", "qualifier"]]
    start = sel[~end & sel["as_of"].dt.month.le(as_of.month)].assign(
        year=lambda d: d["as_of"].dt.year)
    pairs = start.merge(ends, on=[*keys, "year"], suffixes=("", "_end"))
    pairs = pairs[pairs["value"] > 0]
    if pairs.empty:
        return None
    ratio = pairs["value_end"] / pairs["value"]
    i = ratio.idxmax()
    if not ratio[i] > 1:
        return None
    top = pairs.loc[i]
    return {"geo_name": top["geo_name"], "v1": float(top["value"]),
            "v2": float(top["value_end"]), "d1": top["as_of"], "d2": top["as_of_end"],
            "ratio": float(ratio[i]), "q1": top["qualifier"], "q2": top["qualifier_end"]}


def rest_notes(fcs: pd.DataFrame, lang: str) -> list[str]:
    """The sentence for a part held within its total less the rest of the total.

    Household BHYT is one group of BHYT among others: where its upper ends were held at
    or below BHYT's less the rest of BHYT (flag ``bounded_rest``,
    :func:`bhxh_analysis.forecast.bounds.cap_by_parts`), the page says so with the
    figures a reader can check: the total's and the part's figures of the same date and
    the fall allowed for the rest (:data:`~bhxh_analysis.forecast.bounds.PART_FALL`).
    """
    from ..forecast.bounds import PART_FALL, total_of

    need = {"flags", "indicator", "place", "year", "as_of", "last_value", "last_as_of", "hi95"}
    if fcs.empty or not need <= set(fcs.columns):
        return []
    out = []
    for _, r in fcs[fcs["flags"].map(
            lambda f: isinstance(f, str) and "bounded_rest" in f.split(";"))].iterrows():
        total = total_of(str(r["indicator"]))
        tot = fcs[(fcs["place"] == r["place"]) & (fcs["year"] == r["year"])
                  & (fcs["as_of"] == r["as_of"]) & (fcs["indicator"] == total)]
        if total is None or tot.empty:
            continue
        t_last = float(tot.iloc[0]["last_value"])

        def num(v: Any) -> str:
            return i18n.fmt_number(v, lang)

        out.append(i18n.t("flag_bounded_rest", lang,
                          label=i18n.indicator_label(r["indicator"], lang), place=r["place"],
                          total=i18n.indicator_label(total, lang), t=num(t_last),
                          part=num(r["last_value"]), rest=num(t_last - float(r["last_value"])),
                          date=i18n.fmt_date(r["last_as_of"], lang),
                          fall=i18n.fmt_pct(100 * PART_FALL, lang, 0), value=num(r["hi95"])))
    return out
