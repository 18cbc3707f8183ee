"""``bhxh data``: build the processed tables, check a researcher's own CSV."""

from __future__ import annotations

import click

from .data_check import check


@click.group()
def data() -> None:
    """Build and check data (raw → data/processed)."""


data.add_command(check)
