"""Horizontal bars with target marks and value labels that never meet them (:func:`bars`)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib
import pandas as pd
from matplotlib.axes import Axes

from .. import i18n
from ..chartout import FONT
from .common import PALETTE, TARGET_COLOR, _new_axes, legend_below, number_formatter, style


def _label_place(v: float, tv: float | None, width: float, top: float) -> tuple[str, float]:
    """Where a bar's value label goes so that it never crosses the bar's target mark.

    Inside a long bar (white) unless the mark falls under it; otherwise just past the bar,
    or past the mark when the mark sits where the label would be. Returns ``("inside",
    v)`` or ``("outside", x)`` with ``x`` the label's anchor; ``width`` is the room the
    label takes in data units (its gaps included), measured once the figure is laid out:
    a label goes inside only a bar at least that long.

    Examples
    --------
    >>> _label_place(80.0, None, 10.0, 100.0), _label_place(12.4, 13.2, 23.0, 100.0)
    (('inside', 80.0), ('outside', 13.2))
    """
    def hit(lo: float, hi: float) -> bool:
        return tv is not None and lo <= tv <= hi

    fits = v >= width
    if v > 0.25 * top and fits and not hit(v - width, v):
        return "inside", v
    if not hit(v, v + width):
        return "outside", v
    if fits and not hit(v - width, v):
        return "inside", v
    return "outside", max(v, tv if tv is not None else v)


#: Gap (points) between a value label and the end of its bar (inside) or the bar or mark
#: it follows (outside); an inside label also keeps it from the bar's start.
LABEL_GAP = 4.0


def _value_labels(ax: Axes, values: Sequence[float], marks: Sequence[float | None],
                  texts: Sequence[str], top: float) -> None:
    """Write each bar's value inside the bar where it fits once laid out, else past it.

    The room a bar has on the page is known only after the figure's layout (long place
    names narrow the axes: Hà Tĩnh's 12.4 % bar is 19 points long in
    English, its label 28). So the figure is laid out (drawn without rendering), each
    label measured with the renderer (in bold, the wider weight) and placed by
    :func:`_label_place`; the figure is laid out again, and the labels placed again,
    until a layout gives the placement it was drawn with (a label past its bar enters
    the layout and can narrow the axes).
    """
    fig = ax.figure
    labels = [ax.annotate(t, xy=(0.0, i), xytext=(0, 0), textcoords="offset points",
                          va="center", fontsize=8, fontfamily=FONT, fontweight="bold")
              for i, t in enumerate(texts)]
    fig.draw_without_rendering()  # lays the figure out; the renderer now exists
    gap = LABEL_GAP * fig.dpi / 72
    room = [lbl.get_window_extent().width + 2 * gap for lbl in labels]  # pixels
    placed: list[tuple[str, float]] = []
    for _ in range(len(labels) + 1):  # bounded: one pass a label, and one to confirm
        per_px = top / ax.bbox.width
        places = [_label_place(v, tv, w * per_px, top)
                  for v, tv, w in zip(values, marks, room, strict=True)]
        if places == placed:
            break
        for lbl, v, (where, at) in zip(labels, values, places, strict=True):
            inside = where == "inside"
            lbl.xy = (at, lbl.xy[1])
            lbl.xyann = (-LABEL_GAP if inside else (LABEL_GAP + 2 if at > v else LABEL_GAP), 0)
            lbl.set(ha="right" if inside else "left", color="white" if inside else "black",
                    fontweight="bold" if inside else "normal")
        placed = places
        fig.draw_without_rendering()


def bars(df: pd.DataFrame, x: str, y: str, *, target: str | None = None,
         ax: Axes | None = None, lang: str = "vi", pct: bool = True, title: str | None = None,
         xlabel: str | None = None, target_label: str | None = None,
         qualifier: str | None = None) -> Axes:
    """Draw horizontal bars (``x`` = length, ``y`` = label) with an optional target mark.

    Value labels sit inside long bars and just past short ones, so they never meet a
    target mark drawn on the bar; a label goes inside only a bar it fits in once the
    figure is laid out (:func:`_value_labels`), so draw on ``ax`` after the rest of its
    figure. The legend sits under the axes. The value axis says what it measures
    (``xlabel``; a percentage defaults to the catalogue's "coverage (%)"). ``qualifier``:
    a column of the kind of each value's printed qualifier, said in its label ("trên
    92,3%", as the table beside it; :func:`bhxh_analysis.i18n.qualified`).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"place": ["Đà Lạt", "Đức Trọng"], "coverage": [83.23, 68.9],
    ...                    "target": [90.0, 93.2]})
    >>> ax = bars(df, x="coverage", y="place", target="target")
    >>> len(ax.patches), [t.get_color() for t in ax.texts]
    (2, ['white', 'white'])
    """
    import seaborn as sns

    i18n.check_lang(lang)
    n = len(df)
    ax = _new_axes(ax, 8.0, max(1.6, 0.45 * n + 1.0))
    data = df.reset_index(drop=True)
    with matplotlib.rc_context(style()):
        sns.barplot(data=data, x=x, y=y, ax=ax, color=PALETTE[0], orient="h", width=0.6,
                    errorbar=None)
    top = max([100.0 if pct else 0.0, *data[x].dropna().tolist(),
               *(data[target].dropna().tolist() if target else [])]) * 1.02
    ax.set_xlim(0, top)
    if target:
        tys = [i for i, tv in enumerate(data[target].tolist()) if pd.notna(tv)]
        if tys:
            ax.scatter(data[target].iloc[tys], tys, marker="|", s=500, linewidths=2.5,
                       color=TARGET_COLOR, zorder=3, label=target_label or target)
    ax.xaxis.set_major_formatter(number_formatter(lang, pct))
    if xlabel is None and pct:
        xlabel = i18n.t("axis_coverage_pct", lang)
    ax.set_xlabel(xlabel or "")
    ax.set_ylabel("")
    ax.grid(axis="y", visible=False)
    if title:
        ax.set_title(title, loc="left", fontweight="bold", fontsize=11)
    legend_below(ax)  # the target mark's legend, under the value axis' label
    values = data[x].tolist()
    marks = ([None if pd.isna(tv) else float(tv) for tv in data[target].tolist()] if target
             else [None] * n)
    kinds = data[qualifier].tolist() if qualifier and qualifier in data else [""] * n
    texts = [i18n.qualified(i18n.fmt_pct(v, lang) if pct else i18n.fmt_number(v, lang), k, lang)
             for v, k in zip(values, kinds, strict=True)]
    _value_labels(ax, values, marks, texts, top)
    return ax
