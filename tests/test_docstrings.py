"""Every public function has a numpydoc docstring with an Example that runs (issue 18.8).

Public modules are the package's submodules (``_SUBMODULES``) and the modules of its
top-level functions (``_API``); a public function is one named in the module's ``__all__``,
or, without ``__all__``, one not starting with ``_`` and defined in that module.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
from pathlib import Path
from types import ModuleType

import pytest
from test_forecast import DOCTEST_MODULES as FORECAST_DOCTEST_MODULES

import bhxh_analysis as bx

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: Modules whose every example ``tests/test_forecast.py::test_docstring_examples`` runs
#: (``doctest.testmod`` of the whole module): the examples of the functions they define
#: are not run a second time here (their backtests are the slowest examples).
RUN_BY_TESTMOD = frozenset(f"bhxh_analysis.forecast.{m}" for m in FORECAST_DOCTEST_MODULES)


def _modules() -> list[str]:
    names = {f"bhxh_analysis.{m}" for m in (*bx._SUBMODULES, *bx._API.values())}
    return sorted(names)


def _public_functions(mod: ModuleType) -> list[str]:
    if hasattr(mod, "__all__"):
        names = [n for n in mod.__all__ if inspect.isfunction(getattr(mod, n, None))]
    else:
        names = [n for n, obj in vars(mod).items() if not n.startswith("_")
                 and inspect.isfunction(obj) and obj.__module__ == mod.__name__]
    return sorted(names)


def _all_public() -> list[str]:
    out = []
    for name in _modules():
        mod = importlib.import_module(name)
        out += [f"{name}.{f}" for f in _public_functions(mod)]
    return sorted(set(out))


#: Public functions that still lack an Examples section — a list that only shrinks.
LACKING: set[str] = set()


def _has_example(qualname: str) -> bool:
    module, name = qualname.rsplit(".", 1)
    doc = inspect.getdoc(getattr(importlib.import_module(module), name)) or ""
    return "Examples\n--------" in doc and ">>> " in doc


def test_every_public_function_has_an_example() -> None:
    missing = sorted(q for q in _all_public() if q not in LACKING and not _has_example(q))
    assert not missing, f"add a numpydoc Examples section to {missing}"


def test_the_allow_list_only_shrinks() -> None:
    done = sorted(q for q in LACKING if q in set(_all_public()) and _has_example(q))
    assert not done, f"has an example now: remove from LACKING {done}"
    assert LACKING <= set(_all_public()), sorted(LACKING - set(_all_public()))


@pytest.mark.parametrize("module", _modules())
def test_examples_run(home: Path, module: str) -> None:
    """The module's own examples and those of every public function it exports (except
    those of a function defined in a module of ``RUN_BY_TESTMOD``, run there)."""
    mod = importlib.import_module(module)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    tests = list(finder.find(mod, module, globs={**vars(mod)}))
    for name in _public_functions(mod):
        fn = inspect.unwrap(getattr(mod, name))
        home_mod = importlib.import_module(fn.__module__)
        if home_mod is not mod and home_mod.__name__ not in RUN_BY_TESTMOD:
            tests += finder.find(fn, f"{module}.{name}", module=False,
                                 globs={**vars(home_mod)})
    seen = set()
    for test in tests:
        if test.name in seen or not test.examples:
            continue
        seen.add(test.name)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} failing examples in {module}"
