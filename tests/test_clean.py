"""Tests of bhxh_analysis.clean: numbers, quantities, dates and NFC."""

from __future__ import annotations

import datetime as dt
import doctest
import math
import unicodedata
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bhxh_analysis import clean
from bhxh_analysis.clean import (
    ParseError,
    Quantity,
    format_number,
    nfc,
    parse_date,
    parse_number,
    parse_numbers,
    parse_quantity,
)

# ----------------------------------------------------------------------------- nfc


def test_docstring_examples():
    result = doctest.testmod(clean)
    assert result.attempted > 0 and result.failed == 0


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Lâm Đồng")
    assert decomposed != "Lâm Đồng"  # the fixture really is NFD
    assert nfc(decomposed) == "Lâm Đồng"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_collapses_whitespace_including_nbsp():
    assert nfc("  Quang  Nam ") == "Quang Nam"
    assert nfc("Đức\u00a0\u00a0Trọng\t\n") == "Đức Trọng"
    assert nfc("\ufeffHà\u200b Nội") == "Hà Nội"


# Letters, combining marks and the whitespace/invisible characters met in sources.
TEXT = st.text(
    alphabet="aAâđĐơưHNộ\u0300\u0301\u0302\u0303\u0309\u0323 \t\r\n\u00a0\u2009\u3000\u200b\ufeff-.,",
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=5))
def test_vectorised_text_helpers_match_scalar(texts):
    series = pd.Series(texts, dtype="str")
    assert clean.nfc_series(series).tolist() == [nfc(t) for t in texts]
    assert clean.ascii_key_series(series).tolist() == [clean.ascii_key(t) for t in texts]


def test_ascii_key_folds_diacritics():
    assert clean.ascii_key("Hà  Nội") == clean.ascii_key("ha noi") == "ha noi"
    assert clean.ascii_key("Đắk Lắk") == "dak lak"


# ------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("190.863", "vi", 190863.0),
        ("83,23", "vi", 83.23),
        ("7.914,50", "vi", 7914.5),
        ("1.000", "vi", 1000.0),
        ("0,5", "vi", 0.5),
        ("739.578", "vi", 739578.0),
        ("1279", "vi", 1279.0),
        ("1.234.567,891", "vi", 1234567.891),
        ("551,000", "en", 551000.0),
        ("16.16", "en", 16.16),
        ("15.185", "en", 15.185),
        ("44904.5", "en", 44904.5),
        ("-12,5", "vi", -12.5),
        ("\u22123,5", "vi", -3.5),
        ("+1.091", "vi", 1091.0),
        ("  1.589  ", "vi", 1589.0),
        ("\u00a0203,000\u00a0", "en", 203000.0),
    ],
)
def test_parse_number_examples(text, fmt, expected):
    assert parse_number(text, fmt) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.000", 1000.0),  # ambiguous: read as Vietnamese
        ("15.185", 15185.0),  # ambiguous: read as Vietnamese
        ("551,000", 551.0),  # ambiguous: read as Vietnamese (decimal comma)
        ("16.16", 16.16),  # two decimals: only English makes sense
        ("83,23", 83.23),
        ("1,000,000", 1e6),
        ("1.000.000", 1e6),
        ("7.914,50", 7914.5),
        ("7,914.50", 7914.5),
        ("44904.5", 44904.5),
        ("1234", 1234.0),
    ],
)
def test_parse_number_auto_rule(text, expected):
    assert parse_number(text, "auto") == expected


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("", "vi"),
        ("   ", "vi"),
        ("..", "vi"),
        ("..", "en"),
        ("n/a", "vi"),
        ("abc", "en"),
        ("1..2", "vi"),
        ("16.16", "vi"),  # a Vietnamese thousands group has three digits
        ("83,23", "en"),
        ("1,2,3", "vi"),
        ("12%", "vi"),  # plain numbers only; quantities go through parse_quantity
        ("--5", "vi"),
    ],
)
def test_parse_number_rejects_garbage(text, fmt):
    with pytest.raises(ParseError) as err:
        parse_number(text, fmt)
    assert repr(text) in str(err.value)


def test_parse_error_is_value_error_and_bad_fmt_rejected():
    assert issubclass(ParseError, ValueError)
    with pytest.raises(ValueError):
        parse_number("1", "fr")  # type: ignore[arg-type]


def test_parse_numbers_vectorised_matches_scalar():
    raw = pd.Series(["7.914,50", "..", "1.000", "x", None, "-0,25", "83,23"])
    out = parse_numbers(raw, "vi")
    assert out["ok"].tolist() == [True, False, True, False, False, True, True]
    for text, ok, value in zip(raw, out["ok"], out["value"], strict=True):
        if ok:
            assert value == parse_number(text, "vi")
        else:
            assert math.isnan(value)


