"""Tests of ``bhxh data check FILE`` (bhxh_analysis.usercheck) on a corpus of bad files.

The place names are resolved by a small stand-in for the geography registry so that these
tests pin down the checker's own logic; ``test_real_registry`` runs the same command with
the real registry when ``bhxh_analysis.geo`` is available.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from rapidfuzz import process

from bhxh_analysis import usercheck, userplaces
from bhxh_analysis.cli.data import data

BAD = Path(__file__).parent / "data" / "bad"
TODAY = dt.date(2026, 11, 25)


@dataclass(frozen=True)
class FakeUnit:
    code: str
    name: str
    full_name: str
    level: str
    boundaries: str = "legacy"
    parent_code: str | None = None
    province_code: str | None = None
    province_2025_code: str | None = None
    province_2025_name: str | None = None


class UnknownPlaceError(LookupError):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(name)
        self.suggestions = suggestions


class AmbiguousPlaceError(LookupError):
    def __init__(self, name: str, candidates: list[FakeUnit]) -> None:
        super().__init__(name)
        self.candidates = candidates


_UNITS = [
    FakeUnit("VN", "Việt Nam", "Việt Nam", "nation", province_2025_name="Việt Nam"),
    FakeUnit("68", "Lâm Đồng", "Tỉnh Lâm Đồng", "province", province_2025_name="Lâm Đồng"),
    FakeUnit("672", "Đà Lạt", "Thành phố Đà Lạt", "district", parent_code="68",
             province_2025_name="Lâm Đồng"),
    FakeUnit("679", "Đức Trọng", "Huyện Đức Trọng", "district", parent_code="68",
             province_2025_name="Lâm Đồng"),
    FakeUnit("62", "Kon Tum", "Tỉnh Kon Tum", "province", province_2025_name="Quảng Ngãi"),
    FakeUnit("20", "Lạng Sơn", "Tỉnh Lạng Sơn", "province", province_2025_name="Lạng Sơn"),
    FakeUnit("906", "U Minh Thượng", "Huyện U Minh Thượng", "district", parent_code="91",
             province_2025_name="An Giang"),
    FakeUnit("24820", "Hiệp An", "Xã Hiệp An", "commune", parent_code="679",
             province_2025_name="Lâm Đồng"),
    FakeUnit("10000", "Hiệp An", "Xã Hiệp An", "commune", parent_code="999",
             province_2025_name="Hải Phòng"),
    # 2025 boundaries (rows dated from 2025-07-01 resolve here; see
    # test_usercheck_boundaries.py for the reform itself).
    FakeUnit("VN", "Việt Nam", "Việt Nam", "nation", "2025", province_2025_name="Việt Nam"),
    FakeUnit("20", "Lạng Sơn", "Tỉnh Lạng Sơn", "province", "2025",
             province_2025_name="Lạng Sơn"),
]
_BY_NAME: dict[str, list[FakeUnit]] = {}
for _u in _UNITS:
    _BY_NAME.setdefault(_u.name, []).append(_u)
_NAME_OF = {u.code: u.name for u in _UNITS}


def fake_resolve(name: str, parent: str | None, boundaries: str | None = None) -> FakeUnit:
    found = [u for u in _BY_NAME.get(name, []) if boundaries in (None, u.boundaries)]
    if boundaries is None:  # as the registry: legacy wins over 2025
        found = [u for u in found if u.boundaries == "legacy"] or found
    if not found:
        best = process.extract(name, list(_BY_NAME), limit=3)
        raise UnknownPlaceError(name, [b[0] for b in best if b[1] > 60])
    if parent:
        found = [u for u in found if _NAME_OF.get(u.parent_code or "") == parent] or found
    if len(found) > 1:
        raise AmbiguousPlaceError(name, found)
    return found[0]


@pytest.fixture(autouse=True)
def _fake_geo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usercheck, "default_geo",
                        lambda: userplaces.geo_from_resolver(fake_resolve))


def run(path: Path, *args: str):
    return usercheck.check_file(path, resolver=fake_resolve, today=TODAY)


def reasons(result: usercheck.CheckResult) -> list[tuple[int, str, str]]:
    return [(int(r.row), r.column, r.reason) for r in result.rejected.itertuples()]


# -------------------------------------------------------------- reading formats


def test_semicolon_cp1258_file() -> None:
    res = run(BAD / "semicolon_cp1258.csv")
    assert res.encoding == "cp1258"
    assert res.delimiter == ";"
    assert res.number_format == "vi"
    good = res.clean.set_index("indicator")["value"]
    assert good["bhyt_participants"] == 190863
    assert good["bhyt_coverage_pct"] == pytest.approx(83.23)
    assert res.clean["geo_name"].eq("Đà Lạt").all()  # tone marks recomposed (NFC)
    [(row, col, why)] = reasons(res)
    assert (row, col) == (6, "geo_name")
    assert "unknown place" in why and "Đà Lạt" in why  # suggestion


def test_utf16_english_numbers_and_bad_date() -> None:
    res = run(BAD / "utf16.csv")
    assert res.encoding == "utf-16"
    assert res.number_format == "en"
    assert "English" in res.number_format_reason
    vals = res.clean.set_index("indicator")["value"]
    assert vals["bhxh_participants"] == 16.16e6
    assert vals["bhxh_coverage_pct"] == pytest.approx(32.7)
    assert reasons(res) == [(4, "as_of", "unparseable date")]


def test_vietnamese_numbers_units_and_unknown_indicator() -> None:
    res = run(BAD / "vi_numbers.csv")
    assert res.number_format == "vi"
    vals = res.clean.set_index("indicator")["value"]
    assert vals["bhyt_participants"] == 485900
    assert vals["bhxh_voluntary_participants"] == 4294
    assert vals["bhxh_voluntary_attainment_pct"] == pytest.approx(106.3)
    [(row, col, why)] = reasons(res)
    assert (row, col) == (8, "indicator")
    assert "bhyt_household_participants" in why
    # Derived on the good rows: Kon Tum's plan and previous level.
    d = res.derived.set_index("indicator")["value"]
    assert round(d["bhxh_voluntary_plan_participants"]) == 4040
    assert d["bhxh_voluntary_participants"] == 2637


# -------------------------------------------------------------- bad rows


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unknown_place.csv", [(3, "geo_name", "unknown place")]),
        ("misspelt_indicator.csv",
         [(3, "indicator", "unknown indicator; did you mean 'bhyt_coverage_pct'?")]),
        ("negative_count.csv", [(3, "value", "negative count")]),
        ("coverage_120.csv", [(3, "value", "percentage outside 0–100")]),
        ("future_date.csv", [(3, "as_of", "future date (after 2026-11-25)")]),
        ("bad_date.csv", [(3, "as_of", "unparseable date")]),
        ("ambiguous_place.csv", [(2, "geo_name", "ambiguous place")]),
    ],
)
def test_bad_rows_reported_good_rows_kept(name: str, expected: list) -> None:
    res = run(BAD / name)
    got = reasons(res)
    assert [(r, c) for r, c, _ in got] == [(r, c) for r, c, _ in expected]
    for (_, _, why), (_, _, want) in zip(got, expected, strict=True):
        assert why.startswith(want), why
    assert (res.rejected["file"] == str(BAD / name)).all()
    bad_rows = {r for r, _, _ in expected}
    n_records = res.n_rows
    assert len(res.clean) == n_records - len(bad_rows)
    assert not set(res.clean["row"]) & bad_rows
    assert not res.ok


def test_ambiguous_place_resolved_by_parent() -> None:
    res = run(BAD / "ambiguous_place.csv")
    assert res.clean["geo_code"].tolist() == ["24820"]
    why = res.rejected["reason"].iloc[0]
    assert "Xã Hiệp An (24820)" in why and "Xã Hiệp An (10000)" in why


def test_attainment_over_100_is_allowed() -> None:
    res = run(BAD / "coverage_120.csv")
    assert "bhxh_voluntary_attainment_pct" in set(res.clean["indicator"])


def test_fall_of_a_sub_scheme_is_a_signed_change(tmp_path: Path) -> None:
    # A fall in voluntary or compulsory BHXH participants is a negative change, as for
    # BHYT; a negative stock is still refused.
    f = tmp_path / "falls.csv"
    f.write_text(
        "geo_name|parent|as_of|indicator|value|source_id\n"
        "Đà Lạt|Lâm Đồng|2020-08-31|bhxh_voluntary_change_participants|-2.778|seed000\n"
        "Đà Lạt|Lâm Đồng|2020-08-31|bhxh_compulsory_change_participants|-1.000|seed000\n"
        "Đà Lạt|Lâm Đồng|2020-08-31|bhxh_voluntary_participants|-5|seed000\n",
        encoding="utf-8")
    res = run(f)
    assert reasons(res) == [(4, "value", "negative count (bound: 0)")]
    assert sorted(res.clean["value"].tolist()) == [-2778.0, -1000.0]


def test_duplicate_in_conflict() -> None:
    res = run(BAD / "duplicate_conflict.csv")
    got = reasons(res)
    assert [(r, c) for r, c, _ in got] == [(2, "value"), (3, "value")]
    assert all("duplicate in conflict" in why and "2 3" in why for _, _, why in got)
    assert res.clean["indicator"].tolist() == ["bhxh_voluntary_participants"]


def test_implied_populations_disagree() -> None:
    res = run(BAD / "implied_population_conflict.csv")
    assert res.rejected.empty
    conf = res.conflicts
    assert conf["check"].tolist() == ["derived_vs_derived:population"]
    assert not res.ok


def test_missing_required_column(tmp_path: Path) -> None:
    f = tmp_path / "nocols.csv"
    f.write_text("place,date,value\nĐà Lạt,2020-07-31,1\n", encoding="utf-8")
    res = run(f)
    assert {c for _, c, _ in reasons(res)} == {"geo_name", "as_of", "indicator"}
    assert res.clean.empty and not res.ok


# -------------------------------------------------------------- the command


GOOD = (
    "geo_name|parent|as_of|indicator|value|source_id\n"
    "Đà Lạt|Lâm Đồng|2020-07-31|bhyt_participants|190.863|seed000\n"
    "Đà Lạt|Lâm Đồng|2020-07-31|bhyt_coverage_pct|83,23%|seed000\n"
    "Đà Lạt|Lâm Đồng|2020-07-31|bhyt_shortfall_pp|6,77|seed000\n"
    "Đà Lạt|Lâm Đồng|2020-07-31|bhyt_shortfall_participants|15.524|seed000\n"
    "U Minh Thượng||2020-05-31|bhxh_voluntary_new_participants|366|seed001\n"
    "U Minh Thượng||2020-05-31|bhxh_voluntary_attainment_pct|150%|seed001\n"
    "U Minh Thượng||2020-12-31|bhxh_voluntary_plan_new_participants|244|seed001\n"
)


def test_cli_good_file_exits_0(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(data, ["check", str(f)])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output
    for kind in ("clean", "rejected", "consistency"):
        assert (tmp_path / f"mine.{kind}.csv").exists()
    clean = pd.read_csv(tmp_path / "mine.clean.csv")
    assert len(clean) == 7
    cons = pd.read_csv(tmp_path / "mine.consistency.csv")
    assert set(cons["status"]) == {"ok"} and len(cons) >= 2
    assert pd.read_csv(tmp_path / "mine.rejected.csv").empty


def test_cli_conflict_exits_1_with_out_dir(tmp_path: Path) -> None:
    src = tmp_path / "in" / "implied_population_conflict.csv"
    src.parent.mkdir()
    shutil.copy(BAD / "implied_population_conflict.csv", src)
    out = tmp_path / "out"
    result = CliRunner().invoke(data, ["check", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "CONFLICT" in result.output and "population" in result.output
    cons = pd.read_csv(out / "implied_population_conflict.consistency.csv")
    assert "conflict" in set(cons["status"])
    assert not (src.parent / "implied_population_conflict.clean.csv").exists()


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.csv")
                                        if ".clean." not in p.name))
def test_cli_every_bad_file_exits_1(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(data, ["check", str(BAD / name), "--out", str(tmp_path),
                                       "--format", "json"])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.output)
    assert payload["ok"] is False
    assert payload["problems"] or payload["conflicts"]
    rejected = pd.read_csv(tmp_path / f"{Path(name).stem}.rejected.csv")
    assert list(rejected.columns) == usercheck.REJECTED_COLUMNS
    assert len(rejected) == len(payload["problems"])


def test_cli_rejected_rows_name_file_row_column(tmp_path: Path) -> None:
    result = CliRunner().invoke(data, ["check", str(BAD / "negative_count.csv"),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{BAD / 'negative_count.csv'}:3: value='-8.475': negative count" in result.output


def test_real_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("bhxh_analysis.geo")
    monkeypatch.undo()  # use the real registry
    f = tmp_path / "mine.csv"
    f.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(data, ["check", str(f)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(data, ["check", str(BAD / "unknown_place.csv"),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 1 and "Atlantis" in result.output


# -------------------------------------------------------------- detection helpers


def test_detect_encoding_order() -> None:
    text = "geo_name,as_of\nĐà Lạt,2020-07-31\n"
    assert usercheck.detect_encoding(text.encode("utf-8")) == "utf-8"
    assert usercheck.detect_encoding(text.encode("utf-8-sig")) == "utf-8-sig"
    assert usercheck.detect_encoding(text.encode("utf-16")) == "utf-16"
    assert usercheck.detect_encoding(text.encode("utf-16-le")) == "utf-16-le"
    assert usercheck.detect_encoding(text.encode("utf-16-be")) == "utf-16-be"
    assert usercheck.detect_encoding("Lâm Đông".encode("cp1258")) == "cp1258"
    # 0x81 is undefined in Windows-1258 (and invalid UTF-8): Latin-1 always decodes.
    assert usercheck.detect_encoding(b"abc\x81def") == "latin-1"


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_sniff_delimiter(sep: str) -> None:
    lines = ["geo_name", "as_of", "indicator", "value"]
    body = ["Đà Lạt", "2020-07-31", "bhyt_coverage_pct", "83,23"]
    text = sep.join(lines) + "\n" + sep.join(body) + "\n"
    assert usercheck.sniff_delimiter(text) == sep


def test_tab_separated_english_file_exits_0(tmp_path: Path) -> None:
    f = tmp_path / "national.tsv"
    f.write_text(
        "geo_name\tas_of\tindicator\tvalue\tsource_id\n"
        "Việt Nam\tDec 2020\tbhxh_participants\t16.16 M\tvietnamplus-194761\n"
        "Việt Nam\t2020-12-31\tbhxh_coverage_pct\t32.7%\tvietnamplus-194761\n",
        encoding="utf-16")
    res = run(f)
    assert res.ok, res.summary()
    assert (res.delimiter, res.number_format, res.encoding) == ("\t", "en", "utf-16")
    lf = res.derived[res.derived["indicator"] == "labour_force"]["value"]
    assert lf.iloc[0] == pytest.approx(16.16e6 / 0.327)


def test_cli_outputs_neutralise_formula_cells(tmp_path: Path) -> None:
    # Cells a spreadsheet would run as formulas (OWASP CSV injection) are written as text
    # (a leading "'") in every output of data check; real numbers stay numbers.
    f = tmp_path / "formulas.csv"
    f.write_text(
        "geo_name|parent|as_of|indicator|value|source_id|note\n"
        "Đà Lạt|Lâm Đồng|2020-07-31|bhyt_participants|190.863|+cmd|=HYPERLINK(1)\n"
        "@SUM(A1)|Lâm Đồng|2020-07-31|bhyt_participants|1.000|seed000|ok\n"
        "Đà Lạt|Lâm Đồng|2020-08-31|bhyt_change_participants|-1.000|seed000|\n",
        encoding="utf-8")
    # "|" separates cells, so the source is "+cmd" and the note "=HYPERLINK(1)".
    CliRunner().invoke(data, ["check", str(f), "--out", str(tmp_path)])
    written = {k: (tmp_path / f"formulas.{k}.csv").read_text(encoding="utf-8")
               for k in ("clean", "rejected")}
    everything = "\n".join(written.values())
    for cell in ("=HYPERLINK(1)", "+cmd", "@SUM(A1)"):
        assert cell in everything  # the cell is there ...
    clean = pd.read_csv(tmp_path / "formulas.clean.csv", dtype=str, keep_default_na=False)
    rejected = pd.read_csv(tmp_path / "formulas.rejected.csv", dtype=str,
                           keep_default_na=False)
    cells = [*clean.to_numpy().ravel(), *rejected.to_numpy().ravel()]
    risky = [c for c in cells if c[:1] in ("=", "+", "@")]
    assert risky == []  # ... but never at the start of a cell
    assert "'+cmd" in set(clean["source_id"])
    assert "'@SUM(A1)" in set(rejected["value"])
    assert "-1000" in set(clean["value"]) or "-1000.0" in set(clean["value"])


# -------------------------------------------------------------- scheme words


def test_a_note_naming_another_scheme_warns_and_keeps_the_row(tmp_path: Path) -> None:
    """Words naming compulsory BHXH beside a total-BHXH indicator (and the reverse) are a
    warning with file, row and both readings; the rows stay good."""
    f = tmp_path / "schemes.csv"
    f.write_text("geo_name,as_of,indicator,value,note\n"
                 "Lâm Đồng,2023-12-31,bhxh_attainment_pct,100.3%,Compulsory BHXH vs plan\n"
                 "Lâm Đồng,2023-12-31,bhxh_compulsory_participants,30000,"
                 "compulsory and voluntary together\n"
                 "Lâm Đồng,2023-12-31,bhxh_voluntary_participants,9000,BHXH tự nguyện\n"
                 "Lâm Đồng,2023-12-31,bhtn_participants,25000,the BHYT figure is not added\n",
                 encoding="utf-8")
    res = run(f)
    assert res.ok and len(res.clean) == 4
    first, second = res.warnings
    assert first.startswith(f"{f}: row 2: indicator bhxh_attainment_pct reads total BHXH")
    assert "note names compulsory BHXH" in first
    assert second.startswith(f"{f}: row 3: indicator bhxh_compulsory_participants reads "
                             "compulsory BHXH") and "names total BHXH" in second
    assert "WARNING" in res.summary() and "2 warning(s)" in res.summary()
    assert res.to_dict()["warnings"] == res.warnings
