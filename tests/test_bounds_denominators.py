"""Denominators are chosen, never averaged (issue 14, point 6).

``forecast.bounds.denominators`` took the median of two figures of one kind, place and
year (two articles implying two populations). One figure is now chosen — the most
authoritative source, as for plans, then the latest date, then the first ``obs_id`` — and
the others stay visible: ``values``, a note and the flag ``denominator_conflict`` wherever
the forecast names that denominator.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import config
from bhxh_analysis.forecast import forecast
from bhxh_analysis.forecast.bounds import denominators, rank_denominators


@pytest.fixture(scope="module", autouse=True)
def _built(home: Path) -> Path:
    """The session's built project: its sources table ranks sources by kind."""
    return home


def _ids_of_kinds(*kinds: str) -> list[str]:
    """One source id of each kind, from the sources table the forecaster ranks."""
    src = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    return [sorted(src.loc[src["kind"] == k, "source_id"])[0] for k in kinds]


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """One province: (date, indicator, value, source id) rows, ids ``u0, u1, …``."""
    return pd.DataFrame({
        "obs_id": [f"u{i}" for i in range(len(rows))], "source_id": [r[3] for r in rows],
        "geo_code": "P1", "geo_name": "Place P1", "geo_level": "province",
        "boundaries": "legacy", "as_of": pd.to_datetime([r[0] for r in rows]),
        "indicator": [r[1] for r in rows], "value": [float(r[2]) for r in rows]})


def test_two_populations_of_one_year_the_most_authoritative_is_used() -> None:
    gso, news = _ids_of_kinds("statistics", "news_article")
    rows = [("2022-07-01", "population", 1_400_000.0, news),
            ("2022-07-01", "population", 1_290_850.0, gso)]
    for frame in (_frame(rows), _frame(rows[::-1])):
        r = denominators(frame, None, 2022).iloc[0]
        assert r["value"] == 1_290_850.0 and r["source_id"] == gso  # not 1,345,425
        assert r["n_values"] == 2
        assert r["values"] == f"1,290,850 ({gso}); 1,400,000 ({news})"
    one = denominators(_frame(rows[1:]), None, 2022).iloc[0]
    assert one["n_values"] == 1 and one["values"] == ""


def test_one_source_the_latest_date_then_the_first_obs_id() -> None:
    (news,) = _ids_of_kinds("news_article")
    rows = [("2022-03-31", "population", 1_300_000.0, news),
            ("2022-09-30", "population", 1_310_000.0, news)]
    assert denominators(_frame(rows), None, 2022)["value"].tolist() == [1_310_000.0]
    same_day = _frame([("2022-07-01", "population", 1_320_000.0, news),
                       ("2022-07-01", "population", 1_300_000.0, news)])
    assert denominators(same_day, None, 2022)["value"].tolist() == [1_320_000.0]  # u0
    swapped = same_day.assign(obs_id=["u1", "u0"])
    assert denominators(swapped, None, 2022)["value"].tolist() == [1_300_000.0]
    # kinds stay apart: a derived figure never outranks a published one in its own row
    ranked = rank_denominators(pd.DataFrame({
        "boundaries": "legacy", "geo_level": "province", "geo_code": "P1",
        "denominator": "population", "year": 2022, "kind": ["derived", "published"],
        "as_of": pd.to_datetime(["2022-09-30", "2022-07-01"]), "value": [1.5e6, 1.3e6],
        "source_id": news, "obs_id": ["d", "p"]}))
    assert ranked["kind"].tolist() == ["published", "derived"]


def test_the_plan_converted_with_a_conflicting_population_says_so() -> None:
    gso, news = _ids_of_kinds("statistics", "news_article")
    rows = [("2022-10-21", "bhyt_participants", 1_150_000.0, news),
            ("2022-12-31", "bhyt_plan_coverage_pct", 92.0, news),
            ("2022-07-01", "population", 1_290_850.0, gso),
            ("2022-07-01", "population", 1_400_000.0, news)]
    r = forecast(_frame(rows), geo="Place P1", indicator="bhyt_participants", year=2022,
                 as_of="2022-10-21")
    assert r.plan_denominator == 1_290_850.0
    assert r.plan == pytest.approx(92.0 * 1_290_850.0 / 100)
    assert "denominator_conflict" in r.flags.split(";")
    assert "population 2022 differs between sources" in r.notes
    assert f"1,290,850 ({gso}); 1,400,000 ({news})" in r.notes
    # one population: no flag
    alone = forecast(_frame(rows[:3]), geo="Place P1", indicator="bhyt_participants",
                     year=2022, as_of="2022-10-21")
    assert "denominator_conflict" not in alone.flags.split(";")


def test_a_bound_from_a_conflicting_population_says_so() -> None:
    gso, news = _ids_of_kinds("statistics", "news_article")
    # participants close to the population: the 95 % interval reaches the bound
    rows = [("2021-12-31", "bhyt_participants", 1_200_000.0, news),
            ("2022-03-31", "bhyt_participants", 1_285_000.0, news),
            ("2022-07-01", "population", 1_290_850.0, gso),
            ("2022-07-01", "population", 1_400_000.0, news)]
    r = forecast(_frame(rows), geo="Place P1", indicator="bhyt_participants", year=2022,
                 as_of="2022-03-31")
    assert r.upper_bound == 1_290_850.0 and r.bound_kind == "published"
    flags = r.flags.split(";")
    assert "bounded" in flags and flags.count("denominator_conflict") == 1
    assert f"1,290,850 ({gso}); 1,400,000 ({news})" in r.notes
