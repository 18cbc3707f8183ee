"""Former home of the report tables; kept so older imports keep working.

Everything moved to :mod:`bhxh_analysis.reports` (``reports.data``, ``reports.province``,
``reports.national``); import from there.
"""

from __future__ import annotations

from .reports.citations import source_frame, source_labels, sources_table  # noqa: F401
from .reports.data import *  # noqa: F403
from .reports.data import (  # noqa: F401
    SUMMARY_MIME,
    Bundle,
    ReportParameterError,
    check_as_of,
    check_year,
    data_checksum,
    legacy_parts,
    load_bundle,
    provinces_with_data,
    resolve_province,
    units_frame,
    warm_up,
)
from .reports.national import ForecastReport, NationalReport  # noqa: F401
from .reports.province import ProvinceReport, coverage_table  # noqa: F401
