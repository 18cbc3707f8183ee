"""What an analyst reading the rendered reports noticed (issue 14): each test fails on the
code before the fix it guards."""
from __future__ import annotations

import html

import pandas as pd
import pytest
from test_reports import _bundle, _obs
from test_reports_ranges import _da_nang, visible_text

from bhxh_analysis import i18n, reports
from bhxh_analysis.reports.render import Page, table_html


def test_2025_headline_shows_the_provinces_latest_figure_once() -> None:
    # Hà Nội (2025) listed two populations as its latest: the 2007 sum of the legacy
    # Hà Nội and Hà Tây and the 2022 figure of Hà Nội alone (its own since 1/8/2008).
    obs = _obs([("h-1", "gso", "28", "Hà Tây", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 2773700.0, "persons", "2.773,7"),
                ("h-2", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 3228500.0, "persons", "3.228,5"),
                ("h-3", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2022-07-01",
                 "population", 8435650.0, "persons", "8.435,65")])
    for lang in ("vi", "en"):
        head = reports.ProvinceReport("Hà Nội", boundaries="2025", lang=lang,
                                      bundle=_bundle(obs)).headline_table()
        own = head[(head["place"] == "Hà Nội") & (head["indicator"] == "population")]
        assert own["as_of"].tolist() == [pd.Timestamp("2022-07-01")], head
        assert own["value"].tolist() == [8435650.0]
        # the former province keeps its own (last) figure, under its own label
        assert head["place"].str.startswith("Hà Tây").sum() == 1


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
