"""``bhxh data add`` (issue 15 point 4): add -> build round trips, and refusals.

Each test works in a temporary ``BHXH_HOME`` holding a copy of ``data/raw``: the add
writes a curated file, its sidecar and a ``sources.csv`` row there, and ``bhxh data
build`` must then include the figures with no rejected row.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bhxh_analysis import config
from bhxh_analysis.cli import main
from bhxh_analysis.rawdata import sha256_file, verify_checksums

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
SOURCE = ["--publisher", "Báo Ví Dụ (test)", "--title", "Test figures",
          "--url", "https://example.invalid/x", "--published", "2024-03-05"]


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    raw = config.raw_dir()
    shutil.copytree(raw, tmp_path / "data" / "raw")
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path))
    return tmp_path


def add(*args: str):
    return CliRunner().invoke(main, ["data", "add", *args])


def build_observations() -> pd.DataFrame:
    res = CliRunner().invoke(main, ["data", "build", "-q"])
    assert res.exit_code == 0, res.output
    rejected = pd.read_csv(config.rejected_csv())
    assert rejected.empty, rejected.to_string()
    return pd.read_parquet(config.observations_parquet())


def test_csv_add_then_build(home: Path) -> None:
    f = home / "mine.csv"
    f.write_text("geo_name;parent;as_of;indicator;value\n"
                 "Đà Lạt;Lâm Đồng;31/12/2023;bhyt_participants;61.649\n"
                 "Lâm Đồng;;31/12/2023;bhyt_coverage_pct;92.5\n"
                 "Lâm Đồng;;31/12/2023;bhxh_voluntary_participants;trên 30.000\n",
                 encoding="utf-8")
    res = add(str(f), "--source-id", "test-csv", *SOURCE, "--kind", "news_article")
    assert res.exit_code == 0, res.output
    assert verify_checksums() == []
    sources = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    row = sources.set_index("source_id").loc["test-csv"]
    assert (row["publisher"], row["address"], row["published_date"], row["kind"]) == (
        "Báo Ví Dụ (test)", "https://example.invalid/x", "2024-03-05", "news_article")
    assert sources["source_id"].is_monotonic_increasing
    obs = build_observations()
    got = obs[obs["source_id"] == "test-csv"].set_index("indicator")
    assert got.loc["bhyt_participants", "value"] == 61649
    assert got.loc["bhyt_participants", "geo_level"] == "district"
    assert got.loc["bhyt_coverage_pct", "value"] == 92.5
    assert got.loc["bhxh_voluntary_participants", "value"] == 30000
    assert "trên" in got.loc["bhxh_voluntary_participants", "note"]


def test_xlsx_add_then_build(home: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append(["geo_name", "as_of", "indicator", "value"])
    ws.append(["Lạng Sơn", "2023-12-31", "bhyt_coverage_pct", 94.6])
    ws.append(["Lạng Sơn", "2023-12-31", "bhyt_participants", 761234])
    wb.save(home / "mine.xlsx")
    res = add(str(home / "mine.xlsx"), "--sheet", "Số liệu", "--source-id", "test-xlsx",
              *SOURCE)
    assert res.exit_code == 0, res.output
    obs = build_observations()
    got = obs[obs["source_id"] == "test-xlsx"].set_index("indicator")["value"]
    assert got.to_dict() == {"bhyt_coverage_pct": 94.6, "bhyt_participants": 761234}


def test_wide_sheet_with_mapping_add_then_build(home: Path) -> None:
    res = add(str(EXAMPLES / "vss_wide_example.xlsx"), "--mapping",
              str(EXAMPLES / "vss_wide_example.yml"), "--source-id", "test-wide", *SOURCE)
    assert res.exit_code == 0, res.output
    obs = build_observations()
    got = obs[obs["source_id"] == "test-wide"]
    # 4 units x 2 months x 2 columns, minus Di Linh's two empty % cells; no total row.
    assert len(got) == 14
    assert not got["geo_name_raw"].str.contains("Tổng").any()
    dalat = got[(got["geo_name"] == "Đà Lạt") & (pd.to_datetime(got["as_of"]) == "2024-02-29")]
    assert dalat.set_index("indicator")["value"].to_dict() == {
        "bhxh_voluntary_participants": 5187, "bhxh_voluntary_coverage_pct": 4.9}


def test_wide_sheet_without_its_mapping_says_to_give_one(home: Path) -> None:
    # Read as the data check layout, the example's merged title row is a header naming
    # one column twice: the refusal says what to do, and shows the cells as text.
    res = add(str(EXAMPLES / "vss_wide_example.xlsx"), "--source-id", "test-wide", *SOURCE)
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "a wide sheet needs --mapping" in res.output
    assert "\x1f" not in res.output and " | " in res.output


def test_rejected_row_writes_nothing(home: Path) -> None:
    raw = config.raw_dir()
    before = {p: sha256_file(p) for p in raw.rglob("*") if p.is_file()}
    f = home / "bad.csv"
    f.write_text("geo_name,as_of,indicator,value\n"
                 "Lâm Đồng,2023-12-31,bhyt_coverage_pct,\"92,1\"\n"
                 "Lâm Đồng,2023-12-31,bhyt_participants,2.000.000.000\n", encoding="utf-8")
    res = add(str(f), "--source-id", "test-bad", *SOURCE)
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert "nothing written" in res.output and "population" in res.output
    after = {p: sha256_file(p) for p in raw.rglob("*") if p.is_file()}
    assert after == before
    # --keep-good adds the good row only.
    res = add(str(f), "--source-id", "test-bad", "--keep-good", *SOURCE)
    assert res.exit_code == 0, res.output
    cur = pd.read_csv(raw / "curated" / "observations_test-bad.csv", dtype=str)
    assert cur["indicator"].tolist() == ["bhyt_coverage_pct"]


@pytest.mark.parametrize(("args", "words"), [
    (["--source-id", "Bad Id"], "--source-id"),
    (["--source-id", "seed000"], "already registered"),
    (["--source-id", "ok-id", "--mapping", "MAPPING"], "needs a 'values' entry"),
])
def test_refusals_are_one_clear_line(home: Path, args: list[str], words: str) -> None:
    f = home / "one.csv"
    f.write_text("geo_name,as_of,indicator,value\nLâm Đồng,2023-12-31,bhyt_coverage_pct,"
                 "\"92,1\"\n", encoding="utf-8")
    (home / "map.yml").write_text("header_rows: [1]\nplace_column: A\n", encoding="utf-8")
    args = [str(home / "map.yml") if a == "MAPPING" else a for a in args]
    res = add(str(f), *args, "--publisher", "P", "--title", "T")
    assert res.exit_code == 1
    assert words in res.output and "Traceback" not in res.output


def test_forty_legacy_provinces_have_a_participants_or_coverage_figure() -> None:
    """Issue 15 point 5, counted from the raw curated files (a dropped file fails)."""
    from bhxh_analysis.geo import get_registry

    files = sorted((config.raw_dir() / "curated").glob("observations_*.csv"))
    cur = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files])
    stock = cur["indicator"].str.fullmatch(
        r"(bhxh|bhxh_compulsory|bhxh_voluntary|bhtn|bhyt|bhyt_household)_"
        r"(participants|coverage_pct)")
    rows = cur[stock & cur["parent_raw"].eq("") & (cur["as_of"] < "2025-07-01")]
    registry = get_registry()
    provinces = set()
    for name in rows["place_raw"].unique():  # a few dozen distinct names
        try:
            unit = registry.resolve(name, boundaries="legacy")
        except Exception:
            continue
        if unit.level == "province":
            provinces.add(unit.code)
    assert len(provinces) >= 40, sorted(provinces)


def test_a_2025_target_of_a_merged_province_keeps_the_legacy_boundaries(home: Path) -> None:
    """A target for 2025 set in 2022 for a legacy province merged on 2025-07-01 (Bạc Liêu,
    now part of Cà Mau): the curated file keeps it in its optional ``boundaries`` column
    and the build reads it as the legacy province; rows dated by their own boundaries
    leave that column empty."""
    f = home / "targets.csv"
    f.write_text("geo_name,as_of,indicator,value,boundaries\n"
                 "Bạc Liêu,2025-12-31,bhyt_plan_coverage_pct,95,legacy\n"
                 "Bạc Liêu,2024-12-31,bhyt_plan_coverage_pct,\"93,5\",\n", encoding="utf-8")
    res = add(str(f), "--source-id", "test-legacy-2025", "--publisher", "P", "--title", "T",
              "--published", "29/04/2022")  # dd/mm/yyyy, as every date option
    assert res.exit_code == 0, res.output
    cur = pd.read_csv(config.raw_dir() / "curated" / "observations_test-legacy-2025.csv",
                      dtype=str, keep_default_na=False)
    assert cur["boundaries"].tolist() == ["legacy", ""]
    sources = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    row = sources.set_index("source_id").loc["test-legacy-2025"]
    assert (row["kind"], row["published_date"]) == ("user_file", "2022-04-29")
    obs = build_observations()
    got = obs[obs["source_id"] == "test-legacy-2025"]
    assert set(got["boundaries"]) == {"legacy"} and set(got["geo_name"]) == {"Bạc Liêu"}
    assert sorted(got["value"]) == [93.5, 95.0]


def test_a_file_added_without_a_url_is_cited_as_its_publisher_holds_it(home: Path) -> None:
    """The sources table must stay followable: no repository path as the address."""
    from test_sources_curated import _unfollowable

    f = home / "so-lieu-thang-6.csv"
    f.write_text("geo_name;parent;as_of;indicator;value\n"
                 "Đà Lạt;Lâm Đồng;30/06/2024;bhyt_participants;61.000\n", encoding="utf-8")
    res = add(str(f), "--source-id", "office-sheet", "--publisher", "BHXH tỉnh Lâm Đồng",
              "--title", "Số liệu tháng 6/2024")
    assert res.exit_code == 0, res.output
    sources = pd.read_csv(config.raw_dir() / "sources.csv", dtype=str, keep_default_na=False)
    row = sources.set_index("source_id").loc["office-sheet"]
    assert row["address"] == "so-lieu-thang-6.csv (BHXH tỉnh Lâm Đồng; not published online)"
    assert _unfollowable(row) == []
