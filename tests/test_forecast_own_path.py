"""A series' own path held too, generously (``methods.own_path_caps``, ``OWN_PATH_CAP``).

National voluntary BHXH on 31/7/2020 (737,000; ``seasonal_profile``): 95 % upper end
24.2 million, 32.8 times the figure, from a Student t calibrated on the 2019 doubling.
The 95 % end of a forecast from a series' own path is now held to the smaller of the
family's largest move (plus the normal margin) and twice, in log terms, its own
indicator's; the 80 % ends, the forecast and the lower ends do not move.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from bhxh_analysis.forecast import methods
from bhxh_analysis.forecast.methods import own_path_caps, predict_sparse

#: Calibration factors with an upper side far above the lower (voluntary BHXH's).
WIDE = {80: np.array([1.67, 1.67]), 95: np.array([4.90, 4.90]), "lo80": np.array([0.34, 0.34]),
        "lo95": np.array([0.43, 0.43]), "hi80": np.array([2.64, 2.64]),
        "hi95": np.array([5.15, 5.15])}
SMALL = [1.04, 1.06, 1.05, 1.09, 1.07, 1.08]     # indicator 0: total participants
LARGE = [1.45, 1.97, 1.60, 1.88, 1.30, 1.70]     # indicator 1: a scheme that doubled


def _train() -> pd.DataFrame:
    rows = []
    for ind, ratios in ((0, SMALL), (1, LARGE)):
        for k, r in enumerate(ratios):
            rows.append({"sid": ind, "ind_id": ind, "year": 2015 + k, "t": 3.0 + 0.5 * (k % 3),
                         "v": 100.0, "prev_ye": np.nan, "g_hat": 0.0, "actual": 100.0 * r})
    return pd.DataFrame(rows)


def _targets() -> pd.DataFrame:
    return pd.DataFrame({"sid": [0, 1], "ind_id": [0, 1], "v": [1000.0, 1000.0],
                         "t": [6.0, 6.0], "prev_ye": [np.nan, np.nan], "g_hat": [0.0, 0.0],
                         "g_sd": [0.0, 0.0]})


def _rule(ratios: list[float], level: float) -> float:
    m = np.log(ratios)
    n = len(m)
    ext = max(0.0, stats.norm.ppf(0.5 + level / 200) - stats.norm.ppf(n / (n + 1)))
    return float(m.max() + np.std(m, ddof=1) * ext)


def _both(monkeypatch, on: bool) -> pd.DataFrame:
    monkeypatch.setattr(methods, "OWN_PATH_CAP", on)
    return predict_sparse("seasonal_profile", _targets(), _train(), 2, 2, calib=WIDE)


def test_the_95_upper_end_of_an_own_path_is_held(monkeypatch) -> None:
    """Without the rule both 95 % upper ends lie far beyond every move (more than three
    times the figure); with it, the small indicator's is at twice its own cap in log
    terms (below the family's) and the large one's at the family's cap (below twice its
    own), each never below its 80 % end."""
    before, after = _both(monkeypatch, False), _both(monkeypatch, True)
    fam = _rule(SMALL + LARGE, 95)
    small, large = 2 * _rule(SMALL, 95), min(fam, 2 * _rule(LARGE, 95))
    assert (before["hi95"] > 3 * 1000.0).all()                      # the defect
    assert small < fam and large == pytest.approx(fam)
    for i, cap in ((0, small), (1, large)):
        want = max(1000.0 * np.exp(cap), after["hi80"].iloc[i])
        assert after["hi95"].iloc[i] == pytest.approx(want)
        assert after["hi95"].iloc[i] < before["hi95"].iloc[i]
    for c in ("forecast", "lo80", "lo95", "hi80", "scale", "scale_lo", "scale_hi"):
        assert after[c].tolist() == before[c].tolist()


def test_no_cap_without_two_moves_and_none_for_the_pooled_move() -> None:
    """Fewer than two earlier moves: no cap (``inf``); the rule is the own path's only
    (``predict_pooled`` keeps its own caps: ``cap_moves``)."""
    one = own_path_caps(np.array([6.0]), np.array([0]), np.array([3.0]), np.array([0]),
                        np.log([1.5]), 95)
    assert np.isinf(one[0])
    mv = np.log(np.array(SMALL + LARGE))
    ind = np.array([0] * len(SMALL) + [1] * len(LARGE))
    c = own_path_caps(np.array([6.0, 2.0]), np.array([0, 0]), np.full(len(mv), 3.0), ind, mv, 95)
    assert c[0] == pytest.approx(2 * _rule(SMALL, 95))
    assert np.isinf(c[1])       # moves from later in the year (month 3 > month 2) don't count
