"""Forecasts of BHXH's parts beside the total's: the difference is said, never hidden.

BHXH participants are compulsory + voluntary, but each series is forecast from its own
figures; reconciling them was measured and not adopted (docs/forecasting.md), so a page
that shows all three says what the parts add up to and where that sum lies.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bhxh_analysis import i18n
from bhxh_analysis.reports.forecasts import COLUMNS
from bhxh_analysis.reports.words import forecast_sentences, parts_sum_notes

INDS = ["bhxh_participants", "bhxh_compulsory_participants", "bhxh_voluntary_participants"]


def _table(forecast: list[float], lo80: list[float], hi80: list[float],
           place: str = "Việt Nam") -> pd.DataFrame:
    t = pd.DataFrame({c: [np.nan] * 3 for c in COLUMNS})
    return t.assign(place=place, indicator=INDS, status="ok", as_of="2025-11-30",
                    last_as_of="2025-11-30", year=2025, forecast=forecast, lo80=lo80,
                    hi80=hi80, last_value=forecast, flags="", label="x")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_parts_that_do_not_add_up_are_said_with_the_total_interval(lang: str) -> None:
    t = _table([20_620_312.0, 18_678_805.0, 2_260_632.0],
               [20_400_000.0, 18_500_000.0, 2_200_000.0], [21_000_000.0, 19_000_000.0, 2_400_000.0])
    num = lambda v: i18n.fmt_number(v, lang)  # noqa: E731

    def said(key: str, hi: float) -> str:
        return i18n.t(key, lang, place="Việt Nam", total=i18n.scheme_label("bhxh", lang),
                      part1=i18n.scheme_label("bhxh_compulsory", lang),
                      part2=i18n.scheme_label("bhxh_voluntary", lang), sum=num(20_939_437),
                      forecast=num(20_620_312), diff=num(319_125), lo=num(20_400_000),
                      hi=num(hi))

    inside = said("forecast_parts_sum_inside", 21_000_000)
    assert parts_sum_notes(t, lang) == [inside]
    assert inside in forecast_sentences(t, lang)  # the page's forecast notes carry it
    # a sum outside the total's 80 % interval is said so
    narrow = t.assign(hi80=[20_800_000.0, 19_000_000.0, 2_400_000.0])
    assert parts_sum_notes(narrow, lang) == [said("forecast_parts_sum_outside", 20_800_000)]

def test_nothing_is_said_when_they_agree_or_a_part_is_missing() -> None:
    t = _table([100.0, 75.0, 25.0], [90.0, 70.0, 20.0], [110.0, 80.0, 30.0])
    assert parts_sum_notes(t, "en") == []
    two = _table([100.0, 80.0, 25.0], [90.0, 70.0, 20.0], [110.0, 80.0, 30.0]).iloc[:2]
    assert parts_sum_notes(two, "en") == []
    failed = _table([100.0, 80.0, 25.0], [90.0, 70.0, 20.0], [110.0, 80.0, 30.0])
    assert parts_sum_notes(failed.assign(status=["ok", "failed", "ok"]), "en") == []
    # two places on one page are each checked on their own
    both = pd.concat([_table([100.0, 80.0, 25.0], [90.0] * 3, [110.0] * 3, place="A"),
                      _table([100.0, 75.0, 25.0], [90.0] * 3, [110.0] * 3, place="B")])
    notes = parts_sum_notes(both, "en")
    assert len(notes) == 1 and notes[0].startswith("A:")


def test_the_sentence_adds_up_as_printed() -> None:
    """Parts and total in whole persons, as the table prints them: 60.4 + 40.4 → 100."""
    t = _table([100.2, 60.4, 40.4], [90.0] * 3, [110.0] * 3)
    assert parts_sum_notes(t, "en") == []
    t = _table([99.4, 60.4, 40.4], [90.0] * 3, [110.0] * 3)
    (note,) = parts_sum_notes(t, "en")
    assert "add up to 100, while the forecast of Social insurance (BHXH) is 99, a difference of 1;" in note


def test_a_table_without_dates_is_grouped_by_place() -> None:
    t = _table([99.4, 60.4, 40.4], [90.0] * 3, [110.0] * 3).drop(columns="as_of")
    (note,) = parts_sum_notes(t, "en")
    assert note.startswith("Việt Nam:")
