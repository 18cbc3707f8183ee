"""A plan known only as a range is shown and used as a range (issue 14, trust).

A coverage plan times a population derived from rounded figures ("1.150.000" ÷ "89%")
is a count known to within its inputs' rounding: the forecast carries ``plan_lo``–
``plan_hi`` and the chance at each end, and a report prints the plan, the move needed and
the chance as ranges. A plan printed as one number stays one number.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from bhxh_analysis import i18n, plotting
from bhxh_analysis.forecast import RESULT_COLUMNS, forecast
from bhxh_analysis.reports.render import table_html, value_text
from bhxh_analysis.reports.words import forecast_sentences, plan_texts

PARTICIPANTS, PLAN_PCT = 1_150_000.0, 92.0


def _obs(coverage: tuple[str, str, float, str]) -> pd.DataFrame:
    """One province: participants, the year's coverage plan and a denominator row."""
    rows = [("2022-10-21", "bhyt_participants", PARTICIPANTS, "1.150.000"),
            ("2022-12-31", "bhyt_plan_coverage_pct", PLAN_PCT, "92%"), coverage]
    return pd.DataFrame({
        "obs_id": [f"u{i}" for i in range(len(rows))], "source_id": "test",
        "geo_code": "P1", "geo_name": "Place P1", "geo_level": "province",
        "boundaries": "legacy", "as_of": pd.to_datetime([r[0] for r in rows]),
        "indicator": [r[1] for r in rows], "value": [r[2] for r in rows],
        "value_raw": [r[3] for r in rows]})


def _forecast(coverage: tuple[str, str, float, str]):
    return forecast(_obs(coverage), geo="Place P1", indicator="bhyt_participants",
                    year=2022, as_of="2022-10-21")


DERIVED = ("2022-10-21", "bhyt_coverage_pct", 89.0, "89%")  # population 1,277,777–1,299,435
PUBLISHED = ("2022-07-01", "population", 1_290_850.0, "1.290.850")


def test_a_plan_over_a_derived_denominator_keeps_its_range_and_chance_at_each_end() -> None:
    r = _forecast(DERIVED)
    assert r.plan_lo == pytest.approx(PLAN_PCT * PARTICIPANTS / 0.90 / 100)  # "89%": up to 90 % (truncated)
    assert r.plan_hi == pytest.approx(PLAN_PCT * PARTICIPANTS / 0.885 / 100)
    assert r.plan_lo < r.plan < r.plan_hi
    # P at the higher plan is the lower chance; the central P lies between
    assert r.p_meet_plan_lo <= r.p_meet_plan <= r.p_meet_plan_hi
    assert r.p_meet_plan_lo < r.p_meet_plan_hi
    f = r.to_frame()
    assert {"plan", "plan_lo", "plan_hi", "p_meet_plan", "p_meet_plan_lo",
            "p_meet_plan_hi"} <= set(f.columns) <= set(RESULT_COLUMNS)
    assert f.loc[0, "plan_hi"] == pytest.approx(r.plan_hi)


def test_a_plan_over_a_published_denominator_is_one_number_at_both_ends() -> None:
    r = _forecast(PUBLISHED)
    assert r.plan_lo == r.plan == r.plan_hi
    assert r.p_meet_plan_lo == r.p_meet_plan == r.p_meet_plan_hi


