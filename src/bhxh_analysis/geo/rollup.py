"""Roll figures up the administrative tree, and say what is missing when they cannot be.

Communes add up to their district, districts to their province, legacy provinces to
the 2025 province they merged into (Hà Tây into Hà Nội before 1 August 2008), 2025
communes to their 2025 province. A sum is made only when every part is present; when
one is not, the row is kept without a value and names the missing places.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import numpy as np
import pandas as pd

from ..schema import DENOMINATOR, LEVEL_RANK, OBSERVATION_COLUMNS, enforce_dtypes, expected_unit
from .areas import area_dates, other_area
from .registry import Registry, get_registry
from .unit import GeoError

#: Columns of an aggregated table: an observation, how it was made, from which rows.
AGGREGATE_COLUMNS = [*OBSERVATION_COLUMNS, "method", "inputs", "reason", "missing"]
#: Units whose figures add up across places (counts of people or of events).
ADDITIVE_UNITS = ("persons", "sessions", "attendances")
#: Names shown in a reason before "and N more" (``missing`` holds them all).
_SHOWN = 8
_KEY = ["parent", "as_of", "indicator"]


def aggregate(frame: pd.DataFrame, to: str = "province", boundaries: str = "2025",
              registry: Registry | None = None) -> pd.DataFrame:
    """Roll communes, districts (and legacy provinces) up to provinces, checking completeness.

    Additive figures — counts of persons such as participants, population, labour
    force, plans in persons (and counts of sessions or attendances) — are **summed**
    per (province, ``as_of``, ``indicator``) **only when every part is present**: a
    district counts when it has its own figure or all of its communes have one; a
    legacy province (towards 2025) when it has its own figure or all its districts
    count. Otherwise the row is kept with ``value`` NaN, and ``missing`` / ``reason``
    name the missing places ("missing: Huyện Lạc Dương (Lâm Đồng)"), never codes.

    Percentages are **never summed or averaged**: ``{scheme}_coverage_pct`` is
    recomputed as summed participants ÷ summed denominator × 100 (population for
    BHYT, labour force for BHXH/BHTN, :data:`~bhxh_analysis.schema.DENOMINATOR`) when
    both sums are complete for the same date. A 2025 province that is exactly one
    legacy province keeps that province's own percentage. Any other percentage, and
    any count in a unit that does not add up, is returned without a value and with
    the reason.

    Parameters
    ----------
    frame : pandas.DataFrame
        Observations (at least ``geo_code, geo_level, boundaries, as_of, indicator,
        value``; ``obs_id`` names the inputs). Rows that cannot be parts of the
        target are ignored: towards ``legacy`` provinces, legacy districts and
        communes; towards ``2025`` provinces, those, legacy provinces, and 2025
        communes. Rows already at the target level and boundary set are not repeated.
    to : {"province"}
        Target level.
    boundaries : {"2025", "legacy"}
        Target boundary set: the 34 provinces since 1 July 2025, or the 63 before.
    registry : Registry, optional
        Default :func:`get_registry`.

    Returns
    -------
    pandas.DataFrame
        :data:`AGGREGATE_COLUMNS`: observation columns (``geo_level="province"``,
        ``boundaries`` the target, ``as_of`` datetime64[ns]), ``method``
        (``sum_of_legacy_provinces``, ``sum_of_districts``, ``sum_of_communes``,
        ``ratio_of_sums:{numerator}/{denominator}``, ``unchanged_boundaries`` or
        ``not_computed``), ``inputs`` (``obs_id`` of the rows used, space-separated),
        ``reason`` ("" when a value was made) and ``missing`` (the missing places,
        "; "-separated). Sorted by ``geo_code, as_of, indicator``;
        ``dropna(subset=["value"])`` keeps the usable rows.

    Raises
    ------
    GeoError
        Missing columns, an unknown target, unknown unit codes, or two rows for the
        same place, date and indicator (deduplicate sources first).

    Examples
    --------
    Two of the twelve districts of legacy Lâm Đồng: no sum, and the reason says which
    districts are missing.

    >>> rows = pd.DataFrame({
    ...     "obs_id": ["a", "b"], "geo_code": ["672", "678"], "geo_level": "district",
    ...     "boundaries": "legacy", "as_of": "2020-12-31", "indicator": "population",
    ...     "value": [230_000.0, 190_000.0], "unit": "persons"})
    >>> out = aggregate(rows, boundaries="legacy")
    >>> out[["geo_name", "value"]].values.tolist()
    [['Lâm Đồng', nan]]
    >>> "Huyện Lạc Dương" in out.at[0, "missing"]
    True
    """
    if to != "province":
        raise GeoError(f"aggregate: to must be 'province', not {to!r}")
    if boundaries not in ("legacy", "2025"):
        raise GeoError(f"aggregate: boundaries must be 'legacy' or '2025', not {boundaries!r}")
    need = ["geo_code", "geo_level", "boundaries", "as_of", "indicator", "value"]
    missing = [c for c in need if c not in frame.columns]
    if missing:
        raise GeoError(f"aggregate: missing columns {missing}")
    reg = registry if registry is not None else get_registry()
    tree = _TREES.get(reg)
    if tree is None:
        tree = _TREES[reg] = _Tree(reg)
    d = _inputs(frame, boundaries, tree)
    if d.empty:
        return enforce_dtypes(pd.DataFrame(columns=AGGREGATE_COLUMNS))
    counts, other = _split_additive(d)
    legacy = counts[counts["boundaries"] == "legacy"]
    districts = _own_or_roll(legacy, "district", tree)
    provinces = _roll(districts, tree.parent["district"], tree.children["province"], tree,
                      reg=reg, level="district")
    if boundaries == "legacy":
        totals = provinces
    else:
        own = _own_area(legacy[legacy["geo_level"] == "province"], tree, reg)
        components = pd.concat([own, provinces[~_keys(provinces).isin(_keys(own))]])
        totals = _roll(components, tree.parent["province"], tree.children["province_2025"],
                       tree, reg=reg)
        communes25 = _entries(counts[counts["boundaries"] == "2025"])
        via25 = _roll(communes25, tree.parent["commune_2025"], tree.children["province_2025"],
                      tree)
        via25 = via25.assign(code=via25["code"].str.removeprefix("25:"))
        totals = pd.concat([totals, via25[~_keys(via25).isin(_keys(totals))]])
    pct = _percentages(other, totals, d, boundaries, tree, reg)
    return _finish(pd.concat([totals, pct], ignore_index=True), d, boundaries, tree)


def aggregate_to_2025(df: pd.DataFrame) -> pd.DataFrame:
    """Aggregate legacy observations to the 34 provinces of 2025.

    The same as ``aggregate(df, to="province", boundaries="2025")``: legacy
    provinces, districts and communes are rolled up with the completeness check.

    Examples
    --------
    >>> rows = pd.DataFrame({
    ...     "obs_id": ["a", "b", "c"], "geo_code": ["68", "67", "60"],
    ...     "geo_level": "province", "boundaries": "legacy", "as_of": "2020-12-31",
    ...     "indicator": "population", "value": [1.3e6, 0.65e6, 1.24e6], "unit": "persons"})
    >>> aggregate_to_2025(rows)[["geo_name", "value", "method"]].values.tolist()
    [['Lâm Đồng', 3190000.0, 'sum_of_legacy_provinces']]
    """
    return aggregate(df, to="province", boundaries="2025")


# --------------------------------------------------------------------------- the tree

#: One tree per registry (a registry never changes once built).
_TREES: weakref.WeakKeyDictionary[Registry, _Tree] = weakref.WeakKeyDictionary()


class _Tree:
    """Parents, children and readable labels of the units, as lookup tables."""

    def __init__(self, reg: Registry) -> None:
        leg = reg.units("legacy", None, include_defunct=True)
        new = reg.units("2025", "commune")
        by = {lvl: leg[leg["geo_level"] == lvl] for lvl in ("province", "district", "commune")}
        self.parent = {
            "commune": by["commune"].set_index("geo_code")["parent_code"],
            "district": by["district"].set_index("geo_code")["parent_code"],
            "province": by["province"].set_index("geo_code")["province_2025_code"],
            "commune_2025": new.set_index("geo_code")["parent_code"],
        }
        # ceased units (Hà Tây, a former district): province and district codes differ
        valid = pd.concat([by[lvl].set_index("geo_code")["valid_to"]
                           for lvl in ("province", "district")])
        self.valid_to = valid[valid.notna()]
        self.children = {
            "district": by["commune"].groupby("parent_code")["geo_code"].agg(sorted),
            "province": by["district"].groupby("parent_code")["geo_code"].agg(sorted),
            "province_2025": pd.concat([
                by["province"].groupby("province_2025_code")["geo_code"].agg(sorted),
                new.groupby("parent_code")["geo_code"].agg(lambda s: sorted("25:" + s))
                .rename(lambda c: "25:" + c),
            ]),
        }
        district_name = by["district"].set_index("geo_code")["full_name"]
        districts = by["district"].assign(
            label=by["district"]["full_name"] + " (" + by["district"]["province"] + ")")
        communes = by["commune"].assign(
            label=by["commune"]["full_name"] + " ("
            + by["commune"]["parent_code"].map(district_name) + ")")
        self.label = pd.concat([
            by["province"].set_index("geo_code")["full_name"],
            districts.set_index("geo_code")["label"],
            communes.set_index("geo_code")["label"],
            new.set_index("geo_code")["full_name"].rename(lambda c: "25:" + c),
        ])
        self.legacy = leg.set_index(["geo_level", "geo_code"])
        provinces25 = reg.units("2025", "province").set_index("geo_code")
        self.name = {"legacy": by["province"].set_index("geo_code")["geo_name"],
                     "2025": provinces25["geo_name"]}
        self.province_2025 = {
            "legacy": by["province"].set_index("geo_code")["province_2025"],
            "2025": provinces25["geo_name"],
        }


def _inputs(frame: pd.DataFrame, boundaries: str, tree: _Tree) -> pd.DataFrame:
    """Select the rows that are parts of the target, typed, checked and keyed."""
    d = frame.copy()
    for c in OBSERVATION_COLUMNS:
        if c not in d.columns:
            d[c] = False if c == "preliminary" else ""
    if (d["obs_id"].astype(str) == "").any():
        d["obs_id"] = d["obs_id"].where(d["obs_id"].astype(str) != "",
                                        "row" + d.index.astype(str))
    legacy = (d["boundaries"] == "legacy") & d["geo_level"].isin(["district", "commune"])
    if boundaries == "2025":
        legacy |= (d["boundaries"] == "legacy") & (d["geo_level"] == "province")
        legacy |= (d["boundaries"] == "2025") & (d["geo_level"] == "commune")
    d = enforce_dtypes(d[legacy])
    d["unit"] = d["unit"].where(d["unit"] != "", d["indicator"].map(
        lambda i: (expected_unit(i) or ("",))[0]))
    d["key"] = np.where(d["boundaries"] == "2025", "25:" + d["geo_code"], d["geo_code"])
    for level in ("province", "district", "commune"):
        rows = (d["boundaries"] == "legacy") & (d["geo_level"] == level)
        unknown = set(d.loc[rows, "geo_code"]) - set(tree.legacy.loc[level].index)
        if unknown:
            raise GeoError(f"aggregate: unknown legacy {level} codes {sorted(unknown)}")
    rows = d["boundaries"] == "2025"
    unknown = set(d.loc[rows, "geo_code"]) - set(tree.parent["commune_2025"].index)
    if unknown:
        raise GeoError(f"aggregate: unknown 2025 commune codes {sorted(unknown)}")
    dup = d.duplicated(["boundaries", "geo_level", "geo_code", "as_of", "indicator"], keep=False)
    if dup.any():
        ex = d.loc[dup, ["obs_id", "geo_level", "geo_code", "as_of", "indicator"]].head(4)
        ex = ex.assign(place=ex["geo_code"].map(tree.label), as_of=ex["as_of"].dt.date)
        raise GeoError("aggregate: several rows per place, as_of and indicator "
                       f"(deduplicate first): {ex.drop(columns='geo_code').to_dict('records')}")
    return d.sort_values(["geo_code", "as_of", "indicator", "obs_id"], ignore_index=True)


def _split_additive(d: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    additive = d["unit"].isin(ADDITIVE_UNITS) & ~d["indicator"].str.endswith(("_pct", "_pp"))
    return d[additive], d[~additive]


# --------------------------------------------------------------------------- roll-ups


def _entries(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows as complete entries of the roll-up (a place's own figure); ``area``: the day
    whose boundaries the figure counts (:func:`~bhxh_analysis.geo.areas.area_dates`)."""
    return pd.DataFrame({
        "code": rows["key"], "as_of": rows["as_of"], "indicator": rows["indicator"],
        "value": rows["value"], "complete": rows["value"].notna(), "inputs": rows["obs_id"],
        "missing": "", "unexpected": "", "depth": rows["geo_level"].map(LEVEL_RANK),
        "area": area_dates(rows) if len(rows) else pd.Series(dtype="datetime64[ns]")})


