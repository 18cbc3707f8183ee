"""Read a researcher's own file of figures: CSV of unknown encoding, XLSX, wide sheets.

Every reader returns ``(table, rejects, info)``: ``table`` holds one row per record with
every cell as NFC text and column ``row`` (the physical line, or the spreadsheet row);
``rejects`` lists what could not be read (columns ``file, row, column, value, reason``);
``info`` names the file, encoding and delimiter. Checking the figures themselves is
:mod:`bhxh_analysis.usercheck`'s job.

What a CSV reader refuses, one clear message each, keeping every other line:

- a line that is not valid UTF-8 in a UTF-8 file (the file is not re-decoded whole);
- a NUL byte (binary data, or a UTF-16 fragment pasted into a UTF-8 file);
- an unclosed quote: the line holding an odd number of ``"`` is refused, named as the
  line where the quote opened, and the following lines are read on their own (a quote
  never swallows the rest of the file);
- a huge cell (more than :data:`MAX_CELL` characters: no figure is that long);
- duplicate header names, an empty file, a header without data rows;
- a possible unquoted decimal comma: in a comma-separated file whose values are written
  the Vietnamese way, an integer in the ``value`` column followed by a digits-only field
  (``…,bhyt_coverage_pct,83,23``) is most likely ``83,23`` split in two.
"""

from __future__ import annotations

import codecs
import csv
import re
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from ..clean import nfc

__all__ = [
    "MAX_CELL", "REJECT_COLUMNS", "TOTAL_ROWS", "detect_encoding", "read_csv", "read_mapping",
    "read_user_file", "read_wide", "read_xlsx", "sniff_delimiter",
]

REJECT_COLUMNS = ["file", "row", "column", "value", "reason"]
DELIMITERS = ",;\t|"
#: Longest cell accepted (characters); longer cells are refused with their line.
MAX_CELL = 10_000
#: Columns whose cells are numbers (for the unquoted-decimal-comma check).
NUMERIC_COLUMNS = ("value",)
# English-only number forms: "1,234(.5)", "92.5", "16.1234"; their presence means the
# file does not write numbers the Vietnamese way.
_ENGLISH_ONLY = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.(?:\d{1,2}|\d{4,})$")

Source = str | Path | bytes | IO[Any]
#: A line break of any platform: Windows, Unix, or a lone CR (classic Mac, Excel for Mac).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
#: First bytes of a spreadsheet workbook (XLSX/ODS are zip archives; XLS is an OLE file).
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def detect_encoding(raw: bytes) -> str:
    """Return the encoding of a CSV file's bytes.

    A BOM (UTF-8, UTF-16) decides; UTF-16 without BOM is recognised by its NUL bytes;
    a file any of whose non-ASCII lines is valid UTF-8 is UTF-8 (lines that are not are
    refused alone by :func:`read_csv`); otherwise Windows-1258 (Vietnamese Windows),
    then Latin-1, which always decodes. The order is ours (deterministic), not a guess.

    Examples
    --------
    >>> detect_encoding("Huế".encode("utf-8")), detect_encoding("Huế".encode("utf-16"))
    ('utf-8', 'utf-16')
    """
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if raw and raw.count(0) > len(raw) // 4:
        # ASCII text in UTF-16 has a NUL in every other byte.
        even, odd = raw[0::2].count(0), raw[1::2].count(0)
        return "utf-16-le" if odd > even else "utf-16-be"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    for line in raw.split(b"\n"):
        if max(line, default=0) > 127:
            try:
                line.decode("utf-8")
                return "utf-8"  # UTF-8 text with some bad lines
            except UnicodeDecodeError:
                continue
    try:
        raw.decode("cp1258")
        return "cp1258"
    except UnicodeDecodeError:
        return "latin-1"


