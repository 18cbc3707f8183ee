"""``bhxh extract``: the classes of real-page set 13 (issue 15).

Each passage was written for these tests in our own wording (never a page's) and failed
before the rule it pins was written (``docs/extract.md``, "Sixth round: set 13"). Controls
show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

SET13_CLASSES = [
    # a provincial outlet's year review: a district named once, in a caption that reads no
    # figure, does not take over the figures of the province (the outlet's, --place-hint)
    ("Năm 2020, số người tham gia BHYT tăng\nCán bộ hướng dẫn người dân kê khai tại bộ "
     "phận một cửa của BHXH huyện Kim Bảng.\n\nTham gia BHXH bắt buộc có 98.120 người, đạt "
     "101% kế hoạch UBND tỉnh giao. Tổng số người tham gia BHYT là 731.400 người, tăng "
     "12.300 người so với năm 2019.", "2021-01-08", "Hà Nam",
     {("Hà Nam", "bhxh_compulsory_participants", "2020-12-31", 98_120.0),
      ("Hà Nam", "bhxh_compulsory_attainment_pct", "2020-12-31", 101.0),
      ("Hà Nam", "bhyt_participants", "2020-12-31", 731_400.0),
      ("Hà Nam", "bhyt_change_participants", "2020-12-31", 12_300.0)}),
    # control: a district named in a sentence of its own that is then the subject of the
    # figures ("toàn huyện") keeps them
    ("Năm 2020, số người tham gia BHYT tăng\nBHXH huyện Kim Bảng vừa tổng kết công tác "
     "năm.\n\nNăm 2020, toàn huyện có 61.200 người tham gia BHYT, tăng 1.300 người so với "
     "năm 2019.", "2021-01-08", "Hà Nam",
     {("Kim Bảng", "bhyt_participants", "2020-12-31", 61_200.0),
      ("Kim Bảng", "bhyt_change_participants", "2020-12-31", 1_300.0)}),
    # "TP.HCM", "TPHCM": the city, whose page keeps it for figures whose sentence names no
    # other place (not the nation because the Prime Minister set the plan: "kế hoạch Thủ
    # tướng giao" is the plan given to the city); "Để đạt kế hoạch …, từ nay đến cuối năm
    # phải có N người": what is still needed at the status date, not the plan
    ("TP.HCM: vẫn còn nhiều người chưa có BHYT\n\nĐến cuối tháng 4-2018, TP.HCM có 6,71 "
     "triệu người tham gia BHYT, đạt 80,3% dân số. Để đạt kế hoạch Thủ tướng giao (82%), "
     "từ nay đến cuối năm phải có 98.200 người tham gia BHYT.", "2018-05-20", None,
     {("Hồ Chí Minh", "bhyt_participants", "2018-04-30", 6_710_000.0),
      ("Hồ Chí Minh", "bhyt_coverage_pct", "2018-04-30", 80.3),
      ("Hồ Chí Minh", "bhyt_plan_coverage_pct", "2018-12-31", 82.0),
      ("Hồ Chí Minh", "bhyt_shortfall_participants", "2018-04-30", 98_200.0)}),
    ("Theo BHXH TPHCM, năm 2025 độ bao phủ BHYT trên địa bàn thành phố được mở rộng. Đến "
     "31/12/2025, số người tham gia BHYT trên địa bàn thành phố là 12,7 triệu người.",
     "2026-01-15", None,
     {("Hồ Chí Minh", "bhyt_participants", "2025-12-31", 12_700_000.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", SET13_CLASSES,
                         ids=[f"set13-{i}" for i in range(len(SET13_CLASSES))])
def test_set13_classes(text, published, hint, expected) -> None:
    """Each class passage of set 13 gives exactly its expected readings."""
    check_passage(text, published, hint, expected)
