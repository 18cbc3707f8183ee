"""What a printed figure stands for: the interval its rounding and qualifier allow.

A figure printed ``83,23%`` stands for any value in [83,225; 83,24] (rounded or
truncated: the press does both); ``gần 90%``
("nearly 90 %") for a value a little below 90. :func:`figure_bounds` turns each
observation into such an interval, so that two figures are compared by whether their
intervals overlap, never by an arbitrary tolerance.

The qualifier words, their kinds and the unit multipliers come from
:mod:`bhxh_analysis.schema`; numbers are read with :func:`bhxh_analysis.clean.parse_numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..clean import parse_numbers
from ..schema import (
    APPROX_REL,
    MULTIPLIERS,
    NEARLY_REL,
    OVER_REL,
    QUALIFIER_KIND,
    QUALIFIERS,
)

__all__ = ["FIGURE_PATTERN", "figure_bounds"]

#: A printed figure: an optional qualifier, the number, then the rest (unit word, %).
FIGURE_PATTERN = (
    r"^\s*(?P<qual>" + "|".join(map(re.escape, QUALIFIERS)) + r")?\s*"
    r"(?P<num>[+\-\u2212]?\s*\d(?:[\d.,]*\d)?)\s*(?P<rest>.*)$"
)
#: Decimal mark of each number convention.
_DECIMAL_MARK = {"vi": ",", "en": "."}
#: Values a text column holds when a cell was empty.
_EMPTY = ["", "nan", "none", "<na>"]


def _text(obs: pd.DataFrame, column: str) -> pd.Series:
    """Column ``column`` of ``obs`` as plain text ("" when missing or absent)."""
    if column not in obs:
        return pd.Series("", index=obs.index, dtype="str")
    col = obs[column]
    if isinstance(col.dtype, pd.CategoricalDtype):
        col = col.astype("str")
    return col.astype("str").fillna("")


#: Each printed text already read (:func:`_read_printed`), per process: a text reads the
#: same whatever table it is in, and a page reads its figures' texts in several sections
#: (headline, coverage, forecast, sources), as every page of a batch reads the nation's.
_READ: dict[str, tuple] = {}
#: Texts kept at most (the data hold a few thousand distinct printed figures).
READ_MAX = 100_000
_READ_DTYPES = {"qualifier": "str", "multiplier": float, "digits": bool, "vi_number": float,
                "vi_decimals": float, "en_number": float, "en_decimals": float}


def _read_printed(printed: pd.Series) -> pd.DataFrame:
    """:func:`_read_texts` of ``printed``, each distinct text read once per process."""
    texts = printed.tolist()
    new = [t for t in dict.fromkeys(texts) if t not in _READ]
    if new:
        if len(_READ) + len(new) > READ_MAX:
            _READ.clear()
        fresh = _read_texts(pd.Series(new, dtype="str"))[list(_READ_DTYPES)]
        _READ.update(zip(new, fresh.itertuples(index=False, name=None), strict=True))
    return pd.DataFrame([_READ[t] for t in texts], columns=list(_READ_DTYPES),
                        index=printed.index).astype(_READ_DTYPES)


def _read_texts(printed: pd.Series) -> pd.DataFrame:
    """Read distinct printed figures: qualifier, unit word and both number readings.

    Returns one row per element of ``printed`` (same index) with ``qualifier``,
    ``multiplier`` (NaN without a unit word) and, for each convention ``vi``/``en``,
    ``{fmt}_number`` (NaN when unreadable that way), ``{fmt}_decimals`` and ``digits``
    (bare digits: most of a panel; they read alike in both conventions and skip the
    parsing).
    """
    text = printed.str.replace("\u00a0", " ").str.strip()
    digits = text.str.fullmatch(r"\d+").fillna(False).astype(bool)
    out = pd.DataFrame({"qualifier": "", "multiplier": np.nan, "digits": digits},
                       index=printed.index)
    for fmt in _DECIMAL_MARK:
        out[f"{fmt}_number"] = pd.to_numeric(text.where(digits), errors="coerce")
        out[f"{fmt}_decimals"] = 0.0
    if digits.all():
        return out
    rest = text[~digits]
    parts = rest.str.extract(FIGURE_PATTERN, flags=re.IGNORECASE)
    number = parts["num"].fillna("").str.replace(r"\s+", "", regex=True)
    number = number.str.replace("\u2212", "-")
    first_word = parts["rest"].fillna("").str.strip().str.extract(r"^(\S*)")[0]
    out.loc[~digits, "qualifier"] = parts["qual"].fillna("").str.casefold()
    out.loc[~digits, "multiplier"] = (first_word.fillna("").str.casefold()
                                      .map(MULTIPLIERS).astype(float))
    for fmt, mark in _DECIMAL_MARK.items():
        read = parse_numbers(number, fmt)
        fraction = number.str.extract(rf"\{mark}(\d+)$")[0].str.len()
        out.loc[~digits, f"{fmt}_number"] = read["value"].where(read["ok"])
        out.loc[~digits, f"{fmt}_decimals"] = fraction.astype(float).fillna(0.0)
    return out


def _decimals_of_value(value: np.ndarray) -> np.ndarray:
    """Fewest decimals (0–6) that write each value exactly (when nothing was printed)."""
    decimals = np.full(value.shape, 6.0)
    for d in range(6, -1, -1):  # seven precisions, not a loop over rows
        scaled = value * 10.0**d
        exact = np.abs(scaled - np.round(scaled)) <= 1e-6 * np.maximum(1.0, np.abs(scaled))
        decimals = np.where(exact, d, decimals)
    return decimals


def _half_unit(value: np.ndarray, read: pd.DataFrame) -> np.ndarray:
    """Half the printed rounding unit of each figure (see :func:`figure_bounds`).

    ``read`` is :func:`_read_printed` of each row's printed figure (aligned with
    ``value``). The convention (en, then vi: vi wins a tie) whose reading times the
    unit word gives ``value`` decides the decimals; a table printed "in thousands"
    carries no unit word, so ``value = number × 10³ᵏ`` is accepted too.
    """
    word = read["multiplier"].to_numpy(dtype=float)
    has_word = ~np.isnan(word)
    word = np.where(has_word, word, 1.0)
    decimals = np.full(len(value), np.nan)
    multiplier = np.ones(len(value))
    for fmt in ("en", "vi"):
        number = read[f"{fmt}_number"].to_numpy(dtype=float)
        readable = ~np.isnan(number)
        ok = readable & np.isclose(number * word, value, rtol=1e-9, atol=1e-9)
        scale = word.copy()
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = value / number
        for implicit in (1e3, 1e6, 1e9):
            hit = ~has_word & ~ok & readable & np.isclose(ratio, implicit, rtol=1e-9)
            ok |= hit
            scale = np.where(hit, implicit, scale)
        decimals = np.where(ok, read[f"{fmt}_decimals"].to_numpy(dtype=float), decimals)
        multiplier = np.where(ok, scale, multiplier)
    printed = ~np.isnan(decimals)
    decimals = np.where(printed, decimals, _decimals_of_value(np.nan_to_num(value)))
    return 0.5 * 10.0 ** (-decimals) * np.where(printed, multiplier, 1.0)


def _note_qualifier(notes: pd.Series) -> pd.Series:
    """Qualifier leading a note (``"gần; share of ..."``) or tagged ``qualifier=...``."""
    lead = notes.str.extract(r"^\s*([^;]+?)\s*(?:;|$)")[0].fillna("").str.casefold()
    lead = lead.where(lead.isin(QUALIFIERS), "")
    tagged = notes.str.extract(r"qualifier\s*[=:]\s*([^;,]+)")[0].fillna("")
    return lead.where(lead != "", tagged.str.strip().str.casefold())


def _distinct(obs: pd.DataFrame, column: str, read: Callable[[pd.Series], Any]
              ) -> tuple[np.ndarray, Any]:
    """Apply ``read`` once to each distinct text of ``column`` ("" when missing); return
    each row's code into the result (a panel repeats the same printed strings)."""
    if column not in obs:
        return np.zeros(len(obs), dtype=np.intp), read(pd.Series([""], dtype="str"))
    codes, uniques = pd.factorize(obs[column])
    text = [*np.asarray(uniques, dtype=object).astype(str), ""]  # "" for missing (-1)
    return np.where(codes < 0, len(text) - 1, codes), read(pd.Series(text, dtype="str"))


