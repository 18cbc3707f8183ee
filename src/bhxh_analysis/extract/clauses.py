"""Readings that reach beyond a figure's own clause (third blind set's classes).

- places taken in turn: "Huyện A và B là hai địa phương có số người tham gia … cao
  nhất, lần lượt 1.025 người và 812 người" gives the n-th figure after "lần lượt" to
  the n-th place listed before it, and the measure named before the list
  (:func:`respective_place`, :func:`respective_measure`);
- a plan's rates printed in a remark by scheme: "So với chỉ tiêu UBND tỉnh giao năm
  2024 (BHYT 95,2%, BHXH 34%), …" (:func:`remark_plan`);
- a plan's rate after a coverage rate of the sentence before: "So với chỉ tiêu HĐND
  tỉnh đề ra cho năm 2022 là 93%, …" (:func:`plan_after_rate`);
- an interviewer's question naming one scheme gives the answer its scheme
  (:func:`question_scheme`);
- schemes taken in turn: "BHXH, BHTN lần lượt đạt 45%, 35%" (:func:`respective_scheme`,
  moved here from the driver).

The driver in :mod:`bhxh_analysis.extract.core` calls them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from . import patterns as P
from .figures import Figure, scheme_mentions

__all__ = ["authority", "census_date", "heading_scheme", "headline_plan_year", "section_scheme",
           "horizon_opening", "listed_places", "local_rate_scheme",
           "plan_after_rate", "question_scheme", "rates_in_turn", "remark_plan", "respective_measure",
           "respective_place", "respective_scheme"]

#: (a ward named by number after its name: "phường Móng Cái 1", set 18)
_NAME = rf"[{P.UPPER}][\w']*(?:[ \-]+[{P.UPPER}][\w']*){{0,3}}(?: \d{{1,2}}(?![\d%/]|[.,]\d))?"
_KIND = r"(?:(?i:huyện|quận|thị\s+xã|thành\s+phố|TP\.?|xã|phường|thị\s+trấn|tỉnh)\s+)"
#: A former unit's mark after its name: "tỉnh Nam Định cũ", "(cũ)", "trước đây" (set 21).
_FORMER = r"(?:\s+(?:\(\s*cũ\s*\)|cũ|trước\s+đây)(?!\w))"
#: "Huyện A và B", "xã A, B và C": places listed together (the kind may lead any item).
_LISTED = re.compile(rf"{_KIND}?(?P<first>{_NAME})(?P<former>{_FORMER})?"
                     rf"(?P<rest>(?:\s*(?:,|và)\s*{_KIND}?{_NAME}{_FORMER}?)+)")
_ITEM = re.compile(rf"\s*(?:,|và)\s*(?P<kind>{_KIND})?(?P<name>{_NAME})(?P<former>{_FORMER})?")


#: A tacit "lần lượt": places listed together, then a verb and as many values joined by
#: "và" ("xã A và xã B mới đạt 85,3% và 86,7%", "A, B có tỷ lệ 97,2% và 96,5%": set 22);
#: the values are counted in ``vals``. An aside ", nơi …," after the places and the rate
#: named before the verb ("Xã A và xã B, nơi …, tỷ lệ bao phủ BHYT đạt x% và y%", set 29).
_TACIT = re.compile(
    rf"{_KIND}?{_NAME}(?:\s*(?:,|và)\s*{_KIND}?{_NAME})+(?:\s*,\s*nơi\s[^,;.]{{1,80}},)?\s+"
    r"(?:t[ỷỉ]\s+lệ(?:\s+bao\s+phủ)?(?:\s+BHYT)?\s+)?(?:(?:mới|chỉ|cùng)\s+)?"
    r"(?P<verb>đạt|là|có)(?=\s+(?:t[ỷỉ]\s+lệ(?:\s+bao\s+phủ)?(?:\s+BHYT)?\s+(?:(?:là|đạt)\s+)?)?"
    r"(?P<vals>\d[\d.,]*\s*%?(?:\s*,\s*\d[\d.,]*\s*%?)*\s+và\s+"
    r"\d[\d.,]*\s*%)(?!\s*(?:,|và)\s*\d))")

#: The registry's word for a kind printed before a listed name ("thị xã" → "Thị xã").
_KIND_WORDS = {"huyện": "Huyện", "quận": "Quận", "thị xã": "Thị xã", "xã": "Xã",
               "phường": "Phường", "thị trấn": "Thị trấn", "tỉnh": "Tỉnh"}


def _respectively(text: str, s0: int, pos: int) -> re.Match[str] | None:
    """The last "lần lượt" of the figure's statement (after its last semicolon).

    Else a tacit one (:data:`_TACIT`, its match ends at the verb) when the places are no
    examples ("như A và B đạt 97,2% và 96,5%" names examples, not the places in turn);
    the callers check that the values are as many as the places.
    """
    start = max(s0, text.rfind(";", s0, pos) + 1)
    found = list(P.RESPECTIVELY.finditer(text, start, pos))
    if found:
        return found[-1]
    tacit = [m for m in _TACIT.finditer(text, start, pos + 200)  # (values run past pos)
             if m.end() <= pos <= m.end("vals")]
    if not tacit or re.search(r"\bnhư\b", text[start:tacit[-1].start()], re.I):
        return None
    return tacit[-1]


def listed_places(text: str, a: int, b: int, places: Any) -> list[Any]:
    """The places listed together in ``text[a:b]`` (the last such list), resolved in the
    place in context; empty unless every name resolves (see :func:`respective_place`)."""
    return _listed_places(text, a, b, places)


def _as_many(m: re.Match[str], units: list[Any]) -> bool:
    """Whether a tacit list's values are as many as its places (always for "lần lượt")."""
    return "vals" not in m.re.groupindex or len(
        re.findall(r"\d[\d.,]*", m["vals"])) == len(units)


