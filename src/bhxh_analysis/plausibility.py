"""Plausibility bounds of figures: counts within the population, percentages within 100.

A count of persons cannot be negative nor exceed the people who could hold it: the
labour force for BHXH and BHTN (when the labour force of the place is known), else the
population of the place at that time. Where only an older (or a newer) population is
known, the bound is widened by a tolerance that grows with the distance in years, so a
real figure is never refused for growth the denominator has not caught up with.

The denominators come from the processed observations (GSO population and labour
force); without them the bound is the population of Vietnam with a margin
(:data:`VIETNAM_CEILING`), which still refuses "2 billion participants". Pure functions
on frames: :func:`bhxh_analysis.usercheck` uses them for ``data check``; the build can
call :func:`count_bounds` on its observations the same way.

A row's own words are checked against its indicator too (:func:`scheme_mismatches`):
a note or printed value that names compulsory BHXH only beside a total-BHXH indicator
(or voluntary beside compulsory, household BHYT beside all BHYT, the two together
beside one of them) is a warning, never a rejection: the words may describe another
figure of the page, and a person decides. Words the note says are about figures not
added ("the page's compulsory count … is not added") are not read.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .schema import SCHEMES, TOTAL_OF

__all__ = ["SCHEME_WORDS", "VIETNAM_CEILING", "count_bounds", "denominators",
           "is_labour_scheme", "mismatch_messages", "scheme_mismatches"]

#: Bound used when no population is known: Vietnam had about 101 million people in
#: 2024 (GSO); 110 million leaves room for growth and rounding.
VIETNAM_CEILING = 110_000_000.0
#: Tolerance at the denominator's own year, and added per year of distance.
BASE_TOLERANCE, TOLERANCE_PER_YEAR = 0.05, 0.03
_DENOMINATORS = ("population", "labour_force", "labour_force_15plus")
_LABOUR_SCHEMES = ("bhxh", "bhtn")


def is_labour_scheme(indicators: pd.Series) -> pd.Series:
    """True for BHXH and BHTN indicators, whose participants are workers."""
    ind = indicators.astype("str")
    return ind.str.match(r"^(?:" + "|".join(_LABOUR_SCHEMES) + r")(?:_|$)")


def denominators(obs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Population and labour-force figures per place and year, from the observations.

    Parameters
    ----------
    obs : DataFrame or None
        Observations (``geo_code, geo_level, boundaries, province_2025, as_of,
        indicator, value, source_id``); ``None`` loads the processed ones when they
        exist (never rebuilds), else returns an empty frame.

    Returns
    -------
    DataFrame
        ``kind`` (``population`` or ``labour_force``), ``geo_code``, ``geo_level``,
        ``boundaries``, ``province_2025``, ``year``, ``value``, ``source_id``.
    """
    cols = ["kind", "geo_code", "geo_level", "boundaries", "province_2025", "year", "value",
            "source_id"]
    if obs is None:
        try:
            from .observations import load_observations

            obs = load_observations(rebuild=False)
        except Exception:  # no processed data (or unreadable): fall back to the ceiling
            return pd.DataFrame(columns=cols)
    d = obs[obs["indicator"].astype("str").isin(_DENOMINATORS)]
    if d.empty:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({
        "kind": np.where(d["indicator"].astype("str").eq("population"), "population",
                         "labour_force"),
        "geo_code": d["geo_code"].astype("str"), "geo_level": d["geo_level"].astype("str"),
        "boundaries": d["boundaries"].astype("str"),
        "province_2025": d["province_2025"].astype("str"),
        "year": pd.to_datetime(d["as_of"]).dt.year.astype("int64"),
        "value": d["value"].astype("float64"), "source_id": d["source_id"].astype("str"),
    })
    # 2025 provinces: the sum of the legacy provinces merged into each, per year.
    prov = out[(out["geo_level"] == "province") & (out["boundaries"] == "legacy")]
    merged = (prov.groupby(["kind", "province_2025", "year"], as_index=False)
              .agg(value=("value", "sum"), n=("value", "size"),
                   source_id=("source_id", "first")))
    merged = merged.assign(geo_code="", geo_level="province", boundaries="2025")
    out = pd.concat([out, merged[cols]], ignore_index=True)
    # The largest figure of a place and year, named with ITS source (ties: the first
    # source_id) — "first" over rows in file order named another source's figure.
    out = out.sort_values(["value", "source_id"], ascending=[False, True], kind="stable")
    return out.groupby(["kind", "geo_code", "geo_level", "boundaries", "province_2025",
                        "year"], as_index=False).agg(value=("value", "first"),
                                                     source_id=("source_id", "first"))[cols]


