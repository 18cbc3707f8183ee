"""``bhxh extract``: the classes of the tenth blind passage set (web pages pasted as text).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Tenth blind set: the
rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND10_CLASSES = [
    # a list of other articles' headlines under a heading of its own line after the body
    # ("Bài liên quan:"): page furniture, the reader stops there
    ("Đến hết tháng 9/2024, tỉnh Tây Ninh có 1.020.000 người tham gia BHYT.\n"
     "Ảnh: Cán bộ BHXH tư vấn cho người dân.\n"
     "Bài liên quan:\n"
     "- Huyện Gò Dầu đạt 94% dân số tham gia BHYT\n"
     "- Tây Ninh có 41.000 người tham gia BHXH tự nguyện", "2024-10-08", None,
     {("Tây Ninh", "bhyt_participants", "2024-09-30", 1_020_000.0)}),
    # the same in capitals with another heading ("XEM THÊM")
    ("Tính đến 30/6/2023, tỉnh Bắc Giang có 52.000 người tham gia BHXH tự nguyện.\n\n"
     "XEM THÊM\n"
     "Huyện Lục Nam có 3.100 người tham gia BHXH tự nguyện", "2023-07-12", None,
     {("Bắc Giang", "bhxh_voluntary_participants", "2023-06-30", 52_000.0)}),
    # control: one link "Đọc thêm: headline" inside the body is blanked, the body after it
    # is still read
    ("Tính đến 30/6/2023, tỉnh Bắc Giang có 52.000 người tham gia BHXH tự nguyện.\n"
     "Đọc thêm: Huyện Lục Nam có 3.100 người tham gia BHXH tự nguyện\n"
     "Cùng thời điểm, toàn tỉnh có 1.750.000 người tham gia BHYT.", "2023-07-12", None,
     {("Bắc Giang", "bhxh_voluntary_participants", "2023-06-30", 52_000.0),
      ("Bắc Giang", "bhyt_participants", "2023-06-30", 1_750_000.0)}),
    # control: the words inside a sentence are no heading
    ("Tính đến 31/12/2022, tỉnh Vĩnh Phúc có 1.080.000 người tham gia BHYT. Các tin liên "
     "quan đến BHXH được đăng trên cổng thông tin của tỉnh. Toàn tỉnh có 36.000 người tham "
     "gia BHXH tự nguyện.", "2023-01-10", None,
     {("Vĩnh Phúc", "bhyt_participants", "2022-12-31", 1_080_000.0),
      ("Vĩnh Phúc", "bhxh_voluntary_participants", "2022-12-31", 36_000.0)}),
    # control: a heading above the body (a menu line before any sentence) does not end
    # the page
    ("Tin khác\nĐến hết tháng 9/2024, tỉnh Tây Ninh có 1.020.000 người tham gia BHYT.",
     "2024-10-08", None,
     {("Tây Ninh", "bhyt_participants", "2024-09-30", 1_020_000.0)}),
    # a commune's page: "xã A (huyện B, tỉnh C)" names A's parents in brackets; A stays
    # the place in play and "toàn xã" its figures (they went to the province, named last)
    ("Xã Nghĩa Lâm nỗ lực mở rộng BHYT\nNhững năm gần đây, xã Nghĩa Lâm (huyện Nghĩa "
     "Hưng, Nam Định) coi BHYT là nhiệm vụ trọng tâm.\nĐến ngày 30/6/2023, toàn xã có 7.450 "
     "người tham gia BHYT, đạt 91,2% dân số. Số người tham gia BHXH tự nguyện là 210 người."
     "\nẢnh: Cán bộ xã Nghĩa Lâm tuyên truyền tại nhà văn hóa.", "2023-07-10", None,
     {("Nghĩa Lâm", "bhyt_participants", "2023-06-30", 7_450.0),
      ("Nghĩa Lâm", "bhyt_coverage_pct", "2023-06-30", 91.2),
      ("Nghĩa Lâm", "bhxh_voluntary_participants", "2023-06-30", 210.0)}),
    # one bracketed parent with its kind ("(huyện B)") before the figure: A's figure, not
    # B's (the name closing the bracket had been read as the figure's bare place)
    ("Tính đến 30/6/2023, xã Nghĩa Lâm (huyện Nghĩa Hưng) có 7.450 người tham gia BHYT.",
     "2023-07-10", None, {("Nghĩa Lâm", "bhyt_participants", "2023-06-30", 7_450.0)}),
    # control: two units each with its bracketed parent are two places, each its figure
    ("Đến 30/6/2023, xã Nghĩa Lâm (huyện Nghĩa Hưng) đạt 91,2% dân số tham gia BHYT; "
     "huyện Lục Ngạn (Bắc Giang) đạt 93,5% dân số tham gia BHYT.", "2023-07-10", None,
     {("Nghĩa Lâm", "bhyt_coverage_pct", "2023-06-30", 91.2),
      ("Lục Ngạn", "bhyt_coverage_pct", "2023-06-30", 93.5)}),
    # a province's figures, then after ';' a city's rate: the city is the next clause's
    # subject, not the place of the figures before the ';' (they went to the city, then to
    # the district listed last)
    ("Tính đến 31/12/2022, tỉnh Bắc Ninh có 60.500 người tham gia BHXH tự nguyện. BHYT có "
     "1.390.000 người tham gia, đạt 92,4% dân số; thành phố Từ Sơn đạt 95,1%, huyện Lương "
     "Tài 90,2%.", "2023-01-16", None,
     {("Bắc Ninh", "bhxh_voluntary_participants", "2022-12-31", 60_500.0),
      ("Bắc Ninh", "bhyt_participants", "2022-12-31", 1_390_000.0),
      ("Bắc Ninh", "bhyt_coverage_pct", "2022-12-31", 92.4),
      ("Từ Sơn", "bhyt_coverage_pct", "2022-12-31", 95.1),
      ("Lương Tài", "bhyt_coverage_pct", "2022-12-31", 90.2)}),
    # control: a place named before the ';' keeps the figures before it
    ("Tính đến 31/12/2022, huyện Gia Bình có 98.000 người tham gia BHYT, đạt 93,0% dân số; "
     "huyện Lương Tài đạt 90,2%.", "2023-01-16", None,
     {("Gia Bình", "bhyt_participants", "2022-12-31", 98_000.0),
      ("Gia Bình", "bhyt_coverage_pct", "2022-12-31", 93.0),
      ("Lương Tài", "bhyt_coverage_pct", "2022-12-31", 90.2)}),
    # a caption line that goes on with a sentence of figures ("Ảnh: … huyện A …. Huyện
    # miền núi này có tỷ lệ … x%"): body text, "huyện … này" the district it named (the
    # rate went to the province)
    ("Tính đến 30/9/2021, tỉnh Quảng Ngãi có 1.130.000 người tham gia BHYT.\nẢnh: Cán bộ "
     "BHXH huyện Ba Tơ đến từng thôn vận động. Huyện miền núi này có tỷ lệ bao phủ BHYT "
     "97,8%.\nToàn tỉnh có 25.000 người tham gia BHXH tự nguyện.", "2021-10-12", None,
     {("Quảng Ngãi", "bhyt_participants", "2021-09-30", 1_130_000.0),
      ("Ba Tơ", "bhyt_coverage_pct", "2021-09-30", 97.8),
      ("Quảng Ngãi", "bhxh_voluntary_participants", "2021-09-30", 25_000.0)}),
    # control: a caption of one sentence names no place in play
    ("Tính đến 30/9/2021, tỉnh Quảng Ngãi có 1.130.000 người tham gia BHYT.\nẢnh: Cán bộ "
     "BHXH huyện Ba Tơ đến từng thôn vận động năm 2021.\nToàn tỉnh có 25.000 người tham gia "
     "BHXH tự nguyện.", "2021-10-12", None,
     {("Quảng Ngãi", "bhyt_participants", "2021-09-30", 1_130_000.0),
      ("Quảng Ngãi", "bhxh_voluntary_participants", "2021-09-30", 25_000.0)}),
    # a bare coverage after a count of another scheme is of the last coverage's scheme:
    # district rates after household BHYT's count (read as household coverage) …
    ("Tính đến 30/6/2022, tỉnh Phú Thọ có 1.390.000 người tham gia BHYT, đạt 94,2% dân số. "
     "Số người tham gia BHYT hộ gia đình còn 280.000 người. Tỷ lệ bao phủ tại huyện Tân "
     "Sơn chỉ đạt 90,6%, huyện Yên Lập 91,9%.", "2022-07-15", None,
     {("Phú Thọ", "bhyt_participants", "2022-06-30", 1_390_000.0),
      ("Phú Thọ", "bhyt_coverage_pct", "2022-06-30", 94.2),
      ("Phú Thọ", "bhyt_household_participants", "2022-06-30", 280_000.0),
      ("Tân Sơn", "bhyt_coverage_pct", "2022-06-30", 90.6),
      ("Yên Lập", "bhyt_coverage_pct", "2022-06-30", 91.9)}),
    # … and a district's after voluntary BHXH's count (read as voluntary coverage)
    ("Tính đến 30/6/2022, tỉnh Phú Thọ có 1.390.000 người tham gia BHYT, đạt 94,2% dân số. "
     "BHXH tự nguyện có 41.000 người. Huyện Tân Sơn đạt tỷ lệ bao phủ thấp nhất tỉnh với "
     "90,6%.", "2022-07-15", None,
     {("Phú Thọ", "bhyt_participants", "2022-06-30", 1_390_000.0),
      ("Phú Thọ", "bhyt_coverage_pct", "2022-06-30", 94.2),
      ("Phú Thọ", "bhxh_voluntary_participants", "2022-06-30", 41_000.0),
      ("Tân Sơn", "bhyt_coverage_pct", "2022-06-30", 90.6)}),
    # control: a coverage naming its own scheme keeps it
    ("Tính đến 30/6/2022, tỉnh Phú Thọ có 1.390.000 người tham gia BHYT, đạt 94,2% dân số. "
     "Tỷ lệ tham gia BHXH tự nguyện tại huyện Tân Sơn đạt 3,1% lực lượng lao động.",
     "2022-07-15", None,
     {("Phú Thọ", "bhyt_participants", "2022-06-30", 1_390_000.0),
      ("Phú Thọ", "bhyt_coverage_pct", "2022-06-30", 94.2),
      ("Tân Sơn", "bhxh_voluntary_coverage_pct", "2022-06-30", 3.1)}),
    # the share of a group without a card ("khoảng 40% lao động làm thuê theo mùa vụ chưa
    # có thẻ") is no coverage (it was read as the province's)
    ("Tính đến 31/7/2019, tỉnh Cà Mau có 1.050.000 người tham gia BHYT, đạt 87,9% dân số. "
     "Ông Lê Văn An cho biết khoảng 40% lao động làm thuê theo mùa vụ chưa có thẻ BHYT.",
     "2019-08-12", None,
     {("Cà Mau", "bhyt_participants", "2019-07-31", 1_050_000.0),
      ("Cà Mau", "bhyt_coverage_pct", "2019-07-31", 87.9)}),
    # control: a rate of people with a card, then those without in another clause
    ("Tính đến 31/7/2019, tỉnh Cà Mau có 87,9% người dân có thẻ BHYT, số người chưa có thẻ "
     "tập trung ở vùng ven biển.", "2019-08-12", None,
     {("Cà Mau", "bhyt_coverage_pct", "2019-07-31", 87.9)}),
    # a plan someone set, printed as "chỉ tiêu … được (UBND tỉnh) giao là x%" or "chỉ tiêu
    # x% được giao" in a sentence of its own or beside an attainment (all were unread)
    ("Tính đến 30/9/2021, huyện Quế Phong có 64.000 người tham gia BHYT, đạt 94,1% dân số. "
     "Theo UBND huyện, chỉ tiêu năm 2021 được tỉnh giao là 96%.", "2021-10-08", None,
     {("Quế Phong", "bhyt_participants", "2021-09-30", 64_000.0),
      ("Quế Phong", "bhyt_coverage_pct", "2021-09-30", 94.1),
      ("Quế Phong", "bhyt_plan_coverage_pct", "2021-12-31", 96.0)}),
    ("Hết năm 2023, tỉnh Bình Phước có 905.000 người tham gia BHYT, đạt 92,3% dân số, bằng "
     "100,3% chỉ tiêu 92% được giao.", "2024-01-12", None,
     {("Bình Phước", "bhyt_participants", "2023-12-31", 905_000.0),
      ("Bình Phước", "bhyt_coverage_pct", "2023-12-31", 92.3),
      ("Bình Phước", "bhyt_attainment_pct", "2023-12-31", 100.3),
      ("Bình Phước", "bhyt_plan_coverage_pct", "2023-12-31", 92.0)}),
    # control: a rate before the plan word stays the attainment
    ("Hết năm 2023, tỉnh Bình Phước có 41.000 người tham gia BHXH tự nguyện, đạt 96,5% kế "
     "hoạch được giao.", "2024-01-12", None,
     {("Bình Phước", "bhxh_voluntary_participants", "2023-12-31", 41_000.0),
      ("Bình Phước", "bhxh_voluntary_attainment_pct", "2023-12-31", 96.5)}),
    # "đơn vị" as places named with their kind before each rate ("Nhiều đơn vị có tỷ lệ
    # cao như xã A 98,7%, thị trấn B 97,9%"), no subgroup of employers (both were skipped)
    ("Tính đến 30/6/2022, huyện Yên Thành có 250.000 người tham gia BHYT, đạt 93,2% dân "
     "số. Nhiều đơn vị có tỷ lệ cao như xã Hoa Thành 98,7%, thị trấn Yên Thành 97,9%.",
     "2022-07-12", None,
     {("Yên Thành", "bhyt_participants", "2022-06-30", 250_000.0),
      ("Yên Thành", "bhyt_coverage_pct", "2022-06-30", 93.2),
      ("Hoa Thành", "bhyt_coverage_pct", "2022-06-30", 98.7),
      ("Yên Thành", "bhyt_coverage_pct", "2022-06-30", 97.9)}),
    # control: employers ("đơn vị sử dụng lao động") stay a subgroup
    ("Tính đến 30/6/2022, huyện Yên Thành có 250.000 người tham gia BHYT, đạt 93,2% dân "
     "số. Các đơn vị sử dụng lao động đã đóng đủ 96% số phải thu.", "2022-07-12", None,
     {("Yên Thành", "bhyt_participants", "2022-06-30", 250_000.0),
      ("Yên Thành", "bhyt_coverage_pct", "2022-06-30", 93.2)}),
]


test_blind10_classes = class_tests(BLIND10_CLASSES)
