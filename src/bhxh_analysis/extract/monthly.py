"""A month-by-month list: one stock of a scheme at the end of each month (set 18).

A page may print a scheme's participants month by month under a lead that says what is
counted::

    Theo số liệu BHXH tỉnh, số người tham gia BHXH tự nguyện vào cuối mỗi tháng như sau:
    - Tháng 1: 118.420 người
    - Tháng 2: 119.065 người

Each item is the lead's scheme's participants at the end of its month, of the place in
context: :func:`month_lines` gives the items as rows of a table whose rows are dates
(``TableRow.by_scheme``: the place in context), and :func:`month_end_of` dates each.
"""

from __future__ import annotations

import datetime as _dt
import re

from .dating import month_end
from .figures import scheme_mentions
from .tables import TableRow

__all__ = ["month_end_of", "month_lines"]

#: a lead over a month-by-month list: "… (vào cuối) mỗi / từng / các tháng (như sau):"
_LEAD = re.compile(r"[^\n]*\b(?:mỗi|từng|các|hằng|hàng)\s+tháng\b[^\n\d]{0,40}:[ \t]*$",
                   re.I | re.M)
#: what the lead counts: participants ("số người tham gia", "người tham gia")
_COUNTED = re.compile(r"người\s+tham\s+gia", re.I)
#: a lead of a flow, not a stock: new participants, a rise or a fall each month
_FLOW = re.compile(r"\b(?:mới|tăng|giảm|thêm|phát\s+triển|đóng|nợ|hưởng)\b", re.I)
#: an item: "- Tháng 1: 118.420 người" ("Tháng 1/2024", "T1" not read)
_ITEM = re.compile(r"[ \t]*[-–•*+]?[ \t]*(?P<month>tháng[ \t]+(?P<m>\d{1,2})"
                   r"(?:[ \t]*/[ \t]*(?P<y>(?:19|20)\d\d))?)[ \t]*:[ \t]*"
                   r"(?P<value>(?:hơn|trên|gần|khoảng)?[ \t]*\d{1,3}(?:\.\d{3})+|\d{1,6})"
                   r"[ \t]*người[ \t.;,]*(?=\n|$)", re.I)


def month_lines(text: str) -> list[TableRow]:
    r"""The items of every month-by-month list of one scheme's participants.

    The lead (a line ending with a colon, saying "mỗi / từng / các tháng", naming one
    scheme and "người tham gia", no flow: "mới", "tăng", "phát triển" …) is followed by two item lines "Tháng M: N người" or
    more; each is a row whose figure is the scheme's participants.

    Examples
    --------
    >>> t = ("Số người tham gia BHYT cuối mỗi tháng như sau:\n- Tháng 1: 10.200 người\n"
    ...      "- Tháng 2: 10.350 người")
    >>> [(t[r.start:r.end], r.columns[1]) for r in month_lines(t)]
    [('Tháng 1: 10.200', ('bhyt', 'participants')), ('Tháng 2: 10.350', ('bhyt', 'participants'))]
    """
    out: list[TableRow] = []
    for lead in _LEAD.finditer(text):
        schemes = {x[1] for x in scheme_mentions(text, lead.start(), lead.end()) if not x[2]}
        if len(schemes) != 1 or not _COUNTED.search(lead.group(0)) \
                or _FLOW.search(lead.group(0)):
            continue
        column = ((None, None), (schemes.pop(), "participants"))
        rows: list[TableRow] = []
        pos = lead.end() + 1
        while (m := _ITEM.match(text, pos)) is not None:
            cells = ((m.start("month"), m.end("month")), (m.start("value"), m.end("value")))
            rows.append(TableRow(m.start("month"), m.end("value"), cells, column,
                                 by_scheme=True))
            pos = m.end() + 1
        if len(rows) >= 2:
            out.extend(rows)
    return out


def month_end_of(text: str, row: TableRow, published: _dt.date | None,
                 year: int | None) -> _dt.date | None:
    """The end of an item's month: of the year it prints, else of the publication's
    year (the year before when the month is after the publication's), else ``year``.

    Examples
    --------
    >>> t = "Tháng 6: 123.915 người"
    >>> row = TableRow(0, 16, ((0, 7), (9, 16)), ((None, None), ("bhyt", "participants")))
    >>> month_end_of(t, row, _dt.date(2024, 7, 5), None), month_end_of(t, row, None, 2023)
    (datetime.date(2024, 6, 30), datetime.date(2023, 6, 30))
    """
    m = _ITEM.match(text, row.start)
    if m is None or not 1 <= int(m["m"]) <= 12:
        return None
    month = int(m["m"])
    if m["y"]:
        return month_end(int(m["y"]), month)
    if published is not None:
        return month_end(published.year - (month > published.month), month)
    return month_end(year, month) if year else None
