"""Tests for bhxh_analysis.geo and ``bhxh geo`` (registry, resolution, conversion, aggregation)."""

from __future__ import annotations

import doctest
import importlib
import json
import shutil

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from bhxh_analysis import config, geo
from bhxh_analysis.cli import main


@pytest.fixture(scope="module")
def reg() -> geo.Registry:
    return geo.get_registry()


# --------------------------------------------------------------------------- registry


@pytest.mark.parametrize("module", ["", ".unit", ".names", ".admin", ".reform", ".registry",
                                    ".rollup", ".stored"])
def test_docstring_examples(module):
    mod = importlib.import_module("bhxh_analysis.geo" + module)
    result = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    if module not in ("", ".admin", ".reform", ".stored"):  # shown through the registry
        assert result.attempted > 0


def test_every_public_function_has_an_example():
    missing = [name for name in geo.__all__ if callable(getattr(geo, name))
               and not isinstance(getattr(geo, name), type)
               and ">>>" not in (getattr(geo, name).__doc__ or "")]
    methods = [f"Registry.{n}" for n, f in vars(geo.Registry).items()
               if callable(f) and not n.startswith("_") and ">>>" not in (f.__doc__ or "")]
    assert missing + methods == []


def test_counts(reg):
    assert len(reg.units("legacy", "province")) == 63
    assert len(reg.units("legacy", "district")) == 696
    # 10,056 rows in the GSO list; five island districts have no commune level.
    assert len(reg.units("legacy", "commune")) == 10_051
    assert len(reg.units("2025", "province")) == 34
    assert len(reg.units("2025", "commune")) == 3_321
    for b in geo.BOUNDARIES:
        nation = reg.units(b, "nation")
        assert nation[["geo_code", "geo_name"]].values.tolist() == [["VN", "Việt Nam"]]


def test_units_table_contract(reg):
    df = reg.units("legacy", "district")
    assert list(df.columns) == geo.UNIT_COLUMNS
    assert list(df.columns[:4]) == ["geo_code", "geo_name", "geo_level", "boundaries"]
    assert df["geo_code"].is_monotonic_increasing and df["geo_code"].is_unique
    assert df["geo_code"].str.fullmatch(r"\d{3}").all()
    assert (df["boundaries"] == "legacy").all() and (df["province_2025"] != "").all()
    # the legacy province of a district is a column, by name, beside its 2025 province
    dt = df.set_index("geo_name").loc["Đức Trọng"]
    assert (dt["province"], dt["province_2025"]) == ("Lâm Đồng", "Lâm Đồng")
    ct = df[(df["geo_name"] == "Châu Thành") & (df["province_code"] == "80")].iloc[0]
    assert (ct["province"], ct["province_2025"]) == ("Long An", "Tây Ninh")
    assert reg.units("legacy", "commune")["geo_code"].str.fullmatch(r"\d{5}").all()
    pc = geo.province_conversion()
    assert list(pc.columns) == geo.PROVINCE_TABLE_COLUMNS
    assert list(pc.columns[:4]) == ["geo_code", "geo_name", "geo_level", "boundaries"]


def test_ha_tay_is_defunct_legacy_province(reg):
    assert "28" not in set(reg.units("legacy", "province")["geo_code"])
    with_defunct = reg.units("legacy", "province", include_defunct=True)
    row = with_defunct[with_defunct["geo_code"] == "28"].iloc[0]
    assert row["geo_name"] == "Hà Tây" and row["valid_to"] == "2008-08-01"
    assert row["province_2025"] == "Hà Nội" and row["successor_code"] == "01"
    others = with_defunct[with_defunct["geo_code"] != "28"]
    assert others["successor_code"].map(lambda v: v is None).all()
    assert others["valid_to"].map(lambda v: v is None).all()


def test_last_day_of_a_unit(reg):
    # one answer for "until when did this unit exist": Hà Tây to 31/7/2008, every other
    # legacy unit to 30/6/2025 (the eve of the reform), a 2025 unit still exists
    assert reg.last_day(reg.resolve("Hà Tây")) == pd.Timestamp("2008-07-31")
    assert reg.last_day(reg.get("legacy", "province", "79")) == pd.Timestamp("2025-06-30")
    assert reg.last_day(reg.get("legacy", "district", "672")) == pd.Timestamp("2025-06-30")
    assert reg.last_day(reg.get("2025", "province", "79")) is None
    assert reg.last_day(reg.get("legacy", "nation", "VN")) is None


def test_ceased_by_is_exclusive_of_valid_to(reg):
    # valid_to is the first day without the unit: Hà Tây's last day is still its own
    ha_tay = reg.resolve("Hà Tây")
    last = reg.last_day(ha_tay)
    assert not reg.ceased_by(ha_tay, last)
    assert reg.ceased_by(ha_tay, last + pd.Timedelta(days=1))
    assert reg.ceased_by(ha_tay, "2008-08-01") and not reg.ceased_by(ha_tay, "2008-07-31")
    assert reg.ceased_by(ha_tay, pd.NaT)  # an unknown date is not shown to be before it
    # the reform ends no unit here: which set a date reads in is the date's rule
    assert not reg.ceased_by(reg.get("legacy", "province", "79"), "2026-01-01")
    assert not reg.ceased_by(reg.get("legacy", "district", "672"), "2026-01-01")
    assert not reg.ceased_by(reg.get("2025", "province", "79"), "2026-01-01")


def test_no_districts_in_2025(reg):
    with pytest.raises(geo.GeoError, match="no districts"):
        reg.units("2025", "district")


