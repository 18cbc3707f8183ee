"""``bhxh extract``: the classes of the twenty-second blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-second blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND22_CLASSES = [
    # after 1/7/2025 a bare name a 2025 commune bears and a legacy district bore ("BHXH
    # cơ sở Thạnh Phú", a list's "Đặc khu …") is the commune: districts were abolished
    ("Vĩnh Long: vận động hộ gia đình tham gia BHYT\n\nTheo BHXH cơ sở Thạnh Phú, xã "
     "hiện còn 2.100 hộ chưa tham gia BHYT, tỷ lệ bao phủ của xã mới đạt 87,2%.",
     "2026-06-10", None,
     {("Thạnh Phú", "bhyt_coverage_pct", "2026-06-10", 87.2)}),
    ("Đến hết tháng 3/2026, tỉnh Quảng Ninh có 1.352.000 người tham gia BHYT. Vân Đồn và "
     "Bình Liêu có tỷ lệ bao phủ lần lượt 98,1% và 99,2%.", "2026-04-12", None,
     {("Quảng Ninh", "bhyt_participants", "2026-03-31", 1_352_000.0),
      ("Vân Đồn", "bhyt_coverage_pct", "2026-03-31", 98.1),
      ("Bình Liêu", "bhyt_coverage_pct", "2026-03-31", 99.2)}),
    # control: before the reform the same bare name is the district
    ("Vĩnh Long: vận động hộ gia đình tham gia BHYT\n\nTheo BHXH Thạnh Phú, huyện hiện "
     "còn 2.100 hộ chưa tham gia BHYT, tỷ lệ bao phủ của huyện mới đạt 87,2%.",
     "2024-06-10", None,
     {("Thạnh Phú", "bhyt_coverage_pct", "2024-06-10", 87.2)}),
    # a sentence opened by "Riêng" right after the province's figure, in a feature that
    # opened with a commune: the province's part, not the commune's
    ("Vĩnh Long: vận động hộ gia đình tham gia BHYT\n\nTheo BHXH cơ sở Thạnh Phú, xã "
     "hiện còn 2.100 hộ chưa tham gia BHYT, tỷ lệ bao phủ của xã mới đạt 87,2%.\n\nĐến "
     "thời điểm hiện tại, toàn tỉnh Vĩnh Long có 3.050.000 người tham gia BHYT. Riêng BHYT "
     "hộ gia đình có 610.000 người.", "2026-06-10", None,
     {("Thạnh Phú", "bhyt_coverage_pct", "2026-06-10", 87.2),
      ("Vĩnh Long", "bhyt_participants", "2026-06-10", 3_050_000.0),
      ("Vĩnh Long", "bhyt_household_participants", "2026-06-10", 610_000.0)}),
    # control: "Riêng" in a new paragraph after a district's figure goes back to the
    # article's main level (the province)
    ("Tính đến 31/5/2024, tỉnh Bến Tre có 1.210.000 người tham gia BHYT. Huyện Thạnh Phú "
     "có tỷ lệ bao phủ BHYT 88,4%.\n\nRiêng BHXH tự nguyện có 31.200 người tham gia.",
     "2024-06-10", None,
     {("Bến Tre", "bhyt_participants", "2024-05-31", 1_210_000.0),
      ("Thạnh Phú", "bhyt_coverage_pct", "2024-05-31", 88.4),
      ("Bến Tre", "bhxh_voluntary_participants", "2024-05-31", 31_200.0)}),
    # control: "Riêng" right after districts' rates on a province's page is the
    # province's (the figure before is below the page's main level)
    ("Tính đến 30/9/2020, toàn tỉnh Gia Lai có 1.320.000 người tham gia BHYT. Hai huyện "
     "Chư Prông và Ia Pa có tỷ lệ bao phủ thấp nhất, lần lượt đạt 81,2% và 82,5%. Riêng "
     "BHYT hộ gia đình có 286.400 người.", "2020-10-12", None,
     {("Gia Lai", "bhyt_participants", "2020-09-30", 1_320_000.0),
      ("Chư Prông", "bhyt_coverage_pct", "2020-09-30", 81.2),
      ("Ia Pa", "bhyt_coverage_pct", "2020-09-30", 82.5),
      ("Gia Lai", "bhyt_household_participants", "2020-09-30", 286_400.0)}),
    # a numbered scheme table whose parts are numbered under their whole ("1.1 | -
    # BHXH bắt buộc"): each row read by the header's columns, the parts too
    ("Đến hết tháng 6/2026, BHXH tỉnh Nghệ An báo cáo kết quả như sau:\n"
     "TT | Chỉ tiêu | Kế hoạch 2026 | Thực hiện 6 tháng | Tỷ lệ (%)\n"
     "1 | Số người tham gia BHXH | 300.000 | 270.000 | 90,0\n"
     "1.1 | - BHXH bắt buộc | 240.000 | 222.000 | 92,5\n"
     "2 | Số người tham gia BHTN | 200.000 | 190.000 | 95,0\n", "2026-07-10", None,
     {("Nghệ An", "bhxh_plan_participants", "2026-12-31", 300_000.0),
      ("Nghệ An", "bhxh_participants", "2026-06-30", 270_000.0),
      ("Nghệ An", "bhxh_attainment_pct", "2026-06-30", 90.0),
      ("Nghệ An", "bhxh_compulsory_plan_participants", "2026-12-31", 240_000.0),
      ("Nghệ An", "bhxh_compulsory_participants", "2026-06-30", 222_000.0),
      ("Nghệ An", "bhxh_compulsory_attainment_pct", "2026-06-30", 92.5),
      ("Nghệ An", "bhtn_plan_participants", "2026-12-31", 200_000.0),
      ("Nghệ An", "bhtn_participants", "2026-06-30", 190_000.0),
      ("Nghệ An", "bhtn_attainment_pct", "2026-06-30", 95.0)}),
    # control: a sentence after the table that opens with a decimal is no row number
    ("Đến hết tháng 6/2026, BHXH tỉnh Nghệ An báo cáo kết quả như sau:\n"
     "TT | Chỉ tiêu | Kế hoạch 2026 | Thực hiện 6 tháng | Tỷ lệ (%)\n"
     "1 | Số người tham gia BHTN | 200.000 | 190.000 | 95,0\n\n"
     "Tỷ lệ bao phủ BHYT đạt 94,2% dân số.", "2026-07-10", None,
     {("Nghệ An", "bhtn_plan_participants", "2026-12-31", 200_000.0),
      ("Nghệ An", "bhtn_participants", "2026-06-30", 190_000.0),
      ("Nghệ An", "bhtn_attainment_pct", "2026-06-30", 95.0),
      ("Nghệ An", "bhyt_coverage_pct", "2026-06-30", 94.2)}),
    # a lead giving targets of a year before a colon ("giao chỉ tiêu … năm 2026 cho một
    # số xã, phường:"): each place's percent after it is that year's target
    ("Năm 2025, tỉnh Bắc Ninh có 3.400.000 người tham gia BHYT.\n\nUBND tỉnh giao chỉ "
     "tiêu tỷ lệ bao phủ BHYT năm 2026 cho một số xã, phường: phường Kinh Bắc 97%; xã "
     "Tiên Du 95,5%; xã Gia Bình 94%.", "2026-02-10", None,
     {("Bắc Ninh", "bhyt_participants", "2025-12-31", 3_400_000.0),
      ("Kinh Bắc", "bhyt_plan_coverage_pct", "2026-12-31", 97.0),
      ("Tiên Du", "bhyt_plan_coverage_pct", "2026-12-31", 95.5),
      ("Gia Bình", "bhyt_plan_coverage_pct", "2026-12-31", 94.0)}),
    # control: a lead naming the rates of a year, no target: their coverage
    ("Năm 2025, tỉnh Bắc Ninh có 3.400.000 người tham gia BHYT.\n\nTỷ lệ bao phủ BHYT "
     "năm 2025 của một số xã, phường: phường Kinh Bắc 97%; xã Tiên Du 95,5%.",
     "2026-02-10", None,
     {("Bắc Ninh", "bhyt_participants", "2025-12-31", 3_400_000.0),
      ("Kinh Bắc", "bhyt_coverage_pct", "2025-12-31", 97.0),
      ("Tiên Du", "bhyt_coverage_pct", "2025-12-31", 95.5)}),
    # a news page whose lead reports a conference reviewing a year ("hội nghị tổng kết
    # công tác năm 2025"): its undated paragraphs after "Năm 2025, …" are of that year
    ("Bắc Ninh: Năm 2026 phấn đấu 45% lực lượng lao động tham gia BHXH\n\nSáng 14/1, BHXH "
     "tỉnh tổ chức hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026.\n\nNăm 2025, toàn tỉnh có "
     "812.400 người tham gia BHXH, chiếm 43,1% lực lượng lao động.\n\nToàn tỉnh có "
     "3.310.000 người tham gia BHYT, tỷ lệ bao phủ đạt 94,2% dân số.",
     "2026-01-15", None,
     {("Bắc Ninh", "bhxh_plan_coverage_pct", "2026-12-31", 45.0),
      ("Bắc Ninh", "bhxh_participants", "2025-12-31", 812_400.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 43.1),
      ("Bắc Ninh", "bhyt_participants", "2025-12-31", 3_310_000.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 94.2)}),
    # control: a conference that reviews no year leaves them at the publication day
    ("Bắc Ninh: Năm 2026 phấn đấu 45% lực lượng lao động tham gia BHXH\n\nSáng 14/1, BHXH "
     "tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2026.\n\nNăm 2025, toàn tỉnh có "
     "812.400 người tham gia BHXH, chiếm 43,1% lực lượng lao động.\n\nToàn tỉnh có "
     "3.310.000 người tham gia BHYT, tỷ lệ bao phủ đạt 94,2% dân số.",
     "2026-01-15", None,
     {("Bắc Ninh", "bhxh_plan_coverage_pct", "2026-12-31", 45.0),
      ("Bắc Ninh", "bhxh_participants", "2025-12-31", 812_400.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 43.1),
      ("Bắc Ninh", "bhyt_participants", "2026-01-15", 3_310_000.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2026-01-15", 94.2)}),
    # a photo's caption (its credit after it on its line) naming a commune the body names
    # again: the province stays the place in play for the next count
    ("Đến hết tháng 3/2026, toàn tỉnh Quảng Ninh có 398.200 người tham gia BHXH.\n\nNhân "
     "viên thu tư vấn BHYT cho người dân xã Bình Liêu. Ảnh: Minh Khoa\n\nSố người tham gia "
     "BHYT là 1.352.000 người. Xã Bình Liêu có tỷ lệ bao phủ 99,1%.", "2026-04-12", None,
     {("Quảng Ninh", "bhxh_participants", "2026-03-31", 398_200.0),
      ("Quảng Ninh", "bhyt_participants", "2026-03-31", 1_352_000.0),
      ("Bình Liêu", "bhyt_coverage_pct", "2026-03-31", 99.1)}),
    # control: the same sentence without a credit is the body's: its commune holds
    ("Đến hết tháng 3/2026, toàn tỉnh Quảng Ninh có 398.200 người tham gia BHXH.\n\nNhân "
     "viên thu tư vấn BHYT cho người dân xã Bình Liêu.\n\nSố người tham gia "
     "BHYT là 12.400 người. Xã Bình Liêu có tỷ lệ bao phủ 99,1%.", "2026-04-12", None,
     {("Quảng Ninh", "bhxh_participants", "2026-03-31", 398_200.0),
      ("Bình Liêu", "bhyt_participants", "2026-03-31", 12_400.0),
      ("Bình Liêu", "bhyt_coverage_pct", "2026-03-31", 99.1)}),
    # places in turn without "lần lượt", their rates after "có tỷ lệ": one each, in order
    ("Hết năm 2023, toàn tỉnh Thanh Hóa có 3.500.000 người tham gia BHYT, đạt tỷ lệ bao "
     "phủ 93,5%. Các huyện miền núi Bá Thước, Lang Chánh có tỷ lệ 98,2% và 97,6%.",
     "2024-01-15", None,
     {("Thanh Hóa", "bhyt_participants", "2023-12-31", 3_500_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2023-12-31", 93.5),
      ("Bá Thước", "bhyt_coverage_pct", "2023-12-31", 98.2),
      ("Lang Chánh", "bhyt_coverage_pct", "2023-12-31", 97.6)}),
    # control: three places and two rates: whose is which is not said, no row
    ("Hết năm 2023, toàn tỉnh Thanh Hóa có 3.500.000 người tham gia BHYT, đạt tỷ lệ bao "
     "phủ 93,5%. Các huyện miền núi Bá Thước, Lang Chánh, Quan Hóa có tỷ lệ 98,2% và "
     "97,6%.", "2024-01-15", None,
     {("Thanh Hóa", "bhyt_participants", "2023-12-31", 3_500_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2023-12-31", 93.5)}),
    # targets of three schemes in one sentence, the middle one named by its scheme only
    # after a comma: a target too
    ("Năm 2026, UBND tỉnh Hà Tĩnh đề nghị ngành phấn đấu đạt tỷ lệ bao phủ BHXH 42% lực "
     "lượng lao động, BHTN 35% và BHYT 95% dân số.", "2026-01-20", None,
     {("Hà Tĩnh", "bhxh_plan_coverage_pct", "2026-12-31", 42.0),
      ("Hà Tĩnh", "bhtn_plan_coverage_pct", "2026-12-31", 35.0),
      ("Hà Tĩnh", "bhyt_plan_coverage_pct", "2026-12-31", 95.0)}),
    # control: results of the year in the same shape give no target (the middle rate,
    # after a labour-force result, is that scheme's result since set 25's leftovers)
    ("Hết năm 2025, tỉnh Hà Tĩnh có tỷ lệ bao phủ BHXH 40,2% lực lượng lao động, BHTN "
     "33,1% và BHYT 94,6% dân số.", "2026-01-20", None,
     {("Hà Tĩnh", "bhxh_coverage_pct", "2025-12-31", 40.2),
      ("Hà Tĩnh", "bhtn_coverage_pct", "2025-12-31", 33.1),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2025-12-31", 94.6)}),
    # an infographic's bare gap line, its cue before a colon ("Còn thiếu: 1,4 điểm phần
    # trăm"): the shortfall in points
    ("BHXH TỈNH NINH BÌNH\nKẾT QUẢ 9 THÁNG NĂM 2025\n\nNGƯỜI THAM GIA BHYT\n3.620.000 "
     "người\nTỷ lệ bao phủ: 94,1% dân số\nChỉ tiêu năm 2025: 95,5%\nCòn thiếu: 1,4 điểm phần trăm\n", "2025-10-10", None,
     {("Ninh Bình", "bhyt_participants", "2025-09-30", 3_620_000.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2025-09-30", 94.1),
      ("Ninh Bình", "bhyt_plan_coverage_pct", "2025-12-31", 95.5),
      ("Ninh Bình", "bhyt_shortfall_pp", "2025-09-30", 1.4)}),
    # control: another word before the colon gives no shortfall
    ("BHXH TỈNH NINH BÌNH\nKẾT QUẢ 9 THÁNG NĂM 2025\n\nNGƯỜI THAM GIA BHYT\n3.620.000 "
     "người\nTỷ lệ bao phủ: 94,1% dân số\nChỉ tiêu năm 2025: 95,5%\nTăng so với cùng kỳ: 1,4 điểm phần trăm\n", "2025-10-10", None,
     {("Ninh Bình", "bhyt_participants", "2025-09-30", 3_620_000.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2025-09-30", 94.1),
      ("Ninh Bình", "bhyt_plan_coverage_pct", "2025-12-31", 95.5)}),
    # a round mark the rate passed ("vượt mốc 40%") is a bound, not the rate
    ("Năm 2025, tỷ lệ bao phủ BHXH của tỉnh Hà Nam đạt 42,3% lực lượng lao động, lần đầu "
     "vượt mốc 40%.", "2026-01-10", None,
     {("Hà Nam", "bhxh_coverage_pct", "2025-12-31", 42.3)}),
    # control: a rate after "đạt" beside "mốc" words elsewhere stays the rate
    ("Năm 2025, tỷ lệ bao phủ BHXH của tỉnh Hà Nam đạt 42,3% lực lượng lao động, một mốc "
     "quan trọng.", "2026-01-10", None,
     {("Hà Nam", "bhxh_coverage_pct", "2025-12-31", 42.3)}),
    # a count of people who lost a subsidy ("không còn được ngân sách đóng"): no stock
    ("Đến hết quý III/2023, toàn tỉnh Lai Châu có 452.300 người tham gia BHYT.\n\nNhững "
     "tháng cuối năm, BHXH tỉnh rà soát người tham gia BHYT ở các thôn vừa thoát khỏi diện "
     "đặc biệt khó khăn (khoảng 18.400 người không còn được ngân sách đóng).", "2023-10-10", None,
     {("Lai Châu", "bhyt_participants", "2023-09-30", 452_300.0)}),
    # control: those the budget pays for, a part of the participants: no row either
    ("Đến hết quý III/2023, toàn tỉnh Lai Châu có 452.300 người tham gia BHYT.\n\nNhững "
     "tháng cuối năm, BHXH tỉnh rà soát người tham gia BHYT ở các thôn vừa thoát khỏi diện "
     "đặc biệt khó khăn (khoảng 18.400 người được ngân sách đóng).", "2023-10-10", None,
     {("Lai Châu", "bhyt_participants", "2023-09-30", 452_300.0)}),
    # "…, (đến hết quý I) mới đạt N%" after a plan's count: the share of the plan reached
    ("Đến hết quý I/2026, tỉnh Thanh Hóa có 61.200 người tham gia BHXH tự nguyện.\n\nTỉnh "
     "giao chỉ tiêu năm 2026 là 72.000 người tham gia BHXH tự nguyện, đến hết quý I mới đạt "
     "85%.", "2026-04-15", None,
     {("Thanh Hóa", "bhxh_voluntary_participants", "2026-03-31", 61_200.0),
      ("Thanh Hóa", "bhxh_voluntary_plan_participants", "2026-12-31", 72_000.0),
      ("Thanh Hóa", "bhxh_voluntary_attainment_pct", "2026-03-31", 85.0)}),
    # control: a rate named as coverage after the plan's count stays a rate
    ("Đến hết quý I/2026, tỉnh Thanh Hóa có 61.200 người tham gia BHXH tự nguyện.\n\nTỉnh "
     "giao chỉ tiêu năm 2026 là 72.000 người tham gia BHXH tự nguyện, đến cuối năm tỷ lệ "
     "bao phủ đạt 12%.", "2026-04-15", None,
     {("Thanh Hóa", "bhxh_voluntary_participants", "2026-03-31", 61_200.0),
      ("Thanh Hóa", "bhxh_voluntary_plan_participants", "2026-12-31", 72_000.0),
      ("Thanh Hóa", "bhxh_voluntary_plan_coverage_pct", "2026-12-31", 12.0)}),
    # a line that goes on from the one before ("Tuy nhiên, …") keeps its "Năm 2025, …"
    ("KẾ HOẠCH\nPhát triển người tham gia BHYT năm 2026\n\nI. KẾT QUẢ NĂM 2025\nNăm 2025, "
     "toàn tỉnh Hưng Yên có 3.050.000 người tham gia BHYT, đạt tỷ lệ bao phủ 92,8% dân số."
     "\nTuy nhiên, tỷ lệ bao phủ vẫn thấp hơn chỉ tiêu tỉnh giao 1,2 điểm phần trăm.", "2026-02-12", None,
     {("Hưng Yên", "bhyt_participants", "2025-12-31", 3_050_000.0),
      ("Hưng Yên", "bhyt_coverage_pct", "2025-12-31", 92.8),
      ("Hưng Yên", "bhyt_shortfall_pp", "2025-12-31", 1.2)}),
    # control: after a blank line the paragraph's year no longer holds (under a heading
    # with no year: "I. KẾT QUẢ NĂM 2025" dates its section since sets 29 and 30)
    ("KẾ HOẠCH\nPhát triển người tham gia BHYT năm 2026\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\nNăm 2025, "
     "toàn tỉnh Hưng Yên có 3.050.000 người tham gia BHYT, đạt tỷ lệ bao phủ 92,8% dân số."
     "\n\nTuy nhiên, tỷ lệ bao phủ vẫn thấp hơn chỉ tiêu tỉnh giao 1,2 điểm phần trăm.", "2026-02-12", None,
     {("Hưng Yên", "bhyt_participants", "2025-12-31", 3_050_000.0),
      ("Hưng Yên", "bhyt_coverage_pct", "2025-12-31", 92.8),
      ("Hưng Yên", "bhyt_shortfall_pp", "2026-02-12", 1.2)}),
]

test_blind22_classes = class_tests(BLIND22_CLASSES)
