"""Resolve the places of a researcher's file in the boundaries each row implies.

The place half of ``bhxh data check`` (:mod:`bhxh_analysis.usercheck` holds the rest:
reading, values, dates, plausibility, the result). It is its own module because the
rules of the 2025 reform and the reasons they give a researcher are one subject, and the
checker needs only :func:`resolve_places` from it.

Boundaries (the project rule of :mod:`bhxh_analysis.observations`): a row dated before
2025-07-01 (``observations.REFORM_DATE``) names a place in the legacy boundaries (63
provinces, districts, communes), a row dated on or after it in the 2025 boundaries (34
provinces, communes, no districts). A non-empty ``boundaries`` cell (``legacy`` or
``2025``) overrides the date for its row, e.g. a late-2025 figure published for an old
province, or a back-cast series on the new provinces. A row whose date cannot be read
resolves with the registry's default preference (it is rejected for its date anyway).

Names are never silently moved across the reform; such rows are rejected (column
``geo_name``), because a figure for a pre-merger unit is not a figure for the unit that
now carries a similar name, and guessing would corrupt the derived ratios:

- a 2025-boundaries row naming a unit that exists only in the legacy boundaries (a
  district, a merged province such as "Đắk Nông", a merged commune): the reason names the
  legacy unit, the 2025 province it became (and, for districts and communes, the 2025
  communes of the official conversion table) and says how to keep it (``boundaries`` =
  ``legacy``);
- a 2025-boundaries row whose name matches a 2025 unit *smaller* than the legacy unit of
  that name ("Kon Tum": the legacy province, and since 2025 a ward of Quảng Ngãi; "Đức
  Trọng": the legacy district and a 2025 commune): ambiguous across the reform; writing
  the prefixed 2025 name ("Phường Kon Tum") selects the ward;
- a legacy-boundaries row naming a unit that exists only since the reform;
- a unit that had ceased before the row's date (Hà Tây after 2008-08-01): refused by
  :mod:`bhxh_analysis.usercheck` from the ``valid_to`` this module returns.

Each distinct (name, parent, boundaries) is resolved once (a 2025 key also once in the
legacy boundaries, for the checks above); rows are then joined back, never looped over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .schema import LEVEL_RANK

__all__ = ["Geo", "Resolver", "default_geo", "geo_from_resolver", "resolve_places"]

#: ``resolver(name, parent, boundaries) -> Unit``; ``boundaries`` is ``legacy``, ``2025``
#: or ``None`` (the registry's default preference).
Resolver = Callable[[str, str | None, str | None], Any]


@dataclass(frozen=True)
class Geo:
    """What the checker needs from a geography: resolve, describe, 2025 successors.

    A small seam instead of the registry itself, so that tests (and callers with their
    own list of places) can check a file with a bare resolver.

    Attributes
    ----------
    resolve : Resolver
        ``resolve(name, parent, boundaries) -> Unit``; raises an error with
        ``suggestions`` (unknown place) or ``candidates`` (ambiguous place).
    describe : callable
        A unit's label in a rejection reason.
    successors : callable
        The 2025 units that received a legacy district or commune (may be empty).
    """

    resolve: Resolver
    describe: Callable[[Any], str]
    successors: Callable[[Any], list[Any]]


def _plain_describe(unit: Any) -> str:
    """Label of a unit without a registry: "Tỉnh Kon Tum (legacy province 62)"."""
    name = getattr(unit, "full_name", None) or getattr(unit, "name", str(unit))
    return (f"{name} ({getattr(unit, 'boundaries', '')} {getattr(unit, 'level', '')} "
            f"{getattr(unit, 'code', '')})")


def geo_from_resolver(resolver: Resolver) -> Geo:
    """Wrap a bare resolver as a :class:`Geo`: plain labels, no commune-level successors.

    Parameters
    ----------
    resolver : Resolver
        As ``resolver=`` of :func:`bhxh_analysis.usercheck.check_file`.

    Returns
    -------
    Geo
    """
    return Geo(resolver, _plain_describe, lambda unit: [])


def default_geo() -> Geo:
    """Return the geography registry (:mod:`bhxh_analysis.geo`) as a :class:`Geo`.

    The registry's conversion table names the 2025 communes that received a legacy
    district or commune, so a rejection can tell the researcher where the place went.

    Returns
    -------
    Geo
    """
    from .geo import get_registry

    registry = get_registry()

    def resolve(name: str, parent: str | None, boundaries: str | None) -> Any:
        return registry.resolve(name, parent=parent, boundaries=boundaries)

    def successors(unit: Any) -> list[Any]:
        # Provinces are named through province_2025_name; the conversion table gives
        # the 2025 communes that received a legacy district or commune.
        if unit.boundaries != "legacy" or unit.level not in ("district", "commune"):
            return []
        return [new for new, _note in registry.convert(unit)]

    return Geo(resolve, registry.describe, successors)


def _names(items: Any) -> str:
    """Readable list of suggestions/candidates (strings or Unit objects)."""
    out = []
    for it in list(items or [])[:5]:
        if isinstance(it, str):
            out.append(it)
        elif isinstance(it, tuple | list) and it:
            out.append(str(it[0]))
        else:
            name = getattr(it, "full_name", None) or getattr(it, "name", None) or str(it)
            code = getattr(it, "code", None)
            out.append(f"{name} ({code})" if code else str(name))
    return ", ".join(out)


def _error_text(exc: Exception) -> str:
    """The reason for a failed resolution (geo's UnknownPlace/AmbiguousPlace errors)."""
    cands = getattr(exc, "candidates", None)
    if cands is not None:
        return f"ambiguous place: {_names(cands)}; add a 'parent' column to choose"
    sugg = getattr(exc, "suggestions", None)
    return "unknown place" + (f"; did you mean {_names(sugg)}?" if sugg else "")


class _Attempts:
    """Memoised resolutions: ``(unit, None)`` or ``(None, error)`` per distinct query, so
    a 2025 key's legacy look-up is shared with the legacy rows of the same name."""

    def __init__(self, geo: Geo) -> None:
        self.geo = geo
        self._memo: dict[tuple[str, str | None, str | None], tuple[Any, Exception | None]] = {}

    def __call__(self, name: str, parent: str | None,
                 boundaries: str | None) -> tuple[Any, Exception | None]:
        key = (name, parent, boundaries)
        if key not in self._memo:
            try:
                self._memo[key] = self.geo.resolve(name, parent, boundaries), None
            except Exception as exc:  # geo raises UnknownPlace/AmbiguousPlace errors
                self._memo[key] = None, exc
        return self._memo[key]


def _why(boundaries: str, basis: str) -> str:
    """Why a row is read in ``boundaries``: its date or its ``boundaries`` cell."""
    if basis == "column":
        return f"its 'boundaries' column says {boundaries}"
    return ("it is dated on or after 2025-07-01" if boundaries == "2025"
            else "it is dated before 2025-07-01")


def _list_units(units: list[Any], limit: int = 3) -> str:
    shown = ", ".join(f"{getattr(u, 'full_name', u)} ({getattr(u, 'code', '')})"
                      for u in units[:limit])
    return shown + (f" and {len(units) - limit} more" if len(units) > limit else "")


def _legacy_in_2025(geo: Geo, unit: Any, basis: str) -> str:
    """Reason for a 2025-boundaries row naming a unit that exists only in legacy."""
    prov = getattr(unit, "province_2025_name", "") or "?"
    level = getattr(unit, "level", "")
    if getattr(unit, "valid_to", None):  # ceased before the reform (Hà Tây, a district)
        fate = f"had ceased on {unit.valid_to}; its area is in the 2025 province {prov}"
    elif level == "province":
        fate = f"was merged into the 2025 province {prov} on 2025-07-01"
    elif level == "district":
        fate = f"was abolished on 2025-07-01 (no districts since); its area is in the 2025 province {prov}"
    else:
        fate = f"is in the 2025 province {prov}"
    succ = geo.successors(unit) if level in ("district", "commune") else []
    if succ:
        fate += f"; its communes went to {_list_units(succ)}" if level == "district" else (
            f", merged into {_list_units(succ)}")
    example = (getattr(succ[0], "full_name", prov) if level == "commune" and len(succ) == 1
               else prov)
    return (f"legacy place in a 2025-boundaries row ({_why('2025', basis)}): "
            f"{geo.describe(unit)} {fate}; name the 2025 unit (e.g. {example}), or set the "
            "row's 'boundaries' column to 'legacy' to keep the old boundaries")


def _resolve_key(attempt: _Attempts, name: str, parent: str | None,
                 boundaries: str | None, basis: str) -> tuple[Any, str]:
    """Resolve one distinct place in the boundaries its row implies.

    Returns ``(unit, "")`` or ``(None, reason)``. A 2025-boundaries row is also looked
    up in the legacy boundaries, so that a legacy-only name ("Đắk Nông", a district) is
    refused with its 2025 province, and a name that is a legacy unit of a higher level
    than the 2025 unit it matches ("Kon Tum": legacy province, 2025 ward) is refused as
    ambiguous instead of silently becoming the smaller unit. A legacy-boundaries row
    naming a unit that exists only since the reform is refused likewise.
    """
    if not name:
        return None, "missing place name"
    geo = attempt.geo
    unit, err = attempt(name, parent, boundaries)
    if boundaries is None:
        return (unit, "") if err is None else (None, _error_text(err))
    if boundaries == "legacy":
        if err is None:
            return unit, ""
        if getattr(err, "candidates", None) is not None:
            return None, _error_text(err)
        alt, _ = attempt(name, parent, "2025")
        if alt is not None:
            return None, (f"2025 place in a legacy-boundaries row ({_why('legacy', basis)}): "
                          f"{geo.describe(alt)} exists only since 2025-07-01; name the legacy "
                          "unit, or set the row's 'boundaries' column to '2025' for a figure "
                          "on the new boundaries")
        return None, _error_text(err)
    # A 2025-boundaries row: always compared with the legacy reading of the same name.
    alt, alt_err = attempt(name, parent, "legacy")
    if err is not None:
        if getattr(err, "candidates", None) is not None:
            return None, _error_text(err)
        if alt is not None:
            return None, _legacy_in_2025(geo, alt, basis)
        legacy_cands = getattr(alt_err, "candidates", None)
        if legacy_cands:
            now = "; ".join(f"{geo.describe(u)}, now in "
                            f"{getattr(u, 'province_2025_name', '') or '?'}"
                            for u in legacy_cands[:5])
            return None, (f"legacy place in a 2025-boundaries row ({_why('2025', basis)}): "
                          f"'{name}' names only legacy units ({now}); name the 2025 unit, or "
                          "set the row's 'boundaries' column to 'legacy' and add a 'parent'")
        return None, _error_text(err)
    rank = LEVEL_RANK.get(getattr(unit, "level", ""), 9)
    legacy_units = [alt] if alt is not None else list(getattr(alt_err, "candidates", None) or [])
    higher = [u for u in legacy_units if LEVEL_RANK.get(getattr(u, "level", ""), 9) < rank]
    if higher:
        old = "; ".join(f"{geo.describe(u)}, now in "
                        f"{getattr(u, 'province_2025_name', '') or '?'}" for u in higher[:3])
        full = getattr(unit, "full_name", None) or getattr(unit, "name", name)
        return None, (f"ambiguous across the 2025 reform: in a 2025-boundaries row "
                      f"({_why('2025', basis)}) '{name}' reads as {geo.describe(unit)}, but "
                      f"it also names the legacy {getattr(higher[0], 'level', 'unit')} "
                      f"{old}; write '{full}' for the 2025 unit, name the 2025 province "
                      f"({getattr(higher[0], 'province_2025_name', '') or '?'}) for the "
                      "merged area, or set the row's 'boundaries' column to 'legacy'")
    return unit, ""


_GEO_COLUMNS = ("geo_code", "geo_name_official", "geo_level", "boundaries", "province_2025",
                "province_code", "valid_to")


def resolve_places(keys: pd.DataFrame, geo: Geo) -> pd.DataFrame:
    """Resolve each distinct (geo_name, parent, boundaries, basis) once.

    Parameters
    ----------
    keys : DataFrame
        Columns ``geo_name, parent, _boundaries`` (``legacy``, ``2025`` or ``""`` when
        the row's date is unreadable: the registry's default preference then applies)
        and ``_basis`` (``date``, ``column`` or ``""``), one row per file row.
    geo : Geo

    Returns
    -------
    DataFrame
        Aligned with ``keys``: the geo columns of the resolved unit and ``_error``.
    """
    cols = ["geo_name", "parent", "_boundaries", "_basis"]
    uniq = keys[cols].drop_duplicates()
    rows = []
    attempt = _Attempts(geo)
    for name, parent, bnd, basis in uniq.itertuples(index=False):  # distinct places only
        unit, error = _resolve_key(attempt, name, parent or None, bnd or None, basis)
        rec: dict[str, Any] = {"geo_name": name, "parent": parent, "_boundaries": bnd,
                               "_basis": basis, "_error": error}
        if unit is not None:
            rec.update(
                geo_code=str(unit.code), geo_name_official=str(unit.name),
                geo_level=str(unit.level), boundaries=str(unit.boundaries),
                province_2025=str(getattr(unit, "province_2025_name", "") or ""),
                province_code=str(getattr(unit, "province_code", "") or ""),
                valid_to=str(getattr(unit, "valid_to", "") or ""),
            )
        rows.append(rec)
    res = pd.DataFrame(rows)
    for col in _GEO_COLUMNS:
        if col not in res:
            res[col] = ""
        res[col] = res[col].fillna("").astype("str")
    out = keys[cols].merge(res, on=cols, how="left", validate="m:1")
    out.index = keys.index
    return out
