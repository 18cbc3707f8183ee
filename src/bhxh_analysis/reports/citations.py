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

import pandas as pd

from .. import i18n

if TYPE_CHECKING:
    from .data import Bundle


_PLACEHOLDER = re.compile(r"^\s*\[[^\]]*\]\s*")
_TABLE = re.compile(r"\(table ([^()\s]+)\)$")
_PATHLIKE = re.compile(r"^[\w.-]+(?:/[\w.-]+)+\.(?:csv|txt|md|xlsx?|json|parquet)$")


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
    too: the document's publisher, title and date, "via" the reproducing outlet.
    """
    src = source_frame(bundle, lang)
    used = src[src["source_id"].isin(set(ids))]
    # one page under two ids is named by the first id, never by its row in sources.csv
    used = used.sort_values("source_id", kind="stable").drop_duplicates(
        ["publisher", "title", "published", "reference"])
    used = _merge_reproductions(bundle, src, used, lang)
    return used.sort_values(["publisher", "title"], kind="stable").reset_index(drop=True)


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
    drop, via = set(), {}
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
    out = used.drop(index=list(drop)).copy()
    for i, outlets in via.items():
        if outlets and i in out.index:
            out.loc[i, "publisher"] = i18n.t("source_via", lang, publisher=out.loc[i, "publisher"],
                                             outlet="; ".join(outlets))
    return out
