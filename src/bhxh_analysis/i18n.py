"""The words of every report, in Vietnamese (``vi``) and English (``en``).

All reader-facing text — headings, column labels, sentences, method, check and status
names, indicator labels, formulas — lives in ``i18n_catalogue.yml`` beside this module;
code asks for it by key (:func:`t`) and never chooses between languages itself.
Numbers and dates go through :func:`fmt_value`/:func:`fmt_date` so that ``lang="vi"``
prints ``190.863`` and ``83,23%`` and ``lang="en"`` prints ``190,863`` and ``83.23%``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from pathlib import Path
from typing import Any, Literal

Lang = Literal["vi", "en"]
LANGS: tuple[str, ...] = ("vi", "en")
CATALOGUE = Path(__file__).with_name("i18n_catalogue.yml")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DECIMAL_MARK = {"vi": ",", "en": "."}
_IDENT = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b(?:population|labour_force)\b")


@functools.cache
def catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """Return the catalogue (sections ``schemes``, ``measures``, ``other``, ``text``, ...)."""
    import yaml

    with open(CATALOGUE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    Examples
    --------
    >>> check_lang("vi")
    'vi'
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGS)}")
    return lang  # type: ignore[return-value]


def has(key: str) -> bool:
    """Return True if the catalogue has a text entry ``key``.

    Examples
    --------
    >>> has("no.such.key")
    False
    """
    return key in catalogue()["text"]


def t(key: str, lang: str, **values: Any) -> str:
    """Return the catalogue text ``key`` in ``lang``, its ``{placeholders}`` filled.

    Parameters
    ----------
    key : str
        Entry of the catalogue's ``text`` section.
    lang : str
        ``"vi"`` or ``"en"``.
    **values
        Values for the entry's placeholders (already formatted for ``lang``).

    Raises
    ------
    KeyError
        No such entry: a report never shows a key instead of words.

    Examples
    --------
    >>> t("gap_latest", "en", date="31 Jul 2020")
    'The latest participants or coverage figure is dated 31 Jul 2020.'
    """
    check_lang(lang)
    text = catalogue()["text"][key][lang]
    return text.format(**values) if values else text


def indicator_label(indicator: str, lang: str) -> str:
    """Return a readable label for an indicator of the vocabulary.

    Examples
    --------
    >>> indicator_label("bhyt_coverage_pct", "vi")
    'BHYT: tỷ lệ bao phủ'
    """
    check_lang(lang)
    cat = catalogue()
    if indicator in cat["other"]:
        return cat["other"][indicator][lang]
    for scheme in sorted(cat["schemes"], key=len, reverse=True):  # bhxh_voluntary before bhxh
        prefix = scheme + "_"
        if indicator.startswith(prefix):
            measure = indicator[len(prefix):]
            label = cat["measures"].get(measure, {}).get(lang, measure.replace("_", " "))
            return f"{cat['schemes'][scheme][lang]}: {label}"
    return indicator.replace("_", " ")


def scheme_label(scheme: str, lang: str) -> str:
    """Return the name of an insurance scheme (``bhxh_voluntary`` → ``BHXH tự nguyện``).

    Examples
    --------
    >>> scheme_label("bhxh_voluntary", "vi")
    'BHXH tự nguyện'
    """
    check_lang(lang)
    return catalogue()["schemes"][scheme][lang]


def formula_text(method: str, lang: str) -> str:
    """Return a derivation formula in words: identifiers become indicator labels.

    Examples
    --------
    >>> formula_text("population = bhyt_participants ÷ bhyt_coverage_pct × 100", "vi")
    'Dân số = BHYT: người tham gia ÷ BHYT: tỷ lệ bao phủ × 100'
    """
    check_lang(lang)
    text = str(method)
    for phrase, words in catalogue().get("formula_phrases", {}).items():
        text = text.replace(phrase, words[lang])
    return _IDENT.sub(lambda m: indicator_label(m.group(0), lang), text)


def instrument_label(instrument: str, lang: str) -> str:
    """Return a policy instrument's name in ``lang`` (the number stays as printed: 28-NQ/TW).

    Examples
    --------
    >>> instrument_label("2025 goal (reported Dec 2021)", "vi")
    'Mục tiêu năm 2025 (công bố 12/2021)'
    """
    check_lang(lang)
    return catalogue().get("instruments", {}).get(instrument, {}).get(lang, instrument)


def publisher_label(publisher: str, lang: str) -> str:
    """Return a publisher's name for readers (the project's own collection in words).

    Examples
    --------
    >>> publisher_label("bhxh_analysis reference collection", "en")
    'Project reference collection (compiled from published sources)'
    """
    check_lang(lang)
    return catalogue().get("publishers", {}).get(publisher, {}).get(lang, publisher)


def source_title(source_id: str, title: str, lang: str) -> str:
    """Return a source's title in the reader's language where the catalogue has one.

    ``sources.csv`` keeps a title as its publisher printed it; the English titles of
    statistics-office exports (GSO, NSO) are translated under ``source_titles`` so a
    Vietnamese report does not cite them in English. A news article keeps its own
    headline, in whatever language it was published.

    Parameters
    ----------
    source_id : str
        The key of ``sources.csv``.
    title : str
        The title as ``sources.csv`` writes it (returned when there is no entry).
    lang : {"vi", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> source_title("gso-pop-1995-2016", "Average population by province (1995-2016)", "vi")
    'Dân số trung bình phân theo địa phương (1995–2016)'
    >>> source_title("baoX-1", "Tiêu đề bài báo", "en")
    'Tiêu đề bài báo'
    """
    check_lang(lang)
    return catalogue().get("source_titles", {}).get(source_id, {}).get(lang, title)


def _num(x: float, decimals: int, lang: str) -> str:
    from .clean import format_number

    return format_number(x, decimals, lang)


def _missing(x: object) -> bool:
    if x is None:
        return True
    try:
        return bool(x != x) or (isinstance(x, float) and math.isnan(x))
    except (TypeError, ValueError):
        return False


def fmt_number(x: float | None, lang: str, decimals: int = 0, na: str = "–") -> str:
    """Format a count with the thousands separator of ``lang`` (``190.863`` / ``190,863``).

    Examples
    --------
    >>> fmt_number(190863, "vi"), fmt_number(190863, "en")
    ('190.863', '190,863')
    """
    check_lang(lang)
    if _missing(x):
        return na
    return _num(float(x), decimals, lang)


#: Kinds of a printed figure's qualifier (:data:`bhxh_analysis.schema.QUALIFIER_KINDS`)
#: that the catalogue words (``qualifier_<kind>``: "trên {value}", "nearly {value}").
QUALIFIER_KINDS_WORDED = ("over", "nearly", "approx", "at_least", "at_most")


def qualified(text: str, kind: Any, lang: str) -> str:
    """Return a printed figure with its source's qualifier in ``lang`` ("gần 682.000").

    ``kind`` is the qualifier's kind (``over``, ``nearly``, ...); any other value (none,
    "", NaN) leaves ``text`` as it is.

    Examples
    --------
    >>> qualified("92.3%", "over", "en"), qualified("92,3%", "", "vi")
    ('over 92.3%', '92,3%')
    """
    if isinstance(kind, str) and kind in QUALIFIER_KINDS_WORDED:
        return t(f"qualifier_{kind}", lang, value=text)
    return text


def fmt_pct(x: float | None, lang: str, max_decimals: int = 2, na: str = "–") -> str:
    """Format a percentage (0–100 scale) with up to ``max_decimals`` digits: ``83,23%``.

    Trailing zeros are dropped (``91%``, ``68,9%``) so printed figures look as published.

    Examples
    --------
    >>> fmt_pct(93.456, "vi"), fmt_pct(93.456, "en")
    ('93,46%', '93.46%')
    """
    check_lang(lang)
    if _missing(x):
        return na
    text = _num(round(float(x), max_decimals), max_decimals, lang)
    mark = _DECIMAL_MARK[lang]
    if mark in text:
        text = text.rstrip("0").rstrip(mark)
    return f"{text}%"


def fmt_pp(x: float | None, lang: str, na: str = "–") -> str:
    """Format a difference in percentage points with a sign: ``+1,5`` / ``-6.77``.

    Examples
    --------
    >>> fmt_pp(-2.5, "vi"), fmt_pp(2.5, "en")
    ('-2,5', '+2.5')
    """
    if _missing(x):
        return na
    sign = "+" if x > 0 else ""
    return sign + fmt_pct(x, lang).rstrip("%")


def fmt_value(x: float | None, unit: str, lang: str, na: str = "–") -> str:
    """Format a value by its unit: ``pct`` → :func:`fmt_pct`, other units → :func:`fmt_number`.

    Examples
    --------
    >>> fmt_value(1234567, "persons", "vi"), fmt_value(93.5, "pct", "en")
    ('1.234.567', '93.5%')
    """
    if _missing(x):
        return na
    if unit == "pct":
        return fmt_pct(x, lang)
    decimals = 0 if abs(x) >= 100 or float(x).is_integer() else 2
    return fmt_number(x, lang, decimals)


def fmt_date(d: object, lang: str, na: str = "–") -> str:
    """Format a date: ``31/7/2020`` in Vietnamese, ``31 Jul 2020`` in English.

    Examples
    --------
    >>> fmt_date("2020-07-31", "vi"), fmt_date("2020-07-31", "en")
    ('31/7/2020', '31 Jul 2020')
    """
    check_lang(lang)
    if _missing(d):
        return na
    if isinstance(d, str):
        try:
            d = _dt.date.fromisoformat(d[:10])
        except ValueError:
            return na
    if not hasattr(d, "year"):
        return na
    if lang == "vi":
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def fmt_month(year: int, month: int, lang: str) -> str:
    """Format a month: ``8/2020`` in Vietnamese, ``Aug 2020`` in English.

    Examples
    --------
    >>> fmt_month(2025, 6, "vi"), fmt_month(2025, 6, "en")
    ('6/2025', 'Jun 2025')
    """
    check_lang(lang)
    if lang == "vi":
        return f"{month}/{year}"
    return f"{_MONTHS_EN[month - 1]} {year}"


def level_label(level: str, lang: str, kind: str = "") -> str:
    """Return the name of an administrative level (``district`` → ``Huyện`` / ``District``),
    or of the unit's own ``kind`` when the registry gives one the catalogue words
    (``unit_kinds``): a ward is "Phường"/"Ward", a township "Thị trấn"/"Township", not
    "Xã"/"Commune".

    Examples
    --------
    >>> level_label("district", "vi"), level_label("district", "en")
    ('Huyện', 'District')
    >>> level_label("commune", "vi", "Phường"), level_label("commune", "en", "Thị trấn")
    ('Phường', 'Township')
    """
    words = catalogue().get("unit_kinds", {}).get(str(kind or "")) if kind else None
    if words:
        check_lang(lang)
        return str(words[lang])
    return t(level, lang)


#: A numbered unit's registry name: its kind, then a number ("Phường 4", "Quận 10").
_NUMBERED = re.compile(r"^(?P<kind>\S.*?) (?P<number>\d+[A-Za-z]?)(?P<rest> \(.*\))?$")


def _numbered(name: str, lang: str) -> str | None:
    """A numbered unit's name with the kind word in ``lang`` ("Phường 4" → "Ward 4", a
    bracket after it kept: "Phường 4 (Đà Lạt)" → "Ward 4 (Đà Lạt)"); None when ``name``
    is not one (or its kind is not in the catalogue). A kind whose numbered units have a
    usual English name of their own ("Quận 10" is "District 10" in Ho Chi Minh City's own
    English) takes it from ``unit_kinds_numbered``."""
    m = _NUMBERED.match(name)
    cat = catalogue()
    words = (cat.get("unit_kinds_numbered", {}).get(m.group("kind"))
             or cat.get("unit_kinds", {}).get(m.group("kind"))) if m else None
    if not (m and words):
        return None
    return f"{words[lang]} {m.group('number')}{m.group('rest') or ''}"


def place_label(name: str, lang: str) -> str:
    """Return a place name for a sentence in ``lang``: the nation in the catalogue's words.

    Registry names keep their diacritics in every language; only the nation, which the
    data call "Việt Nam", has an English name, and a numbered unit, named by its kind
    ("Phường 4"), has its kind in the reader's words ("Ward 4", as
    :func:`unit_full_name` writes it).

    Examples
    --------
    >>> place_label("Việt Nam", "en"), place_label("Lâm Đồng", "en")
    ('Viet Nam', 'Lâm Đồng')
    >>> place_label("Phường 4", "en"), place_label("Phường 4", "vi")
    ('Ward 4', 'Phường 4')
    """
    check_lang(lang)
    name = str(name)
    if name == t("country", "vi"):
        return t("country", lang)
    return _numbered(name, lang) or name


def unit_full_name(full_name: str, name: str, lang: str, in_text: bool = False) -> str:
    """Return a unit's official name in ``lang``: the kind word in the reader's language.

    ``full_name`` and ``name`` are the registry's ("Thành phố Ninh Bình", "Ninh Bình");
    the kind is what the full name holds before the name. A numbered unit, whose name is
    its full name ("Phường 4"), has its kind word first ("Ward 4"); a kind the catalogue
    does not know keeps the registry's full name. ``in_text``: the name inside a
    sentence, where Vietnamese writes the kind word in lower case ("tỉnh Thừa Thiên Huế
    trở thành thành phố Huế"), as administrative texts do.

    Examples
    --------
    >>> unit_full_name("Thành phố Ninh Bình", "Ninh Bình", "en")
    'Ninh Bình City'
    >>> unit_full_name("Thành phố Ninh Bình", "Ninh Bình", "vi")
    'Thành phố Ninh Bình'
    >>> unit_full_name("Phường 1", "Phường 1", "en")
    'Ward 1'
    >>> unit_full_name("Thành phố Ninh Bình", "Ninh Bình", "vi", in_text=True)
    'thành phố Ninh Bình'
    """
    check_lang(lang)
    full, name = str(full_name), str(name)
    if full == name and lang != "vi" and _numbered(full, lang):
        return str(_numbered(full, lang))
    kind = full[:-len(name)].strip() if name and full.endswith(name) else ""
    words = catalogue().get("unit_kinds", {}).get(kind)
    if lang == "vi" or not words:
        return f"{kind.lower()} {name}" if in_text and kind and lang == "vi" else full
    return f"{name} {words[lang]}"


def legal_ref(ref: str, lang: str) -> str:
    """Return a legal document's reference in ``lang``: its kind word translated, its
    number as issued ("Nghị quyết 175/2024/QH15" → "Resolution 175/2024/QH15").

    A boundary change's basis is stored in Vietnamese (``geo.reform``, ``geo.dated``);
    an English page must not print the Vietnamese kind word. A reference whose kind the
    catalogue (``legal_kinds``) does not know is returned as stored.

    Examples
    --------
    >>> legal_ref("Nghị quyết 175/2024/QH15", "en")
    'Resolution 175/2024/QH15'
    >>> legal_ref("Nghị quyết 175/2024/QH15", "vi")
    'Nghị quyết 175/2024/QH15'
    """
    check_lang(lang)
    ref = str(ref)
    for kind, words in catalogue().get("legal_kinds", {}).items():
        if ref.startswith(f"{kind} "):
            return f"{words[lang]}{ref[len(kind):]}"
    return ref


def method_label(method: str, lang: str) -> str:
    """Return the reader's name of a forecast method (``seasonal_profile`` → words).

    Examples
    --------
    >>> method_label("seasonal_profile", "en")
    'seasonal within-year pattern'
    """
    key = f"method_{method}"
    return t(key if has(key) else "method_unknown", lang)
