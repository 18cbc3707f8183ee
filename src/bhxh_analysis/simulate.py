r"""Seeded synthetic monthly panels of insurance participants (always labelled synthetic).

The generator produces a long table in the observations schema (see
``docs/architecture.md``) for many made-up places, so that the dense forecasting
methods can be validated and the benchmarks have realistic volumes. Every row
carries ``source_id == "synthetic"`` and ``note == "synthetic"``, codes look like
``SYN0001`` and names like ``Synthetic 0001``; the frame also has
``attrs["synthetic"] = True``. Synthetic rows must never be mixed into the real
observations table.

Model
-----
For place :math:`p`, scheme :math:`s`, year :math:`y` and month
:math:`m = 1, \dots, 12` (value at the end of the month), with :math:`L_{p,y}`
the 31 December level:

.. math::

    \log L_{p,y} = \log L_{p,y-1} + \Delta_{p,y}, \qquad
    \Delta_{p,y} = g_{p} + \gamma_{s,y} + \varepsilon_{p,y},

where :math:`g_p \sim N(\mu_s, \tau_s^2)` is the place's trend growth,
:math:`\gamma_{s,y} \sim N(0, \kappa_s^2)` a year shock common to all places
(policy pushes, the 2020 epidemic) and :math:`\varepsilon_{p,y} \sim N(0, \eta_s^2)`.
Within the year the log level follows

.. math::

    \log v_{p,y,m} = \log L_{p,y-1} + \Delta_{p,y}\,c_{p,y}(m)
        - a_{p,s} \sin(\pi m / 12) + b_{p,y}(m) + e_{p,y,m}, \quad m \le 11,

    v_{p,y,12} = L_{p,y},

with

* :math:`c_{p,y}(m) = (1 - q_{p,y})\, m / 11`: the share of the year's change
  arriving by month :math:`m`; :math:`q_{p,y} \in (0, 1)` is the share arriving in
  December (the surge), drawn as :math:`\operatorname{logit} q_{p,y} =
  \operatorname{logit} \bar q_s + \delta_{s,y} + \zeta_{p,y}` so that it varies by
  year (common :math:`\delta`) and by place (:math:`\zeta`);
* :math:`a_{p,s} \sin(\pi m/12)` a mid-year sag (lapsed cards and contributions
  not yet renewed), zero at the start and the end of the year;
* :math:`b_{p,y}(m) = \beta_{p,y}\,\mathbb 1[k_{p,y} \le m \le 11]` a campaign bump:
  with probability :math:`\pi_s` a campaign in month :math:`k_{p,y}` (June to
  November) pulls :math:`\beta \sim U(0.5\%, 3\%)` of enrolment forward; the year-end
  is unchanged;
* :math:`e_{p,y,m} \sim N(0, \sigma_s^2)` multiplicative noise.

Plans (*kế hoạch*) are noisy targets near the outcome:
:math:`\log P_{p,y} = \log L_{p,y} + \rho_s + u_{p,y}`,
:math:`u \sim N(0, \omega_s^2)`, :math:`\rho_s` a small optimism bias. They are
stored as ``<scheme>_plan_participants`` dated 31 December of their year (the
forecasting module treats plans as known from 1 January).

Everything is drawn with one ``numpy.random.Generator`` seeded by ``seed``;
array shapes are (places × years) or (places × years × months), so 10,000 places ×
120 months × 4 schemes take a few seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .schema import OBSERVATION_COLUMNS

__all__ = ["SCHEME_PARAMS", "SchemeParams", "simulate_panel"]

SYNTHETIC = "synthetic"
_STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas 3 default ``str``



@dataclass(frozen=True)
class SchemeParams:
    """Parameters of one scheme in the simulation model (see module docstring).

    Attributes
    ----------
    level : float
        Median 31 December level in the first simulated year (persons per place).
    level_sd : float
        Log-scale spread of the starting level across places.
    growth : float
        Mean annual log growth :math:`\\mu_s`.
    growth_place_sd, growth_year_sd, growth_noise_sd : float
        :math:`\\tau_s`, :math:`\\kappa_s`, :math:`\\eta_s`.
    december_share : float
        Mean share :math:`\\bar q_s` of the year's change arriving in December.
    december_year_sd, december_place_sd : float
        Logit-scale spreads of :math:`q` across years and places.
    sag : float
        Mean mid-year sag amplitude :math:`a` (log scale).
    campaign_prob : float
        Probability :math:`\\pi_s` of a campaign in a place-year.
    noise_sd : float
        Monthly multiplicative noise :math:`\\sigma_s`.
    plan_bias, plan_sd : float
        Plan optimism :math:`\\rho_s` and spread :math:`\\omega_s` (log scale).
    """

    level: float
    level_sd: float
    growth: float
    growth_place_sd: float
    growth_year_sd: float
    growth_noise_sd: float
    december_share: float
    december_year_sd: float
    december_place_sd: float
    sag: float
    campaign_prob: float
    noise_sd: float
    plan_bias: float
    plan_sd: float


#: Defaults per scheme, loosely calibrated on the national series: compulsory BHXH
#: and BHTN grow steadily, voluntary BHXH and household BHYT sag and surge.
SCHEME_PARAMS: dict[str, SchemeParams] = {
    "bhxh_compulsory": SchemeParams(1500, 0.8, 0.05, 0.02, 0.015, 0.02, 0.15, 0.3, 0.3,
                                    0.01, 0.2, 0.004, 0.01, 0.02),
    "bhxh_voluntary": SchemeParams(150, 0.9, 0.15, 0.05, 0.06, 0.05, 0.40, 0.5, 0.4,
                                   0.08, 0.5, 0.01, 0.05, 0.08),
    "bhtn": SchemeParams(1300, 0.8, 0.045, 0.02, 0.015, 0.02, 0.15, 0.3, 0.3,
                         0.01, 0.2, 0.004, 0.01, 0.02),
    "bhyt_household": SchemeParams(4000, 0.7, 0.03, 0.02, 0.02, 0.03, 0.35, 0.5, 0.4,
                                   0.06, 0.5, 0.008, 0.02, 0.04),
    "bhyt": SchemeParams(9000, 0.7, 0.025, 0.01, 0.01, 0.015, 0.30, 0.4, 0.3,
                         0.03, 0.4, 0.004, 0.01, 0.02),
    "bhxh": SchemeParams(1650, 0.8, 0.06, 0.02, 0.02, 0.02, 0.2, 0.3, 0.3,
                         0.015, 0.3, 0.004, 0.01, 0.03),
}

DEFAULT_SCHEMES = ("bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt_household")


def _logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def _simulate_scheme(
    rng: np.random.Generator, prm: SchemeParams, n: int, n_years: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return monthly values (n, n_years, 12) and plans (n, n_years) for one scheme."""
    # Level at 31 December of the year before the first simulated year.
    start = prm.level * np.exp(rng.normal(0.0, prm.level_sd, n))
    g_place = rng.normal(prm.growth, prm.growth_place_sd, (n, 1))
    g_year = rng.normal(0.0, prm.growth_year_sd, (1, n_years))
    delta = g_place + g_year + rng.normal(0.0, prm.growth_noise_sd, (n, n_years))
    log_end = np.log(start)[:, None] + np.cumsum(delta, axis=1)
    log_prev = np.concatenate([np.log(start)[:, None], log_end[:, :-1]], axis=1)

    # December share q varies by year (common) and by place-year.
    lq = (_logit(prm.december_share)
          + rng.normal(0.0, prm.december_year_sd, (1, n_years))
          + rng.normal(0.0, prm.december_place_sd, (n, n_years)))
    q = 1.0 / (1.0 + np.exp(-lq))

    months = np.arange(1, 12)  # January .. November; December is the year-end
    c = (1.0 - q)[..., None] * (months / 11.0)  # (n, y, 11)
    sag_amp = prm.sag * np.exp(rng.normal(0.0, 0.3, (n, 1, 1)))
    sag = sag_amp * np.sin(np.pi * months / 12.0)

    # Campaign bumps: enrolment pulled forward from the month of the campaign.
    has_campaign = rng.random((n, n_years)) < prm.campaign_prob
    k = rng.integers(6, 12, (n, n_years))
    beta = rng.uniform(0.005, 0.03, (n, n_years)) * has_campaign
    bump = beta[..., None] * (months >= k[..., None])

    noise = rng.normal(0.0, prm.noise_sd, (n, n_years, 11))
    log_v = log_prev[..., None] + delta[..., None] * c - sag + bump + noise
    values = np.concatenate([np.exp(log_v), np.exp(log_end)[..., None]], axis=2)
    plans = np.exp(log_end + prm.plan_bias + rng.normal(0.0, prm.plan_sd, (n, n_years)))
    return np.round(values), np.round(plans)