def test_vectorised_keys_match_scalar_keys(reg):
    df = reg.units("legacy").iloc[::7]
    names = df["geo_name"]
    assert geo.names.exact_keys(names).tolist() == [geo.exact_key(n) for n in names]
    assert geo.names.fold_keys(names).tolist() == [geo.fold_key(n) for n in names]


def test_keys_tolerate_spelling_variants():
    assert geo.fold_key("Đắk Lắk") == geo.fold_key("Dak Lak") == geo.fold_key("Daklak")
    assert geo.exact_key("N' Thol Hạ") == geo.exact_key("N'Thol Hạ")
    assert geo.exact_key("Yên Hoà") == geo.exact_key("Yên Hòa")
    assert geo.fold_key("Bà Rịa - Vũng Tàu") == geo.fold_key("Ba Ria-Vung Tau")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(range(63)), st.sampled_from(["lower", "upper", "ascii", "spaced"]))
def test_every_province_resolves_from_variants(idx, variant):
    reg = geo.get_registry()
    row = reg.units("legacy", "province").iloc[idx]
    name = row["geo_name"]
    text = {"lower": name.lower(), "upper": name.upper(),
            "ascii": " ".join(geo.fold_key(w) for w in name.split()),
            "spaced": "  " + name.replace(" ", "   ") + " "}[variant]
    unit = reg.resolve(text)
    assert (unit.boundaries, unit.level, unit.code) == ("legacy", "province", row["geo_code"])


# --------------------------------------------------------------------------- resolve


@pytest.mark.parametrize(
    ("name", "parent", "expected"),
    [
        ("thành phố Đà Lạt", "Lâm Đồng", ("legacy", "district", "672")),
        ("TP. Đà Lạt", None, ("legacy", "district", "672")),
        ("Da Lat city", None, ("legacy", "district", "672")),
        ("huyện Đức Trọng", None, ("legacy", "district", "678")),
        ("Duc Trong district", None, ("legacy", "district", "678")),
        ("Hiệp An", "Đức Trọng", ("legacy", "commune", "24961")),
        ("Hiệp An", "huyện Đức Trọng", ("legacy", "commune", "24961")),
        ("N' Thol Hạ", "Đức Trọng", ("legacy", "commune", "24973")),
        ("thị trấn Liên Nghĩa", "Đức Trọng", ("legacy", "commune", "24958")),
        ("huyện U Minh Thượng", "Kiên Giang", ("legacy", "district", "913")),
        ("toàn quốc", None, ("legacy", "nation", "VN")),
        ("cả nước", None, ("legacy", "nation", "VN")),
        ("WHOLE COUNTRY", None, ("legacy", "nation", "VN")),
        ("Viet Nam", None, ("legacy", "nation", "VN")),
        ("Ha Tay", None, ("legacy", "province", "28")),
        ("Quang  Nam", None, ("legacy", "province", "49")),
        ("Thua Thien Hue", None, ("legacy", "province", "46")),
        ("Thua Thien-Hue", None, ("legacy", "province", "46")),
        ("Ho Chi Minh city", None, ("legacy", "province", "79")),
        ("HCMC", None, ("legacy", "province", "79")),
        ("TP.HCM", None, ("legacy", "province", "79")),
        ("Ha Noi", None, ("legacy", "province", "01")),
        ("Hanoi", None, ("legacy", "province", "01")),
        ("Ba Ria - Vung Tau", None, ("legacy", "province", "77")),
        ("Daklak", None, ("legacy", "province", "66")),
        ("Lâm Đồng", None, ("legacy", "province", "68")),
        ("Lam Dong province", None, ("legacy", "province", "68")),
        ("Tỉnh Lâm Đồng", None, ("legacy", "province", "68")),
        ("Tinh Bien", None, ("legacy", "district", "890")),  # Thị xã Tịnh Biên, not "Tỉnh Biên"
        ("Phường 4", "Tân An", ("legacy", "commune", "27691")),
        ("Quận 1", None, ("legacy", "district", "760")),
        ("Hoà Bình", None, ("legacy", "province", "17")),
        ("Hòa Bình", None, ("legacy", "province", "17")),
        ("Xã Hiệp An", None, ("legacy", "commune", "24961")),  # the only Xã among 3 Hiệp An
        ("Phan Thiết", "Lâm Đồng", ("legacy", "district", "593")),  # legacy unit, 2025 parent
    ],
)
def test_resolve(reg, name, parent, expected):
    u = reg.resolve(name, parent=parent)
    assert (u.boundaries, u.level, u.code) == expected


def test_resolve_unit_fields(reg):
    u = reg.resolve("thành phố Đà Lạt", parent="Lâm Đồng")
    assert u == geo.Unit(code="672", name="Đà Lạt", full_name="Thành phố Đà Lạt",
                         level="district", boundaries="legacy", parent_code="68",
                         province_code="68", province_2025_code="68",
                         province_2025_name="Lâm Đồng", kind="Thành phố", valid_to=None)
    hcm = reg.resolve("Ho Chi Minh city")
    assert (hcm.name, hcm.full_name) == ("Hồ Chí Minh", "Thành phố Hồ Chí Minh")


def test_resolve_boundaries_and_level(reg):
    assert reg.resolve("Lâm Đồng", boundaries="2025").boundaries == "2025"
    assert reg.resolve("Lâm Đồng").boundaries == "legacy"  # legacy preferred
    # "Đức Trọng" is a legacy district and a 2025 commune (Xã Đức Trọng).
    c = reg.resolve("Đức Trọng", level="commune")
    assert (c.boundaries, c.code, c.full_name) == ("2025", "24958", "Xã Đức Trọng")
    assert reg.resolve("Đức Trọng", boundaries="2025").code == "24958"
    with pytest.raises(geo.GeoError, match="no districts"):
        reg.resolve("Đức Trọng", boundaries="2025", level="district")


