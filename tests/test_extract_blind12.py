"""``bhxh extract``: the classes of the twelfth blind passage set (whole-document places).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twelfth blind set: the
rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND12_CLASSES = [
    # a dateline's place ("Hà Nội, 08/01/2025 - …", a place, a comma, a date, a dash at
    # a paragraph's start) is where the text was filed: a national release is the nation's
    ("BÁO CÁO NĂM 2024 CỦA NGÀNH BHXH\n\nHà Nội, 08/01/2025 - Năm 2024, dù kinh tế cả "
     "nước còn khó khăn, ngành BHXH đạt nhiều kết quả:\n- Số người tham gia BHYT đạt 95,5 "
     "triệu người.\n- Số người tham gia BHTN đạt 15,2 triệu người.", "2025-01-08", None,
     {("Việt Nam", "bhyt_participants", "2024-12-31", 95_500_000.0),
      ("Việt Nam", "bhtn_participants", "2024-12-31", 15_200_000.0)}),
    # control: a dateline with no other place named: the dateline's place is the subject
    ("Hà Nội, 08/01/2025 - Đến hết năm 2024, toàn thành phố có 7.950.000 người tham gia "
     "BHYT.", "2025-01-08", None,
     {("Hà Nội", "bhyt_participants", "2024-12-31", 7_950_000.0)}),
    # control: a provincial article datelined "Hà Nội" about Hà Nội stays Hà Nội's
    ("Hà Nội, 08/01/2025 - Đến hết năm 2024, thành phố Hà Nội có 7.950.000 người tham "
     "gia BHYT.", "2025-01-08", None,
     {("Hà Nội", "bhyt_participants", "2024-12-31", 7_950_000.0)}),
    # a former province named after the 2025 province that took it in ("tỉnh A (sau khi
    # hợp nhất với tỉnh B và tỉnh C)"), figures dated on or after 1/7/2025: the 2025
    # province's, in that sentence and the next
    ("Đến hết năm 2025, tỉnh Lâm Đồng (sau khi hợp nhất với tỉnh Đắk Nông và tỉnh Bình "
     "Thuận) có 3.250.000 người tham gia BHYT. Số người tham gia BHXH tự nguyện là 61.400 "
     "người.", "2026-01-20", None,
     {("Lâm Đồng", "bhyt_participants", "2025-12-31", 3_250_000.0),
      ("Lâm Đồng", "bhxh_voluntary_participants", "2025-12-31", 61_400.0)}),
    # control: a former province's own figure ("tỉnh B cũ có …") keeps its place
    ("Đến hết năm 2025, tỉnh Lâm Đồng có 3.250.000 người tham gia BHYT; tỉnh Đắk Nông cũ "
     "có 590.000 người tham gia BHYT.", "2026-01-20", None,
     {("Lâm Đồng", "bhyt_participants", "2025-12-31", 3_250_000.0),
      ("Đắk Nông", "bhyt_participants", "2025-12-31", 590_000.0)}),
    # control: before 1/7/2025 the two provinces are each their own
    ("Đến 31/3/2025, tỉnh Lâm Đồng có 1.300.000 người tham gia BHYT, tỉnh Đắk Nông có "
     "590.000 người tham gia BHYT.", "2025-04-20", None,
     {("Lâm Đồng", "bhyt_participants", "2025-03-31", 1_300_000.0),
      ("Đắk Nông", "bhyt_participants", "2025-03-31", 590_000.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND12_CLASSES)
def test_blind12_classes(text: str, published: str, hint: str | None, expected: set) -> None:
    check_passage(text, published, hint, expected)
