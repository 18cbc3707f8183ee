"""``report_pages``: province pages per second in one warm kernel, this checkout against another.

``bhxh report all`` renders every page of a batch in a worker's one kernel; work that is
the same for every page (the forecaster's prepared table and plan fit at a cut-off, a
page's headline table read by three sections) is done once (``docs/benchmarks.md``,
"Pages per second"). This benchmark renders the same provinces with
:class:`bhxh_analysis.reports.runner.Renderer` from this checkout's ``src`` and from
another revision's (``--against``, default ``HEAD~1``; extracted with ``git archive``),
one after the other against the same private processed data, and reports each side's
pages per second and pages per CPU-second (the kernel's and the renderer's CPU over
each page, read from ``/proc``: less sensitive to other load on a shared 2-core VM than
wall time), their **ratios** (never an absolute goal: this VM's speed varies) and
whether every page's HTML is byte-identical between the two.

Not run by ``run.py`` (it would lengthen the test suite): run it by hand,
``python benchmarks/bench_pages.py [--pages 8] [--against REF] [--lang vi]``; one JSON
line on stdout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, Stopwatch, contamination_note, emit, log, machine_facts, venv_env
from bench_reports import make_home, provinces_with_data

#: The child: render the provinces in one Renderer, print one JSON line of timings.
_CHILD = """
import json, os, sys, time
from bhxh_analysis.reports import runner
provinces, out, boundaries, lang = json.loads(sys.argv[1])
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):  # user + system CPU seconds of process pid (Linux /proc)
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
runner.ensure_data()
t0 = time.perf_counter()
r = runner.Renderer(warm=True)
kernel = r.session.km.provisioner.pid
start = time.perf_counter() - t0
pages, cpus = [], []
for p in provinces:
    t, c = time.perf_counter(), cpu(kernel) + time.process_time()
    res = r.render(runner.province_task(p, boundaries, lang=lang, out_dir=out))
    pages.append(round(time.perf_counter() - t, 3))
    cpus.append(round(cpu(kernel) + time.process_time() - c, 3))
    assert res.status == "ok", (p, res.error)
r.close()
print(json.dumps({"start_s": round(start, 3), "page_s": pages, "page_cpu_s": cpus}))
"""

def render_side(src: Path, provinces: list[str], out: Path, boundaries: str, lang: str,
                env: dict[str, str]) -> dict[str, Any]:
    """Render ``provinces`` with the package in ``src``; timings and CPU of the child."""
    with Stopwatch() as sw:
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, json.dumps([provinces, str(out), boundaries, lang])],
            env={**env, "PYTHONPATH": str(src)}, capture_output=True, text=True,
            timeout=3600, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"render with {src} failed: {proc.stderr[-800:]}")
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    later = got["page_s"][1:] or got["page_s"]
    later_cpu = got["page_cpu_s"][1:] or got["page_cpu_s"]
    return {"start_s": got["start_s"], "first_page_s": got["page_s"][0],
            "later_page_mean_s": round(sum(later) / len(later), 3),
            "pages_per_s": round(len(later) / sum(later), 3),
            "later_page_cpu_mean_s": round(sum(later_cpu) / len(later_cpu), 3),
            "pages_per_cpu_s": round(len(later_cpu) / sum(later_cpu), 3),
            "process_cpu_s": round(sw.children_cpu_s, 2),
            "other_cpu_s": sw.other_cpu_s, "wall_s": round(sw.wall_s, 2)}


def html_digests(folder: Path) -> dict[str, str]:
    """sha256 of every HTML page in ``folder``, by file name."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.html"))}


def report_pages(n: int, against: str, boundaries: str, lang: str) -> dict[str, Any]:
    """Run the benchmark; return its record (see the module docstring)."""
    tmp = Path(tempfile.mkdtemp(prefix="bhxh-bench-pages-"))
    try:
        old_src = tmp / "against"
        old_src.mkdir()
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", against, "src"],
                             capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_src)], input=tar, check=True)
        env = venv_env({"BHXH_HOME": str(make_home(tmp))})
        subprocess.run([sys.executable, "-m", "bhxh_analysis", "data", "build", "--quiet"],
                       env={**env, "PYTHONPATH": str(ROOT / "src")}, check=True)
        provinces = provinces_with_data({**env, "PYTHONPATH": str(ROOT / "src")})[:n]
        sides = {}
        for name, src in (("this", ROOT / "src"), ("against", old_src / "src")):
            log(f"report_pages: {len(provinces)} pages with {name} ({src})")
            sides[name] = render_side(src, provinces, tmp / name, boundaries, lang, env)
        same = html_digests(tmp / "this") == html_digests(tmp / "against")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    this, old = sides["this"], sides["against"]
    notes = [m for side in sides.values() if (m := contamination_note(
        side["other_cpu_s"], side["wall_s"], machine_facts().get("cores")))]
    return {"benchmark": "report_pages", "against": against, "pages": len(provinces),
            "boundaries": boundaries, "lang": lang, "this": this, "against_side": old,
            "speedup_pages_per_s": round(this["pages_per_s"] / old["pages_per_s"], 3),
            "speedup_pages_per_cpu_s": round(this["pages_per_cpu_s"] / old["pages_per_cpu_s"],
                                             3),
            "html_identical": same, "notes": notes}


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--against", default="HEAD~1")
    ap.add_argument("--boundaries", default="legacy")
    ap.add_argument("--lang", default="vi")
    a = ap.parse_args(argv)
    emit(report_pages(a.pages, a.against, a.boundaries, a.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
