"""Notebook executions through papermill (slow): defaults, the Lâm Đồng report, batch runs.

Every rendered report (all provinces, vi and en, the national reports) is scanned in
``test_notebooks_every.py``, a module of its own so the two run on different workers.

Everything runs in a temporary ``BHXH_HOME`` holding a copy of ``data/raw`` and
``notebooks/`` (processed data are built there once), so the tests neither read
``../shared`` nor touch the checkout's ``data/processed``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from bhxh_analysis import reports
from bhxh_analysis.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def session(home):
    """One warm kernel shared by the notebook tests (as a batch worker has)."""
    s = reports.KernelSession(warm=True)
    yield s
    s.close()


def _errors(nb) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


@pytest.mark.parametrize("name", sorted(reports.NOTEBOOKS.values()))
def test_every_notebook_runs_with_its_defaults(home, session, name, tmp_path) -> None:
    template = nbformat.read(home / "notebooks" / name, as_version=4)
    tags = [c.metadata.get("tags", []) for c in template.cells if c.cell_type == "code"]
    assert "parameters" in tags[0], "first code cell must be tagged parameters"
    nb = session.execute(template, tmp_path / name, {})
    assert _errors(nb) == []
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)  # every cell ran, fresh outputs
    assert any(c.get("outputs") for c in code)


def test_2025_report_covers_the_legacy_parts(home, session, tmp_path) -> None:
    task = reports.province_task("Quảng Ngãi", boundaries="2025", lang="en", out_dir=tmp_path)
    nb = session.execute(nbformat.read(home / "notebooks" / task.notebook, as_version=4),
                         tmp_path / f"{task.slug}.ipynb", task.parameters)
    assert _errors(nb) == []
    page, _ = reports.html_exporter().from_notebook_node(nb)
    # Legacy Kon Tum's seed figure (485,9 ngàn BHYT participants) is part of Quảng Ngãi now.
    assert "485,900" in page and "Kon Tum" in page
    assert "made of the legacy provinces: Kon Tum, Quảng Ngãi" in page


def test_kernel_is_this_interpreter_and_namespace_is_reset(session, tmp_path) -> None:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    params = nbformat.v4.new_code_cell("marker = 0")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params,
                nbformat.v4.new_code_cell("import sys\nprint(sys.executable)\n"
                                          "print('leftover' in dir())\nleftover = marker")]
    first = session.execute(nb, tmp_path / "a.ipynb", {"marker": 1})
    second = session.execute(nb, tmp_path / "b.ipynb", {"marker": 2})
    for run in (first, second):
        text = run.cells[-1].outputs[0]["text"].split()
        assert os.path.realpath(text[0]) == os.path.realpath(sys.executable)
        assert text[1] == "False"  # nothing leaks from the previous notebook
    injected = [c for c in second.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "marker = 2" in injected[0].source
    assert second.cells[0].execution_count == 1  # a new session for each notebook


def test_kernel_does_not_need_a_registered_kernelspec(home, monkeypatch) -> None:
    # As in a fresh venv without `ipykernel install`: every kernelspec lookup fails, which is
    # where papermill's own engine raises NoSuchKernel. The runner must not look one up.
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def no_spec(self, kernel_name):
        raise NoSuchKernel(kernel_name)

    monkeypatch.setattr(KernelSpecManager, "get_kernel_spec", no_spec)
    s = reports.KernelSession(warm=False)
    try:
        s._run_silent(f"import sys\nassert sys.executable == {sys.executable!r}, sys.executable")
    finally:
        s.close()


@pytest.fixture(scope="module")
def lam_dong(home, tmp_path_factory):
    out = tmp_path_factory.mktemp("ld")
    res = CliRunner().invoke(main, ["report", "province", "--province", "Lâm Đồng",
                                    "--boundaries", "legacy", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_lam_dong_report_shows_the_seed_figures_without_code(lam_dong) -> None:
    page = (lam_dong / "lam-dong-legacy-vi.html").read_text(encoding="utf-8")
    assert "190.863" in page and "168.596" in page
    assert "83,23%" in page
    year = re.search(r"Năm báo cáo: (\d{4})", page)[1]  # the forecast heading says it too
    assert f"<h2>Dự báo đến 31/12/{year}</h2>" in page
    assert "ProvinceReport(" not in page and "import " not in page  # no code cells
    assert "class=\"jp-InputArea" not in page and "In&nbsp;[" not in page
    nb = nbformat.read(lam_dong / "lam-dong-legacy-vi.ipynb", as_version=4)
    assert _errors(nb) == []
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert "parameters" in tags and "injected-parameters" in tags
    assert nb.metadata["papermill"]["parameters"]["province"] == "Lâm Đồng"


def test_html_renders_in_headless_chromium(lam_dong, tmp_path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium not installed")
    png = tmp_path / "shot.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", f"--screenshot={png}",
                        "--window-size=1280,3000",
                        (lam_dong / "lam-dong-legacy-vi.html").as_uri()],
                       capture_output=True, timeout=120, check=False)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # A blank page compresses to a few kB; tables and charts do not.
    assert len(data) > 100_000


def test_report_all_records_failures_and_reruns_only_them(home, tmp_path, monkeypatch) -> None:
    out = tmp_path / "all"
    names = "Lâm Đồng,Kon Tum,Lạng Sơn"
    monkeypatch.setenv(reports.FAIL_ENV, "Kon Tum")  # fails inside the kernel
    res = CliRunner().invoke(main, ["report", "all", "--jobs", "2", "--provinces", names,
                                    "--out", str(out), "--no-progress"])
    assert res.exit_code == 1, res.output
    rows = {r["province"]: r for r in reports.read_manifest(out)}
    assert list(next(csv.reader(open(out / "manifest.csv", encoding="utf-8")))) == \
        reports.MANIFEST_COLUMNS
    assert set(rows) == {"Lâm Đồng", "Kon Tum", "Lạng Sơn"}
    assert rows["Kon Tum"]["status"] == "failed" and "injected-failure" in rows["Kon Tum"]["error"]
    assert rows["Lâm Đồng"]["status"] == rows["Lạng Sơn"]["status"] == "ok"
    assert json.loads(rows["Lâm Đồng"]["parameters"])["boundaries"] == "legacy"
    assert len(rows["Lâm Đồng"]["data_checksum"]) == 64
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="lam-dong-legacy-vi.html"' in index
    first = reports.ProvinceReport("Lâm Đồng", lang="vi").summary()["key_figures"][0]
    assert first["text"] in index  # the index shows the report's own key figures
    assert (out / "lang-son-legacy-vi.html").exists()
    assert not (out / "kon-tum-legacy-vi.html").exists()

    monkeypatch.delenv(reports.FAIL_ENV)
    res = CliRunner().invoke(main, ["report", "all", "--only-failed", "--out", str(out),
                                    "--no-progress"])
    assert res.exit_code == 0, res.output
    again = {r["province"]: r for r in reports.read_manifest(out)}
    assert all(r["status"] == "ok" for r in again.values())
    assert again["Lâm Đồng"] == rows["Lâm Đồng"]  # not re-run
    assert again["Kon Tum"]["seconds"] != "" and (out / "kon-tum-legacy-vi.html").exists()
    assert "1/1 reports ok" in res.output
