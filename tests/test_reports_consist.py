"""One reading of a figure across a page's tables (wp-consist).

A reader of Bình Phước (legacy) and Đồng Nai (2025) found the coverage table and the
derived table disagreeing on the same gap: the coverage table took the plan's target
rate as exact ("+10,2"), the derived table widened it as if rounded ("+10,05 to
+10,35"). A plan is a decision: its printed value is the target.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_reports import _bundle, _html, _obs

from bhxh_analysis import metrics, reports
from bhxh_analysis.reports.render import value_text


def _derive(obs: pd.DataFrame) -> pd.DataFrame:
    derived = metrics.derive(obs)
    return derived.astype({c: str for c in derived.columns
                           if isinstance(derived[c].dtype, pd.CategoricalDtype)})


def _gap_rows(raw_rate: str, rate: float, raw_plan: str, plan: float):
    obs = _obs([
        ("c-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2022-10-31",
         "bhyt_coverage_pct", rate, "pct", raw_rate),
        ("p-1", "seed003", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2022-12-31",
         "bhyt_plan_coverage_pct", plan, "pct", raw_plan),
    ])
    rpt = reports.ProvinceReport("Kon Tum", lang="en", bundle=_bundle(obs, _derive(obs)))
    cov = rpt.coverage_table().iloc[0]
    der = rpt.derived_table()
    short = der[der["indicator"].eq("bhyt_shortfall_pp")].iloc[0]
    return cov, short


def test_a_published_plan_is_exact_in_figure_bounds() -> None:
    obs = pd.DataFrame({"indicator": ["bhyt_plan_coverage_pct", "bhyt_coverage_pct",
                                      "bhxh_plan_participants", "bhyt_plan_coverage_pct"],
                        "value": [91.5, 91.5, 17_740_000.0, 95.0],
                        "value_raw": ["91.5%", "91.5%", "17,74 triệu", "khoảng 95%"]})
    b = metrics.figure_bounds(obs)
    assert (b["lo"].iloc[0], b["hi"].iloc[0]) == (91.5, 91.5)  # the target itself
    assert (b["lo"].iloc[1], b["hi"].iloc[1]) == pytest.approx((91.45, 91.6))  # a measure
    assert (b["lo"].iloc[2], b["hi"].iloc[2]) == (17_740_000.0, 17_740_000.0)
    assert (b["lo"].iloc[3], b["hi"].iloc[3]) == pytest.approx((93.1, 96.9))  # its word


@pytest.mark.parametrize("raw_rate, rate, raw_plan, plan, ends", [
    ("81.3%", 81.3, "91.5%", 91.5, (10.1, 10.25)),  # Bình Phước 31/10/2022
    ("trên 92.3%", 92.3, "95%", 95.0, (-5.0, 2.75)),  # Đồng Nai 24/5/2025
    ("93%", 93.0, "92.25%", 92.25, (-1.75, -0.25)),  # Đồng Nai 2023
])
def test_coverage_and_derived_tables_give_one_gap(raw_rate, rate, raw_plan, plan,
                                                  ends) -> None:
    cov, short = _gap_rows(raw_rate, rate, raw_plan, plan)
    assert short["value"] == pytest.approx(cov["gap_pp"])
    assert (cov["gap_pp_lo"], cov["gap_pp_hi"]) == pytest.approx(ends)
    assert (short["value_lo"], short["value_hi"]) == pytest.approx(ends)
    for lang in ("vi", "en"):  # and the page prints them alike
        shown = value_text(short["value"], short["value_lo"], short["value_hi"], "pp", lang,
                           short)[0]
        assert shown == value_text(cov["gap_pp"], cov["gap_pp_lo"], cov["gap_pp_hi"], "pp",
                                   lang)[0]
        assert f">{shown}<" in _html(pd.DataFrame([cov]), lang)


def test_a_plan_implied_by_other_figures_keeps_its_inputs_range() -> None:
    """A target implied by coverage + shortfall points is no decision: it keeps the range
    its printed inputs allow (83,23 + 6,77: 83,225 + 6,765 to 83,24 + 6,78)."""
    obs = _obs([
        ("c-1", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_coverage_pct", 83.23, "pct", "83,23%"),
        ("s-1", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_shortfall_pp", 6.77, "pct", "6,77%"),
    ])
    d = _derive(obs)
    plan = d[d["indicator"].eq("bhyt_plan_coverage_pct")].iloc[0]
    assert (plan["value_lo"], plan["value_hi"]) == pytest.approx((89.99, 90.02))


def test_a_warning_prints_the_sources_qualifier() -> None:
    """Tân Kỳ 2018: the voluntary BHXH plan printed "khoảng 1.300" read "1.300" in the
    consistency warnings (617 ÷ 55,83 % implies 1.105)."""
    from bhxh_analysis.reports.words import conflicts_text

    obs = _obs([
        (f"t-{i}", "seed000", "423", "Tân Kỳ", "district", "legacy", "Nghệ An", "2018-12-31",
         ind, v, u, raw) for i, (ind, v, u, raw) in enumerate([
             ("bhxh_voluntary_participants", 617.0, "persons", "617"),
             ("bhxh_voluntary_attainment_pct", 55.83, "pct", "55,83%"),
             ("bhxh_voluntary_plan_participants", 1300.0, "persons", "khoảng 1.300")])])
    _, checks = metrics.derive_and_check(obs)
    conf = checks[checks["status"].eq("conflict")
                  & checks["check"].str.endswith("plan_participants")]
    assert len(conf) == 1
    labels = pd.Series({"seed000": "Báo Lâm Đồng — x"})
    for lang, word in (("vi", "khoảng 1.300"), ("en", "about 1,300")):
        row = conflicts_text(conf, labels, lang).iloc[0]
        assert word in row["figures"] and word in row["implied"]
        assert "1.105" in row["implied"] or "1,105" in row["implied"]


def _ca_mau() -> pd.DataFrame:
    """Cà Mau 5/12/2024 (legacy): "trên 1 triệu" BHYT participants, 95 % coverage and the
    2024 plan of 93,45 %; the population is only those participants ÷ that rate."""
    return _obs([
        ("cm-1", "seed004", "96", "Cà Mau", "province", "legacy", "Cà Mau", "2024-12-05",
         "bhyt_participants", 1_000_000.0, "persons", "trên 1 triệu"),
        ("cm-2", "seed004", "96", "Cà Mau", "province", "legacy", "Cà Mau", "2024-12-05",
         "bhyt_coverage_pct", 95.0, "pct", "95%"),
        ("cm-3", "seed003", "96", "Cà Mau", "province", "legacy", "Cà Mau", "2024-12-31",
         "bhyt_plan_coverage_pct", 93.45, "pct", "93,45%"),
    ])


def test_a_plan_restating_a_rate_short_of_it_keeps_the_rate_range_and_its_chances(
        built_home, monkeypatch) -> None:
    """Cà Mau-like at 92 % (short of 93,45 %): the page kept the forecaster's plan range
    over the participants' "trên 1 triệu" too (502.419–2.042.623, P at both ends); the plan is
    participants × 93,45 ÷ rate, so only the rate's 91,5–93 % is left, with P at its ends."""
    monkeypatch.setenv("BHXH_HOME", str(built_home))
    obs = _ca_mau()
    obs.loc[obs["indicator"].eq("bhyt_coverage_pct"), ["value", "value_raw"]] = [92.0, "92%"]
    rpt = reports.ProvinceReport("Cà Mau", lang="en", bundle=_bundle(obs, _derive(obs)))
    row = rpt.forecast_table().set_index("indicator").loc["bhyt_participants"]
    assert row["plan"] == pytest.approx(1_000_000 * 93.45 / 92)
    assert (row["plan_lo"], row["plan_hi"]) == pytest.approx(
        (1_000_000 * 93.45 / 93, 1_000_000 * 93.45 / 91.5))
    p_lo, p, p_hi = (row[c] for c in ("p_meet_plan_lo", "p_meet_plan", "p_meet_plan_hi"))
    assert 0.0 <= p_lo <= p <= p_hi <= 1.0
    # the note says where the plan comes from (the rate's 91,5–93 %), not a population
    # range of its own beside the coverage table's 1.041.666–1.164.021
    notes = " ".join(rpt.forecast_notes())
    assert "91.5% to 93%" in notes and "1,000,000 × 93.45%" in notes
    assert "the plan of 1,004,839–1,021,311 persons comes from" not in notes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_plan_restating_a_published_rate_that_meets_it_gets_no_contrary_chance(
        lang, built_home, monkeypatch) -> None:
    """Cà Mau 2024: the forecast table gave P(meet plan) 21–93 % for a plan in persons that
    is the published 95 % rate restated against its 93,45 % plan (already met)."""
    from bhxh_analysis import i18n

    monkeypatch.setenv("BHXH_HOME", str(built_home))  # past moves from the built data
    obs = _ca_mau()
    rpt = reports.ProvinceReport("Cà Mau", lang=lang, bundle=_bundle(obs, _derive(obs)))
    row = rpt.forecast_table().set_index("indicator").loc["bhyt_participants"]
    assert row["plan"] == pytest.approx(1_000_000 * 93.45 / 95)
    # over the rate's printed interval (94,5–96 %) only: the participants' "trên" cancels
    assert (row["plan_lo"], row["plan_hi"]) == pytest.approx(
        (1_000_000 * 93.45 / 96, 1_000_000 * 93.45 / 94.5))
    assert row["plan_hi"] < row["lo95"] and row["plan_hi"] < row["last_value"]
    assert all(pd.isna(row[c]) for c in ("p_meet_plan", "p_meet_plan_lo", "p_meet_plan_hi"))
    notes = " ".join(rpt.forecast_notes())
    word = "không nêu xác suất" if lang == "vi" else "no probability of meeting the plan"
    assert word in notes
    # one population on the page: no arithmetic over the participants' point value
    # ("1.041.667–1.058.201") beside the coverage table's 1.041.666–1.164.021
    start = i18n.t("plan_from_coverage", lang, label="§", place="§", plan="§", year=2024,
                   pct="§", denominator="§", value="§").split("§")[3]
    assert start not in notes
    assert i18n.t("range_dash", lang, lo="21", hi="93%") not in notes


