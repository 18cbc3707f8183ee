"""``bhxh forecast``: year-end forecasts and backtests.

``bhxh forecast --geo NAME --indicator IND --year YYYY --as-of YYYY-MM-DD`` forecasts
one place's 31 December value; ``bhxh forecast backtest`` scores every method on
every case the embedded data allow. The library is imported inside the commands so
that ``bhxh --help`` stays fast.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import click

from .options import DATE, DATE_HELP, UP_TO_TODAY, RequiredOption

#: ``note``: why a row has no forecast or no ``p_meet_plan``, in words ("" otherwise).
CSV_COLUMNS = ["geo_name", "indicator", "year", "as_of", "method", "forecast", "lo80", "hi80",
               "lo95", "hi95", "plan", "p_meet_plan", "note"]
_METHODS = ["auto", "run_rate", "last_value", "seasonal_profile", "ets"]
_METHOD_HELP = ("auto: seasonal_profile, unless another method had a clearly lower backtest "
                "error on earlier years (one- or two-figure series: pooled_move); "
                "last_value: the latest figure; run_rate: the year's pace so far; "
                "seasonal_profile: the usual within-year path; ets: exponential smoothing, "
                "for 36+ consecutive monthly values (docs/forecasting.md, Methods).")
_EXIT_GEO = 2
_EXIT_NO_FORECAST = 1


def _check_indicator(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..forecast import FORECASTABLE

    if value is not None and value not in FORECASTABLE:
        raise click.BadParameter(f"unknown indicator {value!r}; forecastable indicators: "
                                 f"{', '.join(FORECASTABLE)}")
    return value


def _fmt(x: Any, digits: int = 0) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return ""
    return f"{float(x):.{digits}f}"


def _pct_text(p: float | None) -> str:
    """A probability as a readable percentage ("<1%" rather than a misleading "0%")."""
    if p is None:
        return "unknown"
    if 0 < p < 0.005:
        return "<1%"
    if 0.995 < p < 1:
        return ">99%"
    return f"{p * 100:.0f}%"


def _human(x: Any, pct: bool) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "unknown"
    return f"{float(x):.2f}%" if pct else f"{float(x):,.0f}"


@click.group(invoke_without_command=True)
@click.option("--geo", "geo_name", metavar="NAME", cls=RequiredOption,
              help="Place (province, district, commune, 'Việt Nam').")
@click.option("--parent", metavar="NAME", help="Containing unit, to disambiguate --geo.")
@click.option("--boundaries", type=click.Choice(["legacy", "2025"]),
              help="Boundary set of --geo (default: legacy wins for equal names).")
@click.option("--indicator", callback=_check_indicator, metavar="IND", cls=RequiredOption,
              help="e.g. bhxh_participants, bhxh_voluntary_participants, bhyt_participants.")
@click.option("--year", type=int, cls=RequiredOption,
              help="Year whose 31 December value is forecast.")
@click.option("--as-of", "as_of", type=DATE, cls=RequiredOption,
              help=f"Use only figures dated on or before this day ({DATE_HELP}; {UP_TO_TODAY}).")
@click.option("--method", type=click.Choice(_METHODS), default="auto", show_default=True,
              help=_METHOD_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text",
              show_default=True,
              help="text: for reading; csv: one row (the columns of forecast batch); json: "
                   "every field of the result, unrounded.")
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Observations file (CSV or parquet, observations schema) to use instead of "
                   "the embedded data, e.g. your own monthly series as the .clean.csv that "
                   "`bhxh data check` writes.")
@click.pass_context
def forecast(ctx: click.Context, geo_name: str | None, parent: str | None,
             boundaries: str | None, indicator: str | None, year: int | None,
             as_of: str | None, method: str, fmt: str, data_path: Path | None) -> None:
    """Forecast a 31 December value with 80/95% intervals and the chance of meeting the plan.

    \b
    Examples:
      bhxh forecast --geo "Việt Nam" --indicator bhxh_participants --year 2024 --as-of 2024-10-31
      bhxh forecast --geo "Việt Nam" --indicator bhyt_participants --year 2024 \\
                    --as-of 2024-04-30 --format csv
      bhxh forecast backtest                # rolling-origin skill against the run-rate

    Only figures dated on or before --as-of are used (the year's plan counts as known
    from 1 January). Unknown places exit 2 with suggestions; an unknown indicator
    exits 2; no data before --as-of exits 1.
    """
    if ctx.invoked_subcommand is not None:
        return
    missing = [opt for opt, v in (("--geo", geo_name), ("--indicator", indicator),
                                  ("--year", year), ("--as-of", as_of)) if v is None]
    if missing:
        if len(missing) == 4:
            click.echo(ctx.get_help())
            return
        raise click.UsageError(f"missing option(s): {', '.join(missing)}", ctx)
    _forecast_one(geo_name, parent, boundaries, indicator, year, as_of, method, fmt, data_path)


def _load(data_path: Path | None) -> Any:
    """The embedded observations, or a user's file (CSV or parquet) in the same schema."""
    from .. import load_observations

    if data_path is None:
        return load_observations()
    import pandas as pd

    from ..schema import UNIT_KEY

    if data_path.suffix.lower() == ".parquet":
        df = pd.read_parquet(data_path)
    else:
        df = pd.read_csv(data_path, dtype={"geo_code": str})
    missing = [c for c in (*UNIT_KEY, "geo_name", "as_of", "indicator", "value")
               if c not in df.columns]
    if missing:  # a researcher's own layout: data check resolves the places first
        raise click.ClickException(
            f"{data_path}: not an observations table (no column {', '.join(missing)}); "
            f"run `bhxh data check {data_path}` and give --data its .clean.csv")
    dates = pd.to_datetime(df["as_of"], errors="coerce", format="mixed")
    bad = dates.isna()
    if bad.any():  # said, counted and left out, never a traceback or a guessed date
        first = df.loc[bad, "as_of"].iloc[0]
        click.echo(f"warning: {int(bad.sum())} row(s) of {data_path} have an as_of that is "
                   f"not a date (first: {first!r}); they are not used", err=True)
    df = df[~bad].copy()
    df["as_of"] = dates[~bad]
    return df


