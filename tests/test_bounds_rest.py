"""A part of a total with further groups held within the total less the rest of it
(household BHYT in BHYT; ``bounds.other_of``, flag ``bounded_rest``; bounds14 point 2).

BHYT is not the sum of two parts (``schema.SUM_OF``), so ``cap_by_parts`` held household
BHYT only by BHYT's own ends (``cap_by_totals``). With both published on one date, the
rest of BHYT is ``T − C`` then; it may fall by ``PART_FALL`` at most, so
``C ≤ T_hi − (1 − PART_FALL)(T − C)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from bhxh_analysis.forecast.bounds import PART_FALL, REST, cap_by_parts, other_of
from bhxh_analysis.reports.forecasts import rest_notes

ENDS = ["forecast", "lo80", "hi80", "lo95", "hi95"]
KEYS = {"boundaries": "legacy", "geo_level": "province", "geo_code": "62", "year": 2020,
        "as_of": pd.Timestamp("2020-06-30"), "flags": "", "notes": "", "upper_bound": np.nan,
        "df": 30.0, "last_as_of": pd.Timestamp("2020-06-30"), "method": "pooled_move"}


def _row(ind: str, last: float, fc: float, s_lo: float, s_hi: float) -> dict:
    z80, z95 = stats.t.ppf(0.90, 30.0), stats.t.ppf(0.975, 30.0)
    return {**KEYS, "indicator": ind, "last_value": last, "forecast": fc, "loc": np.log(fc),
            "scale_hi": s_hi, "lo80": fc * np.exp(-z80 * s_lo), "hi80": fc * np.exp(z80 * s_hi),
            "lo95": fc * np.exp(-z95 * s_lo), "hi95": fc * np.exp(z95 * s_hi)}


def _res() -> pd.DataFrame:
    """BHYT 100,000 on 30 June with a 95 % upper end of about 105,000; household BHYT
    10,000 with one of about 27,000: the rest (90,000) would have to fall to 78,000."""
    return pd.DataFrame([_row("bhyt_participants", 100_000.0, 101_000.0, 0.01, 0.02),
                         _row("bhyt_household_participants", 10_000.0, 10_500.0, 0.05, 0.5)])


def test_other_of_names_the_rest_for_household_bhyt() -> None:
    assert other_of("bhyt_household_participants") == ("bhyt_participants", REST)
    assert other_of("bhxh_compulsory_participants") == ("bhxh_participants",
                                                        "bhxh_voluntary_participants")


def test_household_bhyt_is_held_within_bhyt_less_the_rest() -> None:
    res = _res()
    out = cap_by_parts(res, ENDS)
    t, c = out.loc[0], out.loc[1]
    keep = (1 - PART_FALL) * (100_000.0 - 10_000.0)
    assert res.loc[1, "hi95"] > res.loc[0, "hi95"] - keep      # the defect
    for end in ("hi80", "hi95"):
        want = min(res.loc[1, end], max(res.loc[0, end] - keep, c["forecast"]))
        assert c[end] == pytest.approx(want)
    assert c["hi95"] < res.loc[1, "hi95"]
    assert "bounded_rest" in c["flags"].split(";") and "rest of it" in c["notes"]
    assert c["lo95"] == res.loc[1, "lo95"] and c["forecast"] == res.loc[1, "forecast"]
    assert t["hi95"] == res.loc[0, "hi95"]                    # the total is not touched
    assert c["lo95"] <= c["lo80"] <= c["forecast"] <= c["hi80"] <= c["hi95"]


def test_different_dates_leave_the_part_alone() -> None:
    """The rest is known only where both were published on one date."""
    res = _res()
    res.loc[1, "last_as_of"] = pd.Timestamp("2020-05-31")
    out = cap_by_parts(res, ENDS)
    assert out.loc[1, "hi95"] == res.loc[1, "hi95"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_says_so(lang: str) -> None:
    out = cap_by_parts(_res(), ENDS).assign(place="Kon Tum")
    said = rest_notes(out, lang)
    assert len(said) == 1 and "100" in said[0] and "90" in said[0]
    assert f"{out.loc[1, 'hi95']:,.0f}".replace(",", "." if lang == "vi" else ",") in said[0]
    assert rest_notes(_res().assign(place="Kon Tum"), lang) == []
