"""The ``bhxh`` command line.

Each command group lives in its own module (``cli/data.py``, ``cli/geo.py``,
``cli/forecast.py``, ``cli/report.py``) and imports the library lazily inside
its commands so that ``bhxh --help`` is fast.
"""

from __future__ import annotations

import click

from .. import __version__
from .data import data
from .forecast import forecast
from .geo import geo
from .info import info
from .report import report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="bhxh")
def main() -> None:
    """bhxh: Vietnam social (BHXH), unemployment (BHTN) and health (BHYT) insurance analysis.

    \b
    Typical use:
      bhxh data build                 # raw → data/processed/observations.*
      bhxh geo resolve "Đà Lạt"       # names, codes and the 2025 reform
      bhxh forecast --geo "Việt Nam" --indicator bhxh_participants --year 2024 --as-of 2024-10-31
      bhxh report all                 # one HTML report per province + index
    """


main.add_command(data)
main.add_command(geo)
main.add_command(forecast)
main.add_command(report)
main.add_command(info)