def _forecast_one(geo_name: str, parent: str | None, boundaries: str | None, indicator: str,
                  year: int, as_of: str, method: str, fmt: str, data_path: Path | None) -> None:
    from .. import geo as g
    from ..forecast import ForecastError, forecast

    obs = _load(data_path)
    place: Any = geo_name
    # Places of a user's file (or synthetic ones) may match a geo_name exactly;
    # everything else goes through the registry (tolerant names, suggestions).
    exact = data_path is not None and (obs["geo_name"] == geo_name).any() and parent is None
    if not exact:
        try:
            place = g.get_registry().resolve(geo_name, parent=parent, boundaries=boundaries)
        except g.GeoError as exc:
            click.echo(f"error: {exc}", err=True)
            if isinstance(exc, g.UnknownPlaceError) and exc.suggestions:
                click.echo("suggestions: " + "; ".join(exc.suggestions), err=True)
            sys.exit(_EXIT_GEO)
    try:
        res = forecast(obs, geo=place, indicator=indicator, year=year, as_of=as_of,
                       method=method)
    except ForecastError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(_EXIT_NO_FORECAST)

    d = res.to_dict()
    if fmt == "json":
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    pct = indicator.endswith("_pct")
    if fmt == "csv":
        digits = 2 if pct else 0
        from ..forecast.batch import refusal_notes

        note = "" if d["plan"] is not None else refusal_notes(year, as_of)["no_plan"]
        row = {**d, "year": str(d["year"]), "note": note,
               **{c: _fmt(d[c], digits) for c in ("forecast", "lo80", "hi80", "lo95", "hi95",
                                                 "plan")},
               "p_meet_plan": _fmt(d["p_meet_plan"], 4)}
        import pandas as pd

        from ..io import csv_text

        click.echo(csv_text(pd.DataFrame([row], columns=CSV_COLUMNS).astype(object)), nl=False)
        return
    h = lambda x: _human(x, pct)  # noqa: E731
    lines = [
        f"{d['geo_name']} ({d['geo_level']} {d['geo_code']}, {d['boundaries']} boundaries)",
        f"{indicator}: forecast for 31 December {d['year']} using figures dated <= {d['as_of']}",
        f"  forecast      {h(d['forecast'])}",
        f"  80% interval  {h(d['lo80'])} – {h(d['hi80'])}",
        f"  95% interval  {h(d['lo95'])} – {h(d['hi95'])}",
        f"  method        {d['method']}" + (f"  [{d['notes']}]" if d["notes"] else ""),
        f"  last value    {h(d['last_value'])} on {d['last_as_of']} ({d['n_obs']} dated values used)",
        f"  31 Dec {d['year'] - 1}   {h(d['prev_year_end'])}",
    ]
    if d["plan"] is not None:
        lines += [
            f"  plan          {h(d['plan'])} ({d['plan_source']})",
            f"  P(meet plan)  {_pct_text(d['p_meet_plan'])}",
            *_reason(d, pct),
            f"  pace needed   {_pace(d['pace_required'], pct)} per month from {d['as_of']}",
        ]
    else:
        lines.append("  plan          not known on the as-of date")
    click.echo("\n".join(lines))