def _row(r, **kw) -> pd.Series:
    """The forecast as a row of a report's forecast table."""
    d = {**r.to_dict(), "place": "Place P1", "status": "ok", "last_value": PARTICIPANTS,
         "last_as_of": pd.Timestamp("2022-10-21"), "as_of": pd.Timestamp("2022-10-21"),
         "plan_note": "", "denominator_note": "", **kw}
    return pd.Series(d)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ranged_plan_prints_as_a_range_in_the_sentences_and_the_table(lang) -> None:
    r = _forecast(DERIVED)
    row = _row(r, p_meet_plan_lo=0.20, p_meet_plan_hi=0.35)
    lo, hi = (i18n.fmt_number(row[c], lang) for c in ("plan_lo", "plan_hi"))
    plan = i18n.t("range_dash", lang, lo=lo, hi=hi)
    said = forecast_sentences(pd.DataFrame([row]), lang)
    text = " ".join(said)
    # the central plan is named only where it is the number a sentence's arithmetic used
    central = i18n.fmt_number(r.plan, lang)
    ranged = i18n.t("plan_ranged", lang, label=i18n.indicator_label("bhyt_participants", lang),
                    place="Place P1", p=i18n.fmt_pct(100 * r.p_meet_plan, lang, 0),
                    central=central)
    named = [x for x in said if central in x]
    assert plan in text and ranged in named
    model = i18n.t("plan_model_empirical_moves_central", lang, n=0, k=0, p="", central=central)
    # (and where a forecast inside the range disagrees with P at that value, that sentence)
    inside = tuple(i18n.t(k, lang, p="{p}", central=central).split("{p}")[0]
                   for k in ("plan_model_disagree_inside_above", "plan_model_disagree_inside_below"))
    assert all(x == ranged or x.startswith(model.split(central)[0] + central)
               or x.startswith(inside) for x in named)
    move = i18n.t("range_dash", lang, lo=i18n.fmt_number(row["plan_lo"] - PARTICIPANTS, lang),
                  hi=i18n.fmt_number(row["plan_hi"] - PARTICIPANTS, lang))
    assert move in text
    assert i18n.t("range_dash", lang, lo="20", hi="35%") in text
    assert ranged in text
    cells = table_html(pd.DataFrame([row]), lang, columns=["plan", "p_meet_plan"])
    assert plan in cells and i18n.t("range_dash", lang, lo="20", hi="35%") in cells


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_single_plan_prints_as_one_number(lang) -> None:
    r = _forecast(PUBLISHED)
    row = _row(r)
    text = " ".join(forecast_sentences(pd.DataFrame([row]), lang))
    assert i18n.fmt_number(r.plan, lang) in text
    assert i18n.fmt_number(r.plan - PARTICIPANTS, lang) in text
    assert not plan_texts(row, lang)["ranged"]
    assert i18n.t("plan_ranged", lang, label=i18n.indicator_label("bhyt_participants", lang),
                  place="Place P1", p=i18n.fmt_pct(100 * r.p_meet_plan, lang, 0),
                  central=i18n.fmt_number(r.plan, lang)) not in text
    assert "–" not in " ".join(t for t in text.split() if any(c.isdigit() for c in t))
    cells = table_html(pd.DataFrame([row]), lang, columns=["plan", "p_meet_plan"])
    assert f">{i18n.fmt_number(r.plan, lang)}<" in cells
    assert f">{i18n.fmt_pct(100 * r.p_meet_plan, lang, 0)}<" in cells


def test_the_chance_is_a_range_only_when_its_ends_differ_by_a_point() -> None:
    assert value_text(0.32, 0.30, 0.345, "prob", "en") == ("30–34%", True)
    assert value_text(0.32, 0.318, 0.325, "prob", "en") == ("32%", False)
    assert value_text(0.32, np.nan, np.nan, "prob", "vi") == ("32%", False)


