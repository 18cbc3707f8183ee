"""Places named in an article, resolved with the geography registry.

Names are found three ways: with their administrative kind ("huyện Đức Trọng", "TP Đà
Lạt"), as bare province or district names from the registry ("Lạng Sơn", "Đà Lạt"), and
as references to the nation ("toàn quốc", "cả nước", "Việt Nam") or to the province or
district in context ("toàn tỉnh", "trên địa bàn huyện"). Resolution itself is
:meth:`bhxh_analysis.geo.Registry.resolve`; nothing here re-implements it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..geo import GeoError, get_registry
from . import patterns as P
from .units import dashed_name, numbered_name

__all__ = ["Mention", "PlaceContext", "article_subject", "find_mentions", "fold_chars",
           "prefixed_name"]


@dataclass(frozen=True)
class Mention:
    """A place reference in the text.

    ``kind`` is ``named`` (a name, ``level`` from its prefix or None), ``nation``, or
    ``context`` (``level`` = the province or district meant by "toàn tỉnh"/"huyện").
    """

    start: int
    end: int
    name: str
    kind: str
    level: str | None = None


def fold_chars(text: str) -> str:
    """Lower-case ``text`` without diacritics, keeping its length (offsets survive)."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0].lower()
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


_GAZETTEERS: dict[int, re.Pattern[str]] = {}
_TONES: dict[int, dict[str, set[tuple[str, ...]]]] = {}
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _tones(name: str) -> tuple[str, ...]:
    """The tone marks of each word of ``name`` (Văn Bàn: none, then the grave accent).

    The vowel's own marks (breve, circumflex, horn) are not tones and are kept out, so
    "Hoà"/"Hòa" and "Cang"/"Căng" agree while "Bản" and "Bàn" do not.
    """
    return tuple("".join(sorted(c for c in unicodedata.normalize("NFD", w)
                                if c in _TONE_MARKS)) for w in name.lower().split())


def _same_tones(printed: str, reg: Any) -> bool:
    """Whether a bare name printed with diacritics has the tones of a registry name.

    Folding drops every diacritic so that "Quang Binh" is still found; a name printed
    with other tones is another word ("VĂN BẢN", a document, is not Văn Bàn).
    """
    if printed.isascii():
        return True
    return _tones(printed) in _TONES[id(reg)].get(fold_chars(printed), {_tones(printed)})


def _gazetteer(reg: Any) -> re.Pattern[str]:
    """One pattern of the bare province and district names (folded), built once."""
    if id(reg) in _GAZETTEERS:
        return _GAZETTEERS[id(reg)]
    levels: dict[str, str] = {}
    tones: dict[str, set[tuple[str, ...]]] = {}
    for bnd in ("legacy", "2025"):
        for level in ("province", "district"):
            if bnd == "2025" and level == "district":
                continue
            for name in reg.units(bnd, level)["geo_name"]:
                key = fold_chars(str(name))
                # Numbered districts ("Quận 1") are found through their prefix only.
                if re.search(r"\d", key) or len(key) < 4:
                    continue
                levels.setdefault(key, level)
                tones.setdefault(key, set()).add(_tones(str(name)))
    _TONES[id(reg)] = tones
    alternation = "|".join(re.escape(k) for k in sorted(levels, key=len, reverse=True))
    _GAZETTEERS[id(reg)] = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return _GAZETTEERS[id(reg)]


_KIND_NAMES = {"tỉnh": "Tỉnh", "thành phố": "Thành phố", "tp": "Thành phố", "huyện": "Huyện",
               "quận": "Quận", "thị xã": "Thị xã", "tx": "Thị xã", "xã": "Xã",
               "phường": "Phường", "thị trấn": "Thị trấn",
               "đặc khu": "Đặc khu"}


def prefixed_name(kind: str) -> str:
    """The registry's word for an administrative kind as printed ("tp" → "Thành phố")."""
    return _KIND_NAMES.get(kind, "")


#: "huyện này", "huyện đảo này", "thị xã ven biển này": the district named last.
_THIS_UNIT = re.compile(r"(?<!\w)(?P<kind>(?i:huyện|quận|thị\s+xã))(?:\s+(?:đảo|miền\s+núi|"
                        r"vùng\s+cao|biên\s+giới|ven\s+biển|nghèo))?\s+này(?!\w)")


