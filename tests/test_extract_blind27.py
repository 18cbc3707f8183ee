"""``bhxh extract``: the classes of the twenty-seventh blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-seventh blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND27_CLASSES = [
    # a plan document cited for its review of a year over at publication ("Theo Kế
    # hoạch, hết năm 2025, … có N người"): that year's results, a former province's too
    ("Theo Kế hoạch, hết năm 2025, toàn tỉnh Ninh Bình có 3.720.400 người tham gia BHYT, "
     "đạt tỷ lệ bao phủ 94,6% dân số; trong đó địa bàn tỉnh Nam Định cũ đạt 95,1%.",
     "2026-02-10", None,
     {("Ninh Bình", "bhyt_participants", "2025-12-31", 3_720_400.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2025-12-31", 94.6),
      ("Nam Định", "bhyt_coverage_pct", "2025-12-31", 95.1)}),
    # control: the same opening over a year still to come sets targets
    ("Theo Kế hoạch, đến hết năm 2026, toàn tỉnh Ninh Bình có 3.790.000 người tham gia "
     "BHYT, đạt tỷ lệ bao phủ 95,5% dân số.", "2026-02-10", None,
     {("Ninh Bình", "bhyt_plan_participants", "2026-12-31", 3_790_000.0),
      ("Ninh Bình", "bhyt_plan_coverage_pct", "2026-12-31", 95.5)}),
    # control: the past year's end with an obligation ("phải") is still the plan's
    ("Theo kế hoạch, hết năm 2025 toàn tỉnh Ninh Bình phải có 3.750.000 người tham gia "
     "BHYT.", "2026-02-10", None,
     {("Ninh Bình", "bhyt_plan_participants", "2025-12-31", 3_750_000.0)}),
    # a former province's rate after "trong đó" that follows a plan cited as the
    # yardstick ("so với chỉ tiêu 93,8%"): a result, not the plan's list going on
    ("Đến 31/12/2025, toàn tỉnh Gia Lai có 2.960.000 người tham gia BHYT, đạt 94,2% dân "
     "số, vượt 0,4 điểm phần trăm so với chỉ tiêu 93,8%; trong đó địa bàn tỉnh Bình Định "
     "cũ đạt 96,3%.", "2026-01-08", None,
     {("Gia Lai", "bhyt_participants", "2025-12-31", 2_960_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2025-12-31", 94.2),
      ("Gia Lai", "bhyt_shortfall_pp", "2025-12-31", -0.4),
      ("Gia Lai", "bhyt_plan_coverage_pct", "2025-12-31", 93.8),
      ("Bình Định", "bhyt_coverage_pct", "2025-12-31", 96.3)}),
    # control: a plan's list going on without a comparison stays plans
    ("Năm 2026, tỉnh Gia Lai phấn đấu tỷ lệ bao phủ BHYT đạt 95%, trong đó địa bàn tỉnh "
     "Bình Định cũ đạt 96,5%.", "2026-01-08", None,
     {("Gia Lai", "bhyt_plan_coverage_pct", "2026-12-31", 95.0),
      ("Bình Định", "bhyt_plan_coverage_pct", "2026-12-31", 96.5)}),
    # a sentence naming no place after a figure of a sentence of the whole province, in
    # the same paragraph of a commune's feature: the province's, not the commune's
    ("Ở xã Cư Yang, anh Y Bhin đã tham gia BHXH tự nguyện được ba năm.\n\nHiện xã Cư Yang "
     "có 540 người tham gia BHXH tự nguyện.\n\nXét trên toàn tỉnh, đến hết tháng 4/2026, "
     "Đắk Lắk có 47.300 người tham gia BHXH tự nguyện. Tỷ lệ bao phủ BHYT đạt 93,8% dân "
     "số.", "2026-05-06", None,
     {("Cư Yang", "bhxh_voluntary_participants", "2026-05-06", 540.0),
      ("Đắk Lắk", "bhxh_voluntary_participants", "2026-04-30", 47_300.0),
      ("Đắk Lắk", "bhyt_coverage_pct", "2026-04-30", 93.8)}),
    # control: the same sentence in a paragraph of its own is the commune's again
    ("Ở xã Cư Yang, anh Y Bhin đã tham gia BHXH tự nguyện được ba năm.\n\nHiện xã Cư Yang "
     "có 540 người tham gia BHXH tự nguyện.\n\nXét trên toàn tỉnh, đến hết tháng 4/2026, "
     "Đắk Lắk có 47.300 người tham gia BHXH tự nguyện.\n\nTỷ lệ bao phủ BHYT đạt 93,8% dân "
     "số.", "2026-05-06", None,
     {("Cư Yang", "bhxh_voluntary_participants", "2026-05-06", 540.0),
      ("Đắk Lắk", "bhxh_voluntary_participants", "2026-04-30", 47_300.0),
      ("Cư Yang", "bhyt_coverage_pct", "2026-04-30", 93.8)}),
    # a headline rounding a body's count to the nearest ("1,53 triệu" over 1.526.480):
    # one row, the body's
    ("Tây Ninh: 8 tháng, 1,53 triệu người tham gia BHYT\n\nĐến hết tháng "
     "8/2026, toàn tỉnh Tây Ninh có 1.526.480 người tham gia BHYT.", "2026-09-10", None,
     {("Tây Ninh", "bhyt_participants", "2026-08-31", 1_526_480.0)}),
    # control: a headline more than half a step away is a figure of its own
    ("Tây Ninh: 8 tháng, 1,54 triệu người tham gia BHYT\n\nĐến hết tháng 8/2026, toàn "
     "tỉnh Tây Ninh có 1.526.480 người tham gia BHYT.", "2026-09-10", None,
     {("Tây Ninh", "bhyt_participants", "2026-08-31", 1_540_000.0),
      ("Tây Ninh", "bhyt_participants", "2026-08-31", 1_526_480.0)}),
    # a place named bare after "như" that a lower-case district name overlaps ("như
    # Xuân" of huyện Như Xuân): the place is read
    ("Năm 2024, toàn tỉnh Đồng Nai có 3.010.000 người tham gia BHYT.\n\nGiám đốc BHXH "
     "tỉnh biểu dương một số huyện như Xuân Lộc phát triển mới 3.250 người tham gia BHXH "
     "tự nguyện trong năm.", "2025-01-09", None,
     {("Đồng Nai", "bhyt_participants", "2024-12-31", 3_010_000.0),
      ("Xuân Lộc", "bhxh_voluntary_new_participants", "2024-12-31", 3_250.0)}),
    # control: a bound said of two such places is no one's
    ("Năm 2024, toàn tỉnh Đồng Nai có 3.010.000 người tham gia BHYT.\n\nGiám đốc BHXH "
     "tỉnh biểu dương một số huyện như Xuân Lộc, Cẩm Mỹ phát triển mới trên 2.000 người "
     "tham gia BHXH tự nguyện trong năm.", "2025-01-09", None,
     {("Đồng Nai", "bhyt_participants", "2024-12-31", 3_010_000.0)}),
]

test_blind27_classes = class_tests(BLIND27_CLASSES)
