"""Derived figures, consistency checks and pace to plan.

A news sentence often implies more than it prints: "190.863 people, 83,23% coverage,
6,77% short of the target, i.e. 15.524 people" implies a population (twice), a target
coverage of 90% and a plan. :func:`derive` computes every such figure from the tidy
observations, and :func:`check_consistency` compares every pair of figures that imply the
same quantity within the tolerance their printed rounding allows.

Definitions (see ``docs/metrics.md``):

- BHYT coverage = participants ÷ population × 100.
- BHXH and BHTN coverage = participants ÷ ``labour_force`` × 100, where ``labour_force`` is
  VSS's working-age denominator, *not* GSO's labour force aged 15+
  (``labour_force_15plus``), which is never used as a coverage denominator.
- attainment = actual ÷ plan × 100 (may exceed 100); shortfall = plan − actual (persons)
  and target coverage − coverage (percentage points).

Everything is vectorised: each derivation rule is one merge of two indicator slices of
the observations table; there are no per-row Python loops over observations.

Primitive functions (:func:`coverage`, :func:`attainment`, ...) accept scalars or arrays
and return the same shape, so notebooks can use them directly.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .textops import (
    adjacent_ties,
    duplicated_by_hash,
    fill_text,
    is_lexsorted,
    per_value,
    radix_key,
    splitmix64,
    string_hash64,
    text_codes,
)

__all__ = [
    "CONSISTENCY_COLUMNS",
    "DENOMINATOR",
    "DENOMINATOR_ALLOWANCE",
    "DERIVED_COLUMNS",
    "MEASURES",
    "OBS_COLUMNS",
    "SCHEMES",
    "attainment",
    "check_consistency",
    "core_indicators",
    "coverage",
    "derive",
    "derive_and_check",
    "distance_to_target",
    "figure_bounds",
    "months_remaining",
    "pace_required",
    "shortfall",
    "shortfall_pp",
    "yoy_change",
    "yoy_growth",
]

SCHEMES: tuple[str, ...] = (
    "bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt", "bhyt_household",
)
MEASURES: tuple[str, ...] = (
    "participants", "new_participants", "change_participants", "coverage_pct",
    "plan_participants", "plan_new_participants", "plan_coverage_pct", "attainment_pct",
    "shortfall_participants", "shortfall_pp",
)
# Coverage denominators. Household BHYT has no agreed denominator (households or
# members of enrolled households), so it gets none.
DENOMINATOR: dict[str, str] = {
    "bhxh": "labour_force",
    "bhxh_compulsory": "labour_force",
    "bhxh_voluntary": "labour_force",
    "bhtn": "labour_force",
    "bhyt": "population",
}
# Derived-only indicator (year-on-year growth of participants, percent).
GROWTH_MEASURE = "growth_pct"

OBS_COLUMNS: list[str] = [
    "obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
    "province_2025", "geo_name_raw", "as_of", "as_of_raw", "indicator", "value", "unit",
    "value_raw", "preliminary", "note",
]
DERIVED_COLUMNS: list[str] = [*OBS_COLUMNS, "method", "inputs", "value_lo", "value_hi"]
CONSISTENCY_COLUMNS: list[str] = [
    "geo_code", "geo_name", "geo_level", "boundaries", "as_of", "check", "indicator",
    "figures", "implied_values", "difference", "tolerance", "status", "sources", "obs_ids",
]

# Relative widening of printed figures with a qualifier (documented in docs/metrics.md).
APPROX_REL = 0.02  # "≈", "khoảng", "about": ± 2 % of the figure
OVER_REL = 0.10  # "trên", "hơn", "over": up to 10 % above the figure
NEARLY_REL = 0.05  # "gần", "nearly": up to 5 % below the figure
# Allowed relative difference between an implied denominator and an observed one from a
# different publisher (GSO mid-year average population vs the base VSS divides by).
DENOMINATOR_ALLOWANCE = 0.05

_UNIT_KEY = ["boundaries", "geo_level", "geo_code"]


def core_indicators() -> list[str]:
    """Return the core indicator vocabulary (``{scheme}_{measure}`` + denominators)."""
    core = [f"{s}_{m}" for s in SCHEMES for m in MEASURES]
    return [*core, "population", "labour_force", "labour_force_15plus"]


# --------------------------------------------------------------------- primitives


def _out(x: Any) -> Any:
    """Return a Python float for 0-d results, the array (or Series) otherwise."""
    if isinstance(x, pd.Series):
        return x
    arr = np.asarray(x, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def _ratio100(a: Any, b: Any) -> Any:
    """``a ÷ b × 100`` with NaN (not an error) where ``b`` is 0 or missing."""
    a_arr = a if isinstance(a, pd.Series) else np.asarray(a, dtype=float)
    b_arr = b if isinstance(b, pd.Series) else np.asarray(b, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        res = a_arr / b_arr * 100.0
    res = res.where(b_arr != 0) if isinstance(res, pd.Series) else np.where(b_arr != 0, res, np.nan)
    return _out(res)


def coverage(participants: Any, denominator: Any) -> Any:
    """Coverage in percent: ``participants ÷ denominator × 100``.

    Parameters
    ----------
    participants : float or array-like
        Insured persons.
    denominator : float or array-like
        Population (BHYT) or VSS working-age labour force (BHXH, BHTN).

    Returns
    -------
    float or numpy.ndarray or pandas.Series
        Percent 0–100 (NaN where the denominator is 0).

    Examples
    --------
    >>> round(coverage(190863, 229320), 2)
    83.23
    """
    return _ratio100(participants, denominator)


def attainment(actual: Any, plan: Any) -> Any:
    """Attainment of a plan in percent: ``actual ÷ plan × 100`` (may exceed 100).

    Examples
    --------
    >>> attainment(366, 244)
    150.0
    """
    return _ratio100(actual, plan)


def shortfall(actual: Any, plan: Any) -> Any:
    """Persons still needed to reach the plan: ``plan − actual`` (negative = exceeded).

    Examples
    --------
    >>> shortfall(1091, 2680)
    1589.0
    """
    return _out(np.asarray(plan, dtype=float) - np.asarray(actual, dtype=float)
                if not isinstance(plan, pd.Series) else plan - actual)


def shortfall_pp(coverage_pct: Any, target_pct: Any) -> Any:
    """Percentage points below the target coverage: ``target − coverage``.

    Examples
    --------
    >>> round(shortfall_pp(83.23, 90), 2)
    6.77
    """
    return shortfall(coverage_pct, target_pct)


def distance_to_target(coverage_pct: Any, target_pct: Any) -> Any:
    """Distance to a policy coverage target in percentage points (``target − coverage``).

    Positive: below the target; zero or negative: target met. Same arithmetic as
    :func:`shortfall_pp`, named for policy targets (Resolution 28-NQ/TW etc.).
    """
    return shortfall(coverage_pct, target_pct)


def yoy_change(current: Any, previous: Any) -> Any:
    """Year-on-year change: ``current − previous`` (same units)."""
    return shortfall(previous, current)


def yoy_growth(current: Any, previous: Any) -> Any:
    """Year-on-year growth in percent: ``(current ÷ previous − 1) × 100``.

    Examples
    --------
    >>> yoy_growth(110, 100)
    10.000000000000014
    """
    return _out(_ratio100(current, previous) - 100.0)


def months_remaining(as_of: Any) -> Any:
    """Months left from ``as_of`` to 31 December of the same year (fractional).

    Days to 31 December ÷ (days in the year ÷ 12); 0 on 31 December, about 5.0 on
    31 July (153 days ÷ 30.5).

    Parameters
    ----------
    as_of : date-like or array-like of dates

    Returns
    -------
    float or numpy.ndarray
    """
    scalar = np.ndim(as_of) == 0 and not isinstance(as_of, pd.Series | pd.Index)
    dates = pd.to_datetime(pd.Series([as_of] if scalar else list(as_of)))
    year_end = pd.to_datetime(dates.dt.year.astype("Int64").astype(str) + "-12-31",
                              errors="coerce")
    days_in_year = np.where(dates.dt.is_leap_year, 366.0, 365.0)
    months = (year_end - dates).dt.days.to_numpy(dtype=float) / (days_in_year / 12.0)
    return float(months[0]) if scalar else months


def pace_required(current: Any, plan: Any, as_of: Any) -> Any:
    """Persons per month needed from ``as_of`` to reach ``plan`` by 31 December.

    ``(plan − current) ÷ months_remaining(as_of)``. Rules at the edges: when the plan is
    already met (``current ≥ plan``) the pace is 0; on 31 December (no month left) with
    the plan not met the pace is ``inf`` (it can no longer be met); missing inputs give
    NaN.

    Parameters
    ----------
    current : float or array-like
        Participants on ``as_of``.
    plan : float or array-like
        The year's plan (same units).
    as_of : date-like or array-like

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(pace_required(190863, 206387, "2020-07-31"))
    3094
    """
    gap = np.asarray(plan, dtype=float) - np.asarray(current, dtype=float)
    months = np.asarray(months_remaining(as_of), dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pace = np.where(gap <= 0, 0.0, np.where(months > 0, gap / months, np.inf))
    pace = np.where(np.isnan(gap) | np.isnan(months), np.nan, pace)
    return _out(pace)


# ------------------------------------------------------------- printed precision

_QUALIFIER_WORDS = sorted(
    [
        "≈", "~", "≥", "≤", ">=", "<=", ">", "<", "trên", "hơn", "gần", "khoảng",
        "tối thiểu", "tối đa", "ít nhất", "dưới", "xấp xỉ", "chừng", "about", "around",
        "approx.", "approximately", "nearly", "almost", "over", "more than", "less than",
        "at least", "under",
    ],
    key=len,
    reverse=True,
)
_APPROX = {"≈", "~", "khoảng", "xấp xỉ", "chừng", "about", "around", "approx.",
           "approximately"}
_OVER = {"trên", "hơn", ">", "over", "more than"}
_AT_LEAST = {"≥", ">=", "tối thiểu", "ít nhất", "at least"}
_NEARLY = {"gần", "nearly", "almost"}
_AT_MOST = {"≤", "<=", "<", "dưới", "tối đa", "less than", "under"}
_RAW_RE = (
    r"^\s*(?P<qual>" + "|".join(map(re.escape, _QUALIFIER_WORDS)) + r")?\s*"
    r"(?P<num>[+\-\u2212]?\s*\d(?:[\d.,]*\d)?)\s*(?P<rest>.*)$"
)
_MULTIPLIER = {
    "ngàn": 1e3, "nghìn": 1e3, "ngan": 1e3, "nghin": 1e3, "k": 1e3, "thousand": 1e3,
    "thous.": 1e3, "thous": 1e3, "triệu": 1e6, "trieu": 1e6, "m": 1e6, "mn": 1e6,
    "million": 1e6, "millions": 1e6, "tỷ": 1e9, "tỉ": 1e9, "ty": 1e9, "bn": 1e9,
    "billion": 1e9,
}


def _decimals_of_value(value: np.ndarray) -> np.ndarray:
    """Smallest number of decimals (0–6) that represents each value exactly."""
    k = np.full(value.shape, 6, dtype=float)
    for d in range(6, -1, -1):  # loop over 7 precisions, not rows
        scaled = value * 10.0**d
        exact = np.abs(scaled - np.round(scaled)) <= 1e-6 * np.maximum(1.0, np.abs(scaled))
        k = np.where(exact, d, k)
    return k


_VI_RE = r"^[+\-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$"
_EN_RE = r"^[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"


def _parse_plain(num: pd.Series, fmt: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ok, value, decimals) of bare number strings in one convention (vectorised)."""
    thousands, decimal = (".", ",") if fmt == "vi" else (",", ".")
    ok = num.str.fullmatch(_VI_RE if fmt == "vi" else _EN_RE).fillna(False).astype(bool)
    plain = num.where(ok, "nan").str.replace(thousands, "", regex=False)
    plain = plain.str.replace(decimal, ".", regex=False)
    value = plain.to_numpy(dtype=object, na_value="nan").astype(float)
    frac = num.where(ok, "").str.extract(rf"\{decimal}(\d+)$")[0]
    k = frac.str.len().astype(float).fillna(0.0).to_numpy()
    return ok.to_numpy(), value, k


