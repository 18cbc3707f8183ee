"""``bhxh report``: province reports, all provinces with an index, national reports.

The library is imported inside the commands so that ``bhxh --help`` stays fast.
"""

from __future__ import annotations

import sys

import click

from .options import DATE, DATE_HELP, UP_TO_TODAY


def _fail_parameter(exc: Exception) -> None:
    """Exit non-zero with the validation message (and suggestions) on stderr."""
    click.echo(f"Error: {exc}", err=True)
    suggestions = getattr(exc, "suggestions", None)
    if suggestions and "did you mean" not in str(exc):
        click.echo(f"did you mean: {', '.join(suggestions)}?", err=True)
    sys.exit(2)


@click.group()
def report() -> None:
    """Render reports (papermill notebooks → executed .ipynb + reader HTML)."""


@report.command("province")
@click.option("--province", required=True, help='Province name, e.g. "Lâm Đồng".')
@click.option("--boundaries", type=click.Choice(["legacy", "2025"]), default="legacy",
              show_default=True, help="63 legacy provinces or the 34 from 1 July 2025.")
@click.option("--year", type=int, default=None,
              help="Report year (default: latest year with a plan and a within-year figure, "
                   "else the latest year with data; the report says why).")
@click.option("--as-of", "as_of", type=DATE, default=None,
              help=f"Ignore figures dated later ({DATE_HELP}; {UP_TO_TODAY}).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the report: Vietnamese or English.")
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: reports/province).")
def province_cmd(province: str, boundaries: str, year: int | None, as_of: str | None,
                 lang: str, out: str | None) -> None:
    """Render one province report: OUT/<slug>.ipynb (executed) and OUT/<slug>.html."""
    from ..reports import Renderer, ReportParameterError, ensure_data, province_task

    try:  # validated against the registry before any kernel starts
        task = province_task(province, boundaries, year, as_of, lang, out)
    except ReportParameterError as exc:
        _fail_parameter(exc)
        return
    ensure_data()
    renderer = Renderer(warm=False)
    try:
        res = renderer.render(task)
    finally:
        renderer.close()
    folder = task.out_dir
    if res.status != "ok":
        click.echo(f"{res.label}: failed after {res.seconds:.1f} s: {res.error}", err=True)
        click.echo(f"executed notebook with the traceback: {folder}/{res.ipynb}", err=True)
        sys.exit(1)
    click.echo(f"{folder}/{res.ipynb}")
    click.echo(f"{folder}/{res.html}")


@report.command("all")
@click.option("--boundaries", type=click.Choice(["legacy", "2025"]), default="legacy",
              show_default=True, help="63 legacy provinces or the 34 from 1 July 2025.")
@click.option("--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes (default: one per CPU core); with --executor dask and "
                   "no --scheduler, the LocalCluster's workers.")
@click.option("--only-failed", is_flag=True,
              help="Re-run only the provinces that failed in OUT/manifest.csv.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the report: Vietnamese or English.")
@click.option("--scope", type=click.Choice(["insurance", "any"]), default="insurance",
              show_default=True,
              help="insurance: only provinces with a BHXH/BHTN/BHYT figure; any: every "
                   "province (63 legacy or 34 from 2025), also those with only GSO data.")
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: reports/all).")
@click.option("--provinces", default=None, hidden=True,
              help="Comma-separated province names (tests and benchmarks).")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="local: this machine's worker pool; dask: a Dask cluster (see "
                   "docs/scale-out.md).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask; "
                   "default: a LocalCluster with one worker per core).")
@click.option("--level", type=click.Choice(["province", "district", "commune"]),
              default="province", show_default=True,
              help="district/commune: one report per unit with data inside --province.")
@click.option("--province", default=None, metavar="NAME",
              help="The province of a --level district or commune batch.")
@click.option("--synthetic", is_flag=True,
              help="District/commune reports from the simulated panel (every page says "
                   "synthetic; for tests and benchmarks).")
