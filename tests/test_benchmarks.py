"""Tests of ``benchmarks/run.py``: it runs, and every line is a sane JSON record.

Timings are never asserted (speed goals live in ``docs/benchmarks.md``); the
checks are about the records' shape and internal consistency.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import _common  # noqa: E402
import bench_reports  # noqa: E402
import run as bench_run  # noqa: E402

QUICK = {"reports": 1, "communes": 200, "series": 100, "dask_repeat": 1}


# ------------------------------------------------------------------ helpers (fast)


def test_ascii_slug_strips_diacritics_and_separators() -> None:
    assert bench_reports.ascii_slug("Lâm Đồng") == "lam-dong"
    assert bench_reports.ascii_slug("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert bench_reports.ascii_slug("../../etc passwd") == "etc-passwd"


def test_choose_jobs_pads_with_english_variants_and_says_so() -> None:
    jobs, note = bench_reports.choose_jobs(["Lâm Đồng", "Kon Tum"], 3)
    assert jobs == [("Lâm Đồng", "vi"), ("Kon Tum", "vi"), ("Lâm Đồng", "en")]
    assert note is not None and "lang=en" in note
    jobs, note = bench_reports.choose_jobs(["A", "B", "C"], 2)
    assert jobs == [("A", "vi"), ("B", "vi")] and note is None
    with pytest.raises(RuntimeError, match="cannot make 5"):
        bench_reports.choose_jobs(["A", "B"], 5)


def test_html_has_no_code_ignores_css_and_markdown(tmp_path: Path) -> None:
    css = "<style>.jp-InputArea-editor { border: 0 }</style>"
    markdown = '<div class="jp-InputArea jp-Cell-inputArea"><p>Lâm Đồng</p></div>'
    reader = tmp_path / "reader.html"
    reader.write_text(css + markdown, encoding="utf-8")
    assert bench_reports.html_has_no_code(reader)
    code = tmp_path / "code.html"
    code.write_text(css + '<div class="jp-InputArea-editor" data-type="inline">x = 1</div>',
                    encoding="utf-8")
    assert not bench_reports.html_has_no_code(code)


def test_contamination_note_threshold() -> None:
    assert _common.contamination_note(0.5, 10.0, 2) is None  # 2.5 % of the machine
    note = _common.contamination_note(8.0, 10.0, 2)  # 40 % of the machine
    assert note is not None and "40%" in note
    assert _common.contamination_note(None, 10.0, 2) is None


def test_stopwatch_counts_child_cpu() -> None:
    code = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n"
    with _common.Stopwatch() as sw:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert sw.wall_s >= sw.children_cpu_s * 0.5
    assert sw.children_cpu_s >= 0.25
    fields = sw.fields("x")
    assert set(fields) == {"x_s", "x_cpu_s", "x_other_cpu_s", "x_loadavg_before"}


def test_machine_facts_have_cores_ram_versions() -> None:
    facts = _common.machine_facts()
    assert facts["benchmark"] == "machine"
    assert facts["cores"] >= 1
    assert facts["python"].count(".") == 2
    assert facts["versions"]["pandas"]
    if Path("/proc/meminfo").exists():
        assert facts["ram_total_mb"] > 100


def test_unknown_benchmark_is_refused() -> None:
    res = subprocess.run([sys.executable, str(BENCH / "run.py"), "--only", "nope"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 2
    assert "unknown benchmark" in res.stderr


def test_build_stopped_by_timeout_is_reported_and_fails() -> None:
    """A build child stopped at any moment names the step it was in. A zero timeout
    stops it before it can finish, on any machine: the step is then ``start_s`` (the
    interpreter and imports), never None."""
    res = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick", "--only", "build",
                          "--communes", "20", "--build-timeout", "0"],
                         capture_output=True, text=True, timeout=300, check=False)
    records = [json.loads(ln) for ln in res.stdout.splitlines() if ln.strip()]
    assert [r["benchmark"] for r in records] == ["machine", "build"]
    build = records[1]
    assert build["status"] == "timeout" and build["build_s"] is None
    assert build["step_running_when_stopped"] in bench_run.BUILD_STEPS
    assert set(build["completed_steps"]) < set(bench_run.BUILD_STEPS)
    assert res.returncode == 1


# ------------------------------------------------------------ the quick run (slow)


@pytest.fixture(scope="module")
def quick_records() -> dict[str, dict[str, Any]]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    res = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick"],
                         capture_output=True, text=True, timeout=1800, env=env, check=False,
                         cwd=ROOT)
    lines = [ln for ln in res.stdout.splitlines() if ln.strip()]
    records = [json.loads(ln) for ln in lines]  # every stdout line must be JSON
    by_name = {r["benchmark"]: r for r in records}
    assert len(by_name) == len(records), "a benchmark printed more than one line"
    assert [r["benchmark"] for r in records][0] == "machine"
    failed = {n: r.get("error") or r.get("missing") for n, r in by_name.items()
              if r.get("status") not in (None, "ok")}
    assert not failed, f"benchmarks did not run: {failed}\n{res.stderr[-3000:]}"
    assert res.returncode == 0, res.stderr[-3000:]
    return by_name


@pytest.mark.slow
def test_quick_run_prints_all_benchmarks(quick_records: dict[str, dict[str, Any]]) -> None:
    assert set(quick_records) == {"machine", "report_speedup", "report_dask", "build_real",
                                  "build", "forecast_series_per_s", "check_daily"}
    machine = quick_records["machine"]
    assert machine["mode"] == "quick"
    assert {k: machine["sizes"][k] for k in QUICK} == QUICK
    for rec in quick_records.values():
        if rec["benchmark"] != "machine":
            assert rec["mode"] == "quick"
            assert rec["total_wall_s"] > 0


@pytest.mark.slow
def test_quick_check_daily_record(quick_records: dict[str, dict[str, Any]]) -> None:
    r = quick_records["check_daily"]
    assert r["rows"] == 20_000 and r["places"] * r["indicators"] * r["days"] >= r["rows"]
    assert r["wall_s"] > 0 and r["peak_rss_mb"] > 0 and isinstance(r["goal_met"], bool)


@pytest.mark.slow
def test_quick_report_speedup_record(quick_records: dict[str, dict[str, Any]]) -> None:
    r = quick_records["report_speedup"]
    assert r["n"] == QUICK["reports"]
    assert r["loop_html"] == r["bhxh_html"] == r["n"]
    assert len(r["provinces"]) == r["n"] == len(r["loop_per_report_s"])
    assert r["loop_s"] > 0 and r["bhxh_s"] > 0
    assert r["ratio"] == pytest.approx(r["loop_s"] / r["bhxh_s"], abs=0.01)
    assert r["goal"] == ">=4x" and r["floor"] == ">=2x"
    assert r["floor_met"] == (r["ratio"] >= 2) and r["goal_met"] == (r["ratio"] >= 4)
    # The loop's wall time covers its per-report times.
    assert r["loop_s"] >= sum(r["loop_per_report_s"]) - 0.1


@pytest.mark.slow
def test_quick_build_record(quick_records: dict[str, dict[str, Any]]) -> None:
    r = quick_records["build"]
    assert r["communes"] == QUICK["communes"]
    # At least the monthly values of 4 schemes over 120 months for every commune.
    assert r["rows"] >= QUICK["communes"] * 120 * 4
    assert r["derived_rows"] > 0
    assert r["build_s"] == pytest.approx(sum(r["steps"].values()), abs=0.01)
    assert ["start_s", *r["steps"]] == list(bench_run.BUILD_STEPS)
    # Parquet always; the 200-commune quick panel (96,000 rows) also gets CSV copies.
    assert {"observations.parquet", "derived.parquet", "derived.csv"} <= set(r["written"])
    ram = quick_records["machine"]["ram_total_mb"]
    assert r["rss_after_imports_mb"] < r["peak_rss_mb"] < (ram or float("inf"))


@pytest.mark.slow
def test_quick_real_build_record(quick_records: dict[str, dict[str, Any]]) -> None:
    r = quick_records["build_real"]
    assert r["rows"] > 2000 and r["derived_rows"] > 0
    assert r["build_s"] > 0 and r["goal_build_s"] == "<=2 s"
    assert r["goal_met"] == (r["build_s"] <= 2)


@pytest.mark.slow
def test_quick_forecast_record(quick_records: dict[str, dict[str, Any]]) -> None:
    r = quick_records["forecast_series_per_s"]
    assert r["n_series"] == QUICK["series"]
    assert r["n_with_intervals"] == r["n_series"]
    assert r["seconds"] > 0
    assert r["series_per_s"] == pytest.approx(r["n_series"] / r["seconds"], rel=0.01)
    assert sum(r["methods_used"].values()) == r["n_series"]
    assert r["goal"] == "all in <30 s"


@pytest.mark.slow
def test_quick_report_dask_record(quick_records: dict[str, dict[str, Any]]) -> None:
    r = quick_records["report_dask"]
    assert r["n"] == QUICK["reports"] and len(r["provinces"]) == r["n"]
    assert r["local_html"] == r["dask_html"] == r["dask1_html"] == r["n"]
    assert r["ratio_vs_local"] == pytest.approx(r["dask_s"] / r["local_s"], abs=0.001)
    assert r["goal_met"] == (r["ratio_vs_local"] <= 1.10)
    assert r["speedup_vs_loop"] == pytest.approx(r["loop_s"] / r["dask_s"], abs=0.01)
    assert r["pages_identical"] is True  # the executors render the same bytes
    assert len(r["local_runs_s"]) == len(r["dask_runs_s"]) == QUICK["dask_repeat"]
