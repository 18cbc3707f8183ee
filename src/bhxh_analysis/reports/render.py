"""The reader's HTML: one small layer from DataFrames, charts and sentences to a page.

A notebook makes a :class:`Page` and hands it what the analysis produced::

    page = Page(lang)
    page.heading("coverage")
    page.table(cov)                                    # a DataFrame from the library
    page.figure(plotting.bars(cov, x="coverage", y="place", target="target", lang=lang))

Each call displays its block in the notebook (so the executed notebook and its HTML
export show it) and keeps it (so :meth:`Page.html` gives the whole page without
Jupyter, for tests). Column headings and cell formats come from :data:`COLUMNS` and the
i18n catalogue; a column not listed there is never shown, so internal columns
(``geo_code``, ``target_kind`` …) stay in the DataFrame for researchers and out of the page.
The style sheet is ``templates/report.css``.
"""

from __future__ import annotations

import base64
import html
import numbers
import re
from pathlib import Path
from typing import Any

import pandas as pd

from .. import i18n
from .data import SUMMARY_MIME
from .dates import date_text, is_flag

#: MIME type of the provenance a report's footer records (read back by the runner).
PROVENANCE_MIME = "application/vnd.bhxh.provenance+json"
#: How many hex digits of a sha256 or commit the footer shows (the title has all of them).
SHORT_HASH = 12

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

#: column → (catalogue key of its heading, cell format)
COLUMNS: dict[str, tuple[str, str]] = {
    "place": ("place", "text"),
    "geo_level": ("level", "level"),
    "indicator": ("indicator", "indicator"),
    "value": ("value", "value"),
    "coverage": ("coverage_pct", "pct"),
    "as_of": ("as_of", "date"),
    "target": ("target", "pct"),
    "target_source": ("target_source", "text"),
    "gap_pp": ("gap_pp", "pp"),
    "denominator": ("denominator", "count"),
    "persons_needed": ("persons_needed", "count"),
    "formula": ("formula", "text"),
    "source": ("source", "text"),
    "last_value": ("last_value", "count"),
    "forecast": ("forecast_value", "count"),
    "interval80": ("interval80", "text"),
    "interval95": ("interval95", "text"),
    "plan": ("plan", "count"),
    "p_meet_plan": ("p_meet_plan", "prob"),
    "pace_required": ("pace_required", "count"),
    "method": ("method_used", "method"),
    "n_obs": ("n_obs", "int"),
    "actual": ("actual_year_end", "count"),
    "check": ("check", "text"),
    "figures": ("figures", "text"),
    "implied": ("implied", "text"),
    "publisher": ("outlet", "text"),
    "title": ("title", "text"),
    "published": ("published", "month"),
    "reference": ("reference", "text"),
    "gives": ("source_gives", "text"),
    "instrument": ("source", "text"),
    "target_year": ("target_year", "year"),
    "n_cases": ("bt_n_cases", "int"),
    "mape": ("bt_mape", "pct"),
    "median_ape": ("bt_median_ape", "pct"),
    "skill_ape": ("bt_skill_ape", "num2"),
    "skill_mae": ("bt_skill_mae", "num2"),
    "coverage80": ("bt_coverage80", "pct"),
    "coverage95": ("bt_coverage95", "pct"),
    "winkler80_rel": ("bt_winkler80_rel", "num2"),
    "winkler95_rel": ("bt_winkler95_rel", "num2"),
    "median_scaled_error": ("bt_median_scaled_error", "num2"),
}
_NUMERIC = {"value", "pct", "pp", "count", "prob", "int", "num2"}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def css() -> str:
    """Return the report style sheet (``templates/report.css``)."""
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


class Html:
    """An HTML block for notebooks (``_repr_mimebundle_``), with a plain-text fallback."""

    def __init__(self, body: str, text: str = "", extra: dict[str, Any] | None = None) -> None:
        self.body = body
        self.text = text
        self.extra = extra or {}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, Any]:
        bundle = {"text/html": f'<div class="bhxh">{self.body}</div>',
                  "text/plain": self.text or " "}
        bundle.update(self.extra)
        return bundle

    def __repr__(self) -> str:
        return self.text or " "


