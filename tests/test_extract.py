"""``bhxh extract``: figures read from news text, measured against gold lists.

Every passage below was written for these tests (none is copied from an article). The
five seed articles are read from ``../shared/seeds`` (``config.shared_dir()``) and never
committed; their gold list ``tests/data/extract/gold_seeds.csv`` is generated from the
project's curated transcription (``data/raw/curated/observations_seeds.csv``) by
:func:`gold_from_curated`, and a test keeps the two equal.
"""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bhxh_analysis import config
from bhxh_analysis import extract as ex
from bhxh_analysis.clean import parse_quantity
from bhxh_analysis.cli import main
from bhxh_analysis.schema import INDICATOR_PATTERN
from bhxh_analysis.usercheck import check_file

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "extract"
GOLD = DATA / "gold_seeds.csv"
SEEDS = config.shared_dir() / "seeds"
#: The F1 the extractor must reach on the seed articles (issue 15 asks for 0.85).
F1_SEEDS = 0.85


def gold_from_curated() -> pd.DataFrame:
    """The seed gold list: the curated transcription's insurance figures.

    The gold covers the core vocabulary (``{scheme}_{measure}``, population, labour
    force): the figures a province's series is made of. The curated file's extra
    indicators (campaign staff, counselling sessions, campaign targets, pupils' target,
    pensions paid by the post office) describe campaigns, not a place's insurance, and
    the extractor does not produce them.
    """
    cur = pd.read_csv(ROOT / "data" / "raw" / "curated" / "observations_seeds.csv", dtype="str",
                      keep_default_na=False)
    pub = pd.read_csv(DATA / "seeds_published.csv", dtype="str", keep_default_na=False)
    core = cur[cur["indicator"].str.fullmatch(INDICATOR_PATTERN)].copy()
    core["value"] = [parse_quantity(v, f).value for v, f in
                     zip(core["value_raw"], core["number_format"], strict=True)]
    core = core.merge(pub[["source_id", "file", "published"]], on="source_id", how="left",
                      validate="m:1")
    core = core.rename(columns={"place_raw": "geo_name", "parent_raw": "parent"})
    return core[["obs_id", "file", "published", "geo_name", "parent", "indicator", "as_of",
                 "value"]].reset_index(drop=True)


def run(text: str, **kw) -> pd.DataFrame:
    kw.setdefault("published", "2024-07-15")
    return ex.extract_text(text, **kw)


def iso(day: pd.Timestamp) -> str:
    """A candidate's ``as_of`` (``datetime64[ns]``) as ``YYYY-MM-DD``; "" when unknown."""
    return "" if pd.isna(day) else day.date().isoformat()


def rows(df: pd.DataFrame) -> set[tuple]:
    return {(r.geo_name, r.indicator, iso(r.as_of), r.value, r.qualifier)
            for r in df.itertuples(index=False)}


def readings(df: pd.DataFrame) -> set[tuple]:
    """``(place, indicator, as_of, value)`` of every candidate: what a passage's list holds."""
    return {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()}


def check_passage(text: str, published: str | None, hint: str | None,
                  expected: set[tuple]) -> pd.DataFrame:
    """One own-wording passage of a round's table: exactly its expected readings, and
    every place found in the registry. Returns the candidates for further checks."""
    df = run(text, published=published, place_hint=hint)
    assert readings(df) == expected
    assert (df["geo_code"] != "").all(), df.loc[df["geo_code"] == "", "geo_name"].tolist()
    return df


def check_placed(text: str, published: str | None, hint: str | None,
                 expected: set[tuple]) -> pd.DataFrame:
    """The passage's exact readings (place, level, indicator, as_of, value), each place
    at the level expected (a district is not its province). Returns the candidates."""
    df = check_passage(text, published, hint, {(p, i, d, v) for p, _lv, i, d, v in expected})
    got = {(r.geo_name, r.geo_level, r.indicator, iso(r.as_of), r.value)
           for r in df.itertuples()}
    assert got == expected
    return df


# ------------------------------------------------------------- phrase types (own text)


def test_participants_of_every_scheme_and_offsets() -> None:
    text = ("Tính đến hết tháng 6/2024, toàn tỉnh Phú Yên có 98.450 người tham gia BHXH bắt "
            "buộc, 21.300 người tham gia BHXH tự nguyện và 95.120 người tham gia BHTN. "
            "Số người tham gia BHYT hộ gia đình là 310.200 người, tham gia BHYT là 905.000 "
            "người; có 119.750 người tham gia BHXH.")
    df = run(text)
    assert list(df.columns) == ex.COLUMNS
    assert rows(df) == {
        ("Phú Yên", "bhxh_compulsory_participants", "2024-06-30", 98450.0, ""),
        ("Phú Yên", "bhxh_voluntary_participants", "2024-06-30", 21300.0, ""),
        ("Phú Yên", "bhtn_participants", "2024-06-30", 95120.0, ""),
        ("Phú Yên", "bhyt_household_participants", "2024-06-30", 310200.0, ""),
        ("Phú Yên", "bhyt_participants", "2024-06-30", 905000.0, ""),
        ("Phú Yên", "bhxh_participants", "2024-06-30", 119750.0, ""),
    }
    for r in df.itertuples(index=False):
        assert text[r.start:r.end] == r.value_raw
    assert set(df["geo_level"]) == {"province"} and set(df["boundaries"]) == {"legacy"}


def test_coverage_of_population_and_labour_force() -> None:
    text = ("Đến hết tháng 9, tỷ lệ bao phủ BHYT của tỉnh đạt 93,4% dân số; tỷ lệ tham gia "
            "BHXH đạt 31,2% lực lượng lao động trong độ tuổi.")
    df = run(text, place_hint="Phú Yên", published="2024-10-20")
    assert rows(df) == {("Phú Yên", "bhyt_coverage_pct", "2024-09-30", 93.4, ""),
                        ("Phú Yên", "bhxh_coverage_pct", "2024-09-30", 31.2, "")}


