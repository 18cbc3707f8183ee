"""The year a page's own text establishes, for pages that print no publication date.

Copies, mirrors and excerpts often carry no date line, and an analyst may not pass
``--published``. Phrases such as "tính đến cuối tháng 10", "quý II" or "hết năm" then need
a year from the page itself. The old guess, the largest year printed anywhere, went wrong
three ways: it missed years printed beside a date ("tháng 9/2020", "quý II/2023",
"31/12/2016" — the ``/`` hides them from :data:`~bhxh_analysis.extract.patterns.YEAR`),
it took a target's horizon ("Năm 2017, tỉnh phấn đấu …", "giai đoạn 2022-2025"), and it
took a comparison's year ("so với cùng kỳ năm 2019" on a page about 2020).

:func:`page_year` ranks the evidence instead: a year printed beside a status date, or the
year after a comparison's year, is the page's year; failing those, a year in a clause that
sets no target; then a plan's year ("chỉ tiêu … năm 2018": the year under way); a year
that only names a horizon supports no date at all (``None``).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from . import patterns as P
from .gap_plan import plan_under_gap
from .results_section import results_year

if TYPE_CHECKING:
    from .figures import Figure

_I = re.IGNORECASE
_Y = r"(?P<y>(?:19|20)\d{2})(?!\d)"
# A year printed with a date, a month, a quarter or a count of months: a status date.
_DATED_YEAR = re.compile(
    r"(?:(?<!\d)\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*"  # 31/12/2016, 30-9-2024
    r"|tháng\s+\d{1,2}\s*(?:/|-|năm)\s*"  # tháng 10/2022, tháng 10 năm 2022
    r"|quý\s+(?:[IV]+|\d)\s*(?:/|-|năm)\s*"  # quý II/2023, quý I năm 2024
    r"|\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+"  # 6 tháng đầu năm 2023
    r"|(?:nửa\s+đầu|hết|cuối|đầu)\s+năm\s+)" + _Y,  # hết năm 2022, cuối năm 2021
    _I)
# "so với cùng kỳ năm 2021", "so với cuối năm 2021": the year before the page's.
_COMPARED_YEAR = re.compile(
    r"(?:cùng\s+(?:kỳ|thời\s+điểm)|so\s+với(?:\s+(?:cuối|hết|đầu))?)\s+năm\s+" + _Y, _I)
# Words that make a year a target's horizon, not a year of observed figures.
_TARGET = re.compile(r"phấn\s+đấu|mục\s+tiêu|dự\s+kiến|định\s+hướng|tầm\s+nhìn|"
                     r"giai\s+đoạn|lộ\s+trình|(?<!tính\s)(?:đến|tới)\s+năm|sẽ\s|"
                     r"đề\s+ra|đặt\s+ra", _I)
# "Quyết định 1167/QĐ-TTg ngày 28-6-2017": the date a document was signed, no status date.
_DOCUMENT_BEFORE = re.compile(r"(?:quyết\s+định|nghị\s+quyết|nghị\s+định|chỉ\s+thị|"
                              r"thông\s+tư|công\s+văn|văn\s+bản|luật|\d+/[A-ZĐ])"
                              r"[^.;:\n]{0,60}?ngày\s*$", _I)
_PLAN = re.compile(r"chỉ\s+tiêu|kế\s+hoạch|giao", _I)
_CLAUSE_END = re.compile(r"[,;:()\n]|\.\s")


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``; a sentence-opening "Năm 2017," takes its
    sentence (the year labels all of it)."""
    a = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 120), start)),
            default=max(0, start - 120))
    m = _CLAUSE_END.search(text, end)
    b = m.start() if m else len(text)
    if re.match(r"\s*,", text[end:]) and not text[a:start].strip(" \t-–").lower().replace(
            "năm", "").strip():
        stop = re.compile(r"\.\s|\n").search(text, end)
        b = stop.start() if stop else len(text)
    return text[a:b]


