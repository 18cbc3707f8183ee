"""Tests of ``bhxh_analysis.forecast`` and ``bhxh forecast``.

The national frame below types in the figures of ``national-figures.md`` (and the
GSO 2010–2015 export) so that the tests do not depend on the build.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bhxh_analysis
from bhxh_analysis.cli import main
from bhxh_analysis.forecast import (
    BACKTEST_COLUMNS,
    RESULT_COLUMNS,
    ForecastError,
    backtest,
    forecast_many,
    forecast_year_end,
    summary,
)
from bhxh_analysis.simulate import simulate_panel

M = 1e6
NATIONAL: dict[str, list[tuple[str, float]]] = {
    "bhxh_participants": [
        ("2010-12-31", 9682.6e3), ("2012-12-31", 10565.4e3), ("2013-12-31", 11057.4e3),
        ("2014-12-31", 11645.8e3), ("2015-12-31", 12290.5e3), ("2015-12-31", 12.3 * M),
        ("2020-12-31", 16.16 * M), ("2021-11-30", 16.202 * M), ("2021-12-31", 16.5 * M),
        ("2022-02-28", 16.3 * M), ("2022-05-31", 16.7 * M), ("2022-06-30", 17.1 * M),
        ("2022-09-30", 17.24 * M), ("2022-09-30", 17.08 * M), ("2022-12-07", 17.266 * M),
        ("2023-12-31", 18.259 * M), ("2024-04-30", 17.4 * M), ("2024-10-31", 19.365 * M),
        ("2024-12-31", 20.11 * M), ("2025-11-30", 20.04 * M)],
    "bhxh_compulsory_participants": [
        ("2015-12-31", 12.1 * M), ("2016-12-31", 12.9 * M), ("2018-10-31", 14.19 * M),
        ("2019-12-31", 15.185 * M), ("2021-11-30", 14.909 * M), ("2022-09-30", 15.73 * M),
        ("2025-11-30", 18.032 * M)],
    "bhxh_voluntary_participants": [
        ("2008-12-31", 6000.0), ("2015-12-31", 0.2 * M), ("2016-12-31", 203000.0),
        ("2018-10-31", 251000.0), ("2018-12-31", 270000.0), ("2019-12-31", 551000.0),
        ("2019-12-31", 574000.0), ("2020-06-30", 574000.0), ("2020-12-31", 1.12 * M),
        ("2021-11-30", 1.292 * M), ("2021-12-31", 1.45 * M), ("2022-09-30", 1.51 * M),
        ("2023-12-31", 1.83 * M), ("2024-04-30", 1.4 * M), ("2024-12-31", 2.3 * M),
        ("2025-11-30", 2.016 * M)],
    "bhtn_participants": [
        ("2009-12-31", 6 * M), ("2010-12-31", 7206.1e3), ("2012-12-31", 8269.6e3),
        ("2013-12-31", 8691.4e3), ("2014-12-31", 9219.8e3), ("2015-12-31", 10310.2e3),
        ("2016-12-31", 11.1 * M), ("2018-10-31", 12.13 * M), ("2019-12-31", 13.343 * M),
        ("2021-11-30", 13.207 * M), ("2021-12-31", 13.4 * M), ("2023-12-31", 14.693 * M),
        ("2024-04-30", 14.2 * M), ("2024-10-31", 15.56 * M), ("2024-12-31", 16 * M)],
    "bhyt_participants": [
        ("2010-12-31", 52407.1e3), ("2012-12-31", 58977.2e3), ("2013-12-31", 61764.3e3),
        ("2014-12-31", 64644.8e3), ("2015-12-31", 68466.1e3), ("2015-12-31", 68.5 * M),
        ("2016-12-31", 75.9 * M), ("2018-10-31", 82.33 * M), ("2019-12-31", 85.39 * M),
        ("2020-06-30", 86 * M), ("2020-12-31", 88 * M), ("2021-04-30", 87.3 * M),
        ("2021-11-30", 85.4 * M), ("2021-12-31", 88.8 * M), ("2022-06-30", 86.8 * M),
        ("2022-09-30", 87.5 * M), ("2022-12-07", 90.19 * M), ("2023-12-31", 93.307 * M),
        ("2024-04-30", 90.2 * M), ("2024-10-31", 93.937 * M), ("2024-12-31", 95.52 * M),
        ("2025-11-30", 92.6 * M)],
    "bhxh_plan_participants": [("2021-12-31", 17.402 * M), ("2022-12-31", 19.04 * M)],
    "bhxh_compulsory_plan_participants": [("2021-12-31", 15.804 * M)],
    "bhtn_plan_participants": [("2022-12-31", 15.21 * M)],
    "bhyt_plan_participants": [("2022-12-31", 91.05 * M)],
    "bhxh_attainment_pct": [("2022-09-30", 89.91), ("2025-11-30", 93.1)],
}


def national_frame() -> pd.DataFrame:
    """Observations-schema frame of the national figures (nation, legacy key)."""
    rows = []
    for ind, vals in NATIONAL.items():
        for i, (d, v) in enumerate(vals):
            rows.append({
                "obs_id": f"t-{ind}-{i:02d}", "source_id": "test", "geo_code": "VN",
                "geo_name": "Việt Nam", "geo_level": "nation", "boundaries": "legacy",
                "province_2025": "Việt Nam", "geo_name_raw": "Việt Nam",
                "as_of": pd.Timestamp(d), "as_of_raw": d, "indicator": ind, "value": float(v),
                "unit": "pct" if ind.endswith("pct") else "persons", "value_raw": str(v),
                "preliminary": False, "note": "",
            })
    return pd.DataFrame(rows)


@pytest.fixture(scope="module", autouse=True)
def _built(home: Path) -> Path:
    """Every test here sees the session's built project (``BHXH_HOME``) from the first on.

    A forecast of a thin table borrows from the embedded observations when a processed
    build exists (``_prep.reference_observations``): the module-wide backtest and the
    forecasts it is compared with must see the same build, and no test may build into
    the checkout's ``data/processed`` half-way through the module.
    """
    return home


@pytest.fixture(scope="module")
def nat() -> pd.DataFrame:
    return national_frame()


@pytest.fixture(scope="module")
def nat_backtest(nat: pd.DataFrame) -> pd.DataFrame:
    """``backtest(nat)``, computed once: four tests check the same (deterministic) frame."""
    return backtest(nat)


def tiny(values: list[tuple[str, float]], indicator: str = "bhxh_participants",
         code: str = "T1") -> pd.DataFrame:
    return pd.DataFrame({
        "obs_id": [f"x{i}" for i in range(len(values))], "source_id": "test",
        "geo_code": code, "geo_name": f"Place {code}", "geo_level": "province",
        "boundaries": "legacy", "province_2025": "X",
        "as_of": pd.to_datetime([d for d, _ in values]), "indicator": indicator,
        "value": [float(v) for _, v in values], "unit": "persons", "preliminary": False,
        "note": "",
    })


# --------------------------------------------------------------------------- baselines


def test_run_rate_and_last_value_by_hand() -> None:
    obs = tiny([("2022-12-31", 100.0), ("2023-04-30", 110.0)])
    t = 120 / (365 / 12)  # months elapsed on 30 April 2023 (days since 31 Dec / days per month)
    rr = forecast_year_end(obs, ("legacy", "province", "T1"), "bhxh_participants", 2023,
                           "2023-05-15", method="run_rate")
    assert rr.forecast == pytest.approx(100 + 10 * 12 / t)  # 130.42
    assert rr.forecast == pytest.approx(130.4167, abs=1e-3)
    assert rr.method == "run_rate" and rr.n_obs == 2
    assert rr.last_value == 110 and rr.last_as_of == pd.Timestamp("2023-04-30")
    assert rr.prev_year_end == 100
    lv = forecast_year_end(obs, ("legacy", "province", "T1"), "bhxh_participants", 2023,
                           "2023-05-15", method="last_value")
    assert lv.forecast == 110.0
    for r in (rr, lv):
        assert r.lo95 <= r.lo80 <= r.forecast <= r.hi80 <= r.hi95


def test_run_rate_needs_previous_year_end() -> None:
    obs = tiny([("2023-04-30", 110.0)])
    with pytest.raises(ForecastError, match="31 December 2022"):
        forecast_year_end(obs, ("legacy", "province", "T1"), "bhxh_participants", 2023,
                          "2023-05-15", method="run_rate")


def test_backtest_run_rate_scores_by_hand(nat_backtest: pd.DataFrame) -> None:
    bt = nat_backtest
    assert list(bt.columns) == BACKTEST_COLUMNS
    row = bt[(bt["indicator"] == "bhxh_participants") & (bt["as_of"] == "2024-10-31")
             & (bt["method"] == "run_rate")].iloc[0]
    t = 305 / (366 / 12)  # 2024 is a leap year
    expected = 18.259 * M + (19.365 - 18.259) * M * 12 / t
    assert row["forecast"] == pytest.approx(expected)
    assert row["ape"] == pytest.approx(abs(expected - 20.11 * M) / (20.11 * M) * 100)
    assert row["scaled_error"] == pytest.approx(1.0)
    w = (row["hi80"] - row["lo80"]) + (2 / 0.2) * max(0, row["lo80"] - 20.11 * M) \
        + (2 / 0.2) * max(0, 20.11 * M - row["hi80"])
    assert row["winkler80"] == pytest.approx(w)


# --------------------------------------------------------------------------- leakage


def _fields(r) -> dict:
    """What must not move when later figures do. P(meet plan) is left out: it is the
    chance of reaching this year's plan, a figure dated at the year's end but known in
    advance, so it (and the note of what held it, forecast.plan_bounds) may follow it."""
    d = r.to_dict()
    out = {k: d[k] for k in ("forecast", "lo80", "hi80", "lo95", "hi95", "method", "n_obs",
                             "last_value", "notes")}
    out["notes"] = re.sub(r"(; )?P\(meet plan\) [\d.]+ held at [^;]*", "", str(out["notes"]))
    return out


@pytest.mark.parametrize("method", ["auto", "seasonal_profile", "run_rate", "last_value"])
def test_leakage_post_as_of_figures_are_invisible(nat: pd.DataFrame, method: str) -> None:
    as_of = "2024-10-31"
    base = forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2024, as_of, method=method)
    later = pd.to_datetime(nat["as_of"]) > pd.Timestamp(as_of)
    # 1. change every later figure, including the 2024 year-end itself
    moved = nat.assign(value=np.where(later, nat["value"] * 1.7, nat["value"]))
    # 2. remove every later figure
    removed = nat[~later]
    # 3. add a misleading figure one day after the as-of date
    extra = pd.concat([nat, nat[nat["obs_id"] == "t-bhxh_participants-18"].assign(
        as_of=pd.Timestamp("2024-11-01"), value=1.0, obs_id="late")], ignore_index=True)
    for variant in (moved, removed, extra):
        r = forecast_year_end(variant, "Việt Nam", "bhxh_participants", 2024, as_of,
                              method=method)
        assert _fields(r) == _fields(base)


def test_leakage_in_backtest_each_case_sees_only_its_past(nat: pd.DataFrame,
                                                         nat_backtest: pd.DataFrame) -> None:
    full = nat_backtest
    early = full[full["year"] <= 2021].reset_index(drop=True)
    cut = backtest(nat[pd.to_datetime(nat["as_of"]) <= "2021-12-31"])
    pd.testing.assert_frame_equal(early, cut)


def test_plan_known_from_first_of_january(nat: pd.DataFrame) -> None:
    r = forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2021, "2021-11-30")
    assert r.plan == pytest.approx(17.402 * M) and r.plan_source == "published"
    months_left = 31 / (365 / 12)
    assert r.pace_required == pytest.approx((17.402 - 16.202) * M / months_left)
    assert 0 <= r.p_meet_plan <= 1
    # Plan rows never move the forecast itself.
    no_plan = nat[nat["indicator"] != "bhxh_plan_participants"]
    r2 = forecast_year_end(no_plan, "Việt Nam", "bhxh_participants", 2021, "2021-11-30")
    assert r2.forecast == r.forecast and np.isnan(r2.plan) and np.isnan(r2.p_meet_plan)
    # Implied plan (participants ÷ attainment) counts from the attainment figure's date.
    r3 = forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2025, "2025-11-30")
    assert r3.plan == pytest.approx(20.04 * M / 0.931) and r3.plan_source.startswith("implied")
    r4 = forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2025, "2025-10-31")
    assert np.isnan(r4.plan)


# --------------------------------------------------------------------------- real figures


def test_national_backtest_beats_run_rate_and_covers(nat_backtest: pd.DataFrame) -> None:
    bt = nat_backtest
    s = summary(bt).set_index("method")
    assert s.loc["run_rate", "n_cases"] >= 12
    # The chosen method (auto) must be well below the run-rate's error ...
    assert s.loc["auto", "mape"] < 0.75 * s.loc["run_rate", "mape"]
    assert s.loc["auto", "skill_ape"] > 0.25
    # ... and the outcomes mostly inside its 80 % intervals.
    assert s.loc["auto", "coverage80"] >= 75
    # The voluntary scheme sags and surges: auto must not be fooled by a sag.
    sag = bt[(bt["indicator"] == "bhxh_voluntary_participants") & (bt["as_of"] == "2024-04-30")]
    sag = sag.set_index("method")
    assert sag.loc["auto", "ape"] < 0.5 * sag.loc["run_rate", "ape"]


def test_nation_is_one_series_across_boundary_sets(nat: pd.DataFrame) -> None:
    filed_2025 = nat.assign(boundaries=np.where(pd.to_datetime(nat["as_of"]).dt.year == 2025,
                                                "2025", nat["boundaries"]))
    r = forecast_year_end(filed_2025, "Việt Nam", "bhxh_participants", 2025, "2025-11-30")
    assert r.last_as_of == pd.Timestamp("2025-11-30") and r.last_value == 20.04 * M


def test_observed_year_end_is_reported_not_forecast(nat: pd.DataFrame) -> None:
    r = forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2024, "2025-03-01")
    assert r.method == "observed" and r.forecast == r.lo95 == r.hi95 == 20.11 * M


def test_errors(nat: pd.DataFrame) -> None:
    with pytest.raises(ForecastError, match="unknown indicator"):
        forecast_year_end(nat, "Việt Nam", "bhxh_nonsense", 2024, "2024-10-31")
    with pytest.raises(ForecastError, match="no bhxh_participants data"):
        forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2005, "2005-10-31")
    with pytest.raises(ForecastError, match="unknown method"):
        forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2024, "2024-10-31",
                          method="magic")
    with pytest.raises(ForecastError, match="lacks column"):
        forecast_year_end(nat.drop(columns="value"), "Việt Nam", "bhxh_participants", 2024,
                          "2024-10-31")


# --------------------------------------------------------------------------- simulated


@pytest.fixture(scope="module")
def sim() -> pd.DataFrame:
    return simulate_panel(n_places=75, years=range(2015, 2025), seed=3)


def test_interval_coverage_on_simulated_panel(sim: pd.DataFrame) -> None:
    """The seasonal profile's 80/95 % intervals are calibrated within 7 points."""
    bt = backtest(sim, methods=("run_rate", "seasonal_profile"))
    s = summary(bt).set_index("method")
    assert s.loc["seasonal_profile", "n_cases"] > 20000
    assert abs(s.loc["seasonal_profile", "coverage80"] - 80) <= 7
    assert abs(s.loc["seasonal_profile", "coverage95"] - 95) <= 7
    assert s.loc["seasonal_profile", "skill_ape"] > 0.3


