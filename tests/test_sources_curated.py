"""Tests of bhxh_analysis.sources.curated: the build reads values as ``data check`` does."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from bhxh_analysis import config
from bhxh_analysis.schema import CURATED_COLUMNS
from bhxh_analysis.sources import curated


def _row(obs_id: str, indicator: str, value_raw: str, fmt: str, unit: str) -> dict[str, str]:
    row = dict.fromkeys(CURATED_COLUMNS, "")
    row.update(obs_id=obs_id, source_id="s1", place_raw="Lâm Đồng", as_of="2024-12-31",
               indicator=indicator, value_raw=value_raw, number_format=fmt, unit=unit)
    return row


def _read(tmp_path, rows: list[dict[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    path = tmp_path / "observations_test.csv"
    pd.DataFrame(rows, columns=CURATED_COLUMNS).to_csv(path, index=False)
    return curated.read(path, "curated/observations_test.csv")


def test_values_are_read_per_value_by_their_kind(tmp_path):
    out, rej = _read(tmp_path, [
        _row("a", "bhyt_participants", "61.649", "vi", "persons"),
        _row("b", "bhyt_coverage_pct", "92,5%", "vi", "pct"),
        _row("c", "bhxh_participants", "1,12 triệu", "vi", "persons"),
    ])
    assert rej.empty
    assert out.set_index("obs_id")["value"].to_dict() == {"a": 61649.0, "b": 92.5,
                                                          "c": 1120000.0}


def test_a_count_whose_declared_reading_is_not_whole_is_rejected_with_both_readings(tmp_path):
    # Declared English, "61.649" would be 61.649 persons: a count is whole, so the row is
    # refused (not read as 61.649, not silently re-read as 61,649).
    out, rej = _read(tmp_path, [
        _row("a", "bhyt_participants", "61.649", "en", "persons"),
        _row("b", "bhyt_participants", "2.500", "vi", "persons"),
    ])
    assert len(rej) == 1
    bad = rej.iloc[0]
    assert (bad["file"], int(bad["row"]), bad["column"]) == (
        "curated/observations_test.csv", 2, "value_raw")
    assert bad["value"] == "61.649"
    assert "61.649" in bad["reason"] and "61,649" in bad["reason"]
    assert out.set_index("obs_id").loc["b", "value"] == 2500.0


def test_a_fractional_count_is_rejected(tmp_path):
    _, rej = _read(tmp_path, [_row("a", "bhxh_participants", "12,5", "vi", "persons")])
    assert rej["column"].tolist() == ["value_raw"]
    assert "whole" in rej["reason"].iloc[0]


def test_an_optional_boundaries_column_overrides_the_date(tmp_path):
    rows = [dict(_row(k, "bhyt_plan_coverage_pct", "95%", "vi", "pct"), as_of=d, boundaries=b)
            for k, d, b in (("a", "2025-12-31", "legacy"), ("b", "2025-12-31", ""),
                            ("c", "2024-12-31", ""), ("d", "2024-12-31", "2025"),
                            ("e", "2024-12-31", "old"))]
    path = tmp_path / "observations_test.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    out, rej = curated.read(path, "curated/observations_test.csv")
    assert out.set_index("obs_id")["boundaries"][["a", "b", "c"]].tolist() == [
        "legacy", "2025", "legacy"]
    assert rej["column"].tolist() == ["boundaries", "boundaries"]
    assert sorted(rej["row"].astype(int)) == [5, 6]  # header is line 1


# ---------------------------------------------------------------- followable sources.csv
# Issue 14 point 9: every source a report lists is followable (outlet, title, date, and a
# URL or document reference); nothing that only makes sense inside this repository.
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|\bnot named\b")
_REPO_PATH = re.compile(r"^(?:data/raw/)?(?:seeds|gso|admin|reference|curated)/")
_BARE_FILE = re.compile(r"^[\w./-]+\.(?:txt|csv|md|xlsx?|json|parquet)$")
# "news.laodong.vn 1417491", "VSS English news item 10158", "sggp post781651", ...
_ID_TITLE = re.compile(r"^\S+(?:\s+(?:article|news|item|English|VSS))*\s+(?:post)?\d+"
                       r"(?:\s*\([^)]*\))?$", re.IGNORECASE)
# "laotribune.com article with April 2024 figures", "en.vneconomy.vn article of December 2021"
_HOST_ARTICLE = re.compile(r"^[\w-]+(?:\.[\w-]+)+\s+article\b", re.IGNORECASE)


def _unfollowable(row: pd.Series) -> list[str]:
    """Why a ``sources.csv`` row cannot be followed by a reader ([] when it can)."""
    title, address = str(row["title"]).strip(), str(row["address"]).strip()
    why = []
    if _PLACEHOLDER.search(title) or _PLACEHOLDER.search(address):
        why.append("placeholder")
    if _ID_TITLE.match(title) or _HOST_ARTICLE.match(title):
        why.append("title is a host name and a number, not a headline")
    if _REPO_PATH.match(address) or _BARE_FILE.match(address):
        why.append("address is a path inside the repository")
    if not re.search(r"[./\d]", address):
        why.append("address has neither a web address nor a document number")
    return why


@pytest.mark.parametrize("title,address", [
    ("[no headline in the seed file] Ra quân, 22/8/2020", "baolamdong.vn"),
    ("Ra quân hưởng ứng Ngày BHYT Việt Nam", "seeds/004_e66f5bd3fac544f3.txt"),
    ("Average population by province", "gso/average_population_by_province_1995-2016.csv"),
    ("Published national figures", "reference/national-figures.md"),
    ("news.laodong.vn 1417491", "news.laodong.vn (1417491)"),
    ("en.vietnamplus.vn article 106857 (Bình Thuận)", "en.vietnamplus.vn (article 106857)"),
    ("VSS English news item 10158", "vss.gov.vn/english (ItemID 10158)"),
    ("sggp post781651", "sggp (post781651)"),
    ("laotribune.com article with April 2024 figures", "laotribune.com"),
    ("ISSA page with April 2021 figures (page not named)", "issa.int (page not named)"),
    ("Quyết định 546/QĐ-TTg", "the decision's published text"),
])
def test_an_unfollowable_source_row_is_recognised(title, address):
    assert _unfollowable(pd.Series({"title": title, "address": address}))


def test_every_source_in_sources_csv_is_followable():
    src = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    why = {row["source_id"]: _unfollowable(pd.Series(row)) for row in src.to_dict("records")}
    bad = {source_id: reasons for source_id, reasons in why.items() if reasons}
    assert not bad, bad
