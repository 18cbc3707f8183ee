"""District and commune reports: the tables of one unit inside a province (issue 16).

:class:`UnitReport` is a :class:`~bhxh_analysis.reports.province.ProvinceReport` whose
selection is one district (with the communes inside it) or one commune, so every table,
chart helper and sentence of the province report is reused as it is. With
``synthetic=True`` the figures come from the seeded simulated panel
(:func:`bhxh_analysis.simulate.simulate_panel`) laid on the province's real units: the
title, a banner under it, every place name and every source then say *synthetic* in the
report language (catalogue keys ``synthetic_banner``, ``synthetic_tag``,
``synthetic_source``), and the real observations are not read.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import i18n
from .data import Bundle, ReportParameterError, load_bundle, resolve_province, units_frame
from .province import ProvinceReport

__all__ = ["LEVELS", "UnitReport", "synthetic_bundle", "unit_task", "unit_tasks", "units_of"]

#: Levels a unit report can be made for.
LEVELS: tuple[str, ...] = ("district", "commune")
#: Seed and years of the simulated panel of a synthetic unit report.
SYNTHETIC_SEED = 16
SYNTHETIC_YEARS = range(2018, 2025)
SYNTHETIC_ID = "synthetic"
SYNTHETIC_CUTOFF = pd.Timestamp("2024-09-30")


def _province_units(province: str, level: str, boundaries: str) -> tuple[Any, pd.DataFrame]:
    if level not in LEVELS:
        raise ReportParameterError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    if level == "district" and boundaries == "2025":
        raise ReportParameterError("districts were abolished on 1 July 2025: use "
                                   "--boundaries legacy for district reports")
    prov = resolve_province(province, boundaries)
    units = units_frame(boundaries)
    code_col = "province_2025_code" if boundaries == "2025" else "province_code"
    inside = units[(units["geo_level"] == level) & (units[code_col] == prov.code)]
    return prov, inside.sort_values("geo_code", kind="stable").reset_index(drop=True)


def _unit_in(code: str, level: str, province: str, boundaries: str) -> tuple[Any, str]:
    """The province and the name of unit ``code`` of ``level`` inside it (else a
    :class:`ReportParameterError`): one check for the report and its task."""
    prov, inside = _province_units(province, level, boundaries)
    hit = inside[inside["geo_code"] == str(code)]
    if hit.empty:
        raise ReportParameterError(f"no {level} with code {code!r} in {prov.name}")
    return prov, str(hit["unit_name"].iloc[0])


def units_of(province: str, level: str, boundaries: str = "legacy", synthetic: bool = False,
             bundle: Bundle | None = None) -> list[tuple[str, str]]:
    """Return ``(code, name)`` of the units of ``level`` inside ``province`` with data.

    A unit has data when the observations hold an insurance figure of the unit (a
    district also counts the figures of its communes). With ``synthetic=True`` every
    unit of the province has (simulated) data.

    Examples
    --------
    >>> units_of("Lâm Đồng", "district")[:2]  # sorted by code; Di Linh (679) follows
    [('672', 'Đà Lạt'), ('678', 'Đức Trọng')]
    >>> len(units_of("Lâm Đồng", "commune", synthetic=True)) > 100
    True
    """
    from .data import is_insurance

    prov, inside = _province_units(province, level, boundaries)
    if synthetic:
        return list(zip(inside["geo_code"], inside["unit_name"], strict=True))
    obs = (bundle or load_bundle()).obs
    obs = obs[(obs["boundaries"] == boundaries) & is_insurance(obs["indicator"])]
    codes = set(obs.loc[obs["geo_level"] == level, "geo_code"])
    if level == "district":
        communes = units_frame(boundaries)
        communes = communes[communes["geo_level"] == "commune"]
        with_data = communes["geo_code"].isin(set(obs.loc[obs["geo_level"] == "commune",
                                                          "geo_code"]))
        codes |= set(communes.loc[with_data, "parent_code"])
    keep = inside[inside["geo_code"].isin(codes)]
    return list(zip(keep["geo_code"], keep["unit_name"], strict=True))


def synthetic_bundle(province: str, level: str, boundaries: str = "legacy",
                     lang: str = "vi") -> Bundle:
    """A bundle whose observations are the simulated panel on the province's units.

    Every unit of ``level`` inside ``province`` gets a seeded monthly series
    (:data:`SYNTHETIC_SEED`, years :data:`SYNTHETIC_YEARS`, the last one up to
    :data:`SYNTHETIC_CUTOFF`, plans for every year); names carry the catalogue's
    *synthetic* tag, the one source is the simulation, and nothing real is read.

    Examples
    --------
    >>> b = synthetic_bundle("Lâm Đồng", "district", lang="en")
    >>> set(b.obs["source_id"]), b.obs["geo_name"].iloc[0].endswith("(synthetic data)")
    ({'synthetic'}, True)
    """
    from ..simulate import simulate_panel

    prov, inside = _province_units(province, level, boundaries)
    panel = simulate_panel(n_places=len(inside), years=SYNTHETIC_YEARS, seed=SYNTHETIC_SEED,
                           level=level, boundaries=boundaries)
    syn = {f"SYN{i + 1:04d}": i for i in range(len(inside))}
    pos = panel["geo_code"].map(syn).to_numpy()
    tag = i18n.t("synthetic_tag", lang)
    obs = panel.assign(
        geo_code=inside["geo_code"].to_numpy()[pos].astype(str),
        geo_name=[f"{n} ({tag})" for n in inside["unit_name"].to_numpy()[pos]],
        province_2025=inside["province_2025_name"].to_numpy()[pos].astype(str),
        province=prov.name, source_id=SYNTHETIC_ID, unit="persons")
    obs["as_of"] = pd.to_datetime(obs["as_of"]).astype("datetime64[ns]")
    # The last year stops in September (plans are known from 1 January): a year to forecast.
    plan = obs["indicator"].str.contains("_plan_", regex=False)
    obs = obs[(obs["as_of"] <= SYNTHETIC_CUTOFF) | plan].reset_index(drop=True)
    sources = pd.DataFrame({"source_id": [SYNTHETIC_ID], "publisher": [tag],
                            "title": [i18n.t("synthetic_source", lang)],
                            "published_date": [""], "address": [""]})
    targets = pd.DataFrame({"geo_name": pd.Series(dtype=str), "indicator": pd.Series(dtype=str),
                            "year": pd.Series(dtype=int), "value": pd.Series(dtype=float)})
    return Bundle(obs=obs, derived=None, consistency=None, backtest=None, sources=sources,
                  targets=targets, checksum=SYNTHETIC_ID)


class UnitReport(ProvinceReport):
    """Every table of one district or commune report (the province report's sections).

    Parameters
    ----------
    code : str
        Code of the district or commune (GSO, as in ``bhxh geo resolve``).
    level : {"district", "commune"}
    province : str
        The province containing the unit (validated against the geography registry).
    boundaries, year, as_of, lang
        As for :class:`~bhxh_analysis.reports.province.ProvinceReport`.
    synthetic : bool
        Use the simulated panel (labelled synthetic everywhere) instead of the data.
    bundle : Bundle, optional
        Data (default: :func:`~bhxh_analysis.reports.data.load_bundle`), for tests.

    Examples
    --------
    >>> rpt = UnitReport("678", "district", "Lâm Đồng", lang="en")
    >>> rpt.title
    'District report: Đức Trọng (Lâm Đồng)'
    >>> sorted(set(rpt.headline_table()["geo_level"]))
    ['commune', 'district']
    """

    def __init__(self, code: str, level: str = "commune", province: str = "Lâm Đồng",
                 boundaries: str = "legacy", year: int | None = None,
                 as_of: str | None = None, lang: str = "vi", synthetic: bool = False,
                 bundle: Bundle | None = None) -> None:
        prov, self.unit_name = _unit_in(code, level, province, boundaries)
        self.level, self.code = level, str(code)
        self.synthetic = bool(synthetic)
        if synthetic and bundle is None:
            bundle = synthetic_bundle(prov.name, level, boundaries, i18n.check_lang(lang))
        super().__init__(prov.name, boundaries, year, as_of, lang, bundle)

    def _select(self, obs: pd.DataFrame, cut: bool = True) -> pd.DataFrame:
        """Rows of the unit (and, for a district, of its communes), dated up to the cutoff."""
        sel = super()._select(obs, cut)
        own = (sel["geo_level"] == self.level) & (sel["geo_code"] == self.code)
        if self.level == "district":
            units = units_frame(self.boundaries)
            kids = units[(units["geo_level"] == "commune") & (units["parent_code"] == self.code)]
            own |= (sel["geo_level"] == "commune") & sel["geo_code"].isin(set(kids["geo_code"]))
        return sel[own.to_numpy()]

    @property
    def place_name(self) -> str:
        """The unit's own name (not its province's), in the reader's words ("Ward 4")."""
        return i18n.place_label(self.unit_name, self.lang)

    @property
    def title(self) -> str:
        """Report title: level, unit and province, in the report language."""
        key = f"page_title_{self.level}"
        title = self.t(key, name=self.place_name, province=self.unit.name)
        return f"{title} — {self.t('synthetic_tag')}" if self.synthetic else title

    def subtitle(self) -> list[str]:
        """The province report's lines; a synthetic report drops "nothing is simulated"
        (its notebook shows the catalogue's ``synthetic_banner`` as a warning instead)."""
        lines = super().subtitle()
        if self.synthetic:
            lines = [x for x in lines if x != self.t("synthetic_none")]
        return lines

    def summary(self) -> dict[str, Any]:
        """Key figures for the index page, named after the unit."""
        out = super().summary()
        out.update(province=self.unit.name, unit=self.unit_name, level=self.level,
                   code=self.code, synthetic=self.synthetic)
        return out


