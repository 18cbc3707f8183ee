"""Report runner: papermill in-process with a reused kernel, HTML export, index, manifest.

Design (why ``bhxh report all`` is fast, see ``docs/reports.md``):

* papermill runs **in-process** (``papermill.execute_notebook``), never as a command;
* each worker process starts **one** Jupyter kernel with the interpreter the package is
  installed in (``sys.executable -m ipykernel_launcher``; no kernelspec lookup, so no
  ``NoSuchKernel`` in virtual environments) and reuses it for every report it renders,
  through a papermill engine (``bhxh-reuse``) that hands papermill the live kernel;
* the kernel is warmed once (pandas, matplotlib, seaborn, the geography registry and the
  processed data are imported/loaded and cached by :mod:`bhxh_analysis.reports.data`);
  between reports the user namespace is reset (``InteractiveShell.reset``), so each
  report still executes all its cells, with papermill's injected-parameters cell, from a
  clean namespace;
* one ``HTMLExporter`` per worker; notebooks have few cells.

Parameters are validated against the geography registry in the calling process before
any kernel starts, and reach the notebook only as papermill parameters.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import __version__, config
from .index import (
    output_json,
    page_title_of,
    province_slug,
    read_manifest,
    slugify,
    summary_of,
    write_index,
)
from .ownloop import OwnLoop
from .pool import local_worker

NOTEBOOKS: dict[str, str] = {
    "province": "province_report.ipynb",
    "national": "national_trends.ipynb",
    "forecast": "forecast_report.ipynb",
    "explore": "00_explore.ipynb",
    "unit": "unit_report.ipynb",
}
MANIFEST_COLUMNS: list[str] = [
    "province", "status", "seconds", "worker", "error", "parameters", "data_checksum", "package_version",
    "git_commit", "lock_sha256", "newest_figure", "html_sha256",
]
#: The variable holding the report object in each report notebook (for the footer).
REPORT_OBJECTS: dict[str, str] = {
    "province_report.ipynb": "rpt",
    "national_trends.ipynb": "nat",
    "forecast_report.ipynb": "fr",
    "unit_report.ipynb": "rpt",
}
FOOTER_CELL_ID = "provenance-footer"
#: Manifest status of a report planned but not finished (the batch was stopped).
PENDING = "pending"
ENGINE_NAME = "bhxh-reuse"
# Test-only: comma-separated province names whose reports are made to fail inside the
# kernel (an invalid as_of is passed), to exercise failure handling end to end.
FAIL_ENV = "BHXH_REPORT_FAIL"


def failure_asked(label: str) -> bool:
    """Whether :data:`FAIL_ENV` names the report ``label`` (its task is made to fail).

    Examples
    --------
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {FAIL_ENV: "Kon Tum, Lạng Sơn"}):
    ...     failure_asked("Lạng Sơn"), failure_asked("Lâm Đồng")
    (True, False)
    """
    return label in {p.strip() for p in os.environ.get(FAIL_ENV, "").split(",") if p.strip()}


# --------------------------------------------------------------------------------------
# Kernel: this interpreter, started once, reused
# --------------------------------------------------------------------------------------


def kernel_argv() -> list[str]:
    """The kernel command: always the interpreter running this package.

    Examples
    --------
    >>> argv = kernel_argv()  # nothing is started
    >>> argv[0] == sys.executable, argv[1:3]
    (True, ['-m', 'ipykernel_launcher'])
    """
    return [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]


def _kernel_manager_class():
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    class InterpreterKernelManager(KernelManager):
        """A KernelManager whose spec is this interpreter, whatever kernelspecs are installed."""

        @property
        def kernel_spec(self) -> KernelSpec:
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=kernel_argv(), display_name="Python 3 (bhxh_analysis)",
                    language="python", metadata={})
            return self._kernel_spec

    return InterpreterKernelManager


def _register_engine() -> None:
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class ReuseKernelEngine(NBClientEngine):
        """papermill engine that executes in a kernel the caller already started."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60,
                                     execution_timeout=None, km=None, kc=None, **kwargs):
            if km is None or kc is None:
                raise ValueError(f"engine {ENGINE_NAME!r} needs a live km and kc")
            client = PapermillNotebookClient(
                nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout,
                kernel_name=kernel_name, log_output=log_output, stdout_file=stdout_file,
                stderr_file=stderr_file)
            client.kc = kc  # reuse the client too: no new channels per notebook
            return client.execute(cleanup_kc=False)

    papermill_engines.register(ENGINE_NAME, ReuseKernelEngine)