@settings(max_examples=100, deadline=None)
@given(
    xs=st.lists(st.floats(-1e9, 1e9), min_size=1, max_size=8),
    fmt=st.sampled_from(["vi", "en"]),
    d=st.integers(0, 3),
)
def test_parse_numbers_matches_parse_number(xs, fmt, d):
    texts = [format_number(x, d, fmt) for x in xs]
    out = parse_numbers(pd.Series(texts), fmt)
    assert out["ok"].all()
    assert out["value"].tolist() == [parse_number(t, fmt) for t in texts]


@pytest.mark.parametrize(
    ("x", "decimals", "fmt", "expected"),
    [
        (190863, 0, "vi", "190.863"),
        (83.23, 2, "vi", "83,23"),
        (7914.5, 2, "vi", "7.914,50"),
        (1120000, 0, "vi", "1.120.000"),
        (551000, 0, "en", "551,000"),
        (16.16, 2, "en", "16.16"),
        (-1234.5, 1, "en", "-1,234.5"),
        (0.5, 1, "vi", "0,5"),
    ],
)
def test_format_number_examples(x, decimals, fmt, expected):
    assert format_number(x, decimals, fmt) == expected


def test_format_number_nan():
    with pytest.raises(ValueError):
        format_number(float("nan"))
    assert format_number(float("nan"), na_rep="–") == "–"


FMTS = st.sampled_from(["vi", "en"])
DECIMALS = st.integers(min_value=0, max_value=3)
# |x| <= 1e9 with at most 3 decimals stays within float's 15 exact significant digits.
FLOATS = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(x=st.integers(min_value=-(10**15), max_value=10**15), fmt=FMTS)
def test_roundtrip_integers(x, fmt):
    assert parse_number(format_number(x, 0, fmt), fmt) == x


@settings(max_examples=300, deadline=None)
@given(x=FLOATS, d=DECIMALS, fmt=FMTS)
def test_roundtrip_floats(x, d, fmt):
    assert parse_number(format_number(x, d, fmt), fmt) == round(x, d)


@settings(max_examples=200, deadline=None)
@given(x=st.floats(min_value=0, max_value=1e6, allow_nan=False), d=DECIMALS, fmt=FMTS)
def test_roundtrip_quantity_pct(x, d, fmt):
    q = parse_quantity(format_number(x, d, fmt) + "%", fmt)
    assert q == Quantity(round(x, d), "pct", None)


@settings(max_examples=200, deadline=None)
@given(
    x=st.floats(min_value=0, max_value=1e6, allow_nan=False),
    d=DECIMALS,
    word=st.sampled_from([("ngàn", 10**3), ("nghìn", 10**3), ("triệu", 10**6)]),
)
def test_roundtrip_quantity_multipliers(x, d, word):
    name, factor = word
    text = f"{format_number(x, d, 'vi')} {name} người"
    # Expected value computed exactly in decimal, then rounded once.
    expected = float(Decimal(str(round(x, d))) * factor)
    assert parse_quantity(text, "vi") == Quantity(expected, "count", None)


# ----------------------------------------------------------------------- quantities


@pytest.mark.parametrize(
    ("text", "fmt", "value", "unit", "qualifier"),
    [
        ("83,23%", "vi", 83.23, "pct", None),
        ("6,77%", "vi", 6.77, "pct", None),
        ("190.863", "vi", 190863.0, "count", None),
        ("190.863 người", "vi", 190863.0, "count", None),
        ("485,9 ngàn", "vi", 485900.0, "count", None),
        ("485,9 nghìn", "vi", 485900.0, "count", None),
        ("86 triệu", "vi", 86e6, "count", None),
        ("1,12 triệu", "vi", 1120000.0, "count", None),
        ("574 ngàn người", "vi", 574000.0, "count", None),
        ("2 tỷ", "vi", 2e9, "count", None),
        ("trên 1.000 người", "vi", 1000.0, "count", "trên"),
        ("Hơn 120 người", "vi", 120.0, "count", "hơn"),
        ("gần 30.000 người", "vi", 30000.0, "count", "gần"),
        ("gần 90%", "vi", 90.0, "pct", "gần"),
        ("khoảng 2 ngàn", "vi", 2000.0, "count", "khoảng"),
        ("tối thiểu 50 người", "vi", 50.0, "count", "tối thiểu"),
        ("~ 5%", "vi", 5.0, "pct", "~"),
        ("16.16 M", "en", 16.16e6, "count", None),
        ("203,000", "en", 203000.0, "count", None),
        ("85.39 M", "en", 85.39e6, "count", None),
        ("≈ 6,000", "en", 6000.0, "count", "≈"),
        ("> 16.5 M", "en", 16.5e6, "count", ">"),
        ("≈ 88 M", "en", 88e6, "count", "≈"),
        ("6 M", "en", 6e6, "count", None),
        ("100.07%", "en", 100.07, "pct", None),
        ("574 thousand", "en", 574000.0, "count", None),
        ("1.000 người.", "vi", 1000.0, "count", None),
        ("83,23%,", "vi", 83.23, "pct", None),
        ("12.306 người", "auto", 12306.0, "count", None),
    ],
)
def test_parse_quantity_examples(text, fmt, value, unit, qualifier):
    assert parse_quantity(text, fmt) == Quantity(value, unit, qualifier)