def _own_area(rows: pd.DataFrame, tree: _Tree, reg: Registry) -> pd.DataFrame:
    """Legacy provinces' own figures as entries towards 2025; a figure dated before an
    area change that reached into another 2025 province (``geo.areas``: Đắk Lắk with
    Đắk Nông before 2004) is not the 2025 province's part: it makes the sum incomplete,
    "not a part at that date"."""
    e = _entries(rows)
    before = other_area(reg, rows, external_only=True).to_numpy()
    off = ~pd.isna(before)
    if off.any():
        labels = [f"{tree.label.get(c, c)} (its area before {pd.Timestamp(d).date()})"
                  for c, d in zip(rows["geo_code"].to_numpy()[off], before[off], strict=True)]
        e = e.copy()
        e.loc[e.index[off], "unexpected"] = labels
        e.loc[e.index[off], "complete"] = False
    return e


def _keys(e: pd.DataFrame) -> pd.Series:
    return e["code"] + "|" + e["as_of"].astype(str) + "|" + e["indicator"]


def _own_or_roll(legacy: pd.DataFrame, level: str, tree: _Tree) -> pd.DataFrame:
    """Entries for districts: their own figure, else the roll-up of their communes."""
    own = _entries(legacy[legacy["geo_level"] == level])
    communes = _entries(legacy[legacy["geo_level"] == "commune"])
    rolled = _roll(communes, tree.parent["commune"], tree.children["district"], tree)
    return pd.concat([own, rolled[~_keys(rolled).isin(_keys(own))]], ignore_index=True)


