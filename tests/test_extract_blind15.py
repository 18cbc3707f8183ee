"""``bhxh extract``: the classes of the fifteenth blind passage set (text layouts).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Fifteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from blindcase import class_tests

_PDF = ("BẢO HIỂM XÃ HỘI VIỆT NAM        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BẢO HIỂM XÃ HỘI TỈNH HÀ TĨNH        Độc lập - Tự do - Hạnh phúc\n"
        "Số: 77/BC-BHXH        Hà Tĩnh, ngày 08 tháng 7 năm 2023\n\n"
        "BÁO CÁO\nTình hình thực hiện chính sách BHXH, BHYT 6 tháng đầu năm 2023\n\n"
        "Đến ngày 30/6/2023, số người tham gia BHYT toàn tỉnh đạt 1.201.300 người, tỷ lệ\n"
        "bao phủ 91,8% dân số; số người tham gia BHTN là 88.400 người. Cụ thể:\n\n"
        "STT | Đối tượng | Số người tham gia (người) | Tăng so với cùng kỳ (người)\n"
        "1 | BHXH bắt buộc | 95.120 | 2.310\n"
        "2 | BHXH tự nguyện | 41.770 | 3.045\n\n"
        "BHXH tỉnh Hà Tĩnh                          Trang 2/4\n"
        "____________________________________________\n\n"
        "Một số huyện có tỷ lệ bao phủ BHYT thấp như huyện\n"
        "Kỳ Anh đạt 88,2%.\n")

BLIND15_CLASSES = [
    # a report copied from a PDF: the office in a two-column letterhead is the place of
    # "toàn tỉnh" (the date line "Hà Tĩnh, ngày …" in the header does not hide it); a
    # numbered table of schemes: the row's scheme, the column's measure (a rise in
    # persons is the change), the row number no place; a footer and a rule are no
    # text; a sentence wrapped across lines joins ("huyện\nKỳ Anh")
    (_PDF, "2023-07-08", None,
     {("Hà Tĩnh", "bhyt_participants", "2023-06-30", 1_201_300.0),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2023-06-30", 91.8),
      ("Hà Tĩnh", "bhtn_participants", "2023-06-30", 88_400.0),
      ("Hà Tĩnh", "bhxh_compulsory_participants", "2023-06-30", 95_120.0),
      ("Hà Tĩnh", "bhxh_compulsory_change_participants", "2023-06-30", 2_310.0),
      ("Hà Tĩnh", "bhxh_voluntary_participants", "2023-06-30", 41_770.0),
      ("Hà Tĩnh", "bhxh_voluntary_change_participants", "2023-06-30", 3_045.0),
      ("Kỳ Anh", "bhyt_coverage_pct", "2023-06-30", 88.2)}),
    # control: a table whose change column may fall ("Tăng/giảm") keeps it unread
    ("Đến ngày 30/6/2023, tỉnh Hà Tĩnh có số người tham gia như sau:\n"
     "TT | Loại hình | Số người tham gia | Tăng/giảm so với cùng kỳ | Tỷ lệ bao phủ (%)\n"
     "1 | BHXH bắt buộc | 95.120 | 2.310 | 14,2\n", "2023-07-08", None,
     {("Hà Tĩnh", "bhxh_compulsory_participants", "2023-06-30", 95_120.0),
      ("Hà Tĩnh", "bhxh_compulsory_coverage_pct", "2023-06-30", 14.2)}),
    # an infographic's short lines: the heading naming a scheme says what the bare count
    # under it counts ("Trên 118 nghìn người", its parts "• Bắt buộc: …" under BHXH's);
    # "% dân số" is BHYT's base, "% lực lượng
    # lao động" a labour-force scheme's (the next heading is no scheme of the rate)
    ("GIA LAI: BHXH, BHYT 6 THÁNG ĐẦU NĂM 2024\n\nTính đến hết tháng 6\n\nBẢO HIỂM Y TẾ\n"
     "1,52 triệu người\nBao phủ: 90,4% dân số\n\nBẢO HIỂM XÃ HỘI\nTrên 118 nghìn người\n"
     "16,8% lực lượng lao động\nTrong đó:\n• Bắt buộc: 101.300 người\n• Tự nguyện: 16.900 "
     "người\n\nBẢO HIỂM THẤT NGHIỆP\n97.250 người\n", "2024-07-15", None,
     {("Gia Lai", "bhyt_participants", "2024-06-30", 1_520_000.0),
      ("Gia Lai", "bhyt_coverage_pct", "2024-06-30", 90.4),
      ("Gia Lai", "bhxh_participants", "2024-06-30", 118_000.0),
      ("Gia Lai", "bhxh_coverage_pct", "2024-06-30", 16.8),
      ("Gia Lai", "bhxh_compulsory_participants", "2024-06-30", 101_300.0),
      ("Gia Lai", "bhxh_voluntary_participants", "2024-06-30", 16_900.0),
      ("Gia Lai", "bhtn_participants", "2024-06-30", 97_250.0)}),
    # controls: a labour-force rate after a BHTN count stays BHTN's; a line with other
    # words than the count ("Đã chi trả cho …") is no count of the heading's scheme
    ("Đến hết tháng 6/2024, tỉnh Gia Lai có 97.250 người tham gia BHTN, chiếm 12,5% lực "
     "lượng lao động.", "2024-07-15", None,
     {("Gia Lai", "bhtn_participants", "2024-06-30", 97_250.0),
      ("Gia Lai", "bhtn_coverage_pct", "2024-06-30", 12.5)}),
    ("Tỉnh Gia Lai\n\nBẢO HIỂM XÃ HỘI\nĐã chi trả cho 118 nghìn người\n", "2024-07-15",
     None, set()),
    # a word of today inside an answer ("hiện có …") dates its own paragraph; the next
    # answer's undated rates take the status date said before it again
    ("Tính đến 30/6/2023, toàn tỉnh Trà Vinh có 955.000 người tham gia BHYT. Nhóm hộ gia "
     "đình khó nhất: hiện có 301.200 người tham gia BHYT theo hộ gia đình.\n\nPV: Địa "
     "phương nào còn thấp?\n\nÔng Sơn: Huyện Cầu Ngang có tỷ lệ bao phủ BHYT đạt 86,5%.",
     "2023-07-12", None,
     {("Trà Vinh", "bhyt_participants", "2023-06-30", 955_000.0),
      ("Trà Vinh", "bhyt_household_participants", "2023-07-12", 301_200.0),
      ("Cầu Ngang", "bhyt_coverage_pct", "2023-06-30", 86.5)}),
    # control: in the same paragraph as "hiện có", an undated rate is today's too
    ("Tính đến 30/6/2023, toàn tỉnh Trà Vinh có 955.000 người tham gia BHYT. Nhóm hộ gia "
     "đình khó nhất: hiện có 301.200 người tham gia BHYT theo hộ gia đình. Huyện Cầu "
     "Ngang có tỷ lệ bao phủ BHYT đạt 86,5%.", "2023-07-12", None,
     {("Trà Vinh", "bhyt_participants", "2023-06-30", 955_000.0),
      ("Trà Vinh", "bhyt_household_participants", "2023-07-12", 301_200.0),
      ("Cầu Ngang", "bhyt_coverage_pct", "2023-07-12", 86.5)}),
    # the bare kind as the receiver of a plan ("tỉnh giao huyện là 600 người") is the
    # district in play, not a commune of it named before
    ("Đến hết tháng 9/2022, xã Sính Phình đã có 41 người tham gia BHXH tự nguyện. Toàn "
     "huyện Tủa Chùa có 530 người tham gia BHXH tự nguyện. Chỉ tiêu năm 2022 tỉnh giao "
     "huyện là 600 người, do đó còn thiếu 70 người.", "2022-10-20", None,
     {("Sính Phình", "bhxh_voluntary_participants", "2022-09-30", 41.0),
      ("Tủa Chùa", "bhxh_voluntary_participants", "2022-09-30", 530.0),
      ("Tủa Chùa", "bhxh_voluntary_plan_participants", "2022-12-31", 600.0),
      ("Tủa Chùa", "bhxh_voluntary_shortfall_participants", "2022-09-30", 70.0)}),
    # control: "giao tỉnh" after a district's figure is the province's plan
    ("Đến hết tháng 9/2022, tỉnh Điện Biên có 9.800 người tham gia BHXH tự nguyện, trong "
     "đó huyện Tủa Chùa có 530 người. Chỉ tiêu năm 2022 Chính phủ giao tỉnh là 11.000 "
     "người.", "2022-10-20", None,
     {("Điện Biên", "bhxh_voluntary_participants", "2022-09-30", 9_800.0),
      ("Tủa Chùa", "bhxh_voluntary_participants", "2022-09-30", 530.0),
      ("Điện Biên", "bhxh_voluntary_plan_participants", "2022-12-31", 11_000.0)}),
]


test_blind15_classes = class_tests(BLIND15_CLASSES)


def test_layout_keeps_offsets_and_prose() -> None:
    """The layout is undone character for character; a gap of spaces inside a sentence
    (before a small letter) and lines of a news page (no print layout) are kept."""
    from bhxh_analysis.extract.layout import lay_out
    assert len(lay_out(_PDF)) == len(_PDF)
    assert "Trang" not in lay_out(_PDF) and "___" not in lay_out(_PDF)
    news = ("Hà Tĩnh: hơn 1,2 triệu người tham gia BHYT trong 6 tháng đầu năm nay\n"
            "Đến ngày 30/6, toàn tỉnh có 1.201.300 người   tham gia BHYT.")
    assert lay_out(news) == news


def test_a_figure_without_a_place_says_so() -> None:
    """A figure whose place cannot be read keeps ``geo_name`` empty (``data check``
    refuses it: "missing place name") and says why in its note; with ``--place-hint``
    (control) it is the hint's."""
    from bhxh_analysis import extract as ex

    text = "Đến hết tháng 9/2024, toàn tỉnh có 310.400 người tham gia BHXH."
    df = ex.extract_text(text, published="2024-10-10")
    assert df["geo_name"].tolist() == [""]
    assert "--place-hint" in df.loc[0, "note"]
    hinted = ex.extract_text(text, published="2024-10-10", place_hint="Hà Tĩnh")
    assert hinted["geo_name"].tolist() == ["Hà Tĩnh"] and hinted.loc[0, "note"] == ""
