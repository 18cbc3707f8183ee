"""One printed figure: what it counts (measure), of which scheme (classification).

The rules read the words of the figure's own clause (cues in
:mod:`bhxh_analysis.extract.patterns`); the driver in :mod:`bhxh_analysis.extract.core`
adds place and date.
"""

from __future__ import annotations

import re

from . import gaps as G
from . import patterns as P
from .aims import aimed, count_rate, planned_under_lead, rate_item_after, receiving
from .changes import change_direction, left_after_change, scheme_left
from .district_page import aim_continued, aimed_count, count_attainment
from .gap_plan import gap_of_new, of_new
from .nonrows import after_money, not_a_row, persons_of_cards
from .parts import SUBGROUP, SUBGROUP_AFTER, part_not_row
from .portions import attain_lead, campaign_total, few_days, new_lead
from .printed import Figure, find_figures
from .reach import reach_aim, resolution_aim
from .row_codes import row_code
from .scheme_after import bhxh_part_after, participation_after, scheme_after_base, share_of_total
from .stocks import item_stock
from .unit_share import share_of_units
from .yardsticks import part_measure

__all__ = ["Figure", "classify", "clause_of", "find_figures", "scheme_mentions", "scheme_of",
           "trailing_name"]


def scheme_mentions(text: str, a: int, b: int) -> list[tuple[int, str, bool]]:
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
        name = next(k for k, v in m.groupdict().items() if v)
        if P.AGENCY_BEFORE.search(masked[:m.start()]):
            continue
        # "BHXH tỉnh", "BHXH Lâm Đồng": the agency; "BHXH tự nguyện tỉnh X" is the scheme
        if name == "bhxh" and (P.AGENCY_AFTER.match(after) or (
                re.match(r"[ \t]+[A-ZĐ][a-zà-ỹđ]", after) and not re.match(
                    r"\s+(?:[Vv]ề|[Tt]rong|[Cc]ho|[Tt]ại|[Ll]à)\b", after))):
            continue
        joint = bool(out) and bool(re.fullmatch(r"\s*(?:,|và|/|-|–|—)\s*",
                                                masked[max(0, last_end):m.start()]))
        if joint and {out[-1][1], name} == {"bhxh_compulsory", "bhxh_voluntary"} \
                and not out[-1][2] and re.fullmatch(r"\s+và\s+", masked[last_end:m.start()]) \
                and not re.match(r"\s*(?:,|và)\s*(?:BH|[Bb]ảo\s+hiểm)", masked[m.end():]) \
                and not P.RESPECTIVELY.search(re.split(r"[;\n]|\.(?!\d)",
                                                       text[a + m.end():], maxsplit=1)[0]):
            # "BHXH bắt buộc và BHXH tự nguyện" (two only, not "lần lượt"): together BHXH
            out[-1] = (out[-1][0], "bhxh", False)
            last_end = m.end()
            continue
        if joint and out:
            out[-1] = (out[-1][0], out[-1][1], True)
        out.append((a + m.start(), name, joint))
        last_end = m.end()
    return out


def _open_remark(pre: str) -> str | None:
    """The words of a parenthetical remark still open at the end of ``pre``, if any."""
    depth, start = 0, None
    for i, ch in enumerate(pre):
        if ch == "(":
            depth, start = depth + 1, i + 1
        elif ch == ")" and depth:
            depth -= 1
    return pre[start:] if depth and start is not None else None


def _after_closed_remark(pre: str) -> int:
    """Offset just after a parenthetical remark that closes in ``pre`` but opened before.

    "(vượt 0,15% so với Nghị quyết 01/NQ-CP) với trên 93,3 triệu người": the figure is
    outside the remark, so the remark's words (a plan, a change) are not its cues.
    """
    depth = 0
    cut = 0
    for i, ch in enumerate(pre):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                cut = i + 1
            else:
                depth -= 1
    return cut


def clause_of(pre: str) -> str:
    """The part of ``pre`` after its last clause break (comma, semicolon, "và")."""
    parts = P.CLAUSE_BREAK.split(pre)
    return parts[-1] if parts else pre


_COVERAGES = ("coverage_pct", "plan_coverage_pct")


def _plan_in(clause: str, before: str, after: str = "") -> bool:
    """Whether ``clause`` names a plan.

    "chỉ tiêu bao phủ BHYT đạt 91,5%" in a sentence dated as a result ("tính đến hết năm
    2020") or followed by a comparison with the plan ("…, vượt 0,15% chỉ tiêu") with no
    target word uses "chỉ tiêu" for "indicator": a result, not a plan.
    """
    if not P.PLAN.search(clause):
        return False
    result_after = bool(P.RESULT_AFTER.search(after)) and not re.search(
        r"(?:là|:)\s*$", clause)  # "chỉ tiêu ... là 95%": the plan's own value
    if (P.RESULT_DATE.search(before) or result_after) and not P.TARGET.search(before):
        return bool(P.PLAN.search(P.INDICATOR_WORD.sub(" ", clause)))
    return True


