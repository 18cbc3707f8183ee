"""Year-end forecasts with bounded, calibrated intervals, plans and their reasons; backtests.

Public API
----------
forecast(obs=None, *, geo, indicator, year, as_of, method="auto", plan=None) -> ForecastResult
forecast_many(obs=None, *, indicator, year, as_of, level=None, method="auto", plans=None)
    -> DataFrame (one row per place, the same columns as ``ForecastResult.to_frame()``)
forecast_indicators(obs=None, *, geo, indicators, year, as_of, method="auto", reuse=None)
    -> dict of indicator → ForecastResult (one place's schemes, the table prepared once)
forecast_year_end(obs, geo, indicator, year, as_of, method="auto") -> ForecastResult
    (the positional form of :func:`forecast`, kept for existing callers)
backtest(obs, ...) / cross_validation(obs, ...) -> DataFrame; summary, coverage, winkler,
calibration_table -> DataFrame or float

The package itself is callable: ``bhxh_analysis.forecast(obs, geo=..., ...)`` is
:func:`forecast`, while ``bhxh_analysis.forecast.backtest`` and the other names stay
reachable as attributes of the same object — one name, no shadowing of the subpackage.

Methods: ``run_rate`` and ``last_value`` baselines, ``seasonal_profile`` (sparse
snapshots, partial pooling across places and indicators), ``pooled_move`` (places with
one or two figures and no year-end of their own: the move to 31 December pooled across
places and years, calibrated on earlier cases forecast the same way), ``ets`` (dense
monthly series, statsmodels), ``auto`` (chosen by backtest error on the data before the
as-of date). See ``docs/forecasting.md``.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from ._prep import FORECASTABLE, PARTICIPANTS, ForecastError, prepare
from .api import (
    METHODS,
    RESULT_COLUMNS,
    ForecastResult,
    example_observations,
    forecast,
    forecast_indicators,
    forecast_many,
    forecast_year_end,
)
from .backtest import BACKTEST_COLUMNS, backtest, summary
from .batch import forecast_batch
from .evaluate import calibration_table, coverage, cross_validation, winkler

__all__ = [
    "BACKTEST_COLUMNS",
    "FORECASTABLE",
    "METHODS",
    "PARTICIPANTS",
    "RESULT_COLUMNS",
    "ForecastError",
    "ForecastResult",
    "backtest",
    "calibration_table",
    "coverage",
    "cross_validation",
    "example_observations",
    "forecast",
    "forecast_batch",
    "forecast_indicators",
    "forecast_many",
    "forecast_year_end",
    "prepare",
    "summary",
    "winkler",
]


class _CallableModule(types.ModuleType):
    """This subpackage, callable as :func:`forecast`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return forecast(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
