"""Child of ``run.py`` for ``check_daily``: write a big daily file for ``bhxh data check``.

Usage::

    python benchmarks/bench_check.py generate --rows 1000000 --out /tmp/daily.csv

Rows are places x indicators x days in the ``data check`` layout (``geo_name, as_of,
indicator, value``): legacy provinces (the dates lie before the 2025 reform), two counts
of persons and a coverage percentage, one row per day ending 2024-12-31. Values are
deterministic, whole for counts and within 0–100 for percentages, and far below any
province's population, so every row is valid. Prints one JSON line (rows, places,
indicators, days, bytes, seconds).
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

#: The indicators of the file: counts (whole numbers) and one percentage.
INDICATORS = ("bhxh_voluntary_participants", "bhyt_participants", "bhyt_coverage_pct")
LAST_DAY = "2024-12-31"


def generate(rows: int, out: Path) -> dict[str, object]:
    """Write about ``rows`` daily rows to ``out``; return what was written."""
    import numpy as np
    import pandas as pd

    from bhxh_analysis.geo import get_registry

    t0 = time.perf_counter()
    provinces = get_registry().units("legacy", "province")["geo_name"].tolist()
    # ~5,000 days (2011-2024) per series: as many provinces as that needs.
    n_places = max(1, min(len(provinces), math.ceil(rows / (len(INDICATORS) * 5000))))
    days = math.ceil(rows / (n_places * len(INDICATORS)))
    dates = pd.date_range(end=LAST_DAY, periods=days, freq="D").strftime("%Y-%m-%d")
    places = provinces[:n_places]
    step = np.arange(days)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("geo_name,as_of,indicator,value\n")
        written = 0
        for p, place in enumerate(places):
            for indicator in INDICATORS:
                if indicator.endswith("_pct"):
                    values = np.char.mod("%.1f", 60 + (step % 300) / 10 + p % 7)
                else:
                    base = 5_000 if indicator.startswith("bhxh") else 100_000
                    values = (base + 13 * p + step // 7).astype(str)
                n = min(days, rows - written)
                if n <= 0:
                    break
                frame = pd.DataFrame({"geo_name": place, "as_of": dates[:n],
                                      "indicator": indicator, "value": values[:n]})
                frame.to_csv(fh, header=False, index=False, lineterminator="\n")
                written += n
    return {"rows": written, "places": n_places, "indicators": len(INDICATORS),
            "days": days, "bytes": out.stat().st_size,
            "seconds": round(time.perf_counter() - t0, 2)}


def main() -> None:
    """Command line of the child."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--rows", type=int, required=True)
    gen.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(json.dumps(generate(args.rows, args.out)), flush=True)


if __name__ == "__main__":
    main()
