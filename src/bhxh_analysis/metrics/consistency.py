"""Consistency checks: do two figures that claim the same quantity agree?

Every figure stands for an interval (its printed rounding and qualifier,
:func:`~bhxh_analysis.metrics.figure_bounds`; a derived figure the interval its inputs
allow). Two figures agree (``ok``) when their intervals overlap and are a ``conflict``
otherwise. Both figures are always shown, never averaged.

Figures are compared only when they claim the same quantity: the same place, indicator
and date (a month printed without a day is stored as its last day, so two such figures
of one month meet there). Figures of different days are a series, not a conflict.

Pairs grow linearly with the figures: inside a group of figures that claim the same
quantity, each figure is compared with its neighbours in value order (the last with the
first) and with the two figures that bound the group (the highest lower bound and the
lowest upper bound). A group of two or three is thus compared in every pair; in a larger
group every figure that contradicts any other still shows in a ``conflict`` row (if two
intervals are disjoint, one of them is disjoint from a bounding figure), with at most
three rows per figure.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from ..schema import CONSISTENCY_COLUMNS, DENOMINATOR, UNIT_KEY
from .derive import RULES, _derive, _prepare, _restore_dates

__all__ = ["ANNUAL_CHANGE", "DENOMINATOR_ALLOWANCE", "MAX_YEARS_APART", "annual_changes",
           "check_consistency", "derive_and_check", "in_parts"]

#: Allowed relative difference between an implied denominator and an observed one of
#: another publisher (GSO's mid-year average population vs the base VSS divides by).
DENOMINATOR_ALLOWANCE = 0.05
#: The largest absolute annual change of a province's figure in GSO's exports
#: (``data/raw/gso``; :func:`annual_changes`: consecutive years of one export, a span over
#: one of the province's own boundary changes left out): population 8.58 % (Bình Dương
#: 2006→2007, 1,203.7 → 1,307.0 thousand; of 1,553 changes of 64 provinces, 1995–2022),
#: labour force aged 15+ 17.80 % (Bình Dương 2007→2008, 726.3 → 855.6 thousand; of 564,
#: 2005–2016). What a place without a series of its own may change in a year.
ANNUAL_CHANGE = {"population": 1307.0 / 1203.7 - 1.0, "labour_force": 855.6 / 726.3 - 1.0,
                 "labour_force_15plus": 855.6 / 726.3 - 1.0}
#: How many years apart an implied denominator and a published one of another year may
#: be and still be compared (:func:`check_consistency`, ``denominator_vs_other_year``).
MAX_YEARS_APART = 3
#: Denominator indicators (checked by year, see :func:`check_consistency`).
_DENOMINATORS = sorted(set(DENOMINATOR.values()))
#: Each method's rule name, and the methods whose result takes part in the checks.
_RULE_OF_METHOD = {r.method: r.name for r in RULES}
_COMPARED_METHODS = [r.method for r in RULES if r.compare]


# ------------------------------------------------------------------ which pairs


def _ordered(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs ``(left, right)`` with ``left < right`` (row order), each pair once."""
    left = np.minimum(pairs["left"], pairs["right"])
    right = np.maximum(pairs["left"], pairs["right"])
    out = pd.DataFrame({"left": left, "right": right})
    return out[out["left"] != out["right"]].drop_duplicates().sort_values(["left", "right"])


