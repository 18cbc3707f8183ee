"""Province pages read as a VSS analyst reads them (audit 5): two figures of one thing on
one page are told apart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports import ProvinceReport


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_derived_coverage_unlike_the_published_one_of_its_day_is_explained(
        home: Path, lang: str) -> None:
    # Sóc Trăng 31/8/2022: the derived table read "BHYT coverage 87.21%" (participants
    # ÷ GSO's 2022 population) while the key figures and the coverage table read the
    # published 86.56%, with no word between them
    rpt = ProvinceReport("Sóc Trăng", boundaries="legacy", lang=lang)
    d = rpt.derived_table()
    row = d[d["indicator"].eq("bhyt_coverage_pct")
            & d["as_of"].eq(pd.Timestamp("2022-08-31"))].iloc[0]
    pub = rpt.obs[rpt.obs["indicator"].eq("bhyt_coverage_pct")
                  & pd.to_datetime(rpt.obs["as_of"]).eq(pd.Timestamp("2022-08-31"))]
    published = float(pub["value"].iloc[0])
    assert abs(row["value"] - published) > 0.5  # two readings of one day
    date = i18n.fmt_date("2022-08-31", lang)
    said = i18n.t("derived_beside_published", lang,
                  label=i18n.indicator_label("bhyt_coverage_pct", lang), place="Sóc Trăng",
                  derived=f"{i18n.fmt_pct(row['value'], lang)} ({date})",
                  published=f"{i18n.fmt_pct(published, lang)} ({date})")
    assert said in rpt.derived_notes()


def test_a_derived_coverage_that_matches_the_published_one_gets_no_sentence(
        home: Path) -> None:
    # a derived coverage whose range holds the published figure is the same reading
    rpt = ProvinceReport("Ninh Bình", boundaries="2025", lang="vi")
    notes = rpt.derived_notes()
    d = rpt.derived_table()
    cov = d[d["indicator"].str.endswith("coverage_pct")]
    assert len(cov)
    told = [n for n in notes if n.startswith(i18n.indicator_label("bhyt_coverage_pct", "vi"))]
    # Hà Nam 31/12/2019 (86.84 % against 91.8 %) is told; nothing of a place whose
    # derived coverage is not set beside a published one of the same day
    assert len(told) == 1 and "Hà Nam" in told[0], notes


def test_one_plan_derived_twice_with_overlapping_ranges_is_listed_once(home: Path) -> None:
    # Hải Phòng's 2020 BHYT plan, derived from the figures of 31/7 and of 31/10, read
    # twice in the derived table (1.832.747–1.833.031 and 1.830.244–1.833.059), its
    # voluntary BHXH plan likewise: one figure, in both ranges, listed once (the narrower)
    rpt = ProvinceReport("Hải Phòng", boundaries="legacy", lang="vi")
    d = rpt.derived_table()
    for ind in ("bhyt_plan_participants", "bhxh_voluntary_plan_participants"):
        rows = d[d["indicator"].eq(ind) & d["as_of"].eq(pd.Timestamp("2020-12-31"))]
        assert len(rows) == 1, rows
        every = rpt.derived[rpt.derived["indicator"].eq(ind)
                            & pd.to_datetime(rpt.derived["as_of"]).eq(pd.Timestamp("2020-12-31"))]
        assert len(every) >= 2  # derived twice
        widths = pd.to_numeric(every["value_hi"]) - pd.to_numeric(every["value_lo"])
        assert float(rows["value_hi"].iloc[0] - rows["value_lo"].iloc[0]) == pytest.approx(
            float(widths.min()))
