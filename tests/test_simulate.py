"""Tests of ``bhxh_analysis.simulate``: schema, labelling, determinism, realism."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bhxh_analysis.schema import OBSERVATION_COLUMNS as OBS_COLUMNS
from bhxh_analysis.schema import SCHEMES, enforce_dtypes
from bhxh_analysis.simulate import SCHEME_PARAMS, simulate_panel


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return simulate_panel(n_places=40, years=range(2015, 2025), seed=5)


def test_schema_and_sizes(panel: pd.DataFrame) -> None:
    assert list(panel.columns) == OBS_COLUMNS
    n_monthly = 40 * 120 * 4
    n_plans = 40 * 10 * 4
    assert len(panel) == n_monthly + n_plans
    assert panel["obs_id"].is_unique
    assert pd.api.types.is_datetime64_any_dtype(panel["as_of"])
    assert panel["as_of"].dt.is_month_end.all()
    assert (panel["value"] > 0).all()
    assert set(panel["indicator"]) == {
        f"{s}_{m}" for s in ("bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt_household")
        for m in ("participants", "plan_participants")
    }
    plans = panel[panel["indicator"].str.contains("_plan_")]
    assert (plans["as_of"].dt.strftime("%m-%d") == "12-31").all()
    # value_raw is the printed integer of value.
    assert (panel["value_raw"].astype(int) == panel["value"]).all()


def test_unmistakably_synthetic(panel: pd.DataFrame) -> None:
    assert (panel["source_id"] == "synthetic").all()
    assert (panel["note"] == "synthetic").all()
    assert panel.attrs["synthetic"] is True
    assert panel["geo_code"].str.fullmatch(r"SYN\d{4}").all()
    assert panel["geo_name"].str.fullmatch(r"Synthetic \d{4}").all()
    assert panel["obs_id"].str.startswith("syn-").all()


def test_sorted_and_deterministic(panel: pd.DataFrame) -> None:
    again = simulate_panel(n_places=40, years=range(2015, 2025), seed=5)
    pd.testing.assert_frame_equal(panel, again)
    other = simulate_panel(n_places=40, years=range(2015, 2025), seed=6)
    assert not np.allclose(panel["value"].to_numpy(), other["value"].to_numpy())
    keys = panel[["geo_code", "indicator", "as_of"]]
    assert keys.equals(keys.sort_values(["geo_code", "indicator", "as_of"], ignore_index=True))


def _year_table(panel: pd.DataFrame, indicator: str) -> pd.DataFrame:
    p = panel[panel["indicator"] == indicator]
    return p.assign(year=p["as_of"].dt.year, month=p["as_of"].dt.month).pivot_table(
        index=["geo_code", "year"], columns="month", values="value")


def test_december_surge_and_sag_for_voluntary_not_compulsory(panel: pd.DataFrame) -> None:
    shares = {}
    for ind in ("bhxh_voluntary_participants", "bhxh_compulsory_participants"):
        t = _year_table(panel, ind)
        prev = t[12].groupby(level="geo_code").shift(1)
        change = t[12] - prev
        ok = change.abs() > 0.02 * t[12]
        shares[ind] = ((t[12] - t[11]) / change)[ok].median()
    # Voluntary: a large share of the year's change arrives in December (~0.4).
    assert shares["bhxh_voluntary_participants"] > 0.25
    assert shares["bhxh_compulsory_participants"] < shares["bhxh_voluntary_participants"] - 0.1
    # Mid-year sag: June lies below the straight line from 31 Dec to November.
    t = _year_table(panel, "bhxh_voluntary_participants")
    prev = t[12].groupby(level="geo_code").shift(1)
    line = prev + (t[11] - prev) * 6 / 11
    assert ((t[6] < line)[prev.notna()]).mean() > 0.7


def test_plans_near_outcome(panel: pd.DataFrame) -> None:
    for s in ("bhxh_compulsory", "bhxh_voluntary"):
        out = panel[(panel["indicator"] == f"{s}_participants") & (panel["as_of"].dt.month == 12)]
        plan = panel[panel["indicator"] == f"{s}_plan_participants"]
        m = out.merge(plan, on=["geo_code", "as_of"], suffixes=("", "_plan"))
        ratio = np.log(m["value_plan"] / m["value"])
        prm = SCHEME_PARAMS[s]
        assert abs(ratio.mean() - prm.plan_bias) < 0.02
        assert 0.5 * prm.plan_sd < ratio.std() < 1.5 * prm.plan_sd + 0.005


def test_options_and_errors() -> None:
    p = simulate_panel(3, years=[2020, 2021], seed=1, schemes=("bhyt",), level="province",
                       boundaries="2025", plans=False)
    assert set(p["indicator"]) == {"bhyt_participants"}
    assert (p["geo_level"] == "province").all() and (p["boundaries"] == "2025").all()
    assert len(p) == 3 * 24
    with pytest.raises(ValueError, match="unknown scheme"):
        simulate_panel(2, schemes=("nope",))
    with pytest.raises(ValueError, match="consecutive"):
        simulate_panel(2, years=[2015, 2017])
    with pytest.raises(ValueError, match="n_places"):
        simulate_panel(0)


def test_simulated_schemes_and_dtypes_come_from_the_schema() -> None:
    assert set(SCHEME_PARAMS) <= set(SCHEMES)
    panel = simulate_panel(n_places=3, years=[2020], seed=1)
    assert panel["as_of"].dtype == "datetime64[ns]"
    pd.testing.assert_frame_equal(enforce_dtypes(panel), panel, check_dtype=True)