def classify(text: str, fig: Figure, s0: int, s1: int, prev: Figure | None,
              prev_same: Figure | None) -> str | None:
    """Set ``fig.measure`` (and maybe adjust the value); return a reason when skipped."""
    w0 = prev.end if prev is not None else s0
    w0 += _after_closed_remark(text[w0:fig.start])
    pre = text[w0:fig.start]
    pre_q = P.QUALIFIER_BEFORE.sub("", pre) if fig.qualifier else pre
    after = text[fig.end:s1]
    short_after = re.split(r"[,;.]", after, maxsplit=1)[0][:80]
    clause = clause_of(pre_q)
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    campaign = bool(P.CAMPAIGN.search(text[s0:s1]))
    paren = pre_q.rstrip().endswith("(")
    if fig.unit in ("money", "other"):
        return fig.unit
    if row_code(text, fig):  # "… nhận thẻ bảo hiểm y tế |\n12 |": a table row's code
        return "a row code"
    if P.DIGITAL_SERVICE.search(clause) or P.DIGITAL_SERVICE.search(short_after):
        return "a digital service"  # "… đã cài đặt ứng dụng VssID", "tỷ lệ xác thực …"
    if {"pair:actual", "pair:plan", "pair:population"} & set(fig.notes):  # "31.200/30.950"
        fig.measure = "participants" if "pair:actual" in fig.notes else (
            "population" if "pair:population" in fig.notes else "plan_participants")
        return None
    if persons_of_cards(fig):
        return None
    reason = _not_coverage(fig, pre_q, after, short_after, statement, clause, prev) or \
        not_a_row(fig, pre_q, prev, after) or receiving(fig, statement, after)
    if reason:
        return reason
    reason = G.gap_not_row(fig, pre, after, text[s0:fig.start], prev)
    if reason:
        return reason
    if fig.unit == "pct" and prev is not None and "pair:population" in prev.notes:
        fig.measure = "coverage_pct"  # the rate the pair's ratio was checked against
        return None
    if fig.unit == "pct" and G.below_yardstick(pre, after, statement):
        fig.measure = "shortfall_pp"  # "so với Quyết định số … thấp hơn 7,61%"
        return None
    gap = prev is not None and prev.measure in ("shortfall_pp", "shortfall_participants") \
        and P.EQUIVALENT_BEFORE.search(pre_q)  # "… 2,36 điểm, tức 30.500 người chưa tham gia"
    if not gap and (P.NOT_PARTICIPATING.search(re.split(r"[,;]", pre_q)[-1]) or
                    P.NOT_PARTICIPATING.match(after, 0) or re.match(
                        r"\s*(?:người(?:\s+dân|\s+lao\s+động)?\s+|lao\s+động\s+|dân\s+số\s+)?"
                        r"(?:chưa|không)\s+(?:tham\s+gia|có\s+thẻ)",
                        after, re.I)):
        return "not participating"
    if P.ALL_UNITS.search(statement):
        return "every province"
    if P.MONEY_CONTEXT.search(clause) or P.MONEY_CONTEXT.search(short_after) or (
            prev is not None and prev.unit == "money" and not scheme_mentions(text, w0, fig.start)
    ) or after_money(text, s0, fig):  # "… triệu đồng (9,6%) so với …, đạt 29,2% kế hoạch"
        return "money"
    head, name = trailing_name(clause)
    # "huyện A: 12.345 người; huyện B: 6.789 người": a named item of a list
    named_item = (bool(name) and not P.LIST_LEAD_WORDS.sub(
        "", P.KIND_WORDS.sub("", head)).strip(" ,:;") and not P.NEW.search(short_after))
    listed = (not clause.strip() and ";" not in pre_q and not (P.NEW_AFTER.match(short_after) or (SUBGROUP_AFTER.match(after) and SUBGROUP.search(short_after)))) or named_item
    if item_stock(text, fig, s0, pre_q, after, prev):
        # "A có 241 người tham gia, còn thiếu 309 người; B có 287 người, còn thiếu 263
        # người", "A đạt 61,4% kế hoạch với 356 người": the next item's stock
        fig.measure = "participants"
        fig.penalty += 0.1
        return None
    if left_after_change(pre_q, prev, after) and fig.unit == "count":
        fig.measure = "participants"  # "giảm 3.030 người, chỉ còn 5.400 người": the stock
        return None
    if prev is not None and prev.unit == fig.unit and listed:
        # A list: "... trên 1.000 người tham gia BHYT, 1.000 người tham gia BHXH".
        if prev.skip and not (prev.skip == _LIST_BOUND and prev.measure) and not (
                P.NEW_ITEM.search(pre_q) and (P.PARTICIPATE_AFTER.match(after) or fig.unit == "pct")):
            # (not "…, vượt 212 người; huyện B mới có 215 người tham gia": a new item with its
            # own cue; nor "… đều trên 99%; (, trong khi) xã B đạt 99,3%": a named rate)
            return prev.skip
        if prev.measure and prev.measure not in ("population", "labour_force") and not (
                prev.value < 0 and ";" in pre_q and P.PARTICIPATE_AFTER.match(after)):
            fig.measure = prev.measure  # (a surplus is no list's head for a new item)
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
            if fig.unit != "pct" and (P.NEW.search(pre_q) or (
                    prev is not None and prev.measure == "attainment_pct"
                    and prev_same is not None and prev_same.measure == "new_participants")
                    or gap_of_new(text, statement, pre_q, prev, fig.start)):
                # "đạt 32,4% kế hoạch phát triển mới (15.000 người)"; "phát triển mới
                # 12.460 người, đạt 138,4% kế hoạch giao (9.000 người)": new ones' plan
                fig.measure = "plan_new_participants"
            fig.penalty += 0.1
            return None
        compared = P.COMPARED_YEAR_PAREN.search(pre_q)
        if compared and fig.unit == "pct" and (P.COVERAGE_BEFORE.search(statement) or (
                prev_same is not None and prev_same.measure == "coverage_pct") or (
                prev is not None and prev.unit == "pct" and prev.skip is not None
                and re.search(r"(?:thấp|cao)\s+hơn\s*$", text[s0:prev.start]))):
            # "… thấp hơn 3,5% so với cuối năm 2021 (90,8%)": that year's coverage
            fig.measure = "coverage_pct"
            fig.notes.append(f"year:{compared['y']}")
            fig.penalty += 0.15
            return None
        same = P.SAME_PERIOD.search(pre_q)
        if same and fig.unit != "pct" and prev is not None and (prev.measure in (
                "participants", "change_participants") or prev.skip == "change in percent"):
            # "…, tăng 1.250 người so với cùng kỳ năm 2023 (6.850 người)": the stock
            fig.measure = "participants"
            fig.earlier_year = int(same["y"]) if same["y"] else -1
            fig.penalty += 0.1
            return None
        pop = P.POPULATION_BEFORE.search(pre_q.rstrip()[:-1])
        if pop and fig.unit != "pct":
            fig.measure = "labour_force" if pop["what"].lower()[:1] == "l" else "population"
            fig.penalty += 0.1
            return None
    inner = _open_remark(pre_q)
    if inner and P.PLAN.search(inner) and not P.OVER_BEFORE.search(inner) and not name \
            and not P.CHANGE_BEFORE.search(inner) and not re.search(r"đạt|so\s+với", inner):
        # "đạt 93,52% (kế hoạch 93,5%)": the plan printed inside a remark
        fig.measure = "plan_coverage_pct" if fig.unit == "pct" else "plan_new_participants" \
            if gap_of_new(text, statement, pre_q, prev, fig.start) else "plan_participants"
        fig.penalty += 0.1
        return None
    reason = part_not_row(text, fig, pre_q, after, statement)
    if reason:
        return reason  # a part of the participants or of the people (extract/parts.py)
    if fig.unit == "pct":
        reason = _classify_pct(fig, pre, pre_q, after, clause, statement, campaign, prev,
                               prev_same, text[s0:fig.start], text[max(0, s0 - 400):fig.start])
    else:
        reason = _classify_count(text, fig, pre, pre_q, clause, short_after, after, campaign,
                                 prev, prev_same, w0, statement)
    if reason is None and P.LIST_LEAD_AFTER.match(after):
        return _LIST_BOUND  # "trên 93% như: xã A đạt 93,01%, ...": the items carry it
    return reason


