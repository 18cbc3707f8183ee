"""The one definition of the package's tables and vocabulary.

Every other module imports from here and nothing re-lists what this module holds:

* the columns and dtypes of the observations, derived, consistency and rejected tables
  and of a curated transcription file;
* the indicator vocabulary: ``{scheme}_{measure}`` for the insurance schemes, the
  denominators (population, labour force) and the documented extra indicators;
* the qualifiers printed before a figure ("gần", "trên", "khoảng" ...) and the unit
  multipliers ("ngàn", "triệu" ...);
* administrative levels and boundary sets;
* the kinds of source in ``sources.csv``, most authoritative first;
* the pandera schema that validates an observations table.

Why one module: the same column list or word list typed in several modules drifts; a
reader who wants to know what a table holds reads this file.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pandera is imported only when a schema is built
    import pandera.pandas as pa

# ------------------------------------------------------------------ geography

#: Administrative levels, from the largest to the smallest.
LEVELS: tuple[str, ...] = ("nation", "province", "district", "commune")
#: Rank of each level (0 = nation).
LEVEL_RANK: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}
#: Boundary sets: before the 2025 reform (63 provinces) and from 1 July 2025 (34).
BOUNDARIES: tuple[str, ...] = ("legacy", "2025")
#: First day of the 2025 boundaries (provinces merged, districts abolished).
REFORM_DATE = pd.Timestamp("2025-07-01")
#: Code and name of the nation in every table.
NATION_CODE = "VN"
NATION_NAME = "Việt Nam"
#: Columns that identify a unit: its code is unique within a boundary set and level.
UNIT_KEY: list[str] = ["boundaries", "geo_level", "geo_code"]

# ------------------------------------------------------------------ vocabulary

#: Insurance schemes. ``bhxh`` is compulsory + voluntary social insurance.
SCHEMES: tuple[str, ...] = (
    "bhxh", "bhxh_compulsory", "bhxh_voluntary", "bhtn", "bhyt", "bhyt_household",
)
#: Measures of a scheme; an indicator is ``{scheme}_{measure}``.
MEASURES: tuple[str, ...] = (
    "participants", "new_participants", "change_participants", "coverage_pct",
    "plan_participants", "plan_new_participants", "plan_coverage_pct", "attainment_pct",
    "shortfall_participants", "shortfall_pp",
)
#: The measures a report shows first (stocks, coverage, the plan and its attainment).
CORE_MEASURES: tuple[str, ...] = (
    "participants", "coverage_pct", "plan_participants", "plan_coverage_pct",
    "attainment_pct",
)
#: Denominators, indicators of their own.
DENOMINATORS: tuple[str, ...] = ("population", "labour_force", "labour_force_15plus")
#: The denominator of each scheme's coverage (VSS's convention). Household BHYT has no
#: agreed denominator (households, or members of enrolled households), so it has none.
DENOMINATOR: dict[str, str] = {
    "bhxh": "labour_force",
    "bhxh_compulsory": "labour_force",
    "bhxh_voluntary": "labour_force",
    "bhtn": "labour_force",
    "bhyt": "population",
}
#: Schemes that are part of another: a component's participants never exceed its total's
#: (compulsory and voluntary BHXH make up BHXH; household BHYT is one group of BHYT). A
#: component's coverage shares its total's denominator only when both have the same one.
TOTAL_OF: dict[str, str] = {
    "bhxh_compulsory": "bhxh",
    "bhxh_voluntary": "bhxh",
    "bhyt_household": "bhyt",
}
#: Totals that are exactly the sum of their components (VSS counts BHXH participants as
#: compulsory + voluntary). Household BHYT is one group of BHYT among others, so BHYT is
#: not here: a part only has to stay within it (:data:`TOTAL_OF`).
SUM_OF: dict[str, tuple[str, ...]] = {"bhxh": ("bhxh_compulsory", "bhxh_voluntary")}
#: Derived-only measure: year-on-year growth of participants, percent.
GROWTH_MEASURE = "growth_pct"
#: Indicators whose value may be negative (a fall, or a surplus over the plan).
SIGNED_MEASURES: tuple[str, ...] = ("change_participants", "shortfall_participants",
                                    "shortfall_pp", GROWTH_MEASURE)
#: Indicators the forecaster accepts: stocks of participants and coverage rates.
FORECASTABLE: tuple[str, ...] = tuple(
    f"{s}_{m}" for s in SCHEMES for m in ("participants", "coverage_pct")
)

#: The core vocabulary as a regular expression.
INDICATOR_PATTERN = (
    rf"^(?:(?:{'|'.join(SCHEMES)})_(?:{'|'.join(MEASURES)})|{'|'.join(DENOMINATORS)})$"
)
_INDICATOR_RE = re.compile(INDICATOR_PATTERN)


class ExtraIndicator(NamedTuple):
    """A documented indicator outside the core vocabulary.

    Attributes
    ----------
    units : tuple of str
        Units a value of this indicator may carry.
    forward_looking : bool
        A target or plan: its ``as_of`` may lie after the publication date.
    meaning : str
        What the figure counts, as ``docs/data.md`` explains it.
    """

    units: tuple[str, ...]
    forward_looking: bool
    meaning: str


#: Extra indicators printed in articles that the core vocabulary cannot hold.
EXTRA_INDICATORS: dict[str, ExtraIndicator] = {
    "bhxh_voluntary_campaign_new_participants": ExtraIndicator(
        ("persons",), False,
        "people who joined voluntary BHXH through a named campaign or counselling "
        "programme (a subset of the place's new participants)"),
    "bhxh_voluntary_campaign_target_new_participants": ExtraIndicator(
        ("persons", "persons_per_district"), True,
        "new voluntary BHXH participants a campaign round aims to enrol (unit "
        "persons_per_district when stated per district)"),
    "bhxh_voluntary_campaign_target_share_of_plan_pct": ExtraIndicator(
        ("pct",), True,
        "share (0-100) of the annual voluntary BHXH plan a campaign aims to reach by its "
        "as_of date"),
    "bhyt_campaign_new_participants": ExtraIndicator(
        ("persons",), False,
        "people who joined BHYT through a named campaign or counselling programme"),
    "bhyt_household_campaign_target_new_participants": ExtraIndicator(
        ("persons",), True,
        "new household BHYT participants a campaign round aims to enrol"),
    "bhyt_student_target_coverage_pct": ExtraIndicator(
        ("pct",), True, "target share (0-100) of pupils holding BHYT for a school year"),
    "campaign_participating_provinces": ExtraIndicator(
        ("provinces",), False,
        "number of provinces taking part in a national campaign ceremony"),
    "campaign_rounds_per_month": ExtraIndicator(
        ("rounds_per_month",), True,
        "planned number of campaign rounds (đợt ra quân) per month"),
    "campaign_staff": ExtraIndicator(
        ("persons",), False,
        "staff of BHXH and partner agencies taking part in a campaign round"),
    "counselling_attendees": ExtraIndicator(
        ("attendances",), False,
        "attendances (lượt) at information and counselling sessions"),
    "counselling_sessions": ExtraIndicator(
        ("sessions",), False, "information and counselling sessions held (cuộc tuyên truyền)"),
    "pension_recipients_post": ExtraIndicator(
        ("persons",), False,
        "pensioners and social-allowance recipients paid through the post office"),
}


def core_indicators() -> list[str]:
    """Return the core vocabulary: every ``{scheme}_{measure}`` and the denominators.

    Examples
    --------
    >>> "bhyt_coverage_pct" in core_indicators()
    True
    """
    return [*(f"{s}_{m}" for s in SCHEMES for m in MEASURES), *DENOMINATORS]


def vocabulary() -> list[str]:
    """Return every indicator an observation may carry, sorted.

    Examples
    --------
    >>> "campaign_staff" in vocabulary()
    True
    """
    return sorted({*core_indicators(), *EXTRA_INDICATORS})


def is_known_indicator(indicators: pd.Series) -> pd.Series:
    """Flag indicators in the core vocabulary or among the extra indicators.

    Examples
    --------
    >>> is_known_indicator(pd.Series(["bhyt_participants", "bhyt_people"])).tolist()
    [True, False]
    """
    return indicators.isin(vocabulary()).astype(bool)  # a finite list: one hash lookup


def expected_unit(indicator: str) -> tuple[str, ...]:
    """Return the units allowed for an indicator (empty when it is unknown).

    Core indicators ending in ``_pct`` or ``_pp`` are percentages, the others counts.

    Examples
    --------
    >>> expected_unit("bhxh_voluntary_attainment_pct")
    ('pct',)
    >>> expected_unit("population")
    ('persons',)
    """
    if indicator in EXTRA_INDICATORS:
        return EXTRA_INDICATORS[indicator].units
    if _INDICATOR_RE.match(indicator):
        return ("pct",) if indicator.endswith(("_pct", "_pp")) else ("persons",)
    return ()


def is_forward_looking(indicators: pd.Series) -> pd.Series:
    """Flag plans and targets, whose as-of date may follow the publication date.

    Examples
    --------
    >>> is_forward_looking(pd.Series(["bhyt_plan_coverage_pct", "bhyt_participants"])).tolist()
    [True, False]
    """
    text = indicators.astype("str")
    plan = text.str.contains(r"(?:^|_)(?:plan|target)(?:_|$)", regex=True).fillna(False)
    extra = text.isin([i for i, e in EXTRA_INDICATORS.items() if e.forward_looking])
    return plan.astype(bool) | extra.astype(bool)


def scheme_of(indicators: pd.Series) -> pd.Series:
    """Return the scheme of each indicator (``""`` for denominators and extras).

    Examples
    --------
    >>> scheme_of(pd.Series(["bhxh_voluntary_participants", "population"])).tolist()
    ['bhxh_voluntary', '']
    """
    pattern = rf"^({'|'.join(sorted(SCHEMES, key=len, reverse=True))})_(?:{'|'.join(MEASURES)})$"
    return indicators.astype("string").str.extract(pattern, expand=False).fillna("").astype(str)


def measure_of(indicators: pd.Series) -> pd.Series:
    """Return the measure of each indicator (``""`` for denominators and extras).

    Examples
    --------
    >>> measure_of(pd.Series(["bhxh_voluntary_participants", "population"])).tolist()
    ['participants', '']
    """
    pattern = rf"^(?:{'|'.join(SCHEMES)})_({'|'.join(sorted(MEASURES, key=len, reverse=True))})$"
    return indicators.astype("string").str.extract(pattern, expand=False).fillna("").astype(str)


# ------------------------------------------------------------------ printed figures

#: Words printed before a figure, by what they say about the true value.
QUALIFIER_KINDS: dict[str, tuple[str, ...]] = {
    "approx": ("≈", "~", "khoảng", "xấp xỉ", "chừng", "about", "around", "approx.",
               "approximately"),
    "over": ("trên", "hơn", ">", "over", "more than"),
    "at_least": ("≥", ">=", "tối thiểu", "ít nhất", "at least"),
    "nearly": ("gần", "nearly", "almost"),
    "at_most": ("≤", "<=", "<", "dưới", "tối đa", "less than", "under"),
}
#: Every qualifier word, longest first (so "tối thiểu" wins over shorter prefixes).
QUALIFIERS: tuple[str, ...] = tuple(
    sorted({w for words in QUALIFIER_KINDS.values() for w in words}, key=lambda w: (-len(w), w))
)
#: Kind of each qualifier word.
QUALIFIER_KIND: dict[str, str] = {
    w: kind for kind, words in QUALIFIER_KINDS.items() for w in words
}
#: Qualifiers that mark a figure as an estimate rather than a final count.
PRELIMINARY_QUALIFIERS: frozenset[str] = frozenset(
    {"estimate", "prel.", "preliminary", "ước tính", "ước", "sơ bộ"}
)
#: Relative widening of a printed figure by the kind of its qualifier (docs/metrics.md).
APPROX_REL = 0.02  # "≈", "khoảng", "about": ± 2 % of the figure
OVER_REL = 0.10  # "trên", "hơn", "over": up to 10 % above the figure
NEARLY_REL = 0.05  # "gần", "nearly": up to 5 % below the figure
#: Unit words after a number and the factor they stand for.
MULTIPLIERS: dict[str, int] = {
    "ngàn": 10**3, "nghìn": 10**3, "ngan": 10**3, "nghin": 10**3,
    "k": 10**3, "thousand": 10**3, "thous.": 10**3, "thous": 10**3,
    "triệu": 10**6, "trieu": 10**6, "m": 10**6, "mn": 10**6, "million": 10**6,
    "millions": 10**6,
    "tỷ": 10**9, "tỉ": 10**9, "ty": 10**9, "bn": 10**9, "billion": 10**9,
}

# ------------------------------------------------------------------ sources

#: Kinds of source (``kind`` in ``data/raw/sources.csv``) ranked by authority, most
#: authoritative first: when sources print different figures for one place, indicator
#: and date, the figure of the first kind is the one shown and forecast from
#: (:func:`bhxh_analysis.sources.curated.source_order`). ``government_portal`` is the
#: portal of a provincial, city or district People's Committee (an official publication
#: of the authority that sets the local plans).
SOURCE_KIND_RANK: dict[str, int] = {
    kind: i for i, kind in enumerate((
        "statistics", "press_release", "policy", "government_portal", "news_article",
        "web_page", "compilation"))
}
#: Every kind a row of ``sources.csv`` may have; the unranked ones (an administrative
#: list, a file added by ``bhxh data add`` without ``--kind``) come after the ranked.
SOURCE_KINDS: tuple[str, ...] = (*SOURCE_KIND_RANK, "admin_list", "user_file")

# ------------------------------------------------------------------ tables

#: Columns of the observations table, in this order (docs/architecture.md).
OBSERVATION_COLUMNS: list[str] = [
    "obs_id", "source_id", "geo_code", "geo_name", "geo_level", "boundaries",
    "province_2025", "geo_name_raw", "as_of", "as_of_raw", "indicator", "value",
    "unit", "value_raw", "preliminary", "note",
]
#: The dtype of every column any table of the package carries. Text is ``str`` (pandas'
#: string dtype) on every route; dates are ``datetime64[ns]``. (``value`` of a rejected
#: table is the text as printed: see :func:`rejects`.)
DTYPES: dict[str, str] = {
    **{c: "str" for c in OBSERVATION_COLUMNS},
    "as_of": "datetime64[ns]",
    "value": "float64",
    "preliminary": "bool",
    "method": "str",
    "input_a": "str",
    "input_b": "str",
    "inputs_as_of": "datetime64[ns]",
    "value_lo": "float64",
    "value_hi": "float64",
    "file": "str",
    "row": "int64",
    "column": "str",
    "reason": "str",
}
#: Text columns of the observations table.
TEXT_COLUMNS: list[str] = [c for c in OBSERVATION_COLUMNS if DTYPES[c] == "str"]
#: Columns of the derived table: an observation, how it was derived, from which
#: observations (``input_a``, ``input_b``: their ``obs_id``; ``inputs_as_of``: the later
#: of their dates, from which the figure is known) and its bounds.
DERIVED_COLUMNS: list[str] = [*OBSERVATION_COLUMNS, "method", "input_a", "input_b",
                              "inputs_as_of", "value_lo", "value_hi"]
#: Columns of the consistency table (one row per check of two or more figures).
CONSISTENCY_COLUMNS: list[str] = [
    "geo_code", "geo_name", "geo_level", "boundaries", "as_of", "check", "indicator",
    "figures", "implied_values", "difference", "tolerance", "status", "sources", "obs_ids",
]
#: Columns of every table of rejected input (``rejected.csv``, ``data check``).
REJECTED_COLUMNS: list[str] = ["file", "row", "column", "value", "reason"]
#: Columns of a curated transcription file (``data/raw/curated/observations_*.csv``).
CURATED_COLUMNS: list[str] = [
    "obs_id", "source_id", "place_raw", "parent_raw", "as_of_raw", "as_of", "indicator",
    "value_raw", "number_format", "unit", "qualifier", "note",
]
#: Optional columns of a curated file: ``boundaries`` (``legacy`` or ``2025``; empty or
#: absent: by ``as_of``, legacy before :data:`REFORM_DATE`, 2025 from then) keeps a figure
#: dated after the reform in the legacy boundaries (a 2025 target set in 2022 for a legacy
#: province merged on 2025-07-01).
CURATED_OPTIONAL_COLUMNS: list[str] = ["boundaries"]


def empty_frame(columns: Iterable[str]) -> pd.DataFrame:
    """Return an empty table with the package dtype of each column.

    Examples
    --------
    >>> empty_frame(OBSERVATION_COLUMNS)["as_of"].dtype
    dtype('<M8[ns]')
    """
    data = {}
    for c in columns:
        dtype = DTYPES.get(c, "str")
        data[c] = pd.Series([], dtype=dtype)
    return pd.DataFrame(data)


def _has_dtype(s: pd.Series, dtype: str) -> bool:
    """Whether ``s`` already has the package dtype (text: ``str`` without missing values)."""
    if dtype == "str":
        return s.dtype == "str" and not s.hasnans
    return str(s.dtype) == dtype


def enforce_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with the package dtype of each column it carries.

    Text becomes ``str`` (missing text ``""``), dates ``datetime64[ns]``, numbers
    ``float64``. Columns this module does not know are left alone.

    Examples
    --------
    >>> df = pd.DataFrame({"as_of": ["2024-12-31"], "value": [1], "geo_name": ["Huế"]})
    >>> out = enforce_dtypes(df)
    >>> str(out["as_of"].dtype), str(out["value"].dtype)
    ('datetime64[ns]', 'float64')
    >>> pd.api.types.is_string_dtype(out["geo_name"])
    True
    """
    out = frame.copy(deep=False)
    for c in out.columns:
        dtype = DTYPES.get(c)
        if dtype is None or _has_dtype(out[c], dtype):
            continue
        if dtype == "str":
            s = out[c]
            if isinstance(s.dtype, pd.CategoricalDtype):
                s = s.astype(object)
            out[c] = s.where(s.notna(), "").astype(str)
        elif dtype == "datetime64[ns]":
            out[c] = pd.to_datetime(out[c]).astype("datetime64[ns]")
        elif dtype == "bool":
            out[c] = out[c].fillna(False).astype(bool)
        else:
            out[c] = pd.to_numeric(out[c]).astype(dtype)
    return out


