"""``bhxh extract``: the classes of the thirty-third to thirty-sixth blind passage sets.

Each passage was written for these tests in our own wording (never the blind sets') and
failed before the rule it pins was written (``docs/extract.md``, "Thirty-third to
thirty-sixth blind sets: the rules generalised"); the controls show where a rule could
over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_TABLE = ("Kết quả 9 tháng năm 2025 của BHXH tỉnh Quảng Trị\n\nChỉ tiêu | Kế hoạch năm 2025 | "
          "Thực hiện đến 30/9/2025 | {col}\nBHXH tự nguyện (người) | 41.000 | 37.720 | 92,0%\n"
          "BHYT (người) | 1.520.000 | 1.480.500 | 97,4%")

_INFOGRAPHIC = ("BHXH TỈNH BẮC NINH\nKẾT QUẢ NĂM 2025\n\nBHYT\n1.950.300 người tham gia\nTỷ lệ "
                "bao phủ: 94,2% dân số\n\nBHXH\n402.600 người\n= 28,4% lực lượng lao động\n\n"
                "BHTN\n351.900 người\n{mark} 24,8% lực lượng lao động\n\n{head}\nBHYT: 95,5% dân "
                "số\nBHXH: 30% lực lượng lao động")

_COMMUNE = ("Ngày 12/01/2024, UBND xã Hồng Phong{more}, huyện Ninh Giang tổ chức hội nghị "
            "tổng kết năm 2023.\nĐại diện BHXH huyện Ninh Giang đánh giá xã có nhiều cố "
            "gắng.\nNăm 2024, xã phấn đấu đạt tỷ lệ bao phủ BHYT 94% dân số, có 320 người "
            "tham gia BHXH tự nguyện.")

_CAPTION = ("Đến hết tháng 9/2025, tỉnh Ninh Bình có 3,6 triệu người tham gia BHYT, đạt 94,1% "
            "dân số.\n\n[Ảnh] Cán bộ BHXH hướng dẫn người dân phường Nam Định{more} cài ứng "
            "dụng VssID. Đến nay, phường có 97,2% dân số tham gia BHYT. Ảnh: Minh Anh")

_PLAN = ("Đến hết quý III/2026, tỉnh Bắc Ninh có 612.300 người tham gia BHXH bắt buộc; 58.200 "
         "người tham gia BHXH tự nguyện. Kế hoạch năm 2026 được giao là 700.000 người{then}.")

_BLOCK = ("BHXH TỈNH BẮC NINH\nNĂM 2025 - NHỮNG CON SỐ\n\n{head}\n402.600 người\n= 28,4% lực "
          "lượng lao động\nBắt buộc: 331.200 người\nTự nguyện: 71.400 người\nTăng 9.850 người "
          "so với năm 2024\n\nBHTN\n351.900 người")

BLIND33_CLASSES = [
    # a table's last column "Tỷ lệ so kế hoạch" after a plan and its result: the share of
    # the plan reached (attainment), as "so với kế hoạch", not a planned coverage
    (_TABLE.format(col="Tỷ lệ so kế hoạch"), "2025-10-10", None,
     {("Quảng Trị", "bhxh_voluntary_plan_participants", "2025-12-31", 41_000.0),
      ("Quảng Trị", "bhxh_voluntary_participants", "2025-09-30", 37_720.0),
      ("Quảng Trị", "bhxh_voluntary_attainment_pct", "2025-09-30", 92.0),
      ("Quảng Trị", "bhyt_plan_participants", "2025-12-31", 1_520_000.0),
      ("Quảng Trị", "bhyt_participants", "2025-09-30", 1_480_500.0),
      ("Quảng Trị", "bhyt_attainment_pct", "2025-09-30", 97.4)}),
    # control: a column of the planned coverage stays a plan
    ("Kết quả 9 tháng năm 2025 của BHXH tỉnh Quảng Trị\n\nChỉ tiêu | Thực hiện đến 30/9/2025 "
     "| Tỷ lệ bao phủ kế hoạch năm 2025\nBHYT (người) | 1.480.500 | 95,0%", "2025-10-10", None,
     {("Quảng Trị", "bhyt_participants", "2025-09-30", 1_480_500.0),
      ("Quảng Trị", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # an infographic's block of targets headed "MỤC TIÊU 2026" (no "năm"), and a rate line
    # opened by "=" under a BHTN heading: next year's plans, and BHTN's rate
    (_INFOGRAPHIC.format(mark="=", head="MỤC TIÊU 2026"), "2026-01-12", None,
     {("Bắc Ninh", "bhyt_participants", "2025-12-31", 1_950_300.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 94.2),
      ("Bắc Ninh", "bhxh_participants", "2025-12-31", 402_600.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 28.4),
      ("Bắc Ninh", "bhtn_participants", "2025-12-31", 351_900.0),
      ("Bắc Ninh", "bhtn_coverage_pct", "2025-12-31", 24.8),
      ("Bắc Ninh", "bhyt_plan_coverage_pct", "2026-12-31", 95.5),
      ("Bắc Ninh", "bhxh_plan_coverage_pct", "2026-12-31", 30.0)}),
    # control: a block headed by a result of a year ("KẾT QUẢ 2025") is no target; a rate
    # line opened by a sentence's words keeps the scheme read before
    (_INFOGRAPHIC.format(mark="Trong năm, bằng", head="KẾT QUẢ 2025"), "2026-01-12", None,
     {("Bắc Ninh", "bhyt_participants", "2025-12-31", 1_950_300.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 94.2),
      ("Bắc Ninh", "bhxh_participants", "2025-12-31", 402_600.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 28.4),
      ("Bắc Ninh", "bhtn_participants", "2025-12-31", 351_900.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 24.8),
      ("Bắc Ninh", "bhyt_coverage_pct", "2025-12-31", 95.5),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 30.0)}),
    # a gap in points to a plan in brackets after "còn cách" (as after "thấp hơn"), an
    # infographic's "Còn cách mục tiêu:" / "Còn thiếu: … điểm %" line, and a surplus in
    # points after the rate and its count ("… với N người tham gia, vượt …")
    ("Đến 30/9, tỉnh Hà Nam có 812.400 người tham gia BHYT, đạt 93,1% dân số, còn cách chỉ "
     "tiêu năm 2026 (94,6%) 1,5 điểm phần trăm.", "2026-10-08", None,
     {("Hà Nam", "bhyt_participants", "2026-09-30", 812_400.0),
      ("Hà Nam", "bhyt_coverage_pct", "2026-09-30", 93.1),
      ("Hà Nam", "bhyt_plan_coverage_pct", "2026-12-31", 94.6),
      ("Hà Nam", "bhyt_shortfall_pp", "2026-09-30", 1.5)}),
    ("BHXH TỈNH HÀ NAM\nBHYT ĐẾN 30/9/2026\n\nBHYT\n812.400 người tham gia\nTỷ lệ bao phủ: "
     "93,1% dân số\nChỉ tiêu năm 2026: 94,6%\nCòn cách mục tiêu: 1,5 điểm phần trăm\n\n"
     "BHXH\n201.300 người\nChỉ tiêu năm 2026: 30%\nCòn thiếu: 2,2 điểm %", "2026-10-08", None,
     {("Hà Nam", "bhyt_participants", "2026-09-30", 812_400.0),
      ("Hà Nam", "bhyt_coverage_pct", "2026-09-30", 93.1),
      ("Hà Nam", "bhyt_plan_coverage_pct", "2026-12-31", 94.6),
      ("Hà Nam", "bhyt_shortfall_pp", "2026-09-30", 1.5),
      ("Hà Nam", "bhxh_participants", "2026-09-30", 201_300.0),
      ("Hà Nam", "bhxh_plan_coverage_pct", "2026-12-31", 30.0),
      ("Hà Nam", "bhxh_shortfall_pp", "2026-09-30", 2.2)}),
    ("Năm 2025, tỷ lệ bao phủ BHYT của tỉnh Hà Nam đạt 94,1% dân số với 812.400 người tham "
     "gia, vượt 0,6 điểm phần trăm so với chỉ tiêu Nghị quyết (93,5%).", "2026-01-08", None,
     {("Hà Nam", "bhyt_coverage_pct", "2025-12-31", 94.1),
      ("Hà Nam", "bhyt_participants", "2025-12-31", 812_400.0),
      ("Hà Nam", "bhyt_shortfall_pp", "2025-12-31", -0.6),
      ("Hà Nam", "bhyt_plan_coverage_pct", "2025-12-31", 93.5)}),
    # control: a rise in points over last year ("cao hơn cùng kỳ 0,8 điểm %") is no gap,
    # nor a line "Tăng: 0,8 điểm %" under a block
    ("Năm 2025, tỉnh Hà Nam có 812.400 người tham gia BHYT; tỷ lệ bao phủ cao hơn cùng kỳ "
     "0,8 điểm %.\n\nBHXH\n201.300 người\nTăng: 0,5 điểm %", "2026-01-08", None,
     {("Hà Nam", "bhyt_participants", "2025-12-31", 812_400.0),
      ("Hà Nam", "bhxh_participants", "2026-01-08", 201_300.0)}),
    # a former province's part after "; riêng …" with no "trong đó", and its rate after
    # "đạt tỷ lệ cao hơn," or "Trên địa bàn tỉnh X cũ, tỷ lệ này đạt": the part's, of
    # the scheme and kind read before
    ("Năm 2025, số người tham gia BHXH tự nguyện của tỉnh Hưng Yên là 98.400 người, vượt "
     "2.100 người so với kế hoạch; riêng địa bàn tỉnh Thái Bình cũ có 41.250 người.",
     "2026-01-15", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2025-12-31", 98_400.0),
      ("Hưng Yên", "bhxh_voluntary_shortfall_participants", "2025-12-31", -2_100.0),
      ("Thái Bình", "bhxh_voluntary_participants", "2025-12-31", 41_250.0)}),
    ("Năm 2025, toàn tỉnh Hưng Yên có 2,1 triệu người tham gia BHYT, đạt tỷ lệ bao phủ 93,2% "
     "dân số. Địa bàn tỉnh Thái Bình cũ đạt tỷ lệ cao hơn, 94,6%.", "2026-01-15", None,
     {("Hưng Yên", "bhyt_participants", "2025-12-31", 2_100_000.0),
      ("Hưng Yên", "bhyt_coverage_pct", "2025-12-31", 93.2),
      ("Thái Bình", "bhyt_coverage_pct", "2025-12-31", 94.6)}),
    ("Năm 2025, tỷ lệ bao phủ BHYT toàn tỉnh Hưng Yên đạt 93,2% dân số. Trên địa bàn tỉnh "
     "Thái Bình cũ, tỷ lệ này đạt 94,6%, trong khi một số xã ven biển còn thấp.",
     "2026-01-15", None,
     {("Hưng Yên", "bhyt_coverage_pct", "2025-12-31", 93.2),
      ("Thái Bình", "bhyt_coverage_pct", "2025-12-31", 94.6)}),
    # controls: a province of the same level not marked former is no part; a former
    # province's share ("chiếm 41,9%") stays no row
    ("Năm 2025, tỷ lệ bao phủ BHYT của tỉnh Hưng Yên đạt 93,2% dân số. Ở tỉnh Thái Bình, "
     "tỷ lệ này đạt 94,6%.", "2026-01-15", None,
     {("Hưng Yên", "bhyt_coverage_pct", "2025-12-31", 93.2)}),
    ("Năm 2025, số người tham gia BHXH tự nguyện của tỉnh Hưng Yên là 98.400 người, vượt "
     "2.100 người so với kế hoạch; riêng địa bàn tỉnh Thái Bình cũ chiếm 41,9%.",
     "2026-01-15", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2025-12-31", 98_400.0),
      ("Hưng Yên", "bhxh_voluntary_shortfall_participants", "2025-12-31", -2_100.0)}),
    # "Phát triển mới N người …; trong đó địa bàn tỉnh A cũ và tỉnh B cũ lần lượt là …":
    # the breakdown after "; trong đó" counts what the clause before counts (new ones)
    ("Kết quả 6 tháng đầu năm 2026 của BHXH tỉnh Hưng Yên:\n- Phát triển mới 4.200 người "
     "tham gia BHXH tự nguyện; trong đó địa bàn tỉnh Thái Bình cũ và tỉnh Hưng Yên cũ lần "
     "lượt là 2.500 người và 1.700 người.", "2026-07-10", None,
     {("Hưng Yên", "bhxh_voluntary_new_participants", "2026-06-30", 4_200.0),
      ("Thái Bình", "bhxh_voluntary_new_participants", "2026-06-30", 2_500.0),
      ("Hưng Yên", "bhxh_voluntary_new_participants", "2026-06-30", 1_700.0)}),
    # controls: the same breakdown of a stock stays participants; after new ones in a
    # sentence of their own, "Trong đó, …" opening the next is the stock's part
    ("Năm 2025, tỉnh Hưng Yên có 94.200 người tham gia BHXH tự nguyện; riêng quý IV phát "
     "triển mới 4.200 người. Trong đó, địa bàn tỉnh Thái Bình cũ chiếm 52.500 người.",
     "2026-01-10", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2025-12-31", 94_200.0),
      ("Hưng Yên", "bhxh_voluntary_new_participants", "2025-12-31", 4_200.0),
      ("Thái Bình", "bhxh_voluntary_participants", "2025-12-31", 52_500.0)}),
    ("Kết quả 6 tháng đầu năm 2026 của BHXH tỉnh Hưng Yên:\n- Có 94.200 người tham gia "
     "BHXH tự nguyện; trong đó địa bàn tỉnh Thái Bình cũ và tỉnh Hưng Yên cũ lần lượt là "
     "52.500 người và 41.700 người.", "2026-07-10", None,
     {("Hưng Yên", "bhxh_voluntary_participants", "2026-06-30", 94_200.0),
      ("Thái Bình", "bhxh_voluntary_participants", "2026-06-30", 52_500.0),
      ("Hưng Yên", "bhxh_voluntary_participants", "2026-06-30", 41_700.0)}),
    # the plan after a surplus of new participants ("phát triển mới N người, vượt M người
    # so với kế hoạch năm là P người"): a plan of new participants
    ("Lũy kế 10 tháng năm 2025, toàn tỉnh Hà Nam phát triển mới 8.460 người tham gia BHXH "
     "tự nguyện, vượt 460 người so với kế hoạch năm là 8.000 người, đạt 105,8% kế hoạch.",
     "2025-11-10", None,
     {("Hà Nam", "bhxh_voluntary_new_participants", "2025-10-31", 8_460.0),
      ("Hà Nam", "bhxh_voluntary_shortfall_participants", "2025-10-31", -460.0),
      ("Hà Nam", "bhxh_voluntary_plan_new_participants", "2025-12-31", 8_000.0),
      ("Hà Nam", "bhxh_voluntary_attainment_pct", "2025-10-31", 105.8)}),
    # controls: after a gap of the stock the plan stays a plan of participants, also when
    # new ones were counted before the stock
    ("Năm 2025, tỉnh Hà Nam phát triển mới 6.300 người tham gia BHXH tự nguyện, nâng tổng "
     "số lên 73.415 người, vượt 1.415 người so với kế hoạch năm là 72.000 người.",
     "2026-01-10", None,
     {("Hà Nam", "bhxh_voluntary_new_participants", "2025-12-31", 6_300.0),
      ("Hà Nam", "bhxh_voluntary_participants", "2025-12-31", 73_415.0),
      ("Hà Nam", "bhxh_voluntary_shortfall_participants", "2025-12-31", -1_415.0),
      ("Hà Nam", "bhxh_voluntary_plan_participants", "2025-12-31", 72_000.0)}),
    ("Năm 2025, tỉnh Hà Nam có 73.415 người tham gia BHXH tự nguyện, còn thiếu 1.585 người "
     "so với kế hoạch năm là 75.000 người.", "2026-01-10", None,
     {("Hà Nam", "bhxh_voluntary_participants", "2025-12-31", 73_415.0),
      ("Hà Nam", "bhxh_voluntary_shortfall_participants", "2025-12-31", 1_585.0),
      ("Hà Nam", "bhxh_voluntary_plan_participants", "2025-12-31", 75_000.0)}),
    # a commune's report: "Năm 2024, xã phấn đấu …" after the district's agency is named
    # is the one commune the text names, as "toàn xã" is (not the district)
    (_COMMUNE.format(more=""), "2024-01-15", "Hải Dương",
     {("Hồng Phong", "bhyt_plan_coverage_pct", "2024-12-31", 94.0),
      ("Hồng Phong", "bhxh_voluntary_plan_participants", "2024-12-31", 320.0)}),
    # control: two communes named, whose aim it is is not said (the district's, as before)
    (_COMMUNE.format(more=" và xã Tân Hồng"), "2024-01-15", "Hải Dương",
     {("Ninh Giang", "bhyt_plan_coverage_pct", "2024-12-31", 94.0),
      ("Ninh Giang", "bhxh_voluntary_plan_participants", "2024-12-31", 320.0)}),
    # "Đến nay, phường có N% …" in a caption naming one ward: that ward (as "toàn
    # phường"), not the province named before
    (_CAPTION.format(more=""), "2025-10-08", None,
     {("Ninh Bình", "bhyt_participants", "2025-09-30", 3_600_000.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2025-09-30", 94.1),
      ("Nam Định", "bhyt_coverage_pct", "2025-10-08", 97.2)}),
    # control: two wards named, whose rate it is is not said
    (_CAPTION.format(more=" và phường Hoa Lư"), "2025-10-08", None,
     {("Ninh Bình", "bhyt_participants", "2025-09-30", 3_600_000.0),
      ("Ninh Bình", "bhyt_coverage_pct", "2025-09-30", 94.1),
      ("Ninh Bình", "bhyt_coverage_pct", "2025-10-08", 97.2)}),
    # "Tại xã X, tỷ lệ này đã đạt N%" (with "đã", as "chỉ / mới / cũng") in a quote:
    # the commune's rate of the kind read before
    ('Ông Trần Văn Bình, Giám đốc BHXH tỉnh, cho biết: "Toàn tỉnh hiện có 1,15 triệu người '
     'tham gia BHYT, tỷ lệ bao phủ đạt 94,2% dân số. Tại xã Mường Khương, tỷ lệ này đã đạt '
     '98,7% vì phần lớn người dân được ngân sách đóng".', "2026-05-19", "Lào Cai",
     {("Lào Cai", "bhyt_participants", "2026-05-19", 1_150_000.0),
      ("Lào Cai", "bhyt_coverage_pct", "2026-05-19", 94.2),
      ("Mường Khương", "bhyt_coverage_pct", "2026-05-19", 98.7)}),
    # a plan with no scheme of its own, then "; như vậy, số người tham gia BHXH mới đạt
    # N% kế hoạch": the plan of the scheme that clause measures against it
    (_PLAN.format(then="; như vậy, số người tham gia BHXH mới đạt 95,8% kế hoạch"),
     "2026-10-20", None,
     {("Bắc Ninh", "bhxh_compulsory_participants", "2026-09-30", 612_300.0),
      ("Bắc Ninh", "bhxh_voluntary_participants", "2026-09-30", 58_200.0),
      ("Bắc Ninh", "bhxh_plan_participants", "2026-12-31", 700_000.0),
      ("Bắc Ninh", "bhxh_attainment_pct", "2026-09-30", 95.8)}),
    # control: without that clause the plan keeps the scheme named last
    (_PLAN.format(then=""), "2026-10-20", None,
     {("Bắc Ninh", "bhxh_compulsory_participants", "2026-09-30", 612_300.0),
      ("Bắc Ninh", "bhxh_voluntary_participants", "2026-09-30", 58_200.0),
      ("Bắc Ninh", "bhxh_voluntary_plan_participants", "2026-12-31", 700_000.0)}),
    # a former province named bare but marked "cũ" on an infographic's line, and the
    # later items of a list of former provinces' counts after a lead with no "trong đó"
    ("BHXH TỈNH TUYÊN QUANG\nBHYT ĐẾN 30/11/2025\n\nBẢO HIỂM Y TẾ\n1.512.300 người\nBao phủ "
     "95,6% dân số\nĐịa bàn Hà Giang cũ: 96,9%", "2025-12-05", None,
     {("Tuyên Quang", "bhyt_participants", "2025-11-30", 1_512_300.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-11-30", 95.6),
      ("Hà Giang", "bhyt_coverage_pct", "2025-11-30", 96.9)}),
    ("Đến hết tháng 9/2025, toàn tỉnh Lâm Đồng có 402.400 người tham gia BHXH. Trong tổng số "
     "người tham gia BHXH, địa bàn tỉnh Bình Thuận cũ có 171.250 người, tỉnh Đắk Nông cũ có "
     "71.150 người, còn lại là địa bàn Lâm Đồng trước đây.", "2025-10-05", None,
     {("Lâm Đồng", "bhxh_participants", "2025-09-30", 402_400.0),
      ("Bình Thuận", "bhxh_participants", "2025-09-30", 171_250.0),
      ("Đắk Nông", "bhxh_participants", "2025-09-30", 71_150.0)}),
    # controls: a bare name not marked former stays unread; a list after a lead that
    # counts no participants ("Về dân số, …") stays unread
    ("BHXH TỈNH TUYÊN QUANG\nBHYT ĐẾN 30/11/2025\n\nBẢO HIỂM Y TẾ\n1.512.300 người\nBao phủ "
     "95,6% dân số\nĐịa bàn Hà Giang: 96,9%", "2025-12-05", None,
     {("Tuyên Quang", "bhyt_participants", "2025-11-30", 1_512_300.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2025-11-30", 95.6)}),
    ("Đến hết tháng 9/2025, toàn tỉnh Tuyên Quang có 152.400 người tham gia BHXH. Về dân số, "
     "địa bàn tỉnh Hà Giang cũ có 912.500 người, tỉnh Tuyên Quang cũ có 801.150 người.",
     "2025-10-05", None,
     {("Tuyên Quang", "bhxh_participants", "2025-09-30", 152_400.0)}),
    # "Tỉnh phấn đấu năm Y đạt tỷ lệ N%" right after a coverage: that rate's plan of Y
    ("Đến thời điểm hiện tại, toàn tỉnh Hà Tĩnh có 1.205.000 người tham gia BHYT, đạt 93,1% "
     "dân số. Tỉnh phấn đấu năm 2026 đạt tỷ lệ 94,5%, tức là còn phải vận động thêm khoảng "
     "18.000 người.", "2026-03-05", None,
     {("Hà Tĩnh", "bhyt_participants", "2026-03-05", 1_205_000.0),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2026-03-05", 93.1),
      ("Hà Tĩnh", "bhyt_plan_coverage_pct", "2026-12-31", 94.5),
      ("Hà Tĩnh", "bhyt_shortfall_participants", "2026-03-05", 18_000.0)}),
    # control: with no coverage read before, whose rate it is is not said
    ("Tỉnh Hà Tĩnh phấn đấu năm 2026 đạt tỷ lệ 94,5%.", "2026-03-05", None, set()),
    # "…, chiếm 39,5% lực lượng lao động …; số người tham gia BHTN chiếm 33,9%": the next
    # scheme's rate of the same base, as "… và tham gia BHTN đạt 35%"
    ("Hết năm 2023, toàn tỉnh Long An có 298.320 người tham gia BHXH, chiếm 39,5% lực lượng "
     "lao động trong độ tuổi; số người tham gia BHTN chiếm 33,9%; số người tham gia BHYT là "
     "1.522.600 người.", "2024-01-10", None,
     {("Long An", "bhxh_participants", "2023-12-31", 298_320.0),
      ("Long An", "bhxh_coverage_pct", "2023-12-31", 39.5),
      ("Long An", "bhtn_coverage_pct", "2023-12-31", 33.9),
      ("Long An", "bhyt_participants", "2023-12-31", 1_522_600.0)}),
    # control: a share of the participants named after it is no coverage
    ("Hết năm 2023, toàn tỉnh Long An có 298.320 người tham gia BHXH, chiếm 39,5% lực lượng "
     "lao động trong độ tuổi; số người tham gia BHTN chiếm 33,9% số người tham gia BHXH.",
     "2024-01-10", None,
     {("Long An", "bhxh_participants", "2023-12-31", 298_320.0),
      ("Long An", "bhxh_coverage_pct", "2023-12-31", 39.5)}),
    # a rate in brackets after "thấp hơn N điểm phần trăm so với thành phố X (": the
    # compared place's rate (points, as a span of time, are no count the rate is of)
    ("Năm 2023, tỷ lệ bao phủ BHYT của tỉnh Tây Ninh đạt 93,8%. Tỷ lệ bao phủ BHYT của huyện "
     "Dương Minh Châu mới đạt 91,4%, thấp hơn 2,6 điểm phần trăm so với thành phố Tây Ninh "
     "(94,0%).", "2024-01-10", None,
     {("Tây Ninh", "bhyt_coverage_pct", "2023-12-31", 93.8),
      ("Dương Minh Châu", "bhyt_coverage_pct", "2023-12-31", 91.4),
      ("Tây Ninh", "bhyt_coverage_pct", "2023-12-31", 94.0)}),
    # control: after "so với chỉ tiêu (" the bracket is the plan, the points its gap
    ("Năm 2023, tỷ lệ bao phủ BHYT của tỉnh Tây Ninh đạt 93,8%. Tỷ lệ bao phủ BHYT của huyện "
     "Dương Minh Châu mới đạt 91,4%, thấp hơn 2,6 điểm phần trăm so với chỉ tiêu (94,0%).",
     "2024-01-10", None,
     {("Tây Ninh", "bhyt_coverage_pct", "2023-12-31", 93.8),
      ("Dương Minh Châu", "bhyt_coverage_pct", "2023-12-31", 91.4),
      ("Dương Minh Châu", "bhyt_shortfall_pp", "2023-12-31", 2.6),
      ("Dương Minh Châu", "bhyt_plan_coverage_pct", "2023-12-31", 94.0)}),
    # the same part after a lead "BHXH tự nguyện có N người" (no "tham gia")
    ("Năm 2025, toàn tỉnh Hưng Yên có 2,1 triệu người tham gia BHYT. BHXH tự nguyện có 98.400 "
     "người, vượt 2.100 người so với kế hoạch giao là 96.300 người; riêng địa bàn tỉnh Thái "
     "Bình cũ có 41.250 người.", "2026-01-15", None,
     {("Hưng Yên", "bhyt_participants", "2025-12-31", 2_100_000.0),
      ("Hưng Yên", "bhxh_voluntary_participants", "2025-12-31", 98_400.0),
      ("Hưng Yên", "bhxh_voluntary_shortfall_participants", "2025-12-31", -2_100.0),
      ("Hưng Yên", "bhxh_voluntary_plan_participants", "2025-12-31", 96_300.0),
      ("Thái Bình", "bhxh_voluntary_participants", "2025-12-31", 41_250.0)}),
    # control: the agency's staff ("BHXH tỉnh … có 320 viên chức") is no such lead
    ("Năm 2025, BHXH tỉnh Hưng Yên có 320 viên chức, người lao động; riêng địa bàn tỉnh Thái "
     "Bình cũ có 140 người.", "2026-01-15", None, set()),
    # an infographic's "Tăng N người so với năm 2024" line under a scheme's heading, after
    # its parts' lines: the heading scheme's change, not the part's named just before
    (_BLOCK.format(head="BHXH"), "2026-01-12", None,
     {("Bắc Ninh", "bhxh_participants", "2025-12-31", 402_600.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 28.4),
      ("Bắc Ninh", "bhxh_compulsory_participants", "2025-12-31", 331_200.0),
      ("Bắc Ninh", "bhxh_voluntary_participants", "2025-12-31", 71_400.0),
      ("Bắc Ninh", "bhxh_change_participants", "2025-12-31", 9_850.0),
      ("Bắc Ninh", "bhtn_participants", "2025-12-31", 351_900.0)}),
    # control: a line naming its part ("Riêng tự nguyện tăng …") keeps the part's change
    (_BLOCK.format(head="BHXH").replace("\nTăng 9.850", "\nRiêng tự nguyện tăng 9.850"),
     "2026-01-12", None,
     {("Bắc Ninh", "bhxh_participants", "2025-12-31", 402_600.0),
      ("Bắc Ninh", "bhxh_coverage_pct", "2025-12-31", 28.4),
      ("Bắc Ninh", "bhxh_compulsory_participants", "2025-12-31", 331_200.0),
      ("Bắc Ninh", "bhxh_voluntary_participants", "2025-12-31", 71_400.0),
      ("Bắc Ninh", "bhxh_voluntary_change_participants", "2025-12-31", 9_850.0),
      ("Bắc Ninh", "bhtn_participants", "2025-12-31", 351_900.0)}),
]

test_blind33_classes = class_tests(BLIND33_CLASSES)
