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

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

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
                                        target_label=rpt.t("target_marker"),
                                        xlabel=rpt.t("axis_coverage_pct"))
    trends = rpt.trend_table()
    if len(trends):
        yield "trends", plotting.panels(trends, x="as_of", y="value", hue="series",
                                        panel="panel", pct="pct", ylabel="ylabel",
                                        scale="scale", lang=lang)
    fc = rpt.forecast_table()
    for _, row in fc[fc["status"] == "ok"].iterrows():
        yield row["label"], plotting.fan_chart(rpt.forecast_history(row), row.to_frame().T,
                                               plan=row["plan"], as_of=row["as_of"],
                                               lang=lang, title=row["label"],
                                               ylabel=rpt.t("axis_participants"))


def assert_legible(chart: object, lang: str, what: str = "") -> None:
    """No two texts overlap, legends sit under their axes' tick labels, dates in ``lang``."""
    fig = plotting.figure_of(chart)
    assert plotting.overlapping_texts(fig) == [], what
    dates = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            under = ax.xaxis.get_tightbbox() or ax.get_window_extent()  # labels hidden: shared x
            assert legend.get_window_extent().y1 <= under.y0 + 1, what
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
    # one time axis; its dates are written under the last panel and under each panel
    # whose legend parts it from the next (test_trend_charts: the national coverage
    # panels showed no year but the last)
    for ax in fig.axes:
        shown = any(t.get_visible() and t.get_text() for t in ax.get_xticklabels())
        assert shown is (ax is fig.axes[-1] or ax.get_legend() is not None)
    assert_legible(fig, lang, "shared x")


def test_a_label_that_cannot_fit_is_left_out_and_the_newest_date_is_kept() -> None:
    """Two dates four years apart on a narrow axis: both ticks stay, one label does."""
    # 4.5 inches: the axes about as wide as a 6-inch figure's were beside a legend
    fig = plotting.panels(_frame(["2004-10-31", "2021-12-31", "2025-12-31"]), x="as_of",
                          y="value", hue="series", panel="panel", width=4.5)
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


# --------------------------------------------------------------- value labels, as-of date


def assert_bar_labels_clear(ax: object, what: str = "") -> None:
    """Each value label lies inside its bar (two points from its start) or past its end,
    and never over the row's target mark, as drawn."""
    fig = ax.figure
    fig.canvas.draw()
    gap = 2 * fig.dpi / 72
    bars = {round(p.get_y() + p.get_height() / 2): p.get_window_extent() for p in ax.patches}
    marks = {round(y): ax.transData.transform((x, y))[0]
             for coll in ax.collections for x, y in coll.get_offsets()}
    assert len(ax.texts) == len(bars), what
    for label in ax.texts:
        row, box = round(label.xy[1]), label.get_window_extent()
        bar = bars[row]
        inside = bar.x0 + gap <= box.x0 and box.x1 <= bar.x1
        assert inside or box.x0 >= bar.x1, (what, label.get_text())
        assert inside == (label.get_color() == "white"), (what, label.get_text())
        if row in marks:
            assert not box.x0 - 1 <= marks[row] <= box.x1 + 1, (what, label.get_text())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ha_tinh_2025_short_bar_labels_fit_or_go_past_the_bar(home: Path, lang: str) -> None:
    """Hà Tĩnh, 2025 boundaries: its long place names narrow the axes once laid out, and
    the 12.4 % BHTN bar's label, put inside it from the width before layout, ran over the
    bar's start (en: over the place names; vi: touching the edge)."""
    rpt = ProvinceReport("Hà Tĩnh", boundaries="2025", lang=lang)
    cov = rpt.coverage_table()
    assert (cov["coverage"] < 15).any()  # the place still has the short bar
    ax = plotting.bars(cov, x="coverage", y="label", target="target", lang=lang,
                       title=rpt.t("coverage_chart"), target_label=rpt.t("target_marker"))
    assert_bar_labels_clear(ax, f"Hà Tĩnh 2025 {lang}")
    assert_legible(ax, lang, f"Hà Tĩnh 2025 {lang}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_label_goes_inside_a_bar_only_if_it_fits_after_layout(lang: str) -> None:
    long = "Hà Tĩnh (đến 30/6/2025) · Bảo hiểm thất nghiệp (BHTN), người tham gia"
    cov = pd.DataFrame({"label": [f"{long} {k}" for k in range(4)],
                        "coverage": [32.6, 12.4, 94.0, 12.4],
                        "target": [45.0, 13.2, 95.0, None]})
    ax = plotting.bars(cov, x="coverage", y="label", target="target", lang=lang,
                       target_label="Mục tiêu")
    assert_bar_labels_clear(ax, lang)
    # the long bars keep their labels inside; the short ones have no room for them
    assert [t.get_color() for t in ax.texts] == ["white", "black", "white", "black"]
    assert_legible(ax, lang, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("as_of", ["2025-12-20", "2025-11-30", "2025-06-30"])
def test_fan_chart_marks_its_as_of_date_even_in_late_december(lang: str, as_of: str) -> None:
    """The as-of date is written under its dotted line; in the tick row, a forecast made
    on 30 November or 20 December met the 31 December label and was left out."""
    from bhxh_analysis import i18n

    hist = pd.DataFrame({"as_of": pd.to_datetime(["2024-12-31", "2025-06-30", as_of]),
                         "value": [180000.0, 185000.0, 190000.0]})
    fc = pd.DataFrame({"year": [2025], "forecast": [191000.0], "lo80": [190000.0],
                       "hi80": [192000.0], "lo95": [189000.0], "hi95": [193000.0]})
    ax = plotting.fan_chart(hist, fc, plan=195000.0, as_of=as_of, lang=lang, title="BHYT")
    fig = ax.figure
    assert plotting.overlapping_texts(fig) == []
    date = i18n.fmt_date(pd.Timestamp(as_of), lang)
    shown = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text() == date]
    assert len(shown) == 1, date
    line_x = ax.transData.transform((mdates.date2num(pd.Timestamp(as_of)), 0))[0]
    box = shown[0].get_window_extent()
    assert abs((box.x0 + box.x1) / 2 - line_x) < 1  # under its dotted line
    assert i18n.fmt_date(pd.Timestamp("2025-12-31"), lang) in [
        t.get_text() for t in ax.get_xticklabels()]
    assert_legible(fig, lang, date)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_date_format_an_axis(lang) -> None:
    """Hải Phòng's chart read "7/2018, 2019, 7/2019": a tick on 1 January reads as its
    month when another tick falls within a year, as its year alone when none does."""
    from bhxh_analysis import i18n

    def labels(dates: list[str], width: float) -> list[str]:
        fig = plotting.panels(_frame(dates, series=1), x="as_of", y="value", hue="series",
                              panel="panel", lang=lang, width=width)
        fig.canvas.draw()
        ax = fig.axes[0]
        marks = {i18n.fmt_date(pd.Timestamp(d), lang) for d in dates}
        out = [t.get_text() for t in ax.get_xticklabels() if t.get_text()
               and t.get_text() not in marks]
        plt.close(fig)
        return out

    months = [str(d.date()) for d in pd.date_range("2018-01-31", "2020-06-30", freq="ME")]
    mixed = labels(months, 8.5)
    assert any(not re.fullmatch(r"\d{4}", t) for t in mixed), mixed
    assert not any(re.fullmatch(r"\d{4}", t) for t in mixed), mixed
    assert i18n.fmt_month(2019, 1, lang) in mixed, mixed
    years = labels(MONTHLY, 4.0)  # ten years: ticks on 1 January only
    assert years and all(re.fullmatch(r"\d{4}", t) for t in years), years
