"""A BHXH total's split printed in brackets right after it, after "trong đó", or as items.

"Số người tham gia BHXH là 145.920 người (bắt buộc 118.460 người, tự nguyện 27.460
người)": the two counts in the brackets are the compulsory and the voluntary parts of the
total before them. Their clause names no scheme of its own (the bare "bắt buộc", "tự
nguyện" are the scheme's adjectives), so the counts were read as counts without a cue.
The same split follows the total after "trong đó" ("… 300.000 người tham gia BHXH, trong
đó bắt buộc 250.000 người, tự nguyện 50.000 người"), or stands as list items under a
BHXH block ("- Bắt buộc: 250.000 người", twenty-third blind set).
"""

from __future__ import annotations

import re
from typing import Any

from .printed import Figure

__all__ = ["bracket_part"]

#: The words of a part before its count: "(bắt buộc", ", tự nguyện", "(trong đó BHXH bắt
#: buộc là".
_PART = re.compile(r"(?:trong\s+đó\s*,?\s*)?(?:(?:BHXH|bảo\s+hiểm\s+xã\s+hội)\s+)?"
                   r"(?P<kind>bắt\s+buộc|tự\s+nguyện)\s*(?:là|:|có)?\s*"
                   r"(?:khoảng|gần|hơn|trên|ước)?\s*", re.I)
#: Between the total and the bracket: its unit, and at most its scheme.
_TOTAL_TAIL = re.compile(r"\s*(?:người|lao\s+động)?\s*(?:tham\s+gia\s+(?:BHXH|bảo\s+hiểm\s+"
                         r"xã\s+hội))?\s*", re.I)


#: "…, trong đó": where a total's split opens without brackets.
_IN_WHICH = re.compile(r",?\s*trong\s+đó\b", re.I)
#: A list item's opening before a part's words: "- ", "• ".
_ITEM = re.compile(r"[ \t]*[-–•+*][ \t]*", re.I)


def _kind(lead: str) -> str | None:
    m = _PART.fullmatch(lead.strip() + " ")
    if m is None:
        return None
    return "bhxh_compulsory" if m["kind"].lower().startswith("b") else "bhxh_voluntary"


def bracket_part(text: str, fig: Figure, s0: int, kept: list[Figure], ctx: Any = None
                 ) -> str | None:
    """The scheme of a count that is a part of a BHXH total, printed in brackets after it.

    Returns ``"bhxh_compulsory"`` or ``"bhxh_voluntary"`` when ``fig`` is a count inside
    a bracket opened right after a kept BHXH participants count (only its unit, "người",
    and at most "tham gia BHXH" between), led by "bắt buộc" or "tự nguyện", and smaller
    than the total (a part is); else None. A bracket after any other figure (a rate, a
    BHYT count) or a count larger than the total is no split.

    Examples
    --------
    >>> from bhxh_analysis.extract import extract_text
    >>> df = extract_text("Đến 30/6/2023, tỉnh Trà Vinh có 92.300 người tham gia BHXH "
    ...                   "(bắt buộc 70.100 người, tự nguyện 22.200 người).",
    ...                   published="2023-07-10")
    >>> sorted(df["indicator"])
    ['bhxh_compulsory_participants', 'bhxh_participants', 'bhxh_voluntary_participants']
    """
    if fig.unit not in ("count", "bare"):
        return None
    line = text.rfind("\n", 0, fig.start) + 1
    item = _ITEM.match(text, line)
    if not kept and item and str(getattr(ctx, "last_scheme", "")).startswith("bhxh"):
        # "BHXH⏎300.000 người⏎⏎- Bắt buộc: 250.000 người": an item under the BHXH block
        return _kind(text[item.end():fig.start])
    opened = text.rfind("(", s0, fig.start)
    if opened < 0 or ")" in text[opened:fig.start]:
        which = list(_IN_WHICH.finditer(text, s0, fig.start))
        if not which:
            return None
        opened = which[-1].start()
    total = next((f for f in reversed(kept) if f.end <= opened), None)
    if total is None or total.measure != "participants" or total.scheme != "bhxh" \
            or not fig.value < total.value or not _TOTAL_TAIL.fullmatch(text, total.end, opened):
        return None
    return _kind(re.split(r"[,;]", text[opened + 1:fig.start])[-1])
