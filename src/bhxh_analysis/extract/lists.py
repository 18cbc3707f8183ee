"""Lists: targets under a heading over numbered or bulleted items; places' rates.

A plan or a resolution prints its targets as a list under a heading::

    Những chỉ tiêu chủ yếu năm 2024
    1. Tỷ lệ dân số tham gia BHYT đạt 94,5%.

    Mục tiêu cụ thể từng năm:
    - Năm 2026: tỷ lệ bao phủ BHYT đạt 94,5% dân số; …
    - Năm 2027: BHYT 95,2%; BHXH 43%.

Every item is a target: of the heading's year, or (under a heading that prints no year)
of the year that opens the item. An item that only names a scheme before its percent
("BHXH 43%") repeats the rates read above it in the same list: a coverage target. The
driver in :mod:`bhxh_analysis.extract.core` keeps the list's state between sentences.
A list of communes' bare rates after a district's coverage ("Xã Phúc Đồng đạt 96,3%")
is read as that coverage (:func:`smaller_place_rate`); a figure after several places
of one level listed together belongs to none of them (:func:`several_places`).
"""

from __future__ import annotations

import re
from typing import Any

from . import patterns as P
from .figures import Figure, clause_of, scheme_mentions, trailing_name

__all__ = ["YEARLY", "apposed_child", "breakdown", "deepest_before", "example_places", "listed_targets",
           "plan_rate_item", "scheme_rate_item", "several_places", "smaller_place_rate"]

#: ``list_plan_year`` under a heading that prints no year: each item's own year.
YEARLY = 0

#: A heading of targets without a year ("Mục tiêu cụ thể từng năm:", "1. Chỉ tiêu
#: phấn đấu theo từng năm:", "II. MỤC TIÊU"): no figure on the line.
_YEARLESS_HEADING = re.compile(
    r"^[ \t]*(?:[IVX]{1,4}\.|\d{1,2}[.)]|[-–•+*])?[ \t]*[^\n\d%:]{0,30}?"
    r"(?:chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ)[^\n\d%:]{0,40}:?[ \t]*$", re.I)
#: A paragraph of aims right under a heading of a year's targets ("Nhiệm vụ năm 2024⏎
#: Phấn đấu 94,5% dân số tham gia BHYT; …"): the heading's year, as a list's items.
_AIM_LINE = re.compile(r"[ \t]*(?:Phấn\s+đấu|Đặt\s+mục\s+tiêu|Tiếp\s+tục\s+phấn\s+đấu)"
                       r"(?!\w)", re.I)
#: "phấn đấu thực hiện (hoàn thành, đạt) …": aims to strive for, not a report on them.
_STRIVE_TO = re.compile(r"phấn\s+đấu\s+(?:thực\s+hiện|hoàn\s+thành|đạt(?:\s+được)?)", re.I)
#: A lead opened by its year that goes on to the aims it strives for and ends on a colon
#: ("2. Năm 2026, giao BHXH tỉnh … phấn đấu đạt các chỉ tiêu:", set 24): a heading of
#: that year's targets though the year comes before "chỉ tiêu".
_YEAR_FIRST_HEADING = re.compile(
    r"[ \t]*(?:[IVX]{1,4}\.|\d{1,2}[.)]|[a-zđ]\))?[ \t]*(?:Trong\s+)?[Nn]ăm\s+"
    r"(?P<y>(?:19|20)\d{2})\s*,[^\n\d%]{0,160}?(?:phấn\s+đấu|đề\s+ra|đặt\s+ra)"
    r"[^\n\d%]{0,40}?(?:chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ)[^\n\d%]{0,30}?:[ \t]*$"
    # "NĂM 2026 PHẤN ĐẤU", "Năm 2026, mục tiêu:": an infographic's heading of the year's
    # aims, set on a line of its own (set 25)
    r"|[ \t]*(?:Trong\s+)?[Nn]ăm\s+(?P<y2>(?:19|20)\d{2})\s*[,:\-–]?\s*(?:phấn\s+đấu|"
    r"mục\s+tiêu|chỉ\s+tiêu|nhiệm\s+vụ)[^\n\d%.,;]{0,30}?:?[ \t]*$", re.I)
