"""``bhxh data``: build the processed tables, check a researcher's own CSV."""

from __future__ import annotations

import click

from .data_check import add, check

#: Rejected rows printed in full before the output is abbreviated.
_SHOW_REJECTED = 30


@click.group()
def data() -> None:
    """Build and check data (raw → data/processed)."""


@data.command("build")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems, not the summary.")
@click.option("--csv", "csv_mode", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="CSV copies of the tables; auto = while the observations fit a "
                   "spreadsheet (at most 1,000,000 rows). Parquet is always written.")
def build_cmd(quiet: bool, csv_mode: str) -> None:
    """Build data/processed/observations.{parquet,csv} from data/raw.

    \b
    Verifies the sha256 of every raw file against its .meta.yml sidecar, reads the
    curated observation files and the GSO exports, validates every row, and writes
    observations, derived and consistency tables (.parquet, and .csv copies) and
    rejected.csv. Exits 1 when a raw file changed silently or any row was
    rejected (the good rows are still written; rejected.csv lists file, row, column
    and reason).
    """
    from .. import config
    from ..pipeline import build
    from ..rawdata import RawDataError

    try:
        result = build(write=True, csv=csv_mode)
    except RawDataError as exc:
        raise click.ClickException(str(exc)) from None

    obs, rejected = result.observations, result.rejected
    if not quiet:
        from ..sources.curated import load_sources

        kinds = load_sources().drop_duplicates("source_id").set_index("source_id")["kind"]
        per_kind = (obs["source_id"].astype("str").map(kinds).fillna("(unknown)")
                    .value_counts().sort_index())
        click.echo(f"observations: {len(obs)} rows → {config.observations_parquet()}")
        for kind, n in per_kind.items():
            click.echo(f"  {kind or '(no kind)'}: {n}")
        click.echo(f"derived: {result.derived_rows} rows → {config.derived_parquet()}")
        if result.consistency is not None and "status" in result.consistency.columns:
            n_conf = int(result.consistency["status"].eq("conflict").sum())
            click.echo(f"consistency: {len(result.consistency)} checks, {n_conf} conflicts")
        for note in result.warnings:
            click.echo(f"note: {note}")
        click.echo(f"rejected: {len(rejected)} rows → {config.rejected_csv()}")
    else:
        for note in result.warnings:
            click.echo(f"note: {note}", err=True)

    if not result.ok:
        shown = rejected.head(_SHOW_REJECTED)
        for r in shown.itertuples(index=False):  # a handful of messages, not data
            click.echo(f"data/raw/{r.file}: row {r.row}: column {r.column}: {r.reason} "
                       f"(value {r.value!r})", err=True)
        if len(rejected) > len(shown):
            click.echo(f"... and {len(rejected) - len(shown)} more in "
                       f"{config.rejected_csv()}", err=True)
        raise click.exceptions.Exit(1)


data.add_command(check)
data.add_command(add)
