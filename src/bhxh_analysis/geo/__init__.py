"""Administrative geography of Vietnam across the reform of 1 July 2025.

On 1 July 2025 the 63 provinces became 34 and the district level was abolished;
Hà Tây had joined Hà Nội on 1 August 2008. Every figure says which boundary set its
place belongs to (``legacy`` or ``2025``) and this package converts between them.

Rooms:

``unit``
    what the geography hands out: ``Unit``, ``Change`` (a step of a unit's history)
    and the errors;
``names``
    match keys, administrative prefixes, aliases, query parsing;
``admin``
    readers of the three administrative lists (each returns ``(frame, rejects)``);
``reform``
    the legacy → 2025 province mapping, its overrides and contradictions;
``dated``
    the name a unit bore on a date (Thừa Thiên Huế until 2024, then Huế);
``registry``
    the units of both boundary sets, their history, name resolution;
``rollup``
    roll-ups of communes, districts and legacy provinces to provinces.

See ``docs/geography.md``.

Examples
--------
>>> from bhxh_analysis import geo
>>> reg = geo.get_registry()
>>> reg.resolve("Tiền Giang").province_2025_name
'Đồng Tháp'
"""

from __future__ import annotations

from ..schema import BOUNDARIES, LEVELS
from .admin import CONVERSION_FILE, LEGACY_FILE, PROVINCES_2025_FILE
from .dated import FORMER_NAMES, former_names, name_on
from .names import exact_key, fold_key
from .reform import PROVINCE_TABLE_COLUMNS
from .registry import (
    UNIT_COLUMNS,
    Registry,
    find_conversion_contradictions,
    get_registry,
    province_conversion,
)
from .rollup import AGGREGATE_COLUMNS, aggregate, aggregate_to_2025
from .unit import AmbiguousPlaceError, Change, GeoError, Unit, UnknownPlaceError

__all__ = [
    "AGGREGATE_COLUMNS",
    "BOUNDARIES",
    "CONVERSION_FILE",
    "FORMER_NAMES",
    "LEGACY_FILE",
    "LEVELS",
    "PROVINCE_TABLE_COLUMNS",
    "PROVINCES_2025_FILE",
    "UNIT_COLUMNS",
    "AmbiguousPlaceError",
    "Change",
    "GeoError",
    "Registry",
    "Unit",
    "UnknownPlaceError",
    "aggregate",
    "aggregate_to_2025",
    "exact_key",
    "find_conversion_contradictions",
    "fold_key",
    "former_names",
    "get_registry",
    "name_on",
    "province_conversion",
]
