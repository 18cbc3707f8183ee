"""``bhxh extract``: the classes of the ninth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Ninth blind set: the
rules generalised"); controls guard where a rule could over-fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND9_CLASSES = [
    # over-achievement is a negative shortfall (the lead's decision, 5 December 2026):
    # "vượt N người so với kế hoạch" -> shortfall_participants -N, dated like a shortfall
    ("Đến hết tháng 6/2022, tỉnh Kon Tum có 9.480 người tham gia BHXH tự nguyện, vượt 480 "
     "người so với kế hoạch cả năm.", "2022-07-10", None,
     {("Kon Tum", "bhxh_voluntary_participants", "2022-06-30", 9_480.0),
      ("Kon Tum", "bhxh_voluntary_shortfall_participants", "2022-06-30", -480.0)}),
    # ... the plan in the sentence before, the attainment after the surplus
    ("UBND tỉnh giao chỉ tiêu 12.000 người tham gia BHXH tự nguyện năm 2022. Hết năm 2022, "
     "tỉnh Kon Tum có 12.900 người tham gia BHXH tự nguyện, vượt 900 người, đạt 107,5% kế "
     "hoạch.", "2023-01-10", None,
     {("Kon Tum", "bhxh_voluntary_plan_participants", "2022-12-31", 12_000.0),
      ("Kon Tum", "bhxh_voluntary_participants", "2022-12-31", 12_900.0),
      ("Kon Tum", "bhxh_voluntary_shortfall_participants", "2022-12-31", -900.0),
      ("Kon Tum", "bhxh_voluntary_attainment_pct", "2022-12-31", 107.5)}),
    # "vượt N điểm phần trăm so với chỉ tiêu X%" after a rate -> shortfall_pp -N
    ("Hết năm 2022, tỉnh Kon Tum có tỷ lệ bao phủ BHYT 94,3% dân số, vượt 0,3 điểm phần "
     "trăm so với chỉ tiêu 94%.", "2023-01-10", None,
     {("Kon Tum", "bhyt_coverage_pct", "2022-12-31", 94.3),
      ("Kon Tum", "bhyt_shortfall_pp", "2022-12-31", -0.3),
      ("Kon Tum", "bhyt_plan_coverage_pct", "2022-12-31", 94.0)}),
    # controls: "vượt 5% kế hoạch" after a count stays attainment 105; "vượt … so với cùng
    # kỳ" is no shortfall
    ("Hết năm 2022, tỉnh Kon Tum có 12.600 người tham gia BHXH tự nguyện, vượt 5% kế "
     "hoạch.", "2023-01-10", None,
     {("Kon Tum", "bhxh_voluntary_participants", "2022-12-31", 12_600.0),
      ("Kon Tum", "bhxh_voluntary_attainment_pct", "2022-12-31", 105.0)}),
    ("Hết năm 2022, tỉnh Kon Tum có 12.600 người tham gia BHXH tự nguyện, vượt 700 người "
     "so với cùng kỳ.", "2023-01-10", None,
     {("Kon Tum", "bhxh_voluntary_participants", "2022-12-31", 12_600.0)}),
    # controls: a plan above another plan is no surplus; a growth rate above its target
    # is skipped with it; a surplus is no list's head for the next item with its own cue
    ("Chỉ tiêu bao phủ BHYT năm 2023 của tỉnh Kon Tum là 95%, vượt 1% so với chỉ tiêu "
     "Chính phủ giao.", "2023-02-01", None,
     {("Kon Tum", "bhyt_plan_coverage_pct", "2023-12-31", 95.0)}),
    ("Đến 30/9/2022, huyện Đắk Hà (Kon Tum) có 700 người tham gia BHXH tự nguyện, vượt 50 "
     "người so với kế hoạch; huyện Sa Thầy mới có 180 người tham gia.", "2022-10-10", None,
     {("Đắk Hà", "bhxh_voluntary_participants", "2022-09-30", 700.0),
      ("Đắk Hà", "bhxh_voluntary_shortfall_participants", "2022-09-30", -50.0),
      ("Sa Thầy", "bhxh_voluntary_participants", "2022-09-30", 180.0)}),
    # a province named only in a capitalised headline that goes on with its period ("…
    # TỈNH NAM ĐỊNH 9 THÁNG NĂM 2022"): "9 THÁNG" is no part of the name, so the province
    # is the page's place (not the first district of a bullet); a figure-less section
    # heading naming one scheme ("Bảo hiểm thất nghiệp") gives the bullets under it
    ("BÁO CÁO NHANH CÔNG TÁC BHXH, BHYT TỈNH NAM ĐỊNH 9 THÁNG NĂM 2022\n\nBảo hiểm y tế\n"
     "- Số người tham gia: 1.650.000 người, đạt 91,2% dân số.\n- Theo địa bàn: huyện Hải "
     "Hậu 93,4%; huyện Ý Yên 89,1%.\n\nBảo hiểm xã hội\n- BHXH tự nguyện: 42.000 người.\n\n"
     "Bảo hiểm thất nghiệp\n- Số người tham gia: 160.000 người.", "2022-10-12", None,
     {("Nam Định", "bhyt_participants", "2022-09-30", 1_650_000.0),
      ("Nam Định", "bhyt_coverage_pct", "2022-09-30", 91.2),
      ("Hải Hậu", "bhyt_coverage_pct", "2022-09-30", 93.4),
      ("Ý Yên", "bhyt_coverage_pct", "2022-09-30", 89.1),
      ("Nam Định", "bhxh_voluntary_participants", "2022-09-30", 42_000.0),
      ("Nam Định", "bhtn_participants", "2022-09-30", 160_000.0)}),
    # control: a number in a name stays ("Quận 3")
    ("Đến 30/9/2022, Quận 3 có 120.000 người tham gia BHYT.", "2022-10-12",
     "Thành phố Hồ Chí Minh",
     {("Quận 3", "bhyt_participants", "2022-09-30", 120_000.0)}),
    # a word between a unit's kind and its name ("xã vùng cao Tiên Yên", "xã vùng sâu
    # Hương Sơn"): the commune of the district in play (not the district of that name in
    # another province), which stays the place of the next paragraph ("trên địa bàn")
    ("Đến hết tháng 5/2020, huyện Quang Bình (Hà Giang) có 62.000 người tham gia BHYT, "
     "đạt 95,2% dân số; xã vùng cao Tiên Yên đạt 98,1% nhờ người dân được cấp thẻ, trong khi "
     "xã vùng sâu Hương Sơn mới đạt 90,4%.\n\nSố người tham gia BHTN trên địa bàn là 2.100 "
     "người.", "2020-06-10", None,
     {("Quang Bình", "bhyt_participants", "2020-05-31", 62_000.0),
      ("Quang Bình", "bhyt_coverage_pct", "2020-05-31", 95.2),
      ("Tiên Yên", "bhyt_coverage_pct", "2020-05-31", 98.1),
      ("Hương Sơn", "bhyt_coverage_pct", "2020-05-31", 90.4),
      ("Quang Bình", "bhtn_participants", "2020-05-31", 2_100.0)}),
    # control: a descriptor without a name after it names no unit ("các xã vùng cao như …")
    ("Đến hết tháng 5/2020, huyện Quang Bình (Hà Giang) có 62.000 người tham gia BHYT; các "
     "xã vùng cao đều đạt trên 95%.", "2020-06-10", None,
     {("Quang Bình", "bhyt_participants", "2020-05-31", 62_000.0)}),
    # a gap in points below the plan printed before its yardstick ("thấp hơn 0,6 điểm phần
    # trăm so với chỉ tiêu 93%") or after it ("thấp hơn chỉ tiêu … (92%) tới 2 điểm phần
    # trăm"): the shortfall in points, and the plan
    ("Tính đến 31/8/2021, tỉnh Sơn La có 1.150.000 người tham gia BHYT, đạt 92,4% dân số, "
     "thấp hơn 0,6 điểm phần trăm so với chỉ tiêu 93% năm 2021.", "2021-09-10", None,
     {("Sơn La", "bhyt_participants", "2021-08-31", 1_150_000.0),
      ("Sơn La", "bhyt_coverage_pct", "2021-08-31", 92.4),
      ("Sơn La", "bhyt_shortfall_pp", "2021-08-31", 0.6),
      ("Sơn La", "bhyt_plan_coverage_pct", "2021-12-31", 93.0)}),
    ("Tính đến 31/8/2021, tỉnh Sơn La có tỷ lệ bao phủ BHYT 90%, thấp hơn chỉ tiêu của "
     "UBND tỉnh (92%) tới 2 điểm phần trăm.", "2021-09-10", None,
     {("Sơn La", "bhyt_coverage_pct", "2021-08-31", 90.0),
      ("Sơn La", "bhyt_plan_coverage_pct", "2021-12-31", 92.0),
      ("Sơn La", "bhyt_shortfall_pp", "2021-08-31", 2.0)}),
    # control: points below the same period last year are no shortfall
    ("Tính đến 31/8/2021, tỉnh Sơn La có tỷ lệ bao phủ BHYT 90%, thấp hơn 0,5 điểm phần "
     "trăm so với cùng kỳ.", "2021-09-10", None,
     {("Sơn La", "bhyt_coverage_pct", "2021-08-31", 90.0)}),
    # a figure-less lead about the growth of one scheme ("Nhiều địa phương có tốc độ phát
    # triển người tham gia BHXH tự nguyện cao.") gives its scheme to the province's new
    # participants after it in a national release (not the BHYT of the sentence before)
    ("Tính đến hết tháng 10/2023, cả nước có 93,1 triệu người tham gia BHYT, tỷ lệ bao phủ "
     "BHYT còn thiếu 0,3 điểm phần trăm so với chỉ tiêu.\n\nNhiều địa phương có tốc độ phát "
     "triển người tham gia BHXH tự nguyện cao. Tại Điện Biên, 10 tháng phát triển mới 3.100 "
     "người, đạt 104% kế hoạch.", "2023-11-10", None,
     {("Việt Nam", "bhyt_participants", "2023-10-31", 93_100_000.0),
      ("Việt Nam", "bhyt_shortfall_pp", "2023-10-31", 0.3),
      ("Điện Biên", "bhxh_voluntary_new_participants", "2023-10-31", 3_100.0),
      ("Điện Biên", "bhxh_voluntary_attainment_pct", "2023-10-31", 104.0)}),
    # control: a lead naming two schemes together names none
    ("Tính đến hết tháng 10/2023, cả nước có 93,1 triệu người tham gia BHYT.\n\nViệc phát "
     "triển người tham gia BHXH, BHYT còn khó khăn. Tại Điện Biên, 10 tháng có thêm 3.100 "
     "người tham gia.", "2023-11-10", None,
     {("Việt Nam", "bhyt_participants", "2023-10-31", 93_100_000.0),
      ("Điện Biên", "bhyt_change_participants", "2023-10-31", 3_100.0)}),
    # two rates "lần lượt chiếm X% và Y% lực lượng lao động": the denominator after the
    # list's last item (joined by "và", as by a comma) makes both coverage, in turn
    ("Đến 30/6/2022, số người tham gia BHTN và BHXH tự nguyện của tỉnh Hà Tĩnh lần lượt "
     "chiếm 12% và 4,2% lực lượng lao động trong độ tuổi.", "2022-07-10", None,
     {("Hà Tĩnh", "bhtn_coverage_pct", "2022-06-30", 12.0),
      ("Hà Tĩnh", "bhxh_voluntary_coverage_pct", "2022-06-30", 4.2)}),
    # control: "và" before a rate of something else ends no list of coverages
    ("Đến 30/6/2022, tỉnh Hà Tĩnh có 1.190.000 người tham gia BHYT, đạt 91,4% dân số, tăng "
     "2% so với cùng kỳ.", "2022-07-10", None,
     {("Hà Tĩnh", "bhyt_participants", "2022-06-30", 1_190_000.0),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2022-06-30", 91.4)}),
    # a plan printed apart from its attainment: "Để đạt chỉ tiêu X% năm Y, … còn phải phát
    # triển thêm N người" (the plan's rate with its year, then the gap) and "Theo kế hoạch
    # năm Y, số người tham gia … phải đạt N người" (the plan's count)
    ("Đến hết tháng 9/2024, tỉnh Thanh Hóa có 3.380.000 người tham gia BHYT, đạt 91,5% dân "
     "số. Để đạt chỉ tiêu 92% năm 2024, ngành BHXH còn phải phát triển thêm 18.000 người.",
     "2024-10-12", None,
     {("Thanh Hóa", "bhyt_participants", "2024-09-30", 3_380_000.0),
      ("Thanh Hóa", "bhyt_coverage_pct", "2024-09-30", 91.5),
      ("Thanh Hóa", "bhyt_plan_coverage_pct", "2024-12-31", 92.0),
      ("Thanh Hóa", "bhyt_shortfall_participants", "2024-09-30", 18_000.0)}),
    ("Đến hết tháng 9/2024, tỉnh Thanh Hóa có 301.000 người tham gia BHTN, đạt 95% kế "
     "hoạch. Theo kế hoạch năm 2024, số người tham gia BHTN phải đạt 316.800 người.",
     "2024-10-12", None,
     {("Thanh Hóa", "bhtn_participants", "2024-09-30", 301_000.0),
      ("Thanh Hóa", "bhtn_attainment_pct", "2024-09-30", 95.0),
      ("Thanh Hóa", "bhtn_plan_participants", "2024-12-31", 316_800.0)}),
    # control: "còn phải đạt" is still a gap's wording, no plan
    ("Đến hết tháng 9/2024, tỉnh Thanh Hóa có 301.000 người tham gia BHTN; để hoàn thành kế "
     "hoạch, còn phải phát triển thêm 15.800 người.", "2024-10-12", None,
     {("Thanh Hóa", "bhtn_participants", "2024-09-30", 301_000.0),
      ("Thanh Hóa", "bhtn_shortfall_participants", "2024-09-30", 15_800.0)}),
    # "toàn tỉnh" as a ranking's field ("Huyện Sìn Hồ dẫn đầu toàn tỉnh về …") is no place:
    # the district named before it keeps its figure
    ("Đến hết quý III/2024, tỉnh Lai Châu có 12.300 người tham gia BHXH tự nguyện. Huyện "
     "Sìn Hồ dẫn đầu toàn tỉnh về BHXH tự nguyện với 1.980 người tham gia.", "2024-10-09", None,
     {("Lai Châu", "bhxh_voluntary_participants", "2024-09-30", 12_300.0),
      ("Sìn Hồ", "bhxh_voluntary_participants", "2024-09-30", 1_980.0)}),
    # control: "toàn tỉnh" as the subject stays the province
    ("Đến hết quý III/2024, huyện Sìn Hồ có 1.980 người tham gia BHXH tự nguyện; toàn tỉnh "
     "có 12.300 người.", "2024-10-09", "Lai Châu",
     {("Sìn Hồ", "bhxh_voluntary_participants", "2024-09-30", 1_980.0),
      ("Lai Châu", "bhxh_voluntary_participants", "2024-09-30", 12_300.0)}),
    # a remark on a figure's scope after a merger ("(tính chung địa bàn Ninh Bình, Hà Nam
    # và Nam Định cũ)") names the parts of the place in play, no new place
    ("Tính đến cuối tháng 9/2025, tỉnh Ninh Bình có 160.000 người tham gia BHXH tự nguyện. "
     "So với cùng kỳ năm 2024 (tính chung địa bàn Ninh Bình, Hà Nam và Nam Định cũ), số người "
     "tham gia BHXH tự nguyện tăng 12.500 người.", "2025-10-15", None,
     {("Ninh Bình", "bhxh_voluntary_participants", "2025-09-30", 160_000.0),
      ("Ninh Bình", "bhxh_voluntary_change_participants", "2025-09-30", 12_500.0)}),
    # a bound of several places ("… như A, B, tỷ lệ … duy trì trên 99%") is no list's head
    # for a rate named after ";" ("xã Bảo Yên đạt 99,3%", a commune named like a former
    # district): the commune's coverage
    ("Tính đến 31/10/2025, tỉnh Lào Cai có 1.690.000 người tham gia BHYT, đạt tỷ lệ bao phủ "
     "95,8% dân số.\n\nTại nhiều xã vùng cao như Bản Xèo, Pha Long, tỷ lệ bao phủ BHYT duy "
     "trì trên 99%; xã Bảo Yên đạt 99,3%.", "2025-11-06", None,
     {("Lào Cai", "bhyt_participants", "2025-10-31", 1_690_000.0),
      ("Lào Cai", "bhyt_coverage_pct", "2025-10-31", 95.8),
      ("Bảo Yên", "bhyt_coverage_pct", "2025-10-31", 99.3)}),
    # control: a second bound after ";" stays unread
    ("Tính đến 31/10/2025, tỉnh Lào Cai có 1.690.000 người tham gia BHYT, đạt tỷ lệ bao phủ "
     "95,8% dân số.\n\nTại nhiều xã vùng cao như Bản Xèo, Pha Long, tỷ lệ bao phủ BHYT duy "
     "trì trên 99%; các xã còn lại đều trên 95%.", "2025-11-06", None,
     {("Lào Cai", "bhyt_participants", "2025-10-31", 1_690_000.0),
      ("Lào Cai", "bhyt_coverage_pct", "2025-10-31", 95.8)}),
    # a bare rate right after a count of new participants ("đã phát triển mới 870 người,
    # đạt 58%.") is the attainment of the new-participants plan (a flow has no coverage)
    ("Năm 2022, thành phố giao quận Cầu Giấy chỉ tiêu phát triển mới 1.500 người tham gia "
     "BHXH tự nguyện. Đến hết tháng 6/2022, quận đã phát triển mới 870 người, đạt 58%.",
     "2022-07-08", None,
     {("Cầu Giấy", "bhxh_voluntary_plan_new_participants", "2022-12-31", 1_500.0),
      ("Cầu Giấy", "bhxh_voluntary_new_participants", "2022-06-30", 870.0),
      ("Cầu Giấy", "bhxh_voluntary_attainment_pct", "2022-06-30", 58.0)}),
    # control: a stock's rate with its denominator stays a coverage
    ("Đến hết tháng 6/2022, quận Cầu Giấy có 250.000 người tham gia BHYT, đạt 93% dân số.",
     "2022-07-08", None,
     {("Cầu Giấy", "bhyt_participants", "2022-06-30", 250_000.0),
      ("Cầu Giấy", "bhyt_coverage_pct", "2022-06-30", 93.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND9_CLASSES,
                         ids=[f"blind9_class_{i}" for i in range(len(BLIND9_CLASSES))])
def test_ninth_blind_set_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)  # every place in the registry too
