"""Forecast and coverage sentences a VSS analyst would stumble on (issue 14, wp-left17):
a gap to a target printed "trên 85%" is only a minimum; a ranged plan's central value is
named, not called the middle of the range; a year already over reads in the past tense
and says whether its plan was met."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports import ProvinceReport
from bhxh_analysis.reports.dates import months_text
from bhxh_analysis.reports.render import table_html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_gap_to_a_bound_target_is_a_minimum(home: Path, lang: str) -> None:
    # Sông Cầu 31/7/2018: BHYT 83,47% against the plan "trên 85%"; the table read the
    # gap "+1,53" and the persons needed "1.499–1.514" as if the plan were exactly 85%
    rpt = ProvinceReport("Đắk Lắk", boundaries="2025", lang=lang)
    cov = rpt.coverage_table()
    over = cov[cov["target_qualifier"].isin(["over", "at_least"]) & cov["gap_pp"].notna()]
    assert len(over) >= 1
    html = table_html(cov, lang, place=rpt.unit.name)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    at_least = i18n.t("qualifier_at_least", lang, value="")
    for _, r in over.iterrows():
        assert r["gap_pp_qualifier"] == "at_least" == r["persons_needed_qualifier"]
        gap = i18n.qualified(i18n.fmt_pp(r["gap_pp"], lang), "at_least", lang)
        assert gap in cells, gap
        # the persons needed: the least of the range the inputs allow
        low = r["persons_needed_lo"] if r["persons_needed_lo"] == r["persons_needed_lo"] \
            else r["persons_needed"]
        assert i18n.qualified(i18n.fmt_number(low, lang), "at_least", lang) in cells
    # a target printed as one number keeps its gap without a word
    exact = cov[cov["target_qualifier"].eq("") & cov["gap_pp"].notna()]
    assert len(exact) and exact["gap_pp_qualifier"].eq("").all()
    assert sum(c.startswith(at_least) for c in cells) == 2 * len(over)
    # and the notes say why, naming the target as printed
    notes = rpt.coverage_notes()
    target = i18n.qualified(i18n.fmt_pct(over["target"].iloc[0], lang), "over", lang)
    said = [n for n in notes if n == i18n.t("coverage_gap_at_least", lang, targets=target)]
    assert len(said) == 1, notes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ranged_plans_moves_are_set_against_the_plan_the_forecast_uses(home: Path,
                                                                         lang: str) -> None:
    # Hồ Chí Minh 31/5/2017, BHYT: plan 6.364.850–6.693.351 ("gần 6.570.000" + 123.350),
    # its central value 6.693.350 at the top; the page said the past moves were set
    # against "the middle of the range" (6.529.101), which the forecast never used
    rpt = ProvinceReport("Hồ Chí Minh", boundaries="legacy", lang=lang)
    fcs = rpt.forecast_table()
    r = fcs[fcs["indicator"].eq("bhyt_participants") & fcs["plan_hi"].gt(fcs["plan_lo"])]
    assert len(r) == 1
    r = r.iloc[0]
    middle = (r["plan_lo"] + r["plan_hi"]) / 2
    assert abs(r["plan"] - middle) > 0.4 * (r["plan_hi"] - r["plan_lo"])  # at one end
    notes = rpt.forecast_notes()
    central = i18n.fmt_number(r["plan"], lang)
    n, k = int(r["past_moves"]), int(r["past_moves_as_large"])
    p = i18n.fmt_pct(100 * r["p_meet_plan"], lang, 0)
    model = i18n.t("plan_model_empirical_moves_central", lang, n=n, k=k, p=p,
                   central=central)
    assert model in notes, notes
    ranged = [x for x in notes if x.startswith(i18n.indicator_label(r["indicator"], lang))
              and f"{central}: {p})" in x]
    assert len(ranged) == 1, notes
    for word in ("middle", "giữa"):
        assert not any(word in x for x in notes), notes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_already_over_reads_in_the_past_and_says_if_the_plan_was_met(
        home: Path, lang: str) -> None:
    # National page, 2025 forecast from 30/11/2025 with the published 31 December beside
    # it: the plan sentence was in the past tense, the ranged-plan, past-moves and model
    # sentences still in the present ("the move needed is a range too", "the
    # probability ... is 43%"), and nothing said whether the plan was met
    from bhxh_analysis.reports.national import ForecastReport
    from bhxh_analysis.reports.words import plan_texts

    rpt = ForecastReport(lang=lang)
    fcs = rpt.forecast_table()
    over = fcs[fcs["actual"].notna() & fcs["plan"].notna() & fcs["p_meet_plan"].notna()]
    assert len(over) >= 3
    notes = rpt.forecast_notes()
    kinds = set()
    for _, r in over.iterrows():
        label = i18n.indicator_label(r["indicator"], lang)
        plan = plan_texts(r, lang)["plan"]
        actual = i18n.qualified(i18n.fmt_number(r["actual"], lang), r["actual_qualifier"], lang)
        word = r["actual_qualifier"]
        # the expected outcome, from the published figure's word and the plan's ends
        if r["actual"] < r["plan_lo"] and word in ("", "nearly", "at_most"):
            kind = "missed"
        elif r["actual"] >= r["plan_hi"] and word in ("", "over", "at_least"):
            kind = "met"
        elif r["actual"] < r["plan_lo"] and word in ("over", "at_least"):
            kind = "unknown"  # "trên 18.260.000" against a plan above it
        else:
            continue
        kinds.add(kind)
        said = i18n.t(f"plan_outcome_{kind}", lang, label=label, place=r["place"],
                      actual=actual, plan=plan)
        assert said in notes, (said, notes)
        others = [k for k in ("met", "missed", "unknown") if k != kind]
        assert not any(i18n.t(f"plan_outcome_{k}", lang, label=label, place=r["place"],
                              actual=actual, plan=plan) in notes for k in others)
        # the ranged-plan and past-moves sentences in their past form, never the present
        if r["plan_hi"] > r["plan_lo"]:
            p = i18n.fmt_pct(100 * r["p_meet_plan"], lang, 0)  # at the central plan
            central = i18n.fmt_number(r["plan"], lang)
            for key in ("plan_ranged", "plan_ranged_one_p"):
                assert i18n.t(key, lang, label=label, place=r["place"], p=p,
                              central=central) not in notes
            assert any(n.startswith(f"{label} — {r['place']}: ") and n in {
                i18n.t(k + "_past", lang, label=label, place=r["place"], p=p, central=central)
                for k in ("plan_ranged", "plan_ranged_one_p")} for n in notes), notes
        n, k = int(r["past_moves"]), int(r["past_moves_as_large"])
        window = months_text(int(r["past_moves_window"]), lang)
        fam = i18n.t("plan_family_participants", lang)
        past = i18n.t("plan_past_moves_family_past", lang, n=n, k=k, family=fam,
                      window=window)
        assert past in notes
        assert i18n.t("plan_past_moves_family", lang, n=n, k=k, family=fam,
                      window=window) not in notes
        # the model sentence: its past form, never the present one
        share = i18n.fmt_pct(100 * (k + 0.5) / (n + 1), lang, 0)
        kw = {"n": n, "k": k, "share": share, "central": i18n.fmt_number(r["plan"], lang),
              "p": i18n.fmt_pct(100 * r["p_meet_plan"], lang, 0)}
        keys = ("plan_model_empirical_moves_central", "plan_model_empirical_moves_central_held")
        assert r["p_meet_plan_model"] == "empirical_moves"
        assert not any(i18n.t(key, lang, **kw) in notes for key in keys)
        assert sum(i18n.t(key + "_past", lang, **kw) in notes for key in keys) == 1
    assert kinds == {"met", "missed", "unknown"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_outcome_of_a_plan_follows_the_published_figures_word(lang: str) -> None:
    import pandas as pd

    from bhxh_analysis.reports.yearover import plan_outcome, tense

    base = {"indicator": "bhyt_participants", "place": "P", "plan": 1000.0,
            "plan_lo": 990.0, "plan_hi": 1010.0}

    def kind(actual: float, word: str) -> str:
        got = plan_outcome(pd.Series({**base, "actual": actual, "actual_qualifier": word}),
                           lang, "990–1010")
        assert len(got) == 1
        return next(k for k in ("met", "missed", "unknown")
                    if got[0] == i18n.t(f"plan_outcome_{k}", lang,
                                        label=i18n.indicator_label(base["indicator"], lang),
                                        place="P", actual=i18n.qualified(
                                            i18n.fmt_number(actual, lang), word, lang),
                                        plan="990–1010"))

    assert kind(1020.0, "") == "met"
    assert kind(1000.0, "") == "unknown"  # inside the plan's range
    assert kind(980.0, "") == "missed"
    assert kind(980.0, "over") == "unknown"  # "trên 980" could be above the plan
    assert kind(1020.0, "nearly") == "unknown"  # "gần 1.020" could be below it
    assert kind(1020.0, "over") == "met"
    # no outcome for a year not over, or without a plan
    assert plan_outcome(pd.Series({**base, "actual": float("nan")}), lang, "x") == []
    assert plan_outcome(pd.Series({**base, "plan": float("nan"), "actual": 5.0}),
                        lang, "x") == []
    assert tense("plan_ranged", {"actual": 1.0}) == "plan_ranged_past"
    assert tense("plan_ranged", {"actual": float("nan")}) == "plan_ranged"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_window_of_one_month_is_one_month(home: Path, lang: str) -> None:
    # National 2025 (from 30/11/2025): the family pool's window of one month read
    # "within 1 months of this point of the year"
    from bhxh_analysis.reports.national import ForecastReport

    rpt = ForecastReport(lang=lang)
    fcs = rpt.forecast_table()
    assert fcs["past_moves_window"].eq(1).any()
    notes = " ".join(rpt.forecast_notes())
    assert re.search(r"\b1 months\b", notes) is None
    assert months_text(1, lang) in notes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_move_of_its_own_beside_a_family_pool_of_moves(home: Path, lang: str) -> None:
    # Hồ Chí Minh 31/5/2017, BHYT: "of 15 moves to 31 December ..., 14 reached this size"
    # beside "there is no move to the year-end to learn from" (flag no_moves: none of this
    # very indicator; the 15 are every scheme's, counted for P(meet plan) only)
    rpt = ProvinceReport("Hồ Chí Minh", boundaries="legacy", lang=lang)
    fcs = rpt.forecast_table()
    r = fcs[fcs["indicator"].eq("bhyt_participants")].iloc[0]
    assert "no_moves" in str(r["flags"]) and r["past_moves_pool"] == "family"
    assert r["past_moves"] > 0
    notes = rpt.forecast_notes()
    said = i18n.t("flag_no_moves", lang, label=i18n.indicator_label(r["indicator"], lang),
                  place=r["place"])
    assert said in notes
    own = {"vi": "của chính chỉ tiêu này để học", "en": "no move of this indicator"}[lang]
    assert own in said


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("word", ["over", "nearly", ""])
def test_the_fan_charts_year_end_keeps_its_sources_word(lang: str, word: str) -> None:
    # National 2025: the legend read "Published 31 December figure: 18,260,000" beside
    # the table's "over 18,260,000" (and "16,600,000" for "nearly 16,600,000")
    import matplotlib.pyplot as plt
    import pandas as pd

    from bhxh_analysis import plotting

    hist = pd.DataFrame({"as_of": pd.to_datetime(["2025-06-30", "2025-11-30"]),
                         "value": [17.6e6, 18.032e6]})
    fc = pd.DataFrame({"year": [2025], "forecast": [18.68e6], "lo80": [18.2e6],
                       "hi80": [19.1e6], "lo95": [17.8e6], "hi95": [19.6e6],
                       "actual": [18.26e6], "actual_qualifier": [word]})
    ax = plotting.fan_chart(hist, fc, lang=lang)
    labels = ax.get_legend_handles_labels()[1]
    plt.close(ax.figure)
    shown = i18n.qualified(i18n.fmt_number(18.26e6, lang), word, lang)
    assert i18n.t("fan_actual", lang, value=shown) in labels


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sources_table_dates_a_rough_date_as_the_tables_do(home: Path, lang: str) -> None:
    # Quảng Ninh: BHYT coverage 95% of "end-2020" read "cuối năm 2020" in the headline
    # and coverage tables, "95% (31/12/2020)" in the sources table
    from bhxh_analysis.reports.dates import date_text

    rpt = ProvinceReport("Quảng Ninh", boundaries="legacy", lang=lang)
    cov = rpt.coverage_table()
    rough = cov[cov["as_of_approx"].astype(bool)]
    assert len(rough) >= 1
    gives = " ".join(rpt.sources_table()["gives"])
    for _, r in rough.iterrows():
        assert f"({date_text(r['as_of'], True, lang)})" in gives, gives
        assert f"({i18n.fmt_date(r['as_of'], lang)})" not in gives
