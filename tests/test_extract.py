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
    text = ("Riêng BHXH tự nguyện, tỉnh Phú Yên đã có 5.600 người tham gia, vượt 600 người "
            "so với kế hoạch.")
    df = run(text)
    assert rows(df) == {("Phú Yên", "bhxh_voluntary_participants", "2024-07-15", 5600.0, "")}
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
# first looks). Sets 1-4 were then read in-sample (their failure classes fixed): their
# thresholds are regression guards, no evidence about unseen text. Set 5 was never tuned
# on: its threshold sits under its first look (0.890).
BLIND_SETS = [("blind", 0.95), ("blind2", 0.97), ("blind3", 0.97), ("blind4", 0.97),
              ("blind5", 0.85)]


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
    r = CliRunner().invoke(main, ["extract", str(bad), "--published", "31/8/2024"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


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


# ------------------------------------------- classes found on held-out pages (own text)


def test_comparison_dates_are_not_as_of_dates() -> None:
    text = ("Đến hết tháng 8/2024, cả nước có 19,1 triệu người tham gia BHXH bắt buộc, tăng "
            "52,3 nghìn người so với tháng 7/2024, giảm 12.400 người so với cuối năm 2023.")
    df = run(text, published="2024-09-12")
    assert rows(df) == {
        ("Việt Nam", "bhxh_compulsory_participants", "2024-08-31", 19_100_000.0, ""),
        ("Việt Nam", "bhxh_compulsory_change_participants", "2024-08-31", 52_300.0, ""),
        ("Việt Nam", "bhxh_compulsory_change_participants", "2024-08-31", -12_400.0, ""),
    }


def test_months_still_to_come_and_a_horizon_are_not_dates() -> None:
    text = ("Tính đến 31/5/2024, tỉnh Bình Định có 1.401.200 người tham gia BHYT. Số người "
            "tăng 5 tháng đầu năm là 8.120 người; số người còn phải phát triển 7 tháng cuối "
            "năm là 11.900 người (số người cần vận động đến cuối năm để đạt kế hoạch là "
            "11.900 người).")
    df = run(text, published="2024-06-10")
    got = {(r.indicator, iso(r.as_of), r.value) for r in df.itertuples()}
    assert ("bhyt_change_participants", "2024-05-31", 8120.0) in got
    assert ("bhyt_shortfall_participants", "2024-05-31", 11900.0) in got
    assert not any("plan" in i for i, _a, _v in got)


def test_english_style_numbers_in_a_list_of_provinces() -> None:
    text = ("Tính đến 30/6/2024, các tỉnh dẫn đầu về phát triển người tham gia BHYT. Cụ thể: "
            "Thái Bình với 1,702,330 người, đạt 101.6% kế hoạch; Ninh Bình là 948,115 "
            "người, đạt 100.9% kế hoạch; Hà Giang là 1.234,567, đạt 100,4% kế hoạch.")
    df = run(text, published="2024-07-05")
    got = {(r.geo_name, r.indicator, r.value) for r in df.itertuples()}
    assert got == {
        ("Thái Bình", "bhyt_participants", 1_702_330.0),
        ("Thái Bình", "bhyt_attainment_pct", 101.6),
        ("Ninh Bình", "bhyt_participants", 948_115.0),
        ("Ninh Bình", "bhyt_attainment_pct", 100.9),
        ("Hà Giang", "bhyt_participants", 1_234_567.0),
        ("Hà Giang", "bhyt_attainment_pct", 100.4),
    }
    # read with a lower confidence than a Vietnamese-style number
    assert df.loc[df["value_raw"] == "1,702,330", "confidence"].iloc[0] < 0.9


def test_a_remark_in_parentheses_does_not_colour_the_next_figure() -> None:
    text = ("Đến hết năm 2023, tỷ lệ tham gia BHYT của tỉnh Kon Tum đạt 94,1% (vượt 0,6% so "
            "với Nghị quyết của HĐND tỉnh) với hơn 560.000 người tham gia.")
    df = run(text, published="2024-01-20")
    assert rows(df) == {
        ("Kon Tum", "bhyt_coverage_pct", "2023-12-31", 94.1, ""),
        ("Kon Tum", "bhyt_participants", "2023-12-31", 560_000.0, "hơn"),
    }


def test_people_outside_a_scheme_are_not_participants() -> None:
    text = ("Đến hết tháng 6/2024, tỉnh Phú Yên còn 61.200 người chưa tham gia BHYT; số "
            "người chưa có thẻ BHYT là 61.200 người.")
    assert run(text).empty


def test_a_date_attached_after_the_figure_is_its_own() -> None:
    text = ("Tỷ lệ dân số tham gia BHYT của tỉnh Bắc Kạn đã tăng từ 61,5% vào năm 2010 lên "
            "97,2% vào năm 2020.")
    df = run(text, published="2021-03-01")
    assert rows(df) == {("Bắc Kạn", "bhyt_coverage_pct", "2010-12-31", 61.5, ""),
                        ("Bắc Kạn", "bhyt_coverage_pct", "2020-12-31", 97.2, "")}


def test_place_hint_names_a_district_by_its_province() -> None:
    text = "Đến nay, toàn huyện có hơn 41.000 người tham gia BHYT, đạt 88,6% dân số."
    df = run(text, published="2024-05-02", place_hint="Vĩnh Thạnh, Bình Định")
    assert set(df["geo_name"]) == {"Vĩnh Thạnh"}
    assert set(df["geo_level"]) == {"district"}
    assert {(r.indicator, r.value) for r in df.itertuples()} == {
        ("bhyt_participants", 41_000.0), ("bhyt_coverage_pct", 88.6)}
    with pytest.raises(Exception, match="names no known place"):
        run(text, place_hint="Vĩnh Thạnh")  # two districts of that name: ambiguous


#: Variant phrasings, each written for this test with its expected figures first:
#: (text, published, place hint, {(geo_name, indicator, as_of, value)}).
VARIANTS = [
("Tính đến 30/9/2024, toàn tỉnh Hà Tĩnh có: BHXH bắt buộc 112.400 người, BHXH tự nguyện 58.200 người, BHTN 101.300 người, BHYT 1.230.500 người.", "2024-10-10", None,
 {("Hà Tĩnh","bhxh_compulsory_participants","2024-09-30",112400.0),("Hà Tĩnh","bhxh_voluntary_participants","2024-09-30",58200.0),("Hà Tĩnh","bhtn_participants","2024-09-30",101300.0),("Hà Tĩnh","bhyt_participants","2024-09-30",1230500.0)}),
("Đến hết tháng 3/2024, tỉnh Nghệ An có 95,6 nghìn người tham gia BHXH tự nguyện.", "2024-04-10", None,
 {("Nghệ An","bhxh_voluntary_participants","2024-03-31",95600.0)}),
("Đến cuối năm 2023, tỉnh Sơn La có 93,1% dân số có thẻ BHYT và khoảng 14% lực lượng lao động tham gia BHXH.", "2024-01-20", None,
 {("Sơn La","bhyt_coverage_pct","2023-12-31",93.1),("Sơn La","bhxh_coverage_pct","2023-12-31",14.0)}),
("Tính đến 30/6/2024, số người tham gia BHXH tự nguyện của tỉnh Gia Lai đạt 12.345 người, vượt 15% kế hoạch.", "2024-07-10", None,
 {("Gia Lai","bhxh_voluntary_participants","2024-06-30",12345.0),("Gia Lai","bhxh_voluntary_attainment_pct","2024-06-30",115.0)}),
("Quảng Trị: Hơn 25.000 người tham gia BHXH tự nguyện\n\nĐó là kết quả mà ngành BHXH tỉnh đạt được tính đến cuối tháng 5.", "2024-06-12", None,
 {("Quảng Trị","bhxh_voluntary_participants","2024-05-31",25000.0)}),
("Đến hết năm 2023, tỷ lệ bao phủ BHYT toàn tỉnh đạt 95,12%, vượt chỉ tiêu Nghị quyết HĐND tỉnh giao (94,5%).", "2024-01-15", "Hà Giang",
 {("Hà Giang","bhyt_coverage_pct","2023-12-31",95.12),("Hà Giang","bhyt_plan_coverage_pct","2023-12-31",94.5)}),
("Tính đến 31/8/2024, số người tham gia BHXH tự nguyện tỉnh Lào Cai là 24.510 người, tăng 3.100 người so với cuối năm 2023, đạt 81,2% kế hoạch năm.", "2024-09-05", None,
 {("Lào Cai","bhxh_voluntary_participants","2024-08-31",24510.0),("Lào Cai","bhxh_voluntary_change_participants","2024-08-31",3100.0),("Lào Cai","bhxh_voluntary_attainment_pct","2024-08-31",81.2)}),
("Đến hết tháng 6/2024, huyện Hương Khê có 5.120 người tham gia BHXH tự nguyện, chiếm 12,3% lực lượng lao động.", "2024-07-02", "Hà Tĩnh",
 {("Hương Khê","bhxh_voluntary_participants","2024-06-30",5120.0),("Hương Khê","bhxh_voluntary_coverage_pct","2024-06-30",12.3)}),
("Năm 2023, tổng số thu BHXH, BHYT, BHTN của tỉnh Bình Phước đạt 2.345 tỷ đồng, đạt 96% kế hoạch; nợ đóng 120 tỷ đồng, chiếm 3,2%.", "2024-01-10", None, set()),
("Tính đến 30/9/2024, tỷ lệ bao phủ BHYT của Hà Nội là 92,5%, TP Hồ Chí Minh là 91,3%.", "2024-10-05", None,
 {("Hà Nội","bhyt_coverage_pct","2024-09-30",92.5),("Hồ Chí Minh","bhyt_coverage_pct","2024-09-30",91.3)}),
("Toàn tỉnh Yên Bái hiện có 780.000 người có thẻ BHYT.", "2024-03-01", None,
 {("Yên Bái","bhyt_participants","2024-03-01",780000.0)}),
("Tính đến hết tháng 10/2024, tỉnh Long An có 86.400 lao động tham gia BHTN.", "2024-11-05", None,
 {("Long An","bhtn_participants","2024-10-31",86400.0)}),
("Tính đến cuối quý III/2024, tỉnh Tây Ninh có 285.000 người tham gia BHXH bắt buộc.", "2024-10-15", None,
 {("Tây Ninh","bhxh_compulsory_participants","2024-09-30",285000.0)}),
("Trong 9 tháng năm 2024, tỉnh Đắk Lắk có thêm 12.000 người tham gia BHXH tự nguyện.", "2024-10-15", None,
 {("Đắk Lắk","bhxh_voluntary_change_participants","2024-09-30",12000.0)}),
("Lũy kế đến hết tháng 9, toàn tỉnh Cà Mau có 42.310 người tham gia BHXH tự nguyện.", "2024-10-15", None,
 {("Cà Mau","bhxh_voluntary_participants","2024-09-30",42310.0)}),
("Tỷ lệ tham gia BHYT của tỉnh Điện Biên ước đạt từ 97 - 98% dân số.", "2024-10-15", None, set()),
("Theo BHXH tỉnh Kiên Giang, đến ngày 20/10/2024, tổng số người tham gia BHYT toàn tỉnh là 1.590.221 người, đạt tỷ lệ bao phủ 91,06% dân số, còn thiếu 18.330 người so với kế hoạch.", "2024-10-25", None,
 {("Kiên Giang","bhyt_participants","2024-10-20",1590221.0),("Kiên Giang","bhyt_coverage_pct","2024-10-20",91.06),("Kiên Giang","bhyt_shortfall_participants","2024-10-20",18330.0)}),
("Số người tham gia BHXH bắt buộc, BHXH tự nguyện, BHTN trên địa bàn tỉnh Hải Dương lần lượt là 380.200 người, 41.500 người và 362.900 người (tính đến 31/10/2024).", "2024-11-05", None,
 {("Hải Dương","bhxh_compulsory_participants","2024-10-31",380200.0),("Hải Dương","bhxh_voluntary_participants","2024-10-31",41500.0),("Hải Dương","bhtn_participants","2024-10-31",362900.0)}),
("Tỉnh Thừa Thiên Huế đặt mục tiêu đến năm 2025 có 40% lực lượng lao động tham gia BHXH và 96% dân số tham gia BHYT.", "2024-03-01", None,
 {("Huế","bhxh_plan_coverage_pct","2025-12-31",40.0),("Huế","bhyt_plan_coverage_pct","2025-12-31",96.0)}),
("Tính đến hết tháng 5/2024, số người tham gia BHYT hộ gia đình tại tỉnh Phú Thọ giảm 8.200 người so với cùng kỳ.", "2024-06-10", None,
 {("Phú Thọ","bhyt_household_change_participants","2024-05-31",-8200.0)}),
("Toàn tỉnh Bắc Ninh có 410,5 nghìn người tham gia BHXH bắt buộc, bằng 99,2% kế hoạch.", "2024-06-10", None,
 {("Bắc Ninh","bhxh_compulsory_participants","2024-06-10",410500.0),("Bắc Ninh","bhxh_compulsory_attainment_pct","2024-06-10",99.2)}),
("Hết quý I/2024, độ bao phủ BHYT của tỉnh Vĩnh Phúc đạt 94,8%.", "2024-04-15", None,
 {("Vĩnh Phúc","bhyt_coverage_pct","2024-03-31",94.8)}),
# second round: bullet lists, joint totals, estimates, 'so với dân số', plans given, new participants named after the figure, lists of districts, pensions and benefits paid (not participants), 'điểm phần trăm'
("Kết quả đến 30/6/2024 của tỉnh Bình Thuận:\n- BHXH bắt buộc: 98.700 người (đạt 96,1% KH)\n- BHXH tự nguyện: 21.040 người (đạt 70,2% KH)\n- BHYT: 1.102.300 người, đạt 91,7% dân số", "2024-07-03", None,
 {("Bình Thuận","bhxh_compulsory_participants","2024-06-30",98700.0),("Bình Thuận","bhxh_compulsory_attainment_pct","2024-06-30",96.1),("Bình Thuận","bhxh_voluntary_participants","2024-06-30",21040.0),("Bình Thuận","bhxh_voluntary_attainment_pct","2024-06-30",70.2),("Bình Thuận","bhyt_participants","2024-06-30",1102300.0),("Bình Thuận","bhyt_coverage_pct","2024-06-30",91.7)}),
("Tính đến hết tháng 9/2024, tổng số người tham gia BHXH, BHYT, BHTN trên địa bàn tỉnh Ninh Thuận là 560.400 người.", "2024-10-03", None, set()),
("Số người tham gia BHXH tự nguyện của tỉnh Đắk Nông năm 2024 ước đạt 9.800 người, đạt 101% so với kế hoạch.", "2024-12-20", None,
 {("Đắk Nông","bhxh_voluntary_participants","2024-12-31",9800.0),("Đắk Nông","bhxh_voluntary_attainment_pct","2024-12-31",101.0)}),
("Đến ngày 31/12/2023, tỷ lệ dân số tham gia BHYT của tỉnh Lai Châu đạt 98,7% so với dân số toàn tỉnh.", "2024-01-08", None,
 {("Lai Châu","bhyt_coverage_pct","2023-12-31",98.7)}),
("Hết tháng 4/2024, số lao động tham gia BHXH bắt buộc trên địa bàn tỉnh Vĩnh Long là 61.250 lao động.", "2024-05-06", None,
 {("Vĩnh Long","bhxh_compulsory_participants","2024-04-30",61250.0)}),
("Tính đến 31/3/2024, số người tham gia BHTN của TP Cần Thơ đạt 198.600 người, chiếm 27,4% lực lượng lao động trong độ tuổi; giảm 0,3% so với cùng kỳ.", "2024-04-10", None,
 {("Cần Thơ","bhtn_participants","2024-03-31",198600.0),("Cần Thơ","bhtn_coverage_pct","2024-03-31",27.4)}),
("Năm 2024, tỉnh Bạc Liêu được giao chỉ tiêu 94,2% dân số tham gia BHYT và 14.500 người tham gia BHXH tự nguyện.", "2024-02-01", None,
 {("Bạc Liêu","bhyt_plan_coverage_pct","2024-12-31",94.2),("Bạc Liêu","bhxh_voluntary_plan_participants","2024-12-31",14500.0)}),
("Đến cuối tháng 8/2024, tỉnh Quảng Bình có 6.120 người tham gia BHXH tự nguyện mới.", "2024-09-05", None,
 {("Quảng Bình","bhxh_voluntary_new_participants","2024-08-31",6120.0)}),
("Tính đến 30/11/2024, toàn tỉnh Bắc Kạn có 291.300 người tham gia BHYT, đạt tỷ lệ 96,88% dân số; trong đó huyện Pác Nặm đạt 99,1%, huyện Chợ Mới đạt 94,2%.", "2024-12-05", None,
 {("Bắc Kạn","bhyt_participants","2024-11-30",291300.0),("Bắc Kạn","bhyt_coverage_pct","2024-11-30",96.88),("Pác Nặm","bhyt_coverage_pct","2024-11-30",99.1),("Chợ Mới","bhyt_coverage_pct","2024-11-30",94.2)}),
("Tính đến hết quý II/2024, số người tham gia BHXH của tỉnh Quảng Ngãi là 142.800 người, chiếm 20,3% lực lượng lao động trong độ tuổi, trong đó BHXH tự nguyện là 37.600 người.", "2024-07-08", None,
 {("Quảng Ngãi","bhxh_participants","2024-06-30",142800.0),("Quảng Ngãi","bhxh_coverage_pct","2024-06-30",20.3),("Quảng Ngãi","bhxh_voluntary_participants","2024-06-30",37600.0)}),
("Tổng số tiền chi trả lương hưu và trợ cấp BHXH tại tỉnh Hòa Bình trong tháng 6/2024 là 215 tỷ đồng cho 38.500 người hưởng.", "2024-07-01", None, set()),
("Trong 6 tháng đầu năm 2024, BHXH tỉnh Hà Nam đã giải quyết cho 4.120 người hưởng trợ cấp thất nghiệp.", "2024-07-01", None, set()),
("Tính đến ngày 15/10/2024, tỉnh Ninh Bình có khoảng 1,01 triệu người tham gia BHYT, chiếm 93,6% dân số, còn 6,4% dân số chưa tham gia.", "2024-10-20", None,
 {("Ninh Bình","bhyt_participants","2024-10-15",1010000.0),("Ninh Bình","bhyt_coverage_pct","2024-10-15",93.6)}),
("Tỉnh Đồng Tháp: Tỷ lệ bao phủ BHYT năm 2023 đạt 92,34%, tăng 1,2 điểm phần trăm so với năm 2022.", "2024-02-10", None,
 {("Đồng Tháp","bhyt_coverage_pct","2023-12-31",92.34)}),
("Tính đến 31/10/2024, số người tham gia BHXH tự nguyện tại thành phố Hà Nội đạt 168.000 người, bằng 61% chỉ tiêu năm.", "2024-11-04", None,
 {("Hà Nội","bhxh_voluntary_participants","2024-10-31",168000.0),("Hà Nội","bhxh_voluntary_attainment_pct","2024-10-31",61.0)}),
# third round: district lists without a verb, "tổng số lao động", "tăng lên", targets, "thời điểm hiện tại", "nâng tổng số … lên", "gấp … lần", a person's story
("Đến hết tháng 9/2024, tỷ lệ bao phủ BHYT của tỉnh Hà Nam đạt 93,8%; trong đó huyện Lý Nhân đạt 95,1%, huyện Kim Bảng 92,4%.", "2024-10-05", None,
 {("Hà Nam","bhyt_coverage_pct","2024-09-30",93.8),("Lý Nhân","bhyt_coverage_pct","2024-09-30",95.1),("Kim Bảng","bhyt_coverage_pct","2024-09-30",92.4)}),
("Tính đến 30/9/2024, tỉnh Bình Dương có 1.280.000 người tham gia BHXH bắt buộc, chiếm 62% tổng số lao động trong độ tuổi.", "2024-10-05", None,
 {("Bình Dương","bhxh_compulsory_participants","2024-09-30",1280000.0),("Bình Dương","bhxh_compulsory_coverage_pct","2024-09-30",62.0)}),
("Nhờ các giải pháp quyết liệt, đến cuối tháng 10/2024 số người tham gia BHXH tự nguyện tại tỉnh Thanh Hóa tăng lên 101.300 người.", "2024-11-05", None,
 {("Thanh Hóa","bhxh_voluntary_participants","2024-10-31",101300.0)}),
("Năm 2025, BHXH tỉnh Hưng Yên phấn đấu tỷ lệ bao phủ BHYT đạt 95,5% dân số, tỷ lệ tham gia BHXH đạt 45% lực lượng lao động trong độ tuổi.", "2025-01-10", None,
 {("Hưng Yên","bhyt_plan_coverage_pct","2025-12-31",95.5),("Hưng Yên","bhxh_plan_coverage_pct","2025-12-31",45.0)}),
("Tính đến thời điểm hiện tại, toàn tỉnh An Giang có 1.750.000 người tham gia BHYT, đạt tỷ lệ 92,1%.", "2024-06-18", None,
 {("An Giang","bhyt_participants","2024-06-18",1750000.0),("An Giang","bhyt_coverage_pct","2024-06-18",92.1)}),
("Lũy kế từ đầu năm đến 30/9/2024, BHXH tỉnh Sóc Trăng đã phát triển mới 5.230 người tham gia BHXH tự nguyện, nâng tổng số người tham gia lên 28.400 người.", "2024-10-08", None,
 {("Sóc Trăng","bhxh_voluntary_new_participants","2024-09-30",5230.0),("Sóc Trăng","bhxh_voluntary_participants","2024-09-30",28400.0)}),
("Theo số liệu của BHXH tỉnh Trà Vinh, đến cuối năm 2023 toàn tỉnh có 916.000 người tham gia BHYT, đạt 91,4% dân số, còn khoảng 8,6% dân số chưa tham gia BHYT.", "2024-02-02", None,
 {("Trà Vinh","bhyt_participants","2023-12-31",916000.0),("Trà Vinh","bhyt_coverage_pct","2023-12-31",91.4)}),
("Toàn tỉnh Tuyên Quang hiện có 17.500 người tham gia BHXH tự nguyện, gấp 2,3 lần so với năm 2020.", "2024-08-01", None,
 {("Tuyên Quang","bhxh_voluntary_participants","2024-08-01",17500.0)}),
("Tính đến hết tháng 11/2024, số người tham gia BHTN của tỉnh Bắc Giang là 425.600 người, đạt 100,2% kế hoạch; số người tham gia BHYT là 1.790.000 người, đạt 95,3% dân số.", "2024-12-04", None,
 {("Bắc Giang","bhtn_participants","2024-11-30",425600.0),("Bắc Giang","bhtn_attainment_pct","2024-11-30",100.2),("Bắc Giang","bhyt_participants","2024-11-30",1790000.0),("Bắc Giang","bhyt_coverage_pct","2024-11-30",95.3)}),
("Thị xã Kỳ Anh có 4.210 người tham gia BHXH tự nguyện, chiếm 8,9% lực lượng lao động (tính đến 30/6/2024).", "2024-07-10", "Hà Tĩnh",
 {("Kỳ Anh","bhxh_voluntary_participants","2024-06-30",4210.0),("Kỳ Anh","bhxh_voluntary_coverage_pct","2024-06-30",8.9)}),
("Ông Nguyễn Văn A, 56 tuổi, ở xã Hòa Bình, đã tham gia BHXH tự nguyện được 12 năm và đóng mức 1.500.000 đồng mỗi tháng.", "2024-07-10", None, set()),
("Tính đến ngày 30/6/2024, tỉnh Lâm Đồng có 23.700 người tham gia BHXH tự nguyện; 134.900 người tham gia BHXH bắt buộc; 125.800 người tham gia BHTN và 1.205.000 người tham gia BHYT, đạt tỷ lệ bao phủ 90,4% dân số.", "2024-07-10", None,
 {("Lâm Đồng","bhxh_voluntary_participants","2024-06-30",23700.0),("Lâm Đồng","bhxh_compulsory_participants","2024-06-30",134900.0),("Lâm Đồng","bhtn_participants","2024-06-30",125800.0),("Lâm Đồng","bhyt_participants","2024-06-30",1205000.0),("Lâm Đồng","bhyt_coverage_pct","2024-06-30",90.4)}),
# fourth round: dashed dates, abbreviations BHXH TN/BB, BHYT HGĐ, a plan inside a remark, month headers, visits and money, subgroups after "trong đó"
("Tính đến ngày 30-9-2024, tỉnh Phú Thọ có 69.800 người tham gia BHXH tự nguyện.", "2024-10-05", None,
 {("Phú Thọ","bhxh_voluntary_participants","2024-09-30",69800.0)}),
("Đến hết tháng 8/2024, số người tham gia BHXH TN của tỉnh Nam Định là 40.120 người; BHXH BB là 181.300 người; BHYT HGĐ là 402.000 người.", "2024-09-05", None,
 {("Nam Định","bhxh_voluntary_participants","2024-08-31",40120.0),("Nam Định","bhxh_compulsory_participants","2024-08-31",181300.0),("Nam Định","bhyt_household_participants","2024-08-31",402000.0)}),
("Tính đến 31/10/2024, tỷ lệ bao phủ BHYT tỉnh Hà Tĩnh đạt 93,52% (kế hoạch 93,5%).", "2024-11-05", None,
 {("Hà Tĩnh","bhyt_coverage_pct","2024-10-31",93.52),("Hà Tĩnh","bhyt_plan_coverage_pct","2024-12-31",93.5)}),
("Tháng 10/2024, số người tham gia BHXH bắt buộc trên địa bàn tỉnh Thái Nguyên là 196.400 người.", "2024-11-05", None,
 {("Thái Nguyên","bhxh_compulsory_participants","2024-10-31",196400.0)}),
("Trong năm 2024, toàn tỉnh Quảng Nam có hơn 1,2 triệu lượt người khám chữa bệnh BHYT với tổng chi phí 2.100 tỷ đồng.", "2025-01-05", None, set()),
("Tính đến 30/11/2024, tỉnh Đắk Lắk có 41.800 người tham gia BHXH tự nguyện, trong đó có 9.100 người thuộc hộ nghèo, hộ cận nghèo được ngân sách hỗ trợ.", "2024-12-05", None,
 {("Đắk Lắk","bhxh_voluntary_participants","2024-11-30",41800.0)}),
# fifth round: a release's full paragraph, a headline share, 'bằng … so với kế hoạch giao', new participants against their plan
("Tính đến ngày 31/10/2024, số người tham gia BHXH, BHYT, BHTN trên địa bàn tỉnh Quảng Trị như sau: số người tham gia BHXH là 95.440 người, đạt 32,9% lực lượng lao động trong độ tuổi (trong đó, BHXH bắt buộc là 60.200 người, BHXH tự nguyện là 35.240 người); số người tham gia BHTN là 55.100 người, đạt 24,4% lực lượng lao động trong độ tuổi; số người tham gia BHYT là 600.000 người, đạt tỷ lệ bao phủ 93,1% dân số.", "2024-11-06", None,
 {("Quảng Trị","bhxh_participants","2024-10-31",95440.0),("Quảng Trị","bhxh_coverage_pct","2024-10-31",32.9),("Quảng Trị","bhxh_compulsory_participants","2024-10-31",60200.0),("Quảng Trị","bhxh_voluntary_participants","2024-10-31",35240.0),("Quảng Trị","bhtn_participants","2024-10-31",55100.0),("Quảng Trị","bhtn_coverage_pct","2024-10-31",24.4),("Quảng Trị","bhyt_participants","2024-10-31",600000.0),("Quảng Trị","bhyt_coverage_pct","2024-10-31",93.1)}),
("Bình Định: Hơn 93% dân số tham gia BHYT\n\nTính đến cuối tháng 10/2024, toàn tỉnh Bình Định có 1,39 triệu người tham gia BHYT, đạt 93,2% dân số. So với cùng kỳ năm 2023, số người tham gia BHXH tự nguyện tăng 5.300 người (tăng 13,2%).", "2024-11-08", None,
 # the headline's "Hơn 93%" is the body's 93,2% rounded: one candidate, the exact one
 {("Bình Định","bhyt_participants","2024-10-31",1390000.0),("Bình Định","bhyt_coverage_pct","2024-10-31",93.2),("Bình Định","bhxh_voluntary_change_participants","2024-10-31",5300.0)}),
("Số người tham gia BHXH tự nguyện của tỉnh Hòa Bình đạt 25.240 người, bằng 97,4% so với kế hoạch giao (tính đến 30/9/2024).", "2024-10-06", None,
 {("Hoà Bình","bhxh_voluntary_participants","2024-09-30",25240.0),("Hoà Bình","bhxh_voluntary_attainment_pct","2024-09-30",97.4)}),
("Theo báo cáo của BHXH tỉnh Kon Tum, trong 10 tháng năm 2024 đã có 2.150 người tham gia BHXH tự nguyện mới, đạt 61% chỉ tiêu phát triển mới được giao.", "2024-11-06", None,
 {("Kon Tum","bhxh_voluntary_new_participants","2024-10-31",2150.0),("Kon Tum","bhxh_voluntary_attainment_pct","2024-10-31",61.0)}),
("Tính đến 30/9/2024, toàn tỉnh Ninh Thuận có 52.000 người tham gia BHXH, chiếm 15,2% lực lượng lao động trong độ tuổi, tăng 1,1% so với cùng kỳ; 550.000 người tham gia BHYT, chiếm 90,7% dân số.", "2024-10-08", None,
 {("Ninh Thuận","bhxh_participants","2024-09-30",52000.0),("Ninh Thuận","bhxh_coverage_pct","2024-09-30",15.2),("Ninh Thuận","bhyt_participants","2024-09-30",550000.0),("Ninh Thuận","bhyt_coverage_pct","2024-09-30",90.7)}),
]


@pytest.mark.parametrize("text,published,hint,expected", VARIANTS,
                         ids=[f"variant{i}" for i in range(len(VARIANTS))])
def test_variant_phrasings(text, published, hint, expected) -> None:
    """Enumerations, thousands and millions, coverage of a denominator named after the
    percent, attainment over a plan, ranges, money, quarters, lists "lần lượt", targets
    (a 2025 target of Thừa Thiên Huế is the 2025 unit Huế)."""
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} == expected


def test_sentence_of_targets_and_rates_labelled_by_year() -> None:
    text = ("Theo lộ trình được giao, đến cuối năm 2025 có 95,2% dân số tham gia BHYT. Tỷ lệ "
            "này sẽ tăng dần, đến năm 2026 là 95,8%, 2027 là 96,3% và 2028 là 97%.")
    df = run(text, published="2024-11-02", place_hint="Nam Định")
    assert {(r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} == {
        ("bhyt_plan_coverage_pct", "2025-12-31", 95.2),
        ("bhyt_plan_coverage_pct", "2026-12-31", 95.8),
        ("bhyt_plan_coverage_pct", "2027-12-31", 96.3),
        ("bhyt_plan_coverage_pct", "2028-12-31", 97.0),
    }


def test_shares_of_the_eligible_subgroups_and_growth_rates_are_skipped() -> None:
    text = ("Đến nay, tỉnh Quảng Ninh có hơn 1,2 triệu người tham gia BHYT, đạt 94,4% dân "
            "số. Tỷ lệ lao động tham gia BHTN đạt 91,5% số người thuộc diện phải tham gia "
            "(UBND tỉnh giao 90%). Tốc độ tăng số người tham gia BHXH tự nguyện đạt 21,3% "
            "(vượt 1,3% so với chỉ tiêu). Các nhóm đối tượng do ngân sách đóng đạt tỷ lệ 100%.")
    df = run(text, published="2024-12-05")
    assert rows(df) == {
        ("Quảng Ninh", "bhyt_participants", "2024-12-05", 1_200_000.0, "hơn"),
        ("Quảng Ninh", "bhyt_coverage_pct", "2024-12-05", 94.4, ""),
    }


def test_dateline_is_not_the_subject_and_labour_force_subject_with_qualifiers() -> None:
    plan = ("BẢO HIỂM XÃ HỘI VIỆT NAM\n\nĐà Nẵng, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\n\n"
            "Mục tiêu: đến năm 2026 đạt tỷ lệ trên 96% dân số tham gia BHYT.")
    df = run(plan, published="2024-03-12", place_hint="Việt Nam")
    assert rows(df) == {("Việt Nam", "bhyt_plan_coverage_pct", "2026-12-31", 96.0, "trên")}
    lf = ("Lực lượng lao động từ 15 tuổi trở lên của tỉnh Thanh Hóa trong quý III năm 2024 là "
          "2,15 triệu người, tăng 0,02 triệu người so với quý trước.")
    assert rows(run(lf, published="2024-10-20")) == {
        ("Thanh Hóa", "labour_force", "2024-09-30", 2_150_000.0, "")}


def test_changes_in_a_list_of_provinces_and_a_noun_glued_to_its_figure() -> None:
    text = ("Nhiều tỉnh phát triển tốt người tham gia BHXH tự nguyện, như: Bắc Giang (tăng "
            "2.310 người so với năm 2023), Hưng Yên (tăng 1.544người so với năm 2023).")
    df = run(text, published="2024-05-20", place_hint="Việt Nam")
    assert rows(df) == {
        ("Bắc Giang", "bhxh_voluntary_change_participants", "2024-05-20", 2310.0, ""),
        ("Hưng Yên", "bhxh_voluntary_change_participants", "2024-05-20", 1544.0, ""),
    }


def test_simple_tables_a_scheme_cell_then_its_count(tmp_path) -> None:
    page = tmp_path / "bang.html"
    page.write_text(
        "<html><body><article><p>Kết quả phát triển người tham gia của tỉnh Hà Tĩnh đến "
        "30/9/2024</p><table><tr><th>Chỉ tiêu</th><th>Số người</th></tr>"
        "<tr><td>BHXH bắt buộc</td><td>112.400</td></tr>"
        "<tr><td>BHXH tự nguyện</td><td>58.200</td></tr>"
        "<tr><td>BHYT</td><td>1.230.500</td></tr></table></article></body></html>",
        encoding="utf-8")
    expected = {("Hà Tĩnh", "bhxh_compulsory_participants", "2024-09-30", 112_400.0),
                ("Hà Tĩnh", "bhxh_voluntary_participants", "2024-09-30", 58_200.0),
                ("Hà Tĩnh", "bhyt_participants", "2024-09-30", 1_230_500.0)}
    df = ex.extract_file(page, published="2024-10-05")
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} == expected
    text = ("Kết quả đến 30/9/2024 của tỉnh Hà Tĩnh:\nBHXH bắt buộc | 112.400 người | 96,1%\n"
            "BHXH tự nguyện\t58.200 người\t70,2%\nBHYT | 1.230.500 người")
    df = run(text, published="2024-10-05")
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} == expected