def _parse_raw(u: pd.Series) -> pd.DataFrame:
    """Qualifier, multiplier word and both readings of distinct printed figures."""
    u = u.str.replace("\u00a0", " ").str.strip()
    # Plain digit strings (most of a panel) skip the slow regex extraction.
    plain = u.str.fullmatch(r"\d+").fillna(False).astype(bool)
    parts = pd.DataFrame({"qual": "", "num": u.where(plain, ""), "rest": ""}, index=u.index)
    if (~plain).any():
        parts.loc[~plain] = u[~plain].str.extract(_RAW_RE, flags=re.IGNORECASE).to_numpy()
    num = parts["num"].fillna("").str.replace(r"\s+", "", regex=True)
    num = num.str.replace("\u2212", "-")
    first = parts["rest"].fillna("").str.strip().str.extract(r"^(\S*)")[0]
    out = pd.DataFrame({
        "qual": parts["qual"].fillna("").str.casefold(),
        "word_mult": first.fillna("").str.casefold().map(_MULTIPLIER).astype(float),
        "plain": plain.to_numpy(dtype=bool),  # bare digits: a whole number, no qualifier
    })
    for fmt in ("vi", "en"):
        ok, value, k = _parse_plain(num, fmt)
        out[f"{fmt}_ok"], out[f"{fmt}_num"], out[f"{fmt}_k"] = ok, value, k
    return out


# Parsed printed figures per categories object: the parts of a big table (metrics
# run by groups of places) share one set of categories, parsed once. Entries hold a
# weak reference, so a recycled id() never returns another table's parse.
_PARSED: dict[int, tuple[weakref.ref, pd.DataFrame]] = {}
_PARSED_LOCK = threading.Lock()


def _parsed_figures(raw: pd.Series) -> tuple[np.ndarray, pd.DataFrame | None]:
    """Codes of ``raw`` and :func:`_parse_raw` of its distinct values (None if none)."""
    codes, uniques = text_codes(raw)
    if not len(uniques):
        return codes, None
    if not isinstance(raw.dtype, pd.CategoricalDtype):
        return codes, _parse_raw(uniques)
    cats = raw.cat.categories
    # One parse per categories object even when place groups run on two threads (the
    # first two groups would otherwise both parse the same strings).
    with _PARSED_LOCK:
        hit = _PARSED.get(id(cats))
        if hit is not None and hit[0]() is cats:
            return codes, hit[1]
        per = _parse_raw(uniques)
        if len(_PARSED) >= 8:
            _PARSED.clear()
        _PARSED[id(cats)] = (weakref.ref(cats), per)
    return codes, per


def _note_qualifier(notes: pd.Series) -> pd.Series:
    """Qualifier leading a note (``"gần; share of ..."``) or tagged ``qualifier=...``."""
    lead = notes.str.extract(r"^\s*([^;]+?)\s*(?:;|$)")[0].fillna("").str.casefold()
    lead = lead.where(lead.isin(_QUALIFIER_WORDS), "")
    tagged = notes.str.extract(r"qualifier\s*[=:]\s*([^;,]+)")[0].fillna("")
    return lead.where(lead != "", tagged.str.strip().str.casefold())


