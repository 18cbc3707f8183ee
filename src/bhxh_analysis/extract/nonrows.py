"""Figures that are printed like a place's figures but are no rows (real-page set 14).

Kept apart from :mod:`bhxh_analysis.extract.figures` so that the classifier only asks
here: is this figure a forecast, or a change restated in points? Also the one figure such
pages print where :data:`~bhxh_analysis.extract.patterns.NUMBER` cannot see it: the
persons after "N thẻ/", the population a coverage rate is of.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import patterns as P

if TYPE_CHECKING:
    from .figures import Figure

#: What :func:`cards_population` marks its figures with (read in :func:`not_a_row`).
_OF_CARDS = "persons of cards"


def cards_population(text: str, s0: int, s1: int, make: type[Figure]) -> list[Figure]:
    """The persons after "N thẻ/" in ``text[s0:s1]`` when a share of the population follows.

    "… 304.666 thẻ/313.905 người, chiếm tỷ lệ 97% dân số": the cards are no row, the
    persons they are out of are the population the rate is of (read as ``population``).
    ``make`` is the figure class (passed in to keep the import one way).
    """
    out = []
    for m in P.CARDS_OVER_PERSONS.finditer(text, s0, s1):
        value = float(m["num"].replace(".", ""))
        fig = make(m.start("num"), m.end("num"), m["num"], value, "count")
        fig.notes.append(_OF_CARDS)
        out.append(fig)
    return out


#: Workers laid off or out of work after a count ("cho 230 lao động nghỉ việc tạm
#: thời", "1.200 công nhân bị mất việc"): no participants, new or old (set 16).
_OUT_OF_WORK_AFTER = re.compile(
    r"\s*(?:người\s+)?(?:lao\s+động|công\s+nhân|người)\s+(?:(?:phải|bị)\s+)?(?:tạm\s+)?"
    r"(?:nghỉ\s+(?:giãn\s+)?việc|mất\s+việc|thôi\s+việc|ngừng\s+việc|nghỉ\s+luân\s+phiên)",
    re.I)

#: An economy's growth ("Tăng trưởng GRDP đạt 7%" in a list of targets): no scheme's rate.
_GROWTH = re.compile(r"\b(?:GRDP|GDP|tăng\s+trưởng\s+kinh\s+tế)\b", re.I)


def not_a_row(fig: Figure, pre_q: str, prev: Figure | None, after: str = "") -> str | None:
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
        ``"a forecast"`` for a figure after a forecast cue in its clause
        (:func:`forecast_in`: an expectation is neither a target nor a result); ``"a change in points"`` for
        a percent "tương đương x% dân số" right after a change in persons (the change
        restated against the population, not a coverage rate); ``"out of work"`` for
        a count of workers laid off (``after``: the words after the figure); ``"economic
        growth"`` for a percent after "GRDP", "GDP" with no scheme named; ``"no longer paid
        for"`` for a count of people who lost a subsidy; ``"a mark passed"`` for a percent after "vượt mốc" / "vượt qua ngưỡng" / "cán mốc" (a bound);
        ``"workers hired"`` for workers (lao động, công nhân) counted right after "thu
        hút / tuyển (dụng) / tiếp nhận (thêm)": jobs, not participants.
    """
    if forecast_in(pre_q, prev is not None):
        return "a forecast"
    if fig.unit != "pct" and _OUT_OF_WORK_AFTER.match(after):
        return "out of work"
    if fig.unit == "pct" and _GROWTH.search(pre_q) and not P.SCHEME.search(pre_q):
        return "economic growth"
    if fig.unit == "pct" and prev is not None and prev.skip is None \
            and prev.measure == "change_participants" and P.EQUIVALENT_BEFORE.search(pre_q):
        return "a change in points"
    if fig.unit != "pct" and _NO_LONGER_PAID_AFTER.match(after):
        return "no longer paid for"  # "21.600 người không còn được ngân sách đóng"
    if fig.unit == "pct" and _MARK_BEFORE.search(pre_q):
        return "a mark passed"  # "tỷ lệ … vượt mốc 42%": a bound, not the rate (set 22)
    if fig.unit != "pct" and _HIRED_BEFORE.search(pre_q) and _WORKERS_AFTER.match(after):
        return "workers hired"  # "các KCN thu hút thêm 45.000 lao động" (set 28)
    return None