def sniff_delimiter(text: str) -> str:
    """Return the delimiter among ``, ; TAB |`` (csv.Sniffer, checked on the header).

    Examples
    --------
    >>> sniff_delimiter("geo_name;value\\nHuế;1,5\\n")
    ';'
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        return ","
    header = lines[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and counts.get(sniffed, 0) > 0:
        return sniffed
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] > 0 else ","


def _raw_bytes(source: Source) -> tuple[bytes, str]:
    """The bytes of a path, bytes or file object, and a name for messages."""
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str | Path):
        return Path(source).read_bytes(), str(source)
    data = source.read()
    name = str(getattr(source, "name", "<stream>"))
    return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), name


def _reject(file: str, row: int, column: str, value: str, reason: str) -> tuple:
    return (file, row, column, value[:200], reason)


def _decode_lines(raw: bytes, encoding: str, fname: str) -> tuple[list[str], list[tuple]]:
    """Split into physical lines; a UTF-8 file's undecodable lines are refused alone.

    A line ends at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (the "CSV (Macintosh)" export of
    spreadsheet programs), so no line holds a line break the CSV parser would stop on.

    Examples
    --------
    >>> _decode_lines(b"a,b\\rc,d\\r\\ne,f", "utf-8", "f.csv")[0]
    ['a,b', 'c,d', 'e,f']
    """
    problems: list[tuple] = []
    if encoding != "utf-8":
        text = raw.decode(encoding, errors="replace")
        return _LINE_BREAK.split(text.lstrip("\ufeff")), problems
    lines = []
    for n, chunk in enumerate(_LINE_BREAK_BYTES.split(raw), start=1):  # physical lines
        try:
            lines.append(chunk.decode("utf-8"))
        except UnicodeDecodeError as exc:
            bad = chunk[exc.start:exc.start + 1].hex()
            problems.append(_reject(fname, n, "(line)", chunk.decode("utf-8", "replace"),
                                    f"line is not valid UTF-8 (byte 0x{bad} at position "
                                    f"{exc.start + 1}) in a UTF-8 file; the line is skipped, "
                                    "the other lines are read"))
            lines.append("")
    return lines, problems


def read_csv(source: Source, *, delimiter: str | None = None, name: str | None = None
             ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Read a CSV of unknown encoding and delimiter into text cells.

    Parameters
    ----------
    source : path, bytes or file object
        A text file object (``io.StringIO``) is read as UTF-8.
    delimiter : str or None
        The delimiter when known (default: sniffed among ``, ; TAB |``).
    name : str or None
        Name of the file in messages (default: its path, or ``<stream>``).

    Returns
    -------
    table : pandas.DataFrame
        One row per record: column ``row`` (1-based physical line) and one column per
        header name (NFC, stripped, lower-cased, spaces as ``_``; a header column named
        ``row``, as in the tool's own outputs, is dropped); missing cells are ``""``.
    rejects : pandas.DataFrame
        Lines refused while reading (see the module docstring), and row-level structure
        problems (extra cells, a possible unquoted decimal comma).
    info : dict
        ``file``, ``encoding``, ``delimiter``.
    """
    raw, fname = _raw_bytes(source)
    fname = name or fname
    if raw.startswith(_WORKBOOK_MAGIC):
        reason = ("a spreadsheet workbook (XLSX, XLS or ODS), not CSV text: save it as "
                  "'CSV UTF-8', or give an .xlsx to `bhxh data add` (which checks it the "
                  "same way and writes nothing when a row is rejected)")
        return (pd.DataFrame({"row": pd.Series(dtype="int64")}),
                _frame([_reject(fname, 1, "(file)", "", reason)]),
                {"file": fname, "encoding": "binary", "delimiter": ""})
    encoding = detect_encoding(raw)
    lines, problems = _decode_lines(raw, encoding, fname)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    delimiter = delimiter or sniff_delimiter(
        "\n".join(ln for ln in lines[:60] if "\x00" not in ln))
    info = {"file": fname, "encoding": encoding, "delimiter": delimiter}
    keep: list[tuple[int, str]] = []
    for n, line in enumerate(lines, start=1):  # physical lines: each problem names one
        if not line.strip():
            continue
        if "\x00" in line:
            problems.append(_reject(fname, n, "(line)", line.replace("\x00", "\\0"),
                                    "NUL byte in the line (binary data or a UTF-16 fragment); "
                                    "the line is skipped"))
        elif len(line) > MAX_CELL:
            problems.append(_reject(fname, n, "(line)", line[:60] + "…",
                                    f"line of {len(line):,} characters holds a cell longer "
                                    f"than {MAX_CELL:,} characters: not a figure; skipped"))
        elif line.count('"') % 2:
            problems.append(_reject(fname, n, "(line)", line,
                                    f"unclosed quote: a quote opened on line {n} is not closed "
                                    "on that line; the line is skipped and the following "
                                    "lines are read on their own"))
        else:
            keep.append((n, line))
    records = [(n, cells) for (n, _), cells in
               zip(keep, csv.reader([ln for _, ln in keep], delimiter=delimiter), strict=True)]
    del lines, keep  # a big file's text is held once at a time
    records = [(n, c) for n, c in records if any(x.strip() for x in c)]
    empty = pd.DataFrame({"row": pd.Series(dtype="int64")})
    if not records:
        problems.append(_reject(fname, 1, "(file)", "", "empty file: no header and no rows"))
        return empty, _frame(problems), info
    head_line, head_cells = records[0]
    header = [nfc(h).casefold().replace(" ", "_") for h in head_cells]
    twice = sorted({h for h in header if header.count(h) > 1 and h})
    if twice:
        problems.append(_reject(fname, head_line, "(header)", delimiter.join(head_cells),
                                "duplicate column name(s) in the header: " + ", ".join(twice)
                                + "; each column must be named once"))
        return empty, _frame(problems), info
    if len(records) == 1:
        problems.append(_reject(fname, head_line, "(file)", delimiter.join(head_cells),
                                "header only: the file has no data rows"))
        return empty, _frame(problems), info
    width = len(header)
    vi_file = delimiter == "," and not any(
        _ENGLISH_ONLY.fullmatch(c[header.index(col)].strip())
        for col in NUMERIC_COLUMNS if col in header
        for _, c in records[1:] if len(c) > header.index(col))
    for n, cells in records[1:]:  # structure checks on the few long or suspicious rows
        problems += _row_problems(fname, n, header, cells, delimiter, vi_file)
    body = [[n, *(c[:width] + [""] * (width - len(c)))] for n, c in records[1:]]
    del records
    table = pd.DataFrame(body, columns=["row", *(h or f"column_{i + 1}"
                                               for i, h in enumerate(header))], dtype=object)
    del body
    table = table.loc[:, ~table.columns.duplicated()]
    table["row"] = table["row"].astype("int64")
    for col in table.columns[1:]:
        table[col] = _nfc_column(table[col])
    return table, _frame(problems), info


