"""``bhxh forecast batch``: the forecast of every place of a level, in chunks (issue 16).

Every place of the level with figures of the indicator is forecast exactly as ``bhxh
forecast --geo PLACE`` forecasts it (same function, same observations table, so pooled
patterns and the automatic method choice see the same data), and the rows hold the
columns ``bhxh forecast --format csv`` prints (:data:`bhxh_analysis.cli.forecast.CSV_COLUMNS`).
A place that cannot be forecast keeps its row with empty values and the reason in words
in ``note`` (:func:`refusal_notes`), as does a forecast without a chance of meeting the
plan (no plan known by ``as_of``): no row is dropped or left empty without saying why. The places are cut into chunks; the
chunks run in this process (``executor="local"``) or as tasks on a Dask cluster
(``executor="dask"``), where the observations table is scattered once to every worker
(broadcast) and each task receives only its list of places.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._prep import FORECASTABLE, KEY, ForecastError

__all__ = ["CHUNK_PLACES", "batch_places", "forecast_batch", "forecast_chunk", "refusal_notes"]

#: Places per task: large enough that a task outweighs its scheduling cost (about 0.3 s
#: per place), small enough that a national commune batch spreads over many workers.
CHUNK_PLACES = 25
_LEVELS = ("province", "district", "commune")


def batch_places(obs: pd.DataFrame, level: str, indicator: str,
                 as_of: str | pd.Timestamp) -> list[tuple[str, str, str]]:
    """Return the ``(boundaries, geo_level, geo_code)`` of every place to forecast, sorted.

    A place counts when it has a figure of ``indicator``, whatever its date: one with
    none dated on or before ``as_of`` keeps its row, refused with the reason in ``note``.

    Examples
    --------
    >>> import bhxh_analysis as b
    >>> keys = batch_places(b.load_observations(), "province", "bhxh_participants",
    ...                     "2024-10-31")
    >>> len(keys) > 0, keys == sorted(keys), {k[1] for k in keys}
    (True, True, {'province'})
    """
    rows = obs[(obs["geo_level"] == level) & (obs["indicator"] == indicator)]
    keys = rows[list(KEY)].drop_duplicates().astype(str)
    return sorted(map(tuple, keys.to_numpy().tolist()))


def refusal_notes(year: int, as_of: str | pd.Timestamp) -> dict[str, str]:
    """The reasons a batch row gives in ``note``, in words, by kind.

    One text per kind (the dates are the batch's own), so that ``bhxh forecast batch``
    can count the refused rows by reason; ``failed`` is followed by the forecaster's
    own message.

    Examples
    --------
    >>> refusal_notes(2024, "2024-10-31")["no_figure"]
    'refused: no figure dated on or before 2024-10-31'
    """
    cutoff = min(pd.Timestamp(as_of), pd.Timestamp(year=int(year), month=12, day=31))
    return {
        "no_figure": f"refused: no figure dated on or before {cutoff:%Y-%m-%d}",
        "horizon": (f"refused: 31 December {int(year)} is further after the last figure "
                    "than the series reaches back"),
        "failed": "refused: ",
        "no_plan": f"no P(meet plan): no plan known by {pd.Timestamp(as_of):%Y-%m-%d}",
    }


def forecast_chunk(obs: pd.DataFrame, keys: Sequence[tuple[str, str, str]], indicator: str,
                   year: int, as_of: str, method: str = "auto") -> pd.DataFrame:
    """Forecast each place of ``keys`` as ``bhxh forecast`` does; one row per place.

    Columns are :data:`bhxh_analysis.cli.forecast.CSV_COLUMNS` plus the key columns
    ``boundaries, geo_level, geo_code`` (dropped by :func:`forecast_batch` after sorting).
    A place that is refused (no figure up to the cutoff, a horizon too far, the
    forecaster's own refusal) keeps its row with empty (NaN) forecasts and the reason in
    ``note`` (:func:`refusal_notes`); so does a forecast without a plan, whose
    ``p_meet_plan`` is empty.
    """
    from ..cli.forecast import CSV_COLUMNS
    from .api import _forecast_frame

    notes = refusal_notes(year, as_of)
    frames = []
    for k in keys:
        try:
            f = _forecast_frame(obs, [indicator], year, as_of, method, tuple(k), None, None,
                                (80, 95))
            note = notes["no_figure"]
        except ForecastError as exc:
            f, note = pd.DataFrame(), notes["failed"] + str(exc)
        if len(f):
            refused = f["flags"].astype(str).str.contains("refused_horizon").to_numpy()
            no_plan = f["plan"].isna().to_numpy()
            f = f.assign(note=np.where(refused, notes["horizon"],
                                       np.where(no_plan, notes["no_plan"], "")))
        else:  # nothing to forecast from: the place keeps a row that says why
            f = _refused_row(obs, tuple(k), indicator, year, as_of, note)
        frames.append(f)
    if not frames:
        return _empty([*CSV_COLUMNS, *KEY])
    # a chunk of refused places only has no forecast columns of its own: reindex, so
    # that every chunk has the same columns (empty where nothing was forecast)
    return pd.concat(frames, ignore_index=True).reindex(columns=[*CSV_COLUMNS, *KEY])


def _refused_row(obs: pd.DataFrame, key: tuple[str, str, str], indicator: str, year: int,
                 as_of: str, note: str) -> pd.DataFrame:
    """The row of a place that was not forecast: its name, the batch's parameters, no
    numbers, and the reason."""
    mine = obs[(obs["boundaries"].astype(str) == key[0])
               & (obs["geo_level"].astype(str) == key[1])
               & (obs["geo_code"].astype(str) == key[2])]
    name = str(mine["geo_name"].iloc[0]) if len(mine) else key[2]
    return pd.DataFrame([{"geo_name": name, "indicator": indicator, "year": int(year),
                          "as_of": pd.Timestamp(as_of), "method": "", "note": note,
                          **dict(zip(KEY, key, strict=True))}])


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float) for c in columns})


def _chunks(keys: list[Any], size: int) -> list[list[Any]]:
    return [keys[i:i + size] for i in range(0, len(keys), size)]


def forecast_batch(obs: pd.DataFrame | None = None, *, level: str, indicator: str, year: int,
                   as_of: str, method: str = "auto", executor: str = "local",
                   scheduler: str | None = None, n_workers: int = 0,
                   chunk_places: int = CHUNK_PLACES, progress: bool = False) -> pd.DataFrame:
    """Forecast the 31 December value of ``year`` for every place of ``level``.

    Parameters
    ----------
    obs : DataFrame, optional
        Observations table (``None`` loads the processed observations).
    level : {"province", "district", "commune"}
    indicator : str
        A forecastable indicator.
    year : int
    as_of : str
        ``YYYY-MM-DD``: nothing dated later is used.
    method : str
        As ``bhxh forecast --method`` (default ``auto``).
    executor : {"local", "dask"}
        ``local``: the chunks run in this process; ``dask``: as tasks on a Dask cluster.
    scheduler : str, optional
        Dask scheduler address (default: a LocalCluster of ``n_workers`` processes).
    n_workers : int
        LocalCluster size (0: one per CPU core).
    chunk_places : int
        Places per chunk (task).
    progress : bool
        Show a tqdm progress bar (chunks) on stderr.

    Returns
    -------
    DataFrame
        The columns of ``bhxh forecast --format csv``, one row per place with a figure
        of the indicator, sorted by boundary set, level and code; ``as_of``
        ``datetime64[ns]``, ``year`` int64, the other numbers ``float64``; ``note`` says
        in words why a row has no forecast or no ``p_meet_plan`` ("" otherwise).

    Examples
    --------
    >>> df = forecast_batch(level="province", indicator="bhxh_participants", year=2024,
    ...                     as_of="2024-10-31")
    >>> list(df.columns)[:5], str(df["as_of"].dtype), df["year"].unique().tolist()
    (['geo_name', 'indicator', 'year', 'as_of', 'method'], 'datetime64[ns]', [2024])
    """
    from ..cli.forecast import CSV_COLUMNS
    from .api import METHODS, _load

    if level not in _LEVELS:
        raise ForecastError(f"unknown level {level!r}; use one of {', '.join(_LEVELS)}")
    if indicator not in FORECASTABLE:
        raise ForecastError(f"unknown indicator {indicator!r}; forecastable: "
                            f"{', '.join(FORECASTABLE)}")
    if method not in METHODS:
        raise ForecastError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if executor not in ("local", "dask"):
        raise ValueError(f"unknown executor {executor!r}; use local or dask")
    obs = _load(obs)
    keys = batch_places(obs, level, indicator, as_of)
    chunks = _chunks(keys, max(1, int(chunk_places)))
    run = _run_dask if executor == "dask" else _run_local
    parts = run(obs, chunks, indicator, int(year), as_of, method, scheduler, n_workers,
                progress)
    parts = [p for p in parts if len(p)]
    if not parts:
        return _typed(_empty(CSV_COLUMNS))
    out = pd.concat(parts, ignore_index=True).sort_values(list(KEY), ignore_index=True)
    return _typed(out[CSV_COLUMNS])


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """One dtype per column: text ``str`` (an empty ``note`` is ""), ``as_of``
    ``datetime64[ns]``, ``year`` int64, the other numbers ``float64``."""
    out = df.copy()
    text = ["geo_name", "indicator", "method", "note"]
    for c in text:
        out[c] = out[c].fillna("").astype("str")
    out["as_of"] = pd.to_datetime(out["as_of"]).astype("datetime64[ns]")
    out["year"] = out["year"].astype(np.int64)  # as forecast_many gives it
    for c in out.columns.difference([*text, "as_of", "year"]):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(np.float64)
    return out


def _bar(total: int, progress: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="forecast chunks", unit="chunk", file=sys.stderr,
                disable=not progress)


def _run_local(obs, chunks, indicator, year, as_of, method, scheduler, n_workers, progress):
    parts = []
    with _bar(len(chunks), progress) as bar:
        for chunk in chunks:
            parts.append(forecast_chunk(obs, chunk, indicator, year, as_of, method))
            bar.update(1)
    return parts


def _run_dask(obs, chunks, indicator, year, as_of, method, scheduler, n_workers, progress):
    from distributed import as_completed

    from ..cluster import connect

    client, cluster = connect(scheduler, n_workers)
    try:
        data = client.scatter(obs, broadcast=True)  # sent once to every worker
        futures = [client.submit(forecast_chunk, data, chunk, indicator, year, as_of, method,
                                 pure=False, retries=1) for chunk in chunks]
        order = {f.key: i for i, f in enumerate(futures)}
        parts: list[pd.DataFrame] = [pd.DataFrame()] * len(futures)
        with _bar(len(futures), progress) as bar:
            for fut in as_completed(futures):
                parts[order[fut.key]] = fut.result()
                bar.update(1)
        return parts
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