#: "… người không còn được ngân sách đóng (hỗ trợ)": those who lost a subsidy (set 22)
_NO_LONGER_PAID_AFTER = re.compile(
    r"\s*(?:người\s+)?(?:đã\s+|sẽ\s+)?không\s+còn\s+(?:thuộc\s+diện\s+|được\s+)?"
    r"(?:ngân\s+sách|nhà\s+nước|hỗ\s+trợ|cấp\s+thẻ)", re.I)
#: "thu hút thêm (khoảng) ", "tuyển dụng mới ": workers drawn or hired (set 28)
_HIRED_BEFORE = re.compile(r"(?:thu\s+hút|tuyển(?:\s+dụng)?|tiếp\s+nhận)(?:\s+(?:thêm|mới))?\s*$",
                           re.I)
_WORKERS_AFTER = re.compile(r"\s*(?:lao\s+động|công\s+nhân)(?!\s+tham\s+gia)", re.I)
#: "vượt mốc 42%", "vượt qua ngưỡng 90%", "cán mốc 95%": a round mark the rate passed
_MARK_BEFORE = re.compile(r"(?:vượt(?:\s+qua)?|cán|chạm|qua)\s+(?:mốc|ngưỡng)\s*$", re.I)


def persons_of_cards(fig: Figure) -> bool:
    """Whether ``fig`` is the persons of :func:`cards_population` (then its measure is set
    to ``population``: the classifier has nothing more to read)."""
    if _OF_CARDS not in fig.notes:
        return False
    fig.measure = "population"
    return True


def after_money(text: str, s0: int, fig: Figure) -> bool:
    """Whether a percent is the rate of a sum of money printed before it in its clause.

    "… thu … 943.482 triệu đồng, tăng 82.958 triệu đồng (9,6%) so với cùng kỳ …, đạt
    29,2% kế hoạch …": the last figure outside remarks before the percent (since the
    sentence start or a ";") is money, and no scheme or person is named between them.
    A line of a block that prints no figure before the percent reads the line above it.
    """
    if fig.unit != "pct":
        return False
    clause = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)),
                    text[s0:fig.start].rsplit(";", 1)[-1])
    figures = [m for m in P.NUMBER.finditer(clause)
               if m["mult"] or m["pct"] or not re.fullmatch(r"(?:19|20)\d{2}", m["num"])]
    line = text.rfind("\n", 0, fig.start) + 1
    if not figures and not P.SCHEME.search(text, line, fig.start) and line >= 2 \
            and text[line - 2] != "\n" and "\n" not in text[s0:line - 1]:
        # "THU⏎1.042 tỷ đồng⏎Đạt 101,3% kế hoạch" (set 25): an infographic's line right
        # under a sum of money, in the same block, is that sum's rate
        clause = text[text.rfind("\n", 0, line - 1) + 1:line - 1]
        figures = list(P.NUMBER.finditer(clause))
    if not figures or not P.MONEY_AFTER.match(clause, figures[-1].end()):
        return False
    between = clause[figures[-1].end():]
    return not P.SCHEME.search(between) and not re.search(r"người|lao\s+động", between, re.I)


#: Qualifiers of a rounded figure ("gần 90.000", "hơn 60.000").
_ROUNDED = {"gần", "hơn", "trên", "khoảng", "xấp xỉ", "chừng"}


def drop_rounded_joint(rows: list[dict[str, Any]], joint: list[Figure]) -> list[dict[str, Any]]:
    """Drop the rows that round a figure of several schemes together.

    A headline "Tăng gần 90.000 người tham gia BHYT" over a body "số người tham gia BHXH,
    BHYT, BHTN … (tăng 89.936 người …)" names one scheme, but restates the figure of all
    three (no row, as the body's). A row goes when it comes before a skipped figure of
    several schemes of the same measure (a headline or lead restating the body), is
    qualified as approximate, has at most two significant digits and is within 2 % of it
    ("tổng số … BHXH, BHYT hơn 1,2 triệu người. Trong đó, … BHYT trên 1,2 triệu người":
    the part after the total stays).
    """
    def rounds(row: dict[str, Any], fig: Figure) -> bool:
        value, other = abs(row["value"]), abs(fig.value)
        digits = len(str(int(value)).rstrip("0")) if value >= 1 and value == int(value) else 9
        return (row["qualifier"] in _ROUNDED and digits <= 2 and other > 0
                and row["end"] <= fig.start
                and abs(value - other) <= 0.02 * other
                and row["indicator"].endswith("_" + str(fig.measure)))
    return [r for r in rows if not any(rounds(r, f) for f in joint)]


