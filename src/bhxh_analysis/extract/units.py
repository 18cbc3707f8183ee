"""Places below the province in set 16's classes (issue 15): names printed with a
spaced dash, wards and communes listed with their own figures.

Kept apart from :mod:`.core` and :mod:`.figures` (both near the house limit) and called
from small hooks there, so that each rule stays local.
"""

from __future__ import annotations

import re
from typing import Any

from ..geo import GeoError
from . import patterns as P
from .figures import Figure

__all__ = ["dashed_name", "listed_units", "with_listed"]

#: " – Tháp Chàm": a spaced en/em dash or hyphen, then up to three capitalised words.
_DASHED_TAIL = re.compile(r"[^\S\n]*[–—-][^\S\n]*(?P<tail>" + P._CAP_WORD
                          + r"(?:[^\S\n]+" + P._CAP_WORD + r"){0,2})")


#: A number right after a name ("phường Hà Giang 1"), not a figure's start.
_NUMBER_TAIL = re.compile(r"[ \t]+(?P<n>\d{1,2})(?![\d.,/%]|\s*(?:%|người|phần\s+trăm))")


def numbered_name(text: str, end: int, name: str, level: str | None, registry: Any
                  ) -> tuple[str, int] | None:
    """A place name that ends in a number ("phường Hà Giang 1", "Quận 3").

    Why: a name stopped at its last capitalised word, so "phường Hà Giang 1" was read as
    "phường Hà Giang" (no 2025 ward) and its "1" as a figure. The number is taken only
    when the registry knows the longer name at that level.

    Returns
    -------
    tuple of (str, int) or None
        The longer name and the end offset of the longer mention; ``None`` when no
        number follows or the registry does not know the name with it.
    """
    m = _NUMBER_TAIL.match(text, end)
    if m is None:
        return None
    joined = f"{name} {m['n']}"
    try:
        registry.resolve(joined, level=level)
    except (GeoError, ValueError):
        return None
    return joined, m.end()


def dashed_name(text: str, end: int, name: str, level: str | None, registry: Any
                ) -> tuple[str, int] | None:
    """A place name that goes on over a spaced dash ("thành phố Phan Rang – Tháp Chàm").

    Why: the registry writes such names with a bare hyphen ("Phan Rang-Tháp Chàm");
    pages print an en dash between spaces, where the name used to stop at "Phan Rang"
    (no unit) and the figures fell to the province. The longer name is taken only when
    the registry knows it, so "tỉnh Bình Dương – nơi …" or a dash before another clause
    keeps the shorter name.

    Returns
    -------
    tuple of (str, int) or None
        The joined name (hyphenated as the registry writes it) and the end offset of
        the longer mention; ``None`` when no dash follows or the joined name is unknown.
    """
    m = _DASHED_TAIL.match(text, end)
    if m is None:
        return None
    tail = m["tail"].split()
    for k in range(len(tail), 0, -1):  # the longest tail the registry knows
        joined = f"{name}-{' '.join(tail[:k])}"
        try:
            registry.resolve(joined, level=level)
        except (GeoError, ValueError):
            continue
        cut = m.start("tail") + len(" ".join(tail[:k]))
        if re.sub(r"\s+", " ", text[m.start("tail"):cut]) == " ".join(tail[:k]):
            return joined, cut
    return None


_NUM = r"\d{1,3}(?:,\d+)?"
#: One item of a list of wards or communes with their own figures: "Đông Hưng đạt
#: 81,2%/90,5%, cần phát triển thêm 1.020 người", "phường An Lạc: 80,1%/91%", "xã
#: Tân Phú (đạt 93,5%)", "Tân Hòa (gần 91%)". ``a``: the coverage; ``b``: the plan it
#: is set against; ``n``: the persons still to be won.
_ITEM = re.compile(
    r"(?<!\w)(?:(?P<kind>(?i:phường|xã|thị\s+trấn))[^\S\n]+)?"
    r"(?P<name>" + P._CAP_WORD + r"(?:[^\S\n]+" + P._CAP_WORD + r"){0,3})"
    r"(?:\s*\(\s*(?:đạt\s+)?|\s+đạt\s+|\s*:\s*)(?:gần|trên|hơn|khoảng)?\s*"
    r"(?P<a>" + _NUM + r")\s*%(?:\s*/\s*(?P<b>" + _NUM + r")\s*%)?"
    r"(?:\s*\)?\s*,\s*cần\s+(?:phát\s+triển|vận\s+động)\s+thêm\s+"
    r"(?P<n>\d{1,3}(?:\.\d{3})*)\s+người)?")
