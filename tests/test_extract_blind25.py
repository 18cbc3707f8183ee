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

_PDF_PAGE = ("BẢO HIỂM XÃ HỘI TỈNH CAO BẰNG          Độc lập - Tự do - Hạnh phúc\n\n"
             "Đến hết tháng 10/2025, tỷ lệ bao phủ BHYT toàn tỉnh đạt\n95,2% dân số; tỷ lệ "
             "lực lượng lao động trong độ tuổi\ntham gia BHXH đạt 14,3%. Các xã có tỷ lệ bao "
             "phủ cao như xã Trà Lĩnh\n\n" + " " * 40 + "Trang 2/4\n" + "-" * 30 + "\n"
             "đạt 99,3%; xã Quảng Uyên đạt 97,8%.\n")

_YEAR_BLOCKS = "HÀ TĨNH\nTOÀN CẢNH BHXH NĂM 2025\n\nBHYT\n1.210.000 người\n\n"

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
    # a gap measured against a target named "mục tiêu" ("so với mục tiêu 95% đặt ra cho
    # năm 2026"): the target's rate is the plan, and it opens no aim the next sentence's
    # coverage would go on
    ("Đến hết tháng 10/2026, toàn tỉnh Nghệ An có 3.120.000 người tham gia BHYT, đạt 94,1% "
     "dân số, còn thiếu 0,9 điểm phần trăm so với mục tiêu 95% đặt ra cho năm 2026. Số "
     "người tham gia BHXH là 512.000 người, chiếm 27,5% lực lượng lao động trong độ "
     "tuổi.", "2026-11-20", None,
     {("Nghệ An", "bhyt_participants", "2026-10-31", 3_120_000.0),
      ("Nghệ An", "bhyt_coverage_pct", "2026-10-31", 94.1),
      ("Nghệ An", "bhyt_shortfall_pp", "2026-10-31", 0.9),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2026-12-31", 95.0),
      ("Nghệ An", "bhxh_participants", "2026-10-31", 512_000.0),
      ("Nghệ An", "bhxh_coverage_pct", "2026-10-31", 27.5)}),
    # control: an aim set with "đặt mục tiêu" still carries to the next sentence's rate
    ("Năm 2026, tỉnh Nghệ An đặt mục tiêu đạt 96% dân số tham gia BHYT. Tỷ lệ tham gia "
     "BHXH đạt 30% lực lượng lao động.", "2026-07-10", None,
     {("Nghệ An", "bhyt_plan_coverage_pct", "2026-12-31", 96.0),
      ("Nghệ An", "bhxh_plan_coverage_pct", "2026-12-31", 30.0)}),
    # a part's share of the total ("chiếm hơn 42% tổng số của thành phố") is no coverage
    ("Đến hết tháng 6/2026, thành phố Hải Phòng có 95.000 người tham gia BHXH tự nguyện. "
     "Số người tham gia BHXH tự nguyện tăng mạnh, trong đó khu vực tỉnh Hải Dương cũ có "
     "40.200 người tham gia, chiếm hơn 42% tổng số của thành phố.", "2026-07-10", None,
     {("Hải Phòng", "bhxh_voluntary_participants", "2026-06-30", 95_000.0),
      ("Hải Dương", "bhxh_voluntary_participants", "2026-06-30", 40_200.0)}),
    # control: a share of the total of workers of working age is the labour force's
    ("Đến hết tháng 6/2026, thành phố Hải Phòng có 512.000 người tham gia BHXH, chiếm "
     "27,5% tổng số lao động trong độ tuổi.", "2026-07-10", None,
     {("Hải Phòng", "bhxh_participants", "2026-06-30", 512_000.0),
      ("Hải Phòng", "bhxh_coverage_pct", "2026-06-30", 27.5)}),
    # a ward's rate after a contrast ("…, trong khi một số phường còn thấp, như phường A
    # mới đạt x%") is its own, not the bound the communes listed before it share
    ("Đến hết tháng 9/2026, tỉnh Tuyên Quang có 1.650.000 người tham gia BHYT, đạt 95,1% "
     "dân số. Các xã vùng cao như Đồng Văn, Yên Minh duy trì tỷ lệ bao phủ BHYT trên 99%, "
     "trong khi một số phường còn thấp, như phường Minh Xuân mới đạt 93,6%.", "2026-10-10",
     None,
     {("Tuyên Quang", "bhyt_participants", "2026-09-30", 1_650_000.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2026-09-30", 95.1),
      ("Minh Xuân", "bhyt_coverage_pct", "2026-09-30", 93.6)}),
    # control: a third name in the same list, with no contrast, shares the bound
    ("Đến hết tháng 9/2026, tỉnh Tuyên Quang có 1.650.000 người tham gia BHYT, đạt 95,1% "
     "dân số. Các xã vùng cao như Đồng Văn, Yên Minh duy trì tỷ lệ bao phủ BHYT trên 99%, "
     "xã Mèo Vạc trên 98%.", "2026-10-10", None,
     {("Tuyên Quang", "bhyt_participants", "2026-09-30", 1_650_000.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2026-09-30", 95.1)}),
    # a report copied from a PDF whose sentence runs over a page break ("… như xã A⏎⏎
    # Trang 2/4⏎-----⏎đạt 99,3%; …"): one sentence, its communes' rates BHYT's like the
    # province's coverage read before the labour-force rate
    (_PDF_PAGE, "2025-11-12", None,
     {("Cao Bằng", "bhyt_coverage_pct", "2025-10-31", 95.2),
      ("Cao Bằng", "bhxh_coverage_pct", "2025-10-31", 14.3),
      ("Trà Lĩnh", "bhyt_coverage_pct", "2025-10-31", 99.3),
      ("Quảng Uyên", "bhyt_coverage_pct", "2025-10-31", 97.8)}),
    # control: the next page opening with a capital starts a sentence of its own
    (_PDF_PAGE.replace("đạt 99,3%; xã Quảng Uyên", "Xã Quảng Uyên"), "2025-11-12", None,
     {("Cao Bằng", "bhyt_coverage_pct", "2025-10-31", 95.2),
      ("Cao Bằng", "bhxh_coverage_pct", "2025-10-31", 14.3),
      ("Quảng Uyên", "bhyt_coverage_pct", "2025-10-31", 97.8)}),
    # Limits left by set 23: an infographic's plan in brackets under the gap line that is
    # measured against it ("Vượt 800 người so với kế hoạch⏎(kế hoạch: 11.500 người)"):
    # the reviewed year's plan, of new participants under a "Phát triển mới" heading
    (_YEAR_BLOCKS + "Phát triển mới BHXH tự nguyện\n12.300 người\nVượt 800 người so với "
     "kế hoạch\n(kế hoạch: 11.500 người)\n", "2026-01-14", None,
     {("Hà Tĩnh", "bhyt_participants", "2025-12-31", 1_210_000.0),
      ("Hà Tĩnh", "bhxh_voluntary_new_participants", "2025-12-31", 12_300.0),
      ("Hà Tĩnh", "bhxh_voluntary_shortfall_participants", "2025-12-31", -800.0),
      ("Hà Tĩnh", "bhxh_voluntary_plan_new_participants", "2025-12-31", 11_500.0)}),
    # … and of all participants under a scheme's heading
    (_YEAR_BLOCKS + "BHXH TỰ NGUYỆN\n36.400 người\nVượt 900 người so với kế hoạch\n"
     "(kế hoạch: 35.500 người)\n", "2026-01-14", None,
     {("Hà Tĩnh", "bhyt_participants", "2025-12-31", 1_210_000.0),
      ("Hà Tĩnh", "bhxh_voluntary_participants", "2025-12-31", 36_400.0),
      ("Hà Tĩnh", "bhxh_voluntary_shortfall_participants", "2025-12-31", -900.0),
      ("Hà Tĩnh", "bhxh_voluntary_plan_participants", "2025-12-31", 35_500.0)}),
    # control: a bracketed plan with its own year and no gap above it keeps that year
    (_YEAR_BLOCKS + "Phát triển mới BHXH tự nguyện\n12.300 người\n(kế hoạch năm 2026: "
     "13.000 người)\n", "2026-01-14", None,
     {("Hà Tĩnh", "bhyt_participants", "2025-12-31", 1_210_000.0),
      ("Hà Tĩnh", "bhxh_voluntary_new_participants", "2025-12-31", 12_300.0),
      ("Hà Tĩnh", "bhxh_voluntary_plan_participants", "2026-12-31", 13_000.0)}),
    # Limits left by set 22: a result rate named by its scheme only, after a comma with no
    # verb ("…, BHTN 33,1% và BHYT 94,6% dân số"), after a labour-force coverage
    ("Đến hết tháng 6/2026, tỉnh Bắc Ninh có tỷ lệ bao phủ BHXH đạt 40,2% lực lượng lao "
     "động, BHTN 33,1% và BHYT 94,6% dân số.", "2026-07-10", None,
     {("Bắc Ninh", "bhxh_coverage_pct", "2026-06-30", 40.2),
      ("Bắc Ninh", "bhtn_coverage_pct", "2026-06-30", 33.1),
      ("Bắc Ninh", "bhyt_coverage_pct", "2026-06-30", 94.6)}),
    # control: a change of that scheme after the comma is no coverage
    ("Đến hết tháng 6/2026, tỉnh Bắc Ninh có tỷ lệ bao phủ BHXH đạt 40,2% lực lượng lao "
     "động, BHTN tăng 3,5% so với cùng kỳ.", "2026-07-10", None,
     {("Bắc Ninh", "bhxh_coverage_pct", "2026-06-30", 40.2)}),
    # Limits left by set 23: a former province's part of a merged total, named after the
    # count ("…, trong đó khoảng 380 nghìn người thuộc địa bàn tỉnh Hải Dương cũ")
    ("Lũy kế đến hết tháng 9/2025, thành phố Hải Phòng có hơn 1 triệu người tham gia BHXH, "
     "trong đó khoảng 380 nghìn người thuộc địa bàn tỉnh Hải Dương cũ. Tỷ lệ bao phủ BHYT "
     "đạt 94,1% dân số.", "2025-10-20", None,
     {("Hải Phòng", "bhxh_participants", "2025-09-30", 1_000_000.0),
      ("Hải Dương", "bhxh_participants", "2025-09-30", 380_000.0),
      ("Hải Phòng", "bhyt_coverage_pct", "2025-09-30", 94.1)}),
    # control: a part named by a group, not a place, is no row
    ("Lũy kế đến hết tháng 9/2025, thành phố Hải Phòng có 1.050.000 người tham gia BHXH, "
     "trong đó có 9.100 người thuộc hộ nghèo.", "2025-10-20", None,
     {("Hải Phòng", "bhxh_participants", "2025-09-30", 1_050_000.0)}),
]

test_blind25_classes = class_tests(BLIND25_CLASSES)
