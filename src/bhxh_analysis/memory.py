"""Memory settings for batch work on big tables: the allocator and the garbage collector.

A commune panel's build allocates and frees arrays of tens of megabytes thousands of
times. With glibc's default settings most of that memory goes back to the operating
system at once (large blocks are ``mmap``-ed, the heap is trimmed as soon as 128 KiB
are free) and every new array is then page-faulted and zeroed by the kernel again:
measured on the 10,000-commune benchmark, a fifth of the build's CPU time. Inside
:func:`batch_memory` freed memory stays in the process for the next array, and it
is handed back when the batch ends.

The batch also collects Python's reference cycles less often (pandas creates many
small containers; each collection of the oldest generation walks every object of the
process, tens of milliseconds with pandas and pyarrow loaded): the objects alive when
the batch starts are frozen out of collections, and the first generation is collected
every 100,000 allocations instead of 700. Both are restored at the end.

Only glibc (Linux) is tuned; elsewhere, or when the user has set glibc's own
``MALLOC_*`` / ``GLIBC_TUNABLES`` variables, the allocator is left alone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import platform
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: mallopt parameters (glibc's malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
#: Blocks up to this size come from the heap (glibc's maximum: 32 MiB on 64-bit).
BATCH_MMAP_THRESHOLD = 32 * 1024 * 1024
#: Free memory kept at the top of the heap before it is returned to the system.
BATCH_TRIM_THRESHOLD = 256 * 1024 * 1024
#: After the batch. Setting a threshold switches off glibc's adjustment of both for
#: good, and its 128 KiB starting values would then ``mmap`` every array above that
#: size (much slower than before the batch). These are the values glibc's own
#: adjustment reaches once a program frees big arrays: 32 MiB and twice that.
_AFTER_MMAP, _AFTER_TRIM = BATCH_MMAP_THRESHOLD, 2 * BATCH_MMAP_THRESHOLD

_USER_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_",
                  "GLIBC_TUNABLES")
#: Allocations between collections of the youngest generation during a batch.
BATCH_GC_THRESHOLD = (100_000, 50, 100)
_lock = threading.Lock()
_depth = 0
_gc_before: tuple[int, int, int] | None = None
_froze = False  # whether this module froze the collector (never undo a user's freeze)


def _glibc() -> ctypes.CDLL | None:
    """glibc, when this process runs on it and the user has not tuned it already."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return None
    if any(os.environ.get(name) for name in _USER_SETTINGS):
        return None  # the user's own settings win
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):
        return None
    return libc


@contextmanager
def batch_memory() -> Iterator[bool]:
    """Keep freed memory in the process and collect cycles rarely while a batch runs.

    Sets glibc's ``M_MMAP_THRESHOLD`` to :data:`BATCH_MMAP_THRESHOLD` and
    ``M_TRIM_THRESHOLD`` to :data:`BATCH_TRIM_THRESHOLD` (on exit: the trim threshold
    to 64 MiB, the value glibc's own adjustment reaches with big arrays, and the free
    memory returned to the system with ``malloc_trim``); freezes the objects alive
    now out of garbage collection (unless the caller froze some already) and sets
    :data:`BATCH_GC_THRESHOLD` (on exit: unfrozen, thresholds as before). Nested uses act once. Results do not depend on
    it: only how often the kernel zeroes fresh pages and the collector walks the heap.

    Yields
    ------
    bool
        Whether the allocator was tuned (``False``: not glibc, or the user's
        ``MALLOC_*``/``GLIBC_TUNABLES`` settings are kept).
    """
    global _depth, _gc_before, _froze
    libc = _glibc()
    with _lock:
        if _depth == 0:
            if libc is not None:
                libc.mallopt(_M_MMAP_THRESHOLD, BATCH_MMAP_THRESHOLD)
                libc.mallopt(_M_TRIM_THRESHOLD, BATCH_TRIM_THRESHOLD)
            _gc_before = gc.get_threshold()
            _froze = gc.get_freeze_count() == 0
            if _froze:
                gc.freeze()
            gc.set_threshold(*BATCH_GC_THRESHOLD)
        _depth += 1
    try:
        yield libc is not None
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                if _gc_before is not None:
                    gc.set_threshold(*_gc_before)
                if _froze:
                    gc.unfreeze()
                    _froze = False
                if libc is not None:
                    libc.mallopt(_M_TRIM_THRESHOLD, _AFTER_TRIM)
                    libc.mallopt(_M_MMAP_THRESHOLD, _AFTER_MMAP)
                    libc.malloc_trim(0)