def test_parse_quantity_exact_decimal_scaling():
    # Binary floating point gets 2.01 * 1e6 wrong in the last digit; decimal does not.
    assert 2.01 * 1e6 != 2010000.0
    assert parse_quantity("2,01 triệu").value == 2010000.0
    assert parse_quantity("4,07 ngàn").value == 4070.0
    assert parse_quantity("1,12 triệu").value == 1120000.0
    assert parse_quantity("16.16 M", "en").value == 16160000.0


def test_parse_quantity_nfd_input():
    text = unicodedata.normalize("NFD", "485,9 nghìn người")
    assert parse_quantity(text).value == 485900.0


@pytest.mark.parametrize("text", ["", "abc", "%", "37–38%", "12 con mèo", "5 % người", "..", "1,2,3%"])
def test_parse_quantity_rejects(text):
    with pytest.raises(ParseError) as err:
        parse_quantity(text)
    assert repr(text) in str(err.value)


def test_quantity_is_frozen():
    q = Quantity(1.0, "count", None)
    with pytest.raises(AttributeError):
        q.value = 2.0  # type: ignore[misc]


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("31/7", {"year": 2020}, dt.date(2020, 7, 31)),
        ("22/8/2020", {}, dt.date(2020, 8, 22)),
        ("31/08/2023", {}, dt.date(2023, 8, 31)),
        ("hết tháng 6 năm 2020", {}, dt.date(2020, 6, 30)),
        ("tháng 6/2020", {}, dt.date(2020, 6, 30)),
        ("tháng 8/2020", {}, dt.date(2020, 8, 31)),
        ("tính đến 31/8", {"year": 2023}, dt.date(2023, 8, 31)),
        ("đến hết ngày 31/7", {"year": 2020}, dt.date(2020, 7, 31)),
        ("Ngày 12/9", {"year": 2023}, dt.date(2023, 9, 12)),
        ("Sáng 22/8", {"year": 2020}, dt.date(2020, 8, 22)),
        ("Jun 2020", {}, dt.date(2020, 6, 30)),
        ("Oct 2018", {}, dt.date(2018, 10, 31)),
        ("Nov 2025", {}, dt.date(2025, 11, 30)),
        ("end 2018", {}, dt.date(2018, 12, 31)),
        ("2019", {}, dt.date(2019, 12, 31)),
        ("2019", {"default": "start"}, dt.date(2019, 1, 1)),
        ("2020-07-31", {}, dt.date(2020, 7, 31)),
        ("tháng 6/2020", {"default": "start"}, dt.date(2020, 6, 1)),
        ("hết tháng 2 năm 2024", {"default": "start"}, dt.date(2024, 2, 29)),
        ("Thứ ba, 26/01/2021", {}, dt.date(2021, 1, 26)),
        ("11/07/2020  14:44", {}, dt.date(2020, 7, 11)),
        ("ngày 31 tháng 7 năm 2020", {}, dt.date(2020, 7, 31)),
        ("6 tháng đầu năm 2020", {}, dt.date(2020, 6, 30)),
        ("7 Dec 2022", {}, dt.date(2022, 12, 7)),
        ("6 tháng đầu năm nay", {"year": 2020}, dt.date(2020, 6, 30)),
        ("Sep 2022 (conflicting)", {}, dt.date(2022, 9, 30)),
        ("2025 (estimate)", {}, dt.date(2025, 12, 31)),
        ("cuối năm 2018", {}, dt.date(2018, 12, 31)),
        ("22/8/2020", {"year": 1999}, dt.date(2020, 8, 22)),  # printed year wins
    ],
)
def test_parse_date_examples(text, kwargs, expected):
    assert parse_date(text, **kwargs) == expected


def test_parse_date_nfd():
    assert parse_date(unicodedata.normalize("NFD", "hết tháng 6 năm 2020")) == dt.date(2020, 6, 30)


@pytest.mark.parametrize(
    ("text", "kwargs"),
    [
        ("31/7", {}),  # no year anywhere
        ("31/2/2020", {}),
        ("31/2", {"year": 2021}),
        ("29/2/2023", {}),
        ("tháng 13/2020", {}),
        ("yesterday", {}),
        ("Đến nay", {"year": 2020}),  # relative dates need a human decision
        ("early 2024", {}),
        ("", {}),
    ],
)
def test_parse_date_errors_name_text(text, kwargs):
    with pytest.raises(ParseError) as err:
        parse_date(text, **kwargs)
    assert repr(text) in str(err.value)