def test_resolve_ambiguous(reg):
    with pytest.raises(geo.AmbiguousPlaceError) as ei:
        reg.resolve("Hiệp An")
    err = ei.value
    assert err.name == "Hiệp An"
    assert sorted(u.code for u in err.candidates) == ["10735", "24961", "25768"]
    assert "3 candidates" in str(err)
    assert "Xã Hiệp An (Huyện Đức Trọng, Lâm Đồng" in str(err) and "pass a parent" in str(err)
    assert isinstance(err, geo.GeoError) and isinstance(err, ValueError)


def test_a_correct_parent_disambiguates(reg):
    # "Tây Ninh" is legacy province 72 and the 2025 province that also holds old Long An
    # (and its own Huyện Châu Thành 808): the parent in the name's boundary set decides.
    u = reg.resolve("Huyện Châu Thành", parent="Tây Ninh", boundaries="legacy")
    assert (u.code, u.province_code) == ("708", "72")
    assert reg.resolve("Châu Thành", parent="Tây Ninh").code == "708"
    assert reg.resolve("Châu Thành", parent="Long An").code == "808"
    assert reg.resolve("Châu Thành", parent="Tây Ninh", boundaries="2025").level == "commune"
    with pytest.raises(geo.AmbiguousPlaceError):
        reg.resolve("Huyện Châu Thành", boundaries="legacy")  # no parent: still ambiguous