def own_year(text: str, end: int, at: int) -> bool:
    """Whether the date at ``text[at:]`` is a bare year printed right after a figure
    ending at ``end`` ("97,5% năm 2020", "73,7% dân số năm 2021"; "tăng từ 58.310 người
    năm 2022 lên 63.950 người năm 2023", set 19): the figure's own."""
    return bool(re.fullmatch(r"\s*(?:(?:dân\s+số|người)\s*)?", text[end:at])
                and re.match(r"năm\s+(?:19|20)\d{2}", text[at:at + 10], re.I))


def undated_start(text: str, fig: Figure) -> bool:
    """Whether ``fig`` starts a change ("từ 96,8% xuống 73,7% năm 2021") whose end has a
    year of its own: the start's year is not printed (its date is not the end's)."""
    return bool(re.search(r"\btừ\s*$", text[max(0, fig.start - 12):fig.start], re.I)
                 and re.match(r"\s*(?:dân\s+số\s*)?(?:xuống|lên)\s+(?:còn\s+|mức\s+)?"
                              r"\d[\d.,]*\s*%?\s*(?:dân\s+số\s*)?năm\s+(?:19|20)\d{2}",
                              text[fig.end:fig.end + 60], re.I))


#: Parts of a scheme whose rate a page may print after the part but mean of the whole.
_PARTS = {"bhxh_voluntary": "bhxh", "bhxh_compulsory": "bhxh"}


def rescheme_by_arithmetic(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give a part's coverage rate to the whole scheme when only the whole's count gives it.

    "Số người tham gia BHXH đạt 541.000 người, trong đó 64.900 người tham gia BHXH tự
    nguyện, tỷ lệ bao phủ đạt 29,6%" with a labour force of 1,83 triệu: the rate takes the
    scheme named last (voluntary), but 64.900 / 1,83 triệu is 3,5 % and 541.000 / 1,83
    triệu is 29,6 %. When the article's own counts (same place and date) give the rate for
    the whole (within 0.5 point) and not for the part (more than 1 point off), the rate —
    and a plan rate printed after it in its sentence ("vượt chỉ tiêu … (29,5%)") — are the
    whole scheme's. Rows are changed in place and returned.
    """
    def values(indicator: str, like: dict[str, Any]) -> list[float]:
        return [r["value"] for r in rows if r["indicator"] == indicator
                and r["unit"] is like["unit"] and r["as_of"] == like["as_of"]]

    for row in rows:
        part = row["indicator"].removesuffix("_coverage_pct")
        if part not in _PARTS or row["indicator"] == part:
            continue
        force = [v for v in values("labour_force", row) if v > 0]
        whole, own = values(f"{_PARTS[part]}_participants", row), values(f"{part}_participants", row)
        if not (force and whole and own):
            continue
        x = row["value"]
        if any(abs(100 * w / f - x) <= 0.5 for w in whole for f in force) and not any(
                abs(100 * p / f - x) <= 1 for p in own for f in force):
            row["indicator"] = f"{_PARTS[part]}_coverage_pct"
            for plan in rows:
                if plan["indicator"] == f"{part}_plan_coverage_pct" and \
                        plan["sentence"] == row["sentence"] and plan["start"] > row["start"]:
                    plan["indicator"] = f"{_PARTS[part]}_plan_coverage_pct"
    return rows


def forecast_in(words: str, after_figure: bool) -> bool:
    """Whether ``words`` (up to a figure or a date, since the last ";") hold a forecast cue.

    "dự kiến" always; "ước thực hiện" only after a figure ("đạt 81,3% dân số, ước thực
    hiện năm 2022 đạt trên 92%": the projection of the status just given) — opening a
    report's sentence ("Ước thực hiện năm 2018, số người tham gia … khoảng 14,7 triệu") it
    is the year's estimated result, read with the figures. ``after_figure``: a figure of
    the sentence comes before ``words``.
    """
    clause = words.rsplit(";", 1)[-1]
    return any(m.group(0).lower()[:1] in ("d", "t") or after_figure
               or re.search(r"\d", clause[:m.start()]) for m in P.FORECAST.finditer(clause))