#: A caption line that goes on with a sentence of figures ("Ảnh: Nhân viên BHXH huyện A tư
#: vấn cho ngư dân. Huyện đảo này có tỷ lệ … 96,2%"): body text, its places are read.
_CAPTION_GOES_ON = re.compile(rf"[.!?]\s+[{P.UPPER}][^\n]*\d")


#: A capitals heading's "CŨ" / "TRƯỚC ĐÂY" that the capitalised name ran on into.
_CAPS_FORMER = re.compile(r"\s+(?:CŨ|TRƯỚC\s+ĐÂY)$")


def find_mentions(text: str, registry: Any) -> list[Mention]:
    """Return every place reference in ``text``, sorted, without overlaps."""
    found: list[Mention] = []
    for m in P.PLACE_PREFIXED.finditer(text):
        kind = re.sub(r"\s+", " ", m["kind"].lower()).rstrip(".")
        level = P.KIND_LEVEL.get(kind)
        # The kind stays with the name: "huyện Long Mỹ" and "thị xã Long Mỹ" differ.
        prefix = _KIND_NAMES.get(kind, "")
        name, end = f"{prefix} {m['name']}".strip(), m.end()
        cut = _CAPS_FORMER.search(name)
        if cut is not None:  # "TỈNH QUẢNG NAM CŨ" in capitals: "CŨ" is no word of the name
            name, end = name[:cut.start()], end - (len(name) - cut.start())
        dashed = dashed_name(text, end, name, level, registry)
        if dashed is not None:  # "thành phố Phan Rang – Tháp Chàm": one name
            name, end = dashed
        numbered = numbered_name(text, end, name, level, registry)
        if numbered is not None:  # "phường Hà Giang 1": the number is the name's
            name, end = numbered
        found.append(Mention(m.start(), end, name, "named", level))
    for m in P.HCM_ABBREVIATION.finditer(text):
        found.append(Mention(m.start(), m.end(), "Thành phố Hồ Chí Minh", "named", "province"))
    for m in P.NATION.finditer(text):
        if not P.RANKED_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            found.append(Mention(m.start(), m.end(), "Việt Nam", "nation", "nation"))
    for m in re.finditer(r"Việt\s+Nam", text):
        if not P.ORG_BEFORE_VN.search(text[max(0, m.start() - 40):m.start()]):
            found.append(Mention(m.start(), m.end(), "Việt Nam", "nation", "nation"))
    for m in P.CONTEXT_PLACE.finditer(text):
        kind = m["kind"].lower()
        level = "district" if kind in ("huyện", "quận", "thị xã") else (
            "province" if kind == "tỉnh" else "city")
        found.append(Mention(m.start(), m.end(), kind, "context", level))
    for m in _THIS_UNIT.finditer(text):  # "Huyện đảo này có tỷ lệ …": the one just named
        found.append(Mention(m.start(), m.end(), m["kind"].lower(), "context", "district"))
    for m in P.SUBJECT_PLACE.finditer(text):
        kind = m["kind"].lower()
        found.append(Mention(m.start(), m.end("kind"), kind, "context",
                             "district" if kind == "huyện" else "province"))
    pattern = _gazetteer(registry)
    folded = fold_chars(text)
    pos = 0
    while (m := pattern.search(folded, pos)) is not None:
        printed = text[m.start():m.end()]
        # Every word of a bare name starts with a capital letter in the text.
        if all(w[:1].isupper() for w in printed.split()) \
                and not _person_before(text, m.start()) and _same_tones(printed, registry) \
                and not P.PARK_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            found.append(Mention(m.start(), m.end(), printed, "named", None))
            pos = m.end()
        elif not printed[:1].isupper():  # "địa phương như Thanh Hóa": "như Thanh" (a
            pos = m.start() + 1  # district's name in lower case) is none; a name may begin
        else:  # inside it (set 27)
            pos = m.end()
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue  # inside a longer mention ("huyện Đức Trọng" holds "Đức Trọng")
        out.append(mention)
    # "Hà Nội, ngày 31 tháng 07 năm 2013": a document's dateline, not its subject; a
    # photo credit "(Ảnh: BHXH tỉnh Lai Châu)" names no subject either
    credits = [(m.start(), m.end()) for m in P.CREDIT.finditer(text)
               if not _CAPTION_GOES_ON.search(m.group())]
    credits += [(m.start(), m.end()) for m in P.SCOPE_REMARK.finditer(text)]
    kept = [x for x in out if not P.DATELINE_AFTER.match(text, x.end)
            and not any(a <= x.start < b for a, b in credits)]
    return _commune_in_context(text, _named_elsewhere(_parents_first(text, kept), registry))


