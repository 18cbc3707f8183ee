"""The place in play over a whole page: the pieces of the reading that look past one
sentence or one figure to say which place a figure belongs to.

The headline's extent (a headline's figure and place are the article's), a sentence whose
subject is a national document (its figures are the nation's even on a provincial
outlet) and a district or commune named bare before its figure ("Hiệp An đạt 70,5%").
Split from :mod:`bhxh_analysis.extract.core` (the driver), which calls them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..schema import REFORM_DATE
from . import patterns as P
from .figures import Figure, clause_of, trailing_name
from .misspelt import read_as
from .places import PlaceContext, prefixed_name

__all__ = ["bare_place", "carried_before", "carried_place", "group_places", "headline_end",
           "led_items", "listed_group", "national_document", "unnamed_places",
           "part_of_merged", "without_dateline"]


def headline_end(text: str) -> int:
    """Where an article's headline ends: its first line with words (a stray "." or
    blank line before it skipped), when that is short and followed by more lines (0 for
    a passage of one paragraph)."""
    for m in re.finditer(r"[^\n]*\n", text):
        if re.search(r"[^\W\d_]{2}", m.group(0)):
            return m.end() - 1 if m.end() - m.start() <= 201 else 0
    return 0


#: after a dateline's place: ", 12/01/2024 -", ", ngày 12/01/2024 –" (the date, a dash)
_DATELINE_TAIL = re.compile(
    r"[^\S\n]*,[^\S\n]*(?:ngày[^\S\n]+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?[^\S\n]*[-–—]",
    re.I)


def without_dateline(text: str, mentions: list[Any]) -> list[Any]:
    """The mentions less a dateline's place ("Hà Nội, 12/01/2024 - Hết năm 2023, …").

    A place, a comma, a date and a dash at a paragraph's start say where the text was
    filed, not what it is about (as an outlet's name does): a national release of VSS
    (seated in Hà Nội) datelined "Hà Nội" is the nation's (twelfth blind set). Kept when
    the text names no other place ("Hà Nội, 12/01 - Toàn thành phố có …" is Hà Nội's).
    """
    def dateline(m: Any) -> bool:
        return m.kind == "named" and (m.start == 0 or text[m.start - 1] == "\n") \
            and _DATELINE_TAIL.match(text, m.end) is not None

    kept = [m for m in mentions if not dateline(m)]
    return kept if any(m.kind != "context" for m in kept) else mentions


#: a former province's own figure: "tỉnh Ninh Thuận cũ", "khu vực Ninh Thuận (cũ)"
_FORMER_OWN = re.compile(r"[^\S\n]*\(?(?:cũ|trước\s+đây)\b", re.I)
_PART_BEFORE = re.compile(r"(?:khu\s+vực|địa\s+bàn|trong\s+đó|Trước\s+(?:khi|thời\s+điểm|lúc)"
                          r"\s+(?:sáp\s+nhập|hợp\s+nhất))\b[^.;\n]*$", re.I)


def part_of_merged(text: str, s0: int, mention: Any, unit: Any, held: Any,
                   placed: list[tuple[int, Any]], day: _dt.date | None) -> bool:
    """A former province named after the 2025 province that took it in, in a sentence of
    figures dated on or after 1/7/2025: a part of the province in play, not the place.

    "Hết năm 2025, toàn tỉnh Khánh Hòa (sau hợp nhất với tỉnh Ninh Thuận) có 2.012.300
    người tham gia BHYT": the province named by its 2025 name (``held``, the province in
    play before the mention, named in this sentence) holds its figures (twelfth blind
    set: Ninh Thuận had become the place in play). A former province's own figure ("tỉnh
    Ninh Thuận cũ có …", "khu vực Ninh Thuận", "Trước khi sáp nhập, …") keeps its place.
    """
    if day is None or day < REFORM_DATE.date() or held is None or unit is None \
            or getattr(unit, "level", None) != "province" or unit.code == held.code:
        return False
    return (held.level == "province" and held.province_2025_code == held.code
            and unit.province_2025_code == held.code
            and any(u is held for o, u in placed if s0 <= o < mention.start)
            and not _FORMER_OWN.match(text, mention.end)
            and not _PART_BEFORE.search(text, s0, mention.start))


def national_document(sentence: str) -> bool:
    """A sentence whose subject is a national document or body and that names no local
    unit: its figures are national even on a provincial outlet (``--place-hint``)."""
    sentence = P.NATIONAL_GIVER.sub(" ", sentence)  # "kế hoạch Thủ tướng giao": the place's
    return bool(P.NATIONAL_DOCUMENT.search(sentence)) and not P.LOCAL_WORD.search(sentence)


#: "… N người thuộc (địa bàn / khu vực) tỉnh X (cũ)" right after a count: X's part
_PART_OF_AREA = re.compile(r"\s*người\s+thuộc\s+(?:(?:địa\s+bàn|khu\s+vực)\s+)?(?=\S)", re.I)


def area_part(text: str, fig: Figure, ctx: PlaceContext) -> Any:
    """The place of a count followed by the area it is counted in: "… có hơn 1 triệu người
    tham gia BHXH, trong đó gần 400 nghìn người thuộc địa bàn tỉnh Hải Dương cũ" (set 23's
    leftover, fixed with set 25's) is the former province's part, not the merged city's
    participants; the unit must be named with its kind."""
    m = _PART_OF_AREA.match(text, fig.end)
    named = P.PLACE_PREFIXED.match(text, m.end()) if m is not None else None
    if named is None:
        return None
    kind = re.sub(r"\s+", " ", named["kind"].lower()).rstrip(".")
    return ctx.resolve_name(f"{prefixed_name(kind)} {named['name']}", P.KIND_LEVEL.get(kind))


def bare_place(text: str, fig: Figure, s0: int, prev: Figure | None,
               ctx: PlaceContext) -> Any:
    """A district or commune named bare right before its figure ("Hiệp An đạt 70,5%"), or
    the area named right after a count (:func:`area_part`)."""
    if fig.unit in ("count", "bare") and (part := area_part(text, fig, ctx)) is not None:
        return part
    w0 = prev.end if prev is not None else s0
    pre = re.sub(r"\s+còn\s*$", " ", text[w0:fig.start])  # "Nông Sơn còn 5.505 người"
    head, name = trailing_name(clause_of(pre))
    if not name or not P.LOCAL_UNITS.search(text[s0:fig.start]) or name.endswith(")"):
        return None  # "xã A (huyện B) có …": a bracketed parent locates A, the figure's
    if re.search(r"[-–]\s*$", head):
        return None  # "thành phố Phan Rang - Tháp Chàm": the tail of a joined name
    kind = re.search(r"(?i:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|TX\.?|xã|phường|"
                     r"thị\s+trấn|đặc\s+khu)\s*$", head)
    if kind:  # "toàn thành phố Cần Thơ có ...": a name with its kind, as a mention reads it
        k = re.sub(r"\s+", " ", kind.group(0).strip().lower()).rstrip(".")
        unit = ctx.resolve_name(f"{prefixed_name(k)} {name}".strip(), P.KIND_LEVEL.get(k)) \
            or read_as(ctx, name)  # "huyện Chư Jút có …": huyện Cư Jút, read before
        if unit is not None:
            return unit
    # a district or commune of the place in play, else a province listed by name
    # ("dẫn đầu là Nghệ An (87.142 người), Thanh Hóa (...)" in a national release); in a
    # list after a national or provincial figure a province comes first (Quảng Nam has
    # a commune named Bình Định)
    wide = getattr(getattr(prev, "place", None), "level", None) in ("nation", "province")
    province = ctx.resolve_name(name, "province") if wide else None
    unit = province or ctx.resolve_local(name) or ctx.resolve_name(name, "province")
    if unit is None and len(name.split()) >= 2:
        return name  # a listed place the registry does not know: kept by name, unresolved
    return unit


# Between two places listed together: "A, B", "A và B", "A, một số xã trên địa bàn B".
_LIST_JOIN = re.compile(
    r"\s*(?:,|;|\bvà\b|\bhoặc\b)\s*(?:và\s+)?(?:(?:một\s+số|các|nhiều|những)\s+"
    r"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|địa\s+phương)\s+(?:trên\s+địa\s+bàn\s+|"
    r"của\s+|thuộc\s+|ở\s+|tại\s+)?)?", re.I)


def listed_group(text: str, after: int, placed: list[tuple[int, Any]],
                 ends: dict[int, int]) -> int | None:
    """Where a list of several places of one level named after ``after`` begins, if the
    first two places after it are such a list ("giảm 21.400 người, chủ yếu ở huyện A,
    thị xã B và thành phố C"); None otherwise.

    Places listed together after a figure say where a change came from or which places a
    remark is about: they are neither that figure's place nor the place in play for the
    sentences that follow (a city sharing its province's name among them would otherwise
    take the province's later figures). A child then its parent ("xã A, huyện B") is one
    place, not a list.
    """
    later = [(off, u) for off, u in placed if off >= after]
    if len(later) < 2:
        return None
    (a, first), (b, second) = later[0], later[1]
    if first is second or a not in ends or getattr(first, "level", None) != getattr(
            second, "level", 1):
        return None
    return a if _LIST_JOIN.fullmatch(text, ends[a], b) else None


#: "các phường", "hai huyện", "3 xã": a plural group of places whose names follow.
_GROUP_LEAD = re.compile(
    r"\b(?:các|những|hai|ba|bốn|\d+)\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|tỉnh|"
    r"thành\s+phố)\s+(?=[^\W\d_])", re.I)


def group_places(text: str, fig: Figure, s0: int) -> bool:
    """Whether the figure is said of a group of places named after a plural lead.

    "các phường A, B, C có tỷ lệ bao phủ trên 97%": a figure of the group, no one
    place's, whether or not every name resolves (a 2025 ward may not). Only in the
    figure's own statement (after the last ";"), with two names or more and nothing
    between them and the figure that is a figure or "lần lượt" (each place's own).
    """
    statement = text[max(s0, text.rfind(";", s0, fig.start) + 1):fig.start]
    lead = next(reversed(list(_GROUP_LEAD.finditer(statement))), None)
    if lead is None or re.search(r"\d|lần\s+lượt", statement[lead.end():], re.I):
        return False
    items = re.split(r"\s*(?:,|\bvà\b|\bhoặc\b)\s*", statement[lead.end():].strip())
    names = 0
    for item in items:
        words = item.split()
        if not words or not words[0][:1].isupper():
            break
        names += 1
        if not all(w[:1].isupper() for w in words):
            break  # "Phù Khê có tỷ lệ …": the last name, then what is said of them all
    return names >= 2


#: "một số tỉnh miền núi phía Bắc", "nhiều huyện vùng cao": places left unnamed.
_UNNAMED_GROUP = re.compile(
    r"\b(?:một\s+số|nhiều|một\s+vài|phần\s+lớn\s+các)\s+(?:xã|phường|thị\s+trấn|huyện|quận|"
    r"thị\s+xã|tỉnh|thành\s+phố|địa\s+phương)(?!\w)", re.I)


def unnamed_places(text: str, fig: Figure, s0: int, placed: list[tuple[int, Any]]) -> bool:
    """Whether a bound is said of several places left unnamed ("một số tỉnh miền núi
    phía Bắc tỷ lệ tham gia BHXH vẫn dưới 20%"): no one place's figure. Only a bound
    ("dưới", "trên", …) in the figure's own statement, with no place named and no
    figure between the group and it ("như Hưng Yên với …" is that province's)."""
    if not fig.qualifier:
        return False
    start = max(s0, text.rfind(";", s0, fig.start) + 1)
    lead = next(reversed(list(_UNNAMED_GROUP.finditer(text, start, fig.start))), None)
    return lead is not None and not re.search(r"\d", text[lead.end():fig.start]) \
        and not any(lead.start() <= off < fig.start for off, _u in placed)


#: a sentence opened as a part of the one before: "Riêng BHYT hộ gia đình có …",
#: "Trong đó, BHXH tự nguyện …"
_PART_OPENING = re.compile(r"\s*Riêng\b", re.I)
#: "Trên bình diện toàn tỉnh, …", "Toàn tỉnh có …": a sentence of the whole province (set 27).
_WHOLE_AREA = re.compile(r"\b(?:toàn|cả)\s+(?:tỉnh|thành\s+phố)\b", re.I)
_RANK = {"nation": 0, "province": 1, "district": 2, "commune": 3}


#: "toàn huyện có", "cả thị xã đạt": a figure said of the whole of a district.
_WHOLE_UNIT = re.compile(r"\b(?:toàn|cả)\s+(?:huyện|quận|thị\s+xã|thành\s+phố)\b", re.I)


def main_level(level: str | None, fig: Figure, text: str, s0: int) -> str | None:
    """The article's main level after a placed figure (``level``: the level so far).

    The first placed figure's level, as before; but a feature that opens on one
    commune's story ("Cả xã A hiện có 286 người …") and goes on to its district's
    figures ("Theo BHXH huyện, … toàn huyện có 3.520 người") is about the district (set
    32): a figure said of the whole of a district ("toàn huyện", "cả thị xã") makes the
    district level the main one, so the district's later sentences that name no place
    ("Chỉ tiêu năm 2023 huyện được giao là …") stay the district's. A province's whole
    ("Toàn tỉnh có …") after a commune's figure leaves the commune the main level.
    """
    if level is None or fig.place is None or isinstance(fig.place, str):
        return level or getattr(fig.place, "level", None)
    if level == "commune" and _RANK.get(fig.place.level, 9) < _RANK["commune"] \
            and _WHOLE_UNIT.search(text, s0, fig.start):
        return fig.place.level
    return level


def carried_place(ctx: Any, last_seen: Any, text: str = "", s0: int = 0) -> Any:
    """The place of a sentence that names none.

    A place named since the last figure (a new subject) holds; otherwise the last place
    of the article's main level: after "Trong đó, huyện A đạt ..., huyện B đạt ...", the
    next sentence is about the province again. A sentence opened by "Riêng" / "Trong đó"
    in the paragraph of the figure before, when that figure's place is above the main
    level, is a part of that figure's place (twenty-second blind set: a commune
    feature's "toàn tỉnh A có …. Riêng BHYT hộ gia đình có …" is the province's, not
    the commune's the feature opened with); after a district's rate on a province's page
    it is the province's still (sixth set). Any sentence naming no place is such a part
    when the figure before sits in a sentence of the whole province ("Trên bình diện toàn
    tỉnh, …, Đắk Lắk có N người …. Tỷ lệ bao phủ BHYT đạt 94,1%", set 27).
    """
    if last_seen is not None and last_seen.start > ctx.last_figure_end:
        return ctx.places.last
    before = next((f for f in (ctx.last_count, ctx.last_rate) if f is not None
                   and f.end == ctx.last_figure_end), None)  # the figure just before
    if text and not _PART_OPENING.match(text, s0):  # (or the last stock or rate, in a
        kept = [f for f in (ctx.last_count, ctx.last_rate) if f is not None]  # sentence
        last = max(kept, key=lambda f: f.end) if kept else None  # of the whole province)
        whole = last is not None and _WHOLE_AREA.search(text, max(
            text.rfind(". ", 0, last.start), text.rfind("\n", 0, last.start)) + 1, last.start)
        before = last if whole and "." in text[last.end:s0] else None
    if text and before is not None \
            and not isinstance(before.place, (str, type(None))) \
            and _RANK.get(before.place.level, 9) < _RANK.get(ctx.main_level or "", 0) \
            and "\n" not in text[ctx.last_figure_end:s0]:
        return before.place
    return ctx.last_by_level.get(ctx.main_level or "") or ctx.places.last


#: A list's item line: opened by a bullet or a number ("- ", "+ ", "1. ", "a) ").
_ITEM_LINE = re.compile(r"[^\S\n]*(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\))[^\S\n]*\S[^\n]*", re.I)


def led_items(text: str, s0: int, s1: int, placed: list[tuple[int, Any]]
              ) -> tuple[Any, int] | None:
    """The place a list's lead names, and where its items end.

    "Kết quả của huyện Phú Ninh như sau:" then lines opened by a bullet: the items are
    the district's, though they name no place (on a provincial outlet the province took
    them from the second item on, as after a sentence of several places). Only a
    sentence whose line ends with a colon, naming one place before it (a place and its
    parents: the smallest), followed by item lines (blank lines between them allowed;
    an item opened by a number stays in the lead's sentence).

    Returns
    -------
    tuple or None
        ``(unit, end)``: the lead's place and the end of its last item line.
    """
    colon = next(reversed(list(re.finditer(r":[^\S\n]*\n", text[s0:s1 + 1]))), None)
    if colon is None:  # (an item opened by a number is part of the lead's sentence)
        return None
    units = [u for o, u in placed if not isinstance(u, str) and o < s0 + colon.start()]
    if not units:
        return None
    parents = {getattr(u, "province_code", None) for u in units} | {
        getattr(u, "parent_code", None) for u in units}
    named = {u.code: u for u in units if u.code not in parents}
    if len(named) != 1:
        return None  # "huyện A và huyện B như sau:": whose each item is, is not said
    end, at = None, s0 + colon.end()
    for line in re.finditer(r"[^\n]*(?:\n|$)", text[at:]):
        body = line.group(0)
        if not body:
            break
        if body.strip() and not _ITEM_LINE.fullmatch(body.rstrip("\n")):
            break
        if body.strip():
            end = at + line.start() + len(body.rstrip("\n"))
    return (next(iter(named.values())), end) if end is not None else None


def carried_before(ctx: Any, held: tuple[Any, Any, Any], at: int,
                    mentions: list[Any]) -> Any:
    """The place a sentence's figure carries when the sentence's places form a list
    at ``at`` ("giảm 21.400 người, chủ yếu ở huyện A, thị xã B"): the place in play
    before the list (``held``), read as :func:`carried_place` reads it."""
    now = ctx.places.state
    ctx.places.restore(held)
    seen = [m for m in mentions if m.start < at]
    carried = carried_place(ctx, seen[-1] if seen else None)
    ctx.places.restore(now)
    return carried if carried is not None else ctx.subject


#: "cao hơn mức trung bình của cả nước (": the nation's rate in brackets next.
_NATION_YARDSTICK = re.compile(
    r"(?:bình\s+quân|trung\s+bình|mức\s+chung)(?:\s+chung)?(?:\s+(?:của|toàn))?\s+"
    r"(?:cả\s+nước|toàn\s+quốc)\s*\(\s*(?:là\s+|:\s*)?$"
    # "Tỷ lệ chung của cả nước (cùng thời điểm) là 92,1%": the nation's rate named bare
    r"|^\s*t[ỷỉ]\s+lệ(?:\s+(?:chung|bình\s+quân|trung\s+bình))?(?:\s+của)?\s+"
    r"(?:cả\s+nước|toàn\s+quốc)(?:\s+cùng\s+thời\s+điểm)?\s*(?:là|đạt|:)\s*$", re.I)


def nation_yardstick(text: str, fig: Figure, s0: int) -> bool:
    """Whether a bare percent is the nation's rate printed as a yardstick.

    "Tỷ lệ này cao hơn mức trung bình của cả nước (89,9%)": in brackets right after the
    nation's average, the percent is the nation's rate of what was just measured (the
    caller gives it the last rate's measure and scheme; the place is the nation named
    before it). Not a bare percent after it ("cao hơn bình quân cả nước 1,7%"): that may
    be the gap.
    """
    return fig.unit == "pct" and bool(_NATION_YARDSTICK.search(text[s0:fig.start]))
