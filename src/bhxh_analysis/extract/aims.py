"""Figures of people who receive, and rates phrased as aims (issue 15, ninth round).

Two classes the unseen sets kept misreading, kept apart from
:mod:`bhxh_analysis.extract.figures` (which asks here) so that each rule is one place:

* a count of people who *receive* something (a pension, a monthly allowance, sickness or
  maternity pay, unemployment benefit, care paid by the health fund) is no count of
  participants, even next to an insurance word ("2,5 triệu người được hưởng trợ cấp hưu
  trí", "số người hưởng BHTN là 9.800 người");
* a rate in a sentence opened by an aim ("Phấn đấu đến cuối năm, toàn tỉnh đạt 90% dân
  số tham gia BHYT") is the plan's rate, not a result.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import patterns as P

if TYPE_CHECKING:
    from .figures import Figure

_I = re.IGNORECASE

#: What people receive: pay or care from a scheme ("hưởng lương hưu", "nhận trợ cấp",
#: "được khám chữa bệnh"). "hưởng" alone is enough: one joins a scheme, one receives from it.
_RECEIVE = (r"(?:(?:đang|được|đã\s+được|đã)\s+)?(?:hưởng|nhận\s+(?:lương|trợ\s+cấp|chế\s+độ)|"
            r"khám(?:,)?\s+chữa\s+bệnh)(?!\w)")
#: "N người (cao tuổi) (đang|được) hưởng …", "N lượt người hưởng …" right after a count.
#: "… người tham gia BHXH tự nguyện (trên địa bàn) được nhận lương hưu" in one clause:
#: participants who now draw a pension (set 17), an exception to "người tham gia … được
#: hưởng" joining; not a purpose or a future ("… để (sau này) được hưởng lương hưu", "sẽ").
_PENSION_AFTER = re.compile(
    r"(?:(?!\b(?:để|nhằm|sẽ|mong|khi)\b)[^.;,:\d%]){0,80}?"
    r"\b(?:được|đã|đang|bắt\s+đầu)\s+(?:nhận|hưởng)\s+(?:chế\s+độ\s+)?lương\s+hưu", re.I)
RECEIVERS_AFTER = re.compile(
    r"\s*(?:lượt\s+)?(?:người(?:\s+lao\s+động|\s+dân|\s+cao\s+tuổi)?|lao\s+động|đối\s+tượng|"
    r"lượt)?\s*" + _RECEIVE, _I)
#: "số người (đang) hưởng …", "số lượt người được khám …" as the subject before a count.
RECEIVERS_BEFORE = re.compile(
    r"(?:người|lao\s+động|đối\s+tượng|lượt)(?:\s+cao\s+tuổi)?\s+" + _RECEIVE, _I)
#: Joining named after the receiving ("tham gia và hưởng", "người tham gia … được hưởng").
_JOIN = re.compile(r"tham\s+gia|\bđóng\b|có\s+thẻ", _I)

#: An aim opening a sentence's figures: "Phấn đấu đến cuối năm, …", "Năm 2024, tỉnh phấn
#: đấu …", "Mục tiêu đến năm 2030, …", "đặt (ra) chỉ tiêu …" (not "hoàn thành/vượt mục tiêu",
#: a result measured against it, nor "nỗ lực phấn đấu", the effort behind a result).
AIM = re.compile(
    r"(?<!nỗ\slực\s)(?<!hoàn\sthành\s)(?<!vượt\s)(?<!đạt\s)(?<!so\svới\s)"
    r"(?:phấn\s+đấu|mục\s+tiêu|đặt\s+(?:ra\s+)?(?:mục\s+tiêu|chỉ\s+tiêu))(?!\s+(?:đã|được)\b)",
    _I)
#: A result between the aim and the figure: then the figure is that result.
_RESULT_BETWEEN = re.compile(r"\bđã\b|tính\s+đến|đến\s+hết\s+tháng|đến\s+nay|hiện\s+nay|"
                             r"vượt|cùng\s+kỳ|so\s+với", _I)


def receiving(fig: Figure, statement: str, after: str) -> str | None:
    """``"beneficiaries"`` when a count is of people who receive pay or care, else ``None``.

    Parameters
    ----------
    fig : Figure
        The figure being classified (only counts of persons are asked about).
    statement : str
        Its sentence from the start (or the last ";") to the figure.
    after : str
        The rest of its sentence after the figure.

    Notes
    -----
    A participants figure in the same sentence keeps its reading: the receivers' words must
    be the figure's own (right after it, or its subject before it with no joining word in
    between), and "tham gia và hưởng", "người tham gia … được hưởng" are joining.
    """
    if fig.unit == "pct":
        return None
    if RECEIVERS_AFTER.match(after):
        return "beneficiaries"  # "… 2,5 triệu người được hưởng trợ cấp hưu trí"
    if _PENSION_AFTER.match(after):  # "… người tham gia BHXH tự nguyện … được nhận lương hưu"
        return "beneficiaries"
    subjects = list(RECEIVERS_BEFORE.finditer(statement))
    if subjects and not P.PARTICIPATE_AFTER.match(after):
        tail = statement[subjects[-1].end():]
        # "số người hưởng BHTN là 9.800 người" (not "…, trong khi tỉnh có N người")
        if not _JOIN.search(tail) and not re.search(r"[,;][^,;]*\b(?:có|toàn|cả\s+nước)\b", tail):
            return "beneficiaries"
    return None


def aimed(sentence_before: str) -> bool:
    """Whether a figure's sentence, up to the figure, is an aim's ("Phấn đấu … đạt x%").

    ``sentence_before`` is the figure's sentence from its start to the figure. True when
    an aim (:data:`AIM`) comes before the figure with no result between (a status date,
    "đã", a comparison): the rate is the plan's, not a result.
    """
    aims = list(AIM.finditer(sentence_before))
    return bool(aims) and not _RESULT_BETWEEN.search(sentence_before[aims[-1].end():]) \
        and not past_clause(sentence_before)


def past_clause(sentence_before: str, plan_year: int | None = None) -> bool:
    """Whether a figure's clause names a year earlier than the years before it.

    "Năm 2017, tỉnh phấn đấu có 82% dân số tham gia BHYT; năm 2016 tỷ lệ bao phủ đạt
    77,6%, với 960.400 người": the aim is 2017's; the figures after "năm 2016" are that
    year's results — an explicit past year beats the plan's year (eleventh round, class
    2). ``sentence_before`` is the figure's sentence from its start to the figure: its
    last year printed (not a compared one, "so với năm 2015") must be earlier than every
    year printed before it across a clause break (";", ",") and than ``plan_year``, the
    year of targets the sentence continues (a list's heading).
    """
    years = [(m.start(), int(m["y"])) for m in _LEAD_YEAR.finditer(sentence_before)
             if not P.COMPARED_YEAR_BEFORE.search(sentence_before[:m.start()])]
    if not years:
        return False
    at, own = years[-1]
    aims = [y for a, y in years[:-1] if re.search(r"[;,]", sentence_before[a:at])]
    aims += [plan_year] if plan_year else []
    return bool(aims) and own < min(aims)


#: "con số này (là|đạt)", "số này là" right before a count: the stock just read, restated
#: ("con số này đã là", set 32).
_THIS_NUMBER = re.compile(r"(?:con\s+)?số\s+(?:này|đó)\s+(?:(?:chỉ|mới|cũng|đã|vẫn|hiện)\s+)?"
                          r"(?:là|đạt|có)?\s*$", _I)


def this_number(text: str, fig: Figure, s0: int, last_count: Figure | None) -> bool:
    """Whether a bare count restates the last stock of persons for a new place or date.

    "Tại huyện A, số người tham gia BHXH tự nguyện là 4.120 người. … Ở thị xã B, con số
    này là 1.240 người": the count is B's stock of what was counted before (the caller
    gives it that figure's scheme). Only right after "con số này (là)", in the figure's
    own clause, after a participants figure earlier on the page.
    """
    if last_count is None or fig.unit not in ("count", "bare"):
        return False
    clause = re.split(r"[;]", text[s0:fig.start])[-1]
    return bool(_THIS_NUMBER.search(clause))


#: "hai con số này lần lượt là", "các con số trên lần lượt là": several stocks restated
#: in turn (set 19: "Thời điểm 30/6/2023, hai con số này lần lượt là N người và M người").
_THESE_NUMBERS = re.compile(r"(?:hai|ba|các|những)\s+(?:con\s+)?số\s+(?:liệu\s+)?(?:này|đó|trên)"
                            r"\s+(?:(?:khi\s+đó|lúc\s+đó)\s+)?lần\s+lượt\s+(?:là|đạt|có)?", _I)
_COUNTED = {"hai": 2, "ba": 3}
#: A stock of participants in a candidate row's indicator ("bhxh_voluntary_participants").
_STOCK = re.compile(r"(?P<scheme>[a-z_]+?)_participants")
_FLOW = ("change", "plan", "new", "shortfall")
_COUNT = re.compile(r"\d[\d.,]*\s*(?:người|lao\s+động)", _I)


def restated_scheme(text: str, fig: Figure, s0: int, last_count: Figure | None,
                    rows: list[dict[str, Any]], reason: str | None) -> str | None:
    """The scheme of a bare count that restates an earlier stock, or None.

    "… con số này là 1.240 người" restates the last stock of persons (:func:`this_number`);
    "hai con số này lần lượt là N người và M người" restates the last two stocks read
    before the sentence, in their order (set 19: the same place at an earlier date), so
    the k-th count after the cue takes the k-th of them (a count without a cue, or one
    read as the list's next participants).
    """
    clause = re.split(r"[;]", text[s0:fig.start])[-1]
    cue = ([None] + list(_THESE_NUMBERS.finditer(clause)))[-1]
    if cue is None:
        if reason == "count without a cue" and this_number(text, fig, s0, last_count):
            return last_count.scheme  # type: ignore[union-attr]
        return None
    if not (reason == "count without a cue" or (reason is None and fig.measure == "participants")):
        return None  # (the second count of the pair reads as the first's list item)
    start = s0 + len(text[s0:fig.start]) - len(clause) + cue.end()
    stop = re.search(r"[;\n]|\.(?!\d)", text[fig.start:])
    end = fig.start + stop.start() if stop else len(text)
    counts = [m.start() for m in _COUNT.finditer(text, start, end)]
    k = sum(c < fig.start for c in counts)
    n = _COUNTED.get(cue.group(0).split()[0].lower()) or len(counts)
    stocks = [r for r in rows if r["start"] < s0 and not any(w in r["indicator"] for w in _FLOW)
              and _STOCK.fullmatch(r["indicator"])]
    if n < 2 or k >= n or len(stocks) < n:
        return None
    return _STOCK.fullmatch(stocks[-n + k]["indicator"])["scheme"]


_SCHEME_JOINED_AFTER = re.compile(
    r"\s*(?:(?:người|lao\s+động)\s+)?(?:tham\s+gia|đóng)\s+(?:BHXH|BHYT|BHTN|bảo\s+hiểm)", _I)


def rate_item_after(pre_q: str, after: str, prev_same: Figure | None,
                    prev: Figure | None = None) -> bool:
    """Whether a bare percent is the next item of a list of rates across a ";" or ",".

    "… có 60% lực lượng lao động tham gia BHXH; 45% tham gia BHTN": the percent right
    after the semicolon, followed by "tham gia" and its scheme, is a rate of the same
    kind as the one before (a plan's when that was a plan's). Only across one ";" with
    no figure or sentence end between. Two more shapes after a labour-force coverage
    (a BHXH or BHTN rate; Limits of sets 22 and 23): the next scheme named before its
    percent after a comma ("…, tham gia BHTN ước đạt 29,4%", "…, BHTN 33,1%"), and a count of a scheme of
    the labour force then its bare rate ("; 2.021.400 người tham gia BHTN, đạt 41,4%"):
    that scheme's coverage, unless a plan follows ("đạt 95% kế hoạch"); the scheme may
    be named before the count too (:func:`count_rate`, set 28).
    """
    if prev_same is None or prev_same.measure not in ("coverage_pct", "plan_coverage_pct"):
        return False
    if pre_q.count(";") == 1 and re.fullmatch(r"[^.\d]*;\s*", pre_q) is not None \
            and _SCHEME_JOINED_AFTER.match(after) is not None:
        return True
    if prev_same.scheme == "bhyt" and not P.PLAN_AFTER.match(after):
        # after BHYT's share of the population too: "…, đạt 93,4% dân số, BHXH 32,1% và
        # BHTN 27,5%" (set 25's Limits, fixed after set 26's classes)
        return _LABOUR_RATE_NEXT.fullmatch(pre_q) is not None
    return prev_same.scheme in _LABOUR_SCHEMES and not P.PLAN_AFTER.match(after) and (
        _LABOUR_RATE_NEXT.fullmatch(pre_q) is not None
        or _LABOUR_COUNT_RATE.fullmatch(pre_q) is not None) or count_rate(
            pre_q, after, prev_same, prev)


def count_rate(pre_q: str, after: str, prev_same: Figure | None, prev: Figure | None) -> bool:
    """Whether a bare percent right after a labour-force scheme's count is its coverage.

    "…, bằng 34,2% lực lượng lao động; số người tham gia BHTN là 735.100 người, bằng
    30,9%" (twenty-eighth blind set): after a BHXH or BHTN coverage, a percent right
    after ", đạt / bằng / chiếm" that follows a count of such a scheme named before the
    count is that scheme's coverage, not the count's attainment (``figures`` asks before
    its attainment rule); "…, bằng 96,3% kế hoạch" stays an attainment.
    """
    return prev_same is not None and prev_same.measure == "coverage_pct" \
        and prev_same.scheme in _LABOUR_SCHEMES and not P.PLAN_AFTER.match(after) \
        and prev is not None and prev is not prev_same and prev.measure == "participants" \
        and prev.scheme in _LABOUR_SCHEMES and _COUNT_RATE.fullmatch(pre_q) is not None


#: Schemes whose coverage is a share of the labour force.
_LABOUR_SCHEMES = ("bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn")
_LABOUR_SCHEME = (r"(?:BHXH(?:\s+(?:bắt\s+buộc|tự\s+nguyện))?|BHTN|bảo\s+hiểm\s+(?:xã\s+hội"
                  r"(?:\s+(?:bắt\s+buộc|tự\s+nguyện))?|thất\s+nghiệp))")
#: "…, (tỷ lệ) (tham gia) BHTN (ước) đạt ": the next labour-force scheme after a comma
#: (or "và", set 26).
#: The verb may be left out ("…, BHTN 33,1% và …", set 22's Limits, fixed with set 25's).
_LABOUR_RATE_NEXT = re.compile(
    rf"[^.;\d]*(?:,|\svà)\s*(?:tỷ\s+lệ\s+)?(?:tham\s+gia\s+)?{_LABOUR_SCHEME}"
    r"(?:\s+(?:(?:ước|ước\s+tính|cũng)\s+)?(?:đạt|là|chiếm))?\s*", _I)
#: " người, bằng ": right after a count whose scheme was named before it (set 28).
_COUNT_RATE = re.compile(r"\s*(?:người|lao\s+động)\s*,\s*(?:đạt|bằng|chiếm)\s*", _I)
#: " người tham gia BHTN, đạt ": right after that scheme's count.
_LABOUR_COUNT_RATE = re.compile(
    rf"\s*(?:người|lao\s+động)\s+tham\s+gia\s+{_LABOUR_SCHEME}\s*,\s*(?:đạt|bằng|chiếm)\s*", _I)


#: A sentence announcing aims listed after it: "phấn đấu hoàn thành các chỉ tiêu …",
#: "đặt ra các mục tiêu sau:", "với những chỉ tiêu chủ yếu".
_AIMS_LEAD = re.compile(r"(?:phấn\s+đấu|đặt\s+ra|đề\s+ra|giao)[^.;\d%]{0,40}?"
                        r"(?:các|những)\s+(?:chỉ\s+tiêu|mục\s+tiêu)", _I)
_LEAD_YEAR = re.compile(r"(?<![\d/])năm\s+(?P<y>(?:19|20)\d{2})(?!\d)", _I)


def aims_lead(text: str, s0: int, s1: int) -> tuple[int, int] | None:
    """``(end of its paragraph, year)`` when ``text[s0:s1]`` announces aims listed next.

    "Năm 2024, ngành BHXH phấn đấu hoàn thành các chỉ tiêu Chính phủ giao. Số người tham
    gia BHXH đạt 42% lực lượng lao động. 94,5% dân số tham gia BHYT.": the sentences
    after it in its paragraph that print no status date of their own list the aims of
    that year (the caller reads their rates as plans of it). Only a sentence that reads
    no figure and names one year; without a year nothing is carried (the plan's date
    would be a guess).
    """
    sentence = text[s0:s1]
    years = {m["y"] for m in _LEAD_YEAR.finditer(sentence)}
    if not _AIMS_LEAD.search(sentence) or len(years) != 1 or re.search(
            r"\bđã\b|vượt|đạt\s+và", sentence, _I):  # "đã hoàn thành các chỉ tiêu": results
        return None
    end = text.find("\n", s1)
    return (len(text) if end < 0 else end, int(years.pop()))


#: a lead giving targets before a colon: "Giao chỉ tiêu tỷ lệ bao phủ BHYT năm 2026 cho
#: một số xã, phường:", "Mục tiêu năm 2026 của các xã:"; not a result's ("Kết quả thực
#: hiện kế hoạch năm 2025:", "đã đạt chỉ tiêu …:")
_PLAN_LEAD = re.compile(r"(?:chỉ\s+tiêu|mục\s+tiêu)[^.:;%\d]{0,80}?\bnăm\s+(?:19|20)\d{2}"
                        r"[^.:;%\d]{0,60}:", _I)
_RESULT_LEAD = re.compile(r"kết\s+quả|thực\s+hiện|\bđã\b|đạt\s+được|vượt", _I)


def planned_under_lead(pre_q: str) -> bool:
    """Whether a rate follows a lead that gives targets of a year before a colon.

    "Giao chỉ tiêu tỷ lệ bao phủ BHYT năm 2026 cho một số xã, phường: phường A 98%; xã
    B 95,5%" (twenty-second blind set): each place's percent after the colon is its
    target of that year, not its coverage (the caller dates it by the lead's year). A
    lead naming a result ("Kết quả thực hiện chỉ tiêu năm 2025:") is not one.
    """
    colon = pre_q.rfind(":")
    if colon < 0:
        return False
    lead = pre_q[:colon + 1]
    m = next(reversed(list(_PLAN_LEAD.finditer(lead))), None)
    return m is not None and m.end() == len(lead) and not _RESULT_LEAD.search(lead)
