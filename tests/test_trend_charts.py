"""Trend charts a reader can read (issue 14.11): no series flattened against a larger one.

Gia Lai (2025 boundaries) drew BHYT (1.3 million) with BHXH, its two parts and BHTN
(15–97 thousand) on one y axis: all but BHYT hugged zero. Nghệ An drew its own voluntary
BHXH (87 thousand) with two districts' (617 and 5,977) on one axis. Every panel of those
reports' trend figures, drawn by the notebook's own call, is checked here: at most
:data:`~bhxh_analysis.plotting.MAX_SERIES` series, each reaching a tenth of its panel's
top, every series of the table drawn, no two texts overlapping.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection

from bhxh_analysis import i18n, plotting
from bhxh_analysis.reports import ProvinceReport
from bhxh_analysis.reports.trends import table_join_notes

#: a series is visible when its largest value reaches this share of its panel's y top
VISIBLE = 0.1


def drawn_series(ax: Axes) -> dict[str, float]:
    """Each series on ``ax`` (by its legend label) and its largest drawn y value."""
    out = {}
    for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
        ys = (handle.get_offsets()[:, 1] if isinstance(handle, PathCollection)
              else handle.get_ydata())
        out[label] = float(max(ys))
    return out


def trend_figure(trends: pd.DataFrame, lang: str):
    """The trend figure as ``notebooks/province_report.ipynb`` draws it."""
    return plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel",
                           pct="pct", ylabel="ylabel", scale="scale", lang=lang)


def assert_every_series_visible(fig, what: str) -> None:
    for ax in fig.axes:
        series = drawn_series(ax)
        top = ax.get_ylim()[1]
        assert 1 <= len(series) <= plotting.MAX_SERIES, (what, ax.get_title(loc="left"))
        low = {k: v for k, v in series.items() if v < VISIBLE * top}
        assert not low, (what, ax.get_title(loc="left"), low, top)


@pytest.mark.parametrize("name, boundaries, lang", [("Gia Lai", "2025", "vi"),
                                                    ("Nghệ An", "legacy", "en"),
                                                    ("Nghệ An", "legacy", "vi")])
def test_real_trend_panels_show_every_series(home: Path, name, boundaries, lang) -> None:
    rpt = ProvinceReport(name, boundaries=boundaries, lang=lang)
    trends = rpt.trend_table()
    fig = trend_figure(trends, lang)
    what = f"{name} {boundaries} {lang}"
    assert_every_series_visible(fig, what)
    assert plotting.overlapping_texts(fig) == [], what
    # nothing dropped: every series of every panel of the table is drawn, once
    drawn = [k for ax in fig.axes for k in drawn_series(ax)]
    assert sorted(drawn) == sorted(trends.drop_duplicates(["panel", "series"])["series"])
    # titles are the catalogue's words, never identifiers
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert not [t for t in titles if re.search(r"[a-z]_[a-z]", t)], titles
    plt.close(fig)


def test_participants_are_drawn_scheme_by_scheme_and_level_by_level(home: Path) -> None:
    """Nghệ An: one participants panel per scheme; its districts' apart from the province."""
    rpt = ProvinceReport("Nghệ An", lang="en")
    trends = rpt.trend_table()
    counts = trends[~trends["pct"].astype(bool)
                    & trends["panel"].ne(rpt.t("trends_context"))]
    voluntary = i18n.scheme_label("bhxh_voluntary", "en")
    for panel, g in counts.groupby("panel"):
        assert g["series"].str.split(" — ").str[0].nunique() == 1, panel  # one scheme
    assert set(counts.loc[counts["panel"].eq(rpt.t("trends_counts_scheme",
                                                   scheme=voluntary)), "series"]) == {
        f"{voluntary} — Nghệ An"}
    districts = counts[counts["panel"].eq(rpt.t("trends_counts_level", scheme=voluntary,
                                                level=rpt.t("districts_plural")))]
    assert len(districts) and "Nghệ An" not in " ".join(districts["series"])


def _counts(values: dict[str, list[float]]) -> pd.DataFrame:
    dates = pd.to_datetime(["2022-12-31", "2023-12-31", "2024-12-31"])
    return pd.DataFrame([(k, d, v) for k, vs in values.items() for d, v in zip(dates, vs,
                                                                                 strict=True)],
                        columns=["series", "as_of", "value"]).assign(panel="Số người")