def test_plans_uy_ban_and_resolution_beside_decision() -> None:
    text = ("Năm 2024, chỉ tiêu UBND tỉnh giao cho huyện Tuy An là 4.200 người tham gia BHXH "
            "tự nguyện. Theo Quyết định 546/QĐ-TTg, chỉ tiêu bao phủ BHYT năm 2025 của tỉnh "
            "Phú Yên là 94,5%, còn Nghị quyết của HĐND tỉnh đặt mục tiêu 95,2%. Kế hoạch "
            "giao năm 2024 cho tỉnh là 52.000 người tham gia BHYT hộ gia đình.")
    df = run(text)
    assert rows(df) == {
        ("Tuy An", "bhxh_voluntary_plan_participants", "2024-12-31", 4200.0, ""),
        ("Phú Yên", "bhyt_plan_coverage_pct", "2025-12-31", 94.5, ""),
        ("Phú Yên", "bhyt_plan_coverage_pct", "2025-12-31", 95.2, ""),
        ("Phú Yên", "bhyt_household_plan_participants", "2024-12-31", 52000.0, ""),
    }


def test_attainment_and_shortfalls() -> None:
    text = ("Đến ngày 30/9, toàn huyện có 3.150 người tham gia BHXH tự nguyện, đạt 75% kế "
            "hoạch; số người còn thiếu là 1.050 người. Tỷ lệ bao phủ BHYT mới đạt 88,2%, "
            "còn thiếu 3,3% so với chỉ tiêu được giao, tương đương 6.870 người.")
    df = run(text, place_hint="Tuy An", published="2024-10-20")
    assert rows(df) == {
        ("Tuy An", "bhxh_voluntary_participants", "2024-09-30", 3150.0, ""),
        ("Tuy An", "bhxh_voluntary_attainment_pct", "2024-09-30", 75.0, ""),
        ("Tuy An", "bhxh_voluntary_shortfall_participants", "2024-09-30", 1050.0, ""),
        ("Tuy An", "bhyt_coverage_pct", "2024-09-30", 88.2, ""),
        ("Tuy An", "bhyt_shortfall_pp", "2024-09-30", 3.3, ""),
        ("Tuy An", "bhyt_shortfall_participants", "2024-09-30", 6870.0, ""),
    }


def test_attainment_with_ratio_gives_the_plan() -> None:
    text = ("Từ đầu năm đến nay, huyện Sơn Hòa có 210 người tham gia BHXH tự nguyện phát "
            "triển mới, đạt 70% (210/300) kế hoạch năm.")
    df = run(text, place_hint="Phú Yên")
    assert rows(df) == {
        ("Sơn Hòa", "bhxh_voluntary_new_participants", "2024-07-15", 210.0, ""),
        ("Sơn Hòa", "bhxh_voluntary_attainment_pct", "2024-07-15", 70.0, ""),
        ("Sơn Hòa", "bhxh_voluntary_plan_new_participants", "2024-12-31", 300.0, ""),
    }


def test_over_achievement_is_not_a_stock() -> None:
    # (a surplus over the plan is a negative shortfall: the convention of 5 December 2026)
    text = ("Riêng BHXH tự nguyện, tỉnh Phú Yên đã có 5.600 người tham gia, vượt 600 người "
            "so với kế hoạch.")
    df = run(text)
    assert rows(df) == {("Phú Yên", "bhxh_voluntary_participants", "2024-07-15", 5600.0, ""),
                        ("Phú Yên", "bhxh_voluntary_shortfall_participants", "2024-07-15",
                         -600.0, "")}
    over = run("Tỉnh Phú Yên có 2.100 người tham gia BHXH tự nguyện, vượt 5% kế hoạch.")
    assert ("Phú Yên", "bhxh_voluntary_attainment_pct", "2024-07-15", 105.0, "") in rows(over)


def test_new_participants_and_first_half_of_year() -> None:
    text = ("Trong 6 tháng đầu năm, BHXH huyện Đồng Xuân đã phát triển mới 820 người tham gia "
            "BHXH tự nguyện.")
    df = run(text, place_hint="Phú Yên")
    assert rows(df) == {
        ("Đồng Xuân", "bhxh_voluntary_new_participants", "2024-06-30", 820.0, "")}


def test_qualifiers() -> None:
    text = ("Tính đến 31/8, tỉnh Phú Yên có hơn 1,2 triệu người tham gia BHYT, khoảng 95% dân "
            "số; trên 40.000 người tham gia BHXH tự nguyện và gần 150.000 người tham gia BHXH "
            "bắt buộc.")
    df = run(text, published="2023-09-12")
    assert rows(df) == {
        ("Phú Yên", "bhyt_participants", "2023-08-31", 1200000.0, "hơn"),
        ("Phú Yên", "bhyt_coverage_pct", "2023-08-31", 95.0, "khoảng"),
        ("Phú Yên", "bhxh_voluntary_participants", "2023-08-31", 40000.0, "trên"),
        ("Phú Yên", "bhxh_compulsory_participants", "2023-08-31", 150000.0, "gần"),
    }


def test_changes_are_not_stocks() -> None:
    text = ("So với cùng kỳ năm trước, số người tham gia BHXH tự nguyện của tỉnh Phú Yên tăng "
            "2.340 người, số người tham gia BHTN giảm 410 người; số người tham gia BHYT tăng "
            "4,5%.")
    df = run(text)
    assert rows(df) == {
        ("Phú Yên", "bhxh_voluntary_change_participants", "2024-07-15", 2340.0, ""),
        ("Phú Yên", "bhtn_change_participants", "2024-07-15", -410.0, ""),
    }


def test_share_right_after_a_count_of_participants() -> None:
    df = run("Tính đến 30/6/2024, tỉnh Phú Yên có 820.000 người tham gia BHYT, chiếm tỷ lệ "
             "93,2%; có 120.000 thẻ BHYT cấp mới, chiếm 14%.")
    assert rows(df) == {("Phú Yên", "bhyt_participants", "2024-06-30", 820000.0, ""),
                        ("Phú Yên", "bhyt_coverage_pct", "2024-06-30", 93.2, "")}


def test_money_is_not_persons() -> None:
    text = ("Tổng số thu BHXH, BHYT, BHTN của tỉnh Phú Yên đạt 1.250 tỷ đồng, đạt 52% kế "
            "hoạch thu; số tiền chậm đóng là 35 tỷ đồng.")
    assert run(text).empty