#: An item opened by its year: "- Năm 2026: …", "b) Đến năm 2030, …".
_ITEM_YEAR = re.compile(
    r"[ \t]*(?:\d{1,2}[.)]|[a-zđ]\)|[-–•+*])\s+(?:(?:Đến\s+)?[Nn]ăm\s+)?"
    r"(?P<y>(?:19|20)\d{2})\s*[:,]", re.I)

#: A numbered part under a heading of targets that names only its year ("II. MỤC TIÊU⏎
#: 1. Năm 2018⏎- …⏎2. Đến năm 2020⏎- …", set 32): the items below it are that year's.
_YEAR_PART = re.compile(
    r"[ \t]*(?:\d{1,2}[.)]|[a-zđ]\))[ \t]*(?:(?:Đến|Trong)\s+)?(?:(?:hết|cuối)\s+)?"
    r"[Nn]ăm\s+(?P<y>(?:19|20)\d{2})[ \t]*:?[ \t]*$", re.I)


def listed_targets(text: str, s0: int, s1: int, strong: bool, ctx: Any) -> int | None:
    """The year of the targets a sentence lists under a heading, if it does.

    "Các chỉ tiêu chủ yếu năm 2021" on a line of its own, then "1. …", "2. …" or "- …":
    every item of the list is a target of that year (an HĐND resolution, a plan), until a
    line that is no item. Under a heading without a year ("Mục tiêu cụ thể từng năm:"),
    an item opened by its year ("- Năm 2026: …") holds that year's targets; under a
    heading with a year, an item opened by an earlier year ("- Năm 2015, tỷ lệ … đạt
    69,2%") is that year's result, no target (eleventh round). A heading
    that reports on targets ("Kết quả thực hiện các chỉ tiêu năm 2023") and an item with
    a date of its own are not read so. ``ctx`` keeps ``list_plan_year`` and
    ``list_rates`` (a coverage target was read in the list) between sentences.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> t = "Mục tiêu cụ thể từng năm:\\n- Năm 2026: BHYT 95%."
    >>> ctx = SimpleNamespace(list_plan_year=None, list_rates=False)
    >>> listed_targets(t, 0, 25, False, ctx), listed_targets(t, 26, len(t), False, ctx)
    (None, 2026)
    """
    year = None
    if ctx.list_plan_year not in (None, YEARLY) and not strong and _AIM_LINE.match(text, s0) \
            and P.TARGET_HEADING.search(text[:s0].rstrip().rsplit("\n", 1)[-1]):
        return ctx.list_plan_year  # "3. Nhiệm vụ năm 2024⏎Phấn đấu 94,5% …": that year's
    if ctx.list_plan_year is not None and (P.LIST_ITEM.match(text, s0)
                                           or _block_line(text, s0, s1)):
        labelled = _ITEM_YEAR.match(text, s0)
        if labelled is not None:
            year = int(labelled["y"])  # "- Năm 2026: …": its own year
            if ctx.list_plan_year != YEARLY and year < ctx.list_plan_year:
                year = None  # "- Năm 2015, tỷ lệ … đạt 69,2%" under 2016's: a result
        elif ctx.list_plan_year != YEARLY and not strong:
            year = ctx.list_plan_year
    else:
        ctx.list_plan_year, ctx.list_rates = None, False
    lines = text[s0:s1].split("\n")
    at = s0
    for i, line in enumerate(lines):
        at += len(line) + 1
        if P.REPORT_WORDS.search(_STRIVE_TO.sub(" ", line)):
            continue  # not "phấn đấu thực hiện các chỉ tiêu năm 2026:" (set 17)
        m = P.TARGET_HEADING.search(line) or _YEAR_FIRST_HEADING.match(line)
        if m is not None:
            ctx.list_plan_year, ctx.list_rates = int(m["y"] or m.groupdict().get("y2")), False
        elif ctx.list_plan_year is not None and _YEAR_PART.match(line):
            ctx.list_plan_year = int(_YEAR_PART.match(line)["y"])  # "1. Năm 2018" (set 32)
        elif _YEARLESS_HEADING.match(line):
            # "1. Chỉ tiêu chủ yếu" under "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026": the
            # section's year (set 26); a heading in no such section prints none
            ctx.list_plan_year, ctx.list_rates = section_year(text, at - len(line) - 1), False
        else:
            continue
        if ctx.list_plan_year != YEARLY and i + 1 < len(lines) and (
                P.LIST_ITEM.match(lines[i + 1]) or _AIM_LINE.match(lines[i + 1])):
            year = ctx.list_plan_year  # the first item goes on in this sentence
    return year