def test_data_check_parent_column_disambiguates(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("geo_name,parent,as_of,indicator,value,unit,source_id\n"
                    "Huyện Châu Thành,Tây Ninh,2023-12-31,bhyt_participants,120000,persons,me\n"
                    "Châu Thành,Long An,2023-12-31,bhyt_participants,110000,persons,me\n",
                    encoding="utf-8")
    res = CliRunner().invoke(main, ["data", "check", str(path)])
    assert res.exit_code == 0, res.output
    assert "ambiguous" not in res.output
    clean = pd.read_csv(tmp_path / "mine.clean.csv", dtype=str)
    assert clean["geo_code"].tolist() == ["708", "808"]


def test_resolve_unknown(reg):
    with pytest.raises(geo.UnknownPlaceError) as ei:
        reg.resolve("Atlantis")
    assert ei.value.name == "Atlantis" and len(ei.value.suggestions) <= 5
    with pytest.raises(geo.UnknownPlaceError) as ei:
        reg.resolve("Lam Dogn")
    assert "Tỉnh Lâm Đồng" in ei.value.suggestions and "Tỉnh Lâm Đồng" in str(ei.value)
    with pytest.raises(geo.UnknownPlaceError):
        reg.resolve("   ")
    with pytest.raises(geo.UnknownPlaceError, match="as parent"):
        reg.resolve("Hiệp An", parent="Atlantis")
    # The name exists, but not under that parent.
    with pytest.raises(geo.UnknownPlaceError, match="parent=Kiên Giang"):
        reg.resolve("Hiệp An", parent="Kiên Giang")


def test_get_children_parent(reg):
    assert reg.get("legacy", "district", "672").name == "Đà Lạt"
    with pytest.raises(geo.UnknownPlaceError):
        reg.get("legacy", "district", "999")
    dt = reg.resolve("Đức Trọng")
    kids = reg.children(dt)
    assert "24961" in {k.code for k in kids} and all(k.level == "commune" for k in kids)
    assert [k.code for k in kids] == sorted(k.code for k in kids)
    assert len(reg.children(reg.get("legacy", "nation", "VN"))) == 63
    assert len(reg.children(reg.get("2025", "nation", "VN"))) == 34
    ld25 = reg.children(reg.get("2025", "province", "68"))
    assert ld25 and all(k.level == "commune" and k.boundaries == "2025" for k in ld25)
    assert reg.parent(dt).code == "68"


def test_province_2025(reg):
    assert reg.province_2025(reg.resolve("Phường 4", parent="Tân An")).name == "Tây Ninh"
    assert reg.province_2025(reg.resolve("Kon Tum")).name == "Quảng Ngãi"
    assert reg.province_2025(reg.resolve("Hà Tây")).name == "Hà Nội"
    with pytest.raises(geo.GeoError):
        reg.province_2025(reg.resolve("Việt Nam"))


# --------------------------------------------------------------------------- conversion


def test_province_conversion_fixed():
    pc = geo.province_conversion().set_index("geo_name")
    expected = {"Long An": "Tây Ninh", "Tiền Giang": "Đồng Tháp", "Hà Tây": "Hà Nội",
                "Kon Tum": "Quảng Ngãi", "Kiên Giang": "An Giang", "Lâm Đồng": "Lâm Đồng",
                "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Quảng Trị": "Quảng Trị",
                "Quảng Bình": "Quảng Trị"}
    for old, new in expected.items():
        assert pc.at[old, "province_2025"] == new, old


def test_province_conversion_complete(reg):
    pc = geo.province_conversion()
    current = pc[pc["valid_to"].isna()]
    assert len(current) == 63 and current["geo_code"].is_unique
    assert set(current["geo_code"]) == set(reg.units("legacy", "province")["geo_code"])
    assert set(current["province_2025_code"]) == set(reg.units("2025", "province")["geo_code"])
    assert (current["share"] == 1.0).all()  # every row of each province agrees (after fix)
    assert pc["geo_code"].is_monotonic_increasing


def test_contradictions_detected_and_explained():
    c = geo.find_conversion_contradictions()
    assert c["overridden"].all()
    naive = c[c["kind"] == "legacy_province_split (label reading)"]
    # Read naively, old Tiền Giang (82) goes to Tây Ninh (80) and Đồng Tháp (82).
    assert naive[["legacy_province_code", "new_province_codes"]].values.tolist() == [["82",
                                                                                        "80 82"]]
    labels = c[c["kind"] == "label_disagrees_with_legacy_list"]
    tan_an = labels[labels["old_commune_code"] == "27691"].iloc[0]
    assert tan_an["legacy_province_code"] == "80"
    assert tan_an["label_as_printed"] == "Tỉnh Tiền Giang (82)"
    assert "Tân An" in tan_an["old_district"]
    assert not (c["kind"] == "legacy_province_split (legacy_list reading)").any()
    assert not (c["kind"] == "commune_code_in_other_province").any()


def test_unexplained_contradiction_raises():
    with pytest.raises(geo.GeoError, match="unexplained contradictions") as ei:
        geo.Registry(config.raw_dir(), overrides=[])
    assert "Tiền Giang" in str(ei.value) and "8914" in str(ei.value)


def test_stale_override_raises():
    good = geo.reform.load_overrides()
    bogus = dict(good[0], old_commune_code="99999")
    with pytest.raises(geo.GeoError, match="stale_override"):
        geo.Registry(config.raw_dir(), overrides=[*good, bogus])


def test_new_wrong_label_in_file_raises(tmp_path):
    (tmp_path / "admin").mkdir()
    for f in (geo.LEGACY_FILE, geo.PROVINCES_2025_FILE):
        shutil.copy(config.raw_dir() / f, tmp_path / f)
    text = (config.raw_dir() / geo.CONVERSION_FILE).read_text(encoding="utf-8")
    row = "Nhập toàn bộ,Huyện Bến Lức (803),Tỉnh Long An (80)"
    assert row in text
    (tmp_path / geo.CONVERSION_FILE).write_text(
        text.replace(row, row.replace("Tỉnh Long An (80)", "Tỉnh Bến Tre (83)"), 1),
        encoding="utf-8")
    with pytest.raises(geo.GeoError, match="Bến Lức|Long An"):
        geo.Registry(tmp_path)


def _same_tables(a: geo.Registry, b: geo.Registry) -> None:
    for name in ("_df", "_conv", "province_table", "contradictions"):
        x, y = getattr(a, name), getattr(b, name)
        pd.testing.assert_frame_equal(x, y, check_exact=True)
        for c in x.columns[x.dtypes.eq(object)]:  # None stays None, 6211 stays an int
            assert [type(v) for v in x[c]] == [type(v) for v in y[c]], (name, c)


def test_stored_registry_is_the_built_one_and_follows_its_inputs(tmp_path, monkeypatch):
    from bhxh_analysis.geo import stored

    raw = tmp_path / "raw"
    (raw / "admin").mkdir(parents=True)
    for f in stored.ADMIN_FILES:
        shutil.copy(config.raw_dir() / f, raw / f)
    monkeypatch.setenv(config.ENV_VAR, str(tmp_path / "home"))  # the cache goes here
    built = geo.Registry(raw, overrides=geo.reform.load_overrides())  # never stored
    assert not config.cache_dir().exists()
    first = geo.Registry(raw)  # built, then stored
    folders = list(config.cache_dir().iterdir())
    assert [f.name for f in folders] == [f"geo_registry-{stored.cache_key(raw)}"]

    def refuse(self, overrides):
        raise AssertionError("built from the lists although stored")

    with monkeypatch.context() as m:
        m.setattr(geo.Registry, "_build_tables", refuse)
        loaded = geo.Registry(raw)
    _same_tables(built, first)
    _same_tables(built, loaded)
    assert loaded.resolve("Hiệp An", parent="Đức Trọng") == built.resolve(
        "Hiệp An", parent="Đức Trọng")
    assert loaded.units("legacy").equals(built.units("legacy"))

    # A damaged stored table is not trusted: the lists are read again.
    (folders[0] / "units.parquet").write_bytes(b"not parquet")
    _same_tables(built, geo.Registry(raw))

    # A changed list gives another key: the old tables are never used for it.
    legacy = raw / geo.LEGACY_FILE
    text = legacy.read_text(encoding="utf-8-sig")
    assert text.count("Xã Hiệp An,") == 1
    legacy.write_text(text.replace("Xã Hiệp An,", "Xã Hiệp An Tây,"), encoding="utf-8")
    changed = geo.Registry(raw)
    assert changed.resolve("Hiệp An Tây", parent="Đức Trọng").code == "24961"
    with pytest.raises(geo.UnknownPlaceError):
        changed.resolve("Hiệp An", parent="Đức Trọng")
    assert len(list(config.cache_dir().iterdir())) == 2


def test_stored_registry_survives_a_second_writer_and_a_read_only_folder(tmp_path,
                                                                         monkeypatch):
    from bhxh_analysis.geo import stored

    monkeypatch.setenv(config.ENV_VAR, str(tmp_path))
    tables = {"units": pd.DataFrame({"code": ["01", "02"],
                                     "parent": pd.Series([None, "01"], dtype=object)}),
              "conversion": pd.DataFrame({"n": [1]}),
              "province_table": pd.DataFrame({"valid_to": [None]}, dtype=object),
              "contradictions": pd.DataFrame({"record": [6211, pd.NA]}, dtype=object)}
    stored.save("k", tables)
    stored.save("k", tables)  # a second process storing the same key: nothing changes
    assert [p.name for p in config.cache_dir().iterdir()] == ["geo_registry-k"]
    back = stored.load("k")
    assert back["units"]["parent"].tolist() == [None, "01"]
    assert back["contradictions"]["record"].tolist()[0] == 6211
    assert back["contradictions"]["record"].tolist()[1] is pd.NA
    # A folder that cannot be written costs only speed.
    monkeypatch.setattr(stored.tempfile, "mkdtemp", lambda **kw: (_ for _ in ()).throw(
        PermissionError(13, "Permission denied")))
    stored.save("other", tables)
    assert stored.load("other") is None


def test_missing_admin_file_names_path(tmp_path):
    with pytest.raises(geo.GeoError, match="communes_legacy"):
        geo.Registry(tmp_path)


def test_convert_commune(reg):
    pairs = reg.convert_commune("24961")  # Xã Hiệp An (Đức Trọng)
    assert [(u.code, u.full_name, note) for u, note in pairs] == [
        ("24967", "Xã Hiệp Thạnh", "Nhập toàn bộ")]
    split = reg.convert_commune("00016")  # Phường Ngọc Hà, split in two
    assert len(split) == 2 and all("một phần" in note for _, note in split)
    assert all(u.boundaries == "2025" and u.province_2025_name == "Hà Nội" for u, _ in split)
    with pytest.raises(geo.UnknownPlaceError):
        reg.convert_commune("672")


def test_convert_units(reg):
    (u, note), = reg.convert(reg.resolve("Tiền Giang"))
    assert u.name == "Đồng Tháp" and u.boundaries == "2025"
    island = reg.convert(reg.resolve("Bạch Long Vĩ"))
    assert [(v.full_name, v.level) for v, _ in island] == [("Đặc khu Bạch Long Vĩ", "commune")]
    dt = reg.convert(reg.resolve("Đức Trọng"))
    assert {v.province_2025_code for v, _ in dt} == {"68"} and len(dt) >= 5


# --------------------------------------------------------------------------- aggregation


def _obs(code, indicator, value, unit="persons", as_of="2020-12-31", level="province",
         boundaries="legacy"):
    return {"obs_id": f"t-{code}-{indicator}-{as_of}", "source_id": "src", "geo_code": code,
            "geo_name": "", "geo_level": level, "boundaries": boundaries,
            "province_2025": "", "geo_name_raw": f"p{code}", "as_of": as_of, "as_of_raw": as_of,
            "indicator": indicator, "value": value, "unit": unit, "value_raw": str(value),
            "preliminary": False, "note": ""}


def test_aggregate_to_2025_hand_numbers():
    rows = [
        # New Lâm Đồng = Lâm Đồng (68) + Đắk Nông (67) + Bình Thuận (60).
        _obs("68", "bhyt_participants", 1000), _obs("67", "bhyt_participants", 500),
        _obs("60", "bhyt_participants", 700),
        _obs("68", "population", 2000), _obs("67", "population", 1000),
        _obs("60", "population", 1500),
        _obs("68", "bhyt_coverage_pct", 50.0, "pct"), _obs("67", "bhyt_coverage_pct", 50.0, "pct"),
        _obs("60", "bhyt_coverage_pct", 46.67, "pct"),
        # New Tây Ninh = Long An (80) + Tây Ninh (72): Tây Ninh missing.
        _obs("80", "bhxh_participants", 100), _obs("80", "bhxh_coverage_pct", 10.0, "pct"),
        # Cao Bằng unchanged: its percentage passes through.
        _obs("04", "bhxh_coverage_pct", 12.5, "pct"),
        # Hà Nội before 2008 = Hà Nội + Hà Tây (a gain: the earlier area is smaller and
        # inside 2025 Hà Nội; Hà Tây's figures count toward Hà Nội); after, Hà Nội alone.
        _obs("01", "labour_force", 3000, as_of="2005-12-31"),
        _obs("28", "labour_force", 1500, as_of="2005-12-31"),
        _obs("01", "labour_force", 4000, as_of="2010-12-31"),
        # No rule for attainment: missing, never averaged or summed.
        _obs("62", "bhxh_attainment_pct", 90.0, "pct"), _obs("51", "bhxh_attainment_pct", 80.0,
                                                              "pct"),
    ]
    out = geo.aggregate_to_2025(pd.DataFrame(rows))
    assert list(out.columns) == geo.AGGREGATE_COLUMNS
    assert (out["boundaries"] == "2025").all() and (out["geo_level"] == "province").all()
    assert str(out["as_of"].dtype) == "datetime64[ns]"
    v = out.assign(as_of=out["as_of"].dt.strftime("%Y-%m-%d")).set_index(
        ["geo_code", "as_of", "indicator"])
    assert v.at[("68", "2020-12-31", "bhyt_participants"), "value"] == 2200
    assert v.at[("68", "2020-12-31", "population"), "value"] == 4500
    cov = v.loc[("68", "2020-12-31", "bhyt_coverage_pct")]
    assert cov["value"] == pytest.approx(2200 / 4500 * 100)  # not 50 + 50 + 46.67
    assert cov["method"].startswith("ratio_of_sums")
    assert len(cov["inputs"].split()) == 6 and cov["geo_name"] == "Lâm Đồng"
    tn = v.loc[("80", "2020-12-31", "bhxh_participants")]
    assert np.isnan(tn["value"]) and tn["geo_name"] == "Tây Ninh"
    # The reason names the missing place, not its code.
    assert tn["reason"] == "missing: Tỉnh Tây Ninh" and tn["missing"] == "Tỉnh Tây Ninh"
    tn_cov = v.loc[("80", "2020-12-31", "bhxh_coverage_pct")]
    assert np.isnan(tn_cov["value"]) and "Tỉnh Tây Ninh" in tn_cov["reason"]
    cb = v.loc[("04", "2020-12-31", "bhxh_coverage_pct")]
    assert cb["value"] == 12.5 and cb["method"] == "unchanged_boundaries"
    assert v.at[("01", "2005-12-31", "labour_force"), "value"] == 4500
    assert v.at[("01", "2010-12-31", "labour_force"), "value"] == 4000
    att = v.loc[("51", "2020-12-31", "bhxh_attainment_pct")]
    assert np.isnan(att["value"]) and att["reason"]
    assert out["obs_id"].is_unique
    # Deterministic regardless of input order and of the type of as_of.
    again = geo.aggregate_to_2025(pd.DataFrame(rows[::-1]))
    pd.testing.assert_frame_equal(out, again)
    dated = geo.aggregate_to_2025(pd.DataFrame(rows).assign(as_of=lambda t: pd.to_datetime(
        t["as_of"])))
    pd.testing.assert_frame_equal(out, dated)


def test_aggregate_rejects_duplicates_and_bad_codes():
    rows = [_obs("68", "population", 1), dict(_obs("68", "population", 2), obs_id="other")]
    with pytest.raises(geo.GeoError, match="deduplicate"):
        geo.aggregate_to_2025(pd.DataFrame(rows))
    with pytest.raises(geo.GeoError, match="unknown legacy province"):
        geo.aggregate_to_2025(pd.DataFrame([_obs("99", "population", 1)]))
    with pytest.raises(geo.GeoError, match="unknown legacy district"):
        geo.aggregate(pd.DataFrame([_obs("999", "population", 1, level="district")]))
    with pytest.raises(geo.GeoError, match="to must be"):
        geo.aggregate(pd.DataFrame(rows[:1]), to="district")
    with pytest.raises(geo.GeoError, match="boundaries must be"):
        geo.aggregate(pd.DataFrame(rows[:1]), boundaries="2024")
    empty = geo.aggregate_to_2025(pd.DataFrame([dict(_obs("68", "population", 1),
                                                     boundaries="2025")]))
    assert empty.empty and list(empty.columns) == geo.AGGREGATE_COLUMNS


@pytest.fixture(scope="module")
def lam_dong_districts(reg) -> pd.DataFrame:
    """Population and BHYT participants for every district of legacy Lâm Đồng."""
    d = reg.units("legacy", "district")
    rows = []
    for i, code in enumerate(d.loc[d["province_code"] == "68", "geo_code"]):
        rows.append(_obs(code, "population", 10_000 + i, level="district"))
        rows.append(_obs(code, "bhyt_participants", 9_000 + i, level="district"))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("boundaries", ["legacy", "2025"])
def test_aggregate_district_rows_roll_up(reg, lam_dong_districts, boundaries):
    rows = lam_dong_districts
    if boundaries == "2025":  # the other two parts of 2025 Lâm Đồng, as provinces
        rows = pd.concat([rows, pd.DataFrame([
            _obs(p, ind, 1_000) for p in ("67", "60")
            for ind in ("population", "bhyt_participants")])], ignore_index=True)
    out = geo.aggregate(rows, to="province", boundaries=boundaries)
    v = out.set_index("indicator")
    pop = rows.loc[rows["indicator"] == "population", "value"].sum()
    part = rows.loc[rows["indicator"] == "bhyt_participants", "value"].sum()
    assert v.at["population", "value"] == pop and v.at["bhyt_participants", "value"] == part
    assert (out["geo_name"] == "Lâm Đồng").all() and (out["boundaries"] == boundaries).all()
    assert v.at["population", "method"] == "sum_of_districts"
    # Coverage is recomputed from the sums, never averaged.
    assert v.at["bhyt_coverage_pct", "value"] == pytest.approx(100 * part / pop)
    assert len(v.at["population", "inputs"].split()) == (rows["indicator"] == "population").sum()


def test_aggregate_names_a_dropped_district(reg, lam_dong_districts):
    lac_duong = reg.resolve("Lạc Dương", parent="Lâm Đồng", level="district").code
    dropped = lam_dong_districts[lam_dong_districts["geo_code"] != lac_duong]
    out = geo.aggregate(dropped, to="province", boundaries="legacy")
    assert out["value"].isna().all() and (out["method"] == "not_computed").all()
    counts = out[out["indicator"] == "population"].iloc[0]
    assert counts["missing"] == "Huyện Lạc Dương (Lâm Đồng)"
    assert counts["reason"] == "missing: Huyện Lạc Dương (Lâm Đồng)"
    assert lac_duong not in counts["reason"]
    # Towards 2025 the missing legacy provinces are named too.
    out25 = geo.aggregate(dropped, to="province", boundaries="2025")
    reason = out25.loc[out25["indicator"] == "population", "reason"].iat[0]
    for name in ("Tỉnh Đắk Nông", "Tỉnh Bình Thuận", "Huyện Lạc Dương (Lâm Đồng)"):
        assert name in reason


def test_aggregate_communes_stand_for_their_district(reg, lam_dong_districts):
    duc_trong = reg.resolve("Huyện Đức Trọng")
    communes = [u.code for u in reg.children(duc_trong)]
    base = lam_dong_districts[(lam_dong_districts["geo_code"] != duc_trong.code)
                              & (lam_dong_districts["indicator"] == "population")]
    rows = pd.concat([base, pd.DataFrame([_obs(c, "population", 100, level="commune")
                                          for c in communes])], ignore_index=True)
    out = geo.aggregate(rows, boundaries="legacy").iloc[0]
    assert out["value"] == base["value"].sum() + 100 * len(communes)
    assert out["method"] == "sum_of_communes"
    last = reg.get("legacy", "commune", communes[-1])
    short = geo.aggregate(rows[rows["geo_code"] != last.code], boundaries="legacy").iloc[0]
    assert np.isnan(short["value"])
    assert short["missing"] == f"{last.full_name} (Huyện Đức Trọng)"


def test_aggregate_2025_communes(reg):
    communes = reg.children(reg.get("2025", "province", "68"))
    rows = pd.DataFrame([_obs(u.code, "population", 10, level="commune", boundaries="2025",
                              as_of="2025-12-31") for u in communes])
    out = geo.aggregate(rows, boundaries="2025").iloc[0]
    assert (out["geo_code"], out["value"]) == ("68", 10 * len(communes))
    assert out["method"] == "sum_of_communes"
    out = geo.aggregate(rows.iloc[1:], boundaries="2025").iloc[0]
    assert np.isnan(out["value"]) and out["missing"] == communes[0].full_name


def test_aggregate_ha_tay_after_2008_is_not_a_part():
    rows = [_obs("01", "population", 6_000, as_of="2010-12-31"),
            _obs("28", "population", 2_000, as_of="2010-12-31")]
    out = geo.aggregate(pd.DataFrame(rows), boundaries="2025").iloc[0]
    assert np.isnan(out["value"]) and "Tỉnh Hà Tây (until 2008-08-01)" in out["reason"]


def test_aggregate_ha_tay_is_a_part_to_its_last_day():
    # 31/7/2008 is Hà Tây's last day (a part of Hà Nội), 1/8/2008 the first without it
    both = [_obs("01", "population", 6_000, as_of="2008-07-31"),
            _obs("28", "population", 2_000, as_of="2008-07-31")]
    out = geo.aggregate(pd.DataFrame(both), boundaries="2025").iloc[0]
    assert out["value"] == 8_000 and out["method"] == "sum_of_legacy_provinces"
    alone = [_obs("01", "population", 6_000, as_of=d) for d in ("2008-07-31", "2008-08-01")]
    out = geo.aggregate(pd.DataFrame(alone), boundaries="2025").set_index("as_of")
    assert np.isnan(out.at[pd.Timestamp("2008-07-31"), "value"])
    assert "Tỉnh Hà Tây" in out.at[pd.Timestamp("2008-07-31"), "missing"]
    assert out.at[pd.Timestamp("2008-08-01"), "value"] == 6_000


def test_aggregate_ha_noi_alone_after_2008_keeps_its_percentage():
    rows = [_obs("01", "bhyt_coverage_pct", 90.0, "pct", as_of="2010-12-31"),
            _obs("01", "bhyt_coverage_pct", 80.0, "pct", as_of="2005-12-31")]
    out = geo.aggregate(pd.DataFrame(rows), boundaries="2025").set_index("as_of")
    assert out.at[pd.Timestamp("2010-12-31"), "value"] == 90.0
    assert out.at[pd.Timestamp("2010-12-31"), "method"] == "unchanged_boundaries"
    # Before 2008 Hà Nội of 2025 is Hà Nội + Hà Tây: a percentage of one part is not it.
    assert np.isnan(out.at[pd.Timestamp("2005-12-31"), "value"])


def test_aggregate_non_additive_units_are_not_summed():
    rows = [_obs(p, "campaign_participating_provinces", 1, unit="provinces") for p in
            ("68", "67", "60")]
    out = geo.aggregate(pd.DataFrame(rows)).iloc[0]
    assert np.isnan(out["value"]) and "cannot be summed" in out["reason"]


# --------------------------------------------------------------------------- history


def test_ha_tay_history(reg):
    ha_tay = reg.resolve("Hà Tây")
    assert (ha_tay.valid_to, ha_tay.successor_code) == ("2008-08-01", "01")
    assert reg.province_2025(ha_tay).name == "Hà Nội"
    (change,) = reg.history(ha_tay)
    assert (change.date, change.event, change.basis) == ("2008-08-01", "merged",
                                                         "Nghị quyết 15/2008/QH12")
    assert [(u.boundaries, u.code, u.name) for u in change.successors] == [
        ("legacy", "01", "Hà Nội")]
    assert "2025" not in change.date
    # Hà Nội itself came through 2025 alone; Hà Tây is not one of its 2025 partners.
    (hn,) = reg.history(reg.resolve("Hà Nội"))
    assert (hn.event, hn.others) == ("unchanged", ())


def test_history_of_2025_merger(reg):
    (change,) = reg.history(reg.resolve("Kon Tum"))
    assert (change.date, change.event) == ("2025-07-01", "merged")
    assert change.successors[0].name == "Quảng Ngãi"
    assert [u.name for u in change.others] == ["Quảng Ngãi"]
    (d,) = reg.history(reg.resolve("Huyện Đức Trọng"))
    assert d.event == "district_abolished" and len(d.successors) >= 5
    assert reg.history(reg.resolve("Lâm Đồng", boundaries="2025")) == []


# --------------------------------------------------------------------------- CLI


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(("name", "new"), [("Tiền Giang", "Đồng Tháp"), ("Long An", "Tây Ninh"),
                                           ("Hà Tây", "Hà Nội")])
def test_cli_resolve_text(runner, name, new):
    res = runner.invoke(main, ["geo", "resolve", name])
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("2025 province:"))
    assert line.endswith(new)
    assert "legacy" in res.output and "province" in res.output


