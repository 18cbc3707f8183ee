"""One dtype per column on every route (issue 18.1).

Every public function that returns a table is called on small real inputs and its columns
are checked against :data:`bhxh_analysis.schema.DTYPES`: dates ``datetime64[ns]``, text
``str`` (never ``category`` unless ``categories=True`` is asked), numbers ``float64``.
The functions are found by introspecting the public modules' ``__all__`` and every one found
must be covered by a case below, so a new table-returning function cannot slip past.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import inspect
import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import bhxh_analysis as bx
from bhxh_analysis.schema import DTYPES

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2024-12-31"

ARTICLE = ("Tính đến ngày 30/6/2024, toàn tỉnh Lâm Đồng có 1.150.000 người tham gia BHYT, "
           "đạt tỷ lệ bao phủ 90,5% dân số.")


def _obs() -> pd.DataFrame:
    return bx.load_observations(rebuild=False)


def _legacy_participants() -> pd.DataFrame:
    obs = bx.load_observations(rebuild=False, boundaries="legacy",
                               indicator="bhyt_participants")
    key = ["geo_code", "geo_level", "as_of", "indicator"]
    return obs.drop_duplicates(key).reset_index(drop=True)


def _user_csv() -> str:
    return ("geo_name,as_of,indicator,value\n"
            "Lâm Đồng,2024-12-31,bhyt_participants,1150000\n"
            "Đà Lạt,2024-06-30,bhyt_coverage_pct,\"91,5\"\n")


def _user_frame() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(_user_csv()), dtype=str)


_GROUP = ["geo_code", "indicator", "as_of"]
GOLD = ROOT / "tests" / "data" / "extract" / "gold_seeds.csv"


def _extract() -> Any:
    return importlib.import_module("bhxh_analysis.extract")


def _candidates() -> pd.DataFrame:
    return _extract().extract_text(ARTICLE, published="2024-07-05")


def _article_file() -> Path:
    path = Path(tempfile.mkdtemp()) / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _figures() -> pd.DataFrame:
    """Observations with their bounds: the input of the consistency pairing."""
    obs = _obs().reset_index(drop=True)
    return pd.concat([obs, bx.metrics.figure_bounds(obs)], axis=1)


#: qualified name → a call on small real inputs returning the DataFrame to check.
CASES: dict[str, Callable[[], pd.DataFrame]] = {
    "bhxh_analysis.observations.load_observations": lambda: _obs(),
    "bhxh_analysis.observations.load_derived": lambda: bx.load_derived(rebuild=False),
    "bhxh_analysis.observations.load_consistency":
        lambda: bx.load_consistency(rebuild=False),
    "bhxh_analysis.observations.load_targets": lambda: bx.load_targets(),
    "bhxh_analysis.observations.select":
        lambda: bx.select(_obs(), place="Lâm Đồng", boundaries="legacy"),
    "bhxh_analysis.metrics.derive": lambda: bx.metrics.derive(_obs()),
    "bhxh_analysis.metrics.check_consistency": lambda: bx.metrics.check_consistency(_obs()),
    "bhxh_analysis.metrics.implied_plans":
        lambda: bx.metrics.implied_plans(_obs(), as_of=AS_OF),
    "bhxh_analysis.forecast.forecast_many":
        lambda: bx.forecast.forecast_many(bx.forecast.example_observations(),
                                          indicator="bhxh_participants", year=2025,
                                          as_of="2025-06-30"),
    "bhxh_analysis.forecast.forecast_batch":
        lambda: bx.forecast.forecast_batch(level="province", indicator="bhxh_participants",
                                           year=2024, as_of="2024-10-31"),
    "bhxh_analysis.forecast.example_observations":
        lambda: bx.forecast.example_observations(),
    "bhxh_analysis.forecast.forecast":
        lambda: bx.forecast(bx.forecast.example_observations(), geo="Việt Nam",
                            indicator="bhxh_participants", year=2025,
                            as_of="2025-06-30").to_frame(),
    "bhxh_analysis.geo.aggregate":
        lambda: bx.geo.aggregate(_legacy_participants(), to="province", boundaries="2025"),
    "bhxh_analysis.geo.aggregate_to_2025":
        lambda: bx.geo.aggregate_to_2025(_legacy_participants()),
    "bhxh_analysis.reports.coverage_table": lambda: bx.reports.coverage_table("Lâm Đồng"),
    "bhxh_analysis.usercheck.check_frame": lambda: bx.check_frame(_user_frame()).clean,
    "bhxh_analysis.usercheck.check_file":
        lambda: bx.usercheck.check_file(io.StringIO(_user_csv())).clean,
    "bhxh_analysis.observations.read_observations_csv":
        lambda: bx.observations.read_observations_csv(),
    "bhxh_analysis.observations.read_observations_parquet":
        lambda: bx.observations.read_observations_parquet(),
    "bhxh_analysis.metrics.figure_bounds": lambda: bx.metrics.figure_bounds(_obs()),
    "bhxh_analysis.metrics.self_pairs": lambda: bx.metrics.self_pairs(_figures(), _GROUP),
    "bhxh_analysis.metrics.cross_pairs":
        lambda: bx.metrics.cross_pairs(_figures(), _figures().iloc[::-1].reset_index(drop=True),
                                       _GROUP),
    "bhxh_analysis.geo.province_conversion": lambda: bx.geo.province_conversion(),
    "bhxh_analysis.geo.find_conversion_contradictions":
        lambda: bx.geo.find_conversion_contradictions(),
    "bhxh_analysis.forecast.backtest":
        lambda: bx.forecast.backtest(bx.forecast.example_observations(), methods=["run_rate"]),
    "bhxh_analysis.forecast.cross_validation":
        lambda: bx.forecast.cross_validation(bx.forecast.example_observations(),
                                             methods=["run_rate"]),
    "bhxh_analysis.forecast.calibration_table":
        lambda: bx.forecast.calibration_table(bx.forecast.cross_validation(
            bx.forecast.example_observations(), methods=["run_rate"])),
    "bhxh_analysis.forecast.summary":
        lambda: bx.forecast.summary(bx.forecast.backtest(bx.forecast.example_observations(),
                                                         methods=["run_rate"])),
    "bhxh_analysis.extract.extract_file":
        lambda: _extract().extract_file(_article_file(), published="2024-07-05"),
    "bhxh_analysis.extract.apply_review": lambda: _extract().apply_review(_candidates()),
    "bhxh_analysis.extract.to_check_layout":
        lambda: _extract().to_check_layout(_candidates(), "article"),
    "bhxh_analysis.extract.unread_numbers":
        lambda: _extract().unread_numbers(ARTICLE + " Năm 2023 có 12 đơn vị.", _candidates()),
    "bhxh_analysis.extract.read_gold": lambda: _extract().read_gold(GOLD),
    "bhxh_analysis.extract.match":
        lambda: _extract().match(_extract().read_gold(GOLD), _candidates()),
    "bhxh_analysis.extract.extract_text":
        lambda: importlib.import_module("bhxh_analysis.extract").extract_text(
            ARTICLE, published="2024-07-05"),
}

#: Public modules whose ``__all__`` is walked for functions returning a DataFrame.
MODULES = ["bhxh_analysis.observations", "bhxh_analysis.metrics", "bhxh_analysis.forecast",
           "bhxh_analysis.geo", "bhxh_analysis.reports", "bhxh_analysis.usercheck",
           "bhxh_analysis.extract"]

#: Table-returning public functions that are not data routes (reports' own layouts,
#: evaluation summaries whose columns are not in the schema) — checked elsewhere.
NOT_A_DATA_ROUTE = {
    "bhxh_analysis.forecast.forecast_year_end",  # = forecast(...), positional form
}
#: Not yet walked here (a shrinking list: move a name into CASES when covered).
NOT_YET_COVERED: set[str] = set()


def _returns_frame(fn: Any) -> bool:
    try:
        ann = inspect.signature(fn).return_annotation
    except (TypeError, ValueError):
        return False
    text = ann if isinstance(ann, str) else getattr(ann, "__name__", str(ann))
    return "DataFrame" in str(text) and "tuple" not in str(text)


def _public_frame_functions() -> set[str]:
    found = set()
    for name in MODULES:
        mod = importlib.import_module(name)
        for attr in getattr(mod, "__all__", []):
            obj = getattr(mod, attr)
            if inspect.isfunction(obj) and _returns_frame(obj):
                found.add(f"{name}.{attr}")
    return found


def check_dtypes(df: pd.DataFrame, categories: bool = False) -> list[str]:
    """Return the columns whose dtype is not the package's (empty when all are right).

    Columns of :data:`DTYPES` must have its dtype; any other column must not be a
    ``category`` (unless asked), nor ``object`` holding dates or only text (text is
    ``str`` on every route; ``object`` stays allowed for mixed or nested values).
    """
    wrong = []
    for c in df.columns:
        dtype, want = df[c].dtype, DTYPES.get(c)
        if isinstance(dtype, pd.CategoricalDtype) and not categories:
            wrong.append(f"{c}: category")
        elif want == "datetime64[ns]" and dtype != "datetime64[ns]":
            wrong.append(f"{c}: {dtype} (want datetime64[ns])")
        elif want == "str" and not (dtype == "str" or (categories and isinstance(
                dtype, pd.CategoricalDtype))):
            wrong.append(f"{c}: {dtype} (want str)")
        elif want == "float64" and dtype != "float64":
            wrong.append(f"{c}: {dtype} (want float64)")
        elif want is None and dtype == "object":
            kinds = set(df[c].dropna().map(type))
            if kinds & {pd.Timestamp, _dt.date, _dt.datetime}:
                wrong.append(f"{c}: object holding dates")
            elif kinds and kinds <= {str}:
                wrong.append(f"{c}: object holding text (want str)")
    return wrong


def test_every_table_returning_function_has_a_case() -> None:
    missing = _public_frame_functions() - set(CASES) - NOT_A_DATA_ROUTE - NOT_YET_COVERED
    assert not missing, f"add a dtype case for {sorted(missing)}"


#: Routes that still break the rule (a shrinking list; the extract routes left it when
#: ``as_of`` became ``datetime64[ns]`` there too and dates became ISO text only where a
#: table is written).
KNOWN_OFFENDERS: set[str] = set()


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(
        strict=True, raises=AssertionError, reason="known offender"))
    if n in KNOWN_OFFENDERS else n for n in sorted(CASES)])
def test_one_dtype_per_column(home: Path, name: str) -> None:
    df = CASES[name]()
    assert isinstance(df, pd.DataFrame), name
    assert len(df.columns), name
    assert check_dtypes(df) == [], name


def test_the_allow_list_only_shrinks() -> None:
    assert not NOT_YET_COVERED & set(CASES), "covered now: remove it from NOT_YET_COVERED"
    assert NOT_YET_COVERED <= _public_frame_functions(), "stale NOT_YET_COVERED entry"


def test_the_check_can_fail() -> None:
    bad = pd.DataFrame({"as_of": ["2024-12-31"], "geo_name": pd.Categorical(["Huế"]),
                        "value": [1]})
    assert len(check_dtypes(bad)) == 3
    assert check_dtypes(bx.schema.enforce_dtypes(bad)) == []
    # columns outside the schema: text must be str, dates not Python objects
    other = pd.DataFrame({"sentence": pd.Series(["a"], dtype=object),
                          "published": pd.Series([_dt.date(2024, 1, 1)], dtype=object),
                          "kind": pd.Categorical(["x"]),
                          "mixed": pd.Series([["a"]], dtype=object)})
    assert [w.split(":")[0] for w in check_dtypes(other)] == ["sentence", "published", "kind"]
    fixed = other.assign(sentence=other["sentence"].astype("str"),
                         published=pd.to_datetime(other["published"]),
                         kind=other["kind"].astype("str"))
    assert check_dtypes(fixed) == []
