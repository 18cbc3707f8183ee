"""Tests of bhxh_analysis.sources.gso: reading GSO table exports (wide, year headers)."""

from __future__ import annotations

import math
import unicodedata

import pandas as pd
import pytest

from bhxh_analysis.clean import ParseError
from bhxh_analysis.config import raw_dir
from bhxh_analysis.sources import gso
from bhxh_analysis.sources.gso import (
    parse_year_header,
    read_gso_export,
    read_gso_export_with_errors,
)

GSO = raw_dir() / "gso"
POP_1995 = GSO / "average_population_by_province_1995-2016.csv"
LABOUR = GSO / "labour_force_by_province_2005-2016.csv"
POP_2018 = GSO / "population_by_province_2018-2022.csv"
INSURED = GSO / "insured_persons_national_2010-2015.csv"

# ----------------------------------------------------------------------- GSO exports


def test_parse_year_header():
    assert parse_year_header("Total 1995") == ("Total", 1995, False)
    assert parse_year_header("Male Prel. 2016") == ("Male", 2016, True)
    assert parse_year_header("Prel. 2016") == ("Total", 2016, True)
    assert parse_year_header("2005") == ("Total", 2005, False)
    assert parse_year_header("Dân số trung bình (Nghìn người) 2018") == (
        "Dân số trung bình (Nghìn người)",
        2018,
        False,
    )
    with pytest.raises(ParseError):
        parse_year_header("Cities, provincies")


def _check_frame(df: pd.DataFrame) -> None:
    assert list(df.columns) == gso.GSO_COLUMNS
    assert df["row"].dtype == "int64" and df["year"].dtype == "int64"
    assert df["value"].dtype == "float64"
    assert df["preliminary"].dtype == bool and df["is_aggregate"].dtype == bool
    assert not df.duplicated(["row", "series", "year"]).any()
    assert df["row"].is_monotonic_increasing


def test_gso_population_1995_2016():
    df, errors = read_gso_export_with_errors(POP_1995)
    _check_frame(df)
    assert errors.empty
    # 71 place rows (nation, 6 regions, 63 provinces + Hà Tây) x 5 series x 22 years.
    assert df["row"].nunique() == 71 and len(df) == 71 * 5 * 22
    assert set(df["series"]) == {"Total", "Male", "Female", "Urban", "Rural"}
    assert df["title"].iloc[0].startswith("Average population by province")
    assert df["file"].iloc[0] == "gso/average_population_by_province_1995-2016.csv"
    prel = df[df["preliminary"]]
    assert set(prel["year"]) == {2016} and len(prel) == 71 * 5
    assert not df.loc[df["year"] == 2016, "preliminary"].eq(False).any()
    whole = df[(df["name"] == "WHOLE COUNTRY") & (df["series"] == "Total") & (df["year"] == 1995)]
    assert whole["value"].tolist() == [71995.5]
    assert whole["name_raw"].tolist() == [" WHOLE COUNTRY"]
    assert whole["row"].tolist() == [4]
    ha_tay = df[(df["name"] == "Ha Tay") & (df["series"] == "Total")]
    assert ha_tay.loc[ha_tay["year"] > 2007, "value"].isna().all()
    assert ha_tay.loc[ha_tay["year"] <= 2007, "value"].notna().all()


def test_gso_labour_force():
    df, errors = read_gso_export_with_errors(LABOUR)
    _check_frame(df)
    assert errors.empty
    assert df["row"].nunique() == 71 and len(df) == 71 * 11
    assert set(df["series"]) == {"Total"}
    assert sorted(df["year"].unique()) == [2005, *range(2007, 2017)]
    assert df.loc[df["year"] == 2016, "preliminary"].all()
    assert not df.loc[df["year"] < 2016, "preliminary"].any()
    aggregates = sorted(df.loc[df["is_aggregate"], "name"].unique())
    assert aggregates == sorted(
        [
            "WHOLE COUNTRY",
            "Red River Delta",
            "Northern midlands and mountain areas",
            "Northern Central area and Central coastal area",
            "Central Highlands",
            "South East",
            "Mekong River Delta",
        ]
    )
    assert df.loc[~df["is_aggregate"], "name"].nunique() == 64  # 63 provinces + Hà Tây
    # Double spaces are kept in name_raw and collapsed in name.
    quang_nam = df[df["name"] == "Quang Nam"]
    assert set(quang_nam["name_raw"]) == {"Quang  Nam"}
    ha_tay = df[df["name"] == "Ha Tay"].set_index("year")["value"]
    assert ha_tay[2005] == 1571.7 and ha_tay[2007] == 1575.2
    assert ha_tay[ha_tay.index > 2007].isna().all()


def test_gso_population_2018_2022_vietnamese_format():
    df, errors = read_gso_export_with_errors(POP_2018)
    _check_frame(df)
    assert errors.empty
    assert df.attrs["number_format"] == "vi"
    assert df["row"].nunique() == 63 and df["name"].nunique() == 63
    assert not df["is_aggregate"].any()
    assert df["title"].isna().all()
    pop = df[df["series"] == "Dân số trung bình (Nghìn người)"]
    assert len(pop) == 63 * 5
    assert set(df["series"]) == {"Dân số trung bình (Nghìn người)", "Mật độ dân số (Người/km2)"}
    hanoi = pop[(pop["name"] == "Hà Nội") & (pop["year"] == 2018)]
    assert hanoi["value"].tolist() == [7914.5]
    assert hanoi["row"].tolist() == [2]
    # GSO national total for 2018 (README): 95,385.2 thousand.
    assert pop.loc[pop["year"] == 2018, "value"].sum() == pytest.approx(95385.2, abs=0.05)


