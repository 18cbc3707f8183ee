"""Options shared by the ``bhxh`` commands: one date parser for every date option.

Every date option (``--as-of`` of ``report`` and ``forecast``, ...) accepts
``YYYY-MM-DD`` and ``dd/mm/yyyy`` (``d/m/yyyy`` too) and refuses anything else with the
same message. This module imports nothing from the library, so the library may use
:func:`parse_date` for its own parameters (e.g. a notebook's ``as_of``).
"""

from __future__ import annotations

import datetime as dt
import re

import click

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_HELP = "YYYY-MM-DD or dd/mm/yyyy"


def date_error(value: object) -> str:
    """Return the one message every date option gives for a value it cannot read."""
    return f"{value!r} is not a date: use {DATE_HELP} (e.g. 2020-06-30 or 30/06/2020)"


def parse_date(value: object) -> dt.date:
    """Read a date written ``YYYY-MM-DD`` or ``dd/mm/yyyy``.

    Parameters
    ----------
    value : str or date
        The text as typed (surrounding spaces ignored), or a date.

    Returns
    -------
    datetime.date

    Raises
    ------
    ValueError
        Anything else, with :func:`date_error`'s message.

    Examples
    --------
    >>> parse_date("30/06/2020"), parse_date("2020-06-30")
    (datetime.date(2020, 6, 30), datetime.date(2020, 6, 30))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = _ISO.match(text)
    parts = (int(m[1]), int(m[2]), int(m[3])) if m else None
    if parts is None and (m := _DMY.match(text)):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    try:
        if parts is None:
            raise ValueError
        return dt.date(*parts)
    except ValueError:
        raise ValueError(date_error(value)) from None


class DateParam(click.ParamType):
    """A click option type for dates (see :func:`parse_date`); the value becomes ISO text."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "DATE"

    def convert(self, value, param, ctx):
        if value is None:
            return None
        try:
            return parse_date(value).isoformat()
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateParam()