def _half_unit(value: np.ndarray, codes: np.ndarray | None,
               per: pd.DataFrame | None) -> np.ndarray:
    """Half the printed rounding unit of each figure (see :func:`figure_bounds`).

    ``per`` is :func:`_parse_raw` of the distinct printed strings and ``codes`` each
    row's index into it (``None``: nothing printed, decimals from the value itself).
    """
    n = len(value)

    def take(col: str, fill: Any) -> np.ndarray:
        if per is None:
            return np.full(n, fill)
        return per[col].to_numpy()[codes]

    word_mult = take("word_mult", np.nan).astype(float)
    has_word = ~np.isnan(word_mult)
    word_mult = np.where(has_word, word_mult, 1.0)
    decimals = np.full(n, np.nan)
    mult = np.ones(n)
    for fmt in ("en", "vi"):  # vi wins ties: plain digits agree
        number = take(f"{fmt}_num", np.nan).astype(float)
        parsed_ok = take(f"{fmt}_ok", False).astype(bool)
        ok = parsed_ok & np.isclose(number * word_mult, value, rtol=1e-9, atol=1e-9)
        this_mult = word_mult.copy()
        # Tables printed "in thousands" carry no unit word: accept value = number × 10^3k.
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = value / number
        for scale in (1e3, 1e6, 1e9):
            implicit = ~has_word & ~ok & parsed_ok & np.isclose(ratio, scale, rtol=1e-9)
            ok |= implicit
            this_mult = np.where(implicit, scale, this_mult)
        decimals = np.where(ok, take(f"{fmt}_k", 0.0).astype(float), decimals)
        mult = np.where(ok, this_mult, mult)
    from_raw = ~np.isnan(decimals)
    decimals = np.where(from_raw, decimals, _decimals_of_value(np.nan_to_num(value)))
    return 0.5 * 10.0 ** (-decimals) * np.where(from_raw, mult, 1.0)


def figure_bounds(obs: pd.DataFrame) -> pd.DataFrame:
    """Interval each printed figure stands for, from its rounding and qualifier.

    A figure printed with ``k`` decimals stands for ``value ± 0.5·10^-k`` in its printed
    unit (``"86 triệu"`` → ± 0.5 million, ``"83,23%"`` → ± 0.005 points). The
    number convention (vi/en) of ``value_raw`` is the one that reproduces ``value``;
    when ``value_raw`` is missing or unreadable, the decimals of ``value`` itself are
    used. Qualifiers then widen the interval: approximate (≈, khoảng, about) ± 2 %;
    over (trên, hơn, >, over) up to 10 % above; at least (≥, tối thiểu) unbounded above;
    nearly (gần, nearly) up to 5 % below; at most (<, dưới, tối đa) unbounded below.

    The qualifier is read from a ``qualifier`` column when ``obs`` has one, else from
    the start of ``value_raw`` (``"≈ 6,000"``), else from a ``qualifier=<word>`` token
    in ``note``.

    Parameters
    ----------
    obs : pandas.DataFrame
        Needs ``value``; uses ``value_raw``, ``qualifier`` and ``note`` when present.

    Returns
    -------
    pandas.DataFrame
        Same index; ``lo``, ``hi``, ``half_unit`` (float) and ``qualifier`` (str, ""
        when none).
    """
    value = pd.to_numeric(obs["value"], errors="coerce").to_numpy(dtype=float)
    n = len(obs)
    raw = (obs["value_raw"] if "value_raw" in obs else pd.Series([""] * n, index=obs.index))
    # Parse each distinct printed string once (panels repeat them), then match per row.
    codes, per = _parsed_figures(fill_text(raw))
    codes = np.where(codes < 0, 0, codes) if per is not None else codes

    # Fast path: a whole number printed as plain digits (most rows of a panel) stands
    # for value ± 0.5; only the other rows go through the general reading below.
    half = np.full(n, 0.5)
    if per is not None:
        digits = per["plain"].to_numpy(dtype=bool)[codes]
        slow = np.flatnonzero(~(digits & (per["en_num"].to_numpy()[codes] == value)))
    else:
        slow = np.arange(n)
    if len(slow):
        half[slow] = _half_unit(value[slow], codes[slow] if per is not None else None, per)

    # Qualifiers as integer codes into one vocabulary: each source (printed figure,
    # note, qualifier column) is read once per distinct value, then combined per row.
    vocab: dict[str, int] = {"": 0}

    def vocab_codes(words: pd.Series) -> np.ndarray:
        wcodes, wuniq = pd.factorize(words.astype("str").fillna(""))
        ids = np.array([vocab.setdefault(str(w), len(vocab)) for w in wuniq], dtype=np.int64)
        return ids[wcodes] if len(ids) else np.zeros(len(words), dtype=np.int64)

    def broadcast(values: np.ndarray, row_codes: np.ndarray) -> np.ndarray:
        return np.append(values, 0)[np.where(row_codes < 0, len(values), row_codes)]

    qual = (broadcast(vocab_codes(per["qual"].fillna("")), codes) if per is not None
            else np.zeros(n, dtype=np.int64))
    if "note" in obs:
        ncodes, notes = text_codes(fill_text(obs["note"]))
        if len(notes):
            from_note = broadcast(vocab_codes(_note_qualifier(notes)), ncodes)
            qual = np.where(qual != 0, qual, from_note)
    if "qualifier" in obs:
        qcodes, qvals = text_codes(fill_text(obs["qualifier"]))
        words = qvals.str.strip().str.casefold()
        words = words.where(~words.isin(["nan", "none", "<na>"]), "")
        from_col = broadcast(vocab_codes(words), qcodes)
        qual = np.where(from_col != 0, from_col, qual)
    q_uniq = np.array(list(vocab), dtype=object)  # dicts keep insertion order: code order

    def q_in(words: set[str]) -> np.ndarray:
        return np.isin(q_uniq, list(words))[qual]

    absval = np.abs(value)
    approx = q_in(_APPROX)
    over, at_least = q_in(_OVER), q_in(_AT_LEAST)
    nearly, at_most = q_in(_NEARLY), q_in(_AT_MOST)
    lo = np.select(
        [approx, nearly, at_most],
        [value - np.maximum(half, APPROX_REL * absval),
         value - np.maximum(half, NEARLY_REL * absval), np.full(n, -np.inf)],
        value - half,
    )
    hi = np.select(
        [approx, over, at_least],
        [value + np.maximum(half, APPROX_REL * absval),
         value + np.maximum(half, OVER_REL * absval), np.full(n, np.inf)],
        value + half,
    )
    import pyarrow as pa

    qual_text = pa.array(q_uniq.tolist(), type=pa.string()).take(pa.array(qual))
    return pd.DataFrame(
        {"lo": lo, "hi": hi, "half_unit": half,
         "qualifier": pd.Series(pa.chunked_array([qual_text]), dtype="str",
                                index=obs.index)},
        index=obs.index,
    )


# ---------------------------------------------------------------------- derivation


@dataclass(frozen=True)
class _Rule:
    """One derivation: ``out = a <op> b`` for matching rows of indicators a and b.

    ``join``: ``same`` = same unit, same as_of, same source (figures printed together);
    ``year`` = b is an annual reference (plan, denominator) of the same unit and year,
    any source; ``prev_year_end`` = a on 31 Dec, b on 31 Dec of the previous year.
    ``out_date``: ``same`` (a's date), ``year_end`` (31 Dec of a's year: plans are
    annual), ``prev_year_end``.
    ``compare``: whether the result takes part in consistency checks as a figure.
    """

    name: str
    out: str
    a: str
    b: str
    op: str  # ratio100 | add | sub | rsub | growth
    join: str
    out_date: str
    unit: str
    compare: bool = True


