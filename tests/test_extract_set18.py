"""``bhxh extract``: the classes an unseen set of district pages (set 18) misread (issue 15).

Each passage was written for these tests in our own wording (never a page's; places from
the registry, figures invented) and failed before the rule it pins was written
(``docs/extract.md``, "Set 18 classes"). Controls show where a rule must not fire. Each
expected reading carries the place's level: a district's figure is not its province's.
"""

from __future__ import annotations

import pytest
from test_extract import check_placed

# (text, published, place_hint, {(place, level, indicator, as_of, value)})
SET18_CLASSES = [
    # a district's counts by scheme, each with a bare "đạt X%" after the population
    # coverage of another scheme: each count's attainment of its plan
    ("Tính đến cuối tháng 8, huyện Long Mỹ có trên 88% dân số tham gia BHYT, tương đương "
     "khoảng 52.000 người; BHXH bắt buộc là 2.150 người, đạt 91%; BHXH tự nguyện là 870 "
     "người, đạt 62% và BHTN là 1.940 người, đạt 79%.", "2021-09-10", "Hậu Giang",
     {("Long Mỹ", "district", "bhyt_coverage_pct", "2021-08-31", 88.0),
      ("Long Mỹ", "district", "bhyt_participants", "2021-08-31", 52_000.0),
      ("Long Mỹ", "district", "bhxh_compulsory_participants", "2021-08-31", 2_150.0),
      ("Long Mỹ", "district", "bhxh_compulsory_attainment_pct", "2021-08-31", 91.0),
      ("Long Mỹ", "district", "bhxh_voluntary_participants", "2021-08-31", 870.0),
      ("Long Mỹ", "district", "bhxh_voluntary_attainment_pct", "2021-08-31", 62.0),
      ("Long Mỹ", "district", "bhtn_participants", "2021-08-31", 1_940.0),
      ("Long Mỹ", "district", "bhtn_attainment_pct", "2021-08-31", 79.0)}),
    # control: another scheme's rate that names its base is a coverage
    ("Tính đến ngày 30/6/2021, huyện Long Mỹ có 52.000 người tham gia BHYT, đạt 88,2% dân "
     "số; BHXH bắt buộc là 2.150 người, đạt 6,5% lực lượng lao động.", "2021-07-10",
     "Hậu Giang",
     {("Long Mỹ", "district", "bhyt_participants", "2021-06-30", 52_000.0),
      ("Long Mỹ", "district", "bhyt_coverage_pct", "2021-06-30", 88.2),
      ("Long Mỹ", "district", "bhxh_compulsory_participants", "2021-06-30", 2_150.0),
      ("Long Mỹ", "district", "bhxh_compulsory_coverage_pct", "2021-06-30", 6.5)}),
    # a headline's rate with no place of its own over a district's report: the body's
    # district figure it rounds, not the outlet's province's
    ("Gần 92% người dân có thẻ BHYT\nHuyện Định Quán vừa tổng kết công tác BHYT năm 2022.\n"
     "Trong năm 2022, huyện có thêm khoảng 3.100 người tham gia BHYT. Đến hết năm 2022, tỷ "
     "lệ người dân tham gia BHYT của huyện đạt 91,6%.", None, "Đồng Nai",
     {("Định Quán", "district", "bhyt_change_participants", "2022-12-31", 3_100.0),
      ("Định Quán", "district", "bhyt_coverage_pct", "2022-12-31", 91.6)}),
    # control: a headline's rate the district's figure does not round stays the province's
    ("Hơn 90% người dân có thẻ BHYT\nĐến hết năm 2022, tỷ lệ người dân tham gia BHYT của "
     "huyện Định Quán đạt 93,5%.", None, "Đồng Nai",
     {("Đồng Nai", "province", "bhyt_coverage_pct", "2022-12-31", 90.0),
      ("Định Quán", "district", "bhyt_coverage_pct", "2022-12-31", 93.5)}),
    # a headline naming a district bare beside a visiting team ("đoàn khảo sát"): no
    # survey, so the district stays the place of the bare "huyện" below
    ("Tháp Mười – Làm việc với đoàn khảo sát của tỉnh\nNgày 12/10/2021, UBND huyện tiếp "
     "đoàn khảo sát về các chỉ tiêu BHYT năm 2021 của huyện.\nTheo báo cáo, tính đến tháng "
     "9 năm 2021 tỷ lệ người dân tham gia BHYT đạt trên 88%.", None, "Đồng Tháp",
     {("Tháp Mười", "district", "bhyt_coverage_pct", "2021-09-30", 88.0)}),
    # control: a survey's sites are still no place in play
    ("Một cuộc khảo sát tại huyện Tháp Mười cho thấy người dân quan tâm đến BHYT.\nTính "
     "đến ngày 30/9/2021, tỷ lệ bao phủ BHYT toàn tỉnh đạt 89,4%.", None, "Đồng Tháp",
     {("Đồng Tháp", "province", "bhyt_coverage_pct", "2021-09-30", 89.4)}),
    # an aim list of a named year going on over the sentence end: the later rate of its
    # paragraph, with no result or date of its own, is that year's plan too
    ("Huyện Núi Thành ra quân tháng vận động BHXH\nNăm 2023, huyện Núi Thành phấn đấu có "
     "khoảng 40% lực lượng lao động trong độ tuổi tham gia BHXH; 32% lực lượng lao động "
     "trong độ tuổi tham gia BHTN. Hoàn thành các chỉ tiêu thu và giảm nợ đóng. Tỷ lệ bao "
     "phủ BHYT đạt trên 98% dân số.", None, "Quảng Nam",
     {("Núi Thành", "district", "bhxh_plan_coverage_pct", "2023-12-31", 40.0),
      ("Núi Thành", "district", "bhtn_plan_coverage_pct", "2023-12-31", 32.0),
      ("Núi Thành", "district", "bhyt_plan_coverage_pct", "2023-12-31", 98.0)}),
    # control: a sentence stating where things stand now is a result
    ("Huyện Núi Thành ra quân tháng vận động BHXH\nNăm 2023, huyện Núi Thành phấn đấu có "
     "khoảng 40% lực lượng lao động trong độ tuổi tham gia BHXH; 32% lực lượng lao động "
     "trong độ tuổi tham gia BHTN. Đến nay, tỷ lệ bao phủ BHYT của huyện đạt 96,2% dân "
     "số.", "2023-05-20", "Quảng Nam",
     {("Núi Thành", "district", "bhxh_plan_coverage_pct", "2023-12-31", 40.0),
      ("Núi Thành", "district", "bhtn_plan_coverage_pct", "2023-12-31", 32.0),
      ("Núi Thành", "district", "bhyt_coverage_pct", "2023-05-20", 96.2)}),
    # a count after "phấn đấu" (here misprinted "phán đấu") with no result between: the
    # aim's participants, not a stock at the horizon's end
    ("Nghệ An phán đấu đến hết năm 2023, có 98.000 người tham gia BHXH tự nguyện\nĐến nay, "
     "toàn tỉnh mới có 71.000 người tham gia BHXH tự nguyện.", "2023-06-10", "Nghệ An",
     {("Nghệ An", "province", "bhxh_voluntary_plan_participants", "2023-12-31", 98_000.0),
      ("Nghệ An", "province", "bhxh_voluntary_participants", "2023-06-10", 71_000.0)}),
    # controls: the effort behind a result, and a status after the aim, are stocks
    ("Nhờ nỗ lực phấn đấu, đến hết năm 2022 toàn tỉnh Nghệ An có 95.000 người tham gia "
     "BHXH tự nguyện.", "2023-06-10", None,
     {("Nghệ An", "province", "bhxh_voluntary_participants", "2022-12-31", 95_000.0)}),
    ("Năm 2023, Nghệ An phấn đấu phát triển BHXH tự nguyện, đến nay toàn tỉnh có 71.000 "
     "người tham gia BHXH tự nguyện.", "2023-06-10", None,
     {("Nghệ An", "province", "bhxh_voluntary_participants", "2023-06-10", 71_000.0)}),
    # a statistics office's table printed cell by cell: each row's code ("Mã số") on the
    # line after its label is no count, even under a participants label
    ("Biểu 48. Số người tham gia bảo hiểm của thành phố\n|||\nĐơn vị tính: Người |\n|||\n"
     "Chỉ tiêu |\nMã số |\nSố người |\n|\n1. Số người hưởng BHXH hàng tháng |\n01 |\n"
     "98.240 |\n|\n2. Số người nhận thẻ bảo hiểm y tế trong năm |\n02 |\n||\n3. Số người "
     "tham gia bảo hiểm thất nghiệp |\n03 |\n||\n", None, "Hải Phòng", set()),
]


@pytest.mark.parametrize(("text", "published", "hint", "expected"), SET18_CLASSES)
def test_set18_class(text: str, published: str | None, hint: str | None,
                     expected: set[tuple]) -> None:
    check_placed(text, published, hint, expected)
