"""``bhxh extract``: the classes of the twenty-fifth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-fifth blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_LETTERHEAD = ("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "XÃ PHÚ LÂM          Độc lập - Tự do - Hạnh phúc\n\nBÁO CÁO\n"
               "Kết quả thực hiện chính sách BHYT năm 2023\n\n")

BLIND25_CLASSES = [
    # a commune's report: the letterhead's motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" is no
    # second commune, so "trên địa bàn xã" is the commune of the letterhead, not the
    # district the preamble names
    (_LETTERHEAD + "Thực hiện chỉ đạo của UBND huyện Tiên Du, UBND xã báo cáo như sau:\n"
     "1. Đến hết năm 2023, trên địa bàn xã có 11.250 người tham gia BHYT, đạt 93,4% dân "
     "số.\n2. Số người tham gia BHXH tự nguyện là 415 người.", "2024-01-08", None,
     {("Phú Lâm", "bhyt_participants", "2023-12-31", 11_250.0),
      ("Phú Lâm", "bhyt_coverage_pct", "2023-12-31", 93.4),
      ("Phú Lâm", "bhxh_voluntary_participants", "2023-12-31", 415.0)}),
    # control: a commune whose name starts with "Hội" is still a commune
    ("Đến hết năm 2023, huyện Quỳ Hợp (Nghệ An) có 118.000 người tham gia BHYT. Riêng xã "
     "Hội Sơn có 3.450 người tham gia BHYT.", "2024-01-08", None,
     {("Quỳ Hợp", "bhyt_participants", "2023-12-31", 118_000.0),
      ("Hội Sơn", "bhyt_participants", "2023-12-31", 3_450.0)}),
    # control: "UBND xã, phường" (every commune and ward) names no one commune: the
    # province stays in play after a commune's figure
    ("Đến hết tháng 3/2024, tỉnh Bắc Ninh có 1.400.000 người tham gia BHYT. Xã Phú Lâm có "
     "11.300 người tham gia BHYT.\n\nBHXH tỉnh đề nghị UBND xã, phường lập danh sách hộ "
     "chưa tham gia. Hiện có 30.100 người tham gia BHXH tự nguyện.", "2024-04-10", None,
     {("Bắc Ninh", "bhyt_participants", "2024-03-31", 1_400_000.0),
      ("Phú Lâm", "bhyt_participants", "2024-03-31", 11_300.0),
      ("Bắc Ninh", "bhxh_voluntary_participants", "2024-04-10", 30_100.0)}),
    # an infographic's block "NĂM 2026 PHẤN ĐẤU" over label lines: next year's targets, each
    # line its own scheme (not the next line's "Tham gia BHTN"); a bare "Đạt x% kế hoạch"
    # right under a sum of money is the money's
    ("BHXH TỈNH HÀ TĨNH\nKẾT QUẢ NĂM 2025\n\nBẢO HIỂM Y TẾ\n1.210.000 người tham gia\n\n"
     "THU NGÂN SÁCH\n2.310 tỷ đồng\nĐạt 98,4% kế hoạch\n\nNĂM 2026 PHẤN ĐẤU\nBao phủ BHYT: "
     "96,5% dân số\nTham gia BHTN: 21% lực lượng lao động", "2026-01-12", None,
     {("Hà Tĩnh", "bhyt_participants", "2025-12-31", 1_210_000.0),
      ("Hà Tĩnh", "bhyt_plan_coverage_pct", "2026-12-31", 96.5),
      ("Hà Tĩnh", "bhtn_plan_coverage_pct", "2026-12-31", 21.0)}),
    # control: the same lines under a heading of results are the year's coverage, and
    # "Đạt x% kế hoạch" under a count of participants stays that count's attainment
    ("BHXH TỈNH HÀ TĨNH\nKẾT QUẢ NĂM 2025\n\nBẢO HIỂM THẤT NGHIỆP\n180.000 người tham gia\n"
     "Đạt 101,2% kế hoạch\n\nTỶ LỆ BAO PHỦ\nBao phủ BHYT: 96,1% dân số\nTham gia BHTN: 20% "
     "lực lượng lao động", "2026-01-12", None,
     {("Hà Tĩnh", "bhtn_participants", "2025-12-31", 180_000.0),
      ("Hà Tĩnh", "bhtn_attainment_pct", "2025-12-31", 101.2),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2025-12-31", 96.1),
      ("Hà Tĩnh", "bhtn_coverage_pct", "2025-12-31", 20.0)}),
    # a former province's rate, "cũ" between its name and "đạt", after the province's
    ("Đến hết tháng 8/2026, thành phố Cần Thơ có 3.050.000 người tham gia BHYT, đạt 93,5% "
     "dân số. Trong đó, khu vực tỉnh Hậu Giang cũ đạt 94,8%.", "2026-09-10", None,
     {("Cần Thơ", "bhyt_participants", "2026-08-31", 3_050_000.0),
      ("Cần Thơ", "bhyt_coverage_pct", "2026-08-31", 93.5),
      ("Hậu Giang", "bhyt_coverage_pct", "2026-08-31", 94.8)}),
    # control: with no larger place's rate before it, the bare rate stays unread
    ("Đến hết tháng 8/2026, khu vực tỉnh Hậu Giang cũ đạt 94,8%.", "2026-09-10", None,
     set()),
    # a 2025 commune bearing the name of a former province's legacy commune is the 2025
    # commune: a caption naming it leaves the city in play, and a commune named in a
    # province's sentence does not move the province in play to the former one
    ("Đến hết tháng 8/2026, thành phố Cần Thơ có 3.050.000 người tham gia BHYT.\n\nCán bộ "
     "BHXH hướng dẫn người dân xã Phụng Hiệp tra cứu thẻ BHYT. Ảnh: Thu Hà\n\nĐến hết "
     "tháng 8/2026, thành phố có 96.500 người tham gia BHXH tự nguyện. Xã Phụng Hiệp đạt "
     "tỷ lệ bao phủ BHYT 95,7%. Toàn thành phố phát triển mới 6.200 người tham gia BHXH tự "
     "nguyện.", "2026-09-10", None,
     {("Cần Thơ", "bhyt_participants", "2026-08-31", 3_050_000.0),
      ("Cần Thơ", "bhxh_voluntary_participants", "2026-08-31", 96_500.0),
      ("Phụng Hiệp", "bhyt_coverage_pct", "2026-08-31", 95.7),
      ("Cần Thơ", "bhxh_voluntary_new_participants", "2026-08-31", 6_200.0)}),
    # control: before 1/7/2025 the legacy commune of that name is Hậu Giang's, and the
    # figures after it are its own
    ("Đến hết tháng 8/2024, tỉnh Hậu Giang có 690.000 người tham gia BHYT. Xã Phụng Hiệp "
     "có 8.100 người tham gia BHYT.", "2024-09-10", None,
     {("Hậu Giang", "bhyt_participants", "2024-08-31", 690_000.0),
      ("Phụng Hiệp", "bhyt_participants", "2024-08-31", 8_100.0)}),
]

test_blind25_classes = class_tests(BLIND25_CLASSES)
