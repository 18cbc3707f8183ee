"""Checks of the hand-curated raw files: sources, observations, campaigns, targets.

The files are transcriptions, so these tests guard the transcription itself: ids, keys into
``sources.csv``, the indicator vocabulary, per-source row counts (a dropped row fails) and
spot checks of key figures against the printed articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
import yaml

from bhxh_analysis import config

OBS_COLUMNS = [
    "obs_id", "source_id", "place_raw", "parent_raw", "as_of_raw", "as_of", "indicator",
    "value_raw", "number_format", "unit", "qualifier", "note",
]
SOURCE_COLUMNS = ["source_id", "publisher", "title", "address", "published_date", "kind", "note"]
CAMPAIGN_COLUMNS = [
    "campaign_id", "source_id", "date", "date_raw", "place_raw", "parent_raw", "organisers",
    "scheme", "stated_targets", "note",
]
TARGET_COLUMNS = [
    "target_id", "source_id", "instrument", "geo_name", "indicator", "year", "value",
    "value_raw", "comparator", "note",
]
CORE_INDICATOR = re.compile(
    r"^(?:(?:bhxh|bhxh_compulsory|bhxh_voluntary|bhtn|bhyt|bhyt_household)_"
    r"(?:participants|new_participants|change_participants|coverage_pct|plan_participants|"
    r"plan_new_participants|plan_coverage_pct|attainment_pct|shortfall_participants|"
    r"shortfall_pp)|population|labour_force|labour_force_15plus)$"
)
UNITS = {"persons", "pct", "sessions", "attendances", "provinces", "rounds_per_month",
         "persons_per_district"}
QUALIFIERS = {"", "trên", "hơn", "gần", "khoảng", "tối thiểu", "≈", ">", "estimate"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PUBLISHED_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")

# Rows counted by hand when transcribing (two readings of each article).
SEED_COUNTS = {"seed000": 10, "seed001": 10, "seed002": 6, "seed003": 11, "seed004": 10}
NATIONAL_TOTAL = 128
# Rows of national-figures.md per table: labour-force denominators, year-end table,
# within-year snapshots, annual plans, province snapshots.
NATIONAL_PROVINCE_ROWS = {"Sơn La": 2, "Quảng Bình": 3, "Khánh Hòa": 5, "Bình Thuận": 1}

CREATED_FILES = [
    "sources.csv", "campaigns.csv", "targets.csv", "curated/observations_seeds.csv",
    "curated/observations_national.csv", "curated/README.md",
]


def _read(rel: str) -> pd.DataFrame:
    """Read a raw CSV as strings, keeping empty cells as ``""``."""
    return pd.read_csv(config.raw_dir() / rel, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return _read("curated/observations_seeds.csv")


@pytest.fixture(scope="module")
def national() -> pd.DataFrame:
    return _read("curated/observations_national.csv")


@pytest.fixture(scope="module")
def obs(seeds: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([seeds, national], ignore_index=True)


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return _read("sources.csv")


@pytest.fixture(scope="module")
def extras() -> pd.DataFrame:
    """The extra indicators: schema.EXTRA_INDICATORS, the one list."""
    from bhxh_analysis.schema import EXTRA_INDICATORS

    return pd.DataFrame({"indicator": list(EXTRA_INDICATORS),
                         "unit": ["|".join(e.units) for e in EXTRA_INDICATORS.values()]})


def _docs_extras() -> set[str]:
    """Return the indicators listed in the 'Extra indicators' table of docs/data.md."""
    text = (config.project_root() / "docs" / "data.md").read_text(encoding="utf-8")
    section = text.split("### Extra indicators", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.MULTILINE))


# -- structure ---------------------------------------------------------------------------

def test_columns_exact(seeds, national, sources) -> None:
    assert list(seeds.columns) == OBS_COLUMNS
    assert list(national.columns) == OBS_COLUMNS
    assert list(sources.columns) == SOURCE_COLUMNS
    assert list(_read("campaigns.csv").columns) == CAMPAIGN_COLUMNS
    assert list(_read("targets.csv").columns) == TARGET_COLUMNS


def test_obs_ids_unique_and_well_formed(seeds, national, obs) -> None:
    assert obs["obs_id"].is_unique, obs.loc[obs["obs_id"].duplicated(), "obs_id"].tolist()
    assert seeds["obs_id"].str.fullmatch(r"seed00[0-4]-\d{2}").all()
    assert (seeds["obs_id"].str[:7] == seeds["source_id"]).all()
    assert national["obs_id"].str.fullmatch(r"nat-\d{4}-\d{2}").all()
    # the year in a national obs_id is the year of its as_of date
    assert (national["obs_id"].str[4:8] == national["as_of"].str[:4]).all()


def test_every_source_id_is_registered(obs, sources) -> None:
    assert sources["source_id"].is_unique
    known = set(sources["source_id"])
    for name, frame in [("observations", obs), ("campaigns.csv", _read("campaigns.csv")),
                        ("targets.csv", _read("targets.csv"))]:
        missing = set(frame["source_id"]) - known
        assert not missing, f"{name}: unknown source_id {sorted(missing)}"


def test_sources_fields(sources) -> None:
    assert sources["published_date"].str.fullmatch(PUBLISHED_DATE).all()
    assert (sources["publisher"] != "").all() and (sources["address"] != "").all()
    seeds_src = sources.set_index("source_id").loc[list(SEED_COUNTS)]
    # a seed is cited by outlet and headline, never by the file it was read from
    assert not seeds_src["address"].str.contains("seeds/|\\.txt", regex=True).any()
    assert seeds_src.loc["seed000", "published_date"] == "2020-08-22"  # "Sáng 22/8" (2020)
    assert seeds_src.loc["seed002", "published_date"] == "2020-05-23"
    assert seeds_src.loc["seed003", "published_date"] == "2023-09-12"
    assert seeds_src.loc["seed004", "published_date"] == "2020-07-11"
    # raw files are cited by their publisher's address; the copy's path is named in the note
    raw_files = sources.loc[sources["kind"].isin(["statistics", "admin_list"])
                            & sources["note"].str.contains("data/raw/")]
    assert len(raw_files) == 7
    for note in raw_files["note"]:
        path = re.search(r"data/raw/(\S+?\.csv)", note).group(1)
        assert (config.raw_dir() / path).is_file(), note


def test_indicators_in_vocabulary(obs, extras) -> None:
    documented = _docs_extras()
    assert documented == set(extras["indicator"]), "docs/data.md and schema.EXTRA_INDICATORS differ"
    assert not any(CORE_INDICATOR.match(i) for i in documented), "an extra shadows a core one"
    bad = obs.loc[~obs["indicator"].str.match(CORE_INDICATOR) & ~obs["indicator"].isin(documented)]
    assert bad.empty, bad[["obs_id", "indicator"]].to_string()
    unused = documented - set(obs["indicator"])
    assert not unused, f"documented extras never used: {sorted(unused)}"


def test_fields_have_allowed_values(seeds, national, obs) -> None:
    assert obs["as_of"].str.fullmatch(ISO_DATE).all()
    pd.to_datetime(obs["as_of"], format="%Y-%m-%d")  # raises on an impossible date
    assert (seeds["number_format"] == "vi").all()
    assert (national["number_format"] == "en").all()
    assert set(obs["unit"]) <= UNITS
    assert set(obs["qualifier"]) <= QUALIFIERS
    pct = obs["unit"] == "pct"
    assert obs.loc[pct, "value_raw"].str.endswith("%").all()
    assert not obs.loc[~pct, "value_raw"].str.contains("%").any()
    assert (obs["value_raw"] != "").all() and (obs["place_raw"] != "").all()
    # Vietnamese format never uses an English thousands comma before three digits
    assert not seeds["value_raw"].str.contains(r",\d{3}(?:\D|$)").any()


def test_text_is_nfc_and_notes_are_short(obs) -> None:
    for col in OBS_COLUMNS:
        values = obs[col]
        assert (values == values.map(lambda s: unicodedata.normalize("NFC", s))).all(), col
    # notes are our own short remarks, not article prose
    assert obs["note"].str.len().max() <= 300


# -- counts: a dropped or duplicated row fails -------------------------------------------

def test_per_seed_row_counts(seeds) -> None:
    assert seeds["source_id"].value_counts().to_dict() == SEED_COUNTS


def test_national_row_counts(national) -> None:
    assert len(national) == NATIONAL_TOTAL
    assert national["place_raw"].value_counts().drop("Việt Nam").to_dict() == (
        NATIONAL_PROVINCE_ROWS
    )
    assert (national["indicator"] == "labour_force").sum() == 4
    assert national["indicator"].str.endswith("_plan_participants").sum() == 5
    # rows attributed to each page cited in national-figures.md
    counts = national["source_id"].value_counts()
    assert counts["vss-en-10647"] == 6 and counts["nhandan-post156605"] == 10
    assert counts["issa-gp-212207"] == 7 and counts["seed004"] == 3


# -- spot checks against the printed figures ----------------------------------------------

SPOT = [
    # obs_id, place_raw, parent_raw, as_of, indicator, value_raw, qualifier
    ("seed000-03", "thành phố Đà Lạt", "Lâm Đồng", "2020-07-31", "bhyt_participants",
     "190.863", ""),
    ("seed000-04", "thành phố Đà Lạt", "Lâm Đồng", "2020-07-31", "bhyt_coverage_pct",
     "83,23%", ""),
    ("seed000-06", "thành phố Đà Lạt", "Lâm Đồng", "2020-07-31", "bhyt_shortfall_participants",
     "15.524", ""),
    ("seed000-08", "Đà Lạt", "Lâm Đồng", "2020-07-31", "bhxh_voluntary_shortfall_participants",
     "1.589", ""),
    ("seed001-07", "huyện U Minh Thượng", "Kiên Giang", "2020-05-31",
     "bhxh_voluntary_new_participants", "366", ""),
    ("seed001-09", "huyện U Minh Thượng", "Kiên Giang", "2020-12-31",
     "bhxh_voluntary_plan_new_participants", "244", ""),
    ("seed002-01", "tỉnh Lạng Sơn", "", "2020-05-23", "pension_recipients_post", "30.000", "gần"),
    ("seed002-05", "tỉnh Lạng Sơn", "", "2020-12-31", "bhxh_voluntary_plan_participants",
     "17.000", "trên"),
    ("seed002-04", "tỉnh Lạng Sơn", "", "2020-05-23", "bhyt_participants", "739.578", ""),
    ("seed003-03", "huyện Đức Trọng", "Lâm Đồng", "2023-08-31", "bhyt_participants",
     "168.596", ""),
    ("seed003-05", "xã N' Thol Hạ", "Đức Trọng", "2023-08-31", "bhyt_coverage_pct", "68,9%", ""),
    ("seed003-10", "thị trấn Liên Nghĩa", "Đức Trọng", "2023-08-31", "bhyt_coverage_pct",
     "86,1%", ""),
    ("seed004-03", "toàn quốc", "", "2020-06-30", "bhyt_coverage_pct", "90%", "gần"),
    ("seed004-05", "tỉnh Kon Tum", "", "2020-06-30", "bhyt_participants", "485,9 ngàn", ""),
    ("seed004-09", "tỉnh Kon Tum", "", "2020-06-30", "bhxh_voluntary_attainment_pct", "106,3%",
     ""),
    ("nat-2015-02", "Việt Nam", "", "2015-12-31", "bhxh_participants", "12.3 M", ""),
    ("nat-2022-01", "Việt Nam", "", "2022-12-07", "bhxh_participants", "17.266 M", "estimate"),
]


@pytest.mark.parametrize("row", SPOT, ids=[r[0] for r in SPOT])
def test_spot_checks(obs, row) -> None:
    obs_id, place, parent, as_of, indicator, value_raw, qualifier = row
    got = obs.set_index("obs_id").loc[obs_id]
    assert (got["place_raw"], got["parent_raw"], got["as_of"], got["indicator"],
            got["value_raw"], got["qualifier"]) == (place, parent, as_of, indicator,
                                                    value_raw, qualifier)


def test_conflicting_sources_are_both_kept(national) -> None:
    sep = national.query("as_of == '2022-09-30' and indicator == 'bhxh_participants'")
    assert sorted(sep["value_raw"]) == ["17.08 M", "17.24 M"]
    assert set(sep["source_id"]) == {"vss-en-10647", "sggp-102939"}
    vol = national.query("as_of == '2019-12-31' and indicator == 'bhxh_voluntary_participants'")
    assert sorted(vol["value_raw"]) == ["551,000", "≈574,000"]


def test_every_seed_number_is_transcribed(seeds) -> None:
    """Each figure found in the articles appears as a value_raw of its seed."""
    printed = {
        "seed000": ["120", "1", "190.863", "83,23%", "6,77%", "15.524", "1.091", "1.589",
                    "1.000", "1.000"],
        "seed001": ["50", "50%", "9", "969", "80", "463", "366", "150%", "244", "88%"],
        "seed002": ["30.000", "61.649", "8.475", "739.578", "17.000", "60%"],
        "seed003": ["12.306", "10,65%", "168.596", "86,88%", "68,9%", "70,5%", "87,6%", "88,8%",
                    "88,9%", "86,1%", "100%"],
        "seed004": ["63", "86 triệu", "90%", "574 ngàn", "485,9 ngàn", "91%", "67.286", "4.294",
                    "106,3%", "1.657"],
    }
    for sid, values in printed.items():
        got = seeds.loc[seeds["source_id"] == sid, "value_raw"].tolist()
        assert sorted(got) == sorted(values), sid


# -- campaigns and targets ---------------------------------------------------------------

def test_campaigns() -> None:
    camp = _read("campaigns.csv")
    assert camp["campaign_id"].is_unique
    assert camp["date"].str.fullmatch(r"(?:\d{4}-\d{2}-\d{2})?").all()
    assert (camp["date"] == "").sum() == 1  # the undated youth-union round of seed003
    assert set(camp["source_id"]) == set(SEED_COUNTS)
    lamdong = camp.set_index("campaign_id").loc["camp-seed000-lamdong"]
    assert lamdong["date"] == "2020-08-22" and "1.000" in lamdong["stated_targets"]


def test_targets(extras) -> None:
    tg = _read("targets.csv")
    assert tg["target_id"].is_unique and len(tg) == 41
    assert tg["indicator"].str.match(CORE_INDICATOR).all()
    value = pd.to_numeric(tg["value"], errors="raise")
    pct = tg["indicator"].str.endswith("_pct")
    assert value[pct].between(0, 100).all()
    assert (value[~pct] >= 1_000_000).all()  # national plans in persons, not millions
    assert tg["comparator"].str.fullmatch(r"=|≈|>|range:\d+(?:\.\d+)?-\d+(?:\.\d+)?").all()
    assert tg["year"].str.fullmatch(r"20\d{2}").all()
    key = tg.set_index(["source_id", "geo_name", "indicator", "year"])["value"]
    assert key[("decision-546-2022", "Hà Nội", "bhyt_coverage_pct", "2023")] == "92.4"
    assert key[("res-28-nqtw-2018", "Việt Nam", "bhxh_voluntary_coverage_pct", "2025")] == "2.5"
    assert key[("vss-en-9736", "Việt Nam", "bhxh_plan_participants", "2021")] == "17402000"
    over = tg.query("comparator == '>'")
    assert set(over["year"]) == {"2030"} and set(over["indicator"]) == {"bhyt_coverage_pct"}
    assert tg.loc[tg["comparator"].str.startswith("range:"), "value_raw"].tolist() == ["37–38%"]


# -- provenance sidecars -------------------------------------------------------------------

@pytest.mark.parametrize("rel", CREATED_FILES)
def test_sidecar_matches_bytes(rel: str) -> None:
    path: Path = config.raw_dir() / rel
    meta = yaml.safe_load(path.with_name(path.name + ".meta.yml").read_text(encoding="utf-8"))
    reference = yaml.safe_load(
        (config.raw_dir() / "gso" / "population_by_province_2018-2022.csv.meta.yml")
        .read_text(encoding="utf-8")
    )
    assert list(meta) == list(reference)
    data = path.read_bytes()
    assert meta["file"] == path.name
    assert meta["sha256"] == hashlib.sha256(data).hexdigest()
    assert meta["bytes"] == len(data)
    assert meta["date_obtained"] == "2026-11-25"


# -- scheme of each figure ---------------------------------------------------------------

def _all_curated() -> pd.DataFrame:
    """Every curated observations file (seeds, national and those of ``data add``)."""
    files = sorted((config.raw_dir() / "curated").glob("observations_*.csv"))
    return pd.concat([_read(f"curated/{p.name}") for p in files], ignore_index=True)


def test_no_row_whose_words_name_another_scheme() -> None:
    """No curated row's note or printed value names another scheme of its family than
    its indicator (:func:`bhxh_analysis.plausibility.scheme_mismatches`, the warning the
    build prints): a total-BHXH attainment or coverage whose note says compulsory BHXH
    only is filed under the wrong scheme (docs/data.md, Corrections), and the report
    would show it as the total's plan or coverage. Every row corrected to compulsory
    BHXH says so in its note."""
    from bhxh_analysis.plausibility import scheme_mismatches

    cur = _all_curated()
    found = scheme_mismatches(cur)
    assert found.empty, cur.loc[found.index, ["obs_id", "indicator", "note"]].to_string()
    fixed = cur[cur["note"].str.contains("indicator corrected 2026-12-04", regex=False)]
    assert len(fixed) and fixed["indicator"].str.startswith("bhxh_compulsory_").all()


def test_value_raw_keeps_the_printed_unit_word() -> None:
    """``value_raw`` is the figure as printed: "551 nghìn" stands for 550,500–551,500, the
    digits "551000" for one person either side. A row whose note quotes the printed
    figure with a unit word (nghìn, triệu, thousand, million) but whose ``value_raw`` is
    the expanded digits claims a precision the page never gave, and made two false
    conflicts (docs/data.md, Corrections)."""
    cur = _all_curated()
    printed = cur["note"].str.extract(r"printed ['\"]([^'\"]*)['\"]", expand=False).fillna("")
    with_word = printed.str.contains(r"\d\s*(?:nghìn|ngàn|triệu|thousand|million)\b",
                                     case=False, regex=True)
    digits_only = cur["value_raw"].str.fullmatch(r"[\d.,\s]+")
    wrong = cur[with_word & digits_only]
    assert wrong.empty, wrong[["obs_id", "value_raw", "note"]].to_string()
