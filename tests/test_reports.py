"""Fast tests of the report layer: names, formats, charts, parameter validation, sections.

Notebook executions live in ``tests/test_notebooks.py`` (marked slow).
"""

from __future__ import annotations

import csv
import json
import re

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from bhxh_analysis import i18n, plotting, reports
from bhxh_analysis.cli import main
from bhxh_analysis.reports import citations
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports.render import Page, table_html
from bhxh_analysis.reports.unit import UnitReport

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# ----------------------------------------------------------------------------- slugs


@pytest.mark.parametrize("text, slug", [
    ("Lâm Đồng", "lam-dong"),
    ("Đắk Lắk", "dak-lak"),
    ("Thừa Thiên Huế", "thua-thien-hue"),
    ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
    ("../../etc", "etc"),
    ("../../etc/passwd", "etc-passwd"),
    ('x"; rm -rf / #', "x-rm-rf"),
    ("a\nb\r\nc", "a-b-c"),
    ("", "report"),
    ("///", "report"),
])
def test_slugify(text: str, slug: str) -> None:
    assert reports.slugify(text) == slug


@given(st.text(max_size=200))
def test_slugify_is_always_a_safe_file_name(text: str) -> None:
    slug = reports.slugify(text)
    assert SLUG_RE.fullmatch(slug), slug
    assert len(slug) <= 80


def test_province_slug() -> None:
    assert reports.province_slug("Lâm Đồng", "legacy", "vi") == "lam-dong-legacy-vi"
    assert reports.province_slug("Lâm Đồng", "2025", "en", 2023, "2023-08-31") == \
        "lam-dong-2025-2023-asof-2023-08-31-en"


# ----------------------------------------------------------------------------- i18n


def test_number_formats() -> None:
    assert i18n.fmt_number(190863, "vi") == "190.863"
    assert i18n.fmt_number(190863, "en") == "190,863"
    assert i18n.fmt_pct(83.23, "vi") == "83,23%"
    assert i18n.fmt_pct(83.23, "en") == "83.23%"
    assert i18n.fmt_pct(91.0, "vi") == "91%"
    assert i18n.fmt_pct(68.9, "vi") == "68,9%"
    assert i18n.fmt_value(1.12e6, "persons", "vi") == "1.120.000"
    assert i18n.fmt_value(float("nan"), "persons", "vi") == "–"
    assert i18n.fmt_pp(-6.77, "vi") == "-6,77"
    assert i18n.fmt_pp(1.5, "en") == "+1.5"


def test_dates_and_labels() -> None:
    assert i18n.fmt_date("2020-07-31", "vi") == "31/7/2020"
    assert i18n.fmt_date(pd.Timestamp("2023-08-31"), "en") == "31 Aug 2023"
    assert i18n.fmt_date(pd.NaT, "en") == "–"
    assert i18n.indicator_label("bhyt_coverage_pct", "vi") == "BHYT: tỷ lệ bao phủ"
    assert i18n.indicator_label("bhxh_voluntary_participants", "en") == \
        "Voluntary social insurance: participants"
    assert i18n.indicator_label("population", "en") == "Population"
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.t("headline", "fr")


# ----------------------------------------------------------------------------- charts


def test_font_covers_vietnamese() -> None:
    assert plotting.missing_glyphs("Đắk Lắk, Thừa Thiên Huế, Bà Rịa – Vũng Tàu, Đức Trọng") == set()
    # The check itself can fail: a CJK character is not in DejaVu Sans.
    assert plotting.missing_glyphs("越南") == {"越", "南"}


def test_plotting_helpers_take_a_dataframe_and_return_axes() -> None:
    import matplotlib.pyplot as plt

    df = pd.DataFrame({"as_of": pd.to_datetime(["2020-12-31", "2018-12-31", "2019-12-31"]),
                       "value": [3.0e6, 1.0e6, 2.0e6], "place": ["Lâm Đồng"] * 3})
    fig, ax = plt.subplots()
    out = plotting.line(df, x="as_of", y="value", hue="place", ax=ax, scale=1e6)
    assert out is ax  # draws on the Axes it is given
    xs = ax.lines[0].get_xdata()
    assert list(xs) == sorted(xs)  # sorted by x, never zigzagging
    assert [float(v) for v in ax.lines[0].get_ydata()] == [1.0, 2.0, 3.0]
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    # three dates: each written in full under its point (a 31 December figure sat on a
    # tick reading the next year)
    assert ticks == ["31/12/2018", "31/12/2019", "31/12/2020"], ticks
    more = pd.DataFrame({"as_of": pd.date_range("2015-12-31", periods=6, freq="YE"),
                         "value": range(6)})
    ax2 = plotting.line(more, x="as_of", y="value")
    ax2.figure.canvas.draw()
    ticks = [t.get_text() for t in ax2.get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"\d{4}|\d{1,2}/\d{4}", t) for t in ticks), ticks
    assert plotting.number_formatter("vi")(1312000, 0) == "1.312.000"
    assert plotting.number_formatter("en", pct=True)(83.2, 0) == "83.2%"
    png = plotting.to_png(ax)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    assert plotting.style()["font.family"] == "DejaVu Sans"


def test_a_series_keeps_its_colour_when_its_label_is_translated() -> None:
    """Colours follow the order of the series in the frame, not their sorted labels."""
    years = [2019, 2020, 2021]
    frames = {lang: pd.DataFrame({"year": years * 2, "value": [1.0, 2, 3, 5, 6, 7],
                                  "series": [labels[0]] * 3 + [labels[1]] * 3})
              for lang, labels in (("vi", ("Lực lượng lao động", "Dân số")),
                                   ("en", ("Labour force", "Population")))}
    colours = {}
    for lang, df in frames.items():
        ax = plotting.line(df, x="year", y="value", hue="series", lang=lang)
        colours[lang] = sorted((float(ln.get_ydata()[0]), ln.get_color()) for ln in ax.lines)
    assert colours["vi"] == colours["en"] and len({c for _, c in colours["vi"]}) == 2


def test_panel_colours_do_not_follow_translated_labels() -> None:
    import matplotlib.pyplot as plt

    # panels() gives one colour per series across panels; sorting the translated labels
    # swapped population and labour force between the vi and en reports.
    colours = {}
    for lang, labels in (("vi", ("Lực lượng lao động", "Dân số")),
                         ("en", ("Labour force", "Population"))):
        df = pd.DataFrame({"year": [2019, 2020, 2021] * 2, "value": [1.0, 2, 3, 5, 6, 7],
                           "series": [labels[0]] * 3 + [labels[1]] * 3, "panel": "p"})
        fig = plotting.panels(df, x="year", y="value", hue="series", panel="panel", lang=lang)
        colours[lang] = sorted((float(ln.get_ydata()[0]), ln.get_color())
                               for ln in fig.axes[0].lines)
        plt.close(fig)
    assert colours["vi"] == colours["en"] and len({c for _, c in colours["vi"]}) == 2


def _crowded_charts():
    cov = pd.DataFrame({"label": [f"Xã số {i} (Đức Trọng) · BHYT" for i in range(9)],
                        "coverage": [68.9, 70.5, 86.1, 87.6, 88.8, 88.9, 92.0, 95.5, 99.0],
                        "target": [93.2] * 9})
    yield plotting.bars(cov, x="coverage", y="label", target="target", title="BHYT",
                        target_label="Mục tiêu áp dụng")
    dates = pd.date_range("2016-12-31", periods=8, freq="YE")
    trends = pd.DataFrame([(f"BHYT — Huyện {k}", d, 1e5 * (k + 1) + 1e3 * i, "Số người")
                           for k in range(8) for i, d in enumerate(dates)],
                          columns=["series", "as_of", "value", "panel"])
    fig = plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel",
                          ylabel="Nghìn người", scale=1000.0)
    assert len(fig.axes) == 2  # 8 series: two panels of at most five
    assert all(len(ax.get_legend().get_texts()) <= plotting.MAX_SERIES for ax in fig.axes)
    yield fig
    hist = pd.DataFrame({"as_of": pd.to_datetime(["2019-12-31", "2020-03-31", "2020-06-30",
                                                  "2020-07-31"]),
                         "value": [180000.0, 185000.0, 188000.0, 190863.0]})
    fc = pd.DataFrame({"year": [2020], "forecast": [195000.0], "lo80": [190000.0],
                       "hi80": [200000.0], "lo95": [186000.0], "hi95": [205000.0]})
    yield plotting.fan_chart(hist, fc, plan=206387.0, as_of="2020-07-31", lang="vi",
                             title="BHYT: người tham gia — Đà Lạt")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bar_value_labels_never_cross_their_target_mark(lang: str) -> None:
    """Hà Nam, 2019: BHTN 24.7 % against 35 % (the label past the bar met the mark),
    BHYT 91.8 % against 90.7 % (the mark inside the bar, under a white label)."""
    import matplotlib.pyplot as plt

    cov = pd.DataFrame({"label": ["BHXH", "BHTN", "BHYT", "X", "Y"],
                        "coverage": [28.3, 24.7, 91.8, 3.0, 50.0],
                        "target": [None, 35.0, 90.7, 6.0, 47.0]})
    ax = plotting.bars(cov, x="coverage", y="label", target="target", lang=lang)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for i, tv in enumerate(cov["target"]):
        if pd.isna(tv):
            continue
        mark_x, mark_y = ax.transData.transform((tv, i))
        box = ax.texts[i].get_window_extent(renderer)
        assert not (box.x0 - 2 <= mark_x <= box.x1 + 2 and box.y0 <= mark_y <= box.y1), \
            (cov["label"][i], ax.texts[i].get_text())
    plt.close(fig)


def test_charts_have_no_overlapping_labels_and_legends_outside() -> None:
    for chart in _crowded_charts():
        assert plotting.overlapping_texts(chart) == []
        fig = plotting.figure_of(chart)
        for ax in fig.axes:
            leg = ax.get_legend()
            if leg is not None:  # a legend never sits over the plotting area
                fig.canvas.draw()
                box = leg.get_window_extent()
                assert box.y1 <= ax.get_window_extent().y0 + 1
        plotting.to_png(chart)


def test_overlap_check_can_fail() -> None:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.annotate("Đà Lạt 83,23%", xy=(0.5, 0.5))
    ax.annotate("Đức Trọng 86,88%", xy=(0.5, 0.5))
    assert plotting.overlapping_texts(fig)
    plt.close(fig)


def test_fan_chart_draws_bands_plan_and_as_of() -> None:
    hist = pd.DataFrame({"as_of": pd.to_datetime(["2020-07-31"]), "value": [190863.0]})
    fc = pd.DataFrame({"year": [2020], "forecast": [195000.0], "lo80": [190000.0],
                       "hi80": [200000.0], "lo95": [186000.0], "hi95": [205000.0]})
    ax = plotting.fan_chart(hist, fc, plan=206387.0, as_of="2020-07-31", lang="en")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "80% interval" in labels and "95% interval" in labels
    assert any(x.startswith("Plan: 206,387") for x in labels)
    assert any("31 Jul 2020" in x for x in labels)
    plotting.to_png(ax)


# ----------------------------------------------------------------------------- validation


def test_misspelt_province_is_refused_with_a_suggestion() -> None:
    with pytest.raises(report_data.ReportParameterError) as err:
        reports.province_task("Lam Dongg")
    assert "Lâm Đồng" in err.value.suggestions
    assert "did you mean" in str(err.value)


def test_district_as_province_names_its_province() -> None:
    with pytest.raises(report_data.ReportParameterError, match="district.*Lâm Đồng"):
        reports.province_task("Đức Trọng")


def test_legacy_province_with_2025_boundaries_names_the_new_one() -> None:
    with pytest.raises(report_data.ReportParameterError, match="Quảng Ngãi"):
        reports.province_task("Kon Tum", boundaries="2025")


@pytest.mark.parametrize("kwargs", [
    {"province": "../../etc"},
    {"province": "Lâm Đồng\"; import os; os.system('x') #"},
    {"province": "Lâm Đồng\nimport os"},
    {"province": "Lâm Đồng", "year": "2023; import os"},
    {"province": "Lâm Đồng", "as_of": "2020-13-01"},
    {"province": "Lâm Đồng", "lang": "fr"},
])
def test_bad_parameters_are_refused(kwargs: dict) -> None:
    with pytest.raises(report_data.ReportParameterError):
        reports.province_task(**kwargs)