def test_a_small_series_beside_a_big_one_gets_its_own_panel() -> None:
    df = _counts({"BHYT — Gia Lai": [1.16e6, 1.30e6, 1.31e6],
                  "BHXH tự nguyện — Gia Lai": [9e3, 12e3, 14.6e3]})
    fig = plotting.panels(df, x="as_of", y="value", hue="series", panel="panel",
                          scale=1000.0, ylabel="Nghìn người")
    assert [list(drawn_series(ax)) for ax in fig.axes] == [["BHYT — Gia Lai"],
                                                            ["BHXH tự nguyện — Gia Lai"]]
    assert_every_series_visible(fig, "big and small")
    # two schemes: each part says which it holds
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Số người: BHYT",
                                                              "Số người: BHXH tự nguyện"]
    assert plotting.overlapping_texts(fig) == []
    plt.close(fig)
    # one scheme, two districts (Nghệ An's Nam Đàn and Tân Kỳ): both parts keep the title
    df = _counts({"BHXH tự nguyện — Nam Đàn": [4e3, 5e3, 5977.0],
                  "BHXH tự nguyện — Tân Kỳ": [400.0, 500.0, 617.0]})
    fig = plotting.panels(df, x="as_of", y="value", hue="series", panel="panel")
    assert len(fig.axes) == 2
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Số người", "Số người"]
    assert_every_series_visible(fig, "two districts")
    plt.close(fig)


def test_series_of_like_size_share_a_panel_and_percentages_stay_together() -> None:
    like = _counts({"BHXH — A": [80e3, 90e3, 97e3], "BHTN — A": [60e3, 65e3, 70e3],
                    "BHXH tự nguyện — A": [10e3, 11e3, 12.2e3]})  # 97 ÷ 12.2 < MAX_RATIO
    fig = plotting.panels(like, x="as_of", y="value", hue="series", panel="panel")
    assert len(fig.axes) == 1
    assert_every_series_visible(fig, "like size")
    plt.close(fig)
    pct = _counts({"BHYT — A": [88.0, 90.0, 92.0], "BHXH tự nguyện — A": [1.5, 2.0, 2.5]})
    fig = plotting.panels(pct, x="as_of", y="value", hue="series", panel="panel", pct=True)
    assert len(fig.axes) == 1  # one percentage scale: 2 % beside 90 % reads right
    plt.close(fig)


def test_small_participant_series_are_drawn_in_persons(home: Path) -> None:
    """Nghệ An's districts (617 and 5,977 voluntary BHXH participants) are drawn in persons,
    labelled so, not as "0.62 thousand"; the province's 87 thousand stays in thousands."""
    rpt = ProvinceReport("Nghệ An", lang="en")
    trends = rpt.trend_table()
    counts = trends[~trends["pct"].astype(bool)
                    & trends["panel"].ne(rpt.t("trends_context"))]
    top = counts.groupby("series")["value"].transform("max")
    small, large = counts[top < 10_000], counts[top >= 10_000]
    assert len(small) and len(large)
    assert set(small["scale"]) == {1.0} and set(small["ylabel"]) == {rpt.t("axis_participants")}
    assert set(large["scale"]) == {1000.0}
    assert set(large["ylabel"]) == {rpt.t("axis_participants_thousands")}
    fig = trend_figure(trends, "en")
    try:
        district_axes = [ax for ax in fig.axes
                         if set(drawn_series(ax)) <= set(small["series"]) and drawn_series(ax)]
        assert district_axes
        for ax in district_axes:
            assert "persons" in ax.get_ylabel()
            assert max(drawn_series(ax).values()) == pytest.approx(
                small.loc[small["series"].isin(drawn_series(ax)), "value"].max())
    finally:
        plt.close(fig)


#: Smallest share of the figure's width a trend panel keeps with its legend (a legend on
#: the right took a quarter to two fifths of it: Hà Nội 2025's panels were 60 % wide).
MIN_AXES_WIDTH = 0.75


