"""How wide a report table must be at least, as a browser lays it out (no browser needed).

A table with automatic layout is never narrower than the sum of its columns' min-content
widths: each column is as wide as its longest run of text that cannot wrap (a word; a
whole cell or span with ``white-space:nowrap``), plus the cell's padding. When that sum
is above the page's 1,100 px (``templates/report.css``: ``.bhxh{max-width:1100px}``) the
table overflows whatever else is done. Widths come from the DejaVu Sans metrics the page
asks for first (matplotlib ships the fonts), at the size the rendered page uses:
nbconvert's 14 px content type times the table's ``font-size``. Measured with chromium
against the rendered Gia Lai 2025 page (English): forecast table 1,222 px in the
browser, 1,223 px here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from bhxh_analysis.reports.render import css

#: The page's width (``.bhxh{max-width:1100px}``).
PAGE_PX = 1100.0
#: nbconvert's content font size (``--jp-content-font-size1``), the tables' base.
BASE_PX = 14.0


def _font(bold: bool, size: float):
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    return ImageFont.truetype(str(path), size=max(1, round(size * 64)))


def text_px(text: str, bold: bool, size: float) -> float:
    """Width of ``text`` in DejaVu Sans at ``size`` px (64× oversampled for precision)."""
    return _font(bold, size).getlength(text) / 64.0


# A line may break at an ordinary space, after an en dash ("4.334 –\u00a08.624" wraps
# after the dash although no-break spaces surround it) and after a hyphen before a letter.
_BREAKS = re.compile(r"(?<= )|(?<=–)|(?<=-)(?=[^\W\d_])")


def runs(text: str) -> list[str]:
    """The pieces of ``text`` a browser keeps on one line where wrapping is allowed.

    Examples
    --------
    >>> runs("1,330,603–1,465,915 (sign not known)")
    ['1,330,603–', '1,465,915', '(sign', 'not', 'known)']
    """
    return [p.strip(" ") for p in _BREAKS.split(text) if p.strip(" ")]


def _css_rules() -> dict[str, str]:
    """``selector -> declarations`` of the report style sheet."""
    out: dict[str, str] = {}
    for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", css()):
        for one in sel.split(","):
            out[" ".join(one.split())] = out.get(" ".join(one.split()), "") + ";" + body
    return out


def _prop(rules: dict[str, str], selector: str, name: str) -> str | None:
    found = None
    for decl in rules.get(selector, "").split(";"):
        if ":" in decl and decl.split(":", 1)[0].strip() == name:
            found = decl.split(":", 1)[1].strip()
    return found


@dataclass
class Column:
    """A column's min-content width and the run that sets it."""

    px: float = 0.0
    run: str = ""


