"""Text copied from a PDF report: columns, page furniture, wrapped lines, row numbers.

An official report copied out of a PDF keeps its print layout (fifteenth blind set)::

    BẢO HIỂM XÃ HỘI TỈNH VĨNH PHÚC          Độc lập - Tự do - Hạnh phúc
    Đến hết quý III/2024, tổng số người tham gia BHXH toàn tỉnh là 202.920 người,
    ...
    TT | Loại hình | Số người tham gia (người) | Tăng so với cùng kỳ (người)
    1 | BHXH bắt buộc | 178.540 | 4.210
    BHXH tỉnh Vĩnh Phúc                    Trang 2/5
    ________________________________________________________________

:func:`lay_out` rewrites such text so the sentence reader sees what a reader of the page
sees, changing characters but never the length (candidate offsets still index the file's
text):

- two columns of one line (a letterhead: the issuing office left, the national motto
  right), parted by a run of three spaces or more, become two lines;
- a page footer ("… Trang 2/5", "- 3 -") and a rule ("_____") are blanked;
- in a text that shows such print layout (a column run or a page footer), a line
  wrapped inside a sentence (long, not closed by a stop, followed by a line of text)
  joins the next, across a blanked page footer too when the next page's first line
  goes on in lower case (set 25);
- the numbering column of a table ("TT | Loại hình | …", rows "1 | BHXH bắt buộc | …",
  sub-rows "1.1 | - BHXH bắt buộc | …" since set 22) is blanked: a row number is no
  place, and the row's first cell is then its scheme
  (:func:`bhxh_analysis.extract.tables.find_scheme_tables`).
"""

from __future__ import annotations

import re

__all__ = ["lay_out"]

#: two columns on one line: text, a run of three spaces or more, a capital (a run before
#: a small letter is a gap inside a sentence)
_COLUMNS = re.compile(r"(?m)^([ \t]*\S[^\n]*?\S)( {3,}|\t{2,})(?=\S)")
#: a page footer: "Trang 2/5" at the end of a line (or "Trang 2" after a run of spaces:
#: not a sentence ending "… ở trang 3"), or a page number alone ("- 3 -", "2/5")
_FOOTER = re.compile(r"(?im)^[^\n]*?(?:\btrang\s+\d+\s*/\s*\d+|[ \t]{3,}trang\s+\d+)[ \t]*$"
                     r"|^[ \t]*(?:-\s*\d+\s*-|\d+\s*/\s*\d+)[ \t]*$")
#: a rule drawn with underscores, dashes or equals signs
_RULE = re.compile(r"(?m)^[ \t]*[_=\-—–]{5,}[ \t]*$")
#: a line wrapped inside a sentence: long, not closed by a stop or a colon
_WRAPPED = re.compile(r"(?m)^[^\n|]{40,}[^\s.:!?…;|]$")
#: a line that starts a block of its own: a list item, a numbered heading, a table row
_BLOCK_START = re.compile(r"[ \t]*(?:[-•*+–]\s|\d+[.)]\s|[IVX]+[.)]\s|[a-zđ][.)]\s|[^\n]*\|)")
#: the header cell of a numbering column
_NUMBER_HEAD = re.compile(r"[ \t]*(?:S\.?\s?TT|TT|Số\s+TT)[ \t]*\|[ \t]*", re.I)
#: a row number cell: 1, 2, …, I, II, a, b
_NUMBER_CELL = re.compile(r"[ \t]*(?:\d{1,3}(?:\.\d{1,2}){0,2}|[IVX]{1,4}|[a-zđ])[.)]?[ \t]*\|[ \t]*")


#: an empty first cell: a header's second line under "TT" ("   |          | năm 2026 | …")
_EMPTY_CELL = re.compile(r"[ \t]*\|[ \t]*")


def _blank(text: str, a: int, b: int) -> str:
    return text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]


def lay_out(text: str) -> str:
    """Return ``text`` with a printed page's layout undone, character for character.

    Parameters
    ----------
    text : str
        Article text; the result has the same length, and only spaces and line ends
        replace characters (so offsets into it index ``text``).

    Returns
    -------
    str

    Examples
    --------
    >>> lay_out("BHXH TỈNH A     Độc lập - Tự do")
    'BHXH TỈNH A    \\nĐộc lập - Tự do'
    >>> lay_out("TT | Loại hình | Số người\\n1 | BHXH | 10")
    '     Loại hình | Số người\\n    BHXH | 10'
    >>> lay_out("Tỉnh A có 10 người   tham gia.") == "Tỉnh A có 10 người   tham gia."
    True
    >>> lay_out("Chi tiết xem ở trang 3")
    'Chi tiết xem ở trang 3'
    >>> lay_out("BHXH tỉnh A    Trang 3").strip()
    ''
    """
    printed = False
    blanked: list[int] = []
    for pattern in (_FOOTER, _RULE):  # (a footer's office and page number go together)
        for m in pattern.finditer(text):
            printed = printed or pattern is _FOOTER
            text = _blank(text, m.start(), m.end())
            blanked.append(m.start())
    for m in _COLUMNS.finditer(text):
        if "|" in m[0] or not text[m.end()].isupper():
            continue
        printed = True
        run = m.end(2)
        text = text[:run - 1] + "\n" + text[run:]
    if printed:
        for m in _WRAPPED.finditer(text):
            nxt = m.end() + 1
            if nxt < len(text) and text[m.end()] == "\n" and text[nxt:nxt + 1].strip() \
                    and not _BLOCK_START.match(text, nxt):
                text = text[:m.end()] + " " + text[nxt:]
                continue
            # a sentence running over a page break ("… như xã A⏎⏎  Trang 2/5⏎-----⏎đạt
            # 99,1%", set 25): the blanked footer between, the next page's line going on
            gap = re.match(r"[ \t\n]*", text[m.end():])
            k = m.end() + gap.end()
            if any(m.end() <= b < k for b in blanked) and text[k:k + 1].islower():
                text = text[:m.end()] + text[m.end():k].replace("\n", " ") + text[k:]
    return _numbering(text)


