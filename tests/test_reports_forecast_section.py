"""The forecast section of a one-place page reads as one page (issue 14, the last read).

Nghệ An (legacy) showed its one forecast with "Nghệ An · Province" under the Nghệ An
heading; a table that mixes places keeps both columns.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_reports import visible_text

from bhxh_analysis import i18n, metrics, reports
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports import words
from bhxh_analysis.reports.render import Page, table_html


def _rows(places: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"place": places, "geo_level": ["province"] * len(places),
                         "indicator": ["bhxh_compulsory_participants"] * len(places),
                         "forecast": [225_396.0] * len(places)})


def test_one_row_of_the_pages_own_place_drops_place_and_level() -> None:
    html = table_html(_rows(["Nghệ An"]), "en", place="Nghệ An")
    assert "<th>Place</th>" not in html and "<th>Level</th>" not in html
    page = Page("vi", show=False, place="Nghệ An")
    page.table(_rows(["Nghệ An"]))
    for key in ("place", "level"):
        assert f"<th>{i18n.t(key, 'vi')}</th>" not in page.blocks[-1].body
    # one row of another place (a former province on a 2025 page) keeps them
    assert "<th>Place</th>" in table_html(_rows(["Hải Dương (until 30 June 2025)"]), "en",
                                          place="Hải Phòng")
    # a table of several places keeps both, the level too although it is the same
    mixed = table_html(_rows(["Hải Dương (until 30 June 2025)",
                              "Hải Phòng (until 30 June 2025)"]), "en", place="Hải Phòng")
    assert "<th>Place</th>" in mixed and "<th>Level</th>" in mixed


# ------------------------------------------------------------- dates a source gives roughly

SOURCES = pd.DataFrame({
    "source_id": ["iqn", "gso"], "publisher": ["Invest in Quang Ninh", "GSO"],
    "title": ["Social security", "Dân số"], "address": ["https://example.org/a", ""],
    "published_date": ["", ""]})
TARGETS = pd.DataFrame({"target_id": ["t1"], "source_id": ["gso"], "instrument": ["QĐ 546"],
                        "geo_name": ["Việt Nam"], "indicator": ["bhyt_coverage_pct"],
                        "year": [2020], "value": [90.7]})


def _quang_ninh(note: str) -> report_data.Bundle:
    """Quảng Ninh's 95 % BHYT coverage from a 2015–2020 summary, dated 31/12/2020 with
    ``note`` (the curated row says "as_of approximated to end-2020"), and its population."""
    rows = [("qn-1", "iqn", "bhyt_coverage_pct", 95.0, "pct", "95%", "2020-12-31", note),
            ("qn-2", "gso", "population", 1_337_610.0, "persons", "1.337,61", "2020-07-01",
             "dated mid-year")]
    obs = pd.DataFrame(rows, columns=["obs_id", "source_id", "indicator", "value", "unit",
                                      "value_raw", "as_of", "note"])
    obs = obs.assign(geo_code="22", geo_name="Quảng Ninh", geo_level="province",
                     boundaries="legacy", province_2025="Quảng Ninh",
                     geo_name_raw="Quảng Ninh", as_of=pd.to_datetime(obs["as_of"]),
                     as_of_raw=obs["as_of"], preliminary=False)
    derived = metrics.derive(obs)
    derived = derived.astype({c: str for c in derived.columns
                              if isinstance(derived[c].dtype, pd.CategoricalDtype)})
    return report_data.Bundle(obs, derived, None, None, SOURCES, TARGETS, "")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_date_the_source_gives_as_end_of_year_is_printed_so(lang) -> None:
    rough = _quang_ninh("printed '95%'; as_of approximated to end-2020")
    rpt = reports.ProvinceReport("Quảng Ninh", lang=lang, bundle=rough)
    page = Page(lang, show=False, place=rpt.unit.name)
    page.table(rpt.coverage_table())
    page.notes(rpt.forecast_notes() + words.gap_sentences(rpt))
    text = visible_text(page.html())
    end = i18n.t("date_approx_year_end", lang, year=2020)
    assert f"{i18n.fmt_pct(95, lang)} {end}" in text, text  # the table's as-of cell
    assert i18n.t("gap_latest_approx", lang, date=end) in text
    assert i18n.t("forecast_none_year_coverage_end_approx", lang, year=2020) in text
    assert i18n.fmt_date("2020-12-31", lang) not in text
    # the same figure with a day of its own keeps it
    exact = reports.ProvinceReport("Quảng Ninh", lang=lang, bundle=_quang_ninh("printed"))
    page = Page(lang, show=False, place=exact.unit.name)
    page.table(exact.coverage_table())
    page.notes(exact.forecast_notes())
    text = visible_text(page.html())
    assert i18n.fmt_date("2020-12-31", lang) in text and end not in text
    assert i18n.t("forecast_none_year_coverage_known", lang, year=2020) in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_forecast_from_a_roughly_dated_figure_says_about(lang) -> None:
    """Đà Bắc's "up to now" of a half-year article was dated 30/6/2019."""
    row = pd.Series({"indicator": "bhyt_participants", "place": "Đà Bắc", "status": "failed",
                     "as_of": pd.Timestamp("2019-06-30"), "as_of_approx": True})
    text = " ".join(words.forecast_sentences(pd.DataFrame([row]).assign(
        plan=float("nan"), p_meet_plan=float("nan"), flags=""), lang))
    about = i18n.t("date_approx", lang, date=i18n.fmt_date("2019-06-30", lang))
    assert about in text, text
