"""The package as a researcher meets it (issue 18.1, 18.2, 18.8): loaders at the top,
one dtype per column on every route, a discoverable namespace, examples that run."""

from __future__ import annotations

import doctest
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import bhxh_analysis as bx
from bhxh_analysis.schema import DTYPES

ROOT = Path(__file__).resolve().parents[1]


LOADERS = ["load_observations", "load_derived", "load_consistency", "load_targets"]


def _check_dtypes(df: pd.DataFrame, categories: bool = False) -> None:
    for c in df.columns:
        dtype = df[c].dtype
        if DTYPES.get(c) == "datetime64[ns]":
            assert dtype == "datetime64[ns]", (c, dtype)
        elif c in DTYPES and DTYPES[c] == "float64" or c in ("value", "difference",
                                                               "tolerance"):
            assert dtype == "float64", (c, dtype)
        elif c in ("year", "preliminary"):
            continue
        elif categories and isinstance(dtype, pd.CategoricalDtype):
            assert all(isinstance(v, str) for v in dtype.categories), c
        else:
            assert dtype == "str", (c, dtype)


@pytest.mark.parametrize("name", LOADERS)
def test_every_loader_gives_one_dtype_per_column(home: Path, name: str) -> None:
    loader = getattr(bx, name)
    df = loader() if name == "load_targets" else loader(rebuild=False)
    assert len(df)
    _check_dtypes(df)
    cats = loader(categories=True) if name == "load_targets" else loader(rebuild=False,
                                                                          categories=True)
    assert any(isinstance(t, pd.CategoricalDtype) for t in cats.dtypes)
    _check_dtypes(cats, categories=True)


@pytest.mark.parametrize("name", LOADERS)
def test_loaders_take_the_same_filters(home: Path, name: str) -> None:
    loader = getattr(bx, name)
    kwargs = {} if name == "load_targets" else {"rebuild": False}
    whole = loader(**kwargs)
    place = "Việt Nam"
    indicator = whole["indicator"].iloc[0]
    some = loader(**kwargs, place=place, indicator=[indicator], boundaries="legacy",
                  years=range(2000, 2031))
    assert len(some) <= len(whole)
    assert set(some["indicator"]) <= {indicator}
    if len(some) and "as_of" in some.columns:
        assert some["as_of"].dt.year.between(2000, 2030).all()
        assert set(some["boundaries"]) == {"legacy"}


def test_rows_carry_the_legacy_province(home: Path) -> None:
    obs = bx.load_observations(rebuild=False)
    cols = list(obs.columns)
    assert cols.index("province") == cols.index("province_2025") - 1
    dalat = obs[(obs["geo_name"] == "Đà Lạt") & (obs["boundaries"] == "legacy")]
    assert len(dalat) and set(dalat["province"]) == {"Lâm Đồng"}
    assert set(obs.loc[obs["geo_level"] == "nation", "province"]) == {""}
    lam_dong = bx.load_observations(rebuild=False, place="Lâm Đồng", boundaries="legacy")
    assert {"Đà Lạt", "Lâm Đồng"} <= set(lam_dong["geo_name"])


def test_dir_lists_the_public_api_only() -> None:
    names = dir(bx)
    assert set(LOADERS) <= set(names)
    assert {"geo", "metrics", "plotting", "schema", "__version__"} <= set(names)
    assert not {"PackageNotFoundError", "annotations", "version", "importlib"} & set(names)
    assert names == sorted(bx.__all__)
    assert {"forecast_many", "coverage_table", "check_frame", "select", "forecast"} <= set(names)


def test_forecast_many_and_coverage_table_are_exported() -> None:
    from bhxh_analysis.forecast import forecast_many
    from bhxh_analysis.reports import coverage_table

    assert bx.forecast_many is forecast_many
    assert bx.coverage_table is coverage_table
    assert callable(bx.forecast) and callable(bx.forecast.forecast_many)


def test_submodules_load_on_first_attribute_access() -> None:
    code = ("import sys, bhxh_analysis as bx; assert 'bhxh_analysis.geo' not in sys.modules;"
            " assert callable(bx.geo.get_registry); assert callable(bx.load_derived);"
            " print(bx.__version__)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, env={"PYTHONPATH": str(ROOT / "src")})
    assert res.returncode == 0, res.stderr
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = bx.nope


MODULES = ["bhxh_analysis", "bhxh_analysis.schema", "bhxh_analysis.io",
           "bhxh_analysis.observations", "bhxh_analysis.pipeline",
           "bhxh_analysis.sources.curated", "bhxh_analysis.rawdata", "bhxh_analysis.cli"]


@pytest.mark.parametrize("module", MODULES)
def test_examples_in_docstrings_run(home: Path, module: str) -> None:
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_every_loader_has_a_numpydoc_example() -> None:
    for name in LOADERS:
        # inspect.getdoc dedents like Python 3.13 does for __doc__ itself
        doc = inspect.getdoc(getattr(bx, name)) or ""
        assert "Examples\n--------" in doc and ">>> " in doc, name


def test_forecast_indicators_gives_what_forecast_gives_for_each(home: Path) -> None:
    """One preparation for a place's schemes, the same results (and refusals) as one
    `forecast` call per indicator: the reports rely on it."""
    obs = bx.load_observations(rebuild=False)
    inds = ["bhxh_voluntary_participants", "bhyt_participants", "bhtn_participants"]
    got = bx.forecast.forecast_indicators(obs, geo="Kon Tum", indicators=inds, year=2020,
                                          as_of="2020-06-30")
    assert list(got) == inds
    for ind in inds:
        try:
            one = bx.forecast(obs, geo="Kon Tum", indicator=ind, year=2020, as_of="2020-06-30")
        except bx.forecast.ForecastError as exc:
            assert isinstance(got[ind], bx.forecast.ForecastError) and str(got[ind]) == str(exc)
            continue
        pd.testing.assert_frame_equal(got[ind].to_frame(), one.to_frame())
    assert not all(isinstance(v, Exception) for v in got.values())


def test_forecast_reuse_gives_the_same_results_and_is_tied_to_its_frame() -> None:
    """``forecast_indicators(..., reuse=)`` (the reports' batch memo) changes no number,
    and a changed frame under the same key is prepared afresh, never served stale."""
    from bhxh_analysis import forecast as fc
    from bhxh_analysis.forecast import reuse

    obs = fc.example_observations()
    ask = dict(geo="Việt Nam", indicators=["bhxh_participants", "bhyt_participants"],
               year=2024, as_of="2024-10-31")
    plain = fc.forecast_indicators(obs, **ask)
    first = fc.forecast_indicators(obs, reuse="build-a", **ask)
    assert any(k[0] == "prepared" for k in reuse._STATE["items"])  # kept for the next call
    again = fc.forecast_indicators(obs, reuse="build-a", **ask)
    for ind in ask["indicators"]:
        pd.testing.assert_frame_equal(first[ind].to_frame(), plain[ind].to_frame())
        pd.testing.assert_frame_equal(again[ind].to_frame(), plain[ind].to_frame())
    # A new frame (a rebuilt bundle) with figures 10 % higher, under the same key.
    more = obs.assign(value=obs["value"] * 1.1)
    fresh = fc.forecast_indicators(more, reuse="build-a", **ask)
    want = fc.forecast_indicators(more, **ask)
    assert fresh["bhyt_participants"].forecast == want["bhyt_participants"].forecast
    assert fresh["bhyt_participants"].forecast != plain["bhyt_participants"].forecast