def test_a_count_behind_a_rate_is_participants_only_when_nothing_else_is_counted() -> None:
    text = ("Tính đến 30/6/2024, kết quả phát triển người tham gia BHXH tự nguyện của các "
            "tỉnh khá tốt. Hà Giang với 21.400 người, đạt 101% kế hoạch. BHXH tỉnh Hà Giang "
            "cũng đã tư vấn cho 5.000 người, đạt 110% kế hoạch; giải quyết cho 3.200 người "
            "hưởng chế độ, đạt 95% kế hoạch.")
    df = run(text, published="2024-07-05")
    assert {(r.geo_name, r.indicator, r.value) for r in df.itertuples()} == {
        ("Hà Giang", "bhxh_voluntary_participants", 21_400.0),
        ("Hà Giang", "bhxh_voluntary_attainment_pct", 101.0),
    }


# ------------------------------- classes found on fresh pages, set 9 (own text)


def test_photo_credit_names_no_subject_and_a_national_source_means_the_nation() -> None:
    text = ("Hơn 1,2 triệu người tham gia BHXH tự nguyện\n\n"
            "Người dân nghe tư vấn về chính sách (Ảnh: BHXH tỉnh Yên Bái)\n\n"
            "Theo BHXH Việt Nam, đến hết tháng 6/2024 số người tham gia BHXH tự nguyện là "
            "1.215.400 người, tăng 96.000 người so với cuối năm 2023.")
    df = run(text, published="2024-07-20")
    assert rows(df) == {
        ("Việt Nam", "bhxh_voluntary_participants", "2024-06-30", 1215400.0, ""),
        ("Việt Nam", "bhxh_voluntary_change_participants", "2024-06-30", 96000.0, ""),
    }  # the headline's "Hơn 1,2 triệu" is the body's figure rounded: one candidate


