"""Data a report reads: processed tables loaded once, places, parameters, vocabulary.

Processed data are loaded once per Python process and cached, keyed by the files'
size and modification time (:func:`load_bundle`): a kernel that renders many provinces
in a row reads them once, and a rebuilt table is noticed. The report tables themselves
(DataFrames a notebook shows and draws) are in :mod:`.province` and :mod:`.national`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .. import config, i18n
from ..schema import CORE_MEASURES, DENOMINATORS, LEVEL_RANK, MEASURES, SCHEMES
from ..schema import measure_of as _schema_measure
from ..schema import scheme_of as _schema_scheme
from ..sources.curated import SOURCE_ORDER, source_order

SUMMARY_MIME = "application/vnd.bhxh.summary+json"
_INSURANCE = re.compile(r"^(?:bhxh|bhtn|bhyt)_")
_FAMILY = {"bhxh": "bhxh", "bhxh_compulsory": "bhxh", "bhxh_voluntary": "bhxh", "bhtn": "bhtn",
           "bhyt": "bhyt", "bhyt_household": "bhyt"}
__all__ = ["CORE_MEASURES", "DENOMINATORS", "LEVEL_RANK", "MEASURES", "SCHEMES"]


class ReportParameterError(ValueError):
    """A report parameter that cannot be used (unknown place, wrong level, bad date ...)."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions or [])


# --------------------------------------------------------------------------------------
# Data loading, cached per process
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    """Every table a report reads, loaded once.

    Attributes
    ----------
    obs : DataFrame
        Tidy observations (``bhxh_analysis.load_observations()``), ``as_of`` as datetime.
    derived, consistency, backtest : DataFrame or None
        Processed tables from ``bhxh data build`` / ``bhxh forecast backtest`` (None if absent).
    sources, targets : DataFrame
        ``data/raw/sources.csv`` and ``data/raw/targets.csv``.
    checksum : str
        sha256 of ``observations.parquet`` ("" if the file is absent).
    """

    obs: pd.DataFrame
    derived: pd.DataFrame | None
    consistency: pd.DataFrame | None
    backtest: pd.DataFrame | None
    sources: pd.DataFrame
    targets: pd.DataFrame
    checksum: str


_CACHE: dict[str, Any] = {}


