"""District and commune reports (issue 16): units, tasks, synthetic labels, a batch."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from bhxh_analysis import reports
from bhxh_analysis.cli import main
from bhxh_analysis.reports.data import ReportParameterError
from bhxh_analysis.reports.unit import UnitReport, unit_task, units_of


def test_units_with_data_inside_a_province() -> None:
    assert units_of("Lâm Đồng", "district") == [("672", "Đà Lạt"), ("678", "Đức Trọng"),
                                                ("679", "Di Linh")]
    communes = units_of("Lâm Đồng", "commune")
    assert [c for c, _ in communes] == sorted(c for c, _ in communes) and len(communes) == 6
    assert len(units_of("Lâm Đồng", "commune", synthetic=True)) > len(communes)


@pytest.mark.parametrize("kwargs, message", [
    ({"code": "672", "level": "ward", "province": "Lâm Đồng"}, "unknown level"),
    ({"code": "99999", "level": "commune", "province": "Lâm Đồng"}, "no commune with code"),
    ({"code": "672", "level": "district", "province": "Lâm Đồng", "boundaries": "2025"},
     "districts were abolished"),
    ({"code": "672", "level": "district", "province": "Lâm Đongg"}, "did you mean"),
])
def test_bad_unit_parameters_are_refused_before_any_kernel(kwargs, message) -> None:
    with pytest.raises(ReportParameterError, match=message):
        unit_task(**kwargs)


def test_unit_task_parameters_and_slug() -> None:
    task = unit_task("24958", "commune", "lam dong", lang="en", synthetic=True)
    assert task.notebook == "unit_report.ipynb"
    assert task.parameters == {"code": "24958", "level": "commune", "province": "Lâm Đồng",
                               "boundaries": "legacy", "year": None, "as_of": None,
                               "lang": "en", "synthetic": True}
    assert task.slug == "lam-dong-commune-24958-legacy-synthetic-en"
    assert reports.index.report_slug(task.parameters) == task.slug


@pytest.mark.parametrize("lang, word", [("en", "synthetic data"), ("vi", "số liệu mô phỏng")])
def test_synthetic_report_says_synthetic_everywhere(lang, word) -> None:
    rpt = UnitReport("24958", "commune", "Lâm Đồng", lang=lang, synthetic=True)
    assert rpt.title.endswith(word)
    assert rpt.t("synthetic_none") not in rpt.subtitle()
    head = rpt.headline_table()
    assert len(head) and head["place"].str.contains(word, regex=False).all()
    assert head["source"].str.contains(word, regex=False).all()
    assert set(rpt.bundle.obs["source_id"]) == {"synthetic"}
    fc = rpt.forecast_table()
    assert (fc["status"] == "ok").any()  # the simulated year stops in September
    real = UnitReport("24958", "commune", "Lâm Đồng", lang=lang)
    assert not real.title.endswith(word) and rpt.t("synthetic_none") in real.subtitle()


def test_district_report_holds_its_communes_only() -> None:
    rpt = UnitReport("678", "district", "Lâm Đồng")
    obs = rpt.obs
    assert set(obs["geo_level"]) == {"district", "commune"}
    assert set(obs.loc[obs["geo_level"] == "district", "geo_code"]) == {"678"}
    assert rpt.coverage_table is not None and rpt.summary()["unit"] == "Đức Trọng"


def test_level_needs_a_province(tmp_path) -> None:
    res = CliRunner().invoke(main, ["report", "all", "--level", "commune", "--out",
                                    str(tmp_path)])
    assert res.exit_code == 2 and "--level commune needs --province NAME" in res.output
    res = CliRunner().invoke(main, ["report", "all", "--province", "Lâm Đồng", "--out",
                                    str(tmp_path)])
    assert res.exit_code == 2 and "--level district or commune" in res.output


@pytest.mark.slow
def test_district_batch_and_a_synthetic_commune_page(tmp_path) -> None:
    out = tmp_path / "districts"
    res = CliRunner().invoke(main, ["report", "all", "--level", "district", "--province",
                                    "Lâm Đồng", "--jobs", "1", "--lang", "en", "--out",
                                    str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    rows = {r["province"]: r for r in reports.read_manifest(out)}
    assert set(rows) == {"Đà Lạt (672)", "Đức Trọng (678)", "Di Linh (679)"}
    assert all(r["status"] == "ok" and r["worker"].startswith("local:") for r in rows.values())
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="lam-dong-district-678-legacy-en.html"' in index
    page = (out / "lam-dong-district-678-legacy-en.html").read_text(encoding="utf-8")
    assert "District report: Đức Trọng (Lâm Đồng)" in page and "SYNTHETIC" not in page

    renderer = reports.Renderer(warm=False)
    try:
        res = renderer.render(unit_task("24958", "commune", "Lâm Đồng", lang="en",
                                        synthetic=True, out_dir=tmp_path / "syn"))
    finally:
        renderer.close()
    assert res.status == "ok", res.error
    page = (tmp_path / "syn" / res.html).read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", page, flags=re.S))
    assert "SYNTHETIC DATA: every figure in this report is simulated" in text
    assert "Commune report: Liên Nghĩa (Lâm Đồng) — synthetic data" in text
    assert "nothing is simulated" not in text