def _roll(entries: pd.DataFrame, parent: pd.Series, children: pd.Series, tree: _Tree,
          reg: Registry | None = None, level: str = "province") -> pd.DataFrame:
    """Sum child entries per (parent, as_of, indicator) when every required child is there.

    ``children`` lists the required children of each parent; with the registry ``reg``
    (the children are then legacy units of ``level``) a child counts only at dates it
    had not ceased by (:meth:`Registry.ceased_by`: Hà Tây before 2008-08-01, Thành phố
    Ninh Bình before 2025-01-01) on the day whose boundaries the figures count (``area``):
    GSO's 2008 averages, dated 1/7/2008, count the area of 31/12/2008, when Hà Tây was
    part of Hà Nội, so Hà Nội's 2008 figure is the whole and Hà Tây is not missing.
    """
    if entries.empty:
        return _entries(pd.DataFrame(columns=["key", "as_of", "indicator", "value", "obs_id",
                                              "geo_level"]))
    is25 = entries["code"].str.startswith("25:")  # 2025 units: keys apart from legacy ones
    up = entries["code"].str.removeprefix("25:").map(parent)
    e = entries.assign(parent=up.where(~is25, "25:" + up))
    g = e.groupby(_KEY, sort=True)
    out = g.agg(value=("value", "sum"), complete=("complete", "all"),
                present=("code", list), inputs=("inputs", " ".join),
                missing=("missing", _join), unexpected=("unexpected", _join),
                depth=("depth", "max"), area=("area", "max")).reset_index()
    absent, extra = [], []
    for p, when, present in zip(out["parent"], out["area"], out["present"], strict=True):
        need = _required(children, p, when, reg, level)
        absent.append([c for c in need if c not in set(present)])
        extra.append([c for c in present if c not in set(need)])
    out["missing"] = [_join([*(tree.label.get(c, c) for c in a), m])
                      for a, m in zip(absent, out["missing"], strict=True)]
    out["unexpected"] = [_join([*(_defunct(tree, c) for c in x), u])
                         for x, u in zip(extra, out["unexpected"], strict=True)]
    out["complete"] &= (out["missing"] == "") & (out["unexpected"] == "")
    out["value"] = out["value"].where(out["complete"])
    out["inputs"] = out["inputs"].map(lambda s: " ".join(sorted(s.split())))
    return out.rename(columns={"parent": "code"}).drop(columns="present")


