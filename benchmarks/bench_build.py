"""Child process of the ``build`` benchmark (run by ``benchmarks/run.py``).

Two sub-commands, each in its own interpreter so that ``ru_maxrss`` is the
measured work's own peak:

``generate``
    simulate a commune-level panel with :func:`bhxh_analysis.simulate.simulate_panel`
    and write it to parquet (not timed as part of the build).
``build``
    read that parquet (:func:`observations.read_observations_parquet`) and run what
    :func:`pipeline.build` runs after reading the raw files: pandera validation,
    sorting, derived figures and consistency checks, every processed file published
    as a set. Prints one JSON line per finished step, then one JSON object with the
    step times and the peak RSS.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

T_START = time.perf_counter()  # before the package's imports: start_s counts them

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import current_rss_mb, log, peak_rss_mb  # noqa: E402


def _started(**extra: Any) -> float:
    """Print the ``start_s`` record (interpreter and imports done); return its seconds."""
    seconds = round(time.perf_counter() - T_START, 3)
    sys.stdout.write(json.dumps({"step": "start_s", "seconds": seconds, **extra}) + "\n")
    sys.stdout.flush()
    return seconds

#: Sort order of the observations table (unique key of a unit, then time).
SORT_KEY = ["boundaries", "geo_level", "geo_code", "indicator", "as_of", "obs_id"]


def generate(n_places: int, years: list[int], seed: int, out: Path) -> dict[str, Any]:
    """Simulate the panel and write it to ``out`` (parquet).

    Parameters
    ----------
    n_places : int
        Number of simulated communes.
    years : list of int
        Calendar years simulated (12 months each).
    seed : int
        Random seed.
    out : pathlib.Path
        Parquet file to write.

    Returns
    -------
    dict
        ``rows``, ``seconds`` and the simulate call used.
    """
    from bhxh_analysis.simulate import simulate_panel

    t0 = time.perf_counter()
    # The simulator's four default schemes (compulsory and voluntary BHXH, BHTN,
    # household BHYT), monthly values plus yearly plans.
    obs = simulate_panel(n_places=n_places, years=years, seed=seed, level="commune")
    seconds = time.perf_counter() - t0
    # Registry-style codes, as the build's place resolution would give (not timed).
    _as_registry_codes(obs).to_parquet(out, index=False)
    return {
        "rows": len(obs),
        "indicators": sorted(obs["indicator"].astype(str).unique().tolist()),
        "simulate_s": round(seconds, 3),
        "peak_rss_mb": peak_rss_mb(),
    }


def _synthetic_sources() -> Any:
    """The project's sources table plus the ``synthetic`` source of the simulated rows."""
    import pandas as pd

    from bhxh_analysis.sources.curated import load_sources

    extra = pd.DataFrame({"source_id": ["synthetic"], "published_end": [pd.NaT]})
    return pd.concat([load_sources(), extra], ignore_index=True)


def _as_registry_codes(obs: Any) -> Any:
    """Give synthetic places numeric five-digit codes (``SYN0042`` → ``00042``).

    The observations schema only admits GSO-style codes; the values are untouched.
    """
    codes = obs["geo_code"].astype("str").str.removeprefix("SYN").str.zfill(5)
    return obs.assign(geo_code=codes)


