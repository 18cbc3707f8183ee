"""The tidy observations table: build (raw → processed), schema, loading.

:func:`build` turns the raw folder into ``data/processed/observations.{parquet,csv}``
(one row per figure, columns :data:`COLUMNS`, validated by
:func:`observations_schema`) and ``rejected.csv`` (every row or cell that could not be
used, with ``file, row, column, value, reason``). It also writes ``derived.csv`` and
``consistency.csv`` through :mod:`bhxh_analysis.metrics`. Sources:

* curated transcriptions ``data/raw/curated/observations_*.csv`` (article figures);
* GSO exports: average population by province (2018–2022 and 1995–2016),
  labour force aged 15+ by province (2005–2016), national insured persons (2010–2015).

Rules and conventions (documented for users in ``docs/build.md``):

* ``row`` in ``rejected.csv`` is the 1-based line number in the file, counting the
  header (the first data row of a curated file is line 2; GSO exports have a title
  line and a blank line, so their first data row is line 4).
* Places resolve with :mod:`bhxh_analysis.geo`: curated rows dated before 2025-07-01 in
  the legacy boundaries, later rows in the 2025 boundaries; GSO rows are legacy.
* GSO annual averages (population, labour force) are dated ``YYYY-07-01`` (mid-year);
  year-end stocks (insured persons) ``YYYY-12-31``. Values printed in thousands are
  multiplied by 1,000. GSO ``..`` is an absent figure, not an error. Region aggregate
  rows are dropped; "WHOLE COUNTRY" becomes the nation. Where two GSO publications
  give the same indicator, place and year, the newest publication wins.
* The build is deterministic: rows sorted by (boundaries, geo_code, indicator, as_of,
  obs_id); floats written with ``%.15g``; parquet written by pyarrow with an explicit
  schema and no pandas metadata. Two builds give identical bytes.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from . import config
from .textops import (
    as_text_category,
    duplicated_text,
    fill_text,
    is_lexsorted,
    is_token,
    per_value,
    radix_key,
    text_codes,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandera.pandas as pa

__all__ = [
    "BOUNDARIES",
    "CATEGORY_COLUMNS",
    "CSV_MAX_ROWS",
    "METRICS_CHUNK_ROWS",
    "METRICS_THREADS",
    "COLUMNS",
    "CURATED_COLUMNS",
    "EXTRA_INDICATORS",
    "GEO_LEVELS",
    "INDICATOR_PATTERN",
    "LEVEL_RANK",
    "REJECTED_COLUMNS",
    "BuildResult",
    "ExtraIndicator",
    "build",
    "expected_unit",
    "is_forward_looking",
    "is_known_indicator",
    "load_observations",
    "as_str_columns",
    "load_sources",
    "observations_schema",
    "read_observations_csv",
    "read_observations_parquet",
    "write_processed",
]

# ------------------------------------------------------------------ the contract

#: Columns of the observations table, in this order (docs/architecture.md).
COLUMNS = [
    "obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
    "province_2025", "geo_name_raw", "as_of", "as_of_raw", "indicator", "value",
    "unit", "value_raw", "preliminary", "note",
]
STR_COLUMNS = [c for c in COLUMNS if c not in ("as_of", "value", "preliminary")]
#: Text columns held as ``category`` with sorted ``str`` categories: they repeat (a
#: commune panel has millions of rows but thousands of places and a few dozen
#: indicators), so codes cut memory ~4x and every check runs once per distinct value.
#: ``obs_id`` (distinct on every row) stays ``str``.
CATEGORY_COLUMNS = [c for c in STR_COLUMNS if c != "obs_id"]
#: Columns of ``rejected.csv``.
REJECTED_COLUMNS = ["file", "row", "column", "value", "reason"]
#: Columns of a curated observations file (data/raw/curated/observations_*.csv).
CURATED_COLUMNS = [
    "obs_id", "source_id", "place_raw", "parent_raw", "as_of_raw", "as_of", "indicator",
    "value_raw", "number_format", "unit", "qualifier", "note",
]
GEO_LEVELS = ("nation", "province", "district", "commune")
BOUNDARIES = ("legacy", "2025")
#: First day of the 2025 boundaries (provinces merged, districts abolished).
REFORM_DATE = pd.Timestamp("2025-07-01")

_SCHEMES = ("bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt", "bhyt_household")
_MEASURES = (
    "participants", "new_participants", "change_participants", "coverage_pct",
    "plan_participants", "plan_new_participants", "plan_coverage_pct", "attainment_pct",
    "shortfall_participants", "shortfall_pp",
)
_PLAIN = ("population", "labour_force", "labour_force_15plus")
#: The core vocabulary: ``{scheme}_{measure}`` or a population / labour-force denominator.
INDICATOR_PATTERN = (
    rf"^(?:(?:{'|'.join(_SCHEMES)})_(?:{'|'.join(_MEASURES)})|{'|'.join(_PLAIN)})$"
)
_INDICATOR_RE = re.compile(INDICATOR_PATTERN)


class ExtraIndicator(NamedTuple):
    """A documented indicator outside the core vocabulary.

    Attributes
    ----------
    units : tuple of str
        Units a value of this indicator may carry.
    forward_looking : bool
        A target or plan: its ``as_of`` (the date it refers to) may lie after the
        publication date of its source.
    """

    units: tuple[str, ...]
    forward_looking: bool


#: Extra indicators (the single list in code; ``data/raw/curated/indicators_extra.csv``
#: and ``docs/data.md`` mirror it and a test keeps them equal).
EXTRA_INDICATORS: dict[str, ExtraIndicator] = {
    "bhxh_voluntary_campaign_new_participants": ExtraIndicator(("persons",), False),
    "bhxh_voluntary_campaign_target_new_participants": ExtraIndicator(
        ("persons", "persons_per_district"), True
    ),
    "bhxh_voluntary_campaign_target_share_of_plan_pct": ExtraIndicator(("pct",), True),
    "bhyt_campaign_new_participants": ExtraIndicator(("persons",), False),
    "bhyt_household_campaign_target_new_participants": ExtraIndicator(("persons",), True),
    "bhyt_student_target_coverage_pct": ExtraIndicator(("pct",), True),
    "campaign_participating_provinces": ExtraIndicator(("provinces",), False),
    "campaign_rounds_per_month": ExtraIndicator(("rounds_per_month",), True),
    "campaign_staff": ExtraIndicator(("persons",), False),
    "counselling_attendees": ExtraIndicator(("attendances",), False),
    "counselling_sessions": ExtraIndicator(("sessions",), False),
    "pension_recipients_post": ExtraIndicator(("persons",), False),
}

# Qualifiers that mark a figure as an estimate rather than a final count.
_PRELIMINARY_QUALIFIERS = frozenset({"estimate", "prel.", "preliminary", "ước tính", "ước", "sơ bộ"})


def _unique_text(s: pd.Series) -> pd.Series:
    """True where the text occurs once (pandera check; hash-based for big tables)."""
    return pd.Series(~duplicated_text(s), index=s.index)


def is_known_indicator(indicators: pd.Series) -> pd.Series:
    """Flag indicators in the core vocabulary or in :data:`EXTRA_INDICATORS`."""
    def known(u: pd.Series) -> np.ndarray:
        return (u.str.fullmatch(INDICATOR_PATTERN).fillna(False).astype(bool)
                | u.isin(list(EXTRA_INDICATORS))).to_numpy(dtype=bool)
    return pd.Series(per_value(indicators, known), index=indicators.index)


def expected_unit(indicator: str) -> tuple[str, ...]:
    """Return the units allowed for an indicator (empty tuple when it is unknown).

    Core indicators ending in ``_pct`` or ``_pp`` are percentages (``pct``), the others
    counts of people (``persons``).
    """
    if indicator in EXTRA_INDICATORS:
        return EXTRA_INDICATORS[indicator].units
    if _INDICATOR_RE.match(indicator):
        return ("pct",) if indicator.endswith(("_pct", "_pp")) else ("persons",)
    return ()


def is_forward_looking(indicators: pd.Series) -> pd.Series:
    """Flag plans and targets, whose as-of date may follow the publication date."""
    def ahead(u: pd.Series) -> np.ndarray:
        extra = u.map(lambda i: EXTRA_INDICATORS[i].forward_looking
                      if i in EXTRA_INDICATORS else False).astype(bool)
        plan = u.str.contains(r"(?:^|_)(?:plan|target)(?:_|$)", regex=True).fillna(False)
        return (plan.astype(bool) | extra).to_numpy(dtype=bool)
    return pd.Series(per_value(indicators, ahead), index=indicators.index)


# ------------------------------------------------------------------------ sources


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
    """Read ``data/raw/sources.csv`` (all columns text) with a ``published_end`` date.

    ``published_end`` is the latest day the (possibly partial) ``published_date`` can
    mean, NaT when unknown.
    """
    path = Path(path) if path is not None else config.raw_dir() / "sources.csv"
    src = pd.read_csv(path, dtype="str", keep_default_na=False, encoding="utf-8-sig")
    if "source_id" not in src.columns:
        raise ValueError(f"{path}: no source_id column")
    src["published_end"] = _published_end(src.get("published_date", pd.Series("", index=src.index)))
    return src


# ------------------------------------------------------------------------- schema

# Names of the table-level checks → the column a failure is reported in.
_CHECK_COLUMNS = {
    "value_not_negative": "value",
    "pct_in_range": "value",
    "unit_fits_indicator": "unit",
    "as_of_not_after_publication": "as_of",
}


def observations_schema(sources: pd.DataFrame | None = None, today: _dt.date | None = None
                        ) -> pa.DataFrameSchema:
    """Return the pandera schema of the observations table.

    Parameters
    ----------
    sources : pandas.DataFrame or None
        Output of :func:`load_sources`; ``None`` reads ``data/raw/sources.csv``.
        ``source_id`` must be one of its ids, and ``as_of`` may not follow the
        source's publication date (nor ``today``) except for plans and targets.
    today : datetime.date or None
        Reference date for "not in the future" (default: the current date).

    Returns
    -------
    pandera.pandas.DataFrameSchema
        Ordered and strict: exactly :data:`COLUMNS`, in order.
    """
    import pandera.pandas as pa

    if sources is None:
        sources = load_sources()
    source_ids = sorted(set(sources["source_id"]))
    published = sources.set_index("source_id")["published_end"]
    published = published[~published.index.duplicated()]
    limit = pd.Timestamp(today or _dt.date.today())

    # The table checks evaluate each rule once per distinct indicator (or indicator and
    # unit) and broadcast by integer code: a commune panel has millions of rows but a
    # few dozen indicators.
    def _per_indicator(df: pd.DataFrame, rule: Any) -> np.ndarray:
        return per_value(df["indicator"], lambda u: np.asarray(rule(u), dtype=bool))

    def _not_negative(df: pd.DataFrame) -> pd.Series:
        # A change on the previous year can be a fall; every other figure is >= 0.
        change = _per_indicator(df, lambda u: u.str.contains("change_", regex=False))
        return pd.Series(change, index=df.index) | (df["value"] >= 0)

    def _pct_range(df: pd.DataFrame) -> pd.Series:
        pct = df["unit"].eq("pct")
        # Attainment of a plan can exceed 100 % (150 % in seed 001).
        attain = _per_indicator(df, lambda u: u.str.endswith("attainment_pct"))
        upper = np.where(attain, np.inf, 100.0)
        return ~pct | ((df["value"] >= 0) & (df["value"] <= upper))

    def _unit_fits(df: pd.DataFrame) -> pd.Series:
        # Each distinct (indicator, unit) pair once, through integer codes.
        icodes, inds = text_codes(df["indicator"])
        ucodes, units = text_codes(df["unit"])
        valid = (icodes >= 0) & (ucodes >= 0)
        pair = np.where(valid, icodes.astype(np.int64) * (len(units) + 1) + ucodes, -1)
        pcodes, puniq = pd.factorize(pair)
        i_of, u_of = np.divmod(np.asarray(puniq, dtype=np.int64), len(units) + 1)
        ok = np.array([p >= 0 and units.iat[u] in expected_unit(inds.iat[i])
                       for p, i, u in zip(puniq, i_of, u_of, strict=True)], dtype=bool)
        return pd.Series(ok[pcodes] if len(puniq) else np.zeros(len(df), dtype=bool),
                         index=df.index)

    def _not_after_publication(df: pd.DataFrame) -> pd.Series:
        scodes, suniq = text_codes(df["source_id"])
        pub_u = suniq.map(published).astype("datetime64[ns]").to_numpy()
        pub_u = np.append(pub_u, np.datetime64("NaT", "ns"))
        pub = pd.Series(pub_u[np.where(scodes < 0, len(suniq), scodes)], index=df.index)
        ahead = pd.Series(_per_indicator(df, is_forward_looking), index=df.index)
        ok_pub = pub.isna() | (df["as_of"] <= pub)
        return ahead | (ok_pub & (df["as_of"] <= limit))

    # Text columns may be ``str`` or ``category`` of ``str`` (how the build holds the
    # repeated ones, :data:`CATEGORY_COLUMNS`); pandas' string methods and ``isin`` on a
    # categorical work on its categories, so each distinct value is checked once.
    def _is_text(s: pd.Series) -> bool:
        dtype = s.cat.categories.dtype if isinstance(s.dtype, pd.CategoricalDtype) else s.dtype
        return bool(pd.api.types.is_string_dtype(dtype))

    def text_col(*checks: Any, **kw: Any) -> pa.Column:
        return pa.Column(None, [pa.Check(_is_text, name="text_dtype",
                                         error="column is not text (str or category)"),
                                *checks], nullable=False, coerce=False, **kw)

    columns = {
        "obs_id": pa.Column(str, [
            pa.Check(lambda s: pd.Series(is_token(s), index=s.index), name="no_whitespace",
                     error="obs_id is empty or contains whitespace"),
            pa.Check(_unique_text, name="field_uniqueness", error="duplicate obs_id"),
        ], nullable=False, coerce=False),
        "source_id": text_col(pa.Check.isin(source_ids, error="source_id not in sources.csv")),
        "geo_code": text_col(pa.Check.str_matches(r"^(?:VN|\d{2,5})$")),
        "geo_name": text_col(pa.Check.str_length(min_value=1)),
        "geo_level": text_col(pa.Check.isin(GEO_LEVELS)),
        "boundaries": text_col(pa.Check.isin(BOUNDARIES)),
        "province_2025": text_col(pa.Check.str_length(min_value=1)),
        "geo_name_raw": text_col(),
        "as_of": pa.Column("datetime64[ns]", nullable=False),
        "as_of_raw": text_col(),
        "indicator": text_col(
            pa.Check(is_known_indicator, error="indicator not in the vocabulary "
                     "({scheme}_{measure}, population, labour_force[_15plus]) nor in "
                     "EXTRA_INDICATORS"),
        ),
        "value": pa.Column(float, pa.Check(np.isfinite, error="value is not finite"),
                           nullable=False),
        "unit": text_col(pa.Check.str_matches(r"^[a-z_]+$")),
        "value_raw": text_col(),
        "preliminary": pa.Column(bool, nullable=False),
        "note": text_col(),
    }
    checks = [
        pa.Check(_not_negative, name="value_not_negative",
                 error="negative value (only change_* indicators may be negative)"),
        pa.Check(_pct_range, name="pct_in_range",
                 error="percentage outside 0-100 (only attainment_pct may exceed 100)"),
        pa.Check(_unit_fits, name="unit_fits_indicator",
                 error="unit does not fit the indicator (persons vs pct, or the units of "
                       "EXTRA_INDICATORS)"),
        pa.Check(_not_after_publication, name="as_of_not_after_publication",
                 error="as_of is after the source's publication date or in the future "
                       "(allowed only for plans and targets)"),
    ]
    return pa.DataFrameSchema(columns, checks=checks, ordered=True, strict=True,
                              name="observations")


# -------------------------------------------------------------------- the result


@dataclass
class BuildResult:
    """What :func:`build` produced.

    Attributes
    ----------
    observations : pandas.DataFrame
        The validated table (columns :data:`COLUMNS`).
    rejected : pandas.DataFrame
        ``file, row, column, value, reason`` for everything that was not used.
    derived, consistency : pandas.DataFrame or None
        From :mod:`bhxh_analysis.metrics`. ``derived`` is ``None`` when a big table's
        derived figures were written in parts (read ``derived.parquet``).
    warnings : list of str
        Non-fatal notes (e.g. CSV copies skipped for a big table).
    written : list of Path
        Files written (empty with ``write=False``).
    derived_rows : int
        Rows of the derived table.
    timings : dict
        Seconds spent deriving, checking and waiting for the writers.
    """

    observations: pd.DataFrame
    rejected: pd.DataFrame
    derived: pd.DataFrame | None = None
    consistency: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    derived_rows: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no raw row was rejected (the CLI exits 0)."""
        return self.rejected.empty

    @property
    def curated_errors(self) -> pd.DataFrame:
        """Rejected rows coming from the curated files."""
        return self.rejected[self.rejected["file"].str.startswith("curated/")]


