"""The trend table of a province (or district, commune) report: every series to draw over time.

Which series share a panel is decided here and in :func:`bhxh_analysis.plotting.panels`,
so that no series is flattened against a larger one (issue 14.11):

* population and labour force of the report's own place: a panel of their own;
* participants: one panel per scheme (BHYT, BHXH, BHXH bắt buộc, ...), each with its own
  y axis, and within a scheme one panel per level below the report's own (the districts'
  or communes' series apart from the province's); :func:`~bhxh_analysis.plotting.panels`
  then splits a panel whose series' peaks differ more than
  :data:`~bhxh_analysis.plotting.MAX_RATIO` times, and any beyond
  :data:`~bhxh_analysis.plotting.MAX_SERIES` series;
* coverage (%): one panel, every place and scheme on the same percentage scale (split
  only beyond :data:`~bhxh_analysis.plotting.MAX_SERIES` series).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import i18n
from ..schema import LEVEL_RANK
from .data import best_first, indicator_rank, is_insurance, joined_into, measure_of

if TYPE_CHECKING:
    from .province import ProvinceReport

TREND_MEASURES = ("participants", "coverage_pct")
CONTEXT = ("population", "labour_force", "labour_force_15plus")
COLUMNS = ["panel", "series", "as_of", "value", "pct", "ylabel", "scale"]
_PLURAL = {"district": "districts_plural", "commune": "communes_plural"}


def _scheme_name(indicator: str, lang: str) -> str:
    """The scheme part of an indicator's label (``bhyt_participants`` → ``BHYT``)."""
    return i18n.indicator_label(indicator, lang).split(":")[0]


def _participant_panels(rpt: ProvinceReport, sel: pd.DataFrame) -> pd.DataFrame:
    """Participants rows with their panel: one per scheme and level, in page order.

    The report's own level (and any above it) is titled by the scheme alone
    ("Số người tham gia BHYT"); a level below it says which ("…, cấp huyện").
    Panels follow the level, then the schemes' order; series within a panel the level,
    then the place, as every table of the page.
    """
    own = LEVEL_RANK[rpt.level]
    sel = best_first(sel)  # one date's figures: the forecaster's first (kept below)
    below = sel["_level_rank"].gt(own)
    names = [_scheme_name(i, rpt.lang) for i in sel["indicator"]]
    panel = [rpt.t("trends_counts_level", scheme=n, level=rpt.t(_PLURAL[lv]))
             if low else rpt.t("trends_counts_scheme", scheme=n)
             for n, lv, low in zip(names, sel["geo_level"], below, strict=True)]
    out = sel.assign(panel=panel, _group=sel["_level_rank"].where(below, 0),
                     _ind_rank=indicator_rank(sel["indicator"]).to_numpy(),
                     series=[f"{n} — {p}" for n, p in zip(names, sel["place"], strict=True)])
    return out.sort_values(["_group", "_ind_rank", "_level_rank", "place", "as_of"],
                           kind="stable")


def _one_name_per_series(df: pd.DataFrame) -> pd.DataFrame:
    """One line per place and indicator across a renaming: a place whose rows carry two
    dated names (Thừa Thiên Huế until 2024, then Huế) is drawn as one series named by
    both in date order ("Thừa Thiên Huế → Huế"), not as two lines of one area."""
    if df.empty or "place" not in df:
        return df
    key = ["indicator", "boundaries", "geo_level", "geo_code"]
    ordered = df.sort_values("as_of", kind="stable")
    names = ordered.groupby([ordered[k].astype(str) for k in key], sort=False)["place"].agg(
        lambda p: " → ".join(dict.fromkeys(p.astype(str))))
    joined = names[names.str.contains(" → ", regex=False)]
    if joined.empty:
        return df
    idx = pd.MultiIndex.from_frame(df[key].astype(str))
    return df.assign(place=pd.Series(joined.reindex(idx).to_numpy(), index=df.index)
                     .fillna(df["place"]))


#: Participant series whose largest figure is below this are drawn in persons, not
#: thousands (the unit of their axis label follows).
SMALL_COUNT = 10_000


