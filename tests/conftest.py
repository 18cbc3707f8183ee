"""Shared pytest fixtures."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A project root with the raw data and notebooks, processed data built once per module.

    Modules that need something else (a fresh copy per test, no notebooks) define their own
    ``home``, which takes precedence over this one.
    """
    with project_home(tmp_path_factory.mktemp("home")) as root:
        yield root