def test_place_named_only_by_the_outlet() -> None:
    text = "Toàn tỉnh hiện có 61.200 người tham gia BHXH."
    df = run(text, place_hint="Quảng Trị", published="2024-10-01")
    assert rows(df) == {("Quảng Trị", "bhxh_participants", "2024-10-01", 61200.0, "")}
    assert df.loc[0, "geo_code"] == "45"
    unknown = run(text, published="2024-10-01")
    assert unknown.loc[0, "geo_name"] == "" and unknown.loc[0, "confidence"] < 0.5


def test_national_figures_are_viet_nam() -> None:
    text = ("Tính đến hết năm 2023, cả nước có 18,26 triệu người tham gia BHXH, đạt 39,25% "
            "lực lượng lao động trong độ tuổi. BHXH Việt Nam cho biết có 93,35 triệu người "
            "tham gia BHYT.")
    df = run(text, published="2024-01-20")
    assert rows(df) == {
        ("Việt Nam", "bhxh_participants", "2023-12-31", 18260000.0, ""),
        ("Việt Nam", "bhxh_coverage_pct", "2023-12-31", 39.25, ""),
        ("Việt Nam", "bhyt_participants", "2023-12-31", 93350000.0, ""),
    }


def test_year_less_date_takes_the_publication_year_and_reform_boundaries() -> None:
    text = "Tính đến 31/8, tỉnh Lâm Đồng có 25.100 người tham gia BHXH tự nguyện."
    df = run(text, published="2025-09-10")
    r = df.iloc[0]
    assert (iso(r.as_of), r.boundaries, r.geo_name) == ("2025-08-31", "2025", "Lâm Đồng")
    # printed in January, "tính đến 31/12" is last year's year end
    jan = run("Tính đến 31/12, tỉnh Phú Yên có 9.000 người tham gia BHTN.", published="2024-01-08")
    assert iso(jan.loc[0, "as_of"]) == "2023-12-31"


def test_campaign_targets_and_counts_of_other_things_are_skipped() -> None:
    text = ("Trong đợt ra quân tháng 5, tỉnh Phú Yên đặt mục tiêu phát triển 500 người tham "
            "gia BHXH tự nguyện, tối thiểu 30 người/xã. Hơn 200 cán bộ tham gia diễu hành; "
            "12 cuộc tuyên truyền thu hút 900 lượt người dân. Tháng 6/2024 có 63 tỉnh tham gia.")
    assert run(text).empty


def test_html_page_furniture_is_stripped(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta property='article:published_time' content='2024-07-02T08:00:00'>"
        "<script>var s = '1.000 người tham gia BHYT';</script></head><body>"
        "<nav>Trang chủ | 2.000 người tham gia BHYT</nav><header>Báo tỉnh</header>"
        "<article><h1>Tin BHXH</h1><p>Tính đến 30/6, tỉnh Phú Yên có 800.000 người tham gia "
        "BHYT.</p><div class='share'>3.000 người tham gia BHXH</div></article>"
        "<footer>4.000 người tham gia BHTN</footer></body></html>", encoding="utf-8")
    text, published = ex.read_article(page)
    assert published == _dt.date(2024, 7, 2)
    assert "2.000" not in text and "3.000" not in text and "4.000" not in text
    df = ex.extract_file(page)
    assert rows(df) == {("Phú Yên", "bhyt_participants", "2024-06-30", 800000.0, "")}
    assert text[df.loc[0, "start"]:df.loc[0, "end"]] == "800.000"


def test_plans_in_parentheses_and_points_below_or_above_a_plan() -> None:
    text = ("Tính đến 30/6/2024, tỷ lệ bao phủ BHYT của tỉnh Phú Yên đạt 91,2% dân số, thấp "
            "hơn 2,3% so với chỉ tiêu UBND tỉnh giao (93,5%); tỷ lệ tham gia BHXH đạt 30,4% "
            "lực lượng lao động, cao hơn 0,4% so với chỉ tiêu Nghị quyết của Tỉnh ủy (30%).")
    df = run(text)
    assert rows(df) == {
        ("Phú Yên", "bhyt_coverage_pct", "2024-06-30", 91.2, ""),
        ("Phú Yên", "bhyt_shortfall_pp", "2024-06-30", 2.3, ""),
        ("Phú Yên", "bhyt_plan_coverage_pct", "2024-12-31", 93.5, ""),
        ("Phú Yên", "bhxh_coverage_pct", "2024-06-30", 30.4, ""),
        ("Phú Yên", "bhxh_plan_coverage_pct", "2024-12-31", 30.0, ""),
    }


def test_several_schemes_together_and_respectively() -> None:
    text = ("Đến hết tháng 5/2024, tỉnh Phú Yên có 1.050.000 người tham gia BHXH, BHYT, BHTN; "
            "số người tham gia BHXH, BHTN lần lượt đạt 31%, 27% lực lượng lao động.")
    df = run(text)
    assert rows(df) == {("Phú Yên", "bhxh_coverage_pct", "2024-05-31", 31.0, ""),
                        ("Phú Yên", "bhtn_coverage_pct", "2024-05-31", 27.0, "")}


def test_lists_of_districts_and_same_period_last_year() -> None:
    text = ("Tính đến 31/5/2024, số người tham gia BHXH tự nguyện của tỉnh Phú Yên là 23.400 "
            "người so với cùng kỳ năm 2023 (20.100 người). Các huyện còn số người cần vận "
            "động tham gia BHXH tự nguyện theo chỉ tiêu giao khá cao, như Tuy An còn 820 "
            "người, Sơn Hòa 640 người. Có 2 huyện đã hoàn thành chỉ tiêu BHXH tỉnh giao là "
            "Đồng Xuân (101,2%), Sông Hinh (100,4%).")
    df = run(text)
    assert rows(df) == {
        ("Phú Yên", "bhxh_voluntary_participants", "2024-05-31", 23400.0, ""),
        ("Phú Yên", "bhxh_voluntary_participants", "2023-05-31", 20100.0, ""),
        ("Tuy An", "bhxh_voluntary_shortfall_participants", "2024-05-31", 820.0, ""),
        ("Sơn Hòa", "bhxh_voluntary_shortfall_participants", "2024-05-31", 640.0, ""),
        ("Đồng Xuân", "bhxh_voluntary_attainment_pct", "2024-05-31", 101.2, ""),
        ("Sông Hinh", "bhxh_voluntary_attainment_pct", "2024-05-31", 100.4, ""),
    }


