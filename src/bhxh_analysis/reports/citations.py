"""Sources as a reader can follow them: outlet, title, date and a reference to follow.

A report's sources section and its tables' source column read :data:`sources.csv
<bhxh_analysis.config>` through here: titles lose bracketed placeholders and are in the
reader's language where the catalogue has them, a reference that is a file path inside the
project is dropped (a reader cannot follow it), and a document and its reproduction at the
same address are one line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import i18n
from .dates import approximate, date_text

if TYPE_CHECKING:
    from .data import Bundle
    from .province import ProvinceReport


_PLACEHOLDER = re.compile(r"^\s*\[[^\]]*\]\s*")
_TABLE = re.compile(r"\(table ([^()\s]+)\)$")
_PATHLIKE = re.compile(r"^[\w.-]+(?:/[\w.-]+)+\.(?:csv|txt|md|xlsx?|json|parquet)$")
#: An address that is a site only ("kontum.gov.vn", "https://danhmuchanhchinh.gso.gov.vn/").
_SITE = re.compile(r"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$", re.IGNORECASE)
#: A site and an article number on it ("nld.com.vn, 196250108223411786",
#: "vss.gov.vn/english, ItemID 10647").
_SITE_ITEM = re.compile(r"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[\w.-]+)*)/?,\s*"
                        r"(?:ItemID\s*)?([\w-]+)$", re.IGNORECASE)
#: At most this many indicators are named in a source's "figures" cell.
MAX_GIVEN = 4


def source_frame(bundle: Bundle, lang: str = "vi") -> pd.DataFrame:
    """Return every source as a reader follows it: outlet, title, date, reference.

    Columns ``source_id, publisher, title, published, reference``. Titles lose
    bracketed placeholders, and are in the reader's language where the catalogue has
    them (:func:`bhxh_analysis.i18n.source_title`: the statistics offices' English
    export titles); a reference that is a file path inside the project, or a
    description without an address or number ("the decision's published text"), is
    left empty (a reader cannot follow it); URLs and document numbers are kept, a
    table named after an address in the reader's language ("(biểu V02.01)").
    """
    src = bundle.sources
    ref = src["address"].fillna("").astype(str)
    ref = ref.where(~ref.str.match(_PATHLIKE.pattern), "")
    # A reference a reader can follow has an address (a dot or slash) or a number.
    ref = ref.where(ref.str.contains(r"[./\d]", regex=True), "")
    # a table named after the address ("… (table V02.01)") in the reader's language
    ref = ref.str.replace(_TABLE, lambda m: i18n.t("ref_table", lang, table=m.group(1)),
                          regex=True)
    # a site without the page's address, or with only the article's number on it: said
    # so, with what to look for (kontum.gov.vn, nld.com.vn's 196250108223411786)
    ref = ref.str.replace(_SITE, lambda m: i18n.t("ref_site_only", lang, site=m.group(1)),
                          regex=True)
    ref = ref.str.replace(_SITE_ITEM, lambda m: i18n.t("ref_site_item", lang, site=m.group(1),
                                                       item=m.group(2)), regex=True)
    return pd.DataFrame({
        "source_id": src["source_id"].astype(str),
        "publisher": [i18n.publisher_label(p, lang) for p in src["publisher"].fillna("")],
        "title": [i18n.source_title(i, t, lang) for i, t in zip(
            src["source_id"].astype(str),
            src["title"].fillna("").astype(str).str.replace(_PLACEHOLDER, "", regex=True),
            strict=True)],
        "published": src["published_date"].fillna("").astype(str),
        "reference": ref,
    })


def source_labels(bundle: Bundle, lang: str = "vi") -> pd.Series:
    """Return ``publisher — title`` per source id (what a table's source column shows)."""
    src = source_frame(bundle, lang).set_index("source_id")
    return src["publisher"].str.cat(src["title"], sep=" — ")


def sources_table(bundle: Bundle, ids: set[str] | list[str], lang: str = "vi") -> pd.DataFrame:
    """Return the sources with these ids, sorted by publisher and title (no ids shown).

    Two ids citing the same page (figures of one page split between ids) are one line.
    A document and its reproduction at the same address (Decision 546/QĐ-TTg, read on
    Thư Viện Pháp Luật: the decision's ``note`` names the reproduction's id) are one line
    too: the document's publisher, title and date, "via" the reproducing outlet. Column
    ``ids`` holds every id a line stands for; a source without a date reads
    ``source_undated`` ("không rõ ngày").
    """
    src = source_frame(bundle, lang)
    used = src[src["source_id"].isin(set(ids))]
    # one page under two ids is named by the first id, never by its row in sources.csv
    page = ["publisher", "title", "published", "reference"]
    used = used.sort_values("source_id", kind="stable")
    ids = used.groupby(page, sort=False)["source_id"].agg(" ".join)
    used = used.drop_duplicates(page)
    # every id a line stands for (``ids``: its figures are the line's)
    used = used.assign(ids=[ids[k] for k in used[page].itertuples(index=False, name=None)])
    used = _merge_reproductions(bundle, src, used, lang)
    # a source without a date still reads as a citation: "undated", not "–"
    used = used.assign(published=used["published"].where(used["published"].ne(""),
                                                         i18n.t("source_undated", lang)))
    return used.sort_values(["publisher", "title"], kind="stable").reset_index(drop=True)


def with_figures(table: pd.DataFrame, figures: pd.DataFrame, lang: str,
                 own: tuple[str, ...] = ()) -> pd.DataFrame:
    """The sources table with ``gives``: which figures of the page each source gives.

    Bạc Liêu's and Điện Biên's pages listed sources none of whose figures any table
    showed (Kế hoạch 1944/KH-UBND: Điện Biên's 99 % plan for 2020, not on the page):
    each line now says what it gives. ``figures`` holds the page's figures (``source_id,
    indicator, value, as_of, geo_name``, optional ``unit``, ``value_raw``, ``qualifier``);
    one figure of an indicator is printed with its date (and its place when it is not
    one of ``own``, the page's own names), several as a count and their years. A line standing for several ids
    (:func:`sources_table`'s ``ids``) gives the figures of all of them.
    """
    from .qualifiers import kinds_of

    if table.empty:
        return table.assign(gives=pd.Series(dtype=object))
    line_ids = (table["ids"] if "ids" in table else table["source_id"]).astype(str).str.split()
    figs = figures[figures["source_id"].astype(str).isin(
        {i for ids in line_ids for i in ids})].copy()
    figs["kind"] = kinds_of(figs, printed_only=True)
    # a date the source gives only roughly reads as the tables read it: Quảng Ninh's BHYT
    # 95 % of "end-2020" read "cuối năm 2020" in the tables, "31/12/2020" here
    figs["approx"] = approximate(figs)
    out = []
    for ids in line_ids:
        # by date, indicator, place and value: never by the rows' order in the data
        mine = figs[figs["source_id"].astype(str).isin(ids)].sort_values(
            ["as_of", "indicator", "geo_name", "value"], kind="stable")
        parts = []
        for ind, g in mine.groupby("indicator", sort=False):
            label = i18n.indicator_label(str(ind), lang)
            if len(g) == 1:
                r = g.iloc[0]
                value = i18n.qualified(i18n.fmt_value(r["value"], str(r.get("unit", "")), lang),
                                       r["kind"], lang)
                where = ([i18n.place_label(str(r["geo_name"]), lang)]
                         if str(r["geo_name"]) not in own else [])
                # a plan or target is for its year, not for the day 31 December
                day = (str(r["as_of"].year) if "_plan_" in str(ind)
                       else date_text(r["as_of"], r["approx"], lang))
                parts.append(i18n.t("source_gives_one", lang, label=label, value=value,
                                    when=", ".join([*where, day])))
                continue
            years = sorted({d.year for d in g["as_of"]})
            span = (i18n.fmt_date(g["as_of"].iloc[0], lang) if g["as_of"].nunique() == 1
                    else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}")
            parts.append(i18n.t("source_gives_many", lang, label=label, n=len(g), when=span))
        if len(parts) > MAX_GIVEN:
            parts = [*parts[:MAX_GIVEN], i18n.t("source_gives_more", lang,
                                                 n=len(parts) - MAX_GIVEN)]
        out.append("; ".join(parts))
    return table.assign(gives=out)


def _merge_reproductions(bundle: Bundle, src: pd.DataFrame, used: pd.DataFrame,
                         lang: str) -> pd.DataFrame:
    """``used`` without the rows that reproduce another used row's document at its address.

    A source whose ``note`` names another outlet's source at its address is the document
    that source reproduces (one outlet's tables on one portal stay apart); every row citing that reproduction (its id split
    into several is one page) folds into the document's row, whose publisher then says
    "via" the reproducing outlet.
    """
    notes = bundle.sources["note"] if "note" in bundle.sources else None
    if notes is None or used.empty:
        return used
    note_of = dict(zip(src["source_id"], notes.fillna("").astype(str), strict=True))
    page = ["publisher", "title", "reference"]
    drop, via, folded = set(), {}, {}
    for i, doc in used.iterrows():
        note = note_of[doc["source_id"]]
        if not note or not doc["reference"]:
            continue
        named = src[src["reference"].eq(doc["reference"])  # another outlet, same address
                    & src["publisher"].ne(doc["publisher"])]
        named = named[[bool(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", note))
                       for o in named["source_id"]]]
        if named.empty:
            continue
        copies = used.merge(named[page].drop_duplicates(), on=page, how="left",
                            indicator=True)["_merge"].eq("both").to_numpy()
        copies = copies & (used.index.to_numpy() != i)
        if copies.any():
            drop |= set(used.index[copies])
            via[i] = sorted(set(used.loc[copies, "publisher"]) - {doc["publisher"]})
            if "ids" in used:
                folded[i] = " ".join(used.loc[copies, "ids"])
    out = used.drop(index=list(drop)).copy()
    for i, more in folded.items():
        if i in out.index:
            out.loc[i, "ids"] = f"{out.loc[i, 'ids']} {more}"
    for i, outlets in via.items():
        if outlets and i in out.index:
            out.loc[i, "publisher"] = i18n.t("source_via", lang, publisher=out.loc[i, "publisher"],
                                             outlet="; ".join(outlets))
    return out


def page_sources(rpt: ProvinceReport) -> pd.DataFrame:
    """Every source behind a figure or target of a province (or unit) page, with the
    figures each gives (:func:`with_figures`).

    Columns ``source_id, publisher, title, published, reference, ids, gives``.
    """
    ids = set(rpt.obs["source_id"].astype(str)) | set(rpt.derived["source_id"].astype(str))
    cov = rpt.coverage_table()
    ids |= set(cov["target_source_id"])
    table = sources_table(rpt.bundle, ids, rpt.lang)
    # the targets the coverage table applies, as figures of their sources
    tg = rpt.bundle.targets
    used = cov[cov["target_kind"].eq("policy")]
    if used.empty or not {"source_id", "year", "value", "indicator", "geo_name"} <= set(tg):
        tg = tg.iloc[0:0].reindex(columns=["source_id", "year", "value", "indicator",
                                           "geo_name"])
    keys = set(zip(used["target_source_id"].astype(str), used["target_year"].astype(int),
                   used["target"].astype(float), strict=True))
    tg = tg.loc[np.array([k in keys for k in zip(
        tg["source_id"].astype(str), tg["year"].astype(int), tg["value"].astype(float),
        strict=True)], dtype=bool)]
    targets = pd.DataFrame({
        "source_id": tg["source_id"].astype(str),
        "indicator": tg["indicator"].str.replace("_coverage_pct", "_plan_coverage_pct"),
        "value": tg["value"].astype(float), "unit": "pct",
        "as_of": pd.to_datetime(tg["year"].astype(int).astype(str) + "-12-31"),
        "geo_name": tg["geo_name"]})
    cols = ["source_id", "indicator", "value", "unit", "as_of", "geo_name", "value_raw", "note",
            "as_of_raw"]  # note, as_of_raw: a date the source gives only roughly
    figures = pd.concat([rpt.obs[[c for c in cols if c in rpt.obs]], targets],
                        ignore_index=True)
    figures["value_raw"] = figures["value_raw"].fillna("") if "value_raw" in figures else ""
    return with_figures(table, figures, rpt.lang, own=(rpt.unit.name, rpt.place_name))
