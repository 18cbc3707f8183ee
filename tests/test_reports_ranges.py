"""A derived figure is printed with the range its inputs allow, where that is wider than
its last printed digit (``reports.render.value_text``), on every report table that shows one.

Đà Nẵng (legacy) printed "BHYT coverage 89.73 %" at 31/12/2018 — "trên 1 triệu" (over a
million) participants ÷ the population — beside the published 95.9 % of the same day: it
read as a contradiction, yet the inputs allow 89.73–98.71 %.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from test_reports import visible_text

from bhxh_analysis import i18n, metrics, reports
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports.render import Page, table_html, value_text

SOURCES = pd.DataFrame({
    "source_id": ["baodanang", "gso"], "publisher": ["Báo Đà Nẵng", "GSO"],
    "title": ["BHYT toàn dân", "Dân số"], "address": ["https://example.org/a", ""],
    "published_date": ["2019-01", ""]})
TARGETS = pd.DataFrame({"target_id": ["t1"], "source_id": ["gso"], "instrument": ["QĐ 546"],
                        "geo_name": ["Việt Nam"], "indicator": ["bhyt_coverage_pct"],
                        "year": [2020], "value": [90.7]})


def _growth(indicator: str = "bhxh_voluntary_growth_pct", unit: str = "pct") -> pd.Series:
    return pd.Series({"indicator": indicator, "unit": unit})


# ----------------------------------------------------------------------------- formatter


@pytest.mark.parametrize("lang, pct, count", [
    ("vi", "89,73–98,71%", "1.042.698–1.147.088"),
    ("en", "89.73–98.71%", "1,042,698–1,147,088"),
])
def test_a_wide_range_is_printed_instead_of_the_value(lang, pct, count) -> None:
    assert value_text(89.7344, 89.7339, 98.7083, "pct", lang) == (pct, True)
    assert value_text(1042752.9, 1042698.0, 1147088.0, "count", lang) == (count, True)
    # the value column chooses the format by the row's unit, as the page does
    row = pd.Series({"indicator": "bhyt_coverage_pct", "unit": "pct"})
    assert value_text(89.7344, 89.7339, 98.7083, "value", lang, row) == (pct, True)


@pytest.mark.parametrize("lang, growth, change", [
    ("en", "-18.80% to 35.33% (sign not known)", "-47,000 to 53,000 (sign not known)"),
    ("vi", "từ -18,80% đến 35,33% (chưa rõ âm hay dương)",
     "từ -47.000 đến 53.000 (chưa rõ âm hay dương)"),
])
def test_a_range_across_zero_says_its_sign_is_not_known(lang, growth, change) -> None:
    # Việt Nam's voluntary BHXH growth 2016 printed "1.5 %": its inputs allow a fall
    assert value_text(1.5, -18.8002, 35.3337, "value", lang, _growth()) == (growth, True)
    assert value_text(3000.0, -47000.5, 53000.5, "value", lang,
                      _growth("bhxh_voluntary_change_participants", "persons")) == (change, True)
    # a range wholly above zero says nothing of the sign
    assert "(" not in value_text(5.7, 5.26, 16.73, "value", lang, _growth())[0]


def test_a_shortfall_in_points_keeps_its_signs() -> None:
    row = _growth("bhyt_shortfall_pp")
    assert value_text(3.6, 3.05, 4.15, "value", "en", row) == ("+3.05 to +4.15", True)
    assert value_text(-0.16, -0.665, 0.345, "value", "en", row)[0].endswith(
        i18n.t("range_sign_unknown", "en", range="").strip())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_range_within_the_last_printed_digit_is_printed_as_the_value(lang) -> None:
    assert value_text(81.4, 81.396, 81.404, "pct", lang) == (i18n.fmt_pct(81.4, lang), False)
    # "91%" is read as 91 ± 0.5: a range of ± 0.4 adds nothing
    assert value_text(91.0, 90.6, 91.4, "pct", lang) == ("91%", False)
    # a count printed in full is exact: the ± 1 of a sum of two exact counts adds nothing
    assert value_text(1000.0, 999.5, 1000.5, "count", lang) == (
        i18n.fmt_number(1000, lang), False)
    assert value_text(2680.0, 2679.0, 2681.0, "count", lang) == (
        i18n.fmt_number(2680, lang), False)
    # ... and two persons more is a range
    assert value_text(1000.0, 998.0, 1002.0, "count", lang)[1]
    # no range known (a published figure, an older derived table): the value
    for lo, hi in ((float("nan"), 90.0), (None, None)):
        assert value_text(89.7, lo, hi, "pct", lang) == (i18n.fmt_pct(89.7, lang), False)


def test_a_coverage_range_stops_at_100() -> None:
    row = pd.Series({"indicator": "bhyt_coverage_pct", "unit": "pct"})
    assert value_text(91.5873, 91.5873, 100.7461, "value", "en", row) == ("91.59–100.00%", True)
    # an attainment may pass 100 %: its range is left as it is
    row = pd.Series({"indicator": "bhyt_attainment_pct", "unit": "pct"})
    assert value_text(100.05, 100.049, 110.07, "value", "en", row) == ("100.05–110.07%", True)


def test_a_table_explains_its_ranges_and_adds_no_column() -> None:
    df = pd.DataFrame({"indicator": ["bhyt_coverage_pct", "population"],
                       "value": [89.7344, 1114400.0], "unit": ["pct", "persons"],
                       "as_of": pd.to_datetime(["2018-12-31", "2018-07-01"])})
    plain = table_html(df, "en")
    ranged = table_html(df.assign(value_lo=[89.7339, None], value_hi=[98.7083, None]), "en")
    note = html.escape(i18n.t("range_note", "en"))
    assert note not in plain and note in ranged
    heads = lambda page: re.findall(r"<th>(.*?)</th>", page)  # noqa: E731
    assert heads(plain) == heads(ranged)
    assert "89.73–98.71%" in ranged and "1,114,400" in ranged  # the published one as is


# ----------------------------------------------------------------------------- pages


def _da_nang() -> report_data.Bundle:
    """Over a million BHYT participants and 95.90 % coverage at 31/12/2018 (one article),
    a population of 1,114.40 thousand (GSO): the derive step's own figures beside them."""
    rows = [("dn-1", "baodanang", "bhyt_participants", 1_000_000.0, "persons",
             "trên 1000000", "2018-12-31"),
            ("dn-2", "baodanang", "bhyt_coverage_pct", 95.9, "pct", "95,90%", "2018-12-31"),
            ("dn-3", "gso", "population", 1_114_400.0, "persons", "1.114,40", "2018-07-01")]
    obs = pd.DataFrame(rows, columns=["obs_id", "source_id", "indicator", "value", "unit",
                                      "value_raw", "as_of"])
    obs = obs.assign(geo_code="48", geo_name="Đà Nẵng", geo_level="province",
                     boundaries="legacy", province_2025="Đà Nẵng", geo_name_raw="Đà Nẵng",
                     as_of=pd.to_datetime(obs["as_of"]), as_of_raw="", preliminary=False,
                     note="")
    derived = metrics.derive(obs)
    derived = derived.astype({c: str for c in derived.columns
                              if isinstance(derived[c].dtype, pd.CategoricalDtype)})
    return report_data.Bundle(obs, derived, None, None, SOURCES, TARGETS, "")


