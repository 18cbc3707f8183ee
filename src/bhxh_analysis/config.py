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
    """Return the project root: ``$BHXH_HOME`` if set, else the source checkout.

    Examples
    --------
    >>> project_root().is_dir()
    True
    """
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser().resolve() if env else _SOURCE_ROOT


def data_dir() -> Path:
    """Return ``<root>/data``.

    Examples
    --------
    >>> data_dir() == project_root() / "data"
    True
    """
    return project_root() / "data"


def raw_dir() -> Path:
    """Return ``<root>/data/raw``: immutable inputs with provenance sidecars.

    Examples
    --------
    >>> raw_dir().relative_to(project_root()).as_posix()
    'data/raw'
    """
    return data_dir() / "raw"


def processed_dir() -> Path:
    """Return ``<root>/data/processed``: generated, git-ignored outputs.

    Examples
    --------
    >>> processed_dir().relative_to(project_root()).as_posix()
    'data/processed'
    """
    return data_dir() / "processed"


def notebooks_dir() -> Path:
    """Return ``<root>/notebooks``: parameterised report templates.

    Examples
    --------
    >>> notebooks_dir().name
    'notebooks'
    """
    return project_root() / "notebooks"


def reports_dir() -> Path:
    """Return ``<root>/reports``: default output folder of ``bhxh report``.

    Examples
    --------
    >>> reports_dir().name
    'reports'
    """
    return project_root() / "reports"


def cache_dir() -> Path:
    """Return ``<root>/data/interim/cache``: results kept between runs, git-ignored.

    Everything in it is named by a hash of its inputs and code (the geography
    registry: :mod:`bhxh_analysis.geo.stored`); deleting it only costs time.

    Examples
    --------
    >>> cache_dir().relative_to(project_root()).as_posix()
    'data/interim/cache'
    """
    return data_dir() / "interim" / "cache"


def shared_dir() -> Path:
    """Return the ``shared/`` reference folder beside the project root (may not exist).

    Examples
    --------
    >>> shared_dir().parent == project_root().parent
    True
    """
    return project_root().parent / "shared"


# Frequently used files -------------------------------------------------------

def observations_parquet() -> Path:
    """Return the path of the tidy observations table (parquet).

    Examples
    --------
    >>> observations_parquet().name
    'observations.parquet'
    """
    return processed_dir() / "observations.parquet"


def observations_csv() -> Path:
    """Return the path of the tidy observations table (CSV).

    Examples
    --------
    >>> observations_csv().name
    'observations.csv'
    """
    return processed_dir() / "observations.csv"


def rejected_csv() -> Path:
    """Return the path of the rows rejected by the build.

    Examples
    --------
    >>> rejected_csv().name
    'rejected.csv'
    """
    return processed_dir() / "rejected.csv"


def derived_csv() -> Path:
    """Return the path of the derived figures table.

    Examples
    --------
    >>> derived_csv().name
    'derived.csv'
    """
    return processed_dir() / "derived.csv"


def consistency_csv() -> Path:
    """Return the path of the consistency checks table.

    Examples
    --------
    >>> consistency_csv().name
    'consistency.csv'
    """
    return processed_dir() / "consistency.csv"


def derived_parquet() -> Path:
    """Return the path of the derived figures table (parquet, always written).

    Examples
    --------
    >>> derived_parquet().name
    'derived.parquet'
    """
    return processed_dir() / "derived.parquet"


def consistency_parquet() -> Path:
    """Return the path of the consistency checks table (parquet, always written).

    Examples
    --------
    >>> consistency_parquet().name
    'consistency.parquet'
    """
    return processed_dir() / "consistency.parquet"


def backtest_csv() -> Path:
    """Return the path of the forecast backtest scores.

    Examples
    --------
    >>> backtest_csv().parent == processed_dir()
    True
    """
    return processed_dir() / "backtest.csv"


def calibration_dir() -> Path:
    """Return the folder of the calibration tables (``benchmarks/calibration.py``).

    Examples
    --------
    >>> calibration_dir().relative_to(project_root()).as_posix()
    'data/processed/calibration'
    """
    return processed_dir() / "calibration"


def ensure_dirs() -> None:
    """Create the generated folders if they do not exist.

    Examples
    --------
    >>> ensure_dirs()
    >>> processed_dir().is_dir()
    True
    """
    processed_dir().mkdir(parents=True, exist_ok=True)
