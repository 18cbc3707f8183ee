"""Every rendered report (issue 14): each province page, vi and en, ``--scope any``, the 2025
pages and the national reports, rendered once per test run and scanned as a reader sees
them (slow).

Split from ``test_notebooks.py`` so that ``pytest -n auto --dist loadfile`` runs these
renders on other workers than the other notebook tests; the English batch is rendered by
``test_notebooks_en`` on a second worker meanwhile (``conftest.render_batch`` shares it,
``conftest.LONG_MODULES`` starts the three modules first). Everything runs in the
session's built temporary ``BHXH_HOME`` (the ``home`` fixture).
"""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import render_batch

from bhxh_analysis.cli import main
from bhxh_analysis.schema import SCHEMES

pytestmark = pytest.mark.slow


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
def every_report(home, national, shared_renders):
    """Every province report (vi and en, --scope any; 2025 in vi) and the national reports
    (those of the ``national`` fixture, rendered once for the module).

    The batches go to the run's shared folder (``conftest.render_batch``): the English one
    is rendered by ``test_notebooks_en`` on another worker meanwhile, so it comes last
    here. The folder holds these four sets and nothing else with pages."""
    for boundaries, lang in [("legacy", "vi"), ("2025", "vi"), ("legacy", "en")]:
        render_batch(shared_renders, boundaries, lang)
    shutil.copytree(national, shared_renders / "national", dirs_exist_ok=True)
    return shared_renders


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
