"""``bhxh extract``: the classes of the sixteenth blind passage set (district pages, an
infographic, official reports).

Each passage was written for these tests in our own wording (never the blind set's) and
failed before the rule it pins was written (``docs/extract.md``, "Sixteenth blind set:
the rules generalised"); the controls show where a rule could over-fire.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage

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
]


@pytest.mark.parametrize("text,published,hint,expected", BLIND16_CLASSES)
def test_blind16_classes(text: str, published: str, hint: str | None, expected: set) -> None:
    check_passage(text, published, hint, expected)


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