def build(src: Path, workdir: Path, csv: str = "auto") -> dict[str, Any]:
    """Run the build's steps that apply to a frame; time each step.

    The same functions :func:`bhxh_analysis.pipeline.build` runs after the raw files
    are read: pandera validation, sorting and dtypes (``tidy``), derived figures and
    consistency checks with the set published (``derive_and_write``).

    Parameters
    ----------
    src : pathlib.Path
        Parquet file written by :func:`generate`.
    workdir : pathlib.Path
        Folder for the outputs (used as ``BHXH_HOME``: files go to
        ``data/processed`` under it).
    csv : {"auto", "always", "never"}
        CSV copies, as ``bhxh data build --csv``.

    Returns
    -------
    dict
        ``build_s`` (sum of the steps), per-step seconds, ``peak_rss_mb``,
        ``rss_after_imports_mb``, ``rows``, ``derived_rows``, ``consistency_rows``,
        ``rejected_rows``, files written.
    """
    import os

    from bhxh_analysis import pipeline
    from bhxh_analysis.observations import read_observations_parquet

    start_s = _started()
    sources = _synthetic_sources()
    # The build writes under BHXH_HOME/data/processed: point it at the work folder.
    os.environ["BHXH_HOME"] = str(workdir)
    rss_imports = current_rss_mb()
    steps: dict[str, float] = {}

    cpu: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        log(f"build: {name} ...")
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        steps[name] = round(time.perf_counter() - t0, 3)
        cpu[name] = round(time.process_time() - c0, 3)
        # One line per finished step, so a run stopped by the parent's timeout
        # still tells how far it got and how fast.
        sys.stdout.write(json.dumps({"step": name, "seconds": steps[name],
                                     "peak_rss_mb": peak_rss_mb()}) + "\n")
        sys.stdout.flush()
        return result

    def read() -> Any:
        obs = read_observations_parquet(src)
        return obs.assign(_file="synthetic.parquet", _row=range(2, len(obs) + 2))

    obs = timed("read_parquet_s", read)
    obs, rejected = timed("validate_s", lambda: pipeline.validate(obs, sources))
    obs, rejected = timed("sort_s", lambda: pipeline.tidy(obs, [rejected]))
    result = pipeline.BuildResult(obs, rejected)
    # Derived figures and checks (by groups of places beyond PLACE_GROUP_ROWS rows,
    # while derived.parquet is written), then every table published as one set.
    timed("metrics_and_write_s", lambda: pipeline.derive_and_write(result, True, csv))
    return {
        "build_s": round(sum(steps.values()), 3),
        "steps": steps,
        # CPU seconds of this process per step: on a machine shared with other work
        # they stay close to what the wall time would be on an idle one.
        "build_cpu_s": round(sum(cpu.values()), 3),
        "steps_cpu_s": cpu,
        "start_s": start_s,
        "csv": csv,
        "written": sorted(p.name for p in result.written),
        "rows": len(obs),
        "rejected_rows": len(rejected),
        "derived_rows": result.derived_rows,
        "consistency_rows": len(result.consistency),
        "peak_rss_mb": peak_rss_mb(),
        "rss_after_imports_mb": rss_imports,
    }


def real(workdir: Path) -> dict[str, Any]:
    """Build the project's real ``data/raw`` (copied under ``workdir``); time the build."""
    import os
    import shutil

    from bhxh_analysis import config, pipeline

    start_s = _started()
    shutil.copytree(config.raw_dir(), workdir / "data" / "raw", dirs_exist_ok=True)
    os.environ["BHXH_HOME"] = str(workdir)
    t0, c0 = time.perf_counter(), time.process_time()
    result = pipeline.build(write=True)
    return {"build_s": round(time.perf_counter() - t0, 3),
            "build_cpu_s": round(time.process_time() - c0, 3), "start_s": start_s,
            "rows": len(result.observations), "derived_rows": result.derived_rows,
            "peak_rss_mb": peak_rss_mb()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point of the child process."""
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--n-places", type=int, required=True)
    g.add_argument("--first-year", type=int, default=2015)
    g.add_argument("--n-years", type=int, default=10)
    g.add_argument("--seed", type=int, default=7)
    g.add_argument("--out", type=Path, required=True)
    b = sub.add_parser("build")
    b.add_argument("--src", type=Path, required=True)
    b.add_argument("--workdir", type=Path, required=True)
    b.add_argument("--csv", choices=["auto", "always", "never"], default="auto",
                   help="CSV copies (the build's --csv); auto skips them beyond "
                        "pipeline.CSV_MAX_ROWS rows")
    r = sub.add_parser("real")
    r.add_argument("--workdir", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.cmd == "generate":
        years = list(range(args.first_year, args.first_year + args.n_years))
        result = generate(args.n_places, years, args.seed, args.out)
    elif args.cmd == "real":
        result = real(args.workdir)
    else:
        result = build(args.src, args.workdir, args.csv)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
