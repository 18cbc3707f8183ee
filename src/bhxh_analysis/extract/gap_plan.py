"""A plan printed inside a gap's sentence (set 16).

"…, tỷ lệ bao phủ đạt 93,4% dân số, thấp hơn chỉ tiêu Chính phủ giao năm 2024 là 94,1%
khoảng 0,7 điểm phần trăm": the rate after "thấp hơn chỉ tiêu … (là)" that points
follow is the plan's, and the points are the gap. The classifier read the plan as the
gap (its clause opens with "thấp hơn"); the points after a plan are then read as the gap
by the classifier itself (:data:`bhxh_analysis.extract.gaps.BELOW_BEFORE`).

The driver (:func:`bhxh_analysis.extract.core.extract_text`) asks :func:`plan_in_gap`
after the classifier and, when it answers, keeps the figure as ``plan_coverage_pct``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["gap_of_new", "of_new", "plan_count_in_gap", "plan_in_gap", "plan_under_gap"]

#: "thấp hơn chỉ tiêu … là" (no other figure but a year between) right before a rate.
_GAP_TO_PLAN = re.compile(
    r"(?:thấp\s+hơn|cao\s+hơn|vượt|thiếu|chưa\s+đạt)\s+(?:so\s+với\s+)?"
    r"(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?:[^.;%\d]|(?:19|20)\d\d)*$", re.I)
#: After the plan's rate: its giver ("của Nghị quyết HĐND tỉnh"), then the points.
_POINTS_NEXT = re.compile(
    r"(?:\s*(?:của|do|theo)\s[^.;,\d%]{1,60}?)?\s*(?:khoảng|là|:)?\s*"
    r"\d+(?:,\d+)?\s*điểm\s+phần\s+trăm", re.I)


def plan_in_gap(text: str, fig: Figure, s0: int) -> bool:
    """Whether a percent is the plan's rate inside a gap-to-plan sentence.

    The percent follows "thấp hơn (cao hơn, vượt, thiếu, chưa đạt) chỉ tiêu …" in its
    statement (since the sentence start ``s0`` or a ";", no figure but a year between)
    and is followed by the gap in points ("khoảng 0,7 điểm phần trăm"); a percent in
    points itself is no plan.
    """
    if fig.unit != "pct" or P.POINTS_AFTER.match(text, fig.end):
        return False
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    return bool(_GAP_TO_PLAN.search(statement) and _POINTS_NEXT.match(text, fig.end))


#: "thiếu 185 người so với kế hoạch năm 2023 là" right before a count: the plan's count;
#: "thiếu 560 người mới đạt (để hoàn thành) kế hoạch … là" alike (set 18).
_COUNT_GAP_TO_PLAN = re.compile(
    r"(?:thiếu|vượt|chưa\s+đạt)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d[\d.,]*\s*"
    r"(?:người|lao\s+động)\s+(?:so\s+với|(?:mới|để|thì)\s+(?:(?:mới|có\s+thể)\s+)?"
    r"(?:đạt|hoàn\s+thành))\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)"
    r"(?:[^.;%\d]|(?:19|20)\d\d)*?\s(?:là|:)\s*$", re.I)


def plan_count_in_gap(text: str, fig: Figure, s0: int) -> str | None:
    """The measure of a count that is the plan's count after a gap in people (set 17).

    "…, huyện còn thiếu 185 người so với kế hoạch năm 2023 là 3.600 người": the count
    after "so với kế hoạch (năm …) là", following the shortfall's own count in the same
    statement, is the plan; the classifier read it as a second shortfall. "… còn thiếu
    khoảng 300 người để hoàn thành (mới đạt) kế hoạch năm 2024 là 2.500 người" too.
    The plan of new participants when the clause right before the gap counts new ones
    ("phát triển mới 8.460 người, vượt 460 người so với kế hoạch năm là 8.000 người",
    set 33; not "…, nâng tổng số người tham gia lên N người, vượt …": the stock's);
    ``None`` when the count is no such plan.
    """
    if fig.unit not in ("count", "bare"):
        return None
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    gap = _COUNT_GAP_TO_PLAN.search(statement)
    if gap is None:
        return None
    lead = re.split(r",\s", statement[:gap.start()].rstrip(", "))[-1]  # the gap's count
    return "plan_new_participants" if P.NEW.search(lead) and not P.PLAN.search(lead) \
        else "plan_participants"


_BLANK = re.compile(r"\n[ \t]*\n")
#: "(kế hoạch: 20.000 người)" opening a line of its own, up to the count
_PLAN_LINE = re.compile(r"[ \t]*\(\s*(?:kế\s+hoạch|chỉ\s+tiêu)(?:\s+giao)?\s*:?\s*", re.I)
#: a line ending on the yardstick its gap is measured against: "… so với kế hoạch"
_AGAINST_PLAN_END = re.compile(r"so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch)[ \t]*$", re.I)


def plan_under_gap(text: str, pos: int) -> bool:
    """Whether the figure at ``pos`` is a plan in brackets opening its line right under a
    line ending on the yardstick of a gap: "Vượt 1.600 người so với kế hoạch⏎(kế hoạch:
    20.000 người)" (the plan the gap above is measured against)."""
    line0 = text.rfind("\n", 0, pos) + 1
    if line0 < 2 or not _PLAN_LINE.fullmatch(text, line0, pos):
        return False
    above = text.rfind("\n", 0, line0 - 1) + 1
    return bool(_AGAINST_PLAN_END.search(text, above, line0 - 1))


