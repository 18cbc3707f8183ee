"""``bhxh extract``: the place and date classes of the sixth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Sixth blind set").
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND6_CLASSES = [
    # places named in passing in a sentence that reads no figure ("lao động đi làm ở Đồng
    # Nai, TP Hồ Chí Minh"): the sentence's first place stays in play, so "toàn tỉnh" is
    # still the province of the report
    ("Đến hết tháng 6/2023, tỉnh Long An có 1.400.000 người tham gia BHYT. Giám đốc BHXH "
     "huyện Cần Giuộc cho biết nhiều lao động của huyện đi làm ở Đồng Nai, TP Hồ Chí Minh. "
     "Toàn tỉnh có 95.000 người tham gia BHXH bắt buộc.", "2023-07-14", None,
     {("Long An", "bhyt_participants", "2023-06-30", 1_400_000.0),
      ("Long An", "bhxh_compulsory_participants", "2023-06-30", 95_000.0)}),
    # a merger sentence "tỉnh A (mới) … hợp nhất tỉnh A và tỉnh B" after 1 July 2025:
    # the figures of "toàn tỉnh" are the merged province's (A in its 2025 boundaries)
    ("Từ ngày 1/7/2025, tỉnh Gia Lai (mới) được lập trên cơ sở hợp nhất tỉnh Gia Lai và "
     "tỉnh Bình Định. Đến hết tháng 11/2025, toàn tỉnh có 2.950.000 người tham gia BHYT.",
     "2025-12-12", None,
     {("Gia Lai", "bhyt_participants", "2025-11-30", 2_950_000.0)}),
    # "… là một trong 34 tỉnh, thành phố của cả nước": the nation in passing is not the
    # place of "Cùng thời điểm, …"
    ("Đến hết tháng 10/2025, tỉnh Đồng Nai có 3.100.000 người tham gia BHYT. Tỉnh Đồng Nai "
     "mới gồm tỉnh Bình Phước và tỉnh Đồng Nai cũ, là một trong 34 tỉnh, thành phố của cả "
     "nước. Cùng thời điểm, số người tham gia BHXH tự nguyện là 88.000 người.",
     "2025-11-20", None,
     {("Đồng Nai", "bhyt_participants", "2025-10-31", 3_100_000.0),
      ("Đồng Nai", "bhxh_voluntary_participants", "2025-10-31", 88_000.0)}),
    # control: a sentence without figures that opens on a new province makes it the
    # province in play
    ("Đến 30/6/2022, tỉnh Hà Giang có 780.000 người tham gia BHYT. Tại tỉnh Tuyên Quang, "
     "công tác vận động có nhiều chuyển biến. Toàn tỉnh có 28.000 người tham gia BHXH tự "
     "nguyện.", "2022-07-10", None,
     {("Hà Giang", "bhyt_participants", "2022-06-30", 780_000.0),
      ("Tuyên Quang", "bhxh_voluntary_participants", "2022-06-30", 28_000.0)}),
    # a person's name that holds a district's ("Ông Trần Văn Lâm") names no place
    ("Tính đến 30/9/2023, tỉnh Thái Bình có 39.000 người tham gia BHXH tự nguyện. Ông Trần "
     "Văn Lâm, 55 tuổi, cho biết ông đã đóng được 8 năm. Toàn tỉnh có 1.700.000 người tham "
     "gia BHYT.", "2023-10-16", None,
     {("Thái Bình", "bhxh_voluntary_participants", "2023-09-30", 39_000.0),
      ("Thái Bình", "bhyt_participants", "2023-09-30", 1_700_000.0)}),
    # control: the office that reports ("BHXH tỉnh A cho biết, UBND huyện B vừa …") is
    # no passing place: the district the page is about stays in play
    ("Yên Thành đẩy mạnh BHYT toàn dân\n\nBHXH tỉnh Nghệ An cho biết, UBND huyện Yên "
     "Thành vừa tổ chức hội nghị sơ kết 6 tháng. Theo đó, tính đến 30/6/2021, huyện có "
     "182.000 người tham gia BHYT, đạt 91,3% dân số.", "2021-07-15", None,
     {("Yên Thành", "bhyt_participants", "2021-06-30", 182_000.0),
      ("Yên Thành", "bhyt_coverage_pct", "2021-06-30", 91.3)}),
    # a capitalised word of page furniture whose letters, without their tone marks,
    # spell a district ("VĂN BẢN" and Văn Bàn) names no place
    ("VĂN BẢN MỚI\n\nNgày 10/5/2017, UBND tỉnh Hà Tĩnh ban hành kế hoạch thực hiện BHYT. "
     "Đến 30/6/2017, toàn tỉnh có 1.150.000 người tham gia BHYT.", "2017-07-05", None,
     {("Hà Tĩnh", "bhyt_participants", "2017-06-30", 1_150_000.0)}),
    # "nhiều nhất từ trước đến nay" (the most ever) dates nothing: the year of the report
    ("Năm 2022, tỉnh Hòa Bình có 24.500 người tham gia BHXH tự nguyện. Trong đó, riêng trong "
     "năm phát triển mới 6.100 người, nhiều nhất từ trước đến nay. Số người tham gia BHTN "
     "đạt 61.300 người.", "2023-01-10", None,
     {("Hoà Bình", "bhxh_voluntary_participants", "2022-12-31", 24_500.0),
      ("Hoà Bình", "bhxh_voluntary_new_participants", "2022-12-31", 6_100.0),
      ("Hoà Bình", "bhtn_participants", "2022-12-31", 61_300.0)}),
    # "Cũng đến thời điểm này" (by that same time) is the date just given, not today
    ("Tính đến ngày 31/8/2021, tỉnh Hậu Giang có 36.200 người tham gia BHXH bắt buộc. Cũng "
     "đến thời điểm này, 640.000 người đã có thẻ BHYT, đạt 87,5% dân số.", "2021-09-20",
     None,
     {("Hậu Giang", "bhxh_compulsory_participants", "2021-08-31", 36_200.0),
      ("Hậu Giang", "bhyt_participants", "2021-08-31", 640_000.0),
      ("Hậu Giang", "bhyt_coverage_pct", "2021-08-31", 87.5)}),
    # "Với kết quả hiện tại, … còn thiếu" measures the result just reported: its date
    ("Đến hết tháng 9/2024, tỉnh Kon Tum có 520.000 người tham gia BHYT, đạt 91,4% dân số. "
     "Chỉ tiêu năm 2024 của tỉnh là 93% dân số tham gia BHYT. Với kết quả hiện tại, tỷ lệ "
     "bao phủ BHYT còn thiếu 1,6% so với chỉ tiêu.", "2024-10-25", None,
     {("Kon Tum", "bhyt_participants", "2024-09-30", 520_000.0),
      ("Kon Tum", "bhyt_coverage_pct", "2024-09-30", 91.4),
      ("Kon Tum", "bhyt_plan_coverage_pct", "2024-12-31", 93.0),
      ("Kon Tum", "bhyt_shortfall_pp", "2024-09-30", 1.6)}),
    # control: "Hiện nay, …" in a period report is dated the publication day
    ("Sáu tháng đầu năm 2022, tỉnh Quảng Trị phát triển mới 1.900 người tham gia BHXH tự "
     "nguyện. Hiện nay, toàn tỉnh có 14.300 người tham gia BHXH tự nguyện.", "2022-07-22",
     None,
     {("Quảng Trị", "bhxh_voluntary_new_participants", "2022-06-30", 1_900.0),
      ("Quảng Trị", "bhxh_voluntary_participants", "2022-07-22", 14_300.0)}),
    # a plan in brackets after "tăng … so với cuối năm Y-1": the comparison's year is not
    # the plan's
    ("Đến nay, tỉnh Ninh Thuận có 15.400 người tham gia BHXH tự nguyện, tăng 3.200 người so "
     "với cuối năm 2021, đạt 91% kế hoạch (16.900 người).", "2022-09-12", None,
     {("Ninh Thuận", "bhxh_voluntary_participants", "2022-09-12", 15_400.0),
      ("Ninh Thuận", "bhxh_voluntary_change_participants", "2022-09-12", 3_200.0),
      ("Ninh Thuận", "bhxh_voluntary_attainment_pct", "2022-09-12", 91.0),
      ("Ninh Thuận", "bhxh_voluntary_plan_participants", "2022-12-31", 16_900.0)}),
    # a national yardstick's own date ("Cuối năm 2022, … của cả nước đạt …") in a
    # quarter's provincial report is not the date of the districts' rates after it
    ("Hết quý I/2023, tỉnh Bến Tre có 1.200.000 người tham gia BHYT, đạt 92,1% dân số. Cuối "
     "năm 2022, tỷ lệ bao phủ BHYT của cả nước đạt 92,0%.\n\nỞ cấp huyện, Ba Tri có tỷ lệ "
     "bao phủ BHYT thấp nhất, đạt 88,4%.", "2023-04-15", None,
     {("Bến Tre", "bhyt_participants", "2023-03-31", 1_200_000.0),
      ("Bến Tre", "bhyt_coverage_pct", "2023-03-31", 92.1),
      ("Việt Nam", "bhyt_coverage_pct", "2022-12-31", 92.0),
      ("Ba Tri", "bhyt_coverage_pct", "2023-03-31", 88.4)}),
    # a year-end review whose headline names the year (and no sharper date): a later
    # paragraph that prints no date is of that year too, not of the publication day
    # (without the headline a bare year dates its own paragraph only: round 8)
    ("Sơn La tổng kết công tác BHXH năm 2024\n\nNăm 2024, toàn tỉnh Sơn La có 71.500 người tham gia BHXH tự nguyện.\n\nTỷ lệ bao "
     "phủ BHYT được giữ vững với 1.230.000 người tham gia, đạt 96,2% dân số.",
     "2025-01-09", None,
     {("Sơn La", "bhxh_voluntary_participants", "2024-12-31", 71_500.0),
      ("Sơn La", "bhyt_participants", "2024-12-31", 1_230_000.0),
      ("Sơn La", "bhyt_coverage_pct", "2024-12-31", 96.2)}),
    # "A và B lần lượt có N người và M người tham gia BHXH tự nguyện": what is counted
    # follows the list's last figure
    ("Đến nay, tỉnh Sơn La có 30.500 người tham gia BHXH tự nguyện. Ở các huyện vùng cao, "
     "Bắc Yên và Phù Yên lần lượt có 910 người và 1.120 người tham gia BHXH tự nguyện, gấp "
     "đôi so với năm 2019.", "2022-12-20", None,
     {("Sơn La", "bhxh_voluntary_participants", "2022-12-20", 30_500.0),
      ("Bắc Yên", "bhxh_voluntary_participants", "2022-12-20", 910.0),
      ("Phù Yên", "bhxh_voluntary_participants", "2022-12-20", 1_120.0)}),
    # "A và B dẫn đầu về phát triển mới, lần lượt N người và M người": new participants
    # of the scheme in play
    ("Sáu tháng đầu năm 2023, tỉnh Nam Định phát triển mới 2.100 người tham gia BHXH tự "
     "nguyện. Huyện Hải Hậu và huyện Giao Thủy dẫn đầu về phát triển mới, lần lượt 305 người "
     "và 270 người.", "2023-07-10", None,
     {("Nam Định", "bhxh_voluntary_new_participants", "2023-06-30", 2_100.0),
      ("Hải Hậu", "bhxh_voluntary_new_participants", "2023-06-30", 305.0),
      ("Giao Thủy", "bhxh_voluntary_new_participants", "2023-06-30", 270.0)}),
    # control: persons after "lần lượt" who receive a benefit are not participants
    ("Đến 30/6/2023, tỉnh Nam Định có 25.000 người tham gia BHXH tự nguyện. Huyện Hải Hậu "
     "và huyện Giao Thủy lần lượt có 120 người và 95 người hưởng lương hưu.", "2023-07-10",
     None,
     {("Nam Định", "bhxh_voluntary_participants", "2023-06-30", 25_000.0)}),
    # "tại một số địa phương như A, B, tỷ lệ … chỉ khoảng x%": a figure said of places
    # given as examples (one of them, or none, in the registry), no one place's
    ("Đến hết năm 2024, tỉnh Hà Giang có 38.000 người tham gia BHXH tự nguyện. Tuy vậy, tại "
     "một số địa phương như Đồng Văn, Lũng Cú, tỷ lệ lao động tham gia BHXH chỉ khoảng 4%.",
     "2025-01-12", None,
     {("Hà Giang", "bhxh_voluntary_participants", "2024-12-31", 38_000.0)}),
    ("Đến hết năm 2024, tỉnh Hà Giang có 38.000 người tham gia BHXH tự nguyện. Ở nhiều xã "
     "biên giới như Lũng Cú, Sà Phìn, tỷ lệ lao động tham gia BHXH chỉ khoảng 4%.",
     "2025-01-12", None,
     {("Hà Giang", "bhxh_voluntary_participants", "2024-12-31", 38_000.0)}),
    # "…; tính đến cuối tháng 9, huyện đã đạt x% kế hoạch": the month's number is no
    # count whose rate this would be; the district's attainment
    ("Tính đến 30/9/2019, huyện Tuy Phước (Bình Định) có 2.050 người tham gia BHXH tự "
     "nguyện. Kế hoạch năm 2019 BHXH tỉnh giao cho huyện là 2.400 người; tính đến cuối "
     "tháng 9, huyện đã đạt 85,4% kế hoạch.", "2019-10-10", None,
     {("Tuy Phước", "bhxh_voluntary_participants", "2019-09-30", 2_050.0),
      ("Tuy Phước", "bhxh_voluntary_plan_participants", "2019-12-31", 2_400.0),
      ("Tuy Phước", "bhxh_voluntary_attainment_pct", "2019-09-30", 85.4)}),
    # "năm Y tỉnh phải đạt tỷ lệ bao phủ x% và năm Y+1 là y%": what a province must
    # reach is a target, for this year as for the next
    ("Đến cuối tháng 3, toàn tỉnh Kon Tum có 480.000 người tham gia BHYT, đạt 88,1% dân số. "
     "Theo Quyết định giao chỉ tiêu của Thủ tướng, năm 2019 tỉnh phải đạt tỷ lệ bao phủ "
     "89,5% và năm 2020 là 90,7%.", "2019-04-20", None,
     {("Kon Tum", "bhyt_participants", "2019-03-31", 480_000.0),
      ("Kon Tum", "bhyt_coverage_pct", "2019-03-31", 88.1),
      ("Kon Tum", "bhyt_plan_coverage_pct", "2019-12-31", 89.5),
      ("Kon Tum", "bhyt_plan_coverage_pct", "2020-12-31", 90.7)}),
    # "BHXH tự nguyện chỉ còn N người" (the scheme's stock, fallen): participants
    ("Đến 31/5/2023, tỉnh Trà Vinh có 70.100 người tham gia BHXH bắt buộc. Ngược lại, BHXH "
     "tự nguyện chỉ còn 20.400 người, giảm 900 người so với cùng kỳ.", "2023-06-20", None,
     {("Trà Vinh", "bhxh_compulsory_participants", "2023-05-31", 70_100.0),
      ("Trà Vinh", "bhxh_voluntary_participants", "2023-05-31", 20_400.0),
      ("Trà Vinh", "bhxh_voluntary_change_participants", "2023-05-31", -900.0)}),
    # control: "BHYT còn N người chưa tham gia" are not participants
    ("Đến 31/5/2023, tỉnh Trà Vinh có 930.000 người tham gia BHYT. Toàn tỉnh BHYT còn "
     "45.000 người chưa tham gia.", "2023-06-20", None,
     {("Trà Vinh", "bhyt_participants", "2023-05-31", 930_000.0)}),
    # a headline "Phát triển hơn N người tham gia BHXH tự nguyện trong 6 tháng": the new
    # participants the body prints exactly (one row)
    ("Trà Vinh: Phát triển hơn 2.300 người tham gia BHXH tự nguyện trong 6 tháng\n\nSáu "
     "tháng đầu năm 2020, tỉnh Trà Vinh đã phát triển mới 2.341 người tham gia BHXH tự "
     "nguyện.", "2020-07-15", None,
     {("Trà Vinh", "bhxh_voluntary_new_participants", "2020-06-30", 2_341.0)}),
    # control: "phát triển người tham gia … đạt N người" is the stock
    ("Đến 30/6/2020, công tác phát triển người tham gia BHXH tự nguyện của tỉnh Trà Vinh "
     "đạt 9.800 người.", "2020-07-15", None,
     {("Trà Vinh", "bhxh_voluntary_participants", "2020-06-30", 9_800.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND6_CLASSES,
                         ids=[f"blind6_class_{i}" for i in range(len(BLIND6_CLASSES))])
def test_sixth_blind_set_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)  # every place in the registry too
