"""News text → candidate observations (``bhxh extract``).

Read an article (:func:`read_article`), list its insurance figures with their place,
date, indicator and character span (:func:`extract_text`, :func:`extract_file`), score
them against a gold list (:func:`score`), review them (:func:`highlight_html`,
:func:`apply_review`) and write them for ``bhxh data check`` (:func:`to_check_layout`,
:func:`write_check_csv`). Every table has one dtype per column: ``as_of``
``datetime64[ns]``, text ``str``, values ``float64`` (character offsets ``int64``); dates
become ISO text only where a table is written.
See ``docs/extract.md``.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pandas as pd

from .core import COLUMNS, extract_text
from .evaluate import GOLD_COLUMNS, GoldError, Score, match, read_gold, score
from .page_title import title_place
from .review import (
    CHECK_COLUMNS,
    apply_review,
    highlight_html,
    to_check_layout,
    unread_numbers,
    write_check_csv,
)
from .text import ArticleError, detect_published, read_article

__all__ = [
    "CHECK_COLUMNS", "COLUMNS", "GOLD_COLUMNS", "ArticleError", "GoldError", "Score",
    "apply_review", "detect_published", "extract_file", "extract_text", "highlight_html",
    "match", "read_article", "read_gold", "score", "to_check_layout", "unread_numbers",
    "write_check_csv",
]


def extract_file(path: str | Path, *, published: _dt.date | str | None = None,
                 place_hint: str | None = None, registry: Any = None) -> pd.DataFrame:
    """Read an article file and return its candidates (see :func:`extract_text`).

    The publication date is, in this order: ``published``, the date an HTML page
    declares in its ``<meta>``, a date printed in the page header of the text.
    """
    text, page_date = read_article(path)
    if published is None or published == "" or pd.isna(published):
        published = page_date
    if not place_hint and Path(path).suffix.lower() in (".html", ".htm"):
        # a portal naming its province only in the browser title (blind set 19)
        place_hint = title_place(Path(path).read_text("utf-8-sig", errors="replace"), text,
                                 registry)
    return extract_text(text, published=published, place_hint=place_hint,
                        registry=registry)
