"""Two hard rules of name resolution, and a district merged before the legacy list.

"Thành phố Ninh Bình" (the city, a district until 2025-01-01) was read as the province
Tỉnh Ninh Bình: the GSO list of 2025-01-04 no longer holds the city, the printed kind
was only a soft preference, and the legacy province counted as inside the 2025 province
of the same name given as its parent.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from bhxh_analysis import geo, i18n
from bhxh_analysis.cli import main
from bhxh_analysis.reports.boundaries import _merged_district_sentences


@pytest.fixture(scope="module")
def reg() -> geo.Registry:
    return geo.get_registry()


# --------------------------------------------------------------------------- kind rule


@pytest.mark.parametrize(("name", "boundaries", "code"), [
    ("Thành phố Cần Thơ", None, "92"),
    ("TP. Hồ Chí Minh", "legacy", "79"),
    ("TP. Hồ Chí Minh", "2025", "79"),
    ("thành phố Huế", "legacy", "46"),  # Thành phố trực thuộc TW in the 2025-01-04 list
    ("thành phố Huế", "2025", "46"),
    ("Hanoi city", None, "01"),
])
def test_a_city_kind_still_names_a_city_province(reg, name, boundaries, code):
    u = reg.resolve(name, boundaries=boundaries)
    assert (u.level, u.code, u.kind) == ("province", code, "Thành phố")


@pytest.mark.parametrize("name", ["Thành phố Lâm Đồng", "TP Lâm Đồng", "Lam Dong city"])
def test_a_city_kind_never_names_a_tinh(reg, name):
    # no district Lâm Đồng exists: before, the soft preference fell back to the province
    with pytest.raises(geo.UnknownPlaceError) as ei:
        reg.resolve(name)
    assert "Tỉnh Lâm Đồng" in ei.value.suggestions  # the reader is shown what exists


def test_a_city_kind_finds_the_district_city(reg):
    u = reg.resolve("Thành phố Kon Tum", parent="Kon Tum", boundaries="legacy")
    assert (u.level, u.code) == ("district", "608")
    assert reg.resolve("Kon Tum", boundaries="legacy").level == "province"  # no kind printed


# --------------------------------------------------------------------------- own parent


def test_a_unit_is_never_its_own_parent(reg):
    # legacy Lâm Đồng lies inside the 2025 province Lâm Đồng, but is not inside itself
    with pytest.raises(geo.UnknownPlaceError, match="parent=Lâm Đồng"):
        reg.resolve("Lâm Đồng", parent="Lâm Đồng", level="province")
    # another legacy province inside that 2025 province still resolves
    assert reg.resolve("Đắk Nông", parent="Lâm Đồng").code == "67"


def test_a_parent_name_read_as_the_candidate_keeps_its_other_readings(reg):
    # "Hà Tĩnh" as parent also reads as the city (district 436); the province reading stays
    u = reg.resolve("thành phố Hà Tĩnh", parent="Hà Tĩnh", boundaries="legacy")
    assert (u.level, u.code) == ("district", "436")


# --------------------------------------------------------------------------- Ninh Bình


def test_thanh_pho_ninh_binh_is_the_former_city(reg):
    for parent in ("Ninh Bình", None):
        u = reg.resolve("Thành phố Ninh Bình", parent=parent, boundaries="legacy")
        assert (u.level, u.code, u.province_code) == ("district", "369", "37")
        assert (u.valid_to, u.successor_code) == ("2025-01-01", "374")
    assert reg.resolve("Ninh Binh city").code == "369"
    assert reg.resolve("Ninh Bình").level == "province"  # the bare name is the province
    (change,) = reg.history(reg.get("legacy", "district", "369"))
    assert (change.date, change.event, change.successors[0].full_name) == (
        "2025-01-01", "merged", "Thành phố Hoa Lư")
    assert change.basis == "Nghị quyết 1318/NQ-UBTVQH15"
    assert "merged into Hoa Lư on 2025-01-01" in reg.describe(change.unit)


def test_former_district_is_left_out_of_listings(reg):
    assert len(reg.units("legacy", "district")) == 696
    defunct = reg.units("legacy", "district", include_defunct=True)
    assert defunct.loc[defunct["valid_to"].notna(), "geo_code"].tolist() == ["369"]
    assert "369" not in {u.code for u in reg.children(reg.get("legacy", "province", "37"))}


def _districts(codes: list[str], as_of: str) -> pd.DataFrame:
    return pd.DataFrame({"obs_id": [f"o{c}" for c in codes], "geo_code": codes,
                         "geo_level": "district", "boundaries": "legacy", "as_of": as_of,
                         "indicator": "population", "value": 100.0, "unit": "persons"})


def test_a_province_sum_needs_the_former_district_only_before_its_end():
    now = ["370", "372", "373", "374", "375", "376", "377"]
    before = geo.aggregate(_districts(now, "2024-06-30"), boundaries="legacy").iloc[0]
    assert np.isnan(before["value"]) and "Thành phố Ninh Bình" in before["missing"]
    whole = geo.aggregate(_districts([*now, "369"], "2024-06-30"), boundaries="legacy")
    assert whole["value"].tolist() == [800.0]
    after = geo.aggregate(_districts(now, "2025-03-31"), boundaries="legacy")
    assert after["value"].tolist() == [700.0]
    late = geo.aggregate(_districts([*now, "369"], "2025-03-31"), boundaries="legacy").iloc[0]
    assert np.isnan(late["value"]) and "(until 2025-01-01)" in late["reason"]


def test_data_check_files_the_city_and_refuses_what_cannot_be_it(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("geo_name,parent,as_of,indicator,value\n"
                    "Thành phố Ninh Bình,Ninh Bình,2024-05-15,bhyt_participants,128067\n"
                    "Thành phố Ninh Bình,Ninh Bình,2025-03-31,bhyt_participants,130000\n"
                    "Thành phố Lâm Đồng,,2024-05-15,bhyt_participants,100000\n",
                    encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(path)])
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)  # no traceback
    assert "Traceback" not in res.output
    assert f"{path}:3: geo_name='Thành phố Ninh Bình'" in res.output
    assert "the district Ninh Bình ceased to exist on 2025-01-01" in res.output
    assert f"{path}:4: geo_name='Thành phố Lâm Đồng'" in res.output
    assert "unknown place" in res.output
    clean = pd.read_csv(tmp_path / "mine.clean.csv", dtype=str)
    assert clean[["geo_code", "geo_level"]].values.tolist() == [["369", "district"]]


@pytest.mark.parametrize(("level", "unit", "code", "shown"), [
    ("province", ("legacy", "37"), None, True),
    ("province", ("2025", "37"), None, True),
    ("district", ("legacy", "37"), "369", True),
    ("district", ("legacy", "37"), "374", True),  # the successor's report
    ("district", ("legacy", "37"), "370", False),
    ("province", ("legacy", "68"), None, False),
])
@pytest.mark.parametrize(("lang", "city", "into"), [
    ("vi", "thành phố Ninh Bình", "thành phố Hoa Lư"),  # lower case inside a sentence
    ("en", "Ninh Bình City", "Hoa Lư City"),  # the kind word in the reader's language
])
def test_reports_say_the_city_merged(reg, level, unit, code, shown, lang, city, into):
    rpt = SimpleNamespace(level=level, code=code, lang=lang,
                          unit=reg.get(unit[0], "province", unit[1]),
                          t=lambda key, **kw: i18n.t(key, lang, **kw))
    got = _merged_district_sentences(rpt)
    assert bool(got) is shown
    if shown:
        assert got == [i18n.t("bnd_district_merged", lang, name=city, into=into,
                              basis={"vi": "Nghị quyết", "en": "Resolution"}[lang]
                              + " 1318/NQ-UBTVQH15",
                              date=i18n.fmt_date("2025-01-01", lang))]