def _nfc_column(col: pd.Series) -> pd.Series:
    """:func:`nfc` of every cell, computed once per distinct text (big daily files repeat
    places, indicators and values on most rows)."""
    text = col.fillna("").astype("str")
    codes, uniques = pd.factorize(text)
    if len(uniques) == 0:
        return text.astype(object)
    return pd.Series(np.array([nfc(u) for u in uniques], dtype=object)[codes],
                     index=col.index, dtype=object)


def _row_problems(fname: str, n: int, header: list[str], cells: list[str], delimiter: str,
                  vi_file: bool) -> list[tuple]:
    """Extra cells and a possible unquoted decimal comma in one record."""
    out = []
    width = len(header)
    for col in NUMERIC_COLUMNS:
        if col not in header:
            continue
        k = header.index(col)
        if k + 1 >= len(cells) or not re.fullmatch(r"[+-]?\d{1,3}", cells[k].strip()):
            continue
        nxt = cells[k + 1].strip()
        numeric_next = k + 1 < width and header[k + 1] in NUMERIC_COLUMNS
        if vi_file and re.fullmatch(r"\d+", nxt) and not numeric_next:
            where = header[k + 1] if k + 1 < width else "an extra cell"
            out.append(_reject(fname, n, col, f"{cells[k]}{delimiter}{nxt}",
                               f"possible unquoted decimal comma: {col} {cells[k]} is followed "
                               f"by the digits-only field {nxt!r} ({where}); if the figure is "
                               f"{cells[k].strip()},{nxt} quote it (\"{cells[k].strip()},{nxt}\") "
                               "or separate the columns with ';'"))
            return out
    extra = cells[width:]
    if any(x.strip() for x in extra):
        out.append(_reject(fname, n, "(extra cells)", delimiter.join(extra),
                           f"more cells ({len(cells)}) than header columns ({width})"))
    return out


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=REJECT_COLUMNS).astype(
        {"file": "str", "row": "int64", "column": "str", "value": "str", "reason": "str"})


