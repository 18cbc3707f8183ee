"""Figures that are printed like a place's figures but are no rows (real-page set 14).

Kept apart from :mod:`bhxh_analysis.extract.figures` so that the classifier only asks one
question here: is this figure a forecast, or a change restated in points?
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import patterns as P

if TYPE_CHECKING:
    from .figures import Figure


def not_a_row(fig: Figure, pre_q: str, prev: Figure | None) -> str | None:
    """The reason a figure is no row, or ``None``.

    Parameters
    ----------
    fig : Figure
        The figure being classified.
    pre_q : str
        The words between the figure before it in its sentence (or the sentence start)
        and the figure, its qualifier removed.
    prev : Figure or None
        The figure before it in its sentence.

    Returns
    -------
    str or None
        ``"a forecast"`` for a figure after "dự kiến" / "ước thực hiện" in its clause
        (an expectation is neither a target nor a result); ``"a change in points"`` for
        a percent "tương đương x% dân số" right after a change in persons (the change
        restated against the population, not a coverage rate).
    """
    if P.FORECAST.search(pre_q.rsplit(";", 1)[-1]):
        return "a forecast"
    if fig.unit == "pct" and prev is not None and prev.skip is None \
            and prev.measure == "change_participants" and P.EQUIVALENT_BEFORE.search(pre_q):
        return "a change in points"
    return None
