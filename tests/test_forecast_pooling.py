"""Issue 14 follow-up: one-figure places borrow the pooled within-year move; the backtest
bounds counts like the API; every real within-year snapshot with a known outcome is
evaluated through the API, plans included."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import bhxh_analysis
from bhxh_analysis.forecast import backtest, forecast_many
from bhxh_analysis.forecast.evaluate import binomial_ci, brier, snapshot_backtest
from bhxh_analysis.simulate import simulate_panel


def _one_figure_places(sim: pd.DataFrame, codes: list[str], as_of: str) -> pd.DataFrame:
    """``sim`` where the places ``codes`` keep one figure (dated ``as_of``) and their plans."""
    mine = sim["geo_code"].isin(codes)
    keep = ~mine | (sim["as_of"] == pd.Timestamp(as_of)) | sim["indicator"].str.contains("plan")
    return sim[keep]


def test_single_figure_places_get_narrow_pooled_intervals_that_cover() -> None:
    """A place with one figure borrows the move to 31 December learned across places and
    years (partial pooling) and its interval is calibrated, not widened ×1.5: narrow
    (relative 95 % width below 0.2, under 60 % of the widened last-value interval) and
    still covering the held-out year-ends of a simulated panel."""
    sim = simulate_panel(n_places=20, years=range(2016, 2025), seed=7)
    codes = sorted(sim["geo_code"].unique())[:10]
    parts = []
    for as_of in ("2022-04-30", "2023-07-31", "2024-10-31"):
        year = int(as_of[:4])
        one = _one_figure_places(sim, codes, as_of)
        f = forecast_many(one, indicator=None, year=year, as_of=as_of)
        lv = forecast_many(one, indicator=None, year=year, as_of=as_of, method="last_value")
        truth = sim[sim["geo_code"].isin(codes) & (sim["as_of"] == f"{year}-12-31")]
        f = f[f["geo_code"].isin(codes)].merge(
            truth[["geo_code", "indicator", "value"]], on=["geo_code", "indicator"]).merge(
            lv[["geo_code", "indicator", "lo95", "hi95"]], on=["geo_code", "indicator"],
            suffixes=("", "_lv"))
        parts.append(f)
    f = pd.concat(parts, ignore_index=True)
    assert len(f) == 3 * 10 * 4
    assert (f["method"] == "pooled_move").all() and f["flags"].str.contains("short_series").all()
    assert f["notes"].str.contains("partial pooling").all()
    y = f["value"]
    rel95 = ((f["hi95"] - f["lo95"]) / f["forecast"]).mean()
    rel95_lv = ((f["hi95_lv"] - f["lo95_lv"]) / f["forecast"]).mean()
    assert rel95 < 0.2 and rel95 < 0.6 * rel95_lv, (rel95, rel95_lv)
    cov80 = ((f["lo80"] <= y) & (y <= f["hi80"])).mean()
    cov95 = ((f["lo95"] <= y) & (y <= f["hi95"])).mean()
    assert 0.7 <= cov80 <= 0.92 and cov95 >= 0.88, (cov80, cov95)


def test_pooled_move_backtest_calibrated_on_simulated_panel() -> None:
    """Every case forecast as if its place had no history (``pooled_move``): 80 % and 95 %
    coverage where they should be; narrower than the last value's calibrated interval
    (by a fifth: the last value's errors are one-sided — the year-end lies above the last
    value — so calibrating each side narrows its 95 % interval by 18 %) and within 40 % of
    the full-history seasonal profile's; accurate (error ratio < 0.5)."""
    from bhxh_analysis.forecast import calibration_table, cross_validation

    sim = simulate_panel(n_places=30, years=range(2016, 2025), seed=3)
    cv = cross_validation(sim, methods=["pooled_move", "seasonal_profile", "last_value",
                                        "run_rate"])
    tab = calibration_table(cv, by=["method"]).set_index("method")
    assert 75 <= tab.loc["pooled_move", "coverage80"] <= 85, tab
    assert 90 <= tab.loc["pooled_move", "coverage95"] <= 98, tab
    w = tab["width95_rel"]
    assert w["pooled_move"] < 0.8 * w["last_value"], tab
    assert w["pooled_move"] < 1.4 * w["seasonal_profile"], tab
    assert tab.loc["pooled_move", "error_ratio_vs_run_rate"] < 0.5, tab
    # It sees more cases: figures without the previous year-end count too.
    assert tab.loc["pooled_move", "n"] >= tab.loc["seasonal_profile", "n"]