#: A numbered section's heading line: "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026", "B. PHƯƠNG
#: HƯỚNG, NHIỆM VỤ NĂM 2026".
_SECTION = re.compile(r"^[ \t]*(?:[IVX]{1,4}|[A-Đ])\.[ \t]+\S[^\n]*$", re.M)


def section_year(text: str, at: int) -> int:
    """The year of the targets' section a heading without a year sits in, if any.

    A plan or a report numbers its sections "I. KẾT QUẢ …", "II. MỤC TIÊU, CHỈ TIÊU NĂM
    2026" and heads their parts "1. Mục tiêu chung", "2. Chỉ tiêu cụ thể": the part's
    targets are of the section's year. The nearest section heading before ``at`` gives
    it when it names a year's targets and no report on them; else :data:`YEARLY` (each
    item's own year, as before).

    Examples
    --------
    >>> t = "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026\\n1. Mục tiêu chung\\n2. Chỉ tiêu cụ thể"
    >>> section_year(t, t.index("2. Chỉ")), section_year(t[31:], 0)
    (2026, 0)
    """
    heads = list(_SECTION.finditer(text, 0, at))
    if not heads:
        return YEARLY
    line = heads[-1].group()
    m = P.TARGET_HEADING.search(line)
    if m is None or P.REPORT_WORDS.search(line):
        return YEARLY
    return int(m["y"])


def _block_line(text: str, s0: int, s1: int) -> bool:
    """Whether a sentence is a short bare line of a block (an infographic's, set 17).

    "MỤC TIÊU NĂM 2024⏎Tỷ lệ bao phủ BHYT: 93,6% dân số⏎…": a line of its own, no stop at
    its end, right under the line before (no blank line between: a blank line ends the
    block), at most 80 characters — an item of the list though it has no bullet.
    """
    line = text[s0:s1].strip()
    return (s0 >= 1 and text[s0 - 1] == "\n" and text[s0 - 2:s0] != "\n\n"
            and text[s1:s1 + 1] in ("", "\n") and 0 < len(line) <= 80
            and "\n" not in line and not line.endswith("."))


def scheme_rate_item(text: str, fig: Figure, s0: int, prev: Figure | None) -> bool:
    """Whether a percent in a list of coverage targets is named only by its scheme.

    "- Năm 2027: BHXH 43%; BHTN 35,5%", "BHXH 50%, trong đó BHXH tự nguyện 7%": the
    clause before the percent is a scheme (and maybe "đạt", "là", ":") and nothing else.
    """
    w0 = prev.end if prev is not None else s0
    clause = clause_of(text[w0:fig.start])
    rest = P.SCHEME.sub(" ", clause, count=1)
    return bool(P.SCHEME.search(clause)) and bool(re.fullmatch(
        r"[\s:]*(?:(?:\d{1,2}[.)]|[a-zđ]\)|[-–•+*])\s+)?"
        r"(?:(?:Đến\s+)?[Nn]ăm\s+(?:19|20)\d{2}\s*[:,])?\s*(?:đạt|là|:)?\s*", rest))


