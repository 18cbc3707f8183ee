"""``bhxh extract``: the classes of the thirteenth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Thirteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND13_CLASSES = [
    # a caption's count with no scheme after a sentence naming one ("… hướng dẫn người
    # dân đăng ký tham gia BHXH tự nguyện. Xã A có N người tham gia."): that scheme, not
    # the BHYT of the paragraph before
    ("Năm 2023, toàn huyện Mường Khương (Lào Cai) có 62.400 người tham gia BHYT, đạt "
     "98,1% dân số.\n\nẢnh: Nhân viên bưu điện hướng dẫn người dân xã Bản Lầu đăng ký "
     "tham gia BHXH tự nguyện. Đến cuối năm 2023, xã Bản Lầu có 142 người tham gia.",
     "2024-01-12", None,
     {("Mường Khương", "bhyt_participants", "2023-12-31", 62_400.0),
      ("Mường Khương", "bhyt_coverage_pct", "2023-12-31", 98.1),
      ("Bản Lầu", "bhxh_voluntary_participants", "2023-12-31", 142.0)}),
    # control: a sentence naming two schemes leads none; the count stays BHYT's
    ("Năm 2023, toàn huyện Mường Khương (Lào Cai) có 62.400 người tham gia BHYT, đạt "
     "98,1% dân số.\n\nẢnh: Nhân viên bưu điện hướng dẫn người dân xã Bản Lầu đăng ký "
     "tham gia BHXH tự nguyện và BHYT. Đến cuối năm 2023, xã Bản Lầu có 4.120 người tham "
     "gia.", "2024-01-12", None,
     {("Mường Khương", "bhyt_participants", "2023-12-31", 62_400.0),
      ("Mường Khương", "bhyt_coverage_pct", "2023-12-31", 98.1),
      ("Bản Lầu", "bhyt_participants", "2023-12-31", 4_120.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND13_CLASSES)
def test_blind13_classes(text: str, published: str, hint: str | None, expected: set) -> None:
    check_passage(text, published, hint, expected)