# Silent code run between notebooks: a fresh namespace and execution count, same process.
_RESET_CODE = (
    "get_ipython().reset(new_session=True, aggressive=False)\n"
    "import sys as _sys\n"
    "if 'matplotlib.pyplot' in _sys.modules:\n"
    "    _sys.modules['matplotlib.pyplot'].close('all')\n"
    "del _sys\n"
)
_WARM_CODE = "import bhxh_analysis.reports.data as _rd\n_rd.warm_up()\ndel _rd\n"


class KernelSession:
    """One live kernel (this interpreter) that runs many notebooks through papermill.

    Parameters
    ----------
    warm : bool
        Import the report stack and load the data in the kernel at start.
    timeout : float
        Per-cell execution timeout in seconds.
    """

    def __init__(self, warm: bool = True, timeout: float = 600.0) -> None:
        self.timeout = timeout
        self.warm = warm
        self.km = None
        self.kc = None
        self.runs = 0
        self._ipc_dir: str | None = None
        self._pending: str | None = None
        self._own = OwnLoop()  # jupyter's event loop: this session's own (ownloop.py)
        _register_engine()
        self.start()

    def start(self) -> None:
        """Start (or restart) the kernel and its client."""
        self._own.run(self._start)

    def _start(self) -> None:
        self._close()
        km = _kernel_manager_class()(kernel_name="python3")
        if os.name == "posix":
            # Unix sockets in a private folder: no TCP ports to find, nothing on the network.
            self._ipc_dir = tempfile.mkdtemp(prefix="bhxh-kernel-")
            km.transport = "ipc"
            km.ip = os.path.join(self._ipc_dir, "k")
        cwd = config.notebooks_dir()
        from .pool import set_parent_death_signal

        # The kernel dies with the process that started it (no kernel outlives a kill -9).
        km.start_kernel(cwd=str(cwd) if cwd.is_dir() else None,
                        extra_arguments=["--HistoryManager.enabled=False"],
                        preexec_fn=set_parent_death_signal if os.name == "posix" else None)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
        except RuntimeError:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            raise
        self.km, self.kc = km, kc
        if self.warm:
            # Sent now, awaited before the first notebook: the kernel imports and loads
            # data while this process imports papermill and nbconvert.
            self._pending = kc.execute(_WARM_CODE, silent=True, store_history=False)

    def _run_silent(self, code: str) -> None:
        """Execute ``code`` without outputs; raise RuntimeError if it fails."""
        self._wait(self.kc.execute(code, silent=True, store_history=False))

    def _wait(self, msg_id: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        if content.get("status") != "ok":
            raise RuntimeError(f"kernel set-up failed: {content.get('ename')}: "
                               f"{content.get('evalue')}")

    def execute(self, notebook: Any, output_path: Path, parameters: dict[str, Any]):
        """Run a notebook with papermill in this kernel; return the executed notebook.

        Raises
        ------
        papermill.PapermillExecutionError
            A cell failed (the executed notebook, with the traceback, is still written).
        """
        return self._own.run(self._execute, notebook, output_path, parameters)

    def _execute(self, notebook: Any, output_path: Path, parameters: dict[str, Any]):
        import papermill as pm

        if self.km is None or not self.km.is_alive():
            self._start()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._wait(pending)
        if self.runs:
            self._run_silent(_RESET_CODE)
        self.runs += 1
        try:
            return pm.execute_notebook(
                notebook, str(output_path), parameters=parameters, engine_name=ENGINE_NAME,
                kernel_name="python3", language="python", progress_bar=False,
                request_save_on_cell_execute=False, log_output=False,
                execution_timeout=self.timeout, km=self.km, kc=self.kc)
        except TimeoutError:
            self._start()  # a cell hung: never reuse that kernel
            raise

    def close(self) -> None:
        """Shut the kernel down and close the session's event loop."""
        self._own.run(self._close)
        self._own.close()

    def _close(self) -> None:
        self._pending = None
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            self.km.shutdown_kernel(now=True)
        self.km = self.kc = None
        if self._ipc_dir:
            shutil.rmtree(self._ipc_dir, ignore_errors=True)
            self._ipc_dir = None


# --------------------------------------------------------------------------------------
# One report
# --------------------------------------------------------------------------------------


@dataclass
class ReportTask:
    """One notebook to render: template, parameters and output names."""

    label: str
    notebook: str
    parameters: dict[str, Any]
    out_dir: str
    slug: str
    inject_failure: bool = False


@dataclass
class ReportResult:
    """What happened to one report."""

    label: str
    status: str
    seconds: float
    error: str
    parameters: dict[str, Any]
    ipynb: str
    html: str
    summary: dict[str, Any] | None = field(default=None)
    folder: str = ""
    provenance: dict[str, Any] | None = field(default=None)
    html_sha256: str = ""
    worker: str = ""


def html_exporter():
    """The reader-view exporter: no code cells, no prompts, no notes for the notebook reader.

    Examples
    --------
    >>> exporter = html_exporter()  # nothing is exported here
    >>> exporter.exclude_input, exporter.exclude_input_prompt, exporter.exclude_markdown
    (True, True, True)
    """
    from nbconvert import HTMLExporter

    return HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True, exclude_markdown=True)