#: The kind of a list's places printed before words that describe them: "(Hai) phường
#: công nghiệp Mỹ Xuân và Phú Mỹ" (set 19).
_KIND_BEFORE = re.compile(rf"{_KIND}(?:(?![{P.UPPER}])\w+\s+){{1,3}}$")


def _listed_places(text: str, a: int, b: int, places: Any) -> list[Any]:
    """The places listed together in ``text[a:b]`` (the last such list), resolved."""
    lists = list(_LISTED.finditer(text, a, b))
    for m in reversed(lists):
        head = re.match(rf"{_KIND}", text[m.start():m.end()]) or _KIND_BEFORE.search(
            text, max(a, m.start() - 40), m.start())  # "Hai phường công nghiệp A và B"
        kind = re.sub(r"\s+", " ", re.match(_KIND, head.group(0)).group(0).strip().lower()
                      ).rstrip(".") if head else ""
        names = [(kind, m["first"], m["former"])] + [
            (re.sub(r"\s+", " ", (i["kind"] or kind).strip().lower()).rstrip("."), i["name"],
             i["former"]) for i in _ITEM.finditer(m["rest"])]
        units = []
        for k, name, former in names:
            level = P.KIND_LEVEL.get(k)
            # with its kind first: "thị xã Kỳ Anh và huyện Kỳ Anh" are two units; a former
            # unit ("tỉnh Nam Định cũ") lies outside the 2025 province in context
            full = f"{_KIND_WORDS.get(k, '')} {name}".strip()
            unit = (places.resolve_name(full, level, anywhere=bool(former))
                    or places.resolve_name(name, level, anywhere=False) if level
                    else None) or places.resolve_local(name)
            if unit is None:
                break
            units.append(unit)
        if len(units) == len(names) >= 2:
            return units
    return []


