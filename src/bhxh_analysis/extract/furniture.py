"""Page furniture in pasted text: lists of other articles' headlines.

A news page copied as text often ends with a list of links to other articles under a
heading of its own line ("Tin liên quan:", "Bài liên quan", "(Tin) cùng chuyên mục" (set
19), "Xem thêm", "Đọc thêm", "Tin khác", "Có thể bạn quan tâm", "Tin đã đưa" (set 31)).
Those headlines carry figures of other articles ("Huyện An Lão đạt 93% dân số tham gia
BHYT") that are no part of the page (tenth blind set). The reader stops at such a heading, in ``.txt`` as in ``.html`` (an
HTML block whose class names a related-links list is already dropped by
:func:`bhxh_analysis.extract.text.html_to_text`; this covers a heading printed as text).

A heading followed by a headline on its own line ("Xem thêm: Hà Nội chi 2.000 tỷ đồng …"),
a single link set in the body, is blanked (spaces, so offsets stay) and the reader goes on.
The words inside a sentence ("tin liên quan đến BHXH") are no heading.
"""

from __future__ import annotations

import re

from . import patterns as P

__all__ = ["strip_furniture"]

_HEADS = (r"(?:tin|bài(?: viết)?)\s+liên\s+quan|(?:tin\s+|bài\s+)?cùng\s+(?:chuyên\s+mục|chủ\s+đề)"
          r"|xem\s+thêm|đọc\s+thêm|tin\s+khác|(?:các\s+)?tin\s+(?:bài\s+)?khác"
          r"|có\s+thể\s+bạn\s+quan\s+tâm|(?:tin|bài)\s+(?:đã\s+(?:đưa|đăng)|cũ\s+hơn)")
# the heading alone on its line, perhaps in capitals, bulleted or followed by ':'/'>>'
_HEAD_LINE = re.compile(rf"^[ \t•*>»\-–]*(?:{_HEADS})[ \t]*[:>»]*[ \t]*$",
                        re.I | re.M)
# one link in the body: the heading and a colon, then the headline, on one line
# a sentence ended before the heading: the body has begun (a heading over every line of
# text is a menu's, blanked like a link, not the end of the page)
_PROSE = re.compile(r"[.!?…][\"”)]*[ \t]*(?:\n|$)")
# only bulleted lines after the heading, to the end: a closing list of links, though the
# body above it (an infographic's lines) ends no sentence (set 32)
_ITEMS_TO_END = re.compile(r"(?:[ \t]*(?:[-–•*+][ \t]+\S[^\n]*)?(?:\n|$))+\Z")
_LINK_LINE = re.compile(rf"^[ \t•*>»\-–]*(?:{_HEADS})[ \t]*(?::|>>|»|$)[^\n]*$",
                        re.I | re.M)

# a photo's caption with a figure ("Ảnh: Cán bộ thu xã A, nơi có tỷ lệ bao phủ BHYT 90,4%,
# tư vấn cho …", set 19): it restates the body, and the places it names are dropped as
# no subject (``patterns.CREDIT``), so its figure would go to the place in play; blanked
# unless the caption goes on with a sentence of figures (then it is body text)
_PHOTO_LINE = re.compile(r"^[ \t]*Ảnh(?:\s+minh\s+họa)?\s*:[^\n]*\d[^\n]*$", re.M)
_GOES_ON = re.compile(rf"[.!?]\s+[{P.UPPER}][^\n]*\d")


def strip_furniture(text: str) -> str:
    """Return ``text`` read up to a related-articles heading, single links blanked.

    Parameters
    ----------
    text : str
        Article text (offsets of the result index it: the part kept is unchanged).

    Returns
    -------
    str
        ``text`` cut at the first line that is only a heading of a list of other
        articles and follows a sentence of the body (or heads bulleted lines only, to the
        end of the text); lines "Xem thêm: headline" before
        it (and a heading above the body) and a photo's caption with a figure replaced
        by spaces.

    Examples
    --------
    >>> t = "Tỉnh A có 10 người.\\nTin liên quan:\\n- Huyện B đạt 93% dân số"
    >>> strip_furniture(t)
    'Tỉnh A có 10 người.\\n'
    >>> strip_furniture("Xem thêm: X đạt 9%\\nY.") == " " * 18 + "\\nY."
    True
    >>> strip_furniture("Bài viết nêu các tin liên quan đến BHYT.")
    'Bài viết nêu các tin liên quan đến BHYT.'
    """
    for m in _HEAD_LINE.finditer(text):
        if _PROSE.search(text, 0, m.start()) or _ITEMS_TO_END.match(text, m.end() + 1):
            text = text[:m.start()]
            break
    text = _LINK_LINE.sub(lambda k: " " * len(k.group()), text)
    return _PHOTO_LINE.sub(lambda k: k.group() if _GOES_ON.search(k.group())
                           else " " * len(k.group()), text)
