"""Calibration of the year-end forecasts, measured reproducibly (issue 14, points 2 and 3).

Usage::

    python benchmarks/calibration.py                 # real data and the simulated panel
    python benchmarks/calibration.py --only real     # or --only sim
    python benchmarks/calibration.py --out DIR       # default: data/processed/calibration

Not a timed benchmark (``run.py`` does not run it): it measures how often the
outcomes fell inside the forecasts' intervals and how well P(meet plan) scored.

Real data: the project's ``data/raw`` is built into a temporary ``BHXH_HOME`` (as
``tests/conftest.py`` does; the checkout's ``data/processed`` is not read), and every
within-year figure whose 31 December outcome is in the data is forecast on its own
date with only what was known then (:func:`~bhxh_analysis.forecast.evaluate.snapshot_backtest`,
methods ``auto`` — what a user gets — and ``run_rate``, for the error ratio).
Simulated panel: ``simulate_panel(75 places, 2015–2024, seed 3)`` (the panel of
``docs/forecasting.md``) through the same function, in an empty temporary root (the
first year's cases, with no earlier year to learn from, borrow nothing from the
embedded figures).

For each: by month of the as-of date, January–April, May–August, September–December
and overall — cases, inside the 80 % and 95 % intervals with exact binomial 95 %
intervals, mean and median relative width, error against the run-rate's
(:func:`~bhxh_analysis.forecast.evaluate.coverage_by_month`); P(meet plan) on the
cases with a plan (published; and every plan known then, published or implied):
cases, Brier score, reliability table, and how many P contradict the interval or bound
printed beside them (:func:`~bhxh_analysis.forecast.plan_bounds.interval_conflicts`: an
upper end or bound, held to 0; a lower end, not held and said on the page). On the real data also the late-year cases
(September–December) outside their 80 % intervals and the P(meet plan) cases that
scored worst. CSV files and ``calibration.md`` (every table) are written to the
output folder; the markdown also goes to stdout, progress to stderr. Rows are
sorted and nothing random is drawn beyond the simulator's fixed seed, so the same
data and code give the same files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from _common import log

#: The simulated panel of ``docs/forecasting.md``.
SIM_PLACES, SIM_YEARS, SIM_SEED = 75, range(2015, 2025), 3
#: P(meet plan) cases listed as the worst scored.
WORST = 10
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
GROUP_NAMES = {"1-4": "January–April", "5-8": "May–August", "9-12": "September–December",
               "all": "all months"}
CASE_COLUMNS = ["geo_name", "geo_level", "indicator", "year", "as_of", "month", "method",
                "last_value", "forecast", "lo80", "hi80", "lo95", "hi95", "actual",
                "inside80", "inside95", "run_rate", "upper_bound", "plan", "plan_source", "p_meet_plan",
                "p_meet_plan_model", "past_moves", "past_moves_as_large", "met", "flags"]


@contextmanager
def project_home(raw: Path | None) -> Iterator[Path]:
    """A temporary project root, ``BHXH_HOME`` set to it while the context is open.

    With ``raw``, a copy of that folder is built there (as ``tests/conftest.py`` does);
    without, the root is empty, so a thin simulated table borrows nothing from the
    embedded figures (``_prep.borrow``) and its tables depend on the panel alone.
    """
    from bhxh_analysis import config, pipeline

    old = os.environ.get(config.ENV_VAR)
    with tempfile.TemporaryDirectory(prefix="bhxh-calibration-") as tmp:
        home = Path(tmp)
        os.environ[config.ENV_VAR] = str(home)
        try:
            if raw is not None:
                shutil.copytree(raw, home / "data" / "raw")
                (home / "data" / "processed").mkdir()
                pipeline.build(write=True)
            yield home
        finally:
            if old is None:
                os.environ.pop(config.ENV_VAR, None)
            else:
                os.environ[config.ENV_VAR] = old


def cases_frame(sb: pd.DataFrame) -> pd.DataFrame:
    """The ``auto`` snapshots with the run-rate's forecast of the same case beside them."""
    auto = sb[sb["method_requested"] == "auto"]
    rr = sb.loc[sb["method_requested"] == "run_rate", ["unique_id", "as_of", "forecast"]]
    out = auto.merge(rr.rename(columns={"forecast": "run_rate"}), on=["unique_id", "as_of"],
                     how="left")
    out = out.sort_values(["as_of", "indicator", "geo_level", "geo_name"], ignore_index=True)
    return out[CASE_COLUMNS]


