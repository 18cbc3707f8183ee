"""Batch faults of ``bhxh report all`` (issue 13, point 9).

* ``kill -9`` of the batch leaves no worker or kernel running (parent-death signal);
* the manifest is rewritten as each report finishes, so ``--only-failed`` redoes only
  what did not finish;
* a worker killed while holding a report fails only that report, after one retry.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from bhxh_analysis import reports
from bhxh_analysis.cli import main
from bhxh_analysis.reports.pool import KILL_ENV, set_parent_death_signal

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Lâm Đồng", "Kon Tum", "Lạng Sơn"]


def _gone(pids: set[int], timeout: float) -> set[int]:
    """The pids still running (zombies count as gone) after waiting up to ``timeout``."""
    deadline = time.monotonic() + timeout
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        for pid in list(alive):
            try:
                if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                    alive.discard(pid)
            except psutil.NoSuchProcess:
                alive.discard(pid)
        time.sleep(0.2)
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_parent_death_signal_ends_the_grandchild(tmp_path) -> None:
    # middle starts a sleeping child armed with the signal, then is killed with SIGKILL.
    script = tmp_path / "middle.py"
    script.write_text(textwrap.dedent(f"""
        import subprocess, sys, time
        sys.path.insert(0, {str(ROOT / "src")!r})
        from bhxh_analysis.reports.pool import set_parent_death_signal
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                                 preexec_fn=set_parent_death_signal)
        print(child.pid, flush=True)
        time.sleep(60)
    """), encoding="utf-8")
    middle = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    child = int(middle.stdout.readline())
    assert psutil.pid_exists(child)
    middle.kill()
    middle.wait()
    assert _gone({child}, 10) == set()
    assert set_parent_death_signal() is True  # armed in this process too (no-op effect)


@pytest.mark.slow
def test_kill_9_leaves_nothing_running_and_only_failed_finishes(home, tmp_path) -> None:
    out = tmp_path / "all"
    env = dict(os.environ, BHXH_HOME=str(home), PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-c", "from bhxh_analysis.cli import main; main()", "report", "all", "--jobs", "2",
           "--provinces", ",".join(NAMES), "--out", str(out), "--no-progress"]
    batch = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    parent = psutil.Process(batch.pid)
    seen: set[int] = set()
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline and batch.poll() is None:
            try:
                seen |= {p.pid for p in parent.children(recursive=True)}
            except psutil.NoSuchProcess:
                break
            rows = reports.read_manifest(out) if (out / "manifest.csv").exists() else []
            if any(r["status"] == "ok" for r in rows):
                break
            time.sleep(0.1)
        assert batch.poll() is None, "the batch ended before the first report was in"
        seen |= {p.pid for p in parent.children(recursive=True)}
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait()
    finally:
        if batch.poll() is None:
            batch.kill()
    assert len(seen) >= 4  # two workers, each with its kernel (and tools)
    assert _gone(seen, 30) == set(), "processes left running after kill -9"

    rows = {r["province"]: r for r in reports.read_manifest(out)}
    assert set(rows) == set(NAMES)  # every planned report is listed
    done = {n for n, r in rows.items() if r["status"] == "ok"}
    assert done and all(rows[n]["status"] == reports.runner.PENDING
                        for n in set(NAMES) - done)
    for name in done:
        assert len(rows[name]["html_sha256"]) == 64
    # A pending report may have written its page just before the kill: it is rendered
    # again; the pages of the finished reports must stay as they are.
    pages = {f"{reports.province_slug(n, 'legacy', 'vi')}.html" for n in done}
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name in pages}
    assert set(stamps) == pages

    res = CliRunner().invoke(main, ["report", "all", "--only-failed", "--jobs", "2",
                                    "--out", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    rerun = len(NAMES) - len(done)
    assert res.output.startswith(f"{rerun}/{rerun} reports ok"), res.output
    again = {r["province"]: r for r in reports.read_manifest(out)}
    assert all(r["status"] == "ok" for r in again.values())
    for name in done:  # the finished reports were not rendered again
        assert again[name] == rows[name]
    for page, stamp in stamps.items():
        assert (out / page).stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_killed_worker_fails_only_its_report_after_one_retry(home, tmp_path,
                                                             monkeypatch) -> None:
    out = tmp_path / "all"
    monkeypatch.setenv(KILL_ENV, "Kon Tum")  # that report's worker is killed, every time
    res = CliRunner().invoke(main, ["report", "all", "--jobs", "2", "--provinces",
                                    ",".join(NAMES), "--out", str(out), "--no-progress"])
    assert res.exit_code == 1, res.output
    rows = {r["province"]: r for r in reports.read_manifest(out)}
    assert set(rows) == set(NAMES)
    assert rows["Kon Tum"]["status"] == "failed"
    assert "worker process died" in rows["Kon Tum"]["error"]
    assert "2 attempts" in rows["Kon Tum"]["error"]  # tried, then retried once
    assert rows["Lâm Đồng"]["status"] == rows["Lạng Sơn"]["status"] == "ok"
    assert (out / "lam-dong-legacy-vi.html").exists()
    assert (out / "lang-son-legacy-vi.html").exists()