_LIST_BOUND = "a bound over a list"


def _not_coverage(fig: Figure, pre_q: str, after: str, short_after: str, statement: str,
                  clause: str, prev: Figure | None) -> str | None:
    """Figures next to insurance words that are no stock and no rate of one.

    Shares of a survey's respondents ("62% lao động tự do không biết đến ..."), lump-sum
    withdrawals ("số người hưởng BHXH một lần ... là 41.200 người"), a ratio ("Cứ 3
    người tham gia thì có 1 người rút"), the uninsured share after a count of people
    without a card ("còn 45.000 người chưa có thẻ, tương đương 5,2% dân số") and a bound
    over several places ("các xã còn lại đạt từ 88% trở lên").
    """
    if P.ATTITUDE.search(short_after) or (
            fig.unit == "pct" and P.SURVEY.search(statement)
            and not P.COVERAGE_BEFORE.search(clause)):
        return "a survey's share"
    lump = list(P.LUMP_SUM.finditer(statement))
    if lump and not P.PARTICIPATE_AFTER.match(after) and not re.search(
            r"(?<!chưa\s)(?<!không\s)(?:tham\s+gia|đóng|có\s+thẻ)", statement[lump[-1].end():]):
        return "lump-sum withdrawals"
    if P.RATIO_LEAD.search(pre_q) or P.RATIO_LEAD.search(statement):
        return "a ratio"
    if prev is not None and ";" not in pre_q and P.NOT_PARTICIPATING.search(pre_q) \
            and P.SAME_AS_BEFORE.match(pre_q.rsplit(",", 1)[-1]):
        return "not participating"
    if fig.unit == "pct" and not G.reached_new_rural(statement) and (
            P.NEW_RURAL.search(statement.rsplit(",", 1)[-1]) or P.NEW_RURAL.search(short_after)):
        return "a criterion for a kind of commune"  # "… đạt 90% đối với xã nông thôn mới"
    if P.BOUND_AFTER.match(short_after) and not (
            fig.unit == "pct" and P.PLAN_WORD.search(clause) and P.TARGET.search(statement)):
        # (not "để đạt chỉ tiêu bao phủ … từ 85% trở lên": a target's floor)
        return "a bound over several places"
    if fig.unit == "pct" and P.BAND_OF_PLACES_AFTER.match(after):
        return "a band's bound over a count of places"  # "dưới 85% gồm 4 xã"
    rest = re.sub(r"\([^)]*\)", " ", re.split(r";|\.(?!\d)", after, maxsplit=1)[0])[:100]
    if (P.STILL_BEFORE.search(pre_q) and P.UNINSURED.search(rest)) or re.match(
            r"\s*(?:người\s*)?\)\s*" + P.UNINSURED.pattern, after, re.I):
        # "còn 11% dân số (khoảng 9.000 người) chưa tham gia": those outside the scheme
        return "not participating"
    if fig.unit == "pct" and re.match(r"\s*(?:lao\s+động|người|hộ|ngư\s+dân|học\s+sinh)"
                                      r"[^\d,;.()]{0,40}?" + P.UNINSURED.pattern, after, re.I):
        return "not participating"  # "khoảng 35% lao động trên tàu cá chưa có thẻ"
    if fig.unit != "pct" and P.RENEWAL_AFTER.match(after):
        return "first-time and renewed cards"  # a flow of cards, no stock of persons
    if fig.unit != "pct" and P.PERSON_RECRUITS_BEFORE.search(pre_q[-120:]):
        return "one person's recruits"  # "chị đã vận động được 47 người tham gia mới"
    if fig.unit != "pct" and P.STAFF_AFTER.match(after):
        return "staff"  # "1.200 người tham gia làm nhân viên thu": who collects, not who joins
    if P.EACH_PLACE.search(clause) or P.EACH_PLACE.search(pre_q):
        return "each of several places"  # "các xã A, B mỗi xã đều có trên 100 người"
    if fig.unit != "pct" and (P.EACH_PERSON.search(clause) or P.PER_PERIOD_AFTER.match(after)):
        # "mỗi nhân viên thu phải phát triển ít nhất 5 người mới mỗi tháng": a quota
        return "a quota per person or per period"
    return None