def respective_place(text: str, fig: Figure, s0: int, kept: list[Figure],
                     places: Any) -> Any:
    """The place a figure after "lần lượt" takes: the n-th of those listed before it.

    "Trong các xã, Tà Năng và Đà Loan có tỷ lệ … thấp nhất, lần lượt là 81,4% và
    83,9%": 81,4% is Tà Năng's, 83,9% Đà Loan's. None when no list of places (two or
    more, resolved in the place in context) stands before "lần lượt", or when the
    schemes are what is listed ("BHXH, BHTN lần lượt đạt 45%, 35%").
    """
    m = _respectively(text, s0, fig.start)
    if m is None:
        return None
    start = max(s0, text.rfind(";", s0, m.start()) + 1)
    if len([x for x in scheme_mentions(text, start, m.start()) if x[2]]) >= 2:
        return None
    units = _listed_places(text, start, m.start("verb") if "verb" in m.re.groupindex
                           else m.start(), places)
    if not _as_many(m, units):
        return None
    # "lần lượt là 71.200, 93.400 và 88.100 người": bare numbers and a count are one list
    n = sum(1 for f in kept if f.start > m.end() and (
        f.unit == fig.unit or {f.unit, fig.unit} == {"count", "bare"}))
    return units[n] if n < len(units) else None


def respective_measure(text: str, fig: Figure, s0: int, prev: Figure | None) -> str | None:
    """What a figure after "lần lượt" counts, when its own clause names nothing.

    "… có số người tham gia BHXH tự nguyện cao nhất, lần lượt 1.025 người và 812
    người": participants; "… có tỷ lệ bao phủ BHYT thấp nhất, lần lượt đạt 78,2% và
    79,5%": coverage. Only right after "lần lượt (là/đạt/có)" or after the figure before
    it ("… và 812 người").
    """
    m = _respectively(text, s0, fig.start)
    if m is None:
        return None
    new = _NEW_GAP.match(text, m.end())  # "A và B …, lần lượt phát triển mới 412 và 268"
    gap = text[new.end() if new else m.end():fig.start]
    first = re.fullmatch(r"\s*(?:là|đạt|có|với|:)?\s*", gap)
    following = prev is not None and prev.start > m.end() and re.fullmatch(
        r"\s*(?:,|và)\s*", text[prev.end:fig.start].replace("người", "", 1)) is not None
    if not first and not following:
        return None
    if new and fig.unit in ("count", "bare"):
        return "new_participants"
    lead = text[max(s0, text.rfind(";", s0, m.start()) + 1):m.start()]
    if fig.unit == "pct" and _PCT_TAIL.match(text, fig.end):
        # "… N người tham gia BHTN và M người tham gia BHYT, lần lượt đạt 94,1% và 98,6%
        # kế hoạch năm" (set 24): the words after the list's last percent make each the
        # attainment of its scheme's plan
        return "attainment_pct"
    if fig.unit == "pct":
        return "coverage_pct" if P.COVERAGE_BEFORE.search(lead) else None
    if fig.unit == "count" and P.PARTICIPATE_BEFORE.search(lead) and not P.NEW.search(lead) \
            and not P.SERVICE.search(lead) and scheme_mentions(text, s0, m.start()):
        return "participants"
    if fig.unit not in ("count", "bare") or P.SERVICE.search(lead):
        return None  # ("với lần lượt 312 và 286 người tham gia": a bare first count)
    if P.NEW.search(lead) and not P.PLAN.search(lead):
        return "new_participants"  # "A và B dẫn đầu về phát triển mới, lần lượt N và M"
    # "A và B lần lượt có N người và M người tham gia BHXH tự nguyện": the words after
    # the list's last figure say what all its figures count
    tail = _LIST_TAIL.match(text, fig.end)
    if tail and P.PARTICIPATE_AFTER.match(text, tail.end()) and (scheme_mentions(
            text, tail.end(), min(len(text), tail.end() + 40))
            or re.match(r"\s*(?:người\s+)?tham\s+gia\s*[.;]", text[tail.end():])):
        return "participants"
    return None


#: The rest of a list of percents after one of them, then the plan they are shares of:
#: "…, 88% và 98,6% kế hoạch (năm)", "… so với chỉ tiêu".
_PCT_TAIL = re.compile(r"(?:\s*(?:,|và)\s*\d[\d.,]*\s*%)*\s+(?:so\s+với\s+)?"
                       r"(?:kế\s+hoạch|chỉ\s+tiêu)(?!\s+(?:là|đề\s+ra\s+là)\s+\d)", re.I)
