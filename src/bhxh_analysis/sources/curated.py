"""Curated transcriptions (``data/raw/curated/observations_*.csv``) and ``sources.csv``.

:func:`source_order` is the one rule for which source to believe (the kind of source,
then the source id, then ``obs_id``); the forecaster, the bounds and the reports all
sort by it.

:func:`read` turns one curated file into observation rows that still name their place
as printed (``place``, ``parent``; the pipeline resolves them) and the rejected cells,
each with ``file``, ``row`` (1-based line counting the header), ``column``, ``value`` and
``reason``. A row with any rejected cell is left out; the other rows are kept.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from ..schema import (
    BOUNDARIES,
    CURATED_COLUMNS,
    CURATED_OPTIONAL_COLUMNS,
    PRELIMINARY_QUALIFIERS,
    REFORM_DATE,
    REJECTED_COLUMNS,
    SOURCE_KIND_RANK,
    rejects,
)

__all__ = ["SOURCE_ORDER", "load_sources", "read", "source_order", "source_rank"]

#: Rank of a source whose kind is not in :data:`~bhxh_analysis.schema.SOURCE_KIND_RANK`
#: (or whose id is not in ``sources.csv``), and of a figure without a source (a sum the
#: package computes), which comes after every sourced one.
UNRANKED = len(SOURCE_KIND_RANK)
NO_SOURCE = UNRANKED + 1
#: The columns of :func:`source_order`, sorted ascending: best first.
SOURCE_ORDER: list[str] = ["_source_rank", "_source_id", "_obs_id"]


def _published_end(text: pd.Series) -> pd.Series:
    """Latest date a partial publication date can mean ("2020" → 2020-12-31)."""
    s = text.fillna("").astype("str").str.strip()
    full = pd.to_datetime(s.where(s.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), format="%Y-%m-%d",
                          errors="coerce")
    month = pd.to_datetime(s.where(s.str.fullmatch(r"\d{4}-\d{2}")), format="%Y-%m",
                           errors="coerce") + pd.offsets.MonthEnd(0)
    year = pd.to_datetime(s.where(s.str.fullmatch(r"\d{4}")), format="%Y",
                          errors="coerce") + pd.offsets.YearEnd(0)
    return full.fillna(month).fillna(year).astype("datetime64[ns]")


def load_sources(path: str | Path | None = None) -> pd.DataFrame:
    """Read ``data/raw/sources.csv`` (text columns) with a ``published_end`` date.

    ``published_end`` is the latest day the (possibly partial) ``published_date`` can
    mean, NaT when unknown.

    Examples
    --------
    >>> "published_end" in load_sources().columns
    True
    """
    path = Path(path) if path is not None else config.raw_dir() / "sources.csv"
    src = pd.read_csv(path, dtype="str", keep_default_na=False, encoding="utf-8-sig")
    if "source_id" not in src.columns:
        raise ValueError(f"{path}: no source_id column")
    src["published_end"] = _published_end(src.get("published_date",
                                                  pd.Series("", index=src.index)))
    return src


@lru_cache(maxsize=4)
def _kind_ranks(path: str) -> dict[str, int]:
    """Map ``source_id`` → rank of its kind (:data:`~bhxh_analysis.schema.SOURCE_KIND_RANK`).

    Empty when ``sources.csv`` cannot be read: every source is then unranked and the
    order falls to the source id.
    """
    try:
        src = load_sources(path)
    except (OSError, ValueError):
        return {}
    kinds = src.get("kind", pd.Series("", index=src.index))
    return dict(zip(src["source_id"], kinds.map(SOURCE_KIND_RANK).fillna(UNRANKED).astype(int),
                    strict=True))


def source_rank(source_id: pd.Series) -> np.ndarray:
    """Authority rank of each row's source, lower first (:data:`~bhxh_analysis.schema.SOURCE_KIND_RANK`).

    A combined id (``a+b``, a figure derived from two sources) takes the kind of its
    first source; an empty id ranks after every source (:data:`NO_SOURCE`).

    Examples
    --------
    >>> source_rank(pd.Series(["vss-en-10129", "anhp-d20274", ""])).tolist()
    [1, 4, 8]
    """
    from .. import config

    ranks = _kind_ranks(str(config.raw_dir() / "sources.csv"))
    codes, uniq = pd.factorize(source_id, use_na_sentinel=False)
    text = pd.Series(["" if pd.isna(u) else str(u) for u in uniq], dtype=object)
    rank = text.str.split("+").str[0].map(ranks).fillna(UNRANKED).where(text != "", NO_SOURCE)
    return rank.to_numpy(dtype=np.int64)[codes]


def source_order(rows: pd.DataFrame) -> pd.DataFrame:
    """The order key of which source to believe: kind of source, then source id, then ``obs_id``.

    When sources print different figures for one place, indicator and date, every figure
    is kept and flagged (never averaged) and the first by this key is the one chosen, to
    show and to forecast from: the most authoritative kind of source
    (:func:`source_rank`: official statistics, VSS press releases, policy texts,
    government portals, news articles, web pages, compilations, then the unranked;
    a figure without a source last), then the source id as text (a combined id ``a+b``
    right after ``a``), then ``obs_id``. Callers may sort by keys of their own before
    it (published before derived, a plan's tier) or between the source id and
    ``obs_id`` (the latest date first); :func:`bhxh_analysis.reports.data.best_first`,
    :func:`bhxh_analysis.forecast._prep.prepare` (figures of one date),
    :func:`bhxh_analysis.forecast._prep.pick_plans` and
    :func:`bhxh_analysis.forecast.bounds.rank_denominators` all use it.

    Parameters
    ----------
    rows : DataFrame
        With ``source_id`` and ``obs_id`` (a missing column counts as empty everywhere).

    Returns
    -------
    DataFrame
        The columns :data:`SOURCE_ORDER` on ``rows``' index; sort them ascending.

    Examples
    --------
    >>> rows = pd.DataFrame({"source_id": ["anhp-d20274", "vss-en-10129", ""],
    ...                      "obs_id": ["o-1", "o-2", "o-3"]})
    >>> key = source_order(rows)
    >>> rows.loc[key.sort_values(SOURCE_ORDER).index, "obs_id"].tolist()
    ['o-2', 'o-1', 'o-3']
    """
    def text(col: str) -> np.ndarray:
        if col not in rows.columns:
            return np.full(len(rows), "", dtype=object)
        codes, uniq = pd.factorize(rows[col], use_na_sentinel=False)
        return np.asarray(["" if pd.isna(u) else str(u) for u in uniq], dtype=object)[codes]

    src = text("source_id")
    return pd.DataFrame({"_source_rank": source_rank(pd.Series(src)), "_source_id": src,
                         "_obs_id": text("obs_id")}, index=rows.index)


def _read_lines(path: Path, rel: str) -> tuple[list[str], list[tuple[int, list[str]]],
                                               list[tuple[str, int, str, str, str]]]:
    """Read a small CSV keeping the 1-based first line of every record.

    The csv module (not pandas) reports line numbers, which stay right when a quoted
    cell spans lines. Returns the header, the records of the header's width as (line,
    cells), and one rejected record (``file, row, column, value, reason``) for each
    record of another width.
    """
    reader = csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        if any(c.strip() for c in cells):
            records.append((start, cells))
        start = reader.line_num + 1
    if not records:
        return [], [], []
    header = [unicodedata.normalize("NFC", h.strip()) for h in records[0][1]]
    good = [(ln, c) for ln, c in records[1:] if len(c) == len(header)]
    wrong = [(rel, ln, "(row)", ",".join(c), f"row has {len(c)} cells, header has {len(header)}")
             for ln, c in records[1:] if len(c) != len(header)]
    return header, good, wrong


def _parse_values(value_raw: pd.Series, indicator: pd.Series, unit: pd.Series,
                  fmt: pd.Series) -> pd.DataFrame:
    """Read each printed value as ``bhxh data check`` does (:func:`clean.read_values`).

    The kind of number comes from the indicator (:func:`clean.value_kind`; a ``pct``
    unit makes it a percentage), so a count must be whole and a percentage ungrouped;
    the row's declared ``number_format`` decides between two fitting readings. A value
    no reading fits, or whose declared reading does not fit, gets a ``reason`` naming
    both readings.
    """
    from ..clean import read_values, value_kind

    kind = value_kind(indicator).where(~unit.eq("pct"), "pct")
    read = read_values(value_raw, kind, fmt.where(fmt.isin(["vi", "en"]), "auto"))
    return pd.DataFrame({"value": read["value"], "qunit": read["unit"],
                         "qqual": read["qualifier"], "error": read["reason"]},
                        index=value_raw.index)


def _as_of_raw_reasons(as_of_raw: pd.Series, as_of: pd.Series) -> pd.Series:
    """Why ``as_of_raw`` reads as a date other than ``as_of`` ("" when it does not).

    Many printed dates are prose ("Đến nay", "2021 plan"): only those
    :func:`clean.parse_date` reads are compared.
    """
    from ..clean import ParseError, parse_date

    reasons = []
    for raw, date in zip(as_of_raw, as_of, strict=True):
        try:
            read = None if pd.isna(date) or not raw.strip() else parse_date(raw, year=date.year)
        except ParseError:
            read = None
        reasons.append("" if read is None or pd.Timestamp(read) == date else
                       f"as_of_raw {raw!r} reads as {read.isoformat()}, not "
                       f"{date.date().isoformat()}")
    return pd.Series(reasons, index=as_of_raw.index, dtype="str")


def load(path: Path, rel: str) -> tuple[list[list[object]], list[tuple[str, int, str, str, str]]]:
    """Load one curated file: its records and its structural rejects.

    Each record is the cells of :data:`schema.CURATED_COLUMNS` then
    :data:`~bhxh_analysis.schema.CURATED_OPTIONAL_COLUMNS` in that order (an optional
    column the file does not have is empty), then the line (``_row``) and ``rel``
    (``_file``); each reject is ``(file, row, column, value, reason)``. A file whose
    header lacks a column, or repeats one, gives no records. Plain lists, so that
    :func:`read_many` builds one table for all the files.
    """
    try:
        header, good, wrong = _read_lines(path, rel)
    except UnicodeDecodeError as exc:
        return [], [(rel, 1, "(file)", "", f"not UTF-8: {exc}")]
    if not header:
        return [], [(rel, 1, "(file)", "", "empty file (no header row)")]
    twice = sorted({c for c in header if header.count(c) > 1})
    missing = [c for c in CURATED_COLUMNS if c not in header]
    if twice or missing:
        return [], [*wrong,
                    *((rel, 1, c, "", "column appears more than once in the header")
                      for c in twice),
                    *((rel, 1, c, "", "missing column in header") for c in missing)]
    at = [header.index(c) if c in header else None
          for c in (*CURATED_COLUMNS, *CURATED_OPTIONAL_COLUMNS)]
    return [[*("" if i is None else cells[i] for i in at), line, rel]
            for line, cells in good], wrong


def read(path: Path, rel: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read one curated file: observation rows to resolve, and the rejected cells.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    rel : str
        Its path under ``data/raw`` (the ``file`` of a rejected row).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        See :func:`read_many`.
    """
    return read_many([(path, rel)])


