"""Percent figures that are neither a coverage nor a plan, found in set 16 (issue 15):
a gap below a decision's target, and the persons whose cards lapsed; and a pair of
counts that is the participants over the population.

Kept apart from :mod:`.figures` (near the house limit); :func:`.figures.classify`
calls both before its other rules.
"""

from __future__ import annotations

import re
from typing import Any

from . import patterns as P

__all__ = ["below_yardstick", "books_handed_out", "contributed_result", "every_insurance",
           "gap_not_row", "lapsed_cards", "points_of_gap", "points_over_plan", "raise_to_target",
           "population_pairs", "rate_before", "reached_new_rural", "share_given_cards"]



#: "so với Quyết định số 1269/QĐ-UBND", "so với Nghị quyết của HĐND huyện", "so với chỉ
#: tiêu": the yardstick a gap in points is measured against.
_VERSUS_YARDSTICK = re.compile(
    r"so\s+với\s+(?:(?:Quyết\s+định|Nghị\s+quyết|Kế\s+hoạch|Chỉ\s+thị)(?!\w)|"
    r"(?:chỉ\s+tiêu|mục\s+tiêu|kế\s+hoạch))", re.I)
#: "còn khoảng cách 1,5% so với chỉ tiêu": a gap printed before its yardstick.
_GAP_BEFORE = re.compile(r"khoảng\s+cách(?:\s+(?:là|khoảng))?\s*$", re.I)


P_POINTS = P.POINTS_AFTER
#: A gap below printed before its points: "thấp hơn 0,4 điểm phần trăm so với chỉ tiêu",
#: "thấp hơn chỉ tiêu Nghị quyết HĐND tỉnh (90%) tới 3 điểm phần trăm", "… (96,5%) 0,7 điểm".
#: "còn cách chỉ tiêu năm 2026 (95,2%) 0,5 điểm phần trăm" the same gap (set 34).
BELOW_BEFORE = re.compile(r"(?:thấp\s+hơn|còn\s+cách)\s+(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|"
                          r"mục\s+tiêu)[^.;]{0,80}?(?:\b(?:tới|đến|là|khoảng)|"
                          # "… chỉ tiêu 93,5% của Nghị quyết HĐND tỉnh 0,4 điểm" (set 16)
                          r"%\s*(?:của|do|theo)\s[^.;,\d%]{1,60}?"
                          # "… chỉ tiêu Nghị quyết HĐND tỉnh (96,5%) 0,7 điểm" (set 21)
                          r"|\(\s*\d[\d.,]*\s*%\s*\)"
                          # an infographic's label "Còn cách mục tiêu: 2,9 điểm" (set 36)
                          r"|(?<=tiêu):|(?<=hoạch):)\s*$", re.I)


#: A shortfall in persons, then its points: "còn phải vận động thêm hơn 82 nghìn người
#: tham gia, tương ứng 1,9 điểm phần trăm" (set 18).
_PERSONS_THEN_EQUIVALENT = re.compile(
    r"(?:thiếu|(?:vận\s+động|phát\s+triển)\s+thêm)[^.;]{0,40}?\d[^.;]{0,20}?người[^.;\d]{0,30}?"
    r",\s*(?:tương\s+(?:ứng|đương)|tức)(?:\s+(?:với|là))?(?:\s+khoảng)?\s*$", re.I)


#: A gap's points right after its yardstick: "thấp hơn chỉ tiêu 0,2 điểm phần trăm",
#: "thấp hơn kế hoạch được giao 1,1 điểm phần trăm" (set 19; a percent there is the plan's).
_BELOW_PLAN_RIGHT_BEFORE = re.compile(
    r"thấp\s+hơn\s+(?:so\s+với\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)"
    # the giver: "được", or the level that set it ("tỉnh", "huyện giao": set 24)
    r"(?:\s+(?:được\s+|(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường)\s+)?"
    r"giao)?\s*$", re.I)