def simulate_panel(
    n_places: int = 50,
    years: Iterable[int] = range(2015, 2025),
    seed: int = 0,
    schemes: Sequence[str] = DEFAULT_SCHEMES,
    level: str = "commune",
    boundaries: str = "legacy",
    plans: bool = True,
) -> pd.DataFrame:
    """Simulate a monthly panel of participants for ``n_places`` synthetic places.

    Parameters
    ----------
    n_places : int
        Number of synthetic places (codes ``SYN0001`` …).
    years : iterable of int
        Calendar years to simulate (consecutive), e.g. ``range(2015, 2025)``.
    seed : int
        Seed of the random generator; the same arguments give the same frame.
    schemes : sequence of str
        Schemes among :data:`SCHEME_PARAMS` (indicator ``<scheme>_participants``).
    level : str
        ``geo_level`` written to the rows (``commune``, ``district`` or ``province``).
    boundaries : str
        ``boundaries`` written to the rows (``legacy`` or ``2025``).
    plans : bool
        Also emit yearly ``<scheme>_plan_participants`` rows.

    Returns
    -------
    pandas.DataFrame
        Observations-schema rows sorted by ``geo_code, indicator, as_of``:
        monthly end-of-month values and yearly plans, ``source_id`` and ``note``
        equal to ``"synthetic"``, ``attrs["synthetic"] = True``.

    Raises
    ------
    ValueError
        For an unknown scheme, no years or a non-positive number of places.

    Examples
    --------
    >>> panel = simulate_panel(n_places=2, years=[2023], seed=1, schemes=["bhyt"])
    >>> panel["indicator"].value_counts().sort_index().to_dict()
    {'bhyt_participants': 24, 'bhyt_plan_participants': 2}
    >>> sorted(panel["geo_code"].unique()), panel.attrs["synthetic"]
    (['SYN0001', 'SYN0002'], True)
    >>> panel.equals(simulate_panel(n_places=2, years=[2023], seed=1, schemes=["bhyt"]))
    True
    """
    years = sorted(int(y) for y in years)
    if not years:
        raise ValueError("simulate_panel: `years` is empty")
    if years != list(range(years[0], years[-1] + 1)):
        raise ValueError(f"simulate_panel: years must be consecutive, got {years}")
    if n_places < 1:
        raise ValueError(f"simulate_panel: n_places must be >= 1, got {n_places}")
    unknown = [s for s in schemes if s not in SCHEME_PARAMS]
    if unknown:
        raise ValueError(f"simulate_panel: unknown scheme(s) {unknown}; known: {sorted(SCHEME_PARAMS)}")

    rng = np.random.default_rng(seed)
    n_years = len(years)
    month_ends = pd.date_range(f"{years[0]}-01-31", periods=12 * n_years, freq="ME")
    plan_dates = pd.DatetimeIndex([pd.Timestamp(f"{y}-12-31") for y in years])

    # Blocks of columns (one per indicator, in sorted indicator order) so that the
    # flattened place-major array is already sorted by geo_code, indicator, as_of.
    blocks: list[tuple[str, pd.DatetimeIndex, np.ndarray]] = []
    for s in sorted(schemes):
        values, plan = _simulate_scheme(rng, SCHEME_PARAMS[s], n_places, n_years)
        blocks.append((f"{s}_participants", month_ends, values.reshape(n_places, -1)))
        if plans:
            blocks.append((f"{s}_plan_participants", plan_dates, plan))
    blocks.sort(key=lambda b: b[0])
    out = _assemble(n_places, blocks, level, boundaries)
    out.attrs["synthetic"] = True
    return out


