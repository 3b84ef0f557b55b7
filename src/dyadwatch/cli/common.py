"""Pieces every command shares: the stderr console, error handling, common options."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from dyadwatch.cli.output import Format
from dyadwatch.errors import DyadwatchError, UsageError

err = Console(stderr=True, highlight=False, soft_wrap=True)
P = ParamSpec("P")
R = TypeVar("R")

ActorsOpt = Annotated[list[Path] | None, typer.Option(
    "--actors", help="A folder of your own actor tables (people.tsv, organisations.tsv, "
    "countries.tsv, igos.tsv, sectors.tsv) added to the built-in ones; repeat for more "
    "(default: env DYADWATCH_ACTORS, folders separated by ':').", metavar="DIR",
    show_default=False)]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file to use.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout.")]


def fail_cleanly(func: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into `Error: ... — ...` on stderr and an exit code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DyadwatchError as exc:
            err.print(f"Error: {exc.message}", markup=False)
            raise typer.Exit(2 if isinstance(exc, UsageError) else 1) from None

    return wrapper


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value; a usage error (exit 2) otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date", "use YYYY-MM-DD") from None