#: "toàn xã có …", "trên địa bàn phường …", "UBND xã báo cáo" (its report's author, set
#: 25), "tỷ lệ bao phủ BHYT của xã" (set 26), "Đến nay, phường có …" (set 33): the
#: commune (ward, township) in context — not "toàn xã hội" (the whole society), "xã
#: viên" (a cooperative's members), nor "xã A".
_CONTEXT_COMMUNE = re.compile(
    r"(?:(?:(?<!\w)[Tt]oàn|(?<!\w)[Cc]ả|[Tt]rên\s+địa\s+bàn|(?<!các\s)(?:UBND|Ủy\s+ban\s+nhân\s+dân)"
    r"|(?<=BHYT\s)của|(?<=phủ\s)của)\s+"  # "tỷ lệ bao phủ (BHYT) của xã" (set 26)
    # "Năm 2024, xã phấn đấu …", "Đến nay, phường có …": the clause's subject (set 33)
    r"|(?<=,\s)(?=(?:xã|phường|thị\s+trấn)\s+(?:có|đạt|phấn\s+đấu|đã)(?!\w)))"
    r"(?P<kind>xã|phường|thị\s+trấn)"
    rf"(?!\s+(?:hội|viên))(?!\w)(?![^\S\n]+[{P.UPPER}])"
    # (not "UBND xã, phường": every commune and ward)
    r"(?![^\S\n]*(?:,|/|\bvà\b)[^\S\n]*(?:xã|phường|thị\s+trấn)(?!\w))")


def _commune_in_context(text: str, mentions: list[Mention]) -> list[Mention]:
    """Read "toàn xã" as the one commune the text names, as "toàn huyện" is the district.

    A commune's own report ("UBND huyện A, UBND xã B báo cáo như sau: … toàn xã có 8.912
    người tham gia BHYT"): the sentence naming the district and the commune read no
    figure, so the district, named first, stayed in play, and the commune's figures went
    to it. When the text names one commune of that kind (xã, phường, thị trấn; however
    often, in any case), "toàn xã"/"cả xã"/"trên địa bàn xã" is that commune: a mention
    of its name there (resolved in the district in play). Two communes named: whose
    "toàn xã" it is, is not said, and nothing is added.
    """
    found = list(_CONTEXT_COMMUNE.finditer(text))
    if not found:
        return mentions
    out = list(mentions)
    for kind in {re.sub(r"\s+", " ", m["kind"].lower()) for m in found}:
        prefix = _KIND_NAMES[kind] + " "
        named = [m for m in mentions if m.kind == "named" and m.level == "commune"
                 and m.name.startswith(prefix)]
        names = {fold_chars(m.name) for m in named}
        # "xã A - Nguyễn Văn B" (a byline's dash read into the name) is still A
        if len({n for n in names if not any(n.startswith(o + " ") for o in names)}) != 1:
            continue
        for m in found:
            if re.sub(r"\s+", " ", m["kind"].lower()) != kind:
                continue
            # the name as printed last before (a heading in capitals only if none is)
            before = [n for n in named if n.end <= m.start()] or named
            name = next((n.name for n in reversed(before)
                         if not n.name[len(prefix):].isupper()), before[-1].name)
            at = next((i for i, x in enumerate(out) if x.start > m.start()), len(out))
            out.insert(at, Mention(m.start("kind"), m.end(), name, "named", "commune"))
    return out


_PERSON_TITLES = {"ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em"}


def _person_before(text: str, start: int) -> bool:
    """Whether a bare name ends a person's name ("Ông Trần Văn Lâm": Văn Lâm is a district).

    A title ("ông", "bà", "anh", "chị" …) then one to three capitalised words right
    before the name: the name is the end of the person's, not a place.
    """
    words = text[max(0, start - 40):start].split()
    n = 0
    while words and n < 3 and words[-1].isalpha() and words[-1][:1].isupper() \
            and words[-1].lower() not in _PERSON_TITLES:
        words.pop()
        n += 1
    return n >= 1 and bool(words) and words[-1].lower() in _PERSON_TITLES