def _cell(value: Any, fmt: str, lang: str, row: pd.Series) -> str:
    if fmt == "text":
        return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) \
            or value == "" else str(value)
    if fmt == "indicator":
        return i18n.indicator_label(str(value), lang)
    if fmt == "level":  # the unit's own kind where the table gives it (a ward: Phường)
        kind = row.get("unit_kind", "") if hasattr(row, "get") else ""
        return i18n.level_label(str(value), lang, "" if pd.isna(kind) else str(kind))
    if fmt == "date":
        return i18n.fmt_date(value, lang)
    if fmt == "month":
        text = str(value or "")
        if m := _MONTH.match(text):
            return i18n.fmt_month(int(m[1]), int(m[2]), lang)
        return i18n.fmt_date(text, lang) if len(text) == 10 else (text or "–")
    if fmt == "value":
        if str(row.get("indicator", "")).endswith("_shortfall_pp"):  # points, not a share
            return i18n.fmt_pp(value, lang)
        return i18n.fmt_value(value, str(row.get("unit", "")), lang)
    if fmt == "pct":
        return i18n.fmt_pct(value, lang)
    if fmt == "pp":
        return i18n.fmt_pp(value, lang)
    if fmt == "count":
        return i18n.fmt_number(value, lang)
    if fmt == "year":
        return "–" if pd.isna(value) else str(int(value))
    if fmt == "int":
        return i18n.fmt_number(value, lang)
    if fmt == "num2":
        return i18n.fmt_number(value, lang, 2)
    if fmt == "prob":
        return i18n.fmt_pct(None if pd.isna(value) else 100 * float(value), lang, 0)
    if fmt == "method":
        return i18n.method_label(str(value), lang) if isinstance(value, str) and value else "–"
    raise ValueError(f"unknown cell format {fmt!r}")


#: Cell formats a figure's range can be printed in (each end as the figure is printed).
_RANGED = {"value", "pct", "pp", "count"}


def _known(x: Any) -> bool:
    try:
        return x is not None and not bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _last_digit(text: str, lang: str) -> float:
    """The value of one unit of the last digit printed in ``text`` (``89,73%`` → 0.01)."""
    mark = i18n.fmt_number(0.5, lang, 1)[1]  # the language's decimal mark
    digits = text.rstrip("%").rpartition(mark)[2] if mark in text else ""
    return 10.0 ** -len(digits)


def _rate(fmt: str, row: pd.Series) -> bool:
    """Whether a cell is a rate or a gap in percentage points (a coverage, a % of plan,
    a coverage table's gap, a derived ``*_shortfall_pp``): figures printed with at most
    two decimals, whose ranges from rounded inputs can be a hundredth wide."""
    return fmt in ("pp", "pct") or (fmt == "value" and (
        row.get("unit") == "pct" or str(row.get("indicator", "")).endswith("_shortfall_pp")))


#: Decimals of a rate or gap column (:func:`bhxh_analysis.i18n.fmt_pct`'s most).
RATE_DECIMALS = 2


def same_coarser(lo: float, hi: float, lang: str, decimals: int = RATE_DECIMALS) -> bool:
    """Whether the range ``lo``–``hi`` of a figure printed with ``decimals`` decimals says
    no more than its value: its ends print alike with one decimal fewer, or it is
    narrower than half a unit of that coarser digit.

    A gap of two rates printed with two decimals (95,15 − 88,83) is known to a few
    hundredths: "+6,31 đến +6,33" says no more than "+6,32" and reads as fussy. When the
    ends agree to a tenth (+6,3 and +6,3) the range carries no information; "-0,4 đến
    -0,25" (-0,4 and -0,3 or -0,2) keeps it. Ends on either side of a rounding boundary
    of the coarser digit (Nghệ An's BHYT gap of 30/4/2023, 0,85–0,865: tenths 0,8 and
    0,9) do not make a range worth printing: one narrower than half a tenth is the
    value. The rule of every range of a rate (tables, forecast and plan sentences: the
    move needed in % of the latest figure, printed with one decimal, passes
    ``decimals=1``).

    Examples
    --------
    >>> same_coarser(6.31, 6.33, "vi"), same_coarser(-0.4, -0.25, "vi")
    (True, False)
    >>> same_coarser(-11.0, -9.1, "en"), same_coarser(0.85, 0.865, "en")
    (False, True)
    >>> same_coarser(133.94, 134.02, "vi", 1), same_coarser(4.9, 5.6, "vi", 1)
    (True, False)
    """
    digits = decimals - 1
    if abs(hi - lo) < 0.5 * 10.0 ** -digits - 1e-12:
        return True
    return i18n.fmt_number(lo, lang, digits) == i18n.fmt_number(hi, lang, digits)


