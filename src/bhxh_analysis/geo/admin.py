"""Readers of the three administrative lists under ``data/raw/admin/``.

Each reader returns ``(frame, rejects)``: the cleaned table, and one row per value it
could not read (``file, row, column, value, reason``; ``row`` is the 1-based CSV record
number, header lines included). A missing file or column raises :class:`GeoError`.
The lists are authoritative, so the registry refuses to build on any reject rather
than drop a unit (see :class:`~bhxh_analysis.geo.registry.Registry`).

They live in the geography rather than in ``sources/``: the registry is built from
them and sits underneath every stage, so it must not import a stage above it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..schema import REJECTED_COLUMNS
from .names import clean_series, parse_coded, split_kind
from .unit import GeoError

#: The last pre-reform GSO list: 63 provinces, 696 districts, 10,051 communes.
LEGACY_FILE = "admin/communes_legacy_2025-01-04.csv"
#: The official old → new commune conversion table of July 2025.
CONVERSION_FILE = "admin/conversion_2025-07.csv"
#: The 34 provinces from 1 July 2025.
PROVINCES_2025_FILE = "admin/provinces_2025-07.csv"

_LEGACY_COLS = ["Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp"]
_CONV_COLS = ["new_province", "new_commune", "new_commune_code", "old_commune",
              "old_commune_code", "note", "old_district", "old_province"]


def _path(raw: Path, rel: str) -> Path:
    path = Path(raw) / rel
    if not path.exists():
        raise GeoError(f"{path}: administrative list missing (expected in data/raw/{rel})")
    return path


def _rejects(path: Path, rows: pd.Series, column: str, values: pd.Series,
             reason: str) -> pd.DataFrame:
    return pd.DataFrame({"file": str(path), "row": rows.to_numpy(), "column": column,
                         "value": values.to_numpy(), "reason": reason})


def _collect(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object if c != "row" else "int64")
                             for c in REJECTED_COLUMNS})
    return pd.concat(parts, ignore_index=True)[REJECTED_COLUMNS]


def read_legacy(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the legacy GSO list (one row per commune; island districts without one).

    Parameters
    ----------
    raw : pathlib.Path
        The raw-data folder (``config.raw_dir()``).

    Returns
    -------
    frame : pandas.DataFrame
        The seven columns of the file, text cleaned, codes as zero-padded strings.
    rejects : pandas.DataFrame
        Bad or duplicate codes, with file, row and column.
    """
    path = _path(raw, LEGACY_FILE)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in _LEGACY_COLS if c not in df.columns]
    if missing:
        raise GeoError(f"{path}: missing columns {missing}")
    df = df[_LEGACY_COLS].copy()
    for c in _LEGACY_COLS:
        df[c] = clean_series(df[c])
    row = pd.Series(np.arange(len(df)) + 2, index=df.index)
    bad = []
    for col, pattern in (("Mã TP", r"\d{2}"), ("Mã QH", r"\d{3}"), ("Mã PX", r"(\d{5})?")):
        wrong = ~df[col].str.fullmatch(pattern)
        bad.append(_rejects(path, row[wrong], col, df.loc[wrong, col], "bad code"))
    dup = df["Mã PX"].ne("") & df["Mã PX"].duplicated(keep=False)
    bad.append(_rejects(path, row[dup], "Mã PX", df.loc[dup, "Mã PX"], "duplicate code"))
    return df, _collect(bad)


def read_provinces_2025(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the 34 provinces of 2025 (no header: code, name).

    Returns
    -------
    frame : pandas.DataFrame
        ``code, name, full_name, kind`` ("Tỉnh " is added where the file omits it).
    rejects : pandas.DataFrame
        Codes that are not two digits.
    """
    path = _path(raw, PROVINCES_2025_FILE)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, header=None, names=["code", "raw"],
                     encoding="utf-8-sig")
    df["raw"] = clean_series(df["raw"])
    wrong = ~df["code"].str.fullmatch(r"\d{2}")
    rejects = _collect([_rejects(path, pd.Series(np.flatnonzero(wrong) + 1), "1 (code)",
                                 df.loc[wrong, "code"], "bad code")])
    full = df["raw"].where(df["raw"].str.match(r"(?i)(thành phố|tỉnh)\s"), "Tỉnh " + df["raw"])
    parts = split_kind(full)
    frame = pd.DataFrame({"code": df["code"], "name": parts["name"],
                          "full_name": parts["full_name"], "kind": parts["kind"]})
    return frame[~wrong].reset_index(drop=True), rejects


def read_conversion(raw: Path, province_codes: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the conversion table, one row per (old commune, new commune) pair.

    The two header lines and the province banners are dropped and the "Name (code)"
    labels split; ``record`` is the 1-based CSV record number.

    Parameters
    ----------
    raw : pathlib.Path
        The raw-data folder.
    province_codes : set of str
        Codes of the 34 provinces of 2025; a row naming another is rejected.

    Returns
    -------
    frame : pandas.DataFrame
        The eight columns plus ``record``, ``new_province_code``, ``old_district_code``
        and ``old_province_label_code``.
    rejects : pandas.DataFrame
        Labels without a code, unknown 2025 provinces, bad new commune codes.
    """
    path = _path(raw, CONVERSION_FILE)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, header=None, skiprows=2,
                     encoding="utf-8-sig")
    if df.shape[1] < len(_CONV_COLS):
        raise GeoError(f"{path}: expected {len(_CONV_COLS)} columns, found {df.shape[1]}")
    df = df.iloc[:, : len(_CONV_COLS)].copy()
    df.columns = _CONV_COLS
    df["record"] = np.arange(len(df)) + 3
    for c in _CONV_COLS:
        df[c] = clean_series(df[c])
    # Province banners ("THÀNH PHỐ HÀ NỘI", one stray "Tỉnh Bắc Ninh (24)") carry no commune.
    df = df[df["new_commune"] != ""].copy()
    bad = []
    for col, src in (("new_province_code", "new_province"), ("old_district_code", "old_district"),
                     ("old_province_label_code", "old_province")):
        df[col] = parse_coded(df[src])["code"]
        wrong = df[col].isna()
        bad.append(_rejects(path, df.loc[wrong, "record"], src, df.loc[wrong, src],
                            "no '(code)' in the label"))
    wrong = df["new_province_code"].notna() & ~df["new_province_code"].isin(province_codes)
    bad.append(_rejects(path, df.loc[wrong, "record"], "new_province",
                        df.loc[wrong, "new_province"], "not one of the 34 provinces of 2025"))
    wrong = ~df["new_commune_code"].str.fullmatch(r"\d{5}")
    bad.append(_rejects(path, df.loc[wrong, "record"], "new_commune_code",
                        df.loc[wrong, "new_commune_code"], "bad code"))
    return df.reset_index(drop=True), _collect(bad)


def raise_rejects(rejects: pd.DataFrame) -> None:
    """Raise :class:`GeoError` naming the first rejects of an administrative list, if any."""
    if rejects.empty:
        return
    shown = "; ".join(f"{r.file}: row {r.row}, column {r.column!r}: {r.reason} {r.value!r}"
                      for r in rejects.head(5).itertuples(index=False))
    more = f" (and {len(rejects) - 5} more)" if len(rejects) > 5 else ""
    raise GeoError(shown + more)
