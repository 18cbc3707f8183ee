"""What a chart gives out and how it is checked: its Figure, its PNG bytes, the texts a
reader sees that overlap, the letters a font cannot draw.

Kept apart from :mod:`bhxh_analysis.plotting` (which re-exports every name here) so that
the drawing helpers and the legibility checks the tests rely on each stay short.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

FONT = "DejaVu Sans"
DPI = 100

__all__ = ["DPI", "FONT", "figure_of", "missing_glyphs", "overlapping_texts", "to_png"]


def figure_of(obj: Any) -> Figure:
    """Return the matplotlib Figure behind an Axes, a Figure or a seaborn grid.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> figure_of(ax) is fig
    True
    >>> plt.close(fig)
    """
    if isinstance(obj, Figure):
        return obj
    if isinstance(obj, Axes):
        return obj.figure
    fig = getattr(obj, "figure", None) or getattr(obj, "fig", None)
    if isinstance(fig, Figure):
        return fig
    raise TypeError(f"not a chart: {type(obj).__name__}")


def to_png(obj: Any, close: bool = True) -> bytes:
    """Return the PNG bytes of a chart (Axes, Figure or grid); close its figure.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> to_png(ax)[:4]
    b'\\x89PNG'
    """
    fig = figure_of(obj)
    buf = io.BytesIO()
    # No "Software" (matplotlib version) or date in the PNG: the same chart gives the same bytes.
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    return buf.getvalue()


def _drawn_texts(fig: Figure) -> list[Any]:
    """Texts a reader sees: tick labels only where their tick lies inside the view."""
    from matplotlib.axis import Tick
    from matplotlib.text import Text

    ticks = set()
    shown = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            tol = (hi - lo) * 1e-9
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                ticks.update({id(tick.label1), id(tick.label2)})
                if lo - tol <= tick.get_loc() <= hi + tol:
                    shown += [lbl for lbl in (tick.label1, tick.label2) if lbl.get_visible()]
    others = [t for t in fig.findobj(Text) if id(t) not in ticks
              and not isinstance(getattr(t, "axes", None), Tick)]
    return [t for t in [*others, *shown] if t.get_visible() and t.get_text().strip()]


def overlapping_texts(obj: Any, pad: float = 0.5) -> list[tuple[str, str]]:
    """Return pairs of visible texts of a chart whose boxes overlap (empty: legible).

    Used by the tests: tick labels (of ticks inside the view), value labels, titles,
    legend entries and annotations are compared by their rendered bounding boxes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.text(0.5, 0.5, "một"), ax.text(0.5, 0.5, "hai"), ax.text(0.1, 0.1, "ba")
    >>> overlapping_texts(fig)
    [('một', 'hai')]
    >>> plt.close(fig)
    """
    fig = figure_of(obj)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = []
    for art in _drawn_texts(fig):
        bb = art.get_window_extent(renderer)
        if bb.width <= 0 or bb.height <= 0:
            continue
        boxes.append((art.get_text(), bb.padded(-pad)))
    return [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if ba.overlaps(bb)]


def missing_glyphs(text: str, font: str = FONT) -> set[str]:
    """Return the characters of ``text`` that ``font`` cannot draw (empty set: all covered).

    Examples
    --------
    >>> missing_glyphs("Đắk Lắk, Thừa Thiên Huế")
    set()
    """
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font, fallback_to_default=False)
    cmap = FT2Font(path).get_charmap()
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}