def _target_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` names a target's horizon."""
    clause = _clause(text, start, end)
    return bool(_TARGET.search(clause) or re.match(r"\s*[-–]\s*(?:19|20)\d{2}", text[end:])
                or re.search(r"(?:19|20)\d{2}\s*[-–]\s*$", text[max(0, start - 8):start]))


def page_year(text: str) -> int | None:
    """The year of the figures of a page that prints no publication date.

    Parameters
    ----------
    text : str
        The page text.

    Returns
    -------
    int or None
        The latest year printed beside a status date; else the latest year in a clause
        that sets no target or plan; else the latest plan year. The year after a
        compared year ("so với năm 2020") is a lower bound of the first two. ``None``
        when the page only names targets' horizons (then phrases without a year stay
        undated).

    Examples
    --------
    >>> page_year("Hết quý II/2023, tỉnh có 400 người, tăng so với cùng kỳ năm 2022.")
    2023
    >>> page_year("Năm 2016 sắp khép lại. Năm 2017, tỉnh phấn đấu đạt 90%.")
    2016
    """
    status = [int(m["y"]) for m in _DATED_YEAR.finditer(text)
              if not _target_year(text, m.start("y"), m.end("y"))
              and not _DOCUMENT_BEFORE.search(text, max(0, m.start() - 90), m.start())]
    compared = [int(m["y"]) + 1 for m in _COMPARED_YEAR.finditer(text)]  # a lower bound
    if status:
        return max(status + compared)
    plain: list[int] = []
    plans: list[int] = []
    for m in P.YEAR.finditer(text):
        if _target_year(text, m.start(), m.end()):
            continue
        (plans if _PLAN.search(_clause(text, m.start(), m.end())) else plain).append(
            int(m.group(0)))
    if plain or compared:
        return max(plain + compared)
    return max(plans) if plans else None


# Between a status figure and a plan it is measured against: "thấp hơn 1,85% so với chỉ
# tiêu … giao (", "chưa đạt chỉ tiêu đề ra (", "vượt kế hoạch (".
_YARDSTICK_BETWEEN = re.compile(r"(?:so\s+với|vượt|chưa\s+đạt|không\s+đạt|thấp\s+hơn|"
                                r"cao\s+hơn)[^.;]{0,25}?(?:chỉ\s+tiêu|kế\s+hoạch)", _I)


#: A numbered section heading on a line of its own ("3. Nhiệm vụ năm 2024", "II.
#: PHƯƠNG HƯỚNG NĂM 2024", "1. Về phát triển người tham gia").
_NUMBERED_HEADING = re.compile(r"(?:[IVX]{1,4}|\d{1,2}|[A-Z])[.)]\s+[^\n.;!?]{1,80}")
#: Such a heading of the aims of one year, and nothing after its year.
_AIMS_HEADING = re.compile(r"(?:[IVX]{1,4}|\d{1,2}|[A-Z])[.)]\s+(?:nhiệm\s+vụ|phương\s+"
                           r"hướng|kế\s+hoạch|mục\s+tiêu)[^\d\n]{0,40}?năm\s+(?P<y>20\d{2})"
                           r"\s*:?", re.I)


def section_plan_year(text: str, s0: int, s1: int) -> int | None:
    """The year a numbered section heading gives the plans under it; 0 at another heading.

    A year-end release "Kết quả năm 2023 …" dated in January 2024: "3. Nhiệm vụ năm
    2024⏎Ngành phấn đấu đạt tỷ lệ tham gia BHXH khoảng 42% …" — the section's targets
    are of 2024, though their sentence prints no year (they had taken the report's
    2023). A commune's report ("II. PHƯƠNG HƯỚNG NĂM 2024⏎Phấn đấu …") alike. Another
    numbered heading ends the section (0); a sentence that is no heading: None.
    """
    # the sentence ends its line; the line is the heading ("II." may be a sentence apart)
    line = text[text.rfind("\n", 0, s0) + 1:s1].strip()
    if "\n" in text[s0:s1].strip() or text[s1:s1 + 1] not in ("", "\n") \
            or not _NUMBERED_HEADING.fullmatch(line):
        return None
    aims = _AIMS_HEADING.fullmatch(line)
    return int(aims["y"]) if aims else 0

#: After a plan's count, its result in the same clause: "…, (kết quả / thực hiện) (đã)
#: đạt N", "…, vượt N", "…, (còn) thiếu N".
_RESULT_AFTER = re.compile(
    r"(?:\s*(?:người|lao\s+động))?\s*,\s*(?:(?:kết\s+quả|thực\s+hiện)\s+)?(?:đã\s+)?"
    r"(?:đạt|vượt|(?:còn\s+)?thiếu)\s+(?:được\s+)?\d", re.I)


def plan_fallback_year(text: str, s0: int, fig: Figure, prev: Figure | None,
                       ctx: Any) -> int | None:
    """The year of a plan figure whose own sentence prints none.

    A plan printed as the yardstick of the status figure just before it in the same
    sentence ("đạt 93,65% dân số, thấp hơn … so với chỉ tiêu … giao (95,5%)") is the plan
    of that status's year, even under a headline about next year's targets ("… chỉ tiêu
    năm 2026"); otherwise the year of the list of targets it continues, else the
    headline's plan year (``ctx.continued_plan_year``, ``ctx.headline_plan_year``).
    """
    if prev is not None and prev.start >= s0 and prev.as_of is not None \
            and not (prev.measure or "").startswith("plan_") \
            and _YARDSTICK_BETWEEN.search(text, prev.end, fig.start):
        return ctx.continued_plan_year or prev.as_of.year
    reviewed = None
    if ctx.review and ctx.report_year is not None and (
            _RESULT_AFTER.match(text, fig.end) or plan_under_gap(text, fig.start)):
        # "kế hoạch giao 115.000 người, kết quả đạt 103%" in a review of a year (set 24):
        # the plan its result is measured against, that year's; "Vượt 1.600 người so với
        # kế hoạch⏎(kế hoạch: 20.000 người)" on an infographic of the year too (set 23)
        reviewed = ctx.report_year[1].year
    return ctx.continued_plan_year or reviewed or results_year(  # a results section's
        text, fig.start, ctx.published) or ctx.headline_plan_year  # plan (sets 29, 30)


def year_at(sentence: str, pos: int, ctx: Any) -> int | None:
    """The year of a date phrase at ``sentence[pos:]`` that prints none, on a page with
    no publication date.

    The nearest year printed before it in its own sentence that is neither compared
    ("so với cùng kỳ năm 2021"), a plan's ("chỉ tiêu năm 2023") nor a target's horizon
    ("phấn đấu đến năm 2025") wins over the page's year: "Năm 2022, … tính đến cuối
    tháng 12, …" on a page about the first quarter of 2023 is December 2022. With a
    publication date (``ctx.published``) the page's year ``ctx.year`` is kept, as before
    (a date after the publication is then last year's).
    """
    if ctx.published is not None:
        return ctx.year
    for m in reversed(list(P.YEAR.finditer(sentence, 0, pos))):
        before = sentence[max(0, m.start() - 40):m.start()]
        if _COMPARED_YEAR.search(sentence, max(0, m.start() - 40), m.end()) \
                or re.search(r"(?:chỉ\s+tiêu|kế\s+hoạch|giao|so\s+với)[^,;]*$", before, _I) \
                or _target_year(sentence, m.start(), m.end()):
            continue
        return int(m.group(0))
    return ctx.year


def mid_month(m: re.Match[str], year: int | None, published: _dt.date | None
              ) -> _dt.date | None:
    """The day "giữa tháng M(/Y)" means: the 15th of that month (a mid-month status).

    Without a printed year the page's ``year`` is used; a mid-month day after the
    publication day (a page printed in January about "giữa tháng 12") is last year's.
    Returns ``None`` when no year is known or the month is not one.
    """
    month = int(m["mm"])
    y = int(m["my"] or m["my2"] or 0) or year
    if not y or not 1 <= month <= 12:
        return None
    day = _dt.date(y, month, 15)
    if published is not None and day > published and not (m["my"] or m["my2"]):
        day = day.replace(year=y - 1)
    return day


#: A year a sentence opens with ("Năm 2023, …", "Trong năm 2023, …", "- Năm 2023: …").
_OPENING = re.compile(r"[\s\-–•*+]*(?:(?:trong|cả|suốt|qua|kết\s+thúc|khép\s+lại)\s+)?$", _I)
#: "triển khai nhiệm vụ năm 2024", "phương hướng năm 2024": the year of work to come.
_TASK_BEFORE = re.compile(r"(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|chương\s+trình"
                          r"(?:\s+công\s+tác)?)\s+(?:(?:trong|cả)\s+)?$", _I)


def stated_year(text: str, s0: int, s1: int, dates: list[tuple[int, int, _dt.date]],
                kept: list[Figure]) -> _dt.date | None:
    """The year-end a page without a publication date carries from this sentence.

    Why: an undated copy of a district's year report states its year once — in a
    heading ("Kết quả thực hiện chính sách BHXH năm 2023") or a paragraph opening ("Năm
    2023, …", "Kết thúc năm 2023, …") — and then reports the whole year's figures over
    several paragraphs without repeating it. Those figures are of 31 December of that
    year (until another date takes over), not undated. Only a year that opens its
    sentence, or stands in a heading (a line of its own that ends without a full stop
    and reads no figure, or the headline); not
    a target's ("Năm 2024, huyện phấn đấu …"), a task's ("nhiệm vụ năm 2024") or a
    year whose sentence reads only plans.

    Parameters
    ----------
    text : str
        The page.
    s0, s1 : int
        The sentence.
    dates : list of (start, end, date)
        Its bare-year dates (:func:`bhxh_analysis.extract.dating.sentence_dates`).
    kept : list of Figure
        The figures read in it.

    Returns
    -------
    datetime.date or None
        31 December of the stated year, or ``None``.
    """
    if kept and all((f.measure or "").startswith("plan_") for f in kept):
        return None
    line_start = text.rfind("\n", 0, s0) + 1
    line_end = text.find("\n", s1)
    heading = (not kept or not text[:line_start].strip()) and not text[line_start:s0].strip() \
        and not text[s1:len(text) if line_end < 0 else line_end].strip() \
        and not text[s0:s1].rstrip().endswith(".")
    for a, b, day in reversed(dates):
        if _target_year(text, a, b) or _TASK_BEFORE.search(text, max(0, a - 40), a):
            continue
        if heading or _OPENING.fullmatch(text, s0, a):
            return day
    return None


#: "Trước khi sáp nhập, …", "Trước thời điểm hợp nhất, …": figures of the former units.
_BEFORE_MERGER = re.compile(r"\s*Trước\s+(?:khi|thời\s+điểm|lúc)\s+(?:sáp\s+nhập|hợp\s+nhất)",
                            _I)


def undate_before_merger(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a sentence opened by "Trước khi sáp nhập" with no date of its own: undated.

    "Tỉnh Gia Lai (mới) … Đến hết tháng 9/2025, toàn tỉnh có …. Trước khi sáp nhập, tỉnh
    Bình Định có 1.380.000 người tham gia BHYT": the former provinces' figures are of some
    day before the merger, not of the status date carried from the sentence before (as_of
    ``None``, for review).
    """
    for row in rows:
        sentence = row["sentence"]
        if _BEFORE_MERGER.match(sentence) and not P.AS_OF.search(sentence) \
                and not P.FULL_DATE.search(sentence):
            row["as_of"] = None
    return rows


#: An official document's title block: "THÔNG BÁO" / "BÁO CÁO" / "KẾT LUẬN" on a line of
#: its own, then up to four title lines.
_DOC_TITLE = re.compile(r"^[ \t]*(?:THÔNG\s+BÁO|BÁO\s+CÁO|KẾT\s+LUẬN)[ \t]*\n"
                        r"(?P<title>(?:[^\n]*\S[^\n]*\n?){1,4})", re.M)
#: "Hội nghị tổng kết công tác BHXH, BHYT năm 2025": the year the document reviews.
_REVIEWED = re.compile(r"tổng\s+kết\s+[^.;]{0,80}?năm\s+(?P<y>(?:19|20)\d{2})(?!\d)", re.I)


#: a news page's lead on a conference reviewing a year: "BHXH tỉnh tổ chức hội nghị
#: tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"
_REVIEW_MEETING = re.compile(r"hội\s+nghị\s+tổng\s+kết\s+[^.;\n]{0,60}?năm\s+"
                             r"(?P<y>(?:19|20)\d{2})(?!\d)", re.I)


def reviewed_year(text: str) -> int | None:
    """The year an official document's title (or a news page's lead) says it reviews.

    "THÔNG BÁO⏎Kết luận … tại Hội nghị tổng kết công tác BHXH, BHYT năm 2025, triển khai
    nhiệm vụ năm 2026" signed in January 2026 (blind set 21): its results ("Năm 2025,
    …" and the paragraphs after it that print no date) are of 2025, not of the signing
    or publication day. Only a title block in the page's first 800 characters; without
    one, a conference that reviews a year named there ("tổ chức hội nghị tổng kết công
    tác năm 2025, triển khai nhiệm vụ năm 2026", twenty-second blind set) reviews it too.
    """
    m = _DOC_TITLE.search(text, 0, 800)
    r = _REVIEWED.search(m["title"]) if m else _REVIEW_MEETING.search(text[:800])
    return int(r["y"]) if r else None