def _signature(paths: list[Path]) -> tuple:
    sig = []
    for p in paths:
        try:
            st = p.stat()
            sig.append((str(p), st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            sig.append((str(p), None, None))
    return tuple(sig)


def file_checksum(path: Path) -> str:
    """Return the sha256 hex digest of ``path`` ("" if it does not exist)."""
    if not path.exists():
        return ""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def data_checksum() -> str:
    """Return the sha256 of ``data/processed/observations.parquet`` (the manifest's checksum)."""
    return file_checksum(config.observations_parquet())


def _read_processed(path: Path) -> pd.DataFrame:
    """A processed table of a build set, text as ``str`` with ``""`` for missing.

    Read with :func:`io.read_parquet`, so a missing, truncated or corrupt file raises
    :class:`io.ProcessedDataError` naming it.
    """
    from ..io import read_parquet

    df = read_parquet(path)
    text = {c: df[c].fillna("").astype(str) for c in df.columns
            if pd.api.types.is_string_dtype(df[c])}
    return df.assign(**text)


def _with_dates(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["as_of"] = pd.to_datetime(out["as_of"], errors="coerce")
    if "value" in out:
        out["value"] = pd.to_numeric(out["value"], errors="coerce")
    return out


def load_bundle(refresh: bool = False) -> Bundle:
    """Return the processed tables of one build set, cached per process until a file changes.

    The observations, derived figures and consistency checks come from the same
    published build (:func:`observations.current_set`, which builds first when there is
    none or the raw data are newer); a missing or corrupt table raises
    :class:`io.ProcessedDataError` naming its file.

    Parameters
    ----------
    refresh : bool
        Reload even if the files look unchanged.

    Returns
    -------
    Bundle

    Examples
    --------
    >>> bundle = load_bundle()
    >>> bundle is load_bundle()  # cached: the files have not changed
    True
    >>> {"geo_name", "indicator", "as_of", "value"} <= set(bundle.obs.columns)
    True
    >>> str(bundle.obs["as_of"].dtype), len(bundle.checksum)
    ('datetime64[ns]', 64)
    """
    raw = config.raw_dir()
    paths = [
        config.observations_parquet(), config.derived_parquet(), config.derived_csv(),
        config.consistency_parquet(), config.consistency_csv(),
        config.backtest_csv(), raw / "sources.csv", raw / "targets.csv",
    ]
    sig = _signature(paths)
    cached = _CACHE.get("bundle")
    if cached is not None and not refresh and cached[0] == sig:
        return cached[1]
    from ..observations import current_set, load_observations

    # One build set for every processed table: never observations of one build beside
    # the derived figures of another (a build publishing meanwhile is not seen).
    found = current_set()
    obs = _with_dates(load_observations(build=found))
    derived = _read_processed(found.table(config.derived_parquet().name))
    bundle = Bundle(
        obs=obs,
        derived=_with_dates(derived),
        consistency=_read_processed(found.table(config.consistency_parquet().name)),
        backtest=(pd.read_csv(config.backtest_csv()) if config.backtest_csv().exists()
                  else None),
        sources=pd.read_csv(raw / "sources.csv", dtype=str, keep_default_na=False),
        targets=pd.read_csv(raw / "targets.csv", dtype={"value": float, "year": int},
                            keep_default_na=False),
        checksum=file_checksum(found.table(config.observations_parquet().name)),
    )
    # Observations may have been rebuilt by load_observations(): sign after loading.
    _CACHE["bundle"] = (_signature(paths), bundle)
    return bundle


def warm_up() -> None:
    """Import what reports use and load the data, so the first report of a kernel is fast.

    The report runner calls this once in each long-lived kernel before any notebook runs.
    """
    import matplotlib.pyplot as plt
    import seaborn  # noqa: F401

    from .. import geo, plotting

    geo.get_registry()
    load_bundle()
    try:
        from .. import forecast  # noqa: F401
    except ImportError:  # pragma: no cover - forecast module not installed in this tree yet
        pass
    frame = pd.DataFrame({"place": ["Đắk Lắk"], "value": [50.0]})
    plt.close(plotting.figure_of(plotting.bars(frame, x="value", y="place")))


# --------------------------------------------------------------------------------------
# Geography helpers
# --------------------------------------------------------------------------------------


def _registry():
    from .. import geo

    return geo.get_registry()


def units_frame(boundaries: str) -> pd.DataFrame:
    """Return every unit of a boundary set as a frame (cached).

    Columns: ``geo_level, geo_code, unit_name, full_name, kind, parent_code,
    province_code, province_2025_code, province_2025_name`` (``kind``: the registry's
    kind word, "Phường", "Thị trấn", "Thành phố").
    """
    key = f"units-{boundaries}-{config.raw_dir()}"
    if key not in _CACHE:
        units = _registry().units(boundaries, None, include_defunct=True)
        units = units[units["geo_level"] != "nation"]
        _CACHE[key] = units.rename(columns={
            "geo_name": "unit_name", "province_2025": "province_2025_name"})[[
                "geo_level", "geo_code", "unit_name", "full_name", "kind", "parent_code",
                "province_code", "province_2025_code", "province_2025_name"]].drop_duplicates(
                    ["geo_level", "geo_code"]).reset_index(drop=True)
    return _CACHE[key]


def legacy_provinces() -> pd.DataFrame:
    """The registry's legacy provinces, the ceased ones too (Hà Tây), cached per raw folder.

    ``Registry.units("legacy", "province", include_defunct=True)`` builds a new table on
    every call (~25 ms); a page asked for it about 30 times (the boundaries of each
    legacy part, the merged provinces, the trend chart's events). Callers only read it.
    """
    key = f"legacy-provinces-{config.raw_dir()}"
    if key not in _CACHE:
        _CACHE[key] = _registry().units("legacy", "province", include_defunct=True)
    return _CACHE[key]


def unit_kinds(df: pd.DataFrame, boundaries: str | None = None) -> pd.Series:
    """The registry's kind of each province, district or commune row ("Phường", "Thị
    trấn", "Thành phố"), ``""`` for other rows and unknown codes.

    A table's level column named every commune "Xã"/"Commune", a ward (phường) and a
    township (thị trấn) too; the kind is what the registry says the unit is
    (:func:`bhxh_analysis.i18n.level_label` words it). A centrally-run city is
    "Thành phố"/"City", as its page's title says (Đà Nẵng's rows read "Tỉnh" under
    "Báo cáo thành phố: Đà Nẵng").

    Parameters
    ----------
    df : DataFrame
        ``geo_level``, ``geo_code`` and, unless ``boundaries`` is given, ``boundaries``.
    boundaries : {"legacy", "2025"}, optional
        The boundary set of every row (default: each row's ``boundaries``).

    Examples
    --------
    >>> rows = pd.DataFrame({"geo_level": ["commune", "district", "province"],
    ...                      "geo_code": ["24769", "672", "68"], "boundaries": "legacy"})
    >>> unit_kinds(rows).tolist()
    ['Phường', 'Thành phố', 'Tỉnh']
    >>> unit_kinds(rows.assign(geo_code=["24769", "672", "48"])).tolist()[2]  # Đà Nẵng
    'Thành phố'
    """
    out = pd.Series("", index=df.index, dtype=object)
    if df.empty:
        return out.astype("str")
    bsets = (pd.Series(boundaries, index=df.index) if boundaries is not None
             else df["boundaries"].astype(str))
    for bset in bsets.unique():
        if bset not in ("legacy", "2025"):
            continue
        units = units_frame(bset)
        units = units[units["geo_level"].isin(["province", "district", "commune"])]
        kind = units.set_index(["geo_level", "geo_code"])["kind"]
        rows = bsets.eq(bset).to_numpy()
        keys = pd.MultiIndex.from_arrays([df.loc[rows, "geo_level"].astype(str),
                                          df.loc[rows, "geo_code"].astype(str)])
        out.loc[rows] = kind.reindex(keys).fillna("").astype(str).to_numpy()
    return out.astype("str")  # text, on every route (tests/test_dtypes.py)


def resolve_province(name: str, boundaries: str = "legacy"):
    """Resolve a report's ``province`` parameter to a province unit, or explain why not.

    Parameters
    ----------
    name : str
        Province name as the user typed it (diacritics, prefixes and English spellings
        are tolerated by the registry).
    boundaries : {"legacy", "2025"}
        Boundary set of the report.

    Returns
    -------
    geo.Unit
        A unit of level ``province`` in ``boundaries``.

    Raises
    ------
    ReportParameterError
        Unknown name (with "did you mean" suggestions), or a name that is a district or
        commune (naming the province it belongs to), or a nation.

    Examples
    --------
    >>> unit = resolve_province("lam dong")
    >>> unit.name, unit.level, unit.boundaries
    ('Lâm Đồng', 'province', 'legacy')
    >>> resolve_province("Lâm Đồng", "2025").boundaries
    '2025'
    >>> resolve_province("Đắk Nông", "2025")
    Traceback (most recent call last):
    ...
    bhxh_analysis.reports.data.ReportParameterError: 'Đắk Nông' is a legacy province ...
    """
    from .. import geo

    if boundaries not in ("legacy", "2025"):
        raise ReportParameterError(f"boundaries must be 'legacy' or '2025', not {boundaries!r}")
    if not isinstance(name, str) or not name.strip():
        raise ReportParameterError("province name is empty")
    reg = geo.get_registry()
    try:
        return reg.resolve(name, level="province", boundaries=boundaries)
    except geo.UnknownPlaceError as exc:
        first_error: Exception = exc
    except geo.GeoError as exc:  # ambiguity etc.: keep the registry's own message
        raise ReportParameterError(str(exc), list(getattr(exc, "suggestions", []) or [])) from exc
    # Not a province of this boundary set. A province of the other set, or a place at
    # another level? Say so, naming the province to use.
    other = "2025" if boundaries == "legacy" else "legacy"
    try:
        unit = reg.resolve(name, level="province", boundaries=other)
    except geo.GeoError:
        unit = None
    if unit is not None:
        if unit.boundaries == "legacy":
            raise ReportParameterError(
                f"{unit.name!r} is a legacy province (before 1 July 2025), now part of "
                f"{unit.province_2025_name!r}: use --boundaries legacy, or "
                f"--province {unit.province_2025_name!r} with --boundaries 2025",
                [unit.province_2025_name]) from first_error
        raise ReportParameterError(
            f"{unit.name!r} is a province of the 2025 boundaries only: use --boundaries 2025; "
            f"its legacy parts are {', '.join(legacy_parts(unit))}",
            legacy_parts(unit)) from first_error
    for bset in (boundaries, other):
        try:
            unit = reg.resolve(name, boundaries=bset)
        except geo.AmbiguousPlaceError as exc:
            raise ReportParameterError(f"{name!r} is not a province; {exc}") from first_error
        except geo.GeoError:
            continue
        if unit.level == "nation":
            raise ReportParameterError(
                f"{name!r} is the nation, not a province: use `bhxh report national`"
            ) from first_error
        province = _province_name(unit)
        raise ReportParameterError(
            f"{name!r} is a {unit.level} ({unit.full_name}), not a province; "
            f"it belongs to the province {province!r}", [province]) from first_error
    suggestions = _province_suggestions(name, boundaries)
    hint = (f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions
            else "; no similar province name")
    raise ReportParameterError(f"unknown province {name!r}{hint}", suggestions) from first_error


def _province_suggestions(name: str, boundaries: str, limit: int = 3) -> list[str]:
    """Province names of ``boundaries`` closest to ``name`` (diacritics and case ignored)."""
    from rapidfuzz import fuzz, process

    from ..geo import fold_key

    units = units_frame(boundaries)
    names = units.loc[units["geo_level"] == "province", "unit_name"].tolist()
    keys = {fold_key(n): n for n in names}
    query = fold_key(name)
    hits = process.extract(query, list(keys), scorer=fuzz.WRatio, limit=limit, score_cutoff=70)
    return [keys[k] for k, _score, _ in hits]


def _province_name(unit) -> str:
    """Name of the province (same boundary set) that contains ``unit``."""
    if unit.level == "province":
        return unit.name
    units = units_frame(unit.boundaries)
    hit = units[(units["geo_level"] == "province") & (units["geo_code"] == unit.province_code)]
    return str(hit["unit_name"].iloc[0]) if len(hit) else str(unit.province_2025_name)


def legacy_parts(unit) -> list[str]:
    """Names of the legacy provinces that make up a 2025 province (sorted).

    Examples
    --------
    >>> legacy_parts(resolve_province("Lâm Đồng", "2025"))
    ['Bình Thuận', 'Lâm Đồng', 'Đắk Nông']
    """
    units = units_frame("legacy")
    prov = units[units["geo_level"] == "province"]
    code = unit.code if unit.boundaries == "2025" else unit.province_2025_code
    return sorted(prov.loc[prov["province_2025_code"] == code, "unit_name"].tolist())


def dated_names(df: pd.DataFrame) -> pd.Series:
    """The name each row's place bore on the row's date, where it differs from the
    registry's (``geo.name_on``: Thừa Thiên Huế before 1/1/2025); ``NA`` elsewhere.

    Examples
    --------
    >>> df = pd.DataFrame({"geo_level": "province", "geo_code": ["46", "46", "68"],
    ...                    "boundaries": "legacy", "geo_name": ["Huế", "Huế", "Lâm Đồng"],
    ...                    "as_of": pd.to_datetime(["2022-07-01", "2025-03-31", "2020-01-01"])})
    >>> dated_names(df).tolist()
    ['Thừa Thiên Huế', <NA>, <NA>]
    """
    from .. import geo

    out = pd.Series(pd.NA, index=df.index, dtype="string")
    reg = _registry()
    for former in geo.FORMER_NAMES:
        rows = df[df["geo_level"].astype(str).eq(former["level"])
                  & df["geo_code"].astype(str).eq(former["code"])]
        for bset in rows["boundaries"].dropna().astype(str).unique():
            unit = reg.get(bset, former["level"], former["code"])
            sub = rows[rows["boundaries"].astype(str).eq(bset)]
            names = [geo.name_on(unit, d) for d in pd.to_datetime(sub["as_of"])]
            out.loc[sub.index] = [n if n != unit.name else pd.NA for n in names]
    return out


def renamed_title(unit, lang: str, notes: tuple[str, ...] | list[str] = ()) -> str:
    """A unit's name with the names it bore before and any further ``notes``, all in one
    bracket joined by "; " ("Huế (Thừa Thiên Huế until 2024; boundaries before 1 July
    2025)"); its name alone when it was never renamed and no note is given.

    One bracket, not one per note: two bracket groups in a row ("Huế (Thừa Thiên Huế
    until 2024) (boundaries before 1 July 2025)", issue 14) read as two titles.

    Parameters
    ----------
    unit : Unit
        The unit named.
    lang : {"vi", "en"}
        Language of the words.
    notes : sequence of str
        Words to add after the former names (a page title's boundary set).

    Examples
    --------
    >>> renamed_title(resolve_province("Huế"), "en")
    'Huế (Thừa Thiên Huế until 2024)'
    >>> renamed_title(resolve_province("Huế"), "en", ["boundaries before 1 July 2025"])
    'Huế (Thừa Thiên Huế until 2024; boundaries before 1 July 2025)'
    >>> renamed_title(resolve_province("Kon Tum"), "en")
    'Kon Tum'
    """
    from .. import geo

    said = [i18n.t("name_formerly", lang, former=former["name"],
                   year=(pd.Timestamp(former["valid_to"]) - pd.Timedelta(days=1)).year)
            for former in geo.former_names(unit)] + [n for n in notes if n]
    return i18n.t("name_notes", lang, name=unit.name, notes="; ".join(said)) if said \
        else unit.name


def joined_into(codes) -> pd.DataFrame:
    """Legacy provinces that ceased by joining one of ``codes`` (Hà Tây into Hà Nội on
    1/8/2008), from the registry's ``successor_code`` and ``valid_to``.

    Returns
    -------
    DataFrame
        ``geo_code, geo_name, successor_code, valid_to`` (Timestamp: the first day
        without the province), oldest first.

    Examples
    --------
    >>> joined_into(["01"])[["geo_name", "valid_to"]].values.tolist()
    [['Hà Tây', Timestamp('2008-08-01 00:00:00')]]
    """
    provinces = legacy_provinces()
    gone = provinces[provinces["valid_to"].notna() & provinces["successor_code"].astype(str)
                     .isin({str(c) for c in codes})]
    return (gone.assign(valid_to=pd.to_datetime(gone["valid_to"]))
            [["geo_code", "geo_name", "successor_code", "valid_to"]]
            .sort_values("valid_to", kind="stable").reset_index(drop=True))


# --------------------------------------------------------------------------------------
# Small table helpers
# --------------------------------------------------------------------------------------


def scheme_of(indicator: pd.Series) -> pd.Series:
    """Return the insurance scheme of each indicator (``""`` for other indicators)."""
    return _schema_scheme(indicator)


def measure_of(indicator: pd.Series) -> pd.Series:
    """Return the measure of each indicator (``""`` for denominators and extras)."""
    return _schema_measure(indicator)


def family_of(indicator: pd.Series) -> pd.Series:
    """Return the scheme family (``bhxh``, ``bhtn``, ``bhyt``) of each insurance indicator.

    Voluntary and compulsory BHXH count as BHXH, household BHYT as BHYT, extra
    indicators (``bhyt_campaign_new_participants``) by their prefix; ``""`` otherwise.
    """
    return indicator.astype(str).str.extract(r"^(bhxh|bhtn|bhyt)_", expand=False).fillna("")


def is_insurance(indicator: pd.Series) -> pd.Series:
    """True where the indicator belongs to an insurance scheme (not population/labour force)."""
    return indicator.astype(str).str.match(_INSURANCE.pattern) & ~indicator.isin(DENOMINATORS)


def indicator_rank(indicator: pd.Series) -> pd.Series:
    """Return a sort key: insurance schemes in vocabulary order (core measures first),
    then other figures of the schemes (campaigns), then population and labour force."""
    scheme = scheme_of(indicator)
    measure = measure_of(indicator)
    order = {s: i for i, s in enumerate(SCHEMES)}
    family = family_of(indicator)
    s_rank = scheme.map(order).astype("Float64").fillna(
        family.map(order).astype("Float64") + 20).fillna(90)
    s_rank = s_rank.mask(indicator.isin(DENOMINATORS), 95)
    m_order = list(CORE_MEASURES) + [m for m in MEASURES if m not in CORE_MEASURES]
    m_rank = measure.map({m: i for i, m in enumerate(m_order)}).astype("Float64").fillna(50)
    return s_rank * 100 + m_rank


def provinces_with_data(boundaries: str = "legacy", scope: str = "insurance",
                        bundle: Bundle | None = None) -> list[str]:
    """Return the provinces (names, sorted) that a batch run makes reports for.

    Parameters
    ----------
    boundaries : {"legacy", "2025"}
        Boundary set of the reports.
    scope : {"insurance", "any"}
        ``"insurance"`` (default): a province has data if the observations hold an
        insurance figure (BHXH/BHTN/BHYT indicator) for it or for a place inside it.
        ``"any"`` also counts GSO population and labour-force series, i.e. all provinces.
    bundle : Bundle, optional
        Data to use (default: :func:`load_bundle`).

    Examples
    --------
    >>> names = provinces_with_data()
    >>> "Lâm Đồng" in names, names == sorted(names)
    (True, True)
    >>> len(provinces_with_data("2025")) <= 34 < len(provinces_with_data(scope="any"))
    True
    """
    if scope not in ("insurance", "any"):
        raise ValueError("scope must be 'insurance' or 'any'")
    obs = (bundle or load_bundle()).obs
    obs = obs[obs["geo_level"] != "nation"]
    if scope == "insurance":
        obs = obs[is_insurance(obs["indicator"])]
    if boundaries == "2025":
        names = obs["province_2025"].dropna().unique().tolist()
    else:
        legacy = obs[obs["boundaries"] == "legacy"]
        units = units_frame("legacy")
        merged = legacy.merge(units, on=["geo_level", "geo_code"], how="inner")
        prov = units[units["geo_level"] == "province"].set_index("geo_code")["unit_name"]
        names = merged["province_code"].map(prov).dropna().unique().tolist()
    return sorted(str(n) for n in names)


def parse_as_of(as_of: object) -> pd.Timestamp | None:
    """Read an ``as_of`` parameter (``None``, ``YYYY-MM-DD`` or ``dd/mm/yyyy``)."""
    from ..cli.options import parse_date

    if as_of is None or (isinstance(as_of, str) and not as_of.strip()):
        return None
    try:
        return pd.Timestamp(parse_date(as_of))
    except ValueError as exc:
        raise ReportParameterError(f"as_of: {exc}") from exc


def future_as_of_notes(as_of: pd.Timestamp | None, lang: str) -> list[str]:
    """Say on the page that ``as_of`` is after today (issue 14 point 2), else nothing.

    The command line refuses such a day (:class:`~bhxh_analysis.cli.options.DateParam`);
    a report made through the library is rendered, but its reader is told that the
    figures stop at today, not at the later day in its header. Today is
    :func:`bhxh_analysis.cli.options.today` (tests replace it).
    """
    from ..cli.options import today

    now = today()
    if as_of is None or pd.Timestamp(as_of).date() <= now:
        return []
    return [i18n.t("as_of_future", lang, date=i18n.fmt_date(as_of, lang),
                   today=i18n.fmt_date(now, lang))]


def check_year(year: object) -> int | None:
    """Validate a ``year`` parameter (``None`` or an integer 1990–2100)."""
    if year is None or year == "":
        return None
    try:
        y = int(year)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ReportParameterError(f"year must be an integer, not {year!r}") from exc
    if not 1990 <= y <= 2100 or str(y) != str(year).strip():
        raise ReportParameterError(f"year out of range or malformed: {year!r}")
    return y


def check_as_of(as_of: object) -> str | None:
    """Validate an ``as_of`` parameter (``None`` or a date); return it as ISO text."""
    ts = parse_as_of(as_of)
    return None if ts is None else ts.date().isoformat()


def check_lang(lang: str) -> str:
    """Validate a ``lang`` parameter (:func:`bhxh_analysis.i18n.check_lang`) before a
    report is planned: an unsupported language is a :class:`ReportParameterError`.

    Examples
    --------
    >>> check_lang("en")
    'en'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    bhxh_analysis.reports.data.ReportParameterError: unsupported language 'fr': use one of vi, en
    """
    try:
        return i18n.check_lang(lang)
    except ValueError as exc:
        raise ReportParameterError(str(exc)) from exc



def narrowest_of_overlapping(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Keep, of rows alike in ``keys`` whose ranges (``value_lo``–``value_hi``) overlap,
    the narrowest: one figure derived twice (Hải Phòng's 2020 BHYT plan, from the
    figures of 31/7 and of 31/10: 1.832.747–1.833.031 and 1.830.244–1.833.059) lies in
    both ranges and is listed once, with the range the forecast section uses too.
    Ranges that do not overlap contradict each other and both stay (the consistency
    section tells them). Rows without a range are kept as they are; order is kept.

    Examples
    --------
    >>> df = pd.DataFrame({"k": ["a", "a", "a"], "value": [10.0, 10.5, 20.0],
    ...                    "value_lo": [9.0, 10.2, 19.0], "value_hi": [11.0, 10.8, 21.0]})
    >>> narrowest_of_overlapping(df, ["k"])["value"].tolist()
    [10.5, 20.0]
    """
    if df.empty:
        return df
    lo, hi = df["value_lo"], df["value_hi"]
    ranged = lo.notna() & hi.notna()
    drop: set[object] = set()
    for _, g in df[ranged].groupby(keys, sort=False, dropna=False):
        if len(g) < 2:
            continue
        for i in (g["value_hi"] - g["value_lo"]).sort_values(kind="stable").index:
            if i in drop:
                continue
            over = g.index[(g["value_lo"] <= g.at[i, "value_hi"])
                           & (g["value_hi"] >= g.at[i, "value_lo"]) & (g.index != i)]
            drop.update(j for j in over if j not in drop)
    return df.drop(index=list(drop)).reset_index(drop=True)


def best_first(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` ordered best figure first, by the forecaster's rule.

    When sources print different figures for one place, indicator and date, every
    section of a page shows the one the forecaster uses
    (:func:`bhxh_analysis.forecast._prep.prepare`), by the one rule of which source to
    believe (:func:`bhxh_analysis.sources.curated.source_order`): the most
    authoritative kind of source, then the first ``source_id``, then the first
    ``obs_id``. A figure without a source (a sum of legacy parts the page computes)
    comes after every sourced one. Both figures stay in the data and in the
    consistency section; they are never averaged.

    The sort is by that order alone and stable: sort the result by place, indicator
    and date with a stable sort, and the first row of each date is the one to show.

    Parameters
    ----------
    df : pandas.DataFrame
        Figures with ``source_id`` and ``obs_id`` (a table without ``source_id``, as
        the forecaster allows, is ordered by ``obs_id`` alone).

    Returns
    -------
    pandas.DataFrame
        The same rows (and index), best first.

    Examples
    --------
    >>> rows = pd.DataFrame({"obs_id": ["o-1", "o-2", "o-3", "o-4"],
    ...                      "source_id": ["", "anhp-d20274", "vss-en-10129", "vss-en-10129"],
    ...                      "value": [4.0, 3.0, 2.0, 1.0]})
    >>> best_first(rows)[["source_id", "obs_id"]].values.tolist()  # press release, news, sum
    [['vss-en-10129', 'o-3'], ['vss-en-10129', 'o-4'], ['anhp-d20274', 'o-2'], ['', 'o-1']]
    """
    if df.empty:
        return df
    keys = source_order(df).reset_index(drop=True)  # positions: df's index may repeat
    return df.iloc[keys.sort_values(SOURCE_ORDER, kind="stable").index]


def latest(df: pd.DataFrame, keys: tuple[str, ...] = (
        "boundaries", "geo_level", "geo_code", "indicator")) -> pd.DataFrame:
    """Return the latest figure per place and indicator (ties: :func:`best_first`).

    Two figures of the latest date from different sources: the page shows the one the
    forecaster uses, never the last row by ``obs_id``. ``keys`` are the columns of one
    series (the national forecast report: ``("indicator",)``). Rows come out sorted by
    place and indicator.
    """
    if df.empty:
        return df
    df = best_first(df).sort_values("as_of", ascending=False, kind="stable")
    df = df.drop_duplicates(list(keys), keep="first")
    return df.sort_values([c for c in ("geo_level", "geo_code", "indicator", "as_of")
                           if c in df.columns], kind="stable")


def is_year_end(dates: pd.Series) -> pd.Series:
    """True where a date is 31 December."""
    return (dates.dt.month == 12) & (dates.dt.day == 31)


def prior_and_outcome(rows: pd.DataFrame, year: int, as_of: pd.Timestamp | None = None,
                      ) -> tuple[pd.Series | None, pd.Series | None]:
    """Return a series' last figure of ``year`` before 31 December and its 31 December figure.

    One rule for every forecast of a year already over (the province report and the
    national forecast report), so both set the forecast from the same prior figure beside
    the same outcome.

    Parameters
    ----------
    rows : pandas.DataFrame
        Figures of one series (one place, one indicator) with ``as_of``, ``source_id``,
        ``obs_id`` and ``value``; other years are ignored.
    year : int
        The year forecast.
    as_of : pandas.Timestamp, optional
        Only a prior figure dated on or before this day counts (the outcome does not
        depend on it).

    Returns
    -------
    tuple of (pandas.Series or None, pandas.Series or None)
        The prior figure and the outcome; two figures of one date: the forecaster's
        (:func:`best_first`), as :func:`latest` and the yearly tables; ``None`` where
        there is none.
    """
    in_year = rows[rows["as_of"].dt.year == year]
    end = is_year_end(in_year["as_of"]).to_numpy()
    before = in_year[~end]
    if as_of is not None:
        before = before[before["as_of"] <= as_of]
    before = best_first(before).sort_values("as_of", ascending=False, kind="stable")
    outcome = best_first(in_year[end])
    return (before.iloc[0] if len(before) else None,
            outcome.iloc[0] if len(outcome) else None)
