"""``bhxh data check FILE``: validate a researcher's own CSV (logic in :mod:`usercheck`)."""

from __future__ import annotations

import click

from ..schema import SOURCE_KINDS
from .options import DATE_HELP, PARTIAL_DATE, PARTIAL_HELP, UP_TO_TODAY


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
    before or from 2025-07-01), number_format (vi|en). Encoding and delimiter are
    detected; each number is read by its own evidence and its indicator's kind (a count
    of persons is whole, a percentage needs no thousands separator), an ambiguous one is
    refused with both readings. Counts are bounded by the place's population (labour
    force for BHXH/BHTN), coverage by 100. Every bad row is reported with file, row,
    column and reason; good rows are kept and checked for consistency. Exit status 0
    only when nothing was rejected and no contradiction was found, 1 otherwise.
    """
    from ..usercheck import check_file, result_json

    result = check_file(file)
    result.write(out_dir)
    click.echo(result_json(result) if fmt == "json" else result.summary())
    ctx.exit(0 if result.ok else 1)


@click.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--source-id", required=True, help="Id of the new source (names the curated file).")
@click.option("--publisher", required=True, help="Who published the figures.")
@click.option("--title", required=True, help="Title of the publication or page.")
@click.option("--url", default=None, help="Address of the publication.")
@click.option("--published", type=PARTIAL_DATE, default=None,
              help=f"Publication date ({DATE_HELP}; or {PARTIAL_HELP}; {UP_TO_TODAY}).")
@click.option("--kind", type=click.Choice(SOURCE_KINDS), default="user_file", show_default=True,
              help="Kind of source in sources.csv, most authoritative first: it decides which "
                   "figure is shown when sources differ (docs/data.md).")
@click.option("--sheet", default=None, help="Sheet of an XLSX file (default: the first).")
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), default=None,
              help="YAML mapping of a wide sheet (docs/examples/README.md).")
@click.option("--keep-good", is_flag=True,
              help="Add the good rows even when some rows are rejected.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
def add(file: str, source_id: str, publisher: str, title: str, url: str | None,
        published: str | None, kind: str, sheet: str | None, mapping: str | None,
        keep_good: bool, debug: bool) -> None:
    """Add FILE's figures to data/raw as a new curated source.

    \b
    FILE is a CSV or XLSX in the `data check` layout, or a wide sheet read with
    --mapping. It is checked exactly as `bhxh data check` does; the good rows become
    data/raw/curated/observations_<source-id>.csv with its .meta.yml sidecar, and the
    source gets a row in data/raw/sources.csv. Nothing is written when a row is
    rejected, unless --keep-good. Run `bhxh data build` afterwards.
    """
    import os

    from ..dataadd import AddError, add_file

    try:
        result, written = add_file(
            file, source_id=source_id, publisher=publisher, title=title, url=url,
            published=published, kind=kind, sheet=sheet, mapping=mapping,
            keep_good=keep_good)
    except AddError as exc:
        _echo_problems(exc)
        raise click.ClickException(str(exc)) from None
    except Exception as exc:  # an unexpected fault: one line, the traceback on request
        if debug or os.environ.get("BHXH_DEBUG") == "1":
            raise
        raise click.ClickException(f"{type(exc).__name__}: {exc} (--debug shows the "
                                   "traceback)") from None
    click.echo(result.summary().rsplit("\n", 1)[0])
    for what, path in written.items():
        click.echo(f"wrote {what}: {path}")
    click.echo(f"added {len(result.clean)} figure(s) as source {source_id}; "
               "run `bhxh data build` to include them")


def _echo_problems(exc: Exception) -> None:
    """Print the rejected rows carried by a failed add (if the check ran)."""
    result = getattr(exc, "result", None)
    if result is not None:
        click.echo(result.summary(), err=True)
