"""Parts of a population that are no place's insurance figure (set 17 classes).

Pages that describe a place before its insurance results print shares of its people
("đồng bào dân tộc chiếm 30% dân số"), the population of several places taken together
("dân số của 3 xã này là …") and, inside a total, the persons insured for health only
("số người chỉ tham gia BHYT (không kể …) là …" and its change, the farming households of
average living standard). None is one place's
coverage, participants or population: :func:`portion_not_row` names why such a figure
is skipped, so :func:`bhxh_analysis.extract.figures.classify` drops it.
"""

from __future__ import annotations

import re
from typing import Any

_I = re.IGNORECASE
#: A word that ties a clause to insurance (its share is then a coverage rate).
_INSURANCE = re.compile(r"BHYT|BHXH|BHTN|bảo\s+hiểm|tham\s+gia|thẻ", _I)
#: "… chiếm (hơn) X% dân số": a share of the population.
_SHARE_BEFORE = re.compile(r"chiếm\s+(?:hơn|gần|khoảng|trên|xấp\s+xỉ)?\s*$", _I)
_POPULATION_AFTER = re.compile(r"\s*dân\s+số", _I)
#: "dân số (hiện tại) của 03 xã, thị trấn (này)": several places counted together.
_SEVERAL_PLACES = re.compile(
    r"dân\s+số(?:\s+\S+){0,3}?\s+của\s+(?:\d+|các|những|hai|ba|bốn|năm)\s+"
    r"(?:xã|phường|thị\s+trấn|huyện|quận|địa\s+phương)", _I)
#: "người thuộc hộ gia đình làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình": a
#: group whose cards the state helps to buy, a part of the household participants.
_FARMING_HOUSEHOLDS = re.compile(
    r"hộ\s+(?:gia\s+đình\s+)?làm\s+nông|có\s+mức\s+sống\s+trung\s+bình", _I)
#: "số người chỉ tham gia BHYT": the health-only part of a total.
_HEALTH_ONLY = re.compile(r"chỉ\s+tham\s+gia\s+(?:BHYT|bảo\s+hiểm\s+y\s+tế)", _I)


def portion_not_row(fig: Any, pre: str, after: str, sentence: str) -> str | None:
    """Why a figure that is part of a population is no row, or None.

    Parameters
    ----------
    fig : Figure
        The figure (its ``unit`` tells a percent from a count).
    pre : str
        The words between the previous figure (or the sentence start) and this one.
    after : str
        The rest of the sentence after the figure.
    sentence : str
        The sentence (up to ``;``) before the figure.

    Returns
    -------
    str or None
        The reason the figure is skipped, or None when this module has nothing to say.
    """
    if fig.unit == "pct" and _SHARE_BEFORE.search(pre) and _POPULATION_AFTER.match(after):
        # the share's subject: its own comma clause, with no figure before it ("đạt 97,6%
        # kế hoạch và chiếm 88% dân số" is the participants' share, a coverage rate)
        subject = _SHARE_BEFORE.sub("", re.split(r"[,;]", sentence)[-1]).strip()
        if (subject and not _INSURANCE.search(subject) and not re.search(r"\d", subject)) or (
                re.match(r"\s*dân\s+số", sentence, _I) and not _INSURANCE.search(sentence)):
            return "a group's share of the population"  # "người theo đạo chiếm 22% dân số"
    if fig.unit != "pct" and _SEVERAL_PLACES.search(sentence) \
            and not _INSURANCE.search(sentence):
        return "the population of several places"  # "dân số của 4 xã này là N người"
    if fig.unit != "pct" and _HEALTH_ONLY.search(sentence):
        return "the health-only part of a total"  # "số người chỉ tham gia BHYT là N"
    if fig.unit != "pct" and _FARMING_HOUSEHOLDS.search(sentence):
        return "a subgroup of households"  # "người thuộc hộ làm nông … là N người"
    return None


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


def new_lead(statement: str) -> bool:
    """Whether the sentence opens by naming new participants as what it ranks places by.

    "Xét về số người tham gia mới trong Tháng …, huyện A dẫn đầu với N người tham gia,
    tiếp đến là huyện B với M người tham gia": each count is its place's new participants
    to the status date read before (a ranking of places is their own result, even in a
    campaign month), not its stock of participants.
    """
    return bool(_NEW_LEAD.search(statement))


#: "(Xét) về tỷ lệ hoàn thành kế hoạch (được giao) …": the sentence ranks places by it.
_ATTAIN_LEAD = re.compile(
    r"\bvề\s+t[ỷỉ]\s+lệ\s+hoàn\s+thành\s+(?:kế\s+hoạch|chỉ\s+tiêu)", _I)


def attain_lead(statement: str) -> bool:
    """Whether the sentence opens by naming plan attainment as what it ranks places by.

    "Xét về tỷ lệ hoàn thành kế hoạch được giao, huyện A và B là hai địa phương dẫn đầu
    với tỷ lệ lần lượt là X% và Y%": the percents, far from the cue, are attainments.
    """
    return bool(_ATTAIN_LEAD.search(statement))


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
