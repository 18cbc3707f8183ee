"""Place names: match keys, administrative prefixes, aliases and query parsing.

Official files and articles spell one place in many ways ("Đắk Lắk", "Dak Lak",
"Daklak"; "Yên Hoà", "Yên Hòa"; "TP. Đà Lạt", "Da Lat city"). Everything here turns a
printed name into keys the registry can look up; nothing here knows the units.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from ..schema import NATION_CODE

# Canonical administrative prefixes ("kinds") and the levels they can name.
KINDS = ["Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Xã", "Phường", "Đặc khu"]
KIND_LEVELS = {
    "Thành phố": {"province", "district"},
    "Tỉnh": {"province"},
    "Quận": {"district"},
    "Huyện": {"district"},
    "Thị xã": {"district"},
    "Thị trấn": {"commune"},
    "Xã": {"commune"},
    "Phường": {"commune"},
    "Đặc khu": {"commune"},
}

# Old-style tone placement ("hoà", "thuỷ") → new style ("hòa", "thủy"); both occur in
# the official files for the same unit ("Phường Yên Hoà" vs "Phường Yên Hòa").
_TONE_OLD_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONE_OLD_NEW))
_NON_WORD_RE = re.compile(r"[\W_]+")
_WS_RE = re.compile(r"\s+")
# Literal whitespace characters (no \s) keep pandas on the fast pyarrow path.
_WS_PAT = "[ \t\r\n\x0b\x0c\u00a0\u2009\u202f]+"
# String (not compiled) patterns let pandas use pyarrow's RE2 engine (fast);
# the classes are Unicode-aware there, unlike RE2's \W.
_NON_WORD_PAT = r"[^\p{L}\p{N}]+"
_COMBINING_PAT = "[\u0300-\u036f]"


def clean_text(text: str) -> str:
    """Normalise one name: NFC, whitespace (incl. embedded newlines) collapsed, stripped.

    Examples
    --------
    >>> clean_text("  Huyện\\nĐức   Trọng ")
    'Huyện Đức Trọng'
    """
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def clean_series(values: pd.Series) -> pd.Series:
    """Normalise a column of names like :func:`clean_text` (vectorised).

    Examples
    --------
    >>> clean_series(pd.Series([" Lâm  Đồng "])).tolist()
    ['Lâm Đồng']
    """
    return values.str.normalize("NFC").str.replace(_WS_PAT, " ", regex=True).str.strip()


def exact_key(text: str) -> str:
    """Return the diacritic-preserving match key of a name.

    NFC, lower case, tone placement normalised ("Hoà" = "Hòa"), without spaces,
    hyphens, apostrophes or punctuation — so that spellings of one official name meet.

    Examples
    --------
    >>> exact_key("N' Thol Hạ") == exact_key("N'Thol Hạ")
    True
    >>> exact_key("Yên Hoà")
    'yênhòa'
    """
    low = unicodedata.normalize("NFC", str(text)).lower()
    return _NON_WORD_RE.sub("", _TONE_RE.sub(lambda m: _TONE_OLD_NEW[m.group(0)], low))


def fold_key(text: str) -> str:
    """Return the diacritic-free match key of a name, for names typed without accents.

    Examples
    --------
    >>> fold_key("Đắk Lắk"), fold_key("Dak Lak"), fold_key("Daklak")
    ('daklak', 'daklak', 'daklak')
    """
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD_RE.sub("", stripped.lower())


def exact_keys(values: pd.Series) -> pd.Series:
    """Return :func:`exact_key` of every name of a column (vectorised).

    Examples
    --------
    >>> exact_keys(pd.Series(["Yên Hoà", "N' Thol Hạ"])).tolist()
    ['yênhòa', 'ntholhạ']
    """
    low = values.str.normalize("NFC").str.lower()
    for old, new in _TONE_OLD_NEW.items():
        low = low.str.replace(old, new, regex=False)
    return low.str.replace(_NON_WORD_PAT, "", regex=True)


def fold_keys(values: pd.Series) -> pd.Series:
    """Return :func:`fold_key` of every name of a column (vectorised).

    Examples
    --------
    >>> fold_keys(pd.Series(["Đắk Lắk", "Bà Rịa - Vũng Tàu"])).tolist()
    ['daklak', 'bariavungtau']
    """
    dec = values.str.replace("đ", "d").str.replace("Đ", "d").str.normalize("NFD")
    dec = dec.str.replace(_COMBINING_PAT, "", regex=True).str.lower()
    return dec.str.replace(_NON_WORD_PAT, "", regex=True)


# "Xa" (no diacritic) occurs once in the conversion table ("Xa Ea Kly"); read it as "Xã".
_KIND_RE = re.compile(r"^(" + "|".join(KINDS) + r"|Xa)\s+(\S.*)$", re.IGNORECASE)
_KIND_CANON = {k.lower(): k for k in KINDS} | {"xa": "Xã"}


def split_kind(full: pd.Series) -> pd.DataFrame:
    """Split official full names into canonical ``kind``, ``name`` and ``full_name``.

    Numbered units ("Phường 4", "Quận 1") keep their prefix in ``name``; the full
    name gets the canonical prefix ("Thị Xã Mộc Châu" → "Thị xã Mộc Châu").

    Examples
    --------
    >>> split_kind(pd.Series(["Thành phố Đà Lạt", "Phường 4"])).values.tolist()
    [['Thành phố', 'Đà Lạt', 'Thành phố Đà Lạt'], ['Phường', 'Phường 4', 'Phường 4']]
    """
    full = clean_series(full)
    parts = full.str.extract(_KIND_RE)
    kind = parts[0].str.lower().map(_KIND_CANON).fillna("")
    rest = parts[1].fillna(full)
    numbered = rest.str.fullmatch(r"\d+[A-Za-z]?")
    name = rest.where(~numbered, full)
    canon_full = (kind + " " + rest).where(kind != "", full)
    return pd.DataFrame({"kind": kind, "name": name, "full_name": canon_full}, index=full.index)


def parse_coded(label: pd.Series) -> pd.DataFrame:
    """Split labels such as ``"Quận Ba Đình (001)"`` into ``name`` and ``code``.

    Examples
    --------
    >>> parse_coded(pd.Series(["Quận Ba Đình (001)"])).values.tolist()
    [['Quận Ba Đình', '001']]
    """
    parts = label.str.extract(r"^(.*?)\s*\((\d+)\)$")
    return pd.DataFrame({"name": parts[0], "code": parts[1]}, index=label.index)


# Query prefixes: Vietnamese with or without diacritics, abbreviations, English suffixes.
_QUERY_PREFIX_RE = re.compile(
    r"^(?:(thành phố|thanh pho|tỉnh|tinh|quận|quan|huyện|huyen|thị xã|thi xa|thị trấn|thi tran"
    r"|xã|xa|phường|phuong|đặc khu|dac khu)\s+(?=\S)|(tp|tx|tt)(?:\.\s*|\s+)(?=\S))",
    re.IGNORECASE,
)
_PREFIX_KIND = {
    "thanhpho": "Thành phố", "tp": "Thành phố", "tinh": "Tỉnh", "quan": "Quận",
    "huyen": "Huyện", "thixa": "Thị xã", "tx": "Thị xã", "thitran": "Thị trấn",
    "tt": "Thị trấn", "xa": "Xã", "phuong": "Phường", "dackhu": "Đặc khu",
}
_QUERY_SUFFIX_RE = re.compile(
    r"^(.*\S)\s+(city|province|district|commune|ward|town)\.?$", re.IGNORECASE
)
_SUFFIX_HINT: dict[str, tuple[set[str] | None, set[str]]] = {
    "city": ({"Thành phố"}, {"province", "district"}),
    "province": (None, {"province"}),
    "district": (None, {"district"}),
    "commune": (None, {"commune"}),
    "ward": ({"Phường"}, {"commune"}),
    "town": ({"Thị trấn", "Thị xã"}, {"district", "commune"}),
}

#: Aliases (fold keys) → (level, code), matched in every boundary set holding that code.
ALIASES: dict[str, tuple[str, str]] = {
    **{k: ("nation", NATION_CODE) for k in (
        "vietnam", "vn", "canuoc", "toanquoc", "wholecountry", "nationwide", "national",
        "socialistrepublicofvietnam")},
    **{k: ("province", "79") for k in ("hcmc", "hcm", "tphcm", "saigon", "hochiminhcity")},
    **{k: ("province", "46") for k in ("thuathienhue", "thuathien", "hue")},
    **{k: ("province", "77") for k in ("brvt", "bariavungtau")},
    "hn": ("province", "01"),
}


def parse_query(text: str) -> list[tuple[str, set[str] | None, set[str] | None]]:
    """Return readings ``(body, kinds, levels)`` of a typed place name, most specific first.

    A prefix ("Huyện", "TP.") or an English suffix ("district", "city") restricts the
    kinds and levels; the text is always tried literally as well, so "Tinh Bien" can
    still be Thị xã Tịnh Biên rather than a province "Biên".

    Examples
    --------
    >>> parse_query("Huyện Đức Trọng")[0]
    ('Đức Trọng', {'Huyện'}, {'district'})
    >>> body, kinds, levels = parse_query("Da Lat city")[0]
    >>> body, kinds, sorted(levels)
    ('Da Lat', {'Thành phố'}, ['district', 'province'])
    """
    s = clean_text(text)
    out: list[tuple[str, set[str] | None, set[str] | None]] = []
    kinds: set[str] | None = None
    levels: set[str] | None = None
    body = s
    suffix = _QUERY_SUFFIX_RE.match(body)
    if suffix:
        kinds, levels = _SUFFIX_HINT[suffix.group(2).lower()]
        body = suffix.group(1)
    m = _QUERY_PREFIX_RE.match(body)
    if m:
        kind = _PREFIX_KIND[fold_key(m.group(1) or m.group(2))]
        rest = body[m.end():].strip()
        if rest and not re.fullmatch(r"\d+[A-Za-z]?", rest):
            out.append((rest, {kind}, set(KIND_LEVELS[kind])))
        else:  # "Phường 4": numbered units keep their prefix in the name
            out.append((body, {kind}, set(KIND_LEVELS[kind])))
    if m or suffix:
        out.append((body, kinds, levels))
    out.append((s, None, None))
    return out
