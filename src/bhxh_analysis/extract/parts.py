"""A part of the participants or of the people: no place's coverage or stock.

A page prints, beside a place's own results, figures about a *part* of its people or
of its participants. None of them is the place's coverage, participants or population,
so none is a row. What counts as a part:

- a named subgroup in the figure's own clause or right after it: "các nhóm đối tượng …
  đạt 100%", "100% người dân tộc thiểu số", "học sinh, sinh viên", "hộ nghèo", employers
  ("đơn vị", "doanh nghiệp"), "trong đó có 9.100 người thuộc hộ nghèo", "người được ngân
  sách hỗ trợ" (reasons "a subgroup's rate", "a subgroup");
- the workers of some workplaces as a rate's base: "chiếm 70% số lao động đang làm việc
  tại các khu công nghiệp" (a subgroup's rate, not the labour force);
- a part's share of a total after "trong đó … chiếm": "tỷ lệ bao phủ 98,1% dân số,
  trong đó người thuộc hộ nghèo, cận nghèo chiếm trên 60%" (a list of subgroups splits
  the comma clause, so the statement since the sentence start or ";" is read), or
  before "tổng số": "… có 40.200 người tham gia, chiếm hơn 42% tổng số của thành phố"
  (set 25; not "tổng số lao động", a labour force);
- a group's share of the population ("đồng bào dân tộc chiếm 30% dân số"), the
  population of several places taken together ("dân số của 3 xã này là …"), the
  health-only part of a total ("số người chỉ tham gia BHYT (không kể …) là …") and the
  farming households of average living standard (set 17).

What is not a part: a share or count that names a scheme ("trong đó BHXH tự nguyện
chiếm 6,1%" is that scheme's rate), a share followed by what a coverage is of ("… chiếm
97,3% dân số"), units that are places ("Một số đơn vị đạt tỷ lệ cao như xã A 99,1%").

:func:`part_not_row` is the one question: :func:`bhxh_analysis.extract.figures.classify`
asks it once for every percent and count, after the rules that read a figure from its
neighbours (a list's item, a plan or stock in brackets, a remark's plan) and before its
measure rules, and skips the figure with the reason it names. (A percent in brackets after
a plan's words stays that plan, whatever group it is of.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P

if TYPE_CHECKING:
    from .printed import Figure

__all__ = ["SUBGROUP", "SUBGROUP_AFTER", "part_not_row"]

_I = re.IGNORECASE
#: A subgroup's rate ("các nhóm đối tượng ... đạt tỷ lệ 100%", "học sinh, sinh viên ...").
SUBGROUP = re.compile(
    r"\bnhóm\b|học\s+sinh|sinh\s+viên|trẻ\s+em|người\s+(?:nghèo|cận\s+nghèo|cao\s+tuổi)|"
    r"hộ\s+(?:nghèo|cận\s+nghèo)|hài\s+lòng|đơn\s+vị|doanh\s+nghiệp|cán\s+bộ|"
    r"tốc\s+độ|thất\s+nghiệp\s+trên|dân\s+tộc\s+thiểu\s+số|\bDTTS\b|đồng\s+bào", _I)
#: "9.100 người thuộc hộ nghèo …", "người (tham gia) được ngân sách hỗ trợ" (set 28: "12
#: người tham gia được hỗ trợ 50% mức đóng"): a subgroup, not a stock.
SUBGROUP_AFTER = re.compile(
    r"\s*(?:người|lao\s+động|đối\s+tượng)\s+(?:tham\s+gia\s+(?=được\s))?(?:thuộc|"
    r"là\s+(?:người|học|hộ)|được\s+(?:ngân\s+sách|hỗ\s+trợ|miễn))", _I)
#: "Một số đơn vị đạt tỷ lệ cao như xã A 99,1%": the units are places (named with their
#: kind before the figure), no subgroup of employers; no other subgroup word in the clause.
_UNITS_AS_PLACES = re.compile(
    r"^(?:(?!\bnhóm\b|học\s+sinh|sinh\s+viên|trẻ\s+em|người|hộ\s|doanh\s+nghiệp|cán\s+bộ)"
    r".)*?\bđơn\s+vị\b(?:(?!\bnhóm\b|học\s+sinh|sinh\s+viên|trẻ\s+em|người|hộ\s|"
    r"doanh\s+nghiệp|cán\s+bộ).)*?\b(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã)\s+"
    rf"(?-i:[{P.UPPER}])[^\d]*$", re.I | re.S)
#: The workers of some workplaces as a rate's base ("… % số lao động đang làm việc tại
#: các khu công nghiệp", "trong các doanh nghiệp"; a caption's "lao động tại đây", the
#: workplace pictured, set 29): a subgroup, not the labour force.
_WORKERS_AT = re.compile(r"\s*(?:số\s+)?(?:người\s+)?lao\s+động\s+(?:đang\s+)?(?:làm\s+việc\s+)?"
                         r"(?:tại|trong|ở|thuộc)\s+(?:các\s+)?(?:khu|cụm|doanh\s+nghiệp|công\s+ty|"
                         r"nhà\s+máy|đơn\s+vị|cơ\s+sở|đây\b)", _I)
#: "trong đó <a part, no figure> chiếm (trên, khoảng …)" right before a percent.
_PART_SHARE = re.compile(
    r"\btrong\s+đó\b(?P<part>[^.;%\d]{1,80}?)\bchiếm\s+(?:t[ỷỉ]\s+lệ\s+)?"
    r"(?:khoảng|gần|trên|hơn|tới|đến|xấp\s+xỉ)?\s*$", _I)
#: "Riêng (nhóm) học sinh, sinh viên, …" opening the statement: the group its figures
#: are of, set apart in the first clause (set 19).
_SET_APART = re.compile(r"\s*(?:Riêng|Đối\s+với)\s+(?P<group>[^,;:]{1,60}?),", _I)
#: A word that ties a clause to insurance (its share is then a coverage rate).
_INSURANCE = re.compile(r"BHYT|BHXH|BHTN|bảo\s+hiểm|tham\s+gia|thẻ", _I)
#: "… chiếm (hơn) X% dân số": a share of the population.
_SHARE_BEFORE = re.compile(r"chiếm\s+(?:hơn|gần|khoảng|trên|xấp\s+xỉ)?\s*$", _I)
_POPULATION_AFTER = re.compile(r"\s*dân\s+số", _I)
#: "… chiếm (hơn) X% tổng số (người tham gia) của thành phố": a part's share of the
#: participants (set 25), not of the population or the labour force
_TOTAL_AFTER = re.compile(
    r"\s*(?:trong\s+)?tổng\s+số(?!\s+(?:người\s+)?(?:lao\s+động|dân))(?!\w)", _I)
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


def part_not_row(text: str, fig: Figure, pre: str, after: str, statement: str) -> str | None:
    """Why a figure is a part of the participants or of the people, or None.

    Parameters
    ----------
    text : str
        The passage (the share after "trong đó … chiếm" is checked against it).
    fig : Figure
        The figure (its ``unit`` tells a percent from a count).
    pre : str
        The words between the previous figure (or the sentence start) and this one,
        without the figure's qualifier.
    after : str
        The rest of the sentence after the figure.
    statement : str
        The sentence up to the figure, from its last ``;``.

    Returns
    -------
    str or None
        The reason the figure is skipped, or None when it is no part.
    """
    if fig.unit == "pct":
        return _part_rate(text, fig, pre, after, statement)
    if _SEVERAL_PLACES.search(statement) and not _INSURANCE.search(statement):
        return "the population of several places"  # "dân số của 4 xã này là N người"
    if _HEALTH_ONLY.search(statement):
        return "the health-only part of a total"  # "số người chỉ tham gia BHYT là N"
    if _FARMING_HOUSEHOLDS.search(statement):
        return "a subgroup of households"  # "người thuộc hộ làm nông … là N người"
    if SUBGROUP_AFTER.match(after):
        return "a subgroup"  # "trong đó có 9.100 người thuộc hộ nghèo"
    return None


def _part_rate(text: str, fig: Figure, pre: str, after: str, statement: str) -> str | None:
    """:func:`part_not_row` for a percent: a group's share or a subgroup's rate."""
    if _SHARE_BEFORE.search(pre) and _POPULATION_AFTER.match(after):
        # the share's subject: its own comma clause, with no figure before it ("đạt 97,6%
        # kế hoạch và chiếm 88% dân số" is the participants' share, a coverage rate)
        subject = _SHARE_BEFORE.sub("", re.split(r"[,;]", statement)[-1]).strip()
        if (subject and not _INSURANCE.search(subject) and not re.search(r"\d", subject)) or (
                re.match(r"\s*dân\s+số", statement, _I) and not _INSURANCE.search(statement)):
            return "a group's share of the population"  # "người theo đạo chiếm 22% dân số"
    if _SHARE_BEFORE.search(pre) and _TOTAL_AFTER.match(after):
        return "a part's share of a total"  # "…, chiếm hơn 42% tổng số của thành phố"
    apart = _SET_APART.match(statement)
    if apart and SUBGROUP.search(apart["group"]) and not _UNITS_AS_PLACES.search(apart["group"]):
        return "a subgroup's rate"  # "Riêng nhóm học sinh, sinh viên, tỷ lệ … đạt 99,2%"
    own = re.split(r"[,;:]", statement)[-1]
    if SUBGROUP.search(own) and not P.COVERAGE_AFTER.match(after) \
            and not _UNITS_AS_PLACES.search(own):
        return "a subgroup's rate"
    if SUBGROUP_AFTER.match(after) or SUBGROUP.match(
            after, re.match(r"\s*(?:người|đồng\s+bào)?\s*", after).end()):
        return "a subgroup's rate"  # "100% người dân tộc thiểu số", "người thuộc hộ nghèo"
    if _WORKERS_AT.match(after):
        return "a subgroup's rate"  # "chiếm 70% số lao động đang làm việc tại các KCN"
    if not P.COVERAGE_AFTER.match(text, fig.end):
        m = _PART_SHARE.search(statement)
        if m is not None and not P.SCHEME.search(m["part"]):
            return "a part's share of a total"  # "trong đó hộ nghèo … chiếm trên 60%"
    return None