def test_forecast_many_matches_single_forecasts(sim: pd.DataFrame) -> None:
    many = forecast_many(sim, year=2024, as_of="2024-07-31",
                         indicator="bhxh_voluntary_participants", method="seasonal_profile")
    assert len(many) == 75 and list(many.columns) == RESULT_COLUMNS
    assert many["geo_code"].is_monotonic_increasing
    assert (many["lo95"] <= many["lo80"]).all() and (many["hi80"] <= many["hi95"]).all()
    assert many["plan"].notna().all() and many["p_meet_plan"].between(0, 1).all()
    one = forecast_year_end(sim, "Synthetic 0007", "bhxh_voluntary_participants", 2024,
                            "2024-07-31", method="seasonal_profile")
    row = many[many["geo_code"] == "SYN0007"].iloc[0]
    assert one.forecast == pytest.approx(row["forecast"])
    assert one.hi95 == pytest.approx(row["hi95"])
    auto = forecast_many(sim, year=2024, as_of="2024-07-31",
                         indicator="bhxh_voluntary_participants")
    assert auto["notes"].str.startswith("auto:").all()
    assert set(auto["method"]) <= {"run_rate", "last_value", "seasonal_profile"}


def test_ets_on_a_dense_series(sim: pd.DataFrame) -> None:
    r = forecast_year_end(sim, "Synthetic 0002", "bhxh_compulsory_participants", 2024,
                          "2024-08-31", method="ets")
    assert r.method == "ets"
    assert r.lo95 < r.lo80 < r.forecast < r.hi80 < r.hi95
    truth = sim[(sim["geo_code"] == "SYN0002") & (sim["as_of"] == "2024-12-31")
                & (sim["indicator"] == "bhxh_compulsory_participants")]["value"].iloc[0]
    assert abs(r.forecast / truth - 1) < 0.1
    with pytest.raises(ForecastError, match="36 consecutive"):
        forecast_year_end(sim, "Synthetic 0002", "bhxh_compulsory_participants", 2017,
                          "2017-08-31", method="ets")