@dataclass
class Table:
    """One table: its class and, per column, the widest run that cannot wrap."""

    classes: list[str]
    columns: list[Column] = field(default_factory=list)

    @property
    def px(self) -> float:
        """The table's least width (the sum of its columns)."""
        return sum(c.px for c in self.columns)

    def widest(self, n: int = 3) -> list[str]:
        """The ``n`` runs that widen their columns most (what to shorten or let wrap)."""
        cols = sorted(self.columns, key=lambda c: -c.px)[:n]
        return [f"{c.run!r} {c.px:.0f} px" for c in cols]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        rules = _css_rules()
        self.rules = rules
        self.tables: list[Table] = []
        self.cell: dict | None = None
        self.col = 0
        self.nowrap_depth = 0
        self.stack: list[str] = []

    def _size(self, classes: list[str]) -> float:
        size = BASE_PX
        for sel in ["table.bhxh-table", *(f"table.bhxh-table.{c}" for c in classes
                                          if c != "bhxh-table")]:
            v = _prop(self.rules, f".bhxh {sel}", "font-size")
            if v and v.endswith("em"):
                size = BASE_PX * float(v[:-2])
        return size

    def _pad(self, tag: str, classes: list[str], cell_cls: list[str]) -> float:
        pad = None
        for sel in [f"table.bhxh-table {tag}",
                    *(f"table.bhxh-table.{c} {tag}" for c in classes if c != "bhxh-table")]:
            v = _prop(self.rules, f".bhxh {sel}", "padding")
            if v:
                parts = [float(p[:-2]) for p in v.split()]
                pad = 2 * (parts[1] if len(parts) > 1 else parts[0])
            lr = _prop(self.rules, f".bhxh {sel}", "padding-left")
            if lr:
                pad = 2 * float(lr[:-2])
        return pad or 0.0

    def _nowrap(self, selector: str, classes: list[str] = ()) -> bool:
        """``white-space:nowrap`` for ``table.bhxh-table <selector>``, the table's own
        classes' rules (``table.bhxh-table.wide td.num``) overriding the plain one."""
        value = None
        for table in ["table.bhxh-table", *(f"table.bhxh-table.{c}" for c in classes
                                            if c != "bhxh-table")]:
            value = _prop(self.rules, f".bhxh {table} {selector}", "white-space") or value
        return value == "nowrap"

    def handle_starttag(self, tag, attrs):
        cls = (dict(attrs).get("class") or "").split()
        if tag == "table":
            self.tables.append(Table(cls))
        elif tag == "tr":
            self.col = 0
        elif tag in ("th", "td") and self.tables:
            classes = self.tables[-1].classes
            nowrap = any(self._nowrap(f"{tag}.{c}", classes) for c in cls)
            self.cell = {"tag": tag, "cls": cls, "parts": [], "nowrap": nowrap}
            self.nowrap_depth = 0
        elif tag == "span" and self.cell is not None:
            inner = any(self._nowrap(f"span.{c}") for c in cls)
            self.stack.append("nowrap" if inner else "")
            if inner:
                self.cell["parts"].append(("open", ""))
        elif tag == "br" and self.cell is not None:
            self.cell["parts"].append(("text", " "))

    def handle_endtag(self, tag):
        if tag == "span" and self.cell is not None and self.stack:
            if self.stack.pop() == "nowrap":
                self.cell["parts"].append(("close", ""))
        elif tag in ("th", "td") and self.cell is not None:
            self._close_cell()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["parts"].append(("text", data))

    def _close_cell(self) -> None:
        cell, table = self.cell, self.tables[-1]
        self.cell = None
        bold = cell["tag"] == "th"
        size = self._size(table.classes)
        pieces: list[str] = []
        depth, buf = 0, ""
        for kind, text in cell["parts"]:  # a nowrap span is one piece, whatever it holds
            if kind == "open":
                if depth == 0 and buf:
                    pieces += [buf]
                    buf = ""
                depth += 1
            elif kind == "close":
                depth -= 1
                if depth == 0:
                    pieces.append("\0" + buf)
                    buf = ""
            else:
                buf += text
        if buf:
            pieces.append(buf)
        cand: list[str] = []
        for p in pieces:
            if p.startswith("\0") or cell["nowrap"]:
                cand.append(" ".join(p.lstrip("\0").split()))
            else:
                cand += runs(" ".join(p.split(" ")).replace("\n", " "))
        width = max((text_px(r, bold, size) for r in cand), default=0.0)
        width += self._pad(cell["tag"], table.classes, cell["cls"])
        while len(table.columns) <= self.col:
            table.columns.append(Column())
        col = table.columns[self.col]
        if width > col.px:
            col.px, col.run = width, max(cand, key=lambda r: text_px(r, bold, size),
                                         default="")
        self.col += 1


def tables(page: str) -> list[Table]:
    """Every report table of an HTML page or fragment (class ``bhxh-table``)."""
    parser = _Tables()
    parser.feed(page)
    return [t for t in parser.tables if "bhxh-table" in t.classes]


def too_wide(page: str, limit: float = PAGE_PX) -> list[str]:
    """The tables of ``page`` that cannot fit ``limit`` px, with what widens them most."""
    return [f"table {i}: {t.px:.0f} px > {limit:.0f}: {'; '.join(t.widest())}"
            for i, t in enumerate(tables(page)) if t.px > limit]
