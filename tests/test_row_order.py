"""No figure on a page is picked by the order of rows in a file (trust audit, issue 14).

Each test builds a report from the processed tables with their rows reversed or shuffled
(seeded) and asks for the same tables as from the tables in their stored order: a pick
by ``.iloc[0]`` / ``.iloc[-1]`` on rows whose order is not made explicit would change.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

from bhxh_analysis import reports
from bhxh_analysis.reports.data import load_bundle


def _reordered(bundle: reports.Bundle, seed: int | None) -> reports.Bundle:
    """``bundle`` with obs, derived, targets and sources reversed (seed None) or shuffled."""
    def move(df: pd.DataFrame | None) -> pd.DataFrame | None:
        if df is None:
            return None
        out = df.iloc[::-1] if seed is None else df.sample(frac=1, random_state=seed)
        return out.reset_index(drop=True)

    return dataclasses.replace(bundle, obs=move(bundle.obs), derived=move(bundle.derived),
                               targets=move(bundle.targets), sources=move(bundle.sources))


@pytest.fixture(scope="module")
def bundle() -> reports.Bundle:
    return load_bundle()


def test_coverage_plan_is_the_forecasters_choice(bundle: reports.Bundle) -> None:
    """Bà Rịa - Vũng Tàu's BHYT plan for 2022 is printed twice (91.5 %, two sources):
    the table named whichever came last in the file; now the most authoritative source's
    (``pick_plans``). The year is fixed: a later coverage figure of Bà Rịa - Vũng Tàu (end
    of 2024) moves the default year past 2022."""
    for b in (bundle, _reordered(bundle, None)):
        cov = reports.ProvinceReport("Thành phố Hồ Chí Minh", "2025", year=2022, lang="en",
                                     bundle=b).coverage_table()
        row = cov[(cov["geo_code"] == "77") & (cov["indicator"] == "bhyt_coverage_pct")]
        assert row["target_kind"].tolist() == ["plan"]
        assert row["target_source_id"].tolist() == ["vss-en-10443"]  # a press release


def test_coverage_denominator_is_one_per_place_and_date(bundle: reports.Bundle) -> None:
    """Hà Nội 10/6/2025 has three derived labour forces (4,733,333 from BHTN, 4,631,579
    from compulsory BHXH, 3,200,000 from voluntary BHXH). Each coverage row took the one
    its own participants give, so one table used two labour forces 1.4 M apart; now every
    scheme's row uses the best-ranked one (``rank_denominators``: one source, first
    ``obs_id``), whatever the rows' order, and the note under the table names the
    conflicting 3,200,000 and where the conflict is listed."""
    for b in (bundle, _reordered(bundle, None)):
        rpt = reports.ProvinceReport("Hà Nội", "legacy", lang="en", bundle=b)
        cov = rpt.coverage_table()
        cov = cov[cov["as_of"].eq(pd.Timestamp("2025-06-10"))
                  & cov["denominator_indicator"].eq("labour_force")]
        assert set(cov["indicator"]) >= {"bhxh_compulsory_coverage_pct",
                                         "bhxh_voluntary_coverage_pct", "bhtn_coverage_pct"}
        assert cov["denominator"].to_numpy() == pytest.approx(4_733_333.33, abs=1)
        notes = " ".join(rpt.coverage_notes())
        # each labour force as the table prints a derived figure: the range its printed
        # precision allows (the one used holds 4,733,333; the conflicting one 3,200,000)
        ranges = [tuple(float(x.replace(",", "")) for x in m)
                  for m in re.findall(r"(\d[\d,]*)–(\d[\d,]*)", notes)]
        assert any(lo <= 4_733_333 <= hi for lo, hi in ranges)
        assert any(lo <= 3_200_000 <= hi for lo, hi in ranges)
        assert rpt.t("consistency") in notes


def test_denominator_is_the_best_ranked_even_beside_own_participants() -> None:
    """A total-BHXH rate beside two derived labour forces of that date: the forecaster's
    order picks (first ``source_id``, then ``obs_id``), never the rows' order, and not the
    one the rate's own participants would give (that one is a conflict to show)."""
    from bhxh_analysis.reports.coverage import denominator_row

    day = pd.Timestamp("2025-06-10")
    place = {"geo_level": "province", "geo_code": "01", "boundaries": "legacy"}
    both = pd.DataFrame([
        {**place, "indicator": "labour_force", "as_of": day, "value": 4_000_000.0,
         "source_id": "b", "obs_id": "b-1", "_derived": True},
        {**place, "indicator": "labour_force", "as_of": day, "value": 3_000_000.0,
         "source_id": "a", "obs_id": "a-2", "_derived": True}])
    r = pd.Series({**place, "indicator": "bhxh_coverage_pct", "as_of": day, "value": 40.0})
    for rows in (both, both.iloc[::-1]):
        row, name = denominator_row(rows, r)
        assert (name, row["value"]) == ("labour_force", 3_000_000.0)
    own = pd.DataFrame([{**place, "indicator": "bhxh_participants", "as_of": day,
                         "value": 1_600_000.0, "source_id": "c", "obs_id": "c-1",
                         "_derived": False}])
    row, _ = denominator_row(pd.concat([both, own], ignore_index=True), r)
    assert row["value"] == 3_000_000.0  # not 4 M (1.6 M ÷ 40 %): one rule for every row
    # a published denominator comes before a derived one
    published = both.iloc[[0]].assign(value=5_000_000.0, obs_id="z-1", _derived=False)
    row, _ = denominator_row(pd.concat([both, published], ignore_index=True), r)
    assert row["value"] == 5_000_000.0


