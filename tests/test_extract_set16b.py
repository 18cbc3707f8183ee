"""``bhxh extract``: the classes an unseen provincial set (set 16) misread (issue 15).

Each passage was written for these tests in our own wording (never a page's; places from
the registry, figures invented) and failed before the rule it pins was written
(``docs/extract.md``, "Set 16 classes"). Controls show where a rule must not fire. Each
expected reading carries the place's level: a ward or commune must not hand its figures
to its district or city, nor a city to its province.
"""

from __future__ import annotations

import pytest
from test_extract import check_passage, iso

# (text, published, place_hint, {(place, level, indicator, as_of, value)})
SET16_CLASSES = [
    # a city whose registry name has a hyphen, printed with a spaced en dash: the city,
    # not the province
    ("Trong 9 tháng đầu năm 2019, toàn thành phố Phan Rang – Tháp Chàm có 18.300 người "
     "tham gia BHYT hộ gia đình, tăng 5,1% so cùng kỳ.", "2019-10-15", "Ninh Thuận",
     {("Phan Rang-Tháp Chàm", "district", "bhyt_household_participants", "2019-09-30",
       18_300.0)}),
    # control: a dash before a remark with a capital opens no longer name
    ("Tính đến hết tháng 6/2020, toàn huyện Ninh Sơn – Nơi có đông đồng bào Raglai – có "
     "61.200 người tham gia BHYT.", "2020-07-10", None,
     {("Ninh Sơn", "district", "bhyt_participants", "2020-06-30", 61_200.0)}),
]


def check_placed(text: str, published: str | None, hint: str | None,
                 expected: set[tuple]) -> None:
    """The passage's exact readings, each at the level expected."""
    df = check_passage(text, published, hint, {(p, i, d, v) for p, _lv, i, d, v in expected})
    got = {(r.geo_name, r.geo_level, r.indicator, iso(r.as_of), r.value)
           for r in df.itertuples()}
    assert got == expected


@pytest.mark.parametrize("text,published,hint,expected", SET16_CLASSES,
                         ids=[f"set16b_{i}" for i in range(len(SET16_CLASSES))])
def test_set16_classes(text, published, hint, expected) -> None:
    check_placed(text, published, hint, expected)
