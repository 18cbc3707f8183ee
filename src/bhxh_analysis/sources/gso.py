"""GSO exports (``data/raw/gso/*.csv``): population, labour force, insured persons.

Rules (documented for users in ``docs/build.md``): annual averages (population, labour
force) are dated ``YYYY-07-01`` (mid-year), year-end stocks (insured persons)
``YYYY-12-31``; values printed in thousands are multiplied by 1,000; ``..`` is an absent
figure, not an error; region aggregate rows are dropped and "WHOLE COUNTRY" becomes the
nation; provinces are legacy units. Where two publications give the same indicator,
place and year, the newest wins (:data:`SPECS` is ordered newest first; the pipeline
keeps the first).

Two blocks: the export format (:func:`read_gso_export_with_errors`: title line, separator,
year headers, ``..``, aggregates, number convention), then :func:`read`, which turns one
export into observation rows.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from .. import config
from ..clean import ParseError, ascii_key, ascii_key_series, nfc, nfc_series, parse_numbers
from ..schema import rejects

__all__ = [
    "GSO_COLUMNS",
    "GSO_ERROR_COLUMNS",
    "SPECS",
    "territory_changes",
    "GsoSpec",
    "is_aggregate_name",
    "parse_year_header",
    "read",
    "read_gso_export",
    "read_gso_export_with_errors",
    "wide_to_long",
]


class GsoSpec(NamedTuple):
    """How to read one GSO export (file, source, series → indicator, ids, dating)."""

    file: str
    source_id: str
    series: dict[str, str]  # series label (ascii_key) → indicator
    prefix: str
    stock: bool  # year-end stock (YYYY-12-31) or annual average (YYYY-07-01)
    note: str


# Newest publication first: on overlapping (indicator, place, year) the first wins.
SPECS: tuple[GsoSpec, ...] = (
    GsoSpec("gso/population_by_province_2018-2022.csv", "gso-pop-2018-2022",
             {"dan so trung binh (nghin nguoi)": "population"}, "gso-pop", False,
             "GSO average population, printed in thousands; dated mid-year"),
    GsoSpec("gso/average_population_by_province_1995-2016.csv", "gso-pop-1995-2016",
             {"total": "population"}, "gso-pop", False,
             "GSO average population, printed in thousands; dated mid-year"),
    GsoSpec("gso/labour_force_by_province_2005-2016.csv", "gso-lf-2005-2016",
             {"total": "labour_force_15plus"}, "gso-lf15", False,
             "GSO labour force aged 15+, printed in thousands; dated mid-year"),
    GsoSpec("gso/insured_persons_national_2010-2015.csv", "gso-insured-2010-2015",
             {
                 "number of insured persons (thous. persons) - social insurance":
                     "bhxh_participants",
                 "number of insured persons (thous. persons) - health insurance":
                     "bhyt_participants",
                 "number of insured persons (thous. persons) - unemployment insurance":
                     "bhtn_participants",
             }, "gso-ins", True,
             "GSO insured persons, printed in thousands; year-end"),
)


def territory_changes() -> dict[str, tuple[int, str]]:
    """Legacy provinces whose territory changed during the GSO series: code → (year, what).

    Figures of earlier years describe a different area than the legacy unit (a GSO year's
    figure counts the area at its 31 December). They are kept (the series are still
    useful) but their note says so. Read from the one list of boundary changes,
    :data:`bhxh_analysis.geo.reform.BOUNDARY_CHANGES` (a province created by a split has
    no earlier figures, so it has no entry).

    Examples
    --------
    >>> territory_changes()["66"]
    (2004, 'before 2004 this province included Đắk Nông')
    >>> territory_changes()["26"]
    (2008, 'before 2008 this province included Mê Linh (moved to Hà Nội)')
    >>> territory_changes()["12"][1]
    'before 2004 this province included Điện Biên; before 2004 this province did not include Than Uyên district (Lào Cai)'
    """
    from ..geo.reform import BOUNDARY_CHANGES

    out: dict[str, tuple[int, str]] = {}
    for c in BOUNDARY_CHANGES:
        year, part = int(c["date"][:4]), c.get("part_en", c.get("part", ""))
        if c["kind"] == "split":
            what = f"before {year} this province included {part}"
        elif c["kind"] == "gained":
            what = f"before {year} this province did not include {part}"
        elif c["kind"] == "lost":
            what = f"before {year} this province included {part} (moved to {c['to']})"
        else:
            continue
        if c["geo_code"] in out:  # two changes of one province (Lai Châu, 2004): both said
            year0, what0 = out[c["geo_code"]]
            year, what = max(year, year0), f"{what0}; {what}"
        out[c["geo_code"]] = (year, what)
    return out


# ------------------------------------------------------- the export format (parsing)

GSO_COLUMNS = [
    "file", "row", "name_raw", "name", "series", "year", "value",
    "preliminary", "is_aggregate", "title",
]
GSO_ERROR_COLUMNS = ["file", "row", "column", "value", "reason"]

_MISSING = {"..", "...", "…", "-"}  # GSO's markers for "no figure"
_YEAR_HEADER = re.compile(
    r"^(?P<series>.*?)\s*(?P<prel>prel\.?|sơ bộ|ước tính|ước)?\s*(?P<year>(?:19|20)\d{2})$",
    re.IGNORECASE,
)
# Whole-country and region rows (English GSO names, Vietnamese names), on ascii_key().
_AGGREGATE = re.compile(
    r"^(?:whole country|viet ?nam|ca nuoc|toan quoc|"
    r"red river delta|northern midlands and mountain areas|"
    r"north(?:ern)? central(?: area)? and central coastal areas?|central highlands|"
    r"south ?east|mekong river delta|"
    r"dong bang song hong|trung du va mien nui phia bac|"
    r"bac trung bo va duyen hai mien trung|tay nguyen|dong nam bo|dong bang song cuu long)$"
)


def is_aggregate_name(names: pd.Series) -> pd.Series:
    """Flag whole-country and GSO region names (English or Vietnamese, any spacing).

    Parameters
    ----------
    names : pandas.Series
        Place names as printed.

    Returns
    -------
    pandas.Series
        Boolean, same index.
    """
    keys = ascii_key_series(names)
    return keys.str.fullmatch(_AGGREGATE.pattern).fillna(False).astype(bool)


def parse_year_header(label: str, default_series: str = "Total") -> tuple[str, int, bool]:
    """Split a wide-table column label into (series, year, preliminary).

    ``"Total 1995"`` → ``("Total", 1995, False)``; ``"Male Prel. 2016"`` →
    ``("Male", 2016, True)``; ``"Prel. 2016"`` → ``(default_series, 2016, True)``;
    ``"Dân số trung bình (Nghìn người) 2018"`` → ``("Dân số trung bình (Nghìn
    người)", 2018, False)``.

    Raises
    ------
    ParseError
        The label does not end with a year.
    """
    m = _YEAR_HEADER.match(nfc(label))
    if m is None:
        raise ParseError(f"column label {label!r} does not end with a year")
    return (m["series"] or default_series, int(m["year"]), m["prel"] is not None)


def wide_to_long(
    frame: pd.DataFrame, id_cols: list[str], default_series: str = "Total"
) -> tuple[pd.DataFrame, list[str]]:
    """Melt a wide table whose other columns are year labels into long format.

    Parameters
    ----------
    frame : pandas.DataFrame
        Wide table; every column not in ``id_cols`` should be labelled like
        ``"Total 1995"``, ``"Prel. 2016"`` or ``"... 2018"``.
    id_cols : list of str
        Columns kept as identifiers.
    default_series : str
        Series name for labels that are only a (possibly preliminary) year.

    Returns
    -------
    long : pandas.DataFrame
        ``id_cols`` + ``column`` (the label), ``col_pos`` (0-based position among the
        value columns), ``series``, ``year``, ``preliminary``, ``value_raw``; ordered
        by the original row order, then column order.
    bad_columns : list of str
        Labels that are not year labels (left out of ``long``).
    """
    value_cols = [c for c in frame.columns if c not in id_cols]
    meta_rows, bad = [], []
    for pos, col in enumerate(value_cols):  # loop over columns (few), not rows
        try:
            series, year, prel = parse_year_header(col, default_series)
        except ParseError:
            bad.append(col)
            continue
        meta_rows.append((col, pos, series, year, prel))
    meta = pd.DataFrame(meta_rows, columns=["column", "col_pos", "series", "year", "preliminary"])
    meta = meta.astype({"col_pos": "int64", "year": "int64", "preliminary": bool})
    good = list(meta["column"])
    # Row-major order of the wide cells is the long order (row, then column): each id
    # repeated over the columns, the columns' labels tiled over the rows.
    n = len(frame)
    long = pd.DataFrame({
        **{c: np.repeat(frame[c].to_numpy(), len(good)) for c in id_cols},
        **{c: np.tile(meta[c].to_numpy(), n) for c in meta.columns},
        "value_raw": frame[good].to_numpy(dtype=object).reshape(-1),
    })
    # The dtypes ``melt`` gives: the ids' inferred (text as ``str``), the labels' own.
    long = long.astype({c: long[c].infer_objects().dtype for c in id_cols}
                       | meta.dtypes.to_dict())
    return long[[*id_cols, "column", "value_raw", "col_pos", "series", "year",
                 "preliminary"]], bad


def _relative_name(path: Path) -> str:
    """Name a file by its path under ``raw_dir()`` when it is there, else by its name."""
    from ..config import raw_dir

    try:
        return path.resolve().relative_to(raw_dir().resolve()).as_posix()
    except ValueError:
        return path.name


def _read_rows(text: str, sep: str) -> list[tuple[int, list[str]]]:
    """Split CSV text into (1-based last physical line, cells) pairs, blank lines dropped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, quotechar='"')
    rows = []
    for cells in reader:
        if any(c.strip() for c in cells):
            rows.append((reader.line_num, cells))
    return rows


