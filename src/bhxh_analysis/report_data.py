"""What the report notebooks call: data loading (once per process) and report sections.

The notebooks in ``notebooks/`` stay thin: a ``parameters`` cell, then one call per
section, e.g. ``rpt = ProvinceReport(province, boundaries, year, as_of, lang)`` and
``rpt.headline()``. Each section returns an :class:`Html` block (heading, tables and
charts in the report language) that Jupyter displays and nbconvert exports.

Processed data are loaded once per Python process and cached, keyed by the files'
size and modification time (:func:`load_bundle`): a kernel that renders many provinces
in a row reads them once, and a rebuilt table is noticed.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import config, i18n
from .textops import fill_text

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from .plotting import Chart

SCHEMES: tuple[str, ...] = (
    "bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt", "bhyt_household",
)
# Measures that are figures about the place itself (plans and shortfalls are shown beside them).
CORE_MEASURES: tuple[str, ...] = (
    "participants", "coverage_pct", "new_participants", "change_participants", "attainment_pct",
)
LEVEL_ORDER: dict[str, int] = {"nation": 0, "province": 1, "district": 2, "commune": 3}
SUMMARY_MIME = "application/vnd.bhxh.summary+json"

_CSS = """
<style>
.bhxh h1{font-size:1.7em;margin:0.2em 0}
.bhxh h2{font-size:1.3em;margin:1.2em 0 0.4em;border-bottom:2px solid #1f5f8b;padding-bottom:2px}
.bhxh .sub{color:#555;margin:0 0 0.8em}
.bhxh table.bhxh-table{border-collapse:collapse;font-size:0.9em;margin:0.4em 0 0.8em}
.bhxh table.bhxh-table th{background:#eef3f7;text-align:left;padding:4px 8px;border-bottom:1px solid #999}
.bhxh table.bhxh-table td{padding:3px 8px;border-bottom:1px solid #e2e2e2;vertical-align:top;text-align:left}
.bhxh table.bhxh-table th{text-align:left}
.bhxh .warn{background:#fff4e5;border-left:4px solid #e07b39;padding:6px 10px;margin:0.4em 0}
.bhxh .note{background:#f3f6f9;border-left:4px solid #1f5f8b;padding:6px 10px;margin:0.4em 0}
.bhxh img{max-width:100%}
</style>
"""


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


def _read_optional_csv(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _read_processed(parquet: Path, csv: Path) -> pd.DataFrame | None:
    """A processed table from its parquet file (always written), else its CSV copy.

    Text comes back as ``str`` with ``""`` for missing, numbers as numbers, like the CSV
    read with ``dtype=str`` followed by :func:`_with_dates`.
    """
    if not parquet.exists():
        return _read_optional_csv(csv)
    import pyarrow.parquet as pq

    df = pq.read_table(parquet).to_pandas(date_as_object=False)
    text = {c: fill_text(df[c]) for c in df.columns if pd.api.types.is_string_dtype(df[c])}
    return df.assign(**text)


def _with_dates(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["as_of"] = pd.to_datetime(out["as_of"], errors="coerce")
    if "value" in out:
        out["value"] = pd.to_numeric(out["value"], errors="coerce")
    return out


def load_bundle(refresh: bool = False) -> Bundle:
    """Return the processed tables, cached per process until a file changes.

    Parameters
    ----------
    refresh : bool
        Reload even if the files look unchanged.

    Returns
    -------
    Bundle
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
    from . import load_observations

    obs = _with_dates(load_observations())
    derived = _read_processed(config.derived_parquet(), config.derived_csv())
    bundle = Bundle(
        obs=obs,
        derived=_with_dates(derived) if derived is not None else None,
        consistency=_read_processed(config.consistency_parquet(), config.consistency_csv()),
        backtest=(pd.read_csv(config.backtest_csv()) if config.backtest_csv().exists()
                  else None),
        sources=pd.read_csv(raw / "sources.csv", dtype=str, keep_default_na=False),
        targets=pd.read_csv(raw / "targets.csv", dtype={"value": float, "year": int},
                            keep_default_na=False),
        checksum=data_checksum(),
    )
    # Observations may have been rebuilt by load_observations(): sign after loading.
    _CACHE["bundle"] = (_signature(paths), bundle)
    return bundle


def warm_up() -> None:
    """Import what reports use and load the data, so the first report of a kernel is fast.

    The report runner calls this once in each long-lived kernel before any notebook runs.
    """
    import matplotlib  # noqa: F401

    from . import geo

    geo.get_registry()
    load_bundle()
    try:
        from . import forecast  # noqa: F401
    except ImportError:  # pragma: no cover - forecast module not installed in this tree yet
        pass
    from . import plotting

    plotting.bar_chart(["Đắk Lắk"], [50.0], title="warm-up", xlabel="%", lang="vi")


# --------------------------------------------------------------------------------------
# Geography helpers
# --------------------------------------------------------------------------------------


def _registry():
    from . import geo

    return geo.get_registry()


def units_frame(boundaries: str) -> pd.DataFrame:
    """Return every unit of a boundary set as a frame (cached).

    Columns: ``geo_level, geo_code, unit_name, parent_code, province_code,
    province_2025_code, province_2025_name``.
    """
    key = f"units-{boundaries}-{config.raw_dir()}"
    if key not in _CACHE:
        units = _registry().units(boundaries, None, include_defunct=True)
        units = units[units["geo_level"] != "nation"]
        _CACHE[key] = units.rename(columns={
            "geo_name": "unit_name", "province_2025": "province_2025_name"})[[
                "geo_level", "geo_code", "unit_name", "parent_code", "province_code",
                "province_2025_code", "province_2025_name"]].drop_duplicates(
                    ["geo_level", "geo_code"]).reset_index(drop=True)
    return _CACHE[key]


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
    """
    from . import geo

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

    from .geo import fold_key

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
    """Names of the legacy provinces that make up a 2025 province (sorted)."""
    units = units_frame("legacy")
    prov = units[units["geo_level"] == "province"]
    code = unit.code if unit.boundaries == "2025" else unit.province_2025_code
    return sorted(prov.loc[prov["province_2025_code"] == code, "unit_name"].tolist())


# --------------------------------------------------------------------------------------
# Small table helpers
# --------------------------------------------------------------------------------------


def scheme_of(indicator: pd.Series) -> pd.Series:
    """Return the insurance scheme of each indicator (``<NA>`` for non-insurance ones)."""
    out = pd.Series(pd.NA, index=indicator.index, dtype="string")
    for scheme in sorted(SCHEMES, key=len):  # longer prefixes overwrite shorter ones
        out = out.mask(indicator.str.startswith(scheme + "_"), scheme)
    return out


def measure_of(indicator: pd.Series) -> pd.Series:
    """Return the measure part of each indicator (the whole name for non-insurance ones)."""
    scheme = scheme_of(indicator)
    cut = scheme.str.len().fillna(-1).astype(int) + 1
    return pd.Series(
        [ind[c:] for ind, c in zip(indicator.tolist(), cut.tolist(), strict=True)],
        index=indicator.index, dtype="string",
    )


def is_insurance(indicator: pd.Series) -> pd.Series:
    """True where the indicator belongs to an insurance scheme (not population/labour force)."""
    return scheme_of(indicator).notna()


def _indicator_rank(indicator: pd.Series) -> pd.Series:
    scheme = scheme_of(indicator)
    measure = measure_of(indicator)
    s_rank = scheme.map({s: i for i, s in enumerate(SCHEMES)}).astype("Float64").fillna(99)
    m_order = list(CORE_MEASURES) + ["plan_participants", "plan_new_participants",
                                     "plan_coverage_pct", "shortfall_participants",
                                     "shortfall_pp"]
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


def _sources_label(bundle: Bundle) -> pd.Series:
    src = bundle.sources.set_index("source_id")
    label = src["publisher"].str.cat(src["title"], sep=" — ")
    return label


def _date_text(values: pd.Series, lang: str) -> list[str]:
    return [i18n.fmt_date(d, lang) for d in values.tolist()]


def _values_text(values: pd.Series, units: pd.Series, lang: str) -> list[str]:
    return [i18n.fmt_value(v, u, lang) for v, u in zip(values.tolist(), units.tolist(), strict=True)]


def _table(df: pd.DataFrame) -> str:
    return df.to_html(index=False, escape=True, classes="bhxh-table", border=0, na_rep="–")


def _img(chart: Chart) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    return f'<img alt="{html.escape(chart.alt)}" src="data:image/png;base64,{data}"/>'


def _p(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{html.escape(text)}</p>"


class Html:
    """An HTML block for notebooks (``_repr_html_``), with a plain-text fallback.

    ``extra`` holds further MIME types (e.g. the machine-readable report summary that the
    batch runner reads back from the executed notebook for the index page).
    """

    def __init__(self, body: str, text: str = "", extra: dict[str, Any] | None = None) -> None:
        self.body = body
        self.text = text
        self.extra = extra or {}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        bundle = {"text/html": f'<div class="bhxh">{self.body}</div>',
                  "text/plain": self.text or "(HTML)"}
        bundle.update(self.extra)
        return bundle

    def __repr__(self) -> str:
        return self.text or "(HTML)"


def _section(title: str, parts: list[str], text: str = "") -> Html:
    return Html(f"<h2>{html.escape(title)}</h2>" + "".join(parts), text or title)


def _parse_as_of(as_of: object) -> pd.Timestamp | None:
    if as_of is None or as_of == "":
        return None
    try:
        return pd.Timestamp(_dt.date.fromisoformat(str(as_of)))
    except ValueError as exc:
        raise ReportParameterError(f"as_of must be an ISO date YYYY-MM-DD, not {as_of!r}") from exc


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
    """Validate an ``as_of`` parameter (``None`` or an ISO date); return it as ISO text."""
    ts = _parse_as_of(as_of)
    return None if ts is None else ts.date().isoformat()


# --------------------------------------------------------------------------------------
# The province report
# --------------------------------------------------------------------------------------


class ProvinceReport:
    """All sections of one province report.

    Parameters
    ----------
    province : str
        Province name (validated against the geography registry).
    boundaries : {"legacy", "2025"}
        ``legacy``: the 63 provinces before 1 July 2025, with districts and communes;
        ``2025``: the 34 provinces; the report covers every legacy part of the province
        and aggregates counts with :func:`bhxh_analysis.geo.aggregate_to_2025`.
    year : int, optional
        Year of the forecast and of the plan comparison (default: latest year with an
        insurance figure for the province).
    as_of : str, optional
        ISO date: figures dated later are ignored, as if the report were written that day.
    lang : {"vi", "en"}
        Language of labels and number format.
    bundle : Bundle, optional
        Data (default: :func:`load_bundle`), for tests.
    """

    def __init__(self, province: str, boundaries: str = "legacy", year: int | None = None,
                 as_of: str | None = None, lang: str = "vi",
                 bundle: Bundle | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        self.boundaries = boundaries
        self.unit = resolve_province(province, boundaries)
        self.bundle = bundle or load_bundle()
        self.as_of = _parse_as_of(as_of)
        year = check_year(year)
        self.cutoff = self.as_of
        if year is not None and self.cutoff is None:
            self.cutoff = pd.Timestamp(year=year, month=12, day=31)
        self.obs = self._select(self.bundle.obs)
        ins = self.obs[is_insurance(self.obs["indicator"])
                       & measure_of(self.obs["indicator"]).isin(CORE_MEASURES)]
        if year is None:
            year = int(ins["as_of"].dt.year.max()) if len(ins) else None
        self.year = year
        self.aggregated = self._aggregate() if boundaries == "2025" else self.obs.iloc[0:0]

    # -- selection ------------------------------------------------------------------

    def _select(self, obs: pd.DataFrame) -> pd.DataFrame:
        """Observations of the province and every place inside it, dated up to the cutoff."""
        obs = obs[obs["geo_level"] != "nation"]
        if self.boundaries == "2025":
            sel = obs[obs["province_2025"] == self.unit.name]
        else:
            legacy = obs[obs["boundaries"] == "legacy"]
            units = units_frame("legacy")[["geo_level", "geo_code", "province_code"]]
            merged = legacy.merge(units, on=["geo_level", "geo_code"], how="left")
            sel = legacy[(merged["province_code"] == self.unit.code).to_numpy()]
        if self.cutoff is not None:
            sel = sel[sel["as_of"] <= self.cutoff]
        return self._label_places(sel)

    def _label_places(self, df: pd.DataFrame) -> pd.DataFrame:
        """Add ``place`` (commune names carry their district) and sort keys."""
        df = df.copy()
        place = df["geo_name"].astype(str)
        parents = []
        for bset in df["boundaries"].unique().tolist():
            units = units_frame(bset)
            names = units.set_index(["geo_level", "geo_code"])["unit_name"]
            sub = df[df["boundaries"] == bset]
            parent_code = sub[["geo_level", "geo_code"]].merge(
                units[["geo_level", "geo_code", "parent_code", "province_code"]],
                on=["geo_level", "geo_code"], how="left")
            parent_level = sub["geo_level"].map({"commune": "district", "district": "province"})
            if bset == "2025":  # 2025 communes sit directly under provinces
                parent_level = parent_level.where(sub["geo_level"] != "commune", "province")
            keys = pd.MultiIndex.from_arrays([parent_level.to_numpy(),
                                              parent_code["parent_code"].to_numpy()])
            parent_name = pd.Series(names.reindex(keys).to_numpy(), index=sub.index)
            parents.append(parent_name.where(sub["geo_level"] == "commune"))
        parent = pd.concat(parents) if parents else pd.Series(dtype="string")
        parent = parent.reindex(df.index)
        with_parent = place + " (" + parent.astype("string") + ")"
        df["place"] = with_parent.where(parent.notna(), place)
        if self.boundaries == "2025":
            # Figures of a legacy province inside a 2025 one: say which boundary set.
            legacy_prov = (df["boundaries"] == "legacy") & (df["geo_level"] == "province")
            df.loc[legacy_prov, "place"] = df.loc[legacy_prov, "place"] + " (≤ 30/6/2025)"
        df["_level_rank"] = df["geo_level"].map(LEVEL_ORDER)
        return df

    def _aggregate(self) -> pd.DataFrame:
        """Counts of the legacy parts summed to the 2025 province (2025 boundaries only)."""
        from . import geo

        parts = self.obs[(self.obs["boundaries"] == "legacy")
                         & (self.obs["geo_level"] == "province")]
        if parts.empty:
            return parts
        cols = [c for c in self.bundle.obs.columns if c in parts.columns]
        agg = geo.aggregate_to_2025(parts[cols])
        agg = agg[(agg["geo_level"] == "province") & (agg["boundaries"] == "2025")]
        if "as_of" in agg:
            agg = agg.assign(as_of=pd.to_datetime(agg["as_of"], errors="coerce"))
        # Sums that could not be made (a legacy part without a figure) are explained in
        # the gaps section rather than shown as empty figures.
        self.aggregation_gaps = agg[agg["value"].isna()]
        agg = agg[agg["value"].notna()]
        return self._label_places(agg.assign(place=agg["geo_name"]))

    # -- helpers --------------------------------------------------------------------

    def _t(self, key: str) -> str:
        return i18n.t(key, self.lang)

    def _latest(self, df: pd.DataFrame) -> pd.DataFrame:
        """Latest figure per place and indicator (ties: first by obs_id)."""
        if df.empty:
            return df
        df = df.sort_values(["geo_level", "geo_code", "indicator", "as_of", "obs_id"])
        keys = ["boundaries", "geo_level", "geo_code", "indicator"]
        return df.drop_duplicates(keys, keep="last")

    def _order(self, df: pd.DataFrame) -> pd.DataFrame:
        return (df.assign(_ind_rank=_indicator_rank(df["indicator"]))
                  .sort_values(["_level_rank", "place", "_ind_rank", "as_of"], kind="stable"))

    @property
    def title(self) -> str:
        """Report title in the report language."""
        bset = self._t("boundaries_legacy" if self.boundaries == "legacy" else "boundaries_2025")
        return f"{self._t('province_report')}: {self.unit.name} ({bset})"

    # -- sections ---------------------------------------------------------------------

    def header(self) -> Html:
        """Title, scope line and the machine-readable summary used by the index page."""
        cut = (i18n.fmt_date(self.cutoff, self.lang) if self.cutoff is not None
               else self._t("all_dates"))
        year = str(self.year) if self.year else "–"
        sub = f"{self._t('data_up_to')}: {cut} · {self._t('year')}: {year}"
        body = (_CSS + f"<h1>{html.escape(self.title)}</h1>" + _p(sub, "sub")
                + _p(self._t("synthetic_none"), "sub"))
        return Html(body, self.title, {SUMMARY_MIME: self.summary()})

    def headline(self) -> Html:
        """Latest figure of every indicator for the province and each place inside it."""
        latest = self._latest(pd.concat([self.aggregated, self.obs]) if len(self.aggregated)
                              else self.obs)
        if latest.empty:
            return _section(self._t("headline"), [_p(self._t("no_figures"), "warn")])
        latest = self._order(latest)
        src = _sources_label(self.bundle)
        source_text = latest["source_id"].map(src).fillna(latest["source_id"])
        if "method" in latest:  # aggregated rows carry their method instead of one source
            source_text = source_text.where(latest["method"].isna(), latest["method"])
        table = pd.DataFrame({
            self._t("place"): latest["place"].to_numpy(),
            self._t("level"): [i18n.level_label(x, self.lang) for x in latest["geo_level"]],
            self._t("indicator"): [i18n.indicator_label(x, self.lang) for x in latest["indicator"]],
            self._t("value"): _values_text(latest["value"], latest["unit"], self.lang),
            self._t("as_of"): _date_text(latest["as_of"], self.lang),
            self._t("source"): source_text.to_numpy(),
        })
        n_places = latest[["geo_level", "geo_code"]].drop_duplicates().shape[0]
        return _section(self._t("headline"), [_table(table)],
                        f"{len(table)} figures for {n_places} places")

    def _targets_for(self, indicator: str, year: int | None) -> pd.DataFrame:
        tg = self.bundle.targets
        names = {self.unit.name, "Việt Nam"}
        sel = tg[tg["indicator"].eq(indicator) & tg["geo_name"].isin(names)]
        if year is not None and len(sel):
            future = sel[sel["year"] >= year]
            sel = future[future["year"] == future["year"].min()] if len(future) else sel.iloc[0:0]
        return sel

    def coverage(self) -> Html:
        """Latest coverage of each place against its plan and the policy targets."""
        obs = self.obs
        derived = self._derived()
        both = pd.concat([obs, derived]) if len(derived) else obs
        measure = measure_of(both["indicator"])
        cov = self._latest(both[measure.eq("coverage_pct").to_numpy()
                                & is_insurance(both["indicator"]).to_numpy()
                                & both["geo_level"].isin(["province", "district", "commune"])])
        if cov.empty:
            return _section(self._t("coverage"), [_p(self._t("no_targets"), "note")])
        cov = self._order(cov)
        plan_ind = cov["indicator"].str.replace("_coverage_pct", "_plan_coverage_pct")
        plans = self._latest(both[both["indicator"].isin(plan_ind)])
        plan_key = plans.set_index(["geo_level", "geo_code", "indicator"])["value"]
        keys = pd.MultiIndex.from_arrays([cov["geo_level"], cov["geo_code"], plan_ind])
        plan_val = pd.Series(plan_key.reindex(keys).to_numpy(), index=cov.index)
        rows = []
        markers: list[float | None] = []
        for (_idx, r), plan in zip(cov.iterrows(), plan_val.tolist(), strict=True):
            # One row per (place, indicator): a handful per province, not a big table.
            year = int(r["as_of"].year)
            tg = self._targets_for(r["indicator"], year)
            target = tg.iloc[0] if len(tg) else None
            ref = plan if pd.notna(plan) else (target["value"] if target is not None else None)
            markers.append(ref)
            rows.append({
                self._t("place"): r["place"],
                self._t("indicator"): i18n.indicator_label(r["indicator"], self.lang),
                self._t("latest"): i18n.fmt_pct(r["value"], self.lang),
                self._t("as_of"): i18n.fmt_date(r["as_of"], self.lang),
                self._t("plan"): i18n.fmt_pct(plan, self.lang),
                self._t("policy_target"): (
                    f"{i18n.fmt_pct(target['value'], self.lang)} ({int(target['year'])}, "
                    f"{target['instrument']}, {target['geo_name']})" if target is not None else "–"),
                self._t("gap_pp"): i18n.fmt_pp(r["value"] - ref if ref is not None else None,
                                               self.lang),
            })
        table = pd.DataFrame(rows)
        labels = [f"{p} · {i18n.indicator_label(i, self.lang).split(':')[0]}"
                  for p, i in zip(cov["place"], cov["indicator"], strict=True)]
        from . import plotting

        chart = plotting.bar_chart(
            labels, cov["value"].tolist(), title=self._t("coverage"), xlabel="%",
            lang=self.lang, markers=markers,
            marker_label=f"{self._t('plan')} / {self._t('policy_target')}")
        parts = [_table(table), _img(chart)]
        if len(derived):
            parts.append(self._derived_table(derived))
        return _section(self._t("coverage"), parts)

    def _derived(self) -> pd.DataFrame:
        d = self.bundle.derived
        if d is None or d.empty:
            return pd.DataFrame(columns=list(self.obs.columns))
        return self._select(d)

    def _derived_table(self, derived: pd.DataFrame) -> str:
        d = self._order(derived)
        table = pd.DataFrame({
            self._t("place"): d["place"].to_numpy(),
            self._t("indicator"): [i18n.indicator_label(x, self.lang) for x in d["indicator"]],
            self._t("value"): _values_text(d["value"], d["unit"], self.lang),
            self._t("as_of"): _date_text(d["as_of"], self.lang),
            self._t("method"): d["method"].to_numpy() if "method" in d else "",
        })
        return f"<h3>{html.escape(self._t('derived'))}</h3>" + _table(table)

    def trends(self) -> Html:
        """Line charts of every series with two or more dates (province level first)."""
        src = pd.concat([self.aggregated, self.obs]) if len(self.aggregated) else self.obs
        counts = src.groupby(["place", "indicator"])["as_of"].transform("nunique")
        series = src[counts >= 2]
        if series.empty:
            return _section(self._t("trends"), [_p(self._t("no_series"), "note")])
        from . import plotting

        parts = []
        series = series.assign(_pct=series["unit"].eq("pct"))
        for is_pct, grp in series.groupby("_pct", sort=True):
            lines: dict[str, list[tuple[object, float]]] = {}
            grp = grp.sort_values("as_of").drop_duplicates(["place", "indicator", "as_of"])
            # Yearly series are drawn against the year, unless a series of the same chart
            # has several figures in a year: then every series is drawn against the date.
            yearly = not grp.assign(_year=grp["as_of"].dt.year).duplicated(
                ["place", "indicator", "_year"]).any()
            scale = 1.0 if is_pct else 1000.0
            for (place, ind), g in grp.groupby(["place", "indicator"], sort=True):
                xs = g["as_of"].dt.year if yearly else g["as_of"]
                label = f"{i18n.indicator_label(ind, self.lang)} — {place}"
                lines[label] = list(zip(xs.tolist(), (g["value"] / scale).tolist(), strict=True))
            ylabel = "%" if is_pct else self._t("persons_thousands")
            chart = plotting.line_chart(lines, title=f"{self._t('trends')}: {self.unit.name}",
                                        ylabel=ylabel, lang=self.lang, pct=bool(is_pct))
            parts.append(_img(chart))
        return _section(self._t("trends"), parts)

    def forecast_candidates(self) -> pd.DataFrame:
        """Participant series with a figure in the report year (one row per place × indicator)."""
        if self.year is None:
            return self.obs.iloc[0:0]
        obs = self.obs
        m = measure_of(obs["indicator"])
        sel = obs[m.eq("participants").to_numpy() & is_insurance(obs["indicator"]).to_numpy()
                  & (obs["as_of"].dt.year == self.year).to_numpy()]
        return self._order(self._latest(sel))

    def forecasts(self) -> pd.DataFrame:
        """Year-end forecasts for every participant series of the report year.

        Returns
        -------
        DataFrame
            One row per (place, indicator): forecast fields, or ``error`` saying why not.
        """
        if "_forecasts" in self.__dict__:
            return self.__dict__["_forecasts"]
        rows = []
        cand = self.forecast_candidates()
        try:
            from . import forecast as fc
        except ImportError as exc:  # pragma: no cover - module missing in a partial tree
            fc, missing = None, str(exc)
        for _, r in cand.iterrows():  # a few series per province
            as_of = self.as_of if self.as_of is not None else r["as_of"]
            base = {"place": r["place"], "indicator": r["indicator"], "geo_name": r["geo_name"],
                    "as_of": as_of, "last_value": r["value"], "last_as_of": r["as_of"]}
            if r["as_of"].month == 12 and r["as_of"].day == 31:
                base["error"] = "year_end_known"
                rows.append(base)
                continue
            if fc is None:
                base["error"] = missing
                rows.append(base)
                continue
            try:
                key = (r["boundaries"], r["geo_level"], r["geo_code"])  # never ambiguous
                res = fc.forecast_year_end(self.bundle.obs, key, r["indicator"],
                                           self.year, as_of.date().isoformat())
                base.update({k: getattr(res, k, None) for k in (
                    "forecast", "lo80", "hi80", "lo95", "hi95", "plan", "p_meet_plan",
                    "pace_required", "method", "n_obs")})
            except Exception as exc:  # the reason is shown to the reader, not hidden
                base["error"] = str(exc) or type(exc).__name__
            rows.append(base)
        out = pd.DataFrame(rows)
        self.__dict__["_forecasts"] = out
        return out

    def forecast(self) -> Html:
        """The year-end forecast with intervals and probability of meeting the plan."""
        title = f"{self._t('forecast')}/{self.year}" if self.year else self._t("forecast")
        fcs = self.forecasts()
        if fcs.empty:
            why = (f"Không có số liệu người tham gia nào trong năm {self.year}; không thể dự báo."
                   if self.lang == "vi" else
                   f"No participant figures in {self.year}: no forecast is possible.")
            return _section(title, [_p(why, "warn")])
        ok = fcs[fcs["error"].isna()] if "error" in fcs else fcs
        bad = fcs[fcs["error"].notna()] if "error" in fcs else fcs.iloc[0:0]
        parts = []
        if len(ok):
            table = pd.DataFrame({
                self._t("place"): ok["place"].to_numpy(),
                self._t("indicator"): [i18n.indicator_label(x, self.lang) for x in ok["indicator"]],
                self._t("as_of"): _date_text(ok["as_of"], self.lang),
                self._t("forecast_value"): [i18n.fmt_number(x, self.lang) for x in ok["forecast"]],
                self._t("interval80"): [f"{i18n.fmt_number(a, self.lang)}\u00a0–\u00a0{i18n.fmt_number(b, self.lang)}"
                                        for a, b in zip(ok["lo80"], ok["hi80"], strict=True)],
                self._t("interval95"): [f"{i18n.fmt_number(a, self.lang)}\u00a0–\u00a0{i18n.fmt_number(b, self.lang)}"
                                        for a, b in zip(ok["lo95"], ok["hi95"], strict=True)],
                self._t("plan"): [i18n.fmt_number(x, self.lang) for x in ok["plan"]],
                self._t("p_meet_plan"): [i18n.fmt_pct(100 * x, self.lang, 0)
                                         if x is not None and pd.notna(x) else "–"
                                         for x in ok["p_meet_plan"]],
                self._t("pace_required"): [i18n.fmt_number(x, self.lang) for x in ok["pace_required"]],
                self._t("method_used"): ok["method"].to_numpy(),
                self._t("n_obs"): ok["n_obs"].to_numpy(),
            })
            parts.append(_table(table))
            if ok["plan"].isna().any():
                parts.append(_p(
                    "Không có kế hoạch (chỉ tiêu) cho một số chuỗi: không tính được xác suất đạt kế hoạch."
                    if self.lang == "vi" else
                    "No plan is known for some series, so the probability of meeting it cannot be given.",
                    "note"))
        for _, r in bad.iterrows():
            label = f"{i18n.indicator_label(r['indicator'], self.lang)} — {r['place']}"
            if r["error"] == "year_end_known":
                value = i18n.fmt_number(r["last_value"], self.lang)
                msg = (f"{label}: số liệu cuối năm đã công bố ({value}); không cần dự báo."
                       if self.lang == "vi" else
                       f"{label}: the year-end figure is already published ({value}); nothing to forecast.")
            else:
                msg = (f"{label}: {self._t('no_forecast')} — {r['error']}")
            parts.append(_p(msg, "warn"))
        return _section(title, parts)

    def _conflicts(self) -> pd.DataFrame | None:
        cons = self.bundle.consistency
        if cons is None:
            return None
        keys = ["boundaries", "geo_level", "geo_code"]
        if not set(keys) <= set(cons.columns):
            return cons.iloc[0:0]
        places = self.obs[keys].astype(str).drop_duplicates()
        sel = cons.merge(places, on=keys, how="inner")
        return sel

    def consistency(self) -> Html:
        """Conflicting figures (figures that cannot all be true) for these places."""
        sel = self._conflicts()
        if sel is None:
            return _section(self._t("consistency"), [_p(self._t("no_consistency_file"), "note")])
        status = sel["status"] if "status" in sel else pd.Series("", index=sel.index)
        conflicts = sel[status.eq("conflict")]
        n_ok = int(status.eq("ok").sum())
        ok_text = (f"{n_ok} phép kiểm tra khớp." if self.lang == "vi"
                   else f"{n_ok} checks agree.")
        if conflicts.empty:
            return _section(self._t("consistency"), [_p(self._t("no_conflicts"), "note"),
                                                     _p(ok_text)])
        cols = {"geo_name": "place", "as_of": "as_of", "check": "check", "figures": "figures",
                "implied_values": "implied", "sources": "source"}
        cols = {c: self._t(k) for c, k in cols.items() if c in conflicts.columns}
        show = conflicts[list(cols)].rename(columns=cols)
        return _section(self._t("consistency"), [
            _p((f"{len(conflicts)} mâu thuẫn: các số liệu dưới đây không thể cùng đúng; "
                "cả hai giá trị được giữ nguyên.") if self.lang == "vi" else
               (f"{len(conflicts)} conflicts: the figures below cannot all be true; "
                "both values are kept."), "warn"),
            _table(show), _p(ok_text)])

    def gap_sentences(self) -> list[str]:
        """Plain statements of what the data do not hold for this province."""
        vi = self.lang == "vi"
        out: list[str] = []
        obs = self.obs
        ins = obs[is_insurance(obs["indicator"])]
        name = self.unit.name
        if ins.empty:
            out.append(f"Dữ liệu không có số liệu BHXH, BHTN hay BHYT nào cho {name} hoặc các địa bàn trực thuộc."
                       if vi else f"The data hold no BHXH, BHTN or BHYT figure for {name} or any place inside it.")
        prov_ins = ins[ins["geo_level"] == "province"]
        present = set(scheme_of(ins["indicator"]).dropna())
        missing = [s for s in ("bhxh", "bhxh_voluntary", "bhtn", "bhyt") if s not in present]
        if missing:
            labels = ", ".join(i18n.indicator_label(s + "_participants", self.lang).split(":")[0]
                               for s in missing)
            out.append(f"Không có số liệu nào về: {labels}." if vi else f"No figures at all for: {labels}.")
        if len(ins) and prov_ins.empty:
            out.append("Không có số liệu bảo hiểm cấp tỉnh; chỉ có số liệu của huyện/xã."
                       if vi else "No province-level insurance figure; only districts or communes.")
        core = ins[measure_of(ins["indicator"]).isin(CORE_MEASURES).to_numpy()]
        if len(core):
            last = core["as_of"].max()
            out.append(f"Số liệu bảo hiểm mới nhất là ngày {i18n.fmt_date(last, self.lang)}."
                        if vi else f"The latest insurance figure is dated {i18n.fmt_date(last, self.lang)}.")
            year_end = core[(core["as_of"].dt.month == 12) & (core["as_of"].dt.day == 31)
                            & measure_of(core["indicator"]).eq("participants").to_numpy()]
            if year_end.empty:
                out.append("Không có số người tham gia tại thời điểm cuối năm (31/12) nào."
                           if vi else "No year-end (31 December) participant count at all.")
        plans = ins[measure_of(ins["indicator"]).str.startswith("plan_").to_numpy()]
        if len(ins) and plans.empty:
            out.append("Không có kế hoạch (chỉ tiêu giao) được công bố cho địa bàn này."
                       if vi else "No published plan (assigned target) for this place.")
        # Holes inside yearly series (e.g. GSO population: no 2017 in the files).
        yearly = obs[(obs["geo_level"] == "province") & ~is_insurance(obs["indicator"])]
        for ind, g in yearly.groupby("indicator"):
            years = sorted(set(g["as_of"].dt.year.tolist()))
            if len(years) < 2:
                continue
            holes = sorted(set(range(years[0], years[-1] + 1)) - set(years))
            span = f"{years[0]}–{years[-1]}"
            label = i18n.indicator_label(str(ind), self.lang)
            if holes:
                miss = ", ".join(str(y) for y in holes[:10])
                out.append(f"{label}: chuỗi {span}, thiếu năm {miss}." if vi
                           else f"{label}: series {span}, missing {miss}.")
            else:
                out.append(f"{label}: chuỗi {span}." if vi else f"{label}: series {span}.")
        gaps = getattr(self, "aggregation_gaps", None)
        if gaps is not None and len(gaps):
            n = gaps[["indicator", "as_of"]].drop_duplicates().shape[0]
            reasons = "; ".join(sorted(set(gaps.get("reason", pd.Series(dtype=str)).astype(str)))[:3])
            out.append(f"{n} tổng cấp tỉnh (2025) không cộng được từ các tỉnh cũ: {reasons}." if vi
                       else f"{n} province totals (2025) could not be summed from the legacy parts: "
                       f"{reasons}.")
        if self.boundaries == "legacy":
            units = units_frame("legacy")
            for level in ("district", "commune"):
                n_all = int(((units["geo_level"] == level)
                             & (units["province_code"] == self.unit.code)).sum())
                n_have = int(ins.loc[ins["geo_level"] == level, "geo_code"].nunique())
                if n_all:
                    lvl = i18n.level_label(level, self.lang).lower()
                    out.append(f"Có số liệu cho {n_have}/{n_all} {lvl}." if vi
                               else f"Figures for {n_have} of {n_all} {level}s.")
        return out

    def gaps(self) -> Html:
        """Gaps in the data, said plainly."""
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self.gap_sentences())
        return _section(self._t("gaps"), [f"<ul>{items}</ul>"])

    def boundary_sentences(self) -> list[str]:
        """The boundary note: which set is used and how it maps across the 2025 reform."""
        vi = self.lang == "vi"
        u = self.unit
        parts = legacy_parts(u)
        others = [p for p in parts if p != u.name]
        if self.boundaries == "legacy":
            first = ("Báo cáo dùng địa giới trước ngày 1/7/2025 (63 tỉnh, có cấp huyện)."
                     if vi else "This report uses the boundaries before 1 July 2025 (63 provinces, with districts).")
            if u.province_2025_name == u.name and not others:
                second = (f"Từ 1/7/2025, tỉnh {u.name} giữ nguyên địa giới cấp tỉnh; cấp huyện bị bãi bỏ."
                          if vi else f"Since 1 July 2025 {u.name} keeps its provincial boundary; districts were abolished.")
            else:
                with_ = ", ".join(others)
                second = (f"Từ 1/7/2025, {u.name} (cũ) là một phần của tỉnh {u.province_2025_name} mới, "
                          f"cùng với {with_}; cấp huyện bị bãi bỏ."
                          if vi else
                          f"Since 1 July 2025 legacy {u.name} is part of {u.province_2025_name}, together "
                          f"with {with_}; districts were abolished.")
            return [first, second]
        listed = ", ".join(parts)
        first = (f"Báo cáo dùng địa giới từ 1/7/2025 (34 tỉnh). Tỉnh {u.name} gồm các tỉnh cũ: {listed}."
                 if vi else f"This report uses the boundaries from 1 July 2025 (34 provinces). "
                 f"{u.name} is made of the legacy provinces: {listed}.")
        second = ("Số liệu của các tỉnh cũ được cộng dồn (geo.aggregate_to_2025) khi có đủ số liệu "
                  "cùng thời điểm; tỷ lệ không bao giờ cộng dồn mà được tính lại từ số người và mẫu số, "
                  "hoặc để trống."
                  if vi else
                  "Counts of the legacy parts are summed (geo.aggregate_to_2025) where they share a date; "
                  "percentages are never summed: they are recomputed from counts and denominators or left missing.")
        return [first, second]

    def boundaries_note(self) -> Html:
        """A note on boundaries (legacy vs 2025)."""
        return _section(self._t("boundaries"),
                        [_p(s, "note") for s in self.boundary_sentences()])

    def sources(self) -> Html:
        """Every source cited in the report."""
        ids = set(self.obs["source_id"].astype(str))
        src = self.bundle.sources
        used = src[src["source_id"].isin(ids)].sort_values("source_id")
        table = pd.DataFrame({
            "id": used["source_id"].to_numpy(),
            self._t("publisher"): used["publisher"].to_numpy(),
            self._t("title"): used["title"].to_numpy(),
            self._t("address"): used["address"].to_numpy(),
            self._t("published"): used["published_date"].to_numpy(),
        })
        return _section(self._t("sources"), [_table(table)])

    def summary(self) -> dict[str, Any]:
        """Key figures and forecast for the index page (JSON-serialisable)."""
        latest = self._latest(pd.concat([self.aggregated, self.obs]) if len(self.aggregated)
                              else self.obs)
        ins = latest[is_insurance(latest["indicator"])
                     & measure_of(latest["indicator"]).isin(["participants", "coverage_pct"])]
        ins = self._order(ins)
        key = [{"place": r["place"], "indicator": r["indicator"],
                "label": i18n.indicator_label(r["indicator"], self.lang),
                "value": float(r["value"]),
                "text": i18n.fmt_value(r["value"], r["unit"], self.lang),
                "as_of": r["as_of"].date().isoformat()}
               for _, r in ins.head(3).iterrows()]
        fc = None
        fcs = self.forecasts()
        if len(fcs) and "forecast" in fcs:
            good = fcs[fcs["forecast"].notna()]
            if len(good):
                r = good.iloc[0]
                fc = {"place": r["place"], "indicator": r["indicator"],
                      "forecast": float(r["forecast"]),
                      "text": (f"{i18n.fmt_number(r['forecast'], self.lang)} "
                               f"[{i18n.fmt_number(r['lo80'], self.lang)}–"
                               f"{i18n.fmt_number(r['hi80'], self.lang)}]"),
                      "p_meet_plan": (None if r["p_meet_plan"] is None or pd.isna(r["p_meet_plan"])
                                      else float(r["p_meet_plan"])),
                      "method": str(r["method"])}
        conflicts = self._conflicts()
        n_conf = 0 if conflicts is None or "status" not in conflicts else int(
            conflicts["status"].eq("conflict").sum())
        return json.loads(json.dumps({
            "province": self.unit.name, "code": self.unit.code, "boundaries": self.boundaries,
            "lang": self.lang, "year": self.year, "key_figures": key, "forecast": fc,
            "conflicts": n_conf, "n_observations": len(self.obs),
        }, default=str))


# --------------------------------------------------------------------------------------
# National trends and forecast report
# --------------------------------------------------------------------------------------


class NationalReport:
    """National series against the policy targets (``national_trends`` notebook).

    Parameters
    ----------
    lang : {"vi", "en"}
        Report language.
    start, end : int
        First and last year shown.
    bundle : Bundle, optional
        Data (default: :func:`load_bundle`).
    """

    def __init__(self, lang: str = "vi", start: int = 2008, end: int = 2025,
                 bundle: Bundle | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        self.start, self.end = int(start), int(end)
        if self.start > self.end:
            raise ReportParameterError(f"start ({start}) is after end ({end})")
        self.bundle = bundle or load_bundle()
        obs = self.bundle.obs
        years = obs["as_of"].dt.year
        self.obs = obs[(obs["geo_level"] == "nation") & years.between(self.start, self.end)]

    def _t(self, key: str) -> str:
        return i18n.t(key, self.lang)

    def header(self) -> Html:
        """Title and scope line."""
        title = f"{self._t('national_report')} {self.start}–{self.end}"
        return Html(_CSS + f"<h1>{html.escape(title)}</h1>"
                    + _p(self._t("synthetic_none"), "sub"), title)

    def _yearly(self, measure: str) -> pd.DataFrame:
        obs = self.obs
        sel = obs[measure_of(obs["indicator"]).eq(measure).to_numpy()
                  & is_insurance(obs["indicator"]).to_numpy()]
        # Latest figure of each year per indicator; conflicting sources are listed separately.
        sel = sel.assign(year=sel["as_of"].dt.year).sort_values(["indicator", "as_of", "obs_id"])
        return sel.drop_duplicates(["indicator", "year"], keep="last")

    def participants(self) -> Html:
        """Participants by scheme over the years (latest figure of each year)."""
        y = self._yearly("participants")
        lines = {i18n.indicator_label(ind, self.lang).split(":")[0]:
                 list(zip(g["year"].tolist(), (g["value"] / 1e6).tolist(), strict=True))
                 for ind, g in y.groupby("indicator", sort=True)}
        unit = "triệu người" if self.lang == "vi" else "million persons"
        title = self._t("participants_by_scheme")
        from . import plotting

        chart = plotting.line_chart(lines, title=title, ylabel=unit, lang=self.lang)
        return _section(title, [_img(chart), self._year_table(y)])

    def _year_table(self, y: pd.DataFrame) -> str:
        y = y.assign(text=_values_text(y["value"], y["unit"], self.lang),
                     label=[i18n.indicator_label(x, self.lang) for x in y["indicator"]])
        wide = y.pivot_table(index="year", columns="label", values="text", aggfunc="last")
        wide = wide.reset_index().rename(columns={"year": self._t("year")})
        wide.columns.name = None
        return _table(wide.astype(str).replace("nan", "–"))

    def coverage(self) -> Html:
        """Coverage by scheme against the policy targets of Resolutions 28, 20, 42 and Decision 546."""
        y = self._yearly("coverage_pct")
        lines = {i18n.indicator_label(ind, self.lang).split(":")[0]:
                 list(zip(g["year"].tolist(), g["value"].tolist(), strict=True))
                 for ind, g in y.groupby("indicator", sort=True)}
        tg = self.bundle.targets
        tg = tg[(tg["geo_name"] == "Việt Nam") & tg["indicator"].str.endswith("_coverage_pct")
                & tg["year"].between(self.start, self.end + 5)]
        from . import plotting

        chart = plotting.line_chart(lines, title=self._t("coverage"), ylabel="%",
                                    lang=self.lang, pct=True)
        # Targets are drawn per scheme in the table; lines for all would clutter the chart.
        ttab = pd.DataFrame({
            self._t("indicator"): [i18n.indicator_label(x, self.lang) for x in tg["indicator"]],
            self._t("target_year"): tg["year"].to_numpy(),
            self._t("target"): [i18n.fmt_pct(v, self.lang) for v in tg["value"]],
            self._t("source"): tg["instrument"].to_numpy(),
        })
        return _section(self._t("coverage"), [_img(chart), self._year_table(y),
                                              f"<h3>{html.escape(self._t('policy_target'))}</h3>",
                                              _table(ttab)])

    def conflicts(self) -> Html:
        """Years in which sources disagree on the same national figure."""
        cons = self.bundle.consistency
        if cons is not None and {"geo_level", "status"} <= set(cons.columns):
            conf = cons[cons["geo_level"].eq("nation") & cons["status"].eq("conflict")]
            years = pd.to_datetime(conf["as_of"], errors="coerce").dt.year
            conf = conf[years.between(self.start, self.end)]
            if conf.empty:
                return _section(self._t("consistency"), [_p(self._t("no_conflicts"), "note")])
            cols = {c: self._t(k) for c, k in (("as_of", "as_of"), ("check", "check"),
                                               ("figures", "figures"),
                                               ("implied_values", "implied"),
                                               ("sources", "source")) if c in conf.columns}
            return _section(self._t("consistency"), [
                _p(f"{len(conf)} " + ("mâu thuẫn; cả hai giá trị được giữ nguyên."
                                      if self.lang == "vi" else
                                      "conflicts; both values are kept, never averaged."), "warn"),
                _table(conf[list(cols)].rename(columns=cols))])
        obs = self.obs[is_insurance(self.obs["indicator"])]
        dup = obs[obs.duplicated(["indicator", "as_of"], keep=False)]
        dup = dup[dup.groupby(["indicator", "as_of"])["value"].transform("nunique") > 1]
        if dup.empty:
            return _section(self._t("consistency"), [_p(self._t("no_conflicts"), "note")])
        src = _sources_label(self.bundle)
        table = pd.DataFrame({
            self._t("indicator"): [i18n.indicator_label(x, self.lang) for x in dup["indicator"]],
            self._t("as_of"): _date_text(dup["as_of"], self.lang),
            self._t("value"): _values_text(dup["value"], dup["unit"], self.lang),
            self._t("source"): dup["source_id"].map(src).fillna(dup["source_id"]).to_numpy(),
        })
        return _section(self._t("consistency"), [_table(table)])


class ForecastReport:
    """Year-end forecasts for a place and the backtest skill (``forecast_report`` notebook).

    Parameters
    ----------
    geo : str
        Place name ("Việt Nam" or any unit the registry resolves).
    year : int, optional
        Forecast year (default: latest year with a participant figure before year end).
    as_of : str, optional
        ISO date the forecast is made on (default: the latest figure of that year).
    lang : {"vi", "en"}
        Report language.
    """

    def __init__(self, geo: str = "Việt Nam", year: int | None = None, as_of: str | None = None,
                 lang: str = "vi", bundle: Bundle | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        self.bundle = bundle or load_bundle()
        self.geo = geo
        self.as_of = _parse_as_of(as_of)
        obs = self.bundle.obs
        reg = _registry()
        self.unit = reg.resolve(geo)
        sel = obs[(obs["geo_code"] == self.unit.code) & (obs["geo_level"] == self.unit.level)]
        if self.unit.level != "nation":  # the nation is the same unit in both boundary sets
            sel = sel[sel["boundaries"] == self.unit.boundaries]
        sel = sel[measure_of(sel["indicator"]).eq("participants").to_numpy()
                  & is_insurance(sel["indicator"]).to_numpy()]
        if self.as_of is not None:
            sel = sel[sel["as_of"] <= self.as_of]
        within = sel[~((sel["as_of"].dt.month == 12) & (sel["as_of"].dt.day == 31))]
        year = check_year(year)
        if year is None:
            year = int(within["as_of"].dt.year.max()) if len(within) else None
        self.year = year
        self.series = sel[sel["as_of"].dt.year == year] if year else sel.iloc[0:0]

    def _t(self, key: str) -> str:
        return i18n.t(key, self.lang)

    def header(self) -> Html:
        """Title and scope line."""
        title = f"{self._t('forecast_report')}: {self.unit.name} {self.year or ''}".strip()
        return Html(_CSS + f"<h1>{html.escape(title)}</h1>", title)

    def forecasts(self) -> Html:
        """One forecast per participant indicator of the place in the year."""
        from . import forecast as fc

        rows = []
        last = self.series.sort_values(["indicator", "as_of"]).drop_duplicates(
            "indicator", keep="last")
        for _, r in last.iterrows():  # a handful of indicators
            as_of = self.as_of if self.as_of is not None else r["as_of"]
            if as_of.month == 12 and as_of.day == 31:
                as_of = as_of - pd.Timedelta(days=1)
                prior = self.series[(self.series["indicator"] == r["indicator"])
                                    & (self.series["as_of"] <= as_of)]
                if prior.empty:
                    continue
                as_of = prior["as_of"].max()
            try:
                res = fc.forecast_year_end(self.bundle.obs, (r["boundaries"], r["geo_level"],
                                                             r["geo_code"]),
                                           r["indicator"], self.year, as_of.date().isoformat())
            except Exception as exc:
                rows.append({self._t("indicator"): i18n.indicator_label(r["indicator"], self.lang),
                             self._t("as_of"): i18n.fmt_date(as_of, self.lang),
                             self._t("no_forecast"): str(exc)})
                continue
            actual = self.bundle.obs[
                (self.bundle.obs["geo_code"] == self.unit.code)
                & (self.bundle.obs["indicator"] == r["indicator"])
                & (self.bundle.obs["as_of"] == pd.Timestamp(year=self.year, month=12, day=31))]
            rows.append({
                self._t("indicator"): i18n.indicator_label(r["indicator"], self.lang),
                self._t("as_of"): i18n.fmt_date(as_of, self.lang),
                self._t("forecast_value"): i18n.fmt_number(res.forecast, self.lang),
                self._t("interval80"): f"{i18n.fmt_number(res.lo80, self.lang)}\u00a0–\u00a0"
                                       f"{i18n.fmt_number(res.hi80, self.lang)}",
                self._t("interval95"): f"{i18n.fmt_number(res.lo95, self.lang)}\u00a0–\u00a0"
                                       f"{i18n.fmt_number(res.hi95, self.lang)}",
                self._t("plan"): i18n.fmt_number(res.plan, self.lang),
                self._t("p_meet_plan"): ("–" if res.p_meet_plan is None or pd.isna(res.p_meet_plan)
                                         else i18n.fmt_pct(100 * res.p_meet_plan, self.lang, 0)),
                self._t("method_used"): res.method,
                ("Thực tế 31/12" if self.lang == "vi" else "Actual 31 Dec"):
                    i18n.fmt_number(actual["value"].iloc[0], self.lang) if len(actual) else "–",
            })
        if not rows:
            why = ("Không có số liệu trong năm trước 31/12 để dự báo." if self.lang == "vi"
                   else "No within-year figure before 31 December to forecast from.")
            return _section(self._t("forecast"), [_p(why, "warn")])
        return _section(self._t("forecast"), [_table(pd.DataFrame(rows))])

    def backtest(self) -> Html:
        """Backtest skill against the run-rate baseline (from ``backtest.csv``)."""
        from . import forecast as fc

        bt = self.bundle.backtest
        parts = []
        try:
            if bt is None or bt.empty:
                # No backtest.csv yet: run it now (a few seconds on the embedded data).
                bt = fc.backtest(self.bundle.obs)
                parts.append(_p(self._t("backtest_now"), "note"))
            summary = fc.summary(bt)
        except Exception as exc:
            return _section(self._t("backtest"), [_p(f"{type(exc).__name__}: {exc}", "warn")])
        if isinstance(summary, pd.DataFrame):
            num = summary.select_dtypes("number").columns
            shown = summary.copy()
            for c in num:
                digits = 0 if pd.api.types.is_integer_dtype(summary[c]) else 2
                shown[c] = [i18n.fmt_number(v, self.lang, digits) for v in summary[c]]
            skill = ("skill = 1 − MAPE(phương pháp) ÷ MAPE(run-rate) trên cùng các trường hợp; "
                     "> 0 là tốt hơn đường cơ sở run-rate." if self.lang == "vi" else
                     "skill = 1 − MAPE(method) ÷ MAPE(run-rate) on the same cases; "
                     "> 0 beats the run-rate baseline.")
            return _section(self._t("backtest"), [*parts, _table(shown), _p(skill)])
        return _section(self._t("backtest"), [*parts, f"<pre>{html.escape(str(summary))}</pre>"])
