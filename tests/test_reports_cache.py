"""What a page computes once (wp-speed15): the derived table, the plan choice per place,
plan and year, and the registry's legacy provinces give what computing them afresh gives,
and a caller that changes what it got cannot change what the next caller gets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import geo
from bhxh_analysis.reports import ProvinceReport, coverage, plans
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports.data import measure_of


@pytest.fixture(scope="module")
def page(home: Path) -> ProvinceReport:
    """Đồng Nai, legacy boundaries: derived rows and two published plans of 2025."""
    return ProvinceReport("Đồng Nai", lang="en")


def test_derived_table_is_computed_once_and_handed_out_as_copies(page) -> None:
    first = page.derived_table()
    assert len(first), "Đồng Nai has derived figures"
    pd.testing.assert_frame_equal(first, coverage._derived_table(page))
    first.loc[first.index[0], "value"] = -1.0  # a caller changing its copy
    again = page.derived_table()
    assert again is not first
    assert again["value"].iloc[0] != -1.0
    pd.testing.assert_frame_equal(again, coverage._derived_table(page))


def test_page_plan_of_answers_as_plan_of(page) -> None:
    figs = page._figures()
    rows = figs[measure_of(figs["indicator"]).str.startswith("plan_").to_numpy()]
    assert len(rows)
    for _, r in rows.iterrows():
        year = int(r["as_of"].year)
        for frames, pub, der in (("figures", figs, figs.iloc[0:0]),
                                 ("obs+derived", page.obs, page.derived)):
            want, kind = plans.plan_of(pub, der, r, r["indicator"], year)
            got, got_kind = plans.page_plan_of(page, frames, r, r["indicator"], year)
            assert got_kind == kind
            pd.testing.assert_series_equal(got, want)
            got["value"] = -1.0  # a caller changing its row
            again, _ = plans.page_plan_of(page, frames, r, r["indicator"], year)
            pd.testing.assert_series_equal(again, want)


def test_legacy_provinces_is_the_registry_table(home: Path) -> None:
    want = geo.get_registry().units("legacy", "province", include_defunct=True)
    got = report_data.legacy_provinces()
    pd.testing.assert_frame_equal(got, want)
    assert report_data.legacy_provinces() is got  # read once per raw folder
    assert "Hà Tây" in set(got["geo_name"])


def test_printed_texts_read_once_read_as_afresh() -> None:
    from bhxh_analysis.metrics import figures

    texts = pd.Series(["123", "gần 90%", "1,5 triệu", "", "83,23%", "trên 1 triệu",
                       "khoảng 2.500", "123"], dtype="str", index=[5, 3, 1, 2, 9, 8, 7, 4])
    fresh = figures._read_texts(texts)
    pd.testing.assert_frame_equal(figures._read_printed(texts), fresh)
    assert {"gần 90%", "83,23%"} <= set(figures._READ)
    # read from the memo, in another order and with another index: the same rows
    again = texts.iloc[::-1].reset_index(drop=True)
    pd.testing.assert_frame_equal(figures._read_printed(again),
                                  fresh.iloc[::-1].reset_index(drop=True))