def plan_rate_item(text: str, fig: Figure, s0: int, prev: Figure | None) -> bool:
    """Whether a percent named only by its scheme goes on a list of planned rates.

    "Năm 2024, ngành phấn đấu: tỷ lệ tham gia BHXH đạt 41% lực lượng lao động …; BHTN
    đạt 33%; …": after a plan's rate and a semicolon, an item that is a scheme and its
    percent (:func:`scheme_rate_item`) is a plan of that scheme too; after a comma as
    well ("phấn đấu đạt tỷ lệ bao phủ BHXH 45% lực lượng lao động, BHTN 36% và BHYT
    95,2% dân số", set 22).
    """
    return prev is not None and prev.skip is None and prev.measure == "plan_coverage_pct" \
        and re.search(r"[;,]", text[prev.end:fig.start]) is not None \
        and scheme_rate_item(text, fig, s0, prev)


_DEPTH = {"nation": 0, "province": 1, "district": 2, "commune": 3}


def smaller_place_rate(text: str, fig: Figure, s0: int, prev: Figure | None,
                       placed: list[tuple[int, Any]], last_rate: Figure | None,
                       ends: dict[int, int] | None = None, places: Any = None) -> bool:
    """Whether a bare percent is a smaller place's rate like the last one read.

    "… huyện có tỷ lệ bao phủ BHYT đạt 92,5% dân số. …⏎⏎Ở cấp xã, … Xã Phúc Đồng đạt
    96,3%": a commune (or district) named with its kind right before "đạt N%", in a
    sentence that names no scheme, after a coverage rate of a larger place, is that
    coverage for the commune (the caller gives it ``last_rate``'s scheme). After the
    nation's rate, provinces ranked by name read the same way: "Lâm Đồng dẫn đầu với
    91,2%, tiếp đến Kon Tum 90,8%; … Đắk Nông thấp nhất, 83,95%" (``ends``: where each
    name in ``placed`` ends). The whole of the place that holds the last rate's, named
    with "toàn", reads the same way ("… xã A đạt 90,6% dân số. Toàn huyện B cùng thời
    điểm đạt tỷ lệ 91,2%", set 28).
    """
    if last_rate is None or getattr(last_rate.place, "level", None) not in _DEPTH:
        return False
    w0 = prev.end if prev is not None else s0
    if P.SCHEME.search(text, w0, fig.start):  # since the figure before (not a list's)
        return False
    deeper = _DEPTH[last_rate.place.level]
    if _THIS_RATE_IS.search(text, w0, fig.start) and any(
            w0 <= off < fig.start and (_DEPTH.get(u.level, 0) > deeper or (
                _DEPTH.get(u.level, 0) == deeper and _former_at(text, off, ends)))
            for off, u in placed):
        # "Ở xã A, xã vùng sâu của huyện, tỷ lệ này chỉ đạt 82,3%"; "Trên địa bàn tỉnh
        # X cũ, tỷ lệ này đạt 95,4%" after the province's rate (a part of it; set 36)
        return True
    for off, unit in reversed(placed):
        if not w0 <= off < fig.start:
            continue
        m = P.PLACE_PREFIXED.match(text, off)
        end = m.end() if m is not None else (ends or {}).get(off)
        if end is not None and _FORMER_CLOSE.match(text, end):
            continue  # "phường A (thành phố B cũ) đạt …": B is where A was (set 18)
        # a district after a district's rate (a commune after a commune's): a sibling
        # in the same list ("huyện A đạt 80,3%. Trong khi đó, thành phố B đạt 91,2%")
        depth = _DEPTH.get(unit.level, 0)
        # a province named with its kind after a province's ("Trong khi đó, tỉnh B đạt
        # 94,6%"): a sibling too (not a bare name, which may be a city or an agency,
        # unless it opens the sentence: "Lạng Sơn đạt 96,2%" in a round-up; set 18, or
        # is marked former: "Địa bàn Bắc Kạn cũ: 98,2%", set 35)
        sibling = depth == deeper >= 2 or (depth == deeper == 1 and (
            m is not None or not text[s0:off].strip() or _former_at(text, off, ends)))
        # "Toàn huyện A cùng thời điểm đạt 91,2%" after a rate of one of its communes:
        # the whole of the place holding it (set 28)
        whole = depth < deeper and _WHOLE_BEFORE.search(text, s0, off) is not None and \
            unit.code in (getattr(last_rate.place, "parent_code", None),
                          getattr(last_rate.place, "province_code", None))
        return bool(end is not None and (depth > deeper or sibling or whole)
                    and _RANKED.fullmatch(_MORE_NAMES.sub("", _FORMER_MARK.sub("", _FORMER_BRACKET.sub(
                        "", _SAME_TIME.sub("", text[end:fig.start], 1), 1), 1), 1)))
    if places is None or not P.LOCAL_UNITS.search(text, s0, fig.start):
        return False
    # "Một số xã có tỷ lệ thấp như A đạt 89,2%, B đạt 90,4%": communes named bare, each
    # resolved inside the place in play
    head, name = trailing_name(clause_of(text[w0:fig.start]))
    tail = clause_of(text[w0:fig.start])[len(head):].strip()
    unit = places.resolve_local(name) if name else None
    return bool(unit is not None and _DEPTH.get(unit.level, 0) > deeper
                and _RANKED.fullmatch(tail[len(name):]))