# --------------------------------------------------------------------------- CLI


@pytest.fixture()
def cli_obs(monkeypatch: pytest.MonkeyPatch, nat: pd.DataFrame) -> None:
    monkeypatch.setattr(bhxh_analysis, "load_observations", lambda rebuild=None: nat)


def test_cli_csv_contract(cli_obs: None) -> None:
    res = CliRunner().invoke(main, ["forecast", "--geo", "Việt Nam", "--indicator",
                                    "bhxh_participants", "--year", "2024", "--as-of",
                                    "2024-10-31", "--format", "csv"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == ("geo_name,indicator,year,as_of,method,forecast,lo80,hi80,lo95,hi95,"
                        "plan,p_meet_plan,note")
    assert len(lines) == 2
    row = next(csv.DictReader(io.StringIO(res.stdout)))
    assert row["geo_name"] == "Việt Nam" and row["year"] == "2024"
    assert row["as_of"] == "2024-10-31" and row["method"] in {"run_rate", "last_value",
                                                               "seasonal_profile"}
    assert float(row["lo80"]) <= float(row["forecast"]) <= float(row["hi80"])


def test_cli_text_json_and_backtest(cli_obs: None, tmp_path) -> None:
    args = ["forecast", "--geo", "Việt Nam", "--indicator", "bhxh_participants", "--year",
            "2021", "--as-of", "2021-11-30"]
    text = CliRunner().invoke(main, args)
    assert text.exit_code == 0 and "80% interval" in text.stdout and "P(meet plan)" in text.stdout
    js = CliRunner().invoke(main, [*args, "--format", "json", "--method", "run_rate"])
    d = json.loads(js.stdout)
    assert d["method"] == "run_rate" and d["plan"] == 17.402 * M
    out = tmp_path / "bt.csv"
    bt = CliRunner().invoke(main, ["forecast", "backtest", "--out", str(out)])
    assert bt.exit_code == 0, bt.output
    assert "skill" in bt.stdout and "seasonal_profile" in bt.stdout
    first = out.read_bytes()
    CliRunner().invoke(main, ["forecast", "backtest", "--out", str(out)])
    assert out.read_bytes() == first  # deterministic
    assert pd.read_csv(out).columns.tolist() == BACKTEST_COLUMNS


def test_cli_text_names_the_units_of_the_move_and_the_pace() -> None:
    # A coverage rate's move is relative to the last value and its pace is in points:
    # "+0.9%" beside "0.41% per month" read as the same unit; "within 1 months".
    from bhxh_analysis.cli.forecast import _pace, _reason

    d = {"move_needed_pct": 0.8725, "past_moves": 8.0, "past_moves_as_large": 7.0,
         "past_moves_pool": "indicator", "past_moves_window": 1.0,
         "p_meet_plan_model": "empirical_moves"}
    why = _reason(d, True)[0]
    assert "+0.9% of the last value" in why and "within 1 month of" in why
    assert "within 2 months of" in _reason({**d, "past_moves_window": 2.0}, True)[0]
    assert _pace(0.405, True) == "0.41 percentage points"
    assert _pace(8921.4, False) == "8,921"


def test_cli_errors(cli_obs: None) -> None:
    r = CliRunner()
    base = ["forecast", "--indicator", "bhxh_participants", "--year", "2024", "--as-of",
            "2024-10-31"]
    unknown = r.invoke(main, [*base, "--geo", "Lam Dongg"])
    assert unknown.exit_code != 0 and "unknown place" in unknown.stderr
    assert "Lâm Đồng" in unknown.stderr
    bad_ind = r.invoke(main, ["forecast", "--geo", "Việt Nam", "--indicator", "bhxh_foo",
                              "--year", "2024", "--as-of", "2024-10-31"])
    assert bad_ind.exit_code != 0 and "unknown indicator" in bad_ind.stderr
    no_data = r.invoke(main, ["forecast", "--geo", "Việt Nam", "--indicator",
                              "bhxh_participants", "--year", "2005", "--as-of", "2005-06-30"])
    assert no_data.exit_code != 0 and "dated on or before 2005-06-30" in no_data.stderr
    missing = r.invoke(main, ["forecast", "--geo", "Việt Nam"])
    assert missing.exit_code != 0 and "--indicator" in missing.stderr


# --------------------------------------------------------------------------- embedded data


def test_embedded_national_figures_backtest() -> None:
    """Issue 5, checked from outside: on the embedded real figures the error is well
    below the run-rate's and the outcomes mostly fall inside the 80 % intervals."""
    obs = bhxh_analysis.load_observations()
    s = summary(backtest(obs)).set_index("method")
    assert s.loc["run_rate", "n_cases"] >= 12
    assert s.loc["auto", "mape"] < 0.75 * s.loc["run_rate", "mape"]
    assert s.loc["auto", "coverage80"] >= 75
    r = forecast_year_end(obs, "Việt Nam", "bhxh_participants", 2024, "2024-10-31")
    # `auto` keeps the seasonal profile unless another method's MAPE on the earlier
    # cases is AUTO_MARGIN (20 %) lower. With the 7 earlier cases of the 2022 data the
    # margin kept the default (its 80 % interval held the outcome 20.11 M); the
    # within-year figures of 2020-2021 added on 2 December 2026 (8 cases: last value
    # 3.2 %, seasonal profile 4.0 %) meet the margin, and the last value misses the
    # 2024 year-end (docs/forecasting.md, "Third search"). Checked here: the choice
    # follows the rule the note states.
    import re

    from bhxh_analysis.forecast.backtest import AUTO_MARGIN

    assert r.notes.startswith(f"auto: {r.method} ")
    mape = {m: float(v) for m, v in re.findall(r"(\w+) ([\d.]+)%", r.notes)}
    assert r.method == "seasonal_profile" or (
        mape[r.method] <= (1 - AUTO_MARGIN) * mape["seasonal_profile"] + 0.05)


def test_result_frame_and_extra_levels(nat: pd.DataFrame) -> None:
    r = forecast_year_end(nat, "Việt Nam", "bhyt_participants", 2024, "2024-04-30",
                          levels=(50, 80, 95))
    f = r.to_frame()
    assert list(f.columns) == [*RESULT_COLUMNS, "lo50", "hi50"]
    assert r.lo80 < r.extra["lo50"] < r.forecast < r.extra["hi50"] < r.hi80
    d = r.to_dict()
    assert d["plan"] is None and d["indicator"] == "bhyt_participants"
    json.dumps(d)  # JSON-ready


def test_backtest_equals_forecasts_made_on_the_day(nat: pd.DataFrame,
                                                  nat_backtest: pd.DataFrame) -> None:
    """Each backtest row is exactly what forecast_year_end says on the case's as-of date."""
    from bhxh_analysis.forecast._prep import reference_observations

    bt = nat_backtest
    flags = []
    for row in bt[bt["method"] == "auto"].itertuples(index=False):
        r = forecast_year_end(nat, "Việt Nam", row.indicator, row.year, row.as_of,
                              method=row.method)
        flags.append(r.flags)
        assert r.method == row.method_used
        assert r.forecast == pytest.approx(row.forecast, rel=1e-9)
        assert r.lo80 == pytest.approx(row.lo80, rel=1e-9)
        assert r.hi95 == pytest.approx(row.hi95, rel=1e-9)
    # With a processed build the early cases of this thin table learn together with the
    # embedded figures (the API's borrowing): the backtest must have done the same.
    if reference_observations(nat) is not None:
        assert any("borrowed_reference" in f for f in flags)


def test_cli_with_a_users_file(tmp_path) -> None:
    path = tmp_path / "mine.csv"
    simulate_panel(n_places=3, years=range(2019, 2025), seed=9).to_csv(path, index=False)
    res = CliRunner().invoke(main, ["forecast", "--data", str(path), "--geo", "Synthetic 0002",
                                    "--indicator", "bhxh_voluntary_participants", "--year",
                                    "2024", "--as-of", "2024-06-30", "--method",
                                    "seasonal_profile", "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["geo_code"] == "SYN0002" and d["last_as_of"] == "2024-06-30"
    assert d["plan"] is not None and 0 <= d["p_meet_plan"] <= 1


def test_cli_users_file_in_the_data_check_layout_says_what_to_do(tmp_path) -> None:
    # The layout a researcher types (geo_name, as_of, indicator, value) has no resolved
    # place: the message names the command that resolves it, not the schema document.
    path = tmp_path / "mine.csv"
    path.write_text("geo_name,as_of,indicator,value\nLâm Đồng,2024-06-30,"
                    "bhxh_voluntary_participants,1000\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["forecast", "--data", str(path), "--geo", "Lâm Đồng",
                                    "--indicator", "bhxh_voluntary_participants", "--year",
                                    "2024", "--as-of", "2024-06-30"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "not an observations table" in res.output
    assert f"bhxh data check {path}" in res.output and ".clean.csv" in res.output


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.integers(0, 365 * 9), ind=st.sampled_from(sorted(
    i for i in NATIONAL if "_plan_" not in i and not i.endswith("_pct"))),
       factor=st.floats(0.2, 5.0))
def test_leakage_property(nat: pd.DataFrame, day: int, ind: str, factor: float) -> None:
    """Any as-of date, any indicator: rescaling every later figure changes nothing."""
    as_of = pd.Timestamp("2016-01-15") + pd.Timedelta(days=day)
    later = pd.to_datetime(nat["as_of"]) > as_of
    moved = nat.assign(value=np.where(later, nat["value"] * factor, nat["value"]))
    try:
        base = forecast_year_end(nat, "Việt Nam", ind, as_of.year, as_of, method="auto")
    except ForecastError:
        with pytest.raises(ForecastError):
            forecast_year_end(moved, "Việt Nam", ind, as_of.year, as_of, method="auto")
        return
    other = forecast_year_end(moved, "Việt Nam", ind, as_of.year, as_of, method="auto")
    assert _fields(other) == _fields(base)


def test_plan_implied_by_shortfall_is_known_from_its_date() -> None:
    """Đà Lạt-style figures: 1.091 participants, 1.589 short of plan → plan 2.680."""
    from bhxh_analysis.forecast._prep import implied_plans_known, known_plan, plans_table

    rows = [
        ("2020-07-31", "bhxh_voluntary_participants", 1091.0),
        ("2020-07-31", "bhxh_voluntary_shortfall_participants", 1589.0),
    ]
    obs = pd.DataFrame({
        "boundaries": "legacy", "geo_level": "district", "geo_code": "672",
        "indicator": [r[1] for r in rows], "as_of": pd.to_datetime([r[0] for r in rows]),
        "value": [r[2] for r in rows],
    })
    obs["geo_name"] = "Đà Lạt"
    ind = ["bhxh_voluntary_participants"]

    def plans_on(day: str) -> pd.DataFrame:
        # Implied plans: derived once (metrics), kept when known on the day.
        return plans_table(obs, ind, implied_plans_known(obs, pd.Timestamp(day)))

    key = ("legacy", "district", "672")
    plan, src = known_plan(plans_on("2020-08-31"), key, ind[0], 2020, pd.Timestamp("2020-08-31"))
    assert plan == 2680.0 and src == "implied from attainment or shortfall"
    before, _ = known_plan(plans_on("2020-06-30"), key, ind[0], 2020, pd.Timestamp("2020-06-30"))
    assert np.isnan(before)  # not known before the figure that implies it


# --------------------------------------------------------------------------- issue 14/18


def _frame(rows: list[tuple[str, str, float]], code: str = "P1", level: str = "province",
           name: str = "Place P1") -> pd.DataFrame:
    """A user's table: (date, indicator, value) rows of one place."""
    return pd.DataFrame({
        "obs_id": [f"u{i}" for i in range(len(rows))], "source_id": "test", "geo_code": code,
        "geo_name": name, "geo_level": level, "boundaries": "legacy",
        "as_of": pd.to_datetime([r[0] for r in rows]), "indicator": [r[1] for r in rows],
        "value": [float(r[2]) for r in rows]})


def test_counts_bounded_by_the_denominator_of_the_year() -> None:
    """Issue 14.1: a BHYT forecast never exceeds the population (published or derived)."""
    rows = [("2021-12-31", "bhyt_participants", 900), ("2022-12-31", "bhyt_participants", 960),
            ("2023-03-31", "bhyt_participants", 950), ("2023-07-01", "population", 1000)]
    r = bhxh_analysis.forecast.forecast(_frame(rows), geo="Place P1", indicator="bhyt_participants",
                                        year=2023, as_of="2023-03-31")
    assert r.upper_bound == 1000 and r.bound_indicator == "population"
    assert r.bound_kind == "published" and r.bound_year == 2023
    assert 0 <= r.lo95 <= r.lo80 <= r.forecast <= r.hi80 <= r.hi95 <= 1000
    assert r.prob_at_least(1000.5) == 0.0
    # Derived population (participants ÷ coverage × 100), Đức Trọng style: 120 ÷ 62 %.
    rows = [("2023-08-31", "bhyt_participants", 120.0), ("2023-08-31", "bhyt_coverage_pct", 62.0)]
    d = bhxh_analysis.forecast.forecast(_frame(rows, "D1", "district", "Dist D1"), geo="Dist D1",
                                        indicator="bhyt_participants", year=2023,
                                        as_of="2023-08-31")
    # the bound is the largest population the printed figures allow (120.5 ÷ 61.5 %), not
    # the central 120 ÷ 62 %: a bound the true population can never break
    assert d.bound_kind == "derived" and d.upper_bound == pytest.approx(120.5 / 0.615)
    assert d.hi95 <= 120.5 / 0.615 + 1e-9
    # Not known before the figures that imply it: no bound on an earlier as-of.
    c = bhxh_analysis.forecast.forecast(_frame(rows, "D1", "district", "Dist D1"),
                                        geo="Dist D1", indicator="bhyt_coverage_pct",
                                        year=2023, as_of="2023-08-31")
    assert c.hi95 <= 100.0 and c.bound_indicator == "coverage"


def test_embedded_national_population_bounds_bhyt() -> None:
    """Issue 14.13: national population 2017-2025 is embedded; national BHYT stays below it."""
    obs = bhxh_analysis.load_observations()
    pop = obs[(obs["geo_level"] == "nation") & (obs["indicator"] == "population")]
    years = set(pd.to_datetime(pop["as_of"]).dt.year)
    assert set(range(2017, 2026)) <= years
    many = forecast_many(obs, indicator="bhyt_participants", year=2024, as_of="2024-10-31",
                         level="nation")
    row = many.iloc[0]
    assert row["bound_indicator"] == "population" and row["bound_year"] == 2024
    assert row["hi95"] <= row["upper_bound"] <= 102e6


def test_interval_width_never_narrows_with_the_horizon(nat: pd.DataFrame) -> None:
    """Issue 18.4: from the same 2020 figure, 2030 is not narrower than 2024."""
    widths = []
    for year in range(2021, 2031):
        r = bhxh_analysis.forecast.forecast(nat[pd.to_datetime(nat["as_of"]) <= "2020-12-31"],
                                            geo="Việt Nam", indicator="bhxh_participants",
                                            year=year, as_of="2020-12-31",
                                            method="seasonal_profile")
        widths.append(np.log(r.hi95 / r.lo95))
    assert all(b >= a for a, b in zip(widths, widths[1:], strict=False))
    assert widths[-1] > widths[3]


def test_far_horizons_and_bad_levels_are_refused() -> None:
    one = _frame([("2020-12-31", "bhxh_participants", 500.0)])
    with pytest.raises(ForecastError, match="refused.*further ahead"):
        bhxh_analysis.forecast.forecast(one, geo="Place P1", indicator="bhxh_participants",
                                        year=2030, as_of="2030-06-30")
    many = forecast_many(one, indicator="bhxh_participants", year=2030, as_of="2030-06-30")
    assert many["flags"].iloc[0] == "refused_horizon" and np.isnan(many["forecast"].iloc[0])
    with pytest.raises(ForecastError, match="geo_level 'xa'"):
        bhxh_analysis.forecast.forecast(one, geo=("legacy", "xa", "P1"),
                                        indicator="bhxh_participants", year=2021,
                                        as_of="2021-06-30")
    with pytest.raises(ForecastError, match="geo_level 'xa'"):
        forecast_many(one, indicator="bhxh_participants", year=2021, as_of="2021-06-30",
                      level="xa")
    with pytest.raises(ForecastError, match="geo_level 'xa'"):
        bhxh_analysis.forecast.forecast(one.assign(geo_level="xa"), geo="Place P1",
                                        indicator="bhxh_participants", year=2021,
                                        as_of="2021-06-30")


def test_short_own_series_uses_pooled_move_and_says_so() -> None:
    """Issue 18.4: eight monthly values 410 → 455 do not get a flat 455 silently; issue
    14.2: the interval comes from the pooled move, calibrated, not from a ×1.5 widening."""
    dates = pd.date_range("2025-01-31", periods=8, freq="ME")
    own = _frame([(str(d.date()), "bhyt_household_participants", v)
                  for d, v in zip(dates, np.linspace(410, 455, 8), strict=True)],
                 "X1", "commune", "Xã A")
    r = bhxh_analysis.forecast.forecast(own, geo="Xã A", indicator="bhyt_household_participants",
                                        year=2025, as_of="2025-08-31")
    assert r.forecast > 460  # the year's rise continues; not the last value
    assert "short_series" in r.flags and "trend_within" in r.flags
    assert r.method == "pooled_move" and "own trend" in r.notes and "partial pooling" in r.notes
    assert "widened" not in r.notes
    assert r.lo80 < r.forecast < r.hi80
    many = forecast_many(own, indicator="bhyt_household_participants", year=2025,
                         as_of="2025-08-31")
    assert many["notes"].iloc[0] == r.notes and many["forecast"].iloc[0] == pytest.approx(r.forecast)


def test_prob_at_least_and_plan_reason(nat: pd.DataFrame) -> None:
    r = bhxh_analysis.forecast.forecast(nat, geo="Việt Nam", indicator="bhxh_participants",
                                        year=2024, as_of="2024-10-31", plan=20.5e6)
    xs = np.linspace(r.lo95, r.hi95, 9)
    ps = [r.prob_at_least(x) for x in xs]
    assert all(a >= b for a, b in zip(ps, ps[1:], strict=False)) and ps[0] > 0.9 > 0.1 > ps[-1]
    assert r.prob_at_least(r.forecast) == pytest.approx(0.5, abs=1e-6)
    assert r.plan == 20.5e6 and r.plan_source == "given"
    if r.p_meet_plan_model == "seasonal":
        assert r.p_meet_plan == pytest.approx(r.prob_at_least(20.5e6))
    # The reason, as data: the move still needed and how often such moves happened.
    assert r.move_needed_pct == pytest.approx((20.5e6 / 19.365e6 - 1) * 100)
    assert 0 <= r.past_moves_as_large <= r.past_moves and r.past_moves >= 5
    assert r.past_moves_pool in {"indicator", "family"} and r.past_moves_window > 0


def test_result_and_many_share_columns_and_dtypes(nat: pd.DataFrame) -> None:
    """Issue 18.1/18.4: as_of is datetime64[ns], text is str, on every route."""
    from bhxh_analysis.forecast.result import DATES, TEXT

    r = bhxh_analysis.forecast.forecast(nat, geo="Việt Nam", indicator="bhyt_participants",
                                        year=2024, as_of="2024-10-31")
    many = forecast_many(nat, indicator="bhyt_participants", year=2024, as_of="2024-10-31")
    for f in (r.to_frame(), many):
        assert list(f.columns) == RESULT_COLUMNS
        for c in DATES:
            assert str(f[c].dtype) == "datetime64[ns]", c
        for c in TEXT:
            assert pd.api.types.is_string_dtype(f[c]) and not isinstance(
                f[c].dtype, pd.CategoricalDtype), c
        assert f["forecast"].dtype == "float64"
    row = many.iloc[0]
    assert row["forecast"] == pytest.approx(r.forecast) and row["notes"] == r.notes
    assert row["unique_id"] == "legacy/nation/VN/bhyt_participants"
    assert row["ds"] == pd.Timestamp("2024-12-31")


def test_package_is_callable_and_still_a_package(nat: pd.DataFrame) -> None:
    import bhxh_analysis.forecast as fc
    from bhxh_analysis.forecast import backtest as bt_fn

    a = fc(nat, geo="Việt Nam", indicator="bhxh_participants", year=2024, as_of="2024-10-31")
    b = fc.forecast(nat, geo="Việt Nam", indicator="bhxh_participants", year=2024,
                    as_of="2024-10-31")
    c = forecast_year_end(nat, "Việt Nam", "bhxh_participants", 2024, "2024-10-31")
    assert a.forecast == b.forecast == c.forecast and callable(bt_fn)


def test_calibration_functions_by_hand() -> None:
    from bhxh_analysis.forecast import coverage, winkler
    from bhxh_analysis.forecast.calibration import calibration_factor

    df = pd.DataFrame({"y": [1.0, 5.0, 3.0], "lo80": [0.0, 0.0, 2.0], "hi80": [2.0, 2.0, 4.0]})
    assert coverage(df, 80) == pytest.approx(200 / 3)
    assert winkler(df, 80) == pytest.approx((2 + (2 + 10 * 3) + 2) / 3)
    rng = np.random.default_rng(0)
    t = rng.uniform(0, 12, 3000)
    wide = calibration_factor(rng.standard_t(50, 3000) * 0.5, t, np.full(3000, 50.0),
                              np.array([2.0, 9.0]))
    narrow = calibration_factor(rng.standard_t(50, 3000) * 2.0, t, np.full(3000, 50.0),
                                np.array([2.0, 9.0]))
    assert np.allclose(wide, 0.5, atol=0.08) and np.allclose(narrow, 2.0, atol=0.25)
    assert np.allclose(calibration_factor(np.array([]), np.array([]), np.array([]),
                                          np.array([3.0])), 1.0)


def test_calibrated_by_month_on_simulated_panel(sim: pd.DataFrame) -> None:
    """Issue 14.2: 80 % coverage within 75-85 % and 95 % within 90-98 % in every month.

    A month's measured coverage (2,700 cases) is held to the band by its exact 95 %
    interval (about ±1.6 points): with each side calibrated on its own errors
    (``CALIB_SIDES``, adopted 4 December 2026) the symmetric simulated errors are
    covered 75–78 % at 80 % (a side's percentile rests on half the cases), August at
    the band's edge. Over all months the coverage itself must be in the bands."""
    from bhxh_analysis.forecast import calibration_table, cross_validation
    from bhxh_analysis.forecast.evaluate import binomial_ci

    cv = cross_validation(sim, methods=["seasonal_profile", "run_rate"])
    assert {"unique_id", "ds", "cutoff", "y"} <= set(cv.columns)
    assert (cv["cutoff"] < cv["ds"]).all()
    tab = calibration_table(cv[cv["method"] == "seasonal_profile"], by=["month"])
    assert len(tab) == 11
    for lev, (lo, hi) in ((80, (75, 85)), (95, (90, 98))):
        for n, cov in zip(tab["n"], tab[f"coverage{lev}"], strict=True):
            ci = binomial_ci(round(cov * n / 100), int(n))
            assert ci[1] >= lo and ci[0] <= hi, (lev, tab)
    overall = calibration_table(cv, by=["method"]).set_index("method")
    assert 75 <= overall.loc["seasonal_profile", "coverage80"] <= 85, overall
    assert 90 <= overall.loc["seasonal_profile", "coverage95"] <= 98, overall
    assert overall.loc["seasonal_profile", "error_ratio_vs_run_rate"] < 0.6


def test_plan_models_scored_and_the_winner_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14.3: P(meet plan) candidates are scored by Brier; the API uses the winner,
    whose probability agrees with the printed reason, and falls back without past moves."""
    from bhxh_analysis.forecast import plan as plan_mod
    from bhxh_analysis.forecast.evaluate import reliability_table
    from bhxh_analysis.forecast.plan import choose_plan_model, moves_prob, plan_backtest
    from bhxh_analysis.forecast.plan_bounds import interval_conflicts

    sim = simulate_panel(n_places=30, years=range(2016, 2025), seed=5)
    pb = plan_backtest(sim)
    res = choose_plan_model(pb)
    assert res["n"] > 1000
    assert res["brier_plan_aware"] < res["brier_seasonal"]
    assert res["brier_empirical_moves"] < res["brier_seasonal"]
    for m in ("empirical_moves", "plan_aware", "seasonal"):
        rel = reliability_table(pb[f"p_{m}"].dropna(), pb.loc[pb[f"p_{m}"].notna(), "met"])
        assert rel["n"].sum() == pb[f"p_{m}"].notna().sum() > 1000
    many = forecast_many(sim, indicator="bhxh_voluntary_participants", year=2024,
                         as_of="2024-09-30")
    assert set(many["p_meet_plan_model"]) == {res["winner"]} == {"empirical_moves"}
    # the probability is the reason: (k + ½) / (n + 1) of the printed past moves, unless
    # the interval beside it says otherwise (plan_bounds.hold_p: flagged, and said so)
    expect = moves_prob(many["past_moves"], many["past_moves_as_large"])
    held = many["flags"].str.contains("p_held_interval")
    assert np.allclose(many.loc[~held, "p_meet_plan"], expect[~held.to_numpy()])
    assert held.any() and not interval_conflicts(many, lower=False).any()
    assert many["plan_pull"].between(0, 1).all()
    # too few past moves: the plan-aware model (learned here), as before
    monkeypatch.setattr(plan_mod, "MIN_MOVES_PROB", 10 ** 9)
    few = forecast_many(sim, indicator="bhxh_voluntary_participants", year=2024,
                        as_of="2024-09-30")
    assert set(few["p_meet_plan_model"]) == {"plan_aware"}
    assert not np.allclose(few["p_meet_plan"], many["p_meet_plan"])


def test_date_option_parser() -> None:
    """--as-of has the one date type of the CLI (tests/test_cli_dates.py walks them all)."""
    from bhxh_analysis.cli.options import DateParam

    param = next(p for p in main.commands["forecast"].params if p.name == "as_of")
    assert isinstance(param.type, DateParam)
    assert param.type.convert("31/10/2024", param, None) == "2024-10-31"
    assert param.type.convert("2024-10-31", param, None) == "2024-10-31"
    import click

    for bad in ("2024/10/31", "31-10-2024", "31/13/2024", "yesterday"):
        with pytest.raises(click.BadParameter, match="YYYY-MM-DD or dd/mm/yyyy"):
            param.type.convert(bad, param, None)
    help_text = " ".join(CliRunner().invoke(main, ["forecast", "--help"]).output.split())
    assert "--as-of DATE" in help_text
    # The option's own help runs up to the next option ("--…"): [required] is in it.
    assert "[required]" in help_text.split("--as-of DATE")[1].split(" --")[0]


#: Forecast modules whose every example runs here; tests/test_docstrings.py leaves their
#: functions' examples to this test instead of running them twice.
DOCTEST_MODULES = ("api", "result", "evaluate", "backtest", "calibration", "bounds", "plan",
                   "reuse")


@pytest.mark.parametrize("module", DOCTEST_MODULES)
def test_docstring_examples(module: str) -> None:
    """Every public function's Example runs (issue 18.8)."""
    import doctest
    import importlib

    mod = importlib.import_module(f"bhxh_analysis.forecast.{module}")
    result = doctest.testmod(mod)
    assert result.attempted > 0 and result.failed == 0


def test_auto_keeps_the_default_unless_another_method_is_clearly_better() -> None:
    """A few tenths of MAPE on a handful of cases do not replace the seasonal profile."""
    from bhxh_analysis.forecast.backtest import AUTO_MARGIN, choose_auto

    def scored(mapes: dict[str, float]) -> pd.DataFrame:
        return pd.DataFrame([{"year": 2022, "indicator": "bhxh_participants", "method": m,
                              "ape": v} for m, v in mapes.items() for _ in range(4)])

    close = scored({"last_value": 3.2, "seasonal_profile": 3.6, "run_rate": 9.0})
    assert choose_auto(close, 2024, "bhxh_participants")[0] == "seasonal_profile"
    better = 3.6 * (1 - AUTO_MARGIN) * 0.95
    clear = scored({"last_value": better, "seasonal_profile": 3.6, "run_rate": 9.0})
    assert choose_auto(clear, 2024, "bhxh_participants")[0] == "last_value"
