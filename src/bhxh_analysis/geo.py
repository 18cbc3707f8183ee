"""Administrative geography of Vietnam across the reform of 1 July 2025.

The registry holds two boundary sets:

``legacy``
    The last pre-reform GSO list (2025-01-04): 63 provinces, 696 districts and
    10,051 communes (the file has 10,056 rows: five island districts have no
    commune level), plus Hà Tây (code ``28``), merged into Hà Nội on 2008-08-01,
    which still appears in older GSO series.
``2025``
    The 34 provinces from 1 July 2025 and their communes (from the official
    conversion table); the district level is abolished.

The nation (level ``nation``, code ``VN``, "Việt Nam") is registered once in each
boundary set, so that each set is complete on its own.

Legacy provinces are mapped to 2025 provinces from the conversion table. Its
old-province labels are checked against the legacy list through the district
codes; every disagreement must be explained by an explicit override in
``_geo_overrides.yml`` (notably Phường 4 of TP Tân An, labelled "Tỉnh Tiền Giang"
although it is in Long An), otherwise building the registry raises
:class:`GeoError`. See ``docs/geography.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from . import config

__all__ = [
    "BOUNDARIES",
    "LEVELS",
    "AmbiguousPlaceError",
    "GeoError",
    "Registry",
    "Unit",
    "UnknownPlaceError",
    "aggregate_to_2025",
    "exact_key",
    "find_conversion_contradictions",
    "fold_key",
    "get_registry",
    "province_conversion",
]

BOUNDARIES = ("legacy", "2025")
LEVELS = ("nation", "province", "district", "commune")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

LEGACY_FILE = "admin/communes_legacy_2025-01-04.csv"
CONVERSION_FILE = "admin/conversion_2025-07.csv"
PROVINCES_2025_FILE = "admin/provinces_2025-07.csv"
_OVERRIDES_FILE = Path(__file__).with_name("_geo_overrides.yml")

NATION_CODE = "VN"
NATION_NAME = "Việt Nam"

# Hà Tây: not in the 2025 lists, but GSO series before 2008 report it separately.
# Merged whole into Hà Nội by Nghị quyết 15/2008/QH12, effective 2008-08-01.
HA_TAY = {"code": "28", "name": "Hà Tây", "full_name": "Tỉnh Hà Tây", "valid_to": "2008-08-01",
          "merged_into_legacy": "01"}

UNIT_COLUMNS = [
    "code", "name", "full_name", "level", "boundaries", "parent_code", "province_code",
    "province_2025_code", "province_2025_name",
]
_EXTRA_COLUMNS = ["kind", "valid_to"]

# Canonical administrative prefixes ("kinds") and the levels they can name.
_KINDS = ["Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Xã", "Phường", "Đặc khu"]
_KIND_LEVELS = {
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

# --------------------------------------------------------------------------- errors


class GeoError(ValueError):
    """A geography problem: bad administrative input file, or a place that cannot be used."""


class UnknownPlaceError(GeoError):
    """No unit matches the name; ``suggestions`` holds up to five similar official names."""

    def __init__(self, name: str, suggestions: list[str] | None = None, detail: str = "") -> None:
        self.name = name
        self.suggestions = list(suggestions or [])
        msg = f"{name}: unknown place"
        if detail:
            msg += f" ({detail})"
        if self.suggestions:
            msg += f"; did you mean: {', '.join(self.suggestions)}?"
        elif not detail:
            msg += "; no similar names"
        super().__init__(msg)


class AmbiguousPlaceError(GeoError):
    """Several units match the name; ``candidates`` lists them (pass a parent or a level)."""

    def __init__(self, name: str, candidates: list[Unit], labels: list[str] | None = None) -> None:
        self.name = name
        self.candidates = list(candidates)
        shown = labels if labels is not None else [u.full_name for u in self.candidates]
        super().__init__(
            f"{name}: ambiguous, {len(self.candidates)} candidates: {'; '.join(shown)}; "
            "pass a parent (or a level / boundary set)"
        )


# --------------------------------------------------------------------------- unit


@dataclass(frozen=True)
class Unit:
    """One administrative unit of one boundary set.

    Attributes
    ----------
    code : str
        GSO code, zero-padded (province 2, district 3, commune 5 digits); ``VN`` for the nation.
    name : str
        Official name without administrative prefix ("Lâm Đồng", "Đà Lạt"); numbered
        units keep their prefix ("Phường 4", "Quận 1").
    full_name : str
        Name with prefix ("Tỉnh Lâm Đồng", "Thành phố Đà Lạt").
    level : str
        ``nation`` | ``province`` | ``district`` | ``commune``.
    boundaries : str
        ``legacy`` | ``2025``.
    parent_code : str or None
        Code of the parent unit in the same boundary set (``VN`` for provinces).
    province_code : str or None
        Code of the province containing the unit (itself for a province).
    province_2025_code, province_2025_name : str
        The 2025 province that contains the unit now (``VN``/"Việt Nam" for the nation).
    kind : str
        Administrative prefix ("Tỉnh", "Thành phố", "Huyện", "Xã", ...; "" for the nation).
    valid_to : str or None
        ISO date the unit ceased to exist before 2025 (Hà Tây: ``2008-08-01``).
    """

    code: str
    name: str
    full_name: str
    level: str
    boundaries: str
    parent_code: str | None
    province_code: str | None
    province_2025_code: str
    province_2025_name: str
    kind: str = ""
    valid_to: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Return the unit as a plain dictionary (JSON-ready)."""
        return asdict(self)


# --------------------------------------------------------------------------- names

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


def _clean_text(text: str) -> str:
    """NFC, collapse whitespace (incl. embedded newlines) and strip."""
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def _clean_series(values: pd.Series) -> pd.Series:
    """Vectorised :func:`_clean_text`."""
    return values.str.normalize("NFC").str.replace(_WS_PAT, " ", regex=True).str.strip()


def exact_key(text: str) -> str:
    """Return the diacritic-preserving match key: NFC, lower case, tone placement
    normalised, without spaces, hyphens, apostrophes or punctuation."""
    low = unicodedata.normalize("NFC", str(text)).lower()
    return _NON_WORD_RE.sub("", _TONE_RE.sub(lambda m: _TONE_OLD_NEW[m.group(0)], low))


def fold_key(text: str) -> str:
    """Return the diacritic-free match key ("Đắk Lắk", "Dak Lak", "Daklak" → ``daklak``)."""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD_RE.sub("", stripped.lower())


# String (not compiled) patterns let pandas use pyarrow's RE2 engine (fast);
# the classes are Unicode-aware there, unlike RE2's \W.
_NON_WORD_PAT = r"[^\p{L}\p{N}]+"
_COMBINING_PAT = "[\u0300-\u036f]"


