"""One plan and one denominator per page, chosen as the forecaster chooses (issue 14.6).

Two published coverage plans of one place and year from different sources (Đồng Nai 2025:
95 % in Decision 546/QĐ-TTg, 96 % in the provincial newspaper) were picked by the
forecaster by source authority and by the report's coverage table by date and last
``obs_id``: one page could name two plans. Every section now asks the forecaster's own
choice (``forecast._prep.pick_plans``) and says when the plans conflict, with each value
and its source; a denominator chosen among figures that differ is said the same way.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import report_obs

from bhxh_analysis import i18n, reports
from bhxh_analysis.reports import citations
from bhxh_analysis.reports import data as report_data

PLACE = ("68", "Lâm Đồng", "province", "legacy", "Lâm Đồng")
POPULATION = 1_290_850.0
TARGETS = pd.DataFrame({"target_id": ["t1"], "source_id": ["x"], "instrument": ["QĐ 546"],
                        "geo_name": ["Việt Nam"], "indicator": ["bhyt_coverage_pct"],
                        "year": [2030], "value": [95.0]})


def _sources(ids: dict[str, str]) -> pd.DataFrame:
    """A sources table naming each id with a publisher of its own."""
    return pd.DataFrame({"source_id": list(ids), "publisher": list(ids.values()),
                         "title": [f"Title of {i}" for i in ids], "address": "",
                         "published_date": ""})


def _ids_of_kinds(home: Path, *kinds: str) -> list[str]:
    """One source id of each kind, from the sources table the forecaster ranks."""
    src = pd.read_csv(home / "data" / "raw" / "sources.csv", dtype=str, keep_default_na=False)
    return [sorted(src.loc[src["kind"] == k, "source_id"])[0] for k in kinds]


@pytest.fixture()
def kinds(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, str]:
    """A press release, a news article and a statistics office source of the built data."""
    monkeypatch.setenv("BHXH_HOME", str(built_home))  # past moves and source kinds
    return tuple(_ids_of_kinds(built_home, "press_release", "news_article", "statistics"))


def test_every_section_names_the_plan_the_forecaster_chose(kinds) -> None:
    press, news, gso = kinds
    # the news article's plan comes last by obs_id (what the coverage table used to
    # take); the press release is the more authoritative source (what the forecaster takes)
    obs = report_obs([("h-1", news, "2024-10-21", "bhyt_participants", 1_150_000.0),
                      ("h-5", news, "2024-10-21", "bhyt_coverage_pct", 89.1),
                      ("h-0", press, "2024-12-31", "bhyt_plan_coverage_pct", 91.5),
                      ("h-2", news, "2024-12-31", "bhyt_plan_coverage_pct", 92.0),
                      ("h-3", gso, "2024-07-01", "population", POPULATION)], PLACE)
    sources = _sources({press: "Press office", news: "Newspaper", gso: "Statistics office"})
    bundle = report_data.Bundle(obs, None, None, None, sources, TARGETS, "")
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=bundle)
        assert rpt.year == 2024
        cov = rpt.coverage_table().set_index("indicator").loc["bhyt_coverage_pct"]
        assert cov["target"] == 91.5 and cov["target_source_id"] == press
        assert cov["gap_pp"] == pytest.approx(91.5 - 89.1)
        fc = rpt.forecast_table().set_index("indicator").loc["bhyt_participants"]
        assert fc["plan_basis"] == 91.5
        assert fc["plan"] == pytest.approx(91.5 * POPULATION / 100)  # never 91.75 %
        head = rpt.headline_table().set_index("indicator")
        assert head.loc["bhyt_plan_coverage_pct", "value"] == 91.5
        assert i18n.t("gap_no_plan", lang) not in rpt.gap_sentences()
        # the conflict is said with both values and their sources, where each shows
        labels = citations.source_labels(bundle, lang)
        pct = lambda v, lang=lang: i18n.fmt_pct(v, lang)  # noqa: E731
        outlet = {k: labels[k].split(" — ")[0] for k in (press, news)}
        values = f"{pct(91.5)} — {outlet[press]}; {pct(92.0)} — {outlet[news]}"
        said = i18n.t("plan_conflict_values", lang, year=2024, plan=pct(91.5), values=values,
                      place="Lâm Đồng", label=i18n.indicator_label("bhyt_coverage_pct", lang))
        assert said in rpt.coverage_notes()
        in_forecast = i18n.t("plan_conflict_values", lang, year=2024, plan=pct(91.5),
                             values=values, place="Lâm Đồng",
                             label=i18n.indicator_label("bhyt_participants", lang))
        assert in_forecast in rpt.forecast_notes()
    # one plan printed by two sources is no conflict: nothing more is said
    same = obs.assign(value=obs["value"].where(obs["obs_id"] != "h-2", 91.5))
    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=report_data.Bundle(
        same, None, None, None, sources, TARGETS, ""))
    assert rpt.coverage_notes() == [i18n.t("coverage_gap_note", "en")]


def test_the_plan_arithmetic_names_every_population_of_the_year(kinds) -> None:
    press, news, gso = kinds
    # two populations of 2024: the statistics office's is used, the newspaper's is named
    obs = report_obs([("h-1", news, "2024-10-21", "bhyt_participants", 1_150_000.0),
                      ("h-2", news, "2024-12-31", "bhyt_plan_coverage_pct", 92.0),
                      ("h-3", gso, "2024-07-01", "population", POPULATION),
                      ("h-4", news, "2024-07-01", "population", 1_400_000.0)], PLACE)
    sources = _sources({press: "Press office", news: "Newspaper", gso: "Statistics office"})
    bundle = report_data.Bundle(obs, None, None, None, sources, TARGETS, "")
    for lang in ("vi", "en"):
        rpt = reports.ProvinceReport("Lâm Đồng", lang=lang, bundle=bundle)
        fc = rpt.forecast_table().set_index("indicator").loc["bhyt_participants"]
        assert fc["plan_denominator"] == POPULATION  # not the median 1,345,425
        assert fc["plan"] == pytest.approx(92.0 * POPULATION / 100)
        assert "denominator_conflict" in fc["flags"].split(";")
        labels = citations.source_labels(bundle, lang)
        num = lambda v, lang=lang: i18n.fmt_number(v, lang)  # noqa: E731
        said = i18n.t("denominator_conflict_values", lang, year=2024, value=num(POPULATION),
                      values=f"{num(POPULATION)} — {labels[gso].split(' — ')[0]}; "
                             f"{num(1_400_000.0)} — {labels[news].split(' — ')[0]}",
                      place="Lâm Đồng",
                      label=i18n.indicator_label("bhyt_participants", lang),
                      denominator=i18n.indicator_label("population", lang).lower())
        notes = rpt.forecast_notes()
        assert said in notes and not any("_" in s for s in notes)


def test_plans_and_denominators_that_differ_are_grouped_by_one_rule() -> None:
    """``plan_of`` and ``denominator_note`` list values and sources through one helper."""
    from bhxh_analysis.reports.plans import sources_by_value

    # denominators in the forecaster's rank order: the first row's value first, then each
    # other value at its first row; a value's sources each once, in row order; values
    # told apart to 6 decimals (3,200,000.0000001 is 3,200,000)
    values = pd.Series([3_200_000.0, 4_733_333.0, 3_200_000.0000001, 4_000_000.0, 4_733_333.0])
    sources = pd.Series(["b", "a", "c", "b", "a"])
    assert sources_by_value(values, sources) == [
        (3_200_000.0, ["b", "c"]), (4_733_333.0, ["a"]), (4_000_000.0, ["b"])]
    # a chosen plan is listed first, as given, wherever its rows stand
    assert sources_by_value(pd.Series([95.0, 96.0, 96.0]), pd.Series(["x", "z", "y"]),
                            96.0) == [(96.0, ["z", "y"]), (95.0, ["x"])]
    assert sources_by_value(pd.Series([95.0]), pd.Series(["x"])) == [(95.0, ["x"])]
