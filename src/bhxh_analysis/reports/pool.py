"""Worker pool of ``bhxh report all``: process lifecycle and batch faults (issue 13, point 9).

* Workers and their kernels get a **parent-death signal** (Linux
  ``prctl(PR_SET_PDEATHSIG, SIGTERM)``): after ``kill -9`` of ``bhxh report all`` the
  workers receive SIGTERM, and a worker's death sends SIGTERM to its kernel, so nothing is
  left running. Elsewhere this is a no-op (ipykernel still exits when its parent is gone).
* Each finished report is handed to ``on_result`` at once (the runner rewrites the
  manifest atomically), so a kill loses only the reports in progress.
* A worker that dies (killed, out of memory) breaks the pool: the reports it and the other
  workers held are charged one attempt and retried **alone**, each in a fresh one-worker
  pool, so a report that kills its worker again is recorded failed without taking the
  others with it; the reports not yet started are re-queued uncharged.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Test-only: comma-separated province names whose worker process is killed (SIGKILL)
# when it takes the report, to exercise the retry of a dead worker's reports.
KILL_ENV = "BHXH_REPORT_KILL_WORKER"
#: How many times a report may be held by a worker that died before it is recorded failed.
MAX_ATTEMPTS = 2
_PR_SET_PDEATHSIG = 1


def set_parent_death_signal(sig: int = signal.SIGTERM) -> bool:
    """Ask Linux to send ``sig`` to this process when its parent dies.

    Used as the kernel's ``preexec_fn`` and in the worker initialiser: a ``kill -9`` of
    the batch never leaves workers or kernels behind. Returns False (and does nothing)
    where ``prctl`` is not available.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


# Worker-process state (one Renderer per worker process).
_WORKER: Any = None
_MARKERS: Path | None = None


def local_worker() -> str:
    """The ``worker`` a local batch records in ``manifest.csv``: ``local:<process id>``.

    Examples
    --------
    >>> local_worker() == f"local:{os.getpid()}"
    True
    """
    return f"local:{os.getpid()}"


def _worker_init(markers: str | None = None) -> None:
    import multiprocessing.util

    from .runner import Renderer

    global _WORKER, _MARKERS
    set_parent_death_signal()
    if os.getppid() == 1:  # the parent died before the signal was armed
        os._exit(1)
    _MARKERS = Path(markers) if markers else None
    _WORKER = Renderer(warm=True)
    # Worker processes exit through multiprocessing, which skips atexit: use its finaliser.
    multiprocessing.util.Finalize(None, _WORKER.close, exitpriority=10)


def _marker(slug: str) -> Path | None:
    return _MARKERS / slug if _MARKERS is not None else None


def _worker_render(task: Any) -> Any:
    assert _WORKER is not None, "worker not initialised"
    marker = _marker(task.slug)
    if marker is not None:
        marker.write_text(str(os.getpid()), encoding="utf-8")
    kill = {p.strip() for p in os.environ.get(KILL_ENV, "").split(",") if p.strip()}
    if task.label in kill:
        os.kill(os.getpid(), signal.SIGKILL)  # test-only: the worker dies holding the report
    from dataclasses import replace

    result = replace(_WORKER.render(task), worker=local_worker())
    if marker is not None:
        marker.unlink(missing_ok=True)
    return result


def _failed(task: Any, error: str) -> Any:
    from .runner import ReportResult

    return ReportResult(task.label, "failed", 0.0, error, task.parameters,
                        f"{task.slug}.ipynb", "")


def _pool_round(tasks: list[Any], jobs: int, emit: Callable[[Any], None]
                ) -> tuple[list[Any], list[Any]]:
    """Run ``tasks`` in one pool; return (held, unstarted) tasks if a worker died."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool
    from multiprocessing import get_context

    from .runner import _error_text

    markers = Path(tempfile.mkdtemp(prefix="bhxh-pool-"))
    broken: list[Any] = []
    ctx = get_context("spawn")  # no inherited kernel sockets or threads from the parent
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                                 initargs=(str(markers),)) as pool:
            futures = {pool.submit(_worker_render, t): t for t in tasks}
            for fut in as_completed(futures):
                task = futures[fut]
                try:
                    emit(fut.result())
                except BrokenProcessPool:
                    broken.append(task)
                except Exception as exc:  # e.g. a result that cannot be sent back
                    emit(_failed(task, _error_text(exc)))
        held = [t for t in broken if (markers / t.slug).exists()]
    finally:
        shutil.rmtree(markers, ignore_errors=True)
    if broken and not held:  # died before any report started (e.g. the kernel)
        held = broken
    return held, [t for t in broken if t not in held]


def run_pool(tasks: list[Any], jobs: int, emit: Callable[[Any], None]) -> None:
    """Render ``tasks`` in ``jobs`` worker processes; call ``emit(result)`` as each ends.

    Reports held by a worker that died are retried alone (see the module docstring);
    one held by dying workers :data:`MAX_ATTEMPTS` times is emitted as failed.
    """
    attempts: dict[str, int] = {}
    todo, alone = list(tasks), []
    while todo or alone:
        if alone:
            batch, n = [alone.pop(0)], 1
        else:
            batch, todo, n = todo, [], max(1, min(jobs, len(todo)))
        held, unstarted = _pool_round(batch, n, emit)
        todo.extend(unstarted)
        for task in held:
            attempts[task.slug] = attempts.get(task.slug, 0) + 1
            if attempts[task.slug] >= MAX_ATTEMPTS:
                emit(_failed(task, f"the worker process died while rendering this report "
                                   f"({attempts[task.slug]} attempts)"))
            else:
                alone.append(task)
