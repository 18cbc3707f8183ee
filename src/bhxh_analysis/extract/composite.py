"""Counts printed with two multipliers: "2 triệu 600 ngàn người" is one figure (issue 15).

Vietnamese pages print a count the way it is said: "2 triệu 600 ngàn người"
(2,600,000), "3 triệu 45 ngàn" (3,045,000), "15 nghìn 300 người" (15,300). The figure
finder (:func:`bhxh_analysis.extract.figures.find_figures`) sees two numbers there, each
with its own multiplier, and the first ("2 triệu") became a count of its own, the
second a second count. :func:`joined_figures` puts the two parts back together as one
:class:`~bhxh_analysis.extract.figures.Figure` spanning the whole printed number, with
the kind of unit the last part was read with (so "1 triệu 250 nghìn đồng" stays money).

"8 triệu 200 người" has two readings: 8,200,000 when "200" stands for 200 thousand (as
it is said aloud, the last multiplier left out) and 8,000,200 when read literally; so have
"2 triệu 25" (2,250,000 or 2,000,025) and "15 nghìn 3" (15,300 or 15,003), where a short
last part stands for the leading digits of the rest. "15 nghìn 300" reads 15,300 either
way: one reading. As
everywhere in the package (``clean.read_values`` refuses "1.234 triệu" naming both
readings), the reader does not pick one: the figure is read for what it counts, but its
row carries no value (``NaN``), a low confidence and a ``note`` naming both readings, for
the reviewer to decide. A composite inside a range ("từ 2 triệu 900 ngàn đến 3 triệu",
"2 triệu 900 ngàn - 3 triệu") has no single value: it and the other end are dropped.
Kept apart from :mod:`.core` and :mod:`.figures` (both near the house limit).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..schema import MULTIPLIERS as _MULT

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["AMBIGUOUS", "joined_figures", "note_of"]

#: Two parts of one count: a whole number with "triệu" (or "nghìn"), a space, then a
#: whole number below a thousand, with "nghìn/ngàn" after "triệu" or bare.
_COMPOSITE = re.compile(
    r"(?<![\w.,/:\-])(?P<a>\d{1,3})[^\S\n]*(?P<am>triệu|nghìn|ngàn)[^\S\n]+"
    r"(?P<b>\d{1,3})(?:[^\S\n]*(?P<bm>nghìn|ngàn)(?!\w))?"
    r"(?![\d/:%]|[.,]\d|[^\S\n]*%|[^\S\n]*(?:triệu|nghìn|ngàn|tỷ|tỉ)(?!\w)|\w)",
    re.IGNORECASE)
#: A range's second end right after a figure: "… - 3 triệu", "(từ …) đến 3 triệu".
_RANGE_AFTER = re.compile(r"[^\S\n]*(?:người[^\S\n]*)?(?:[-–]|(?P<to>đến|tới)[^\S\n])"
                          r"[^\S\n]*(?=\d)", re.IGNORECASE)
#: A range's first end right before a figure: "2 triệu - …", "từ 2 triệu đến …".
_RANGE_BEFORE = re.compile(
    r"(?:(?P<from>\btừ[^\S\n]+)?\d[\d.,]*(?:[^\S\n]*(?:triệu|nghìn|ngàn))?[^\S\n]*"
    r"(?:người[^\S\n]*)?(?:[-–]|(?P<to>đến|tới))[^\S\n]*)$", re.IGNORECASE)
#: The start of a note on an ambiguous composite (``Figure.notes``; the row's ``note``).
AMBIGUOUS = "ambiguous number"


def joined_figures(text: str, figs: list[Figure], s0: int, s1: int) -> list[Figure]:
    """The sentence's figures with each count printed in two parts read as one.

    Parameters
    ----------
    text : str
        The article.
    figs : list of Figure
        The figures :func:`~bhxh_analysis.extract.figures.find_figures` found in the
        sentence ``text[s0:s1]``, in text order.

    Returns
    -------
    list of Figure
        The same figures, where two parts of one printed count were found, replaced by
        one figure spanning both (``raw`` the whole printed number, the qualifier printed
        before it, the unit of the last part); a count with two readings keeps the
        spoken one as its value, for classification, and a note naming both
        (:func:`note_of`); a composite that is an end of a range goes, with its other end.
    """
    by_start = {f.start: f for f in figs}
    drop: set[int] = set()
    added: list[Figure] = []
    for m in _COMPOSITE.finditer(text, s0, s1):
        am, bm = m["am"].lower(), (m["bm"] or "").lower()
        if _MULT[am] == 10**3 and bm:
            continue  # "15 nghìn 300 nghìn": no count is printed so
        first, last = by_start.get(m.start()), by_start.get(m.start("b"))
        if first is None or first.unit == "pct":
            continue
        drop.update({m.start(), m.start("b")})
        after = _RANGE_AFTER.match(text, m.end(), s1)
        before = _RANGE_BEFORE.search(text[max(s0, m.start() - 40):m.start()])
        if (after and (not after["to"] or re.search(r"\btừ[^\S\n]*$", text[s0:m.start()])))\
                or (before and (not before["to"] or before["from"])):
            # "từ 2 triệu 900 ngàn đến 3 triệu người": a range, no single value; its
            # other end goes with it
            if after:
                drop.add(after.end())
            if before:
                drop.update(f.start for f in figs if f.start < m.start()
                            and f.end > m.start() - len(before[0]))
            continue
        if last is None or (not bm and last.unit == "other"):
            drop.discard(m.start())
            drop.discard(m.start("b"))
            # the second part is no figure ("… 200/KH-UBND") or counts other things
            # ("tăng 1 triệu 5 năm qua"): leave both be
            continue
        a, b, digits = int(m["a"]), int(m["b"]), len(m["b"])
        value = a * _MULT[am] + b * (_MULT[bm] if bm else 1)
        notes, penalty = list(first.notes), max(first.penalty, last.penalty)
        # a bare last part stands, when said aloud, for the leading digits of the rest:
        # "8 triệu 200" = 8,200,000, "2 triệu 25" = 2,250,000, "15 nghìn 3" = 15,300
        spoken = a * _MULT[am] + b * _MULT[am] // 10**digits
        if not bm and spoken != value:
            literal = value
            value, penalty = spoken, penalty + 0.4  # a reviewer must decide
            notes.append(f"{AMBIGUOUS}:{spoken}:{literal}")
        added.append(replace(first, end=m.end(), raw=text[m.start():m.end()],
                             value=float(value), unit=last.unit, penalty=penalty, notes=notes))
    return sorted([f for f in figs if f.start not in drop] + added, key=lambda f: f.start)


def note_of(fig: Figure) -> tuple[float | None, str]:
    """The value a figure's row carries and its note: ``(None, note)`` for a count with
    two readings ("8 triệu 200": 8,200,000 as said aloud, 8,000,200 literally), else
    ``(fig.value, "")``."""
    for n in fig.notes:
        if n.startswith(AMBIGUOUS + ":"):
            spoken, literal = (int(x) for x in n.split(":")[1:3])
            return None, (f"{AMBIGUOUS} {fig.raw!r}: {spoken:,} if the last part means "
                          f"thousands (as said aloud), {literal:,} if read literally; "
                          "set the value in review")
    return fig.value, ""
