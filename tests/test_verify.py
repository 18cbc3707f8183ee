"""Provenance footer, deterministic reader HTML and ``bhxh report verify`` (issue 17, 2–3).

The fast tests need no kernel: the footer, the section comparison, the reader copy of a
notebook, the PNG bytes and the exit status 2 (checked before anything is rendered).
One slow test renders one small province in a temporary ``BHXH_HOME`` and runs
``report verify`` on it before and after a figure in the raw data changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import project_home

from bhxh_analysis import __version__, plotting, reports
from bhxh_analysis.cli import main
from bhxh_analysis.reports import runner
from bhxh_analysis.reports.render import PROVENANCE_MIME, Page, footer_html
from bhxh_analysis.reports.verify import first_difference, manifest_mismatches, sections

ROOT = Path(__file__).resolve().parent.parent
PROV = {"package_version": "9.9.9", "git_commit": "a" * 40, "data_checksum": "b" * 64,
        "lock_sha256": "c" * 64,
        "parameters": {"province": "Kon Tum", "boundaries": "legacy", "year": None,
                       "as_of": None, "lang": "vi"}}


class _Report:
    """Stands in for a report object: the footer reads only its selected observations."""

    def __init__(self, dates: list[str]) -> None:
        self.obs = pd.DataFrame({"as_of": pd.to_datetime(dates), "value": range(len(dates))})


# ----------------------------------------------------------------------------- footer


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_footer_states_provenance_in_the_report_language(lang) -> None:
    from test_reports import internal_text

    page = Page(lang, show=False)
    page.footer(PROV, _Report(["2020-06-30", "2022-07-01", "2019-12-31"]))
    text = page.html()
    assert internal_text(text) == []
    assert "9.9.9" in text
    assert f'<abbr title="{"b" * 64}">{"b" * 12}</abbr>' in text  # short, full in the title
    assert f'title="{"a" * 40}"' in text and f'title="{"c" * 64}"' in text
    assert ("1/7/2022" if lang == "vi" else "1 Jul 2022") in text  # the newest figure
    assert "Kon Tum" in text
    assert ("mặc định" if lang == "vi" else "default") in text  # year None, never "None"
    assert ("Nguồn gốc báo cáo" if lang == "vi" else "Provenance") in text
    assert page.blocks[-1].extra[PROVENANCE_MIME]["newest_figure"] == "2022-07-01"


def test_footer_says_when_there_is_no_git_checkout_or_lock() -> None:
    en = footer_html({**PROV, "git_commit": "", "lock_sha256": ""}, "en")
    vi = footer_html({**PROV, "git_commit": "", "lock_sha256": ""}, "vi")
    assert "not a git checkout" in en and "Dependency lock checksum (SHA-256): none" in en
    assert "không phải bản sao git" in vi


def test_footer_does_not_depend_on_when_it_is_rendered() -> None:
    pages = []
    for _ in range(2):
        page = Page("en", show=False)
        page.footer(PROV, _Report(["2021-03-31"]))
        pages.append(page.html())
    assert pages[0] == pages[1]
    changed = Page("en", show=False)
    changed.footer(PROV, _Report(["2021-04-30"]))  # the footer does follow the data
    assert changed.html() != pages[0]


def test_runner_appends_the_footer_to_report_notebooks_only() -> None:
    cell = runner.footer_cell("province_report.ipynb", PROV["parameters"])
    assert cell.id == runner.FOOTER_CELL_ID and cell.source.startswith("page.footer(")
    assert cell.source.endswith(", rpt)") and "'province': 'Kon Tum'" in cell.source
    assert runner.footer_cell("00_explore.ipynb", {}) is None
    prov = runner.provenance({"lang": "vi"})
    assert prov["package_version"] == __version__ and len(prov["data_checksum"]) in (0, 64)
    assert set(["git_commit", "lock_sha256", "newest_figure", "html_sha256"]) <= \
        set(reports.MANIFEST_COLUMNS)


# ----------------------------------------------------------------------------- determinism


def test_reader_copy_has_nothing_that_varies_between_runs() -> None:
    def executed(cell_id: str, seconds: str):
        nb = nbformat.v4.new_notebook()
        nb.metadata = {"kernelspec": {"name": "python3"},
                       "papermill": {"start_time": seconds, "input_path": "/tmp/x.ipynb"}}
        cell = nbformat.v4.new_code_cell("x = 1", execution_count=7)
        cell["id"] = cell_id
        cell["metadata"] = {"tags": ["injected-parameters"],
                            "papermill": {"duration": seconds},
                            "execution": {"iopub.execute_input": seconds}}
        cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="stderr-noise-qz"),
                        nbformat.v4.new_output("execute_result", {"text/plain": "1"},
                                               execution_count=7)]
        return nb

    exporter = runner.html_exporter()
    pages = [exporter.from_notebook_node(runner._reader_copy(executed(i, s)))[0]
             for i, s in (("2fa65a74", "2026-01-01T00:00:01"), ("4b98909e", "2026-02-02T10:00:00"))]
    assert pages[0] == pages[1]
    assert "2fa65a74" not in pages[0] and "/tmp" not in pages[0] and "stderr-noise-qz" not in pages[0]


def test_png_bytes_are_reproducible_and_carry_no_software_version() -> None:
    import matplotlib.pyplot as plt

    def chart():
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3], [3, 1, 2])
        return ax

    first, second = plotting.to_png(chart()), plotting.to_png(chart())
    assert first == second
    assert b"Software" not in first and b"matplotlib" not in first.lower()


# ----------------------------------------------------------------------------- comparison


def test_first_differing_section_is_named() -> None:
    def page(coverage: str, trend: str) -> str:
        return (f"<h1>Kon Tum</h1><p>sub</p><h2>Coverage</h2><p>{coverage}</p>"
                f"<h2>Trends</h2><p>{trend}</p>")

    assert [t for t, _ in sections(page("91%", "x"))] == ["Kon Tum", "Coverage", "Trends"]
    assert first_difference(page("91%", "x"), page("91%", "x")) == ""
    assert first_difference(page("91%", "x"), page("92%", "y")) == "Coverage"
    assert first_difference(page("91%", "x"), page("91%", "y")) == "Trends"
    assert first_difference("<h1>A</h1>", "<h1>B</h1>") == "A / B"


def test_manifest_mismatches_say_which() -> None:
    rows = [{"province": "Kon Tum", "data_checksum": "d" * 64, "package_version": __version__}]
    assert manifest_mismatches(rows, "d" * 64) == []
    found = manifest_mismatches(rows, "e" * 64, version="0.0.1")
    assert len(found) == 3 and found[2].endswith(": Kon Tum")
    assert found[0].startswith("data checksum differs") and "d" * 12 in found[0]
    assert found[1].startswith("package version differs") and "0.0.1" in found[1]


def _manifest(folder: Path, **values: str) -> None:
    row = {c: "" for c in reports.MANIFEST_COLUMNS}
    row.update(province="Kon Tum", status="ok", parameters=json.dumps(PROV["parameters"]),
               data_checksum=reports.ensure_data(), package_version=__version__,
               html_sha256="f" * 64)
    row.update(values)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=reports.MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)


@pytest.mark.parametrize(("field", "says"), [("data_checksum", "data checksum differs"),
                                             ("package_version", "package version differs")])
def test_verify_exits_2_before_rendering_when_data_or_package_differ(tmp_path, monkeypatch,
                                                                      field, says) -> None:
    _manifest(tmp_path / "out", **{field: "0" * 12})
    monkeypatch.setattr(runner, "Renderer", None)  # any attempt to render would fail loudly
    res = CliRunner().invoke(main, ["report", "verify", str(tmp_path / "out"), "--no-progress"])
    assert res.exit_code == 2, res.output
    assert says in res.output and "000000000000" in res.output


def test_pending_row_of_an_interrupted_batch_is_named_not_called_a_failure(tmp_path,
                                                                          monkeypatch) -> None:
    _manifest(tmp_path / "out", status="pending", html_sha256="")
    monkeypatch.setattr(runner, "Renderer", None)  # nothing is rendered for a pending row
    res = CliRunner().invoke(main, ["report", "verify", str(tmp_path / "out"), "--no-progress"])
    assert res.exit_code == 1, res.output
    assert "--only-failed" in res.output and "failed in the recorded run" not in res.output


def test_verify_without_a_manifest_is_an_error(tmp_path) -> None:
    res = CliRunner().invoke(main, ["report", "verify", str(tmp_path)])
    assert res.exit_code == 1 and "manifest.csv" in res.output


# ----------------------------------------------------------------------------- end to end


@pytest.fixture
def home(tmp_path):
    """A fresh project root per test (the test changes a raw figure)."""
    with project_home(tmp_path / "home") as root:
        yield root


def _change_a_figure(home: Path) -> None:
    """Kon Tum's voluntary participants of 30/6/2020: 4.294 → 4.394 (sidecar updated)."""
    raw = home / "data" / "raw" / "curated" / "observations_seeds.csv"
    text = raw.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("seed004-08,"))
    assert ",4.294," in line
    raw.write_text(text.replace(line, line.replace(",4.294,", ",4.394,")), encoding="utf-8")
    data = raw.read_bytes()
    meta = raw.with_name(raw.name + ".meta.yml")
    side = meta.read_text(encoding="utf-8")
    side = re.sub(r"(?m)^sha256: \w+$", f"sha256: {hashlib.sha256(data).hexdigest()}", side)
    side = re.sub(r"(?m)^bytes: \d+$", f"bytes: {len(data)}", side)
    meta.write_text(side, encoding="utf-8")


