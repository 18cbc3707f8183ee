"""Rates a sentence sets as aims without a plan word (set 19).

Two phrasings state a target and name no "chỉ tiêu", "kế hoạch" or "phấn đấu":

- an effort's purpose, "góp phần đạt tỷ lệ bao phủ BHXH năm 2024 đạt 35%", "nhằm đạt tỷ
  lệ …": the verb "đạt" right after the purpose word is the rate to reach (a result the
  effort helped bring reads "góp phần nâng/đưa tỷ lệ … năm 2023 lên/đạt …", kept);
- a resolution's figures, "Theo Nghị quyết Huyện ủy năm 2017, tỷ lệ … đạt 76,5%": what
  the resolution sets, unless the sentence reports a status ("hiện", "đến nay").
"""

from __future__ import annotations

import re

__all__ = ["reach_aim", "resolution_aim"]

_I = re.IGNORECASE
#: "góp phần đạt tỷ lệ", "nhằm phấn đấu đạt được tỷ lệ", "để đạt mục tiêu".
_REACH = re.compile(r"(?:góp\s+phần|nhằm|để)\s+(?:phấn\s+đấu\s+)?(?:cùng\s+)?đạt\s+"
                    r"(?:được\s+)?(?:t[ỷỉ]\s+lệ|mục\s+tiêu|chỉ\s+tiêu)", _I)
#: A statement opened by a resolution: "Theo Nghị quyết (Đại hội/Huyện ủy) … ,".
_RESOLUTION_OPENING = re.compile(r"\s*Theo\s+(?:các\s+)?Nghị\s+quyết\b[^,.;]{0,80},", _I)
#: A status said in the same statement: then the rate is a result measured against it.
_STATUS = re.compile(r"\bhiện\s+(?:nay|tại|có|đã)?|đến\s+nay|tính\s+đến|đã\s+đạt|"
                     r"kết\s+quả|thực\s+hiện\s+được", _I)


def reach_aim(statement: str) -> bool:
    """Whether ``statement`` (up to a figure) states the rate an effort aims to reach.

    Examples
    --------
    >>> reach_aim("Cùng góp phần đạt tỉ lệ bao phủ BHXH năm 2024 đạt ")
    True
    >>> reach_aim("góp phần nâng tỉ lệ bao phủ BHXH năm 2023 đạt ")
    False
    """
    return bool(_REACH.search(statement))


def resolution_aim(statement: str) -> bool:
    """Whether ``statement`` (up to a figure) opens on a resolution and reports no status.

    Examples
    --------
    >>> resolution_aim("Theo Nghị quyết Huyện ủy Tam Bình năm 2018, tỷ lệ người dân đạt ")
    True
    >>> resolution_aim("Theo Nghị quyết năm 2018, đến nay tỷ lệ người dân đạt ")
    False
    """
    return bool(_RESOLUTION_OPENING.match(statement)) and not _STATUS.search(statement)