def test_good_parameters_become_papermill_parameters(tmp_path) -> None:
    task = reports.province_task("lam dong", "legacy", 2023, "2023-08-31", "en", tmp_path)
    assert task.parameters == {"province": "Lâm Đồng", "boundaries": "legacy", "year": 2023,
                               "as_of": "2023-08-31", "lang": "en"}
    assert task.slug == "lam-dong-legacy-2023-asof-2023-08-31-en"
    assert task.notebook == "province_report.ipynb"


def test_cli_refuses_before_any_kernel_starts(monkeypatch, tmp_path) -> None:
    def no_kernel(*_a, **_k):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(reports.KernelSession, "start", no_kernel)
    res = CliRunner().invoke(main, ["report", "province", "--province", "Lam Dongg",
                                    "--out", str(tmp_path)])
    assert res.exit_code != 0
    assert "did you mean" in res.output and "Lâm Đồng" in res.output
    assert list(tmp_path.iterdir()) == []
    res = CliRunner().invoke(main, ["report", "all", "--provinces", "Lâm Đồng,Nowhere Province",
                                    "--out", str(tmp_path)])
    assert res.exit_code != 0 and "Nowhere" in res.output


def test_kernel_command_is_this_interpreter() -> None:
    import sys

    argv = reports.kernel_argv()
    assert argv[0] == sys.executable and argv[1:3] == ["-m", "ipykernel_launcher"]
    km = reports.runner._kernel_manager_class()(kernel_name="python3")
    assert km.kernel_spec.argv[0] == sys.executable  # whatever kernelspecs are installed


# ----------------------------------------------------------------------------- sections


def _obs(rows: list[tuple]) -> pd.DataFrame:
    cols = ["obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
            "province_2025", "as_of", "indicator", "value", "unit", "value_raw"]
    df = pd.DataFrame(rows, columns=cols)
    df["as_of"] = pd.to_datetime(df["as_of"])
    df["geo_name_raw"] = df["geo_name"]
    df["as_of_raw"] = ""
    df["preliminary"] = False
    df["note"] = ""
    return df


SOURCES = pd.DataFrame({
    "source_id": ["seed000", "seed003", "seed004", "gso"],
    "publisher": ["Báo Lâm Đồng (LĐ online)"] * 2 + ["Cổng thông tin tỉnh Kon Tum", "GSO"],
    "title": ["[no headline in the seed file] Ra quân BHXH tự nguyện", "Đức Trọng vận động",
              "Ra quân Ngày BHYT", "Dân số"],
    "address": ["seeds/000_e7390d3bc83d9a21.txt", "", "", "gso/population.csv"],
    "published_date": ["2020-08", "2023-09-12", "", ""]})
TARGETS = pd.DataFrame({"target_id": ["t1"], "source_id": ["x"], "instrument": ["QĐ 546"],
                        "geo_name": ["Việt Nam"], "indicator": ["bhyt_coverage_pct"],
                        "year": [2023], "value": [93.2]})


def _bundle(obs: pd.DataFrame, derived: pd.DataFrame | None = None) -> report_data.Bundle:
    return report_data.Bundle(obs, derived, None, None, SOURCES, TARGETS, "")


@pytest.fixture(scope="module")
def bundle() -> report_data.Bundle:
    return _bundle(_obs([
        ("s0-03", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_participants", 190863.0, "persons", "190.863"),
        ("s0-04", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_coverage_pct", 83.23, "pct", "83,23%"),
        ("s3-03", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng", "2023-08-31",
         "bhyt_participants", 168596.0, "persons", "168.596"),
        ("s3-04", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng", "2023-08-31",
         "bhyt_coverage_pct", 86.88, "pct", "86,88%"),
        ("p-1", "gso", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2018-12-31",
         "population", 1312000.0, "persons", "1.312,00"),
        ("p-2", "gso", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-12-31",
         "population", 1321700.0, "persons", "1.321,70"),
        ("k-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2020-06-30",
         "bhyt_participants", 485900.0, "persons", "485,9 ngàn"),
    ]))


def _html(df: pd.DataFrame, lang: str) -> str:
    return table_html(df, lang)


def test_a_shortfall_in_percentage_points_is_not_printed_as_a_percentage() -> None:
    # "BHYT: còn thiếu (điểm %)" read "6,49%" in the derived table (Cần Thơ, Hồ Chí Minh):
    # a gap in points is written as the coverage table writes it, "+6,49".
    df = pd.DataFrame({"indicator": ["bhyt_shortfall_pp", "bhyt_coverage_pct"],
                       "value": [6.49, 68.37], "unit": ["pct", "pct"],
                       "as_of": pd.to_datetime(["2016-06-30"] * 2)})
    vi, en = _html(df, "vi"), _html(df, "en")
    assert ">+6,49<" in vi and "6,49%" not in vi and "68,37%" in vi
    assert ">+6.49<" in en and "6.49%" not in en and "68.37%" in en


def test_headline_has_the_seed_figures_in_both_languages(bundle) -> None:
    vi = reports.ProvinceReport("Lâm Đồng", lang="vi", bundle=bundle)
    html_vi = _html(vi.headline_table(), "vi")
    assert "190.863" in html_vi and "168.596" in html_vi and "83,23%" in html_vi
    en = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle)
    html_en = _html(en.headline_table(), "en")
    assert "190,863" in html_en and "168,596" in html_en and "83.23%" in html_en
    assert "Kon Tum" not in html_vi  # another province's figures stay out
    assert vi.year == 2023  # no plan anywhere: the latest year with data
    assert "2023" in vi.year_reason() and "kế hoạch" in vi.year_reason()


def test_headline_prints_the_sources_qualifier_beside_the_value() -> None:
    """Lào Cai 30/4/2025: "gần 682 nghìn" was printed "682.000" in the headline table, and
    Cà Mau's "hơn 1 triệu" "1.000.000", as if counted to the person."""
    obs = _obs([
        ("q-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-04-30",
         "bhyt_participants", 682000.0, "persons", "gần 682000"),
        ("q-2", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-04-30",
         "bhyt_coverage_pct", 92.3, "pct", "trên 92.3%"),
        ("q-3", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-04-30",
         "bhxh_participants", 30000.0, "persons", "30.000"),
    ])
    obs.loc[2, "note"] = "khoảng; printed 'khoảng 30.000'"  # a qualifier the build notes
    for lang, words in (("vi", (">gần 682.000<", ">trên 92,3%<", ">khoảng 30.000<")),
                        ("en", (">nearly 682,000<", ">over 92.3%<", ">about 30,000<"))):
        rpt = reports.ProvinceReport("Kon Tum", lang=lang, bundle=_bundle(obs))
        head = rpt.headline_table()
        assert sorted(head["qualifier"]) == ["approx", "nearly", "over"]
        page = _html(head, lang)
        assert all(w in page for w in words), page
        # the index page's key figures say it too
        texts = {f"{k['text']}" for k in rpt.summary()["key_figures"]}
        assert words[0].strip("><") in texts, texts


def test_default_year_is_the_latest_with_a_plan_and_a_within_year_figure(bundle) -> None:
    derived = _obs([("d-1", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng",
                     "2020-12-31", "bhyt_plan_participants", 206387.0, "persons", "")])
    derived["method"] = "bhyt_plan_participants = bhyt_participants + bhyt_shortfall_participants"
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=_bundle(bundle.obs, derived))
    assert rpt.year == 2020
    assert "plan" in rpt.year_reason() and "2020" in rpt.year_reason()
    given = reports.ProvinceReport("Lâm Đồng", year=2023, bundle=_bundle(bundle.obs, derived))
    assert given.year == 2023 and "2023" in given.year_reason()
    formula = rpt.derived_table()["formula"].iloc[0]
    assert formula == ("Health insurance (BHYT): plan (persons) = Health insurance (BHYT): "
                       "participants + Health insurance (BHYT): shortfall (persons)")


def test_a_later_year_end_figure_of_the_province_keeps_the_plan_year_and_is_said(
        bundle) -> None:
    # Issue 14.5: the default year is the latest with a plan and a within-year figure.
    # Phú Yên opened on 2020 (its own 31/12/2020 coverage), a page with no forecast and no
    # P(meet plan), although 2018 has a plan and a within-year figure: the page stays on
    # the plan year and one more sentence says that the trends show the newer figures.
    extra = _obs([
        ("y-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2018-07-31",
         "bhyt_participants", 1100000.0, "persons", "1.100.000"),
        ("y-2", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2018-12-31",
         "bhyt_plan_participants", 1150000.0, "persons", "1.150.000"),
        ("y-3", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-12-31",
         "bhyt_coverage_pct", 91.0, "pct", "91%")])
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang,
                                     bundle=_bundle(pd.concat([bundle.obs, extra])))
        assert rpt.year == 2018
        assert rpt.year_reason() == " ".join([
            i18n.t("year_reason_plan", lang, year=2018),
            i18n.t("year_reason_later_year_end", lang, year=2018, later=2020,
                   name="Lâm Đồng")])
        assert "_" not in rpt.year_reason() and "--" not in rpt.year_reason()
    # a year the user gives is said as given, without the sentence
    given = reports.ProvinceReport("Lâm Đồng", year=2018, lang="en",
                                   bundle=_bundle(pd.concat([bundle.obs, extra])))
    assert given.year_reason() == i18n.t("year_reason_given", "en", year=2018)
    # a district's later 31 December figure is not the province's own: no sentence on
    # the province's page; the district's own page says it, by the district's name
    district = _bundle(pd.concat([bundle.obs, extra.assign(
        geo_code="679", geo_name="Đức Trọng", geo_level="district")]))
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=district)
    assert rpt.year == 2018
    assert rpt.year_reason() == i18n.t("year_reason_plan", "en", year=2018)
    unit = UnitReport("679", level="district", province="Lâm Đồng", lang="en",
                      bundle=district)
    assert unit.year == 2018 and unit.unit_name != "Lâm Đồng"  # the registry's name of 679
    assert unit.year_reason().endswith(i18n.t(
        "year_reason_later_year_end", "en", year=2018, later=2020, name=unit.unit_name))


def test_a_coverage_plan_does_not_promise_a_forecast_set_against_a_plan(bundle) -> None:
    # Hồ Chí Minh (2025) read "the latest year with a plan and a within-year figure, so the
    # forecast can be compared with the plan" for 2022 (a coverage and its plan of Bà Rịa -
    # Vũng Tàu) and then "no participants in 2022; no forecast": only a participants
    # figure is forecast, against a plan in persons.
    cov = _obs([("c-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                 "2024-09-30", "bhyt_coverage_pct", 90.0, "pct", "90%"),
                ("c-2", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                 "2024-12-31", "bhyt_plan_coverage_pct", 92.0, "pct", "92%")])
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang,
                                     bundle=_bundle(pd.concat([bundle.obs, cov])))
        assert rpt.year == 2024
        assert rpt.year_reason() == i18n.t("year_reason_latest", lang, year=2024)


def _header_agrees_with_the_forecast_table(rpt: reports.ProvinceReport) -> None:
    """Issue 14.6: the year's reason, the gap sentences and the forecast notes say what
    the forecast table holds — a plan and its probability, or no plan at all."""
    ok = rpt.forecast_table()
    ok = ok[ok["status"] == "ok"]
    with_p = ok["plan"].notna() & ok["p_meet_plan"].notna()
    reason = rpt.year_reason()
    notes = rpt.forecast_notes()
    none_said = any(reason.startswith(i18n.t(k, rpt.lang, year=rpt.year))
                    for k in ("year_reason_latest", "year_reason_latest_any"))
    plan_said = any(reason.startswith(i18n.t(k, rpt.lang, year=rpt.year))
                    for k in ("year_reason_plan", "year_reason_plan_coverage"))
    assert not (none_said and ok["plan"].notna().any()), (reason, ok)
    assert not (plan_said and not with_p.any()), (reason, ok)
    assert (i18n.t("forecast_no_plan_any", rpt.lang) in notes) == (
        len(ok) > 0 and ok["plan"].isna().all())
    if with_p.any():
        assert i18n.t("gap_no_plan", rpt.lang) not in rpt.gap_sentences()


