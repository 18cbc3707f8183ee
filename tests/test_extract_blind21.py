"""``bhxh extract``: the classes of the twenty-first blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-first blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND21_CLASSES = [
    # a former province named as background after 1/7/2025 ("khu vực tỉnh X cũ") keeps
    # its own clause's figures only: the next sentence's count is the merged province's
    ("Đến hết tháng 9/2025, toàn tỉnh Gia Lai có 2.650.300 người tham gia BHYT, tỷ lệ bao "
     "phủ 93,4% dân số. Trong đó, khu vực tỉnh Bình Định cũ có 1.402.100 người tham gia. "
     "Số người tham gia BHXH bắt buộc đạt 215.400 người.", "2025-10-10", None,
     {("Gia Lai", "bhyt_participants", "2025-09-30", 2_650_300.0),
      ("Gia Lai", "bhyt_coverage_pct", "2025-09-30", 93.4),
      ("Bình Định", "bhyt_participants", "2025-09-30", 1_402_100.0),
      ("Gia Lai", "bhxh_compulsory_participants", "2025-09-30", 215_400.0)}),
    # "Riêng địa bàn tỉnh X cũ, …" then "toàn tỉnh" in a later paragraph: the merged
    # province's again
    ("Hết tháng 10/2025, tỷ lệ bao phủ BHYT của tỉnh Tuyên Quang đạt 96,1% dân số. Riêng "
     "địa bàn tỉnh Hà Giang cũ, tỷ lệ bao phủ BHYT đạt 97,8%.\n\nVề BHXH tự nguyện, toàn tỉnh có "
     "38.720 người tham gia. Số người tham gia BHTN là 104.300 người.", "2025-11-12", None,
     {("Tuyên Quang", "bhyt_coverage_pct", "2025-10-31", 96.1),
      ("Hà Giang", "bhyt_coverage_pct", "2025-10-31", 97.8),
      ("Tuyên Quang", "bhxh_voluntary_participants", "2025-10-31", 38_720.0),
      ("Tuyên Quang", "bhtn_participants", "2025-10-31", 104_300.0)}),
    # a former district ("huyện A trước đây") after 1/7/2025: its figure filed under the
    # legacy district; "toàn tỉnh" after it is the merged province, not A's old province
    ("Tính đến 30/11/2025, tỉnh Lào Cai có 1.620.500 người tham gia BHYT. Các xã thuộc "
     "huyện Mù Căng Chải trước đây có tỷ lệ bao phủ BHYT 98,6%. Hiện toàn tỉnh có 71.240 "
     "người tham gia BHXH tự nguyện.", "2025-12-08", None,
     {("Lào Cai", "bhyt_participants", "2025-11-30", 1_620_500.0),
      ("Mù Căng Chải", "bhyt_coverage_pct", "2025-11-30", 98.6),
      ("Lào Cai", "bhxh_voluntary_participants", "2025-12-08", 71_240.0)}),
    # control: a merger clause ("sau khi hợp nhất tỉnh A, tỉnh B và tỉnh C") names B and C
    # in passing, before any figure: A, the merged province, holds
    ("Sau khi hợp nhất tỉnh Vĩnh Long, tỉnh Bến Tre và tỉnh Trà Vinh, BHXH tỉnh Vĩnh Long "
     "đã sắp xếp lại bộ máy. Đến 30/9/2025, toàn tỉnh có 3.105.600 người tham gia BHYT.",
     "2025-10-20", None,
     {("Vĩnh Long", "bhyt_participants", "2025-09-30", 3_105_600.0)}),
    # control: before 1/7/2025 a page naming a province goes on with it (no former unit)
    ("Đến hết tháng 3/2025, tỉnh Bình Định có 1.398.700 người tham gia BHYT. Số người tham "
     "gia BHXH bắt buộc đạt 112.300 người.", "2025-04-10", None,
     {("Bình Định", "bhyt_participants", "2025-03-31", 1_398_700.0),
      ("Bình Định", "bhxh_compulsory_participants", "2025-03-31", 112_300.0)}),
    # a scheme table whose header prints the day its actual column counts to ("Thực
    # hiện đến 30/6/2024"): plan, actual and attainment per scheme
    ("Đến hết tháng 6/2024, BHXH tỉnh Hà Tĩnh báo cáo kết quả như sau:\n"
     "Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện đến 30/6/2024 | Tỷ lệ so với kế hoạch (%)\n"
     "BHXH tự nguyện | 52.000 | 41.600 | 80,0\n"
     "BHTN | 118.000 | 112.100 | 95,0\n", "2024-07-10", None,
     {("Hà Tĩnh", "bhxh_voluntary_plan_participants", "2024-12-31", 52_000.0),
      ("Hà Tĩnh", "bhxh_voluntary_participants", "2024-06-30", 41_600.0),
      ("Hà Tĩnh", "bhxh_voluntary_attainment_pct", "2024-06-30", 80.0),
      ("Hà Tĩnh", "bhtn_plan_participants", "2024-12-31", 118_000.0),
      ("Hà Tĩnh", "bhtn_participants", "2024-06-30", 112_100.0),
      ("Hà Tĩnh", "bhtn_attainment_pct", "2024-06-30", 95.0)}),
    # an office's notice whose title concludes a review of a year ("Hội nghị tổng kết
    # công tác … năm 2024"), signed the next January: its undated paragraphs are that
    # year's results, not the signing or publication day's
    ("UBND TỈNH NGHỆ AN\nVĂN PHÒNG\nSố: 15/TB-VP          Nghệ An, ngày 20 tháng 01 năm "
     "2025\n\nTHÔNG BÁO\nÝ kiến kết luận tại Hội nghị tổng kết\ncông tác BHXH, BHYT năm "
     "2024\n\n1. Năm 2024, toàn tỉnh có 3.180.000 người tham gia BHYT, đạt 93,6% dân số."
     "\n\nSố người tham gia BHXH tự nguyện là 96.400 người. Số người tham gia BHTN là "
     "245.300 người.\n\n2. Nhiệm vụ năm 2025: phấn đấu đến cuối năm 2025 tỷ lệ bao phủ BHYT "
     "đạt 94,5% dân số.", "2025-01-24", None,
     {("Nghệ An", "bhyt_participants", "2024-12-31", 3_180_000.0),
      ("Nghệ An", "bhyt_coverage_pct", "2024-12-31", 93.6),
      ("Nghệ An", "bhxh_voluntary_participants", "2024-12-31", 96_400.0),
      ("Nghệ An", "bhtn_participants", "2024-12-31", 245_300.0),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2025-12-31", 94.5)}),
    # control: a notice whose title reviews no year keeps its undated paragraph at the
    # publication day
    ("UBND TỈNH NGHỆ AN\nVĂN PHÒNG\nSố: 15/TB-VP          Nghệ An, ngày 20 tháng 01 năm "
     "2025\n\nTHÔNG BÁO\nÝ kiến kết luận tại buổi làm việc\nvới BHXH tỉnh\n\n1. Năm 2024, "
     "toàn tỉnh có 3.180.000 người tham gia BHYT.\n\nSố người tham gia BHTN là 245.300 "
     "người.\n\n2. Nhiệm vụ năm 2025: phấn đấu đến cuối năm 2025 tỷ lệ bao phủ BHYT đạt "
     "94,5% dân số.", "2025-01-24", None,
     {("Nghệ An", "bhyt_participants", "2024-12-31", 3_180_000.0),
      ("Nghệ An", "bhtn_participants", "2025-01-24", 245_300.0),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2025-12-31", 94.5)}),
    # former provinces taken in turn ("tỉnh A cũ và tỉnh B cũ lần lượt …"): each its own
    # figure, though neither lies inside the 2025 province in context
    ("Hết tháng 6/2026, tỉnh Vĩnh Long có 3.080.000 người tham gia BHYT. Tỷ lệ bao phủ BHYT "
     "tại tỉnh Bến Tre cũ và tỉnh Trà Vinh cũ lần lượt đạt 92,8% và 94,1%.", "2026-07-12",
     None,
     {("Vĩnh Long", "bhyt_participants", "2026-06-30", 3_080_000.0),
      ("Bến Tre", "bhyt_coverage_pct", "2026-06-30", 92.8),
      ("Trà Vinh", "bhyt_coverage_pct", "2026-06-30", 94.1)}),
    # "tỷ lệ này lần lượt là …" after the 2025 province's rate: the former provinces it
    # took in are its parts, as districts were
    ("Đến cuối tháng 9/2026, tỷ lệ bao phủ BHYT của tỉnh Phú Thọ đạt 95,4% dân số. Tại "
     "tỉnh Vĩnh Phúc cũ và tỉnh Hòa Bình cũ, tỷ lệ này lần lượt là 96,2% và 93,7%.",
     "2026-10-15", None,
     {("Phú Thọ", "bhyt_coverage_pct", "2026-09-30", 95.4),
      ("Vĩnh Phúc", "bhyt_coverage_pct", "2026-09-30", 96.2),
      ("Hoà Bình", "bhyt_coverage_pct", "2026-09-30", 93.7)}),
    # control: two provinces outside it (no part of Phú Thọ) give no coverage in turn
    ("Đến cuối tháng 9/2026, tỷ lệ bao phủ BHYT của tỉnh Phú Thọ đạt 95,4% dân số. Tại "
     "tỉnh Hà Giang cũ và tỉnh Cao Bằng, tỷ lệ này lần lượt là 96,2% và 93,7%.",
     "2026-10-15", None,
     {("Phú Thọ", "bhyt_coverage_pct", "2026-09-30", 95.4)}),
    # a national body's meeting held "tại Hà Nội" (its venue) before any figure: the
    # capital is no subject of the nation's figures, the headline's included
    ("6 tháng năm 2024: Tỷ lệ bao phủ BHYT đạt 93,5%\n\nSáng 15/7, tại Hà Nội, BHXH Việt "
     "Nam tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.\n\nHết tháng 6/2024, cả "
     "nước có 93,2 triệu người tham gia BHYT, tỷ lệ bao phủ 93,5% dân số. Số người tham gia "
     "BHTN là 14,9 triệu người.", "2024-07-16", None,
     {("Việt Nam", "bhyt_participants", "2024-06-30", 93_200_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2024-06-30", 93.5),
      ("Việt Nam", "bhtn_participants", "2024-06-30", 14_900_000.0)}),
    # control: the city's own insurance office meeting there: the city's figures
    ("6 tháng năm 2024: Tỷ lệ bao phủ BHYT đạt 92,1%\n\nSáng 15/7, tại Hà Nội, BHXH thành "
     "phố Hà Nội tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.\n\nHết tháng "
     "6/2024, toàn thành phố có 7,6 triệu người tham gia BHYT, tỷ lệ bao phủ 92,1% dân số. "
     "Số người tham gia BHTN là 1,9 triệu người.", "2024-07-16", None,
     {("Hà Nội", "bhyt_participants", "2024-06-30", 7_600_000.0),
      ("Hà Nội", "bhyt_coverage_pct", "2024-06-30", 92.1),
      ("Hà Nội", "bhtn_participants", "2024-06-30", 1_900_000.0)}),
    # a gap in points right after the plan's rate in brackets ("thấp hơn chỉ tiêu …
    # (95,2%) 1,1 điểm phần trăm"): a shortfall at the rate's date
    ("Hết tháng 6/2024, tỷ lệ bao phủ BHYT của tỉnh Yên Bái đạt 94,1% dân số, thấp hơn chỉ "
     "tiêu của tỉnh (95,2%) 1,1 điểm phần trăm.", "2024-07-12", None,
     {("Yên Bái", "bhyt_coverage_pct", "2024-06-30", 94.1),
      ("Yên Bái", "bhyt_plan_coverage_pct", "2024-12-31", 95.2),
      ("Yên Bái", "bhyt_shortfall_pp", "2024-06-30", 1.1)}),
    # control: points below the nation's rate in brackets are no shortfall to a plan
    ("Hết tháng 6/2024, tỷ lệ bao phủ BHYT của tỉnh Yên Bái đạt 94,1% dân số, thấp hơn mức "
     "bình quân cả nước (95,2%) 1,1 điểm phần trăm.", "2024-07-12", None,
     {("Yên Bái", "bhyt_coverage_pct", "2024-06-30", 94.1),
      ("Việt Nam", "bhyt_coverage_pct", "2024-06-30", 95.2)}),
    # a headline's count of those added, its verb after the scheme ("… người tham gia
    # BHXH tự nguyện tăng thêm"): the change the body prints, no stock
    ("Lạng Sơn: Hơn 2.300 người tham gia BHXH tự nguyện tăng thêm\n\nĐến hết tháng 4/2024, "
     "toàn tỉnh Lạng Sơn có 21.850 người tham gia BHXH tự nguyện, tăng hơn 2.300 người so "
     "với cùng kỳ năm 2023.", "2024-05-10", None,
     {("Lạng Sơn", "bhxh_voluntary_change_participants", "2024-04-30", 2_300.0),
      ("Lạng Sơn", "bhxh_voluntary_participants", "2024-04-30", 21_850.0)}),
    # control: a stock with the verb and its own figure after it stays a stock
    ("Đến hết tháng 4/2024, toàn tỉnh Lạng Sơn có 21.850 người tham gia BHXH tự nguyện tăng "
     "thêm 2.300 người so với cùng kỳ năm 2023.", "2024-05-10", None,
     {("Lạng Sơn", "bhxh_voluntary_change_participants", "2024-04-30", 2_300.0),
      ("Lạng Sơn", "bhxh_voluntary_participants", "2024-04-30", 21_850.0)}),
    # "tổng số người tham gia mới đạt N" after the new ones: the total "only" reached N,
    # a stock (its attainment follows), not new participants
    ("Hết tháng 8/2024, tỉnh Bắc Giang phát triển mới 3.150 người tham gia BHXH tự nguyện, "
     "song tổng số người tham gia mới đạt 28.900 người, bằng 82,5% kế hoạch năm.",
     "2024-09-10", None,
     {("Bắc Giang", "bhxh_voluntary_new_participants", "2024-08-31", 3_150.0),
      ("Bắc Giang", "bhxh_voluntary_participants", "2024-08-31", 28_900.0),
      ("Bắc Giang", "bhxh_voluntary_attainment_pct", "2024-08-31", 82.5)}),
    # control: "số người tham gia mới đạt N" (no total) stays the new participants
    ("Hết tháng 8/2024, số người tham gia mới BHXH tự nguyện của tỉnh Bắc Giang đạt 3.150 "
     "người.", "2024-09-10", None,
     {("Bắc Giang", "bhxh_voluntary_new_participants", "2024-08-31", 3_150.0)}),
]

test_blind21_classes = class_tests(BLIND21_CLASSES)