def test_policy_target_of_a_year_is_not_picked_by_file_order(bundle: reports.Bundle) -> None:
    """Việt Nam's BHYT target for 2022 is 92.6 % (Quyết định 546/QĐ-TTg, tgt-017) and 92 %
    (unnamed, tgt-033): Đắk Lắk's 2022 coverage was set against either by file order."""
    for b in (bundle, _reordered(bundle, None)):
        cov = reports.ProvinceReport("Đắk Lắk", "2025", lang="en", bundle=b).coverage_table()
        row = cov[(cov["indicator"] == "bhyt_coverage_pct") & (cov["target_kind"] == "policy")
                  & (cov["target_year"] == 2022)]
        assert len(row)
        assert set(row["target"]) == {92.6}
        assert set(row["target_source_id"]) == {"decision-546-2022"}


@pytest.mark.parametrize("seed", [None, 0, 1])
@pytest.mark.parametrize("place, boundaries", [("Lâm Đồng", "legacy"), ("Lâm Đồng", "2025"),
                                                ("Hà Nội", "legacy"),
                                                ("Thành phố Hồ Chí Minh", "2025")])
def test_province_tables_do_not_depend_on_row_order(bundle: reports.Bundle, seed: int | None,
                                                    place: str, boundaries: str) -> None:
    """Every table of a province report is the same from shuffled tables."""
    a = _stored_order_tables(bundle, place, boundaries)
    b = reports.ProvinceReport(place, boundaries, lang="en", bundle=_reordered(bundle, seed))
    for name in _PROVINCE_TABLES:
        pd.testing.assert_frame_equal(a[name], getattr(b, name)().reset_index(drop=True),
                                      check_dtype=False, obj=f"{place} {boundaries} {name}")


_PROVINCE_TABLES = ("headline_table", "derived_table", "coverage_table", "trend_table",
                    "forecast_table", "sources_table")

#: The tables of each (place, boundaries) from the tables in their stored order, made once
#: for the module: every seed's shuffled report is compared with the same reference.
_STORED: dict[tuple[str, str], dict[str, pd.DataFrame]] = {}


def _stored_order_tables(bundle: reports.Bundle, place: str,
                         boundaries: str) -> dict[str, pd.DataFrame]:
    """The province report's tables from ``bundle`` as stored (computed once, then reused)."""
    if (place, boundaries) not in _STORED:
        rpt = reports.ProvinceReport(place, boundaries, lang="en", bundle=bundle)
        _STORED[place, boundaries] = {name: getattr(rpt, name)().reset_index(drop=True)
                                      for name in _PROVINCE_TABLES}
    return _STORED[place, boundaries]


@pytest.mark.parametrize("seed", [None, 0])
def test_national_tables_do_not_depend_on_row_order(bundle: reports.Bundle,
                                                    seed: int | None) -> None:
    """The national report and Việt Nam's 2025 forecast are the same from shuffled tables."""
    moved = _reordered(bundle, seed)
    for a, b, names in (
            (reports.NationalReport(lang="en", bundle=bundle),
             reports.NationalReport(lang="en", bundle=moved),
             ("yearly_table", "targets_table", "coverage_with_targets")),
            (reports.ForecastReport(lang="en", bundle=bundle),
             reports.ForecastReport(lang="en", bundle=moved), ("forecast_table",))):
        for name in names:
            pd.testing.assert_frame_equal(getattr(a, name)().reset_index(drop=True),
                                          getattr(b, name)().reset_index(drop=True),
                                          check_dtype=False, obj=name)


def test_denominator_names_the_source_of_its_own_figure() -> None:
    """Two populations of one province and year: the bound is the larger, and the reason a
    figure is rejected named the source of whichever row came first in the file."""
    from bhxh_analysis.plausibility import denominators

    obs = pd.DataFrame({
        "geo_code": ["68", "68"], "geo_level": "province", "boundaries": "legacy",
        "province_2025": "Lâm Đồng", "as_of": pd.to_datetime(["2022-07-01", "2022-07-01"]),
        "indicator": "population", "value": [1_300_000.0, 1_332_530.0],
        "source_id": ["a-small", "b-large"]})
    for frame in (obs, obs.iloc[::-1]):
        d = denominators(frame)
        row = d[(d["boundaries"] == "legacy") & (d["geo_code"] == "68")]
        assert row[["value", "source_id"]].values.tolist() == [[1_332_530.0, "b-large"]]