def _reason(d: dict[str, Any], pct: bool) -> list[str]:
    """The reason behind P(meet plan), from the result's structured fields."""
    if d.get("move_needed_pct") is None or d.get("past_moves") is None:
        return []
    pool = "this indicator" if d["past_moves_pool"] == "indicator" else "all indicators"
    window = d["past_moves_window"]
    months = f"{window:g} month" + ("" if window == 1 else "s")
    return [f"  why           must still move {d['move_needed_pct']:+.1f}% of the last value by "
            f"31 December; {int(d['past_moves_as_large'])} of {int(d['past_moves'])} earlier "
            f"moves ({pool}, within {months} of this point of the year) were that large",
            f"  model         {_MODEL_TEXT.get(d.get('p_meet_plan_model') or '', '')}",
            *(f"  held          {_HELD_TEXT[f]}" for f in str(d.get("flags") or "").split(";")
              if f in _HELD_TEXT)]


def _pace(x: Any, pct: bool) -> str:
    """The monthly pace needed: persons, or percentage points for a rate (not "%", which
    would read as a relative change beside the move above)."""
    if pct and x is not None and not (isinstance(x, float) and not math.isfinite(x)):
        return f"{float(x):.2f} percentage points"
    return _human(x, pct)


#: What each P(meet plan) model is, for the CLI's English output (reports use the catalogue).
_MODEL_TEXT = {
    "empirical_moves": "the share of those moves, smoothed: (k + 0.5) / (n + 1)",
    "plan_aware": "the forecast moved part of the way towards the plan (learned from earlier plans)",
    "seasonal": "the forecast's own distribution",
}
#: What held P(meet plan) to the interval or a bound (forecast.plan_bounds.hold_p flags).
_HELD_TEXT = {
    "p_held_total": "P is the total's chance of reaching the plan (a part never exceeds its total)",
    "p_held_parts": "P limited by the total less the other part (Bonferroni, as the upper ends)",
    "p_held_interval": "P held to the interval shown (above an upper end, at most its tail)",
    "p_above_bound": "P is 0: the plan is above the highest value possible",
}


@forecast.command("batch")
@click.option("--level", type=click.Choice(["province", "district", "commune"]), required=True,
              help="Forecast every place of this level.")
@click.option("--indicator", required=True, callback=_check_indicator, metavar="IND",
              help="e.g. bhxh_participants, bhyt_participants.")
@click.option("--year", type=int, required=True,
              help="Year whose 31 December value is forecast.")
@click.option("--as-of", "as_of", type=DATE, required=True,
              help=f"Use only figures dated on or before this day ({DATE_HELP}; {UP_TO_TODAY}).")
@click.option("--method", type=click.Choice(_METHODS), default="auto", show_default=True,
              help=_METHOD_HELP)
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="local: this process; dask: chunks on a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler address (with --executor dask; default: a LocalCluster "
                   "with one worker per core).")
