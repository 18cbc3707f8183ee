"""``bhxh extract``: the classes of the eleventh blind passage set (plain bodies, pasted
web pages, official documents).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Eleventh blind set: the
rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND11_CLASSES = [
    # "đến thời điểm này" inside a sentence, after a clause ("…; như vậy, đến thời điểm
    # này …"): "this point" is the status date in play, not the publication day; the
    # sentences after it keep that date
    ("Đến cuối tháng 6/2021, thị xã Quảng Yên có 131.000 người tham gia BHYT. Năm 2021, "
     "thị xã phấn đấu đạt 95% dân số tham gia BHYT; như vậy, đến thời điểm này thị xã còn "
     "thiếu 2,3 điểm phần trăm. Số người tham gia BHXH tự nguyện là 2.450 người.", "2021-07-20", None,
     {("Quảng Yên", "bhyt_participants", "2021-06-30", 131_000.0),
      ("Quảng Yên", "bhyt_plan_coverage_pct", "2021-12-31", 95.0),
      ("Quảng Yên", "bhyt_shortfall_pp", "2021-06-30", 2.3),
      ("Quảng Yên", "bhxh_voluntary_participants", "2021-06-30", 2_450.0)}),
    # control: "Đến thời điểm này" opening its sentence is the publication day
    ("Đến thời điểm này, huyện Tiên Yên có 48.200 người tham gia BHYT.", "2021-07-20",
     None, {("Tiên Yên", "bhyt_participants", "2021-07-20", 48_200.0)}),
    # a plan given to a district by its province in the passive ("huyện A được tỉnh B
    # giao chỉ tiêu …"): the province is the giver, the plan the district's
    ("Tính đến 30/9/2022, huyện Tiên Du có 142.000 người tham gia BHYT. Năm 2022, huyện "
     "được tỉnh Bắc Ninh giao chỉ tiêu phát triển mới 1.500 người tham gia BHXH tự "
     "nguyện.", "2022-10-12", None,
     {("Tiên Du", "bhyt_participants", "2022-09-30", 142_000.0),
      ("Tiên Du", "bhxh_voluntary_plan_new_participants", "2022-12-31", 1_500.0)}),
    # control: the province named as the subject after the district stays the figure's
    ("Tính đến 30/9/2022, huyện Tiên Du có 142.000 người tham gia BHYT. Toàn tỉnh Bắc "
     "Ninh có 1.330.000 người tham gia BHYT.", "2022-10-12", None,
     {("Tiên Du", "bhyt_participants", "2022-09-30", 142_000.0),
      ("Bắc Ninh", "bhyt_participants", "2022-09-30", 1_330_000.0)}),
    # an exact value printed once for several places named as examples ("nhiều xã như
    # xã A, xã B đạt 100%"): each place's figure (a bound stays no one's, below)
    ("Tính đến 30/6/2023, về BHYT, nhiều xã biên giới như xã Bản Lầu, xã Lùng Vai đạt "
     "100% dân số có thẻ.",
     "2023-07-10", "Lào Cai",
     {("Bản Lầu", "bhyt_coverage_pct", "2023-06-30", 100.0),
      ("Lùng Vai", "bhyt_coverage_pct", "2023-06-30", 100.0)}),
    # control: a bound of example places is no one place's (sixth set's rule)
    ("Tính đến 30/6/2023, về BHYT, nhiều xã biên giới như xã Bản Lầu, xã Lùng Vai đạt "
     "trên 98% dân số có thẻ.",
     "2023-07-10", "Lào Cai",
     set()),
    # control: two rates after the places are no shared value (none is given to both)
    ("Tính đến 30/6/2023, về BHYT, nhiều xã như xã Bản Lầu, xã Lùng Vai đạt 97,2% và "
     "96,5% dân số có thẻ.",
     "2023-07-10", "Lào Cai",
     set()),
    # a plan in brackets that a surplus of new participants is measured against ("phát
    # triển mới N người, vượt M người so với kế hoạch (P người)"): a plan of new ones
    ("Năm 2024, toàn tỉnh Kon Tum phát triển mới 6.120 người tham gia BHXH tự nguyện, vượt "
     "620 người so với kế hoạch (5.500 người).", "2025-01-10", None,
     {("Kon Tum", "bhxh_voluntary_new_participants", "2024-12-31", 6_120.0),
      ("Kon Tum", "bhxh_voluntary_shortfall_participants", "2024-12-31", -620.0),
      ("Kon Tum", "bhxh_voluntary_plan_new_participants", "2024-12-31", 5_500.0)}),
    # control: the surplus of the stock over its plan: a plan of participants
    ("Đến hết năm 2024, tỉnh Kon Tum có 24.120 người tham gia BHXH tự nguyện, vượt 620 "
     "người so với kế hoạch (23.500 người).", "2025-01-10", None,
     {("Kon Tum", "bhxh_voluntary_participants", "2024-12-31", 24_120.0),
      ("Kon Tum", "bhxh_voluntary_shortfall_participants", "2024-12-31", -620.0),
      ("Kon Tum", "bhxh_voluntary_plan_participants", "2024-12-31", 23_500.0)}),
    # a rise right after a count of new participants ("phát triển mới N người, tăng M
    # người so với cùng kỳ"): the new ones' rise, no change of the stock
    ("Đến hết tháng 9/2024, tỉnh Kon Tum có 21.300 người tham gia BHXH tự nguyện. Riêng 9 "
     "tháng qua, toàn tỉnh phát triển mới 3.240 người, tăng 410 người so với cùng kỳ năm "
     "trước.", "2024-10-10", None,
     {("Kon Tum", "bhxh_voluntary_participants", "2024-09-30", 21_300.0),
      ("Kon Tum", "bhxh_voluntary_new_participants", "2024-09-30", 3_240.0)}),
    # control: a rise right after the stock is its change
    ("Đến hết tháng 9/2024, tỉnh Kon Tum có 21.300 người tham gia BHXH tự nguyện, tăng 410 "
     "người so với cùng kỳ năm trước.", "2024-10-10", None,
     {("Kon Tum", "bhxh_voluntary_participants", "2024-09-30", 21_300.0),
      ("Kon Tum", "bhxh_voluntary_change_participants", "2024-09-30", 410.0)}),
    # a share of the workers of some workplaces ("% số lao động đang làm việc trong các
    # doanh nghiệp") is a subgroup's, no coverage
    ("Đến hết tháng 9/2024, huyện Yên Phong có 61.200 người tham gia BHXH bắt buộc, chiếm "
     "khoảng 65% số lao động đang làm việc trong các doanh nghiệp trên địa bàn.",
     "2024-10-10", "Bắc Ninh",
     {("Yên Phong", "bhxh_compulsory_participants", "2024-09-30", 61_200.0)}),
    # control: a share of the labour force of working age is the coverage
    ("Đến hết tháng 9/2024, huyện Yên Phong có 61.200 người tham gia BHXH bắt buộc, chiếm "
     "41,5% số lao động trong độ tuổi.", "2024-10-10", "Bắc Ninh",
     {("Yên Phong", "bhxh_compulsory_participants", "2024-09-30", 61_200.0),
      ("Yên Phong", "bhxh_compulsory_coverage_pct", "2024-09-30", 41.5)}),
    # a statement opened by a plan's rate in brackets ("So với chỉ tiêu tại Quyết định …
    # (x%), tỷ lệ … vượt y điểm"): the surplus over that plan, a negative shortfall
    ("Năm 2024, tỷ lệ bao phủ BHYT của tỉnh Hưng Yên đạt 93,6% dân số. So với chỉ tiêu tại "
     "Quyết định 546/QĐ-TTg (93,4%), tỷ lệ bao phủ BHYT của tỉnh vượt 0,2 điểm phần trăm.",
     "2025-01-10", None,
     {("Hưng Yên", "bhyt_coverage_pct", "2024-12-31", 93.6),
      ("Hưng Yên", "bhyt_plan_coverage_pct", "2024-12-31", 93.4),
      ("Hưng Yên", "bhyt_shortfall_pp", "2024-12-31", -0.2)}),
    # control: a year before in brackets is no plan: the rise over it gives no surplus
    ("Năm 2024, tỷ lệ bao phủ BHYT của tỉnh Hưng Yên đạt 93,6% dân số. So với năm 2023 "
     "(92,8%), tỷ lệ bao phủ BHYT của tỉnh vượt 0,8 điểm phần trăm.", "2025-01-10", None,
     {("Hưng Yên", "bhyt_coverage_pct", "2024-12-31", 93.6)}),
    # a ward whose name ends in a number ("phường Hà Giang 2"): the number is the name's,
    # no figure; a name the registry knows without the number keeps it (Minh Xuân)
    ("Đến hết tháng 9/2025, tỷ lệ bao phủ BHYT của tỉnh Tuyên Quang đạt 95,1%; trong đó "
     "phường Minh Xuân đạt 93,4%, phường Hà Giang 2 đạt 94,2%.", "2025-10-10", None,
     {("Tuyên Quang", "bhyt_coverage_pct", "2025-09-30", 95.1),
      ("Minh Xuân", "bhyt_coverage_pct", "2025-09-30", 93.4),
      ("Hà Giang 2", "bhyt_coverage_pct", "2025-09-30", 94.2)}),
    # a date after "thấp/cao hơn" is a comparison's ("Tỷ lệ này cao hơn cuối năm 2022"):
    # no status date for the sentences after it (an interview's "Đến thời điểm hiện tại")
    ("PV: Kết quả phát triển người tham gia BHYT của tỉnh thế nào?\n\nÔng Lê Văn Hải: Đến "
     "thời điểm hiện tại, toàn tỉnh Cao Bằng có 512.300 người tham gia BHYT, đạt 97,1% dân "
     "số. Tỷ lệ này cao hơn cuối năm 2022 nhờ nhiều doanh nghiệp mới thành lập. Huyện Hà "
     "Quảng vẫn duy trì trên 99%, nhưng huyện Quảng Hòa mới đạt 93,8%.", "2023-06-15", None,
     {("Cao Bằng", "bhyt_participants", "2023-06-15", 512_300.0),
      ("Cao Bằng", "bhyt_coverage_pct", "2023-06-15", 97.1),
      ("Quảng Hòa", "bhyt_coverage_pct", "2023-06-15", 93.8)}),
    # control: the sentence's own status date stays its figure's
    ("Đến 31/5/2023, tỷ lệ bao phủ BHYT của tỉnh Cao Bằng đạt 97,1%, cao hơn cuối năm "
     "2022.", "2023-06-15", None,
     {("Cao Bằng", "bhyt_coverage_pct", "2023-05-31", 97.1)}),
    # a shared exact value of places listed with the kind before the first name only
    # ("Các xã A, B có tỷ lệ … đạt 100%"): each place's, the bare second name resolved
    # inside the district in play
    ("Đến hết tháng 4/2024, huyện Mù Cang Chải có 2.115 người tham gia BHXH tự nguyện; "
     "BHYT 61.300 người, đạt 98,2% dân số.\n\nCác xã Khao Mang, Lao Chải có tỷ lệ bao phủ "
     "BHYT đạt 100%; xã Hồ Bốn đạt 97,1%.", "2024-05-20", "Yên Bái",
     {("Mù Căng Chải", "bhxh_voluntary_participants", "2024-04-30", 2_115.0),
      ("Mù Căng Chải", "bhyt_participants", "2024-04-30", 61_300.0),
      ("Mù Căng Chải", "bhyt_coverage_pct", "2024-04-30", 98.2),
      ("Khao Mang", "bhyt_coverage_pct", "2024-04-30", 100.0),
      ("Lao Chải", "bhyt_coverage_pct", "2024-04-30", 100.0),
      ("Hồ Bốn", "bhyt_coverage_pct", "2024-04-30", 97.1)}),
    # control: a bound of such a list stays no one's
    ("Đến hết tháng 4/2024, huyện Mù Cang Chải có 2.115 người tham gia BHXH tự nguyện; "
     "BHYT 61.300 người, đạt 98,2% dân số.\n\nCác xã Khao Mang, Lao Chải có tỷ lệ bao phủ "
     "BHYT trên 99%; xã Hồ Bốn đạt 97,1%.", "2024-05-20", "Yên Bái",
     {("Mù Căng Chải", "bhxh_voluntary_participants", "2024-04-30", 2_115.0),
      ("Mù Căng Chải", "bhyt_participants", "2024-04-30", 61_300.0),
      ("Mù Căng Chải", "bhyt_coverage_pct", "2024-04-30", 98.2),
      ("Hồ Bốn", "bhyt_coverage_pct", "2024-04-30", 97.1)}),
]


test_blind11_classes = class_tests(BLIND11_CLASSES)
