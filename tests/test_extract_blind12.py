"""``bhxh extract``: the classes of the twelfth blind passage set (whole-document places).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twelfth blind set: the
rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests
from test_extract import check_passage

from bhxh_analysis import extract as ex

BLIND12_CLASSES = [
    # a dateline's place ("Hà Nội, 08/01/2025 - …", a place, a comma, a date, a dash at
    # a paragraph's start) is where the text was filed: a national release is the nation's
    ("BÁO CÁO NĂM 2024 CỦA NGÀNH BHXH\n\nHà Nội, 08/01/2025 - Năm 2024, dù kinh tế cả "
     "nước còn khó khăn, ngành BHXH đạt nhiều kết quả:\n- Số người tham gia BHYT đạt 95,5 "
     "triệu người.\n- Số người tham gia BHTN đạt 15,2 triệu người.", "2025-01-08", None,
     {("Việt Nam", "bhyt_participants", "2024-12-31", 95_500_000.0),
      ("Việt Nam", "bhtn_participants", "2024-12-31", 15_200_000.0)}),
    # control: a dateline with no other place named: the dateline's place is the subject
    ("Hà Nội, 08/01/2025 - Đến hết năm 2024, toàn thành phố có 7.950.000 người tham gia "
     "BHYT.", "2025-01-08", None,
     {("Hà Nội", "bhyt_participants", "2024-12-31", 7_950_000.0)}),
    # control: a provincial article datelined "Hà Nội" about Hà Nội stays Hà Nội's
    ("Hà Nội, 08/01/2025 - Đến hết năm 2024, thành phố Hà Nội có 7.950.000 người tham "
     "gia BHYT.", "2025-01-08", None,
     {("Hà Nội", "bhyt_participants", "2024-12-31", 7_950_000.0)}),
    # a former province named after the 2025 province that took it in ("tỉnh A (sau khi
    # hợp nhất với tỉnh B và tỉnh C)"), figures dated on or after 1/7/2025: the 2025
    # province's, in that sentence and the next
    ("Đến hết năm 2025, tỉnh Lâm Đồng (sau khi hợp nhất với tỉnh Đắk Nông và tỉnh Bình "
     "Thuận) có 3.250.000 người tham gia BHYT. Số người tham gia BHXH tự nguyện là 61.400 "
     "người.", "2026-01-20", None,
     {("Lâm Đồng", "bhyt_participants", "2025-12-31", 3_250_000.0),
      ("Lâm Đồng", "bhxh_voluntary_participants", "2025-12-31", 61_400.0)}),
    # control: a former province's own figure ("tỉnh B cũ có …") keeps its place
    ("Đến hết năm 2025, tỉnh Lâm Đồng có 3.250.000 người tham gia BHYT; tỉnh Đắk Nông cũ "
     "có 590.000 người tham gia BHYT.", "2026-01-20", None,
     {("Lâm Đồng", "bhyt_participants", "2025-12-31", 3_250_000.0),
      ("Đắk Nông", "bhyt_participants", "2025-12-31", 590_000.0)}),
    # control: before 1/7/2025 the two provinces are each their own
    ("Đến 31/3/2025, tỉnh Lâm Đồng có 1.300.000 người tham gia BHYT, tỉnh Đắk Nông có "
     "590.000 người tham gia BHYT.", "2025-04-20", None,
     {("Lâm Đồng", "bhyt_participants", "2025-03-31", 1_300_000.0),
      ("Đắk Nông", "bhyt_participants", "2025-03-31", 590_000.0)}),
    # the persons of a gap measured against a plan's rate ("còn thiếu x điểm so với chỉ
    # tiêu y% …, tương đương khoảng N người"): a shortfall, not the plan's persons
    ("Đến hết tháng 6/2024, tỉnh Hà Tĩnh có 1.190.000 người tham gia BHYT, đạt 92,1% dân "
     "số, còn thiếu 2,4 điểm phần trăm so với chỉ tiêu 94,5% được giao năm 2024, tương "
     "đương khoảng 31.000 người.", "2024-07-10", None,
     {("Hà Tĩnh", "bhyt_participants", "2024-06-30", 1_190_000.0),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2024-06-30", 92.1),
      ("Hà Tĩnh", "bhyt_shortfall_pp", "2024-06-30", 2.4),
      ("Hà Tĩnh", "bhyt_plan_coverage_pct", "2024-12-31", 94.5),
      ("Hà Tĩnh", "bhyt_shortfall_participants", "2024-06-30", 31_000.0)}),
    # control: the plan's own rate, then "tương đương": the plan's persons
    ("Đến hết tháng 6/2024, tỉnh Hà Tĩnh có 1.190.000 người tham gia BHYT, đạt 92,1% dân "
     "số, còn thiếu 2,4 điểm phần trăm; chỉ tiêu năm 2024 là 94,5% dân số, tương đương "
     "khoảng 1.220.000 người.", "2024-07-10", None,
     {("Hà Tĩnh", "bhyt_participants", "2024-06-30", 1_190_000.0),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2024-06-30", 92.1),
      ("Hà Tĩnh", "bhyt_shortfall_pp", "2024-06-30", 2.4),
      ("Hà Tĩnh", "bhyt_plan_coverage_pct", "2024-12-31", 94.5),
      ("Hà Tĩnh", "bhyt_plan_participants", "2024-12-31", 1_220_000.0)}),
    # "phấn đấu vận động thêm N người để hoàn thành chỉ tiêu": what is still needed
    ("Tính đến 31/10/2024, tỉnh Quảng Bình có 24.800 người tham gia BHXH tự nguyện. Ban "
     "Giám đốc yêu cầu các phòng phấn đấu vận động thêm tối thiểu 1.350 người để hoàn "
     "thành chỉ tiêu BHXH tự nguyện năm 2024.", "2024-11-05", None,
     {("Quảng Bình", "bhxh_voluntary_participants", "2024-10-31", 24_800.0),
      ("Quảng Bình", "bhxh_voluntary_shortfall_participants", "2024-10-31", 1_350.0)}),
    # controls: a target of new participants with no plan to complete; a plan named
    # before the count ("Kế hoạch … giao phát triển thêm N người để …") stays the plan
    ("Tính đến 31/10/2024, tỉnh Quảng Bình có 24.800 người tham gia BHXH tự nguyện. Năm "
     "2025, tỉnh phấn đấu phát triển thêm 3.000 người tham gia BHXH tự nguyện.",
     "2024-11-05", None,
     {("Quảng Bình", "bhxh_voluntary_participants", "2024-10-31", 24_800.0),
      ("Quảng Bình", "bhxh_voluntary_plan_new_participants", "2025-12-31", 3_000.0)}),
    ("Tính đến 31/10/2024, tỉnh Quảng Bình có 24.800 người tham gia BHXH tự nguyện. Kế "
     "hoạch năm 2025 giao phát triển thêm 3.000 người để hoàn thành mục tiêu Nghị quyết "
     "28.", "2024-11-05", None,
     {("Quảng Bình", "bhxh_voluntary_participants", "2024-10-31", 24_800.0),
      ("Quảng Bình", "bhxh_voluntary_plan_new_participants", "2025-12-31", 3_000.0)}),
    # a BHXH total's split in brackets after it: the compulsory and voluntary parts; the
    # rate after the bracket is the total's
    ("Đến hết tháng 6/2023, số người tham gia BHXH của tỉnh Trà Vinh là 92.300 người (bắt "
     "buộc 70.100 người, tự nguyện 22.200 người), chiếm 16,8% lực lượng lao động trong độ "
     "tuổi.", "2023-07-10", None,
     {("Trà Vinh", "bhxh_participants", "2023-06-30", 92_300.0),
      ("Trà Vinh", "bhxh_compulsory_participants", "2023-06-30", 70_100.0),
      ("Trà Vinh", "bhxh_voluntary_participants", "2023-06-30", 22_200.0),
      ("Trà Vinh", "bhxh_coverage_pct", "2023-06-30", 16.8)}),
    # control: a count in brackets after a BHXH total that is no part of it (a change)
    ("Đến hết tháng 6/2023, tỉnh Trà Vinh có 92.300 người tham gia BHXH (tăng 2.100 người "
     "so với cùng kỳ).", "2023-07-10", None,
     {("Trà Vinh", "bhxh_participants", "2023-06-30", 92_300.0),
      ("Trà Vinh", "bhxh_change_participants", "2023-06-30", 2_100.0)}),
    # places listed together, then as many values joined by "và", without "lần lượt"
    # ("xã A và xã B chỉ đạt x% và y%"): the n-th value is the n-th place's
    ("Tính đến 30/9/2023, huyện Krông Pa có tỷ lệ bao phủ BHYT đạt 93,6%, trong khi xã Ia "
     "Rsai và xã Chư Drăng chỉ đạt 84,1% và 87,9%.", "2023-10-10", "Gia Lai",
     {("Krông Pa", "bhyt_coverage_pct", "2023-09-30", 93.6),
      ("Ia RSai", "bhyt_coverage_pct", "2023-09-30", 84.1),
      ("Chư Drăng", "bhyt_coverage_pct", "2023-09-30", 87.9)}),
    # control: three places and two values: no order to read, no row (as are examples,
    # "như A, B đạt x% và y%", tests/test_extract_blind11.py)
    ("Tính đến 30/9/2023, huyện Krông Pa có tỷ lệ bao phủ BHYT đạt 93,6%, trong khi xã Ia "
     "Rsai, xã Chư Drăng và xã Ia Hiao chỉ đạt 84,1% và 87,9%.", "2023-10-10", "Gia Lai",
     {("Krông Pa", "bhyt_coverage_pct", "2023-09-30", 93.6)}),
    # a count right after its coverage rate (", tương ứng N người"): the participants
    ("Năm 2018, tăng trưởng kinh tế của tỉnh Sóc Trăng ước đạt 7,1%; tỷ lệ dân số tham gia "
     "BHYT ước đạt 88,1%, tương ứng 1.061.000 người; số người tham gia BHTN ước đạt 48.200 "
     "người.", "2019-01-10", None,
     {("Sóc Trăng", "bhyt_coverage_pct", "2018-12-31", 88.1),
      ("Sóc Trăng", "bhyt_participants", "2018-12-31", 1_061_000.0),
      ("Sóc Trăng", "bhtn_participants", "2018-12-31", 48_200.0)}),
    # controls: those still without a card, and a change, after the rate are no stock
    ("Năm 2018, tỷ lệ dân số tham gia BHYT của tỉnh Sóc Trăng đạt 88,1%, tương đương còn "
     "khoảng 155.000 người chưa có thẻ BHYT.", "2019-01-10", None,
     {("Sóc Trăng", "bhyt_coverage_pct", "2018-12-31", 88.1)}),
    ("Năm 2018, tỷ lệ dân số tham gia BHYT của tỉnh Sóc Trăng đạt 88,1%, tương ứng tăng "
     "21.000 người so với năm 2017.", "2019-01-10", None,
     {("Sóc Trăng", "bhyt_coverage_pct", "2018-12-31", 88.1),
      ("Sóc Trăng", "bhyt_change_participants", "2018-12-31", 21_000.0)}),
    # a list of planned rates goes on with an item named by its scheme only ("…; BHTN
    # đạt 29%; …"): a plan of that scheme
    ("Năm 2025, tỉnh Hòa Bình phấn đấu: tỷ lệ tham gia BHXH đạt 38% lực lượng lao động "
     "trong độ tuổi; BHTN đạt 29%; tỷ lệ bao phủ BHYT đạt 95,2% dân số.", "2025-01-10", None,
     {("Hoà Bình", "bhxh_plan_coverage_pct", "2025-12-31", 38.0),
      ("Hoà Bình", "bhtn_plan_coverage_pct", "2025-12-31", 29.0),
      ("Hoà Bình", "bhyt_plan_coverage_pct", "2025-12-31", 95.2)}),
    # control: an item with more than its scheme ("hiện BHTN mới đạt 26%") is no plan
    ("Năm 2025, tỉnh Hòa Bình phấn đấu tỷ lệ tham gia BHXH đạt 38% lực lượng lao động "
     "trong độ tuổi; hiện BHTN mới đạt 26%.", "2025-01-10", None,
     {("Hoà Bình", "bhxh_plan_coverage_pct", "2025-12-31", 38.0)}),
]


test_blind12_classes = class_tests(BLIND12_CLASSES)


def test_a_2025_commune_named_like_a_former_district() -> None:
    """"xã Chi Lăng" on a page published after 1/7/2025: two legacy communes of Lạng Sơn
    bear the name, one 2025 commune does — the 2025 commune, not huyện Chi Lăng; on a page
    of 2024 (control) the 2025 commune is not taken."""
    text = ("Đến cuối tháng 8/{y}, tỷ lệ bao phủ BHYT của tỉnh Lạng Sơn đạt 96,2%. Vài xã có "
            "tỷ lệ bao phủ BHYT thấp hơn bình quân toàn tỉnh như xã Chi Lăng (90,9%), xã "
            "Hữu Lũng (93,1%).")
    df = check_passage(text.format(y=2025), "2025-09-20", None,
                       {("Lạng Sơn", "bhyt_coverage_pct", "2025-08-31", 96.2),
                        ("Chi Lăng", "bhyt_coverage_pct", "2025-08-31", 90.9),
                        ("Hữu Lũng", "bhyt_coverage_pct", "2025-08-31", 93.1)})
    row = df[df["geo_name"] == "Chi Lăng"].iloc[0]
    assert (row.geo_level, row.boundaries) == ("commune", "2025")
    before = ex.extract_text(text.format(y=2024), published="2024-09-20")
    assert not ((before["geo_level"] == "commune") & (before["boundaries"] == "2025")
                & (before["geo_name"] == "Chi Lăng")).any()
