"""A plan cited for what it says of the past, and a part after a plan's yardstick (set 27).

Two readings made a plan of a result:

* "Theo Kế hoạch, hết năm 2025, toàn thành phố có 4.071.200 người tham gia BHYT, đạt
  tỷ lệ bao phủ 95,3% dân số" on a page of February 2026 about the plan of 2026: the
  plan document is cited for its review of a year already over; the figures are that
  year's results. :func:`plan_review` tells such a sentence (bare "Theo kế hoạch,",
  a year's end before the publication, no aim word) so that the driver
  (:func:`bhxh_analysis.extract.core.extract_text`) does not read it as a sentence of
  targets. "Theo kế hoạch, đến hết năm 2026 …" and "Theo kế hoạch, năm 2025 tỉnh phấn
  đấu …" stay targets.
* "…, vượt 0,4 điểm phần trăm so với chỉ tiêu 94,5%; trong đó địa bàn tỉnh X cũ đạt
  95,8%": the plan is only the yardstick of a comparison; the rate of a part after
  "trong đó" is a result like the rate compared, not the plan's list going on
  (:func:`part_measure`, asked by :mod:`bhxh_analysis.extract.figures`).
"""

from __future__ import annotations

import datetime as _dt
import re

from . import patterns as P

_I = re.IGNORECASE
#: "Theo kế hoạch," bare: the plan document cited (not "Theo kế hoạch … giao").
_PLAN_CITED = re.compile(r"\s*Theo\s+kế\s+hoạch\s*,", _I)
#: "(đến) hết / cuối năm 2025", "đến 31/12/2025": the end of a year.
_YEAR_END = re.compile(r"(?:(?:hết|cuối)\s+năm\s+|31\s*/\s*12\s*/\s*)(?P<y>(?:19|20)\d{2})",
                       _I)
#: Words of an aim or an obligation: the sentence sets targets after all.
_AIM_WORD = re.compile(r"\b(?:phải|cần|giao|chỉ\s+tiêu|kế\s+hoạch\s+năm)\b", _I)


def plan_review(text: str, s0: int, pos: int, published: _dt.date | None) -> bool:
    """Whether a sentence citing a plan reports a year already over at publication.

    ``text[s0:pos]`` is the figure's sentence up to the figure. True for "Theo Kế
    hoạch, hết năm 2025, toàn thành phố có N người …" published in 2026: a year's end
    before the publication year and no aim word (:data:`_AIM_WORD`,
    :data:`patterns.TARGET`) between.
    """
    opening = _PLAN_CITED.match(text, s0)
    if published is None or opening is None:
        return False
    body = text[opening.end():pos]
    ends = [int(m["y"]) for m in _YEAR_END.finditer(body)]
    return bool(ends) and max(ends) < published.year and not P.TARGET.search(body) \
        and not _AIM_WORD.search(body)


def cited_target(text: str, s0: int, pos: int, published: _dt.date | None) -> bool:
    """Whether the sentence at ``s0`` is one of targets ("Theo chỉ tiêu được giao, …",
    :data:`patterns.TARGET_SENTENCE`) and not a plan's review of a past year
    (:func:`plan_review`)."""
    return bool(P.TARGET_SENTENCE.match(text, s0)) and not plan_review(text, s0, pos, published)


#: "so với chỉ tiêu (…) 94,5%" ending the text before a part: the plan as yardstick.
_YARDSTICK_END = re.compile(
    r"so\s+với\s+(?:\w+\s+){0,2}?(?:chỉ\s+tiêu|kế\s+hoạch)[^;.%\d]{0,40}?\d[\d.,]*\s*%\s*"
    r"\)?\s*[;,]?\s*(?:trong\s+đó|riêng)\b[^;%\d]*$", _I)


def part_measure(measure: str, before: str) -> str:
    """The measure of a rate going on a list whose last rate is ``measure``.

    ``before`` is the text up to the figure. A plan's rate cited as the yardstick of a
    comparison, then a part after "trong đó" / "riêng", gives the part a result's
    coverage; otherwise the list's measure stands.
    """
    if measure == "plan_coverage_pct" and _YARDSTICK_END.search(before):
        return "coverage_pct"
    return measure