def _classify_pct(fig: Figure, pre: str, pre_q: str, after: str, clause: str, statement: str,
                  campaign: bool, prev: Figure | None, prev_same: Figure | None,
                  before: str, recent: str) -> str | None:
    """Percent figures: attainment, shortfall, coverage, plan coverage."""
    after_coverage = prev_same is not None and prev_same.measure in _COVERAGES
    if prev is not None and prev.skip and prev.unit != "pct" and ";" not in pre \
            and not P.SCHEME.search(pre) and not re.search(r"t[ỷỉ]\s+lệ|bao\s+phủ", pre, re.I) \
            and not P.UNITS_COUNTED.match(pre) and not P.SPAN_AFTER.match(pre):
        return "the rate of a count not kept"  # "tư vấn cho 5.000 người, đạt 110% kế hoạch"
    if share_of_units(pre_q):
        return "a share of places or units"  # "… là 60/60 xã, đạt 100%"
    if P.ELIGIBLE_AFTER.match(after):
        return "share of those who must join"  # "90% số người thuộc diện phải tham gia"
    if P.SHARE_OF_PARTICIPANTS_AFTER.match(after):
        return "a share of the participants"  # "hỗ trợ cho 78% số người tham gia"
    if P.OVER_BEFORE.search(pre_q) or re.search(r"cao\s+hơn\s*$", pre_q, re.I):
        if after_coverage or (prev is not None and prev.unit == "pct" and ";" not in pre):
            # "đạt 38,05%, vượt 0,05% so với chỉ tiêu": a surplus, a negative shortfall
            if P.OVER_BEFORE.search(pre_q) and G.surplus_over_plan(pre_q, after) and \
                    G.rate_before(prev, prev_same, fig.start - len(statement)):
                # (not above a plan: "chỉ tiêu … là 97%, vượt 1% so với chỉ tiêu Chính phủ")
                fig.measure, fig.value = "shortfall_pp", -fig.value
                return None
            if P.OVER_BEFORE.search(pre_q) and prev is not None and prev.skip is None \
                    and prev.measure == "plan_coverage_pct" and _PLAN_FIRST.match(statement):
                # "So với chỉ tiêu … (93,2%), tỷ lệ … vượt 0,15 điểm": over a bracketed plan
                fig.measure, fig.value = "shortfall_pp", -fig.value
                return None
            return "points above the plan"
        if G.points_over_plan(fig, pre_q, after):  # "vượt 0,9 điểm … so với chỉ tiêu"
            return None
        if P.PLAN_AFTER.match(after) or re.search(r"(?:kế hoạch|chỉ tiêu)", pre_q[-25:]):
            fig.measure, fig.value = "attainment_pct", 100.0 + fig.value
            fig.penalty += 0.2
            return None
        return "over-achievement"
    if P.CHANGE_BEFORE.search(pre_q) and not G.raise_to_target(statement, after):
        return "change in percent"
    if P.SHORTFALL_BEFORE.search(pre_q) or G.points_of_gap(pre_q, after, prev) or (
            re.search(r"thấp\s+hơn\s*$", pre_q, re.I) and (
                P.PLAN_AFTER.match(after) or P.VERSUS_PLAN.search(statement))):
        # "So với chỉ tiêu … (BHXH 32%), tỷ lệ … còn thấp hơn 1,8%": points under the plan
        fig.measure = "shortfall_pp"
        return None
    if not P.COVERAGE_AFTER.match(after) and not count_rate(pre_q, after, prev_same, prev) and (
            P.PLAN_AFTER.match(after) or P.ATTAIN_BEFORE.search(pre_q) or (
            re.search(r"đạt\s*$", pre_q) and P.VERSUS_PLAN.search(statement)
            and not (P.TARGET_SENTENCE.match(statement) and P.COVERAGE_BEFORE.search(clause))
            )) or (
            re.search(r"\(\s*$", pre_q) and P.ATTAIN_DONE.search(statement)):
        if P.TARGET.search(pre) and P.ATTAIN_BEFORE.search(pre_q) and P.GIVEN_AFTER.match(after):
            # "Để đạt chỉ tiêu 94,7% mà UBND tỉnh giao năm 2023, …": the plan's rate
            fig.measure = "plan_coverage_pct"
            fig.penalty += 0.1
            return None
        if P.TARGET.search(pre) or campaign and P.TARGET.search(before):
            return "target share of a plan"
        fig.measure = "attainment_pct"
        return None
    item = P.YEAR_ITEM_BEFORE.search(pre_q)
    if item and (P.THIS_RATE.search(statement) or P.COVERAGE_BEFORE.search(statement)
                 or after_coverage):
        # "Tỷ lệ này sẽ tăng dần: năm 2016 là 78%, 2017 là 79,8%": that year's rate
        planned = P.PLAN.search(statement) or P.ROADMAP.search(statement) or reach_aim(
            statement)  # "góp phần đạt tỉ lệ … năm 2024 đạt 35%": the rate to reach
        fig.measure = "plan_coverage_pct" if planned else "coverage_pct"
        fig.notes.append(f"year:{item['y']}")
        fig.penalty += 0.15
        return None
    share_of_count = (prev is not None and prev.measure == "participants" and re.search(
        r"(?:chiếm|đạt)\s+t[ỷỉ]\s+lệ\s*$|chiếm\s*$", pre_q, re.I))
    # "…% lực lượng lao động …, trong đó BHXH tự nguyện chiếm khoảng 2,5%;": a share
    # printed without its denominator is of the rate before (a target's, a result's)
    share_of_rate = (prev is prev_same and prev_same is not None and ";" not in pre_q
                     and prev_same.measure in _COVERAGES
                     and re.search(r"chiếm\s*$", pre_q, re.I)
                     and re.match(r"\s*(?:[;.)]|$)", after))
    if share_of_rate:
        fig.measure = prev_same.measure
        fig.penalty += 0.1
        return None
    if prev is prev_same and prev_same is not None and prev_same.measure in _COVERAGES \
            and P.SCHEME.search(pre_q) and P.RATE_GOES_ON.fullmatch(
                P.SCHEME.sub(" ", pre_q)):  # "; số người tham gia BHTN chiếm" (set 35)
        # "… tham gia BHXH đạt 42,5% và (;) tham gia BHTN đạt 35%": the rate before's
        # denominator and kind, for the scheme named here
        fig.measure = prev_same.measure
        fig.penalty += 0.1
        return None
    if P.COVERAGE_BEFORE.search(pre_q) or P.COVERAGE_AFTER.match(after) or \
            P.COVERAGE_AFTER_LIST.match(after) or share_of_count \
            or share_of_total(after, before):  # "đạt 2,94% so với tổng số"
        planned = _plan_in(clause, before, after) or P.TARGET.search(clause) \
            or P.OBLIGED.search(clause) or P.MUST_REACH.search(clause) \
            or P.TARGET_OPENING.match(statement) or aimed(before) \
            or aim_continued(before, recent) or resolution_aim(statement) \
            or _target_named(pre_q, statement) or planned_under_lead(pre_q) or (
            prev_same is not None and prev_same.measure == "plan_coverage_pct"
            and not re.search(r"\w", re.sub(r"\b(?:có|và)\b", "", clause)))
        fig.measure = "plan_coverage_pct" if planned and not G.contributed_result(
            clause) else "coverage_pct"  # "góp phần … đến cuối tháng 6/2019 là 89%"
        return None
    if count_attainment(pre_q, after, prev, prev_same):  # "BHTN là 3.200 người, đạt 84%"
        fig.measure = "attainment_pct"
        return None
    if prev_same is not None and prev_same.measure in (*_COVERAGES, "attainment_pct") \
            and not P.SCHEME.search(pre_q) and not re.search(r"t[ỷỉ]\s+lệ", clause, re.I) \
            and (prev_same.measure != "attainment_pct" or re.search(r"đạt\s*$", pre_q)):
        fig.measure = part_measure(prev_same.measure, before)  # "A đạt 68,9%, B 70,5%"
        if prev_same.measure == "coverage_pct" and _plan_in(clause, before, after):
            # "…87,52% dân số, trong khi kế hoạch năm 2022 UBND tỉnh giao là 92,6%"
            fig.measure = "plan_coverage_pct"
        fig.penalty += 0.1
        return None
    if (prev is not None and prev.measure in ("shortfall_pp", *_COVERAGES)
            or (re.search(r"so\s+với\s+(?:\S+\s+)?(?:chỉ\s+tiêu|kế\s+hoạch)", pre_q, re.I)
                and P.GAP_WORD.search(statement + after))) \
            and P.PLAN_RIGHT_BEFORE.search(pre_q):
        # (also "So với chỉ tiêu 90,5% năm 2021 …, tỷ lệ bao phủ còn thiếu 2,36 điểm":
        # the yardstick of a gap in its sentence)
        # "…93,05% dân số, thấp hơn 1,95% so với chỉ tiêu 95%": the plan's rate
        fig.measure = "plan_coverage_pct"
        fig.penalty += 0.1
        return None
    if re.search(r":\s*$", pre_q) and P.PLAN.search(statement) and re.search(
            r"bao\s+phủ", recent, re.I):
        # "chỉ tiêu bao phủ ...: năm 2016: 89,0%; năm 2017: 90,0%"
        fig.measure = "plan_coverage_pct"
        fig.penalty += 0.15
        return None
    if rate_item_after(pre_q, after, prev_same, prev):  # "60% … tham gia BHXH; 45% tham gia BHTN"
        fig.measure, fig.penalty = prev_same.measure, fig.penalty + 0.1
        return None
    if attain_lead(statement, recent, after):  # "Xét về tỷ lệ hoàn thành kế hoạch, …"
        fig.measure = "attainment_pct"
        return None
    if _GIVEN_PLAN_BEFORE.search(pre_q) or (P.PLAN_RIGHT_BEFORE.search(pre_q)
                                            and _GIVEN_AFTER.match(after)):
        # "chỉ tiêu năm 2023 được UBND tỉnh giao là 95,2%", "Với chỉ tiêu 92% được giao
        # năm 2022, …", "bằng 100,4% chỉ tiêu 92,7% được giao": a plan someone set
        fig.measure = "plan_coverage_pct"
        fig.penalty += 0.1
        return None
    return "percent without a cue"