def test_targets_headline_dates_and_persons_behind_a_rate() -> None:
    text = ("Tỷ lệ bao phủ BHYT của tỉnh Phú Yên đạt 92,6% dân số\n"
            "Tính đến 30/4/2024, tỷ lệ bao phủ BHYT toàn tỉnh đạt 92,6% (805.300 người). "
            "Năm 2026, tỉnh phấn đấu có 96% dân số tham gia BHYT. Theo kế hoạch, tỉnh đặt "
            "mục tiêu số người tham gia BHXH đạt 130.000 người; số người tham gia BHTN là "
            "105.000 người.")
    df = run(text, published="2024-05-10")
    assert rows(df) == {
        ("Phú Yên", "bhyt_coverage_pct", "2024-04-30", 92.6, ""),
        ("Phú Yên", "bhyt_participants", "2024-04-30", 805300.0, ""),
        ("Phú Yên", "bhyt_plan_coverage_pct", "2026-12-31", 96.0, ""),
        ("Phú Yên", "bhxh_plan_participants", "2024-12-31", 130000.0, ""),
        ("Phú Yên", "bhtn_plan_participants", "2024-12-31", 105000.0, ""),
    }


def test_national_release_estimates_quarters_and_equal_to_plan() -> None:
    text = ("Tính đến hết tháng 9/2024, cả nước có số người tham gia BHXH ước đạt 19,4 triệu "
            "người, chiếm 41,7% lực lượng lao động trong độ tuổi; số người tham gia BHTN ước "
            "đạt 15,3 triệu người, chiếm 33,1%.")
    df = run(text, published="2024-10-10")
    assert rows(df) == {
        ("Việt Nam", "bhxh_participants", "2024-09-30", 19400000.0, "ước"),
        ("Việt Nam", "bhxh_coverage_pct", "2024-09-30", 41.7, ""),
        ("Việt Nam", "bhtn_participants", "2024-09-30", 15300000.0, "ước"),
        ("Việt Nam", "bhtn_coverage_pct", "2024-09-30", 33.1, ""),
    }
    quarter = run("Hết quý I/2024, toàn tỉnh Phú Yên có 25.300 người tham gia BHXH tự nguyện, "
                  "bằng 96,2% kế hoạch, tăng 1.210 người (tương ứng tăng 5,1%) so với cùng kỳ.",
                  published="2024-04-10")
    assert rows(quarter) == {
        ("Phú Yên", "bhxh_voluntary_participants", "2024-03-31", 25300.0, ""),
        ("Phú Yên", "bhxh_voluntary_attainment_pct", "2024-03-31", 96.2, ""),
        ("Phú Yên", "bhxh_voluntary_change_participants", "2024-03-31", 1210.0, ""),
    }


def test_lists_of_named_places_and_spelled_out_dates() -> None:
    text = ("Tính đến ngày 30 tháng 6 năm 2024, số người tham gia BHYT của các huyện như sau: "
            "huyện Tuy An: 112.300 người; huyện Sơn Hòa: 54.800 người; thị xã Sông Cầu: 96.100 "
            "người. Tại thời điểm 30/9, tỉnh Phú Yên có 812.000 người tham gia BHYT.")
    df = run(text, published="2024-10-10")
    assert rows(df) == {
        ("Tuy An", "bhyt_participants", "2024-06-30", 112300.0, ""),
        ("Sơn Hòa", "bhyt_participants", "2024-06-30", 54800.0, ""),
        ("Sông Cầu", "bhyt_participants", "2024-06-30", 96100.0, ""),
        ("Phú Yên", "bhyt_participants", "2024-09-30", 812000.0, ""),
    }


def test_wrapped_lines_and_offsets_in_the_files_own_text(tmp_path) -> None:
    art = tmp_path / "wrapped.txt"
    art.write_bytes("Tính đến 31/8, tỉnh Phú Yên có\r\n10.000 người tham gia BHXH tự nguyện.\r\n"
                    "\r\nHuyện Tuy An có 2.000 người tham gia BHTN.\r\n".encode())
    df = ex.extract_file(art, published="2024-09-05")
    raw = art.read_bytes().decode("utf-8")
    assert [raw[r.start:r.end] for r in df.itertuples()] == ["10.000", "2.000"]
    assert rows(df) == {("Phú Yên", "bhxh_voluntary_participants", "2024-08-31", 10000.0, ""),
                        ("Tuy An", "bhtn_participants", "2024-08-31", 2000.0, "")}
    assert df.loc[0, "confidence"] > 0.9  # the wrapped line is one sentence


# ---------------------------------------------------------------------- evaluation


def test_matching_rules() -> None:
    cand = run("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHXH tự nguyện. Chỉ "
               "tiêu năm 2024 là 12.000 người tham gia BHXH tự nguyện.", published="2024-09-05")
    gold = pd.DataFrame({
        "geo_name": ["tỉnh Phu Yen", "Phú Yên", "Phú Yên", "Phú Yên"],
        "indicator": ["bhxh_voluntary_participants", "bhxh_voluntary_plan_participants",
                      "bhxh_voluntary_participants", "bhxh_participants"],
        "as_of": ["2024-08-15", "2024-06-30", "2024-07-31", "2024-08-31"],
        "value": [10040.0, 12000.0, 10000.0, 10000.0],
        "parent": "", "file": "", "published": ""})
    m = ex.match(gold, cand)
    # 0.4 % off and same month; plan: same year; a month off; another indicator
    assert m["matched"].tolist() == [True, True, False, False]
    s = ex.score(gold, cand)
    assert (s.precision, s.recall) == (1.0, 0.5)
    far = gold.assign(value=gold["value"] * 1.006)
    assert not ex.match(far, cand)["matched"].any()


def test_gold_list_is_generated_from_the_curated_transcription() -> None:
    committed = pd.read_csv(GOLD, dtype="str", keep_default_na=False)
    fresh = gold_from_curated().astype("str")
    fresh["value"] = fresh["value"].str.replace(r"\.0$", "", regex=True)
    committed["value"] = committed["value"].str.replace(r"\.0$", "", regex=True)
    pd.testing.assert_frame_equal(committed, fresh)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not available")