def _named_elsewhere(mentions: list[Mention], registry: Any) -> list[Mention]:
    """Read an ambiguous name inside the one province the article names that holds it.

    "BHXH huyện Tam Nông" (a district of that name lies in two provinces) in a bulletin
    that names "tỉnh Đồng Tháp" further on: the province is seen first (zero width, at the
    name), as a bracketed parent is.
    """
    probe = PlaceContext(registry)
    provinces = {}
    for m in mentions:
        if m.kind == "named" and m.level in ("province", None):
            unit = probe.resolve_name(m.name, "province")
            if unit is not None:
                provinces[unit.code] = m
    if not provinces:
        return mentions
    first = min(pm.start for pm in provinces.values())
    out: list[Mention] = []
    for m in mentions:  # a name before any province is named (a heading, an office)
        if m.kind == "named" and m.level != "province" and m.start < first \
                and probe.resolve_name(m.name, m.level) is None:
            holders = []
            for pm in provinces.values():
                inside = PlaceContext(registry)
                inside.see(pm)
                if inside.resolve_name(m.name, m.level, anywhere=False) is not None:
                    holders.append(pm)
            if len(holders) == 1:
                out.append(Mention(m.start, m.start, holders[0].name, "named", "province"))
        out.append(m)
    return out


def _parents_first(text: str, mentions: list[Mention]) -> list[Mention]:
    """Read "huyện Lục Ngạn (Bắc Giang)" as Lục Ngạn inside Bắc Giang.

    A place named in brackets right after a district or commune is its parent: it is
    seen first (at the child's position, zero width), so the child resolves inside it
    and stays the place in play for the figures that follow.
    """
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        child = mentions[i]
        chain = _bracket_chain(text, mentions, i)
        if chain:  # "xã A (huyện B, tỉnh C)": C, then B, then A
            out += [Mention(child.start, child.start, p.name, p.kind, p.level)
                    for p in reversed(chain)] + [child]
            i += 1 + len(chain)
            continue
        parent = mentions[i + 1] if i + 1 < len(mentions) else None
        if (parent is not None and child.kind == "named" and parent.kind == "named"
                and child.level in ("district", "commune", None)
                and re.fullmatch(r"\s*\(\s*(?:tỉnh|TP\.?|thành phố|huyện)?\s*",
                                 text[child.end:parent.start], flags=re.I)
                and re.match(r"\s*\)", text[parent.end:])):
            out += [Mention(child.start, child.start, parent.name, parent.kind, parent.level),
                    child]
            i += 2
            continue
        out.append(child)
        i += 1
    return out


_IN_BRACKET = r"\s*(?:tỉnh|TP\.?|thành\s+phố|huyện|quận|thị\s+xã)?\s*"


def _bracket_chain(text: str, mentions: list[Mention], i: int) -> list[Mention]:
    """The two parents bracketed after a district or commune, "xã A (huyện B, tỉnh C)"
    (tenth blind set: the last named, the province, had become the place in play, and
    "toàn xã có …" its figures); empty when the bracket holds no such pair."""
    if i + 2 >= len(mentions):
        return []
    child, b, c = mentions[i:i + 3]
    if not (child.kind == b.kind == c.kind == "named"
            and child.level in ("district", "commune", None)
            and re.fullmatch(r"\s*\(" + _IN_BRACKET, text[child.end:b.start], flags=re.I)
            and re.fullmatch(r"\s*,\s*" + _IN_BRACKET, text[b.end:c.start], flags=re.I)
            and re.match(r"\s*\)", text[c.end:])):
        return []
    return [b, c]


def article_subject(text: str, mentions: list[Mention], registry: Any) -> Any:
    """The place an article is about when a figure comes before any place is named.

    The first place the article names (a headline's figure is about the place the text
    goes on to name); an article that names none but quotes a national agency ("Theo
    BHXH Việt Nam", "Bộ Y tế", "Thủ tướng") and has no "toàn tỉnh" is about the nation.
    """
    fresh = PlaceContext(registry)
    for mention in mentions:
        if mention.kind == "context":
            return None
        unit = fresh.see(mention)
        if unit is not None:
            return unit
    return fresh.nation if P.NATIONAL_SOURCE.search(text) else None


