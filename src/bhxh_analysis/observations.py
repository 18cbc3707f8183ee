"""The tidy tables as a researcher uses them: load them, select from them.

:func:`load_observations`, :func:`load_derived`, :func:`load_consistency` and
:func:`load_targets` read the current build (``data/processed``, published as one set
by :mod:`bhxh_analysis.pipeline`; rebuilt when the raw data are newer) with one dtype
per column on every route: ``as_of`` ``datetime64[ns]``, text ``str``, numbers
``float64`` (``categories=True`` makes repeated text ``category``, the same keyword
everywhere). Each takes the same filters (:func:`select`): ``place``, ``indicator``,
``boundaries``, ``years``. Rows carry ``province`` (the province containing the unit in
its own boundary set: the legacy province of a legacy district or commune) beside
``province_2025``.

The columns of each table are defined in :mod:`bhxh_analysis.schema`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from . import config, io
from .schema import DTYPES, OBSERVATION_COLUMNS, enforce_dtypes

__all__ = [
    "load_consistency",
    "load_derived",
    "load_observations",
    "load_targets",
    "read_observations_csv",
    "read_observations_parquet",
    "select",
]

log = logging.getLogger("bhxh_analysis")

Years = int | Iterable[int] | None
Names = str | Iterable[str] | None


# ------------------------------------------------------------------ the current set


def _raw_is_newer(than: Path) -> bool:
    stamp = than.stat().st_mtime
    return any(p.stat().st_mtime > stamp for p in config.raw_dir().rglob("*") if p.is_file())


def current_set(rebuild: bool | None = None) -> io.BuildSet:
    """Return the current build set, building it first when needed (and saying why).

    Parameters
    ----------
    rebuild : bool or None
        ``True`` always rebuilds; ``False`` never does (raises when there is no
        complete build); ``None`` rebuilds when there is none or a raw file is newer.

    Raises
    ------
    io.ProcessedDataError
        ``rebuild=False`` and no complete build exists.
    """
    found = io.current_build()
    if rebuild is None:
        rebuild = found is None or _raw_is_newer(found.path / io.RECORD)
        if rebuild:
            log.warning("%s: building data/processed first",
                        "no complete build found" if found is None
                        else "raw data are newer than the current build")
    if rebuild:
        from .pipeline import build

        result = build(write=True)
        if not result.ok:
            log.warning("%d raw rows or cells were rejected by the build; see %s",
                        len(result.rejected), config.rejected_csv())
        found = io.current_build(clean=False)
    if found is None:
        raise io.ProcessedDataError(
            f"no complete build in {config.processed_dir()}: run `bhxh data build`")
    return found


# ------------------------------------------------------------------ selecting


def _names(value: Names) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return [str(v).strip().casefold() for v in items]


def select(frame: pd.DataFrame, *, place: Names = None, indicator: Names = None,
           boundaries: str | None = None, years: Years = None) -> pd.DataFrame:
    """Return the rows of a tidy table that match every filter given.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with some of ``geo_name, geo_code, province, province_2025, indicator,
        boundaries, as_of`` (or ``year``).
    place : str or list of str, optional
        Names or codes (case-insensitive): a row matches when its unit, its
        ``province`` or its ``province_2025`` is one of them.
    indicator : str or list of str, optional
        Indicators to keep.
    boundaries : {"legacy", "2025"}, optional
        Boundary set to keep.
    years : int or iterable of int, optional
        Calendar years of ``as_of`` (or ``year``) to keep.

    Returns
    -------
    pandas.DataFrame
        The matching rows, index reset.

    Examples
    --------
    >>> df = pd.DataFrame({"geo_name": ["Lâm Đồng", "Huế"], "indicator": ["population"] * 2,
    ...                    "as_of": pd.to_datetime(["2020-07-01", "2021-07-01"])})
    >>> select(df, place="lâm đồng", years=2020)["geo_name"].tolist()
    ['Lâm Đồng']
    """
    keep = pd.Series(True, index=frame.index)
    places = _names(place)
    if places is not None:
        hit = pd.Series(False, index=frame.index)
        for c in ("geo_name", "geo_code", "province", "province_2025"):
            if c in frame.columns:
                hit |= frame[c].astype("str").str.casefold().isin(places)
        keep &= hit
    wanted = _names(indicator)
    if wanted is not None:
        keep &= frame["indicator"].astype("str").str.casefold().isin(wanted)
    if boundaries is not None and "boundaries" in frame.columns:
        keep &= frame["boundaries"].astype("str").eq(str(boundaries))
    if years is not None:
        ys = [int(years)] if isinstance(years, int) else [int(y) for y in years]
        year = frame["as_of"].dt.year if "as_of" in frame.columns else frame["year"]
        keep &= year.isin(ys)
    return frame[keep].reset_index(drop=True)


def _with_province(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``province`` (the province containing each unit in its boundary set)."""
    from .geo import GeoError, get_registry

    if frame.empty or "geo_level" not in frame.columns:
        return frame.assign(province=pd.Series("", index=frame.index, dtype="str"))
    reg = get_registry()
    key = ["boundaries", "geo_level", "geo_code"]
    units = frame[key].drop_duplicates()
    names = []
    for bnd, level, code in units.itertuples(index=False):  # distinct places only
        try:
            unit = reg.get(bnd, level, code)
            names.append("" if level == "nation" else unit.name if level == "province"
                         else reg.get(bnd, "province", unit.province_code).name)
        except (GeoError, KeyError, TypeError):
            names.append("")
    province = units.assign(province=pd.Series(names, index=units.index, dtype="str"))
    out = frame.merge(province, on=key, how="left", validate="m:1")
    out.index = frame.index
    cols = [c for c in out.columns if c != "province"]
    at = cols.index("province_2025") if "province_2025" in cols else len(cols)
    return out[[*cols[:at], "province", *cols[at:]]]


