"""``bhxh extract``: the classes of the twenty-ninth and thirtieth blind passage sets.

Each passage was written for these tests in our own wording (never the blind sets') and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-ninth and
thirtieth blind sets: the rules generalised"); the controls show where a rule could
over-fire.
"""

from __future__ import annotations

from blindcase import class_tests
from test_extract import check_placed

_REPORT = ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN\n\nBÁO CÁO\nTình hình thực hiện chính sách "
           "BHXH, BHYT\n\nI. KẾT QUẢ THỰC HIỆN NĂM {y}\n1. Phát triển người tham gia\n"
           "Ngành đã phối hợp với các địa phương tuyên truyền chính sách:\n- Số người tham "
           "gia BHYT là 552.300 người, đạt 93,2% dân số.\n- Số người tham gia BHTN là 48.400 "
           "người, đạt 101,2% kế hoạch giao (47.800 người).\n\nII. NHIỆM VỤ NĂM 2025\n"
           "1. Tỷ lệ bao phủ BHYT đạt 94%.")

_FOOTER_SPLIT = ("BÁO CÁO\nKết quả công tác năm 2022\n\nNăm 2022, toàn tỉnh Hưng Yên có "
                 "14.870 người tham gia BHXH tự nguyện. Qua các đợt cao điểm vận động, số "
                 "người tham gia BHXH tự nguyện vượt 1.130 người so\n\n" + "_" * 62
                 + "\nBHXH tỉnh Hưng Yên – Báo cáo năm 2022                       Trang 2/4"
                 "\n\n")

