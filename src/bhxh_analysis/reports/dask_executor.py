"""The Dask executor of ``bhxh report all --executor dask [--scheduler ADDRESS]`` (issue 16).

The same :class:`~bhxh_analysis.reports.runner.Renderer` as the local process pool
renders every report, so the pages are byte-identical; only who runs it changes:

* **Cluster.** With an address, the client connects to a running ``dask scheduler``;
  without one, a :class:`distributed.LocalCluster` sized to the machine (one
  single-threaded worker per core) is started and stopped with the batch.
  Its workers are threads of this process, not processes: a report runs in its
  worker's Jupyter kernel, which is a process of its own, so worker processes would
  only add interpreters (``distributed`` imported again, nannies, event loops) that
  the two cores of a small machine feel (``docs/scale-out.md``).
* **Warm workers.** A worker plugin (:class:`RendererPlugin`) starts one kernel per
  worker, warmed once (imports, geography, processed data), in the worker's task thread;
  every report the worker renders reuses it, as a worker of the local pool does.
* **Inputs without a shared disk.** With an address, the plugin carries the report
  inputs (``data/raw``, the current processed build set, ``notebooks/``) as one
  compressed archive, sent once to each worker (:func:`pack_inputs`) and unpacked into
  a private ``BHXH_HOME`` there. With a LocalCluster (same machine) nothing is sent:
  the workers read the project.
* **Outputs.** On a LocalCluster a task writes its ``.ipynb`` and ``.html`` where the
  batch asked and returns only its result. With an address, a task renders into the
  worker's scratch folder and returns the result with the bytes of its ``.ipynb`` and
  ``.html``; the client writes them into the output folder (the workers need no access
  to it).
* **Failures.** One report is one task; a report that fails (its notebook raised, or
  its worker died) is submitted again once, on another worker when there is one; its
  second outcome is final. Each result names the worker's address (``worker`` column of
  ``manifest.csv``).
"""

from __future__ import annotations

import io
import os
import shutil
import tarfile
import tempfile
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..cluster import SchedulerError, connect

__all__ = ["PLUGIN_NAME", "RendererPlugin", "SchedulerError", "connect", "pack_inputs",
           "render_on_worker", "run_dask"]

PLUGIN_NAME = "bhxh-renderer"
#: Attribute of the dask worker that holds this package's renderer state.
_STATE_ATTR = "_bhxh_renderer_state"


# --------------------------------------------------------------------------------------
# Inputs: what a worker needs, as one archive
# --------------------------------------------------------------------------------------


def pack_inputs() -> bytes:
    """Return the inputs of a report as a gzipped tar archive (a ``BHXH_HOME`` layout).

    The archive holds ``data/raw``, the current processed build set (as
    ``data/processed/builds/<id>`` with the ``current`` link and the table links),
    ``notebooks/`` and ``requirements/lock.txt`` (its hash is in every footer),
    modification times kept (so no worker thinks the data are stale).

    Examples
    --------
    >>> import tarfile, io
    >>> names = tarfile.open(fileobj=io.BytesIO(pack_inputs())).getnames()
    >>> "data/raw/sources.csv" in names, "data/processed/current" in names
    (True, True)
    """
    from .. import config, environment

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", compresslevel=6) as tar:
        tar.add(config.raw_dir(), arcname="data/raw")
        processed = config.processed_dir()
        current = processed / "current"
        build = current.resolve()
        rel = build.relative_to(processed.resolve())
        tar.add(build, arcname=f"data/processed/{rel.as_posix()}")
        for entry in sorted(processed.iterdir()):
            if entry.is_symlink():  # `current` and the fixed table links
                tar.add(entry, arcname=f"data/processed/{entry.name}", recursive=False)
        tar.add(config.notebooks_dir(), arcname="notebooks")
        lock = environment.lock_path()
        if lock.is_file():  # the footer's lock hash
            tar.add(lock, arcname="requirements/lock.txt")
    return buf.getvalue()


def _unpack(payload: bytes) -> str:
    home = tempfile.mkdtemp(prefix="bhxh-worker-home-")
    with tarfile.open(fileobj=io.BytesIO(payload), mode="r:gz") as tar:
        tar.extractall(home, filter="tar")
    return home


# --------------------------------------------------------------------------------------
# The worker plugin: a warm renderer per worker
# --------------------------------------------------------------------------------------


class _State:
    """One worker's renderer, started in the worker's task thread."""

    def __init__(self) -> None:
        self.renderer: Any = None
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.home: str | None = None
        self.saved_env: dict[str, str | None] = {}

    def start(self) -> None:
        from .runner import Renderer

        try:
            self.renderer = Renderer(warm=True)
        except BaseException as exc:  # reported by the first task, not lost in a thread
            self.error = exc
        finally:
            self.ready.set()

    def get(self) -> Any:
        self.ready.wait()
        if self.error is not None:
            raise RuntimeError(f"the worker could not start its kernel: {self.error}")
        return self.renderer