def _sniff_separator(line: str) -> str:
    """Return ``;`` or ``,`` (whichever occurs more often outside quotes), or ``""``."""
    outside = re.sub(r'"[^"]*"', "", line)
    n_semi, n_comma = outside.count(";"), outside.count(",")
    if n_semi == n_comma == 0:
        return ""
    return ";" if n_semi > n_comma else ","


def _parse_export_numbers(cells: pd.Series, fmt: Literal["vi", "en"] | None,
                          header_is_vietnamese: bool) -> tuple[str, pd.DataFrame]:
    """Parse the cells (NaN: not to parse) in ``fmt``, or, when ``None``, in the number
    convention that parses more of them (ties follow the header language).

    Returns the convention used and :func:`clean.parse_numbers`' result.
    """
    if fmt is not None:
        return fmt, parse_numbers(cells, fmt)
    vi, en = parse_numbers(cells, "vi"), parse_numbers(cells, "en")
    n_vi, n_en = int(vi["ok"].sum()), int(en["ok"].sum())
    if n_vi != n_en:
        return ("vi", vi) if n_vi > n_en else ("en", en)
    return ("vi", vi) if header_is_vietnamese else ("en", en)


def read_gso_export_with_errors(
    path: str | Path, *, fmt: Literal["vi", "en"] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a GSO table export into long format, returning unreadable cells separately.

    Handles the English GSO exports (UTF-8 BOM, CRLF, ``;`` separator, quoted title
    line and blank line, year columns like ``"Total 1995"``/``"Male Prel. 2016"``/
    ``"2005"``, ``..`` for missing, region aggregates mixed with provinces, names
    without diacritics and with double spaces), the Vietnamese PX-Web export
    (``,`` separator, header ``"Địa phương,Dân số trung bình (Nghìn người) 2018,..."``,
    quoted Vietnamese numbers ``"7.914,50"``), and indicator tables whose rows are
    indicators rather than places (then ``name``/``series`` hold the indicator label
    and ``is_aggregate`` is True, the figures being national).

    Parameters
    ----------
    path : str or Path
        The CSV file.
    fmt : {"vi", "en"} or None
        Number convention; ``None`` picks the one that parses more cells.

    Returns
    -------
    data : pandas.DataFrame
        Columns :data:`GSO_COLUMNS`: ``file`` (path under ``raw_dir()`` or file name),
        ``row`` (1-based line in the file), ``name_raw``, ``name`` (:func:`nfc`),
        ``series``, ``year``, ``value`` (float as printed, e.g. thousands; NaN for
        ``..``), ``preliminary``, ``is_aggregate``, ``title`` (or None). One row per
        readable cell, in file order. ``attrs`` holds ``layout`` ("places" or
        ``"indicators"``) and ``number_format``.
    errors : pandas.DataFrame
        Columns :data:`GSO_ERROR_COLUMNS`: one row per cell (or column) that could not
        be read, with ``column`` the header label; the row's other cells stay in
        ``data``.

    Raises
    ------
    ParseError
        The file is empty or has no header row (the message names the file).
    """
    path = Path(path)
    fname = _relative_name(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{fname}: not UTF-8 ({exc})") from None
    lines = text.splitlines()
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(nonblank) < 2:
        raise ParseError(f"{fname}: no header and data rows")
    title = None
    title_line = 0
    first = lines[nonblank[0]]
    if _sniff_separator(first) == "":
        # A lone cell above the header is the table title.
        title = nfc(next(csv.reader([first]))[0])
        title_line = nonblank[0] + 1
        header_text = lines[nonblank[1]]
    else:
        header_text = first
    sep = _sniff_separator(header_text) or ","
    rows = [(n, cells) for n, cells in _read_rows(text, sep) if n != title_line]
    header_row, header = rows[0]
    if len(header) < 2:
        raise ParseError(f"{fname}: row {header_row}: no header with year columns")
    header = [nfc(h) for h in header]
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise ParseError(f"{fname}: row {header_row}: duplicated column label(s) {duplicated}")
    n_cols = len(header)
    errors: list[tuple[str, int, str, str, str]] = []
    body = []
    for line_no, cells in rows[1:]:  # row-shape checks only; parsing is vectorised
        if len(cells) > n_cols:
            extra = sep.join(cells[n_cols:])
            if extra.strip():
                errors.append((fname, line_no, "(extra cells)", extra,
                               f"row has {len(cells)} cells, header has {n_cols}"))
        body.append([line_no, *cells[:n_cols], *([None] * (n_cols - len(cells)))])
    wide = pd.DataFrame(body, columns=["row", "name_raw", *header[1:]], dtype=object)
    wide["row"] = wide["row"].astype("int64")

    long, bad_cols = wide_to_long(wide, ["row", "name_raw"])
    errors.extend((fname, header_row, col, col, "column label has no year") for col in bad_cols)

    cell = long["value_raw"]
    missing_cell = cell.isna()
    stripped = cell.astype("str").str.strip()
    is_na_marker = stripped.isin(list(_MISSING)) & ~missing_cell
    blank = stripped.eq("") & ~missing_cell
    to_parse = ~(missing_cell | is_na_marker | blank)
    header_vi = any(ord(ch) > 127 for ch in "".join(header))  # Vietnamese labels
    used, parsed = _parse_export_numbers(stripped.where(to_parse), fmt, header_vi)
    bad_number = to_parse & ~parsed["ok"]
    for mask, reason in (
        (missing_cell, "missing cell (row shorter than header)"),
        (blank, "empty cell"),
        (bad_number, f"not a number in {used!r} format"),
    ):
        bad = long.loc[mask, ["row", "column", "value_raw"]]
        errors.extend(
            (fname, r, c, "" if v is None or v != v else str(v), reason)
            for r, c, v in bad.itertuples(index=False)
        )
    keep = is_na_marker | (to_parse & parsed["ok"])
    out = long.loc[keep].copy()
    out["value"] = parsed["value"].loc[keep]  # NaN for ".."
    out["file"] = fname
    out["name"] = _per_distinct(out["name_raw"], nfc_series)
    indicator_table = ascii_key(header[0]).startswith(("indicator", "chi tieu"))
    if indicator_table:
        # Rows are indicators for the whole country: the label is the series.
        out["series"] = out["name"]
        out["is_aggregate"] = True
    else:
        out["is_aggregate"] = _per_distinct(out["name_raw"], is_aggregate_name)
    out["title"] = pd.Series([title] * len(out), index=out.index, dtype=object)
    out = out[GSO_COLUMNS].astype(
        {"file": "str", "row": "int64", "name_raw": "str", "name": "str", "series": "str",
         "year": "int64", "value": "float64", "preliminary": bool, "is_aggregate": bool}
    ).reset_index(drop=True)
    out.attrs.update(layout="indicators" if indicator_table else "places", number_format=used)
    err = pd.DataFrame(errors, columns=GSO_ERROR_COLUMNS).astype(
        {"file": "str", "row": "int64", "column": "str", "value": "str", "reason": "str"}
    )
    err = err.sort_values(["row", "column"], kind="stable").reset_index(drop=True)
    return out, err


def read_gso_export(
    path: str | Path, *, fmt: Literal["vi", "en"] | None = None
) -> pd.DataFrame:
    """Read a GSO export into long format (see :func:`read_gso_export_with_errors`).

    Unreadable cells are not dropped silently: ``result.attrs["errors"]`` lists them as
    records (dicts with keys ``file, row, column, value, reason``; rebuild a frame with
    ``pandas.DataFrame(result.attrs["errors"], columns=GSO_ERROR_COLUMNS)``). Records,
    not a DataFrame, because pandas compares ``attrs`` when concatenating frames.
    """
    data, errors = read_gso_export_with_errors(path, fmt=fmt)
    data.attrs["errors"] = errors.to_dict("records")
    return data


# ------------------------------------------------------- observations from an export


def _per_distinct(values: pd.Series, fn: Any) -> pd.Series:
    """``fn(values)`` for a vectorised ``fn``, computed once per distinct value (an
    export repeats each place and series label on many cells)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    done = fn(pd.Series(uniques, dtype=values.dtype))
    return pd.Series(done.to_numpy()[codes], index=values.index, dtype=done.dtype)


def _ascii_keys(values: pd.Series) -> pd.Series:
    """:func:`clean.ascii_key` of each value (text ``str``)."""
    return values.map(ascii_key).astype("str")


def _format_printed(values: pd.Series, fmt: str) -> pd.Series:
    """Re-create the printed text of GSO numbers when the reader does not keep it."""
    from ..clean import format_number

    if fmt == "vi":  # the PX-Web export prints "7.914,50"
        return values.map(lambda v: format_number(v, 2, "vi"))
    # The English exports print "71995.5": one decimal, no thousands separator.
    return values.map(lambda v: f"{v:.1f}")


def read(spec: GsoSpec, registry: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read one GSO export: observation rows (+ ``_file``, ``_row``) and rejected cells.

    Parameters
    ----------
    spec : GsoSpec
        Which file, which series and how they are dated (one of :data:`SPECS`).
    registry : geo.Registry
        Resolves the printed province names (legacy boundaries); the reader needs the
        codes for the observation ids.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Observation rows, and rejected cells (``file, row, column, value, reason``).
    """
    from ..geo import GeoError

    # -- load
    path = config.raw_dir() / spec.file
    long, errors = read_gso_export_with_errors(path)
    layout = long.attrs.get("layout", "places")
    fmt = long.attrs.get("number_format", "en")
    rejected = errors.astype({"row": "int64"})
    keys = _per_distinct(long["series"], _ascii_keys)
    long = long.assign(indicator=keys.map(spec.series))
    # '..' (NaN) is an absent figure, not an error; other series are not used.
    long = long[long["indicator"].notna() & long["value"].notna()]
    if layout == "indicators":
        long = long.assign(name_for_geo="Việt Nam")
    else:
        # Region aggregates are dropped; the whole-country row becomes the nation.
        whole = _per_distinct(long["name"], _ascii_keys).isin(["whole country", "viet nam",
                                                              "ca nuoc"])
        long = long[~long["is_aggregate"] | whole]
        long = long.assign(name_for_geo=np.where(whole.loc[long.index], "Việt Nam",
                                                 long["name"]))
    # -- process: one lookup per distinct place, values in persons, ids, notes
    names = long["name_for_geo"].drop_duplicates()
    units, reasons = {}, {}
    for name in names:  # one lookup per distinct place (~70), not per cell
        try:
            level = "nation" if name == "Việt Nam" else "province"
            units[name] = registry.resolve(name, level=level, boundaries="legacy")
        except GeoError as exc:
            reasons[name] = str(exc)
    bad = long["name_for_geo"].isin(list(reasons))
    if bad.any():
        first = long[bad].drop_duplicates("row")
        rejected = pd.concat([rejected, rejects(
            spec.file, first["row"], "name", first["name_raw"],
            first["name_for_geo"].map(reasons))], ignore_index=True)
    long = long[~bad]
    # The unit's fields, once per place, then spread over its rows.
    fields = ["code", "name", "level", "boundaries", "province_2025_name"]
    places = pd.DataFrame([[getattr(unit, f) for f in fields] for unit in units.values()],
                          index=pd.Index(list(units), dtype="str"), columns=fields, dtype="str")
    u = places.iloc[places.index.get_indexer(long["name_for_geo"])].set_index(long.index)
    if "value_raw" in long.columns:
        printed = long["value_raw"].astype("str").str.strip()
    else:
        printed = _format_printed(long["value"], fmt)
    year = long["year"].astype("int64")
    as_of = pd.to_datetime(year.astype("str") + ("-12-31" if spec.stock else "-07-01"),
                           format="%Y-%m-%d").astype("datetime64[ns]")
    geo_code = u["code"]
    suffix = long["indicator"].str.replace("_participants", "", regex=False) + "-" \
        if spec.prefix == "gso-ins" else ""
    obs_id = spec.prefix + "-" + suffix + year.astype("str") + "-" + geo_code
    prel = long["preliminary"].astype(bool)
    out = pd.DataFrame({
        "obs_id": obs_id,
        "source_id": spec.source_id,
        "geo_code": geo_code,
        "geo_name": u["name"],
        "geo_level": u["level"],
        "boundaries": u["boundaries"],
        "province_2025": u["province_2025_name"],
        "geo_name_raw": long["name_raw"].astype("str"),
        "as_of": as_of,
        "as_of_raw": np.where(prel, "Prel. " + year.astype("str"), year.astype("str")),
        "indicator": long["indicator"].astype("str"),
        # Thousands → persons; rounding to 1e-3 removes binary noise (1138.4 × 1000).
        "value": (long["value"].astype("float64") * 1000).round(3),
        "unit": "persons",
        "value_raw": printed,
        "preliminary": prel,
        "note": spec.note + np.where(prel, "; preliminary (Prel.)", ""),
        "_file": spec.file,
        "_row": long["row"].astype("int64"),
    })
    changes = territory_changes()
    change = out["geo_code"].map({c: y for c, (y, _) in changes.items()})
    older = (year < change).fillna(False).astype(bool)
    if older.any():
        what = out["geo_code"].map({c: t for c, (_, t) in changes.items()})
        out.loc[older, "note"] = (out.loc[older, "note"] + "; territory differs from the "
                                  "legacy unit: " + what[older])
    # -- save
    return out, rejected
