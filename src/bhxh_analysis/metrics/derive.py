"""Figures the observations imply, from a declarative table of rules.

A news sentence often implies more than it prints: "190.863 people, 83,23% coverage,
6,77% short of the target, i.e. 15.524 people" implies a population (twice), a target
coverage of 90 % and a plan. Each :class:`Rule` says how one such figure follows from two
observed indicators; :func:`derive` applies every rule as one merge of the two
indicators' rows and stacks the results in one table, separate from the observations.

Inputs are always observed figures (derived figures are never chained), so every
derived row names the two observations it comes from (``input_a``, ``input_b``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import (
    DENOMINATOR,
    DERIVED_COLUMNS,
    GROWTH_MEASURE,
    SCHEMES,
    UNIT_KEY,
    enforce_dtypes,
)
from .figures import _intervals

__all__ = ["RULES", "Rule", "derive"]

#: Note written on every derived row.
DERIVED_NOTE = "derived; value_lo–value_hi is the range the inputs' rounding allows"


@dataclass(frozen=True)
class Rule:
    """One derivation: ``out = a <op> b`` for matching rows of indicators ``a`` and ``b``.

    Attributes
    ----------
    name : str
        Short name of the rule (shown in the consistency table).
    out, a, b : str
        Indicator derived, and the two observed indicators it comes from.
    op : {"ratio100", "add", "sub", "rsub", "growth"}
        ``a ÷ b × 100``, ``a + b``, ``a − b``, ``b − a``, ``a ÷ b × 100 − 100``.
    join : {"same", "year", "prev_year_end"}
        Which rows of ``a`` and ``b`` belong together: ``same`` = same place, date and
        source (figures printed together); ``year`` = ``b`` is an annual reference
        (plan, denominator) of the same place and year, any source; ``prev_year_end``
        = ``a`` on 31 December, ``b`` on 31 December of the previous year.
    out_date : {"same", "year_end", "year_before"}
        Date of the result: ``a``'s date; 31 December of its year (plans are
        annual); or the same day one year earlier, a month's last day giving that
        month's last day (31/7/2020 → 31/7/2019, 28/2/2021 → 29/2/2020, 29/2/2020 →
        28/2/2019, 31/12/2020 → 31/12/2019): a change "so với cùng kỳ" is against
        the same date of the year before, and a month printed without a day is stored
        as its last day.
    unit : str
        Unit of the result (``persons`` or ``pct``).
    compare : bool
        Whether the result takes part in the consistency checks.
    """

    name: str
    out: str
    a: str
    b: str
    op: str
    join: str
    out_date: str
    unit: str
    compare: bool = True

    @property
    def method(self) -> str:
        """Return the readable formula written in the ``method`` column."""
        b = {"year": f"{self.b} (same year)",
             "prev_year_end": f"{self.b} (previous 31 Dec)"}.get(self.join, self.b)
        text = {
            "ratio100": f"{self.out} = {self.a} ÷ {b} × 100",
            "add": f"{self.out} = {self.a} + {b}",
            "sub": f"{self.out} = {self.a} − {b}",
            "rsub": f"{self.out} = {b} − {self.a}",
            # no brackets around the ratio: a reader's label of b may carry its own
            # ("Social insurance (BHXH): participants"), and brackets must not nest
            "growth": f"{self.out} = {self.a} ÷ {b} × 100 − 100",
        }[self.op]
        return text + {"year_end": " (annual: as of 31 Dec)",
                       "year_before": " (as of the same date of the previous year)"
                       }.get(self.out_date, "")


def _rules() -> tuple[Rule, ...]:
    """Every derivation rule, written once per scheme."""
    rules: list[Rule] = []
    for s in SCHEMES:
        den = DENOMINATOR.get(s)
        p = f"{s}_participants"
        if den is not None:
            rules += [
                Rule("denominator_from_coverage", den, p, f"{s}_coverage_pct",
                     "ratio100", "same", "same", "persons"),
                Rule("denominator_from_shortfall", den, f"{s}_shortfall_participants",
                     f"{s}_shortfall_pp", "ratio100", "same", "same", "persons"),
                # Compared through the denominator check instead (same arithmetic).
                Rule("coverage_from_denominator", f"{s}_coverage_pct", p, den,
                     "ratio100", "year", "same", "pct", compare=False),
            ]
        rules += [
            Rule("plan_coverage_from_shortfall", f"{s}_plan_coverage_pct",
                 f"{s}_coverage_pct", f"{s}_shortfall_pp", "add", "same", "year_end", "pct"),
            Rule("plan_from_attainment", f"{s}_plan_participants", p, f"{s}_attainment_pct",
                 "ratio100", "same", "year_end", "persons"),
            Rule("plan_new_from_attainment", f"{s}_plan_new_participants",
                 f"{s}_new_participants", f"{s}_attainment_pct", "ratio100", "same",
                 "year_end", "persons"),
            Rule("plan_from_shortfall", f"{s}_plan_participants", p,
                 f"{s}_shortfall_participants", "add", "same", "year_end", "persons"),
            Rule("previous_level", p, p, f"{s}_change_participants", "sub", "same",
                 "year_before", "persons"),
            Rule("attainment_from_plan", f"{s}_attainment_pct", p,
                 f"{s}_plan_participants", "ratio100", "year", "same", "pct"),
            Rule("attainment_new_from_plan", f"{s}_attainment_pct", f"{s}_new_participants",
                 f"{s}_plan_new_participants", "ratio100", "year", "same", "pct"),
            Rule("shortfall_from_plan", f"{s}_shortfall_participants", p,
                 f"{s}_plan_participants", "rsub", "year", "same", "persons"),
            Rule("shortfall_pp_from_plan", f"{s}_shortfall_pp", f"{s}_coverage_pct",
                 f"{s}_plan_coverage_pct", "rsub", "year", "same", "pct"),
            Rule("yoy_change", f"{s}_change_participants", p, p, "sub", "prev_year_end",
                 "same", "persons"),
            Rule("yoy_growth", f"{s}_{GROWTH_MEASURE}", p, p, "growth", "prev_year_end",
                 "same", "pct"),
        ]
    return tuple(rules)


#: Every derivation rule (docs/metrics.md lists them).
RULES: tuple[Rule, ...] = _rules()
#: Derived indicators and methods (sorted), and each rule's position among them.
_OUTS = sorted({r.out for r in RULES})
_METHODS = sorted(r.method for r in RULES)
_OUT_CODE = pd.Index(_OUTS).get_indexer([r.out for r in RULES])
_METHOD_CODE = pd.Index(_METHODS).get_indexer([r.method for r in RULES])
#: Columns the rows of ``a`` and ``b`` are matched on, by the rule's ``join``.
_JOIN_KEYS = {"same": ["unit", "date", "source"], "year": ["unit", "year"],
              "prev_year_end": ["unit", "year"]}


def _prepare(obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the usable observations and, aligned with them, the frame rules merge.

    Usable: a date and a value. The second frame holds what the rules match on and
    compute with: ``unit`` (one number per place, in the order of the place's
    boundaries, level and code), ``source`` (a number per source), ``date``, ``year``,
    ``year_end``, ``indicator``, ``value``, its interval ``lo``–``hi`` and its
    ``qualifier`` (:func:`figure_bounds`).
    """
    need = ["obs_id", "source_id", *UNIT_KEY, "geo_name", "as_of", "indicator", "value"]
    missing = [c for c in need if c not in obs.columns]
    if missing:
        raise KeyError(f"observations lack column(s): {', '.join(missing)}")
    as_of = pd.to_datetime(obs["as_of"], errors="coerce").astype("datetime64[ns]")
    value = pd.to_numeric(obs["value"], errors="coerce")
    ok = (as_of.notna() & value.notna()).to_numpy()
    usable = (obs if ok.all() else obs[ok]).reset_index(drop=True)
    date = pd.Series(as_of.to_numpy()[ok])
    lo, hi, _, qualifier = _intervals(usable)
    frame = pd.DataFrame({
        "row": np.arange(len(usable)),
        "unit": usable.groupby(UNIT_KEY, sort=True, observed=True).ngroup().to_numpy(),
        "source": pd.factorize(usable["source_id"], sort=True)[0],
        "indicator": usable["indicator"].astype("category").to_numpy(),
        "date": date.to_numpy(),
        "year": date.dt.year.to_numpy(),
        "year_end": ((date.dt.month == 12) & (date.dt.day == 31)).to_numpy(),
        "value": value.to_numpy(dtype=float)[ok],
        "lo": lo,
        "hi": hi,
        "qualifier": qualifier,  # what a consistency check prints beside the value
    })
    return usable, frame


