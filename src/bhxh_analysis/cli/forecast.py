"""``bhxh forecast``: year-end forecasts and backtests."""

from __future__ import annotations

import click


@click.group(invoke_without_command=True)
@click.pass_context
def forecast(ctx: click.Context) -> None:
    """Forecast a 31 December value (placeholder, filled in by the forecast module)."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