# ----------------------------------------------------------------- spreadsheets

#: Total rows of a wide sheet, skipped by default (ascii-folded, lower-case prefixes).
TOTAL_ROWS = ("tong cong", "cong", "tong so", "tong", "toan tinh", "total")


def _cell_text(v: Any) -> str:
    """A spreadsheet cell as text: whole numbers without ``.0``, dates ISO."""
    import datetime as _dt

    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, _dt.datetime):
        return v.date().isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    return nfc(str(v))


def _sheet_rows(path: Path, sheet: str | None) -> tuple[list[list[str]], str]:
    """All cells of a sheet as text, merged ranges filled with their top-left value."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ValueError(f"{path}: not a readable XLSX workbook ({exc})") from None
    if sheet is not None and sheet not in wb.sheetnames:
        raise ValueError(f"{path}: no sheet {sheet!r} (sheets: {', '.join(wb.sheetnames)})")
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]
    rows = [[_cell_text(v) for v in r] for r in ws.iter_rows(values_only=True)]
    for rng in ws.merged_cells.ranges:  # a few header ranges, not data
        top = rows[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row - 1, rng.max_row):
            for c in range(rng.min_col - 1, rng.max_col):
                rows[r][c] = top
    return rows, ws.title


def read_xlsx(path: str | Path, sheet: str | None = None
              ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Read a sheet in the ``data check`` layout (header on its first non-empty row).

    Returns the same ``(table, rejects, info)`` as :func:`read_csv`; ``row`` is the
    spreadsheet row number.
    """
    path = Path(path)
    rows, title = _sheet_rows(path, sheet)
    info = {"file": f"{path}[{title}]", "encoding": "xlsx", "delimiter": ""}
    numbered = [(i, r) for i, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    lines = ["\x1f".join(c.replace('"', "'") for c in r) for _, r in numbered]
    if not numbered:
        return (pd.DataFrame({"row": pd.Series(dtype="int64")}),
                _frame([(info["file"], 1, "(file)", "", "empty sheet")]), info)
    # Reuse the CSV checks (header, duplicates, widths) on the sheet's rows.
    text = "\n".join(lines).encode("utf-8")
    table, rejects, _ = read_csv(text, delimiter="\x1f", name=info["file"])
    mapping = dict(enumerate((n for n, _ in numbered), start=1))
    table["row"] = table["row"].map(mapping).astype("int64")
    rejects["row"] = rejects["row"].map(mapping).fillna(1).astype("int64")
    # The cells were joined with an invisible separator: show them as a reader sees them.
    rejects["value"] = rejects["value"].astype(str).str.replace("\x1f", " | ", regex=False)
    return table, rejects, info


def _column_index(ref: str) -> int:
    """0-based index of a column letter (``C`` → 2)."""
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(ref.strip().upper()) - 1


def read_mapping(path: str | Path) -> dict[str, Any]:
    """Read a wide-sheet mapping file (YAML; see ``docs/examples/README.md``).

    Raises
    ------
    ValueError
        Not a mapping, or a required key missing (the message names it).
    """
    import yaml

    try:
        spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the mapping ({exc})") from None
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: the mapping must be a YAML mapping (key: value)")
    for key in ("header_rows", "place_column", "values"):
        if key not in spec:
            raise ValueError(f"{path}: the mapping needs a '{key}' entry")
    if not isinstance(spec["values"], list) or not spec["values"]:
        raise ValueError(f"{path}: 'values' must list at least one column to read")
    for i, v in enumerate(spec["values"], start=1):
        if not isinstance(v, dict) or not ({"column", "header"} & set(v)):
            raise ValueError(f"{path}: values entry {i} needs 'column' (a letter) or 'header'")
        for key in ("indicator", "as_of"):
            if key not in v:
                raise ValueError(f"{path}: values entry {i} needs '{key}'")
    return spec


def read_wide(path: str | Path, mapping: dict[str, Any], sheet: str | None = None
              ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Read a wide VSS-style sheet (units as rows, months or indicators as columns).

    Parameters
    ----------
    path : path
        An XLSX workbook (or a CSV with the same shape).
    mapping : dict
        :func:`read_mapping`: the header rows (merged header cells are filled across
        and the labels of the header rows joined by ``" | "``), the place column, an
        optional ``parent`` for every unit, the total rows to skip (default
        :data:`TOTAL_ROWS`: *Tổng cộng*, *Cộng*, ...), and for each value column its
        indicator and ``as_of`` (and optionally ``unit``).
    sheet : str or None
        Sheet name; default the mapping's ``sheet``, else the first sheet.

    Returns
    -------
    table, rejects, info
        As :func:`read_csv`, in the ``data check`` layout (one row per value cell,
        ``row`` the spreadsheet row, ``note`` naming the cell).
    """
    from ..clean import ascii_key

    path = Path(path)
    sheet = sheet or mapping.get("sheet")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows, title = _sheet_rows(path, sheet)
        fname = f"{path}[{title}]"
    else:
        table, rejects, _ = read_csv(path)
        rows = [list(table.columns[1:])] + table.drop(columns="row").to_numpy().tolist()
        fname = str(path)
    info = {"file": fname, "encoding": "xlsx", "delimiter": ""}
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header_rows = [int(h) for h in mapping["header_rows"]]
    if not rows or max(header_rows) > len(rows):
        raise ValueError(f"{fname}: the sheet has fewer rows than the header rows "
                         f"{header_rows} of the mapping")
    labels = []
    for c in range(width):
        parts: list[str] = []
        for h in header_rows:
            cell = rows[h - 1][c].strip()
            if cell and (not parts or parts[-1] != cell):
                parts.append(cell)
        labels.append(" | ".join(parts))

    def locate(ref: dict[str, Any] | str) -> int:
        if isinstance(ref, str) or "column" in ref:
            letter = ref if isinstance(ref, str) else str(ref["column"])
            if letter.isalpha():
                return _column_index(letter)
            ref = {"header": letter}
        want = ascii_key(str(ref["header"]))
        hits = [i for i, lab in enumerate(labels) if ascii_key(lab) == want]
        if len(hits) != 1:
            known = "; ".join(f"{_letter(i)}: {lab}" for i, lab in enumerate(labels) if lab)
            raise ValueError(f"{fname}: header {ref['header']!r} found {len(hits)} times "
                             f"(labels: {known})")
        return hits[0]

    place_col = locate(str(mapping["place_column"]))
    first = int(mapping.get("first_data_row", max(header_rows) + 1))
    skip = tuple(ascii_key(str(s)) for s in mapping.get("skip", TOTAL_ROWS))
    parent = str(mapping.get("parent", "") or "")
    fmt = str(mapping.get("number_format", "") or "")
    out = []
    for spec in mapping["values"]:  # a few columns
        col = locate(spec)
        for n in range(first, len(rows) + 1):  # the sheet's unit rows
            place = rows[n - 1][place_col].strip()
            key = ascii_key(place)
            if not place or any(key == s or key.startswith(s + " ") for s in skip):
                continue
            out.append({"row": n, "geo_name": place, "parent": parent,
                        "as_of": str(spec["as_of"]), "indicator": str(spec["indicator"]),
                        "value": rows[n - 1][col].strip(), "unit": str(spec.get("unit", "")),
                        "number_format": fmt,
                        "note": f"cell {_letter(col)}{n} ({labels[col] or 'no label'})"})
    table = pd.DataFrame(out, columns=["row", "geo_name", "parent", "as_of", "indicator",
                                       "value", "unit", "number_format", "note"])
    table["row"] = table["row"].astype("int64")
    # An empty cell or a dash is "no figure" in these sheets: skipped, and counted.
    blank = table["value"].isin(["", "-", "–", "..", "...", "…"])
    info["skipped_cells"] = str(int(blank.sum()))
    return table[~blank].reset_index(drop=True), _frame([]), info


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def read_user_file(path: str | Path, *, sheet: str | None = None,
                   mapping: str | Path | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Read a CSV or XLSX of figures: the ``data check`` layout, or a wide sheet with a
    mapping file (:func:`read_wide`)."""
    path = Path(path)
    if mapping is not None:
        return read_wide(path, read_mapping(mapping), sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet)
    return read_csv(path)
