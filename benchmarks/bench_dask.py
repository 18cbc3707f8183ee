"""The ``report_dask`` benchmark: the Dask executor against the local runner and the loop.

Same provinces, same private ``BHXH_HOME`` and untimed warm-up as ``report_speedup``
(:mod:`bench_reports`), then, one after the other in this invocation:

(a) the ``papermill`` + ``jupyter nbconvert`` command-line loop;
(b) ``bhxh report all --jobs 2`` (the local process pool, the default executor);
(c) ``bhxh report all --executor dask --jobs 2``: a LocalCluster of two single-threaded
    workers (threads of the command), each with its warm kernel (the worker plugin);
(d) ``bhxh report all --executor dask --jobs 1``: the same with one worker.

(b) and (c) alternate ``repeat`` times (b, c, b, c: twice in the full run, once with
``--quick``) and each side keeps its fastest run (all runs are in ``local_runs_s`` /
``dask_runs_s``): on a shared machine one pair mostly measures which side ran while
other programs were busy.

Every side is a whole command as a user runs it (start-up of the pool or cluster and
of the kernels included). ``ratio_vs_local`` = (c) / (b) (goal <= 1.10: within 10 %),
``speedup_vs_loop`` = (a) / (c), ``two_vs_one_worker`` = (d) / (c) and
``overhead_per_report_s`` = ((c) - (b)) / n. CPU seconds of each side (its process and
every reaped descendant) and the CPU other programs used meanwhile are recorded, since
the machine may be shared.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from _common import contamination_note, log
from bench_reports import run_bhxh, run_loop, warm_up

GOAL_RATIO = 1.10


def _side(record: dict[str, Any], name: str) -> dict[str, Any]:
    """Rename ``bhxh_*`` fields of :func:`run_bhxh` to ``<name>_*``."""
    return {k.replace("bhxh", name, 1): v for k, v in record.items()}


def report_dask(n: int, keep: Path | None = None, with_loop: bool = True,
                repeat: int = 2, loop: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run ``report_dask`` and return its record (see the module docstring).

    ``loop`` is side (a) already timed in this invocation by ``report_speedup`` (its
    ``loop_*`` fields and ``provinces``): when it covers the same reports it is used as it
    is instead of running the same cold command-line loop a second time.
    """
    tmp = Path(tempfile.mkdtemp(prefix="bhxh-bench-dask-", dir=keep))
    try:
        env, jobs, note, warm, _ = warm_up(tmp, n, "report_dask")
        sides: dict[str, dict[str, Any]] = {}
        same = loop is not None and loop.get("provinces") == [f"{p} ({lang})"
                                                               for p, lang in jobs]
        if with_loop and same:
            log("report_dask: side (a) is report_speedup's loop of the same reports")
            sides["loop"] = {k: v for k, v in loop.items() if k.startswith("loop")}
        elif with_loop:
            sides["loop"] = run_loop(jobs, tmp / "loop", env)
        # The local pool and the Dask executor alternate ``repeat`` times and each keeps
        # its fastest run: on a shared machine a single pair mostly measures who ran
        # while the other programs were busy.
        runs: dict[str, list[dict[str, Any]]] = {"local": [], "dask": []}
        for i in range(repeat):
            runs["local"].append(_side(run_bhxh(jobs, tmp / f"local{i}", env, 2), "local"))
            runs["dask"].append(_side(run_bhxh(jobs, tmp / f"dask{i}", env, 2,
                                               ("--executor", "dask")), "dask"))
        for name, recs in runs.items():
            sides[name] = min(recs, key=lambda r, n=name: r[f"{n}_s"])
            sides[name][f"{name}_runs_s"] = [r[f"{name}_s"] for r in recs]
            sides[name][f"{name}_runs_cpu_s"] = [r[f"{name}_cpu_s"] for r in recs]
        sides["dask1"] = _side(run_bhxh(jobs, tmp / "dask1", env, 1, ("--executor", "dask")),
                               "dask1")
        identical = _same_pages(tmp / "local0", tmp / "dask0")
        local_s, dask_s = sides["local"]["local_s"], sides["dask"]["dask_s"]
        ratio = round(dask_s / local_s, 3) if local_s > 0 else None  # judged as reported
        cores = os.cpu_count()
        notes = [x for x in [note, *(
            contamination_note(rec.get(f"{name}_other_cpu_s"), rec[f"{name}_s"], cores, name)
            for name, rec in sides.items())] if x]
        record: dict[str, Any] = {
            "benchmark": "report_dask", "status": "ok", "n": len(jobs),
            "provinces": [f"{p} ({lang})" for p, lang in jobs],
            "ratio_vs_local": ratio,
            "goal": f"<={GOAL_RATIO}x of the local runner",
            "goal_met": ratio is not None and ratio <= GOAL_RATIO,
            "two_vs_one_worker": round(sides["dask1"]["dask1_s"] / dask_s, 2),
            "overhead_per_report_s": round((dask_s - local_s) / len(jobs), 2),
            "pages_identical": identical,
            "warmup_s": round(warm.wall_s, 2),
            "notes": notes,
        }
        if with_loop:
            record["speedup_vs_loop"] = round(sides["loop"]["loop_s"] / dask_s, 2)
        for rec in sides.values():
            record.update(rec)
        return record
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def _same_pages(a: Path, b: Path) -> bool:
    """True when both runs wrote the same report pages, byte for byte."""
    pages = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    return bool(pages) and all((b / p).is_file() and (a / p).read_bytes() == (b / p).read_bytes()
                               for p in pages)
