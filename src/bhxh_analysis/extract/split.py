"""A BHXH total's split printed in brackets right after it.

"Số người tham gia BHXH là 145.920 người (bắt buộc 118.460 người, tự nguyện 27.460
người)": the two counts in the brackets are the compulsory and the voluntary parts of the
total before them. Their clause names no scheme of its own (the bare "bắt buộc", "tự
nguyện" are the scheme's adjectives), so the counts were read as counts without a cue.
"""

from __future__ import annotations

import re

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


def bracket_part(text: str, fig: Figure, s0: int, kept: list[Figure]) -> str | None:
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
    opened = text.rfind("(", s0, fig.start)
    if opened < 0 or ")" in text[opened:fig.start]:
        return None
    total = next((f for f in reversed(kept) if f.end <= opened), None)
    if total is None or total.measure != "participants" or total.scheme != "bhxh" \
            or not fig.value < total.value or not _TOTAL_TAIL.fullmatch(text, total.end, opened):
        return None
    lead = re.split(r"[,;]", text[opened + 1:fig.start])[-1]
    m = _PART.fullmatch(lead.strip() + " ")
    if m is None:
        return None
    return "bhxh_compulsory" if m["kind"].lower().startswith("b") else "bhxh_voluntary"
