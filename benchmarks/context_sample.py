"""Check event dates and places on a seeded random sample of stored events.

Prints, for N events drawn with a fixed seed from a store (e.g. the Dai 2017 region subset
ingested with `dyadwatch ingest`):
- of the events whose sentence has a time expression, the share dated more precisely than the
  publication date;
- of the events with a place, the share whose place lies in a country of one of its actors or
  of the article; and the share of events with a place at all;
- examples of each kind of miss, to read by hand.

    .venv/bin/python benchmarks/context_sample.py --db dai.duckdb [--n 100] [--seed 2017]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import duckdb

from dyadwatch.coding.dates import time_expressions
from dyadwatch.nlp.model import load_pipeline


def sample(db: Path, n: int, seed: int) -> list[dict[str, Any]]:
    con = duckdb.connect(str(db), read_only=True)
    cursor = con.execute(
        "SELECT e.*, a.countries AS article_countries, a.published FROM events e "
        "JOIN articles a ON a.id = e.doc_id ORDER BY e.event_id")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    import random

    return random.Random(seed).sample(rows, min(n, len(rows)))


def check(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    nlp = load_pipeline()
    groups: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "timed", "timed_resolved", "untimed_resolved", "placed", "placed_ok")}
    for event in events:
        sent = next(iter(nlp(event["sentence"]).sents))
        expressions = [e.text for e in time_expressions(sent)]
        event["expressions"] = expressions
        resolved = event["date_precision"] not in ("publication", "none", "")
        if expressions:
            groups["timed"].append(event)
            if resolved:
                groups["timed_resolved"].append(event)
        elif resolved:
            groups["untimed_resolved"].append(event)
        if event["place"]:
            groups["placed"].append(event)
            known = {event["source_country"], event["target_country"],
                     *(event["article_countries"] or "").split(",")}
            if event["place_country"] in known:
                groups["placed_ok"].append(event)
    return groups


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else f"{part}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    events = sample(args.db, args.n, args.seed)
    groups = check(events)
    print(f"{len(events)} events sampled with seed {args.seed} from {args.db}")
    print("| measure | value |\n|---|---|")
    print(f"| sentence has a time expression | {len(groups['timed'])} |")
    print(f"| ... dated more precisely than publication | "
          f"{share(len(groups['timed_resolved']), len(groups['timed']))} |")
    print(f"| dated without a time expression found | {len(groups['untimed_resolved'])} |")
    print(f"| events with a place | {share(len(groups['placed']), len(events))} |")
    print(f"| ... place in an actor's or the article's country | "
          f"{share(len(groups['placed_ok']), len(groups['placed']))} |")
    print("\nTime expression but publication date:")
    for e in [e for e in groups["timed"] if e not in groups["timed_resolved"]][:8]:
        print(f"  {e['expressions']} | {e['code']} {e['source']}->{e['target']} | "
              f"{e['sentence'][:160]}")
    print("\nResolved dates (check by hand):")
    for e in groups["timed_resolved"][:12]:
        print(f"  {e['published']} {e['date_text']!r} -> {e['event_date']} ({e['date_precision']})"
              f" | {e['sentence'][:120]}")
    print("\nPlaces outside the actors' and article's countries:")
    for e in [e for e in groups["placed"] if e not in groups["placed_ok"]][:8]:
        print(f"  {e['place']} ({e['place_country']}) | {e['source']}->{e['target']} | "
              f"{e['sentence'][:140]}")
    print("\nPlaces (check by hand):")
    for e in groups["placed_ok"][:12]:
        print(f"  {e['place']} ({e['place_country']}) | {e['code']} | {e['sentence'][:130]}")


if __name__ == "__main__":
    main()
