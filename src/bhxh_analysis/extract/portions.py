"""Campaign months and a place's profile: which counts are the place's own result.

A campaign's running total to a printed day is the place's new participants to that
day (:func:`campaign_total`); the last days' part of it is no row (:func:`few_days`);
a sentence ranking places by their new participants or by plan attainment makes each
figure that result (:func:`new_lead`, :func:`attain_lead`); an undated profile's
population is of the publication day (:func:`profile_population`). Parts of the
participants or of the people are :mod:`bhxh_analysis.extract.parts`.
"""

from __future__ import annotations

import re
from typing import Any

from . import patterns as P

_I = re.IGNORECASE
#: "(chỉ tính) riêng trong 7 ngày (từ 12/5 đến 18/5)", "trong tuần qua": a few days' flow.
_FEW_DAYS = re.compile(
    r"\b(?:riêng\s+)?trong\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|mười)\s+ngày\b"
    r"(?!\s+(?:làm\s+việc|công))|\btrong\s+tuần\s+(?:qua|này|đầu|cuối)", _I)
#: "tính đến (hết) ngày 18/5/2023", "đến hết ngày 18/5": the running total's own day.
_RUNNING_TOTAL = re.compile(
    r"(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}", _I)


def few_days(statement: str) -> bool:
    """Whether a count is the flow of a few days inside a longer count.

    "Chỉ tính riêng trong 7 ngày …, đã vận động được N người" is the last days' share of
    the running total read before it: a sub-period that would clash with that total at
    the same date, so no row (as one day's count is none).
    """
    return bool(_FEW_DAYS.search(statement))


def campaign_total(statement: str) -> bool:
    """Whether a campaign's new participants are a running total to a printed day.

    A campaign month's result up to "tính đến hết ngày D" is the place's new participants
    to that day (its attainment is read alike); a round's result with no day of its own
    stays a campaign indicator, skipped.
    """
    return bool(_RUNNING_TOTAL.search(statement))


#: "(Xét) về số người tham gia mới (trong …), huyện A dẫn đầu với N người, …": the
#: sentence ranks places by their new participants.
_NEW_LEAD = re.compile(
    r"\bvề\s+số\s+(?:người|lao\s+động|đối\s+tượng)\s+(?:tham\s+gia\s+mới|mới\s+tham\s+gia|"
    r"(?:được\s+)?(?:tăng|phát\s+triển|khai\s+thác)\s+mới)", _I)


def new_lead(statement: str, text: str = "", fig: Any = None) -> bool:
    """Whether the sentence opens by naming new participants as what it ranks places by.

    "Xét về số người tham gia mới trong Tháng …, huyện A dẫn đầu với N người tham gia,
    tiếp đến là huyện B với M người tham gia": each count is its place's new participants
    to the status date read before (a ranking of places is their own result, even in a
    campaign month), not its stock of participants. A breakdown after "; trong đó"
    (``statement``, ending at ``fig`` in ``text``) of a clause that counts new
    participants ("Phát triển mới N người …; trong đó địa bàn tỉnh A cũ và tỉnh B cũ lần
    lượt là …", set 33) counts them too.
    """
    if _NEW_LEAD.search(statement):
        return True
    if fig is None or not _BREAKDOWN.match(statement):
        return False
    before = text[:fig.start - len(statement)].rstrip()
    if not before.endswith(";"):
        return False  # (not "… phát triển mới N người. Trong đó, …": a new sentence)
    head = re.split(r"[;\n]|\.(?!\d)", before[:-1])[-1]
    return bool(P.NEW.search(head)) and not P.PLAN.search(head)


#: "trong đó" opening a clause: a breakdown of the clause before.
_BREAKDOWN = re.compile(r"\s*trong\s+đó\b", _I)


#: "(Xét) về tỷ lệ hoàn thành kế hoạch (được giao) …": the sentence ranks places by it.
_ATTAIN_LEAD = re.compile(
    r"\bvề\s+t[ỷỉ]\s+lệ\s+hoàn\s+thành\s+(?:kế\s+hoạch|chỉ\s+tiêu)", _I)


#: An infographic's line "Đạt" right under a plan's line ("Kế hoạch năm 2023: 41.000
#: người⏎Đạt 108,1%", set 19).
_UNDER_PLAN_LINE = re.compile(r"(?:kế\s+hoạch|chỉ\s+tiêu)[^\n]*\d[^\n]*\n[ \t]*[-•+*]?[ \t]*"
                              r"đạt\s*$", _I)


def attain_lead(statement: str, recent: str = "", after: str = "") -> bool:
    """Whether the sentence opens by naming plan attainment as what it ranks places by.

    "Xét về tỷ lệ hoàn thành kế hoạch được giao, huyện A và B là hai địa phương dẫn đầu
    với tỷ lệ lần lượt là X% và Y%": the percents, far from the cue, are attainments.
    So is a bare "Đạt X%" line under a line printing a plan (``recent``: the text before
    the figure), unless the rate names its base ("Đạt 92% dân số").
    """
    return bool(_ATTAIN_LEAD.search(statement)) or (
        _UNDER_PLAN_LINE.search(recent) is not None and re.match(r"\s*(?:$|\n)", after)
        is not None)


#: "Huyện A có 08 đơn vị hành chính cấp xã, với 102 thôn, buôn; dân số khoảng N người": a
#: profile of the place (its units, then its people).
_PROFILE = re.compile(
    r"\bcó\s+\d+\s+(?:đơn\s+vị\s+hành\s+chính|xã|phường|thôn|bản|buôn)", _I)


def profile_population(text: str, s0: int, s1: int, start: int,
                       dates: list[tuple[int, int, Any]]) -> bool:
    """Whether a population belongs to an undated profile of the place (today's figure).

    A sentence that first counts the place's units ("có 8 đơn vị hành chính cấp xã …")
    and then its people, with no date of its own, describes the place as it is when
    written: its population is of the publication day, not of a status date carried
    from an earlier paragraph.
    """
    return bool(_PROFILE.search(text, s0, start)) and not any(
        s0 <= a < s1 for a, _b, _d in dates)