def points_over_plan(fig: Any, pre_q: str, after: str) -> bool:
    """Points above a plan with no rate before them: a surplus, a negative shortfall.

    "huyện A đã vượt 0,9 điểm phần trăm so với chỉ tiêu" (set 19) was dropped as an
    over-achievement; "vượt 3% kế hoạch" (an attainment) and "vượt 0,5 điểm phần trăm
    so với cùng kỳ" (a change) are not this. Sets ``fig`` when it is.
    """
    if not (re.search(r"vượt\s*$", pre_q, re.I) and _POINTS.match(after)):
        return False
    rest = after[_POINTS.match(after).end():]
    if not re.match(r"\s*so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)", rest, re.I):
        return False
    fig.measure, fig.value = "shortfall_pp", -fig.value
    return True


def points_below(before: str, after: str) -> bool:
    """Whether "N điểm phần trăm" is a gap below a plan (so a rate, as "N%"): "thấp hơn
    0,4 điểm phần trăm so với chỉ tiêu", "thấp hơn chỉ tiêu … (90%) tới 3 điểm phần
    trăm", "… còn thiếu N người, tương ứng 1,9 điểm phần trăm" (not "thấp hơn 0,5 điểm
    phần trăm so với cùng kỳ": a change, unread)."""
    points = P_POINTS.match(after)
    if points is None:
        return False
    if raise_to_target(before, after):
        return True  # "Để đạt chỉ tiêu 95%, tỉnh còn phải tăng thêm 1,4 điểm phần trăm"
    if re.search(r"thấp\s+hơn\s*$", before, re.I):
        # "So với chỉ tiêu 93% …, tỷ lệ này còn thấp hơn 0,7 điểm phần trăm" (set 20):
        # the yardstick named before the gap as well as after it
        return bool(_VERSUS_YARDSTICK.match(after[points.end():].lstrip())
                    or _VERSUS_YARDSTICK.search(re.split(r"[.;]", before)[-1]))
    return bool(_BELOW_PLAN_RIGHT_BEFORE.search(before) or BELOW_BEFORE.search(before) or _PERSONS_THEN_EQUIVALENT.search(before))


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
    if re.search(r"thấp\s+hơn\s*$", pre, re.I) and P_POINTS.match(after) \
            and _VERSUS_YARDSTICK.match(after[P_POINTS.match(after).end():].lstrip()):
        return True  # "thấp hơn 0,4 điểm phần trăm so với chỉ tiêu 97,5%"
    if _BELOW_PLAN_RIGHT_BEFORE.search(pre) and P_POINTS.match(after):
        return True  # "thấp hơn chỉ tiêu 0,2 điểm phần trăm" (set 19)
    if BELOW_BEFORE.search(statement[-120:]) and not re.search(r"thấp\s+hơn\s*$", pre, re.I):
        return True  # "thấp hơn chỉ tiêu … (90%) tới 3 điểm phần trăm"
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


#: "…, đạt tỷ lệ 81,85%" (no "kế hoạch" after it): the coverage a pair's ratio may be.
_COVERAGE_RATE_AFTER = re.compile(
    r"\bđạt(?:\s+tỷ\s+lệ)?(?:\s+bao\s+phủ)?\s+(?P<pct>\d{1,3}(?:,\d+)?)\s*%"
    r"(?!\s*(?:so\s+với\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|KH)(?!\w))", re.I)
#: "197.247/240.986 người": two counts joined by "/" before "người".
_COUNT_PAIR = re.compile(r"(?<![\w.,/:\-])(?P<a>\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*"
                         r"(?P<b>\d{1,3}(?:\.\d{3})+|\d+)(?=\s*người(?!\w))")


