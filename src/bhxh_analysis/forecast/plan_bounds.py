"""P(meet plan) held to what the interval and the bounds beside it say.

``p_meet_plan`` comes mostly from the empirical share of past moves
(:func:`bhxh_analysis.forecast.plan.moves_prob`), the intervals from the forecast's
distribution, held by the bounds (:mod:`bhxh_analysis.forecast.bounds`). The two can
contradict each other on a page: a 95 % interval ending at 29,287 beside a 8 % chance of
reaching 29,467. :func:`hold_p` removes the contradiction the honest way, with the
statements the page already makes, and keeps the share of past moves wherever it agrees
(and below an interval's lower end, where measuring showed the share to be the better
guide, :data:`HOLD_LOWER`; the page says the two disagree there):

1. a component of a total (:func:`~.bounds.total_of`, ``C ≤ T``): ``P(C ≥ x) ≤ P(T ≥ x)``;
2. a part whose upper ends were held by its total less the other part
   (:func:`~.bounds.cap_by_parts`, flags ``bounded_parts``/``bounded_parts_last``):
   ``P(C ≥ x) ≤ min_s [P(T ≥ x + s) + P(S < s)]`` (Bonferroni, the inequality the cap
   uses; ``S`` the other part's forecast, or its known value, or its last figure
   lowered by :data:`~.bounds.PART_FALL`);
3. the interval itself: a plan above ``hi{L}`` gets at most ``(1 − L/100)/2`` (one below
   ``lo{L}`` would get at least ``1 − (1 − L/100)/2``, but that side is not held:
   :data:`HOLD_LOWER`);
4. above the hard bound (``upper_bound``: population, labour force, 100 %, the total's
   widest upper end) ``P = 0``.

Chances of a value are read off the ends shown, as :func:`~.bounds.quantile_beyond`
reads them (:func:`prob_beyond`), so the bound of a capped 95 % end is exactly 2.5 %.
The step that decides P is named by one flag (:data:`HOLD_FLAGS`), which the page turns
into its reason sentence; ``p_meet_plan_model`` keeps the model whose number was held.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Flags naming what held P(meet plan), in the order the holds apply (the last that
#: changes P names it).
HOLD_FLAGS = ("p_held_total", "p_held_parts", "p_held_interval", "p_above_bound")
#: Whether a plan below ``lo{L}`` has its P raised to ``1 − (1 − L/100)/2``. Measured and
#: not adopted (docs/forecasting.md, "P(meet plan) held to the interval beside it"): on the
#: simulated panel the 1,763 plans below ``lo80`` were met 65.5 % of the time, as the share of
#: past moves said (mean 65.6 %), not the ≥ 90 % the interval implies, and raising P made
#: Brier worse (0.143 → 0.147 overall); the page says the two disagree instead.
HOLD_LOWER = False
#: The P columns held and the plan value each is the chance of reaching.
P_AT = (("p_meet_plan", "plan"), ("p_meet_plan_lo", "plan_hi"), ("p_meet_plan_hi", "plan_lo"))
#: Tail probabilities at which the ends are read (both sides), the levels' own included.
GRID = np.unique(np.concatenate([np.geomspace(1e-9, 0.5, 361),
                                 [0.005, 0.0125, 0.025, 0.05, 0.10, 0.5]]))


def prob_beyond(row: pd.DataFrame, x: np.ndarray) -> np.ndarray:
    """``P(Y ≥ x)`` for the forecast in the one-row frame ``row``, read off its ends.

    The inverse of :func:`~.bounds.quantile_beyond` on both sides (its values at
    :data:`GRID`, linear between): a plan at ``hi95`` gets 0.025, at ``lo80`` 0.90,
    whatever the two levels' calibration; 0 above ``upper_bound``; a known value (the
    ends equal to it) gives 1 at or below it and 0 above.

    Examples
    --------
    >>> r = pd.DataFrame({"loc": [np.log(100.0)], "df": [1e6], "upper_bound": [np.nan],
    ...     "forecast": [100.0], "hi80": [110.0], "hi95": [130.0], "lo80": [95.0],
    ...     "lo95": [90.0]})
    >>> prob_beyond(r, np.array([130.0, 110.0, 100.0, 95.0])).round(3).tolist()
    [0.025, 0.1, 0.5, 0.9]
    """
    from .bounds import quantile_beyond

    x = np.asarray(x, dtype=float)
    many = row.loc[row.index.repeat(len(GRID))]
    hi = quantile_beyond(many, "hi", GRID)[::-1]  # ascending: P(Y > hi[j]) = GRID[::-1][j]
    lo = quantile_beyond(many, "lo", GRID)  # ascending: P(Y < lo[j]) = GRID[j]
    if not (np.isfinite(hi).all() and np.isfinite(lo).all()):
        return np.full(x.shape, np.nan)
    if hi[-1] <= lo[0] * (1.0 + 1e-12):  # a known value
        return (x <= hi[-1] * (1.0 + 1e-12)).astype(float)
    med = float(row["forecast"].iloc[0])
    up = np.interp(x, hi, GRID[::-1], left=0.5, right=0.0)
    down = 1.0 - np.interp(x, lo, GRID, left=0.0, right=0.5)
    p = np.where(x >= med, up, down)
    bound = float(row["upper_bound"].iloc[0]) if "upper_bound" in row else np.nan
    return np.where(np.isfinite(bound) & (x > bound), 0.0, p)


def parts_bound(t_row: pd.DataFrame, s_row: pd.DataFrame | None, kind: str, s_value: float,
                x: np.ndarray) -> np.ndarray:
    """``min_s [P(T ≥ x + s) + P(S < s)]``: the most a part ``C = T − S`` can have of ``x``.

    ``kind`` as :func:`~.bounds.part_inputs` gives it: ``forecast`` minimises over the
    other part's quantiles ``s`` (``P(S < s)`` at :data:`GRID`, and ``s = 0``); ``known``
    and ``last figure`` enter ``S`` as ``s_value`` (``P(S < s_value) = 0``: the value is
    known, or the allowance :data:`~.bounds.PART_FALL` is assumed, as the cap assumes it).
    """
    from .bounds import quantile_beyond

    x = np.asarray(x, dtype=float)
    if kind != "forecast":
        return prob_beyond(t_row, x + s_value)
    s = quantile_beyond(s_row.loc[s_row.index.repeat(len(GRID))], "lo", GRID)
    s, q = np.append(s, 0.0), np.append(GRID, 0.0)
    ok = np.isfinite(s)
    tot = prob_beyond(t_row, (x[:, None] + s[ok][None, :]).ravel()).reshape(len(x), -1)
    return np.min(tot + q[ok][None, :], axis=1)


def _interval(res: pd.DataFrame, x: np.ndarray, p: np.ndarray) -> np.ndarray:
    """``p`` moved into the band the intervals of ``res`` allow at ``x`` (rule 3)."""
    for c in res.columns:
        if c[:2] in ("lo", "hi") and c[2:].isdigit():
            tail = (100.0 - float(c[2:])) / 200.0
            end = res[c].to_numpy(float)
            if c.startswith("hi"):
                p = np.where(x > end * (1.0 + 1e-12), np.minimum(p, tail), p)
            elif HOLD_LOWER:
                p = np.where(x < end * (1.0 - 1e-12), np.maximum(p, 1.0 - tail), p)
    return p


def ranged_plan(r: pd.Series) -> bool:
    """Whether a row's plan is known only as a range (``plan_lo < plan_hi``).

    :func:`hold_p` then holds ``p_meet_plan`` at the central plan and ``p_meet_plan_lo``
    / ``_hi`` at the plan's ends, each with its own limit: a sentence naming the limit
    that held ``p_meet_plan`` must say it is the central plan's, or it contradicts the
    range of P printed beside it (national compulsory BHXH 30/11/2025: P 29–61 % in the
    table, "leave at most 43 %" in the sentence).

    Examples
    --------
    >>> ranged_plan(pd.Series({"plan_lo": 1.0, "plan_hi": 2.0})), ranged_plan(pd.Series({"plan": 1.0}))
    (True, False)
    """
    lo, hi = (pd.to_numeric(r.get(c), errors="coerce") for c in ("plan_lo", "plan_hi"))
    return bool(pd.notna(lo) and pd.notna(hi) and float(hi) > float(lo))


def hold_p(res: pd.DataFrame) -> pd.DataFrame:
    """Hold ``p_meet_plan`` (and ``p_meet_plan_lo``/``_hi``) to the intervals and bounds.

    Run on the API's frame after :func:`~.bounds.cap_by_totals` and
    :func:`~.bounds.cap_by_parts` (the module docstring gives the four rules). Rows with
    no plan, no forecast or an observed year-end are left as they are. Where a rule
    changes a P, the row gets the flag of the last rule that did (:data:`HOLD_FLAGS`)
    and a note; ``p_meet_plan_model``, ``past_moves`` and ``past_moves_as_large`` stay
    (the reason's counts are still true; the page says the share was held).

    Examples
    --------
    >>> r = pd.DataFrame({"indicator": ["bhtn_participants"], "method": ["seasonal_profile"],
    ...     "loc": [np.log(100.0)], "df": [1e6], "upper_bound": [np.nan], "forecast": [100.0],
    ...     "lo80": [95.0], "hi80": [110.0], "lo95": [90.0], "hi95": [130.0], "plan": [131.0],
    ...     "plan_lo": [131.0], "plan_hi": [131.0], "p_meet_plan": [0.2],
    ...     "p_meet_plan_lo": [0.2], "p_meet_plan_hi": [0.2], "flags": [""], "notes": [""]})
    >>> out = hold_p(r)
    >>> float(out.loc[0, "p_meet_plan"]), out.loc[0, "flags"]
    (0.025, 'p_held_interval')
    """
    from .bounds import part_inputs, part_lookup, sibling_of, total_of
    from .result import add_flags, join_text

    res = res.copy()
    plan = res["plan"].to_numpy(float)
    todo = (np.isfinite(plan) & res["forecast"].notna().to_numpy()
            & (res["method"] != "observed").to_numpy())
    if not todo.any():
        return res
    cols = [(pc, xc) for pc, xc in P_AT if pc in res and xc in res]
    before = {pc: res[pc].to_numpy(float, copy=True) for pc, _ in cols}
    held = np.full(len(res), "", dtype=object)
    look = part_lookup(res) if "as_of" in res else None
    for i in np.flatnonzero(todo):
        ind = str(res["indicator"].iloc[i])
        xs = np.array([float(res[xc].iloc[i]) for _, xc in cols])
        ps = np.array([float(res[pc].iloc[i]) for pc, _ in cols])
        if not np.isfinite(ps).any():
            continue
        tot, sib = total_of(ind), sibling_of(ind)
        row = res.iloc[[i]]
        limits = []
        if look is not None and tot is not None:  # rule 1: C ≤ T
            key = tuple(row[c].iloc[0] for c in [*look.index.names[:-1]])
            ti = look.get((*key, tot))
            if ti is not None and np.isfinite(res.at[ti, "forecast"]) \
                    and not row["last_value"].iloc[0] > res.at[ti, "last_value"]:
                limits.append(("p_held_total", prob_beyond(res.loc[[ti]], xs)))
        flags = str(row["flags"].iloc[0]).split(";")
        if look is not None and sib is not None and (
                "bounded_parts" in flags or "bounded_parts_last" in flags):  # rule 2
            got = part_inputs(res, i, sib, look)
            if got is not None:
                limits.append(("p_held_parts", parts_bound(*got, xs)))
        for name, lim in limits:
            new = np.where(np.isfinite(lim) & np.isfinite(ps), np.minimum(ps, lim), ps)
            if (new < ps - 1e-12).any():
                held[i] = name
            ps = new
        new = _interval(row, xs, ps)  # rule 3
        if (np.abs(new - ps) > 1e-12).any():
            held[i] = "p_held_interval"
        ps = new
        bound = float(row["upper_bound"].iloc[0])
        above = np.isfinite(bound) & (xs > bound)  # rule 4
        if (above & np.isfinite(ps)).any():
            # named whenever the plan itself is above (P = 0 is then the bound's, not
            # the share of past moves'), or an end's P had to go to 0
            if above[0] or (ps[above] > 0).any():
                held[i] = "p_above_bound"
            ps = np.where(above & np.isfinite(ps), 0.0, ps)
        for j, (pc, _) in enumerate(cols):
            res.iloc[i, res.columns.get_loc(pc)] = ps[j]
    moved = np.flatnonzero(held != "")
    if len(moved):
        idx = res.index[moved]
        res.loc[idx, "flags"] = add_flags(res.loc[idx, "flags"].to_numpy(),
                                          held[moved].astype(object))
        note = [f"P(meet plan) {before['p_meet_plan'][k]:.3f} held at "
                f"{res['p_meet_plan'].iloc[k]:.3f} ({held[k].removeprefix('p_')})"
                for k in moved]
        res.loc[idx, "notes"] = join_text(res.loc[idx, "notes"].to_numpy(),
                                          np.array(note, dtype=object))
    return res


def interval_conflicts(df: pd.DataFrame, lower: bool = True) -> pd.Series:
    """Rows whose ``p_meet_plan`` contradicts the interval or bound printed beside it.

    A plan above ``hi95`` with P > 0.025, above ``hi80`` with P > 0.10, below ``lo80``
    with P < 0.90, below ``lo95`` with P < 0.975 (these two only with ``lower``), or above
    ``upper_bound`` with P > 0 (columns absent are not checked). Rows without a plan or a
    P are not counted.

    Examples
    --------
    >>> d = pd.DataFrame({"plan": [120.0, 120.0, 80.0], "p_meet_plan": [0.2, 0.02, 0.95],
    ...     "lo80": 90.0, "hi80": 110.0, "lo95": 85.0, "hi95": 115.0})
    >>> interval_conflicts(d).tolist(), interval_conflicts(d, lower=False).tolist()
    ([True, False, True], [True, False, False])
    """
    x, p = df["plan"].astype(float), df["p_meet_plan"].astype(float)
    bad = pd.Series(False, index=df.index)
    for c in ("hi80", "hi95", *(("lo80", "lo95") if lower else ())):
        if c in df:
            tail = (100.0 - float(c[2:])) / 200.0
            end = df[c].astype(float)
            bad |= ((x > end * (1 + 1e-12)) & (p > tail + 1e-9) if c.startswith("hi")
                    else (x < end * (1 - 1e-12)) & (p < 1.0 - tail - 1e-9))
    if "upper_bound" in df:
        bad |= (x > df["upper_bound"].astype(float)) & (p > 0)
    return bad & x.notna() & p.notna()
