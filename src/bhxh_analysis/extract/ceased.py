"""A figure dated after its place ceased: never filed under the ceased unit.

Thành phố Ninh Bình merged into Thành phố Hoa Lư on 1/1/2025 (Nghị quyết
1318/NQ-UBTVQH15), Hà Tây into Hà Nội on 1/8/2008, and every district was abolished on
1/7/2025 (:data:`~bhxh_analysis.schema.REFORM_DATE`). A figure dated on or after such an
end cannot be that unit's (``bhxh data check`` refuses a row of a unit past its
``valid_to``). Its successor is not the same place either (Hoa Lư is more than the
former city), so the figure goes to the province of the same name only when the
sentence supports that reading (it prints the name bare or as "tỉnh …", never with a
district's kind); otherwise its place is left unresolved with a note saying why.
Split from :mod:`bhxh_analysis.extract.frame`, which calls :func:`after_end`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pandas as pd

from ..geo import GeoError
from ..schema import REFORM_DATE
from .former import FORMER_AFTER
from .places import fold_chars

__all__ = ["after_end", "ended_on"]

#: A district's or city's kind printed before a name ("thành phố Ninh Bình", "TP. Hà
#: Tĩnh", "huyện Đức Trọng"): the sentence names the district, not the province.
_DISTRICT_KIND = re.compile(r"(?:thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|tx\.?)\s*$")


def ended_on(unit: Any, as_of: _dt.date | None, plan: bool = False) -> str | None:
    """The ISO day ``unit`` ended if a figure dated ``as_of`` comes on or after it.

    A unit that ceased before 2025 ends on its ``valid_to``; a legacy district on
    :data:`~bhxh_analysis.schema.REFORM_DATE` (districts were abolished), except for a
    ``plan``: a district's target for 2025 set before the reform is dated by its horizon
    (31/12/2025) and read in the legacy boundaries, as a merged province's is
    (``bhxh data check`` accepts it there). ``None`` when the unit still existed on
    ``as_of`` or the figure has no date.

    Examples
    --------
    >>> import datetime as dt
    >>> from bhxh_analysis.geo import get_registry
    >>> reg = get_registry()
    >>> ended_on(reg.resolve("Hà Tây"), dt.date(2010, 12, 31))
    '2008-08-01'
    >>> ended_on(reg.resolve("Hà Tây"), dt.date(2007, 12, 31)) is None
    True
    >>> ended_on(reg.resolve("Đức Trọng"), dt.date(2025, 9, 30)) == REFORM_DATE.date().isoformat()
    True
    """
    if unit is None or isinstance(unit, str) or as_of is None:
        return None
    if unit.valid_to and pd.Timestamp(as_of) >= pd.Timestamp(unit.valid_to):
        return str(unit.valid_to)
    if unit.level == "district" and unit.boundaries == "legacy" and not plan \
            and pd.Timestamp(as_of) >= REFORM_DATE:
        return REFORM_DATE.date().isoformat()
    return None


def _province_reading(registry: Any, unit: Any, as_of: _dt.date, sentence: str) -> Any:
    """The province of the ceased unit's name, when the sentence reads as the province's.

    Every mention of the name in ``sentence`` must be bare or "tỉnh …" (none after a
    district's kind), and the province must exist on ``as_of``.
    """
    name = fold_chars(unit.name)
    folded = fold_chars(sentence)
    spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", folded)]
    if not spots or any(_DISTRICT_KIND.search(folded[max(0, s - 12):s]) for s in spots):
        return None
    bnd = "2025" if pd.Timestamp(as_of) >= REFORM_DATE else "legacy"
    try:
        prov = registry.resolve(unit.name, level="province", boundaries=bnd)
    except GeoError:
        return None
    if prov.code == unit.code and prov.level == unit.level or ended_on(prov, as_of):
        return None  # Hà Tây is its own namesake: it has ceased too
    return prov




def _named_former(unit: Any, sentence: str) -> bool:
    """Whether ``sentence`` names the district ``unit`` as a former unit ("các xã thuộc
    huyện Tiền Hải trước đây", blind set 21): the writer means the legacy district's
    ground, so a figure dated after the reform is still filed under it (a legacy unit
    that no ``valid_to`` ended; ``bhxh data check`` accepts it)."""
    if unit.level != "district" or unit.valid_to:
        return False
    # "huyện Tiền Hải trước đây", "huyện A cũ", "(cũ)": the words `former` reads after a
    # former unit, matched in the printed sentence (folding keeps offsets)
    name, folded = fold_chars(unit.name), fold_chars(sentence)
    return any(FORMER_AFTER.match(sentence, m.end()) for m in re.finditer(
        rf"(?<!\w){re.escape(name)}(?!\w)", folded))


def _why(registry: Any, unit: Any, end: str, as_of: _dt.date) -> str:
    """The note of a figure left unresolved: which unit ended, when, into what."""
    into = ""
    if unit.valid_to and unit.successor_code:
        try:
            into = f", merged into {registry.get(unit.boundaries, unit.level, unit.successor_code).full_name}"
        except GeoError:
            into = ""
    elif not unit.valid_to:
        into = ", districts abolished"
    return (f"{unit.full_name} ceased on {end}{into}: a figure dated {as_of.isoformat()} "
            "cannot be of it; place left unresolved")


def after_end(registry: Any, unit: Any, as_of: _dt.date | None, sentence: str,
              plan: bool = False) -> tuple[Any, str]:
    """The place of a figure whose unit may have ceased by the figure's date.

    Parameters
    ----------
    registry : bhxh_analysis.geo.Registry
    unit : Unit, str or None
        The place read for the figure (a string: a listed place the registry does not
        know).
    as_of : datetime.date or None
    sentence : str
        The sentence the figure was read in.
    plan : bool
        Whether the figure is a plan (see :func:`ended_on`).

    Returns
    -------
    tuple
        ``(place, note)``: ``unit`` and ``""`` when it still existed; a district the
        sentence names as a former unit ("huyện A trước đây") and a note; the province of
        the same name when the sentence reads so; else the unit's full name as printed
        text (unresolved) and a note naming the end.

    Examples
    --------
    >>> import datetime as dt
    >>> from bhxh_analysis.geo import get_registry
    >>> reg = get_registry()
    >>> city = reg.get("legacy", "district", "369")
    >>> place, note = after_end(reg, city, dt.date(2025, 3, 31), "thành phố Ninh Bình có …")
    >>> place, note.split(":")[0]
    ('Thành phố Ninh Bình', 'Thành phố Ninh Bình ceased on 2025-01-01, merged into Thành phố Hoa Lư')
    >>> after_end(reg, city, dt.date(2025, 3, 31), "Ninh Bình có …")[0].full_name
    'Tỉnh Ninh Bình'
    >>> after_end(reg, city, dt.date(2024, 9, 30), "thành phố Ninh Bình có …")[0].code
    '369'
    """
    end = ended_on(unit, as_of, plan)
    if end is None or as_of is None:
        return unit, ""
    if _named_former(unit, sentence):
        return unit, (f"{unit.full_name} named as a former unit: its ground, filed in the "
                      "legacy boundaries")
    prov = _province_reading(registry, unit, as_of, sentence)
    if prov is not None:
        return prov, ""
    return unit.full_name, _why(registry, unit, end, as_of)
