"""``bhxh report verify DIR``: re-render the reports of a manifest and compare the bytes.

A folder made by ``bhxh report all`` holds ``manifest.csv``: one row per report with its
parameters, the data checksum and package version that produced it, and the sha256 of
its HTML. :func:`verify` re-renders every report with its recorded parameters into a
scratch folder and compares each page's sha256 with the recorded one. This works because
the reader's HTML is deterministic: no time of rendering (the footer dates the newest
figure used), no random cell ids, no run metadata, no absolute paths, PNGs without
creation date or software version (see :mod:`.runner` and :func:`~bhxh_analysis.plotting.to_png`).

Outcomes (the exit status of the command):

* ``0`` every report is byte-identical;
* ``1`` at least one differs (the first differing section is named) or cannot be checked;
* ``2`` the data checksum or package version of the manifest are not the current ones, so
  a re-render cannot reproduce the reports; nothing is re-rendered and the message says
  which differs.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from .runner import ReportResult, _run_tasks, _task_of, read_manifest, sha256_of

_H2 = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class ReportCheck:
    """The verdict on one report of the manifest."""

    label: str
    page: str
    identical: bool
    reason: str = ""


@dataclass
class Verification:
    """Outcome of :func:`verify`."""

    status: int
    checks: list[ReportCheck] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    scratch: str = ""

    @property
    def differing(self) -> list[ReportCheck]:
        """Reports that are not identical."""
        return [c for c in self.checks if not c.identical]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def sections(page: str) -> list[tuple[str, str]]:
    """Split a report page into ``(title, html)`` sections at each ``<h2>``.

    The part before the first ``<h2>`` is titled with the page's ``<h1>`` (the header).
    """
    starts = [m.start() for m in _H2.finditer(page)]
    bounds = [0, *starts, len(page)]
    out = []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        chunk = page[a:b]
        m = _H2.match(chunk) or _H1.search(chunk)
        out.append((_text(m.group(1)) if m else "", chunk))
    return out


def first_difference(recorded: str, rendered: str) -> str:
    """Title of the first section where two pages differ ("" when they are equal)."""
    old, new = sections(recorded), sections(rendered)
    for (t_old, s_old), (t_new, s_new) in zip(old, new, strict=False):
        if s_old != s_new:
            return t_old if t_old == t_new else f"{t_old} / {t_new}"
    if len(old) != len(new):
        longer = old if len(old) > len(new) else new
        return longer[min(len(old), len(new))][0]
    return ""


def manifest_mismatches(rows: list[dict[str, str]], checksum: str,
                        version: str = __version__) -> list[str]:
    """What in the manifest differs from the current data and package (empty: nothing)."""
    found = []
    old_sums = sorted({r.get("data_checksum", "") for r in rows} - {checksum})
    if old_sums:
        found.append(f"data checksum differs: manifest {', '.join(s[:12] or '(none)' for s in old_sums)}, "
                     f"current {checksum[:12] or '(no processed data)'}")
    old_versions = sorted({r.get("package_version", "") for r in rows} - {version})
    if old_versions:
        found.append(f"package version differs: manifest {', '.join(v or '(none)' for v in old_versions)}, "
                     f"current {version}")
    stale = sorted(r.get("province", "") for r in rows
                   if r.get("data_checksum", "") != checksum
                   or r.get("package_version", "") != version)
    if stale:
        found.append("reports that cannot be reproduced with the current data and package: "
                     + ", ".join(stale))
    return found


def verify(folder: str | Path, jobs: int = 1, scratch: str | Path | None = None,
           progress: bool = False) -> Verification:
    """Re-render every report of ``folder/manifest.csv`` and compare it with the recorded sha256.

    Parameters
    ----------
    folder : path
        A folder written by ``bhxh report all`` (``manifest.csv`` and the pages).
    jobs : int
        Worker processes for the re-render.
    scratch : path, optional
        Where the re-rendered reports go (default: a new temporary folder, removed when
        every report is identical, kept otherwise so the pages can be compared).
    progress : bool
        Show a progress bar on stderr.

    Raises
    ------
    FileNotFoundError
        ``folder`` has no ``manifest.csv`` (or it lists no report).
    """
    from .runner import ensure_data

    folder = Path(folder)
    rows = read_manifest(folder)
    if not rows:
        raise FileNotFoundError(f"{folder / 'manifest.csv'} not found or empty: nothing to verify")
    mismatches = manifest_mismatches(rows, ensure_data())
    if mismatches:
        return Verification(2, mismatches=mismatches)
    own_scratch = scratch is None
    out = Path(scratch) if scratch else Path(tempfile.mkdtemp(prefix="bhxh-verify-"))
    checks: list[ReportCheck] = []
    tasks, recorded = [], {}
    for row in rows:
        params = json.loads(row["parameters"])
        task = _task_of(params, out)  # a province, district or commune report
        page = f"{task.slug}.html"
        if row["status"] == "pending":
            checks.append(ReportCheck(row["province"], page, False,
                                      "not rendered: the recorded batch stopped before it "
                                      "(finish it with `bhxh report all --only-failed`)"))
        elif row["status"] != "ok":
            checks.append(ReportCheck(row["province"], page, False,
                                      "failed in the recorded run: nothing to compare"))
        elif not row.get("html_sha256"):
            checks.append(ReportCheck(row["province"], page, False,
                                      "no html_sha256 recorded (manifest from an older version)"))
        else:
            tasks.append(task)
            recorded[task.label] = row
    results: list[ReportResult] = _run_tasks(tasks, max(1, min(jobs, len(tasks))), progress) \
        if tasks else []
    for res in results:
        row = recorded[res.label]
        page = f"{Path(res.ipynb).stem}.html"
        if res.status != "ok":
            checks.append(ReportCheck(res.label, page, False, f"re-render failed: {res.error}"))
            continue
        if res.html_sha256 == row["html_sha256"]:
            checks.append(ReportCheck(res.label, page, True))
            continue
        old = folder / page
        if old.is_file() and sha256_of(old) == row["html_sha256"]:
            section = first_difference(old.read_text(encoding="utf-8"),
                                       (out / page).read_text(encoding="utf-8"))
            reason = f"first differing section: {section or '(page start)'}"
        elif old.is_file():
            reason = "the page in the folder is not the one recorded (its sha256 differs)"
        else:
            reason = "sha256 differs (the recorded page is not in the folder to compare)"
        prov = res.provenance or {}
        for key, what in (("git_commit", "commit"), ("lock_sha256", "lock sha256")):
            if row.get(key, "") != prov.get(key, ""):
                reason += (f" (recorded {what} {row.get(key, '')[:12] or '(none)'}, "
                           f"current {prov.get(key, '')[:12] or '(none)'}: the footer names it)")
        checks.append(ReportCheck(res.label, page, False, reason))
    checks.sort(key=lambda c: c.page)
    status = 0 if all(c.identical for c in checks) else 1
    if status == 0 and own_scratch:
        shutil.rmtree(out, ignore_errors=True)
    return Verification(status, checks, [], "" if status == 0 and own_scratch else str(out))
