"""``bhxh extract``: the classes of the thirteenth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Thirteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests
from test_extract import check_placed

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
    # a year-end release of 2024 dated January 2025: "2. Nhiệm vụ năm 2025" heads the
    # next year's targets (their sentence prints no year); the province that "dẫn đầu
    # toàn quốc" has its own figure
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\nKết quả năm 2024\n\n1. Về phát triển người tham gia\n"
     "Hết năm 2024, cả nước có 95,5 triệu người tham gia BHYT, đạt 94,2% dân số. Thanh "
     "Hóa dẫn đầu toàn quốc về số người tham gia BHXH tự nguyện, với 310.500 người."
     "\n\n2. Nhiệm vụ năm 2025\nNgành phấn đấu tỷ lệ bao phủ BHYT đạt 95% dân số.",
     "2025-01-09", None,
     {("Việt Nam", "bhyt_participants", "2024-12-31", 95_500_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2024-12-31", 94.2),
      ("Thanh Hóa", "bhxh_voluntary_participants", "2024-12-31", 310_500.0),
      ("Việt Nam", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # control: a heading of results ("1. Kết quả năm 2024") gives plans no year
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\n\n1. Kết quả năm 2024\nHết năm 2024, cả nước có 95,5 "
     "triệu người tham gia BHYT, đạt 94,2% dân số; chỉ tiêu Chính phủ giao là 94,1%.",
     "2025-01-09", None,
     {("Việt Nam", "bhyt_participants", "2024-12-31", 95_500_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2024-12-31", 94.2),
      ("Việt Nam", "bhyt_plan_coverage_pct", "2024-12-31", 94.1)}),
    # one person's recruits ("Anh A, cộng tác viên …, vừa thuyết phục thêm 23 người tham
    # gia"): no figure of the place
    ("Đến hết tháng 6/2024, huyện Hương Sơn (Hà Tĩnh) có 3.420 người tham gia BHXH tự "
     "nguyện. Năm nay, anh Nguyễn Văn Hùng, cộng tác viên ở thị trấn Phố Châu, cho biết "
     "anh đã thuyết phục được 23 người tham gia mới.", "2024-07-05", None,
     {("Hương Sơn", "bhxh_voluntary_participants", "2024-06-30", 3_420.0)}),
    # control: the district's own recruits are its new participants
    ("Đến hết tháng 6/2024, huyện Hương Sơn (Hà Tĩnh) có 3.420 người tham gia BHXH tự "
     "nguyện; huyện đã vận động được 540 người tham gia mới.", "2024-07-05", None,
     {("Hương Sơn", "bhxh_voluntary_participants", "2024-06-30", 3_420.0),
      ("Hương Sơn", "bhxh_voluntary_new_participants", "2024-06-30", 540.0)}),
]




def test_two_units_of_one_name_in_turn() -> None:
    """"thị xã Long Mỹ và huyện Long Mỹ … lần lượt …": two districts, each its rate (both
    had been read as the one commune of that name)."""
    df = check_placed(
        "Đến hết tháng 6/2023, tỉnh Hậu Giang có 91,4% dân số tham gia BHYT; tỷ lệ bao phủ "
        "của thị xã Long Mỹ và huyện Long Mỹ lần lượt là 92,5% và 90,1%.", "2023-07-10",
        None,
        {("Hậu Giang", "province", "bhyt_coverage_pct", "2023-06-30", 91.4),
         ("Long Mỹ", "district", "bhyt_coverage_pct", "2023-06-30", 92.5),
         ("Long Mỹ", "district", "bhyt_coverage_pct", "2023-06-30", 90.1)})
    assert df.loc[df["geo_name"] == "Long Mỹ", "geo_code"].nunique() == 2


test_blind13_classes = class_tests(BLIND13_CLASSES)
