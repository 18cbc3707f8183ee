"""An infographic's text: its title block, its blocks under a scheme, its ranking of places.

A national or provincial infographic (eighteenth blind set) prints short lines in blocks::

    BẢO HIỂM XÃ HỘI VIỆT NAM
    NĂM 2023 – NHỮNG CON SỐ ẤN TƯỢNG

    BHTN
    14,7 triệu người
    ≈ 32% lực lượng lao động

    CÁC TỈNH CÓ TỶ LỆ BAO PHỦ BHXH
    CAO NHẤT LÀ:
    Bắc Ninh: 71,2%
    Bình Dương: 69,8%

Three readings follow from the layout, not from the words of one page:

- the title may take two lines: the year in its second line ("NĂM 2023 – …") dates the
  figures as a one-line title naming it does (:func:`title_end`);
- a bare rate on a short line of the block under a scheme's heading is that scheme's,
  not the scheme of the rate read in the block before (:func:`headed_rate`);
- a heading that ranks places by a rate ("CÁC TỈNH CÓ TỶ LỆ … CAO NHẤT LÀ:") over lines
  "Tên: N%" is a small table: each line is its place's rate, and the places named there
  are neither the page's subject nor the place in play after the block
  (:func:`ranked_lines`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P
from .clauses import section_scheme
from .tables import TableRow, column_reading

if TYPE_CHECKING:
    from .printed import Figure

__all__ = ["headed_change", "headed_rate", "ranked_lines", "title_end"]

#: the longest title block read as one title
_TITLE_MAX = 160


def title_end(text: str) -> int:
    """Where a page's title ends: its first line, or its first block of two short lines.

    "BẢO HIỂM XÃ HỘI VIỆT NAM⏎NĂM 2023 – NHỮNG CON SỐ ẤN TƯỢNG⏎⏎…": an infographic's
    title set on two lines (no figure but the year, then a blank line) ends after the
    second. A comma ends the title at its first line unless the block is set in capitals
    ("ĐÀ NẴNG⏎BỨC TRANH BHXH, BHYT NĂM 2025", twenty-third blind set: a title lists its
    schemes). A block of three lines set in capitals is one title too ("INFOGRAPHIC⏎NGÀNH
    BHXH VIỆT NAM⏎KẾT QUẢ NỔI BẬT NĂM 2024", twenty-eighth blind set: a label line over
    the two). -1 when the text has one line only (as ``str.find``).

    Examples
    --------
    >>> title_end("BHXH TỈNH A\\nNĂM 2023 – CON SỐ\\n\\nBHYT\\n1 người")
    29
    >>> title_end("Tin ngắn\\nHết năm 2023, tỉnh có 1.000 người.\\n\\nKhác")
    8
    """
    head = text.find("\n")
    block = re.match(r"[^\n]+\n[^\n]+(?=\n[ \t]*\n)", text) or _caps_three(text)
    if head < 0 or block is None or block.end() >= _TITLE_MAX \
            or re.search(r"\d", text[:head]) or re.search(r"[.!?]\s*$", block.group(0)) \
            or ("," in block.group(0) and not block.group(0).isupper()):
        return head
    return block.end()


def _caps_three(text: str) -> re.Match[str] | None:
    """A first block of three lines set in capitals (a title with a label line)."""
    block = re.match(r"[^\n]+\n[^\n]+\n[^\n]+(?=\n[ \t]*\n)", text)
    return block if block is not None and block.group(0).isupper() else None


_BLANK = re.compile(r"\n[ \t]*\n")
#: a short line of an infographic's block: what may stand before its rate
_RATE_LINE = re.compile(r"[ \t•\-–*+≈~=]*(?:(?:tỷ|tỉ)\s+lệ(?:\s+(?:bao\s+phủ|tham\s+gia))?"
                        r"|chiếm|đạt|bằng|còn\s+(?:thiếu|cách)(?:\s+(?:mục|chỉ)\s+tiêu)?"
                        r")?[ \t:≈~=]*(?:(?:hơn|trên|gần|khoảng)[ \t]+)?$", re.I)


def headed_rate(text: str, start: int) -> str | None:
    """The scheme of a bare rate on a short line of the block under a scheme's heading.

    "BHTN⏎14,7 triệu người⏎≈ 32% lực lượng lao động": the block's first line, a heading
    naming one scheme (``clauses.section_scheme``), says whose rate it is, though a rate
    of the labour force read in the block before was BHXH's. ``None`` unless the rate's
    line holds nothing before the number but a bullet, "tỷ lệ (bao phủ, tham gia)",
    "chiếm", "đạt" or a qualifier, and the heading, after a blank line or the text's
    start, is at most three lines above.

    Examples
    --------
    >>> t = "BHTN\\n14,7 triệu người\\n≈ 32% lực lượng lao động"
    >>> headed_rate(t, 24), headed_rate("BHTN\\n\\n≈ 32% lực lượng lao động", 8)
    ('bhtn', None)
    >>> headed_rate("BHTN\\nTrong năm, 32% lực lượng lao động", 16)
    """
    line0 = text.rfind("\n", 0, start) + 1
    blank = [m.end() for m in _BLANK.finditer(text, 0, line0)]
    block = blank[-1] if blank else 0
    head_end = text.find("\n", block, line0)
    if head_end < 0 or text.count("\n", block, line0) > 3 \
            or _RATE_LINE.match(text[line0:start]) is None:
        return None
    return section_scheme(text, block, head_end)


#: a short line of a block opened by a change: "Tăng 9.850 người so với năm 2024"
_CHANGE_LINE = re.compile(r"[ \t•\-–*+]*(?:tăng|giảm)(?:\s+(?:thêm|hơn|gần|khoảng))?[ \t:]*$",
                          re.I)


def headed_change(text: str, fig: Figure) -> str | None:
    """The scheme of a change on a line of its own in the block under a scheme's heading.

    "BHXH⏎402.600 người⏎…⏎Tự nguyện: 71.400 người⏎Tăng 9.850 người so với năm 2024" (set
    34): the line names no scheme, so the block's heading says whose change it is, not the
    part named on the line before. Only a change (``change_participants``) whose line
    opens with "Tăng" or "Giảm" right before the number; the heading, after a blank line
    or the text's start, at most six lines above; otherwise ``None``.
    """
    if fig.measure != "change_participants":
        return None
    line0 = text.rfind("\n", 0, fig.start) + 1
    blank = [m.end() for m in _BLANK.finditer(text, 0, line0)]
    block = blank[-1] if blank else 0
    head_end = text.find("\n", block, line0)
    if head_end < 0 or text.count("\n", block, line0) > 6 \
            or _CHANGE_LINE.match(text[line0:fig.start]) is None:
        return None
    return section_scheme(text, block, head_end)


#: a heading ranking places by a rate: "CÁC TỈNH CÓ TỶ LỆ … CAO NHẤT LÀ:", "Các huyện
#: có tỷ lệ … thấp nhất:" (one or two lines, no figure, a colon at its end)
_RANKING = re.compile(
    r"[ \t]*(?:các|những|\d+)\s+(?:tỉnh(?:\s*,\s*thành(?:\s+phố)?)?|thành\s+phố|địa\s+phương|"
    r"huyện|quận|thị\s+xã|xã|phường|đơn\s+vị)\b[^\n\d]{0,80}?(?:\n[^\n\d:]{0,60}?)?"
    r"(?:cao|thấp|nhiều|ít)\s+nhất[^\n\d:]{0,30}?:[ \t]*(?=\n)", re.I)
#: a line of a ranking: a name (no digit, no scheme), a colon, a rate
_RANKED_LINE = re.compile(r"[ \t•\-–*+]*(?P<name>[^\W\d][^\n\d:|]{1,40}?)[ \t]*:[ \t]*"
                          r"(?P<value>\d{1,3}(?:[.,]\d+)?[ \t]*%)[ \t.;]*(?=\n|$)")


def ranked_lines(text: str) -> list[TableRow]:
    r"""The lines "Tên: N%" under a heading that ranks places by a rate, as table rows.

    Each row's first cell is the place, its second the rate; the column reads the
    heading (``tables.column_reading``: "TỶ LỆ BAO PHỦ BHXH" → BHXH's coverage). Two
    lines at least; a heading that names no rate gives none.

    Examples
    --------
    >>> t = "CÁC TỈNH CÓ TỶ LỆ BAO PHỦ BHYT\nCAO NHẤT LÀ:\nAn Giang: 91,2%\nBến Tre: 90,4%"
    >>> [(t[r.start:r.end], r.columns[1]) for r in ranked_lines(t)]
    [('An Giang: 91,2%', ('bhyt', 'coverage_pct')), ('Bến Tre: 90,4%', ('bhyt', 'coverage_pct'))]
    """
    out: list[TableRow] = []
    for head in _RANKING.finditer(text):
        if head.start() and text[head.start() - 1] != "\n":
            continue
        scheme, measure = column_reading(head.group(0))
        if measure != "coverage_pct":
            continue
        rows: list[TableRow] = []
        pos = head.end() + 1
        while (m := _RANKED_LINE.match(text, pos)) is not None and not P.SCHEME.search(
                m["name"]):
            cells = ((m.start("name"), m.end("name")), (m.start("value"), m.end("value")))
            rows.append(TableRow(m.start("name"), m.end("value"), cells,
                                 ((None, None), (scheme, measure))))
            pos = m.end() + 1
        if len(rows) >= 2:
            out.extend(rows)
    return out
