"""``bhxh extract``: the classes of the sixteenth blind passage set (district pages, an
infographic, official reports).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Sixteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

from bhxh_analysis import extract as ex

BLIND16_CLASSES = [
    # a reason clause after a rate ("…, chủ yếu do nhóm hộ gia đình …") names the cause's
    # scheme, not the rate's: the communes' rates stay BHYT coverage
    ("Đến 30/6/2023, huyện Lộc Bình có 79.800 người tham gia BHYT, đạt 94,2% dân số. Xã "
     "Tú Đoạn và xã Khánh Xuân có tỷ lệ lần lượt 90,3% và 89,6%, một phần do nhóm hộ gia "
     "đình không gia hạn thẻ.", "2023-07-12", None,
     {("Lộc Bình", "bhyt_coverage_pct", "2023-06-30", 94.2),
      ("Lộc Bình", "bhyt_participants", "2023-06-30", 79_800.0),
      ("Tú Đoạn", "bhyt_coverage_pct", "2023-06-30", 90.3),
      ("Khánh Xuân", "bhyt_coverage_pct", "2023-06-30", 89.6)}),
    # control: the household scheme named as the rate's own subject stays the household's
    ("Đến 30/6/2023, huyện Lộc Bình có 79.800 người tham gia BHYT. Tỷ lệ tham gia BHYT "
     "hộ gia đình đạt 71,5%.", "2023-07-12", None,
     {("Lộc Bình", "bhyt_participants", "2023-06-30", 79_800.0),
      ("Lộc Bình", "bhyt_household_coverage_pct", "2023-06-30", 71.5)}),
    # a smaller place's single rate after a judgement ("còn thấp, chỉ đạt"; "vẫn dẫn đầu
    # với") in a sentence of its own, after the larger place's coverage: its coverage
    ("Đến 31/3/2021, huyện Lục Yên có 103.200 người tham gia BHYT, đạt 93,8% dân số. Xã "
     "Minh Tiến vẫn thấp, chỉ đạt 88,4%. Xã Phan Thanh tiếp tục dẫn đầu với 99,1%.",
     "2021-04-06", None,
     {("Lục Yên", "bhyt_participants", "2021-03-31", 103_200.0),
      ("Lục Yên", "bhyt_coverage_pct", "2021-03-31", 93.8),
      ("Minh Tiến", "bhyt_coverage_pct", "2021-03-31", 88.4),
      ("Phan Thanh", "bhyt_coverage_pct", "2021-03-31", 99.1)}),
    # control: the sentence names its own scheme: that scheme's rate
    ("Đến 31/3/2021, huyện Lục Yên có 103.200 người tham gia BHYT, đạt 93,8% dân số. Xã "
     "Minh Tiến vẫn thấp, tỷ lệ tham gia BHXH tự nguyện chỉ đạt 1,9%.",
     "2021-04-06", None,
     {("Lục Yên", "bhyt_participants", "2021-03-31", 103_200.0),
      ("Lục Yên", "bhyt_coverage_pct", "2021-03-31", 93.8),
      ("Minh Tiến", "bhxh_voluntary_coverage_pct", "2021-03-31", 1.9)}),
    # an infographic's blocks: a count closing a block ("Tăng mới:⏎3.150 người") is of
    # the block's heading, not of the next block's heading past the blank line
    ("BHXH TỈNH NINH THUẬN⏎SỐ LIỆU 6 THÁNG NĂM 2024⏎⏎BHXH TỰ NGUYỆN⏎21.640 người⏎Tăng "
     "mới:⏎3.150 người⏎⏎BẢO HIỂM THẤT NGHIỆP⏎58.900 người⏎⏎BẢO HIỂM Y TẾ⏎565.300 người"
     .replace("⏎", "\n"), "2024-07-08", None,
     {("Ninh Thuận", "bhxh_voluntary_participants", "2024-06-30", 21_640.0),
      ("Ninh Thuận", "bhxh_voluntary_new_participants", "2024-06-30", 3_150.0),
      ("Ninh Thuận", "bhtn_participants", "2024-06-30", 58_900.0),
      ("Ninh Thuận", "bhyt_participants", "2024-06-30", 565_300.0)}),
    # control: a line wrapped inside a sentence ("người tham gia⏎BHXH tự nguyện") keeps
    # the scheme after it
    ("Đến 30/6/2024, tỉnh Ninh Thuận phát triển mới 3.150 người tham gia\nBHXH tự "
     "nguyện.", "2024-07-08", None,
     {("Ninh Thuận", "bhxh_voluntary_new_participants", "2024-06-30", 3_150.0)}),
    # workers laid off ("cho 145 lao động nghỉ việc") in a sentence on growth not made
    # are no new participants
    ("Tính đến 30/6/2021, huyện Trấn Yên có 4.920 người tham gia BHXH bắt buộc. Một số "
     "doanh nghiệp may phải cho 145 lao động nghỉ việc tạm thời nên chưa phát triển thêm "
     "được người tham gia BHTN.", "2021-07-05", None,
     {("Trấn Yên", "bhxh_compulsory_participants", "2021-06-30", 4_920.0)}),
    # control: workers newly joining, not leaving, stay new participants
    ("Tính đến 30/6/2021, huyện Trấn Yên có 4.920 người tham gia BHXH bắt buộc. Các "
     "doanh nghiệp may đã phát triển thêm 145 lao động tham gia BHTN.", "2021-07-05", None,
     {("Trấn Yên", "bhxh_compulsory_participants", "2021-06-30", 4_920.0),
      ("Trấn Yên", "bhtn_new_participants", "2021-06-30", 145.0)}),
    # an economy's growth in a list of targets ("Tăng trưởng GRDP đạt 8%") is no plan
    # of the scheme of the item before
    ("Thống nhất các chỉ tiêu năm 2025 của tỉnh Kon Tum như sau:\na) Tỷ lệ bao phủ BHYT "
     "đạt 95% dân số;\nb) Phát triển mới 4.000 người tham gia BHXH tự nguyện;\nc) Tăng "
     "trưởng GRDP đạt 8%; giảm tỷ lệ hộ nghèo 3%.", "2024-12-20", None,
     {("Kon Tum", "bhyt_plan_coverage_pct", "2025-12-31", 95.0),
      ("Kon Tum", "bhxh_voluntary_plan_new_participants", "2025-12-31", 4_000.0)}),
    # control: a scheme's rate after growth is named in its clause stays the scheme's
    ("Năm 2025, cùng với tăng trưởng GRDP, tỉnh Kon Tum phấn đấu tỷ lệ bao phủ BHYT đạt "
     "95% dân số.", "2024-12-20", None,
     {("Kon Tum", "bhyt_plan_coverage_pct", "2025-12-31", 95.0)}),
    # a plan printed inside a gap's sentence ("thấp hơn chỉ tiêu … là 93,8% khoảng 1,2
    # điểm phần trăm"): the plan's rate, then the gap in points
    ("Đến hết năm 2023, tỉnh Bắc Ninh có tỷ lệ bao phủ BHYT đạt 92,6% dân số, thấp hơn "
     "chỉ tiêu UBND tỉnh giao năm 2023 là 93,8% khoảng 1,2 điểm phần trăm.", "2024-01-15",
     None,
     {("Bắc Ninh", "bhyt_coverage_pct", "2023-12-31", 92.6),
      ("Bắc Ninh", "bhyt_plan_coverage_pct", "2023-12-31", 93.8),
      ("Bắc Ninh", "bhyt_shortfall_pp", "2023-12-31", 1.2)}),
    # … and with the plan's giver between the plan and the points
    ("Đến hết năm 2023, tỉnh Bắc Ninh có tỷ lệ bao phủ BHYT đạt 92,6% dân số, còn thấp "
     "hơn chỉ tiêu 93,8% theo Nghị quyết của Tỉnh ủy 1,2 điểm phần trăm.", "2024-01-15",
     None,
     {("Bắc Ninh", "bhyt_coverage_pct", "2023-12-31", 92.6),
      ("Bắc Ninh", "bhyt_plan_coverage_pct", "2023-12-31", 93.8),
      ("Bắc Ninh", "bhyt_shortfall_pp", "2023-12-31", 1.2)}),
    # control: a gap with no plan's rate printed is the gap alone
    ("Đến hết năm 2023, tỉnh Bắc Ninh có tỷ lệ bao phủ BHYT đạt 92,6% dân số, thấp hơn "
     "chỉ tiêu năm 2023 là 1,2 điểm phần trăm.", "2024-01-15", None,
     {("Bắc Ninh", "bhyt_coverage_pct", "2023-12-31", 92.6),
      ("Bắc Ninh", "bhyt_shortfall_pp", "2023-12-31", 1.2)}),
]


test_blind16_classes = class_tests(BLIND16_CLASSES)


def test_gold_parent_named_like_its_province(tmp_path) -> None:
    """A gold commune whose parent is printed as "Yên Bái" (the province, and its city;
    two communes of the province bear the name) matches the commune of the city: the
    parent is read as the district too."""
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "file,url,published,place_hint,geo_name,parent,indicator,as_of,value\n"
        "a.txt,,2023-05-10,,xã Tân Thịnh,Yên Bái,bhyt_coverage_pct,2023-04-30,"
        "93.7\n", encoding="utf-8")
    text = ("Đến 30/4/2023, thành phố Yên Bái có 101.000 người tham gia BHYT; xã Tân "
            "Thịnh đạt tỷ lệ bao phủ BHYT 93,7%.")
    cand = ex.extract_text(text, published="2023-05-10").assign(file="a.txt")
    assert ex.score(ex.read_gold(gold), cand).n_matched == 1
