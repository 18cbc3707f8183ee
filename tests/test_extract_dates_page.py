"""``bhxh extract``: the year of pages that print no publication date (issue 15).

Each passage was written for these tests in our own wording (never a page's; places and
figures invented) and, unless marked a control, failed before
:func:`bhxh_analysis.extract.dates_page.page_year` was written (``docs/extract.md``,
"Eighth round: dates of undated pages"). No ``published`` is passed: the year of "hết
tháng 9", "quý III" or "đầu tháng 7" must come from the page's own text, or stay unknown.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

from bhxh_analysis.extract.dates_page import page_year

UNDATED_PAGES = [
    # a year printed beside a quarter ("quý III/2021") is the page's year, not the year
    # of the comparison ("cùng kỳ năm 2020")
    ("Hết quý III/2021, tỉnh Hà Nam có 85.300 người tham gia BHXH bắt buộc, tăng 2.100 "
     "người so với cùng kỳ năm 2020.\n\nTrong quý III, số người tham gia BHYT của tỉnh Hà "
     "Nam là 790.000 người.", None, None,
     {("Hà Nam", "bhxh_compulsory_participants", "2021-09-30", 85_300.0),
      ("Hà Nam", "bhxh_compulsory_change_participants", "2021-09-30", 2_100.0),
      ("Hà Nam", "bhyt_participants", "2021-09-30", 790_000.0)}),
    # likewise beside a month ("tháng 9/2020"), with "so với năm 2019" later
    ("Tính đến cuối tháng 9/2020, tỉnh Sơn La có 48.700 người tham gia BHTN.\n\nRiêng "
     "BHYT, đến hết tháng 9, toàn tỉnh có 1,19 triệu người tham gia, giảm 6.300 người so "
     "với năm 2019.", None, None,
     {("Sơn La", "bhtn_participants", "2020-09-30", 48_700.0),
      ("Sơn La", "bhyt_participants", "2020-09-30", 1_190_000.0),
      ("Sơn La", "bhyt_change_participants", "2020-09-30", -6_300.0)}),
    # only a compared year printed: the page is of the year after it
    ("Tính đến cuối tháng 8, BHXH tỉnh Hòa Bình cho biết toàn tỉnh có 61.250 người tham gia "
     "BHXH bắt buộc, tăng 3.400 người so với cùng kỳ năm 2019.", None, None,
     {("Hoà Bình", "bhxh_compulsory_participants", "2020-08-31", 61_250.0),
      ("Hoà Bình", "bhxh_compulsory_change_participants", "2020-08-31", 3_400.0)}),
    # "Năm 2023, tỉnh phấn đấu …" names the next year's target: the year-end stock is of
    # the year the page reviews (2022), the target keeps its own year
    ("Năm 2022 sắp kết thúc với nhiều kết quả tích cực. Ước đến hết năm, tỉnh Yên Bái có "
     "760.500 người tham gia BHYT.\n\nNăm 2023, tỉnh phấn đấu tăng thêm 9.000 người tham "
     "gia BHXH tự nguyện.", None, None,
     {("Yên Bái", "bhyt_participants", "2022-12-31", 760_500.0),
      ("Yên Bái", "bhxh_voluntary_plan_new_participants", "2023-12-31", 9_000.0)}),
    # a target's horizon is no year of a status: "cuối tháng 9" stays undated
    ("Đến cuối tháng 9, huyện Mù Cang Chải có 62.000 người tham gia BHYT. Mục tiêu đến năm "
     "2025, tỷ lệ bao phủ BHYT của tỉnh Yên Bái đạt 95%.", None, None,
     {("Mù Căng Chải", "bhyt_participants", "", 62_000.0),
      ("Yên Bái", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # nor is a period's range ("giai đoạn 2021-2025")
    ("Đến hết tháng 6, tỉnh Hậu Giang có 650.100 người tham gia BHYT. Tỉnh đang thực hiện "
     "kế hoạch phát triển người tham gia BHXH giai đoạn 2021-2025.", None, None,
     {("Hậu Giang", "bhyt_participants", "", 650_100.0)}),
    # control: the date a decision was signed ("ngày 5-12-2020") is no status date; the
    # plan of the year under way (2021) dates "đầu tháng 8"
    ("Tính đến đầu tháng 8, tỉnh Ninh Bình có 880.000 người tham gia BHYT, đạt 98,5% chỉ "
     "tiêu BHYT năm 2021 do UBND tỉnh giao tại Quyết định 512/QĐ-UBND ngày 5-12-2020.",
     None, None,
     {("Ninh Bình", "bhyt_participants", "2021-08-01", 880_000.0),
      ("Ninh Bình", "bhyt_attainment_pct", "2021-08-01", 98.5)}),
    # control: a plan's year is the year under way when nothing else is printed
    ("Tính đến đầu tháng 7, tỉnh Quảng Trị có 570.300 người tham gia BHYT, đạt 97,4% chỉ "
     "tiêu năm 2019.", None, None,
     {("Quảng Trị", "bhyt_participants", "2019-07-01", 570_300.0),
      ("Quảng Trị", "bhyt_attainment_pct", "2019-07-01", 97.4)}),
    # control: a publication date still gives the year
    ("Tính đến cuối tháng 10, tỉnh Hà Nam có 86.000 người tham gia BHXH bắt buộc, tăng "
     "1.200 người so với cùng kỳ năm 2023.", "2024-11-10", None,
     {("Hà Nam", "bhxh_compulsory_participants", "2024-10-31", 86_000.0),
      ("Hà Nam", "bhxh_compulsory_change_participants", "2024-10-31", 1_200.0)}),
    # control: a target's date ("đến 31/12/2025") does not move the page's year
    ("Tính đến 30/9/2024, tỉnh Bắc Giang có 1,73 triệu người tham gia BHYT. Phấn đấu đến "
     "31/12/2025 toàn tỉnh có 1,8 triệu người tham gia BHYT.\n\nTrong quý III, số người "
     "tham gia BHTN là 240.100 người.", None, None,
     {("Bắc Giang", "bhyt_participants", "2024-09-30", 1_730_000.0),
      ("Bắc Giang", "bhyt_plan_participants", "2025-12-31", 1_800_000.0),
      ("Bắc Giang", "bhtn_participants", "2024-09-30", 240_100.0)}),
    # a plan printed as the yardstick of a dated status ("thấp hơn so với chỉ tiêu … giao
    # (94%)") is that status's year's plan, not the headline's next-year plan
    ("HĐND tỉnh Cao Bằng thông qua chỉ tiêu BHYT năm 2024\n\nBáo cáo cho biết, tính đến "
     "30/9/2023, toàn tỉnh có 512.000 người tham gia BHYT, đạt 92,1% dân số, thấp hơn so "
     "với chỉ tiêu HĐND tỉnh giao (94%). Năm 2024, tỉnh phấn đấu tỷ lệ bao phủ BHYT đạt "
     "95%.", "2023-11-20", None,
     {("Cao Bằng", "bhyt_participants", "2023-09-30", 512_000.0),
      ("Cao Bằng", "bhyt_coverage_pct", "2023-09-30", 92.1),
      ("Cao Bằng", "bhyt_plan_coverage_pct", "2023-12-31", 94.0),
      ("Cao Bằng", "bhyt_plan_coverage_pct", "2024-12-31", 95.0)}),
    # control: a plan given at the meeting, measured against nothing, is the headline's
    ("HĐND tỉnh Cao Bằng thông qua chỉ tiêu BHYT năm 2024\n\nTính đến 30/9/2023, toàn "
     "tỉnh có 512.000 người tham gia BHYT. Tại kỳ họp, HĐND tỉnh giao chỉ tiêu tỷ lệ bao "
     "phủ BHYT đạt 95%.", "2023-11-20", None,
     {("Cao Bằng", "bhyt_participants", "2023-09-30", 512_000.0),
      ("Cao Bằng", "bhyt_plan_coverage_pct", "2024-12-31", 95.0)}),
    # "cùng thời điểm năm 2020" is a comparison like "cùng kỳ": its year is neither the
    # page's nor the stock's, and the figure in parentheses is that earlier date's
    ("Đến hết tháng 7, tỉnh Bạc Liêu có 21.400 người tham gia BHXH tự nguyện, tăng 2.600 "
     "người so với cùng thời điểm năm 2020 (18.800 người).", None, None,
     {("Bạc Liêu", "bhxh_voluntary_participants", "2021-07-31", 21_400.0),
      ("Bạc Liêu", "bhxh_voluntary_change_participants", "2021-07-31", 2_600.0),
      ("Bạc Liêu", "bhxh_voluntary_participants", "2020-07-31", 18_800.0)}),
    # the nearest year of the date's own sentence ("Năm 2022, … cuối tháng 12") wins over
    # the page's year (2023, from "quý I/2023")
    ("Năm 2022, BHXH tỉnh Lạng Sơn đạt nhiều kết quả: tính đến cuối tháng 12, toàn tỉnh có "
     "730.000 người tham gia BHYT.\n\nHết quý I/2023, số người tham gia BHXH tự nguyện của "
     "tỉnh là 19.500 người.", None, None,
     {("Lạng Sơn", "bhyt_participants", "2022-12-31", 730_000.0),
      ("Lạng Sơn", "bhxh_voluntary_participants", "2023-03-31", 19_500.0)}),
    # control: a compared year before the date is not its year (the page's year is the
    # year after it)
    ("So với cùng kỳ năm 2023, đến hết tháng 6, tỉnh Lạng Sơn có 731.000 người tham gia "
     "BHYT, tăng 6.000 người.", None, None,
     {("Lạng Sơn", "bhyt_participants", "2024-06-30", 731_000.0),
      ("Lạng Sơn", "bhyt_change_participants", "2024-06-30", 6_000.0)}),
    # controls (published pages, unchanged): next year's plan on a December page; a day
    # printed in January without its year is last year's; a plan of the status's year
    ("Tính đến 30/11/2024, tỉnh Tây Ninh có 1,05 triệu người tham gia BHYT. HĐND tỉnh giao "
     "chỉ tiêu năm 2025 tỷ lệ bao phủ BHYT đạt 96%.", "2024-12-12", None,
     {("Tây Ninh", "bhyt_participants", "2024-11-30", 1_050_000.0),
      ("Tây Ninh", "bhyt_plan_coverage_pct", "2025-12-31", 96.0)}),
    ("Tính đến ngày 15/11, tỉnh Trà Vinh có 940.700 người tham gia BHYT.", "2025-01-08", None,
     {("Trà Vinh", "bhyt_participants", "2024-11-15", 940_700.0)}),
    ("Tính đến 30/9/2024, tỉnh Kon Tum có 520.000 người tham gia BHYT, đạt 95% kế hoạch năm "
     "2024.", None, None,
     {("Kon Tum", "bhyt_participants", "2024-09-30", 520_000.0),
      ("Kon Tum", "bhyt_attainment_pct", "2024-09-30", 95.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", UNDATED_PAGES,
                         ids=[f"undated_{i}" for i in range(len(UNDATED_PAGES))])
def test_undated_pages(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)


@pytest.mark.parametrize("text,year", [
    ("Tính đến hết tháng 11/2016, tỉnh có 900 người. Năm 2017, tỉnh phấn đấu đạt 95%.", 2016),
    ("Giai đoạn 2021-2025, tỉnh phấn đấu đạt 95%. Mục tiêu đến năm 2030 là 100%.", None),
    ("Tỷ lệ bao phủ BHYT năm 2018 đạt 90%; kế hoạch năm 2019 là 92%.", 2018),
    ("Không có năm nào.", None),
    # a compared year is a lower bound: a later plain year wins
    ("Với nhiều nỗ lực, năm 2022 tỉnh có 900 người, gấp 2 lần so với năm 2020.", 2022),
    # "năm 2020 ước có …" inside a sentence is no opening "Năm 2020, …": its clause only
    ("Báo cáo cho biết, năm 2020 ước có 500 người, vượt chỉ tiêu Nghị quyết. HĐND thông qua "
     "chỉ tiêu năm 2021.", 2020),
])
def test_page_year(text, year) -> None:
    assert page_year(text) == year
