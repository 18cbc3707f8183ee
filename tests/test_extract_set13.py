"""``bhxh extract``: the classes of real-page set 13 (issue 15).

Each passage was written for these tests in our own wording (never a page's) and failed
before the rule it pins was written (``docs/extract.md``, "Sixth round: set 13"). Controls
show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

SET13_CLASSES = [
    # a provincial outlet's year review: a district named once, in a caption that reads no
    # figure, does not take over the figures of the province (the outlet's, --place-hint)
    ("Năm 2020, số người tham gia BHYT tăng\nCán bộ hướng dẫn người dân kê khai tại bộ "
     "phận một cửa của BHXH huyện Kim Bảng.\n\nTham gia BHXH bắt buộc có 98.120 người, đạt "
     "101% kế hoạch UBND tỉnh giao. Tổng số người tham gia BHYT là 731.400 người, tăng "
     "12.300 người so với năm 2019.", "2021-01-08", "Hà Nam",
     {("Hà Nam", "bhxh_compulsory_participants", "2020-12-31", 98_120.0),
      ("Hà Nam", "bhxh_compulsory_attainment_pct", "2020-12-31", 101.0),
      ("Hà Nam", "bhyt_participants", "2020-12-31", 731_400.0),
      ("Hà Nam", "bhyt_change_participants", "2020-12-31", 12_300.0)}),
    # control: a district named in a sentence of its own that is then the subject of the
    # figures ("toàn huyện") keeps them
    ("Năm 2020, số người tham gia BHYT tăng\nBHXH huyện Kim Bảng vừa tổng kết công tác "
     "năm.\n\nNăm 2020, toàn huyện có 61.200 người tham gia BHYT, tăng 1.300 người so với "
     "năm 2019.", "2021-01-08", "Hà Nam",
     {("Kim Bảng", "bhyt_participants", "2020-12-31", 61_200.0),
      ("Kim Bảng", "bhyt_change_participants", "2020-12-31", 1_300.0)}),
    # "TP.HCM", "TPHCM": the city, whose page keeps it for figures whose sentence names no
    # other place (not the nation because the Prime Minister set the plan: "kế hoạch Thủ
    # tướng giao" is the plan given to the city); "Để đạt kế hoạch …, từ nay đến cuối năm
    # phải có N người": what is still needed at the status date, not the plan
    ("TP.HCM: vẫn còn nhiều người chưa có BHYT\n\nĐến cuối tháng 4-2018, TP.HCM có 6,71 "
     "triệu người tham gia BHYT, đạt 80,3% dân số. Để đạt kế hoạch Thủ tướng giao (82%), "
     "từ nay đến cuối năm phải có 98.200 người tham gia BHYT.", "2018-05-20", None,
     {("Hồ Chí Minh", "bhyt_participants", "2018-04-30", 6_710_000.0),
      ("Hồ Chí Minh", "bhyt_coverage_pct", "2018-04-30", 80.3),
      ("Hồ Chí Minh", "bhyt_plan_coverage_pct", "2018-12-31", 82.0),
      ("Hồ Chí Minh", "bhyt_shortfall_participants", "2018-04-30", 98_200.0)}),
    ("Theo BHXH TPHCM, năm 2025 độ bao phủ BHYT trên địa bàn thành phố được mở rộng. Đến "
     "31/12/2025, số người tham gia BHYT trên địa bàn thành phố là 12,7 triệu người.",
     "2026-01-15", None,
     {("Hồ Chí Minh", "bhyt_participants", "2025-12-31", 12_700_000.0)}),
    # a decision's targets for the year: "Theo đó(,) chỉ tiêu được UBND tỉnh giao, đến cuối
    # năm Y đạt N người …" are plans of Y, not participants
    ("UBND tỉnh Gia Lai giao chỉ tiêu phát triển người tham gia BHXH, BHYT năm 2022 cho "
     "các huyện\n\nUBND tỉnh Gia Lai vừa ban hành quyết định giao chỉ tiêu năm 2022 cho các "
     "huyện. Theo đó chỉ tiêu được UBND tỉnh giao, đến cuối năm 2022 đạt 41.200 người tham "
     "gia BHXH bắt buộc, 12.800 người tham gia BHXH tự nguyện và 1.310.000 người tham gia "
     "BHYT.", "2022-04-02", None,
     {("Gia Lai", "bhxh_compulsory_plan_participants", "2022-12-31", 41_200.0),
      ("Gia Lai", "bhxh_voluntary_plan_participants", "2022-12-31", 12_800.0),
      ("Gia Lai", "bhyt_plan_participants", "2022-12-31", 1_310_000.0)}),
    # a target printed without a year on a page whose headline assigns the targets of a
    # year ("giao chỉ tiêu … năm Y"): that year, not the year of a later page date
    ("UBND tỉnh Kon Tum giao chỉ tiêu phát triển người tham gia BHXH năm 2021 cho các "
     "huyện\nCập nhật: 15/03/2024\n\nVới mục tiêu có 12,5% lực lượng lao động trong độ "
     "tuổi tham gia BHXH trên địa bàn tỉnh Kon Tum. UBND tỉnh vừa giao chỉ tiêu năm 2021 "
     "cho các huyện.", None, None,
     {("Kon Tum", "bhxh_plan_coverage_pct", "2021-12-31", 12.5)}),
    # "N1/N2 người, …, đạt x% kế hoạch" with x = N1/N2: the participants over the plan
    ("Năm 2021, tỉnh Bình Thuận có số người tham gia BHTN là 52.410/51.900 người, tăng "
     "2.050 người so với năm 2020, đạt 101% kế hoạch; tham gia BHYT: 1.102.300/1.080.700 "
     "người, đạt 102% kế hoạch.", "2022-01-20", None,
     {("Bình Thuận", "bhtn_participants", "2021-12-31", 52_410.0),
      ("Bình Thuận", "bhtn_plan_participants", "2021-12-31", 51_900.0),
      ("Bình Thuận", "bhtn_change_participants", "2021-12-31", 2_050.0),
      ("Bình Thuận", "bhtn_attainment_pct", "2021-12-31", 101.0),
      ("Bình Thuận", "bhyt_participants", "2021-12-31", 1_102_300.0),
      ("Bình Thuận", "bhyt_plan_participants", "2021-12-31", 1_080_700.0),
      ("Bình Thuận", "bhyt_attainment_pct", "2021-12-31", 102.0)}),
    # control: a pair whose ratio is not the attainment printed is not read as one
    ("Năm 2021, tỉnh Bình Thuận có số người tham gia BHTN là 52.410/61.900 người, đạt "
     "101% kế hoạch.", "2022-01-20", None,
     {("Bình Thuận", "bhtn_attainment_pct", "2021-12-31", 101.0)}),
    # "N người tham gia BHXH bắt buộc và BHXH tự nguyện": the two together are BHXH; its
    # share of the labour force is BHXH coverage, its attainments of two plans two rows
    ("Tính đến hết tháng 6/2023, tỉnh Hậu Giang có 64.320 người tham gia BHXH bắt buộc và "
     "BHXH tự nguyện, tương đương 14,1% lực lượng lao động trong độ tuổi, đạt 61,2% chỉ "
     "tiêu theo Nghị quyết của HĐND tỉnh, đạt 83,5% chỉ tiêu do UBND tỉnh giao.",
     "2023-07-15", None,
     {("Hậu Giang", "bhxh_participants", "2023-06-30", 64_320.0),
      ("Hậu Giang", "bhxh_coverage_pct", "2023-06-30", 14.1),
      ("Hậu Giang", "bhxh_attainment_pct", "2023-06-30", 61.2),
      ("Hậu Giang", "bhxh_attainment_pct", "2023-06-30", 83.5)}),
    # a document's number ("Nghị quyết số 12") is no figure: the rate after it is read
    ("Đến 30/6/2023, tỉnh Hậu Giang có 702.500 người tham gia BHYT, đạt 95,2% chỉ tiêu "
     "theo Nghị quyết số 12 của HĐND tỉnh, đạt 98,1% chỉ tiêu do UBND tỉnh Hậu Giang giao.",
     "2023-07-15", None,
     {("Hậu Giang", "bhyt_participants", "2023-06-30", 702_500.0),
      ("Hậu Giang", "bhyt_attainment_pct", "2023-06-30", 95.2),
      ("Hậu Giang", "bhyt_attainment_pct", "2023-06-30", 98.1)}),
    # "Hiện hơn N người trên địa bàn tỉnh A tham gia BHYT": the place between count and
    # cue; the digital-service figures after it (a data-matching rate, app users, units
    # trading online) are no participants nor coverage
    ("Hiện hơn 820.000 người trên địa bàn tỉnh Bạc Liêu tham gia BHYT, tăng 12.100 người "
     "so với cùng kỳ. Tỷ lệ xác thực dữ liệu người tham gia với cơ sở dữ liệu dân cư đạt "
     "gần 98%; trên 150.000 người tham gia BHXH đã cài đặt ứng dụng VssID; số đơn vị "
     "đăng ký giao dịch điện tử là 1.250.", "2024-11-20", None,
     {("Bạc Liêu", "bhyt_participants", "2024-11-20", 820_000.0),
      ("Bạc Liêu", "bhyt_change_participants", "2024-11-20", 12_100.0)}),
    # control (passed before this round): a page that prints its headline again as a line
    # of the body gives no second figure (the round count goes as a rounding of the body's)
    ("Tỉnh Trà Vinh có trên 900 nghìn người tham gia BHYT (Lượt xem: 120)\n\nTin địa "
     "phương\n\nTỉnh Trà Vinh có trên 900 nghìn người tham gia BHYT\n\nĐến hết tháng "
     "8/2022, tỉnh Trà Vinh có 912.400 người tham gia BHYT.", "2022-09-10", None,
     {("Trà Vinh", "bhyt_participants", "2022-08-31", 912_400.0)}),
    # "Để hoàn thành mục tiêu đến năm Y, … lần lượt đạt khoảng x%, y% …" of national
    # resolutions on a Hà Nội outlet: national targets of Y (a page with no date); the
    # headline's same target is the body's, not a second one of the outlet's city
    ("Mục tiêu đến năm 2030, khoảng 60% lực lượng lao động tham gia BHXH\n\nTinMoi - Để hoàn "
     "thành mục tiêu đến năm 2030, số người tham gia BHXH, BHTN lần lượt đạt khoảng 60%, "
     "45% lực lượng lao động trong độ tuổi theo các Nghị quyết của Quốc hội đề ra.", None,
     "Hà Nội",
     {("Việt Nam", "bhxh_plan_coverage_pct", "2030-12-31", 60.0),
      ("Việt Nam", "bhtn_plan_coverage_pct", "2030-12-31", 45.0)}),
    # a headline "Có khoảng N …" over the body's same N printed bare: one figure, not none
    ("Có khoảng 12,5 triệu người tham gia BHXH\nTheo BHXH Việt Nam, cả nước hiện có 12,5 "
     "triệu người tham gia BHXH.", "2021-06-01", None,
     {("Việt Nam", "bhxh_participants", "2021-06-01", 12_500_000.0)}),
    # a population "theo điều tra dân số ngày D" is of the census day, not the year end
    ("Năm 2019, tỷ lệ bao phủ BHYT của tỉnh Ninh Bình đạt 90,2% (dân số 982.500 người "
     "theo kết quả điều tra dân số ngày 01/4/2019).", "2020-01-10", None,
     {("Ninh Bình", "bhyt_coverage_pct", "2019-12-31", 90.2),
      ("Ninh Bình", "population", "2019-04-01", 982_500.0)}),
    # control: the two taken in turn ("lần lượt") stay two schemes
    ("Đến 30/6/2023, số người tham gia BHXH bắt buộc và BHXH tự nguyện của tỉnh Hậu Giang "
     "lần lượt là 52.100 người và 12.220 người.", "2023-07-15", None,
     {("Hậu Giang", "bhxh_compulsory_participants", "2023-06-30", 52_100.0),
      ("Hậu Giang", "bhxh_voluntary_participants", "2023-06-30", 12_220.0)}),
    # control: BHXH and BHYT together are still no scheme's figure
    ("Tính đến hết tháng 6/2023, tỉnh Hậu Giang có 702.500 người tham gia BHXH và BHYT.",
     "2023-07-15", None, set()),
    # control: "Theo đó, đến cuối năm 2022 toàn tỉnh có N người" (no plan named) is a result
    ("Tỉnh Gia Lai tổng kết năm 2022. Theo đó, đến cuối năm 2022 toàn tỉnh có 40.950 người "
     "tham gia BHXH bắt buộc.", "2023-01-10", None,
     {("Gia Lai", "bhxh_compulsory_participants", "2022-12-31", 40_950.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", SET13_CLASSES,
                         ids=[f"set13-{i}" for i in range(len(SET13_CLASSES))])
def test_set13_classes(text, published, hint, expected) -> None:
    """Each class passage of set 13 gives exactly its expected readings."""
    check_passage(text, published, hint, expected)


def test_bare_name_of_the_province_in_play_is_the_province() -> None:
    """"Bạc Liêu có trên 800 nghìn người …" on a Bạc Liêu page: the province, not its
    capital city of the same name; the headline's round count then goes as a rounding of
    the body's."""
    df = check_passage(
        "Bạc Liêu có trên 800 nghìn người tham gia BHYT\n\nĐến hết tháng 8/2022, tỉnh Bạc "
        "Liêu có 812.300 người tham gia BHYT.", "2022-09-10", "Bạc Liêu",
        {("Bạc Liêu", "bhyt_participants", "2022-08-31", 812_300.0)})
    assert list(df["geo_level"]) == ["province"]
    city = check_passage("Thành phố Bạc Liêu có 150.200 người tham gia BHYT.", "2022-09-10",
                         "Bạc Liêu", {("Bạc Liêu", "bhyt_participants", "2022-09-10",
                                       150_200.0)})
    assert list(city["geo_level"]) == ["district"]  # control: the city named as a city
