"""Which plan a forecast is set against (issue 14, points 3, 5 and 6).

A participants series without a plan in persons takes its scheme's coverage plan ×
the year's denominator ÷ 100 (Hưng Yên 2022: 92 % of a population of 1,290,850); a
coverage series without a coverage plan takes the plan in persons ÷ the denominator
× 100. Conflicting plans are never averaged: the most authoritative source's is used
and the conflict is flagged.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bhxh_analysis import config
from bhxh_analysis.forecast import forecast
from bhxh_analysis.forecast._prep import (
    FROM_COVERAGE,
    FROM_PERSONS,
    PUBLISHED,
    known_plan,
    pick_plans,
    plans_table,
)
from bhxh_analysis.forecast.bounds import denominators


@pytest.fixture(scope="module", autouse=True)
def _built(home: Path) -> Path:
    """The session's built project: a thin table borrows its past moves from it."""
    return home


def _frame(rows: list[tuple[str, str, float] | tuple[str, str, float, str]],
           code: str = "P1", name: str = "Place P1") -> pd.DataFrame:
    """A user's table of one province: (date, indicator, value[, source id]) rows."""
    return pd.DataFrame({
        "obs_id": [f"u{i}" for i in range(len(rows))],
        "source_id": [r[3] if len(r) > 3 else "test" for r in rows], "geo_code": code,
        "geo_name": name, "geo_level": "province", "boundaries": "legacy",
        "as_of": pd.to_datetime([r[0] for r in rows]), "indicator": [r[1] for r in rows],
        "value": [float(r[2]) for r in rows]})


#: A place like Hưng Yên in 2022: a participants figure of 21 October, the year's
#: coverage plan and the year's published population; no plan in persons.
PARTICIPANTS, PLAN_PCT, POPULATION = 1_150_000.0, 92.0, 1_290_850.0
HUNG_YEN_LIKE = [("2022-10-21", "bhyt_participants", PARTICIPANTS),
                 ("2022-12-31", "bhyt_plan_coverage_pct", PLAN_PCT),
                 ("2022-07-01", "population", POPULATION)]


def _bhyt(rows: list, **kw) -> object:
    return forecast(_frame(rows), geo="Place P1", indicator="bhyt_participants", year=2022,
                    as_of="2022-10-21", **kw)


def test_a_coverage_plan_gives_a_participants_series_its_plan_and_chance() -> None:
    r = _bhyt(HUNG_YEN_LIKE)
    assert r.plan == pytest.approx(PLAN_PCT * POPULATION / 100)
    assert r.plan_source == FROM_COVERAGE
    assert r.plan_basis == PLAN_PCT and r.plan_denominator == POPULATION
    assert 0.0 < r.p_meet_plan < 1.0 and r.p_meet_plan_model
    assert r.move_needed_pct == pytest.approx((r.plan / PARTICIPANTS - 1) * 100)
    assert "coverage plan 92 %" in r.notes and "population 2022 1,290,850" in r.notes
    # The plan never moves the forecast itself.
    bare = _bhyt(HUNG_YEN_LIKE[:1] + HUNG_YEN_LIKE[2:])
    assert bare.forecast == r.forecast and np.isnan(bare.plan) and np.isnan(bare.p_meet_plan)


def test_the_coverage_plan_needs_the_denominator_of_its_own_year() -> None:
    # Another year's population is a bound (with an allowance), never a plan's basis.
    other_year = [*HUNG_YEN_LIKE[:2], ("2021-07-01", "population", POPULATION)]
    r = _bhyt(other_year)
    assert np.isnan(r.plan) and r.plan_source == "" and np.isfinite(r.upper_bound)
    # A derived population of the year (participants ÷ coverage) is one: as the bounds.
    derived = [*HUNG_YEN_LIKE[:2], ("2022-10-21", "bhyt_coverage_pct", 89.0)]
    d = _bhyt(derived)
    assert d.plan == pytest.approx(PLAN_PCT * PARTICIPANTS / 0.89 / 100)
    assert d.plan_source == FROM_COVERAGE and d.bound_kind == "derived"


