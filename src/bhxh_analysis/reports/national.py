"""The tables of the national trends and the year-end forecast reports, as DataFrames."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import i18n
from .citations import source_labels, sources_table
from .data import (
    Bundle,
    ReportParameterError,
    best_first,
    check_year,
    indicator_rank,
    is_insurance,
    is_year_end,
    latest,
    load_bundle,
    measure_of,
    parse_as_of,
    prior_and_outcome,
)
from .qualifiers import kind_of, kinds_of, side_of

__all__ = ["ForecastReport", "NationalReport"]


class NationalReport:
    """National series against the policy targets (``national_trends`` notebook).

    A year's value is its 31 December figure; a year without one (the current year, say)
    is kept apart as a partial year, labelled with the date of its figure.

    Parameters
    ----------
    lang : {"vi", "en"}
        Report language.
    start, end : int
        First and last year shown.
    bundle : Bundle, optional
        Data (default: :func:`~bhxh_analysis.reports.data.load_bundle`).
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

    def t(self, key: str, **values: Any) -> str:
        """Return catalogue text ``key`` in the report language."""
        return i18n.t(key, self.lang, **values)

    @property
    def title(self) -> str:
        """Report title."""
        return self.t("page_title_national", start=self.start, end=self.end)

    def subtitle(self) -> list[str]:
        """Lines under the title."""
        return [self.t("year_end_note"), self.t("synthetic_none")]

    def yearly_table(self, measure: str = "participants") -> pd.DataFrame:
        """Return each scheme's 31 December figure per year, and partial years apart.

        Parameters
        ----------
        measure : {"participants", "coverage_pct"}

        Returns
        -------
        DataFrame
            ``indicator, scheme, year, as_of, value, unit, period, qualifier, bound`` where
            ``period`` is ``year_end`` or ``partial`` (a year with no 31 December figure:
            its latest figure, dated) and ``qualifier`` the kind of the source's "gần",
            "trên", ... (``nearly``, ``over``; "" for none), printed beside the value as
            the province pages do (``bound``: the side it leaves open,
            :func:`~bhxh_analysis.reports.qualifiers.side_of`, which the chart marks).
            Rows sorted by scheme
            (:data:`~bhxh_analysis.schema.SCHEMES` order) and year.
        """
        obs = self.obs
        sel = obs[measure_of(obs["indicator"]).eq(measure).to_numpy()
                  & is_insurance(obs["indicator"]).to_numpy()]
        # one figure per date: the forecaster's (best_first), as the forecast report's
        # outcome and the headline tables, never the last by obs_id
        sel = best_first(sel.assign(year=sel["as_of"].dt.year)).sort_values(
            ["indicator", "as_of"], ascending=[True, False], kind="stable")
        ye = sel[is_year_end(sel["as_of"])].drop_duplicates(["indicator", "year"])
        rest = sel[~is_year_end(sel["as_of"])].drop_duplicates(["indicator", "year"])
        rest = rest.merge(ye[["indicator", "year"]], how="left", indicator="_m")
        rest = rest[rest["_m"] == "left_only"].drop(columns="_m")
        out = pd.concat([ye.assign(period="year_end"), rest.assign(period="partial")])
        out = out.assign(scheme=[i18n.indicator_label(x, self.lang).split(":")[0]
                                 for x in out["indicator"]])
        # the source's "gần 16 triệu" (2019 BHXH) is no plain "16.000.000"
        out = out.reset_index(drop=True)  # year-end and partial rows: one index
        out = out.assign(qualifier=kinds_of(out))
        out = out.assign(bound=out["qualifier"].map(side_of))  # the chart's open triangle
        cols = ["indicator", "scheme", "year", "as_of", "value", "unit", "period", "qualifier",
                "bound"]
        # schemes in the package's order (BHXH, its parts, BHTN, BHYT), not alphabetical
        out = out.assign(_r=indicator_rank(out["indicator"]))
        return (out.sort_values(["_r", "indicator", "year"], kind="stable")[cols]
                .reset_index(drop=True))

    def wide(self, yearly: pd.DataFrame) -> pd.DataFrame:
        """Return year-end rows as a year × scheme table of formatted figures.

        Partial years appear as their own rows labelled "đến 30/11/2025". A figure its
        source qualified keeps the word ("gần 16.000.000", "nearly 16,000,000").
        """
        if yearly.empty:
            return pd.DataFrame()
        quals = yearly["qualifier"] if "qualifier" in yearly else [""] * len(yearly)
        text = [i18n.qualified(i18n.fmt_value(v, u, self.lang), q, self.lang) for v, u, q in
                zip(yearly["value"], yearly["unit"], quals, strict=True)]
        label = [str(y) if p == "year_end" else
                 f"{y} ({self.t('until_date', date=i18n.fmt_date(d, self.lang))})"
                 for y, p, d in zip(yearly["year"], yearly["period"], yearly["as_of"],
                                    strict=True)]
        df = yearly.assign(text=text, row=label, _p=yearly["period"].ne("year_end"))
        # partial rows of one year in date order (30/4 before 30/11), never by their label
        wide = df.pivot_table(index=["year", "_p", "as_of", "row"], columns="scheme",
                              values="text", aggfunc="last").reset_index()
        wide = wide.sort_values(["year", "_p", "as_of"], kind="stable")
        wide = wide.drop(columns=["year", "_p", "as_of"]).rename(columns={"row": self.t("year")})
        wide = wide[[self.t("year"), *dict.fromkeys(yearly["scheme"])]]  # the schemes' order
        wide.columns.name = None
        return wide.fillna("–").reset_index(drop=True)

    def chart_notes(self, drawn: pd.DataFrame, general: bool = True) -> list[str]:
        """Say what a chart of 31 December figures leaves out, and which panel has one point.

        The national charts draw year-end figures only: the compulsory BHXH coverage
        panel held a single dot (2025) and the compulsory participants' panel lone dots
        for 2019 and 2025, while the table beside them lists within-year figures for
        2020–2024, with no word why.

        Parameters
        ----------
        drawn : DataFrame
            The rows a chart draws (``scheme``, ``year``; ``series`` when targets are
            drawn too: those are left out of the count).
        general : bool
            Start with the note on what the charts draw (False: the page's second chart,
            the note already said under the first).

        Returns
        -------
        list of str
            The chart note, then one sentence per panel with a single year-end figure.
        """
        figs = drawn
        if "series" in drawn:
            figs = drawn[drawn["series"].ne(self.t("target_points"))]
        notes = [self.t("national_chart_note")] if general else []
        years = figs.groupby("scheme", sort=False)["year"].unique()
        for scheme, ys in years.items():
            if len(ys) == 1:
                notes.append(self.t("national_single_point", scheme=scheme, year=int(ys[0])))
        return notes

    def targets_table(self) -> pd.DataFrame:
        """Return the national policy targets for coverage, with their instrument.

        Columns ``indicator, scheme, target_year, target, instrument, source_id``.
        """
        tg = self.bundle.targets
        tg = tg[(tg["geo_name"] == "Việt Nam") & tg["indicator"].str.endswith("_coverage_pct")
                & tg["year"].between(self.start, self.end + 5)].sort_values("target_id")
        out = pd.DataFrame({
            "indicator": tg["indicator"],
            "scheme": [i18n.indicator_label(x, self.lang).split(":")[0] for x in tg["indicator"]],
            "target_year": tg["year"].astype(int), "target": tg["value"].astype(float),
            "instrument": [i18n.instrument_label(x, self.lang) for x in tg["instrument"]],
            "source_id": tg["source_id"],
        })
        # two targets for one year keep target_id order, never file order
        return out.sort_values(["indicator", "target_year"], kind="stable").reset_index(drop=True)

    def coverage_with_targets(self) -> pd.DataFrame:
        """Return coverage (year-end and partial) and targets in one tidy frame to draw.

        Columns ``scheme, year, as_of, value, series, bound`` where ``series`` is the
        figure kind (31 December coverage, or target), one panel per scheme, and
        ``bound`` the side a coverage's printed word leaves open (the chart marks it).
        """
        cov = self.yearly_table("coverage_pct")
        tg = self.targets_table()
        tg = tg[tg["indicator"].isin(cov["indicator"])]
        a = cov[cov["period"] == "year_end"].assign(series=self.t("coverage_pct"))[
            ["indicator", "scheme", "year", "as_of", "value", "series", "bound"]]
        b = pd.DataFrame({"indicator": tg["indicator"], "scheme": tg["scheme"],
                          "year": tg["target_year"],
                          "as_of": pd.to_datetime(tg["target_year"].astype(str) + "-12-31"),
                          "value": tg["target"], "series": self.t("target_points"),
                          "bound": "exact"})
        both = pd.concat([a, b])
        both = both.assign(_r=indicator_rank(both["indicator"]))  # panels in scheme order
        return (both.sort_values(["_r", "series", "as_of"], kind="stable")
                [["scheme", "year", "as_of", "value", "series", "bound"]]
                .reset_index(drop=True))

    def _conflicts(self) -> pd.DataFrame | None:
        """The national consistency checks in conflict within the page's years (None
        without a consistency table); the table and the notes both read them."""
        cons = self.bundle.consistency
        if cons is None or "status" not in cons:
            return None
        conf = cons[cons["geo_level"].eq("nation") & cons["status"].eq("conflict")]
        return conf[pd.to_datetime(conf["as_of"]).dt.year.between(self.start, self.end)]

    def conflicts_table(self) -> pd.DataFrame:
        """Return national figures that sources disagree on (columns as in the province report)."""
        from .words import CONFLICT_COLUMNS, conflicts_text

        conf = self._conflicts()
        if conf is None:
            return pd.DataFrame(columns=CONFLICT_COLUMNS)
        return conflicts_text(conf, source_labels(self.bundle, self.lang), self.lang)

    def consistency_notes(self) -> list[str]:
        """How many national conflicts there are (both values kept)."""
        from .words import conflict_notes

        conf = self._conflicts()
        return [self.t("no_conflicts")] if conf is None else conflict_notes(conf["check"], self.lang)

    def sources_table(self) -> pd.DataFrame:
        """Return every source behind the national figures and targets shown."""
        ids = set(self.obs["source_id"].astype(str)) | set(self.targets_table()["source_id"])
        return sources_table(self.bundle, ids, self.lang)