#: "chỉ tiêu (năm Y) (được) (UBND tỉnh) giao (năm Y) là": a given plan's rate follows.
_GIVEN_PLAN_BEFORE = re.compile(
    r"(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+năm(?:\s+\d{4})?)?\s+(?:được\s+)?(?:[^\d,;.%]{0,30}?\s)?"
    r"giao(?:\s+năm(?:\s+\d{4})?)?\s*(?:là|:)\s*$", re.I)
#: "So với chỉ tiêu (tại Nghị quyết …) (93,2%), …": a statement opened by the plan's rate.
_PLAN_FIRST = re.compile(r"\s*So\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)[^;()]*"
                         r"\(\s*\d[\d,.]*\s*%\s*\)\s*,[^()]*$", re.I)
#: A plan named in a count's clause ("Kế hoạch giao phát triển thêm N người"): the count is it.
_PLAN_NAMED = re.compile(r"chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|\bgiao\b", re.I)
#: "còn thiếu x điểm so với chỉ tiêu y% …, tương đương N người": the persons of the gap,
#: the plan's rate being what the gap is measured against.
_GAP_TO_PLAN = re.compile(r"(?:thiếu|thấp\s+hơn|chưa\s+đạt)[^;]*?\bso\s+với\s+(?:\S+\s+){0,2}?"
                          r"(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)[^;]*$", re.I)