def _str_series(arr: pa.Array) -> pd.Series:
    """Arrow string array → pandas ``str`` Series without a Python-level copy."""
    return pd.Series(arr.to_pandas(types_mapper={pa.string(): _STR}.get))


def _assemble(n: int, blocks: list[tuple[str, pd.DatetimeIndex, np.ndarray]],
              level: str, boundaries: str) -> pd.DataFrame:
    """Flatten (places × columns) blocks into observations-schema rows.

    String columns are built with pyarrow ``take`` on small dictionaries, which
    keeps 5 million rows at a few seconds.
    """
    values = np.concatenate([b[2] for b in blocks], axis=1)  # (n, T)
    t = values.shape[1]
    col_ind = np.concatenate([np.full(len(b[1]), i) for i, b in enumerate(blocks)])
    dates = pd.DatetimeIndex(np.concatenate([b[1].values for b in blocks]))
    uniq_dates, date_idx = np.unique(dates.values, return_inverse=True)
    date_dict = pa.array(pd.DatetimeIndex(uniq_dates).strftime("%Y-%m-%d").tolist(), pa.string())
    ind_dict = pa.array([b[0] for b in blocks], pa.string())
    codes = pa.array([f"SYN{i:04d}" for i in range(1, n + 1)], pa.string())
    names = pa.array([f"Synthetic {i:04d}" for i in range(1, n + 1)], pa.string())

    place_idx = pa.array(np.repeat(np.arange(n), t))
    code_col = codes.take(place_idx)
    name_col = names.take(place_idx)
    ind_col = ind_dict.take(pa.array(np.tile(col_ind, n)))
    date_col = date_dict.take(pa.array(np.tile(date_idx, n)))
    obs_id = pc.binary_join_element_wise("syn", code_col, ind_col, date_col, "-")
    flat = values.reshape(-1)
    value_raw = pc.cast(pa.array(flat.astype(np.int64)), pa.string())
    m = n * t

    def const(v: str) -> pd.Series:
        return _str_series(pa.array([v], pa.string()).take(pa.array(np.zeros(m, np.int64))))

    out = pd.DataFrame({
        "obs_id": _str_series(obs_id),
        "source_id": const(SYNTHETIC),
        "geo_code": _str_series(code_col),
        "geo_name": _str_series(name_col),
        "geo_level": const(level),
        "boundaries": const(boundaries),
        "province_2025": const("Synthetic"),
        "geo_name_raw": _str_series(name_col),
        "as_of": np.tile(dates.values.astype("datetime64[ns]"), n),
        "as_of_raw": _str_series(date_col),
        "indicator": _str_series(ind_col),
        "value": flat.astype(float),
        "unit": const("persons"),
        "value_raw": _str_series(value_raw),
        "preliminary": np.zeros(m, dtype=bool),
        "note": const(SYNTHETIC),
    })
    return out[OBSERVATION_COLUMNS]
