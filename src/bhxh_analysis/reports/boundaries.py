"""Sentences about a page's boundaries: which set, what merged, what was renamed.

Said from the registry and the page's own rows, in the catalogue's words: the boundary
set a page uses and what the 2025 reform made of the place, a former province or
district and where its figures went, a renaming (Thừa Thiên Huế → Huế), the changes of
a legacy province's area (``geo.reform.BOUNDARY_CHANGES``), and the legacy parts of a
2025 province whose figures are sums. Split from :mod:`.words`, which holds the other
sentences of a page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from .. import geo, i18n
from .data import legacy_parts, legacy_provinces, renamed_title

if TYPE_CHECKING:
    from .province import ProvinceReport

def boundary_sentences(rpt: ProvinceReport) -> list[str]:
    """Return the boundary note: which set is used and how the province maps across reforms."""
    t, u = rpt.t, rpt.unit
    if getattr(u, "valid_to", None):
        date = i18n.fmt_date(u.valid_to, rpt.lang)
        # Hà Tây: not one of the 63 provinces the legacy set counts (it ceased in 2008)
        return [t("bnd_legacy_first_defunct", name=u.name, date=date),
                t("bnd_defunct", name=u.name, new=u.province_2025_name, date=date)]
    parts = [p for p in legacy_parts(u) if not _defunct(p)]
    out: list[str]
    if rpt.boundaries == "legacy":
        others = _merged_with(u)
        if u.province_2025_name == u.name and not others:
            out = [t("bnd_legacy_first"), t("bnd_legacy_same", name=u.name, **_kind_2025(u))]
        elif others:
            # the legacy province that gave the new one its name is "Quảng Ngãi (cũ)"
            named = [t("bnd_former", name=p) if p == u.province_2025_name else p
                     for p in others]
            out = [t("bnd_legacy_first"), t("bnd_legacy_merged", name=u.name,
                                            new=u.province_2025_name,
                                            others=_and_list(named, rpt.lang), **_kind_2025(u))]
        else:
            out = [t("bnd_legacy_first"), t("bnd_legacy_merged_alone", name=u.name,
                                            new=u.province_2025_name)]
    elif len(parts) == 1:  # one legacy province (Huế, Cao Bằng): its figures, no sums
        part = parts[0]
        if part == u.name:  # the same unit in the legacy set, with its former names
            from ..geo import get_registry

            part = renamed_title(get_registry().get("legacy", "province", u.code), rpt.lang)
        gone = _defunct_parts(u)
        if gone:  # Hà Nội: sums of Hà Nội and Hà Tây before 1/8/2008, not "its own";
            # from then (GSO's 2008 average, dated 1/7/2008, already) Hà Nội's own whole
            first = min(g["valid_to"] for g in gone)
            out = [t("bnd_2025_same_before", name=u.name, part=part,
                     formers=", ".join(g["name"] for g in gone),
                     date=i18n.fmt_date(first, rpt.lang), year=pd.Timestamp(first).year),
                   t("bnd_2025_sum")]
        else:
            out = [t("bnd_2025_same", name=u.name, part=part)]
    else:
        out = [t("bnd_2025_first", name=u.name, parts=", ".join(parts), **_kind_2025(u)),
               t("bnd_2025_sum")]
    out += _renamed_sentences(rpt) + _change_sentences(rpt) + _merged_district_sentences(rpt)
    # a former province whose merger a change sentence already tells (Hà Nội's legacy
    # page: "1/8/2008, Hà Nội ... took in Hà Tây") is not told again by bnd_defunct
    told = {(pd.Timestamp(c["date"]), n) for _, c in _changes(rpt) if c["kind"] == "gained"
            for n in _names_in(c.get("part", ""))}
    for former in _defunct_parts(u):
        if rpt.boundaries == "2025" and len(parts) == 1:
            continue  # bnd_2025_same_before named it and its date already
        if (pd.Timestamp(former["valid_to"]), former["name"]) in told:
            continue
        out.append(t("bnd_defunct", name=former["name"], new=u.province_2025_name
                     if rpt.boundaries == "2025" else u.name,
                     date=i18n.fmt_date(former["valid_to"], rpt.lang)))
    return out


def _merged_with(unit) -> list[str]:
    """The other legacy provinces (still existing before 2025) of ``unit``'s 2025 province."""
    return [p for p in legacy_parts(unit) if not _defunct(p) and p != unit.name]


def former_area_sentences(rpt: ProvinceReport) -> list[str]:
    """Say that a forecast to 31 December 2025 or later of a legacy province merged on
    1 July 2025 is of an area no longer published on its own.

    The legacy report forecasts the former area's series; from 1 July 2025 its figures
    are published for the new province, so the reader is pointed to that report.
    """
    u = rpt.unit
    if rpt.boundaries != "legacy" or getattr(u, "valid_to", None) or rpt.year is None \
            or int(rpt.year) < 2025:
        return []
    if u.province_2025_name == u.name and not _merged_with(u):
        return []
    return [rpt.t("forecast_former_area", name=u.name, new=u.province_2025_name,
                  year=int(rpt.year), **_kind_2025(u))]