def _former_at(text: str, off: int, ends: dict[int, int] | None) -> bool:
    """Whether the place named at ``off`` is marked former ("tỉnh X cũ")."""
    m = P.PLACE_PREFIXED.match(text, off)
    end = m.end() if m is not None else (ends or {}).get(off)
    return end is not None and _FORMER_MARK.match(text[end:]) is not None


#: "toàn" right before a place's kind: the whole of it ("Toàn huyện A …")
_WHOLE_BEFORE = re.compile(r"\btoàn\s*$", re.I)
#: "cùng thời điểm" (at the same date) between a place and its rate
_SAME_TIME = re.compile(r"^\s*cùng\s+(?:thời\s+điểm|thời\s+gian)(?:\s+(?:này|đó|trên))?(?=\s)",
                        re.I)
#: A former unit in brackets after a 2025 unit: "(thành phố Biên Hòa cũ)", and its close.
_FORMER_BRACKET = re.compile(r"^\s*\([^()%\d]{2,60}?\s(?:cũ|trước\s+đây)\s*\)", re.I)
_FORMER_CLOSE = re.compile(r"\s*(?:cũ|trước\s+đây)\s*\)", re.I)
#: "tỉnh Bình Phước cũ đạt 92,1%" (set 25): a former unit's mark before its rate
_FORMER_MARK = re.compile(r"^\s+(?:cũ|trước\s+đây)(?!\w)", re.I)

#: "tỷ lệ này (chỉ) đạt" right before a rate: the rate read before, for a smaller place.
_THIS_RATE_IS = re.compile(
    r"\bt[ỷỉ]\s+lệ\s+(?:này|đó)\s+(?:(?:chỉ|mới|cũng|đã)\s+)?(?:đạt|là)\s*$", re.I)

