"""``bhxh extract``: the classes of the eighth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Eighth blind set: the
rules generalised"); controls guard where a rule could over-fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND8_CLASSES = [
    # an office's name in capitals over a release, "BẢO HIỂM XÃ HỘI TỈNH X": the "XÃ" of
    # "xã hội" (social) is no commune, so the province is the place of "toàn tỉnh"
    ("BẢO HIỂM XÃ HỘI TỈNH BÌNH ĐỊNH\nBÁO CÁO NHANH\n\nĐến 30/6/2023, toàn tỉnh có "
     "1.400.000 người tham gia BHYT. Thị xã An Nhơn có tỷ lệ bao phủ 95,1%.\n\nToàn tỉnh có 52.300 "
     "người tham gia BHXH tự nguyện.", "2023-07-08", None,
     {("Bình Định", "bhyt_participants", "2023-06-30", 1_400_000.0),
      ("An Nhơn", "bhyt_coverage_pct", "2023-06-30", 95.1),
      ("Bình Định", "bhxh_voluntary_participants", "2023-06-30", 52_300.0)}),
    # the same in ordinary case, and "Ngân hàng Chính sách Xã hội" named in passing
    ("Bảo hiểm Xã hội tỉnh Bình Định phối hợp với Ngân hàng Chính sách Xã hội. Đến "
     "30/6/2023, toàn tỉnh có 52.300 người tham gia BHXH tự nguyện.", "2023-07-08", None,
     {("Bình Định", "bhxh_voluntary_participants", "2023-06-30", 52_300.0)}),
    # control: a commune whose name begins with "Hội" is still a commune
    ("Đến 30/6/2023, huyện Cai Lậy có 160.000 người tham gia BHYT; xã Hội Xuân đạt 93,4%.",
     "2023-07-08", None,
     {("Cai Lậy", "bhyt_participants", "2023-06-30", 160_000.0),
      ("Hội Xuân", "bhyt_coverage_pct", "2023-06-30", 93.4)}),
    # a paragraph of aims ("Phấn đấu …") right under a numbered heading "Nhiệm vụ năm Y":
    # targets of year Y, not of the report's year
    ("Tính đến hết năm 2022, tỉnh Bình Định có 1.420.000 người tham gia BHYT, đạt 94,1% "
     "dân số.\n\n"
     "2. Nhiệm vụ năm 2023\nPhấn đấu 95% dân số tham gia BHYT; 22% lực lượng lao động "
     "tham gia BHXH.", "2023-01-12", None,
     {("Bình Định", "bhyt_participants", "2022-12-31", 1_420_000.0),
      ("Bình Định", "bhyt_coverage_pct", "2022-12-31", 94.1),
      ("Bình Định", "bhyt_plan_coverage_pct", "2023-12-31", 95.0),
      ("Bình Định", "bhxh_plan_coverage_pct", "2023-12-31", 22.0)}),
    # control: an aim that prints its own year under that heading keeps its year
    ("Năm 2022, tỉnh Bình Định có 1.420.000 người tham gia BHYT.\n\n2. Nhiệm vụ năm 2023\n"
     "Phấn đấu đến năm 2025 có 96% dân số tham gia BHYT.", "2023-01-12", None,
     {("Bình Định", "bhyt_participants", "2022-12-31", 1_420_000.0),
      ("Bình Định", "bhyt_plan_coverage_pct", "2025-12-31", 96.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND8_CLASSES,
                         ids=[f"blind8_class_{i}" for i in range(len(BLIND8_CLASSES))])
def test_eighth_blind_set_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)  # every place in the registry too