def test_f1_on_the_seed_articles() -> None:
    gold = ex.read_gold(GOLD)
    frames = []
    for f, pub in gold[["file", "published"]].drop_duplicates().itertuples(index=False):
        cand = ex.extract_file(SEEDS / f, published=pub)
        for r in cand.itertuples(index=False):
            text, _ = ex.read_article(SEEDS / f)
            assert text[r.start:r.end] == r.value_raw
        frames.append(cand.assign(file=f))
    s = ex.score(gold, pd.concat(frames, ignore_index=True))
    assert s.f1 >= F1_SEEDS, s.summary()


# Blind sets: passages written for the project by helpers who never saw the rules (each
# folder's README gives styles and judgement calls; docs/extract.md "Blind passages" the
# first looks). Sets 1-6 were then read in-sample (their failure classes fixed): their
# thresholds are regression guards, no evidence about unseen text (set 5: first look
# 0.890, 1.000 after its classes; set 6: first look 0.822, 0.997 after its classes).
# Set 7 is still a first look (0.802 with the rules before set 12's and blind6's classes,
# 0.869 after; no rule changed for it): its threshold sits under that.
# Set 8 was read at first look at 0.749 (rules at 417b98a), then in-sample: its classes
# fixed (tests/test_extract_blind8.py), 0.991 after; its threshold is a regression guard.
# Set 9 was read at first look at 0.863 (rules at 03a9830), then in-sample: the lead's
# convention change (over-achievement is a negative shortfall; rows added to sets 1-6's
# gold) and its classes fixed (tests/test_extract_blind9.py), 0.984 after; a regression
# guard like set 8's.
# Set 10 (web pages pasted as text, "Tin liên quan" lists) was read at first look at 0.875
# with the rules after set 8, 0.876 after set 9's classes, then in-sample: its classes
# fixed (tests/test_extract_blind10.py), 0.985 after; a regression guard like set 9's.
# Set 11 (plain bodies, pasted web pages, official documents) was read at first look at
# 0.909 with the rules after set 9, 0.927 after set 10's classes, then in part in-sample:
# its three largest classes fixed (tests/test_extract_blind11.py), 0.977 after; then
# every left class fixed (wp-fix1112), 1.000 in-sample: its threshold (0.99) is a
# regression guard like set 10's.
# Set 12 was read at first look at 0.846 with the rules after set 10 and after set 11's
# three classes, then in part in-sample: its two whole-document place classes fixed (a
# national release datelined "Hà Nội", a merged province's notice read as a former
# province; tests/test_extract_blind12.py), 0.967 after; then every left class fixed
# (wp-fix1112), 1.000 in-sample: its threshold (0.99) is a regression guard.
# Set 13 (four of its pages saved as .html) was read at first look at 0.960 with the rules
# after set 12's two place classes, then in part in-sample: five classes fixed (a caption's
# scheme, a province ranked in a national release, next year's targets under a numbered
# heading, two units of one name, one person's recruits; tests/test_extract_blind13.py),
# 0.989 after; its threshold stays under the first look until its remaining classes are
# fixed.
# Set 14 (written as outlets write; four .html) was read at first look at 0.858 with the
# same rules, then in part in-sample: a commune's own report, a paragraph's lead scheme, a
# town's rate after an apposition, a conference's "điểm cầu", a ranked province, a total's
# parts after "gồm" (tests/test_extract_blind14.py), 0.963 after; its threshold stays
# under the first look until its remaining classes are fixed.
# Set 15 (a news brief, a PDF report's text, an infographic, four .html) was read at first
# look at 0.845, and 0.850 after sets 11-12's left classes; then in part in-sample
# (wp-fix15): the PDF report, the infographic, the interview's dates and a plan's
# receiver fixed (tests/test_extract_blind15.py), 0.971 after; the parts of a total and
# five single rows left, so its threshold stays under the first looks.
# Set 16 (six district and town pages, a PDF report, an infographic, four .html) was read
# at first look at 0.942 with the rules after sets 13-15's classes, then in part
# in-sample (wp-fix16): every class but P06's date fixed (a reason clause's scheme, a
# gold parent named like its province, single rates after a judgement, an infographic's
# blocks, laid-off workers, GRDP growth, a plan inside a gap; tests/test_extract_blind16.py),
# 0.984 after; P06's date (a judgement call) left, so its threshold stays 0.92.
# Set 17 (its writer did not open even schema.py) was read at first look at 0.886 with the
# same rules as set 16 (0.898 after them), then in part in-sample (wp-fix17): next year's
# targets in a conclusion's bullets and an infographic's target block, a plan inside a
# shortfall in people, a part's share, pensioners, a town in a cause
# (tests/test_extract_blind17.py), 0.956 after; gaps in points, two wards, a date and
# single rows left, so its threshold stays 0.86.
# Set 18 (two multi-province round-ups, a month-by-month list, former and new province
# names after 1/7/2025) was read at first look at 0.820 with the rules after set 17's
# classes, then in part in-sample (wp-fix18): a national infographic (two-line title, a
# scheme's block, a ranking of provinces), a district named with its province in
# brackets, a month-by-month list, a regional round-up, wards after 1/7/2025, a gap
# restated after "tương ứng", a unit's rate after "dẫn đầu với tỷ lệ"
# (tests/test_extract_blind18.py), 0.997 after; a former province's territory ("địa bàn
# tỉnh Bình Định cũ", a judgement the writer flagged) left, so its threshold stays 0.80.
# Set 19 (a resolution's multi-year targets, last year's level beside this year's, a
# district table in .html, "ngàn"/"triệu" mixed, two dates for one place) was read at
# first look at 0.799 with the rules after set 18's classes, then in-sample (wp-fix19):
# every class fixed (a district table with a year in its header and a portal naming its
# province only in <title>, two dates for one place, an infographic's scheme lines, a
# plan's heading naming its list's measure, places in turn, two years' levels, captions
# and "cùng chuyên mục" lists, "còn N người nữa"; tests/test_extract_blind19.py), 1.000
# after; its threshold is 0.97, as for the other sets read in full.
# Set 20 (ordinary articles, no deliberate novelty: its writer was asked for the phrasings
# most common in insurance news) was read at first look at 0.976 with the rules after set
# 19's classes, then in-sample (wp-fix20): every class fixed (a ranking's field "thuộc
# nhóm cao của cả nước" no place in play, gaps in points after their target, wards'
# rates after "đã đạt"; tests/test_extract_blind20.py), 1.000 after; threshold 0.97.
# Set 21 (ordinary articles of July 2025 - November 2026, 12 of 16 under the 34 provinces,
# former provinces named as background: "địa bàn tỉnh X cũ") was read at first look at
# 0.749 with the rules after set 20's classes, then in-sample (wp-fix21): a former unit
# named as background scopes its own clause only, scheme tables whose header prints a
# day, a review notice's year, a VSS meeting's venue, former provinces in turn, points
# after a bracketed plan, a headline's "… tăng thêm", "tổng số … mới đạt"
# (tests/test_extract_blind21.py), 0.990 after; an interview's shortfall dated by the
# answer before (a judgement call its writer flagged) left, so its threshold is 0.96.
# Set 22 (a second set of ordinary articles of 2025-2026, written while set 21's rules were
# made and never seen by them) was read at 0.726 with the rules before set 21's classes
# and at 0.826 with them (a first look still: none was made for it), then in part
# in-sample (wp-fix22): a 2025 commune bearing a former district's name, "Riêng …" after
# the province's figure in a commune feature, numbered sub-rows of a scheme table, a
# lead giving commune targets before a colon, a conference lead reviewing a year, a
# caption's place, places in turn without "lần lượt", a target named by its scheme after
# a comma, "Còn thiếu:", "vượt mốc", a lost subsidy, a plan's "mới đạt", a line going on
# with "Tuy nhiên" (tests/test_extract_blind22.py), 0.993 after; an infographic's
# former-province heading and a bare rate after a count were left (threshold 0.96) and
# were fixed with set 24's (wp-fix24): 1.000, threshold 0.97.
# Set 23 (a third set of ordinary articles of 2025-2026, a third writer) was read at 0.905
# with set 21's rules and 0.908 with set 22's, never seen by either (first looks both),
# then in part in-sample (wp-fix23): a capitals title listing its schemes with a comma, a
# comparison's year ("Để so sánh, …") carried no further, a BHXH split as items or after
# "trong đó", places' rates in brackets, a quoted "Để đạt chỉ tiêu …, phải phát triển
# thêm" (tests/test_extract_blind23.py), 0.990 after; an infographic's bracketed plan, a
# former province's part of a total and a bare rate after a comma left: threshold 0.96.
# Set 24 (a fourth set of ordinary articles of 2025-2026, a fourth writer) was read at 0.935
# with set 22's rules and 0.935 with set 23's, never seen by either (first looks both),
# then in-sample (wp-fix24): a year-first lead of targets ("Năm 2026, … phấn đấu đạt các
# chỉ tiêu:"), a caption's 2025 ward under a province that kept its name under another
# code, attainments in turn after counts each with its scheme, a review's plan with its
# result in the same clause, a former province's part after "; trong đó, tỉnh X cũ có",
# points below "chỉ tiêu huyện giao" (tests/test_extract_blind24.py), 1.000 after; every
# class fixed, so its threshold is 0.97. Set 23 rose to 0.992 with set 22's leftovers (a
# bare BHTN rate after a comma); its bracketed plan and a former province's part of a
# total were left (threshold 0.96) and fixed after set 25's classes (wp-fix25): 0.997,
# one false positive left (a sapo's rounded part its gold reads as restating the body's
# compulsory count), threshold 0.97; that part is read as the restatement since wp-fix28
# (a rounded total within its printed step of its one part printed exactly): 1.000.
# Set 25 (a fifth set of ordinary articles of 2025-2026, a fifth writer) was read at 0.880
# with set 23's rules and 0.883 with set 24's, never seen by either (first looks both),
# then in-sample (wp-fix25): a commune report's letterhead motto "XÃ HỘI CHỦ NGHĨA" no
# commune and "UBND xã" its commune, an infographic's "NĂM 2026 PHẤN ĐẤU" block and its
# label lines' own schemes, a 2025 commune in the province in play (not a former
# province's legacy commune), "tỉnh X cũ đạt N%", a gap to a "mục tiêu" and a share of
# "tổng số", a rate after "trong khi", a sentence over a PDF page break
# (tests/test_extract_blind25.py), 1.000 after; every class fixed, so its threshold is 0.97.
# Set 26 (a sixth set of ordinary articles of 2025-2026, a sixth writer) was read at 0.895
# with set 24's rules and 0.904 with set 25's, never seen by either (first looks both),
# then in-sample (wp-fix26): next year's targets under a numbered section's heading with
# the year ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026⏎1. Chỉ tiêu chủ yếu"), "từ nay đến cuối
# năm phải vận động thêm N người" a shortfall, a span of time ("6 tháng cuối năm") no count
# for a rate, a place after "trong đó" a part, "đến hết tháng 8 đã đạt x%" of a plan and
# "tỷ lệ bao phủ BHYT của xã", "BHXH tự nguyện ước đạt N người", "Các xã A và B đều đạt
# x%", "trong đó N người tham gia mới" (tests/test_extract_blind26.py), 1.000 after; every
# class fixed, so its threshold is 0.97.
# Set 27 (a seventh set of ordinary articles of 2025-2026, a seventh writer) was read at
# 0.960 with set 25's rules and 0.966 with set 26's, never seen by either (first looks
# both), then in-sample (wp-fix27): "Theo Kế hoạch, hết năm 2025, … có N người" on a page
# of 2026 results, a former province's rate after a plan cited as yardstick a result, a
# bare sentence after one of the whole province the province's, a headline rounding to
# the nearest, a name after "như" that a lower-case district name overlaps
# (tests/test_extract_blind27.py), 1.000 after; every class fixed, so its threshold is 0.97.
# Set 28 (an eighth set of ordinary articles of 2025-2026, an eighth writer) was read at
# 0.886 with set 26's rules and 0.886 with set 27's, never seen by either (first looks
# both), then in-sample (wp-fix28): an infographic's three-line capitals title and a target
# heading naming its source in brackets, a national yardstick's place ending at ";", a
# labour-force scheme's bare rate after its count, former provinces' parts with no verb, a
# commune's 2025 plan printed before the reform kept legacy, "Toàn huyện A … đạt x%" after a
# commune's rate, "người tham gia được hỗ trợ" a subgroup, workers hired no row
# (tests/test_extract_blind28.py), 1.000 after; every class fixed, so its threshold is 0.97.
# Set 29 (a ninth writer, ordinary articles of 2025-2026 in other provinces) was read at
# 0.878 and set 30 (a tenth writer, mostly 2016 - June 2025 under the 63 provinces) at
# 0.854, both with set 27's rules and never seen by them, then in-sample (wp-fix29): a
# document's numbered section of a past year's results ("I. KẾT QUẢ THỰC HIỆN NĂM 2025")
# that year's, bare communes of the district in play, a PDF table's two-line header under
# "TT", a ratio's year ("gấp gần 2 lần năm 2018") no date, "tỷ lệ này" the rate's scheme,
# "A và B, nơi …, tỷ lệ … đạt x% và y%", ", trong đó riêng địa bàn tỉnh X cũ chiếm N
# người", a caption's "lao động tại đây", "lần lượt phát triển mới N và M", a surplus over
# a page footer (tests/test_extract_blind29.py; set 30's gold row "huyện An Lão" given its
# province), 1.000 and 1.000 after; every class fixed, so their thresholds are 0.97.
# Sets 31 and 32 (an eleventh writer, ordinary articles of 2025-2026; a twelfth, half of
# 2018 - June 2025 under the 63 provinces, half after) were read at 0.911 and 0.903 with
# set 27's rules and again, unchanged, with sets 28-30's (first looks both), then in part
# in-sample (wp-fix31): a merger clause's former provinces no list with the merged city,
# "Đến thời điểm hiện tại" after a quarter's flow holding on, a plan's "1. Năm 2019" parts,
# a yardstick's nation no place in play, "(địa bàn tỉnh X cũ N người)", a district's whole
# after a commune's story, a question of two sentences, a gap after a plan rate, "Tin đã
# đưa", a plan after new participants' attainment, "vẫn giữ tỷ lệ cao, đạt", "Tổng số: N
# người", a points surplus after the rate's persons (tests/test_extract_blind31.py), 0.997
# and 0.991 after; a headline's seat town, a bracket line's attainment, a quoted plan and
# a caption's commune left, so their thresholds are 0.96.
# Sets 33 and 34 (a thirteenth and a fourteenth writer, ordinary articles of 2025-2026 with
# four older pages each) were read at 0.966 and 0.963 and sets 35 and 36 (a fifteenth and a
# sixteenth writer; 36 with six pages of 2018-2024) at 0.985 and 0.973 with sets 28-30's
# rules, never seen by them (first looks), then in-sample (wp-fix33): a table's "Tỷ lệ so
# kế hoạch", "MỤC TIÊU 2026" and "= N%" infographic lines, gaps in points after "còn cách"
# or on a "Còn thiếu:" line, former provinces' parts after "; riêng", "tỷ lệ này" or in a
# list, "; trong đó … lần lượt" of new ones, the plan of a gap of new ones, "Năm 2024, xã
# …" the commune, a plan measured by "; như vậy, … đạt N% kế hoạch", "phấn đấu … đạt tỷ lệ
# N%", "; số người tham gia BHTN chiếm N%", a compared town's bracketed rate, a block's
# "Tăng N người" line (tests/test_extract_blind33.py), 1.000, 1.000, 0.998 and 0.998
# after: sets 33 and 34 have every class fixed (0.97); 35 and 36 keep one false positive
# each (docs/extract.md), so 0.96.
# Sets 37 and 38 (a seventeenth and an eighteenth writer; 38 with six pages of 2019-2024)
# were read at 0.945 and 0.952 with sets 28-30's rules, never seen by them: thresholds 0.92
# and 0.93, first-look guards until their classes are fixed.
# Sets 39 and 40 (a nineteenth and a twentieth writer; 40 with six pages of 2018-2024) were
# read at 0.977 and 0.943 with sets 31-32's rules and at 0.977 and 0.949 with sets
# 33-36's, never seen by either: thresholds 0.95 and 0.92, first-look guards.
BLIND_SETS = [("blind", 0.95), ("blind2", 0.97), ("blind3", 0.97), ("blind4", 0.97),
              ("blind5", 0.97), ("blind6", 0.97), ("blind7", 0.85), ("blind8", 0.97),
              ("blind9", 0.97), ("blind10", 0.97), ("blind11", 0.99), ("blind12", 0.99),
              ("blind13", 0.94), ("blind14", 0.84), ("blind15", 0.83),
              ("blind16", 0.92), ("blind17", 0.86), ("blind18", 0.80),
              ("blind19", 0.97), ("blind20", 0.97), ("blind21", 0.96), ("blind22", 0.97), ("blind23", 0.97),
              ("blind24", 0.97), ("blind25", 0.97), ("blind26", 0.97),
              ("blind27", 0.97), ("blind28", 0.97), ("blind29", 0.97), ("blind30", 0.97),
              ("blind31", 0.96), ("blind32", 0.96), ("blind33", 0.97), ("blind34", 0.97),
              ("blind35", 0.96), ("blind36", 0.96), ("blind37", 0.92), ("blind38", 0.93),
              ("blind39", 0.95), ("blind40", 0.92)]


