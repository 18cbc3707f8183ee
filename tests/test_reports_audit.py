"""What an analyst reading the rendered reports noticed (issue 14): each test fails on the
code before the fix it guards."""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest
from test_reports import _bundle, _obs
from test_reports_ranges import _da_nang, visible_text

from bhxh_analysis import i18n, reports
from bhxh_analysis.reports.render import Page, newest_figure, table_html


def test_2025_headline_shows_the_provinces_latest_figure_once() -> None:
    # Hà Nội (2025) listed two populations as its latest: the 2007 sum of the legacy
    # Hà Nội and Hà Tây and the 2022 figure of Hà Nội alone (its own since 1/8/2008).
    obs = _obs([("h-1", "gso", "28", "Hà Tây", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 2773700.0, "persons", "2.773,7"),
                ("h-2", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 3228500.0, "persons", "3.228,5"),
                ("h-4", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2008-07-01",
                 "population", 6381800.0, "persons", "6.381,8"),
                ("h-3", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2022-07-01",
                 "population", 8435650.0, "persons", "8.435,65")])
    until = {"vi": "Hà Tây (đến 31/7/2008)", "en": "Hà Tây (until 31 Jul 2008)"}
    for lang in ("vi", "en"):
        head = reports.ProvinceReport("Hà Nội", boundaries="2025", lang=lang,
                                      bundle=_bundle(obs)).headline_table()
        own = head[(head["place"] == "Hà Nội") & (head["indicator"] == "population")]
        assert own["as_of"].tolist() == [pd.Timestamp("2022-07-01")], head
        assert own["value"].tolist() == [8435650.0]
        # the former province keeps its own (last) figure, under its own label, and the
        # smaller Hà Nội before 1/8/2008 is no "latest" figure of the page
        assert sorted(head["place"]) == ["Hà Nội", until[lang]], head


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_page_explains_its_ranges_once(lang) -> None:
    # The range note followed the coverage, the derived and the forecast tables word for
    # word: three identical paragraphs on one page (Bắc Giang, Cà Mau, Gia Lai).
    bundle = _da_nang()
    rpt = reports.ProvinceReport("Đà Nẵng", lang=lang, bundle=bundle)
    page = Page(lang, show=False, place=rpt.unit.name)
    page.table(rpt.coverage_table())
    page.subheading(rpt.t("derived"))
    page.table(rpt.derived_table())
    text = visible_text(page.html())
    note = i18n.t("range_note", lang)
    assert text.count(note) == 1, text
    assert text.index(note) < text.index(rpt.t("derived"))  # under the first ranged table
    # a table on its own still carries it
    assert html.escape(note) in table_html(rpt.derived_table(), lang)


def test_newest_figure_is_never_a_plans_date() -> None:
    # Bắc Kạn's footer read "newest figure used: 31/12/2025" — the date of the 2025
    # coverage plan set in 2022 — on a page whose latest figure is a 2022 population.
    obs = _obs([("b-1", "gso", "06", "Bắc Kạn", "province", "legacy", "Thái Nguyên",
                 "2022-07-01", "population", 324350.0, "persons", "324,35"),
                ("b-2", "seed004", "06", "Bắc Kạn", "province", "legacy", "Thái Nguyên",
                 "2020-04-30", "bhyt_coverage_pct", 97.0, "pct", "97%"),
                ("b-3", "seed004", "06", "Bắc Kạn", "province", "legacy", "Thái Nguyên",
                 "2025-12-31", "bhyt_plan_coverage_pct", 97.0, "pct", "97%")])
    rpt = reports.ProvinceReport("Bắc Kạn", lang="vi", bundle=_bundle(obs))
    assert "bhyt_plan_coverage_pct" in set(rpt.obs["indicator"])  # the page shows the plan
    assert newest_figure(rpt) == "2022-07-01"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_negative_shortfall_says_the_plan_was_exceeded(lang) -> None:
    # Tuyên Quang's derived table read "BHXH tự nguyện: còn thiếu (người) -587" with no
    # word of what a negative shortfall means (the coverage table says it of its gap).
    def page(value: float) -> reports.ProvinceReport:
        derived = _obs([("d-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                         "2020-07-31", "bhxh_voluntary_shortfall_participants", value,
                         "persons", "")])
        derived["method"] = ("bhxh_voluntary_shortfall_participants = "
                             "bhxh_voluntary_plan_participants - bhxh_voluntary_participants")
        return reports.ProvinceReport("Lâm Đồng", lang=lang,
                                      bundle=_bundle(_obs([]), derived))
    note = i18n.t("derived_shortfall_note", lang)
    assert page(-587.0).derived_notes() == [note]
    assert page(11367.0).derived_notes() == []
    for nb in ("province_report", "unit_report"):  # the notebooks print it
        text = (Path(__file__).parents[1] / "notebooks" / f"{nb}.ipynb").read_text()
        assert "page.notes(rpt.derived_notes())" in text, nb