def population_pairs(text: str, s0: int, s1: int, make: Any) -> list[Any]:
    """"có 197.247/240.986 người tham gia BHYT, đạt tỷ lệ 81,85%": participants over
    the population.

    Why: a pair over a plan is read when the attainment after it is its ratio; a pair
    whose ratio is the coverage printed after it (no "kế hoạch") is the participants
    and the population, and was read as nothing (nor was the coverage). ``make`` is
    :class:`.figures.Figure` (passed in: that module imports this one).
    """
    out = []
    for m in _COUNT_PAIR.finditer(text, s0, s1):
        a, b = (float(re.sub(r"\D", "", m[k])) for k in ("a", "b"))
        end = text.find(";", m.end(), s1)
        rate = _COVERAGE_RATE_AFTER.search(text, m.end(), s1 if end < 0 else end)
        if not b or a > b or rate is None:
            continue
        if abs(100 * a / b - float(rate["pct"].replace(",", "."))) > 0.5:
            continue
        out.append(make(m.start("a"), m.end("a"), m["a"], a, "count", notes=[
            "pair:actual", f"pairend:{m.end('b')}"]))
        out.append(make(m.start("b"), m.end("b"), m["b"], b, "count",
                        notes=["pair:population"]))
    return out


_REACHED_NEW_RURAL = re.compile(r"\bđã\s+(?:đạt\s+chuẩn|về\s+đích)\s+(?:xã\s+)?nông\s+thôn\s+mới"
                                r"(?:\s+\w+){0,3}?\s+với\b", re.I)


def reached_new_rural(statement: str) -> bool:
    """"Xã A đã về đích nông thôn mới với tỷ lệ bao phủ BHYT đạt 92,2%": the commune's
    own rate, reached (not the criterion "đạt 90% đối với xã nông thôn mới")."""
    return bool(_REACHED_NEW_RURAL.search(statement))


_GIVEN_CARDS_AFTER = re.compile(
    r"\s*(?:số\s+)?(?:người|đối\s+tượng|dân\s+số)"
    r"(?:\s+(?:của|trong|trên\s+địa\s+bàn)\s+[^,.;:\d%]{1,30}?)?"  # "dân số của tỉnh"
    r"\s+(?:được|do)\s+(?:Nhà\s+nước|ngân\s+sách|NSNN)"
    r"(?:\s+\w+){0,3}?\s+(?:mua|cấp|đóng|hỗ\s+trợ)", re.I)


def share_given_cards(after: str) -> bool:
    """"82,5% số người được Nhà nước mua thẻ": the share of those whose cards the state
    buys, a subgroup of the participants (not the coverage of the population); "khoảng
    70% dân số của tỉnh được ngân sách đóng hoặc hỗ trợ đóng BHYT" alike (set 18)."""
    return bool(_GIVEN_CARDS_AFTER.match(after))


_BOOKS_FOR = re.compile(r"\b(?:cấp|trả|phát\s+hành|in|duyệt)\b[^.;]{0,40}?\b(?:sổ|thẻ)\b[^.;]{0,80}?"
                        r"\bcho\s*$", re.I)


def books_handed_out(pre: str) -> bool:
    """"cấp lại và trả sổ BHXH (theo Luật …) cho N người lao động": persons given a book
    or card, an office's work (a flow), no participants."""
    return bool(_BOOKS_FOR.search(pre))


_CONTRIBUTED = re.compile(r"góp\s+phần\s+(?:nâng|đưa|đạt)[^.;]{0,80}?(?:đến|tới)\s+(?:hết|cuối)\s+"
                          r"tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?", re.I)


def contributed_result(clause: str) -> bool:
    """"…, góp phần nâng tỷ lệ bao phủ … đến cuối tháng 6/2019 là 89%": what the figures
    before helped reach by a month's end, a result (the target words "góp phần" then
    name no target: a target's horizon is a year, not a month gone by)."""
    return bool(_CONTRIBUTED.search(clause))


#: "bảo hiểm" with no scheme after it: every scheme together.
#: ("bảo hiểm bắt buộc/tự nguyện" name BHXH's two parts: set 19)
_BARE_INSURANCE = (r"bảo\s+hiểm(?!\s+(?:xã|y|thất|tai|hưu|nhân|thương|tiền|vật|xe|cháy|"
                   r"bắt\s+buộc|tự\s*nguyện)\b)")