def test_a_plan_converted_over_a_derived_denominator_carries_its_range() -> None:
    """A coverage plan × a population derived from "1.150.000" ÷ "89%" (88.5–90 %, rounded or
    truncated: a population of 1,277,777–1,299,435) is a count of that width, not one exact number;
    over a published population it stays one number."""
    from bhxh_analysis.forecast._prep import derived_rows

    obs = _frame([*HUNG_YEN_LIKE[:2], ("2022-10-21", "bhyt_coverage_pct", 89.0)])
    obs = obs.assign(value_raw=["1.150.000", "92%", "89%"])
    den = denominators(obs, derived_rows(obs, ["bhyt_participants"]), 2022)
    assert den["value_lo"].iloc[0] < den["value"].iloc[0] < den["value_hi"].iloc[0]
    t = plans_table(obs, ["bhyt_participants"], None, den)
    conv = t[t["kind"] == FROM_COVERAGE].iloc[0]
    assert conv["plan"] == pytest.approx(PLAN_PCT * PARTICIPANTS / 0.89 / 100)
    assert conv["plan_lo"] == pytest.approx(PLAN_PCT * PARTICIPANTS / 0.90 / 100)  # "89%": up to 90 % (truncated)
    assert conv["plan_hi"] == pytest.approx(PLAN_PCT * PARTICIPANTS / 0.885 / 100)
    # a coverage plan from a plan in persons: divided by the range, its ends swap
    persons = _frame([("2022-10-21", "bhyt_participants", PARTICIPANTS),
                      ("2022-10-21", "bhyt_coverage_pct", 89.0),
                      ("2022-12-31", "bhyt_plan_participants", 1_200_000.0)]).assign(
        value_raw=["1.150.000", "89%", "1.200.000"])
    den2 = denominators(persons, derived_rows(persons, ["bhyt_coverage_pct"]), 2022)
    t2 = plans_table(persons, ["bhyt_coverage_pct"], None, den2)
    pct = t2[t2["kind"] == FROM_PERSONS].iloc[0]
    assert pct["plan_lo"] == pytest.approx(1_200_000.0 / (PARTICIPANTS / 0.885) * 100)
    assert pct["plan_hi"] == pytest.approx(1_200_000.0 / (PARTICIPANTS / 0.90) * 100)
    published = plans_table(_frame(HUNG_YEN_LIKE), ["bhyt_participants"], None,
                            denominators(_frame(HUNG_YEN_LIKE), None, 2022))
    one = published[published["kind"] == FROM_COVERAGE].iloc[0]
    assert one["plan_lo"] == one["plan"] == one["plan_hi"]


def test_a_plan_restated_from_the_series_own_rate_keeps_only_the_rate_range() -> None:
    """Cà Mau-like, the rate short of the plan: "hơn 1.000.000" participants at "89%" give a
    population of 1,111,111–1,242,937, but the plan (92 % of it) is participants × 92 ÷ rate —
    the participants' rounding cancels against the same series, only the rate's 88.5–90 %
    is left (was 1,022,222–1,143,503 persons; now 1,022,222–1,039,548), and P is given at
    the two ends of that range. A population derived from another scheme keeps its range."""
    from bhxh_analysis.forecast._prep import derived_rows

    rows = [("2022-10-21", "bhyt_participants", 1_000_000.0),
            ("2022-12-31", "bhyt_plan_coverage_pct", PLAN_PCT),
            ("2022-10-21", "bhyt_coverage_pct", 89.0)]
    obs = _frame(rows).assign(value_raw=["hơn 1.000.000", "92%", "89%"])
    den = denominators(obs, derived_rows(obs, ["bhyt_participants"]), 2022)
    assert den["value_hi"].iloc[0] > 1.2e6  # the population keeps the participants' range
    conv = plans_table(obs, ["bhyt_participants"], None, den)
    conv = conv[conv["kind"] == FROM_COVERAGE].iloc[0]
    assert conv["plan_lo"] == pytest.approx(PLAN_PCT * 1e6 / 90.0)
    assert conv["plan_hi"] == pytest.approx(PLAN_PCT * 1e6 / 88.5)
    r = forecast(obs, geo="Place P1", indicator="bhyt_participants", year=2022,
                 as_of="2022-10-21")
    assert (r.plan_lo, r.plan_hi) == (pytest.approx(PLAN_PCT * 1e6 / 90.0),
                                      pytest.approx(PLAN_PCT * 1e6 / 88.5))
    assert r.p_meet_plan_lo <= r.p_meet_plan <= r.p_meet_plan_hi
    # control: BHXH's plan over a labour force derived from BHTN's figures is not restated
    other = _frame([("2022-10-21", "bhtn_participants", 300_000.0),
                    ("2022-10-21", "bhtn_coverage_pct", 30.0),
                    ("2022-10-21", "bhxh_participants", 330_000.0),
                    ("2022-12-31", "bhxh_plan_coverage_pct", 35.0)]).assign(
        value_raw=["hơn 300.000", "30%", "330.000", "35%"])
    den3 = denominators(other, derived_rows(other, ["bhtn_participants"]), 2022)
    lf = den3[den3["denominator"] == "labour_force"].iloc[0]
    t3 = plans_table(other, ["bhxh_participants"], None, den3)
    c3 = t3[t3["kind"] == FROM_COVERAGE].iloc[0]
    assert c3["plan_hi"] == pytest.approx(35.0 * lf["value_hi"] / 100)


