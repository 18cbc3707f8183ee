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