def _reader_copy(nb):
    """Copy of the notebook for the reader's HTML: nothing that varies between runs.

    stderr streams are dropped (warnings stay in the .ipynb); cell ids become their
    position (papermill gives its injected-parameters cell a random id, which nbconvert
    writes into the HTML); notebook and cell metadata (kernel, papermill timings and
    paths, execution times) are reduced to what the export needs.
    """
    nb = copy.deepcopy(nb)
    nb.metadata = {"language_info": {"name": "python"}}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
        tags = cell.get("metadata", {}).get("tags")
        cell["metadata"] = {"tags": list(tags)} if tags else {}
        if cell.get("cell_type") == "code":
            cell["execution_count"] = None
            cell["outputs"] = [o for o in cell.get("outputs", [])
                               if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            for o in cell["outputs"]:
                if "execution_count" in o:
                    o["execution_count"] = None
    return nb


def provenance(parameters: dict[str, Any]) -> dict[str, Any]:
    """What produced a report, known before it runs (the footer adds the newest figure).

    Returns
    -------
    dict
        ``package_version``, ``git_commit`` ("" outside a git checkout),
        ``data_checksum``, ``lock_sha256`` and the ``parameters``.
    """
    from .. import environment
    from .data import data_checksum

    return {"package_version": __version__, "git_commit": environment.git_commit(),
            "data_checksum": data_checksum(),
            "lock_sha256": environment.file_sha256(environment.lock_path()),
            "parameters": dict(parameters)}


def footer_cell(notebook: str, parameters: dict[str, Any]):
    """The code cell the runner appends to a report notebook: the provenance footer.

    Returns None for a notebook that is not a report (no report object to date).
    """
    import nbformat

    var = REPORT_OBJECTS.get(notebook)
    if var is None:
        return None
    source = f"page.footer({provenance(parameters)!r}, {var})"
    cell = nbformat.v4.new_code_cell(source)
    cell["id"] = FOOTER_CELL_ID
    cell["metadata"] = {"tags": ["provenance"]}
    return cell


def provenance_of(nb) -> dict[str, Any] | None:
    """The provenance a report's footer recorded (None if the notebook has no footer)."""
    from .render import PROVENANCE_MIME

    return output_json(nb, PROVENANCE_MIME)


def sha256_of(path: str | Path) -> str:
    """Return the sha256 hex digest of a file."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _error_text(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    text = f"{ename}: {evalue}" if ename else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())[:500]


class Renderer:
    """Renders tasks in one :class:`KernelSession` with one HTML exporter (one per worker)."""

    def __init__(self, warm: bool = True) -> None:
        self.session = KernelSession(warm=warm)
        import papermill  # noqa: F401  (imported while the kernel warms up)

        self.exporter = html_exporter()
        self._templates: dict[str, Any] = {}

    def _template(self, name: str):
        import nbformat

        if name not in self._templates:
            path = config.notebooks_dir() / name
            self._templates[name] = nbformat.read(path, as_version=4)
        return copy.deepcopy(self._templates[name])

    def render(self, task: ReportTask) -> ReportResult:
        """Execute, export HTML; never raises for a failing notebook (status ``failed``)."""
        out = Path(task.out_dir)
        out.mkdir(parents=True, exist_ok=True)
        ipynb, page = out / f"{task.slug}.ipynb", out / f"{task.slug}.html"
        params = dict(task.parameters)
        if task.inject_failure:
            params["as_of"] = "injected-failure"  # test-only: fails inside the kernel
        t0 = time.perf_counter()
        template = self._template(task.notebook)
        footer = footer_cell(task.notebook, task.parameters)
        if footer is not None:
            template.cells.append(footer)
        prov, digest = None, ""
        try:
            nb = self.session.execute(template, ipynb, params)
            name = page_title_of(nb) or task.label  # the browser tab shows the heading
            body, _ = self.exporter.from_notebook_node(
                _reader_copy(nb), resources={"metadata": {"name": name}})
            page.write_bytes(body.encode("utf-8"))
            status, error, summary = "ok", "", summary_of(nb)
            prov, digest = provenance_of(nb), sha256_of(page)
        except Exception as exc:  # one failing report never stops the others
            page.unlink(missing_ok=True)
            status, error, summary = "failed", _error_text(exc), None
        return ReportResult(task.label, status, round(time.perf_counter() - t0, 2), error,
                            task.parameters, ipynb.name, page.name if status == "ok" else "",
                            summary, str(out), prov, digest)

    def close(self) -> None:
        """Shut the kernel down."""
        self.session.close()


# --------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------


def ensure_data() -> str:
    """Build the processed data if raw is newer (once, here, not in every kernel); return checksum.

    Examples
    --------
    >>> checksum = ensure_data()  # data already built: nothing is rebuilt
    >>> len(checksum), checksum == ensure_data()
    (64, True)
    """
    from .. import load_observations
    from .data import data_checksum

    load_observations()
    return data_checksum()


def province_task(province: str, boundaries: str = "legacy", year: int | None = None,
                  as_of: str | None = None, lang: str = "vi",
                  out_dir: str | Path | None = None) -> ReportTask:
    """Validate the parameters (no kernel) and return the task for one province report.

    Raises
    ------
    bhxh_analysis.reports.data.ReportParameterError
        Unknown or misspelt province (with suggestions), a district given as province, a
        bad year/date/language.

    Examples
    --------
    >>> task = province_task("lam dong", year=2023, lang="en", out_dir="reports/all")
    >>> task.label, task.slug, task.notebook
    ('Lâm Đồng', 'lam-dong-legacy-2023-en', 'province_report.ipynb')
    >>> task.parameters
    {'province': 'Lâm Đồng', 'boundaries': 'legacy', 'year': 2023, 'as_of': None, 'lang': 'en'}
    >>> province_task("Lâm Đongg")
    Traceback (most recent call last):
    ...
    bhxh_analysis.reports.data.ReportParameterError: unknown province 'Lâm Đongg'; did you mean 'Lâm Đồng'?
    """
    from .data import check_as_of, check_lang, check_year, resolve_province

    check_lang(lang)
    unit = resolve_province(province, boundaries)
    year = check_year(year)
    as_of = check_as_of(as_of)
    params = {"province": unit.name, "boundaries": boundaries, "year": year, "as_of": as_of,
              "lang": lang}
    return ReportTask(
        label=unit.name, notebook=NOTEBOOKS["province"], parameters=params,
        out_dir=str(out_dir or config.reports_dir() / "province"),
        slug=province_slug(unit.name, boundaries, lang, year, as_of),
        inject_failure=failure_asked(unit.name))


def render_province(province: str, boundaries: str = "legacy", year: int | None = None,
                    as_of: str | None = None, lang: str = "vi",
                    out_dir: str | Path | None = None) -> ReportResult:
    """Render one province report: ``<out>/<slug>.ipynb`` (executed) and ``<slug>.html``.

    Parameters are validated before any kernel starts (see :func:`province_task`).

    Examples
    --------
    A misspelt province is rejected before any kernel starts (a real render takes seconds;
    ``bhxh report province --help`` shows the command-line form):

    >>> render_province("Lâm Đongg", out_dir="reports/province")
    Traceback (most recent call last):
    ...
    bhxh_analysis.reports.data.ReportParameterError: unknown province 'Lâm Đongg'; ...
    """
    task = province_task(province, boundaries, year, as_of, lang, out_dir)
    ensure_data()
    renderer = Renderer(warm=False)
    try:
        return renderer.render(task)
    finally:
        renderer.close()


def render_national(lang: str = "vi", out_dir: str | Path | None = None, start: int = 2008,
                    end: int = 2025) -> list[ReportResult]:
    """Render ``national_trends`` and ``forecast_report`` (Việt Nam) in one kernel.

    Examples
    --------
    The language is checked before any kernel starts (a real render takes seconds):

    >>> render_national(lang="fr")
    Traceback (most recent call last):
    ...
    ValueError: unsupported language 'fr': use one of vi, en
    """
    from .. import i18n

    i18n.check_lang(lang)
    out = str(out_dir or config.reports_dir() / "national")
    tasks = [
        ReportTask("national-trends", NOTEBOOKS["national"],
                   {"lang": lang, "start": int(start), "end": int(end)}, out,
                   slugify(f"national trends {lang}")),
        ReportTask("forecast-report", NOTEBOOKS["forecast"],
                   {"geo": "Việt Nam", "year": None, "as_of": None, "lang": lang}, out,
                   slugify(f"forecast report viet nam {lang}")),
    ]
    ensure_data()
    renderer = Renderer(warm=False)
    try:
        return [renderer.render(t) for t in tasks]
    finally:
        renderer.close()


@dataclass
class BatchResult:
    """Outcome of :func:`render_all`."""

    results: list[ReportResult]
    manifest: Path
    index: Path

    @property
    def failed(self) -> list[ReportResult]:
        """Reports that failed."""
        return [r for r in self.results if r.status != "ok"]


def _run_tasks(tasks: list[ReportTask], jobs: int, progress: bool, on_result: Any = None,
               executor: str = "local", scheduler: str | None = None) -> list[ReportResult]:
    """Render ``tasks`` (in-process if ``jobs`` is 1, else a worker pool, see :mod:`.pool`;
    with ``executor="dask"`` on a Dask cluster, see :mod:`.dask_executor`).

    ``on_result(result)`` is called as each report finishes (the manifest is rewritten).
    """
    from tqdm import tqdm

    from .pool import run_pool

    results: list[ReportResult] = []
    bar = tqdm(total=len(tasks), desc="reports", unit="report", file=sys.stderr,
               disable=not progress)

    def emit(res: ReportResult) -> None:
        results.append(res)
        if on_result is not None:
            on_result(res)
        bar.set_postfix_str(res.label)
        bar.update(1)

    try:
        if executor == "dask":
            from .dask_executor import run_dask

            run_dask(tasks, emit, scheduler, jobs)
        elif jobs <= 1 or len(tasks) <= 1:
            renderer = Renderer(warm=True)
            try:
                for task in tasks:
                    emit(replace(renderer.render(task), worker=local_worker()))
            finally:
                renderer.close()
        else:
            run_pool(tasks, jobs, emit)
    finally:
        bar.close()
    return results


def _write_manifest(out: Path, rows: dict[str, dict[str, str]]) -> Path:
    """Rewrite ``<out>/manifest.csv`` atomically (sorted rows, safe CSV writer)."""
    import pandas as pd

    from ..io import write_csv

    ordered = [rows[k] for k in sorted(rows, key=lambda name: (slugify(name), name))]
    table = pd.DataFrame(ordered, columns=MANIFEST_COLUMNS, dtype="object").fillna("")
    return write_csv(table, out / "manifest.csv")


def render_all(out_dir: str | Path | None = None, boundaries: str = "legacy", jobs: int = 0,
               only_failed: bool = False, lang: str = "vi",
               provinces: Iterable[str] | None = None, scope: str = "insurance",
               progress: bool = True, executor: str = "local",
               scheduler: str | None = None, level: str = "province",
               province: str | None = None, synthetic: bool = False) -> BatchResult:
    """Render a report for every province with data, in parallel; write index and manifest.

    Parameters
    ----------
    out_dir : path, optional
        Output folder (default ``reports/all``).
    boundaries : {"legacy", "2025"}
        Boundary set.
    jobs : int
        Worker processes (0: one per CPU core, at most one per report).
    only_failed : bool
        Re-run only the provinces the existing manifest does not list as ok (failed, or
        pending after an interrupted batch), keeping the others' rows.
    lang : {"vi", "en"}
        Report language.
    provinces : iterable of str, optional
        Restrict to these provinces (tests, benchmarks); validated like ``--province``.
    scope : {"insurance", "any"}
        Which provinces have data (see :func:`bhxh_analysis.reports.data.provinces_with_data`).
    progress : bool
        Show a tqdm progress bar on stderr.
    executor : {"local", "dask"}
        ``local``: this machine's worker pool (:mod:`.pool`); ``dask``: a Dask cluster
        (:mod:`.dask_executor`), ``jobs`` then sizes the LocalCluster.
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); without it the Dask
        executor starts a LocalCluster.
    level : {"province", "district", "commune"}
        ``district``/``commune``: one report per unit with data inside ``province``
        (template ``unit_report.ipynb``, see :mod:`.unit`).
    province : str, optional
        The province of a district or commune batch.
    synthetic : bool
        District/commune batch from the simulated panel (every page says synthetic).

    Examples
    --------
    Every province is validated before any kernel starts, so one bad name renders nothing
    (a real batch takes minutes; see ``bhxh report all --help``):

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     render_all(tmp, provinces=["Lâm Đồng", "Nowhere Province"], progress=False)
    Traceback (most recent call last):
    ...
    bhxh_analysis.reports.data.ReportParameterError: unknown province 'Nowhere Province'...
    """
    from .data import ReportParameterError, data_checksum, provinces_with_data

    if executor not in ("local", "dask"):
        raise ValueError(f"unknown executor {executor!r}: use local or dask")
    if executor == "dask" and scheduler:
        from ..cluster import check_scheduler

        check_scheduler(scheduler)  # before the manifest is touched
    out = Path(out_dir or config.reports_dir() / "all")
    previous = read_manifest(out) if only_failed else []
    if only_failed:
        if not previous:
            raise FileNotFoundError(f"{out / 'manifest.csv'} not found: nothing to re-run")
        failed = [r for r in previous if r["status"] != "ok"]
        tasks = [_task_of(json.loads(row["parameters"]), out) for row in failed]
    elif level != "province":
        from .unit import unit_tasks

        if not province:
            raise ReportParameterError(f"--level {level} needs --province NAME")
        ensure_data()
        tasks = unit_tasks(province, level, boundaries, lang, synthetic, out)
    else:
        names = list(provinces) if provinces is not None else None
        ensure_data()  # build once here, before the workers read the data
        if names is None:
            names = provinces_with_data(boundaries, scope)
        tasks = [province_task(n, boundaries, None, None, lang, out) for n in names]
    checksum = ensure_data() if only_failed else data_checksum()
    jobs = jobs or (os.cpu_count() or 1)
    jobs = max(1, min(jobs, len(tasks)))
    rows = {r["province"]: r for r in previous}
    env = provenance({})

    def row(res: ReportResult) -> dict[str, str]:
        prov = res.provenance or {}
        return {
            "province": res.label, "status": res.status, "seconds": f"{res.seconds:.2f}",
            "worker": res.worker, "error": res.error,
            "parameters": json.dumps(res.parameters, ensure_ascii=False, sort_keys=True),
            "data_checksum": prov.get("data_checksum", checksum),
            "package_version": prov.get("package_version", __version__),
            "git_commit": prov.get("git_commit", env["git_commit"]),
            "lock_sha256": prov.get("lock_sha256", env["lock_sha256"]),
            "newest_figure": prov.get("newest_figure", ""),
            "html_sha256": res.html_sha256,
        }

    # Every planned report is listed first as "pending" and its row rewritten as it
    # finishes: after a kill, --only-failed redoes exactly what did not finish.
    for task in tasks:
        rows[task.label] = row(ReportResult(task.label, PENDING, 0.0, "", task.parameters,
                                            "", ""))
    out.mkdir(parents=True, exist_ok=True)
    manifest = _write_manifest(out, rows)

    def on_result(res: ReportResult) -> None:
        rows[res.label] = row(res)
        _write_manifest(out, rows)

    results = (_run_tasks(tasks, jobs, progress, on_result, executor, scheduler)
               if tasks else [])
    ordered = [rows[k] for k in sorted(rows, key=lambda name: (slugify(name), name))]
    summaries = {r.label: r.summary for r in results}
    index = write_index(out, ordered, summaries, lang)
    return BatchResult(results, manifest, index)


def _task_of(p: dict[str, Any], out: Path) -> ReportTask:
    """The task of a manifest row's parameters (province or unit report)."""
    if "level" in p:
        from .unit import unit_task

        return unit_task(p["code"], p["level"], p["province"], p["boundaries"], p.get("year"),
                         p.get("as_of"), p["lang"], p.get("synthetic", False), out)
    return province_task(p["province"], p["boundaries"], p.get("year"), p.get("as_of"),
                         p["lang"], out)


def result_dict(res: ReportResult) -> dict[str, Any]:
    """A result as a plain dictionary (for JSON output).

    Examples
    --------
    >>> res = ReportResult("Lâm Đồng", "ok", 4.2, "", {"lang": "vi"},
    ...                    "lam-dong-legacy-vi.ipynb", "lam-dong-legacy-vi.html")
    >>> d = result_dict(res)
    >>> d["label"], d["status"], d["parameters"], d["summary"]
    ('Lâm Đồng', 'ok', {'lang': 'vi'}, None)
    >>> json.loads(json.dumps(d)) == d
    True
    """
    return asdict(res)
