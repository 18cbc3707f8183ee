"""``bhxh geo``: command group (commands are filled in by their modules)."""

from __future__ import annotations

import click


@click.group()
def geo() -> None:
    """geo commands."""