def test_cli_resolve_json(runner):
    res = runner.invoke(main, ["geo", "resolve", "Hiệp An", "--parent", "Đức Trọng",
                               "--format", "json"])
    assert res.exit_code == 0, res.output
    obj = json.loads(res.stdout)
    assert obj["code"] == "24961" and obj["level"] == "commune"
    assert obj["boundaries"] == "legacy" and obj["province_2025_name"] == "Lâm Đồng"
    assert obj["parent_name"] == "Huyện Đức Trọng"


def test_cli_resolve_errors(runner):
    res = runner.invoke(main, ["geo", "resolve", "Atlantis"])
    assert res.exit_code != 0 and "unknown place" in res.stderr and res.stdout == ""
    res = runner.invoke(main, ["geo", "resolve", "Lam Dogn"])
    assert res.exit_code != 0 and "Tỉnh Lâm Đồng" in res.stderr
    res = runner.invoke(main, ["geo", "resolve", "Hiệp An"])
    assert res.exit_code != 0 and "candidates" in res.stderr and "Đức Trọng" in res.stderr


@pytest.mark.parametrize(("boundaries", "n"), [("legacy", 63), ("2025", 34)])
def test_cli_list(runner, boundaries, n):
    res = runner.invoke(main, ["geo", "list", "--boundaries", boundaries, "--format", "json"])
    assert res.exit_code == 0, res.output
    units = json.loads(res.stdout)
    assert isinstance(units, list) and len(units) == n
    assert {u["geo_level"] for u in units} == {"province"}
    text = runner.invoke(main, ["geo", "list", "--boundaries", boundaries])
    assert len(text.stdout.strip().splitlines()) == n
    csv = runner.invoke(main, ["geo", "list", "--boundaries", boundaries, "--format", "csv"])
    lines = csv.stdout.strip().splitlines()
    assert lines[0].startswith("geo_code,geo_name,geo_level,boundaries") and len(lines) == n + 1


