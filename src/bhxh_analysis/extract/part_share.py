"""A part's share of a total after "trong đó … chiếm" (set 17).

"Số người tham gia BHYT đạt 471.350 người, tỷ lệ bao phủ 98,1% dân số, trong đó người
thuộc hộ nghèo, cận nghèo chiếm trên 60%": the percent after "chiếm" in a "trong đó"
clause is the share of a part of the participants, not the place's coverage. The
classifier's subgroup test looks only at the figure's own comma clause, which a list of
subgroups ("hộ nghèo, cận nghèo") splits.

The driver (:func:`bhxh_analysis.extract.core.extract_text`) asks :func:`part_share`
after the classifier and, when it answers, drops the figure with that reason.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["part_share"]

#: "trong đó <a part, no figure> chiếm (trên, khoảng …)" right before a percent.
_PART_SHARE = re.compile(
    r"\btrong\s+đó\b(?P<part>[^.;%\d]{1,80}?)\bchiếm\s+(?:t[ỷỉ]\s+lệ\s+)?"
    r"(?:khoảng|gần|trên|hơn|tới|đến|xấp\s+xỉ)?\s*$", re.I)


def part_share(text: str, fig: Figure, s0: int) -> bool:
    """Whether a percent is a part's share of a total ("trong đó … chiếm 60%").

    The percent follows "chiếm" in a "trong đó" clause of its statement (since the
    sentence start ``s0`` or a ";", no figure between) and is not followed by what a
    coverage is of ("… dân số"): a share of the participants, not a coverage. A part
    that names a scheme ("trong đó BHXH tự nguyện chiếm 6,1%") is that scheme's rate.
    """
    if fig.unit != "pct" or P.COVERAGE_AFTER.match(text, fig.end):
        return False
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    m = _PART_SHARE.search(statement)
    return m is not None and not P.SCHEME.search(m["part"])