def _rules() -> list[_Rule]:
    """Every derivation rule, expanded over schemes."""
    rules: list[_Rule] = []
    for s in SCHEMES:
        den = DENOMINATOR.get(s)
        p = f"{s}_participants"
        if den is not None:
            rules += [
                _Rule("denominator_from_coverage", den, p, f"{s}_coverage_pct",
                      "ratio100", "same", "same", "persons"),
                _Rule("denominator_from_shortfall", den, f"{s}_shortfall_participants",
                      f"{s}_shortfall_pp", "ratio100", "same", "same", "persons"),
                # Compared through the denominator check instead (same arithmetic).
                _Rule("coverage_from_denominator", f"{s}_coverage_pct", p, den,
                      "ratio100", "year", "same", "pct", compare=False),
            ]
        rules += [
            _Rule("plan_coverage_from_shortfall", f"{s}_plan_coverage_pct",
                  f"{s}_coverage_pct", f"{s}_shortfall_pp", "add", "same", "year_end", "pct"),
            _Rule("plan_from_attainment", f"{s}_plan_participants", p, f"{s}_attainment_pct",
                  "ratio100", "same", "year_end", "persons"),
            _Rule("plan_new_from_attainment", f"{s}_plan_new_participants",
                  f"{s}_new_participants", f"{s}_attainment_pct", "ratio100", "same",
                  "year_end", "persons"),
            _Rule("plan_from_shortfall", f"{s}_plan_participants", p,
                  f"{s}_shortfall_participants", "add", "same", "year_end", "persons"),
            _Rule("previous_level", p, p, f"{s}_change_participants", "sub", "same",
                  "prev_year_end", "persons"),
            _Rule("attainment_from_plan", f"{s}_attainment_pct", p,
                  f"{s}_plan_participants", "ratio100", "year", "same", "pct"),
            _Rule("attainment_new_from_plan", f"{s}_attainment_pct", f"{s}_new_participants",
                  f"{s}_plan_new_participants", "ratio100", "year", "same", "pct"),
            _Rule("shortfall_from_plan", f"{s}_shortfall_participants", p,
                  f"{s}_plan_participants", "rsub", "year", "same", "persons"),
            _Rule("shortfall_pp_from_plan", f"{s}_shortfall_pp", f"{s}_coverage_pct",
                  f"{s}_plan_coverage_pct", "rsub", "year", "same", "pct"),
            _Rule("yoy_change", f"{s}_change_participants", p, p, "sub", "prev_year_end",
                  "same", "persons"),
            _Rule("yoy_growth", f"{s}_{GROWTH_MEASURE}", p, p, "growth", "prev_year_end",
                  "same", "pct"),
        ]
    return rules


_METHOD_TEXT = {
    "ratio100": "{out} = {a} ÷ {b} × 100",
    "add": "{out} = {a} + {b}",
    "sub": "{out} = {a} − {b}",
    "rsub": "{out} = {b} − {a}",
    "growth": "{out} = ({a} ÷ {b} − 1) × 100",
}
_DATE_TEXT = {
    "year_end": " (annual: as of 31 Dec)",
    "prev_year_end": " (as of 31 Dec of the previous year)",
}


def _method_text(rule: _Rule) -> str:
    a = rule.a
    b = rule.b
    if rule.join == "prev_year_end":
        b = f"{b} (previous 31 Dec)"
    if rule.join == "year":
        b = f"{b} (same year)"
    text = _METHOD_TEXT[rule.op].format(out=rule.out, a=a, b=b)
    return text + _DATE_TEXT.get(rule.out_date, "")


def _inner_join(ka: np.ndarray, kb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions ``(ia, ib)`` of every pair with ``ka[ia] == kb[ib]`` (an inner join).

    Sort-and-search on integer keys: no hash table, no DataFrame (a rule joins a few
    thousand to a few million rows, many times per table).
    """
    order = np.argsort(kb, kind="stable")
    kbs = kb[order]
    lo = np.searchsorted(kbs, ka, side="left")
    n = np.searchsorted(kbs, ka, side="right") - lo
    total = int(n.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ia = np.repeat(np.arange(len(ka)), n)
    # Within each left row's run of matches: lo, lo+1, ..., lo+n-1.
    start = np.cumsum(n) - n
    ib = order[np.repeat(lo - start, n) + np.arange(total)]
    return ia, ib


def _interval_op(op: str, a: Any, b: Any) -> tuple[np.ndarray, ...]:
    """Value and interval of ``a <op> b`` (interval arithmetic on [lo, hi]).

    ``a`` and ``b`` map ``value``, ``lo`` and ``hi`` to arrays (dict or DataFrame).
    """
    av, alo, ahi = (np.asarray(a[c], dtype=float) for c in ("value", "lo", "hi"))
    bv, blo, bhi = (np.asarray(b[c], dtype=float) for c in ("value", "lo", "hi"))
    with np.errstate(divide="ignore", invalid="ignore"):
        if op == "add":
            return av + bv, alo + blo, ahi + bhi
        if op == "sub":
            return av - bv, alo - bhi, ahi - blo
        if op == "rsub":
            return bv - av, blo - ahi, bhi - alo
        # Division: the extremes are among the four corner quotients unless the
        # divisor's interval contains 0 (then unbounded).
        corners = np.stack([alo / blo, alo / bhi, ahi / blo, ahi / bhi])
        corners = np.where(np.isnan(corners), np.inf, corners)  # inf/inf etc.
        lo = np.min(corners, axis=0) * 100.0
        hi = np.max(np.where(np.isfinite(corners), corners, np.inf), axis=0) * 100.0
        spans_zero = (blo <= 0) & (bhi >= 0)
        lo = np.where(spans_zero, -np.inf, lo)
        hi = np.where(spans_zero, np.inf, hi)
        val = np.where(bv != 0, av / bv * 100.0, np.nan)
        if op == "growth":
            return val - 100.0, lo - 100.0, hi - 100.0
        return val, lo, hi


def _prepare(obs: pd.DataFrame) -> pd.DataFrame:
    """Observations with normalised dates (internal frame; bounds are computed lazily)."""
    need = ["obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
            "as_of", "indicator", "value"]
    missing = [c for c in need if c not in obs.columns]
    if missing:
        raise KeyError(f"observations lack column(s): {', '.join(missing)}")
    df = pd.DataFrame({c: obs[c] for c in need}, index=obs.index)
    for col in ("province_2025", "geo_name_raw", "as_of_raw", "value_raw", "note",
                "qualifier"):
        df[col] = fill_text(obs[col]) if col in obs else ""
    df["preliminary"] = (obs["preliminary"].fillna(False).astype(bool)
                         if "preliminary" in obs else False)
    for col in ("obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
                "indicator"):
        df[col] = fill_text(df[col])
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df["as_of"] = pd.to_datetime(df["as_of"], errors="coerce")
    usable = (df["as_of"].notna() & df["value"].notna()).to_numpy()
    if not usable.all():  # no copy of a (large) clean table
        df = df[usable]
    # Integer keys for the joins: unit, date, source; the year and the 31 December
    # flag from the datetime64 values (NumPy calendar units, no .dt accessors).
    dates = df["as_of"].to_numpy().astype("datetime64[ns]")
    years = dates.astype("datetime64[Y]")
    df["year"] = years.astype(np.int64) + 1970
    df["_unit"] = _unit_codes(df)
    df["_date"] = dates.view("int64")
    df["_src"] = text_codes(df["source_id"])[0]
    # 31 December = the day before the next year's 1 January.
    df["_ye"] = dates.astype("datetime64[D]") == (years + 1).astype("datetime64[D]") - 1
    return df.reset_index(drop=True)


def _unit_codes(df: pd.DataFrame) -> np.ndarray:
    """One integer per place (boundaries, geo_level, geo_code), from the text codes."""
    key = radix_key([text_codes(df[c])[0].astype(np.int64) + 1 for c in _UNIT_KEY])
    if key is None:  # beyond 62 bits of codes: let pandas pair the three columns
        return df.groupby(_UNIT_KEY, sort=False, observed=True, dropna=False).ngroup().to_numpy()
    return pd.factorize(key)[0]


def _bounds_at(df: pd.DataFrame, pos: np.ndarray,
               cache: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Rounding intervals of ``df``'s rows at positions ``pos`` (memoised in ``cache``)."""
    if "lo" not in cache:
        # All rows in one call: the text is parsed once per distinct printed figure and
        # note (categorical codes), the per-row work is a few NumPy operations.
        b = figure_bounds(df[["value", "value_raw", "note", "qualifier"]])
        cache["lo"], cache["hi"] = b["lo"].to_numpy(), b["hi"].to_numpy()
    return cache["lo"][pos], cache["hi"][pos]


def _year_end_ns(years: np.ndarray) -> np.ndarray:
    """31 December of each year as datetime64[ns] integers (one conversion per year)."""
    uniq, inv = np.unique(years, return_inverse=True)
    ends = np.array([np.datetime64(f"{int(y):04d}-12-31", "ns") for y in uniq],
                    dtype="datetime64[ns]").view("int64")
    return ends[inv]


def _apply_rule(rule: _Rule, df: pd.DataFrame, groups: dict[str, np.ndarray],
                cache: dict[str, np.ndarray]) -> dict[str, np.ndarray] | None:
    """Positions, values and intervals of the rows one rule produces (None if none).

    ``groups`` maps each indicator to the positions of its rows in ``df``. Only integer
    keys are merged and only numeric arrays are returned: the text columns of the
    derived table are built once for all rules, as categoricals, in :func:`_derive_full`
    (a monthly panel against yearly plans yields millions of rows).
    """
    if rule.a not in groups or rule.b not in groups:
        return None
    sel_a, sel_b = groups[rule.a], groups[rule.b]
    if rule.join == "prev_year_end":
        ye = cache["_ye"]
        sel_a, sel_b = sel_a[ye[sel_a]], sel_b[ye[sel_b]]
    year = cache["year"]
    if rule.join == "same":
        key = cache["_key_same"]  # unit, date and source in one integer
        ja, jb = _inner_join(key[sel_a], key[sel_b])
    else:
        key = cache["_key_year"]  # unit and year in one integer
        shift = 1 if rule.join == "prev_year_end" else 0
        ja, jb = _inner_join(key[sel_a], key[sel_b] + shift)
    if not len(ja):
        return None
    ia, ib = sel_a[ja], sel_b[jb]
    value = cache["value"]
    lo_a, hi_a = _bounds_at(df, ia, cache)
    lo_b, hi_b = _bounds_at(df, ib, cache)
    val, lo, hi = _interval_op(rule.op, {"value": value[ia], "lo": lo_a, "hi": hi_a},
                               {"value": value[ib], "lo": lo_b, "hi": hi_b})
    date = cache["_date"]
    if rule.out_date == "year_end":
        as_of = _year_end_ns(year[ia])
    elif rule.out_date == "prev_year_end":
        as_of = _year_end_ns(year[ia] - 1)
    else:
        as_of = date[ia]
    keep = np.isfinite(np.asarray(val, dtype=float))
    return {"ia": ia[keep], "ib": ib[keep], "value": np.asarray(val, float)[keep],
            "lo": np.asarray(lo, float)[keep], "hi": np.asarray(hi, float)[keep],
            "as_of": as_of[keep]}


def _join_keys(cache: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """One int64 per row for each join: (unit, date, source) and (unit, year).

    Mixed-radix numbers of dense codes, so equal keys mean equal tuples; the year key
    leaves room for the +1 of the previous-year join.
    """
    unit = cache["_unit"].astype(np.int64)
    date_code = pd.factorize(cache["_date"])[0].astype(np.int64)
    src = cache["_src"].astype(np.int64)
    n_date, n_src = int(date_code.max(initial=0)) + 1, int(src.max(initial=0)) + 1
    same = (unit * n_date + date_code) * n_src + src
    year = cache["year"].astype(np.int64)
    y0 = int(year.min(initial=0))
    span = int(year.max(initial=0)) - y0 + 2
    return same, unit * span + (year - y0)


def _order_by(keys: list[np.ndarray]) -> np.ndarray:
    """Stable order of rows by non-negative integer ``keys`` (first key first).

    One stable argsort of their :func:`textops.radix_key` when it fits (the rules'
    pieces arrive as sorted runs, which the merge sort exploits); ``np.lexsort``
    otherwise. Both give the same order.
    """
    combined = radix_key(keys)
    if combined is None:
        return np.lexsort(keys[::-1])
    return np.argsort(combined, kind="stable")


def _cat(codes: np.ndarray, categories: Any) -> pd.Categorical:
    """Categorical of text from integer codes (categories as the ``str`` dtype).

    The codes come from a factorization of the same values, so pandas' O(n) check of
    their range is skipped.
    """
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype="str"),
                                     validate=False)


