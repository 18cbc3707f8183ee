"""``bhxh extract``: the non-place classes of real-page set 14 (issue 15).

Each passage was written for these tests in our own wording (never a page's) and failed
before the rule it pins was written (``docs/extract.md``, "Seventh round: set 14
(non-place classes)"). Controls show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

SET14_CLASSES = [
    # "N sổ/M lao động": BHXH books handed out (per workers), not participants
    ("Đến hết tháng 5/2021, tỉnh Cao Bằng có 41.200 người tham gia BHXH. Số lao động đã "
     "được cấp sổ BHXH là 40.118 sổ/40.120 lao động.", "2021-06-10", None,
     {("Cao Bằng", "bhxh_participants", "2021-05-31", 41_200.0)}),
    # "N thẻ/M người, chiếm tỷ lệ x% dân số": cards are no row; M is the population the
    # rate is of
    ("Tính đến hết tháng 3/2021, tỉnh Tuyên Quang quản lý 512.300 thẻ BHYT/530.100 người, "
     "chiếm tỷ lệ 96,6% dân số.", "2021-04-12", None,
     {("Tuyên Quang", "population", "2021-03-31", 530_100.0),
      ("Tuyên Quang", "bhyt_coverage_pct", "2021-03-31", 96.6)}),
    # control: "N thẻ/M người" with no share of the population after it: no row
    ("Tính đến hết tháng 3/2021, tỉnh Tuyên Quang đã cấp 12.300 thẻ BHYT/12.900 người "
     "thuộc hộ cận nghèo.", "2021-04-12", None, set()),
    # a headline rounding a change of several schemes together ("tăng 60.215 người" of
    # "BHXH, BHYT, BHTN") is no change of the one scheme it names
    ("Gia Lai: Tăng hơn 60.000 người tham gia BHYT\n\nTính đến hết tháng 6/2019, số người "
     "tham gia BHXH, BHYT, BHTN của tỉnh Gia Lai là 1.120.400 người (tăng 60.215 người so "
     "với cùng kỳ năm 2018).", "2019-07-20", None, set()),
    # control: the body's change is of that scheme alone
    ("Gia Lai: Tăng hơn 60.000 người tham gia BHYT\n\nTính đến hết tháng 6/2019, số người "
     "tham gia BHYT của tỉnh Gia Lai là 1.020.400 người, tăng 60.215 người so với cùng kỳ "
     "năm 2018.", "2019-07-20", None,
     {("Gia Lai", "bhyt_participants", "2019-06-30", 1_020_400.0),
      ("Gia Lai", "bhyt_change_participants", "2019-06-30", 60_215.0)}),
    # control: the one scheme's figure after the total of several, rounded alike
    ("Tính đến hết tháng 10/2023, tổng số người tham gia BHXH, BHYT của tỉnh Gia Lai hơn "
     "1,4 triệu người. Trong đó, tham gia BHYT trên 1,4 triệu người.", "2023-11-20", None,
     {("Gia Lai", "bhyt_participants", "2023-10-31", 1_400_000.0)}),
    # a forecast ("Theo dự kiến … sẽ đạt", "ước thực hiện năm Y đạt") is neither a
    # target nor a result
    ("Tính đến hết tháng 9/2019, tỷ lệ bao phủ BHYT của tỉnh Gia Lai đạt 85,2%. Theo dự "
     "kiến, đến hết năm 2019, tỷ lệ bao phủ BHYT của tỉnh sẽ đạt trên 87%.", "2019-10-15",
     None, {("Gia Lai", "bhyt_coverage_pct", "2019-09-30", 85.2)}),
    ("Tính đến cuối tháng 9/2021, tỉnh Kon Tum có tỷ lệ bao phủ BHYT đạt 84,1% dân số, ước "
     "thực hiện năm 2021 đạt trên 90% dân số.", "2021-10-25", None,
     {("Kon Tum", "bhyt_coverage_pct", "2021-09-30", 84.1)}),
    # the date of a forecast ("ước thực hiện cuối năm 2021") dates no figure: the
    # headline and the lead take the status date printed later
    ("Kon Tum có tỷ lệ bao phủ BHYT đạt 88,4% dân số\n\nTỉnh Kon Tum có tỷ lệ bao phủ BHYT "
     "đạt 88,4% dân số, ước thực hiện cuối năm 2021 đạt trên 91% dân số.\n\nTheo báo cáo, "
     "tính đến cuối tháng 9/2021, tỷ lệ bao phủ BHYT của tỉnh Kon Tum đạt 88,4% dân số.",
     None, None, {("Kon Tum", "bhyt_coverage_pct", "2021-09-30", 88.4)}),
    # a headline repeating a body figure exactly has no date of its own: the body's date
    # ("Đến nay" = the publication day), not the first date of the article
    ("Tỷ lệ bao phủ BHYT của Gia Lai đạt 90,12%\n\nTính đến hết tháng 11/2023, tỉnh Gia Lai "
     "có trên 96.000 người tham gia BHXH bắt buộc. Đến nay, tỷ lệ bao phủ BHYT trên địa bàn "
     "tỉnh đạt 90,12%.", "2023-12-12", None,
     {("Gia Lai", "bhxh_compulsory_participants", "2023-11-30", 96_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2023-12-12", 90.12)}),
    # control: undated, the headline's repeat is one row (not none)
    ("Tỷ lệ bao phủ BHYT của Gia Lai đạt 90,12%\n\nTheo BHXH tỉnh, tỷ lệ bao phủ BHYT trên "
     "địa bàn tỉnh Gia Lai đạt 90,12%.", None, None,
     {("Gia Lai", "bhyt_coverage_pct", "", 90.12)}),
    # "tính đến đầu tháng 7 vừa qua": the first day of that month (the year of the
    # article: here only a plan's), not the publication day of "vừa qua"
    ("Tính đến đầu tháng 7 vừa qua, tỉnh Bình Thuận có 90.400 người tham gia BHXH bắt "
     "buộc, đạt 95,2% kế hoạch năm 2019.", None, None,
     {("Bình Thuận", "bhxh_compulsory_participants", "2019-07-01", 90_400.0),
      ("Bình Thuận", "bhxh_compulsory_attainment_pct", "2019-07-01", 95.2)}),
    # "giảm từ x% xuống y% năm Y": the year is the second rate's; the first's is not
    # printed (no date, not the publication day)
    ("Tỷ lệ bao phủ BHYT của tỉnh Điện Biên giảm từ 97,5% xuống 81,2% năm 2022.",
     "2023-03-01", None,
     {("Điện Biên", "bhyt_coverage_pct", "", 97.5),
      ("Điện Biên", "bhyt_coverage_pct", "2022-12-31", 81.2)}),
    # control: a year before the first rate dates it ("từ 5,6% năm 1993 lên …")
    ("Tỷ lệ bao phủ BHYT của tỉnh Điện Biên tăng từ 80,1% năm 2015 lên 97,5% năm 2020.",
     "2021-03-01", None,
     {("Điện Biên", "bhyt_coverage_pct", "2015-12-31", 80.1),
      ("Điện Biên", "bhyt_coverage_pct", "2020-12-31", 97.5)}),
    # "N người tham gia BHXH, trong đó M người … tự nguyện, tỷ lệ bao phủ đạt x%": the
    # rate is the total's when only the total over the labour force gives it
    ("Tính đến 30/9/2025, lực lượng lao động trong độ tuổi của tỉnh An Giang là 2,1 triệu "
     "người. Số người tham gia BHXH đạt 630.000 người, trong đó 71.400 người tham gia BHXH "
     "tự nguyện, tỷ lệ bao phủ đạt 30%, vượt chỉ tiêu HĐND tỉnh giao (29,5%).",
     "2025-10-10", None,
     {("An Giang", "labour_force", "2025-09-30", 2_100_000.0),
      ("An Giang", "bhxh_participants", "2025-09-30", 630_000.0),
      ("An Giang", "bhxh_voluntary_participants", "2025-09-30", 71_400.0),
      ("An Giang", "bhxh_coverage_pct", "2025-09-30", 30.0),
      ("An Giang", "bhxh_plan_coverage_pct", "2025-12-31", 29.5)}),
    # control: the part's own rate stays the part's
    ("Tính đến 30/9/2025, lực lượng lao động trong độ tuổi của tỉnh An Giang là 2,1 triệu "
     "người. Số người tham gia BHXH đạt 630.000 người, trong đó 71.400 người tham gia BHXH "
     "tự nguyện, tỷ lệ bao phủ đạt 3,4%.", "2025-10-10", None,
     {("An Giang", "labour_force", "2025-09-30", 2_100_000.0),
      ("An Giang", "bhxh_participants", "2025-09-30", 630_000.0),
      ("An Giang", "bhxh_voluntary_participants", "2025-09-30", 71_400.0),
      ("An Giang", "bhxh_voluntary_coverage_pct", "2025-09-30", 3.4)}),
    # control: "Ước thực hiện năm Y," opening a report's sentence is the year's estimated
    # result, read with its figures (not a forecast after a status figure)
    ("Ước thực hiện năm 2019, số người tham gia BHXH cả nước khoảng 15,1 triệu người, đạt "
     "31,2% lực lượng lao động trong độ tuổi.", "2019-10-25", None,
     {("Việt Nam", "bhxh_participants", "2019-12-31", 15_100_000.0),
      ("Việt Nam", "bhxh_coverage_pct", "2019-12-31", 31.2)}),
    # control: a plan stays a plan
    ("Năm 2022, tỉnh Kon Tum phấn đấu tỷ lệ bao phủ BHYT đạt 93%.", "2022-02-10", None,
     {("Kon Tum", "bhyt_plan_coverage_pct", "2022-12-31", 93.0)}),
    # "giảm N người, tương đương x% dân số": the change in points, not a coverage rate
    ("Tính đến 31/3/2020, số người tham gia BHYT của tỉnh Sóc Trăng giảm hơn 35.000 người "
     "so với cuối năm 2019, tương đương 2,8% dân số.", "2020-04-20", None,
     {("Sóc Trăng", "bhyt_change_participants", "2020-03-31", -35_000.0)}),
    # new participants "theo hình thức hộ gia đình": the household scheme's
    ("6 tháng đầu năm 2021, BHXH tỉnh Hậu Giang đã phát triển mới được 5.210 người tham "
     "gia BHYT theo hình thức hộ gia đình.", "2021-07-15", None,
     {("Hậu Giang", "bhyt_household_new_participants", "2021-06-30", 5_210.0)}),
    # "tựnguyện" (a typo glues the words): still the voluntary scheme
    ("Tính đến 31/8/2022, huyện Đức Linh có 1.480 người tham gia BHXH tựnguyện.",
     "2022-09-10", "Bình Thuận",
     {("Đức Linh", "bhxh_voluntary_participants", "2022-08-31", 1_480.0)}),
    # "tỷ lệ lực lượng lao động trong độ tuổi đang làm việc tham gia BHXH x%"
    ("Tính đến hết tháng 10/2023, tỉnh Đắk Nông có tỷ lệ lực lượng lao động trong độ tuổi "
     "đang làm việc tham gia BHXH 21,3%; tỷ lệ lực lượng lao động trong độ tuổi đang làm "
     "việc tham gia BHTN 17,6%.", "2023-11-20", None,
     {("Đắk Nông", "bhxh_coverage_pct", "2023-10-31", 21.3),
      ("Đắk Nông", "bhtn_coverage_pct", "2023-10-31", 17.6)}),
    # "số thu … triệu đồng, tăng … triệu đồng (8,1%) …, đạt 31,5% kế hoạch": the
    # attainment of a sum of money, not of participants
    ("Tính đến hết tháng 4/2020, lũy kế số thu BHXH, BHYT của tỉnh Long An là 612.400 triệu "
     "đồng, tăng 45.100 triệu đồng (8,1%) so với cùng kỳ năm trước, đạt 31,5% kế hoạch BHXH "
     "Việt Nam giao.", "2020-05-10", None, set()),
    ("Tỉnh Long An có 1,52 triệu người tham gia BHYT. Tính đến hết tháng 4/2020, tỉnh thu "
     "được 612.400 triệu đồng, tăng 45.100 triệu đồng (8,1%) so với cùng kỳ năm trước, đạt "
     "31,5% kế hoạch BHXH Việt Nam giao; riêng về BHYT, tỉnh đã cấp 80.200 thẻ.",
     "2020-05-10", None, {("Long An", "bhyt_participants", "2020-04-30", 1_520_000.0)}),
    # control: a rate of persons after the money, its scheme and persons named between
    ("Tính đến hết tháng 4/2020, tỉnh Long An thu được 612.400 triệu đồng; số người tham "
     "gia BHYT đạt 1,52 triệu người, đạt 96,5% kế hoạch giao.", "2020-05-10", None,
     {("Long An", "bhyt_participants", "2020-04-30", 1_520_000.0),
      ("Long An", "bhyt_attainment_pct", "2020-04-30", 96.5)}),
]


@pytest.mark.parametrize("text,published,hint,expected", SET14_CLASSES,
                         ids=[f"set14_class_{i}" for i in range(len(SET14_CLASSES))])
def test_set14_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)  # every place in the registry too