def count_bounds(rows: pd.DataFrame, denoms: pd.DataFrame) -> pd.DataFrame:
    """Upper bound of each count row and the denominator it comes from.

    Parameters
    ----------
    rows : DataFrame
        ``geo_code, geo_name, geo_level, boundaries, province_code, province_2025,
        as_of`` (datetime) and ``indicator``.
    denoms : DataFrame
        :func:`denominators`.

    Returns
    -------
    DataFrame
        Same index: ``bound`` (float) and ``basis`` (text naming the denominator, its
        place, year and the tolerance, for the rejection reason).
    """
    # The bound depends only on the place, year and indicator: work once per distinct
    # combination and spread back (a daily file has thousands of rows per combination).
    cols = ["geo_code", "geo_name", "geo_level", "boundaries", "province_code",
            "province_2025", "indicator"]
    year = pd.to_datetime(rows["as_of"], errors="coerce").dt.year
    key = year.astype("str")
    for c in cols:
        key = key + "\x00" + rows[c].astype("str")
    codes, _ = pd.factorize(key)
    _, first = np.unique(codes, return_index=True)
    out = _count_bounds(rows[[*cols, "as_of"]].iloc[first].reset_index(drop=True), denoms)
    out = out.iloc[codes]
    out.index = rows.index
    return out


def _count_bounds(rows: pd.DataFrame, denoms: pd.DataFrame) -> pd.DataFrame:
    """:func:`count_bounds` of distinct rows (same arguments and result)."""
    year = pd.to_datetime(rows["as_of"], errors="coerce").dt.year
    # The place whose denominator bounds the row: itself (nation, province), its legacy
    # province (district, commune), its 2025 province (2025 commune).
    level = rows["geo_level"].astype("str")
    bnd = rows["boundaries"].astype("str")
    small = level.isin(["district", "commune"])
    key = pd.DataFrame({
        "geo_code": np.where(small, rows["province_code"].astype("str"),
                             rows["geo_code"].astype("str")),
        "boundaries": bnd,
        "province_2025": rows["province_2025"].astype("str"),
        "whose": np.where(small, "its province", rows["geo_name"].astype("str")),
    }, index=rows.index)
    key.loc[bnd.eq("2025") & level.ne("nation"), "geo_code"] = ""
    labour = is_labour_scheme(rows["indicator"])
    best = pd.DataFrame({"bound": VIETNAM_CEILING, "basis":
                         f"population of Vietnam (no figure for the place; bound "
                         f"{VIETNAM_CEILING:,.0f})"}, index=rows.index)
    if denoms.empty:
        return best
    d = denoms.copy()
    d["geo_code"] = np.where(d["boundaries"].eq("2025") & d["geo_level"].ne("nation"), "",
                             d["geo_code"])
    d["province_2025"] = np.where(d["geo_code"].ne(""), "", d["province_2025"])
    key["province_2025"] = np.where(key["geo_code"].ne(""), "", key["province_2025"])
    key["_i"] = np.arange(len(key))
    key["year"] = year.to_numpy()
    for kind in ("population", "labour_force"):  # population first: labour force wins
        m = key.merge(d[d["kind"] == kind], on=["geo_code", "boundaries", "province_2025"],
                      suffixes=("", "_d"))
        if m.empty:
            continue
        m["gap"] = (m["year"] - m["year_d"]).abs()
        m = m.sort_values(["_i", "gap", "year_d", "value"], ascending=[True, True, False, False],
                          kind="stable")  # nearest year, then the later, then the larger
        m = m.drop_duplicates("_i")
        older = (m["year"] - m["year_d"]).clip(lower=0).fillna(0)
        m["factor"] = 1 + BASE_TOLERANCE + TOLERANCE_PER_YEAR * older
        m["bound"] = m["value"] * m["factor"]
        label = "labour force" if kind == "labour_force" else "population"
        m["basis"] = (label + " of " + m["whose"] + " " + m["value"].map("{:,.0f}".format)
                      + " in " + m["year_d"].astype("str") + " (" + m["source_id"]
                      + "), with a tolerance of " + ((m["factor"] - 1) * 100).round()
                      .astype("int64").astype("str") + "%: bound "
                      + m["bound"].map("{:,.0f}".format))
        idx = rows.index[m["_i"].to_numpy()]
        use = m["bound"].notna().to_numpy()
        if kind == "labour_force":
            use = use & labour.loc[idx].to_numpy()
        best.loc[idx[use], "bound"] = m["bound"].to_numpy()[use]
        best.loc[idx[use], "basis"] = m["basis"].to_numpy()[use]
    return best


