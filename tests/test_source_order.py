"""One rule of which source to believe (``sources.curated.source_order``).

When sources print different figures for one place, indicator and date, the reports
(``reports.data.best_first``), the forecaster's figure of a date (``_prep.prepare``), its
plans (``_prep.pick_plans``) and the denominators (``bounds.rank_denominators``) must
choose the same one. The sources below are written here, in a home of their own, with
ids whose alphabetical order is not their kinds' order, so a user that sorted by id
alone, or by a private copy of the kinds, would disagree.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis.forecast._prep import PUBLISHED, pick_plans, prepare
from bhxh_analysis.forecast.bounds import rank_denominators
from bhxh_analysis.reports.data import best_first
from bhxh_analysis.schema import SOURCE_KIND_RANK, SOURCE_KINDS
from bhxh_analysis.sources.curated import SOURCE_ORDER, source_order, source_rank

#: (source_id, kind): ids sort against their kinds' order.
SOURCES = [("a-web", "web_page"), ("b-news", "news_article"), ("c-portal", "government_portal"),
           ("d-policy", "policy"), ("e-press", "press_release"), ("f-stats", "statistics"),
           ("g-list", "admin_list"), ("h-comp", "compilation"), ("0-news", "news_article")]
KEY = {"boundaries": "legacy", "geo_level": "province", "geo_code": "86"}


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project home whose ``sources.csv`` holds :data:`SOURCES`."""
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    pd.DataFrame({"source_id": [s for s, _ in SOURCES], "publisher": "P", "title": "T",
                  "address": "https://example.invalid", "published_date": "2022-01-01",
                  "kind": [k for _, k in SOURCES], "note": ""}).to_csv(
        raw / "sources.csv", index=False, lineterminator="\n")
    monkeypatch.setenv("BHXH_HOME", str(tmp_path))
    return tmp_path


def _rows() -> pd.DataFrame:
    """One figure per source for one date, a combined (derived) id, a second figure of
    one source and a figure without a source; values all different."""
    ids = [s for s, _ in SOURCES] + ["b-news+f-stats", "c-portal", ""]
    return pd.DataFrame({"source_id": ids, "obs_id": [f"o-{9 - i:02d}" for i in range(len(ids))],
                         "value": [1000.0 + 7 * i for i in range(len(ids))]})


def _by_best_first(rows: pd.DataFrame) -> list[str]:
    return best_first(rows)["obs_id"].tolist()


def _by_denominators(rows: pd.DataFrame) -> list[str]:
    df = rows.assign(**KEY, denominator="population", year=2022, kind="published",
                     as_of=pd.Timestamp("2022-07-01"))
    return rank_denominators(df)["obs_id"].tolist()


def _first_by_prepare(rows: pd.DataFrame) -> float:
    obs = rows.assign(**KEY, geo_name="Place", indicator="bhyt_participants",
                      as_of=pd.Timestamp("2022-06-30"))
    return float(prepare(obs, ["bhyt_participants"], with_plans=False).points["value"].iloc[0])


def _first_by_pick_plans(rows: pd.DataFrame) -> float:
    plans = rows.rename(columns={"value": "plan"}).assign(
        **KEY, indicator="bhyt_participants", year=2022, plan_lo=lambda d: d["plan"],
        plan_hi=lambda d: d["plan"], kind=PUBLISHED, basis_kind=PUBLISHED,
        known_from=pd.Timestamp("2022-01-01"), basis=float("nan"),
        denominator=float("nan"), denominator_kind="")
    return float(pick_plans(plans, 2022, pd.Timestamp("2022-06-30"))["plan"].iloc[0])


def test_the_four_users_agree_on_the_same_rows(home: Path) -> None:
    rows = _rows()
    order = _by_best_first(rows)
    # the full order: the reports and the denominators
    assert _by_denominators(rows) == order
    assert _by_best_first(rows.iloc[::-1]) == order  # whatever order they come in
    # the one chosen, over every pair of figures: all four users
    value = dict(zip(rows["obs_id"], rows["value"], strict=True))
    for i, j in itertools.combinations(range(len(rows)), 2):
        pair = rows.iloc[[j, i]].reset_index(drop=True)
        first = _by_best_first(pair)[0]
        assert _by_denominators(pair)[0] == first
        assert _first_by_prepare(pair) == value[first]
        if pair["source_id"].nunique() == 2:  # a plan breaks a tie of one source by value
            assert _first_by_pick_plans(pair) == value[first]
    # and the order is the key's: kind of source, then source id, then obs_id
    key = source_order(rows)
    assert rows.loc[key.sort_values(SOURCE_ORDER).index, "obs_id"].tolist() == order


def test_a_government_portal_ranks_below_a_press_release_above_a_newspaper(home: Path) -> None:
    rank = dict(zip(["press", "policy", "portal", "news", "web"], source_rank(pd.Series(
        ["e-press", "d-policy", "c-portal", "b-news", "a-web"])).tolist(), strict=True))
    assert rank["press"] < rank["policy"] < rank["portal"] < rank["news"] < rank["web"]
    # the portal's figure is shown against a newspaper's, a press release's against it
    rows = pd.DataFrame({"source_id": ["0-news", "c-portal", "e-press"],
                         "obs_id": ["o-1", "o-2", "o-3"], "value": [1.0, 2.0, 3.0]})
    assert _by_best_first(rows.iloc[:2])[0] == "o-2"
    assert _by_best_first(rows.iloc[1:])[0] == "o-3"
    assert _first_by_prepare(rows.iloc[:2]) == 2.0
    assert _first_by_pick_plans(rows.iloc[:2]) == 2.0


def test_every_kind_in_sources_csv_is_declared() -> None:
    from bhxh_analysis.sources.curated import load_sources

    kinds = set(load_sources()["kind"])
    assert kinds <= set(SOURCE_KINDS), kinds - set(SOURCE_KINDS)
    assert "government_portal" in kinds
    assert list(SOURCE_KIND_RANK) == list(SOURCE_KINDS[:len(SOURCE_KIND_RANK)])