def even_ends(first: str, last: str, lang: str) -> tuple[str, str]:
    """The two printed ends of a range with as many decimals each ("88%" beside "72,72%"
    → "88,00%"): a range never reads "133,9–134" or "+22,6 to +22,75".

    :func:`bhxh_analysis.i18n.fmt_pct` drops trailing zeros, so the shorter end is the
    same number with zeros added.

    Examples
    --------
    >>> even_ends("72,72%", "88%", "vi"), even_ends("+22.6", "+22.75", "en")
    (('72,72%', '88,00%'), ('+22.60', '+22.75'))
    >>> even_ends("1.234", "1.240", "vi")  # counts: the mark is a thousands separator
    ('1.234', '1.240')
    """
    mark = i18n.fmt_number(0.5, lang, 1)[1]  # the language's decimal mark

    def split(text: str) -> tuple[str, str, int]:
        core = text.removesuffix("%")
        return core, text[len(core):], len(core.rpartition(mark)[2]) if mark in core else 0

    parts = [split(first), split(last)]
    most = max(p[2] for p in parts)
    out = [core + ("" if n == most else (mark if n == 0 else "") + "0" * (most - n)) + unit
           for core, unit, n in parts]
    return out[0], out[1]


def value_text(value: Any, lo: Any, hi: Any, fmt: str, lang: str,
               row: pd.Series | None = None, qualifier: str | None = None
               ) -> tuple[str, bool]:
    """Return a figure as the reader should see it: its value, or the range its inputs allow.

    A derived figure carries ``lo``–``hi``, the range the rounding of its inputs allows
    (``value_lo``/``value_hi`` of ``derived.csv``: an input printed "trên 1 triệu" or
    "1,2 triệu" widens it). **Rule**: a printed number is read as known to half a unit
    of its last digit (``89,73%`` ± 0,005; ``91%`` ± 0,5), a count to ± 1 person (a sum or
    difference of counts printed in full is exact; the derive step gives it ± 1).
    When an end of the range lies further from the value than that, the range is printed
    instead of the value, each end as the value is printed (percentages with at most
    two decimals, whole persons), both with as many decimals (:func:`even_ends`:
    "72,72–88,00%"); otherwise the value alone. A coverage's range stops at
    100 % (never below the value itself). A range across zero (a change, a growth, a
    shortfall) says that its sign is not known. A probability (``prob``: the chance of
    meeting a plan known only as a range, at its two ends) prints as a range when its
    ends differ by 1 point or more. A rate or a gap in percentage points whose two ends
    print alike with one decimal fewer than the column, or lie closer than half a unit of
    that digit (:func:`same_coarser`: "+6,31 đến +6,33", "68,37–68,38%", "+0,85 đến
    +0,86") is printed as its value ("+6,32", "68,37%"), unless the range crosses zero.
    Without ``lo``/``hi`` the value is printed as before.
    A published figure its source printed "trên", "gần", ... (``qualifier``: the kind,
    ``over``, ``nearly``, ...: :func:`bhxh_analysis.i18n.qualified`) is printed with that
    word.

    Parameters
    ----------
    value, lo, hi : float
        The figure and the ends of its range (``NaN`` or ``None``: no range known).
    fmt : str
        Cell format of :data:`COLUMNS` (ranges for ``value``, ``pct``, ``pp``, ``count``).
    lang : {"vi", "en"}
    row : Series, optional
        The table row (``indicator`` and ``unit`` choose the format of ``value``).

    Returns
    -------
    (str, bool)
        The text and whether it is a range (a table with one explains ranges under it).

    Examples
    --------
    >>> value_text(89.7344, 89.7339, 98.7083, "pct", "vi")
    ('89,73–98,71%', True)
    >>> value_text(1042753, 1042698, 1147088, "count", "en")
    ('1,042,698–1,147,088', True)
    >>> value_text(91.0, 90.99, 91.01, "pct", "en")  # within the printed digit
    ('91%', False)
    >>> value_text(2680, 2679, 2681, "count", "vi")  # two exact counts' difference
    ('2.680', False)
    >>> value_text(3000, -47000.5, 53000.5, "count", "en")
    ('-47,000 to 53,000 (sign not known)', True)
    >>> value_text(682000, None, None, "value", "vi", pd.Series({"unit": "persons"}),
    ...            qualifier="nearly")
    ('gần 682.000', False)
    """
    row = row if row is not None else pd.Series(dtype=object)
    if qualifier in ("reached", "maybe_reached") and _known(value):
        # a gap to a bound target the rate has passed: "đã đạt", never "ít nhất -2,0"
        return i18n.t(f"gap_bound_{qualifier}", lang), False
    point = _cell(value, fmt, lang, row)
    if isinstance(qualifier, str) and qualifier in i18n.QUALIFIER_KINDS_WORDED \
            and _known(value):
        # a published figure with its source's qualifier: "gần 682.000", never "682.000";
        # a minimum (maximum) that would print as a range, e.g. the persons needed to a
        # target "trên 85%" over a derived population, is its range's lower (upper) end:
        # "ít nhất 1.499", not "ít nhất 1.509" above "1.499–1.514"
        end = {"at_least": lo, "at_most": hi}.get(qualifier)
        if _known(end) and fmt in _RANGED and value_text(value, lo, hi, fmt, lang, row)[1]:
            point = _cell(end, fmt, lang, row)
        return i18n.qualified(point, qualifier, lang), False
    if fmt == "prob" and _known(value) and _known(lo) and _known(hi) \
            and abs(float(hi) - float(lo)) >= 0.01 - 1e-12:  # P at a ranged plan's two ends
        first, last = (_cell(x, fmt, lang, row) for x in sorted((float(lo), float(hi))))
        if first != last:
            return i18n.t("range_dash", lang, lo=first.removesuffix("%"), hi=last), True
    if fmt not in _RANGED or not (_known(value) and _known(lo) and _known(hi)):
        return point, False
    value, lo, hi = float(value), float(lo), float(hi)
    if fmt in ("pct", "value") and str(row.get("indicator", "")).endswith("coverage_pct"):
        hi = min(hi, max(100.0, value))  # a share of a whole: never above it
    half = _last_digit(point, lang) / 2 * (1 + 1e-9)  # 1e-9: 1000 − 999.5 is a half
    if fmt == "count" or row.get("unit") == "persons":
        # counts printed in full are exact: the derive step's ± 0.5 a count makes the sum
        # or difference of two ± 1, which is no uncertainty a reader needs ("2.679–2.681")
        half = max(half, 1.0 + 1e-9)
    first, last = _cell(lo, fmt, lang, row), _cell(hi, fmt, lang, row)
    if max(value - lo, hi - value) <= half or first == point == last:
        return point, False
    if _rate(fmt, row) and not lo < 0 < hi and same_coarser(lo, hi, lang):
        return point, False  # "+6,31 đến +6,33": the gap is +6,32, to its last digit
    first, last = even_ends(first, last, lang)  # "72,72–88,00%", never "72,72–88%"
    if lo < 0 or first.startswith("+"):  # signed ends read apart: "-0.67 to +0.35"
        text = i18n.t("range_to", lang, lo=first, hi=last)
    else:  # one unit mark for both ends: "89,73–98,71%"
        unit = "%" if first.endswith("%") and last.endswith("%") else ""
        text = i18n.t("range_dash", lang, lo=first.removesuffix(unit) if unit else first,
                      hi=last)
    if lo < 0 < hi:
        text = i18n.t("range_sign_unknown", lang, range=text)
    return text, True


