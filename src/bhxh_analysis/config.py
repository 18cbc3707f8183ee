"""Every path the package uses, in one place.

The project root defaults to the source checkout that holds this package
(``src/bhxh_analysis`` → two levels up). Set the environment variable
``BHXH_HOME`` to a directory with the same layout (``data/raw``,
``data/processed``, ``notebooks``, ``reports``) to keep data elsewhere.
Paths are computed on each call so that tests and users can change
``BHXH_HOME`` at run time.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = PACKAGE_DIR.parent.parent

ENV_VAR = "BHXH_HOME"


def project_root() -> Path:
    """Return the project root: ``$BHXH_HOME`` if set, else the source checkout."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser().resolve() if env else _SOURCE_ROOT


def data_dir() -> Path:
    """Return ``<root>/data``."""
    return project_root() / "data"


def raw_dir() -> Path:
    """Return ``<root>/data/raw``: immutable inputs with provenance sidecars."""
    return data_dir() / "raw"


def processed_dir() -> Path:
    """Return ``<root>/data/processed``: generated, git-ignored outputs."""
    return data_dir() / "processed"


def notebooks_dir() -> Path:
    """Return ``<root>/notebooks``: parameterised report templates."""
    return project_root() / "notebooks"


def reports_dir() -> Path:
    """Return ``<root>/reports``: default output folder of ``bhxh report``."""
    return project_root() / "reports"


def shared_dir() -> Path:
    """Return the ``shared/`` reference folder beside the project root (may not exist)."""
    return project_root().parent / "shared"


# Frequently used files -------------------------------------------------------

def observations_parquet() -> Path:
    """Return the path of the tidy observations table (parquet)."""
    return processed_dir() / "observations.parquet"


def observations_csv() -> Path:
    """Return the path of the tidy observations table (CSV)."""
    return processed_dir() / "observations.csv"


def rejected_csv() -> Path:
    """Return the path of the rows rejected by the build."""
    return processed_dir() / "rejected.csv"


def derived_csv() -> Path:
    """Return the path of the derived figures table."""
    return processed_dir() / "derived.csv"


def consistency_csv() -> Path:
    """Return the path of the consistency checks table."""
    return processed_dir() / "consistency.csv"


def derived_parquet() -> Path:
    """Return the path of the derived figures table (parquet, always written)."""
    return processed_dir() / "derived.parquet"


def consistency_parquet() -> Path:
    """Return the path of the consistency checks table (parquet, always written)."""
    return processed_dir() / "consistency.parquet"


def backtest_csv() -> Path:
    """Return the path of the forecast backtest scores."""
    return processed_dir() / "backtest.csv"


def ensure_dirs() -> None:
    """Create the generated folders if they do not exist."""
    processed_dir().mkdir(parents=True, exist_ok=True)
