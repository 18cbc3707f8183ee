"""Read insurance figures out of article text: each printed figure → a candidate row.

The reading is deliberately rule-based and explainable: each figure's indicator comes
from the words of its own clause (cues in :mod:`bhxh_analysis.extract.patterns`), its
scheme from the nearest scheme named with it, its place from the nearest place named
before it in its sentence (else the last place named, else ``--place-hint``), its date
from the nearest as-of phrase (else the last one in the article, else the publication
date). What cannot be read for sure is not guessed: a count without a word saying what
is counted, money, a change or an over-achievement never become a stock of persons.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..clean import ParseError, parse_date, parse_quantity
from ..observations import INDICATOR_PATTERN
from . import patterns as P
from .places import PlaceContext, find_mentions
from .text import detect_published, sentences

__all__ = ["COLUMNS", "extract_text"]

#: Columns of a candidate table, in this order (issue 15).
COLUMNS = ["geo_name", "indicator", "as_of", "value", "value_raw", "qualifier", "start", "end",
           "sentence", "confidence", "geo_code", "geo_level", "boundaries", "province_2025"]
_INDICATOR = re.compile(INDICATOR_PATTERN)
_REFORM = _dt.date(2025, 7, 1)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# "so với năm 2018", "kế hoạch năm 2020": a year that is not the figure's date.
_WEAK_YEAR = re.compile(r"(?:so\s+với|cùng\s+kỳ|kế\s+hoạch|chỉ\s+tiêu|giai\s+đoạn|đề\s+ra|"
                        r"giao|mục\s+tiêu|phấn\s+đấu|đến|tới|học)\s*$", re.I)


@dataclass
class _Figure:
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


# ------------------------------------------------------------------------- dates


def _month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def _read_as_of(m: re.Match[str], year: int | None, published: _dt.date | None
                ) -> _dt.date | None:
    """The date an as-of phrase means (``None`` when it needs a year nobody gave)."""
    text = m.group(0)
    try:
        if m["now"]:
            return published
        if m["months"]:
            n = int(m["n"])
            y = int(m["ny"]) if m["ny"] and m["ny"].isdigit() else year
            return _month_end(y, n) if y and 1 <= n <= 12 else None
        if m["quarter"]:
            q = _ROMAN.get(m["q"].upper()) or int(m["q"])
            y = int(m["qy"]) if m["qy"] else year
            return _month_end(y, 3 * q) if y else None
        if m["year"]:
            return _dt.date(int(m["yy"]), 12, 31)
        if m["yearend"]:
            y = int(m["ey"]) if m["ey"] else year
            return _dt.date(y, 12, 31) if y else None
        text = re.sub(r"^(?:trong|cuối)\s+", "hết ", text, flags=re.I)
        date = parse_date(text, year=year)
    except (ParseError, ValueError, TypeError):
        return None
    if published is not None and date > published and not re.search(r"\d{4}", text):
        # "tính đến 31/12" printed in January means last year's 31 December.
        date = date.replace(year=date.year - 1)
    return date


def _plan_year(sentence: str, offset: int) -> int | None:
    """The year a plan is for: the printed year nearest before the figure, else after."""
    def years(a: int, b: int) -> list[int]:
        return [int(m["y"]) for m in P.PLAN_YEAR.finditer(sentence, a, b)
                if not re.search(r"(?:so\s+với|cùng\s+kỳ)\s*$", sentence[:m.start()], re.I)]

    before = years(0, offset)
    if before:
        return before[-1]
    after = years(offset, len(sentence))
    return after[0] if after else None


# ----------------------------------------------------------------------- figures


def _figures(text: str, s0: int, s1: int) -> list[_Figure]:
    """The printed figures of one sentence with their kind of unit."""
    out = []
    for m in P.NUMBER.finditer(text, s0, s1):
        raw = m.group(0).strip()
        after = text[m.end():min(s1, m.end() + 60)]
        before = text[max(s0, m.start() - 30):m.start()]
        try:
            q = parse_quantity(raw, "vi")
        except ParseError:
            continue
        if m["pct"]:
            unit = "pct"
        elif P.MONEY_AFTER.match(after):
            unit = "money"
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
        qm = P.QUALIFIER_BEFORE.search(before)
        if qm and re.search(r"(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s*$", before[:qm.start()], re.I):
            qm = None  # "thấp hơn 5,25%": a comparison, not a bound
        out.append(_Figure(m.start(), m.start() + len(raw), raw, q.value, unit,
                           qm["q"].lower() if qm else ""))
    return out


def _schemes(text: str, a: int, b: int) -> list[tuple[int, str, bool]]:
    """Scheme mentions in ``text[a:b]``: (offset, scheme, joint).

    Parenthetical remarks and agency names ("BHXH tỉnh", "BHXH Lâm Đồng") are skipped;
    ``joint`` marks a mention listed with the one before it ("BHXH, BHYT"): a figure of
    several schemes together is none of them.
    """
    seg = text[a:b]
    masked = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), seg)
    out: list[tuple[int, str, bool]] = []
    last_end = -10
    for m in P.SCHEME.finditer(masked):
        after = masked[m.end():m.end() + 25]
        if P.AGENCY_AFTER.match(after) or P.AGENCY_BEFORE.search(masked[:m.start()]):
            continue
        if re.match(r"[ \t]+[A-ZĐ][a-zà-ỹđ]", after) and not re.match(
                r"\s+(?:[Vv]ề|[Tt]rong|[Cc]ho|[Tt]ại|[Ll]à)\b", after):
            continue  # "BHXH Lâm Đồng": the province's agency
        name = next(k for k, v in m.groupdict().items() if v)
        joint = bool(re.fullmatch(r"\s*(?:,|và|/|-)\s*", masked[max(0, last_end):m.start()]))
        if joint and out:
            out[-1] = (out[-1][0], out[-1][1], True)
        out.append((a + m.start(), name, joint))
        last_end = m.end()
    return out


def _clause(pre: str) -> str:
    """The part of ``pre`` after its last clause break (comma, semicolon, "và")."""
    parts = P.CLAUSE_BREAK.split(pre)
    return parts[-1] if parts else pre


_COVERAGES = ("coverage_pct", "plan_coverage_pct")


def _classify(text: str, fig: _Figure, s0: int, s1: int, prev: _Figure | None,
              prev_same: _Figure | None) -> str | None:
    """Set ``fig.measure`` (and maybe adjust the value); return a reason when skipped."""
    w0 = prev.end if prev is not None else s0
    pre = text[w0:fig.start]
    pre_q = P.QUALIFIER_BEFORE.sub("", pre) if fig.qualifier else pre
    after = text[fig.end:s1]
    short_after = re.split(r"[,;.]", after, maxsplit=1)[0][:80]
    clause = _clause(pre_q)
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    campaign = bool(P.CAMPAIGN.search(text[s0:s1]))
    paren = pre_q.rstrip().endswith("(")
    if fig.unit in ("money", "other"):
        return fig.unit
    if P.ALL_UNITS.search(statement):
        return "every province"
    if P.MONEY_CONTEXT.search(clause) or P.MONEY_CONTEXT.search(short_after) or (
            prev is not None and prev.unit == "money" and not _schemes(text, w0, fig.start)):
        return "money"
    head, name = _trailing_name(clause)
    listed = not clause.strip() or (bool(name) and not head.strip(" ,:"))
    if prev is not None and prev.unit == fig.unit and listed and ";" not in pre_q:
        # A list: "... trên 1.000 người tham gia BHYT, 1.000 người tham gia BHXH".
        if prev.skip:
            return prev.skip
        if prev.measure and prev.measure not in ("population", "labour_force"):
            fig.measure = prev.measure
            if prev.value < 0 < fig.value:
                fig.value = -fig.value
            return None
    if paren and not name:
        if fig.unit != "pct" and prev is not None and prev.measure in _COVERAGES \
                and not pre_q.strip(" (") and prev.skip is None:
            # "đạt 90,2% (7.312.817 người)": the persons behind a coverage rate
            fig.measure = "participants" if prev.measure == "coverage_pct" else \
                "plan_participants"
            return None
        # "so với chỉ tiêu UBND tỉnh giao (35,5%)", "so với cùng kỳ năm 2019 (55.317 người)"
        if P.PLAN.search(pre_q):
            fig.measure = "plan_coverage_pct" if fig.unit == "pct" else "plan_participants"
            fig.penalty += 0.1
            return None
        same = P.SAME_PERIOD.search(pre_q)
        if same and fig.unit != "pct" and prev is not None and prev.measure == "participants":
            fig.measure = "participants"
            fig.earlier_year = int(same["y"]) if same["y"] else -1
            fig.penalty += 0.1
            return None
        pop = P.POPULATION_BEFORE.search(pre_q.rstrip()[:-1])
        if pop and fig.unit != "pct":
            fig.measure = "labour_force" if pop["what"].lower()[:1] == "l" else "population"
            fig.penalty += 0.1
            return None
    if fig.unit == "pct":
        return _classify_pct(fig, pre, pre_q, after, clause, statement, campaign, prev,
                             prev_same, text[s0:fig.start], text[max(0, s0 - 400):fig.start])
    return _classify_count(text, fig, pre, pre_q, clause, short_after, after, campaign, prev,
                           prev_same, w0, statement)


def _classify_pct(fig: _Figure, pre: str, pre_q: str, after: str, clause: str, statement: str,
                  campaign: bool, prev: _Figure | None, prev_same: _Figure | None,
                  before: str, recent: str) -> str | None:
    """Percent figures: attainment, shortfall, coverage, plan coverage."""
    after_coverage = prev_same is not None and prev_same.measure in _COVERAGES
    if P.OVER_BEFORE.search(pre_q) or re.search(r"cao\s+hơn\s*$", pre_q, re.I):
        if after_coverage:
            return "points above the plan"  # "đạt 38,05%, vượt 0,05% so với chỉ tiêu"
        if P.PLAN_AFTER.match(after) or re.search(r"(?:kế hoạch|chỉ tiêu)", pre_q[-25:]):
            fig.measure, fig.value = "attainment_pct", 100.0 + fig.value
            fig.penalty += 0.2
            return None
        return "over-achievement"
    if P.CHANGE_BEFORE.search(pre_q):
        return "change in percent"
    if P.SHORTFALL_BEFORE.search(pre_q) or (
            re.search(r"thấp\s+hơn\s*$", pre_q, re.I) and P.PLAN_AFTER.match(after)):
        fig.measure = "shortfall_pp"
        return None
    if not P.COVERAGE_AFTER.match(after) and (
            P.PLAN_AFTER.match(after) or P.ATTAIN_BEFORE.search(pre_q) or (
            re.search(r"đạt\s*$", pre_q) and P.VERSUS_PLAN.search(statement))) or (
            re.search(r"\(\s*$", pre_q) and P.ATTAIN_DONE.search(statement)):
        if P.TARGET.search(pre) or campaign and P.TARGET.search(before):
            return "target share of a plan"
        fig.measure = "attainment_pct"
        return None
    if P.COVERAGE_BEFORE.search(pre_q) or P.COVERAGE_AFTER.match(after) or \
            P.COVERAGE_AFTER_LIST.match(after):
        planned = P.PLAN.search(clause) or P.TARGET.search(clause) or (
            prev_same is not None and prev_same.measure == "plan_coverage_pct"
            and not re.search(r"\w", re.sub(r"\b(?:có|và)\b", "", clause)))
        fig.measure = "plan_coverage_pct" if planned else "coverage_pct"
        return None
    if prev_same is not None and prev_same.measure in (*_COVERAGES, "attainment_pct") \
            and not P.SCHEME.search(pre_q) and not re.search(r"t[ỷỉ]\s+lệ", clause, re.I) \
            and (prev_same.measure != "attainment_pct" or re.search(r"đạt\s*$", pre_q)):
        fig.measure = prev_same.measure  # a list: "A đạt 68,9%, B đạt 70,5%"
        fig.penalty += 0.1
        return None
    if re.search(r":\s*$", pre_q) and P.PLAN.search(statement) and re.search(
            r"bao\s+phủ", recent, re.I):
        # "chỉ tiêu bao phủ ...: năm 2016: 89,0%; năm 2017: 90,0%"
        fig.measure = "plan_coverage_pct"
        fig.penalty += 0.15
        return None
    return "percent without a cue"


def _classify_count(text: str, fig: _Figure, pre: str, pre_q: str, clause: str,
                    short_after: str, after: str, campaign: bool, prev: _Figure | None,
                    prev_same: _Figure | None, w0: int, statement: str) -> str | None:
    """Counts of persons (bare numbers are kept only with a strong cue)."""
    change = P.CHANGE_BEFORE.search(pre_q)
    if change:
        if re.search(r"tăng\s+mới\s*$", pre_q, re.I):
            fig.measure = "new_participants"
            return None
        if fig.unit == "bare" and not (prev_same is not None
                                       and prev_same.measure == "participants"):
            return "bare number"
        fig.measure = "change_participants"
        if change["dir"].lower() == "giảm":
            fig.value = -fig.value
        fig.penalty += 0.1 if fig.unit == "bare" else 0.0
        return None
    if P.OVER_BEFORE.search(pre_q) or re.search(r"cao\s+hơn\s*$", pre_q, re.I):
        return "over-achievement"
    if P.SHORTFALL_BEFORE.search(pre_q) or P.SHORTFALL_CLAUSE.search(clause) or (
            P.EQUIVALENT_BEFORE.search(pre_q) and prev is not None
            and prev.measure in ("shortfall_pp", "shortfall_participants")) or (
            re.search(r"\bcòn\s*$", pre_q) and P.SHORTFALL_CLAUSE.search(statement)):
        fig.measure = "shortfall_participants"
        return None
    scheme_named = P.SCHEME_THEN.search(clause)
    if fig.unit == "bare":
        if not scheme_named and (not re.search(r"(?:là|đạt|có)\s*$", pre_q)
                                 or not P.PARTICIPATE_BEFORE.search(pre)):
            return "bare number"
        fig.penalty += 0.1
    pop = P.POPULATION_BEFORE.search(clause)
    if pop and not _schemes(text, w0, fig.start):
        fig.measure = "labour_force" if pop["what"].lower()[:1] == "l" else "population"
        return None
    is_new = bool(P.NEW.search(clause) or P.NEW.search(short_after))
    if P.PLAN.search(clause) or (P.TARGET.search(clause) and not P.PARTICIPATE_BEFORE.search(
            clause[-15:])):
        if campaign:
            return "campaign target"
        fig.measure = "plan_new_participants" if is_new else "plan_participants"
        return None
    if campaign and is_new:
        return "campaign result"
    if is_new:
        fig.measure = "new_participants"
        return None
    if P.PARTICIPATE_AFTER.match(after) or P.PARTICIPATE_BEFORE.search(pre) or scheme_named:
        fig.measure = "participants"
        return None
    return "count without a cue"


def _scheme(text: str, fig: _Figure, s0: int, prev: _Figure | None) -> str | None:
    """The scheme of a figure: named right after it, else the nearest before it.

    Returns ``"joint"`` for a figure of several schemes listed together.
    """
    m = P.PARTICIPATE_AFTER.match(text, fig.end)
    if m is None:
        m = P.PERSON_AFTER.match(text, fig.end)
    if m is not None:
        after = _schemes(text, m.end(), min(len(text), m.end() + 60))
        if after and not text[m.end():after[0][0]].strip():
            return "joint" if after[0][2] else after[0][1]
    w0 = prev.end if prev is not None else s0
    for a in (w0, s0):
        found = _schemes(text, a, fig.start)
        if found:
            return "joint" if found[-1][2] else found[-1][1]
    after = _schemes(text, fig.end, min(len(text), fig.end + 40))
    if after and not re.search(r"[;.]", text[fig.end:after[0][0]]):
        fig.penalty += 0.1
        return "joint" if after[0][2] else after[0][1]
    return None


# ------------------------------------------------------------------------ driver


@dataclass
class _Context:
    """What the reading carries from sentence to sentence."""

    places: PlaceContext
    published: _dt.date | None
    year: int | None
    first_date: _dt.date | None = None  # the article's first as-of date (for headlines)
    last_date: _dt.date | None = None
    last_scheme: str | None = None
    main_level: str | None = None  # level of the article's first placed figure
    last_by_level: dict[str, Any] = field(default_factory=dict)
    last_figure_end: int = 0


def extract_text(text: str, *, published: _dt.date | str | None = None,
                 place_hint: str | None = None, registry: Any = None) -> pd.DataFrame:
    """Return every insurance figure of an article as a candidate observation.

    Parameters
    ----------
    text : str
        Article text (as returned by :func:`bhxh_analysis.extract.read_article`; offsets
        index it).
    published : date, ISO string or None
        Publication date: the year of dates printed without one ("tính đến 31/8") and the
        date of "đến nay". ``None``: read from a page header in the text if any.
    place_hint : str or None
        The place the outlet writes about, used when the text names none ("toàn tỉnh").
    registry : bhxh_analysis.geo.Registry or None
        Geography (default: the project registry).

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`, one row per figure, in text order. ``value`` is in base units
        (persons; percent 0-100), ``value_raw`` the figure as printed at
        ``text[start:end]``, ``confidence`` in (0, 1].
    """
    if isinstance(published, str) and published:
        published = _dt.date.fromisoformat(published)
    pub: _dt.date | None = published or detect_published(text)  # type: ignore[assignment]
    years = [int(y) for y in P.YEAR.findall(text)]
    ctx = _Context(PlaceContext(registry, place_hint), pub,
                   pub.year if pub else (max(years) if years else None))
    spans = sentences(text)
    dated = [_sentence_dates(text, s0, s1, ctx) for s0, s1 in spans]
    # A headline's figure takes the article's first as-of date, unless that is a target's
    # date (after the publication).
    ctx.first_date = next((d[0][2] for d, strong in dated if strong and d
                           and (pub is None or d[0][2] <= pub)), None)
    mentions = find_mentions(text, ctx.places.registry)
    rows: list[dict[str, Any]] = []
    mi = 0
    for (s0, s1), (dates, strong) in zip(spans, dated, strict=True):
        placed: list[tuple[int, Any]] = []  # (offset, unit) of this sentence's places
        while mi < len(mentions) and mentions[mi].start < s1:
            unit = ctx.places.see(mentions[mi])
            if unit is not None and mentions[mi].start >= s0:
                placed.append((mentions[mi].start, unit))
            mi += 1
        carried = _carried_place(ctx, mentions[:mi])
        prev: _Figure | None = None
        kept: list[_Figure] = []
        for fig in _figures(text, s0, s1):
            prev_same = next((f for f in reversed(kept) if f.unit == fig.unit
                              or {f.unit, fig.unit} == {"count", "bare"}), None)
            reason = _classify(text, fig, s0, s1, prev, prev_same)
            if reason is None:
                _as_target(text, fig, s0, kept, ctx)
                _complete(text, fig, s0, s1, prev, placed, dates, ctx, carried, kept)
                if fig.scheme in (None, "joint") and fig.measure not in ("population",
                                                                          "labour_force"):
                    reason = "several schemes" if fig.scheme else "no scheme"
            fig.skip = reason
            if reason is None:
                kept.append(fig)
                rows.extend(_rows(text, fig, s0, s1, kept))
                if fig.scheme:
                    ctx.last_scheme = fig.scheme
                if fig.place is not None and not isinstance(fig.place, str):
                    ctx.main_level = ctx.main_level or fig.place.level
                    ctx.last_by_level[fig.place.level] = fig.place
                ctx.last_figure_end = fig.end
            prev = fig
        if strong:
            ctx.last_date = dates[-1][2]
    return _frame(rows, ctx.places)


def _carried_place(ctx: _Context, seen: list[Any]) -> Any:
    """The place of a sentence that names none.

    A place named since the last figure (a new subject) holds; otherwise the last place
    of the article's main level: after "Trong đó, huyện A đạt ..., huyện B đạt ...", the
    next sentence is about the province again.
    """
    if seen and seen[-1].start > ctx.last_figure_end:
        return ctx.places.last
    return ctx.last_by_level.get(ctx.main_level or "") or ctx.places.last


def _sentence_dates(text: str, s0: int, s1: int, ctx: _Context
                    ) -> tuple[list[tuple[int, int, _dt.date]], bool]:
    """As-of dates of a sentence, and whether they are sharper than a bare year.

    "Năm 2023, ..." dates a sentence only when it has no sharper as-of phrase and never
    carries over to the next sentence; "so với năm 2018" is no as-of date at all.
    """
    sent = text[s0:s1]
    found = [(m, _read_as_of(m, ctx.year, ctx.published)) for m in P.AS_OF.finditer(sent)
             if not (m["year"] and _WEAK_YEAR.search(sent[:m.start()]))]
    strong = [(s0 + m.start(), s0 + m.end(), d) for m, d in found
              if d is not None and not m["year"]]
    if strong:
        return strong, True
    return [(s0 + m.start(), s0 + m.end(), d) for m, d in found if d is not None], False


def _as_target(text: str, fig: _Figure, s0: int, kept: list[_Figure], ctx: _Context) -> None:
    """Read a result-looking figure as a plan when its sentence is a list of targets.

    "... đặt mục tiêu phấn đấu số người tham gia BHXH đạt 58.730 người, tương đương
    25,4% ...; số người tham gia BHYT là 537.090 người": every figure after a target in
    the same sentence is a target. A figure for a year after the publication
    ("Mục tiêu đến năm 2025, 95% dân số tham gia BHYT") is a target too.
    """
    plain = {"participants": "plan_participants", "coverage_pct": "plan_coverage_pct",
             "new_participants": "plan_new_participants"}
    if fig.measure not in plain:
        return
    if kept and all(f.measure and f.measure.startswith("plan_") for f in kept):
        fig.measure = plain[fig.measure]
        fig.penalty += 0.1
        return
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    future = [int(m["y"]) for m in P.PLAN_YEAR.finditer(statement)]
    if ctx.published and future and max(future) > ctx.published.year:
        # a figure for a year after the publication can only be a target
        fig.measure = plain[fig.measure]
        fig.penalty += 0.1
        return
    first = text[s0:fig.start].split(";", 1)[0]
    if not kept and ";" in text[s0:fig.start] and P.TARGET.search(first) \
            and not P.AS_OF.search(text[s0:fig.start]):
        # "Theo kế hoạch, ... đặt mục tiêu ... đạt 90% ...; tỷ lệ bao phủ BHYT đạt 88,2%"
        fig.measure = plain[fig.measure]
        fig.penalty += 0.15


def _complete(text: str, fig: _Figure, s0: int, s1: int, prev: _Figure | None,
              placed: list[tuple[int, Any]], dates: list[tuple[int, int, Any]],
              ctx: _Context, carried: Any, kept: list[_Figure]) -> None:
    """Fill in the scheme, place and date of a classified figure."""
    if fig.measure not in ("population", "labour_force"):
        fig.scheme = _respective(text, fig, s0, kept) or _scheme(text, fig, s0, prev)
        if fig.scheme is None:
            # the scheme of the figures just before, else the last one named
            named = [x for x in _schemes(text, max(0, s0 - 600), s0) if not x[2]]
            fig.scheme = ctx.last_scheme or (named[-1][1] if named else None)
            fig.penalty += 0.2
    # Place: a bare name right before the figure in a list of places, else the last
    # place named before it in its sentence, else the first named after it, else carried.
    before = [u for off, u in placed if off < fig.start]
    bare = _bare_place(text, fig, s0, prev, ctx.places)
    if bare is not None:
        fig.place = bare
    elif before:
        fig.place = before[-1]
    else:
        after = [u for off, u in placed if off > fig.end]
        if after:
            fig.place = after[0]
            fig.penalty += 0.1
        else:
            fig.place = carried
            fig.penalty += 0.15 if carried is not None else 0.4
    # Date.
    if fig.measure and fig.measure.startswith("plan_"):
        y = _plan_year(text[s0:s1], fig.start - s0)
        if y is None:
            base = _date_for(fig, dates, ctx)
            y = base.year if base else ctx.year
            fig.penalty += 0.1
        fig.as_of = _dt.date(y, 12, 31) if y else None
        return
    fig.as_of = _date_for(fig, dates, ctx)
    if fig.as_of is not None and fig.earlier_year is not None:
        y = fig.earlier_year if fig.earlier_year > 0 else fig.as_of.year - 1
        day = min(fig.as_of.day, calendar.monthrange(y, fig.as_of.month)[1])
        fig.as_of = fig.as_of.replace(year=y, day=day)


def _respective(text: str, fig: _Figure, s0: int, kept: list[_Figure]) -> str | None:
    """"BHXH, BHTN lần lượt đạt 45%, 35%": the n-th figure takes the n-th scheme."""
    found = list(P.RESPECTIVELY.finditer(text, s0, fig.start))
    if not found:
        return None
    m = found[-1]
    listed = [x for x in _schemes(text, s0, m.start()) if x[2]]
    n = sum(1 for f in kept if f.start > m.end() and f.unit == fig.unit)
    return listed[n][1] if n < len(listed) else None


def _date_for(fig: _Figure, dates: list[tuple[int, int, Any]], ctx: _Context
              ) -> _dt.date | None:
    """The as-of date nearest before the figure in its sentence, else after it, else
    the last one of the article so far, else its first (a headline), else publication."""
    before = [d for a, _b, d in dates if a < fig.start]
    if before:
        return before[-1]
    after = [d for a, _b, d in dates if a > fig.end]
    if after:
        return after[0]
    for carried in (ctx.last_date, ctx.first_date):
        if carried is not None:
            fig.penalty += 0.1
            return carried
    fig.penalty += 0.15 if ctx.published is not None else 0.5
    return ctx.published


def _trailing_name(clause: str) -> tuple[str, str]:
    """Split ``clause`` into (text before, capitalised name at its end).

    "các xã có tỷ lệ thấp như: N' Thol Hạ đạt " → ("các xã ... như:", "N' Thol Hạ"); the
    verbs between a name and its figure (đạt, là, có, còn, ":", "(") are dropped.
    """
    clause = P.QUALIFIER_BEFORE.sub("", clause)
    tail = P.NAME_VERB_TAIL.search(clause)
    body = clause[:tail.start()] if tail else clause
    words = body.split()
    name: list[str] = []
    for w in reversed(words):
        letters = re.sub(r"[^\w]", "", w)
        if not w[:1].isupper() or (len(letters) > 1 and letters.isupper()) or len(name) == 4:
            break
        name.insert(0, w)
    head = " ".join(words[:len(words) - len(name)])
    return head, " ".join(name)


def _bare_place(text: str, fig: _Figure, s0: int, prev: _Figure | None,
                ctx: PlaceContext) -> Any:
    """A district or commune named bare right before its figure ("Hiệp An đạt 70,5%")."""
    w0 = prev.end if prev is not None else s0
    pre = re.sub(r"\s+còn\s*$", " ", text[w0:fig.start])  # "Nông Sơn còn 5.505 người"
    _head, name = _trailing_name(_clause(pre))
    if not name or not P.LOCAL_UNITS.search(text[s0:fig.start]):
        return None
    unit = ctx.resolve_local(name)
    if unit is None and len(name.split()) >= 2:
        return name  # a listed place the registry does not know: kept by name, unresolved
    return unit


def _rows(text: str, fig: _Figure, s0: int, s1: int, kept: list[_Figure]
          ) -> list[dict[str, Any]]:
    """The candidate row(s) of a figure; an attainment "(366/244)" also gives the plan."""
    rows = [_row(text, fig, s0, s1)]
    if fig.measure == "attainment_pct":
        m = P.RATIO_AFTER.match(text, fig.end)
        if m is not None:
            try:
                done, plan = parse_quantity(m["a"]).value, parse_quantity(m["b"]).value
            except ParseError:
                return rows
            base = next((f for f in reversed(kept) if f.value == done and f.unit != "pct"), None)
            measure = ("plan_new_participants" if base and base.measure == "new_participants"
                       else "plan_participants")
            y = fig.as_of.year if fig.as_of else None
            extra = _Figure(m.start("b"), m.end("b"), m["b"], plan, "count", "", fig.scheme,
                            measure, fig.place, _dt.date(y, 12, 31) if y else None,
                            fig.penalty + 0.1)
            rows.append(_row(text, extra, s0, s1))
    return rows


def _row(text: str, fig: _Figure, s0: int, s1: int) -> dict[str, Any]:
    if fig.measure in ("population", "labour_force"):
        indicator = fig.measure
    else:
        indicator = f"{fig.scheme}_{fig.measure}"
    if not _INDICATOR.match(indicator):
        raise AssertionError(f"extractor produced an unknown indicator {indicator!r}")
    return {"indicator": indicator, "value": float(fig.value), "value_raw": fig.raw,
            "qualifier": fig.qualifier, "start": fig.start, "end": fig.end,
            "sentence": " ".join(text[s0:s1].split()), "as_of": fig.as_of, "unit": fig.place,
            "confidence": round(max(0.1, min(1.0, 0.95 - fig.penalty)), 2)}


def _frame(rows: list[dict[str, Any]], ctx: PlaceContext) -> pd.DataFrame:
    """Candidate rows as a table; places in the boundaries their date implies."""
    out = []
    for r in rows:
        unit = _boundaries_for(ctx, r.pop("unit"), r["as_of"])
        r["as_of"] = r["as_of"].isoformat() if r["as_of"] else ""
        if unit is None or isinstance(unit, str):
            r.update(geo_name=unit or "", geo_code="", geo_level="", boundaries="",
                     province_2025="")
            r["confidence"] = round(max(0.1, r["confidence"] - 0.3), 2)
        else:
            r.update(geo_name=unit.name, geo_code=unit.code, geo_level=unit.level,
                     boundaries=unit.boundaries, province_2025=unit.province_2025_name)
        out.append(r)
    frame = pd.DataFrame(out, columns=COLUMNS)
    # A figure repeated (headline and body) is one candidate: keep its first mention.
    key = frame["geo_code"].where(frame["geo_code"] != "", frame["geo_name"])
    dup = pd.DataFrame({"k": key, "i": frame["indicator"], "a": frame["as_of"],
                        "v": frame["value"]}).duplicated()
    frame = frame[~dup].reset_index(drop=True)
    return frame.astype({"start": "int64", "end": "int64", "value": "float64",
                         "confidence": "float64"})


def _boundaries_for(ctx: PlaceContext, unit: Any, as_of: _dt.date | None) -> Any:
    if isinstance(unit, str):
        return unit
    """The 2025 unit of the same name for a figure dated from 1 July 2025, if there is one.

    A legacy unit with no 2025 namesake of its level (a district, a merged province)
    stays legacy: ``data check`` reads such a row in the legacy boundaries.
    """
    if unit is None or as_of is None or as_of < _REFORM or unit.level == "nation":
        return unit
    level = unit.level if unit.level != "district" else None
    if level is None:
        return unit
    try:
        new = ctx.registry.resolve(unit.name, level=level, boundaries="2025")
    except Exception:  # GeoError: no 2025 namesake
        return unit
    return new if new.province_2025_code == unit.province_2025_code else unit