def _long_series() -> pd.DataFrame:
    """Five series with long names on one panel, a figure a year (synthetic)."""
    names = [f"BHXH bắt buộc — Huyện số {i} của tỉnh" for i in range(1, 6)]
    years = pd.to_datetime([f"{y}-12-31" for y in range(2016, 2025)])
    return pd.DataFrame([{"as_of": d, "value": 1000.0 * (k + 1) + j, "series": n,
                          "panel": "Số người tham gia"}
                         for k, n in enumerate(names) for j, d in enumerate(years)])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_trend_panel_keeps_its_width_with_its_legend(home: Path, lang: str) -> None:
    rpt = ProvinceReport("Hà Nội", boundaries="2025", lang=lang)
    for what, fig in (("Hà Nội 2025", trend_figure(rpt.trend_table(), lang)),
                      ("five long names", plotting.panels(_long_series(), x="as_of", y="value",
                                                          hue="series", panel="panel",
                                                          lang=lang))):
        fig.canvas.draw()
        legends = [ax for ax in fig.axes if ax.get_legend() is not None]
        assert legends, what
        for ax in legends:
            box = ax.get_legend().get_window_extent()
            assert ax.bbox.width >= MIN_AXES_WIDTH * fig.bbox.width, (what, ax.bbox.width)
            # under the tick labels, inside the figure: never over the data
            assert box.y1 <= ax.xaxis.get_tightbbox().y0 + 1, what
            assert fig.bbox.x0 - 1 <= box.x0 and box.x1 <= fig.bbox.x1 + 1, what
        assert plotting.overlapping_texts(fig) == [], what
        plt.close(fig)


def _event_texts(ax: Axes, label: str) -> list[str]:
    """The texts of ``ax`` that say ``label`` (wrapped onto lines or not)."""
    return [t.get_text() for t in ax.texts if t.get_text().split() == label.split()]


def _marked_panels(rpt: ProvinceReport, trends: pd.DataFrame, label: str, day: str,
                   lang: str) -> set[str]:
    """Titles of the panels that mark ``label`` with a vertical line on ``day``; the
    figure's texts never overlap, its legends stay under the axes."""
    fig = plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel",
                          pct="pct", ylabel="ylabel", scale="scale", lang=lang,
                          events=rpt.trend_events(trends), segment="segment")
    fig.canvas.draw()
    marked = {ax.get_title(loc="left") for ax in fig.axes if _event_texts(ax, label)}
    at = mdates.date2num(pd.Timestamp(day))
    for ax in fig.axes:
        if ax.get_title(loc="left") in marked:
            assert any(list(ax.convert_xunits(list(ln.get_xdata()))) == [at, at]
                       for ln in ax.lines)
        if ax.get_legend() is not None:
            assert ax.get_legend().get_window_extent().y1 <= ax.xaxis.get_tightbbox().y0 + 1
    assert plotting.overlapping_texts(fig) == []
    plt.close(fig)
    return marked


def _mark_notes(rpt: ProvinceReport, trends: pd.DataFrame) -> list[str]:
    """The trend chart's notes but those of a series joined from two tables (tested in
    test_a_population_joined_from_two_gso_tables_says_so)."""
    joins = table_join_notes(rpt, trends)
    return [n for n in rpt.trend_notes(trends) if n not in joins]


def _note(lang: str, label: str, place: str, year: int | None = None) -> str:
    out = i18n.t("trend_event_note", lang, label=label, place=place)
    return out if year is None else f"{out} {i18n.t('trend_event_year_end', lang, year=year)}"


@pytest.mark.parametrize("boundaries, lang", [("legacy", "vi"), ("legacy", "en")])
def test_dak_lak_population_marks_dak_nong_splitting_off_in_2004(home: Path, boundaries: str,
                                                                 lang: str) -> None:
    # GSO: Đắk Lắk 1,995.6 thousand in 2003, 1,635.6 in 2004 (Đắk Nông, 403.4, apart);
    # the step is named on the chart, in the reader's language, on the legacy page
    rpt = ProvinceReport("Đắk Lắk", boundaries=boundaries, lang=lang)
    trends = rpt.trend_table()
    date = i18n.fmt_date("2004-01-01", lang)
    label = i18n.t("trend_event_split", lang, part="Đắk Nông", date=date)
    assert label == {"vi": "Tách Đắk Nông (1/1/2004)",
                     "en": "Đắk Nông split off (1 Jan 2004)"}[lang]
    assert rpt.trend_events(trends) == [(pd.Timestamp("2004-01-01"), label)]
    assert _marked_panels(rpt, trends, label, "2004-01-01", lang) == {
        i18n.t("trends_context", lang)}
    # a change on 1 January: GSO's 2004 figure is the new area's, after the line
    assert _mark_notes(rpt, trends) == [i18n.t("sparse_note", lang), _note(lang, label, "Đắk Lắk")]


