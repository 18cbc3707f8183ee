"""``bhxh extract``: the classes an unseen provincial set (set 16) misread (issue 15).

Each passage was written for these tests in our own wording (never a page's; places from
the registry, figures invented) and failed before the rule it pins was written
(``docs/extract.md``, "Set 16 classes"). Controls show where a rule must not fire. Each
expected reading carries the place's level: a ward or commune must not hand its figures
to its district or city, nor a city to its province.
"""

from __future__ import annotations

import pytest
from test_extract import check_placed, readings, run

# (text, published, place_hint, {(place, level, indicator, as_of, value)})
SET16_CLASSES = [
    # a city whose registry name has a hyphen, printed with a spaced en dash: the city,
    # not the province
    ("Trong 9 tháng đầu năm 2019, toàn thành phố Phan Rang – Tháp Chàm có 18.300 người "
     "tham gia BHYT hộ gia đình, tăng 5,1% so cùng kỳ.", "2019-10-15", "Ninh Thuận",
     {("Phan Rang-Tháp Chàm", "district", "bhyt_household_participants", "2019-09-30",
       18_300.0)}),
    # control: a dash before a remark with a capital opens no longer name
    ("Tính đến hết tháng 6/2020, toàn huyện Ninh Sơn – Nơi có đông đồng bào Raglai – có "
     "61.200 người tham gia BHYT.", "2020-07-10", None,
     {("Ninh Sơn", "district", "bhyt_participants", "2020-06-30", 61_200.0)}),
    # a city's wards named bare in a list, each "đạt A%/B%" (its coverage / the plan
    # the city gave it) and "cần phát triển thêm N người" (persons still to be won): the
    # ward's, not the city's; the last named with its kind and a colon alike
    ("Đến cuối tháng 9/2022, thành phố Châu Đốc có 142.500 người tham gia BHYT, đạt "
     "88,40% dân số. Còn 3 phường chưa đạt chỉ tiêu được giao: Núi Sam đạt 84,20%/90,50%, "
     "cần phát triển thêm 980 người; Vĩnh Mỹ đạt 85,10%/91,00%, cần phát triển thêm 1.240 "
     "người và phường Châu Phú A: 86,30%/90,80%, cần phát triển thêm 760 người.",
     "2022-10-20", "An Giang",
     {("Châu Đốc", "district", "bhyt_participants", "2022-09-30", 142_500.0),
      ("Châu Đốc", "district", "bhyt_coverage_pct", "2022-09-30", 88.4),
      ("Núi Sam", "commune", "bhyt_coverage_pct", "2022-09-30", 84.2),
      ("Núi Sam", "commune", "bhyt_plan_coverage_pct", "2022-12-31", 90.5),
      ("Núi Sam", "commune", "bhyt_shortfall_participants", "2022-09-30", 980.0),
      ("Vĩnh Mỹ", "commune", "bhyt_coverage_pct", "2022-09-30", 85.1),
      ("Vĩnh Mỹ", "commune", "bhyt_plan_coverage_pct", "2022-12-31", 91.0),
      ("Vĩnh Mỹ", "commune", "bhyt_shortfall_participants", "2022-09-30", 1_240.0),
      ("Châu Phú A", "commune", "bhyt_coverage_pct", "2022-09-30", 86.3),
      ("Châu Phú A", "commune", "bhyt_plan_coverage_pct", "2022-12-31", 90.8),
      ("Châu Phú A", "commune", "bhyt_shortfall_participants", "2022-09-30", 760.0)}),
    # a district's communes with their rates in brackets, bare after "các xã:"
    ("Tính đến ngày 15/8/2019, huyện Cẩm Mỹ có 120.400 người tham gia BHYT, đạt tỷ lệ "
     "81,2%. Cao nhất là xã Sông Ray (đạt 94,10%); tiếp theo là các xã: Xuân Đông (90,5%), "
     "Lâm San (gần 89%). Thấp nhất là Thừa Đức (đạt 72,6%).", "2019-08-20", "Đồng Nai",
     {("Cẩm Mỹ", "district", "bhyt_participants", "2019-08-15", 120_400.0),
      ("Cẩm Mỹ", "district", "bhyt_coverage_pct", "2019-08-15", 81.2),
      ("Sông Ray", "commune", "bhyt_coverage_pct", "2019-08-15", 94.1),
      ("Xuân Đông", "commune", "bhyt_coverage_pct", "2019-08-15", 90.5),
      ("Lâm San", "commune", "bhyt_coverage_pct", "2019-08-15", 89.0),
      ("Thừa Đức", "commune", "bhyt_coverage_pct", "2019-08-15", 72.6)}),
    # control: districts compared in brackets are districts, though communes of the
    # province bear the same names
    ("Tính đến ngày 15/8/2019, tỷ lệ bao phủ BHYT của huyện Cẩm Mỹ đạt 81,2%, thấp hơn "
     "huyện Xuân Lộc (đạt 83,4%) và huyện Thống Nhất (86,2%).", "2019-08-20", "Đồng Nai",
     {("Cẩm Mỹ", "district", "bhyt_coverage_pct", "2019-08-15", 81.2),
      ("Xuân Lộc", "district", "bhyt_coverage_pct", "2019-08-15", 83.4),
      ("Thống Nhất", "district", "bhyt_coverage_pct", "2019-08-15", 86.2)}),
    # gaps in points below a council's resolution or the province's target ("so với …
    # thấp hơn X%"): shortfalls, never a plan; those whose cards lapsed, and their share
    # of the population "(chiếm X% dân số)": no participants, no coverage, no plan
    ("Tính đến 30/6/2021, toàn huyện Tân Hiệp có 150.200 người tham gia BHYT, đạt 86,1% "
     "dân số, so với chỉ tiêu UBND tỉnh giao thấp hơn 4,2%; so với Nghị quyết của HĐND "
     "huyện thấp hơn 5,0%. Số người có thẻ hết hạn chưa gia hạn là 6.300 người (chiếm "
     "3,6% dân số).", "2021-07-10", "Kiên Giang",
     {("Tân Hiệp", "district", "bhyt_participants", "2021-06-30", 150_200.0),
      ("Tân Hiệp", "district", "bhyt_coverage_pct", "2021-06-30", 86.1),
      ("Tân Hiệp", "district", "bhyt_shortfall_pp", "2021-06-30", 4.2),
      ("Tân Hiệp", "district", "bhyt_shortfall_pp", "2021-06-30", 5.0)}),
    # control: a fall in participants whose cause is lapsed cards is still a change
    ("Đến hết tháng 6/2021, huyện Giồng Riềng có 182.400 người tham gia BHYT, giảm 2.100 "
     "người so với cuối năm 2020 do nhiều thẻ BHYT hết hạn chưa được gia hạn.",
     "2021-07-10", "Kiên Giang",
     {("Giồng Riềng", "district", "bhyt_participants", "2021-06-30", 182_400.0),
      ("Giồng Riềng", "district", "bhyt_change_participants", "2021-06-30", -2_100.0)}),
    # "còn khoảng cách X% so với chỉ tiêu": a gap in points, not an attainment of X %
    ("Tính đến ngày 20/10/2020, số người tham gia BHYT trên toàn quốc là 85,9 triệu người, "
     "đạt khoảng 88,8% dân số. Tỷ lệ này còn khoảng cách 1,9% so với chỉ tiêu được giao "
     "cho năm 2020.", "2020-10-25", None,
     {("Việt Nam", "nation", "bhyt_participants", "2020-10-20", 85_900_000.0),
      ("Việt Nam", "nation", "bhyt_coverage_pct", "2020-10-20", 88.8),
      ("Việt Nam", "nation", "bhyt_shortfall_pp", "2020-10-20", 1.9)}),
    # "A/B người tham gia BHYT, đạt tỷ lệ X%" where A/B is X %: participants over the
    # population, and the coverage (all three were lost)
    ("Tính đến 15/6/2018, huyện Cẩm Mỹ có 120.400/148.300 người tham gia BHYT, đạt tỷ lệ "
     "81,2%.", "2018-06-20", "Đồng Nai",
     {("Cẩm Mỹ", "district", "bhyt_participants", "2018-06-15", 120_400.0),
      ("Cẩm Mỹ", "district", "population", "2018-06-15", 148_300.0),
      ("Cẩm Mỹ", "district", "bhyt_coverage_pct", "2018-06-15", 81.2)}),
    # control: the same pair before "kế hoạch" is participants over the plan (the
    # participants' scheme is named after the pair's second count)
    ("Đến hết tháng 5/2019, huyện Định Quán có 21.400/20.900 người tham gia BHXH tự "
     "nguyện, đạt 102,4% kế hoạch.", "2019-06-10", "Đồng Nai",
     {("Định Quán", "district", "bhxh_voluntary_participants", "2019-05-31", 21_400.0),
      ("Định Quán", "district", "bhxh_voluntary_plan_participants", "2019-12-31", 20_900.0),
      ("Định Quán", "district", "bhxh_voluntary_attainment_pct", "2019-05-31", 102.4)}),
    # a commune described as one of its district's ("Xã A là xã … của huyện B"): the
    # commune is the place, the district only locates it; "đã đạt chuẩn nông thôn mới
    # với tỷ lệ … đạt X%" is the commune's own rate (not the criterion for such
    # communes), and the share whose cards the state buys is no coverage
    ("Xã Thanh Xuân là xã vùng cao số 3 của huyện Như Xuân với tổng dân số là 8.120 "
     "người. Đến nay xã Thanh Xuân đã đạt chuẩn nông thôn mới với tỷ lệ bao phủ BHYT đạt "
     "95,4%, trong đó 71,3% số người được Nhà nước mua thẻ.", "2020-11-02", "Thanh Hóa",
     {("Thanh Xuân", "commune", "population", "2020-11-02", 8_120.0),
      ("Thanh Xuân", "commune", "bhyt_coverage_pct", "2020-11-02", 95.4)}),
    # control: the criterion itself ("đạt 90% đối với xã nông thôn mới") stays no row
    ("Đến hết tháng 10/2020, huyện Như Xuân có 61.200 người tham gia BHYT. Tiêu chí tỷ lệ "
     "bao phủ BHYT phải đạt 90% trở lên đối với xã nông thôn mới.", "2020-11-02",
     "Thanh Hóa",
     {("Như Xuân", "district", "bhyt_participants", "2020-10-31", 61_200.0)}),
    # persons given back their books ("cấp lại và trả sổ BHXH … cho N người lao động")
    # and the rate of that work: no participants, no attainment
    ("Trong tháng 6, BHXH thành phố đã cấp lại và trả sổ BHXH theo quy định của Luật "
     "Bảo hiểm xã hội cho 215.300 người lao động, đạt tỷ lệ 91,2% kế hoạch. Tính đến hết "
     "tháng 6, số người tham gia BHYT là 1.702.000 người.", "2019-07-05", "Hải Phòng",
     {("Hải Phòng", "province", "bhyt_participants", "2019-06-30", 1_702_000.0)}),
    # control: participants and their attainment, then cards handed out after a ";"
    ("Tính đến hết tháng 6/2019, toàn thành phố có 512.000 người tham gia BHXH, đạt tỷ lệ "
     "98,2% kế hoạch; đã cấp 4.100 thẻ BHYT cho trẻ em.", "2019-07-05", "Hải Phòng",
     {("Hải Phòng", "province", "bhxh_participants", "2019-06-30", 512_000.0),
      ("Hải Phòng", "province", "bhxh_attainment_pct", "2019-06-30", 98.2)}),
    # a rate the figures before "helped raise" by a month gone by ("góp phần nâng … đến
    # cuối tháng 9/2019 là 87,5%"): a result of that month, neither a target nor a
    # rate labelled by the year "2019 là"
    ("Trong 9 tháng đầu năm, riêng BHYT hộ gia đình, toàn thành phố Phan Rang – Tháp "
     "Chàm có 18.300 người tham gia, tăng 5,1% so cùng kỳ, góp phần nâng tỷ lệ bao phủ "
     "BHYT trên địa bàn thành phố đến cuối tháng 9/2019 là 87,5%.", "2019-10-15",
     "Ninh Thuận",
     {("Phan Rang-Tháp Chàm", "district", "bhyt_household_participants", "2019-09-30",
       18_300.0),
      ("Phan Rang-Tháp Chàm", "district", "bhyt_coverage_pct", "2019-09-30", 87.5)}),
    # control: "góp phần đưa … đến cuối năm 2020 đạt 92%" after "phấn đấu" is a target
    ("Năm 2020, thành phố Phan Rang – Tháp Chàm phấn đấu vận động thêm người dân tham "
     "gia, góp phần đưa tỷ lệ bao phủ BHYT đến cuối năm 2020 đạt 92%.", "2019-12-20",
     "Ninh Thuận",
     {("Phan Rang-Tháp Chàm", "district", "bhyt_plan_coverage_pct", "2020-12-31", 92.0)}),
    # control: years listed as labels ("năm 2018 là 85,1%, 2019 là 87,5%") still label
    ("Tỷ lệ bao phủ BHYT của huyện Ninh Hải tăng dần: năm 2018 là 85,1%, 2019 là 87,5%.",
     "2020-03-15", "Ninh Thuận",
     {("Ninh Hải", "district", "bhyt_coverage_pct", "2018-12-31", 85.1),
      ("Ninh Hải", "district", "bhyt_coverage_pct", "2019-12-31", 87.5)}),
    # a sentence opened by a month written "Tháng 3 năm 2020,": that month's end
    ("Tháng 3 năm 2020, số người tham gia BHXH tự nguyện của huyện Văn Quan là 240 người.",
     "2021-09-20", "Lạng Sơn",
     {("Văn Quan", "district", "bhxh_voluntary_participants", "2020-03-31", 240.0)}),
    # the agency named with the places it gives plans to ("Bảo hiểm xã hội các tỉnh",
    # "BHXH các địa phương") is no scheme: the plan is of the rate just read (BHYT)
    ("Tính đến ngày 19/11/2020, tỷ lệ bao phủ BHYT toàn quốc đạt 89,2%. So với kế hoạch "
     "Bảo hiểm Xã hội Việt Nam giao cho bảo hiểm xã hội các tỉnh trong năm 2020 (đạt tỷ "
     "lệ bao phủ 90,9% dân số), kết quả này mới đạt 98,1% kế hoạch.", "2020-11-25", None,
     {("Việt Nam", "nation", "bhyt_coverage_pct", "2020-11-19", 89.2),
      ("Việt Nam", "nation", "bhyt_plan_coverage_pct", "2020-12-31", 90.9),
      ("Việt Nam", "nation", "bhyt_attainment_pct", "2020-11-19", 98.1)}),
    # persons counted over every scheme ("lao động tham gia các loại bảo hiểm xã hội,
    # bảo hiểm y tế, …", "tổng số người tham gia bảo hiểm trên địa bàn … là N người"):
    # no row, not the scheme last read
    ("Trong 6 tháng đầu năm 2019, huyện Ninh Phước có 9.400 người tham gia BHYT hộ gia "
     "đình. Bảo hiểm xã hội huyện cũng đã khai thác mới 18 đơn vị với 85 lao động tham "
     "gia các loại bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp. Tính đến nay, "
     "tổng số người tham gia bảo hiểm trên địa bàn huyện là 64.300 người.", "2019-07-20",
     "Ninh Thuận",
     {("Ninh Phước", "district", "bhyt_household_participants", "2019-06-30", 9_400.0)}),
    # control: "bảo hiểm y tế" spelled out names the scheme
    ("Đến hết tháng 6/2019, huyện Ninh Phước có 64.300 người tham gia bảo hiểm y tế, "
     "trong đó 9.400 người tham gia bảo hiểm y tế hộ gia đình.", "2019-07-20",
     "Ninh Thuận",
     {("Ninh Phước", "district", "bhyt_participants", "2019-06-30", 64_300.0),
      ("Ninh Phước", "district", "bhyt_household_participants", "2019-06-30", 9_400.0)}),
    # the same with the common typo "bảo hiếm"
    ("Đến hết tháng 6/2019, huyện Ninh Phước có 9.400 người tham gia BHYT hộ gia đình; "
     "khai thác mới 12 đơn vị với 60 lao động tham gia các loại bảo hiếm xã hội, bảo hiểm "
     "y tế.", "2019-07-20", "Ninh Thuận",
     {("Ninh Phước", "district", "bhyt_household_participants", "2019-06-30", 9_400.0)}),
]


