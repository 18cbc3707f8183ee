"""Year-end forecasts of participants with honest intervals, vintage discipline and backtests.

Public API
----------
forecast_year_end(obs, geo, indicator, year, as_of, method="auto") -> ForecastResult
forecast_many(obs, year, as_of, indicator=None, method="seasonal_profile") -> DataFrame
backtest(obs, methods=...) -> DataFrame ; summary(backtest_df) -> DataFrame

Methods: ``run_rate`` and ``last_value`` baselines, ``seasonal_profile`` (sparse
snapshots, pooled and shrunk across places and indicators), ``ets`` (dense monthly
series, statsmodels), ``auto`` (chosen by backtest skill on the data before the
as-of date). See ``docs/forecasting.md`` and :mod:`.methods` for the equations.
"""

from __future__ import annotations

from ._prep import FORECASTABLE, PARTICIPANTS, ForecastError, prepare
from .api import METHODS, RESULT_COLUMNS, ForecastResult, forecast_many, forecast_year_end
from .backtest import BACKTEST_COLUMNS, backtest, summary

__all__ = [
    "BACKTEST_COLUMNS",
    "FORECASTABLE",
    "METHODS",
    "PARTICIPANTS",
    "RESULT_COLUMNS",
    "ForecastError",
    "ForecastResult",
    "backtest",
    "forecast_many",
    "forecast_year_end",
    "prepare",
    "summary",
]