def _coverage_plan_year(year: int = 2024, population: bool = True) -> pd.DataFrame:
    """Lâm Đồng with a within-year participants figure, the year's coverage plan and
    (optionally) the year's population: Hưng Yên 2022 as a test table."""
    rows = [("h-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
             f"{year}-10-21", "bhyt_participants", 1150000.0, "persons", "1.150.000"),
            ("h-2", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
             f"{year}-12-31", "bhyt_plan_coverage_pct", 92.0, "pct", "92%")]
    if population:
        rows.append(("h-3", "gso", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                     f"{year}-07-01", "population", 1290850.0, "persons", "1.290,85"))
    return _obs(rows)


def test_a_coverage_plan_and_the_years_population_give_the_plan_and_its_chance(
        bundle, built_home, monkeypatch) -> None:
    # Hưng Yên 2022 showed a coverage plan of 92 %, the population and "people still
    # needed 37,582", yet said that no year had a plan and gave no P(meet plan).
    monkeypatch.setenv("BHXH_HOME", str(built_home))  # past moves from the built data
    extra = _coverage_plan_year()
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang,
                                     bundle=_bundle(pd.concat([bundle.obs, extra])))
        assert rpt.year == 2024
        assert rpt.year_reason() == i18n.t("year_reason_plan_coverage", lang, year=2024)
        row = rpt.forecast_table().set_index("indicator").loc["bhyt_participants"]
        assert row["plan"] == pytest.approx(92.0 * 1290850.0 / 100)
        assert 0.0 < row["p_meet_plan"] < 1.0
        notes = rpt.forecast_notes()
        assert i18n.t("plan_from_coverage", lang, label=i18n.indicator_label(
            "bhyt_participants", lang), place="Lâm Đồng", plan=i18n.fmt_number(row["plan"], lang),
            year=2024, pct=i18n.fmt_pct(92.0, lang), value=i18n.fmt_number(1290850.0, lang),
            denominator=i18n.indicator_label("population", lang).lower()) in notes
        assert not any("_" in s for s in notes)  # no snake_case reaches the reader
        _header_agrees_with_the_forecast_table(rpt)
    # without the year's population the coverage plan gives no plan in persons
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=_bundle(pd.concat(
        [bundle.obs, _coverage_plan_year(population=False)])))
    assert rpt.year_reason() == i18n.t("year_reason_latest", "en", year=2024)
    _header_agrees_with_the_forecast_table(rpt)


def test_a_plan_chosen_among_conflicting_ones_is_said(built_home, monkeypatch) -> None:
    monkeypatch.setenv("BHXH_HOME", str(built_home))
    src = pd.read_csv(built_home / "data" / "raw" / "sources.csv", dtype=str,
                      keep_default_na=False)
    press, news = (sorted(src.loc[src["kind"] == k, "source_id"])[0]
                   for k in ("press_release", "news_article"))
    obs = _coverage_plan_year()
    two = obs[obs["indicator"] == "bhyt_plan_coverage_pct"]
    obs = pd.concat([obs[obs["indicator"] != "bhyt_plan_coverage_pct"],
                     two.assign(source_id=news), two.assign(source_id=press, value=91.5,
                                                            obs_id="h-4")])
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=_bundle(obs))
        row = rpt.forecast_table().iloc[0]
        assert row["plan"] == pytest.approx(91.5 * 1290850.0 / 100)  # never 91.75 %
        label = i18n.indicator_label("bhyt_participants", lang)
        # both values named (their sources have no label in this test's sources table)
        pct = lambda v, lang=lang: i18n.fmt_pct(v, lang)  # noqa: E731
        assert i18n.t("plan_conflict_values", lang, label=label, place="Lâm Đồng", year=2024,
                      plan=pct(91.5), values=f"{pct(91.5)}; {pct(92.0)}") in rpt.forecast_notes()


@pytest.mark.parametrize("province, boundaries", [("Hưng Yên", "legacy"), ("Hưng Yên", "2025"),
                                                  ("Bến Tre", "legacy"), ("Lạng Sơn", "legacy"),
                                                  ("Phú Yên", "legacy"), ("Hồ Chí Minh", "2025")])
def test_real_reports_header_agrees_with_their_forecast_table(built_home, monkeypatch,
                                                              province, boundaries) -> None:
    monkeypatch.setenv("BHXH_HOME", str(built_home))
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport(province, boundaries=boundaries, lang=lang)
        _header_agrees_with_the_forecast_table(rpt)
        if province in ("Phú Yên", "Hồ Chí Minh"):  # issue 14.5: once opened on a later
            # 31 December of their own, with no forecast: now a year with P(meet plan)
            assert rpt.forecast_table()["p_meet_plan"].notna().any()
    if (province, boundaries) == ("Hưng Yên", "legacy"):  # issue 14: P(meet plan) from 92 %
        assert rpt.year == 2022
        row = rpt.forecast_table().set_index("place").loc["Hưng Yên"]
        assert 0.0 < row["p_meet_plan"] < 1.0
        # the plan is the coverage table's target × its denominator, and what it still
        # takes is the table's "people still needed"
        cov = rpt.coverage_table().set_index("place").loc["Hưng Yên"]
        assert row["as_of"] == cov["as_of"] and row["plan_source"] == "from the coverage plan"
        assert row["plan"] == pytest.approx(cov["target"] * cov["denominator"] / 100)
        assert row["plan"] - row["last_value"] == pytest.approx(cov["persons_needed"], abs=1)


@pytest.mark.parametrize("as_of, key", [("2021-12-31", "forecast_none_year_coverage_known"),
                                          ("2021-06-30", "forecast_none_year_coverage")])