#: What stands between a place and its rate in a list: "đạt", ":", nothing, "dẫn đầu
#: khu vực với", "thấp nhất,".
#: "Các xã A và B đều đạt 100%": the later names of a list after the first, bare (the
#: kind printed once before the first; set 26), before the rate they share.
_MORE_NAMES = re.compile(rf"^(?:\s*(?:,|và)\s*[{P.UPPER}]\w*(?:\s+[{P.UPPER}]\w*){{0,3}})+(?=\s)")
_RANKED = re.compile(
    # ("Thị trấn A, nơi tập trung nhiều lao động tự do, mới đạt 96,1%": an apposition)
    r"(?:\s*,\s*nơi\s[^,;.\d]{1,80},)?"
    # ("Xã A còn thấp, chỉ đạt 90,5%": a judgement before the rate; set 16; "… vẫn giữ
    # tỷ lệ cao, đạt 98,4%", set 31)
    r"(?:\s*(?:còn|vẫn)\s+(?:giữ\s+(?:được\s+)?)?(?:t[ỷỉ]\s+lệ\s+)?(?:thấp|cao)(?:\s+nhất)?\s*,)?"
    # ("Phường A có tỷ lệ thấp nhất với 85,1%", "… dẫn đầu với tỷ lệ 97,6%": set 18)
    r"\s*(?:(?:(?:chỉ|mới|cũng|đã|đều)\s+){0,2}(?:đạt|là|:|chiếm|có(?=\s+t[ỷỉ]\s+lệ))(?:\s+t[ỷỉ]\s+lệ)?"
    # ("tỉnh X cũ đạt tỷ lệ cao hơn, 94,1%": set 33)
    r"(?:\s+(?:cao|thấp)\s+(?:nhất|hơn\s*,)(?:\s+(?:là|với))?)?|(?:(?:tiếp\s+tục|vẫn)\s+)?"
    r"(?:dẫn\s+đầu|đứng\s+đầu)[^,;.\d]{0,25}?"
    r"\s+với(?:\s+t[ỷỉ]\s+lệ)?|(?:cao|thấp)\s+nhất\s*(?:,|với|là|:)?|với|"
    # "huyện D, chỉ 88,7%"; "xã E (99,2%)": a rate in brackets after its place (set 23)
    r",\s*(?:chỉ|mới|cũng)(?:\s+(?:đạt|là|có))?|\()?\s*")


def deepest_before(fig: Figure, w0: int, placed: list[tuple[int, Any]]) -> Any:
    """The smallest unit named between ``w0`` and a smaller place's rate, if it is smaller
    than the figure's place: "Ở xã A, xã vùng sâu của huyện, tỷ lệ này chỉ đạt 82,3%" is
    the commune's rate ("của huyện" describes the commune)."""
    near = [u for off, u in placed if w0 <= off < fig.start and not isinstance(u, str)]
    best = max(near, key=lambda u: _DEPTH.get(u.level, 0), default=None)
    if best is not None and _DEPTH.get(best.level, 0) > _DEPTH.get(
            getattr(fig.place, "level", None), 0):
        return best
    return fig.place


#: "Xã A là xã vùng cao của huyện B": a commune described as one of its district's.
_DESCRIBED_IN = re.compile(r"\s+là\s+(?:một\s+)?(?:xã|phường|thị\s+trấn)(?!\w)[^.;,%]{0,80}?"
                           r"\b(?:của|thuộc)\s+", re.I)


def apposed_child(text: str, before: list[tuple[int, Any]]) -> Any:
    """The place of a figure after "xã A, tỉnh B có …": a unit then, after a comma, the
    unit that contains it names one place, the smaller (the larger only locates it);
    otherwise the last place named."""
    off, last = before[-1]
    if len(before) < 2 or isinstance(last, str):
        return last
    a, child = before[-2]
    m = P.PLACE_PREFIXED.match(text, a)
    if isinstance(child, str) or m is None or not (re.fullmatch(r"\s*,\s*", text[m.end():off])
                                                   or _DESCRIBED_IN.fullmatch(text, m.end(), off)):
        return last
    inside = child.parent_code == last.code or (
        last.level == "province" and child.province_code == last.code)
    return child if inside and _DEPTH.get(child.level, 0) > _DEPTH.get(last.level, 0) else last


