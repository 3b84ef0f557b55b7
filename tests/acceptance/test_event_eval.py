"""Quality gates: `dyadwatch eval`'s scores on the shared gold stay at or above the floors in
event_floors.json (floors only go up: raise them with every improvement, never lower them to
let a change pass). Figures and errors: `dyadwatch eval GOLD --errors`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coding.stage import EventStage
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.dictionaries.codebook import load_codebook
from dyadwatch.dictionaries.patterns import load_patterns
from dyadwatch.evaluation.events import code_gold
from dyadwatch.evaluation.gold import VALIDATION, read_gold
from dyadwatch.evaluation.scoring import PAIR_CODE, PAIR_ROOT, Produced, score, score_classes

FLOORS = json.loads(Path(__file__).with_name("event_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def stage(nlp: Any) -> EventStage:
    return EventStage(nlp, load_actor_tables(), load_patterns(), load_codebook())


def _scores(path: Path, nlp: Any, stage: EventStage) -> dict[str, Any]:
    gold = read_gold(path)
    produced = code_gold(nlp, stage, gold.records)
    planned = gold.kind == VALIDATION
    reduced = {rid: [Produced.of(e, planned_as_action=planned) for e in events]
               for rid, events in produced.items()}
    return {level: score(level, gold.records, reduced).overall for level in (PAIR_ROOT, PAIR_CODE)}


def test_dev_gold_scores_stay_above_floors(shared_dir: Path, nlp: Any, stage: EventStage) -> None:
    floors = FLOORS["dai2017_gold_dev"]
    scores = _scores(shared_dir / "gold/dai2017_gold_dev.jsonl", nlp, stage)
    root, code = scores[PAIR_ROOT], scores[PAIR_CODE]
    figures = f"pair-root {root.as_dict()}, pair-code {code.as_dict()}"
    assert root.precision >= floors["pair_root_precision_min"], figures
    assert root.f1 >= floors["pair_root_f1_min"], figures
    assert code.f1 >= floors["pair_code_f1_min"], figures


def test_petrarch_records_stay_above_floors(shared_dir: Path, nlp: Any,
                                            stage: EventStage) -> None:
    floors = FLOORS["petr2_gsr"]
    scores = _scores(shared_dir / "reference/petrarch/validation.jsonl", nlp, stage)
    root, code = scores[PAIR_ROOT], scores[PAIR_CODE]
    figures = f"pair-root {root.as_dict()}, pair-code {code.as_dict()}"
    assert root.f1 >= floors["pair_root_f1_min"], figures
    assert code.f1 >= floors["pair_code_f1_min"], figures


def test_five_class_accuracy_and_coverage_stay_above_floors(
    shared_dir: Path, nlp: Any, stage: EventStage
) -> None:
    floors = FLOORS["conflibert_class_train"]
    gold = read_gold(shared_dir / "gold/conflibert_cameo_class_train.tsv")
    result = score_classes(gold.records, code_gold(nlp, stage, gold.records))
    figures = (f"accuracy {result.correct}/{result.coded}, "
               f"coverage {result.coded}/{result.sentences}")
    assert result.sentences == 1349, figures
    assert result.accuracy >= floors["accuracy_min"], figures
    assert result.coverage >= floors["coverage_min"], figures