def _column_qualifier(words: pd.Series) -> pd.Series:
    """Qualifiers given in a ``qualifier`` column ("" for an empty cell)."""
    words = words.str.strip().str.casefold()
    return words.where(~words.isin(_EMPTY), "")


def _qualifiers(obs: pd.DataFrame, printed_codes: np.ndarray, printed: pd.Series
                ) -> pd.Categorical:
    """Each figure's qualifier: the ``qualifier`` column, else the printed figure's,
    else the note's ("" when none)."""
    sources = [(printed_codes, printed)]
    if "note" in obs:
        sources.append(_distinct(obs, "note", _note_qualifier))
    if "qualifier" in obs:
        sources.append(_distinct(obs, "qualifier", _column_qualifier))
    words = pd.Index(sorted({"", *(w for _, found in sources for w in found)}), dtype="str")
    none = words.get_loc("")
    row = None
    for codes, found in sources:  # later sources win where they found a word
        code = words.get_indexer(found)[codes]
        row = code if row is None else np.where(code != none, code, row)
    return pd.Categorical.from_codes(row, categories=words)


def _whole_counts(obs: pd.DataFrame, codes: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Figures that are counts printed to the person (half unit 0.5, not a percentage).

    A percentage is told by its indicator (ending ``_pct`` or ``_pp``) or,
    without an ``indicator`` column, by a ``%`` in ``value_raw``.
    """
    if "indicator" in obs:
        codes_i, names = pd.factorize(obs["indicator"].astype("str"))
        pct = np.array([str(n).endswith(("_pct", "_pp")) for n in names], dtype=bool)
        is_pct = pct[codes_i] if len(names) else np.zeros(len(obs), dtype=bool)
    else:
        _, raw = _distinct(obs, "value_raw", lambda t: t.str.contains("%", regex=False))
        is_pct = raw.to_numpy(dtype=bool)[codes]
    return ~is_pct & np.isclose(half, 0.5)


def _shares(obs: pd.DataFrame) -> np.ndarray:
    """Figures that are a share of a whole (a coverage rate or its plan): 0–100 %.

    Told by an indicator ending ``coverage_pct``; attainment of a plan (``150 %``),
    growth and shortfalls can leave 0–100 and are not shares.
    """
    if "indicator" not in obs:
        return np.zeros(len(obs), dtype=bool)
    codes, names = pd.factorize(obs["indicator"].astype("str"))
    share = np.array([str(n).endswith("coverage_pct") for n in names], dtype=bool)
    return share[codes] if len(names) else np.zeros(len(obs), dtype=bool)


def _plans(obs: pd.DataFrame) -> np.ndarray:
    """Figures that are a plan (indicator ``*_plan_*``): a decision, not a measurement.

    A plan's printed value is the target itself ("95%" is 95, not 94,95–96), so it
    carries no rounding interval; only a qualifier ("khoảng 95%") widens it.
    """
    if "indicator" not in obs:
        return np.zeros(len(obs), dtype=bool)
    codes, names = pd.factorize(obs["indicator"].astype("str"))
    plan = np.array(["_plan_" in str(n) for n in names], dtype=bool)
    return plan[codes] if len(names) else np.zeros(len(obs), dtype=bool)


def _intervals(obs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, pd.Categorical]:
    """Lower and upper bounds, half rounding unit and qualifier of each figure."""
    value = pd.to_numeric(obs["value"], errors="coerce").to_numpy(dtype=float)
    codes, read = _distinct(obs, "value_raw", _read_printed)
    half = np.full(len(value), 0.5)
    # Bare digits that are the value itself stand for value ± 0.5; read the others.
    bare = read["digits"].to_numpy()[codes] & (read["en_number"].to_numpy()[codes] == value)
    if not bare.all():
        other = ~bare
        half[other] = _half_unit(value[other], read.iloc[codes[other]])
    # A plan is exact (Đồng Nai 24/5/2025: the coverage table measured the gap to the
    # 95 % plan as −5 to +2,75 points, the derived table as −5,5 to +3,75).
    half = np.where(_plans(obs), 0.0, half)
    qualifier = _qualifiers(obs, codes, read["qualifier"])
    kind = pd.Series(qualifier.categories).map(QUALIFIER_KIND).fillna("").to_numpy()
    kind = kind[qualifier.codes]
    size = np.abs(value)
    # The press rounds and truncates (546,613 ÷ 538,796 = 101.45 % printed "101,4 %"):
    # x printed to a unit u stands for [x − u/2, x + u/2] or [x, x + u), so [x − u/2, x + u]
    # — except a count printed to the person, which nothing truncated.
    up = np.where(_whole_counts(obs, codes, half), half, 2.0 * half)
    lo = np.select(
        [kind == "approx", kind == "nearly", kind == "at_most"],
        [value - np.maximum(half, APPROX_REL * size),
         value - np.maximum(half, NEARLY_REL * size), np.full(len(value), -np.inf)],
        value - half,
    )
    hi = np.select(
        [kind == "approx", kind == "over", kind == "at_least"],
        [value + np.maximum(up, APPROX_REL * size),
         value + np.maximum(up, OVER_REL * size), np.full(len(value), np.inf)],
        value + up,
    )
    # A coverage rate is a share: "trên 92,3%" cannot stand for 101.5 % (Đồng Nai,
    # 24/5/2025: the shortfall against 95 % read -7.03 to +3.75 instead of -5.5 to +3.75).
    share = _shares(obs)
    hi = np.where(share & (value <= 100.0), np.minimum(hi, 100.0), hi)
    lo = np.where(share & (value >= 0.0), np.maximum(lo, 0.0), lo)
    return lo, hi, half, qualifier


def figure_bounds(obs: pd.DataFrame) -> pd.DataFrame:
    """Return the interval each printed figure stands for, from its rounding and qualifier.

    A figure printed with ``k`` decimals, unit ``u = 10^-k`` in its printed unit, stands
    for ``[value − u/2, value + u]``: rounded (``value ± u/2``) or truncated (``[value,
    value + u)``), for the press does both — 546,613 ÷ 538,796 = 101.45 % is printed
    "101,4 %". So ``"86 triệu"`` → [85.5, 87] million, ``"83,23%"`` → [83.225, 83.24]. The
    number convention (vi/en) of ``value_raw`` is the one that reproduces ``value``;
    when ``value_raw`` is missing or unreadable, the decimals of ``value`` itself are
    used. A plan (indicator ``*_plan_*``) is a decision whose printed value is the
    target itself: it has no rounding interval (``"95%"`` → [95, 95]). Qualifiers then
    widen the interval (:data:`bhxh_analysis.schema.QUALIFIER_KINDS`):
    approximate (≈, khoảng, about) ± 2 % (at least the rounding interval); over (trên, hơn, >) up to 10 % above; at least
    (≥, tối thiểu) unbounded above; nearly (gần) up to 5 % below; at most (<, dưới, tối
    đa) unbounded below. A coverage rate (indicator ending ``coverage_pct``) is a share,
    so its interval never leaves 0–100 %.

    The qualifier is read from a ``qualifier`` column when ``obs`` has one, else from
    the start of ``value_raw`` (``"≈ 6,000"``), else from the start of ``note``
    (``"gần; ..."``) or a ``qualifier=<word>`` token in it.

    Parameters
    ----------
    obs : pandas.DataFrame
        Needs ``value``; uses ``value_raw``, ``qualifier`` and ``note`` when present.

    Returns
    -------
    pandas.DataFrame
        Same index; ``lo``, ``hi``, ``half_unit`` (float) and ``qualifier`` (str, ""
        when none).

    Examples
    --------
    >>> df = pd.DataFrame({"value": [83.23, 574000.0], "value_raw": ["83,23%", "≈574,000"]})
    >>> b = figure_bounds(df)
    >>> b[["lo", "hi"]].round(3).values.tolist()
    [[83.225, 83.24], [562520.0, 585480.0]]
    >>> b["qualifier"].tolist()
    ['', '≈']
    """
    lo, hi, half, qualifier = _intervals(obs)
    return pd.DataFrame({"lo": lo, "hi": hi, "half_unit": half,
                         "qualifier": np.asarray(qualifier, dtype=object)},
                        index=obs.index).astype({"qualifier": "str"})
