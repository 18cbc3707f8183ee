"""Measured quality of the extractor against a gold list (``bhxh extract --eval``).

A gold list has the columns ``geo_name, indicator, as_of, value`` and optionally
``parent`` (to tell a commune from its namesakes), ``file`` (the article a row belongs
to: then only that article's candidates can match it) and ``published`` (the article's
publication date, used when ``--published`` is not given).

A candidate matches a gold row when it has the same indicator, a value within 0.5 % of
the gold value, the same month of ``as_of`` (for plans, ``*_plan_*``, the same year)
and the same place (the same registry unit when both names resolve, else the same
name folded without diacritics). Each gold row matches at most one candidate.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..clean import iso_date
from ..geo import GeoError, fold_key, get_registry
from ..schema import REFORM_DATE, enforce_dtypes

__all__ = ["GOLD_COLUMNS", "Score", "match", "read_gold", "score"]

GOLD_COLUMNS = ["geo_name", "indicator", "as_of", "value"]
#: Relative tolerance of a value match.
TOLERANCE = 0.005


class GoldError(ValueError):
    """A gold file that cannot be used (missing columns, unreadable values)."""


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of a set of candidates against a gold list."""

    n_gold: int
    n_candidates: int
    n_matched: int

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_candidates if self.n_candidates else 0.0

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """One line: ``precision 0.94 (31/33) recall ...``."""
        return (f"precision {self.precision:.3f} ({self.n_matched}/{self.n_candidates})  "
                f"recall {self.recall:.3f} ({self.n_matched}/{self.n_gold})  F1 {self.f1:.3f}")


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold CSV (UTF-8) and check its columns and values.

    Returns
    -------
    pandas.DataFrame
        The gold rows with ``parent``, ``file`` and ``published`` (empty when the file
        lacks them): ``as_of`` and ``published`` ``datetime64[ns]`` (``published`` ``NaT``
        when not given), ``value`` ``float64``, text ``str``.

    Raises
    ------
    GoldError
        A required column is missing, or a value or date cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "gold.csv"
    >>> _ = path.write_text("geo_name,indicator,as_of,value\\n"
    ...                     "Phú Yên,bhtn_participants,2024-08-31,10000\\n", encoding="utf-8")
    >>> gold = read_gold(path)
    >>> str(gold["as_of"].dtype), str(gold["value"].dtype), float(gold.loc[0, "value"])
    ('datetime64[ns]', 'float64', 10000.0)
    """
    try:
        gold = pd.read_csv(path, dtype="str", keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise GoldError(f"{path}: cannot read the gold list ({exc})") from None
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise GoldError(f"{path}: gold list lacks column(s) {', '.join(missing)} "
                        f"(has {', '.join(gold.columns)})")
    for col in ("parent", "file", "published"):
        if col not in gold.columns:
            gold[col] = ""
    value = pd.to_numeric(gold["value"], errors="coerce")
    date = pd.to_datetime(gold["as_of"], format="%Y-%m-%d", errors="coerce")
    for bad, col in ((value.isna(), "value"), (date.isna(), "as_of")):
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0]) + 2
            raise GoldError(f"{path}: row {row}: column {col}: cannot read "
                            f"{gold.loc[bad, col].iloc[0]!r} (values in base units, "
                            "dates as YYYY-MM-DD)")
    published = pd.to_datetime(gold["published"].where(gold["published"] != ""),
                               format="%Y-%m-%d", errors="coerce")
    bad = published.isna() & (gold["published"] != "")
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise GoldError(f"{path}: row {row}: column published: cannot read "
                        f"{gold.loc[bad, 'published'].iloc[0]!r} (dates as YYYY-MM-DD)")
    gold["value"] = value.astype("float64")
    gold["as_of"] = date.astype("datetime64[ns]")
    gold["published"] = published.astype("datetime64[ns]")
    return enforce_dtypes(gold)


def _place_keys(name: str, parent: str, as_of: str, registry: Any) -> set[str]:
    """The units a gold name may mean (``level/code``), or its folded name.

    The boundaries of its date first; the other set too, since a legacy province's plan
    for 2025 printed before the merger ("Bắc Giang", 31 December 2025) is the legacy
    province, whose name the 2025 register gives to a ward. A parent named like its
    province ("xã Hưng Đạo", parent "Cao Bằng": three communes of the province bear the
    name, one of them in thành phố Cao Bằng) is also read as the district of that name.
    """
    bnd = "2025" if as_of >= REFORM_DATE.date().isoformat() else "legacy"
    keys = set()
    for b in (bnd, "legacy" if bnd == "2025" else "2025"):
        try:
            u = registry.resolve(name, parent=parent or None, boundaries=b)
        except GeoError:
            u = _under_district(name, parent, b, registry)
            if u is None:
                continue
        keys.add(f"{u.level}/{u.code}")
    if not keys:
        try:
            u = registry.resolve(name, parent=parent or None, boundaries=None)
            keys.add(f"{u.level}/{u.code}")
        except GeoError:
            keys.add("name:" + fold_key(name))
    return keys


def _under_district(name: str, parent: str, boundaries: str, registry: Any) -> Any:
    """The unit ``name`` inside the district named ``parent`` (None if none or no parent)."""
    if not parent:
        return None
    try:
        district = registry.resolve(parent, level="district", boundaries=boundaries)
        return registry.resolve(name, parent=district.full_name, boundaries=boundaries)
    except GeoError:
        return None


def _candidate_key(row: Any) -> str:
    if row.geo_code:
        return f"{row.geo_level}/{row.geo_code}"
    return "name:" + fold_key(row.geo_name)


def _same_time(indicator: str, a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a[:4] == b[:4] if "_plan_" in indicator else a[:7] == b[:7]


def match(gold: pd.DataFrame, candidates: pd.DataFrame, registry: Any = None
          ) -> pd.DataFrame:
    """Pair gold rows with candidates; return the gold rows with a ``matched`` column.

    ``candidates`` may carry a ``file`` column (the article name); a gold row with a
    ``file`` only matches candidates of that article. Dates may be ``datetime64`` or ISO
    text on either side; the result has the gold's columns in the package dtypes
    (``as_of`` ``datetime64[ns]``, ``value`` ``float64``), ``matched`` (bool) and
    ``candidate_row`` (the matched candidate's position, -1 when none).

    Examples
    --------
    >>> from bhxh_analysis.extract import extract_text
    >>> cand = extract_text("Tính đến 31/8, tỉnh Phú Yên có 10.000 người tham gia BHTN.",
    ...                     published="2024-09-05")
    >>> gold = pd.DataFrame({"geo_name": ["Phú Yên"], "indicator": ["bhtn_participants"],
    ...                      "as_of": ["2024-08-31"], "value": [10000.0]})
    >>> match(gold, cand)[["matched", "candidate_row"]].values.tolist()
    [[True, 0]]
    """
    registry = registry if registry is not None else get_registry()
    cand = candidates.reset_index(drop=True).copy()
    if "file" not in cand.columns:
        cand["file"] = ""
    cand["place_key"] = [_candidate_key(r) for r in cand.itertuples(index=False)]
    cand["as_of"] = [iso_date(d) for d in cand["as_of"]]
    used = [False] * len(cand)
    out = gold.copy()
    for col in ("parent", "file"):
        if col not in out.columns:
            out[col] = ""
    golds = out.assign(as_of=[iso_date(d) for d in out["as_of"]])
    matched, with_row = [], []
    for g in golds.itertuples(index=False):
        keys = _place_keys(g.geo_name, g.parent, g.as_of, registry)
        hit = -1
        for i, c in enumerate(cand.itertuples(index=False)):
            if used[i] or c.indicator != g.indicator or c.place_key not in keys:
                continue
            if g.file and Path(str(c.file)).name != Path(g.file).name:
                continue
            if not abs(float(c.value) - g.value) <= TOLERANCE * abs(g.value):
                continue  # (a value left unread, NaN, matches nothing)
            if _same_time(g.indicator, c.as_of, g.as_of):
                hit = i
                break
        if hit >= 0:
            used[hit] = True
        matched.append(hit >= 0)
        with_row.append(hit)
    out["matched"] = matched
    out["candidate_row"] = pd.Series(with_row, index=out.index, dtype="int64")
    return enforce_dtypes(out)


def score(gold: pd.DataFrame, candidates: pd.DataFrame, registry: Any = None) -> Score:
    """Precision, recall and F1 of ``candidates`` against ``gold`` (see :func:`match`)."""
    m = match(gold, candidates, registry)
    return Score(len(gold), len(candidates), int(m["matched"].sum()))


def published_by_file(gold: pd.DataFrame) -> dict[str, _dt.date]:
    """The gold list's ``published`` dates by article file name."""
    out = {}
    for f, p in gold[["file", "published"]].drop_duplicates().itertuples(index=False):
        if f and iso_date(p):
            out[Path(f).name] = _dt.date.fromisoformat(iso_date(p))
    return out
