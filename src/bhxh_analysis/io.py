"""The only writer of the package: parquet, CSV with safe cells, a build published as a set.

Three things live here and nowhere else:

* :func:`write_parquet` and :func:`write_csv` write one table through a temporary file
  renamed into place (a reader never sees half a file). CSV text cells that a
  spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return) get a leading ``'`` (the OWASP rule); numbers in numeric columns and
  text that is a plain number (``-1.234``) stay as they are.
* :func:`publish` writes the processed tables of one build into a staging folder and
  switches the ``current`` link to it in one atomic step. ``data/processed/<table>``
  are fixed links through ``current``, so every path a user knows keeps working and a
  reader sees either the previous complete set or the new one, never a mix.
* :func:`current_build` tells readers which complete set to read (one folder for every
  table they load), and removes what an interrupted build left behind (saying so).

Why links rather than copying files into place one by one: copying is not atomic as a
set, so a build killed half-way (``kill -9``, a full disk) would leave new observations
beside old derived figures. With the link switched last, the previous build stays the
current one until the new one is complete.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import config

__all__ = [
    "BuildSet",
    "arrow_schema",
    "ProcessedDataError",
    "csv_text",
    "current_build",
    "publish",
    "read_parquet",
    "safe_text",
    "write_csv",
    "write_parquet",
    "write_parquet_parts",
]

log = logging.getLogger("bhxh_analysis")

#: First characters that make a spreadsheet cell a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Text that is a plain number is not a formula, even with a sign ("-1.234", "+5%").
_PLAIN_NUMBER = r"^[+\-]?\d[\d.,]*%?$"
#: Folder of the build sets, the link to the current one and each set's record.
BUILDS, CURRENT, RECORD = "builds", "current", "BUILD.json"


class ProcessedDataError(RuntimeError):
    """The processed tables cannot be read (missing, truncated, corrupt); names the file."""


# ------------------------------------------------------------------ single files


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Write through ``.<name>.<pid>.tmp`` beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def safe_text(s: pd.Series) -> pd.Series:
    """Prefix ``'`` to text cells a spreadsheet would run as a formula.

    Parameters
    ----------
    s : pandas.Series
        A text column.

    Returns
    -------
    pandas.Series
        The same cells; those starting with ``= + - @``, tab or carriage return get a
        leading ``'``, except text that is a plain number.

    Examples
    --------
    >>> safe_text(pd.Series(["=HYPERLINK(1)", "-1.234", "@SUM(A1)", "Huế"])).tolist()
    ["'=HYPERLINK(1)", '-1.234', "'@SUM(A1)", 'Huế']
    """
    text = s if pd.api.types.is_string_dtype(s) and not isinstance(
        s.dtype, pd.CategoricalDtype) else s.astype("str").where(s.notna())
    risky = text.str.slice(0, 1).isin(FORMULA_START).fillna(False).astype(bool)
    if not risky.any():
        return s
    risky[risky] = ~text[risky].str.fullmatch(_PLAIN_NUMBER).fillna(False).astype(bool)
    return text.where(~risky, "'" + text)


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as UTF-8 CSV with safe text cells; every CSV of the package uses it.

    ``\\n`` line ends, floats ``%.15g``, dates ``YYYY-MM-DD``, no index. Text cells are
    neutralised by :func:`safe_text`; numeric columns are written as numbers.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    path : str or pathlib.Path
        Destination (its folder is created; the file appears only when complete).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_csv(pd.DataFrame({"note": ["=1+1"], "value": [-2.5]}), out)
    >>> out.read_text(encoding="utf-8")
    "note,value\\n'=1+1,-2.5\\n"
    """
    return _replace_atomically(Path(path), lambda tmp: _csv_rows(df, tmp, header=True))


def csv_text(df: pd.DataFrame) -> str:
    """Return a table as CSV text with safe text cells (for a command's standard output).

    The same cells and formats as :func:`write_csv`.

    Examples
    --------
    >>> csv_text(pd.DataFrame({"name": ["+cmd|' /C calc'!A0"], "value": [1.5]}))
    "name,value\\n'+cmd|' /C calc'!A0,1.5\\n"
    """
    safe, options = _safe_csv(df)
    return safe.to_csv(None, **options)


