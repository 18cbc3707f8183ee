"""Every indicator a report can show has a real label in both languages."""

from __future__ import annotations

import itertools
import re

import pytest

from bhxh_analysis import i18n
from bhxh_analysis.i18n import indicator_label

SCHEMES = ["bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt", "bhyt_household"]
MEASURES = [
    "participants", "new_participants", "change_participants", "coverage_pct",
    "plan_participants", "plan_new_participants", "plan_coverage_pct", "attainment_pct",
    "shortfall_participants", "shortfall_pp",
]


def _all_indicators() -> list[str]:
    vocab = [f"{s}_{m}" for s, m in itertools.product(SCHEMES, MEASURES)]
    vocab += ["population", "labour_force", "labour_force_15plus"]
    from bhxh_analysis.schema import EXTRA_INDICATORS

    vocab += list(EXTRA_INDICATORS)
    return vocab


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_indicator_is_translated(lang: str) -> None:
    untranslated = [i for i in _all_indicators() if "_" in indicator_label(i, lang)]
    assert not untranslated, f"indicators without a {lang} label: {untranslated}"


def test_vietnamese_labels_differ_from_english() -> None:
    assert indicator_label("bhyt_coverage_pct", "vi") == "BHYT: tỷ lệ bao phủ"
    assert indicator_label("campaign_staff", "vi") != indicator_label("campaign_staff", "en")


def test_every_statistics_office_table_has_a_title_in_both_languages() -> None:
    """A Vietnamese reader meets no English GSO/NSO export title in the sources section.

    Every source published by a statistics office has a ``source_titles`` entry whose
    ``en`` is the title sources.csv records (so the two cannot drift apart) and whose
    ``vi`` is a Vietnamese title; other sources keep their own title in both languages.
    So has every compilation the package authors titled themselves (kind
    ``compilation``): a Vietnamese page cited "Labour force implied by VSS participant
    counts and coverage rates" (Phú Thọ, Sóc Trăng, Trà Vinh), the project's own words.
    """
    import re

    import pandas as pd

    from bhxh_analysis import config
    from bhxh_analysis.i18n import catalogue, source_title

    src = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    office = src[src["publisher"].str.contains("Statistics Office")
                 | src["kind"].eq("compilation")]
    assert len(office) >= 6  # the GSO exports, the NSO tables and the VSS compilation
    titles = catalogue()["source_titles"]
    assert sorted(titles) == sorted(office["source_id"])
    for sid, title in zip(office["source_id"], office["title"], strict=True):
        assert set(titles[sid]) == {"vi", "en"}, sid
        assert source_title(sid, title, "en") == title
        vi = source_title(sid, title, "vi")
        assert vi != title and not re.search(r"\b(?:by|and|of|the|population)\b", vi), sid
    news = src[src["kind"].eq("news_article")].iloc[0]
    assert source_title(news["source_id"], news["title"], "vi") == news["title"]


def test_every_english_named_outlet_has_a_name_in_both_languages() -> None:
    """A Vietnamese reader meets no English outlet description in the sources section.

    Outlets named in Vietnamese (diacritics) are proper names and need no entry; one
    named in plain ASCII or described as an English/French edition needs both names.
    """
    import re

    import pandas as pd

    from bhxh_analysis import config
    from bhxh_analysis.i18n import catalogue, publisher_label

    publishers = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str)["publisher"]
    entries = catalogue()["publishers"]
    # "tag page": a Vietnamese outlet described in English ("Kinh tế & Đô thị
    # (kinhtedothi.vn, tag page)" was printed so on Vietnamese pages)
    # "(from Nhân Dân)": a reposted article's origin, in English (printed so on Vietnamese
    # pages of Cà Mau, 2025 boundaries)
    foreign = re.compile(r"English|French|edition|Office|Government|Ministry|News|Agency"
                         r"|tag page|\bvia\b|\bfrom\b")
    missing = [p for p in sorted(set(publishers.dropna()))
               if (p.isascii() or foreign.search(p)) and p not in entries]
    assert missing == []
    for p, names in entries.items():
        assert set(names) == {"vi", "en"}, p
        assert publisher_label(p, "vi") == names["vi"]
    # the fallback is the outlet's own name
    assert publisher_label("Báo Ví Dụ", "vi") == "Báo Ví Dụ"


