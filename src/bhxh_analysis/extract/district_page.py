"""A district's page (set 18): readings a district's own report prints its own way.

- a scheme's count followed by a bare "đạt X%" after another scheme's coverage ("BHYT …
  84% dân số …; BHXH bắt buộc là 3.900 người, đạt 86%"): the count's attainment of its
  plan, not a coverage carried over from the other scheme.
- a headline's figure with no place of its own ("Gần 92% người dân có thẻ BHYT") on a
  district's page is the district's figure the body repeats, not the outlet's province's.
- an aim list over the sentence end ("Năm 2024, huyện phấn đấu đạt 45% …; 35% … .
  Hoàn thành các chỉ tiêu … . Tỷ lệ bao phủ BHYT đạt trên 99%."): the later rates of its
  paragraph, with no result or date of their own, are plans too.
- a count in a sentence opened by "phấn đấu" (also printed "phán đấu") with no result
  between ("Tỉnh phấn đấu đến hết năm 2022, có 105.000 người tham gia …"): the plan's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P
from .aims import count_rate

if TYPE_CHECKING:
    import pandas as pd

    from .figures import Figure

__all__ = ["aim_continued", "aimed_count", "count_attainment", "headline_of_district"]

_BARE_REACH = re.compile(r"\s*(?:người|lao\s+động)?\s*,?\s*(?:đạt|bằng)\s*", re.I)
#: after a plan's count: its clause, a comma, then "(đến …) (mới / chỉ / đã) đạt"
_PLAN_REACHED = re.compile(r"[^.;%\d]{0,60}?,(?:[^.;%\d,]|(?<=tháng\s)\d{1,2}(?:/\d{4})?(?!\d))"
                           # "đến hết tháng 8 đã đạt": a month's number (set 26)
                           r"{0,40}?(?:(?:mới|chỉ|đã)\s+)?đạt\s*", re.I)

#: What may follow that share: the clause's end, or the gap to the plan it measures.
_REACHED_END = re.compile(r"\s*[\"”]?\s*(?:[;.]|$|,\s*(?:(?:còn\s+)?thiếu|vượt|chưa\s+đạt)\s)", re.I)


def count_attainment(pre_q: str, after: str, prev: Figure | None,
                     prev_same: Figure | None) -> bool:
    """Whether a bare rate right after a count is that count's attainment of its plan.

    "… có trên 84% dân số tham gia BHYT, …; BHXH bắt buộc là 3.900 người, đạt 86%": the
    rate follows its own scheme's count with nothing between but "đạt", prints no
    denominator, and the coverage before it is another scheme's (the population base of
    BHYT is no base for BHXH or BHTN). After a count of new participants ("đã phát triển
    mới 1.056 người, đạt 44%.") a bare rate is always the attainment of its plan (a flow
    has no coverage); after a plan's count, "…, (đến hết quý I) mới đạt N%" is the share of
    that plan reached. A list of places with one scheme ("A có N người,
    đạt 90% dân số; B có M người, đạt 88%") keeps the coverage.
    """
    if prev is not None and prev.measure == "new_participants" and prev.skip is None \
            and _BARE_REACH.fullmatch(pre_q) and not P.COVERAGE_AFTER.match(after) \
            and re.match(r"\s*(?:[;.]|$)", after):
        return True  # "đã phát triển mới 1.056 người, đạt 44%.": a flow has no coverage
    if prev is not None and prev.measure == "plan_participants" and prev.skip is None \
            and _PLAN_REACHED.fullmatch(pre_q) and not P.COVERAGE_BEFORE.search(pre_q) \
            and not P.COVERAGE_AFTER.match(after) and _REACHED_END.match(after):
        # "chỉ tiêu … là 160.000 người …, đến hết quý I mới đạt 91,1%" (set 22); "kế hoạch
        # giao 90.000 người, kết quả đạt 105,9%, vượt 5.300 người" (set 24)
        return True
    if prev is None or prev_same is None or prev is prev_same:
        return False
    if prev.measure != "participants" or prev_same.measure not in ("coverage_pct",
                                                                     "attainment_pct"):
        return False
    if not prev.scheme or not prev_same.scheme or prev.scheme == prev_same.scheme:
        return False
    if count_rate(pre_q, after, prev_same, prev):
        return False  # a labour-force coverage before is a base for BHTN's rate (set 28)
    if not _BARE_REACH.fullmatch(pre_q) or P.COVERAGE_AFTER.match(after):
        return False
    return bool(re.match(r"\s*(?:[;.]|và\s|$)", after))


def headline_of_district(frame: pd.DataFrame, i: int, headline_end: int, step: float
                         ) -> bool:
    """Whether row ``i``, a headline's province figure, repeats a district's body figure.

    "Gần 92% người dân có thẻ BHYT" over a body whose district "… của huyện đạt gần 92%":
    the headline names no place, so it took the outlet's province; the body's figure of
    a district (or commune) in that province, of the same kind, equal or within the
    headline's printed ``step`` ("gần 92%" over 91,6%), is the one reading (its place and date).
    """
    if frame.at[i, "start"] >= headline_end or frame.at[i, "geo_level"] != "province":
        return False
    own = frame.at[i, "province_2025"]
    if not own or frame.at[i, "geo_name"].lower() in frame.at[i, "sentence"].lower():
        return False  # "Đồng Nai: hơn 90% …": the headline names its province
    return any(
        j != i and frame.at[j, "start"] >= headline_end
        and frame.at[j, "geo_level"] in ("district", "commune")
        and frame.at[j, "province_2025"] == own
        and frame.at[j, "indicator"] == frame.at[i, "indicator"]
        and abs(frame.at[j, "value"] - frame.at[i, "value"]) < max(step, 1e-9)
        for j in range(len(frame)))


#: An aim of a named year whose own sentence prints a rate: "Năm 2024, huyện phấn đấu đạt
#: khoảng 45% …" (not "nỗ lực phấn đấu", the effort behind a result).
#: (not "so với mục tiêu 96,5% … năm 2026": the yardstick of a gap, set 25)
_YEAR_AIM = re.compile(r"(?<!nỗ\slực\s)(?<!so\svới\s)(?:phấn\s+đấu|mục\s+tiêu)(?!\s+(?:đã|được)\b)"
                       r"[^.\n]*?\d\s*%", re.I)
_AIM_YEAR = re.compile(r"(?<![\d/])năm\s+(?:19|20)\d{2}(?!\d)", re.I)
#: A result or a status date in a sentence: it states where things stand, not an aim.
_STATUS = re.compile(r"\bđã\b|\bhiện\b|tính\s+đến|đến\s+nay|đến\s+hết\s+tháng|thời\s+điểm|"
                     r"đến\s+(?:ngày|cuối\s+tháng)|vượt|cùng\s+kỳ|so\s+với|"
                     r"\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d", re.I)
#: A place named with its kind ("phường Quy Nhơn"): a sentence of another subject.
_NAMED_PLACE = re.compile(r"(?i:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường|"
                          r"thị\s+trấn)\s+[A-ZÀ-ỸĐ]")
#: A sentence end: a full stop after a word (not a decimal point), then a capital.
_SENTENCE_END = re.compile(r"(?<=[^\d\s])\.\s+(?=[A-ZÀ-ỸĐ])")


def aim_continued(before: str, recent: str, sentences: int = 2) -> bool:
    """Whether a rate goes on an aim list begun in an earlier sentence of its paragraph.

    "Năm 2024, huyện X phấn đấu đạt khoảng 45% lực lượng lao động … BHXH; 35% … BHTN.
    Hoàn thành các chỉ tiêu … . Tỷ lệ bao phủ BHYT đạt trên 99% dân số.": the aim's
    sentence names its year and prints a rate; up to ``sentences`` sentences after it,
    in the same paragraph, that state no result and no date of their own (no "đã",
    "hiện", "đến nay", a month, a comparison) keep listing that year's aims.

    Parameters
    ----------
    before : str
        The figure's sentence from its start to the figure.
    recent : str
        The text before the figure (ending with ``before``), some hundred characters.
    sentences : int
        How many sentences back the aim may stand.
    """
    if _STATUS.search(before) or AIM_OWN.search(before) or _NAMED_PLACE.search(before):
        return False  # a status of its own, an aim read in its own sentence, another place
    earlier = recent[:len(recent) - len(before)]
    earlier = earlier[earlier.rfind("\n") + 1:]  # the paragraph only
    parts = [p for p in _SENTENCE_END.split(earlier) if p.strip()]
    for k, part in enumerate(reversed(parts)):
        if k >= sentences + 1:
            return False
        aim = _YEAR_AIM.search(part)
        if aim and _AIM_YEAR.search(part) and not _STATUS.search(part[aim.end():]):
            # "… phấn đấu đạt 76% …. Cuối năm 2015, …": a year before the aim's is a result
            return not _earlier_year(before, part)
        if _STATUS.search(part):
            return False
    return False


def _earlier_year(before: str, aim: str) -> bool:
    """Whether ``before`` (a figure's sentence) prints a year earlier than every year of
    the ``aim`` sentence: "Cuối năm 2015, … đạt 68,4%" after "năm 2016 … phấn đấu đạt
    76%" is the result of 2015 (an explicit past year beats the plan's year)."""
    aims = [int(m.group(0)[-4:]) for m in _AIM_YEAR.finditer(aim)]
    own = [int(m.group(0)[-4:]) for m in _AIM_YEAR.finditer(before)]
    return bool(aims and own) and max(own) < min(aims)


#: An aim in the figure's own sentence (then :func:`aims.aimed` reads it).
AIM_OWN = re.compile(r"phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch", re.I)


#: "phấn đấu" (also misprinted "phán đấu"), not "nỗ lực phấn đấu" (the effort behind a
#: result).
_STRIVE = re.compile(r"(?<!nỗ\slực\s)(?<!Nỗ\slực\s)ph[ấá]n\s+đấu(?!\s+(?:đã|được)\b)",
                     re.I)


def aimed_count(statement: str, after: str) -> bool:
    """Whether a count of participants is the aim its sentence opens with.

    "Tỉnh phấn đấu đến hết năm 2022, có 105.000 người tham gia BHXH tự nguyện": the count
    stands after "phấn đấu" in its statement (from the sentence start or last ";"), with
    no result or status between (:data:`_STATUS`: "đã", "hiện", "đến nay", a month), and
    is followed by the persons who join: the plan's participants, not a stock.
    """
    aims = list(_STRIVE.finditer(statement))
    if not aims or _STATUS.search(statement[aims[-1].end():]):
        return False
    return bool(P.PARTICIPATE_AFTER.match(after))
