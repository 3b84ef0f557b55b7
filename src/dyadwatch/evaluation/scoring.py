"""Scoring produced events against gold events, following ../shared/README.md's convention.

An expected event is found when a produced event has the same source country and target
country (direction counts, except for the symmetric codes 04x, 057 and 06x, where either
direction counts) and a code whose root equals the root of the gold code or of one of its
alternatives. Gold and produced events are sets per record: repeats of one (source, target,
root) count once. Gold events marked `context` (an actor from the previous sentence) are
optional: found, they count; missed, they are no miss.

Levels: `pair-root` (countries + root), `pair-code` (countries + full code) and `actor-code`
(country + sector of both actors + root).

The scorer is pure: it takes gold records and each record's produced events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dyadwatch.evaluation.actors import code_matches, country_key, country_matches, share
from dyadwatch.evaluation.gold import GoldEvent, GoldRecord
from dyadwatch.model import Actor, Event

PAIR_ROOT = "pair-root"
PAIR_CODE = "pair-code"
ACTOR_CODE = "actor-code"
LEVELS = (PAIR_ROOT, PAIR_CODE, ACTOR_CODE)


def symmetric(code: str) -> bool:
    return code[:2] in ("04", "06") or code.startswith("057")


@dataclass(frozen=True, slots=True)
class Produced:
    """A produced event reduced to what scoring compares."""

    source: Actor
    target: Actor
    code: str

    @classmethod
    def of(cls, event: Event, *, planned_as_action: bool = False) -> Produced:
        """`planned_as_action`: score an intent (03x) by the action it plans, for gold that
        codes plans as the action itself (PETRARCH's validation records do)."""
        code = event.planned_code if planned_as_action and event.planned_code else event.code
        return cls(Actor(event.source_country, event.source_sector),
                   Actor(event.target_country, event.target_sector), code)


def _actor_ok(level: str, gold_code: str, actor: Actor) -> bool:
    return (code_matches if level == ACTOR_CODE else country_matches)(gold_code, actor)


def _code_ok(level: str, gold: GoldEvent, code: str) -> bool:
    return code in gold.codes if level == PAIR_CODE else code[:2] in gold.roots


def matches(level: str, gold: GoldEvent, produced: Produced) -> bool:
    if not _code_ok(level, gold, produced.code):
        return False
    forward = (_actor_ok(level, gold.source, produced.source)
               and _actor_ok(level, gold.target, produced.target))
    if forward:
        return True
    return any(symmetric(c) for c in gold.codes) and (
        _actor_ok(level, gold.source, produced.target)
        and _actor_ok(level, gold.target, produced.source))


def _produced_key(level: str, p: Produced) -> tuple[str, ...]:
    code = p.code if level == PAIR_CODE else p.code[:2]
    if level == ACTOR_CODE:
        return (p.source.code, p.target.code, code)
    return (p.source.country, p.target.country, code)


def _gold_key(level: str, g: GoldEvent) -> tuple[str, ...]:
    code = g.code if level == PAIR_CODE else g.code[:2]
    if level == ACTOR_CODE:
        return (g.source, g.target, code)
    return (country_key(g.source) or g.source, country_key(g.target) or g.target, code)


def distinct_gold(level: str, events: Iterable[GoldEvent]) -> list[GoldEvent]:
    """One gold event per key; a required copy wins over an optional (context) one."""
    kept: dict[tuple[str, ...], GoldEvent] = {}
    for event in events:
        key = _gold_key(level, event)
        if key not in kept or (kept[key].context and not event.context):
            kept[key] = event
    return list(kept.values())


def distinct_produced(level: str, events: Iterable[Produced]) -> list[Produced]:
    return list({_produced_key(level, p): p for p in events}.values())


@dataclass(frozen=True, slots=True)
class Outcome:
    """One record's scoring: found and missed gold events, correct and false produced ones."""

    record: GoldRecord
    found: tuple[GoldEvent, ...]
    missed: tuple[GoldEvent, ...]  # required gold events no produced event matches
    correct: tuple[Produced, ...]
    false: tuple[Produced, ...]


def score_record(level: str, record: GoldRecord, events: Sequence[Produced]) -> Outcome:
    gold = distinct_gold(level, record.events)
    produced = distinct_produced(level, events)
    found = [g for g in gold if any(matches(level, g, p) for p in produced)]
    missed = [g for g in gold if g not in found and not g.context]
    correct = [p for p in produced if any(matches(level, g, p) for g in gold)]
    false = [p for p in produced if p not in correct]
    return Outcome(record, tuple(found), tuple(missed), tuple(correct), tuple(false))


@dataclass(slots=True)
class Counts:
    expected: int = 0  # required gold events plus optional ones that were found
    found: int = 0
    produced: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return share(self.correct, self.produced)

    @property
    def recall(self) -> float:
        return share(self.found, self.expected)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"expected": self.expected, "found": self.found, "produced": self.produced,
                "correct": self.correct, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class Score:
    level: str
    overall: Counts
    by_root: Mapping[str, Counts]  # recall by the gold code's root, precision by the produced
    outcomes: tuple[Outcome, ...] = field(default=())


def score(level: str, records: Iterable[GoldRecord],
          produced: Mapping[str, Sequence[Produced]]) -> Score:
    """Score every record against its produced events (`produced` keyed by record id)."""
    overall = Counts()
    by_root: dict[str, Counts] = defaultdict(Counts)
    outcomes = []
    for record in records:
        outcome = score_record(level, record, produced.get(record.id, ()))
        outcomes.append(outcome)
        for event in outcome.found:
            _tally_gold(overall, by_root[event.code[:2]], found=True)
        for event in outcome.missed:
            _tally_gold(overall, by_root[event.code[:2]], found=False)
        for p in outcome.correct:
            _tally_produced(overall, by_root[p.code[:2]], correct=True)
        for p in outcome.false:
            _tally_produced(overall, by_root[p.code[:2]], correct=False)
    return Score(level, overall, dict(sorted(by_root.items())), tuple(outcomes))


def _tally_gold(*counts: Counts, found: bool) -> None:
    for c in counts:
        c.expected += 1
        c.found += found


def _tally_produced(*counts: Counts, correct: bool) -> None:
    for c in counts:
        c.produced += 1
        c.correct += correct


# -- five-class sentences ------------------------------------------------------------------------
FIVE_CLASS_NAMES = ("statement/appeal", "verbal cooperation", "material cooperation",
                    "verbal conflict", "material conflict")


def five_class(code: str) -> int:
    """The five-way class of a CAMEO code, as ConfliBERT's labelled sentences use it: 01-02
    statement/appeal (0), 03-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13
    and 16 verbal conflict (3), 14-15 and 17-20 material conflict (4). Read off the labels, not
    GDELT's QuadClass: expulsions and aid cuts (16) are labelled verbal conflict, protests (14)
    and mobilisations (15) material conflict."""
    root = int(code[:2])
    if root <= 8:
        return 0 if root <= 2 else 1 if root <= 5 else 2
    return 3 if root <= 13 or root == 16 else 4


def sentence_class(events: Sequence[Event]) -> int | None:
    """The class of a sentence's most confident event (the first of equals); None: no event."""
    if not events:
        return None
    best = max(events, key=lambda e: e.confidence)
    return five_class(best.code)


@dataclass(frozen=True, slots=True)
class ClassScore:
    sentences: int
    coded: int
    correct: int
    confusion: Mapping[tuple[int, int], int]  # (gold, predicted) → sentences
    wrong: tuple[tuple[GoldRecord, int], ...]  # coded sentences with the wrong class
    uncoded: tuple[GoldRecord, ...]

    @property
    def coverage(self) -> float:
        return share(self.coded, self.sentences)

    @property
    def accuracy(self) -> float:
        return share(self.correct, self.coded)


def score_classes(records: Iterable[GoldRecord],
                  produced: Mapping[str, Sequence[Event]]) -> ClassScore:
    confusion: dict[tuple[int, int], int] = defaultdict(int)
    wrong: list[tuple[GoldRecord, int]] = []
    uncoded: list[GoldRecord] = []
    total = 0
    for record in records:
        total += 1
        predicted = sentence_class(produced.get(record.id, ()))
        if predicted is None or record.label is None:
            uncoded.append(record)
            continue
        confusion[(record.label, predicted)] += 1
        if predicted != record.label:
            wrong.append((record, predicted))
    coded = total - len(uncoded)
    return ClassScore(total, coded, coded - len(wrong), dict(confusion), tuple(wrong),
                      tuple(uncoded))