@pytest.mark.slow
def test_verify_passes_on_a_fresh_render_and_names_the_report_after_a_figure_changes(
        home, tmp_path) -> None:
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    cli = CliRunner()
    res = cli.invoke(main, ["report", "all", "--provinces", "Kon Tum", "--jobs", "1",
                            "--out", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    row = reports.read_manifest(out)[0]
    page = out / "kon-tum-legacy-vi.html"
    assert row["html_sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert row["git_commit"] == "" and row["newest_figure"] == "2022-07-01"
    text = page.read_text(encoding="utf-8")
    assert "Nguồn gốc báo cáo" in text and "không phải bản sao git" in text
    assert row["data_checksum"][:12] in text and str(home) not in text

    # A second render (a new kernel) gives the same bytes.
    res = cli.invoke(main, ["report", "verify", str(out), "--scratch", str(scratch),
                            "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "identical  Kon Tum" in res.output
    assert (scratch / page.name).read_bytes() == page.read_bytes()

    # A figure changes: the data checksum is no longer the manifest's.
    _change_a_figure(home)
    res = cli.invoke(main, ["report", "verify", str(out), "--no-progress"])
    assert res.exit_code == 2, res.output
    assert "data checksum differs" in res.output
    assert "cannot be reproduced with the current data and package: Kon Tum" in res.output

    # A manifest claiming the new data for the old page: re-rendered, it differs.
    current = reports.ensure_data()
    assert current != row["data_checksum"]
    rows = reports.read_manifest(out)
    rows[0]["data_checksum"] = current
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=reports.MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    res = cli.invoke(main, ["report", "verify", str(out), "--scratch", str(tmp_path / "again"),
                            "--no-progress"])
    assert res.exit_code == 1, res.output
    assert "DIFFERS    Kon Tum (kon-tum-legacy-vi.html): first differing section:" in res.output
