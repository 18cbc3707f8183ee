"""``bhxh extract``: five more classes of text (issue 15, twelfth round).

Each class was described in words (one from a real page, one from the seed articles,
three left over from the eleventh round), then written here as passages in our own
wording (places from the registry, figures invented), and the rules changed so they pass
(``docs/extract.md``, "Twelfth round"). Each expected reading carries the place's level.
Controls show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_placed

# (text, published, place_hint, {(place, level, indicator, as_of, value)})
SET21_CLASSES = [
    # 1. "% dân số năm 2016", "% lực lượng lao động … năm 2016", "so với dân số năm 2016"
    # name the base of a rate; the figures take the sentence's own status date: today
    # ("Đến thời điểm này", "Hiện nay", "Hiện,") — the publication day, none on a page
    # without one — or the date it prints
    ("BHXH tỉnh Quảng Nam nỗ lực mở rộng diện bao phủ\n\nĐến thời điểm này, toàn tỉnh "
     "Quảng Nam có 1.350.000 người tham gia BHYT, tỷ lệ bao phủ đạt 91,5% dân số năm "
     "2016.", None, None,
     {("Quảng Nam", "province", "bhyt_participants", "", 1_350_000.0),
      ("Quảng Nam", "province", "bhyt_coverage_pct", "", 91.5)}),
    ("BHXH tỉnh Quảng Nam nỗ lực mở rộng diện bao phủ\n\nĐến thời điểm này, toàn tỉnh "
     "Quảng Nam có 1.350.000 người tham gia BHYT, tỷ lệ bao phủ đạt 91,5% dân số năm "
     "2016.", "2017-10-31", None,
     {("Quảng Nam", "province", "bhyt_participants", "2017-10-31", 1_350_000.0),
      ("Quảng Nam", "province", "bhyt_coverage_pct", "2017-10-31", 91.5)}),
    ("Hiện, tỉnh Hà Tĩnh có 1.150.000 người có thẻ BHYT, đạt 89,2% dân số năm 2016.",
     "2017-10-31", None,
     {("Hà Tĩnh", "province", "bhyt_participants", "2017-10-31", 1_150_000.0),
      ("Hà Tĩnh", "province", "bhyt_coverage_pct", "2017-10-31", 89.2)}),
    ("Hiện nay, số người tham gia BHXH bắt buộc của tỉnh Nghệ An là 95.000 người, bằng "
     "5,1% lực lượng lao động trong độ tuổi năm 2016.", None, None,
     {("Nghệ An", "province", "bhxh_compulsory_participants", "", 95_000.0),
      ("Nghệ An", "province", "bhxh_compulsory_coverage_pct", "", 5.1)}),
    ("Tính đến ngày 30/9/2017, tỉnh Kon Tum có 460.000 người tham gia BHYT, chiếm 88,1% so "
     "với dân số năm 2016.", None, None,
     {("Kon Tum", "province", "bhyt_participants", "2017-09-30", 460_000.0),
      ("Kon Tum", "province", "bhyt_coverage_pct", "2017-09-30", 88.1)}),
    # control: with no status of its own, a year printed after the rate is its own
    ("Tỷ lệ bao phủ BHYT của tỉnh Kon Tum đạt 87,2% dân số năm 2016.", "2017-10-31", None,
     {("Kon Tum", "province", "bhyt_coverage_pct", "2016-12-31", 87.2)}),
    # 2. (the seeds) a target's bare "phát triển N người tham gia" is the total to reach,
    # not new participants ("phát triển mới/thêm" are)
    ("Chỉ tiêu BHXH Việt Nam giao cho tỉnh Hà Giang năm 2021 là phát triển trên 21.000 "
     "người tham gia BHXH tự nguyện.", "2021-03-10", None,
     {("Hà Giang", "province", "bhxh_voluntary_plan_participants", "2021-12-31",
       21_000.0)}),
    ("Năm 2024, huyện Lục Ngạn phấn đấu phát triển 6.500 người tham gia BHXH tự nguyện.",
     "2024-02-10", "Bắc Giang",
     {("Lục Ngạn", "district", "bhxh_voluntary_plan_participants", "2024-12-31",
       6_500.0)}),
    ("Kế hoạch năm 2022 của tỉnh Kon Tum là phát triển 9.800 người tham gia BHXH tự nguyện "
     "và 530.000 người tham gia BHYT.", "2022-02-10", None,
     {("Kon Tum", "province", "bhxh_voluntary_plan_participants", "2022-12-31", 9_800.0),
      ("Kon Tum", "province", "bhyt_plan_participants", "2022-12-31", 530_000.0)}),
    # controls: "phát triển mới/thêm" in a target; "phát triển" in a result
    ("Năm 2024, huyện Lục Ngạn phấn đấu phát triển mới 1.500 người tham gia BHXH tự "
     "nguyện, phát triển thêm 4.200 người tham gia BHYT.", "2024-02-10", "Bắc Giang",
     {("Lục Ngạn", "district", "bhxh_voluntary_plan_new_participants", "2024-12-31",
       1_500.0),
      ("Lục Ngạn", "district", "bhyt_plan_new_participants", "2024-12-31", 4_200.0)}),
    ("Sáu tháng đầu năm 2024, huyện Lục Ngạn phát triển 1.340 người tham gia BHXH tự "
     "nguyện.", "2024-07-10", "Bắc Giang",
     {("Lục Ngạn", "district", "bhxh_voluntary_new_participants", "2024-06-30", 1_340.0)}),
    # 3. "Năm 2015, tỷ lệ này mới đạt X%" after a target's rate: the same rate (scheme,
    # base, place) as a result of that year
    ("Theo kế hoạch, đến năm 2020 tỉnh Đồng Tháp phấn đấu có 80% dân số tham gia BHYT. "
     "Năm 2015, tỷ lệ này mới đạt 68,4%.", None, None,
     {("Đồng Tháp", "province", "bhyt_plan_coverage_pct", "2020-12-31", 80.0),
      ("Đồng Tháp", "province", "bhyt_coverage_pct", "2015-12-31", 68.4)}),
    ("Tỉnh Vĩnh Long đặt mục tiêu đến năm 2020 có 25% lực lượng lao động tham gia BHXH. "
     "Năm 2015, tỷ lệ này mới đạt 12,3%.", "2016-05-10", None,
     {("Vĩnh Long", "province", "bhxh_plan_coverage_pct", "2020-12-31", 25.0),
      ("Vĩnh Long", "province", "bhxh_coverage_pct", "2015-12-31", 12.3)}),
    ("Theo kế hoạch, năm 2016 tỉnh Đồng Tháp phấn đấu có 76% dân số tham gia BHYT; năm "
     "2015, tỷ lệ này chỉ đạt 68,4%.", "2016-03-01", None,
     {("Đồng Tháp", "province", "bhyt_plan_coverage_pct", "2016-12-31", 76.0),
      ("Đồng Tháp", "province", "bhyt_coverage_pct", "2015-12-31", 68.4)}),
    ("Huyện Cư Jút phấn đấu đến năm 2025 có 95% dân số tham gia BHYT.\n\nNăm 2015, tỷ lệ "
     "này mới đạt 71,2%.", None, "Đắk Nông",
     {("Cư Jút", "district", "bhyt_plan_coverage_pct", "2025-12-31", 95.0),
      ("Cư Jút", "district", "bhyt_coverage_pct", "2015-12-31", 71.2)}),
    # a later year the clause aims at is a target of that year; control: a rate that
    # names its own scheme is read as it is named
    ("Năm 2016, tỷ lệ bao phủ BHYT của tỉnh Đồng Tháp đạt 72,4% dân số. Năm 2020, tỷ lệ "
     "này phấn đấu đạt 80%.", "2017-01-10", None,
     {("Đồng Tháp", "province", "bhyt_coverage_pct", "2016-12-31", 72.4),
      ("Đồng Tháp", "province", "bhyt_plan_coverage_pct", "2020-12-31", 80.0)}),
    ("Tỉnh Vĩnh Long đặt mục tiêu đến năm 2020 có 25% lực lượng lao động tham gia BHXH. "
     "Năm 2015, tỷ lệ tham gia BHTN mới đạt 9,6%.", "2016-05-10", None,
     {("Vĩnh Long", "province", "bhxh_plan_coverage_pct", "2020-12-31", 25.0),
      ("Vĩnh Long", "province", "bhtn_coverage_pct", "2015-12-31", 9.6)}),
    # 4. a list's lead naming a district and ending in a colon: the items are the
    # district's (not the province's of the outlet or of the page)
    ("Kết quả của huyện Phú Ninh như sau:\n- BHXH bắt buộc: 5.400 người.\n- BHXH tự "
     "nguyện: 2.150 người.\n- Tỷ lệ bao phủ BHYT: 95,2% dân số.", "2024-01-15",
     "Quảng Nam",
     {("Phú Ninh", "district", "bhxh_compulsory_participants", "2024-01-15", 5_400.0),
      ("Phú Ninh", "district", "bhxh_voluntary_participants", "2024-01-15", 2_150.0),
      ("Phú Ninh", "district", "bhyt_coverage_pct", "2024-01-15", 95.2)}),
    ("Năm 2023, tình hình tham gia BHXH trên địa bàn huyện Phú Ninh như sau:\n- Số người "
     "tham gia BHXH bắt buộc là 5.400 người;\n- Số người tham gia BHXH tự nguyện là 2.150 "
     "người.", "2024-01-15", "Quảng Nam",
     {("Phú Ninh", "district", "bhxh_compulsory_participants", "2023-12-31", 5_400.0),
      ("Phú Ninh", "district", "bhxh_voluntary_participants", "2023-12-31", 2_150.0)}),
    ("Tỉnh Hà Tĩnh có 1.180.000 người tham gia BHYT.\n\nRiêng kết quả của huyện Hương Khê "
     "cụ thể:\n+ BHXH bắt buộc: 5.820 người;\n+ BHXH tự nguyện: 3.150 người.\n\nToàn tỉnh "
     "có 40.200 người tham gia BHXH tự nguyện.", "2024-01-15", None,
     {("Hà Tĩnh", "province", "bhyt_participants", "2024-01-15", 1_180_000.0),
      ("Hương Khê", "district", "bhxh_compulsory_participants", "2024-01-15", 5_820.0),
      ("Hương Khê", "district", "bhxh_voluntary_participants", "2024-01-15", 3_150.0),
      ("Hà Tĩnh", "province", "bhxh_voluntary_participants", "2024-01-15", 40_200.0)}),
    # control: after the list, a sentence naming no place is the page's province again
    ("Tỉnh Quảng Nam có 1.400.000 người tham gia BHYT.\n\nKết quả của huyện Phú Ninh như "
     "sau:\n1. BHXH bắt buộc: 5.400 người.\n2. BHXH tự nguyện: 2.150 người.\n\nSố người "
     "tham gia BHTN là 98.000 người.", "2024-01-15", None,
     {("Quảng Nam", "province", "bhyt_participants", "2024-01-15", 1_400_000.0),
      ("Phú Ninh", "district", "bhxh_compulsory_participants", "2024-01-15", 5_400.0),
      ("Phú Ninh", "district", "bhxh_voluntary_participants", "2024-01-15", 2_150.0),
      ("Quảng Nam", "province", "bhtn_participants", "2024-01-15", 98_000.0)}),
    # 5. "giảm/tăng mạnh với N người so với …": a change (negative for a fall)
    ("Năm 2024, số người tham gia BHXH bắt buộc của huyện Phú Ninh giảm mạnh với 3.030 "
     "người so với năm 2023.", "2025-01-15", "Quảng Nam",
     {("Phú Ninh", "district", "bhxh_compulsory_change_participants", "2024-12-31",
       -3_030.0)}),
    ("Đến hết tháng 9/2024, BHXH bắt buộc trên địa bàn huyện Hương Khê giảm mạnh với 1.240 "
     "người so với cùng kỳ năm trước, chỉ còn 5.820 người.", "2024-10-15", "Hà Tĩnh",
     {("Hương Khê", "district", "bhxh_compulsory_change_participants", "2024-09-30",
       -1_240.0),
      ("Hương Khê", "district", "bhxh_compulsory_participants", "2024-09-30", 5_820.0)}),
    ("Số người tham gia BHYT của tỉnh Kon Tum giảm đáng kể, với 12.500 người so với cuối "
     "năm 2023.", "2024-07-15", None,
     {("Kon Tum", "province", "bhyt_change_participants", "2024-07-15", -12_500.0)}),
    ("Số người tham gia BHXH tự nguyện của tỉnh Kon Tum tăng mạnh với 2.100 người so với "
     "cuối năm 2023.", "2024-07-15", None,
     {("Kon Tum", "province", "bhxh_voluntary_change_participants", "2024-07-15",
       2_100.0)}),
    # controls: with no comparison the count may be the level reached; what is left
    ("Năm 2024, số người tham gia BHXH tự nguyện của huyện Phú Ninh tăng mạnh với 2.150 "
     "người tham gia.", "2025-01-15", "Quảng Nam",
     {("Phú Ninh", "district", "bhxh_voluntary_participants", "2024-12-31", 2_150.0)}),
    ("Năm 2024, số người tham gia BHXH bắt buộc của huyện Phú Ninh giảm mạnh, chỉ còn 5.400 "
     "người.", "2025-01-15", "Quảng Nam",
     {("Phú Ninh", "district", "bhxh_compulsory_participants", "2024-12-31", 5_400.0)}),
]


@pytest.mark.parametrize(("text", "published", "hint", "expected"), SET21_CLASSES)
def test_set21_class(text: str, published: str | None, hint: str | None,
                     expected: set[tuple]) -> None:
    check_placed(text, published, hint, expected)
