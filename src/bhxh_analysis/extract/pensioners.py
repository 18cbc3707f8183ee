"""Participants who now draw a pension: receivers, not a stock (set 17).

"Năm 2023 đã có 12 người tham gia BHXH tự nguyện trên địa bàn được nhận lương hưu": the
count names the scheme its people paid into, but what is counted is who began to draw a
pension from it — a benefit, not the scheme's participants.

The driver (:func:`bhxh_analysis.extract.core.extract_text`) asks :func:`pension_after`
after the classifier and, when it answers, drops the figure with that reason.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["pension_after"]

#: "… người tham gia BHXH tự nguyện (trên địa bàn) được nhận lương hưu" in one clause;
#: not a purpose or a future ("… để (sau này) được hưởng lương hưu", "sẽ được …").
_PENSION_AFTER = re.compile(
    r"(?:(?!\b(?:để|nhằm|sẽ|mong|khi)\b)[^.;,:\d%]){0,80}?"
    r"\b(?:được|đã|đang|bắt\s+đầu)\s+(?:nhận|hưởng)\s+(?:chế\s+độ\s+)?lương\s+hưu", re.I)


def pension_after(text: str, fig: Figure) -> bool:
    """Whether a count of participants goes on, in its clause, to draw a pension.

    The words after the count (to the next comma, stop or figure, at most 80 characters)
    say its people "được nhận (hưởng) lương hưu": they are pensioners, not participants
    (not "để được hưởng lương hưu", a purpose).
    """
    if fig.unit not in ("count", "bare"):
        return False
    return bool(_PENSION_AFTER.match(text, fig.end))