def _required(children: pd.Series, parent: str, when: pd.Timestamp,
              reg: Registry | None, level: str = "province") -> list[str]:
    """The children a parent needs at a date (with the registry ``reg``, the children
    being legacy units of ``level``: those that had not ceased by then)."""
    need = list(children.get(parent, []))
    if reg is not None:
        need = [c for c in need if not reg.ceased_by(reg.get("legacy", level, c), when)]
    return need


def _join(parts: object) -> str:
    return "; ".join(p for p in parts if p)


def _defunct(tree: _Tree, code: str) -> str:
    until = tree.valid_to.get(code)
    return f"{tree.label.get(code, code)} (until {until})" if until else tree.label.get(code, code)


# --------------------------------------------------------------------------- percentages


def _percentages(other: pd.DataFrame, totals: pd.DataFrame, d: pd.DataFrame,
                 boundaries: str, tree: _Tree, reg: Registry) -> pd.DataFrame:
    """Coverage recomputed from sums; other non-additive figures kept without a value."""
    other = other.assign(code=_target_of(boundaries, tree)(other))
    asked = other[["code", "as_of", "indicator"]]
    total = totals.set_index(["code", "as_of", "indicator"]).to_dict("index")
    groups = dict(tuple(other.groupby(["code", "as_of", "indicator"])))
    done = totals[totals["complete"]]
    for scheme, den in DENOMINATOR.items():  # coverage wherever both sums are complete
        both = done.loc[done["indicator"] == f"{scheme}_participants", ["code", "as_of"]].merge(
            done.loc[done["indicator"] == den, ["code", "as_of"]])
        asked = pd.concat([asked, both.assign(indicator=f"{scheme}_coverage_pct")])
    asked = asked.drop_duplicates(ignore_index=True)
    rows = []
    for code, when, ind in asked.itertuples(index=False):
        parts = groups.get((code, when, ind), other.iloc[:0])
        rows.append(_percentage(code, when, ind, parts, total, boundaries, tree, reg))
    cols = ["code", "as_of", "indicator", "value", "complete", "inputs", "missing",
            "unexpected", "depth", "method", "reason"]
    return pd.DataFrame(rows, columns=cols)


