"""``bhxh data check FILE``: validate a researcher's own CSV (filled in by usercheck)."""

from __future__ import annotations

import click


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def check(file: str) -> None:
    """Check FILE (placeholder)."""
    raise click.ClickException("not implemented yet")
