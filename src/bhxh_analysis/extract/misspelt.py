"""A district printed one letter off its official name (issue 15, set 19's "Chư Jút").

A page printed "huyện Chư Jút" for huyện Cư Jút of Đắk Nông: the name resolves nowhere,
so the district's figures went to the province. :func:`near_district` finds the one
district of the page's province whose name is one letter away from the printed one
(a letter added, dropped or changed, tone marks aside: the registry already reads those),
and only when it is the only such district and no district of the province has the
printed name. Never across provinces (without a province in play nothing is tried) and
never when two districts are equally close. The driver lowers such rows' confidence and
names the printed and the official names in their ``note`` (:func:`note_for`).
"""

from __future__ import annotations

from typing import Any

from .places import Mention, PlaceContext, fold_chars, prefixed_name

__all__ = ["PENALTY", "misspelt_place", "near_district", "note_for", "read_as"]

#: How much a row placed through a misspelt name loses in confidence.
PENALTY = 0.2


def _distance(a: str, b: str) -> int:
    """Levenshtein distance between two short strings (letters added, dropped, changed)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def near_district(printed: str, province: Any, registry: Any) -> Any:
    """The district of ``province`` whose name is one letter off ``printed``, if unique.

    Parameters
    ----------
    printed : str
        The district's name as printed, without its kind ("Chư Jút").
    province : geo unit or None
        The province in play (the page's); ``None``: nothing is tried.
    registry : bhxh_analysis.geo.Registry
        The geography.

    Returns
    -------
    geo unit or None
        The one district at distance 1 (names compared without diacritics, in lower
        case); ``None`` when none, several, or one with the printed name itself, and
        for names shorter than four letters or with a digit ("Quận 2").

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> reg = get_registry()
    >>> dak_nong = reg.resolve("Đắk Nông", level="province")
    >>> near_district("Chư Jút", dak_nong, reg).name
    'Cư Jút'
    >>> near_district("Chư Jút", reg.resolve("Gia Lai", level="province"), reg) is None
    True
    """
    key = fold_chars(printed).strip()
    if province is None or getattr(province, "level", None) != "province" \
            or len(key) < 4 or any(c.isdigit() for c in key):
        return None  # ("Quận 2" is no misprint of "Quận 3": numbers name other districts)
    districts = [u for u in registry.children(province) if u.level == "district"]
    if any(fold_chars(u.name) == key for u in districts):
        return None  # the name exists: not a misspelling (the registry decides)
    near = [u for u in districts if _distance(fold_chars(u.name), key) == 1]
    return near[0] if len(near) == 1 else None


def misspelt_place(places: PlaceContext, mention: Mention) -> Any:
    """Resolve a district mention that named nothing as its one-letter-off namesake.

    "huyện Chư Jút" on a page about Đắk Nông: huyện Cư Jút becomes the place in play and
    is remembered in ``places.misspelt`` with the printed name (for the rows' note and
    confidence). ``None`` (nothing changed) unless :func:`near_district` finds one.
    """
    if mention.kind != "named" or mention.level != "district":
        return None
    words = mention.name.split()
    kind = next((k for k in ("Thị xã", "Thành phố", "Huyện", "Quận")
                 if mention.name.startswith(k + " ")), "")
    printed = " ".join(words[len(kind.split()):]) if kind else mention.name
    unit = near_district(printed, places.province, places.registry)
    if unit is None or (kind and prefixed_name(unit.kind.lower()) not in ("", kind)):
        return None  # (a town printed as "huyện" is another unit, not a typo)
    places.adopt(unit)
    places.misspelt[(unit.boundaries, unit.code)] = printed
    return unit


def read_as(places: PlaceContext, printed: str) -> Any:
    """The district a misspelt name already seen on the page was read as ("Chư Jút" →
    Cư Jút), for the same name printed right before a figure; ``None`` otherwise."""
    key = fold_chars(printed).strip()
    for (boundaries, code), name in places.misspelt.items():
        if fold_chars(name) == key:
            return places.registry.get(boundaries, "district", code)
    return None


def note_for(printed: str, unit: Any) -> str:
    """The review note of a row placed through a misspelt name."""
    return (f"place printed '{printed}', read as the official '{unit.full_name}' (one letter "
            f"off; the only such district of its province)")
