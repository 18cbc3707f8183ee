"""Roll figures up the administrative tree: communes and districts to provinces,
legacy provinces to the 34 provinces of 2025."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import OBSERVATION_COLUMNS
from .errors import GeoError
from .registry import province_conversion

OBS_COLUMNS = OBSERVATION_COLUMNS


def _denominator(indicator: str) -> tuple[str, str] | None:
    """Return (numerator, denominator) indicators for a ``*_coverage_pct``."""
    if not indicator.endswith("_coverage_pct") or indicator.startswith("plan_"):
        return None
    scheme = indicator[: -len("_coverage_pct")]
    if scheme.startswith("bhyt"):
        return f"{scheme}_participants", "population"
    if scheme.startswith(("bhxh", "bhtn")):
        return f"{scheme}_participants", "labour_force"
    return None


def aggregate_to_2025(df: pd.DataFrame) -> pd.DataFrame:
    """Aggregate legacy-province observations to the 34 provinces of 2025.

    Counts (indicators not ending in ``_pct``/``_pp`` and not in unit ``pct``) are
    summed per (2025 province, ``as_of``, ``indicator``) only when every legacy
    province of that 2025 province (valid at ``as_of``: Hà Tây before 2008-08-01)
    has a figure. Percentages are never summed: ``{scheme}_coverage_pct`` is
    recomputed as summed participants ÷ summed denominator × 100 (population for
    BHYT schemes, ``labour_force`` for BHXH/BHTN); a 2025 province that is exactly
    one legacy province keeps its percentage unchanged. Anything else is returned
    with ``value`` NaN and the reason in ``reason`` (rows are not dropped, so callers
    see what is missing; ``dropna(subset=["value"])`` keeps the usable ones).

    Parameters
    ----------
    df : pandas.DataFrame
        Observations (``docs/architecture.md`` schema). Only rows with
        ``boundaries == "legacy"`` and ``geo_level == "province"`` are used.

    Returns
    -------
    pandas.DataFrame
        Observation columns (``boundaries="2025"``, ``geo_level="province"``) plus
        ``method``, ``inputs`` (space-separated obs_ids) and ``reason`` ("" when a
        value was computed); sorted by geo_code, as_of, indicator.

    Raises
    ------
    GeoError
        Missing columns, or two rows for the same province, date and indicator
        (deduplicate sources first).
    """
    missing = [c for c in ("obs_id", "geo_code", "geo_level", "boundaries", "as_of", "indicator",
                           "value") if c not in df.columns]
    if missing:
        raise GeoError(f"aggregate_to_2025: missing columns {missing}")
    conv = province_conversion()
    d = df[(df["boundaries"] == "legacy") & (df["geo_level"] == "province")].copy()
    out_cols = OBS_COLUMNS + ["method", "inputs", "reason"]
    if d.empty:
        return pd.DataFrame(columns=out_cols)
    for c in OBS_COLUMNS:
        if c not in d.columns:
            d[c] = False if c == "preliminary" else ""
    as_dates = pd.api.types.is_datetime64_any_dtype(d["as_of"])
    d["as_of"] = pd.to_datetime(d["as_of"]).dt.strftime("%Y-%m-%d")
    d["value"] = pd.to_numeric(d["value"], errors="coerce").astype(float)
    d = d.sort_values(["geo_code", "as_of", "indicator", "obs_id"], ignore_index=True)
    unknown = ~d["geo_code"].isin(conv["legacy_code"])
    if unknown.any():
        raise GeoError(f"aggregate_to_2025: unknown legacy province codes "
                       f"{sorted(set(d.loc[unknown, 'geo_code']))}")
    dup = d.duplicated(["geo_code", "as_of", "indicator"], keep=False)
    if dup.any():
        ex = d.loc[dup, ["obs_id", "geo_code", "as_of", "indicator"]].head(4).to_dict("records")
        raise GeoError(f"aggregate_to_2025: several rows per province/as_of/indicator "
                       f"(deduplicate first): {ex}")
    to25 = conv.set_index("legacy_code")["code_2025"]
    d["p25"] = d["geo_code"].map(to25)
    # Required parts per (2025 province, as_of): legacy provinces valid at that date.
    parts = conv[["legacy_code", "code_2025", "valid_to"]]
    keys = d[["p25", "as_of"]].drop_duplicates()
    req = keys.merge(parts, left_on="p25", right_on="code_2025")
    req = req[req["valid_to"].isna() | (req["as_of"] < req["valid_to"].fillna(""))]
    n_req = req.groupby(["p25", "as_of"])["legacy_code"].agg(
        lambda s: " ".join(sorted(s))).rename("required")
    is_pct = d["indicator"].str.endswith(("_pct", "_pp")) | d["unit"].isin(["pct", "pp"])
    counts = d[~is_pct]
    g = counts.groupby(["p25", "as_of", "indicator"])
    agg = g.agg(value=("value", lambda s: s.sum(min_count=len(s))),
                present=("geo_code", lambda s: " ".join(sorted(s))),
                inputs=("obs_id", lambda s: " ".join(sorted(s))),
                source_id=("source_id", lambda s: " ".join(sorted(set(s)))),
                geo_name_raw=("geo_name_raw", lambda s: " + ".join(s)),
                as_of_raw=("as_of_raw", lambda s: " + ".join(sorted(set(s)))),
                unit=("unit", "first"),
                preliminary=("preliminary", "any")).reset_index()
    agg = agg.join(n_req, on=["p25", "as_of"])
    complete = agg["present"] == agg["required"]
    missing_parts = agg.apply(lambda r: " ".join(sorted(set(r["required"].split())
                                                        - set(r["present"].split()))), axis=1) \
        if len(agg) else pd.Series(dtype=str)
    agg["reason"] = np.where(complete, "", "missing legacy provinces: " + missing_parts)
    agg.loc[~complete, "value"] = np.nan
    agg.loc[agg["value"].isna() & complete, "reason"] = "a legacy figure is missing (NaN)"
    agg["method"] = "sum_of_legacy_provinces"
    # Percentages.
    pct = d[is_pct]
    rows = []
    if len(pct):
        totals = agg.set_index(["p25", "as_of", "indicator"])
        pg = pct.groupby(["p25", "as_of", "indicator"])
        pagg = pg.agg(present=("geo_code", lambda s: " ".join(sorted(s))),
                      inputs=("obs_id", lambda s: " ".join(sorted(s))),
                      source_id=("source_id", lambda s: " ".join(sorted(set(s)))),
                      geo_name_raw=("geo_name_raw", lambda s: " + ".join(s)),
                      as_of_raw=("as_of_raw", lambda s: " + ".join(sorted(set(s)))),
                      unit=("unit", "first"), preliminary=("preliminary", "any"),
                      single_value=("value", "first")).reset_index()
        pagg = pagg.join(n_req, on=["p25", "as_of"])
        for r in pagg.itertuples(index=False):  # one row per 2025 province/date/indicator
            rec = r._asdict()
            single = len(r.required.split()) == 1
            rec.update(value=np.nan, method="", reason="")
            recipe = _denominator(r.indicator)
            if single and r.present == r.required:
                rec.update(value=r.single_value, method="unchanged_boundaries")
            elif recipe is None:
                rec["reason"] = "percentage cannot be summed and has no recomputation rule"
            else:
                num_k, den_k = ((r.p25, r.as_of, recipe[0]), (r.p25, r.as_of, recipe[1]))
                if num_k in totals.index and den_k in totals.index \
                        and not np.isnan(totals.at[num_k, "value"]) \
                        and not np.isnan(totals.at[den_k, "value"]) \
                        and totals.at[den_k, "value"] > 0:
                    rec["value"] = 100.0 * totals.at[num_k, "value"] / totals.at[den_k, "value"]
                    rec["method"] = f"ratio_of_sums:{recipe[0]}/{recipe[1]}"
                    rec["inputs"] = " ".join(sorted((totals.at[num_k, "inputs"] + " "
                                                     + totals.at[den_k, "inputs"]).split()))
                else:
                    rec["reason"] = (f"needs complete {recipe[0]} and {recipe[1]} for all "
                                     "legacy provinces")
            rows.append(rec)
    res = pd.concat([agg, pd.DataFrame(rows)], ignore_index=True) if rows else agg
    names = conv.drop_duplicates("code_2025").set_index("code_2025")["name_2025"]
    res["geo_code"] = res["p25"]
    res["geo_name"] = res["p25"].map(names)
    res["province_2025"] = res["geo_name"]
    res["geo_level"] = "province"
    res["boundaries"] = "2025"
    res["value_raw"] = ""
    res.loc[res["value"].isna(), "method"] = "not_computed"
    res["note"] = res["method"].where(res["reason"] == "", res["reason"])
    res["obs_id"] = ("geo2025-" + res["geo_code"] + "-" + res["indicator"] + "-" + res["as_of"])
    res["preliminary"] = res["preliminary"].astype(bool)
    res = res[out_cols].sort_values(["geo_code", "as_of", "indicator"], ignore_index=True)
    if as_dates:  # hand dates back in the type they came in
        res["as_of"] = pd.to_datetime(res["as_of"])
    return res
