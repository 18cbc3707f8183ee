"""Percent figures that are neither a coverage nor a plan, found in set 16 (issue 15):
a gap below a decision's target, and the persons whose cards lapsed.

Kept apart from :mod:`.figures` (near the house limit); :func:`.figures.classify`
calls both before its other rules.
"""

from __future__ import annotations

import re

__all__ = ["below_yardstick", "lapsed_cards"]



#: "so với Quyết định số 1269/QĐ-UBND", "so với Nghị quyết của HĐND huyện", "so với chỉ
#: tiêu": the yardstick a gap in points is measured against.
_VERSUS_YARDSTICK = re.compile(
    r"so\s+với\s+(?:(?:Quyết\s+định|Nghị\s+quyết|Kế\s+hoạch|Chỉ\s+thị)(?!\w)|"
    r"(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch))", re.I)
#: "còn khoảng cách 1,5% so với chỉ tiêu": a gap printed before its yardstick.
_GAP_BEFORE = re.compile(r"khoảng\s+cách(?:\s+(?:là|khoảng))?\s*$", re.I)


def below_yardstick(pre: str, after: str, statement: str) -> bool:
    """A rate's gap in points below a decision's or a plan's target: a shortfall.

    Why: "so với Quyết định số … thấp hơn 7,61%" and "còn khoảng cách 1,5% so với chỉ
    tiêu" were read as a plan of 7,61 % (a plan far below the place's own coverage) or
    an attainment of 1,5 %. A gap "thấp hơn X%" after "so với" a decision, resolution,
    plan or target, or a "khoảng cách X% so với" one, is ``shortfall_pp``.
    """
    clause = re.split(r"[;,]", statement)[-1]
    if re.search(r"thấp\s+hơn\s*$", pre, re.I) and _VERSUS_YARDSTICK.search(clause):
        return True
    return bool(_GAP_BEFORE.search(pre) and _VERSUS_YARDSTICK.match(after.lstrip()))


#: Cards that lapsed and were not renewed: "thẻ BHYT hết hạn", "chưa gia hạn".
_LAPSED = re.compile(r"thẻ(?:\s+BHYT)?\s+(?:đã\s+)?hết\s+hạn|chưa\s+(?:gia|đáo)\s+hạn", re.I)
_LAPSED_AFTER = re.compile(r"\s*người(?:\s+dân)?\s+(?:có\s+)?thẻ(?:\s+BHYT)?\s+(?:đã\s+)?"
                           r"hết\s+hạn", re.I)


def lapsed_cards(pre: str, after: str, statement: str) -> bool:
    """Persons whose cards lapsed, or their share ("chiếm 4,5% dân số"): no participants,
    no coverage and no plan.

    Why: "có 12.262 người dân có thẻ BHYT hết hạn … (chiếm 4,5% dân số)" gave a count of
    participants and a plan of 4,5 %. The count's own noun names lapsed cards, or its
    clause does ("Số người có thẻ hết hạn … là N người", not "giảm N người do thẻ hết
    hạn": a change with its cause), or the share "(chiếm X%" follows such a clause.
    """
    if _LAPSED_AFTER.match(after):
        return True
    clause = re.split(r"[;,(]", pre)[-1]
    if _LAPSED.search(clause) and not re.search(r"\b(?:tăng|giảm)\b", clause, re.I):
        return True
    return bool(re.search(r"\(\s*chiếm\s*$", pre, re.I) and _LAPSED.search(statement[-200:]))
