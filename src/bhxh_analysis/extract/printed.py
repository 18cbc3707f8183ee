"""The printed figures of one sentence: where each is, its value and its kind of unit.

A :class:`Figure` is what the other rules read and annotate; :func:`find_figures`
finds them (ranges, bands, item numbers, document numbers and years are no figures) and
reads each value the Vietnamese way first (English-style numbers with a lower
confidence). :mod:`bhxh_analysis.extract.figures` then says what each one counts.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..clean import ParseError, parse_quantity
from . import gaps as G
from . import patterns as P
from .nonrows import cards_population

__all__ = ["Figure", "find_figures"]


@dataclass
class Figure:
    """One printed figure and what is known about it so far."""

    start: int
    end: int
    raw: str
    value: float
    unit: str  # "pct", "count", "bare", "money", "other"
    qualifier: str = ""
    scheme: str | None = None
    measure: str | None = None
    place: Any = None
    as_of: _dt.date | None = None
    penalty: float = 0.0
    skip: str | None = None
    earlier_year: int | None = None  # "cùng kỳ năm 2019 (...)": that year (-1: last year)
    notes: list[str] = field(default_factory=list)


def find_figures(text: str, s0: int, s1: int) -> list[Figure]:
    """The printed figures of one sentence with their kind of unit."""
    out = []
    found = sorted([*P.NUMBER.finditer(text, s0, s1), *P.WORD_NUMBER.finditer(text, s0, s1)],
                   key=lambda m: m.start())
    for m in found:
        raw = m.group(0).strip()
        after = text[m.end():min(s1, m.end() + 60)]
        before = text[max(s0, m.start() - 30):m.start()]
        if re.search(r"\d\s*%?\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*\d", after):
            continue  # a range "97 - 98%": no single value to read
        if re.search(r"\btừ\s+[\d.,]+\s*%?\s*(?:đến|tới)\s*$", before) or (
                re.search(r"\btừ\s*$", before) and re.match(r"\s*%?\s*(?:đến|tới)\s+[\d.,]+\s*%",
                                                         text[m.end():s1])):
            continue  # a band "từ 85% đến 90% là 13 xã": no single value either
        if (re.search(r"\[\s*$", before) and re.match(r"\s*\]", after)) or (
                re.search(r"(?:^|\n)[ \t]*$", text[max(0, m.start() - 30):m.start()])
                and re.match(r"[.)][ \t]", after) and not m["mult"] and not m["pct"]):
            continue  # an item's number: "[4] 88,6% dân số …", "2. Tỷ lệ …"
        if not m["pct"] and P.DOCUMENT_NUMBER_BEFORE.search(before):
            continue  # "Nghị quyết số 159 của HĐND tỉnh": a document, no figure
        value, penalty = _read_value(m, raw, after)
        if value is None:
            continue
        if re.fullmatch(r"(?:19|20)\d{2}", m["num"]) and not (m["mult"] or m["pct"]) \
                and re.search(r"năm\s*$", before, re.I):
            continue  # "năm 2024 tỉnh giao": a year, not a count of provinces
        if m["pct"] or (P.POINTS_AFTER.match(after) and (
                P.SHORTFALL_BEFORE.search(before) or P.OVER_BEFORE.search(before)
                or G.points_below(text[max(s0, m.start() - 120):m.start()], after))):
            unit = "pct"  # "còn thiếu 1,23 điểm phần trăm": points under a plan, as "1,23%"
        elif P.MONEY_AFTER.match(after) or (
                re.match(r"\s*t[ỷỉ]", m["mult"] or "") and not P.PERSON_AFTER.match(after)):
            unit = "money"  # "2.150 tỷ" without a noun: no count of persons reaches 1e9
        elif P.PER_UNIT_AFTER.match(after) or P.OTHER_COUNT_AFTER.match(after) \
                or P.POINTS_AFTER.match(after):
            unit = "other"
        elif P.PERSON_AFTER.match(after) or (m["mult"] and not P.OTHER_COUNT_AFTER.match(after)):
            unit = "count"
        else:
            num = m["num"]
            if re.fullmatch(r"(?:19|20)\d{2}", num) and not m["mult"]:
                continue  # a year
            # "(đạt 98,31 kế hoạch)": a percentage printed without its sign
            unit = "pct" if "," in num and P.PLAN_AFTER.match(after) else "bare"
            if unit == "bare" and re.search(r"(?:tháng|quý)\s*$", before, re.I):
                continue  # "đến cuối tháng 9, …": a month, no figure
        qm = P.QUALIFIER_BEFORE.search(before)
        if qm and re.search(r"(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s*$", before[:qm.start()], re.I):
            qm = None  # "thấp hơn 5,25%": a comparison, not a bound
        if penalty and unit not in ("pct", "count", "bare"):
            continue
        if unit in ("count", "bare") and not m["mult"] and value != int(value):
            # "727,215 người", "1.617,981": a count of persons is whole, so the comma
            # groups thousands (English style); any other fraction is unreadable.
            if not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", m["num"]):
                continue
            value, penalty = float(re.sub(r"\D", "", m["num"])), 0.15
        elif unit == "count" and not m["mult"] and re.fullmatch(r"\d{1,3},\d{3}", m["num"]):
            # "12,000 người": no count of persons has three decimals (12.0 persons), so
            # the comma groups thousands even where the value is whole
            value, penalty = float(re.sub(r"\D", "", m["num"])), 0.15
        out.append(Figure(m.start(), m.start() + len(raw), raw, value, unit,
                           qm["q"].lower() if qm else _estimate(before), penalty=penalty))
    pairs = _actual_plan_pairs(text, s0, s1) or G.population_pairs(text, s0, s1, Figure)
    return sorted(out + pairs + cards_population(text, s0, s1, Figure),
                  key=lambda f: f.start)


def _actual_plan_pairs(text: str, s0: int, s1: int) -> list[Figure]:
    """"… là 31.200/30.950 người, …, đạt 100,8% kế hoạch": participants over the plan.

    A pair of counts joined by "/" before "người" is read only when the attainment its
    statement prints (up to the next ";") is the pair's own ratio (within half a point):
    the first is the participants, the second the plan.
    """
    out = []
    for m in P.COUNT_PAIR.finditer(text, s0, s1):
        a, b = (float(re.sub(r"\D", "", m[k])) for k in ("a", "b"))
        end = text.find(";", m.end(), s1)
        att = P.ATTAINMENT_AFTER.search(text, m.end(), s1 if end < 0 else end)
        if not b or att is None:
            continue
        pct = float(att["pct"].replace(",", "."))
        if abs(100 * a / b - pct) > 0.5:
            continue
        out.append(Figure(m.start("a"), m.end("a"), m["a"], a, "count",
                          notes=["pair:actual", f"pairend:{m.end('b')}"]))
        out.append(Figure(m.start("b"), m.end("b"), m["b"], b, "count", notes=["pair:plan"]))
    return out


def _read_value(m: re.Match[str], raw: str, after: str) -> tuple[float | None, float]:
    """The value of a printed figure and a confidence penalty (English-style numbers).

    Vietnamese first ("." groups thousands, "," is the decimal mark); "102.4%" (a percent
    cannot be 1024) and "1,588,505" (several commas cannot be decimal marks) can only be
    English-style, and are read so with a lower confidence.
    """
    word = P.WORD_VALUES.get(m["num"].lower())
    if word is not None:  # "chừng một nghìn người", "hơn nửa triệu"
        return word * (1e6 if "triệu" in m["mult"].lower() else 1e3), 0.0
    try:
        return parse_quantity(raw, "vi").value, 0.0
    except ParseError:
        pass
    if m["endec"] or m["engroup"]:
        try:
            return parse_quantity(raw, "en").value, 0.15
        except ParseError:
            return None, 0.0
    return None, 0.0


def _estimate(before: str) -> str:
    """"ước đạt 19,28 triệu": an estimate (qualifier ``ước``, read as preliminary)."""
    return "ước" if re.search(r"\bước\s+(?:tính\s+)?(?:đạt|là|có|khoảng)?\s*$", before,
                              re.I) else ""
