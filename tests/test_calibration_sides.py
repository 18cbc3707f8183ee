"""Each side of an interval calibrated on the errors that fell on it (``CALIB_SIDES``).

Ngân Sơn (Bắc Kạn), voluntary BHXH on 11/10/2020: upward surprises of voluntary BHXH
(doubling in 2019) widened the lower end of its 95 % interval to −73 % when one factor,
learned from ``|z|``, scaled both sides.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bhxh_analysis.forecast.calibration import calibration_factors, tail_ratio
from bhxh_analysis.forecast.methods import predict_sparse


def _past(z: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    n = len(z)
    return pd.DataFrame({"method": "seasonal_profile", "z": z, "t": rng.uniform(0.5, 11.5, n),
                         "df": 30.0, "ind_id": rng.integers(0, 3, n),
                         "year": rng.integers(2012, 2024, n)})


def test_symmetric_errors_give_each_side_the_two_sided_factor() -> None:
    """With every error mirrored about the forecast, P(z > f·q) = P(|z| > f·q) / 2, so
    the side factors (the (1 + level)/2-th percentile of max(±z, 0)/q) are the
    two-sided factors in every tier — months, indicators, years as weights."""
    rng = np.random.default_rng(5)
    half = _past(rng.standard_t(4, 300) * 1.3, rng)
    past = pd.concat([half, half.assign(z=-half["z"])], ignore_index=True)
    target_t, target_ind = np.array([1.0, 5.5, 10.5, 10.5]), np.array([0, 1, 2, 7])
    f = calibration_factors(past, "seasonal_profile", 2025, target_t, target_ind, sides=True)
    for lev in (80, 95):
        assert f[f"lo{lev}"] == pytest.approx(f[lev], rel=0.03)
        assert f[f"hi{lev}"] == pytest.approx(f[lev], rel=0.03)


def test_upward_surprises_widen_the_upper_side_only() -> None:
    """Errors mostly small and below the forecast, a few large ones above (a scheme
    doubling): the upper factors exceed the two-sided ones and are far wider than the
    lower ones; the two-sided factors (the reported scale, P(Y ≥ x)) do not change, and
    each side's 95 % factor is at least its 80 % one times that side's tail ratio."""
    rng = np.random.default_rng(6)
    z = np.where(rng.random(400) < 0.25, rng.uniform(2.0, 6.0, 400),
                 -np.abs(rng.standard_normal(400)) * 0.5)
    past = _past(z, rng)
    target_t, target_ind = np.array([3.0, 9.5]), np.array([0, 1])
    f = calibration_factors(past, "seasonal_profile", 2025, target_t, target_ind, sides=True)
    both = calibration_factors(past, "seasonal_profile", 2025, target_t, target_ind,
                               sides=False)
    assert set(both) == {80, 95}
    for lev in (80, 95):
        assert np.array_equal(f[lev], both[lev])
        assert (f[f"lo{lev}"] < 0.5 * f[f"hi{lev}"]).all()
    assert (f["hi80"] > f[80]).all()
    ind = past["ind_id"].to_numpy()
    for key, side in (("lo", "lower"), ("hi", "upper")):
        rho = tail_ratio(z, past["df"].to_numpy(), ind, side)
        assert (f[f"{key}95"] >= f[f"{key}80"] * rho * (1 - 1e-12)).all()
    assert tail_ratio(z, past["df"].to_numpy(), ind, "upper") != tail_ratio(
        z, past["df"].to_numpy(), ind, "lower")


def test_intervals_use_each_sides_factor() -> None:
    """The lower end moves with the lower factor, the upper with the upper one; the
    point forecast and the reported scale do not move; without side factors the
    intervals are symmetric in log space as before."""
    train = pd.DataFrame({"sid": np.repeat([0, 1], 6), "ind_id": 0,
                          "year": np.tile(np.arange(2018, 2024), 2), "t": 9.0, "v": 100.0,
                          "prev_ye": 95.0, "g_hat": 0.02,
                          "actual": [104.0, 101, 106, 103, 102, 105] * 2})
    tg = pd.DataFrame({"sid": [0], "ind_id": [0], "v": [100.0], "t": [9.0],
                       "prev_ye": [98.0], "g_hat": [0.02], "g_sd": [0.0]})
    one = {80: np.array([1.2]), 95: np.array([1.5])}
    sym = predict_sparse("seasonal_profile", tg, train, 2, 1, calib=one)
    asym = predict_sparse("seasonal_profile", tg, train, 2, 1, calib={
        **one, "lo80": np.array([0.6]), "hi80": np.array([2.4]), "lo95": np.array([0.9]),
        "hi95": np.array([3.0])})
    r = sym.iloc[0]
    assert np.log(r.forecast / r.lo80) == pytest.approx(np.log(r.hi80 / r.forecast))
    a = asym.iloc[0]
    assert (a.forecast, a.scale) == (r.forecast, r.scale)
    assert np.log(a.forecast / a.lo80) == pytest.approx(0.5 * np.log(r.forecast / r.lo80))
    assert np.log(a.hi80 / a.forecast) == pytest.approx(2.0 * np.log(r.hi80 / r.forecast))
    assert a.lo95 < a.lo80 < a.forecast < a.hi80 < a.hi95
