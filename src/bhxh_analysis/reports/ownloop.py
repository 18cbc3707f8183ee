"""A kernel session's own asyncio event loop, whatever thread or context calls it.

jupyter_client's blocking calls (``km.is_alive()``, ``km.start_kernel()``, and nbclient's
execution under papermill) run their coroutines on the event loop that
``jupyter_core.utils.ensure_event_loop`` keeps in a :class:`contextvars.ContextVar`.
A context is copied wherever work is handed on: Dask's LocalCluster runs a task in a
copy of the context of the thread that scheduled it (the client's main thread), so a
task saw the main thread's loop. With two workers rendering at once, both ran
``run_until_complete`` on that one loop: "RuntimeError: This event loop is already
running", the report failed its first attempt (retried, then ok) and the coroutine
created for the call was never awaited — the ``RuntimeWarning: coroutine
'KernelManager._async_is_alive' was never awaited`` at ``runner.py:435`` (the line that
formats the failure). Measured: 3 of 4 reports failed their first attempt once the main
thread had run a kernel (``bhxh report all --executor dask --jobs 2`` after a local
render, as in the test suite); 0 with :class:`OwnLoop`.

:class:`OwnLoop` runs every call of one session in one private, initially empty
:class:`contextvars.Context`: the session's loop is its own, made on its first call and
closed with :meth:`OwnLoop.close` (no "unclosed event loop" left behind).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["OwnLoop"]


class OwnLoop:
    """Run calls in one private context, so jupyter's event loop is this object's own.

    A call made while another of this object's calls runs (a session method calling
    another) runs as it is: a context is entered once at a time.

    Examples
    --------
    >>> import asyncio
    >>> own = OwnLoop()
    >>> own.run(lambda: 1 + 1)
    2
    >>> async def f():
    ...     return 3
    >>> from jupyter_core.utils import run_sync
    >>> own.run(run_sync(f))
    3
    >>> own.close()
    """

    def __init__(self) -> None:
        self._ctx = contextvars.Context()
        self._inside = False

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in this object's context."""
        if self._inside:
            return fn(*args, **kwargs)
        self._inside = True
        try:
            return self._ctx.run(fn, *args, **kwargs)
        finally:
            self._inside = False

    def close(self) -> None:
        """Close the event loop made in this context (if any, and not running)."""
        try:
            from jupyter_core.utils import _loop  # private: the loop's context variable
        except ImportError:  # another jupyter_core: its loop is not ours to close
            return
        loop = self._ctx.get(_loop)
        if loop is not None and not loop.is_running() and not loop.is_closed():
            loop.close()
