"""A rate of places or units, printed with its count (set 19): "60/60 xã, đạt 100%".

A health report lists other rates after insurance coverage, each with the count it is
of: "tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế là 60/60 xã, đạt 100%". The rate after a
pair "a/b xã" (communes, schools, units …) is the share of those units, not of persons:
no coverage, whatever scheme the sentence named before.
"""

from __future__ import annotations

import re

__all__ = ["share_of_units"]

#: "… 60/60 xã, đạt", "(45/52 trường) chiếm": a pair of counts of units, then the rate.
_UNITS_PAIR_BEFORE = re.compile(
    r"\d+\s*/\s*\d+\s+(?:xã|phường|thị\s+trấn|huyện|quận|đơn\s+vị|trường|cơ\s+sở|trạm|"
    r"doanh\s+nghiệp|thôn|ấp|bản|khu\s+phố|tổ\s+dân\s+phố)\b[^\d%;]{0,20}?"
    r"[,(]?\s*(?:đạt|bằng|chiếm)?\s*(?:t[ỷỉ]\s+lệ\s*)?$", re.I)


def share_of_units(pre: str) -> bool:
    """Whether the words before a rate end with a pair of unit counts ("60/60 xã, đạt").

    Examples
    --------
    >>> share_of_units("tỷ lệ xã đạt chuẩn là 60/60 xã, đạt ")
    True
    >>> share_of_units("có 8.481/9.669 người tham gia, đạt ")
    False
    """
    return bool(_UNITS_PAIR_BEFORE.search(pre))
