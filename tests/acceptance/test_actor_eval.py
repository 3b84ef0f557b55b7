"""Actor evaluation on the shared gold (via the `shared_dir` fixture): coverage of ConfliBERT's
train spans and recall of the petr2_gsr actor codes stay at or above the floors in
actor_floors.json (floors only go up). Figures and misses: benchmarks/eval_actors.py --errors N."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.evaluation.actors import (
    code_texts,
    read_expected_records,
    read_span_sentences,
    score_codes,
    score_spans,
)

FLOORS = json.loads((Path(__file__).with_name("actor_floors.json")).read_text(encoding="utf-8"))


def test_actor_coverage_and_code_recall_stay_above_floors(shared_dir: Path, nlp: Any) -> None:
    sentences = read_span_sentences(shared_dir / "gold/conflibert_cameo_ner_train.txt")
    records = read_expected_records(shared_dir / "reference/petrarch/validation.jsonl")
    items: list[tuple[str, date | None]] = [(s.text, None) for s in sentences]
    items += [(r.text, r.published) for r in records]
    coded = code_texts(nlp, Lexicon(nlp, load_actor_tables()), items)

    spans = score_spans(sentences, coded.mentions_of)
    codes = score_codes(records, coded.mentions_of)
    figures = (f"coverage {spans.covered}/{spans.spans}, unmatched "
               f"{spans.unmatched}/{spans.mentions}, country {codes.country.found}/"
               f"{codes.country.expected}, code {codes.code.found}/{codes.code.expected}")

    # The gold itself: a changed reader shows here first.
    assert (spans.sentences, spans.spans) == (1153, 2162), figures
    assert (codes.records, codes.skipped, len(codes.no_country)) == (66, 12, 10), figures
    train, gsr = FLOORS["conflibert_train"], FLOORS["petr2_gsr"]
    assert spans.coverage >= train["coverage_min"], figures
    assert spans.unmatched_share <= train["unmatched_share_max"], figures
    assert codes.country.share >= gsr["country_min"], figures
    assert codes.code.share >= gsr["code_min"], figures
