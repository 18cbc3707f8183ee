"""``bhxh extract``: the classes an unseen provincial set (set 17) misread (issue 15).

Each passage was written for these tests in our own wording (never a page's; places from
the registry, figures invented) and failed before the rule it pins was written
(``docs/extract.md``, "Set 17 classes"). Controls show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

# (text, published, place_hint, {(place, indicator, as_of, value)})
SET17_CLASSES = [
    # shares of a place's people ("đồng bào dân tộc … chiếm X% dân số", "người theo đạo
    # chiếm Y% dân số"): no coverage rate; the insured share after it still is one
    ("Tính đến ngày 30/9/2023, huyện Krông Búk có 55.300 người tham gia BHYT, đạt tỷ lệ "
     "bao phủ 85,7%.\nHuyện Krông Búk có 7 xã; dân số khoảng 64.500 người; đồng bào dân "
     "tộc tại chỗ chiếm 41,25% dân số; tỷ lệ người theo đạo chiếm 22,10% dân số.",
     "2023-11-10", "Đắk Lắk",
     {("Krông Búk", "bhyt_coverage_pct", "2023-09-30", 85.7),
      ("Krông Búk", "bhyt_participants", "2023-09-30", 55_300.0),
      ("Krông Búk", "population", "2023-11-10", 64_500.0)}),
    # (above: the population of an undated profile of the place, "có 7 xã; dân số khoảng
    # N người", is of the publication day, not the status date of the paragraph before)
    # control: a profile with its own year keeps it
    ("Tính đến ngày 30/9/2023, huyện Krông Búk có 55.300 người tham gia BHYT.\nNăm 2022, "
     "huyện Krông Búk có 7 xã, dân số 64.500 người.", "2023-11-10", "Đắk Lắk",
     {("Krông Búk", "bhyt_participants", "2023-09-30", 55_300.0),
      ("Krông Búk", "population", "2022-12-31", 64_500.0)}),
    # control: the insured share of the population is a coverage rate
    ("Đến hết tháng 6/2021, huyện Krông Búk có 54.100 người tham gia BHYT, chiếm 84,2% "
     "dân số.", "2021-07-10", "Đắk Lắk",
     {("Krông Búk", "bhyt_participants", "2021-06-30", 54_100.0),
      ("Krông Búk", "bhyt_coverage_pct", "2021-06-30", 84.2)}),
    # control: a share after the participants' attainment ("đạt X% kế hoạch và chiếm Y%
    # dân số") is their coverage
    ("Trong 6 tháng đầu năm 2021, toàn tỉnh có 1.250.000 người tham gia BHYT, đạt 98,1% kế "
     "hoạch giao và chiếm 87% dân số toàn tỉnh.", "2021-07-12", "Gia Lai",
     {("Gia Lai", "bhyt_participants", "2021-06-30", 1_250_000.0),
      ("Gia Lai", "bhyt_attainment_pct", "2021-06-30", 98.1),
      ("Gia Lai", "bhyt_coverage_pct", "2021-06-30", 87.0)}),
    # the population of several communes taken together, and its share of the
    # district's: no row (neither participants nor one place's population)
    ("Dân số hiện nay của 4 xã vùng biển này là 52.400 người, chiếm gần 39% dân số toàn "
     "huyện Hàm Thuận Nam nhưng tỷ lệ tham gia BHYT còn thấp.", None, "Bình Thuận",
     set()),
    # control: one district's population is still read
    ("Dân số của huyện Hàm Thuận Nam là 105.300 người.", "2020-05-04", "Bình Thuận",
     {("Hàm Thuận Nam", "population", "2020-05-04", 105_300.0)}),
    # the persons insured for health only inside a total ("số người chỉ tham gia BHYT
    # (không kể …) là N", and its change on a year): no rows; the total stays
    ("Đến hết tháng 10/2017, toàn thành phố có 1.650.200 người tham gia BHYT. Trong đó số "
     "người chỉ tham gia BHYT (không kể người tham gia BHXH) là 1.280.400 người, tăng so "
     "với cùng kỳ 21.300 người. Riêng BHYT hộ gia đình có 280.100 người.", "2017-11-20",
     "Hải Phòng",
     {("Hải Phòng", "bhyt_participants", "2017-10-31", 1_650_200.0),
      ("Hải Phòng", "bhyt_household_participants", "2017-10-31", 280_100.0)}),
    # an attainment against "số kế hoạch … giao" (the planned number): the plan's rate
    ("Đến hết tháng 10/2017, toàn thành phố có 1.650.200 người tham gia BHYT, đạt 99,42% "
     "so với số kế hoạch BHXH Việt Nam giao.", "2017-11-20", "Hải Phòng",
     {("Hải Phòng", "bhyt_participants", "2017-10-31", 1_650_200.0),
      ("Hải Phòng", "bhyt_attainment_pct", "2017-10-31", 99.42)}),
    # control: a rise against the number insured a year before is no attainment
    ("Đến hết tháng 10/2017, toàn thành phố có 1.650.200 người tham gia BHYT, tăng 2,1% "
     "so với số người tham gia cùng kỳ.", "2017-11-20", "Hải Phòng",
     {("Hải Phòng", "bhyt_participants", "2017-10-31", 1_650_200.0)}),
    # a campaign month's running total to a printed day ("tính đến hết ngày D, … đã vận
    # động tăng mới được N người … đạt X% kế hoạch … Tháng vận động"): the place's new
    # participants and attainment to that day; the last days' part of it ("riêng trong 5
    # ngày (từ … đến …)") is no row
    ("Tính đến hết ngày 20/6/2022, toàn tỉnh đã vận động tăng mới được 2.140 người tham "
     "gia BHXH tự nguyện, đạt 61,2% kế hoạch của Tháng vận động. Riêng trong 5 ngày (từ "
     "16/6 đến 20/6), các huyện đã vận động được 830 người tham gia mới.", "2022-06-21",
     "Thái Nguyên",
     {("Thái Nguyên", "bhxh_voluntary_new_participants", "2022-06-20", 2_140.0),
      ("Thái Nguyên", "bhxh_voluntary_attainment_pct", "2022-06-20", 61.2)}),
    # control: a campaign round's result with no day of its own stays skipped
    ("Trong đợt ra quân tháng 6/2022, toàn tỉnh Thái Nguyên đã vận động được 640 người "
     "tham gia BHXH tự nguyện mới.", "2022-07-02", None, set()),
    # control: "trong 6 tháng" is no short window
    ("Trong 6 tháng đầu năm 2022, tỉnh Thái Nguyên phát triển mới được 3.120 người tham "
     "gia BHXH tự nguyện.", "2022-07-02", None,
     {("Thái Nguyên", "bhxh_voluntary_new_participants", "2022-06-30", 3_120.0)}),
    # places ranked by their new participants ("Xét về số người tham gia mới trong Tháng
    # …, huyện A dẫn đầu với N người tham gia, tiếp đến là huyện B với M người …"): each
    # place's new participants to the status date read before, even in a campaign month
    ("Tính đến hết ngày 20/6/2022, toàn tỉnh đã vận động tăng mới được 2.140 người tham "
     "gia BHXH tự nguyện. Xét về số người tham gia mới trong Tháng vận động, huyện Phú Bình "
     "là địa phương dẫn đầu với 410 người tham gia, tiếp đến là huyện Đại Từ với 385 người "
     "tham gia.", "2022-06-21", "Thái Nguyên",
     {("Thái Nguyên", "bhxh_voluntary_new_participants", "2022-06-20", 2_140.0),
      ("Phú Bình", "bhxh_voluntary_new_participants", "2022-06-20", 410.0),
      ("Đại Từ", "bhxh_voluntary_new_participants", "2022-06-20", 385.0)}),
    # control: places ranked by their participants are stocks
    ("Đến hết tháng 6/2022, xét về số người tham gia BHXH tự nguyện, huyện Phú Bình dẫn "
     "đầu với 4.100 người tham gia, tiếp đến là huyện Đại Từ với 3.850 người tham gia.",
     "2022-07-10",
     "Thái Nguyên",
     {("Phú Bình", "bhxh_voluntary_participants", "2022-06-30", 4_100.0),
      ("Đại Từ", "bhxh_voluntary_participants", "2022-06-30", 3_850.0)}),
    # places ranked by plan attainment ("Xét về tỷ lệ hoàn thành kế hoạch được giao, thì
    # huyện A và B là hai địa phương … với tỷ lệ lần lượt là X% và Y%"): each place's
    # attainment, the cue far before the percents
    ("Đến hết ngày 20/6/2022, toàn tỉnh có 2.140 người tham gia BHXH tự nguyện mới. Xét về "
     "tỷ lệ hoàn thành kế hoạch được giao, thì huyện Phú Bình và Đại Từ là hai địa phương "
     "hoàn thành sớm nhất với tỷ lệ lần lượt là 112,5% và 108,2%.", "2022-06-21",
     "Thái Nguyên",
     {("Thái Nguyên", "bhxh_voluntary_new_participants", "2022-06-20", 2_140.0),
      ("Phú Bình", "bhxh_voluntary_attainment_pct", "2022-06-20", 112.5),
      ("Đại Từ", "bhxh_voluntary_attainment_pct", "2022-06-20", 108.2)}),
    # control: a percent with its own coverage cue in such a sentence stays coverage
    ("Đến hết tháng 6/2022, xét về tỷ lệ hoàn thành kế hoạch, huyện Phú Bình dẫn đầu với "
     "112,5% kế hoạch, tỷ lệ bao phủ BHYT của huyện đạt 93,1%.", "2022-07-10",
     "Thái Nguyên",
     {("Phú Bình", "bhyt_attainment_pct", "2022-06-30", 112.5),
      ("Phú Bình", "bhyt_coverage_pct", "2022-06-30", 93.1)}),
    # the farming households of average living standard inside the household
    # participants ("Trong đó người thuộc hộ … làm nông, lâm, ngư nghiệp có mức sống trung
    # bình năm Y là N người"): a subgroup, no row; the household participants stay
    ("Đến hết tháng 10, toàn thành phố có 1.650.200 người tham gia BHYT. Tính riêng số "
     "người tham gia BHYT hộ gia đình là 280.100 người. Trong đó người thuộc hộ gia đình "
     "làm nông, lâm, ngư nghiệp có mức sống trung bình năm 2017 là 70.200 người.",
     "2017-11-20", "Hải Phòng",
     {("Hải Phòng", "bhyt_participants", "2017-10-31", 1_650_200.0),
      ("Hải Phòng", "bhyt_household_participants", "2017-10-31", 280_100.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", SET17_CLASSES)
def test_set17_class(text: str, published: str | None, hint: str | None,
                     expected: set[tuple]) -> None:
    check_passage(text, published, hint, expected)
