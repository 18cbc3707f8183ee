"""``bhxh extract``: the classes of the seventeenth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Seventeenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND17_CLASSES = [
    # a plan inside a shortfall in people ("còn thiếu N người so với kế hoạch năm Y là
    # M người"): M is the year's plan, not a second shortfall
    ("Đến hết tháng 10/2024, huyện Hướng Hóa (tỉnh Quảng Trị) có 2.870 người tham gia BHXH "
     "tự nguyện, vẫn còn thiếu 430 người so với kế hoạch năm 2024 là 3.300 người.",
     "2024-11-08", None,
     {("Hướng Hóa", "bhxh_voluntary_participants", "2024-10-31", 2_870.0),
      ("Hướng Hóa", "bhxh_voluntary_shortfall_participants", "2024-10-31", 430.0),
      ("Hướng Hóa", "bhxh_voluntary_plan_participants", "2024-12-31", 3_300.0)}),
    # control: a shortfall against a plan with no plan's count after it stays one shortfall
    ("Đến hết tháng 10/2024, huyện Hướng Hóa (tỉnh Quảng Trị) có 2.870 người tham gia BHXH "
     "tự nguyện, vẫn còn thiếu 430 người so với kế hoạch năm 2024.",
     "2024-11-08", None,
     {("Hướng Hóa", "bhxh_voluntary_participants", "2024-10-31", 2_870.0),
      ("Hướng Hóa", "bhxh_voluntary_shortfall_participants", "2024-10-31", 430.0)}),
    # a part's share of the participants ("trong đó người thuộc hộ nghèo, cận nghèo chiếm
    # trên N%"): no coverage, though the list of parts splits the figure's comma clause
    ("Đến hết tháng 6/2024, tỉnh Điện Biên có 612.400 người tham gia BHYT, đạt tỷ lệ bao "
     "phủ 97,3% dân số, trong đó đồng bào ở vùng khó khăn, người có công chiếm khoảng 55%.",
     "2024-07-12", None,
     {("Điện Biên", "bhyt_participants", "2024-06-30", 612_400.0),
      ("Điện Biên", "bhyt_coverage_pct", "2024-06-30", 97.3)}),
    # control: a rate after "trong đó … chiếm" that names what it is of stays a coverage
    ("Đến hết tháng 6/2024, tỉnh Điện Biên có 612.400 người tham gia BHYT, trong đó số "
     "người có thẻ chiếm 97,3% dân số.",
     "2024-07-12", None,
     {("Điện Biên", "bhyt_participants", "2024-06-30", 612_400.0),
      ("Điện Biên", "bhyt_coverage_pct", "2024-06-30", 97.3)}),
    # participants who now draw a pension ("N người tham gia BHXH tự nguyện … đã được
    # hưởng lương hưu"): receivers of a benefit, not the scheme's participants
    ("Tính đến hết năm 2024, huyện Châu Thành (tỉnh Tiền Giang) có 4.150 người tham gia "
     "BHXH tự nguyện. Trong năm, 27 người tham gia BHXH tự nguyện ở các xã đã được hưởng "
     "lương hưu hằng tháng.", "2025-01-15", None,
     {("Châu Thành", "bhxh_voluntary_participants", "2024-12-31", 4_150.0)}),
    # control: a pension named in another clause leaves the count a stock
    ("Tính đến hết năm 2024, huyện Châu Thành (tỉnh Tiền Giang) có 4.150 người tham gia "
     "BHXH tự nguyện, để khi về già được hưởng lương hưu.", "2025-01-15", None,
     {("Châu Thành", "bhxh_voluntary_participants", "2024-12-31", 4_150.0)}),
    # control: a purpose in the count's own clause ("… để được hưởng lương hưu")
    ("Tính đến hết năm 2024, huyện Châu Thành (tỉnh Tiền Giang) có 4.150 người tham gia "
     "BHXH tự nguyện để sau này được hưởng lương hưu.", "2025-01-15", None,
     {("Châu Thành", "bhxh_voluntary_participants", "2024-12-31", 4_150.0)}),
    # next year's targets in bullets after a lead line that strives to meet them
    # ("… phấn đấu thực hiện các chỉ tiêu năm 2025:"): plans of that year, though the
    # line says "thực hiện"
    ("Hết năm 2024, tỉnh Yên Bái có 62.300 người tham gia BHXH.\n\nUBND tỉnh yêu cầu các "
     "sở, ngành phấn đấu thực hiện các chỉ tiêu năm 2025:\n- Tỷ lệ bao phủ BHYT đạt 96% "
     "dân số;\n- Tỷ lệ tham gia BHTN đạt 18% lực lượng lao động trong độ tuổi.",
     "2025-01-20", None,
     {("Yên Bái", "bhxh_participants", "2024-12-31", 62_300.0),
      ("Yên Bái", "bhyt_plan_coverage_pct", "2025-12-31", 96.0),
      ("Yên Bái", "bhtn_plan_coverage_pct", "2025-12-31", 18.0)}),
    # control: a report on the year's targets ("Kết quả thực hiện các chỉ tiêu năm 2024:")
    # lists results, not plans
    ("Kết quả thực hiện các chỉ tiêu năm 2024 của tỉnh Yên Bái:\n- Hết năm 2024, tỷ lệ bao "
     "phủ BHYT đạt 94,8% dân số;\n- Hết năm 2024, tỷ lệ tham gia BHTN đạt 16,2% lực lượng "
     "lao động trong độ tuổi.",
     "2025-01-20", None,
     {("Yên Bái", "bhyt_coverage_pct", "2024-12-31", 94.8),
      ("Yên Bái", "bhtn_coverage_pct", "2024-12-31", 16.2)}),
    # an infographic's block of targets: a heading "MỤC TIÊU NĂM Y" over short bare lines
    # (no bullets) — each line a plan of that year, until a blank line
    ("INFOGRAPHIC\nBHXH TỈNH NGHỆ AN\nKẾT QUẢ ĐẾN HẾT NĂM 2024\n\nBẢO HIỂM Y TẾ\n3,12 triệu "
     "người\nTỷ lệ bao phủ 94,1% dân số\n\nMỤC TIÊU NĂM 2025\nTỷ lệ bao phủ BHYT: 95% dân "
     "số\nTỷ lệ tham gia BHTN: 21% lực lượng lao động\n\nNguồn: BHXH tỉnh",
     "2025-01-08", None,
     {("Nghệ An", "bhyt_participants", "2024-12-31", 3_120_000.0),
      ("Nghệ An", "bhyt_coverage_pct", "2024-12-31", 94.1),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2025-12-31", 95.0),
      ("Nghệ An", "bhtn_plan_coverage_pct", "2025-12-31", 21.0)}),
    # control: a block after a blank line under the targets is no target
    ("INFOGRAPHIC\nBHXH TỈNH NGHỆ AN\nKẾT QUẢ ĐẾN HẾT NĂM 2024\n\nMỤC TIÊU NĂM 2025\nTỷ lệ bao "
     "phủ BHYT: 95% dân số\n\nBẢO HIỂM Y TẾ\n3,12 triệu người\nTỷ lệ bao phủ 94,1% dân "
     "số\n\nNguồn: BHXH tỉnh",
     "2025-01-08", None,
     {("Nghệ An", "bhyt_participants", "2024-12-31", 3_120_000.0),
      ("Nghệ An", "bhyt_coverage_pct", "2024-12-31", 94.1),
      ("Nghệ An", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # a town named in a figure's cause (", chủ yếu nhờ các nhà máy … ở thị xã A"): the
    # figure stays the province's
    ("Đến hết tháng 9/2024, tỉnh Bắc Giang có 312.500 người tham gia BHXH bắt buộc. Số "
     "người tham gia BHXH bắt buộc tăng 9.150 người so với cùng kỳ năm 2023, chủ yếu nhờ "
     "các nhà máy linh kiện ở Việt Yên tuyển thêm công nhân.", "2024-10-12", None,
     {("Bắc Giang", "bhxh_compulsory_participants", "2024-09-30", 312_500.0),
      ("Bắc Giang", "bhxh_compulsory_change_participants", "2024-09-30", 9_150.0)}),
    # control: the town as the subject of its own figure stays the town's
    ("Đến hết tháng 9/2024, thị xã Việt Yên (tỉnh Bắc Giang) có 41.200 người tham gia BHXH "
     "bắt buộc.", "2024-10-12", None,
     {("Việt Yên", "bhxh_compulsory_participants", "2024-09-30", 41_200.0)}),
]


test_blind17_classes = class_tests(BLIND17_CLASSES)