class PlaceContext:
    """Resolve mentions in reading order, remembering the province and district in play.

    Parameters
    ----------
    registry : bhxh_analysis.geo.Registry or None
        Default: :func:`bhxh_analysis.geo.get_registry`.
    hint : str or None
        The place an outlet writes about when the text names none (``--place-hint``).
    """

    def __init__(self, registry: Any = None, hint: str | None = None) -> None:
        self.registry = registry if registry is not None else get_registry()
        self.province: Any = None
        self.district: Any = None
        self.hint: Any = None
        self.last: Any = None
        self._memo: dict[tuple[Any, ...], Any] = {}
        #: districts read through a misspelt name: (boundaries, code) → the printed name
        self.misspelt: dict[tuple[str, str], str] = {}
        #: the page was published on or after 1/7/2025 (set by the reader): a commune
        #: name no legacy unit answers alone may be a 2025 commune
        self.after_reform = False
        self.nation = self.registry.resolve("Việt Nam", level="nation", boundaries="legacy")
        if hint:
            national = P.NATION.fullmatch(hint.strip()) or fold_chars(hint).strip() in (
                "viet nam", "vietnam")
            self.hint = self.nation if national else self._resolve_hint(hint)
            if self.hint is None:
                raise GeoError(f"place hint {hint!r} names no known place")
            self._remember(self.hint)
            self.last = self.hint

    def _resolve_hint(self, hint: str) -> Any:
        """A place hint; "Vĩnh Thạnh, Bình Định" names a district by its province."""
        *names, parent = [p.strip() for p in hint.split(",")]
        if not names:
            return self.resolve_name(hint, None)
        unit = self.resolve_name(parent, None)
        if unit is None:
            return None
        self._remember(unit)
        return self.resolve_name(", ".join(names), None, anywhere=False)

    def _remember(self, unit: Any) -> None:
        if unit.level == "nation":
            return
        if unit.level == "province":
            self.province = unit
            if self.district is not None and self.district.province_code != unit.code:
                self.district = None
        elif unit.level in ("district", "commune"):
            try:
                prov = self.registry.get(unit.boundaries, "province", unit.province_code)
            except GeoError:
                prov = None
            if prov is not None and (self.province is None or self.province.code != prov.code):
                self.province = prov
            if unit.level == "district":
                self.district = unit
            elif unit.boundaries == "legacy":
                self.district = self.registry.parent(unit)

    def resolve_name(self, name: str, level: str | None, anywhere: bool = True) -> Any:
        """Resolve a printed name; the province/district in context disambiguate.

        With ``anywhere=False`` only units inside the place in context are accepted.
        """
        parents = [self.district, self.province] if level == "commune" else [self.province]
        key = (name, level, anywhere, *(p.code if p is not None else "" for p in parents),
               self.district.code if self.district is not None else "")
        if key not in self._memo:  # the registry does not remember failed look-ups
            self._memo[key] = self._resolve_name(name, level, anywhere, parents)
        return self._memo[key]

    def _resolve_name(self, name: str, level: str | None, anywhere: bool,
                      parents: list[Any]) -> Any:
        # "Thành phố X" may be a province or a district: the registry's kind decides.
        prefixed = name.startswith(("Thành phố ", "Thị xã ", "Tỉnh ", "Huyện ", "Quận ", "Xã ",
                                    "Phường ", "Thị trấn ", "Đặc khu "))
        levels: list[str | None] = [level] if level or prefixed else ["province", "district"]
        home = self.province
        if self.after_reform and level == "commune" and home is not None:
            try:  # "xã Vị Thủy" on a Cần Thơ page of 2026: the 2025 commune (set 25)
                return self.registry.resolve(name, parent=home.full_name, level=level,
                                             boundaries="2025")
            except GeoError:
                pass
        if not level and not prefixed and home is not None \
                and fold_chars(name) == fold_chars(home.name):
            return home  # "Bạc Liêu có …" on a Bạc Liêu page: the province, not its city
        for parent in [p for p in parents if p is not None] + ([None] if anywhere else []):
            if parent is None and not (level or prefixed):
                local = self._commune_of_district(name)
                if local is not None:  # "một số xã như Phú Xuyên, …" on a district's page
                    return local
            for lvl in levels:
                try:
                    unit = self.registry.resolve(
                        name, parent=parent.full_name if parent is not None else None,
                        level=lvl)
                except GeoError:
                    continue
                return self._commune_now(name, unit, home) if not (level or prefixed) \
                    else unit
        if self.after_reform and level == "commune" and home is not None:
            # "xã Chi Lăng" on a page of September 2025: two legacy communes of the
            # province bear the name, one 2025 commune does
            try:
                return self.registry.resolve(name, parent=home.full_name, level=level,
                                             boundaries="2025")
            except GeoError:
                return None
        return None

    def _commune_of_district(self, name: str) -> Any:
        """A bare name that names no province nor district of the province in play: a
        commune of the district in play, if one bears it, before a district elsewhere.

        Why: "một số xã có tỷ lệ cao như Phú Xuyên, La Bằng" on a page of huyện Đại Từ
        (sets 29): Phú Xuyên is a commune of Đại Từ and a district of Hà Nội; read as the
        district, the pair failed and the Hà Nội district took the district's next
        figures. A province's name ("đi làm ở Bình Dương") stays the province.
        """
        if self.district is None or self.district.level != "district":
            return None
        try:
            self.registry.resolve(name, level="province")
            return None
        except GeoError:
            pass
        try:
            return self.registry.resolve(name, parent=self.district.full_name, level="commune")
        except GeoError:
            return None

    def _commune_now(self, name: str, unit: Any, home: Any) -> Any:
        """A bare name read as a legacy district on a page of the 2025 boundaries: the
        2025 commune (ward, special zone) that bears it, if one does (twenty-second blind
        set: "BHXH cơ sở Cần Giuộc", "đặc khu Cô Tô" on a page of 2026 are the commune
        of that name, since districts were abolished on 1/7/2025); within the province in
        play when there is one. "huyện A trước đây" (named with its kind) is untouched."""
        if not self.after_reform or unit.level != "district" \
                or getattr(unit, "boundaries", None) != "legacy":
            return unit
        try:
            return self.registry.resolve(
                name, parent=home.full_name if home is not None else None,
                level="commune", boundaries="2025")
        except GeoError:
            return unit

    def resolve_local(self, name: str) -> Any:
        """Resolve a bare name in a list of districts or communes of the place in context."""
        if self.district is None and self.province is None:
            return None
        district = self.resolve_name(name, "district", anywhere=False)
        if district is not None:
            return self._commune_now(name, district, self.province)
        return self.resolve_name(name, "commune", anywhere=False)

    @property
    def state(self) -> tuple[Any, Any, Any]:
        """The place in play as ``(last, province, district)``, to be put back later."""
        return self.last, self.province, self.district

    def restore(self, state: tuple[Any, Any, Any]) -> None:
        """Put back a place in play taken with :attr:`state` (a place read was not the
        subject: a yardstick, a giver of targets, a venue, a survey's site …)."""
        self.last, self.province, self.district = state

    def in_passing(self, state: tuple[Any, Any, Any], placed: list[tuple[int, Any]],
                   opening: list[Any]) -> None:
        """Keep the province in play through a sentence that read no figure.

        "Lãnh đạo huyện A cho biết, nhiều lao động đi làm ở Bình Dương, TP Hồ Chí Minh";
        "tỉnh A (mới) được lập từ tỉnh A và tỉnh B"; "… một trong 34 tỉnh của cả
        nước": after the sentence's first place, a place outside the province in play
        (``state`` = ``(last, province, district)`` before the sentence) is named in
        passing, unless it opens the sentence ("Tại tỉnh C, …", in ``opening``); the
        sentence's places inside the province stay in play ("BHXH tỉnh A cho biết, UBND
        huyện B vừa tổ chức …"). With no province in play the first place holds (``placed``:
        the sentence's ``(offset, unit)``), but a province printed in brackets after a
        unit ("BHXH huyện A (B) tổ chức …": the bracket's province stands at A's offset,
        read first) only locates it: A holds (set 18).
        """
        self.restore(state)
        home = self.province
        units = [u for _o, u in placed]
        if home is None and len(placed) > 1 and placed[0][0] == placed[1][0] \
                and units[0].level == "province" and getattr(
                    units[1], "province_code", None) == units[0].code:
            units = units[1:]  # "huyện A (B)": B locates A
        for i, unit in enumerate(units if home is not None else units[:1]):
            inside = home is None or unit.level != "nation" and home.code == (
                unit.code if unit.level == "province" else unit.province_code)
            if i == 0 or inside or any(unit is u for u in opening):
                self._remember(unit)
                self.last = unit

    def adopt(self, unit: Any) -> None:
        """Make ``unit`` the place in play, as :meth:`see` does for a resolved name."""
        self._remember(unit)
        self.last = unit

    def see(self, mention: Mention) -> Any:
        """Resolve a mention, remember it as the place in play; None if unresolved."""
        if mention.kind == "nation":
            unit = self.nation
        elif mention.kind == "context":
            if mention.level == "province":
                unit = self.province or self.hint
            elif mention.level == "district":
                unit = self.district
            else:  # "thành phố" without a name: the district in context if a city
                unit = city_in_context(self.district, self.province)
        else:
            unit = self.resolve_name(mention.name, mention.level)
            if unit is not None:
                self._remember(unit)
        if unit is not None:
            self.last = unit
        return unit