class RendererPlugin(WorkerPlugin):
    """Keeps one warm kernel and the loaded data per Dask worker, for every report it renders.

    Parameters
    ----------
    payload : bytes, optional
        The inputs archive (:func:`pack_inputs`), unpacked on each worker into a private
        ``BHXH_HOME``; ``None`` when the workers read the same project folder as the client.
    git_commit : str, optional
        The client's git commit, written in each report's footer (an unpacked copy of
        the inputs is no git checkout).

    Examples
    --------
    >>> plugin = RendererPlugin()  # nothing starts until a worker runs ``setup``
    >>> plugin.name
    'bhxh-renderer'
    """

    name = PLUGIN_NAME

    def __init__(self, payload: bytes | None = None, git_commit: str | None = None) -> None:
        self.payload = payload
        self.git_commit = git_commit

    def setup(self, worker: Any) -> None:
        """Unpack the inputs (if sent) and start the kernel in the worker's task thread."""
        from ..environment import GIT_COMMIT_ENV

        state = _State()
        state.saved_env = {k: os.environ.get(k) for k in ("BHXH_HOME", GIT_COMMIT_ENV)}
        if self.payload is not None:
            state.home = _unpack(self.payload)
            os.environ["BHXH_HOME"] = state.home
        if self.git_commit is not None:  # the client's commit, for the footer
            os.environ[GIT_COMMIT_ENV] = self.git_commit
        setattr(worker, _STATE_ATTR, state)
        executor = worker.executors.get("default")
        if executor is not None:  # the thread tasks run in: the kernel client lives there
            executor.submit(state.start)
        else:  # pragma: no cover - every distributed worker has a default executor
            state.start()

    def teardown(self, worker: Any) -> None:
        """Shut the kernel down, remove the unpacked inputs, restore the environment."""
        state = getattr(worker, _STATE_ATTR, None)
        if state is None:
            return
        state.ready.wait(timeout=120)
        if state.renderer is not None:
            state.renderer.close()
        if state.home:
            shutil.rmtree(state.home, ignore_errors=True)
        for key, value in state.saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        delattr(worker, _STATE_ATTR)


def render_on_worker(task: Any, in_place: bool = False) -> tuple[Any, dict[str, bytes]]:
    """Render one report on the current Dask worker; return its result and output files.

    Runs inside a Dask task with the worker's warm renderer (from :class:`RendererPlugin`).
    ``in_place`` (the worker shares the client's disk: a LocalCluster): the pages are
    written where the batch asked and no bytes travel. Otherwise the renderer writes into
    a scratch folder and the bytes of the ``.ipynb`` and ``.html`` go back to the client,
    which writes them where the batch asked.
    """
    from dataclasses import replace

    from distributed import get_worker

    worker = get_worker()
    state = getattr(worker, _STATE_ATTR, None)
    if state is None:
        raise RuntimeError(f"worker {worker.address} has no {PLUGIN_NAME!r} plugin")
    renderer = state.get()
    if in_place:
        return replace(renderer.render(task), worker=worker.address), {}
    scratch = tempfile.mkdtemp(prefix="bhxh-task-")
    try:
        res = renderer.render(replace(task, out_dir=scratch))
        files = {p.name: p.read_bytes() for p in Path(scratch).iterdir() if p.is_file()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return replace(res, folder=task.out_dir, worker=worker.address), files


# --------------------------------------------------------------------------------------
# The client side: cluster, submissions, one retry elsewhere
# --------------------------------------------------------------------------------------


def _failed(task: Any, error: str) -> Any:
    from .runner import ReportResult

    return ReportResult(task.label, "failed", 0.0, error, task.parameters,
                        f"{task.slug}.ipynb", "", folder=task.out_dir)


def _write_outputs(res: Any, files: dict[str, bytes], out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / Path(name).name).write_bytes(data)
    if res.status != "ok":  # a failed report leaves no page behind (as the local runner)
        (out / f"{Path(res.ipynb).stem}.html").unlink(missing_ok=True)


def run_dask(tasks: list[Any], emit: Callable[[Any], None], scheduler: str | None = None,
             n_workers: int = 0) -> None:
    """Render ``tasks`` on a Dask cluster; call ``emit(result)`` as each report ends.

    A report that fails (status ``failed``, or its task raised because the worker died)
    is submitted once more, excluding the worker that failed it when another is
    connected; its second outcome is emitted. ``n_workers`` sizes the LocalCluster
    started when no ``scheduler`` address is given.
    """
    from dataclasses import replace

    from distributed import as_completed

    from .runner import _error_text

    # Without an address the workers are threads of this process (the reports render in
    # their kernels, which are processes): no worker interpreters to start, nothing to
    # send, pages written in place.
    local = not scheduler
    client, cluster = connect(scheduler, n_workers, processes=not local)
    try:
        from ..environment import git_commit

        plugin = RendererPlugin() if local else RendererPlugin(pack_inputs(), git_commit())
        client.register_plugin(plugin, name=PLUGIN_NAME)
        batch = uuid.uuid4().hex[:8]  # two batches on one scheduler never share a key
        futures, submitted = {}, []
        for task in tasks:
            fut = client.submit(render_on_worker, task, local,
                                key=f"report-{task.slug}-{batch}", pure=False)
            futures[fut.key] = (task, "")
            submitted.append(fut)
        ac = as_completed(submitted)
        for fut in ac:
            task, first = futures.pop(fut.key)
            try:
                res, files = fut.result()
            except Exception as exc:  # the task raised (worker died, lost, cancelled)
                res, files = _failed(task, _error_text(exc)), {}
            fut.release()
            if res.status != "ok" and not first:  # once more, elsewhere if possible
                failed_on = res.worker or "an unknown worker"
                others = [w for w in client.scheduler_info(n_workers=-1)["workers"]
                          if w != res.worker]
                retry = client.submit(render_on_worker, task, local,
                                      key=f"report-{task.slug}-{batch}-retry",
                                      pure=False, workers=others or None,
                                      allow_other_workers=not others)
                futures[retry.key] = (task, failed_on)
                ac.add(retry)
                continue
            if res.status != "ok":
                res = replace(res, error=f"{res.error} [2 attempts: on {first}, then on "
                                         f"{res.worker or 'an unknown worker'}]")
            _write_outputs(res, files, task.out_dir)
            emit(res)
    finally:
        try:  # kernels shut down and inputs removed on every worker, not left behind
            client.unregister_worker_plugin(PLUGIN_NAME)
        except Exception:  # never hide the batch's own error
            pass
        client.close()
        if cluster is not None:
            cluster.close()

