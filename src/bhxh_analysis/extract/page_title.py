"""The province a web page's ``<title>`` names when its body never does (blind set 19).

A provincial office's portal prints the province only in the browser title ("Bình Phước:
Kết quả phát triển …" or "… - Bảo hiểm xã hội tỉnh Bình Phước"), its logo and its footer,
which the reader drops as furniture; the body says "toàn tỉnh" and names districts. Such
a page is read with the title's province as its place hint, as if ``--place-hint`` had
been given. A body that names a place before its first "toàn tỉnh" (its own subject) or a
title that names no province leaves the page as it was.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from .places import PlaceContext, article_subject, find_mentions

__all__ = ["title_place"]

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def title_place(html: str, text: str, registry: Any = None) -> str | None:
    """The name of the province the page's ``<title>`` names, when the body needs it.

    Parameters
    ----------
    html : str
        The page's source.
    text : str
        Its visible text (:func:`bhxh_analysis.extract.read_article`).
    registry : bhxh_analysis.geo.Registry or None
        Default: :func:`bhxh_analysis.geo.get_registry`.

    Returns
    -------
    str or None
        The province's name; None when the title names none, or the body names its own
        subject before any "toàn tỉnh".

    Examples
    --------
    >>> page = "<html><head><title>Bình Phước: Kết quả quý III</title></head></html>"
    >>> title_place(page, "Toàn tỉnh có 958.640 người tham gia BHYT.\\n")
    'Bình Phước'
    >>> title_place(page, "Tỉnh Đắk Nông có 560.000 người tham gia BHYT.\\n") is None
    True
    """
    found = _TITLE.search(html)
    if found is None:
        return None
    ctx = PlaceContext(registry)
    mentions = find_mentions(text, ctx.registry)
    if not any(m.kind == "context" for m in mentions) \
            or article_subject(text, mentions, ctx.registry) is not None:
        return None
    title = re.sub(r"\s+", " ", unescape(found.group(1))).strip()
    for mention in find_mentions(title, ctx.registry):
        unit = ctx.see(mention)
        if unit is not None and unit.level == "province":
            return unit.name
    return None
