"""The 2025 reform: which 2025 province each legacy province went to, and why.

The mapping is derived from the official conversion table, checked against the
legacy GSO list: every row's old province is read through its old district code and
compared with the printed "Tỉnh cũ" label. Every disagreement must be explained by a
documented override in ``overrides.yml`` (notably Phường 4 of TP Tân An, labelled
"Tỉnh Tiền Giang" although it is in Long An); otherwise building the registry raises
:class:`GeoError`. Hà Tây, merged into Hà Nội on 1 August 2008, is added from history, as
are the districts merged just before the legacy list (:data:`FORMER_DISTRICTS`). See
``docs/geography.md``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .admin import CONVERSION_FILE
from .names import clean_text, parse_coded, split_kind
from .unit import GeoError

#: Columns of the legacy → 2025 province table (the unit-table naming of ``UNIT_COLUMNS``).
PROVINCE_TABLE_COLUMNS = ["geo_code", "geo_name", "geo_level", "boundaries", "province_2025_code",
                          "province_2025", "n_rows", "share", "method", "valid_to",
                          "override_note"]
OVERRIDES_FILE = Path(__file__).with_name("overrides.yml")

#: Hà Tây: not in the 2025 lists, but GSO series before 2008 report it separately.
#: Merged whole into Hà Nội by Nghị quyết 15/2008/QH12, effective 2008-08-01.
HA_TAY = {"code": "28", "name": "Hà Tây", "full_name": "Tỉnh Hà Tây", "valid_to": "2008-08-01",
          "merged_into_legacy": "01", "basis": "Nghị quyết 15/2008/QH12"}

#: Districts merged away before the GSO list of 2025-01-04 (the legacy register), kept so
#: that a figure of such a district dated before its merger is filed under it and not
#: under its province (nor refused). Each merged into ``successor_code`` on ``valid_to``
#: (first day without it) by ``basis`` of the Standing Committee of the National
#: Assembly, adopted on ``basis_date``. Thành phố Ninh Bình (GSO code 369)
#: and huyện Hoa Lư formed Thành phố Hoa Lư, which kept Hoa Lư's code 374.
FORMER_DISTRICTS: list[dict[str, str]] = [
    {"code": "369", "name": "Ninh Bình", "full_name": "Thành phố Ninh Bình", "kind": "Thành phố",
     "province_code": "37", "valid_to": "2025-01-01", "successor_code": "374",
     "basis": "Nghị quyết 1318/NQ-UBTVQH15", "basis_date": "2024-12-10"},
]


def former_basis(level: str, code: str) -> str:
    """Return the legal act that ended a unit merged before 2025 ("" if none is known).

    Examples
    --------
    >>> former_basis("province", "28"), former_basis("district", "369")
    ('Nghị quyết 15/2008/QH12', 'Nghị quyết 1318/NQ-UBTVQH15')
    """
    if (level, code) == ("province", HA_TAY["code"]):
        return HA_TAY["basis"]
    if level == "district":
        return next((d["basis"] for d in FORMER_DISTRICTS if d["code"] == code), "")
    return ""


#: Earlier changes inside the 63 legacy provinces that break a province's series (GSO
#: series keep the boundaries of each year). ``kind``: ``split`` (``part`` split off from
#: ``geo_code``, which keeps its name), ``created`` (``geo_code`` is the part split off
#: from ``from``), ``gained`` (``geo_code`` took in ``part``), ``lost`` (``part`` of
#: ``geo_code`` went to ``to``). Hà Tây's merger is :data:`HA_TAY`. ``part_en``: the part in
#: English where it has words besides names; ``short``/``short_en``: the part as a chart's
#: event label names it (``reports.trends.trend_events``), where ``part`` is too long.
BOUNDARY_CHANGES: list[dict[str, str]] = [
    {"geo_code": "66", "date": "2004-01-01", "kind": "split", "part": "Đắk Nông",
     "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "67", "date": "2004-01-01", "kind": "created", "from": "Đắk Lắk",
     "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "12", "date": "2004-01-01", "kind": "split", "part": "Điện Biên",
     "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "11", "date": "2004-01-01", "kind": "created", "from": "Lai Châu",
     "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "12", "date": "2004-01-01", "kind": "gained", "part": "Than Uyên (Lào Cai)",
     "part_en": "Than Uyên district (Lào Cai)", "short": "Than Uyên",
     "short_en": "Than Uyên", "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "10", "date": "2004-01-01", "kind": "lost", "part": "huyện Than Uyên",
     "part_en": "Than Uyên district", "to": "Lai Châu", "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "92", "date": "2004-01-01", "kind": "split", "part": "Hậu Giang",
     "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "93", "date": "2004-01-01", "kind": "created", "from": "Cần Thơ",
     "basis": "Nghị quyết 22/2003/QH11"},
    {"geo_code": "01", "date": "2008-08-01", "kind": "gained",
     "part": "Hà Tây, Mê Linh (Vĩnh Phúc), 4 xã của Lương Sơn (Hoà Bình)",
     "part_en": "Hà Tây, Mê Linh (Vĩnh Phúc), 4 communes of Lương Sơn (Hoà Bình)",
     "short": "Hà Tây, Mê Linh, 4 xã Lương Sơn",
     "short_en": "Hà Tây, Mê Linh, 4 communes of Lương Sơn", "basis": "Nghị quyết 15/2008/QH12"},
    {"geo_code": "26", "date": "2008-08-01", "kind": "lost", "part": "Mê Linh",
     "to": "Hà Nội", "basis": "Nghị quyết 15/2008/QH12"},
    {"geo_code": "17", "date": "2008-08-01", "kind": "lost", "part": "4 xã của Lương Sơn",
     "part_en": "4 communes of Lương Sơn", "to": "Hà Nội", "basis": "Nghị quyết 15/2008/QH12"},
]


def boundary_changes(geo_code: str) -> list[dict[str, str]]:
    """Return the earlier boundary changes of a legacy province, oldest first.

    A province's GSO series follow the boundaries of each year, so a split or transfer
    shows as a step; reports name the change beside the series.

    Parameters
    ----------
    geo_code : str
        Legacy province code (two digits).

    Returns
    -------
    list of dict
        Entries of :data:`BOUNDARY_CHANGES` for that province (empty when none).

    Examples
    --------
    >>> [(c["date"], c["kind"], c["part"]) for c in boundary_changes("66")]
    [('2004-01-01', 'split', 'Đắk Nông')]
    >>> boundary_changes("68")
    []
    """
    return sorted((c for c in BOUNDARY_CHANGES if c["geo_code"] == str(geo_code)),
                  key=lambda c: c["date"])


def load_overrides() -> list[dict[str, str]]:
    with open(OVERRIDES_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    entries = data.get("conversion_label_overrides", [])
    need = {"old_commune_code", "old_district_code", "label_as_printed", "old_province_code",
            "reason"}
    for i, e in enumerate(entries):
        if not need <= set(e):
            raise GeoError(f"{OVERRIDES_FILE}: entry {i + 1} lacks {sorted(need - set(e))}")
    return [{k: clean_text(v) for k, v in e.items()} for e in entries]


# --------------------------------------------------------------------------- conversion


def contradictions(conv: pd.DataFrame, legacy: pd.DataFrame,
                    overrides: list[dict[str, str]]) -> pd.DataFrame:
    """Find every inconsistency between conversion labels and the legacy list."""
    dist_prov = legacy.drop_duplicates("Mã QH").set_index("Mã QH")["Mã TP"]
    prov_name = legacy.drop_duplicates("Mã TP").set_index("Mã TP")["Tỉnh Thành Phố"]
    c = conv.copy()
    c["list_province_code"] = c["old_district_code"].map(dist_prov)
    if c["list_province_code"].isna().any():
        r = c[c["list_province_code"].isna()].iloc[0]
        raise GeoError(f"{CONVERSION_FILE}: record {r['record']}, column 'old_district': "
                       f"district {r['old_district_code']} is not in the legacy list")
    ov = pd.DataFrame(overrides, columns=["old_commune_code", "old_district_code",
                                          "label_as_printed", "old_province_code", "reason"])
    c = c.merge(ov.rename(columns={"label_as_printed": "old_province",
                                   "old_province_code": "override_province_code",
                                   "reason": "override_reason"}),
                on=["old_commune_code", "old_district_code", "old_province"], how="left")
    rows = []
    lab = c[c["old_province_label_code"] != c["list_province_code"]]
    for r in lab.itertuples(index=False):  # a handful of rows at most
        rows.append({
            "kind": "label_disagrees_with_legacy_list", "record": r.record,
            "legacy_province_code": r.list_province_code,
            "legacy_province_name": prov_name.get(r.list_province_code, ""),
            "label_as_printed": r.old_province, "old_district": r.old_district,
            "old_commune": r.old_commune, "old_commune_code": r.old_commune_code,
            "new_province_codes": r.new_province_code,
            "overridden": isinstance(r.override_province_code, str)
            and r.override_province_code == r.list_province_code,
            "detail": (f"label says {r.old_province_label_code}, legacy list says "
                       f"{r.list_province_code}"),
        })
    # A commune code that the legacy list places in another province than the row's district.
    com_prov = legacy.loc[legacy["Mã PX"] != ""].set_index("Mã PX")["Mã TP"]
    c["commune_province_code"] = c["old_commune_code"].map(com_prov)
    odd = c[c["commune_province_code"].notna()
            & (c["commune_province_code"] != c["list_province_code"])]
    for r in odd.itertuples(index=False):
        rows.append({
            "kind": "commune_code_in_other_province", "record": r.record,
            "legacy_province_code": r.list_province_code,
            "legacy_province_name": prov_name.get(r.list_province_code, ""),
            "label_as_printed": r.old_province, "old_district": r.old_district,
            "old_commune": r.old_commune, "old_commune_code": r.old_commune_code,
            "new_province_codes": r.new_province_code, "overridden": False,
            "detail": f"commune code is in province {r.commune_province_code} in the legacy list",
        })
    # Splits: a legacy province whose communes go to >1 new province, in the naive
    # (label) reading and in the legacy-list reading. A naive split is explained when the
    # override-corrected labels send that province to a single new province.
    c["corrected_code"] = c["override_province_code"].fillna(c["old_province_label_code"])
    corrected = c.groupby("corrected_code")["new_province_code"].nunique()
    for reading, col in (("label", "old_province_label_code"),
                         ("legacy_list", "list_province_code")):
        g = c.groupby(col)["new_province_code"].agg(lambda s: sorted(set(s)))
        for code, news in g[g.map(len) > 1].items():
            rows.append({
                "kind": f"legacy_province_split ({reading} reading)", "record": pd.NA,
                "legacy_province_code": code, "legacy_province_name": prov_name.get(code, ""),
                "label_as_printed": "", "old_district": "", "old_commune": "",
                "old_commune_code": "", "new_province_codes": " ".join(news),
                "overridden": reading == "label" and corrected.get(code, 0) == 1,
                "detail": f"{len(news)} new provinces",
            })
    cols = ["kind", "record", "legacy_province_code", "legacy_province_name", "label_as_printed",
            "old_district", "old_commune", "old_commune_code", "new_province_codes", "overridden",
            "detail"]
    out = pd.DataFrame(rows, columns=cols)
    # Stale overrides: entries that match no row at all.
    matched = c["override_province_code"].notna()
    used = c.loc[matched, ["old_commune_code", "old_district_code", "old_province"]]
    stale = ov.merge(used.rename(columns={"old_province": "label_as_printed"}), how="left",
                     on=["old_commune_code", "old_district_code", "label_as_printed"],
                     indicator=True)
    stale = stale[stale["_merge"] == "left_only"]
    if len(stale):
        extra = pd.DataFrame({
            "kind": "stale_override", "record": pd.NA,
            "legacy_province_code": stale["old_province_code"].to_numpy(),
            "legacy_province_name": "", "label_as_printed": stale["label_as_printed"].to_numpy(),
            "old_district": stale["old_district_code"].to_numpy(), "old_commune": "",
            "old_commune_code": stale["old_commune_code"].to_numpy(), "new_province_codes": "",
            "overridden": False, "detail": "override matches no row of the conversion table",
        })
        out = pd.concat([out, extra], ignore_index=True)
    return out.sort_values(["kind", "legacy_province_code", "record"], kind="stable",
                           ignore_index=True)


def province_mapping(conv: pd.DataFrame, legacy: pd.DataFrame, prov25: pd.DataFrame,
                      overrides: list[dict[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (legacy → 2025 province table, contradictions); raise on unexplained ones.

    The table has :data:`PROVINCE_TABLE_COLUMNS`, one row per legacy province (63 and
    Hà Tây): ``n_rows`` conversion rows behind the mapping, ``share`` of them going to
    ``province_2025_code`` (1.0 after the overrides), ``method``
    (``conversion_table_majority`` or ``historical_merge_2008``), ``valid_to``,
    ``override_note``.
    """
    contra = contradictions(conv, legacy, overrides)
    bad = contra[~contra["overridden"].astype(bool)]
    if len(bad):
        lines = "; ".join(f"{r.kind}: {r.legacy_province_code} {r.legacy_province_name} "
                          f"record {r.record} {r.detail}" for r in bad.itertuples())
        raise GeoError(f"{CONVERSION_FILE}: unexplained contradictions (add a documented entry "
                       f"to {OVERRIDES_FILE.name} only if verified): {lines}")
    dist_prov = legacy.drop_duplicates("Mã QH").set_index("Mã QH")["Mã TP"]
    c = conv.assign(old_province_code=conv["old_district_code"].map(dist_prov))
    # Majority rule (after the check above every legacy province is consistent).
    counts = (c.groupby(["old_province_code", "new_province_code"]).size()
              .rename("n_rows").reset_index()
              .sort_values(["old_province_code", "n_rows", "new_province_code"],
                           ascending=[True, False, True]))
    total = counts.groupby("old_province_code")["n_rows"].transform("sum")
    best = counts.assign(share=counts["n_rows"] / total).drop_duplicates("old_province_code")
    lp = legacy.drop_duplicates("Mã TP")[["Mã TP", "Tỉnh Thành Phố"]]
    lp_parts = split_kind(lp["Tỉnh Thành Phố"])
    table = pd.DataFrame({"geo_code": lp["Mã TP"].to_numpy(),
                          "geo_name": lp_parts["name"].to_numpy()})
    table = table.merge(best.rename(columns={"old_province_code": "geo_code",
                                             "new_province_code": "province_2025_code"}),
                        on="geo_code", how="left")
    if table["province_2025_code"].isna().any():
        miss = table.loc[table["province_2025_code"].isna(), "geo_name"].tolist()
        raise GeoError(f"{CONVERSION_FILE}: legacy provinces without any conversion row: {miss}")
    reasons = {}
    for o in overrides:
        reasons.setdefault(o["old_province_code"], []).append(o["reason"])
        lab_code = parse_coded(pd.Series([o["label_as_printed"]]))["code"].iat[0]
        reasons.setdefault(lab_code, []).append(o["reason"])
    table["method"] = "conversion_table_majority"
    table["valid_to"] = None
    table["override_note"] = table["geo_code"].map(lambda k: " | ".join(reasons.get(k, [])))
    ht = pd.DataFrame([{"geo_code": HA_TAY["code"], "geo_name": HA_TAY["name"],
                        "province_2025_code": table.loc[table["geo_code"] == HA_TAY["merged_into_legacy"],
                                               "province_2025_code"].iat[0],
                        "n_rows": 0, "share": np.nan, "method": "historical_merge_2008",
                        "valid_to": HA_TAY["valid_to"],
                        "override_note": "Hà Tây merged whole into Hà Nội on 2008-08-01 "
                                         f"({HA_TAY['basis']})"}])
    table = pd.concat([table, ht], ignore_index=True)
    names25 = prov25.set_index("code")["name"]
    table["province_2025"] = table["province_2025_code"].map(names25)
    table["n_rows"] = table["n_rows"].astype("int64")
    table["geo_level"] = "province"
    table["boundaries"] = "legacy"
    table = table[PROVINCE_TABLE_COLUMNS].sort_values("geo_code", ignore_index=True)
    orphan = set(prov25["code"]) - set(table["province_2025_code"])
    if orphan:
        raise GeoError(f"{CONVERSION_FILE}: 2025 provinces receiving no legacy province: "
                       f"{sorted(orphan)}")
    return table, contra