# ------------------------------------------------------------------ scheme words

#: Words that name a component scheme (schema.TOTAL_OF) in a note or a printed value,
#: in Vietnamese, English and French, matched case-blind.
SCHEME_WORDS: dict[str, str] = {
    "bhxh_compulsory": r"compulsory|mandatory|bắt buộc|obligatoire",
    "bhxh_voluntary": r"voluntary|tự nguyện|volontaire",
    "bhyt_household": r"household|hộ gia đình|ménages",
}
#: Each scheme as a warning names it.
SCHEME_LABELS: dict[str, str] = {
    "bhxh": "total BHXH (compulsory and voluntary)", "bhxh_compulsory": "compulsory BHXH",
    "bhxh_voluntary": "voluntary BHXH", "bhyt": "BHYT (every group)",
    "bhyt_household": "household BHYT", "bhtn": "BHTN",
}
# A negated mention ("excludes voluntary", "không gồm BHXH tự nguyện") names nothing.
_NEGATED = {s: re.compile(r"(?:exclud\w*|not|without|except|other than|không (?:gồm|bao "
                          r"gồm|tính))\s+(?:the\s+|bhxh\s+)?(?:" + w + ")", re.IGNORECASE)
            for s, w in SCHEME_WORDS.items()}
_NAMED = {s: re.compile(w, re.IGNORECASE) for s, w in SCHEME_WORDS.items()}
_TOGETHER = re.compile(r"\btogether\b|\bcombined\b|cả hai|gộp", re.IGNORECASE)
_PREFIX = r"^(" + "|".join(sorted(SCHEMES, key=len, reverse=True)) + r")_"


#: Words about the page's other figures, left out of the data ("the page's BHXH total
#: (…) and compulsory count (…) are not added"): a bracket, else a clause up to ";"
#: (a ";" inside a bracket does not end it).
_NOT_ADDED_WORDS = r"(?:(?:is|are)\s+not\s+added|không\s+(?:được\s+)?nhập)"
_NOT_ADDED = (re.compile(r"\([^()]*\b" + _NOT_ADDED_WORDS + r"\b[^()]*\)", re.IGNORECASE),
              re.compile(r"(?:[^;()]|\([^()]*\))*\b" + _NOT_ADDED_WORDS
                         + r"\b(?:[^;()]|\([^()]*\))*", re.IGNORECASE))


def _reading(text: str) -> str:
    """The scheme one text names: a component named alone, or the total its components
    make when named together ("compulsory and voluntary together"); "" otherwise.

    Words about figures the note says were not added name no scheme of this row.

    Examples
    --------
    >>> _reading("printed '1.182.774'; the page's compulsory count (13.662.083) is not added")
    ''
    >>> _reading("compulsory only (the page's increase is not added)")
    'bhxh_compulsory'
    """
    for pattern in _NOT_ADDED:
        text = pattern.sub(" ", text)
    named = [s for s, w in _NAMED.items() if w.search(_NEGATED[s].sub(" ", text))]
    if len(named) == 1:
        return named[0]
    totals = {TOTAL_OF[s] for s in named}
    together = len(named) > 1 and len(totals) == 1 and _TOGETHER.search(text)
    return totals.pop() if together else ""


