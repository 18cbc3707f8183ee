"""``bhxh extract``: the classes of the twenty-fourth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-fourth blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND24_CLASSES = [
    # a lead opened by its year that strives for the aims listed under it ("2. Năm 2026,
    # UBND tỉnh yêu cầu … phấn đấu đạt các mục tiêu:"): the bullets are that year's plans
    ("Năm 2025, tỉnh Nghệ An có 1.050.000 người tham gia BHTN.\n\n2. Năm 2026, UBND tỉnh "
     "yêu cầu các sở, ngành phấn đấu đạt các mục tiêu:\n- Tỷ lệ bao phủ BHYT đạt 96% dân "
     "số;\n- Tỷ lệ tham gia BHTN đạt 20% lực lượng lao động;\n- Phát triển mới 18.000 người "
     "tham gia BHXH tự nguyện.", "2026-01-20", None,
     {("Nghệ An", "bhtn_participants", "2025-12-31", 1_050_000.0),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2026-12-31", 96.0),
      ("Nghệ An", "bhtn_plan_coverage_pct", "2026-12-31", 20.0),
      ("Nghệ An", "bhxh_voluntary_plan_new_participants", "2026-12-31", 18_000.0)}),
    # control: a lead opened by its year that reports what was done heads results
    ("Đến hết năm 2025, tỉnh Nghệ An có 1.050.000 người tham gia BHTN.\n\n2. Năm 2025, toàn "
     "tỉnh đã hoàn thành các mục tiêu:\n- Tỷ lệ bao phủ BHYT đạt 96% dân số;\n- Tỷ lệ tham "
     "gia BHTN đạt 20% lực lượng lao động.", "2026-01-20", None,
     {("Nghệ An", "bhtn_participants", "2025-12-31", 1_050_000.0),
      ("Nghệ An", "bhyt_coverage_pct", "2025-12-31", 96.0),
      ("Nghệ An", "bhtn_coverage_pct", "2025-12-31", 20.0)}),
    # a caption's ward on a page whose province kept its name under another code (Gia
    # Lai, 64 → 52): named in passing, the province stays the place of what follows
    ("Đến hết tháng 10/2025, tỉnh Gia Lai có 118.000 người tham gia BHXH tự nguyện.\n\nCán "
     "bộ BHXH cơ sở Quy Nhơn hướng dẫn người dân tra cứu quá trình đóng. Ảnh: Minh Tâm\n\n"
     "Số người tham gia BHYT là 3.100.000 người. Phường Quy Nhơn có tỷ lệ bao phủ BHYT đạt "
     "96,1%.", "2025-11-10", None,
     {("Gia Lai", "bhxh_voluntary_participants", "2025-10-31", 118_000.0),
      ("Gia Lai", "bhyt_participants", "2025-10-31", 3_100_000.0),
      ("Quy Nhơn", "bhyt_coverage_pct", "2025-10-31", 96.1)}),
    # control: the same sentence without a photo credit, its ward named again, is no caption
    ("Đến hết tháng 10/2025, tỉnh Gia Lai có 118.000 người tham gia BHXH tự nguyện.\n\nCán "
     "bộ BHXH cơ sở Quy Nhơn hướng dẫn người dân tra cứu quá trình đóng.\n\n"
     "Số người tham gia BHYT là 3.100.000 người. Phường Quy Nhơn có tỷ lệ bao phủ BHYT đạt "
     "96,1%.", "2025-11-10", None,
     {("Gia Lai", "bhxh_voluntary_participants", "2025-10-31", 118_000.0),
      ("Quy Nhơn", "bhyt_participants", "2025-10-31", 3_100_000.0),
      ("Quy Nhơn", "bhyt_coverage_pct", "2025-10-31", 96.1)}),
    # attainments in turn after counts each with its scheme ("…, lần lượt đạt a%, b%, c%
    # và d% kế hoạch năm"): the n-th percent is the n-th scheme's attainment
    ("Đến hết tháng 6/2025, tỉnh Yên Bái có 41.300 người tham gia BHXH bắt buộc, 38.900 "
     "người tham gia BHXH tự nguyện, 36.200 người tham gia BHTN và 712.400 người tham gia "
     "BHYT, lần lượt đạt 97,2%, 81%, 99,5% và 96,3% kế hoạch năm.", "2025-07-05", None,
     {("Yên Bái", "bhxh_compulsory_participants", "2025-06-30", 41_300.0),
      ("Yên Bái", "bhxh_voluntary_participants", "2025-06-30", 38_900.0),
      ("Yên Bái", "bhtn_participants", "2025-06-30", 36_200.0),
      ("Yên Bái", "bhyt_participants", "2025-06-30", 712_400.0),
      ("Yên Bái", "bhxh_compulsory_attainment_pct", "2025-06-30", 97.2),
      ("Yên Bái", "bhxh_voluntary_attainment_pct", "2025-06-30", 81.0),
      ("Yên Bái", "bhtn_attainment_pct", "2025-06-30", 99.5),
      ("Yên Bái", "bhyt_attainment_pct", "2025-06-30", 96.3)}),
    # control: percents in turn that no plan follows are no attainment
    ("Đến hết tháng 6/2025, tỉnh Yên Bái có 41.300 người tham gia BHXH bắt buộc và 36.200 "
     "người tham gia BHTN, lần lượt tăng 2,2% và 3,5% so với cùng kỳ.", "2025-07-05", None,
     {("Yên Bái", "bhxh_compulsory_participants", "2025-06-30", 41_300.0),
      ("Yên Bái", "bhtn_participants", "2025-06-30", 36_200.0)}),
    # a review's plan with its result in the same clause ("chỉ tiêu giao N người, kết quả
    # đạt x%, vượt M người"): the reviewed year's plan, and x% its attainment
    ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại Hội nghị tổng kết công tác BHXH năm "
     "2025\n\nNăm 2025, toàn tỉnh Phú Thọ có 95.300 người tham gia BHXH tự nguyện.\n\nVề "
     "BHXH tự nguyện, chỉ tiêu giao 90.000 người, kết quả đạt 105,9%, vượt 5.300 người so "
     "với chỉ tiêu.", "2026-01-15", None,
     {("Phú Thọ", "bhxh_voluntary_participants", "2025-12-31", 95_300.0),
      ("Phú Thọ", "bhxh_voluntary_plan_participants", "2025-12-31", 90_000.0),
      ("Phú Thọ", "bhxh_voluntary_attainment_pct", "2025-12-31", 105.9),
      ("Phú Thọ", "bhxh_voluntary_shortfall_participants", "2025-12-31", -5_300.0)}),
    # control: a plan with no result after it keeps the year of the page's targets
    ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại Hội nghị tổng kết công tác BHXH năm "
     "2025\n\nNăm 2025, toàn tỉnh Phú Thọ có 95.300 người tham gia BHXH tự nguyện.\n\nVề "
     "BHXH tự nguyện, chỉ tiêu giao 90.000 người.", "2026-01-15", None,
     {("Phú Thọ", "bhxh_voluntary_participants", "2025-12-31", 95_300.0),
      ("Phú Thọ", "bhxh_voluntary_plan_participants", "2026-12-31", 90_000.0)}),
    # a former province's part after "; trong đó, khu vực tỉnh X cũ có N người" in the
    # sentence that named the scheme (a rate between): that area's participants
    ("Đến hết tháng 5/2026, tỉnh Đồng Tháp có 88.100 người tham gia BHXH tự nguyện, chiếm "
     "6,9% lực lượng lao động; trong đó, khu vực tỉnh Tiền Giang cũ có 41.200 người.",
     "2026-06-05", None,
     {("Đồng Tháp", "bhxh_voluntary_participants", "2026-05-31", 88_100.0),
      ("Đồng Tháp", "bhxh_voluntary_coverage_pct", "2026-05-31", 6.9),
      ("Tiền Giang", "bhxh_voluntary_participants", "2026-05-31", 41_200.0)}),
    # control: a group that is no place in that clause gives no row
    ("Đến hết tháng 5/2026, tỉnh Đồng Tháp có 88.100 người tham gia BHXH tự nguyện, chiếm "
     "6,9% lực lượng lao động; trong đó, nhóm hộ nghèo có 41.200 người.", "2026-06-05", None,
     {("Đồng Tháp", "bhxh_voluntary_participants", "2026-05-31", 88_100.0),
      ("Đồng Tháp", "bhxh_voluntary_coverage_pct", "2026-05-31", 6.9)}),
    # points below a plan the district set ("thấp hơn chỉ tiêu huyện giao N điểm phần
    # trăm"), as after "tỉnh giao": the gap to that plan
    ("Đến hết tháng 4/2024, toàn huyện Đô Lương có 182.300 người tham gia BHYT, đạt tỷ lệ "
     "bao phủ 94,1% dân số, thấp hơn chỉ tiêu huyện giao 1,6 điểm phần trăm.", "2024-05-10",
     None,
     {("Đô Lương", "bhyt_participants", "2024-04-30", 182_300.0),
      ("Đô Lương", "bhyt_coverage_pct", "2024-04-30", 94.1),
      ("Đô Lương", "bhyt_shortfall_pp", "2024-04-30", 1.6)}),
    # control: below another district's figure ("chỉ tiêu huyện Nam Đàn") is no gap to a plan
    ("Đến hết tháng 4/2024, toàn huyện Đô Lương có 182.300 người tham gia BHYT, đạt tỷ lệ "
     "bao phủ 94,1% dân số, thấp hơn chỉ tiêu huyện Nam Đàn 1,6 điểm phần trăm.",
     "2024-05-10", None,
     {("Đô Lương", "bhyt_participants", "2024-04-30", 182_300.0),
      ("Đô Lương", "bhyt_coverage_pct", "2024-04-30", 94.1)}),
    # (Limits of sets 22-23, fixed with set 24's) a former province heading a block of its
    # own lines ("ĐỊA BÀN TỈNH HÀ GIANG CŨ" in capitals): the block is the former unit's,
    # and the merged province is the place again after it
    ("BHXH TỈNH TUYÊN QUANG\nTÍNH ĐẾN 31/10/2025\n\nBHYT\n1.720.000 người tham gia\nBao "
     "phủ: 94,1% dân số\n\nĐỊA BÀN TỈNH HÀ GIANG CŨ\nBao phủ BHYT: 96,2%\nXã Mèo Vạc: "
     "99%\n\nTHU - CHI\nTổng thu: 5.100 tỷ đồng\n\nBHXH\n301.000 người tham gia",
     "2025-11-10", None,
     {("Tuyên Quang", "bhyt_participants", "2025-10-31", 1_720_000.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-10-31", 94.1),
      ("Hà Giang", "bhyt_coverage_pct", "2025-10-31", 96.2),
      ("Mèo Vạc", "bhyt_coverage_pct", "2025-10-31", 99.0),
      ("Tuyên Quang", "bhxh_participants", "2025-10-31", 301_000.0)}),
    # control: a blank line under the heading ends it; the rate is the province's
    ("BHXH TỈNH TUYÊN QUANG\nTÍNH ĐẾN 31/10/2025\n\nBHYT\n1.720.000 người tham gia\nBao "
     "phủ: 94,1% dân số\n\nĐỊA BÀN TỈNH HÀ GIANG CŨ\n\nBao phủ BHYT: 96,2%", "2025-11-10",
     None,
     {("Tuyên Quang", "bhyt_participants", "2025-10-31", 1_720_000.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-10-31", 94.1),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-10-31", 96.2)}),
    # (Limits of sets 22-23) a labour-force scheme's bare rate after its count ("; N người
    # tham gia BHTN, đạt x%") or named after a comma ("…, tham gia BHTN ước đạt x%") after
    # a BHXH coverage: that scheme's coverage
    ("Năm 2025, toàn tỉnh Nghệ An có 512.300 người tham gia BHXH, đạt 27,4% lực lượng lao "
     "động trong độ tuổi; 398.100 người tham gia BHTN, đạt 21,3%; 3.150.000 người tham gia "
     "BHYT, đạt tỷ lệ bao phủ 94,2% dân số.", "2026-01-12", None,
     {("Nghệ An", "bhxh_participants", "2025-12-31", 512_300.0),
      ("Nghệ An", "bhxh_coverage_pct", "2025-12-31", 27.4),
      ("Nghệ An", "bhtn_participants", "2025-12-31", 398_100.0),
      ("Nghệ An", "bhtn_coverage_pct", "2025-12-31", 21.3),
      ("Nghệ An", "bhyt_participants", "2025-12-31", 3_150_000.0),
      ("Nghệ An", "bhyt_coverage_pct", "2025-12-31", 94.2)}),
    ("Năm 2025, tỉnh Nghệ An có tỷ lệ dân số tham gia BHYT ước đạt 94,2%; tỷ lệ lực lượng "
     "lao động trong độ tuổi tham gia BHXH ước đạt 27,4%, tham gia BHTN ước đạt 21,3%.",
     "2026-01-12", None,
     {("Nghệ An", "bhyt_coverage_pct", "2025-12-31", 94.2),
      ("Nghệ An", "bhxh_coverage_pct", "2025-12-31", 27.4),
      ("Nghệ An", "bhtn_coverage_pct", "2025-12-31", 21.3)}),
    # control: a plan after the rate makes it the count's attainment
    ("Năm 2025, toàn tỉnh Nghệ An có 512.300 người tham gia BHXH, đạt 27,4% lực lượng lao "
     "động trong độ tuổi; 398.100 người tham gia BHTN, đạt 96,3% kế hoạch.", "2026-01-12",
     None,
     {("Nghệ An", "bhxh_participants", "2025-12-31", 512_300.0),
      ("Nghệ An", "bhxh_coverage_pct", "2025-12-31", 27.4),
      ("Nghệ An", "bhtn_participants", "2025-12-31", 398_100.0),
      ("Nghệ An", "bhtn_attainment_pct", "2025-12-31", 96.3)}),
]

test_blind24_classes = class_tests(BLIND24_CLASSES)
