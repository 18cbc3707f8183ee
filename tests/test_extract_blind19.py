"""``bhxh extract``: the classes of the nineteenth blind passage set.

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Nineteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

from pathlib import Path

from blindcase import class_tests
from test_extract import readings

from bhxh_analysis.extract import extract_file

_TABLE = ("Đơn vị | Số người tham gia BHYT | Tỷ lệ bao phủ | Kế hoạch năm 2024 | "
          "Tỷ lệ hoàn thành\nHuyện Cư Jút | 88.100 | 92,4% | 94,0% | 98,3%\n"
          "Toàn tỉnh | 560.000 | 91,2% | 93,5% | 97,5%\n")

_LETTERHEAD = ("ỦY BAN NHÂN DÂN                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "TỈNH ĐIỆN BIÊN                             Độc lập - Tự do - Hạnh phúc\n\n"
               "KẾ HOẠCH\nPhát triển người tham gia BHXH giai đoạn 2022–2025\n\n"
               "1. Mục tiêu đến năm 2025\n- Tỷ lệ bao phủ BHYT: năm 2025 đạt 97%.\n\n")

BLIND19_CLASSES = [
    # a table of places whose header prints a year ("Kế hoạch năm 2024") and a column
    # "Tỷ lệ hoàn thành": each cell its column's reading (a plan printed in percent is a
    # plan of coverage, at the year's end; the completion rate an attainment)
    ("Đến hết tháng 6/2024, toàn tỉnh Đắk Nông có 560.000 người tham gia BHYT.\n\n" + _TABLE,
     "2024-07-10", None,
     {("Đắk Nông", "bhyt_participants", "2024-06-30", 560_000.0),
      ("Cư Jút", "bhyt_participants", "2024-06-30", 88_100.0),
      ("Cư Jút", "bhyt_coverage_pct", "2024-06-30", 92.4),
      ("Cư Jút", "bhyt_plan_coverage_pct", "2024-12-31", 94.0),
      ("Cư Jút", "bhyt_attainment_pct", "2024-06-30", 98.3),
      ("Đắk Nông", "bhyt_coverage_pct", "2024-06-30", 91.2),
      ("Đắk Nông", "bhyt_plan_coverage_pct", "2024-12-31", 93.5),
      ("Đắk Nông", "bhyt_attainment_pct", "2024-06-30", 97.5)}),
    # control: columns by year ("Tỷ lệ bao phủ 2023 | Tỷ lệ bao phủ 2024") are not
    # understood, so read as nothing rather than as two rates of one date
    ("Đến hết tháng 6/2024, toàn tỉnh Đắk Nông có 560.000 người tham gia BHYT.\n\n"
     "Đơn vị | Tỷ lệ bao phủ 2023 | Tỷ lệ bao phủ 2024\nHuyện Cư Jút | 90,1% | 92,4%\n",
     "2024-07-10", None,
     {("Đắk Nông", "bhyt_participants", "2024-06-30", 560_000.0)}),
    # a gap in points right after its yardstick ("thấp hơn chỉ tiêu 0,6 điểm phần
    # trăm"), and a surplus in points with no rate before it ("đã vượt 0,4 điểm phần
    # trăm so với chỉ tiêu": a negative shortfall, of the last rate's scheme)
    ("Đến hết tháng 9/2024, tỷ lệ bao phủ BHYT của tỉnh Đắk Nông đạt 91,2% dân số, thấp hơn "
     "chỉ tiêu 0,6 điểm phần trăm. Số người tham gia BHTN là 52.300 người. Riêng huyện Cư "
     "Jút đã vượt 0,4 điểm phần trăm so với chỉ tiêu.", "2024-10-10", None,
     {("Đắk Nông", "bhyt_coverage_pct", "2024-09-30", 91.2),
      ("Đắk Nông", "bhyt_shortfall_pp", "2024-09-30", 0.6),
      ("Đắk Nông", "bhtn_participants", "2024-09-30", 52_300.0),
      ("Cư Jút", "bhyt_shortfall_pp", "2024-09-30", -0.4)}),
    # control: points over the same time last year are a change, not read
    ("Đến hết tháng 9/2024, tỷ lệ bao phủ BHYT của tỉnh Đắk Nông đạt 91,2% dân số. Riêng "
     "huyện Cư Jút đã vượt 0,4 điểm phần trăm so với cùng kỳ.", "2024-10-10", None,
     {("Đắk Nông", "bhyt_coverage_pct", "2024-09-30", 91.2)}),
    # two dates for one place: a change's comparison closed, then ", và N người tham gia
    # BHXH tự nguyện" (that scheme's level, not a second change); "hai con số này lần
    # lượt là N và M" at another date (the two stocks before, in turn); a bracket "(cuối
    # tháng 7 là 91,9%)" dating its own figure only; "Riêng nhóm trẻ em …, tỷ lệ …" a
    # subgroup's rate
    ("Tính đến hết tháng 10/2024, toàn huyện Gia Lâm có 45.300 người tham gia BHXH bắt buộc, "
     "tăng 1.120 người so với cùng kỳ năm trước, và 5.410 người tham gia BHXH tự nguyện. "
     "Thời điểm 31/7/2024, hai con số này lần lượt là 44.200 người và 4.980 người.\n\n"
     "Tỷ lệ bao phủ BHYT của huyện đến cuối tháng 10 đạt 92,6% dân số (cuối tháng 7 là "
     "91,9%). So với chỉ tiêu năm 2024 là 93,4%, huyện còn thiếu 0,8 điểm phần trăm. Riêng "
     "nhóm trẻ em dưới 6 tuổi, tỷ lệ có thẻ BHYT đạt 100%.", "2024-11-12", None,
     {("Gia Lâm", "bhxh_compulsory_participants", "2024-10-31", 45_300.0),
      ("Gia Lâm", "bhxh_compulsory_change_participants", "2024-10-31", 1_120.0),
      ("Gia Lâm", "bhxh_voluntary_participants", "2024-10-31", 5_410.0),
      ("Gia Lâm", "bhxh_compulsory_participants", "2024-07-31", 44_200.0),
      ("Gia Lâm", "bhxh_voluntary_participants", "2024-07-31", 4_980.0),
      ("Gia Lâm", "bhyt_coverage_pct", "2024-10-31", 92.6),
      ("Gia Lâm", "bhyt_coverage_pct", "2024-07-31", 91.9),
      ("Gia Lâm", "bhyt_plan_coverage_pct", "2024-12-31", 93.4),
      ("Gia Lâm", "bhyt_shortfall_pp", "2024-10-31", 0.8)}),
    # control: a list of changes stays changes; a bracketed date with no figure of its
    # own dates the figure before it; "Riêng xã A, …" is that commune's rate
    ("Tính đến hết tháng 10/2024, BHXH bắt buộc của huyện Gia Lâm tăng 1.120 người so với "
     "cùng kỳ năm trước, và BHXH tự nguyện tăng 430 người. Tỷ lệ bao phủ BHYT của huyện đạt "
     "92,6% dân số (tháng 7/2024). Riêng xã Bát Tràng, tỷ lệ bao phủ đạt 96,2%.",
     "2024-11-12", None,
     {("Gia Lâm", "bhxh_compulsory_change_participants", "2024-10-31", 1_120.0),
      ("Gia Lâm", "bhxh_voluntary_change_participants", "2024-10-31", 430.0),
      ("Gia Lâm", "bhyt_coverage_pct", "2024-07-31", 92.6),
      ("Bát Tràng", "bhyt_coverage_pct", "2024-07-31", 96.2)}),
    # an infographic: a scheme's heading read in one sentence with the lines under it
    # still heads its parts ("- Bắt buộc: N người", "- Tự nguyện: N người (phát triển
    # mới: M người)"); a heading in capitals of eight words ("BHXH TỰ NGUYỆN SO VỚI KẾ
    # HOẠCH") names its block's scheme; a bare "Đạt X%" under a plan's line an attainment
    ("TRÀ VINH – BẢO HIỂM NĂM 2024 QUA CÁC CON SỐ\n\nHết năm 2024\n\nBẢO HIỂM XÃ HỘI\n"
     "96.400 người tham gia\n17,8% lực lượng lao động\n- Bắt buộc: 61.300 người\n"
     "- Tự nguyện: 35.100 người\n  (phát triển mới: 8.240 người)\n\nBHXH TỰ NGUYỆN SO VỚI KẾ "
     "HOẠCH\nKế hoạch năm 2024: 33.000 người\nĐạt 106,4%\nVượt 2.100 người so với kế "
     "hoạch\n\nBẢO HIỂM THẤT NGHIỆP\n58.700 người tham gia\n\nNguồn: BHXH tỉnh Trà Vinh",
     "2025-01-15", None,
     {("Trà Vinh", "bhxh_participants", "2024-12-31", 96_400.0),
      ("Trà Vinh", "bhxh_coverage_pct", "2024-12-31", 17.8),
      ("Trà Vinh", "bhxh_compulsory_participants", "2024-12-31", 61_300.0),
      ("Trà Vinh", "bhxh_voluntary_participants", "2024-12-31", 35_100.0),
      ("Trà Vinh", "bhxh_voluntary_new_participants", "2024-12-31", 8_240.0),
      ("Trà Vinh", "bhxh_voluntary_plan_participants", "2024-12-31", 33_000.0),
      ("Trà Vinh", "bhxh_voluntary_attainment_pct", "2024-12-31", 106.4),
      ("Trà Vinh", "bhxh_voluntary_shortfall_participants", "2024-12-31", -2_100.0),
      ("Trà Vinh", "bhtn_participants", "2024-12-31", 58_700.0)}),
    # control: "Đạt X% dân số" under a plan's line is the coverage reached
    ("TRÀ VINH – BẢO HIỂM NĂM 2024 QUA CÁC CON SỐ\n\nHết năm 2024\n\nBẢO HIỂM Y TẾ\n"
     "Kế hoạch năm 2024: 95% dân số\nĐạt 93,1% dân số\n\nNguồn: BHXH tỉnh Trà Vinh",
     "2025-01-15", None,
     {("Trà Vinh", "bhyt_plan_coverage_pct", "2024-12-31", 95.0),
      ("Trà Vinh", "bhyt_coverage_pct", "2024-12-31", 93.1)}),
    # a printed plan: its numbered heading names in brackets what the annual list under
    # it measures ("(tỷ lệ lực lượng lao động tham gia BHTN)"): the list's targets are
    # that scheme's, not the last target's
    (_LETTERHEAD + "2. Chỉ tiêu từng năm giai đoạn 2022–2025 (tỷ lệ lực lượng lao động tham "
     "gia BHTN)\nNăm 2022 đạt 8%; năm 2023 đạt 9,5%; năm 2024 đạt 11%.\n", "2022-03-01", None,
     {("Điện Biên", "bhyt_plan_coverage_pct", "2025-12-31", 97.0),
      ("Điện Biên", "bhtn_plan_coverage_pct", "2022-12-31", 8.0),
      ("Điện Biên", "bhtn_plan_coverage_pct", "2023-12-31", 9.5),
      ("Điện Biên", "bhtn_plan_coverage_pct", "2024-12-31", 11.0)}),
    # control: a bracket that names a scheme but no measure ("(phụ lục BHTN đính kèm)")
    # gives the list no scheme of its own
    (_LETTERHEAD + "2. Chỉ tiêu từng năm giai đoạn 2022–2025 (phụ lục BHTN đính kèm)\n"
     "Năm 2022 đạt 96%; năm 2023 đạt 96,5%.\n", "2022-03-01", None,
     {("Điện Biên", "bhyt_plan_coverage_pct", "2025-12-31", 97.0)}),
    # places taken in turn: a list ending in a numbered commune before ", lần lượt"; a
    # list whose kind stands before words that describe it ("Hai xã ven sông A và B");
    # "…, với lần lượt N và M người tham gia" (a bare first count)
    ("Đến hết tháng 4/2023, tỷ lệ bao phủ BHYT của huyện Mỹ Xuyên đạt 90,1% dân số. Thấp "
     "nhất là xã Đại Tâm và xã Gia Hòa 1, lần lượt 86,4% và 87,1%.", "2023-05-20", None,
     {("Mỹ Xuyên", "bhyt_coverage_pct", "2023-04-30", 90.1),
      ("Đại Tâm", "bhyt_coverage_pct", "2023-04-30", 86.4),
      ("Gia Hòa 1", "bhyt_coverage_pct", "2023-04-30", 87.1)}),
    ("Đến hết tháng 4/2023, số người tham gia BHXH tự nguyện của huyện Long Phú là 2.150 "
     "người. Phong trào mạnh nhất ở thị trấn Long Phú và xã Tân Hưng, với lần lượt 241 và 198 "
     "người tham gia.\n\nTỷ lệ bao phủ BHYT của huyện đạt 90,1%. Hai xã ven sông Long Đức và "
     "Phú Hữu có tỷ lệ lần lượt 91,6% và 89,8%.", "2023-05-20", None,
     {("Long Phú", "bhxh_voluntary_participants", "2023-04-30", 2_150.0),
      ("Long Phú", "bhxh_voluntary_participants", "2023-04-30", 241.0),
      ("Tân Hưng", "bhxh_voluntary_participants", "2023-04-30", 198.0),
      ("Long Phú", "bhyt_coverage_pct", "2023-04-30", 90.1),
      ("Long Đức", "bhyt_coverage_pct", "2023-04-30", 91.6),
      ("Phú Hữu", "bhyt_coverage_pct", "2023-04-30", 89.8)}),
    # control: counts in turn of something else than participants give no row
    ("Đến hết tháng 4/2023, số người tham gia BHXH tự nguyện của huyện Long Phú là 2.150 "
     "người. Thị trấn Long Phú và xã Tân Hưng tổ chức lần lượt 12 và 9 buổi tuyên truyền.",
     "2023-05-20", None,
     {("Long Phú", "bhxh_voluntary_participants", "2023-04-30", 2_150.0)}),
    # last year's level beside this year's ("tăng từ N người năm 2022 lên M người năm
    # 2023"): each count its own year; the count before the ";" keeps the status date
    ("Hết năm 2023, số người tham gia BHXH của tỉnh Thái Bình là 120.500 người. Trong đó "
     "BHXH bắt buộc 88.200 người; BHXH tự nguyện tăng từ 29.100 người năm 2022 lên 32.300 "
     "người năm 2023.", "2024-01-20", None,
     {("Thái Bình", "bhxh_participants", "2023-12-31", 120_500.0),
      ("Thái Bình", "bhxh_compulsory_participants", "2023-12-31", 88_200.0),
      ("Thái Bình", "bhxh_voluntary_participants", "2022-12-31", 29_100.0),
      ("Thái Bình", "bhxh_voluntary_participants", "2023-12-31", 32_300.0)}),
    # control: a year after the figure in its own clause still dates it
    ("Số người tham gia BHXH tự nguyện của tỉnh Thái Bình đạt 32.300 người vào năm 2023.",
     "2024-01-20", None,
     {("Thái Bình", "bhxh_voluntary_participants", "2023-12-31", 32_300.0)}),
    # figures outside the body: a list under "CÙNG CHUYÊN MỤC" (other articles'
    # headlines), a photo's caption restating a commune's rate (its place is dropped as a
    # caption's, so the figure went to the district)
    ("Đến hết tháng 4/2023, tỷ lệ bao phủ BHYT của huyện Long Phú đạt 90,1% dân số. Xã Long "
     "Đức đạt 91,6%.\n\nẢnh: Cán bộ thu xã Long Đức, nơi có tỷ lệ bao phủ BHYT 91,6%, tư vấn "
     "cho người dân.\n\nCÙNG CHUYÊN MỤC\n- Huyện Cù Lao Dung vận động 900 người tham gia BHYT "
     "hộ gia đình", "2023-05-20", None,
     {("Long Phú", "bhyt_coverage_pct", "2023-04-30", 90.1),
      ("Long Đức", "bhyt_coverage_pct", "2023-04-30", 91.6)}),
    # control: a caption that goes on with a sentence of figures is body text
    ("Đến hết tháng 4/2023, tỷ lệ bao phủ BHYT của huyện Long Phú đạt 90,1% dân số.\n\nẢnh: "
     "Cán bộ thu tư vấn cho người dân. Xã Long Đức có tỷ lệ bao phủ BHYT 91,6%.",
     "2023-05-20", None,
     {("Long Phú", "bhyt_coverage_pct", "2023-04-30", 90.1),
      ("Long Đức", "bhyt_coverage_pct", "2023-04-30", 91.6)}),
    # a shortfall said as what is still to come: "…, còn khoảng N người nữa"
    ("Ông Lê Văn Hải, Giám đốc BHXH tỉnh Gia Lai cho biết: \"Chỉ tiêu BHXH tự nguyện năm "
     "2025 của tỉnh là 50.000 người. Đến nay chúng tôi mới đạt 84,2% kế hoạch, còn khoảng "
     "7.900 người nữa\".", "2025-10-20", None,
     {("Gia Lai", "bhxh_voluntary_plan_participants", "2025-12-31", 50_000.0),
      ("Gia Lai", "bhxh_voluntary_attainment_pct", "2025-10-20", 84.2),
      ("Gia Lai", "bhxh_voluntary_shortfall_participants", "2025-10-20", 7_900.0)}),
    # control: "còn N … nữa" of something else than persons gives no row
    ("Ông Lê Văn Hải, Giám đốc BHXH tỉnh Gia Lai cho biết: \"Chỉ tiêu BHXH tự nguyện năm "
     "2025 của tỉnh là 50.000 người. Đến nay chúng tôi mới đạt 84,2% kế hoạch, còn 12 đợt "
     "tuyên truyền nữa\".", "2025-10-20", None,
     {("Gia Lai", "bhxh_voluntary_plan_participants", "2025-12-31", 50_000.0),
      ("Gia Lai", "bhxh_voluntary_attainment_pct", "2025-10-20", 84.2)}),
]


test_blind19_classes = class_tests(BLIND19_CLASSES)

_PAGE = ("<!DOCTYPE html><html><head><title>{title}</title></head><body>"
         "<header>BẢO HIỂM XÃ HỘI TỈNH ĐẮK NÔNG</header><article><h1>Kết quả quý II</h1>"
         "<p>{body}</p></article><footer>Gia Nghĩa, tỉnh Đắk Nông</footer></body></html>")


def test_province_only_in_the_page_title(tmp_path: Path) -> None:
    """A portal naming its province only in the ``<title>`` (its header and footer are
    dropped): "toàn tỉnh" is that province."""
    page = tmp_path / "p.html"
    page.write_text(_PAGE.format(title="Đắk Nông: kết quả quý II/2024",
                                 body="Đến hết quý II/2024, toàn tỉnh có 560.000 người "
                                      "tham gia BHYT."), "utf-8")
    assert readings(extract_file(page, published="2024-07-10")) == {
        ("Đắk Nông", "bhyt_participants", "2024-06-30", 560_000.0)}


def test_body_naming_its_province_keeps_it(tmp_path: Path) -> None:
    """Control: a body that names its own province is not overruled by the title."""
    page = tmp_path / "p.html"
    page.write_text(_PAGE.format(title="Đắk Nông: tin tức",
                                 body="Đến hết quý II/2024, tỉnh Lâm Đồng có 1.200.000 người "
                                      "tham gia BHYT."), "utf-8")
    assert readings(extract_file(page, published="2024-07-10")) == {
        ("Lâm Đồng", "bhyt_participants", "2024-06-30", 1_200_000.0)}
