"""Work a batch of forecasts on one observations table shares, done once per process.

A report forecasts one place, but the forecaster learns from every series of the table
cut at the as-of date: the prepared family (:func:`~bhxh_analysis.forecast._prep.prepare`,
with its training pairs and the backtest cases the ``auto`` choice and the interval
calibration read) and the plan-aware fit
(:func:`~bhxh_analysis.forecast.plan.plan_model_for`) are the same for every place
forecast at the same cut-off. ``bhxh report all`` renders a hundred pages in one kernel,
most of them at a handful of cut-offs, and prepared them again for each page (about a
fifth of a province page's time).

Only callers that name the table's build (``reuse=``, the reports pass the build set's
observations checksum) share this work, and only for that very table object: another
build, another checksum or another frame (a test's hand-made bundle) starts afresh, so
nothing is ever served from a different table. A public call without ``reuse`` prepares
everything itself, as before (a user may change a frame in place between two calls).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd

#: How many prepared families and fits are kept (a batch uses a few dozen cut-offs).
MAX_ITEMS = 64

_STATE: dict[str, Any] = {"key": None, "obs": None, "items": {}}


def store_for(obs: pd.DataFrame, reuse: Hashable | None) -> dict | None:
    """The memo of table ``obs`` built as ``reuse`` (``None``: nothing is shared).

    A new build key or another frame object empties the memo first.

    Examples
    --------
    >>> a, b = pd.DataFrame({"v": [1]}), pd.DataFrame({"v": [1]})
    >>> store_for(a, None) is None
    True
    >>> s = store_for(a, "build-1"); s["x"] = 1
    >>> store_for(a, "build-1") is s, store_for(b, "build-1") == {}
    (True, True)
    """
    if reuse is None:
        return None
    ref = _STATE["obs"]
    if _STATE["key"] != reuse or ref is None or ref() is not obs:
        _STATE.update(key=reuse, obs=weakref.ref(obs), items={})
    items = _STATE["items"]
    if len(items) >= MAX_ITEMS:
        items.clear()
    return items


def remembered(store: dict | None, key: tuple, make: Callable[[], Any]) -> Any:
    """``make()``, kept in ``store`` under ``key`` (computed every time without a store).

    Examples
    --------
    >>> calls = []
    >>> s = {}
    >>> [remembered(s, ("a",), lambda: calls.append(1) or len(calls)) for _ in range(2)]
    [1, 1]
    >>> remembered(None, ("a",), lambda: 7)
    7
    """
    if store is None:
        return make()
    if key not in store:
        store[key] = make()
    return store[key]
