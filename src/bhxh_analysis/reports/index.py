"""Names and pages of a report batch: slugs, the summary a report shows, manifest, index.

Pure functions, no kernel: :mod:`.runner` uses them to name its outputs and to write
``<out>/index.html``; ``bhxh report verify`` reads the manifest back.
"""

from __future__ import annotations

import csv
import html
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__
from .data import SUMMARY_MIME

_SLUG_MAX = 80


def slugify(text: str) -> str:
    """Return a file-name-safe ASCII slug: diacritics stripped (đ→d), lowercase, ``[a-z0-9-]``.

    No slash, dot or quote can survive, so a slug can never leave its output folder.

    Examples
    --------
    >>> slugify("Lâm Đồng")
    'lam-dong'
    >>> slugify("../../etc/passwd")
    'etc-passwd'
    """
    text = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    out, dash = [], False
    for ch in ascii_text:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    slug = "".join(out).strip("-")[:_SLUG_MAX].strip("-")
    return slug or "report"


def province_slug(province: str, boundaries: str, lang: str, year: int | None = None,
                  as_of: str | None = None) -> str:
    """Slug of a province report: ``lam-dong-legacy-vi`` (``-2023``, ``-asof-2023-08-31`` if set).

    Examples
    --------
    >>> province_slug("Lâm Đồng", "legacy", "vi")
    'lam-dong-legacy-vi'
    >>> province_slug("Lâm Đồng", "2025", "en", year=2023, as_of="2023-08-31")
    'lam-dong-2025-2023-asof-2023-08-31-en'
    """
    parts = [province, boundaries]
    if year is not None:
        parts.append(str(year))
    if as_of:
        parts.append(f"asof-{as_of}")
    parts.append(lang)
    return slugify(" ".join(parts))


def output_data(nb) -> Iterator[dict[str, Any]]:
    """The ``data`` of every output of the notebook's code cells, in order."""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            yield out.get("data") or {}


def output_json(nb, mime: str) -> dict[str, Any] | None:
    """The first output of type ``mime`` (a JSON payload), or None.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("x")
    >>> cell.outputs = [nbformat.v4.new_output("display_data", data={"application/x": "{}"})]
    >>> output_json(nbformat.v4.new_notebook(cells=[cell]), "application/x")
    {}
    """
    for data in output_data(nb):
        if mime in data:
            value = data[mime]
            return json.loads(value) if isinstance(value, str) else dict(value)
    return None


def summary_of(nb) -> dict[str, Any] | None:
    """The machine-readable summary a report notebook displays (for the index page).

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("page.summary(...)")
    >>> cell.outputs = [nbformat.v4.new_output(
    ...     "display_data", data={SUMMARY_MIME: {"key_figures": [], "forecast": None}})]
    >>> summary_of(nbformat.v4.new_notebook(cells=[cell]))
    {'key_figures': [], 'forecast': None}
    >>> summary_of(nbformat.v4.new_notebook()) is None
    True
    """
    return output_json(nb, SUMMARY_MIME)


def page_title_of(nb) -> str | None:
    """The page's own heading (its first ``<h1>``), for the browser tab and bookmarks.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("page.header(...)")
    >>> cell.outputs = [nbformat.v4.new_output(
    ...     "display_data", data={"text/html": "<h1 class='t'>Xu hướng <b>toàn quốc</b></h1>"})]
    >>> page_title_of(nbformat.v4.new_notebook(cells=[cell]))
    'Xu hướng toàn quốc'
    >>> page_title_of(nbformat.v4.new_notebook()) is None
    True
    """
    for data in output_data(nb):
        text = data.get("text/html")
        text = "".join(text) if isinstance(text, list) else text
        match = re.search(r"<h1[^>]*>(.*?)</h1>", text or "", flags=re.S)
        if match:
            return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match[1])).split())
    return None