def trend_table(rpt: ProvinceReport) -> pd.DataFrame:
    """Return every series to draw over time, tidy, with its panel.

    See the module's docstring for which series share a panel. Every insurance series
    is drawn, even a single figure (as a point).

    Returns
    -------
    DataFrame
        ``panel, series, as_of, value, pct, ylabel, scale``, panels in page order.
    """
    src = rpt._figures()
    ind = src["indicator"]
    # the place's own denominators only: in a 2025 report the legacy parts' series
    # would otherwise fill the years the sum cannot be formed, under the same label (a
    # sole legacy part, as Huế's, is the place itself: ProvinceReport.own_place)
    context = src[ind.isin(CONTEXT).to_numpy() & src["geo_level"].eq("province").to_numpy()
                  & rpt.own_place(src.assign(geo_level=rpt.level))]
    ins = _one_name_per_series(src[is_insurance(ind) & measure_of(ind).isin(TREND_MEASURES)])
    parts = []
    if len(context):
        # by date, ties best first (the forecaster's figure): the duplicate dropped below
        # is never chosen by file order nor by obs_id
        context = best_first(context).sort_values(["indicator", "as_of"], kind="stable")
        parts.append(context.assign(
            panel=rpt.t("trends_context"),
            series=[i18n.indicator_label(x, rpt.lang) for x in context["indicator"]],
            pct=False, ylabel=rpt.t("axis_persons_thousands"), scale=1000.0))
    counts = ins[measure_of(ins["indicator"]).eq("participants").to_numpy()]
    if len(counts):
        drawn = _participant_panels(rpt, counts)
        # a series that never reaches 10,000 is drawn in persons (a district's 419
        # participants, not "0,42 nghìn người"); larger ones in thousands
        small = (drawn.groupby("series")["value"].transform("max") < SMALL_COUNT).to_numpy()
        parts.append(drawn.assign(
            pct=False, scale=np.where(small, 1.0, 1000.0),
            ylabel=np.where(small, rpt.t("axis_participants"),
                            rpt.t("axis_participants_thousands"))))
    cov = ins[measure_of(ins["indicator"]).eq("coverage_pct").to_numpy()]
    if len(cov):
        cov = rpt._order(cov)
        parts.append(cov.assign(
            panel=rpt.t("trends_pct"),
            series=[f"{_scheme_name(i, rpt.lang)} — {p}"
                    for i, p in zip(cov["indicator"], cov["place"], strict=True)],
            pct=True, ylabel=rpt.t("axis_coverage_pct"), scale=1.0))
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.concat(parts)[COLUMNS].drop_duplicates(["panel", "series", "as_of"])
    return out.reset_index(drop=True)


def trend_events(rpt: ProvinceReport, trends: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the dates inside the trend span where the place's own area changed.

    From the geography registry: a legacy province that ceased before 2025 by joining
    the page's place (Hà Tây joined Hà Nội on 1 August 2008; on a 2025 page, one of its
    legacy provinces), dated by its ``valid_to`` (the first day without it). Only a date
    the trend table's figures span (some before it, some on or after it): a chart of
    2019–2025 says nothing of 2008. Province reports only; districts and communes have
    none.

    Parameters
    ----------
    trends : DataFrame, optional
        The trend table (default: :func:`trend_table` of ``rpt``).

    Returns
    -------
    DataFrame
        ``date``, ``label`` (the chart's short words), ``note`` (the sentence under the
        chart), oldest first.
    """
    from .. import geo

    cols = ["date", "label", "note"]
    if rpt.level != "province":
        return pd.DataFrame(columns=cols)
    trends = trend_table(rpt) if trends is None else trends
    if trends.empty:
        return pd.DataFrame(columns=cols)
    first, last = pd.to_datetime(trends["as_of"]).min(), pd.to_datetime(trends["as_of"]).max()
    reg = geo.get_registry()
    provinces = reg.units("legacy", "province", include_defunct=True)
    own = (provinces["province_2025_code"].astype(str).eq(str(rpt.unit.code))
           if rpt.boundaries == "2025" else provinces["geo_code"].astype(str).eq(rpt.unit.code))
    hosts = dict(zip(provinces.loc[own, "geo_code"].astype(str),
                     provinces.loc[own, "geo_name"], strict=True))
    rows = []
    for _, u in joined_into(hosts).iterrows():
        into, when = hosts[str(u["successor_code"])], u["valid_to"]
        if not first < when <= last:
            continue
        # the page's name for the place it joined (a 2025 page: the 2025 province)
        place = rpt.unit.name if rpt.boundaries == "2025" else into
        date = i18n.fmt_date(when, rpt.lang)
        rows.append({"date": when,
                     "label": rpt.t("trend_event_merged", name=u["geo_name"], into=place),
                     "note": rpt.t("trend_event_merged_note", name=u["geo_name"],
                                   into=place, date=date)})
    return pd.DataFrame(rows, columns=cols)  # oldest first, as joined_into gives them


__all__ = ["CONTEXT", "TREND_MEASURES", "trend_events", "trend_table"]
