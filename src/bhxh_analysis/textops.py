"""Vectorised helpers for text columns of big tables (millions of rows).

A commune panel repeats a few thousand places and a few dozen indicators over millions
of rows, and carries one distinct id per row. These helpers keep repeated text as
integer codes (``category`` with sorted ``str`` categories), apply rules once per
distinct value, and hash distinct-per-row text in NumPy straight from the Arrow buffers
(no Python string objects).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "adjacent_ties",
    "as_text_category",
    "duplicated_by_hash",
    "duplicated_text",
    "fill_text",
    "hash_memo",
    "is_lexsorted",
    "is_token",
    "per_value",
    "radix_key",
    "splitmix64",
    "string_hash64",
    "text_codes",
]

_MASK64 = (1 << 64) - 1
#: Columns at least this long are hashed on two threads (:func:`string_hash64`).
_THREADED_HASH_ROWS = 1_000_000


def text_codes(s: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Integer codes and distinct values of a text column (``str`` or ``category``).

    Parameters
    ----------
    s : pandas.Series
        Text column.

    Returns
    -------
    codes : numpy.ndarray
        One integer per row, indexing ``values`` (``-1`` for a missing value). A
        categorical column gives its own codes without touching its rows.
    values : pandas.Series
        The distinct values (``str`` dtype), positionally indexed.
    """
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = np.asarray(s.cat.categories.astype("str"), dtype=object)
        return s.cat.codes.to_numpy(), pd.Series(cats, dtype="str")
    codes, uniq = pd.factorize(s.astype("str"))
    return codes, pd.Series(np.asarray(uniq, dtype=object), dtype="str")


def fill_text(s: pd.Series) -> pd.Series:
    """Text with missing values as ``""``; a categorical stays categorical (no per-row
    strings are made: ``""`` is added to its categories when needed)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        if s.isna().any():
            if "" not in s.cat.categories:
                s = s.cat.add_categories([""])
            s = s.fillna("")
        return s
    return s.astype("str").fillna("")


def per_value(s: pd.Series, rule: Any, fill: Any = False) -> np.ndarray:
    """Apply ``rule`` once per distinct value of a text column, broadcast to its rows.

    Parameters
    ----------
    s : pandas.Series
        Text column (``str`` or ``category``).
    rule : callable
        Series of distinct values (``str``) → array of the same length.
    fill : scalar
        Result for missing values.

    Returns
    -------
    numpy.ndarray
        One result per row of ``s``.
    """
    codes, values = text_codes(s)
    result = np.asarray(rule(values))
    if not len(values):
        return np.full(len(s), fill)
    out = np.append(result, np.asarray([fill]).astype(result.dtype))
    return out[np.where(codes < 0, len(values), codes)]


def as_text_category(s: pd.Series) -> pd.Series:
    """``s`` as a categorical whose categories are its used values, sorted, as ``str``.

    Missing values stay missing (code -1). Sorted categories make code order the text
    order (sorting works on codes), and two equal columns get equal categories.

    Parameters
    ----------
    s : pandas.Series
        Text column (``str``, object or ``category``).

    Returns
    -------
    pandas.Series
        Same index and name, ``category`` dtype.
    """
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy()
        cats = np.asarray(s.cat.categories.astype("str"), dtype=object)
    else:
        codes, uniq = pd.factorize(s.astype("str"))
        cats = np.asarray(uniq, dtype=object)
    complete = len(codes) == 0 or codes.min() >= 0  # no missing: no masking below
    used = np.bincount(codes if complete else codes[codes >= 0], minlength=len(cats)) > 0
    if (isinstance(s.dtype, pd.CategoricalDtype) and used.all()
            and pd.api.types.is_string_dtype(s.cat.categories.dtype)
            and (len(cats) < 2 or bool((cats[1:] > cats[:-1]).all()))):
        return s  # already sorted str categories, all used: nothing to remap
    keep = cats[used]
    order = np.argsort(keep, kind="stable")
    rank = np.empty(len(keep), dtype=np.int64)
    rank[order] = np.arange(len(keep))
    # Codes as small as the categories allow (pandas keeps them so, int8 or int16).
    code_type = np.int8 if len(keep) < 127 else np.int16 if len(keep) < 32767 else np.int32
    remap = np.full(len(cats) + 1, -1, dtype=code_type)  # last slot: missing
    remap[np.flatnonzero(used)] = rank
    new_codes = remap[codes if complete else np.where(codes < 0, len(cats), codes)]
    categories = pd.Index(keep[order], dtype="str")
    return pd.Series(pd.Categorical.from_codes(new_codes, categories=categories),
                     index=s.index, name=s.name)


def splitmix64(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: a bijective, well-mixing map of uint64 values."""
    x = np.asarray(x, dtype=np.uint64)
    with np.errstate(over="ignore"):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _arrow_strings(s: Any) -> Any:
    """A text column as one ``large_string`` Arrow array (no copy for Arrow-backed str)."""
    import pyarrow as pa

    if isinstance(s, pd.Series):
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype("str")
        arr = s.array.__arrow_array__() if hasattr(s.array, "__arrow_array__") else \
            pa.array(s.astype("str").to_numpy(dtype=object), type=pa.large_string())
    else:
        arr = s
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    return arr.cast(pa.large_string())