def _excerpt(text: str, reads: str, width: int = 60) -> str:
    """The words around the first mention of ``reads`` (or of its first component)."""
    scheme = next((s for s in _NAMED if reads in (s, TOTAL_OF[s])), "")
    hit = _NAMED[scheme].search(text) if scheme else None
    start = max(0, hit.start() - width) if hit else 0
    end = min(len(text), (hit.end() if hit else 0) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def scheme_mismatches(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows whose printed value or note names a scheme its indicator is not.

    Only schemes of one family are compared (a total and its components,
    ``schema.TOTAL_OF``): a BHTN row whose note mentions the page's BHYT figure is not a
    mismatch, a total-BHXH attainment whose note says "compulsory BHXH" is.

    Parameters
    ----------
    rows : DataFrame
        ``indicator``, ``value_raw`` and ``note`` (text; missing columns read as empty).

    Returns
    -------
    DataFrame
        One row per mismatch, with the index of ``rows``: ``column`` (``value_raw`` or
        ``note``), ``indicator``, ``indicator_reads`` and ``text_reads`` (labels of the
        two schemes) and ``text`` (the words around the scheme's name).

    Examples
    --------
    >>> rows = pd.DataFrame({"indicator": ["bhxh_attainment_pct", "bhxh_compulsory_participants",
    ...                                    "bhtn_participants"],
    ...                      "value_raw": ["100.07%", "118,014", "13,3 triệu"],
    ...                      "note": ["Compulsory BHXH vs plan", "compulsory BHXH", "BHYT too"]})
    >>> found = scheme_mismatches(rows)
    >>> found.index.tolist(), found["text_reads"].tolist()
    ([0], ['compulsory BHXH'])
    """
    # Distinct indicators and texts are read once (pd.factorize), then spread by code:
    # a big table has a few dozen indicators and few distinct notes.
    codes, indicators = pd.factorize(rows["indicator"].fillna("").astype("str"),
                                     use_na_sentinel=False)
    found_scheme = pd.Series(indicators).str.extract(_PREFIX, expand=False).fillna("")
    scheme = found_scheme.to_numpy(dtype=object)[codes]
    family = np.array([TOTAL_OF.get(s, s) for s in found_scheme], dtype=object)[codes]
    checked = np.isin(family, list(set(TOTAL_OF.values())))  # families with components
    found = []
    for column in ("value_raw", "note"):
        if column not in rows or not checked.any():
            continue
        text = rows[column].iloc[np.flatnonzero(checked)].fillna("").astype("str")
        tcodes, texts = pd.factorize(text, use_na_sentinel=False)
        readings = [_reading(t) for t in texts]
        reads = np.array(readings, dtype=object)[tcodes]
        reads_family = np.array([TOTAL_OF.get(r, r) for r in readings], dtype=object)[tcodes]
        bad = (reads != "") & (reads_family == family[checked]) & (reads != scheme[checked])
        if not bad.any():
            continue
        found.append(pd.DataFrame({
            "column": column, "indicator": np.asarray(indicators)[codes[checked][bad]],
            "indicator_reads": [SCHEME_LABELS[x] for x in scheme[checked][bad]],
            "text_reads": [SCHEME_LABELS[x] for x in reads[bad]],
            "text": [_excerpt(t, r) for t, r in zip(text.to_numpy()[bad], reads[bad],
                                                    strict=True)]},
            index=text.index[bad]))
    out = pd.concat(found) if found else pd.DataFrame(
        columns=["column", "indicator", "indicator_reads", "text_reads", "text"])
    out = out[~out.index.duplicated()]  # the printed value first, then the note
    return out.loc[rows.index[rows.index.isin(out.index)]]


def mismatch_messages(found: pd.DataFrame, files: pd.Series, lines: pd.Series,
                      limit: int | None = None) -> list[str]:
    """One line per mismatch of :func:`scheme_mismatches`: file, row and both readings.

    ``files`` and ``lines`` give each row's file and line (index of ``found``); beyond
    ``limit`` lines one more line gives the count left out.

    Examples
    --------
    >>> found = scheme_mismatches(pd.DataFrame({"indicator": ["bhxh_coverage_pct"],
    ...     "value_raw": ["32.6%"], "note": ["compulsory only"]}))
    >>> mismatch_messages(found, pd.Series(["x.csv"]), pd.Series([2]))[0][:60]
    'x.csv: row 2: indicator bhxh_coverage_pct reads total BHXH ('
    """
    shown = found if limit is None else found.head(limit)
    out = [f"{files[i]}: row {lines[i]}: indicator {r.indicator} reads {r.indicator_reads}, "
           f'but its {r.column} names {r.text_reads} ("{r.text}"); check the '
           "indicator against the source" for i, r in zip(shown.index, shown.itertuples(),
                                                           strict=True)]
    if len(found) > len(shown):
        out.append(f"... and {len(found) - len(shown)} more rows whose words name another "
                   "scheme than their indicator")
    return out