def _numbering(text: str) -> str:
    """Blank the numbering column of each table whose header's first cell is "TT"."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    lines = [(a, text.find("\n", a) % (len(text) + 1)) for a in starts]
    i = 0
    while i < len(lines):
        a, _b = lines[i]
        head = _NUMBER_HEAD.match(text, a)
        i += 1
        if head is None:
            continue
        text = _blank(text, a, head.end())
        numbered = False
        while i < len(lines):
            cell = _NUMBER_CELL.match(text, lines[i][0])
            if cell is None and not numbered:  # the header's second line ("   |   | năm
                cell = _EMPTY_CELL.match(text, lines[i][0])  # 2026 | (%)", set 29)
            if cell is None:
                break
            numbered = numbered or bool(text[cell.start():cell.end()].strip(" \t|"))
            text = _blank(text, lines[i][0], cell.end())
            i += 1
    return text


#: an infographic's figure line up to the number: a bullet, a part of BHXH ("Bắt buộc:")
#: or the whole ("Tổng số:", set 31), a qualifier
_BARE_COUNT_LINE = re.compile(r"[ \t•\-–*+]*(?:(?:(?P<part>bắt\s+buộc|tự\s+nguyện)|tổng\s+(?:số|cộng))"
                              r"[ \t]*:[ \t]*)?"
                              r"(?:(?:hơn|trên|gần|khoảng|đạt)[ \t]+)?$", re.I)
_PARTS = {"bắt buộc": "bhxh_compulsory", "tự nguyện": "bhxh_voluntary"}


_BLANK = re.compile(r"\n[ \t]*\n")


def _block_heading(text: str, line0: int) -> tuple[int, str] | None:
    """(end, scheme) of the first line of the block of lines holding ``line0`` when it is
    a heading naming one scheme ("BẢO HIỂM XÃ HỘI" over "96.400 người tham gia⏎…⏎-
    Bắt buộc: …", set 19: the heading read in one sentence with the lines under it)."""
    blank = list(_BLANK.finditer(text, 0, line0))
    first = blank[-1].end() if blank else 0
    stop = text.find("\n", first)
    if not 0 <= stop < line0:
        return None
    line = text[first:stop].strip()
    if not line or re.search(r"[\d.:;,!?]", line) or len(line.split()) > 6:
        return None
    from .figures import scheme_mentions  # (figures reads no layout: no import cycle)
    found = scheme_mentions(text, first, stop)
    return (stop, found[0][1]) if len(found) == 1 and not found[0][2] else None


def headed_count(text: str, start: int, end: int, heading: tuple[int, str] | None
                 ) -> str | None:
    """The scheme of a bare count in the block of short lines under a heading naming it.

    An infographic prints a heading ("BẢO HIỂM XÃ HỘI") and under it the figure alone
    ("Hơn 296 nghìn người") and its parts ("• Bắt buộc: 231.400 người"): the heading
    says what is counted. ``heading`` is the end offset and scheme of the last heading
    read (a line naming one scheme, no figure); ``start``/``end`` the count's span.
    ``None`` unless no blank line parts the heading from the count's line and that line
    holds no other word than a bullet, a part of BHXH, a qualifier before the number
    and "người" after it.

    Examples
    --------
    >>> t = "BẢO HIỂM XÃ HỘI\\nHơn 296 nghìn người\\nTrong đó:\\n• Bắt buộc: 231.400 người\\n"
    >>> headed_count(t, 20, 29, (15, "bhxh")), headed_count(t, 58, 65, (15, "bhxh"))
    ('bhxh', 'bhxh_compulsory')
    >>> headed_count("BẢO HIỂM XÃ HỘI\\nCó 296 nghìn người mới\\n", 19, 28, (15, "bhxh"))
    """
    line0 = text.rfind("\n", 0, start) + 1
    heading = _block_heading(text, line0) or heading
    if heading is None:
        return None
    line1 = text.find("\n", end) % (len(text) + 1)
    label = _BARE_COUNT_LINE.match(text[line0:start])
    if re.search(r"\n[ \t]*\n", text[heading[0]:line0]) or label is None \
            or not re.fullmatch(r"[ \t]*người[ \t.;]*", text[end:line1]):
        return None
    if label["part"]:
        return _PARTS[re.sub(r"\s+", " ", label["part"].lower())] if heading[1] == "bhxh" \
            else None
    return heading[1]
