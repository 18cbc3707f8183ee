"""Forecast and coverage sentences a VSS analyst would stumble on (issue 14, wp-left17):
a gap to a target printed "trên 85%" is only a minimum; a ranged plan's central value is
named, not called the middle of the range; a year already over reads in the past tense
and says whether its plan was met."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports import ProvinceReport
from bhxh_analysis.reports.render import table_html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_gap_to_a_bound_target_is_a_minimum(home: Path, lang: str) -> None:
    # Sông Cầu 31/7/2018: BHYT 83,47% against the plan "trên 85%"; the table read the
    # gap "+1,53" and the persons needed "1.499–1.514" as if the plan were exactly 85%
    rpt = ProvinceReport("Đắk Lắk", boundaries="2025", lang=lang)
    cov = rpt.coverage_table()
    over = cov[cov["target_qualifier"].isin(["over", "at_least"]) & cov["gap_pp"].notna()]
    assert len(over) >= 1
    html = table_html(cov, lang, place=rpt.unit.name)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    at_least = i18n.t("qualifier_at_least", lang, value="")
    for _, r in over.iterrows():
        assert r["gap_pp_qualifier"] == "at_least" == r["persons_needed_qualifier"]
        gap = i18n.qualified(i18n.fmt_pp(r["gap_pp"], lang), "at_least", lang)
        assert gap in cells, gap
        # the persons needed: the least of the range the inputs allow
        low = r["persons_needed_lo"] if r["persons_needed_lo"] == r["persons_needed_lo"] \
            else r["persons_needed"]
        assert i18n.qualified(i18n.fmt_number(low, lang), "at_least", lang) in cells
    # a target printed as one number keeps its gap without a word
    exact = cov[cov["target_qualifier"].eq("") & cov["gap_pp"].notna()]
    assert len(exact) and exact["gap_pp_qualifier"].eq("").all()
    assert sum(c.startswith(at_least) for c in cells) == 2 * len(over)
    # and the notes say why, naming the target as printed
    notes = rpt.coverage_notes()
    target = i18n.qualified(i18n.fmt_pct(over["target"].iloc[0], lang), "over", lang)
    said = [n for n in notes if n == i18n.t("coverage_gap_at_least", lang, targets=target)]
    assert len(said) == 1, notes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ranged_plans_moves_are_set_against_the_plan_the_forecast_uses(home: Path,
                                                                         lang: str) -> None:
    # Hồ Chí Minh 31/5/2017, BHYT: plan 6.364.850–6.693.351 ("gần 6.570.000" + 123.350),
    # its central value 6.693.350 at the top; the page said the past moves were set
    # against "the middle of the range" (6.529.101), which the forecast never used
    rpt = ProvinceReport("Hồ Chí Minh", boundaries="legacy", lang=lang)
    fcs = rpt.forecast_table()
    r = fcs[fcs["indicator"].eq("bhyt_participants") & fcs["plan_hi"].gt(fcs["plan_lo"])]
    assert len(r) == 1
    r = r.iloc[0]
    middle = (r["plan_lo"] + r["plan_hi"]) / 2
    assert abs(r["plan"] - middle) > 0.4 * (r["plan_hi"] - r["plan_lo"])  # at one end
    notes = rpt.forecast_notes()
    central = i18n.fmt_number(r["plan"], lang)
    n, k = int(r["past_moves"]), int(r["past_moves_as_large"])
    p = i18n.fmt_pct(100 * r["p_meet_plan"], lang, 0)
    model = i18n.t("plan_model_empirical_moves_central", lang, n=n, k=k, p=p,
                   central=central)
    assert model in notes, notes
    ranged = [x for x in notes if x.startswith(i18n.indicator_label(r["indicator"], lang))
              and f"{central}: {p})" in x]
    assert len(ranged) == 1, notes
    for word in ("middle", "giữa"):
        assert not any(word in x for x in notes), notes
