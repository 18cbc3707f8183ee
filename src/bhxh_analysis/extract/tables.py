"""Tables whose rows are places: the header names what each column counts.

A release often prints its districts as a table, one row per place, the cells separated
by " | " (HTML tables are read so by :func:`bhxh_analysis.extract.read_article`) or by tabs::

    Đơn vị | Người tham gia BHYT | Tỷ lệ bao phủ
    TP Buôn Ma Thuột | 351.420 | 94,1%

The header is read once per column (scheme and measure, see :func:`column_reading`); a
figure in a data row takes its column's reading and the place of the row's first cell
(the driver in :mod:`bhxh_analysis.extract.core` resolves it and dates it from the text
around). Rows whose first cell names a scheme ("BHXH bắt buộc | 112.400") are the other
kind of table: under a header naming two measures or more ("Chỉ tiêu | Kế hoạch năm 2020
| Thực hiện 6 tháng | Tỷ lệ") they are read column by column for the place in context
(:func:`find_scheme_tables`); without such a header they are left to the sentence reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import ParseError, parse_quantity
from . import patterns as P
from .figures import Figure, scheme_mentions

__all__ = ["TableRow", "cell_figures", "column_reading", "find_place_tables",
           "find_scheme_tables"]

_CELL_SEP = re.compile(r"[ \t]*(?:\||\t)[ \t]*")


@dataclass(frozen=True)
class TableRow:
    """A data row of a table of places: its span, its cells' spans and each column's
    (scheme, measure) from the header (``None`` where the header says nothing usable)."""

    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    columns: tuple[tuple[str | None, str | None], ...]
    #: a row of a table whose rows are schemes: its figures are the place in context's
    by_scheme: bool = False

    def column_of(self, pos: int) -> int | None:
        """Index of the cell that holds offset ``pos``."""
        return next((j for j, (a, b) in enumerate(self.cells) if a <= pos < b), None)


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in _CELL_SEP.finditer(text, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return out


def column_reading(cell: str) -> tuple[str | None, str | None]:
    """The scheme and measure a header cell names.

    Examples
    --------
    >>> column_reading("Người tham gia BHYT")
    ('bhyt', 'participants')
    >>> column_reading("Tỷ lệ bao phủ (%)")
    (None, 'coverage_pct')
    >>> column_reading("Số thu (tỷ đồng)")
    (None, None)
    """
    found = [x for x in scheme_mentions(cell, 0, len(cell)) if not x[2]]
    scheme = found[0][1] if found else None
    if P.MONEY_CONTEXT.search(cell) or re.search(r"đồng|\bthẻ\s+cấp|lượt", cell, re.I):
        return scheme, None
    rate = re.search(r"t[ỷỉ]\s+lệ|bao\s+phủ|%", cell, re.I)
    # "Tỷ lệ so kế hoạch" (set 36) as "so với kế hoạch": the share of the plan reached
    if re.search(r"(?:đạt|\bso(?:\s+với)?)\s+(?:\S+\s+)?(?:kế\s+hoạch|KH|chỉ\s+tiêu)"
                 r"|%\s*(?:KH|kế\s+hoạch)"
                 r"|t[ỷỉ]\s+lệ\s+hoàn\s+thành", cell, re.I):
        return scheme, "attainment_pct"
    if re.search(r"kế\s+hoạch|chỉ\s+tiêu(?!\s+bao\s+phủ)|\bKH\b|được\s+giao", cell, re.I):
        return scheme, "plan_coverage_pct" if rate else "plan_participants"
    if rate:
        return scheme, "coverage_pct"
    if P.NEW.search(cell):
        return scheme, "new_participants"
    if re.search(r"tăng|giảm|chênh", cell, re.I):
        return scheme, None  # a change column: its sign is not printed reliably
    if re.search(r"tham\s+gia|số\s+người|người|có\s+thẻ|đối\s+tượng|lao\s+động", cell, re.I) \
            or scheme:
        return scheme, "participants"
    return scheme, None


def find_place_tables(text: str) -> list[TableRow]:
    r"""Every data row of a table whose header is text and whose rows start with a place.

    A header is a line of two or more cells without a digit (except a unit "(%)"); the
    rows after it with as many cells, a first cell that names no scheme and a figure in
    another cell are its data rows. The scheme of a column whose header names none is the
    one scheme the header names elsewhere, else the one of the line before the table.

    Examples
    --------
    >>> t = "Đơn vị | Người tham gia BHYT\nHuyện Lắk | 52.318"
    >>> [(t[r.start:r.end], r.columns) for r in find_place_tables(t)]
    [('Huyện Lắk | 52.318', ((None, None), ('bhyt', 'participants')))]
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out: list[TableRow] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        head = _cells(text, a, b)
        if len(head) < 2 or re.search(r"\d", _HEADER_DIGITS.sub("", text[a:b])) \
                or not text[a:b].strip():
            i += 1
            continue
        readings = [column_reading(text[x:y]) for x, y in head]
        if re.search(r"\d", text[a:b]) and not _one_column_each(readings):
            i += 1  # "Đơn vị | Tỷ lệ 2023 | Tỷ lệ 2024": columns by year, not understood
            continue
        named = {s for s, _ in readings[1:] if s}
        if len(named) != 1 and i > 0:
            caption = text[lines[i - 1][0]:lines[i - 1][1]]
            named = named or {x[1] for x in scheme_mentions(caption, 0, len(caption))
                              if not x[2]}
        default = named.pop() if len(named) == 1 else None
        columns = tuple([(None, None)] + [(s or default, m) for s, m in readings[1:]])
        rows: list[TableRow] = []
        j = i + 1
        while j < len(lines):
            ra, rb = lines[j]
            cells = _cells(text, ra, rb)
            first = text[cells[0][0]:cells[0][1]]
            if len(cells) != len(head) or not first.strip() or P.SCHEME.search(first) \
                    or not any(re.search(r"\d", text[x:y]) for x, y in cells[1:]):
                break
            rows.append(TableRow(ra, rb, tuple(cells), columns))
            j += 1
        if rows and any(m for _, m in columns):
            out.extend(_plans_in_percent(text, rows))
        i = j if rows else i + 1
    return out


