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

from bhxh_analysis import i18n, plotting, report_data, reports
from bhxh_analysis.cli import main

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


def test_charts_are_png_in_one_style() -> None:
    chart = plotting.bar_chart(["Đắk Lắk", "Thừa Thiên Huế"], [83.23, 68.9], title="BHYT",
                               xlabel="%", lang="vi", markers=[90.0, None], marker_label="Mục tiêu")
    assert chart.png[:8] == b"\x89PNG\r\n\x1a\n" and len(chart.png) > 5000
    line = plotting.line_chart({"Lâm Đồng": [(2018, 1.0), (2019, 2.0)]}, title="t", ylabel="y",
                               lang="en")
    assert line._repr_png_() == line.png
    assert plotting.style()["font.family"] == "DejaVu Sans"


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
    km = reports._kernel_manager_class()(kernel_name="python3")
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


@pytest.fixture(scope="module")
def bundle() -> report_data.Bundle:
    obs = _obs([
        ("s0-03", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_participants", 190863.0, "persons", "190.863"),
        ("s0-04", "seed000", "672", "Đà Lạt", "district", "legacy", "Lâm Đồng", "2020-07-31",
         "bhyt_coverage_pct", 83.23, "pct", "83,23%"),
        ("s3-03", "seed003", "679", "Đức Trọng", "district", "legacy", "Lâm Đồng", "2023-08-31",
         "bhyt_participants", 168596.0, "persons", "168.596"),
        ("p-1", "gso", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2018-12-31",
         "population", 1312000.0, "persons", "1.312,00"),
        ("p-2", "gso", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-12-31",
         "population", 1321700.0, "persons", "1.321,70"),
        ("k-1", "seed004", "62", "Kon Tum", "province", "legacy", "Quảng Ngãi", "2020-06-30",
         "bhyt_participants", 485900.0, "persons", "485,9 ngàn"),
    ])
    sources = pd.DataFrame({"source_id": ["seed000", "seed003", "seed004", "gso"],
                            "publisher": ["Báo Lâm Đồng"] * 2 + ["Kon Tum portal", "GSO"],
                            "title": ["a", "b", "c", "d"], "address": [""] * 4,
                            "published_date": [""] * 4})
    targets = pd.DataFrame({"target_id": ["t1"], "source_id": ["x"], "instrument": ["QĐ 546"],
                            "geo_name": ["Việt Nam"], "indicator": ["bhyt_coverage_pct"],
                            "year": [2023], "value": [93.2]})
    return report_data.Bundle(obs, None, None, None, sources, targets, "")


def test_headline_has_the_seed_figures_in_both_languages(bundle) -> None:
    vi = report_data.ProvinceReport("Lâm Đồng", lang="vi", bundle=bundle)
    html_vi = vi.headline()._repr_mimebundle_()["text/html"]
    assert "190.863" in html_vi and "168.596" in html_vi and "83,23%" in html_vi
    en = report_data.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle)
    html_en = en.headline()._repr_mimebundle_()["text/html"]
    assert "190,863" in html_en and "168,596" in html_en and "83.23%" in html_en
    assert vi.year == 2023  # latest year with an insurance figure
    assert "Kon Tum" not in html_vi  # another province's figures stay out


def test_cutoff_hides_later_figures(bundle) -> None:
    rpt = report_data.ProvinceReport("Lâm Đồng", as_of="2021-01-01", bundle=bundle)
    html = rpt.headline().body
    assert "190.863" in html and "168.596" not in html
    assert rpt.year == 2020


def test_coverage_compares_with_the_policy_target(bundle) -> None:
    body = report_data.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle).coverage().body
    assert "83.23%" in body and "93.2%" in body and "-9.97" in body
    assert "data:image/png;base64," in body


def test_gaps_and_boundaries_are_said_plainly(bundle) -> None:
    rpt = report_data.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle)
    gaps = " ".join(rpt.gap_sentences())
    assert "No figures at all for" in gaps and "BHTN" in gaps
    assert "No published plan" in gaps
    assert "Population: series 2018–2020, missing 2019." in gaps
    kon_tum = report_data.ProvinceReport("Kon Tum", lang="en", bundle=bundle)
    assert "part of Quảng Ngãi" in " ".join(kon_tum.boundary_sentences())
    new = report_data.ProvinceReport("Lâm Đồng", boundaries="2025", lang="en", bundle=bundle)
    note = " ".join(new.boundary_sentences())
    assert "Bình Thuận" in note and "Đắk Nông" in note and "never summed" in note


def test_2025_report_covers_every_legacy_part(bundle) -> None:
    rpt = report_data.ProvinceReport("Quảng Ngãi", boundaries="2025", lang="vi", bundle=bundle)
    assert "485.900" in rpt.headline().body  # legacy Kon Tum's figure, now Quảng Ngãi
    assert report_data.legacy_parts(rpt.unit) == ["Kon Tum", "Quảng Ngãi"]


def test_provinces_with_data(bundle) -> None:
    assert report_data.provinces_with_data("legacy", bundle=bundle) == ["Kon Tum", "Lâm Đồng"]
    assert report_data.provinces_with_data("2025", bundle=bundle) == ["Lâm Đồng", "Quảng Ngãi"]


def test_summary_is_json_for_the_index(bundle) -> None:
    rpt = report_data.ProvinceReport("Lâm Đồng", bundle=bundle)
    bundle_out = rpt.header()._repr_mimebundle_()
    summary = bundle_out[report_data.SUMMARY_MIME]
    assert json.loads(json.dumps(summary)) == summary
    assert summary["province"] == "Lâm Đồng" and summary["key_figures"]


def test_index_and_manifest_format(tmp_path) -> None:
    params = {"province": "Lâm Đồng", "boundaries": "legacy", "year": None, "as_of": None,
              "lang": "vi"}
    rows = [{"province": "Lâm Đồng", "status": "failed", "seconds": "1.00",
             "error": "boom <script>", "parameters": json.dumps(params), "data_checksum": "ab",
             "package_version": "0"}]
    path = reports.write_index(tmp_path, rows, {"Lâm Đồng": None}, "vi")
    page = path.read_text(encoding="utf-8")
    assert "boom &lt;script&gt;" in page and "lam-dong-legacy-vi.ipynb" in page
    assert reports.MANIFEST_COLUMNS == ["province", "status", "seconds", "error", "parameters",
                                        "data_checksum", "package_version"]
    (tmp_path / "manifest.csv").write_text(
        ",".join(reports.MANIFEST_COLUMNS) + "\n", encoding="utf-8")
    assert reports.read_manifest(tmp_path) == []
    with open(tmp_path / "manifest.csv", newline="") as fh:
        assert next(csv.reader(fh)) == reports.MANIFEST_COLUMNS


def test_trends_mix_yearly_and_within_year_series(bundle) -> None:
    extra = _obs([
        ("m-1", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-03-31",
         "bhyt_participants", 1.0e6, "persons", "1.000.000"),
        ("m-2", "seed000", "68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "2020-06-30",
         "bhyt_participants", 1.1e6, "persons", "1.100.000"),
    ])
    mixed = report_data.Bundle(pd.concat([bundle.obs, extra], ignore_index=True), None, None,
                               None, bundle.sources, bundle.targets, "")
    body = report_data.ProvinceReport("Lâm Đồng", bundle=mixed).trends().body
    assert body.count("data:image/png;base64,") == 1  # one chart of counts, both series on it
