"""``bhxh geo``: resolve place names, list units, convert legacy units to 2025.

The library (``bhxh_analysis.geo``, pandas) is imported inside each command so
that ``bhxh --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

# schema.BOUNDARIES and schema.LEVELS, spelled here so that ``bhxh --help`` does not
# import pandas (tests/test_geo.py keeps them equal).
_BOUNDARIES = ["legacy", "2025"]
_LEVELS = ["nation", "province", "district", "commune"]
_EXIT_NOT_FOUND = 2


def _fail(exc: Exception) -> None:
    """Print a geography error (with suggestions or candidates) on stderr and exit 2."""
    from .. import geo as g

    click.echo(f"error: {exc}", err=True)
    if isinstance(exc, g.UnknownPlaceError) and exc.suggestions:
        click.echo("suggestions:", err=True)
        for s in exc.suggestions:
            click.echo(f"  {s}", err=True)
    elif isinstance(exc, g.AmbiguousPlaceError):
        reg = g.get_registry()
        click.echo("candidates:", err=True)
        for u in exc.candidates:
            click.echo(f"  {reg.describe(u)}", err=True)
    sys.exit(_EXIT_NOT_FOUND)


def _unit_record(reg: Any, unit: Any) -> dict[str, Any]:
    parent = reg.parent(unit)
    rec = unit.to_dict()
    rec["parent_name"] = parent.full_name if parent is not None else None
    rec["history"] = [{"date": c.date, "event": c.event, "basis": c.basis,
                       "successors": [u.full_name for u in c.successors],
                       "others": [u.full_name for u in c.others]}
                      for c in reg.history(unit)]
    return rec


def _history_line(change: Any) -> str:
    """One line of a unit's history, for the terminal (reports word it via i18n)."""
    if change.event == "merged":
        with_ = f" with {', '.join(u.name for u in change.others)}" if change.others else ""
        what = f"merged{with_} into {change.successors[0].full_name}"
    elif change.event == "unchanged":
        what = f"became {change.successors[0].full_name} unchanged"
    elif change.event == "district_abolished":
        what = (f"district abolished; its communes went to {len(change.successors)} "
                "2025 communes (bhxh geo convert)")
    else:
        what = f"reorganised into {', '.join(u.full_name for u in change.successors) or '?'}"
    return f"{change.date} {what} ({change.basis})"


@click.group()
def geo() -> None:
    """Administrative units across the 2025 reform (63 → 34 provinces, no districts).

    \b
    Examples:
      bhxh geo resolve "Tiền Giang"              # legacy province → 2025 Đồng Tháp
      bhxh geo resolve "Hiệp An" --parent "Đức Trọng"
      bhxh geo resolve "Huyện Châu Thành" --parent "Tây Ninh" --boundaries legacy
      bhxh geo resolve "Hà Tây"                  # merged into Hà Nội on 2008-08-01
      bhxh geo list --boundaries 2025            # the 34 provinces since 2025-07-01
      bhxh geo convert "huyện Đức Trọng"         # legacy district → 2025 communes
    """


@geo.command("resolve")
@click.argument("name")
@click.option("--parent", help="Containing province or district, to disambiguate "
              "(read in the boundary set of the place it contains).")
@click.option("--boundaries", type=click.Choice(_BOUNDARIES),
              help="Boundary set (default: legacy wins over 2025 for equal names).")
@click.option("--level", type=click.Choice(_LEVELS), help="Administrative level.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text for reading; the others for programs.")
def resolve_cmd(name: str, parent: str | None, boundaries: str | None, level: str | None,
                fmt: str) -> None:
    """Resolve NAME to one unit: code, level, boundary set and its 2025 province.

    Unknown or ambiguous names exit with status 2 and list suggestions or
    candidates on stderr.
    """
    from .. import geo as g

    try:
        reg = g.get_registry()
        unit = reg.resolve(name, parent=parent, level=level, boundaries=boundaries)
    except g.GeoError as exc:
        _fail(exc)
        return
    rec = _unit_record(reg, unit)
    if fmt == "json":
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    parent_txt = f"{unit.parent_code} {rec['parent_name']}" if unit.parent_code else "-"
    lines = [
        ("code", unit.code),
        ("name", unit.name),
        ("full name", unit.full_name),
        ("level", unit.level),
        ("boundaries", unit.boundaries + (" (before 2025-07-01)" if unit.boundaries == "legacy"
                                          else " (since 2025-07-01)")),
        ("parent", parent_txt),
        ("2025 province", f"{unit.province_2025_code} {unit.province_2025_name}"),
    ]
    if unit.valid_to:
        lines.append(("valid to", unit.valid_to))
    lines += [("history", _history_line(c)) for c in reg.history(unit)]
    width = max(len(k) for k, _ in lines) + 1
    for k, v in lines:
        click.echo(f"{k + ':':<{width}} {v}")