def several_places(text: str, fig: Figure, prev: Figure | None,
                   placed: list[tuple[int, Any]], ends: dict[int, int]) -> bool:
    """Whether the figure's place is one of several of a level listed together right
    before it ("một số tỉnh như Bạc Liêu, Sóc Trăng vẫn có tỷ lệ … dưới 85%"): a figure
    of them all, no one place's (a child then its parent, "xã A, tỉnh B", is one place)."""
    w0 = prev.end if prev is not None else 0
    near = [(off, u) for off, u in placed if w0 <= off < fig.start]
    if len(near) < 2 or near[-1][1] is not fig.place:
        return False
    (a, first), (b, second) = near[-2], near[-1]
    return (getattr(first, "level", None) == getattr(second, "level", 1)
            and first is not second and a in ends
            and bool(re.fullmatch(r"\s*(?:,|và|hoặc)\s*", text[ends[a]:b])))


#: "một số xã vùng cao như", "nhiều địa phương như", "các huyện như": places given as
#: examples of a group.
_EXAMPLES_LEAD = re.compile(
    r"\b(?:một\s+số|nhiều|các|những)\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|"
    r"tỉnh|thành\s+phố|địa\s+phương|đơn\s+vị\s+hành\s+chính)\b[^.;:]{0,30}?\bnhư\s", re.I)


_UNIT_WORD = re.compile(r"^(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|tỉnh|thành\s+phố)\s+")


def example_places(text: str, fig: Figure, s0: int) -> bool:
    """Whether the figure is said of places given as examples of a group.

    "ở một số xã vùng cao như A, B, tỷ lệ … vẫn dưới 5%": a figure of the group (a bound
    at that), no one place's, whether the names resolve or not. Only in the figure's
    own statement (after the last ";"), after two names or more and no figure of
    their own ("một số xã như A đạt 88,4%, B đạt 89,6%" are each place's).
    """
    statement = text[max(s0, text.rfind(";", s0, fig.start) + 1):fig.start]
    lead = _EXAMPLES_LEAD.search(statement)
    if lead is None or re.search(r"\d", statement[lead.end():]):
        return False  # "như A đạt 88,4%, B đạt 89,6%": each place's own figure
    # two names or more, then the statement the figure belongs to
    items = re.split(r"\s*(?:,|\bvà\b|\bhoặc\b)\s*", statement[lead.end():].strip())
    names = 0
    for item in items:
        item = _UNIT_WORD.sub("", item)  # "xã A, xã B": the names after their unit word
        if not item or not all(w[:1].isupper() for w in item.split()):
            break
        names += 1
    return names >= 2


def shared_places(text: str, fig: Figure, s0: int, placed: list[tuple[int, Any]],
                  places: Any = None) -> list[Any]:
    """The places an exact figure is said of together ("nhiều xã như xã A, xã B đạt
    100%", "Các xã A, B có tỷ lệ … đạt 100%"): each place's own figure.

    A bound or an approximate value ("dưới 85%", "khoảng 4%", "trên 98%") of several
    places is no one's (:func:`several_places`, :func:`example_places`); an exact value
    printed once for them all is each one's. Only places of one level named in the
    figure's own statement (after the last ";") before it, two or more, none repeated.
    Returns an empty list when the figure is no such shared value. With ``places`` (the
    place context), a list whose later names are bare ("Các xã Tú Lệ, Nậm Búng"), the
    kind printed before the first only, is read as :func:`clauses.respective_place`
    reads one: every name resolved inside the place in play.
    """
    if fig.qualifier or re.match(r"\s*(?:,|và)\s*\d", text[fig.end:]) \
            or re.search(r"\d\s*%?\s*(?:,|và)\s*$", text[s0:fig.start]):
        return []  # "A, B … đạt 88,6% và 89,3%": a respective list, no shared value
    start = max(s0, text.rfind(";", s0, fig.start) + 1)
    units = [u for off, u in placed if start <= off < fig.start and not isinstance(u, str)]
    if len(units) < 2 and places is not None:
        from .clauses import listed_places  # (clauses reads figures, as this module does)
        units = listed_places(text, start, fig.start, places)
    if len(units) < 2 or len({id(u) for u in units}) != len(units) \
            or len({getattr(u, "level", None) for u in units}) != 1:
        return []
    return units


