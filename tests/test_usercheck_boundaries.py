"""``bhxh data check``: each row resolves in the boundaries its date implies.

Rows dated before 2025-07-01 name legacy units, rows from that day 2025 units, unless the
row's ``boundaries`` cell says otherwise; names are never moved silently across the
reform. The first tests use a small stand-in registry shaped like the real one (same
names, codes and levels); the last ones run the real registry built from ``data/raw``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from bhxh_analysis import usercheck
from bhxh_analysis.schema import REFORM_DATE

TODAY = dt.date(2026, 11, 25)
HEADER = "geo_name,parent,as_of,indicator,value,boundaries\n"


@dataclass(frozen=True)
class FakeUnit:
    code: str
    name: str
    full_name: str
    level: str
    boundaries: str
    parent_name: str = ""
    province_2025_name: str = ""
    valid_to: str | None = None


class UnknownPlaceError(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.suggestions: list[str] = []


class AmbiguousPlaceError(LookupError):
    def __init__(self, name: str, candidates: list[FakeUnit]) -> None:
        super().__init__(name)
        self.candidates = candidates


_UNITS = [
    FakeUnit("VN", "Việt Nam", "Việt Nam", "nation", "legacy", "", "Việt Nam"),
    FakeUnit("68", "Lâm Đồng", "Tỉnh Lâm Đồng", "province", "legacy", "", "Lâm Đồng"),
    FakeUnit("67", "Đắk Nông", "Tỉnh Đắk Nông", "province", "legacy", "", "Lâm Đồng"),
    FakeUnit("62", "Kon Tum", "Tỉnh Kon Tum", "province", "legacy", "", "Quảng Ngãi"),
    FakeUnit("28", "Hà Tây", "Tỉnh Hà Tây", "province", "legacy", "", "Hà Nội",
             valid_to="2008-08-01"),
    FakeUnit("678", "Đức Trọng", "Huyện Đức Trọng", "district", "legacy", "Lâm Đồng",
             "Lâm Đồng"),
    FakeUnit("24961", "Hiệp An", "Xã Hiệp An", "commune", "legacy", "Đức Trọng", "Lâm Đồng"),
    FakeUnit("VN", "Việt Nam", "Việt Nam", "nation", "2025", "", "Việt Nam"),
    FakeUnit("68", "Lâm Đồng", "Tỉnh Lâm Đồng", "province", "2025", "", "Lâm Đồng"),
    FakeUnit("51", "Quảng Ngãi", "Tỉnh Quảng Ngãi", "province", "2025", "", "Quảng Ngãi"),
    FakeUnit("23293", "Kon Tum", "Phường Kon Tum", "commune", "2025", "Quảng Ngãi",
             "Quảng Ngãi"),
    FakeUnit("24958", "Đức Trọng", "Xã Đức Trọng", "commune", "2025", "Lâm Đồng",
             "Lâm Đồng"),
]
_RANK = {"nation": 0, "province": 1, "district": 2, "commune": 3}


class FakeRegistry:
    """Name or prefixed name; parent by name; legacy wins without boundaries; highest
    level wins; counts its calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None, str | None]] = []

    def __call__(self, name: str, parent: str | None, boundaries: str | None) -> FakeUnit:
        self.calls.append((name, parent, boundaries))
        found = [u for u in _UNITS if name in (u.name, u.full_name)
                 and boundaries in (None, u.boundaries)
                 and (parent is None or parent in (u.parent_name, u.province_2025_name))]
        if boundaries is None:
            found = [u for u in found if u.boundaries == "legacy"] or found
        if found:
            top = min(_RANK[u.level] for u in found)
            found = [u for u in found if _RANK[u.level] == top]
        if not found:
            raise UnknownPlaceError(name)
        if len(found) > 1:
            raise AmbiguousPlaceError(name, found)
        return found[0]


def check(tmp_path: Path, body: str, registry: FakeRegistry | None = None,
          name: str = "mine.csv") -> usercheck.CheckResult:
    f = tmp_path / name
    f.write_text(HEADER + body, encoding="utf-8")
    return usercheck.check_file(f, resolver=registry or FakeRegistry(), today=TODAY)


