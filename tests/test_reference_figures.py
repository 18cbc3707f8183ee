"""``docs/examples/add_reference_figures.py``: its table of scheme corrections.

The reference list filed some compulsory-BHXH figures under the total BHXH; the script
corrects them from an explicit table (docs/data.md, "Corrections"). These tests tie that
table to the curated files and run the script again in a copy of ``data/raw``: neither
the corrected figures nor the rows as first listed may be added a second time.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import config

SCRIPT = Path(__file__).resolve().parents[1] / "docs" / "examples" / "add_reference_figures.py"
COLUMNS = ["province", "geo_name", "indicator", "as_of", "value", "value_raw", "qualifier",
           "publisher", "title", "published", "url", "note"]
NAM_DINH_URL = ("https://vss.gov.vn/english/news/pages/vietnam-social-security.aspx"
                "?CateID=198&ItemID=11525")


def _script():
    spec = importlib.util.spec_from_file_location("add_reference_figures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(rel: str) -> pd.DataFrame:
    return pd.read_csv(config.raw_dir() / rel, dtype=str, keep_default_na=False)


def test_every_correction_is_in_the_curated_files() -> None:
    """Each entry of the table names rows of its page that now carry the corrected
    indicator and say so in their note; none keeps the indicator first listed."""
    script = _script()
    sources = _read("sources.csv")
    curated = pd.concat([_read(f"curated/{p.name}") for p in
                         sorted((config.raw_dir() / "curated").glob("observations_*.csv"))])
    for (url, listed, day), right in script.CORRECTIONS.items():
        ids = sources.loc[sources["address"] == url, "source_id"]
        rows = curated[curated["source_id"].isin(ids) & curated["as_of"].eq(day)
                       & curated["indicator"].isin([listed, right])
                       & curated["note"].str.contains(script.correction_note(url),
                                                      regex=False)]
        others = curated[curated["source_id"].isin(ids) & curated["as_of"].eq(day)
                         & curated["indicator"].eq(listed)]
        assert len(rows) and rows["indicator"].eq(right).all(), (url, listed, day)
        assert rows["note"].str.endswith(script.correction_note(url)).all(), (
            url, listed, day)
        assert others.empty, others[["obs_id", "indicator"]].to_string()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(config.raw_dir(), tmp_path / "data" / "raw")
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path))
    return tmp_path


def _listed(path: Path) -> Path:
    """One figure of the Nam Định page as the reference list files it (under the total)."""
    row = ["Nam Định", "Nam Định", "bhxh_attainment_pct", "2023-12-15", "96.58",
           "96.58 per cent", "", "Vietnam Social Security (English portal)",
           "VSS Director General has working session with Nam Dinh Social Security office",
           "2023-12-17", NAM_DINH_URL, "Compulsory BHXH participants as % of 2023 target"]
    pd.DataFrame([row], columns=COLUMNS).to_csv(path, index=False)
    return path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_a_second_run_adds_nothing(home: Path, capsys: pytest.CaptureFixture) -> None:
    raw = home / "data" / "raw"
    before = _snapshot(raw)
    _script().main(str(_listed(home / "listed.csv")))
    out = capsys.readouterr().out
    assert "1 figure(s) filed under another scheme" in out
    assert "vss-en-11525-more: every figure is already in the curated files" in out
    assert _snapshot(raw) == before


def test_without_the_table_the_old_row_comes_back(home: Path, capsys, monkeypatch) -> None:
    """The control: without its correction the figure is not found in the curated files
    and is added again under the total BHXH (what the table prevents)."""
    script = _script()
    monkeypatch.setattr(script, "CORRECTIONS", {})
    script.main(str(_listed(home / "listed.csv")))
    assert "1 figure(s) added" in capsys.readouterr().out
    added = _read("curated/observations_vss-en-11525-more.csv")
    assert added["indicator"].tolist() == ["bhxh_attainment_pct"]
