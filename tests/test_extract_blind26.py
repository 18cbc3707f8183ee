"""``bhxh extract``: the classes of the twenty-sixth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-sixth blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_REPORT_2025 = ("BHXH TỈNH THANH HÓA\nBÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2025\n\n"
                "I. KẾT QUẢ THỰC HIỆN NĂM 2025\nĐến 31/12/2025, toàn tỉnh có 3.402.000 người "
                "tham gia BHYT, đạt 92,8% dân số.\n\n")

BLIND26_CLASSES = [
    # next year's targets under a numbered section's heading with the year, each part
    # headed without one ("1. Chỉ tiêu chủ yếu"): the section's year's targets
    (_REPORT_2025 + "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n1. Mục tiêu chung\nTiếp tục mở "
     "rộng diện bao phủ, nâng cao chất lượng phục vụ.\n2. Chỉ tiêu chủ yếu\n- Tỷ lệ bao "
     "phủ BHYT đạt 93,6% dân số;\n- Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHTN "
     "đạt 18%.", "2026-01-15", None,
     {("Thanh Hóa", "bhyt_participants", "2025-12-31", 3_402_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2025-12-31", 92.8),
      ("Thanh Hóa", "bhyt_plan_coverage_pct", "2026-12-31", 93.6),
      ("Thanh Hóa", "bhtn_plan_coverage_pct", "2026-12-31", 18.0)}),
    # control: the same parts under a section reporting on the year are its results
    (_REPORT_2025.replace("I. KẾT QUẢ THỰC HIỆN NĂM 2025\n", "I. TÌNH HÌNH CHUNG\n")
     + "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025\n1. Chỉ tiêu chủ yếu\n- Tỷ lệ bao "
     "phủ BHYT đạt 92,8% dân số;\n- Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHTN "
     "đạt 17,2%.", "2026-01-15", None,
     {("Thanh Hóa", "bhyt_participants", "2025-12-31", 3_402_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2025-12-31", 92.8),
      ("Thanh Hóa", "bhtn_coverage_pct", "2025-12-31", 17.2)}),
    # what is still to win "từ nay đến cuối năm … phải vận động thêm N người": a
    # shortfall at the status date, not a plan
    ("Tính đến 31/10/2026, toàn tỉnh Nghệ An có 56.800 người tham gia BHXH tự nguyện. Kế "
     "hoạch năm 2026 là 61.000 người, vì vậy từ nay đến cuối năm ngành BHXH phải vận động "
     "thêm 4.200 người.", "2026-11-05", None,
     {("Nghệ An", "bhxh_voluntary_participants", "2026-10-31", 56_800.0),
      ("Nghệ An", "bhxh_voluntary_plan_participants", "2026-12-31", 61_000.0),
      ("Nghệ An", "bhxh_voluntary_shortfall_participants", "2026-10-31", 4_200.0)}),
    # control: a year's obligation "phải vận động thêm" with no horizon from now stays a plan
    ("Tính đến 31/10/2026, toàn tỉnh Nghệ An có 56.800 người tham gia BHXH tự nguyện. "
     "Trong năm 2027, các xã phải vận động thêm 4.200 người tham gia BHXH tự nguyện.",
     "2026-11-05", None,
     {("Nghệ An", "bhxh_voluntary_participants", "2026-10-31", 56_800.0),
      ("Nghệ An", "bhxh_voluntary_plan_participants", "2027-12-31", 4_200.0)}),
    # a span of time before the targets ("3 tháng còn lại") is no count whose rates they are
    ("Đến hết tháng 9/2026, tỉnh Hà Tĩnh có 1.190.000 người tham gia BHYT. Trong 3 tháng "
     "còn lại, ngành tiếp tục tuyên truyền, phấn đấu đến cuối năm 2026 đạt 94% dân số tham "
     "gia BHYT và 31% lực lượng lao động tham gia BHXH.", "2026-10-06", None,
     {("Hà Tĩnh", "bhyt_participants", "2026-09-30", 1_190_000.0),
      ("Hà Tĩnh", "bhyt_plan_coverage_pct", "2026-12-31", 94.0),
      ("Hà Tĩnh", "bhxh_plan_coverage_pct", "2026-12-31", 31.0)}),
    # control: a rate after a count of files not kept stays unread
    ("Đến hết tháng 9/2026, tỉnh Hà Tĩnh có 1.190.000 người tham gia BHYT. Trong 9 tháng, "
     "BHXH tỉnh giải quyết 5.300 hồ sơ, đạt 76% kế hoạch.", "2026-10-06", None,
     {("Hà Tĩnh", "bhyt_participants", "2026-09-30", 1_190_000.0)}),
    # a former province named after "trong đó" is a part of the merged total before it,
    # not the place of that total and its rate
    ("Năm 2025 là năm hợp nhất hai tỉnh Vĩnh Long và Bến Tre. Đến nay, toàn tỉnh có "
     "1.950.000 người tham gia BHYT. Ước cả năm 2025, số người tham gia BHXH đạt 301.500 "
     "người, chiếm 19,2% lực lượng lao động trong độ tuổi, trong đó địa bàn tỉnh Bến Tre cũ "
     "có 120.300 người.", "2025-12-30", None,
     {("Vĩnh Long", "bhyt_participants", "2025-12-30", 1_950_000.0),
      ("Vĩnh Long", "bhxh_participants", "2025-12-31", 301_500.0),
      ("Vĩnh Long", "bhxh_coverage_pct", "2025-12-31", 19.2),
      ("Bến Tre", "bhxh_participants", "2025-12-31", 120_300.0)}),
    # control: a place named after the figure with no "trong đó" between is its place
    ("Đến nay, tỉnh Bến Tre có 1.100.000 người tham gia BHYT. Ước cả năm 2024, có 8.150 "
     "người tham gia BHXH tự nguyện trên địa bàn huyện Chợ Lách.", "2024-12-20", None,
     {("Bến Tre", "bhyt_participants", "2024-12-20", 1_100_000.0),
      ("Chợ Lách", "bhxh_voluntary_participants", "2024-12-31", 8_150.0)}),
    # a commune's plan share "đến hết tháng 8 đã đạt x%" (a month's number between) in a
    # quote, and "tỷ lệ bao phủ BHYT của xã" the one commune the page names
    ("Đến cuối tháng 8/2026, tỉnh Hưng Yên có 95.400 người tham gia BHXH tự nguyện.\n\n"
     "Tại xã Tiên Lữ, đến cuối tháng 8 có 980 người tham gia BHXH tự nguyện. Bà Đào Thị "
     "Hoa, Trưởng BHXH cơ sở Tiên Lữ cho biết: \"Năm 2026, xã được giao chỉ tiêu 1.150 "
     "người tham gia BHXH tự nguyện, đến hết tháng 8 đã đạt 85,2%. Tỷ lệ bao phủ BHYT của "
     "xã cũng đạt 94,7%\".", "2026-09-12", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2026-08-31", 95_400.0),
      ("Tiên Lữ", "bhxh_voluntary_participants", "2026-08-31", 980.0),
      ("Tiên Lữ", "bhxh_voluntary_plan_participants", "2026-12-31", 1_150.0),
      ("Tiên Lữ", "bhxh_voluntary_attainment_pct", "2026-08-31", 85.2),
      ("Tiên Lữ", "bhyt_coverage_pct", "2026-08-31", 94.7)}),
    # control: two communes named, "của xã" is neither's (the province in play keeps it)
    ("Đến cuối tháng 8/2026, tỉnh Hưng Yên có 95.400 người tham gia BHXH tự nguyện, riêng "
     "xã Tiên Lữ có 980 người và xã Nghĩa Trụ có 760 người. Tỷ lệ bao phủ BHYT của xã đạt "
     "94,7%.", "2026-09-12", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2026-08-31", 95_400.0),
      ("Tiên Lữ", "bhxh_voluntary_participants", "2026-08-31", 980.0),
      ("Nghĩa Trụ", "bhxh_voluntary_participants", "2026-08-31", 760.0),
      ("Hưng Yên", "bhyt_coverage_pct", "2026-08-31", 94.7)}),
    # a scheme opening its clause with "ước đạt N người": its participants
    ("Theo BHXH huyện Mường Khương, năm 2023, số người tham gia BHXH bắt buộc ước đạt 2.940 "
     "người; số người tham gia BHTN là 2.110 người. Đặc biệt, BHXH tự nguyện ước đạt 1.870 "
     "người, vượt 90 người so với kế hoạch UBND tỉnh giao; trong năm phát triển mới 510 "
     "người.", "2023-12-20", None,
     {("Mường Khương", "bhxh_compulsory_participants", "2023-12-31", 2_940.0),
      ("Mường Khương", "bhtn_participants", "2023-12-31", 2_110.0),
      ("Mường Khương", "bhxh_voluntary_participants", "2023-12-31", 1_870.0),
      ("Mường Khương", "bhxh_voluntary_shortfall_participants", "2023-12-31", -90.0),
      ("Mường Khương", "bhxh_voluntary_new_participants", "2023-12-31", 510.0)}),
    # control: the agency ("BHXH huyện ước đạt N người được tư vấn") counts no participants
    ("Năm 2023, huyện Mường Khương có 2.940 người tham gia BHXH bắt buộc. Số người tham gia "
     "mới BHXH tự nguyện ước đạt 510 người; BHXH huyện ước đạt 1.870 người được tư vấn.",
     "2023-12-20", None,
     {("Mường Khương", "bhxh_compulsory_participants", "2023-12-31", 2_940.0),
      ("Mường Khương", "bhxh_voluntary_new_participants", "2023-12-31", 510.0)}),
    # two communes sharing one rate after the district's, the second name bare
    ("Năm 2023, huyện Mường Khương có 56.300 người tham gia BHYT, đạt 98,1% dân số. Các xã "
     "Lùng Vai và Bản Lầu đều đạt 100%.", "2023-12-20", None,
     {("Mường Khương", "bhyt_participants", "2023-12-31", 56_300.0),
      ("Mường Khương", "bhyt_coverage_pct", "2023-12-31", 98.1),
      ("Lùng Vai", "bhyt_coverage_pct", "2023-12-31", 100.0),
      ("Bản Lầu", "bhyt_coverage_pct", "2023-12-31", 100.0)}),
    # control: a bound they share is neither's
    ("Năm 2023, huyện Mường Khương có 56.300 người tham gia BHYT, đạt 98,1% dân số. Các xã "
     "Lùng Vai và Bản Lầu đều đạt trên 99%.", "2023-12-20", None,
     {("Mường Khương", "bhyt_participants", "2023-12-31", 56_300.0),
      ("Mường Khương", "bhyt_coverage_pct", "2023-12-31", 98.1)}),
    # a part "trong đó N người tham gia mới" after a stock: new participants, not a stock
    ("Số người tham gia BHXH tự nguyện trên địa bàn xã Mường Phăng là 204 người, trong đó 37 "
     "người tham gia mới từ đầu năm.", "2024-05-08", None,
     {("Mường Phăng", "bhxh_voluntary_participants", "2024-05-08", 204.0),
      ("Mường Phăng", "bhxh_voluntary_new_participants", "2024-05-08", 37.0)}),
    # control: a list of stocks going on after a comma stays stocks
    ("Toàn xã Mường Phăng có 2.040 người tham gia BHYT, 204 người tham gia BHXH tự nguyện.",
     "2024-05-08", None,
     {("Mường Phăng", "bhyt_participants", "2024-05-08", 2_040.0),
      ("Mường Phăng", "bhxh_voluntary_participants", "2024-05-08", 204.0)}),
    # Limits of sets 21-25 fixed after set 26's classes:
    # a group's count after "trong đó" without "có" is a subgroup, no row
    ("Đến hết tháng 9/2025, thành phố Hải Phòng có 1.050.000 người tham gia BHXH, trong đó "
     "9.100 người thuộc hộ nghèo.", "2025-10-20", None,
     {("Hải Phòng", "bhxh_participants", "2025-09-30", 1_050_000.0)}),
    # control: a scheme's count after "trong đó" is that scheme's participants
    ("Đến hết tháng 9/2025, thành phố Hải Phòng có 1.050.000 người tham gia BHXH, trong đó "
     "980.000 người tham gia BHXH bắt buộc.", "2025-10-20", None,
     {("Hải Phòng", "bhxh_participants", "2025-09-30", 1_050_000.0),
      ("Hải Phòng", "bhxh_compulsory_participants", "2025-09-30", 980_000.0)}),
    # a result rate named by its scheme only after a BHYT rate (and after "và")
    ("Tính đến 30/6/2026, tỉnh Ninh Bình có 3.850.000 người tham gia BHYT, đạt 93,4% dân "
     "số, BHXH 32,1% và BHTN 27,5%.", "2026-07-10", None,
     {("Ninh Bình", "bhyt_participants", "2026-06-30", 3_850_000.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2026-06-30", 93.4),
      ("Ninh Bình", "bhxh_coverage_pct", "2026-06-30", 32.1),
      ("Ninh Bình", "bhtn_coverage_pct", "2026-06-30", 27.5)}),
    # control: a scheme's change after a BHYT rate is no coverage
    ("Tính đến 30/6/2026, tỉnh Ninh Bình có tỷ lệ bao phủ BHYT đạt 93,4% dân số, BHXH tăng "
     "3,2% so với cùng kỳ.", "2026-07-10", None,
     {("Ninh Bình", "bhyt_coverage_pct", "2026-06-30", 93.4)}),
]

test_blind26_classes = class_tests(BLIND26_CLASSES)