def _bounded_place() -> pd.DataFrame:
    """Three provinces whose BHYT participants approach their populations (P9: 1,000; close
    enough that upper ends reach the bound); enough training pairs that nothing is
    borrowed from the embedded figures."""
    rows = []
    for code, scale in (("P7", 3.0), ("P8", 2.0), ("P9", 1.0)):
        for i, year in enumerate(range(2014, 2024)):
            ye = (905 + 9.5 * i) * scale
            rows += [(code, f"{year}-07-01", "population", 1000.0 * scale),
                     (code, f"{year}-12-31", "bhyt_participants", ye),
                     (code, f"{year}-06-30", "bhyt_participants",
                      ye - (15 - 6 * ((i + int(scale)) % 3)) * scale)]
    return pd.DataFrame({
        "obs_id": [f"b{i}" for i in range(len(rows))], "source_id": "test",
        "geo_code": [r[0] for r in rows], "geo_name": [f"Place {r[0]}" for r in rows],
        "geo_level": "province", "boundaries": "legacy",
        "as_of": pd.to_datetime([r[1] for r in rows]),
        "indicator": [r[2] for r in rows], "value": [r[3] for r in rows]})


def test_backtest_bounds_counts_like_the_api() -> None:
    """Issue 14.1 in the backtest: counts within [0, population], by the API's own code."""
    obs = _bounded_place()
    bt = backtest(obs, methods=["seasonal_profile", "last_value"],
                  indicators=["bhyt_participants"])
    assert len(bt) > 10
    pop = bt["geo_code"].map({"P7": 3000.0, "P8": 2000.0, "P9": 1000.0})
    assert (bt["hi95"] <= pop + 1e-9).all() and (bt["forecast"] <= pop + 1e-9).all()
    assert (bt["hi95"] == pop).any()  # the bound was reached, so it was applied
    row = bt[(bt["method"] == "seasonal_profile") & (bt["year"] == 2023)
             & (bt["geo_code"] == "P9")].iloc[0]
    r = bhxh_analysis.forecast.forecast(obs, geo=("legacy", "province", "P9"),
                                        indicator="bhyt_participants", year=2023,
                                        as_of=row["as_of"], method="seasonal_profile")
    assert r.upper_bound == pytest.approx(1000.0)
    for c in ("forecast", "lo80", "hi80", "lo95", "hi95"):
        assert row[c] == pytest.approx(getattr(r, c), rel=1e-9), c


def _snap_obs() -> pd.DataFrame:
    """The embedded figures of BHYT and BHXH (the snapshot fixture's data)."""
    obs = bhxh_analysis.load_observations()
    keep = obs["indicator"].str.startswith("bhyt") | obs["indicator"].isin(
        ["population", "bhxh_participants", "bhxh_plan_participants"])
    return obs[keep]


@pytest.fixture(scope="module")
def snaps() -> pd.DataFrame:
    return snapshot_backtest(_snap_obs(), indicators=["bhyt_participants", "bhyt_coverage_pct",
                                                      "bhxh_participants"],
                             methods=["auto"])


def test_snapshot_backtest_covers_every_within_year_figure_with_an_outcome(
        snaps: pd.DataFrame) -> None:
    """Issue 14.2 on real data: snapshots without the previous year-end (a province's
    one or two figures) are evaluated too, through the API, never seeing their outcome."""
    assert (snaps["as_of"] < pd.to_datetime(snaps["year"].astype(str) + "-12-31")).all()
    province = snaps[snaps["geo_level"] == "province"]
    # A province's figure without the year-end before it borrows the pooled moves; one
    # with it (Hà Nam 2019 once its 2018 yearbook is in) has its own seasonal profile.
    short = province[province["prev_year_end"].isna()]
    assert len(short) >= 2 and (short["method"] == "pooled_move").all()
    assert (province.loc[province["prev_year_end"].notna(), "method"] != "pooled_move").all()
    assert snaps["prev_year_end"].isna().any() and snaps["prev_year_end"].notna().any()
    assert len(snaps) >= 20
    # No forecast saw its outcome: the API cut the data at each as-of date.
    assert not np.isclose(snaps["forecast"], snaps["actual"], rtol=1e-9).all()
    k = int(snaps["inside95"].sum())
    lo, hi = binomial_ci(k, len(snaps))
    assert 0 <= lo <= 100 * k / len(snaps) <= hi <= 100