#: The paragraph class of the note explaining a range "a–b" (shown once a page).
RANGE_NOTE_CLASS = "note range-note"

#: A part of a place name up to this many characters is kept on one line in a table;
#: a longer one wraps between its words.
PLACE_ONE_LINE = 30


def place_html(name: str) -> str:
    """A place cell that wraps only between the name and its bracket.

    Gia Lai 2025's forecast table broke "Gia Lai (đến / 30/6/2025)" over three lines; now
    "Gia Lai" and "(đến 30/6/2025)" each stay on one line (a part longer than
    :data:`PLACE_ONE_LINE` characters wraps between its words).

    Examples
    --------
    >>> place_html("Gia Lai (đến 30/6/2025)")
    '<span class="nowrap">Gia Lai</span> <span class="nowrap">(đến 30/6/2025)</span>'
    """
    return " ".join(f'<span class="nowrap">{html.escape(p)}</span>'
                    if len(p) <= PLACE_ONE_LINE else html.escape(p)
                    for p in re.split(r" (?=\()", name))


#: A table of this many columns or more (the coverage and forecast tables) is class
#: ``wide`` (``templates/report.css``): a smaller type, and its numeric cells may wrap
#: after a range's dash or at a space ("1.330.603–" / "1.465.915"), never inside a
#: number. Gia Lai 2025's twelve forecast columns were 1,222 px wide on the 1,100 px
#: page; a narrow table keeps each figure on one line.
WIDE_TABLE = 11

