"""The only writer (bhxh_analysis.io): safe CSV cells, builds published as a set.

Fault injection (issue 13.5): a full disk while writing, ``kill -9`` before and after
the new set is complete, a truncated table. After each, the next reader sees the
previous complete set or rebuilds, and says which; leftovers are removed.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from bhxh_analysis import config, io
from bhxh_analysis.cli import main
from bhxh_analysis.observations import load_derived, load_observations
from bhxh_analysis.pipeline import build

REPO_RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SRC = Path(__file__).resolve().parents[1] / "src"


# ------------------------------------------------------------------ safe CSV


def test_formula_cells_are_neutralised_and_numbers_kept(tmp_path: Path) -> None:
    df = pd.DataFrame({
        "note": ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3",
                 "\tx", "\rx", "fine", "-1.234", "+5%"],
        "value": [-1.5, 2.0, -3.0, 4.0, 5.0, 6.0, 7.0, -8.25, 9.0],
        "as_of": pd.to_datetime(["2020-07-01"] * 9),
    })
    out = io.write_csv(df, tmp_path / "t.csv")
    back = pd.read_csv(out, dtype={"note": "str"}, keep_default_na=False)
    assert back["note"].tolist() == [
        "'=HYPERLINK(\"http://x\")", "'+cmd|' /C calc'!A0", "'@SUM(A1)", "'-2+3", "'\tx",
        "'\rx", "fine", "-1.234", "+5%"]
    assert back["value"].tolist() == df["value"].tolist()  # numbers stay numbers
    assert back["as_of"].tolist() == ["2020-07-01"] * 9
    assert not list(tmp_path.glob(".*.tmp"))


def test_categorical_and_missing_text(tmp_path: Path) -> None:
    df = pd.DataFrame({"a": pd.Series(["=x", None, "y"], dtype="category"),
                       "b": pd.Series(["@1", None, "z"], dtype="str")})
    text = io.write_csv(df, tmp_path / "c.csv").read_text(encoding="utf-8")
    assert text == "a,b\n'=x,'@1\n,\ny,z\n"


# ------------------------------------------------------------------ build sets


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(REPO_RAW, root / "data" / "raw")
    monkeypatch.setenv(config.ENV_VAR, str(root))
    return root


def _current() -> str:
    found = io.current_build()
    assert found is not None
    return found.id


def test_full_disk_keeps_the_previous_set(project: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    first = build()
    before = {p.name: p.read_bytes() for p in config.processed_dir().glob("*.*")}

    def full(df: pd.DataFrame, path: Path) -> Path:
        if "derived" in Path(path).name:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(df, path)

    real = io.write_parquet
    monkeypatch.setattr(io, "write_parquet", full)
    with pytest.raises(OSError, match="No space left"):
        build()
    assert _current() == first.build_id
    assert not list((config.processed_dir() / io.BUILDS).glob(".staging-*"))
    after = {p.name: p.read_bytes() for p in config.processed_dir().glob("*.*")}
    assert after == before
    # The command says it in one line, and the previous set stays.
    res = CliRunner().invoke(main, ["data", "build", "-q"])
    assert res.exit_code == 1 and "disk is full" in res.output
    assert "Traceback" not in res.output and _current() == first.build_id


def _killed_build(root: Path, where: str) -> int:
    """Run a build in a child process that kills itself with SIGKILL at ``where``."""
    code = textwrap.dedent(f"""
        import os, signal
        from bhxh_analysis import io, pipeline
        hook = {where!r}
        real_csv, real_link = io.write_csv, io._link
        def write_csv(df, path):
            out = real_csv(df, path)
            if hook == "writing" and "derived" in str(path):
                os.kill(os.getpid(), signal.SIGKILL)
            return out
        def link(target, path):
            if hook == "switching":
                os.kill(os.getpid(), signal.SIGKILL)
            return real_link(target, path)
        io.write_csv, io._link = write_csv, link
        pipeline.build()
    """)
    env = {**os.environ, config.ENV_VAR: str(root), "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode


@pytest.mark.parametrize("where", ["writing", "switching"])
def test_kill_9_leaves_the_previous_set_current(project: Path, where: str,
                                               caplog: pytest.LogCaptureFixture) -> None:
    first = build()
    obs = load_observations(rebuild=False)
    assert _killed_build(project, where) == -9
    builds = config.processed_dir() / io.BUILDS
    if where == "writing":
        assert list(builds.glob(".staging-*"))  # what the killed build left
    with caplog.at_level(logging.WARNING, logger="bhxh_analysis"):
        assert _current() == first.build_id
    if where == "writing":
        assert "interrupted build" in caplog.text and first.build_id in caplog.text
    assert not list(builds.glob(".staging-*"))
    pd.testing.assert_frame_equal(load_observations(rebuild=False), obs)
    # The next build publishes normally and removes the unpublished folder.
    second = build()
    assert _current() == second.build_id
    assert {p.name for p in builds.iterdir()} == {first.build_id, second.build_id}


def test_truncated_table_is_rebuilt_and_said(project: Path,
                                            caplog: pytest.LogCaptureFixture) -> None:
    build()
    derived = load_derived(rebuild=False)
    path = config.derived_parquet().resolve()
    path.write_bytes(path.read_bytes()[:100])
    with caplog.at_level(logging.WARNING, logger="bhxh_analysis"):
        assert io.current_build() is None
        again = load_derived()
    assert "damaged" in caplog.text and "derived.parquet" in caplog.text
    pd.testing.assert_frame_equal(again, derived)


def test_corrupt_parquet_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "x.parquet"
    bad.write_bytes(b"PAR1 not really")
    with pytest.raises(io.ProcessedDataError, match=str(bad)):
        io.read_parquet(bad)
    with pytest.raises(io.ProcessedDataError, match="bhxh data build"):
        io.read_parquet(tmp_path / "missing.parquet")


def test_an_older_flat_layout_is_replaced_by_links(project: Path) -> None:
    processed = config.processed_dir()
    processed.mkdir(parents=True)
    (processed / "observations.csv").write_text("old\n", encoding="utf-8")
    build()
    assert (processed / "observations.csv").is_symlink()
    assert (processed / "observations.csv").read_text(encoding="utf-8").startswith("obs_id,")


def test_report_bundle_reads_one_build_set(project: Path) -> None:
    # The report bundle takes every processed table from the current set, not from the
    # top-level names one by one: a stale table there (as a killed build without sets
    # left) is never combined with the current observations.
    from bhxh_analysis.reports.data import file_checksum, load_bundle

    build()
    found = io.current_build()
    assert found is not None
    stale = config.derived_parquet()
    derived = pd.read_parquet(stale)
    stale.unlink()
    derived.head(1).to_parquet(stale)  # another build's (smaller) derived table
    bundle = load_bundle(refresh=True)
    assert len(bundle.derived) == len(derived) > 1
    assert len(bundle.obs) == len(load_observations(build=found))
    assert bundle.checksum == file_checksum(found.table("observations.parquet"))


# ------------------------------------------------------------------ parts in the background


class _InTheCaller:
    """Stands in for ``ThreadPoolExecutor``: runs each task at once, in the caller."""

    def __init__(self, max_workers: int) -> None:
        pass

    def __enter__(self) -> _InTheCaller:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _parts(n: int, fail_after: int | None = None) -> Iterator[pd.DataFrame]:
    """Parts of a derived-like table produced lazily, as the build's groups are."""
    for i in range(n):
        if fail_after is not None and i == fail_after:
            raise RuntimeError("derive failed in group 2")
        yield pd.DataFrame({
            "geo_code": pd.Categorical([f"{i:05d}"] * 3),
            "obs_id": [f"drv-{i}-{k}" for k in range(3)],
            "as_of": pd.to_datetime(["2023-01-31", "2023-02-28", "2023-03-31"]),
            "value": [i + 0.5, i + 1.25, float("nan")]})