def _bounding(figures: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Per group: the row with the highest lower bound and the one with the lowest upper."""
    return figures.groupby(by, sort=False, observed=True).agg(
        top_lo=("lo", "idxmax"), low_hi=("hi", "idxmin")).reset_index()


def self_pairs(figures: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Return the pairs of rows of ``figures`` to compare within each group ``by``.

    Each row is paired with its neighbours in value order (the last with the first
    when the group has three or more) and with the group's bounding rows: at most three
    pairs per row, every pair of a group of two or three.

    Parameters
    ----------
    figures : pandas.DataFrame
        Default (0..n-1) index; columns ``by``, ``value``, ``lo``, ``hi``.
    by : list of str
        Columns that make a group.

    Returns
    -------
    pandas.DataFrame
        ``left``, ``right``: row positions, ``left < right``, each pair once.

    Examples
    --------
    >>> f = pd.DataFrame({"g": [1] * 3 + [2] * 1000 + [3], "value": range(1004)})
    >>> f["lo"], f["hi"] = f["value"] - 0.5, f["value"] + 0.5
    >>> pairs = self_pairs(f, ["g"])  # 3 in a group of three, ~3 per figure in a group
    >>> len(pairs), len(pairs[pairs["left"] < 3])  # of 1000, none for a figure alone
    (2997, 3)
    """
    many = figures[figures.duplicated(by, keep=False)]
    if many.empty:
        return pd.DataFrame({"left": [], "right": []}, dtype=np.int64)
    ranked = many.sort_values([*by, "value", "lo", "hi"], kind="stable")
    pos = ranked.index.to_numpy()
    group = ranked.groupby(by, sort=False, observed=True).ngroup().to_numpy()
    same_next = group[1:] == group[:-1]
    neighbours = pd.DataFrame({"left": pos[:-1][same_next], "right": pos[1:][same_next]})
    ends = pd.DataFrame({"group": group, "pos": pos}).groupby("group")["pos"]
    closing = pd.DataFrame({"left": ends.first(), "right": ends.last(), "n": ends.size()})
    closing = closing.loc[closing["n"] >= 3, ["left", "right"]]
    bound = ranked[by].reset_index().merge(_bounding(ranked, by), on=by)
    stars = [bound[["index", c]].set_axis(["left", "right"], axis=1)
             for c in ("top_lo", "low_hi")]
    return _ordered(pd.concat([neighbours, closing, *stars], ignore_index=True))


def cross_pairs(left: pd.DataFrame, right: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Return the pairs (row of ``left``, row of ``right``) to compare, group by group.

    Each row of one side is paired with the other side's bounding rows of its group:
    every pair when one side has a single row, at most two pairs per row otherwise.

    Parameters
    ----------
    left, right : pandas.DataFrame
        Default (0..n-1) index; columns ``by``, ``lo``, ``hi``.
    by : list of str
        Columns that make a group.

    Returns
    -------
    pandas.DataFrame
        ``left``, ``right``: row positions in ``left`` and ``right``, each pair once.

    Examples
    --------
    >>> left = pd.DataFrame({"g": [1, 1, 1, 2], "lo": [1.0, 2.0, 3.0, 5.0],
    ...                      "hi": [1.5, 2.5, 3.5, 5.5]})
    >>> right = pd.DataFrame({"g": [1, 2, 2], "lo": [2.0, 4.0, 6.0], "hi": [2.2, 4.2, 6.2]})
    >>> cross_pairs(left, right, ["g"]).values.tolist()  # right row 0 alone in group 1
    [[0, 0], [1, 0], [2, 0], [3, 1], [3, 2]]
    """
    if left.empty or right.empty:
        return pd.DataFrame({"left": [], "right": []}, dtype=np.int64)
    parts = []
    for one, other, names in ((left, right, ["left", "right"]),
                              (right, left, ["right", "left"])):
        bound = one[by].reset_index().merge(_bounding(other, by), on=by)
        for c in ("top_lo", "low_hi"):
            parts.append(bound[["index", c]].set_axis(names, axis=1))
    pairs = pd.concat(parts, ignore_index=True).astype(np.int64)
    return pairs.drop_duplicates().sort_values(["left", "right"]).reset_index(drop=True)


# ------------------------------------------------------------------ the figures


def _fmt(x: float) -> str:
    """Readable number for the checks' text columns (full precision stays in values)."""
    if x != x:
        return "nan"
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 1000:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.2f}".rstrip("0").rstrip(".")
    return f"{x:.4f}".rstrip("0").rstrip(".")


def _fmt_series(s: pd.Series) -> pd.Series:
    return s.astype(float).map(_fmt).astype("str")


def _observed(usable: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Observed figures: what the checks group on, compare and print (one row each)."""
    return pd.DataFrame({
        "unit": frame["unit"], "indicator": frame["indicator"].astype("str"),
        "date": frame["date"],
        "year": frame["year"], "value": frame["value"], "lo": frame["lo"], "hi": frame["hi"],
        "source_id": usable["source_id"].astype("str"), "obs_id": usable["obs_id"].astype("str"),
        "row": frame["row"], "qualifier": frame["qualifier"],
    })


def _derived(derived: pd.DataFrame, usable: pd.DataFrame, frame: pd.DataFrame,
             keep: pd.Series) -> pd.DataFrame:
    """Derived figures of rows ``keep`` of ``derived``, in the observations' unit codes,
    with their inputs' indicators and values (what the checks print)."""
    d = derived[keep.to_numpy()]
    columns = ["unit", "indicator", "date", "year", "value", "lo", "hi", "source_id",
               "obs_id", "rule", "input_a", "input_b", "a_indicator", "a_value",
               "b_indicator", "b_value"]
    if d.empty:
        return pd.DataFrame(columns=columns)
    units = usable[UNIT_KEY].astype("str").assign(unit=frame["unit"].to_numpy())
    d = pd.DataFrame({
        **{c: d[c].astype("str").to_numpy() for c in UNIT_KEY},
        "indicator": d["indicator"].astype("str").to_numpy(),
        "date": pd.to_datetime(d["as_of"]).astype("datetime64[ns]").to_numpy(),
        "value": pd.to_numeric(d["value"]).to_numpy(dtype=float),
        "lo": pd.to_numeric(d["value_lo"]).to_numpy(dtype=float),
        "hi": pd.to_numeric(d["value_hi"]).to_numpy(dtype=float),
        "source_id": d["source_id"].astype("str").to_numpy(),
        "obs_id": d["obs_id"].astype("str").to_numpy(),
        "rule": d["method"].astype("str").map(_RULE_OF_METHOD).to_numpy(),
        "input_a": d["input_a"].astype("str").to_numpy(),
        "input_b": d["input_b"].astype("str").to_numpy(),
    })
    d = d.merge(units.drop_duplicates("unit"), on=UNIT_KEY, how="inner")
    d["year"] = d["date"].dt.year
    ids = usable["obs_id"].astype("str")
    inputs = usable[ids.isin(set(d["input_a"]) | set(d["input_b"])).to_numpy()]
    look = pd.DataFrame({"indicator": inputs["indicator"].astype("str").to_numpy(),
                         "value": pd.to_numeric(inputs["value"]).to_numpy(dtype=float)},
                        index=inputs["obs_id"].astype("str").to_numpy())
    look = look[~look.index.duplicated()]
    for side in ("a", "b"):
        found = look.reindex(d[f"input_{side}"])
        d[f"{side}_indicator"] = found["indicator"].fillna("?").to_numpy()
        d[f"{side}_value"] = found["value"].to_numpy()
    return d[columns]


def _repeated(table: pd.DataFrame, key: list[str], grouped: bool) -> np.ndarray:
    """Rows of ``table`` that share ``key`` with another row.

    ``grouped``: rows with equal keys are neighbours (a table :func:`derive` sorted),
    so comparing each row with the next suffices; otherwise pandas' ``duplicated``.
    """
    if not grouped:
        return table[key].duplicated(keep=False).to_numpy()
    same = np.ones(max(len(table) - 1, 0), dtype=bool)
    for c in key:
        v = table[c]
        v = v.cat.codes.to_numpy() if isinstance(v.dtype, pd.CategoricalDtype) else v.to_numpy()
        same &= v[1:] == v[:-1]
    return np.r_[False, same] | np.r_[same, False]


def _candidates(derived: pd.DataFrame, observed_indicators: set[str],
                grouped: bool = False) -> pd.Series:
    """Rows of ``derived`` some check can pair: compared rules whose indicator is also
    observed (or a denominator), or that share place, date and indicator with another
    derived row (``grouped``: see :func:`_repeated`)."""
    compared = derived["method"].isin(_COMPARED_METHODS)
    wanted = derived["indicator"].isin([*observed_indicators, *_DENOMINATORS])
    repeated = _repeated(derived, [*UNIT_KEY, "as_of", "indicator"], grouped)
    return compared & (wanted | repeated)


# ------------------------------------------------------------------ the rows


def _sides(figures: pd.DataFrame) -> pd.DataFrame:
    """The text each side of a check prints: ``text``, ``implied``, ``ids``."""
    f = figures.copy()
    value = _fmt_series(f["value"])
    bounds = "[" + _fmt_series(f["lo"]) + ", " + _fmt_series(f["hi"]) + "]"
    if "rule" not in f:  # observed
        qualifier = f["qualifier"].astype("str")
        word = qualifier.where(qualifier == "", " " + qualifier)
        # the printed figure with its source's word ("1300 khoảng"): a report's warnings
        # print "khoảng 1.300", never "1.300" (Tân Kỳ 2018)
        f["text"] = (f["indicator"] + "=" + value + word + " ("
                     + f["date"].dt.strftime("%Y-%m-%d") + ", " + f["source_id"] + ")")
        f["implied"] = f["indicator"] + "=" + value + word + " " + bounds
        f["ids"] = f["obs_id"]
        return f
    f["text"] = (f["a_indicator"] + "=" + _fmt_series(f["a_value"]) + "; " + f["b_indicator"]
                 + "=" + _fmt_series(f["b_value"]) + " (" + f["source_id"] + ")")
    f["implied"] = f["indicator"] + "=" + value + " " + bounds + " via " + f["rule"]
    f["ids"] = f["input_a"] + " " + f["input_b"]
    return f


def _rows(left: pd.DataFrame, right: pd.DataFrame, pairs: pd.DataFrame, check: str,
          allowance: object = 0.0, show_widened: bool = False) -> pd.DataFrame:
    """Consistency rows for ``pairs`` of ``left`` and ``right`` figures.

    ``allowance`` widens the right interval by that share of its value (denominators
    of another publisher): a number, an array, or a function of the two sides;
    ``show_widened``: the right side's printed interval is the widened one (what the
    allowance lets it be), not its rounding.
    """
    if pairs.empty:
        return pd.DataFrame()
    lhs = _sides(left.iloc[pairs["left"].to_numpy()].reset_index(drop=True))
    rhs = _sides(right.iloc[pairs["right"].to_numpy()].reset_index(drop=True))
    if callable(allowance):
        allowance = allowance(lhs, rhs)
    widen = np.asarray(allowance, dtype=float) * np.abs(rhs["value"].to_numpy())
    lo_r, hi_r = rhs["lo"].to_numpy() - widen, rhs["hi"].to_numpy() + widen
    lo_l, hi_l = lhs["lo"].to_numpy(), lhs["hi"].to_numpy()
    if show_widened:
        rhs["implied"] = _sides(rhs.assign(lo=lo_r, hi=hi_r))["implied"]
    scale = 1e-9 * np.maximum(1.0, np.abs(lhs["value"].to_numpy()))
    conflict = (lo_l > hi_r + scale) | (lo_r > hi_l + scale)

    def merged(a: pd.Series, b: pd.Series, sep: str) -> list[str]:
        return [sep.join(sorted(set(x.split(sep)) | set(y.split(sep))))
                for x, y in zip(a, b, strict=True)]

    return pd.DataFrame({
        "unit": lhs["unit"], "as_of": lhs["date"],
        "check": check + ":" + lhs["indicator"], "indicator": lhs["indicator"],
        "figures": lhs["text"] + " | " + rhs["text"],
        "implied_values": lhs["implied"] + " | " + rhs["implied"],
        "difference": rhs["value"] - lhs["value"],
        "tolerance": (hi_l - lo_l) / 2 + (hi_r - lo_r) / 2,
        "status": np.where(conflict, "conflict", "ok"),
        "sources": merged(lhs["source_id"], rhs["source_id"], "+"),
        "obs_ids": merged(lhs["ids"], rhs["ids"], " "),
    })


def _shares_input(lhs: pd.DataFrame, rhs: pd.DataFrame, pairs: pd.DataFrame) -> np.ndarray:
    """Pairs of derived figures of one rule with an input in common.

    Their difference is already reported by the check on the other input.
    """
    a, b = lhs.iloc[pairs["left"].to_numpy()], rhs.iloc[pairs["right"].to_numpy()]
    same_rule = a["rule"].to_numpy() == b["rule"].to_numpy()
    common = ((a["input_a"].to_numpy() == b["input_a"].to_numpy())
              | (a["input_a"].to_numpy() == b["input_b"].to_numpy())
              | (a["input_b"].to_numpy() == b["input_a"].to_numpy())
              | (a["input_b"].to_numpy() == b["input_b"].to_numpy()))
    return same_rule & common


def annual_changes(figures: pd.DataFrame) -> pd.Series:
    """The largest absolute annual change of each place's published figures, as a share.

    Over consecutive years of one source (a figure and the next year's, ``value`` by
    ``unit, indicator, source_id, year``); a pair of years spanning one of the legacy
    province's own boundary changes (:data:`bhxh_analysis.geo.reform.BOUNDARY_CHANGES`:
    Hà Nội 2007→2008, +97.7 % with Hà Tây) is left out, for it is a change of area, not
    of people. Measured on GSO's exports this gives :data:`ANNUAL_CHANGE`.

    Parameters
    ----------
    figures : DataFrame
        ``unit, indicator, source_id, year, value`` and, for the boundary changes,
        ``geo_code, geo_level, boundaries`` (absent: none left out).

    Returns
    -------
    Series
        Indexed by ``unit, indicator``; places without two consecutive years are absent.

    Examples
    --------
    >>> f = pd.DataFrame({"unit": 0, "indicator": "population", "source_id": "gso",
    ...     "year": [2020, 2021, 2022, 2024], "value": [100.0, 102.0, 101.0, 120.0]})
    >>> round(float(annual_changes(f).iloc[0]), 4)  # 2022→2024 are not consecutive
    0.02
    """
    from ..geo.reform import BOUNDARY_CHANGES

    key = ["unit", "indicator", "source_id"]
    f = figures.sort_values([*key, "year"], kind="stable")
    f = f.drop_duplicates([*key, "year"])
    prev = f.groupby(key, sort=False, observed=True)[["year", "value"]].shift()
    ok = ((f["year"] - prev["year"]) == 1) & (prev["value"] > 0)
    if {"geo_code", "geo_level", "boundaries"} <= set(f.columns):
        legacy = (f["boundaries"].astype(str) == "legacy") & (f["geo_level"].astype(str)
                                                               == "province")
        for c in BOUNDARY_CHANGES:
            y = int(str(c["date"])[:4])
            ok &= ~(legacy & (f["geo_code"].astype(str) == c["geo_code"])
                    & (prev["year"] < y) & (f["year"] >= y))
    change = (f["value"] / prev["value"] - 1.0).abs()[ok]
    return change.groupby([f.loc[ok, "unit"], f.loc[ok, "indicator"]],
                          observed=True).max().rename("annual_change")


def _other_year(d: pd.DataFrame, o: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Implied denominators vs the published one of the nearest other year (check 5).

    ``d``: derived denominators; ``o``: observed figures; ``units``: ``unit`` and its
    ``UNIT_KEY``. Only where no published figure of the implied one's own year exists
    (check 4 compares those). The published interval is widened by the place's largest
    annual change (:func:`annual_changes` of its own figures, else :data:`ANNUAL_CHANGE`)
    times the years apart, plus :data:`DENOMINATOR_ALLOWANCE` when the two come from
    different publishers (as check 4 allows); the implied figure keeps its rounding range.
    """
    o = o[o["indicator"].isin(_DENOMINATORS)].reset_index(drop=True)
    if d.empty or o.empty:
        return pd.DataFrame()
    cand = d[["unit", "indicator", "year"]].reset_index(names="left").merge(
        o[["unit", "indicator", "year"]].reset_index(names="right"),
        on=["unit", "indicator"], suffixes=("", "_o"))
    apart = (cand["year_o"] - cand["year"]).abs()
    same_year = cand.loc[apart == 0, "left"].unique()
    cand = cand.assign(apart=apart)[(apart >= 1) & (apart <= MAX_YEARS_APART)
                                    & ~cand["left"].isin(same_year)]
    if cand.empty:
        return pd.DataFrame()
    # the nearest year (the later of two as near), every published figure of it
    best = cand.sort_values(["left", "apart", "year_o"], ascending=[True, True, False],
                            kind="stable").drop_duplicates("left")[["left", "year_o"]]
    pairs = cand.merge(best, on=["left", "year_o"]).sort_values(["left", "right"])
    figs = o.merge(units, on="unit", how="left")
    rate = annual_changes(figs)
    got = pd.MultiIndex.from_arrays([d["unit"].to_numpy()[pairs["left"]],
                                     d["indicator"].to_numpy()[pairs["left"]]])
    own = rate.reindex(got).to_numpy(dtype=float)
    fallback = d["indicator"].to_numpy()[pairs["left"]]
    fallback = np.array([ANNUAL_CHANGE.get(str(i), np.nan) for i in fallback])
    allowance = np.where(np.isfinite(own), own, fallback) * pairs["apart"].to_numpy(float)
    # another publisher's figure gets the same-year check's allowance on top (a province's
    # VSS office divides by its own population, not GSO's): one standard for both checks
    other = (d["source_id"].to_numpy()[pairs["left"]]
             != o["source_id"].to_numpy()[pairs["right"]])
    allowance = allowance + np.where(other, DENOMINATOR_ALLOWANCE, 0.0)
    ok = np.isfinite(allowance)
    return _rows(d, o, pairs.loc[ok, ["left", "right"]], "denominator_vs_other_year",
                 allowance[ok], show_widened=True)


def _check(usable: pd.DataFrame, frame: pd.DataFrame, derived: pd.DataFrame,
           obs: pd.DataFrame, grouped: bool = False) -> pd.DataFrame:
    """:func:`check_consistency` on prepared observations and their derived table
    (``grouped``: as :func:`derive` returned it, see :func:`_repeated`)."""
    same_day = ["unit", "indicator", "date"]
    # Only figures some check can pair are turned into text (a panel has millions).
    observed_indicators = {str(i) for i in frame["indicator"].unique()}
    drv = _derived(derived, usable, frame,
                   _candidates(derived, observed_indicators, grouped))
    repeated = frame.duplicated(same_day, keep=False)
    wanted = repeated | frame["indicator"].isin([*drv["indicator"].unique(), *_DENOMINATORS])
    observed = _observed(usable[wanted.to_numpy()], frame[wanted.to_numpy()])
    # Canonical row order (place, indicator, date, id): a pair's sides never depend on
    # the order of the input tables.
    observed = observed.sort_values(["unit", "indicator", "date", "obs_id"],
                                    kind="stable").reset_index(drop=True)
    drv = drv.sort_values(["unit", "indicator", "date", "obs_id"],
                          kind="stable").reset_index(drop=True)
    is_den = drv["indicator"].isin(_DENOMINATORS)
    parts = []

    # 1. The same figure published twice (same place, indicator and date); two published
    # plans of one year are two plans, which two bodies may set (a province's resolution
    # beside the Prime Minister's assignment: Đồng Nai 2025, 96 % and 95 %)
    same = _rows(observed, observed, self_pairs(observed, same_day), "same_figure")
    if len(same):
        plans = same["indicator"].astype(str).str.contains("_plan_", regex=False)
        same.loc[plans, "check"] = "plans_differ:" + same.loc[plans, "indicator"].astype(str)
    parts.append(same)

    # 2. Derived vs observed, same date (denominators are checked by year below).
    d = drv[~is_den].reset_index(drop=True)
    o = observed[observed["indicator"].isin(set(d["indicator"]))].reset_index(drop=True)
    pairs = cross_pairs(d, o, same_day)
    own = [r in (a, b) for r, a, b in zip(o["obs_id"].to_numpy()[pairs["right"]],
                                          d["input_a"].to_numpy()[pairs["left"]],
                                          d["input_b"].to_numpy()[pairs["left"]],
                                          strict=True)]
    parts.append(_rows(d, o, pairs[~np.asarray(own, dtype=bool)], "derived_vs_observed"))

    # 3. Derived vs derived from different inputs (not one rule sharing an input).
    pairs = self_pairs(drv, same_day)
    pairs = pairs[~_shares_input(drv, drv, pairs)]
    parts.append(_rows(drv, drv, pairs, "derived_vs_derived"))

    # 4. Implied denominators vs observed ones of the same year; another publisher's
    #    figure gets the allowance.
    d = drv[is_den].reset_index(drop=True)
    o = observed[observed["indicator"].isin(_DENOMINATORS)].reset_index(drop=True)
    parts.append(_rows(d, o, cross_pairs(d, o, ["unit", "indicator", "year"]),
                       "denominator_vs_observed",
                       lambda lhs, rhs: np.where(lhs["source_id"] == rhs["source_id"],
                                                 0.0, DENOMINATOR_ALLOWANCE)))

    # 5. Implied denominators vs a published one of the nearest other year (≤ 3 apart),
    #    allowed what that place's own year-to-year changes allow (a warning, not a
    #    correction: Nghệ An's 2023 population implied 8.6 % under GSO's 2022 figure)
    units = usable[UNIT_KEY].astype("str").assign(unit=frame["unit"].to_numpy())
    parts.append(_other_year(d, observed, units.drop_duplicates("unit")))

    parts = [p for p in parts if len(p)]
    if not parts:
        empty = pd.DataFrame({c: pd.Series(dtype="str") for c in CONSISTENCY_COLUMNS})
        empty["as_of"] = pd.Series(dtype="datetime64[ns]")
        return _restore_dates(empty.astype({"difference": float, "tolerance": float}), obs)
    rows = pd.concat(parts, ignore_index=True)
    places = usable[[*UNIT_KEY, "geo_name"]].assign(unit=frame["unit"].to_numpy())
    places = places[places["unit"].isin(rows["unit"]).to_numpy()].drop_duplicates("unit")
    rows = rows.merge(places.astype({c: "str" for c in [*UNIT_KEY, "geo_name"]}),
                      on="unit", how="left")
    rows["as_of"] = pd.to_datetime(rows["as_of"]).astype("datetime64[ns]")
    rows = rows.sort_values([*UNIT_KEY, "as_of", "check", "obs_ids", "figures"],
                            kind="stable").reset_index(drop=True)
    rows = _restore_dates(rows, obs)
    rows["difference"] = rows["difference"].astype(float)
    rows["tolerance"] = rows["tolerance"].astype(float)
    return rows[CONSISTENCY_COLUMNS].astype({c: "str" for c in CONSISTENCY_COLUMNS
                                             if c not in ("as_of", "difference",
                                                          "tolerance")})


def check_consistency(obs: pd.DataFrame, derived: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return every comparison of two figures that claim the same quantity.

    Checks (the ``check`` column is ``<kind>:<indicator>``):

    - ``same_figure``: two observations of the same place, indicator and date
      (different sources, or a figure printed twice);
    - ``plans_differ``: the same for two published plans (``*_plan_*``): two plans of one
      year that differ are flagged as ``same_figure`` is, but may both be real (set by
      two bodies), so reports say so instead of "cannot both be true";
    - ``derived_vs_observed``: a derived figure and an observation of the same place,
      indicator and date (366 ÷ 244 vs the printed 150 %);
    - ``derived_vs_derived``: two derived figures of the same place, indicator and
      date from different inputs (Đà Lạt's population from coverage and from
      shortfall); one rule applied to pairs of inputs sharing one is not compared;
    - ``denominator_vs_observed``: an implied population or labour force and an
      observed one of the same place and year; when the two come from different
      publishers the observed interval is widened by :data:`DENOMINATOR_ALLOWANCE`;
    - ``denominator_vs_other_year``: an implied population or labour force without an
      observed one of its year, and the observed one of the nearest year at most
      :data:`MAX_YEARS_APART` away; the observed interval is widened by the place's
      largest annual change in its own published series (:func:`annual_changes`; else
      :data:`ANNUAL_CHANGE`) times the years apart, and printed so; a conflict is a
      warning (the figures stay as published).

    Which pairs of a group are compared: see the module docstring (linear in the
    number of figures; every pair for groups of two or three).

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations.
    derived : pandas.DataFrame or None
        Output of :func:`~bhxh_analysis.metrics.derive` on ``obs`` (only its rows take
        part; it may be read back from CSV); ``None`` derives it.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`bhxh_analysis.schema.CONSISTENCY_COLUMNS`: ``figures`` the
        printed inputs of each side, ``implied_values`` each side's value and interval,
        ``difference`` = right − left, ``tolerance`` the sum of the two half-widths,
        ``status`` ok | conflict, ``sources`` and ``obs_ids`` the observations
        involved. Sorted by place, as_of, check, obs_ids.

    Examples
    --------
    >>> obs = pd.DataFrame({
    ...     "obs_id": ["a", "b"], "source_id": ["vss", "sggp"], "geo_code": "VN",
    ...     "geo_name": "Việt Nam", "geo_level": "nation", "boundaries": "legacy",
    ...     "as_of": "2022-09-30", "indicator": "bhxh_participants",
    ...     "value": [17.24e6, 17.08e6], "value_raw": ["17.24 M", "17.08 M"]})
    >>> check_consistency(obs)[["check", "status", "sources"]].values.tolist()
    [['same_figure:bhxh_participants', 'conflict', 'sggp+vss']]
    """
    usable, frame = _prepare(obs)
    if derived is None:
        derived = _derive(usable, frame, obs)
    return _check(usable, frame, derived, obs)


def derive_and_check(obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(derive(obs), check_consistency(obs, derived))``, preparing ``obs`` once.

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations.

    Returns
    -------
    derived, consistency : pandas.DataFrame
        Exactly what the two functions return.

    Examples
    --------
    >>> obs = pd.DataFrame({
    ...     "obs_id": ["a", "b", "c"], "source_id": ["vss", "sggp", "vss"],
    ...     "geo_code": "VN", "geo_name": "Việt Nam", "geo_level": "nation",
    ...     "boundaries": "legacy", "as_of": pd.to_datetime(["2022-09-30"] * 3),
    ...     "indicator": ["bhxh_participants", "bhxh_participants",
    ...                   "bhxh_shortfall_participants"],
    ...     "value": [17.24e6, 17.08e6, 0.5e6], "value_raw": ["17.24 M", "17.08 M", "0.5 M"]})
    >>> derived, consistency = derive_and_check(obs)
    >>> derived[["indicator", "value", "input_a", "input_b"]].values.tolist()
    [['bhxh_plan_participants', 17740000.0, 'a', 'c']]
    >>> consistency[["check", "status"]].values.tolist()
    [['same_figure:bhxh_participants', 'conflict']]
    """
    usable, frame = _prepare(obs)
    derived = _derive(usable, frame, obs)
    return derived, _check(usable, frame, derived, obs, grouped=True)


def in_parts(obs: pd.DataFrame, rows_per_part: int = 1_000_000
             ) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Yield :func:`derive_and_check` of groups of whole places, in place order.

    Every rule and every check stays within one place, so the parts, one after the
    other, are the rows :func:`derive_and_check` gives for the whole table (only the
    categories of ``input_a``/``input_b`` are each part's). A build can write each part
    and let it go: a 10,000-commune monthly panel derives ~10 M rows.

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations.
    rows_per_part : int
        About how many observations go into one part (a place is never split).

    Yields
    ------
    derived, consistency : pandas.DataFrame
        One part of each table.

    Examples
    --------
    >>> obs = pd.DataFrame({
    ...     "obs_id": ["a", "b", "c", "d"], "source_id": "s", "geo_code": ["1", "1", "2", "2"],
    ...     "geo_name": "X", "geo_level": "province", "boundaries": "legacy",
    ...     "as_of": "2020-06-30", "value": [90.0, 1.0, 80.0, 2.0],
    ...     "indicator": ["bhyt_participants", "bhyt_coverage_pct"] * 2})
    >>> [len(d) for d, c in in_parts(obs, rows_per_part=2)]
    [1, 1]
    """
    place = obs.groupby(UNIT_KEY, sort=True, observed=True, dropna=False).ngroup().to_numpy()
    order = np.argsort(place, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(place[order]) != 0])  # first row of a place
    cut = [0]
    for start in starts[1:]:
        if start - cut[-1] >= rows_per_part:
            cut.append(int(start))
    for lo, hi in zip(cut, [*cut[1:], len(order)], strict=True):
        yield derive_and_check(obs.iloc[np.sort(order[lo:hi])])
