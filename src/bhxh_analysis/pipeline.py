"""The build: read → resolve places → validate → derive → check → write, as one set.

:func:`build` turns ``data/raw`` into the processed tables of ``data/processed``:
``observations``, ``derived`` and ``consistency`` (parquet, and CSV copies while they
fit a spreadsheet) and ``rejected.csv`` (every row or cell not used, with ``file, row,
column, value, reason``). It is the only module that imports both the observations
side (``sources``, ``schema``) and :mod:`bhxh_analysis.metrics`.

Rules (documented for users in ``docs/build.md``):

* the raw folder must hold exactly the inputs ``data/raw/MANIFEST.yml`` lists, each
  with a sidecar whose sha256 matches (:func:`rawdata.verify_checksums`);
* ``row`` in ``rejected.csv`` is the 1-based line in the file, counting the header;
* curated rows dated before 2025-07-01 resolve in the legacy boundaries, later rows in
  the 2025 boundaries; GSO rows are legacy; where GSO publications overlap the newest
  wins;
* places are resolved before validation because the schema checks resolved codes;
* a count above the place's population (labour force for BHXH/BHTN) of that time, with
  a tolerance, is rejected naming the bound and the population used
  (:func:`check_counts`, the bounds of ``data check``);
* a row whose note or printed value names another scheme of its family than its
  indicator (compulsory BHXH beside a total-BHXH indicator) is kept with a warning
  naming file, row and both readings (:func:`scheme_notes`, as ``data check``);
* rows are sorted by (boundaries, geo_code, indicator, as_of, obs_id); floats are
  written ``%.15g``: two builds give identical bytes;
* the tables are published as a set (:func:`io.publish`): a reader never sees the new
  observations beside the old derived figures.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import config, io
from .schema import (
    CHECK_COLUMNS,
    LEVEL_RANK,
    OBSERVATION_COLUMNS,
    REJECTED_COLUMNS,
    UNIT_KEY,
    enforce_dtypes,
    is_unique,
    observations_schema,
    rejects,
)
from .sources import curated, gso

__all__ = ["CSV_MAX_ROWS", "PLACE_GROUP_ROWS", "BuildResult", "build", "check_counts",
           "derive_and_write", "place_groups", "resolve_places", "scheme_notes", "tidy",
           "validate", "write_tables"]

#: CSV copies are written by default only while the observations fit a spreadsheet
#: (Excel stops at 1,048,576 rows); parquet always.
CSV_MAX_ROWS = 1_000_000
#: Sort order of the observations table.
SORT_KEY = ["boundaries", "geo_code", "indicator", "as_of", "obs_id"]
#: Observations per group of places for the metrics of a big table. Every rule and check
#: pairs figures of one place, so groups of whole places (in the metrics' place order)
#: give exactly the one-pass tables, and the derived table — about twice the
#: observations — is written group by group instead of held in memory.
PLACE_GROUP_ROWS = 400_000
#: Rows validated at once by pandera (bounds its working memory on a big table).
VALIDATE_ROWS = 1_000_000


@dataclass
class BuildResult:
    """What :func:`build` produced.

    Attributes
    ----------
    observations, rejected, derived, consistency : pandas.DataFrame
        The tables (``rejected``: ``file, row, column, value, reason``). ``derived``
        is ``None`` when a big table's derived figures were written group by group
        (read ``derived.parquet``; :data:`PLACE_GROUP_ROWS`).
    warnings : list of str
        Non-fatal notes (e.g. CSV copies skipped for a big table).
    written : list of Path
        Files written (empty with ``write=False``).
    build_id : str
        Id of the published set ("" with ``write=False``).
    """

    observations: pd.DataFrame
    rejected: pd.DataFrame
    derived: pd.DataFrame | None = None
    consistency: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    build_id: str = ""
    derived_count: int = 0

    @property
    def ok(self) -> bool:
        """True when no raw row was rejected (the CLI exits 0)."""
        return self.rejected.empty

    @property
    def derived_rows(self) -> int:
        """Rows of the derived table (also when it was written group by group)."""
        return self.derived_count if self.derived is None else len(self.derived)

    @property
    def curated_errors(self) -> pd.DataFrame:
        """Rejected rows coming from the curated files."""
        return self.rejected[self.rejected["file"].str.startswith("curated/")]


# ------------------------------------------------------------------ resolve


def _reform_ambiguity(registry: Any, place: str, parent: str, unit: Any) -> str:
    """Why a 2025-boundaries name must not be taken as ``unit`` ("" when it may).

    Many 2025 wards carry the name of a larger legacy unit ("Kon Tum", "Đức Trọng"): a
    figure dated after the reform naming one is far more likely about the old area, so
    it is refused rather than attached to the smaller unit (as ``bhxh data check``).
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


