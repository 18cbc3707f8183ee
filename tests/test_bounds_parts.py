"""A part's upper end held within its total less the other part (issue 14, "possible bounds").

BHXH = compulsory + voluntary (``schema.SUM_OF``), so a part is its total less the
other part: ``P(C > t − s) ≤ P(T > t) + P(S < s)``. ``forecast.bounds.cap_by_parts``
holds each upper end of a part at or below ``t − s`` at levels that keep the interval's
statement (Bonferroni), or, when the other part has no forecast, its total's upper
end less the other part's last figure lowered by ``PART_FALL``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from bhxh_analysis import i18n
from bhxh_analysis.forecast.bounds import (
    NORMAL_DF,
    PART_FALL,
    cap_by_parts,
    quantile_beyond,
    usable_df,
)

ENDS = ["forecast", "lo80", "hi80", "lo95", "hi95"]
KEYS = {"boundaries": "legacy", "geo_level": "province", "geo_code": "08", "year": 2020,
        "as_of": pd.Timestamp("2020-07-31"), "flags": "", "notes": "", "upper_bound": np.nan,
        "df": 30.0, "last_as_of": pd.Timestamp("2020-07-31")}


def _row(ind: str, last: float, fc: float, s_lo: float, s_hi: float,
         method: str = "pooled_move") -> dict:
    """A forecast row whose ends are a split log-t(30) with side scales ``s_lo``, ``s_hi``."""
    z80, z95 = stats.t.ppf(0.90, 30.0), stats.t.ppf(0.975, 30.0)
    return {**KEYS, "indicator": ind, "method": method, "last_value": last, "forecast": fc,
            "loc": np.log(fc), "lo80": fc * np.exp(-z80 * s_lo), "hi80": fc * np.exp(z80 * s_hi),
            "lo95": fc * np.exp(-z95 * s_lo), "hi95": fc * np.exp(z95 * s_hi)}


def _frame(vol_scale_hi: float = 0.9) -> pd.DataFrame:
    return pd.DataFrame([_row("bhxh_participants", 59177.0, 62000.0, 0.02, 0.05),
                         _row("bhxh_compulsory_participants", 49890.0, 51000.0, 0.02, 0.03),
                         _row("bhxh_voluntary_participants", 9287.0, 12000.0, 0.1,
                              vol_scale_hi)])


def test_part_upper_ends_keep_their_statement_by_bonferroni() -> None:
    """Each capped end is the total's quantile less the sibling's at half the tail each,
    and the split is exact: the cap's level equals the end's."""
    res = _frame()
    out = cap_by_parts(res, ENDS)
    t, c = res.loc[[0]], res.loc[[1]]
    for col, p in (("hi80", 0.10), ("hi95", 0.025)):
        cap = quantile_beyond(t, "hi", p / 2)[0] - quantile_beyond(c, "lo", p / 2)[0]
        assert out.loc[2, col] == pytest.approx(cap)
        assert out.loc[2, col] < res.loc[2, col]
    # quantile_beyond reads the ends back exactly at their own levels
    assert quantile_beyond(t, "hi", 0.025)[0] == pytest.approx(t["hi95"].iloc[0])
    assert quantile_beyond(c, "lo", 0.10)[0] == pytest.approx(c["lo80"].iloc[0])
    assert out.loc[2, "flags"] == "bounded_parts"
    assert "bhxh_compulsory_participants" in out.loc[2, "notes"]
    # the forecast, lower ends and the total are untouched; the compulsory part's ends
    # are below its cap, so it is unchanged too
    pd.testing.assert_frame_equal(out.loc[[0, 1]], res.loc[[0, 1]])
    assert (out.loc[2, ["forecast", "lo80", "lo95"]] == res.loc[2, ["forecast", "lo80",
                                                                    "lo95"]]).all()


def test_cap_is_a_valid_bound_under_independent_draws() -> None:
    """Simulated from the three distributions (T and S independent, C = T − S): the
    capped 95 % upper end of the part is exceeded at most 2.5 % of the time."""
    res = _frame()
    out = cap_by_parts(res, ENDS)
    rng = np.random.default_rng(1)

    def draw(r: pd.Series, n: int) -> np.ndarray:
        z = rng.standard_t(30.0, n)
        s_lo = np.log(r["forecast"] / r["lo95"]) / stats.t.ppf(0.975, 30.0)
        s_hi = np.log(r["hi95"] / r["forecast"]) / stats.t.ppf(0.975, 30.0)
        return r["forecast"] * np.exp(np.where(z > 0, s_hi, s_lo) * z)

    n = 200_000
    part = draw(res.loc[0], n) - draw(res.loc[1], n)
    assert np.mean(part > out.loc[2, "hi95"]) <= 0.025
    assert np.mean(part > out.loc[2, "hi80"]) <= 0.10


def test_known_or_last_figure_sibling_and_the_data_win() -> None:
    """An observed sibling enters as its value; a sibling without a forecast as the
    last figure (total's less the part's, same date) lowered by PART_FALL; a part whose
    last value is above its total's is left alone; an end never goes below the forecast."""
    res = _frame()
    obs = res.copy()
    obs.loc[1, ["forecast", "lo80", "hi80", "lo95", "hi95"]] = 50000.0
    obs.loc[1, "method"] = "observed"
    out = cap_by_parts(obs, ENDS)
    assert out.loc[2, "hi95"] == pytest.approx(quantile_beyond(res.loc[[0]], "hi", 0.025)[0]
                                               - 50000.0)
    alone = res.drop(index=1)
    out = cap_by_parts(alone, ENDS)
    rest = 59177.0 - 9287.0
    assert out.loc[2, "hi95"] == pytest.approx(res.loc[0, "hi95"] - (1 - PART_FALL) * rest)
    assert "last figure" in out.loc[2, "notes"]
    assert out.loc[2, "flags"] == "bounded_parts_last"
    above = alone.assign(last_value=[59177.0, 60000.0])
    pd.testing.assert_frame_equal(cap_by_parts(above, ENDS), above)
    squeezed = res.copy()
    squeezed.loc[1, ["forecast", "lo80", "lo95"]] = [61000.0, 60500.0, 60000.0]
    out = cap_by_parts(squeezed, ENDS)
    assert (out.loc[2, ["hi80", "hi95"]] >= out.loc[2, "forecast"]).all()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_says_the_part_cap(lang: str) -> None:
    """The page names the total and the other part, with the upper end, in vi and en."""
    from bhxh_analysis.reports.words import _bound_note

    row = pd.Series({"indicator": "bhxh_voluntary_participants", "place": "Tuyên Quang",
                     "flags": "short_series;bounded_parts", "upper_bound": np.nan,
                     "bound_indicator": "", "bound_kind": "", "hi80": 18639.5,
                     "hi95": 48468.4})
    said = _bound_note(row, lang)
    assert len(said) == 1
    assert i18n.indicator_label("bhxh_participants", lang) in said[0]
    assert i18n.indicator_label("bhxh_compulsory_participants", lang) in said[0]
    assert i18n.fmt_number(48468.4, lang) in said[0]
    assert _bound_note(row.drop("flags"), lang) == []
    last = _bound_note(row.replace("short_series;bounded_parts",
                                   "short_series;bounded_parts_last"), lang)
    assert len(last) == 1 and last != said
    assert i18n.fmt_pct(100 * PART_FALL, lang, 0) in last[0]