def _sorted_cat(values: np.ndarray) -> pd.Categorical:
    """Categorical of a small set of repeated strings, categories sorted (sort order)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype="str"), sort=True)
    return _cat(codes, uniques)


def _derived_keys(obs_hash: np.ndarray, method_hash: np.ndarray, ia: np.ndarray,
                  ib: np.ndarray) -> np.ndarray:
    """64-bit key of each derived figure from its method and its two inputs' obs_ids.

    ``obs_hash`` is :func:`textops.string_hash64` of the observations' ``obs_id`` and
    ``method_hash`` that of each row's method text; chained :func:`textops.splitmix64`
    keeps the order of the inputs significant. Pure integer arithmetic: no strings.
    """
    with np.errstate(over="ignore"):
        k = splitmix64(method_hash ^ splitmix64(obs_hash[ia]))
        return splitmix64(k ^ splitmix64(obs_hash[ib] + np.uint64(0x632BE59BD9B4E019)))


def _hex_ids(key: np.ndarray) -> pd.Series:
    """``"drv-"`` + 16 lowercase hex digits of each 64-bit key (vectorised ``%016x``)."""
    import pyarrow as pa

    # Two hex digits per byte of the key, looked up as one uint16 (little-endian).
    pairs = np.array([int.from_bytes(f"{b:02x}".encode(), "little") for b in range(256)],
                     dtype="<u2")
    text = np.empty((len(key), 10), dtype="<u2")  # 20 bytes per id
    text[:, :2] = np.frombuffer(b"drv-", dtype="<u2")
    for j in range(8):  # one pass per byte of the key, not per row
        text[:, 2 + j] = pairs[((key >> np.uint64(56 - 8 * j)) & np.uint64(0xFF)).astype(np.intp)]
    fixed = pa.FixedSizeBinaryArray.from_buffers(pa.binary(20), len(key),
                                                 [None, pa.py_buffer(text)])
    return pd.Series(pa.chunked_array([fixed.cast(pa.string())]), dtype="str")


def _joined_ids(ids: pd.Series, ia: np.ndarray, ib: np.ndarray) -> pd.Series:
    """``ids[ia] + " " + ids[ib]`` computed in Arrow (no Python string objects)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.chunked_array(ids.array.__arrow_array__()).combine_chunks().cast(pa.string())
    joined = pc.binary_join_element_wise(arr.take(pa.array(ia)), arr.take(pa.array(ib)), " ")
    return pd.Series(pa.chunked_array([joined]), dtype="str")


def _empty_full() -> pd.DataFrame:
    cols = [*DERIVED_COLUMNS, "_rule", "_compare", "_a_ind", "_a_val", "_b_ind", "_b_val"]
    empty = pd.DataFrame({c: pd.Series(dtype="str") for c in cols})
    for c in ("value", "value_lo", "value_hi", "_a_val", "_b_val"):
        empty[c] = empty[c].astype(float)
    empty["as_of"] = pd.to_datetime(empty["as_of"])
    empty["preliminary"] = empty["preliminary"].astype(bool)
    empty["_compare"] = empty["_compare"].astype(bool)
    return empty