def _safe_csv(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any]]:
    """``df`` with safe text cells, and the ``to_csv`` options every CSV of ours uses."""
    text = [c for c in df.columns
            if pd.api.types.is_object_dtype(df[c]) or pd.api.types.is_string_dtype(df[c])
            or isinstance(df[c].dtype, pd.CategoricalDtype)]
    if text:
        df = df.assign(**{c: safe_text(df[c]) for c in text})
    # Python's csv quotes a cell holding "\n" but not one holding a lone "\r", which
    # readers take for a line end: such a (rare) table gets every text cell quoted.
    lone_cr = any(df[c].astype("str").str.contains("\r", regex=False).any() for c in text)
    return df, dict(index=False, lineterminator="\n", float_format="%.15g",
                    date_format="%Y-%m-%d",
                    quoting=csv.QUOTE_NONNUMERIC if lone_cr else csv.QUOTE_MINIMAL)


def _csv_rows(df: pd.DataFrame, path: Path, header: bool) -> None:
    """Write (``header``) or append the rows of ``df`` with safe text cells."""
    safe, options = _safe_csv(df)
    safe.to_csv(path, mode="w" if header else "a", header=header, encoding="utf-8", **options)


def _arrow_table(df: pd.DataFrame) -> Any:
    """``df`` as an Arrow table: dates ``date32``, no pandas metadata (byte-stable files).

    Text held as pandas' pyarrow-backed ``str`` is handed over without a copy;
    categoricals become dictionary-encoded strings (parquet readers see plain text).
    """
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    fields = [pa.field(f.name, pa.date32()) if pa.types.is_timestamp(f.type) else f
              for f in table.schema]
    return table.cast(pa.schema(fields)).replace_schema_metadata(None)


#: Text columns distinct on (almost) every row: a dictionary page would not shrink them
#: and trying one costs time, so parquet stores them plain.
PLAIN_TEXT = ("obs_id", "inputs", "obs_ids")


def _parquet_options(table: Any) -> dict[str, Any]:
    """zstd; dictionary pages for repeated text only; no stored Arrow schema."""
    import pyarrow as pa

    text = [f.name for f in table.schema
            if (pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
                or pa.types.is_dictionary(f.type)) and f.name not in PLAIN_TEXT]
    return {"compression": "zstd", "store_schema": False, "use_dictionary": text}


def arrow_schema(columns: Iterable[str]) -> Any:
    """Return the parquet schema of a table with these columns (dtypes of ``schema.DTYPES``).

    Examples
    --------
    >>> arrow_schema(["geo_code", "value"]).types
    [DataType(string), DataType(double)]
    """
    import pyarrow as pa

    from .schema import DTYPES

    kinds = {"str": pa.string(), "float64": pa.float64(), "bool": pa.bool_(),
             "int64": pa.int64(), "datetime64[ns]": pa.date32()}
    return pa.schema([pa.field(c, kinds[DTYPES.get(c, "str")]) for c in columns])