#: "lần lượt (đã) phát triển (được) mới " right before the first count (set 30).
_NEW_GAP = re.compile(r"\s*(?:đã\s+)?phát\s+triển\s+(?:được\s+)?mới(?:\s+được)?", re.I)
#: The rest of a list of counts after one of them: "người và 1.120" (to the last figure).
_LIST_TAIL = re.compile(r"(?:\s*người)?(?:\s*(?:,|và)\s*\d[\d.,]*(?:\s*người)?)*")


def remark_plan(text: str, fig: Figure, s0: int) -> bool:
    """A percent in a remark that lists a plan's rates by scheme.

    "So với chỉ tiêu UBND tỉnh giao năm 2024 (BHYT 95,2%, BHXH 34%), …": the words
    before the remark name a plan, the remark's own clause is only a scheme (and
    maybe "đạt", "là", ":").
    """
    if fig.unit != "pct":
        return False
    opened = text.rfind("(", s0, fig.start)
    if opened < 0 or ")" in text[opened:fig.start]:
        return False
    inner = re.split(r"[,;]", text[opened + 1:fig.start])[-1]
    if not P.SCHEME.search(inner) or not re.fullmatch(
            r"\s*(?:đạt|là|:)?\s*", P.SCHEME.sub(" ", inner, count=1)):
        return False
    lead = re.split(r"[,;]", text[s0:opened])[-1]
    return bool(P.PLAN.search(lead)) and not P.OVER_BEFORE.search(lead)


#: "so với chỉ tiêu … (cho năm 2022) là", a sentence opened by "Chỉ tiêu Tỉnh giao năm
#: 2016 là", "phấn đấu năm 2026 đạt tỷ lệ": the plan's value follows.
_PLAN_IS = re.compile(
    r"(?:(?:so\s+với|theo)\s+|^\s*)(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)[^,;%\d]{0,60}?"
    r"(?:năm\s+\d{4}\s+)?(?:là|:)\s*$"
    # "Tỉnh phấn đấu năm 2026 đạt tỷ lệ 95%" after the coverage read (set 35)
    r"|phấn\s+đấu(?:\s+(?:đến\s+)?(?:hết\s+|cuối\s+)?năm\s+\d{4})?\s+đạt\s+t[ỷỉ]\s+lệ"
    r"(?:\s+là)?\s*$", re.I)


def plan_after_rate(text: str, fig: Figure, s0: int, last_rate: Figure | None) -> bool:
    """A percent after "so với chỉ tiêu … là", when a coverage rate was read just before
    (in this sentence or the one before): that rate's plan."""
    return (fig.unit == "pct" and last_rate is not None and s0 - last_rate.end < 200
            and bool(_PLAN_IS.search(text[s0:fig.start])))


def question_scheme(text: str, s0: int, s1: int) -> str | None:
    """The one scheme an interviewer's question names ("PV: Với BHXH tự nguyện thì
    sao?"): the answer's figures are of that scheme unless they name another. A question
    of several sentences names it in any of them, from its paragraph's start ("PV: Chỉ
    tiêu BHXH tự nguyện năm nay khá cao. Khả năng hoàn thành ra sao?", set 32)."""
    if not text[s0:s1].rstrip().endswith("?"):
        return None
    found = scheme_mentions(text, text.rfind("\n", 0, s0) + 1, s1)
    if len(found) == 1 and not found[0][2]:
        return found[0][1]
    return None


def heading_scheme(text: str, s0: int, s1: int) -> str | None:
    """The one scheme a lead of a list names ("Tỷ lệ bao phủ BHYT tại một số địa
    phương:"): the places' bare rates listed under it are of that scheme."""
    if not text[s0:s1].rstrip().endswith(":"):
        return None
    found = scheme_mentions(text, s0, s1)
    return found[0][1] if len(found) == 1 and not found[0][2] else None


#: A numbered heading ending in a bracket that names a measure: "2. Chỉ tiêu hằng năm
#: giai đoạn 2021–2025 (tỷ lệ lực lượng lao động tham gia BHXH)".
_NUMBERED_HEADING = re.compile(
    r"\s*(?:\d{1,2}|[IVX]{1,4}|[a-đ])[.)]\s+(?P<title>[^\n()]{3,120}?)\s*\((?P<inner>"
    r"[^()\n]*(?:t[ỷỉ]\s+lệ|số\s+người|tham\s+gia)[^()\n]*)\)[ \t]*", re.I)


