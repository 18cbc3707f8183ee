"""``bhxh extract``: the classes of the fifth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Fifth blind set").
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

BLIND5_CLASSES = [
    # "từ nay đến cuối năm còn phải vận động thêm N người": the year's end is the need's
    # horizon, the shortfall keeps the status date (the plan keeps its year); "Như vậy"
    # carries the sentence before's date, never its target's horizon
    ("Đến hết tháng 6/2020, tỉnh Sơn La có 9.410 người tham gia BHXH tự nguyện. Năm 2020, "
     "HĐND tỉnh giao chỉ tiêu đến cuối năm đạt 12.000 người tham gia BHXH tự nguyện. Như "
     "vậy, từ nay đến cuối năm tỉnh còn phải vận động thêm 2.590 người.", "2020-07-20", None,
     {("Sơn La", "bhxh_voluntary_participants", "2020-06-30", 9_410.0),
      ("Sơn La", "bhxh_voluntary_plan_participants", "2020-12-31", 12_000.0),
      ("Sơn La", "bhxh_voluntary_shortfall_participants", "2020-06-30", 2_590.0)}),
    # "Năm Y, tỉnh được giao chỉ tiêu x%; như vậy còn thiếu N người": the bare year is
    # the plan's, neither the shortfall's date nor the next sentence's
    ("Đến cuối tháng 10/2021, tỉnh Sóc Trăng có 1.050.000 người tham gia BHYT, đạt 88,2% "
     "dân số. Năm 2021, tỉnh được giao chỉ tiêu 90,5% dân số tham gia BHYT; như vậy còn "
     "thiếu khoảng 27.000 người. Số người tham gia BHTN là 61.200 người.", "2021-11-15",
     None,
     {("Sóc Trăng", "bhyt_participants", "2021-10-31", 1_050_000.0),
      ("Sóc Trăng", "bhyt_coverage_pct", "2021-10-31", 88.2),
      ("Sóc Trăng", "bhyt_plan_coverage_pct", "2021-12-31", 90.5),
      ("Sóc Trăng", "bhyt_shortfall_participants", "2021-10-31", 27_000.0),
      ("Sóc Trăng", "bhtn_participants", "2021-10-31", 61_200.0)}),
    # "Theo kế hoạch, đến hết năm Y tỷ lệ … phải đạt x%, số người … đạt N người": targets,
    # not an attainment and a year-end count
    ("Tính đến 30/9/2022, tỉnh Bình Thuận có 24.300 người tham gia BHXH tự nguyện. Theo "
     "kế hoạch, đến hết năm 2022 tỷ lệ bao phủ BHYT của tỉnh phải đạt 91,2%, số người "
     "tham gia BHXH tự nguyện đạt 27.500 người.", "2022-10-12", None,
     {("Bình Thuận", "bhxh_voluntary_participants", "2022-09-30", 24_300.0),
      ("Bình Thuận", "bhyt_plan_coverage_pct", "2022-12-31", 91.2),
      ("Bình Thuận", "bhxh_voluntary_plan_participants", "2022-12-31", 27_500.0)}),
    # districts' counts in a list: "B đạt x% kế hoạch với N người" (the count the rate is
    # of, not the plan) and "B có N người, còn thiếu M người" after "A … tham gia …, còn
    # thiếu …" (the item's stock, not a second shortfall)
    ("Đến 30/6/2022, huyện Mường Tè (Lai Châu) có 410 người tham gia BHXH tự nguyện, bằng "
     "55% chỉ tiêu giao; huyện Phong Thổ đạt 63,2% kế hoạch với 530 người.", "2022-07-10",
     None,
     {("Mường Tè", "bhxh_voluntary_participants", "2022-06-30", 410.0),
      ("Mường Tè", "bhxh_voluntary_attainment_pct", "2022-06-30", 55.0),
      ("Phong Thổ", "bhxh_voluntary_attainment_pct", "2022-06-30", 63.2),
      ("Phong Thổ", "bhxh_voluntary_participants", "2022-06-30", 530.0)}),
    ("Đến 30/9/2022, huyện Si Ma Cai (Lào Cai) mới có 198 người tham gia BHXH tự nguyện, "
     "còn thiếu 152 người so với kế hoạch; huyện Mường Khương có 305 người, còn thiếu 95 "
     "người.", "2022-10-10", None,
     {("Si Ma Cai", "bhxh_voluntary_participants", "2022-09-30", 198.0),
      ("Si Ma Cai", "bhxh_voluntary_shortfall_participants", "2022-09-30", 152.0),
      ("Mường Khương", "bhxh_voluntary_participants", "2022-09-30", 305.0),
      ("Mường Khương", "bhxh_voluntary_shortfall_participants", "2022-09-30", 95.0)}),
    # "So với chỉ tiêu … (BHXH 42%), tỷ lệ này còn thấp hơn 1,5%": points under the plan
    # named before them, not a plan
    ("Đến 31/12/2023, tỷ lệ lao động tham gia BHXH của tỉnh Bắc Ninh đạt 40,5%. So với "
     "chỉ tiêu UBND tỉnh giao năm 2023 (BHXH 42%), tỷ lệ này còn thấp hơn 1,5%.",
     "2024-01-15", None,
     {("Bắc Ninh", "bhxh_coverage_pct", "2023-12-31", 40.5),
      ("Bắc Ninh", "bhxh_plan_coverage_pct", "2023-12-31", 42.0),
      ("Bắc Ninh", "bhxh_shortfall_pp", "2023-12-31", 1.5)}),
    # "tương đương khoảng N người" after a target's rate: the plan in persons
    ("Đến 30/9/2017, tỉnh Bến Tre có 1.100.000 người tham gia BHYT, đạt 87,3% dân số. Chỉ "
     "tiêu HĐND tỉnh đề ra cho năm 2017 là 89% dân số có thẻ BHYT, tương đương khoảng "
     "1.122.000 người.", "2017-10-10", None,
     {("Bến Tre", "bhyt_participants", "2017-09-30", 1_100_000.0),
      ("Bến Tre", "bhyt_coverage_pct", "2017-09-30", 87.3),
      ("Bến Tre", "bhyt_plan_coverage_pct", "2017-12-31", 89.0),
      ("Bến Tre", "bhyt_plan_participants", "2017-12-31", 1_122_000.0)}),
    # … after points under a plan whose rate is in a remark: the shortfall in persons
    ("Tính đến 31/7, tỉnh Điện Biên có 580.100 người tham gia BHYT, đạt 94,2% dân số; còn "
     "thiếu 0,8% so với chỉ tiêu được giao năm 2023 (95%), tương đương khoảng 5.000 người.",
     "2023-08-10", None,
     {("Điện Biên", "bhyt_participants", "2023-07-31", 580_100.0),
      ("Điện Biên", "bhyt_coverage_pct", "2023-07-31", 94.2),
      ("Điện Biên", "bhyt_shortfall_pp", "2023-07-31", 0.8),
      ("Điện Biên", "bhyt_plan_coverage_pct", "2023-12-31", 95.0),
      ("Điện Biên", "bhyt_shortfall_participants", "2023-07-31", 5_000.0)}),
    # a headline's rounded gain ("có thêm hơn N người") repeats the body's exact count of
    # new participants: one candidate, the exact one
    ("Quý II/2023, Bình Dương có thêm hơn 4.500 người tham gia BHXH tự nguyện\n\nQuý "
     "II/2023, toàn tỉnh Bình Dương có 4.562 người tham gia BHXH tự nguyện mới, nâng tổng "
     "số lên 30.120 người.", "2023-07-15", None,
     {("Bình Dương", "bhxh_voluntary_new_participants", "2023-06-30", 4_562.0),
      ("Bình Dương", "bhxh_voluntary_participants", "2023-06-30", 30_120.0)}),
    # one figure said of each of several communes ("mỗi xã đều có trên N người"): skipped
    ("Đến hết tháng 5/2019, huyện Quảng Ninh (Quảng Bình) có 1.230 người tham gia BHXH tự "
     "nguyện. Các xã Vạn Ninh, Hiền Ninh, Gia Ninh mỗi xã đều có trên 80 người tham gia.",
     "2019-06-10", None,
     {("Quảng Ninh", "bhxh_voluntary_participants", "2019-05-31", 1_230.0)}),
    # the population stated as current ("hiện khoảng") is dated the publication day
    ("Tính đến 30/6, tỉnh Lào Cai có 720.300 người tham gia BHYT. Dân số toàn tỉnh hiện "
     "khoảng 770.000 người.", "2022-07-20", None,
     {("Lào Cai", "bhyt_participants", "2022-06-30", 720_300.0),
      ("Lào Cai", "population", "2022-07-20", 770_000.0)}),
    # communes named bare after a district's coverage ("Một số xã có tỷ lệ thấp như A
    # đạt x%, B đạt y%"): each commune's coverage, resolved inside the district
    ("Đến 30/6/2022, ở huyện Sìn Hồ (Lai Châu), tỷ lệ bao phủ BHYT đạt 92,1%. Một số xã "
     "có tỷ lệ thấp như Pa Tần đạt 88,4%, Nậm Cha đạt 89,6%, Làng Mô đạt 90%.",
     "2022-07-15", None,
     {("Sìn Hồ", "bhyt_coverage_pct", "2022-06-30", 92.1),
      ("Pa Tần", "bhyt_coverage_pct", "2022-06-30", 88.4),
      ("Nậm Cha", "bhyt_coverage_pct", "2022-06-30", 89.6),
      ("Làng Mô", "bhyt_coverage_pct", "2022-06-30", 90.0)}),
    # "Ở xã A, xã … của huyện, tỷ lệ này chỉ đạt x%": the commune's rate (the district in
    # the apposition describes the commune)
    ("Đến 31/3/2023, tỷ lệ bao phủ BHYT của huyện Hớn Quản (Bình Phước) đạt 87,1%. Ở xã "
     "Tân Hưng, xã vùng sâu của huyện, tỷ lệ này chỉ đạt 80,5%.", "2023-04-10", None,
     {("Hớn Quản", "bhyt_coverage_pct", "2023-03-31", 87.1),
      ("Tân Hưng", "bhyt_coverage_pct", "2023-03-31", 80.5)}),
    # a sibling district's rate after a district's ("huyện A đạt x%. Trong khi đó, thành
    # phố B đạt y%"): B's coverage
    ("Đến cuối tháng 8/2020, tỷ lệ bao phủ BHYT của tỉnh Đồng Tháp đạt 90,3%; huyện Tháp "
     "Mười đạt 88,1%. Trong khi đó, thành phố Sa Đéc đạt 93,6%.", "2020-09-10", None,
     {("Đồng Tháp", "bhyt_coverage_pct", "2020-08-31", 90.3),
      ("Tháp Mười", "bhyt_coverage_pct", "2020-08-31", 88.1),
      ("Sa Đéc", "bhyt_coverage_pct", "2020-08-31", 93.6)}),
    # "Để đạt chỉ tiêu x% mà HĐND tỉnh giao năm Y, …": the plan's rate, not a target
    # share of a plan
    ("Tính đến 30/6/2021, tỉnh Gia Lai có 1.310.000 người tham gia BHYT, đạt 88,9% dân số. "
     "Để đạt chỉ tiêu 91,5% mà HĐND tỉnh giao năm 2021, tỉnh cần vận động thêm 39.000 "
     "người.", "2021-07-20", None,
     {("Gia Lai", "bhyt_participants", "2021-06-30", 1_310_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2021-06-30", 88.9),
      ("Gia Lai", "bhyt_plan_coverage_pct", "2021-12-31", 91.5),
      ("Gia Lai", "bhyt_shortfall_participants", "2021-06-30", 39_000.0)}),
    # an over-achievement ("vượt 35 người", a negative shortfall since 5 December 2026) is
    # not carried to the next item after ";" that has its own cue ("huyện B mới có 160 …")
    ("Đến 30/9/2021, huyện Chư Sê (Gia Lai) có 890 người tham gia BHXH tự nguyện, đạt 104% "
     "kế hoạch, vượt 35 người; huyện Ia Pa mới có 160 người tham gia.", "2021-10-10", None,
     {("Chư Sê", "bhxh_voluntary_participants", "2021-09-30", 890.0),
      ("Chư Sê", "bhxh_voluntary_attainment_pct", "2021-09-30", 104.0),
      ("Chư Sê", "bhxh_voluntary_shortfall_participants", "2021-09-30", -35.0),
      ("Ia Pa", "bhxh_voluntary_participants", "2021-09-30", 160.0)}),
    # "xã A, tỉnh B có …" (a unit, a comma, the province that holds it): the commune's
    # figure, as with brackets "xã A (tỉnh B)"
    ("Đến 30/6/2023, xã Nậm Cha, tỉnh Lai Châu có 312 người tham gia BHXH tự nguyện; "
     "huyện Tủa Chùa, tỉnh Điện Biên có 640 người.", "2023-07-10", None,
     {("Nậm Cha", "bhxh_voluntary_participants", "2023-06-30", 312.0),
      ("Tủa Chùa", "bhxh_voluntary_participants", "2023-06-30", 640.0)}),
    # staff counted in persons ("N người tham gia làm nhân viên thu") are not participants
    ("Đến 30/6/2023, tỉnh Nghệ An có 2.950.000 người tham gia BHYT. Toàn tỉnh có 310 điểm "
     "thu với 1.200 người tham gia làm nhân viên thu.", "2023-07-10", None,
     {("Nghệ An", "bhyt_participants", "2023-06-30", 2_950_000.0)}),
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND5_CLASSES,
                         ids=[f"blind5_class_{i}" for i in range(len(BLIND5_CLASSES))])
def test_fifth_blind_set_classes(text, published, hint, expected) -> None:
    check_passage(text, published, hint, expected)
