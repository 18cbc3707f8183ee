"""Add the cited provincial figures of a reference CSV with ``bhxh data add``.

Usage (from the project root)::

    python docs/examples/add_reference_figures.py ../shared/reference/provincial-figures.csv

The input has one cited figure a row (``province, geo_name, indicator, as_of, value,
value_raw, qualifier, publisher, title, published, url, note``). Each page (URL) becomes
one source and one curated file ``observations_<source_id>.csv`` through
:func:`bhxh_analysis.dataadd.add_file`, i.e. checked exactly as ``bhxh data check``.
The value added is the reference's base-unit ``value`` with its qualifier (``hơn 814000``);
the text as printed goes to the note. Figures already in the curated files (same place,
indicator, date and value) are skipped, so a page transcribed before is not added twice.
Rows the check refuses are printed (and left out: ``keep_good``).

A figure the list files under the wrong scheme is corrected before anything is compared
or added, from the explicit table :data:`CORRECTIONS` (page URL, indicator as listed,
date -> the right indicator; never guessed from the notes): its note ends with
:data:`CORRECTION_NOTE`. Run again, the script thus finds the corrected figures already
in the curated files and adds neither them nor the rows as first listed.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

from bhxh_analysis.clean import parse_quantity
from bhxh_analysis.config import raw_dir
from bhxh_analysis.dataadd import AddError, add_file

# Places printed with a level word in the reference -> (name, parent) for the registry.
PLACES = {
    "Đà Bắc district": ("Huyện Đà Bắc", "Hòa Bình"),
    "Ninh Bình city": ("Thành phố Ninh Bình", "Ninh Bình"),
    "Nam Đàn district": ("Huyện Nam Đàn", "Nghệ An"),
}


#: The two Hà Nội pages whose share of the labour force is corrected by the arithmetic.
HA_NOI_2024 = ("https://vietnamtimes.org.vn/social-health-unemployment-insurance-see-year-on-"
               "year-increases-compared-to-2023-and-dec-31-2023-figures-74285.html")
HA_NOI_2025 = ("https://www.vietnam.vn/en/hon-95-dan-so-ha-noi-co-bao-hiem-y-te-sap-toi-nhieu-"
               "nguoi-duoc-ho-tro-them-muc-dong")

#: Figures of shared/reference/provincial-figures.csv filed under the total BHXH
#: although their page gives compulsory BHXH only (docs/data.md, "Corrections"):
#: (page URL, indicator as listed, as_of) -> the indicator of the page's figure. A key
#: covers every place of that page and date (the tapchibhxh page: Bắc Giang, Ninh Bình,
#: Phú Thọ, Nghệ An and An Giang, all compulsory BHXH against the 2019 VSS plan).
CORRECTIONS: dict[tuple[str, str, str], str] = {
    ("https://vss.gov.vn/english/news/Pages/vietnam-social-security.aspx?CateID=198"
     "&ItemID=10901", "bhxh_attainment_pct", "2022-12-31"): "bhxh_compulsory_attainment_pct",
    ("https://baohoabinh.com.vn/en/2/9204/Provincial-social-security-agency-launches-"
     "tasks-for-2024.htm", "bhxh_attainment_pct", "2023-12-31"):
        "bhxh_compulsory_attainment_pct",
    ("http://tapchibaohiemxahoi.gov.vn/tin-tuc/bac-giang-tinh-duy-nhat-toan-quoc-vuot-"
     "ke-hoach-ve-phat-trien-bhxh-bat-buoc-21801", "bhxh_attainment_pct", "2019-07-31"):
        "bhxh_compulsory_attainment_pct",
    ("https://vss.gov.vn/english/news/pages/vietnam-social-security.aspx?CateID=198"
     "&ItemID=11525", "bhxh_attainment_pct", "2023-12-15"): "bhxh_compulsory_attainment_pct",
    ("https://vss.gov.vn/english/thebenefits/Pages/suvivors.aspx?CateID=195&ItemID=11066",
     "bhxh_attainment_pct", "2023-05-31"): "bhxh_compulsory_attainment_pct",
    ("https://vss.gov.vn:443/english/news/pages/vietnam-social-security.aspx?CateID=198"
     "&ItemID=11614", "bhxh_attainment_pct", "2023-12-31"): "bhxh_compulsory_attainment_pct",
    # Hà Nội's shares of the working-age labour force: the page's words leave the scheme
    # open, the arithmetic reads compulsory BHXH (docs/data.md, "Corrections")
    (HA_NOI_2024, "bhxh_coverage_pct", "2024-05-31"): "bhxh_compulsory_coverage_pct",
    (HA_NOI_2025, "bhxh_coverage_pct", "2025-06-10"): "bhxh_compulsory_coverage_pct",
}
#: Appended to the note of a corrected figure (after the note's 240 characters).
CORRECTION_NOTE = "indicator corrected 2026-12-04: the source's figure is compulsory BHXH only"
#: The note of an entry of :data:`CORRECTIONS` read from the arithmetic rather than
#: from the page's words (the Hà Nội shares); other entries take :data:`CORRECTION_NOTE`.
ARITHMETIC_NOTE = ("indicator corrected 2026-12-04: compulsory BHXH, by the arithmetic "
                   "(docs/data.md, Corrections)")
#: Hà Tĩnh's 32.6 % at 2025-06-30 (listed under the total BHXH) was first corrected to
#: compulsory BHXH here; the page's own voluntary pair shows it is the total, so the
#: listed indicator stands and the entry was taken out (docs/data.md, "Corrections").



def correction_note(url: str) -> str:
    """The words appended to the note of a figure of page ``url`` that an entry of
    :data:`CORRECTIONS` corrects: :data:`ARITHMETIC_NOTE` for the Hà Nội shares, else
    :data:`CORRECTION_NOTE`."""
    return ARITHMETIC_NOTE if url in (HA_NOI_2024, HA_NOI_2025) else CORRECTION_NOTE


def corrected(ref: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The reference list with :data:`CORRECTIONS` applied, and which rows they changed.

    Examples
    --------
    >>> (url, listed, day), right = next(iter(CORRECTIONS.items()))
    >>> ref = pd.DataFrame({"url": [url, url], "indicator": [listed, "bhyt_participants"],
    ...                     "as_of": [day, day]})
    >>> fixed, changed = corrected(ref)
    >>> fixed["indicator"].tolist() == [right, "bhyt_participants"], changed.tolist()
    (True, [True, False])
    """
    keys = zip(ref["url"], ref["indicator"], ref["as_of"], strict=True)
    right = pd.Series([CORRECTIONS.get(k, "") for k in keys], index=ref.index, dtype=str)
    changed = right.ne("")
    return ref.assign(indicator=right.where(changed, ref["indicator"])), changed