def measured_heading(text: str, s0: int, s1: int) -> str | None:
    """The one scheme a numbered heading's bracket names as what its list measures.

    "2. Chỉ tiêu hằng năm giai đoạn 2021–2025 (tỷ lệ lực lượng lao động tham gia BHXH)"
    over "Năm 2021 đạt 10%; năm 2022 đạt 11,5%; …" (set 19): the rates listed under it
    are BHXH's, not of the last rate read. ``None`` for another line.
    """
    bracket = _NUMBERED_HEADING.fullmatch(text, s0, s1)
    if not bracket or re.search(r"\d", re.sub(r"(?:19|20)\d{2}", "", bracket["title"])):
        return None
    found = scheme_mentions(text, bracket.start("inner"), bracket.end("inner"))
    return found[0][1] if len(found) == 1 and not found[0][2] else None


def section_scheme(text: str, s0: int, s1: int) -> str | None:
    """The one scheme a section heading names: a line of a few words with no figure and
    no full stop ("Bảo hiểm thất nghiệp" over "- Số người tham gia: 251.300 người.").

    The bullets under it are of that scheme, not of the scheme the bullets before it
    carried (a page of bullet lists in sections).
    """
    if _NUMBERED_HEADING.fullmatch(text, s0, s1):
        return measured_heading(text, s0, s1)
    line = text[s0:s1].strip()
    if not line or "\n" in line or re.search(r"\d", line) or (
            re.search(r"[.:;,!?]", line) or len(line.split()) > (10 if line.isupper() else 6)
    ) and not P.SCHEME_LEAD.match(line):  # (a heading in capitals may run to ten words)
        return None
    found = scheme_mentions(text, s0, s1)
    return found[0][1] if len(found) == 1 and not found[0][2] else None


def lead_scheme(text: str, s0: int, s1: int) -> tuple[str, int] | None:
    """The one scheme a sentence that read no figure names, for the rest of its paragraph.

    "Đáng chú ý, BHXH tự nguyện tiếp tục là điểm sáng. Trong 11 tháng, huyện phát triển
    mới 286 người, nâng tổng số người tham gia lên 1.042 người": the paragraph's lead
    names the scheme its counts are of; a caption "… hướng dẫn người dân đăng ký tham gia
    BHXH tự nguyện. Xã A có 186 người tham gia." alike. Those counts print no scheme of
    their own and are not the scheme of the figures read before the lead (the paragraph
    before was BHYT's). Several schemes named (or a joint "BHXH, BHYT"): no lead.

    Returns
    -------
    tuple or None
        ``(scheme, end)``: the scheme and the end of the sentence's paragraph.
    """
    found = scheme_mentions(text, s0, s1)
    if not found or any(j for _o, _s, j in found) or len({s for _o, s, _j in found}) != 1:
        return None
    end = text.find("\n", s1)
    return found[0][1], end if end >= 0 else len(text)


_DEPTH = {"nation": 0, "province": 1, "district": 2, "commune": 3}


def local_rate_scheme(last_rate: Any, heading: str | None, bhyt_rate: bool,
                      named: list[Any] | None = None) -> str:
    """The scheme of a smaller place's bare rate read like the last rate of a larger one.

    A lead of the list naming a scheme gives it; else, after a rate of the labour force
    (BHXH, BHTN) when a BHYT coverage of a place was read too, BHYT's: reports give the
    population's coverage place by place ("… còn chênh lệch: xã A mới đạt 88,9%, …" after
    the province's BHYT and then BHXH rates); else the last rate's scheme. With ``named``
    (the places its sentence names before a bare coverage, "Tỷ lệ bao phủ tại huyện A chỉ
    đạt x%"), BHYT's only when one of them is smaller than the last rate's place (set 25:
    "Một số xã có tỷ lệ bao phủ cao như xã A … đạt 99,1%" after BHYT's and BHXH's rates).
    """
    if heading is not None:
        return heading
    if named is not None and not any(_DEPTH.get(getattr(u, "level", None), 0) > _DEPTH.get(
            getattr(last_rate.place, "level", None), 9) for u in named):
        return last_rate.scheme
    if bhyt_rate and last_rate.scheme not in ("bhyt", "bhyt_household"):
        return "bhyt"
    return last_rate.scheme


