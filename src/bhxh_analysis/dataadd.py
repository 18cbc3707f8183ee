"""``bhxh data add``: check a researcher's file and add its good rows to ``data/raw``.

Reading is :mod:`bhxh_analysis.sources.user` (CSV, XLSX, wide sheets with a mapping);
checking is :mod:`bhxh_analysis.usercheck` (the same checks as ``bhxh data check``); this
module writes the result the way every raw file is kept: a curated file in the build's
layout, its provenance sidecar, and a row of ``sources.csv`` (whose sidecar is updated).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .schema import SOURCE_KINDS
from .sources.user import read_user_file

__all__ = ["CURATED_LAYOUT", "AddError", "add_file"]

#: Columns of a curated observations file (the build's layout).
CURATED_LAYOUT = ["obs_id", "source_id", "place_raw", "parent_raw", "as_of_raw", "as_of",
                  "indicator", "value_raw", "number_format", "unit", "qualifier", "note"]
_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{1,60}$")


class AddError(ValueError):
    """``data add`` cannot proceed (the message says why, in one line)."""


def add_file(
    path: str | Path,
    *,
    source_id: str,
    publisher: str,
    title: str,
    url: str | None = None,
    published: str | None = None,
    kind: str = "user_file",
    sheet: str | None = None,
    mapping: str | Path | None = None,
    keep_good: bool = False,
    today: Any = None,
) -> tuple[Any, dict[str, Path]]:
    """Check a file as ``data check`` does and add its good rows to ``data/raw``.

    Writes ``curated/observations_<source_id>.csv`` (the curated layout) with its
    ``.meta.yml`` sidecar (sha256, bytes, source, publisher, address, date added) and a
    row of ``sources.csv`` (whose sidecar is updated). Nothing is written when a row is
    rejected, unless ``keep_good``.

    Returns
    -------
    (CheckResult, dict)
        The check and the paths written (empty when nothing was written).

    Raises
    ------
    AddError
        A bad source id or date, a source id already registered, a file or mapping that
        cannot be read, or rejected rows without ``keep_good``.
    """
    import datetime as _dt

    from . import config
    from .clean import read_values, value_kind
    from .rawdata import register_raw_file, write_sidecar
    from .usercheck import check_table

    if not _SOURCE_ID.fullmatch(source_id):
        raise AddError(f"--source-id {source_id!r}: use 2-61 lower-case letters, digits, "
                       "'.', '_' or '-' (it names the file observations_<id>.csv)")
    if kind not in SOURCE_KINDS:
        raise AddError(f"--kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}")
    if published and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", published):
        raise AddError(f"--published {published!r}: expected YYYY-MM-DD (or YYYY-MM, YYYY)")
    raw = config.raw_dir()
    target = raw / "curated" / f"observations_{source_id}.csv"
    sources_csv = raw / "sources.csv"
    known = pd.read_csv(sources_csv, dtype="str", keep_default_na=False)
    if source_id in set(known["source_id"]) or target.exists():
        raise AddError(f"source id {source_id!r} is already registered in data/raw "
                       "(sources.csv or curated/); choose another --source-id")
    try:
        table, rejects, info = read_user_file(path, sheet=sheet, mapping=mapping)
    except (ValueError, OSError) as exc:
        raise AddError(str(exc)) from None
    table["source_id"] = source_id
    result = check_table(table, rejects, info, resolver=None, today=today,
                          denominators=None, default_source=source_id)
    if published:
        _refuse_after_publication(result, published)
    clean = result.clean
    if not result.rejected.empty and not keep_good:
        wide = mapping is None and not {"geo_name", "value"} <= set(table.columns)
        err = AddError(f"{result.rejected['row'].nunique()} row(s) rejected, nothing written "
                       + ("(the file is not in the data check layout geo_name, as_of, "
                          "indicator, value: a wide sheet needs --mapping, see "
                          "docs/examples/README.md)" if wide else
                          "(see the problems above; --keep-good adds the good rows only)"))
        err.result = result
        raise err
    if clean.empty:
        raise AddError("no good rows to add, nothing written")
    fmt = clean["number_format"].replace("", "vi")
    # The build reads a percentage from value_raw's "%" (a sheet's % column omits it).
    pct = clean["unit"].eq("pct") & ~clean["value_text"].str.contains("%", regex=False)
    value_raw = clean["value_text"].where(~pct, clean["value_text"] + "%")
    # The build reads value_raw with the reader of data check (sources/curated.py).
    kinds = value_kind(clean["indicator"]).where(~clean["unit"].eq("pct"), "pct")
    check = read_values(value_raw, kinds, fmt)["value"].to_numpy()
    if not np.allclose(check, clean["value"].to_numpy(), rtol=1e-12):
        raise AddError("internal check failed: a value would be read differently by the "
                       "build; nothing written")
    curated = pd.DataFrame({
        "obs_id": [f"{source_id}-{i:03d}" for i in range(1, len(clean) + 1)],
        "source_id": source_id, "place_raw": clean["geo_name_raw"],
        "parent_raw": clean["parent"], "as_of_raw": clean["as_of_raw"],
        "as_of": clean["as_of"], "indicator": clean["indicator"], "value_raw": value_raw,
        "number_format": fmt, "unit": clean["unit"], "qualifier": clean["qualifier"],
        "note": clean["note"],
    })[CURATED_LAYOUT]
    other = _other_boundaries(clean)
    if other.any():  # kept in the file's optional column, only where the date would differ
        curated["boundaries"] = np.where(other, clean["boundaries"], "")
    added = (today or _dt.date.today()).isoformat()
    target.parent.mkdir(parents=True, exist_ok=True)
    curated.to_csv(target, index=False, lineterminator="\n", encoding="utf-8")
    write_sidecar(target, source=f"{title} ({publisher})", publisher=publisher,
                  address=url or f"file {Path(path).name} added by bhxh data add",
                  licence="Figures are facts cited to their publisher; the table is MIT "
                          "like the project.",
                  format_notes="curated layout (docs/data.md); one row per figure",
                  date_obtained=added,
                  obtained_via=f"bhxh data add {Path(path).name}"
                               + (f" --mapping {Path(mapping).name}" if mapping else ""))
    register_raw_file(target, "curated")  # the build now expects it (data/raw/MANIFEST.yml)
    entry = {"source_id": source_id, "publisher": publisher, "title": title,
             # without a URL the reader is given the document as its publisher holds it
             "address": url or f"{Path(path).name} ({publisher}; not published online)",
             "published_date": published or "", "kind": kind,
             "note": f"added with bhxh data add on {added}; {len(curated)} figure(s)"}
    merged = pd.concat([known, pd.DataFrame([entry])], ignore_index=True)
    merged = merged.sort_values("source_id", kind="stable")[list(known.columns)]
    merged.to_csv(sources_csv, index=False, lineterminator="\n", encoding="utf-8")
    write_sidecar(sources_csv)
    return result, {"curated": target, "sidecar": target.with_name(target.name + ".meta.yml"),
                    "sources": sources_csv}


def _refuse_after_publication(result: Any, published: str) -> None:
    """Reject rows dated after the publication (the build refuses them too): only a
    plan or target may refer to a later date."""
    # The latest day a partial date can mean: "2020" -> 2020-12-31, "2020-07" -> 07-31.
    offset = {4: pd.offsets.YearEnd(0), 7: pd.offsets.MonthEnd(0)}.get(len(published))
    end = pd.Timestamp(published) + offset if offset else pd.Timestamp(published)
    clean = result.clean
    ahead = clean["indicator"].str.contains(r"plan|target", regex=True)
    late = (pd.to_datetime(clean["as_of"]) > end) & ~ahead
    if not late.any():
        return
    rej = pd.DataFrame({"file": result.file, "row": clean.loc[late, "row"], "column": "as_of",
                        "value": pd.to_datetime(clean.loc[late, "as_of"]).dt.strftime("%Y-%m-%d"),
                        "reason": f"dated after the publication ({published}): only a plan "
                                  "or target may refer to a later date"})
    result.rejected = pd.concat([result.rejected, rej], ignore_index=True)
    result.clean = clean[~late].reset_index(drop=True)


def _other_boundaries(clean: pd.DataFrame) -> np.ndarray:
    """Rows whose boundaries are not those of their date (a 2025 target of a legacy
    province merged on 2025-07-01): the curated file keeps them in its optional
    ``boundaries`` column (the build otherwise chooses by ``as_of``)."""
    from .schema import REFORM_DATE

    by_date = np.where(pd.to_datetime(clean["as_of"]) >= REFORM_DATE, "2025", "legacy")
    return clean["boundaries"].to_numpy() != by_date