_EVERY_AFTER = re.compile(  # "hiếm": a common typo of "hiểm"
    r"\s*(?:người|lao\s+động)\s+tham\s+gia\s+(?:các\s+loại(?:\s+hình)?\s+bảo\s+hi[ểế]m|"
    + _BARE_INSURANCE + r")", re.I)
_EVERY_BEFORE = re.compile(r"tham\s+gia\s+" + _BARE_INSURANCE + r"[^.;,\d]{0,50}?"
                           r"(?:là|đạt|có)\s*(?:khoảng|gần|trên|hơn)?\s*$", re.I)


def every_insurance(pre: str, after: str) -> bool:
    """Persons counted over every scheme together: "85 lao động tham gia các loại bảo
    hiểm xã hội, bảo hiểm y tế, …", "tổng số người tham gia bảo hiểm trên địa bàn … là
    N người" (no scheme named after "bảo hiểm"). Why: they took the scheme last read
    (set 16: a district's household health insurance); a sum over schemes is no row."""
    return bool(_EVERY_AFTER.match(after) or _EVERY_BEFORE.search(pre))


def gap_not_row(fig: Any, pre: str, after: str, statement: str, prev: Any) -> str | None:
    """Why a figure of set 16's classes is no row, or ``None``: one answer for
    :func:`.figures.classify`, as :func:`.nonrows.not_a_row` gives for set 14's.

    Parameters
    ----------
    fig, prev : Figure
        The figure and the one read before it in the sentence (``None`` if none).
    pre, after : str
        The text before and after the figure in its sentence.
    statement : str
        The sentence from its start up to the figure.
    """
    if lapsed_cards(pre, after, statement):
        return "lapsed cards"  # "N người có thẻ hết hạn (chiếm 4,5% dân số)"
    if fig.unit != "pct" and every_insurance(pre, after):
        return "several schemes"  # "tổng số người tham gia bảo hiểm … là N người"
    if fig.unit != "pct" and books_handed_out(pre):
        return "books or cards handed out"  # "trả sổ BHXH cho N người lao động"
    if prev is not None and prev.skip == "books or cards handed out" and ";" not in pre:
        return "the rate of a count not kept"  # "…, đạt tỷ lệ 96% kế hoạch" of those books
    if fig.unit == "pct" and share_given_cards(after):
        return "a share of the participants"  # "82% số người được Nhà nước mua thẻ"
    return None


#: A comparison right after a surplus that is not with a plan ("vượt 700 người so với
#: cùng kỳ", "… so với năm 2021", "… so với cuối năm trước").
_VERSUS_PERIOD = re.compile(r"\s*(?:người\s+)?(?:\([^)]*\)\s*)?so\s+với\s+(?:cùng\s+kỳ|năm|cuối|"
                            r"đầu|tháng|quý|\d)", re.I)
_PLAN_NEAR = re.compile(r"kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|\bKH\b", re.I)


def rate_before(prev: Any, prev_same: Any, s0: int) -> bool:
    """Whether a surplus in points follows its coverage: the figure just before, or the
    sentence's coverage with its count after it ("đạt 94,1% dân số với 812.400 người
    tham gia, vượt 0,6 điểm phần trăm so với chỉ tiêu …", set 36)."""
    if prev is None or prev.skip is not None:
        return False
    return prev.measure == "coverage_pct" or (
        prev.measure == "participants" and prev_same is not None and prev_same.start >= s0
        and prev_same.skip is None and prev_same.measure == "coverage_pct")