def _exact_keys(values: pd.Series) -> pd.Series:
    low = values.str.normalize("NFC").str.lower()
    for old, new in _TONE_OLD_NEW.items():
        low = low.str.replace(old, new, regex=False)
    return low.str.replace(_NON_WORD_PAT, "", regex=True)


def _fold_keys(values: pd.Series) -> pd.Series:
    dec = values.str.replace("đ", "d").str.replace("Đ", "d").str.normalize("NFD")
    dec = dec.str.replace(_COMBINING_PAT, "", regex=True).str.lower()
    return dec.str.replace(_NON_WORD_PAT, "", regex=True)


# "Xa" (no diacritic) occurs once in the conversion table ("Xa Ea Kly"); read it as "Xã".
_KIND_RE = re.compile(r"^(" + "|".join(_KINDS) + r"|Xa)\s+(\S.*)$", re.IGNORECASE)
_KIND_CANON = {k.lower(): k for k in _KINDS} | {"xa": "Xã"}


def _split_kind(full: pd.Series) -> pd.DataFrame:
    """Split official full names into canonical ``kind`` and ``name`` (vectorised).

    Numbered units ("Phường 4", "Quận 1") keep their prefix in ``name``.
    """
    full = _clean_series(full)
    parts = full.str.extract(_KIND_RE)
    kind = parts[0].str.lower().map(_KIND_CANON).fillna("")
    rest = parts[1].fillna(full)
    numbered = rest.str.fullmatch(r"\d+[A-Za-z]?")
    name = rest.where(~numbered, full)
    # Canonical full name (fixes "Thị Xã Mộc Châu" → "Thị xã Mộc Châu").
    canon_full = (kind + " " + rest).where(kind != "", full)
    return pd.DataFrame({"kind": kind, "name": name, "full_name": canon_full}, index=full.index)


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

# Aliases (fold keys) → (level, code), matched in every boundary set holding that code.
_ALIASES: dict[str, tuple[str, str]] = {
    **{k: ("nation", NATION_CODE) for k in (
        "vietnam", "vn", "canuoc", "toanquoc", "wholecountry", "nationwide", "national",
        "socialistrepublicofvietnam")},
    **{k: ("province", "79") for k in ("hcmc", "hcm", "tphcm", "saigon", "hochiminhcity")},
    **{k: ("province", "46") for k in ("thuathienhue", "thuathien", "hue")},
    **{k: ("province", "77") for k in ("brvt", "bariavungtau")},
    "hn": ("province", "01"),
}


def _parse_query(text: str) -> list[tuple[str, set[str] | None, set[str] | None]]:
    """Return interpretations ``(body, kinds, levels)`` of a place name, most specific first."""
    s = _clean_text(text)
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
            out.append((rest, {kind}, set(_KIND_LEVELS[kind])))
        else:  # "Phường 4": numbered units keep their prefix in the name
            out.append((body, {kind}, set(_KIND_LEVELS[kind])))
    if m or suffix:
        # The same text read literally ("Tinh Bien" is Thị xã Tịnh Biên, not Tỉnh "Bien").
        out.append((body, kinds, levels))
    out.append((s, None, None))
    return out


# --------------------------------------------------------------------------- raw files


def _raw_path(raw: Path, rel: str) -> Path:
    path = raw / rel
    if not path.exists():
        raise GeoError(f"{path}: administrative list missing (expected in data/raw/{rel})")
    return path


def _read_legacy(raw: Path) -> pd.DataFrame:
    path = _raw_path(raw, LEGACY_FILE)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    cols = ["Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp"]
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise GeoError(f"{path}: missing columns {missing}")
    df = df[cols].copy()
    for c in cols:
        df[c] = _clean_series(df[c])
    for col, width in (("Mã TP", 2), ("Mã QH", 3)):
        bad = ~df[col].str.fullmatch(rf"\d{{{width}}}")
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise GeoError(f"{path}: row {i + 2}, column {col!r}: bad code {df[col].iat[i]!r}")
    bad = ~df["Mã PX"].str.fullmatch(r"(\d{5})?")
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise GeoError(f"{path}: row {i + 2}, column 'Mã PX': bad code {df['Mã PX'].iat[i]!r}")
    dup = df["Mã PX"].ne("") & df["Mã PX"].duplicated(keep=False)
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise GeoError(f"{path}: row {i + 2}, column 'Mã PX': duplicate code {df['Mã PX'].iat[i]}")
    return df


def _parse_coded(label: pd.Series) -> pd.DataFrame:
    """Split ``"Quận Ba Đình (001)"`` into name and code (vectorised)."""
    parts = label.str.extract(r"^(.*?)\s*\((\d+)\)$")
    return pd.DataFrame({"name": parts[0], "code": parts[1]}, index=label.index)


def _read_provinces_2025(raw: Path) -> pd.DataFrame:
    path = _raw_path(raw, PROVINCES_2025_FILE)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, header=None, names=["code", "raw"],
                     encoding="utf-8-sig")
    df["raw"] = _clean_series(df["raw"])
    bad = ~df["code"].str.fullmatch(r"\d{2}")
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise GeoError(f"{path}: row {i + 1}, column 1 (code): bad code {df['code'].iat[i]!r}")
    full = df["raw"].where(df["raw"].str.match(r"(?i)(thành phố|tỉnh)\s"), "Tỉnh " + df["raw"])
    parts = _split_kind(full)
    return pd.DataFrame({"code": df["code"], "name": parts["name"], "full_name": parts["full_name"],
                         "kind": parts["kind"]})


_CONV_COLS = ["new_province", "new_commune", "new_commune_code", "old_commune",
              "old_commune_code", "note", "old_district", "old_province"]