# ----------------------------------------------------------------- small helpers


def _rejects(file: str | pd.Series, row: Any, column: str | pd.Series, value: Any,
             reason: str | pd.Series) -> pd.DataFrame:
    """Assemble rejected rows (scalars broadcast over the Series given)."""
    frame = pd.DataFrame({"file": file, "row": row, "column": column, "value": value,
                          "reason": reason})
    return frame.reindex(columns=REJECTED_COLUMNS)


def _empty_rejects() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "row" else "str")
                         for c in REJECTED_COLUMNS})


def _nfc(s: pd.Series) -> pd.Series:
    return s.astype("str").str.normalize("NFC")


def _read_csv_with_lines(path: Path, rel: str) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    """Read a small CSV keeping the 1-based starting line of every record.

    Returns (header, frame of text cells + ``_row``, rejected rows with a wrong number
    of cells). The csv module is used (not pandas) because it reports line numbers,
    which stay right when a quoted cell spans several lines.
    """
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        if any(c.strip() for c in cells):
            records.append((start, cells))
        start = reader.line_num + 1
    if not records:
        return [], pd.DataFrame({"_row": pd.Series(dtype="int64")}), _empty_rejects()
    header = [unicodedata.normalize("NFC", h.strip()) for h in records[0][1]]
    n = len(header)
    good = [(ln, cells) for ln, cells in records[1:] if len(cells) == n]
    bad = [(ln, cells) for ln, cells in records[1:] if len(cells) != n]
    frame = pd.DataFrame([cells for _, cells in good], columns=header, dtype="str")
    frame["_row"] = pd.Series([ln for ln, _ in good], dtype="int64")
    rejected = _rejects(rel, [ln for ln, _ in bad], "(row)",
                        [",".join(c) for _, c in bad],
                        [f"row has {len(c)} cells, header has {n}" for _, c in bad])
    return header, frame, rejected