def plan_tables(cases: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Brier score and reliability of ``p_meet_plan``: published plans, and every plan."""
    from bhxh_analysis.forecast.evaluate import brier, reliability_table
    from bhxh_analysis.forecast.plan_bounds import interval_conflicts

    scores, rel = [], []
    for subset, m in (("published", cases["plan_source"] == "published"),
                      ("every plan", cases["plan"].notna())):
        g = cases[m & cases["p_meet_plan"].notna()]
        met = g["met"].astype(bool)
        scores.append({"plans": subset, "cases": len(g), "met": int(met.sum()),
                       "brier": brier(g["p_meet_plan"], met),
                       "brier_always_base_rate": brier(np.full(len(g), met.mean()), met)
                       if len(g) else float("nan"),
                       # P beside an upper end or bound it contradicts (held: 0 since
                       # 5 Dec 2026), and beside a lower end (not held: said on the page)
                       "against_interval": int(interval_conflicts(g, lower=False).sum()),
                       "below_interval": int((interval_conflicts(g)
                                              & ~interval_conflicts(g, lower=False)).sum()),
                       "models": ", ".join(f"{k} {v}" for k, v in sorted(
                           g["p_meet_plan_model"].value_counts().items()))})
        rel.append(reliability_table(g["p_meet_plan"], met).assign(plans=subset))
    rel_df = pd.concat(rel, ignore_index=True)
    return pd.DataFrame(scores), rel_df[["plans", *[c for c in rel_df if c != "plans"]]]


def by_year(cases: pd.DataFrame, months: tuple[int, ...] = (9, 10, 11, 12)) -> pd.DataFrame:
    """Coverage of the cases of ``months`` by year: misses of one year share its shocks."""
    from bhxh_analysis.forecast.evaluate import binomial_ci

    g = cases[cases["month"].isin(months)]
    rows = []
    for year, d in g.groupby("year", sort=True):
        n, k80, k95 = len(d), int(d["inside80"].sum()), int(d["inside95"].sum())
        ratio = d["actual"] / d["forecast"]
        rows.append({"year": int(year), "cases": n, "inside80": k80,
                     "coverage80_lo": binomial_ci(k80, n)[0], "coverage80_hi": binomial_ci(k80, n)[1],
                     "inside95": k95, "above_forecast": int((ratio > 1).sum()),
                     "outcome_over_forecast_min": float(ratio.min()),
                     "outcome_over_forecast_max": float(ratio.max())})
    return pd.DataFrame(rows)


def measure(obs: pd.DataFrame, label: str, lists: bool = True) -> dict[str, pd.DataFrame]:
    """Every table of one data set (``label`` names it in the progress lines).

    ``lists`` adds the September–December cases by year, those outside their 80 %
    interval, and the :data:`WORST` P(meet plan) cases (for the real data: a handful).
    """
    from bhxh_analysis.forecast.evaluate import coverage_by_month, snapshot_backtest

    t0 = time.perf_counter()
    sb = snapshot_backtest(obs, methods=("auto", "run_rate"))
    log(f"{label}: {int((sb['method_requested'] == 'auto').sum())} cases forecast in "
        f"{time.perf_counter() - t0:.0f} s")
    cases = cases_frame(sb)
    plan, reliability = plan_tables(cases)
    out = {"cases": cases, "by_month": coverage_by_month(cases), "plan": plan,
           "reliability": reliability}
    if lists:
        out["late_by_year"] = by_year(cases)
        late = cases[(cases["month"] >= 9) & ~cases["inside80"].astype(bool)]
        out["late_misses"] = late.assign(
            side=np.where(late["actual"] > late["hi80"], "above", "below"),
            actual_over_forecast=late["actual"] / late["forecast"]).reset_index(drop=True)
        scored = cases[cases["plan"].notna() & cases["p_meet_plan"].notna()]
        sq = (scored["p_meet_plan"] - scored["met"]) ** 2
        out["plan_worst"] = (scored.assign(squared_error=sq)
                             .sort_values(["squared_error", "as_of", "indicator"],
                                          ascending=[False, True, True], kind="stable")
                             .head(WORST).reset_index(drop=True))
    return out


# ----------------------------------------------------------------------------- markdown


def _num(x: float, digits: int = 3) -> str:
    return "" if pd.isna(x) else f"{x:,.{digits}f}"


def _big(x: float) -> str:
    if pd.isna(x):
        return ""
    return f"{x:,.2f}" if abs(x) < 1000 else f"{x:,.0f}"


def _share(k: int, n: int, pct: float, lo: float, hi: float) -> str:
    return "" if n == 0 else f"{k}/{n} = {pct:.1f} % ({lo:.0f}–{hi:.0f})"


def md_table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def md_by_month(t: pd.DataFrame) -> str:
    """The :func:`coverage_by_month` table as markdown."""
    rows = []
    for r in t.itertuples(index=False):
        name = GROUP_NAMES.get(r.period) or MONTHS[int(r.period) - 1]
        name = f"**{name}**" if r.period in GROUP_NAMES else name
        rows.append([name, str(r.cases),
                     _share(r.inside80, r.cases, r.coverage80, r.coverage80_lo, r.coverage80_hi),
                     _share(r.inside95, r.cases, r.coverage95, r.coverage95_lo, r.coverage95_hi),
                     f"{_num(r.width80_mean)} / {_num(r.width80_median)}",
                     f"{_num(r.width95_mean)} / {_num(r.width95_median)}",
                     f"{_num(r.error_ratio)} ({r.ratio_cases})" if r.ratio_cases else ""])
    return md_table(["as-of month", "cases", "inside 80 % (95 % CI)", "inside 95 % (95 % CI)",
                     "width 80 % mean / median", "width 95 % mean / median",
                     "error ÷ run-rate's (cases)"], rows)


def md_plan(scores: pd.DataFrame, rel: pd.DataFrame) -> str:
    """Brier scores and reliability tables as markdown."""
    s = md_table(["plans", "cases", "met", "Brier", "Brier of the base rate",
                  "P contradicting its interval: upper end or bound / lower end", "model"],
                 [[r.plans, str(r.cases), str(r.met), _num(r.brier), _num(r.brier_always_base_rate),
                   f"{r.against_interval} / {r.below_interval}", r.models]
                  for r in scores.itertuples(index=False)])
    rows = [[r.plans, r.bin, str(r.n), str(r.met), _num(r.mean_p, 2), _num(r.observed, 2)]
            for r in rel.itertuples(index=False)]
    return s + "\n\n" + md_table(["plans", "P bin", "cases", "met", "mean P", "share met"], rows)


def md_cases(t: pd.DataFrame, extra: list[tuple[str, str]]) -> str:
    """Listed cases: place, indicator, as-of, forecast, intervals, outcome, method, ``extra``."""
    header = ["place", "indicator", "as-of", "last value", "forecast", "80 %", "95 %", "outcome",
              "method", *[h for h, _ in extra]]
    rows = []
    for r in t.itertuples(index=False):
        d = r._asdict()
        cells = []
        for _, c in extra:
            x = d[c]
            if c in ("met", "inside80", "inside95"):
                cells.append("yes" if bool(x) else "no")
            elif c == "plan":
                cells.append(_big(x))
            else:
                cells.append(_num(x) if isinstance(x, float) else str(x))
        rows.append([d["geo_name"], d["indicator"], d["as_of"].strftime("%Y-%m-%d"),
                     _big(d["last_value"]), _big(d["forecast"]),
                     f"{_big(d['lo80'])}–{_big(d['hi80'])}", f"{_big(d['lo95'])}–{_big(d['hi95'])}",
                     _big(d["actual"]), d["method"], *cells])
    return md_table(header, rows)


def md_by_year(t: pd.DataFrame) -> str:
    """September–December coverage by year as markdown."""
    rows = [[str(r.year), str(r.cases), f"{r.inside80} ({r.coverage80_lo:.0f}–{r.coverage80_hi:.0f} %)",
             str(r.inside95), str(r.above_forecast),
             f"{r.outcome_over_forecast_min:.3f}–{r.outcome_over_forecast_max:.3f}"]
            for r in t.itertuples(index=False)]
    return md_table(["year", "cases", "inside 80 % (95 % CI)", "inside 95 %",
                     "outcome above forecast", "outcome ÷ forecast"], rows)


def markdown(res: dict[str, dict[str, pd.DataFrame]], facts: dict[str, str]) -> str:
    """Every table, titled, with the command that regenerates them."""
    parts = ["# Calibration of the year-end forecasts",
             "Regenerate: `python benchmarks/calibration.py` (writes this file and the CSV "
             "files beside it).",
             "Every within-year figure whose 31 December outcome is in the data, forecast by "
             "`forecast_many` on its own date (`evaluate.snapshot_backtest`, method `auto`). "
             "Widths are `(hi − lo) ÷ forecast`; the error ratio is the geometric mean of "
             "`|forecast − outcome| ÷ |run-rate − outcome|` on the cases with a run-rate; "
             "brackets hold the exact binomial 95 % interval of a coverage."]
    titles = {"real": "Real data", "sim": "Simulated panel"}
    for label, t in res.items():
        parts.append(f"## {titles.get(label, label)} ({facts[label]})")
        parts.append(md_by_month(t["by_month"]))
        parts.append("P(meet plan), `auto` through the API:")
        parts.append(md_plan(t["plan"], t["reliability"]))
        if "late_misses" in t:
            parts.append("September–December by year:")
            parts.append(md_by_year(t["late_by_year"]))
            parts.append("September–December cases outside their 80 % interval:")
            parts.append(md_cases(t["late_misses"], [("side", "side"),
                                                     ("outcome ÷ forecast", "actual_over_forecast"),
                                                     ("inside 95 %", "inside95")]))
            parts.append(f"The {WORST} P(meet plan) cases that scored worst:")
            parts.append(md_cases(t["plan_worst"], [("plan", "plan"), ("plan source", "plan_source"),
                                                    ("P", "p_meet_plan"), ("met", "met"),
                                                    ("(P − met)²", "squared_error")]))
    return "\n\n".join(parts) + "\n"


def write(res: dict[str, dict[str, pd.DataFrame]], facts: dict[str, str], out: Path) -> None:
    """CSV files ``<label>_<table>.csv`` and ``calibration.md`` in ``out``."""
    from bhxh_analysis.io import write_csv

    out.mkdir(parents=True, exist_ok=True)
    for label, tables in res.items():
        for name, t in tables.items():
            write_csv(t, out / f"{label}_{name}.csv")
    text = markdown(res, facts)
    (out / "calibration.md").write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    """Measure, write, print."""
    from bhxh_analysis import config
    from bhxh_analysis.observations import load_observations
    from bhxh_analysis.simulate import simulate_panel

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=None,
                    help="output folder (default: data/processed/calibration)")
    ap.add_argument("--only", choices=("real", "sim"), default=None)
    ap.add_argument("--sim-places", type=int, default=SIM_PLACES,
                    help=f"places of the simulated panel (default {SIM_PLACES})")
    args = ap.parse_args(argv)
    out = args.out if args.out is not None else config.calibration_dir()
    raw = config.raw_dir()
    res: dict[str, dict[str, pd.DataFrame]] = {}
    facts: dict[str, str] = {}
    if args.only in (None, "real"):
        with project_home(raw):
            obs = load_observations(rebuild=False)
            facts["real"] = f"`data/raw` built: {len(obs):,} observations"
            res["real"] = measure(obs, "real")
    if args.only in (None, "sim"):
        with project_home(None):
            sim = simulate_panel(n_places=args.sim_places, years=SIM_YEARS, seed=SIM_SEED)
            facts["sim"] = (f"`simulate_panel({args.sim_places} places, "
                            f"{SIM_YEARS.start}–{SIM_YEARS.stop - 1}, seed {SIM_SEED})`")
            res["sim"] = measure(sim, "sim", lists=False)
    write(res, facts, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
