"""`dyadwatch actors TEXT|FILE`: every actor mention, its code, and what decided it."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyadwatch.actors_view import MENTION_FIELDS, actor_mentions, mention_record
from dyadwatch.cli.common import ActorsOpt, fail_cleanly, parse_day
from dyadwatch.cli.output import Format
from dyadwatch.config import ReadOptions, Settings
from dyadwatch.errors import UsageError
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Article, Reject


def _articles(what: str, when: date | None) -> list[Article]:
    """A path (file, folder, `-`) is read like `code` reads it; anything else is the text."""
    if what == "-" or Path(what).exists():
        items = list(read_inputs([what], ReadOptions()))
        rejects = [i for i in items if isinstance(i, Reject)]
        if rejects and len(rejects) == len(items):
            raise UsageError(rejects[0].reason)
        articles = [i for i in items if isinstance(i, Article)]
        return [a if a.published or when is None else _dated(a, when) for a in articles]
    if not what.strip():
        raise UsageError("no text given", "pass a sentence in quotes, a file or -")
    return [Article.from_text(what, published=when, origin="<argument>")]


def _dated(article: Article, when: date) -> Article:
    return replace(article, published=when)


@fail_cleanly
def actors(
    what: Annotated[str, typer.Argument(
        help="Text in quotes, or a file/folder/- read like `dyadwatch code` reads it.",
        metavar="TEXT|FILE", show_default=False)],
    on: Annotated[str | None, typer.Option(
        "--date", help="Article date for dated roles (YYYY-MM-DD); default: the file's date, "
        "else today's office holders.", show_default=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline.",
                                              show_default=False)] = None,
    actor_tables: ActorsOpt = None,
) -> None:
    """List every actor mention found: its span, code(s), and the table entry or context rule
    that decided it."""
    settings = Settings(model=model, actors=tuple(actor_tables or ()))
    for found in actor_mentions(_articles(what, parse_day(on, "--date")), settings):
        records = [mention_record(found.article, m) for m in found.mentions]
        if fmt is Format.jsonl:
            for record in records:
                typer.echo(json.dumps(record, ensure_ascii=False))
        elif fmt is Format.csv:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(MENTION_FIELDS))
            writer.writeheader()
            writer.writerows({**r, "codes": "+".join(r["codes"])} for r in records)
        else:
            _print_table(found.article, records)


def _print_table(article: Article, records: list[dict[str, object]]) -> None:
    title = f"{article.origin or article.id} ({article.published or 'no date'})"
    table = Table("span", "text", "code", "rule", "decided by", title=title)
    for r in records:
        codes = r["codes"]
        table.add_row(f"{r['start']}-{r['end']}", str(r["text"]),
                      "+".join(codes) if isinstance(codes, list) else str(codes),
                      str(r["rule"]), str(r["basis"]))
    Console(width=160).print(table)
