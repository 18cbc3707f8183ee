"""Counts that are a place's stock in a list of places (moved out of ``figures``; set 18).

The list rule of :func:`bhxh_analysis.extract.figures.classify` carries the measure of
the figure before to a bare count after it ("… 1.000 người tham gia BHYT, 1.000 người
tham gia BHXH"). In a list of places the figure before is often the previous place's
shortfall or change, and the next place's count is its stock:

* "Huyện A có 241 người tham gia …, còn thiếu 309 người; huyện B có 287 người, còn
  thiếu 263 người": the count before the item's own shortfall (or change);
* "Huyện A đạt 61,4% kế hoạch với 356 người": the persons after an attainment;
* "Lạng Sơn dẫn đầu với 16.350 người tham gia, tăng 1.260 người so với cùng kỳ; Cao
  Bằng có 10.420 người, còn Hà Giang gần 9.000 người": a new clause whose subject is a
  name, after a change (a regional round-up; set 18);
* "Bắc Kạn hiện có 7.840 người, còn thiếu 1.160 người so với kế hoạch …": a count right
  after "có" that its own shortfall follows, opening its statement (set 18).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P

if TYPE_CHECKING:
    from .printed import Figure

__all__ = ["item_stock"]

#: After a change: a new clause ("; ", ", còn ") whose subject is a name (capitalised,
#: up to five words), then "có / đạt / là" or a qualifier, right before a count.
_NEXT_SUBJECT = re.compile(r"(?:;|,\s*còn)\s+(?P<name>(?:[^\W\d_][\w-]*\s+){1,5}?)"
                           r"(?:(?:hiện|chỉ|mới|cũng)\s+)?(?:có|đạt|là)?\s*"
                           r"(?:(?:gần|hơn|trên|khoảng)\s*)?$")
#: words that make a clause's opening no place's name
_NOT_SUBJECT = re.compile(r"\b(?:tăng|giảm|trong|so|riêng|như|số|tổng|người|tỷ|tỉ|năm|"
                          r"tháng|quý|đến|tính|toàn|cả|còn|thiếu)\b", re.I)
#: "(hiện) có" right before a count that opens its statement (after a name)
_HAS_BEFORE = re.compile(r"\b(?:hiện\s+)?có\s*(?:(?:gần|hơn|trên|khoảng)\s*)?$", re.I)


def item_stock(text: str, fig: Figure, s0: int, pre_q: str, after: str,
               prev: Figure | None) -> bool:
    """Whether a count of persons is a place's stock in a list of places (module doc).

    ``pre_q``: the text between the figure before (or the statement's start) and the
    count; ``after``: the text after it.

    Examples
    --------
    >>> from bhxh_analysis.extract import extract_text
    >>> t = ("Đến 30/6, Nghệ An có 96.400 người tham gia BHXH tự nguyện, tăng 3.100 người "
    ...      "so với cùng kỳ; Thanh Hóa có 88.200 người.")
    >>> extract_text(t, published="2024-07-09")["indicator"].tolist()[-1]
    'bhxh_voluntary_participants'
    """
    if fig.unit != "count":
        return False
    if prev is None:
        # "Bắc Kạn hiện có 7.840 người, còn thiếu 1.160 người …": its own shortfall next
        return bool(_HAS_BEFORE.search(pre_q)) and bool(P.PAIR_CUE_AFTER.match(after)) \
            and not P.SCHEME.search(pre_q) and re.search(r"\d", pre_q) is None
    if _next_place(pre_q, prev):
        return True
    if not P.PARTICIPATE_BEFORE.search(text[s0:fig.start]):
        return False
    if prev.measure == "attainment_pct" and P.PLAN_AFTER.match(pre_q) and re.fullmatch(
            r"\s*(?:\S+\s+){0,4}?với\s*", pre_q):
        return True
    return prev.measure in ("shortfall_participants", "change_participants") \
        and bool(re.search(r"\b(?:có|là|đạt)\s*$", pre_q)) and bool(P.PAIR_CUE_AFTER.match(after))


def _next_place(pre_q: str, prev: Figure) -> bool:
    """A count after a change and a new clause whose subject is a place's name ("…, tăng
    1.260 người so với cùng kỳ; Cao Bằng có 10.420 người"): not a second change."""
    m = _NEXT_SUBJECT.search(pre_q)
    return prev.measure == "change_participants" and m is not None \
        and m["name"][:1].isupper() and not P.SCHEME.search(m["name"]) \
        and not _NOT_SUBJECT.search(m["name"])