def all_cmd(boundaries: str, jobs: int, only_failed: bool, lang: str, scope: str,
            out: str | None, provinces: str | None, no_progress: bool, executor: str,
            scheduler: str | None, level: str, province: str | None,
            synthetic: bool) -> None:
    """Render every province with data in parallel; write index.html and manifest.csv.

    By default only provinces with an insurance figure are rendered; --scope any
    renders all 63 (legacy) or 34 (2025) provinces. --level district|commune
    --province NAME renders one report per district or commune with data inside the
    province. --executor dask runs the reports on a Dask cluster (--scheduler ADDRESS,
    or a LocalCluster). A failing report never stops the others; the exit status is 1
    if any failed.
    """
    from ..reports import ReportParameterError, render_all

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    if level != "province" and not province and not only_failed:
        raise click.UsageError(f"--level {level} needs --province NAME")
    if (province or synthetic) and level == "province":
        raise click.UsageError("--province and --synthetic go with --level district or "
                               "commune (use --provinces for province reports)")
    names = [p.strip() for p in provinces.split(",") if p.strip()] if provinces else None
    try:
        batch = render_all(out, boundaries=boundaries, jobs=jobs, only_failed=only_failed,
                           lang=lang, provinces=names, scope=scope, progress=not no_progress,
                           executor=executor, scheduler=scheduler, level=level,
                           province=province, synthetic=synthetic)
    except ReportParameterError as exc:
        _fail_parameter(exc)
        return
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    n_ok = sum(r.status == "ok" for r in batch.results)
    click.echo(f"{n_ok}/{len(batch.results)} reports ok; index: {batch.index}; "
               f"manifest: {batch.manifest}")
    for r in batch.failed:
        click.echo(f"FAILED {r.label}: {r.error}", err=True)
    if batch.failed:
        sys.exit(1)


@report.command("national")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the report: Vietnamese or English.")
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: reports/national).")
def national_cmd(lang: str, out: str | None) -> None:
    """Render the national trends and the national forecast report."""
    from ..reports import render_national

    results = render_national(lang, out)
    failed = False
    for r in results:
        if r.status == "ok":
            click.echo(f"{r.folder}/{r.html}")
        else:
            failed = True
            click.echo(f"{r.label}: failed: {r.error} (see {r.folder}/{r.ipynb})", err=True)
    if failed:
        sys.exit(1)


@report.command("verify")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the re-render.")
@click.option("--scratch", type=click.Path(file_okay=False), default=None,
              help="Folder for the re-rendered reports (default: a temporary folder, "
                   "removed when every report is identical).")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
def verify_cmd(folder: str, jobs: int, scratch: str | None, no_progress: bool) -> None:
    """Re-render every report of FOLDER/manifest.csv and compare it byte for byte.

    Each report is rendered again with its recorded parameters into a scratch folder
    and its sha256 compared with the manifest's html_sha256. Exit status: 0 when every
    report is identical; 1 when one differs (the first differing section is named);
    2 when the data checksum or package version of the manifest are not the current
    ones (nothing is re-rendered).
    """
    from ..reports import ReportParameterError
    from ..reports.verify import verify

    try:
        res = verify(folder, jobs=jobs, scratch=scratch, progress=not no_progress)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    except ReportParameterError as exc:
        click.echo(f"Error: a recorded parameter is no longer valid: {exc}", err=True)
        sys.exit(1)
    if res.status == 2:
        for line in res.mismatches:
            click.echo(f"NOT COMPARABLE: {line}", err=True)
        click.echo("The reports were made from other data or another package version; "
                   "re-render them (bhxh report all) instead of verifying.", err=True)
        sys.exit(2)
    for c in res.checks:
        if c.identical:
            click.echo(f"identical  {c.label} ({c.page})")
        else:
            click.echo(f"DIFFERS    {c.label} ({c.page}): {c.reason}")
    n_bad = len(res.differing)
    click.echo(f"{len(res.checks) - n_bad}/{len(res.checks)} reports identical"
               + (f"; re-rendered pages in {res.scratch}" if res.scratch else ""))
    if n_bad:
        sys.exit(1)
