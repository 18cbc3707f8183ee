"""P(meet plan) never contradicts the upper ends or the bound printed beside it.

``forecast.plan_bounds.hold_p``: the share of past moves stays where it agrees with the
interval; a part whose upper ends were capped by its total less the other part gets at
most ``min_s [P(T ≥ plan + s) + P(S < s)]`` (Bonferroni, as the cap); a plan outside an
interval's upper end gets the interval's tail (a plan below the lower end keeps its
share, and the page says the two disagree); above the hard bound 0. The page's reason
sentence says which held it and never prints ``(k + ½) ÷ (n + 1)`` equal to a P it is not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_bounds_parts import ENDS, _frame
from test_forecast_pooling import _component_without_history

from bhxh_analysis import i18n
from bhxh_analysis.forecast import forecast_many
from bhxh_analysis.forecast.bounds import cap_by_parts
from bhxh_analysis.forecast.plan_bounds import hold_p, interval_conflicts, prob_beyond


def _with_plan(res: pd.DataFrame, i: int, plan: float, p: float) -> pd.DataFrame:
    """``res`` with a plan and an empirical-moves P on row ``i`` (none on the others)."""
    res = res.assign(plan=np.nan, plan_lo=np.nan, plan_hi=np.nan, p_meet_plan=np.nan,
                     p_meet_plan_lo=np.nan, p_meet_plan_hi=np.nan,
                     p_meet_plan_model="", past_moves=np.nan, past_moves_as_large=np.nan)
    res.loc[i, ["plan", "plan_lo", "plan_hi"]] = plan
    res.loc[i, ["p_meet_plan", "p_meet_plan_lo", "p_meet_plan_hi"]] = p
    res.loc[i, ["p_meet_plan_model", "past_moves", "past_moves_as_large"]] = [
        "empirical_moves", 10.0, 2.0]
    return res


def test_plan_above_a_capped_upper_end_gets_at_most_its_tail() -> None:
    """Voluntary BHXH's 95 % upper end is capped at BHXH's less compulsory's (70,029 →
    20,589 in the fixture); a plan just above it had the share of past moves, 23 %, and
    gets the Bonferroni bound instead — at most 2.5 %, and a true bound when the parts
    are drawn independently (C = T − S)."""
    capped = cap_by_parts(_frame(), ENDS)
    hi95 = float(capped.loc[2, "hi95"])
    res = _with_plan(capped, 2, hi95 * 1.01, 2.5 / 11)
    out = hold_p(res)
    p = float(out.loc[2, "p_meet_plan"])
    assert p <= 0.025
    assert out.loc[2, "flags"].split(";") == ["bounded_parts", "p_held_parts"]
    assert out.loc[2, "p_meet_plan_model"] == "empirical_moves"  # the counts stay true
    assert (out.loc[2, ["p_meet_plan_lo", "p_meet_plan_hi"]] == p).all()
    assert not interval_conflicts(out).any() and interval_conflicts(res).any()
    rng = np.random.default_rng(2)
    from scipy import stats

    def draw(r: pd.Series, n: int) -> np.ndarray:
        z = rng.standard_t(30.0, n)
        q = stats.t.ppf(0.975, 30.0)
        s_lo, s_hi = np.log(r["forecast"] / r["lo95"]) / q, np.log(r["hi95"] / r["forecast"]) / q
        return r["forecast"] * np.exp(np.where(z > 0, s_hi, s_lo) * z)

    part = draw(res.loc[0], 400_000) - draw(res.loc[1], 400_000)
    assert np.mean(part >= hi95 * 1.01) <= p
    # the total's and the other part's rows carry no plan and are left as they were
    pd.testing.assert_frame_equal(out.loc[[0, 1]], res.loc[[0, 1]])


def test_uncapped_part_and_a_plan_inside_the_interval_keep_the_share() -> None:
    """Where the cap does not bind (voluntary BHXH's upper side narrow), a plan inside the
    80 % interval keeps the empirical-moves P, its flags and its notes."""
    res = cap_by_parts(_frame(vol_scale_hi=0.05), ENDS)
    assert "bounded_parts" not in res.loc[2, "flags"]
    plan = float(res.loc[2, "forecast"] + res.loc[2, "hi80"]) / 2
    res = _with_plan(res, 2, plan, 0.3)
    out = hold_p(res)
    pd.testing.assert_frame_equal(out, res)


def test_interval_and_hard_bound() -> None:
    """A plan above ``hi80`` gets at most 10 %; one below ``lo95`` keeps its share (the
    lower side is not held: ``HOLD_LOWER``, measured); above the bound 0, named by its own
    flag even when the model already gave 0."""
    base = _frame(vol_scale_hi=0.05).assign(upper_bound=[np.nan, np.nan, 14000.0])
    r = base.loc[2]
    cases = [(float(r["hi80"]) * 1.001, 0.4, 0.10, "p_held_interval"),
             (float(r["lo95"]) * 0.99, 0.6, 0.6, ""),
             (15000.0, 0.0, 0.0, "p_above_bound"),
             (float(r["forecast"]), 0.45, 0.45, "")]
    for plan, p, want, flag in cases:
        out = hold_p(_with_plan(base, 2, plan, p))
        assert out.loc[2, "p_meet_plan"] == pytest.approx(want), plan
        assert (flag in out.loc[2, "flags"].split(";")) if flag else out.loc[2, "flags"] == ""


def test_prob_beyond_reads_the_ends_shown() -> None:
    """The chance of each end is the end's own level, on both sides, with split scales."""
    r = _frame().loc[[2]]
    x = r[["hi95", "hi80", "forecast", "lo80", "lo95"]].to_numpy(float)[0]
    assert prob_beyond(r, x) == pytest.approx([0.025, 0.10, 0.5, 0.90, 0.975], abs=1e-6)


def test_api_part_plan_above_its_interval() -> None:
    """Through ``forecast_many``: compulsory BHXH with one figure (held by BHXH less
    voluntary BHXH) and a given plan far above its interval gets P ≤ 2.5 % and no
    contradiction anywhere in the frame."""
    obs = _component_without_history()
    code = obs["geo_code"].min()
    got = forecast_many(obs, indicator=None, year=2024, as_of="2024-05-31")
    comp = got[(got["geo_code"] == code)
               & (got["indicator"] == "bhxh_compulsory_participants")].iloc[0]
    plans = pd.DataFrame({"geo_code": [code], "geo_level": ["province"],
                          "indicator": ["bhxh_compulsory_participants"],
                          "plan": [float(comp["hi95"]) * 1.05]})
    out = forecast_many(obs, indicator=None, year=2024, as_of="2024-05-31", plans=plans)
    row = out[(out["geo_code"] == code)
              & (out["indicator"] == "bhxh_compulsory_participants")].iloc[0]
    assert row["p_meet_plan"] <= 0.025
    assert not interval_conflicts(out, lower=False).any()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_says_what_held_p(lang: str) -> None:
    """The reason sentence keeps the share's arithmetic true and says what decided P."""
    from bhxh_analysis.reports.words import _plan_model

    row = pd.Series({"indicator": "bhxh_voluntary_participants", "place": "Sóc Trăng",
                     "p_meet_plan_model": "empirical_moves", "past_moves": 10.0,
                     "past_moves_as_large": 2.0, "forecast": 15769.0, "plan": 29467.0,
                     "p_meet_plan": 0.02, "hi80": 22951.0, "hi95": 29287.0,
                     "lo80": 14469.0, "lo95": 13661.0, "upper_bound": np.nan,
                     "flags": "short_series;bounded_parts;p_held_parts"})
    p = i18n.fmt_pct(2.0, lang, 0)
    said = _plan_model(row, lang, p)
    share = i18n.fmt_pct(100 * 2.5 / 11, lang, 0)
    assert said[0] == i18n.t("plan_model_empirical_moves_held", lang, n=10, k=2,
                             share=share, p=p)
    assert i18n.t("plan_model_empirical_moves", lang, n=10, k=2, p=p) not in said
    assert said[1] == i18n.t("plan_held_parts", lang,
                             label=i18n.indicator_label("bhxh_voluntary_participants", lang),
                             total=i18n.indicator_label("bhxh_participants", lang),
                             other=i18n.indicator_label("bhxh_compulsory_participants", lang),
                             p=p)
    row["flags"] = "p_held_interval"
    said = _plan_model(row, lang, p)
    assert said[1] == i18n.t("plan_held_interval_above", lang, level=i18n.fmt_pct(95, lang),
                             end=i18n.fmt_number(29287.0, lang),
                             tail=i18n.fmt_pct(2.5, lang, 1), p=p)
    # a ranged plan whose central P stands but whose upper end's P was held
    ranged = pd.Series({**row.to_dict(), "plan": 20000.0, "plan_lo": 19000.0,
                        "plan_hi": 30000.0, "p_meet_plan": 2.5 / 11, "p_meet_plan_lo": 0.025,
                        "flags": "p_held_interval"})
    share = i18n.fmt_pct(100 * 2.5 / 11, lang, 0)  # the central P is the share: said so
    said = _plan_model(ranged, lang, share, ranged=True)
    assert said[0] == i18n.t("plan_model_empirical_moves_central", lang, n=10, k=2, p=share,
                             central=i18n.fmt_number(20000.0, lang))
    assert said[-1] == i18n.t("plan_held_interval_above_end", lang,
                              level=i18n.fmt_pct(95, lang), end=i18n.fmt_number(29287.0, lang),
                              tail=i18n.fmt_pct(2.5, lang, 1), p=i18n.fmt_pct(2.5, lang, 0))
    below = pd.Series({**row.to_dict(), "plan": 13000.0, "p_meet_plan": 0.6, "flags": ""})
    said = _plan_model(below, lang, i18n.fmt_pct(60, lang, 0))  # not held: said
    assert said[-1] == i18n.t("plan_model_below_interval", lang, level=i18n.fmt_pct(95, lang),
                              end=i18n.fmt_number(13661.0, lang), p=i18n.fmt_pct(60, lang, 0))
    assert len(said) == 2  # the "central forecast above the plan, yet" sentence is not added
    row["flags"] = ""  # nothing held: the share is P, as before
    row["p_meet_plan"] = 2.5 / 11
    p = i18n.fmt_pct(100 * 2.5 / 11, lang, 0)
    assert _plan_model(row, lang, p)[0] == i18n.t("plan_model_empirical_moves", lang, n=10,
                                                  k=2, p=p)