def problems(res: usercheck.CheckResult) -> dict[tuple[int, str], str]:
    return {(int(r.row), r.column): r.reason for r in res.rejected.itertuples()}


def kept(res: usercheck.CheckResult) -> dict[int, tuple[str, str, str]]:
    """row → (boundaries, geo_level, geo_code) of the good rows."""
    return {int(r.row): (r.boundaries, r.geo_level, r.geo_code)
            for r in res.clean.itertuples()}


# ------------------------------------------------------------------ the date rule


def test_reform_date_is_the_observations_rule() -> None:
    assert pd.Timestamp("2025-07-01") == REFORM_DATE


def test_pre_and_post_reform_rows_resolve_in_their_boundaries(tmp_path: Path) -> None:
    res = check(tmp_path,
                "Lâm Đồng,,2025-06-30,bhyt_participants,1200000,\n"
                "Lâm Đồng,,2025-07-01,bhyt_participants,3100000,\n"
                "Việt Nam,,2024-12-31,bhxh_participants,19000000,\n"
                "Việt Nam,,2025-12-31,bhxh_participants,20000000,\n"
                "Kon Tum,,2024-12-31,bhyt_participants,500000,\n"
                "Đức Trọng,,2024-12-31,bhyt_participants,150000,\n")
    assert res.rejected.empty, res.summary()
    assert kept(res) == {
        2: ("legacy", "province", "68"),  # the day before the reform
        3: ("2025", "province", "68"),  # the reform day itself: the merged province
        4: ("legacy", "nation", "VN"),
        5: ("2025", "nation", "VN"),
        6: ("legacy", "province", "62"),
        7: ("legacy", "district", "678"),
    }
    assert "good rows: 4 legacy, 2 2025" in res.summary()


def test_post_reform_legacy_province_rejected_with_its_2025_province(tmp_path: Path) -> None:
    res = check(tmp_path,
                "Lâm Đồng,,2025-12-31,bhyt_participants,3100000,\n"
                "Đắk Nông,,2025-09-30,bhyt_participants,600000,\n"
                "Đắk Nông,,2024-12-31,bhyt_participants,590000,\n")
    [((row, column), why)] = problems(res).items()
    assert (row, column) == (3, "geo_name")
    assert res.rejected["file"].tolist() == [str(tmp_path / "mine.csv")]
    assert why.startswith("legacy place in a 2025-boundaries row")
    assert "Tỉnh Đắk Nông" in why and "2025 province Lâm Đồng" in why
    assert "'boundaries' column to 'legacy'" in why
    # Good rows are kept, including the same province before the reform.
    assert kept(res) == {2: ("2025", "province", "68"), 4: ("legacy", "province", "67")}
    assert not res.ok


def test_post_reform_district_is_not_silently_the_commune_of_that_name(
        tmp_path: Path) -> None:
    res = check(tmp_path,
                "Đức Trọng,,2025-09-30,bhyt_participants,150000,\n"
                "Xã Đức Trọng,,2025-09-30,bhyt_participants,40000,\n"
                "Kon Tum,,2025-09-30,bhyt_participants,500000,\n"
                "Phường Kon Tum,,2025-09-30,bhyt_participants,50000,\n")
    got = problems(res)
    assert set(got) == {(2, "geo_name"), (4, "geo_name")}
    assert got[(2, "geo_name")].startswith("ambiguous across the 2025 reform")
    assert "Huyện Đức Trọng" in got[(2, "geo_name")]
    assert "write 'Xã Đức Trọng'" in got[(2, "geo_name")]
    assert "Tỉnh Kon Tum" in got[(4, "geo_name")]
    assert "Quảng Ngãi" in got[(4, "geo_name")]
    # The prefixed 2025 names are unambiguous and kept.
    assert kept(res) == {3: ("2025", "commune", "24958"), 5: ("2025", "commune", "23293")}


