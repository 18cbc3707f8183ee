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

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import i18n
from ..geo.areas import area_dates
from ..schema import LEVEL_RANK
from .data import best_first, indicator_rank, is_insurance, legacy_provinces, measure_of
from .qualifiers import kinds_of, side_of

if TYPE_CHECKING:
    from .province import ProvinceReport

TREND_MEASURES = ("participants", "coverage_pct")
CONTEXT = ("population", "labour_force", "labour_force_15plus")
#: ``area_date``: the day whose boundaries a figure follows (geo.areas.area_dates: a GSO
#: year's figure, dated 1 July, counts the area of 31 December); not drawn, it tells
#: :func:`trend_events` which boundary changes the drawn figures straddle. ``segment``: how
#: many of the page's marked changes of the series' own area come on or before the area
#: its figure counts (:func:`_segments`); the chart joins no two points of different
#: segments. ``bound``: the side a figure's printed word leaves open
#: (:func:`~bhxh_analysis.reports.qualifiers.side_of`: "trên 66.000" ``lower``, "gần 95%"
#: ``upper``, else ``exact`` or ``approx``), which the chart marks.
COLUMNS = ["panel", "series", "as_of", "value", "pct", "ylabel", "scale", "area_date",
           "segment", "source_id", "bound"]
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
        ``panel, series, as_of, value, pct, ylabel, scale, area_date, segment,
        source_id, bound``, panels in page order.
    """
    src = rpt._figures()
    src = src.assign(area_date=area_dates(src))
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
    out = pd.concat(parts)
    bound = kinds_of(out.reset_index(drop=True)).map(side_of).to_numpy()
    out = out.assign(segment=_segments(rpt, out), source_id=_sources(rpt, out),
                     bound=bound)[COLUMNS]
    return out.drop_duplicates(["panel", "series", "as_of"]).reset_index(drop=True)


def _sources(rpt: ProvinceReport, rows: pd.DataFrame) -> pd.Series:
    """Each row's source: its own, or for a sum of legacy parts (no source of its own)
    the one source all its inputs share (GSO's population table of 1995–2016 for the
    2025 Hà Nội's sums of Hà Nội and Hà Tây), else ""."""
    own = rows["source_id"].fillna("").astype(str) if "source_id" in rows else \
        pd.Series("", index=rows.index)
    if "inputs" not in rows or own.ne("").all():
        return own
    of = dict(zip(rpt.obs["obs_id"].astype(str), rpt.obs["source_id"].astype(str),
                  strict=False))

    def shared(inputs: object) -> str:
        found = {of.get(i, "") for i in str(inputs or "").split()}
        return found.pop() if len(found) == 1 else ""

    return own.where(own.ne(""), rows["inputs"].map(shared))


def _segments(rpt: ProvinceReport, rows: pd.DataFrame) -> pd.Series:
    """Number each row by the page's marked changes (:func:`trend_events`) that altered
    what its series counts and come on or before the area its figure counts
    (``area_date``): the chart draws the parts apart, not one line across the step.

    A province's own series (a legacy page's, or a 2025 page's sums) changes with every
    marked change; a legacy province's series on a 2025 page only with its own
    (:func:`~bhxh_analysis.geo.reform.boundary_changes`: Vĩnh Phúc's, not Phú Thọ's, on
    1/8/2008); a district's or commune's with none.
    """
    from ..geo.reform import boundary_changes

    zero = pd.Series(0, index=rows.index, dtype=int)
    days = (list(trend_events(rpt, rows)["date"])
            if rpt.level == "province" and len(rows) else [])
    if not days:
        return zero
    area = pd.to_datetime(rows["area_date"])
    own = {pd.Timestamp(c["date"]) for c in boundary_changes(str(rpt.unit.code))}
    out = zero.copy()
    for i, (level, bnd, code) in enumerate(zip(rows["geo_level"], rows["boundaries"],
                                               rows["geo_code"].astype(str), strict=True)):
        if level != "province":
            continue
        if rpt.boundaries == "2025" and bnd == "legacy":
            mine = {pd.Timestamp(c["date"]) for c in boundary_changes(code)}
        else:
            mine = own if rpt.boundaries == "legacy" else set(days)
        out.iloc[i] = sum(1 for d in days if d in mine and d <= area.iloc[i])
    return out


def _change_labels(rpt: ProvinceReport, changes: list[dict[str, str]],
                   own: frozenset[str] = frozenset()) -> list[str]:
    """The chart's short words for changes of one day, dated ("Tách Đắk Nông (1/1/2004)").

    From :data:`~bhxh_analysis.geo.reform.BOUNDARY_CHANGES`: the reader's language's
    ``short``/``part`` where one is given (``short_en``, ``part_en``), else the
    Vietnamese names, which are the places' names in both languages. Changes of one
    kind and counterpart share a label, their parts listed (2025 Phú Thọ: "Nhập 4 xã
    của Lương Sơn, Mê Linh vào Hà Nội (1/8/2008)"), so a mark carries one date.

    A name among ``own`` (the page's 2025 province's legacy parts) is left out of a
    part taken in: the 2025 Hà Nội's figures before 1/8/2008 are already the sums of
    Hà Nội and Hà Tây, so its step there is Mê Linh and the 4 communes of Lương Sơn
    alone ("Nhập Mê Linh, 4 xã Lương Sơn (1/8/2008)"), not Hà Tây.
    """
    def pick(change: dict[str, str], field: str) -> str:
        text = change.get(f"{field}_{rpt.lang}", change.get(field, ""))
        if change["kind"] != "gained" or not own:
            return text
        return ", ".join(p for p in text.split(", ")
                         if re.sub(r"\s*\(.*?\)", "", p).strip() not in own)

    parts: dict[tuple[str, str, str], list[str]] = {}
    for c in changes:
        key = (c["kind"], c.get("from", ""), c.get("to", ""))
        parts.setdefault(key, []).append(pick(c, "short") or pick(c, "part"))
    date = i18n.fmt_date(changes[0]["date"], rpt.lang)
    return [rpt.t(f"trend_event_{kind}", part=", ".join(dict.fromkeys(names)), source=source,
                  dest=dest, date=date) for (kind, source, dest), names in parts.items()]


def _internal(change: dict[str, str], parts: set[str]) -> bool:
    """Whether a change moved land between legacy provinces that are all parts of the
    page's 2025 province (Hậu Giang split off from Cần Thơ, both in 2025 Cần Thơ): the
    2025 province's area did not change, so its series has no step to mark."""
    other = {"split": change.get("part"), "created": change.get("from"),
             "lost": change.get("to")}.get(change["kind"])
    return other in parts


def trend_events(rpt: ProvinceReport, trends: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the dates inside the trend span where the place's own area changed.

    Every boundary change of the page's legacy provinces
    (:func:`bhxh_analysis.geo.reform.boundary_changes`): a legacy page's own province,
    a 2025 page's legacy parts (Hà Tây included), whose series are drawn or summed.
    Đắk Nông split off from Đắk Lắk on 1 January 2004; Hà Nội took in Hà Tây, Mê Linh
    and 4 communes of Lương Sơn on 1 August 2008, which Vĩnh Phúc and Hoà Bình lost. A
    change between two parts of the same 2025 province is not one of the 2025
    province's area and is left out. Only a date the trend table's figures span (some
    counting the area before it, some dated on or after it): a chart of 2019–2025 says
    nothing of 2008, nor one whose first figure (GSO's 2008 average, dated 1 July)
    already counts the area after 1 August 2008. Changes
    on the same day share one mark (:func:`_change_labels`). Province reports
    only; districts and communes have none.

    Parameters
    ----------
    trends : DataFrame, optional
        The trend table (default: :func:`trend_table` of ``rpt``).

    Returns
    -------
    DataFrame
        ``date``, ``label`` (the chart's short words), ``note`` (the sentences under the
        chart), oldest first.
    """
    from ..geo.reform import boundary_changes

    cols = ["date", "label", "note"]
    if rpt.level != "province":
        return pd.DataFrame(columns=cols)
    trends = trend_table(rpt) if trends is None else trends
    if trends.empty:
        return pd.DataFrame(columns=cols)
    as_of = pd.to_datetime(trends["as_of"])
    # the boundaries the figures count, not their dates: 2025 Phú Thọ's series starts
    # with GSO's 2008 figure (dated 1/7/2008, the area of 31/12/2008), already without
    # Mê Linh, so 1/8/2008 is no step inside what is drawn (it was marked at the
    # series' first point)
    area = (pd.to_datetime(trends["area_date"]) if "area_date" in trends else as_of)
    first, last = area.min(), as_of.max()
    provinces = legacy_provinces()
    own = (provinces["province_2025_code"].astype(str).eq(str(rpt.unit.code))
           if rpt.boundaries == "2025" else provinces["geo_code"].astype(str).eq(rpt.unit.code))
    parts = set(provinces.loc[own, "geo_name"]) if rpt.boundaries == "2025" else set()
    by_day: dict[pd.Timestamp, list[dict[str, str]]] = {}
    for code in sorted(provinces.loc[own, "geo_code"].astype(str)):
        for change in boundary_changes(code):
            when = pd.Timestamp(change["date"])
            if first < when <= last and not _internal(change, parts):
                by_day.setdefault(when, []).append(change)
    rows = []
    for when in sorted(by_day):
        labels = _change_labels(rpt, by_day[when], frozenset(parts))
        label = "\n".join(labels)
        notes = [rpt.t("trend_event_note", label=" / ".join(labels), place=rpt.unit.name)]
        # GSO's yearly figures follow the area at the year's end (geo.areas.area_dates):
        # a change after 1 January shows already in the figure of its own year, dated
        # 1 July, before the line
        if as_of.between(pd.Timestamp(when.year, 1, 1), when, inclusive="left").any():
            notes.append(rpt.t("trend_event_year_end", year=when.year))
        rows.append({"date": when, "label": label, "note": " ".join(notes)})
    return pd.DataFrame(rows, columns=cols)


def trend_notes(rpt: ProvinceReport, trends: pd.DataFrame | None = None) -> list[str]:
    """Return the sentences under the trend chart, in page order.

    How few figures are drawn (``sparse_note``, when a series has fewer than
    :data:`~bhxh_analysis.plotting.SPARSE` figures or insurance panels are drawn: Hà
    Giang's page, population and labour force lines only, read that points are drawn
    unjoined and participants scheme by scheme), each marked change of the place's area
    (:func:`trend_events`), then each context series joined from two statistics tables
    (:func:`table_join_notes`).
    """
    from ..plotting import SPARSE

    trends = trend_table(rpt) if trends is None else trends
    sizes = trends.groupby("series")["as_of"].nunique()
    insurance = ~trends["panel"].eq(rpt.t("trends_context"))
    sparse = [rpt.t("sparse_note")] if (sizes.lt(SPARSE).any() or insurance.any()) else []
    return [*sparse, *trend_events(rpt, trends)["note"].tolist(),
            *table_join_notes(rpt, trends), *drop_notes(rpt, trends)]


#: A fall between two consecutive figures of an insurance series by more than this share
#: of the first is said under the chart, with where the two figures come from.
DROP_REL = 0.03


def drop_notes(rpt: ProvinceReport, trends: pd.DataFrame) -> list[str]:
    """Say where an insurance series falls by more than :data:`DROP_REL` between two
    consecutive figures, and whether the two come from one source and one area.

    Lâm Đồng's BHYT coverage read 94,56 % on 31/12/2024 and 90,44 % on 31/5/2025 without
    a word. What the data say is said: the two figures' sources (one, or two that may not
    count the same way) and a change of the place's area between them (the chart's
    segments, :func:`trend_events`); no reason is made up.
    """
    if trends.empty or "source_id" not in trends:
        return []
    from .citations import source_labels

    ins = trends[~trends["panel"].eq(rpt.t("trends_context"))]
    labels = source_labels(rpt.bundle, rpt.lang)
    num = lambda v, pct: (i18n.fmt_pct(v, rpt.lang) if pct  # noqa: E731
                          else i18n.fmt_number(v, rpt.lang))
    out = []
    for (_, series), g in ins.groupby(["panel", "series"], sort=False):
        g = g.sort_values("as_of", kind="stable")
        for (_, a), (_, b) in zip(g.iloc[:-1].iterrows(), g.iloc[1:].iterrows(), strict=True):
            if not (float(a["value"]) > 0 and float(b["value"]) < float(a["value"]) * (1 - DROP_REL)):
                continue
            pct = bool(a["pct"])
            drop = (rpt.t("trend_drop_points", value=i18n.fmt_pct(
                        float(a["value"]) - float(b["value"]), rpt.lang).rstrip("%"))
                    if pct else i18n.fmt_pct(
                        100 * (1 - float(b["value"]) / float(a["value"])), rpt.lang, 1))
            values = {"series": series, "a": num(a["value"], pct), "b": num(b["value"], pct),
                      "da": i18n.fmt_date(a["as_of"], rpt.lang),
                      "db": i18n.fmt_date(b["as_of"], rpt.lang), "drop": drop}
            sa, sb = str(a["source_id"] or ""), str(b["source_id"] or "")
            if a["segment"] != b["segment"]:
                out.append(rpt.t("trend_drop_area", **values))
            elif sa and sa == sb:
                out.append(rpt.t("trend_drop_same", **values, source=labels.get(sa, sa)))
            elif sa and sb:
                out.append(rpt.t("trend_drop_sources", **values, first=labels.get(sa, sa),
                                 second=labels.get(sb, sb)))
            else:  # a figure computed from others (no source of its own)
                out.append(rpt.t("trend_drop_derived", **values))
    return out


#: A change per year across two tables' join within this many percentage points of the
#: changes in the years on either side reads as the same trend.
JOIN_TOLERANCE_PP = 0.5


def _yearly_change(a: pd.Series, b: pd.Series) -> float:
    """Average change per year (%) from the figure ``a`` to ``b`` (``value``, ``as_of``)."""
    years = (pd.Timestamp(b["as_of"]) - pd.Timestamp(a["as_of"])).days / 365.25
    return ((float(b["value"]) / float(a["value"])) ** (1 / years) - 1) * 100


def table_join_notes(rpt: ProvinceReport, trends: pd.DataFrame) -> list[str]:
    """Say which population (or labour force) series is joined from two GSO tables.

    GSO's population of 1995–2016 and of 2018–2022 are two exports (``data/raw/gso``);
    the chart draws them as one series, its gap of 2017 left open. The sentence names
    both tables and their years, the year(s) neither holds, and sets the change per year
    across the join beside the change in the year before it and the year after: across
    the 63 provinces it ranges from −5.5 %/year (An Giang; −1.2 % the year after) to
    +8.4 % (Bình Dương; +3.4 % before, +4.7 % after), so the step between the tables
    is not read as growth unless the change across the join lies within
    :data:`JOIN_TOLERANCE_PP` of the changes on either side (Hải Phòng: +0.9 %/year
    across, +0.9 before, +0.8 after).
    """
    if trends.empty or "source_id" not in trends:
        return []
    from .citations import sources_table

    ctx = trends[trends["panel"].eq(rpt.t("trends_context"))]
    out = []
    for label, g in ctx.groupby("series", sort=False):
        g = g[g["source_id"].astype(str).ne("")]
        tables = list(dict.fromkeys(g.sort_values("as_of")["source_id"].astype(str)))
        if len(tables) != 2:
            continue
        src = sources_table(rpt.bundle, tables, rpt.lang)
        names = dict(zip(src["source_id"], src["title"], strict=False))
        first, second = (g[g["source_id"].astype(str).eq(t)].sort_values("as_of")
                         for t in tables)
        years = [pd.DatetimeIndex(x["as_of"]).year for x in (first, second)]
        holes = [str(y) for y in range(years[0].max() + 1, years[1].min())]
        named = {}
        for key, table, y in zip(("first", "second"), tables, years, strict=True):
            title, span = names.get(table, table), f"{y.min()}–{y.max()}"
            named[key] = rpt.t("trend_table_title", title=title)
            # a title that gives its years already ("… (1995–2016)") is not followed by
            # them; other years used are said outside the quoted title (Điện Biên's read
            # “… (1995–2016) (2004–2016)”, as if the table had two titles)
            if span not in title.replace("-", "–"):
                named[key] += " " + rpt.t("trend_table_years", span=span)
        text = rpt.t("trend_two_tables", label=label, **named)
        if holes:
            text += " " + rpt.t("trend_two_tables_missing", years=", ".join(holes))
        a, b = first.iloc[-1], second.iloc[0]
        if len(first) > 1 and len(second) > 1:
            step, before, after = (_yearly_change(a, b), _yearly_change(first.iloc[-2], a),
                                   _yearly_change(b, second.iloc[1]))
            fits = (min(before, after) - JOIN_TOLERANCE_PP <= step
                    <= max(before, after) + JOIN_TOLERANCE_PP)
            text += " " + rpt.t("trend_two_tables_fits" if fits else "trend_two_tables_step",
                                a=a["as_of"].year, b=b["as_of"].year,
                                **{k: i18n.fmt_pp(round(v, 1) + 0.0, rpt.lang) for k, v in
                                   (("step", step), ("before", before), ("after", after))})
        out.append(text)
    return out


__all__ = ["CONTEXT", "DROP_REL", "TREND_MEASURES", "drop_notes", "table_join_notes",
           "trend_events", "trend_notes", "trend_table"]
