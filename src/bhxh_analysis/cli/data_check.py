"""``bhxh data check FILE``: validate a researcher's own CSV (logic in :mod:`usercheck`)."""

from __future__ import annotations

import click


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for <stem>.clean/.rejected/.derived/.consistency.csv (default: beside FILE).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Summary format on stdout.",
)
@click.pass_context
def check(ctx: click.Context, file: str, out_dir: str | None, fmt: str) -> None:
    """Check FILE, a CSV of your own figures.

    Columns: geo_name, as_of, indicator, value (required); source_id, unit, value_raw,
    parent, boundaries (optional: legacy|2025; by default each row's as_of decides,
    before or from 2025-07-01). Encoding, delimiter and number format are detected. Every bad
    row is reported with file, row, column and reason; good rows are kept and checked
    for consistency. Exit status 0 only when nothing was rejected and no contradiction
    was found, 1 otherwise.
    """
    from ..usercheck import check_file, result_json

    result = check_file(file)
    result.write(out_dir)
    click.echo(result_json(result) if fmt == "json" else result.summary())
    ctx.exit(0 if result.ok else 1)
