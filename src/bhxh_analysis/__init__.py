"""bhxh_analysis: Vietnam social (BHXH), unemployment (BHTN) and health (BHYT) insurance.

Data flow one way: ``data/raw`` → ``pipeline`` (sources → observations → metrics) →
``data/processed`` → forecasts → reports. A researcher starts with the loaders:

>>> import bhxh_analysis as bx
>>> obs = bx.load_observations(indicator="bhyt_coverage_pct", boundaries="legacy")
>>> list(obs.columns[:4])
['obs_id', 'source_id', 'geo_code', 'geo_name']

Every name below and every submodule (``bx.geo``, ``bx.metrics``, ``bx.plotting`` ...) is
imported on first use, so ``import bhxh_analysis`` and the ``bhxh`` command stay fast.
"""

from __future__ import annotations

import importlib
from typing import Any

#: The public functions: name → module that defines it. Exporting one more is one line.
_API: dict[str, str] = {
    "load_observations": "observations",
    "load_derived": "observations",
    "load_consistency": "observations",
    "load_targets": "observations",
    "select": "observations",
    "check_frame": "usercheck",
    "forecast_many": "forecast",
    "coverage_table": "reports",
}
#: Submodules a researcher may use directly (``bhxh_analysis.geo.get_registry()``).
#: ``forecast`` is also callable: ``bhxh_analysis.forecast(obs, geo=..., ...)``.
_SUBMODULES: tuple[str, ...] = (
    "clean", "config", "forecast", "geo", "i18n", "io", "metrics", "observations",
    "pipeline", "plotting", "rawdata", "reports", "schema", "simulate", "sources",
)

__all__ = sorted(["__version__", *_API, *_SUBMODULES])


def __getattr__(name: str) -> Any:
    """Import a public function's module, or a submodule, the first time it is used."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("bhxh-analysis")
        except PackageNotFoundError:  # a source tree without installation
            value = "0.0.0+local"
    elif name in _API:
        value = getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public API only (not the helpers this module imports)."""
    return list(__all__)
