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
    return [t.get_text() for t in ax.texts if t.get_text() == label]


@pytest.mark.parametrize("boundaries, lang", [("2025", "vi"), ("legacy", "en")])
def test_ha_noi_trends_mark_ha_tay_joining_on_1_august_2008(home: Path, boundaries: str,
                                                            lang: str) -> None:
    # Hà Tây joined Hà Nội on 1/8/2008: the population panel (1995–2022) crosses the date
    # and marks it; panels of 2019–2025 figures do not; the notes say what it means
    rpt = ProvinceReport("Hà Nội", boundaries=boundaries, lang=lang)
    trends = rpt.trend_table()
    label = i18n.t("trend_event_merged", lang, name="Hà Tây", into="Hà Nội")
    assert rpt.trend_events(trends) == [(pd.Timestamp("2008-08-01"), label)]
    fig = plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel",
                          pct="pct", ylabel="ylabel", scale="scale", lang=lang,
                          events=rpt.trend_events(trends))
    marked = {ax.get_title(loc="left") for ax in fig.axes if _event_texts(ax, label)}
    assert marked == {i18n.t("trends_context", lang)}
    (ax,) = [a for a in fig.axes if a.get_title(loc="left") in marked]
    day = mdates.date2num(pd.Timestamp("2008-08-01"))
    assert any(list(ax.convert_xunits(list(ln.get_xdata()))) == [day, day] for ln in ax.lines)
    assert plotting.overlapping_texts(fig) == []
    plt.close(fig)
    note = i18n.t("trend_event_merged_note", lang, name="Hà Tây", into="Hà Nội",
                  date=i18n.fmt_date("2008-08-01", lang))
    assert rpt.trend_notes(trends) == [i18n.t("sparse_note", lang), note]


def test_a_span_that_does_not_cross_a_merger_is_not_marked(home: Path) -> None:
    hn = ProvinceReport("Hà Nội", boundaries="2025", lang="vi")
    later = hn.trend_table().query("as_of >= '2009-01-01'")
    assert hn.trend_events(later) == [] and hn.trend_notes(later) == [i18n.t("sparse_note", "vi")]
    for name in ("Quảng Ninh", "Hà Tây"):  # no province joined them
        assert ProvinceReport(name, boundaries="legacy", lang="en").trend_events() == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_legacy_ha_noi_before_the_merger_is_labelled_by_its_own_boundaries(home: Path,
                                                                           lang: str) -> None:
    # on the 2025 page, legacy Hà Nội's figures dated before 1/8/2008 are of the smaller
    # unit: "Hà Nội (before 1 Aug 2008)", never "(until 30 June 2025)"
    rpt = ProvinceReport("Hà Nội", boundaries="2025", lang=lang)
    obs = rpt.obs[(rpt.obs["boundaries"] == "legacy") & (rpt.obs["geo_code"] == "01")
                  & (rpt.obs["geo_level"] == "province")]
    before = obs[obs["as_of"] < pd.Timestamp("2008-08-01")]
    assert len(before) and len(obs) > len(before)
    when = i18n.t("legacy_before_date", lang, date=i18n.fmt_date("2008-08-01", lang))
    assert set(before["place"]) == {f"Hà Nội ({when})"}
    assert set(obs.loc[obs["as_of"] >= pd.Timestamp("2008-08-01"), "place"]) == {"Hà Nội"}
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
