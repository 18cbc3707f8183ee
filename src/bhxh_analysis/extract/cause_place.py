"""A place named in a figure's cause is not the figure's place (set 17).

"…; số người tham gia BHXH bắt buộc tăng 7.480 người so với cùng kỳ, chủ yếu nhờ các
doanh nghiệp điện tử ở Phổ Yên tuyển thêm lao động": the town is where the cause lies;
the figure before it stays the province's. The driver
(:func:`bhxh_analysis.extract.core.extract_text`) asks :func:`place_in_cause` for each
mention and, when it answers, neither places the figure there nor puts it in play.
"""

from __future__ import annotations

import re

__all__ = ["place_in_cause"]

#: A figure, then ", (chủ yếu / một phần) do / vì / nhờ / bởi …" with no stop, then
#: "ở / tại / của" (and a kind word) right before the place.
_CAUSE_BEFORE = re.compile(
    r"\d[^.;\n]*?,\s*(?:chủ\s+yếu\s+|một\s+phần\s+|phần\s+lớn\s+)?(?:là\s+)?"
    r"(?:do|vì|nhờ|bởi)\s[^.;\n\d%]{0,80}?\s(?:ở|tại|của|trên\s+địa\s+bàn)\s*$", re.I)


def place_in_cause(text: str, s0: int, start: int) -> bool:
    """Whether a mention at ``start`` lies in the cause given after a figure.

    The sentence (from ``s0``) prints a figure, then a reason after a comma ("…, chủ yếu
    nhờ các doanh nghiệp … ở"), and the place follows "ở / tại / của" inside that reason
    with no figure between: the place of the cause, not of the figure.
    """
    return _CAUSE_BEFORE.search(text[s0:start]) is not None