def table_html(df: pd.DataFrame, lang: str, columns: list[str] | None = None,
               place: str | None = None, range_note: bool = True) -> str:
    """Return a DataFrame as an HTML table in ``lang``: headings and cells from :data:`COLUMNS`.

    ``lo80``/``hi80`` (and 95) become one interval column; columns not in
    :data:`COLUMNS` are left out, and so are ``place`` and ``geo_level`` when every row
    has the page's own ``place`` (or, when ``place`` is ``None``, every row of several
    has the same place): a legacy part or a district alone keeps its name, so it is
    not read as the province of the title. ``actual`` is left out when no row has one
    (unless ``columns`` names them). A column ``c`` with ``c_lo`` and ``c_hi`` beside it
    (a derived figure and the range its inputs allow) is printed by :func:`value_text`,
    and so is a published figure with its source's qualifier (``c_qualifier``, or
    ``qualifier`` for ``value``: "gần 682.000"); a date column ``c`` with ``c_approx``
    set is one its source gives only roughly (:mod:`~bhxh_analysis.reports.dates`:
    "cuối năm 2020", not "31/12/2020");
    when a cell prints a range, the catalogue's ``range_note`` follows the table (unless
    ``range_note`` is false: :class:`Page` explains ranges once, under its first table
    that prints one).
    """
    df = df.copy()
    for level in ("80", "95"):
        lo, hi = f"lo{level}", f"hi{level}"
        if lo in df and hi in df:
            df[f"interval{level}"] = [
                f"{i18n.fmt_number(a, lang)}\u00a0–\u00a0{i18n.fmt_number(b, lang)}"
                if pd.notna(a) and pd.notna(b) else "–"
                for a, b in zip(df[lo], df[hi], strict=True)]
    if columns is None:
        columns = [c for c in df.columns if c in COLUMNS]
        # A place and level the same on every row say nothing the title does not: left
        # out, so a wide table (the forecasts) fits the page. One row is the page's own
        # only when the page names its place (Nghệ An's one forecast read "Nghệ An,
        # Province" under the Nghệ An heading).
        own = place is None or ("place" in df and df["place"].eq(place).all())
        if (len(df) > 1 or place is not None) and own:
            columns = [c for c in columns
                       if c not in ("place", "geo_level") or df[c].nunique(dropna=False) > 1]
        elif len(df) > 1 and "place" in df and df["place"].nunique(dropna=False) == 1:
            # one place other than the page's (Gia Lai 2025's forecasts, all of "Gia Lai
            # (đến 30/6/2025)"): its name stays, a level the same on every row goes, so
            # the wide table fits the page
            columns = [c for c in columns
                       if c != "geo_level" or df[c].nunique(dropna=False) > 1]
        # the 31 December outcome is shown only for years already over
        columns = [c for c in columns if c != "actual" or df[c].notna().any()]
        for level in ("95", "80"):
            if f"interval{level}" in columns and "forecast" in columns:
                columns.remove(f"interval{level}")
                columns.insert(columns.index("forecast") + 1, f"interval{level}")
    head = "".join(f"<th>{html.escape(i18n.t(COLUMNS[c][0], lang))}</th>" for c in columns)
    body, ranged = [], False
    for _, row in df.iterrows():
        cells = []
        for c in columns:
            fmt = COLUMNS[c][1]
            cls = ' class="num"' if fmt in _NUMERIC else (
                ' class="nowrap"' if fmt in ("date", "month") else "")
            # the source's qualifier of a published figure: column ``c_qualifier``, or
            # ``qualifier`` for the headline's ``value``
            qual = row.get(f"{c}_qualifier", row.get("qualifier") if c == "value" else None)
            text, wide = value_text(row[c], row.get(f"{c}_lo"), row.get(f"{c}_hi"), fmt,
                                    lang, row, qual)
            if fmt == "date" and is_flag(row.get(f"{c}_approx")):  # "cuối năm 2020"
                text = date_text(row[c], True, lang)
            ranged |= wide
            cells.append(f"<td{cls}>{place_html(text) if c == 'place' else html.escape(text)}"
                         "</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = (f'<p class="{RANGE_NOTE_CLASS}">{html.escape(i18n.t("range_note", lang))}</p>'
            if ranged and range_note else "")
    kind = "bhxh-table wide" if len(columns) >= WIDE_TABLE else "bhxh-table"
    return (f'<table class="{kind}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>{note}')