def test_the_2025_dak_lak_population_starts_with_its_area(home: Path) -> None:
    # The 2025 page summed legacy Đắk Lắk and Phú Yên from 1995: before 2004 that sum
    # held Đắk Nông (2025 Lâm Đồng): 2,820.4 thousand in 2003, 2,467.6 in 2004, and
    # the chart marked the step. Its own series starts in 2004 now (geo.areas), unmarked.
    rpt = ProvinceReport("Đắk Lắk", boundaries="2025", lang="vi")
    trends = rpt.trend_table()
    pop = trends[trends["series"] == i18n.indicator_label("population", "vi")]
    assert pop["as_of"].min().year == 2004, pop
    assert rpt.trend_events(trends) == []


@pytest.mark.parametrize("name, boundaries, lang, labels", [
    ("Vĩnh Phúc", "legacy", "vi", [("trend_event_lost", "Mê Linh")]),
    ("Vĩnh Phúc", "legacy", "en", [("trend_event_lost", "Mê Linh")]),
    ("Hà Nội", "legacy", "en", [("trend_event_gained", "Hà Tây, Mê Linh, 4 communes of Lương Sơn")]),
    # the 2025 city's figures before 1/8/2008 are the sums of Hà Nội and Hà Tây: its
    # step there is Mê Linh and the 4 communes alone, Hà Tây is not named
    ("Hà Nội", "2025", "vi", [("trend_event_gained", "Mê Linh, 4 xã Lương Sơn")]),
    ("Hà Nội", "2025", "en", [("trend_event_gained", "Mê Linh, 4 communes of Lương Sơn")]),
])
def test_the_2008_changes_are_marked_on_every_place_they_touched(home: Path, name, boundaries,
                                                                 lang, labels) -> None:
    rpt = ProvinceReport(name, boundaries=boundaries, lang=lang)
    trends = rpt.trend_table()
    date = i18n.fmt_date("2008-08-01", lang)
    words = [i18n.t(k, lang, part=p, dest="Hà Nội", date=date) for k, p in labels]
    label = "\n".join(words)
    assert rpt.trend_events(trends) == [(pd.Timestamp("2008-08-01"), label)]
    assert _marked_panels(rpt, trends, label, "2008-08-01", lang) == {
        i18n.t("trends_context", lang)}
    # the change took effect on 1/8/2008, but GSO's 2008 figures (dated 1/7) already
    # count the new area: the note says the step comes before the line
    assert _mark_notes(rpt, trends)[1:] == [_note(lang, " / ".join(words), name, 2008)]


@pytest.mark.parametrize("name, boundaries, day", [
    ("Lào Cai", "legacy", "2004-01-01"), ("Lai Châu", "legacy", "2004-01-01"),
    ("Hà Nội", "legacy", "2008-08-01"), ("Hà Nội", "2025", "2008-08-01")])
def test_a_line_does_not_join_figures_across_a_change_of_area(home: Path, name, boundaries,
                                                               day) -> None:
    # Hà Nội's population line ran from 3.2 million (2007) up to 6.4 million (2008) as if
    # it grew: the last figure of the old area and the first of the new are not joined
    # (a NaN between them in the drawn line); both keep their markers, the mark stays
    rpt = ProvinceReport(name, boundaries=boundaries, lang="vi")
    trends = rpt.trend_table()
    when = pd.Timestamp(day)
    assert [d for d, _ in rpt.trend_events(trends)] == [when]
    pop = trends[trends["series"] == i18n.indicator_label("population", "vi")]
    last_old = pop.loc[pop["area_date"] < when, "as_of"].max()
    first_new = pop.loc[pop["area_date"] >= when, "as_of"].min()
    fig = plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel",
                          pct="pct", ylabel="ylabel", scale="scale", lang="vi",
                          events=rpt.trend_events(trends), segment="segment")
    (line,) = [ln for ax in fig.axes for ln in ax.lines
               if ln.get_label() == i18n.indicator_label("population", "vi")]
    xs = pd.to_datetime(line.get_xdata())
    ys = pd.Series(line.get_ydata(), index=xs)
    between = ys[(ys.index > last_old) & (ys.index < first_new)]
    assert last_old in ys.index and first_new in ys.index  # both markers drawn
    assert len(between) and between.isna().all(), ys.loc[last_old:first_new]
    # the rest of the series is one line: no break elsewhere without a gap in the data
    assert ys.isna().sum() == 1 + pop["as_of"].diff().gt(pd.Timedelta(days=400)).sum()
    plt.close(fig)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_change_before_the_first_figures_area_is_not_marked(home: Path, lang: str) -> None:
    # 2025 Phú Thọ sums its legacy parts from 2008 (geo.areas): its first figure, GSO's
    # 2008 average dated 1/7/2008, already counts the area of 31/12/2008, without Mê
    # Linh and the 4 communes of Lương Sơn. The chart marked 1/8/2008 beside that first
    # point although nothing drawn counts the area before it (issue 14).
    rpt = ProvinceReport("Phú Thọ", boundaries="2025", lang=lang)
    trends = rpt.trend_table()
    pop = trends[trends["series"] == i18n.indicator_label("population", lang)]
    assert pop["as_of"].min() == pd.Timestamp("2008-07-01"), pop  # before the change's day
    assert pop["area_date"].min() == pd.Timestamp("2008-12-31")
    assert rpt.trend_events(trends) == [] and _mark_notes(rpt, trends) == [
        i18n.t("sparse_note", lang)]


