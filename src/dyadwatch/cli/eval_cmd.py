"""`dyadwatch eval GOLD_FILE`: precision, recall and F1 of the coder on a gold file."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from dyadwatch.cli.common import ActorsOpt, err, fail_cleanly
from dyadwatch.coding.stage import EventStage
from dyadwatch.config import Settings
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.dictionaries.codebook import load_codebook
from dyadwatch.dictionaries.patterns import load_patterns
from dyadwatch.evaluation.events import code_gold
from dyadwatch.evaluation.gold import (
    DEFAULT_SET,
    FIVE_CLASS,
    SENTENCES,
    VALIDATION,
    Gold,
    read_gold,
)
from dyadwatch.evaluation.scoring import (
    FIVE_CLASS_NAMES,
    LEVELS,
    ClassScore,
    Counts,
    Produced,
    Score,
    score,
    score_classes,
)
from dyadwatch.model import Event
from dyadwatch.nlp.model import load_pipeline

out = Console(highlight=False, soft_wrap=True)


class Level(StrEnum):
    pair_root = "pair-root"
    pair_code = "pair-code"
    actor_code = "actor-code"


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


@fail_cleanly
def evaluate(
    gold_file: Annotated[Path, typer.Argument(
        help="Sentence gold JSONL (dai2017_gold_*.jsonl), PETRARCH validation JSONL, or a "
        "sentence<TAB>class TSV (five classes 0-4).", metavar="GOLD_FILE", show_default=False)],
    level: Annotated[Level, typer.Option(
        "--level", help="Level of the per-root table and of --errors.")] = Level.pair_root,
    errors: Annotated[bool, typer.Option(
        "--errors", help="List misses and false alarms (wrong classes for TSV) with their "
        "sentences.")] = False,
    set_name: Annotated[str, typer.Option(
        "--set", help="Records of this set of a PETRARCH validation file.")] = DEFAULT_SET,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Score only events at least this confident.")] = 0.0,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] =
        EvalFormat.table,
    model: Annotated[str | None, typer.Option(
        "--model", help="spaCy pipeline name or folder.", show_default=False)] = None,
    actors: ActorsOpt = None,
) -> None:
    """Score the coder on a gold file: precision, recall and F1 at the country-pair + root,
    country-pair + code and actor + root levels, and per root code (scoring convention of
    ../shared/README.md); for five-class TSV, class accuracy on the sentences given an event,
    and coverage."""
    gold = read_gold(gold_file, set_name=set_name)
    produced = _code(gold, Settings(model=model, actors=tuple(actors or ())), min_confidence)
    if gold.kind == FIVE_CLASS:
        classes = score_classes(gold.records, produced)
        _print_classes(gold, classes, errors, fmt)
        return
    # PETRARCH codes "will supply arms" as the supply itself; dyadwatch as an intent (03x)
    # with the supply kept as planned_code: score by the planned action for its records.
    planned = gold.kind == VALIDATION
    # Sentence gold codes an event only when both sides are named (CONVENTIONS.md): events
    # with an unnamed side are outside its scope, not false alarms. PETRARCH's records code
    # them with '---', which an unnamed side matches.
    unscored = sum(e.one_sided for events in produced.values() for e in events
                   ) if gold.kind == SENTENCES else 0
    reduced = {rid: [Produced.of(e, planned_as_action=planned) for e in events
                     if gold.kind != SENTENCES or not e.one_sided]
               for rid, events in produced.items()}
    scores = {name: score(name, gold.records, reduced) for name in LEVELS}
    if fmt is EvalFormat.json:
        out.print_json(json.dumps({**_scores_record(gold, scores),
                                   "one_sided_not_scored": unscored}))
        return
    _print_scores(gold, scores, level.value, errors)
    if unscored:
        noun = "event" if unscored == 1 else "events"
        out.print(f"{unscored} {noun} with one side unnamed not scored: this gold codes only "
                  "events naming both sides")


def _code(gold: Gold, settings: Settings, min_confidence: float) -> dict[str, list[Event]]:
    nlp = load_pipeline(settings.model_name)
    stage = EventStage(nlp, load_actor_tables(settings.actor_folders), load_patterns(),
                       load_codebook())
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(f"coding {len(gold.records)} gold sentences",
                                 total=len(gold.records))
        produced = code_gold(nlp, stage, gold.records,
                             on_done=lambda n: progress.advance(task, n))
    return {rid: [e for e in events if e.confidence >= min_confidence]
            for rid, events in produced.items()}


# -- event gold output -------------------------------------------------------------------------
def _scores_record(gold: Gold, scores: dict[str, Score]) -> dict[str, Any]:
    return {"gold": str(gold.path), "kind": gold.kind, "records": len(gold.records),
            "levels": {name: {"overall": s.overall.as_dict(),
                              "by_root": {r: c.as_dict() for r, c in s.by_root.items()}}
                       for name, s in scores.items()}}


def _print_scores(gold: Gold, scores: dict[str, Score], level: str, errors: bool) -> None:
    events = sum(len(r.events) for r in gold.records)
    out.print(f"{gold.path.name}: {len(gold.records)} sentences, {events} gold events")
    overall = Table("level", "P", "R", "F1", "found/expected", "correct/produced")
    for name, s in scores.items():
        overall.add_row(name, *_prf(s.overall))
    out.print(overall)
    per_root = Table("root", "P", "R", "F1", "found/expected", "correct/produced",
                     title=f"per root code ({level})")
    for root, counts in scores[level].by_root.items():
        per_root.add_row(root, *_prf(counts))
    out.print(per_root)
    if errors:
        _print_errors(scores[level])


def _prf(c: Counts) -> tuple[str, ...]:
    return (f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
            f"{c.found}/{c.expected}", f"{c.correct}/{c.produced}")


def _print_errors(s: Score) -> None:
    for outcome in s.outcomes:
        if not (outcome.missed or outcome.false):
            continue
        out.print(f"\n[bold]{escape(outcome.record.id)}[/bold] {escape(outcome.record.text)}")
        for g in outcome.missed:
            alts = f" (or {', '.join(g.alt_codes)})" if g.alt_codes else ""
            out.print(f"  miss  {g.source} → {g.target} {g.code}{alts}")
        for p in outcome.false:
            out.print(f"  false {p.source.code} → {p.target.code} {p.code}")


# -- five-class output ---------------------------------------------------------------------------
def _print_classes(gold: Gold, s: ClassScore, errors: bool, fmt: EvalFormat) -> None:
    if fmt is EvalFormat.json:
        out.print_json(json.dumps({
            "gold": str(gold.path), "kind": gold.kind, "sentences": s.sentences,
            "coded": s.coded, "correct": s.correct, "coverage": round(s.coverage, 4),
            "accuracy": round(s.accuracy, 4),
            "confusion": [{"gold": g, "predicted": p, "sentences": n}
                          for (g, p), n in sorted(s.confusion.items())]}))
        return
    out.print(f"{gold.path.name}: {s.sentences} sentences, {s.coded} given an event")
    out.print(f"class accuracy on coded sentences: {s.correct}/{s.coded} = {s.accuracy:.3f}")
    out.print(f"coverage: {s.coded}/{s.sentences} = {s.coverage:.3f}")
    table = Table("gold \\ predicted", *map(str, range(5)), title="confusion")
    for g, name in enumerate(FIVE_CLASS_NAMES):
        table.add_row(f"{g} {name}", *(str(s.confusion.get((g, p), 0)) for p in range(5)))
    out.print(table)
    if errors:
        for record, predicted in s.wrong:
            out.print(f"  gold {record.label} got {predicted}: {escape(record.text)}")