def _derive_full(obs: pd.DataFrame, prepared: pd.DataFrame | None = None) -> pd.DataFrame:
    """All derived rows with the internal columns used by the checks.

    Repeated text (indicator, method, units, places, sources) is held as sorted
    categoricals; only ``obs_id`` and ``inputs`` are per-row strings. ``prepared`` is
    :func:`_prepare` of ``obs`` when the caller already has it.
    """
    df = _prepare(obs) if prepared is None else prepared
    groups = {str(k): np.asarray(v) for k, v in df.groupby("indicator").indices.items()}
    cache: dict[str, np.ndarray] = {c: df[c].to_numpy() for c in
                                    ("_unit", "_date", "_src", "year", "_ye")}
    cache["value"] = df["value"].to_numpy(dtype=float)
    cache["_key_same"], cache["_key_year"] = _join_keys(cache)
    rules = _rules()
    pieces, rule_of = [], []
    for i, r in enumerate(rules):
        p = _apply_rule(r, df, groups, cache)
        if p is not None and len(p["ia"]):
            pieces.append(p)
            rule_of.append(np.full(len(p["ia"]), i, dtype=np.int32))
    if not pieces:
        return _empty_full()
    cat = {k: np.concatenate([p[k] for p in pieces]) for k in pieces[0]}
    cat["ri"] = np.concatenate(rule_of)
    del pieces, rule_of
    # Observation text columns: factorize once (sorted uniques), gather codes by position.
    obs_cat: dict[str, tuple[np.ndarray, Any]] = {}
    for c in (*_UNIT_KEY, "geo_name", "province_2025", "geo_name_raw", "source_id"):
        obs_cat[c] = pd.factorize(df[c], sort=True)
    out_ind = np.array([r.out for r in rules], dtype=object)
    ind_rank = pd.factorize(pd.Series(out_ind, dtype="str"), sort=True)[0]
    # Put the rows in their final order (unit, as_of, indicator) before any text column
    # exists, so the table is built once in order; obs_id only breaks ties, below.
    d_codes, d_uniq = pd.factorize(cat["as_of"], sort=True)
    row_keys = [*(obs_cat[c][0][cat["ia"]] for c in _UNIT_KEY), d_codes,
                ind_rank[cat["ri"]]]
    order = _order_by(row_keys)
    cat = {k: v[order] for k, v in cat.items()}
    d_codes = d_codes[order]
    ia, ib, ri = cat["ia"], cat["ib"], cat["ri"]
    # Per-rule text, looked up by rule index (categories sorted for the sort below).
    def by_rule(values: list[Any]) -> pd.Categorical:
        return _sorted_cat(np.asarray(values, dtype=object))[ri]

    texts = {
        "indicator": by_rule([r.out for r in rules]),
        "unit": by_rule([r.unit for r in rules]),
        "method": by_rule([_method_text(r) for r in rules]),
        "_rule": by_rule([r.name for r in rules]),
        "_a_ind": by_rule([r.a for r in rules]),
        "_b_ind": by_rule([r.b for r in rules]),
    }
    compare = np.array([r.compare for r in rules], dtype=bool)[ri]
    place = {c: _cat(obs_cat[c][0][ia], obs_cat[c][1]) for c in
             (*_UNIT_KEY, "geo_name", "province_2025", "geo_name_raw")}
    # source_id: "a" when both inputs share a source, else "a+b" (per distinct pair).
    s_codes, s_names = obs_cat["source_id"]
    s_names = np.asarray(s_names, dtype=object)
    pair_codes, pairs = pd.factorize(
        pd.Series(s_codes[ia].astype(np.int64) * len(s_names) + s_codes[ib]), sort=True)
    pa_, pb_ = np.divmod(np.asarray(pairs, dtype=np.int64), len(s_names))
    pair_text = [s_names[x] if x == y else f"{s_names[x]}+{s_names[y]}"
                 for x, y in zip(pa_, pb_, strict=True)]  # distinct source pairs only
    source = _sorted_cat(np.asarray(pair_text, dtype=object))[pair_codes]
    # as_of and its ISO text (formatted once per distinct date).
    as_of_ns = cat["as_of"].astype(np.int64)
    d_text = pd.Series(np.asarray(d_uniq).astype("datetime64[ns]")).dt.strftime("%Y-%m-%d")
    inputs = _joined_ids(df["obs_id"].astype("str"), ia, ib)
    out = pd.DataFrame({
        "source_id": source,
        **{c: place[c] for c in (*_UNIT_KEY, "geo_name", "province_2025", "geo_name_raw")},
        "as_of": as_of_ns.view("datetime64[ns]"),
        "as_of_raw": _cat(d_codes, d_text),
        "indicator": texts["indicator"], "value": cat["value"], "unit": texts["unit"],
        "preliminary": (df["preliminary"].to_numpy(dtype=bool)[ia]
                        | df["preliminary"].to_numpy(dtype=bool)[ib]),
        "method": texts["method"], "inputs": inputs,
        "value_lo": cat["lo"], "value_hi": cat["hi"],
        # Internal columns for the consistency checks.
        "_rule": texts["_rule"], "_compare": compare,
        "_a_ind": texts["_a_ind"], "_a_val": cache["value"][ia],
        "_b_ind": texts["_b_ind"], "_b_val": cache["value"][ib],
    })
    # Deterministic id from how the figure was derived and from which figures.
    method_hash = string_hash64(pd.Series([_method_text(r) for r in rules], dtype="str"))
    key = _derived_keys(string_hash64(df["obs_id"]), method_hash[ri], ia, ib)
    out["obs_id"] = _hex_ids(key)
    out["value_raw"] = _cat(np.zeros(len(out), dtype=np.int8), [""])
    out["note"] = _cat(np.zeros(len(out), dtype=np.int8),
                       ["derived; value_lo–value_hi is the range the inputs' rounding allows"])
    # Rows tying on unit, as_of and indicator are ordered by obs_id: its fixed-width hex
    # orders as ``key``, and sorted categories order as their text.
    sort_keys = [out[c].cat.codes.to_numpy() for c in _UNIT_KEY]
    sort_keys += [as_of_ns, out["indicator"].cat.codes.to_numpy()]
    same = np.ones(len(out) - 1, dtype=bool)
    for k in sort_keys:
        same &= k[1:] == k[:-1]
    if same.any():
        order = np.lexsort((key, *sort_keys[::-1]))
        out = out.take(order).reset_index(drop=True)
    return out


def _restore_dates(col: pd.Series, like: pd.Series) -> pd.Series:
    """Return dates as datetime64 if ``like`` holds datetimes, else ISO strings."""
    if pd.api.types.is_datetime64_any_dtype(like):
        return col
    return col.dt.strftime("%Y-%m-%d")


def derive(obs: pd.DataFrame) -> pd.DataFrame:
    """Every figure the observations imply, in a table separate from them.

    For each unit, as-of date and scheme where the inputs exist (see the rules in
    ``docs/metrics.md``): implied denominators (population for BHYT, ``labour_force``
    for BHXH/BHTN) from participants ÷ coverage and from shortfall persons ÷ shortfall
    points; implied plan coverage (coverage + shortfall points); implied plans
    (participants ÷ attainment; participants + shortfall persons; new ÷ attainment for
    plans of new participants); implied previous year-end level (participants − change);
    coverage from an observed denominator of the same year; attainment and shortfalls
    from an observed plan of the same year; year-on-year change and growth between
    year-end figures. Inputs are always observed figures (derived figures are never
    chained), so every derived row traces back to printed figures.

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations (``docs/architecture.md``); needs at least ``obs_id,
        source_id, geo_code, geo_name, geo_level, boundaries, as_of, indicator, value``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DERIVED_COLUMNS`: the observation columns (``obs_id`` =
        ``drv-<hash>``, deterministic; ``source_id`` = the inputs' sources joined with
        ``+``; ``value`` at full precision; ``value_raw`` empty; ``note`` gives the
        range), ``method`` (readable formula), ``inputs`` (space-separated obs_ids) and
        ``value_lo``/``value_hi`` (the range the inputs' printed rounding allows).
        Sorted by unit, as_of, indicator, obs_id. Repeated text columns (places,
        ``source_id``, ``indicator``, ``unit``, ``method``, ``note`` ...) are
        ``category`` dtype with sorted ``str`` categories (a monthly commune panel
        derives ~10 M rows); ``obs_id`` and ``inputs`` are ``str``. Use
        ``.astype("str")`` before string arithmetic on a categorical column.
    """
    return _public_derived(_derive_full(obs), obs)


