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

__all__ = ["dashed_name"]

#: " – Tháp Chàm": a spaced en/em dash or hyphen, then up to three capitalised words.
_DASHED_TAIL = re.compile(r"[^\S\n]*[–—-][^\S\n]*(?P<tail>" + P._CAP_WORD
                          + r"(?:[^\S\n]+" + P._CAP_WORD + r"){0,2})")


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