#: "…; trong đó, (khu vực / địa bàn) tỉnh X cũ có " right before a count: a place's part;
#: the verb may be left out, and the parts go on after a comma ("; trong đó địa bàn tỉnh
#: X cũ N người, tỉnh Y cũ M người", set 28); "…, trong đó riêng địa bàn tỉnh X cũ chiếm "
#: too (set 29); in brackets after the count it is a part of ("… BHXH tự nguyện 67.450
#: người (địa bàn tỉnh X cũ 24.180 người)", set 31).
_PART_ITEM = (r"(?:riêng\s+)?(?:(?:khu\s+vực|địa\s+bàn)\s+)?(?:tỉnh|thành\s+phố|huyện|thị\s+xã|"
              r"quận|xã|phường|thị\s+trấn)\s+[A-ZĐ][^\d,;.:()]{0,60}?\s+"
              r"(?:(?:có|là|đạt|chiếm)\s+)?(?:(?:khoảng|gần|hơn|trên)\s+)?")
#: (or "; riêng địa bàn tỉnh X cũ có N người" with no "trong đó", set 33; or in brackets
#: after the count, "N người (địa bàn tỉnh X cũ M người)", set 31)
_PLACE_PART = re.compile(rf"(?:[;,]\s*(?:trong\s+đó\s*,?\s*|(?=riêng\s))|\bngười\s*\()\s*"
                         rf"(?:{_PART_ITEM}[\d.,]+\s+người\s*,\s*)*{_PART_ITEM}$", re.I)


#: "BHXH tự nguyện có 141.300 người": a lead that counts a scheme's participants with
#: no "tham gia" (set 33).
_SCHEME_HAS_COUNT = re.compile(P.SCHEME_HAS.pattern.removesuffix(r"\s*$")
                               + r"\s*[\d.,]+\s*(?:người|lao\s+động)", re.I)
#: The later items of a list of places' parts after a lead with no "trong đó": "Trong
#: tổng số người tham gia BHXH, địa bàn tỉnh A cũ có N người, tỉnh B cũ có M người" (set 34).
_PART_LIST = re.compile(rf",\s*(?:{_PART_ITEM}[\d.,]+\s+người\s*,\s*)+{_PART_ITEM}$", re.I)


def breakdown(text: str, fig: Figure, s0: int, before: str) -> str | None:
    """A count of persons in "Trong đó, huyện A 1.200 người, huyện B 950 người" after a
    sentence that says what is counted: its breakdown by place. After "UBND tỉnh giao chỉ
    tiêu số người tham gia BHXH tự nguyện cho các địa phương" the counts are the places'
    plans; after "toàn tỉnh có ... người tham gia ..." their participants. The same
    breakdown may follow "; trong đó, (địa bàn) tỉnh X cũ có N người" inside the
    sentence that said what is counted (set 24): the place's participants; so may a list
    of such parts after a comma, its first item read with its lead (set 34)."""
    inner = _PLACE_PART.search(text, s0, fig.start) or _PART_LIST.search(text, s0, fig.start)
    if inner is not None and fig.start == inner.end() and not P.CONTINUES.match(text, s0):
        before = text[s0:inner.start()]  # the sentence's own lead says what is counted
    elif not P.CONTINUES.match(text, s0):
        return "count without a cue"
    if not (P.PARTICIPATE_BEFORE.search(before) or _SCHEME_HAS_COUNT.search(before)) \
            or not scheme_mentions(before, 0, len(before)) or P.CAMPAIGN.search(before):
        return "count without a cue"
    # the plans of "giao chỉ tiêu số người tham gia …"; not after "số người tham gia … là
    # N người, thấp hơn chỉ tiêu …" (a status the plan only measures)
    plan = P.PLAN.search(before)
    counted = P.PARTICIPATE_BEFORE.search(before)
    fig.measure = "plan_participants" if plan and counted and plan.start() < counted.start() \
        else "participants"
    fig.penalty += 0.15
    return None