def _show(obj: Html) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
        return
    if get_ipython() is not None:
        display(obj)


class Page:
    """The reader's page of a report, built block by block in the report language.

    Parameters
    ----------
    lang : {"vi", "en"}
    show : bool
        Display each block as it is added (in a notebook); blocks are always kept.
    place : str, optional
        The page's own place as its tables name it (a province report: the province);
        a table whose rows are all of another place keeps its place column.
    """

    def __init__(self, lang: str = "vi", show: bool = True, place: str | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        self.show = show
        self.place = place
        self.blocks: list[Html] = []
        self._ranges_told = False  # the range note has been shown (it is shown once)

    def _add(self, block: Html) -> None:
        self.blocks.append(block)
        if self.show:
            _show(block)

    def header(self, title: str, lines: list[str] = (), summary: dict | None = None) -> None:
        """Add the title, the lines under it and (for the index page) a summary."""
        body = (f"<style>{css()}</style><h1>{html.escape(title)}</h1>"
                + "".join(f'<p class="sub">{html.escape(x)}</p>' for x in lines if x))
        self._add(Html(body, title, {SUMMARY_MIME: summary} if summary else None))

    def heading(self, key: str, **values: Any) -> None:
        """Add a section heading: catalogue text ``key``."""
        text = i18n.t(key, self.lang, **values)
        self._add(Html(f"<h2>{html.escape(text)}</h2>", text))

    def subheading(self, text: str) -> None:
        """Add a smaller heading (text already in the report language)."""
        self._add(Html(f"<h3>{html.escape(text)}</h3>", text))

    def table(self, df: pd.DataFrame, columns: list[str] | None = None,
              empty: str | list[str] | None = None) -> None:
        """Add a table; when ``df`` is empty, the catalogue note ``empty`` instead (if
        given), or ``empty``'s sentences when it is a list (already in the page's
        language, e.g. :meth:`~.province.ProvinceReport.no_figures_notes`)."""
        if df.empty:
            if isinstance(empty, list):
                self.notes(empty)
            elif empty:
                self.notes([i18n.t(empty, self.lang)])
            return
        # the range note once a page: under the first table that prints a range (it
        # followed the coverage, derived and forecast tables alike, word for word)
        body = table_html(df, self.lang, columns, self.place, range_note=not self._ranges_told)
        self._ranges_told |= f'class="{RANGE_NOTE_CLASS}"' in body
        self._add(Html(body, f"{len(df)} rows"))

    def text_table(self, df: pd.DataFrame) -> None:
        """Add a table whose cells and headings are already text in the report language."""
        if df.empty:
            return
        body = df.to_html(index=False, escape=True, classes="bhxh-table", border=0, na_rep="–")
        self._add(Html(body, f"{len(df)} rows"))

    def notes(self, sentences: list[str], kind: str = "note", group: bool = False) -> None:
        """Add sentences: one boxed paragraph each (``kind`` ``note`` or ``warn``), or with
        ``group`` one per series they are about, its name said once
        (:func:`~bhxh_analysis.reports.notegroups.by_subject`: the forecast section)."""
        if sentences:
            from .notegroups import by_subject

            boxes = by_subject(sentences, self.lang) if group else sentences
            self._add(Html("".join(f'<p class="{kind}">{html.escape(s)}</p>' for s in boxes),
                           " ".join(sentences)))

    def bullets(self, sentences: list[str]) -> None:
        """Add sentences as a list."""
        if sentences:
            items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
            self._add(Html(f'<ul class="sentences">{items}</ul>', " ".join(sentences)))

    def figure(self, chart: Any, alt: str = "", *, what: str | None = None,
               place: str | None = None, dates: Any = (), forecast_to: Any = None) -> None:
        """Add a chart (Axes, Figure or seaborn grid) as an embedded PNG; close its figure.

        The image's alt text (read aloud to a reader who cannot see it) is ``alt``, or
        else :func:`chart_alt` of ``what`` (default: the chart's titles), ``place``
        (default: the page's), the years of ``dates`` and ``forecast_to``: never empty.
        """
        from .. import plotting

        if not alt:
            alt = chart_alt(self.lang, what if what else chart_titles(chart),
                            self.place if place is None else place, dates, forecast_to)
        png = base64.b64encode(plotting.to_png(chart)).decode("ascii")
        self._add(Html(f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{png}"/>',
                       alt or " "))

    def sources(self, df: pd.DataFrame) -> None:
        """Add the sources section (always the last section of a report)."""
        self.heading("sources")
        self.table(df, ["publisher", "title", "published",
                        *(["gives"] if "gives" in df else []), "reference"])

    def footer(self, provenance: dict[str, Any], report: Any = None) -> None:
        """Add the provenance footer (always the last block of a report).

        Parameters
        ----------
        provenance : dict
            ``package_version``, ``git_commit`` ("" outside a git checkout),
            ``data_checksum``, ``lock_sha256`` and ``parameters``, as the runner records
            them in ``manifest.csv``.
        report : object, optional
            The report object (``ProvinceReport``, ``NationalReport``, ``ForecastReport``);
            the date of the newest figure it uses is shown (see :func:`newest_figure`).
            Never the time of rendering: two renders of a report are identical.
        """
        meta = dict(provenance)
        meta["newest_figure"] = newest_figure(report)
        self._add(Html(footer_html(meta, self.lang), meta["newest_figure"] or " ",
                       {PROVENANCE_MIME: meta}))

    def html(self) -> str:
        """Return the whole page as one HTML document (what the reader's export shows)."""
        body = "".join(f'<div class="bhxh">{b.body}</div>' for b in self.blocks)
        return (f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
                f"</head><body>{body}</body></html>")


def chart_titles(chart: Any) -> str:
    """The titles of a chart's axes, in order, each once, joined by "; " ("" if none)."""
    from .. import plotting

    names = [ax.get_title(loc="left") or ax.get_title() for ax in plotting.figure_of(chart).axes]
    return "; ".join(dict.fromkeys(n for n in names if n))


def _years(dates: Any) -> list[int]:
    """The distinct years of ``dates`` (years as numbers, or date-likes), sorted."""
    values = pd.Series(list(dates) if not isinstance(dates, pd.Series) else dates).dropna()
    if values.empty:
        return []
    if pd.api.types.is_numeric_dtype(values):
        return sorted({int(v) for v in values})
    return sorted({int(v) for v in pd.to_datetime(values).dt.year})


def chart_alt(lang: str, what: str, place: str | None = None, dates: Any = (),
              forecast_to: Any = None) -> str:
    """Return the alt text of a chart image: what it shows, where, which years, to when.

    Parameters
    ----------
    lang : {"vi", "en"}
    what : str
        What the chart shows, already in ``lang`` (a title or a heading).
    place : str, optional
        Left out when ``what`` already names it.
    dates : sequence
        The dates (or years) drawn; written as their first and last year.
    forecast_to : int or date-like, optional
        The forecast's date (a year: its 31 December).

    Examples
    --------
    >>> chart_alt("vi", "BHXH tự nguyện: người tham gia", "Bắc Kạn",
    ...           pd.to_datetime(["2018-12-31", "2024-06-30"]), 2024)
    'Biểu đồ: BHXH tự nguyện: người tham gia, Bắc Kạn, 2018–2024, dự báo đến 31/12/2024'
    >>> chart_alt("en", "Coverage", "Bắc Kạn", [2020])
    'Chart: Coverage, Bắc Kạn, 2020'
    """
    years = _years(dates)
    parts = [what] if what else []
    if place and place not in what:
        parts.append(place)
    if years:
        parts.append(str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    if forecast_to is not None and not pd.isna(forecast_to):
        end = (pd.Timestamp(year=int(forecast_to), month=12, day=31)
               if isinstance(forecast_to, numbers.Real) else pd.Timestamp(forecast_to))
        parts.append(i18n.t("chart_alt_forecast", lang, date=i18n.fmt_date(end, lang)))
    return i18n.t("chart_alt", lang, what=", ".join(parts))


def newest_figure(report: Any) -> str:
    """Return the ISO date of the newest figure a report object uses ("" when none).

    Looks at the observations the report selected (``obs``; ``series`` for a forecast
    report), after its as-of cut-off. A plan is left out: it is dated 31 December of the
    year it is for, not when it was published (the 2022 Decision 546/QĐ-TTg sets each
    province's 2025 coverage plan), so it says nothing of how recent the data are — 19
    of the 63 legacy pages read "newest figure used: 31/12/2025" (Bắc Kạn, whose latest
    figure is a 2022 population).
    """
    from .data import measure_of

    dates = []
    for name in ("obs", "series"):
        df = getattr(report, name, None)
        if isinstance(df, pd.DataFrame) and "as_of" in df and len(df):
            if "indicator" in df:
                df = df[~measure_of(df["indicator"]).str.startswith("plan_").to_numpy()]
            dates.append(pd.to_datetime(df["as_of"]).max())
    dates = [d for d in dates if pd.notna(d)]
    return max(dates).date().isoformat() if dates else ""


def _hash_html(value: str, lang: str, missing: str = "prov_missing") -> str:
    """A hex digest, shortened, with the whole of it in the title (copyable on hover)."""
    if not value:
        return html.escape(i18n.t(missing, lang))
    return (f'<abbr title="{html.escape(value)}">{html.escape(value[:SHORT_HASH])}</abbr>'
            if len(value) > SHORT_HASH else html.escape(value))


def _parameter_text(key: str, value: Any, lang: str) -> str:
    if value is None or value == "":
        return i18n.t("prov_default", lang)
    if key == "boundaries":
        return i18n.t(f"boundaries_{value}", lang)
    if key == "lang":
        return i18n.t(f"lang_{value}", lang)
    if key == "as_of":
        return i18n.fmt_date(value, lang)
    if key == "level":
        return i18n.level_label(str(value), lang)
    if isinstance(value, bool):
        return i18n.t("answer_yes" if value else "answer_no", lang)
    return str(value)


def footer_html(meta: dict[str, Any], lang: str) -> str:
    """Return the provenance footer of a report in ``lang`` (labels from the catalogue).

    Parameters appear in the order the runner recorded them; a parameter left to its
    default reads "default", never ``None``.
    """
    t = lambda key: html.escape(i18n.t(key, lang))  # noqa: E731
    params = meta.get("parameters") or {}
    ptext = "; ".join(f"{i18n.t(f'param_{k}', lang)}: {_parameter_text(k, v, lang)}"
                      for k, v in params.items())
    newest = meta.get("newest_figure") or ""
    items = [
        (t("prov_version"), html.escape(str(meta.get("package_version", "")))),
        (t("prov_commit"), _hash_html(meta.get("git_commit", ""), lang, "prov_not_git")),
        (t("prov_data"), _hash_html(meta.get("data_checksum", ""), lang)),
        (t("prov_lock"), _hash_html(meta.get("lock_sha256", ""), lang)),
        (t("prov_parameters"), html.escape(ptext or i18n.t("prov_default", lang))),
        (t("prov_newest"), html.escape(i18n.fmt_date(newest, lang) if newest else "–")),
    ]
    rows = "".join(f"<li>{label}: {value}</li>" for label, value in items)
    return f'<footer class="provenance"><h2>{t("provenance")}</h2><ul>{rows}</ul></footer>'
