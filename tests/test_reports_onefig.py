"""One figure per place, indicator and date on every page: the forecaster's (issue 14.6).

Two sources printing different figures for one date (national BHYT participants on
31/12/2017: 79,900,000 and 79,982,085) are both kept and flagged, never averaged; the
page must then show the same one everywhere. The forecaster kept the most authoritative
kind of source, then the first source id; the yearly table and the headline took the last
row by ``obs_id``, the forecast report's outcome the first. Every section now orders the
figures of a date by the forecaster's rule (:func:`reports.data.best_first`).

The data sets below are small and written here; the kinds of sources come from the
built project's ``sources.csv`` (what the forecaster ranks).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import report_obs

from bhxh_analysis import reports
from bhxh_analysis.forecast._prep import prepare
from bhxh_analysis.reports import citations
from bhxh_analysis.reports import data as report_data

NATION = ("VN", "Việt Nam", "nation", "legacy", "Việt Nam")
LAM_DONG = ("68", "Lâm Đồng", "province", "legacy", "Lâm Đồng")
BINH_THUAN = ("60", "Bình Thuận", "province", "legacy", "Lâm Đồng")
DAK_NONG = ("67", "Đắk Nông", "province", "legacy", "Lâm Đồng")
TARGETS = pd.DataFrame(columns=["target_id", "source_id", "instrument", "geo_name",
                                "indicator", "year", "value"])


def _bundle(obs: pd.DataFrame, ids: list[str]) -> report_data.Bundle:
    sources = pd.DataFrame({"source_id": ids, "publisher": [f"Publisher {i}" for i in ids],
                            "title": [f"Title {i}" for i in ids], "address": "",
                            "published_date": ""})
    return report_data.Bundle(obs, None, None, None, sources, TARGETS, "")


@pytest.fixture()
def kinds(built_home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A statistics office's source and a news article's, the news id sorting first:
    the kind of source decides, not the source id nor the obs_id."""
    monkeypatch.setenv("BHXH_HOME", str(built_home))
    src = pd.read_csv(built_home / "data" / "raw" / "sources.csv", dtype=str,
                      keep_default_na=False)
    gso = sorted(src.loc[src["kind"] == "statistics", "source_id"])[0]
    news = sorted(src.loc[src["kind"] == "news_article", "source_id"])[0]
    assert news < gso  # else the test could not tell the kind from the id
    return gso, news


def _forecasters_year_end(obs: pd.DataFrame, code: str, indicator: str, year: int) -> float:
    """The 31 December figure the forecaster uses (``prepare``'s year-ends)."""
    prep = prepare(obs, [indicator], with_plans=False)
    sid = prep.series.index[(prep.series["geo_code"] == code)
                            & (prep.series["indicator"] == indicator)][0]
    ye = prep.year_ends
    return float(ye.loc[(ye["sid"] == sid) & (ye["year"] == year), "ye"].iloc[0])


def test_national_page_shows_the_forecasters_year_end_everywhere(kinds) -> None:
    gso, news = kinds
    # the news figure is last by obs_id (what the yearly table and the headline took),
    # the statistics office's first (what the outcome took): they disagreed
    obs = report_obs([("n-1", gso, NATION, "2017-12-31", "bhyt_participants", 79_982_085.0),
                      ("n-2", news, NATION, "2017-12-31", "bhyt_participants", 79_900_000.0),
                      ("n-0", news, NATION, "2017-09-30", "bhyt_participants", 79_080_000.0),
                      ("n-3", news, NATION, "2016-12-31", "bhyt_participants", 75_900_000.0)])
    bundle = _bundle(obs, [gso, news])
    truth = _forecasters_year_end(obs, "VN", "bhyt_participants", 2017)
    assert truth == 79_982_085.0  # the statistics office, whatever the ids' order

    yearly = reports.NationalReport("en", 2015, 2018, bundle=bundle).yearly_table()
    row = yearly[(yearly["year"] == 2017) & (yearly["period"] == "year_end")]
    assert row["value"].tolist() == [truth]

    fc = reports.ForecastReport("Việt Nam", year=2017, lang="en", bundle=bundle)
    table = fc.forecast_table()
    assert table["actual"].tolist() == [truth]
    assert table["last_value"].tolist() == [79_080_000.0]
    assert report_data.latest(obs)["value"].tolist() == [truth]
    # the fan chart's history draws one figure per date, the same one
    row = table.iloc[0].copy()
    row["as_of"] = pd.Timestamp("2017-12-31")
    history = fc.forecast_history(row)
    assert history.set_index("as_of").loc[pd.Timestamp("2017-12-31"), "value"] == truth


def test_province_headline_and_outcome_show_the_forecasters_figure(kinds) -> None:
    gso, news = kinds
    obs = report_obs([("h-1", gso, LAM_DONG, "2023-12-31", "bhyt_participants", 1_200_000.0),
                      ("h-2", news, LAM_DONG, "2023-12-31", "bhyt_participants", 1_250_000.0),
                      ("h-0", news, LAM_DONG, "2023-06-30", "bhyt_participants", 1_150_000.0),
                      ("h-3", news, LAM_DONG, "2022-12-31", "bhyt_participants", 1_100_000.0)])
    bundle = _bundle(obs, [gso, news])
    truth = _forecasters_year_end(obs, "68", "bhyt_participants", 2023)
    assert truth == 1_200_000.0

    rpt = reports.ProvinceReport("Lâm Đồng", lang="en", bundle=bundle)
    assert rpt.year == 2023
    head = rpt.headline_table().set_index("indicator")
    assert head.loc["bhyt_participants", "value"] == truth
    assert head.loc["bhyt_participants", "source"] == citations.source_labels(bundle, "en")[gso]
    fc = rpt.forecast_table().set_index("indicator")
    assert fc.loc["bhyt_participants", "actual"] == truth
    trend = rpt.trend_table()
    point = trend[trend["as_of"] == pd.Timestamp("2023-12-31")]
    assert point["value"].tolist() == [truth]


def test_a_2025_sum_adds_the_parts_figures_the_page_shows(kinds) -> None:
    gso, news = kinds
    day = "2023-12-31"
    obs = report_obs([("p-1", gso, LAM_DONG, day, "bhyt_participants", 1_200_000.0),
                      ("p-2", news, LAM_DONG, day, "bhyt_participants", 1_250_000.0),
                      ("p-3", news, BINH_THUAN, day, "bhyt_participants", 1_100_000.0),
                      ("p-4", news, DAK_NONG, day, "bhyt_participants", 600_000.0)])
    bundle = _bundle(obs, [gso, news])
    rpt = reports.ProvinceReport("Lâm Đồng", "2025", lang="en", bundle=bundle)
    head = rpt.headline_table()
    own = head[(head["geo_level"] == "province") & head["place"].eq("Lâm Đồng")]
    assert own["value"].tolist() == [1_200_000.0 + 1_100_000.0 + 600_000.0]
    part = head[head["place"].str.startswith("Lâm Đồng (")]
    assert part["value"].tolist() == [1_200_000.0]


def test_best_first_orders_by_kind_then_source_then_obs_id(kinds) -> None:
    gso, news = kinds
    rows = pd.DataFrame({"obs_id": ["c", "b", "a", "d"], "source_id": [news, gso, news, ""],
                         "value": [1.0, 2.0, 3.0, 4.0]})
    assert report_data.best_first(rows)["obs_id"].tolist() == ["b", "a", "c", "d"]
    # the rows' order in a file plays no part
    assert report_data.best_first(rows.iloc[::-1])["obs_id"].tolist() == ["b", "a", "c", "d"]
