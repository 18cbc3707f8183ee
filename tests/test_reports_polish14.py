"""Province pages read once more (issue 14): a roughly dated figure, the gaps' unit
words, a hedged published year-end, repeated forecast notes and English decision dates."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports import ProvinceReport
from bhxh_analysis.reports.render import table_html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_headline_prints_a_rough_date_as_its_source_gives_it(home: Path,
                                                                 lang: str) -> None:
    # Quảng Ninh's 95 % BHYT coverage is dated only "end of 2020" by its source; the
    # coverage table printed "cuối năm 2020", the headline table "31/12/2020"
    rpt = ProvinceReport("Quảng Ninh", boundaries="legacy", lang=lang)
    head = rpt.headline_table()
    rough = head[head["as_of_approx"].astype(bool)]
    assert len(rough) and rough["as_of"].eq(pd.Timestamp("2020-12-31")).any()
    html = table_html(rough, lang, place=rpt.unit.name)
    assert i18n.t("date_approx_year_end", lang, year=2020) in html
    assert i18n.fmt_date(pd.Timestamp("2020-12-31"), lang) not in html
    # a day the source names is still printed as that day
    exact = head[~head["as_of_approx"].astype(bool)]
    assert len(exact)
    assert i18n.fmt_date(exact["as_of"].iloc[0], lang) in table_html(exact.head(1), lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_gaps_count_units_by_level_not_as_huyen(home: Path, lang: str) -> None:
    # Lâm Đồng's gaps read "Có số liệu cho 3/10 huyện" counting thành phố Đà Lạt and Bảo
    # Lộc as huyện, and "6/141 xã" counting phường and thị trấn
    from bhxh_analysis.reports.data import units_frame
    from bhxh_analysis.reports.words import gap_sentences

    rpt = ProvinceReport("Lâm Đồng", boundaries="legacy", lang=lang)
    units = units_frame("legacy")
    mine = units[units["province_code"].eq(rpt.unit.code)]
    assert mine["kind"].nunique() > 2  # not all are huyện and xã
    gaps = gap_sentences(rpt)
    for level, key in (("district", "district_units"), ("commune", "commune_units")):
        n_all = int(mine["geo_level"].eq(level).sum())
        said = [g for g in gaps if f"/{n_all} " in g or f" of {n_all} " in g]
        assert len(said) == 1, gaps
        assert said[0].endswith(i18n.t(key, lang) + ".")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_hedged_published_year_end_keeps_its_word(home: Path, lang: str) -> None:
    # Long An's forecast section read "số liệu 31/12 đã công bố (1.600.000)" for the
    # source's "trên 1.600.000" (the headline printed "trên")
    rpt = ProvinceReport("Long An", boundaries="legacy", lang=lang)
    fcs = rpt.forecast_table()
    known = fcs[fcs["status"].eq("year_end_known")]
    assert len(known) and known["last_value_qualifier"].eq("over").any()
    value = i18n.qualified(i18n.fmt_number(1_600_000, lang), "over", lang)
    said = [s for s in rpt.forecast_notes() if value in s]
    assert len(said) == 1 and "1" in said[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_national_forecast_keeps_its_figures_words(home: Path, lang: str) -> None:
    # Việt Nam 2025: the 31 December BHYT outcome is "khoảng 97.570.000" and was printed
    # bare in the table and in the sentence setting it against the forecast
    from bhxh_analysis.reports import ForecastReport

    fr = ForecastReport(year=2025, lang=lang)
    fcs = fr.forecast_table()
    row = fcs[fcs["indicator"].eq("bhyt_participants")].iloc[0]
    kind = row["actual_qualifier"]
    assert kind in ("about", "approx")
    value = i18n.qualified(i18n.fmt_number(row["actual"], lang), kind, lang)
    assert value != i18n.fmt_number(row["actual"], lang)
    assert any(value in s for s in fr.forecast_notes())
    assert value in table_html(fcs, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_forecast_notes_name_each_series_once(home: Path, lang: str) -> None:
    # Gia Lai (2025 boundaries) showed 12 note boxes under its forecast table, each of
    # the plan's, the range's, the earlier moves' and the model's sentences naming its
    # series again ("BHXH: người tham gia — Gia Lai (đến 30/6/2025): …")
    import json

    from bhxh_analysis.reports.render import Page

    rpt = ProvinceReport("Gia Lai", boundaries="2025", lang=lang)
    notes = rpt.forecast_notes()
    assert_each_series_once(notes, lang)
    # a series' note standing after another series' (Lâm Đồng: BHYT's borrowed pattern
    # after BHXH's pooling) joins its own paragraph
    assert_each_series_once(ProvinceReport("Lâm Đồng", boundaries="legacy",
                                           lang=lang).forecast_notes(), lang)
    page = Page(lang, show=False)
    page.notes(notes, group=True)
    boxes = page.blocks[-1].body.split('<p class="note">')[1:]
    assert len(notes) >= 10 and len(boxes) < len(notes) / 2
    # the notebooks group the forecast section's notes
    root = Path(__file__).parents[1] / "notebooks"
    for name in ("province_report", "unit_report", "forecast_report"):
        src = "".join("".join(c["source"]) for c in
                      json.loads((root / f"{name}.ipynb").read_text())["cells"])
        assert "forecast_notes(), group=True)" in src, name


def assert_each_series_once(notes: list[str], lang: str) -> None:
    """Each series' name starts one box of the grouped notes, and no sentence is lost."""
    import html as _html

    from bhxh_analysis.reports.notegroups import subject_of
    from bhxh_analysis.reports.render import Page

    page = Page(lang, show=False)
    page.notes(notes, group=True)
    boxes = page.blocks[-1].body.split('<p class="note">')[1:]
    subjects = [subject_of(s) for s in notes]
    named = [s for s in dict.fromkeys(subjects) if s is not None]
    assert len(boxes) <= len(named) + 2
    text = _html.unescape(page.blocks[-1].body)
    for subject in named:
        assert sum(_html.unescape(b).startswith(subject + ":") for b in boxes) == 1
        assert text.count(subject + ":") <= 2, subject  # and in a note on several series
    for s in notes:
        rest = s[len(subject_of(s)) + 2:] if subject_of(s) else s
        assert rest[1:] in text


