"""``bhxh extract``: the classes of real-page set 12 (issue 15).

Each passage was written for these tests in our own wording (never a page's) and failed
before the rule it pins was written (``docs/extract.md``, "Fifth round: the rules
generalised on set 12's classes"). Controls show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

SET12_CLASSES = [
    # "phải vận động … như: xã A là N người": numbers a place must reach are targets of the
    # assignment's year; a headline "Năm Y, … sẽ đạt x%" is a target, not a result
    ("Năm 2022, huyện Krông Pắc bao phủ bảo hiểm y tế sẽ đạt 92,4%\n\nUBND huyện Krông "
     "Pắc vừa giao chỉ tiêu bao phủ BHYT năm 2022 cho các xã. Theo đó, một số xã phải vận "
     "động số người tham gia BHYT lớn như: xã Ea Phê là 12.400 người; xã Ea Kênh là 9.850 "
     "người.", "2022-05-10", None,
     {("Krông Pắc", "bhyt_plan_coverage_pct", "2022-12-31", 92.4),
      ("Ea Phê", "bhyt_plan_participants", "2022-12-31", 12_400.0),
      ("Ea Kênh", "bhyt_plan_participants", "2022-12-31", 9_850.0)}),
    # "Để (bảo đảm) hoàn thành chỉ tiêu …, phấn đấu mở rộng thêm N người": what is still
    # needed (the status date), not the year's plan
    ("Đến 30/9/2022, tỉnh Bắc Kạn có 8.100 người tham gia BHXH tự nguyện. Để bảo đảm hoàn "
     "thành chỉ tiêu kế hoạch được giao, từ nay đến hết năm 2022, BHXH tỉnh và Bưu điện "
     "tỉnh sẽ đẩy mạnh tuyên truyền, phấn đấu mở rộng thêm khoảng 2.300 người tham gia BHXH "
     "tự nguyện và 15.000 người tham gia BHYT.", "2022-10-20", None,
     {("Bắc Kạn", "bhxh_voluntary_participants", "2022-09-30", 8_100.0),
      ("Bắc Kạn", "bhxh_voluntary_shortfall_participants", "2022-09-30", 2_300.0),
      ("Bắc Kạn", "bhyt_shortfall_participants", "2022-09-30", 15_000.0)}),
    # control: the same opening with a stock to reach ("có N người"), no "thêm": the plan
    ("Để hoàn thành chỉ tiêu được giao, năm 2022 tỉnh Bắc Kạn phấn đấu có 10.400 người "
     "tham gia BHXH tự nguyện.", "2022-03-20", None,
     {("Bắc Kạn", "bhxh_voluntary_plan_participants", "2022-12-31", 10_400.0)}),
    # a year list whose items put the year after the rate ("đạt x% dân số vào năm Y",
    # "đạt x% dân số năm Y"): each rate takes its own year, not the item's before
    ("Theo chỉ tiêu giao, tỷ lệ bao phủ BHYT của huyện Chư Prông cụ thể: năm 2017 đạt "
     "80,5% dân số, năm 2018 đạt 83,1% dân số, đạt 86,4% dân số vào năm 2019 và đạt 90,2% "
     "dân số năm 2020.", "2017-01-10", None,
     {("Chư Prông", "bhyt_plan_coverage_pct", "2017-12-31", 80.5),
      ("Chư Prông", "bhyt_plan_coverage_pct", "2018-12-31", 83.1),
      ("Chư Prông", "bhyt_plan_coverage_pct", "2019-12-31", 86.4),
      ("Chư Prông", "bhyt_plan_coverage_pct", "2020-12-31", 90.2)}),
    # bands of places ("dưới 85% có 3 xã", "từ 85% đến 90% là 11 xã", "từ 90% trở lên
    # là 9 xã") are no rates; "trong đó xã A đạt tỷ lệ cao nhất x%" is the commune's; the
    # share still outside ("Hiện còn x% dân số … (khoảng N người) chưa tham gia") is
    # skipped, the persons in its remark too; "Tiền Giang" is a place, not money (tiền)
    ("Tính đến 30/9/2021, huyện Châu Thành (Tiền Giang) có 221.400 người tham gia BHYT, "
     "đạt tỷ lệ bao phủ 89,1%. Trong đó, tỷ lệ bao phủ dưới 85% có 3 xã; từ 85% đến 90% là "
     "11 xã; từ 90% trở lên là 9 xã, trong đó xã Tân Lý Đông đạt tỷ lệ cao nhất 96,02%. "
     "Hiện còn 10,9% dân số huyện (khoảng 27.000 người) chưa tham gia BHYT.", "2021-10-20",
     None,
     {("Châu Thành", "bhyt_participants", "2021-09-30", 221_400.0),
      ("Châu Thành", "bhyt_coverage_pct", "2021-09-30", 89.1),
      ("Tân Lý Đông", "bhyt_coverage_pct", "2021-09-30", 96.02)}),
    # "vẫn còn x% dân số, tương đương … N người chưa tham gia": outside the scheme
    ("Hết tháng 6/2021, cả nước có 87 triệu người tham gia BHYT, đạt 90,1% dân số. Tuy "
     "nhiên, vẫn còn 9,9% dân số, tương đương với khoảng 9,6 triệu người chưa tham gia "
     "BHYT.", "2021-10-20", None,
     {("Việt Nam", "bhyt_participants", "2021-06-30", 87_000_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2021-06-30", 90.1)}),
    # cards taken "lần đầu và đáo hạn" are a flow, not the stock that follows ("nâng toàn
    # huyện có …"); a commune's share in brackets "(xã A chiếm x%)" is its coverage
    ("Từ đầu năm đến nay, huyện Vũng Liêm (Vĩnh Long) có 98.300 người tham gia BHYT lần "
     "đầu và đáo hạn, nâng toàn huyện có hơn 120.000 người tham gia, chiếm 86,2% dân số. "
     "Toàn huyện có 12/20 xã đạt tỷ lệ bao phủ từ 85% trở lên (xã Trung Thành chiếm 99%).",
     "2021-10-20", None,
     {("Vũng Liêm", "bhyt_participants", "2021-10-20", 120_000.0),
      ("Vũng Liêm", "bhyt_coverage_pct", "2021-10-20", 86.2),
      ("Trung Thành", "bhyt_coverage_pct", "2021-10-20", 99.0)}),
    # "tăng x% với N người": the persons of a change in percent are a change, not a stock
    ("Năm 2019, tỷ lệ bao phủ BHYT của huyện Bảo Lâm (Lâm Đồng) đạt 84,2%. So với năm "
     "2018, tăng 12% với 14.300 người tham gia BHYT; trong đó, người tham gia BHYT hộ gia "
     "đình tăng 40% với 6.120 người.", "2020-03-10", None,
     {("Bảo Lâm", "bhyt_coverage_pct", "2019-12-31", 84.2),
      ("Bảo Lâm", "bhyt_change_participants", "2019-12-31", 14_300.0),
      ("Bảo Lâm", "bhyt_household_change_participants", "2019-12-31", 6_120.0)}),
    # the clauses after a target named ("gần đạt mục tiêu mà Chính phủ đặt ra đến năm Y,
    # tỷ lệ … đạt x%") state the target, not a result (a page with no printed date)
    ("Hết tháng 5/2020, cả nước có 85,5 triệu người tham gia BHYT, đạt tỷ lệ bao phủ 88,9% "
     "dân số, gần đạt mục tiêu mà Chính phủ đặt ra đến năm 2021, tỷ lệ bao phủ BHYT đạt trên "
     "91% dân số.", None, None,
     {("Việt Nam", "bhyt_participants", "2020-05-31", 85_500_000.0),
      ("Việt Nam", "bhyt_coverage_pct", "2020-05-31", 88.9),
      ("Việt Nam", "bhyt_plan_coverage_pct", "2021-12-31", 91.0)}),
    # "… thấp hơn y% so với cuối năm Y (x%)": that year's coverage; "mục tiêu … giao, đó là
    # đến cuối năm Y, tỷ lệ … đạt x%": the target
    ("Ước tính đến 30/6/2023, tỷ lệ bao phủ bảo hiểm y tế chỉ đạt 89,6% dân số. Kết quả này "
     "thấp hơn 2,1% so với cuối năm 2022 (91,7%) và còn xa mục tiêu Chính phủ giao, đó là đến "
     "cuối năm 2023, tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,2% dân số.", "2023-07-20",
     None,
     {("Việt Nam", "bhyt_coverage_pct", "2023-06-30", 89.6),
      ("Việt Nam", "bhyt_coverage_pct", "2022-12-31", 91.7),
      ("Việt Nam", "bhyt_plan_coverage_pct", "2023-12-31", 93.2)}),
    # control: a target reached ("đã hoàn thành mục tiêu … giao, tỷ lệ … đạt x%") is a result
    ("Tính đến 31/12/2022, tỉnh Nam Định đã hoàn thành mục tiêu Chính phủ giao, tỷ lệ bao "
     "phủ BHYT đạt 92,3% dân số.", "2023-01-20", None,
     {("Nam Định", "bhyt_coverage_pct", "2022-12-31", 92.3)}),
    # an ethnic-minority subgroup's target ("người đồng bào DTTS") and a criterion for new
    # rural communes ("đạt x% đối với xã nông thôn mới") are no place's rates
    ("Tỉnh Kon Tum phấn đấu đến năm 2025 có 96% dân số tham gia BHYT, tỷ lệ người đồng bào "
     "DTTS tham gia BHYT đạt 99%. Đồng thời duy trì tỷ lệ tham gia BHYT đạt 92% đối với xã "
     "nông thôn mới.", "2022-11-01", None,
     {("Kon Tum", "bhyt_plan_coverage_pct", "2025-12-31", 96.0)}),
    # a target's floor ("để đạt chỉ tiêu bao phủ … năm Y từ x% trở lên") is the plan
    ("Ban chỉ đạo huyện Lâm Hà triển khai các giải pháp để đạt chỉ tiêu bao phủ BHYT năm "
     "2019 từ 88% trở lên.", "2019-03-01", None,
     {("Lâm Hà", "bhyt_plan_coverage_pct", "2019-12-31", 88.0)}),
    # "mỗi xã, thị trấn có thêm N người": a figure said of each commune, no place's
    ("Huyện Thanh Hà phấn đấu trong năm nay mỗi xã, thị trấn có thêm 25 người trở lên "
     "tham gia BHXH tự nguyện.", "2020-04-10", None, set()),
    # the new participants one channel won ("thông qua tổ chức hội nghị") are a part
    ("Trong tháng 3/2020, tỉnh Lạng Sơn có 312 người tham gia BHXH tự nguyện tăng mới. "
     "Tổng số người tham gia BHXH tự nguyện tăng mới thông qua tổ chức hội nghị là 208 "
     "người.", "2020-04-10", None,
     {("Lạng Sơn", "bhxh_voluntary_new_participants", "2020-03-31", 312.0)}),
    # "dân số … năm Y là N người": the population of that year, not of the day before
    ("Hiện nay, toàn tỉnh Đắk Nông có 560.200 người tham gia BHYT. Dự kiến dân số của Đắk "
     "Nông năm 2021 là 664.000 người, so với số người có thẻ trên, tỷ lệ tham gia BHYT "
     "của tỉnh hiện nay đạt 84,4% dân số.", "2021-06-10", None,
     {("Đắk Nông", "bhyt_participants", "2021-06-10", 560_200.0),
      ("Đắk Nông", "bhyt_coverage_pct", "2021-06-10", 84.4),
      ("Đắk Nông", "population", "2021-12-31", 664_000.0)}),
    # a headline's round target ("Phấn đấu 94%", after a stray line) repeats the body's
    # sharper figure; it is not a second target of another year
    (".\nKrông Nô: Phấn đấu 94% dân số tham gia BHYT\n\nTheo chỉ tiêu giao, tỷ lệ bao "
     "phủ BHYT của huyện Krông Nô năm 2020 đạt 94,35% dân số.", "2020-04-10", None,
     {("Krông Nô", "bhyt_plan_coverage_pct", "2020-12-31", 94.35)}),
    # schemes joined by a dash ("BHXH – BHYT") before one figure are several schemes; the
    # old voluntary health insurance ("bảo hiểm y tế tự nguyện") is no scheme of the
    # vocabulary: its count and the change after it are not all of BHYT
    ("Phú Yên: Hơn 210.000 người tham gia BHXH – BHYT\n\nTheo BHXH tỉnh, đến cuối năm "
     "2009, tỉnh Phú Yên có 96.400 người tham gia BHXH bắt buộc. Trong đó, số người tham "
     "gia bảo hiểm y tế tự nguyện là 64.200 người, tăng 9.000 người so với năm 2008.",
     "2010-01-20", None,
     {("Phú Yên", "bhxh_compulsory_participants", "2009-12-31", 96_400.0)}),
    # one day's results ("chỉ trong ngày 10-6, … đã phát triển được N người", "N người
    # tham gia … trong ngày ra quân") are a campaign's, not the nation's gains
    ("Gần 18.000 người tham gia BHXH tự nguyện trong ngày ra quân\n\nTheo BHXH Việt Nam, "
     "chỉ trong ngày 10-6, cả nước đã phát triển được 17.950 người tham gia BHXH tự nguyện, "
     "40.120 người tham gia BHYT hộ gia đình. Tính đến 31/5/2023, cả nước có 1,71 triệu "
     "người tham gia BHXH tự nguyện.", "2023-06-12", None,
     {("Việt Nam", "bhxh_voluntary_participants", "2023-05-31", 1_710_000.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", SET12_CLASSES,
                         ids=[f"set12_class_{i}" for i in range(len(SET12_CLASSES))])
def test_set12_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)  # every place in the registry too
