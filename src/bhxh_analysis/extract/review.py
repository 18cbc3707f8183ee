"""Reviewing candidates before they enter the data: highlight, correct, export.

Used by ``notebooks/10_review_extracted.ipynb``: the article with each candidate marked,
the reviewer's decisions applied, and the kept rows written in the layout that
``bhxh data check`` and ``bhxh data add`` read.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..clean import iso_date
from ..geo import GeoError, get_registry
from ..io import write_csv
from ..schema import enforce_dtypes
from . import patterns as P
from .frame import candidate_dtypes
from .text import sentences

__all__ = ["CHECK_COLUMNS", "apply_review", "highlight_html", "to_check_layout",
           "unread_numbers", "write_check_csv"]

#: Columns of a ``bhxh data check`` file (required, then optional; see usercheck.py).
CHECK_COLUMNS = ["geo_name", "as_of", "indicator", "value", "source_id", "unit", "value_raw",
                 "parent", "boundaries"]


def highlight_html(text: str, candidates: pd.DataFrame) -> str:
    """Return the article as HTML with each candidate's printed figure in ``<mark>``.

    Each mark carries the row number in brackets and, as its tooltip, the reading
    (indicator, value, date, place, and the row's ``note``: both readings of a number
    the reader could not take for sure), so the text and the table can be read side by
    side.
    """
    pieces = []
    pos = 0
    rows = candidates.sort_values("start", kind="stable")
    for idx, r in zip(rows.index, rows.itertuples(index=False), strict=True):
        if r.start < pos:  # one figure read twice (never expected): mark it once
            continue
        pieces.append(html.escape(text[pos:r.start]))
        tip = f"[{idx}] {r.indicator} = {r.value:g} ({iso_date(r.as_of)}, {r.geo_name or '?'})"
        if getattr(r, "note", ""):  # "8 triệu 200": both readings, for the reviewer
            tip += f"; {r.note}"
        pieces.append(f'<mark title="{html.escape(tip)}">{html.escape(text[r.start:r.end])}'
                      f"<sup>[{idx}]</sup></mark>")
        pos = r.end
    pieces.append(html.escape(text[pos:]))
    body = "".join(pieces).strip().replace("\n\n", "</p><p>").replace("\n", "<br>")
    return f"<div><p>{body}</p></div>"


def unread_numbers(text: str, candidates: pd.DataFrame) -> pd.DataFrame:
    """Return the numbers printed in ``text`` that no candidate reads, with their sentence.

    Most are dates, counts of other things or money; the list lets a reviewer make sure
    no insurance figure was missed (add a missed one by hand to the reviewed file).
    Columns: ``start, end, printed, sentence``.
    """
    taken = {(int(a), int(b)) for a, b in zip(candidates["start"], candidates["end"],
                                               strict=True)}
    rows = []
    for s0, s1 in sentences(text):
        for m in P.NUMBER.finditer(text, s0, s1):
            printed = m.group(0).strip()
            span = (m.start(), m.start() + len(printed))
            if span not in taken:
                rows.append((*span, printed, " ".join(text[s0:s1].split())))
    return pd.DataFrame(rows, columns=["start", "end", "printed", "sentence"])


def apply_review(candidates: pd.DataFrame, reject: Iterable[int] = (),
                 corrections: Mapping[int, Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """Drop the rejected rows and apply corrections (row number → {column: new value}).

    A corrected place (``geo_name``) clears the resolved code, level and boundaries of
    that row so that ``data check`` resolves the new name itself. A corrected date may be
    given as ISO text (``{"as_of": "2024-06-30"}``) and a value as text or a number: the
    table keeps one dtype per column (``as_of`` ``datetime64[ns]``, ``value``
    ``float64``, text ``str``).

    Examples
    --------
    >>> from bhxh_analysis.extract import extract_text
    >>> cand = extract_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHTN "
    ...                     "và 2.000 người tham gia BHXH tự nguyện.", published="2024-09-05")
    >>> kept = apply_review(cand, reject=[1], corrections={0: {"as_of": "2024-08-30"}})
    >>> kept[["indicator", "as_of", "value"]].astype(str).values.tolist()
    [['bhtn_participants', '2024-08-30', '10000.0']]
    """
    out = candidates.drop(index=list(reject)).copy()
    for idx, changes in (corrections or {}).items():
        if idx not in out.index:
            raise KeyError(f"correction for row {idx}, which is not a kept candidate")
        for col, val in changes.items():
            if col not in out.columns:
                raise KeyError(f"correction of unknown column {col!r} (row {idx})")
            out.loc[idx, col] = _as_column_value(out[col], val)
        if "geo_name" in changes:
            for col in ("geo_code", "geo_level", "boundaries", "province_2025"):
                out.loc[idx, col] = ""
    return candidate_dtypes(out)


def _as_column_value(column: pd.Series, val: Any) -> Any:
    """A reviewer's correction in the column's own dtype (a date, a number, text)."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return pd.NaT if val is None or val == "" else pd.Timestamp(val)
    if pd.api.types.is_float_dtype(column):
        return float(val)
    if pd.api.types.is_integer_dtype(column):
        return int(val)
    return "" if val is None else str(val)