def _string_buffers(arr: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(offsets, data, valid)`` of a ``large_string`` array as NumPy views: offsets
    (n + 1, absolute positions in ``data``), the whole byte buffer, and validity."""
    n = len(arr)
    _, off_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(off_buf, dtype=np.int64)[arr.offset:arr.offset + n + 1]
    data = (np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None
            else np.zeros(0, dtype=np.uint8))
    valid = (np.asarray(arr.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
             if arr.null_count else np.ones(n, dtype=bool))
    return offsets, data, valid


def string_hash64(s: Any) -> np.ndarray:
    """A deterministic 64-bit hash of each string, computed in NumPy.

    Eight bytes at a time (unaligned little-endian words read straight from the Arrow
    data buffer), each word mixed in by xor-multiply-shift, the length folded in, then
    :func:`splitmix64`. Platform-independent (explicit little-endian, wrapping uint64
    arithmetic); missing values hash like ``""`` with a different length tag. Not
    cryptographic: use it for ids and for finding candidate duplicates, which callers
    confirm exactly.

    Parameters
    ----------
    s : pandas.Series or pyarrow.Array
        Text.

    Returns
    -------
    numpy.ndarray
        ``uint64``, one per string.
    """
    arr = _arrow_strings(s)
    n = len(arr)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    remembered = _memo_lookup(arr)
    if remembered is not None:
        return remembered
    offsets, raw, valid = _string_buffers(arr)
    starts = offsets[:-1]
    lengths = offsets[1:] - starts
    n_words = int((lengths.max() + 7) // 8)
    # Padding lets every pass read a whole word even past the last string's end.
    n_bytes = (len(raw) + 8 * n_words + 16) // 8 * 8
    padded = np.zeros(n_bytes, dtype=np.uint8)
    padded[:len(raw)] = raw
    # Aligned little-endian words; a word at byte p joins words p//8 and p//8 + 1.
    words = padded.view("<u8")
    # masks[k] keeps the first k bytes of a word (bytes past a string's end count as 0).
    masks = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
    mult, shift = np.uint64(0x9E3779B97F4A7C15), np.uint64(29)
    one, sixty3 = np.uint64(1), np.uint64(63)
    out = np.empty(n, dtype=np.uint64)
    block = 1 << 16  # rows per block: the temporaries stay in the CPU cache

    def hash_rows(lo: int, hi: int) -> None:
        with np.errstate(over="ignore"):
            for b0 in range(lo, hi, block):
                b1 = min(b0 + block, hi)
                st, ln = starts[b0:b1], lengths[b0:b1]
                h = np.full(len(st), 0xCBF29CE484222325, dtype=np.uint64)
                for j in range(n_words):
                    p = st + 8 * j
                    q = p >> 3
                    r = ((p & 7) << 3).astype(np.uint64)
                    # (x << 1) << (63 - r): a shift by 64 would be undefined when r == 0.
                    w = (words[q] >> r) | ((words[q + 1] << one) << (sixty3 - r))
                    w &= masks[np.clip(ln - 8 * j, 0, 8)]
                    hv = (h ^ w) * mult
                    hv ^= hv >> shift
                    # Strings already consumed keep their value: a hash must not
                    # depend on the longest string of the column.
                    h = np.where(ln > 8 * j, hv, h)
                out[b0:b1] = h

    if n >= _THREADED_HASH_ROWS and (os.cpu_count() or 1) > 1:
        # A big column in two halves, the first on a helper thread (NumPy releases
        # the GIL in these loops); each row's hash is the same either way.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hash") as pool:
            first_half = pool.submit(hash_rows, 0, n // 2)
            hash_rows(n // 2, n)
            first_half.result()  # re-raises the helper's error, if any
    else:
        hash_rows(0, n)
    with np.errstate(over="ignore"):
        tag = np.where(valid, lengths.astype(np.uint64), np.uint64(_MASK64))
        result = splitmix64(out ^ splitmix64(tag))
    if _MEMO["depth"] and n >= _THREADED_HASH_ROWS:
        _MEMO["held"] = (arr, result)
    return result


# While hash_memo() is active: the last big column hashed and its hashes (see there).
_MEMO: dict[str, Any] = {"depth": 0, "held": None}


def _buffer_key(arr: Any) -> tuple[int | None, ...]:
    """Addresses of an Arrow string array's validity, offsets and data buffers."""
    return tuple(b.address if b is not None else None for b in arr.buffers())


def _memo_lookup(arr: Any) -> np.ndarray | None:
    """Remembered hashes of ``arr`` when it is (a slice of) the remembered column."""
    if not _MEMO["depth"] or _MEMO["held"] is None:
        return None
    held, hashes = _MEMO["held"]
    # Same buffers (kept alive by the held column, so their addresses cannot be reused):
    # the same strings, rows arr.offset .. arr.offset + len(arr) of that column.
    start = arr.offset - held.offset
    if (_buffer_key(arr) == _buffer_key(held) and start >= 0
            and start + len(arr) <= len(held)):
        return hashes[start:start + len(arr)].copy()
    return None


@contextmanager
def hash_memo() -> Iterator[None]:
    """Within the block, :func:`string_hash64` remembers the hashes of the last big
    column (a million rows or more) it computed, and hashes any later slice of that
    same Arrow column by lookup.

    A build hashes ``obs_id`` once to validate it and again, group of places by group,
    to derive ids; the groups are slices of the validated column. The entry holds a
    reference to the column's buffers, so a match by buffer address is always the same
    strings; it is dropped when the (outermost) block ends.
    """
    _MEMO["depth"] += 1
    try:
        yield
    finally:
        _MEMO["depth"] -= 1
        if not _MEMO["depth"]:
            _MEMO["held"] = None


def duplicated_text(s: pd.Series) -> np.ndarray:
    """Flag every row whose text occurs more than once (``duplicated(keep=False)``).

    Hashes find candidate duplicates in NumPy; only the candidates are compared as
    text, so hash collisions never flag a distinct value.

    Parameters
    ----------
    s : pandas.Series
        Text column.

    Returns
    -------
    numpy.ndarray
        Boolean, one per row.
    """
    if len(s) < 2:
        return np.zeros(len(s), dtype=bool)
    return duplicated_by_hash(
        string_hash64(s),
        lambda pos: pd.Series(s.iloc[pos].astype("str").to_numpy(dtype=object))
        .duplicated(keep=False).to_numpy())


def duplicated_by_hash(h: np.ndarray, exact: Any) -> np.ndarray:
    """Rows whose value occurs more than once, from 64-bit hashes of the values.

    Rows with a unique hash are unique; only rows sharing a hash are candidates, and
    ``exact(positions)`` (``duplicated(keep=False)`` of those rows' real values) decides,
    so a hash collision never flags a distinct value.

    Parameters
    ----------
    h : numpy.ndarray
        ``uint64`` hash of each row's value.
    exact : callable
        Sorted row positions → boolean array (duplicated among those rows).

    Returns
    -------
    numpy.ndarray
        Boolean, one per row.
    """
    n = len(h)
    out = np.zeros(n, dtype=bool)
    if n < 2:
        return out
    hs = np.sort(h)
    if not (hs[1:] == hs[:-1]).any():  # the usual case: no candidate, no argsort
        return out
    order = np.argsort(h, kind="stable")
    cand = np.zeros(n, dtype=bool)
    cand[order] = adjacent_ties([h[order]])
    pos = np.flatnonzero(cand)
    out[pos] = exact(pos)
    return out


def is_lexsorted(keys: list[np.ndarray]) -> bool:
    """Whether rows are already in lexicographic order of ``keys`` (first key first).

    One pass of adjacent comparisons per key (O(n)), so callers can skip an
    O(n log n) sort of data that arrives sorted.
    """
    if not keys or len(keys[0]) < 2:
        return True
    undecided = np.ones(len(keys[0]) - 1, dtype=bool)
    for k in keys:
        a, b = k[:-1], k[1:]
        if (undecided & (a > b)).any():
            return False
        undecided &= a == b
        if not undecided.any():
            break
    return True


def adjacent_ties(keys: list[np.ndarray]) -> np.ndarray:
    """Flag rows equal on all ``keys`` to the row before or after them.

    On rows sorted by the keys (see :func:`is_lexsorted`) this is
    ``duplicated(keep=False)`` in O(n) without a hash table.
    """
    n = len(keys[0]) if keys else 0
    if n < 2:
        return np.zeros(n, dtype=bool)
    same = np.ones(n - 1, dtype=bool)
    for k in keys:
        same &= k[1:] == k[:-1]
    return np.r_[False, same] | np.r_[same, False]


def radix_key(keys: list[np.ndarray]) -> np.ndarray | None:
    """One int64 per row that orders and compares like the tuple of ``keys``.

    ``keys`` are non-negative integer codes (first key first), combined as a
    mixed-radix number; ``None`` when they would need more than 62 bits, so callers
    fall back to a multi-key method.
    """
    combined = np.zeros(len(keys[0]) if keys else 0, dtype=np.int64)
    span = 1
    for k in keys:
        radix = int(k.max(initial=0)) + 1
        span *= radix
        if span >= 1 << 62:
            return None
        combined = combined * radix + k
    return combined


def is_token(s: pd.Series) -> np.ndarray:
    """Flag non-empty strings without whitespace (``fullmatch(r"\\S+")``), per row.

    Scans the Arrow data buffer for bytes that could be whitespace (ASCII controls
    and spaces, or any non-ASCII byte, since Unicode has spaces too) and runs the
    regular expression only on the strings holding one: ids are almost always ASCII.

    Parameters
    ----------
    s : pandas.Series
        Text.

    Returns
    -------
    numpy.ndarray
        Boolean, one per row; missing values are ``False``.
    """
    import re

    arr = _arrow_strings(s)
    n = len(arr)
    if n == 0:
        return np.zeros(0, dtype=bool)
    offsets, data, valid = _string_buffers(arr)
    ok = ((offsets[1:] - offsets[:-1]) > 0) & valid
    data = data[offsets[0]:offsets[-1]]
    if not len(data) or (data.min() > 32 and data.max() < 127):
        return ok  # printable ASCII only: no whitespace anywhere
    suspect_byte = np.zeros(256, dtype=bool)
    suspect_byte[:33] = True  # controls and space
    suspect_byte[127:] = True  # DEL and every byte of a non-ASCII character
    pos = np.flatnonzero(suspect_byte[data])
    if len(pos):
        rows = np.unique(np.searchsorted(offsets[1:] - offsets[0], pos, side="right"))
        texts = arr.take(rows).to_pylist()
        token = re.compile(r"\S+")
        ok[rows] &= np.array([t is not None and token.fullmatch(t) is not None
                              for t in texts], dtype=bool)
    return ok