def unit_task(code: str, level: str, province: str, boundaries: str = "legacy",
              year: int | None = None, as_of: str | None = None, lang: str = "vi",
              synthetic: bool = False, out_dir: Any = None) -> Any:
    """Validate the parameters (no kernel) and return the task of one unit report.

    Examples
    --------
    >>> task = unit_task("672", "district", "lam dong", lang="en", out_dir="reports/all")
    >>> task.label, task.slug, task.notebook
    ('Đà Lạt (672)', 'lam-dong-district-672-legacy-en', 'unit_report.ipynb')
    """
    from .. import config
    from .data import check_as_of, check_lang, check_year
    from .index import report_slug
    from .runner import NOTEBOOKS, ReportTask, failure_asked

    check_lang(lang)
    prov, name = _unit_in(code, level, province, boundaries)
    params = {"code": str(code), "level": level, "province": prov.name,
              "boundaries": boundaries, "year": check_year(year), "as_of": check_as_of(as_of),
              "lang": lang, "synthetic": bool(synthetic)}
    label = f"{name} ({code})"
    return ReportTask(label=label, notebook=NOTEBOOKS["unit"], parameters=params,
                      out_dir=str(out_dir or config.reports_dir() / "all"),
                      slug=report_slug(params), inject_failure=failure_asked(label))


def unit_tasks(province: str, level: str, boundaries: str = "legacy", lang: str = "vi",
               synthetic: bool = False, out_dir: Any = None) -> list[Any]:
    """The tasks of every unit of ``level`` with data inside ``province`` (see :func:`units_of`)."""
    return [unit_task(code, level, province, boundaries, None, None, lang, synthetic, out_dir)
            for code, _ in units_of(province, level, boundaries, synthetic)]
