"""bhxh_analysis: Vietnam social, unemployment and health insurance coverage analysis.

Data flows one way: raw (``data/raw``) → processed observations → metrics →
forecasts → reports. Heavy modules are imported lazily so that ``import
bhxh_analysis`` and the ``bhxh`` command stay fast.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bhxh-analysis")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+local"

__all__ = ["__version__", "check_frame", "load_observations"]


def load_observations(rebuild: bool | None = None):
    """Return the tidy observations table, rebuilding it when raw data are newer.

    Parameters
    ----------
    rebuild : bool or None
        ``True`` forces a rebuild, ``False`` never rebuilds, ``None`` (default)
        rebuilds only when a file in ``data/raw`` is newer than the processed table.

    Returns
    -------
    pandas.DataFrame
        One row per observation (see :mod:`bhxh_analysis.observations`).
    """
    from .observations import load_observations as _load

    return _load(rebuild=rebuild)


def check_frame(df, *, source_id=None, **kwargs):
    """Check an in-memory table as ``bhxh data check`` checks a file.

    See :func:`bhxh_analysis.usercheck.check_frame`: the same checks and the same
    :class:`~bhxh_analysis.usercheck.CheckResult`, with ``file`` ``"<DataFrame>"`` and
    ``row`` the frame's index.

    Examples
    --------
    >>> import pandas as pd
    >>> import bhxh_analysis
    >>> df = pd.DataFrame({"geo_name": ["Lâm Đồng"], "as_of": ["2023-12-31"],
    ...                    "indicator": ["bhyt_participants"], "value": [2e9]})
    >>> bhxh_analysis.check_frame(df).ok
    False
    """
    from .usercheck import check_frame as _check

    return _check(df, source_id=source_id, **kwargs)
