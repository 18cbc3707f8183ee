"""Defects a VSS analyst would stumble on, left by wp-left17 (issue 14, wp-left18): a gap
to a bound target the rate has already passed, and bound figures drawn as exact points."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports import ProvinceReport, load_bundle
from bhxh_analysis.reports.render import table_html

SONG_CAU = "phuyen-bhxh-4646"  # Sông Cầu 31/7/2018: BHYT 83,47% against "trên 85%"


def _song_cau(rate: float, rate_raw: str, plan_raw: str = "trên 85%") -> pd.DataFrame:
    """The coverage table of Phú Yên with Sông Cầu's rate and plan printed otherwise."""
    b = load_bundle()
    obs = b.obs.copy()
    cov = obs["obs_id"].eq(f"{SONG_CAU}-002")
    plan = obs["obs_id"].eq(f"{SONG_CAU}-003")
    assert cov.sum() == 1 and plan.sum() == 1
    obs.loc[cov, ["value", "value_raw"]] = [rate, rate_raw]
    # the note leads with the word the extractor read ("trên; printed ..."): the same
    obs.loc[plan, ["value_raw", "note"]] = [plan_raw, f"{plan_raw.split()[0]}; printed"]
    return dataclasses.replace(b, obs=obs)


def _cells(rpt: ProvinceReport, cov: pd.DataFrame) -> list[str]:
    return re.findall(r"<td[^>]*>([^<]*)</td>", table_html(cov, rpt.lang, place=rpt.unit.name))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("plan_raw", ["trên 85%", "gần 85%", "dưới 85%"])
def test_a_rate_past_a_bound_target_reads_reached_never_a_negative_minimum(
        home: Path, lang: str, plan_raw: str) -> None:
    # a rate of 87,2% against a plan "trên 85%" read "ít nhất -2,2" and "ít nhất 0"
    rpt = ProvinceReport("Phú Yên", lang=lang, bundle=_song_cau(87.2, "87,2%", plan_raw))
    cov = rpt.coverage_table()
    row = cov[cov["place"].eq("Sông Cầu")]
    assert len(row) == 1
    assert row["gap_pp_qualifier"].iloc[0] == "reached" == row["persons_needed_qualifier"].iloc[0]
    cells = _cells(rpt, cov)
    words = [i18n.t(f"qualifier_{k}", lang, value="").strip() for k in ("at_least", "at_most")]
    # no bound below zero: "ít nhất -2,2", "at least 0" (the target keeps its word)
    assert not [c for c in cells for w in words
                if c.startswith(f"{w} -") or c == f"{w} 0"], cells
    assert cells.count(i18n.t("gap_bound_reached", lang)) == 2, cells
    # the sentence under the table names the target and the rate, with place and date
    target = i18n.qualified(i18n.fmt_pct(85.0, lang), row["target_qualifier"].iloc[0], lang)
    said = [n for n in rpt.coverage_notes() if n.startswith(
        i18n.t("coverage_gap_reached", lang, targets=target, rates="", word="")[:20])]
    assert len(said) == 1, rpt.coverage_notes()
    assert target in said[0] and i18n.fmt_pct(87.2, lang) in said[0]
    assert i18n.fmt_date(pd.Timestamp("2018-07-31"), lang) in said[0]
    assert not any(n.startswith(i18n.t("coverage_gap_at_least", lang, targets="")[:20])
                   for n in rpt.coverage_notes() if target in n and "87" not in n)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_rate_at_a_bound_target_may_be_reached(home: Path, lang: str) -> None:
    # "85%" is 84,5–86: against "trên 85%" the page cannot tell whether it is reached
    rpt = ProvinceReport("Phú Yên", lang=lang, bundle=_song_cau(85.0, "85%"))
    cov = rpt.coverage_table()
    row = cov[cov["place"].eq("Sông Cầu")].iloc[0]
    assert row["gap_pp_qualifier"] == "maybe_reached"
    cells = _cells(rpt, cov)
    assert cells.count(i18n.t("gap_bound_maybe_reached", lang)) == 2, cells
    assert any(i18n.t("gap_bound_maybe_reached", lang) in n for n in rpt.coverage_notes())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("plan_raw", "word"), [("trên 85%", "at_least"),
                                                ("gần 85%", "at_most")])
def test_a_rate_below_a_bound_target_keeps_its_positive_bound(home: Path, lang: str,
                                                              plan_raw: str, word: str) -> None:
    rpt = ProvinceReport("Phú Yên", lang=lang, bundle=_song_cau(83.47, "83,47%", plan_raw))
    cov = rpt.coverage_table()
    row = cov[cov["place"].eq("Sông Cầu")].iloc[0]
    assert row["gap_pp_qualifier"] == word == row["persons_needed_qualifier"]
    gap = i18n.qualified(i18n.fmt_pp(row["gap_pp"], lang), word, lang)
    assert gap in _cells(rpt, cov)
    assert not any(i18n.t("gap_bound_reached", lang) in n for n in rpt.coverage_notes())


def _bound_marks(fig) -> dict[str, list[float]]:
    """The y values drawn as open triangles on ``fig``, by side (▲ lower, ▼ upper)."""
    found: dict[str, list[float]] = {"lower": [], "upper": []}
    for ax in fig.axes:
        for coll in ax.collections:
            side = str(coll.get_gid()).removeprefix("bound-")
            if side in found:
                found[side] += [float(v) for v in coll.get_offsets()[:, 1]]
    return found


