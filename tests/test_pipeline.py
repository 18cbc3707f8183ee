"""Tests of bhxh_analysis.pipeline steps on small frames (the full build: test_observations)."""

from __future__ import annotations

import pandas as pd

from bhxh_analysis.pipeline import check_counts


def _obs(rows: list[tuple]) -> pd.DataFrame:
    cols = ["obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
            "province_2025", "province_code", "as_of", "indicator", "value", "unit",
            "value_raw", "_file", "_row"]
    obs = pd.DataFrame(rows, columns=cols)
    obs["as_of"] = pd.to_datetime(obs["as_of"])
    return obs


LAM_DONG = ("68", "Lâm Đồng", "province", "legacy", "Lâm Đồng", "68")


def test_a_count_above_the_population_is_rejected_naming_the_bound():
    obs = _obs([
        ("pop", "gso", *LAM_DONG, "2022-07-01", "population", 1_332_500.0, "persons",
         "1.332,5", "gso/pop.csv", 40),
        ("ok", "s1", *LAM_DONG, "2024-12-31", "bhyt_participants", 1_200_000.0, "persons",
         "1.200.000", "curated/x.csv", 2),
        ("huge", "s1", *LAM_DONG, "2024-12-31", "bhyt_participants", 2e9, "persons",
         "2 tỷ", "curated/x.csv", 3),
        ("pct", "s1", *LAM_DONG, "2024-12-31", "bhyt_coverage_pct", 92.5, "pct",
         "92,5%", "curated/x.csv", 4),
        ("change", "s1", *LAM_DONG, "2024-12-31", "bhyt_change_participants", -5000.0,
         "persons", "-5.000", "curated/x.csv", 5),
    ])
    kept, rej = check_counts(obs)
    assert sorted(kept["obs_id"]) == ["change", "ok", "pct", "pop"]
    assert rej[["file", "row", "column", "value"]].values.tolist() == [
        ["curated/x.csv", 3, "value_raw", "2 tỷ"]]
    reason = rej["reason"].iloc[0]
    assert "2,000,000,000" in reason
    assert "population of Lâm Đồng 1,332,500 in 2022" in reason and "bound" in reason


def test_labour_force_bounds_bhxh_where_known():
    obs = _obs([
        ("pop", "gso", *LAM_DONG, "2016-07-01", "population", 1_300_000.0, "persons",
         "1300.0", "gso/pop.csv", 40),
        ("lf", "gso", *LAM_DONG, "2016-07-01", "labour_force_15plus", 700_000.0, "persons",
         "700.0", "gso/lf.csv", 40),
        ("bhxh", "s1", *LAM_DONG, "2016-12-31", "bhxh_participants", 900_000.0, "persons",
         "900.000", "curated/x.csv", 2),
        ("bhyt", "s1", *LAM_DONG, "2016-12-31", "bhyt_participants", 900_000.0, "persons",
         "900.000", "curated/x.csv", 3),
    ])
    kept, rej = check_counts(obs)
    assert rej["row"].tolist() == [2]
    assert "labour force of Lâm Đồng 700,000" in rej["reason"].iloc[0]
    assert "bhyt" in set(kept["obs_id"])


# -- scheme words: a warning, never a rejection --------------------------------------------

SCHEME_CASES = [
    # indicator, value_raw, note, the scheme the words name ("" = no warning)
    ("bhxh_attainment_pct", "100.07%", "Compulsory BHXH vs plan issued by VSS",
     "compulsory BHXH"),
    ("bhxh_coverage_pct", "32.6%", "COMPULSORY participants as % of workforce "
     "(excludes voluntary)", "compulsory BHXH"),
    ("bhxh_coverage_pct", "10,5%", "tỷ lệ tham gia BHXH bắt buộc", "compulsory BHXH"),
    ("bhxh_participants", "12.306", "compulsory and voluntary together", ""),
    ("bhxh_participants", "266.646", "compulsory; voluntary BHXH began in 2008", ""),
    ("bhxh_compulsory_participants", "13.68 M", "below compulsory plus voluntary", ""),
    ("bhxh_compulsory_participants", "30.000", "compulsory and voluntary together",
     "total BHXH (compulsory and voluntary)"),
    ("bhxh_voluntary_participants", "9.287", "voluntary BHXH", ""),
    ("bhxh_compulsory_attainment_pct", "95.2%", "compulsory (not total BHXH)", ""),
    ("bhyt_participants", "296.050", "BHYT hộ gia đình", "household BHYT"),
    ("bhyt_household_participants", "296.050", "BHYT hộ gia đình", ""),
    ("bhtn_participants", "gần 13,3 triệu", "the page's BHYT figure is not added", ""),
    ("population", "1.300", "compulsory", ""),
    # words about the page's figures that were not added name no scheme of this row
    # (tapchitaichinh-14844857-003: the voluntary count, the total and compulsory left out)
    ("bhxh_voluntary_participants", "1.182.774", "as of 6 September 2021; the page's BHXH "
     "total (14.844.857) and compulsory count (13.662.083) are not added: below the VSS "
     "counts (about 16 M; 14.7 M compulsory), another basis", ""),
    ("bhxh_voluntary_participants", "1.182.774", "the page's compulsory count (13.662.083) "
     "không được nhập", ""),
    # controls: the row's own words still count beside a clause or bracket not added
    ("bhxh_coverage_pct", "20%", "compulsory only; the page's increase is not added",
     "compulsory BHXH"),
    ("bhxh_coverage_pct", "20%", "compulsory only (the page's 2019 figure is not added)",
     "compulsory BHXH"),
]


def test_scheme_words_against_the_indicator():
    from bhxh_analysis.plausibility import scheme_mismatches

    rows = pd.DataFrame(SCHEME_CASES, columns=["indicator", "value_raw", "note", "reads"])
    found = scheme_mismatches(rows)
    expected = rows[rows["reads"].ne("")]
    assert found.index.tolist() == expected.index.tolist()
    assert found["text_reads"].tolist() == expected["reads"].tolist()
    assert found["column"].eq("note").all()


def test_the_build_warns_naming_file_row_and_both_readings():
    from bhxh_analysis.pipeline import scheme_notes

    obs = _obs([
        ("a", "s1", *LAM_DONG, "2023-12-31", "bhxh_attainment_pct", 100.3, "pct", "100.3%",
         "curated/x.csv", 3),
        ("b", "s1", *LAM_DONG, "2023-12-31", "bhxh_compulsory_attainment_pct", 100.3, "pct",
         "100.3%", "curated/x.csv", 4),
    ]).assign(note=["Compulsory BHXH vs 2023 target", "Compulsory BHXH vs 2023 target"])
    [note] = scheme_notes(obs)
    assert note.startswith("data/raw/curated/x.csv: row 3: indicator bhxh_attainment_pct "
                           "reads total BHXH (compulsory and voluntary), but its note names "
                           "compulsory BHXH")
    many = pd.concat([obs.iloc[[0]]] * 5, ignore_index=True)
    assert len(scheme_notes(many, limit=2)) == 3 and "3 more" in scheme_notes(many, limit=2)[-1]