def _target_of(boundaries: str, tree: _Tree) -> Callable[[pd.DataFrame], pd.Series]:
    def target(rows: pd.DataFrame) -> pd.Series:
        code = rows["geo_code"]
        prov = code.where(rows["geo_level"] == "province")
        prov = prov.fillna(code.map(tree.parent["district"]).where(rows["geo_level"] == "district"))
        via_commune = code.map(tree.parent["commune"]).map(tree.parent["district"])
        prov = prov.fillna(via_commune.where(rows["geo_level"] == "commune"))
        if boundaries == "legacy":
            return prov.fillna("")
        new = prov.map(tree.parent["province"])
        c25 = code.map(tree.parent["commune_2025"])
        return new.where(rows["boundaries"] == "legacy", c25).fillna("")
    return target


def _percentage(code: str, when: pd.Timestamp, ind: str, parts: pd.DataFrame,
                total: dict[tuple, dict], boundaries: str, tree: _Tree,
                reg: Registry) -> dict[str, object]:
    rec = {"code": code, "as_of": when, "indicator": ind, "value": np.nan, "complete": False,
           "inputs": " ".join(sorted(parts["obs_id"])), "missing": "", "unexpected": "",
           "depth": int(parts["geo_level"].map(LEVEL_RANK).max()) if len(parts) else 1,
           "method": "", "reason": ""}
    scheme = ind.removesuffix("_coverage_pct") if ind.endswith("_coverage_pct") else None
    den = DENOMINATOR.get(scheme) if scheme and not scheme.startswith("plan") else None
    single = (boundaries == "2025" and len(parts) == 1 and parts["geo_level"].iat[0] == "province"
              and len(_required(tree.children["province_2025"], code, when, reg)) == 1
              and parts["boundaries"].iat[0] == "legacy"
              and _own_area(parts, tree, reg)["complete"].iat[0])
    if single:
        return {**rec, "value": parts["value"].iat[0], "complete": True,
                "method": "unchanged_boundaries"}
    if den is None:
        kind = "percentage" if ind.endswith(("_pct", "_pp")) else "figure in a unit that"
        return {**rec, "reason": f"{kind} cannot be summed and has no recomputation rule"}
    num_k, den_k = (code, when, f"{scheme}_participants"), (code, when, den)
    got = [total.get(k) for k in (num_k, den_k)]
    if all(g is not None and g["complete"] for g in got) and got[1]["value"] > 0:
        inputs = " ".join(sorted(f"{got[0]['inputs']} {got[1]['inputs']}".split()))
        return {**rec, "value": 100.0 * got[0]["value"] / got[1]["value"], "complete": True,
                "inputs": inputs, "depth": max(got[0]["depth"], got[1]["depth"]),
                "method": f"ratio_of_sums:{scheme}_participants/{den}"}
    missing = _join(g["missing"] for g in got if g is not None)
    absent = [k[2] for k, g in zip((num_k, den_k), got, strict=True) if g is None]
    reason = f"needs complete {scheme}_participants and {den}"
    if absent:
        reason += f"; no {' or '.join(absent)} at all"
    if missing:
        reason += f"; missing: {_shorten(missing)}"
    return {**rec, "missing": missing, "reason": reason}


