"""Derived figures, consistency checks and pace to plan.

A news sentence often implies more than it prints: "190.863 people, 83,23% coverage,
6,77% short of the target, i.e. 15.524 people" implies a population (twice), a target
coverage of 90 % and a plan. :func:`derive` computes every such figure from the tidy
observations (one rule of :data:`RULES` per kind of figure) and :func:`check_consistency`
compares the figures that claim the same quantity, within the interval their printed
rounding allows (:func:`figure_bounds`). :func:`implied_plans` gives the plans a table
implies, as known on a date.

Definitions (``docs/metrics.md``): BHYT coverage = participants ÷ population × 100;
BHXH and BHTN coverage = participants ÷ ``labour_force`` × 100 (VSS's working-age
denominator, never GSO's ``labour_force_15plus``); attainment = actual ÷ plan × 100 (may
exceed 100); shortfall = plan − actual and target − coverage: positive = below.

Rooms: :mod:`.formulas` (the definitions, on scalars, arrays or Series),
:mod:`.figures` (printed precision → intervals), :mod:`.derive` (the rules),
:mod:`.consistency` (the checks), :mod:`.plans` (implied plans by as-of date).
"""

from __future__ import annotations

from ..schema import (
    CONSISTENCY_COLUMNS,
    DENOMINATOR,
    DERIVED_COLUMNS,
    MEASURES,
    OBSERVATION_COLUMNS,
    SCHEMES,
    core_indicators,
)
from .consistency import (
    DENOMINATOR_ALLOWANCE,
    check_consistency,
    cross_pairs,
    derive_and_check,
    in_parts,
    self_pairs,
)
from .derive import RULES, Rule, derive
from .figures import FIGURE_PATTERN, figure_bounds
from .formulas import (
    attainment,
    coverage,
    distance_to_target,
    months_remaining,
    pace_required,
    shortfall,
    shortfall_pp,
    yoy_change,
    yoy_growth,
)
from .plans import implied_plans

#: Former names, kept for modules not yet pointed at :mod:`bhxh_analysis.schema`
#: (``usercheck``): import these from ``schema`` in new code.
OBS_COLUMNS = OBSERVATION_COLUMNS
_RAW_RE = FIGURE_PATTERN

__all__ = [
    "CONSISTENCY_COLUMNS",
    "DENOMINATOR",
    "DENOMINATOR_ALLOWANCE",
    "DERIVED_COLUMNS",
    "FIGURE_PATTERN",
    "MEASURES",
    "OBS_COLUMNS",
    "RULES",
    "SCHEMES",
    "Rule",
    "attainment",
    "check_consistency",
    "core_indicators",
    "coverage",
    "cross_pairs",
    "derive",
    "derive_and_check",
    "distance_to_target",
    "figure_bounds",
    "implied_plans",
    "in_parts",
    "months_remaining",
    "pace_required",
    "self_pairs",
    "shortfall",
    "shortfall_pp",
    "yoy_change",
    "yoy_growth",
]
