"""Actor evaluation: coverage of gold actor spans and recall of expected actor codes.

    python benchmarks/eval_actors.py [--shared DIR] [--every N] [--errors N]

(a) ConfliBERT CAMEO NER train and test files (../shared/gold): the share of gold source (S),
target (T) and both-sides (R) spans that a mention with a country overlaps, and the share of
mentions that overlap no gold span (an upper bound on false actors: the gold marks only the
event's parties). Two simple checks count gold spans with no word that could carry a country:
no name the actor tables know, and no spaCy named entity (GPE, NORP, ORG, PERSON, LOC, FAC).
(b) The 78 petr2_gsr records of ../shared/reference/petrarch/validation.jsonl: the share of
expected source/target codes found among the sentence's mentions, at country level and at
country + first sector (see dyadwatch.evaluation.actors.country_key / full_key).

--errors N prints up to N uncovered gold spans, unmatched mentions and missed codes per file."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.config import Settings
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.evaluation.actors import (
    CodeRecall,
    SpanCoverage,
    SpanSentence,
    code_texts,
    read_expected_records,
    read_span_sentences,
    score_codes,
    score_spans,
)
from dyadwatch.nlp.model import load_pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SPAN_FILES = ("gold/conflibert_cameo_ner_train.txt", "gold/conflibert_cameo_ner_test.txt")
PETRARCH = "reference/petrarch/validation.jsonl"
ROLE_NAMES = {"S": "source", "T": "target", "R": "both"}


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole if whole else 0.0:.3f}"


def print_spans(name: str, result: SpanCoverage, errors: int) -> None:
    print(f"\n{name}: {result.sentences} sentences, {result.spans} gold actor spans, "
          f"{result.mentions} dyadwatch mentions")
    print(f"  gold spans covered by a mention with a country: "
          f"{_ratio(result.covered, result.spans)}")
    for role in result.roles:
        print(f"    {ROLE_NAMES[role.role]:<7} ({role.role}): {_ratio(role.covered, role.spans)}")
    for check, count in result.lacking:
        print(f"  gold spans without any {check}: {_ratio(count, result.spans)}")
    print(f"  mentions overlapping no gold span: {_ratio(result.unmatched, result.mentions)}")
    if errors:
        print(f"  -- uncovered gold spans (first {errors} of {len(result.misses)}):")
        for miss in result.misses[:errors]:
            words = "with " + " and ".join(miss.words) if miss.words else "no name"
            print(f"  [{miss.span.role}] {miss.span.text!r} ({words}) #{miss.sentence.number} "
                  f"line {miss.sentence.line}: {miss.sentence.text}")
            if miss.nearby:
                print("       mentions: " + "; ".join(
                    f"{m.text!r}={'+'.join(a.code for a in m.actors)}" for m in miss.nearby))
        print(f"  -- mentions overlapping no gold span (first {errors} of {len(result.extras)}):")
        for sentence, mention in result.extras[:errors]:
            codes = "+".join(a.code for a in mention.actors)
            print(f"  {mention.text!r}={codes} ({mention.rule}) #{sentence.number}: "
                  f"{sentence.text}")


def print_codes(name: str, result: CodeRecall, errors: int) -> None:
    print(f"\n{name}: {result.records} records scored, {result.skipped} without expected "
          f"events skipped, {result.mentions} dyadwatch mentions")
    print(f"  expected codes naming no country (left out): {len(result.no_country)} "
          f"{sorted(set(result.no_country))}")
    for level in (result.country, result.code):
        print(f"  found at {level.level + ' level:':<15} {_ratio(level.found, level.expected)}")
    if errors:
        for name in ("country", "code"):
            misses = [m for m in result.misses if m.level == name]
            print(f"  -- missed at {name} level (first {errors} of {len(misses)}):")
            for miss in misses[:errors]:
                produced = ", ".join(miss.produced) or "no mentions"
                print(f"  {miss.expected} [{miss.record.id}] produced: {produced}\n"
                      f"       {miss.record.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    parser.add_argument("--span-files", nargs="*", type=Path,
                        help="span gold files (default: the ConfliBERT train and test files)")
    parser.add_argument("--petrarch", type=Path, help="PETRARCH validation JSONL")
    parser.add_argument("--every", type=int, default=1,
                        help="score every Nth span gold sentence (default 1: all)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print up to N misses per file")
    args = parser.parse_args()
    span_files = args.span_files or [args.shared / f for f in SPAN_FILES]
    petrarch = args.petrarch or args.shared / PETRARCH

    started = time.perf_counter()
    settings = Settings()
    nlp = load_pipeline(settings.model_name)
    lexicon = Lexicon(nlp, load_actor_tables())
    gold: dict[str, list[SpanSentence]] = {
        path.name: read_span_sentences(path)[:: args.every] for path in span_files}
    records = read_expected_records(petrarch)
    items: list[tuple[str, date | None]] = [
        (s.text, None) for sentences in gold.values() for s in sentences]
    items += [(r.text, r.published) for r in records if r.codes]
    coded = code_texts(nlp, lexicon, items, batch_size=settings.batch_size)

    for name, sentences in gold.items():
        checks = {"table name": coded.names_of, "named entity": coded.entities_of}
        print_spans(name, score_spans(sentences, coded.mentions_of, checks), args.errors)
    print_codes(f"{petrarch.name} (petr2_gsr)", score_codes(records, coded.mentions_of),
                args.errors)
    print(f"\n{len(items)} texts parsed and scored in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
