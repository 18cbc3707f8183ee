"""``bhxh extract FILE...``: insurance figures of news articles as candidate observations.

The logic is in :mod:`bhxh_analysis.extract`; this module parses options, calls it and
prints. Errors are one line on stderr with exit status 1 (2 for usage errors, from
click); ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

import click

from .options import DATE, DATE_HELP, UP_TO_TODAY


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--published", type=DATE,
              help=f"Publication date ({DATE_HELP}; {UP_TO_TODAY}): the year of dates printed without "
                   "one ('tính đến 31/8') and the date of 'đến nay'. Default: the page's own "
                   "date if any.")
@click.option("--place-hint", metavar="NAME",
              help="Place the outlet writes about, for texts that say only 'toàn tỉnh'.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "text"]), default="csv",
              show_default=True, help="Output format.")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of stdout.")
@click.option("--eval", "gold", type=click.Path(dir_okay=False), default=None,
              metavar="GOLD.csv",
              help="Score the candidates against a gold list (geo_name, indicator, as_of, "
                   "value; optional parent, file, published) and print precision, recall "
                   "and F1.")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
def extract(files: tuple[str, ...], published: str | None, place_hint: str | None,
            fmt: str, out: str | None, gold: str | None, debug: bool) -> None:
    """List every insurance figure in news articles (FILE: UTF-8 .txt or .html).

    \b
    Each figure becomes one candidate row: geo_name, indicator, as_of, value (persons,
    or percent 0-100), value_raw (as printed) and its character offsets start/end,
    qualifier, sentence, confidence, and the place resolution of `bhxh data check`
    (geo_code, geo_level, boundaries, province_2025). With several FILEs a last column
    `file` names the article. Nothing is written to the data: review the candidates
    (notebooks/10_review_extracted.ipynb) and add them with `bhxh data add`.

    \b
    Examples:
      bhxh extract article.txt --published 2023-09-12
      bhxh extract page.html --place-hint "Lâm Đồng" --format text
      bhxh extract --eval gold.csv a.txt b.txt
    """
    day = _dt.date.fromisoformat(published) if published else None  # DATE gives ISO text
    try:
        _run(files, day, place_hint, fmt, out, gold)
    except click.ClickException:
        raise
    except Exception as exc:  # every library error becomes one line unless --debug
        if debug:
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _run(files: tuple[str, ...], published: _dt.date | None, place_hint: str | None,
         fmt: str, out: str | None, gold_path: str | None) -> None:
    import pandas as pd

    from .. import extract as ex

    gold = ex.read_gold(gold_path) if gold_path else None
    by_file = {}
    if gold is not None:
        from ..extract.evaluate import published_by_file

        by_file = published_by_file(gold)
    frames = []
    for f in files:
        cand = ex.extract_file(f, published=published or by_file.get(Path(f).name),
                               place_hint=place_hint)
        cand["file"] = Path(f).name
        frames.append(cand)
    table = pd.concat(frames, ignore_index=True)
    if gold is not None:
        result = ex.score(gold, table)
        lines = [f"gold rows: {result.n_gold}  candidates: {result.n_candidates}  "
                 f"matched: {result.n_matched}",
                 f"precision: {result.precision:.3f}",
                 f"recall:    {result.recall:.3f}",
                 f"F1:        {result.f1:.3f}"]
        _emit("\n".join(lines) + "\n", out)
        return
    if len(files) == 1:
        table = table.drop(columns="file")
    if fmt == "csv":
        from ..io import csv_text

        text = csv_text(table)  # writes as_of as YYYY-MM-DD, an unknown date empty
    else:  # the writing edge: dates as ISO text ("" when unknown)
        iso = table["as_of"].dt.strftime("%Y-%m-%d").fillna("").astype(object)
        table = table.astype({"as_of": object}).assign(as_of=iso)
        if fmt == "json":  # a value left unread ("8 triệu 200", see note) is null
            records = [{k: (None if k == "value" and v != v else v) for k, v in r.items()}
                       for r in table.to_dict("records")]
            text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        else:
            text = _as_text(table)
    _emit(text, out)


def _as_text(table) -> str:  # type: ignore[no-untyped-def]
    if table.empty:
        return "no insurance figure found\n"
    lines = []
    for r in table.itertuples(index=False):
        place = r.geo_name or "(place not found)"
        qual = f"{r.qualifier} " if r.qualifier else ""
        lines.append(f"{place:<20} {r.as_of or '(no date)':<10} {r.indicator:<40} "
                     f"{qual}{'?' if r.value != r.value else f'{r.value:g}'}  [{r.value_raw!r} at {r.start}-{r.end}, "
                     f"confidence {r.confidence:.2f}]" + (f" {r.note}" if r.note else ""))
    return "\n".join(lines) + "\n"


def _emit(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