def _public_derived(full: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    out = full[DERIVED_COLUMNS]
    out["as_of"] = _restore_dates(out["as_of"], obs["as_of"])
    return out


def derive_and_check(obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(derive(obs), check_consistency(obs, derived))`` sharing their preparation.

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations.

    Returns
    -------
    derived, consistency : pandas.DataFrame
        Exactly what the two functions return.
    """
    df = _prepare(obs)
    full = _derive_full(obs, df)
    derived = _public_derived(full, obs)
    return derived, check_consistency(obs, derived, _prepared=df, _full=full)


# --------------------------------------------------------------------- consistency


def _fmt(x: float) -> str:
    """Readable number for the checks' text columns (full precision stays in values)."""
    if x is None or x != x:
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


def _pair_frame(left: pd.DataFrame, right: pd.DataFrame, check: str,
                extra_allow: np.ndarray | None = None) -> pd.DataFrame:
    """Build consistency rows from aligned left/right figure frames.

    Both frames carry ``value, lo, hi, text, implied, sources, ids`` and the unit key.
    ``extra_allow`` widens the right interval by a relative amount (denominators).
    """
    left, right = _with_text(left), _with_text(right)
    lo_r, hi_r = right["lo"].to_numpy(float), right["hi"].to_numpy(float)
    if extra_allow is not None:
        span = extra_allow * np.abs(right["value"].to_numpy(float))
        lo_r, hi_r = lo_r - span, hi_r + span
    lo_l, hi_l = left["lo"].to_numpy(float), left["hi"].to_numpy(float)
    scale = 1e-9 * np.maximum(1.0, np.abs(left["value"].to_numpy(float)))
    conflict = (lo_l > hi_r + scale) | (lo_r > hi_l + scale)
    tol = (hi_l - lo_l) / 2 + (hi_r - lo_r) / 2
    ids = (left["ids"] + " " + right["ids"]).str.split(" ").map(
        lambda xs: " ".join(sorted(set(xs))))
    sources = (left["sources"] + "+" + right["sources"]).str.split("+").map(
        lambda xs: "+".join(sorted(set(xs))))
    return pd.DataFrame({
        "geo_code": left["geo_code"].to_numpy(), "geo_name": left["geo_name"].to_numpy(),
        "geo_level": left["geo_level"].to_numpy(),
        "boundaries": left["boundaries"].to_numpy(),
        "as_of": left["as_of"].to_numpy(),
        "check": check + ":" + left["indicator"].to_numpy(dtype=object),
        "indicator": left["indicator"].to_numpy(),
        "figures": (left["text"] + " | " + right["text"]).to_numpy(),
        "implied_values": (left["implied"] + " | " + right["implied"]).to_numpy(),
        "difference": right["value"].to_numpy(float) - left["value"].to_numpy(float),
        "tolerance": tol,
        "status": np.where(conflict, "conflict", "ok"),
        "sources": sources.to_numpy(), "obs_ids": ids.to_numpy(),
    })


def _with_text(f: pd.DataFrame) -> pd.DataFrame:
    """Add the text columns the checks print (only for the rows paired)."""
    f = _as_text(f)
    return _derived_figures(f) if "_rule" in f.columns else _observed_figures(f)


def _observed_figures(df: pd.DataFrame) -> pd.DataFrame:
    """Observed figures with the text columns the checks print."""
    f = df.copy()
    bounds = figure_bounds(f)
    f["lo"], f["hi"], f["qualifier"] = bounds["lo"], bounds["hi"], bounds["qualifier"]
    val = _fmt_series(f["value"])
    f["text"] = (f["indicator"] + "=" + val + " (" + f["as_of"].dt.strftime("%Y-%m-%d")
                 + ", " + f["source_id"] + ")")
    qual = f["qualifier"].where(f["qualifier"] == "", " " + f["qualifier"])
    f["implied"] = (f["indicator"] + "=" + val + qual + " [" + _fmt_series(f["lo"]) + ", "
                    + _fmt_series(f["hi"]) + "]")
    f["sources"], f["ids"] = f["source_id"], f["obs_id"]
    return f


def _derived_figures(d: pd.DataFrame) -> pd.DataFrame:
    """Derived figures with the text columns the checks print."""
    f = d.copy()
    f["text"] = (f["_a_ind"] + "=" + _fmt_series(f["_a_val"]) + "; " + f["_b_ind"] + "="
                 + _fmt_series(f["_b_val"]) + " (" + f["source_id"] + ")")
    f["implied"] = (f["indicator"] + "=" + _fmt_series(f["value"]) + " ["
                    + _fmt_series(f["lo"]) + ", " + _fmt_series(f["hi"]) + "] via "
                    + f["_rule"])
    f["sources"], f["ids"] = f["source_id"], f["inputs"]
    return f


_ORDER = [*_UNIT_KEY, "as_of", "indicator", "obs_id"]


def _self_pairs(f: pd.DataFrame, on: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All unordered pairs of distinct rows of ``f`` sharing ``on`` (left, right).

    The candidates are sorted first, so a pair's orientation never depends on the
    order of the input table.
    """
    f = f[_duplicated_rows(f, on)]
    if f.empty:  # the usual case: no merge of nothing
        return f.reset_index(drop=True), f.reset_index(drop=True)
    f = f.sort_values(_ORDER, kind="stable").reset_index(drop=True)
    f["_i"] = np.arange(len(f))
    m = f[[*on, "_i"]].merge(f[[*on, "_i"]], on=on, suffixes=("_l", "_r"))
    m = m[m["_i_l"] < m["_i_r"]]
    left = f.iloc[m["_i_l"].to_numpy()].reset_index(drop=True)
    right = f.iloc[m["_i_r"].to_numpy()].reset_index(drop=True)
    return left, right


_TEXT_COLUMNS = ("obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
                 "indicator", "method", "inputs")


def _internal_from_derived(derived: pd.DataFrame) -> pd.DataFrame:
    """Rebuild the internal columns of derived rows from their method (inputs: lazily).

    Text columns keep their dtype here (categoricals from :func:`derive` stay compact);
    :func:`_as_text` converts only the rows that take part in a check.
    """
    rules = {_method_text(r): (r.name, r.compare) for r in _rules()}
    known = per_value(derived["method"], lambda m: m.isin(list(rules)).to_numpy(dtype=bool))
    out = derived if known.all() else derived[known]
    out = out.reset_index(drop=True)
    out["as_of"] = pd.to_datetime(out["as_of"])
    for col in ("value", "value_lo", "value_hi"):
        out[col] = pd.to_numeric(out[col], errors="coerce")
    codes, methods = text_codes(out["method"])
    names = [rules[mt][0] if mt in rules else "" for mt in methods]
    name_codes, name_uniq = pd.factorize(pd.Series(names, dtype="str"), sort=True)
    out["_rule"] = pd.Categorical.from_codes(
        name_codes[codes], categories=pd.Index(name_uniq, dtype="str"))
    out["_compare"] = np.array([rules[mt][1] if mt in rules else False for mt in methods],
                               dtype=bool)[codes]
    return out


def _as_text(f: pd.DataFrame) -> pd.DataFrame:
    """Text columns (and categoricals) as ``str`` for the string arithmetic of the checks."""
    cols = {c: f[c].astype("str") for c in f.columns
            if c in _TEXT_COLUMNS or isinstance(f[c].dtype, pd.CategoricalDtype)}
    return f.assign(**cols) if cols else f


def _candidates(full: pd.DataFrame, df: pd.DataFrame, den_inds: set[str]) -> pd.DataFrame:
    """Derived rows some check can pair: rows of comparable rules (``_compare``) that
    are denominators, of indicators also observed, or share unit, indicator and as_of
    with another such row. One selection of the (big) table, after the masks."""
    compare = full["_compare"].to_numpy(dtype=bool)
    wanted = den_inds | {str(i) for i in df["indicator"].unique()}
    keep = per_value(full["indicator"], lambda u: u.isin(wanted).to_numpy(dtype=bool))
    key = [*_UNIT_KEY, "as_of", "indicator"]
    if compare.all():
        keep |= _duplicated_rows(full, key)
    else:
        rows = np.flatnonzero(compare)
        keep[rows] |= _duplicated_rows(full.take(rows), key)
    keep &= compare
    return full[keep].reset_index(drop=True)


def _duplicated_rows(f: pd.DataFrame, cols: list[str]) -> np.ndarray:
    """``f.duplicated(cols, keep=False)`` through a 64-bit hash of integer codes.

    The hash table holds one integer per row instead of a tuple of text; rows whose
    hashes collide are confirmed with the exact ``duplicated`` on that subset only.
    """
    if len(f) < 2:
        return np.zeros(len(f), dtype=bool)
    keys = []
    for c in cols:
        col = f[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            keys.append(col.to_numpy().astype("datetime64[ns]").view("int64"))
        elif pd.api.types.is_integer_dtype(col.dtype):
            keys.append(col.to_numpy().astype(np.int64))
        else:
            keys.append(text_codes(col)[0].astype(np.int64))
    if is_lexsorted(keys):  # derive() output is sorted by these keys: O(n)
        return adjacent_ties(keys)
    h = np.zeros(len(f), dtype=np.uint64)
    for k in keys:
        h = splitmix64(h ^ splitmix64(k.astype(np.uint64)))
    return duplicated_by_hash(
        h, lambda pos: f.iloc[pos].duplicated(cols, keep=False).to_numpy())


def _fill_inputs(f: pd.DataFrame, look: pd.DataFrame) -> pd.DataFrame:
    """Add the inputs' indicators and values to paired derived rows (for the text)."""
    if "_a_ind" in f.columns or "_rule" not in f.columns or f.empty:
        return f
    ids = f["inputs"].str.split(" ", n=1, expand=True).reindex(columns=[0, 1])
    f = f.copy()
    for side, col in (("a", 0), ("b", 1)):
        f[f"_{side}_ind"] = ids[col].map(look["indicator"]).fillna("?").astype("str")
        f[f"_{side}_val"] = ids[col].map(look["value"]).astype(float)
    return f


def _matches(left: pd.DataFrame, right: pd.DataFrame,
             on: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of ``left`` and ``right`` that share ``on`` (inner join), as aligned pairs."""
    if left.empty or right.empty:
        return left.iloc[:0].reset_index(drop=True), right.iloc[:0].reset_index(drop=True)
    right = right.sort_values(_ORDER, kind="stable")
    m = left[on].assign(_l=np.arange(len(left))).merge(
        right[on].assign(_r=np.arange(len(right))), on=on)
    return (left.iloc[m["_l"].to_numpy()].reset_index(drop=True),
            right.iloc[m["_r"].to_numpy()].reset_index(drop=True))


def check_consistency(obs: pd.DataFrame, derived: pd.DataFrame | None = None, *,
                      _prepared: pd.DataFrame | None = None,
                      _full: pd.DataFrame | None = None) -> pd.DataFrame:
    """Compare every pair of figures that imply the same quantity.

    Each figure stands for an interval (printed rounding, widened by qualifiers, see
    :func:`figure_bounds`; derived figures carry the interval their inputs allow). Two
    figures agree (``ok``) when their intervals overlap and are a ``conflict``
    otherwise. Checks (the ``check`` column is ``<kind>:<indicator>``):

    - ``same_figure``: two observations of the same unit, indicator and month
      (different sources or repeated rows); both values are kept, never averaged.
    - ``derived_vs_observed``: a derived figure and an observation of the same unit,
      indicator and as_of (e.g. 366 ÷ 244 vs the printed 150%).
    - ``derived_vs_derived``: two derived figures of the same unit, indicator and as_of
      from different inputs (Đà Lạt's population from coverage and from shortfall).
    - ``denominator_vs_observed``: an implied population/labour force and an observed
      one of the same unit and year; when they come from different publishers the
      observed interval is widened by :data:`DENOMINATOR_ALLOWANCE` (5 %), since GSO's
      mid-year average and the base VSS divides by differ by definition.

    Parameters
    ----------
    obs : pandas.DataFrame
        Tidy observations.
    derived : pandas.DataFrame or None
        Output of :func:`derive` on ``obs``; only its rows (by ``obs_id``) take part.
        ``None`` derives from ``obs``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CONSISTENCY_COLUMNS`; ``figures`` lists the printed inputs,
        ``implied_values`` each side's value and interval, ``difference`` = right −
        left, ``tolerance`` the sum of the two half-widths, ``status`` ok | conflict,
        ``sources`` and ``obs_ids`` the observations involved. Sorted, deterministic.
    """
    df = _prepare(obs) if _prepared is None else _prepared
    if _full is not None:  # derive_and_check: the internal table of `derived` itself
        full = _full
    elif derived is None or not {"value_lo", "value_hi", "method", "inputs"} <= set(derived):
        full = _derive_full(obs, df)
        if derived is not None:
            full = full[full["obs_id"].isin(set(derived["obs_id"].astype(str)))]
    else:
        full = _internal_from_derived(derived)
    # Convert text only for rows some check can pair (a panel derives millions of rows).
    full = _as_text(_candidates(full, df, set(DENOMINATOR.values())))
    dfig = full.rename(columns={"value_lo": "lo", "value_hi": "hi"}).sort_values(
        _ORDER, kind="stable").reset_index(drop=True)
    # Derived rows get the observations' integer unit codes (their units come from them).
    if len(dfig):
        units = df.drop_duplicates("_unit")[[*_UNIT_KEY, "_unit"]]
        dfig = dfig.merge(units, on=_UNIT_KEY, how="inner")
    else:  # nothing derived can be paired (a panel): skip the join over every place
        dfig = dfig.assign(_unit=pd.Series(dtype="int64"))
    dfig["_date"] = dfig["as_of"].to_numpy().astype("datetime64[ns]").view("int64")
    dfig["year"] = dfig["as_of"].dt.year
    look_holder: list[pd.DataFrame] = []

    def look() -> pd.DataFrame:
        if not look_holder:  # built only when some derived row is paired
            look_holder.append(df.drop_duplicates("obs_id").set_index("obs_id"))
        return look_holder[0]

    def pair(left: pd.DataFrame, right: pd.DataFrame, check: str,
             allow: np.ndarray | None = None) -> None:
        if len(left):
            if "_rule" in left.columns:
                left = _fill_inputs(left, look())
            if "_rule" in right.columns:
                right = _fill_inputs(right, look())
            frames.append(_pair_frame(left, right, check, allow))

    frames: list[pd.DataFrame] = []
    den_inds = set(DENOMINATOR.values())

    # 1. The same figure published twice (same unit, indicator and month).
    month = df["as_of"].to_numpy().astype("datetime64[M]").astype(np.int64)
    left, right = _self_pairs(df.assign(_month=month), ["_unit", "indicator", "_month"])
    pair(left, right, "same_figure")

    # 2. Derived vs observed, same as_of (denominators are checked by year below).
    dd = dfig[~dfig["indicator"].isin(den_inds)]
    of = df[df["indicator"].isin(set(dd["indicator"]))]
    left, right = _matches(dd, of, ["_unit", "indicator", "_date"])
    if len(left):
        own = np.array([r in ins.split(" ") for r, ins in
                        zip(right["obs_id"], left["inputs"], strict=True)], dtype=bool)
        pair(left[~own].reset_index(drop=True), right[~own].reset_index(drop=True),
             "derived_vs_observed")

    # 3. Derived vs derived from different inputs.
    left, right = _self_pairs(dfig, ["_unit", "indicator", "_date"])
    if len(left):
        # Same rule with a shared input: the difference is already reported by the
        # check on the other (conflicting or identical) input, so skip the echo.
        shared = np.array([bool(set(a.split()) & set(b.split())) for a, b in
                           zip(left["inputs"], right["inputs"], strict=True)], dtype=bool)
        differ = ~((left["_rule"].to_numpy() == right["_rule"].to_numpy()) & shared)
        pair(left[differ].reset_index(drop=True), right[differ].reset_index(drop=True),
             "derived_vs_derived")

    # 4. Implied denominators vs observed denominators of the same year.
    dd = dfig[dfig["indicator"].isin(den_inds)]
    of = df[df["indicator"].isin(den_inds)]
    left, right = _matches(dd, of, ["_unit", "indicator", "year"])
    if len(left):
        same_src = left["source_id"].to_numpy() == right["source_id"].to_numpy()
        pair(left, right, "denominator_vs_observed",
             np.where(same_src, 0.0, DENOMINATOR_ALLOWANCE))

    if not frames:
        res = pd.DataFrame({c: pd.Series(dtype="str") for c in CONSISTENCY_COLUMNS})
        res["difference"] = res["difference"].astype(float)
        res["tolerance"] = res["tolerance"].astype(float)
        return res
    res = pd.concat(frames, ignore_index=True)
    res["as_of"] = pd.to_datetime(res["as_of"])
    res = res.sort_values(
        [*_UNIT_KEY, "as_of", "check", "obs_ids", "figures"], kind="stable"
    ).reset_index(drop=True)
    res["as_of"] = _restore_dates(res["as_of"], obs["as_of"])
    return res[CONSISTENCY_COLUMNS]

