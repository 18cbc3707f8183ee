"""Notebook executions through papermill (slow): defaults, the Lâm Đồng report, batch runs.

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
from bhxh_analysis.schema import SCHEMES

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


def test_english_report_uses_english_numbers(every_report) -> None:
    # The batch's English Lâm Đồng page (the task ``province_task("Lâm Đồng", lang="en")``).
    page = (every_report / "legacy-en" / "lam-dong-legacy-en.html").read_text(encoding="utf-8")
    assert "190,863" in page and "168,596" in page and "Headline figures" in page
    assert "190.863" not in page


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


@pytest.fixture(scope="module")
def national(home, tmp_path_factory):
    """``bhxh report national`` in both languages, rendered once for the module."""
    out = tmp_path_factory.mktemp("national")
    for lang in ("vi", "en"):
        res = CliRunner().invoke(main, ["report", "national", "--lang", lang,
                                        "--out", str(out)])
        assert res.exit_code == 0, res.output
    return out


def test_report_national_cli(national) -> None:
    page = (national / "national-trends-en.html").read_text(encoding="utf-8")
    assert "Participants by scheme" in page and "Resolution 28-NQ/TW" in page  # instrument in English
    forecast = (national / "forecast-report-viet-nam-en.html").read_text(encoding="utf-8")
    assert "80% interval" in forecast and "Backtest skill" in forecast


# ----------------------------------------------------------------------------- every report


@pytest.fixture(scope="module")
def every_report(home, national, tmp_path_factory):
    """Every province report (vi and en, --scope any; 2025 in vi) and the national reports
    (those of the ``national`` fixture, rendered once for the module)."""
    out = tmp_path_factory.mktemp("every")
    runs = [("legacy", "vi"), ("legacy", "en"), ("2025", "vi")]
    for boundaries, lang in runs:
        res = CliRunner().invoke(main, ["report", "all", "--scope", "any", "--boundaries",
                                        boundaries, "--lang", lang, "--jobs", "2",
                                        "--out", str(out / f"{boundaries}-{lang}"),
                                        "--no-progress"])
        assert res.exit_code == 0, res.output
    shutil.copytree(national, out / "national")
    return out


def test_every_report_is_rendered_for_all_provinces(every_report) -> None:
    names = {p.name for p in (every_report / "legacy-vi").glob("*.html")}
    assert len(names) >= 63 + 1  # the 63 provinces (and former Hà Tây) and the index
    assert len(list((every_report / "2025-vi").glob("*.html"))) == 34 + 1


def test_no_internal_text_in_any_rendered_report(every_report) -> None:
    from test_reports import internal_text

    pages = sorted(every_report.rglob("*.html"))
    assert len(pages) > 150
    bad = {p.name: found[:3] for p in pages if (found := internal_text(p.read_text("utf-8")))}
    assert bad == {}


def test_no_brackets_inside_brackets_in_any_rendered_report(every_report) -> None:
    """Outlets' names carry brackets of their own; no sentence wraps them in more."""
    from test_reports import nested_brackets

    pages = sorted(every_report.rglob("*.html"))
    bad = {p.name: found[:2] for p in pages if (found := nested_brackets(p.read_text("utf-8")))}
    assert bad == {}


def test_every_page_is_titled_by_its_heading(every_report) -> None:
    """The browser tab and bookmarks show the page's heading, not a file or task name."""
    import html
    import re

    def words(fragment: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())

    wrong = {}
    for page in sorted(every_report.rglob("*.html")):
        text = page.read_text("utf-8")
        title = re.search(r"<title>(.*?)</title>", text, flags=re.S)
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, flags=re.S)
        if title is None or (heading is not None and words(title[1]) != words(heading[1])):
            wrong[page.name] = (title and words(title[1]), heading and words(heading[1]))
    assert wrong == {}


def test_reports_agree_with_each_other(every_report) -> None:
    """vi and en pages of a province show the same figures; a gap sentence never denies a
    scheme the headline table shows."""
    from test_reports import visible_text

    from bhxh_analysis import i18n

    for vi_page in sorted((every_report / "legacy-vi").glob("*-legacy-vi.html")):
        en_page = every_report / "legacy-en" / vi_page.name.replace("-vi.html", "-en.html")
        vi, en = visible_text(vi_page.read_text("utf-8")), visible_text(en_page.read_text("utf-8"))
        # the same tables and charts in both languages: as many rows and images
        vi_html, en_html = vi_page.read_text("utf-8"), en_page.read_text("utf-8")
        for tag in ("<tr>", "<img "):
            assert vi_html.count(tag) == en_html.count(tag), (vi_page.name, tag)
        for lang, text in (("vi", vi), ("en", en)):
            head = i18n.t("gap_missing_schemes", lang, labels="")[:-1]
            table_part = text.split(i18n.t("gaps", lang))[0]
            for sentence in re.findall(re.escape(head) + r"[^.]*\.", text):
                named = sentence.split(head, 1)[1]
                for family in ("bhxh", "bhtn", "bhyt"):
                    if i18n.scheme_label(family, lang) not in named.split(", "):
                        continue
                    members = [s for s in SCHEMES if s.startswith(family)]
                    shown = [m for m in members if f"{i18n.scheme_label(m, lang)}: " in table_part]
                    assert shown == [], (vi_page.name, sentence, shown)