#: Right after a coverage rate: ", tương ứng/tương đương (với) (khoảng)" — the persons it is.
_PERSONS_OF_RATE = re.compile(r"(?:\s*dân\s+số)?\s*,\s*(?:tương\s+(?:ứng|đương)(?:\s+với)?|tức(?:\s+là)?)"
                              r"(?:\s+(?:khoảng|gần|hơn|trên))?\s*", re.I)
#: "… x% được (UBND tỉnh) giao", "… x% mà tỉnh giao": the rate is a plan someone set.
_GIVEN_AFTER = re.compile(r"\s*(?:mà|do|được)\s(?:[^,;.]{0,40}?\s)?giao\b", re.I)


def _classify_count(text: str, fig: Figure, pre: str, pre_q: str, clause: str,
                    short_after: str, after: str, campaign: bool, prev: Figure | None,
                    prev_same: Figure | None, w0: int, statement: str) -> str | None:
    """Counts of persons (bare numbers are kept only with a strong cue)."""
    if P.ONE_DAY.search(statement) or P.ONE_DAY.search(short_after) or few_days(statement):
        return "one day's count"  # "chỉ trong ngày 8-5, đã phát triển được 22.306 người"
    if P.MORE_BEFORE.search(pre_q) and not campaign and (
            P.TO_REACH_OPENING.match(statement) or P.FROM_NOW_MORE.search(pre_q) or (
                P.TO_REACH_PLAN_AFTER.match(after) and not _PLAN_NAMED.search(clause))):
        # "Để hoàn thành chỉ tiêu …, phấn đấu mở rộng thêm khoảng N người", "phấn đấu
        # vận động thêm N người để hoàn thành chỉ tiêu": still needed (a plan named before
        # the count, "Kế hoạch giao phát triển thêm N người để …", stays the plan)
        fig.measure = "shortfall_participants"
        return None
    change = P.CHANGE_BEFORE.search(pre_q) or (
        P.CHANGE_PCT_WITH.search(statement) if re.fullmatch(
            r"\s*(?:với|tương\s+(?:đương|ứng)(?:\s+với)?)\s*", pre_q) else None)
    # "giảm so với năm 2023 là N người", "giảm đi N", "ít hơn N người so với …"
    direction = change["dir"].lower() if change else change_direction(pre_q, after)
    if direction and prev is not None and prev.measure == "new_participants" \
            and re.fullmatch(r"\s*người\s*,\s*(?:tăng|giảm)\s*", pre_q, re.I):
        # "phát triển mới 5.630 người, tăng 1.120 người so với cùng kỳ": the new ones'
        # rise over the same period, not a change of the stock
        return "a change of new participants"
    if direction:  # (also "tăng 15% với 20.537 người": the change in persons)
        if re.search(r"tăng\s+mới\s*$", pre_q, re.I):
            fig.measure = "new_participants"
            return None
        if P.TARGET.search(clause) and direction != "giảm" and not campaign:
            # "mục tiêu ... đặt ra là thu hút thêm ít nhất 300 nghìn người": a target
            fig.measure = "plan_new_participants"
            return None
        if fig.unit == "bare" and not (prev_same is not None
                                       and prev_same.measure == "participants"):
            return "bare number"
        fig.measure = "change_participants"
        if direction == "giảm":
            fig.value = -fig.value
        fig.penalty += 0.1 if fig.unit == "bare" else 0.0
        return None
    if P.OVER_BEFORE.search(pre_q) or re.search(r"cao\s+hơn\s*$", pre_q, re.I):
        if fig.unit == "count" and P.OVER_BEFORE.search(pre_q) \
                and G.surplus_over_plan(pre_q, after):
            # "vượt 312 người so với kế hoạch": a surplus, a negative shortfall
            fig.measure, fig.value = "shortfall_participants", -fig.value
            return None
        return "over-achievement"
    if P.TOTAL_BEFORE.search(pre_q):
        fig.measure = "participants"
        return None
    own = re.split(r"[,;]", statement)[-1]  # the figure's own comma clause
    changed = P.CHANGE_CLAUSE.search(own)
    if changed and not P.PARTICIPATE_AFTER.match(after):
        # "số người tăng 6 tháng đầu năm là 674.772 người"
        fig.measure = "change_participants"
        if changed["dir"].lower() == "giảm":
            fig.value = -fig.value
        return None
    if P.SHORTFALL_BEFORE.search(pre_q) or P.SHORTFALL_CLAUSE.search(own) \
            or P.SHORTFALL_AFTER.match(after) or (
            P.EQUIVALENT_BEFORE.search(pre_q) and prev is not None
            and prev.measure in ("shortfall_pp", "shortfall_participants")) or (
            re.search(r"\bcòn\s*$", pre_q) and (P.SHORTFALL_CLAUSE.search(statement)
                                                or P.STILL_MORE_AFTER.match(after))):
        fig.measure = "shortfall_participants"
        return None
    equivalent = _equivalent_of(pre_q, statement, prev)
    if equivalent:
        fig.measure = equivalent
        fig.penalty += 0.1
        return None
    scheme_named = P.SCHEME_THEN.search(clause) or P.SCHEME_HAS.search(clause) or (
        # "BHXH tự nguyện chỉ còn 31.062 người" ("còn" breaks the clause): what is left
        (m := P.SCHEME_HAS.search(own)) is not None and m["left"] is not None) or \
        scheme_left(own)  # "BHXH bắt buộc của huyện A còn 5.400 người"
    if P.RATE_OF_COUNT_AFTER.match(after) and not _plan_in(clause, statement, after) \
            and not P.TARGET.search(clause) and not P.NEW.search(clause) \
            and not P.SERVICE.search(own):
        # "Hà Nam với 727.215 người, đạt 102,4% kế hoạch": the count the rate is of
        fig.measure = "participants"
        fig.penalty += 0.1 if fig.unit == "count" else 0.2
        return None
    if fig.unit == "bare":
        if not scheme_named and not re.search(r"lần\s+lượt(?:\s+phát\s+triển\s+mới)?\s*$", pre_q) and (not re.search(
                r"(?:là|đạt|có)\s*$", pre_q) or not P.PARTICIPATE_BEFORE.search(pre)):
            return "bare number"
        fig.penalty += 0.1
    # "Lực lượng lao động từ 15 tuổi trở lên trong quý II là 51,6 triệu người"
    pop = P.POPULATION_BEFORE.search(clause) or (
        P.POPULATION_BEFORE.search(own) if fig.unit == "count" and not re.search(
            r"tham\s+gia|%", own[P.POPULATION_BEFORE.search(own).start():]
            if P.POPULATION_BEFORE.search(own) else "") else None)
    if pop and not scheme_mentions(text, w0, fig.start) and not scheme_mentions(
            text, fig.start - len(own), fig.start) and not P.PARTICIPATE_AFTER.match(after):
        # "… 94,6% dân số với 782.310 người tham gia": the persons, not the population
        fig.measure = "labour_force" if pop["what"].lower()[:1] == "l" else "population"
        return None
    is_new = bool(P.NEW.search(clause) or P.NEW.search(short_after)
                  or P.NEW_AFTER.match(short_after) or new_lead(statement, text, fig))
    if _plan_in(clause, statement, after) or (
            (P.TARGET.search(clause) or P.OBLIGED.search(clause))
            and not P.PARTICIPATE_BEFORE.search(clause[-15:])) or aimed_count(statement, after):
        if campaign:
            return "campaign target"
        if re.search(r"trong\s+tháng(?!\s+\d)", clause, re.I):
            return "a month's target"  # "phấn đấu trong tháng phát triển thêm 150 người"
        # "là phát triển trên 17.000 người": the total to reach; "phát triển mới/thêm", or
        is_new = is_new and not (P.DEVELOP_BEFORE.search(clause) and not (  # the plan of an
            P.NEW.search(P.DEVELOP_BEFORE.sub("", clause)) or P.NEW.search(short_after)
            or P.NEW_AFTER.match(short_after) or new_lead(statement))) or of_new(  # attainment
            prev, prev_same)  # of new ones ("đạt 18,5% kế hoạch … là N người"): the new ones
        fig.measure = "plan_new_participants" if is_new else "plan_participants"
        return None
    if campaign and is_new and not (campaign_total(statement) or new_lead(statement)):
        return "campaign result"
    if is_new and P.TO_REACH_PLAN_AFTER.match(after):
        # "phát triển thêm ít nhất 653 người … trong quý IV để hoàn thành chỉ tiêu năm":
        fig.measure = "shortfall_participants"  # what is still needed to reach the plan
        return None
    if is_new and P.CHANNEL.search(own):
        return "a channel's count"  # "tăng mới thông qua tổ chức hội nghị là 461 người"
    if is_new:
        fig.measure = "new_participants"
        return None
    if P.PARTICIPATE_AFTER.match(after) or P.PARTICIPATE_BEFORE.search(pre) or scheme_named:
        fig.measure = "participants"
        return None
    if fig.unit == "count" and prev_same is not None and prev_same.measure == "participants" \
            and P.SCHEME.search(clause) and not P.SERVICE.search(own + short_after):
        # "…, BHTN khoảng 61 nghìn người, còn BHXH tự nguyện dừng ở mức gần 5 nghìn
        # người": a list of stocks going on with another scheme
        fig.measure = "participants"
        fig.penalty += 0.1
        return None
    if fig.unit == "count" and prev_same is not None and prev_same.measure == "participants" \
            and re.search(r"(?:đứng|xếp)\s+thứ\s+\w+\s+(?:với\s+)?$", pre_q, re.I):
        # "Thuận An … nhất với 268.900 người; Dĩ An đứng thứ hai với 215.340 người"
        fig.measure = "participants"
        fig.penalty += 0.1
        return None
    return "count without a cue"


