"""Check a researcher's own CSV of figures (``bhxh data check FILE``).

The file needs the columns ``geo_name, as_of, indicator, value``; ``source_id, unit,
value_raw, parent, boundaries`` are optional (``parent`` disambiguates a place, e.g. the
province of a district). Nothing about the file is assumed:

- encoding: a BOM (UTF-8, UTF-16) decides; UTF-16 without BOM is recognised by its NUL
  bytes; otherwise strict UTF-8, then Windows-1258 (Vietnamese Windows), then Latin-1,
  which always decodes. The try-order is ours (deterministic), not a statistical guess.
  Text is normalised to NFC (Windows-1258 stores tone marks as combining characters).
- delimiter: ``csv.Sniffer`` over ``, ; TAB |``, checked against the header.
- numbers: read value by value, by their own evidence and the kind of number the
  indicator holds (:func:`bhxh_analysis.clean.read_values`): a count of persons is whole,
  so ``61.649`` persons is 61,649, and ``92.5`` in a percentage is 92.5, whatever the
  other rows say; a value with two fitting readings is refused with both named. An
  optional ``number_format`` column (``vi``/``en``) declares a row's convention.
- plausibility (:mod:`bhxh_analysis.plausibility`): counts are >= 0 and at most the
  population of the place at that time (the labour force for BHXH/BHTN where known,
  with a tolerance for an older denominator); coverage and shares lie within 0–100
  (attainment may exceed 100). A refused row names the bound and the population used.
- structure (:func:`bhxh_analysis.sources.user.read_csv`): undecodable lines, NUL
  bytes, unclosed quotes, huge cells, duplicate header names, header-only files and a
  possible unquoted decimal comma are each named with their line; other lines are kept.

Places are resolved by :mod:`bhxh_analysis.userplaces`: a row is read in the legacy or
the 2025 boundaries by its date (or its ``boundaries`` cell), and a name is never
silently moved across the 2025 reform (the rules and the reasons given are there); a
unit that had ceased before the row's date (Hà Tây after 2008-08-01) is refused here.

Every problem is reported with file, row (physical line), column and reason; rows without
problems are kept, turned into observations and run through :func:`metrics.derive` and
:func:`metrics.check_consistency`. A kept row whose note or printed value names another
scheme of its family than its indicator (compulsory BHXH beside a total-BHXH indicator)
is listed in ``CheckResult.warnings`` with file, row and both readings; it is not
rejected.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import metrics, plausibility
from .schema import REFORM_DATE, enforce_dtypes
from .sources.user import detect_encoding, read_csv, sniff_delimiter
from .userplaces import Resolver, default_geo, geo_from_resolver, resolve_places

__all__ = [
    "REJECTED_COLUMNS",
    "REQUIRED_COLUMNS",
    "CheckResult",
    "check_file",
    "check_table",
    "check_frame",
    "detect_encoding",
    "read_table",
    "sniff_delimiter",
    "vocabulary",
]

REQUIRED_COLUMNS = ["geo_name", "as_of", "indicator", "value"]
OPTIONAL_COLUMNS = ["source_id", "unit", "value_raw", "parent", "boundaries", "number_format"]
REJECTED_COLUMNS = ["file", "row", "column", "value", "reason"]
# Measures whose values may be negative (a fall, a plan exceeded).
_SIGNED = ("change_participants", "shortfall_participants", "shortfall_pp", "growth_pct")

_BOUNDARY_VALUES = ("legacy", "2025")


# ------------------------------------------------------------------------ reading


def read_table(source: Any) -> tuple[pd.DataFrame, str, str]:
    """Read a CSV of unknown encoding and delimiter into strings.

    A thin wrapper of :func:`bhxh_analysis.sources.user.read_csv` (which see); the
    lines it refused are in ``table.attrs["rejects"]``.

    Returns
    -------
    table : pandas.DataFrame
        Column ``row`` (1-based physical line) and one text column per header name.
    encoding, delimiter : str

    Examples
    --------
    >>> import io
    >>> table, encoding, delimiter = read_table(io.BytesIO(
    ...     "geo_name;as_of;indicator;value\\nHuế;2024-12-31;bhyt_participants;1.000\\n"
    ...     .encode("utf-8")))
    >>> encoding, delimiter, table.loc[0, "geo_name"], table.loc[0, "value"]
    ('utf-8', ';', 'Huế', '1.000')
    """
    table, rejects, info = read_csv(source)
    table.attrs["rejects"] = rejects
    return table, info["encoding"], info["delimiter"]


def vocabulary() -> list[str]:
    """Indicators a user file may use: the core vocabulary plus the documented extras.

    Examples
    --------
    >>> "bhyt_participants" in vocabulary()
    True
    """
    from .schema import vocabulary as _vocabulary

    return _vocabulary()


# ------------------------------------------------------------------------ checking


@dataclass
class CheckResult:
    """Outcome of :func:`check_file`."""

    file: str
    encoding: str
    delimiter: str
    number_format: str
    number_format_reason: str
    n_rows: int
    clean: pd.DataFrame
    rejected: pd.DataFrame
    derived: pd.DataFrame
    consistency: pd.DataFrame
    written: dict[str, Path] = field(default_factory=dict)
    #: Rows kept whose note or printed value names another scheme than their indicator
    #: (:func:`bhxh_analysis.plausibility.scheme_mismatches`): file, row, both readings.
    warnings: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> pd.DataFrame:
        """Consistency checks with status ``conflict``."""
        return self.consistency[self.consistency["status"] == "conflict"]

    @property
    def ok(self) -> bool:
        """True when nothing was rejected and no contradiction was found."""
        return self.rejected.empty and self.conflicts.empty

    def write(self, out_dir: str | Path | None = None) -> dict[str, Path]:
        """Write ``<stem>.clean.csv``, ``.rejected.csv``, ``.derived.csv``, ``.consistency.csv``.

        Parameters
        ----------
        out_dir : path or None
            Folder for the outputs; ``None`` writes beside the input file.
        """
        src = Path(self.file)
        folder = Path(out_dir) if out_dir is not None else src.parent
        folder.mkdir(parents=True, exist_ok=True)
        paths = {k: folder / f"{src.stem}.{k}.csv"
                 for k in ("clean", "rejected", "derived", "consistency")}
        # How each value was read belongs to this file, not to the clean numbers.
        from .io import write_csv

        # Safe text cells (a "=HYPERLINK(...)" place name is written as text).
        write_csv(self.clean.drop(columns=["number_format", "value_text"], errors="ignore"),
                  paths["clean"])
        write_csv(self.rejected, paths["rejected"])
        write_csv(self.derived, paths["derived"])
        write_csv(self.consistency, paths["consistency"])
        self.written = paths
        return paths

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (every rejected cell and every conflict included)."""
        return {
            "file": self.file, "ok": self.ok, "encoding": self.encoding,
            "delimiter": self.delimiter, "number_format": self.number_format,
            "number_format_reason": self.number_format_reason, "rows": self.n_rows,
            "good_rows": len(self.clean), "rejected_rows": int(self.rejected["row"].nunique()),
            "problems": self.rejected.astype({"row": "int64"}).to_dict("records"),
            "checks": len(self.consistency), "conflicts": len(self.conflicts),
            "conflict_checks": self.conflicts[
                ["geo_name", "as_of", "check", "figures", "implied_values"]
            ].astype(str).to_dict("records"),
            "warnings": list(self.warnings),
            "written": {k: str(v) for k, v in self.written.items()},
        }

    def summary(self) -> str:
        """Human-readable report: format decisions, every problem, every conflict."""
        lines = [
            f"{self.file}: encoding {self.encoding}, delimiter {self.delimiter!r}, "
            f"numbers {self.number_format_reason}",
            f"rows: {self.n_rows} read, {len(self.clean)} good, "
            f"{self.rejected['row'].nunique()} with problems ({len(self.rejected)} problems)",
        ]
        lines += [f"  {r.file}:{r.row}: {r.column}={r.value!r}: {r.reason}"
                  for r in self.rejected.itertuples(index=False)]
        if len(self.clean):
            n = self.clean["boundaries"].value_counts()
            lines.append(f"boundaries of the good rows: {int(n.get('legacy', 0))} legacy, "
                         f"{int(n.get('2025', 0))} 2025 (by as_of: before 2025-07-01 legacy, "
                         "from then 2025, unless a 'boundaries' column says otherwise)")
        lines.append(f"consistency: {len(self.consistency)} checks, "
                     f"{len(self.conflicts)} conflict(s)")
        lines += [f"  CONFLICT {r.geo_name} {r.as_of} {r.check}: {r.implied_values}"
                  f" (from {r.figures})" for r in self.conflicts.itertuples(index=False)]
        lines += [f"  WARNING {w}" for w in self.warnings]
        lines += [f"wrote {p}" for p in self.written.values()]
        seen = f" ({len(self.warnings)} warning(s) above)" if self.warnings else ""
        lines.append("OK: no problems, no contradictions" + seen if self.ok
                     else "FAILED: see the problems and conflicts above")
        return "\n".join(lines)



