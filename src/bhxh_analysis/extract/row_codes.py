"""A statistics office's table printed as text (set 18): its code column is no figure.

A yearbook table ("Chỉ tiêu | Mã số | Số người") printed cell by cell puts each row's
code ("01", "12") on the line right after the row's label, then the value (or an empty
cell). A code under a label such as "Số người nhận thẻ bảo hiểm y tế" read like a count
of participants; it is the row's number, not a figure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .figures import Figure

__all__ = ["row_code"]

#: A table whose header names a code column: "Mã số" alone in its cell.
_CODE_HEADER = re.compile(r"(?:^|[\n|])[ \t]*Mã[ \t]+số[ \t]*(?:\||\n)", re.I)


def row_code(text: str, fig: Figure) -> bool:
    """Whether a bare number is a table row's code ("Mã số"), not a figure.

    True when the page has a "Mã số" column, the number stands alone in its cell line
    ("12 |") and the line before it is a row's label (it has words): the value, if any,
    comes on a later line after the code.
    """
    if fig.unit != "bare" or not _CODE_HEADER.search(text):
        return False
    ls = text.rfind("\n", 0, fig.start) + 1
    le = text.find("\n", fig.end)
    line = text[ls:len(text) if le < 0 else le]
    if not re.fullmatch(r"[ \t]*\d{1,3}[ \t]*\|?[ \t]*", line) or ls == 0:
        return False
    before = text[text.rfind("\n", 0, ls - 1) + 1:ls - 1]
    return bool(re.search(r"[^\W\d_]{2}", before))
