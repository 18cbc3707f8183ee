"""Read insurance figures out of article text: each printed figure → a candidate row.

The reading is deliberately rule-based and explainable: each figure's indicator comes
from the words of its own clause (:mod:`bhxh_analysis.extract.figures`, cues in
:mod:`bhxh_analysis.extract.patterns`), its scheme from the nearest scheme named with it,
its place from the nearest place named before it in its sentence (else the place in
play, else ``--place-hint``), its date from the nearest as-of phrase (else the last one
in the article, else the publication date). This module is the driver: it walks the
sentences, carries place, date and scheme from one to the next and builds the table.
What cannot be read for sure is not guessed: a count without a word saying what is
counted, money, a change or an over-achievement never become a stock of persons.
See ``docs/extract.md``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from ..clean import ParseError, parse_quantity
from ..schema import INDICATOR_PATTERN, REFORM_DATE
from . import patterns as P
from .aims import aims_lead, past_clause, restated_scheme
from .cause_place import place_in_cause
from .clauses import (
    authority,
    census_date,
    heading_scheme,
    headline_plan_year,
    horizon_opening,
    lead_scheme,
    local_rate_scheme,
    plan_after_rate,
    question_scheme,
    rates_in_turn,
    remark_plan,
    respective_measure,
    respective_place,
    respective_scheme,
    section_scheme,
)
from .composite import joined_figures, note_of
from .dates_page import (
    page_year,
    plan_fallback_year,
    reviewed_year,
    section_plan_year,
    stated_year,
    undate_before_merger,
)
from .dating import (
    date_for,
    horizon,
    now_opening,
    plan_year,
    remark_date,
    same_day_in,
    says_now,
    sentence_dates,
    word_of_today,
    yardstick,
)
from .figures import Figure, classify, find_figures, scheme_mentions, scheme_of
from .former import former_heading, former_unit, group_past_formers, in_play_again, scoped_levels
from .frame import COLUMNS, candidate_dtypes, frame_of
from .furniture import strip_furniture
from .gap_plan import plan_count_in_gap, plan_in_gap
from .infographic import headed_change, headed_rate, ranked_lines, title_end
from .layout import headed_count, lay_out
from .lists import (
    apposed_child,
    breakdown,
    deepest_before,
    example_places,
    listed_targets,
    plan_rate_item,
    scheme_rate_item,
    several_places,
    shared_places,
    smaller_place_rate,
)
from .misspelt import misspelt_place
from .monthly import month_end_of, month_lines
from .nonrows import drop_rounded_joint, rescheme_by_arithmetic
from .places import PlaceContext, article_subject, find_mentions, named_once_in_passing
from .places_page import (
    bare_place,
    carried_before,
    carried_place,
    group_places,
    headline_end,
    led_items,
    listed_group,
    main_level,
    nation_yardstick,
    national_document,
    part_of_merged,
    unnamed_places,
    without_dateline,
)
from .portions import profile_population
from .scheme_after import base_scheme
from .split import bracket_part
from .tables import TableRow, cell_figures, find_place_tables, find_scheme_tables
from .text import detect_published, sentences
from .this_rate import rate_referred, referred_measure, this_rate_scheme
from .units import listed_units, with_listed
from .venues import hosts_event, is_venue, national_venue
from .yardsticks import cited_target

__all__ = ["COLUMNS", "candidate_dtypes", "extract_text"]

_INDICATOR = re.compile(INDICATOR_PATTERN)


# ------------------------------------------------------------------------ driver


@dataclass
class _Context:
    """What the reading carries from sentence to sentence."""

    places: PlaceContext
    published: _dt.date | None
    year: int | None
    first_date: _dt.date | None = None  # the article's first as-of date (for headlines)
    last_date: _dt.date | None = None
    paragraph_year: _dt.date | None = None  # "Năm 2020, ..." earlier in the paragraph
    last_scheme: str | None = None
    main_level: str | None = None  # level of the article's first placed figure
    last_by_level: dict[str, Any] = field(default_factory=dict)
    last_figure_end: int = 0
    subject: Any = None  # the article's place for figures before any place is named
    before_plan_year: int | None = None  # the year of the sentence before, if all plans
    continued_plan_year: int | None = None  # that year, in a sentence that goes on from it
    list_plan_year: int | None = None  # the year of a heading of targets over a list
    list_rates: bool = False  # a coverage target was read in that list
    last_rate: Figure | None = None  # the last coverage rate read (of a place)
    bhyt_rate: bool = False  # a BHYT coverage rate of a place was read
    rate_heading: str | None = None  # the scheme a list's lead names ("Tỷ lệ … BHYT …:")
    rate_before: Figure | None = None  # the last rate read, a result's or a target's
    led: tuple[Any, ...] | None = None  # (place, end) of a list's lead naming a place
    last_count: Figure | None = None  # the last stock of persons read ("con số này")
    aims_lead: tuple[int, int] | None = None  # (paragraph end, year) of "phấn đấu … các chỉ tiêu"
    # "Năm 2016, …" of a report with no sharper date: (its offset, its date)
    report_year: tuple[int, _dt.date] | None = None
    review: bool = False  # that year is in the headline: a review of the year
    headline_plan_year: int | None = None  # "giao chỉ tiêu … năm 2021" in the headline
    stated_year: _dt.date | None = None  # "Năm 2023, …" of a page with no publication date
    heading: tuple[int, str] | None = None  # (end, scheme) of the last section heading
    before_now: _dt.date | None = None  # the status date a word of today replaced
    says_now: bool = False  # the sentence says "hiện nay", "đến nay": not the stated year's
    lead_scheme: tuple[str, int] | None = None  # (scheme, paragraph end) a lead names
    section_year: int | None = None  # the year of a numbered heading of aims above


def extract_text(text: str, *, published: _dt.date | str | None = None,
                 place_hint: str | None = None, registry: Any = None) -> pd.DataFrame:
    """Return every insurance figure of an article as a candidate observation.

    Parameters
    ----------
    text : str
        Article text (as returned by :func:`bhxh_analysis.extract.read_article`; offsets
        index it).
    published : date, Timestamp, ISO string or None
        Publication date: the year of dates printed without one ("tính đến 31/8") and the
        date of "đến nay". ``None``: read from a page header in the text if any.
    place_hint : str or None
        The place the outlet writes about, used when the text names none ("toàn tỉnh").
    registry : bhxh_analysis.geo.Registry or None
        Geography (default: the project registry).

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`, one row per figure, in text order. ``as_of`` is
        ``datetime64[ns]`` (``NaT`` when no date can be read), text columns ``str``,
        ``value`` (base units: persons; percent 0-100) and ``confidence`` (in (0, 1])
        ``float64``; ``value_raw`` is the figure as printed at ``text[start:end]``
        (``start``, ``end``: ``int64`` character offsets).

    Examples
    --------
    >>> df = extract_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHTN.",
    ...                   published="2024-09-05")
    >>> df.loc[0, "geo_name"], df.loc[0, "indicator"], float(df.loc[0, "value"])
    ('Phú Yên', 'bhtn_participants', 10000.0)
    >>> str(df["as_of"].dtype), df.loc[0, "as_of"].date().isoformat()
    ('datetime64[ns]', '2024-08-31')
    """
    text = strip_furniture(text)  # other articles' headlines after the body: not read
    text = lay_out(text)  # a PDF's columns, footers, wrapped lines, row numbers
    if isinstance(published, str) and published:
        published = _dt.date.fromisoformat(published)
    elif isinstance(published, _dt.datetime):  # also a pandas Timestamp; NaT: none
        published = None if pd.isna(published) else published.date()
    pub: _dt.date | None = published or detect_published(text)  # type: ignore[assignment]
    ctx = _Context(PlaceContext(registry, place_hint), pub,
                   pub.year if pub else page_year(text))  # no date line: the text's year
    ctx.headline_plan_year = headline_plan_year(text, headline_end(text))
    ctx.places.after_reform = pub is not None and pub >= REFORM_DATE.date()
    spans = sentences(text)
    dated = [sentence_dates(text, s0, s1, ctx) for s0, s1 in spans]
    # A headline's figure takes the article's first as-of date, but a target's (after it)
    ctx.first_date = next((d[0][2] for d, strong in dated if strong and d
                           and not horizon(d[0][2], pub)), None)
    if not any(strong and not all(horizon(x[2], pub) for x in d) for d, strong in dated):
        # a year-end report dated only by "Năm 2016, …": that year's end dates the
        # headline and the paragraphs that print no date (not the publication day)
        ctx.report_year = next(((d[-1][0], d[-1][2]) for d, _s in dated if d
                                and not horizon(d[-1][2], pub)), None)
        # "Sơn La tổng kết công tác năm 2024" over the text: every undated figure is
        # of that year, in later paragraphs too (not of the publication day)
        head = title_end(text)  # (an infographic's title may take two lines)
        ctx.review = ctx.report_year is not None and 0 <= ctx.report_year[0] < head < 160 \
            and not re.search(r"\d", re.sub(r"(?:19|20)\d{2}", "", text[:head]))
        # "…⏎⏎Năm 2022 khép lại với …": a lead under the headline that closes the year
        # reviews it, as a headline naming it ("Năm 2023, BHXH huyện …" not: set 20)
        lead = P.YEAR_CLOSED.match(text, head) if 0 < head < 160 else None
        ctx.review = ctx.review or (lead is not None and ctx.report_year is not None
                                    and ctx.report_year[1].year == int(lead["y"] or lead["y2"]))
        # "THÔNG BÁO⏎Kết luận … Hội nghị tổng kết công tác … năm 2025": that year's too
        ctx.review = ctx.review or ctx.report_year is not None and reviewed_year(
            text) == ctx.report_year[1].year
    # a dateline's place ("Hà Nội, 12/01/2024 - …") is where the text was filed
    mentions = without_dateline(text, find_mentions(text, ctx.places.registry))
    # the sites of a survey ("khảo sát ... tại Hà Nội, Nghệ An") are no article's place,
    ranked = ranked_lines(text)  # nor the provinces an infographic ranks (a table's rows)
    surveyed = [(a, b) for a, b in spans if P.SURVEY.search(text, a, b)] + [
        (r.start, r.end) for r in ranked]
    if not place_hint:
        ctx.subject = article_subject(
            text, [m for m in mentions if not any(a <= m.start < b for a, b in surveyed)
                   and not national_venue(text, m.start)],  # "tại Hà Nội, BHXH Việt Nam …"
            ctx.places.registry)
    rows: list[dict[str, Any]] = []
    joint: list[Figure] = []  # figures of several schemes together
    table_rows = sorted(find_place_tables(text) + find_scheme_tables(text) + ranked
                        + month_lines(text), key=lambda r: r.start)
    mi = 0
    before_dates: list[tuple[int, int, _dt.date]] = []
    before_span = ""
    prev_end = 0
    for (s0, s1), (dates, strong) in zip(spans, dated, strict=True):
        ctx.continued_plan_year = None
        if "\n" in text[prev_end:s0] and not P.GOES_ON.match(text, prev_end):
            ctx.paragraph_year = None  # a bare year dates its own paragraph only
            if ctx.before_now is not None:  # "hiện có …" held for its paragraph only:
                ctx.last_date, ctx.before_now = ctx.before_now, None  # the status again
        prev_end = s1
        if not dates and P.CONTINUES.match(text, s0):
            # "Qua đó, ...": the sentence before goes on (its date, not a target's horizon)
            dates = [d for d in before_dates if not horizon(d[2], ctx.published)]
            # "Trong đó, ..." after a sentence of targets: its targets, for its year
            if P.BREAKDOWN_LEAD.match(text, s0):
                ctx.continued_plan_year = ctx.before_plan_year
        before_dates = dates
        # "Hiện tỷ lệ … đạt 90%": today's, not the year before (its own sentence only)
        now = None if dates else now_opening(text, s0, ctx.published)
        ctx.says_now = ctx.published is None and says_now(text, s0, s1)
        dates = now or dates
        listed = listed_targets(text, s0, s1, strong, ctx)
        if listed is not None:
            ctx.continued_plan_year = listed
        elif ctx.aims_lead and s0 < ctx.aims_lead[0] and not dates:
            ctx.continued_plan_year = ctx.aims_lead[1]  # the aims listed after their lead
        heading = section_plan_year(text, s0, s1)
        if heading is not None:
            ctx.section_year = heading or None
        state = ctx.places.state
        in_turn = 0  # figures placed by a respective list ("A và B … lần lượt x% và y%")
        placed: list[tuple[int, Any]] = []  # (offset, unit) of this sentence's places
        ends: dict[int, int] = {}  # their end offsets
        helds: dict[int, tuple[Any, Any, Any]] = {}  # the place in play before each
        venues: list[tuple[int, Any]] = []  # places where an event of the sentence was held
        formers: list[tuple[int, Any]] = []  # former units named as background
        by_level = dict(ctx.last_by_level)
        while mi < len(mentions) and mentions[mi].start < s1:
            held = ctx.places.state
            helds[mentions[mi].start] = held
            unit = ctx.places.see(mentions[mi]) or misspelt_place(ctx.places, mentions[mi])
            if P.COMPARISON_BEFORE.search(text, max(s0, mentions[mi].start - 40),
                                          mentions[mi].start):
                ctx.places.restore(held)  # "bình quân cả nước": a yardstick; a ";" before any
                unit = None if re.match(r"[^;\d]*;", text[mentions[mi].end:s1]) else unit  # fig.
                formers.append((mentions[mi].start, unit))  # nor the place in play after it
            elif part_of_merged(text, s0, mentions[mi], unit, held[1], placed, max(
                    (d for _a, _b, d in dates if not horizon(d, ctx.published)),
                    default=ctx.last_date or ctx.published)):
                # "tỉnh Khánh Hòa (sau hợp nhất với tỉnh Ninh Thuận)" after 1/7/2025: a
                # part of the 2025 province in play, not the place of its figures
                ctx.places.restore(held)
                unit = None
            elif former_unit(text, s0, mentions[mi], unit, ctx.places):
                ctx.places.restore(held)  # "địa bàn tỉnh Bắc Kạn cũ": its clause's only
                formers.append((mentions[mi].start, unit))
            elif authority(text, mentions[mi], unit, held[0]):
                # "chỉ tiêu UBND tỉnh Đồng Tháp giao" of a district: the giver, not the place
                ctx.places.restore(held)
                unit = None
            elif place_in_cause(text, s0, mentions[mi].start):
                ctx.places.restore(held)  # "…, chủ yếu nhờ các doanh nghiệp ở Phổ Yên"
                unit = None
            elif is_venue(text, s0, s1, mentions[mi].start, unit):
                # "tổ chức lễ ra quân tại thị trấn A": where it happened, not the subject
                venues.append((mentions[mi].start, unit))
                ctx.places.restore(held)
                if held[2] is None and unit.boundaries == "legacy" \
                        and unit.level == "commune":  # its district in context
                    ctx.places.district = ctx.places.registry.parent(unit)
                unit = None
            if unit is not None and mentions[mi].start >= s0:
                placed.append((mentions[mi].start, unit))
                ends[mentions[mi].start] = mentions[mi].end
            mi += 1
        carried = carried_place(ctx, mentions[mi - 1] if mi else None, text, s0)
        group = group_past_formers(text, placed, formers, ends)  # "hợp nhất với A, B"
        if group is not None:  # a list of places is not what a figure before it carries
            carried = carried_before(ctx, helds[group], group, mentions)
        elif placed and ";" in text[s0:placed[0][0]]:  # places only past a ";" are the
            # next clause's: the figures before it carry the place in play before them
            carried = carried_before(ctx, helds[placed[0][0]], placed[0][0], mentions)
        if ctx.led is not None and (s0 >= ctx.led[1] or placed):
            ctx.led = None  # past the list's items, or an item names its own place
        if ctx.led is not None:
            carried = ctx.led[0]  # "Kết quả của huyện A như sau:⏎- …": the lead's place
        if carried is None and ctx.subject is not None:
            carried = ctx.subject
        prev: Figure | None = None
        kept: list[Figure] = []
        in_rows = [r for r in table_rows if s0 <= r.start < s1]
        figs = [f for f in find_figures(text, s0, s1)  # (not "1" of "phường Hà Giang 1")
                if not any(r.start <= f.start < r.end for r in in_rows)
                and not any(a < f.start < b for a, b in ends.items())]
        figs = joined_figures(text, figs, s0, s1)  # "2 triệu 600 ngàn người": one count
        figs = sorted(figs + [f for r in in_rows for f in cell_figures(text, r)],
                      key=lambda f: f.start)
        items = listed_units(text, s0, s1, ctx.places)  # "A đạt 81%/90%; B đạt …"
        figs = with_listed(figs, items)
        for fig in figs:
            if fig.start in items:  # a ward's or commune's figure in a list of them
                unit = items[fig.start][0]
                _complete(text, fig, s0, s1, prev, placed, dates, ctx, carried, kept, ends)
                if fig.measure == "coverage_pct" and ctx.last_rate is not None \
                        and not P.SCHEME.search(text, s0, fig.start):
                    fig.scheme = local_rate_scheme(ctx.last_rate, ctx.rate_heading, ctx.bhyt_rate)
                fig.place, prev = unit, fig
                kept.append(fig)
                rows.extend(_rows(text, fig, s0, s1, kept))
                continue
            row = next((r for r in in_rows if r.start <= fig.start < r.end), None)
            if row is not None:  # a cell of a table of places: its header says what
                if _table_figure(text, fig, row, placed, dates, ctx):
                    kept.append(fig)
                    rows.extend(_rows(text, fig, s0, s1, kept))
                    ctx.last_figure_end = fig.end
                    if not isinstance(fig.place, (str, type(None))):
                        ctx.last_by_level[fig.place.level] = fig.place
                prev = fig
                continue
            # the figure a list goes on from; not a remark's "(chỉ tiêu 96,5%)" before an item
            outside = not _in_remark(text, s0, fig.start)
            prev_same = next((f for f in reversed(kept) if (
                f.unit == fig.unit or {f.unit, fig.unit} == {"count", "bare"})
                and not (outside and _in_remark(text, s0, f.start))), None)
            reason = classify(text, fig, s0, s1, prev, prev_same)
            if plan_in_gap(text, fig, s0):  # "thấp hơn chỉ tiêu … là 94,1% khoảng 0,7 điểm"
                fig.measure, reason = "plan_coverage_pct", None
            elif planned := plan_count_in_gap(text, fig, s0):  # "thiếu 185 người so với … là"
                fig.measure, reason = planned, None
            part = bracket_part(text, fig, s0, kept, ctx) if reason == "count without a cue" or (
                reason is None and fig.measure == "participants") else None
            # "145.920 người (bắt buộc 118.460 người, tự nguyện …)": the total's parts
            if part:
                fig.measure, reason = "participants", None
            if reason == "percent without a cue" and listed is not None and ctx.list_rates \
                    and scheme_rate_item(text, fig, s0, prev):
                fig.measure, reason = "coverage_pct", None  # "- Năm 2027: BHXH 43%; …"
                fig.penalty += 0.1
            # "cao hơn mức trung bình của cả nước (89,9%)": the nation's rate alike
            yard = reason == "percent without a cue" and ctx.last_rate is not None \
                and nation_yardstick(text, fig, s0)
            smaller = yard or reason == "percent without a cue" and (smaller_place_rate(
                text, fig, s0, prev, placed, ctx.last_rate, ends, ctx.places) or rates_in_turn(
                text, fig, s0, prev, ctx.places, ctx.last_rate))
            if smaller:  # "Xã Phúc Đồng đạt 96,3%" after the district's coverage
                fig.measure, reason = "coverage_pct", None
                fig.penalty += 0.2
            if reason in ("count without a cue", "percent without a cue"):
                measure = respective_measure(text, fig, s0, prev)
                if measure:  # "A và B … có tỷ lệ bao phủ …, lần lượt đạt 78,2% và 79,5%"
                    fig.measure, reason = measure, None
                    fig.penalty += 0.15
            if reason == "percent without a cue" and (
                    remark_plan(text, fig, s0) or plan_after_rate(text, fig, s0, ctx.last_rate)
                    or plan_rate_item(text, fig, s0, prev)):  # "…; BHTN đạt 33%;"
                fig.measure, reason = "plan_coverage_pct", None  # "(BHYT 95%, BHXH 40%)"
                fig.penalty += 0.15
            referred = rate_referred(text, fig, s0, ctx.rate_before) \
                if reason == "percent without a cue" else None
            if referred is not None:  # "Năm 2015, tỷ lệ này mới đạt 12,3%" after a rate
                fig.measure, reason = referred_measure(*referred, ctx.published), None
                fig.penalty += 0.15
            headed = headed_count(text, fig.start, fig.end, ctx.heading) \
                if reason == "count without a cue" else None
            if headed:  # "BẢO HIỂM XÃ HỘI⏎Hơn 296 nghìn người⏎• Bắt buộc: 231.400 người"
                fig.measure, reason, part = "participants", None, headed
            restated = restated_scheme(text, fig, s0, ctx.last_count, rows, reason)
            if restated:  # "Ở huyện D, con số này là …"; "hai con số này lần lượt là …"
                fig.measure, reason, part = "participants", None, restated
                fig.penalty += 0.2
            if reason == "count without a cue" and fig.unit == "count":
                reason = breakdown(text, fig, s0, before_span)
            if reason is None and P.REGION.search(text, s0, fig.start) and not any(
                    off < fig.start for off, _u in placed):
                # "tỷ lệ bao phủ BHYT của toàn vùng đạt 88,6%": no unit's figure, but
                # what it measured colours "thấp hơn bình quân cả nước (89,7%)"
                fig.skip, prev = "a region", fig
                kept.append(fig)
                continue
            if reason is None:
                _as_target(text, fig, s0, kept, ctx)
                _complete(text, fig, s0, s1, prev, placed, dates, ctx, carried, kept, ends)
                fig.scheme = part or fig.scheme
                if referred is not None:  # that rate's scheme and place, in its year
                    fig.scheme, fig.place = referred[0].scheme, referred[0].place
                    fig.as_of = _dt.date(referred[1], 12, 31)
                if smaller and ctx.last_rate is not None:
                    fig.scheme = local_rate_scheme(ctx.last_rate, ctx.rate_heading, ctx.bhyt_rate)
                    fig.place = ctx.places.nation if yard else deepest_before(
                        fig, prev.end if prev else s0, placed)
                turn = respective_place(text, fig, s0, kept, ctx.places)
                if turn is not None:  # "A và B …, lần lượt 1.025 người và 812 người"
                    fig.place, in_turn = turn, in_turn + 1
                elif several_places(text, fig, prev, placed, ends) or example_places(
                        text, fig, s0) or group_places(text, fig, s0) or unnamed_places(
                        text, fig, s0, placed):
                    reason = "several places"  # "Bạc Liêu, Sóc Trăng … dưới 85%"
                    for unit in shared_places(text, fig, s0, placed, ctx.places):  # "… đều đạt 100%"
                        rows.extend(_rows(text, replace(fig, place=unit), s0, s1, kept))
                    ctx.last_figure_end = fig.end  # nor is either the place in play
                    if fig.scheme not in (None, "joint"):  # but its scheme is
                        ctx.last_scheme = fig.scheme
                elif fig.scheme in (None, "joint") and fig.measure not in ("population",
                                                                          "labour_force"):
                    reason = "several schemes" if fig.scheme else "no scheme"
                elif fig.scheme == P.OUTSIDE_SCHEME and fig.measure not in (
                        "population", "labour_force"):
                    ctx.last_scheme = fig.scheme  # what follows it is of that scheme too
                    reason = "voluntary health insurance (no scheme of the vocabulary)"
            fig.skip = reason
            if reason == "several schemes":
                joint.append(fig)  # a headline may round it (drop_rounded_joint)
            if reason is None:
                kept.append(fig)
                ctx.list_rates |= listed is not None and fig.measure == "plan_coverage_pct"
                ctx.last_count = fig if fig.measure == "participants" else ctx.last_count
                if fig.measure == "coverage_pct" and not isinstance(fig.place, (str, type(None))):
                    ctx.last_rate = fig
                    ctx.bhyt_rate |= fig.scheme == "bhyt"
                if fig.measure in ("coverage_pct", "plan_coverage_pct"):
                    ctx.rate_before = fig
                rows.extend(_rows(text, fig, s0, s1, kept))
                if fig.scheme:
                    ctx.last_scheme = fig.scheme
                if ctx.lead_scheme is not None and fig.scheme != ctx.lead_scheme[0]:
                    ctx.lead_scheme = None  # a figure of its own scheme ends the lead
                if fig.place is not None and not isinstance(fig.place, str):
                    ctx.main_level = main_level(ctx.main_level, fig, text, s0)  # ("toàn huyện")
                    ctx.last_by_level[fig.place.level] = fig.place
                ctx.last_figure_end = fig.end
            prev = fig
        if items:  # the list's wards are not the place in play after it
            ctx.places.last = ctx.places.district
        status = [d for a, b, d in dates if not horizon(d, ctx.published)  # (nor a date
                  and remark_date(text, a, b) is None]  # giving its bracket's figure only)
        if strong and status and not yardstick(kept, ctx, text[s0:s1]):
            # a target's horizon ("phấn đấu đến cuối năm 2025", "Mục tiêu đến cuối năm?")
            # dates its own sentence only: "Cùng thời điểm, …" is the status date
            # "…: hiện có 215.600 người" (a word of today, no digit) inside an answer
            # dated "Tính đến 31/7": today's for its paragraph, then 31/7 again
            now_word = status[-1] == ctx.published and word_of_today(text, s0, *dates[-1][:2])
            ctx.before_now = (ctx.before_now or ctx.last_date) if now_word else None
            ctx.last_date = status[-1]
        if strong or (dates and horizon(dates[-1][2], ctx.published)):
            ctx.paragraph_year = None  # a target's year ("Năm 2026, tỉnh phấn đấu") neither
        elif dates and not now:
            ctx.paragraph_year = dates[-1][2]
            if ctx.published is None:  # "Năm 2023, …" on an undated page: later paragraphs
                ctx.stated_year = stated_year(text, s0, s1, dates, kept) or ctx.stated_year
        asked = question_scheme(text, s0, s1)
        if asked and not kept:  # "PV: Với BHXH tự nguyện thì sao?": the answer's scheme
            ctx.last_scheme = asked
        if not kept:  # "Tỷ lệ bao phủ BHYT tại một số địa phương:" over a list
            ctx.rate_heading = heading_scheme(text, s0, s1) or ctx.rate_heading
            section = section_scheme(text, s0, s1)
            ctx.last_scheme = section or ctx.last_scheme
            ctx.heading = (s1, section) if section else ctx.heading
            ctx.lead_scheme = lead_scheme(text, s0, s1) or ctx.lead_scheme
        elif not P.LIST_ITEM.match(text, s0):
            ctx.rate_heading = None  # past the list
        group = listed_group(text, kept[-1].end, placed, ends) if kept else group
        if group is not None:
            # "… giảm 21.400 người, chủ yếu ở huyện A, thị xã B và thành phố C", "Triệu
            # Phong và Hải Lăng còn dưới 80%": places listed together (after the
            # sentence's figures) are no new place in play, nor a new subject
            ctx.places.restore(helds[group])
            ctx.last_figure_end = max(ctx.last_figure_end, max(ends.values()))
        elif kept and in_turn == len([f for f in kept if f.skip is None]) \
                and getattr(state[0], "level", None) == "province":
            # "Thành phố A và huyện B có tỷ lệ … lần lượt x% và y%": the places of a
            # respective list are no new place in play (the province's figures go on)
            ctx.places.restore(state)
        elif kept and state[0] is ctx.places.nation and P.RANKED_NATION.search(text, s0, s1):
            # "Bắc Ninh dẫn đầu cả nước về … 62,4%" in a national release: the province
            # ranked has that figure; the nation stays the place in play after it
            ctx.places.restore(state)
        elif not kept and P.SURVEY.search(text, s0, s1):
            # a survey's sites gave no figure here: they are not the place in play
            ctx.places.restore(state)
        elif not kept and not hosts_event(placed, venues) and named_once_in_passing(
                text, s0, s1, placed, mentions, state, P.OPENING_PLACE):
            # a caption's district named once on a provincial page: the province holds
            ctx.places.restore(state)
        elif not kept and placed:
            # "… đi làm ở Bình Dương, TP Hồ Chí Minh", "hợp nhất tỉnh A và tỉnh B": places
            # outside the province in play, named in passing, do not replace it
            ctx.places.in_passing(state, in_play_again(placed, formers), [
                u for o, u in placed if P.OPENING_PLACE.fullmatch(text, s0, o)])
        ctx.last_by_level = scoped_levels(ctx.last_by_level, by_level, formers, ctx.led)
        plans = {f.as_of.year for f in kept if f.measure and f.measure.startswith("plan_")
                 and f.as_of is not None}
        ctx.before_plan_year = plans.pop() if len(plans) == 1 and all(
            f.measure and f.measure.startswith("plan_") for f in kept) else None
        before_span = text[s0:s1]
        ctx.led = led_items(text, s0, s1, placed) or former_heading(text, s0, s1, placed) or ctx.led
        ctx.aims_lead = ctx.aims_lead if kept else aims_lead(text, s0, s1) or ctx.aims_lead
    rows = undate_before_merger(rescheme_by_arithmetic(drop_rounded_joint(rows, joint)))
    return frame_of(rows, ctx.places, headline_end(text))


def _table_figure(text: str, fig: Figure, row: TableRow, placed: list[tuple[int, Any]],
                  dates: list[tuple[int, int, Any]], ctx: _Context) -> bool:
    """Read a figure in a row of a table of places: the column's header gives scheme
    and measure, the row's first cell the place ("Huyện Lắk", "Toàn tỉnh"; "Tổng cộng"
    is the place in context), the text around the date. False when the column says
    nothing usable (a label, money, a change)."""
    j = row.column_of(fig.start)
    if not j or fig.unit in ("money", "other"):
        return False
    scheme, measure = row.columns[j]
    scheme = scheme or ctx.last_scheme
    if measure is None or scheme is None:
        return False
    pct = measure.endswith("_pct")
    if (fig.unit == "pct" and not pct) or (not pct and fig.value != int(fig.value)):
        return False
    fig.scheme, fig.measure, fig.penalty = scheme, measure, fig.penalty + 0.1
    a, b = row.cells[0]
    inside = [u for off, u in placed if a <= off < b]
    name = text[a:b].strip()
    if row.by_scheme:  # a table whose rows are schemes: the place in context's
        fig.place = ctx.last_by_level.get(ctx.main_level or "") or ctx.places.last
    elif inside:
        fig.place = inside[-1]
    elif re.fullmatch(r"(?:tổng\s+cộng|cộng|tổng\s+số|tổng|toàn\s+\w+)", name, re.I):
        fig.place = ctx.last_by_level.get(ctx.main_level or "") or ctx.places.last
    else:
        fig.place = ctx.places.resolve_local(name) or name  # unresolved: kept by name
    if measure.startswith("plan_"):
        base = date_for(text, fig, dates, ctx)
        fig.as_of = _dt.date(base.year, 12, 31) if base else None
    else:  # (a month-by-month list's item: its month's end)
        fig.as_of = month_end_of(text, row, ctx.published, ctx.year) or date_for(text, fig, dates, ctx)
    return True


def _in_remark(text: str, s0: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a parenthetical remark opened in its sentence."""
    before = text[s0:pos]
    return before.count("(") > before.count(")")


def _as_target(text: str, fig: Figure, s0: int, kept: list[Figure], ctx: _Context) -> None:
    """Read a result-looking figure as a plan when its sentence is a list of targets.

    "... đặt mục tiêu phấn đấu số người tham gia BHXH đạt 58.730 người, tương đương
    25,4% ...; số người tham gia BHYT là 537.090 người": every figure after a target in
    the same sentence is a target. A figure for a year after the publication
    ("Mục tiêu đến năm 2025, 95% dân số tham gia BHYT") is a target too.
    """
    plain = {"participants": "plan_participants", "coverage_pct": "plan_coverage_pct",
             "new_participants": "plan_new_participants"}
    if fig.measure not in plain or past_clause(text[s0:fig.start], ctx.continued_plan_year):
        return  # "…; năm 2016 tỷ lệ … đạt 77,6%" after 2017's aim: that year's result
    if cited_target(text, s0, fig.start, ctx.published) or ctx.continued_plan_year \
            is not None or horizon_opening(text, s0, fig.start, ctx.published):
        # "Theo chỉ tiêu được giao, đến cuối năm 2015 có 75,4% dân số tham gia BHYT"
        fig.measure = plain[fig.measure]
        fig.penalty += 0.1
        return
    if kept and all(f.measure and f.measure.startswith("plan_") for f in kept):
        fig.measure = plain[fig.measure]
        fig.penalty += 0.1
        return
    statement = text[s0:fig.start].rsplit(";", 1)[-1]
    future = [int(m["y"] or m["yl"]) for m in P.PLAN_YEAR.finditer(statement)]
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


def _complete(text: str, fig: Figure, s0: int, s1: int, prev: Figure | None,
              placed: list[tuple[int, Any]], dates: list[tuple[int, int, Any]],
              ctx: _Context, carried: Any, kept: list[Figure],
              ends: dict[int, int] | None = None) -> None:
    """Fill in a classified figure's scheme, place, date (``ends``: its sentence's places')."""
    if fig.measure not in ("population", "labour_force"):
        fig.scheme = respective_scheme(text, fig, s0, kept) or this_rate_scheme(
            text, fig, s0, kept) or headed_change(text, fig) or scheme_of(text, fig, s0, prev)
        if fig.scheme is None:  # the scheme of the figures just before, else the last named
            named = [x for x in scheme_mentions(text, max(0, s0 - 600), s0) if not x[2]]
            fig.scheme = ctx.last_scheme or (named[-1][1] if named else None)
            if ctx.lead_scheme is not None and fig.start < ctx.lead_scheme[1]:
                fig.scheme = ctx.lead_scheme[0]  # its paragraph's lead names it
            if fig.measure in ("coverage_pct", "shortfall_pp") and ctx.last_rate is not None and (
                    fig.measure == "coverage_pct" or not ctx.rate_before.measure.startswith("plan")):
                # a bare coverage is of the last coverage's scheme (a gap: of a plan's after it)
                fig.scheme = headed_rate(text, fig.start) or local_rate_scheme(
                    ctx.last_rate, None, ctx.bhyt_rate, [u for o, u in placed if o < fig.start])
            fig.scheme = base_scheme(text, fig, fig.scheme) or fig.scheme  # "% dân số"
            fig.penalty += 0.2
    # Place: a bare name right before the figure in a list of places, else the last
    # place named before it in its sentence, else the first named after it, else carried.
    before = [u for off, u in placed if off < fig.start]
    bare = bare_place(text, fig, s0, prev, ctx.places)
    if bare is not None:
        fig.place = bare
    elif before:
        fig.place = before[-1]
    else:
        # (not past a ';' or "trong đó": "BHYT có N người, bao phủ x%; thành phố A đạt y%"
        # — A is the next clause's subject, or a part, set 26 — the figure the place in play's)
        after = [u for off, u in placed if off > fig.end and not P.PART_BREAK.search(text, fig.end, off)]
        if after and carried is not None and listed_group(text, fig.end, placed, ends or {}) \
                is not None:
            fig.place = carried  # "giảm 21.400 người, chủ yếu ở huyện A, thị xã B": the
            fig.penalty += 0.2  # page's place, not the first of a list after the figure
        elif after:
            fig.place = after[0]
            fig.penalty += 0.1
        elif national_document(text[s0:s1]):
            fig.place = ctx.places.nation  # "Quyết định số 38/QĐ-TTg ... đặt mục tiêu ..."
            fig.penalty += 0.15
        else:
            fig.place = carried
            fig.penalty += 0.15 if carried is not None else 0.4
    pairs = [(off, u) for off, u in placed if off < fig.start]
    if pairs and fig.place is pairs[-1][1]:
        fig.place = apposed_child(text, pairs)  # "xã A, tỉnh B có …": the commune
    labelled = [int(n[5:]) for n in fig.notes if n.startswith("year:")]  # Date.
    if fig.measure and fig.measure.startswith("plan_"):
        own = P.OWN_YEAR_AFTER.match(text, fig.end)  # "đạt 91,93% dân số vào năm 2019"
        y = int(own["y"]) if own else labelled[0] if labelled else plan_year(
            text[s0:s1], fig.start - s0)
        y = y or plan_fallback_year(text, s0, fig, prev, ctx)  # a yardstick: its status's
        y = y or ctx.section_year  # "3. Nhiệm vụ năm 2024" over the plan's sentence
        if y is None:
            base = date_for(text, fig, dates, ctx)
            y = base.year if base else ctx.year
            fig.penalty += 0.1
        fig.as_of = _dt.date(y, 12, 31) if y else None
        return
    fig.as_of = date_for(text, fig, dates, ctx)
    if fig.measure in ("population", "labour_force") and P.NOW_BEFORE.search(
            text, s0, fig.start) and ctx.published is not None:
        fig.as_of = ctx.published  # "Dân số toàn tỉnh hiện khoảng 478.500 người": today's
    if fig.measure == "population" and profile_population(text, s0, s1, fig.start, dates):
        fig.as_of = ctx.published or fig.as_of  # "Huyện A có 8 xã, …; dân số N người"
    year = P.POPULATION_YEAR_BEFORE.search(text, max(s0, fig.start - 40), fig.start)
    if fig.measure in ("population", "labour_force") and year and not re.search(
            r"(?:quý\s+\w+|tháng\s+\d+|đầu|cuối|hết|giữa)\s*$",
            text[max(s0, year.start() - 15):year.start()], re.I):  # not "quý III năm 2024"
        fig.as_of = _dt.date(int(year["y"]), 12, 31)  # "dân số … năm 2020 là N người"
    if labelled:  # "năm 2016 là 80%": the year labels the figure
        fig.as_of = _dt.date(labelled[0], 12, 31)
    if fig.measure == "population":  # "(dân số N người … điều tra dân số ngày 01/4/2019)"
        fig.as_of = census_date(text, fig.end, s1) or fig.as_of
    if fig.as_of is not None and fig.earlier_year is not None:
        y = fig.earlier_year if fig.earlier_year > 0 else fig.as_of.year - 1
        fig.as_of = same_day_in(fig.as_of, y)  # derive's previous level


def _rows(text: str, fig: Figure, s0: int, s1: int, kept: list[Figure]
          ) -> list[dict[str, Any]]:
    """The candidate row(s) of a figure; an attainment "(366/244)" also gives the plan."""
    if fig.scheme == P.OUTSIDE_SCHEME and fig.measure not in ("population", "labour_force"):
        return []  # (a table's cell of voluntary health insurance)
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
            extra = Figure(m.start("b"), m.end("b"), m["b"], plan, "count", "", fig.scheme,
                            measure, fig.place, _dt.date(y, 12, 31) if y else None,
                            fig.penalty + 0.1)
            rows.append(_row(text, extra, s0, s1))
    return rows


def _row(text: str, fig: Figure, s0: int, s1: int) -> dict[str, Any]:
    if fig.measure in ("population", "labour_force"):
        indicator = fig.measure
    else:
        indicator = f"{fig.scheme}_{fig.measure}"
    if not _INDICATOR.match(indicator):
        raise AssertionError(f"extractor produced an unknown indicator {indicator!r}")
    value, note = note_of(fig)  # "8 triệu 200": two readings, no value (the note)
    return {"indicator": indicator, "value": float("nan") if value is None else float(value),
            "value_raw": fig.raw, "note": note,
            "qualifier": fig.qualifier, "start": fig.start, "end": fig.end,
            "sentence": " ".join(text[s0:s1].split()), "as_of": fig.as_of, "unit": fig.place,
            "confidence": round(max(0.1, min(1.0, 0.95 - fig.penalty)), 2)}