def read_manifest(out_dir: str | Path) -> list[dict[str, str]]:
    """Rows of ``<out>/manifest.csv`` (empty list if there is none).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "manifest.csv").write_text(
    ...         "province,status,seconds\\nLâm Đồng,ok,4.20\\n", encoding="utf-8")
    ...     rows, none = read_manifest(tmp), read_manifest(Path(tmp) / "elsewhere")
    >>> rows, none
    ([{'province': 'Lâm Đồng', 'status': 'ok', 'seconds': '4.20'}], [])
    """
    path = Path(out_dir) / "manifest.csv"
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def report_slug(params: dict[str, Any]) -> str:
    """Slug of a batch report from its parameters: a province, district or commune report.

    A unit report (parameters with ``level`` and ``code``) is named after its province,
    level and code, ``synthetic`` when it is.

    Examples
    --------
    >>> report_slug({"province": "Lâm Đồng", "boundaries": "legacy", "lang": "vi"})
    'lam-dong-legacy-vi'
    >>> report_slug({"province": "Lâm Đồng", "level": "commune", "code": "24958",
    ...              "boundaries": "legacy", "lang": "en", "synthetic": True})
    'lam-dong-commune-24958-legacy-synthetic-en'
    """
    if "level" not in params:
        return province_slug(params["province"], params["boundaries"], params["lang"],
                             params.get("year"), params.get("as_of"))
    parts = [params["province"], params["level"], params["code"], params["boundaries"]]
    if params.get("year") is not None:
        parts.append(str(params["year"]))
    if params.get("as_of"):
        parts.append(f"asof {params['as_of']}")
    if params.get("synthetic"):
        parts.append("synthetic")
    return slugify(" ".join([*parts, params["lang"]]))


def _summary_from_disk(out: Path, params: dict[str, Any]) -> dict[str, Any] | None:
    import nbformat

    slug = report_slug(params)
    path = out / f"{slug}.ipynb"
    if not path.exists():
        return None
    return summary_of(nbformat.read(path, as_version=4))


def write_index(out: Path, rows: list[dict[str, str]],
                summaries: dict[str, dict[str, Any] | None], lang: str = "vi") -> Path:
    """Write ``<out>/index.html``: province, key figures, forecast, status, link.

    The page is ``templates/index.html`` filled in; every word comes from the catalogue.

    Examples
    --------
    >>> import tempfile
    >>> row = {"province": "Lâm Đồng", "status": "ok", "error": "", "data_checksum": "ab" * 32,
    ...        "parameters": json.dumps({"province": "Lâm Đồng", "boundaries": "legacy",
    ...                                  "lang": "en"})}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     page = write_index(Path(tmp), [row], {"Lâm Đồng": None}, lang="en")
    ...     text = page.read_text(encoding="utf-8")
    >>> page.name, "Lâm Đồng" in text, 'href="lam-dong-legacy-en.html"' in text
    ('index.html', True, True)
    """
    from string import Template

    from .. import i18n
    from .render import TEMPLATES

    def t(key: str, **kw: Any) -> str:
        return i18n.t(key, lang, **kw)

    body = []
    for row in rows:
        params = json.loads(row["parameters"])
        summary = summaries.get(row["province"])
        if summary is None and row["status"] == "ok":
            summary = _summary_from_disk(out, params)
        slug = report_slug(params)
        key = fc = "–"
        if summary:
            # no key figure or no forecast: the report's reason in words (the summary's
            # key_note, forecast_note), never a bare dash
            key = "<br>".join(
                html.escape(f"{k['place']}: {k['label']} {k['text']} "
                            f"({i18n.fmt_date(k['as_of'], lang)})")
                for k in summary.get("key_figures", [])) or html.escape(
                    summary.get("key_note") or (t("index_only_plans")
                                                if summary.get("only_plans") else "–"))
            fc = html.escape(summary.get("forecast_note") or "–")
            f = summary.get("forecast")
            if f:
                p = f.get("p_meet_plan")
                ptxt = (", " + t("p_short", p=i18n.fmt_pct(100 * p, lang, 0))
                        if p is not None else "")
                fc = html.escape(f"{f['place']}: {f['text']}{ptxt} ({f['method']})")
        if row["status"] == "ok":
            link = f'<a href="{html.escape(slug)}.html">{html.escape(t("report"))}</a>'
            status = html.escape(t("status_rendered"))
        else:
            # the partly run notebook when the kernel wrote one; a worker that died
            # wrote nothing, and a link to no file is a dead end ("–")
            link = (f'<a href="{html.escape(slug)}.ipynb">.ipynb</a>'
                    if (out / f"{slug}.ipynb").exists() else "–")
            status = (f'<span class="failed">{html.escape(t("status_failed"))}</span>: '
                      f'{html.escape(row["error"])}')
        body.append(f"<tr><td>{html.escape(row['province'])}</td><td>{key}</td><td>{fc}</td>"
                    f"<td>{status}</td><td>{link}</td></tr>")
    checksum = rows[0]["data_checksum"][:12] if rows else ""
    page = Template((TEMPLATES / "index.html").read_text(encoding="utf-8")).substitute(
        lang=lang, title=html.escape(t("index_title")), h_province=html.escape(t("province")),
        h_key=html.escape(t("key_figures")), h_forecast=html.escape(t("forecast_value")),
        h_status=html.escape(t("status")), h_report=html.escape(t("report")),
        rows="\n".join(body),
        made_with=html.escape(t("made_with", version=__version__, checksum=checksum)))
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