def source_id(url: str) -> str:
    """A short, stable id for a page: its site and its number or last words."""
    host = re.sub(r"^(?:www\.|vcdn\.|en\.)", "", re.sub(r"^https?://", "", url).split("/")[0])
    site = {"vss.gov.vn:443": "vss-en", "vss.gov.vn": "vss-en",
            "tapchibaohiemxahoi.gov.vn": "tapchibhxh", "thuvienphapluat.vn": "tvpl",
            "baohoabinh.com.vn": "baohoabinh", "vietnam.vn": "vietnamvn",
            "bhxhlangson.gov.vn": "bhxhlangson", "baoquangnam.vn": "baoquangnam",
            "baobacgiang.vn": "baobacgiang", "baodongnai.com.vn": "baodongnai",
            "thainguyentv.vn": "thainguyentv", "investinquangninh.vn": "investinquangninh",
            "vietnamtimes.org.vn": "vietnamtimes", "baonghean.vn": "baonghean",
            "daidoanket.vn": "daidoanket", "dantri.com.vn": "dantri",
            "baobariavungtau.com.vn": "baobariavungtau", "gialaitv.vn": "gialaitv",
            "baohaugiang.com.vn": "baohaugiang", "la34.com.vn": "la34", "thtg.vn": "thtg",
            "baoapbac.vn": "baoapbac", "vietnamplus.vn": "vietnamplus",
            "baothaibinh.com.vn": "baothaibinh", "danviet.vn": "danviet",
            "vietnamnews.vn": "vietnamnews", "fr.vietnamplus.vn": "vietnamplus-fr",
            "news.laodong.vn": "laodong-en"}.get(host, host)
    item = re.search(r"ItemID=(\d+)|Id=(\d+)|-(\d{4,})(?:\.\w+)?/?$|/(\d{3,})/", url)
    if item:
        return f"{site}-{next(g for g in item.groups() if g)}"
    words = re.sub(r"\.\w+$", "", url.rstrip("/").split("/")[-1]).split("-")[:4]
    return f"{site}-{'-'.join(words)}".lower()