def write_parquet_parts(parts: Iterable[pd.DataFrame], path: str | Path,
                        csv_path: str | Path | None = None) -> int:
    """Write a table that arrives in parts (a big derived table), one part at a time.

    Each part is converted to the table's fixed schema (:func:`arrow_schema`) and
    appended by one background thread while the caller produces the next part (``parts``
    may be a generator computing them, as the build's groups are); parts reach the file
    in their order, and an error in either comes back unchanged. With ``csv_path`` the
    same rows go to a CSV copy (safe cells, as :func:`write_csv`). Files appear only
    when every part is written.

    Returns
    -------
    int
        Rows written.

    Examples
    --------
    >>> import tempfile
    >>> parts = [pd.DataFrame({"value": [1.0, 2.0]}), pd.DataFrame({"value": [3.0]})]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     rows = write_parquet_parts(parts, Path(tmp) / "t.parquet")
    ...     back = read_parquet(Path(tmp) / "t.parquet")
    >>> rows, back["value"].tolist()
    (3, [1.0, 2.0, 3.0])
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    csv_tmp = None if csv_path is None else Path(csv_path).with_name(
        f".{Path(csv_path).name}.{os.getpid()}.tmp")
    writer, rows = None, 0

    def write(part: pd.DataFrame) -> None:
        nonlocal writer
        table = _arrow_table(part)
        if writer is None:
            # Repeated text that arrives dictionary-encoded stays so (no decoding;
            # readers see plain text), the rest takes the table's fixed schema.
            fixed = arrow_schema(table.column_names)
            target = pa.schema([pa.field(f.name, pa.dictionary(pa.int32(), pa.string()))
                                if pa.types.is_dictionary(f.type) else fixed.field(f.name)
                                for f in table.schema])
            writer = pq.ParquetWriter(tmp, target, **_parquet_options(target.empty_table()))
        writer.write_table(table.cast(writer.schema))

    try:
        # Each part is converted and written by one background thread (pyarrow mostly
        # without the GIL) while the next part is produced: the build's parts are
        # derived lazily, so deriving and writing share the machine's two cores.
        with ThreadPoolExecutor(max_workers=1) as background:
            writing = None
            for part in parts:
                if writing is not None:
                    writing.result()  # one part waits at most (bounds the memory)
                writing = background.submit(write, part)
                if csv_tmp is not None:
                    _csv_rows(part, csv_tmp, header=rows == 0)
                rows += len(part)
            if writing is not None:
                writing.result()
        if writer is None:
            raise ValueError(f"{path.name}: no part to write")
        writer.close()
        os.replace(tmp, path)
        if csv_tmp is not None:
            os.replace(csv_tmp, Path(csv_path))
    except BaseException:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
        if csv_tmp is not None:
            csv_tmp.unlink(missing_ok=True)
        raise
    return rows


def write_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as parquet (zstd, explicit schema, no pandas metadata: byte-stable).

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    path : str or pathlib.Path
        Destination (the file appears only when complete).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_parquet(pd.DataFrame({"geo_code": ["01"], "value": [83.23]}),
    ...                         Path(tmp) / "t.parquet")
    ...     read_parquet(out).to_dict("records")
    [{'geo_code': '01', 'value': 83.23}]
    """
    import pyarrow.parquet as pq

    table = _arrow_table(df)

    def write(tmp: Path) -> None:
        pq.write_table(table, tmp, **_parquet_options(table))
    return _replace_atomically(Path(path), write)


def read_parquet(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a parquet table; a missing, truncated or corrupt file raises naming its path.

    Dates come back as ``datetime64[ns]``, text as ``str``.

    Raises
    ------
    ProcessedDataError
        The file is missing or cannot be read as parquet.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_parquet(pd.DataFrame({"value": [1.5, 2.5]}), Path(tmp) / "t.parquet")
    ...     read_parquet(out, columns=["value"])["value"].tolist()
    [1.5, 2.5]
    >>> read_parquet("no-such-file.parquet")
    Traceback (most recent call last):
    ...
    bhxh_analysis.io.ProcessedDataError: no-such-file.parquet not found: run `bhxh data build`
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    if not path.is_file():
        raise ProcessedDataError(f"{path} not found: run `bhxh data build`")
    try:
        table = pq.read_table(path, columns=columns)
    except (pa.ArrowException, OSError) as exc:
        raise ProcessedDataError(
            f"{path} is not a readable parquet file (truncated or corrupt: {exc}); "
            "run `bhxh data build` to write it again") from exc
    # The Arrow buffers are released column by column as pandas takes them over.
    df = table.to_pandas(date_as_object=False, self_destruct=True, split_blocks=True)
    del table
    for c in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[c]):
            df[c] = df[c].astype("datetime64[ns]")
    return df


# ------------------------------------------------------------------ build sets


@dataclass(frozen=True)
class BuildSet:
    """One complete, published build of the processed tables.

    Attributes
    ----------
    path : pathlib.Path
        Its folder (``data/processed/builds/<id>``); read every table from here.
    id : str
        Build id (UTC time and a random suffix).
    files : dict of str to int
        Each file of the set and its size in bytes.
    """

    path: Path
    id: str
    files: dict[str, int]

    def table(self, name: str) -> Path:
        """Return the path of one file of the set (``"observations.parquet"``)."""
        return self.path / name


def _builds_dir() -> Path:
    return config.processed_dir() / BUILDS


def _new_id() -> str:
    now = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
    return f"{now}-{uuid.uuid4().hex[:6]}"


def _remove_leftovers(keep: Iterable[Path]) -> list[str]:
    """Remove staging folders and builds other than ``keep``; return what was removed."""
    keep = {p.resolve() for p in keep}
    removed = []
    builds = _builds_dir()
    for p in sorted(builds.iterdir()) if builds.is_dir() else []:
        if p.resolve() not in keep:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
            removed.append(p.name)
    for p in config.processed_dir().glob(".*.tmp"):
        p.unlink(missing_ok=True)
        removed.append(p.name)
    return removed