class ForecastReport:
    """Year-end forecasts for a place and the backtest skill (``forecast_report`` notebook).

    Parameters
    ----------
    geo : str
        Place name ("Việt Nam" or any unit the registry resolves).
    year : int, optional
        Forecast year (default: latest year with a participant figure before year end).
    as_of : str, optional
        ``YYYY-MM-DD`` or ``dd/mm/yyyy`` (default: the latest figure of that year).
    lang : {"vi", "en"}
        Report language.
    """

    def __init__(self, geo: str = "Việt Nam", year: int | None = None, as_of: str | None = None,
                 lang: str = "vi", bundle: Bundle | None = None) -> None:
        from .. import geo as _geo

        self.lang = i18n.check_lang(lang)
        self.bundle = bundle or load_bundle()
        self.as_of = parse_as_of(as_of)
        obs = self.bundle.obs
        self.unit = _geo.get_registry().resolve(geo)
        sel = obs[(obs["geo_code"] == self.unit.code) & (obs["geo_level"] == self.unit.level)]
        if self.unit.level != "nation":  # the nation is the same unit in both boundary sets
            sel = sel[sel["boundaries"] == self.unit.boundaries]
        sel = sel[measure_of(sel["indicator"]).eq("participants").to_numpy()
                  & is_insurance(sel["indicator"]).to_numpy()]
        if self.as_of is not None:
            sel = sel[sel["as_of"] <= self.as_of]
        within = sel[~is_year_end(sel["as_of"])]
        year = check_year(year)
        if year is None:
            year = int(within["as_of"].dt.year.max()) if len(within) else None
        self.year = year
        self.series = sel[sel["as_of"].dt.year == year] if year else sel.iloc[0:0]
        self._cache: dict[str, pd.DataFrame] = {}

    def t(self, key: str, **values: Any) -> str:
        """Return catalogue text ``key`` in the report language."""
        return i18n.t(key, self.lang, **values)

    @property
    def place_name(self) -> str:
        """The place in the reader's words: the nation is "Viet Nam" in English."""
        return i18n.place_label(self.unit.name, self.lang)

    @property
    def title(self) -> str:
        """Report title."""
        if self.year:
            return self.t("page_title_forecast", name=self.place_name, year=self.year)
        return self.t("page_title_forecast_noyear", name=self.place_name)

    def forecast_table(self) -> pd.DataFrame:
        """Return one forecast per participant indicator of the place in the year.

        Columns as :meth:`ProvinceReport.forecast_table` plus ``actual`` (the published
        31 December figure, when it exists, to compare with).
        """
        if "fc" in self._cache:
            return self._cache["fc"]
        from .. import forecast as fc

        rows = []
        obs = self.bundle.obs
        last = latest(self.series, keys=("indicator",))
        for _, r in last.iterrows():  # a handful of indicators
            prior, _ = prior_and_outcome(
                self.series[self.series["indicator"] == r["indicator"]], self.year, self.as_of)
            if prior is None:
                continue
            as_of = self.as_of if self.as_of is not None else prior["as_of"]
            # the outcome is shown whatever the as-of date, from every figure of the place
            _, actual = prior_and_outcome(
                obs[(obs["geo_code"] == self.unit.code) & (obs["indicator"] == r["indicator"])
                    & (obs["geo_level"] == self.unit.level)], self.year)
            base = {"place": self.place_name, "boundaries": r["boundaries"],
                    "geo_level": r["geo_level"], "geo_code": r["geo_code"],
                    "indicator": r["indicator"], "year": self.year, "as_of": as_of,
                    "last_value": float(prior["value"]), "last_as_of": prior["as_of"],
                    "status": "ok", "error": "",
                    "actual": float(actual["value"]) if actual is not None else float("nan"),
                    # the source's "gần", "khoảng" of each published figure, kept in print
                    "last_value_qualifier": kind_of(prior),
                    "actual_qualifier": kind_of(actual)}
            try:
                res = fc.forecast_year_end(obs, (r["boundaries"], r["geo_level"], r["geo_code"]),
                                           r["indicator"], self.year, as_of.date().isoformat())
                base.update({k: getattr(res, k, None) for k in (
                    "forecast", "lo80", "hi80", "lo95", "hi95", "plan", "p_meet_plan",
                    "pace_required", "method", "n_obs", "past_moves", "past_moves_as_large",
                    "past_moves_pool", "past_moves_window", "flags", "upper_bound", "bound_indicator", "bound_kind",
                    "p_meet_plan_model", "plan_pull", "plan_source", "plan_basis",
                    "plan_denominator", "plan_lo", "plan_hi", "p_meet_plan_lo",
                    "p_meet_plan_hi")})
            except Exception as exc:  # said in words on the page
                base.update(status="failed", error=str(exc))
            base["label"] = self.t("fan_title", place=self.place_name,
                                   label=i18n.indicator_label(r["indicator"], self.lang))
            rows.append(base)
        cols = ["place", "boundaries", "geo_level", "geo_code", "indicator", "year", "as_of",
                "last_value", "last_as_of", "forecast", "lo80", "hi80", "lo95", "hi95", "plan",
                "p_meet_plan", "pace_required", "method", "n_obs", "actual", "status", "error",
                "label", "past_moves", "past_moves_as_large", "past_moves_pool", "past_moves_window", "flags",
                "upper_bound", "bound_indicator", "bound_kind", "p_meet_plan_model", "plan_pull",
                "plan_source", "plan_basis", "plan_denominator", "plan_lo", "plan_hi",
                "p_meet_plan_lo", "p_meet_plan_hi", "last_value_qualifier", "actual_qualifier"]
        out = pd.DataFrame(rows, columns=cols)
        for c in ("forecast", "lo80", "hi80", "lo95", "hi95", "plan", "p_meet_plan",
                  "pace_required", "actual", "past_moves", "past_moves_as_large", "upper_bound",
                  "plan_basis", "plan_denominator", "plan_lo", "plan_hi", "p_meet_plan_lo",
                  "p_meet_plan_hi"):
            out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
        # a plan known as a range has a range of paces, as on the province pages (the
        # nation's 2025 BHXH read one pace, 1.457.294, beside 21.496.781–21.547.555)
        from .forecasts import pace_range

        out = out.assign(**pace_range(out))
        self._cache["fc"] = out
        return out

    def forecast_history(self, row: pd.Series) -> pd.DataFrame:
        """Return the published figures of a forecast's series from the previous year on
        (one per date: the forecaster's, :func:`~.data.best_first`)."""
        obs = self.bundle.obs
        sel = obs[(obs["geo_level"] == row["geo_level"]) & (obs["geo_code"] == row["geo_code"])
                  & (obs["indicator"] == row["indicator"]) & (obs["as_of"] <= row["as_of"])
                  & (obs["as_of"].dt.year >= int(row["year"]) - 1)]
        sel = best_first(sel).sort_values("as_of", kind="stable").drop_duplicates("as_of")
        return sel[["as_of", "value"]].reset_index(drop=True)

    def forecast_notes(self) -> list[str]:
        """Why a forecast is missing, in words."""
        from .words import forecast_sentences

        fcs = self.forecast_table()
        if fcs.empty:
            return [self.t("forecast_no_within_year")]
        return forecast_sentences(fcs, self.lang)

    def backtest_table(self) -> pd.DataFrame:
        """Return the backtest skill of each method against the run-rate baseline.

        The summary of :func:`bhxh_analysis.forecast.summary` over ``backtest.csv`` (run
        now when absent). Columns as there (``method, n_cases, mape, skill_ape`` …).
        """
        from .. import forecast as fc

        try:
            bt = self.bundle.backtest
            if bt is None or bt.empty:
                bt = fc.backtest(self.bundle.obs)
            summary = fc.summary(bt)
        except Exception:
            return pd.DataFrame()
        return summary if isinstance(summary, pd.DataFrame) else pd.DataFrame()

    def sources_table(self) -> pd.DataFrame:
        """Return every source behind the series forecast and their fan charts' history."""
        ids = set(self.series["source_id"].astype(str))
        fcs = self.forecast_table()
        obs = self.bundle.obs
        for _, row in fcs.iterrows():
            sel = obs[(obs["geo_level"] == row["geo_level"]) & (obs["geo_code"] == row["geo_code"])
                      & (obs["indicator"] == row["indicator"]) & (obs["as_of"] <= row["as_of"])
                      & (obs["as_of"].dt.year >= int(row["year"]) - 1)]
            ids |= set(sel["source_id"].astype(str))
        return sources_table(self.bundle, ids, self.lang)

