"""A document's numbered section of a past year's results (blind sets 29 and 30).

An official report or plan signed early in a year reviews the year before under a
numbered heading of its own line — "I. KẾT QUẢ THỰC HIỆN NĂM 2025" over bullets, "I. KẾT
QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2018" over a table and sentences — and prints that year only
there (or in a paragraph the bullets do not belong to). The figures under it that print
no date of their own are of 31 December of that year, not of the signing or publication
day; a plan with no year under it (a results table's "Kế hoạch" column) is that year's,
not the one the title announces work for. The section runs to the next heading
numbered the same way ("II. …" after "I. …"; the "1. …" sub-headings inside do not end
it). A heading of a part of a year ("9 tháng", "quý III", "6 tháng đầu năm") sets none:
its digits are not allowed; nor does a year not before the publication's.

:func:`results_year` is asked by :func:`bhxh_analysis.extract.dating.date_for` for a
figure with no date of its own and by
:func:`bhxh_analysis.extract.dates_page.plan_fallback_year` for a plan with no year.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

__all__ = ["results_year"]

#: "I. KẾT QUẢ THỰC HIỆN NĂM 2025", "1. Kết quả thực hiện nhiệm vụ năm 2018", "II. TÌNH
#: HÌNH THỰC HIỆN NĂM 2024": a numbered heading, on its own line, of one year's results.
_RESULTS_HEADING = re.compile(
    r"^[ \t]*(?P<num>[IVX]{1,4}|\d{1,2}|[A-Z])[.)][ \t]+(?:kết[ \t]+quả|tình[ \t]+hình|"
    r"đánh[ \t]+giá)(?![^\n]*\b(?:quý|tháng)\b)[^\d\n.;!?]{0,60}?năm[ \t]+(?P<y>(?:19|20)\d{2})[ \t]*:?[ \t]*$",
    re.I | re.M)


def _kind(num: str) -> str:
    """How a heading is numbered: roman, arabic or a letter."""
    if num.isdigit():
        return r"\d{1,2}"
    return r"[IVX]{1,4}" if re.fullmatch(r"[IVX]+", num) else r"[A-Z]"


@functools.lru_cache(maxsize=8)
def _sections(text: str, year: int) -> tuple[tuple[int, int, int], ...]:
    """The spans ``(start, end, year)`` of the results sections of years before ``year``."""
    out = []
    for m in _RESULTS_HEADING.finditer(text):
        y = int(m["y"])
        if y >= year:
            continue
        nxt = re.compile(r"^[ \t]*" + _kind(m["num"]) + r"[.)][ \t]+\S", re.M).search(
            text, m.end())
        out.append((m.start(), nxt.start() if nxt else len(text), y))
    return tuple(out)


def results_year(text: str, pos: int, published: _dt.date | None) -> int | None:
    """The year whose results the numbered section holding ``text[pos]`` reports.

    Parameters
    ----------
    text : str
        The page.
    pos : int
        Where the figure starts.
    published : datetime.date or None
        The publication day; without one no section is read (a page with no publication
        date has its own year rules, :func:`bhxh_analysis.extract.dates_page.stated_year`).

    Returns
    -------
    int or None
        The section's year, or ``None`` outside such a section.

    Examples
    --------
    >>> page = ("I. KẾT QUẢ THỰC HIỆN NĂM 2024\\n- Số người tham gia BHTN là 48.400 người."
    ...         "\\nII. NHIỆM VỤ NĂM 2025\\n- Tỷ lệ bao phủ BHYT đạt 94%.")
    >>> results_year(page, page.find("48.400"), _dt.date(2025, 1, 15))
    2024
    >>> results_year(page, page.find("94%"), _dt.date(2025, 1, 15)) is None
    True
    """
    if published is None:
        return None
    return next((y for a, b, y in _sections(text, published.year) if a <= pos < b), None)
