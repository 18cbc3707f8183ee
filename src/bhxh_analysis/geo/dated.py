"""The name a unit bore on a date: a renamed unit keeps its code and area, not its name.

The registry names every unit as the GSO list of 2025-01-04 does. A unit renamed
before that list (Tỉnh Thừa Thiên Huế became the centrally-run city Huế on
1 January 2025, Nghị quyết 175/2024/QH15) bore another name on the dates of its older
figures; a report names each figure with the name of its date (:func:`name_on`), and
resolution still reads the old name (``names.ALIASES``: "Thừa Thiên Huế" → Huế).
See ``docs/geography.md``.
"""

from __future__ import annotations

import pandas as pd

from .unit import Unit

__all__ = ["FORMER_NAMES", "former_names", "name_on"]

#: Names units bore before the registry's, each until ``valid_to`` (the first day of the
#: next name), by ``basis``. ``level`` and ``code`` name the unit in every boundary set
#: that holds it with the same area (Huế kept its territory on 1 July 2025).
FORMER_NAMES: list[dict[str, str]] = [
    {"level": "province", "code": "46", "name": "Thừa Thiên Huế",
     "full_name": "Tỉnh Thừa Thiên Huế", "valid_to": "2025-01-01",
     "basis": "Nghị quyết 175/2024/QH15"},
]


def former_names(unit: Unit) -> list[dict[str, str]]:
    """Return the names ``unit`` bore before its registry name, oldest first.

    Parameters
    ----------
    unit : Unit
        Any unit (the nation and units never renamed: an empty list).

    Returns
    -------
    list of dict
        Entries of :data:`FORMER_NAMES` (``name``, ``full_name``, ``valid_to``, ``basis``).

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> [(n["name"], n["valid_to"]) for n in former_names(get_registry().resolve("Huế"))]
    [('Thừa Thiên Huế', '2025-01-01')]
    >>> former_names(get_registry().resolve("Kon Tum"))
    []
    """
    return sorted((n for n in FORMER_NAMES
                   if (n["level"], n["code"]) == (unit.level, str(unit.code))),
                  key=lambda n: n["valid_to"])


def name_on(unit: Unit, when: object, full: bool = False) -> str:
    """Return the name ``unit`` bore on ``when`` (its full name when ``full``).

    A date before a former name's ``valid_to`` gets that name; any later date, or a
    missing one (``NaT``: no date to read a former name by), the registry's.

    Parameters
    ----------
    unit : Unit
    when : date-like
    full : bool
        The name with its kind ("Tỉnh Thừa Thiên Huế") instead of the bare name.

    Returns
    -------
    str

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> hue = get_registry().resolve("Thừa Thiên Huế")
    >>> name_on(hue, "2024-12-31"), name_on(hue, "2025-01-01", full=True)
    ('Thừa Thiên Huế', 'Thành phố Huế')
    >>> name_on(hue, "2020-07-01", full=True)
    'Tỉnh Thừa Thiên Huế'
    """
    day = pd.Timestamp(when) if when is not None else pd.NaT
    if not pd.isna(day):
        for former in former_names(unit):
            if day < pd.Timestamp(former["valid_to"]):
                return former["full_name" if full else "name"]
    return unit.full_name if full else unit.name
