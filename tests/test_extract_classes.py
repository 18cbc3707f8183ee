"""``bhxh extract``: failure classes found on held-out pages and in earlier rounds.

Each passage was written for these tests in our own wording (none is copied from an
article), after a class of failure was seen on real pages the rules had not read; see
``docs/extract.md`` ("Measured quality"). Split from ``test_extract.py``.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage, iso, readings, rows, run

from bhxh_analysis import extract as ex

# ------------------------------------------- classes found on held-out pages (own text)


def test_comparison_dates_are_not_as_of_dates() -> None:
    text = ("Đến hết tháng 8/2024, cả nước có 19,1 triệu người tham gia BHXH bắt buộc, tăng "
            "52,3 nghìn người so với tháng 7/2024, giảm 12.400 người so với cuối năm 2023.")
    df = run(text, published="2024-09-12")
    assert rows(df) == {
        ("Việt Nam", "bhxh_compulsory_participants", "2024-08-31", 19_100_000.0, ""),
        ("Việt Nam", "bhxh_compulsory_change_participants", "2024-08-31", 52_300.0, ""),
        ("Việt Nam", "bhxh_compulsory_change_participants", "2024-08-31", -12_400.0, ""),
    }


def test_months_still_to_come_and_a_horizon_are_not_dates() -> None:
    text = ("Tính đến 31/5/2024, tỉnh Bình Định có 1.401.200 người tham gia BHYT. Số người "
            "tăng 5 tháng đầu năm là 8.120 người; số người còn phải phát triển 7 tháng cuối "
            "năm là 11.900 người (số người cần vận động đến cuối năm để đạt kế hoạch là "
            "11.900 người).")
    df = run(text, published="2024-06-10")
    got = {(r.indicator, iso(r.as_of), r.value) for r in df.itertuples()}
    assert ("bhyt_change_participants", "2024-05-31", 8120.0) in got
    assert ("bhyt_shortfall_participants", "2024-05-31", 11900.0) in got
    assert not any("plan" in i for i, _a, _v in got)


def test_english_style_numbers_in_a_list_of_provinces() -> None:
    text = ("Tính đến 30/6/2024, các tỉnh dẫn đầu về phát triển người tham gia BHYT. Cụ thể: "
            "Thái Bình với 1,702,330 người, đạt 101.6% kế hoạch; Ninh Bình là 948,115 "
            "người, đạt 100.9% kế hoạch; Hà Giang là 1.234,567, đạt 100,4% kế hoạch.")
    df = run(text, published="2024-07-05")
    got = {(r.geo_name, r.indicator, r.value) for r in df.itertuples()}
    assert got == {
        ("Thái Bình", "bhyt_participants", 1_702_330.0),
        ("Thái Bình", "bhyt_attainment_pct", 101.6),
        ("Ninh Bình", "bhyt_participants", 948_115.0),
        ("Ninh Bình", "bhyt_attainment_pct", 100.9),
        ("Hà Giang", "bhyt_participants", 1_234_567.0),
        ("Hà Giang", "bhyt_attainment_pct", 100.4),
    }
    # read with a lower confidence than a Vietnamese-style number
    assert df.loc[df["value_raw"] == "1,702,330", "confidence"].iloc[0] < 0.9


def test_a_remark_in_parentheses_does_not_colour_the_next_figure() -> None:
    text = ("Đến hết năm 2023, tỷ lệ tham gia BHYT của tỉnh Kon Tum đạt 94,1% (vượt 0,6% so "
            "với Nghị quyết của HĐND tỉnh) với hơn 560.000 người tham gia.")
    df = run(text, published="2024-01-20")
    assert rows(df) == {
        ("Kon Tum", "bhyt_coverage_pct", "2023-12-31", 94.1, ""),
        ("Kon Tum", "bhyt_participants", "2023-12-31", 560_000.0, "hơn"),
    }


def test_people_outside_a_scheme_are_not_participants() -> None:
    text = ("Đến hết tháng 6/2024, tỉnh Phú Yên còn 61.200 người chưa tham gia BHYT; số "
            "người chưa có thẻ BHYT là 61.200 người.")
    assert run(text).empty


def test_a_date_attached_after_the_figure_is_its_own() -> None:
    text = ("Tỷ lệ dân số tham gia BHYT của tỉnh Bắc Kạn đã tăng từ 61,5% vào năm 2010 lên "
            "97,2% vào năm 2020.")
    df = run(text, published="2021-03-01")
    assert rows(df) == {("Bắc Kạn", "bhyt_coverage_pct", "2010-12-31", 61.5, ""),
                        ("Bắc Kạn", "bhyt_coverage_pct", "2020-12-31", 97.2, "")}


def test_place_hint_names_a_district_by_its_province() -> None:
    text = "Đến nay, toàn huyện có hơn 41.000 người tham gia BHYT, đạt 88,6% dân số."
    df = run(text, published="2024-05-02", place_hint="Vĩnh Thạnh, Bình Định")
    assert set(df["geo_name"]) == {"Vĩnh Thạnh"}
    assert set(df["geo_level"]) == {"district"}
    assert {(r.indicator, r.value) for r in df.itertuples()} == {
        ("bhyt_participants", 41_000.0), ("bhyt_coverage_pct", 88.6)}
    with pytest.raises(Exception, match="names no known place"):
        run(text, place_hint="Vĩnh Thạnh")  # two districts of that name: ambiguous


#: Variant phrasings, each written for this test with its expected figures first:
#: (text, published, place hint, {(geo_name, indicator, as_of, value)}).
VARIANTS = [
("Tính đến 30/9/2024, toàn tỉnh Hà Tĩnh có: BHXH bắt buộc 112.400 người, BHXH tự nguyện 58.200 người, BHTN 101.300 người, BHYT 1.230.500 người.", "2024-10-10", None,
 {("Hà Tĩnh","bhxh_compulsory_participants","2024-09-30",112400.0),("Hà Tĩnh","bhxh_voluntary_participants","2024-09-30",58200.0),("Hà Tĩnh","bhtn_participants","2024-09-30",101300.0),("Hà Tĩnh","bhyt_participants","2024-09-30",1230500.0)}),
("Đến hết tháng 3/2024, tỉnh Nghệ An có 95,6 nghìn người tham gia BHXH tự nguyện.", "2024-04-10", None,
 {("Nghệ An","bhxh_voluntary_participants","2024-03-31",95600.0)}),
("Đến cuối năm 2023, tỉnh Sơn La có 93,1% dân số có thẻ BHYT và khoảng 14% lực lượng lao động tham gia BHXH.", "2024-01-20", None,
 {("Sơn La","bhyt_coverage_pct","2023-12-31",93.1),("Sơn La","bhxh_coverage_pct","2023-12-31",14.0)}),
("Tính đến 30/6/2024, số người tham gia BHXH tự nguyện của tỉnh Gia Lai đạt 12.345 người, vượt 15% kế hoạch.", "2024-07-10", None,
 {("Gia Lai","bhxh_voluntary_participants","2024-06-30",12345.0),("Gia Lai","bhxh_voluntary_attainment_pct","2024-06-30",115.0)}),
("Quảng Trị: Hơn 25.000 người tham gia BHXH tự nguyện\n\nĐó là kết quả mà ngành BHXH tỉnh đạt được tính đến cuối tháng 5.", "2024-06-12", None,
 {("Quảng Trị","bhxh_voluntary_participants","2024-05-31",25000.0)}),
("Đến hết năm 2023, tỷ lệ bao phủ BHYT toàn tỉnh đạt 95,12%, vượt chỉ tiêu Nghị quyết HĐND tỉnh giao (94,5%).", "2024-01-15", "Hà Giang",
 {("Hà Giang","bhyt_coverage_pct","2023-12-31",95.12),("Hà Giang","bhyt_plan_coverage_pct","2023-12-31",94.5)}),
("Tính đến 31/8/2024, số người tham gia BHXH tự nguyện tỉnh Lào Cai là 24.510 người, tăng 3.100 người so với cuối năm 2023, đạt 81,2% kế hoạch năm.", "2024-09-05", None,
 {("Lào Cai","bhxh_voluntary_participants","2024-08-31",24510.0),("Lào Cai","bhxh_voluntary_change_participants","2024-08-31",3100.0),("Lào Cai","bhxh_voluntary_attainment_pct","2024-08-31",81.2)}),
("Đến hết tháng 6/2024, huyện Hương Khê có 5.120 người tham gia BHXH tự nguyện, chiếm 12,3% lực lượng lao động.", "2024-07-02", "Hà Tĩnh",
 {("Hương Khê","bhxh_voluntary_participants","2024-06-30",5120.0),("Hương Khê","bhxh_voluntary_coverage_pct","2024-06-30",12.3)}),
("Năm 2023, tổng số thu BHXH, BHYT, BHTN của tỉnh Bình Phước đạt 2.345 tỷ đồng, đạt 96% kế hoạch; nợ đóng 120 tỷ đồng, chiếm 3,2%.", "2024-01-10", None, set()),
("Tính đến 30/9/2024, tỷ lệ bao phủ BHYT của Hà Nội là 92,5%, TP Hồ Chí Minh là 91,3%.", "2024-10-05", None,
 {("Hà Nội","bhyt_coverage_pct","2024-09-30",92.5),("Hồ Chí Minh","bhyt_coverage_pct","2024-09-30",91.3)}),
("Toàn tỉnh Yên Bái hiện có 780.000 người có thẻ BHYT.", "2024-03-01", None,
 {("Yên Bái","bhyt_participants","2024-03-01",780000.0)}),
("Tính đến hết tháng 10/2024, tỉnh Long An có 86.400 lao động tham gia BHTN.", "2024-11-05", None,
 {("Long An","bhtn_participants","2024-10-31",86400.0)}),
("Tính đến cuối quý III/2024, tỉnh Tây Ninh có 285.000 người tham gia BHXH bắt buộc.", "2024-10-15", None,
 {("Tây Ninh","bhxh_compulsory_participants","2024-09-30",285000.0)}),
("Trong 9 tháng năm 2024, tỉnh Đắk Lắk có thêm 12.000 người tham gia BHXH tự nguyện.", "2024-10-15", None,
 {("Đắk Lắk","bhxh_voluntary_change_participants","2024-09-30",12000.0)}),
("Lũy kế đến hết tháng 9, toàn tỉnh Cà Mau có 42.310 người tham gia BHXH tự nguyện.", "2024-10-15", None,
 {("Cà Mau","bhxh_voluntary_participants","2024-09-30",42310.0)}),
("Tỷ lệ tham gia BHYT của tỉnh Điện Biên ước đạt từ 97 - 98% dân số.", "2024-10-15", None, set()),
("Theo BHXH tỉnh Kiên Giang, đến ngày 20/10/2024, tổng số người tham gia BHYT toàn tỉnh là 1.590.221 người, đạt tỷ lệ bao phủ 91,06% dân số, còn thiếu 18.330 người so với kế hoạch.", "2024-10-25", None,
 {("Kiên Giang","bhyt_participants","2024-10-20",1590221.0),("Kiên Giang","bhyt_coverage_pct","2024-10-20",91.06),("Kiên Giang","bhyt_shortfall_participants","2024-10-20",18330.0)}),
("Số người tham gia BHXH bắt buộc, BHXH tự nguyện, BHTN trên địa bàn tỉnh Hải Dương lần lượt là 380.200 người, 41.500 người và 362.900 người (tính đến 31/10/2024).", "2024-11-05", None,
 {("Hải Dương","bhxh_compulsory_participants","2024-10-31",380200.0),("Hải Dương","bhxh_voluntary_participants","2024-10-31",41500.0),("Hải Dương","bhtn_participants","2024-10-31",362900.0)}),
("Tỉnh Thừa Thiên Huế đặt mục tiêu đến năm 2025 có 40% lực lượng lao động tham gia BHXH và 96% dân số tham gia BHYT.", "2024-03-01", None,
 {("Huế","bhxh_plan_coverage_pct","2025-12-31",40.0),("Huế","bhyt_plan_coverage_pct","2025-12-31",96.0)}),
("Tính đến hết tháng 5/2024, số người tham gia BHYT hộ gia đình tại tỉnh Phú Thọ giảm 8.200 người so với cùng kỳ.", "2024-06-10", None,
 {("Phú Thọ","bhyt_household_change_participants","2024-05-31",-8200.0)}),
("Toàn tỉnh Bắc Ninh có 410,5 nghìn người tham gia BHXH bắt buộc, bằng 99,2% kế hoạch.", "2024-06-10", None,
 {("Bắc Ninh","bhxh_compulsory_participants","2024-06-10",410500.0),("Bắc Ninh","bhxh_compulsory_attainment_pct","2024-06-10",99.2)}),
("Hết quý I/2024, độ bao phủ BHYT của tỉnh Vĩnh Phúc đạt 94,8%.", "2024-04-15", None,
 {("Vĩnh Phúc","bhyt_coverage_pct","2024-03-31",94.8)}),
# second round: bullet lists, joint totals, estimates, 'so với dân số', plans given, new participants named after the figure, lists of districts, pensions and benefits paid (not participants), 'điểm phần trăm'
("Kết quả đến 30/6/2024 của tỉnh Bình Thuận:\n- BHXH bắt buộc: 98.700 người (đạt 96,1% KH)\n- BHXH tự nguyện: 21.040 người (đạt 70,2% KH)\n- BHYT: 1.102.300 người, đạt 91,7% dân số", "2024-07-03", None,
 {("Bình Thuận","bhxh_compulsory_participants","2024-06-30",98700.0),("Bình Thuận","bhxh_compulsory_attainment_pct","2024-06-30",96.1),("Bình Thuận","bhxh_voluntary_participants","2024-06-30",21040.0),("Bình Thuận","bhxh_voluntary_attainment_pct","2024-06-30",70.2),("Bình Thuận","bhyt_participants","2024-06-30",1102300.0),("Bình Thuận","bhyt_coverage_pct","2024-06-30",91.7)}),
("Tính đến hết tháng 9/2024, tổng số người tham gia BHXH, BHYT, BHTN trên địa bàn tỉnh Ninh Thuận là 560.400 người.", "2024-10-03", None, set()),
("Số người tham gia BHXH tự nguyện của tỉnh Đắk Nông năm 2024 ước đạt 9.800 người, đạt 101% so với kế hoạch.", "2024-12-20", None,
 {("Đắk Nông","bhxh_voluntary_participants","2024-12-31",9800.0),("Đắk Nông","bhxh_voluntary_attainment_pct","2024-12-31",101.0)}),
("Đến ngày 31/12/2023, tỷ lệ dân số tham gia BHYT của tỉnh Lai Châu đạt 98,7% so với dân số toàn tỉnh.", "2024-01-08", None,
 {("Lai Châu","bhyt_coverage_pct","2023-12-31",98.7)}),
("Hết tháng 4/2024, số lao động tham gia BHXH bắt buộc trên địa bàn tỉnh Vĩnh Long là 61.250 lao động.", "2024-05-06", None,
 {("Vĩnh Long","bhxh_compulsory_participants","2024-04-30",61250.0)}),
("Tính đến 31/3/2024, số người tham gia BHTN của TP Cần Thơ đạt 198.600 người, chiếm 27,4% lực lượng lao động trong độ tuổi; giảm 0,3% so với cùng kỳ.", "2024-04-10", None,
 {("Cần Thơ","bhtn_participants","2024-03-31",198600.0),("Cần Thơ","bhtn_coverage_pct","2024-03-31",27.4)}),
("Năm 2024, tỉnh Bạc Liêu được giao chỉ tiêu 94,2% dân số tham gia BHYT và 14.500 người tham gia BHXH tự nguyện.", "2024-02-01", None,
 {("Bạc Liêu","bhyt_plan_coverage_pct","2024-12-31",94.2),("Bạc Liêu","bhxh_voluntary_plan_participants","2024-12-31",14500.0)}),
("Đến cuối tháng 8/2024, tỉnh Quảng Bình có 6.120 người tham gia BHXH tự nguyện mới.", "2024-09-05", None,
 {("Quảng Bình","bhxh_voluntary_new_participants","2024-08-31",6120.0)}),
("Tính đến 30/11/2024, toàn tỉnh Bắc Kạn có 291.300 người tham gia BHYT, đạt tỷ lệ 96,88% dân số; trong đó huyện Pác Nặm đạt 99,1%, huyện Chợ Mới đạt 94,2%.", "2024-12-05", None,
 {("Bắc Kạn","bhyt_participants","2024-11-30",291300.0),("Bắc Kạn","bhyt_coverage_pct","2024-11-30",96.88),("Pác Nặm","bhyt_coverage_pct","2024-11-30",99.1),("Chợ Mới","bhyt_coverage_pct","2024-11-30",94.2)}),
("Tính đến hết quý II/2024, số người tham gia BHXH của tỉnh Quảng Ngãi là 142.800 người, chiếm 20,3% lực lượng lao động trong độ tuổi, trong đó BHXH tự nguyện là 37.600 người.", "2024-07-08", None,
 {("Quảng Ngãi","bhxh_participants","2024-06-30",142800.0),("Quảng Ngãi","bhxh_coverage_pct","2024-06-30",20.3),("Quảng Ngãi","bhxh_voluntary_participants","2024-06-30",37600.0)}),
("Tổng số tiền chi trả lương hưu và trợ cấp BHXH tại tỉnh Hòa Bình trong tháng 6/2024 là 215 tỷ đồng cho 38.500 người hưởng.", "2024-07-01", None, set()),
("Trong 6 tháng đầu năm 2024, BHXH tỉnh Hà Nam đã giải quyết cho 4.120 người hưởng trợ cấp thất nghiệp.", "2024-07-01", None, set()),
("Tính đến ngày 15/10/2024, tỉnh Ninh Bình có khoảng 1,01 triệu người tham gia BHYT, chiếm 93,6% dân số, còn 6,4% dân số chưa tham gia.", "2024-10-20", None,
 {("Ninh Bình","bhyt_participants","2024-10-15",1010000.0),("Ninh Bình","bhyt_coverage_pct","2024-10-15",93.6)}),
("Tỉnh Đồng Tháp: Tỷ lệ bao phủ BHYT năm 2023 đạt 92,34%, tăng 1,2 điểm phần trăm so với năm 2022.", "2024-02-10", None,
 {("Đồng Tháp","bhyt_coverage_pct","2023-12-31",92.34)}),
("Tính đến 31/10/2024, số người tham gia BHXH tự nguyện tại thành phố Hà Nội đạt 168.000 người, bằng 61% chỉ tiêu năm.", "2024-11-04", None,
 {("Hà Nội","bhxh_voluntary_participants","2024-10-31",168000.0),("Hà Nội","bhxh_voluntary_attainment_pct","2024-10-31",61.0)}),
# third round: district lists without a verb, "tổng số lao động", "tăng lên", targets, "thời điểm hiện tại", "nâng tổng số … lên", "gấp … lần", a person's story
("Đến hết tháng 9/2024, tỷ lệ bao phủ BHYT của tỉnh Hà Nam đạt 93,8%; trong đó huyện Lý Nhân đạt 95,1%, huyện Kim Bảng 92,4%.", "2024-10-05", None,
 {("Hà Nam","bhyt_coverage_pct","2024-09-30",93.8),("Lý Nhân","bhyt_coverage_pct","2024-09-30",95.1),("Kim Bảng","bhyt_coverage_pct","2024-09-30",92.4)}),
("Tính đến 30/9/2024, tỉnh Bình Dương có 1.280.000 người tham gia BHXH bắt buộc, chiếm 62% tổng số lao động trong độ tuổi.", "2024-10-05", None,
 {("Bình Dương","bhxh_compulsory_participants","2024-09-30",1280000.0),("Bình Dương","bhxh_compulsory_coverage_pct","2024-09-30",62.0)}),
("Nhờ các giải pháp quyết liệt, đến cuối tháng 10/2024 số người tham gia BHXH tự nguyện tại tỉnh Thanh Hóa tăng lên 101.300 người.", "2024-11-05", None,
 {("Thanh Hóa","bhxh_voluntary_participants","2024-10-31",101300.0)}),
("Năm 2025, BHXH tỉnh Hưng Yên phấn đấu tỷ lệ bao phủ BHYT đạt 95,5% dân số, tỷ lệ tham gia BHXH đạt 45% lực lượng lao động trong độ tuổi.", "2025-01-10", None,
 {("Hưng Yên","bhyt_plan_coverage_pct","2025-12-31",95.5),("Hưng Yên","bhxh_plan_coverage_pct","2025-12-31",45.0)}),
("Tính đến thời điểm hiện tại, toàn tỉnh An Giang có 1.750.000 người tham gia BHYT, đạt tỷ lệ 92,1%.", "2024-06-18", None,
 {("An Giang","bhyt_participants","2024-06-18",1750000.0),("An Giang","bhyt_coverage_pct","2024-06-18",92.1)}),
("Lũy kế từ đầu năm đến 30/9/2024, BHXH tỉnh Sóc Trăng đã phát triển mới 5.230 người tham gia BHXH tự nguyện, nâng tổng số người tham gia lên 28.400 người.", "2024-10-08", None,
 {("Sóc Trăng","bhxh_voluntary_new_participants","2024-09-30",5230.0),("Sóc Trăng","bhxh_voluntary_participants","2024-09-30",28400.0)}),
("Theo số liệu của BHXH tỉnh Trà Vinh, đến cuối năm 2023 toàn tỉnh có 916.000 người tham gia BHYT, đạt 91,4% dân số, còn khoảng 8,6% dân số chưa tham gia BHYT.", "2024-02-02", None,
 {("Trà Vinh","bhyt_participants","2023-12-31",916000.0),("Trà Vinh","bhyt_coverage_pct","2023-12-31",91.4)}),
("Toàn tỉnh Tuyên Quang hiện có 17.500 người tham gia BHXH tự nguyện, gấp 2,3 lần so với năm 2020.", "2024-08-01", None,
 {("Tuyên Quang","bhxh_voluntary_participants","2024-08-01",17500.0)}),
("Tính đến hết tháng 11/2024, số người tham gia BHTN của tỉnh Bắc Giang là 425.600 người, đạt 100,2% kế hoạch; số người tham gia BHYT là 1.790.000 người, đạt 95,3% dân số.", "2024-12-04", None,
 {("Bắc Giang","bhtn_participants","2024-11-30",425600.0),("Bắc Giang","bhtn_attainment_pct","2024-11-30",100.2),("Bắc Giang","bhyt_participants","2024-11-30",1790000.0),("Bắc Giang","bhyt_coverage_pct","2024-11-30",95.3)}),
("Thị xã Kỳ Anh có 4.210 người tham gia BHXH tự nguyện, chiếm 8,9% lực lượng lao động (tính đến 30/6/2024).", "2024-07-10", "Hà Tĩnh",
 {("Kỳ Anh","bhxh_voluntary_participants","2024-06-30",4210.0),("Kỳ Anh","bhxh_voluntary_coverage_pct","2024-06-30",8.9)}),
("Ông Nguyễn Văn A, 56 tuổi, ở xã Hòa Bình, đã tham gia BHXH tự nguyện được 12 năm và đóng mức 1.500.000 đồng mỗi tháng.", "2024-07-10", None, set()),
("Tính đến ngày 30/6/2024, tỉnh Lâm Đồng có 23.700 người tham gia BHXH tự nguyện; 134.900 người tham gia BHXH bắt buộc; 125.800 người tham gia BHTN và 1.205.000 người tham gia BHYT, đạt tỷ lệ bao phủ 90,4% dân số.", "2024-07-10", None,
 {("Lâm Đồng","bhxh_voluntary_participants","2024-06-30",23700.0),("Lâm Đồng","bhxh_compulsory_participants","2024-06-30",134900.0),("Lâm Đồng","bhtn_participants","2024-06-30",125800.0),("Lâm Đồng","bhyt_participants","2024-06-30",1205000.0),("Lâm Đồng","bhyt_coverage_pct","2024-06-30",90.4)}),
# fourth round: dashed dates, abbreviations BHXH TN/BB, BHYT HGĐ, a plan inside a remark, month headers, visits and money, subgroups after "trong đó"
("Tính đến ngày 30-9-2024, tỉnh Phú Thọ có 69.800 người tham gia BHXH tự nguyện.", "2024-10-05", None,
 {("Phú Thọ","bhxh_voluntary_participants","2024-09-30",69800.0)}),
("Đến hết tháng 8/2024, số người tham gia BHXH TN của tỉnh Nam Định là 40.120 người; BHXH BB là 181.300 người; BHYT HGĐ là 402.000 người.", "2024-09-05", None,
 {("Nam Định","bhxh_voluntary_participants","2024-08-31",40120.0),("Nam Định","bhxh_compulsory_participants","2024-08-31",181300.0),("Nam Định","bhyt_household_participants","2024-08-31",402000.0)}),
("Tính đến 31/10/2024, tỷ lệ bao phủ BHYT tỉnh Hà Tĩnh đạt 93,52% (kế hoạch 93,5%).", "2024-11-05", None,
 {("Hà Tĩnh","bhyt_coverage_pct","2024-10-31",93.52),("Hà Tĩnh","bhyt_plan_coverage_pct","2024-12-31",93.5)}),
("Tháng 10/2024, số người tham gia BHXH bắt buộc trên địa bàn tỉnh Thái Nguyên là 196.400 người.", "2024-11-05", None,
 {("Thái Nguyên","bhxh_compulsory_participants","2024-10-31",196400.0)}),
("Trong năm 2024, toàn tỉnh Quảng Nam có hơn 1,2 triệu lượt người khám chữa bệnh BHYT với tổng chi phí 2.100 tỷ đồng.", "2025-01-05", None, set()),
("Tính đến 30/11/2024, tỉnh Đắk Lắk có 41.800 người tham gia BHXH tự nguyện, trong đó có 9.100 người thuộc hộ nghèo, hộ cận nghèo được ngân sách hỗ trợ.", "2024-12-05", None,
 {("Đắk Lắk","bhxh_voluntary_participants","2024-11-30",41800.0)}),
# fifth round: a release's full paragraph, a headline share, 'bằng … so với kế hoạch giao', new participants against their plan
("Tính đến ngày 31/10/2024, số người tham gia BHXH, BHYT, BHTN trên địa bàn tỉnh Quảng Trị như sau: số người tham gia BHXH là 95.440 người, đạt 32,9% lực lượng lao động trong độ tuổi (trong đó, BHXH bắt buộc là 60.200 người, BHXH tự nguyện là 35.240 người); số người tham gia BHTN là 55.100 người, đạt 24,4% lực lượng lao động trong độ tuổi; số người tham gia BHYT là 600.000 người, đạt tỷ lệ bao phủ 93,1% dân số.", "2024-11-06", None,
 {("Quảng Trị","bhxh_participants","2024-10-31",95440.0),("Quảng Trị","bhxh_coverage_pct","2024-10-31",32.9),("Quảng Trị","bhxh_compulsory_participants","2024-10-31",60200.0),("Quảng Trị","bhxh_voluntary_participants","2024-10-31",35240.0),("Quảng Trị","bhtn_participants","2024-10-31",55100.0),("Quảng Trị","bhtn_coverage_pct","2024-10-31",24.4),("Quảng Trị","bhyt_participants","2024-10-31",600000.0),("Quảng Trị","bhyt_coverage_pct","2024-10-31",93.1)}),
("Bình Định: Hơn 93% dân số tham gia BHYT\n\nTính đến cuối tháng 10/2024, toàn tỉnh Bình Định có 1,39 triệu người tham gia BHYT, đạt 93,2% dân số. So với cùng kỳ năm 2023, số người tham gia BHXH tự nguyện tăng 5.300 người (tăng 13,2%).", "2024-11-08", None,
 # the headline's "Hơn 93%" is the body's 93,2% rounded: one candidate, the exact one
 {("Bình Định","bhyt_participants","2024-10-31",1390000.0),("Bình Định","bhyt_coverage_pct","2024-10-31",93.2),("Bình Định","bhxh_voluntary_change_participants","2024-10-31",5300.0)}),
("Số người tham gia BHXH tự nguyện của tỉnh Hòa Bình đạt 25.240 người, bằng 97,4% so với kế hoạch giao (tính đến 30/9/2024).", "2024-10-06", None,
 {("Hoà Bình","bhxh_voluntary_participants","2024-09-30",25240.0),("Hoà Bình","bhxh_voluntary_attainment_pct","2024-09-30",97.4)}),
("Theo báo cáo của BHXH tỉnh Kon Tum, trong 10 tháng năm 2024 đã có 2.150 người tham gia BHXH tự nguyện mới, đạt 61% chỉ tiêu phát triển mới được giao.", "2024-11-06", None,
 {("Kon Tum","bhxh_voluntary_new_participants","2024-10-31",2150.0),("Kon Tum","bhxh_voluntary_attainment_pct","2024-10-31",61.0)}),
("Tính đến 30/9/2024, toàn tỉnh Ninh Thuận có 52.000 người tham gia BHXH, chiếm 15,2% lực lượng lao động trong độ tuổi, tăng 1,1% so với cùng kỳ; 550.000 người tham gia BHYT, chiếm 90,7% dân số.", "2024-10-08", None,
 {("Ninh Thuận","bhxh_participants","2024-09-30",52000.0),("Ninh Thuận","bhxh_coverage_pct","2024-09-30",15.2),("Ninh Thuận","bhyt_participants","2024-09-30",550000.0),("Ninh Thuận","bhyt_coverage_pct","2024-09-30",90.7)}),
]


@pytest.mark.parametrize("text,published,hint,expected", VARIANTS,
                         ids=[f"variant{i}" for i in range(len(VARIANTS))])
def test_variant_phrasings(text, published, hint, expected) -> None:
    """Enumerations, thousands and millions, coverage of a denominator named after the
    percent, attainment over a plan, ranges, money, quarters, lists "lần lượt", targets
    (a 2025 target of Thừa Thiên Huế is the 2025 unit Huế)."""
    check_passage(text, published, hint, expected)


def test_sentence_of_targets_and_rates_labelled_by_year() -> None:
    text = ("Theo lộ trình được giao, đến cuối năm 2025 có 95,2% dân số tham gia BHYT. Tỷ lệ "
            "này sẽ tăng dần, đến năm 2026 là 95,8%, 2027 là 96,3% và 2028 là 97%.")
    df = run(text, published="2024-11-02", place_hint="Nam Định")
    assert {(r.indicator, iso(r.as_of), r.value) for r in df.itertuples()} == {
        ("bhyt_plan_coverage_pct", "2025-12-31", 95.2),
        ("bhyt_plan_coverage_pct", "2026-12-31", 95.8),
        ("bhyt_plan_coverage_pct", "2027-12-31", 96.3),
        ("bhyt_plan_coverage_pct", "2028-12-31", 97.0),
    }


def test_shares_of_the_eligible_subgroups_and_growth_rates_are_skipped() -> None:
    text = ("Đến nay, tỉnh Quảng Ninh có hơn 1,2 triệu người tham gia BHYT, đạt 94,4% dân "
            "số. Tỷ lệ lao động tham gia BHTN đạt 91,5% số người thuộc diện phải tham gia "
            "(UBND tỉnh giao 90%). Tốc độ tăng số người tham gia BHXH tự nguyện đạt 21,3% "
            "(vượt 1,3% so với chỉ tiêu). Các nhóm đối tượng do ngân sách đóng đạt tỷ lệ 100%.")
    df = run(text, published="2024-12-05")
    assert rows(df) == {
        ("Quảng Ninh", "bhyt_participants", "2024-12-05", 1_200_000.0, "hơn"),
        ("Quảng Ninh", "bhyt_coverage_pct", "2024-12-05", 94.4, ""),
    }


def test_dateline_is_not_the_subject_and_labour_force_subject_with_qualifiers() -> None:
    plan = ("BẢO HIỂM XÃ HỘI VIỆT NAM\n\nĐà Nẵng, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\n\n"
            "Mục tiêu: đến năm 2026 đạt tỷ lệ trên 96% dân số tham gia BHYT.")
    df = run(plan, published="2024-03-12", place_hint="Việt Nam")
    assert rows(df) == {("Việt Nam", "bhyt_plan_coverage_pct", "2026-12-31", 96.0, "trên")}
    lf = ("Lực lượng lao động từ 15 tuổi trở lên của tỉnh Thanh Hóa trong quý III năm 2024 là "
          "2,15 triệu người, tăng 0,02 triệu người so với quý trước.")
    assert rows(run(lf, published="2024-10-20")) == {
        ("Thanh Hóa", "labour_force", "2024-09-30", 2_150_000.0, "")}


def test_changes_in_a_list_of_provinces_and_a_noun_glued_to_its_figure() -> None:
    text = ("Nhiều tỉnh phát triển tốt người tham gia BHXH tự nguyện, như: Bắc Giang (tăng "
            "2.310 người so với năm 2023), Hưng Yên (tăng 1.544người so với năm 2023).")
    df = run(text, published="2024-05-20", place_hint="Việt Nam")
    assert rows(df) == {
        ("Bắc Giang", "bhxh_voluntary_change_participants", "2024-05-20", 2310.0, ""),
        ("Hưng Yên", "bhxh_voluntary_change_participants", "2024-05-20", 1544.0, ""),
    }


def test_simple_tables_a_scheme_cell_then_its_count(tmp_path) -> None:
    page = tmp_path / "bang.html"
    page.write_text(
        "<html><body><article><p>Kết quả phát triển người tham gia của tỉnh Hà Tĩnh đến "
        "30/9/2024</p><table><tr><th>Chỉ tiêu</th><th>Số người</th></tr>"
        "<tr><td>BHXH bắt buộc</td><td>112.400</td></tr>"
        "<tr><td>BHXH tự nguyện</td><td>58.200</td></tr>"
        "<tr><td>BHYT</td><td>1.230.500</td></tr></table></article></body></html>",
        encoding="utf-8")
    expected = {("Hà Tĩnh", "bhxh_compulsory_participants", "2024-09-30", 112_400.0),
                ("Hà Tĩnh", "bhxh_voluntary_participants", "2024-09-30", 58_200.0),
                ("Hà Tĩnh", "bhyt_participants", "2024-09-30", 1_230_500.0)}
    df = ex.extract_file(page, published="2024-10-05")
    assert readings(df) == expected
    text = ("Kết quả đến 30/9/2024 của tỉnh Hà Tĩnh:\nBHXH bắt buộc | 112.400 người | 96,1%\n"
            "BHXH tự nguyện\t58.200 người\t70,2%\nBHYT | 1.230.500 người")
    df = run(text, published="2024-10-05")
    assert readings(df) == expected


def test_a_count_behind_a_rate_is_participants_only_when_nothing_else_is_counted() -> None:
    text = ("Tính đến 30/6/2024, kết quả phát triển người tham gia BHXH tự nguyện của các "
            "tỉnh khá tốt. Hà Giang với 21.400 người, đạt 101% kế hoạch. BHXH tỉnh Hà Giang "
            "cũng đã tư vấn cho 5.000 người, đạt 110% kế hoạch; giải quyết cho 3.200 người "
            "hưởng chế độ, đạt 95% kế hoạch.")
    df = run(text, published="2024-07-05")
    assert {(r.geo_name, r.indicator, r.value) for r in df.itertuples()} == {
        ("Hà Giang", "bhxh_voluntary_participants", 21_400.0),
        ("Hà Giang", "bhxh_voluntary_attainment_pct", 101.0),
    }


# ------------------------------- classes found on fresh pages, set 9 (own text)


def test_photo_credit_names_no_subject_and_a_national_source_means_the_nation() -> None:
    text = ("Hơn 1,2 triệu người tham gia BHXH tự nguyện\n\n"
            "Người dân nghe tư vấn về chính sách (Ảnh: BHXH tỉnh Yên Bái)\n\n"
            "Theo BHXH Việt Nam, đến hết tháng 6/2024 số người tham gia BHXH tự nguyện là "
            "1.215.400 người, tăng 96.000 người so với cuối năm 2023.")
    df = run(text, published="2024-07-20")
    assert rows(df) == {
        ("Việt Nam", "bhxh_voluntary_participants", "2024-06-30", 1215400.0, ""),
        ("Việt Nam", "bhxh_voluntary_change_participants", "2024-06-30", 96000.0, ""),
    }  # the headline's "Hơn 1,2 triệu" is the body's figure rounded: one candidate


def test_headline_before_any_place_takes_the_place_the_article_names() -> None:
    text = ("Phấn đấu đến 2026 có trên 96% số dân tham gia BHYT\n"
            "Tỉnh Ninh Bình đặt mục tiêu đến năm 2030 có 98% dân số tham gia bảo hiểm y tế.")
    df = run(text, published="2024-03-02")
    assert rows(df) == {
        ("Ninh Bình", "bhyt_plan_coverage_pct", "2026-12-31", 96.0, "trên"),
        ("Ninh Bình", "bhyt_plan_coverage_pct", "2030-12-31", 98.0, ""),
    }


def test_month_counts_in_words_and_a_sentence_that_goes_on() -> None:
    text = ("Trong tám tháng đầu năm 2024, tỉnh Gia Lai có 31.200 người tham gia BHXH tự "
            "nguyện. Năm 2023 tỉnh thu hút thêm 4.100 người tham gia BHXH tự nguyện. Qua đó, "
            "nâng tổng số người tham gia BHXH tự nguyện lên 27.900 người. Trong nửa đầu năm "
            "nay, có 1.050.000 người tham gia BHYT.")
    df = run(text, published="2024-09-15")
    assert rows(df) == {
        ("Gia Lai", "bhxh_voluntary_participants", "2024-08-31", 31200.0, ""),
        ("Gia Lai", "bhxh_voluntary_change_participants", "2023-12-31", 4100.0, ""),
        ("Gia Lai", "bhxh_voluntary_participants", "2023-12-31", 27900.0, ""),
        ("Gia Lai", "bhyt_participants", "2024-06-30", 1050000.0, ""),
    }


def test_chi_tieu_naming_an_indicator_in_a_result_is_no_plan() -> None:
    text = ("Tính đến hết năm 2023, chỉ tiêu bao phủ BHYT của tỉnh Sơn La đạt 94,2%, vượt "
            "chỉ tiêu được giao; chỉ tiêu được giao năm 2024 là 95%. Mục tiêu năm 2024 đặt ra "
            "là thu hút thêm ít nhất 3.000 người tham gia BHXH tự nguyện, nâng tổng số lên ít "
            "nhất 40.000 người.")
    df = run(text, published="2024-01-20")
    assert rows(df) == {
        ("Sơn La", "bhyt_coverage_pct", "2023-12-31", 94.2, ""),
        ("Sơn La", "bhyt_plan_coverage_pct", "2024-12-31", 95.0, ""),
        ("Sơn La", "bhxh_voluntary_plan_new_participants", "2024-12-31", 3000.0, "ít nhất"),
        ("Sơn La", "bhxh_voluntary_plan_participants", "2024-12-31", 40000.0, "ít nhất"),
    }


#: Plan-heavy passages (own text, 6th round): targets per place and per year, a plan
#: stated in one sentence and broken down by place in the next, a roadmap list, a plan in
#: a remark beside each place's result. (text, published, hint, expected rows).
PLAN_HEAVY = [
    ("Chỉ tiêu bao phủ BHYT giao cho các huyện năm 2024 như sau: huyện Bảo Lâm 95,2%; "
     "huyện Di Linh 94,8%; huyện Lâm Hà 96%.", "2024-02-10", "Lâm Đồng",
     {("Bảo Lâm", "bhyt_plan_coverage_pct", "2024-12-31", 95.2),
      ("Di Linh", "bhyt_plan_coverage_pct", "2024-12-31", 94.8),
      ("Lâm Hà", "bhyt_plan_coverage_pct", "2024-12-31", 96.0)}),
    ("Năm 2025, UBND tỉnh Quảng Trị giao chỉ tiêu số người tham gia BHXH tự nguyện cho các "
     "địa phương. Trong đó, thành phố Đông Hà 1.200 người, huyện Hải Lăng 950 người, huyện "
     "Triệu Phong 900 người.", "2025-02-15", None,
     {("Đông Hà", "bhxh_voluntary_plan_participants", "2025-12-31", 1200.0),
      ("Hải Lăng", "bhxh_voluntary_plan_participants", "2025-12-31", 950.0),
      ("Triệu Phong", "bhxh_voluntary_plan_participants", "2025-12-31", 900.0)}),
    ("Lộ trình tỷ lệ tham gia BHXH so với lực lượng lao động trong độ tuổi: năm 2021 đạt "
     "35%; năm 2023 đạt 40%; năm 2025 đạt 45%.", "2021-05-10", "Việt Nam",
     {("Việt Nam", "bhxh_plan_coverage_pct", "2021-12-31", 35.0),
      ("Việt Nam", "bhxh_plan_coverage_pct", "2023-12-31", 40.0),
      ("Việt Nam", "bhxh_plan_coverage_pct", "2025-12-31", 45.0)}),
    ("Tính đến 30/9/2024, toàn tỉnh có 48.500 người tham gia BHXH tự nguyện, đạt 88% kế "
     "hoạch năm (kế hoạch 55.100 người).", "2024-10-10", "Nghệ An",
     {("Nghệ An", "bhxh_voluntary_participants", "2024-09-30", 48500.0),
      ("Nghệ An", "bhxh_voluntary_attainment_pct", "2024-09-30", 88.0),
      ("Nghệ An", "bhxh_voluntary_plan_participants", "2024-12-31", 55100.0)}),
    ("Đến hết năm 2023, tỷ lệ bao phủ BHYT của Hà Giang đạt 97,1% (chỉ tiêu 96,5%), của Cao "
     "Bằng đạt 98,2% (chỉ tiêu 98%).", "2024-01-15", None,
     {("Hà Giang", "bhyt_coverage_pct", "2023-12-31", 97.1),
      ("Hà Giang", "bhyt_plan_coverage_pct", "2023-12-31", 96.5),
      ("Cao Bằng", "bhyt_coverage_pct", "2023-12-31", 98.2),
      ("Cao Bằng", "bhyt_plan_coverage_pct", "2023-12-31", 98.0)}),
    ("Mục tiêu của tỉnh Bắc Ninh: đến 2025 có 50% lực lượng lao động trong độ tuổi tham gia "
     "BHXH, đến 2030 đạt 60%.", "2022-06-01", None,
     {("Bắc Ninh", "bhxh_plan_coverage_pct", "2025-12-31", 50.0),
      ("Bắc Ninh", "bhxh_plan_coverage_pct", "2030-12-31", 60.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", PLAN_HEAVY,
                         ids=[f"plan{i}" for i in range(len(PLAN_HEAVY))])
def test_plan_heavy_passages(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)


def test_a_breakdown_of_participants_by_place() -> None:
    text = ("Tính đến 30/6/2024, toàn tỉnh Hà Tĩnh có 52.300 người tham gia BHXH tự nguyện. "
            "Trong đó, huyện Kỳ Anh 6.100 người, huyện Hương Khê 4.800 người.")
    df = run(text, published="2024-07-10")
    assert readings(df) == {
        ("Hà Tĩnh", "bhxh_voluntary_participants", "2024-06-30", 52300.0),
        ("Kỳ Anh", "bhxh_voluntary_participants", "2024-06-30", 6100.0),
        ("Hương Khê", "bhxh_voluntary_participants", "2024-06-30", 4800.0),
    }


#: Own passages, 7th round (common phrasings of provincial releases not seen before).
ROUND7 = [
    ("Tỷ lệ người dân có thẻ BHYT của huyện Mường Tè ước đạt 99,2%.", "2023-12-20",
     "Lai Châu", {("Mường Tè", "bhyt_coverage_pct", "2023-12-20", 99.2)}),
    ("Tính đến ngày 31/7/2024, công tác phát triển người tham gia tiếp tục có chuyển biến. "
     "Về BHTN, toàn thành phố Cần Thơ có 185.200 người tham gia, đạt 101,2% kế hoạch năm.",
     "2024-08-10", None,
     {("Cần Thơ", "bhtn_participants", "2024-07-31", 185200.0),
      ("Cần Thơ", "bhtn_attainment_pct", "2024-07-31", 101.2)}),
    ("Trong 10 tháng, BHXH huyện Krông Pắc đã phát triển được 1.450 người tham gia BHXH tự "
     "nguyện mới, nâng tổng số người tham gia lên 6.830 người. Trong 6 tháng tới, huyện "
     "phấn đấu phát triển thêm 500 người.", "2024-11-05", "Đắk Lắk",
     {("Krông Pắc", "bhxh_voluntary_new_participants", "2024-10-31", 1450.0),
      ("Krông Pắc", "bhxh_voluntary_participants", "2024-10-31", 6830.0),
      ("Krông Pắc", "bhxh_voluntary_plan_new_participants", "2024-12-31", 500.0)}),
    ("Năm 2025, Chính phủ giao chỉ tiêu tỷ lệ lực lượng lao động trong độ tuổi tham gia BHTN "
     "đạt 35%.", "2025-01-10", None,
     {("Việt Nam", "bhtn_plan_coverage_pct", "2025-12-31", 35.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", ROUND7,
                         ids=[f"r7_{i}" for i in range(len(ROUND7))])
def test_round7_passages(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)


#: Own passages, 8th round: one or more per failure class of set 11 (own wording, each
#: with its expected figures written before it was run). (text, published, hint, rows)