def test_gso_insured_persons_indicator_table():
    df, errors = read_gso_export_with_errors(INSURED)
    _check_frame(df)
    assert errors.empty
    assert df.attrs["layout"] == "indicators"
    assert df["row"].nunique() == 20 and len(df) == 20 * 5
    assert sorted(df["year"].unique()) == [2010, 2012, 2013, 2014, 2015]
    label = "Number of insured persons (Thous. persons) - Social insurance"
    si = df[df["series"] == label].set_index("year")["value"]
    assert si[2015] == 12290.5
    # Double space inside a label is collapsed in series/name but kept in name_raw.
    assert "Number of monthly social insurance beneficiaries (Thous. persons)" in set(df["series"])
    assert "Number of monthly social insurance  beneficiaries (Thous. persons)" in set(
        df["name_raw"]
    )


def test_read_gso_export_attaches_errors_and_concatenates():
    labour = read_gso_export(LABOUR)
    assert labour.attrs["errors"] == []
    population = read_gso_export(POP_1995)
    # attrs must stay comparable: pandas compares them in concat.
    both = pd.concat([labour, population], ignore_index=True)
    assert len(both) == len(labour) + len(population)


BAD_GSO = (
    '\ufeff"Synthetic table"\r\n'
    "\r\n"
    '"Cities, provincies";"Total 2015";"Total Prel. 2016";"Notes"\r\n'
    '" WHOLE COUNTRY";100.5;101.5;\r\n'
    '"Lam  Dong";12x;13.0;\r\n'
    '"Ha Tay";..;..;\r\n'
    '"Kon Tum";7.5\r\n'
    '"Da Nang";8.5;9.5;;extra\r\n'
)


def test_gso_bad_file_reports_cells_and_keeps_good_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(BAD_GSO.encode("utf-8"))
    df, errors = read_gso_export_with_errors(path)
    _check_frame(df)
    assert list(errors.columns) == gso.GSO_ERROR_COLUMNS
    assert (errors["file"] == "bad.csv").all()
    by_cell = {(r.row, r.column): r for r in errors.itertuples(index=False)}
    garbage = by_cell[(5, "Total 2015")]
    assert garbage.value == "12x" and "number" in garbage.reason
    assert (3, "Notes") in by_cell  # a column without a year is reported, not guessed
    assert (7, "Total Prel. 2016") in by_cell  # short row: the missing cell is reported
    assert (8, "(extra cells)") in by_cell
    # Good cells survive, including the good cell of the row with the garbage.
    got = df.set_index(["row", "year"])["value"]
    assert got[(4, 2015)] == 100.5 and got[(4, 2016)] == 101.5
    assert got[(5, 2016)] == 13.0
    assert (5, 2015) not in got.index
    assert got[(7, 2015)] == 7.5
    assert got[(8, 2015)] == 8.5 and got[(8, 2016)] == 9.5
    assert math.isnan(got[(6, 2015)])  # ".." is missing, not an error
    assert df.loc[df["row"] == 5, "name"].iloc[0] == "Lam Dong"
    assert df.loc[df["year"] == 2016, "preliminary"].all()
    assert df.loc[df["row"] == 4, "is_aggregate"].all()
    assert not df.loc[df["row"] != 4, "is_aggregate"].any()
    # Same result through read_gso_export.
    attached = pd.DataFrame(read_gso_export(path).attrs["errors"], columns=gso.GSO_ERROR_COLUMNS)
    assert attached.astype({"row": "int64"}).equals(errors.astype({"row": "int64"}))


def test_gso_vietnamese_export_with_nfd_names(tmp_path):
    text = (
        "Địa phương,Dân số trung bình (Nghìn người) 2018,Dân số trung bình (Nghìn người) 2019\n"
        f'{unicodedata.normalize("NFD", "Lâm Đồng")},"1.312,90","1.319,10"\n'
        'Cả nước,"95.385,20","96.484,00"\n'
        'Đồng bằng sông Hồng,"22.543,30",abc\n'
    )
    path = tmp_path / "vi.csv"
    path.write_text(text, encoding="utf-8")
    df, errors = read_gso_export_with_errors(path)
    assert df["name"].tolist()[:2] == ["Lâm Đồng", "Lâm Đồng"]
    assert df.loc[df["row"] == 2, "value"].tolist() == [1312.9, 1319.1]
    assert df.loc[df["row"] == 3, "value"].tolist() == [95385.2, 96484.0]
    assert df.groupby("row")["is_aggregate"].first().to_dict() == {2: False, 3: True, 4: True}
    assert errors[["row", "column", "value"]].values.tolist() == [
        [4, "Dân số trung bình (Nghìn người) 2019", "abc"]
    ]


def test_gso_empty_file_raises(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ParseError, match="empty.csv"):
        read_gso_export_with_errors(path)
