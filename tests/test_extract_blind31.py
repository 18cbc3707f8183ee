"""``bhxh extract``: the classes of the thirty-first and thirty-second blind passage sets.

Each passage was written for these tests in our own wording (never the blind sets') and
failed before the rule it pins was written (``docs/extract.md``, "Thirty-first and
thirty-second blind sets: the rules generalised"); the controls show where a rule could
over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_PLAN = ("KẾ HOẠCH\nPhát triển người tham gia BHXH, BHYT tỉnh Thái Bình năm 2019 và đến "
         "năm 2021\n\nI. THỰC TRẠNG\nTính đến ngày 15/7/2019, toàn tỉnh có 1.610.000 người "
         "tham gia BHYT, đạt 86,2% dân số.\n\nII. MỤC TIÊU\n1. Năm 2019\n- Tỷ lệ dân số tham "
         "gia BHYT đạt 87%;\n- Phát triển mới 3.100 người tham gia BHXH tự nguyện.\n2. Đến năm "
         "2021\n- Tỷ lệ tham gia BHYT đạt trên 91% dân số;\n- Khoảng 22% lực lượng lao động "
         "trong độ tuổi tham gia BHXH.\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Giao chỉ tiêu cho các "
         "huyện.\n")

_INTERVIEW = ("PV: Xin ông cho biết kết quả đến hết quý III/2024?\n\nÔng Nguyễn Văn Hải: Đến hết "
              "quý III/2024, toàn tỉnh có 61.200 người tham gia BHXH. Số người tham gia BHYT "
              "là 512.300 người.\n\nPV: {q}\n\nÔng Nguyễn Văn Hải: Kế hoạch năm 2024 tỉnh "
              "giao là 38.200 người. Hết quý III, số người tham gia BHXH tự nguyện mới đạt "
              "84,1% kế hoạch.\n")

_GAP = ("Đến hết tháng 10/2025, toàn tỉnh Nghệ An có 512.300 người tham gia BHXH, chiếm 30,2% "
        "lực lượng lao động. Tỷ lệ bao phủ BHYT đạt 94,6%.\n\nÔng Lê Văn Nam, Giám đốc BHXH "
        "tỉnh cho biết: \"Năm 2025, tỉnh được giao chỉ tiêu {plan}. Đến hết tháng 10, tỉnh "
        "còn thiếu 2,4 điểm phần trăm, tương đương khoảng 38 nghìn người.\"\n")

_JUDGED = ("Sau khi hợp nhất với Hà Giang, tỉnh Tuyên Quang có diện tích lớn.\n\nHết tháng "
           "11/2025, toàn tỉnh có 1.794.300 người tham gia BHYT, tỷ lệ bao phủ 96,1% dân số. "
           "{rest}\n")

BLIND31_CLASSES = [
    # a merger clause's former provinces followed by the merged city, like a list: the
    # city stays the place in play for "toàn thành phố"
    ("Sau khi hợp nhất với Hậu Giang và Sóc Trăng, thành phố Cần Thơ có thêm nhiều nông "
     "dân.\n\nĐến hết tháng 6/2026, toàn thành phố có 150.400 người tham gia BHXH bắt "
     "buộc.\n", "2026-07-10", None,
     {("Cần Thơ", "bhxh_compulsory_participants", "2026-06-30", 150_400.0)}),
    ("Sau khi sáp nhập với Kiên Giang, tỉnh An Giang có diện tích lớn.\n\nĐến hết tháng "
     "6/2026, toàn tỉnh có 98.700 người tham gia BHXH tự nguyện.\n", "2026-07-10", None,
     {("An Giang", "bhxh_voluntary_participants", "2026-06-30", 98_700.0)}),
    # control: places listed after a figure are still named together, no one's in play
    ("Đến hết tháng 6/2026, toàn tỉnh An Giang có 150.400 người tham gia BHXH bắt buộc, "
     "tăng 5.200 người so với cùng kỳ, chủ yếu ở phường Long Xuyên, phường Rạch Giá và "
     "phường Châu Đốc.\n\nSố người tham gia BHXH tự nguyện là 88.300 người.\n",
     "2026-07-10", None,
     {("An Giang", "bhxh_compulsory_participants", "2026-06-30", 150_400.0),
      ("An Giang", "bhxh_compulsory_change_participants", "2026-06-30", 5_200.0),
      ("An Giang", "bhxh_voluntary_participants", "2026-06-30", 88_300.0)}),
    # "Đến thời điểm hiện tại" (up to today, an as-of phrase) after a quarter's flow: the
    # publication day holds on into the next paragraph
    ("Theo BHXH tỉnh, trong quý I/2026, toàn tỉnh Gia Lai phát triển mới 4.300 người tham "
     "gia BHXH tự nguyện. Đến thời điểm hiện tại, toàn tỉnh có 402.500 người tham gia "
     "BHXH.\n\nToàn tỉnh có 1.520.000 người tham gia BHYT, đạt 92,4% dân số.\n",
     "2026-04-20", None,
     {("Gia Lai", "bhxh_voluntary_new_participants", "2026-03-31", 4_300.0),
      ("Gia Lai", "bhxh_participants", "2026-04-20", 402_500.0),
      ("Gia Lai", "bhyt_participants", "2026-04-20", 1_520_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2026-04-20", 92.4)}),
    # control: after a day counted to ("Tính đến 31/8"), "Đến thời điểm hiện tại" holds
    # for its paragraph only
    ("Tính đến 31/8/2025, tỉnh Quảng Trị có 228.100 người tham gia BHXH. Đến thời điểm "
     "hiện tại, toàn tỉnh có 1.702.000 người tham gia BHYT.\n\nSố người tham gia BHTN là "
     "139.500 người.\n", "2025-09-18", None,
     {("Quảng Trị", "bhxh_participants", "2025-08-31", 228_100.0),
      ("Quảng Trị", "bhyt_participants", "2025-09-18", 1_702_000.0),
      ("Quảng Trị", "bhtn_participants", "2025-08-31", 139_500.0)}),
    # control: a word of today ("hiện có") holds for its paragraph only
    ("Tính đến ngày 31/3/2026, toàn tỉnh Gia Lai có 402.500 người tham gia BHXH. Số người "
     "tham gia BHXH tự nguyện hiện có 61.200 người.\n\nToàn tỉnh có 1.520.000 người tham "
     "gia BHYT, đạt 92,4% dân số.\n", "2026-04-20", None,
     {("Gia Lai", "bhxh_participants", "2026-03-31", 402_500.0),
      ("Gia Lai", "bhxh_voluntary_participants", "2026-04-20", 61_200.0),
      ("Gia Lai", "bhyt_participants", "2026-03-31", 1_520_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2026-03-31", 92.4)}),
    # a plan's numbered parts that name only their year under a heading of targets
    (_PLAN, "2019-07-25", None,
     {("Thái Bình", "bhyt_participants", "2019-07-15", 1_610_000.0),
      ("Thái Bình", "bhyt_coverage_pct", "2019-07-15", 86.2),
      ("Thái Bình", "bhyt_plan_coverage_pct", "2019-12-31", 87.0),
      ("Thái Bình", "bhxh_voluntary_plan_new_participants", "2019-12-31", 3_100.0),
      ("Thái Bình", "bhyt_plan_coverage_pct", "2021-12-31", 91.0),
      ("Thái Bình", "bhxh_plan_coverage_pct", "2021-12-31", 22.0)}),
    # control: the same part under a section of results stays results
    ("BÁO CÁO\nTình hình phát triển người tham gia BHYT tỉnh Thái Bình\n\nI. KẾT QUẢ "
     "THỰC HIỆN NĂM 2018\n1. Năm 2018\n- Tỷ lệ dân số tham gia BHYT đạt 85,9%.\n- Phát "
     "triển mới 2.950 người tham gia BHXH tự nguyện.\n", "2019-01-25", None,
     {("Thái Bình", "bhyt_coverage_pct", "2018-12-31", 85.9),
      ("Thái Bình", "bhxh_voluntary_new_participants", "2018-12-31", 2_950.0)}),
    # a former province's part in brackets after the scheme's count: the part is the
    # former province's, the counts before it the province's in play
    ("Tỉnh Lâm Đồng tổng kết công tác năm 2025.\n\nĐến cuối năm 2025, số người tham gia "
     "BHXH đạt 512.000 người, chiếm 24,1% lực lượng lao động, trong đó BHXH bắt buộc "
     "401.000 người, BHXH tự nguyện 111.000 người (địa bàn tỉnh Bình Thuận cũ 38.500 "
     "người).\n", "2026-01-20", None,
     {("Lâm Đồng", "bhxh_participants", "2025-12-31", 512_000.0),
      ("Lâm Đồng", "bhxh_coverage_pct", "2025-12-31", 24.1),
      ("Lâm Đồng", "bhxh_compulsory_participants", "2025-12-31", 401_000.0),
      ("Lâm Đồng", "bhxh_voluntary_participants", "2025-12-31", 111_000.0),
      ("Bình Thuận", "bhxh_voluntary_participants", "2025-12-31", 38_500.0)}),
    # control: a bracket of the count's own change names no place
    ("Tỉnh Lâm Đồng tổng kết công tác năm 2025.\n\nĐến cuối năm 2025, số người tham gia "
     "BHXH đạt 512.000 người, trong đó BHXH tự nguyện 111.000 người (tăng 6.300 người so "
     "với năm 2024).\n", "2026-01-20", None,
     {("Lâm Đồng", "bhxh_participants", "2025-12-31", 512_000.0),
      ("Lâm Đồng", "bhxh_voluntary_participants", "2025-12-31", 111_000.0),
      ("Lâm Đồng", "bhxh_voluntary_change_participants", "2025-12-31", 6_300.0)}),
    # a yardstick's nation ("thấp hơn bình quân cả nước") is no place in play after it:
    # the next paragraph's targets stay the province's
    ("Năm 2025, toàn tỉnh Lâm Đồng có 512.000 người tham gia BHXH, chiếm 24,1% lực lượng "
     "lao động.\nTuy nhiên, tỷ lệ tham gia BHXH vẫn thấp hơn bình quân cả nước khoảng 4 "
     "điểm phần trăm; nợ đóng còn cao.\n\n2. Nhiệm vụ năm 2026\nGiao BHXH tỉnh phấn đấu "
     "đạt các chỉ tiêu: tỷ lệ bao phủ BHYT đạt 95% dân số; phát triển mới 9.000 người tham "
     "gia BHXH tự nguyện.\n", "2026-01-20", None,
     {("Lâm Đồng", "bhxh_participants", "2025-12-31", 512_000.0),
      ("Lâm Đồng", "bhxh_coverage_pct", "2025-12-31", 24.1),
      ("Lâm Đồng", "bhyt_plan_coverage_pct", "2026-12-31", 95.0),
      ("Lâm Đồng", "bhxh_voluntary_plan_new_participants", "2026-12-31", 9_000.0)}),
    # control: the nation's rate in brackets after the yardstick is still the nation's
    ("Năm 2025, tỷ lệ bao phủ BHYT của tỉnh Lâm Đồng đạt 93,5% dân số, cao hơn mức trung "
     "bình của cả nước (92,1%).\n\nĐến cuối năm 2025, tỷ lệ tham gia BHXH đạt 24,1% lực "
     "lượng lao động.\n", "2026-01-20", None,
     {("Lâm Đồng", "bhyt_coverage_pct", "2025-12-31", 93.5),
      ("Việt Nam", "bhyt_coverage_pct", "2025-12-31", 92.1),
      ("Lâm Đồng", "bhxh_coverage_pct", "2025-12-31", 24.1)}),
    # a feature opening on a commune's story, then its district's whole ("toàn huyện"):
    # the district is the main level; "con số này đã là" restates the district's stock
    ("Ông Tư (61 tuổi, xã Phong Hòa, huyện Lai Vung, tỉnh Đồng Tháp) tham gia BHXH tự "
     "nguyện từ năm 2019. Cả xã Phong Hòa hiện có 312 người tham gia BHXH tự nguyện.\n\n"
     "Theo BHXH huyện, hết năm 2022 toàn huyện có 2.940 người tham gia BHXH tự nguyện. "
     "Tính đến giữa tháng 5, con số này đã là 3.210 người, tăng 270 người so với cùng kỳ "
     "năm trước, đạt 91,2% kế hoạch. Chỉ tiêu năm 2023 huyện được giao là 3.520 người.\n",
     "2023-05-22", None,
     {("Phong Hòa", "bhxh_voluntary_participants", "2023-05-22", 312.0),
      ("Lai Vung", "bhxh_voluntary_participants", "2022-12-31", 2_940.0),
      ("Lai Vung", "bhxh_voluntary_participants", "2023-05-15", 3_210.0),
      ("Lai Vung", "bhxh_voluntary_change_participants", "2023-05-15", 270.0),
      ("Lai Vung", "bhxh_voluntary_attainment_pct", "2023-05-15", 91.2),
      ("Lai Vung", "bhxh_voluntary_plan_participants", "2023-12-31", 3_520.0)}),
    # control: a province's whole after a commune's figure leaves the commune main
    ("Bà Năm (58 tuổi, xã Phong Hòa, huyện Lai Vung, tỉnh Đồng Tháp) tham gia BHXH tự "
     "nguyện từ năm 2020. Đến tháng 4/2023, cả xã Phong Hòa có 312 người tham gia BHXH tự "
     "nguyện. Toàn tỉnh Đồng Tháp có 61.300 người tham gia BHXH tự nguyện.\n\nSố người "
     "tham gia BHYT hộ gia đình là 2.150 người.\n", "2023-05-22", None,
     {("Phong Hòa", "bhxh_voluntary_participants", "2023-04-30", 312.0),
      ("Đồng Tháp", "bhxh_voluntary_participants", "2023-04-30", 61_300.0),
      ("Phong Hòa", "bhyt_household_participants", "2023-04-30", 2_150.0)}),
    # an interviewer's question of two sentences names its scheme in the first: the
    # answer's bare plan is of that scheme, not of the last answer's BHYT
    (_INTERVIEW.format(q="Chỉ tiêu BHXH tự nguyện năm nay khá cao. Khả năng hoàn thành ra "
                         "sao, thưa ông?"), "2024-10-15", "Kon Tum",
     {("Kon Tum", "bhxh_participants", "2024-09-30", 61_200.0),
      ("Kon Tum", "bhyt_participants", "2024-09-30", 512_300.0),
      ("Kon Tum", "bhxh_voluntary_plan_participants", "2024-12-31", 38_200.0),
      ("Kon Tum", "bhxh_voluntary_attainment_pct", "2024-09-30", 84.1)}),
    # control: a question of one sentence naming BHYT gives the plan BHYT's scheme
    (_INTERVIEW.format(q="Với BHYT, khả năng hoàn thành kế hoạch năm nay ra sao, thưa ông?"),
     "2024-10-15", "Kon Tum",
     {("Kon Tum", "bhxh_participants", "2024-09-30", 61_200.0),
      ("Kon Tum", "bhyt_participants", "2024-09-30", 512_300.0),
      ("Kon Tum", "bhyt_plan_participants", "2024-12-31", 38_200.0),
      ("Kon Tum", "bhxh_voluntary_attainment_pct", "2024-09-30", 84.1)}),
    # a gap in points after a plan rate of its own: the plan's scheme, not the last
    # coverage's (BHYT, a paragraph before)
    (_GAP.format(plan="35% lực lượng lao động tham gia BHXH"), "2025-11-20", None,
     {("Nghệ An", "bhxh_participants", "2025-10-31", 512_300.0),
      ("Nghệ An", "bhxh_coverage_pct", "2025-10-31", 30.2),
      ("Nghệ An", "bhyt_coverage_pct", "2025-10-31", 94.6),
      ("Nghệ An", "bhxh_plan_coverage_pct", "2025-12-31", 35.0),
      ("Nghệ An", "bhxh_shortfall_pp", "2025-10-31", 2.4),
      ("Nghệ An", "bhxh_shortfall_participants", "2025-10-31", 38_000.0)}),
    # control: after a BHYT plan, the gap is BHYT's
    (_GAP.format(plan="97% dân số tham gia BHYT"), "2025-11-20", None,
     {("Nghệ An", "bhxh_participants", "2025-10-31", 512_300.0),
      ("Nghệ An", "bhxh_coverage_pct", "2025-10-31", 30.2),
      ("Nghệ An", "bhyt_coverage_pct", "2025-10-31", 94.6),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2025-12-31", 97.0),
      ("Nghệ An", "bhyt_shortfall_pp", "2025-10-31", 2.4),
      ("Nghệ An", "bhyt_shortfall_participants", "2025-10-31", 38_000.0)}),
    # a closing list of other articles under "Tin đã đưa:"; one under "Tin cùng chuyên
    # mục:" after an infographic's lines that end no sentence
    ("Hết năm 2023, toàn huyện Tuần Giáo có 81.200 người tham gia BHYT, đạt 98,1% dân "
     "số.\n\nTin đã đưa:\n- Tuần Giáo: 95% học sinh tham gia BHYT năm học 2023-2024\n"
     "- Trao 30 sổ BHXH cho hộ nghèo\n", "2024-01-10", None,
     {("Tuần Giáo", "bhyt_participants", "2023-12-31", 81_200.0),
      ("Tuần Giáo", "bhyt_coverage_pct", "2023-12-31", 98.1)}),
    ("SƠN LA: KẾT QUẢ NĂM 2025\n\nBẢO HIỂM Y TẾ\n- 1.210.500 người tham gia\n- Tỷ lệ bao "
     "phủ: 95,4% dân số\n\nTin cùng chuyên mục:\n- Yên Bái phấn đấu 98% dân số tham gia "
     "BHYT\n- Mộc Châu: 2.100 người tham gia BHXH tự nguyện\n", "2026-01-25", None,
     {("Sơn La", "bhyt_participants", "2025-12-31", 1_210_500.0),
      ("Sơn La", "bhyt_coverage_pct", "2025-12-31", 95.4)}),
    # control: the heading over the body's own lines (a menu's) does not end the page
    ("Tin cùng chuyên mục:\nHết năm 2023, toàn huyện Tuần Giáo có 81.200 người tham gia "
     "BHYT, đạt 98,1% dân số.\n", "2024-01-10", None,
     {("Tuần Giáo", "bhyt_participants", "2023-12-31", 81_200.0),
      ("Tuần Giáo", "bhyt_coverage_pct", "2023-12-31", 98.1)}),
    # the plan "là N người" after an attainment of new participants: their plan
    ("Về BHXH tự nguyện, quý I/2026 tỉnh Nghệ An chỉ phát triển mới 8.200 người, mới đạt "
     "20,5% kế hoạch cả năm 2026 là 40.000 người.\n", "2026-04-20", None,
     {("Nghệ An", "bhxh_voluntary_new_participants", "2026-03-31", 8_200.0),
      ("Nghệ An", "bhxh_voluntary_attainment_pct", "2026-03-31", 20.5),
      ("Nghệ An", "bhxh_voluntary_plan_new_participants", "2026-12-31", 40_000.0)}),
    # control: after a stock's attainment the plan is of participants
    ("Đến hết quý I/2026, tỉnh Nghệ An có 61.000 người tham gia BHXH tự nguyện, mới đạt "
     "60,5% kế hoạch cả năm 2026 là 100.800 người.\n", "2026-04-20", None,
     {("Nghệ An", "bhxh_voluntary_participants", "2026-03-31", 61_000.0),
      ("Nghệ An", "bhxh_voluntary_attainment_pct", "2026-03-31", 60.5),
      ("Nghệ An", "bhxh_voluntary_plan_participants", "2026-12-31", 100_800.0)}),
    # a former province's rate after a judgement "vẫn giữ tỷ lệ cao, đạt N%"
    (_JUDGED.format(rest="Địa bàn tỉnh Hà Giang cũ vẫn giữ tỷ lệ cao, đạt 98,4%, nhờ phần "
                         "lớn người dân được ngân sách hỗ trợ."), "2025-12-10", None,
     {("Tuyên Quang", "bhyt_participants", "2025-11-30", 1_794_300.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-11-30", 96.1),
      ("Hà Giang", "bhyt_coverage_pct", "2025-11-30", 98.4)}),
    # control: the province's own rate of another scheme after a judgement
    (_JUDGED.format(rest="Tỷ lệ tham gia BHXH vẫn giữ mức cao, đạt 24,5% lực lượng lao "
                         "động."), "2025-12-10", None,
     {("Tuyên Quang", "bhyt_participants", "2025-11-30", 1_794_300.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-11-30", 96.1),
      ("Tuyên Quang", "bhxh_coverage_pct", "2025-11-30", 24.5)}),
    # an infographic's "- Tổng số: N người" under "BẢO HIỂM XÃ HỘI": the scheme's count;
    # "- Tổng số: N đại lý" under another heading gives no row (control in the same page)
    ("INFOGRAPHIC\nSƠN LA: KẾT QUẢ THỰC HIỆN CHÍNH SÁCH BHXH, BHYT 9 THÁNG NĂM 2026\n\n"
     "BẢO HIỂM Y TẾ\n- 1.150.300 người tham gia\n- Tỷ lệ bao phủ: 94,2% dân số\n\nBẢO "
     "HIỂM XÃ HỘI\n- Tổng số: 152.400 người\n- Chiếm 21,3% lực lượng lao động\n- BHXH "
     "bắt buộc: 98.100 người\n- BHXH tự nguyện: 54.300 người\n\nĐẠI LÝ THU\n- Tổng số: "
     "1.340 đại lý\n", "2026-10-10", None,
     {("Sơn La", "bhyt_participants", "2026-09-30", 1_150_300.0),
      ("Sơn La", "bhyt_coverage_pct", "2026-09-30", 94.2),
      ("Sơn La", "bhxh_participants", "2026-09-30", 152_400.0),
      ("Sơn La", "bhxh_coverage_pct", "2026-09-30", 21.3),
      ("Sơn La", "bhxh_compulsory_participants", "2026-09-30", 98_100.0),
      ("Sơn La", "bhxh_voluntary_participants", "2026-09-30", 54_300.0)}),
    # a surplus in points over the plan after the rate and its persons ("với N người")
    ("Năm 2025, tỷ lệ bao phủ BHYT của tỉnh Phú Thọ đạt 93,4% dân số với 1.310.400 người "
     "tham gia, vượt 0,4 điểm phần trăm so với chỉ tiêu.\n", "2026-01-20", None,
     {("Phú Thọ", "bhyt_coverage_pct", "2025-12-31", 93.4),
      ("Phú Thọ", "bhyt_participants", "2025-12-31", 1_310_400.0),
      ("Phú Thọ", "bhyt_shortfall_pp", "2025-12-31", -0.4)}),
    # control: points over the same period a year before are a change, no row
    ("Năm 2025, tỷ lệ bao phủ BHYT của tỉnh Phú Thọ đạt 93,4% dân số với 1.310.400 người "
     "tham gia, vượt 0,4 điểm phần trăm so với cùng kỳ năm 2024.\n", "2026-01-20", None,
     {("Phú Thọ", "bhyt_coverage_pct", "2025-12-31", 93.4),
      ("Phú Thọ", "bhyt_participants", "2025-12-31", 1_310_400.0)}),
]

test_blind31_classes = class_tests(BLIND31_CLASSES)
