"""Cleaning of Vietnamese figures: numbers, quantities, dates and text (pure functions).

Sources mix two number conventions. Vietnamese (``fmt="vi"``) writes ``.`` between
thousands and ``,`` before decimals (``190.863`` people, ``83,23%``); English pages and
the GSO English exports (``fmt="en"``) do the opposite (``551,000``, ``16.16 M``). The
same string can mean different numbers (``15.185`` is 15 185 in Vietnamese and 15.185 in
English), so every parser takes the convention explicitly; ``fmt="auto"`` exists for
exploration and documents its guess (see :func:`parse_number`).

Everything here works on exact decimal strings (:class:`decimal.Decimal`) before the
final conversion to ``float``, so ``1,12 triệu`` is exactly ``1120000.0`` and
``format_number`` / ``parse_number`` round-trip.

Only pandas is imported at module level; the module stays cheap to import.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import numpy as np
import pandas as pd

from .schema import MULTIPLIERS, QUALIFIERS

__all__ = [
    "ParseError",
    "Quantity",
    "ascii_key",
    "ascii_key_series",
    "format_number",
    "iso_date",
    "nfc",
    "nfc_series",
    "parse_date",
    "parse_number",
    "parse_numbers",
    "parse_quantity",
    "read_value",
    "read_values",
    "value_kind",
]

NumberFormat = Literal["vi", "en", "auto"]


class ParseError(ValueError):
    """A figure, date or file cell that cannot be read; the message quotes the text."""


# --------------------------------------------------------------------------- text

# Zero-width characters and stray BOMs show up in copy-pasted Vietnamese text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")  # str patterns are Unicode-aware: NBSP, thin space, ...


def nfc(text: str) -> str:
    """Normalise text to Unicode NFC, strip it and collapse whitespace runs.

    Vietnamese text often arrives decomposed (NFD: ``a`` + combining marks), which
    compares unequal to the composed form and breaks joins. Runs of any Unicode
    whitespace (including NBSP) become one ASCII space; zero-width characters are
    removed.

    Parameters
    ----------
    text : str
        Text in any normalisation form.

    Returns
    -------
    str
        NFC text without leading/trailing space and with single inner spaces.

    Examples
    --------
    >>> nfc("  Quang  Nam\\u00a0 ")
    'Quang Nam'
    """
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return _SPACES.sub(" ", text).strip()


def ascii_key(text: str) -> str:
    """Return a lower-case ASCII key of ``text`` (diacritics and ``đ`` folded).

    Used for tolerant comparisons (``"Hà Nội"`` and ``"Ha  Noi"`` share the key
    ``"ha noi"``); never for display.

    Examples
    --------
    >>> ascii_key("Hà  Nội")
    'ha noi'
    >>> ascii_key("Đà Nẵng")
    'da nang'
    """
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


_INVISIBLE_RE = "[\u200b\u200c\u200d\u2060\ufeff]"


def nfc_series(values: pd.Series) -> pd.Series:
    """Vectorised :func:`nfc` over a Series of strings (missing values stay missing).

    Examples
    --------
    >>> import pandas as pd
    >>> nfc_series(pd.Series(["  Quang  Nam ", "Huế"])).tolist()
    ['Quang Nam', 'Huế']
    """
    s = values.astype("str").str.replace(_INVISIBLE_RE, "", regex=True)
    s = s.str.normalize("NFC").str.replace(r"\s+", " ", regex=True)
    return s.str.strip()


def ascii_key_series(values: pd.Series) -> pd.Series:
    """Vectorised :func:`ascii_key` over a Series of strings.

    Examples
    --------
    >>> import pandas as pd
    >>> ascii_key_series(pd.Series(["Hà Nội", "Đắk Lắk"])).tolist()
    ['ha noi', 'dak lak']
    """
    s = nfc_series(values).str.replace("đ", "d").str.replace("Đ", "D")
    # Vietnamese diacritics decompose into combining marks of U+0300-U+036F.
    s = s.str.normalize("NFD").str.replace("[\u0300-\u036f]", "", regex=True)
    return s.str.casefold()


# ------------------------------------------------------------------------ numbers

_MINUS = "\u2212\u2012\u2013"  # minus sign, figure dash, en dash used as minus
_SIGN = re.compile(rf"^(?P<sign>[+\-{_MINUS}]?)\s*(?P<body>.*)$", re.DOTALL)
# Plain digits, or 1-3 digits followed by groups of exactly three.
_VI = re.compile(r"^(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$")
_EN = re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")
_PATTERNS = {"vi": _VI, "en": _EN}
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def _check_fmt(fmt: str, allowed: tuple[str, ...] = ("vi", "en", "auto")) -> None:
    if fmt not in allowed:
        raise ValueError(f"fmt must be one of {allowed}, not {fmt!r}")


def _guess_fmt(body: str) -> Literal["vi", "en"]:
    """Decide the convention of an unsigned number string (rule of ``fmt="auto"``)."""
    has_dot, has_comma = "." in body, "," in body
    if has_dot and has_comma:
        # Whichever separator comes last is the decimal mark.
        return "vi" if body.rfind(",") > body.rfind(".") else "en"
    if not (has_dot or has_comma):
        return "vi"  # plain digits: both conventions agree
    sep = "." if has_dot else ","
    parts = body.split(sep)
    if len(parts) > 2:
        # A repeated mark ("1.000.000", "1,000,000") separates thousands.
        return "vi" if sep == "." else "en"
    if len(parts[1]) == 3:
        # One mark before exactly three digits ("1.000", "15.185", "551,000") is
        # ambiguous; read it the Vietnamese way, as most of the project's sources are.
        return "vi"
    # One mark before 1, 2 or 4+ digits can only be a decimal mark.
    return "vi" if sep == "," else "en"


def _parse_decimal(text: str, fmt: NumberFormat = "vi") -> Decimal:
    """Parse a plain number to an exact :class:`~decimal.Decimal` (see parse_number)."""
    _check_fmt(fmt)
    if not isinstance(text, str):
        raise ParseError(f"not a number: {text!r} (expected text)")
    cleaned = nfc(text)
    match = _SIGN.match(cleaned)
    assert match is not None  # the pattern matches any string
    sign, body = match["sign"], match["body"]
    used = _guess_fmt(body) if fmt == "auto" else fmt
    parts = _PATTERNS[used].match(body)
    if parts is None:
        raise ParseError(f"not a number in {used!r} format: {text!r}")
    thousands = _SEPARATORS[used][0]
    digits = parts["int"].replace(thousands, "")
    if parts["frac"] is not None:
        digits += "." + parts["frac"]
    value = Decimal(digits)
    return -value if sign and sign != "+" else value


def parse_number(text: str, fmt: NumberFormat = "vi") -> float:
    """Parse a plain number written in Vietnamese or English convention.

    Parameters
    ----------
    text : str
        The number as printed, e.g. ``"190.863"``, ``"83,23"``, ``"7.914,50"`` (vi) or
        ``"551,000"``, ``"16.16"`` (en). A leading ``+``/``-``/``−`` (U+2212) and
        surrounding spaces are allowed; thousands groups must have three digits.
    fmt : {"vi", "en", "auto"}
        ``"vi"``: ``.`` thousands, ``,`` decimal. ``"en"``: ``,`` thousands, ``.``
        decimal. ``"auto"`` decides from the string: with both marks the last one is
        the decimal mark; a repeated mark separates thousands; a single mark followed
        by 1, 2 or 4+ digits is a decimal mark; a single mark followed by exactly three
        digits (``"1.000"``, ``"15.185"``, ``"551,000"``) is ambiguous and read the
        Vietnamese way (``1000``, ``15185``, ``551.0``). Pass the format explicitly
        whenever the source is known.

    Returns
    -------
    float
        The value (correctly rounded from the exact decimal).

    Raises
    ------
    ParseError
        Empty text, GSO's missing marker ``..``, ``n/a``, malformed groups, etc.

    Examples
    --------
    >>> parse_number("7.914,50")
    7914.5
    >>> parse_number("551,000", "en")
    551000.0
    """
    return float(_parse_decimal(text, fmt))


def parse_numbers(values: pd.Series, fmt: Literal["vi", "en"] = "vi") -> pd.DataFrame:
    """Parse a column of number strings at once (vectorised :func:`parse_number`).

    Parameters
    ----------
    values : pandas.Series
        Strings (missing values count as unparseable).
    fmt : {"vi", "en"}
        Number convention of the whole column.

    Returns
    -------
    pandas.DataFrame
        Same index; ``value`` (float, NaN where not parsed) and ``ok`` (bool).

    Examples
    --------
    >>> import pandas as pd
    >>> parse_numbers(pd.Series(["190.863", "83,23", "n/a"]))
           value     ok
    0  190863.00   True
    1      83.23   True
    2        NaN  False
    """
    _check_fmt(fmt, ("vi", "en"))
    s = nfc_series(values)
    sign = s.str.extract(_SIGN.pattern, flags=re.DOTALL)
    body = sign["body"]
    ok = body.str.fullmatch(_PATTERNS[fmt].pattern).fillna(False).astype(bool)
    thousands, decimal = _SEPARATORS[fmt]
    plain = body.where(ok).str.replace(thousands, "", regex=False)
    plain = plain.str.replace(decimal, ".", regex=False)
    negative = sign["sign"].isin(["-", *_MINUS])
    # float() on decimal strings is correctly rounded, like parse_number.
    value = pd.Series(plain.to_numpy(dtype=object, na_value="nan").astype(float), index=s.index)
    value = value.where(~negative, -value)
    return pd.DataFrame({"value": value.where(ok), "ok": ok}, index=values.index)


def format_number(
    x: float, decimals: int = 0, fmt: Literal["vi", "en"] = "vi", *, na_rep: str | None = None
) -> str:
    """Format a number with thousands separators, the inverse of :func:`parse_number`.

    Parameters
    ----------
    x : float
        The number (int, float or Decimal).
    decimals : int
        Digits after the decimal mark (rounded half-to-even on the exact binary value,
        like :func:`round`).
    fmt : {"vi", "en"}
        ``"vi"`` gives ``190.863`` / ``83,23``; ``"en"`` gives ``190,863`` / ``83.23``.
    na_rep : str or None
        Text returned for NaN; ``None`` (default) raises ``ValueError`` instead.

    Returns
    -------
    str
        ``parse_number(format_number(x, d, fmt), fmt) == round(x, d)``.

    Examples
    --------
    >>> format_number(190863)
    '190.863'
    >>> format_number(83.2345, 2)
    '83,23'
    """
    _check_fmt(fmt, ("vi", "en"))
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, not {decimals}")
    if isinstance(x, float | int) and x != x:  # NaN
        if na_rep is None:
            raise ValueError("cannot format NaN (pass na_rep=...)")
        return na_rep
    if isinstance(x, float) and x in (float("inf"), float("-inf")):
        raise ValueError(f"cannot format {x}")
    text = f"{x:,.{decimals}f}"  # English layout first
    if fmt == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


# ---------------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Quantity:
    """A parsed figure in base units.

    Attributes
    ----------
    value : float
        Persons (or other counted things) for ``unit="count"``; 0–100 for ``"pct"``.
    unit : str
        ``"count"`` or ``"pct"``.
    qualifier : str or None
        Approximation/bound printed before the number (``"≈"``, ``">"``, ``"trên"``,
        ``"gần"``, ...), lower-cased; ``None`` when the figure is exact.
    """

    value: float
    unit: str
    qualifier: str | None = None


# Longest alternatives first so "tối thiểu" wins over shorter prefixes (schema.QUALIFIERS).
_QUALIFIERS = QUALIFIERS
_MULTIPLIERS = MULTIPLIERS
# Nouns after a count that do not change its meaning (the caller picks the unit).
_COUNT_NOUNS = {
    "người", "người dân", "lao động", "người lao động", "người tham gia", "hộ",
    "hộ gia đình", "lượt", "lượt người", "thẻ", "cuộc", "buổi", "đơn vị", "doanh nghiệp",
    "people", "persons", "person", "participants", "workers", "households", "cards",
}
_QUANTITY = re.compile(
    r"^(?P<qual>"
    + "|".join(re.escape(q) for q in _QUALIFIERS)
    + rf")?\s*(?P<num>[+\-{_MINUS}]?\s*\d[\d.,]*)\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def parse_quantity(text: str, fmt: NumberFormat = "vi") -> Quantity:
    """Parse a figure with its unit word, percentage sign and qualifier.

    Parameters
    ----------
    text : str
        E.g. ``"83,23%"``, ``"485,9 ngàn"``, ``"1,12 triệu"``, ``"574 ngàn người"``,
        ``"trên 1.000 người"`` (vi) or ``"16.16 M"``, ``"≈ 6,000"``, ``"> 16.5 M"`` (en).
        Multipliers: ngàn/nghìn/K/thousand (10³), triệu/M/million (10⁶), tỷ/bn/billion
        (10⁹). Trailing count nouns (người, lao động, hộ, lượt, thẻ, people, persons,
        ...) are ignored; any other trailing text is an error.
    fmt : {"vi", "en", "auto"}
        Number convention (see :func:`parse_number`).

    Returns
    -------
    Quantity
        ``value`` in base units (persons, or percent 0–100), computed exactly in
        decimal and rounded once to float.

    Raises
    ------
    ParseError
        Unparseable number, unknown unit word, ranges such as ``"37–38%"``.

    Examples
    --------
    >>> parse_quantity("1,12 triệu")
    Quantity(value=1120000.0, unit='count', qualifier=None)
    >>> parse_quantity("> 16.5 M", "en")
    Quantity(value=16500000.0, unit='count', qualifier='>')
    """
    if not isinstance(text, str):
        raise ParseError(f"not a quantity: {text!r} (expected text)")
    cleaned = nfc(text).rstrip(" .,;:")  # sentence punctuation copied with the figure
    match = _QUANTITY.match(cleaned)
    if match is None:
        raise ParseError(f"no number in quantity {text!r}")
    qualifier = match["qual"].casefold() if match["qual"] else None
    try:
        number = _parse_decimal(match["num"], fmt)
    except ParseError as exc:
        raise ParseError(f"bad number in quantity {text!r}: {exc}") from None
    rest = match["rest"].strip()
    unit = "count"
    multiplier = 1
    if rest.startswith("%"):
        unit, rest = "pct", rest[1:].strip()
    else:
        words = rest.split(" ", 1)
        # "M" alone is the English million; a lower-case "m" is accepted too.
        factor = _MULTIPLIERS.get(words[0].casefold()) if words[0] else None
        if factor is not None:
            multiplier = factor
            rest = words[1] if len(words) > 1 else ""
    if rest and rest.casefold() not in _COUNT_NOUNS:
        raise ParseError(f"unexpected text {rest!r} in quantity {text!r}")
    if unit == "pct" and rest:
        raise ParseError(f"unexpected text after % in quantity {text!r}")
    return Quantity(float(number * multiplier), unit, qualifier)


# ------------------------------------------------------------- per-value reading

#: Columns of :func:`read_values`.
READ_COLUMNS = ["value", "unit", "qualifier", "format", "reason"]
_FMT_NAMES = {"vi": "Vietnamese", "en": "English"}


def value_kind(indicators: pd.Series) -> pd.Series:
    """Kind of number an indicator holds: ``pct`` (``*_pct``, ``*_pp``) or ``count``.

    Every indicator of the vocabulary that is not a percentage counts persons, cards,
    sessions or rounds: a whole number.

    Examples
    --------
    >>> import pandas as pd
    >>> value_kind(pd.Series(["bhyt_coverage_pct", "bhyt_participants"])).tolist()
    ['pct', 'count']
    """
    ind = indicators.astype("str").str.strip().str.casefold()
    pct = ind.str.endswith("_pct") | ind.str.endswith("_pp")
    return pd.Series(pct.map({True: "pct", False: "count"}),
                     index=indicators.index, dtype="str")


def _broadcast(x: pd.Series | str | None, index: pd.Index, default: str) -> pd.Series:
    if isinstance(x, pd.Series):
        return x.reindex(index).fillna(default).astype("str").str.strip().str.casefold()
    return pd.Series(default if x is None else str(x).casefold(), index=index, dtype="str")


def _shown(values: pd.Series) -> pd.Series:
    """Readings as message text; ``-`` where there is none."""
    return values.map(_show, na_action="ignore").astype(object).fillna("-").astype("str")


def _show(v: float) -> str:
    """A reading as plain English-style text (``61,649``, ``61.649``) for messages."""
    text = format_number(v, 0 if float(v).is_integer() else 6, "en")
    return text.rstrip("0").rstrip(".") if "." in text else text


def read_values(
    texts: pd.Series,
    kind: pd.Series | str = "count",
    fmt: pd.Series | str | None = "auto",
) -> pd.DataFrame:
    """Read each printed figure by its own evidence and the kind of number it must be.

    No file-wide vote: every value is read both ways (Vietnamese ``.`` thousands, ``,``
    decimal; English the opposite) and a reading is kept only when it fits its kind:

    - ``count``: a count is whole, and it is printed without a decimal part unless a
      multiplier follows (``"1,12 triệu"``); so ``"61.649"`` is 61,649 and ``"551,000"``
      is 551,000 (the other readings would be a fractional count, or a whole count
      written with three decimal zeros).
    - ``pct``: a percentage needs no thousands separator, so ``"92.5"`` is 92.5 and
      ``"92.500"`` is 92.5.

    A value both of whose readings fit (``"1.234 triệu"``) is ambiguous and not read:
    ``reason`` names both readings. An explicit format (``"vi"``/``"en"``, e.g. a curated
    row's ``number_format`` column) decides between two fitting readings; a value whose
    declared reading does not fit is refused with both readings named.

    Parameters
    ----------
    texts : pandas.Series
        Figures as printed (qualifier, multiplier, unit word and ``%`` allowed, see
        :func:`parse_quantity`).
    kind : Series or str
        ``count`` or ``pct`` per value (:func:`value_kind` of the indicators), or
        ``number`` (no kind known: both readings must agree).
    fmt : Series or str or None
        ``vi``, ``en`` or ``auto`` (default; also for empty cells) per value.

    Returns
    -------
    pandas.DataFrame
        Same index; ``value`` (float, NaN when not read), ``unit`` (``count``/``pct``),
        ``qualifier`` (lower-cased, ``""`` when exact), ``format`` (``vi``, ``en`` or
        ``""`` when both readings agree), ``reason`` (``""`` when read, else why not).

    Examples
    --------
    >>> out = read_values(pd.Series(["61.649", "92.5"]), pd.Series(["count", "pct"]))
    >>> out["value"].tolist()
    [61649.0, 92.5]
    """
    # Every value is read on its own, so the work is done once per distinct
    # (text, kind, format) and spread back: daily files repeat their values a lot.
    idx = texts.index
    text = texts.fillna("").astype("str")
    kinds = _broadcast(kind, idx, "number")
    hint = _broadcast(fmt, idx, "auto")
    codes, _ = pd.factorize(text + "\x00" + kinds + "\x00" + hint)
    _, first = np.unique(codes, return_index=True)
    out = _read_distinct(text.iloc[first].reset_index(drop=True),
                         kinds.iloc[first].reset_index(drop=True),
                         hint.iloc[first].reset_index(drop=True))
    out = out.iloc[codes]
    out.index = idx
    return out


def _read_distinct(texts: pd.Series, kind: pd.Series, fmt: pd.Series) -> pd.DataFrame:
    """:func:`read_values` of distinct values (same arguments and result)."""
    idx = texts.index
    s = nfc_series(texts.fillna("").astype("str")).str.rstrip(" .,;:")
    kinds = _broadcast(kind, idx, "number")
    hint = _broadcast(fmt, idx, "auto").where(lambda h: h.isin(["vi", "en"]), "auto")
    parts = s.str.extract(_QUANTITY.pattern, flags=re.IGNORECASE | re.DOTALL)
    num = parts["num"].fillna("").str.replace(r"\s+", "", regex=True)
    rest = parts["rest"].fillna("").str.strip()
    is_pct = rest.str.startswith("%")
    after = rest.where(~is_pct, rest.str[1:].str.strip())
    first = after.str.split(" ", n=1).str[0].fillna("")
    mult = first.str.casefold().map(_MULTIPLIERS).where(~is_pct & first.ne(""))
    tail = after.where(mult.isna(), after.str.split(" ", n=1).str[1].astype(object).fillna(""))
    bad_tail = tail.ne("") & (is_pct | ~tail.str.casefold().isin(_COUNT_NOUNS))
    mult = mult.fillna(1).astype("float64")
    body = num.str.lstrip("+-" + _MINUS)
    read: dict[str, pd.Series] = {}
    fits: dict[str, pd.Series] = {}
    for f in ("vi", "en"):
        v = parse_numbers(num, f)["value"] * mult
        read[f] = v.where(mult.eq(1), v.round(6))
    for f, other in (("vi", "en"), ("en", "vi")):
        thousands, decimal = _SEPARATORS[f]
        v = read[f]
        whole = (v - v.round()).abs().lt(1e-9)
        # "551,000" read as 551 would be a count written with three decimal zeros: not
        # a count, when the other convention reads the same text as thousands.
        uses_decimal = body.str.contains(decimal, regex=False) & mult.eq(1) & read[other].notna()
        count_ok = whole & ~uses_decimal
        pct_ok = ~body.str.contains(thousands, regex=False)
        fits[f] = v.notna() & np.select(
            [kinds.eq("count") & ~is_pct, kinds.eq("pct") | is_pct], [count_ok, pct_ok], True)
    agree = read["vi"].notna() & read["en"].notna() & read["vi"].eq(read["en"])
    value = pd.Series(np.nan, index=idx, dtype="float64")
    used = pd.Series("", index=idx, dtype="str")
    reason = pd.Series("", index=idx, dtype="str")
    both = fits["vi"] & fits["en"] & ~agree
    for f, other in (("vi", "en"), ("en", "vi")):
        only = fits[f] & ~fits[other] & ~agree
        take = (hint.eq(f) & fits[f] & ~agree) | (hint.eq("auto") & only)
        value, used = value.where(~take, read[f]), used.where(~take, f)
        refused = hint.eq(f) & ~fits[f] & read[other].notna() & ~agree
        why = (("declared " + _FMT_NAMES[f] + " reading " + _shown(read[f])
                + " does not fit a " + kinds).where(
            read[f].notna(), "not a number in the declared " + _FMT_NAMES[f] + " format")
            + "; the " + _FMT_NAMES[other] + " reading is " + _shown(read[other]))
        reason = reason.where(~refused, why)
    ok_agree = agree & (fits["vi"] | fits["en"])
    value, used = value.where(~ok_agree, read["vi"]), used.where(~ok_agree, "")
    amb = both & hint.eq("auto")
    reason = reason.where(~amb, "ambiguous number: Vietnamese reading "
                          + _shown(read["vi"]) + ", English reading " + _shown(read["en"])
                          + "; write it unambiguously or declare the number format")
    # Parsed, but no reading fits the kind (a fractional count, a grouped percentage).
    nofit = value.isna() & reason.eq("") & (read["vi"].notna() | read["en"].notna())
    shown = _shown(read["vi"]) + " (Vietnamese) / " + _shown(read["en"]) + " (English)"
    reason = reason.where(~nofit, np.where(
        kinds.eq("count") & ~is_pct, "not a whole count: reads as ",
        "not a plausible percentage: reads as ") + shown)
    unread = value.isna() & reason.eq("")
    reason = reason.where(~unread, np.where(s.eq(""), "missing value",
                                            "not a number: " + s.map(repr)))
    reason = reason.where(~bad_tail, "unexpected text " + tail.map(repr) + " after the number")
    value = value.where(~bad_tail)
    neg = num.str.match(f"^[-{_MINUS}]") & value.notna()
    value = value.where(~neg | value.le(0), -value)
    return pd.DataFrame({
        "value": value, "unit": np.where(is_pct, "pct", "count"),
        "qualifier": parts["qual"].fillna("").str.casefold(), "format": used,
        "reason": reason}, index=idx)


def read_value(text: str, kind: str = "count", fmt: str | None = "auto") -> tuple[float, str]:
    """Read one printed figure (scalar :func:`read_values`): ``(value, reason)``.

    Examples
    --------
    >>> read_value("61.649", "count")
    (61649.0, '')
    >>> read_value("92.5", "pct")
    (92.5, '')
    """
    row = read_values(pd.Series([text]), kind, fmt).iloc[0]
    return float(row["value"]), str(row["reason"])


# -------------------------------------------------------------------------- dates

_MONTHS_EN = {
    name.casefold(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS_EN["sept"] = 9
_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS_EN), key=len, reverse=True))
# Words in front of a date that carry no date information (Vietnamese and English).
_NOISE_PREFIX = re.compile(
    r"^(?:(?:sáng|chiều|trưa|tối|đêm|ngày|tính|đến|tới|vào|lúc|"
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|as\s+of|at|on|by|in|of|the)\b[\s,:.]*)+",
    re.IGNORECASE,
)
# Words that say "the end of the period" whatever the default.
_END_PREFIX = re.compile(r"^(?:hết|cuối|end|end\s+of|year-end|year\s+end)\b[\s,:-]*", re.I)
_TIME_SUFFIX = re.compile(r"[\s,]+\d{1,2}[:h]\d{2}(?::\d{2})?\s*$")

_DATE_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")),
    ("dmy", re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$")),
    ("my", re.compile(r"^(?:tháng\s*)?(?P<m>\d{1,2})[/.-](?P<y>\d{4})$", re.I)),
    ("dm", re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})$")),
    (
        "dmy",
        re.compile(
            r"^(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm\s+|/)(?P<y>\d{4}))?$", re.I
        ),
    ),
    ("my", re.compile(r"^tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm\s+|/)\s*(?P<y>\d{4}))?$", re.I)),
    # "6 tháng đầu năm 2020": the first six months, i.e. up to the end of June.
    (
        "my",
        re.compile(
            r"^(?P<m>\d{1,2})\s+tháng(?:\s+đầu)?\s+năm(?:\s+nay)?(?:\s+(?P<y>\d{4}))?$", re.I
        ),
    ),
    ("dmy", re.compile(rf"^(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\.?,?(?:\s+(?P<y>\d{{4}}))?$", re.I)),
    ("dmy", re.compile(rf"^(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})$", re.I)),
    ("my", re.compile(rf"^(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})$", re.I)),
    ("y", re.compile(r"^(?:năm\s+)?(?P<y>\d{4})$", re.I)),
]


def parse_date(
    text: str, *, year: int | None = None, default: Literal["end", "start"] = "end"
) -> _dt.date:
    """Parse a date as printed in Vietnamese or English sources.

    Parameters
    ----------
    text : str
        ``"31/7"``, ``"22/8/2020"``, ``"31/08/2023"``, ``"2020-07-31"``,
        ``"hết tháng 6 năm 2020"``, ``"tháng 6/2020"``, ``"tính đến 31/8"``,
        ``"đến hết ngày 31/7"``, ``"Ngày 12/9"``, ``"Sáng 22/8"``, ``"Thứ ba, 26/01/2021"``,
        ``"ngày 31 tháng 7 năm 2020"``, ``"6 tháng đầu năm 2020"``, ``"Jun 2020"``,
        ``"7 Dec 2022"``, ``"end 2018"``, ``"2019"``. A trailing clock time and a
        trailing parenthetical remark (``"Sep 2022 (conflicting)"``) are ignored.
    year : int or None
        Year for texts that print none (``"31/7"``); ignored when the text has one.
    default : {"end", "start"}
        Day chosen for a month or year without a day: its last day (default; the
        project stores year-end figures as ``YYYY-12-31``) or its first day.
        ``hết``/``cuối``/``end`` always mean the last day.

    Returns
    -------
    datetime.date

    Raises
    ------
    ParseError
        Unknown form, a missing year with ``year=None``, or an impossible date
        (``"31/2/2020"``); the message quotes the text.

    Examples
    --------
    >>> parse_date("hết tháng 6 năm 2020")
    datetime.date(2020, 6, 30)
    >>> parse_date("31/7", year=2023)
    datetime.date(2023, 7, 31)
    >>> parse_date("Jun 2020", default="start")
    datetime.date(2020, 6, 1)
    """
    if default not in ("end", "start"):
        raise ValueError(f"default must be 'end' or 'start', not {default!r}")
    if not isinstance(text, str):
        raise ParseError(f"not a date: {text!r} (expected text)")
    s = nfc(text).rstrip(" .,;:")
    s = _TIME_SUFFIX.sub("", s)
    s = re.sub(r"\s*\([^()]*\)$", "", s)  # trailing remark: "Sep 2022 (conflicting)"
    force_end = False
    # Prefixes may interleave ("đến hết ngày 31/7"), so strip until stable.
    while True:
        before = s
        s = _NOISE_PREFIX.sub("", s)
        m = _END_PREFIX.match(s)
        if m:
            force_end = True
            s = s[m.end() :]
        if s == before:
            break
    for kind, pattern in _DATE_FORMS:
        m = pattern.match(s)
        if m is None:
            continue
        groups = m.groupdict()
        y = int(groups["y"]) if groups.get("y") else year
        if y is None:
            raise ParseError(f"date {text!r} has no year and no year= was given")
        if groups.get("mon"):
            month = _MONTHS_EN[groups["mon"].casefold()]
        else:
            month = int(groups["m"]) if groups.get("m") else None
        end = force_end or default == "end"
        if kind == "y":
            month, day = (12, 31) if end else (1, 1)
        elif kind == "my":
            if month is None or not 1 <= month <= 12:
                raise ParseError(f"invalid month in date {text!r}")
            day = calendar.monthrange(y, month)[1] if end else 1
        else:
            day = int(groups["d"])
        try:
            return _dt.date(y, month, day)  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            raise ParseError(f"invalid date {text!r}: {exc}") from None
    raise ParseError(f"unrecognised date {text!r}")


def iso_date(day: Any) -> str:
    """Write a date (ISO text, a date, a Timestamp) as ``YYYY-MM-DD``; ``""`` when missing.

    Text is taken as already ISO and cut to its date (``"2024-07-05T08:00"`` →
    ``"2024-07-05"``), never re-parsed, so ``"05/07/2024"`` is not silently read
    month-first; a date or Timestamp loses its time of day. Extraction compares and
    writes dates in this one form (candidates, gold lists, publication dates).

    Parameters
    ----------
    day : str, date, Timestamp or None
        The date; ``None``, NaN and NaT are missing.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> iso_date(pd.Timestamp("2024-07-05 08:30")), iso_date("2024-07-05T08:00"), iso_date(pd.NaT)
    ('2024-07-05', '2024-07-05', '')
    """
    if day is None or (not isinstance(day, str) and pd.isna(day)):
        return ""
    return day[:10] if isinstance(day, str) else pd.Timestamp(day).date().isoformat()
