"""The ``bhxh`` command line.

Each command group lives in its own module (``cli/data.py``, ``cli/geo.py``,
``cli/forecast.py``, ``cli/report.py``) and imports the library lazily inside
its commands so that ``bhxh --help`` is fast.

No traceback reaches a user: every command runs inside :class:`BhxhGroup`, which turns
an environment or input problem (a missing or read-only folder, a full disk, a corrupt
table, a value out of range) into one line on stderr and exit status 1. ``--debug`` or
``BHXH_DEBUG=1`` shows the traceback instead.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import click

from .. import __version__
from .data import data
from .extract import extract
from .forecast import forecast
from .geo import geo
from .info import info
from .report import report

#: Environment variable that shows tracebacks (as ``--debug`` does).
DEBUG_VAR = "BHXH_DEBUG"


def _debug(ctx: click.Context) -> bool:
    flag = (ctx.params or {}).get("debug") or (ctx.obj or {}).get("debug")
    return bool(flag) or os.environ.get(DEBUG_VAR, "").strip().lower() in ("1", "true", "yes")


def one_line(exc: BaseException) -> str:
    """Say in one line what went wrong and what to do, without a traceback.

    Examples
    --------
    >>> one_line(PermissionError(13, "Permission denied", "/data/processed"))
    'cannot write /data/processed: permission denied (a read-only folder? set BHXH_HOME to a writable project folder)'
    """
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        where = f" while writing {exc.filename}" if exc.filename else ""
        return (f"the disk is full{where}; nothing was published, the previous complete "
                "build is still the current one. Free some space and run the command again")
    if isinstance(exc, PermissionError):
        return (f"cannot write {exc.filename or 'a file'}: permission denied (a read-only "
                "folder? set BHXH_HOME to a writable project folder)")
    if isinstance(exc, FileNotFoundError) and exc.filename:
        return f"{exc.filename}: no such file or folder"
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    known = (ValueError, LookupError, RuntimeError, OSError)
    return text if isinstance(exc, known) else f"{type(exc).__name__}: {text}"


def _home_problem() -> str | None:
    """Say why ``BHXH_HOME`` cannot be used (``None`` when it is unset or a folder)."""
    from .. import config

    home = os.environ.get(config.ENV_VAR)
    if home and not Path(home).expanduser().is_dir():
        return (f"{config.ENV_VAR}={home} is not an existing folder: create it with data/raw "
                f"inside, or unset {config.ENV_VAR} to use the source checkout")
    return None


class BhxhGroup(click.Group):
    """A click group whose commands fail with one clear line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; turn an unexpected exception into a one-line error."""
        # A command's own --debug (after its name) shows the traceback too.
        sub_debug = "--debug" in ctx.args
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if sub_debug or _debug(ctx):
                raise
            message = _home_problem() or one_line(exc)
            raise click.ClickException(
                f"{message} (run with --debug or {DEBUG_VAR}=1 for the traceback)") from None


@click.group(cls=BhxhGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="bhxh")
@click.option("--debug", is_flag=True, envvar=DEBUG_VAR,
              help=f"Show the traceback of an error (also {DEBUG_VAR}=1).")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """bhxh: Vietnam social (BHXH), unemployment (BHTN) and health (BHYT) insurance analysis.

    \b
    Typical use:
      bhxh data build                 # raw → data/processed/observations.*
      bhxh geo resolve "Đà Lạt"       # names, codes and the 2025 reform
      bhxh forecast --geo "Việt Nam" --indicator bhxh_participants --year 2024 --as-of 2024-10-31
      bhxh report all                 # one HTML report per province + index
    """
    ctx.ensure_object(dict)["debug"] = debug


main.add_command(data)
main.add_command(geo)
main.add_command(forecast)
main.add_command(report)
main.add_command(info)
main.add_command(extract)


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(dict)["debug"] = True


def _add_debug_option(group: click.Group) -> None:
    """Give every command a ``--debug`` flag of its own (``bhxh data build --debug``)."""
    for cmd in group.commands.values():
        if isinstance(cmd, click.Group):
            _add_debug_option(cmd)
        elif not any(p.name == "debug" for p in cmd.params):
            cmd.params.append(click.Option(
                ["--debug"], is_flag=True, expose_value=False, is_eager=True,
                callback=_set_debug, help=f"Show the traceback of an error (also {DEBUG_VAR}=1)."))


_add_debug_option(main)