def test_nation_sum_of_provinces_counts_each_province_once() -> None:
    """The national population bound sums the 63 legacy provinces: a province printed by
    two sources for one year was added twice (a merge that assumed one figure each)."""
    from bhxh_analysis.forecast.bounds import N_LEGACY_PROVINCES, denominators

    codes = [f"{i:02d}" for i in range(1, N_LEGACY_PROVINCES + 1)]
    obs = pd.DataFrame({"boundaries": "legacy", "geo_level": "province", "geo_code": codes,
                        "indicator": "population", "as_of": "2022-07-01", "value": 1_000.0})
    twice = pd.concat([obs, obs.iloc[[0]].assign(value=1_200.0)], ignore_index=True)
    for frame in (obs, twice, twice.iloc[::-1]):
        out = denominators(frame, None, 2022)
        nat = out[(out["geo_level"] == "nation") & (out["kind"] == "sum of provinces")]
        # one of 1,000 and 1,200, never their median: nothing else tells them apart (no
        # source, date or id), so the larger, which never cuts the other
        expected = 63_000.0 if frame is obs else 63_200.0
        assert nat["value"].tolist() == [expected]


def test_two_different_user_plans_for_one_series_are_refused() -> None:
    """A plans table naming one place twice with two plans used the first row given: the
    forecast's chance of meeting the plan depended on the table's row order."""
    from bhxh_analysis.forecast import ForecastError
    from bhxh_analysis.forecast.api import _plan_lookup

    same = pd.DataFrame({"geo_code": ["68", "68", "01"], "plan": [900.0, 900.0, 5.0]})
    assert len(_plan_lookup(same)) == 3  # a repeated, equal plan is harmless
    clash = pd.DataFrame({"geo_code": ["68", "68"], "indicator": "bhyt_participants",
                          "plan": [900.0, 950.0]})
    for frame in (clash, clash.iloc[::-1]):
        with pytest.raises(ForecastError, match="two different plans"):
            _plan_lookup(frame)


@pytest.mark.parametrize("seed", [0, 1])
def test_derived_and_consistency_do_not_depend_on_row_order(seed: int) -> None:
    """The derived figures and consistency checks of ``bhxh data build`` are the same from
    the observations shuffled (a guard: which of two equal figures a check names, or which
    input a rule takes, must never follow the file)."""
    from bhxh_analysis.metrics.consistency import derive_and_check
    from bhxh_analysis.observations import load_observations

    obs = load_observations(rebuild=False)
    d0, c0 = derive_and_check(obs)
    d1, c1 = derive_and_check(obs.sample(frac=1, random_state=seed).reset_index(drop=True))
    pd.testing.assert_frame_equal(d0, d1, check_dtype=False, check_categorical=False)
    pd.testing.assert_frame_equal(c0, c1, check_dtype=False, check_categorical=False)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_earlier_denominator_is_dated_under_the_table(bundle: reports.Bundle,
                                                         lang: str) -> None:
    """Bà Rịa - Vũng Tàu's coverage of 31/12/2024 is turned into persons over the latest
    labour force known before it (one of 2021): the page says that date, since a reader
    cannot tell it from the table's denominator column; a denominator of the rate's own
    date gets no such sentence."""
    from bhxh_analysis import i18n

    rpt = reports.ProvinceReport("Bà Rịa - Vũng Tàu", "legacy", lang=lang, bundle=bundle)
    cov = rpt.coverage_table()
    row = cov[cov["indicator"].eq("bhxh_coverage_pct")].iloc[0]
    assert row["as_of"] == pd.Timestamp("2024-12-31")
    notes = " ".join(rpt.coverage_notes())
    said = i18n.t("coverage_denominator_older", lang, place=row["place"],
                  date=i18n.fmt_date(row["as_of"], lang),
                  denominator=i18n.indicator_label("labour_force", lang).lower(),
                  den_date=i18n.fmt_date("2021-12-31", lang), value="")
    assert said.split("()")[0] in notes
    hn = reports.ProvinceReport("Hà Nội", "legacy", lang=lang, bundle=bundle)
    same_day = hn.coverage_table()
    assert same_day["as_of"].eq(pd.Timestamp("2025-06-10")).any()
    head = i18n.t("coverage_denominator_older", lang, place="Hà Nội",
                  date=i18n.fmt_date("2025-06-10", lang), denominator="\x00", den_date="",
                  value="").split("\x00")[0]
    assert head not in " ".join(hn.coverage_notes())
