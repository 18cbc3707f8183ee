"""Helpers shared by the benchmark scripts: machine facts, CPU accounting, JSON lines.

Kept free of ``bhxh_analysis`` imports so that the machine line can be written
even when a measured module is missing.
"""

from __future__ import annotations

import collections
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent

#: Distributions whose versions are recorded on the ``machine`` line.
PACKAGES = (
    "bhxh-analysis",
    "pandas",
    "numpy",
    "pyarrow",
    "scipy",
    "statsmodels",
    "pandera",
    "matplotlib",
    "seaborn",
    "papermill",
    "nbconvert",
    "nbclient",
    "nbformat",
    "ipykernel",
    "jupyter_client",
    "psutil",
)


def emit(record: dict[str, Any]) -> None:
    """Write one benchmark record as a single JSON line on stdout (and flush)."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
    sys.stdout.flush()


def log(message: str) -> None:
    """Write a progress message on stderr (stdout is reserved for JSON lines)."""
    sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def venv_bin() -> Path:
    """Return the folder of the running interpreter, where the venv's executables live."""
    return Path(sys.executable).parent


def venv_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Return an environment with the venv's ``bin`` first on ``PATH``.

    The ``python3`` kernelspec installed by ipykernel runs plain ``python``
    from ``PATH``; putting the venv first makes kernels started by the
    ``papermill`` command use the venv, as an activated venv would.
    """
    env = dict(os.environ)
    env["PATH"] = str(venv_bin()) + os.pathsep + env.get("PATH", "")
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYTHONHASHSEED", "0")
    if extra:
        env.update(extra)
    return env


def meminfo_mb() -> dict[str, float]:
    """Return ``MemTotal`` and ``MemAvailable`` from ``/proc/meminfo`` in MiB (empty elsewhere)."""
    out: dict[str, float] = {}
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return out
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in {"MemTotal", "MemAvailable"}:
            out[key] = round(int(rest.split()[0]) / 1024, 1)
    return out


def cpu_model() -> str | None:
    """Return the CPU model name from ``/proc/cpuinfo`` if available."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def package_versions() -> dict[str, str | None]:
    """Return the installed version of each package in :data:`PACKAGES` (``None`` if absent)."""
    out: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def git_commit() -> str | None:
    """Return the checked-out commit (read-only ``git rev-parse``), or ``None``."""
    try:
        res = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return res.stdout.strip() or None


def machine_facts() -> dict[str, Any]:
    """Return the ``machine`` record: cores, RAM, CPU, Python, versions, load, date."""
    mem = meminfo_mb()
    return {
        "benchmark": "machine",
        "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": cpu_model(),
        "ram_total_mb": mem.get("MemTotal"),
        "ram_available_mb": mem.get("MemAvailable"),
        "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "executable": sys.executable,
        "git_commit": git_commit(),
        "versions": package_versions(),
    }


def _proc_stat_busy_s() -> float | None:
    """Return the machine's total busy CPU seconds since boot (all cores), or ``None``."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return None
    ticks = [int(x) for x in first[1:]]
    # user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
    busy = sum(ticks) - ticks[3] - (ticks[4] if len(ticks) > 4 else 0)
    return busy / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    """Return CPU seconds used by this process and its waited-for descendants."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _children_cpu_s() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


@dataclass
class Stopwatch:
    """Wall time, own CPU time and other processes' CPU time over a block.

    ``other_cpu_s`` is the machine's busy CPU time (``/proc/stat``) minus what
    this process and its reaped children used: CPU spent by *other* programs
    during the measurement. On a 2-core machine more than a few seconds of it
    means the wall times are contaminated by outside load.
    """

    wall_s: float = 0.0
    own_cpu_s: float = 0.0
    children_cpu_s: float = 0.0
    other_cpu_s: float | None = None
    loadavg_before: float = 0.0
    _t0: float = field(default=0.0, repr=False)
    _cpu0: float = field(default=0.0, repr=False)
    _kids0: float = field(default=0.0, repr=False)
    _busy0: float | None = field(default=None, repr=False)

    def __enter__(self) -> Stopwatch:
        self.loadavg_before = round(os.getloadavg()[0], 2)
        self._busy0 = _proc_stat_busy_s()
        self._cpu0 = _own_cpu_s()
        self._kids0 = _children_cpu_s()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall_s = time.perf_counter() - self._t0
        self.own_cpu_s = _own_cpu_s() - self._cpu0
        self.children_cpu_s = _children_cpu_s() - self._kids0
        busy1 = _proc_stat_busy_s()
        if self._busy0 is not None and busy1 is not None:
            # Clock-tick rounding can make this slightly negative on an idle machine.
            self.other_cpu_s = max(0.0, busy1 - self._busy0 - self.own_cpu_s)

    def fields(self, prefix: str) -> dict[str, Any]:
        """Return the measurements as record fields named ``<prefix>_...``."""
        return {
            f"{prefix}_s": round(self.wall_s, 3),
            f"{prefix}_cpu_s": round(self.own_cpu_s, 3),
            f"{prefix}_other_cpu_s": None if self.other_cpu_s is None else round(self.other_cpu_s, 2),
            f"{prefix}_loadavg_before": self.loadavg_before,
        }


