"""``bhxh extract``: the classes of the thirty-first and thirty-second blind passage sets.

Each passage was written for these tests in our own wording (never the blind sets') and
failed before the rule it pins was written (``docs/extract.md``, "Thirty-first and
thirty-second blind sets: the rules generalised"); the controls show where a rule could
over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_PLAN = ("KẾ HOẠCH\nPhát triển người tham gia BHXH, BHYT tỉnh Thái Bình năm 2019 và đến "
         "năm 2021\n\nI. THỰC TRẠNG\nTính đến ngày 15/7/2019, toàn tỉnh có 1.610.000 người "
         "tham gia BHYT, đạt 86,2% dân số.\n\nII. MỤC TIÊU\n1. Năm 2019\n- Tỷ lệ dân số tham "
         "gia BHYT đạt 87%;\n- Phát triển mới 3.100 người tham gia BHXH tự nguyện.\n2. Đến năm "
         "2021\n- Tỷ lệ tham gia BHYT đạt trên 91% dân số;\n- Khoảng 22% lực lượng lao động "
         "trong độ tuổi tham gia BHXH.\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Giao chỉ tiêu cho các "
         "huyện.\n")

BLIND31_CLASSES = [
    # a merger clause's former provinces followed by the merged city, like a list: the
    # city stays the place in play for "toàn thành phố"
    ("Sau khi hợp nhất với Hậu Giang và Sóc Trăng, thành phố Cần Thơ có thêm nhiều nông "
     "dân.\n\nĐến hết tháng 6/2026, toàn thành phố có 150.400 người tham gia BHXH bắt "
     "buộc.\n", "2026-07-10", None,
     {("Cần Thơ", "bhxh_compulsory_participants", "2026-06-30", 150_400.0)}),
    ("Sau khi sáp nhập với Kiên Giang, tỉnh An Giang có diện tích lớn.\n\nĐến hết tháng "
     "6/2026, toàn tỉnh có 98.700 người tham gia BHXH tự nguyện.\n", "2026-07-10", None,
     {("An Giang", "bhxh_voluntary_participants", "2026-06-30", 98_700.0)}),
    # control: places listed after a figure are still named together, no one's in play
    ("Đến hết tháng 6/2026, toàn tỉnh An Giang có 150.400 người tham gia BHXH bắt buộc, "
     "tăng 5.200 người so với cùng kỳ, chủ yếu ở phường Long Xuyên, phường Rạch Giá và "
     "phường Châu Đốc.\n\nSố người tham gia BHXH tự nguyện là 88.300 người.\n",
     "2026-07-10", None,
     {("An Giang", "bhxh_compulsory_participants", "2026-06-30", 150_400.0),
      ("An Giang", "bhxh_compulsory_change_participants", "2026-06-30", 5_200.0),
      ("An Giang", "bhxh_voluntary_participants", "2026-06-30", 88_300.0)}),
    # "Đến thời điểm hiện tại" (up to today, an as-of phrase) after a quarter's flow: the
    # publication day holds on into the next paragraph
    ("Theo BHXH tỉnh, trong quý I/2026, toàn tỉnh Gia Lai phát triển mới 4.300 người tham "
     "gia BHXH tự nguyện. Đến thời điểm hiện tại, toàn tỉnh có 402.500 người tham gia "
     "BHXH.\n\nToàn tỉnh có 1.520.000 người tham gia BHYT, đạt 92,4% dân số.\n",
     "2026-04-20", None,
     {("Gia Lai", "bhxh_voluntary_new_participants", "2026-03-31", 4_300.0),
      ("Gia Lai", "bhxh_participants", "2026-04-20", 402_500.0),
      ("Gia Lai", "bhyt_participants", "2026-04-20", 1_520_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2026-04-20", 92.4)}),
    # control: after a day counted to ("Tính đến 31/8"), "Đến thời điểm hiện tại" holds
    # for its paragraph only
    ("Tính đến 31/8/2025, tỉnh Quảng Trị có 228.100 người tham gia BHXH. Đến thời điểm "
     "hiện tại, toàn tỉnh có 1.702.000 người tham gia BHYT.\n\nSố người tham gia BHTN là "
     "139.500 người.\n", "2025-09-18", None,
     {("Quảng Trị", "bhxh_participants", "2025-08-31", 228_100.0),
      ("Quảng Trị", "bhyt_participants", "2025-09-18", 1_702_000.0),
      ("Quảng Trị", "bhtn_participants", "2025-08-31", 139_500.0)}),
    # control: a word of today ("hiện có") holds for its paragraph only
    ("Tính đến ngày 31/3/2026, toàn tỉnh Gia Lai có 402.500 người tham gia BHXH. Số người "
     "tham gia BHXH tự nguyện hiện có 61.200 người.\n\nToàn tỉnh có 1.520.000 người tham "
     "gia BHYT, đạt 92,4% dân số.\n", "2026-04-20", None,
     {("Gia Lai", "bhxh_participants", "2026-03-31", 402_500.0),
      ("Gia Lai", "bhxh_voluntary_participants", "2026-04-20", 61_200.0),
      ("Gia Lai", "bhyt_participants", "2026-03-31", 1_520_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2026-03-31", 92.4)}),
    # a plan's numbered parts that name only their year under a heading of targets
    (_PLAN, "2019-07-25", None,
     {("Thái Bình", "bhyt_participants", "2019-07-15", 1_610_000.0),
      ("Thái Bình", "bhyt_coverage_pct", "2019-07-15", 86.2),
      ("Thái Bình", "bhyt_plan_coverage_pct", "2019-12-31", 87.0),
      ("Thái Bình", "bhxh_voluntary_plan_new_participants", "2019-12-31", 3_100.0),
      ("Thái Bình", "bhyt_plan_coverage_pct", "2021-12-31", 91.0),
      ("Thái Bình", "bhxh_plan_coverage_pct", "2021-12-31", 22.0)}),
    # control: the same part under a section of results stays results
    ("BÁO CÁO\nTình hình phát triển người tham gia BHYT tỉnh Thái Bình\n\nI. KẾT QUẢ "
     "THỰC HIỆN NĂM 2018\n1. Năm 2018\n- Tỷ lệ dân số tham gia BHYT đạt 85,9%.\n- Phát "
     "triển mới 2.950 người tham gia BHXH tự nguyện.\n", "2019-01-25", None,
     {("Thái Bình", "bhyt_coverage_pct", "2018-12-31", 85.9),
      ("Thái Bình", "bhxh_voluntary_new_participants", "2018-12-31", 2_950.0)}),
]

test_blind31_classes = class_tests(BLIND31_CLASSES)