#: A district's or province's kind right before a name: no commune follows.
_DISTRICT_KIND_BEFORE = re.compile(r"(?:huyện|quận|thị\s+xã|thành\s+phố|TP\.?|tỉnh)\s+$",
                                   re.I)
#: What such a list measures: the coverage of health insurance (not a rate of debt).
_COVERAGE_TOPIC = re.compile(r"bao\s+phủ|tham\s+gia\s+(?:BHYT|bảo\s+hiểm\s+y\s+tế)", re.I)


def listed_units(text: str, s0: int, s1: int, places: Any) -> dict[int, tuple[Any, Figure]]:
    """Figures of wards or communes named in a list inside their district or city.

    Why: a city's report lists its wards bare ("Đông Hưng đạt 81,2%/90,5%, cần phát
    triển thêm 1.020 người; …"), a district's its communes ("cao nhất là xã A (đạt
    93,5%); kế đến là các xã: B (92,1%), C (gần 91%)"). Without the commune the figures
    fell to the city (or to the last ward named with its kind), and "A%/B%" was read as
    nothing (a number touching "/" is no figure for :data:`.patterns.NUMBER`). Each
    name counts only when it is a commune of the district or city in play (so a
    province's or a person's name never starts an item) and the passage is about
    coverage.

    Returns
    -------
    dict
        Offset of each figure → (the commune, the figure with its measure):
        ``coverage_pct`` for the first rate, ``plan_coverage_pct`` for the rate after
        "/", ``shortfall_participants`` for "cần phát triển thêm N người".
    """
    out: dict[int, tuple[Any, Figure]] = {}
    if places.district is None or not _COVERAGE_TOPIC.search(text, max(0, s0 - 600), s1):
        return out
    for m in _ITEM.finditer(text, s0, s1):
        name = m["name"]
        unit = places.resolve_name(f"{m['kind'].capitalize()} {name}" if m["kind"] else name,
                                   "commune", anywhere=False)
        if _DISTRICT_KIND_BEFORE.search(text, max(s0, m.start() - 12), m.start()):
            continue  # "huyện Thống Nhất (86,2%)": a district of a list, not a commune
        if unit is not None and (unit.level != "commune" or getattr(
                unit, "parent_code", None) != places.district.code):
            unit = None  # a namesake elsewhere in the province is no item of this list
        if unit is None:
            unit = _unregistered(text, s0, m)
            if unit is None:
                continue
        for group, measure, unit_kind in (("a", "coverage_pct", "pct"),
                                          ("b", "plan_coverage_pct", "pct"),
                                          ("n", "shortfall_participants", "count")):
            if m[group]:
                end = m.end(group)
                sign = re.match(r"\s*%", text[end:]) if unit_kind == "pct" else None
                end += sign.end() if sign else 0  # value_raw is text[start:end]
                value = float(m[group].replace(".", "").replace(",", "."))
                out[m.start(group)] = (unit, Figure(
                    m.start(group), end, text[m.start(group):end], value, unit_kind,
                    measure=measure, penalty=0.1))
    return out


#: The kind of the units a list names: "trong đó có 07 phường", "các xã:", "2 xã".
_LIST_KIND = re.compile(r"(?:các|\d+|những|một\s+số)\s+(?P<kind>phường|xã|thị\s+trấn)(?!\w)",
                        re.I)
#: A commune's bare name: two or three words, each capitalised (no acronym, no number).
_TITLE_NAME = re.compile(r"[A-ZÀ-Ỹ][a-zà-ỹ]+(?: [A-ZÀ-Ỹ][a-zà-ỹ]+){1,2}")


def _unregistered(text: str, s0: int, m: re.Match[str]) -> str | None:
    """A ward or commune the registry lacks (renamed, merged): its name with its kind
    ("phường Đông Hưng"), when the item is a full one (a rate against its plan, "A%/B%")
    and the list says what kind of unit it names; else ``None``."""
    if not m["b"] or not _TITLE_NAME.fullmatch(m["name"]):
        return None
    kinds = [k["kind"] for k in _LIST_KIND.finditer(text, s0, m.start())]
    kind = m["kind"] or (kinds[-1] if kinds else None)
    return " ".join([*kind.lower().split(), m["name"]]) if kind else None


def with_listed(figs: list[Figure], items: dict[int, tuple[Any, Figure]]) -> list[Figure]:
    """The sentence's figures with those of a list of wards put in (or in place of the
    same number read without its measure), in text order."""
    return sorted([f for f in figs if f.start not in items]
                  + [fig for _u, fig in items.values()], key=lambda f: f.start)

