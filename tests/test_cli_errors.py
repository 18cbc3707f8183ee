"""No traceback reaches a user (issue 13.7): one clear line, exit 1; --debug shows it."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bhxh_analysis import config, io
from bhxh_analysis.cli import BhxhGroup, main

REPO_RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _failing(exc: BaseException) -> click.Group:
    """A throw-away command group (same class as ``bhxh``) whose command raises ``exc``."""
    @click.group(cls=BhxhGroup)
    @click.option("--debug", is_flag=True)
    def cli(debug: bool) -> None:
        pass

    @cli.command()
    def run() -> None:
        raise exc

    return cli


@pytest.mark.parametrize(("exc", "words"), [
    (PermissionError(13, "Permission denied", "/x/data/processed"),
     ["cannot write /x/data/processed", "read-only"]),
    (OSError(errno.ENOSPC, "No space left on device", "/x/p.parquet"), ["disk is full"]),
    (io.ProcessedDataError("/x/observations.parquet is not a readable parquet file"),
     ["/x/observations.parquet"]),
    (ValueError("year 99999 is out of range"), ["year 99999"]),
    (KeyError("nope"), ["nope"]),
])
def test_errors_are_one_line_without_traceback(exc: BaseException, words: list[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BHXH_DEBUG", raising=False)
    res = CliRunner().invoke(_failing(exc), ["run"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert all(w in lines[0] for w in words), lines[0]
    assert "--debug" in lines[0]


@pytest.mark.parametrize("how", ["flag", "env"])
def test_debug_shows_the_traceback(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["--debug", "run"] if how == "flag" else ["run"]
    if how == "env":
        monkeypatch.setenv("BHXH_DEBUG", "1")
    res = CliRunner().invoke(_failing(ValueError("boom")), args)
    assert res.exit_code == 1 and isinstance(res.exception, ValueError)


def test_missing_bhxh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path / "nowhere"))
    res = CliRunner().invoke(main, ["data", "build"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "BHXH_HOME=" in res.output and "not an existing folder" in res.output


def test_debug_after_the_command_name_shows_the_traceback(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BHXH_DEBUG", raising=False)
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path / "nowhere"))
    res = CliRunner().invoke(main, ["data", "build", "--debug"])
    assert res.exit_code == 1 and isinstance(res.exception, FileNotFoundError)
    helps = [CliRunner().invoke(main, [*cmd, "--help"]).output
             for cmd in (["data", "build"], ["geo", "resolve"], ["report", "all"], ["info"])]
    assert all("--debug" in h for h in helps)


def test_read_only_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO_RAW, tmp_path / "data" / "raw")
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path))

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied",
                              str(config.processed_dir() / io.BUILDS))

    monkeypatch.setattr(io, "publish", read_only)
    res = CliRunner().invoke(main, ["data", "build"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"cannot write {config.processed_dir() / io.BUILDS}" in res.output


def test_data_check_of_a_missing_file(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["data", "check", str(tmp_path / "absent.csv")])
    assert res.exit_code != 0 and "Traceback" not in res.output
    assert "absent.csv" in res.output


def _commands(cmd: click.Command, path: tuple[str, ...] = ("bhxh",)):
    """Every command of the ``bhxh`` tree with its path, groups included."""
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from _commands(sub, (*path, name))


def test_every_option_is_explained_in_help() -> None:
    # A user reads --help, not the source: an option without a help text (forecast
    # --method, geo list --format, report all --boundaries ...) leaves its meaning to guess.
    bare = [f"{' '.join(path)} {p.opts[0]}" for path, cmd in _commands(main)
            for p in cmd.params if isinstance(p, click.Option) and not p.help]
    assert bare == []
