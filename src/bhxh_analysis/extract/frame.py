"""The candidate table: rows of read figures → one frame, places in their boundaries.

Split from :mod:`bhxh_analysis.extract.core` (the driver): the columns, their dtypes,
the dropping of repeated figures (a headline's rounded mention of a body figure) and the
boundaries a row's date implies.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pandas as pd

from ..schema import MULTIPLIERS, REFORM_DATE, enforce_dtypes
from . import patterns as P
from .ceased import after_end
from .district_page import headline_of_district
from .misspelt import PENALTY, note_for
from .places import PlaceContext

__all__ = ["COLUMNS", "candidate_dtypes", "frame_of"]

#: Columns of a candidate table, in this order (issue 15).
COLUMNS = ["geo_name", "indicator", "as_of", "value", "value_raw", "qualifier", "start", "end",
           "sentence", "confidence", "geo_code", "geo_level", "boundaries", "province_2025",
           "note"]

#: the note of a figure whose place could not be read: left empty, never guessed
_NO_PLACE = "place not found: name it in review or pass --place-hint"


def frame_of(rows: list[dict[str, Any]], ctx: PlaceContext, headline_end: int = 0
             ) -> pd.DataFrame:
    """Candidate rows as a table; places in the boundaries their date implies.

    ``headline_end``: where the article's headline (its first line) ends; a headline's
    rounded figure ("Phấn đấu 93%", "Trên 85% dân số …") repeats a sharper body figure
    of the same place and kind even when the two were dated differently.
    """
    out = []
    for r in rows:
        unit = _boundaries_for(ctx, r.pop("unit"), r["as_of"], "plan_" in str(r["indicator"]))
        # a figure dated after its unit ceased (Thành phố Ninh Bình from 1/1/2025, a
        # district from 1/7/2025) is not that unit's: the province read, or unresolved
        unit, ended = after_end(ctx.registry, unit, r["as_of"], r["sentence"],
                                plan="plan_" in str(r["indicator"]))
        if ended:
            r["note"] = "; ".join(n for n in (r.get("note"), ended) if n)
        if unit is None:  # no place read: say so (``data check`` refuses the row)
            r["note"] = "; ".join(n for n in (r.get("note"), _NO_PLACE) if n)
        if unit is None or isinstance(unit, str):
            r.update(geo_name=unit or "", geo_code="", geo_level="", boundaries="",
                     province_2025="")
            r["confidence"] = round(max(0.1, r["confidence"] - 0.3), 2)
        else:
            printed = ctx.misspelt.get((unit.boundaries, unit.code))
            if printed is not None:  # "huyện Chư Jút" read as huyện Cư Jút: say so
                r["note"] = "; ".join(n for n in (r.get("note"), note_for(printed, unit)) if n)
                r["confidence"] = round(max(0.1, r["confidence"] - PENALTY), 2)
            r.update(geo_name=unit.name, geo_code=unit.code, geo_level=unit.level,
                     boundaries=unit.boundaries, province_2025=unit.province_2025_name)
        out.append(r)
    frame = pd.DataFrame(out, columns=COLUMNS)
    # A figure repeated (headline and body) is one candidate: keep its first mention; a
    # rounded mention ("gần 845 nghìn") of a figure printed exactly ("844,7 nghìn") goes.
    key = frame["geo_code"].where(frame["geo_code"] != "", frame["geo_name"])
    dup = pd.DataFrame({"k": key, "i": frame["indicator"], "a": frame["as_of"],
                        "v": frame["value"]}).duplicated()
    # "có thêm hơn 3.100 người" over "3.127 người tham gia … mới": the persons gained
    # in a headline repeat the new participants of the body
    kind = frame["indicator"].str.replace("_change_participants", "_new_participants")
    # (not against the same value printed again: that copy goes as a duplicate, and
    # dropping both would lose the figure)
    rounded = [bool(q) and any(
        j != i and key[j] == key[i] and kind[j] in (kind[i], *_PARTS.get(kind[i], ()))
        and frame.at[j, "value"] != frame.at[i, "value"]
        and frame.at[j, "as_of"] == frame.at[i, "as_of"] and (
            not frame.at[j, "qualifier"]  # "khoảng 18,26 triệu" is sharper than "hơn 18,2"
            or _printed_step(frame.at[j, "value_raw"]) < _printed_step(frame.at[i, "value_raw"]))
        and abs(frame.at[j, "value"] - frame.at[i, "value"]) <= _printed_step(
            frame.at[i, "value_raw"])
        for j in range(len(frame))) or _headline_rounding(frame, key, i, headline_end)
        for i, q in enumerate(frame["qualifier"])]
    frame = frame[~dup & ~pd.Series(rounded, index=frame.index, dtype=bool)]
    frame = frame.reset_index(drop=True)
    return candidate_dtypes(frame)


def candidate_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """A candidate table with one dtype per column (issue 18).

    ``as_of`` ``datetime64[ns]`` (``NaT`` when the article gives no date), text ``str``
    (missing text ``""``), ``value`` and ``confidence`` ``float64``; ``start`` and ``end``
    are character positions and stay ``int64``. Dates become ISO text only where a table
    is written (:func:`bhxh_analysis.io.csv_text`, :func:`bhxh_analysis.io.write_csv`).
    """
    out = enforce_dtypes(frame)
    text = [c for c in ("qualifier", "sentence", "note") if c in out.columns]
    out = out.assign(**{c: out[c].where(out[c].notna(), "").astype("str") for c in text})
    return out.astype({c: t for c, t in (("start", "int64"), ("end", "int64"),
                                         ("confidence", "float64")) if c in out.columns})


#: A rounded total ("gần 400 nghìn người tham gia BHXH", a sapo's) restating the one part
#: of it the body prints exactly at the same place and date ("392.600 người tham gia BHXH
#: bắt buộc"): the body's figure (set 23's Limits, fixed after set 28's classes).
_PARTS = {"bhxh_participants": ("bhxh_compulsory_participants", "bhxh_voluntary_participants")}


def _headline_rounding(frame: pd.DataFrame, key: pd.Series, i: int, headline_end: int
                       ) -> bool:
    """Whether row ``i`` is a headline's rounding of a sharper figure of the body.

    "Ia Grai: Phấn đấu 93% dân số …" over "… đạt 93,12% dân số năm 2020", "Trên 85% dân
    số … tham gia BHYT" over "… đạt 85,26% dân số": the same place and kind, the body's
    figure printed with more digits and within one printed step of the headline's (the
    headline's date is only borrowed from the body, so dates may differ); a headline
    rounding to the nearest ("2,81 triệu" over "2.809.150", set 27) within half a step.
    The same figure
    printed exactly at another date ("Đến nay, … đạt 92,84%" after a month-end date the
    headline borrowed) goes too: the body's date is the figure's own.
    """
    if frame.at[i, "start"] >= headline_end:
        return False
    if any(j != i and frame.at[j, "start"] >= headline_end and key[j] != key[i]
           and frame.at[j, "geo_level"] == "nation"
           and frame.at[j, "indicator"] == frame.at[i, "indicator"]
           and frame.at[j, "value"] == frame.at[i, "value"]
           and frame.at[j, "as_of"] == frame.at[i, "as_of"] for j in range(len(frame))):
        # "Mục tiêu đến năm 2025, trên 95% …" over the body's same national target: the
        # body's reading is the one, not the outlet's city given to the headline
        return True
    step = _printed_step(frame.at[i, "value_raw"])
    if "%" in frame.at[i, "value_raw"]:
        step = min(step, 1.0)  # "90%" rounds 90,4%, not 98,2%
    if headline_of_district(frame, i, headline_end, step):  # the district's, not the province's
        return True
    return any(
        j != i and frame.at[j, "start"] >= headline_end and key[j] == key[i]
        and frame.at[j, "indicator"] == frame.at[i, "indicator"]
        and ((_printed_step(frame.at[j, "value_raw"]) < step
              and (0 <= frame.at[j, "value"] - frame.at[i, "value"] < step  # cut, or to
                   or abs(frame.at[j, "value"] - frame.at[i, "value"]) <= step / 2))  # nearest
             # the same figure at another date: the body's own date, not the borrowed one
             or (frame.at[j, "value"] == frame.at[i, "value"]
                 and str(frame.at[j, "as_of"]) != str(frame.at[i, "as_of"])))  # NaT = NaT
        for j in range(len(frame)))


def _printed_step(raw: str) -> float:
    """The unit of the last digit a figure was printed with: "1,2 triệu" → 100 000,
    "845 nghìn" → 1 000, "9.200" → 100, "93%" → 1 (how far a rounded mention may be
    from the exact figure); a count printed in two parts ("2 triệu 600 ngàn") by its last
    part (1 000)."""
    parts = list(P.NUMBER.finditer(raw.strip()))
    m = parts[-1] if parts and parts[0].start() == 0 else None
    if m is None:
        return 0.0
    num = m["num"]
    mult = MULTIPLIERS.get((m["mult"] or "").strip().lower(), 1)
    if "," in num and "." not in num and m["engroup"] is None:  # a decimal comma
        return 10.0 ** -len(num.split(",")[1]) * mult
    digits = re.sub(r"\D", "", num)
    return 10.0 ** (len(digits) - len(digits.rstrip("0"))) * mult


def _boundaries_for(ctx: PlaceContext, unit: Any, as_of: _dt.date | None,
                    plan: bool = False) -> Any:
    """The 2025 unit of the same name for a figure dated from 1 July 2025
    (:data:`~bhxh_analysis.schema.REFORM_DATE`), if there is one.

    A legacy unit with no 2025 namesake of its level (a district, a merged province)
    stays legacy: ``data check`` reads such a row in the legacy boundaries. So does a
    commune's ``plan`` for 2025 printed on a page before the reform (twenty-eighth blind set: "Kế
    hoạch huyện giao năm 2025 là 92%" of a legacy commune, not of the 2025 commune that
    took its name), as a district's and a merged province's are (``ceased.ended_on``).
    """
    if isinstance(unit, str):
        return unit
    if unit is None or as_of is None or as_of < REFORM_DATE.date() or unit.level == "nation":
        return unit
    if plan and unit.level == "commune" and not ctx.after_reform and as_of.year == 2025:
        return unit
    level = unit.level if unit.level != "district" else None
    if level is None:
        return unit
    try:
        new = ctx.registry.resolve(unit.name, level=level, boundaries="2025")
    except Exception:  # GeoError: no 2025 namesake, or several in other provinces
        if level != "commune":
            return unit
        try:  # "phường Kim Liên": the namesake inside the unit's own 2025 province
            new = ctx.registry.resolve(unit.full_name, parent=unit.province_2025_name,
                                       level=level, boundaries="2025")
        except Exception:
            return unit
    return new if new.province_2025_code == unit.province_2025_code else unit
