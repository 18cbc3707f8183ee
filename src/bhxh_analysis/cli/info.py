"""``bhxh info``: versions, data checksum, paths and the lock, for a bug report."""

from __future__ import annotations

import json

import click


@click.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info(as_json: bool) -> None:
    """Print package and library versions, data checksum, paths and lock status."""
    from ..environment import info as collect

    facts = collect()
    if as_json:
        click.echo(json.dumps(facts, ensure_ascii=False, indent=2, sort_keys=True))
        raise SystemExit(0 if facts["lock"] != "differs" else 1)
    click.echo(f"bhxh-analysis {facts['package_version']}")
    click.echo(f"python        {facts['python']} ({facts['platform']})")
    click.echo(f"git commit    {facts['git_commit'] or 'not a git checkout'}")
    for name, version in facts["libraries"].items():
        click.echo(f"{name:<13} {version or 'not installed'}")
    click.echo(f"data checksum {facts['data_checksum'] or 'no build yet (bhxh data build)'}")
    click.echo(f"lock sha256   {facts['lock_sha256'] or '-'}")
    status = {"matches": "environment matches the lock",
              "differs": "environment differs from the lock",
              "missing": "no lock file found"}[facts["lock"]]
    click.echo(f"lock          {status}")
    for name, d in facts["lock_differences"].items():
        click.echo(f"  {name}: locked {d['locked']}, installed {d['installed'] or 'missing'}")
    for key, path in facts["paths"].items():
        click.echo(f"{key:<13} {path}")
