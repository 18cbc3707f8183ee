"""``bhxh extract``: the classes of the twenty-eighth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-eighth blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND28_CLASSES = [
    # an infographic's title of three lines in capitals (a label line over the two)
    # dates its blocks by its year; a target heading with its source in brackets after
    # the year heads that year's targets
    ("INFOGRAPHIC\nBHXH TỈNH THANH HÓA\nNHỮNG CON SỐ NĂM 2023\n\nBẢO HIỂM Y TẾ\n3,4 triệu "
     "người tham gia\nđạt 92,6% dân số\n\nMỤC TIÊU NĂM 2024 (theo Nghị quyết 15/NQ-HĐND)\n"
     "BHYT: 94% dân số", "2024-01-15", None,
     {("Thanh Hóa", "bhyt_participants", "2023-12-31", 3_400_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2023-12-31", 92.6),
      ("Thanh Hóa", "bhyt_plan_coverage_pct", "2024-12-31", 94.0)}),
    # control: three lines in ordinary case are a headline and what follows it, not a
    # title block: the publication day dates the figures
    ("Infographic\nBHXH tỉnh Thanh Hóa\nNhững con số năm 2023\n\nBẢO HIỂM Y TẾ\n3,4 triệu "
     "người tham gia\nđạt 92,6% dân số", "2024-01-15", None,
     {("Thanh Hóa", "bhyt_participants", "2024-01-15", 3_400_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2024-01-15", 92.6)}),
]

test_blind28_classes = class_tests(BLIND28_CLASSES)
