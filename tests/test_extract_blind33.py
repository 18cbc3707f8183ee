"""``bhxh extract``: the classes of the thirty-third to thirty-sixth blind passage sets.

Each passage was written for these tests in our own wording (never the blind sets') and
failed before the rule it pins was written (``docs/extract.md``, "Thirty-third to
thirty-sixth blind sets: the rules generalised"); the controls show where a rule could
over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_TABLE = ("Kết quả 9 tháng năm 2025 của BHXH tỉnh Quảng Trị\n\nChỉ tiêu | Kế hoạch năm 2025 | "
          "Thực hiện đến 30/9/2025 | {col}\nBHXH tự nguyện (người) | 41.000 | 37.720 | 92,0%\n"
          "BHYT (người) | 1.520.000 | 1.480.500 | 97,4%")

_INFOGRAPHIC = ("BHXH TỈNH BẮC NINH\nKẾT QUẢ NĂM 2025\n\nBHYT\n1.950.300 người tham gia\nTỷ lệ "
                "bao phủ: 94,2% dân số\n\nBHXH\n402.600 người\n= 28,4% lực lượng lao động\n\n"
                "BHTN\n351.900 người\n{mark} 24,8% lực lượng lao động\n\n{head}\nBHYT: 95,5% dân "
                "số\nBHXH: 30% lực lượng lao động")

BLIND33_CLASSES = [
    # a table's last column "Tỷ lệ so kế hoạch" after a plan and its result: the share of
    # the plan reached (attainment), as "so với kế hoạch", not a planned coverage
    (_TABLE.format(col="Tỷ lệ so kế hoạch"), "2025-10-10", None,
     {("Quảng Trị", "bhxh_voluntary_plan_participants", "2025-12-31", 41_000.0),
      ("Quảng Trị", "bhxh_voluntary_participants", "2025-09-30", 37_720.0),
      ("Quảng Trị", "bhxh_voluntary_attainment_pct", "2025-09-30", 92.0),
      ("Quảng Trị", "bhyt_plan_participants", "2025-12-31", 1_520_000.0),
      ("Quảng Trị", "bhyt_participants", "2025-09-30", 1_480_500.0),
      ("Quảng Trị", "bhyt_attainment_pct", "2025-09-30", 97.4)}),
    # control: a column of the planned coverage stays a plan
    ("Kết quả 9 tháng năm 2025 của BHXH tỉnh Quảng Trị\n\nChỉ tiêu | Thực hiện đến 30/9/2025 "
     "| Tỷ lệ bao phủ kế hoạch năm 2025\nBHYT (người) | 1.480.500 | 95,0%", "2025-10-10", None,
     {("Quảng Trị", "bhyt_participants", "2025-09-30", 1_480_500.0),
      ("Quảng Trị", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # an infographic's block of targets headed "MỤC TIÊU 2026" (no "năm"), and a rate line
    # opened by "=" under a BHTN heading: next year's plans, and BHTN's rate
    (_INFOGRAPHIC.format(mark="=", head="MỤC TIÊU 2026"), "2026-01-12", None,
     {("Bắc Ninh", "bhyt_participants", "2025-12-31", 1_950_300.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 94.2),
      ("Bắc Ninh", "bhxh_participants", "2025-12-31", 402_600.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 28.4),
      ("Bắc Ninh", "bhtn_participants", "2025-12-31", 351_900.0),
      ("Bắc Ninh", "bhtn_coverage_pct", "2025-12-31", 24.8),
      ("Bắc Ninh", "bhyt_plan_coverage_pct", "2026-12-31", 95.5),
      ("Bắc Ninh", "bhxh_plan_coverage_pct", "2026-12-31", 30.0)}),
    # control: a block headed by a result of a year ("KẾT QUẢ 2025") is no target; a rate
    # line opened by a sentence's words keeps the scheme read before
    (_INFOGRAPHIC.format(mark="Trong năm, bằng", head="KẾT QUẢ 2025"), "2026-01-12", None,
     {("Bắc Ninh", "bhyt_participants", "2025-12-31", 1_950_300.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 94.2),
      ("Bắc Ninh", "bhxh_participants", "2025-12-31", 402_600.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 28.4),
      ("Bắc Ninh", "bhtn_participants", "2025-12-31", 351_900.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 24.8),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 95.5),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 30.0)}),
]

test_blind33_classes = class_tests(BLIND33_CLASSES)