@click.option("--jobs", type=click.IntRange(min=0), default=0,
              help="LocalCluster workers (default: one per CPU core).")
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Observations file (CSV or parquet) instead of the embedded data.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Parquet file to write (the columns of bhxh forecast --format csv).")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
def batch_cmd(level: str, indicator: str, year: int, as_of: str, method: str, executor: str,
              scheduler: str | None, jobs: int, data_path: Path | None, out: Path,
              no_progress: bool) -> None:
    """Forecast every place of a level, in chunks, locally or on a Dask cluster.

    \b
    Example:
      bhxh forecast batch --level province --indicator bhxh_participants --year 2024 \\
                          --as-of 31/10/2024 --executor dask --out forecasts.parquet

    Each place is forecast exactly as `bhxh forecast --geo PLACE` forecasts it; the
    file has the columns of `bhxh forecast --format csv`, one row per place with a
    figure of the indicator (sorted by boundary set, level and code). A place that
    cannot be forecast (no figure up to --as-of, a horizon too far) keeps its row with
    empty values and the reason in `note`; the summary counts them by reason.
    """
    from ..forecast import forecast_batch
    from ..io import write_parquet

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    obs = _load(data_path)
    df = forecast_batch(obs, level=level, indicator=indicator, year=year, as_of=as_of,
                        method=method, executor=executor, scheduler=scheduler, n_workers=jobs,
                        progress=not no_progress)
    write_parquet(df, out)
    for line in batch_summary(df):
        click.echo(line)
    click.echo(f"wrote {out}")


def batch_summary(df: Any) -> list[str]:
    """The terminal summary of a batch: places, forecasts, and the refused rows and the
    rows without P(meet plan) counted by their ``note`` (most frequent first)."""
    done = df["forecast"].notna()
    lines = [f"{len(df)} places ({int(done.sum())} forecast, {int((~done).sum())} refused)"]
    for title, rows in (("refused", df[~done]), ("forecast, with a note", df[done])):
        counts = rows.loc[rows["note"] != "", "note"].value_counts(sort=False)
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        if len(counts):
            lines.append(f"{title}, by reason:")
            lines += [f"  {n:>5}  {note.removeprefix('refused: ')}"
                      for note, n in counts.items()]
    return lines


@forecast.command("backtest")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV to write (default: data/processed/backtest.csv).")
@click.option("--all-indicators", is_flag=True,
              help="Also score coverage rates (default: participants indicators only).")
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Observations file (CSV or parquet) instead of the embedded data.")
def backtest_cmd(out: Path | None, all_indicators: bool, data_path: Path | None) -> None:
    """Rolling-origin backtest of every method on every case the data allow.

    Each case is a figure dated inside a year whose 31 December value (and the
    previous one) is known; each method forecasts it from figures dated up to the
    case only. Writes one row per case and method, and prints skill against the
    run-rate baseline (1 − MAPE ÷ run-rate MAPE) and interval coverage.
    """
    from .. import config
    from ..forecast import PARTICIPANTS, backtest, summary
    from ..io import write_csv

    obs = _load(data_path)
    bt = backtest(obs, indicators=None if all_indicators else PARTICIPANTS)
    path = out if out is not None else config.backtest_csv()
    write_csv(bt, path)
    if bt.empty:
        click.echo(f"no backtest case in the data; wrote an empty table to {path}")
        return
    s = summary(bt)
    n = int(s["n_cases"].max())
    click.echo(f"{n} cases ({bt['indicator'].nunique()} indicators, "
               f"{bt[['geo_code', 'geo_level', 'boundaries']].drop_duplicates().shape[0]} places)"
               f"; wrote {path}")
    click.echo(f"{'method':<18}{'MAPE %':>8}{'median APE %':>14}{'skill vs run-rate':>19}"
               f"{'cover80 %':>11}{'cover95 %':>11}")
    for r in s.itertuples(index=False):
        click.echo(f"{r.method:<18}{r.mape:>8.2f}{r.median_ape:>14.2f}{r.skill_ape:>19.2f}"
                   f"{r.coverage80:>11.0f}{r.coverage95:>11.0f}")
    click.echo("skill = 1 − MAPE(method) ÷ MAPE(run-rate) on the same cases; > 0 beats the "
               "run-rate baseline.")
