"""The tables of a province report, as DataFrames (one method per section).

A notebook asks :class:`ProvinceReport` for a table, shows it with
:class:`~bhxh_analysis.reports.render.Page` and draws it with :mod:`bhxh_analysis.plotting`.
Sentences (gaps, boundaries, the choice of year, the reason behind a probability) are
built from the same tables the page shows, with words from the i18n catalogue, so the
page cannot contradict itself. The rules of the coverage section (targets, denominators)
are in :mod:`~bhxh_analysis.reports.coverage`, those of the forecast section in
:mod:`~bhxh_analysis.reports.forecasts`; the methods here ask them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import i18n
from ..geo.areas import area_dates, other_area
from ..schema import LEVEL_RANK
from . import coverage, forecasts
from .citations import page_sources, source_labels
from .data import (
    SUMMARY_MIME,
    Bundle,
    best_first,
    dated_names,
    family_of,
    future_as_of_notes,
    indicator_rank,
    is_insurance,
    is_year_end,
    joined_into,
    latest,
    load_bundle,
    measure_of,
    parse_as_of,
    renamed_title,
    resolve_province,
    scheme_of,
    unit_kinds,
    units_frame,
)
from .data import check_year as _check_year
from .dates import approximate
from .plans import chosen_plans, coverage_table_plans, persons_plans
from .plans import plan_evidence as _plan_evidence
from .qualifiers import kinds_of
from .render import value_text
from .trends import TREND_MEASURES as _TREND_MEASURES
from .trends import trend_events as _trend_events
from .trends import trend_notes as _trend_notes
from .trends import trend_table as _trend_table

__all__ = ["SUMMARY_MIME", "ProvinceReport", "coverage_table"]


class ProvinceReport:
    """Every table of one province report.

    Parameters
    ----------
    province : str
        Province name (validated against the geography registry).
    boundaries : {"legacy", "2025"}
        ``legacy``: the 63 provinces before 1 July 2025, with districts and communes;
        ``2025``: the 34 provinces, covering every legacy part of the province.
    year : int, optional
        Report year (forecast and plan comparison). Default: the latest year in which
        one place has, for one scheme, both a plan (in persons, or a coverage plan with
        that year's denominator) and a within-year participants figure — a year the
        forecast section sets against a plan — else the latest year with data
        (:meth:`year_reason` says which, and whether the place's own 31 December
        figures of a later year are published).
    as_of : str, optional
        ``YYYY-MM-DD`` or ``dd/mm/yyyy``: figures dated later are ignored.
    lang : {"vi", "en"}
        Language of labels, place names' qualifiers and sentences.
    bundle : Bundle, optional
        Data (default: :func:`~bhxh_analysis.reports.data.load_bundle`), for tests.

    Examples
    --------
    >>> rpt = ProvinceReport("Lâm Đồng", lang="en")  # doctest: +SKIP
    >>> rpt.coverage_table()[["place", "coverage", "target", "gap_pp"]]  # doctest: +SKIP
    """

    #: The level of the report's own place (a :class:`~.unit.UnitReport` sets its own).
    level: str = "province"

    def __init__(self, province: str, boundaries: str = "legacy", year: int | None = None,
                 as_of: str | None = None, lang: str = "vi",
                 bundle: Bundle | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        self.boundaries = boundaries
        self.unit = resolve_province(province, boundaries)
        self.bundle = bundle or load_bundle()
        self.as_of = parse_as_of(as_of)
        year = _check_year(year)
        self.cutoff = self.as_of
        if year is not None and self.cutoff is None:
            self.cutoff = pd.Timestamp(year=year, month=12, day=31)
        # per-report memo of what several sections read (headline, coverage, forecast,
        # plans in persons; each legacy part's area changes, read by _select): on first use
        self._cache: dict[str, Any] = {}
        self.obs = self._select(self.bundle.obs)
        d = self.bundle.derived
        self.derived = (self._select(self._known_by_cutoff(d), cut=False)
                        if d is not None and len(d)
                        else self.obs.iloc[0:0])
        self.aggregation_gaps = self.obs.iloc[0:0]
        self.aggregated = self._aggregate() if boundaries == "2025" else self.obs.iloc[0:0]
        self.year_given = year is not None
        self.year = year if year is not None else self._default_year()

    # -- selection ------------------------------------------------------------------

    def _known_by_cutoff(self, derived: pd.DataFrame) -> pd.DataFrame:
        """Derived rows known by the cutoff: dated on or before it, or a year's plan
        (dated 31 December) whose inputs were all published by then (``inputs_as_of``,
        the later of the inputs' dates, from ``metrics.derive``)."""
        if self.cutoff is None:
            return derived
        if "inputs_as_of" not in derived:
            return derived[derived["as_of"].le(self.cutoff)]
        known = pd.to_datetime(derived["inputs_as_of"], errors="coerce")
        plan = measure_of(derived["indicator"]).str.startswith("plan_").to_numpy()
        keep = derived["as_of"].le(self.cutoff) | (plan & known.le(self.cutoff).to_numpy())
        return derived[keep]

    def _select(self, obs: pd.DataFrame, cut: bool = True) -> pd.DataFrame:
        """Rows of the province and every place inside it, dated up to the cutoff."""
        obs = obs[obs["geo_level"] != "nation"]
        if self.boundaries == "2025":
            sel = obs[obs["province_2025"] == self.unit.name]
        else:
            legacy = obs[obs["boundaries"] == "legacy"]
            units = units_frame("legacy")[["geo_level", "geo_code", "province_code"]]
            merged = legacy.merge(units, on=["geo_level", "geo_code"], how="left")
            sel = legacy[(merged["province_code"] == self.unit.code).to_numpy()]
        if self.cutoff is not None and cut:
            sel = sel[sel["as_of"] <= self.cutoff]
        return self._label_places(sel)

    def _label_places(self, df: pd.DataFrame) -> pd.DataFrame:
        """Add ``place`` (communes carry their district; a city named as its province
        its full name) and a level rank for sorting."""
        df = df.copy()
        # each figure under the name its place bore on its date (Thừa Thiên Huế till 2024)
        dated = dated_names(df)
        place = df["geo_name"].astype(str).where(dated.isna(), dated.astype(str))
        label = {n: i18n.place_label(n, self.lang) for n in place.unique()}  # "Ward 4"
        place = place.map(label)
        parent = pd.Series(pd.NA, index=df.index, dtype="string")
        for bset in df["boundaries"].dropna().unique().tolist():
            units = units_frame(bset)
            names = units.set_index(["geo_level", "geo_code"])["unit_name"]
            sub = df[(df["boundaries"] == bset) & (df["geo_level"] == "commune")]
            if sub.empty:
                continue
            codes = sub[["geo_level", "geo_code"]].merge(
                units[["geo_level", "geo_code", "parent_code"]], on=["geo_level", "geo_code"],
                how="left")["parent_code"]
            level = "province" if bset == "2025" else "district"
            keys = pd.MultiIndex.from_arrays([[level] * len(sub), codes.to_numpy()])
            parent.loc[sub.index] = [p if pd.isna(p) else i18n.place_label(p, self.lang)
                                     for p in names.reindex(keys).to_numpy()]
        df["place"] = (place + " (" + parent + ")").where(parent.notna(), place)
        # A city named as its province (Thành phố Hà Tĩnh, the former Thành phố Ninh
        # Bình) is labelled by its full name, so its rows never read as the province's.
        for bset in df["boundaries"].dropna().unique().tolist():
            sub = df[(df["boundaries"] == bset) & (df["geo_level"] == "district")]
            if sub.empty:
                continue
            units = units_frame(bset).set_index(["geo_level", "geo_code"])
            own = units.reindex(pd.MultiIndex.from_arrays(
                [["district"] * len(sub), sub["geo_code"].astype(str)]))
            province = units.xs("province")["unit_name"].reindex(own["province_code"])
            same = sub["geo_name"].astype(str).to_numpy() == province.to_numpy()
            df.loc[sub.index[same], "place"] = [
                i18n.unit_full_name(f, n, self.lang)
                for f, n in zip(own["full_name"].to_numpy()[same],
                                sub["geo_name"].astype(str).to_numpy()[same], strict=True)]
        if self.boundaries == "2025":
            legacy_prov = (df["boundaries"] == "legacy") & (df["geo_level"] == "province")
            # each legacy province labelled with the boundaries its figure's date has:
            # its own last day (Hà Tây: 31/7/2008), or, before its own area changed
            # (geo.reform.BOUNDARY_CHANGES: Hà Nội before 1/8/2008, Đắk Lắk with Đắk
            # Nông before 1/1/2004) or another province joined it, the day before that ...
            rows = df.loc[legacy_prov]
            # (the date of the area a figure counts: a GSO year's at the year's end)
            keys = list(zip(rows["geo_code"].astype(str), area_dates(rows), strict=True))
            bounds = {k: self._bounds(*k) for k in dict.fromkeys(keys)}
            df.loc[legacy_prov, "place"] = [f"{p} ({bounds[k]})" for p, k in
                                            zip(rows["place"], keys, strict=True)]
            # ... unless on that date it was the whole 2025 province (Huế, Cao Bằng; Hà
            # Nội from 1/8/2008): then its figure is the province's own, not a part's
            sole = legacy_prov.to_numpy() & self._sole_part(df)
            df.loc[sole, "place"] = dated[sole].fillna(self.unit.name).to_numpy()
        df["_level_rank"] = df["geo_level"].map(LEVEL_RANK)
        return df

    def _bounds(self, code: str, when: pd.Timestamp) -> str:
        """The boundaries legacy province ``code`` had on ``when``, in words.

        Before the first later change of its own area ("before <that day>"): one of
        :data:`~bhxh_analysis.geo.reform.BOUNDARY_CHANGES` (``geo.areas.area_changes``:
        Đắk Lắk before 1/1/2004, with Đắk Nông; Hà Nội before 1/8/2008) or a province
        joining it (the registry's ``valid_to`` and ``successor_code``: Hà Tây into Hà
        Nội); else :meth:`_until`.
        """
        from .. import geo
        from ..geo.areas import area_changes

        known = self._cache.setdefault("area_days", {})  # per code, whatever the date
        if code not in known:
            known[code] = ([c["date"] for c in area_changes(geo.get_registry(), code)]
                           + joined_into([code])["valid_to"].tolist())
        days = known[code]
        later = sorted(d for d in days if pd.isna(when) or when < d)
        if later:
            return self.t("legacy_before_date", date=i18n.fmt_date(later[0], self.lang))
        return self._until(code)

    def _until(self, code: str) -> str:
        """"until <last day>" of legacy province ``code``, by the registry's rules.

        The catalogue's "until 30 June 2025" for a province that lasted to the reform;
        for one that had ceased by then (``Registry.ceased_by``: Hà Tây), its own
        ``Registry.last_day`` (31/7/2008).
        """
        from .. import geo
        from ..schema import REFORM_DATE

        reg = geo.get_registry()
        unit = reg.get("legacy", "province", code)
        if not reg.ceased_by(unit, REFORM_DATE):  # it lasted to the reform
            return self.t("legacy_until")
        return self.t("legacy_until_date", date=i18n.fmt_date(reg.last_day(unit), self.lang))

    def own_place(self, df: pd.DataFrame, code: bool = True) -> Any:
        """Whether each row is a figure of the report's own place (boolean array): its
        level and boundary set (and code, unless ``code=False``), or on 2025 boundaries
        the sole legacy province that was the whole province on the row's date
        (:meth:`_sole_part`)."""
        own = df["geo_level"].eq(self.level) & df["boundaries"].astype(str).eq(self.boundaries)
        if code:
            own &= df["geo_code"].astype(str).eq(str(self.unit.code))
        own = own.to_numpy(dtype=bool)
        if self.boundaries == "2025" and self.level == "province":
            own = own | self._sole_part(df)
        return own

    def _sole_part(self, df: pd.DataFrame) -> Any:
        """Whether each row is of the legacy province that alone made up the 2025
        province on the row's date (boolean array; 2025 boundaries).

        A 2025 province with one legacy predecessor (Huế, Cao Bằng, the ten unchanged on
        1 July 2025; Hà Nội once Hà Tây had joined it on 1 August 2008) is that province:
        its figures are the province's own, shown once under the 2025 name, never as a
        "sum of the legacy provinces" beside themselves.
        """
        from .. import geo

        reg = geo.get_registry()
        units = units_frame("legacy")
        codes = units.loc[(units["geo_level"] == "province")
                          & (units["province_2025_code"] == self.unit.code), "geo_code"]
        parts = [reg.get("legacy", "province", str(c)) for c in codes]
        dates = area_dates(df)  # a GSO year's figure: its year's end (the area it counts)
        sole: dict[pd.Timestamp, str | None] = {}  # date -> the one legacy part then
        for when in dates.dropna().unique():
            alive = [p.code for p in parts if not reg.ceased_by(p, when)]
            sole[when] = alive[0] if len(alive) == 1 else None
        # a figure from before the part's own area changed (Lai Châu with Điện Biên
        # before 2004) counts another area than the 2025 province's: not its own
        same_area = other_area(reg, df).isna().to_numpy()
        return ((df["geo_level"] == "province") & (df["boundaries"] == "legacy") & same_area
                & df["geo_code"].astype(str).eq(dates.map(sole))).to_numpy(dtype=bool)

    def _aggregate(self) -> pd.DataFrame:
        """Counts of the legacy parts summed to the 2025 province (2025 boundaries only)."""
        from .. import geo

        parts = self.obs[(self.obs["boundaries"] == "legacy")
                         & (self.obs["geo_level"] == "province")]
        if parts.empty:
            return parts
        cols = [c for c in self.bundle.obs.columns if c in parts.columns]
        # One figure per part, date and indicator: where sources repeat (or disagree on)
        # a figure, the sum uses the forecaster's (best_first); the disagreement is in
        # the consistency section, never averaged.
        parts = best_first(parts).drop_duplicates(["geo_level", "geo_code", "as_of", "indicator"])
        agg = geo.aggregate_to_2025(parts[cols])
        agg = agg[(agg["geo_level"] == "province") & (agg["boundaries"] == "2025")]
        agg = agg.assign(as_of=pd.to_datetime(agg["as_of"], errors="coerce").astype(
            "datetime64[ns]"))
        self.aggregation_gaps = agg[agg["value"].isna()]
        agg = agg[agg["value"].notna()]
        # a "sum" of one legacy province is that province's own figure, which the page
        # already shows under the 2025 name (_sole_part): not repeated as a sum
        own = set(parts.loc[self._sole_part(parts), "obs_id"].astype(str))
        inputs = agg["inputs"].astype(str).str.split()
        agg = agg[~inputs.map(lambda ids: bool(ids) and set(ids) <= own).to_numpy()]
        if agg.empty:
            return self.obs.iloc[0:0]
        agg = agg.assign(
            source_id="", obs_id=agg.get("obs_id", "agg"),
            method=i18n.t("method_sum_legacy", self.lang))
        return self._label_places(agg)

    def _order(self, df: pd.DataFrame) -> pd.DataFrame:
        """Rows in page order: level, place, indicator, date, then best first (never file
        order): a chart keeping one figure per date keeps the forecaster's."""
        df = best_first(df)
        return (df.assign(_ind_rank=indicator_rank(df["indicator"]).to_numpy())
                .sort_values(["_level_rank", "place", "_ind_rank", "as_of"], kind="stable"))

    def _figures(self) -> pd.DataFrame:
        """Published figures and the 2025 sums: what the headline table shows."""
        return pd.concat([self.aggregated, self.obs]) if len(self.aggregated) else self.obs

    def _default_year(self) -> int | None:
        """The contract's default year (issue 14.5), and why (:meth:`year_reason`).

        The latest year in which one place of the page has, for one scheme, a plan in
        persons (published, implied by an attainment or shortfall, or a coverage plan the
        forecaster converts with the year's denominator) and a participants figure dated
        within the year — the series the forecast section forecasts and sets against that
        plan; else the latest year with data. A coverage figure counts for neither: it is
        compared with its plan in the coverage section, never forecast.
        """
        both = pd.concat([self._figures(), self.derived])
        ins = both[is_insurance(both["indicator"])]
        if ins.empty:
            self._year_reason = "year_reason_none"
            return None
        m = measure_of(ins["indicator"])
        cols = ["year", "boundaries", "geo_level", "geo_code", "scheme"]

        def keys(df: pd.DataFrame, year: pd.Series | None = None) -> set[tuple]:
            """(year, place, scheme) of each row; the year of its date unless given."""
            return set(map(tuple, df.assign(
                year=(df["as_of"].dt.year if year is None else year).astype(int),
                scheme=scheme_of(df["indicator"]).to_numpy())[cols].astype(str)
                .to_numpy().tolist()))

        # What forecast_table reads: published participants of the place (never the sum
        # of legacy parts) and the plans of the published and derived tables.
        pub = self.obs[is_insurance(self.obs["indicator"])]
        pm = measure_of(pub["indicator"])
        have = keys(pub[pm.eq("participants").to_numpy()
                        & ~is_year_end(pub["as_of"]).to_numpy()])
        own = pd.concat([pub, self.derived[is_insurance(self.derived["indicator"])]])
        plans = keys(own[_plan_evidence(measure_of(own["indicator"])).to_numpy()])
        # a coverage plan counts when the year's denominator turns it into persons, as
        # the forecaster does (Hưng Yên 2022: 92 % of a population of 1,290,850)
        conv = self._persons_plans()
        from_cov = keys(conv, conv["year"])
        common = {int(k[0]) for k in have & (plans | from_cov)}
        # the plan year's plans are only coverage plans: the header says how they count
        self._plan_from_coverage = bool(common) and not any(
            int(k[0]) == max(common) for k in have & plans)
        if common:
            year = max(common)
            self._year_reason = ("year_reason_plan_coverage" if self._plan_from_coverage
                                 else "year_reason_plan")
        else:
            core = ins[m.isin(_TREND_MEASURES).to_numpy()]
            self._year_reason = "year_reason_latest" if len(core) else "year_reason_latest_any"
            year = int((core if len(core) else ins)["as_of"].dt.year.max())
        # The place's own published 31 December participants or coverage figure (or the
        # sum of its legacy parts) of a later year: the report stays on the plan year, and
        # the reason says that the trends show those figures (Hồ Chí Minh 2025, 31/12/2025).
        figs = self._figures()
        fm = measure_of(figs["indicator"])
        later = figs[is_insurance(figs["indicator"]).to_numpy() & fm.isin(_TREND_MEASURES).to_numpy()
                     & self.own_place(figs, code=False)
                     & is_year_end(figs["as_of"]).to_numpy()
                     & figs["as_of"].dt.year.gt(year).to_numpy()]
        self._later_year_end = int(later["as_of"].dt.year.max()) if len(later) else None
        return int(year)

    def _persons_plans(self) -> pd.DataFrame:
        """:func:`~.plans.persons_plans` of the page, computed once (the default year and
        the forecast table both read it)."""
        if "persons_plans" not in self._cache:
            self._cache["persons_plans"] = persons_plans(self.obs, self.derived)
        return self._cache["persons_plans"]

    # -- words ----------------------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        """Return catalogue text ``key`` in the report language."""
        return i18n.t(key, self.lang, **values)

    @property
    def place_name(self) -> str:
        """The name of the report's own place (a unit report's: its unit)."""
        return self.unit.name

    @property
    def title(self) -> str:
        """Report title in the report language ("Báo cáo thành phố" for a centrally-run city).

        A province gone before the legacy set's time (Hà Tây, merged into Hà Nội on
        1/8/2008) is titled by the boundaries of its own time, not "before 1/7/2025",
        which its page says it was never one of."""
        bset = self.t("boundaries_legacy" if self.boundaries == "legacy" else "boundaries_2025")
        if getattr(self.unit, "valid_to", None):
            bset = self.t("boundaries_before", date=i18n.fmt_date(self.unit.valid_to, self.lang))
        key = "page_title_city" if self.unit.kind == "Thành phố" else "page_title_province"
        return self.t(key, name=renamed_title(self.unit, self.lang, [bset]))

    def subtitle(self) -> list[str]:
        """Lines under the title: data cut-off and year, why this year, what is shown."""
        cut = (i18n.fmt_date(self.cutoff, self.lang) if self.cutoff is not None
               else self.t("all_dates"))
        year = str(self.year) if self.year else self.t("no_year")
        return [self.t("subtitle", cut=cut, year=year),
                *future_as_of_notes(self.as_of, self.lang), self.year_reason(),
                self.t("synthetic_none")]

    def cutoff_notes(self, insurance: bool = False) -> list[str]:
        """Say which cutoff left nothing and which years do have figures (issue 14 point 3).

        When ``as_of`` (or, without it, 31 December of the given year) leaves the page
        no figure although the data hold some for the place after that day, "no figures"
        would read as "none at all": the sentence names the cutoff and the years of
        the place's figures instead. ``[]`` when nothing was cut away.

        Parameters
        ----------
        insurance : bool
            Count only BHXH, BHTN and BHYT figures (the gaps section's sentence).
        """
        if self.cutoff is None:
            return []
        kept = self._figures()
        every = self._select(self.bundle.obs, cut=False)
        if insurance:
            kept = kept[is_insurance(kept["indicator"])]
            every = every[is_insurance(every["indicator"])]
        if len(kept) or every.empty:
            return []
        first, last = int(every["as_of"].dt.year.min()), int(every["as_of"].dt.year.max())
        why = (self.t("cutoff_as_of") if self.as_of is not None
               else self.t("cutoff_year", year=self.year))
        return [self.t("no_insurance_cutoff" if insurance else "no_figures_cutoff",
                       name=self.place_name, date=i18n.fmt_date(self.cutoff, self.lang),
                       why=why, years=self.t("years_one", year=first) if first == last
                       else self.t("years_span", first=first, last=last))]

    def no_figures_notes(self) -> list[str]:
        """The note of an empty headline table: the cutoff's (:meth:`cutoff_notes`), else
        the catalogue's "no figures"."""
        return self.cutoff_notes() or [self.t("no_figures")]

    def year_reason(self) -> str:
        """Why the report is about this year (given, has a plan, or latest with data)."""
        if self.year_given:
            return self.t("year_reason_given", year=self.year)
        key = getattr(self, "_year_reason", "year_reason_none")
        if not self.year:
            return self.t("year_reason_none")
        reason = self.t(key, year=self.year)
        later = getattr(self, "_later_year_end", None)
        if later is not None:  # its own newer year-end figures: where the page shows them
            reason += " " + self.t("year_reason_later_year_end", year=self.year,
                                   later=later, name=self.place_name)
        return reason

    # -- tables ---------------------------------------------------------------------

    def headline_table(self) -> pd.DataFrame:
        """Return the latest figure of every indicator for the province and places inside.

        Columns ``place, geo_level, indicator, value, unit, as_of, as_of_approx, source,
        qualifier, unit_kind`` (``as_of_approx``: a date its source gives only roughly,
        printed "cuối năm 2020" as the coverage table does; ``qualifier``: the kind of the source's "trên", "gần", ... —
        ``over``, ``nearly``, ...; "" for none — printed beside the value; ``unit_kind``:
        the registry's kind of a district or commune, "Phường", shown in the level column).

        The page's own place is one series whatever its rows' boundary set: on 2025
        boundaries a sum of the legacy parts (Phú Thọ, Vĩnh Phúc and Hoà Bình, 2022) and
        the sole legacy part's own figure (Hà Nội, 2022) are both the province's, so only
        the latest is shown (Hà Nội once read "Dân số 6.002.200 (1/7/2007)", a sum of
        Hà Nội and Hà Tây without Mê Linh, beside "8.435.650 (1/7/2022)").

        Computed once per report (the index summary, the table and the gap sentences
        all read it); each call returns a copy, so a caller cannot change another's.
        """
        if "headline" not in self._cache:
            self._cache["headline"] = self._headline()
        return self._cache["headline"].copy()

    def _headline(self) -> pd.DataFrame:
        """:meth:`headline_table`, computed."""
        figs = latest(self._figures())
        own = self.own_place(figs)
        if own.any():
            figs = pd.concat([figs[~own], latest(figs[own], keys=("indicator",))])
        figs = coverage_table_plans(self, chosen_plans(self, figs))
        if figs.empty:
            return pd.DataFrame(columns=["place", "geo_level", "indicator", "value", "unit",
                                         "as_of", "as_of_approx", "source", "qualifier",
                                         "unit_kind"])
        figs = self._order(figs)
        src = figs["source_id"].map(self._labels()).fillna("")
        if "method" in figs:
            src = src.where(figs["method"].fillna("").eq("") | figs["source_id"].ne(""),
                            figs["method"])
        # the kind of the source's qualifier ("gần 682 nghìn" → nearly), printed beside
        # the value: Lào Cai's "682.000" was "gần 682 nghìn", Cà Mau's "1.000.000" "hơn"
        return pd.DataFrame({
            "place": figs["place"], "geo_level": figs["geo_level"],
            "indicator": figs["indicator"], "value": figs["value"], "unit": figs["unit"],
            "as_of": figs["as_of"], "as_of_approx": approximate(figs).to_numpy(),
            "source": src, "qualifier": kinds_of(figs),
            "unit_kind": unit_kinds(figs),  # the level column's word: Phường, not Xã
        }).reset_index(drop=True)

    def derived_table(self) -> pd.DataFrame:
        """Return the figures derived from published ones, with their formula in words.

        Columns ``place, indicator, value, value_lo, value_hi, unit, as_of, formula``:
        ``value_lo``–``value_hi`` is the range the inputs' rounding allows (NaN when the
        derived table has none), which the page prints where it is wider than the value's
        last printed digit (:func:`~bhxh_analysis.reports.render.value_text`).
        Computed once per report (:func:`.coverage.derived_table`); each call returns a copy.
        """
        return coverage.derived_table(self).copy()

    def derived_notes(self) -> list[str]:
        """The sentence under the derived table saying how a shortfall's sign reads, when
        one is negative (a plan exceeded): Tuyên Quang's "BHXH tự nguyện: còn thiếu
        (người) -587" stood under no word of what a negative shortfall means, though the
        coverage table says it of its own gap."""
        d = self.derived_table()
        short = measure_of(d["indicator"]).str.startswith("shortfall_").to_numpy()
        low = d["value_lo"].where(d["value_lo"].notna(), d["value"])
        return ([self.t("derived_shortfall_note")] if bool((low[short] < 0).any()) else []) \
            + coverage.derived_beside_published(self, d)

    def _labels(self) -> pd.Series:
        """What the page calls each source (``publisher — title``), computed once."""
        if "labels" not in self._cache:
            self._cache["labels"] = source_labels(self.bundle, self.lang)
        return self._cache["labels"]

    def coverage_notes(self) -> list[str]:
        """Sentences under the coverage table: how the gap reads, every plan chosen
        among plans that differ (each value with its sources, never an average), and
        every denominator left out because it contradicts the one used."""
        return coverage.notes(self)

    def coverage_table(self) -> pd.DataFrame:
        """Return the latest coverage per place and scheme against its applicable target.

        The target is the place's own plan for that year when published or derived (the
        forecaster's choice among several: :func:`~.plans.plan_of`), else the first
        target after it: the place's own plan of a later year, or the
        first policy target at or after that year (the province's own row if any, else
        the national one), whichever comes first (the place's own plan on a tie).
        ``gap_pp = target − coverage``: **positive means below the target**.
        ``persons_needed`` = gap × denominator ÷ 100 (0 when the target is met), where
        the denominator (population for BHYT, labour force for BHXH/BHTN) of that place
        and year is known: one per place and date for every scheme, the best-ranked
        (:func:`~.coverage.denominator_row`); a conflicting one is named under the table.

        Returns
        -------
        DataFrame
            ``place, geo_level, geo_code, indicator, coverage, as_of, target, target_kind,
            target_year, target_source, target_source_id, gap_pp, denominator,
            denominator_indicator, persons_needed, label`` (``label``: place · scheme,
            for charts), ``target_note`` (a plan chosen among plans that differ: the
            sentence naming every value and source; empty otherwise), one row per place
            and scheme; ``coverage_lo``/``coverage_hi`` and ``denominator_lo``/
            ``denominator_hi``: the range a derived rate or denominator's inputs allow
            (NaN when published), printed where wide; ``unit_kind``: the registry's kind
            of a district or commune ("Phường"), which the level column shows.
        """
        return coverage.table(self)

    def trend_table(self) -> pd.DataFrame:
        """Return every series to draw over time, tidy, with its panel.

        Population and labour force form a panel of their own; participants one panel
        per scheme and level; coverage one panel (:mod:`~bhxh_analysis.reports.trends`
        says why: no series is flattened against a larger one).

        Columns ``panel, series, as_of, value, pct, ylabel, scale``.
        """
        return _trend_table(self)

    def trend_events(self, trends: pd.DataFrame | None = None) -> list[tuple[pd.Timestamp, str]]:
        """Return the dates the trend chart marks, each with its short label.

        Where the place's own area changed inside the chart's span (Đắk Nông split off
        from Đắk Lắk on 1 January 2004; Hà Nội took in Hà Tây, Mê Linh and 4 communes
        of Lương Sơn on 1 August 2008): pass them to :func:`bhxh_analysis.plotting.panels`
        (``events=``); :meth:`trend_notes` says what they mean.
        """
        ev = _trend_events(self, trends)
        return list(zip(ev["date"], ev["label"], strict=True))

    def trend_notes(self, trends: pd.DataFrame | None = None) -> list[str]:
        """Sentences under the trend chart (:func:`.trends.trend_notes`): how few
        figures are drawn, each marked change of the area, series joined from tables."""
        return _trend_notes(self, trends)

    def forecast_table(self) -> pd.DataFrame:
        """Return the year-end forecast of every participant series of the report year.

        One row per place and indicator: ``status`` is ``ok`` (forecast, ``lo80`` …
        ``hi95``, ``plan``, ``p_meet_plan``, ``method`` …), ``year_end_known`` (the 31
        December figure is published) or ``failed`` (``error`` holds the library's
        reason, kept for researchers; the page says it in words).
        """
        return forecasts.table(self)

    def forecast_history(self, row: pd.Series) -> pd.DataFrame:
        """Return the published figures of a forecast's series, up to its as-of date.

        From the start of the previous year, so a fan chart shows where the year began.
        """
        return forecasts.history(self, row)

    def forecast_notes(self) -> list[str]:
        """Sentences under the forecast table: why no forecast, and what meeting the plan takes."""
        return forecasts.notes(self)

    def conflicts_table(self) -> pd.DataFrame:
        """Return the figures that cannot all be true, for these places.

        Columns ``place, as_of, check, figures, implied, source`` in the report language.
        """
        from .words import CONFLICT_COLUMNS, conflicts_text

        sel = self._consistency()
        if sel is None or sel.empty:
            return pd.DataFrame(columns=CONFLICT_COLUMNS)
        conf = sel[sel["status"].eq("conflict")]
        return conflicts_text(conf, self._labels(), self.lang)

    def _consistency(self) -> pd.DataFrame | None:
        cons = self.bundle.consistency
        if cons is None:
            return None
        keys = ["boundaries", "geo_level", "geo_code"]
        places = self.obs[keys].astype(str).drop_duplicates()
        return cons.merge(places, on=keys, how="inner")

    def consistency_notes(self) -> list[str]:
        """How many checks agree and how many conflict."""
        sel = self._consistency()
        if sel is None:
            return [self.t("no_consistency_file")]
        from .words import conflict_notes

        n_ok = int(sel["status"].eq("ok").sum())
        first = conflict_notes(sel.loc[sel["status"].eq("conflict"), "check"], self.lang)
        return [*first, self.t("checks_ok", n=n_ok)] if n_ok else first

    def sources_table(self) -> pd.DataFrame:
        """Return every source behind a figure or target on the page, with the figures
        each gives (:func:`~bhxh_analysis.reports.citations.page_sources`).

        Columns ``source_id, publisher, title, published, reference, ids, gives``.
        """
        return page_sources(self)

    # -- sentences ------------------------------------------------------------------

    def gap_sentences(self) -> list[str]:
        """Plain statements of what the data do not hold, from the tables the page shows."""
        from .words import gap_sentences

        return gap_sentences(self)

    def boundary_sentences(self) -> list[str]:
        """Which boundary set is used and how the province maps across reforms."""
        from .boundaries import boundary_sentences

        return boundary_sentences(self)

    # -- index ----------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Return key figures and the first forecast with a plan (else the first) for the
        index page (JSON-ready)."""
        head = self.headline_table()
        ins = head[is_insurance(head["indicator"])
                   & measure_of(head["indicator"]).isin(_TREND_MEASURES)].head(3)
        key = [{"place": r["place"], "indicator": r["indicator"],
                "label": i18n.indicator_label(r["indicator"], self.lang),
                "value": float(r["value"]), "text": value_text(
                    r["value"], None, None, "value", self.lang, r, r["qualifier"])[0],
                "as_of": r["as_of"].date().isoformat()} for _, r in ins.iterrows()]
        fc = None
        fcs = self.forecast_table()
        good = fcs[fcs["status"] == "ok"]
        if len(good):  # the first with a plan: the one the report year was chosen for
            r = good.iloc[int(good["p_meet_plan"].notna().to_numpy().argmax())]
            num = lambda v: i18n.fmt_number(v, self.lang)  # noqa: E731
            over = pd.notna(r.get("actual"))  # a year already over: its outcome beside
            fc = {"place": r["place"], "indicator": r["indicator"],
                  "forecast": float(r["forecast"]),
                  "text": self.t("index_forecast_actual" if over else "index_forecast",
                                 value=num(r["forecast"]), lo=num(r["lo80"]),
                                 hi=num(r["hi80"]), year=self.year,
                                 actual=num(r["actual"]) if over else "",
                                 label=i18n.indicator_label(r["indicator"], self.lang)),
                  "p_meet_plan": None if pd.isna(r["p_meet_plan"]) else float(r["p_meet_plan"]),
                  "method": i18n.method_label(str(r["method"]), self.lang)}
        conf = self.conflicts_table()
        # no participants or coverage, but plans or targets (Decision 546's): the index
        # says so instead of a bare dash
        only_plans = not key and bool(measure_of(head.loc[is_insurance(
            head["indicator"]), "indicator"]).str.startswith("plan_").any())
        return {"province": self.unit.name, "code": self.unit.code,
                "boundaries": self.boundaries, "lang": self.lang, "year": self.year,
                "key_figures": key, "forecast": fc, "conflicts": len(conf),
                "only_plans": only_plans,
                "key_note": None if key else self._key_note(head, only_plans),
                "forecast_note": None if fc else self._forecast_note(fcs),
                "n_observations": len(self.obs)}

    def _key_note(self, head: pd.DataFrame, only_plans: bool) -> str:
        """Why the index shows no key figure, in words: plans only, other insurance
        figures only, or no insurance figure at all (and a former province says so)."""
        ins = is_insurance(head["indicator"]).to_numpy()
        labels = ", ".join(dict.fromkeys(
            i18n.indicator_label(i, self.lang) for i in head["indicator"]))
        if only_plans:
            note = self.t("index_only_plans")
        elif ins.any():
            note = self.t("index_other_insurance", labels=labels)
        elif len(head):
            note = self.t("index_no_insurance", labels=labels)
        else:
            note = self.t("index_no_figures")
        if getattr(self.unit, "valid_to", None):  # Hà Tây, part of Hà Nội since 1/8/2008
            note = self.t("index_former", new=self.unit.province_2025_name,
                          date=i18n.fmt_date(self.unit.valid_to, self.lang)) + " " + note
        return note

    def _forecast_note(self, fcs: pd.DataFrame) -> str:
        """Why the index shows no forecast: the forecast section's reason, in short."""
        if self.year is None or fcs.empty:
            note = self.forecast_notes()[0]
            # the page's sentence points "above", to its coverage table; the index has none
            return (self.t("index_forecast_coverage", year=self.year)
                    if note == self.t("forecast_none_year_coverage", year=self.year) else note)
        if fcs["status"].eq("year_end_known").all():
            return self.t("index_forecast_known", year=self.year)
        return self.t("index_forecast_none", year=self.year)


def coverage_table(province: str, boundaries: str = "legacy", *, year: int | None = None,
                   as_of: str | None = None, lang: str = "vi",
                   bundle: Bundle | None = None) -> pd.DataFrame:
    """Return the latest coverage per place of a province against its applicable target.

    ``gap_pp`` is target − coverage (positive = below the target); ``persons_needed``
    is filled where the denominator is known. See :meth:`ProvinceReport.coverage_table`.

    Examples
    --------
    >>> cov = coverage_table("Lâm Đồng")  # doctest: +SKIP
    >>> cov.loc[cov["gap_pp"] > 0, ["place", "gap_pp", "persons_needed"]]  # doctest: +SKIP
    """
    return ProvinceReport(province, boundaries, year=year, as_of=as_of, lang=lang,
                          bundle=bundle).coverage_table()


def family_label(family: str, lang: str) -> str:
    """Return the reader's name of a scheme family (``bhxh`` → ``BHXH``)."""
    return i18n.scheme_label(family, lang)


__all__ += ["family_label", "family_of"]
