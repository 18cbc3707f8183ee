"""GSO exports (``data/raw/gso/*.csv``): population, labour force, insured persons.

Rules (documented for users in ``docs/build.md``): annual averages (population, labour
force) are dated ``YYYY-07-01`` (mid-year), year-end stocks (insured persons)
``YYYY-12-31``; values printed in thousands are multiplied by 1,000; ``..`` is an absent
figure, not an error; region aggregate rows are dropped and "WHOLE COUNTRY" becomes the
nation; provinces are legacy units. Where two publications give the same indicator,
place and year, the newest wins (:data:`SPECS` is ordered newest first; the pipeline
keeps the first). The export itself is parsed by :func:`clean.read_gso_export_with_errors`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .. import config
from ..schema import rejects

__all__ = ["SPECS", "TERRITORY_CHANGES", "GsoSpec", "read"]


class GsoSpec(NamedTuple):
    """How to read one GSO export (file, source, series → indicator, ids, dating)."""

    file: str
    source_id: str
    series: dict[str, str]  # series label (ascii_key) → indicator
    prefix: str
    stock: bool  # year-end stock (YYYY-12-31) or annual average (YYYY-07-01)
    note: str


# Newest publication first: on overlapping (indicator, place, year) the first wins.
SPECS: tuple[GsoSpec, ...] = (
    GsoSpec("gso/population_by_province_2018-2022.csv", "gso-pop-2018-2022",
             {"dan so trung binh (nghin nguoi)": "population"}, "gso-pop", False,
             "GSO average population, printed in thousands; dated mid-year"),
    GsoSpec("gso/average_population_by_province_1995-2016.csv", "gso-pop-1995-2016",
             {"total": "population"}, "gso-pop", False,
             "GSO average population, printed in thousands; dated mid-year"),
    GsoSpec("gso/labour_force_by_province_2005-2016.csv", "gso-lf-2005-2016",
             {"total": "labour_force_15plus"}, "gso-lf15", False,
             "GSO labour force aged 15+, printed in thousands; dated mid-year"),
    GsoSpec("gso/insured_persons_national_2010-2015.csv", "gso-insured-2010-2015",
             {
                 "number of insured persons (thous. persons) - social insurance":
                     "bhxh_participants",
                 "number of insured persons (thous. persons) - health insurance":
                     "bhyt_participants",
                 "number of insured persons (thous. persons) - unemployment insurance":
                     "bhtn_participants",
             }, "gso-ins", True,
             "GSO insured persons, printed in thousands; year-end"),
)


# Legacy provinces whose territory changed during the GSO series: figures for earlier
# years describe a different area than the unit of the 2025-01-04 list. They are kept
# (the series are still useful) but their note says so. code → (first year, what).
TERRITORY_CHANGES: dict[str, tuple[int, str]] = {
    "01": (2008, "before 2008 Hà Nội did not include Hà Tây, Mê Linh and 4 communes of "
                 "Lương Sơn"),
    "26": (2008, "before 2008 Vĩnh Phúc included Mê Linh (moved to Hà Nội)"),
    "17": (2008, "before 2008 Hòa Bình included 4 communes of Lương Sơn (moved to Hà Nội)"),
    "12": (2004, "before 2004 Lai Châu included Điện Biên"),
    "66": (2004, "before 2004 Đắk Lắk included Đắk Nông"),
    "92": (2004, "before 2004 Cần Thơ included Hậu Giang"),
}


def _format_printed(values: pd.Series, fmt: str) -> pd.Series:
    """Re-create the printed text of GSO numbers when the reader does not keep it."""
    from ..clean import format_number

    if fmt == "vi":  # the PX-Web export prints "7.914,50"
        return values.map(lambda v: format_number(v, 2, "vi"))
    # The English exports print "71995.5": one decimal, no thousands separator.
    return values.map(lambda v: f"{v:.1f}")


def read(spec: GsoSpec, registry: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read one GSO export: observation rows (+ ``_file``, ``_row``) and rejected cells.

    Parameters
    ----------
    spec : GsoSpec
        Which file, which series and how they are dated (one of :data:`SPECS`).
    registry : geo.Registry
        Resolves the printed province names (legacy boundaries); the reader needs the
        codes for the observation ids.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Observation rows, and rejected cells (``file, row, column, value, reason``).
    """
    from ..clean import ascii_key, read_gso_export_with_errors
    from ..geo import GeoError

    # -- load
    path = config.raw_dir() / spec.file
    long, errors = read_gso_export_with_errors(path)
    layout = long.attrs.get("layout", "places")
    fmt = long.attrs.get("number_format", "en")
    rejected = errors.astype({"row": "int64"})
    keys = long["series"].map(ascii_key)
    long = long.assign(indicator=keys.map(spec.series))
    # '..' (NaN) is an absent figure, not an error; other series are not used.
    long = long[long["indicator"].notna() & long["value"].notna()]
    if layout == "indicators":
        long = long.assign(name_for_geo="Việt Nam")
    else:
        # Region aggregates are dropped; the whole-country row becomes the nation.
        whole = long["name"].map(ascii_key).isin(["whole country", "viet nam", "ca nuoc"])
        long = long[~long["is_aggregate"] | whole]
        long = long.assign(name_for_geo=np.where(whole.loc[long.index], "Việt Nam",
                                                 long["name"]))
    # -- process: one lookup per distinct place, values in persons, ids, notes
    names = long["name_for_geo"].drop_duplicates()
    units, reasons = {}, {}
    for name in names:  # one lookup per distinct place (~70), not per cell
        try:
            level = "nation" if name == "Việt Nam" else "province"
            units[name] = registry.resolve(name, level=level, boundaries="legacy")
        except GeoError as exc:
            reasons[name] = str(exc)
    bad = long["name_for_geo"].isin(list(reasons))
    if bad.any():
        first = long[bad].drop_duplicates("row")
        rejected = pd.concat([rejected, rejects(
            spec.file, first["row"], "name", first["name_raw"],
            first["name_for_geo"].map(reasons))], ignore_index=True)
    long = long[~bad]
    u = long["name_for_geo"].map(units)
    if "value_raw" in long.columns:
        printed = long["value_raw"].astype("str").str.strip()
    else:
        printed = _format_printed(long["value"], fmt)
    year = long["year"].astype("int64")
    as_of = pd.to_datetime(year.astype("str") + ("-12-31" if spec.stock else "-07-01"),
                           format="%Y-%m-%d").astype("datetime64[ns]")
    geo_code = u.map(lambda x: x.code).astype("str")
    suffix = long["indicator"].str.replace("_participants", "", regex=False) + "-" \
        if spec.prefix == "gso-ins" else ""
    obs_id = spec.prefix + "-" + suffix + year.astype("str") + "-" + geo_code
    prel = long["preliminary"].astype(bool)
    out = pd.DataFrame({
        "obs_id": obs_id,
        "source_id": spec.source_id,
        "geo_code": geo_code,
        "geo_name": u.map(lambda x: x.name).astype("str"),
        "geo_level": u.map(lambda x: x.level).astype("str"),
        "boundaries": u.map(lambda x: x.boundaries).astype("str"),
        "province_2025": u.map(lambda x: x.province_2025_name).astype("str"),
        "geo_name_raw": long["name_raw"].astype("str"),
        "as_of": as_of,
        "as_of_raw": np.where(prel, "Prel. " + year.astype("str"), year.astype("str")),
        "indicator": long["indicator"].astype("str"),
        # Thousands → persons; rounding to 1e-3 removes binary noise (1138.4 × 1000).
        "value": (long["value"].astype("float64") * 1000).round(3),
        "unit": "persons",
        "value_raw": printed,
        "preliminary": prel,
        "note": spec.note + np.where(prel, "; preliminary (Prel.)", ""),
        "_file": spec.file,
        "_row": long["row"].astype("int64"),
    })
    change = out["geo_code"].map({c: y for c, (y, _) in TERRITORY_CHANGES.items()})
    older = (year < change).fillna(False).astype(bool)
    if older.any():
        what = out["geo_code"].map({c: t for c, (_, t) in TERRITORY_CHANGES.items()})
        out.loc[older, "note"] = (out.loc[older, "note"] + "; territory differs from the "
                                  "legacy unit: " + what[older])
    # -- save
    return out, rejected
