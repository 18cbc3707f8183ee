"""Reports: tables and charts as data, one rendering layer, and the notebook runner.

* :mod:`.data` — processed tables loaded once, places, parameters, sources;
* :mod:`.province`, :mod:`.national` — the tables of each report, as DataFrames
  (:func:`coverage_table`, :class:`ProvinceReport`, :class:`NationalReport`,
  :class:`ForecastReport`); :mod:`.words` — sentences built from those tables;
* :mod:`.render` — :class:`~.render.Page`, DataFrames/charts/sentences → reader's HTML;
* :mod:`.runner` — papermill batches in reused kernels (``bhxh report ...``);
  :mod:`.index` — slugs, report summaries, index page, manifest.
"""

from __future__ import annotations

from .data import (
    SUMMARY_MIME,
    Bundle,
    ReportParameterError,
    legacy_parts,
    load_bundle,
    provinces_with_data,
    resolve_province,
)
from .index import province_slug, read_manifest, slugify, summary_of, write_index
from .national import ForecastReport, NationalReport
from .province import ProvinceReport, coverage_table
from .render import Page
from .runner import (
    ENGINE_NAME,
    FAIL_ENV,
    MANIFEST_COLUMNS,
    NOTEBOOKS,
    BatchResult,
    KernelSession,
    Renderer,
    ReportResult,
    ReportTask,
    ensure_data,
    html_exporter,
    kernel_argv,
    province_task,
    render_all,
    render_national,
    render_province,
    result_dict,
)

__all__ = [
    "ENGINE_NAME", "FAIL_ENV", "MANIFEST_COLUMNS", "NOTEBOOKS", "SUMMARY_MIME", "BatchResult",
    "Bundle", "ForecastReport", "KernelSession", "NationalReport", "Page", "ProvinceReport",
    "Renderer", "ReportParameterError", "ReportResult", "ReportTask",
    "coverage_table", "ensure_data", "html_exporter", "kernel_argv", "legacy_parts",
    "load_bundle", "province_slug", "province_task", "provinces_with_data", "read_manifest",
    "render_all", "render_national", "render_province", "resolve_province", "result_dict",
    "slugify", "summary_of", "write_index",
]
