"""``bhxh extract``: the classes of the eighth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Eighth blind set: the
rules generalised"); controls guard where a rule could over-fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND8_CLASSES = [
    # an office's name in capitals over a release, "BẢO HIỂM XÃ HỘI TỈNH X": the "XÃ" of
    # "xã hội" (social) is no commune, so the province is the place of "toàn tỉnh"
    ("BẢO HIỂM XÃ HỘI TỈNH BÌNH ĐỊNH\nBÁO CÁO NHANH\n\nĐến 30/6/2023, toàn tỉnh có "
     "1.400.000 người tham gia BHYT. Thị xã An Nhơn có tỷ lệ bao phủ 95,1%.\n\nToàn tỉnh có 52.300 "
     "người tham gia BHXH tự nguyện.", "2023-07-08", None,
     {("Bình Định", "bhyt_participants", "2023-06-30", 1_400_000.0),
      ("An Nhơn", "bhyt_coverage_pct", "2023-06-30", 95.1),
      ("Bình Định", "bhxh_voluntary_participants", "2023-06-30", 52_300.0)}),
    # the same in ordinary case, and "Ngân hàng Chính sách Xã hội" named in passing
    ("Bảo hiểm Xã hội tỉnh Bình Định phối hợp với Ngân hàng Chính sách Xã hội. Đến "
     "30/6/2023, toàn tỉnh có 52.300 người tham gia BHXH tự nguyện.", "2023-07-08", None,
     {("Bình Định", "bhxh_voluntary_participants", "2023-06-30", 52_300.0)}),
    # control: a commune whose name begins with "Hội" is still a commune
    ("Đến 30/6/2023, huyện Cai Lậy có 160.000 người tham gia BHYT; xã Hội Xuân đạt 93,4%.",
     "2023-07-08", None,
     {("Cai Lậy", "bhyt_participants", "2023-06-30", 160_000.0),
      ("Hội Xuân", "bhyt_coverage_pct", "2023-06-30", 93.4)}),
    # a paragraph of aims ("Phấn đấu …") right under a numbered heading "Nhiệm vụ năm Y":
    # targets of year Y, not of the report's year
    ("Tính đến hết năm 2022, tỉnh Bình Định có 1.420.000 người tham gia BHYT, đạt 94,1% "
     "dân số.\n\n"
     "2. Nhiệm vụ năm 2023\nPhấn đấu 95% dân số tham gia BHYT; 22% lực lượng lao động "
     "tham gia BHXH.", "2023-01-12", None,
     {("Bình Định", "bhyt_participants", "2022-12-31", 1_420_000.0),
      ("Bình Định", "bhyt_coverage_pct", "2022-12-31", 94.1),
      ("Bình Định", "bhyt_plan_coverage_pct", "2023-12-31", 95.0),
      ("Bình Định", "bhxh_plan_coverage_pct", "2023-12-31", 22.0)}),
    # control: an aim that prints its own year under that heading keeps its year
    ("Năm 2022, tỉnh Bình Định có 1.420.000 người tham gia BHYT.\n\n2. Nhiệm vụ năm 2023\n"
     "Phấn đấu đến năm 2025 có 96% dân số tham gia BHYT.", "2023-01-12", None,
     {("Bình Định", "bhyt_participants", "2022-12-31", 1_420_000.0),
      ("Bình Định", "bhyt_plan_coverage_pct", "2025-12-31", 96.0)}),
    # a table whose rows are schemes under a header of measures ("Nội dung | Chỉ tiêu giao
    # năm Y | Ước thực hiện 9 tháng | % so với KH"): the plan dated 31 December of Y, the
    # result and its attainment dated by the text; a money row is not read
    ("Kết quả 9 tháng năm 2022 của tỉnh Hải Dương như sau:\nNội dung | Chỉ tiêu giao năm "
     "2022 | Ước thực hiện 9 tháng | % so với KH\nSố người tham gia BHXH tự nguyện | 40.000 "
     "| 31.200 | 78%\nSố người tham gia BHTN | 300.000 | 291.000 | 97%\nSố thu BHXH, BHYT "
     "(tỷ đồng) | 8.000 | 5.900 | 73,8%", "2022-10-10", None,
     {("Hải Dương", "bhxh_voluntary_plan_participants", "2022-12-31", 40_000.0),
      ("Hải Dương", "bhxh_voluntary_participants", "2022-09-30", 31_200.0),
      ("Hải Dương", "bhxh_voluntary_attainment_pct", "2022-09-30", 78.0),
      ("Hải Dương", "bhtn_plan_participants", "2022-12-31", 300_000.0),
      ("Hải Dương", "bhtn_participants", "2022-09-30", 291_000.0),
      ("Hải Dương", "bhtn_attainment_pct", "2022-09-30", 97.0)}),
    # control: a column of last year's figures ("Cùng kỳ 2021") is not read; "Tỷ lệ" of a
    # rate row ("Tỷ lệ bao phủ BHYT (%)") is that rate and its plan
    ("Sáu tháng đầu năm 2023, tỉnh Hải Dương đạt kết quả:\nChỉ tiêu | Kế hoạch năm 2023 | "
     "Cùng kỳ 2022 | Thực hiện 6 tháng\nNgười tham gia BHYT | 1.800.000 | 1.690.000 | "
     "1.725.000\nTỷ lệ bao phủ BHYT (%) | 95,0 | 91,8 | 92,6", "2023-07-10", None,
     {("Hải Dương", "bhyt_plan_participants", "2023-12-31", 1_800_000.0),
      ("Hải Dương", "bhyt_participants", "2023-06-30", 1_725_000.0),
      ("Hải Dương", "bhyt_plan_coverage_pct", "2023-12-31", 95.0),
      ("Hải Dương", "bhyt_coverage_pct", "2023-06-30", 92.6)}),
    # a gap printed in points ("còn thiếu 1,2 điểm phần trăm") is the shortfall in points,
    # and "tức khoảng N người chưa tham gia" after it the same gap in persons; a change
    # in points ("tăng 2 điểm phần trăm so với năm 2020") stays unread (control)
    ("Đến hết tháng 8/2022, tỉnh Ninh Bình có 870.000 người tham gia BHYT, đạt 91,4% dân "
     "số, tăng 2 điểm phần trăm so với năm 2020. So với chỉ tiêu 92,6% dân số năm 2022, tỷ "
     "lệ bao phủ còn thiếu 1,2 điểm phần trăm, tức khoảng 11.400 người chưa tham gia.",
     "2022-09-15", None,
     {("Ninh Bình", "bhyt_participants", "2022-08-31", 870_000.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2022-08-31", 91.4),
      ("Ninh Bình", "bhyt_plan_coverage_pct", "2022-12-31", 92.6),
      ("Ninh Bình", "bhyt_shortfall_pp", "2022-08-31", 1.2),
      ("Ninh Bình", "bhyt_shortfall_participants", "2022-08-31", 11_400.0)}),
    # "toàn ngành" (the whole sector) in a provincial report is the province's branch, and
    # a gap "từ nay đến cuối năm" after the year's aim is measured at the status date
    ("Tính đến 31/7/2020, tỉnh Ninh Bình có 31.000 người tham gia BHXH tự nguyện. Năm "
     "2020, tỉnh phấn đấu có 36.000 người tham gia BHXH tự nguyện; như vậy, từ nay đến "
     "cuối năm toàn ngành còn phải phát triển thêm 5.000 người.", "2020-08-12", None,
     {("Ninh Bình", "bhxh_voluntary_participants", "2020-07-31", 31_000.0),
      ("Ninh Bình", "bhxh_voluntary_plan_participants", "2020-12-31", 36_000.0),
      ("Ninh Bình", "bhxh_voluntary_shortfall_participants", "2020-07-31", 5_000.0)}),
    # control: "toàn ngành" in a national release is the nation's
    ("Theo BHXH Việt Nam, đến 30/6/2021, cả nước có 87 triệu người tham gia BHYT. Để đạt "
     "chỉ tiêu bao phủ, 6 tháng cuối năm toàn ngành cần phát triển thêm khoảng 1,5 triệu "
     "người.", "2021-07-10", None,
     {("Việt Nam", "bhyt_participants", "2021-06-30", 87_000_000.0),
      ("Việt Nam", "bhyt_shortfall_participants", "2021-06-30", 1_500_000.0)}),
    # a year-end review whose lead opens on the year ("Năm 2021 khép lại …") under a
    # headline without it: later undated paragraphs are of that year (not the
    # publication day); "gấp 2,5 lần năm 2018" is the year a ratio compares with, no date
    ("Lai Châu: Một năm nhiều chuyển biến\n\nNăm 2021 khép lại với nhiều khó khăn do dịch "
     "bệnh.\n\nNăm 2021, toàn tỉnh Lai Châu có 420.000 người tham gia BHYT, đạt 95,6% dân "
     "số.\n\nTỷ lệ lao động tham gia BHXH đạt 10,1%. Số người tham gia BHXH tự nguyện là "
     "9.800 người, gấp 2,5 lần năm 2018. Số người tham gia BHTN là 18.000 người.",
     "2022-01-12", None,
     {("Lai Châu", "bhyt_participants", "2021-12-31", 420_000.0),
      ("Lai Châu", "bhyt_coverage_pct", "2021-12-31", 95.6),
      ("Lai Châu", "bhxh_coverage_pct", "2021-12-31", 10.1),
      ("Lai Châu", "bhxh_voluntary_participants", "2021-12-31", 9_800.0),
      ("Lai Châu", "bhtn_participants", "2021-12-31", 18_000.0)}),
    # control: a year inside the lead's sentence (no lead opening on it) dates its own
    # paragraph only (round 8): the next paragraph is the publication day's
    ("Lai Châu: Một năm nhiều chuyển biến\n\nTheo BHXH tỉnh, năm 2021 toàn tỉnh Lai Châu có "
     "420.000 người tham gia BHYT.\n\nSố người tham gia BHTN là 18.000 người.",
     "2022-01-12", None,
     {("Lai Châu", "bhyt_participants", "2021-12-31", 420_000.0),
      ("Lai Châu", "bhtn_participants", "2022-01-12", 18_000.0)}),
    # places' bare rates under a lead naming a scheme ("Tỷ lệ bao phủ BHYT tại các
    # huyện:") are of that scheme, not of the last rate read (BHXH's)
    ("Đến 30/6/2021, tỉnh Đắk Nông có 560.000 người tham gia BHYT, đạt 88,2% dân số. Tỷ lệ "
     "lao động tham gia BHXH đạt 14,3%.\n\nTỷ lệ bao phủ BHYT tại các huyện:\n- Huyện Cư "
     "Jút: 90,1%\n- Huyện Krông Nô: 86,4%", "2021-07-12", None,
     {("Đắk Nông", "bhyt_participants", "2021-06-30", 560_000.0),
      ("Đắk Nông", "bhyt_coverage_pct", "2021-06-30", 88.2),
      ("Đắk Nông", "bhxh_coverage_pct", "2021-06-30", 14.3),
      ("Cư Jút", "bhyt_coverage_pct", "2021-06-30", 90.1),
      ("Krông Nô", "bhyt_coverage_pct", "2021-06-30", 86.4)}),
    # control: a lead naming BHXH gives BHXH
    ("Đến 30/6/2021, tỉnh Đắk Nông có 560.000 người tham gia BHYT, đạt 88,2% dân số. Tỷ lệ "
     "lao động tham gia BHXH đạt 14,3%.\n\nTỷ lệ lao động tham gia BHXH tại các huyện:\n- "
     "Huyện Cư Jút: 16,1%\n- Huyện Krông Nô: 11,4%", "2021-07-12", None,
     {("Đắk Nông", "bhyt_participants", "2021-06-30", 560_000.0),
      ("Đắk Nông", "bhyt_coverage_pct", "2021-06-30", 88.2),
      ("Đắk Nông", "bhxh_coverage_pct", "2021-06-30", 14.3),
      ("Cư Jút", "bhxh_coverage_pct", "2021-06-30", 16.1),
      ("Krông Nô", "bhxh_coverage_pct", "2021-06-30", 11.4)}),
    # without a lead, after the province's BHYT and then BHXH rates, places' bare rates
    # are BHYT coverage (the rate reports give place by place)
    ("Đến 30/6/2021, tỉnh Đắk Nông có 560.000 người tham gia BHYT, đạt 88,2% dân số. Số "
     "người tham gia BHXH là 52.000 người, chiếm 14,3% lực lượng lao động.\n\nGiữa các "
     "huyện vẫn còn khoảng cách: huyện Cư Jút đạt 90,1%, trong khi huyện Krông Nô mới đạt "
     "86,4%.", "2021-07-12", None,
     {("Đắk Nông", "bhyt_participants", "2021-06-30", 560_000.0),
      ("Đắk Nông", "bhyt_coverage_pct", "2021-06-30", 88.2),
      ("Đắk Nông", "bhxh_participants", "2021-06-30", 52_000.0),
      ("Đắk Nông", "bhxh_coverage_pct", "2021-06-30", 14.3),
      ("Cư Jút", "bhyt_coverage_pct", "2021-06-30", 90.1),
      ("Krông Nô", "bhyt_coverage_pct", "2021-06-30", 86.4)}),
    # control: on a page that read no BHYT rate, the places' rates stay BHXH's
    ("Đến 30/6/2021, tỉnh Đắk Nông có 52.000 người tham gia BHXH, chiếm 14,3% lực lượng lao "
     "động. Huyện Cư Jút đạt 16,1%, huyện Krông Nô đạt 11,4%.", "2021-07-12", None,
     {("Đắk Nông", "bhxh_participants", "2021-06-30", 52_000.0),
      ("Đắk Nông", "bhxh_coverage_pct", "2021-06-30", 14.3),
      ("Cư Jút", "bhxh_coverage_pct", "2021-06-30", 16.1),
      ("Krông Nô", "bhxh_coverage_pct", "2021-06-30", 11.4)}),
    # a plan in brackets after the attainment of new participants is the plan of new
    # participants: named so ("kế hoạch phát triển mới năm Y (N người)") or after a count
    # of new ones ("phát triển mới …, bằng …% kế hoạch được giao (N người)"); after a
    # stock it stays the plan of participants (control)
    ("Sáu tháng đầu năm 2023, tỉnh Yên Bái phát triển mới 2.150 người tham gia BHXH tự "
     "nguyện, đạt 43% kế hoạch phát triển mới năm 2023 (5.000 người).", "2023-07-12", None,
     {("Yên Bái", "bhxh_voluntary_new_participants", "2023-06-30", 2_150.0),
      ("Yên Bái", "bhxh_voluntary_attainment_pct", "2023-06-30", 43.0),
      ("Yên Bái", "bhxh_voluntary_plan_new_participants", "2023-12-31", 5_000.0)}),
    ("Sáu tháng đầu năm 2023, tỉnh Yên Bái phát triển mới 2.150 người tham gia BHXH tự "
     "nguyện, bằng 107,5% kế hoạch được giao (2.000 người). Toàn tỉnh có 21.300 người tham "
     "gia BHXH tự nguyện, đạt 91% kế hoạch (23.400 người).", "2023-07-12", None,
     {("Yên Bái", "bhxh_voluntary_new_participants", "2023-06-30", 2_150.0),
      ("Yên Bái", "bhxh_voluntary_attainment_pct", "2023-06-30", 107.5),
      ("Yên Bái", "bhxh_voluntary_plan_new_participants", "2023-12-31", 2_000.0),
      ("Yên Bái", "bhxh_voluntary_participants", "2023-06-30", 21_300.0),
      ("Yên Bái", "bhxh_voluntary_attainment_pct", "2023-06-30", 91.0),
      ("Yên Bái", "bhxh_voluntary_plan_participants", "2023-12-31", 23_400.0)}),
    # names in a run after "khu công nghiệp" (industrial parks named like districts) name
    # no place; a district named with its kind still does (control)
    ("Đến 30/6/2022, tỉnh Bắc Ninh có 320.000 người tham gia BHXH bắt buộc. Nhờ các khu "
     "công nghiệp Yên Phong, Quế Võ mở rộng sản xuất, số người tham gia BHXH bắt buộc tăng "
     "15.000 người so với cùng kỳ. Huyện Yên Phong có 41.000 người tham gia BHXH bắt buộc.",
     "2022-07-12", None,
     {("Bắc Ninh", "bhxh_compulsory_participants", "2022-06-30", 320_000.0),
      ("Bắc Ninh", "bhxh_compulsory_change_participants", "2022-06-30", 15_000.0),
      ("Yên Phong", "bhxh_compulsory_participants", "2022-06-30", 41_000.0)}),
    # the places of a respective list ("Thành phố A và huyện B có tỷ lệ … lần lượt x% và
    # y%") are no new place in play: a later target with no place is the province's
    ("Bắc Ninh: Tính đến 30/6/2022, hơn 1,35 triệu người có thẻ BHYT\n\nToàn tỉnh có "
     "1.352.400 người tham gia BHYT, đạt 93,1% dân số. Thành phố Từ Sơn và huyện Gia Bình có "
     "tỷ lệ bao phủ lần lượt 95,1% và 92,3%.\n\nTheo Giám đốc BHXH tỉnh Nguyễn Văn An, để "
     "đạt mục tiêu năm 2022 là 40% lực lượng lao động tham gia BHXH, ngành sẽ phối hợp với "
     "Liên đoàn Lao động tỉnh kiểm tra.", "2022-07-12", None,
     {("Bắc Ninh", "bhyt_participants", "2022-06-30", 1_352_400.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2022-06-30", 93.1),
      ("Từ Sơn", "bhyt_coverage_pct", "2022-06-30", 95.1),
      ("Gia Bình", "bhyt_coverage_pct", "2022-06-30", 92.3),
      ("Bắc Ninh", "bhxh_plan_coverage_pct", "2022-12-31", 40.0)}),
    # control: one district named alone stays in play for the next paragraph's target
    ("Đến 30/6/2022, tỉnh Bắc Ninh có 1.350.000 người tham gia BHYT. Huyện Gia Bình có tỷ lệ "
     "bao phủ 92,3%.\n\nĐể đạt mục tiêu năm 2022 là 95% dân số tham gia BHYT, huyện sẽ "
     "tăng cường vận động.", "2022-07-12", None,
     {("Bắc Ninh", "bhyt_participants", "2022-06-30", 1_350_000.0),
      ("Gia Bình", "bhyt_coverage_pct", "2022-06-30", 92.3),
      ("Gia Bình", "bhyt_plan_coverage_pct", "2022-12-31", 95.0)}),
    # "A, B và C tương ứng là x, y và z" (in a quotation) is a respective list as "lần
    # lượt là"; "tương ứng với N người" after a percent change stays unread (control)
    ("Bà Trần Thị Mai, Giám đốc BHXH tỉnh Hà Nam cho biết: “Đến 30/9/2020, số người tham "
     "gia BHXH bắt buộc, BHXH tự nguyện và BHTN của tỉnh tương ứng là 98.000 người, 7.500 "
     "người và 90.000 người”.", "2020-10-12", None,
     {("Hà Nam", "bhxh_compulsory_participants", "2020-09-30", 98_000.0),
      ("Hà Nam", "bhxh_voluntary_participants", "2020-09-30", 7_500.0),
      ("Hà Nam", "bhtn_participants", "2020-09-30", 90_000.0)}),
    ("Đến 30/9/2020, tỉnh Hà Nam có 98.000 người tham gia BHXH bắt buộc, tăng 5% so với cùng "
     "kỳ, tương ứng với 4.700 người.", "2020-10-12", None,
     {("Hà Nam", "bhxh_compulsory_participants", "2020-09-30", 98_000.0)}),
    # "So với chỉ tiêu X% năm Y mà … giao, … còn thiếu …": the yardstick of a gap in its
    # sentence is the plan's rate, also when no rate came before it in that sentence
    ("Tính đến 30/9/2022, tỉnh Tiền Giang có 1.600.000 người tham gia BHYT, đạt 90,1% dân "
     "số. So với chỉ tiêu 92% năm 2022 mà UBND tỉnh giao, tỷ lệ bao phủ còn thiếu 1,9%.",
     "2022-10-15", None,
     {("Tiền Giang", "bhyt_participants", "2022-09-30", 1_600_000.0),
      ("Tiền Giang", "bhyt_coverage_pct", "2022-09-30", 90.1),
      ("Tiền Giang", "bhyt_plan_coverage_pct", "2022-12-31", 92.0),
      ("Tiền Giang", "bhyt_shortfall_pp", "2022-09-30", 1.9)}),
    # "vượt 0,2 điểm phần trăm so với chỉ tiêu 93%": points above the plan (a negative
    # shortfall since 5 December 2026, as "vượt 0,2%"), then the plan's rate
    ("Năm 2023, toàn tỉnh Tiền Giang có 1.650.000 người tham gia BHYT, đạt 93,2% dân số, "
     "vượt 0,2 điểm phần trăm so với chỉ tiêu 93% được giao.", "2024-01-15", None,
     {("Tiền Giang", "bhyt_participants", "2023-12-31", 1_650_000.0),
      ("Tiền Giang", "bhyt_coverage_pct", "2023-12-31", 93.2),
      ("Tiền Giang", "bhyt_shortfall_pp", "2023-12-31", -0.2),
      ("Tiền Giang", "bhyt_plan_coverage_pct", "2023-12-31", 93.0)}),
    # control: a plan named with no gap in its sentence stays unread
    ("Tính đến 30/9/2022, tỉnh Tiền Giang có 1.600.000 người tham gia BHYT, đạt 90,1% dân "
     "số. So với kế hoạch 92%, kết quả này là khả quan.", "2022-10-15", None,
     {("Tiền Giang", "bhyt_participants", "2022-09-30", 1_600_000.0),
      ("Tiền Giang", "bhyt_coverage_pct", "2022-09-30", 90.1)}),
    # a rate after ";" that names its own scheme ("tổng số người tham gia BHXH chiếm …")
    # does not take the first scheme of a "lần lượt" list before the semicolon
    ("Đến 31/8/2024, số người tham gia BHXH bắt buộc, BHXH tự nguyện và BHTN của tỉnh Cà "
     "Mau lần lượt là 70.200 người, 41.300 người và 65.800 người; tổng số người tham gia "
     "BHXH chiếm 17,4% lực lượng lao động trong độ tuổi.", "2024-09-10", None,
     {("Cà Mau", "bhxh_compulsory_participants", "2024-08-31", 70_200.0),
      ("Cà Mau", "bhxh_voluntary_participants", "2024-08-31", 41_300.0),
      ("Cà Mau", "bhtn_participants", "2024-08-31", 65_800.0),
      ("Cà Mau", "bhxh_coverage_pct", "2024-08-31", 17.4)}),
    # control: rates after "lần lượt" in their own statement take the list's schemes
    ("Đến 31/8/2024, tỉnh Cà Mau có 111.500 người tham gia BHXH. Tỷ lệ tham gia BHXH, BHTN "
     "lần lượt đạt 17,4% và 10,2% lực lượng lao động.", "2024-09-10", None,
     {("Cà Mau", "bhxh_participants", "2024-08-31", 111_500.0),
      ("Cà Mau", "bhxh_coverage_pct", "2024-08-31", 17.4),
      ("Cà Mau", "bhtn_coverage_pct", "2024-08-31", 10.2)}),
    # a bound said of several places left unnamed ("nhiều huyện vùng sâu … vẫn dưới 5%")
    # is no one place's figure; one district named so keeps its row (control)
    ("Đến 30/6/2023, tỉnh Gia Lai có 1.420.000 người tham gia BHYT, đạt 92,4% dân số. Tuy "
     "vậy, nhiều huyện vùng sâu tỷ lệ tham gia BHXH vẫn dưới 5%.", "2023-07-12", None,
     {("Gia Lai", "bhyt_participants", "2023-06-30", 1_420_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2023-06-30", 92.4)}),
    ("Đến 30/6/2023, tỉnh Gia Lai có 1.420.000 người tham gia BHYT, đạt 92,4% dân số. Tuy "
     "vậy, huyện Chư Păh tỷ lệ tham gia BHXH vẫn dưới 5%.", "2023-07-12", None,
     {("Gia Lai", "bhyt_participants", "2023-06-30", 1_420_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2023-06-30", 92.4),
      ("Chư Păh", "bhxh_coverage_pct", "2023-06-30", 5.0)}),
    # a quota per collector or per month ("Mỗi nhân viên thu phải vận động ít nhất 3
    # người tham gia mỗi tháng") is no place's figure; the period's own count stays
    # (control: "3.100 người … trong 6 tháng đầu năm, bình quân 500 người mỗi tháng")
    ("Đến 30/6/2021, tỉnh Long An có 25.000 người tham gia BHXH tự nguyện. Mỗi nhân viên thu "
     "phải vận động ít nhất 3 người tham gia mỗi tháng.", "2021-07-12", None,
     {("Long An", "bhxh_voluntary_participants", "2021-06-30", 25_000.0)}),
    ("Toàn tỉnh Long An phát triển mới 3.100 người tham gia BHXH tự nguyện trong 6 tháng đầu "
     "năm 2021, bình quân 500 người mỗi tháng.", "2021-07-12", None,
     {("Long An", "bhxh_voluntary_new_participants", "2021-06-30", 3_100.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND8_CLASSES,
                         ids=[f"blind8_class_{i}" for i in range(len(BLIND8_CLASSES))])
def test_eighth_blind_set_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)  # every place in the registry too