def _ends(text: str, lang: str, unit: str) -> list[tuple[float, float]]:
    """Every printed range ``a–b`` followed by ``unit`` in ``text``, as numbers."""
    from bhxh_analysis.clean import parse_number

    number = r"\d[\d.,]*\d|\d"
    return [(float(parse_number(a, lang)), float(parse_number(b, lang)))
            for a, b in re.findall(rf"({number})–({number}){re.escape(unit)}", text)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_derived_coverage_beside_the_published_one_shows_its_range(lang) -> None:
    bundle = _da_nang()
    d = bundle.derived.set_index("indicator")
    cov, pop = d.loc["bhyt_coverage_pct"], d.loc["population"]
    rpt = reports.ProvinceReport("Đà Nẵng", lang=lang, bundle=bundle)
    page = Page(lang, show=False, place=rpt.unit.name)
    page.table(rpt.coverage_table())
    page.subheading(rpt.t("derived"))
    page.table(rpt.derived_table())
    text = visible_text(page.html())
    assert i18n.fmt_pct(95.9, lang) in text  # the published coverage, as printed
    # the derived coverage is not printed as a point that contradicts it ...
    assert f" {i18n.fmt_pct(cov['value'], lang)} " not in f" {text} "
    # ... but as its range, which holds the published 95.9 %
    pct = [(lo, hi) for lo, hi in _ends(text, lang, "%") if lo <= cov["value"] <= hi]
    assert len(pct) == 1 and pct[0][0] <= 95.9 <= pct[0][1] <= 100, text
    # the derived population (the coverage table's denominator and the derived row)
    people = [r for r in _ends(text, lang, " ") if r[0] <= pop["value"] <= r[1]]
    assert len(people) == 2 and people[0][1] - people[0][0] > 100_000, text
    assert i18n.t("range_note", lang) in text


def test_one_derived_figure_from_two_sources_keeps_the_narrower_range() -> None:
    bundle = _da_nang()
    one = bundle.derived[bundle.derived["indicator"].eq("population")]
    two = pd.concat([one.assign(source_id="a", value_lo=1_000_000.0, value_hi=1_200_000.0),
                     one.assign(source_id="b")])
    rpt = reports.ProvinceReport("Đà Nẵng", lang="en", bundle=report_data.Bundle(
        bundle.obs, two, None, None, SOURCES, TARGETS, ""))
    table = rpt.derived_table()
    assert len(table) == 1
    assert table["value_hi"].iloc[0] == pytest.approx(one["value_hi"].iloc[0])


def test_persons_needed_is_a_range_over_a_ranged_denominator() -> None:
    import math

    from bhxh_analysis.reports.coverage import needed_range
    none = {"coverage_lo": math.nan, "coverage_hi": math.nan}
    den = {"denominator_lo": 798906.0, "denominator_hi": 879600.0}
    r = needed_range(35.0, 11.01, 800000.0, none, den)
    assert r["persons_needed_lo"] == math.ceil(23.99 / 100 * 798906 - 1e-9)
    assert r["persons_needed_hi"] == math.ceil(23.99 / 100 * 879600 - 1e-9)
    published = needed_range(35.0, 11.01, 800000.0, none,
                             {"denominator_lo": math.nan, "denominator_hi": math.nan})
    assert math.isnan(published["persons_needed_lo"])
    above = needed_range(90.0, 94.6, 135400.0, none,
                         {"denominator_lo": 135305.0, "denominator_hi": 135449.0})
    assert above == {"persons_needed_lo": 0.0, "persons_needed_hi": 0.0}


def test_gap_is_a_range_over_a_derived_coverage_or_target() -> None:
    """A gap (target − coverage) over a derived coverage or an implied target is the range
    their inputs allow, as persons needed is; over published figures it stays one number
    (NaN ends). A range across zero is a gap whose sign is not known."""
    import math

    from bhxh_analysis.reports.coverage import gap_range, needed_range
    no_t = {"target_lo": math.nan, "target_hi": math.nan}
    no_c = {"coverage_lo": math.nan, "coverage_hi": math.nan}
    cov = {"coverage_lo": 84.63, "coverage_hi": 89.09}  # "trên …" ÷ a population
    g = gap_range(92.0, 89.09, no_t, cov)
    assert g["gap_pp_lo"] == pytest.approx(92.0 - 89.09)
    assert g["gap_pp_hi"] == pytest.approx(92.0 - 84.63)
    assert all(math.isnan(v) for v in gap_range(92.0, 89.09, no_t, no_c).values())
    tgt = {"target_lo": 94.5, "target_hi": 95.5}
    g = gap_range(95.0, 95.2, tgt, no_c)
    assert g["gap_pp_lo"] < 0 < g["gap_pp_hi"]
    den = {"denominator_lo": math.nan, "denominator_hi": math.nan}
    need = needed_range(95.0, 95.2, 1_000_000.0, no_c, den, tgt)
    assert need == {"persons_needed_lo": 0.0,
                    "persons_needed_hi": math.ceil(0.3 / 100 * 1_000_000 - 1e-9)}
    assert math.isnan(needed_range(95.0, 95.2, 1e6, no_c, den)["persons_needed_lo"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_rate_whose_ends_agree_one_decimal_coarser_is_printed_as_its_value(lang) -> None:
    # gaps of rates printed with two decimals read "+6,31 đến +6,33": the ends agree to
    # one decimal fewer than the value is printed with (+6,3), so the gap is "+6,32"
    for fmt, row in (("pp", None), ("value", _growth("bhyt_shortfall_pp"))):
        assert value_text(6.32, 6.31, 6.33, fmt, lang, row) == (i18n.fmt_pp(6.32, lang), False)
        assert value_text(-3.28, -3.29, -3.27, fmt, lang, row) == (
            i18n.fmt_pp(-3.28, lang), False)
        # ends that differ one decimal coarser carry information: the range stays
        assert value_text(-0.38, -0.45, -0.3, fmt, lang, row) == (
            i18n.t("range_to", lang, lo=i18n.fmt_pp(-0.45, lang),
                   hi=i18n.fmt_pp(-0.3, lang) + "0"), True)  # both ends to hundredths
        # a value printed with one decimal is judged at the column's tenths too: the
        # 2025 Hà Nội BHYT shortfall of 31/12/2018 (-0,3) keeps "-0,4 to -0,25"
        assert value_text(-0.3, -0.4, -0.25, fmt, lang, row)[1]
        # a range across zero says its sign is not known, however narrow
        assert value_text(0.01, -0.01, 0.03, fmt, lang, row)[1]
    # rates alike: Cần Thơ's derived BHYT coverage read "68,37–68,38%" (30/6/2016)
    cov = pd.Series({"indicator": "bhyt_coverage_pct", "unit": "pct"})
    assert value_text(68.374, 68.37, 68.38, "value", lang, cov) == (
        i18n.fmt_pct(68.374, lang), False)
    # ends astride a tenth's rounding are alike when the range is narrower than half a
    # tenth: Nghệ An's BHYT gap of 30/4/2023 (93,2 − 92,34) read "+0,85 đến +0,86"
    # (0,85–0,865: tenths 0,8 and 0,9), Tuyên Quang's % of plan "106,74–106,75%"
    assert value_text(0.86, 0.8499999999999943, 0.8649999999999949, "pp", lang) == (
        i18n.fmt_pp(0.86, lang), False)
    assert value_text(106.744, 106.74, 106.75, "pct", lang) == (
        i18n.fmt_pct(106.744, lang), False)
    # ... and one as wide as half a tenth carries information: it stays
    assert value_text(106.75, 106.72, 106.78, "pct", lang)[1]
    # ... while a range wider than a tenth stays
    assert value_text(89.7344, 89.7339, 98.7083, "value", lang, cov)[1]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_range_prints_its_two_ends_with_as_many_decimals(lang) -> None:
    # Nghệ An (legacy) printed a BHXH gap "+22.6 to +22.75" and a derived % of plan
    # "72,72–88%": each end as fmt_pct prints it alone, trailing zeros dropped
    mark = "," if lang == "vi" else "."
    gap = value_text(22.7, 22.6, 22.75, "pp", lang)[0]
    assert gap == i18n.t("range_to", lang, lo=f"+22{mark}60", hi=f"+22{mark}75")
    row = pd.Series({"indicator": "bhyt_attainment_pct", "unit": "pct"})
    assert value_text(80.0, 72.72, 88.0, "value", lang, row) == (
        f"72{mark}72–88{mark}00%", True)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_checks_implied_range_follows_the_tables_rule(lang) -> None:
    # Việt Nam's BHXH % of plan, 30/9/2022: "90,55% (90,52%–90,6%)" and
    # "89,91% (89,91%–89,92%)" in the consistency table
    from bhxh_analysis.reports.words import implied_text

    mark = "," if lang == "vi" else "."
    kept = implied_text("bhxh_attainment_pct=90.55 [90.52, 90.6]", lang)
    assert kept.endswith(f"(90{mark}52–90{mark}60%)"), kept
    alone = implied_text("bhxh_attainment_pct=89.91 [89.91, 89.92]", lang)
    assert alone.endswith(f"{i18n.fmt_pct(89.91, lang)}") and "–" not in alone, alone


@pytest.mark.parametrize("lang, move, pct", [
    ("en", "-205,150 to +123,351", "-3.1% to +1.9%"),
    ("vi", "từ -205.150 đến +123.351", "từ -3,1% đến +1,9%"),
])
def test_a_move_needed_of_unknown_sign_carries_its_signs(lang, move, pct) -> None:
    # Hồ Chí Minh 31/5/2017: "must move by -205,150 to 123,351 (sign not known) (-3.1% to
    # 1.9% of the latest figure, …)" — no "+" on the rise, two brackets in a row
    from bhxh_analysis.reports.words import plan_texts

    r = pd.Series({"plan": 6693350.0, "plan_lo": 6364850.0, "plan_hi": 6693351.0,
                   "last_value": 6570000.0, "p_meet_plan": 0.91, "p_meet_plan_lo": 0.91,
                   "p_meet_plan_hi": 0.97})
    t = plan_texts(r, lang)
    assert (t["move"], t["move_pct"]) == (move, pct)
    assert "(" not in t["move"]
