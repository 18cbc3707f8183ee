"""Options shared by the ``bhxh`` commands: one date type for every date option.

Every date option (``--as-of`` of ``forecast``, ``forecast batch`` and ``report
province``, ``--published`` of ``extract`` and ``data add``) has the click type
:class:`DateParam`: it accepts ``YYYY-MM-DD`` and ``dd/mm/yyyy`` (``d/m/yyyy`` too),
gives the value to the command as ``YYYY-MM-DD`` text and refuses anything else with the
one message of :func:`date_error` (a usage error: one line, exit status 2).
``data add --published`` also takes ``YYYY-MM`` or ``YYYY`` (a source known only to its
month or year, as ``sources.csv`` records it). One rule for every date option: a day
after today (:func:`today`) is refused with :func:`future_error` (exit status 2) — no
figure is dated, and no source published, in the future, so such a date is a typing
mistake (31/12/2027 for 31/12/2024), never silently read as today. The library does
not refuse it (a report made with a later ``as_of`` says so on its page). :class:`RequiredOption` marks
``[required]`` in ``--help`` an option that a command checks itself. This module
imports nothing from the library, so the library may use :func:`parse_date` for its own
parameters (e.g. a notebook's ``as_of``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import click

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
DATE_HELP = "YYYY-MM-DD or dd/mm/yyyy"
#: What a date option that also takes a month or a year accepts besides a day.
PARTIAL_HELP = "YYYY-MM or YYYY when only the month or year is known"
#: What every date option's help says of a day after today (refused: :func:`future_error`).
UP_TO_TODAY = "not after today"


def date_error(value: object, partial: bool = False) -> str:
    """Return the one message every date option gives for a value it cannot read.

    Parameters
    ----------
    value : object
        The value as typed.
    partial : bool
        The option also takes ``YYYY-MM`` and ``YYYY``: the message says so at its end.

    Examples
    --------
    >>> date_error("31/13/2024")
    "'31/13/2024' is not a date: use YYYY-MM-DD or dd/mm/yyyy (e.g. 2020-06-30 or 30/06/2020)"
    """
    text = f"{value!r} is not a date: use {DATE_HELP} (e.g. 2020-06-30 or 30/06/2020)"
    return f"{text}; or {PARTIAL_HELP}" if partial else text


def today() -> dt.date:
    """Return today's date (``datetime.date.today()``); tests replace this function.

    Every check of a date against today (:class:`DateParam`, the report page's note on a
    later ``as_of``) calls it here, so one ``monkeypatch.setattr`` moves them all.
    """
    return dt.date.today()


def future_error(value: object, day: dt.date) -> str:
    """Return the one message every date option gives for a day after today.

    Examples
    --------
    >>> future_error("31/12/2027", dt.date(2026, 12, 4))
    "'31/12/2027' is after today (2026-12-04): no figure is dated in the future; give a day up to today (a typing mistake?)"
    """
    return (f"{value!r} is after today ({day.isoformat()}): no figure is dated in the "
            "future; give a day up to today (a typing mistake?)")


def is_future(value: str, now: Callable[[], dt.date] | None = None) -> bool:
    """Whether an ISO day, month (``YYYY-MM``) or year (``YYYY``) starts after today.

    Examples
    --------
    >>> d = lambda: dt.date(2026, 12, 4)
    >>> is_future("2026-12-05", d), is_future("2026-12", d), is_future("2027", d)
    (True, False, True)
    """
    day = (now or today)()
    first = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
    return dt.date.fromisoformat(first) > day


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


def parse_partial_date(value: object) -> str:
    """Read a date as :func:`parse_date` does, or a month ``YYYY-MM`` or a year ``YYYY``.

    Parameters
    ----------
    value : str or date
        The text as typed (surrounding spaces ignored), or a date.

    Returns
    -------
    str
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: as precise as the value.

    Raises
    ------
    ValueError
        Anything else, with :func:`date_error`'s message (``partial=True``).

    Examples
    --------
    >>> parse_partial_date("05/03/2024"), parse_partial_date("2024-03"), parse_partial_date("2024")
    ('2024-03-05', '2024-03', '2024')
    """
    m = _PARTIAL.match(str(value).strip()) if isinstance(value, str) else None
    if m and (m[2] is None or 1 <= int(m[2]) <= 12):
        return m[0]
    try:
        return parse_date(value).isoformat()
    except ValueError:
        raise ValueError(date_error(value, partial=True)) from None


class DateParam(click.ParamType):
    """The click type of every date option: ``YYYY-MM-DD`` or ``dd/mm/yyyy``, as ISO text.

    One type, so that every date option reads the same formats (:func:`parse_date`)
    and refuses a bad value with the same one-line message (:func:`date_error`); click
    turns the refusal into a usage error (exit status 2, no traceback). A day after
    today (:func:`today`) is refused the same way, with :func:`future_error`.

    Parameters
    ----------
    partial : bool
        Also take a month ``YYYY-MM`` or a year ``YYYY`` (:func:`parse_partial_date`),
        returned as typed; for a publication date known only that precisely.

    Examples
    --------
    >>> DATE.convert("31/10/2024", None, None), PARTIAL_DATE.convert("2024-10", None, None)
    ('2024-10-31', '2024-10')
    """

    name = "date"

    def __init__(self, partial: bool = False) -> None:
        self.partial = partial

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        """Name the value ``DATE`` in ``--help``."""
        return "DATE"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str | None:
        """Return the value as ISO text, or fail with the one date message."""
        if value is None:
            return None
        try:
            text = parse_partial_date(value) if self.partial else parse_date(value).isoformat()
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if is_future(text):
            self.fail(future_error(value, today()), param, ctx)
        return text


class RequiredOption(click.Option):
    """An option the command checks itself, marked ``[required]`` in ``--help`` as click does.

    ``bhxh forecast`` needs ``--geo``, ``--indicator``, ``--year`` and ``--as-of`` only when
    no subcommand follows (``bhxh forecast backtest`` takes none), so click cannot enforce
    them; this class shows them as required all the same.
    """

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        """Click's help line with ``[required]`` at its end."""
        record = super().get_help_record(ctx)
        if record is None:
            return None
        opts, text = record
        return opts, f"{text}  [required]" if text else "[required]"


DATE = DateParam()
"""A day: ``YYYY-MM-DD`` or ``dd/mm/yyyy``."""
PARTIAL_DATE = DateParam(partial=True)
"""A day, or a month ``YYYY-MM`` or a year ``YYYY`` (``data add --published``)."""