def _finish(frame: pd.DataFrame, categories: bool, filters: dict[str, Any]) -> pd.DataFrame:
    """Dtypes, ``province``, filters and (when asked) categories: every loader's end."""
    out = select(_with_province(enforce_dtypes(frame)), **filters)
    if categories:
        text = [c for c in out.columns if DTYPES.get(c) == "str" and c not in ("obs_id", "inputs")]
        out = out.astype({c: "category" for c in text})
    return out


# ------------------------------------------------------------------ loaders


def load_observations(rebuild: bool | None = None, *, categories: bool = False,
                      place: Names = None, indicator: Names = None,
                      boundaries: str | None = None, years: Years = None,
                      build: io.BuildSet | None = None) -> pd.DataFrame:
    """Return the tidy observations table (one row per published figure).

    Parameters
    ----------
    rebuild : bool or None
        ``True`` always rebuilds; ``False`` never does; ``None`` (default) rebuilds when
        there is no complete build or a raw file is newer.
    categories : bool
        Repeated text columns as ``category`` (less memory); default ``str``.
    place, indicator, boundaries, years
        Filters, see :func:`select`.
    build : io.BuildSet or None
        Read this build set (a reader of several tables passes the one set it got from
        :func:`current_set`, so its tables never come from two builds); default the
        current set (``rebuild`` applies).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`schema.OBSERVATION_COLUMNS` plus ``province``; ``as_of``
        datetime64[ns], ``value`` float64, text ``str``.

    Examples
    --------
    >>> obs = load_observations(place="Lâm Đồng", indicator="population", years=2020)
    >>> set(obs["indicator"]) <= {"population"}, str(obs["as_of"].dtype)
    (True, 'datetime64[ns]')
    """
    found = build if build is not None else current_set(rebuild)
    frame = read_observations_parquet(found.table(config.observations_parquet().name))
    return _finish(frame, categories, dict(place=place, indicator=indicator,
                                           boundaries=boundaries, years=years))


