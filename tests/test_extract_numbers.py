"""``bhxh extract``: counts printed in two parts, "2 triệu 600 ngàn người" (issue 15).

Each passage was written for these tests in our own wording (never a page's; places from
the registry, figures invented) and failed before the rule it pins was written
(``docs/extract.md``, "Tenth round"). Controls show where the rule must not fire: two
counts side by side, a decimal with one multiplier, money, ranges.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from test_extract import check_passage, readings, run

from bhxh_analysis import extract as ex

# (text, published, place_hint, {(place, indicator, as_of, value)}, {value_raw})
NUMBERS = [
    # "triệu" then "ngàn": one count, with the qualifier printed before it
    ("Tính đến hết tháng 6/2023, toàn tỉnh Hà Tĩnh có hơn 1 triệu 120 ngàn người tham gia "
     "BHYT, đạt 91,5% dân số.", "2023-07-10", None,
     {("Hà Tĩnh", "bhyt_participants", "2023-06-30", 1_120_000.0),
      ("Hà Tĩnh", "bhyt_coverage_pct", "2023-06-30", 91.5)},
     {"1 triệu 120 ngàn", "91,5%"}),
    # a second part below a hundred thousand: 3,045,000 (not 3,450,000)
    ("Đến cuối năm 2021, số người tham gia BHYT trên địa bàn tỉnh Thanh Hóa đạt 3 triệu 45 "
     "ngàn người.", "2022-01-12", None,
     {("Thanh Hóa", "bhyt_participants", "2021-12-31", 3_045_000.0)},
     {"3 triệu 45 ngàn"}),
    # "nghìn" then a bare number: 15,300
    ("Tính đến 30/9/2022, huyện Hương Sơn có 15 nghìn 300 người tham gia BHXH tự nguyện.",
     "2022-10-05", "Hà Tĩnh",
     {("Hương Sơn", "bhxh_voluntary_participants", "2022-09-30", 15_300.0)},
     {"15 nghìn 300"}),
    ("Hết quý I/2024, tỉnh Bình Dương có 1 triệu 250 nghìn người tham gia BHXH bắt buộc.",
     "2024-04-08", None,
     {("Bình Dương", "bhxh_compulsory_participants", "2024-03-31", 1_250_000.0)},
     {"1 triệu 250 nghìn"}),
    # control: two counts, each with its noun, are two figures
    ("Hết năm 2022, tỉnh Nghệ An có 2 triệu người tham gia BHYT, 60 ngàn người tham gia "
     "BHXH tự nguyện.", "2023-01-10", None,
     {("Nghệ An", "bhyt_participants", "2022-12-31", 2_000_000.0),
      ("Nghệ An", "bhxh_voluntary_participants", "2022-12-31", 60_000.0)},
     {"2 triệu", "60 ngàn"}),
    # control: a decimal with one multiplier is one figure as before
    ("Đến hết tháng 12/2020, tỉnh Thanh Hóa có 1,2 triệu người tham gia BHYT hộ gia đình.",
     "2021-01-15", None,
     {("Thanh Hóa", "bhyt_household_participants", "2020-12-31", 1_200_000.0)},
     {"1,2 triệu"}),
    # control: a sum of money printed in two parts is money, no persons ("1 triệu" was)
    ("Năm 2023, tỉnh Hà Tĩnh có 41.200 người tham gia BHXH tự nguyện, mỗi người được hỗ "
     "trợ bình quân 1 triệu 250 nghìn đồng.", "2024-01-10", None,
     {("Hà Tĩnh", "bhxh_voluntary_participants", "2023-12-31", 41_200.0)},
     {"41.200"}),
    # control: ranges have no single value, whichever end is printed in two parts
    ("Đến cuối năm 2024, tỉnh Nghệ An có từ 2 triệu 900 ngàn đến 3 triệu người tham gia "
     "BHYT.", "2025-01-10", None, set(), set()),
    ("Đến cuối năm 2024, tỉnh Nghệ An có khoảng 2 triệu 900 ngàn - 3 triệu người tham gia "
     "BHYT.", "2025-01-10", None, set(), set()),
    ("Đến cuối năm 2024, tỉnh Nghệ An có từ 2 triệu đến 2 triệu 100 ngàn người tham gia "
     "BHYT.", "2025-01-10", None, set(), set()),
]


@pytest.mark.parametrize("text,published,hint,expected,raws", NUMBERS,
                         ids=[f"numbers_{i}" for i in range(len(NUMBERS))])
def test_composite_numbers(text, published, hint, expected, raws) -> None:
    df = check_passage(text, published, hint, expected)
    assert set(df["value_raw"]) == raws
    assert all(text[a:b] == raw for a, b, raw in zip(df["start"], df["end"], df["value_raw"],
                                                      strict=True))
    assert (df["note"] == "").all()


def test_two_readings_are_not_guessed() -> None:
    """"3 triệu 400 người": 3,400,000 as said aloud, 3,000,400 literally. The row is read
    for what it counts, but carries no value, a low confidence and both readings."""
    text = "Đến cuối năm 2023, toàn tỉnh Thanh Hóa có 3 triệu 400 người tham gia BHYT."
    df = run(text, published="2024-01-08")
    assert len(df) == 1
    r = df.iloc[0]
    assert (r["geo_name"], r["indicator"], r["value_raw"]) == (
        "Thanh Hóa", "bhyt_participants", "3 triệu 400")
    assert text[r["start"]:r["end"]] == "3 triệu 400"
    assert math.isnan(r["value"]) and r["confidence"] <= 0.6
    assert "3,400,000" in r["note"] and "3,000,400" in r["note"]
    # the reviewer sees the readings in the marked text too, and a check file written
    # without a decision leaves the value empty (data check refuses a missing value)
    assert "3,000,400" in ex.highlight_html(text, df)
    rows = ex.to_check_layout(df, "example")
    assert math.isnan(rows.loc[0, "value"])


def test_two_readings_in_the_check_file(tmp_path) -> None:
    df = run("Đến cuối năm 2023, toàn tỉnh Thanh Hóa có 3 triệu 400 người tham gia BHYT.",
             published="2024-01-08")
    out = ex.write_check_csv(ex.to_check_layout(df, "example"), tmp_path / "rows.csv")
    line = out.read_text(encoding="utf-8").splitlines()[1].split(",")
    assert line[3] == "" and line[6] == "3 triệu 400"


def test_thousands_after_a_million_as_spoken_are_one_count() -> None:
    """Control: "2 triệu 600 ngàn" keeps one reading (no note), as readings show."""
    df = run("Tính đến 31/5/2024, tỉnh Nghệ An có 2 triệu 600 ngàn người tham gia BHYT.",
             published="2024-06-05")
    assert readings(df) == {("Nghệ An", "bhyt_participants", "2024-05-31", 2_600_000.0)}


def test_an_unread_value_matches_no_gold_row() -> None:
    """Scoring: a row left without a value (two readings) is no match for either one."""
    df = run("Đến cuối năm 2023, toàn tỉnh Thanh Hóa có 3 triệu 400 người tham gia BHYT.",
             published="2024-01-08")
    gold = pd.DataFrame({"geo_name": ["Thanh Hóa"] * 2, "indicator": ["bhyt_participants"] * 2,
                         "as_of": pd.to_datetime(["2023-12-31"] * 2),
                         "value": [3_400_000.0, 3_000_400.0]})
    assert not ex.match(gold, df)["matched"].any()


@pytest.mark.parametrize("text,raw,spoken,literal", [
    # a short last part stands for the leading digits of the rest, as said aloud:
    # "2 triệu 25" = 2,250,000, "15 nghìn 3" = 15,300; literally 2,000,025 and 15,003
    ("Đến cuối năm 2023, toàn tỉnh Nghệ An có 2 triệu 25 người tham gia BHYT.",
     "2 triệu 25", "2,250,000", "2,000,025"),
    ("Đến cuối năm 2023, toàn tỉnh Nghệ An có 15 nghìn 3 người tham gia BHXH tự nguyện.",
     "15 nghìn 3", "15,300", "15,003"),
])
def test_short_last_parts_have_two_readings(text, raw, spoken, literal) -> None:
    df = run(text, published="2024-01-08")
    assert len(df) == 1 and df.loc[0, "value_raw"] == raw and math.isnan(df.loc[0, "value"])
    assert spoken in df.loc[0, "note"] and literal in df.loc[0, "note"]


def test_a_count_of_other_things_after_a_million_is_not_its_part() -> None:
    """Control: "1 triệu 5 năm qua" is no count in two parts ("5 năm" counts years)."""
    df = run("Tính đến 31/5/2024, tỉnh Nghệ An có hơn 1 triệu người tham gia BHYT, tăng "
             "gần 1 triệu 5 năm qua.", published="2024-06-05")
    assert readings(df) == {("Nghệ An", "bhyt_participants", "2024-05-31", 1_000_000.0),
                            ("Nghệ An", "bhyt_change_participants", "2024-05-31", 1_000_000.0)}
    assert (df["note"] == "").all()
