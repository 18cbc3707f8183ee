"""A Dask cluster for a batch: connect to a scheduler, or start a LocalCluster (issue 16).

Shared by ``bhxh report all --executor dask`` (:mod:`.reports.dask_executor`) and
``bhxh forecast batch --executor dask`` (:mod:`.forecast.batch`). ``distributed`` is
imported only here and in those two modules, when a Dask batch runs.
"""

from __future__ import annotations

import logging
import os
from typing import Any

__all__ = ["SchedulerError", "check_scheduler", "connect"]


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be reached (a bad ``--scheduler`` address)."""


def connect(scheduler: str | None, n_workers: int = 0,
            processes: bool = True) -> tuple[Any, Any]:
    """Return ``(client, cluster)``: a client of ``scheduler``, or of a new LocalCluster.

    ``cluster`` is None for an external scheduler. A LocalCluster has ``n_workers``
    single-threaded workers (0: one per CPU core): worker processes, or with
    ``processes=False`` workers in this process (each with its own task thread; for
    tasks whose work runs elsewhere, e.g. in a Jupyter kernel). Either way the workers
    listen on TCP at 127.0.0.1 (the scheduler's HTTP endpoint on a free port there).

    Raises
    ------
    SchedulerError
        The scheduler cannot be reached (one line, no traceback for the CLI).

    Examples
    --------
    >>> connect("no-port-here", 1)
    Traceback (most recent call last):
    ...
    bhxh_analysis.cluster.SchedulerError: cannot reach the Dask scheduler at 'no-port-here' ...
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            with dask.config.set({"distributed.comm.timeouts.connect": "5s"}):
                return Client(scheduler, timeout="5s"), None
        except (OSError, TimeoutError, ValueError) as exc:
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler!r} "
                                 f"({reason})") from exc
    n = n_workers or (os.cpu_count() or 1)
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=processes,
                           protocol="tcp://", host="127.0.0.1", dashboard_address=":0",
                           silence_logs=logging.ERROR)  # no shutdown chatter on stderr
    return Client(cluster), cluster



def check_scheduler(scheduler: str) -> None:
    """Raise :class:`SchedulerError` unless a Dask scheduler answers at ``scheduler``.

    Called before a batch writes anything, so a mistyped address leaves an existing
    ``manifest.csv`` as it was.

    Examples
    --------
    >>> check_scheduler("no-port-here")
    Traceback (most recent call last):
    ...
    bhxh_analysis.cluster.SchedulerError: cannot reach the Dask scheduler at 'no-port-here' ...
    """
    client, _ = connect(scheduler)
    client.close()
