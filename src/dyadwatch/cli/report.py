"""Human-readable reports on stdout: summary, code explanation, event explanation."""

from __future__ import annotations

from typing import Any

import typer

from dyadwatch.dictionaries.codebook import QUAD_CLASS_NAMES, load_codebook
from dyadwatch.dictionaries.patterns import Pattern, load_patterns
from dyadwatch.errors import DyadwatchError


def print_summary(summary: dict[str, Any]) -> None:
    echo = typer.echo
    echo(f"database: {summary['database']}")
    echo(f"articles: {summary['articles']}")
    echo(f"events:   {summary['events']} ({summary['one_sided_events']} with one side "
         "unnamed)")
    echo(f"rejects:  {summary['rejects']}")
    for code, count in summary["rejects_by_code"].items():
        echo(f"  {code}: {count}")
    echo("top dyads (events, mean Goldstein):")
    for row in summary["top_dyads"]:
        echo(f"  {row['dyad']:<12} {row['events']:>6}  {row['mean_goldstein']:+.2f}")
    echo("events by root code:")
    book = load_codebook()
    for root, count in summary["by_root"].items():
        name = book.get(root).name if root in book else "?"
        echo(f"  {root} {name:<40} {count:>6}")


def _describe_pattern(pattern: Pattern) -> str:
    parts = [f"{pattern.pos.lower()} '{pattern.trigger}'"]
    if pattern.particle:
        parts.append(f"with particle '{pattern.particle}'")
    if pattern.objects:
        parts.append("object in {" + ", ".join(sorted(pattern.objects)) + "}")
    if pattern.target:
        parts.append("target from " + " / ".join(pattern.target))
    if pattern.symmetric:
        parts.append("symmetric")
    return ", ".join(parts)


def print_explain_code(code: str) -> None:
    book = load_codebook()
    if code not in book:
        raise DyadwatchError(f"{code} is not a CAMEO code", "try a code like 057 or 190")
    entry = book.get(code)
    typer.echo(f"{entry.code}  {entry.name}")
    typer.echo(f"root: {entry.root} {book.get(entry.root).name}")
    typer.echo(f"Goldstein: {entry.goldstein:+.1f}")
    typer.echo(f"QuadClass: {entry.quad_class} ({QUAD_CLASS_NAMES[entry.quad_class]})")
    typer.echo(f"PLOVER: {_plover(entry.plover, entry.plover_mode)}")
    patterns = [p for p in load_patterns().all() if p.code == code]
    typer.echo(f"patterns producing it: {len(patterns)}")
    for pattern in patterns:
        typer.echo(f"  {pattern.id}: {_describe_pattern(pattern)}")


def _plover(category: str | None, mode: str | None) -> str:
    if not category:
        return "none (PLOVER does not code CAMEO 01 statements)"
    return f"{category}, mode {mode}" if mode else f"{category} (no mode)"


def print_explain_event(record: dict[str, Any]) -> None:
    echo = typer.echo
    day = f"published {record['date']}" if record["date"] else "no publication date"
    echo(f"event {record['event_id']} in article {record['doc_id']} ({day})")
    echo(f"{record['code']} {record['name']} (Goldstein {record['goldstein']:+.1f}, "
         f"QuadClass {record['quad_class']}, {record['modality']})")
    echo(f"PLOVER: {_plover(record.get('plover'), record.get('plover_mode'))}")
    role = f" ({record['role']})" if record.get("role") else ""
    echo(f"source: {record['source']}{role}  <- \"{record['source_text']}\"")
    echo(f"target: {record['target']}  <- \"{record['target_text']}\"")
    echo(f"evidence (sentence {record['sentence_index']}, chars "
         f"{record['char_start']}-{record['char_end']}):")
    echo(f"  {record['sentence']}")
    pattern = load_patterns().get(record["rule"])
    rule = _describe_pattern(pattern) if pattern else "(rule no longer in the pattern table)"
    echo(f"rule: {record['rule']} — {rule}; trigger '{record['trigger']}'")
    if record.get("planned_code"):
        echo(f"planned action: {record['planned_code']}")
    echo(f"confidence: {record['confidence']:.2f}")
    for line in _context_lines(record):
        echo(line)


def _context_lines(record: dict[str, Any]) -> list[str]:
    """When, where, which spheres and in what tone, as far as the record knows."""
    lines = []
    precision = record.get("date_precision") or ""
    if precision and precision != "publication":
        lines.append(f"happened: {record['event_date']} ({precision}, from "
                     f"\"{record.get('date_text') or ''}\")")
    elif precision == "publication":
        lines.append("happened: no time expression for it; dated by publication")
    if record.get("place"):
        where = f"{record['place']} ({record.get('place_country') or 'no country'})"
        if record.get("latitude") is not None:
            where += f" at {record['latitude']:.2f}, {record['longitude']:.2f}"
        lines.append(f"place: {where}")
    if record.get("spheres"):
        lines.append(f"spheres: {record['spheres']} (evidence {record.get('sphere_evidence')})")
    if record.get("tone") is not None:
        lines.append(f"sentence tone: {record['tone']:+.1f} (-100..+100)")
    return lines
