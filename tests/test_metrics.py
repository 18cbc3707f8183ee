"""Tests of bhxh_analysis.metrics: primitives, derivations from the seeds, consistency."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bhxh_analysis import metrics as M
from bhxh_analysis.schema import CONSISTENCY_COLUMNS, DERIVED_COLUMNS, OBSERVATION_COLUMNS

# Seed and national figures, hand-transcribed in the observations schema. Codes are
# the GSO codes (Lâm Đồng 68, Đà Lạt 672, Đức Trọng 679, Kon Tum 62, Kiên Giang 91,
# U Minh Thượng 906); only their equality matters here.
_ROWS = [
    # obs_id, source_id, geo_code, geo_name, level, as_of, indicator, value, value_raw, note
    ("seed000-03", "seed000", "672", "Đà Lạt", "district", "2020-07-31",
     "bhyt_participants", 190863, "190.863", ""),
    ("seed000-04", "seed000", "672", "Đà Lạt", "district", "2020-07-31",
     "bhyt_coverage_pct", 83.23, "83,23%", ""),
    ("seed000-05", "seed000", "672", "Đà Lạt", "district", "2020-07-31",
     "bhyt_shortfall_pp", 6.77, "6,77%", ""),
    ("seed000-06", "seed000", "672", "Đà Lạt", "district", "2020-07-31",
     "bhyt_shortfall_participants", 15524, "15.524", ""),
    ("seed000-07", "seed000", "672", "Đà Lạt", "district", "2020-07-31",
     "bhxh_voluntary_participants", 1091, "1.091", ""),
    ("seed000-08", "seed000", "672", "Đà Lạt", "district", "2020-07-31",
     "bhxh_voluntary_shortfall_participants", 1589, "1.589", ""),
    ("seed001-07", "seed001", "906", "U Minh Thượng", "district", "2020-05-31",
     "bhxh_voluntary_new_participants", 366, "366", ""),
    ("seed001-08", "seed001", "906", "U Minh Thượng", "district", "2020-05-31",
     "bhxh_voluntary_attainment_pct", 150, "150%", ""),
    ("seed001-09", "seed001", "906", "U Minh Thượng", "district", "2020-12-31",
     "bhxh_voluntary_plan_new_participants", 244, "244", ""),
    ("seed003-01", "seed003", "679", "Đức Trọng", "district", "2023-08-31",
     "bhxh_participants", 12306, "12.306", ""),
    ("seed003-02", "seed003", "679", "Đức Trọng", "district", "2023-08-31",
     "bhxh_coverage_pct", 10.65, "10,65%", ""),
    ("seed003-03", "seed003", "679", "Đức Trọng", "district", "2023-08-31",
     "bhyt_participants", 168596, "168.596", ""),
    ("seed003-04", "seed003", "679", "Đức Trọng", "district", "2023-08-31",
     "bhyt_coverage_pct", 86.88, "86,88%", ""),
    ("seed004-05", "seed004", "62", "Kon Tum", "province", "2020-06-30",
     "bhyt_participants", 485900, "485,9 ngàn", ""),
    ("seed004-06", "seed004", "62", "Kon Tum", "province", "2020-06-30",
     "bhyt_coverage_pct", 91, "91%", ""),
    ("seed004-08", "seed004", "62", "Kon Tum", "province", "2020-06-30",
     "bhxh_voluntary_participants", 4294, "4.294", ""),
    ("seed004-09", "seed004", "62", "Kon Tum", "province", "2020-06-30",
     "bhxh_voluntary_attainment_pct", 106.3, "106,3%", ""),
    ("seed004-10", "seed004", "62", "Kon Tum", "province", "2020-06-30",
     "bhxh_voluntary_change_participants", 1657, "1.657", ""),
    ("gso-pop-2020-62", "gso-pop-2018-2022", "62", "Kon Tum", "province", "2020-12-31",
     "population", 555640, "555,64", ""),
    ("nat-2020-01", "vietnamplus-194761", "VN", "Việt Nam", "nation", "2020-12-31",
     "bhxh_participants", 16.16e6, "16.16 M", ""),
    ("nat-2020-02", "vietnamplus-194761", "VN", "Việt Nam", "nation", "2020-12-31",
     "bhxh_coverage_pct", 32.7, "32.7%", ""),
    ("nat-2019-02", "sggp-85012", "VN", "Việt Nam", "nation", "2019-12-31",
     "bhxh_voluntary_participants", 551000, "551,000", ""),
    ("nat-2019-03", "vss-en-9220", "VN", "Việt Nam", "nation", "2019-12-31",
     "bhxh_voluntary_participants", 574000, "≈574,000", ""),
    ("nat-2022-13", "vss-en-10647", "VN", "Việt Nam", "nation", "2022-09-30",
     "bhxh_participants", 17.24e6, "17.24 M", ""),
    ("nat-2022-19", "sggp-102939", "VN", "Việt Nam", "nation", "2022-09-30",
     "bhxh_participants", 17.08e6, "17.08 M", ""),
    ("nat-2020-06", "seed004", "VN", "Việt Nam", "nation", "2020-06-30",
     "bhyt_participants", 86e6, "86 M", ""),
    ("seed004-02", "seed004", "VN", "Việt Nam", "nation", "2020-06-30",
     "bhyt_participants", 86e6, "86 triệu", ""),
]


def seed_obs() -> pd.DataFrame:
    """The figures above as an observations table (schema of docs/architecture.md)."""
    df = pd.DataFrame(_ROWS, columns=["obs_id", "source_id", "geo_code", "geo_name",
                                      "geo_level", "as_of", "indicator", "value",
                                      "value_raw", "note"])
    df["boundaries"] = "legacy"
    df["province_2025"] = np.where(df["geo_code"] == "VN", "Việt Nam", "Lâm Đồng")
    df["geo_name_raw"] = df["geo_name"]
    df["as_of_raw"] = df["as_of"]
    df["unit"] = np.where(df["indicator"].str.endswith("_pct"), "pct", "persons")
    df["preliminary"] = False
    df["value"] = df["value"].astype(float)
    return df[OBSERVATION_COLUMNS]


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    return seed_obs()


@pytest.fixture(scope="module")
def derived(obs: pd.DataFrame) -> pd.DataFrame:
    return M.derive(obs)


@pytest.fixture(scope="module")
def checks(obs: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    return M.check_consistency(obs, derived)


def pick(derived: pd.DataFrame, name: str, indicator: str, as_of: str,
         method_part: str = "") -> pd.DataFrame:
    sel = derived[(derived["geo_name"] == name) & (derived["indicator"] == indicator)
                  & (derived["as_of"] == as_of) & derived["method"].str.contains(method_part)]
    assert len(sel) >= 1, (name, indicator, as_of, method_part)
    return sel


# ---------------------------------------------------------------- primitives


def test_primitives_scalars_and_arrays() -> None:
    assert M.coverage(190863, 229320) == pytest.approx(83.23, abs=0.005)
    assert M.attainment(366, 244) == 150.0
    assert M.shortfall(1091, 2680) == 1589.0
    assert M.shortfall_pp(83.23, 90) == pytest.approx(6.77)
    assert M.distance_to_target(93.35, 95) == pytest.approx(1.65)
    assert M.yoy_change(1.12e6, 551000) == 569000
    assert M.yoy_growth(110, 100) == pytest.approx(10)
    arr = M.coverage(np.array([50.0, 10.0]), np.array([100.0, 0.0]))
    assert arr[0] == 50 and math.isnan(arr[1])
    s = M.attainment(pd.Series([1.0, 3.0]), pd.Series([2.0, 4.0]))
    assert isinstance(s, pd.Series) and s.tolist() == [50.0, 75.0]


def test_pace_required_rules() -> None:
    # 31 July → 153 days left of 365 → 5.03 months; (206387 − 190863) ÷ 5.03.
    months = M.months_remaining("2020-07-31")
    assert months == pytest.approx(153 / (366 / 12))
    assert M.pace_required(190863, 206387, "2020-07-31") == pytest.approx(15524 / months)
    assert M.months_remaining("2020-12-31") == 0
    assert math.isinf(M.pace_required(10, 20, "2020-12-31"))
    assert M.pace_required(30, 20, "2020-12-31") == 0
    assert M.pace_required(30, 20, "2020-06-30") == 0
    arr = M.pace_required([0, 0], [12, np.nan], ["2021-11-30", "2021-11-30"])
    assert arr[0] == pytest.approx(12 / (31 / (365 / 12))) and math.isnan(arr[1])


def test_figure_bounds_from_printed_rounding() -> None:
    df = pd.DataFrame({
        "value": [190863, 83.23, 485900, 16.16e6, 574000, 86e6, 90, 17e3, 12.5],
        "value_raw": ["190.863", "83,23%", "485,9 ngàn", "16.16 M", "≈574,000", "86 triệu",
                      "90%", "17.000", ""],
        "qualifier": ["", "", "", "", "", "", "gần", "trên", ""],
    })
    b = M.figure_bounds(df)
    below, above = df["value"] - b["lo"], b["hi"] - df["value"]
    # Rounded or truncated: half a printed unit below, a whole unit above ...
    assert below[1] == pytest.approx(0.005) and above[1] == pytest.approx(0.01)
    assert below[2] == pytest.approx(50) and above[2] == pytest.approx(100)  # 485,9 ngàn
    assert below[3] == pytest.approx(5000) and above[3] == pytest.approx(10000)
    assert below[5] == pytest.approx(0.5e6) and above[5] == pytest.approx(1e6)
    # ... except a count printed to the person, which nothing truncated.
    assert below[0] == pytest.approx(0.5) and above[0] == pytest.approx(0.5)
    assert b["half_unit"].tolist()[:4] == pytest.approx([0.5, 0.005, 50, 5000])
    assert b.loc[4, "lo"] == pytest.approx(574000 * 0.98)  # ≈ widens by 2 %
    assert b.loc[4, "qualifier"] == "≈"
    assert b.loc[6, "hi"] == pytest.approx(91) and b.loc[6, "lo"] == pytest.approx(85.5)
    assert b.loc[7, "lo"] == pytest.approx(16999.5) and b.loc[7, "hi"] == pytest.approx(18700)
    # no value_raw: decimals of the value
    assert below[8] == pytest.approx(0.05) and above[8] == pytest.approx(0.1)


def test_a_truncated_percentage_is_no_conflict() -> None:
    """Ninh Thuận 2019: 546,613 ÷ 538,796 = 101.45 %, printed "101,4 %" (truncated).

    Before: both the attainment and the plan it implies were called conflicts.
    """
    rows = [("nt-1", "bhyt_participants", 546613.0, "546.613"),
            ("nt-2", "bhyt_plan_participants", 538796.0, "538.796"),
            ("nt-3", "bhyt_attainment_pct", 101.4, "101,4%")]
    obs = pd.DataFrame(
        [{"obs_id": i, "source_id": "ninhthuan", "geo_code": "58", "geo_name": "Ninh Thuận",
          "geo_level": "province", "boundaries": "legacy", "as_of": "2019-12-31",
          "indicator": ind, "value": v, "value_raw": raw} for i, ind, v, raw in rows])
    c = M.check_consistency(obs)
    assert len(c) >= 2 and (c["status"] == "ok").all(), c[["check", "implied_values"]]
    # A printed figure more than a unit below the value is still a conflict.
    obs.loc[2, ["value", "value_raw"]] = [101.3, "101,3%"]
    c = M.check_consistency(obs)
    assert "conflict" in set(c["status"])


def test_figure_bounds_thousands_tables_and_note_qualifiers() -> None:
    df = pd.DataFrame({
        "value": [555640.0, 7206100.0, 49.6e6, 90.0, 1000.0],
        "value_raw": ["555,64", "7206.1", "49.6 M", "90%", "1.000"],
        "note": ["GSO, printed in thousands", "", "≈; VSS implied denominator",
                 "gần; share of the national population", "'trên' printed elsewhere"],
    })
    b = M.figure_bounds(df)
    half = b["half_unit"]
    assert half[0] == pytest.approx(5)  # 555,64 thousand: ± 0.005 thousand
    assert half[1] == pytest.approx(50)  # 7206.1 thousand: ± 0.05 thousand
    assert b.loc[1, "hi"] == pytest.approx(7206100 + 100)  # or truncated
    assert b["qualifier"].tolist() == ["", "", "≈", "gần", ""]
    assert b.loc[2, "lo"] == pytest.approx(49.6e6 * 0.98)
    assert b.loc[3, "lo"] == pytest.approx(85.5)
    # a qualifier word later in the note is not one
    assert (b.loc[4, "lo"], b.loc[4, "hi"]) == pytest.approx((999.5, 1000.5))


def test_a_coverage_rate_stands_for_no_more_than_100_percent() -> None:
    """Đồng Nai 24/5/2025: "trên 92,3%" widened by 10 % stood for up to 101.5 %, so the
    shortfall against the 95 % plan read -7.03 to +3.75 on the 2025 page.

    A coverage rate is a share of a whole (0–100 %); an attainment of a plan is not.
    """
    df = pd.DataFrame({
        "indicator": ["bhyt_coverage_pct", "bhyt_plan_coverage_pct", "bhyt_attainment_pct",
                      "bhxh_coverage_pct"],
        "value": [92.3, 100.0, 95.0, 0.3],
        "value_raw": ["trên 92.3%", "100%", "trên 95%", "khoảng 0,3%"],
    })
    b = M.figure_bounds(df)
    assert b.loc[0, "hi"] == pytest.approx(100.0)  # not 92.3 × 1.1 = 101.53
    assert b.loc[0, "lo"] == pytest.approx(92.25)
    assert (b.loc[1, "lo"], b.loc[1, "hi"]) == (100.0, 100.0)  # a plan is exact
    assert b.loc[2, "hi"] == pytest.approx(104.5)  # attainment may pass 100 %
    assert b.loc[3, "lo"] == pytest.approx(0.25)  # ± 2 % is inside the rounding
    shares = df.iloc[:2].assign(obs_id=["c", "p"], source_id="s", geo_code="75",
                                geo_name="Đồng Nai", geo_level="province",
                                boundaries="legacy", as_of=["2025-05-24", "2025-12-31"],
                                value=[92.3, 95.0], value_raw=["trên 92.3%", "95%"])
    d = M.derive(shares)
    gap = d[d["indicator"] == "bhyt_shortfall_pp"]
    # the plan of 95 % is the target itself (not 94.5–96): −5 to +2.75, as the coverage
    # table reads the same gap
    assert len(gap) == 1 and gap["value_lo"].iloc[0] == pytest.approx(95.0 - 100.0)
    assert gap["value_hi"].iloc[0] == pytest.approx(95.0 - 92.25)


# ---------------------------------------------------------------- derivations


def test_dalat_populations_plan_and_target(derived: pd.DataFrame) -> None:
    cov = pick(derived, "Đà Lạt", "population", "2020-07-31", "coverage")
    sho = pick(derived, "Đà Lạt", "population", "2020-07-31", "shortfall_pp")
    assert cov["value"].iloc[0] == pytest.approx(190863 / 0.8323)  # ≈ 229,320
    assert round(cov["value"].iloc[0]) == 229320
    assert round(sho["value"].iloc[0]) == 229306
    assert cov[["input_a", "input_b"]].values.tolist() == [["seed000-03", "seed000-04"]]
    assert str(cov["inputs_as_of"].iloc[0])[:10] == "2020-07-31"
    assert cov["source_id"].iloc[0] == "seed000"
    assert cov["method"].iloc[0].startswith(
        "population = bhyt_participants ÷ bhyt_coverage_pct × 100")
    target = pick(derived, "Đà Lạt", "bhyt_plan_coverage_pct", "2020-12-31")
    assert target["value"].iloc[0] == pytest.approx(90.0)
    plan = pick(derived, "Đà Lạt", "bhyt_plan_participants", "2020-12-31")
    assert plan["value"].iloc[0] == 206387
    vol = pick(derived, "Đà Lạt", "bhxh_voluntary_plan_participants", "2020-12-31")
    assert vol["value"].iloc[0] == 2680


def test_kon_tum_plan_previous_level_population(derived: pd.DataFrame) -> None:
    plan = pick(derived, "Kon Tum", "bhxh_voluntary_plan_participants", "2020-12-31",
                "attainment")
    assert round(plan["value"].iloc[0]) == 4040
    # 4.294 at 30/6/2020, "tăng 1.657": the level a year earlier, on 30/6/2019.
    prev = pick(derived, "Kon Tum", "bhxh_voluntary_participants", "2019-06-30")
    assert prev["value"].iloc[0] == 2637
    pop = pick(derived, "Kon Tum", "population", "2020-06-30")
    assert pop["value"].iloc[0] == pytest.approx(533956, abs=1)
    # Coverage from the GSO population of the same year (provincial).
    cov = pick(derived, "Kon Tum", "bhyt_coverage_pct", "2020-06-30", "population")
    assert cov["value"].iloc[0] == pytest.approx(485900 / 555640 * 100)
    assert cov["source_id"].iloc[0] == "seed004+gso-pop-2018-2022"


def test_duc_trong_denominators(derived: pd.DataFrame) -> None:
    lf = pick(derived, "Đức Trọng", "labour_force", "2023-08-31")
    assert round(lf["value"].iloc[0]) == 115549
    pop = pick(derived, "Đức Trọng", "population", "2023-08-31")
    assert round(pop["value"].iloc[0]) == 194056


def test_u_minh_thuong_attainment(derived: pd.DataFrame) -> None:
    att = pick(derived, "U Minh Thượng", "bhxh_voluntary_attainment_pct", "2020-05-31")
    assert att["value"].iloc[0] == 150.0
    # The id names the place and date and numbers the figure (docs/metrics.md).
    assert att[["input_a", "input_b"]].values.tolist() == [["seed001-07", "seed001-09"]]
    assert att["obs_id"].iloc[0].startswith("drv-legacy-district-906-20200531-")
    # Known once both inputs are: the plan is dated 31 December.
    assert str(att["inputs_as_of"].iloc[0])[:10] == "2020-12-31"
    plan = pick(derived, "U Minh Thượng", "bhxh_voluntary_plan_new_participants",
                "2020-12-31")
    assert plan["value"].iloc[0] == 244.0


def test_national_labour_force_and_yoy(derived: pd.DataFrame) -> None:
    lf = pick(derived, "Việt Nam", "labour_force", "2020-12-31")
    assert lf["value"].iloc[0] == pytest.approx(49.42e6, rel=1e-3)
    assert lf["value_lo"].iloc[0] < lf["value"].iloc[0] < lf["value_hi"].iloc[0]
    # Both 2019 voluntary figures give a change to 2020? Only with a 2020 figure: none
    # here, so no yoy rows for voluntary; 2019 has no 2018 figure either.
    assert not derived["indicator"].str.endswith("growth_pct").any()


def test_derived_table_shape_and_determinism(obs: pd.DataFrame, derived: pd.DataFrame) -> None:
    assert list(derived.columns) == DERIVED_COLUMNS
    assert derived["obs_id"].is_unique
    assert derived["obs_id"].str.match(r"^drv-(?:legacy|2025)-[a-z]+-\w+-\d{8}-\d+$").all()
    assert not set(derived["obs_id"]) & set(obs["obs_id"])
    again = M.derive(obs.sample(frac=1, random_state=3))
    pd.testing.assert_frame_equal(derived, again)
    # Derived figures never touch the observations.
    pd.testing.assert_frame_equal(obs, seed_obs())


def test_yoy_between_year_ends() -> None:
    df = seed_obs()
    extra = df[df["obs_id"] == "nat-2020-01"].assign(
        obs_id="nat-2019-x", as_of="2019-12-31", value=15.0e6, value_raw="15 M",
        source_id="other")
    d = M.derive(pd.concat([df, extra], ignore_index=True))
    ch = d[(d["indicator"] == "bhxh_change_participants") & (d["as_of"] == "2020-12-31")]
    gr = d[(d["indicator"] == "bhxh_growth_pct") & (d["as_of"] == "2020-12-31")]
    assert ch["value"].iloc[0] == pytest.approx(1.16e6)
    assert gr["value"].iloc[0] == pytest.approx((16.16 / 15 - 1) * 100)
    assert ch["source_id"].iloc[0] == "vietnamplus-194761+other"


def test_previous_level_is_dated_the_same_day_a_year_earlier() -> None:
    # A change is against the same date of the year before ("so với cùng kỳ"): the level
    # it implies is dated then, not on the previous 31 December, and a month's last day
    # stays a month's last day (a month printed without a day is stored as its last day).
    base = {"source_id": "own", "geo_code": "1", "geo_name": "X", "geo_level": "province",
            "boundaries": "legacy"}
    rows = [("m", "2021-07-31", "bhyt_participants", 5_000.0),
            ("mc", "2021-07-31", "bhyt_change_participants", 300.0),
            ("f", "2021-02-28", "bhxh_voluntary_participants", 900.0),
            ("fc", "2021-02-28", "bhxh_voluntary_change_participants", -100.0),
            ("y", "2021-12-31", "bhtn_participants", 700.0),
            ("yc", "2021-12-31", "bhtn_change_participants", 70.0),
            # Observed a year before the mid-year pair (agrees) and on 31 December.
            ("m0", "2020-07-31", "bhyt_participants", 4_700.0),
            ("e0", "2020-12-31", "bhyt_participants", 4_900.0)]
    obs = pd.DataFrame([{**base, "obs_id": i, "as_of": d, "indicator": ind, "value": v,
                         "value_raw": str(int(v))} for i, d, ind, v in rows])
    obs.loc[obs["obs_id"].isin(["m0", "e0"]), "source_id"] = "other"
    d, checks = M.derive_and_check(obs)
    prev = d[d["method"].str.contains("_change_participants")
             & d["indicator"].str.endswith("_participants")]
    got = {(i, str(a)[:10], v) for i, a, v in prev[["indicator", "as_of", "value"]].values}
    assert got == {("bhyt_participants", "2020-07-31", 4_700.0),
                   ("bhxh_voluntary_participants", "2020-02-29", 1_000.0),
                   ("bhtn_participants", "2020-12-31", 630.0)}
    assert prev["method"].str.endswith("(as of the same date of the previous year)").all()
    # Compared with the figure of 31/7/2020 (agrees), not with that of 31/12/2020.
    mine = checks[checks["implied_values"].str.contains("via previous_level")]
    assert mine[["as_of", "status"]].astype(str).values.tolist() == [["2020-07-31", "ok"]]
    assert "m0" in mine["obs_ids"].iloc[0] and "e0" not in mine["obs_ids"].iloc[0]


def test_one_attainment_beside_a_count_and_new_participants_gives_one_plan() -> None:
    # Nam Đàn 2021: 5,977 participants, 2,272 new, "102.52 % of plan": both plans were
    # derived from the one percentage (5,830 and a new-participants plan of 2,216); a
    # percentage is of one of them, and beside the count it is read as the count's.
    base = {"source_id": "bna", "geo_code": "430", "geo_name": "Nam Đàn",
            "geo_level": "district", "boundaries": "legacy", "as_of": "2021-12-31"}
    rows = [("p", "bhxh_voluntary_participants", 5977.0),
            ("a", "bhxh_voluntary_attainment_pct", 102.52),
            ("n", "bhxh_voluntary_new_participants", 2272.0)]
    obs = pd.DataFrame([{**base, "obs_id": i, "indicator": ind, "value": v, "value_raw": str(v)}
                        for i, ind, v in rows])
    d = M.derive(obs)
    assert "bhxh_voluntary_plan_participants" in set(d["indicator"])
    assert "bhxh_voluntary_plan_new_participants" not in set(d["indicator"])
    alone = M.derive(obs[obs["obs_id"] != "p"])  # new participants alone: their plan
    assert "bhxh_voluntary_plan_new_participants" in set(alone["indicator"])


def test_datetime_as_of_is_kept_as_datetime() -> None:
    df = seed_obs()
    df["as_of"] = pd.to_datetime(df["as_of"])
    d = M.derive(df)
    assert pd.api.types.is_datetime64_any_dtype(d["as_of"])
    assert len(d) == len(M.derive(seed_obs()))


def test_empty_inputs() -> None:
    df = seed_obs().iloc[0:1]
    assert M.derive(df).empty
    c = M.check_consistency(df)
    assert c.empty and list(c.columns) == CONSISTENCY_COLUMNS


# ---------------------------------------------------------------- consistency


def _check(checks: pd.DataFrame, name: str, check: str) -> pd.DataFrame:
    sel = checks[(checks["geo_name"] == name) & (checks["check"] == check)]
    assert len(sel) >= 1, (name, check)
    return sel


def test_dalat_two_populations_agree(checks: pd.DataFrame) -> None:
    row = _check(checks, "Đà Lạt", "derived_vs_derived:population")
    assert (row["status"] == "ok").all()
    assert "bhyt_participants=190863" in row["figures"].iloc[0]
    assert "bhyt_shortfall_pp=6.77" in row["figures"].iloc[0]
    assert row["obs_ids"].iloc[0] == "seed000-03 seed000-04 seed000-05 seed000-06"


def test_attainment_150_matches_366_over_244(checks: pd.DataFrame) -> None:
    rows = _check(checks, "U Minh Thượng", "derived_vs_observed:bhxh_voluntary_attainment_pct")
    assert (rows["status"] == "ok").all()


def test_conflicting_sources_listed_both_kept(checks: pd.DataFrame) -> None:
    sep = _check(checks, "Việt Nam", "same_figure:bhxh_participants")
    sep = sep[sep["as_of"] == "2022-09-30"]
    assert sep["status"].tolist() == ["conflict"]
    assert "17240000" in sep["figures"].iloc[0] and "17080000" in sep["figures"].iloc[0]
    assert sep["sources"].iloc[0] == "sggp-102939+vss-en-10647"
    vol = _check(checks, "Việt Nam", "same_figure:bhxh_voluntary_participants")
    assert vol["status"].tolist() == ["conflict"]  # 551,000 vs ≈574,000
    # The same figure printed twice ("86 M" and "86 triệu") agrees.
    same = _check(checks, "Việt Nam", "same_figure:bhyt_participants")
    assert same["status"].tolist() == ["ok"]


def test_gso_denominator_check_uses_allowance(checks: pd.DataFrame) -> None:
    row = _check(checks, "Kon Tum", "denominator_vs_observed:population")
    # 533,956 implied vs 555,640 GSO: 3.9 % apart, within the 5 % allowance.
    assert row["status"].tolist() == ["ok"]


def test_conflicting_shortfall_is_flagged() -> None:
    df = seed_obs()
    df.loc[df["obs_id"] == "seed000-05", ["value", "value_raw"]] = [5.77, "5,77%"]
    c = M.check_consistency(df)
    row = c[(c["geo_name"] == "Đà Lạt") & (c["check"] == "derived_vs_derived:population")]
    assert row["status"].tolist() == ["conflict"]


def test_checks_sorted_and_deterministic(obs: pd.DataFrame, checks: pd.DataFrame) -> None:
    assert list(checks.columns) == CONSISTENCY_COLUMNS
    again = M.check_consistency(obs.iloc[::-1].reset_index(drop=True))
    pd.testing.assert_frame_equal(checks, again)
    assert set(checks["status"]) <= {"ok", "conflict"}


def test_vectorised_on_a_larger_panel() -> None:
    """Many units at once give the same per-unit answers as one unit alone."""
    base = seed_obs()
    dalat = base[base["geo_name"] == "Đà Lạt"]
    many = pd.concat(
        [dalat.assign(geo_code=f"u{i:04d}", obs_id=dalat["obs_id"] + f"-{i}")
         for i in range(300)], ignore_index=True)
    d = M.derive(many)
    assert len(d) == 300 * len(M.derive(dalat))
    pops = d[d["indicator"] == "population"]["value"].round(6)
    assert pops.nunique() == 2


def test_checks_from_given_derived_equal_checks_from_scratch(obs: pd.DataFrame,
                                                             derived: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(M.check_consistency(obs, derived), M.check_consistency(obs))
    # A derived table read back from CSV (dates as text) gives the same checks.
    pd.testing.assert_frame_equal(
        M.check_consistency(obs, derived.astype({"value": float})),
        M.check_consistency(obs))
    # Only the derived rows passed in take part.
    no_pop = derived[derived["indicator"] != "population"]
    c = M.check_consistency(obs, no_pop)
    assert not c["check"].str.endswith(":population").any()


# ---------------------------------------------------------------- properties


@settings(max_examples=30, deadline=None)
@given(
    population=st.integers(min_value=1_000, max_value=100_000_000),
    share=st.floats(min_value=0.05, max_value=0.99),
    target=st.floats(min_value=0.0, max_value=0.2),
    decimals=st.integers(min_value=0, max_value=2),
)
def test_true_population_lies_in_both_implied_intervals(
    population: int, share: float, target: float, decimals: int
) -> None:
    """Print rounded figures of a known truth: every implied interval must contain it."""
    participants = round(population * share)
    cov = participants / population * 100
    gap = target * 100  # true shortfall in points
    short = round(population * gap / 100)
    if short == 0 or round(gap, decimals) == 0:
        return
    fmt = f"{{:.{decimals}f}}"
    rows = pd.DataFrame({
        "obs_id": ["p", "c", "s", "g"], "source_id": "t", "geo_code": "1", "geo_name": "X",
        "geo_level": "province", "boundaries": "legacy", "as_of": "2020-06-30",
        "indicator": ["bhyt_participants", "bhyt_coverage_pct",
                      "bhyt_shortfall_participants", "bhyt_shortfall_pp"],
        "value": [participants, round(cov, decimals), short, round(gap, decimals)],
        "value_raw": [str(participants), fmt.format(cov), str(short), fmt.format(gap)],
    })
    d = M.derive(rows)
    pops = d[d["indicator"] == "population"]
    assert len(pops) == 2
    # Both rules' intervals contain the truth, so the two implied populations agree.
    eps = 1e-9 * population
    assert (pops["value_lo"] <= population + eps).all(), pops
    assert (pops["value_hi"] >= population - eps).all(), pops
    assert M.check_consistency(rows)["status"].eq("ok").all()


# ---------------------------------------------------------------- sign convention


def test_gaps_are_positive_below_the_plan_or_target() -> None:
    """One convention for every gap: positive = still below, negative = exceeded."""
    assert M.shortfall(900, 1000) == 100 and M.shortfall(1100, 1000) == -100
    assert M.shortfall_pp(88.0, 90.0) == pytest.approx(2.0)
    assert M.distance_to_target(88.0, 90.0) == pytest.approx(2.0)
    assert M.distance_to_target(96.0, 95.0) == pytest.approx(-1.0)
    # The derived shortfall follows it: plan 244 (same year), new participants 366.
    d = M.derive(seed_obs())
    plan_new = d[d["indicator"] == "bhxh_voluntary_plan_new_participants"]
    assert (plan_new["value"] > 0).all()


def test_a_surplus_over_the_plan_is_a_negative_shortfall_kept_and_derived() -> None:
    """Over-achievement read as a negative shortfall ("vượt 312 người so với kế hoạch",
    "vượt 0,29 điểm phần trăm so với chỉ tiêu 91,5%") passes validation and gives the
    plan below the actual (plan = actual + shortfall)."""
    from bhxh_analysis.pipeline import validate

    rows = [("s-1", "sx", "52", "Bình Định", "province", "2019-05-31",
             "bhxh_voluntary_participants", 2012, "2.012", ""),
            ("s-2", "sx", "52", "Bình Định", "province", "2019-05-31",
             "bhxh_voluntary_shortfall_participants", -312, "vượt 312", ""),
            ("s-3", "sx", "52", "Bình Định", "province", "2019-05-31",
             "bhyt_coverage_pct", 91.79, "91,79%", ""),
            ("s-4", "sx", "52", "Bình Định", "province", "2019-05-31",
             "bhyt_shortfall_pp", -0.29, "vượt 0,29", "")]
    df = pd.DataFrame(rows, columns=["obs_id", "source_id", "geo_code", "geo_name",
                                     "geo_level", "as_of", "indicator", "value",
                                     "value_raw", "note"])
    df = df.assign(boundaries="legacy", province_2025="Gia Lai", geo_name_raw=df["geo_name"],
                   as_of_raw=df["as_of"], preliminary=False, value=df["value"].astype(float),
                   unit=np.where(df["indicator"].str.endswith(("_pct", "_pp")), "pct",
                                 "persons"))
    df = df[OBSERVATION_COLUMNS]
    sources = pd.DataFrame({"source_id": ["sx"], "published_end": [pd.Timestamp("2019-06-12")]})
    kept, rejected = validate(df.assign(_file="curated/x.csv", _row=range(2, 6)), sources)
    assert len(kept) == 4 and rejected.empty, rejected
    d = M.derive(df)
    plan = d[d["indicator"] == "bhxh_voluntary_plan_participants"]
    assert plan["value"].tolist() == [1700.0]  # 2.012 − 312
    target = d[d["indicator"] == "bhyt_plan_coverage_pct"]
    assert target["value"].round(2).tolist() == [91.5]  # 91,79 − 0,29
    # A negative count that is no signed measure is still rejected.
    bad = df.assign(value=df["value"].where(df["obs_id"] != "s-1", -5.0))
    _, rejected = validate(bad.assign(_file="curated/x.csv", _row=range(2, 6)), sources)
    assert rejected["row"].tolist() == [2]


# ---------------------------------------------------------------- implied plans


def test_implied_plans_known_from_their_inputs(derived: pd.DataFrame, obs: pd.DataFrame) -> None:
    plans = M.implied_plans(derived)
    dalat = plans[(plans["geo_name"] == "Đà Lạt")
                  & (plans["indicator"] == "bhxh_voluntary_plan_participants")]
    assert dalat["plan"].tolist() == [2680.0]  # 1.091 + 1.589
    assert dalat["year"].tolist() == [2020]
    assert dalat["rule"].tolist() == ["plan_from_shortfall"]
    assert str(dalat["known_from"].iloc[0])[:10] == "2020-07-31"
    kon_tum = plans[(plans["geo_name"] == "Kon Tum")
                    & (plans["indicator"] == "bhxh_voluntary_plan_participants")]
    assert round(kon_tum["plan"].iloc[0]) == 4040  # 4.294 ÷ 106,3 %
    # Known on 30 June 2020 (Kon Tum's figure), not yet the Đà Lạt one of 31 July.
    june = M.implied_plans(derived, as_of="2020-06-30")
    assert "Kon Tum" in set(june["geo_name"]) and "Đà Lạt" not in set(june["geo_name"])
    assert M.implied_plans(derived, as_of="2019-12-31").empty
    # From the observations directly, and from a derived table read back as text.
    pd.testing.assert_frame_equal(M.implied_plans(obs), plans)
    pd.testing.assert_frame_equal(M.implied_plans(derived.astype(str)), plans)
    assert list(plans.columns) == M.plans.PLAN_COLUMNS


# ---------------------------------------------------------------- daily series


def _daily(n_days: int, start: str = "1960-01-01") -> pd.DataFrame:
    """One place, one figure a day (values that would conflict across days)."""
    days = pd.date_range(start, periods=n_days, freq="D")
    value = (1000 + np.arange(n_days) * 7 % 500).astype(float)
    df = pd.DataFrame({
        "obs_id": [f"d{i}" for i in range(n_days)], "source_id": "daily",
        "geo_code": "672", "geo_name": "Đà Lạt", "geo_level": "district",
        "boundaries": "legacy", "as_of": days, "indicator": "bhyt_participants",
        "value": value, "value_raw": value.astype(int).astype(str)})
    return df


def test_daily_figures_are_a_series_not_conflicts() -> None:
    """Figures of different days are never paired; pairs grow linearly."""
    n = 30_000
    daily = _daily(n)
    # Every 10th day a second source repeats the figure (agrees); every 100th day a
    # third prints another figure (contradicts); one day has 1,000 sources.
    again = daily.iloc[::10].assign(obs_id=lambda d: d["obs_id"] + "-b", source_id="b")
    other = daily.iloc[::100].assign(obs_id=lambda d: d["obs_id"] + "-c", source_id="c",
                                     value=lambda d: d["value"] + 50,
                                     value_raw=lambda d: (d["value"] + 50).astype(int).astype(str))
    crowd = pd.concat([daily.iloc[[5]].assign(obs_id=f"x{i}", source_id=f"s{i}")
                       for i in range(1000)], ignore_index=True)
    obs = pd.concat([daily, again, other, crowd], ignore_index=True)
    checks = M.check_consistency(obs)
    assert (checks["check"] == "same_figure:bhyt_participants").all()
    # Only days printed more than once are compared.
    repeated_days = obs["as_of"][obs.duplicated(["as_of"], keep=False)].unique()
    assert set(checks["as_of"]) == set(repeated_days)
    # Two figures a day: one pair; three (every 100th day): all three pairs.
    per_day = checks.groupby("as_of").size()
    assert (per_day[per_day.index.isin(again["as_of"]) & ~per_day.index.isin(other["as_of"])
                    & (per_day.index != daily["as_of"].iloc[5])] == 1).all()
    assert (per_day[per_day.index.isin(other["as_of"])] == 3).all()
    # Contradictions only where the third source printed another figure.
    conflict_days = set(checks.loc[checks["status"] == "conflict", "as_of"])
    assert conflict_days == set(other["as_of"])
    # Linear: the crowded day has at most three pairs per figure, not 1001·1000/2.
    assert per_day[daily["as_of"].iloc[5]] <= 3 * 1001
    assert len(checks) <= 3 * len(obs)


def test_month_precision_figures_meet_on_the_month_end() -> None:
    """"Sep 2022" is stored as 30/9/2022: it meets a 30/9 figure, not a 15/9 one."""
    base = seed_obs()
    nat = base[base["obs_id"] == "nat-2022-13"]
    mid = nat.assign(obs_id="mid", as_of="2022-09-15", value=17.0e6, value_raw="17.0 M",
                     source_id="other")
    c = M.check_consistency(pd.concat([base, mid], ignore_index=True))
    sep = c[c["check"] == "same_figure:bhxh_participants"]
    assert sep["as_of"].tolist() == ["2022-09-30"]
    assert "mid" not in " ".join(sep["obs_ids"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0, 10)), min_size=2, max_size=40))
def test_linear_pairs_show_every_contradicting_figure(figs: list[tuple[float, float]]) -> None:
    """Every figure that contradicts some other is in a compared pair that conflicts."""
    f = pd.DataFrame({"g": 1, "value": [v for v, _ in figs]})
    f["lo"] = f["value"] - [w for _, w in figs]
    f["hi"] = f["value"] + [w for _, w in figs]
    lo, hi = f["lo"].to_numpy(), f["hi"].to_numpy()
    disjoint = (lo[:, None] > hi[None, :]) | (lo[None, :] > hi[:, None])
    pairs = M.self_pairs(f, ["g"])
    assert len(pairs) <= 3 * len(f)
    if len(f) <= 3:
        assert len(pairs) == len(f) * (len(f) - 1) // 2
    shown = disjoint[pairs["left"], pairs["right"]]
    in_conflict = set(pairs["left"][shown]) | set(pairs["right"][shown])
    assert in_conflict == set(np.flatnonzero(disjoint.any(axis=1)))


def test_parts_of_places_give_the_whole_tables(obs: pd.DataFrame) -> None:
    """Rules and checks stay within a place: parts of whole places add up to the whole."""
    from bhxh_analysis.simulate import simulate_panel

    panel = simulate_panel(n_places=30, years=[2019, 2020], seed=3, level="commune")
    both = pd.concat([obs, panel.astype({"as_of": "datetime64[ns]"}).assign(
        as_of=lambda d: d["as_of"].dt.strftime("%Y-%m-%d"))], ignore_index=True)
    derived, checks = M.derive_and_check(both)
    parts = list(M.in_parts(both, rows_per_part=100))
    assert len(parts) > 10
    # Same rows and values (text compared as text: each part has its own categories).
    pd.testing.assert_frame_equal(
        pd.concat([d for d, _ in parts], ignore_index=True).astype(str), derived.astype(str))
    pd.testing.assert_frame_equal(pd.concat([c for _, c in parts], ignore_index=True),
                                  checks)


def test_two_published_plans_of_a_year_are_plans_differ_not_one_figure() -> None:
    """Đồng Nai 2025: the province's 96 % beside Decision 546's 95 % — two plans that may
    both be real are flagged as ``plans_differ``; two counts of one date stay
    ``same_figure``; the report says the plans may both be true."""
    from bhxh_analysis.reports.words import conflict_notes

    plan = _daily(1, "2025-12-31").assign(indicator="bhyt_plan_coverage_pct", value=96.0,
                                          value_raw="96%", geo_code="75",
                                          geo_name="Đồng Nai", geo_level="province")
    other = plan.assign(obs_id="p2", source_id="tvpl", value=95.0, value_raw="95%")
    counts = _daily(1, "2024-06-30")
    counts2 = counts.assign(obs_id="c2", source_id="b", value=2000.0, value_raw="2000")
    checks = M.check_consistency(pd.concat([plan, other, counts, counts2], ignore_index=True))
    by = checks.set_index("check")["status"].to_dict()
    assert by == {"plans_differ:bhyt_plan_coverage_pct": "conflict",
                  "same_figure:bhyt_participants": "conflict"}
    notes = conflict_notes(checks["check"], "en")
    assert notes[0].startswith("Conflicts: 1.") and "Both may be real" in notes[1]
    only_plans = conflict_notes(checks["check"].iloc[[0]] if checks["check"].iloc[0]
                                .startswith("plans") else checks["check"].iloc[[1]], "vi")
    assert only_plans[0] == "Không có số liệu mâu thuẫn nhau cho địa bàn này."
    assert "có thể cùng đúng" in only_plans[1]