def _link(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` atomically (a new link renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.link.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(write: Callable[[Path], Iterable[str]], *, keep_previous: bool = True) -> BuildSet:
    """Write one build into a staging folder and make it the current set in one step.

    Parameters
    ----------
    write : callable
        Called with the staging folder; writes the tables there and returns their file
        names. Anything it raises leaves the current set untouched (the staging folder
        is removed).
    keep_previous : bool
        Keep the previous set on disk (a reader that opened it can finish); older ones
        are removed.

    Returns
    -------
    BuildSet
        The new current set. ``data/processed/<name>`` links through ``current`` to it.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> def write(folder):
    ...     _ = write_csv(pd.DataFrame({"value": [1]}), folder / "t.csv")
    ...     return ["t.csv"]
    >>> with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ,
    ...                                                          {config.ENV_VAR: tmp}):
    ...     build = publish(write)
    ...     (config.processed_dir() / "t.csv").read_text(encoding="utf-8")
    'value\\n1\\n'
    >>> sorted(build.files)
    ['t.csv']
    """
    processed = config.processed_dir()
    builds = _builds_dir()
    builds.mkdir(parents=True, exist_ok=True)
    build_id = _new_id()
    staging = builds / f".staging-{build_id}"
    staging.mkdir()
    try:
        names = sorted(set(write(staging)))
        files = {n: (staging / n).stat().st_size for n in names}
        record = {"id": build_id, "created": _dt.datetime.now(_dt.UTC).isoformat(
            timespec="seconds"), "files": files}
        (staging / RECORD).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        for n in [*names, RECORD]:  # on disk before the switch
            with open(staging / n, "rb") as fh:
                os.fsync(fh.fileno())
        final = builds / build_id
        os.replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = _current_target()
    _link(f"{BUILDS}/{build_id}", processed / CURRENT)  # the switch
    for n in names:  # fixed links: data/processed/<name> -> current/<name>
        link = processed / n
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{n}"):
            _link(f"{CURRENT}/{n}", link)
    for p in processed.iterdir():  # links to tables this build no longer has
        if p.is_symlink() and os.readlink(p).startswith(f"{CURRENT}/") and p.name not in names:
            p.unlink()
    keep = [final, *([previous] if keep_previous and previous is not None else [])]
    _remove_leftovers(keep)
    return BuildSet(final, build_id, files)


def _current_target() -> Path | None:
    link = config.processed_dir() / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def current_build(*, clean: bool = True) -> BuildSet | None:
    """Return the current complete build set, or ``None`` when there is none.

    A set is complete when its record lists every file at the size written. What an
    interrupted build left (a staging folder, temporary files) is removed and logged.

    Parameters
    ----------
    clean : bool
        Remove leftovers of interrupted builds (default).

    Returns
    -------
    BuildSet or None
        ``None`` when nothing was published yet, or the current set is damaged (the
        log says which; the caller rebuilds).

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ,
    ...                                                          {config.ENV_VAR: tmp}):
    ...     print(current_build())
    ...     build = publish(lambda folder: [write_csv(pd.DataFrame({"v": [1]}),
    ...                                               folder / "t.csv").name])
    ...     current_build().id == build.id
    None
    True
    """
    target = _current_target()
    if clean:
        builds = _builds_dir()
        stale = sorted(builds.glob(".staging-*")) if builds.is_dir() else []
        if stale:
            for p in stale:
                shutil.rmtree(p, ignore_errors=True)
            which = (f"the previous complete build {target.name} is used" if target
                     else "no complete build exists")
            log.warning("an interrupted build was found and removed (%s); %s",
                        ", ".join(p.name for p in stale), which)
        for p in config.processed_dir().glob(".*.tmp"):
            p.unlink(missing_ok=True)
    if target is None:
        return None
    try:
        record = json.loads((target / RECORD).read_text(encoding="utf-8"))
        files = {str(k): int(v) for k, v in record["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        log.warning("the current build %s has no readable %s; it will be rebuilt",
                    target.name, RECORD)
        return None
    damaged = [n for n, size in files.items()
               if not (target / n).is_file() or (target / n).stat().st_size != size]
    if damaged:
        log.warning("the current build %s is damaged (%s missing or of the wrong size); "
                    "it will be rebuilt", target.name, ", ".join(damaged))
        return None
    return BuildSet(target, str(record.get("id", target.name)), files)