# ------------------------------------------------------------------ validation


def is_unique(values: pd.Series) -> pd.Series:
    """Flag the values that occur once.

    Arrow sorts the values and compares neighbours: no Python string per row and no
    hash table of every value (5.2 M ids: +0.3 GB instead of +1 GB).

    Examples
    --------
    >>> is_unique(pd.Series(["a", "b", "a"], dtype="str")).tolist()
    [False, True, False]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.array(values, from_pandas=True)
    once = np.ones(len(arr), dtype=bool)
    if len(arr) < 2:
        return pd.Series(once, index=values.index)
    order = pc.sort_indices(arr)
    ordered = arr.take(order)
    same = pc.fill_null(pc.equal(ordered.slice(1), ordered.slice(0, len(arr) - 1)), False)
    same = same.to_numpy(zero_copy_only=False)
    twice = np.zeros(len(arr), dtype=bool)
    twice[1:] |= same
    twice[:-1] |= same
    once[order.to_numpy()] = ~twice
    return pd.Series(once, index=values.index)


#: Table-level checks of the observations schema → the column a failure is reported in.
CHECK_COLUMNS: dict[str, str] = {
    "value_not_negative": "value",
    "pct_in_range": "value",
    "unit_fits_indicator": "unit",
    "as_of_not_after_publication": "as_of",
}


def _on_distinct(values: pd.Series, flag: Callable[[pd.Series], Any]) -> np.ndarray:
    """``flag(values)`` computed once per distinct value and spread over the rows.

    For checks of vocabulary columns (indicator, unit, source): one hash pass over the
    rows instead of a string operation per row.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return np.asarray(flag(pd.Series(uniques, dtype=values.dtype)))[codes]


