"""A rate of another year named by "tỷ lệ này" after a rate (issue 15, twelfth round).

A plan's page states the target rate, then where the place stood: "Tỉnh A đặt mục tiêu
đến năm 2020 có 25% lực lượng lao động tham gia BHXH. Năm 2015, tỷ lệ này mới đạt
12,3%." The second rate names neither scheme nor base ("tỷ lệ này", this rate): it is
the same rate — scheme, base and place of the rate read just before — in the year its
clause opens with. Before this round only a smaller place's "tỷ lệ này" after a coverage
was read (:func:`bhxh_analysis.extract.lists.smaller_place_rate`); the figure was left
unread ("percent without a cue").

The driver (:func:`bhxh_analysis.extract.core.extract_text`) asks :func:`rate_referred`
for a percent without a cue and :func:`referred_measure` for what it is: a result
(``coverage_pct``, dated 31 December of that year by the sentence's own dates) unless
its year lies after the publication or its clause states a target ("phấn đấu"), then a
target (``plan_coverage_pct`` of that year).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from . import patterns as P
from .figures import scheme_mentions

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["rate_referred", "referred_measure", "this_rate_scheme"]

#: "Năm 2015, tỷ lệ này mới đạt ", "; năm 2015 tỷ lệ đó chỉ là khoảng ": the clause
#: that opens with a year and refers back to the rate before, up to the figure.
_YEAR_THIS_RATE = re.compile(
    r"(?:^|[.;:\n]\s*|,\s*(?:còn\s+|trong\s+khi\s+)?)(?:đến\s+(?:hết\s+|cuối\s+)?|"
    r"cuối\s+|hết\s+|trong\s+)?năm\s+(?P<y>(?:19|20)\d{2})\s*,?\s*"
    r"t[ỷỉ]\s+lệ\s+(?:này|đó|trên)\s+(?P<verb>(?:(?:chỉ|mới|cũng|đã|sẽ|phấn\s+đấu|"
    r"dự\s+kiến)\s+)*(?:đạt|là|ở\s+mức|lên|tăng\s+lên)(?:\s+(?:mức|tới))?)\s*"
    r"(?:(?:khoảng|gần|hơn|trên|xấp\s+xỉ|ước)\s+)?$", re.I)

#: How far back the rate referred to may lie (characters from its end to the figure).
_REACH = 300

#: Target words in the clause: the year's rate is an aim, not a result.
_AIMED = re.compile(r"phấn\s+đấu|dự\s+kiến|sẽ|mục\s+tiêu|kế\s+hoạch|chỉ\s+tiêu", re.I)


def rate_referred(text: str, fig: Figure, s0: int, rate: Figure | None
                  ) -> tuple[Figure, int, bool] | None:
    """The rate "Năm 2015, tỷ lệ này mới đạt 12,3%" refers back to, with that year.

    Parameters
    ----------
    text : str
        The article.
    fig : Figure
        A percent that nothing else read (no scheme, base or cue of its own).
    s0 : int
        Where its sentence starts.
    rate : Figure or None
        The last rate read (a result's or a target's coverage) of a place.

    Returns
    -------
    tuple or None
        ``(rate, year, aimed)``: the rate referred to, the year the clause opens with and
        whether the clause states a target; ``None`` when the figure is not so worded, the
        rate lies too far back, or another scheme or a place is named in between (then
        "tỷ lệ này" may be another rate).
    """
    if fig.unit != "pct" or rate is None or rate.place is None \
            or isinstance(rate.place, str) or not rate.end <= fig.start <= rate.end + _REACH:
        return None
    lead = text[max(rate.end, s0 - 2, fig.start - 80):fig.start]
    m = _YEAR_THIS_RATE.search(lead)
    if m is None:
        return None
    at = fig.start - len(lead) + m.start()
    clause = text[at:fig.start]
    if P.SCHEME.search(clause) or P.PLACE_PREFIXED.search(text, rate.end, fig.start):
        return None
    if any(scheme != rate.scheme for _o, scheme, _j in scheme_mentions(text, rate.end, at)):
        return None  # another scheme named since: "tỷ lệ này" may be its
    return rate, int(m["y"]), bool(_AIMED.search(m["verb"]))


def referred_measure(rate: Figure, year: int, aimed: bool,
                     published: _dt.date | None) -> str:
    """What a rate referred back to is in its own year: a target's rate when the clause
    aims ("phấn đấu", "sẽ") or the year ends after the publication (or, on a page with no
    publication date, is not before the target's own year); else a result's coverage."""
    if aimed:
        return "plan_coverage_pct"
    if published is not None:
        return "plan_coverage_pct" if year > published.year else "coverage_pct"
    own: Any = rate.as_of
    if rate.measure == "plan_coverage_pct" and own is not None and year >= own.year:
        return "plan_coverage_pct"
    return "coverage_pct"


#: A clause that opens with "this rate" up to the figure: "; tỷ lệ này thấp hơn chỉ tiêu
#: Nghị quyết (", "; tỷ lệ trên vượt kế hoạch ".
_THIS_RATE_CLAUSE = re.compile(r"(?:^|[;.:]\s*|,\s*(?:nhưng\s+|tuy\s+nhiên\s+)?)"
                               r"t[ỷỉ]\s+lệ\s+(?:này|đó|trên)\b[^;.]*$", re.I)


def this_rate_scheme(text: str, fig: Figure, s0: int, kept: list[Figure]) -> str | None:
    """The scheme of a plan or gap in a clause about "tỷ lệ này" (this rate), after a rate.

    "Toàn tỉnh có 78.640 người tham gia BHXH, chiếm 16,8% lực lượng lao động, trong đó
    …, BHXH tự nguyện 26.330 người; tỷ lệ này thấp hơn chỉ tiêu (18%) 1,2 điểm phần
    trăm" (set 30): the plan and the gap are of the rate the clause names back (BHXH's
    coverage), not of the scheme named last (voluntary, a part's count). Only a clause
    that opens with "tỷ lệ này / đó / trên" and names no scheme of its own, after a
    coverage read in the same sentence (``kept``); otherwise ``None``. A plan's count
    with no scheme of its own whose sentence goes on "; như vậy, số người tham gia BHXH
    mới đạt 95,9% kế hoạch" (set 34) is the plan of the scheme that clause measures.
    """
    if fig.unit != "pct" and "điểm" not in text[fig.end:fig.end + 12]:
        return _plan_measured_after(text, fig)
    rate = next((f for f in reversed(kept) if f.measure == "coverage_pct" and f.scheme
                 and s0 <= f.end <= fig.start), None)
    if rate is None:
        return None
    m = _THIS_RATE_CLAUSE.search(text, rate.end, fig.start)
    if m is None or P.SCHEME.search(text, m.start(), fig.start):
        return None
    return rate.scheme


#: A plan's count, then "; như vậy (thì), … đạt N% kế hoạch": a clause that measures a
#: scheme's result against the plan just stated.
_MEASURED_AFTER = re.compile(r"\s*(?:người\s*)?;\s*(?:như\s+vậy|qua\s+đó)\s*,?"
                             r"(?P<clause>[^;.]*?)\bđạt\s+[\d.,]+\s*%\s*(?:kế\s+hoạch|chỉ\s+tiêu)",
                             re.I)


def _plan_measured_after(text: str, fig: Figure) -> str | None:
    """The one scheme the clause after a plan's count measures against it, if any."""
    own = max(text.rfind(c, 0, fig.start) for c in (";", ". ", "\n")) + 1  # its clause
    if not (fig.measure or "").startswith("plan_") or fig.unit not in ("count", "bare") \
            or P.SCHEME.search(text, own, fig.start):
        return None
    m = _MEASURED_AFTER.match(text, fig.end)
    if m is None:
        return None
    named = {x[1] for x in scheme_mentions(text, m.start("clause"), m.end("clause")) if not x[2]}
    return named.pop() if len(named) == 1 else None
