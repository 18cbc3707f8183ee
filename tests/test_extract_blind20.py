"""``bhxh extract``: the classes of the twentieth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twentieth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND20_CLASSES = [
    # an interview's answer ranks the province in the nation ("thuộc nhóm cao của cả
    # nước"): the nation is the ranking's field, not the place of the next sentence's counts
    ("PV: Kết quả phát triển người tham gia của tỉnh đến nay thế nào, thưa bà?\n\n"
     "Bà Lò Thị Mai: Hết quý III/2023, toàn tỉnh Điện Biên có 598.400 người tham gia BHYT, "
     "tỷ lệ bao phủ 97,2% dân số, thuộc nhóm cao của cả nước. Người tham gia BHXH bắt buộc "
     "có 38.150 người, bảo hiểm thất nghiệp 27.640 người.", "2023-11-20", None,
     {("Điện Biên", "bhyt_participants", "2023-09-30", 598_400.0),
      ("Điện Biên", "bhyt_coverage_pct", "2023-09-30", 97.2),
      ("Điện Biên", "bhxh_compulsory_participants", "2023-09-30", 38_150.0),
      ("Điện Biên", "bhtn_participants", "2023-09-30", 27_640.0)}),
    # control: the nation as its own figure's subject after the ranking keeps its count
    ("Hết quý III/2023, toàn tỉnh Điện Biên có 598.400 người tham gia BHYT, tỷ lệ bao phủ "
     "97,2% dân số, thuộc nhóm cao của cả nước. Cùng thời điểm, cả nước có 92,9 triệu "
     "người tham gia BHYT.", "2023-11-20", None,
     {("Điện Biên", "bhyt_participants", "2023-09-30", 598_400.0),
      ("Điện Biên", "bhyt_coverage_pct", "2023-09-30", 97.2),
      ("Việt Nam", "bhyt_participants", "2023-09-30", 92_900_000.0)}),
    # a gap in points after its target named before it ("so với chỉ tiêu X% …, tỷ lệ …
    # còn thấp hơn N điểm phần trăm"): a shortfall at the rate's date
    ("Đến ngày 15/6, toàn tỉnh Phú Yên có 806.200 người tham gia BHYT, tỷ lệ bao phủ 91,8% "
     "dân số. Song so với chỉ tiêu 92,6% mà UBND tỉnh giao năm 2024, tỷ lệ bao phủ vẫn còn "
     "thấp hơn 0,8 điểm phần trăm.", "2024-07-10", None,
     {("Phú Yên", "bhyt_participants", "2024-06-15", 806_200.0),
      ("Phú Yên", "bhyt_coverage_pct", "2024-06-15", 91.8),
      ("Phú Yên", "bhyt_plan_coverage_pct", "2024-12-31", 92.6),
      ("Phú Yên", "bhyt_shortfall_pp", "2024-06-15", 0.8)}),
    # points still to be raised to reach a target named before them ("Để đạt chỉ tiêu
    # X% …, còn phải tăng thêm N điểm phần trăm"): the same shortfall
    ("Hết tháng 6/2024, toàn tỉnh Phú Yên có 806.200 người tham gia BHYT, tỷ lệ bao phủ "
     "91,8% dân số. Để đạt chỉ tiêu 93% được giao năm 2024, ngành còn phải tăng thêm 1,2 "
     "điểm phần trăm trong 6 tháng cuối năm.", "2024-07-10", None,
     {("Phú Yên", "bhyt_participants", "2024-06-30", 806_200.0),
      ("Phú Yên", "bhyt_coverage_pct", "2024-06-30", 91.8),
      ("Phú Yên", "bhyt_plan_coverage_pct", "2024-12-31", 93.0),
      ("Phú Yên", "bhyt_shortfall_pp", "2024-06-30", 1.2)}),
    # control: a rise in points over last year and points to add with no target named
    # give no shortfall
    ("Hết tháng 6/2024, toàn tỉnh Phú Yên có 806.200 người tham gia BHYT, tỷ lệ bao phủ "
     "91,8% dân số, tăng 0,6 điểm phần trăm so với cùng kỳ. Trong năm 2024, tỉnh còn phải "
     "tăng thêm 1,2 điểm phần trăm.", "2024-07-10", None,
     {("Phú Yên", "bhyt_participants", "2024-06-30", 806_200.0),
      ("Phú Yên", "bhyt_coverage_pct", "2024-06-30", 91.8)}),
    # wards of a province after 1/7/2025 ranked with "đã đạt N%" ("cũng đã đạt"): each
    # ward's coverage, like "đạt N%"
    ("Hết tháng 10/2025, tỉnh Tây Ninh có 2.950.000 người tham gia BHYT, tỷ lệ bao phủ 92,7% "
     "dân số. Ở cấp cơ sở, phường Long An đã đạt 95,2%, còn xã Tân Lập cũng đã đạt 91,4%.",
     "2025-11-10", None,
     {("Tây Ninh", "bhyt_participants", "2025-10-31", 2_950_000.0),
      ("Tây Ninh", "bhyt_coverage_pct", "2025-10-31", 92.7),
      ("Long An", "bhyt_coverage_pct", "2025-10-31", 95.2),
      ("Tân Lập", "bhyt_coverage_pct", "2025-10-31", 91.4)}),
    # control: a ward that "đã đạt N% kế hoạch thu" gives no coverage
    ("Hết tháng 10/2025, tỉnh Tây Ninh có 2.950.000 người tham gia BHYT, tỷ lệ bao phủ 92,7% "
     "dân số. Phường Long An đã đạt 97,5% kế hoạch thu năm 2025.", "2025-11-10", None,
     {("Tây Ninh", "bhyt_participants", "2025-10-31", 2_950_000.0),
      ("Tây Ninh", "bhyt_coverage_pct", "2025-10-31", 92.7)}),
]

test_blind20_classes = class_tests(BLIND20_CLASSES)