def observations_schema(published: Mapping[str, pd.Timestamp | None],
                        today: _dt.date | None = None, unique_ids: bool = True
                        ) -> pa.DataFrameSchema:
    """Return the pandera schema of the observations table.

    Parameters
    ----------
    published : mapping of str to Timestamp or None
        Every known ``source_id`` and the latest day its publication date can mean
        (``None`` or NaT when unknown). ``source_id`` must be one of these, and
        ``as_of`` may not follow the publication (nor ``today``) except for plans.
    today : datetime.date or None
        Reference date for "not in the future" (default: the current date).
    unique_ids : bool
        Check that ``obs_id`` is unique (default). Off when the caller checks it over a
        whole table it validates in slices (:func:`pipeline.validate`).

    Returns
    -------
    pandera.pandas.DataFrameSchema
        Ordered and strict: exactly :data:`OBSERVATION_COLUMNS`, in order. Validate
        with ``lazy=True`` to collect every failure.

    Examples
    --------
    >>> import datetime
    >>> import pandera.errors
    >>> schema = observations_schema({"s1": pd.Timestamp("2024-12-31")},
    ...                              today=datetime.date(2025, 1, 1))
    >>> list(schema.columns) == OBSERVATION_COLUMNS
    True
    >>> row = pd.DataFrame([{
    ...     "obs_id": "s1-1", "source_id": "s1", "geo_code": "01", "geo_name": "Hà Nội",
    ...     "geo_level": "province", "boundaries": "legacy", "province_2025": "Hà Nội",
    ...     "geo_name_raw": "Hà Nội", "as_of": pd.Timestamp("2024-12-31"),
    ...     "as_of_raw": "31/12/2024", "indicator": "bhyt_coverage_pct", "value": 92.5,
    ...     "unit": "pct", "value_raw": "92,5", "preliminary": False, "note": ""}])
    >>> len(schema.validate(row))
    1
    >>> try:
    ...     schema.validate(row.assign(value=120.0), lazy=True)
    ... except pandera.errors.SchemaErrors as exc:
    ...     sorted(set(exc.failure_cases["check"]))
    ['percentage outside 0-100 (only attainment_pct may exceed 100)']
    """
    import pandera.pandas as pa

    pub = pd.Series({k: pd.NaT if v is None else v for k, v in published.items()},
                    dtype="datetime64[ns]")
    limit = pd.Timestamp(today or _dt.date.today())

    def signed(df: pd.DataFrame) -> np.ndarray:
        # A change can be a fall, a shortfall a surplus over the plan (SIGNED_MEASURES).
        return _on_distinct(df["indicator"], lambda s: s.str.endswith(SIGNED_MEASURES))

    def not_negative(df: pd.DataFrame) -> pd.Series:
        # Every other figure is >= 0.
        return signed(df) | (df["value"] >= 0)

    def pct_in_range(df: pd.DataFrame) -> pd.Series:
        # Attainment of a plan can exceed 100 % (150 % in seed 001); a signed rate
        # (points of a shortfall, a growth) lies in -100..100.
        attain = _on_distinct(df["indicator"], lambda s: s.str.endswith("attainment_pct"))
        upper = np.where(attain, np.inf, 100.0)
        lower = np.where(signed(df), -100.0, 0.0)
        return df["unit"].ne("pct") | ((df["value"] >= lower) & (df["value"] <= upper))

    allowed = {f"{i}|{u}" for i in vocabulary() for u in expected_unit(i)}

    def unit_fits(df: pd.DataFrame) -> pd.Series:
        # Each distinct (indicator, unit) pair once: a few dozen, whatever the rows.
        ind, ind_codes = pd.factorize(df["indicator"], use_na_sentinel=False)[::-1]
        unit, unit_codes = pd.factorize(df["unit"], use_na_sentinel=False)[::-1]
        fits = np.array([[isinstance(i, str) and isinstance(u, str) and f"{i}|{u}" in allowed
                          for u in unit] for i in ind], dtype=bool).reshape(len(ind), len(unit))
        return pd.Series(fits[ind_codes, unit_codes], index=df.index)

    def not_after_publication(df: pd.DataFrame) -> pd.Series:
        when = _on_distinct(df["source_id"], lambda s: pub.reindex(s).to_numpy())
        ahead = _on_distinct(df["indicator"], is_forward_looking)
        return ahead | ((pd.isna(when) | (df["as_of"] <= when)) & (df["as_of"] <= limit))

    def text(*checks: pa.Check) -> pa.Column:
        return pa.Column(str, list(checks), nullable=False, coerce=False)

    columns = {
        "obs_id": pa.Column(str, [pa.Check.str_matches(r"^[^ \t\r\n\f\v]+$",
                                                       error="obs_id is empty or has spaces"),
                                  *([pa.Check(is_unique, error="duplicate obs_id")]
                                    if unique_ids else [])],
                            nullable=False),
        "source_id": text(pa.Check.isin(sorted(pub.index),
                                        error="source_id not in sources.csv")),
        "geo_code": text(pa.Check.str_matches(r"^(?:VN|\d{2,5})$")),
        "geo_name": text(pa.Check.str_length(min_value=1)),
        "geo_level": text(pa.Check.isin(LEVELS)),
        "boundaries": text(pa.Check.isin(BOUNDARIES)),
        "province_2025": text(pa.Check.str_length(min_value=1)),
        "geo_name_raw": text(),
        "as_of": pa.Column("datetime64[ns]", nullable=False),
        "as_of_raw": text(),
        "indicator": text(pa.Check(is_known_indicator,
                                   error="indicator not in the vocabulary")),
        "value": pa.Column(float, pa.Check(np.isfinite, error="value is not finite"),
                           nullable=False),
        "unit": text(pa.Check.str_matches(r"^[a-z_]+$")),
        "value_raw": text(),
        "preliminary": pa.Column(bool, nullable=False),
        "note": text(),
    }
    checks = [
        pa.Check(not_negative, name="value_not_negative",
                 error="negative value (only change, shortfall and growth indicators may be "
                       "negative)"),
        pa.Check(pct_in_range, name="pct_in_range",
                 error="percentage outside 0-100 (only attainment_pct may exceed 100)"),
        pa.Check(unit_fits, name="unit_fits_indicator",
                 error="unit does not fit the indicator"),
        pa.Check(not_after_publication, name="as_of_not_after_publication",
                 error="as_of is after the source's publication date or in the future "
                       "(allowed only for plans and targets)"),
    ]
    return pa.DataFrameSchema(columns, checks=checks, ordered=True, strict=True,
                              name="observations")


def rejects(file: str | pd.Series, row: object, column: str | pd.Series, value: object,
            reason: str | pd.Series) -> pd.DataFrame:
    """Return rows of a rejected table (scalars broadcast over the Series given).

    Examples
    --------
    >>> rejects("curated/x.csv", [2, 3], "value_raw", ["?", "!"], "not a number")["row"].tolist()
    [2, 3]
    """
    frame = pd.DataFrame({"file": file, "row": row, "column": column, "value": value,
                          "reason": reason})
    if frame.empty:
        return pd.DataFrame({c: pd.Series([], dtype="int64" if c == "row" else "str")
                             for c in REJECTED_COLUMNS})
    return frame.reindex(columns=REJECTED_COLUMNS)