def test_every_derivation_formula_is_read_in_the_readers_language() -> None:
    """Each bracketed phrase of a derivation rule's formula has catalogue words, so a
    Vietnamese report never shows an English "(as of the same date of the previous year)"."""
    import re

    from bhxh_analysis.i18n import catalogue, formula_text
    from bhxh_analysis.metrics.derive import RULES

    phrases = catalogue()["formula_phrases"]
    for rule in RULES:
        for phrase in re.findall(r"\([^()]*\)", rule.method):
            assert phrase in phrases, (rule.name, phrase)
        for lang in ("vi", "en"):
            text = formula_text(rule.method, lang)
            assert not any(p in text for p in phrases if phrases[p][lang] != p), text


def test_every_policy_instrument_is_named_in_both_languages() -> None:
    """An English reader meets "Resolution 28-NQ/TW", not "Nghị quyết 28-NQ/TW", beside a
    target (the en reports read "Nghị quyết 28-NQ/TW (2018) — target for 2025"), and a
    Vietnamese reader no English instrument name."""
    import pandas as pd

    from bhxh_analysis import config
    from bhxh_analysis.i18n import instrument_label

    names = sorted(set(pd.read_csv(config.raw_dir() / "targets.csv", dtype=str)["instrument"]))
    for name in names:
        en, vi = instrument_label(name, "en"), instrument_label(name, "vi")
        assert not any(w in en for w in ("Nghị quyết", "Quyết định", "mục tiêu")), name
        assert not any(w in vi for w in ("Resolution", "Decision", "target", "goal")), name


@pytest.mark.parametrize(("name", "en"), [
    ("Phường 1", "Ward 1"), ("Phường 10", "Ward 10"), ("Quận 1", "District 1"),
    ("Xã 7", "Commune 7"), ("Phường 4 (Đà Lạt)", "Ward 4 (Đà Lạt)"),
])
def test_a_numbered_unit_is_named_in_the_readers_words(name: str, en: str) -> None:
    """English pages showed the registry's Vietnamese "Phường 1" for a numbered ward."""
    from bhxh_analysis import i18n

    assert i18n.place_label(name, "en") == en
    assert i18n.place_label(name, "vi") == name
    if "(" not in name:
        assert i18n.unit_full_name(name, name, "en") == en
        assert i18n.unit_full_name(name, name, "vi") == name
    # names that merely hold a number or a kind word are left alone
    assert i18n.place_label("Hồ Chí Minh", "en") == "Hồ Chí Minh"
    assert i18n.place_label("Phường Vỹ Dạ", "en") == "Phường Vỹ Dạ"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_province_page_names_numbered_wards_in_the_readers_words(lang: str) -> None:
    import pandas as pd
    from conftest import report_obs

    from bhxh_analysis import i18n
    from bhxh_analysis.reports import data as report_data
    from bhxh_analysis.reports.province import ProvinceReport

    ward = ("26524", "Phường 10", "commune", "legacy", "Hồ Chí Minh")
    rows = [("w-1", "s", ward, "2021-12-31", "bhyt_participants", 1000.0)]
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["Test"], "title": ["t"],
                            "address": [""], "published_date": [""]})
    targets = pd.DataFrame(columns=["target_id", "source_id", "instrument", "geo_name",
                                    "indicator", "year", "value"])
    bundle = report_data.Bundle(report_obs(rows), None, None, None, sources, targets, "")
    rpt = ProvinceReport("Bà Rịa - Vũng Tàu", "legacy", lang=lang, bundle=bundle)
    place = rpt._figures()["place"].tolist()
    assert place == [i18n.place_label("Phường 10", lang) + " (Vũng Tàu)"]
    assert place[0].startswith("Ward 10" if lang == "en" else "Phường 10")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_forecast_heading_without_a_year_names_no_day(lang: str) -> None:
    # a page with no report year (Hà Tây, merged in 2008) headed its empty forecast
    # section "Dự báo đến 31/12": a forecast to a day of no year. Without a year the
    # heading says "year-end"; with one, it gives the date.
    bare = i18n.t("forecast", lang)
    assert not re.search(r"\d+/\d+|31 December", bare), bare
    assert i18n.fmt_date("2020-12-31", lang) in i18n.t("forecast_title", lang, year=2020) \
        or "31 December 2020" in i18n.t("forecast_title", lang, year=2020)