def test_snapshot_plan_cases_scored(snaps: pd.DataFrame) -> None:
    """Issue 14.3 on real data: every snapshot with a plan known then and an outcome."""
    pl = snaps[snaps["p_meet_plan"].notna()]
    assert len(pl) >= 4 and set(pl["met"].unique()) == {0.0, 1.0}
    assert 0.0 <= brier(pl["p_meet_plan"], pl["met"].astype(bool)) <= 1.0
    row = pl.iloc[0]
    # the same data as the snapshots: past moves pool the family's indicators in the data
    r = bhxh_analysis.forecast.forecast(_snap_obs(), geo="Việt Nam", indicator=row["indicator"],
                                        year=int(row["year"]), as_of=row["as_of"])
    assert r.p_meet_plan == pytest.approx(row["p_meet_plan"])


def test_pooled_cases_do_not_add_cases_to_the_other_methods() -> None:
    """Asking for ``pooled_move`` too leaves the other methods' cases as they were."""
    sim = simulate_panel(n_places=6, years=range(2016, 2021), seed=2)
    a = backtest(sim, methods=["seasonal_profile", "run_rate"])
    b = backtest(sim, methods=["seasonal_profile", "run_rate", "pooled_move"])
    b = b[b["method"] != "pooled_move"].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert b["prev_year_end"].notna().all()


# --------------------------------------------------------------------------- coherence

def _component_without_history(seed: int = 3) -> pd.DataFrame:
    """Twelve provinces with BHXH (= compulsory + voluntary) and voluntary BHXH monthly;
    compulsory BHXH is known for one place only, by one figure (31 May 2024): no history
    and no backtest case of its own anywhere, like Kiên Giang's in 2025."""
    sim = simulate_panel(n_places=12, years=range(2016, 2025), seed=seed, level="province",
                         schemes=("bhxh_compulsory", "bhxh_voluntary"), plans=False)
    tot = (sim.groupby(["geo_code", "as_of"], as_index=False)["value"].sum()
           .merge(sim.drop_duplicates(["geo_code", "as_of"]).drop(columns="value"),
                  on=["geo_code", "as_of"]))
    tot = tot.assign(indicator="bhxh_participants", obs_id="t" + tot["obs_id"].astype(str))
    comp = sim["indicator"] == "bhxh_compulsory_participants"
    one = comp & (sim["geo_code"] == sim["geo_code"].min()) & (sim["as_of"] == "2024-05-31")
    return pd.concat([sim[~comp | one], tot], ignore_index=True)