@geo.command("list")
@click.option("--boundaries", type=click.Choice(_BOUNDARIES), required=True,
              help="legacy (63 provinces, before 2025-07-01) or 2025 (34 provinces).")
@click.option("--level", type=click.Choice(["province", "district", "commune"]),
              default="province", show_default=True,
              help="Level listed (2025 has no districts).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True,
              help="text for reading; the others for programs.")
@click.option("--include-defunct", is_flag=True,
              help="Also list units abolished before 2025 (Hà Tây, merged in 2008).")
def list_cmd(boundaries: str, level: str, fmt: str, include_defunct: bool) -> None:
    """List the units of one boundary set (default: provinces), sorted by code."""
    from .. import geo as g

    try:
        reg = g.get_registry()
        df = reg.units(boundaries, level, include_defunct=include_defunct)
    except g.GeoError as exc:
        _fail(exc)
        return
    if fmt == "csv":
        from ..io import csv_text

        click.echo(csv_text(df), nl=False)
    elif fmt == "json":
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in df.itertuples(index=False):
            extra = "" if r.geo_level == "province" else f"  (in {r.parent_code})"
            if r.successor_code:
                into = reg.get(r.boundaries, r.geo_level, r.successor_code)
                extra += f"  (merged into {into.name} on {r.valid_to})"
            click.echo(f"{r.geo_code:<6} {r.full_name}{extra}  → 2025: {r.province_2025}")
        click.echo(f"# {len(df)} {level} units, boundaries {boundaries}", err=True)


@geo.command("convert")
@click.argument("name")
@click.option("--parent", help="Containing legacy province or district, to disambiguate.")
@click.option("--level", type=click.Choice(["province", "district", "commune"]),
              help="Level of NAME, when a province, district or commune share it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text for reading; the others for programs.")
def convert_cmd(name: str, parent: str | None, level: str | None, fmt: str) -> None:
    """Show where a legacy unit went on 2025-07-01 (province, or communes with notes)."""
    from .. import geo as g

    try:
        reg = g.get_registry()
        unit = reg.resolve(name, parent=parent, level=level, boundaries="legacy")
        pairs = reg.convert(unit)
    except g.GeoError as exc:
        _fail(exc)
        return
    if fmt == "json":
        out = {"legacy": _unit_record(reg, unit),
               "to_2025": [{**u.to_dict(), "note": note} for u, note in pairs]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(f"{reg.describe(unit)} → 2025:")
    if not pairs:
        click.echo("  (no row in the conversion table; see docs/geography.md)")
    for u, note in pairs:
        click.echo(f"  {u.code:<6} {u.full_name} ({u.province_2025_name})  [{note}]")


@geo.command("conversion")
@click.option("--contradictions", is_flag=True,
              help="Show the contradictions found in the conversion table instead.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv"]), default="text",
              show_default=True,
              help="text for reading; the others for programs.")
def conversion_cmd(contradictions: bool, fmt: str) -> None:
    """Print the legacy → 2025 province table (or the table's contradictions)."""
    import pandas as pd

    from .. import geo as g

    try:
        df = g.find_conversion_contradictions() if contradictions else g.province_conversion()
    except g.GeoError as exc:
        _fail(exc)
        return
    if fmt == "csv":
        from ..io import csv_text

        click.echo(csv_text(df), nl=False)
    elif contradictions:
        for r in df.itertuples(index=False):
            state = "overridden" if r.overridden else "UNEXPLAINED"
            where = f" record {r.record}, label {r.label_as_printed!r}" if r.label_as_printed else ""
            click.echo(f"{r.kind}: {r.legacy_province_code} {r.legacy_province_name}{where}"
                       f" → {r.new_province_codes} ({r.detail}; {state})")
    else:
        for r in df.itertuples(index=False):
            click.echo(f"{r.geo_code}  {r.geo_name:<20} → {r.province_2025_code}  {r.province_2025}"
                       + (f"  (until {r.valid_to:%Y-%m-%d})" if pd.notna(r.valid_to) else ""))