def test_headline_before_any_place_takes_the_place_the_article_names() -> None:
    text = ("Phấn đấu đến 2026 có trên 96% số dân tham gia BHYT\n"
            "Tỉnh Ninh Bình đặt mục tiêu đến năm 2030 có 98% dân số tham gia bảo hiểm y tế.")
    df = run(text, published="2024-03-02")
    assert rows(df) == {
        ("Ninh Bình", "bhyt_plan_coverage_pct", "2026-12-31", 96.0, "trên"),
        ("Ninh Bình", "bhyt_plan_coverage_pct", "2030-12-31", 98.0, ""),
    }


def test_month_counts_in_words_and_a_sentence_that_goes_on() -> None:
    text = ("Trong tám tháng đầu năm 2024, tỉnh Gia Lai có 31.200 người tham gia BHXH tự "
            "nguyện. Năm 2023 tỉnh thu hút thêm 4.100 người tham gia BHXH tự nguyện. Qua đó, "
            "nâng tổng số người tham gia BHXH tự nguyện lên 27.900 người. Trong nửa đầu năm "
            "nay, có 1.050.000 người tham gia BHYT.")
    df = run(text, published="2024-09-15")
    assert rows(df) == {
        ("Gia Lai", "bhxh_voluntary_participants", "2024-08-31", 31200.0, ""),
        ("Gia Lai", "bhxh_voluntary_change_participants", "2023-12-31", 4100.0, ""),
        ("Gia Lai", "bhxh_voluntary_participants", "2023-12-31", 27900.0, ""),
        ("Gia Lai", "bhyt_participants", "2024-06-30", 1050000.0, ""),
    }


