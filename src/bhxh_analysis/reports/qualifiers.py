"""A published figure's qualifier on a page: its word, its kind, the side it bounds.

A source prints some figures with a word — "trên 1 triệu", "gần 95%", "khoảng 574.000".
:data:`bhxh_analysis.schema.QUALIFIER_KINDS` sorts the words into kinds (``over``,
``at_least``, ``nearly``, ``at_most``, ``approx``) and
:func:`bhxh_analysis.metrics.figures.figure_bounds` reads each figure's word. A page
needs three more steps, spelled out once here and asked by every section (the headline,
coverage, sources, national and forecast tables, the forecast sentences and the trend
charts) instead of each writing its own copy:

* word → kind: :func:`kinds_of` (a table of figures), :func:`kind_of` (one row),
  :func:`kind_of_word` (a word already read);
* kind → side: :func:`side_of` — ``exact`` (no word), ``lower`` (the true value is
  above the figure: "trên", "ít nhất"), ``upper`` (below it: "gần", "dưới"),
  ``approx`` ("khoảng");
* kind → catalogue word: :func:`catalogue_word` ("trên" / "over"), and the word of a
  gap worked out from a bound target (:func:`gap_kind`).
"""

from __future__ import annotations

import pandas as pd

from .. import i18n
from ..metrics.figures import figure_bounds
from ..schema import QUALIFIER_KIND, QUALIFIER_KINDS

__all__ = ["APPROX", "EXACT", "LOWER", "UPPER", "bounds_of", "catalogue_word", "gap_kind",
           "kind_of", "kind_of_word", "kinds_of", "side_of", "flags_of"]

#: Sides a figure's word leaves open: none, the true value above, below, either side.
EXACT, LOWER, UPPER, APPROX = "exact", "lower", "upper", "approx"

#: The side of each kind (:data:`bhxh_analysis.schema.QUALIFIER_KINDS`).
_SIDE = {"over": LOWER, "at_least": LOWER, "nearly": UPPER, "at_most": UPPER,
         "approx": APPROX}


def kind_of_word(word: object) -> str:
    """The kind of one qualifier word ("trên" → ``over``; "" for none or an unknown word).

    Examples
    --------
    >>> kind_of_word("khoảng"), kind_of_word("gần"), kind_of_word(""), kind_of_word(None)
    ('approx', 'nearly', '', '')
    """
    return QUALIFIER_KIND.get(str(word), "") if isinstance(word, str) else ""


def kinds_of(figs: pd.DataFrame, printed_only: bool = False) -> pd.Series:
    """The kind of each figure's qualifier, read as :func:`figure_bounds` reads it.

    ``printed_only``: a table without ``value_raw`` (figures not printed by a source,
    or already reduced to kinds) has no word at all.

    Examples
    --------
    >>> df = pd.DataFrame({"value": [85.0, 1e6, 9.0], "value_raw": ["trên 85%", "1 triệu",
    ...                    "gần 9"]})
    >>> kinds_of(df).tolist()
    ['over', '', 'nearly']
    """
    if figs.empty or (printed_only and "value_raw" not in figs):
        return pd.Series("", index=figs.index, dtype="str")
    words = figure_bounds(figs)["qualifier"]
    return words.map(QUALIFIER_KIND).fillna("").astype("str")


def kind_of(row: pd.Series | dict | None) -> str:
    """The kind of one published figure's qualifier ("trên 85%" → ``over``; "" for none).

    A row without ``value_raw`` (a derived figure, a target of a policy table written
    as a number) has none.

    Examples
    --------
    >>> kind_of(pd.Series({"value": 85.0, "value_raw": "trên 85%", "unit": "%",
    ...                    "indicator": "bhyt_plan_coverage_pct"})), kind_of(None)
    ('over', '')
    """
    if row is None or not isinstance(row, (pd.Series, dict)) or "value_raw" not in row:
        return ""
    return str(kinds_of(pd.DataFrame([dict(row)])).iloc[0])


def side_of(kind: object) -> str:
    """The side a kind of qualifier leaves open: :data:`EXACT`, :data:`LOWER` (the true
    value may be above the figure), :data:`UPPER` (below it) or :data:`APPROX`.

    Examples
    --------
    >>> [side_of(k) for k in ("", "over", "at_least", "nearly", "at_most", "approx")]
    ['exact', 'lower', 'lower', 'upper', 'upper', 'approx']
    """
    return _SIDE.get(kind, EXACT) if isinstance(kind, str) else EXACT


def catalogue_word(kind: object, lang: str) -> str:
    """The catalogue's word of a kind alone ("trên", "nearly"); "" for none.

    Examples
    --------
    >>> catalogue_word("over", "vi"), catalogue_word("nearly", "en"), catalogue_word("", "vi")
    ('trên', 'nearly', '')
    """
    if not isinstance(kind, str) or kind not in i18n.QUALIFIER_KINDS_WORDED:
        return ""
    return i18n.t(f"qualifier_{kind}", lang, value="").strip()


def gap_kind(target_kind: object) -> str:
    """The word of a gap (and the persons needed) worked out from a target of this kind.

    A target "trên 85%" is some rate above 85, so 85 − coverage is the least the gap can
    be (``at_least``); "gần 85%" or "dưới 85%" some rate below it, so the gap is at most
    that (``at_most``); "" for an exact or approximate target.

    Examples
    --------
    >>> gap_kind("over"), gap_kind("nearly"), gap_kind("approx"), gap_kind("")
    ('at_least', 'at_most', '', '')
    """
    return {LOWER: "at_least", UPPER: "at_most"}.get(side_of(target_kind), "")


def bounds_of(value: float, kind: object, indicator: str = "",
              unit: str = "persons") -> tuple[float, float]:
    """The range a figure with a qualifier of ``kind`` stands for (:func:`figure_bounds`).

    The figure's decimals are its value's own (a count printed in full: ± ½).

    Examples
    --------
    >>> bounds_of(21340000.0, "")
    (21339999.5, 21340000.5)
    >>> lo, hi = bounds_of(18260000.0, "over")
    >>> lo < 18260000 < hi
    True
    """
    words = QUALIFIER_KINDS.get(kind, ("",)) if isinstance(kind, str) else ("",)
    got = figure_bounds(pd.DataFrame({"value": [float(value)], "qualifier": [words[0]],
                                      "unit": [unit], "indicator": [indicator]}))
    return float(got["lo"].iloc[0]), float(got["hi"].iloc[0])


def flags_of(row: pd.Series | dict) -> frozenset[str]:
    """The flags of a forecast row (``flags``: ``"bounded;no_moves"``), as a set.

    Examples
    --------
    >>> sorted(flags_of({"flags": "bounded;no_moves"})), flags_of({"flags": float("nan")})
    (['bounded', 'no_moves'], frozenset())
    """
    text = row.get("flags")
    if not isinstance(text, str):
        return frozenset()
    return frozenset(f for f in text.split(";") if f)