def city_in_context(district: Any, province: Any) -> Any:
    """The unit "thành phố" without a name refers to: the district in context when it
    is a city ("thành phố Sóc Trăng … của thành phố"), else the province in context when
    that is a centrally-run city (on a page about Đà Nẵng, "HĐND thành phố" after a
    rural district's figure is the city's council, not the district's), else the
    district or the province as found."""
    if district is not None and getattr(district, "kind", None) == "Thành phố":
        return district
    if province is not None and getattr(province, "kind", None) == "Thành phố":
        return province
    return district or province


#: The end of a sentence that leads a list: a colon, then only the line's end.
_LIST_LEAD = re.compile(r":[^\S\n]*(?:\n|$)")
_CREDIT_NEXT = re.compile(r"[^\S\n]*[.]?[^\S\n]*\(?Ảnh\s*:[^\n]*(?:\n|$)")


def named_once_in_passing(text: str, s0: int, s1: int, placed: list[tuple[int, Any]],
                          mentions: list[Mention], state: tuple[Any, Any, Any],
                          opening: re.Pattern[str]) -> bool:
    """Whether a sentence that read no figure named its places only in passing.

    A provincial page's year review whose caption or quote names a district once ("… tại
    bộ phận một cửa của BHXH huyện A"): the province in play (``state`` = ``(last,
    province, district)`` before the sentence, a province) stays the subject of the
    figures that follow. Every place of the sentence must lie inside that province, be
    named nowhere else in the text, not open the sentence (``opening``: "Tại huyện A, …")
    and not be taken up later by "toàn huyện"/"trên địa bàn huyện" (then it is the subject).
    A sentence that leads a list ("Kết quả của huyện A như sau:", then the items) names
    the items' place: never in passing.
    """
    last, province = state[0], state[1]
    if not placed or last is None or province is None or last is not province \
            or last.level != "province" or _LIST_LEAD.search(text, s0, s1):
        return False
    # a photo's caption, its credit after it on its line ("… cho ngư dân đặc khu A. Ảnh:
    # B"): its places are in passing however often the body names them (set 22)
    caption = _CREDIT_NEXT.match(text, s1) is not None
    for off, unit in placed:
        if unit.level not in ("district", "commune") or not _inside(unit, province):
            return False
        if opening.fullmatch(text, s0, off):
            return False
        here = next((m for m in mentions if m.start == off), None)
        if here is None or here.kind != "named":
            return False
        key = fold_chars(here.name.split(" ", 1)[-1] if here.level else here.name)
        if caption:
            continue
        if sum(fold_chars(m.name).endswith(key) for m in mentions if m.kind == "named") > 1:
            return False
        if any(m.kind == "context" and m.level == unit.level and m.start >= s1
               for m in mentions):
            return False
    return True


def _inside(unit: Any, province: Any) -> bool:
    """Whether ``unit`` lies inside ``province``, across the two boundary sets.

    On a page of 1/7/2025 or later the province in play may be the legacy unit whose name
    the 2025 province kept under another code (An Giang 89, now 91; Gia Lai 64, now 52):
    a 2025 ward of it (phường Rạch Giá, 91) lies inside it though the codes differ (set 24).
    """
    if unit.province_code == province.code:
        return True
    return (unit.boundaries == "2025" and province.boundaries == "legacy"
            and province.province_2025_name == province.name
            and unit.province_2025_code == province.province_2025_code)
