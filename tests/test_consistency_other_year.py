"""A derived denominator far from the published one of another year is flagged (issue 14).

Nghệ An 30/4/2023: BHYT participants ÷ coverage imply a population of 3,125,282, 8.6 %
under GSO's 2022 figure (3,419,990), and nothing said so — the consistency checks compared
figures of one year only. Nghệ An's largest annual change in GSO's series is 1.4 %.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bhxh_analysis import metrics as M
from bhxh_analysis.metrics.consistency import ANNUAL_CHANGE, DENOMINATOR_ALLOWANCE, annual_changes
from bhxh_analysis.schema import OBSERVATION_COLUMNS

#: GSO's Nghệ An population 2020–2022 (its 2020→2021 change, 1.3256 %, the largest).
_GSO = [("2020-07-01", 3365200.0), ("2021-07-01", 3409810.0), ("2022-07-01", 3419990.0)]


def _obs(participants: float, coverage: float, extra: list | None = None) -> pd.DataFrame:
    rows = [(f"gso-{d[:4]}", "gso-pop-2018-2022", d, "population", v, "") for d, v in _GSO]
    rows += [("na-1", "news-1", "2023-04-30", "bhyt_participants", participants,
              f"{participants:,.0f}".replace(",", ".")),
             ("na-2", "news-1", "2023-04-30", "bhyt_coverage_pct", coverage,
              f"{coverage:g}%".replace(".", ","))]
    rows += extra or []
    df = pd.DataFrame(rows, columns=["obs_id", "source_id", "as_of", "indicator", "value",
                                     "value_raw"])
    df = df.assign(geo_code="40", geo_name="Nghệ An", geo_level="province",
                   boundaries="legacy", province_2025="Nghệ An", geo_name_raw="Nghệ An",
                   as_of_raw=df["as_of"], note="", preliminary=False,
                   unit=np.where(df["indicator"].str.endswith("_pct"), "pct", "persons"))
    return df[OBSERVATION_COLUMNS]


def _other_year(obs: pd.DataFrame) -> pd.DataFrame:
    c = M.check_consistency(obs)
    return c[c["check"].eq("denominator_vs_other_year:population")]


def test_a_population_implied_far_from_gso_of_the_year_before_is_flagged() -> None:
    obs = _obs(2_906_512.0, 93.0)  # 3,125,282 implied, 8.6 % under 3,419,990 (> 1.3 + 5 %)
    row = _other_year(obs)
    assert row["status"].tolist() == ["conflict"]
    # the allowance is Nghệ An's own largest annual change × 1 year, plus the same-year
    # check's allowance for another publisher (a news figure against GSO's), printed as
    # the range
    rate = 3409810.0 / 3365200.0 - 1.0 + DENOMINATOR_ALLOWANCE
    lo, hi = (float(x) for x in
              row["implied_values"].iloc[0].split("| ")[1].split("[")[1].rstrip("]").split(","))
    assert lo == pytest.approx(3419990.0 - 0.5 - rate * 3419990.0, abs=1.0)
    assert hi == pytest.approx(3419990.0 + 0.5 + rate * 3419990.0, abs=1.0)
    # a warning: the observations and derived figures are not changed
    assert M.derive(obs)["value"].tolist() == M.derive(_obs(2_906_512.0, 93.0))["value"].tolist()


def test_a_close_population_is_not_flagged_nor_one_with_its_own_year() -> None:
    ok = _other_year(_obs(3_190_000.0, 93.0))  # 3,430,108 implied: 0.3 % above 2022
    assert ok["status"].tolist() == ["ok"]
    # a published figure of the implied one's own year: the same-year check compares them
    same = _obs(2_906_512.0, 93.0, [("gso-2023", "gso-pop-x", "2023-07-01", "population",
                                     3450000.0, "")])
    assert _other_year(same).empty
    # more than three years apart: not compared
    far = _obs(2_906_512.0, 93.0).replace({"as_of": {"2023-04-30": "2026-04-30"}})
    assert _other_year(far.assign(as_of_raw=far["as_of"])).empty


def test_the_fallback_allowance_is_the_largest_change_in_gso_exports(home: Path) -> None:
    """ANNUAL_CHANGE (a place without a series of its own) is measured, not chosen: the
    largest annual change of a province in GSO's exports, boundary changes left out."""
    from bhxh_analysis import load_observations

    o = load_observations()
    g = o[o["source_id"].astype(str).str.startswith("gso-pop")
          | o["source_id"].astype(str).str.startswith("gso-lf")]
    g = g[g["geo_level"].eq("province")]
    f = g.assign(unit=g["geo_code"].astype(str), indicator=g["indicator"].astype(str),
                 source_id=g["source_id"].astype(str),
                 year=pd.to_datetime(g["as_of"]).dt.year)
    got = annual_changes(f).groupby(level="indicator").max()
    assert got["population"] == pytest.approx(ANNUAL_CHANGE["population"], rel=1e-12)
    assert got["labour_force_15plus"] == pytest.approx(ANNUAL_CHANGE["labour_force"], rel=1e-12)
    # the boundary changes are left out: Hà Nội 2007→2008 (+97.7 % with Hà Tây) is not it
    assert got["population"] < 0.1
