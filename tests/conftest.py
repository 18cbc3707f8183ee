"""Shared pytest fixtures."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: Columns of :func:`report_obs` rows (the place's five between source and date).
REPORT_OBS_COLUMNS = ["obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
                      "province_2025", "as_of", "indicator", "value"]

#: Modules with minutes of set-up or work (every report rendered, the quick benchmark run,
#: the snapshot backtest, clusters, killed workers), longest first. `make test` runs the
#: suite on every core with one module per worker (`-n auto --dist loadfile
#: --no-loadscope-reorder`): started first, they run beside the many short modules instead
#: of being left for the end. The report renders are three modules (every report, its
#: English batch, the other notebook runs), so two workers share them.
LONG_MODULES = ("test_notebooks_every.py", "test_notebooks_en.py", "test_notebooks.py",
                "test_benchmarks.py", "test_forecast_pooling.py", "test_dask.py",
                "test_batch_faults.py", "test_forecast.py")


@pytest.fixture(scope="session", autouse=True)
def _session_tmpdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point ``TMPDIR`` (and :mod:`tempfile`) at a folder pytest owns for the session.

    A report kernel keeps its sockets in a private temporary folder that its session
    removes on close; the tests that kill a batch or a worker with ``kill -9`` leave
    those folders behind by design (nothing runs to remove them). Under pytest's base
    temporary folder they go with pytest's own clean-up of old runs instead of piling up
    in the system's ``/tmp``; the processes the tests start inherit the variable.
    """
    import tempfile

    folder = tmp_path_factory.mktemp("tmpdir")
    before_env, before = os.environ.get("TMPDIR"), tempfile.tempdir
    os.environ["TMPDIR"], tempfile.tempdir = str(folder), None
    try:
        yield
    finally:
        if before_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = before_env
        tempfile.tempdir = before


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the long modules first, keeping every module's own order (a stable sort)."""
    rank = {name: i for i, name in enumerate(LONG_MODULES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(LONG_MODULES)))


def report_obs(rows: list[tuple], place: tuple | None = None) -> pd.DataFrame:
    """Observations as a report's bundle holds them, from a few rows written in a test.

    Parameters
    ----------
    rows : list of tuple
        ``(obs_id, source_id, place, date, indicator, value)``, ``place`` being
        ``(geo_code, geo_name, geo_level, boundaries, province_2025)``; or, when
        ``place`` is given, ``(obs_id, source_id, date, indicator, value)`` all of it.
    place : tuple, optional
        The place of every row.

    Returns
    -------
    DataFrame
        The rows with ``as_of`` as dates, ``unit`` from the indicator (``pct`` for a
        ``_pct`` one, else ``persons``) and the other observation columns empty.
    """
    if place is not None:
        rows = [(o, s, place, d, i, v) for o, s, d, i, v in rows]
    df = pd.DataFrame([(o, s, *p, d, i, v) for o, s, p, d, i, v in rows],
                      columns=REPORT_OBS_COLUMNS)
    df["as_of"] = pd.to_datetime(df["as_of"])
    df["unit"] = ["pct" if i.endswith("_pct") else "persons" for i in df["indicator"]]
    df["province"] = ""
    df["value_raw"] = ""
    df["geo_name_raw"] = df["geo_name"]
    df["as_of_raw"] = ""
    df["preliminary"] = False
    df["note"] = ""
    return df


@contextmanager
def project_home(home: Path) -> Iterator[Path]:
    """Make ``home`` a project root with the raw data and notebooks, processed data built.

    ``BHXH_HOME`` points at it while the context is open, so tests neither read
    ``../shared`` nor touch the checkout's ``data/processed``.
    """
    from bhxh_analysis import reports

    shutil.copytree(Path(ROOT) / "data" / "raw", home / "data" / "raw")
    (home / "data" / "processed").mkdir()
    shutil.copytree(Path(ROOT) / "notebooks", home / "notebooks")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BHXH_HOME", str(home))
        reports.ensure_data()
        yield home


@pytest.fixture(scope="session")
def built_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project root every module's ``home`` shares, built once per session.

    Raw data and notebooks are copied and the processed data built once (the build is
    the same for every module, and the slowest part of each module's set-up). The
    modules using it only read it: reports, batches and forecasts go to their own
    ``tmp_path`` folders. ``BHXH_HOME`` is not left set here; ``home`` sets it.
    """
    root = tmp_path_factory.mktemp("home")
    with project_home(root):
        pass
    return root


@pytest.fixture(scope="module")
def home(built_home: Path) -> Iterator[Path]:
    """The session's built project root, with ``BHXH_HOME`` pointing at it for the module.

    Modules that need something else (a fresh copy per test, a figure changed) define
    their own ``home``, which takes precedence over this one.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BHXH_HOME", str(built_home))
        yield built_home


@pytest.fixture(scope="session")
def shared_renders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this test run shares, for batches rendered once.

    Under xdist each worker's temporary root is a folder of the run's; their parent is
    the run's own, so two workers find the same folder (alone, the session's root).
    """
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "renders"
    root.mkdir(exist_ok=True)
    return root


def render_batch(root: Path, boundaries: str, lang: str) -> Path:
    """``bhxh report all --scope any --jobs 2`` of one boundary set and language, rendered
    once per test run into ``root/<boundaries>-<lang>``, whichever worker asks first.

    Two modules need the legacy English batch (``test_notebooks_en`` renders it beside
    ``test_notebooks_every``'s Vietnamese batches, on another worker); a lock file makes a
    worker that asks while another renders it wait, then read the finished folder. A
    batch that failed leaves no ``.done`` mark, so the next asker renders it again (and
    fails the same way). Each process holds one lock at a time: no deadlock.
    """
    import fcntl

    from click.testing import CliRunner

    from bhxh_analysis.cli import main

    out = root / f"{boundaries}-{lang}"
    with open(root / f"{boundaries}-{lang}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (root / f"{boundaries}-{lang}.done").exists():
                shutil.rmtree(out, ignore_errors=True)
                res = CliRunner().invoke(main, ["report", "all", "--scope", "any",
                                                "--boundaries", boundaries, "--lang", lang,
                                                "--jobs", "2", "--out", str(out),
                                                "--no-progress"])
                assert res.exit_code == 0, res.output
                (root / f"{boundaries}-{lang}.done").write_text("ok", encoding="utf-8")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return out