@pytest.mark.parametrize("folder,threshold", BLIND_SETS, ids=[b for b, _ in BLIND_SETS])
def test_f1_on_the_blind_passages(folder: str, threshold: float) -> None:
    path = GOLD.parent / folder
    raw = pd.read_csv(path / "gold_blind.csv", dtype=str, keep_default_na=False)
    frames = []
    for f, pub, hint in raw[["file", "published", "place_hint"]].drop_duplicates(
            "file").itertuples(index=False):
        frames.append(ex.extract_file(path / f, published=pub,
                                      place_hint=hint or None).assign(file=f))
    s = ex.score(ex.read_gold(path / "gold_blind.csv"), pd.concat(frames, ignore_index=True))
    assert s.f1 >= threshold, s.summary()


# ----------------------------------------------------------------------------- CLI


def test_cli_csv_json_text(tmp_path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHXH tự nguyện.",
                   encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(art), "--published", "2024-09-05"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0] == ",".join(ex.COLUMNS)
    out = tmp_path / "c.json"
    r = CliRunner().invoke(main, ["extract", str(art), str(art), "--published", "2024-09-05",
                                  "--format", "json", "--out", str(out)])
    assert r.exit_code == 0, r.output
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert [x["file"] for x in recs] == ["a.txt", "a.txt"] and recs[0]["value"] == 10000.0
    r = CliRunner().invoke(main, ["extract", str(art), "--format", "text", "--place-hint",
                                  "Phú Yên", "--published", "2024-09-05"])
    assert "bhxh_voluntary_participants" in r.output


