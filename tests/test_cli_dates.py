"""One date type for every date option of ``bhxh`` (issue 14 point 12).

The tests walk the click command tree, so a date option added later without
:class:`~bhxh_analysis.cli.options.DateParam` fails here; each date option reads
``YYYY-MM-DD`` and ``dd/mm/yyyy`` alike and refuses a bad day with the one message, as a
one-line usage error (exit 2, no traceback). Required options say so in ``--help``.
"""

from __future__ import annotations

import datetime as dt

import click
import pytest
from click.testing import CliRunner

from bhxh_analysis.cli import main, options
from bhxh_analysis.cli.options import DateParam, RequiredOption, date_error, future_error

#: Words that make an option a date option, by its name or its flags.
DATE_WORDS = ("date", "as_of", "as-of", "published", "until", "since", "day")


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    """Every command of the tree with its path of names, groups included."""
    yield path, group
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))
        else:
            yield (*path, name), cmd


def _date_options() -> list[tuple[tuple[str, ...], click.Option]]:
    found = []
    for path, cmd in _commands(main):
        for p in cmd.params:
            words = " ".join([p.name or "", *p.opts]).lower()
            if isinstance(p, click.Option) and any(w in words for w in DATE_WORDS):
                found.append((path, p))
    return found


DATE_OPTIONS = _date_options()
IDS = [" ".join((*path, p.opts[0])) for path, p in DATE_OPTIONS]


def test_the_date_options_are_the_known_ones() -> None:
    """The walk finds the five date options (a rename or a new one shows up here)."""
    assert sorted(IDS) == ["data add --published", "extract --published", "forecast --as-of",
                           "forecast batch --as-of", "report province --as-of"]


@pytest.mark.parametrize(("path", "param"), DATE_OPTIONS, ids=IDS)
def test_every_date_option_has_the_one_type(path: tuple[str, ...], param: click.Option) -> None:
    assert isinstance(param.type, DateParam)
    assert param.callback is None  # no second adapter on top of the type
    assert param.type.convert("2024-10-31", param, None) == "2024-10-31"
    assert param.type.convert("31/10/2024", param, None) == "2024-10-31"
    assert param.type.convert(" 1/2/2024 ", param, None) == "2024-02-01"
    for bad in ("31/13/2024", "2024-02-30", "2024/10/31", "31-10-2024", "yesterday"):
        with pytest.raises(click.BadParameter) as err:
            param.type.convert(bad, param, None)
        assert err.value.message == date_error(bad, partial=param.type.partial)
        assert err.value.message.startswith(date_error(bad))  # the same shape everywhere


def _usage_errors(path: tuple[str, ...], param: click.Option, value: str) -> list[str]:
    """Run the command with ``value`` for the option; it must exit 2 without a
    traceback. Return its ``Error:`` lines."""
    res = CliRunner().invoke(main, [*path, param.opts[0], value])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and isinstance(res.exception, SystemExit)
    return [line for line in res.output.splitlines() if line.startswith("Error:")]


@pytest.mark.parametrize(("path", "param"), DATE_OPTIONS, ids=IDS)
def test_a_bad_date_is_one_line_and_exit_2(path: tuple[str, ...], param: click.Option) -> None:
    """Through the command line: a usage error naming the option, no traceback."""
    assert _usage_errors(path, param, "31/13/2024") == [
        f"Error: Invalid value for '{param.opts[0]}': "
        f"{date_error('31/13/2024', partial=param.type.partial)}"]
    help_line = " ".join(param.get_help_record(click.Context(main))[1].split())
    assert "YYYY-MM-DD or dd/mm/yyyy" in help_line


def test_only_data_add_takes_a_month_or_a_year() -> None:
    """``data add --published`` keeps YYYY-MM and YYYY (sources.csv records them)."""
    partial = {i for i, (_, p) in zip(IDS, DATE_OPTIONS, strict=True) if p.type.partial}
    assert partial == {"data add --published"}
    param = dict(zip(IDS, (p for _, p in DATE_OPTIONS), strict=True))["data add --published"]
    assert param.type.convert("2024-03", param, None) == "2024-03"
    assert param.type.convert("2024", param, None) == "2024"
    for bad in ("2024-13", "24", "03/2024x"):
        with pytest.raises(click.BadParameter, match="YYYY-MM or YYYY"):
            param.type.convert(bad, param, None)
    day = dict(zip(IDS, (p for _, p in DATE_OPTIONS), strict=True))["forecast --as-of"]
    with pytest.raises(click.BadParameter):
        day.type.convert("2024-03", day, None)


@pytest.mark.parametrize(("path", "cmd"), list(_commands(main)),
                         ids=[" ".join(p) or "bhxh" for p, _ in _commands(main)])
def test_required_options_are_marked_in_help(path: tuple[str, ...], cmd: click.Command) -> None:
    ctx = click.Context(cmd, info_name=" ".join(("bhxh", *path)))
    for p in cmd.params:
        if not isinstance(p, click.Option):
            continue
        record = p.get_help_record(ctx)
        if record is None:
            continue
        marked = "[required]" in record[1]
        assert marked == (p.required or isinstance(p, RequiredOption)), (path, p.opts)


def test_forecast_marks_the_options_it_checks_itself() -> None:
    """``bhxh forecast`` needs four options only without a subcommand; --help says so."""
    forecast = main.commands["forecast"]
    marked = sorted(p.opts[0] for p in forecast.params if isinstance(p, RequiredOption))
    assert marked == ["--as-of", "--geo", "--indicator", "--year"]
    res = CliRunner().invoke(main, ["forecast", "--geo", "Việt Nam", "--year", "2024",
                                    "--indicator", "bhxh_participants"])
    assert res.exit_code == 2 and "missing option(s): --as-of" in res.output
    text = " ".join(CliRunner().invoke(main, ["forecast", "--help"]).output.split())
    assert "--as-of DATE Use only figures dated on or before this day (YYYY-MM-DD or " \
           "dd/mm/yyyy; not after today). [required]" in text


#: The day the future-date tests run on (options.today is replaced).
TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("path", "param"), DATE_OPTIONS, ids=IDS)
def test_a_day_after_today_is_refused_by_every_date_option(
        monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], param: click.Option) -> None:
    """One rule (issue 14 point 2): a future day is a typing mistake, refused with one
    line and exit 2 by every date option, never read as today; today itself is fine."""
    monkeypatch.setattr(options, "today", lambda: TODAY)
    assert param.type.convert("04/12/2026", param, None) == "2026-12-04"
    assert _usage_errors(path, param, "31/12/2027") == [
        f"Error: Invalid value for '{param.opts[0]}': {future_error('31/12/2027', TODAY)}"]
    with pytest.raises(click.BadParameter, match="after today"):
        param.type.convert("2026-12-05", param, None)
    help_line = " ".join(param.get_help_record(click.Context(main))[1].split())
    assert "not after today" in help_line


def test_a_month_or_year_after_today_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """``data add --published``: this month and this year are not in the future; the
    next ones are."""
    monkeypatch.setattr(options, "today", lambda: TODAY)
    param = dict(zip(IDS, (p for _, p in DATE_OPTIONS), strict=True))["data add --published"]
    assert param.type.convert("2026-12", param, None) == "2026-12"
    assert param.type.convert("2026", param, None) == "2026"
    for later in ("2027-01", "2027"):
        with pytest.raises(click.BadParameter, match="after today"):
            param.type.convert(later, param, None)
