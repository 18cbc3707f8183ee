"""Article text: reading ``.txt``/``.html`` files, sentences, the publication date.

Offsets (``start``/``end`` of a candidate) index the text returned by
:func:`read_article`: the file decoded as UTF-8 (without a byte-order mark), in NFC
(already the case for almost every file; line ends are kept) and, for HTML, the visible
article text without the page furniture.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from . import patterns as P

__all__ = ["ArticleError", "detect_published", "html_to_text", "normalise", "read_article",
           "sentences"]


class ArticleError(ValueError):
    """An article file that cannot be read (missing, not UTF-8, unknown kind)."""


def normalise(text: str) -> str:
    """Return ``text`` in NFC without a byte-order mark (offsets refer to this form).

    Line ends are kept as they are and a no-break space becomes a space, so for a UTF-8
    file already in NFC (the usual case) the offsets are those of the file's own text.
    """
    text = text.replace("\ufeff", "").replace("\u00a0", " ")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# Elements whose content is page furniture, not the article.
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "select", "template", "head", "menu"}
# Elements that end a line of text.
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "table", "section", "article", "blockquote", "figcaption", "figure", "dd", "dt"}
# class/id words of furniture blocks inside the body (menus, share bars, related links).
_FURNITURE = re.compile(r"\b(?:menu|navbar|breadcrumb|share|social|related|comment|sidebar|"
                        r"footer|header|banner|advert|ads|tag-list|tags|most-read|other-news|"
                        r"tin-?lien-?quan|lien-?quan|tin-?khac|doc-?nhieu|xem-?them|"
                        r"binh-?luan)\b", re.I)
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _TextParser(HTMLParser):
    """Collect the visible text of a page, skipping furniture elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or ""
            if key:
                self.meta[key.lower()] = a.get("content", "")
            return
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self.parts.append("\n")
            return
        skip = tag in _SKIP or bool(_FURNITURE.search(f"{a.get('class', '')} {a.get('id', '')}"))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        elif tag in _BLOCK and not self.skip_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching tag (tolerates unclosed <p>, <li>).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _t, skip in self.stack[i:]:
                    self.skip_depth -= skip
                del self.stack[i:]
                break
        if tag in _BLOCK and not self.skip_depth:
            self.parts.append("\n")
        elif tag in ("td", "th") and not self.skip_depth:
            self.parts.append(" | ")  # table cells: "BHXH bắt buộc | 112.400"

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Return the visible text of an HTML page and its ``<meta>`` values.

    Scripts, styles, navigation, header, footer, asides, forms and blocks whose class
    or id names a menu, share bar, related-links list or comments are dropped; block
    elements end a line, table cells are separated by " | " (a row is one line); runs
    of spaces are collapsed and blank lines squeezed.
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", ln).strip(" |") for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip() + "\n", parser.meta


def read_article(path: str | Path) -> tuple[str, _dt.date | None]:
    """Read an article file; return its text and, for HTML, the date its page declares.

    Parameters
    ----------
    path : path
        ``.txt`` (UTF-8, a BOM is allowed) or ``.html``/``.htm``.

    Returns
    -------
    text : str
        Normalised text (see :func:`normalise`); candidate offsets index it.
    published : datetime.date or None
        ``article:published_time`` (or a similar ``<meta>``) of an HTML page.

    Raises
    ------
    ArticleError
        Missing file, bytes that are not UTF-8, or another extension.
    """
    p = Path(path)
    if not p.is_file():
        raise ArticleError(f"{p}: no such file")
    suffix = p.suffix.lower()
    if suffix not in (".txt", ".html", ".htm", ".md", ""):
        raise ArticleError(f"{p}: expected a .txt or .html article, not {suffix!r}")
    try:
        raw = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{p}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    if suffix in (".html", ".htm") or raw.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        text, meta = html_to_text(raw)
        return normalise(text), _meta_date(meta)
    return normalise(raw), None


def _meta_date(meta: dict[str, str]) -> _dt.date | None:
    for key in ("article:published_time", "datepublished", "pubdate", "date",
                "dc.date.issued", "og:published_time", "article:modified_time"):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", meta.get(key, "").strip())
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def detect_published(text: str) -> _dt.date | None:
    """Guess the publication date from a page header printed in the text.

    A labelled date ("Ngày đăng: 11/07/2020", a byline "12:00, 12/09/2023") wins;
    otherwise the first full date in the first 300 characters that is no document's
    signing date ("Kế hoạch số 93-KH/TU ngày 17/8/2018") and no end of a span ("Từ ngày
    1/3/2024 đến nay", "từ 1/3 đến 15/5/2024", "Ngày 1/3/2024, huyện phát động … Từ đó
    đến nay": a campaign's start is no day the page was printed, so "đến nay" is not
    dated by it). ``None`` when there is none: pass the date explicitly
    (``--published``) for texts without a header.
    """
    head = text[:600]
    for pattern, limit in ((P.PUBLISHED_LABELLED, 600), (P.FULL_DATE, 300)):
        for m in pattern.finditer(head[:limit]):
            if pattern is P.FULL_DATE and P.DOCUMENT_DATE_BEFORE.search(
                    head, max(0, m.start() - 90), m.start()):
                continue  # "Kế hoạch số 93-KH/TU ngày 17/8/2018": a signing date
            if pattern is P.FULL_DATE and (
                    P.SPAN_END_BEFORE.search(head, max(0, m.start() - 60), m.start())
                    or P.SINCE_THEN.search(text, m.end(), m.end() + 400)):
                continue  # "Từ ngày 1/3/2024 đến nay": the start (or end) of a span
            try:
                return _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return their ``(start, end)`` offsets.

    A sentence ends at ``.``/``!``/``?`` followed by a capital letter (abbreviations
    such as "TP." do not end one), or at a line break. Semicolons do not end a sentence:
    the place and date said at its start hold for every clause.
    """
    spans = []
    pos = 0
    for m in P.SENTENCE_END.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