# ------------------------------------------------------------------ curated files


def _parse_values(value_raw: pd.Series, fmt: pd.Series) -> pd.DataFrame:
    """Parse every value_raw with clean.parse_quantity (scalar parser; curated tables
    hold a few hundred rows, so one pass in Python is cheap)."""
    from .clean import ParseError, parse_quantity

    out = []
    for text, f in zip(value_raw, fmt, strict=True):
        try:
            q = parse_quantity(text, f if f in ("vi", "en", "auto") else "auto")
            out.append((q.value, q.unit, q.qualifier or "", ""))
        except ParseError as exc:
            out.append((np.nan, "", "", str(exc)))
    return pd.DataFrame(out, columns=["value", "qunit", "qqual", "error"], index=value_raw.index)


def _check_as_of_raw(as_of_raw: pd.Series, as_of: pd.Series) -> pd.Series:
    """Reason text where ``as_of_raw`` reads as a date other than ``as_of`` ("" if fine).

    Many printed dates are prose ("Đến nay", "2021 plan"); only those that
    :func:`clean.parse_date` can read are compared.
    """
    from .clean import ParseError, parse_date

    reasons = []
    for raw, date in zip(as_of_raw, as_of, strict=True):
        if pd.isna(date) or not raw.strip():
            reasons.append("")
            continue
        try:
            read = parse_date(raw, year=date.year)
        except ParseError:
            reasons.append("")
            continue
        reasons.append("" if pd.Timestamp(read) == date else
                       f"as_of_raw {raw!r} reads as {read.isoformat()}, not "
                       f"{date.date().isoformat()}")
    return pd.Series(reasons, index=as_of_raw.index, dtype="str")


