"""What an analyst reading the rendered reports still met after the first audit (issue 14):
each test fails on the code before the fix it guards."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from test_reports import SOURCES, _obs, nested_brackets
from test_reports_ranges import visible_text

from bhxh_analysis import i18n, reports
from bhxh_analysis.metrics.derive import RULES
from bhxh_analysis.reports import citations
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports.index import write_index
from bhxh_analysis.reports.render import table_html

_DECISION = pd.DataFrame({"target_id": ["t-22", "t-23"], "source_id": ["dec546"] * 2,
                          "instrument": ["Quyết định 546/QĐ-TTg (29/4/2022)"] * 2,
                          "geo_name": ["Hà Nội"] * 2, "indicator": ["bhyt_coverage_pct"] * 2,
                          "year": [2022, 2023], "value": [91.66, 92.4]})


def _ha_noi() -> report_data.Bundle:
    obs = _obs([("c-1", "seed000", "01", "Hà Nội", "province", "legacy", "Hà Nội",
                 "2023-02-28", "bhyt_coverage_pct", 92.9, "pct", "92,9%"),
                ("p-22", "seed004", "01", "Hà Nội", "province", "legacy", "Hà Nội",
                 "2022-12-31", "bhyt_plan_coverage_pct", 91.66, "pct", "91,66"),
                ("p-23", "seed004", "01", "Hà Nội", "province", "legacy", "Hà Nội",
                 "2023-12-31", "bhyt_plan_coverage_pct", 92.4, "pct", "92,4")])
    sources = pd.concat([SOURCES, pd.DataFrame({
        "source_id": ["dec546"], "publisher": ["Chính phủ"], "title": ["Quyết định 546"],
        "address": [""], "published_date": ["2022-04-29"]})], ignore_index=True)
    return report_data.Bundle(obs, None, None, None, sources, _DECISION, "")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_headline_plan_is_the_plan_the_coverage_table_uses(lang) -> None:
    # Hà Nội --as-of 30/06/2023: the key figures read "BHYT: chỉ tiêu bao phủ 91,66 %
    # (31/12/2022)" while the coverage table below set 92,9 % against 92,4 % for 2023.
    rpt = reports.ProvinceReport("Hà Nội", as_of="30/06/2023", lang=lang, bundle=_ha_noi())
    assert rpt.year == 2023
    cov = rpt.coverage_table()
    cov = cov[cov["indicator"] == "bhyt_coverage_pct"].iloc[0]
    head = rpt.headline_table()
    plan = head[head["indicator"] == "bhyt_plan_coverage_pct"]
    assert len(plan) == 1, head
    assert plan["value"].tolist() == [cov["target"]]
    assert plan["as_of"].dt.year.tolist() == [cov["target_year"]] == [2023]
    # what the reader sees: the one plan, in both tables, and not the previous year's
    text = visible_text(table_html(head, lang)) + visible_text(table_html(cov.to_frame().T,
                                                                          lang))
    assert i18n.fmt_pct(92.4, lang) in visible_text(table_html(head, lang))
    assert i18n.fmt_pct(91.66, lang) not in text


def test_method_names_and_formulas_never_nest_brackets() -> None:
    # The index read "… (khoảng 80%: 737.051–813.958) (mẫu hình trong năm (theo mùa))":
    # a method's name is printed in brackets, so it carries none of its own.
    text = i18n.catalogue()["text"]
    methods = [k for k in text if k.startswith("method_")]
    assert len(methods) >= 5
    for key in methods:
        for lang in ("vi", "en"):
            assert "(" not in text[key][lang], (key, lang)
    for rule in RULES:  # a growth formula brackets its ratio: its phrases carry none
        for lang in ("vi", "en"):
            formula = i18n.formula_text(rule.method, lang)
            assert nested_brackets(f"<p>{formula}</p>") == [], formula
    # what the index shows of a forecast
    row = {"province": "Vĩnh Phúc", "status": "ok", "error": "", "data_checksum": "ab" * 32,
           "parameters": json.dumps({"province": "Vĩnh Phúc", "boundaries": "legacy",
                                     "lang": "vi"})}
    for lang in ("vi", "en"):
        fc = {"place": "Vĩnh Phúc", "text": i18n.t("index_forecast", lang, value="1", lo="0",
                                                    hi="2", year=2019, actual="",
                                                    label="BHYT"),
              "p_meet_plan": None, "method": i18n.method_label("seasonal_profile", lang)}
        with tempfile.TemporaryDirectory() as tmp:
            page = write_index(Path(tmp), [row], {"Vĩnh Phúc": {"key_figures": [],
                                                               "forecast": fc}}, lang)
            html = page.read_text(encoding="utf-8")
        assert i18n.method_label("seasonal_profile", lang) in html
        assert nested_brackets(html) == [], html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_document_and_its_reproduction_are_one_source(lang) -> None:
    # Decision 546 and Thư Viện Pháp Luật's reproduction of its appendix were two rows
    # with one URL in the sources section of every page citing both.
    url = "https://thuvienphapluat.vn/hoi-dap/58FC8-chi-tieu.html"
    src = pd.DataFrame([
        {"source_id": "dec", "publisher": "Chính phủ", "title": "Quyết định 546/QĐ-TTg",
         "published_date": "2022-04-29", "address": url,
         "note": "appendix reproduced by Thư Viện Pháp Luật (source tvpl-x)"},
        {"source_id": "tvpl-x", "publisher": "Thư Viện Pháp Luật", "title": "Chỉ tiêu bao phủ",
         "published_date": "", "address": url, "note": ""},
        {"source_id": "tvpl-x-more", "publisher": "Thư Viện Pháp Luật",
         "title": "Chỉ tiêu bao phủ", "published_date": "", "address": url, "note": ""},
        # two tables of one statistics portal are two documents at one address
        {"source_id": "gso-a", "publisher": "GSO", "title": "Dân số", "published_date": "",
         "address": "http://gso.gov.vn/?tabid=491", "note": "see gso-b"},
        {"source_id": "gso-b", "publisher": "GSO", "title": "Lao động", "published_date": "",
         "address": "http://gso.gov.vn/?tabid=491", "note": ""}])
    bundle = report_data.Bundle(None, None, None, None, src, _DECISION, "")
    for ids in (["dec", "tvpl-x"], ["dec", "tvpl-x-more"], ["tvpl-x", "dec", "tvpl-x-more"]):
        table = citations.sources_table(bundle, ids, lang)
        assert table["reference"].tolist() == [url], table
        assert table["title"].tolist() == ["Quyết định 546/QĐ-TTg"]
        assert table["published"].tolist() == ["2022-04-29"]
        assert table["publisher"].tolist() == [i18n.t("source_via", lang, publisher="Chính phủ",
                                                      outlet="Thư Viện Pháp Luật")]
    assert citations.sources_table(bundle, ["tvpl-x"], lang)["title"].tolist() == [
        "Chỉ tiêu bao phủ"]  # the reproduction alone is cited as it is
    assert citations.sources_table(bundle, ["gso-a", "gso-b"], lang)["title"].tolist() == [
        "Dân số", "Lao động"]


def _index_cells(rpt: reports.ProvinceReport, lang: str) -> list[str]:
    """The key-figures and forecast cells of ``rpt``'s row of an index page."""
    import re

    row = {"province": rpt.unit.name, "status": "ok", "error": "", "data_checksum": "ab" * 32,
           "parameters": json.dumps({"province": rpt.unit.name, "boundaries": "legacy",
                                     "lang": lang})}
    with tempfile.TemporaryDirectory() as tmp:
        html = write_index(Path(tmp), [row], {rpt.unit.name: rpt.summary()}, lang).read_text(
            encoding="utf-8")
    cells = re.findall(r"<td>(.*?)</td>", html, flags=re.S)
    return [visible_text(c) for c in cells[1:3]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_index_row_says_what_its_page_holds(lang) -> None:
    # Hà Giang and Hà Tây read "– –" in the index while Bắc Ninh said in words that its
    # page holds only plans; Huế (a count of new participants only) read "– –" too.
    def rpt(name: str, code: str, rows: list[tuple]) -> reports.ProvinceReport:
        obs = _obs([(f"{code}-{i}", "gso", code, name, "province", "legacy", name, *r)
                    for i, r in enumerate(rows)])
        return reports.ProvinceReport(name, lang=lang, bundle=report_data.Bundle(
            obs, None, None, None, SOURCES, _DECISION, ""))

    pop = ("2007-07-01", "population", 2773700.0, "persons", "2.773,7")
    ha_tay = _index_cells(rpt("Hà Tây", "28", [pop]), lang)
    assert "–" not in ha_tay, ha_tay
    assert ha_tay[0] == (i18n.t("index_former", lang, new="Hà Nội",
                                date=i18n.fmt_date("2008-08-01", lang)) + " "
                         + i18n.t("index_no_insurance", lang, labels=i18n.indicator_label(
                             "population", lang)))
    assert ha_tay[1] == i18n.t("forecast_none", lang)
    hue = _index_cells(rpt("Huế", "46", [pop, ("2020-07-12", "bhxh_voluntary_new_participants",
                                               952.0, "persons", "952")]), lang)
    assert hue[0].startswith(i18n.t("index_other_insurance", lang, labels="")[:20]), hue
    assert i18n.indicator_label("bhxh_voluntary_new_participants", lang) in hue[0]
    assert hue[1] == i18n.t("forecast_none_year", lang, year=2020)
    known = _index_cells(rpt("Đà Nẵng", "48", [("2018-12-31", "bhyt_participants", 1e6,
                                                 "persons", "1 triệu")]), lang)
    assert known[1] == i18n.t("index_forecast_known", lang, year=2018), known


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_english_pages_name_places_in_english_words(lang) -> None:
    # Ninh Bình's English page read "Thành phố Ninh Bình" in its tables and "target for
    # 2025 (Việt Nam)": the kind word and the nation belong to the reader's language,
    # the registry's names keep their marks.
    from test_reports import TARGETS, _bundle

    obs = _obs([("n-1", "seed000", "369", "Ninh Bình", "district", "legacy", "Ninh Bình",
                 "2018-06-30", "bhyt_coverage_pct", 90.0, "pct", "90%"),
                ("n-2", "seed000", "37", "Ninh Bình", "province", "legacy", "Ninh Bình",
                 "2018-06-30", "bhyt_coverage_pct", 88.0, "pct", "88%")])
    rpt = reports.ProvinceReport("Ninh Bình", lang=lang, bundle=_bundle(obs))
    text = " ".join(visible_text(table_html(df, lang)) for df in (rpt.headline_table(),
                                                                  rpt.coverage_table()))
    assert TARGETS["geo_name"].tolist() == ["Việt Nam"]
    # the nation's target on a city's row is worded as the whole country's, for
    # comparison (wp-left15: "(Việt Nam)" read as the row's own target)
    city = {"vi": "Thành phố Ninh Bình", "en": "Ninh Bình City"}[lang]
    assert city in text and i18n.t("target_geo_national", lang) in text, text
    if lang == "en":
        assert "Thành phố" not in text and "Việt Nam" not in text, text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_national_forecast_names_the_nation_in_the_readers_words(lang) -> None:
    # The English national forecast read "Year-end forecasts: Việt Nam 2025" and
    # "… participants — Việt Nam: the year is over …".
    from test_reports import _bundle

    obs = _obs([(f"v-{m}", "seed000", "VN", "Việt Nam", "nation", "legacy", "", d,
                 "bhyt_participants", v, "persons", "") for m, d, v in
                [(1, "2023-12-31", 93.6e6), (2, "2024-06-30", 94.0e6)]])
    fr = reports.ForecastReport(lang=lang, bundle=_bundle(obs))
    nation = i18n.t("country", lang)
    assert fr.year == 2024 and nation in fr.title, fr.title
    assert set(fr.forecast_table()["place"]) == {nation}
    if lang == "en":
        assert "Việt Nam" not in fr.title
