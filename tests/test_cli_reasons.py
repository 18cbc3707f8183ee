"""Messages that tell the user why (issue 14, trust; points 6, 10, 12).

* ``bhxh forecast batch`` gives every row it cannot forecast a reason in words (``note``)
  and counts the refused rows by reason; a ``--data`` row whose date cannot be read is
  said, not a traceback.
* A report made with a later ``as_of`` than today says so on its page (the command line
  refuses such a day: ``tests/test_cli_dates.py``).
* An empty section names the cutoff that left nothing and the years that have figures.
* A 2025 province with one legacy predecessor (Huế, Cao Bằng) shows its figures once,
  under its own name, never as a "sum of the legacy provinces" beside themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import report_obs

from bhxh_analysis import geo, i18n
from bhxh_analysis.cli import main, options
from bhxh_analysis.forecast.batch import refusal_notes
from bhxh_analysis.reports import boundaries as boundary_words
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports import words
from bhxh_analysis.reports.province import ProvinceReport

# ----------------------------------------------------------------------- forecast batch


def _series(code: str, name: str, dates: list[str], start: float) -> list[dict]:
    return [{"boundaries": "legacy", "geo_level": "province", "geo_code": code,
             "geo_name": name, "as_of": d, "indicator": "bhxh_participants",
             "value": start + 100.0 * i, "source_id": "test", "obs_id": f"{code}-{d}"}
            for i, d in enumerate(dates)]


@pytest.fixture(scope="module")
def batch_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three provinces: one forecastable, one with figures only after the as-of date,
    one whose only figure is far older than the horizon; and a row with no date."""
    months = pd.date_range("2022-01-31", "2024-09-30", freq="ME").strftime("%Y-%m-%d")
    rows = (_series("68", "Lâm Đồng", list(months), 100_000.0)
            + _series("62", "Kon Tum", ["2025-03-31", "2025-06-30"], 50_000.0)
            + _series("01", "Hà Nội", ["2010-12-31"], 1_500_000.0))
    bad = {**rows[0], "as_of": "not a day", "obs_id": "bad"}
    path = tmp_path_factory.mktemp("batch") / "obs.csv"
    pd.DataFrame([*rows, bad]).to_csv(path, index=False)
    return path


def _run_batch(data: Path, out: Path, year: str, as_of: str):
    """``bhxh forecast batch`` of provinces' BHXH participants on ``data``, into ``out``."""
    return CliRunner().invoke(main, ["forecast", "batch", "--level", "province", "--indicator",
                                     "bhxh_participants", "--year", year, "--as-of", as_of,
                                     "--data", str(data), "--out", str(out), "--no-progress"])


