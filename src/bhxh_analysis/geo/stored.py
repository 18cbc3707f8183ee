"""The registry's tables kept on disk between processes, keyed by what they are made of.

Building the registry reads and cleans the three administrative lists (~14,000 units,
~10,600 conversion rows): most of a second, paid by every process that resolves a
place (``bhxh data build``, each report worker). Its four tables are therefore kept as
parquet under :func:`bhxh_analysis.config.cache_dir`, in a folder named by a sha256 of
everything they are computed from:

* the bytes of the three administrative lists (:data:`ADMIN_FILES`);
* the bytes of ``overrides.yml`` and of the modules that build the tables
  (:data:`CODE_FILES`), so that a change of the code never reuses an old result;
* the pandas and pyarrow versions and :data:`FORMAT`.

A changed input gives another key, so a stale table is never read; the folder of an
old key is simply not used again. A folder that cannot be read (deleted half-way,
corrupt) counts as absent: the registry is built from the lists and stored again. A
new folder is written beside its final name and renamed into place, so a reader never
sees half of one, and two processes writing the same key at once both succeed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .. import config
from .admin import CONVERSION_FILE, LEGACY_FILE, PROVINCES_2025_FILE

__all__ = ["ADMIN_FILES", "CODE_FILES", "FORMAT", "TABLES", "cache_key", "load", "save"]

#: The administrative lists the registry is built from (paths under ``data/raw``).
ADMIN_FILES = (LEGACY_FILE, CONVERSION_FILE, PROVINCES_2025_FILE)
_HERE = Path(__file__).resolve().parent
#: The code and packaged data that turn the lists into the tables.
CODE_FILES = tuple(_HERE / name for name in (
    "admin.py", "names.py", "reform.py", "registry.py", "unit.py", "overrides.yml",
    "stored.py")) + (_HERE.parent / "schema.py",)
#: Layout version of the stored tables (raise it when the layout changes).
FORMAT = "1"
#: The registry's tables that are stored.
TABLES = ("units", "conversion", "province_table", "contradictions")


def cache_key(raw: Path) -> str | None:
    """Return the sha256 naming the registry built from ``raw`` by this code.

    ``None`` when a file cannot be read (the registry is then built from the lists,
    whose reader says what is missing).

    Examples
    --------
    >>> key = cache_key(config.raw_dir())
    >>> len(key), key == cache_key(config.raw_dir())
    (64, True)
    """
    import pyarrow

    digest = hashlib.sha256(f"format {FORMAT}; pandas {pd.__version__}; "
                            f"pyarrow {pyarrow.__version__}\n".encode())
    for path in (*(Path(raw) / rel for rel in ADMIN_FILES), *CODE_FILES):
        try:
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def _folder(key: str) -> Path:
    return config.cache_dir() / f"geo_registry-{key}"


#: Python values an ``object`` column may hold, by name (what :func:`save` records).
_MISSING = {"None": None, "NA": pd.NA}
_VALUES = {"str": str, "int": int, "float": float, "bool": bool}


def _describe(column: pd.Series) -> tuple[str, str, str]:
    """Dtype, type of the values and missing marker of ``column`` ("" when not object)."""
    if column.dtype != object:
        return str(column.dtype), "", ""
    kinds = {type(v).__name__ for v in column if v is not None and v is not pd.NA}
    missing = ("NA" if any(v is pd.NA for v in column)
               else "None" if any(v is None for v in column) else "")
    if len(kinds) > 1 or not kinds <= set(_VALUES) or (
            missing and any(v is None for v in column) and any(v is pd.NA for v in column)):
        raise ValueError(f"column {column.name!r}: values {sorted(kinds)} cannot be stored")
    return "object", kinds.pop() if kinds else "str", missing


def _restore(frame: pd.DataFrame, kinds: pd.DataFrame) -> pd.DataFrame:
    """Give ``frame`` the dtypes (and object values) it was stored with."""
    for column, dtype, kind, missing in kinds[["column", "dtype", "values", "missing"]
                                              ].itertuples(index=False):
        if dtype == "object":
            cast, marker = _VALUES[kind], _MISSING.get(missing)
            frame[column] = pd.Series([marker if pd.isna(v) else cast(v)
                                       for v in frame[column]], index=frame.index,
                                      dtype=object)
        elif str(frame[column].dtype) != dtype:
            frame[column] = frame[column].astype(dtype)
    return frame


def load(key: str) -> dict[str, pd.DataFrame] | None:
    """Return the stored tables of ``key``, or ``None`` when absent or unreadable.

    Examples
    --------
    >>> load("0" * 64) is None
    True
    """
    folder = _folder(key)
    if not folder.is_dir():
        return None
    try:
        dtypes = pd.read_parquet(folder / "dtypes.parquet")
        tables = {}
        for name in TABLES:
            kinds = dtypes[dtypes["table"] == name]
            frame = pd.read_parquet(folder / f"{name}.parquet")
            if list(frame.columns) != kinds["column"].tolist():
                return None
            tables[name] = _restore(frame, kinds)
    except (OSError, ValueError, KeyError, ImportError):
        return None  # deleted or damaged meanwhile: rebuilt from the lists
    return tables


def save(key: str, tables: dict[str, pd.DataFrame]) -> None:
    """Store ``tables`` (the :data:`TABLES`) under ``key``; a failure only costs speed.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ,
    ...                                                          {config.ENV_VAR: tmp}):
    ...     save("k", {"units": pd.DataFrame({"code": ["01"], "parent": [None]}),
    ...                "conversion": pd.DataFrame({"n": [1]}),
    ...                "province_table": pd.DataFrame({"s": [0.5]}),
    ...                "contradictions": pd.DataFrame({"ok": [True]})})
    ...     load("k")["units"].values.tolist()
    [['01', None]]
    """
    folder = _folder(key)
    if folder.is_dir():
        return
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError:
        return  # a read-only project: build the registry each time
    try:
        for name in TABLES:
            tables[name].to_parquet(tmp / f"{name}.parquet", index=False)
        pd.DataFrame([(name, str(c), *_describe(tables[name][c])) for name in TABLES
                      for c in tables[name].columns],
                     columns=["table", "column", "dtype", "values", "missing"]
                     ).to_parquet(tmp / "dtypes.parquet", index=False)
        os.rename(tmp, folder)
    except (OSError, ValueError):
        pass  # another process stored the same key first, the disk is full, or a
        # column holds values this layout cannot give back exactly: not stored
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
