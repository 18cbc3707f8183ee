"""The registry: every administrative unit of both boundary sets, and name resolution.

Two boundary sets:

``legacy``
    The last pre-reform GSO list (2025-01-04): 63 provinces, 696 districts and
    10,051 communes (the file has 10,056 rows: five island districts have no
    commune level), plus Hà Tây (code ``28``), merged into Hà Nội on 2008-08-01,
    which still appears in older GSO series, and the districts merged just before the
    list (``reform.FORMER_DISTRICTS``: Thành phố Ninh Bình, 369, until 2025-01-01).
``2025``
    The 34 provinces from 1 July 2025 and their communes (from the official
    conversion table); the district level is abolished.

The nation (level ``nation``, code ``VN``, "Việt Nam") is registered once in each
boundary set, so that each set is complete on its own.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from ..schema import BOUNDARIES, LEVEL_RANK, LEVELS, NATION_CODE, NATION_NAME, REFORM_DATE
from . import admin, stored
from .names import (
    ALIASES,
    clean_text,
    exact_key,
    exact_keys,
    fold_key,
    fold_keys,
    parse_query,
    split_kind,
)
from .reform import FORMER_DISTRICTS, HA_TAY, former_basis, load_overrides, province_mapping
from .unit import AmbiguousPlaceError, Change, GeoError, Unit, UnknownPlaceError

# The fields of a Unit, in order (the registry's internal table uses them too).
_FIELDS = [
    "code", "name", "full_name", "level", "boundaries", "parent_code", "province_code",
    "province_2025_code", "province_2025_name", "kind", "valid_to", "successor_code",
]
#: Columns of every unit table (``Registry.units``): the observation table's names for
#: a place (``geo_code, geo_name, geo_level, boundaries``), then where it lies.
UNIT_COLUMNS = [
    "geo_code", "geo_name", "geo_level", "boundaries", "full_name", "kind", "parent_code",
    "province_code", "province", "province_2025_code", "province_2025", "valid_to",
    "successor_code",
]
#: The legal basis of the 2025 reform, by level of the unit that changed (Hà Tây's
#: 2008 merger is in ``reform.HA_TAY``).
REFORM_2025_BASIS = {
    "province": "Nghị quyết 202/2025/QH15",
    "district": "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
    "commune": "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã "
               "năm 2025",
}


class Registry:
    """All administrative units of both boundary sets, with name resolution.

    Build it with :func:`get_registry` (cached per ``raw_dir``).
    """

    def __init__(self, raw: Path, overrides: list[dict[str, str]] | None = None) -> None:
        """Build from the three admin files under ``raw``.

        ``overrides`` replaces the packaged ``_geo_overrides.yml`` entries (tests use it
        to check that an unexplained contradiction raises).
        """
        self.raw = Path(raw)
        # The packaged overrides' tables are stored between processes (geo.stored).
        key = stored.cache_key(self.raw) if overrides is None else None
        tables = stored.load(key) if key else None
        if tables is None:
            tables = self._build_tables(overrides)
            if key:
                stored.save(key, tables)
        self._df, self._conv = tables["units"], tables["conversion"]
        self.province_table = tables["province_table"]
        self.contradictions = tables["contradictions"]
        self._build_indices()

    # -- building -------------------------------------------------------------------
    def _build_tables(self, overrides: list[dict[str, str]] | None) -> dict[str, pd.DataFrame]:
        """Read the three lists and build the tables of :data:`stored.TABLES`."""
        legacy, rejects = admin.read_legacy(self.raw)
        admin.raise_rejects(rejects)
        prov25, rejects = admin.read_provinces_2025(self.raw)
        admin.raise_rejects(rejects)
        conv, rejects = admin.read_conversion(self.raw, set(prov25["code"]))
        admin.raise_rejects(rejects)
        overrides = load_overrides() if overrides is None else overrides
        self.province_table, self.contradictions = province_mapping(conv, legacy, prov25,
                                                                     overrides)
        return {"units": self._build_units(legacy, prov25, conv),
                "conversion": self._link_conversion(conv, legacy),
                "province_table": self.province_table, "contradictions": self.contradictions}

    # -- building -------------------------------------------------------------------
    def _build_units(self, legacy: pd.DataFrame, prov25: pd.DataFrame,
                     conv: pd.DataFrame) -> pd.DataFrame:
        p25 = prov25.set_index("code")["name"]
        to25 = self.province_table.set_index("geo_code")["province_2025_code"]
        frames = []
        for b in BOUNDARIES:
            frames.append(pd.DataFrame([{
                "code": NATION_CODE, "name": NATION_NAME, "full_name": NATION_NAME, "kind": "",
                "level": "nation", "boundaries": b, "parent_code": None, "province_code": None,
                "province_2025_code": NATION_CODE, "valid_to": None}]))
        lp = legacy.drop_duplicates("Mã TP")
        frames.append(split_kind(lp["Tỉnh Thành Phố"]).assign(
            code=lp["Mã TP"], level="province", boundaries="legacy", parent_code=NATION_CODE,
            province_code=lp["Mã TP"], valid_to=None))
        frames.append(pd.DataFrame([{
            "code": HA_TAY["code"], "name": HA_TAY["name"], "full_name": HA_TAY["full_name"],
            "kind": "Tỉnh", "level": "province", "boundaries": "legacy",
            "parent_code": NATION_CODE, "province_code": HA_TAY["code"],
            "valid_to": HA_TAY["valid_to"], "successor_code": HA_TAY["merged_into_legacy"]}]))
        ld = legacy.drop_duplicates("Mã QH")
        frames.append(split_kind(ld["Quận Huyện"]).assign(
            code=ld["Mã QH"], level="district", boundaries="legacy", parent_code=ld["Mã TP"],
            province_code=ld["Mã TP"], valid_to=None))
        frames.append(pd.DataFrame(FORMER_DISTRICTS, columns=[
            "code", "name", "full_name", "kind", "province_code", "valid_to", "successor_code"]
        ).assign(level="district", boundaries="legacy", parent_code=lambda f: f["province_code"]))
        lc = legacy[legacy["Mã PX"] != ""]
        frames.append(split_kind(lc["Phường Xã"]).assign(
            code=lc["Mã PX"], level="commune", boundaries="legacy", parent_code=lc["Mã QH"],
            province_code=lc["Mã TP"], valid_to=None))
        legacy_units = pd.concat(frames[2:], ignore_index=True)
        legacy_units["province_2025_code"] = legacy_units["province_code"].map(to25)
        frames = frames[:2] + [legacy_units]
        frames.append(prov25.assign(level="province", boundaries="2025", parent_code=NATION_CODE,
                                    province_code=prov25["code"],
                                    province_2025_code=prov25["code"], valid_to=None))
        # 2025 communes: one name per code (most frequent spelling in the table).
        nc = (conv.groupby(["new_commune_code", "new_commune", "new_province_code"]).size()
              .rename("n").reset_index()
              .sort_values(["new_commune_code", "n", "new_commune"], ascending=[True, False, True]))
        multi = nc.groupby("new_commune_code")["new_province_code"].nunique()
        if (multi > 1).any():
            raise GeoError(f"{admin.CONVERSION_FILE}: new commune code(s) in several provinces: "
                           f"{multi[multi > 1].index.tolist()}")
        nc = nc.drop_duplicates("new_commune_code")
        frames.append(split_kind(nc["new_commune"]).assign(
            code=nc["new_commune_code"], level="commune", boundaries="2025",
            parent_code=nc["new_province_code"], province_code=nc["new_province_code"],
            province_2025_code=nc["new_province_code"], valid_to=None))
        df = pd.concat(frames, ignore_index=True)
        df["province_2025_name"] = df["province_2025_code"].map(p25)
        nation = df["level"] == "nation"
        df.loc[nation, "province_2025_name"] = NATION_NAME
        if df["province_2025_name"].isna().any():
            bad = df[df["province_2025_name"].isna()].iloc[0]
            raise GeoError(f"no 2025 province for {bad['boundaries']} {bad['level']} "
                           f"{bad['code']} {bad['full_name']}")
        df["rank"] = df["level"].map(LEVEL_RANK)
        df["b_rank"] = (df["boundaries"] == "2025").astype(int)
        df = df.sort_values(["b_rank", "rank", "code"], ignore_index=True)
        df["key_exact"] = exact_keys(df["name"])
        df["key_fold"] = fold_keys(df["name"])
        if "successor_code" not in df:
            df["successor_code"] = None
        df["successor_code"] = df["successor_code"].where(df["successor_code"].notna(), None)
        return df[_FIELDS + ["rank", "b_rank", "key_exact", "key_fold"]]

    def _link_conversion(self, conv: pd.DataFrame, legacy: pd.DataFrame) -> pd.DataFrame:
        """Attach each conversion row to a legacy commune: by code within the same district,
        else by name within the district (the table's codes and spellings sometimes differ)."""
        lc = legacy.loc[legacy["Mã PX"] != "", ["Mã PX", "Mã QH", "Phường Xã"]]
        by_code = conv.merge(lc, left_on=["old_commune_code", "old_district_code"],
                             right_on=["Mã PX", "Mã QH"], how="left")["Mã PX"]
        lk = pd.DataFrame({"Mã QH": lc["Mã QH"], "key": fold_keys(lc["Phường Xã"]),
                           "code": lc["Mã PX"]}).drop_duplicates(["Mã QH", "key"], keep=False)
        ck = pd.DataFrame({"Mã QH": conv["old_district_code"],
                           "key": fold_keys(conv["old_commune"])})
        by_name = ck.merge(lk, on=["Mã QH", "key"], how="left")["code"]
        out = conv.copy()
        out["legacy_commune_code"] = by_code.fillna(by_name).to_numpy()
        return out

    def _build_indices(self) -> None:
        df = self._df
        level, code = df["level"].tolist(), df["code"].tolist()
        self._by_exact = _positions(df["key_exact"].tolist())
        self._by_fold = _positions(df["key_fold"].tolist())
        self._by_level_code = _positions(list(zip(level, code, strict=True)))
        self._by_id = {(b, lvl, c): i for i, (b, lvl, c) in enumerate(zip(
            df["boundaries"].tolist(), level, code, strict=True))}
        self._fold_choices = sorted(self._by_fold)
        # Each unit is made (a frozen dataclass) when first asked for, then kept.
        table = df[_FIELDS].astype(object)
        self._fields = [table[c].where(table[c].notna(), None).tolist() for c in _FIELDS]
        # What resolution filters and ranks on, by position (no frame slicing per name).
        self._col = {c: df[c].tolist() for c in ("boundaries", "level", "kind", "rank",
                                                 "b_rank")}
        self._units: list[Unit | None] = [None] * len(df)
        self._resolved: dict[tuple[str, str | None, str | None, str | None], Unit] = {}

    # -- access ---------------------------------------------------------------------
    def _unit(self, pos: int) -> Unit:
        pos = int(pos)
        unit = self._units[pos]
        if unit is None:
            unit = self._units[pos] = Unit(*(values[pos] for values in self._fields))
        return unit

    def get(self, boundaries: str, level: str, code: str) -> Unit:
        """Return the unit with this key; raise :class:`UnknownPlaceError` if absent.

        Examples
        --------
        >>> get_registry().get("legacy", "district", "672").full_name
        'Thành phố Đà Lạt'
        """
        pos = self._by_id.get((str(boundaries), str(level), str(code)))
        if pos is None:
            raise UnknownPlaceError(f"{boundaries}/{level}/{code}", detail="no such code")
        return self._unit(pos)

    def units(self, boundaries: str, level: str | None = None,
              include_defunct: bool = False) -> pd.DataFrame:
        """Return the units of one boundary set as a table, sorted by level then code.

        Parameters
        ----------
        boundaries : {"legacy", "2025"}
        level : {"nation", "province", "district", "commune"} or None
            ``None`` returns every level.
        include_defunct : bool
            Include units that ceased before 2025 (Hà Tây, Thành phố Ninh Bình).
            Default ``False``, so ``units("legacy", "province")`` has the 63 provinces.

        Returns
        -------
        pandas.DataFrame
            :data:`UNIT_COLUMNS`: the observation table's names for a place
            (``geo_code, geo_name, geo_level, boundaries``), then ``full_name``,
            ``kind``, ``parent_code``, ``province_code`` and ``province`` (code and
            name of the province of the unit in its own boundary set),
            ``province_2025_code`` and ``province_2025`` (the 2025 province it lies in
            now), ``valid_to`` and ``successor_code`` (ceased units only). Text is ``str``;
            a missing code or date is ``None``.

        Raises
        ------
        GeoError
            Unknown boundary set or level; districts asked for in the 2025 boundaries.

        Examples
        --------
        >>> reg = get_registry()
        >>> len(reg.units("legacy", "province")), len(reg.units("2025", "province"))
        (63, 34)
        >>> d = reg.units("legacy", "district")
        >>> row = d[d["geo_name"] == "Đức Trọng"].iloc[0]
        >>> row["geo_code"], row["province"], row["province_2025"]
        ('678', 'Lâm Đồng', 'Lâm Đồng')
        """
        _check_boundaries(boundaries)
        if level is not None:
            _check_level(level)
            if boundaries == "2025" and level == "district":
                raise GeoError("the 2025 boundaries have no districts (abolished on 2025-07-01); "
                               "use --boundaries legacy or --level commune")
        df = self._df
        mask = df["boundaries"] == boundaries
        if level is not None:
            mask &= df["level"] == level
        if not include_defunct:
            mask &= df["valid_to"].isna()
        out = df.loc[mask].sort_values(["rank", "code"])
        provinces = df[(df["boundaries"] == boundaries) & (df["level"] == "province")]
        province = out["province_code"].map(provinces.set_index("code")["name"])
        out = out.assign(province=province.where(province.notna(), ""))
        out = out.rename(columns={"code": "geo_code", "name": "geo_name", "level": "geo_level",
                                  "province_2025_name": "province_2025"})
        out = out[UNIT_COLUMNS].reset_index(drop=True)
        for c in ("parent_code", "province_code", "valid_to", "successor_code"):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
        return out

    def children(self, unit: Unit) -> list[Unit]:
        """Return the direct children of ``unit`` in its boundary set (sorted by code).

        Examples
        --------
        >>> reg = get_registry()
        >>> len(reg.children(reg.get("2025", "nation", "VN")))
        34
        """
        df = self._df
        mask = ((df["boundaries"] == unit.boundaries) & (df["parent_code"] == unit.code)
                & (df["rank"] > LEVEL_RANK[unit.level]) & df["valid_to"].isna())
        return [self._unit(i) for i in np.flatnonzero(mask.to_numpy())]

    def parent(self, unit: Unit) -> Unit | None:
        """Return the parent unit (None for the nation).

        Examples
        --------
        >>> reg = get_registry()
        >>> reg.parent(reg.resolve("Hiệp An", parent="Đức Trọng")).full_name
        'Huyện Đức Trọng'
        """
        if unit.parent_code is None:
            return None
        level = {"province": "nation", "district": "province",
                 "commune": "district" if unit.boundaries == "legacy" else "province"}[unit.level]
        return self.get(unit.boundaries, level, unit.parent_code)

    def province_2025(self, unit: Unit) -> Unit:
        """Return the 2025 province that contains ``unit`` now.

        Examples
        --------
        >>> reg = get_registry()
        >>> reg.province_2025(reg.resolve("Kon Tum")).name
        'Quảng Ngãi'
        """
        if unit.level == "nation":
            raise GeoError("the nation is not contained in a province")
        return self.get("2025", "province", unit.province_2025_code)

    def describe(self, unit: Unit) -> str:
        """Return a readable label of a unit, with where it lies, for messages.

        Examples
        --------
        >>> reg = get_registry()
        >>> reg.describe(reg.resolve("Hiệp An", parent="Đức Trọng"))
        'Xã Hiệp An (Huyện Đức Trọng, Lâm Đồng; legacy commune 24961)'
        >>> reg.describe(reg.resolve("Hà Tây"))
        'Tỉnh Hà Tây (legacy province 28, merged into Hà Nội on 2008-08-01)'
        """
        ctx = []
        p = self.parent(unit)
        while p is not None and p.level != "nation":
            ctx.append(p.full_name if p.level != "province" else p.name)
            p = self.parent(p)
        where = ", ".join(ctx)
        tail = f"{unit.boundaries} {unit.level} {unit.code}"
        if unit.valid_to and unit.successor_code:
            into = self.get(unit.boundaries, unit.level, unit.successor_code)
            tail += f", merged into {into.name} on {unit.valid_to}"
        elif unit.valid_to:
            tail += f", until {unit.valid_to}"
        return f"{unit.full_name} ({where + '; ' if where else ''}{tail})"

    def last_day(self, unit: Unit) -> pd.Timestamp | None:
        """Return the last day ``unit`` existed, or ``None`` if it still exists.

        One answer wherever a unit's end is needed (a report's "until" label): a unit
        that ceased before the reform ends the day before its ``valid_to`` (Hà Tây:
        31/7/2008), every other legacy unit on the eve of :data:`~bhxh_analysis.schema.
        REFORM_DATE` (30/6/2025); a 2025 unit and the nation go on.

        Examples
        --------
        >>> reg = get_registry()
        >>> reg.last_day(reg.resolve("Hà Tây")).date()
        datetime.date(2008, 7, 31)
        >>> reg.last_day(reg.resolve("Kon Tum")).date()
        datetime.date(2025, 6, 30)
        """
        if unit.valid_to:
            return pd.Timestamp(unit.valid_to) - pd.Timedelta(days=1)
        if unit.boundaries == "legacy" and unit.level != "nation":
            return REFORM_DATE - pd.Timedelta(days=1)
        return None

    def ceased_by(self, unit: Unit, when: object) -> bool:
        """Return whether ``unit`` had ceased by ``when``: on or after its ``valid_to``.

        One answer wherever a figure's date meets a unit's end (a roll-up's parts, a
        report's "until" label). ``valid_to`` is the first day without the unit (Hà Tây:
        gone from 1/8/2008; 31/7/2008, its :meth:`last_day`, is still its own). Only a
        unit that ceased before the reform has one: the reform ends no unit here, since
        whether a date reads in the legacy or the 2025 boundaries is the date's rule
        (:data:`~bhxh_analysis.schema.REFORM_DATE`), not the unit's. A missing date
        (``NaT``) cannot be shown to be before the end: a unit with an end has ceased.

        Examples
        --------
        >>> reg = get_registry()
        >>> ha_tay = reg.resolve("Hà Tây")
        >>> reg.ceased_by(ha_tay, "2008-07-31"), reg.ceased_by(ha_tay, "2008-08-01")
        (False, True)
        >>> reg.ceased_by(reg.resolve("Kon Tum"), "2026-01-01")
        False
        """
        if not unit.valid_to:
            return False
        day = pd.Timestamp(when)
        return bool(pd.isna(day) or day >= pd.Timestamp(unit.valid_to))

    # -- history ------------------------------------------------------------------------
    def history(self, unit: Unit) -> list[Change]:
        """Return what happened to a unit, oldest change first (data for a sentence).

        A report says, in its reader's language, e.g. "Hà Tây là tỉnh cũ, sáp nhập vào
        Hà Nội từ 1/8/2008": the words come from the i18n catalogue, the facts from here.

        Parameters
        ----------
        unit : Unit
            Any unit; 2025 units and the nation have no history (empty list).

        Returns
        -------
        list of Change
            Hà Tây: merged into Hà Nội on 2008-08-01 (Nghị quyết 15/2008/QH12); a
            former district likewise (Thành phố Ninh Bình: into Thành phố Hoa Lư on
            2025-01-01, Nghị quyết 1318/NQ-UBTVQH15). A legacy province: on 2025-07-01
            ``merged`` with the ``others`` into its 2025 province, or ``unchanged``
            when it alone became that province. A legacy
            district: ``district_abolished`` (its communes went to the 2025 communes of
            ``successors``). A legacy commune: ``reorganised`` into ``successors``.

        Examples
        --------
        >>> reg = get_registry()
        >>> (change,) = reg.history(reg.resolve("Hà Tây"))
        >>> change.date, change.event, change.successors[0].name, change.basis
        ('2008-08-01', 'merged', 'Hà Nội', 'Nghị quyết 15/2008/QH12')
        >>> (change,) = reg.history(reg.resolve("Đắk Nông"))
        >>> change.date, change.successors[0].full_name, [u.name for u in change.others]
        ('2025-07-01', 'Tỉnh Lâm Đồng', ['Bình Thuận', 'Lâm Đồng'])
        """
        if unit.boundaries == "2025" or unit.level == "nation":
            return []
        if unit.successor_code is not None:
            into = self.get(unit.boundaries, unit.level, unit.successor_code)
            return [Change(str(unit.valid_to), "merged", unit, (into,), (),
                           former_basis(unit.level, unit.code))]
        reform = str(REFORM_DATE.date())
        if unit.level == "province":
            new = self.province_2025(unit)
            table = self.province_table
            others = table[(table["province_2025_code"] == new.code)
                           & (table["geo_code"] != unit.code) & table["valid_to"].isna()]
            peers = tuple(self.get("legacy", "province", c) for c in others["geo_code"])
            event = "merged" if peers else "unchanged"
            return [Change(reform, event, unit, (new,), peers, REFORM_2025_BASIS["province"])]
        successors = tuple(dict.fromkeys(u for u, _note in self.convert(unit)))
        event = "district_abolished" if unit.level == "district" else "reorganised"
        return [Change(reform, event, unit, successors, (), REFORM_2025_BASIS[unit.level])]

    # -- conversion ---------------------------------------------------------------------
    def convert_commune(self, code: str) -> list[tuple[Unit, str]]:
        """Return the 2025 communes that received (part of) a legacy commune, with the note.

        A legacy commune split between several new communes returns several pairs
        (notes such as "Nhập một phần"). Communes merged or renamed between the legacy
        list (2025-01-04) and the conversion table, and not matched by code or name,
        return an empty list.

        Examples
        --------
        >>> [(u.full_name, note) for u, note in get_registry().convert_commune("24961")]
        [('Xã Hiệp Thạnh', 'Nhập toàn bộ')]
        """
        self.get("legacy", "commune", code)  # raises if unknown
        rows = self._conv[self._conv["legacy_commune_code"] == code]
        return self._conv_pairs(rows)

    def convert(self, unit: Unit) -> list[tuple[Unit, str]]:
        """Return the 2025 unit(s) that a legacy unit went to.

        Provinces go whole to one province (``province_conversion``); districts and
        communes go to the 2025 communes listed in the conversion table.

        Examples
        --------
        >>> reg = get_registry()
        >>> [(u.name, u.boundaries, note) for u, note in reg.convert(reg.resolve("Tiền Giang"))]
        [('Đồng Tháp', '2025', 'merged whole')]
        """
        if unit.boundaries == "2025":
            return [(unit, "already 2025 boundaries")]
        if unit.level == "nation":
            return [(self.get("2025", "nation", NATION_CODE), "unchanged")]
        if unit.level == "province":
            note = "merged whole" if unit.valid_to is None else f"merged into Hà Nội {unit.valid_to}"
            return [(self.province_2025(unit), note)]
        if unit.level == "district":
            return self._conv_pairs(self._conv[self._conv["old_district_code"] == unit.code])
        return self.convert_commune(unit.code)

    def _conv_pairs(self, rows: pd.DataFrame) -> list[tuple[Unit, str]]:
        rows = rows.sort_values(["new_commune_code", "record"]).drop_duplicates(
            ["new_commune_code", "note"])
        return [(self.get("2025", "commune", c), n)
                for c, n in zip(rows["new_commune_code"], rows["note"], strict=True)]

    # -- resolution -----------------------------------------------------------------------
    def _lookup(self, body: str) -> tuple[np.ndarray, np.ndarray]:
        """Return (exact-tier positions, fold-tier positions) for a name body."""
        fk = fold_key(body)
        alias = []
        if fk in ALIASES:
            alias = list(self._by_level_code.get(ALIASES[fk], []))
        exact = np.union1d(self._by_exact.get(exact_key(body), np.array([], int)), alias)
        fold = np.union1d(self._by_fold.get(fk, np.array([], int)), alias)
        return exact.astype(int), fold.astype(int)

    def _candidates(self, name: str, level: str | None, boundaries: str | None,
                    parents: list[Unit] | None,
                    allowed_levels: set[str] | None = None) -> tuple[list[int], set[str] | None]:
        """Positions of the units ``name`` may mean, from its most specific reading.

        Two rules are hard, not preferences: a printed district or commune kind
        ("Thành phố", "TP.", "city", "Huyện", ...) never names a province of another
        kind ("Thành phố Ninh Bình" is not Tỉnh Ninh Bình; "TP. Hồ Chí Minh" is
        Thành phố Hồ Chí Minh), and a unit is never inside itself (with ``parents``, a
        candidate must lie inside a parent reading other than itself: the same level
        and name in either boundary set is itself).
        """
        bnd, lvl, kind = self._col["boundaries"], self._col["level"], self._col["kind"]
        for body, kinds, levels in parse_query(name):
            for tier in self._lookup(body):
                pos = [int(p) for p in tier
                       if (boundaries is None or bnd[p] == boundaries)
                       and (level is None or lvl[p] == level)
                       and (levels is None or lvl[p] in levels)
                       and (allowed_levels is None or lvl[p] in allowed_levels)]
                if kinds and "Tỉnh" not in kinds:  # a printed district/commune kind
                    pos = [p for p in pos if lvl[p] != "province" or kind[p] in kinds]
                if parents is not None:
                    pos = [p for p in pos if self._within(self._unit(p), [
                        q for q in parents if not _same_place(self._unit(p), q)])]
                if pos:
                    return pos, kinds
        return [], None

    def _same_set_parent(self, pos: list[int], parents: list[Unit]) -> list[int]:
        """Among tied candidates, keep those inside a parent of their own boundary set.

        A parent name can match units of both sets: "Tây Ninh" is legacy province 72
        and also the 2025 province that now holds old Long An. "Huyện Châu Thành",
        parent "Tây Ninh", is then legacy district 708 (inside legacy Tây Ninh), not
        also Long An's Châu Thành (808, only inside the 2025 province). Candidates are
        kept unchanged when no candidate, or more than one, is inside a same-set parent.
        """
        same = [p for p in pos if self._within(self._unit(p), [
            q for q in parents if q.boundaries == self._unit(p).boundaries])]
        return same if len(same) == 1 else pos

    def _within(self, unit: Unit, parents: list[Unit]) -> bool:
        for p in parents:
            if p.level == "nation" and p.boundaries == unit.boundaries and unit.level != "nation":
                return True
            if p.boundaries == unit.boundaries:
                if unit.parent_code == p.code and LEVEL_RANK[unit.level] > LEVEL_RANK[p.level]:
                    return True
                if p.level == "province" and unit.level != "province" \
                        and unit.province_code == p.code:
                    return True
            elif (p.boundaries == "2025" and p.level == "province" and unit.level != "nation"
                  and unit.province_2025_code == p.code):
                return True  # a legacy unit now inside this 2025 province
        return False

    def _suggest(self, name: str) -> list[str]:
        from rapidfuzz import fuzz, process

        query = fold_key(parse_query(name)[0][0]) or fold_key(name)
        if not query:
            return []
        hits = process.extract(query, self._fold_choices, scorer=fuzz.ratio, limit=15,
                               score_cutoff=70)
        out: list[str] = []
        for key, _score, _ in hits:
            # Best-ranked unit for this key: highest level, legacy first.
            pos = min(self._by_fold[key], key=lambda p: (self._df["rank"].iat[p],
                                                         self._df["b_rank"].iat[p], p))
            label = self._df["full_name"].iat[pos]
            if label not in out:
                out.append(label)
            if len(out) == 5:
                break
        return out

    def resolve(self, name: str, parent: str | None = None, level: str | None = None,
                boundaries: str | None = None) -> Unit:
        """Resolve a place name to one unit.

        Parameters
        ----------
        name : str
            Place as printed: diacritics, case, spacing, hyphens/apostrophes and
            administrative prefixes ("Tỉnh", "TP.", "Huyện", ..., English "city",
            "province", "district") are tolerated, as are English spellings ("Ha Noi",
            "Hanoi", "HCMC", "Thua Thien-Hue", "Daklak").
        parent : str, optional
            A containing unit (province or district name, resolved the same way) to
            disambiguate ("Hiệp An", parent "Đức Trọng"). A parent name of both sets
            ("Tây Ninh": legacy province 72, and the 2025 province that also holds old
            Long An) decides by the reading in the candidate's own set; a legacy unit
            is also found inside its 2025 province ("Phan Thiết", parent "Lâm Đồng").
            This is what ``bhxh geo resolve --parent`` and the ``parent`` column of
            ``bhxh data check`` use.
        level : {"nation", "province", "district", "commune"}, optional
        boundaries : {"legacy", "2025"}, optional
            Without it, legacy units win over 2025 units of the same name.

        Returns
        -------
        Unit

        Raises
        ------
        UnknownPlaceError
            No unit matches (``suggestions`` holds up to five similar names).
        AmbiguousPlaceError
            Several units remain after the preference rules: province > district >
            commune (unless a prefix or ``level`` says otherwise), then legacy > 2025.

        Examples
        --------
        >>> reg = get_registry()
        >>> u = reg.resolve("Da Lat city")
        >>> u.full_name, u.level, u.boundaries, u.province_2025_name
        ('Thành phố Đà Lạt', 'district', 'legacy', 'Lâm Đồng')
        >>> reg.resolve("Huyện Châu Thành", parent="Tây Ninh", boundaries="legacy").code
        '708'
        """
        key = (name, parent, level, boundaries)
        hit = self._resolved.get(key)
        if hit is None:
            hit = self._resolve(name, parent, level, boundaries)  # errors are not cached
            if len(self._resolved) < 100_000:  # units are immutable; cap memory
                self._resolved[key] = hit
        return hit

    def _resolve(self, name: str, parent: str | None, level: str | None,
                 boundaries: str | None) -> Unit:
        if level is not None:
            _check_level(level)
        if boundaries is not None:
            _check_boundaries(boundaries)
        if boundaries == "2025" and level == "district":
            raise GeoError("the 2025 boundaries have no districts (abolished on 2025-07-01)")
        if not clean_text(name):
            raise UnknownPlaceError(repr(name), detail="empty name")
        parents = None
        if parent is not None and clean_text(parent):
            pos, _ = self._candidates(parent, None, None, None,
                                      allowed_levels={"nation", "province", "district"})
            if not pos:
                raise UnknownPlaceError(parent, self._suggest(parent), detail="as parent")
            parents = [self._unit(p) for p in pos]
        pos, kinds = self._candidates(name, level, boundaries, parents)
        if not pos:
            detail = ", ".join(f"{k}={v}" for k, v in (("parent", parent), ("level", level),
                                                       ("boundaries", boundaries)) if v)
            raw_pos, _ = self._candidates(name, None, None, None)
            if raw_pos and detail:
                found = "; ".join(self.describe(self._unit(p)) for p in raw_pos[:5])
                raise UnknownPlaceError(name, [], detail=f"nothing with {detail}; found {found}")
            raise UnknownPlaceError(name, self._suggest(name), detail=detail)
        keep = np.ones(len(pos), bool)
        if kinds:  # soft: prefer the printed kind ("Thành phố" over "Huyện" of the same name)
            k = np.array([self._col["kind"][p] in kinds for p in pos], dtype=bool)
            if k.any():
                keep &= k
        if level is None:
            r = np.array([self._col["rank"][p] for p in pos])
            keep &= r == r[keep].min()
        if boundaries is None:
            b = np.array([self._col["b_rank"][p] for p in pos])
            keep &= b == b[keep].min()
        chosen = [p for p, ok in zip(pos, keep, strict=True) if ok]
        if len(chosen) > 1 and parents is not None:
            chosen = self._same_set_parent(chosen, parents)
        if len(chosen) == 1:
            return self._unit(chosen[0])
        units = [self._unit(p) for p in sorted(chosen)]
        raise AmbiguousPlaceError(name, units, [self.describe(u) for u in units])


def _positions(keys: list) -> dict:
    """Each key's row positions, ascending (missing keys left out, as ``groupby``)."""
    out: dict = {}
    for pos, key in enumerate(keys):
        if key is not None and key == key:  # NaN != NaN
            out.setdefault(key, []).append(pos)
    return out


def _same_place(unit: Unit, parent: Unit) -> bool:
    """Whether ``unit`` is a reading of ``parent`` itself: same level and name, either set.

    Legacy Tỉnh Ninh Bình lies inside the 2025 province Ninh Bình, but a place printed
    with the parent "Ninh Bình" is something inside it, never the province itself. A
    parent name of several readings keeps the others: "thành phố Hà Tĩnh", parent "Hà
    Tĩnh", is district 436 inside the province, though "Hà Tĩnh" also reads as 436.
    """
    return parent.level == unit.level and exact_key(parent.name) == exact_key(unit.name)


def _check_boundaries(boundaries: str) -> None:
    if boundaries not in BOUNDARIES:
        raise GeoError(f"boundaries must be one of {BOUNDARIES}, not {boundaries!r}")


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise GeoError(f"level must be one of {LEVELS}, not {level!r}")


_REGISTRIES: dict[Path, Registry] = {}


def get_registry(raw: Path | None = None) -> Registry:
    """Return the registry built from ``raw`` (default ``config.raw_dir()``), cached.

    Examples
    --------
    >>> get_registry() is get_registry()
    True
    """
    key = Path(raw) if raw is not None else config.raw_dir()
    key = key.resolve()
    reg = _REGISTRIES.get(key)
    if reg is None:
        reg = _REGISTRIES[key] = Registry(key)
    return reg


def province_conversion() -> pd.DataFrame:
    """Return the legacy → 2025 province table (63 provinces + Hà Tây).

    Returns
    -------
    pandas.DataFrame
        One row per legacy province, named like every unit table: ``geo_code,
        geo_name, geo_level, boundaries`` (the legacy province), ``province_2025_code,
        province_2025`` (where it went), ``n_rows`` (conversion rows behind the
        mapping), ``share`` (of those rows going there: 1.0), ``method``
        (``conversion_table_majority`` or ``historical_merge_2008``), ``valid_to``
        (``datetime64[ns]``, ``NaT`` for a province that still exists),
        ``override_note``.

    Examples
    --------
    >>> pc = province_conversion().set_index("geo_name")
    >>> pc.loc[["Kon Tum", "Hà Tây"], "province_2025"].tolist()
    ['Quảng Ngãi', 'Hà Nội']
    >>> pc.loc[["Kon Tum", "Hà Tây"], "valid_to"].dt.strftime("%Y-%m-%d").tolist()
    [nan, '2008-08-01']
    """
    table = get_registry().province_table.copy()
    table["valid_to"] = pd.to_datetime(table["valid_to"]).astype("datetime64[ns]")
    return table


def find_conversion_contradictions() -> pd.DataFrame:
    """Return every contradiction in the conversion table, overridden or not.

    Kinds: ``label_disagrees_with_legacy_list`` (a row whose old-province label
    differs from the legacy list's province of its old district), ``legacy_province_split
    (label reading)`` / ``(legacy_list reading)`` (a legacy province going to more
    than one new province), ``commune_code_in_other_province`` (the legacy list puts
    the row's old commune code in another province than its old district),
    ``stale_override``. Column ``overridden`` says whether a
    documented override explains it; building the registry raises otherwise.

    Examples
    --------
    >>> c = find_conversion_contradictions()
    >>> bool(c["overridden"].all()), "Tỉnh Tiền Giang" in set(c["legacy_province_name"])
    (True, True)
    """
    return get_registry().contradictions.copy()