def _read_conversion(raw: Path, prov25: pd.DataFrame) -> pd.DataFrame:
    """Read the conversion table: drop the two header lines and the province banners,
    split "Name (code)" labels; ``record`` is the 1-based CSV record number."""
    path = _raw_path(raw, CONVERSION_FILE)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, header=None, skiprows=2,
                     encoding="utf-8-sig")
    if df.shape[1] < len(_CONV_COLS):
        raise GeoError(f"{path}: expected {len(_CONV_COLS)} columns, found {df.shape[1]}")
    df = df.iloc[:, : len(_CONV_COLS)].copy()
    df.columns = _CONV_COLS
    df["record"] = np.arange(len(df)) + 3
    for c in _CONV_COLS:
        df[c] = _clean_series(df[c])
    # Province banners ("THÀNH PHỐ HÀ NỘI", one stray "Tỉnh Bắc Ninh (24)") carry no commune.
    df = df[df["new_commune"] != ""].copy()
    newp = _parse_coded(df["new_province"])
    oldd = _parse_coded(df["old_district"])
    oldp = _parse_coded(df["old_province"])
    df["new_province_code"] = newp["code"]
    df["old_district_code"] = oldd["code"]
    df["old_province_label_code"] = oldp["code"]
    for col, src in (("new_province_code", "new_province"), ("old_district_code", "old_district"),
                     ("old_province_label_code", "old_province")):
        bad = df[col].isna()
        if bad.any():
            r = df[bad].iloc[0]
            raise GeoError(f"{path}: record {r['record']}, column {src!r}: no '(code)' in "
                           f"{r[src]!r}")
    unknown = ~df["new_province_code"].isin(prov25["code"])
    if unknown.any():
        r = df[unknown].iloc[0]
        raise GeoError(f"{path}: record {r['record']}, column 'new_province': code "
                       f"{r['new_province_code']} is not one of the 34 provinces of 2025")
    bad = ~df["new_commune_code"].str.fullmatch(r"\d{5}")
    if bad.any():
        r = df[bad].iloc[0]
        raise GeoError(f"{path}: record {r['record']}, column 'new_commune_code': bad code "
                       f"{r['new_commune_code']!r}")
    return df.reset_index(drop=True)


