"""Changes are not stocks (issue 15, eleventh round: sets 19 and 20).

A count of persons that says by how much a scheme grew or shrank is a
``*_change_participants`` row (negative for a fall), never a stock, whatever words the
page uses around the verb; and the stock left after a fall is a stock, not a second
change. :mod:`bhxh_analysis.extract.figures` asks here before its own change rule
(:data:`~bhxh_analysis.extract.patterns.CHANGE_BEFORE`, "tăng/giảm N người"):

* "giảm so với năm 2023 là 3.030 người", "tăng so với đầu năm 1.250 người": the
  comparison stands between the verb and the figure;
* "giảm đi 3.030 người", "sụt giảm 3.030 người": other wordings of the verb;
* "Gần 9.000 người tham gia BHYT hộ gia đình tăng thêm": the verb after the count and
  its scheme (a headline, set 21);
* "ít hơn 3.030 người so với cùng thời điểm năm trước", "nhiều hơn 820 người so với
  tháng trước": a difference to an earlier date;
* "giảm mạnh với 3.030 người so với năm 2023", "tăng đáng kể, 820 người so với …": the
  verb with an adverb, the comparison after the figure (twelfth round);
* "giảm mạnh với 3.030 người", "giảm là 3.030 người", "sụt giảm mạnh 3.030 người": a
  fall needs no comparison after it (thirteenth round; a rise with an adverb does);
* "giảm 3.030 người, chỉ còn 5.400 người", "BHXH bắt buộc của huyện A còn 5.400 người,
  giảm …": what is left is the scheme's participants.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["change_direction", "left_after_change", "scheme_left"]

_I = re.IGNORECASE

#: "giảm so với năm 2023 là", "tăng so với đầu năm", "giảm so với cùng kỳ năm trước:"
#: right before the figure (the comparison may print its year).
_COMPARED_THEN = re.compile(
    r"(?<!\w)(?P<dir>tăng|giảm)(?:\s+(?:thêm|đi))?\s+so\s+với\s+"
    r"(?:[^,;.%\d()]|(?<!\d)(?:19|20)\d{2}(?!\d)){1,50}?(?:\s+(?:là|có))?\s*:?\s*$", _I)
#: "giảm đi", "sụt giảm" right before the figure.
_VERB_BEFORE = re.compile(r"(?<!\w)(?:sụt\s+(?P<fall>giảm)|(?P<dir>tăng|giảm)\s+đi)\s*$", _I)
#: "ít hơn", "nhiều hơn", "giảm tới" right before the figure: a change only with a
#: comparison after it ("giảm tới 3.030 người so với năm trước"; "tăng lên/tới N" alone
#: may be the new level).
_DIFFERENCE_BEFORE = re.compile(r"(?<!\w)(?:(?P<dir>ít|nhiều)\s+hơn|(?P<verb>tăng|giảm)\s+"
                                r"(?:tới|đến))\s*$", _I)
#: "giảm mạnh với", "tăng đáng kể," right before the figure: a change only with a
#: comparison after it ("giảm mạnh với 3.030 người so với năm 2023"; "tăng mạnh với
#: 5.000 người tham gia" alone may be the level reached).
_ADVERB_BEFORE = re.compile(
    r"(?<!\w)(?P<dir>tăng|giảm)(?:\s+(?:khá|rất|khá\s+là))?\s+(?:mạnh|nhẹ|sâu|nhanh|"
    r"đáng\s+kể|rõ\s+rệt|nhiều)\s*,?\s*(?:với\s*)?$", _I)
#: A fall right before the figure, with no comparison needed: "giảm mạnh với", "giảm
#: với", "giảm là", "sụt giảm mạnh", "giảm đáng kể, với" (a fall is never the level
#: reached, as "tăng mạnh với N người tham gia" may be). Plain "giảm" and "sụt giảm" are
#: read by the rules above.
_FALL_BEFORE = re.compile(
    r"(?<!\w)(?:sụt\s+)?giảm(?:(?:\s+(?:khá|rất|khá\s+là))?\s+(?:mạnh|nhẹ|sâu|nhanh|"
    r"đáng\s+kể|rõ\s+rệt|nhiều)\s*,?\s*(?:(?:với|là)\s*)?|\s+(?:với|là)\s*)$", _I)
#: "Gần 9.000 người tham gia BHYT hộ gia đình tăng thêm": the count of those added, its
#: verb after the scheme (a headline's wording, set 21), not followed by another figure.
_VERB_AFTER = re.compile(r"\s*người(?:\s+tham\s+gia)?[^,;.\d%]{0,40}?\s(?P<dir>tăng|giảm)"
                         r"\s+(?:thêm|đi)(?!\w)(?![^,;.\n]*\d)", _I)
_COMPARED_AFTER = re.compile(r"\s*(?:người|lao\s+động)?[^,;.]{0,40}?\bso\s+với\b", _I)


def change_direction(pre_q: str, after: str) -> str | None:
    """``"tăng"`` or ``"giảm"`` when a count is a change worded other than "tăng/giảm N".

    Parameters
    ----------
    pre_q : str
        The text between the figure before (or the sentence start) and the figure,
        without the qualifier.
    after : str
        The rest of the sentence after the figure.

    Returns
    -------
    str or None
        The direction ("giảm" makes the row negative), or ``None``: not such a change.
    """
    m = _COMPARED_THEN.search(pre_q)
    if m:
        return m["dir"].lower()
    m = _VERB_BEFORE.search(pre_q)
    if m:
        return "giảm" if m["fall"] else m["dir"].lower()
    m = _ADVERB_BEFORE.search(pre_q)
    if m and _COMPARED_AFTER.match(after):
        return m["dir"].lower()
    m = _VERB_AFTER.match(after)
    if m:
        return m["dir"].lower()  # "9.000 người tham gia BHYT hộ gia đình tăng thêm"
    if _FALL_BEFORE.search(pre_q):
        return "giảm"  # "giảm mạnh với 3.030 người" (thirteenth round)
    m = _DIFFERENCE_BEFORE.search(pre_q)
    if m and _COMPARED_AFTER.match(after):
        if m["verb"]:
            return m["verb"].lower()
        return "giảm" if m["dir"].lower() == "ít" else "tăng"
    return None


#: "…, (chỉ/vẫn) còn (lại)" right before a count: what is left.
_LEFT_BEFORE = re.compile(r"[,;]\s*(?:(?:chỉ|vẫn|nay)\s+)?còn(?:\s+lại)?\s*(?:là\s*)?$", _I)


#: "… so với cùng kỳ năm trước, và" between a change and the next count: the change's
#: comparison closed, the list goes on with another scheme's level (set 19).
_CLOSED_THEN_AND = re.compile(r"\bso\s+với\b[^,;.]*,\s*(?:và|còn)\s*$", _I)
#: "N người tham gia BHXH tự nguyện": the count names its own scheme right after it.
_OWN_SCHEME_AFTER = re.compile(r"\s*người\s+tham\s+gia\s+(?:BHXH|BHYT|BHTN|bảo\s+hiểm)", _I)


def left_after_change(pre_q: str, prev: Figure | None, after: str = "") -> bool:
    """Whether a count is the stock left after the change just read, or the next level.

    "BHXH bắt buộc giảm 3.030 người, chỉ còn 5.400 người": the count after ", còn" that
    follows a change is the participants left, not a second change (the list rule would
    carry the change's measure and sign to it). So is "…, tăng 1.120 người so với cùng
    kỳ năm trước, và 5.410 người tham gia BHXH tự nguyện" (set 19): after the change's
    comparison, a count naming its own scheme is that scheme's level.
    """
    if prev is None or prev.measure != "change_participants" or prev.unit == "pct":
        return False
    return _LEFT_BEFORE.search(pre_q) is not None or (
        _CLOSED_THEN_AND.search(pre_q) is not None and _OWN_SCHEME_AFTER.match(after) is not None)


#: A scheme, its place, then "(chỉ) còn" or "có": "BHXH bắt buộc của huyện Phú Ninh còn".
_SCHEME_PLACE_LEFT = re.compile(
    r"(?:BHXH|BHYT|BHTN|bảo\s+hiểm\s+(?:xã\s+hội|y\s+tế|thất\s+nghiệp))"
    r"(?:\s+(?:bắt\s+buộc|tự\s+nguyện|hộ\s+gia\s+đình|TN|BB|HGĐ))?"
    r"\s+(?:của|tại|ở|trên\s+địa\s+bàn)\s+[^,;.\d%()]{2,50}?\s+(?:(?:chỉ|vẫn|mới)\s+)?"
    r"(?:có|còn)\s*$", _I)


def scheme_left(own: str) -> bool:
    """Whether a count follows its scheme and place and "còn" or "có" ("BHXH bắt buộc
    của huyện Phú Ninh còn 5.400 người, giảm …"): the scheme's participants (as "BHXH tự
    nguyện chỉ còn N người", ``patterns.SCHEME_HAS``, with the place between)."""
    return _SCHEME_PLACE_LEFT.search(own) is not None