def test_cli_eval_prints_scores(tmp_path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHXH tự nguyện và "
                   "2.000 người tham gia BHTN.", encoding="utf-8")
    gold = tmp_path / "gold.csv"
    gold.write_text("geo_name,indicator,as_of,value\nPhú Yên,bhxh_voluntary_participants,"
                    "2024-08-31,10000\nPhú Yên,bhyt_participants,2024-08-31,5000\n",
                    encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", "--eval", str(gold), str(art),
                                  "--published", "2024-09-05"])
    assert r.exit_code == 0, r.output
    assert "precision: 0.500" in r.output and "recall:    0.500" in r.output
    assert "F1:        0.500" in r.output


def test_cli_errors_are_one_line_and_debug_shows_traceback(tmp_path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Tính có 1.000 người".encode("latin-1", errors="replace"))
    gold = tmp_path / "gold.csv"
    gold.write_text("geo_name,value\nX,1\n", encoding="utf-8")
    for args in ([str(bad)], [str(tmp_path / "missing.txt")], ["--eval", str(gold), str(bad)],
                 [str(bad), "--place-hint", "Nowhere Province Xyz"]):
        proc = subprocess.run([sys.executable, "-m", "bhxh_analysis", "extract", *args],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 1, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("error:")
    proc = subprocess.run([sys.executable, "-m", "bhxh_analysis", "extract", str(bad),
                           "--debug"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode != 0 and "Traceback" in proc.stderr
    r = CliRunner().invoke(main, ["extract", str(bad), "--published", "31/13/2024"])
    assert r.exit_code == 2 and "YYYY-MM-DD or dd/mm/yyyy" in r.output
    # dd/mm/yyyy is a publication date like YYYY-MM-DD (the file's own error follows)
    r = CliRunner().invoke(main, ["extract", str(bad), "--published", "31/8/2024"])
    assert r.exit_code == 1 and "Invalid value" not in r.output


# ---------------------------------------------------------------- review and export


def test_check_layout_is_accepted_by_data_check(tmp_path) -> None:
    text = ("Tính đến 31/8, huyện Đức Trọng có 12.500 người tham gia BHXH, tỷ lệ bao phủ BHYT "
            "đạt 87,125% dân số; về BHYT, các xã có tỷ lệ bao phủ thấp như: Hiệp An đạt 71,5%, "
            "Ninh Gia đạt 88,1%. Chỉ tiêu năm 2023 là gần 13.000 người tham gia BHXH.")
    cand = run(text, published="2023-09-12", place_hint="Lâm Đồng")
    assert len(cand) == 5
    kept = ex.apply_review(cand, reject=[4], corrections={0: {"value": 12600.0}})
    rows_ = ex.to_check_layout(kept, source_id="own-test")
    assert list(rows_.columns) == ex.CHECK_COLUMNS
    assert rows_.loc[2, "parent"] == "Huyện Đức Trọng" and rows_.loc[1, "value"] == 87.125
    assert str(rows_["as_of"].dtype) == "datetime64[ns]"
    path = ex.write_check_csv(rows_, tmp_path / "review.csv")
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    # the writing edge: ISO dates, a value of three decimals cannot pass for thousands
    assert written.loc[1, "value"] == "87.1250" and written.loc[1, "as_of"] == "2023-08-31"
    result = check_file(path, today=_dt.date(2024, 1, 1))
    assert result.rejected.empty, result.summary()
    assert len(result.clean) == 4
    assert sorted(result.clean["value"]) == [71.5, 87.125, 88.1, 12600.0]
    html = ex.highlight_html(text, cand)
    assert html.count("<mark") == 5 and "12.500<sup>[0]</sup></mark>" in html
    unread = ex.unread_numbers(text, cand)
    assert unread["printed"].tolist() == ["2023"]  # every other number is a candidate


# ------------------------------------------------------------------ review notebook

NOTEBOOK = ROOT / "notebooks" / "10_review_extracted.ipynb"


def test_review_notebook_is_committed_clean() -> None:
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert not any("def " in c.source or "lambda" in c.source for c in code)


@pytest.mark.slow
def test_review_notebook_runs_with_its_defaults(tmp_path, monkeypatch) -> None:
    """Defaults: the example article, written to reports/extract, accepted by data check."""
    import nbformat
    import papermill as pm

    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "raw").symlink_to(ROOT / "data" / "raw", target_is_directory=True)
    (home / "docs").mkdir()
    (home / "docs" / "examples").symlink_to(ROOT / "docs" / "examples",
                                            target_is_directory=True)
    monkeypatch.setenv("BHXH_HOME", str(home))
    out_nb = tmp_path / "review.ipynb"
    pm.execute_notebook(str(NOTEBOOK), str(out_nb), kernel_name="python3",
                        progress_bar=False, cwd=str(tmp_path))
    nb = nbformat.read(out_nb, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []
    html = "".join(str(o.get("data", {}).get("text/html", "")) for c in nb.cells
                   if c.cell_type == "code" for o in c.get("outputs", []))
    assert "<mark" in html
    written = home / "reports" / "extract" / "example_article.review.csv"
    rows = pd.read_csv(written, dtype=str, keep_default_na=False)
    assert list(rows.columns) == ex.CHECK_COLUMNS and len(rows) >= 8
    result = check_file(written, today=_dt.date(2030, 1, 1))
    assert result.ok, result.summary()