@pytest.mark.parametrize("lang, middle", [("en", "plan worked out from the figures as published (18,543,268)"),
                                          ("vi", "kế hoạch tính từ các số liệu như đã công bố (18.543.268)")])
@pytest.mark.parametrize("flag", ["p_held_parts", "p_held_total"])
def test_a_limit_held_at_the_central_plan_says_so_beside_a_range_of_p(lang, middle,
                                                                       flag) -> None:
    """National compulsory BHXH, 30/11/2025: the table gave P(meet plan) 29–61 % for a
    plan of 18,399,490–18,687,047, the sentence "the forecasts of those two leave at most
    43 % for reaching the plan" — 43 % is the limit at the central plan only. A ranged
    plan's sentence now says so; a plan of one number keeps "the plan"."""
    from bhxh_analysis.reports.words import _p_held

    row = pd.Series({"indicator": "bhxh_compulsory_participants", "flags": flag,
                     "plan": 18_543_268.0, "plan_lo": 18_399_490.0, "plan_hi": 18_687_047.0,
                     "p_meet_plan": 0.43, "p_meet_plan_lo": 0.29, "p_meet_plan_hi": 0.61,
                     "upper_bound": float("nan")})
    said = _p_held(row, lang, "43%")
    assert len(said) == 1 and middle in said[0] and "43%" in said[0]
    one = _p_held(row.drop(["plan_lo", "plan_hi"]), lang, "43%")
    assert len(one) == 1 and middle not in one[0]
