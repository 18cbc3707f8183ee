"""``bhxh extract``: the classes of the fourteenth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Fourteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests
from test_extract import check_placed

BLIND14_CLASSES = [
    # a commune's own report: the commune named once with its district, then "toàn xã
    # có …" — the commune is in play (as "toàn huyện" makes a district), not the district
    ("ỦY BAN NHÂN DÂN XÃ ĐA LỘC\nBÁO CÁO\nTình hình thực hiện BHXH, BHYT 11 tháng năm "
     "2024\nTheo đề nghị của UBND huyện Hậu Lộc, UBND xã Đa Lộc báo cáo như sau:\n\nA. KẾT "
     "QUẢ\n\n1. Đến ngày 30/11/2024, toàn xã có 17.480 người tham gia BHYT, đạt 92,7% dân "
     "số.\n2. Có 264 người tham gia BHXH tự nguyện.", "2024-12-05", None,
     {("Đa Lộc", "bhyt_participants", "2024-11-30", 17_480.0),
      ("Đa Lộc", "bhyt_coverage_pct", "2024-11-30", 92.7),
      ("Đa Lộc", "bhxh_voluntary_participants", "2024-11-30", 264.0)}),
    # control: "toàn huyện" after the commune: the district's figure
    ("Theo đề nghị của UBND huyện Hậu Lộc, UBND xã Đa Lộc báo cáo như sau: đến ngày "
     "30/11/2024, toàn huyện có 152.300 người tham gia BHYT.", "2024-12-05", None,
     {("Hậu Lộc", "bhyt_participants", "2024-11-30", 152_300.0)}),
    # control: "toàn xã hội" (the whole society) is no commune
    ("Huyện Hậu Lộc có xã Đa Lộc là xã bãi ngang. Cùng với toàn xã hội, đến ngày "
     "30/11/2024, huyện có 152.300 người tham gia BHYT.", "2024-12-05", None,
     {("Hậu Lộc", "bhyt_participants", "2024-11-30", 152_300.0)}),
    # a paragraph's lead names the scheme ("Riêng BHXH tự nguyện …"), its counts do not
    # ("huyện phát triển mới …, đưa tổng số người tham gia lên …"): the lead's scheme,
    # not the BHYT of the paragraph before; bare "huyện" before "phát triển mới" is the
    # district in context
    ("Đến hết tháng 10/2023, toàn huyện Mường Khương (Lào Cai) có 62.400 người tham gia "
     "BHYT, đạt 98,1% dân số.\n\nRiêng BHXH tự nguyện có bước tiến rõ rệt. Trong 10 "
     "tháng, huyện phát triển mới 215 người, đưa tổng số người tham gia lên 930 người.",
     "2023-11-10", None,
     {("Mường Khương", "bhyt_participants", "2023-10-31", 62_400.0),
      ("Mường Khương", "bhyt_coverage_pct", "2023-10-31", 98.1),
      ("Mường Khương", "bhxh_voluntary_new_participants", "2023-10-31", 215.0),
      ("Mường Khương", "bhxh_voluntary_participants", "2023-10-31", 930.0)}),
    # control: the lead governs its own paragraph only; the next paragraph's bare count
    # goes on from its own BHYT figure
    ("Riêng BHXH tự nguyện có bước tiến rõ rệt.\n\nĐến hết tháng 10/2023, toàn huyện "
     "Mường Khương (Lào Cai) có 62.400 người tham gia BHYT. Trong 10 tháng, huyện phát "
     "triển mới 1.150 người.", "2023-11-10", None,
     {("Mường Khương", "bhyt_participants", "2023-10-31", 62_400.0),
      ("Mường Khương", "bhyt_new_participants", "2023-10-31", 1_150.0)}),
    # a national page: a caption's "điểm cầu Hà Nội" (a conference's connection point) is
    # no place in play; the Director General's "toàn ngành phấn đấu …" stays the nation's
    ("Hết năm 2024, cả nước có 95,5 triệu người tham gia BHYT, đạt 94,2% dân số.\n\nToàn "
     "cảnh hội nghị tại điểm cầu Hà Nội.\n\nPhát biểu kết luận, Tổng Giám đốc cho biết "
     "năm 2025, toàn ngành phấn đấu tỷ lệ bao phủ BHYT đạt 95% dân số.", "2025-01-10",
     None,
     {("Việt Nam", "bhyt_participants", "2024-12-31", 95_500_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2024-12-31", 94.2),
      ("Việt Nam", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # a province ranked first "cả nước" inside a national release: its own figure; the
    # nation is in play again after it
    ("Hết năm 2024, cả nước có 19,3 triệu người tham gia BHXH, đạt 41,2% lực lượng lao "
     "động. Bình Dương tiếp tục đứng đầu cả nước về tỷ lệ tham gia BHXH với 65,1% lực "
     "lượng lao động. Số người tham gia BHTN là 15,2 triệu người.", "2025-01-10", None,
     {("Việt Nam", "bhxh_participants", "2024-12-31", 19_300_000.0),
      ("Việt Nam", "bhxh_coverage_pct", "2024-12-31", 41.2),
      ("Bình Dương", "bhxh_coverage_pct", "2024-12-31", 65.1),
      ("Việt Nam", "bhtn_participants", "2024-12-31", 15_200_000.0)}),
    # control: the nation's own average stays a yardstick of the province's rate
    ("Hết năm 2024, tỉnh Bình Dương có 65,1% lực lượng lao động tham gia BHXH, cao hơn "
     "mức bình quân cả nước.", "2025-01-10", None,
     {("Bình Dương", "bhxh_coverage_pct", "2024-12-31", 65.1)}),
    # a BHXH total's parts named by their kind only ("gồm N người tham gia bắt buộc và M
    # người tự nguyện"): compulsory and voluntary BHXH, not two more totals
    ("Đến 30/9/2024, toàn tỉnh Ninh Thuận có 61.500 người tham gia BHXH, gồm 48.200 "
     "người tham gia bắt buộc và 13.300 người tự nguyện.", "2024-10-15", None,
     {("Ninh Thuận", "bhxh_participants", "2024-09-30", 61_500.0),
      ("Ninh Thuận", "bhxh_compulsory_participants", "2024-09-30", 48_200.0),
      ("Ninh Thuận", "bhxh_voluntary_participants", "2024-09-30", 13_300.0)}),
]


def test_town_rate_after_an_apposition() -> None:
    """A smaller place's bare rate after an apposition ("Thị trấn A, nơi …, mới đạt x%")
    is its coverage, like the communes' before it (it had been missed)."""
    check_placed(
        "Đến hết tháng 10/2023, toàn huyện Mường Khương (Lào Cai) có 62.400 người tham gia "
        "BHYT, đạt 98,1% dân số. Xã Pha Long đạt 99,5%. Thị trấn Mường Khương, nơi có nhiều "
        "hộ buôn bán nhỏ, mới đạt 95,2%.", "2023-11-10", None,
        {("Mường Khương", "district", "bhyt_participants", "2023-10-31", 62_400.0),
         ("Mường Khương", "district", "bhyt_coverage_pct", "2023-10-31", 98.1),
         ("Pha Long", "commune", "bhyt_coverage_pct", "2023-10-31", 99.5),
         ("Mường Khương", "commune", "bhyt_coverage_pct", "2023-10-31", 95.2)})


test_blind14_classes = class_tests(BLIND14_CLASSES)
