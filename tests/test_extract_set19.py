"""``bhxh extract``: the classes an unseen set of pages (set 19) misread (issue 15).

Each passage was written for these tests in our own wording (never a page's; places from
the registry, figures invented) and failed before the rule it pins was written
(``docs/extract.md``, "Set 19 classes"). Controls show where a rule must not fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

# (text, published, place_hint, {(place, indicator, as_of, value)})
SET19_CLASSES = [
    # a page with no date line opening on a plan document's signing date ("Kế hoạch số
    # …-KH/TU ngày d/m/y"): that date is no publication day, so "Năm 2023" is no future
    # year (no plan), nor the date of a later paragraph that prints none: that paragraph
    # takes the year the page stated ("Năm 2023, …"; eleventh round, class 1 of
    # test_extract_set20.py — it was left undated before that round)
    ("Thực hiện Kế hoạch số 41-KH/TU ngày 12/9/2019 của Tỉnh ủy về chính sách BHXH, huyện "
     "Cầu Ngang triển khai nhiều giải pháp.\n\nNăm 2023, huyện Cầu Ngang có 7.410 người "
     "tham gia BHXH.\n\nBên cạnh đó, huyện Cầu Ngang có 5.120 người tham gia BHTN.",
     None, "Trà Vinh",
     {("Cầu Ngang", "bhxh_participants", "2023-12-31", 7_410.0),
      ("Cầu Ngang", "bhtn_participants", "2023-12-31", 5_120.0)}),
    # control: an event's date at the top is still the page's day
    ("Ngày 12/9/2023, BHXH huyện Cầu Ngang tổ chức hội nghị.\n\nHiện huyện Cầu Ngang có "
     "5.120 người tham gia BHTN.", None, "Trà Vinh",
     {("Cầu Ngang", "bhtn_participants", "2023-09-12", 5_120.0)}),
    # a list of aims whose last item names its scheme after its base ("94% dân số BHYT"):
    # that scheme, not the one of the item before
    ("Năm 2024, tỉnh Quảng Ngãi phấn đấu có 30% lực lượng lao động trong độ tuổi tham gia "
     "BHXH, 25% lực lượng lao động tham gia BHTN, 94% dân số BHYT.", "2024-03-02", None,
     {("Quảng Ngãi", "bhxh_plan_coverage_pct", "2024-12-31", 30.0),
      ("Quảng Ngãi", "bhtn_plan_coverage_pct", "2024-12-31", 25.0),
      ("Quảng Ngãi", "bhyt_plan_coverage_pct", "2024-12-31", 94.0)}),
    # control: a scheme after the base's comma is the next clause's, not the rate's own
    ("Hết năm 2023, tỷ lệ bao phủ BHYT của tỉnh Quảng Ngãi đạt 94% dân số, BHXH tự nguyện "
     "có 21.300 người tham gia.", "2024-03-02", None,
     {("Quảng Ngãi", "bhyt_coverage_pct", "2023-12-31", 94.0),
      ("Quảng Ngãi", "bhxh_voluntary_participants", "2023-12-31", 21_300.0)}),
    # "so chỉ tiêu" (without "với") after a rate: the attainment of the plan
    ("Hiện nay, tỷ lệ người dân tham gia BHYT của huyện Tam Bình là 77,1%, đạt 95,8% so "
     "chỉ tiêu nghị quyết.", "2018-10-05", "Vĩnh Long",
     {("Tam Bình", "bhyt_coverage_pct", "2018-10-05", 77.1),
      ("Tam Bình", "bhyt_attainment_pct", "2018-10-05", 95.8)}),
    # control: "so cùng kỳ" names no plan
    ("Hiện nay, tỷ lệ người dân tham gia BHYT của huyện Tam Bình đạt 77,1%, tăng 3,2% so "
     "cùng kỳ.", "2018-10-05", "Vĩnh Long",
     {("Tam Bình", "bhyt_coverage_pct", "2018-10-05", 77.1)}),
    # an effort's purpose "góp phần đạt tỉ lệ … năm Y đạt X%": the rate to reach, a plan
    ("Đợt ra quân nhằm vận động người dân, cùng góp phần đạt tỉ lệ bao phủ BHXH năm 2024 "
     "đạt 35% lực lượng trong độ tuổi lao động.", "2024-03-10", "Yên Bái",
     {("Yên Bái", "bhxh_plan_coverage_pct", "2024-12-31", 35.0)}),
    # control: "góp phần nâng tỉ lệ … năm Y đạt X%" told after the year is a result
    ("Các giải pháp đã góp phần nâng tỉ lệ bao phủ BHXH năm 2023 đạt 31,2% lực lượng lao "
     "động.", "2024-03-10", "Yên Bái",
     {("Yên Bái", "bhxh_coverage_pct", "2023-12-31", 31.2)}),
    # a statement opened by a resolution ("Theo Nghị quyết Huyện ủy … năm Y, tỷ lệ … đạt
    # X%"): the resolution's aim for that year
    ("Theo Nghị quyết Huyện ủy Tam Bình năm 2018, tỷ lệ người dân tham gia BHYT đạt 80,5%.",
     "2018-10-05", "Vĩnh Long",
     {("Tam Bình", "bhyt_plan_coverage_pct", "2018-12-31", 80.5)}),
    # control: a status under the resolution is a result
    ("Theo Nghị quyết Huyện ủy Tam Bình năm 2018, đến nay tỷ lệ người dân tham gia BHYT đã "
     "đạt 78,4%.", "2018-10-05", "Vĩnh Long",
     {("Tam Bình", "bhyt_coverage_pct", "2018-10-05", 78.4)}),
    # "bảo hiểm bắt buộc" (no "xã hội") in a BHXH breakdown: compulsory BHXH, its count,
    # change and share "so với tổng số" (of the labour force named before), as for
    # "bảo hiểm tự nguyện"
    ("Năm 2023, huyện Cầu Ngang có 7.410 người tham gia bảo hiểm xã hội, đạt tỷ lệ 10,5% so "
     "với tổng lực lượng lao động; trong đó, có 5.300 người tham gia bảo hiểm bắt buộc, đạt "
     "tỷ lệ 7,6% so với tổng số (tăng 1.250 người so với năm 2020) và có 2.110 người tham "
     "gia bảo hiểm tự nguyện, đạt 2,9% so với tổng số.", "2024-01-20", "Trà Vinh",
     {("Cầu Ngang", "bhxh_participants", "2023-12-31", 7_410.0),
      ("Cầu Ngang", "bhxh_coverage_pct", "2023-12-31", 10.5),
      ("Cầu Ngang", "bhxh_compulsory_participants", "2023-12-31", 5_300.0),
      ("Cầu Ngang", "bhxh_compulsory_coverage_pct", "2023-12-31", 7.6),
      ("Cầu Ngang", "bhxh_compulsory_change_participants", "2023-12-31", 1_250.0),
      ("Cầu Ngang", "bhxh_voluntary_participants", "2023-12-31", 2_110.0),
      ("Cầu Ngang", "bhxh_voluntary_coverage_pct", "2023-12-31", 2.9)}),
    # control: "so với tổng số" with no base named in the sentence is no coverage
    ("Năm 2023, huyện Cầu Ngang có 2.110 người tham gia BHXH tự nguyện, đạt 28% so với "
     "tổng số.", "2024-01-20", "Trà Vinh",
     {("Cầu Ngang", "bhxh_voluntary_participants", "2023-12-31", 2_110.0)}),
    # a rate after a pair of unit counts ("71/71 xã, đạt 100%") in a list after a coverage:
    # the share of those communes, no coverage
    ("Tính đến hết năm 2023, số người tham gia bảo hiểm y tế trên địa bàn tỉnh Gia Lai là "
     "1.352.000 người, đạt tỷ lệ 92%; tỷ lệ xã đạt chuẩn quốc gia về y tế là 204/220 xã, "
     "đạt 92,7%.", "2024-03-01", None,
     {("Gia Lai", "bhyt_participants", "2023-12-31", 1_352_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2023-12-31", 92.0)}),
    # control: a pair of persons before the rate keeps it a coverage
    ("Năm 2023, xã Ia Pếch có 8.120/8.900 người tham gia BHYT, đạt 91,2%.", "2024-03-01",
     "Gia Lai",
     {("Ia Pếch", "bhyt_participants", "2023-12-31", 8_120.0),
      ("Ia Pếch", "population", "2023-12-31", 8_900.0),
      ("Ia Pếch", "bhyt_coverage_pct", "2023-12-31", 91.2)}),
    # schemes named together after a rate, the list running past the words read at first
    # ("… tham gia BHYT và bảo hiểm tự nguyện"): no scheme's rate
    ("Huyện Krông Nô đã cấp nhiều thẻ. Hiện có 95,2% người dân trong huyện tham gia BHYT và "
     "bảo hiểm tự nguyện.", "2019-02-01", "Đắk Nông", set()),
    # control: one scheme, then other words
    ("Huyện Krông Nô đã cấp nhiều thẻ. Hiện có 95,2% người dân trong huyện tham gia BHYT và "
     "được khám chữa bệnh.", "2019-02-01", "Đắk Nông",
     {("Krông Nô", "bhyt_coverage_pct", "2019-02-01", 95.2)}),
    # control: "bảo hiểm y tế bắt buộc" stays health insurance
    ("Năm 2023, huyện Cầu Ngang có 41.200 người tham gia bảo hiểm y tế bắt buộc.",
     "2024-01-20", "Trà Vinh",
     {("Cầu Ngang", "bhyt_participants", "2023-12-31", 41_200.0)}),
]


@pytest.mark.parametrize(("text", "published", "hint", "expected"), SET19_CLASSES)
def test_set19_class(text: str, published: str | None, hint: str | None,
                     expected: set[tuple]) -> None:
    check_passage(text, published, hint, expected)