def resolve_places(frame: pd.DataFrame, registry: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Resolve ``place`` within ``parent`` and ``boundaries``, once per distinct place.

    Returns the rows with ``geo_code, geo_name, geo_level, boundaries, province_2025,
    province_code`` (rows whose place fails keep empty codes) and a rejected cell for
    each of those.

    Examples
    --------
    >>> from bhxh_analysis.geo import get_registry
    >>> frame = pd.DataFrame({
    ...     "place": ["Lâm Đồng", "Đà Lạt", "Atlantis"], "parent": ["", "Lâm Đồng", ""],
    ...     "boundaries": "legacy", "geo_name_raw": ["Lâm Đồng", "Đà Lạt", "Atlantis"],
    ...     "_file": "curated/x.csv", "_row": [2, 3, 4], "_place_column": "place_raw"})
    >>> resolved, rejected = resolve_places(frame, get_registry())
    >>> resolved[["geo_code", "geo_name", "geo_level"]].values.tolist()
    [['68', 'Lâm Đồng', 'province'], ['672', 'Đà Lạt', 'district'], ['', '', '']]
    >>> rejected[["row", "column", "value"]].values.tolist()
    [[4, 'place_raw', 'Atlantis']]
    """
    from .geo import GeoError

    keys = frame[["place", "parent", "boundaries"]].drop_duplicates()
    found = []
    for place, parent, bnd in keys.itertuples(index=False):
        try:
            u = registry.resolve(place, parent=parent or None, boundaries=bnd)
            err = _reform_ambiguity(registry, place, parent, u) if bnd == "2025" else ""
        except GeoError as exc:
            u, err = None, str(exc)
        unit = ("", "", "", "", "", "") if err else (
            u.code, u.name, u.level, u.boundaries, u.province_2025_name, u.province_code or "")
        found.append((place, parent, bnd, *unit, err))
    table = pd.DataFrame(found, dtype="str", columns=[
        "place", "parent", "boundaries", "geo_code", "geo_name", "geo_level",
        "geo_boundaries", "province_2025", "province_code", "geo_error"])
    out = frame.merge(table, on=["place", "parent", "boundaries"], how="left", validate="m:1")
    bad = out["geo_error"].ne("") & out["place"].ne("")
    rej = rejects(out.loc[bad, "_file"], out.loc[bad, "_row"], out.loc[bad, "_place_column"],
                  out.loc[bad, "geo_name_raw"], out.loc[bad, "geo_error"])
    out = out.drop(columns=["boundaries"]).rename(columns={"geo_boundaries": "boundaries"})
    return out, rej


# ------------------------------------------------------------------ plausibility


def check_counts(obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reject count rows above the people who could hold them (:mod:`plausibility`).

    The bound is the place's population of that time (the labour force for BHXH and
    BHTN where known; a district or commune is bounded by its province), from the GSO
    rows of the same build, with a tolerance growing with the years between the figure
    and the denominator (:func:`plausibility.count_bounds`). The rejected cell is
    ``value_raw`` and the reason names the bound and the population used.

    Examples
    --------
    >>> obs = pd.DataFrame({
    ...     "obs_id": ["p", "x"], "source_id": "s", "geo_code": "68", "geo_name": "Lâm Đồng",
    ...     "geo_level": "province", "boundaries": "legacy", "province_2025": "Lâm Đồng",
    ...     "as_of": pd.to_datetime(["2022-07-01", "2022-12-31"]),
    ...     "indicator": ["population", "bhyt_participants"], "value": [1_332_530.0, 2e9],
    ...     "unit": "persons", "value_raw": ["1.332.530", "2.000.000.000"], "note": "",
    ...     "_file": "curated/x.csv", "_row": [2, 3]})
    >>> kept, rejected = check_counts(obs)
    >>> len(kept), rejected["row"].tolist()
    (1, [3])
    >>> "population of Lâm Đồng 1,332,530 in 2022" in rejected["reason"].iloc[0]
    True
    """
    from . import plausibility
    from .clean import value_kind

    positive = obs["value"].gt(0) & obs["unit"].ne("pct")
    count = positive & value_kind(obs["indicator"]).eq("count")
    if not count.any():
        return obs, rejects("", [], "", [], "")
    rows = obs[count]
    province_code = (rows["province_code"] if "province_code" in rows
                     else pd.Series("", index=rows.index))
    rows = rows.assign(province_code=province_code.fillna("").astype("str"))
    lim = plausibility.count_bounds(rows, plausibility.denominators(obs))
    over = rows["value"] > lim["bound"]
    bad = rows[over]
    if bad.empty:
        return obs, rejects("", [], "", [], "")
    reason = ("count " + bad["value"].map("{:,.0f}".format) + " is more than the "
              + lim.loc[over, "basis"])
    rej = rejects(bad["_file"], bad["_row"], "value_raw", bad["value_raw"], reason)
    return obs.drop(index=bad.index), rej


# ------------------------------------------------------------------ validate


def validate(obs: pd.DataFrame, sources: pd.DataFrame, today: _dt.date | None = None
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate with pandera (lazy); rows failing a check move to the rejected cells.

    A table of more than :data:`VALIDATE_ROWS` rows is validated slice by slice.
    Each pandera failure case is mapped to the row's ``file`` and ``row`` (from the
    ``_file``/``_row`` columns) and to the column it concerns (a table-level check
    names :data:`schema.CHECK_COLUMNS`).

    Examples
    --------
    >>> from bhxh_analysis.simulate import simulate_panel
    >>> obs = simulate_panel(n_places=1, years=[2023], schemes=["bhyt"], plans=False).head(3)
    >>> obs = obs.assign(geo_code="68", _file="curated/x.csv", _row=[2, 3, 4])
    >>> obs.loc[1, "value"] = -5.0
    >>> sources = pd.DataFrame({"source_id": ["synthetic"], "published_end": [pd.NaT]})
    >>> kept, rejected = validate(obs, sources)
    >>> len(kept), rejected[["file", "row", "column", "value"]].values.tolist()
    (2, [['curated/x.csv', 3, 'value', '-5.0']])
    >>> rejected["reason"].iloc[0]
    'negative value (only change, shortfall and growth indicators may be negative)'
    """
    import pandera.pandas as pa

    published = dict(zip(sources["source_id"], sources["published_end"], strict=True))
    # In slices, obs_id must be unique across them: checked once on the whole column.
    schema = observations_schema(published, today, unique_ids=len(obs) <= VALIDATE_ROWS)
    found = []
    # A big table in slices of rows (pandera's working memory grows with the rows it
    # checks).
    for start in range(0, len(obs), VALIDATE_ROWS):
        try:
            schema.validate(obs.iloc[start:start + VALIDATE_ROWS][OBSERVATION_COLUMNS],
                            lazy=True)
        except pa.errors.SchemaErrors as exc:
            found.append(exc.failure_cases.dropna(subset=["index"]))
    if len(obs) > VALIDATE_ROWS:
        twice = obs["obs_id"][~is_unique(obs["obs_id"])]
        found.append(pd.DataFrame({"schema_context": "Column", "column": "obs_id",
                                   "check": "duplicate obs_id", "failure_case": twice,
                                   "index": twice.index}))
    if not any(len(f) for f in found):
        return obs, rejects("", [], "", [], "")
    fc = pd.concat(found, ignore_index=True)
    fc = fc.assign(index=fc["index"].astype("int64"))
    # A table-level check lists every column of a failing row: keep the one it is about.
    about = {chk.error: CHECK_COLUMNS[chk.name] for chk in schema.checks}
    fc = fc[fc["schema_context"].ne("DataFrameSchema") | fc["column"].eq(fc["check"].map(about))]
    reason = fc["check"].astype("str").replace({"field_uniqueness": "duplicate obs_id"})
    rows = obs.loc[fc["index"]]
    value = fc["failure_case"].astype("str").str.replace(r" 00:00:00$", "", regex=True)
    rej = rejects(rows["_file"].to_numpy(), rows["_row"].to_numpy(), fc["column"].to_numpy(),
                  value.to_numpy(), reason.to_numpy())
    return obs.drop(index=fc["index"].unique()), rej


# ------------------------------------------------------------------ the steps


def _read(registry: Any) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """Read every input the manifest lists; resolve curated places; drop overlaps."""
    from .rawdata import read_manifest

    raw, manifest = config.raw_dir(), read_manifest()
    frames, errors = [], []
    files = sorted(p for p, kind in manifest.items() if kind == "curated")
    rows, rej = curated.read_many([(raw / rel, rel) for rel in files]) if files else (
        pd.DataFrame(), None)
    if len(rows):  # every curated place resolved once, then rows with a problem dropped
        rows, bad_place = resolve_places(rows, registry)
        rej = pd.concat([rej, bad_place], ignore_index=True)
        bad = pd.MultiIndex.from_frame(rej[["file", "row"]].astype({"row": "int64"}))
        rows = rows[~pd.MultiIndex.from_arrays([rows["_file"], rows["_row"]]).isin(bad)]
        frames.append(rows.assign(_rank=-1))  # -1: curated, never deduplicated
    if rej is not None:
        errors.append(rej)
    listed = {p for p, kind in manifest.items() if kind == "gso"}
    errors += [rejects(p, [1], "(file)", "", "GSO export without a reading specification "
                       "(sources/gso.py SPECS)")
               for p in sorted(listed - {s.file for s in gso.SPECS})]
    for rank, spec in enumerate(s for s in gso.SPECS if s.file in listed):
        rows, rej = gso.read(spec, registry)
        frames.append(rows.assign(_rank=rank))
        errors.append(rej)
    frames = [f for f in frames if len(f)]
    if not frames:
        raise RuntimeError(f"no observations at all under {raw}")
    obs = pd.concat(frames, ignore_index=True)
    # Overlapping GSO publications: keep the newest (lowest rank) figure.
    ranked = obs[obs["_rank"] >= 0].sort_values("_rank", kind="stable")
    dup = ranked.duplicated(["indicator", "boundaries", "geo_code", "as_of"], keep="first")
    return obs.drop(index=ranked.index[dup]).reset_index(drop=True), errors


def tidy(obs: pd.DataFrame, errors: list[pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the observations in their order and dtypes, and the rejected cells sorted.

    Examples
    --------
    >>> from bhxh_analysis.simulate import simulate_panel
    >>> panel = simulate_panel(n_places=2, years=[2023], schemes=["bhyt"], plans=False)
    >>> observations, rejected = tidy(panel.sample(frac=1, random_state=0), [])
    >>> observations.equals(panel), len(rejected), list(rejected.columns)
    (True, 0, ['file', 'row', 'column', 'value', 'reason'])
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    observations = enforce_dtypes(obs[OBSERVATION_COLUMNS])
    # pyarrow sorts the text keys in C++ (a stable multi-key sort, the order of
    # ``sort_values``), several times faster than pandas on millions of rows.
    keys = pa.table({c: pa.array(observations[c]) for c in SORT_KEY})
    order = pc.sort_indices(keys, sort_keys=[(c, "ascending") for c in SORT_KEY]).to_numpy()
    if (order != np.arange(len(order))).any():  # an export in order needs no copy
        observations = observations.take(order)
    observations = observations.reset_index(drop=True)
    found = [e for e in errors if len(e)]
    rejected = pd.concat(found, ignore_index=True) if found else rejects("", [], "", [], "")
    rejected = rejected.astype({"row": "int64"}).astype(
        {c: "str" for c in REJECTED_COLUMNS if c != "row"})
    rejected = rejected.sort_values(["file", "row", "column", "reason"], kind="stable")
    return observations, rejected.drop_duplicates().reset_index(drop=True)


def place_groups(obs: pd.DataFrame, rows: int | None = None) -> list[np.ndarray]:
    """Row positions of ``obs`` in groups of whole places of about ``rows`` rows
    (default :data:`PLACE_GROUP_ROWS`).

    Places are taken in (boundaries, geo_level, geo_code) order, the order of the
    metrics' tables, so the groups' tables laid end to end are the one-pass tables.

    Examples
    --------
    >>> from bhxh_analysis.simulate import simulate_panel
    >>> panel = simulate_panel(n_places=2, years=[2023], schemes=["bhyt"], plans=False)
    >>> [len(rows) for rows in place_groups(panel, rows=12)]  # 12 months of each place
    [12, 12]
    >>> [len(rows) for rows in place_groups(panel)]
    [24]
    """
    place = obs.groupby(UNIT_KEY, sort=True, observed=True).ngroup().to_numpy()
    size = np.bincount(place) if len(place) else np.zeros(0, dtype=int)
    group = ((np.cumsum(size) - size) // max(int(rows or PLACE_GROUP_ROWS), 1))[place]
    order = np.argsort(group, kind="stable")
    edges = np.searchsorted(group[order], np.arange(group.max() + 2 if len(group) else 1))
    return [order[lo:hi] for lo, hi in zip(edges[:-1], edges[1:], strict=True) if hi > lo]


def _metrics_by_group(obs: pd.DataFrame, checks: list[pd.DataFrame]
                      ) -> Iterator[pd.DataFrame]:
    """Yield the derived table group of places by group; collect the checks."""
    from . import metrics

    for rows in place_groups(obs):
        contiguous = rows[-1] - rows[0] == len(rows) - 1  # a sorted table: a plain slice
        part = obs.iloc[rows[0]:rows[-1] + 1] if contiguous else obs.take(rows)
        derived, consistency = metrics.derive_and_check(part)
        checks.append(consistency)
        yield derived


def _concat_checks(checks: list[pd.DataFrame]) -> pd.DataFrame:
    found = [c for c in checks if len(c)]
    return pd.concat(found, ignore_index=True) if found else checks[0]


def write_tables(result: BuildResult, csv: str = "auto") -> BuildResult:
    """Publish the tables of ``result`` as one set (parquet always, CSV copies by ``csv``).

    Fills ``result.written``, ``result.build_id`` and, when CSV copies are skipped,
    ``result.warnings``; returns ``result``.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> from bhxh_analysis.simulate import simulate_panel
    >>> panel = simulate_panel(n_places=1, years=[2023], schemes=["bhyt"])
    >>> result = derive_and_write(BuildResult(panel, rejects("", [], "", [], "")), write=False)
    >>> with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ,
    ...                                                          {config.ENV_VAR: tmp}):
    ...     result = write_tables(result, csv="never")
    ...     sorted(p.name for p in result.written)
    ['consistency.parquet', 'derived.parquet', 'observations.parquet', 'rejected.csv']
    """
    if csv not in ("auto", "always", "never"):
        raise ValueError(f"csv must be auto, always or never, not {csv!r}")
    with_csv = csv == "always" or (csv == "auto" and len(result.observations) <= CSV_MAX_ROWS)
    if csv == "auto" and not with_csv:
        result.warnings.append(
            f"{len(result.observations):,} observations: CSV copies not written (more than "
            f"{CSV_MAX_ROWS:,} rows, beyond a spreadsheet); the tables are in "
            "data/processed/*.parquet (use --csv always to force them)")
    def write_all(folder: Path) -> list[str]:
        def csv_of(path: Path) -> Path | None:
            return folder / path.with_suffix(".csv").name if with_csv else None

        observations = config.observations_parquet()
        tables = {observations: result.observations, config.derived_parquet(): result.derived,
                  config.consistency_parquet(): result.consistency}
        if result.derived is None:  # a big table: metrics group by group, streamed
            # A background thread writes the observations meanwhile (pyarrow encodes
            # without the GIL): the two cores share the build's longest step.
            with ThreadPoolExecutor(max_workers=1) as background:
                written = background.submit(io.write_parquet, result.observations,
                                            folder / observations.name)
                checks: list[pd.DataFrame] = []
                derived = config.derived_parquet()
                result.derived_count = io.write_parquet_parts(
                    _metrics_by_group(result.observations, checks), folder / derived.name,
                    csv_of(derived))
                result.consistency = _concat_checks(checks)
                written.result()
            tables = {config.consistency_parquet(): result.consistency}
            if with_csv:
                io.write_csv(result.observations, csv_of(observations))
        for path, df in tables.items():
            if df is not None:
                io.write_parquet(df, folder / path.name)
                if with_csv:
                    io.write_csv(df, csv_of(path))
        io.write_csv(result.rejected, folder / config.rejected_csv().name)
        return [p.name for p in folder.iterdir()]

    published = io.publish(write_all)
    result.build_id = published.id
    result.written = [config.processed_dir() / n for n in sorted(published.files)]
    return result


def build(write: bool = True, *, registry: Any = None, verify: bool = True,
          csv: str = "auto", today: _dt.date | None = None) -> BuildResult:
    """Build the processed tables from the raw folder.

    Parameters
    ----------
    write : bool
        Publish the tables to ``data/processed`` as one set.
    registry : geo.Registry or None
        Geography registry (default :func:`geo.get_registry`).
    verify : bool
        Check the manifest and the raw checksums first (default; off only in tests of
        other steps).
    csv : {"auto", "always", "never"}
        CSV copies; ``auto`` while the observations have at most :data:`CSV_MAX_ROWS`
        rows.
    today : datetime.date or None
        Reference date for "not in the future" (default: today).

    Returns
    -------
    BuildResult

    Raises
    ------
    bhxh_analysis.rawdata.RawDataError
        An expected raw file is missing, unlisted, or changed silently (nothing is
        written).

    Examples
    --------
    A build of a project holding one curated file (``verify=False``: no sidecars here);
    the unknown place is rejected with its file, row and column:

    >>> import os, tempfile
    >>> from unittest import mock
    >>> from bhxh_analysis.geo import get_registry
    >>> registry = get_registry()  # the administrative lists of this project
    >>> header = ("obs_id,source_id,place_raw,parent_raw,as_of_raw,as_of,indicator,"
    ...           "value_raw,number_format,unit,qualifier,note\\n")
    >>> rows = ['s1-1,s1,Lâm Đồng,,hết năm 2023,2023-12-31,bhyt_coverage_pct,"92,5%",vi,pct,,\\n',
    ...         's1-2,s1,Atlantis,,hết năm 2023,2023-12-31,bhyt_coverage_pct,93%,vi,pct,,\\n']
    >>> with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ,
    ...                                                          {config.ENV_VAR: tmp}):
    ...     raw = config.raw_dir()
    ...     (raw / "curated").mkdir(parents=True)
    ...     _ = (raw / "curated" / "x.csv").write_text(header + "".join(rows), encoding="utf-8")
    ...     _ = (raw / "sources.csv").write_text("source_id,published_date\\ns1,2024-03-01\\n",
    ...                                          encoding="utf-8")
    ...     _ = (raw / "MANIFEST.yml").write_text(
    ...         "files:\\n- {path: curated/x.csv, kind: curated}\\n", encoding="utf-8")
    ...     result = build(registry=registry, verify=False, csv="never")
    ...     sorted(p.name for p in result.written)
    ['consistency.parquet', 'derived.parquet', 'observations.parquet', 'rejected.csv']
    >>> result.observations[["geo_name", "indicator", "value"]].values.tolist()
    [['Lâm Đồng', 'bhyt_coverage_pct', 92.5]]
    >>> result.rejected[["file", "row", "column", "value"]].values.tolist()
    [['curated/x.csv', 3, 'place_raw', 'Atlantis']]
    """
    from .rawdata import verify_checksums

    if write and csv not in ("auto", "always", "never"):
        raise ValueError(f"csv must be auto, always or never, not {csv!r}")
    # -- read
    if verify:
        verify_checksums(raise_on_error=True)
    if registry is None:
        from .geo import get_registry

        registry = get_registry()
    obs, errors = _read(registry)
    # -- validate: counts within the population, then the schema
    obs, implausible = check_counts(obs)
    obs, rej = validate(obs, curated.load_sources(), today)
    notes = scheme_notes(obs)
    observations, rejected = tidy(obs, [*errors, implausible, rej])
    # -- derive, check and write
    return derive_and_write(BuildResult(observations, rejected, warnings=notes), write, csv)


def scheme_notes(obs: pd.DataFrame, limit: int = 30) -> list[str]:
    """Warnings for rows whose note or printed value names another scheme than their
    indicator (:func:`plausibility.scheme_mismatches`): kept, never rejected.

    Each names the raw file and line (``_file``, ``_row``), the indicator's scheme and
    the one the words name; beyond ``limit`` rows one line gives the count.

    Examples
    --------
    >>> obs = pd.DataFrame({"indicator": ["bhxh_attainment_pct"], "value_raw": ["100.3%"],
    ...                     "note": ["Compulsory BHXH vs 2023 target"],
    ...                     "_file": ["curated/x.csv"], "_row": [3]})
    >>> scheme_notes(obs)[0][:66]
    'data/raw/curated/x.csv: row 3: indicator bhxh_attainment_pct reads'
    """
    from .plausibility import mismatch_messages, scheme_mismatches

    found = scheme_mismatches(obs)
    if found.empty:
        return []
    return mismatch_messages(found, "data/raw/" + obs["_file"].astype("str"), obs["_row"],
                             limit)


def derive_and_write(result: BuildResult, write: bool = True, csv: str = "auto"
                     ) -> BuildResult:
    """Derive figures and check consistency (:mod:`metrics`), then publish the set.

    A table of more than :data:`CSV_MAX_ROWS` observations is derived group of places by
    group (:data:`PLACE_GROUP_ROWS` rows each) while ``derived.parquet`` is written
    (``result.derived`` stays ``None``).

    Examples
    --------
    >>> from bhxh_analysis.simulate import simulate_panel
    >>> panel = simulate_panel(n_places=1, years=[2023], schemes=["bhyt"])
    >>> result = derive_and_write(BuildResult(panel, rejects("", [], "", [], "")), write=False)
    >>> sorted(result.derived["indicator"].unique()), result.written
    (['bhyt_attainment_pct', 'bhyt_shortfall_participants'], [])
    """
    from . import metrics

    obs = result.observations
    if len(obs) <= CSV_MAX_ROWS:  # what a spreadsheet holds: one pass
        result.derived, result.consistency = metrics.derive_and_check(obs)
    elif not write:
        checks: list[pd.DataFrame] = []
        result.derived = pd.concat(_metrics_by_group(obs, checks), ignore_index=True)
        result.consistency = _concat_checks(checks)
    # -- write
    return write_tables(result, csv) if write else result