def _one_column_each(readings: list[tuple[str | None, str | None]]) -> bool:
    """Whether no two columns of a header read alike (a header with a year in a cell
    reads once per measure: "Chỉ tiêu giao năm 2024" beside "Tỷ lệ bao phủ")."""
    used = [r for r in readings[1:] if r[1]]
    return len(used) == len(set(used))


def _plans_in_percent(text: str, rows: list[TableRow]) -> list[TableRow]:
    """The rows with a plan column read as a rate when every one of its cells is a
    percent ("Chỉ tiêu giao năm 2024" over "93,0%": the plan's coverage, not persons)."""
    columns = list(rows[0].columns)
    for j, (scheme, measure) in enumerate(columns):
        if measure == "plan_participants" and all(
                text[r.cells[j][0]:r.cells[j][1]].strip().endswith("%") for r in rows):
            columns[j] = (scheme, "plan_coverage_pct")
    return [TableRow(r.start, r.end, r.cells, tuple(columns), r.by_scheme) for r in rows]


#: A header cell of a scheme table that prints what was done: "Thực hiện 6 tháng",
#: "Kết quả năm 2023", "Ước thực hiện", "Số người" (the participants column).
_DONE_CELL = re.compile(r"thực\s+hiện|kết\s+quả|\bước\b|số\s+người|lũy\s+kế", re.I)
#: A header of a rise in persons: "Tăng so với cùng kỳ (người)" (not "Tăng/giảm", a
#: rate "Tăng (%)" or a share "Tỷ lệ tăng").
_RISE = re.compile(r"[ \t]*(?:số\s+)?tăng\b(?![ \t]*[/,–-][ \t]*giảm)(?![^|]*(?:%|t[ỷỉ]\s+lệ))",
                   re.I)
#: Digits a header may print: a year, a count of months or quarters, a unit "(%)", the
#: day a column counts to ("Thực hiện đến 31/8", "đến ngày 30/9/2026"; set 21).
_HEADER_DIGITS = re.compile(r"(?:19|20)\d{2}|\d{1,2}\s+tháng|quý\s+[IV\d]+|\(%\)"
                            r"|(?<=đến\s)(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/(?:19|20)\d{2})?", re.I)