def test_english_catalogue_texts_write_dates_one_way() -> None:
    # English pages printed "Decision 546/QĐ-TTg (29/4/2022)" beside "29 Apr 2022"
    # everywhere else (i18n.fmt_date); a Vietnamese day-first date reads as a US one
    import re

    day_first = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
    found = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("en"), str) and day_first.search(node["en"]):
                found.append((path, node["en"]))
            for k, v in node.items():
                walk(v, f"{path}/{k}")

    walk(i18n.catalogue(), "")
    assert not found
    assert i18n.instrument_label("Quyết định 546/QĐ-TTg (29/4/2022)", "en") == \
        f"Decision 546/QĐ-TTg ({i18n.fmt_date(pd.Timestamp('2022-04-29'), 'en')})"
    assert i18n.instrument_label("Quyết định 546/QĐ-TTg (29/4/2022)", "vi") == \
        f"Quyết định 546/QĐ-TTg ({i18n.fmt_date(pd.Timestamp('2022-04-29'), 'vi')})"


def test_an_english_coverage_table_dates_its_decision_as_english(home: Path) -> None:
    # Long An's coverage table: "Decision 546/QĐ-TTg (29/4/2022) — target for 2023"
    rpt = ProvinceReport("Long An", boundaries="legacy", lang="en")
    cov = rpt.coverage_table()
    html = table_html(cov, "en", place=rpt.unit.name)
    assert "Decision 546/QĐ-TTg (29 Apr 2022)" in html and "29/4/2022" not in html