def test_chi_tieu_naming_an_indicator_in_a_result_is_no_plan() -> None:
    text = ("Tính đến hết năm 2023, chỉ tiêu bao phủ BHYT của tỉnh Sơn La đạt 94,2%, vượt "
            "chỉ tiêu được giao; chỉ tiêu được giao năm 2024 là 95%. Mục tiêu năm 2024 đặt ra "
            "là thu hút thêm ít nhất 3.000 người tham gia BHXH tự nguyện, nâng tổng số lên ít "
            "nhất 40.000 người.")
    df = run(text, published="2024-01-20")
    assert rows(df) == {
        ("Sơn La", "bhyt_coverage_pct", "2023-12-31", 94.2, ""),
        ("Sơn La", "bhyt_plan_coverage_pct", "2024-12-31", 95.0, ""),
        ("Sơn La", "bhxh_voluntary_plan_new_participants", "2024-12-31", 3000.0, "ít nhất"),
        ("Sơn La", "bhxh_voluntary_plan_participants", "2024-12-31", 40000.0, "ít nhất"),
    }


#: Plan-heavy passages (own text, 6th round): targets per place and per year, a plan
#: stated in one sentence and broken down by place in the next, a roadmap list, a plan in
#: a remark beside each place's result. (text, published, hint, expected rows).
PLAN_HEAVY = [
    ("Chỉ tiêu bao phủ BHYT giao cho các huyện năm 2024 như sau: huyện Bảo Lâm 95,2%; "
     "huyện Di Linh 94,8%; huyện Lâm Hà 96%.", "2024-02-10", "Lâm Đồng",
     {("Bảo Lâm", "bhyt_plan_coverage_pct", "2024-12-31", 95.2),
      ("Di Linh", "bhyt_plan_coverage_pct", "2024-12-31", 94.8),
      ("Lâm Hà", "bhyt_plan_coverage_pct", "2024-12-31", 96.0)}),
    ("Năm 2025, UBND tỉnh Quảng Trị giao chỉ tiêu số người tham gia BHXH tự nguyện cho các "
     "địa phương. Trong đó, thành phố Đông Hà 1.200 người, huyện Hải Lăng 950 người, huyện "
     "Triệu Phong 900 người.", "2025-02-15", None,
     {("Đông Hà", "bhxh_voluntary_plan_participants", "2025-12-31", 1200.0),
      ("Hải Lăng", "bhxh_voluntary_plan_participants", "2025-12-31", 950.0),
      ("Triệu Phong", "bhxh_voluntary_plan_participants", "2025-12-31", 900.0)}),
    ("Lộ trình tỷ lệ tham gia BHXH so với lực lượng lao động trong độ tuổi: năm 2021 đạt "
     "35%; năm 2023 đạt 40%; năm 2025 đạt 45%.", "2021-05-10", "Việt Nam",
     {("Việt Nam", "bhxh_plan_coverage_pct", "2021-12-31", 35.0),
      ("Việt Nam", "bhxh_plan_coverage_pct", "2023-12-31", 40.0),
      ("Việt Nam", "bhxh_plan_coverage_pct", "2025-12-31", 45.0)}),
    ("Tính đến 30/9/2024, toàn tỉnh có 48.500 người tham gia BHXH tự nguyện, đạt 88% kế "
     "hoạch năm (kế hoạch 55.100 người).", "2024-10-10", "Nghệ An",
     {("Nghệ An", "bhxh_voluntary_participants", "2024-09-30", 48500.0),
      ("Nghệ An", "bhxh_voluntary_attainment_pct", "2024-09-30", 88.0),
      ("Nghệ An", "bhxh_voluntary_plan_participants", "2024-12-31", 55100.0)}),
    ("Đến hết năm 2023, tỷ lệ bao phủ BHYT của Hà Giang đạt 97,1% (chỉ tiêu 96,5%), của Cao "
     "Bằng đạt 98,2% (chỉ tiêu 98%).", "2024-01-15", None,
     {("Hà Giang", "bhyt_coverage_pct", "2023-12-31", 97.1),
      ("Hà Giang", "bhyt_plan_coverage_pct", "2023-12-31", 96.5),
      ("Cao Bằng", "bhyt_coverage_pct", "2023-12-31", 98.2),
      ("Cao Bằng", "bhyt_plan_coverage_pct", "2023-12-31", 98.0)}),
    ("Mục tiêu của tỉnh Bắc Ninh: đến 2025 có 50% lực lượng lao động trong độ tuổi tham gia "
     "BHXH, đến 2030 đạt 60%.", "2022-06-01", None,
     {("Bắc Ninh", "bhxh_plan_coverage_pct", "2025-12-31", 50.0),
      ("Bắc Ninh", "bhxh_plan_coverage_pct", "2030-12-31", 60.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", PLAN_HEAVY,
                         ids=[f"plan{i}" for i in range(len(PLAN_HEAVY))])
def test_plan_heavy_passages(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


def test_a_breakdown_of_participants_by_place() -> None:
    text = ("Tính đến 30/6/2024, toàn tỉnh Hà Tĩnh có 52.300 người tham gia BHXH tự nguyện. "
            "Trong đó, huyện Kỳ Anh 6.100 người, huyện Hương Khê 4.800 người.")
    df = run(text, published="2024-07-10")
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} == {
        ("Hà Tĩnh", "bhxh_voluntary_participants", "2024-06-30", 52300.0),
        ("Kỳ Anh", "bhxh_voluntary_participants", "2024-06-30", 6100.0),
        ("Hương Khê", "bhxh_voluntary_participants", "2024-06-30", 4800.0),
    }


#: Own passages, 7th round (common phrasings of provincial releases not seen before).
ROUND7 = [
    ("Tỷ lệ người dân có thẻ BHYT của huyện Mường Tè ước đạt 99,2%.", "2023-12-20",
     "Lai Châu", {("Mường Tè", "bhyt_coverage_pct", "2023-12-20", 99.2)}),
    ("Tính đến ngày 31/7/2024, công tác phát triển người tham gia tiếp tục có chuyển biến. "
     "Về BHTN, toàn thành phố Cần Thơ có 185.200 người tham gia, đạt 101,2% kế hoạch năm.",
     "2024-08-10", None,
     {("Cần Thơ", "bhtn_participants", "2024-07-31", 185200.0),
      ("Cần Thơ", "bhtn_attainment_pct", "2024-07-31", 101.2)}),
    ("Trong 10 tháng, BHXH huyện Krông Pắc đã phát triển được 1.450 người tham gia BHXH tự "
     "nguyện mới, nâng tổng số người tham gia lên 6.830 người. Trong 6 tháng tới, huyện "
     "phấn đấu phát triển thêm 500 người.", "2024-11-05", "Đắk Lắk",
     {("Krông Pắc", "bhxh_voluntary_new_participants", "2024-10-31", 1450.0),
      ("Krông Pắc", "bhxh_voluntary_participants", "2024-10-31", 6830.0),
      ("Krông Pắc", "bhxh_voluntary_plan_new_participants", "2024-12-31", 500.0)}),
    ("Năm 2025, Chính phủ giao chỉ tiêu tỷ lệ lực lượng lao động trong độ tuổi tham gia BHTN "
     "đạt 35%.", "2025-01-10", None,
     {("Việt Nam", "bhtn_plan_coverage_pct", "2025-12-31", 35.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", ROUND7,
                         ids=[f"r7_{i}" for i in range(len(ROUND7))])
def test_round7_passages(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


#: Own passages, 8th round: one or more per failure class of set 11 (own wording, each
#: with its expected figures written before it was run). (text, published, hint, rows)
ROUND8 = [
    # survey shares of respondents who do not know of / do not want a scheme: no coverage
    ("Theo một cuộc khảo sát của viện nghiên cứu, có 62% lao động tự do không biết đến "
     "chính sách BHXH tự nguyện; gần 35% người được hỏi chưa từng nghe nói về BHYT hộ gia "
     "đình; hơn 48% lao động nông nghiệp không muốn tham gia BHXH tự nguyện.", "2024-05-10",
     None, set()),
    # the survey's sites are not the place of a national count in the next sentence
    ("Khảo sát của Viện Khoa học Lao động tại Thanh Hóa, Quảng Nam cho thấy phần lớn lao "
     "động tự do chưa hiểu về BHXH tự nguyện. Sau 15 năm triển khai, hiện mới có 1,5 triệu "
     "người tham gia BHXH tự nguyện, theo số liệu của BHXH Việt Nam.", "2024-05-10", None,
     {("Việt Nam", "bhxh_voluntary_participants", "2024-05-10", 1_500_000.0)}),
    # lump-sum withdrawals and benefits are not participants
    ("Trong 9 tháng năm 2024, số người hưởng BHXH một lần trên địa bàn tỉnh Bình Dương là "
     "41.200 người.", "2024-10-10", None, set()),
    ("Tính đến 30/9/2024, tỉnh Long An có 320.000 người tham gia BHXH; trong khi đó số lao "
     "động nhận trợ cấp BHXH một lần, rời khỏi hệ thống từ đầu năm đã lên tới 12.000 người.",
     "2024-10-10", None, {("Long An", "bhxh_participants", "2024-09-30", 320_000.0)}),
    # the uninsured share after a count of people without a card
    ("Đến cuối năm 2023, toàn tỉnh Hòa Bình còn khoảng 45.000 người chưa có thẻ BHYT, tương "
     "đương 5,2% dân số.", "2024-01-20", None, set()),
    # a ratio "Cứ N ... thì M ..." is no figure
    ("Cứ 3 người lao động tham gia BHXH thì có 1 người xin rút một lần.", "2024-05-10", None,
     set()),
    ("Ở xã này, cứ 10 người dân thì có 9 người có thẻ BHYT.", "2024-05-10", "Hà Tĩnh", set()),
    # a "Trong đó" sentence after a target sentence continues the target (plan, its year)
    ("Đến năm 2027, tỉnh Hà Nam phấn đấu đạt 50% lực lượng lao động trong độ tuổi tham gia "
     "BHXH. Trong đó, lao động tham gia BHXH tự nguyện chiếm khoảng 4% lực lượng lao động "
     "trong độ tuổi; khoảng 38% lực lượng lao động trong độ tuổi tham gia BHTN.",
     "2024-05-10", None,
     {("Hà Nam", "bhxh_plan_coverage_pct", "2027-12-31", 50.0),
      ("Hà Nam", "bhxh_voluntary_plan_coverage_pct", "2027-12-31", 4.0),
      ("Hà Nam", "bhtn_plan_coverage_pct", "2027-12-31", 38.0)}),
    # a share "chiếm khoảng N%" whose denominator is only in the figure before
    ("Đến năm 2026, thành phố Đà Nẵng phấn đấu có 48% lực lượng lao động trong độ tuổi tham "
     "gia BHXH, trong đó lao động tham gia BHXH tự nguyện chiếm khoảng 3,5%; khoảng 40% lực "
     "lượng lao động trong độ tuổi tham gia BHTN.", "2024-05-10", None,
     {("Đà Nẵng", "bhxh_plan_coverage_pct", "2026-12-31", 48.0),
      ("Đà Nẵng", "bhxh_voluntary_plan_coverage_pct", "2026-12-31", 3.5),
      ("Đà Nẵng", "bhtn_plan_coverage_pct", "2026-12-31", 40.0)}),
    ("Tính đến 30/6/2024, tỉnh Bình Định có 22% lực lượng lao động trong độ tuổi tham gia "
     "BHXH, trong đó BHXH tự nguyện chiếm 6,1%.", "2024-07-10", None,
     {("Bình Định", "bhxh_coverage_pct", "2024-06-30", 22.0),
      ("Bình Định", "bhxh_voluntary_coverage_pct", "2024-06-30", 6.1)}),
    # "chỉ tiêu bao phủ" naming the indicator; "vượt … chỉ tiêu" after the figures
    ("Năm 2023, chỉ tiêu bao phủ BHYT của tỉnh Quảng Bình tiếp tục tăng với 870.000 người "
     "tham gia, chiếm 94,6% dân số, vượt 0,6% chỉ tiêu Nghị quyết của HĐND tỉnh.",
     "2024-02-01", None,
     {("Quảng Bình", "bhyt_participants", "2023-12-31", 870_000.0),
      ("Quảng Bình", "bhyt_coverage_pct", "2023-12-31", 94.6)}),
    # the scheme named right after the figure wins over the one of the clause before
    ("Tính đến 30/6/2024, tỉnh Nghệ An có 120.000 người tham gia BHXH tự nguyện, còn "
     "180.000 người là tham gia BHXH bắt buộc.", "2024-07-10", None,
     {("Nghệ An", "bhxh_voluntary_participants", "2024-06-30", 120_000.0),
      ("Nghệ An", "bhxh_compulsory_participants", "2024-06-30", 180_000.0)}),
    # "tỷ lệ BHYT trên 95% như: xã A đạt …": the lead and the tail are bounds, the items
    # are the communes' coverage
    ("Đến hết tháng 9/2024, huyện Hương Khê có 98.000 người tham gia BHYT.\n\nNhiều xã của "
     "huyện Hương Khê có tỷ lệ BHYT trên 95% như: xã Hương Trà đạt 96,2%, xã Phúc Đồng đạt "
     "97,4%; các xã còn lại đạt từ 88% trở lên.", "2024-10-10", "Hà Tĩnh",
     {("Hương Khê", "bhyt_participants", "2024-09-30", 98_000.0),
      ("Hương Trà", "bhyt_coverage_pct", "2024-09-30", 96.2),
      ("Phúc Đồng", "bhyt_coverage_pct", "2024-09-30", 97.4)}),
    # a national decision quoted by a provincial outlet stays national despite the hint
    ("Quyết định của Thủ tướng Chính phủ về chiến lược phát triển ngành đặt mục tiêu đến "
     "năm 2030 có 99% dân số tham gia BHYT.", "2024-03-01", "Nghệ An",
     {("Việt Nam", "bhyt_plan_coverage_pct", "2030-12-31", 99.0)}),
    ("Thực hiện Quyết định của Thủ tướng Chính phủ, tỉnh phấn đấu đến năm 2025 có 95% dân "
     "số tham gia BHYT.", "2024-03-01", "Nghệ An",
     {("Nghệ An", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # second wordings of the same classes
    ("Kết quả thăm dò cho thấy 55% người dân chưa biết về BHYT hộ gia đình.", "2024-11-10",
     None, set()),
    ("Năm 2023, cả nước có hơn 1 triệu người rút BHXH một lần.", "2024-11-10", None, set()),
    ("Ở nông thôn, cứ 5 lao động thì chỉ 1 người tham gia BHXH.", "2024-11-10", "Nghệ An",
     set()),
    ("Hiện cả nước còn 1,2 triệu người dân chưa tham gia BHYT, chiếm khoảng 1,2% dân số.",
     "2024-11-10", None, set()),
    ("Mục tiêu đến năm 2026, tỉnh Kon Tum có 96% dân số tham gia BHYT. Cụ thể, 30% lực lượng "
     "lao động trong độ tuổi tham gia BHXH và 25% tham gia BHTN.", "2024-11-10", None,
     {("Kon Tum", "bhyt_plan_coverage_pct", "2026-12-31", 96.0),
      ("Kon Tum", "bhxh_plan_coverage_pct", "2026-12-31", 30.0),
      ("Kon Tum", "bhtn_plan_coverage_pct", "2026-12-31", 25.0)}),
    ("Nghị quyết số 28-NQ/TW đặt mục tiêu đến năm 2025 có 45% lực lượng lao động trong độ "
     "tuổi tham gia BHXH.", "2024-11-10", "Quảng Ngãi",
     {("Việt Nam", "bhxh_plan_coverage_pct", "2025-12-31", 45.0)}),
    # a bare year ("Năm 2023, ...") dates the sentences after it in its paragraph
    ("Năm 2023, tỉnh Gia Lai có 1,45 triệu người tham gia BHYT, đạt 92,1% dân số. Toàn tỉnh "
     "có 18.200 người tham gia BHXH tự nguyện.", "2024-01-20", None,
     {("Gia Lai", "bhyt_participants", "2023-12-31", 1_450_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2023-12-31", 92.1),
      ("Gia Lai", "bhxh_voluntary_participants", "2023-12-31", 18_200.0)}),
    ("Năm 2023, tỉnh Gia Lai có 1,45 triệu người tham gia BHYT.\n\nToàn tỉnh có 18.200 người "
     "tham gia BHXH tự nguyện.", "2024-01-20", None,
     {("Gia Lai", "bhyt_participants", "2023-12-31", 1_450_000.0),
      ("Gia Lai", "bhxh_voluntary_participants", "2024-01-20", 18_200.0)}),
    # controls: the same cue words where the figure is a stock or a rate
    ("Theo kết quả điều tra lao động việc làm, tỷ lệ lao động tham gia BHXH của tỉnh Nam "
     "Định đạt 28,5% (tính đến 31/12/2023).", "2024-03-01", None,
     {("Nam Định", "bhxh_coverage_pct", "2023-12-31", 28.5)}),
    ("Nhờ hạn chế hưởng BHXH một lần, đến 30/6/2024 toàn tỉnh Thái Bình có 150.000 người "
     "đóng BHXH.", "2024-07-10", None,
     {("Thái Bình", "bhxh_participants", "2024-06-30", 150_000.0)}),
    ("Đến cuối năm 2023, toàn tỉnh Hòa Bình có 790.000 người tham gia BHYT, tương đương "
     "93,9% dân số.", "2024-01-20", None,
     {("Hoà Bình", "bhyt_participants", "2023-12-31", 790_000.0),
      ("Hoà Bình", "bhyt_coverage_pct", "2023-12-31", 93.9)}),
    ("Chỉ tiêu bao phủ BHYT năm 2025 của tỉnh Lào Cai là 97%, vượt 1% so với chỉ tiêu "
     "Chính phủ giao.", "2025-02-01", None,
     {("Lào Cai", "bhyt_plan_coverage_pct", "2025-12-31", 97.0)}),
    ("Tính đến 30/6/2024, tỉnh Phú Yên có 35.000 người tham gia BHXH tự nguyện. Trong đó, "
     "huyện Tuy An 4.200 người, huyện Sơn Hòa 3.100 người.", "2024-07-10", None,
     {("Phú Yên", "bhxh_voluntary_participants", "2024-06-30", 35_000.0),
      ("Tuy An", "bhxh_voluntary_participants", "2024-06-30", 4200.0),
      ("Sơn Hòa", "bhxh_voluntary_participants", "2024-06-30", 3100.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", ROUND8,
                         ids=[f"r8_{i}" for i in range(len(ROUND8))])
def test_round8_passages(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


@pytest.mark.parametrize("text,published,expected", [
    ("Hết quý III/2022, huyện Cẩm Xuyên (Hà Tĩnh) có 131.500 người có thẻ BHYT, đạt "
     "93,4% dân số.", "2022-10-08",
     {("Cẩm Xuyên", "bhyt_participants", "2022-09-30", 131_500.0),
      ("Cẩm Xuyên", "bhyt_coverage_pct", "2022-09-30", 93.4)}),
    ("Đến 31/5/2024, xã Tân Hội (Đức Trọng) có 9.870 người tham gia BHYT.", "2024-06-04",
     {("Tân Hội", "bhyt_participants", "2024-05-31", 9870.0)}),
])
def test_a_parent_in_brackets_after_a_district_or_commune(text, published, expected) -> None:
    """"huyện X (Tỉnh Y)": the bracket names X's parent; the figures are X's."""
    df = run(text, published=published)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


# Classes of the blind passages (tests/data/extract/blind), each pinned by a passage in
# our own wording, written before the reader was changed for it.
BLIND_CLASSES = [
    # a scheme followed by "có N người" (also "mới có": only) is that scheme's stock
    ("Tính đến 30/6/2023, tỉnh Nam Định có 210.400 người tham gia BHXH; trong đó BHXH bắt "
     "buộc có 165.300 người, BHXH tự nguyện có 45.100 người.", "2023-07-12", None,
     {("Nam Định", "bhxh_participants", "2023-06-30", 210_400.0),
      ("Nam Định", "bhxh_compulsory_participants", "2023-06-30", 165_300.0),
      ("Nam Định", "bhxh_voluntary_participants", "2023-06-30", 45_100.0)}),
    ("Đến nay, số người tham gia BHTN của huyện Bảo Lạc trên 3 nghìn người; BHXH tự nguyện "
     "mới có 275 người.", "2019-05-06", "Cao Bằng",
     {("Bảo Lạc", "bhtn_participants", "2019-05-06", 3000.0),
      ("Bảo Lạc", "bhxh_voluntary_participants", "2019-05-06", 275.0)}),
    # control (after the change): the agency "Bảo hiểm xã hội tỉnh có …" is not the scheme
    ("Tính đến 30/6/2024, tỉnh Phú Yên có 98.000 người tham gia BHXH. Bảo hiểm xã hội tỉnh "
     "có 15 cán bộ.", "2024-07-10", None,
     {("Phú Yên", "bhxh_participants", "2024-06-30", 98_000.0)}),
    # a quarter or month still to come ("trong quý IV") is a horizon, not the date of a
    # shortfall; "quý IV" is the fourth quarter, never "quý I"
    ("Tính đến 30/9/2022, tỉnh Yên Bái có 742.000 người tham gia BHYT. Muốn đạt chỉ tiêu "
     "được giao, trong quý IV tỉnh cần phát triển thêm khoảng 9.300 người.", "2022-10-20",
     None, {("Yên Bái", "bhyt_participants", "2022-09-30", 742_000.0),
            ("Yên Bái", "bhyt_shortfall_participants", "2022-09-30", 9300.0)}),
    ("Hết quý IV/2021, tỉnh Bắc Kạn có 298.000 người tham gia BHYT.", "2022-01-15", None,
     {("Bắc Kạn", "bhyt_participants", "2021-12-31", 298_000.0)}),
    # a year-end without its year printed early in the next year is last year's
    ("Tính đến hết năm, toàn tỉnh Hải Dương có 1.720.000 người tham gia BHYT.", "2024-01-12",
     None, {("Hải Dương", "bhyt_participants", "2023-12-31", 1_720_000.0)}),
    # an English-style decimal before a multiplier ("2.3 triệu") and the year of a purpose
    # clause ("Để đạt … trong năm 2020,") which is the horizon of the target, not a date
    ("Tính đến hết tháng 6/2020, cả nước có 84,1 triệu người tham gia BHYT. Để đạt chỉ tiêu "
     "bao phủ trong năm 2020, 6 tháng cuối năm cần phát triển thêm khoảng 2.3 triệu người "
     "tham gia BHYT.", "2020-07-08", None,
     {("Việt Nam", "bhyt_participants", "2020-06-30", 84_100_000.0),
      ("Việt Nam", "bhyt_shortfall_participants", "2020-06-30", 2_300_000.0)}),
    # "…tham gia BHXH đạt 40%, tham gia BHTN đạt 30%": the second rate keeps the first's
    # denominator and kind (here: targets)
    ("Năm 2025, tỉnh Thái Bình phấn đấu tỷ lệ lao động trong độ tuổi tham gia BHXH đạt "
     "40%, tham gia BHTN đạt 30%.", "2025-01-09", None,
     {("Thái Bình", "bhxh_plan_coverage_pct", "2025-12-31", 40.0),
      ("Thái Bình", "bhtn_plan_coverage_pct", "2025-12-31", 30.0)}),
    # the numbered list under a heading of the year's targets holds targets of that year
    ("Kế hoạch phát triển kinh tế - xã hội của tỉnh Ninh Bình.\nNhững chỉ tiêu chủ yếu năm "
     "2024\n1. Tỷ lệ hộ nghèo giảm 1%.\n2. Tỷ lệ dân số tham gia BHYT đạt 94,5%.\n3. Tỷ lệ "
     "lực lượng lao động trong độ tuổi tham gia BHXH đạt 37%.", "2024-01-18", None,
     {("Ninh Bình", "bhyt_plan_coverage_pct", "2024-12-31", 94.5),
      ("Ninh Bình", "bhxh_plan_coverage_pct", "2024-12-31", 37.0)}),
    # a rate after a coverage rate whose own clause names the plan is the plan
    ("Đến hết tháng 3/2024, toàn tỉnh Phú Thọ có tỷ lệ bao phủ BHYT 93,1% dân số, trong khi "
     "chỉ tiêu năm 2024 tỉnh giao là 94,2%.", "2024-04-10", None,
     {("Phú Thọ", "bhyt_coverage_pct", "2024-03-31", 93.1),
      ("Phú Thọ", "bhyt_plan_coverage_pct", "2024-12-31", 94.2)}),
    ("Tính đến cuối tháng 5/2024, huyện Tam Nông đạt tỷ lệ bao phủ BHYT 90,4%; so với kế "
     "hoạch 92% huyện giao, còn thiếu 1,6%.", "2024-06-05", "Phú Thọ",
     {("Tam Nông", "bhyt_coverage_pct", "2024-05-31", 90.4),
      ("Tam Nông", "bhyt_plan_coverage_pct", "2024-12-31", 92.0),
      ("Tam Nông", "bhyt_shortfall_pp", "2024-05-31", 1.6)}),
    # a comparison with the nation ("thấp hơn mức bình quân của cả nước") names no subject
    ("Tính đến 31/12/2023, tỉnh Hà Nam có 815.000 người tham gia BHYT. Tỷ lệ nợ đóng của "
     "tỉnh thấp hơn mức bình quân của cả nước.\n\nNăm 2024, tỉnh phấn đấu nâng tỷ lệ bao "
     "phủ BHYT lên 95% dân số.", "2024-01-20", None,
     {("Hà Nam", "bhyt_participants", "2023-12-31", 815_000.0),
      ("Hà Nam", "bhyt_plan_coverage_pct", "2024-12-31", 95.0)}),
    # "so với cùng kỳ năm 2023 (6.850 người)" after a change: the stock a year before
    ("Đến hết tháng 6/2024, huyện Yên Thế có 8.100 người tham gia BHXH tự nguyện, tăng "
     "1.250 người so với cùng kỳ năm 2023 (6.850 người).", "2024-07-08", "Bắc Giang",
     {("Yên Thế", "bhxh_voluntary_participants", "2024-06-30", 8100.0),
      ("Yên Thế", "bhxh_voluntary_change_participants", "2024-06-30", 1250.0),
      ("Yên Thế", "bhxh_voluntary_participants", "2023-06-30", 6850.0)}),
    # a share of the participants ("…% số người có thẻ") and a subgroup named right after
    # the percent ("100% người dân tộc thiểu số", "người thuộc hộ nghèo") are no coverage
    ("Hiện nay, tỉnh Lai Châu có 455.000 người tham gia BHYT. Tỷ lệ bao phủ BHYT cao là nhờ "
     "ngân sách nhà nước đóng hoặc hỗ trợ mức đóng cho gần 70% số người có thẻ.",
     "2024-03-02", None,
     {("Lai Châu", "bhyt_participants", "2024-03-02", 455_000.0)}),
    ("Toàn huyện Mèo Vạc có 86.500 người có thẻ BHYT. Hiện nay, 100% người dân tộc thiểu "
     "số ở các thôn vùng cao được Nhà nước cấp thẻ; 100% người thuộc hộ nghèo cũng vậy.",
     "2018-09-04", "Hà Giang",
     {("Mèo Vạc", "bhyt_participants", "2018-09-04", 86_500.0)}),
    # a table of places: the header names each column's indicator, the first cell the place
    ("Tính đến 30/9/2023, tỉnh Nghệ An có 2.980.000 người tham gia BHYT.\nKết quả của một "
     "số huyện:\nĐịa phương | Số người có thẻ BHYT | Tỷ lệ bao phủ (%)\nHuyện Quỳnh Lưu | "
     "262.310 | 95,2\nThị xã Hoàng Mai | 101.045 | 93,8", "2023-10-10", None,
     {("Nghệ An", "bhyt_participants", "2023-09-30", 2_980_000.0),
      ("Quỳnh Lưu", "bhyt_participants", "2023-09-30", 262_310.0),
      ("Quỳnh Lưu", "bhyt_coverage_pct", "2023-09-30", 95.2),
      ("Hoàng Mai", "bhyt_participants", "2023-09-30", 101_045.0),
      ("Hoàng Mai", "bhyt_coverage_pct", "2023-09-30", 93.8)}),
    # second wording (after the change): a money column is skipped; "Tổng cộng" is the
    # province (here the same figure as the text's, so one candidate)
    ("Tính đến 31/3/2024, tỉnh Sơn La có 12.400 người tham gia BHXH tự nguyện.\nĐịa bàn | "
     "Số người tham gia | Số thu (tỷ đồng)\nHuyện Mộc Châu | 2.150 | 4,2\nHuyện Mai Sơn | "
     "1.870 | 3,6\nTổng cộng | 12.400 | 25,1", "2024-04-10", None,
     {("Sơn La", "bhxh_voluntary_participants", "2024-03-31", 12_400.0),
      ("Mộc Châu", "bhxh_voluntary_participants", "2024-03-31", 2150.0),
      ("Mai Sơn", "bhxh_voluntary_participants", "2024-03-31", 1870.0)}),
    # control: a table whose rows are schemes is still read as before
    ("Kết quả đến 30/9/2024 của tỉnh Hà Tĩnh:\nLoại hình | Số người\nBHXH bắt buộc | "
     "112.400\nBHYT | 1.230.500", "2024-10-05", None,
     {("Hà Tĩnh", "bhxh_compulsory_participants", "2024-09-30", 112_400.0),
      ("Hà Tĩnh", "bhyt_participants", "2024-09-30", 1_230_500.0)}),
    # control: a heading that reports on a year's targets does not make its list targets
    ("Tỉnh Tuyên Quang: báo cáo cuối năm.\nKết quả thực hiện các chỉ tiêu năm 2023:\n- Tỷ lệ "
     "dân số tham gia BHYT đạt 92,1%.", "2023-12-20", None,
     {("Tuyên Quang", "bhyt_coverage_pct", "2023-12-31", 92.1)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND_CLASSES,
                         ids=[f"blind_class_{i}" for i in range(len(BLIND_CLASSES))])
def test_blind_passage_classes(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


def test_provinces_listed_by_name_in_a_national_release_resolve() -> None:
    """Provinces listed bare after a national figure are provinces (Quảng Nam also has a
    commune named Bình Định: the second item is not read inside the first)."""
    df = run("Đến hết tháng 7/2022, cả nước có 1,41 triệu người tham gia BHXH tự nguyện. "
             "Những địa phương dẫn đầu về số người tham gia là Quảng Nam (61.220 người), "
             "Bình Định (48.300 người).", published="2022-08-05")
    got = {(r.geo_name, r.geo_level, r.geo_code, r.value) for r in df.itertuples()}
    assert ("Quảng Nam", "province", "49", 61_220.0) in got
    assert ("Bình Định", "province", "52", 48_300.0) in got


# Second blind set (tests/data/extract/blind2): each failure class pinned first by a
# passage in our own wording (none is the blind wording), failing before its change.
BLIND2_CLASSES = [
    # a plan with one list item per year under a heading of targets that prints no year:
    # the year opening each item is its targets' year (also the publication year), and
    # "BHYT 94,8%" in such an item is a coverage target of the scheme named before it
    ("KẾ HOẠCH của UBND tỉnh Hưng Yên\nTính đến 31/12/2024, toàn tỉnh có tỷ lệ bao phủ "
     "BHYT đạt 93,2% dân số.\nMục tiêu cụ thể từng năm:\n- Năm 2025: tỷ lệ bao phủ BHYT "
     "đạt 94% dân số; tỷ lệ lao động tham gia BHXH đạt 38%; tham gia BHTN đạt 30%.\n- Năm "
     "2026: BHYT 94,8%; BHXH 40%.\n- Năm 2027: BHYT 95,5%; BHXH 42%, trong đó BHXH tự nguyện 5%.",
     "2025-01-20", None,
     {("Hưng Yên", "bhyt_coverage_pct", "2024-12-31", 93.2),
      ("Hưng Yên", "bhyt_plan_coverage_pct", "2025-12-31", 94.0),
      ("Hưng Yên", "bhxh_plan_coverage_pct", "2025-12-31", 38.0),
      ("Hưng Yên", "bhtn_plan_coverage_pct", "2025-12-31", 30.0),
      ("Hưng Yên", "bhyt_plan_coverage_pct", "2026-12-31", 94.8),
      ("Hưng Yên", "bhxh_plan_coverage_pct", "2026-12-31", 40.0),
      ("Hưng Yên", "bhyt_plan_coverage_pct", "2027-12-31", 95.5),
      ("Hưng Yên", "bhxh_plan_coverage_pct", "2027-12-31", 42.0),
      ("Hưng Yên", "bhxh_voluntary_plan_coverage_pct", "2027-12-31", 5.0)}),
    # "năm 2024 tỷ lệ …": "tỷ" of "tỷ lệ" is no multiplier (it read 2.024e12 persons)
    ("UBND tỉnh Long An giao chỉ tiêu năm 2024 tỷ lệ bao phủ BHYT đạt 93% dân số.",
     "2024-02-02", None,
     {("Long An", "bhyt_plan_coverage_pct", "2024-12-31", 93.0)}),
    # an English-style "15,000 người" in a page that prints English numbers: a count of
    # persons with three decimals is grouped thousands, not 15.0 persons
    ("Theo BHXH thành phố Cần Thơ, hết quý I/2020 toàn thành phố có 1,102,450 người tham "
     "gia BHYT, đạt 86.2% dân số. Năm 2020, thành phố được giao chỉ tiêu 15,000 người tham "
     "gia BHXH tự nguyện.", "2020-04-15", None,
     {("Cần Thơ", "bhyt_participants", "2020-03-31", 1_102_450.0),
      ("Cần Thơ", "bhyt_coverage_pct", "2020-03-31", 86.2),
      ("Cần Thơ", "bhxh_voluntary_plan_participants", "2020-12-31", 15_000.0)}),
    # a target's horizon ("phấn đấu đến cuối năm 2025") is no date for the sentences after
    # it: "Cùng thời điểm" is the status date (here of a 2025 ward)
    ("Tính đến 30/9/2025, toàn tỉnh Gia Lai có 3.050.000 người tham gia BHYT. Tỉnh phấn "
     "đấu đến cuối năm 2025 có 95,5% dân số tham gia BHYT. Cùng thời điểm, phường Quy Nhơn "
     "có tỷ lệ bao phủ BHYT 97,1%.", "2025-10-12", None,
     {("Gia Lai", "bhyt_participants", "2025-09-30", 3_050_000.0),
      ("Gia Lai", "bhyt_plan_coverage_pct", "2025-12-31", 95.5),
      ("Quy Nhơn", "bhyt_coverage_pct", "2025-09-30", 97.1)}),
    # nor is an interviewer's "đến cuối năm": the shortfall takes the status date
    ("Ông Hoàng Văn Nam: Đến hết tháng 7/2023, tỉnh Lạng Sơn có 61.200 người tham gia "
     "BHXH bắt buộc.\n\nPV: Kế hoạch đến cuối năm ra sao?\n\nÔng Hoàng Văn Nam: Để về "
     "đích, tỉnh còn phải phát triển thêm khoảng 3.400 người tham gia BHXH bắt buộc trong "
     "5 tháng cuối năm.", "2023-08-15", None,
     {("Lạng Sơn", "bhxh_compulsory_participants", "2023-07-31", 61_200.0),
      ("Lạng Sơn", "bhxh_compulsory_shortfall_participants", "2023-07-31", 3400.0)}),
    # rates of communes in a later paragraph carry the rate named before (scheme,
    # coverage); "huyện phấn đấu" is the district in play, not the commune last named
    ("Tính đến 30/9/2023, huyện Yên Thành có tỷ lệ bao phủ BHYT đạt 91,4% dân số.\n\nỞ "
     "các xã, kết quả chênh lệch. Xã Bắc Thành đạt 95,1%, còn xã Tăng Thành mới đạt 86,7%. "
     "Chủ tịch UBND xã Tăng Thành nói khó.\n\nGiám đốc BHXH huyện cho biết huyện phấn đấu "
     "đến cuối năm 2023 có 4.500 người tham gia BHXH tự nguyện.", "2023-10-20", "Nghệ An",
     {("Yên Thành", "bhyt_coverage_pct", "2023-09-30", 91.4),
      ("Bắc Thành", "bhyt_coverage_pct", "2023-09-30", 95.1),
      ("Tăng Thành", "bhyt_coverage_pct", "2023-09-30", 86.7),
      ("Yên Thành", "bhxh_voluntary_plan_participants", "2023-12-31", 4500.0)}),
    # an infographic's item numbers "[2]" are no figures; "– chỉ tiêu năm 2023 là 91%"
    ("Infographic: tỉnh Bình Phước 6 tháng đầu năm 2023\n[1] 152.300 người tham gia BHXH "
     "bắt buộc\n[2] 89,5% dân số có thẻ BHYT – chỉ tiêu năm 2023 là 91%", "2023-07-20",
     None,
     {("Bình Phước", "bhxh_compulsory_participants", "2023-06-30", 152_300.0),
      ("Bình Phước", "bhyt_coverage_pct", "2023-06-30", 89.5),
      ("Bình Phước", "bhyt_plan_coverage_pct", "2023-12-31", 91.0)}),
    # figures in words ("khoảng hai nghìn người") and a list going on with another scheme
    # "còn BHXH tự nguyện dừng ở mức gần 3 nghìn người"
    ("Năm 2018, tỉnh Kon Tum có số người tham gia BHXH bắt buộc hơn 41 nghìn người, BHTN "
     "gần 38 nghìn người, còn BHXH tự nguyện dừng ở mức gần 3 nghìn người. Cả năm chỉ tăng "
     "thêm khoảng hai nghìn người tham gia BHXH tự nguyện.", "2019-01-25", None,
     {("Kon Tum", "bhxh_compulsory_participants", "2018-12-31", 41_000.0),
      ("Kon Tum", "bhtn_participants", "2018-12-31", 38_000.0),
      ("Kon Tum", "bhxh_voluntary_participants", "2018-12-31", 3000.0),
      ("Kon Tum", "bhxh_voluntary_change_participants", "2018-12-31", 2000.0)}),
    # a plan rate right after "so với chỉ tiêu" following the points below it
    ("Đến 30/6/2024, tỷ lệ bao phủ BHYT của huyện Thạch Thành là 90,2% dân số, thấp hơn "
     "2,3% so với chỉ tiêu 92,5%.", "2024-07-05", "Thanh Hóa",
     {("Thạch Thành", "bhyt_coverage_pct", "2024-06-30", 90.2),
      ("Thạch Thành", "bhyt_shortfall_pp", "2024-06-30", 2.3),
      ("Thạch Thành", "bhyt_plan_coverage_pct", "2024-12-31", 92.5)}),
    # "phát triển thêm ít nhất N người … để hoàn thành chỉ tiêu" is the shortfall again
    ("Đến 30/9/2024, huyện Tư Nghĩa có 3.100 người tham gia BHXH tự nguyện, còn thiếu 420 "
     "người so với chỉ tiêu. UBND huyện yêu cầu các xã phát triển thêm ít nhất 420 người "
     "tham gia BHXH tự nguyện trong quý IV để hoàn thành chỉ tiêu năm.", "2024-10-08",
     "Quảng Ngãi",
     {("Tư Nghĩa", "bhxh_voluntary_participants", "2024-09-30", 3100.0),
      ("Tư Nghĩa", "bhxh_voluntary_shortfall_participants", "2024-09-30", 420.0)}),
    # a purpose clause holding a decimal comma ("mục tiêu 2,1 triệu người … vào cuối năm
    # 2023,") is still the target's horizon, "trong 4 tháng còn lại" no date either: the
    # shortfall takes the status date
    ("Tính đến hết tháng 8/2023, cả nước có 1,85 triệu người tham gia BHXH tự nguyện. Để "
     "đạt mục tiêu 2,1 triệu người tham gia BHXH tự nguyện vào cuối năm 2023, các địa "
     "phương cần phát triển thêm khoảng 250 nghìn người trong 4 tháng còn lại.", "2023-09-06",
     None,
     {("Việt Nam", "bhxh_voluntary_participants", "2023-08-31", 1_850_000.0),
      ("Việt Nam", "bhxh_voluntary_plan_participants", "2023-12-31", 2_100_000.0),
      ("Việt Nam", "bhxh_voluntary_shortfall_participants", "2023-08-31", 250_000.0)}),
    # a bound shared by two places listed together is neither place's figure
    ("Tính đến hết tháng 6/2022, cả nước có 88,1 triệu người tham gia BHYT. Một số tỉnh "
     "như Hậu Giang, Trà Vinh vẫn có tỷ lệ bao phủ BHYT dưới 88%.", "2022-07-10", None,
     {("Việt Nam", "bhyt_participants", "2022-06-30", 88_100_000.0)}),
    # a headline repeated by an estimate for the year-end printed in late December is one
    # figure, dated the year-end
    ("Phú Thọ: Hơn 1,2 triệu người tham gia BHYT\n\nƯớc đến hết năm, toàn tỉnh Phú Thọ có "
     "hơn 1,2 triệu người tham gia BHYT.", "2019-12-27", None,
     {("Phú Thọ", "bhyt_participants", "2019-12-31", 1_200_000.0)}),
    # controls and second wordings (written after the changes)
    # a commune's bare "đạt 95%" with no coverage rate read before it is not read
    ("Tính đến 30/6/2023, huyện Yên Thành có 5.200 người tham gia BHXH tự nguyện. Xã Bắc "
     "Thành đạt 95%.", "2023-07-10", "Nghệ An",
     {("Yên Thành", "bhxh_voluntary_participants", "2023-06-30", 5200.0)}),
    # a commune and its province is one place, not several; two districts together are
    ("Tính đến 30/9/2025, xã Ea Kar (tỉnh Đắk Lắk) có tỷ lệ bao phủ BHYT 94,6%. Hai huyện "
     "Mường Nhé và Nậm Pồ có tỷ lệ bao phủ BHYT trên 98%.", "2025-10-08", None,
     {("Ea Kar", "bhyt_coverage_pct", "2025-09-30", 94.6)}),
    # "gần hai triệu người" in words; "2.150 tỷ" without a noun is money, not persons
    ("Đến hết năm 2020, tỉnh Thanh Hóa có gần hai triệu người tham gia BHYT. Cả năm thu "
     "được 2.150 tỷ.", "2021-01-20", None,
     {("Thanh Hóa", "bhyt_participants", "2020-12-31", 2_000_000.0)}),
    # a Vietnamese decimal with a multiplier is unchanged by the thousands rule
    ("Tính đến 31/5/2024, tỉnh Hòa Bình có 12,5 nghìn người tham gia BHXH tự nguyện.",
     "2024-06-10", None,
     {("Hoà Bình", "bhxh_voluntary_participants", "2024-05-31", 12_500.0)}),
    # "Huyện phấn đấu" opening a sentence is the district in play
    ("Tính đến 30/9/2024, xã Tăng Thành (huyện Yên Thành) có tỷ lệ bao phủ BHYT 90,1%. "
     "Huyện phấn đấu đến cuối năm 2024 có 3.900 người tham gia BHXH tự nguyện.",
     "2024-10-15", "Nghệ An",
     {("Tăng Thành", "bhyt_coverage_pct", "2024-09-30", 90.1),
      ("Yên Thành", "bhxh_voluntary_plan_participants", "2024-12-31", 3900.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND2_CLASSES,
                         ids=[f"blind2_class_{i}" for i in range(len(BLIND2_CLASSES))])
def test_second_blind_set_classes(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


BLIND3_CLASSES = [
    # places listed together before "lần lượt": the n-th figure is the n-th place's, and
    # the rate named before the list says what the figures are
    ("Đến hết tháng 9/2022, huyện Đức Trọng có tỷ lệ bao phủ BHYT đạt 90,3% dân số. "
     "Trong các xã, Tà Năng và Đà Loan có tỷ lệ bao phủ BHYT thấp nhất huyện, lần lượt là "
     "81,4% và 83,9%.", "2022-10-10", "Lâm Đồng",
     {("Đức Trọng", "bhyt_coverage_pct", "2022-09-30", 90.3),
      ("Tà Năng", "bhyt_coverage_pct", "2022-09-30", 81.4),
      ("Đà Loan", "bhyt_coverage_pct", "2022-09-30", 83.9)}),
    # … and counts of persons of districts, the kind printed before the first name only
    ("Hết tháng 6/2019, tỉnh Đắk Nông có 8.240 người tham gia BHXH tự nguyện. Huyện Tuy "
     "Đức và Đắk Song là hai địa phương có số người tham gia BHXH tự nguyện nhiều nhất, "
     "lần lượt 1.310 người và 1.120 người.", "2019-07-12", None,
     {("Đắk Nông", "bhxh_voluntary_participants", "2019-06-30", 8240.0),
      ("Tuy Đức", "bhxh_voluntary_participants", "2019-06-30", 1310.0),
      ("Đắk Song", "bhxh_voluntary_participants", "2019-06-30", 1120.0)}),
    # a rounded headline ("Hơn 4,1 triệu") repeats a sharper figure that is itself
    # approximate ("khoảng 4,17 triệu"): one figure
    ("Hơn 4,1 triệu người tham gia BHTN\n\nTính đến hết tháng 3/2023, cả nước có khoảng "
     "4,17 triệu người tham gia BHTN.", "2023-04-20", None,
     {("Việt Nam", "bhtn_participants", "2023-03-31", 4_170_000.0)}),
    # "… % dân số với N người tham gia": the persons behind the rate, not the population
    ("Tính đến 31/10/2021, tỷ lệ bao phủ BHYT của tỉnh Hà Giang đạt 92,8% dân số với "
     "818.400 người tham gia.", "2021-11-05", None,
     {("Hà Giang", "bhyt_coverage_pct", "2021-10-31", 92.8),
      ("Hà Giang", "bhyt_participants", "2021-10-31", 818_400.0)}),
    # "so với chỉ tiêu … đề ra cho năm 2022 là 93%" after a coverage rate: the plan's
    # rate; the plan's year is no date of the shortfall in the same sentence
    ("Tính đến 31/10/2022, tỉnh Kon Tum có tỷ lệ bao phủ BHYT đạt 91,6% dân số. Như vậy, "
     "so với chỉ tiêu HĐND tỉnh đề ra cho năm 2022 là 93%, tỉnh còn thiếu khoảng 8.000 "
     "người.", "2022-11-08", None,
     {("Kon Tum", "bhyt_coverage_pct", "2022-10-31", 91.6),
      ("Kon Tum", "bhyt_plan_coverage_pct", "2022-12-31", 93.0),
      ("Kon Tum", "bhyt_shortfall_participants", "2022-10-31", 8000.0)}),
    # an interviewer's question naming one scheme gives the answer its scheme
    ("Tính đến 31/10/2022, toàn tỉnh Kon Tum có 501.200 người tham gia BHYT.\n\nPV: Còn "
     "với BHXH tự nguyện, thưa ông?\n\nÔng Minh: Kế hoạch năm 2022 được giao là 9.500 "
     "người, hiện còn thiếu khoảng 1.200 người.", "2022-11-08", None,
     {("Kon Tum", "bhyt_participants", "2022-10-31", 501_200.0),
      ("Kon Tum", "bhxh_voluntary_plan_participants", "2022-12-31", 9500.0),
      ("Kon Tum", "bhxh_voluntary_shortfall_participants", "2022-10-31", 1200.0)}),
    # "…, trong đó tham gia BHXH tự nguyện đạt N%" after a rate: that rate's kind
    ("HĐND tỉnh Điện Biên thông qua các chỉ tiêu chủ yếu năm 2023:\n- Tỷ lệ lao động trong "
     "độ tuổi tham gia BHXH đạt 21%, trong đó tham gia BHXH tự nguyện đạt 3,2%.\n- Tỷ lệ "
     "dân số tham gia BHYT đạt 95%.", "2022-12-09", None,
     {("Điện Biên", "bhxh_plan_coverage_pct", "2023-12-31", 21.0),
      ("Điện Biên", "bhxh_voluntary_plan_coverage_pct", "2023-12-31", 3.2),
      ("Điện Biên", "bhyt_plan_coverage_pct", "2023-12-31", 95.0)}),
    # the count a year before in brackets after a change in percent
    ("Tính đến 30/6/2017, tỉnh Bến Tre có 1.105.000 người tham gia BHYT, tăng 5,4% so với "
     "cùng kỳ năm 2016 (1.048.400 người).", "2017-07-10", None,
     {("Bến Tre", "bhyt_participants", "2017-06-30", 1_105_000.0),
      ("Bến Tre", "bhyt_participants", "2016-06-30", 1_048_400.0)}),
    # a plan's rates printed by scheme in a remark after the plan's name
    ("Tính đến 31/8/2024, tỉnh Quảng Trị có tỷ lệ bao phủ BHYT đạt 94,1% dân số. So với "
     "chỉ tiêu UBND tỉnh giao năm 2024 (BHYT 95,2%, BHXH 34%), tỷ lệ này còn thấp.",
     "2024-09-12", None,
     {("Quảng Trị", "bhyt_coverage_pct", "2024-08-31", 94.1),
      ("Quảng Trị", "bhyt_plan_coverage_pct", "2024-12-31", 95.2),
      ("Quảng Trị", "bhxh_plan_coverage_pct", "2024-12-31", 34.0)}),
    # "Theo kế hoạch (được) UBND tỉnh giao năm Y, … đạt N%, … đạt M người": targets of the
    # publication year, not results nor an attainment
    ("Hết tháng 4/2024, tỉnh Phú Thọ có 26.500 người tham gia BHXH tự nguyện. Theo kế "
     "hoạch được UBND tỉnh giao năm 2024, tỷ lệ lực lượng lao động tham gia BHXH đạt 36%, "
     "số người tham gia BHXH tự nguyện đạt 31.000 người.", "2024-05-10", None,
     {("Phú Thọ", "bhxh_voluntary_participants", "2024-04-30", 26_500.0),
      ("Phú Thọ", "bhxh_plan_coverage_pct", "2024-12-31", 36.0),
      ("Phú Thọ", "bhxh_voluntary_plan_participants", "2024-12-31", 31_000.0)}),
    # a year-end report dated only by "Năm 2018, …": the headline and a later paragraph
    # that prints no date are of that year's end, not of the publication day
    ("Quảng Bình: 94,2% dân số có thẻ BHYT\n\nNăm 2018, toàn tỉnh Quảng Bình có 843.000 "
     "người tham gia BHYT, đạt 94,2% dân số.\n\nỞ các huyện, huyện Tuyên Hóa có 76.400 người "
     "tham gia BHYT.", "2019-01-10", None,
     {("Quảng Bình", "bhyt_coverage_pct", "2018-12-31", 94.2),
      ("Quảng Bình", "bhyt_participants", "2018-12-31", 843_000.0),
      ("Tuyên Hóa", "bhyt_participants", "2018-12-31", 76_400.0)}),
    # a target's year that is the publication year ("Năm 2024, tỉnh phấn đấu …" printed in
    # April) is no date for the next sentence of its paragraph
    ("Tính đến hết quý I/2024, tỉnh Ninh Thuận có 550.000 người tham gia BHYT.\n\nNăm 2024, "
     "tỉnh phấn đấu đạt 95% dân số tham gia BHYT. Để đạt mục tiêu này, tỉnh còn phải phát "
     "triển thêm khoảng 22.000 người tham gia BHYT.", "2024-04-20", None,
     {("Ninh Thuận", "bhyt_participants", "2024-03-31", 550_000.0),
      ("Ninh Thuận", "bhyt_plan_coverage_pct", "2024-12-31", 95.0),
      ("Ninh Thuận", "bhyt_shortfall_participants", "2024-03-31", 22_000.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND3_CLASSES,
                         ids=[f"blind3_class_{i}" for i in range(len(BLIND3_CLASSES))])
def test_third_blind_set_classes(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected


def test_a_2025_ward_whose_name_other_provinces_share() -> None:
    """"phường Kim Liên" in 2026: the 2025 ward of Hà Nội (other provinces have a Kim
    Liên), not the legacy ward it was read as."""
    df = run("Tính đến 31/3/2026, phường Kim Liên (Hà Nội) có tỷ lệ bao phủ BHYT đạt "
             "96,4% dân số.", published="2026-04-10")
    assert (df["geo_level"].tolist(), df["boundaries"].tolist(),
            df["province_2025"].tolist()) == (["commune"], ["2025"], ["Hà Nội"])


def test_a_legacy_province_plan_for_2025_matches_its_gold_row() -> None:
    """A plan of Bắc Giang for 2025 printed before the merger is the legacy province's;
    the gold's "Bắc Giang" (31 December 2025) also names a 2025 ward: either matches."""
    cand = run("Theo kế hoạch UBND tỉnh Bắc Giang giao năm 2025, tỷ lệ bao phủ BHYT đạt "
               "95,5% dân số.", published="2025-05-20")
    gold = pd.DataFrame({"geo_name": ["Bắc Giang"], "indicator": ["bhyt_plan_coverage_pct"],
                         "as_of": ["2025-12-31"], "value": [95.5]})
    assert ex.score(gold, cand).f1 == 1.0


# Classes of the fourth blind set, each in our own wording.
BLIND4_CLASSES = [
    # a district office's bulletin: the district's name is shared by two provinces and
    # the province is named only further on, as the body that set the target ("UBND
    # tỉnh … giao"): the figures are the district's, the target too
    ("BHXH huyện Phú Tân báo cáo nhanh: đến 30/6/2023, toàn huyện Phú Tân có 98.120 "
     "người tham gia BHYT, tỷ lệ bao phủ 91,5% dân số, chưa đạt chỉ tiêu UBND tỉnh Cà Mau "
     "giao (93%).", "2023-07-05", None,
     {("Phú Tân", "bhyt_participants", "2023-06-30", 98_120.0),
      ("Phú Tân", "bhyt_coverage_pct", "2023-06-30", 91.5),
      ("Phú Tân", "bhyt_plan_coverage_pct", "2023-12-31", 93.0)}),
    # communes' rates listed bare after the district's coverage, under a heading line:
    # "Thị trấn A 93,6%; xã B 91,3%" (no verb, no scheme, a number after a name)
    ("Đến 31/5/2022, huyện Lục Ngạn (Bắc Giang) có tỷ lệ bao phủ BHYT 92,4% dân số.\n\n"
     "Tỷ lệ theo xã, thị trấn\nThị trấn Chũ 95,2%; xã Biển Động 90,8%.", "2022-06-10",
     None,
     {("Lục Ngạn", "bhyt_coverage_pct", "2022-05-31", 92.4),
      ("Chũ", "bhyt_coverage_pct", "2022-05-31", 95.2),
      ("Biển Động", "bhyt_coverage_pct", "2022-05-31", 90.8)}),
    # a region's rate is no unit's (nor the nation's); provinces ranked after the nation's
    # rate by bare name ("A đứng đầu với x%, tiếp đến B y%; C thấp nhất, z%") are coverage
    ("Hết năm 2021, tỷ lệ bao phủ BHYT của toàn vùng Đồng bằng sông Cửu Long đạt 90,1%, "
     "cao hơn bình quân cả nước (89,5%). Cần Thơ đứng đầu vùng với 93,4%, tiếp đến Hậu "
     "Giang 92,1%; Bạc Liêu thấp nhất, 85,2%.", "2022-01-20", None,
     {("Việt Nam", "bhyt_coverage_pct", "2021-12-31", 89.5),
      ("Cần Thơ", "bhyt_coverage_pct", "2021-12-31", 93.4),
      ("Hậu Giang", "bhyt_coverage_pct", "2021-12-31", 92.1),
      ("Bạc Liêu", "bhyt_coverage_pct", "2021-12-31", 85.2)}),
    # a 2025 special zone named with its kind ("đặc khu Côn Đảo") is that unit, not the
    # legacy district of the same name; a capitalised "Mới" ends a name ("xã Chợ Mới có")
    ("Theo BHXH tỉnh An Giang, đến hết tháng 10/2025, đặc khu Phú Quốc có tỷ lệ bao phủ "
     "BHYT 97,2% dân số. Về BHXH tự nguyện, xã Chợ Mới có 1.980 người tham gia.",
     "2025-11-10", None,
     {("Phú Quốc", "bhyt_coverage_pct", "2025-10-31", 97.2),
      ("Chợ Mới", "bhxh_voluntary_participants", "2025-10-31", 1_980.0)}),
    # "Trong đó, nhóm hộ gia đình có N người, giảm M người so với cùng kỳ" after a
    # sentence with a status and a target it is measured against: the household group's
    # count and its fall (no plan: the target comes after what is counted)
    ("Đến 30/9/2022, tỉnh Kon Tum có 510.400 người tham gia BHYT, thấp hơn chỉ tiêu HĐND "
     "tỉnh giao (96%). Trong đó, nhóm hộ gia đình có 71.250 người, giảm 3.120 người so với "
     "cùng kỳ.", "2022-10-12", None,
     {("Kon Tum", "bhyt_participants", "2022-09-30", 510_400.0),
      ("Kon Tum", "bhyt_plan_coverage_pct", "2022-12-31", 96.0),
      ("Kon Tum", "bhyt_household_participants", "2022-09-30", 71_250.0),
      ("Kon Tum", "bhyt_household_change_participants", "2022-09-30", -3_120.0)}),
    # a shortfall named after its count ("N người cần vận động tham gia"); a total after a
    # change ("tăng 200 người, nâng tổng số lên N người") is the stock
    ("Tính đến 31/3/2021, số người tham gia BHXH tự nguyện ở huyện Lục Yên (Yên Bái) "
     "tăng 200 người, nâng tổng số lên 1.450 người. Huyện còn khoảng 900 người cần vận "
     "động tham gia để đạt kế hoạch.", "2021-04-08", None,
     {("Lục Yên", "bhxh_voluntary_participants", "2021-03-31", 1_450.0),
      ("Lục Yên", "bhxh_voluntary_change_participants", "2021-03-31", 200.0),
      ("Lục Yên", "bhxh_voluntary_shortfall_participants", "2021-03-31", 900.0)}),
    # the scheme named once at the end of a list of places' counts is every item's, even
    # after a sentence about another scheme
    ("Đến 30/6/2021, tỉnh Hà Giang có 780.000 người tham gia BHYT. Nổi bật là Vị Xuyên "
     "phát triển mới 512 người, Bắc Quang 430 người tham gia BHXH tự nguyện.",
     "2021-07-09", None,
     {("Hà Giang", "bhyt_participants", "2021-06-30", 780_000.0),
      ("Vị Xuyên", "bhxh_voluntary_new_participants", "2021-06-30", 512.0),
      ("Bắc Quang", "bhxh_voluntary_new_participants", "2021-06-30", 430.0)}),
    # a sentence opened by a target's label ("Mục tiêu năm 2019, tỷ lệ … đạt x%") is a
    # target; a rate of several places (skipped) still names the scheme for a later rate
    # that names none ("độ bao phủ … chỉ 80,2%")
    ("Đến hết tháng 4/2019, tỉnh Nghệ An có 2.810.000 người tham gia BHYT. Mục tiêu năm "
     "2019, tỷ lệ bao phủ BHYT toàn tỉnh đạt 88%. Cũng đến hết tháng 4/2019, BHTN có "
     "180.500 người tham gia. Ở các huyện Kỳ Sơn, Tương Dương, tỷ lệ bao phủ BHYT đã trên "
     "97%. Ngược lại, thị xã Hoàng Mai có "
     "độ bao phủ thấp, chỉ 80,2%.", "2019-05-15", None,
     {("Nghệ An", "bhyt_participants", "2019-04-30", 2_810_000.0),
      ("Nghệ An", "bhtn_participants", "2019-04-30", 180_500.0),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2019-12-31", 88.0),
      ("Hoàng Mai", "bhyt_coverage_pct", "2019-04-30", 80.2)}),
    # a sentence opened by "Chỉ tiêu … giao năm Y là x%" after a coverage rate: the plan;
    # "trong khi huyện C đạt y%" after several districts' rate (skipped): C's coverage
    ("Tính đến 31/10, toàn tỉnh có 1.120.000 người tham gia BHYT, đạt 84,6% dân số. Chỉ "
     "tiêu Tỉnh giao năm 2018 là 86%.\n\nCác huyện Tiên Lữ, Phù Cừ có tỷ lệ bao phủ BHYT "
     "dưới 80%, trong khi huyện Văn Lâm đạt 88,4%.", "2018-11-20", "Hưng Yên",
     {("Hưng Yên", "bhyt_participants", "2018-10-31", 1_120_000.0),
      ("Hưng Yên", "bhyt_coverage_pct", "2018-10-31", 84.6),
      ("Hưng Yên", "bhyt_plan_coverage_pct", "2018-12-31", 86.0),
      ("Văn Lâm", "bhyt_coverage_pct", "2018-10-31", 88.4)}),
    # a plan listed as "…% lực lượng lao động trong độ tuổi, tham gia BHTN đạt y%": the
    # next scheme's plan of the same kind
    ("Năm 2024, Chính phủ giao chỉ tiêu: tỷ lệ tham gia BHXH đạt 42% lực lượng lao động "
     "trong độ tuổi, tham gia BHTN đạt 33,5%.", "2024-01-10", "Việt Nam",
     {("Việt Nam", "bhxh_plan_coverage_pct", "2024-12-31", 42.0),
      ("Việt Nam", "bhtn_plan_coverage_pct", "2024-12-31", 33.5)}),
    # a place ranked after the first ("B đứng thứ hai với N người") in a list of
    # participants; a month's target ("phấn đấu trong tháng phát triển thêm …") is no plan
    ("Đến 30/4/2019, thị xã Từ Sơn (Bắc Ninh) có nhiều lao động tham gia BHXH bắt buộc "
     "nhất với 61.200 người; huyện Yên Phong đứng thứ hai với 58.740 người. Tháng 5, "
     "BHXH tỉnh phấn đấu trong tháng phát triển thêm 300 người tham gia BHXH tự nguyện.",
     "2019-05-08", None,
     {("Từ Sơn", "bhxh_compulsory_participants", "2019-04-30", 61_200.0),
      ("Yên Phong", "bhxh_compulsory_participants", "2019-04-30", 58_740.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND4_CLASSES,
                         ids=[f"blind4_class_{i}" for i in range(len(BLIND4_CLASSES))])
def test_fourth_blind_set_classes(text, published, hint, expected) -> None:
    df = run(text, published=published, place_hint=hint)
    assert {(r.geo_name, r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} \
        == expected
    # a unit found in the registry, in the boundaries its date implies
    assert (df["geo_code"] != "").all()
    assert (df.loc[df["as_of"] >= "2025-07-01", "boundaries"] == "2025").all()
