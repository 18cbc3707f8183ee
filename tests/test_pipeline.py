"""Tests of bhxh_analysis.pipeline steps on small frames (the full build: test_observations)."""

from __future__ import annotations

import pandas as pd

from bhxh_analysis.pipeline import check_counts


def _obs(rows: list[tuple]) -> pd.DataFrame:
    cols = ["obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
            "province_2025", "province_code", "as_of", "indicator", "value", "unit",
            "value_raw", "_file", "_row"]
    obs = pd.DataFrame(rows, columns=cols)
    obs["as_of"] = pd.to_datetime(obs["as_of"])
    return obs


LAM_DONG = ("68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "68")


def test_a_count_above_the_population_is_rejected_naming_the_bound():
    obs = _obs([
        ("pop", "gso", *LAM_DONG, "2022-07-01", "population", 1_332_500.0, "persons",
         "1.332,5", "gso/pop.csv", 40),
        ("ok", "s1", *LAM_DONG, "2024-12-31", "bhyt_participants", 1_200_000.0, "persons",
         "1.200.000", "curated/x.csv", 2),
        ("huge", "s1", *LAM_DONG, "2024-12-31", "bhyt_participants", 2e9, "persons",
         "2 tỷ", "curated/x.csv", 3),
        ("pct", "s1", *LAM_DONG, "2024-12-31", "bhyt_coverage_pct", 92.5, "pct",
         "92,5%", "curated/x.csv", 4),
        ("change", "s1", *LAM_DONG, "2024-12-31", "bhyt_change_participants", -5000.0,
         "persons", "-5.000", "curated/x.csv", 5),
    ])
    kept, rej = check_counts(obs)
    assert sorted(kept["obs_id"]) == ["change", "ok", "pct", "pop"]
    assert rej[["file", "row", "column", "value"]].values.tolist() == [
        ["curated/x.csv", 3, "value_raw", "2 tỷ"]]
    reason = rej["reason"].iloc[0]
    assert "2,000,000,000" in reason
    assert "population of Lâm Đồng 1,332,500 in 2022" in reason and "bound" in reason


def test_labour_force_bounds_bhxh_where_known():
    obs = _obs([
        ("pop", "gso", *LAM_DONG, "2016-07-01", "population", 1_300_000.0, "persons",
         "1300.0", "gso/pop.csv", 40),
        ("lf", "gso", *LAM_DONG, "2016-07-01", "labour_force_15plus", 700_000.0, "persons",
         "700.0", "gso/lf.csv", 40),
        ("bhxh", "s1", *LAM_DONG, "2016-12-31", "bhxh_participants", 900_000.0, "persons",
         "900.000", "curated/x.csv", 2),
        ("bhyt", "s1", *LAM_DONG, "2016-12-31", "bhyt_participants", 900_000.0, "persons",
         "900.000", "curated/x.csv", 3),
    ])
    kept, rej = check_counts(obs)
    assert rej["row"].tolist() == [2]
    assert "labour force of Lâm Đồng 700,000" in rej["reason"].iloc[0]
    assert "bhyt" in set(kept["obs_id"])