def _interval_op(op: str, a: tuple[np.ndarray, np.ndarray, np.ndarray],
                 b: tuple[np.ndarray, np.ndarray, np.ndarray]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the value and interval of ``a <op> b`` (interval arithmetic on lo–hi);
    each side is (value, lo, hi)."""
    av, alo, ahi = a
    bv, blo, bhi = b
    if op == "add":
        return av + bv, alo + blo, ahi + bhi
    if op == "sub":
        return av - bv, alo - bhi, ahi - blo
    if op == "rsub":
        return bv - av, blo - ahi, bhi - alo
    with np.errstate(divide="ignore", invalid="ignore"):
        # A quotient's extremes are among its four corners, unless the divisor's
        # interval contains 0 (then it is unbounded).
        corners = np.stack([alo / blo, alo / bhi, ahi / blo, ahi / bhi])
        corners = np.where(np.isnan(corners), np.inf, corners)
        lo = corners.min(axis=0) * 100.0
        hi = corners.max(axis=0) * 100.0
        spans_zero = (blo <= 0) & (bhi >= 0)
        lo, hi = np.where(spans_zero, -np.inf, lo), np.where(spans_zero, np.inf, hi)
        value = np.where(bv != 0, av / bv * 100.0, np.nan)
    if op == "growth":
        return value - 100.0, lo - 100.0, hi - 100.0
    return value, lo, hi


def _match(a: pd.DataFrame, b: pd.DataFrame, join: str) -> pd.DataFrame:
    """Rows of indicators ``a`` and ``b`` that belong together (one merge).

    Columns: the join keys (``year`` is ``a``'s year), then the other columns of
    each side (``date``, ``row``, ``value``, ``lo``, ``hi``, ...) suffixed ``_a`` and
    ``_b``; :func:`_side` reads a column of either side.
    """
    if join == "prev_year_end":
        a = a[a["year_end"]]
        b = b[b["year_end"]].assign(year=b["year"] + 1)
    return a.merge(b, on=_JOIN_KEYS[join], suffixes=("_a", "_b"))


def _side(m: pd.DataFrame, column: str, side: str) -> np.ndarray:
    """Column ``column`` of side ``side`` ("a" or "b") of matched rows (a join key is
    the same for both sides)."""
    return m[f"{column}_{side}" if f"{column}_{side}" in m else column].to_numpy()


def _unambiguous(rule: Rule, m: pd.DataFrame, by_indicator: dict) -> pd.DataFrame:
    """Matched inputs of ``rule`` less those whose attainment may be of another count.

    One "đạt X % kế hoạch" printed beside both a participants count and new
    participants (Nam Đàn 2021: 5,977 and 2,272, 102.52 %) is of one of them, read as
    the count's: the new participants' plan is derived only where the place has no
    participants figure of the same date and source.
    """
    if rule.name != "plan_new_from_attainment" or not len(m):
        return m
    count = by_indicator.get(rule.a.replace("_new_participants", "_participants"))
    if count is None:
        return m
    keys = ["unit", "date", "source"]
    date = m["date_a"] if "date_a" in m else m["date"]
    here = pd.MultiIndex.from_arrays([m["unit"], date, m["source"]])
    return m[~here.isin(pd.MultiIndex.from_frame(count[keys]))]


def _year_end(year: np.ndarray) -> np.ndarray:
    """31 December of each year (datetime64[ns])."""
    next_year = (np.asarray(year, dtype=np.int64) - 1969).astype("datetime64[Y]")
    return (next_year.astype("datetime64[D]") - np.timedelta64(1, "D")).astype("datetime64[ns]")


def _year_before(dates: np.ndarray) -> np.ndarray:
    """The same day one year earlier (datetime64[ns]); a month's last day gives that
    month's last day (28/2/2021 → 29/2/2020, 29/2/2020 → 28/2/2019)."""
    day = np.asarray(dates).astype("datetime64[D]")
    month = day.astype("datetime64[M]")
    last_day = (day + np.timedelta64(1, "D")).astype("datetime64[M]") != month
    earlier = month - np.timedelta64(12, "M")
    same_day = earlier.astype("datetime64[D]") + (day - month.astype("datetime64[D]"))
    month_end = (earlier + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
    return np.where(last_day, month_end, same_day).astype("datetime64[ns]")


def _apply(index: int, rule: Rule, m: pd.DataFrame) -> dict[str, np.ndarray]:
    """Rows one rule derives from matched inputs ``m``, as columns: its number, both
    input rows, place, dates, value and interval (finite values only)."""
    a, b = [tuple(_side(m, c, s).astype(float, copy=False) for c in ("value", "lo", "hi"))
            for s in ("a", "b")]
    value, lo, hi = _interval_op(rule.op, a, b)
    date_a = _side(m, "date", "a")
    if rule.out_date == "same":
        as_of = date_a
    elif rule.out_date == "year_before":
        as_of = _year_before(date_a)
    else:  # 31 December of a's year
        as_of = _year_end(_side(m, "year", "a"))
    finite = np.isfinite(value)
    out = {
        "rule": np.full(len(m), index, dtype=np.int16),
        "row_a": _side(m, "row", "a"), "row_b": _side(m, "row", "b"),
        "unit": _side(m, "unit", "a"),
        "as_of": as_of.astype("datetime64[ns]", copy=False),
        "inputs_as_of": np.maximum(date_a, _side(m, "date", "b")),
        "value": value, "lo": lo, "hi": hi,
    }
    return out if finite.all() else {c: v[finite] for c, v in out.items()}


def _categorical(codes: np.ndarray, categories: object) -> pd.Categorical:
    """Categorical text from integer codes into ``categories``."""
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype="str"))


def _text_column(column: pd.Series, rows: np.ndarray) -> pd.Categorical:
    """Text ``column`` at positions ``rows``, as a categorical with sorted categories
    ("" for missing text)."""
    codes, uniques = pd.factorize(column, sort=True)
    text = np.asarray(uniques, dtype=object).astype(str)
    if (codes < 0).any():
        codes, text = np.where(codes < 0, len(text), codes), [*text, ""]
    return _categorical(codes[rows], text).reorder_categories(sorted(text))


def _source_ids(sources: pd.Series, row_a: np.ndarray, row_b: np.ndarray) -> pd.Categorical:
    """The inputs' source: ``a`` when both inputs share it, else ``a+b``."""
    codes, names = pd.factorize(sources, sort=True)
    names = np.asarray(names, dtype=object).astype(str)
    if (codes[row_a] == codes[row_b]).all():  # the usual case: figures printed together
        return _categorical(codes[row_a], names)
    pairs = pd.DataFrame({"a": codes[row_a], "b": codes[row_b]})
    groups = pairs.groupby(["a", "b"], sort=True)
    text = [names[a] if a == b else f"{names[a]}+{names[b]}" for a, b in groups.size().index]
    # Sorted categories: the pair order differs from the text order ("x+y" vs "x").
    rank = pd.Index(text).argsort().argsort()
    return _categorical(rank[groups.ngroup().to_numpy()], sorted(text))


def _order(rows: dict[str, np.ndarray], ids: pd.Series) -> np.ndarray:
    """Positions that sort the rules' rows by place, as_of, indicator, method, inputs.

    The first four keys are numbers (one Arrow sort); rows tying on them (the same
    rule on several pairs of inputs) are then ordered by their inputs' ids.
    """
    keys = ["unit", "as_of", "out_rank", "method_rank"]
    order = np.array(pc.sort_indices(pa.table({k: rows[k] for k in keys}),
                                     [(k, "ascending") for k in keys]))
    same = np.ones(max(len(order) - 1, 0), dtype=bool)
    for k in keys:
        v = rows[k][order]
        same &= v[1:] == v[:-1]
    tied = np.flatnonzero(np.r_[False, same] | np.r_[same, False])
    if len(tied):
        at = order[tied]
        sub = pd.DataFrame({**{k: rows[k][at] for k in keys}, "at": tied,
                            "id_a": ids.iloc[rows["row_a"][at]].to_numpy(),
                            "id_b": ids.iloc[rows["row_b"][at]].to_numpy()})
        order[tied] = order[sub.sort_values([*keys, "id_a", "id_b"])["at"].to_numpy()]
    return order


def _derived_ids(unit: np.ndarray, dates: np.ndarray, units: pd.DataFrame,
                 date_values: pd.DatetimeIndex) -> pd.Series:
    """``drv-<boundaries>-<level>-<code>-<yyyymmdd>-<n>``: n numbers a place's derived
    figures of one date in table order (readable, and the same in every build of the
    same figures). ``unit`` and ``dates`` are codes into ``units`` and ``date_values``,
    in table order."""
    n = len(unit)
    start = np.r_[True, (unit[1:] != unit[:-1]) | (dates[1:] != dates[:-1])]
    first = np.flatnonzero(start)
    number = np.arange(n) - np.repeat(first, np.diff(np.r_[first, n])) + 1
    text = pa.large_string()
    units = units.astype("str")
    place = pa.array("drv-" + units["boundaries"] + "-" + units["geo_level"] + "-"
                     + units["geo_code"], type=text)
    day = pa.array(date_values.strftime("%Y%m%d"), type=text)
    # The place-and-day part once per place and date, then once per row with n.
    prefix = pc.binary_join_element_wise(place.take(pa.array(unit[first])),
                                         day.take(pa.array(dates[first])),
                                         pa.scalar("-", text))
    ids = pc.binary_join_element_wise(prefix.take(pa.array(np.cumsum(start) - 1)),
                                      pc.cast(pa.array(number), text), pa.scalar("-", text))
    return pd.Series(ids, dtype="str")


def _empty_derived() -> pd.DataFrame:
    """A derived table without rows."""
    out = pd.DataFrame({c: pd.Series(dtype="str") for c in DERIVED_COLUMNS})
    for c in ("value", "value_lo", "value_hi"):
        out[c] = out[c].astype(float)
    for c in ("as_of", "inputs_as_of"):
        out[c] = out[c].astype("datetime64[ns]")
    out["preliminary"] = out["preliminary"].astype(bool)
    return out


def derive(obs: pd.DataFrame) -> pd.DataFrame:
    """Return every figure the observations imply, in a table separate from them.

    For each place, date and scheme where the inputs exist (rules in
    ``docs/metrics.md`` and :data:`RULES`): implied denominators (population for BHYT,
    ``labour_force`` for BHXH/BHTN) from participants ÷ coverage and from shortfall
    persons ÷ shortfall points; implied plan coverage (coverage + shortfall points);
    implied plans (participants ÷ attainment; participants + shortfall persons; new ÷
    attainment); the level a year before (participants − change, dated the same day
    one year earlier); coverage from an observed denominator of the same year;
    attainment and shortfalls from an observed plan of the same year; year-on-year
    change and growth between year-end figures.

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations; needs at least ``obs_id, source_id, geo_code, geo_name,
        geo_level, boundaries, as_of, indicator, value``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`bhxh_analysis.schema.DERIVED_COLUMNS`: the observation columns
        (``obs_id`` = ``drv-<boundaries>-<level>-<code>-<yyyymmdd>-<n>``, n numbering
        the place's derived figures of that date in table order; ``source_id`` = the inputs' sources joined with
        ``+``; ``value`` at full precision; ``value_raw`` empty; ``note`` says the row
        is derived), ``method`` (readable formula), ``input_a`` and ``input_b`` (the
        two observations' ``obs_id``), ``inputs_as_of`` (the later of the inputs'
        dates: the figure is known from then) and ``value_lo``/``value_hi`` (the range
        the inputs' printed rounding allows). Sorted by place (boundaries, level,
        code), as_of, indicator, method and the inputs' ids. Repeated text (places,
        sources, indicator, unit, method) is ``category`` with sorted categories (a
        monthly commune panel derives ~10 M rows; :func:`bhxh_analysis.metrics.in_parts` derives a big
        table place group by place group). One dtype per column
        whatever the input: ``as_of`` datetime64[ns], text ``str``, numbers float64.

    Examples
    --------
    >>> obs = pd.DataFrame({
    ...     "obs_id": ["p", "s"], "source_id": "seed000", "geo_code": "672",
    ...     "geo_name": "Đà Lạt", "geo_level": "district", "boundaries": "legacy",
    ...     "as_of": "2020-07-31", "value": [1091.0, 1589.0], "value_raw": ["1.091", "1.589"],
    ...     "indicator": ["bhxh_voluntary_participants",
    ...                   "bhxh_voluntary_shortfall_participants"]})
    >>> d = derive(obs)
    >>> d[["indicator", "value", "input_a", "input_b"]].values.tolist()
    [['bhxh_voluntary_plan_participants', 2680.0, 'p', 's']]
    >>> str(d["as_of"].dtype), str(d["as_of"].iloc[0].date())
    ('datetime64[ns]', '2020-12-31')
    """
    usable, frame = _prepare(obs)
    return enforce_dtypes(_derive(usable, frame, obs))


def _derive(usable: pd.DataFrame, frame: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """:func:`derive` on the observations :func:`_prepare` returned."""
    by_indicator = dict(tuple(frame.drop(columns=["indicator", "qualifier"]).groupby(
        frame["indicator"], sort=False, observed=True)))
    # Rules that read the same two indicators the same way share one merge.
    inputs: dict[tuple[str, str, str], list[int]] = {}
    for i, r in enumerate(RULES):
        if r.a in by_indicator and r.b in by_indicator:
            inputs.setdefault((r.a, r.b, r.join), []).append(i)
    pieces = []
    for (a, b, join), rules in inputs.items():
        matched = _match(by_indicator[a], by_indicator[b], join)
        pieces += [_apply(i, RULES[i], _unambiguous(RULES[i], matched, by_indicator))
                   for i in rules if len(matched)]
    pieces = [p for p in pieces if len(p["rule"])]
    if not pieces:
        return _restore_dates(_empty_derived(), obs)
    rows = {c: np.concatenate([p[c] for p in pieces]) for c in pieces[0]}
    del pieces

    ids = usable["obs_id"]
    order = _order({**rows, "out_rank": _OUT_CODE[rows["rule"]],
                    "method_rank": _METHOD_CODE[rows["rule"]]}, ids)
    for c in rows:  # one column at a time: a panel derives ~10 M rows
        rows[c] = rows[c][order]
    return _restore_dates(_derived_table(rows, usable, frame, ids), obs)


def _derived_table(rows: dict[str, np.ndarray], usable: pd.DataFrame, frame: pd.DataFrame,
                   ids: pd.Series) -> pd.DataFrame:
    """The derived table from the rules' rows (columns, in order) and the observations."""
    rule, row_a, row_b = rows["rule"], rows["row_a"], rows["row_b"]
    dates, date_values = pd.factorize(rows["as_of"], sort=True)
    date_values = pd.DatetimeIndex(date_values)
    # A place's boundaries, level and code, once per place.
    unit = frame["unit"].drop_duplicates()
    units = usable.loc[unit.index, UNIT_KEY].set_axis(unit.to_numpy()).sort_index()
    ids = pa.array(ids.astype("str"), type=pa.large_string())
    preliminary = _flag(usable, "preliminary")
    table = pd.DataFrame({
        "obs_id": _derived_ids(rows["unit"], dates, units, date_values),
        "source_id": _source_ids(usable["source_id"], row_a, row_b),
        **{c: _text_column(units[c], rows["unit"]) for c in UNIT_KEY},
        **{c: _text_column(_column(usable, c), row_a)
           for c in ("geo_name", "province_2025", "geo_name_raw")},
        "as_of": rows["as_of"],
        "as_of_raw": _categorical(dates, date_values.strftime("%Y-%m-%d")),
        "indicator": _categorical(_OUT_CODE[rule], _OUTS),
        "value": rows["value"],
        "unit": _categorical(pd.Index(["pct", "persons"]).get_indexer(
            [r.unit for r in RULES])[rule], ["pct", "persons"]),
        "value_raw": _categorical(np.zeros(len(rule), dtype=np.int8), [""]),
        "preliminary": preliminary[row_a] | preliminary[row_b],
        "note": _categorical(np.zeros(len(rule), dtype=np.int8), [DERIVED_NOTE]),
        "method": _categorical(_METHOD_CODE[rule], _METHODS),
        "input_a": pd.Series(ids.take(pa.array(row_a)), dtype="str"),
        "input_b": pd.Series(ids.take(pa.array(row_b)), dtype="str"),
        "inputs_as_of": rows["inputs_as_of"],
        "value_lo": rows["lo"], "value_hi": rows["hi"],
    }, copy=False)
    return table[DERIVED_COLUMNS]


def _column(frame: pd.DataFrame, column: str) -> pd.Series:
    """Text column ``column`` of ``frame`` ("" when absent)."""
    return frame[column] if column in frame else pd.Series("", index=frame.index)


def _flag(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Boolean column ``column`` of ``frame`` (False when absent or missing)."""
    if column not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame[column].fillna(False).astype(bool).to_numpy()


def _restore_dates(derived: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """Give ``as_of`` the form of the observations' dates (datetime or ISO text)."""
    if not pd.api.types.is_datetime64_any_dtype(obs["as_of"]):
        derived["as_of"] = derived["as_of"].dt.strftime("%Y-%m-%d")
    return derived
