"""``bhxh extract``: a figure dated after its place ceased is never that place's.

Thành phố Ninh Bình (369) merged into Thành phố Hoa Lư on 1/1/2025, Hà Tây into Hà Nội
on 1/8/2008, and districts were abolished on 1/7/2025. The extractor used to file a
later figure under the ceased unit, which ``bhxh data check`` then refused. Passages
written for these tests (figures invented); each later one has an earlier control that
still reads the unit.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bhxh_analysis.extract import extract_text
from bhxh_analysis.extract.ceased import after_end, ended_on
from bhxh_analysis.geo import get_registry

# (text, published, printed name, code read before the end or "" after it, note part)
CASES = [
    ("Tính đến 31/3/2025, thành phố Ninh Bình có 12.345 người tham gia BHXH bắt buộc.",
     "2025-04-10", "Thành phố Ninh Bình", "", "ceased on 2025-01-01, merged into Thành phố Hoa Lư"),
    ("Tính đến 30/9/2024, thành phố Ninh Bình có 12.345 người tham gia BHXH bắt buộc.",
     "2024-10-10", "Ninh Bình", "369", ""),
    ("Tính đến 31/12/2010, tỉnh Hà Tây có 120.000 người tham gia BHYT.",
     "2011-01-15", "Tỉnh Hà Tây", "", "ceased on 2008-08-01, merged into Thành phố Hà Nội"),
    ("Tính đến 31/12/2007, tỉnh Hà Tây có 120.000 người tham gia BHYT.",
     "2008-01-15", "Hà Tây", "28", ""),
    ("Tính đến 30/9/2025, huyện Đức Trọng (Lâm Đồng) có 5.432 người tham gia BHXH tự nguyện.",
     "2025-10-10", "Huyện Đức Trọng", "", "ceased on 2025-07-01, districts abolished"),
    ("Tính đến 31/5/2025, huyện Đức Trọng (Lâm Đồng) có 5.432 người tham gia BHXH tự nguyện.",
     "2025-06-10", "Đức Trọng", "678", ""),
    # a district's target for 2025 set before the reform: the district's, in the legacy
    # boundaries (dated by its horizon); a former city's is not (data check refuses it)
    ("Năm 2025, huyện Đức Trọng (Lâm Đồng) phấn đấu có 6.000 người tham gia BHXH tự nguyện.",
     "2025-02-10", "Đức Trọng", "678", ""),
    ("Năm 2025, thành phố Ninh Bình phấn đấu có 13.000 người tham gia BHXH bắt buộc.",
     "2025-02-10", "Thành phố Ninh Bình", "", "ceased on 2025-01-01"),
]


@pytest.mark.parametrize(("text", "published", "name", "code", "note"), CASES)
def test_figure_after_its_unit_ceased(text: str, published: str, name: str, code: str,
                                      note: str) -> None:
    df = extract_text(text, published=published)
    assert len(df) == 1
    row = df.iloc[0]
    assert (row["geo_name"], row["geo_code"]) == (name, code)
    if note:
        assert note in row["note"] and "cannot be of it" in row["note"]
        assert row["confidence"] < 0.95  # an unresolved place lowers it
    else:
        assert row["note"] == ""


def test_the_province_of_the_same_name_when_the_sentence_reads_so() -> None:
    reg = get_registry()
    city = reg.get("legacy", "district", "369")
    day = dt.date(2025, 3, 31)
    prov, note = after_end(reg, city, day, "Đến 31/3/2025, Ninh Bình có 12.345 người …")
    assert (prov.level, prov.code, note) == ("province", "37", "")
    prov, note = after_end(reg, city, day, "BHXH tỉnh Ninh Bình cho biết …")
    assert prov.level == "province"
    # the city named with its kind anywhere in the sentence: not the province's figure
    place, note = after_end(reg, city, day,
                            "TP. Ninh Bình có 12.345 người, 3% của tỉnh Ninh Bình")
    assert place == "Thành phố Ninh Bình" and "cannot be of it" in note
    # after the reform the province of the name is the 2025 one
    prov, _ = after_end(reg, city, dt.date(2025, 9, 30), "Ninh Bình có …")
    assert (prov.boundaries, prov.level) == ("2025", "province")
    # Hà Tây is its own namesake and ceased too: no province to fall back on
    place, note = after_end(reg, reg.resolve("Hà Tây"), dt.date(2010, 12, 31), "Hà Tây có …")
    assert place == "Tỉnh Hà Tây" and note


def test_ended_on_the_last_day_and_the_first_day_without() -> None:
    reg = get_registry()
    city = reg.get("legacy", "district", "369")
    assert ended_on(city, dt.date(2024, 12, 31)) is None
    assert ended_on(city, dt.date(2025, 1, 1)) == "2025-01-01"
    district = reg.resolve("Đức Trọng")
    assert ended_on(district, dt.date(2025, 6, 30)) is None
    assert ended_on(district, dt.date(2025, 7, 1)) == "2025-07-01"
    assert ended_on(reg.resolve("Lâm Đồng"), dt.date(2026, 1, 1)) is None
    assert ended_on(district, None) is None
