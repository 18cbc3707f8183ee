"""Every indicator a report can show has a real label in both languages."""

from __future__ import annotations

import itertools

import pytest

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
