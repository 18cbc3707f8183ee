"""The Dask executor of ``bhxh report all`` and ``bhxh forecast batch`` (issue 16).

The slow tests render notebooks on a :class:`distributed.LocalCluster` and on a
``dask scheduler`` / ``dask worker`` pair started here on 127.0.0.1 (free ports) and
stopped by their process ids. Everything runs in a temporary ``BHXH_HOME``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bhxh_analysis import reports
from bhxh_analysis.cli import main
from bhxh_analysis.reports import dask_executor

ROOT = Path(__file__).resolve().parent.parent
#: Two provinces with light reports (a few seconds each); the second is made to fail.
NAMES = ["An Giang", "Lạng Sơn"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_bad_scheduler_address_is_one_line_and_exit_1(home, tmp_path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("province,status\nLâm Đồng,ok\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["report", "all", "--executor", "dask", "--scheduler",
                                    "tcp://127.0.0.1:1", "--provinces", "Lâm Đồng",
                                    "--out", str(tmp_path), "--no-progress"])
    assert res.exit_code == 1
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:1'" in res.output
    assert "Traceback" not in res.output
    # nothing was written: an earlier batch's manifest stays as it was
    assert manifest.read_text(encoding="utf-8") == "province,status\nLâm Đồng,ok\n"


def test_scheduler_needs_the_dask_executor(tmp_path) -> None:
    res = CliRunner().invoke(main, ["report", "all", "--scheduler", "tcp://127.0.0.1:1",
                                    "--out", str(tmp_path)])
    assert res.exit_code == 2 and "--scheduler needs --executor dask" in res.output


def test_inputs_archive_is_a_home_layout(home) -> None:
    import io
    import tarfile

    names = set(tarfile.open(fileobj=io.BytesIO(dask_executor.pack_inputs())).getnames())
    assert {"data/raw/sources.csv", "data/processed/current",
            "notebooks/province_report.ipynb"} <= names
    assert any(n.startswith("data/processed/builds/") and n.endswith("observations.parquet")
               for n in names)


def test_local_pool_records_its_worker(home, tmp_path) -> None:
    """The local executor's manifest says which process rendered (``local:<pid>``)."""
    from bhxh_analysis.reports.pool import local_worker

    assert local_worker().startswith("local:") and local_worker()[6:].isdigit()


def test_report_local_cluster_workers_are_threads_of_this_process_with_tcp_addresses() -> None:
    """The report batch's LocalCluster adds no interpreters; workers still have addresses."""
    from bhxh_analysis.cluster import connect

    client, cluster = connect(None, 2, processes=False)
    try:
        pids = client.run(os.getpid)
        assert len(pids) == 2 and set(pids.values()) == {os.getpid()}
        assert all(w.startswith("tcp://127.0.0.1:") for w in pids)
    finally:
        client.close()
        cluster.close()


