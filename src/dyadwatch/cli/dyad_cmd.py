"""`dyadwatch brief`, `compare` and `partners`: the state and trend of relationships."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from dyadwatch.cli.common import (
    DbOpt,
    FormatOpt,
    OutputOpt,
    SinceOpt,
    UntilOpt,
    err,
    fail_cleanly,
    parse_day,
)
from dyadwatch.cli.output import Format, RecordWriter, open_output
from dyadwatch.config import DEFAULT_DB
from dyadwatch.errors import DyadwatchError

FreqOpt = Annotated[str, typer.Option(
    "--freq", help="Period of the series: day, week, month, quarter or year (D/W/M/Q/Y).")]
BootOpt = Annotated[int, typer.Option(
    "--bootstrap", min=100, help="Bootstrap resamples for the trend's interval.")]


@fail_cleanly
def brief(
    a: Annotated[str, typer.Argument(help="First country code, e.g. AZE.", show_default=False)],
    b: Annotated[str, typer.Argument(help="Second country code, e.g. RUS.", show_default=False)],
    db: DbOpt = DEFAULT_DB,
    since: SinceOpt = None,
    until: UntilOpt = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Brief file: .html (self-contained, charts inline) or .md (charts as SVG "
        "files beside it). Default: brief-A-B.html.", show_default=False)] = None,
    freq: FreqOpt = "month",
    n_boot: BootOpt = 1000,
) -> None:
    """Write a brief on the relationship of A and B: the verdict (direction, confidence,
    period), the index over time with change points, QuadClass by period, spheres, tone, the
    agreements register, key events with evidence, actors, places, method and coverage."""
    from dyadwatch.relationship import dyad
    from dyadwatch.reports.build import write_dyad_brief

    view = dyad(a, b, db=db, freq=freq, since=parse_day(since, "--since"),
                until=parse_day(until, "--until"), n_boot=n_boot)
    target = out or Path(f"brief-{view.a}-{view.b}.html")
    written = write_dyad_brief(view, target)
    typer.echo(view.verdict)
    err.print(f"Brief written to {written.resolve()}")


@fail_cleanly
def compare(
    ctx: typer.Context,
    dyads: Annotated[list[str], typer.Option(
        "--dyad", help="Two country codes per dyad; repeat: --dyad AZE RUS --dyad ARM RUS "
        "(AZE-RUS works too).", show_default=False)],
    db: DbOpt = DEFAULT_DB,
    since: SinceOpt = None,
    until: UntilOpt = None,
    freq: FreqOpt = "month",
    n_boot: BootOpt = 1000,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = "-",
) -> None:
    """Several dyads side by side over the same periods: events, cooperation index, conflict,
    events per 100 articles on either country, trend and change points."""
    from dyadwatch.analytics import compare_dyads

    pairs = _pairs(dyads, list(ctx.args))
    events, articles = _frames(db, [c for p in pairs for c in p], since, until)
    table = compare_dyads(events, pairs, freq=freq, articles=articles, n_boot=n_boot)
    _write(table, fmt, output)


@fail_cleanly
def partners(
    country: Annotated[str, typer.Argument(help="Country code, e.g. RUS.", show_default=False)],
    db: DbOpt = DEFAULT_DB,
    by: Annotated[str, typer.Option("--by", help="Rank by index (warmest first) or trend "
                                    "(steepest rise first).")] = "index",
    min_events: Annotated[int, typer.Option("--min-events", min=1,
                                            help="Partners with at least this many events.")] = 3,
    since: SinceOpt = None,
    until: UntilOpt = None,
    freq: FreqOpt = "month",
    n_boot: BootOpt = 1000,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = "-",
) -> None:
    """Rank a country's partners by cooperation index or by trend."""
    from dyadwatch.analytics import rank_partners

    code = country.upper()
    events, articles = _frames(db, [code], since, until)
    table = rank_partners(events, code, freq=freq, min_events=min_events, articles=articles,
                          by=by, n_boot=n_boot)
    if table.empty:
        raise DyadwatchError(f"no partner of {code} has {min_events} or more events",
                             "lower --min-events or ingest more news")
    _write(table, fmt, output)


def _pairs(firsts: list[str], seconds: list[str]) -> list[tuple[str, str]]:
    """`--dyad AZE RUS --dyad ARM RUS`: the option takes the first code and the second stays
    behind as an extra argument, in the same order; `--dyad AZE-RUS` is one value."""
    unknown = [s for s in seconds if s.startswith("-")]
    if unknown:
        raise typer.BadParameter(f"no such option: {unknown[0]}", param_hint="compare")
    if seconds and len(seconds) == len(firsts):
        return [(a.upper(), b.upper()) for a, b in zip(firsts, seconds, strict=True)]
    split = [v.replace(",", "-").split("-") for v in firsts]
    if seconds or any(len(codes) != 2 for codes in split):
        raise typer.BadParameter("give two country codes per dyad, e.g. --dyad AZE RUS",
                                 param_hint="--dyad")
    return [(a.upper(), b.upper()) for a, b in split]


def _frames(db: Path, countries: list[str], since: str | None,
            until: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    from dyadwatch.relationship import require_database
    from dyadwatch.store import Store
    from dyadwatch.store.frames import article_frame, event_frame

    require_database(db)
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    with Store(db) as store:
        return (event_frame(store, countries=countries, since=first, until=last),
                article_frame(store, since=first, until=last))


def _write(table: pd.DataFrame, fmt: Format, output: str) -> None:
    records = [{k: _plain(v) for k, v in row.items()} for row in table.to_dict("records")]
    columns = list(table.columns)
    with open_output(output) as handle:
        writer = RecordWriter(handle, fmt, fields=columns, table_columns=columns)
        writer.write_all(records)
        writer.close()


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 3)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return None if value is pd.NaT else value  # no change point: null, not "NaT"
