"""A legacy province's figure from before one of its own boundary changes
(geo.reform.BOUNDARY_CHANGES) counts another area: labelled by period on 2025 pages,
never summed as the 2025 province's part. Each test fails on the code before the fix
(only Hà Nội's 2008 change was used, through the registry's Hà Tây)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_geo import _obs as _geo_obs
from test_reports import _bundle, _obs

from bhxh_analysis import geo, i18n, reports
from bhxh_analysis.geo.areas import area_changes
from bhxh_analysis.reports.words import gap_sentences


def test_area_changes_come_from_boundary_changes() -> None:
    reg = geo.get_registry()
    assert [c["external"] for c in area_changes(reg, "66")] == [True]  # Đắk Nông: Lâm Đồng
    # Lai Châu split off Điện Biên (external) and took in Than Uyên from Lào Cai (inside)
    assert [c["external"] for c in area_changes(reg, "12")] == [True, False]
    assert [c["external"] for c in area_changes(reg, "10")] == [True]  # Than Uyên: Lai Châu
    assert [c["external"] for c in area_changes(reg, "92")] == [False]  # Hậu Giang: Cần Thơ
    assert [c["external"] for c in area_changes(reg, "26")] == [True]  # Mê Linh: Hà Nội
    # gained Mê Linh: the earlier Hà Nội is a smaller area inside 2025 Hà Nội, summed with
    # Hà Tây (issue 14: Hà Tây's figures count toward Hà Nội)
    assert [c["external"] for c in area_changes(reg, "01")] == [False]
    assert area_changes(reg, "67") == [] and area_changes(reg, "11") == []  # created


def test_a_pre_change_figure_is_not_a_2025_part() -> None:
    rows = [_geo_obs(c, "population", v, as_of=f"{y}-07-01")
            for y in (2003, 2004) for c, v in (("66", 1995.6), ("54", 800.0))]
    rows += [_geo_obs(c, "population", 100.0, as_of=f"{y}-07-01")
             for y in (2007, 2009) for c in ("17", "25", "26")]
    rows += [_geo_obs("12", "bhyt_coverage_pct", p, "pct", as_of=f"{y}-12-31")
             for y, p in ((2003, 50.0), (2010, 90.0))]
    for r in rows:
        r["as_of_raw"] = r["as_of"][:4] if r["unit"] == "persons" else r["as_of"]
    out = geo.aggregate_to_2025(pd.DataFrame(rows)).assign(year=lambda t: t["as_of"].dt.year)
    v = out.set_index(["geo_code", "year", "indicator"])
    # Đắk Lắk (2025) = Đắk Lắk + Phú Yên: 2003's Đắk Lắk still held Đắk Nông
    dl = v.loc[("66", 2003, "population")]
    assert np.isnan(dl["value"]) and dl["reason"] == (
        "not a part at that date: Tỉnh Đắk Lắk (its area before 2004-01-01)")
    assert v.at[("66", 2004, "population"), "value"] == pytest.approx(2795.6)
    # Phú Thọ (2025) = Phú Thọ + Vĩnh Phúc + Hoà Bình: 2007's held Mê Linh, 4 communes
    pt = v.loc[("25", 2007, "population")]
    assert np.isnan(pt["value"]) and "Tỉnh Vĩnh Phúc" in pt["reason"]
    assert "Tỉnh Hoà Bình" in pt["reason"]
    assert v.at[("25", 2009, "population"), "value"] == 300.0
    # Lai Châu (2025) is legacy Lai Châu alone, but only since Điện Biên split off
    assert np.isnan(v.at[("12", 2003, "bhyt_coverage_pct"), "value"])
    assert v.at[("12", 2010, "bhyt_coverage_pct"), "value"] == 90.0


def _gso(code: str, name: str, p25: str, year: int, value: float) -> tuple:
    return (f"{code}-{year}", "gso", code, name, "province", "legacy", p25, f"{year}-07-01",
            "population", value, "persons", str(value))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_2025_pages_label_every_pre_change_part_by_period(lang) -> None:
    before = {y: i18n.t("legacy_before_date", lang, date=i18n.fmt_date(f"{y}-01-01", lang))
              for y in (2004,)}
    before[2008] = i18n.t("legacy_before_date", lang, date=i18n.fmt_date("2008-08-01", lang))
    until = i18n.t("legacy_until", lang)
    cases = {
        "Đắk Lắk": ([("66", "Đắk Lắk"), ("54", "Phú Yên")], 2003, 2004,
                    {"Đắk Lắk": before[2004]}, {"Phú Yên"}),
        "Lai Châu": ([("12", "Lai Châu")], 2003, 2004, {"Lai Châu": before[2004]}, set()),
        "Phú Thọ": ([("25", "Phú Thọ"), ("26", "Vĩnh Phúc"), ("17", "Hoà Bình")], 2007,
                    2009, {"Vĩnh Phúc": before[2008], "Hoà Bình": before[2008]}, {"Phú Thọ"}),
        "Cần Thơ": ([("92", "Cần Thơ"), ("94", "Sóc Trăng")], 2003, 2004,
                    {"Cần Thơ": before[2004]}, {"Sóc Trăng"}),
    }
    for p25, (parts, old, new, changed, same) in cases.items():
        obs = _obs([_gso(c, n, p25, y, 1000.0) for c, n in parts for y in (old, new)])
        obs["as_of_raw"] = obs["as_of"].dt.year.astype(str)  # GSO: a year's figure
        rpt = reports.ProvinceReport(p25, boundaries="2025", lang=lang, bundle=_bundle(obs))
        places = rpt.obs.assign(year=rpt.obs["as_of"].dt.year).set_index(
            ["geo_code", "year"])["place"]
        for code, name in parts:
            sole = len(parts) == 1
            later = name if sole else f"{name} ({until})"
            assert places[(code, new)] == later, (p25, places)
            first = f"{name} ({changed[name]})" if name in changed else later
            assert places[(code, old)] == first, (p25, places)
        assert set(changed) | same == {n for _, n in parts}
        # no sum of the old year (Cần Thơ: Hậu Giang has no figure of its own then)
        assert old not in set(rpt.aggregated["as_of"].dt.year), p25
        # and the page says why, naming the parts by their period (Cần Thơ: Hậu Giang
        # stayed inside 2025 Cần Thơ, so only "missing")
        words = max(i18n.t("gap_aggregation_area", lang, n="§", parts="§").split("§"), key=len)
        area = [x for x in gap_sentences(rpt) if words in x]
        parts_then = ", ".join(sorted(f"{n} ({changed[n]})" for n in changed))
        want = [] if p25 == "Cần Thơ" else [
            i18n.t("gap_aggregation_area", lang, n=1, parts=parts_then)]
        assert area == want, (p25, gap_sentences(rpt))
