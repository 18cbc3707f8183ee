"""Upper ends held to the moves seen (``methods.move_caps``, ``MOVE_CAP``).

Kon Tum, voluntary BHXH on 30/6/2020 (one figure, 4,294; ``pooled_move``): 95 % upper
end 41,863, 9.75 times the figure in six months, where no voluntary BHXH year-end had
been more than 2.04 times a figure of its year (a Student t with 3.7 df times an upper
factor of 5.1 learned from a few years' errors).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from bhxh_analysis.forecast import methods
from bhxh_analysis.forecast.methods import move_caps, predict_pooled

#: Calibration factors as Kon Tum's (upper side far above the lower).
KON_TUM = {80: np.array([1.67]), 95: np.array([4.90]), "lo80": np.array([0.34]),
           "lo95": np.array([0.43]), "hi80": np.array([2.64]), "hi95": np.array([5.15])}


def _train(ratios: list[float]) -> pd.DataFrame:
    n = len(ratios)
    return pd.DataFrame({"sid": np.arange(n), "ind_id": 0, "year": 2015 + np.arange(n) % 4,
                         "t": np.linspace(1.0, 5.5, n), "v": 100.0, "prev_ye": np.nan,
                         "g_hat": 0.0, "actual": 100.0 * np.asarray(ratios)})


def _target() -> pd.DataFrame:
    return pd.DataFrame({"sid": [99], "ind_id": [0], "v": [4294.0], "t": [6.0],
                         "prev_ye": [np.nan], "g_hat": [0.0]})


def _rule(ratios: list[float], level: float) -> float:
    """The cap by hand: the largest move, plus the normal distance from its n/(n+1)
    point to the level's point, in units of the moves' sd."""
    m = np.log(ratios)
    n = len(m)
    ext = max(0.0, stats.norm.ppf(0.5 + level / 200) - stats.norm.ppf(n / (n + 1)))
    return float(m.max() + np.std(m, ddof=1) * ext)


RATIOS = [1.18, 1.17, 1.125, 1.97, 1.87, 1.10, 1.05]


def test_an_upper_end_beyond_every_move_is_held_to_the_rule(monkeypatch) -> None:
    """Moves of at most ×1.97 and Kon Tum's factors: without the cap the 95 % upper end
    is more than 4 times the figure; with it, at the rule's cap (here ×2.5) and never
    below the 80 % upper end or the forecast; lower ends and the forecast do not move."""
    train, tg = _train(RATIOS), _target()
    monkeypatch.setattr(methods, "MOVE_CAP", False)
    before = predict_pooled(tg, train, 100, 1, calib=KON_TUM).iloc[0]
    monkeypatch.setattr(methods, "MOVE_CAP", True)
    after = predict_pooled(tg, train, 100, 1, calib=KON_TUM).iloc[0]
    cap95 = 4294.0 * np.exp(_rule(RATIOS, 95))
    assert before.hi95 > 4 * 4294.0 > cap95          # the defect: beyond the rule
    assert after.hi95 == pytest.approx(cap95)
    assert after.hi95 < 2.6 * 4294.0
    assert after.forecast <= after.hi80 <= after.hi95
    for c in ("forecast", "lo80", "lo95", "scale", "scale_lo"):
        assert after[c] == before[c]


def test_an_80_upper_end_beyond_every_move_is_held_and_p_follows(monkeypatch) -> None:
    """The 80 % end by the same rule (with n moves the largest is the n/(n+1) point; here
    n = 7, 0.875, so it may pass ×1.97 by the normal distance to 0.90): Kon Tum's factors
    put it beyond the rule without the cap and at it with it; ``scale_hi`` follows, so a
    plan at the printed ``hi80`` still gets 10 % and one at the forecast 50 %."""
    from bhxh_analysis.forecast.result import prob_at_least

    train, tg = _train(RATIOS), _target()
    monkeypatch.setattr(methods, "MOVE_CAP", False)
    before = predict_pooled(tg, train, 100, 1, calib=KON_TUM).iloc[0]
    monkeypatch.setattr(methods, "MOVE_CAP", True)
    after = predict_pooled(tg, train, 100, 1, calib=KON_TUM).iloc[0]
    cap80 = 4294.0 * np.exp(_rule(RATIOS, 80))
    assert before.hi80 > cap80 * 1.05                 # the defect: beyond the rule
    assert after.hi80 == pytest.approx(cap80)
    assert after.forecast <= after.hi80 <= after.hi95
    assert after.scale_hi < before.scale_hi

    def p(x: float) -> float:
        return float(prob_at_least(x, after["loc"], after["scale"], after["df"],
                                   scale_lo=after["scale_lo"], scale_hi=after["scale_hi"])[()])

    assert p(after.hi80) == pytest.approx(0.10)
    assert p(after.forecast) == pytest.approx(0.5)
    assert p(after.lo80) == pytest.approx(0.90)


def test_an_end_inside_the_moves_is_not_moved(monkeypatch) -> None:
    """Control: factors of 1 and moves as wide as the t allows — the ends stay where the
    calibrated t puts them; with fewer than two moves (or a target more than a year
    ahead) there is no cap at all."""
    wide = [0.8, 1.5, 0.9, 1.6, 1.0, 1.4, 1.2]
    tg, one = _target(), {80: np.array([1.0]), 95: np.array([1.0])}
    monkeypatch.setattr(methods, "MOVE_CAP", False)
    before = predict_pooled(tg, _train(wide), 100, 1, calib=one).iloc[0]
    monkeypatch.setattr(methods, "MOVE_CAP", True)
    after = predict_pooled(tg, _train(wide), 100, 1, calib=one).iloc[0]
    assert 4294.0 * np.exp(_rule(wide, 95)) > before.hi95
    assert (after.hi80, after.hi95, after.scale_hi) == (before.hi80, before.hi95, before.scale_hi)
    one_move = np.log([1.9])
    assert np.isinf(move_caps(np.array([6.0]), np.array([0]), np.array([3.0]),
                              np.array([0]), one_move, 95)).all()
    assert np.isinf(move_caps(np.array([-6.0]), np.array([0]), np.full(7, 3.0),
                              np.zeros(7, dtype=int), np.log(RATIOS), 95)).all()


def test_only_moves_from_the_same_month_or_earlier_of_the_same_indicator_count() -> None:
    """A later move (less of the year left) and another indicator's move are not evidence
    for this target's cap."""
    mv = np.log([1.1, 1.2, 1.3, 3.0, 3.0])
    cap = move_caps(np.array([6.2]), np.array([0]), np.array([2.0, 4.0, 6.9, 8.0, 3.0]),
                    np.array([0, 0, 0, 0, 1]), mv, 95)
    assert cap[0] == pytest.approx(_rule([1.1, 1.2, 1.3], 95))
