"""``bhxh extract``: the classes of the eighteenth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Eighteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_TITLE = "BHXH TỈNH THÁI BÌNH\nNĂM 2024 – KẾT QUẢ NỔI BẬT\n\n"
_BLOCKS = ("BHXH\n412 nghìn người tham gia\n≈ 41,2% lực lượng lao động\n\n"
           "BHTN\n376 nghìn người\n≈ 37,5% lực lượng lao động\n\n")

BLIND18_CLASSES = [
    # an infographic's title on two lines, the year in the second ("NĂM 2024 – …"): the
    # year's end dates the figures (not the publication day); a rate of the labour force
    # under "BHTN" is BHTN's though the block before was BHXH's
    (_TITLE + _BLOCKS + "Nguồn: BHXH tỉnh", "2025-01-15", None,
     {("Thái Bình", "bhxh_participants", "2024-12-31", 412_000.0),
      ("Thái Bình", "bhxh_coverage_pct", "2024-12-31", 41.2),
      ("Thái Bình", "bhtn_participants", "2024-12-31", 376_000.0),
      ("Thái Bình", "bhtn_coverage_pct", "2024-12-31", 37.5)}),
    # control: a title that names no year leaves the figures the publication day's; a
    # rate whose line names its scheme keeps it
    ("BHXH TỈNH THÁI BÌNH\nNHỮNG CON SỐ NỔI BẬT\n\nBHTN\n376 nghìn người\nTỷ lệ tham gia "
     "BHXH: 41,2% lực lượng lao động\n\nNguồn: BHXH tỉnh", "2025-01-15", None,
     {("Thái Bình", "bhtn_participants", "2025-01-15", 376_000.0),
      ("Thái Bình", "bhxh_coverage_pct", "2025-01-15", 41.2)}),
    # a national infographic's ranking block ("CÁC TỈNH CÓ TỶ LỆ … CAO NHẤT LÀ:" over
    # lines "Tỉnh: N%"): each line its province's rate; the nation stays the page's place
    # (the targets after the block too)
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\nHẾT NĂM 2024\n\nBHYT\n95,5 triệu người\nTỷ lệ bao phủ "
     "94,3% dân số\n\nCÁC TỈNH CÓ TỶ LỆ BAO PHỦ BHYT\nTHẤP NHẤT LÀ:\nĐắk Nông: 83,1%\n"
     "Gia Lai: 85,6%\n\nMỤC TIÊU NĂM 2025\nBHYT: 95,15% dân số\n\nNguồn: BHXH Việt Nam",
     "2025-01-12", None,
     {("Việt Nam", "bhyt_participants", "2024-12-31", 95_500_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2024-12-31", 94.3),
      ("Đắk Nông", "bhyt_coverage_pct", "2024-12-31", 83.1),
      ("Gia Lai", "bhyt_coverage_pct", "2024-12-31", 85.6),
      ("Việt Nam", "bhyt_plan_coverage_pct", "2025-12-31", 95.15)}),
    # control: a province's own infographic names the province as its place; lines of
    # groups under a heading that ranks no places are not read as places
    ("BẢO HIỂM XÃ HỘI TỈNH GIA LAI\nHẾT NĂM 2024\n\nBHYT\n1,52 triệu người\nTỷ lệ bao phủ "
     "92,4% dân số\n\nCƠ CẤU NGƯỜI THAM GIA BHYT:\nHộ gia đình: 31,5%\nNgân sách đóng: "
     "44,2%\n\nNguồn: BHXH tỉnh", "2025-01-12", None,
     {("Gia Lai", "bhyt_participants", "2024-12-31", 1_520_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2024-12-31", 92.4)}),
    # a district's conference named "BHXH huyện A (B)" in a sentence without figures, then
    # "trên địa bàn huyện": the district's figures (B in brackets only locates A); a
    # plan after "còn thiếu N người để hoàn thành kế hoạch … là M người" is the plan
    ("Sáng 6/12, BHXH huyện Hương Sơn (Hà Tĩnh) tổ chức hội nghị tổng kết công tác năm "
     "2024.\n\nBáo cáo cho thấy, đến hết tháng 11/2024, số người tham gia BHXH bắt buộc trên "
     "địa bàn huyện là 5.120 người. Huyện còn thiếu khoảng 300 người để hoàn thành kế hoạch "
     "phát triển BHXH tự nguyện năm 2024 là 2.500 người.", "2024-12-07", None,
     {("Hương Sơn", "bhxh_compulsory_participants", "2024-11-30", 5_120.0),
      ("Hương Sơn", "bhxh_voluntary_shortfall_participants", "2024-11-30", 300.0),
      ("Hương Sơn", "bhxh_voluntary_plan_participants", "2024-12-31", 2_500.0)}),
    # control: a province's office meeting a district's holds the province; a shortfall
    # "để hoàn thành kế hoạch năm 2024" with no plan's count stays one shortfall
    ("Sáng 6/12, BHXH tỉnh Hà Tĩnh làm việc với BHXH huyện Hương Sơn về công tác thu.\n\n"
     "Báo cáo cho thấy, đến hết tháng 11/2024, số người tham gia BHXH tự nguyện là 42.600 "
     "người, còn thiếu khoảng 3.000 người để hoàn thành kế hoạch năm 2024.", "2024-12-07",
     None,
     {("Hà Tĩnh", "bhxh_voluntary_participants", "2024-11-30", 42_600.0),
      ("Hà Tĩnh", "bhxh_voluntary_shortfall_participants", "2024-11-30", 3_000.0)}),
    # a month-by-month list under a lead naming a scheme's participants ("… tính đến
    # cuối từng tháng như sau:⏎- Tháng 7: N người"): each item that month's end stock
    ("Số người tham gia BHTN của tỉnh Bắc Giang tính đến cuối từng tháng như sau:\n"
     "- Tháng 7: 402.300 người\n- Tháng 8: 405.150 người\n- Tháng 9: 407.900 người\n\n"
     "Nguồn: BHXH tỉnh Bắc Giang", "2024-10-10", None,
     {("Bắc Giang", "bhtn_participants", "2024-07-31", 402_300.0),
      ("Bắc Giang", "bhtn_participants", "2024-08-31", 405_150.0),
      ("Bắc Giang", "bhtn_participants", "2024-09-30", 407_900.0)}),
    # control: a month-by-month list of new participants (a flow) gives no stock
    ("Đến hết tháng 9/2024, tỉnh Bắc Giang có 407.900 người tham gia BHTN. Số người tham "
     "gia BHTN mới trong từng tháng như sau:\n- Tháng 7: 2.300 người\n- Tháng 8: 2.850 "
     "người\n- Tháng 9: 2.750 người", "2024-10-10", None,
     {("Bắc Giang", "bhtn_participants", "2024-09-30", 407_900.0)}),
    # a regional round-up: after one province's stock and change, the next provinces'
    # counts ("; Thanh Hóa có N người, còn Hà Tĩnh gần M người") are their stocks; a bare
    # province opening a sentence ("Quảng Bình đạt 96,2%") after provinces' rates has its
    # own; "Quảng Trị hiện có N người, còn thiếu …" is the stock before its shortfall;
    # "75% dân số của tỉnh được ngân sách đóng …" is a share funded, no coverage
    ("Tính đến 30/6, các tỉnh có tỷ lệ bao phủ BHYT cao nhất khu vực là Nghệ An (94,1%) và "
     "Hà Tĩnh (95,2%). Quảng Bình đạt 96,2%, thấp hơn bình quân khu vực.\n\nVề BHXH tự "
     "nguyện, Nghệ An dẫn đầu với 96.400 người tham gia, tăng 3.100 người so với cùng kỳ "
     "năm 2023; Thanh Hóa có 88.200 người, còn Hà Tĩnh gần 41.000 người. Quảng Trị hiện có "
     "12.300 người, còn thiếu 700 người so với kế hoạch năm 2024.\n\nÔng A, Giám đốc BHXH "
     "tỉnh Nghệ An cho biết: \"Khoảng 75% dân số của tỉnh được ngân sách đóng hoặc hỗ trợ "
     "đóng BHYT.\"", "2024-07-09", None,
     {("Nghệ An", "bhyt_coverage_pct", "2024-06-30", 94.1),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2024-06-30", 95.2),
      ("Quảng Bình", "bhyt_coverage_pct", "2024-06-30", 96.2),
      ("Nghệ An", "bhxh_voluntary_participants", "2024-06-30", 96_400.0),
      ("Nghệ An", "bhxh_voluntary_change_participants", "2024-06-30", 3_100.0),
      ("Thanh Hóa", "bhxh_voluntary_participants", "2024-06-30", 88_200.0),
      ("Hà Tĩnh", "bhxh_voluntary_participants", "2024-06-30", 41_000.0),
      ("Quảng Trị", "bhxh_voluntary_participants", "2024-07-09", 12_300.0),
      ("Quảng Trị", "bhxh_voluntary_shortfall_participants", "2024-07-09", 700.0)}),
    # control: a scheme's change in the next clause stays a change; a bare name in the
    # sentence's middle is no sibling's subject
    ("Tính đến 30/6, tỉnh Nghệ An có 96.400 người tham gia BHXH tự nguyện, tăng 3.100 "
     "người so với cùng kỳ năm 2023; BHXH bắt buộc tăng 2.100 người.", "2024-07-09", None,
     {("Nghệ An", "bhxh_voluntary_participants", "2024-06-30", 96_400.0),
      ("Nghệ An", "bhxh_voluntary_change_participants", "2024-06-30", 3_100.0),
      ("Nghệ An", "bhxh_compulsory_change_participants", "2024-06-30", 2_100.0)}),
    # wards after 1/7/2025: one named by number in a respective list ("phường Hà Giang 1"),
    # one with its former city in brackets ("Phường Vỹ Dạ (thành phố Huế cũ) đạt …" is
    # the ward's rate), one whose rate is "hiện đạt" (the publication day, as "hiện có")
    ("Đến hết tháng 10/2025, tỉnh Tuyên Quang có 1,8 triệu người tham gia BHYT, tỷ lệ bao "
     "phủ 96,1% dân số. Phường Hà Giang 2 và phường Hà Giang 1 có tỷ lệ lần lượt là 98,2% "
     "và 97,6%. Phường Minh Xuân hiện đạt tỷ lệ bao phủ BHYT 95,4%.", "2025-11-15", None,
     {("Tuyên Quang", "bhyt_participants", "2025-10-31", 1_800_000.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-10-31", 96.1),
      ("Hà Giang 2", "bhyt_coverage_pct", "2025-10-31", 98.2),
      ("Hà Giang 1", "bhyt_coverage_pct", "2025-10-31", 97.6),
      ("Minh Xuân", "bhyt_coverage_pct", "2025-11-15", 95.4)}),
    ("Đến hết tháng 10/2025, thành phố Huế có 1,12 triệu người tham gia BHYT, tỷ lệ bao phủ "
     "95,1% dân số. Phường Vỹ Dạ (thành phố Huế cũ) đạt 97,8%.", "2025-11-15", None,
     {("Huế", "bhyt_participants", "2025-10-31", 1_120_000.0),
      ("Huế", "bhyt_coverage_pct", "2025-10-31", 95.1),
      ("Vỹ Dạ", "bhyt_coverage_pct", "2025-10-31", 97.8)}),
    # control: "hiện đạt" after a date printed in its sentence keeps that date
    ("Đến hết tháng 10/2025, tỷ lệ bao phủ BHYT của phường Minh Xuân (tỉnh Tuyên Quang) hiện "
     "đạt 95,4%.", "2025-11-15", None,
     {("Minh Xuân", "bhyt_coverage_pct", "2025-10-31", 95.4)}),
    # a shortfall restated after "tương ứng (khoảng)": in persons after the points, in
    # points after the persons
    ("Đến hết tháng 9/2024, huyện Diễn Châu (tỉnh Nghệ An) có 98.400 người tham gia BHYT, "
     "đạt tỷ lệ bao phủ 90,6% dân số, thấp hơn chỉ tiêu tỉnh giao (92%) là 1,4 điểm phần "
     "trăm, tương ứng khoảng 1.520 người chưa tham gia.", "2024-10-15", None,
     {("Diễn Châu", "bhyt_participants", "2024-09-30", 98_400.0),
      ("Diễn Châu", "bhyt_coverage_pct", "2024-09-30", 90.6),
      ("Diễn Châu", "bhyt_plan_coverage_pct", "2024-12-31", 92.0),
      ("Diễn Châu", "bhyt_shortfall_pp", "2024-09-30", 1.4),
      ("Diễn Châu", "bhyt_shortfall_participants", "2024-09-30", 1_520.0)}),
    ("Đến hết tháng 10/2025, tỉnh Vĩnh Long có 3.989.400 người tham gia BHYT, tỷ lệ bao phủ "
     "92,1% dân số. Với chỉ tiêu 94% được giao cho năm 2025, tỉnh còn phải vận động thêm "
     "hơn 41 nghìn người tham gia, tương ứng 1,9 điểm phần trăm.", "2025-11-20", None,
     {("Vĩnh Long", "bhyt_participants", "2025-10-31", 3_989_400.0),
      ("Vĩnh Long", "bhyt_coverage_pct", "2025-10-31", 92.1),
      ("Vĩnh Long", "bhyt_plan_coverage_pct", "2025-12-31", 94.0),
      ("Vĩnh Long", "bhyt_shortfall_participants", "2025-10-31", 41_000.0),
      ("Vĩnh Long", "bhyt_shortfall_pp", "2025-10-31", 1.9)}),
    # control: a change restated in points or in persons is no shortfall
    ("Đến hết tháng 10/2025, tỉnh Vĩnh Long có 3.989.400 người tham gia BHYT, tăng 41.200 "
     "người so với cùng kỳ năm 2024, tương ứng 1,1 điểm phần trăm.", "2025-11-20", None,
     {("Vĩnh Long", "bhyt_participants", "2025-10-31", 3_989_400.0),
      ("Vĩnh Long", "bhyt_change_participants", "2025-10-31", 41_200.0)}),
    # a smaller unit's rate after "(tiếp tục) dẫn đầu với tỷ lệ" or "có tỷ lệ thấp nhất
    # với", after the larger place's coverage
    ("Đến hết tháng 9/2024, tỉnh Quảng Trị có 598.300 người tham gia BHYT, đạt tỷ lệ bao phủ "
     "93,2% dân số. Huyện Cồn Cỏ tiếp tục dẫn đầu với tỷ lệ 99,1%, huyện Đa Krông có tỷ lệ "
     "thấp nhất với 88,7%.", "2024-10-10", None,
     {("Quảng Trị", "bhyt_participants", "2024-09-30", 598_300.0),
      ("Quảng Trị", "bhyt_coverage_pct", "2024-09-30", 93.2),
      ("Cồn Cỏ", "bhyt_coverage_pct", "2024-09-30", 99.1),
      ("Đa Krông", "bhyt_coverage_pct", "2024-09-30", 88.7)}),
    # control: a district that "has" a count of cards is no rate of its own
    ("Đến hết tháng 9/2024, tỉnh Quảng Trị có 598.300 người tham gia BHYT, đạt tỷ lệ bao phủ "
     "93,2% dân số. Huyện Đa Krông có tỷ lệ hộ nghèo 28,5%.", "2024-10-10", None,
     {("Quảng Trị", "bhyt_participants", "2024-09-30", 598_300.0),
      ("Quảng Trị", "bhyt_coverage_pct", "2024-09-30", 93.2)}),
]


test_blind18_classes = class_tests(BLIND18_CLASSES)