def test_post_reform_legacy_commune_with_parent_rejected(tmp_path: Path) -> None:
    res = check(tmp_path,
                "Hiệp An,Đức Trọng,2025-09-30,bhyt_participants,9000,\n"
                "Hiệp An,Đức Trọng,2024-09-30,bhyt_participants,9000,\n")
    [((row, column), why)] = problems(res).items()
    assert (row, column) == (2, "geo_name")
    assert "Xã Hiệp An" in why and "2025 province Lâm Đồng" in why
    assert kept(res) == {3: ("legacy", "commune", "24961")}


def test_pre_reform_row_naming_a_2025_only_unit_rejected(tmp_path: Path) -> None:
    res = check(tmp_path,
                "Phường Kon Tum,,2024-09-30,bhyt_participants,50000,\n"
                "Quảng Ngãi,,2025-09-30,bhyt_participants,1900000,\n")
    [((row, column), why)] = problems(res).items()
    assert (row, column) == (2, "geo_name")
    assert why.startswith("2025 place in a legacy-boundaries row")
    assert "dated before 2025-07-01" in why and "'boundaries' column to '2025'" in why
    assert kept(res) == {3: ("2025", "province", "51")}


def test_defunct_unit_after_it_ceased(tmp_path: Path) -> None:
    res = check(tmp_path,
                "Hà Tây,,2005-12-31,population,2500000,\n"
                "Hà Tây,,2010-12-31,population,2600000,\n")
    [((row, column), why)] = problems(res).items()
    assert (row, column) == (3, "geo_name")
    assert "ceased to exist on 2008-08-01" in why and "Hà Nội" in why
    assert kept(res) == {2: ("legacy", "province", "28")}


def test_unknown_place_still_reported_as_unknown(tmp_path: Path) -> None:
    res = check(tmp_path, "Atlantis,,2025-09-30,bhyt_participants,1,\n"
                          "Atlantis,,2024-09-30,bhyt_participants,1,\n")
    assert [why for why in problems(res).values()] == ["unknown place", "unknown place"]


# ------------------------------------------------------------ explicit boundaries


def test_boundaries_column_wins_over_the_date(tmp_path: Path) -> None:
    res = check(tmp_path,
                # A late-2025 figure still published for the old province.
                "Đắk Nông,,2025-09-30,bhyt_participants,600000,legacy\n"
                # A back-cast on the new province; case and spaces tolerated.
                "Lâm Đồng,,2024-12-31,bhyt_participants,3000000, 2025 \n"
                "Đức Trọng,,2025-09-30,bhyt_participants,150000,LEGACY\n"
                "Đức Trọng,,2020-09-30,bhyt_participants,140000,2025\n")
    got = problems(res)
    assert set(got) == {(5, "geo_name")}
    assert "its 'boundaries' column says 2025" in got[(5, "geo_name")]
    assert kept(res) == {2: ("legacy", "province", "67"), 3: ("2025", "province", "68"),
                         4: ("legacy", "district", "678")}


def test_bad_boundaries_value_rejected(tmp_path: Path) -> None:
    res = check(tmp_path,
                "Lâm Đồng,,2025-09-30,bhyt_participants,3000000,new\n"
                "Lâm Đồng,,2024-09-30,bhyt_participants,1200000,\n")
    assert problems(res) == {
        (2, "boundaries"): "boundaries must be 'legacy' or '2025' (or empty: chosen by as_of)"}
    assert kept(res) == {3: ("legacy", "province", "68")}


def test_bad_date_does_not_hide_a_place_problem(tmp_path: Path) -> None:
    res = check(tmp_path, "Atlantis,,hôm qua,bhyt_participants,1,\n")
    assert set(problems(res)) == {(2, "as_of"), (2, "geo_name")}


# ------------------------------------------------------------------ vectorised