def _target_named(pre_q: str, statement: str) -> bool:
    """Whether a rate follows a target named since the figure before.

    "… cách xa mục tiêu Quốc hội giao, đó là đến cuối năm 2022, tỷ lệ … đạt 92%", "gần
    đạt mục tiêu mà Chính phủ đặt ra đến năm 2020, tỷ lệ bao phủ … đạt trên 90%": the
    clauses after the target's name state it (not a result).
    """
    named = list(P.TARGET_NAMED.finditer(pre_q))
    return bool(named) and not re.search(r"(?:hoàn\s+thành|vượt)\s+(?:\S+\s+){0,2}?$",
                                         pre_q[:named[-1].start()]) and bool(statement)


def _equivalent_of(pre_q: str, statement: str, prev: Figure | None) -> str | None:
    """The persons "tương đương (khoảng) N người" stand for, after a rate.

    After a target's rate ("chỉ tiêu … là 80% dân số, tương đương khoảng 833.000 người")
    the plan's persons; after points under a plan whose own rate sits in a remark ("còn
    thiếu 0,9% so với chỉ tiêu … (95%), tương đương khoảng 4.300 người") the shortfall.
    """
    if prev is not None and prev.measure == "coverage_pct" and _PERSONS_OF_RATE.fullmatch(pre_q):
        return "participants"  # "tỷ lệ … đạt 84,3%, tương ứng 655.400 người": its persons
    if prev is None or not P.EQUIVALENT_BEFORE.search(pre_q):
        return None
    if re.search(r"\)[\s,]*tương\s+(?:đương|ứng)[^()]*$", statement) and re.search(
            r"thiếu|thấp\s+hơn|chưa\s+đạt", statement.rsplit("(", 1)[0], re.I):
        return "shortfall_participants"
    if prev.measure == "plan_coverage_pct" and _GAP_TO_PLAN.search(statement):
        return "shortfall_participants"  # "còn thiếu 1,2 điểm so với chỉ tiêu 95%, tương
        # đương khoảng 9.000 người": the gap's persons, not the plan's
    if prev.measure == "plan_coverage_pct" and not re.search(r"\)[^()]*$", statement):
        return "plan_participants"
    return None