BLIND29_CLASSES = [
    # a numbered section of a past year's results in a document signed the next January:
    # its undated figures are of that year's end, its plan with no year that year's
    (_REPORT.format(y=2024), "2025-01-15", None,
     {("Ninh Thuận", "bhyt_participants", "2024-12-31", 552_300.0),
      ("Ninh Thuận", "bhyt_coverage_pct", "2024-12-31", 93.2),
      ("Ninh Thuận", "bhtn_participants", "2024-12-31", 48_400.0),
      ("Ninh Thuận", "bhtn_attainment_pct", "2024-12-31", 101.2),
      ("Ninh Thuận", "bhtn_plan_participants", "2024-12-31", 47_800.0),
      ("Ninh Thuận", "bhyt_plan_coverage_pct", "2025-12-31", 94.0)}),
    # control: a section of the publication's own year sets no year's end
    (_REPORT.format(y=2025).replace("NHIỆM VỤ NĂM 2025", "NHIỆM VỤ NĂM 2026").replace(
        "94%", "95%"), "2025-12-20", None,
     {("Ninh Thuận", "bhyt_participants", "2025-12-20", 552_300.0),
      ("Ninh Thuận", "bhyt_coverage_pct", "2025-12-20", 93.2),
      ("Ninh Thuận", "bhtn_participants", "2025-12-20", 48_400.0),
      ("Ninh Thuận", "bhtn_attainment_pct", "2025-12-20", 101.2),
      ("Ninh Thuận", "bhtn_plan_participants", "2025-12-31", 47_800.0),
      ("Ninh Thuận", "bhyt_plan_coverage_pct", "2026-12-31", 95.0)}),
    # communes named bare on a district's page, one of them also a district elsewhere
    # (xã Minh Long of huyện Hạ Lang; huyện Minh Long of Quảng Ngãi): the communes, and
    # the district keeps its next figure ("trên địa bàn")
    ("Đến hết năm 2023, toàn huyện Hạ Lang có 27.300 người tham gia BHYT, đạt 98,1% dân "
     "số. Các xã có tỷ lệ bao phủ cao nhất là Minh Long, Đức Quang, lần lượt 99,4% và "
     "99,0%.\n\nSố người tham gia BHXH tự nguyện trên địa bàn là 1.240 người.",
     "2024-01-12", None,
     {("Hạ Lang", "bhyt_participants", "2023-12-31", 27_300.0),
      ("Hạ Lang", "bhyt_coverage_pct", "2023-12-31", 98.1),
      ("Minh Long", "bhyt_coverage_pct", "2023-12-31", 99.4),
      ("Đức Quang", "bhyt_coverage_pct", "2023-12-31", 99.0),
      ("Hạ Lang", "bhxh_voluntary_participants", "2023-12-31", 1_240.0)}),
    # a PDF table with a numbering column "TT" and a header of two lines (the plan's year,
    # the day counted to, the unit under the first): its rows are schemes, not places
    ("BÁO CÁO\nKết quả thực hiện 6 tháng đầu năm 2025\n\nTính đến ngày 30/6/2025, toàn "
     "tỉnh Hòa Bình có 61.200 người tham gia BHXH bắt buộc.\n\nTT | Loại hình | Kế hoạch "
     "| Thực hiện | Tỷ lệ\n   |           | năm 2025 | đến 30/6/2025 | (%)\n1 | BHXH bắt "
     "buộc (người) | 64.000 | 61.200 | 95,6\n2 | BHTN (người) | 58.000 | 55.100 | 95,0",
     "2025-07-10", None,
     {("Hoà Bình", "bhxh_compulsory_participants", "2025-06-30", 61_200.0),
      ("Hoà Bình", "bhxh_compulsory_plan_participants", "2025-12-31", 64_000.0),
      ("Hoà Bình", "bhxh_compulsory_attainment_pct", "2025-06-30", 95.6),
      ("Hoà Bình", "bhtn_plan_participants", "2025-12-31", 58_000.0),
      ("Hoà Bình", "bhtn_participants", "2025-06-30", 55_100.0),
      ("Hoà Bình", "bhtn_attainment_pct", "2025-06-30", 95.0)}),
    # the year of a ratio with a qualifier ("gấp hơn 1,5 lần năm 2022") dates nothing: the
    # half-year's figures keep the headline's date, and its rounding goes
    ("Sóc Trăng: Hết tháng 6/2023, hơn 31 nghìn người tham gia BHXH tự nguyện\n\nNăm "
     "2023, BHXH Việt Nam giao BHXH tỉnh Sóc Trăng chỉ tiêu 42.000 người tham gia BHXH tự "
     "nguyện, gấp hơn 1,5 lần năm 2022. Sau 6 tháng, BHXH tỉnh đã phát triển mới 5.120 "
     "người, nâng tổng số người tham gia lên 31.400 người.", "2023-07-12", None,
     {("Sóc Trăng", "bhxh_voluntary_plan_participants", "2023-12-31", 42_000.0),
      ("Sóc Trăng", "bhxh_voluntary_new_participants", "2023-06-30", 5_120.0),
      ("Sóc Trăng", "bhxh_voluntary_participants", "2023-06-30", 31_400.0)}),
    # control: a year opening its own sentence after such a ratio still dates it
    ("Năm 2023, tỉnh Sóc Trăng được giao chỉ tiêu 42.000 người tham gia BHXH tự nguyện, "
     "gấp gần 2 lần. Năm 2022, toàn tỉnh có 21.300 người tham gia BHXH tự nguyện.",
     "2023-07-12", None,
     {("Sóc Trăng", "bhxh_voluntary_plan_participants", "2023-12-31", 42_000.0),
      ("Sóc Trăng", "bhxh_voluntary_participants", "2022-12-31", 21_300.0)}),
    # a plan and a gap in a clause about "tỷ lệ này" after a total's coverage and its
    # parts' counts: the total's scheme (BHXH), not the part named last (voluntary)
    ("Năm 2024, toàn tỉnh Bình Thuận có 91.200 người tham gia BHXH, chiếm 17,1% lực lượng "
     "lao động, trong đó BHXH bắt buộc 60.100 người, BHXH tự nguyện 31.100 người; tỷ lệ "
     "này thấp hơn chỉ tiêu Nghị quyết (19%) 1,9 điểm phần trăm.", "2025-01-10", None,
     {("Bình Thuận", "bhxh_participants", "2024-12-31", 91_200.0),
      ("Bình Thuận", "bhxh_coverage_pct", "2024-12-31", 17.1),
      ("Bình Thuận", "bhxh_compulsory_participants", "2024-12-31", 60_100.0),
      ("Bình Thuận", "bhxh_voluntary_participants", "2024-12-31", 31_100.0),
      ("Bình Thuận", "bhxh_plan_coverage_pct", "2024-12-31", 19.0),
      ("Bình Thuận", "bhxh_shortfall_pp", "2024-12-31", 1.9)}),
    # control: after the part's own rate "tỷ lệ này" is the part's
    ("Năm 2024, toàn tỉnh Bình Thuận có 91.200 người tham gia BHXH, chiếm 17,1% lực lượng "
     "lao động, trong đó BHXH bắt buộc 60.100 người, BHXH tự nguyện 31.100 người, chiếm "
     "5,8% lực lượng lao động; tỷ lệ này thấp hơn chỉ tiêu (6,5%) 0,7 điểm phần trăm.",
     "2025-01-10", None,
     {("Bình Thuận", "bhxh_participants", "2024-12-31", 91_200.0),
      ("Bình Thuận", "bhxh_coverage_pct", "2024-12-31", 17.1),
      ("Bình Thuận", "bhxh_compulsory_participants", "2024-12-31", 60_100.0),
      ("Bình Thuận", "bhxh_voluntary_participants", "2024-12-31", 31_100.0),
      ("Bình Thuận", "bhxh_voluntary_coverage_pct", "2024-12-31", 5.8),
      ("Bình Thuận", "bhxh_voluntary_plan_coverage_pct", "2024-12-31", 6.5),
      ("Bình Thuận", "bhxh_voluntary_shortfall_pp", "2024-12-31", 0.7)}),
    # two communes and two rates without "lần lượt", an aside ", nơi …," between: in turn
    ("Năm 2023, toàn huyện Lâm Hà có 148.200 người tham gia BHYT. Xã Phi Tô và xã Đạ Đờn, "
     "nơi có nhiều đồng bào dân tộc thiểu số sinh sống, tỷ lệ bao phủ BHYT đạt 97,4% và "
     "98,9% nhờ ngân sách hỗ trợ.", "2024-01-10", None,
     {("Lâm Hà", "bhyt_participants", "2023-12-31", 148_200.0),
      ("Phi Tô", "bhyt_coverage_pct", "2023-12-31", 97.4),
      ("Đạ Đờn", "bhyt_coverage_pct", "2023-12-31", 98.9)}),
    # control: one rate said of both ("đều đạt") is each one's
    ("Năm 2023, toàn huyện Lâm Hà có 148.200 người tham gia BHYT. Xã Phi Tô và xã Đạ Đờn, "
     "nơi có nhiều đồng bào dân tộc thiểu số sinh sống, tỷ lệ bao phủ BHYT đều đạt 98%.",
     "2024-01-10", None,
     {("Lâm Hà", "bhyt_participants", "2023-12-31", 148_200.0),
      ("Phi Tô", "bhyt_coverage_pct", "2023-12-31", 98.0),
      ("Đạ Đờn", "bhyt_coverage_pct", "2023-12-31", 98.0)}),
    # a former province's part after ", trong đó riêng địa bàn tỉnh X cũ chiếm N người"
    ("Tính đến hết tháng 6/2025, toàn tỉnh Đồng Tháp có 1.390.000 người tham gia BHYT. Số "
     "người tham gia BHTN là 402.000 người, trong đó riêng địa bàn tỉnh Tiền Giang cũ chiếm "
     "236.500 người.", "2025-07-20", None,
     {("Đồng Tháp", "bhyt_participants", "2025-06-30", 1_390_000.0),
      ("Đồng Tháp", "bhtn_participants", "2025-06-30", 402_000.0),
      ("Tiền Giang", "bhtn_participants", "2025-06-30", 236_500.0)}),
    # control: the part's share of the count is no row
    ("Tính đến hết tháng 6/2025, toàn tỉnh Đồng Tháp có 1.390.000 người tham gia BHYT. Số "
     "người tham gia BHTN là 402.000 người, trong đó riêng địa bàn tỉnh Tiền Giang cũ chiếm "
     "58,8%.", "2025-07-20", None,
     {("Đồng Tháp", "bhyt_participants", "2025-06-30", 1_390_000.0),
      ("Đồng Tháp", "bhtn_participants", "2025-06-30", 402_000.0)}),
    # a caption's share of the workers of the workplace pictured ("lao động tại đây"):
    # no coverage
    ("Tính đến hết tháng 6/2025, toàn tỉnh Đồng Nai có 1.120.000 người tham gia BHXH bắt "
     "buộc.\n\nCông nhân một nhà máy may ở phường Tam Phước. Hơn 96% lao động tại đây đã "
     "tham gia BHXH. Ảnh: Minh Đức", "2025-07-20", None,
     {("Đồng Nai", "bhxh_compulsory_participants", "2025-06-30", 1_120_000.0)}),
    # control: the workers of the province are its labour force
    ("Tính đến hết tháng 6/2025, toàn tỉnh Đồng Nai có 1.120.000 người tham gia BHXH bắt "
     "buộc. Hơn 36% lao động tại tỉnh đã tham gia BHXH.", "2025-07-20", None,
     {("Đồng Nai", "bhxh_compulsory_participants", "2025-06-30", 1_120_000.0),
      ("Đồng Nai", "bhxh_coverage_pct", "2025-06-30", 36.0)}),
    # "lần lượt phát triển mới N và M người" after two districts: each one's new
    # participants (the first a bare number)
    ("Hết tháng 6/2022, tỉnh Lào Cai có 25.400 người tham gia BHXH tự nguyện. Bát Xát và "
     "Si Ma Cai là hai huyện dẫn đầu, lần lượt phát triển mới 530 và 315 người.",
     "2022-07-12", None,
     {("Lào Cai", "bhxh_voluntary_participants", "2022-06-30", 25_400.0),
      ("Bát Xát", "bhxh_voluntary_new_participants", "2022-06-30", 530.0),
      ("Si Ma Cai", "bhxh_voluntary_new_participants", "2022-06-30", 315.0)}),
    # control: counts after "lần lượt" under a lead of participants stay participants
    ("Hết tháng 6/2022, tỉnh Lào Cai có 25.400 người tham gia BHXH tự nguyện. Bát Xát và "
     "Si Ma Cai là hai huyện có số người tham gia BHXH tự nguyện cao nhất, lần lượt 5.300 "
     "người và 3.150 người.", "2022-07-12", None,
     {("Lào Cai", "bhxh_voluntary_participants", "2022-06-30", 25_400.0),
      ("Bát Xát", "bhxh_voluntary_participants", "2022-06-30", 5_300.0),
      ("Si Ma Cai", "bhxh_voluntary_participants", "2022-06-30", 3_150.0)}),
    # a surplus over the plan whose sentence a PDF page footer splits ("vượt N người so
    # ⏎⏎____⏎… Trang 2/4⏎⏎với kế hoạch"): the blanked footer's spaces hid the plan
    (_FOOTER_SPLIT + "với kế hoạch tỉnh giao đầu năm.", "2023-01-12", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2022-12-31", 14_870.0),
      ("Hưng Yên", "bhxh_voluntary_shortfall_participants", "2022-12-31", -1_130.0)}),
    # control: over the same period, split alike, it is no surplus
    (_FOOTER_SPLIT + "với cùng kỳ năm 2021.", "2023-01-12", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2022-12-31", 14_870.0)}),
]

test_blind29_classes = class_tests(BLIND29_CLASSES)


def test_bare_province_name_on_a_district_page_stays_the_province() -> None:
    """Control of the communes named bare: a province's name that a commune of the
    district in play also bears (xã Bình Dương of huyện Hòa An) is the province."""
    check_placed(
        "Đến hết năm 2023, toàn huyện Hòa An có 51.300 người tham gia BHYT, đạt 98,4% dân "
        "số. Năm 2023, Bình Dương có 1.310.000 người tham gia BHXH bắt buộc.",
        "2024-01-12", None,
        {("Hoà An", "district", "bhyt_participants", "2023-12-31", 51_300.0),
         ("Hoà An", "district", "bhyt_coverage_pct", "2023-12-31", 98.4),
         ("Bình Dương", "province", "bhxh_compulsory_participants", "2023-12-31",
          1_310_000.0)})
