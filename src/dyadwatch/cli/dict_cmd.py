"""`dyadwatch dict ...`: bring your own dictionaries — import PETRARCH/TABARI actor and agent
files into the project's table format, and check tables line by line."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from dyadwatch.cli.common import err, fail_cleanly
from dyadwatch.dictionaries.petrarch import ImportReport, import_petrarch
from dyadwatch.dictionaries.validate import TABLE_NAMES, validate_path

dict_app = typer.Typer(
    name="dict",
    help="Your own dictionaries: import PETRARCH/TABARI actor and agent files, check tables. "
    "Use the result with `dyadwatch code --actors DIR` or DYADWATCH_ACTORS.",
    no_args_is_help=True,
)

EXAMPLES = 5  # offending codes shown per reason


def _counts(counter: Mapping[str, int], examples: Mapping[str, Mapping[str, int]]) -> str:
    parts = []
    for reason, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        shown = sorted(examples.get(reason, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        listed = ", ".join(f"{text} {n}" for text, n in shown[:EXAMPLES])
        parts.append(f"{count} {reason}" + (f" ({listed})" if listed else ""))
    return "; ".join(parts)


def report_lines(report: ImportReport) -> list[str]:
    """The counts of one imported file, as printed by `dict import-petrarch`."""
    skipped = sum(report.skipped.values())
    tables = ", ".join(f"{n} line{'' if n == 1 else 's'} to {name}"
                       for name, n in sorted(report.lines.items()))
    lines = [f"{report.path.name} ({report.kind}): {report.read} entries read, "
             f"{report.written} written ({tables}), {skipped} skipped"]
    if report.skipped:
        lines.append(f"  skipped entries: {_counts(report.skipped, report.examples)}")
    if report.dropped:
        lines.append(f"  left out of entries: {_counts(report.dropped, report.examples)}")
    if report.notes:
        lines.append(f"  notes: {_counts(report.notes, {})}")
    return lines


@dict_app.command("import-petrarch", help=(
    "Convert PETRARCH/TABARI dictionaries into tables for --actors and print what was read, "
    "written and skipped (with reasons) for each file."))
@fail_cleanly
def import_petrarch_command(
    paths: Annotated[list[Path], typer.Argument(
        help="PETRARCH/TABARI dictionary files: actors (*.actors.txt) and/or agents "
        "(*.agents.txt); the kind is told from the name, else from the codes.",
        metavar="PATH", show_default=False)],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder to write people.tsv and organisations.tsv (actors) "
        "and sectors.tsv (agents) to; created if missing, those files replaced.",
        metavar="DIR", show_default=False)],
) -> None:
    """Import PETRARCH/TABARI dictionaries (a thin wrapper over `import_petrarch`)."""
    reports = import_petrarch(paths, output)
    for report in reports:
        for line in report_lines(report):
            typer.echo(line)
    written = sorted({name for r in reports for name in r.lines})
    typer.echo(f"wrote {', '.join(written)} to {output} — use them with: "
               f"dyadwatch code FILE --actors {output}")


@dict_app.command("validate", help=(
    "Check tables in the project's format and list every error as `file:line: field 'x' ...` "
    "(exit 1), or print `ok: N entries in M files`."))
@fail_cleanly
def validate_command(
    path: Annotated[Path, typer.Argument(
        help=f"A table file or a folder of tables ({', '.join(TABLE_NAMES)}).",
        metavar="PATH", show_default=False)],
) -> None:
    """Validate tables (a thin wrapper over `validate_path`)."""
    result = validate_path(path)
    for error in result.errors:
        typer.echo(error)
    if result.errors:
        err.print(f"Error: {len(result.errors)} errors in {result.files_with_errors} of "
                  f"{result.files} files — fix the lines listed above", markup=False)
        raise typer.Exit(1)
    typer.echo(f"ok: {result.entries} entries in {result.files} files")