def test_parts_written_in_the_background_are_the_serial_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each part is written by a background thread while the next is produced: the file
    (and its CSV copy) must be byte for byte the one written part by part in the caller."""
    rows = io.write_parquet_parts(_parts(5), tmp_path / "bg.parquet", tmp_path / "bg.csv")
    monkeypatch.setattr(io, "ThreadPoolExecutor", _InTheCaller)
    io.write_parquet_parts(_parts(5), tmp_path / "fg.parquet", tmp_path / "fg.csv")
    assert rows == 15
    assert (tmp_path / "bg.parquet").read_bytes() == (tmp_path / "fg.parquet").read_bytes()
    assert (tmp_path / "bg.csv").read_bytes() == (tmp_path / "fg.csv").read_bytes()
    back = io.read_parquet(tmp_path / "bg.parquet")
    assert back["obs_id"].tolist()[::3] == [f"drv-{i}-0" for i in range(5)]  # in order


def test_a_failing_part_leaves_no_file_and_keeps_its_error(tmp_path: Path) -> None:
    """An error while producing a part, or while the background thread writes one, comes
    back unchanged (the build's one-line message) and leaves no file behind."""
    with pytest.raises(RuntimeError, match="^derive failed in group 2$"):
        io.write_parquet_parts(_parts(5, fail_after=2), tmp_path / "t.parquet",
                               tmp_path / "t.csv")

    def wrong_type() -> Iterator[pd.DataFrame]:
        yield from _parts(2)
        yield pd.DataFrame({"geo_code": ["x"], "obs_id": ["y"],
                            "as_of": pd.to_datetime(["2023-01-31"]), "value": ["not a number"]})

    with pytest.raises(pa.ArrowInvalid, match="^Failed to parse string: 'not a number'"):
        io.write_parquet_parts(wrong_type(), tmp_path / "t.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