def _load_overrides() -> list[dict[str, str]]:
    with open(_OVERRIDES_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    entries = data.get("conversion_label_overrides", [])
    need = {"old_commune_code", "old_district_code", "label_as_printed", "old_province_code",
            "reason"}
    for i, e in enumerate(entries):
        if not need <= set(e):
            raise GeoError(f"{_OVERRIDES_FILE}: entry {i + 1} lacks {sorted(need - set(e))}")
    return [{k: _clean_text(v) for k, v in e.items()} for e in entries]


# --------------------------------------------------------------------------- conversion


def _contradictions(conv: pd.DataFrame, legacy: pd.DataFrame,
                    overrides: list[dict[str, str]]) -> pd.DataFrame:
    """Find every inconsistency between conversion labels and the legacy list."""
    dist_prov = legacy.drop_duplicates("Mã QH").set_index("Mã QH")["Mã TP"]
    prov_name = legacy.drop_duplicates("Mã TP").set_index("Mã TP")["Tỉnh Thành Phố"]
    c = conv.copy()
    c["list_province_code"] = c["old_district_code"].map(dist_prov)
    if c["list_province_code"].isna().any():
        r = c[c["list_province_code"].isna()].iloc[0]
        raise GeoError(f"{CONVERSION_FILE}: record {r['record']}, column 'old_district': "
                       f"district {r['old_district_code']} is not in the legacy list")
    ov = pd.DataFrame(overrides, columns=["old_commune_code", "old_district_code",
                                          "label_as_printed", "old_province_code", "reason"])
    c = c.merge(ov.rename(columns={"label_as_printed": "old_province",
                                   "old_province_code": "override_province_code",
                                   "reason": "override_reason"}),
                on=["old_commune_code", "old_district_code", "old_province"], how="left")
    rows = []
    lab = c[c["old_province_label_code"] != c["list_province_code"]]
    for r in lab.itertuples(index=False):  # a handful of rows at most
        rows.append({
            "kind": "label_disagrees_with_legacy_list", "record": r.record,
            "legacy_province_code": r.list_province_code,
            "legacy_province_name": prov_name.get(r.list_province_code, ""),
            "label_as_printed": r.old_province, "old_district": r.old_district,
            "old_commune": r.old_commune, "old_commune_code": r.old_commune_code,
            "new_province_codes": r.new_province_code,
            "overridden": isinstance(r.override_province_code, str)
            and r.override_province_code == r.list_province_code,
            "detail": (f"label says {r.old_province_label_code}, legacy list says "
                       f"{r.list_province_code}"),
        })
    # A commune code that the legacy list places in another province than the row's district.
    com_prov = legacy.loc[legacy["Mã PX"] != ""].set_index("Mã PX")["Mã TP"]
    c["commune_province_code"] = c["old_commune_code"].map(com_prov)
    odd = c[c["commune_province_code"].notna()
            & (c["commune_province_code"] != c["list_province_code"])]
    for r in odd.itertuples(index=False):
        rows.append({
            "kind": "commune_code_in_other_province", "record": r.record,
            "legacy_province_code": r.list_province_code,
            "legacy_province_name": prov_name.get(r.list_province_code, ""),
            "label_as_printed": r.old_province, "old_district": r.old_district,
            "old_commune": r.old_commune, "old_commune_code": r.old_commune_code,
            "new_province_codes": r.new_province_code, "overridden": False,
            "detail": f"commune code is in province {r.commune_province_code} in the legacy list",
        })
    # Splits: a legacy province whose communes go to >1 new province, in the naive
    # (label) reading and in the legacy-list reading. A naive split is explained when the
    # override-corrected labels send that province to a single new province.
    c["corrected_code"] = c["override_province_code"].fillna(c["old_province_label_code"])
    corrected = c.groupby("corrected_code")["new_province_code"].nunique()
    for reading, col in (("label", "old_province_label_code"),
                         ("legacy_list", "list_province_code")):
        g = c.groupby(col)["new_province_code"].agg(lambda s: sorted(set(s)))
        for code, news in g[g.map(len) > 1].items():
            rows.append({
                "kind": f"legacy_province_split ({reading} reading)", "record": pd.NA,
                "legacy_province_code": code, "legacy_province_name": prov_name.get(code, ""),
                "label_as_printed": "", "old_district": "", "old_commune": "",
                "old_commune_code": "", "new_province_codes": " ".join(news),
                "overridden": reading == "label" and corrected.get(code, 0) == 1,
                "detail": f"{len(news)} new provinces",
            })
    cols = ["kind", "record", "legacy_province_code", "legacy_province_name", "label_as_printed",
            "old_district", "old_commune", "old_commune_code", "new_province_codes", "overridden",
            "detail"]
    out = pd.DataFrame(rows, columns=cols)
    # Stale overrides: entries that match no row at all.
    matched = c["override_province_code"].notna()
    used = c.loc[matched, ["old_commune_code", "old_district_code", "old_province"]]
    stale = ov.merge(used.rename(columns={"old_province": "label_as_printed"}), how="left",
                     on=["old_commune_code", "old_district_code", "label_as_printed"],
                     indicator=True)
    stale = stale[stale["_merge"] == "left_only"]
    if len(stale):
        extra = pd.DataFrame({
            "kind": "stale_override", "record": pd.NA,
            "legacy_province_code": stale["old_province_code"].to_numpy(),
            "legacy_province_name": "", "label_as_printed": stale["label_as_printed"].to_numpy(),
            "old_district": stale["old_district_code"].to_numpy(), "old_commune": "",
            "old_commune_code": stale["old_commune_code"].to_numpy(), "new_province_codes": "",
            "overridden": False, "detail": "override matches no row of the conversion table",
        })
        out = pd.concat([out, extra], ignore_index=True)
    return out.sort_values(["kind", "legacy_province_code", "record"], kind="stable",
                           ignore_index=True)


def _province_mapping(conv: pd.DataFrame, legacy: pd.DataFrame, prov25: pd.DataFrame,
                      overrides: list[dict[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (legacy → 2025 province table, contradictions); raise on unexplained ones."""
    contra = _contradictions(conv, legacy, overrides)
    bad = contra[~contra["overridden"].astype(bool)]
    if len(bad):
        lines = "; ".join(f"{r.kind}: {r.legacy_province_code} {r.legacy_province_name} "
                          f"record {r.record} {r.detail}" for r in bad.itertuples())
        raise GeoError(f"{CONVERSION_FILE}: unexplained contradictions (add a documented entry "
                       f"to {_OVERRIDES_FILE.name} only if verified): {lines}")
    dist_prov = legacy.drop_duplicates("Mã QH").set_index("Mã QH")["Mã TP"]
    c = conv.assign(old_province_code=conv["old_district_code"].map(dist_prov))
    # Majority rule (after the check above every legacy province is consistent).
    counts = (c.groupby(["old_province_code", "new_province_code"]).size()
              .rename("n_rows").reset_index()
              .sort_values(["old_province_code", "n_rows", "new_province_code"],
                           ascending=[True, False, True]))
    total = counts.groupby("old_province_code")["n_rows"].transform("sum")
    best = counts.assign(share=counts["n_rows"] / total).drop_duplicates("old_province_code")
    lp = legacy.drop_duplicates("Mã TP")[["Mã TP", "Tỉnh Thành Phố"]]
    lp_parts = _split_kind(lp["Tỉnh Thành Phố"])
    table = pd.DataFrame({"legacy_code": lp["Mã TP"].to_numpy(),
                          "legacy_name": lp_parts["name"].to_numpy()})
    table = table.merge(best.rename(columns={"old_province_code": "legacy_code",
                                             "new_province_code": "code_2025"}),
                        on="legacy_code", how="left")
    if table["code_2025"].isna().any():
        miss = table.loc[table["code_2025"].isna(), "legacy_name"].tolist()
        raise GeoError(f"{CONVERSION_FILE}: legacy provinces without any conversion row: {miss}")
    reasons = {}
    for o in overrides:
        reasons.setdefault(o["old_province_code"], []).append(o["reason"])
        lab_code = _parse_coded(pd.Series([o["label_as_printed"]]))["code"].iat[0]
        reasons.setdefault(lab_code, []).append(o["reason"])
    table["method"] = "conversion_table_majority"
    table["valid_to"] = None
    table["override_note"] = table["legacy_code"].map(lambda k: " | ".join(reasons.get(k, [])))
    ht = pd.DataFrame([{"legacy_code": HA_TAY["code"], "legacy_name": HA_TAY["name"],
                        "code_2025": table.loc[table["legacy_code"] == HA_TAY["merged_into_legacy"],
                                               "code_2025"].iat[0],
                        "n_rows": 0, "share": np.nan, "method": "historical_merge_2008",
                        "valid_to": HA_TAY["valid_to"],
                        "override_note": "Hà Tây merged whole into Hà Nội on 2008-08-01 "
                                         "(Nghị quyết 15/2008/QH12)"}])
    table = pd.concat([table, ht], ignore_index=True)
    names25 = prov25.set_index("code")["name"]
    table["name_2025"] = table["code_2025"].map(names25)
    table["n_rows"] = table["n_rows"].astype("int64")
    cols = ["legacy_code", "legacy_name", "code_2025", "name_2025", "n_rows", "share", "method",
            "valid_to", "override_note"]
    table = table[cols].sort_values("legacy_code", ignore_index=True)
    orphan = set(prov25["code"]) - set(table["code_2025"])
    if orphan:
        raise GeoError(f"{CONVERSION_FILE}: 2025 provinces receiving no legacy province: "
                       f"{sorted(orphan)}")
    return table, contra


# --------------------------------------------------------------------------- registry


class Registry:
    """All administrative units of both boundary sets, with name resolution.

    Build it with :func:`get_registry` (cached per ``raw_dir``).
    """

    def __init__(self, raw: Path, overrides: list[dict[str, str]] | None = None) -> None:
        """Build from the three admin files under ``raw``.

        ``overrides`` replaces the packaged ``_geo_overrides.yml`` entries (tests use it
        to check that an unexplained contradiction raises).
        """
        self.raw = Path(raw)
        legacy = _read_legacy(self.raw)
        prov25 = _read_provinces_2025(self.raw)
        conv = _read_conversion(self.raw, prov25)
        overrides = _load_overrides() if overrides is None else overrides
        self.province_table, self.contradictions = _province_mapping(conv, legacy, prov25,
                                                                     overrides)
        self._df = self._build_units(legacy, prov25, conv)
        self._conv = self._link_conversion(conv, legacy)
        self._build_indices()

    # -- building -------------------------------------------------------------------
    def _build_units(self, legacy: pd.DataFrame, prov25: pd.DataFrame,
                     conv: pd.DataFrame) -> pd.DataFrame:
        p25 = prov25.set_index("code")["name"]
        to25 = self.province_table.set_index("legacy_code")["code_2025"]
        frames = []
        for b in BOUNDARIES:
            frames.append(pd.DataFrame([{
                "code": NATION_CODE, "name": NATION_NAME, "full_name": NATION_NAME, "kind": "",
                "level": "nation", "boundaries": b, "parent_code": None, "province_code": None,
                "province_2025_code": NATION_CODE, "valid_to": None}]))
        lp = legacy.drop_duplicates("Mã TP")
        frames.append(_split_kind(lp["Tỉnh Thành Phố"]).assign(
            code=lp["Mã TP"], level="province", boundaries="legacy", parent_code=NATION_CODE,
            province_code=lp["Mã TP"], valid_to=None))
        frames.append(pd.DataFrame([{
            "code": HA_TAY["code"], "name": HA_TAY["name"], "full_name": HA_TAY["full_name"],
            "kind": "Tỉnh", "level": "province", "boundaries": "legacy",
            "parent_code": NATION_CODE, "province_code": HA_TAY["code"],
            "valid_to": HA_TAY["valid_to"]}]))
        ld = legacy.drop_duplicates("Mã QH")
        frames.append(_split_kind(ld["Quận Huyện"]).assign(
            code=ld["Mã QH"], level="district", boundaries="legacy", parent_code=ld["Mã TP"],
            province_code=ld["Mã TP"], valid_to=None))
        lc = legacy[legacy["Mã PX"] != ""]
        frames.append(_split_kind(lc["Phường Xã"]).assign(
            code=lc["Mã PX"], level="commune", boundaries="legacy", parent_code=lc["Mã QH"],
            province_code=lc["Mã TP"], valid_to=None))
        legacy_units = pd.concat(frames[2:], ignore_index=True)
        legacy_units["province_2025_code"] = legacy_units["province_code"].map(to25)
        frames = frames[:2] + [legacy_units]
        frames.append(prov25.assign(level="province", boundaries="2025", parent_code=NATION_CODE,
                                    province_code=prov25["code"],
                                    province_2025_code=prov25["code"], valid_to=None))
        # 2025 communes: one name per code (most frequent spelling in the table).
        nc = (conv.groupby(["new_commune_code", "new_commune", "new_province_code"]).size()
              .rename("n").reset_index()
              .sort_values(["new_commune_code", "n", "new_commune"], ascending=[True, False, True]))
        multi = nc.groupby("new_commune_code")["new_province_code"].nunique()
        if (multi > 1).any():
            raise GeoError(f"{CONVERSION_FILE}: new commune code(s) in several provinces: "
                           f"{multi[multi > 1].index.tolist()}")
        nc = nc.drop_duplicates("new_commune_code")
        frames.append(_split_kind(nc["new_commune"]).assign(
            code=nc["new_commune_code"], level="commune", boundaries="2025",
            parent_code=nc["new_province_code"], province_code=nc["new_province_code"],
            province_2025_code=nc["new_province_code"], valid_to=None))
        df = pd.concat(frames, ignore_index=True)
        df["province_2025_name"] = df["province_2025_code"].map(p25)
        nation = df["level"] == "nation"
        df.loc[nation, "province_2025_name"] = NATION_NAME
        if df["province_2025_name"].isna().any():
            bad = df[df["province_2025_name"].isna()].iloc[0]
            raise GeoError(f"no 2025 province for {bad['boundaries']} {bad['level']} "
                           f"{bad['code']} {bad['full_name']}")
        df["rank"] = df["level"].map(_LEVEL_RANK)
        df["b_rank"] = (df["boundaries"] == "2025").astype(int)
        df = df.sort_values(["b_rank", "rank", "code"], ignore_index=True)
        df["key_exact"] = _exact_keys(df["name"])
        df["key_fold"] = _fold_keys(df["name"])
        return df[UNIT_COLUMNS + _EXTRA_COLUMNS + ["rank", "b_rank", "key_exact", "key_fold"]]

    def _link_conversion(self, conv: pd.DataFrame, legacy: pd.DataFrame) -> pd.DataFrame:
        """Attach each conversion row to a legacy commune: by code within the same district,
        else by name within the district (the table's codes and spellings sometimes differ)."""
        lc = legacy.loc[legacy["Mã PX"] != "", ["Mã PX", "Mã QH", "Phường Xã"]]
        by_code = conv.merge(lc, left_on=["old_commune_code", "old_district_code"],
                             right_on=["Mã PX", "Mã QH"], how="left")["Mã PX"]
        lk = pd.DataFrame({"Mã QH": lc["Mã QH"], "key": _fold_keys(lc["Phường Xã"]),
                           "code": lc["Mã PX"]}).drop_duplicates(["Mã QH", "key"], keep=False)
        ck = pd.DataFrame({"Mã QH": conv["old_district_code"],
                           "key": _fold_keys(conv["old_commune"])})
        by_name = ck.merge(lk, on=["Mã QH", "key"], how="left")["code"]
        out = conv.copy()
        out["legacy_commune_code"] = by_code.fillna(by_name).to_numpy()
        return out

    def _build_indices(self) -> None:
        df = self._df
        self._by_exact = df.groupby("key_exact").indices
        self._by_fold = df.groupby("key_fold").indices
        self._by_level_code = df.groupby(["level", "code"]).indices
        self._by_id = {(b, lvl, c): i for i, (b, lvl, c) in enumerate(zip(
            df["boundaries"].tolist(), df["level"].tolist(), df["code"].tolist(), strict=True))}
        self._fold_choices = sorted(self._by_fold)
        # All units materialised once (frozen dataclasses), so resolve() is cheap.
        cols = UNIT_COLUMNS + _EXTRA_COLUMNS
        table = df[cols].astype(object)
        table = table.where(table.notna(), None)
        self._units = [Unit(*vals) for vals in table.itertuples(index=False, name=None)]
        self._resolved: dict[tuple[str, str | None, str | None, str | None], Unit] = {}

    # -- access ---------------------------------------------------------------------
    def _unit(self, pos: int) -> Unit:
        return self._units[int(pos)]

    def get(self, boundaries: str, level: str, code: str) -> Unit:
        """Return the unit with this key; raise :class:`UnknownPlaceError` if absent."""
        pos = self._by_id.get((str(boundaries), str(level), str(code)))
        if pos is None:
            raise UnknownPlaceError(f"{boundaries}/{level}/{code}", detail="no such code")
        return self._unit(pos)

    def units(self, boundaries: str, level: str | None = None,
              include_defunct: bool = False) -> pd.DataFrame:
        """Return the units of one boundary set as a table sorted by code.

        Parameters
        ----------
        boundaries : {"legacy", "2025"}
        level : {"nation", "province", "district", "commune"} or None
            ``None`` returns every level (sorted by level, then code).
        include_defunct : bool
            Include units that ceased before 2025 (Hà Tây). Default ``False``, so
            ``units("legacy", "province")`` has the 63 provinces.
        """
        _check_boundaries(boundaries)
        if level is not None:
            _check_level(level)
            if boundaries == "2025" and level == "district":
                raise GeoError("the 2025 boundaries have no districts (abolished on 2025-07-01); "
                               "use --boundaries legacy or --level commune")
        df = self._df
        mask = df["boundaries"] == boundaries
        if level is not None:
            mask &= df["level"] == level
        if not include_defunct:
            mask &= df["valid_to"].isna()
        out = df.loc[mask].sort_values(["rank", "code"])
        return out[UNIT_COLUMNS + _EXTRA_COLUMNS].reset_index(drop=True)

    def children(self, unit: Unit) -> list[Unit]:
        """Return the direct children of ``unit`` in its boundary set (sorted by code)."""
        df = self._df
        mask = ((df["boundaries"] == unit.boundaries) & (df["parent_code"] == unit.code)
                & (df["rank"] > _LEVEL_RANK[unit.level]) & df["valid_to"].isna())
        return [self._unit(i) for i in np.flatnonzero(mask.to_numpy())]

    def parent(self, unit: Unit) -> Unit | None:
        """Return the parent unit (None for the nation)."""
        if unit.parent_code is None:
            return None
        level = {"province": "nation", "district": "province",
                 "commune": "district" if unit.boundaries == "legacy" else "province"}[unit.level]
        return self.get(unit.boundaries, level, unit.parent_code)

    def province_2025(self, unit: Unit) -> Unit:
        """Return the 2025 province that contains ``unit`` now."""
        if unit.level == "nation":
            raise GeoError("the nation is not contained in a province")
        return self.get("2025", "province", unit.province_2025_code)

    def describe(self, unit: Unit) -> str:
        """Return a readable label: "Xã Hiệp An (Huyện Đức Trọng, Lâm Đồng; legacy 24961)"."""
        ctx = []
        p = self.parent(unit)
        while p is not None and p.level != "nation":
            ctx.append(p.full_name if p.level != "province" else p.name)
            p = self.parent(p)
        where = ", ".join(ctx)
        tail = f"{unit.boundaries} {unit.level} {unit.code}"
        if unit.valid_to:
            tail += f", until {unit.valid_to}"
        return f"{unit.full_name} ({where + '; ' if where else ''}{tail})"

    # -- conversion ---------------------------------------------------------------------
    def convert_commune(self, code: str) -> list[tuple[Unit, str]]:
        """Return the 2025 communes that received (part of) a legacy commune, with the note.

        A legacy commune split between several new communes returns several pairs
        (notes such as "Nhập một phần"). Communes merged or renamed between the legacy
        list (2025-01-04) and the conversion table, and not matched by code or name,
        return an empty list.
        """
        self.get("legacy", "commune", code)  # raises if unknown
        rows = self._conv[self._conv["legacy_commune_code"] == code]
        return self._conv_pairs(rows)

    def convert(self, unit: Unit) -> list[tuple[Unit, str]]:
        """Return the 2025 unit(s) that a legacy unit went to.

        Provinces go whole to one province (``province_conversion``); districts and
        communes go to the 2025 communes listed in the conversion table.
        """
        if unit.boundaries == "2025":
            return [(unit, "already 2025 boundaries")]
        if unit.level == "nation":
            return [(self.get("2025", "nation", NATION_CODE), "unchanged")]
        if unit.level == "province":
            note = "merged whole" if unit.valid_to is None else f"merged into Hà Nội {unit.valid_to}"
            return [(self.province_2025(unit), note)]
        if unit.level == "district":
            return self._conv_pairs(self._conv[self._conv["old_district_code"] == unit.code])
        return self.convert_commune(unit.code)

    def _conv_pairs(self, rows: pd.DataFrame) -> list[tuple[Unit, str]]:
        rows = rows.sort_values(["new_commune_code", "record"]).drop_duplicates(
            ["new_commune_code", "note"])
        return [(self.get("2025", "commune", c), n)
                for c, n in zip(rows["new_commune_code"], rows["note"], strict=True)]

    # -- resolution -----------------------------------------------------------------------
    def _lookup(self, body: str) -> tuple[np.ndarray, np.ndarray]:
        """Return (exact-tier positions, fold-tier positions) for a name body."""
        fk = fold_key(body)
        alias = []
        if fk in _ALIASES:
            alias = list(self._by_level_code.get(_ALIASES[fk], []))
        exact = np.union1d(self._by_exact.get(exact_key(body), np.array([], int)), alias)
        fold = np.union1d(self._by_fold.get(fk, np.array([], int)), alias)
        return exact.astype(int), fold.astype(int)

    def _candidates(self, name: str, level: str | None, boundaries: str | None,
                    parents: list[Unit] | None,
                    allowed_levels: set[str] | None = None) -> tuple[list[int], set[str] | None]:
        df = self._df
        for body, kinds, levels in _parse_query(name):
            for tier in self._lookup(body):
                if not len(tier):
                    continue
                sub = df.iloc[tier]
                mask = np.ones(len(sub), bool)
                if boundaries is not None:
                    mask &= (sub["boundaries"] == boundaries).to_numpy()
                if level is not None:
                    mask &= (sub["level"] == level).to_numpy()
                if levels is not None:
                    mask &= sub["level"].isin(levels).to_numpy()
                if allowed_levels is not None:
                    mask &= sub["level"].isin(allowed_levels).to_numpy()
                pos = [int(p) for p, ok in zip(tier, mask, strict=True) if ok]
                if parents is not None:
                    pos = [p for p in pos if self._within(self._unit(p), parents)]
                if pos:
                    return pos, kinds
        return [], None

    def _within(self, unit: Unit, parents: list[Unit]) -> bool:
        for p in parents:
            if p.level == "nation" and p.boundaries == unit.boundaries and unit.level != "nation":
                return True
            if p.boundaries == unit.boundaries:
                if unit.parent_code == p.code and _LEVEL_RANK[unit.level] > _LEVEL_RANK[p.level]:
                    return True
                if p.level == "province" and unit.level != "province" \
                        and unit.province_code == p.code:
                    return True
            elif (p.boundaries == "2025" and p.level == "province" and unit.level != "nation"
                  and unit.province_2025_code == p.code):
                return True  # a legacy unit now inside this 2025 province
        return False

    def _suggest(self, name: str) -> list[str]:
        from rapidfuzz import fuzz, process

        query = fold_key(_parse_query(name)[0][0]) or fold_key(name)
        if not query:
            return []
        hits = process.extract(query, self._fold_choices, scorer=fuzz.ratio, limit=15,
                               score_cutoff=70)
        out: list[str] = []
        for key, _score, _ in hits:
            # Best-ranked unit for this key: highest level, legacy first.
            pos = min(self._by_fold[key], key=lambda p: (self._df["rank"].iat[p],
                                                         self._df["b_rank"].iat[p], p))
            label = self._df["full_name"].iat[pos]
            if label not in out:
                out.append(label)
            if len(out) == 5:
                break
        return out

    def resolve(self, name: str, parent: str | None = None, level: str | None = None,
                boundaries: str | None = None) -> Unit:
        """Resolve a place name to one unit.

        Parameters
        ----------
        name : str
            Place as printed: diacritics, case, spacing, hyphens/apostrophes and
            administrative prefixes ("Tỉnh", "TP.", "Huyện", ..., English "city",
            "province", "district") are tolerated, as are English spellings ("Ha Noi",
            "Hanoi", "HCMC", "Thua Thien-Hue", "Daklak").
        parent : str, optional
            A containing unit (province or district name, resolved the same way) to
            disambiguate ("Hiệp An", parent "Đức Trọng").
        level : {"nation", "province", "district", "commune"}, optional
        boundaries : {"legacy", "2025"}, optional
            Without it, legacy units win over 2025 units of the same name.

        Returns
        -------
        Unit

        Raises
        ------
        UnknownPlaceError
            No unit matches (``suggestions`` holds up to five similar names).
        AmbiguousPlaceError
            Several units remain after the preference rules: province > district >
            commune (unless a prefix or ``level`` says otherwise), then legacy > 2025.
        """
        key = (name, parent, level, boundaries)
        hit = self._resolved.get(key)
        if hit is None:
            hit = self._resolve(name, parent, level, boundaries)  # errors are not cached
            if len(self._resolved) < 100_000:  # units are immutable; cap memory
                self._resolved[key] = hit
        return hit

    def _resolve(self, name: str, parent: str | None, level: str | None,
                 boundaries: str | None) -> Unit:
        if level is not None:
            _check_level(level)
        if boundaries is not None:
            _check_boundaries(boundaries)
        if boundaries == "2025" and level == "district":
            raise GeoError("the 2025 boundaries have no districts (abolished on 2025-07-01)")
        if not _clean_text(name):
            raise UnknownPlaceError(repr(name), detail="empty name")
        parents = None
        if parent is not None and _clean_text(parent):
            pos, _ = self._candidates(parent, None, None, None,
                                      allowed_levels={"nation", "province", "district"})
            if not pos:
                raise UnknownPlaceError(parent, self._suggest(parent), detail="as parent")
            parents = [self._unit(p) for p in pos]
        pos, kinds = self._candidates(name, level, boundaries, parents)
        if not pos:
            detail = ", ".join(f"{k}={v}" for k, v in (("parent", parent), ("level", level),
                                                       ("boundaries", boundaries)) if v)
            raw_pos, _ = self._candidates(name, None, None, None)
            if raw_pos and detail:
                found = "; ".join(self.describe(self._unit(p)) for p in raw_pos[:5])
                raise UnknownPlaceError(name, [], detail=f"nothing with {detail}; found {found}")
            raise UnknownPlaceError(name, self._suggest(name), detail=detail)
        sub = self._df.iloc[pos]
        keep = np.ones(len(sub), bool)
        if kinds:  # soft: prefer the printed kind ("Thành phố" over "Huyện" of the same name)
            k = sub["kind"].isin(kinds).to_numpy()
            if k.any():
                keep &= k
        if level is None:
            r = sub["rank"].to_numpy()
            keep &= r == r[keep].min()
        if boundaries is None:
            b = sub["b_rank"].to_numpy()
            keep &= b == b[keep].min()
        chosen = [p for p, ok in zip(pos, keep, strict=True) if ok]
        if len(chosen) == 1:
            return self._unit(chosen[0])
        units = [self._unit(p) for p in sorted(chosen)]
        raise AmbiguousPlaceError(name, units, [self.describe(u) for u in units])


def _check_boundaries(boundaries: str) -> None:
    if boundaries not in BOUNDARIES:
        raise GeoError(f"boundaries must be one of {BOUNDARIES}, not {boundaries!r}")


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise GeoError(f"level must be one of {LEVELS}, not {level!r}")


_REGISTRIES: dict[Path, Registry] = {}


def get_registry(raw: Path | None = None) -> Registry:
    """Return the registry built from ``raw`` (default ``config.raw_dir()``), cached."""
    key = Path(raw) if raw is not None else config.raw_dir()
    key = key.resolve()
    reg = _REGISTRIES.get(key)
    if reg is None:
        reg = _REGISTRIES[key] = Registry(key)
    return reg


def province_conversion() -> pd.DataFrame:
    """Return the legacy → 2025 province table (63 provinces + Hà Tây).

    Columns: ``legacy_code, legacy_name, code_2025, name_2025, n_rows`` (conversion
    rows behind the mapping), ``share`` (of those rows going to ``code_2025``: 1.0),
    ``method`` (``conversion_table_majority`` or ``historical_merge_2008``),
    ``valid_to``, ``override_note``.
    """
    return get_registry().province_table.copy()


def find_conversion_contradictions() -> pd.DataFrame:
    """Return every contradiction in the conversion table, overridden or not.

    Kinds: ``label_disagrees_with_legacy_list`` (a row whose old-province label
    differs from the legacy list's province of its old district), ``legacy_province_split
    (label reading)`` / ``(legacy_list reading)`` (a legacy province going to more
    than one new province), ``commune_code_in_other_province`` (the legacy list puts
    the row's old commune code in another province than its old district),
    ``stale_override``. Column ``overridden`` says whether a
    documented override explains it; building the registry raises otherwise.
    """
    return get_registry().contradictions.copy()


# --------------------------------------------------------------------------- aggregation

OBS_COLUMNS = ["obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
               "province_2025", "geo_name_raw", "as_of", "as_of_raw", "indicator", "value",
               "unit", "value_raw", "preliminary", "note"]


def _denominator(indicator: str) -> tuple[str, str] | None:
    """Return (numerator, denominator) indicators for a ``*_coverage_pct``."""
    if not indicator.endswith("_coverage_pct") or indicator.startswith("plan_"):
        return None
    scheme = indicator[: -len("_coverage_pct")]
    if scheme.startswith("bhyt"):
        return f"{scheme}_participants", "population"
    if scheme.startswith(("bhxh", "bhtn")):
        return f"{scheme}_participants", "labour_force"
    return None


def aggregate_to_2025(df: pd.DataFrame) -> pd.DataFrame:
    """Aggregate legacy-province observations to the 34 provinces of 2025.

    Counts (indicators not ending in ``_pct``/``_pp`` and not in unit ``pct``) are
    summed per (2025 province, ``as_of``, ``indicator``) only when every legacy
    province of that 2025 province (valid at ``as_of``: Hà Tây before 2008-08-01)
    has a figure. Percentages are never summed: ``{scheme}_coverage_pct`` is
    recomputed as summed participants ÷ summed denominator × 100 (population for
    BHYT schemes, ``labour_force`` for BHXH/BHTN); a 2025 province that is exactly
    one legacy province keeps its percentage unchanged. Anything else is returned
    with ``value`` NaN and the reason in ``reason`` (rows are not dropped, so callers
    see what is missing; ``dropna(subset=["value"])`` keeps the usable ones).

    Parameters
    ----------
    df : pandas.DataFrame
        Observations (``docs/architecture.md`` schema). Only rows with
        ``boundaries == "legacy"`` and ``geo_level == "province"`` are used.

    Returns
    -------
    pandas.DataFrame
        Observation columns (``boundaries="2025"``, ``geo_level="province"``) plus
        ``method``, ``inputs`` (space-separated obs_ids) and ``reason`` ("" when a
        value was computed); sorted by geo_code, as_of, indicator.

    Raises
    ------
    GeoError
        Missing columns, or two rows for the same province, date and indicator
        (deduplicate sources first).
    """
    missing = [c for c in ("obs_id", "geo_code", "geo_level", "boundaries", "as_of", "indicator",
                           "value") if c not in df.columns]
    if missing:
        raise GeoError(f"aggregate_to_2025: missing columns {missing}")
    conv = province_conversion()
    d = df[(df["boundaries"] == "legacy") & (df["geo_level"] == "province")].copy()
    out_cols = OBS_COLUMNS + ["method", "inputs", "reason"]
    if d.empty:
        return pd.DataFrame(columns=out_cols)
    for c in OBS_COLUMNS:
        if c not in d.columns:
            d[c] = False if c == "preliminary" else ""
    as_dates = pd.api.types.is_datetime64_any_dtype(d["as_of"])
    d["as_of"] = pd.to_datetime(d["as_of"]).dt.strftime("%Y-%m-%d")
    d["value"] = pd.to_numeric(d["value"], errors="coerce").astype(float)
    d = d.sort_values(["geo_code", "as_of", "indicator", "obs_id"], ignore_index=True)
    unknown = ~d["geo_code"].isin(conv["legacy_code"])
    if unknown.any():
        raise GeoError(f"aggregate_to_2025: unknown legacy province codes "
                       f"{sorted(set(d.loc[unknown, 'geo_code']))}")
    dup = d.duplicated(["geo_code", "as_of", "indicator"], keep=False)
    if dup.any():
        ex = d.loc[dup, ["obs_id", "geo_code", "as_of", "indicator"]].head(4).to_dict("records")
        raise GeoError(f"aggregate_to_2025: several rows per province/as_of/indicator "
                       f"(deduplicate first): {ex}")
    to25 = conv.set_index("legacy_code")["code_2025"]
    d["p25"] = d["geo_code"].map(to25)
    # Required parts per (2025 province, as_of): legacy provinces valid at that date.
    parts = conv[["legacy_code", "code_2025", "valid_to"]]
    keys = d[["p25", "as_of"]].drop_duplicates()
    req = keys.merge(parts, left_on="p25", right_on="code_2025")
    req = req[req["valid_to"].isna() | (req["as_of"] < req["valid_to"].fillna(""))]
    n_req = req.groupby(["p25", "as_of"])["legacy_code"].agg(
        lambda s: " ".join(sorted(s))).rename("required")
    is_pct = d["indicator"].str.endswith(("_pct", "_pp")) | d["unit"].isin(["pct", "pp"])
    counts = d[~is_pct]
    g = counts.groupby(["p25", "as_of", "indicator"])
    agg = g.agg(value=("value", lambda s: s.sum(min_count=len(s))),
                present=("geo_code", lambda s: " ".join(sorted(s))),
                inputs=("obs_id", lambda s: " ".join(sorted(s))),
                source_id=("source_id", lambda s: " ".join(sorted(set(s)))),
                geo_name_raw=("geo_name_raw", lambda s: " + ".join(s)),
                as_of_raw=("as_of_raw", lambda s: " + ".join(sorted(set(s)))),
                unit=("unit", "first"),
                preliminary=("preliminary", "any")).reset_index()
    agg = agg.join(n_req, on=["p25", "as_of"])
    complete = agg["present"] == agg["required"]
    missing_parts = agg.apply(lambda r: " ".join(sorted(set(r["required"].split())
                                                        - set(r["present"].split()))), axis=1) \
        if len(agg) else pd.Series(dtype=str)
    agg["reason"] = np.where(complete, "", "missing legacy provinces: " + missing_parts)
    agg.loc[~complete, "value"] = np.nan
    agg.loc[agg["value"].isna() & complete, "reason"] = "a legacy figure is missing (NaN)"
    agg["method"] = "sum_of_legacy_provinces"
    # Percentages.
    pct = d[is_pct]
    rows = []
    if len(pct):
        totals = agg.set_index(["p25", "as_of", "indicator"])
        pg = pct.groupby(["p25", "as_of", "indicator"])
        pagg = pg.agg(present=("geo_code", lambda s: " ".join(sorted(s))),
                      inputs=("obs_id", lambda s: " ".join(sorted(s))),
                      source_id=("source_id", lambda s: " ".join(sorted(set(s)))),
                      geo_name_raw=("geo_name_raw", lambda s: " + ".join(s)),
                      as_of_raw=("as_of_raw", lambda s: " + ".join(sorted(set(s)))),
                      unit=("unit", "first"), preliminary=("preliminary", "any"),
                      single_value=("value", "first")).reset_index()
        pagg = pagg.join(n_req, on=["p25", "as_of"])
        for r in pagg.itertuples(index=False):  # one row per 2025 province/date/indicator
            rec = r._asdict()
            single = len(r.required.split()) == 1
            rec.update(value=np.nan, method="", reason="")
            recipe = _denominator(r.indicator)
            if single and r.present == r.required:
                rec.update(value=r.single_value, method="unchanged_boundaries")
            elif recipe is None:
                rec["reason"] = "percentage cannot be summed and has no recomputation rule"
            else:
                num_k, den_k = ((r.p25, r.as_of, recipe[0]), (r.p25, r.as_of, recipe[1]))
                if num_k in totals.index and den_k in totals.index \
                        and not np.isnan(totals.at[num_k, "value"]) \
                        and not np.isnan(totals.at[den_k, "value"]) \
                        and totals.at[den_k, "value"] > 0:
                    rec["value"] = 100.0 * totals.at[num_k, "value"] / totals.at[den_k, "value"]
                    rec["method"] = f"ratio_of_sums:{recipe[0]}/{recipe[1]}"
                    rec["inputs"] = " ".join(sorted((totals.at[num_k, "inputs"] + " "
                                                     + totals.at[den_k, "inputs"]).split()))
                else:
                    rec["reason"] = (f"needs complete {recipe[0]} and {recipe[1]} for all "
                                     "legacy provinces")
            rows.append(rec)
    res = pd.concat([agg, pd.DataFrame(rows)], ignore_index=True) if rows else agg
    names = conv.drop_duplicates("code_2025").set_index("code_2025")["name_2025"]
    res["geo_code"] = res["p25"]
    res["geo_name"] = res["p25"].map(names)
    res["province_2025"] = res["geo_name"]
    res["geo_level"] = "province"
    res["boundaries"] = "2025"
    res["value_raw"] = ""
    res.loc[res["value"].isna(), "method"] = "not_computed"
    res["note"] = res["method"].where(res["reason"] == "", res["reason"])
    res["obs_id"] = ("geo2025-" + res["geo_code"] + "-" + res["indicator"] + "-" + res["as_of"])
    res["preliminary"] = res["preliminary"].astype(bool)
    res = res[out_cols].sort_values(["geo_code", "as_of", "indicator"], ignore_index=True)
    if as_dates:  # hand dates back in the type they came in
        res["as_of"] = pd.to_datetime(res["as_of"])
    return res
