"""National and province pages read as a VSS analyst reads them (audit 6): a figure its
source hedged keeps the hedge, and a chart says why it shows so few points."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports import NationalReport


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_national_table_keeps_a_sources_qualifier(home: Path, lang: str) -> None:
    # the 2019 BHXH figure was printed "gần 16 triệu" (cand.com.vn); the national table
    # read a plain "16.000.000" beside 15.185.000 compulsory + 574.000 voluntary
    nat = NationalReport(lang=lang)
    obs = nat.obs
    hedged = obs[obs["indicator"].eq("bhxh_participants")
                 & obs["as_of"].eq(pd.Timestamp("2019-12-31"))]
    assert hedged["value_raw"].astype(str).str.startswith("gần").all() and len(hedged)
    wide = nat.wide(nat.yearly_table("participants")).set_index(nat.t("year"))
    scheme = i18n.indicator_label("bhxh_participants", lang).split(":")[0]
    value = i18n.fmt_value(float(hedged["value"].iloc[0]), "persons", lang)
    assert wide.loc["2019", scheme] == i18n.qualified(value, "nearly", lang)
    # and no hedged figure of the table is printed bare
    yearly = nat.yearly_table("participants")
    assert yearly["qualifier"].ne("").sum() >= 10
    cells = set(wide.to_numpy().ravel())
    for _, r in yearly[yearly["qualifier"].ne("")].iterrows():
        assert i18n.fmt_value(r["value"], r["unit"], lang) not in cells or \
            i18n.qualified(i18n.fmt_value(r["value"], r["unit"], lang), r["qualifier"],
                           lang) in cells


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_national_panel_with_one_point_says_so(home: Path, lang: str) -> None:
    # the compulsory BHXH coverage panel held one dot (2025) and the page said nothing;
    # the participants' panels left 2020-2024 empty while the table listed within-year
    # figures for them
    nat = NationalReport(lang=lang)
    cov = nat.coverage_with_targets()
    figs = cov[cov["series"].ne(nat.t("target_points"))]
    years = figs.groupby("scheme")["year"].nunique()
    lone = years[years.eq(1)]
    assert len(lone) >= 1
    notes = nat.chart_notes(cov, general=False)
    for scheme in lone.index:
        year = int(figs.loc[figs["scheme"].eq(scheme), "year"].iloc[0])
        assert i18n.t("national_single_point", lang, scheme=scheme, year=year) in notes
    assert len(notes) == len(lone)  # a panel with two or more figures gets no sentence
    part = nat.yearly_table("participants")
    year_end = part[part["period"].eq("year_end")]
    assert nat.chart_notes(year_end)[0] == i18n.t("national_chart_note", lang)
    # the page prints them under both charts
    import json

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "national_trends.ipynb")
                    .read_text(encoding="utf-8"))
    code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "page.notes(nat.chart_notes(year_end))" in code
    assert "page.notes(nat.chart_notes(cov, general=False))" in code


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sparse_note_only_where_a_chart_has_sparse_or_insurance_series(
        home: Path, lang: str) -> None:
    # Hà Giang (legacy) has population and labour-force lines only, yet its page said
    # that series of one or a few figures are drawn as points and that participants
    # are drawn scheme by scheme
    from bhxh_analysis.reports import ProvinceReport

    bare = ProvinceReport("Hà Giang", boundaries="legacy", lang=lang)
    trends = bare.trend_table()
    assert len(trends) and trends["panel"].eq(bare.t("trends_context")).all()
    assert trends.groupby("series")["as_of"].nunique().min() >= 3
    assert i18n.t("sparse_note", lang) not in bare.trend_notes(trends)
    # a page with a single insurance figure keeps it (Đắk Lắk: BHYT 31/12/2016 alone)
    lone = ProvinceReport("Đắk Lắk", boundaries="legacy", lang=lang)
    assert lone.trend_notes()[0] == i18n.t("sparse_note", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_years_used_of_a_joined_table_stand_outside_its_title(home: Path,
                                                                  lang: str) -> None:
    # Điện Biên (from 2004) read “Dân số trung bình phân theo địa phương (1995–2016)
    # (2004–2016)”: two year spans inside one quoted title
    from bhxh_analysis.reports import ProvinceReport

    rpt = ProvinceReport("Điện Biên", boundaries="legacy", lang=lang)
    trends = rpt.trend_table()
    pop = trends[trends["series"].eq(i18n.indicator_label("population", lang))]
    old = pop[pop["source_id"].eq("gso-pop-1995-2016")]["as_of"].dt.year
    assert old.min() > 1995  # the province's years are fewer than the table's
    title = i18n.source_title("gso-pop-1995-2016", "", lang)
    said = (i18n.t("trend_table_title", lang, title=title) + " "
            + i18n.t("trend_table_years", lang, span=f"{old.min()}–{old.max()}"))
    note = [n for n in rpt.trend_notes(trends)
            if n.startswith(i18n.indicator_label("population", lang) + ":")]
    assert len(note) == 1 and said in note[0], note
    assert f"{title} ({old.min()}–{old.max()})" not in note[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name, boundaries, key", [
    ("Hồ Chí Minh", "2025", "page_title_city"), ("Huế", "legacy", "page_title_city"),
    ("Lâm Đồng", "2025", "page_title_province")])
def test_a_city_page_is_not_titled_a_province_report(home: Path, lang: str, name: str,
                                                      boundaries: str, key: str) -> None:
    # "Báo cáo tỉnh: Hồ Chí Minh (địa giới từ 1/7/2025)": a centrally-run city is no tỉnh
    from bhxh_analysis.reports import ProvinceReport

    rpt = ProvinceReport(name, boundaries=boundaries, lang=lang)
    prefix = i18n.t(key, lang, name="")
    assert rpt.title.startswith(prefix) and rpt.title != prefix
    other = "page_title_province" if key == "page_title_city" else "page_title_city"
    assert not rpt.title.startswith(i18n.t(other, lang, name=""))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_failed_row_of_the_index_links_only_a_notebook_that_exists(tmp_path: Path,
                                                                       lang: str) -> None:
    # a batch whose workers died listed every province as "lỗi: the worker process died
    # ..." with a link to "lam-dong-legacy-vi.ipynb", a file never written
    import json

    from bhxh_analysis.reports.index import report_slug, write_index

    def row(name: str) -> dict[str, str]:
        params = {"province": name, "boundaries": "legacy", "lang": lang, "year": None,
                  "as_of": None}
        return {"province": name, "status": "failed", "error": "boom",
                "data_checksum": "ab" * 32, "parameters": json.dumps(params)}

    kept = report_slug(json.loads(row("Kon Tum")["parameters"]))
    (tmp_path / f"{kept}.ipynb").write_text("{}", encoding="utf-8")
    gone = report_slug(json.loads(row("Lâm Đồng")["parameters"]))
    page = write_index(tmp_path, [row("Lâm Đồng"), row("Kon Tum")], {}, lang).read_text(
        encoding="utf-8")
    assert f'href="{gone}.ipynb"' not in page
    assert f'href="{kept}.ipynb"' in page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_second_part_of_a_crowded_panel_says_it_continues(lang: str) -> None:
    # An Giang (2025): ten BHYT coverage series were split into two panels both titled
    # "Tỷ lệ bao phủ bảo hiểm: BHYT", read as one section repeated
    import matplotlib.pyplot as plt

    from bhxh_analysis import plotting

    names = [f"BHYT — P{i}" for i in range(plotting.MAX_SERIES + 2)] + ["BHXH — P0"]
    df = pd.DataFrame({"series": names, "as_of": pd.Timestamp("2023-03-31"),
                       "value": 80.0, "panel": "Cov"})
    fig = plotting.panels(df, x="as_of", y="value", hue="series", panel="panel", pct=True,
                          lang=lang)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    more = i18n.t("panel_continued", lang)
    assert titles == ["Cov: BHYT", f"Cov: BHYT {more}", "Cov: BHXH"], titles
    assert len(set(titles)) == len(titles)
    plt.close(fig)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_index_shows_the_forecast_the_year_was_chosen_for(home: Path, lang: str) -> None:
    # Lâm Đồng (legacy, 2025: chosen as the latest year with a plan and a within-year
    # figure) showed on the index its BHXH forecast, which has no plan, and not the BHYT
    # one with its plan and 28 % chance of meeting it
    from bhxh_analysis.reports import ProvinceReport

    rpt = ProvinceReport("Lâm Đồng", boundaries="legacy", lang=lang)
    fcs = rpt.forecast_table()
    good = fcs[fcs["status"].eq("ok")]
    assert pd.isna(good["p_meet_plan"].iloc[0]) and good["p_meet_plan"].notna().any()
    shown = rpt.summary()["forecast"]
    want = good[good["p_meet_plan"].notna()].iloc[0]
    assert shown["indicator"] == want["indicator"]
    assert shown["p_meet_plan"] == pytest.approx(float(want["p_meet_plan"]))
