"""Tests of the memory settings (allocator, garbage collector) of a big build."""

from __future__ import annotations

import gc
import platform

import numpy as np
import pytest

import bhxh_analysis.memory as memory


class FakeLibc:
    """Records mallopt / malloc_trim calls instead of changing the allocator."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append(("mallopt", param, value))
        return 1

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(("malloc_trim", pad))
        return 1


def test_batch_tunes_once_and_leaves_glibc_usable_after(
        monkeypatch: pytest.MonkeyPatch) -> None:
    libc = FakeLibc()
    monkeypatch.setattr(memory, "_glibc", lambda: libc)
    with memory.batch_memory() as tuned:
        assert tuned
        with memory.batch_memory() as inner:  # nested: no second tuning
            assert inner
        assert libc.calls == [("mallopt", -3, memory.BATCH_MMAP_THRESHOLD),
                              ("mallopt", -1, memory.BATCH_TRIM_THRESHOLD)]
    # After: thresholds where glibc's own adjustment would be (never its 128 KiB
    # start values, which would mmap every array), and free memory handed back.
    assert libc.calls[2:] == [("mallopt", -1, 2 * memory.BATCH_MMAP_THRESHOLD),
                              ("mallopt", -3, memory.BATCH_MMAP_THRESHOLD),
                              ("malloc_trim", 0)]


def test_batch_restores_even_after_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = FakeLibc()
    monkeypatch.setattr(memory, "_glibc", lambda: libc)
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), memory.batch_memory():
        assert gc.get_threshold() == memory.BATCH_GC_THRESHOLD
        assert gc.get_freeze_count() > 0
        raise RuntimeError("boom")
    assert libc.calls[-1] == ("malloc_trim", 0)
    assert memory._depth == 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_callers_own_gc_freeze_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_glibc", lambda: None)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with memory.batch_memory():
            pass
        assert gc.get_freeze_count() > frozen // 2  # still frozen (some may have died)
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("name", ["MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"])
def test_users_own_malloc_settings_are_kept(monkeypatch: pytest.MonkeyPatch,
                                            name: str) -> None:
    monkeypatch.setenv(name, "glibc.malloc.trim_threshold=1" if "TUN" in name else "1")
    assert memory._glibc() is None
    before = gc.get_threshold()
    with memory.batch_memory() as tuned:
        assert not tuned
        assert gc.get_threshold() == memory.BATCH_GC_THRESHOLD  # the collector still is
    assert gc.get_threshold() == before


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_real_glibc_is_tuned_and_numpy_still_works() -> None:
    with memory.batch_memory() as tuned:
        assert tuned
        a = np.arange(5_000_000, dtype=np.float64)
        assert a.sum() == pytest.approx(5_000_000 * 4_999_999 / 2)
    b = np.ones(3_000_000)
    assert b.sum() == 3_000_000
