"""Tests of ``benchmarks/calibration.py`` (issue 14, points 2–3): the calibration tables.

A small simulated panel goes through the script's own steps (the real run takes minutes:
``docs/forecasting.md``, "Calibration, reproducible"); the checks are the tables'
internal consistency, never a coverage value.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bhxh_analysis.forecast.evaluate import COVERAGE_BY_MONTH_COLUMNS, MONTH_GROUPS
from bhxh_analysis.simulate import simulate_panel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import calibration


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    sim = simulate_panel(n_places=2, years=range(2021, 2023), seed=4,
                         schemes=("bhyt_household",), level="province")
    # An empty project root: no embedded build for the thin panel to borrow from, so the
    # tables depend on the panel alone (and the checkout's data/processed is not read).
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BHXH_HOME", str(tmp_path_factory.mktemp("empty_home")))
        return calibration.measure(sim, "sim")


def test_by_month_adds_up(tables: dict[str, pd.DataFrame]) -> None:
    t = tables["by_month"]
    cases = tables["cases"]
    assert list(t.columns) == COVERAGE_BY_MONTH_COLUMNS
    months = t[~t["period"].isin(list(MONTH_GROUPS))]
    assert months["period"].astype(int).is_monotonic_increasing
    assert set(months["period"].astype(int)) == set(cases["month"])
    whole = t.set_index("period")
    for label, ms in MONTH_GROUPS.items():
        part = months[months["period"].astype(int).isin(ms)]
        for c in ("cases", "inside80", "inside95"):
            assert whole.loc[label, c] == part[c].sum(), (label, c)
    assert whole.loc["all", "cases"] == len(cases)
    assert whole.loc["all", "inside80"] == int(cases["inside80"].sum())
    for lev in (80, 95):
        assert (t[f"inside{lev}"] <= t["cases"]).all()
        assert (t[f"coverage{lev}_lo"] <= t[f"coverage{lev}"]).all()
        assert (t[f"coverage{lev}"] <= t[f"coverage{lev}_hi"]).all()
    assert (t["inside80"] <= t["inside95"]).all()
    assert (t["width80_median"] <= t["width95_median"]).all()
    assert (t["ratio_cases"] <= t["cases"]).all()


def test_cases_pair_auto_with_the_run_rate(tables: dict[str, pd.DataFrame]) -> None:
    cases = tables["cases"]
    assert list(cases.columns) == calibration.CASE_COLUMNS
    assert not cases.duplicated(["geo_name", "indicator", "as_of"]).any()
    assert cases["as_of"].is_monotonic_increasing
    # the run-rate needs the previous year-end: none in the panel's first year
    first = cases["year"] == cases["year"].min()
    assert cases.loc[first, "run_rate"].isna().all()
    assert cases.loc[~first, "run_rate"].notna().all()


def test_plan_scores_and_lists(tables: dict[str, pd.DataFrame]) -> None:
    cases = tables["cases"]
    plan = tables["plan"].set_index("plans")
    scored = cases[cases["plan"].notna() & cases["p_meet_plan"].notna()]
    assert plan.loc["every plan", "cases"] == len(scored) > 0
    assert plan.loc["every plan", "met"] == int(scored["met"].sum())
    b = float(np.mean((scored["p_meet_plan"] - scored["met"]) ** 2))
    assert plan.loc["every plan", "brier"] == pytest.approx(b)
    rel = tables["reliability"]
    assert rel.groupby("plans")["n"].sum().to_dict() == plan["cases"].to_dict()
    worst = tables["plan_worst"]
    assert len(worst) == min(calibration.WORST, len(scored))
    assert worst["squared_error"].is_monotonic_decreasing
    late = tables["late_misses"]
    assert (late["month"] >= 9).all() and not late["inside80"].any()
    assert ((late["side"] == "above") == (late["actual"] > late["hi80"])).all()
    years = tables["late_by_year"]
    assert years["cases"].sum() == int((cases["month"] >= 9).sum())
    assert years["cases"].sum() - years["inside80"].sum() == len(late)


def test_written_files_and_markdown(tables: dict[str, pd.DataFrame], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    res = {"sim": tables}
    calibration.write(res, {"sim": "tiny panel"}, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(["calibration.md", *[f"sim_{k}.csv" for k in tables]])
    back = pd.read_csv(tmp_path / "sim_by_month.csv", dtype={"period": str})
    assert back["period"].tolist() == tables["by_month"]["period"].tolist()
    text = (tmp_path / "calibration.md").read_text(encoding="utf-8")
    assert text == calibration.markdown(res, {"sim": "tiny panel"})
    assert "python benchmarks/calibration.py" in text
    assert "**September–December**" in text and "tiny panel" in text
    n = int(tables["by_month"].set_index("period").loc["all", "cases"])
    assert f"| **all months** | {n} |" in text
    assert capsys.readouterr().out == text + "\n"