def test_ward_not_in_the_registry() -> None:
    """A ward the registry lacks, in a list of "A%/B%" items under "N phường": its name
    with its kind (the gold's way), not the city's figures."""
    df = run("Hết quý I/2024, tỷ lệ bao phủ BHYT của thành phố Long Xuyên là 87,1%. Có 2 "
             "phường chưa đạt chỉ tiêu: Đông Xuyên đạt 83,40%/90,20%; Mỹ Phước đạt "
             "82,10%/89,70%, cần vận động thêm 640 người.", published="2024-04-20",
             place_hint="An Giang")
    assert readings(df) == {
        ("Long Xuyên", "bhyt_coverage_pct", "2024-03-31", 87.1),
        ("phường Đông Xuyên", "bhyt_coverage_pct", "2024-03-31", 83.4),
        ("phường Đông Xuyên", "bhyt_plan_coverage_pct", "2024-12-31", 90.2),
        ("Mỹ Phước", "bhyt_coverage_pct", "2024-03-31", 82.1),
        ("Mỹ Phước", "bhyt_plan_coverage_pct", "2024-12-31", 89.7),
        ("Mỹ Phước", "bhyt_shortfall_participants", "2024-03-31", 640.0)}


@pytest.mark.parametrize("text,published,hint,expected", SET16_CLASSES,
                         ids=[f"set16b_{i}" for i in range(len(SET16_CLASSES))])
def test_set16_classes(text, published, hint, expected) -> None:
    check_placed(text, published, hint, expected)