def _scheme_columns(text: str, head: list[tuple[int, int]]
                    ) -> tuple[str | None, ...] | None:
    """Each column's measure in the header of a table whose rows are schemes, or None.

    "Chỉ tiêu | Kế hoạch năm 2020 | Thực hiện 6 tháng | Tỷ lệ": a plan, the actual and,
    after both, the share of the plan reached (attainment). Two columns with a measure
    at least; a column of last year ("cùng kỳ") or of a change is not read, but for a
    rise in persons ("Tăng so với cùng kỳ (người)": the change, positive).
    """
    out: list[str | None] = [None]
    for a, b in head[1:]:
        cell = text[a:b]
        _, measure = column_reading(cell)
        if re.search(r"cùng\s+kỳ|tăng|giảm|chênh", cell, re.I):
            # "Tăng so với cùng kỳ (người)": a rise in persons, its sign in the header
            measure = "change_participants" if _RISE.match(cell) else None
        elif measure in (None, "participants") and _DONE_CELL.search(cell):
            measure = "participants"
        elif measure == "coverage_pct" and "plan_participants" in out \
                and "participants" in out:
            measure = "attainment_pct"  # "Tỷ lệ" after a plan and its result
        out.append(measure)
    return tuple(out) if sum(m is not None for m in out) >= 2 else None


def find_scheme_tables(text: str) -> list[TableRow]:
    r"""Every data row of a table whose header names measures and whose rows are schemes.

    A header of three cells or more (digits only in a year, "6 tháng", "quý III", "(%)")
    whose columns name two measures or more; the rows after it with as many cells and a
    first cell naming one scheme and no money ("Tổng số thu (tỷ đồng)" is not read) are
    its data rows: each figure is the row scheme's, the column's measure, of the place in
    context (``by_scheme``). A first cell that names a rate ("Tỷ lệ bao phủ BHYT") turns
    the counts into rates.

    Examples
    --------
    >>> t = ("Chỉ tiêu | Kế hoạch năm 2020 | Thực hiện 6 tháng | Tỷ lệ\n"
    ...      "Người tham gia BHYT | 2.830.000 | 2.711.520 | 95,8%")
    >>> find_scheme_tables(t)[0].columns[1:]
    (('bhyt', 'plan_participants'), ('bhyt', 'participants'), ('bhyt', 'attainment_pct'))
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out: list[TableRow] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        head = _cells(text, a, b)
        measures = None
        if len(head) >= 3 and not re.search(r"\d", _HEADER_DIGITS.sub("", text[a:b])) \
                and not scheme_mentions(text, head[0][0], head[0][1]):
            measures = _scheme_columns(text, head)
        j = i + 1
        while measures is not None and j < len(lines):
            ra, rb = lines[j]
            cells = _cells(text, ra, rb)
            first = text[cells[0][0]:cells[0][1]]
            named = {x[1] for x in scheme_mentions(first, 0, len(first)) if not x[2]}
            if len(cells) != len(head) or not any(re.search(r"\d", text[x:y])
                                                  for x, y in cells[1:]):
                break
            if len(named) == 1 and not P.MONEY_CONTEXT.search(first) \
                    and not re.search(r"đồng|lượt", first, re.I):
                rate = re.search(r"t[ỷỉ]\s+lệ|bao\s+phủ|%", first, re.I)
                cols = tuple((named.copy().pop(), _as_rate(m) if rate else m)
                             for m in measures)
                out.append(TableRow(ra, rb, tuple(cells), cols, by_scheme=True))
            j += 1
        i = j if measures is not None else i + 1
    return out


def _as_rate(measure: str | None) -> str | None:
    return {"participants": "coverage_pct", "plan_participants": "plan_coverage_pct",
            "coverage_pct": "coverage_pct", "attainment_pct": "attainment_pct"
            }.get(measure or "")


def cell_figures(text: str, row: TableRow) -> list[Figure]:
    r"""The figures of a data row, one per cell that holds a single number.

    A cell is read whole: "94,1%", "351.420", "95,2" under a header "Tỷ lệ (%)" (a
    percent printed without its sign). Unit ``pct`` with a sign, else ``bare``.

    Examples
    --------
    >>> row = find_place_tables("Đơn vị | Tỷ lệ bao phủ (%)\nHuyện Lắk | 78,4")[0]
    >>> [(f.raw, f.value, f.unit) for f in cell_figures("Đơn vị | Tỷ lệ bao phủ (%)\n"
    ...                                                  "Huyện Lắk | 78,4", row)]
    [('78,4', 78.4, 'bare')]
    """
    out = []
    for a, b in row.cells[1:]:
        m = P.NUMBER.search(text, a, b)
        if m is None or text[a:m.start()].strip() or text[m.end():b].strip():
            continue
        raw = m.group(0).strip()
        try:
            value = parse_quantity(raw, "vi").value
        except ParseError:
            continue
        out.append(Figure(m.start(), m.start() + len(raw), raw, value,
                          "pct" if m["pct"] else "bare"))
    return out