def surplus_over_plan(pre_q: str, after: str) -> bool:
    """Whether "vượt N" is a surplus over a plan — a negative shortfall.

    Over-achievement is read as a negative shortfall (``schema.SIGNED_MEASURES``: "a
    surplus over the plan"): "vượt 312 người so với kế hoạch", "vượt 2.460 người, đạt
    106,8% kế hoạch", "vượt 0,29 điểm phần trăm so với chỉ tiêu 91,5%". A plan must be
    named right before ("vượt kế hoạch 120 người") or in the rest of the sentence; a
    comparison with a period ("vượt … so với cùng kỳ") is a change, not a surplus.
    """
    if _VERSUS_PERIOD.match(after):
        return False
    # (a page footer blanked inside the sentence leaves a run of spaces: one, set 30)
    rest = re.sub(r"\s+", " ", re.split(r"[.;\n]", after, maxsplit=1)[0])[:90]
    return bool(_PLAN_NEAR.search(pre_q[-30:]) or _PLAN_NEAR.search(rest))


#: "…, tương ứng (khoảng) / tương đương / tức" right before a figure
_EQUIVALENT = re.compile(r"(?:tương\s+(?:đương|ứng)(?:\s+với)?|\btức(?:\s+là)?)(?:\s+khoảng)?\s*$",
                         re.I)
#: "điểm phần trăm" right after a figure
_POINTS = P.POINTS_AFTER


def points_of_gap(pre_q: str, after: str, prev: Any) -> bool:
    """Whether a figure in points restates the shortfall in persons just read.

    "… còn phải vận động thêm hơn 82 nghìn người tham gia, tương ứng 1,9 điểm phần
    trăm": the same gap to the plan in points (set 18), as "… 2,36 điểm, tức 30.500
    người" gives the gap in points first and then in persons.

    Examples
    --------
    >>> class F: measure = "shortfall_participants"
    >>> points_of_gap(" người tham gia, tương ứng ", " điểm phần trăm.", F())
    True
    >>> points_of_gap(", tăng ", " điểm phần trăm.", F())
    False
    """
    if raise_to_target(pre_q, after, prev):
        return True  # "Để đạt chỉ tiêu 95%, tỉnh còn phải tăng thêm 1,4 điểm phần trăm"
    return prev is not None and getattr(prev, "measure", None) == "shortfall_participants" \
        and _EQUIVALENT.search(pre_q) is not None and _POINTS.match(after) is not None


#: "còn phải / cần (phải) tăng (nâng) thêm" right before a figure
_RAISE_MORE = re.compile(r"(?:còn\s+phải|\bcần(?:\s+phải)?)\s+(?:tăng|nâng)(?:\s+thêm)?"
                         r"(?:\s+(?:khoảng|gần|hơn|trên|ít\s+nhất))?\s*$", re.I)
#: A target named in the clause before: "Để hoàn thành chỉ tiêu 95% được giao, …".
_TARGET_NAMED = re.compile(r"chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu", re.I)


def raise_to_target(before: str, after: str, prev: Any = None) -> bool:
    """Whether points still to be raised to reach a named target are a shortfall.

    "Để hoàn thành chỉ tiêu 95% được giao cho năm 2025, tỉnh còn phải tăng thêm 1,4
    điểm phần trăm" (set 20) was dropped: "tăng thêm" read as a change. Points after
    "còn phải / cần tăng (nâng) thêm" in a sentence that names a target (plan, aim)
    before them (or whose figure before is that plan, ``prev``) are the gap to it; "tăng 0,8 điểm phần trăm so với cùng kỳ" (no "còn
    phải / cần") and a count of persons to add are not this.

    Examples
    --------
    >>> raise_to_target("Để đạt chỉ tiêu 95%, tỉnh còn phải tăng thêm ", " điểm phần trăm")
    True
    >>> raise_to_target("Năm nay, tỉnh còn phải tăng thêm ", " điểm phần trăm")
    False
    """
    if not (_RAISE_MORE.search(before) and _POINTS.match(after)):
        return False
    return bool(_TARGET_NAMED.search(re.split(r"[.;]", before)[-1])) or getattr(
        prev, "measure", None) == "plan_coverage_pct"