def authority(text: str, mention: Any, unit: Any, last: Any) -> bool:
    """A province named as the body that set a smaller place's target ("UBND tỉnh X")."""
    return (unit is not None and unit.level == "province" and last is not None
            and last.level in ("district", "commune") and unit.code == getattr(
                last, "province_code", None)
            and bool(P.AUTHORITY_BEFORE.search(text, max(0, mention.start - 30), mention.start)))


#: "giao chỉ tiêu phát triển người tham gia … năm 2021 cho …": the year of a plan's
#: assignment named in a headline (not a period "giai đoạn 2021-2025").
_HEADLINE_PLAN_YEAR = re.compile(
    r"(?:chỉ\s+tiêu|kế\s+hoạch)[^\n]{0,80}?\bnăm\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*\d)", re.I)


def headline_plan_year(text: str, end: int) -> int | None:
    """The year of the targets a headline assigns ("UBND tỉnh A giao chỉ tiêu … năm 2021").

    A target printed without a year on such a page ("Với mục tiêu có 10% lực lượng lao
    động tham gia BHXH") is of that year, not of a later date the page prints (a portal's
    render date). ``end`` is where the headline ends (0: no headline, no year).
    """
    m = _HEADLINE_PLAN_YEAR.search(text, 0, end) if end else None
    return int(m["y"]) if m else None


#: "Để hoàn thành mục tiêu đến năm 2025, …": a sentence opened by a target's horizon.
_HORIZON_OPENING = re.compile(
    r"\s*(?:\(?[\w.]{2,20}\)?\s+[-–]\s+)?"  # an outlet's lead "Kinhtedothi - ", "(TTO) - "
    r"Để\s+(?:hoàn\s+thành|đạt(?:\s+được)?)\s+(?:các\s+)?(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch)"
    r"[^,;.]{0,40}?\b(?:đến|tới)\s+(?:cuối\s+|hết\s+)?năm\s+(?P<y>(?:19|20)\d{2})[^,;.]*,", re.I)


def horizon_opening(text: str, s0: int, pos: int, published: Any) -> bool:
    """Whether the figure at ``pos`` follows "Để hoàn thành mục tiêu đến năm Y, …".

    "Để hoàn thành mục tiêu đến năm 2025, số người tham gia BHXH, BHTN lần lượt đạt
    khoảng 45%, 35% …": what the sentence goes on to say is the target of Y, unless Y is
    already past at publication or the sentence prints a status date ("tính đến …").
    """
    m = _HORIZON_OPENING.match(text, s0, pos)
    if m is None or P.AS_OF.search(text, m.end(), pos):
        return False
    return published is None or int(m["y"]) >= published.year


#: "(dân số N người … theo kết quả điều tra dân số ngày 01/4/2019)": a census day.
_CENSUS_AFTER = re.compile(
    r"[^().;]{0,80}?điều\s+tra\s+dân\s+số(?:\s+và\s+nhà\s+ở)?\s+(?:ngày\s+)?"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})", re.I)


