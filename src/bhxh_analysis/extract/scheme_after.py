"""A rate's scheme printed after its base (set 19): "… 92% dân số BHYT".

A list of aims or results may name each item's scheme after the base it is a share of:
"38% lực lượng lao động tham gia BHXH, 32% … tham gia BHTN, 92% dân số BHYT". The scheme
right after the base ("dân số", "lực lượng lao động (trong độ tuổi)") with at most a verb
of holding between ("tham gia", "có thẻ") is that rate's own, not the scheme of the item
before it. A comma or any other word between ends the rate's clause: a scheme after it
belongs to the next clause.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P

if TYPE_CHECKING:
    from .printed import Figure

__all__ = ["base_scheme", "bhxh_part_after", "participation_after", "scheme_after_base"]

#: a line break, then a line opened by a capital: the next line of a block
_NEXT_LINE = re.compile(rf"\n[ \t]*[{P.UPPER}]")


def participation_after(text: str, end: int) -> re.Match[str] | None:
    """The persons and "tham gia" (or the persons alone) right after a figure, if any.

    An infographic's block prints a label and its rate on each line: "Bao phủ BHYT: 97,8%
    dân số⏎Tham gia BHXH: 18% lực lượng lao động" (set 25). "Tham gia BHXH" opens the
    next line's label, not the words after the rate above it ("97,8% dân số tham gia
    BHXH"), so a match that runs into a line opened by a capital is none; a sentence
    wrapped inside ("… 97,8% dân số⏎tham gia BHYT") still reads on.

    Examples
    --------
    >>> participation_after("97,8% dân số\\nTham gia BHXH: 18%", 5) is None
    True
    >>> participation_after("97,8% dân số\\ntham gia BHYT", 5).group().split()[-2:]
    ['tham', 'gia']
    """
    m = P.PARTICIPATE_AFTER.match(text, end) or P.PERSON_AFTER.match(text, end)
    if m is not None and _NEXT_LINE.search(text, end, m.end()):
        return None
    return m


#: The base right after a rate, then at most a verb of holding, up to the scheme's name.
_BASE_THEN = re.compile(
    r"\s*(?:dân\s+số|lực\s+lượng\s+(?:lao\s+động|trong\s+độ\s+tuổi\s+lao\s+động)"
    r"(?:\s+trong\s+độ\s+tuổi(?:\s+lao\s+động)?)?)"
    r"[ \t]+(?:(?:tham\s+gia|có\s+thẻ|được\s+cấp\s+thẻ)[ \t]+)?(?=\S)", re.I)


def scheme_after_base(text: str, fig: Figure) -> str | None:
    """The scheme named right after a rate's base ("92% dân số BHYT"), else ``None``.

    Returns ``"joint"`` for several schemes named together there ("dân số BHYT, BHXH").
    """
    if fig.unit != "pct":
        return None
    m = _BASE_THEN.match(text, fig.end)
    if m is None:
        return None
    s = P.SCHEME.match(text, m.end())
    if s is None:
        return None
    name = next(k for k, v in s.groupdict().items() if v)
    if name == "bhxh" and P.AGENCY_AFTER.match(text, s.end()):
        return None  # "… dân số BHXH tỉnh …": the agency
    if re.match(r"\s*(?:,|và|/)\s*(?:BH|[Bb]ảo\s+hiểm)", text[s.end():s.end() + 20]):
        return "joint"
    return name


#: "đạt 2,94% so với tổng số" closing its clause: no noun of its own after "tổng số".
_OF_TOTAL = re.compile(r"\s*so\s+với\s+tổng\s+số\s*(?=[,.;)(\n]|và\s|$)", re.I)
#: The base a breakdown's first rate named: "… so với tổng lực lượng lao động".
_BASE_NAMED = re.compile(r"lực\s+lượng\s+lao\s+động|dân\s+số", re.I)


def share_of_total(after: str, sentence: str) -> bool:
    """Whether a rate "so với tổng số" is its scheme's share of the base named before.

    "… 8.835 người tham gia BHXH, đạt 11,93% so với tổng lực lượng lao động; trong đó
    … 1.915 người tham gia BHXH tự nguyện, đạt 2,94% so với tổng số": the total is the
    labour force (or the population) its sentence named, so the rate is a coverage.
    "so với tổng số người phải tham gia" names another base (not matched here).
    """
    return bool(_OF_TOTAL.match(after)) and bool(_BASE_NAMED.search(sentence))


#: "… người tham gia bắt buộc", "… người tự nguyện": a part of BHXH named by its kind only.
_PART_AFTER = re.compile(r"\s*(?:người|lao\s+động)(?:\s+tham\s+gia)?(?:\s+BHXH)?\s+"
                         r"(?P<kind>bắt\s+buộc|tự\s+nguyện)(?!\w)", re.I)


def bhxh_part_after(text: str, end: int, scheme_before: str | None) -> str | None:
    """The part of BHXH a count names after it, after a BHXH total in its sentence.

    "… có 228.650 người tham gia BHXH, …, gồm 151.420 người tham gia bắt buộc và
    77.230 người tham gia tự nguyện": the parts are compulsory and voluntary BHXH (they
    had been read as two more BHXH totals). Only when the scheme named last before the
    count is BHXH (``scheme_before``), as a total's parts follow it.
    """
    m = _PART_AFTER.match(text, end)
    if m is None or scheme_before != "bhxh":
        return None
    return "bhxh_compulsory" if m["kind"].lower().startswith("b") else "bhxh_voluntary"


#: The base printed right after a rate: the population (BHYT's) or the labour force.
_BASE_AFTER = re.compile(r"[ \t]*(?:của[ \t]+)?(?:(?P<pop>dân\s+số)|lực\s+lượng\s+lao\s+động)",
                         re.I)
#: The schemes whose coverage is a share of the labour force.
_LABOUR_SCHEMES = ("bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn")


def base_scheme(text: str, fig: Figure, carried: str | None) -> str | None:
    """The scheme a rate's base implies when the rate names none (fifteenth blind set).

    "Tỷ lệ bao phủ: 94,3% dân số" is BHYT's (the population is its denominator); "31,2%
    lực lượng lao động" a labour-force scheme's: the one carried if it is one (BHXH,
    BHTN), else BHXH — never the BHYT of the last rate read. ``None`` without a base.

    Examples
    --------
    >>> from bhxh_analysis.extract.printed import Figure
    >>> t = "31,2% lực lượng lao động"
    >>> base_scheme(t, Figure(0, 5, "31,2%", 31.2, "pct"), "bhyt")
    'bhxh'
    """
    m = _BASE_AFTER.match(text, fig.end) if fig.unit == "pct" else None
    if m is None:
        return None
    if m["pop"]:
        return "bhyt"
    return carried if carried in _LABOUR_SCHEMES else "bhxh"
