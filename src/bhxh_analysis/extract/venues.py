"""A place named as where something happened is no figure's subject (issue 15, set 20).

A district's campaign report names the district's seat town as the venue of its events:
"Sáng 8/5, tại thị trấn Phú Thịnh, BHXH huyện Phú Ninh tổ chức lễ ra quân …", "Tại hội
nghị tổ chức ở thị trấn Phú Thịnh, huyện Phú Ninh cho biết …". The town (a commune-level
unit) then took the district's figures: as the place in play for the sentences after, and
through "xã A, huyện B có …" (the smaller unit of an apposition) in its own sentence. A
venue is still seen — its district is the district in context when none was — but it is
neither a place of its sentence's figures nor the place in play after it; the town takes
figures only when it is their subject ("Thị trấn Phú Thịnh hiện có 640 người …").

The driver (:func:`bhxh_analysis.extract.core.extract_text`) asks :func:`is_venue` for
each commune-level mention and :func:`hosts_event` before it treats a sentence's places
as named in passing (a district that holds an event at a venue of its own is the page's
subject, not a caption's place).
"""

from __future__ import annotations

import re
from typing import Any

from . import patterns as P

__all__ = ["hosts_event", "is_venue", "national_venue"]

_I = re.IGNORECASE

#: Words of an event held somewhere: a meeting, a ceremony, a campaign's launch.
_EVENT = re.compile(
    r"(?<!\w)(?:tổ\s+chức|diễn\s+ra|khai\s+mạc|bế\s+mạc|ra\s+quân|phát\s+động|hội\s+nghị|"
    r"hội\s+thảo|tập\s+huấn|tọa\s+đàm|đối\s+thoại|buổi\s+lễ|lễ\s+(?:ra\s+quân|phát\s+động|"
    r"mít\s+tinh|trao)|mít\s+tinh|sự\s+kiện|cuộc\s+họp|phiên\s+họp|làm\s+việc)(?!\w)", _I)
#: "tại", "ở", "tại hội trường (UBND)", "tại trụ sở" right before the place.
_AT_BEFORE = re.compile(
    r"(?<!\w)(?:tại|ở)\s+(?:(?:hội\s+trường|trụ\s+sở|nhà\s+văn\s+hóa|sân|khu\s+trung\s+tâm)"
    r"(?:\s+(?:UBND|Ủy\s+ban\s+nhân\s+dân|Trung\s+tâm\s+văn\s+hóa))?\s+)?$", _I)


#: "(tại) điểm cầu Hà Nội": a connection point of an online conference.
_BRIDGE_BEFORE = re.compile(r"(?<!\w)điểm\s+cầu\s+(?:(?:tỉnh|thành\s+phố|TP\.?)\s+)?$", _I)


def national_venue(text: str, start: int) -> bool:
    """Whether the place at ``start`` is where a national body held an event.

    "Sáng 8/1, tại Hà Nội, BHXH Việt Nam tổ chức Hội nghị trực tuyến tổng kết …" (blind
    set 21): the capital hosts the nation's meeting; it is neither the page's subject nor
    the place of the figures after it, at any level. Its sentence (to the nearest "." or
    line break on either side) names the event and the national host (``NATIONAL_SOURCE``).
    """
    s0 = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(".", start), text.find("\n", start)) if i >= 0]
    s1 = min(ends) if ends else len(text)
    return _AT_BEFORE.search(text, max(s0, start - 60), start) is not None \
        and _EVENT.search(text, s0, s1) is not None \
        and P.NATIONAL_SOURCE.search(text, s0, s1) is not None


def is_venue(text: str, s0: int, s1: int, start: int, unit: Any) -> bool:
    """Whether a commune-level place at ``start`` is where an event of its sentence took place.

    Parameters
    ----------
    text : str
        The page.
    s0, s1 : int
        The sentence.
    start : int
        Where the place's mention begins.
    unit : geo unit or None
        The resolved place; only communes (wards, towns) are venues here.

    Returns
    -------
    bool
        True when the place follows "tại"/"ở" and its sentence names an event
        ("tổ chức", "hội nghị", "lễ ra quân", "diễn ra", …).
    """
    if unit is not None and _BRIDGE_BEFORE.search(text, max(s0, start - 30), start):
        return True  # "tại điểm cầu Hà Nội": where a meeting was joined, at any level
    if unit is not None and national_venue(text, start):
        return True  # "tại Hà Nội, BHXH Việt Nam tổ chức …": the nation's meeting place
    if getattr(unit, "level", None) != "commune":
        return False
    return _AT_BEFORE.search(text, max(s0, start - 60), start) is not None \
        and _EVENT.search(text, s0, s1) is not None


def hosts_event(placed: list[tuple[int, Any]], venues: list[tuple[int, Any]]) -> bool:
    """Whether a sentence names a district before a venue inside it: the event's host.

    "BHXH huyện Phú Ninh vừa tổ chức hội nghị tại thị trấn Phú Thịnh": the district is
    the subject of the page's figures that follow (not a caption's place named once in
    passing: "Người dân làm thủ tục tại BHXH huyện A" names no venue of an event).
    """
    return any(getattr(u, "level", None) == "district" and off < at
               and getattr(v, "parent_code", None) == u.code
               for off, u in placed for at, v in venues)
