"""The name a unit bore on a date: Tỉnh Thừa Thiên Huế became Thành phố Huế on 1/1/2025.

The registry held "Thừa Thiên Huế" only as an undated alias, so report pages called the
legacy province "Huế" for its 1995–2022 figures. Each figure is now named with the name
of its date, and both names still resolve.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import report_obs
from test_cli_reasons import HUE, SOURCES, TARGETS  # the same hand-made place and tables

from bhxh_analysis import geo, i18n
from bhxh_analysis.reports import boundaries as boundary_words
from bhxh_analysis.reports import data as report_data
from bhxh_analysis.reports import words
from bhxh_analysis.reports.province import ProvinceReport


@pytest.fixture(scope="module")
def reg() -> geo.Registry:
    return geo.get_registry()


@pytest.mark.parametrize("boundaries", ["legacy", "2025"])
def test_the_name_of_a_date(reg, boundaries: str) -> None:
    hue = reg.get(boundaries, "province", "46")
    assert hue.name == "Huế"
    assert geo.name_on(hue, "1995-07-01") == "Thừa Thiên Huế"
    assert geo.name_on(hue, "2024-12-31") == "Thừa Thiên Huế"
    assert geo.name_on(hue, "2025-01-01") == "Huế"
    assert geo.name_on(hue, "2024-12-31", full=True) == "Tỉnh Thừa Thiên Huế"
    assert geo.name_on(hue, pd.NaT) == "Huế"  # no date: the registry's name
    # a unit never renamed keeps its name on every date
    assert geo.name_on(reg.resolve("Kon Tum"), "1995-07-01") == "Kon Tum"


@pytest.mark.parametrize("name", ["Thừa Thiên Huế", "Thua Thien-Hue", "Tỉnh Thừa Thiên Huế",
                                  "Huế", "Thành phố Huế"])
@pytest.mark.parametrize("boundaries", ["legacy", "2025"])
def test_both_names_resolve(reg, name: str, boundaries: str) -> None:
    u = reg.resolve(name, boundaries=boundaries)
    assert (u.level, u.code) == ("province", "46")


@pytest.fixture(scope="module")
def bundle() -> report_data.Bundle:
    rows = [("h-1", "s", HUE, "2022-07-01", "population", 1_160_220.0),
            ("h-2", "s", HUE, "2023-12-31", "bhyt_participants", 1_000_000.0),
            ("h-3", "s", HUE, "2024-12-31", "bhyt_participants", 1_050_000.0),
            ("h-4", "s", HUE, "2025-03-31", "bhyt_participants", 1_060_000.0)]
    return report_data.Bundle(report_obs(rows), None, None, None, SOURCES, TARGETS, "")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("boundaries", ["legacy", "2025"])
def test_a_page_names_each_figure_with_the_name_of_its_date(bundle, boundaries: str,
                                                            lang: str) -> None:
    rpt = ProvinceReport("Huế", boundaries, lang=lang, bundle=bundle)
    figures = rpt._figures().set_index("obs_id")["place"]
    assert figures["h-1"] == figures["h-3"] == "Thừa Thiên Huế"
    assert figures["h-4"] == "Huế"
    # the title names both; the boundary note says when and why the name changed
    title = i18n.t("name_formerly", lang, former="Thừa Thiên Huế", year=2024)
    assert f"Huế ({title}; " in rpt.title
    said = " ".join(boundary_words.boundary_sentences(rpt))
    assert (i18n.legal_ref("Nghị quyết 175/2024/QH15", lang) in said
            and i18n.fmt_date("2025-01-01", lang) in said)
    # one line across the renaming, named by both names in date order
    trends = rpt.trend_table()
    lines = trends[trends["series"].str.contains("Huế")]["series"].unique().tolist()
    assert len(lines) == 1 and lines[0].endswith("Thừa Thiên Huế → Huế"), lines


def test_a_page_of_a_place_never_renamed_is_unchanged(bundle) -> None:
    assert report_data.renamed_title(geo.get_registry().resolve("Kon Tum"), "vi") == "Kon Tum"
    assert report_data.dated_names(pd.DataFrame(
        {"geo_level": ["province"], "geo_code": ["62"], "boundaries": ["legacy"],
         "geo_name": ["Kon Tum"], "as_of": pd.to_datetime(["2020-01-01"])})).isna().all()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_conflicts_section_names_the_place_of_the_date(lang: str) -> None:
    conf = pd.DataFrame({
        "geo_name": ["Huế", "Huế", "Phường 10"], "geo_level": ["province"] * 2 + ["commune"],
        "geo_code": ["46", "46", "26524"], "boundaries": "legacy",
        "as_of": ["2019-12-31", "2025-03-31", "2021-12-31"],
        "check": ["same_figure:population"] * 3, "figures": ["population=1 (x)"] * 3,
        "implied_values": ["population=2"] * 3, "sources": ["x"] * 3})
    text = words.conflicts_text(conf, pd.Series({"x": "Báo X — title"}), lang)
    ward = "Ward 10" if lang == "en" else "Phường 10"
    assert text["place"].tolist() == ["Thừa Thiên Huế", "Huế", ward]