def read_many(files: list[tuple[Path, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read curated files: observation rows to resolve, and the rejected cells.

    The files are loaded one by one and checked together (one pass over all rows: the
    checks cost the same for one row or a thousand).

    Parameters
    ----------
    files : list of (pathlib.Path, str)
        Each file and its path under ``data/raw`` (the ``file`` of a rejected row).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Every row, with the observation columns except the resolved place, plus
        ``place``, ``parent``, ``boundaries`` (the file's ``boundaries`` cell when given,
        else by ``as_of``: 2025 from :data:`schema.REFORM_DATE`), ``_place_column``,
        ``_file``, ``_row``; and the rejected cells (the pipeline drops their rows).
    """
    # -- load: every file's records, then one table
    records: list[list[object]] = []
    structural: list[tuple[str, int, str, str, str]] = []
    for path, rel in files:
        rows, wrong = load(path, rel)
        records += rows
        structural += wrong
    errors = [pd.DataFrame(structural, columns=REJECTED_COLUMNS).astype(
        {"row": "int64"} | {c: "str" for c in REJECTED_COLUMNS if c != "row"})]
    if not records:
        return pd.DataFrame(), errors[0]
    columns = [*CURATED_COLUMNS, *CURATED_OPTIONAL_COLUMNS]
    raw = pd.DataFrame(records, columns=[*columns, "_row", "_file"], dtype=object)
    raw = raw.astype({c: "str" for c in [*columns, "_file"]} | {"_row": "int64"})
    cell = {c: raw[c].astype("str").str.normalize("NFC") for c in columns}
    text = {c: cell[c].str.strip() for c in columns}

    def flag(mask: pd.Series, column: str, reason: str | pd.Series) -> None:
        if mask.any():
            why = reason[mask] if isinstance(reason, pd.Series) else reason
            errors.append(rejects(raw.loc[mask, "_file"], raw.loc[mask, "_row"], column,
                                  cell[column][mask], why))

    # -- process: every cell checked, each problem named
    for c in ("obs_id", "source_id", "place_raw", "as_of", "indicator", "value_raw", "unit"):
        flag(text[c].eq(""), c, f"empty {c}")
    fmt = text["number_format"].str.lower()
    flag(~fmt.isin(["vi", "en"]), "number_format", "number_format must be 'vi' or 'en'")
    parsed = _parse_values(cell["value_raw"], text["indicator"], text["unit"], fmt)
    flag(parsed["error"].ne("") & text["value_raw"].ne(""), "value_raw", parsed["error"])
    unit = text["unit"]
    printed_as = parsed["qunit"].map({"pct": "a percentage", "count": "a count"})
    flag(parsed["error"].eq("") & (parsed["qunit"].eq("pct") != unit.eq("pct")) & unit.ne(""),
         "unit", "value_raw is " + printed_as + " but unit is '" + unit + "'")
    as_of = pd.to_datetime(text["as_of"].where(text["as_of"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")),
                           format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
    flag(as_of.isna() & text["as_of"].ne(""), "as_of", "not a valid date (expected YYYY-MM-DD)")
    raw_reason = _as_of_raw_reasons(cell["as_of_raw"], as_of)
    flag(raw_reason.ne(""), "as_of_raw", raw_reason)
    given = text["boundaries"].str.lower()
    flag(given.ne("") & ~given.isin(BOUNDARIES), "boundaries",
         "boundaries must be 'legacy' or '2025' (or empty: by as_of)")
    flag(given.eq("2025") & (as_of < REFORM_DATE), "boundaries",
         "2025 boundaries for a row dated before 2025-07-01 (the 2025 units did not exist)")
    boundaries = given.where(given.isin(BOUNDARIES),
                             np.where(as_of >= REFORM_DATE, "2025", "legacy"))
    qualifier = text["qualifier"].where(text["qualifier"].ne(""), parsed["qqual"])
    note = text["note"]
    out = pd.DataFrame({
        "obs_id": text["obs_id"], "source_id": text["source_id"],
        "geo_name_raw": cell["place_raw"], "as_of": as_of, "as_of_raw": cell["as_of_raw"],
        "indicator": text["indicator"], "value": parsed["value"].astype("float64"),
        "unit": unit, "value_raw": cell["value_raw"],
        "preliminary": qualifier.str.lower().isin(PRELIMINARY_QUALIFIERS),
        # The qualifier ("gần", "trên", "≈") leads the note so it is never lost.
        "note": np.where(qualifier.eq(""), note,
                         np.where(note.eq(""), qualifier, qualifier + "; " + note)),
        "place": text["place_raw"], "parent": text["parent_raw"],
        "boundaries": boundaries,
        "_place_column": "place_raw", "_file": raw["_file"], "_row": raw["_row"],
    })
    # -- save: every row (the pipeline drops those with a rejected cell after naming a
    # place that fails too, so a row's problems are all reported at once)
    return out, pd.concat(errors, ignore_index=True)