def gap_of_new(text: str, statement: str, pre_q: str, prev: Figure | None, pos: int) -> bool:
    """Whether a plan in brackets is the one a gap of new participants is measured against.

    "phát triển mới 31.450 người …, vượt 1.450 người so với kế hoạch (30.000 người)": the
    surplus is over new participants, so the plan is a plan of new participants. An
    infographic prints the same on lines of a block (set 23's leftover, fixed with set
    25's): "Phát triển mới BHXH tự nguyện⏎21.600 người⏎Vượt 1.600 người so với kế
    hoạch⏎(kế hoạch: 20.000 người)": the bracket opens its line, the line above ends on
    "so với kế hoạch", and the block's heading (its first line) names new participants.
    ``pos`` is where the plan's figure starts.
    """
    if prev is not None and prev.measure == "shortfall_participants" and re.search(
            r"so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch)[^()\d]*\(\s*$", pre_q, re.I):
        head = statement[:max(0, len(statement) - (pos - prev.start))]
        counted = [c for c in re.split(r",", head) if re.search(r"\d", c)]
        return bool(counted) and bool(P.NEW.search(counted[-1]))
    if not plan_under_gap(text, pos):
        return False
    line0 = text.rfind("\n", 0, pos) + 1
    above = text.rfind("\n", 0, line0 - 1) + 1
    blank = [m.end() for m in _BLANK.finditer(text, 0, above + 1)]
    first = blank[-1] if blank else 0
    heading = text[first:text.find("\n", first)]
    return bool(P.NEW.search(heading))


def of_new(prev: Figure | None, prev_same: Figure | None) -> bool:
    """Whether a plan's count right after an attainment is the plan of new participants.

    "… chỉ phát triển mới 11.100 người, mới đạt 18,5% kế hoạch cả năm 2026 là 60.000
    người" (set 31): the attainment measures the new participants counted before it, so
    the plan it is of is theirs, as in brackets ("đạt 138,4% kế hoạch giao (9.000
    người)", :func:`bhxh_analysis.extract.figures.classify`). After a stock's attainment
    the plan is of participants.
    """
    return prev is not None and prev.measure == "attainment_pct" and prev_same is not None \
        and prev_same.measure == "new_participants"