@pytest.mark.slow
def test_local_cluster_isolates_a_failure_retries_it_elsewhere_and_only_failed(
        home, tmp_path, monkeypatch) -> None:
    out = tmp_path / "all"
    monkeypatch.setenv(reports.FAIL_ENV, "Lạng Sơn")  # that report fails in its kernel
    batch = reports.render_all(out, jobs=2, provinces=NAMES, progress=False,
                               executor="dask")
    rows = {r["province"]: r for r in reports.read_manifest(out)}
    assert rows["An Giang"]["status"] == "ok" and rows["Lạng Sơn"]["status"] == "failed"
    assert [r.label for r in batch.failed] == ["Lạng Sơn"]
    for row in rows.values():
        assert row["worker"].startswith("tcp://127.0.0.1:")
    # retried once, on the other worker
    err = rows["Lạng Sơn"]["error"]
    assert "2 attempts" in err
    tried = [w for w in err.split() if w.startswith("tcp://")]
    assert len({w.rstrip("],") for w in tried}) == 2, err
    assert (out / "an-giang-legacy-vi.html").exists()
    assert not (out / "lang-son-legacy-vi.html").exists()
    assert (out / "lang-son-legacy-vi.ipynb").exists()  # the traceback is kept

    monkeypatch.delenv(reports.FAIL_ENV)
    res = CliRunner().invoke(main, ["report", "all", "--only-failed", "--executor", "dask",
                                    "--jobs", "1", "--out", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("1/1 reports ok"), res.output
    again = {r["province"]: r for r in reports.read_manifest(out)}
    assert again["An Giang"] == rows["An Giang"]  # not rendered again
    assert again["Lạng Sơn"]["status"] == "ok"
    assert again["Lạng Sơn"]["worker"].startswith("tcp://127.0.0.1:")


@pytest.mark.slow
def test_dask_scheduler_and_worker_processes_render_identical_pages(home, tmp_path) -> None:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    # The worker runs in another folder and gets the inputs from the client (no BHXH_HOME).
    worker_env = {k: v for k, v in env.items() if k != "BHXH_HOME"}
    procs: list[subprocess.Popen] = []
    try:
        procs.append(subprocess.Popen(
            [str(Path(sys.executable).with_name("dask")), "scheduler", "--host", "127.0.0.1",
             "--port", str(port), "--no-dashboard"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        procs.append(subprocess.Popen(
            [str(Path(sys.executable).with_name("dask")), "worker", address, "--nthreads", "1",
             "--host", "127.0.0.1", "--no-dashboard"],
            env=worker_env, cwd=tmp_path, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL))
        _wait_for_workers(address, 1)
        out = tmp_path / "dask"
        res = CliRunner().invoke(main, ["report", "all", "--executor", "dask", "--scheduler",
                                        address, "--provinces", "An Giang", "--out", str(out),
                                        "--no-progress"])
        assert res.exit_code == 0, res.output
        row = reports.read_manifest(out)[0]
        assert row["status"] == "ok" and row["worker"].startswith("tcp://127.0.0.1:")
        local = tmp_path / "local"
        reports.render_all(local, jobs=1, provinces=["An Giang"], progress=False)
        for page in ("an-giang-legacy-vi.html", "index.html"):
            assert (out / page).read_bytes() == (local / page).read_bytes(), page
    finally:
        for proc in reversed(procs):  # stopped by their process ids
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait_for_workers(address: str, n: int, timeout: float = 60) -> None:
    from distributed import Client

    deadline = time.monotonic() + timeout
    while True:
        try:
            with Client(address, timeout="5s") as client:
                client.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


# --------------------------------------------------------------------------------------
# bhxh forecast batch
# --------------------------------------------------------------------------------------

BATCH = ["forecast", "batch", "--level", "province", "--indicator", "bhxh_participants",
         "--year", "2024", "--as-of", "31/10/2024", "--no-progress"]


def test_forecast_batch_has_the_columns_and_values_of_bhxh_forecast(home, tmp_path) -> None:
    import pandas as pd

    out = tmp_path / "fc.parquet"
    res = CliRunner().invoke(main, [*BATCH, "--out", str(out)])
    assert res.exit_code == 0, res.output
    batch = pd.read_parquet(out)
    assert len(batch) > 1
    done = batch[batch["forecast"].notna()]
    assert len(done)
    name = done["geo_name"].iloc[0]
    one = CliRunner().invoke(main, ["forecast", "--geo", name, "--indicator",
                                    "bhxh_participants", "--year", "2024", "--as-of",
                                    "2024-10-31", "--format", "csv"])
    assert one.exit_code == 0, one.output
    header, line = one.output.strip().splitlines()
    assert list(batch.columns) == header.split(",")
    row = done.iloc[0]
    printed = dict(zip(header.split(","), line.split(","), strict=True))
    assert printed["method"] == row["method"] and printed["as_of"] == f"{row['as_of']:%Y-%m-%d}"
    for col in ("forecast", "lo80", "hi80", "lo95", "hi95"):
        assert printed[col] == f"{row[col]:.0f}", col


def test_forecast_batch_bad_scheduler_is_one_line(home, tmp_path) -> None:
    res = CliRunner().invoke(main, [*BATCH, "--executor", "dask", "--scheduler", "no-port",
                                    "--out", str(tmp_path / "x.parquet")])
    assert res.exit_code == 1
    assert "cannot reach the Dask scheduler at 'no-port'" in res.output
    assert "Traceback" not in res.output and not (tmp_path / "x.parquet").exists()


@pytest.mark.slow
def test_forecast_batch_on_a_local_cluster_equals_the_local_run(home) -> None:
    from bhxh_analysis.forecast import forecast_batch

    kw = dict(level="province", indicator="bhxh_participants", year=2024, as_of="2024-10-31")
    local = forecast_batch(**kw)
    dask = forecast_batch(**kw, executor="dask", n_workers=2, chunk_places=2)
    assert len(local) > 2  # more than one chunk
    pd_testing = pytest.importorskip("pandas.testing")
    pd_testing.assert_frame_equal(dask, local)