class _CachedResolver:
    """Memoise ``registry.resolve`` within one build: the GSO exports repeat the same
    ~70 names, and a lookup costs milliseconds."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self._cache: dict[tuple[Any, ...], Any] = {}

    def resolve(self, name: str, parent: str | None = None, level: str | None = None,
                boundaries: str | None = None) -> Any:
        from .geo import GeoError

        key = (name, parent, level, boundaries)
        if key not in self._cache:
            try:
                self._cache[key] = self.registry.resolve(name, parent=parent, level=level,
                                                         boundaries=boundaries)
            except GeoError as exc:
                self._cache[key] = exc
        hit = self._cache[key]
        if isinstance(hit, Exception):
            raise hit
        return hit


#: Rank of each level, largest first (nation 0 … commune 3).
LEVEL_RANK = {level: i for i, level in enumerate(GEO_LEVELS)}


def _reform_ambiguity(registry: Any, place: str, parent: str, unit: Any) -> str:
    """Why a 2025-boundaries name must not be taken as ``unit`` ("" when it may).

    Many 2025 wards and communes carry the name of a larger legacy unit ("Kon Tum": a
    legacy province and a 2025 ward of Quảng Ngãi; "Đức Trọng": a legacy district and a
    2025 commune). A figure dated after the reform that names one of them is far more
    likely about the old area than the new ward, so it is refused rather than silently
    attached to the smaller unit (same rule as ``bhxh data check``).
    """
    from .geo import GeoError

    try:
        old = registry.resolve(place, parent=parent or None, boundaries="legacy")
    except GeoError:
        return ""
    if LEVEL_RANK.get(str(old.level), 9) >= LEVEL_RANK.get(str(unit.level), 9):
        return ""
    return (f"ambiguous across the 2025 reform: '{place}' in a row dated after 2025-07-01 "
            f"reads as the 2025 {unit.level} {unit.name} ({unit.province_2025_name}), but "
            f"it also names the legacy {old.level} {old.name} (now in "
            f"{old.province_2025_name}); write the 2025 unit's full name, or date the figure "
            "before the reform")


def _resolve_places(frame: pd.DataFrame, registry: Any) -> pd.DataFrame:
    """Resolve (place, parent, boundaries) once per distinct combination."""
    from .geo import GeoError

    keys = frame[["place", "parent", "boundaries"]].drop_duplicates()
    rows = []
    for place, parent, bnd in keys.itertuples(index=False):  # distinct places only
        try:
            u = registry.resolve(place, parent=parent or None, boundaries=bnd)
            err = _reform_ambiguity(registry, place, parent, u) if bnd == "2025" else ""
        except GeoError as exc:
            u, err = None, str(exc)
        if err:
            rows.append((place, parent, bnd, "", "", "", "", "", err))
        else:
            rows.append((place, parent, bnd, u.code, u.name, u.level, u.boundaries,
                         u.province_2025_name, ""))
    res = pd.DataFrame(rows, columns=["place", "parent", "boundaries", "geo_code",
                                      "geo_name", "geo_level", "geo_boundaries",
                                      "province_2025", "geo_error"], dtype="str")
    return frame.merge(res, on=["place", "parent", "boundaries"], how="left", validate="m:1")


def _curated_frame(path: Path, rel: str, registry: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Turn one curated file into observation rows (+ ``_file``/``_row``) and rejects."""
    try:
        header, raw, rejected = _read_csv_with_lines(path, rel)
    except UnicodeDecodeError as exc:
        return pd.DataFrame(), _rejects(rel, [1], "(file)", "", f"not UTF-8: {exc}")
    if not header:
        return pd.DataFrame(), _rejects(rel, [1], "(file)", "", "empty file (no header row)")
    twice = sorted({c for c in header if header.count(c) > 1})
    if twice:
        rej = _rejects(rel, 1, twice, "", "column appears more than once in the header")
        return pd.DataFrame(), pd.concat([rejected, rej], ignore_index=True)
    missing = [c for c in CURATED_COLUMNS if c not in header]
    if missing:
        rej = _rejects(rel, 1, missing, "", "missing column in header")
        return pd.DataFrame(), pd.concat([rejected, rej], ignore_index=True)
    df = raw[[*CURATED_COLUMNS, "_row"]].copy()
    for c in CURATED_COLUMNS:
        df[c] = _nfc(df[c])
    errors: list[pd.DataFrame] = [rejected]

    def flag(mask: pd.Series, column: str, reason: str | pd.Series) -> None:
        if mask.any():
            r = reason[mask] if isinstance(reason, pd.Series) else reason
            errors.append(_rejects(rel, df.loc[mask, "_row"], column, df.loc[mask, column], r))

    stripped = {c: df[c].str.strip() for c in CURATED_COLUMNS}
    for c in ("obs_id", "source_id", "place_raw", "as_of", "indicator", "value_raw", "unit"):
        flag(stripped[c].eq(""), c, f"empty {c}")
    fmt = stripped["number_format"].str.lower()
    flag(~fmt.isin(["vi", "en"]), "number_format", "number_format must be 'vi' or 'en'")

    parsed = _parse_values(df["value_raw"], fmt)
    flag(parsed["error"].ne("") & stripped["value_raw"].ne(""), "value_raw", parsed["error"])
    unit = stripped["unit"]
    pct_mismatch = parsed["error"].eq("") & (parsed["qunit"].eq("pct") != unit.eq("pct"))
    flag(pct_mismatch & unit.ne(""), "unit",
         "value_raw is " + parsed["qunit"].map({"pct": "a percentage", "count": "a count"})
         + " but unit is '" + unit + "'")

    as_of = pd.to_datetime(stripped["as_of"].where(
        stripped["as_of"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")), format="%Y-%m-%d",
        errors="coerce").astype("datetime64[ns]")
    flag(as_of.isna() & stripped["as_of"].ne(""), "as_of",
         "not a valid date (expected YYYY-MM-DD)")
    raw_reason = _check_as_of_raw(df["as_of_raw"], as_of)
    flag(raw_reason.ne(""), "as_of_raw", raw_reason)

    df["place"] = stripped["place_raw"]
    df["parent"] = stripped["parent_raw"]
    df["boundaries"] = np.where(as_of >= REFORM_DATE, "2025", "legacy")
    df = _resolve_places(df, registry)
    flag(df["geo_error"].ne("") & stripped["place_raw"].ne(""), "place_raw",
         df["geo_error"])

    qualifier = stripped["qualifier"].where(stripped["qualifier"].ne(""), parsed["qqual"])
    note = stripped["note"]
    out = pd.DataFrame({
        "obs_id": stripped["obs_id"],
        "source_id": stripped["source_id"],
        "geo_code": df["geo_code"],
        "geo_name": df["geo_name"],
        "geo_level": df["geo_level"],
        "boundaries": df["geo_boundaries"],
        "province_2025": df["province_2025"],
        "geo_name_raw": df["place_raw"],
        "as_of": as_of,
        "as_of_raw": df["as_of_raw"],
        "indicator": stripped["indicator"],
        "value": parsed["value"].astype("float64"),
        "unit": unit,
        "value_raw": df["value_raw"],
        "preliminary": qualifier.str.lower().isin(_PRELIMINARY_QUALIFIERS),
        # The qualifier ("gần", "trên", "≈") leads the note so it is never lost.
        "note": np.where(qualifier.eq(""), note,
                         np.where(note.eq(""), qualifier, qualifier + "; " + note)),
        "_file": rel,
        "_row": df["_row"],
    })
    rej = pd.concat(errors, ignore_index=True)
    bad_rows = set(rej["row"].astype("int64")) if len(rej) else set()
    return out[~out["_row"].isin(bad_rows)], rej


# ---------------------------------------------------------------------- GSO files


class _GsoSpec(NamedTuple):
    file: str
    source_id: str
    series: dict[str, str]  # series label (ascii_key) → indicator
    prefix: str
    stock: bool  # year-end stock (YYYY-12-31) or annual average (YYYY-07-01)
    note: str


# Newest publication first: on overlapping (indicator, place, year) the first wins.
GSO_SPECS: tuple[_GsoSpec, ...] = (
    _GsoSpec("gso/population_by_province_2018-2022.csv", "gso-pop-2018-2022",
             {"dan so trung binh (nghin nguoi)": "population"}, "gso-pop", False,
             "GSO average population, printed in thousands; dated mid-year"),
    _GsoSpec("gso/average_population_by_province_1995-2016.csv", "gso-pop-1995-2016",
             {"total": "population"}, "gso-pop", False,
             "GSO average population, printed in thousands; dated mid-year"),
    _GsoSpec("gso/labour_force_by_province_2005-2016.csv", "gso-lf-2005-2016",
             {"total": "labour_force_15plus"}, "gso-lf15", False,
             "GSO labour force aged 15+, printed in thousands; dated mid-year"),
    _GsoSpec("gso/insured_persons_national_2010-2015.csv", "gso-insured-2010-2015",
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


# Legacy provinces whose territory changed during the GSO series: figures for earlier
# years describe a different area than the unit of the 2025-01-04 list. They are kept
# (the series are still useful) but their note says so. code → (first year, what).
GSO_TERRITORY_CHANGES: dict[str, tuple[int, str]] = {
    "01": (2008, "before 2008 Hà Nội did not include Hà Tây, Mê Linh and 4 communes of "
                 "Lương Sơn"),
    "26": (2008, "before 2008 Vĩnh Phúc included Mê Linh (moved to Hà Nội)"),
    "17": (2008, "before 2008 Hòa Bình included 4 communes of Lương Sơn (moved to Hà Nội)"),
    "12": (2004, "before 2004 Lai Châu included Điện Biên"),
    "66": (2004, "before 2004 Đắk Lắk included Đắk Nông"),
    "92": (2004, "before 2004 Cần Thơ included Hậu Giang"),
}


def _format_printed(values: pd.Series, fmt: str) -> pd.Series:
    """Re-create the printed text of GSO numbers when the reader does not keep it."""
    from .clean import format_number

    if fmt == "vi":  # the PX-Web export prints "7.914,50"
        return values.map(lambda v: format_number(v, 2, "vi"))
    # The English exports print "71995.5": one decimal, no thousands separator.
    return values.map(lambda v: f"{v:.1f}")


def _gso_frame(spec: _GsoSpec, registry: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Observation rows (+ ``_file``/``_row``/``_rank``) and rejects for one export."""
    from .clean import ascii_key, read_gso_export_with_errors
    from .geo import GeoError

    path = config.raw_dir() / spec.file
    long, errors = read_gso_export_with_errors(path)
    layout = long.attrs.get("layout", "places")
    fmt = long.attrs.get("number_format", "en")
    rejected = errors.astype({"row": "int64"})
    keys = long["series"].map(ascii_key)
    long = long.assign(indicator=keys.map(spec.series))
    # '..' (NaN) is an absent figure, not an error; other series are not used.
    long = long[long["indicator"].notna() & long["value"].notna()]
    if layout == "indicators":
        long = long.assign(name_for_geo="Việt Nam")
    else:
        # Region aggregates are dropped; the whole-country row becomes the nation.
        whole = long["name"].map(ascii_key).isin(["whole country", "viet nam", "ca nuoc"])
        long = long[~long["is_aggregate"] | whole]
        long = long.assign(name_for_geo=np.where(whole.loc[long.index], "Việt Nam",
                                                 long["name"]))
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
        rejected = pd.concat([rejected, _rejects(
            spec.file, first["row"], "name", first["name_raw"],
            first["name_for_geo"].map(reasons))], ignore_index=True)
    long = long[~bad]
    u = long["name_for_geo"].map(units)
    if "value_raw" in long.columns:
        printed = long["value_raw"].astype("str").str.strip()
    else:
        printed = _format_printed(long["value"], fmt)
    year = long["year"].astype("int64")
    as_of = pd.to_datetime(year.astype("str") + ("-12-31" if spec.stock else "-07-01"),
                           format="%Y-%m-%d").astype("datetime64[ns]")
    geo_code = u.map(lambda x: x.code).astype("str")
    suffix = long["indicator"].str.replace("_participants", "", regex=False) + "-" \
        if spec.prefix == "gso-ins" else ""
    obs_id = spec.prefix + "-" + suffix + year.astype("str") + "-" + geo_code
    prel = long["preliminary"].astype(bool)
    out = pd.DataFrame({
        "obs_id": obs_id,
        "source_id": spec.source_id,
        "geo_code": geo_code,
        "geo_name": u.map(lambda x: x.name).astype("str"),
        "geo_level": u.map(lambda x: x.level).astype("str"),
        "boundaries": u.map(lambda x: x.boundaries).astype("str"),
        "province_2025": u.map(lambda x: x.province_2025_name).astype("str"),
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
    change = out["geo_code"].map({c: y for c, (y, _) in GSO_TERRITORY_CHANGES.items()})
    older = (year < change).fillna(False).astype(bool)
    if older.any():
        what = out["geo_code"].map({c: t for c, (_, t) in GSO_TERRITORY_CHANGES.items()})
        out.loc[older, "note"] = (out.loc[older, "note"] + "; territory differs from the "
                                  "legacy unit: " + what[older])
    return out, rejected


# ------------------------------------------------------------------------- build


_FC_COLUMNS = ["schema_context", "column", "check", "failure_case", "index"]


def _schema_failures(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    """pandera's lazy failure cases of ``frame`` (empty frame when it is valid)."""
    import pandera.pandas as pa

    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases.reindex(columns=_FC_COLUMNS)
    return pd.DataFrame(columns=_FC_COLUMNS)


def _failure_cases(schema: pa.DataFrameSchema, table: pd.DataFrame) -> pd.DataFrame:
    """Failure cases of ``schema`` on ``table``, each distinct text value checked once.

    Same rows, columns and check names as ``schema.validate(table, lazy=True)`` (a test
    compares them), but a categorical column's checks run on its categories and are
    broadcast to the rows by code, and missing values are found from the codes: a
    commune panel has millions of rows and a few thousand distinct values per column.
    Structural errors (missing or extra columns, order, dtypes) raise ``RuntimeError``:
    they are programming errors, not bad rows.

    Returns
    -------
    pandas.DataFrame
        Columns ``schema_context, column, check, failure_case, index`` (``index`` =
        the row label in ``table``).
    """
    import pandera.pandas as pa

    # 1. Structure and dtypes, on no rows (checks on an empty frame pass).
    whole = _schema_failures(schema, table.iloc[:0])
    if len(whole):
        raise RuntimeError("observations table does not match its schema: "
                           + whole[["column", "check"]].to_string(index=False))
    index = table.index.to_numpy()

    # 2. Column checks: categoricals on their categories, other columns on their rows.
    def column_failures(name: str, col: Any) -> list[pd.DataFrame]:
        found = []
        s = table[name]
        single = pa.DataFrameSchema({name: col})
        if isinstance(s.dtype, pd.CategoricalDtype):
            codes = s.cat.codes.to_numpy()
            cats = pd.Series(np.asarray(s.cat.categories.astype("str"), dtype=object),
                             dtype="str")
            fc = _schema_failures(single, cats.to_frame(name))
            if len(fc):
                bad_cat = fc.dropna(subset=["index"])
                for check, grp in bad_cat.groupby("check", sort=True):
                    cat_idx = grp["index"].astype("int64").to_numpy()
                    rows = np.flatnonzero(np.isin(codes, cat_idx))
                    found.append(pd.DataFrame({
                        "schema_context": "Column", "column": name, "check": check,
                        "failure_case": cats.to_numpy(dtype=object)[codes[rows]],
                        "index": index[rows]}))
            missing = np.flatnonzero(codes < 0)
        else:
            present = s.notna().to_numpy()
            fc = _schema_failures(single, (s if present.all() else s[present]).to_frame(name))
            if len(fc):
                found.append(fc)
            missing = np.flatnonzero(~present)
        if len(missing) and not col.nullable:
            found.append(pd.DataFrame({"schema_context": "Column", "column": name,
                                       "check": "not_nullable", "failure_case": np.nan,
                                       "index": index[missing]}))
        return found

    # Columns checked row by row (per-row ids: hashing, token scans, mostly NumPy
    # without the GIL) run on a second thread while this one checks the categoricals
    # and the table; results are gathered in schema order, so the output is the same.
    from concurrent.futures import ThreadPoolExecutor

    by_rows = [n for n in schema.columns
               if not isinstance(table[n].dtype, pd.CategoricalDtype)]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="validate") as pool:
        pending = {n: pool.submit(column_failures, n, schema.columns[n]) for n in by_rows}
        done = {n: column_failures(n, col) for n, col in schema.columns.items()
                if n not in pending}
        # 3. Table checks (vectorised by distinct indicator, unit and source).
        table_schema = pa.DataFrameSchema(checks=schema.checks, name=schema.name)
        fc = _schema_failures(table_schema, table)
        done.update({n: f.result() for n, f in pending.items()})
    found = [f for n in schema.columns for f in done[n]]
    if len(fc):
        found.append(fc)
    found = [f for f in found if len(f)]
    if not found:
        return pd.DataFrame(columns=_FC_COLUMNS)
    out = pd.concat([f.reindex(columns=_FC_COLUMNS) for f in found], ignore_index=True)
    return out.dropna(subset=["index"])


def _prefetch_validator() -> None:
    """Import pandera on a background thread while the caller reads the data.

    Importing it takes ~0.4 s of pure Python; reading is mostly Arrow and NumPy work
    that releases the GIL, so the two overlap. Harmless if pandera is already loaded.
    """
    import importlib
    import sys
    import threading

    if "pandera.pandas" not in sys.modules:
        threading.Thread(target=importlib.import_module, args=("pandera.pandas",),
                         name="import pandera", daemon=True).start()


def _validate(obs: pd.DataFrame, sources: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate with pandera; rows failing a check move to the rejected list."""
    schema = observations_schema(sources)
    fc = _failure_cases(schema, obs[COLUMNS])
    if fc.empty:
        return obs, _empty_rejects()
    fc = fc.assign(index=fc["index"].astype("int64"))
    is_frame = fc["schema_context"].eq("DataFrameSchema")
    # A table-level check lists every column of a failing row: keep the relevant one.
    name_to_col = {}
    for chk in schema.checks:
        name_to_col[chk.error] = _CHECK_COLUMNS[chk.name]
    fc = fc[~is_frame | (fc["column"] == fc["check"].map(name_to_col))]
    reason = np.where(fc["check"].eq("field_uniqueness"), "duplicate obs_id",
                      fc["check"].astype("str"))
    rows = obs.loc[fc["index"]]
    rej = _rejects(rows["_file"].to_numpy(), rows["_row"].to_numpy(),
                   fc["column"].to_numpy(),
                   fc["failure_case"].astype("str").str.replace(r" 00:00:00$", "", regex=True)
                   .to_numpy(),
                   reason)
    return obs.drop(index=fc["index"].unique()), rej


def _sort_codes(col: pd.Series) -> np.ndarray:
    """Integer codes that order like the column's values (ties share a code)."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        # Rank the categories as text (they are sorted after _finalise_dtypes).
        cats = np.asarray(col.cat.categories.astype("str"), dtype=object)
        rank = np.empty(len(cats), dtype=np.int64)
        rank[np.argsort(cats, kind="stable")] = np.arange(len(cats))
        codes = col.cat.codes.to_numpy()
        return np.where(codes < 0, -1, rank[np.maximum(codes, 0)] if len(cats) else codes)
    if pd.api.types.is_datetime64_any_dtype(col) and not col.isna().any():
        return col.to_numpy().astype("datetime64[ns]").view("int64")  # order-preserving
    if pd.api.types.is_datetime64_any_dtype(col) or pd.api.types.is_numeric_dtype(col):
        return pd.factorize(col, sort=True)[0]
    return pd.factorize(col.astype("str"), sort=True)[0]


def _sort(obs: pd.DataFrame) -> pd.DataFrame:
    """Stable sort by boundaries, geo_code, indicator, as_of, obs_id.

    One ``np.lexsort`` on integer codes (the repeated text keys are factorized with
    sorted uniques); ``obs_id`` — distinct on almost every row — only ranks rows that tie
    on the other four keys. Same order as a stable ``sort_values`` on the five columns.
    """
    if obs.empty:
        return obs.reset_index(drop=True)
    keys = [_sort_codes(obs[c]) for c in ("boundaries", "geo_code", "indicator", "as_of")]
    # Data often arrive in key order (a sorted export): check in O(n) before sorting.
    order = np.arange(len(obs)) if is_lexsorted(keys) else np.lexsort(keys[::-1])
    ks = np.stack([k[order] for k in keys])
    same_prev = np.r_[False, (ks[:, 1:] == ks[:, :-1]).all(axis=0)]
    tied_sorted = same_prev | np.r_[same_prev[1:], False]
    if tied_sorted.any():
        tied = order[tied_sorted]
        rank = np.zeros(len(obs), dtype=np.int64)
        rank[tied] = _sort_codes(obs["obs_id"].iloc[tied])
        order = np.lexsort([rank, *keys[::-1]])
    if (order == np.arange(len(order))).all():
        return obs.reset_index(drop=True)  # no copy of a table already in order
    return obs.take(order).reset_index(drop=True)


def _finalise_dtypes(obs: pd.DataFrame) -> pd.DataFrame:
    """The table's dtypes: :data:`CATEGORY_COLUMNS` ``category`` (sorted ``str``
    categories), ``obs_id`` ``str``, ``as_of`` datetime64[ns], ``value`` float64,
    ``preliminary`` bool. Columns other than :data:`COLUMNS` are kept, after them."""
    out = obs[COLUMNS + [c for c in obs.columns if c not in COLUMNS]]
    out["obs_id"] = out["obs_id"].astype("str")
    for c in CATEGORY_COLUMNS:
        out[c] = as_text_category(out[c])
    out["as_of"] = out["as_of"].astype("datetime64[ns]")
    out["value"] = out["value"].astype("float64")
    out["preliminary"] = out["preliminary"].astype(bool)
    return out


def _atomic_write(path: Path, writer: Any) -> None:
    """Write through a temporary file in the same folder, then rename (readers in
    parallel report workers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A per-process name (not mkstemp) keeps the user's umask for the final file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        writer(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_CSV_CHUNK = 200_000  # rows per block of the fast CSV writer (bounds its memory)


def _format_floats(v: np.ndarray) -> np.ndarray:
    """``"%.15g" % x`` for each float, ``""`` for NaN (integers formatted in bulk)."""
    out = np.empty(len(v), dtype=object)
    nan = np.isnan(v)
    with np.errstate(invalid="ignore"):
        whole = (~nan & np.isfinite(v) & (v == np.round(v)) & (np.abs(v) < 1e15)
                 & ~((v == 0) & np.signbit(v)))
    out[whole] = v[whole].astype(np.int64).astype("str").astype(object)
    out[nan] = ""
    rest = ~whole & ~nan
    out[rest] = ["%.15g" % x for x in v[rest]]  # noqa: UP031 - same format as to_csv
    return out


def _csv_field_array(s: pd.Series) -> Any:
    """One column as CSV field text (pyarrow string array), as ``DataFrame.to_csv``
    writes it with this module's options; ``None`` for a dtype it does not handle.

    Distinct values are formatted once and gathered by code; text fields holding a
    comma, a quote or a newline are quoted with doubled quotes (``csv.QUOTE_MINIMAL``).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cats = pd.Series(dtype.categories)
        if not (pd.api.types.is_string_dtype(cats) and cats.map(type).eq(str).all()):
            return None
        codes = s.cat.codes.to_numpy()
        text = pa.array(cats.astype("str").to_list() + [""], type=pa.string())
        return _csv_quote(text).take(pa.array(np.where(codes < 0, len(cats), codes)))
    if pd.api.types.is_float_dtype(dtype):
        codes, uniq = pd.factorize(s.to_numpy(dtype="float64"), use_na_sentinel=False)
        text = pa.array(_format_floats(np.asarray(uniq, dtype="float64")).tolist(),
                        type=pa.string())
        return text.take(pa.array(codes))
    if pd.api.types.is_bool_dtype(dtype) and not s.isna().any():
        return pa.array(np.where(s.to_numpy(dtype=bool), "True", "False"), type=pa.string())
    if pd.api.types.is_integer_dtype(dtype) and not s.isna().any():
        return pa.array(s.to_numpy().astype("str"), type=pa.string())
    if isinstance(dtype, np.dtype) and dtype.kind == "M":
        codes, uniq = pd.factorize(s, use_na_sentinel=True)
        text = pd.DatetimeIndex(uniq).strftime("%Y-%m-%d").to_list() + [""]
        return pa.array(text, type=pa.string()).take(
            pa.array(np.where(codes < 0, len(uniq), codes)))
    if isinstance(dtype, pd.StringDtype):
        arr = pa.chunked_array(s.array.__arrow_array__()).combine_chunks().cast(pa.string())
        return _csv_quote(pc.fill_null(arr, ""))
    return None


def _csv_quote(arr: Any) -> Any:
    """Quote the fields that need it (comma, quote or newline), doubling quotes."""
    import pyarrow.compute as pc

    need = pc.match_substring_regex(arr, '[,"\n]')
    if not pc.any(need).as_py():
        return arr
    quoted = pc.binary_join_element_wise(
        '"', pc.replace_substring(arr, '"', '""'), '"', "")
    return pc.if_else(need, quoted, arr)


def _write_csv_fast(df: pd.DataFrame, out: Any, header: bool = True) -> bool:
    """Write ``df`` as ``to_csv`` would (see :func:`_write_csv`), block by block in
    pyarrow; return False (nothing written) when a column's dtype is not handled.
    ``header=False`` appends rows only (a table written in parts)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(df.columns) < 2:  # a lone empty field is quoted by csv: leave it to pandas
        return False
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([str(c) for c in df.columns])
    header = buf.getvalue().encode("utf-8") if header else b""
    blocks = []
    for start in range(0, max(len(df), 1), _CSV_CHUNK):
        part = df.iloc[start:start + _CSV_CHUNK]
        if not len(part):
            break
        fields = [_csv_field_array(part[c]) for c in part.columns]
        if any(f is None for f in fields):
            return False
        if not blocks:
            out.write(header)
        # One string per row ("a,b,c\n"); its bytes are the block written.
        lines = pc.binary_join_element_wise(*fields, ",")
        lines = pc.binary_join_element_wise(lines, "", "\n")
        lines = lines.cast(pa.string())
        _, off_buf, data = lines.buffers()
        offsets = np.frombuffer(off_buf, dtype=np.int32)[lines.offset:]
        lo, hi = int(offsets[0]), int(offsets[len(lines)])
        out.write(memoryview(data)[lo:hi])
        blocks.append(hi - lo)
    if not blocks:
        out.write(header)
    return True


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` as UTF-8 CSV: ``\\n`` line ends, floats ``%.15g``, dates ISO.

    Same bytes as ``DataFrame.to_csv`` with those options; common dtypes go through
    :func:`_write_csv_fast` (pyarrow, distinct values formatted once), any other
    dtype through ``to_csv`` itself.
    """
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            _write_csv_part(df, fh, header=True)
    _atomic_write(path, write)


def _write_csv_part(df: pd.DataFrame, fh: Any, header: bool) -> None:
    """Append ``df`` to the binary file ``fh`` as :func:`_write_csv` writes it."""
    if not _write_csv_fast(df, fh, header=header):
        df.to_csv(fh, header=header, index=False, encoding="utf-8", lineterminator="\n",
                  float_format="%.15g", date_format="%Y-%m-%d")


def _arrow_column(s: pd.Series) -> Any:
    """One column as an Arrow array: dates ``date32``, text ``string`` (categoricals
    ``dictionary<int32, string>``), numbers and booleans as is."""
    import pyarrow as pa

    dtype = s.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return pa.array(s.to_numpy().astype("datetime64[D]"), type=pa.date32())
    if pd.api.types.is_bool_dtype(dtype):
        return pa.array(s.to_numpy(dtype=bool), type=pa.bool_())
    if pd.api.types.is_float_dtype(dtype):
        return pa.array(s.to_numpy(dtype="float64"), type=pa.float64())
    if pd.api.types.is_integer_dtype(dtype):
        return pa.array(s.to_numpy(dtype="int64"), type=pa.int64())
    if isinstance(dtype, pd.CategoricalDtype):
        # Dictionary-encoded as it is in memory: parquet stores dictionary pages
        # anyway, so nothing is decoded and hashed again (files store no Arrow
        # schema: readers see plain string columns).
        cats = pa.array(np.asarray(s.cat.categories.astype("str"), dtype=object),
                        type=pa.string())
        codes = s.cat.codes.to_numpy().astype(np.int32)
        missing = codes < 0 if len(codes) and codes.min() < 0 else None
        return pa.DictionaryArray.from_arrays(pa.array(codes, mask=missing), cats)
    # Arrow-backed str: pandas holds large_string; keep it (no copy of the bytes).
    arr = pa.chunked_array(s.astype("str").array.__arrow_array__())
    arr = arr.chunk(0) if arr.num_chunks == 1 else arr.combine_chunks()
    return arr.cast(pa.large_string())


def _arrow_table(df: pd.DataFrame, columns: list[str], nullable: bool = True) -> Any:
    """``df[columns]`` as an Arrow table with an explicit schema (no pandas metadata).

    ``nullable=False`` declares every column required (parquet then stores no
    definition levels); a missing value in such a table is a bug and raises.
    """
    import pyarrow as pa

    arrays = [_arrow_column(df[c]) for c in columns]
    if not nullable:
        missing = [c for c, a in zip(columns, arrays, strict=True) if a.null_count]
        if missing:
            raise ValueError(f"missing values in required column(s): {', '.join(missing)}")
    fields = [pa.field(c, a.type, nullable=nullable) for c, a in zip(columns, arrays, strict=True)]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


#: Columns with min/max statistics in the parquet files (what readers filter on);
#: statistics of distinct-per-row text (ids, inputs) cost time and help no filter.
_STATISTICS = ["boundaries", "geo_level", "geo_code", "province_2025", "as_of", "indicator",
               "source_id", "check", "status"]


def _parquet_options(table: Any) -> dict[str, Any]:
    """Writer options: zstd, statistics on the key columns, no stored Arrow schema.

    Dictionary pages only for repeated text (categoricals arrive dictionary-encoded);
    trying a dictionary on floats and per-row ids costs time for nothing. Floats are
    stored byte-stream-split (their bytes grouped by position before zstd): on the
    derived table's values and bounds that compresses a third faster for files ~10 %
    larger. Rows reach the encoders 65,536 at a time instead of 1,024 (a seventh less
    CPU on the derived table; pages then close at batch ends, slightly above 1 MB).
    """
    import pyarrow as pa

    names = table.column_names
    dictionary = [f.name for f in table.schema if pa.types.is_dictionary(f.type)]
    floats = [f.name for f in table.schema if pa.types.is_floating(f.type)]
    return {"compression": "zstd", "store_schema": False,
            "use_dictionary": dictionary, "use_byte_stream_split": floats,
            "write_batch_size": 65_536,
            "write_statistics": [c for c in _STATISTICS if c in names]}


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write the observations table (columns :data:`COLUMNS`, none nullable)."""
    _write_parquet_table(df, path, COLUMNS, nullable=False)


class _TableSink:
    """Write a table that arrives in parts to parquet (and optionally CSV).

    A background thread converts and writes each part while the caller computes the
    next (Arrow conversion, compression and file writes release the GIL); a bounded
    queue keeps at most two parts waiting. Files appear under their final names only
    when :meth:`close` succeeds.
    """

    def __init__(self, columns: list[str], parquet: Path, csv_path: Path | None,
                 nullable: bool = True) -> None:
        import queue
        import threading

        self.columns, self.rows, self.nullable = columns, 0, nullable
        self.cpu_s = 0.0  # CPU seconds of the writer thread
        self._paths = [p for p in (parquet, csv_path) if p is not None]
        for p in self._paths:
            p.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = {p: p.with_name(f".{p.name}.{os.getpid()}.tmp") for p in self._paths}
        self._parquet, self._csv = parquet, csv_path
        self._queue: queue.Queue[pd.DataFrame | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"write {parquet.name}",
                                        daemon=True)
        self._thread.start()

    def put(self, part: pd.DataFrame) -> None:
        """Queue one part (rows in final order) for writing."""
        if self._error is not None:
            self._finish(abort=True)
        self.rows += len(part)
        self._queue.put(part[self.columns])

    def close(self) -> None:
        """Write the queued parts, then move the files into place."""
        self._finish(abort=False)

    def abort(self) -> None:
        """Stop and remove the temporary files (after an error elsewhere)."""
        try:
            self._finish(abort=True)
        except BaseException:  # the caller is already handling an error
            pass

    def _finish(self, abort: bool) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None or abort:
            for tmp in self._tmp.values():
                tmp.unlink(missing_ok=True)
            if self._error is not None:
                raise self._error
            return
        for path, tmp in self._tmp.items():
            os.replace(tmp, path)

    def _run(self) -> None:
        import time

        import pyarrow.parquet as pq

        writer, fh, empty = None, None, None
        cpu0 = time.thread_time()

        def write(part: pd.DataFrame) -> None:
            nonlocal writer, fh
            table = _arrow_table(part, self.columns, self.nullable)
            if writer is None:
                writer = pq.ParquetWriter(self._tmp[self._parquet], table.schema,
                                          **_parquet_options(table))
            elif table.schema != writer.schema:
                table = table.cast(writer.schema)  # e.g. a str column of one part
            writer.write_table(table)
            if self._csv is not None:
                first = fh is None
                if first:
                    fh = open(self._tmp[self._csv], "wb")  # closed in finally
                _write_csv_part(part, fh, header=first)

        try:
            while (part := self._queue.get()) is not None:
                if self._error is not None:
                    continue  # drain: the producer learns of the error on its next put
                if len(part):
                    write(part)
                else:
                    empty = part  # written only if no part has rows (the file's schema)
            if writer is None and self._error is None:
                write(empty if empty is not None else pd.DataFrame(columns=self.columns))
        except BaseException as exc:  # re-raised in the caller's thread
            self._error = exc
            while self._queue.get() is not None:
                pass
        finally:
            if writer is not None:
                writer.close()
            if fh is not None:
                fh.close()
            self.cpu_s = time.thread_time() - cpu0


#: Observations per chunk of the metrics on a big table: derive and check one group of
#: whole places at a time (every rule and check pairs figures of one place), so the
#: derived table (about twice the observations) never sits in memory at once.
METRICS_CHUNK_ROWS = 400_000
#: CSV copies of the processed tables are written by default only while the
#: observations fit a spreadsheet (Excel stops at 1,048,576 rows); parquet always.
CSV_MAX_ROWS = 1_000_000


def _unit_chunks(obs: pd.DataFrame, target_rows: int) -> list[np.ndarray]:
    """Row positions of ``obs`` in groups of whole places (about ``target_rows`` each).

    Places are taken in the derived table's order (boundaries, geo_level, geo_code),
    so the parts, written one after the other, form the table :func:`metrics.derive`
    returns for all rows.
    """
    if not len(obs):
        return [np.arange(0)]
    # One integer per place that orders like (boundaries, geo_level, geo_code).
    place = ["boundaries", "geo_level", "geo_code"]
    key = radix_key([_sort_codes(obs[c]).astype(np.int64) + 1  # missing (-1) first
                     for c in place])
    if key is None:  # beyond 62 bits of codes: let pandas number the places
        unit = obs.groupby(place, sort=True, observed=True).ngroup().to_numpy()
    elif (key[1:] >= key[:-1]).all():  # grouped by place already (a sorted panel): O(n)
        unit = np.r_[0, np.cumsum(key[1:] != key[:-1])]
    else:
        unit = np.unique(key, return_inverse=True)[1].ravel()
    counts = np.bincount(unit)
    chunk = ((np.cumsum(counts) - counts) // max(int(target_rows), 1))[unit]
    if chunk.max() == 0:
        return [np.arange(len(obs))]
    if (np.diff(chunk) >= 0).all():
        # Rows already grouped in chunk order (a sorted table): contiguous ranges,
        # which callers can slice without copying.
        edges = np.searchsorted(chunk, np.arange(int(chunk.max()) + 2))
        return [np.arange(lo, hi) for lo, hi in zip(edges[:-1], edges[1:], strict=True)
                if hi > lo]
    order = np.argsort(chunk, kind="stable")
    edges = np.searchsorted(chunk[order], np.arange(int(chunk.max()) + 2))
    return [order[lo:hi] for lo, hi in zip(edges[:-1], edges[1:], strict=True) if hi > lo]


#: Threads computing the metrics of place groups at once. Most of the work is NumPy,
#: Arrow and pandas' hash joins, which release the GIL: two threads on two cores do a
#: big table's metrics ~1.4x faster (results are consumed in order, so the output is
#: the same bytes whatever the number).
METRICS_THREADS = max(1, min(2, os.cpu_count() or 1))


def _metrics(obs: pd.DataFrame, sink: _TableSink | None, timings: dict[str, float]
             ) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """Derived figures and consistency checks, place group by place group.

    With a ``sink`` each part of the derived table goes to it (in place order) and,
    when there is more than one part, the derived table is not kept (``None`` is
    returned for it). At most :data:`METRICS_THREADS` parts are computed at once.
    """
    import time
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    from . import metrics

    chunks = _unit_chunks(obs, METRICS_CHUNK_ROWS) if sink is not None else \
        [np.arange(len(obs))]

    def part_of(pos: np.ndarray) -> pd.DataFrame:
        if len(pos) == len(obs):
            return obs
        if len(pos) and pos[-1] - pos[0] == len(pos) - 1:
            return obs.iloc[pos[0]:pos[-1] + 1]  # a contiguous range: a view, no copy
        return obs.take(pos)

    derived_parts, checks = [], []

    def consume(future: Future) -> None:
        d, c = future.result()
        checks.append(c)
        if sink is not None:
            sink.put(d)
        if sink is None or len(chunks) == 1:
            derived_parts.append(d)

    t0 = time.perf_counter()
    workers = min(METRICS_THREADS, len(chunks))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="metrics") as pool:
        pending: deque[Future] = deque()
        for pos in chunks:
            pending.append(pool.submit(metrics.derive_and_check, part_of(pos)))
            if len(pending) >= workers:  # bounded: at most `workers` parts in memory
                consume(pending.popleft())
        while pending:
            consume(pending.popleft())
    timings["metrics_s"] = timings.get("metrics_s", 0.0) + time.perf_counter() - t0
    derived = derived_parts[0] if len(derived_parts) == 1 else None
    # Parts are in place order and each is sorted: their concatenation is sorted.
    # (Parts without checks are left out: their empty columns have no dtype to keep.)
    found = [c for c in checks if len(c)]
    consistency = (checks[0] if len(found) == 0 else found[0] if len(found) == 1
                   else pd.concat(found, ignore_index=True))
    return derived, consistency


def _write_parquet_table(df: pd.DataFrame, path: Path, columns: list[str] | None = None,
                         nullable: bool = True) -> None:
    """Write a processed table as parquet: explicit schema, no pandas or Arrow
    metadata, byte-stable (``columns``: default all, in order)."""
    import pyarrow.parquet as pq

    table = _arrow_table(df, list(df.columns) if columns is None else columns, nullable)

    def write(tmp: Path) -> None:
        pq.write_table(table, tmp, **_parquet_options(table))
    _atomic_write(path, write)


def write_processed(result: BuildResult, csv: str = "auto") -> BuildResult:
    """Compute the metrics of a built table and write every processed file.

    Writes ``observations.parquet``, ``derived.parquet``, ``consistency.parquet`` and
    ``rejected.csv``, plus CSV copies of the first three when ``csv`` is ``"always"``,
    or ``"auto"`` and the table has at most :data:`CSV_MAX_ROWS` rows. The metrics run
    in groups of places (:data:`METRICS_CHUNK_ROWS`) while a background thread writes
    the observations and each finished part of the derived table.

    Parameters
    ----------
    result : BuildResult
        Validated, sorted observations and rejects (``derived``/``consistency`` are
        filled in).
    csv : {"auto", "always", "never"}
        CSV copies.

    Returns
    -------
    BuildResult
        ``result``, with ``derived`` (``None`` when it was written in parts),
        ``derived_rows``, ``consistency``, ``timings`` and ``written``.
    """
    import threading
    import time

    from . import metrics

    if csv not in ("auto", "always", "never"):
        raise ValueError(f"csv must be auto, always or never, not {csv!r}")
    obs, timings = result.observations, result.timings
    with_csv = csv == "always" or (csv == "auto" and len(obs) <= CSV_MAX_ROWS)
    config.ensure_dirs()
    csv_paths = [config.observations_csv(), config.derived_csv(), config.consistency_csv()]
    if not with_csv:
        for p in csv_paths:
            p.unlink(missing_ok=True)  # never leave a stale copy beside new data
        if csv == "auto":
            result.warnings.append(
                f"{len(obs):,} observations: CSV copies not written (more than "
                f"{CSV_MAX_ROWS:,} rows, beyond a spreadsheet); the tables are in "
                "data/processed/*.parquet (use --csv always to force them)")
    errors: list[BaseException] = []

    def write_observations() -> None:
        try:
            t0, cpu0 = time.perf_counter(), time.thread_time()
            _write_parquet(obs, config.observations_parquet())
            if with_csv:
                _write_csv(obs, config.observations_csv())
            timings["write_observations_s"] = time.perf_counter() - t0
            timings["observations_writer_cpu_s"] = time.thread_time() - cpu0
        except BaseException as exc:  # re-raised below
            errors.append(exc)

    writer = threading.Thread(target=write_observations, name="write observations")
    writer.start()
    # Derived rows are complete by construction (text filled with ""): required
    # columns, so the parquet pages carry no definition levels.
    sink = _TableSink(metrics.DERIVED_COLUMNS, config.derived_parquet(),
                      config.derived_csv() if with_csv else None, nullable=False)
    try:
        result.derived, result.consistency = _metrics(obs, sink, timings)
        t0 = time.perf_counter()
        sink.close()
        timings["wait_derived_writer_s"] = time.perf_counter() - t0
        timings["derived_writer_cpu_s"] = sink.cpu_s
    except BaseException:
        sink.abort()
        writer.join()
        raise
    result.derived_rows = sink.rows
    if result.derived is None:
        result.warnings.append(
            f"derived table ({sink.rows:,} rows) written in parts and not kept in memory: "
            f"read {config.derived_parquet().name} (metrics.derive on a subset gives the "
            "same rows)")
    _write_parquet_table(result.consistency, config.consistency_parquet())
    if with_csv:
        _write_csv(result.consistency, config.consistency_csv())
    _write_csv(result.rejected, config.rejected_csv())
    t0 = time.perf_counter()
    writer.join()
    timings["wait_observations_writer_s"] = time.perf_counter() - t0
    if errors:
        raise errors[0]
    result.written += [config.observations_parquet(), config.derived_parquet(),
                       config.consistency_parquet(), config.rejected_csv()]
    if with_csv:
        result.written += csv_paths
    return result


def curated_files() -> list[Path]:
    """Return the curated observation files (``data/raw/curated/observations_*.csv``)."""
    return sorted((config.raw_dir() / "curated").glob("observations_*.csv"))


def build(write: bool = True, *, registry: Any = None, verify: bool = True,
          csv: str = "auto") -> BuildResult:
    """Build the observations table from the raw folder.

    Steps: verify raw checksums (:func:`bhxh_analysis.rawdata.verify_checksums`);
    read the curated files, parse values (:func:`clean.parse_quantity`, with the
    row's ``number_format``), check the parsed unit against ``unit``, parse ``as_of``
    and compare it with ``as_of_raw``, resolve places (``place_raw`` within
    ``parent_raw``); add the GSO rows; validate the whole table with
    :func:`observations_schema`; sort; write; run the metrics.

    Every failure becomes a row of ``rejected`` with ``file`` (path under
    ``data/raw``), ``row`` (1-based line number in that file counting the header, so
    the first data row of a curated CSV is row 2), ``column``, ``value`` (as printed)
    and ``reason``; the row's other figures are not used, all other rows are kept.

    Parameters
    ----------
    write : bool
        Write ``observations.parquet``, ``observations.csv``, ``rejected.csv`` (always,
        header only when empty) and, when metrics are available, ``derived.csv`` and
        ``consistency.csv`` to ``config.processed_dir()``.
    registry : geo.Registry or None
        Geography registry (default :func:`geo.get_registry`).
    verify : bool
        Verify raw checksums first (default; disable only in tests of other steps).
    csv : {"auto", "always", "never"}
        CSV copies of the processed tables (see :func:`write_processed`); parquet
        files are always written.

    Returns
    -------
    BuildResult

    Raises
    ------
    bhxh_analysis.rawdata.RawDataError
        A raw file changed silently or lacks its sidecar (nothing is written).
    """
    with _build_context():
        return _build(write, registry, verify, csv)


@contextmanager
def _build_context() -> Iterator[bool]:
    """What :func:`build` runs inside (the build benchmark uses it too).

    Freed memory reused and cycles collected rarely (:func:`memory.batch_memory`, for
    a big table), ``obs_id`` hashed once for validation and the derived ids
    (:func:`textops.hash_memo`), pandera imported while the data are read
    (:func:`_prefetch_validator`). Yields whether glibc was tuned.
    """
    from .memory import batch_memory
    from .textops import hash_memo

    with batch_memory() as tuned, hash_memo():
        _prefetch_validator()
        yield tuned


def _build(write: bool, registry: Any, verify: bool, csv: str) -> BuildResult:
    """:func:`build`'s steps."""
    from .rawdata import verify_checksums

    if verify:
        verify_checksums(raise_on_error=True)
    if registry is None:
        from .geo import get_registry

        registry = get_registry()
    registry = _CachedResolver(registry)
    sources = load_sources()

    frames: list[pd.DataFrame] = []
    rejects: list[pd.DataFrame] = []
    raw = config.raw_dir()
    for path in curated_files():
        obs, rej = _curated_frame(path, path.relative_to(raw).as_posix(), registry)
        frames.append(obs.assign(_rank=-1))  # -1: curated, never deduplicated
        rejects.append(rej)
    for rank, spec in enumerate(GSO_SPECS):
        obs, rej = _gso_frame(spec, registry)
        frames.append(obs.assign(_rank=rank))
        rejects.append(rej)
    frames = [f for f in frames if len(f)]
    if not frames:
        raise RuntimeError(f"no observations at all under {raw}")
    obs = pd.concat(frames, ignore_index=True)
    # Overlapping GSO publications: keep the newest (lowest rank) figure.
    ranked = obs[obs["_rank"] >= 0].sort_values("_rank", kind="mergesort")
    dup = ranked.duplicated(["indicator", "boundaries", "geo_code", "as_of"], keep="first")
    obs = obs.drop(index=ranked.index[dup]).reset_index(drop=True)
    obs, rej = _validate(_finalise_dtypes(obs), sources)
    rejects.append(rej)

    # Rejected rows may leave unused categories: drop them so equal tables compare equal.
    observations = _sort(_finalise_dtypes(obs[COLUMNS]) if len(rej) else obs[COLUMNS])
    rejected = pd.concat([r for r in rejects if len(r)] or [_empty_rejects()],
                         ignore_index=True)
    rejected = rejected.astype({"row": "int64"}).astype(
        {c: "str" for c in REJECTED_COLUMNS if c != "row"})
    rejected = rejected.sort_values(["file", "row", "column", "reason"], kind="mergesort")
    rejected = rejected.drop_duplicates().reset_index(drop=True)

    result = BuildResult(observations, rejected)
    if write:
        write_processed(result, csv=csv)
    else:
        result.derived, result.consistency = _metrics(observations, None, result.timings)
        result.derived_rows = len(result.derived) if result.derived is not None else 0
    return result


# ------------------------------------------------------------------------- load


def _raw_is_newer(target: Path) -> bool:
    if not target.is_file():
        return True
    stamp = target.stat().st_mtime
    raw = config.raw_dir()
    return any(p.stat().st_mtime > stamp for p in raw.rglob("*") if p.is_file())


def _to_frame(df: pd.DataFrame) -> pd.DataFrame:
    df = df.reindex(columns=COLUMNS)
    for c in STR_COLUMNS:
        df[c] = fill_text(df[c])
    df["as_of"] = pd.to_datetime(df["as_of"]).astype("datetime64[ns]")
    return _finalise_dtypes(df)


def read_observations_parquet(path: str | Path | None = None) -> pd.DataFrame:
    """Read an observations parquet file with the table's dtypes.

    The repeated text columns are read dictionary-encoded straight into categoricals,
    so a table of millions of rows never holds millions of Python or Arrow strings
    for them.

    Parameters
    ----------
    path : str or pathlib.Path or None
        Default ``data/processed/observations.parquet``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS` with the dtypes of
        ``load_observations(categories=True)`` (repeated text as ``category``; use
        :func:`as_str_columns` for ``str``).
    """
    import pyarrow.parquet as pq

    path = Path(path) if path is not None else config.observations_parquet()
    names = set(pq.read_schema(path).names)
    table = pq.read_table(path, read_dictionary=[c for c in CATEGORY_COLUMNS if c in names])
    if "obs_id" in names and table.column("obs_id").num_chunks > 1:
        # One contiguous array (one copy now): per-row checks, hashes and writers then
        # read it and its slices in place instead of joining the row groups each time.
        i = table.schema.get_field_index("obs_id")
        table = table.set_column(i, table.schema.field(i),
                                 table.column(i).combine_chunks())
    return _to_frame(table.to_pandas(date_as_object=False, split_blocks=True))


def read_observations_csv(path: str | Path | None = None) -> pd.DataFrame:
    """Read ``observations.csv`` with the table's dtypes (codes stay text: ``01``)."""
    path = Path(path) if path is not None else config.observations_csv()
    df = pd.read_csv(path, dtype={c: "str" for c in STR_COLUMNS}, keep_default_na=False,
                     na_values={"value": [""]})
    df["preliminary"] = df["preliminary"].astype("str").str.lower().eq("true")
    return as_str_columns(_to_frame(df))


def as_str_columns(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with categorical text columns as ``str`` (how most code handles text)."""
    cats = {c: df[c].astype("str") for c in df.columns
            if isinstance(df[c].dtype, pd.CategoricalDtype)}
    return df.assign(**cats) if cats else df


def load_observations(rebuild: bool | None = None, *, categories: bool = False
                      ) -> pd.DataFrame:
    """Return the tidy observations table, rebuilding it when raw data are newer.

    Parameters
    ----------
    rebuild : bool or None
        ``True`` always rebuilds; ``False`` never does (raises when the table is
        missing); ``None`` rebuilds when ``observations.parquet`` is missing or any file
        under ``data/raw`` is newer than it.
    categories : bool
        Keep the repeated text columns (:data:`CATEGORY_COLUMNS`) as ``category``, as
        the build holds them: about a quarter of the memory on a big table. Default:
        ``str``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`; ``as_of`` datetime64[ns], ``value`` float64,
        ``preliminary`` bool, text ``str`` (or ``category`` with sorted ``str``
        categories, see ``categories``).

    Raises
    ------
    FileNotFoundError
        ``rebuild=False`` and the table has not been built.
    """
    path = config.observations_parquet()
    if rebuild is None:
        rebuild = _raw_is_newer(path)
    if rebuild:
        result = build(write=True)
        if not result.ok:
            import warnings

            warnings.warn(f"{len(result.rejected)} raw rows or cells were rejected by the "
                          f"build; see {config.rejected_csv()}", stacklevel=2)
        obs = result.observations
    elif not path.is_file():
        raise FileNotFoundError(f"{path} not found: run `bhxh data build`")
    else:
        obs = read_observations_parquet(path)
    return obs if categories else as_str_columns(obs)