# --------------------------------------------------------------------------- output


_METHOD_BY_DEPTH = {1: "sum_of_legacy_provinces", 2: "sum_of_districts", 3: "sum_of_communes"}


def _finish(res: pd.DataFrame, d: pd.DataFrame, boundaries: str, tree: _Tree) -> pd.DataFrame:
    """Name the rows, write the reasons, and give every column its package dtype."""
    res = res.copy()
    if "method" not in res:
        res["method"] = ""
        res["reason"] = ""
    res[["method", "reason"]] = res[["method", "reason"]].fillna("")
    summed = res["method"] == ""
    res.loc[summed, "method"] = res.loc[summed, "depth"].astype(int).map(_METHOD_BY_DEPTH)
    gap = res["value"].isna()
    text = np.where(res["missing"] != "", "missing: " + res["missing"].map(_shorten),
                    np.where(res["unexpected"] != "",
                             "not a part at that date: " + res["unexpected"],
                             "a part has no value (NaN)"))
    fill = (gap & (res["reason"] == "")).to_numpy()
    res.loc[fill, "reason"] = text[fill]
    res.loc[gap, "method"] = "not_computed"
    res["geo_code"] = res["code"].str.removeprefix("25:")
    res["geo_name"] = res["geo_code"].map(tree.name[boundaries])
    res["province_2025"] = res["geo_code"].map(tree.province_2025[boundaries])
    res["geo_level"] = "province"
    res["boundaries"] = boundaries
    used = (res["inputs"].str.split().explode().rename("obs_id").reset_index()
            .merge(d[["obs_id", "source_id", "as_of_raw", "unit", "preliminary"]], on="obs_id"))
    by = used.groupby("index")
    res["source_id"] = by["source_id"].agg(lambda v: " ".join(sorted(set(v))))
    res["as_of_raw"] = by["as_of_raw"].agg(lambda v: " + ".join(sorted(set(v) - {""})))
    res["preliminary"] = by["preliminary"].any()
    own = res["indicator"].map(lambda i: (expected_unit(i) or ("",))[0])
    res["unit"] = by["unit"].first().reindex(res.index).fillna(own)
    res["geo_name_raw"] = ""
    res["value_raw"] = ""
    res["note"] = res["method"].where(res["reason"] == "", res["reason"])
    res["obs_id"] = (f"geo{boundaries}-" + res["geo_code"] + "-" + res["indicator"] + "-"
                     + pd.to_datetime(res["as_of"]).dt.strftime("%Y-%m-%d"))
    res = res.sort_values(["geo_code", "as_of", "indicator"], ignore_index=True)
    out = enforce_dtypes(res[AGGREGATE_COLUMNS])
    text = ["inputs", "missing"]  # outside the schema's columns: text is str too
    return out.assign(**{c: out[c].where(out[c].notna(), "").astype("str") for c in text})


def _shorten(names: str) -> str:
    parts = [p for p in names.split("; ") if p]
    if len(parts) <= _SHOWN:
        return ", ".join(parts)
    return ", ".join(parts[:_SHOWN]) + f" and {len(parts) - _SHOWN} more"