def test_a_plan_in_persons_wins_over_the_coverage_plan() -> None:
    persons = 1_200_000.0
    r = _bhyt([*HUNG_YEN_LIKE, ("2022-12-31", "bhyt_plan_participants", persons)])
    assert r.plan == persons and r.plan_source == PUBLISHED and np.isnan(r.plan_basis)
    given = _bhyt(HUNG_YEN_LIKE, plan=1.19e6)
    assert given.plan == 1.19e6 and given.plan_source == "given"


def test_a_coverage_series_takes_the_plan_in_persons_over_the_denominator() -> None:
    rows = [("2022-10-21", "bhyt_coverage_pct", 89.0),
            ("2022-12-31", "bhyt_plan_participants", 1_180_000.0), HUNG_YEN_LIKE[2]]
    r = forecast(_frame(rows), geo="Place P1", indicator="bhyt_coverage_pct", year=2022,
                 as_of="2022-10-21")
    assert r.plan == pytest.approx(1_180_000.0 / POPULATION * 100)
    assert r.plan_source == FROM_PERSONS and 0.0 <= r.p_meet_plan <= 1.0
    # a plan in persons above the population would be a rate above 100 %: no plan
    over = [rows[0], ("2022-12-31", "bhyt_plan_participants", POPULATION * 1.01), rows[2]]
    r2 = forecast(_frame(over), geo="Place P1", indicator="bhyt_coverage_pct", year=2022,
                  as_of="2022-10-21")
    assert np.isnan(r2.plan)


def _ids_of_kinds(*kinds: str) -> list[str]:
    """One source id of each kind, from the sources table the forecaster ranks."""
    src = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    return [sorted(src.loc[src["kind"] == k, "source_id"])[0] for k in kinds]


def test_conflicting_plans_are_never_averaged_the_most_authoritative_wins() -> None:
    press, news = _ids_of_kinds("press_release", "news_article")
    rows = [HUNG_YEN_LIKE[0], HUNG_YEN_LIKE[2],
            ("2022-12-31", "bhyt_plan_participants", 1_190_000.0, news),
            ("2022-12-31", "bhyt_plan_participants", 1_170_000.0, press)]
    r = _bhyt(rows)
    assert r.plan == 1_170_000.0  # the press release, not the median 1,180,000
    assert "plan_conflict" in r.flags.split(";")
    assert "1190000" in r.notes and "1170000" in r.notes and press in r.notes
    # the same rule for a coverage plan turned into persons (92 % and 91.5 %)
    cov = [HUNG_YEN_LIKE[0], HUNG_YEN_LIKE[2],
           ("2022-12-31", "bhyt_plan_coverage_pct", 92.0, news),
           ("2022-12-31", "bhyt_plan_coverage_pct", 91.5, press)]
    c = _bhyt(cov)
    assert c.plan == pytest.approx(91.5 * POPULATION / 100) and "plan_conflict" in c.flags
    # one value printed by two sources is no conflict
    same = _bhyt([*cov[:3], ("2022-12-31", "bhyt_plan_coverage_pct", 92.0, press)])
    assert same.plan == pytest.approx(92.0 * POPULATION / 100)
    assert "plan_conflict" not in same.flags


