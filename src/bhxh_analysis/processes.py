"""Child processes that do not outlive their parent (Linux parent-death signal).

Used by the report batch's workers and kernels (:mod:`.reports.pool`) and by the
build's workers deriving groups of places (:mod:`.pipeline`): after a ``kill -9`` of the
parent, its children receive SIGTERM instead of being left running. Standard library
only, so a worker arms it without importing anything else of the package.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["set_parent_death_signal", "die_with_parent"]

_PR_SET_PDEATHSIG = 1


def set_parent_death_signal(sig: int = signal.SIGTERM) -> bool:
    """Ask Linux to send ``sig`` to this process when its parent dies.

    Used as a kernel's ``preexec_fn`` and in worker initialisers: a ``kill -9`` of the
    batch or the build never leaves workers or kernels behind. Returns False (and does
    nothing) where ``prctl`` is not available.

    Examples
    --------
    >>> set_parent_death_signal() in (True, False)  # armed here too; harmless
    True
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(parent: int) -> None:
    """Arm the parent-death signal in a worker; exit at once if ``parent`` is gone.

    ``parent`` is the pid of the process that started the worker (it may have died
    before the signal was armed: the worker then belongs to another process).

    Examples
    --------
    >>> die_with_parent(os.getppid())  # the parent is alive: returns
    """
    set_parent_death_signal()
    if os.getppid() != parent:
        os._exit(1)
