"""Issue 13 points 1-3: per-value number reading, plausibility bounds, CSV structure.

Each bad file in ``tests/data/bad`` is checked for the file, row, column and reason it
must produce, and for the good rows it must keep. Places resolve through the stand-in
registry of ``test_usercheck.py``; population comes from a small frame given here, so the
tests do not depend on a build.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from test_usercheck import BAD, TODAY, fake_resolve

from bhxh_analysis import check_frame, plausibility, usercheck, userplaces
from bhxh_analysis.clean import read_value, read_values, value_kind

DENOMS = pd.DataFrame({
    "kind": ["population", "population", "labour_force"],
    "geo_code": ["68", "VN", "68"], "geo_level": ["province", "nation", "province"],
    "boundaries": ["legacy"] * 3, "province_2025": ["Lâm Đồng", "Việt Nam", "Lâm Đồng"],
    "year": [2020, 2020, 2016], "value": [1_300_000.0, 97_600_000.0, 760_000.0],
    "source_id": ["gso-pop", "gso-pop", "gso-lf"],
})


@pytest.fixture(autouse=True)
def _fake_geo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usercheck, "default_geo",
                        lambda: userplaces.geo_from_resolver(fake_resolve))


def run(source, **kw) -> usercheck.CheckResult:
    return usercheck.check_file(source, today=TODAY, denominators=DENOMS, **kw)


def problems(res: usercheck.CheckResult) -> list[tuple[int, str, str]]:
    return [(int(r.row), r.column, r.reason) for r in res.rejected.itertuples()]


# ------------------------------------------------------------- per-value reading


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("61.649", "count", 61649), ("92.5", "pct", 92.5), ("83,23%", "pct", 83.23),
    ("551,000", "count", 551000), ("1.000", "count", 1000), ("190863.0", "count", 190863),
    ("1,12 triệu", "count", 1.12e6), ("16.16 M", "count", 16.16e6), ("92.500", "pct", 92.5),
    ("485,9 ngàn", "count", 485900), ("trên 1.000 người", "count", 1000),
])
def test_read_value_by_its_own_evidence(text: str, kind: str, value: float) -> None:
    got, reason = read_value(text, kind)
    assert reason == ""
    assert got == pytest.approx(value)


def test_ambiguous_value_names_both_readings() -> None:
    got, reason = read_value("1.234 triệu", "count")
    assert got != got  # NaN
    assert "1,234,000,000" in reason and "1,234,000" in reason


def test_declared_format_that_does_not_fit_is_refused() -> None:
    out = read_values(pd.Series(["61.649", "61.649"]), "count", pd.Series(["en", "vi"]))
    assert out["value"].isna().iloc[0] and "61,649" in out["reason"].iloc[0]
    assert out["value"].iloc[1] == 61649


def test_value_kind() -> None:
    kinds = value_kind(pd.Series(["bhyt_coverage_pct", "bhyt_shortfall_pp", "population"]))
    assert kinds.tolist() == ["pct", "pct", "count"]


def test_no_file_wide_vote() -> None:
    # One English decimal (92.5) and a Vietnamese count (61.649) in the same file.
    res = run(BAD / "persons_and_english_pct.csv")
    vals = res.clean.set_index("indicator")["value"]
    assert vals["bhyt_coverage_pct"] == 92.5
    assert vals["bhyt_participants"] == 61649
    [(row, col, why)] = problems(res)
    assert (row, col) == (4, "value") and "ambiguous" in why


# ------------------------------------------------------------------ plausibility


def test_two_billion_participants_refused_with_the_population_used() -> None:
    res = run(BAD / "two_billion_participants.csv")
    [(row, col, why)] = problems(res)
    assert (row, col) == (2, "value")
    assert "population of Lâm Đồng 1,300,000 in 2020" in why and "bound" in why
    assert res.clean["indicator"].tolist() == ["bhyt_coverage_pct"]


def test_labour_force_bounds_bhxh_and_the_ceiling_without_data() -> None:
    text = ("geo_name,as_of,indicator,value\n"
            "Lâm Đồng,2023-12-31,bhxh_participants,1.000.000\n"
            "Lâm Đồng,2023-12-31,bhyt_participants,1.000.000\n")
    res = run(io.StringIO(text))
    [(row, col, why)] = problems(res)
    assert row == 2 and "labour force of Lâm Đồng 760,000 in 2016" in why
    empty = usercheck.check_file(io.StringIO(text.replace("1.000.000", "200.000.000")),
                                 today=TODAY, denominators=DENOMS.iloc[0:0])
    assert {r for r, _, _ in problems(empty)} == {2, 3}
    assert "population of Vietnam" in problems(empty)[0][2]


def test_count_bounds_tolerance_grows_with_age() -> None:
    rows = pd.DataFrame({"geo_code": ["68", "68"], "geo_name": ["Lâm Đồng"] * 2,
                         "geo_level": ["province"] * 2, "boundaries": ["legacy"] * 2,
                         "province_code": ["68"] * 2, "province_2025": ["Lâm Đồng"] * 2,
                         "as_of": pd.to_datetime(["2020-12-31", "2024-12-31"]),
                         "indicator": ["bhyt_participants"] * 2})
    b = plausibility.count_bounds(rows, DENOMS)["bound"]
    assert b.iloc[0] == pytest.approx(1_300_000 * 1.05)
    assert b.iloc[1] == pytest.approx(1_300_000 * (1.05 + 4 * 0.03))


def test_coverage_over_100_names_the_bound(tmp_path: Path) -> None:
    res = run(io.StringIO("geo_name,as_of,indicator,value\n"
                          "Lâm Đồng,2023-12-31,bhyt_coverage_pct,101\n"
                          "Lâm Đồng,2023-12-31,bhyt_attainment_pct,101\n"))
    [(row, _, why)] = problems(res)
    assert row == 2 and "0–100" in why


# ---------------------------------------------------------------- CSV structure


@pytest.mark.parametrize(("name", "row", "column", "words", "good"), [
    ("unquoted_decimal_comma.csv", 3, "value", "unquoted decimal comma", 1),
    ("unclosed_quote.csv", 2, "(line)", "quote opened on line 2", 2),
    ("huge_cell.csv", 3, "(line)", "longer than 10,000", 2),
    ("nul_byte.csv", 3, "(line)", "NUL byte", 2),
    ("utf8_one_cp1258_line.csv", 3, "(line)", "not valid UTF-8", 2),
    ("duplicate_header.csv", 1, "(header)", "duplicate column name(s) in the header: value", 0),
    ("header_only.csv", 1, "(file)", "header only", 0),
])
def test_structure_problem_named_good_rows_kept(name: str, row: int, column: str,
                                                 words: str, good: int) -> None:
    res = run(BAD / name)
    [(r, c, why)] = problems(res)
    assert (r, c) == (row, column)
    assert words in why
    assert len(res.clean) == good
    assert not res.ok


def test_utf8_file_with_one_bad_line_keeps_its_good_rows_intact() -> None:
    res = run(BAD / "utf8_one_cp1258_line.csv")
    assert res.encoding == "utf-8"
    assert res.clean["geo_name_raw"].tolist() == ["Lâm Đồng", "Đà Lạt"]


def test_own_clean_output_can_be_checked_again(tmp_path: Path) -> None:
    first = run(BAD / "persons_and_english_pct.csv")
    paths = first.write(tmp_path)
    again = run(paths["clean"])
    assert again.rejected.empty, again.summary()
    assert again.clean["value"].tolist() == first.clean["value"].tolist()


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.csv"
    f.write_bytes(b"")
    [(row, col, why)] = problems(run(f))
    assert (row, col) == (1, "(file)") and "empty" in why


@pytest.mark.parametrize("eol", [b"\r", b"\r\n", b"\n"])
def test_any_line_ending_is_read(tmp_path: Path, eol: bytes) -> None:
    # "CSV (Macintosh)" ends lines with a lone CR; it stopped the CSV parser with
    # "new-line character seen in unquoted field" instead of being read.
    lines = ["geo_name,as_of,indicator,value", "Lâm Đồng,2020-06-30,bhyt_participants,1.229.935",
             'Lâm Đồng,2020-06-30,bhyt_coverage_pct,"90,44"']
    f = tmp_path / "mine.csv"
    f.write_bytes(eol.join(s.encode("utf-8") for s in lines) + eol)
    res = run(f)
    assert res.rejected.empty, res.summary()
    assert res.clean["value"].tolist() == [1229935, 90.44]
    assert res.clean["row"].tolist() == [2, 3]


def test_a_workbook_is_refused_in_one_line(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["geo_name", "as_of", "indicator", "value"])
    f = tmp_path / "mine.csv"  # a workbook whatever its name says
    wb.save(f)
    [(row, col, why)] = problems(run(f))
    assert (row, col) == (1, "(file)")
    assert "spreadsheet workbook" in why and "bhxh data add" in why


# ------------------------------------------------------------- in-memory checks


def test_check_file_accepts_a_stringio() -> None:
    res = run(io.StringIO("geo_name,as_of,indicator,value\nLâm Đồng,2023-12-31,"
                          "bhyt_coverage_pct,\"92,1\"\n"))
    assert res.ok and res.clean["value"].tolist() == [92.1]


def test_check_frame_same_result_as_the_file(tmp_path: Path) -> None:
    df = pd.DataFrame({"geo_name": ["Lâm Đồng", "Lâm Đồng", "Đà Lạt"],
                       "as_of": pd.to_datetime(["2023-12-31"] * 3),
                       "indicator": ["bhyt_coverage_pct", "bhyt_participants",
                                     "bhyt_participants"],
                       "value": [92.5, 2e9, 61649.0], "parent": ["", "", "Lâm Đồng"]},
                      index=[10, 11, 12])
    res = check_frame(df, source_id="mine", today=TODAY, denominators=DENOMS)
    assert res.file == "<DataFrame>"
    assert [(r, c) for r, c, _ in problems(res)] == [(11, "value")]
    assert res.clean["value"].tolist() == [92.5, 61649.0]
    assert set(res.clean["source_id"]) == {"mine"}
    f = tmp_path / "same.csv"
    df.assign(as_of="2023-12-31").to_csv(f, index=False)
    from_file = run(f)
    assert from_file.clean["value"].tolist() == res.clean["value"].tolist()