def _parse_dates(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse each distinct date text once. Returns (dates, ok)."""
    from .clean import ParseError, parse_date

    iso = pd.to_datetime(texts, format="%Y-%m-%d", errors="coerce")
    todo = texts[iso.isna() & (texts != "")].unique()
    parsed: dict[str, pd.Timestamp] = {}
    for t in todo:  # distinct texts only
        try:
            parsed[t] = pd.Timestamp(parse_date(t))
        except (ParseError, ValueError):
            continue
    other = pd.to_datetime(texts.map(parsed), errors="coerce")
    dates = iso.fillna(other)
    return dates, dates.notna()


def check_file(
    path: Any,
    *,
    resolver: Resolver | None = None,
    today: _dt.date | None = None,
    denominators: pd.DataFrame | None = None,
) -> CheckResult:
    """Check a researcher's CSV; see the module docstring.

    Parameters
    ----------
    path : path or file object
        The CSV file, or a file object (``io.StringIO`` is read as UTF-8 text).
    resolver : callable or None
        ``resolver(name, parent, boundaries) -> Unit`` raising an error with
        ``suggestions`` (unknown place) or ``candidates`` (ambiguous place); default: the
        geography registry, whose conversion table also names the 2025 communes a
        legacy district or commune went to in the rejection reasons.
    today : date or None
        Reference for "future date" (default: today).
    denominators : DataFrame or None
        Population and labour force per place and year
        (:func:`bhxh_analysis.plausibility.denominators`); default: from the processed
        observations when they exist.

    Returns
    -------
    CheckResult
        Nothing is written; call :meth:`CheckResult.write`.

    Examples
    --------
    >>> import io
    >>> res = check_file(io.StringIO("geo_name,as_of,indicator,value\\n"
    ...                              "Lâm Đồng,2023-12-31,bhyt_participants,2.000.000.000\\n"))
    >>> res.ok
    False
    """
    table, rejects, info = read_csv(path)
    return check_table(table, rejects, info, resolver=resolver, today=today,
                       denominators=denominators)


def check_frame(
    df: pd.DataFrame,
    *,
    source_id: str | None = None,
    resolver: Resolver | None = None,
    today: _dt.date | None = None,
    denominators: pd.DataFrame | None = None,
) -> CheckResult:
    """Check an in-memory table exactly as ``bhxh data check`` checks a file.

    Parameters
    ----------
    df : DataFrame
        Columns ``geo_name, as_of, indicator, value`` (and the optional ones of the
        file layout); numbers may be numbers or printed text, dates dates or text.
    source_id : str or None
        ``source_id`` of rows that do not name one (default ``"frame"``).
    resolver, today, denominators
        As in :func:`check_file`.

    Returns
    -------
    CheckResult
        ``file`` is ``"<DataFrame>"`` and ``row`` is the frame's index (its position
        when the index is not made of integers).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"geo_name": ["Lâm Đồng"], "as_of": ["2023-12-31"],
    ...                    "indicator": ["bhyt_coverage_pct"], "value": [92.5]})
    >>> check_frame(df).clean["value"].tolist()
    [92.5]
    """
    from .clean import nfc

    table = pd.DataFrame(index=range(len(df)))
    for col in df.columns:
        name = nfc(str(col)).casefold().replace(" ", "_")
        if name == "row" or name in table.columns:
            continue
        table[name] = [_cell_text(v) for v in df[col].tolist()]
    if pd.api.types.is_integer_dtype(df.index):
        table.insert(0, "row", df.index.to_numpy(dtype="int64"))
    else:
        table.insert(0, "row", np.arange(len(df), dtype="int64"))
    if source_id is not None:
        given = table["source_id"] if "source_id" in table else pd.Series("", index=table.index)
        table["source_id"] = given.where(given != "", source_id)
    rejects = pd.DataFrame(columns=REJECTED_COLUMNS)
    info = {"file": "<DataFrame>", "encoding": "(in memory)", "delimiter": ""}
    if table.empty:
        rejects = pd.DataFrame([("<DataFrame>", 0, "(frame)", "", "the frame has no rows")],
                               columns=REJECTED_COLUMNS)
    return check_table(table, rejects, info, resolver=resolver, today=today,
                       denominators=denominators, default_source=source_id or "frame")


def _cell_text(v: Any) -> str:
    """A frame cell as the text a file would hold (numbers exact, dates ISO)."""
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
        return ""
    if isinstance(v, bool | np.bool_):
        return str(bool(v)).lower()
    if isinstance(v, int | np.integer):
        return str(int(v))
    if isinstance(v, float | np.floating):
        return np.format_float_positional(float(v), trim="-")
    if isinstance(v, pd.Timestamp | _dt.datetime):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, _dt.date):
        return v.isoformat()
    return str(v)


def check_table(
    table: pd.DataFrame,
    read_rejects: pd.DataFrame,
    info: dict[str, str],
    *,
    resolver: Resolver | None,
    today: _dt.date | None,
    denominators: pd.DataFrame | None,
    default_source: str | None = None,
) -> CheckResult:
    """Run the checks of :func:`check_file` on a table already read into text cells.

    ``bhxh data check`` and ``bhxh data add`` read files differently (a place resolver
    and the published denominators for the first; the source id of the new file for the
    second) but must accept and reject exactly the same rows, so both call this.

    Parameters
    ----------
    table : pandas.DataFrame
        Text cells of the file, one row per data row, with the file's row number in
        column ``row``.
    read_rejects : pandas.DataFrame
        Rows or cells the reader already refused (``REJECTED_COLUMNS``).
    info : dict of str to str
        ``file``, ``encoding`` and ``delimiter`` of the file read.
    resolver : Resolver or None
        Resolves place names to codes; None skips place resolution.
    today : datetime.date or None
        The day against which future dates are refused (today when None).
    denominators : pandas.DataFrame or None
        Populations and labour forces that bound counts; None skips those bounds.
    default_source : str, optional
        Source id given to rows without one (the file's stem when None).

    Returns
    -------
    CheckResult
        The clean rows and the rejected cells with their reasons.

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.DataFrame({"row": [2, 3], "geo_name": ["Lâm Đồng", "Lâm Đồng"],
    ...                       "as_of": ["2023-12-31", "2023-12-31"],
    ...                       "indicator": ["bhyt_coverage_pct", "bhyt_coverage_pct"],
    ...                       "value": ["92,5", "192,5"]})
    >>> res = check_table(cells, pd.DataFrame(columns=REJECTED_COLUMNS),
    ...                   {"file": "mine.csv", "encoding": "utf-8", "delimiter": ","},
    ...                   resolver=None, today=None, denominators=None)
    >>> res.clean["value"].tolist(), res.rejected["row"].tolist()
    ([92.5], [3])
    """
    from .clean import read_values, value_kind

    fname, encoding, delimiter = info["file"], info["encoding"], info["delimiter"]
    default_source = default_source or Path(fname).stem
    today = today or _dt.date.today()
    problems: list[pd.DataFrame] = [read_rejects] if len(read_rejects) else []

    def report(mask: pd.Series, column: str, values: pd.Series, reason: Any) -> None:
        if mask.any():
            problems.append(pd.DataFrame({
                "file": fname, "row": table.loc[mask, "row"], "column": column,
                "value": values[mask].astype("str"),
                "reason": reason[mask] if isinstance(reason, pd.Series) else reason,
            }))

    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        if len(read_rejects) and read_rejects["column"].isin(["(file)", "(header)"]).any():
            rej = read_rejects
        else:
            rej = pd.concat([read_rejects, pd.DataFrame(
                [(fname, 1, c, "", "required column missing (header has: "
                  + ", ".join(c for c in table.columns if c != "row") + ")")
                 for c in missing], columns=REJECTED_COLUMNS)], ignore_index=True)
        return _result(fname, encoding, delimiter, "", "not read (no value column)",
                       len(table), table.iloc[0:0], rej)
    for col in OPTIONAL_COLUMNS:
        if col not in table.columns:
            table[col] = ""

    # Indicator.
    ind = table["indicator"].str.strip().str.casefold()
    vocab = vocabulary()
    unknown = ~ind.isin(vocab)
    if unknown.any():
        from rapidfuzz import fuzz, process

        hints = {}
        for word in ind[unknown].unique():  # distinct misspellings only
            best = process.extractOne(word, vocab, scorer=fuzz.ratio) if word else None
            hints[word] = (f"unknown indicator; did you mean {best[0]!r}?"
                           if best else "missing indicator")
        report(unknown, "indicator", table["indicator"], ind.map(hints))
    # Longest scheme first: "bhxh_voluntary_change_participants" is the voluntary scheme's
    # change (signed), not "bhxh" + "voluntary_change_participants".
    schemes = sorted(metrics.SCHEMES, key=len, reverse=True)
    measure = ind.str.replace(r"^(?:" + "|".join(schemes) + r")_", "", regex=True)

    # Value: each one by its own evidence and its indicator's kind of number.
    unit_col = table["unit"].str.strip().str.casefold()
    kind = value_kind(ind).where(~unit_col.isin(["pct", "%"]), "pct")
    kind = kind.where(~unit_col.isin(["persons", "người"]), "count")
    fmt_col = table["number_format"].str.strip().str.casefold()
    report(~fmt_col.isin(["", "vi", "en"]), "number_format", table["number_format"],
           "number_format must be 'vi', 'en' or empty (read by the value's own evidence)")
    parsed = read_values(table["value"], kind, fmt_col.where(fmt_col != "", "auto"))
    report(parsed["reason"] != "", "value", table["value"], parsed["reason"])
    v = parsed["value"]
    is_pct = kind.eq("pct") | parsed["unit"].eq("pct")
    count_given_pct = parsed["unit"].eq("pct") & kind.eq("count") & ~unknown
    report(count_given_pct, "value", table["value"], "percentage given for a count indicator")
    signed = measure.isin(_SIGNED)
    report(~is_pct & ~signed & (v < 0), "value", table["value"], "negative count (bound: 0)")
    bounded = is_pct & ~measure.str.contains("attainment") & ~signed
    report(bounded & ((v < 0) | (v > 100)), "value", table["value"],
           "percentage outside 0–100 (coverage and shares are bounded by 100; only "
           "attainment of a plan may exceed it)")

    # Date.
    dates, date_ok = _parse_dates(table["as_of"])
    report(~date_ok, "as_of", table["as_of"], "unparseable date")
    # Plans are set in advance, so a plan for the current year may be dated 31 Dec.
    is_plan = measure.str.startswith("plan_")
    future = date_ok & (dates > pd.Timestamp(today)) & ~is_plan
    report(future, "as_of", table["as_of"], f"future date (after {today.isoformat()})")

    # Boundaries: the row's 'boundaries' cell when given, else its date (observations rule).
    given = table["boundaries"].str.strip().str.casefold()
    report(~given.isin(["", *_BOUNDARY_VALUES]), "boundaries", table["boundaries"],
           "boundaries must be 'legacy' or '2025' (or empty: chosen by as_of)")
    explicit = given.isin(_BOUNDARY_VALUES)
    by_date = pd.Series(np.where(dates >= REFORM_DATE, "2025", "legacy"), index=table.index)
    bnd = given.where(explicit, by_date.where(date_ok, ""))
    basis = pd.Series(np.where(explicit, "column", np.where(date_ok, "date", "")),
                      index=table.index)

    # Place.
    geo = resolve_places(
        pd.DataFrame({"geo_name": table["geo_name"], "parent": table["parent"],
                      "_boundaries": bnd, "_basis": basis}),
        geo_from_resolver(resolver) if resolver is not None else default_geo())
    bad_geo = geo["_error"] != ""
    report(bad_geo, "geo_name", table["geo_name"], geo["_error"])
    # A unit that ceased before 2025 (Hà Tây, 2008-08-01) cannot carry later figures:
    # geo.Registry.ceased_by's rule, row by row (the Geo seam hands out valid_to only).
    valid_to = pd.to_datetime(geo["valid_to"].where(geo["valid_to"] != ""), errors="coerce")
    ceased = ~bad_geo & date_ok & valid_to.notna() & (dates >= valid_to)
    report(ceased, "geo_name", table["geo_name"],
           "the " + geo["geo_level"] + " " + geo["geo_name_official"] + " ceased to exist on "
           + geo["valid_to"] + " (now part of the 2025 province " + geo["province_2025"]
           + "); a figure dated "
           + dates.dt.strftime("%Y-%m-%d") + " cannot refer to it")

    # Plausibility: a count is at most the people who could hold it.
    counts = ~is_pct & v.notna() & ~bad_geo & date_ok & ~unknown & (v > 0)
    if counts.any():
        denoms = plausibility.denominators() if denominators is None else denominators
        sub = geo[counts].assign(geo_name=geo["geo_name_official"], as_of=dates[counts],
                                 indicator=ind[counts])
        lim = plausibility.count_bounds(sub, denoms)
        over = pd.Series(False, index=table.index)
        over[counts] = v[counts] > lim["bound"]
        why = pd.Series("", index=table.index, dtype="str")
        if over.any():  # the message text only for the rows refused
            why[over] = ("count " + v[over].map("{:,.0f}".format)
                         + " is more than the " + lim["basis"][over[counts]])
        report(over, "value", table["value"], why)

    bad_rows = set()
    for p in problems:
        bad_rows |= set(p["row"])
    good = ~table["row"].isin(bad_rows)

    obs = pd.DataFrame({
        "row": table["row"],
        "obs_id": "row" + table["row"].astype("str"),
        "source_id": table["source_id"].where(table["source_id"] != "", default_source),
        "geo_code": geo["geo_code"], "geo_name": geo["geo_name_official"],
        "geo_level": geo["geo_level"], "boundaries": geo["boundaries"],
        "province_2025": geo["province_2025"], "geo_name_raw": table["geo_name"],
        "as_of": dates.dt.strftime("%Y-%m-%d"), "as_of_raw": table["as_of"],
        "indicator": ind, "value": v,
        "unit": unit_col.where(~unit_col.isin(["", "pct", "%", "persons", "người"]),
                               np.where(is_pct, "pct", "persons")),
        "value_raw": table["value_raw"].where(table["value_raw"] != "", table["value"]),
        "preliminary": False, "note": table["note"] if "note" in table else "",
        "qualifier": parsed["qualifier"],
        # How the value was read and what the row said, for `bhxh data add`.
        "number_format": parsed["format"], "parent": table["parent"],
        "value_text": table["value"].astype("str"),
    })
    # Value bounds come from the value as written (figure_bounds finds its convention).
    raw_for_bounds = table["value"]

    # Duplicates in conflict: same place, indicator and as_of, intervals not overlapping.
    cand = obs[good].copy()
    bounds = metrics.figure_bounds(cand.assign(value_raw=raw_for_bounds[good]))
    cand["lo"], cand["hi"] = bounds["lo"], bounds["hi"]
    key = ["boundaries", "geo_level", "geo_code", "indicator", "as_of"]
    grp = cand.groupby(key, sort=False)
    clash = (grp["lo"].transform("max") > grp["hi"].transform("min")) & (
        grp["row"].transform("size") > 1)
    if clash.any():
        dup = cand[clash]
        rows_in = dup.groupby(key, sort=False)["row"].transform(
            lambda r: " ".join(map(str, sorted(r))))  # only the clashing groups
        problems.append(pd.DataFrame({
            "file": fname, "row": dup["row"], "column": "value",
            "value": table.loc[dup.index, "value"],
            "reason": "duplicate in conflict: same place, indicator and as_of on rows "
            + rows_in + " with different values",
        }))
        good &= ~table["row"].isin(set(dup["row"]))

    rejected = (pd.concat(problems, ignore_index=True) if problems
                else pd.DataFrame(columns=REJECTED_COLUMNS))
    used = parsed.loc[parsed["reason"] == "", "format"]
    n_vi, n_en = int((used == "vi").sum()), int((used == "en").sum())
    fmt = "vi" if n_vi and not n_en else "en" if n_en and not n_vi else (
        "mixed" if n_vi else "plain")
    fmt_reason = (f"read value by value: {n_vi} the Vietnamese way, {n_en} the English way, "
                  f"{int((used == '').sum())} the same either way")
    result = _result(fname, encoding, delimiter, fmt, fmt_reason, len(table),
                     obs[good].reset_index(drop=True), rejected)
    # Words naming another scheme than the indicator: a warning, the row is kept.
    kept = obs[good].assign(note=obs["note"].astype("str"))
    found = plausibility.scheme_mismatches(kept)
    if len(found):
        result.warnings = plausibility.mismatch_messages(
            found, pd.Series(fname, index=kept.index), kept["row"])
    return result


def _result(fname: str, encoding: str, delimiter: str, fmt: str, reason: str, n_rows: int,
            clean: pd.DataFrame, rejected: pd.DataFrame) -> CheckResult:
    """Sort the outputs, run the metrics on the clean rows, package the result."""
    rejected = rejected.astype({"file": "str", "row": "int64", "column": "str",
                                "value": "str", "reason": "str"})
    rejected = rejected.sort_values(["row", "column", "reason"], kind="stable")
    rejected = rejected.drop_duplicates().reset_index(drop=True)[REJECTED_COLUMNS]
    clean = clean.sort_values("row", kind="stable").reset_index(drop=True) if len(clean) else (
        pd.DataFrame(columns=["row", *metrics.OBS_COLUMNS, "qualifier"]))
    if len(clean):
        derived = metrics.derive(clean)
        consistency = metrics.check_consistency(clean, derived)
    else:
        derived = pd.DataFrame(columns=metrics.DERIVED_COLUMNS)
        consistency = pd.DataFrame(columns=metrics.CONSISTENCY_COLUMNS)
    return CheckResult(fname, encoding, delimiter, fmt, reason, n_rows,
                       enforce_dtypes(clean), rejected, derived, consistency)


def result_json(result: CheckResult) -> str:
    """The summary as JSON text (UTF-8, not ASCII-escaped)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str)