def scheme_of(text: str, fig: Figure, s0: int, prev: Figure | None) -> str | None:
    """The scheme of a figure: named right after it, else the nearest before it.

    Returns ``"joint"`` for a figure of several schemes listed together.
    """
    # a pair "197.247/240.986 người tham gia BHYT": the noun follows the pair's second
    end = next((int(n[8:]) for n in fig.notes if n.startswith("pairend:")), fig.end)
    m = participation_after(text, end)  # (not the next line's label, set 25)
    if m is not None:
        after = scheme_mentions(text, m.end(), min(len(text), m.end() + 60))
        if after and not text[m.end():after[0][0]].strip() and not re.search(
                r"\n\s*\n", text[m.end():after[0][0]]):  # (not the next block's heading)
            return "joint" if after[0][2] else after[0][1]
    before = [x for x in scheme_mentions(text, s0, fig.start) if not x[2]]
    if part := bhxh_part_after(text, end, before[-1][1] if before else None):
        return part  # "… BHXH, gồm N người tham gia bắt buộc và M người tự nguyện"
    if (based := scheme_after_base(text, fig)) is not None:
        return based  # "…, 92% dân số BHYT": the scheme after the rate's base is its own
    w0 = prev.end if prev is not None else s0
    for a in (w0, s0):
        found = scheme_mentions(text, a, fig.start)
        if found:
            return "joint" if found[-1][2] else found[-1][1]
    after = scheme_mentions(text, fig.end, min(len(text), fig.end + 40))
    if after:  # the list the first scheme opens may go on past the window: "BHYT và bảo hiểm
        after = scheme_mentions(text, fig.end, min(len(text), after[0][0] + 40))  # tự nguyện"
    # not across a clause: "Thái Bình (45.330 người), trong khi tỷ lệ bao phủ BHYT …"
    if after and not P.CLAUSE_ENDS_AFTER.search(text[fig.end:after[0][0]]):
        fig.penalty += 0.1
        return "joint" if after[0][2] else after[0][1]
    if m is not None:  # "A phát triển mới 418 người, B 356 người tham gia BHXH tự nguyện":
        stop = P.CLAUSE_ENDS_AFTER.search(text[fig.end:fig.end + 200])  # the list's scheme
        later = scheme_mentions(text, fig.end, fig.end + (stop.start() if stop else 200))
        if later and not later[0][2]:
            fig.penalty += 0.2
            return later[0][1]
    return None


def trailing_name(clause: str) -> tuple[str, str]:
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
