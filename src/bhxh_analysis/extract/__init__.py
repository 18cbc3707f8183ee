"""News text → candidate observations (``bhxh extract``).

Public entry points: :func:`read_article`, :func:`extract_text`, :func:`extract_file`,
:func:`evaluate`, :func:`highlight_html`, :func:`to_check_layout`. See ``docs/extract.md``.
"""

from __future__ import annotations

from .core import COLUMNS, extract_text
from .text import ArticleError, detect_published, read_article

__all__ = ["COLUMNS", "ArticleError", "detect_published", "extract_text", "read_article"]