def test_cli_list_levels(runner):
    res = runner.invoke(main, ["geo", "list", "--boundaries", "legacy", "--level", "district",
                               "--format", "csv"])
    assert len(res.stdout.strip().splitlines()) == 697
    res = runner.invoke(main, ["geo", "list", "--boundaries", "2025", "--level", "district"])
    assert res.exit_code != 0 and "no districts" in res.stderr


def test_cli_convert(runner):
    res = runner.invoke(main, ["geo", "convert", "Hiệp An", "--parent", "Đức Trọng"])
    assert res.exit_code == 0, res.output
    assert "Xã Hiệp Thạnh" in res.stdout and "Nhập toàn bộ" in res.stdout
    res = runner.invoke(main, ["geo", "convert", "Tiền Giang", "--format", "json"])
    assert json.loads(res.stdout)["to_2025"][0]["name"] == "Đồng Tháp"
    res = runner.invoke(main, ["geo", "conversion", "--contradictions"])
    assert res.exit_code == 0 and "Tiền Giang" in res.stdout and "UNEXPLAINED" not in res.stdout


def test_registry_cached_per_raw_dir(reg):
    assert geo.get_registry() is reg
    assert geo.get_registry(config.raw_dir()) is reg
    # resolve() results are cached but identical to a fresh resolution.
    assert reg.resolve("Đức Trọng") is reg.resolve("Đức Trọng")
    assert reg.resolve("Đức Trọng") == reg._resolve("Đức Trọng", None, None, None)


