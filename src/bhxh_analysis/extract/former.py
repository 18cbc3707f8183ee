"""Former units named as background on a page of the 2025 boundaries (blind set 21).

After 1/7/2025 a page of a merged province names a province or district that no longer
exists as the ground of one figure: "Trong đó, địa bàn tỉnh Bắc Kạn cũ có 301.450 người
tham gia" on a Thái Nguyên page, "Riêng địa bàn tỉnh Ninh Thuận cũ, tỷ lệ … đạt 93,9%",
"các xã thuộc huyện Tiền Hải trước đây có tỷ lệ … 95,8%", "sau khi hợp nhất tỉnh An
Giang và tỉnh Kiên Giang". Such a unit scopes the figures of its own clause only: it
never becomes the place in play, so "Số người tham gia BHXH …" in the next sentence and
"toàn tỉnh" later are the province in play's (the merged province), not the former
unit's (nor, after a former district, its legacy province's).
Called by :mod:`bhxh_analysis.extract.core` (the driver).
"""

from __future__ import annotations

import re
from typing import Any

from ..geo import GeoError

__all__ = ["FORMER_AFTER", "former_heading", "former_unit", "group_past_formers", "in_play_again",
           "scoped_levels"]

#: "tỉnh Bắc Kạn cũ", "huyện Đăk Glei trước đây", "(cũ)", "trước (khi) sáp nhập".
_MERGING = r"(?:sáp\s+nhập|sát\s+nhập|hợp\s+nhất)"
FORMER_AFTER = re.compile(
    rf"[^\S\n]*(?:\(\s*)?(?:cũ|trước\s+đây|trước\s+(?:khi\s+)?{_MERGING})(?!\w)", re.I)
#: a sentence opened by the time before the merger: "Trước khi sáp nhập, tỉnh A có …".
_BEFORE_MERGER = re.compile(rf"\s*Trước\s+(?:khi|thời\s+điểm|lúc)\s+{_MERGING}\b", re.I)
#: a merger clause before the name: "sau khi hợp nhất tỉnh A và", "sáp nhập với".
_MERGER_BEFORE = re.compile(
    rf"\b{_MERGING}\s+(?:(?:với|cùng|từ)\s+)?(?:(?:tỉnh|thành\s+phố|"
    r"huyện|thị\s+xã|TP\.?)\s+)?(?:[^\W\d_][\w]*\s+){0,4}(?:(?:và|với)\s+(?:(?:tỉnh|thành\s+"
    r"phố|huyện|thị\s+xã|TP\.?)\s+)?)?$", re.I)


def former_unit(text: str, s0: int, mention: Any, unit: Any, places: Any) -> bool:
    """Whether ``mention`` names a former unit as a page's background (see the module).

    Only on a page of 1/7/2025 or later (``places.after_reform``), only a legacy province
    or district ``unit``, named with "cũ" / "trước đây" / "trước sáp nhập" after it, or
    in a merger clause ("hợp nhất tỉnh A và tỉnh B") when no 2025 province bears its name
    (there "tỉnh A", the merged province's own name, is the place itself).
    """
    if not places.after_reform or unit is None or isinstance(unit, str) \
            or getattr(unit, "boundaries", None) != "legacy" \
            or unit.level not in ("province", "district"):
        return False
    if FORMER_AFTER.match(text, mention.end) or _BEFORE_MERGER.match(text, s0):
        return True
    if not _MERGER_BEFORE.search(text, max(s0, mention.start - 80), mention.start):
        return False
    try:
        now = places.registry.get("2025", "province", unit.province_2025_code)
    except GeoError:
        return True
    return unit.level == "district" or now.name != unit.name


def scoped_levels(last_by_level: dict[str, Any], before: dict[str, Any],
                  formers: list[tuple[int, Any]], led: tuple[Any, ...] | None = None
                  ) -> dict[str, Any]:
    """The last place read at each level, less the former units a sentence gave figures.

    A former unit's figure does not make it the place a later sentence carries: the
    level's entry goes back to what it was before the sentence (``before``). ``formers``:
    the sentence's former units as ``(offset, unit)``; ``led``: the block the sentence
    lies in, whose former unit (:func:`former_heading`) counts as one of them.
    """
    if led is not None and len(led) == 3:
        formers = [*formers, (-1, led[0])]
    out = dict(last_by_level)
    for level, unit in last_by_level.items():
        if any(unit is f for _o, f in formers) and before.get(level) is not unit:
            if level in before:
                out[level] = before[level]
            else:
                out.pop(level)
    return out


def in_play_again(placed: list[tuple[int, Any]], formers: list[tuple[int, Any]]
                  ) -> list[tuple[int, Any]]:
    """A sentence's places less its former units (a sentence with no figure: the places
    it names in passing may stay in play, a former unit may not); by offset, since a
    legacy unit read for the merged province's own name ("tỉnh Đồng Nai") is the same
    unit as its former namesake ("tỉnh Đồng Nai cũ")."""
    offsets = {o for o, _u in formers}
    return [(o, u) for o, u in placed if o not in offsets]


def group_past_formers(text: str, placed: list[tuple[int, Any]],
                        formers: list[tuple[int, Any]], ends: dict[int, int]) -> int | None:
    """Where a list of places begins among a sentence's places less its former units.

    "Sau hợp nhất với Hậu Giang và Sóc Trăng, TP Cần Thơ có thêm …" (set 31): the former
    provinces of a merger clause and the merged city follow one another like a list
    ("A, B, C"), which :func:`~bhxh_analysis.extract.places_page.listed_group` reads as
    places named together, none of them the place in play; the former units are
    background (:func:`former_unit`), so a list is one opened by another place ("ở TP Hồ
    Chí Minh, Bình Dương cũ" still is, set 28), and the merged city stays in play.
    Returns the offset of the list's first place, or None.
    """
    from .places_page import listed_group  # (places_page imports the figures' modules)

    rest = in_play_again(placed, formers)
    return next((o for o, _u in rest if listed_group(text, o, placed, ends) == o), None)


def former_heading(text: str, s0: int, s1: int, placed: list[tuple[int, Any]]
                   ) -> tuple[Any, int, str] | None:
    """A former unit heading a block of its own lines, and where the block ends.

    An infographic's "ĐỊA BÀN TỈNH QUẢNG NAM CŨ" on a line of its own (no figure, no stop),
    then "Bao phủ BHYT: 95,2%" right under it (set 22): the lines up to the next blank
    line are the former unit's, as a list's items are its lead's
    (:func:`~bhxh_analysis.extract.places_page.led_items`; the driver carries the place
    while the block lasts, and a line naming its own place keeps that place). A heading
    naming no former unit, or one followed by a blank line, leads nothing.

    Returns
    -------
    tuple or None
        ``(unit, end, "former")``: the former unit, the end of the block's last line and
        a mark that tells :func:`scoped_levels` the block's unit is a former one.
    """
    line = text[s0:s1].strip()
    if not line or "\n" in line or len(line) > 80 or re.search(r"[\d.:;!?]", line) \
            or (s0 > 0 and text[s0 - 1] != "\n") or not text.startswith("\n", s1) \
            or text.startswith("\n\n", s1):
        return None
    units = [(o, u) for o, u in placed if not isinstance(u, str)
             and getattr(u, "boundaries", None) == "legacy"]
    if len(units) != 1 or FORMER_AFTER.search(text, units[0][0], s1) is None:
        return None
    end = text.find("\n\n", s1 + 1)
    return units[0][1], (len(text) if end < 0 else end), "former"
