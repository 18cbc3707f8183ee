"""Dates a source gives only roughly ("end-2020", "up to now"), and how a page prints them.

A curated row's ``as_of`` is always a day, but some sources name none: Quảng Ninh's
95 % BHYT coverage comes from a 2015–2020 summary and was dated 31/12/2020 with the
note "as_of approximated to end-2020"; Đà Bắc's "up to now" figures of a first-half
article were dated 30/6/2019. The observations table says so in two places
(docs/data.md): the row's ``note`` ("as_of approximated …", "as_of approximate …") and
an ``as_of_raw`` that names a part of a year rather than a day ("early 2024"). A page
prints such a date as what the source says — "cuối năm 2020" / "end of 2020" for a
year's end, "khoảng 30/6/2019" / "about 30 Jun 2019" otherwise — never as an exact day.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .. import i18n

#: A note saying the row's date was approximated (not "published date approximate",
#: which is about the publication, nor "dated mid-year", the GSO averages' convention).
APPROX_NOTE = re.compile(r"\bas_of approximat", re.IGNORECASE)
#: An ``as_of_raw`` naming a part of a year, not a day ("early 2024", "cuối năm 2020").
APPROX_RAW = re.compile(r"^\s*(?:early|mid|late|end)[- ]?(?:of )?\d{4}\b"
                        r"|^\s*(?:đầu|giữa|cuối) năm\b", re.IGNORECASE)


def approximate(df: pd.DataFrame) -> pd.Series:
    """Whether each row's ``as_of`` is approximate, by its ``note`` and ``as_of_raw``.

    Examples
    --------
    >>> approximate(pd.DataFrame({
    ...     "note": ["as_of approximated to end-2020", "published date approximate", ""],
    ...     "as_of_raw": ["2020-12-31", "2016-12-31", "early 2024"]})).tolist()
    [True, False, True]
    """
    out = pd.Series(False, index=df.index)
    for col, pattern in (("note", APPROX_NOTE), ("as_of_raw", APPROX_RAW)):
        if col in df:
            out |= df[col].fillna("").astype(str).str.contains(pattern)
    return out


def is_flag(value: Any) -> bool:
    """Whether a table's ``*_approx`` cell is set (``True``; not NaN, None or ``False``)."""
    try:
        return bool(value) and not pd.isna(value)
    except (TypeError, ValueError):
        return False


def date_text(when: Any, approx: Any, lang: str) -> str:
    """A date as the reader should see it: approximate ones as the source gives them.

    Examples
    --------
    >>> date_text("2020-12-31", True, "vi"), date_text("2020-12-31", True, "en")
    ('cuối năm 2020', 'end of 2020')
    >>> date_text("2019-06-30", True, "en"), date_text("2019-06-30", False, "vi")
    ('about 30 Jun 2019', '30/6/2019')
    """
    if not is_flag(approx) or when is None or pd.isna(when):
        return i18n.fmt_date(when, lang)
    day = pd.Timestamp(when)
    if (day.month, day.day) == (12, 31):
        return i18n.t("date_approx_year_end", lang, year=day.year)
    return i18n.t("date_approx", lang, date=i18n.fmt_date(day, lang))


def months_text(n: int, lang: str) -> str:
    """A number of months in words: "1 month", "6 months" ("1 tháng", "6 tháng").

    The national page read "within 1 months of this point of the year".

    Examples
    --------
    >>> months_text(1, "en"), months_text(6, "en"), months_text(1, "vi")
    ('1 month', '6 months', '1 tháng')
    """
    return i18n.t("months_one" if n == 1 else "months_n", lang, n=n)