def test_a_year_with_only_a_coverage_says_why_there_is_no_forecast(bundle, as_of, key) -> None:
    # Quảng Ninh 2020 read "no participant figure in 2020: no forecast is possible" beside
    # its published 31 December coverage of 95 %: the year is known, not unforecastable.
    cov = _obs([("c-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                 as_of, "bhyt_coverage_pct", 90.0, "pct", "90%")])
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", year=2021, lang=lang,
                                     bundle=_bundle(pd.concat([bundle.obs, cov])))
        assert rpt.forecast_notes() == [i18n.t(key, lang, year=2021)]
    empty = reports.ProvinceReport("Lâm Đồng", year=2022, lang="en", bundle=bundle)
    assert empty.forecast_notes() == [i18n.t("forecast_none_year", "en", year=2022)]


def test_one_derived_figure_from_two_sources_is_listed_once(bundle) -> None:
    # Hồ Chí Minh (2025) listed "BHYT: còn thiếu (điểm %) 5,25% 30/9/2022" twice: the same
    # gap derived against one plan printed by two sources; the table shows no source, so
    # two identical lines only repeat themselves.
    rows = [(f"d-{i}", src, "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
             "2022-09-30", "bhyt_shortfall_pp", 5.25, "pct", "") for i, src in
            enumerate(["a+tvpl", "a+vss"])]
    derived = _obs(rows)
    derived["method"] = "bhyt_shortfall_pp = bhyt_plan_coverage_pct - bhyt_coverage_pct"
    table = reports.ProvinceReport("Lâm Đồng", lang="vi",
                                   bundle=_bundle(bundle.obs, derived)).derived_table()
    assert len(table) == 1 and table["value"].iloc[0] == 5.25


def test_year_reason_and_latest_gap_name_what_they_count(bundle) -> None:
    # A later figure of another kind (new participants) must not contradict "the latest
    # participants or coverage figure": both sentences say what they count.
    later = _obs([("n-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                   "2024-07-12", "bhxh_voluntary_new_participants", 2238.0, "persons", "2.238")])
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en",
                                 bundle=_bundle(pd.concat([bundle.obs, later])))
    assert rpt.year == 2023 and "participants or coverage" in rpt.year_reason()
    gaps = " ".join(rpt.gap_sentences())
    assert "latest participants or coverage figure is dated 31 Aug 2023" in gaps
    only_new = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=_bundle(later))
    assert only_new.year == 2024
    assert "no participants or coverage figure" in only_new.year_reason()


def test_no_published_year_end_count_says_so_beside_a_derived_one(bundle) -> None:
    # Hải Phòng read "No year-end (31 December) participant count at all" above a derived
    # table holding a count at 31/12 (a year-end count less its rise; its 418,591, the
    # count of 31/7/2020 less its rise, was so dated until the previous level was dated a
    # year before its inputs): the sentence says no count was published and that the
    # derived ones are derived.
    derived = _obs([("d-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                     "2019-12-31", "bhyt_participants", 1100000.0, "persons", "")])
    derived["method"] = "bhyt_participants = bhyt_participants - bhyt_change_participants"
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=_bundle(bundle.obs, derived))
        gaps = rpt.gap_sentences()
        assert i18n.t("gap_no_year_end", lang) not in gaps
        assert i18n.t("gap_no_year_end_derived", lang) in gaps
    plain = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle).gap_sentences()
    assert i18n.t("gap_no_year_end", "en") in plain


def test_cutoff_hides_later_figures(bundle) -> None:
    rpt = reports.ProvinceReport("Lâm Đồng", as_of="01/01/2021", bundle=bundle)
    html = _html(rpt.headline_table(), "vi")
    assert "190.863" in html and "168.596" not in html
    assert rpt.year == 2020


def test_cutoff_hides_later_derived_figures(bundle) -> None:
    # The derived table has inputs_as_of (not an "inputs" column): the cutoff used to be
    # skipped for derived rows, so a page "up to 1/1/2021" listed figures of 2023.
    derived = _obs([
        ("d-late", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2023-08-31", "population", 194056.0, "persons", ""),
        ("d-plan", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2021-12-31", "bhyt_plan_participants", 180000.0, "persons", ""),
        ("d-early", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2020-07-31", "population", 190000.0, "persons", "")])
    derived["method"] = "population = bhyt_participants ÷ bhyt_coverage_pct × 100"
    derived["inputs_as_of"] = pd.to_datetime(["2023-08-31", "2020-10-31", "2020-07-31"])
    rpt = reports.ProvinceReport("Lâm Đồng", as_of="01/01/2021",
                                 bundle=_bundle(bundle.obs, derived))
    assert sorted(rpt.derived["obs_id"]) == ["d-early", "d-plan"]


def test_coverage_table_one_sign_positive_below_target(bundle) -> None:
    cov = reports.coverage_table("Lâm Đồng", bundle=bundle)
    row = cov.set_index("place").loc["Đức Trọng"]
    assert row["target"] == 93.2 and row["target_kind"] == "policy"
    assert row["gap_pp"] == pytest.approx(93.2 - 86.88)  # positive: below the target
    assert "QĐ 546" in row["target_source"]
    page = _html(cov, "en")
    # the rate printed "86,88%" stands for 86.875–86.89 (rounded or truncated): the gap
    # to the exact policy target is read as the derived table reads a shortfall; its
    # ends agree one decimal coarser (+6.3), so the page prints the gap, not
    # "+6.31 to +6.33" (render.value_text)
    assert (row["gap_pp_lo"], row["gap_pp_hi"]) == pytest.approx((6.31, 6.325))
    assert ">+6.32<" in page and "+6.31 to +6.33" not in page and "93.2%" in page
    derived = _obs([("d-2", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
                     "2023-08-31", "population", 194056.0, "persons", "")])
    derived["method"] = "population = bhyt_participants ÷ bhyt_coverage_pct × 100"
    cov = reports.coverage_table("Lâm Đồng", bundle=_bundle(bundle.obs, derived))
    row = cov.set_index("place").loc["Đức Trọng"]
    assert row["denominator"] == 194056.0
    assert row["persons_needed"] == pytest.approx(194056 * 6.32 / 100, abs=1)


def test_a_rate_printed_over_a_figure_gives_a_gap_that_is_a_range() -> None:
    """Đồng Nai 24/5/2025: "trên 92,3%" against the 95 % plan read "92,3%" and "+2,7" in
    the coverage table, while the derived table below gave the shortfall a range of
    either sign: the rate may be anything from 92,25 to 100 %."""
    obs = _obs([
        ("c-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-05-24",
         "bhyt_coverage_pct", 92.3, "pct", "trên 92.3%"),
        ("c-2", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-12-31",
         "bhyt_plan_coverage_pct", 95.0, "pct", "95%"),
        ("c-3", "gso", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2024-12-31",
         "population", 600000.0, "persons", "600.000"),
    ])
    cov = reports.coverage_table("Kon Tum", bundle=_bundle(obs))
    row = cov.iloc[0]
    assert row["coverage_qualifier"] == "over" and row["gap_pp"] == pytest.approx(2.7)
    assert (row["gap_pp_lo"], row["gap_pp_hi"]) == pytest.approx((95 - 100.0, 95 - 92.25))
    assert (row["persons_needed_lo"], row["persons_needed_hi"]) == (0, 16500)
    vi, en = _html(cov, "vi"), _html(cov, "en")
    assert ">trên 92,3%<" in vi and ">từ -5,00 đến +2,75 (chưa rõ âm hay dương)<" in vi
    assert ">over 92.3%<" in en and ">0–16,500<" in en and ">+2.7<" not in en


def test_derived_table_sets_a_rate_against_the_plan_the_page_uses_only() -> None:
    """Đồng Nai 2025 has two plans (95 % and 96 %); the coverage section says the page
    uses 95 %, yet the derived table listed the 24/5/2025 shortfall against both."""
    obs = _obs([
        ("c-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-05-24",
         "bhyt_coverage_pct", 92.3, "pct", "92,3%"),
        ("p-95", "seed003", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-12-31",
         "bhyt_plan_coverage_pct", 95.0, "pct", "95%"),
        ("p-96", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-12-31",
         "bhyt_plan_coverage_pct", 96.0, "pct", "96%"),
    ])
    derived = _obs([
        (f"d-{p}", "x", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2025-05-24",
         "bhyt_shortfall_pp", p - 92.3, "pct", "") for p in (95, 96)])
    derived["method"] = "bhyt_shortfall_pp = bhyt_plan_coverage_pct (same year) − bhyt_coverage_pct"
    derived["input_a"], derived["input_b"] = "c-1", ["p-95", "p-96"]
    rpt = reports.ProvinceReport("Kon Tum", lang="en", bundle=_bundle(obs, derived))
    target = rpt.coverage_table()["target"].iloc[0]
    shown = rpt.derived_table()
    assert len(shown) == 1 and target in (95.0, 96.0)
    assert shown["value"].iloc[0] == pytest.approx(target - 92.3)  # the table's plan


def test_a_plan_known_as_a_range_gives_a_pace_known_as_a_range() -> None:
    """Gia Lai 2020: to reach a plan of 97.485–107.418 from 85.300 on 30/6 the pace read
    "2.038" a month (the low end's); Cà Mau 2024 read "0" beside a move of either sign."""
    import numpy as np

    from bhxh_analysis import metrics as M
    from bhxh_analysis.reports.forecasts import pace_range

    fcs = pd.DataFrame({
        "indicator": ["bhxh_participants", "bhyt_participants", "bhtn_participants"],
        "last_value": [85300.0, 1_000_000.0, 50000.0],
        "plan": [97597.0, 983684.0, 60000.0], "plan_lo": [97485.0, 973437.0, 60000.0],
        "plan_hi": [107418.0, 1087778.0, 60000.0],
        "as_of": pd.to_datetime(["2020-06-30", "2024-12-05", "2020-06-30"])})
    fcs = fcs.assign(pace_required=M.pace_required(fcs["last_value"], fcs["plan"],
                                                   list(fcs["as_of"])), **pace_range(fcs))
    months = M.months_remaining("2020-06-30")
    assert fcs.loc[0, "pace_required_lo"] == pytest.approx((97485 - 85300) / months)
    assert fcs.loc[0, "pace_required_hi"] == pytest.approx((107418 - 85300) / months)
    assert fcs.loc[1, "pace_required_lo"] == 0 and fcs.loc[1, "pace_required_hi"] > 0
    assert np.isnan(fcs.loc[2, "pace_required_lo"])  # a plan known exactly: one number
    page = _html(fcs[["indicator", "as_of", "pace_required", "pace_required_lo",
                      "pace_required_hi"]], "vi")
    assert ">2.020–3.666<" in page and ">0–" in page and ">1.658<" in page


def test_a_coverage_bar_says_its_rates_qualifier_as_the_table_does() -> None:
    """Đồng Nai 24/5/2025: the table reads "over 92.3%"; its bar read "92.3%"."""
    import matplotlib.pyplot as plt

    df = pd.DataFrame({"label": ["Đồng Nai", "Bình Phước"], "coverage": [92.3, 81.3],
                       "target": [95.0, 91.5], "coverage_qualifier": ["over", ""]})
    for lang, want in (("vi", ["trên 92,3%", "81,3%"]), ("en", ["over 92.3%", "81.3%"])):
        ax = plotting.bars(df, x="coverage", y="label", target="target", lang=lang,
                           qualifier="coverage_qualifier")
        assert [t.get_text() for t in ax.texts] == want
        plt.close(ax.figure)


def test_coverage_table_takes_the_places_own_later_plan_before_a_later_policy_target(
        bundle) -> None:
    # Bạc Liêu's 2016 coverage was set against the nation's 2020 target (90.7 %) although
    # the page printed the province's own aim for 2020 (90 %).
    def row_with(plan_year: str) -> pd.Series:
        plan = _obs([("pl-1", "seed003", "679", "Đức Trọng", "district", "legacy",
                      "Lâm Đồng", plan_year, "bhyt_plan_coverage_pct", 91.5, "pct", "91,5%")])
        cov = reports.coverage_table("Lâm Đồng", bundle=_bundle(pd.concat([bundle.obs, plan])))
        return cov.set_index("place").loc["Đức Trọng"]

    own = row_with("2023-12-31")  # the coverage's own year: its plan, as before
    assert (own["target"], own["target_kind"], own["target_year"]) == (91.5, "plan", 2023)
    later = row_with("2024-12-31")  # no plan for 2023; the nation's target is of 2023
    assert (later["target"], later["target_kind"]) == (93.2, "policy")
    tie = TARGETS.assign(year=2024)  # the nation's target as late as the own plan
    plan = _obs([("pl-1", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
                  "2024-12-31", "bhyt_plan_coverage_pct", 91.5, "pct", "91,5%")])
    b = report_data.Bundle(pd.concat([bundle.obs, plan]), None, None, None, SOURCES, tie, "")
    row = reports.coverage_table("Lâm Đồng", bundle=b).set_index("place").loc["Đức Trọng"]
    assert (row["target"], row["target_kind"], row["target_year"]) == (91.5, "plan", 2024)
    assert "2024" in row["target_source"]
    assert row["gap_pp"] == pytest.approx(91.5 - 86.88)


def test_coverage_table_prefers_the_published_rate_to_a_derived_one(bundle) -> None:
    # Participants ÷ another population give 80 %; the printed 86.88 % must stay, with
    # the denominator that gives it, so rate, denominator and persons agree on the page.
    derived = _obs([
        ("d-3", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2023-08-31", "bhyt_coverage_pct", 80.0, "pct", ""),
        ("d-4", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2023-08-31", "population", 194056.0, "persons", "")])
    derived["method"] = "derived"
    derived["obs_id"] = ["drv-legacy-district-679-20230831-1",
                         "drv-legacy-district-679-20230831-2"]
    obs = bundle.obs.copy()  # a published id that sorts before the derived ones
    obs.loc[obs["indicator"].eq("bhyt_coverage_pct") & obs["geo_name"].eq("Đức Trọng"),
            "obs_id"] = "baolamdong-01"
    cov = reports.coverage_table("Lâm Đồng", bundle=_bundle(obs, derived))
    row = cov.set_index("place").loc["Đức Trọng"]
    assert row["coverage"] == 86.88
    assert row["persons_needed"] == pytest.approx(194056 * (93.2 - 86.88) / 100, abs=1)


def test_coverage_table_takes_one_denominator_and_names_the_other(bundle) -> None:
    # Two populations derived for one date disagree (the consistency section flags
    # them): every row of that place and date uses the best-ranked one (first obs_id),
    # not the one its own rate implies, and the note under the table names the other.
    derived = _obs([
        ("drv-1", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2023-08-31", "population", 210000.0, "persons", ""),
        ("drv-2", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng",
         "2023-08-31", "population", 194056.0, "persons", "")])
    derived["method"] = "derived"
    for rows in (derived, derived.iloc[::-1]):
        rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=_bundle(bundle.obs, rows))
        cov = rpt.coverage_table()
        assert cov.set_index("place").loc["Đức Trọng", "denominator"] == 210000.0
        assert "194,056" in " ".join(rpt.coverage_notes())
    # a derived denominator known as a range is named as the table prints it (Hà Nội
    # 10/6/2025: the note said 4,733,333, the table's denominator 4,630,434–5,312,925)
    ranged = derived.assign(value_lo=[205000.0, 190000.0], value_hi=[215000.0, 199000.0])
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=_bundle(bundle.obs, ranged))
    notes = " ".join(rpt.coverage_notes())
    assert "205,000–215,000" in notes and "190,000–199,000" in notes, notes
    assert "210,000" not in notes


def test_gaps_and_boundaries_are_said_plainly(bundle) -> None:
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle)
    gaps = " ".join(rpt.gap_sentences())
    assert "No figures at all for" in gaps and "BHTN" in gaps
    assert "No published or derivable plan" in gaps
    assert "Population: series 2018–2020, missing 2019." in gaps
    kon_tum = reports.ProvinceReport("Kon Tum", lang="en", bundle=bundle)
    assert "part of the new Quảng Ngãi, together with the former Quảng Ngãi;" in " ".join(kon_tum.boundary_sentences())
    new = reports.ProvinceReport("Lâm Đồng", boundaries="2025", lang="en", bundle=bundle)
    note = " ".join(new.boundary_sentences())
    assert "Bình Thuận" in note and "Đắk Nông" in note and "never summed" in note


def test_gap_sentences_never_contradict_the_tables() -> None:
    # Kon Tum with only voluntary BHXH and its plan (as in seed004's neighbours).
    obs = _obs([
        ("k-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2020-06-30",
         "bhxh_voluntary_participants", 4294.0, "persons", "4.294"),
        ("k-2", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2020-06-30",
         "bhxh_voluntary_plan_participants", 4040.0, "persons", "4.040"),
    ])
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Kon Tum", lang=lang, bundle=_bundle(obs))
        gaps = " ".join(rpt.gap_sentences())
        head = rpt.headline_table()
        assert set(head["indicator"]) >= {"bhxh_voluntary_participants"}
        bhxh = i18n.scheme_label("bhxh", lang)
        missing = [s for s in rpt.gap_sentences()
                   if s.startswith(i18n.t("gap_missing_schemes", lang, labels="").rstrip(". "))]
        assert all(bhxh not in s.split(":", 1)[1].split(",")[0] or "BHTN" in s
                   for s in missing)
        assert bhxh + "," not in " ".join(missing) and not any(
            s.split(":", 1)[1].strip().startswith(bhxh + ",") for s in missing)
        assert i18n.t("gap_no_plan", lang) not in gaps
        # plans named by scheme, once: not "…: participants; …: plan (persons)"
        assert i18n.t("gap_plans", lang,
                      labels=i18n.scheme_label("bhxh_voluntary", lang)) in gaps
        assert i18n.t("gap_no_insurance", lang, name="Kon Tum") not in gaps
        assert rpt.year == 2020  # plan and within-year figure


def test_ha_tay_is_a_former_province_of_ha_noi(bundle) -> None:
    rpt = reports.ProvinceReport("Hà Tây", lang="en", bundle=bundle)
    note = " ".join(rpt.boundary_sentences())
    assert "former province" in note and "Hà Nội" in note and "1 Aug 2008" in note
    assert "1 July 2025" not in note.split("former")[1]
    ha_noi = " ".join(reports.ProvinceReport("Hà Nội", lang="vi",
                                             bundle=bundle).boundary_sentences())
    assert "Hà Tây" in ha_noi and "1/8/2008" in ha_noi


def test_ha_tay_in_a_2025_report_is_labelled_with_its_own_end(bundle) -> None:
    # Hà Nội (2025) listed "Hà Tây (until 30 June 2025)": Hà Tây joined Hà Nội on
    # 1 August 2008, so its figures run until 31 July 2008.
    obs = _obs([("h-1", "gso", "28", "Hà Tây", "province", "legacy", "Hà Nội", "2007-07-01",
                 "population", 2773700.0, "persons", "2.773,7"),
                ("h-2", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2022-07-01",
                 "population", 8435650.0, "persons", "8.435,65")])
    # Hà Nội's 2022 figure is the 2025 province's own (it alone was Hà Nội then; issue 14
    # point 4): labelled "Hà Nội", not "Hà Nội (until 30 June 2025)" beside a "sum" of it
    for lang, until in (("en", "Hà Tây (until 31 Jul 2008)"), ("vi", "Hà Tây (đến 31/7/2008)")):
        places = set(reports.ProvinceReport("Hà Nội", boundaries="2025", lang=lang,
                                            bundle=_bundle(obs)).headline_table()["place"])
        assert places == {until, "Hà Nội"}, places


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ha_noi_2008_yearly_figures_miss_no_ha_tay(lang: str) -> None:
    # issue 14: the 2025 Hà Nội page said 2 totals "could not be summed ... missing Hà
    # Tây": GSO's 2008 averages, dated 1/7/2008 (before Hà Tây joined on 1/8/2008), were
    # asked for Hà Tây's figure. They count the area of 31/12/2008 (geo.areas.area_dates),
    # Hà Tây in it: Hà Nội's 2008 figure is the whole. Before 1/8/2008 the sum of Hà Nội
    # and Hà Tây is; a figure truly of a day before it without Hà Tây's is not.
    obs = _obs([
        ("h-07", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2007-07-01",
         "population", 3228500.0, "persons", "3.228,5"),
        ("t-07", "gso", "28", "Hà Tây", "province", "legacy", "Hà Nội", "2007-07-01",
         "population", 2773700.0, "persons", "2.773,7"),
        ("h-08", "gso", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2008-07-01",
         "population", 6381800.0, "persons", "6.381,8"),
        ("l-08", "x", "01", "Hà Nội", "province", "legacy", "Hà Nội", "2008-06-30",
         "bhyt_participants", 3.0e6, "persons", "3 triệu")])
    obs["as_of_raw"] = ["2007", "2007", "2008", "30/6/2008"]
    rpt = reports.ProvinceReport("Hà Nội", boundaries="2025", lang=lang, bundle=_bundle(obs))
    gaps = rpt.aggregation_gaps
    assert gaps[["indicator", "as_of"]].astype(str).values.tolist() == [
        ["bhyt_participants", "2008-06-30"]]  # of a day before 1/8/2008, Hà Tây's is missing
    summed = rpt.aggregated
    assert summed[["as_of", "value"]].astype(str).values.tolist() == [
        ["2007-07-01", str(3228500.0 + 2773700.0)]]  # 2008: Hà Nội's own, no sum of it
    said = " ".join(rpt.boundary_sentences())
    assert i18n.t("bnd_2025_same_before", lang, name="Hà Nội", part="Hà Nội",
                  formers="Hà Tây", date=i18n.fmt_date("2008-08-01", lang),
                  year=2008) in said
    assert ("đã gồm Hà Tây, không thiếu" in said if lang == "vi"
            else "Hà Tây included, with nothing missing" in said)


def test_earlier_splits_and_transfers_are_named_beside_the_series(bundle) -> None:
    """GSO series follow each year's boundaries: Đắk Lắk's population steps down in 2004
    when Đắk Nông was split off; the report says so (and Đắk Nông says where it came from)."""
    dak_lak = " ".join(reports.ProvinceReport("Đắk Lắk", lang="vi",
                                              bundle=bundle).boundary_sentences())
    assert "Đắk Nông được tách ra từ Đắk Lắk" in dak_lak and "1/1/2004" in dak_lak
    dak_nong = " ".join(reports.ProvinceReport("Đắk Nông", lang="en",
                                               bundle=bundle).boundary_sentences())
    assert "split off from Đắk Lắk" in dak_nong and "2004" in dak_nong
    vinh_phuc = " ".join(reports.ProvinceReport("Vĩnh Phúc", lang="en",
                                                bundle=bundle).boundary_sentences())
    assert "Mê Linh of Vĩnh Phúc joined Hà Nội" in vinh_phuc
    new = " ".join(reports.ProvinceReport("Đắk Lắk", boundaries="2025", lang="vi",
                                          bundle=bundle).boundary_sentences())
    assert "Đắk Nông được tách ra từ Đắk Lắk" in new  # the legacy part's history
    kon_tum = " ".join(reports.ProvinceReport("Kon Tum", lang="vi",
                                              bundle=bundle).boundary_sentences())
    assert "tách ra" not in kon_tum


def test_2025_report_covers_every_legacy_part(bundle) -> None:
    rpt = reports.ProvinceReport("Quảng Ngãi", boundaries="2025", lang="vi", bundle=bundle)
    assert "485.900" in _html(rpt.headline_table(), "vi")
    assert reports.legacy_parts(rpt.unit) == ["Kon Tum", "Quảng Ngãi"]
    assert "đến 30/6/2025" in " ".join(rpt.headline_table()["place"])


def test_provinces_with_data(bundle) -> None:
    assert reports.provinces_with_data("legacy", bundle=bundle) == ["Kon Tum", "Lâm Đồng"]
    assert reports.provinces_with_data("2025", bundle=bundle) == ["Lâm Đồng", "Quảng Ngãi"]


def test_summary_is_json_for_the_index(bundle) -> None:
    rpt = reports.ProvinceReport("Lâm Đồng", bundle=bundle)
    page = Page("vi", show=False)
    page.header(rpt.title, rpt.subtitle(), summary=rpt.summary())
    summary = page.blocks[0]._repr_mimebundle_()[reports.SUMMARY_MIME]
    assert json.loads(json.dumps(summary)) == summary
    assert summary["province"] == "Lâm Đồng" and summary["key_figures"]


def test_sources_are_followable_never_file_paths(bundle) -> None:
    src = reports.ProvinceReport("Lâm Đồng", bundle=bundle).sources_table()
    page = _html(src, "vi")
    assert "Báo Lâm Đồng (LĐ online)" in page and "Ra quân BHXH tự nguyện" in page
    assert "seeds/" not in page and ".txt" not in page and ".csv" not in page
    assert "[no headline" not in page and "seed000" not in page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_statistics_office_tables_are_cited_in_the_readers_language(lang) -> None:
    """A Vietnamese report's sources name GSO tables in Vietnamese, not by export title."""
    from bhxh_analysis import config

    real = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    office = real[real["publisher"].str.contains("Statistics Office")]
    bundle = report_data.Bundle(_obs([
        ("p-1", "gso-pop-1995-2016", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
         "2016-12-31", "population", 1312000.0, "persons", "1.312,00"),
        ("l-1", "gso-lf-2005-2016", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
         "2016-12-31", "labour_force_15plus", 800000.0, "persons", "800,00"),
        ("s0-04", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_coverage_pct", 83.23, "pct", "83,23%"),
    ]), None, None, None, real, TARGETS, "")
    page = Page(lang, show=False)
    page.sources(reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=bundle).sources_table())
    html = page.html()
    english = [t for t in office["title"] if t in html]
    if lang == "vi":
        assert "Tổng cục Thống kê" in html and "Dân số trung bình phân theo địa phương" in html
        assert english == []
    else:
        assert sorted(english) == sorted(office.loc[office["source_id"].isin(
            ["gso-pop-1995-2016", "gso-lf-2005-2016"]), "title"])


def test_two_ids_citing_one_page_are_one_line_of_the_sources_table() -> None:
    same = {"publisher": "VSS", "title": "Son La holds conference", "published_date": "2023-03-23",
            "address": "https://vss.gov.vn/english/news/Pages/x.aspx?ItemID=10901"}
    src = pd.DataFrame([{"source_id": "a", **same}, {"source_id": "a-more", **same},
                        {"source_id": "b", **same, "title": "Another page"}])
    bundle = report_data.Bundle(None, None, None, None, src, TARGETS, "")
    table = citations.sources_table(bundle, ["a", "a-more", "b"], "en")
    assert table["title"].tolist() == ["Another page", "Son La holds conference"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_table_named_beside_an_address_is_in_the_readers_language(lang) -> None:
    # the Vietnamese sources read "https://www.gso.gov.vn/px-web-2/ (table V02.01)"
    src = pd.DataFrame([{"source_id": "a", "publisher": "GSO", "title": "t",
                         "published_date": "", "address": "https://x.vn/px/ (table V02.01)"}])
    bundle = report_data.Bundle(None, None, None, None, src, TARGETS, "")
    ref = citations.sources_table(bundle, ["a"], lang)["reference"].tolist()
    assert ref == ["https://x.vn/px/ " + i18n.t("ref_table", lang, table="V02.01")]
    assert ("table" in ref[0]) is (lang == "en")


def test_index_and_manifest_format(tmp_path) -> None:
    params = {"province": "Lâm Đồng", "boundaries": "legacy", "year": None, "as_of": None,
              "lang": "vi"}
    rows = [{"province": "Lâm Đồng", "status": "failed", "seconds": "1.00",
             "error": "boom <script>", "parameters": json.dumps(params), "data_checksum": "ab",
             "package_version": "0"},
            {"province": "Kon Tum", "status": "ok", "seconds": "1.00", "error": "",
             "parameters": json.dumps({**params, "province": "Kon Tum"}),
             "data_checksum": "ab", "package_version": "0"}]
    # the kernel failed inside the notebook and wrote it: the row links it (a worker that
    # died writes none and gets no link: test_reports_audit6)
    (tmp_path / "lam-dong-legacy-vi.ipynb").write_text("{}", encoding="utf-8")
    path = reports.write_index(tmp_path, rows, {"Lâm Đồng": None, "Kon Tum": None}, "vi")
    page = path.read_text(encoding="utf-8")
    assert "boom &lt;script&gt;" in page and "lam-dong-legacy-vi.ipynb" in page
    assert "đã tạo" in page and "khớp" not in page  # "rendered", not "agrees"
    assert [x for x in internal_text(page) if "boom" not in x] == []
    assert reports.MANIFEST_COLUMNS == ["province", "status", "seconds", "worker", "error",
                                        "parameters",
                                        "data_checksum", "package_version", "git_commit",
                                        "lock_sha256", "newest_figure", "html_sha256"]
    (tmp_path / "manifest.csv").write_text(
        ",".join(reports.MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    assert reports.read_manifest(tmp_path) == []
    with open(tmp_path / "manifest.csv", newline="") as fh:
        assert next(csv.reader(fh)) == reports.MANIFEST_COLUMNS


def test_trends_put_insurance_beside_population_on_their_own_panels(bundle) -> None:
    extra = _obs([
        ("m-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-03-31",
         "bhyt_participants", 1.0e6, "persons", "1.000.000"),
        ("m-2", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-06-30",
         "bhyt_participants", 1.1e6, "persons", "1.100.000"),
    ])
    mixed = _bundle(pd.concat([bundle.obs, extra], ignore_index=True))
    trends = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=mixed).trend_table()
    panels = trends.groupby("panel")["series"].unique().to_dict()
    assert set(panels["Population and labour force"]) == {"Population"}
    # every insurance series, even a single figure (drawn as a point); the districts'
    # on a panel of their own, apart from the province's (issue 14.11)
    assert set(panels["Health insurance (BHYT): participants"]) == {
        "Health insurance (BHYT) — Lâm Đồng"}
    assert set(panels["Health insurance (BHYT): participants in districts"]) == {
        "Health insurance (BHYT) — Đà Lạt", "Health insurance (BHYT) — Đức Trọng"}


def test_2025_trend_draws_only_the_sum_never_a_legacy_part_under_its_label(bundle) -> None:
    """Before 2004 Đắk Nông was part of Đắk Lắk, so 2025 Lâm Đồng's population cannot be
    summed: that year is absent, not filled with legacy Lâm Đồng's own figure."""
    rows = []
    for code, name, figures in (("68", "Lâm Đồng", {"2003": 1.085e6, "2020": 1.32e6}),
                                ("60", "Bình Thuận", {"2003": 1.109e6, "2020": 1.24e6}),
                                ("67", "Đắk Nông", {"2020": 0.64e6})):
        rows += [(f"p-{code}-{y}", "gso", code, name, "province", "legacy", "Lâm Đồng",
                  f"{y}-07-01", "population", v, "persons", str(v)) for y, v in figures.items()]
    rpt = reports.ProvinceReport("Lâm Đồng", boundaries="2025", lang="en",
                                 bundle=_bundle(_obs(rows)))
    pop = rpt.trend_table()
    pop = pop[pop["series"].eq("Population")].set_index("as_of")["value"]
    assert pop.to_dict() == {pd.Timestamp("2020-07-01"): 3.2e6}


# ----------------------------------------------------------------------------- words

INTERNAL = [
    (re.compile(r"\bNone\b|\bnan\b|\bNaN\b|\bNaT\b"), "None/nan"),
    (re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"), "snake_case identifier"),
    (re.compile(r"\bbhxh_analysis\b|\b\w+\.(?:py|csv|parquet|txt)\b|\bgeo\.\w+"), "module/path"),
    (re.compile(r"\[[^\]]*\]"), "bracketed placeholder"),
    (re.compile(r"\b(?:seed\d{3}|[a-z]+(?:-[a-z]+)*-\d{3,})\b"), "source id"),
]


def visible_text(page: str) -> str:
    """The text a reader sees in an HTML page (no scripts, styles or embedded images)."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1

        def handle_endtag(self, tag):
            if tag in ("script", "style") and self.skip:
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = _Text()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def internal_text(page: str) -> list[str]:
    """What in a page's visible text looks internal (empty list: nothing)."""
    text = re.sub(r"https?://\S+", " ", visible_text(page))  # URLs a reader follows
    found = []
    for pattern, what in INTERNAL:
        found += [f"{what}: {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 40]}…"
                  for m in pattern.finditer(text)]
    return found


def nested_brackets(page: str) -> list[str]:
    """Bracketed text inside brackets in a page's visible text ("(mẫu hình trong năm (theo
    mùa))"): a reader cannot tell which bracket closes which. Empty list: none."""
    found = []
    for line in re.split(r"(?<=[.;])\s", visible_text(page)):
        depth = 0
        for i, ch in enumerate(line):
            depth += (ch == "(") - (ch == ")")
            if depth > 1:
                found.append(line[max(0, i - 60):i + 60])
                break
    return found


def brackets_in_a_row(text: str) -> list[str]:
    """Two bracket groups in a row ("Huế (Thừa Thiên Huế đến năm 2024) (địa giới trước
    1/7/2025)"): read as two titles. Empty list: none."""
    seen = visible_text(text)
    return [seen[max(0, m.start() - 40):m.end() + 40] for m in re.finditer(r"\)\s*\(", seen)]


def test_brackets_in_a_row_check_can_fail() -> None:
    assert brackets_in_a_row("<h1>Huế (Thừa Thiên Huế đến năm 2024) (địa giới 2025)</h1>")
    assert brackets_in_a_row("<h1>Huế (Thừa Thiên Huế đến năm 2024; địa giới 2025)</h1>") == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_province_title_has_one_bracket_group(bundle, lang: str) -> None:
    # issue 14: Huế's title had its former name and its boundary set in two brackets
    from bhxh_analysis import geo

    reg = geo.get_registry()
    for bset in ("legacy", "2025"):
        for name in reg.units(bset, "province")["geo_name"]:
            title = reports.ProvinceReport(name, bset, lang=lang, bundle=bundle).title
            assert title.count("(") == title.count(")") == 1, title
            assert not brackets_in_a_row(title) and not nested_brackets(title), title
    for bset in ("legacy", "2025"):
        title = reports.ProvinceReport("Huế", bset, lang=lang, bundle=bundle).title
        said = (i18n.t("name_formerly", lang, former="Thừa Thiên Huế", year=2024) + "; "
                + i18n.t("boundaries_legacy" if bset == "legacy" else "boundaries_2025", lang))
        assert title.endswith(f"Huế ({said})"), title


def test_nested_brackets_check_can_fail() -> None:
    assert nested_brackets("<p>3 (khoảng 80%: 1–4) (mẫu hình trong năm (theo mùa))</p>")
    assert nested_brackets("<p>((a))</p>")
    assert nested_brackets("<p>Dân số (GSO) (1/7/2022); BHYT (VSS) = (a ÷ b − 1) × 100</p>") == []


def test_internal_text_check_can_fail() -> None:
    page = ("<p>năm None; sum_of_legacy_provinces; (geo.aggregate_to_2025); [no headline];"
            " sggp-85012+vss-en-9220</p>")
    assert len(internal_text(page)) >= 6
    assert internal_text("<style>.a_b{}</style><p>Dân số = BHYT ÷ tỷ lệ × 100</p>") == []
    assert internal_text("<p>https://baonghean.vn/en/nghe-an-bhxh-10237874.html</p>") == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_section_tables_show_nothing_internal(bundle, lang) -> None:
    rpt = reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=bundle)
    page = Page(lang, show=False)
    page.header(rpt.title, rpt.subtitle())
    page.table(rpt.headline_table())
    page.table(rpt.coverage_table())
    page.notes(rpt.gap_sentences() + rpt.boundary_sentences() + rpt.consistency_notes())
    page.sources(rpt.sources_table())
    assert internal_text(page.html()) == []
    assert nested_brackets(page.html()) == []


def test_vietnamese_words_carry_no_english_in_brackets() -> None:
    # issue 14: the vi forecast page's heading read "Kiểm định quá khứ (backtest)"; an
    # English word in brackets after Vietnamese ones (a tool's name, git, aside)
    found = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            vi = node.get("vi")
            if isinstance(vi, str):
                found.extend(f"{path}: {m.group(0)}" for m in re.finditer(
                    r"\(([a-z]+(?: [a-z]+)*)\)", vi) if m.group(1) not in {"git"})
            for key, value in node.items():
                walk(value, f"{path}.{key}")

    walk(i18n.catalogue(), "")
    assert found == []
    assert "backtest" not in i18n.t("backtest", "vi").lower()


@pytest.mark.parametrize("lang, words", [("vi", ["Phường", "Thị trấn", "Xã", "Thành phố"]),
                                         ("en", ["Ward", "Township", "Commune", "City"])])
def test_the_level_column_names_each_units_own_kind(lang: str, words: list[str]) -> None:
    # issue 14: the level column said "Xã"/"Commune" for a ward (phường) and a township
    # (thị trấn); the registry says which each is
    obs = _obs([
        ("w-1", "seed000", "24769", "Phường 7", "commune", "legacy", "Lâm Đồng",
         "2020-07-31", "bhyt_participants", 1000.0, "persons", "1.000"),
        ("t-1", "seed000", "24958", "Liên Nghĩa", "commune", "legacy", "Lâm Đồng",
         "2020-07-31", "bhyt_participants", 2000.0, "persons", "2.000"),
        ("x-1", "seed000", "24961", "Hiệp An", "commune", "legacy", "Lâm Đồng",
         "2020-07-31", "bhyt_participants", 3000.0, "persons", "3.000"),
        ("d-1", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng",
         "2020-07-31", "bhyt_participants", 9000.0, "persons", "9.000")])
    rpt = reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=_bundle(obs))
    head = rpt.headline_table()
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", _html(head, lang))
    for word in words:
        assert word in cells, (word, cells)
    assert cells.count(i18n.t("commune", lang)) == 1  # Hiệp An only


def test_no_language_choice_outside_the_catalogue() -> None:
    import pathlib

    src = pathlib.Path(reports.__file__).resolve().parent.parent
    pattern = re.compile(r'if vi else|if lang == "vi" else|if self\.lang == "vi" else')
    hits = [f"{p.name}:{n}" for p in src.rglob("*.py")
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line)]
    assert hits == []


def test_every_catalogue_key_used_exists_in_both_languages() -> None:
    import pathlib

    root = pathlib.Path(reports.__file__).resolve().parent.parent
    files = [*root.rglob("*.py"), *(root.parent.parent / "notebooks").glob("*.ipynb")]
    call = re.compile(r'(?:\bi18n\.t|\bself\.t|\brpt\.t|\bnat\.t|\bfr\.t|\bt|page\.heading|'
                      r'\bheading)\(\\?"([a-z0-9_]+)\\?"')
    keys = {k for p in files for k in call.findall(p.read_text(encoding="utf-8"))}
    keys |= {k for p in files for k in re.findall(r'empty=\\?"([a-z0-9_]+)', p.read_text(
        encoding="utf-8"))}
    assert len(keys) > 40
    text = i18n.catalogue()["text"]
    missing = sorted(k for k in keys if k not in text or set(text[k]) != {"vi", "en"})
    assert missing == []
    with pytest.raises(KeyError):
        i18n.t("no_such_key", "vi")


def test_date_options_read_both_formats_with_one_message(tmp_path) -> None:
    from bhxh_analysis.cli.options import date_error, parse_date

    assert parse_date("30/06/2020") == parse_date("2020-06-30") == parse_date(" 30/6/2020 ")
    for bad in ("2020-13-01", "31/02/2020", "June 2020", "2020/06/30"):
        with pytest.raises(ValueError) as err:
            parse_date(bad)
        assert str(err.value) == date_error(bad)
    task = reports.province_task("Lâm Đồng", as_of="30/06/2020", out_dir=tmp_path)
    assert task.parameters["as_of"] == "2020-06-30"
    res = CliRunner().invoke(main, ["report", "province", "--province", "Lâm Đồng",
                                    "--as-of", "2020-13-01", "--out", str(tmp_path)])
    assert res.exit_code == 2 and date_error("2020-13-01") in res.output
    helptext = CliRunner().invoke(main, ["report", "province", "--help"]).output
    assert "--province TEXT" in helptext and "[required]" in helptext
    assert "dd/mm/yyyy" in helptext


# ----------------------------------------------------------------------------- notebooks


@pytest.mark.parametrize("name", ["province_report.ipynb", "national_trends.ipynb",
                                  "forecast_report.ipynb", "00_explore.ipynb",
                                  "unit_report.ipynb"])
def test_notebooks_show_the_analysis_in_short_steps(name) -> None:
    import nbformat

    from bhxh_analysis import config

    nb = nbformat.read(config.notebooks_dir() / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all(not c.get("outputs") and c.execution_count is None for c in code)  # no outputs
    assert not any(re.search(r"^\s*(def|class|lambda)\b|\blambda\b", c.source, re.M)
                   for c in code)
    assert all(len(c.source.splitlines()) <= 12 for c in code)  # a few visible lines each
    if name != "00_explore.ipynb":
        text = "\n".join(c.source for c in code)
        assert "plotting." in text and "_table(" in text  # a table, then its chart


@pytest.mark.slow
def test_real_report_charts_are_legible() -> None:
    """The charts of the Lâm Đồng and national reports, drawn from the real tables."""
    rpt = reports.ProvinceReport("Lâm Đồng", lang="vi")
    cov, trends = rpt.coverage_table(), rpt.trend_table()
    charts = [
        plotting.bars(cov, x="coverage", y="label", target="target", title="t",
                      target_label=rpt.t("target_marker")),
        plotting.panels(trends, x="as_of", y="value", hue="series", panel="panel", pct="pct",
                        ylabel="ylabel", scale="scale"),
    ]
    fc = rpt.forecast_table()
    for _, row in fc[fc["status"] == "ok"].iterrows():
        charts.append(plotting.fan_chart(rpt.forecast_history(row), row.to_frame().T,
                                         plan=row["plan"], as_of=row["as_of"], title=row["label"]))
    assert fc["plan"].notna().any()  # Đà Lạt's 2020 plan reaches the forecast
    nat = reports.NationalReport(lang="en")
    cwt = nat.coverage_with_targets()
    charts.append(plotting.panels(cwt, x="year", y="value", hue="series", panel="scheme",
                                  pct=True, targets=[nat.t("target_points")], lang="en"))
    for chart in charts:
        fig = plotting.figure_of(chart)
        assert plotting.overlapping_texts(fig) == []
        assert all(len(ax.get_legend().get_texts()) <= plotting.MAX_SERIES + 4
                   for ax in fig.axes if ax.get_legend() is not None)
        plotting.to_png(fig)


def test_a_merged_legacy_province_forecast_after_the_reform_says_whose_area(bundle) -> None:
    # Kon Tum joined Quảng Ngãi on 1 July 2025: its legacy report's 2025 forecasts are of
    # the former area, whose figures are published for Quảng Ngãi from that date.
    from bhxh_analysis.reports.boundaries import former_area_sentences

    k2025 = _obs([("k-2", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi",
                   "2025-05-31", "bhyt_participants", 520000.0, "persons", "520.000")])
    rpt = reports.ProvinceReport("Kon Tum", lang="en", year=2025,
                                 bundle=_bundle(pd.concat([bundle.obs, k2025])))
    said = former_area_sentences(rpt)
    assert len(said) == 1 and "former province of Kon Tum is part of the new Quảng Ngãi" in said[0]
    assert "31 December 2025" in said[0]
    vi = reports.ProvinceReport("Kon Tum", lang="vi", year=2025,
                                bundle=_bundle(pd.concat([bundle.obs, k2025])))
    assert "Kon Tum (cũ)" in former_area_sentences(vi)[0]
    assert not rpt.forecast_table().empty and said[0] == rpt.forecast_notes()[0]
    # before the reform, and a province whose boundary did not change: nothing to say
    assert former_area_sentences(reports.ProvinceReport("Kon Tum", year=2020,
                                                        bundle=bundle)) == []
    assert former_area_sentences(reports.ProvinceReport("Hà Nội", year=2025,
                                                        bundle=bundle)) == []
    assert former_area_sentences(reports.ProvinceReport("Quảng Ngãi", boundaries="2025",
                                                        year=2025, bundle=bundle)) == []


def test_a_flag_shared_by_several_series_is_said_once_naming_them() -> None:
    from bhxh_analysis.reports.words import forecast_sentences

    fcs = pd.DataFrame({
        "indicator": ["bhxh_participants", "bhtn_participants", "bhyt_participants"],
        "place": "Kiên Giang", "status": "ok", "plan": float("nan"),
        "p_meet_plan": float("nan"), "flags": ["short_series", "short_series",
                                               "short_series;bounded"],
        "upper_bound": [float("nan"), float("nan"), 1_766_619.0],
        "bound_indicator": ["", "", "population"]})
    said = forecast_sentences(fcs, "en")
    short = [s for s in said if "only a few figures" in s]
    assert len(short) == 1 and short[0].startswith(
        "Social insurance (BHXH): participants; Unemployment insurance (BHTN): participants; "
        "Health insurance (BHYT): participants — Kiên Giang: these series have")
    assert sum("held within what is possible" in s for s in said) == 1
    one = forecast_sentences(fcs.iloc[:1], "vi")
    assert any(s.startswith("BHXH: người tham gia — Kiên Giang: chuỗi chỉ có") for s in one)


def test_no_plan_for_any_series_is_not_said_as_some() -> None:
    # Hà Nội read "No plan is known for some series" under four forecasts none of which
    # had a plan.
    from bhxh_analysis.reports.words import forecast_sentences

    fcs = pd.DataFrame({"indicator": ["bhxh_participants", "bhyt_participants"],
                        "place": "Hà Nội", "status": "ok", "plan": [float("nan")] * 2,
                        "p_meet_plan": float("nan"), "flags": "", "upper_bound": float("nan"),
                        "bound_indicator": ""})
    for lang in ("vi", "en"):
        said = forecast_sentences(fcs, lang)
        assert i18n.t("forecast_no_plan_any", lang) in said
        assert i18n.t("forecast_no_plan", lang) not in said
        some = fcs.assign(plan=[100.0, float("nan")], p_meet_plan=[0.5, float("nan")],
                          last_value=90.0, forecast=95.0, lo80=91.0, hi80=99.0, lo95=90.0,
                          hi95=101.0, as_of=pd.Timestamp("2024-06-30"), year=2024,
                          last_as_of=pd.Timestamp("2024-06-30"), plan_source="",
                          pace_required=2.0, past_moves=float("nan"),
                          past_moves_as_large=float("nan"), past_moves_pool="",
                          p_meet_plan_model="seasonal", plan_pull=float("nan"),
                          actual=float("nan"), label="")
        assert i18n.t("forecast_no_plan", lang) in forecast_sentences(some, lang)


def test_component_held_within_its_total_is_said_in_words() -> None:
    """Issue 14: a forecast capped by its total's names the total, in vi and en; the
    denominator sentence stays for a denominator bound."""
    from bhxh_analysis.reports.words import _bound_note

    row = pd.Series({"indicator": "bhxh_compulsory_participants", "place": "Kiên Giang",
                     "flags": "short_series;bounded", "upper_bound": 166399.2,
                     "bound_indicator": "bhxh_participants", "bound_kind": "total"})
    for lang in ("vi", "en"):
        said = _bound_note(row, lang)
        total = i18n.indicator_label("bhxh_participants", lang)
        assert sum(total in s and i18n.fmt_number(166399.2, lang) in s for s in said) == 1
    assert any("part cannot exceed its total" in s for s in _bound_note(row, "en"))
    den = _bound_note(pd.Series({**row.to_dict(), "bound_indicator": "labour_force",
                                   "bound_kind": "derived"}), "en")
    assert any("held within what is possible" in s for s in den), den
    assert not any("part cannot exceed" in s for s in den), den


def test_national_forecast_table_last_value_is_the_figure_of_its_date() -> None:
    """The 2025 national table showed 16,823,000 (30/4) as the figure of 30/11/2025
    (18,032,000): the series came in file order, not date order."""
    fr = reports.ForecastReport(lang="en")
    fc = fr.forecast_table()
    ok = fc[fc["status"] == "ok"]
    assert len(ok)
    obs = fr.bundle.obs
    for _, row in ok.iterrows():
        same = obs[(obs["geo_code"] == row["geo_code"]) & (obs["geo_level"] == row["geo_level"])
                   & (obs["indicator"] == row["indicator"])
                   & (obs["as_of"] == row["last_as_of"])]
        assert row["last_value"] in same["value"].tolist(), row["indicator"]
        assert row["last_as_of"] == row["as_of"]


def test_forecast_and_probability_on_opposite_sides_of_the_plan_are_said() -> None:
    """Việt Nam, compulsory BHXH, 30/11/2025: forecast 18,677,904 above the plan of
    18,589,691 with P(meet plan) 46 % from past moves — the page must not leave the
    reader with two answers and no word on why."""
    from bhxh_analysis.reports.words import forecast_sentences

    row = {"indicator": "bhxh_compulsory_participants", "place": "Việt Nam", "status": "ok",
           "plan": 18_589_691.0, "last_value": 18_032_000.0,
           "last_as_of": pd.Timestamp("2025-11-30"), "forecast": 18_677_904.0,
           "p_meet_plan": 0.46, "p_meet_plan_model": "empirical_moves", "past_moves": 11,
           "past_moves_as_large": 5, "past_moves_pool": "family", "flags": ""}
    said = forecast_sentences(pd.DataFrame([row]), "en")
    assert sum("here they disagree" in s for s in said) == 1
    assert any("above the plan, yet the probability of meeting it is only 46%" in s
               for s in said)
    vi = forecast_sentences(pd.DataFrame([row]), "vi")
    assert any("cao hơn kế hoạch" in s for s in vi)
    agree = dict(row, p_meet_plan=0.62, past_moves_as_large=7)
    assert not any("disagree" in s for s in forecast_sentences(pd.DataFrame([agree]), "en"))
    below = dict(row, forecast=18_400_000.0, p_meet_plan=0.62)
    assert any("below the plan, yet" in s for s in forecast_sentences(pd.DataFrame([below]), "en"))


def test_a_place_and_level_the_same_on_every_row_are_left_out_of_a_table() -> None:
    """The national forecast table ran off the page with "Việt Nam · Nation" on every
    row; a table of several places keeps both columns."""
    from bhxh_analysis.reports.render import table_html

    one = pd.DataFrame({"place": ["Việt Nam"] * 2, "geo_level": ["nation"] * 2,
                        "indicator": ["bhyt_participants", "bhtn_participants"],
                        "value": [1.0, 2.0]})
    html = table_html(one, "en")
    assert "<th>Place</th>" not in html and "<th>Level</th>" not in html
    assert "Health insurance (BHYT): participants" in html
    two = one.assign(place=["Việt Nam", "Hà Nam"], geo_level=["nation", "province"])
    html = table_html(two, "en")
    assert "<th>Place</th>" in html and "<th>Level</th>" in html
    assert "<th>Place</th>" in table_html(one.iloc[:1], "en")  # one row: as it was


def test_a_table_of_one_place_other_than_the_pages_own_keeps_its_place() -> None:
    """Gia Lai (2025) showed its coverage and forecast tables without a place column:
    every row was of "Gia Lai (until 30 June 2025)", a legacy part, read as the new
    province (208,216 persons needed against the old province's labour force)."""
    part = pd.DataFrame({"place": ["Gia Lai (until 30 June 2025)"] * 2,
                         "geo_level": ["province"] * 2,
                         "indicator": ["bhyt_participants", "bhtn_participants"],
                         "value": [1.0, 2.0]})
    assert "<th>Place</th>" in table_html(part, "en", place="Gia Lai")
    assert "<th>Place</th>" not in table_html(part, "en", place="Gia Lai (until 30 June 2025)")
    page = Page("en", show=False, place="Gia Lai")
    page.table(part)
    assert "<th>Place</th>" in page.blocks[-1].body


def test_a_percentage_axis_never_zooms_a_small_change_into_a_big_one() -> None:
    """Bình Phước BHYT 79.9 % (2017) and 81.3 % (2022) filled the panel from 80 % to
    81.25 %, drawn like a doubling; the axis spans at least ten points."""
    import matplotlib.pyplot as plt

    df = pd.DataFrame({"as_of": pd.to_datetime(["2017-09-30", "2022-10-31"]),
                       "value": [79.9, 81.3], "series": "BHYT — Bình Phước"})
    ax = plotting.line(df, "as_of", "value", "series", pct=True)
    lo, hi = ax.get_ylim()
    assert hi - lo >= plotting.MIN_PCT_SPAN and lo <= 79.9 and hi >= 81.3
    plt.close(ax.figure)
    low = plotting.line(df.assign(value=[1.2, 1.5]), "as_of", "value", "series", pct=True)
    assert low.get_ylim()[0] == 0.0  # never below zero
    plt.close(low.figure)


def test_a_percentage_axis_stops_at_100() -> None:
    """Quảng Nam BHYT 96.8 % (one point) sat in a ten-point span read up to 102 %: a
    coverage cannot pass 100 %, so no tick above 100 % is drawn (the span stays ten)."""
    import matplotlib.pyplot as plt

    df = pd.DataFrame({"as_of": pd.to_datetime(["2023-12-31"]), "value": [96.8],
                       "series": "BHYT — Quảng Nam"})
    ax = plotting.line(df, "as_of", "value", "series", pct=True)
    lo, hi = ax.get_ylim()
    assert hi - lo >= plotting.MIN_PCT_SPAN and lo <= 96.8
    assert 100.0 <= hi <= 100.0 + plotting.PCT_HEADROOM * (hi - lo) + 1e-9
    assert max(t for t in ax.get_yticks() if lo <= t <= hi) <= 100.0
    plt.close(ax.figure)
    many = df.assign(value=[99.6])  # at 100 % itself the point is drawn whole
    ax = plotting.line(pd.concat([many, many.assign(
        as_of=pd.Timestamp("2021-12-31"), value=70.0)]), "as_of", "value", "series", pct=True)
    lo, hi = ax.get_ylim()
    assert 99.6 < hi <= 100.0 + plotting.PCT_HEADROOM * (hi - lo) + 1e-9
    assert max(t for t in ax.get_yticks() if lo <= t <= hi) <= 100.0
    plt.close(ax.figure)


def test_national_table_puts_a_years_partial_rows_in_date_order() -> None:
    """"2025 (đến 30/11/2025)" came before "2025 (đến 30/4/2025)": sorted by label."""
    nat = reports.NationalReport(lang="vi")
    yearly = nat.yearly_table()
    shown = nat.wide(yearly)[nat.t("year")].tolist()
    part = yearly[yearly["period"] == "partial"].drop_duplicates("as_of").sort_values("as_of")
    want = [f"{d.year} ({nat.t('until_date', date=i18n.fmt_date(d, 'vi'))})"
            for d in part["as_of"]]
    assert len(want) >= 2 and [r for r in shown if "(" in r] == want


def test_a_split_panel_names_the_scheme_of_each_part() -> None:
    """Hồ Chí Minh (2025) drew five panels all titled "Số người tham gia bảo hiểm": a panel
    split by scheme says which scheme each part holds."""
    import matplotlib.pyplot as plt

    keys = [f"{s} — {p}" for s in ("BHXH", "BHYT") for p in ("A", "B", "C")]
    df = pd.DataFrame({"series": keys, "as_of": pd.to_datetime(["2021-12-31"] * 6),
                       "value": [1.0] * 6, "panel": "Số người tham gia bảo hiểm"})
    fig = plotting.panels(df, x="as_of", y="value", hue="series", panel="panel")
    assert [ax.get_title(loc="left") for ax in fig.axes] == [
        "Số người tham gia bảo hiểm: BHXH", "Số người tham gia bảo hiểm: BHYT"]
    plt.close(fig)


def test_a_small_change_of_a_count_is_drawn_small() -> None:
    """Hồ Chí Minh (2025): BHXH bắt buộc of Bà Rịa - Vũng Tàu 203.8 → 199.5 thousand (−2 %)
    filled its panel (axis 199–204) like a collapse; a count axis spans at least
    MIN_COUNT_SPAN of its top, as a percentage axis spans MIN_PCT_SPAN points."""
    import matplotlib.pyplot as plt

    df = pd.DataFrame({"series": "BHXH bắt buộc — Bà Rịa - Vũng Tàu",
                       "as_of": pd.to_datetime(["2019-12-31", "2021-12-31"]),
                       "value": [203_850.0, 199_511.0], "panel": "Số người tham gia"})
    fig = plotting.panels(df, x="as_of", y="value", hue="series", panel="panel",
                          ylabel="Nghìn người", scale=1000.0)
    lo, hi = fig.axes[0].get_ylim()
    assert hi - lo >= plotting.MIN_COUNT_SPAN * 203.85 and lo >= 0
    assert lo <= 199.511 and hi >= 203.85
    plt.close(fig)
    wide = df.assign(value=[100_000.0, 200_000.0])  # a real change keeps its own axis
    fig = plotting.panels(wide, x="as_of", y="value", hue="series", panel="panel",
                          scale=1000.0)
    assert fig.axes[0].get_ylim()[0] > 50
    plt.close(fig)


def test_national_participants_one_panel_per_scheme_on_one_time_axis() -> None:
    """Voluntary BHXH (0.006–2.3 M) was a flat line at zero beside BHYT (98 M) on one
    axis; each scheme now has its panel, in the package's order, years lined up, and no
    legend repeating the panel's title."""
    import matplotlib.pyplot as plt

    nat = reports.NationalReport(lang="en")
    part = nat.yearly_table("participants")
    year_end = part[part["period"] == "year_end"]
    fig = plotting.panels(year_end, x="year", y="value", hue="scheme", panel="scheme",
                          lang="en", scale=1e6, height=2.0, sharex=True)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[:3] == [i18n.indicator_label(f"{s}_participants", "en").split(":")[0]
                          for s in ("bhxh", "bhxh_compulsory", "bhxh_voluntary")]
    assert len({ax.get_xlim() for ax in fig.axes}) == 1
    # no legend names the panel's one series; a legend says only what a bound figure's
    # triangle means (wp-left18: "gần 16 triệu", "trên 18.260.000")
    bounds = {i18n.t(f"chart_bound_{s}", "en") for s in ("lower", "upper")}
    for ax in fig.axes:
        said = [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else []
        assert set(said) <= bounds, (ax.get_title(loc="left"), said)
    assert plotting.overlapping_texts(fig) == []
    plt.close(fig)


def test_shared_time_axis_keeps_every_panels_years() -> None:
    """A panel with one date set a ±2-year span on the axis every panel shares, cutting
    BHYT's 2016–2024 line to 2023–2027; coverage panels follow the schemes' order."""
    import matplotlib.pyplot as plt

    nat = reports.NationalReport(lang="en")
    cov = nat.coverage_with_targets()
    fig = plotting.panels(cov, x="year", y="value", hue="series", panel="scheme", pct=True,
                          targets=[nat.t("target_points")], lang="en", sharex=True)
    lo, hi = fig.axes[0].get_xlim()
    assert lo <= cov["year"].min() and hi >= cov["year"].max()
    assert fig.axes[0].get_title(loc="left") == i18n.indicator_label(
        "bhxh_coverage_pct", "en").split(":")[0]
    plt.close(fig)


@pytest.mark.parametrize("points", [3, 1])  # a line's markers, a sparse series' dot
def test_a_target_of_the_same_value_leaves_its_point_visible(points: int) -> None:
    """The national BHYT coverage of 2020–2025 sat under its targets' solid red dashes
    (91.0 % against 91 %): the reader saw targets only. The figure shows inside the
    target's hollow ring, and the ring round it."""
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt
    import numpy as np

    years = [2020, 2021, 2022][:points] if points > 1 else [2021]
    values = [90.0, 91.0, 92.0][:points] if points > 1 else [91.0]
    df = pd.DataFrame({"year": years + [2021], "value": values + [91.0],
                       "series": ["Tỷ lệ bao phủ"] * len(years) + ["Mục tiêu"]})
    fig = plotting.panels(df, x="year", y="value", hue="series", pct=True,
                          targets=["Mục tiêu"], title="BHYT")
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[:, :, :3].astype(float)
    ax = fig.axes[0]
    cx, cy = ax.transData.transform((2021, 91.0))
    row, col = int(round(img.shape[0] - cy)), int(round(cx))

    def near(rgb: str, radius: int) -> bool:
        want = np.array(mcolors.to_rgb(rgb)) * 255
        box = img[row - radius:row + radius + 1, col - radius:col + radius + 1]
        return bool((np.abs(box - want).sum(axis=2) < 60).any())

    assert near(plotting.PALETTE[0], 1), "the figure is hidden under its target"
    assert near(plotting.TARGET_COLOR, 10), "no target drawn round the figure"
    assert plotting.overlapping_texts(fig) == []
    plt.close(fig)


def test_the_index_says_when_a_province_has_only_plans(bundle, tmp_path) -> None:
    # Bình Định and Bắc Ninh showed "–" under key figures although their reports hold
    # Decision 546's coverage plans: the index says the figures are plans only.
    import json

    from bhxh_analysis.reports.index import write_index

    plan = _obs([("q-1", "tvpl", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng",
                  "2025-12-31", "bhyt_plan_coverage_pct", 95.0, "pct", "95%")])
    for lang in ("vi", "en"):
        summary = reports.ProvinceReport("Lâm Đồng", lang=lang,
                                         bundle=_bundle(plan)).summary()
        assert summary["key_figures"] == [] and summary["only_plans"]
        row = {"province": "Lâm Đồng", "status": "ok", "error": "", "data_checksum": "ab" * 32,
               "parameters": json.dumps({"province": "Lâm Đồng", "boundaries": "legacy",
                                         "lang": lang})}
        page = write_index(tmp_path, [row], {"Lâm Đồng": summary}, lang=lang)
        assert i18n.t("index_only_plans", lang) in page.read_text(encoding="utf-8")
    assert not reports.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle).summary()["only_plans"]


def test_the_index_shows_the_outcome_beside_a_forecast_of_a_year_already_over(bundle) -> None:
    # The index read "Hà Tĩnh: BHXH bắt buộc, 31/12/2023: 93.600 (khoảng 80%: …)" as if
    # 2023 were still to come; the page itself shows the published 93.868 beside it.
    ends = _obs([(f"k-{i}", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi",
                  "2020-12-31", ind, v, "persons", "") for i, (ind, v) in enumerate(
                      [("bhyt_participants", 497000.0), ("bhxh_voluntary_participants", 4500.0),
                       ("bhyt_household_participants", 70000.0)])])
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Kon Tum", lang=lang, year=2020,
                                     bundle=_bundle(pd.concat([bundle.obs, ends])))
        good = rpt.forecast_table()
        good = good[good["status"].eq("ok")].iloc[0]
        text = rpt.summary()["forecast"]["text"]
        assert i18n.fmt_number(good["actual"], lang) in text
        assert text.startswith(i18n.indicator_label(good["indicator"], lang))


def test_a_year_already_over_is_forecast_from_its_last_figure_before_31_december(
        bundle) -> None:
    # Hà Nam 2019 said "the 31 December figure is already published; nothing to forecast"
    # for every series although a June figure was there: the report year was chosen for
    # its plan and within-year figure, then the forecast section ignored that figure.
    year_end = _obs([("k-9", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi",
                      "2020-12-31", "bhyt_participants", 497000.0, "persons", "497.000")])
    rpt = reports.ProvinceReport("Kon Tum", lang="en", year=2020,
                                 bundle=_bundle(pd.concat([bundle.obs, year_end])))
    fc = rpt.forecast_table()
    row = fc[fc["indicator"].eq("bhyt_participants")].iloc[0]
    assert row["status"] == "ok" and row["as_of"] == pd.Timestamp("2020-06-30")
    assert row["last_value"] == 485900.0 and row["actual"] == 497000.0
    # the outcome does not leak into the forecast made before it was known
    blind = reports.ProvinceReport("Kon Tum", lang="en", year=2020, bundle=bundle)
    fc0 = blind.forecast_table()
    before = fc0[fc0["indicator"].eq("bhyt_participants")].iloc[0]
    assert pd.isna(before["actual"])
    assert (before["forecast"], before["lo80"], before["hi95"]) == (
        row["forecast"], row["lo80"], row["hi95"])
    where = ("inside the forecast's 80% interval" if row["lo80"] <= 497000 <= row["hi80"]
             else "inside its 95% interval" if row["lo95"] <= 497000 <= row["hi95"]
             else "95% interval")
    said = [s for s in rpt.forecast_notes() if "the year is over" in s]
    assert len(said) == 1 and "497,000" in said[0] and where in said[0], said
    assert "30 Jun 2020" in said[0]
    ax = plotting.fan_chart(rpt.forecast_history(row), row.to_frame().T,
                            plan=row["plan"], as_of=row["as_of"], lang="en")
    assert "Published 31 December figure: 497,000" in [
        t.get_text() for t in ax.get_legend().get_texts()]
    # a table without any outcome has no outcome column
    assert "Actual 31 December" not in table_html(blind.forecast_table(), "en")
    assert "Actual 31 December" in table_html(rpt.forecast_table(), "en")


def test_prior_and_outcome_pick_the_last_figure_before_31_december_and_the_outcome() -> None:
    """One rule for the province and the national forecast of a year already over."""
    rows = pd.DataFrame({
        "as_of": pd.to_datetime(["2022-12-31", "2023-06-30", "2023-09-30", "2023-09-30",
                                 "2023-12-31", "2023-12-31"]),
        "obs_id": ["a", "b", "d", "c", "f", "e"],
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    })
    prior, outcome = report_data.prior_and_outcome(rows, 2023)
    # ties: the forecaster's figure (no sources here: the first obs_id, both ways)
    assert (prior["obs_id"], outcome["obs_id"]) == ("c", "e")
    prior, _ = report_data.prior_and_outcome(rows, 2023, as_of=pd.Timestamp("2023-07-31"))
    assert prior["value"] == 2.0
    prior, outcome = report_data.prior_and_outcome(rows, 2022)
    assert prior is None and outcome["value"] == 1.0
    assert report_data.prior_and_outcome(rows.iloc[1:4], 2023)[1] is None


def test_a_city_named_as_its_province_is_labelled_by_its_full_name() -> None:
    # The city of Ninh Bình (a district, merged into Thành phố Hoa Lư on 1/1/2025) and
    # the province share the name; its rows were labelled "Ninh Bình" beside the
    # province's, and the place column was dropped as if every row were one place.
    obs = _obs([
        ("p-1", "seed000", "37", "Ninh Bình", "province", "legacy", "Ninh Bình",
         "2019-07-31", "bhxh_compulsory_participants", 124581.0, "persons", "124.581"),
        ("c-1", "seed000", "369", "Ninh Bình", "district", "legacy", "Ninh Bình",
         "2024-05-15", "bhxh_participants", 25729.0, "persons", "25.729")])
    rpt = reports.ProvinceReport("Ninh Bình", lang="vi", bundle=_bundle(obs))
    places = rpt.headline_table().set_index("geo_level")["place"]
    assert places["province"] == "Ninh Bình"
    assert places["district"] == "Thành phố Ninh Bình"
    assert "Thành phố Ninh Bình" in _html(rpt.headline_table(), "vi")