def test_batch_gives_every_refused_row_a_reason_and_counts_them(batch_data: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "fc.parquet"
    res = _run_batch(batch_data, out, "2024", "31/10/2024")
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output
    df = pd.read_parquet(out).set_index("geo_name")
    notes = refusal_notes(2024, "2024-10-31")
    # every place with a figure keeps its row; the refused ones say why, in words
    assert sorted(df.index) == ["Hà Nội", "Kon Tum", "Lâm Đồng"]
    assert df.at["Kon Tum", "note"] == notes["no_figure"] and pd.isna(df.at["Kon Tum", "forecast"])
    assert df.at["Hà Nội", "note"] == notes["horizon"] and pd.isna(df.at["Hà Nội", "forecast"])
    assert df.at["Lâm Đồng", "forecast"] > 0
    assert df.at["Lâm Đồng", "note"] == notes["no_plan"]  # why p_meet_plan is empty
    assert pd.isna(df.at["Lâm Đồng", "p_meet_plan"])
    # the summary counts the refused rows by reason
    lines = res.output.splitlines()
    assert "3 places (1 forecast, 2 refused)" in lines
    assert "refused, by reason:" in lines
    for kind in ("no_figure", "horizon"):
        assert f"      1  {notes[kind].removeprefix('refused: ')}" in lines
    # the unreadable date is said and left out, not a traceback
    assert "1 row(s) of" in res.output and "'not a day'" in res.output


def test_batch_error_is_one_line_and_debug_shows_the_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not a parquet file")
    args = ["forecast", "batch", "--level", "province", "--indicator", "bhxh_participants",
            "--year", "2024", "--as-of", "31/10/2024", "--data", str(broken),
            "--out", str(tmp_path / "x.parquet"), "--no-progress"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert len([x for x in res.output.splitlines() if x.startswith("Error:")]) == 1
    res = CliRunner().invoke(main, [*args, "--debug"])
    assert res.exit_code != 0 and res.exception is not None
    assert not isinstance(res.exception, SystemExit)  # raised: the traceback is shown


# ----------------------------------------------------------------------- report pages

HUE = ("46", "Huế", "province", "legacy", "Huế")
CAO_BANG = ("04", "Cao Bằng", "province", "legacy", "Cao Bằng")
LAM_DONG = ("68", "Lâm Đồng", "province", "legacy", "Lâm Đồng")
DAK_NONG = ("67", "Đắk Nông", "province", "legacy", "Lâm Đồng")
BINH_THUAN = ("60", "Bình Thuận", "province", "legacy", "Lâm Đồng")
SOURCES = pd.DataFrame({"source_id": ["s"], "publisher": ["Test"], "title": ["t"],
                        "address": [""], "published_date": [""]})
TARGETS = pd.DataFrame(columns=["target_id", "source_id", "instrument", "geo_name",
                                "indicator", "year", "value"])


@pytest.fixture(scope="module")
def bundle() -> report_data.Bundle:
    rows = []
    for place in (HUE, CAO_BANG, LAM_DONG, DAK_NONG, BINH_THUAN):
        code = place[0]
        rows += [(f"{code}-1", "s", place, "2021-12-31", "bhyt_participants", 900_000.0),
                 (f"{code}-2", "s", place, "2022-12-31", "bhyt_participants", 910_000.0),
                 (f"{code}-3", "s", place, "2022-07-01", "population", 1_100_000.0)]
    return report_data.Bundle(report_obs(rows), None, None, None, SOURCES, TARGETS, "")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", ["Huế", "Cao Bằng"])
def test_a_sole_legacy_province_is_shown_once_under_its_name(bundle, name: str,
                                                             lang: str) -> None:
    rpt = ProvinceReport(name, "2025", lang=lang, bundle=bundle)
    head = rpt.headline_table()
    assert head["indicator"].is_unique, head  # once, not also as a "sum" of itself
    # under the name of its figures' date (2021-2022: Thừa Thiên Huế, see test_geo_dated)
    assert set(head["place"]) == {geo.name_on(rpt.unit, "2022-12-31")}
    assert i18n.t("method_sum_legacy", lang) not in set(head["source"])
    assert not any(i18n.t("legacy_until", lang) in p for p in rpt._figures()["place"])
    # its denominator is the place's own series in the trends
    context = rpt.trend_table()
    assert len(context[context["series"] == i18n.indicator_label("population", lang)]) == 1
    said = boundary_words.boundary_sentences(rpt)
    part = report_data.renamed_title(rpt.unit, lang)  # "Huế (Thừa Thiên Huế until 2024)"
    assert said[0] == i18n.t("bnd_2025_same", lang, name=name, part=part)
    assert i18n.t("bnd_2025_sum", lang) not in said


def test_a_province_of_several_legacy_ones_still_shows_sums(bundle) -> None:
    rpt = ProvinceReport("Lâm Đồng", "2025", lang="en", bundle=bundle)
    head = rpt.headline_table()
    sums = head[head["source"] == i18n.t("method_sum_legacy", "en")]
    assert set(sums["place"]) == {"Lâm Đồng"} and len(sums) == 2
    assert "Đắk Nông (until 30 June 2025)" in set(head["place"])
    assert i18n.t("bnd_2025_sum", "en") in boundary_words.boundary_sentences(rpt)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_page_names_its_cutoff_and_the_years_with_figures(bundle, lang: str) -> None:
    rpt = ProvinceReport("Thừa Thiên Huế", "2025", year=1990, lang=lang, bundle=bundle)
    assert rpt.headline_table().empty
    why = i18n.t("cutoff_year", lang, year=1990)
    date = i18n.fmt_date("1990-12-31", lang)
    years = i18n.t("years_span", lang, first=2021, last=2022)
    assert rpt.no_figures_notes() == [i18n.t("no_figures_cutoff", lang, name="Huế", date=date,
                                             why=why, years=years)]
    gaps = words.gap_sentences(rpt)
    assert i18n.t("no_insurance_cutoff", lang, name="Huế", date=date, why=why,
                  years=years) in gaps
    assert i18n.t("gap_no_insurance", lang, name="Huế") not in gaps
    # an as-of date: named as such
    rpt = ProvinceReport("Huế", "legacy", as_of="31/12/2000", lang=lang, bundle=bundle)
    assert i18n.t("cutoff_as_of", lang) in rpt.no_figures_notes()[0]
    # nothing cut away: the catalogue's "no figures"
    rpt = ProvinceReport("Hà Giang", "legacy", year=1990, lang=lang, bundle=bundle)
    assert rpt.no_figures_notes() == [i18n.t("no_figures", lang)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_later_as_of_than_today_is_said_on_the_page(monkeypatch, bundle, lang: str) -> None:
    monkeypatch.setattr(options, "today", lambda: dt.date(2023, 3, 1))
    later = ProvinceReport("Huế", "2025", as_of="2023-03-02", lang=lang, bundle=bundle)
    note = i18n.t("as_of_future", lang, date=i18n.fmt_date("2023-03-02", lang),
                  today=i18n.fmt_date("2023-03-01", lang))
    assert note in later.subtitle()
    same = ProvinceReport("Huế", "2025", as_of="2023-03-01", lang=lang, bundle=bundle)
    assert note not in same.subtitle() and len(same.subtitle()) == len(later.subtitle()) - 1


def test_batch_where_every_place_is_refused_still_writes_every_column(batch_data: Path,
                                                                     tmp_path: Path) -> None:
    """As of 31/12/2009 no place has a figure (the first is of 2010): the batch writes
    every place's row with its reason, not a KeyError on the missing forecast columns (a
    chunk of places without a figure had none)."""
    from bhxh_analysis.cli.forecast import CSV_COLUMNS

    out = tmp_path / "fc.parquet"
    res = _run_batch(batch_data, out, "2009", "31/12/2009")
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert list(df.columns[:len(CSV_COLUMNS)]) == list(CSV_COLUMNS)
    assert df["forecast"].isna().all()
    assert (df["note"] == refusal_notes(2009, "2009-12-31")["no_figure"]).all()
    assert sorted(df["geo_name"]) == ["Hà Nội", "Kon Tum", "Lâm Đồng"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("name", "boundaries", "ref"), [
    ("Huế", "legacy", "175/2024/QH15"), ("Hà Nội", "2025", "15/2008/QH12")])
def test_a_boundary_change_cites_its_resolution_in_the_page_language(
        bundle, name: str, boundaries: str, ref: str, lang: str) -> None:
    # an English page said "(Nghị quyết 175/2024/QH15)": the kind word is translated,
    # the number stays as issued
    said = " ".join(boundary_words.boundary_sentences(ProvinceReport(name, boundaries, lang=lang,
                                                            bundle=bundle)))
    assert f"{ {'vi': 'Nghị quyết', 'en': 'Resolution'}[lang]} {ref}" in said
    if lang == "en":
        assert "Nghị quyết" not in said and "Resolution" in said
    # a unit's kind word is lower case inside a Vietnamese sentence
    if name == "Huế":
        assert ("tỉnh Thừa Thiên Huế trở thành thành phố Huế" in said if lang == "vi"
                else "Thừa Thiên Huế Province became Huế City" in said)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_2025_page_summing_a_former_province_does_not_call_its_figures_its_own(
        bundle, lang: str) -> None:
    # Hà Nội (2025) said "its figures are that province's own, not a sum of legacy
    # provinces" and then that Hà Tây's counts are summed in before 1/8/2008
    said = boundary_words.boundary_sentences(ProvinceReport("Hà Nội", "2025", lang=lang, bundle=bundle))
    own = i18n.t("bnd_2025_same", lang, name="Hà Nội", part="Hà Nội")
    assert own not in said
    date = i18n.fmt_date("2008-08-01", lang)
    assert i18n.t("bnd_2025_same_before", lang, name="Hà Nội", part="Hà Nội",
                  formers="Hà Tây", date=date, year=2008) == said[0]
    assert i18n.t("bnd_2025_sum", lang) in said
    assert sum("Hà Tây" in s and date in s for s in said) == 2  # the merger, said once more


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_2008_merger_is_said_once_on_the_legacy_ha_noi_page(bundle, lang: str) -> None:
    # Hà Nội (legacy) told 1/8/2008 twice: the change sentence ("took in Hà Tây, Mê
    # Linh ...") and again "Hà Tây is a former province, merged into Hà Nội on ...":
    # the former province whose merger a change names is not told again
    said = boundary_words.boundary_sentences(ProvinceReport("Hà Nội", "legacy", lang=lang,
                                                            bundle=bundle))
    date = i18n.fmt_date("2008-08-01", lang)
    assert sum("Hà Tây" in s and date in s for s in said) == 1, said
    assert i18n.t("bnd_defunct", lang, name="Hà Tây", new="Hà Nội", date=date) not in said
    # the change's act no longer follows its last part's bracket: "Lương Sơn (Hoà Bình)
    # (Nghị quyết 15/2008/QH12)" read as two bracket groups in a row
    assert not [s for s in said if re.search(r"\)\s*\(", s)], said
    # Hà Tây's own page still says where it went
    own = boundary_words.boundary_sentences(ProvinceReport("Hà Tây", "legacy", lang=lang,
                                                           bundle=bundle))
    assert i18n.t("bnd_defunct", lang, name="Hà Tây", new="Hà Nội", date=date) in own


@pytest.mark.parametrize(("name", "lang", "want"), [
    ("Bà Rịa - Vũng Tàu", "vi", "là một phần của thành phố Hồ Chí Minh mới, cùng với Bình Dương "
                                "và Hồ Chí Minh (cũ);"),
    ("Bà Rịa - Vũng Tàu", "en", "together with Bình Dương and the former Hồ Chí Minh;"),
    ("Huế", "vi", "Từ 1/7/2025, thành phố Huế giữ nguyên địa giới cấp tỉnh"),
    ("Kon Tum", "vi", "là một phần của tỉnh Quảng Ngãi mới, cùng với Quảng Ngãi (cũ);"),
])
def test_a_legacy_page_names_the_2025_unit_by_its_kind(bundle, name: str, lang: str,
                                                       want: str) -> None:
    # the vi pages said "tỉnh Hồ Chí Minh mới" and "tỉnh Huế" (both are cities); the en
    # page listed "Bình Dương, the former Hồ Chí Minh", which reads as one place
    said = " ".join(boundary_words.boundary_sentences(ProvinceReport(name, "legacy", lang=lang,
                                                            bundle=bundle)))
    assert want in said
    assert "tỉnh Hồ Chí Minh" not in said and "tỉnh Huế" not in said