def test_each_distinct_place_and_boundaries_resolved_once(tmp_path: Path) -> None:
    days = pd.date_range("2025-01-01", periods=300, freq="D")  # crosses 2025-07-01
    places = ["Lâm Đồng", "Việt Nam", "Hiệp An"]
    lines = [f"{places[i % 3]},{'Đức Trọng' if i % 3 == 2 else ''},"
             f"{d.date().isoformat()},bhyt_participants,{1000 + i},\n"
             for i, d in enumerate(days)]
    registry = FakeRegistry()
    res = check(tmp_path, "".join(lines), registry)
    # Lâm Đồng and Việt Nam: once per boundary set (the legacy look-up of a 2025 key is
    # shared with the legacy rows); Hiệp An after the reform fails in 2025, and its
    # legacy reading is the one already made for the earlier rows.
    assert sorted(registry.calls, key=str) == sorted(
        [(p, par, b) for p, par in (("Lâm Đồng", None), ("Việt Nam", None),
                                     ("Hiệp An", "Đức Trọng")) for b in ("legacy", "2025")],
        key=str)
    post_hiep_an = [i + 2 for i, d in enumerate(days) if i % 3 == 2 and d >= REFORM_DATE]
    assert sorted(res.rejected["row"]) == post_hiep_an
    assert len(res.clean) == 300 - len(post_hiep_an)
    assert res.clean["boundaries"].eq(
        pd.Series(["2025" if pd.Timestamp(a) >= REFORM_DATE else "legacy"
                   for a in res.clean["as_of"]])).all()


# ------------------------------------------------------------------ real registry


@pytest.fixture(scope="module")
def real_result(tmp_path_factory: pytest.TempPathFactory) -> usercheck.CheckResult:
    pytest.importorskip("bhxh_analysis.geo")
    f = tmp_path_factory.mktemp("real") / "reform.csv"
    f.write_text(HEADER
                 + "Lâm Đồng,,2024-12-31,bhyt_participants,1200000,\n"  # 2
                 + "Lâm Đồng,,2025-12-31,bhyt_participants,3100000,\n"  # 3
                 + "Đắk Nông,,2025-09-30,bhyt_participants,600000,\n"  # 4
                 + "Đắk Nông,,2025-09-30,bhxh_participants,60000,legacy\n"  # 5
                 + "Đức Trọng,,2025-09-30,bhyt_participants,150000,\n"  # 6
                 + "Kon Tum,,2025-09-30,bhyt_participants,500000,\n"  # 7
                 + "Phường Kon Tum,,2025-09-30,bhyt_participants,50000,\n"  # 8
                 + "Hiệp An,Đức Trọng,2025-09-30,bhyt_participants,9000,\n"  # 9
                 + "Hiệp An,Đức Trọng,2024-09-30,bhyt_participants,9000,\n"  # 10
                 + "Đà Lạt,,2025-09-30,bhyt_participants,200000,\n"  # 11
                 + "Việt Nam,,2025-09-30,bhxh_participants,20000000,\n",  # 12
                 encoding="utf-8")
    return usercheck.check_file(f, today=TODAY)


def test_real_registry_keeps_good_rows_in_their_boundaries(
        real_result: usercheck.CheckResult) -> None:
    assert kept(real_result) == {
        2: ("legacy", "province", "68"), 3: ("2025", "province", "68"),
        5: ("legacy", "province", "67"), 8: ("2025", "commune", "23293"),
        10: ("legacy", "commune", "24961"), 12: ("2025", "nation", "VN"),
    }


def test_real_registry_reasons_name_the_2025_successor(
        real_result: usercheck.CheckResult) -> None:
    got = problems(real_result)
    assert set(got) == {(r, "geo_name") for r in (4, 6, 7, 9, 11)}
    assert "legacy province 67" in got[(4, "geo_name")]
    assert "merged into the 2025 province Lâm Đồng" in got[(4, "geo_name")]
    assert "ambiguous across the 2025 reform" in got[(6, "geo_name")]
    assert "legacy district 678" in got[(6, "geo_name")]
    assert "'Phường Kon Tum'" in got[(7, "geo_name")]
    assert "Quảng Ngãi" in got[(7, "geo_name")]
    # Communes: the conversion table's 2025 commune is suggested.
    assert "merged into Xã Hiệp Thạnh" in got[(9, "geo_name")]
    assert "e.g. Xã Hiệp Thạnh" in got[(9, "geo_name")]
    assert "was abolished on 2025-07-01" in got[(11, "geo_name")]
    assert "its communes went to Phường" in got[(11, "geo_name")]