@pytest.mark.parametrize("name, boundaries", [
    ("Phú Thọ", "legacy"), ("Phú Thọ", "2025"), ("Hà Nội", "legacy"), ("Hà Nội", "2025"),
    ("Đắk Lắk", "legacy"), ("Đắk Lắk", "2025"), ("Cần Thơ", "legacy"), ("Cần Thơ", "2025")])
def test_every_mark_falls_inside_what_its_panel_draws(home: Path, name, boundaries) -> None:
    # a mark only where a drawn figure counts the area before the change and one is
    # dated on or after it: never at or before the first point of the data
    rpt = ProvinceReport(name, boundaries=boundaries, lang="vi")
    trends = rpt.trend_table()
    for day, label in rpt.trend_events(trends):
        shown = trends.groupby("panel").filter(
            lambda g, d=day: g["as_of"].min() < d <= g["as_of"].max())
        assert len(shown), (name, boundaries, label)
        assert (shown["area_date"] < day).any() and (shown["as_of"] >= day).any()


def test_a_span_that_does_not_cross_a_change_is_not_marked(home: Path) -> None:
    hn = ProvinceReport("Hà Nội", boundaries="2025", lang="vi")
    later = hn.trend_table().query("as_of >= '2009-01-01'")
    assert hn.trend_events(later) == [] and _mark_notes(hn, later) == [i18n.t("sparse_note", "vi")]
    for name in ("Quảng Ninh", "Hà Tây"):  # no change of their area in their series
        assert ProvinceReport(name, boundaries="legacy", lang="en").trend_events() == []