def test_component_forecast_held_within_its_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14: a component's forecast and interval ends never exceed its total's (same
    place, year, as-of). Without the cap, the compulsory BHXH of a place with one figure
    gets a 95 % upper end above the BHXH total's (the Kiên Giang 2025 report: 198,977 vs
    166,399); with it, every end is at most the total's same end, the bound names the
    total, and a forecast of the component alone gives the same numbers."""
    from bhxh_analysis.forecast import api

    obs = _component_without_history()
    code = obs["geo_code"].min()
    ends = ["forecast", "lo80", "hi80", "lo95", "hi95"]

    def rows(f: pd.DataFrame) -> pd.DataFrame:
        return f[f["geo_code"] == code].set_index("indicator")

    with monkeypatch.context() as m:
        m.setattr(api, "cap_by_totals", lambda res, ends: res)
        m.setattr(api, "cap_by_parts", lambda res, ends: res)
        raw = rows(forecast_many(obs, indicator=None, year=2024, as_of="2024-05-31"))
    comp, tot = raw.loc["bhxh_compulsory_participants"], raw.loc["bhxh_participants"]
    assert comp["method"] == "pooled_move" and comp["hi95"] > tot["hi95"]  # incoherent

    got = rows(forecast_many(obs, indicator=None, year=2024, as_of="2024-05-31"))
    comp, tot = got.loc["bhxh_compulsory_participants"], got.loc["bhxh_participants"]
    for c in ends:
        assert comp[c] <= tot[c] + 1e-9, c
    assert comp["lo95"] <= comp["lo80"] <= comp["forecast"] <= comp["hi80"] <= comp["hi95"]
    # held below the total's end by the total less voluntary BHXH's lower end
    # (bounds.cap_by_parts); the bound stays the total's end
    assert comp["hi95"] < tot["hi95"] and "bounded_parts" in comp["flags"].split(";")
    assert comp["upper_bound"] == pytest.approx(tot["hi95"])
    assert (comp["bound_indicator"], comp["bound_kind"]) == ("bhxh_participants", "total")
    assert "bounded" in comp["flags"].split(";") and "part never exceeds" in comp["notes"]
    assert got.loc["bhxh_voluntary_participants", "bound_kind"] != "total"  # not capped
    # The total is forecast too when only the component is asked for: same numbers.
    one = bhxh_analysis.forecast.forecast(obs, geo=("legacy", "province", code),
                                          indicator="bhxh_compulsory_participants",
                                          year=2024, as_of="2024-05-31")
    for c in ends:
        assert getattr(one, c) == pytest.approx(comp[c], rel=1e-12), c
    assert one.bound_kind == "total" and one.prob_at_least(tot["hi95"] * 1.01) == 0.0
    alone = forecast_many(obs, indicator="bhxh_compulsory_participants", year=2024,
                          as_of="2024-05-31")
    assert set(alone["indicator"]) == {"bhxh_compulsory_participants"}


def test_component_without_cases_calibrated_on_its_totals_cases() -> None:
    """Issue 14: an indicator with no calibration cases of its own uses its total's cases
    (compulsory BHXH errs like BHXH), not the all-indicators factor that one surging
    indicator (voluntary BHXH) sets; an indicator with cases keeps its own."""
    from bhxh_analysis.forecast.calibration import calibration_factor

    rng = np.random.default_rng(0)
    n = 60
    z = np.concatenate([rng.standard_t(30, n) * 0.5, rng.standard_t(30, n) * 6.0])
    ind = np.repeat([0, 1], n)  # 0: the total (calm), 1: a surging sibling
    t, df, year = np.full(2 * n, 5.0), np.full(2 * n, 30.0), np.tile(np.arange(2015, 2025), 12)
    target_ind = np.array([0, 2, 2])  # 2: a component with no cases of its own
    args = (z, t, df, np.full(3, 5.0), 95, ind, target_ind, year)
    before = calibration_factor(*args)
    after = calibration_factor(*args, stand_in={2: 0})
    assert after[0] == before[0]  # the total keeps its own cases
    assert after[1] < 0.5 * before[1]  # the component: the total's, not everyone's
    assert after[1] == pytest.approx(before[0])


def test_one_indicators_surge_does_not_widen_the_others_intervals() -> None:
    """Issue 14.2: the all-indicators tiers count each indicator once, and an indicator's
    own level over all months moves its prior, so one indicator's regime change —
    voluntary BHXH doubling in 2019, most of the cases — no longer sets the factor of
    calm indicators, with or without cases of their own; the surging indicator still
    widens its own intervals."""
    from bhxh_analysis.forecast.calibration import calibration_factor

    rng = np.random.default_rng(1)
    calm = [(i, y) for i in (0, 2, 3, 5) for y in range(2020, 2023)]  # one case a year
    surge = ([(1, y) for y in (2016, 2017) for _ in range(2)]  # calm years, then a surge
             + [(1, y) for y in (2018, 2019) for _ in range(3)])
    ind = np.array([i for i, _ in calm + surge])
    year = np.array([y for _, y in calm + surge])
    z = np.where((ind == 1) & (year >= 2018), 8.0, 0.3) * rng.choice([-1.0, 1.0], len(ind))
    t, df = rng.uniform(1.5, 2.5, len(ind)), np.full(len(ind), 30.0)
    target_ind = np.array([0, 1, 4])  # 4: an indicator without cases of its own
    f = calibration_factor(z, t, df, np.full(3, 2.0), 80, ind, target_ind, year)
    k = ind != 1
    calm_alone = calibration_factor(z[k], t[k], df[k], np.full(3, 2.0), 80, ind[k],
                                    target_ind, year[k])
    assert f[0] < 0.5 and f[2] < 0.5  # before: 2.09 and 5.64, set by the surge
    assert f[0] == pytest.approx(calm_alone[0], rel=0.2)
    assert f[1] > 4 * f[0]  # the surging indicator's own cases still widen its own
    f95 = calibration_factor(z, t, df, np.full(3, 2.0), 95, ind, target_ind, year)
    assert f95[0] < 1.0  # before 1.36; the surge's own: about 4


def test_95_factor_takes_its_tail_from_all_months() -> None:
    """Issue 14.2: an indicator with few, calm cases (national BHXH near November) gets a
    95 % factor of at least its 80 % factor times the tail ratio of all months and
    indicators — its own handful of cases cannot show the tail (their 95th percentile is
    about their largest) — while the 80 % factors and a heavier own tail are kept."""
    from bhxh_analysis.forecast.calibration import (
        calibration_factor,
        calibration_factors,
        tail_ratio,
    )

    rng = np.random.default_rng(1)
    # indicator 0: calm (normal) errors, 12 cases over the year; indicator 1: heavy
    # tails (Student t, 2 df), 60 cases
    z = np.concatenate([rng.standard_normal(12) * 0.4, rng.standard_t(2, 60)])
    t = np.concatenate([np.linspace(1.5, 11.5, 12), np.tile(np.arange(0.5, 12.0, 1.0), 5)])
    ind = np.repeat([0, 1], [12, 60])
    year = np.concatenate([np.arange(2012, 2024), np.repeat(np.arange(2019, 2024), 12)])
    df = np.full(72, 30.0)
    past = pd.DataFrame({"method": "seasonal_profile", "z": z, "t": t, "df": df,
                         "ind_id": ind, "year": year})
    target_t, target_ind = np.array([10.5, 10.5, 5.0]), np.array([0, 1, 0])
    f = calibration_factors(past, "seasonal_profile", 2025, target_t, target_ind)
    rho = tail_ratio(z, df, ind)
    assert rho > 1.3  # heavy tails in the pool: the 95 % factor well above the 80 % one
    own = {lev: calibration_factor(z, t, df, target_t, lev, ind, target_ind, year)
           for lev in (80, 95)}
    assert own[95][0] < own[80][0] * rho  # the calm indicator's own tail: too light
    assert f[95][0] == pytest.approx(f[80][0] * rho)  # floored by the pooled tail
    assert np.allclose(f[80], own[80])  # the 80 % factors are untouched
    assert np.allclose(f[95], np.maximum(own[95], own[80] * rho))
    assert (f[95] >= own[95]).all() and f[95][0] > 1.2 * own[95][0]


def test_total_without_cases_calibrated_on_its_main_parts_cases() -> None:
    """Issue 14.2 (Gia Lai BHXH on 30/6/2020, one figure, 95 % −51 %/+105 %): a total with
    no calibration cases of its own (BHXH before 2020) errs like its main part
    (compulsory BHXH, 88 % of it), not like the all-indicators factor that voluntary
    BHXH's doubling sets; the main part keeps its total as its stand-in."""
    from bhxh_analysis.forecast._prep import prepare
    from bhxh_analysis.forecast.calibration import calibration_factors, stand_ins

    sim = simulate_panel(n_places=2, years=[2023], seed=1,
                         schemes=["bhxh", "bhxh_compulsory", "bhxh_voluntary"], plans=False)
    prep = prepare(sim, ["bhxh_participants", "bhxh_compulsory_participants",
                         "bhxh_voluntary_participants"], with_plans=False)
    ids = dict(zip(prep.series["indicator"], prep.series["ind_id"], strict=True))
    tot, comp, vol = (int(ids[f"{s}_participants"])
                      for s in ("bhxh", "bhxh_compulsory", "bhxh_voluntary"))
    si = stand_ins(prep)
    assert si[comp] == tot and si[tot] == comp and vol not in si
    rng = np.random.default_rng(4)
    n = 30  # compulsory: calm errors; voluntary: a surge ten times as wide; no BHXH case
    past = pd.DataFrame({"method": "pooled_move", "t": np.tile([3.0, 6.0, 9.0], 2 * n // 3),
                         "df": 30.0, "year": np.tile(np.arange(2015, 2020), 2 * n // 5),
                         "z": np.r_[rng.standard_normal(n) * 0.3, rng.standard_normal(n) * 3.0],
                         "ind_id": np.repeat([comp, vol], n)})
    t = np.array([6.0, 6.0])
    f = calibration_factors(past, "pooled_move", 2020, t, np.array([tot, comp]), si)
    alone = calibration_factors(past, "pooled_move", 2020, t, np.array([tot, comp]),
                                {comp: tot})
    assert f[80][0] == pytest.approx(f[80][1])  # BHXH as wide as compulsory BHXH
    assert f[80][0] < 0.5 * alone[80][0]  # not the all-indicators factor
    assert f[95][0] < alone[95][0]
