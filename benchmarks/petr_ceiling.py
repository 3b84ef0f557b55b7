"""How far can a coder that follows the gold conventions get on PETRARCH's petr2_gsr records?

    python benchmarks/petr_ceiling.py [--shared DIR]

`benchmarks/data/petr2_gsr_by_conventions.jsonl` is our own hand coding of the 78 petr2_gsr
records of ../shared/reference/petrarch/validation.jsonl, made by a coder who read only
../shared/gold/CONVENTIONS.md and the CAMEO codebook (not dyadwatch's code or output): for each
record id, the events those conventions call for, and each gold event the conventions
contradict with a category (the file holds no sentence text; the sentences stay in ../shared).

This script scores that hand coding against the petr2_gsr labels with dyadwatch's own scorer
(the same `dyadwatch eval` uses), so the figure is the ceiling of a perfect conventions coder:
issue 4 asks for pair-root F1 0.80 on these labels, which started from PETRARCH2's own output.
It also prints how many gold events conflict with the conventions, by category."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from dyadwatch.evaluation.gold import read_gold
from dyadwatch.evaluation.scoring import LEVELS, Counts, Produced, score
from dyadwatch.model import Actor

CODING = Path(__file__).parent / "data" / "petr2_gsr_by_conventions.jsonl"
VALIDATION = Path("reference") / "petrarch" / "validation.jsonl"
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC")
CATEGORIES = {
    "A": "a plan or future act coded as done (conventions: future cooperation is 03x intent)",
    "B": "an intended attack coded as a threat or a claim of responsibility",
    "C": "a reporting verb coded as the speaker's accusation, the reported event dropped",
    "D": "an actor left unknown ('---') though the sentence names its country",
    "E": "a CAMEO category the codebook's definition does not support",
    "F": "a place or topic taken as a participant, or roles swapped",
    "G": "an event the sentence does not contain",
}


def actor_of(code: str) -> Actor:
    """An actor code as dyadwatch represents it; '---' (no country) stays unmatched."""
    if code.startswith("---"):
        return Actor("")
    width = 6 if code[:3] in INTERNATIONAL else 3
    return Actor(code[:width], code[width:width + 3])


def ceiling(shared: Path) -> tuple[dict[str, Counts], Counter[str], int]:
    """Scores of the conventions coding per level, conflicts per category, gold events."""
    gold = read_gold(shared / VALIDATION, set_name="petr2_gsr")
    rows = [json.loads(line) for line in CODING.read_text(encoding="utf-8").splitlines()]
    produced = {row["id"]: [Produced(actor_of(e["source"]), actor_of(e["target"]), e["code"])
                            for e in row["events"]] for row in rows}
    missing = {r.id for r in gold.records} - produced.keys()
    if missing:
        raise SystemExit(f"no hand coding for {len(missing)} records, e.g. {sorted(missing)[0]}")
    scores = {level: score(level, gold.records, produced).overall for level in LEVELS}
    conflicts = Counter(c["category"] for row in rows for c in row["conflicts"])
    return scores, conflicts, sum(len(r.events) for r in gold.records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    scores, conflicts, total = ceiling(args.shared)
    print("conventions coding of the petr2_gsr records scored against their labels")
    for level, counts in scores.items():
        print(f"  {level:<11} P {counts.precision:.3f}  R {counts.recall:.3f}  "
              f"F1 {counts.f1:.3f}  found {counts.found}/{counts.expected}  "
              f"correct {counts.correct}/{counts.produced}")
    print(f"gold events the conventions contradict: {sum(conflicts.values())} of {total}")
    for category, count in conflicts.most_common():
        print(f"  {category} {count:>2}  {CATEGORIES[category]}")


if __name__ == "__main__":
    main()