def test_report_says_the_part_cap_once_when_also_held_within_the_total() -> None:
    """A part held within its total and then within its total less the other part: one
    sentence, with the end shown (not the total's wider one)."""
    from bhxh_analysis.reports.words import _bound_note

    row = pd.Series({"indicator": "bhxh_voluntary_participants", "place": "Tuyên Quang",
                     "flags": "short_series;bounded;bounded_parts_last",
                     "upper_bound": 90874.9, "bound_indicator": "bhxh_participants",
                     "bound_kind": "total", "hi80": 18639.5, "hi95": 48468.4})
    said = _bound_note(row, "en")
    assert len(said) == 1 and "48,468" in said[0] and "90,875" not in said[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_gives_the_part_cap_as_arithmetic_a_reader_can_redo(lang: str) -> None:
    """Tuyên Quang's page said "held at or below the upper end of BHXH less the latest
    figure of the year of compulsory BHXH, lowered by 15 %; upper end 48,468" while the
    compulsory figure is on no table: the sentence now gives t − 85 % × s = end, with s
    the total's figure less this part's (both in the table)."""
    from bhxh_analysis.reports.forecasts import COLUMNS
    from bhxh_analysis.reports.words import forecast_sentences

    res = _frame().drop(index=1).reset_index(drop=True)
    out = cap_by_parts(res, ENDS).assign(place="Tuyên Quang", status="ok", error="",
                                         method="pooled_move", n_obs=2)
    out = out.reindex(columns=COLUMNS)
    tot, part = out.iloc[0], out.iloc[1]
    said = [s for s in forecast_sentences(out, lang)
            if s.startswith(i18n.indicator_label("bhxh_voluntary_participants", lang))]
    assert len(said) == 1, said
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731
    s = tot["last_value"] - part["last_value"]
    keep = i18n.fmt_pct(100 * (1 - PART_FALL), lang, 0)
    assert f"{num(part['hi95'])} = {num(tot['hi95'])} − {keep} × {num(s)}" in said[0]
    assert f"{num(s)} = {num(tot['last_value'])} − {num(part['last_value'])}" in said[0]
    # the printed figures agree to the rounding of the last digit
    assert abs(tot["hi95"] - (1 - PART_FALL) * s - part["hi95"]) < 1.0


def test_a_missing_or_bad_df_is_read_as_the_normal_everywhere() -> None:
    # one helper (bounds.usable_df) for the fallback quantile_beyond and cap_by_parts
    # both wrote out: a forecast row without df reads as the normal, never as NaN
    assert usable_df(np.array([4.0, np.nan, 0.0, -2.0, np.inf])).tolist() == [
        4.0, NORMAL_DF, NORMAL_DF, NORMAL_DF, NORMAL_DF]
    row = {"loc": np.log(100.0), "upper_bound": np.nan, "forecast": 100.0,
           "hi80": 100 * np.exp(0.1 * 1.2816), "hi95": 100 * np.exp(0.1 * 1.96),
           "lo80": 90.0, "lo95": 80.0}
    got = [float(quantile_beyond(pd.DataFrame([{**row, "df": df}]), "hi", 0.0125)[0])
           for df in (np.nan, 0.0, NORMAL_DF)]
    assert np.isfinite(got).all() and got[0] == got[1] == got[2]