def test_the_fan_chart_draws_a_ranged_plan_as_a_band() -> None:
    r = _forecast(DERIVED)
    hist = pd.DataFrame({"as_of": pd.to_datetime(["2022-06-30", "2022-10-21"]),
                         "value": [1.1e6, PARTICIPANTS]})
    labels = {}
    for name, res in (("range", r), ("one", _forecast(PUBLISHED))):
        ax = plotting.fan_chart(hist, res.to_frame(), plan=res.plan, lang="en")
        labels[name] = [t for t in ax.get_legend_handles_labels()[1] if t.startswith("Plan")]
        plt.close(ax.figure)
    lo, hi = (i18n.fmt_number(getattr(r, c), "en") for c in ("plan_lo", "plan_hi"))
    assert labels["range"] == [f"Plan: {lo}–{hi}"]
    assert labels["one"] == [f"Plan: {i18n.fmt_number(_forecast(PUBLISHED).plan, 'en')}"]
    # a range within a person of the plan is the plan, as the table prints it (the chart
    # drew "4,035–4,036" and a band beside a table's "4,035")
    near = r.to_frame().assign(plan_lo=r.plan - 0.6, plan_hi=r.plan + 0.6)
    ax = plotting.fan_chart(hist, near, plan=r.plan, lang="en")
    shown = [t for t in ax.get_legend_handles_labels()[1] if t.startswith("Plan")]
    plt.close(ax.figure)
    assert shown == [f"Plan: {value_text(r.plan, r.plan - 0.6, r.plan + 0.6, 'count', 'en')[0]}"]
    assert "–" not in shown[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ranged_plan_whose_ends_round_to_one_chance_says_one_chance(lang) -> None:
    """Both ends 32 % once rounded: one P, not "computed at both ends (central: P)"."""
    r = _forecast(DERIVED)
    label = i18n.indicator_label("bhyt_participants", lang)
    same = _row(r, p_meet_plan=0.321, p_meet_plan_lo=0.318, p_meet_plan_hi=0.323)
    text = " ".join(forecast_sentences(pd.DataFrame([same]), lang))
    central = i18n.fmt_number(r.plan, lang)
    one = i18n.t("plan_ranged_one_p", lang, label=label, place="Place P1", p="32%")
    assert one in text
    assert i18n.t("plan_ranged", lang, label=label, place="Place P1", p="32%",
                  central=central) not in text
    assert plan_texts(same, lang)["p"] == "32%"
    # ends 0.2 point apart but printed 30 % and 31 %: the range sentence stays
    apart = _row(r, p_meet_plan=0.306, p_meet_plan_lo=0.304, p_meet_plan_hi=0.307)
    text = " ".join(forecast_sentences(pd.DataFrame([apart]), lang))
    assert not plan_texts(apart, lang)["p_one"]
    assert i18n.t("plan_ranged", lang, label=label, place="Place P1", p="31%",
                  central=central) in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_past_moves_arithmetic_of_a_ranged_plan_names_the_central_plan(lang) -> None:
    r = _forecast(DERIVED)
    kw = {"p_meet_plan_model": "empirical_moves", "past_moves": 11.0,
          "past_moves_as_large": 3.0, "p_meet_plan": 3.5 / 12}
    p = i18n.fmt_pct(100 * 3.5 / 12, lang, 0)
    ranged = " ".join(forecast_sentences(pd.DataFrame([_row(r, **kw)]), lang))
    # named: the plan worked out from the figures as published, not "the middle of the
    # range" (Hồ Chí Minh 2017: 6.693.350 against 6.364.850–6.693.351)
    central = i18n.t("plan_model_empirical_moves_central", lang, n=11, k=3, p=p,
                     central=i18n.fmt_number(r.plan, lang))
    assert central in ranged
    assert i18n.t("plan_model_empirical_moves", lang, n=11, k=3, p=p) not in ranged
    single = _forecast(PUBLISHED)
    text = " ".join(forecast_sentences(pd.DataFrame([_row(single, **kw)]), lang))
    assert i18n.t("plan_model_empirical_moves", lang, n=11, k=3, p=p) in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_move_in_percent_follows_the_tables_rule_for_a_rates_range(lang) -> None:
    """Hải Phòng 2020 (legacy) read "(8,8–9% so với số liệu mới nhất ...)": ends alike to
    whole points and printed at two precisions. The move's share of the latest figure
    (one decimal) is ranged by :func:`~bhxh_analysis.reports.render.same_coarser`, as a
    gap in a table is, and a range kept prints both ends with one decimal."""
    mark = "," if lang == "vi" else "."
    base = {"last_value": 412_321.0, "p_meet_plan": 0.3, "p_meet_plan_lo": 0.29,
            "p_meet_plan_hi": 0.31}
    close = plan_texts(pd.Series({**base, "plan": 449_030.0, "plan_lo": 448_662.0,
                                  "plan_hi": 449_397.0}), lang)
    assert close["ranged"] and close["move_pct"] == f"8{mark}9%"
    # ... and Kon Tum's kind: 133,94–134,02% is 134% to whole points
    last = 10_000.0
    kt = plan_texts(pd.Series({**base, "last_value": last, "plan": 23_398.0,
                               "plan_lo": 23_394.0, "plan_hi": 23_402.0}), lang)
    assert kt["ranged"] and kt["move_pct"] == "134%"
    wide = plan_texts(pd.Series({**base, "plan": 433_000.0, "plan_lo": 430_000.0,
                                 "plan_hi": 436_000.0}), lang)
    assert wide["move_pct"] == f"4{mark}3–5{mark}7%"
    even = plan_texts(pd.Series({**base, "last_value": 1000.0, "plan": 1045.0,
                                 "plan_lo": 1030.0, "plan_hi": 1065.0}), lang)
    assert even["move_pct"] == f"3{mark}0–6{mark}5%"  # never "3–6,5%"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ranged_plan_already_met_names_no_move_needed(lang) -> None:
    """Kon Tum 2020: 4.294 already met the plan of 4.035–4.042, yet the next sentence
    said "the move needed is a range too" (the table's pace: 0)."""
    r = _forecast(DERIVED)
    label = i18n.indicator_label("bhyt_participants", lang)
    met = _row(r, last_value=r.plan_hi + 5_000, p_meet_plan=0.94, p_meet_plan_lo=0.94,
               p_meet_plan_hi=0.94)
    text = " ".join(forecast_sentences(pd.DataFrame([met]), lang))
    assert i18n.t("plan_ranged_met_one_p", lang, label=label, place="Place P1",
                  p="94%") in text, text
    for key in ("plan_ranged_one_p", "plan_ranged"):
        assert i18n.t(key, lang, label=label, place="Place P1", p="94%",
                      central=i18n.fmt_number(r.plan, lang)) not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_latest_figure_keeps_its_sources_qualifier(lang) -> None:
    """Cà Mau 5/12/2024: "trên 1 triệu" BHYT participants read "1.000.000" in the forecast
    table and its sentences, beside "trên 1.000.000" in the headline table."""
    r = _forecast(DERIVED)
    row = _row(r, last_value_qualifier="over")
    shown = i18n.qualified(i18n.fmt_number(PARTICIPANTS, lang), "over", lang)
    assert shown != i18n.fmt_number(PARTICIPANTS, lang)
    assert f"<td class=\"num\">{shown}</td>" in table_html(pd.DataFrame([row]), lang)
    text = " ".join(forecast_sentences(pd.DataFrame([row]), lang))
    assert shown in text, text