def _kind_2025(unit) -> dict[str, str]:
    """``kind``/``Kind``: the kind word of ``unit``'s 2025 province as a Vietnamese
    sentence writes it ("thành phố Hồ Chí Minh", "tỉnh Quảng Ngãi"): Hồ Chí Minh, Hà
    Nội and Huế are cities, never "tỉnh Hồ Chí Minh"."""
    from ..geo import get_registry

    try:
        kind = str(get_registry().get("2025", "province", unit.province_2025_code).kind)
    except (ValueError, LookupError):  # geo.UnknownPlaceError is a ValueError
        kind = "Tỉnh"
    kind = kind if kind in ("Tỉnh", "Thành phố") else "Tỉnh"
    return {"kind": kind.lower(), "Kind": kind}


def _and_list(items: list[str], lang: str) -> str:
    """``a, b and c`` in ``lang`` ("Bình Dương and the former Hồ Chí Minh", not
    "Bình Dương, the former Hồ Chí Minh", which reads as one place named twice)."""
    if len(items) < 2:
        return ", ".join(items)
    return i18n.t("list_and", lang, first=", ".join(items[:-1]), last=items[-1])


def _renamed_sentences(rpt: ProvinceReport) -> list[str]:
    """Say when the page's place was renamed (``geo.former_names``: Tỉnh Thừa Thiên Huế
    became Thành phố Huế on 1/1/2025) and which name its figures carry."""

    u, out = rpt.unit, []
    for former in geo.former_names(u):
        full = geo.name_on(u, former["valid_to"], full=True)
        out.append(rpt.t(
            "bnd_renamed", date=i18n.fmt_date(former["valid_to"], rpt.lang),
            former=i18n.unit_full_name(former["full_name"], former["name"], rpt.lang,
                                       in_text=True),
            name=i18n.unit_full_name(full, geo.name_on(u, former["valid_to"]), rpt.lang,
                                     in_text=True),
            basis=i18n.legal_ref(former["basis"], rpt.lang), old=former["name"],
            new=geo.name_on(u, former["valid_to"])))
    return out


def _changes(rpt: ProvinceReport) -> list[tuple[str, dict[str, str]]]:
    """Earlier splits and transfers of the province (or of its legacy parts), each with
    the name of the province it belongs to: the one collection the change sentences and
    the former-province sentences both read (``geo.reform.boundary_changes``)."""
    from ..geo.reform import boundary_changes

    u = rpt.unit
    if rpt.boundaries == "legacy":
        places = [(u.code, u.name)]
    else:
        units = geo.get_registry().units("legacy", "province")
        codes = dict(zip(units["geo_name"], units["geo_code"], strict=True))
        places = [(codes[p], p) for p in legacy_parts(u) if p in codes]
    return [(name, c) for code, name in places for c in boundary_changes(code)]


def _names_in(part: str) -> set[str]:
    """The place names a change's ``part`` lists ("Hà Tây, Mê Linh (Vĩnh Phúc)" →
    {"Hà Tây", "Mê Linh"})."""
    return {re.sub(r"\s*\(.*?\)", "", p).strip() for p in part.split(",")}


def _change_sentences(rpt: ProvinceReport) -> list[str]:
    """Earlier splits and transfers of the province (or of its legacy parts)."""
    out = []
    for name, c in _changes(rpt):
        part = c.get(f"part_{rpt.lang}", c.get("part", ""))  # part_en where vi differs
        out.append(rpt.t(f"bnd_change_{c['kind']}", name=name, part=part,
                         source=c.get("from", ""), dest=c.get("to", ""),
                         basis=i18n.legal_ref(c["basis"], rpt.lang),
                         date=i18n.fmt_date(c["date"], rpt.lang)))
    return out


def _merged_district_sentences(rpt: ProvinceReport) -> list[str]:
    """Districts merged before the legacy list (Thành phố Ninh Bình into Thành phố Hoa
    Lư on 1/1/2025), said on the report of their province (either boundary set) and on
    the district report of the unit itself or of its successor."""

    reg = geo.get_registry()
    gone = reg.units("legacy", "district", include_defunct=True)
    gone = gone[gone["valid_to"].notna()]
    u, own = rpt.unit, getattr(rpt, "code", None)
    out = []
    for r in gone.itertuples():
        if rpt.level == "district":
            keep = own in (r.geo_code, r.successor_code)
        else:
            keep = rpt.level == "province" and u.code == (
                r.province_2025_code if u.boundaries == "2025" else r.province_code)
        if keep:
            (change,) = reg.history(reg.get("legacy", "district", r.geo_code))
            into = change.successors[0]
            out.append(rpt.t("bnd_district_merged",
                             name=i18n.unit_full_name(r.full_name, r.geo_name, rpt.lang,
                                                      in_text=True),
                             into=i18n.unit_full_name(into.full_name, into.name, rpt.lang,
                                                      in_text=True),
                             basis=i18n.legal_ref(change.basis, rpt.lang),
                             date=i18n.fmt_date(change.date, rpt.lang)))
    return out


def _defunct_units() -> list[dict]:

    units = legacy_provinces()
    if "valid_to" not in units:
        return []
    gone = units[units["valid_to"].notna() & units["valid_to"].astype(str).ne("")
                 & units["valid_to"].astype(str).ne("None")]
    return [{"name": r["geo_name"], "valid_to": r["valid_to"],
             "province_2025_code": r["province_2025_code"]} for _, r in gone.iterrows()]


def _defunct(name: str) -> bool:
    return any(u["name"] == name for u in _defunct_units())


def _defunct_parts(unit) -> list[dict]:
    code = unit.province_2025_code
    return [u for u in _defunct_units() if str(u.get("province_2025_code")) == str(code)]