def load_derived(rebuild: bool | None = None, *, categories: bool = False,
                 place: Names = None, indicator: Names = None,
                 boundaries: str | None = None, years: Years = None,
                 build: io.BuildSet | None = None) -> pd.DataFrame:
    """Return the derived figures (coverage, denominators, plans implied by the figures).

    Same parameters as :func:`load_observations`; read from the same build set.

    Examples
    --------
    >>> d = load_derived(indicator="population")
    >>> {"method", "value_lo", "value_hi"} <= set(d.columns)
    True
    """
    found = build if build is not None else current_set(rebuild)
    frame = io.read_parquet(found.table(config.derived_parquet().name))
    return _finish(frame, categories, dict(place=place, indicator=indicator,
                                           boundaries=boundaries, years=years))


def load_consistency(rebuild: bool | None = None, *, categories: bool = False,
                     place: Names = None, indicator: Names = None,
                     boundaries: str | None = None, years: Years = None,
                     build: io.BuildSet | None = None) -> pd.DataFrame:
    """Return the consistency checks (two or more figures compared; ``status``).

    Same parameters as :func:`load_observations`; read from the same build set.

    Examples
    --------
    >>> c = load_consistency()
    >>> set(c["status"]) <= {"ok", "conflict", "warning", "info"}
    True
    """
    found = build if build is not None else current_set(rebuild)
    frame = io.read_parquet(found.table(config.consistency_parquet().name))
    return _finish(frame, categories, dict(place=place, indicator=indicator,
                                           boundaries=boundaries, years=years))


def load_targets(*, categories: bool = False, place: Names = None, indicator: Names = None,
                 boundaries: str | None = None, years: Years = None) -> pd.DataFrame:
    """Return the published targets (``data/raw/targets.csv``): one row per target.

    ``place`` matches ``geo_name``; ``years`` the target's ``year``. Targets name their
    place as printed, without boundaries, so ``boundaries`` keeps every row.

    Examples
    --------
    >>> t = load_targets(place="Việt Nam", indicator="bhxh_coverage_pct")
    >>> str(t["value"].dtype), int(t["year"].min())
    ('float64', 2020)
    """
    path = config.raw_dir() / "targets.csv"
    frame = pd.read_csv(path, dtype="str", keep_default_na=False, encoding="utf-8-sig")
    frame = frame.astype({"value": "float64", "year": "int64"})
    out = select(frame.astype({c: "str" for c in frame.columns if c not in ("value", "year")}),
                 place=place, indicator=indicator, years=years)
    del boundaries  # same signature as the other loaders; targets carry no boundaries
    if categories:
        out = out.astype({c: "category" for c in ("source_id", "instrument", "geo_name",
                                                  "indicator", "comparator")})
    return out


# ------------------------------------------------------------------ single files


def read_observations_parquet(path: str | Path | None = None) -> pd.DataFrame:
    """Read an observations parquet file with the table's dtypes (text ``str``).

    Raises
    ------
    io.ProcessedDataError
        The file is missing, truncated or corrupt (the message names it).

    Examples
    --------
    >>> obs = read_observations_parquet()  # data/processed/observations.parquet
    >>> str(obs["as_of"].dtype), str(obs["value"].dtype)
    ('datetime64[ns]', 'float64')
    """
    path = Path(path) if path is not None else config.observations_parquet()
    return enforce_dtypes(io.read_parquet(path).reindex(columns=OBSERVATION_COLUMNS))


def read_observations_csv(path: str | Path | None = None) -> pd.DataFrame:
    """Read ``observations.csv`` with the table's dtypes (codes stay text: ``01``).

    Examples
    --------
    >>> obs = read_observations_csv()  # data/processed/observations.csv
    >>> str(obs["as_of"].dtype), obs.loc[obs["geo_level"] == "nation", "geo_code"].iloc[0]
    ('datetime64[ns]', 'VN')
    """
    path = Path(path) if path is not None else config.observations_csv()
    text = {c: "str" for c in OBSERVATION_COLUMNS if DTYPES[c] == "str"}
    df = pd.read_csv(path, dtype=text, keep_default_na=False, na_values={"value": [""]})
    df["preliminary"] = df["preliminary"].astype("str").str.lower().eq("true")
    return enforce_dtypes(df.reindex(columns=OBSERVATION_COLUMNS))