def census_date(text: str, end: int, s1: int) -> Any:
    """The census day a population is said to come from, printed right after it.

    "87% (dân số 852.300 người do Cục Thống kê cung cấp sau điều tra dân số ngày
    01/4/2019)": the population is of that day, not of the year end its rate is dated.
    ``None`` when no census day follows within the figure's remark or clause.
    """
    m = _CENSUS_AFTER.match(text, end, s1)
    if m is None:
        return None
    try:
        return _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def respective_scheme(text: str, fig: Figure, s0: int, kept: list[Figure]) -> str | None:
    """"BHXH, BHTN lần lượt đạt 45%, 35%": the n-th figure takes the n-th scheme; a
    numbered heading opening the sentence gives its bracket's scheme (:func:`measured_heading`).

    Only a "lần lượt" of the figure's statement (after its last semicolon): "…, BHXH tự
    nguyện và BHTN lần lượt là x, y và z người; tổng số người tham gia BHXH chiếm 16,6%"
    is the rate its own clause names, not the list's first scheme.
    """
    head = _NUMBERED_HEADING.match(text, s0, fig.start)
    if head is not None and measured_heading(text, s0, head.end()):
        # a printed plan's heading joined to its list ("2. Chỉ tiêu hằng năm … (tỷ lệ …
        # tham gia BHXH) Năm 2021 đạt 10%; …", set 19): the bracket's scheme
        return measured_heading(text, s0, head.end())
    found = list(P.RESPECTIVELY.finditer(text, max(s0, text.rfind(";", s0, fig.start) + 1),
                                         fig.start))
    if not found:
        return None
    m = found[-1]
    clause = max(s0, text.rfind(";", s0, m.start()) + 1)
    listed = [x for x in scheme_mentions(text, max(clause, m.start() - 120), m.start()) if x[2]]
    run = _VALUES.match(text, m.end())
    values = len(re.findall(r"\d[\d.,]*\d|\d", run["v"])) if run else 0
    named = scheme_mentions(text, clause, m.start())
    if not listed and values >= 2 and len(named) == values:
        # each scheme after its own count ("N người tham gia BHXH bắt buộc, …, M người
        # tham gia BHYT, lần lượt đạt …", set 24): as many schemes as values, in turn
        listed = named
    n = sum(1 for f in kept if f.start > m.end() and f.unit == fig.unit)
    return listed[n][1] if n < len(listed) else None


#: The values right after "lần lượt (là/đạt)", joined by commas and "và".
_VALUES = re.compile(r"\s*(?:là|đạt|có)?\s*(?P<v>\d[\d.,]*\s*%?(?:\s*(?:,\s*|\s+và\s+)"
                     r"\d[\d.,]*\s*%?)+)", re.I)


_DEPTH = {"nation": 0, "province": 1, "district": 2, "commune": 3}


def rates_in_turn(text: str, fig: Figure, s0: int, prev: Figure | None, places: Any,
                  last_rate: Figure | None) -> bool:
    """Whether a bare percent after "lần lượt" is the coverage of smaller places taken
    in turn, after a larger place's coverage rate.

    "Tỷ lệ bao phủ BHYT của tỉnh đạt 97,9%. Ở cấp huyện, hai huyện A và B đạt lần
    lượt 99,2% và 98,7%"; "Các xã ven sông như C, D có tỷ lệ thấp, lần lượt là 73,5% và
    76%": the statement names no measure nor scheme, the places listed before "lần
    lượt" (two or more, each resolved) lie below the place of the last rate read: their
    rates are that coverage, the n-th for the n-th place (the caller gives the last
    rate's scheme; :func:`respective_place` the place).
    """
    if fig.unit != "pct" or last_rate is None or getattr(last_rate.place, "level",
                                                         None) not in _DEPTH:
        return False
    m = _respectively(text, s0, fig.start)
    if m is None:
        return False
    first = re.fullmatch(r"\s*(?:là|đạt|có|với|:)?\s*", text[m.end():fig.start])
    following = prev is not None and prev.start > m.end() and re.fullmatch(
        r"\s*(?:,|và)\s*", text[prev.end:fig.start]) is not None
    start = max(s0, text.rfind(";", s0, m.start()) + 1)
    if not (first or following) or scheme_mentions(text, start, fig.start):
        return False
    units = _listed_places(text, start, m.start("verb") if "verb" in m.re.groupindex
                           else m.start(), places)
    if not _as_many(m, units):
        return False
    depth, home = _DEPTH[last_rate.place.level], last_rate.place
    # former provinces the 2025 province took in are its parts too ("tỉnh Nam Định cũ và
    # tỉnh Hà Nam cũ, tỷ lệ này lần lượt là …" after Ninh Bình's rate; set 21)
    return len(units) >= 2 and all(_DEPTH.get(u.level, 0) > depth or (
        u.level == home.level == "province" and u.code != home.code
        and u.province_2025_code == home.province_2025_code) for u in units)
