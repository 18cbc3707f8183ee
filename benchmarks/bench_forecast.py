"""Child process of the ``forecast_series_per_s`` benchmark (run by ``benchmarks/run.py``).

Simulates a monthly commune panel, then times
:func:`bhxh_analysis.forecast.forecast_many` producing a 31 December forecast
with 80 % and 95 % intervals for every commune. Only the forecast call is timed.
Prints one JSON object per method on stdout (the last line holds them all).
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import log, peak_rss_mb

#: Interval columns every forecast must carry (issue 5).
INTERVAL_COLUMNS = ("lo80", "hi80", "lo95", "hi95")

#: Preferred indicator to forecast, then any ``*_participants`` of the panel.
PREFERRED_INDICATOR = "bhxh_voluntary_participants"


def _pick_indicator(indicators: list[str]) -> str:
    if PREFERRED_INDICATOR in indicators:
        return PREFERRED_INDICATOR
    parts = [i for i in indicators if i.endswith("_participants") and not i.startswith("plan_")]
    if not parts:
        raise RuntimeError(f"simulated panel has no *_participants indicator: {indicators}")
    return sorted(parts)[0]


def run(n_series: int, year: int, as_of: str, seed: int, methods: list[str]) -> dict[str, Any]:
    """Simulate ``n_series`` communes and time ``forecast_many`` for each method.

    Parameters
    ----------
    n_series : int
        Number of simulated communes (one series each).
    year : int
        Forecast year (the last simulated year).
    as_of : str
        ISO date up to which data are visible.
    seed : int
        Random seed of the simulation.
    methods : list of str
        ``"default"`` calls ``forecast_many`` without ``method=``; other names are
        passed as ``method=``.

    Returns
    -------
    dict
        ``n_series``, ``indicator``, ``simulate_s`` and one entry per method with
        ``seconds``, ``series_per_s``, ``n_forecasts``, ``n_with_intervals``,
        ``methods_used`` (counts of the reported method column).
    """
    from bhxh_analysis.forecast import forecast_many
    from bhxh_analysis.simulate import simulate_panel

    years = list(range(year - 9, year + 1))
    t0 = time.perf_counter()
    obs = simulate_panel(n_places=n_series, years=years, seed=seed, level="commune")
    simulate_s = time.perf_counter() - t0
    indicators = sorted(obs["indicator"].astype(str).unique().tolist())
    indicator = _pick_indicator(indicators)
    default_method = inspect.signature(forecast_many).parameters.get("method")
    out: dict[str, Any] = {
        "n_series": n_series,
        "indicator": indicator,
        "year": year,
        "as_of": as_of,
        "obs_rows": len(obs),
        "simulate_s": round(simulate_s, 3),
        "default_method": None if default_method is None else str(default_method.default),
        "runs": {},
    }
    for method in methods:
        kwargs: dict[str, Any] = {} if method == "default" else {"method": method}
        log(f"forecast_many({n_series} series, {indicator}, method={method}) ...")
        t0 = time.perf_counter()
        res = forecast_many(obs, year=year, as_of=as_of, indicator=indicator, **kwargs)
        seconds = time.perf_counter() - t0
        missing = [c for c in INTERVAL_COLUMNS if c not in res.columns]
        if missing:
            raise RuntimeError(f"forecast_many result lacks interval columns {missing}")
        complete = res[list(INTERVAL_COLUMNS) + ["forecast"]].notna().all(axis=1)
        used = (
            res["method"].astype(str).value_counts().sort_index().to_dict()
            if "method" in res.columns
            else {}
        )
        out["runs"][method] = {
            "seconds": round(seconds, 3),
            "series_per_s": round(len(res) / seconds, 1) if seconds > 0 else None,
            "n_forecasts": len(res),
            "n_with_intervals": int(complete.sum()),
            "methods_used": {str(k): int(v) for k, v in used.items()},
        }
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point of the child process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n-series", type=int, required=True)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--as-of", default=None, help="default: YEAR-09-30")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--methods", default="default", help="comma-separated")
    args = parser.parse_args(argv)
    as_of = args.as_of or f"{args.year}-09-30"
    result = run(args.n_series, args.year, as_of, args.seed, args.methods.split(","))
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