def test_a_change_inside_one_2025_province_is_not_marked(home: Path) -> None:
    # Hậu Giang split off from Cần Thơ (2004); both are parts of 2025 Cần Thơ, whose
    # area did not change: nothing to mark. Legacy Cần Thơ's own series steps there.
    assert ProvinceReport("Cần Thơ", boundaries="2025", lang="vi").trend_events() == []
    label = i18n.t("trend_event_split", "vi", part="Hậu Giang", date="1/1/2004")
    assert ProvinceReport("Cần Thơ", boundaries="legacy", lang="vi").trend_events() == [
        (pd.Timestamp("2004-01-01"), label)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_legacy_ha_noi_before_the_merger_is_labelled_by_its_own_boundaries(home: Path,
                                                                           lang: str) -> None:
    # on the 2025 page, legacy Hà Nội's figures of the smaller unit read "Hà Nội (before
    # 1 Aug 2008)", never "(until 30 June 2025)". GSO's yearly figures follow the area at
    # the year's end: its 2008 average population, dated 1/7/2008, is already the merged
    # area's (more than Hà Nội and Hà Tây together in 2007), so it is plain "Hà Nội"
    rpt = ProvinceReport("Hà Nội", boundaries="2025", lang=lang)
    obs = rpt.obs[(rpt.obs["boundaries"] == "legacy") & (rpt.obs["geo_code"] == "01")
                  & (rpt.obs["geo_level"] == "province")]
    pop = rpt.obs[rpt.obs["indicator"].eq("population") & rpt.obs["boundaries"].eq("legacy")]
    value = pop.set_index(["geo_code", pop["as_of"].dt.year])["value"]
    assert value["01", 2008] > value["01", 2007] + value["28", 2007]
    before = obs[obs["as_of"] < pd.Timestamp("2008-01-01")]
    assert len(before) and len(obs) > len(before)
    when = i18n.t("legacy_before_date", lang, date=i18n.fmt_date("2008-08-01", lang))
    assert set(before["place"]) == {f"Hà Nội ({when})"}
    assert set(obs.loc[obs["as_of"] >= pd.Timestamp("2008-01-01"), "place"]) == {"Hà Nội"}
    assert not any(i18n.t("legacy_until", lang) in p for p in obs["place"])
    ha_tay = rpt.obs[rpt.obs["geo_code"] == "28"]
    until = i18n.t("legacy_until_date", lang, date=i18n.fmt_date("2008-07-31", lang))
    assert set(ha_tay["place"]) == {f"Hà Tây ({until})"}


def test_shared_year_axis_is_labelled_under_each_panel_with_a_legend() -> None:
    """The national coverage panels share one year axis; each has a legend below it, so
    only the last showed years: the reader could not date the BHXH, BHTN … points."""
    df = pd.DataFrame({"year": [2019, 2020, 2021] * 4,
                       "value": [30.0, 32, 34, 35, 35, 35, 20, 25, 27, 28, 28, 28],
                       "series": (["Tỷ lệ bao phủ"] * 3 + ["Mục tiêu"] * 3) * 2,
                       "panel": ["BHXH"] * 6 + ["BHTN"] * 6})
    fig = plotting.panels(df, x="year", y="value", hue="series", panel="panel", pct=True,
                          targets=["Mục tiêu"], sharex=True)
    fig.canvas.draw()
    for ax in fig.axes:
        assert ax.get_legend() is not None
        shown = [t.get_text() for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
        assert shown, ax.get_title(loc="left")
    plt.close(fig)
    # panels without a legend (one series named like its panel) keep one row of years
    one = df[df["series"] != "Mục tiêu"].assign(series=lambda d: d["panel"])
    fig = plotting.panels(one, x="year", y="value", hue="series", panel="panel", pct=True,
                          sharex=True)
    fig.canvas.draw()
    first = [t.get_text() for t in fig.axes[0].get_xticklabels()
             if t.get_visible() and t.get_text()]
    assert first == []
    plt.close(fig)


@pytest.mark.parametrize("name, boundaries, lang, fits", [
    ("Hải Phòng", "legacy", "vi", True), ("Sóc Trăng", "legacy", "en", False),
    ("Sóc Trăng", "legacy", "vi", False), ("Hà Nội", "2025", "en", False)])
def test_a_population_joined_from_two_gso_tables_says_so(home: Path, name, boundaries, lang,
                                                         fits) -> None:
    # GSO's population of 1995–2016 and of 2018–2022 are two exports; the chart drew
    # them as one series without a word. The note names both, the year neither holds,
    # and sets the change across the join beside the years on either side (Sóc Trăng:
    # -4 %/year from 2016 to 2018 against +0.1 % before and -0.8 % after)
    rpt = ProvinceReport(name, boundaries=boundaries, lang=lang)
    trends = rpt.trend_table()
    pop = trends[trends["series"] == i18n.indicator_label("population", lang)]
    value = pop.set_index(pop["as_of"].dt.year)["value"]
    assert set(pop["source_id"]) == {"gso-pop-1995-2016", "gso-pop-2018-2022"}
    notes = [n for n in rpt.trend_notes(trends)
             if n.startswith(i18n.indicator_label("population", lang) + ":")]
    assert len(notes) == 1, rpt.trend_notes(trends)
    titles = [i18n.source_title(s, "", lang) for s in ("gso-pop-1995-2016", "gso-pop-2018-2022")]
    assert all(f"“{t}”" in notes[0] for t in titles), notes
    assert i18n.t("trend_two_tables_missing", lang, years="2017") in notes[0]
    step = ((value[2018] / value[2016]) ** 0.5 - 1) * 100
    before, after = (value[2016] / value[2015] - 1) * 100, (value[2019] / value[2018] - 1) * 100
    key = "trend_two_tables_fits" if fits else "trend_two_tables_step"
    assert notes[0].endswith(i18n.t(key, lang, a=2016, b=2018, **{
        k: i18n.fmt_pp(round(v, 1) + 0.0, lang) for k, v in
        (("step", step), ("before", before), ("after", after))})), notes
    # one table only (labour force 2005–2016): nothing to say
    assert not any(n.startswith(i18n.indicator_label("labour_force_15plus", lang) + ":")
                   for n in rpt.trend_notes(trends))
