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


def test_intervals_use_each_sides_factor(monkeypatch) -> None:
    """The lower end moves with the lower factor, the upper with the upper one; the
    point forecast and the reported scale do not move; without side factors the
    intervals are symmetric in log space as before. (The upper factor 3.0 puts the 95 %
    end past every move of the training pairs: the own-path cap, tested in
    ``tests/test_forecast_own_path.py``, is off here so the factor alone is seen.)"""
    from bhxh_analysis.forecast import methods

    monkeypatch.setattr(methods, "OWN_PATH_CAP", False)
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


def test_each_side_is_calibrated_by_default() -> None:
    """Adopted 4 December 2026: without ``sides``, the factors carry both sides."""
    rng = np.random.default_rng(7)
    f = calibration_factors(_past(rng.standard_normal(200), rng), "seasonal_profile", 2025,
                            np.array([6.0]), np.array([0]))
    assert {"lo80", "hi80", "lo95", "hi95"} <= set(f)


def _asymmetric() -> pd.DataFrame:
    train = pd.DataFrame({"sid": np.repeat([0, 1], 6), "ind_id": 0,
                          "year": np.tile(np.arange(2018, 2024), 2), "t": 9.0, "v": 100.0,
                          "prev_ye": 95.0, "g_hat": 0.02,
                          "actual": [104.0, 101, 106, 103, 102, 105] * 2})
    tg = pd.DataFrame({"sid": [0], "ind_id": [0], "v": [100.0], "t": [9.0],
                       "prev_ye": [98.0], "g_hat": [0.02], "g_sd": [0.0]})
    return predict_sparse("seasonal_profile", tg, train, 2, 1, calib={
        80: np.array([1.2]), 95: np.array([1.5]), "lo80": np.array([0.6]),
        "hi80": np.array([2.4]), "lo95": np.array([0.9]), "hi95": np.array([3.0])})


def test_the_chance_of_a_value_agrees_with_the_interval_beside_it() -> None:
    """P(Y ≥ x) is the split distribution of the interval's two ends: a plan at the
    upper end of the 80 % interval has a 10 % chance, one at its lower end 90 %, one at
    the forecast 50 % — the symmetric distribution (the two-sided ``scale``) gives
    other chances at both ends when the sides' factors differ."""
    from bhxh_analysis.forecast.result import prob_at_least

    a = _asymmetric().iloc[0]
    assert a.scale_lo < a.scale < a.scale_hi

    def p(x: float, **side: float) -> float:
        return float(prob_at_least(x, a["loc"], a.scale, a.df, **side)[()])

    split = {"scale_lo": a.scale_lo, "scale_hi": a.scale_hi}
    assert p(a.hi80, **split) == pytest.approx(0.10, abs=1e-9)
    assert p(a.lo80, **split) == pytest.approx(0.90, abs=1e-9)
    assert p(a.forecast, **split) == pytest.approx(0.50, abs=1e-9)
    # The symmetric one disagreed at both ends.
    assert abs(p(a.hi80) - 0.10) > 0.05 and abs(p(a.lo80) - 0.90) > 0.05
    # NaN side scales (a forecast without side calibration, ETS) fall back to `scale`.
    assert p(a.hi80, scale_lo=np.nan, scale_hi=np.nan) == p(a.hi80)


def test_the_bound_still_censors_the_split_distribution() -> None:
    """Above the upper bound the chance is 0; at or below it the split distribution's."""
    from bhxh_analysis.forecast.result import prob_at_least

    a = _asymmetric().iloc[0]
    side = {"scale_lo": a.scale_lo, "scale_hi": a.scale_hi}
    upper = 0.5 * (a.forecast + a.hi80)
    above = prob_at_least(upper * 1.001, a["loc"], a.scale, a.df, upper, **side)
    at = prob_at_least(upper, a["loc"], a.scale, a.df, upper, **side)
    free = prob_at_least(upper, a["loc"], a.scale, a.df, **side)
    assert float(above[()]) == 0.0
    assert 0.10 < float(at[()]) == float(free[()]) < 0.50


def test_a_forecast_result_gives_the_chances_of_its_own_interval() -> None:
    """Through the API (voluntary BHXH, whose errors are lopsided): ``prob_at_least`` at
    ``hi80`` is 10 %, at ``lo80`` 90 %; the result carries both side scales."""
    import bhxh_analysis.forecast as fc

    r = fc.forecast(fc.example_observations(), geo="Việt Nam",
                    indicator="bhxh_voluntary_participants", year=2024, as_of="2024-08-31")
    assert r.scale_lo != r.scale_hi
    if r.hi80 < r.upper_bound:  # an end censored at the bound is the bound
        assert r.prob_at_least(r.hi80) == pytest.approx(0.10, abs=1e-6)
    assert r.prob_at_least(r.lo80) == pytest.approx(0.90, abs=1e-6)
    assert r.to_frame()[["scale_lo", "scale_hi"]].notna().all(axis=None)
