"""Lower ends held to the falls seen (``methods.move_floors``, ``MOVE_FLOOR``).

Gia Lai, BHTN on 30/6/2020 ("trên 66.000", one figure, ``pooled_move``): the 95 %
interval's lower end was 61,415, 6.9 % below the figure, where no BHTN figure in the
data had fallen by more than 0.8 % to a later figure of its year — the pooled move's
upper ends were held to the moves seen (``move_caps``), its lower ends were not.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from bhxh_analysis.forecast import methods
from bhxh_analysis.forecast.methods import gap_moves, move_floors, predict_pooled

#: Lower side calibrated far wider than the upper (a t on a few years' errors).
WIDE_LOW = {80: np.array([1.5]), 95: np.array([3.0]), "lo80": np.array([2.4]),
            "lo95": np.array([4.5]), "hi80": np.array([0.6]), "hi95": np.array([0.9])}


def _train(ratios: list[float]) -> pd.DataFrame:
    """One figure a series-year at mid-year, its year-end ``ratio`` times it."""
    n = len(ratios)
    return pd.DataFrame({"sid": np.arange(n), "ind_id": 0, "year": 2015 + np.arange(n) % 5,
                         "t": np.linspace(4.0, 9.0, n), "v": 100.0, "prev_ye": np.nan,
                         "g_hat": 0.0, "actual": 100.0 * np.asarray(ratios)})


def _target(v: float = 66000.0, t: float = 5.0) -> pd.DataFrame:
    return pd.DataFrame({"sid": [99], "ind_id": [0], "v": [v], "t": [t],
                         "prev_ye": [np.nan], "g_hat": [0.0]})


def _rule(ratios: list[float], level: float) -> float:
    """The floor by hand: the smallest move, less the normal distance from its
    1/(n+1) point to the level's lower point, in units of the moves' sd."""
    m = np.log(ratios)
    n = len(m)
    ext = max(0.0, stats.norm.ppf(0.5 + level / 200) - stats.norm.ppf(n / (n + 1)))
    return float(m.min() - np.std(m, ddof=1) * ext)


RATIOS = [1.02, 1.035, 0.992, 1.05, 1.01, 1.04, 1.025, 1.015]


def test_a_lower_end_beyond_every_fall_is_held_to_the_rule(monkeypatch) -> None:
    """Moves of at worst −0.8 % and a wide lower side: without the floor the 95 % lower
    end is more than 5 % below the figure; with it, at the rule's floor; the upper ends
    and the forecast do not move, the 95 % end stays at or below the 80 % one."""
    train, tg = _train(RATIOS), _target()
    monkeypatch.setattr(methods, "MOVE_FLOOR", False)
    before = predict_pooled(tg, train, 100, 1, calib=WIDE_LOW).iloc[0]
    monkeypatch.setattr(methods, "MOVE_FLOOR", True)
    after = predict_pooled(tg, train, 100, 1, calib=WIDE_LOW).iloc[0]
    floor95 = 66000.0 * np.exp(_rule(RATIOS, 95))
    assert before.lo95 < 0.95 * 66000 < floor95          # the defect: beyond every fall
    assert after.lo95 == pytest.approx(floor95)
    assert after.lo95 <= after.lo80 <= after.forecast
    for col in ("forecast", "hi80", "hi95", "scale_hi"):
        assert after[col] == pytest.approx(before[col])


def test_a_held_80_end_keeps_its_ten_percent(monkeypatch) -> None:
    """``scale_lo`` follows a held 80 % lower end, so the split distribution still puts
    10 % below ``lo80`` (the chance of a plan between ``lo80`` and the forecast is what
    the interval says)."""
    train, tg = _train(RATIOS), _target()
    r = predict_pooled(tg, train, 100, 1, calib=WIDE_LOW).iloc[0]
    q80 = methods.t_ppf(0.90, np.array([r.df]))[0]
    assert r.lo80 > 66000.0 * np.exp(-0.05)               # held
    assert np.log(r.lo80) == pytest.approx(r["loc"] - q80 * r.scale_lo)


def test_no_floor_above_the_figure_nor_without_evidence(monkeypatch) -> None:
    """Moves that never fell hold the lower ends at the figure, never above it; one
    move, another indicator's moves, moves only over gaps longer than the months left
    (a year's growth of a national total says nothing of a fall within two months) or a
    last value older than the year-end hold nothing."""
    rising = [1.03, 1.05, 1.04, 1.06, 1.02]
    r = predict_pooled(_target(), _train(rising), 100, 1, calib=WIDE_LOW).iloc[0]
    assert r.lo80 == pytest.approx(66000.0) and r.lo95 <= r.lo80
    f = move_floors(np.array([5.0, -1.0, 5.0]), np.array([0, 0, 1]), gap_moves(_train(RATIOS)), 95)
    assert np.isfinite(f[0]) and np.isneginf(f[1]) and np.isneginf(f[2])
    assert np.isneginf(move_floors(np.array([5.0]), np.array([0]), gap_moves(_train([0.99])), 95)[0])
    assert np.isneginf(move_floors(np.array([10.0]), np.array([0]), gap_moves(_train(RATIOS)), 95)[0])


def test_a_short_fall_between_two_figures_counts() -> None:
    """The evidence is every move between two figures of a series-year, not only the
    moves to 31 December: a fall from May to June that was made up by December widens
    the floor."""
    tr = pd.DataFrame({"sid": [0, 0, 1, 2], "year": [2020, 2020, 2021, 2022], "ind_id": 0,
                       "t": [4.0, 5.0, 6.0, 6.0], "v": [100.0, 94.7, 100.0, 100.0],
                       "actual": [104.0, 104.0, 103.0, 102.0]})
    f = move_floors(np.array([6.0]), np.array([0]), gap_moves(tr), 80)[0]
    assert f <= np.log(0.947)


def test_gia_lai_bhtn_mid_2020(home: Path) -> None:
    """The page's case on the built data: "trên 66.000" on 30/6/2020, the 95 % lower end
    within 3 % of the figure (was 6.9 % below it); the upper ends unchanged."""
    import bhxh_analysis.forecast as fc
    from bhxh_analysis.observations import load_observations

    obs = load_observations(rebuild=False)
    r = fc.forecast(obs, geo=("legacy", "province", "64"), indicator="bhtn_participants",
                    year=2020, as_of="2020-06-30")
    assert r.method == "pooled_move"
    assert r.lo95 > 0.97 * r.last_value
    assert r.lo95 <= r.lo80 <= r.forecast <= r.hi80 <= r.hi95
