"""Time :func:`bhxh_analysis.metrics.derive_and_check` on a simulated commune panel.

Usage::

    python benchmarks/bench_metrics.py --communes 1000
    python benchmarks/bench_metrics.py --communes 10000 --rows-per-part 500000

Simulates the panel the build benchmark uses (``simulate_panel``, 10 years of months,
four schemes, registry-style codes), then runs the metrics on the whole table or, with
``--rows-per-part``, place group by place group (:func:`metrics.in_parts`). Prints one
JSON line: wall and CPU seconds of the metrics, rows, and the peak RSS of the process
(the simulation's own peak included: compare runs of the same size).
"""

from __future__ import annotations

import argparse
import json
import resource
import time


def main() -> None:
    """Run the benchmark and print its JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", type=int, default=1000)
    parser.add_argument("--rows-per-part", type=int, default=0,
                        help="0: the whole table at once")
    args = parser.parse_args()

    from bhxh_analysis import metrics
    from bhxh_analysis.simulate import simulate_panel

    obs = simulate_panel(n_places=args.communes, years=list(range(2015, 2025)), seed=7,
                         level="commune")
    obs = obs.assign(geo_code=obs["geo_code"].astype("str").str.removeprefix("SYN")
                     .str.zfill(5))
    wall, cpu = time.perf_counter(), time.process_time()
    if args.rows_per_part:
        parts = list(metrics.in_parts(obs, rows_per_part=args.rows_per_part))
        derived = sum(len(d) for d, _ in parts)
        checks = sum(len(c) for _, c in parts)
    else:
        d, c = metrics.derive_and_check(obs)
        derived, checks = len(d), len(c)
    print(json.dumps({
        "communes": args.communes, "rows": len(obs), "rows_per_part": args.rows_per_part,
        "derived_rows": derived, "consistency_rows": checks,
        "wall_s": round(time.perf_counter() - wall, 2),
        "cpu_s": round(time.process_time() - cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
