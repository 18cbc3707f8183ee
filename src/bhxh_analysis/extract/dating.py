"""The date each figure takes: as-of phrases read, a sentence's dates, a figure's date.

Split from :mod:`bhxh_analysis.extract.core` (the driver) so that the driver stays
under the house limit: :func:`sentence_dates` finds and reads a sentence's as-of phrases
("tính đến 31/8", "hết quý II", "Năm 2020, …"), leaving out the dates that belong to no
figure (a comparison's, a horizon's, a forecast's, a plan's year);
:func:`date_for` gives a figure the date nearest to it, else the one carried from
earlier in the article (``ctx``: the driver's reading context); :func:`plan_year` the
year a plan is for. The year a page itself establishes is in
:mod:`bhxh_analysis.extract.dates_page`.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from ..clean import ParseError, parse_date
from . import patterns as P
from .dates_page import mid_month, year_at
from .nonrows import forecast_in, own_year, undated_start
from .results_section import results_year

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["date_for", "horizon", "month_end", "now_opening", "plan_year", "read_as_of",
           "same_day_in", "says_now", "sentence_dates", "word_of_today", "yardstick"]

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
#: A sentence opened by "Hiện" meaning "at present" ("Hiện tỷ lệ … đạt 90%", "Hiện, toàn
#: tỉnh có …"); not "Hiện nay/tại" (an as-of phrase of their own) nor a word that starts
#: with it ("Hiện thực hóa", "Hiện đại", "Hiện trạng", "Hiện hành", …).
_NOW_OPENING = re.compile(
    r"[^\S\n]*(?:[-–•*+][^\S\n]*)?Hiện(?:[^\S\n]*,|[^\S\n]+(?!(?:nay|tại|thực|đại|trạng|hành|"
    r"diện|vật|tượng|hữu|ra|lên|rõ|thân|tình)(?!\w)))")

# "so với năm 2018", "kế hoạch năm 2020": a year that is not the figure's date.
_WEAK_YEAR = re.compile(r"(?:so\s+với|cùng\s+(?:kỳ|thời\s+điểm)|kế\s+hoạch|chỉ\s+tiêu|giai\s+đoạn|đề\s+ra|"
                        r"giao|mục\s+tiêu|phấn\s+đấu|đến|tới|học|"
                        r"(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu)(?:\s+\S+){0,3}?\s+của)\s*$",
                        re.I)

# "91,5% dân số năm 2016", "5,1% lực lượng lao động trong độ tuổi năm 2016", "so với
# dân số năm 2016": the year of a rate's base (the population counted), not of the rate.
_BASE_YEAR = re.compile(r"(?:%|so\s+với)\s*(?:\(?\s*)?(?:tổng\s+)?(?:dân\s+số|"
                        r"(?:lực\s+lượng\s+)?lao\s+động(?:\s+trong\s+độ\s+tuổi)?|LLLĐ)"
                        r"(?:\s+(?:của\s+)?(?:toàn\s+)?(?:tỉnh|huyện|thành\s+phố|thị\s+xã))?"
                        r"\s*(?:của\s+)?$", re.I)

# Between a figure and a date phrase that is its own: a unit noun, then "vào" or "(".
_OWN_DATE_GAP = re.compile(r"\s*(?:người|dân\s+số|lực\s+lượng\s+lao\s+động|LLLĐ)?\s*"
                           r"(?:vào|\()\s*", re.I)


#: A date opening a bracket that gives its own figure: "(cuối tháng 6 là 92,8%)".
_REMARK_FIGURE_AFTER = re.compile(r"\s*(?:là|đạt|có|:)\s*(?:khoảng\s+)?\d[^()]*\)", re.I)


def remark_date(text: str, a: int, b: int) -> int | None:
    """The end of the bracket a date opens when the bracket gives its own figure, or None.

    "… đến cuối tháng 8 đạt 93,5% dân số (cuối tháng 6 là 92,8%)" (set 19): the date in
    the bracket is the bracketed figure's only; it neither dates the figure before the
    bracket (as "1,2 triệu người (tháng 6/2024)" would) nor the text after it.
    """
    if not re.search(r"\(\s*$", text[max(0, a - 3):a]):
        return None
    m = _REMARK_FIGURE_AFTER.match(text, b)
    return m.end() if m else None


def month_end(year: int, month: int) -> _dt.date:
    """The last day of a month ("hết tháng 6/2024" → 30 June 2024)."""
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def same_day_in(day: _dt.date, year: int) -> _dt.date:
    """The same date in another year, a month's last day giving that month's last day
    (28/2/2025 → 29/2/2024, 29/2/2024 → 28/2/2023, 31/7/2024 → 31/7/2023).

    Why: the level a change "so với cùng kỳ" implies is dated as
    :mod:`bhxh_analysis.metrics.derive` dates it (rule ``previous_level``: month-ends
    stay month-ends, since a month printed without a day is stored as its last day), so
    the extractor's row and the derived one fall on the same day.
    """
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return month_end(year, day.month)
    return day.replace(year=year)


def read_as_of(m: re.Match[str], year: int | None, published: _dt.date | None
               ) -> _dt.date | None:
    """The date an as-of phrase means (``None`` when it needs a year nobody gave)."""
    text = m.group(0)
    try:
        if m["now"]:
            return published
        if m["months"] or m["half"] or m["monthsin"]:
            word = re.sub(r"\s+", " ", (m["n"] or m["n2"] or "").lower())
            n = 6 if m["half"] else int(word) if word.isdigit() else P.MONTH_WORDS[word]
            ny = m["ny"] or m["hy"]
            y = int(ny) if ny and ny.isdigit() else year
            return month_end(y, n) if y and 1 <= n <= 12 else None
        if m["monthstart"]:  # "tính đến đầu tháng 7 (vừa qua)": that month's first day
            y = int(m["sy"] or m["sy2"] or 0) or year
            return _dt.date(y, int(m["sm"]), 1) if y and 1 <= int(m["sm"]) <= 12 else None
        if m["midmonth"]:  # "giữa tháng 10": the 15th (ninth round, docs/extract.md)
            return mid_month(m, year, published)
        if m["quarter"]:
            q = _ROMAN.get(m["q"].upper()) or int(m["q"])
            y = int(m["qy"]) if m["qy"] else year
            if not y:
                return None
            end = month_end(y, 3 * q)
            if not m["qy"] and published is not None and end > published:
                # "Hết quý IV" printed in January: last year's; "trong quý IV" printed in
                # October: the quarter still to come (a horizon), no figure's date
                return (month_end(y - 1, 3 * q) if text.lower().startswith("hết")
                        else None)
            return end
        if m["year"]:
            return _dt.date(int(m["yy"]), 12, 31)
        if m["yearend"]:
            y = int(m["ey"]) if m["ey"] else year
            if m["ago"]:  # "cuối năm ngoái/trước": the year before the page's
                y = (published.year if published is not None else y or 1) - 1
            if y and not m["ey"] and published is not None and published.month <= 3 \
                    and re.search(r"(?:đến|tới)\s*$", m.string[:m.start()], re.I):
                y = published.year - 1  # "tính đến hết năm" printed in January
            return _dt.date(y, 12, 31) if y else None
        text = re.sub(r"(\d{1,2})-(\d{1,2})-(\d{4})", r"\1/\2/\3", text)  # 30-9-2024
        text = re.sub(r"^(?:trong|cuối)\s+", "hết ", text, flags=re.I)
        text = re.sub(r"^(?:tại\s+)?thời\s+điểm\s+", "", text, flags=re.I)
        date = parse_date(text, year=year)
    except (ParseError, ValueError, TypeError):
        return None
    if published is not None and date > published and not re.search(r"\d{4}", text) \
            and (date.month, date.day) != (2, 29):
        # "tính đến 31/12" printed in January means last year's 31 December ("29/2"
        # printed in early 2024 has no last year's: this year's, a horizon)
        date = date.replace(year=date.year - 1)
    return date


def horizon(day: _dt.date, published: _dt.date | None) -> bool:
    """Whether a date lies after the month of publication: a target's horizon, not the
    status date of a report ("Ước đến hết năm" printed on 27 December is a status)."""
    return published is not None and day > month_end(published.year, published.month)


def plan_year(sentence: str, offset: int) -> int | None:
    """The year a plan is for: the printed year nearest before the figure, else after."""
    def years(a: int, b: int) -> list[int]:
        return [int(m["y"] or m["yl"]) for m in P.PLAN_YEAR.finditer(sentence, a, b)
                if not P.COMPARED_YEAR_BEFORE.search(sentence[:m.start()])]

    before = years(0, offset)
    if before:
        return before[-1]
    after = years(offset, len(sentence))
    return after[0] if after else None



def sentence_dates(text: str, s0: int, s1: int, ctx: Any
                   ) -> tuple[list[tuple[int, int, _dt.date]], bool]:
    """As-of dates of a sentence, and whether they are sharper than a bare year.

    "Năm 2023, ..." dates a sentence only when it has no sharper as-of phrase; it is not
    the article's last date, but the later sentences of its paragraph that print no date
    take it (unless it is a target's year, after the publication); "so với năm 2018" is
    no as-of date at all.
    """
    sent = text[s0:s1]
    found = [(m, read_as_of(m, year_at(sent, m.start(), ctx), ctx.published))
             for m in P.AS_OF.finditer(sent) if not _not_as_of(sent, m)
             and not (m["year"] and _WEAK_YEAR.search(sent[:m.start()]))]
    strong = [(s0 + m.start(), s0 + m.end(), d) for m, d in found
              if d is not None and not m["year"]]
    if any(not m["year"] for m, _d in found) or _NOW_OPENING.match(text, s0) \
            or P.CONTINUES.match(text, s0):
        # "Đến thời điểm này, … đạt 91,5% dân số năm 2016": the year names the rate's
        # base; the sentence's own status (today, or a printed date) is the figures',
        # or the status of the sentence it goes on from ("Trong đó, …", "Riêng …")
        found = [(m, d) for m, d in found if not (m["year"] and _BASE_YEAR.search(
            sent[:m.start()]))]
    if strong:
        return strong, True
    return [(s0 + m.start(), s0 + m.end(), d) for m, d in found if d is not None], False


#: A sentence opened as a comparison: "Để so sánh, hết năm 2023, …", "Đối chiếu với …".
_COMPARISON_LEAD = re.compile(r"\s*(?:Để\s+)?(?:so\s+sánh|đối\s+chiếu)\b", re.I)


def yardstick(kept: list[Figure], ctx: Any, sentence: str = "") -> bool:
    """Whether a sentence's figures are a yardstick whose date is not the report's.

    "Cuối năm 2023, … của cả nước đạt 93,35%" (all the nation's in a local report), and
    a sentence opened as a comparison ("Để so sánh, hết năm 2023, Hà Nội có …", twenty-
    third blind set): its date dates its own figures, not the paragraphs after it.
    """
    if kept and _COMPARISON_LEAD.match(sentence):
        return True
    nation = ctx.places.nation
    return bool(kept) and ctx.main_level not in (None, "nation") and all(
        f.place is nation for f in kept)


def _not_as_of(sent: str, m: re.Match[str]) -> bool:
    """A date phrase that is not the figures' date.

    A comparison's date ("tăng ... so với tháng 9/2020", "so với cuối năm 2019"), the
    months still to come ("6 tháng cuối năm", "những tháng cuối năm") and a horizon
    ("đến cuối năm để đạt chỉ tiêu", "Để đạt chỉ tiêu … trong năm 2019, …") and a
    forecast's date ("ước thực hiện cuối năm 2022", "Theo dự kiến, đến hết năm 2017")
    date no figure of the sentence.
    """
    before, after = sent[:m.start()], sent[m.end():m.end() + 12]
    if P.COMPARED_BEFORE.search(before) or forecast_in(before, False) or re.search(
            r"(?:thấp|cao|ít|nhiều)\s+hơn\s*$", before, re.I):  # "thấp hơn cuối năm 2021"
        return True  # "ước thực hiện cuối năm 2022 đạt …": a forecast's horizon
    if P.PURPOSE.search(re.split(r"(?<!\d),|,(?!\d)|;", before)[-1]):
        # "Để đạt chỉ tiêu … trong năm 2019, …", "Để đạt mục tiêu 2,1 triệu người … vào
        # cuối năm 2023, …" (a decimal comma ends no clause): the target's horizon
        return True
    if m["yearend"] and re.search(r"tháng\s*$", before, re.I):
        return True
    if P.FROM_NOW.search(before):
        return True  # "từ nay đến cuối năm còn phải vận động …": the horizon of a need
    if m["now"] and re.search(r"tháng\s+\d{1,2}\s*$", before, re.I):
        return True  # "đầu tháng 7 vừa qua": the month just named is the date
    if m["now"] and re.match(r"(?:đến|tới)\s+thời\s+điểm\s+này", m.group(0), re.I) \
            and re.search(r"[,;]", before):
        return True  # "…; như vậy, đến thời điểm này huyện còn thiếu …": mid-sentence,
        # "this point" is the status date in play, not the publication day
    if m["now"] and re.match(r"hiện\s+(?:đã\s+)?đạt", m.group(0), re.I) \
            and P.AS_OF.search(before):
        return True  # "Đến hết tháng 10/2025, … hiện đạt 97,2%": the date printed (set 18)
    if m["now"] and P.NOT_NOW_BEFORE.search(before):
        return True  # "nhiều nhất từ trước đến nay", "Cũng đến thời điểm này", "Với kết
        # quả hiện tại": the most ever, the date just given, the result just reported
    if m["year"] and P.PLAN_WORD.search(P.INDICATOR_WORD.sub(
            " ", re.split(r"\d", sent[m.end():], maxsplit=1)[0])):
        return True  # "Năm 2019, tỉnh được giao chỉ tiêu 87,5% …": the plan's year
    if m["year"] and P.PLAN_WORD.search(re.split(r"(?<!\d),|,(?!\d)|;", before)[-1]):
        return True  # "so với chỉ tiêu … đặt ra cho năm 2023 …": the plan's year
    return bool(re.match(r"\s*(?:để|nhằm)\s", after, re.I))



def date_for(text: str, fig: Figure, dates: list[tuple[int, int, Any]], ctx: Any
             ) -> _dt.date | None:
    """The as-of date of a figure (:func:`_date_for`); a shortfall is measured now.

    A gap to a plan ("Năm 2019, tỉnh phấn đấu … 91,5%; như vậy, từ nay đến cuối năm còn
    phải vận động thêm khoảng 20.600 người") is the gap at the status date in play: a
    date after the publication (the plan's end, not yet come) does not date it.
    """
    day = _date_for(text, fig, dates, ctx)
    pub, last = ctx.published, ctx.last_date
    if (fig.measure or "").startswith("shortfall") and day is not None and pub is not None \
            and day > pub and last is not None and last <= pub:
        return last
    return day


def _date_for(text: str, fig: Figure, dates: list[tuple[int, int, Any]], ctx: Any
              ) -> _dt.date | None:
    """The as-of date nearest before the figure in its sentence, else after it, else
    a bare year earlier in its paragraph, else the last one of the article so far, else
    (on a page with no publication date) the year a heading or a paragraph opening
    stated ("Năm 2023, …"), else its first (a headline), else publication.

    A date attached right after the figure ("46% dân số vào năm 2008", "1,2 triệu người
    (tháng 6/2024)", "lên 97,5% năm 2020") is its own and wins over one before it ("từ
    5,6% năm 1993 lên ..."); the start of a change whose end has its own year and no date
    before it ("từ 96,8% xuống 73,7% năm 2021") has none.
    """
    own = [d for a, b, d in dates if a > fig.end and (_OWN_DATE_GAP.fullmatch(
        text[fig.end:a]) or own_year(text, fig.end, a)) and remark_date(text, a, b) is None]
    if own:
        return own[0]
    before = [d for a, b, d in dates if a < fig.start and (remark_date(text, a, b) or fig.end)
              >= fig.end]  # (not a bracket's date with its own figure, closed before)
    if before:
        if before[-1] is None:  # "Hiện …" on a page without a publication date
            fig.penalty += 0.5  # (undated, as a figure with no date anywhere)
        return before[-1]
    if undated_start(text, fig):
        return None  # "giảm từ 96,8% xuống 73,7% năm 2021": the first rate's year unprinted
    after = [d for a, _b, d in dates if a > fig.end and ";" not in text[fig.end:a]]
    if after:  # (not past a ";": "Trong đó BHXH bắt buộc N người; … năm 2022 lên …")
        return after[0]
    stated = None if ctx.says_now else ctx.stated_year  # ("Hiện nay, …": not that year's)
    section = results_year(text, fig.start, ctx.published)  # "I. KẾT QUẢ … NĂM 2025"
    for carried in (ctx.paragraph_year, ctx.last_date, section and _dt.date(section, 12, 31),
                    stated, ctx.first_date, _report_year(fig, ctx)):
        if carried is not None:
            fig.penalty += 0.1
            return carried
    fig.penalty += 0.15 if ctx.published is not None else 0.5
    return ctx.published


def _report_year(fig: Figure, ctx: Any) -> _dt.date | None:
    """The year of a report dated only by "Năm 2016, …", for a figure with no date of
    its own: a headline's before it, and a breakdown by smaller places after it ("Ở cấp
    huyện, Lạc Sơn có …" in a later paragraph); a plan takes its own year."""
    if ctx.report_year is None or (fig.measure or "").startswith("plan_") or ctx.says_now:
        return None  # ("Hiện nay, …" on an undated page: not that year's either)
    at, day = ctx.report_year
    level = getattr(fig.place, "level", None)
    deeper = ctx.main_level is not None and level in ("district", "commune") and (
        ctx.main_level in ("nation", "province") or (level, ctx.main_level) == (
            "commune", "district"))
    return day if fig.start < at or deeper or ctx.review else None


def says_now(text: str, s0: int, s1: int) -> bool:
    """Whether a sentence says its figures are today's ("hiện nay", "đến nay", "hiện
    có"; not "từ trước đến nay"): on a page with no publication date such figures do not
    take the year a heading stated ("Năm 2023, …", eleventh round)."""
    sent = text[s0:s1]
    return _NOW_OPENING.match(text, s0) is not None or any(
        m["now"] and not _not_as_of(sent, m) for m in P.AS_OF.finditer(sent))


def now_opening(text: str, s0: int, published: _dt.date | None
                ) -> list[tuple[int, int, _dt.date | None]] | None:
    """The date of a sentence opened by "Hiện" ("at present") that prints none.

    Why: "Trong năm 2021, huyện có thêm … người …. Hiện tỷ lệ … đạt hơn 90%" — the second
    sentence used to borrow the year of the first (or of its paragraph); "Hiện" says the
    rate is today's, as "hiện nay" does: the publication date. A page that prints no
    publication date leaves the sentence undated (``None``) rather than dated by a year
    that belongs to another sentence.

    Returns
    -------
    list or None
        One as-of entry ``(start, end, date)`` spanning "Hiện" (``date``: the
        publication, or ``None``); ``None`` when the sentence does not open so.
    """
    m = _NOW_OPENING.match(text, s0)
    return [(m.start(), m.end(), published)] if m else None



#: A sentence opened by "(Tính) đến (thời điểm hiện tại / nay)": a status date of its own.
_UP_TO_NOW = re.compile(r"\W*(?:Tính\s+)?(?:đến|tới)\s+(?:nay|thời\s+điểm\s+(?:này|hiện\s+"
                        r"tại))\W*$", re.I)
#: A period's flow ("trong quý I/2026", "sau 6 tháng", "trong tháng 3") and a status date
#: ("đến hết tháng 3", "tính đến 31/3").
_PERIOD = re.compile(r"\b(?:trong|sau|qua)\s+(?:quý\s+[IV]{1,3}\b|\d{1,2}\s+tháng|tháng\s+\d)",
                     re.I)
_STATUS = re.compile(r"\b(?:đến|tới|hết)\s+(?:hết\s+|cuối\s+|ngày\s+)?(?:tháng\s+|quý\s+)?"
                     r"[\dIV]", re.I)


def word_of_today(text: str, s0: int, start: int, end: int) -> bool:
    """Whether the "now" date at ``start:end`` of the sentence at ``s0`` is a word of today.

    A word of today ("… hiện có 61.200 người", "Đến thời điểm hiện tại, …" after "Tính
    đến 31/8") dates its paragraph only; the status date printed before holds again
    after it. Not a date that prints a digit, nor a sentence opened by its "now" date
    in a paragraph whose date before it was a period's flow and no status date: "trong
    quý I/2026, toàn tỉnh phát triển mới …. Đến thời điểm hiện tại, toàn tỉnh có …"
    (set 32): there is no day counted to to go back to, the publication day is the
    status date from there on.

    >>> word_of_today("Trong quý I, tỉnh có thêm 40 người. Đến nay, tỉnh có", 36, 36, 43)
    False
    >>> word_of_today("Tính đến 31/3, tỉnh có 402 người. Đến nay, tỉnh có", 34, 34, 41)
    True
    """
    if re.search(r"\d", text[start:end]):
        return False
    if _UP_TO_NOW.match(text, s0, end) is None:
        return True
    before = text[text.rfind("\n", 0, s0) + 1:s0]
    period = [m.end() for m in _PERIOD.finditer(before)]
    return not period or any(m.start() > period[-1] for m in _STATUS.finditer(before))
