"""Which area a legacy province's figure counts, from the one list of boundary changes.

A GSO series follows the boundaries of each year, so a legacy province's figure dated
before one of its own boundary changes (:data:`~bhxh_analysis.geo.reform.BOUNDARY_CHANGES`:
Đắk Lắk with Đắk Nông before 2004, Hà Nội without Hà Tây before 1 August 2008) counts
another area than the province had at the 2025 reform. Reports label such figures by
period, and a figure whose area reached into another 2025 province is not summed as that
province's part of a 2025 province.
"""

from __future__ import annotations

import pandas as pd

from .reform import BOUNDARY_CHANGES
from .registry import Registry

#: Kinds of change that alter the province's own area (``created``: the new province's
#: figures before its creation, where any, are back-casts on its later area).
OWN_AREA_KINDS = ("split", "gained", "lost")

#: A date printed as a year alone ("2008", "Prel. 2016"): a figure of the whole year.
_YEAR_ONLY = r"(?:Prel\. )?\d{4}"


def area_dates(df: pd.DataFrame) -> pd.Series:
    """Return the day whose boundaries each figure follows.

    A figure's ``as_of``, except a figure of a whole year (``as_of_raw`` a year alone:
    GSO's yearly averages, dated 1 July): the last day of its year. GSO compiles a
    year's figures on the boundaries the province has at the year's end, as its own
    export shows: Hà Nội's 2008 average population (6,381.8 thousand) already exceeds
    Hà Nội and Hà Tây together in 2007 (3,228.5 + 2,773.7), and Vĩnh Phúc's falls from
    1,174.1 to 993.8 thousand without Mê Linh, although the change took effect on
    1 August 2008, after the 1 July the figures are dated.

    Examples
    --------
    >>> df = pd.DataFrame({"as_of": pd.to_datetime(["2008-07-01", "2008-07-01"]),
    ...                    "as_of_raw": ["2008", "1/7/2008"]})
    >>> [str(d.date()) for d in area_dates(df)]
    ['2008-12-31', '2008-07-01']
    """
    as_of = pd.to_datetime(df["as_of"])
    raw = df["as_of_raw"] if "as_of_raw" in df else pd.Series("", index=df.index)
    whole_year = raw.astype("string").str.strip().str.fullmatch(_YEAR_ONLY).fillna(False)
    year_end = pd.to_datetime(as_of.dt.year.astype("Int64").astype("string") + "-12-31",
                              errors="coerce")
    return as_of.where(~whole_year.to_numpy(dtype=bool), year_end)


def area_changes(reg: Registry, code: str) -> list[dict[str, object]]:
    """The changes of legacy province ``code``'s own area, oldest first.

    Each is ``{"date": Timestamp, "external": bool}``; ``external`` when area moved
    between ``code`` and a province of another 2025 province (Đắk Nông from Đắk Lắk:
    2025 Lâm Đồng and Đắk Lắk; Mê Linh from Vĩnh Phúc into Hà Nội), so that a figure
    before it is not the 2025 part; not when the area stayed inside the same 2025
    province (Hậu Giang from Cần Thơ, both in 2025 Cần Thơ), nor for a gain (the earlier
    figure is a smaller area inside the 2025 province: Hà Nội before 1/8/2008, summed
    with Hà Tây).

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> reg = get_registry()
    >>> [(str(c["date"].date()), c["external"]) for c in area_changes(reg, "66")]
    [('2004-01-01', True)]
    >>> [c["external"] for c in area_changes(reg, "92")], area_changes(reg, "68")
    ([False], [])
    """
    unit = reg.get("legacy", "province", str(code))
    provs = reg.units("legacy", "province", include_defunct=True)
    to25_of = {**provs.set_index("geo_name")["province_2025_code"].astype(str).to_dict(),
               **provs.set_index("geo_code")["province_2025_code"].astype(str).to_dict()}
    out = []
    for c in sorted(BOUNDARY_CHANGES, key=lambda c: c["date"]):
        if c["geo_code"] != str(code) or c["kind"] not in OWN_AREA_KINDS:
            continue
        if c["kind"] == "split":
            others = [c["part"]]
        elif c["kind"] == "lost":
            others = [c["to"]]
        else:
            # gained: the earlier figure is a smaller area, inside the 2025 province, and
            # is summed with the provinces that joined it (Hà Tây's figures count toward
            # Hà Nội; the page says the sum is of Hà Nội and Hà Tây — Mê Linh and 4
            # communes of Lương Sơn, about 3 % of the people, were then counted in
            # Vĩnh Phúc and Hoà Bình, whose earlier figures are not summed anywhere)
            others = []
        to25 = {to25_of[o] for o in others}
        out.append({"date": pd.Timestamp(c["date"]),
                    "external": bool(to25 - {str(unit.province_2025_code)})})
    return out


def other_area(reg: Registry, rows: pd.DataFrame, external_only: bool = False) -> pd.Series:
    """For each legacy province row, the first own-area change after its area date
    (:func:`area_dates`), else ``NaT`` (other rows: ``NaT``).

    With ``external_only`` only changes that moved area to or from another 2025
    province count (:func:`area_changes`).

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> rows = pd.DataFrame({"geo_level": "province", "boundaries": "legacy",
    ...     "geo_code": ["66", "66", "92"],
    ...     "as_of": pd.to_datetime(["2003-07-01", "2004-07-01", "2003-07-01"]),
    ...     "as_of_raw": ["2003", "2004", "2003"]})
    >>> other_area(get_registry(), rows).dt.strftime("%Y-%m-%d").fillna("-").tolist()
    ['2004-01-01', '-', '2004-01-01']
    >>> other_area(get_registry(), rows, external_only=True).isna().tolist()
    [False, True, True]
    """
    out = pd.Series(pd.NaT, index=rows.index, dtype="datetime64[ns]")
    prov = (rows["geo_level"].astype(str).eq("province")
            & rows["boundaries"].astype(str).eq("legacy")).to_numpy(dtype=bool)
    if not prov.any():
        return out
    sub = rows[prov]
    dates = area_dates(sub)
    known = set(reg.units("legacy", "province", include_defunct=True)["geo_code"].astype(str))
    changes = {c: [ch["date"] for ch in area_changes(reg, c)
                   if ch["external"] or not external_only] if c in known else []
               for c in sub["geo_code"].astype(str).unique()}  # (a relabelled row: none)
    firsts = [next((d for d in changes[c] if pd.isna(w) or w < d), pd.NaT)
              for c, w in zip(sub["geo_code"].astype(str), dates, strict=True)]
    values = out.to_numpy(copy=True)
    values[prov] = pd.to_datetime(pd.Series(firsts, dtype="datetime64[ns]")).to_numpy()
    return pd.Series(values, index=rows.index, dtype="datetime64[ns]")
