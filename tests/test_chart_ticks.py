"""Date ticks never collide (issue 14.11): real province reports and synthetic spreads.

The Hồ Chí Minh report with 2025 boundaries printed "31/12/2021" over "31/12/2025" under
its sparse BHXH panel: the rule leaving out a label too close to the one before it
counted in a share of the axis' dates, not in the width of the labels on the page.
Every chart the province report draws is checked here with
:func:`bhxh_analysis.plotting.overlapping_texts`, for places whose panels hold one to
three dates far apart or close together, through the library calls the notebook makes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from bhxh_analysis import plotting
from bhxh_analysis.reports import ProvinceReport

#: Real places whose charts exercise the date ticks (each for a reason the data give):
#: HCM 2025 (dates 2004, 2021, 2025 on one panel), Hà Nội 2025 (2019, 2024, 2025),
#: Lào Cai 2025 (April and October 2025), Đồng Nai (2023 and May 2025), Đà Nẵng 2025
#: (2011, 2018, 2023), Vĩnh Phúc (December 2018 and May 2019), Hà Nam (a forecast made
#: in November), Lâm Đồng (monthly figures over years).
PLACES = [("Hồ Chí Minh", "2025"), ("Hà Nội", "2025"), ("Lào Cai", "2025"),
          ("Đồng Nai", "legacy"), ("Đà Nẵng", "2025"), ("Vĩnh Phúc", "legacy"),
          ("Hà Nam", "legacy"), ("Lâm Đồng", "legacy")]

VI_DATE = re.compile(r"(\d{1,2}/)?\d{1,2}/\d{4}|\d{4}")
EN_DATE = re.compile(r"(\d{1,2} )?[A-Z][a-z]{2} \d{4}|\d{4}")


def report_charts(rpt: ProvinceReport, lang: str) -> Iterator[tuple[str, object]]:
    """Yield the charts of ``notebooks/province_report.ipynb``, drawn by the same calls."""
    cov = rpt.coverage_table()
    if len(cov):
        yield "coverage", plotting.bars(cov, x="coverage", y="label", target="target",
                                        lang=lang, title=rpt.t("coverage_chart"),
                                        target_label=rpt.t("target_marker"))
    trends = rpt.trend_table()
    if len(trends):
        yield "trends", plotting.panels(trends, x="as_of", y="value", hue="series",
                                        panel="panel", pct="pct", ylabel="ylabel",
                                        scale="scale", lang=lang)
    fc = rpt.forecast_table()
    for _, row in fc[fc["status"] == "ok"].iterrows():
        yield row["label"], plotting.fan_chart(rpt.forecast_history(row), row.to_frame().T,
                                               plan=row["plan"], as_of=row["as_of"],
                                               lang=lang, title=row["label"])


def assert_legible(chart: object, lang: str, what: str = "") -> None:
    """No two texts overlap, legends sit right of their axes, dates in ``lang``."""
    fig = plotting.figure_of(chart)
    assert plotting.overlapping_texts(fig) == [], what
    dates = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            assert legend.get_window_extent().x0 >= ax.get_window_extent().x1 - 1, what
        if type(ax.xaxis.get_major_formatter()).__name__ == "DateLabels":
            dates += [t.get_text() for t in ax.get_xticklabels()
                      if t.get_visible() and t.get_text()]
    pattern = VI_DATE if lang == "vi" else EN_DATE
    assert all(pattern.fullmatch(t) for t in dates), (what, dates)
    assert dates or not any(type(ax.xaxis.get_major_formatter()).__name__ == "DateLabels"
                            for ax in fig.axes), what
    plt.close(fig)


def sparse_panels(trends: pd.DataFrame) -> list[list[pd.Timestamp]]:
    """The dates of each trend panel holding one to three dates."""
    dates = [sorted(g["as_of"].unique()) for _, g in trends.groupby("panel")]
    return [d for d in dates if 1 <= len(d) <= 3]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_of_sparse_and_dense_province_reports_is_legible(home: Path,
                                                                     lang: str) -> None:
    drawn, sparse = 0, []
    for name, boundaries in PLACES:
        rpt = ProvinceReport(name, boundaries=boundaries, lang=lang)
        sparse += sparse_panels(rpt.trend_table())
        for what, chart in report_charts(rpt, lang):
            assert_legible(chart, lang, f"{name} {boundaries} {lang}: {what}")
            drawn += 1
    assert drawn >= 2 * len(PLACES)
    # the places still hold what they were chosen for: dates years apart, dates close
    spans = [(d[-1] - d[0]).days for d in sparse if len(d) > 1]
    gaps = [(b - a).days for d in sparse for a, b in zip(d, d[1:], strict=False)]
    assert max(spans) > 10 * 365 and min(gaps) < 200, (spans, gaps)


def _frame(dates: list[str], series: int = 3) -> pd.DataFrame:
    names = [f"BHXH — Bà Rịa - Vũng Tàu (đến 30/6/2025) {k}" for k in range(series)]
    rows = [(names[i % series], pd.Timestamp(d), 1000.0 * (i + 1), "Số người")
            for i, d in enumerate(dates)]
    return pd.DataFrame(rows, columns=["series", "as_of", "value", "panel"])


MONTHLY = [str(d.date()) for d in pd.date_range("2015-01-31", "2025-06-30", freq="ME")]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [4.0, 8.5])
@pytest.mark.parametrize("dates", [
    ["2021-12-31"],                                 # one point
    ["2021-12-31", "2025-12-31"],                   # two points years apart
    ["2004-10-31", "2021-12-31", "2025-12-31"],     # HCM 2025's BHXH panel
    ["2025-04-30", "2025-05-31", "2025-10-31"],     # months apart
    MONTHLY,                                        # ten years of monthly figures
], ids=["one", "two-years-apart", "hcm", "months", "monthly"])
def test_date_ticks_never_collide_whatever_the_spread(dates, width, lang) -> None:
    df = _frame(dates, series=min(3, len(dates)))
    fig = plotting.panels(df, x="as_of", y="value", hue="series", panel="panel", lang=lang,
                          width=width)
    assert_legible(fig, lang, f"{len(dates)} dates, {width} in")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_small_multiples_sharing_x_keep_their_dates_apart(lang) -> None:
    one = _frame(["2025-12-31"]).assign(panel="a")
    far = _frame(["2004-10-31", "2021-12-31"]).assign(panel="b")
    dense = _frame(MONTHLY[-30:], series=1).assign(panel="c")
    fig = plotting.panels(pd.concat([one, far, dense]), x="as_of", y="value", hue="series",
                          panel="panel", lang=lang, width=5.0, sharex=True)
    fig.canvas.draw()
    # one time axis: the dates are written under the last panel only
    assert not any(t.get_visible() and t.get_text() for t in fig.axes[0].get_xticklabels())
    assert_legible(fig, lang, "shared x")


def test_a_label_that_cannot_fit_is_left_out_and_the_newest_date_is_kept() -> None:
    """Two dates four years apart on a narrow axis: both ticks stay, one label does."""
    fig = plotting.panels(_frame(["2004-10-31", "2021-12-31", "2025-12-31"]), x="as_of",
                          y="value", hue="series", panel="panel", width=6.0)
    fig.canvas.draw()
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(ax.get_xticks()) == 3
    assert labels == ["31/10/2004", "", "31/12/2025"], labels
    fig.set_size_inches(14, fig.get_figheight())  # a wide page has room for all three
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["31/10/2004", "31/12/2021",
                                                           "31/12/2025"]
    plt.close(fig)