def test_known_plan_and_pick_plans_follow_one_rule() -> None:
    press, news = _ids_of_kinds("press_release", "news_article")
    obs = _frame([("2022-12-31", "bhyt_plan_participants", 1_190_000.0, news),
                  ("2022-12-31", "bhyt_plan_participants", 1_170_000.0, press),
                  ("2022-12-31", "bhyt_plan_coverage_pct", 95.0, press),
                  HUNG_YEN_LIKE[2]])
    table = plans_table(obs, ["bhyt_participants"], None, denominators(obs, None, 2022))
    key = ("legacy", "province", "P1")
    plan, kind = known_plan(table, key, "bhyt_participants", 2022, pd.Timestamp("2022-06-30"))
    assert (plan, kind) == (1_170_000.0, PUBLISHED)  # published in persons beats converted
    before, _ = known_plan(table, key, "bhyt_participants", 2022, pd.Timestamp("2021-12-31"))
    assert np.isnan(before)  # a published plan counts from 1 January of its year
    # among equals (same kind of source), the first source id
    tie = table.assign(source_id=np.where(table["plan"] == 1_170_000.0, "zz-news", "aa-news"))
    got = pick_plans(tie, 2022, pd.Timestamp("2022-06-30"), kinds=(PUBLISHED,))
    assert float(got["plan"].iloc[0]) == 1_190_000.0 and bool(got["conflict"].iloc[0])
    conv = pick_plans(table, 2022, pd.Timestamp("2022-06-30"), kinds=(FROM_COVERAGE,))
    assert float(conv["plan"].iloc[0]) == pytest.approx(95.0 * POPULATION / 100)
    assert not bool(conv["conflict"].iloc[0])


def test_implied_plans_differing_within_their_rounding_are_no_conflict() -> None:
    # Two attainment figures of one year imply 30,033.5 and 30,033.7 (rounding): no flag.
    obs = _frame([("2020-06-30", "bhxh_voluntary_participants", 21_023.4),
                  ("2020-06-30", "bhxh_voluntary_attainment_pct", 70.0),
                  ("2020-09-30", "bhxh_voluntary_participants", 24_027.0),
                  ("2020-09-30", "bhxh_voluntary_attainment_pct", 80.0)])
    r = forecast(obs, geo="Place P1", indicator="bhxh_voluntary_participants", year=2020,
                 as_of="2020-09-30")
    assert r.plan_source.startswith("implied") and "plan_conflict" not in r.flags
    assert r.plan in (pytest.approx(21_023.4 / 0.7), pytest.approx(24_027.0 / 0.8))


def test_hung_yen_2022_on_the_built_data_has_its_plan_from_the_coverage_plan(home) -> None:
    from bhxh_analysis.observations import load_observations

    obs = load_observations(rebuild=False)
    hy = obs[(obs["geo_name"] == "Hưng Yên") & (obs["boundaries"] == "legacy")]
    year = hy[hy["indicator"] == "bhyt_participants"]["as_of"].max()
    pct = hy.loc[(hy["indicator"] == "bhyt_plan_coverage_pct")
                 & (hy["as_of"].dt.year == year.year), "value"]
    pop = hy.loc[(hy["indicator"] == "population") & (hy["as_of"].dt.year == year.year), "value"]
    assert len(pct) == 1 and len(pop) == 1
    r = forecast(geo="Hưng Yên", indicator="bhyt_participants", year=year.year,
                 as_of=year.strftime("%Y-%m-%d"))
    assert r.plan == pytest.approx(float(pct.iloc[0]) * float(pop.iloc[0]) / 100)
    assert r.plan_source == FROM_COVERAGE and 0.0 < r.p_meet_plan < 1.0
    assert r.past_moves >= 5 and r.p_meet_plan_model == "empirical_moves"
