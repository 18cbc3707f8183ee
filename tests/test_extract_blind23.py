"""``bhxh extract``: the classes of the twenty-third blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Twenty-third blind
set: the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

BLIND23_CLASSES = [
    # an infographic's two-line title set in capitals that lists its schemes with a
    # comma ("… BHXH, BHYT NĂM 2025"): its year dates the blocks, not the publication
    ("QUẢNG NGÃI\nTOÀN CẢNH BHXH, BHYT NĂM 2025\n\nBHYT\n1.180.000 người\n\nBHTN\n"
     "95.200 người", "2026-01-20", None,
     {("Quảng Ngãi", "bhyt_participants", "2025-12-31", 1_180_000.0),
      ("Quảng Ngãi", "bhtn_participants", "2025-12-31", 95_200.0)}),
    # control: a second line in ordinary case with a comma is a lead, not the title
    ("Tin BHXH\nTheo BHXH tỉnh Quảng Ngãi, năm 2025 khả quan\n\nBHYT\n1.180.000 người\n\n"
     "BHTN\n95.200 người", "2026-01-20", None,
     {("Quảng Ngãi", "bhyt_participants", "2026-01-20", 1_180_000.0),
      ("Quảng Ngãi", "bhtn_participants", "2026-01-20", 95_200.0)}),
    # a sentence opened as a comparison ("Để so sánh, cuối năm 2022 …"): its year dates
    # its own figure, not the next paragraph's, which keeps the article's status date
    ("Đến hết tháng 9/2026, tỉnh Thái Nguyên có 412.000 người tham gia BHXH. Để so sánh, "
     "cuối năm 2022 tỉnh có 301.000 người tham gia BHXH.\n\nVề BHYT, tỉnh có 1.690.000 "
     "người tham gia.", "2026-10-15", None,
     {("Thái Nguyên", "bhxh_participants", "2026-09-30", 412_000.0),
      ("Thái Nguyên", "bhxh_participants", "2022-12-31", 301_000.0),
      ("Thái Nguyên", "bhyt_participants", "2026-09-30", 1_690_000.0)}),
    # control: a dated sentence that is no comparison dates the paragraphs after it
    ("Đến hết tháng 9/2026, tỉnh Thái Nguyên có 412.000 người tham gia BHXH. Cuối năm "
     "2022, tỉnh có 301.000 người tham gia BHXH.\n\nVề BHYT, tỉnh có 1.690.000 người "
     "tham gia.", "2026-10-15", None,
     {("Thái Nguyên", "bhxh_participants", "2026-09-30", 412_000.0),
      ("Thái Nguyên", "bhxh_participants", "2022-12-31", 301_000.0),
      ("Thái Nguyên", "bhyt_participants", "2022-12-31", 1_690_000.0)}),
    # a BHXH total's split as list items under its block ("- Bắt buộc: …") or after
    # "trong đó" without brackets: the compulsory and voluntary parts
    ("QUẢNG NGÃI\nTOÀN CẢNH BHXH NĂM 2025\n\nBHXH\n300.000 người tham gia\n\n- Bắt buộc: "
     "250.000 người\n- Tự nguyện: 50.000 người\n\nBHYT\n1.180.000 người", "2026-01-20", None,
     {("Quảng Ngãi", "bhxh_participants", "2025-12-31", 300_000.0),
      ("Quảng Ngãi", "bhxh_compulsory_participants", "2025-12-31", 250_000.0),
      ("Quảng Ngãi", "bhxh_voluntary_participants", "2025-12-31", 50_000.0),
      ("Quảng Ngãi", "bhyt_participants", "2025-12-31", 1_180_000.0)}),
    ("Năm 2025, tỉnh Quảng Ngãi có 300.000 người tham gia BHXH, trong đó bắt buộc 250.000 "
     "người, tự nguyện 50.000 người.", "2026-01-20", None,
     {("Quảng Ngãi", "bhxh_participants", "2025-12-31", 300_000.0),
      ("Quảng Ngãi", "bhxh_compulsory_participants", "2025-12-31", 250_000.0),
      ("Quảng Ngãi", "bhxh_voluntary_participants", "2025-12-31", 50_000.0)}),
    # control: such an item under a BHYT block is no part of BHXH
    ("QUẢNG NGÃI\nTOÀN CẢNH BHYT NĂM 2025\n\nBHYT\n1.180.000 người tham gia\n\n- Tự "
     "nguyện: 50.000 người", "2026-01-20", None,
     {("Quảng Ngãi", "bhyt_participants", "2025-12-31", 1_180_000.0)}),
    # places' rates in brackets after a larger place's rate ("… như xã A (99,2%), phường
    # B (95,1%)"): each the smaller place's coverage, as "xã A đạt 99,2%" is
    ("Đến hết tháng 5/2026, tỉnh Khánh Hòa có 1.880.000 người tham gia BHYT, tỷ lệ bao phủ "
     "đạt 94,0% dân số. Riêng địa bàn tỉnh Ninh Thuận cũ, tỷ lệ bao phủ đạt 93,1%; một số "
     "đơn vị có tỷ lệ cao như xã Cam Lâm (99,2%), phường Cam Ranh (95,1%).", "2026-06-10",
     None,
     {("Khánh Hòa", "bhyt_participants", "2026-05-31", 1_880_000.0),
      ("Khánh Hòa", "bhyt_coverage_pct", "2026-05-31", 94.0),
      ("Ninh Thuận", "bhyt_coverage_pct", "2026-05-31", 93.1),
      ("Cam Lâm", "bhyt_coverage_pct", "2026-05-31", 99.2),
      ("Cam Ranh", "bhyt_coverage_pct", "2026-05-31", 95.1)}),
    # control: bracketed percents after places with no rate read before are no coverage
    ("Đến hết tháng 5/2026, tỉnh Khánh Hòa có 1.880.000 người tham gia BHYT. Một số đơn vị "
     "có mức thu tăng như xã Cam Lâm (12,5%), phường Cam Ranh (9,1%).", "2026-06-10", None,
     {("Khánh Hòa", "bhyt_participants", "2026-05-31", 1_880_000.0)}),
    # the plan still to be met opening a quotation after a colon ("… nhấn mạnh: “Để hoàn
    # thành chỉ tiêu …, … phải vận động thêm N người”"): what is still needed
    ("Tính đến 30/6/2026, tỉnh Gia Lai có 201.000 người tham gia BHXH. Giám đốc BHXH tỉnh "
     "nhấn mạnh: “Để hoàn thành chỉ tiêu năm 2026, toàn ngành phải vận động thêm khoảng "
     "24.000 người trong sáu tháng cuối năm”.", "2026-07-08", None,
     {("Gia Lai", "bhxh_participants", "2026-06-30", 201_000.0),
      ("Gia Lai", "bhxh_shortfall_participants", "2026-06-30", 24_000.0)}),
    # control: a quoted aim with no plan to be met stays a plan
    ("Tính đến 30/6/2026, tỉnh Gia Lai có 201.000 người tham gia BHXH. Giám đốc BHXH tỉnh "
     "nhấn mạnh: “Trong sáu tháng cuối năm, toàn ngành phấn đấu vận động thêm khoảng "
     "24.000 người tham gia BHXH tự nguyện”.", "2026-07-08", None,
     {("Gia Lai", "bhxh_participants", "2026-06-30", 201_000.0),
      ("Gia Lai", "bhxh_voluntary_plan_participants", "2026-12-31", 24_000.0)}),
]

test_blind23_classes = class_tests(BLIND23_CLASSES)