def _plain_number(v: float) -> str:
    """A value that ``data check`` reads the same way whatever it decides: ``83.23``,
    ``190863``; three decimals get a fourth (``12.3450``) so they cannot pass for
    thousands."""
    if float(v).is_integer():
        return str(int(v))
    text = f"{v:.6f}".rstrip("0")
    return text + "0" if len(text.split(".")[1]) == 3 else text


def to_check_layout(candidates: pd.DataFrame, source_id: str, registry: Any = None
                    ) -> pd.DataFrame:
    """Return reviewed candidates as rows of a ``bhxh data check`` file.

    ``parent`` names the containing district or province of a resolved district or
    commune (communes share names across provinces); ``boundaries`` keeps the boundary
    set the place was resolved in; ``value_raw`` keeps the printed figure with its
    qualifier ("gần 90%"). ``as_of`` is ``datetime64[ns]`` and ``value`` ``float64``
    like every table of the package: write the rows with :func:`write_check_csv`, which
    prints dates as ISO text and values so that ``data check`` reads them one way.

    Examples
    --------
    >>> from bhxh_analysis.extract import extract_text
    >>> cand = extract_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHTN.",
    ...                     published="2024-09-05")
    >>> rows = to_check_layout(cand, "example")
    >>> rows.loc[0, ["geo_name", "indicator", "unit"]].tolist(), float(rows.loc[0, "value"])
    (['Phú Yên', 'bhtn_participants', 'persons'], 10000.0)
    """
    registry = registry if registry is not None else get_registry()
    parents = []
    for r in candidates.itertuples(index=False):
        parent = ""
        if r.geo_code and r.geo_level in ("district", "commune"):
            try:
                unit = registry.get(r.boundaries, r.geo_level, r.geo_code)
                up = registry.parent(unit)
                parent = up.full_name if up is not None else ""
            except GeoError:
                parent = ""
        parents.append(parent)
    pct = candidates["indicator"].str.endswith(("_pct", "_pp"))
    out = pd.DataFrame({
        "geo_name": candidates["geo_name"],
        "as_of": candidates["as_of"],
        "indicator": candidates["indicator"],
        "value": candidates["value"],
        "source_id": source_id,
        "unit": pct.map({True: "pct", False: "persons"}),
        "value_raw": (candidates["qualifier"].fillna("") + " "
                      + candidates["value_raw"]).str.strip(),
        "parent": parents,
        "boundaries": candidates["boundaries"].fillna(""),
    }, index=candidates.index)
    return enforce_dtypes(out[CHECK_COLUMNS].reset_index(drop=True)).astype(
        {c: "str" for c in ("unit", "parent")})


def write_check_csv(rows: pd.DataFrame, path: str | Path) -> Path:
    """Write rows of :func:`to_check_layout` as the CSV ``bhxh data check`` reads.

    The writing edge: ``as_of`` as ``YYYY-MM-DD`` (empty when unknown), ``value`` as a
    plain number that ``data check`` reads one way whatever the indicator (``83.23``,
    ``190863``; three decimals get a fourth, ``87.1250``, so they cannot pass for
    thousands); through :func:`bhxh_analysis.io.write_csv` (safe text cells).

    Examples
    --------
    >>> import tempfile
    >>> from bhxh_analysis.extract import extract_text
    >>> cand = extract_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHTN.",
    ...                     published="2024-09-05")
    >>> out = write_check_csv(to_check_layout(cand, "example"),
    ...                       Path(tempfile.mkdtemp()) / "rows.csv")
    >>> print(out.read_text(encoding="utf-8"), end="")
    geo_name,as_of,indicator,value,source_id,unit,value_raw,parent,boundaries
    Phú Yên,2024-08-31,bhtn_participants,10000,example,persons,10.000,,legacy
    """
    # a value left unread ("8 triệu 200": two readings, none chosen in review) is
    # written empty, so that data check refuses the row instead of guessing
    out = rows.assign(value=[v if isinstance(v, str) else "" if pd.isna(v) else
                             _plain_number(v) for v in rows["value"]])
    return write_csv(out, path)