def test_cli_parent_disambiguates(runner):
    res = runner.invoke(main, ["geo", "resolve", "Huyện Châu Thành", "--parent", "Tây Ninh",
                               "--boundaries", "legacy", "--format", "json"])
    assert res.exit_code == 0, res.output
    obj = json.loads(res.stdout)
    assert (obj["code"], obj["parent_name"]) == ("708", "Tỉnh Tây Ninh")
    res = runner.invoke(main, ["geo", "resolve", "Huyện Châu Thành", "--boundaries", "legacy"])
    assert res.exit_code != 0 and "ambiguous" in res.stderr


def test_cli_ha_tay_history(runner):
    res = runner.invoke(main, ["geo", "resolve", "Hà Tây"])
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("history:"))
    assert "2008-08-01 merged into Thành phố Hà Nội" in line and "2025" not in line
    listed = runner.invoke(main, ["geo", "list", "--boundaries", "legacy", "--include-defunct"])
    assert "Tỉnh Hà Tây  (merged into Hà Nội on 2008-08-01)" in listed.stdout
    obj = json.loads(runner.invoke(main, ["geo", "resolve", "Hà Tây", "--format",
                                          "json"]).stdout)
    assert obj["successor_code"] == "01" and obj["history"][0]["date"] == "2008-08-01"


def test_cli_lists_match_schema():
    from bhxh_analysis import schema

    cli_geo = importlib.import_module("bhxh_analysis.cli.geo")  # the module, not the group
    assert cli_geo._LEVELS == list(schema.LEVELS)
    assert cli_geo._BOUNDARIES == list(schema.BOUNDARIES)