def contamination_note(other_cpu_s: float | None, wall_s: float, cores: int | None,
                       label: str = "this measurement") -> str | None:
    """Return a warning when other programs used a noticeable share of the machine.

    Parameters
    ----------
    other_cpu_s : float or None
        CPU seconds used by other programs during the measurement.
    wall_s : float
        Wall time of the measurement.
    cores : int or None
        Number of cores of the machine.
    label : str
        What was measured (named in the sentence).

    Returns
    -------
    str or None
        A sentence for the record, or ``None`` when the outside load was below 10 %
        of the machine's capacity over the measurement.
    """
    if other_cpu_s is None or wall_s <= 0:
        return None
    share = other_cpu_s / (wall_s * (cores or 1))
    if share < 0.10:
        return None
    return (
        f"other programs used {other_cpu_s:.1f} CPU-s ({share:.0%} of the machine) during "
        f"{label}: wall times are likely inflated"
    )


class ChildTimeout(RuntimeError):
    """A benchmark child process was stopped; ``records`` holds what it printed.

    ``reason`` is ``"timeout"`` or ``"memory_limit"``; ``peak_rss_mb`` is the largest
    resident size the watchdog saw.
    """

    def __init__(self, message: str, records: list[dict[str, Any]], reason: str = "timeout",
                 peak_rss_mb: float | None = None) -> None:
        super().__init__(message)
        self.records = records
        self.reason = reason
        self.peak_rss_mb = peak_rss_mb


def _rss_mb_of(pid: int) -> float | None:
    """Current resident size of process ``pid`` in MiB (``/proc``), or ``None``."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _json_lines(text: str | bytes | None) -> list[dict[str, Any]]:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    out = []
    for line in (text or "").splitlines():
        if line.strip().startswith("{"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:  # a line cut by the timeout
                pass
    return out


def run_child(script: str, args: list[str], timeout: float,
              rss_limit_mb: float | None = None) -> dict[str, Any]:
    """Run ``benchmarks/<script>`` in a fresh interpreter and return its last JSON line.

    The child's stderr (progress) is echoed live; its stdout must end with one JSON
    object. A fresh process makes ``ru_maxrss`` the measured work's own peak.

    A watchdog stops the child when its resident size exceeds ``rss_limit_mb``, so
    that an oversized benchmark cannot exhaust a machine shared with other work.

    Raises
    ------
    ChildTimeout
        If the child runs longer than ``timeout`` seconds or grows beyond
        ``rss_limit_mb`` (it is killed); carries the JSON lines it printed before.
    RuntimeError
        If the child exits non-zero or prints no JSON object; the message carries the
        tail of its stderr.
    """
    cmd = [sys.executable, str(BENCH_DIR / script), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=venv_env())
    out_lines: list[str] = []
    err_tail: collections.deque[str] = collections.deque(maxlen=8)

    def pump_out() -> None:
        assert proc.stdout is not None
        out_lines.extend(proc.stdout)

    def pump_err() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            sys.stderr.write(line)
            err_tail.append(line.rstrip())

    threads = [threading.Thread(target=f, daemon=True) for f in (pump_out, pump_err)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    seen_rss = 0.0
    reason = None
    while proc.poll() is None:
        rss = _rss_mb_of(proc.pid) or 0.0
        seen_rss = max(seen_rss, rss)
        if rss_limit_mb is not None and rss > rss_limit_mb:
            reason = "memory_limit"
        elif time.monotonic() > deadline:
            reason = "timeout"
        if reason:
            proc.kill()
            proc.wait()
            for t in threads:
                t.join(timeout=5)
            what = (f"grew beyond {rss_limit_mb:.0f} MB" if reason == "memory_limit"
                    else f"did not finish in {timeout:.0f} s")
            raise ChildTimeout(f"{script} {' '.join(args[:1])} {what}",
                               _json_lines("".join(out_lines)), reason, round(seen_rss, 1))
        time.sleep(0.2)
    for t in threads:
        t.join()
    lines = _json_lines("".join(out_lines))
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{script} exited with {proc.returncode}: " + " | ".join(err_tail))
    return lines[-1]


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(peak / scale, 1)


def current_rss_mb() -> float | None:
    """Return this process's current resident set size in MiB from ``/proc/self/statm``."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