def _legend_texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_legend() is not None
            for t in ax.get_legend().get_texts()]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("name", "boundaries", "side", "value"), [
    ("Cà Mau", "2025", "lower", 32.2),  # "trên 32.200" voluntary BHXH, 5/12/2024
    ("Lào Cai", "legacy", "upper", 682.0),  # "gần 682 nghìn" BHYT, 30/4/2025
])
def test_a_province_trend_chart_marks_a_bound_figure(home: Path, lang: str, name: str,
                                                     boundaries: str, side: str,
                                                     value: float) -> None:
    # the trend chart drew "trên 32.200" as a plain point, as if exact
    import matplotlib.pyplot as plt

    from bhxh_analysis import plotting

    rpt = ProvinceReport(name, boundaries=boundaries, lang=lang)
    trends = rpt.trend_table()
    fig = plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel",
                          pct="pct", ylabel="ylabel", scale="scale", lang=lang,
                          events=rpt.trend_events(trends), segment="segment")
    try:
        marks = _bound_marks(fig)
        assert any(abs(v - value) < 1e-6 for v in marks[side]), marks
        # every bound figure of the table is marked, and nothing else
        want = trends[trends["bound"].isin(["lower", "upper"])]
        assert sum(map(len, marks.values())) == len(want)
        assert i18n.t(f"chart_bound_{side}", lang) in _legend_texts(fig)
        assert plotting.overlapping_texts(fig) == []
    finally:
        plt.close(fig)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_national_participants_chart_marks_bound_figures(home: Path, lang: str) -> None:
    # 2019 BHXH "gần 16 triệu", 2025 BHXH bắt buộc "trên 18.260.000": plain points
    import matplotlib.pyplot as plt

    from bhxh_analysis import plotting
    from bhxh_analysis.reports import NationalReport

    nat = NationalReport(lang=lang)
    part = nat.yearly_table("participants")
    year_end = part[part["period"] == "year_end"]
    fig = plotting.panels(year_end, x="year", y="value", hue="scheme", panel="scheme",
                          lang=lang, ylabel=nat.t("axis_participants_millions"), scale=1e6,
                          height=2.0, sharex=True)
    try:
        marks = _bound_marks(fig)
        for side, kinds in (("lower", ("over", "at_least")), ("upper", ("nearly", "at_most"))):
            want = sorted(year_end.loc[year_end["qualifier"].isin(kinds), "value"] / 1e6)
            assert want and sorted(marks[side]) == pytest.approx(want), (side, marks)
            assert i18n.t(f"chart_bound_{side}", lang) in _legend_texts(fig)
        assert plotting.overlapping_texts(fig) == []
    finally:
        plt.close(fig)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_province_gone_in_2008_is_titled_by_its_own_boundaries(home: Path, lang: str) -> None:
    # "Báo cáo tỉnh: Hà Tây (địa giới trước 1/7/2025)" above a note saying Hà Tây was
    # never one of the 63 provinces of the years up to 1/7/2025
    rpt = ProvinceReport("Hà Tây", lang=lang)
    when = i18n.fmt_date(pd.Timestamp("2008-08-01"), lang)
    assert rpt.title.endswith(f"({i18n.t('boundaries_before', lang, date=when)})"), rpt.title
    assert i18n.t("boundaries_legacy", lang) not in rpt.title
    # a province of the legacy set keeps its set's words
    assert i18n.t("boundaries_legacy", lang) in ProvinceReport("Lâm Đồng", lang=lang).title


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_wide_interval_sentence_prints_the_latest_figure_with_its_word(home: Path,
                                                                         lang: str) -> None:
    # Thái Nguyên, voluntary BHXH, 30/9/2021 "trên 22.000": the wide-interval sentence
    # read "2,3 times the latest figure 22,000" a sentence after "over 22,000"
    rpt = ProvinceReport("Thái Nguyên", lang=lang)
    fcs = rpt.forecast_table()
    r = fcs[fcs["indicator"].eq("bhxh_voluntary_participants")].iloc[0]
    assert r["last_value_qualifier"] == "over"
    label = i18n.indicator_label(r["indicator"], lang)
    wide = [n for n in rpt.forecast_notes() if i18n.fmt_number(r["hi95"], lang) in n
            and label in n and i18n.fmt_number(r["hi95"] / r["last_value"], lang, 1) in n]
    assert len(wide) == 1, rpt.forecast_notes()
    printed = i18n.qualified(i18n.fmt_number(r["last_value"], lang), "over", lang)
    assert f"{printed} (" in wide[0], wide[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_centrally_run_citys_rows_are_levelled_as_a_city(home: Path, lang: str) -> None:
    # "Báo cáo thành phố: Đà Nẵng" above rows whose level column read "Tỉnh" / "Province"
    rpt = ProvinceReport("Đà Nẵng", boundaries="2025", lang=lang)
    head = rpt.headline_table()
    rows = table_html(head, lang, place=rpt.unit.name).split("<tbody>")[1].split("<tr>")[1:]
    cells = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)][:2]
             for r in rows]
    city, province = (i18n.level_label("province", lang, k) for k in ("Thành phố", "Tỉnh"))
    levels = {}
    for place, level in cells:
        levels.setdefault(place, set()).add(level)
    danang = [p for p in levels if p.startswith("Đà Nẵng")]
    assert len(danang) == 2 and all(levels[p] == {city} for p in danang), levels
    assert levels[[p for p in levels if p.startswith("Quảng Nam")][0]] == {province}