def kind(url: str) -> str:
    if "vss.gov.vn" in url or "bhxhlangson" in url:
        return "press_release"
    if "thuvienphapluat" in url:
        return "web_page"
    return "news_article"


def merged_provinces() -> set[str]:
    """Legacy provinces merged with others on 2025-07-01 (their 2025 unit is bigger)."""
    from bhxh_analysis.geo import get_registry

    units = get_registry().units("legacy", "province")
    units = units[units["valid_to"].isna()]  # Hà Tây (merged in 2008) is not a 2025 merger
    size = units.groupby("province_2025_code")["geo_code"].transform("size")
    return set(units.loc[size > 1, "geo_name"])


def main(path: str) -> None:
    ref, changed = corrected(pd.read_csv(path, dtype=str, keep_default_na=False))
    if changed.any():
        print(f"{int(changed.sum())} figure(s) filed under another scheme in {path}: "
              "indicator corrected (CORRECTIONS)")
    merged = merged_provinces()
    cur = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False)
                     for p in sorted((raw_dir() / "curated").glob("observations_*.csv"))])
    values = [parse_quantity(t, f).value for t, f in zip(cur["value_raw"],
                                                          cur["number_format"], strict=True)]
    have = set(zip(cur["place_raw"], cur["indicator"], cur["as_of"], values, strict=True))
    work = Path(tempfile.mkdtemp(prefix="reference_figures_"))
    registered = set(pd.read_csv(raw_dir() / "sources.csv", dtype=str)["source_id"])
    for url, page in ref.groupby("url", sort=True):  # one source a page
        sid = source_id(url)
        # A page transcribed before under this id: its further figures get their own id.
        sid = f"{sid}-more" if sid in registered else sid
        place = page["geo_name"].map(lambda g: PLACES.get(g, (g, ""))[0])
        place = place.str.replace(r" \(merged province.*\)$", "", regex=True)
        parent = page["geo_name"].map(lambda g: PLACES.get(g, (g, ""))[1])
        value = page["value"].str.replace(r"\.0$", "", regex=True)
        seen = [(p, i, a, float(v)) in have for p, i, a, v in
                zip(place, page["indicator"], page["as_of"], page["value"], strict=True)]
        note = ("printed " + page["value_raw"].map(repr)
                + page["note"].map(lambda n: f"; {n}" if n else "")).str.slice(0, 240)
        note = note.where(~changed[page.index], note + "; " + correction_note(url))
        # A plan for a merged legacy province dated after the reform (a 2025 target
        # set in 2022) is a legacy-boundaries figure: say so; data add keeps it in the
        # curated file's optional ``boundaries`` column instead of moving it to the
        # bigger 2025 unit.
        legacy = (page["as_of"] >= "2025-07-01") & page["province"].isin(merged) & (
            page["geo_name"] == page["province"]) & page["indicator"].str.contains("plan")
        rows = pd.DataFrame({
            "geo_name": place, "parent": parent, "as_of": page["as_of"],
            "boundaries": legacy.map({True: "legacy", False: ""}),
            "indicator": page["indicator"],
            "value": (page["qualifier"] + " " + value).str.strip(),
            "note": note})[[not s for s in seen]]
        if rows.empty:
            print(f"{sid}: every figure is already in the curated files; skipped")
            continue
        f = work / f"{sid}.csv"
        rows.to_csv(f, index=False)
        first = page.iloc[0]
        try:
            result, _ = add_file(f, source_id=sid, publisher=first["publisher"],
                                 title=first["title"], url=url,
                                 published=first["published"] or None, kind=kind(url),
                                 keep_good=True)
        except AddError as exc:
            print(f"{sid}: NOT ADDED: {exc}")
            result = getattr(exc, "result", None)
            for r in ([] if result is None else result.rejected.itertuples()):
                print(f"  refused row {r.row} ({r.column}={r.value!r}): {r.reason}")
            continue
        print(f"{sid}: {len(result.clean)} figure(s) added, {sum(seen)} already present")
        for w in result.warnings:  # words naming another scheme: check the indicator
            print(f"  warning: {w}")
        for r in result.rejected.itertuples():
            print(f"  refused row {r.row} ({r.column}={r.value!r}): {r.reason}")


if __name__ == "__main__":
    main(sys.argv[1])
