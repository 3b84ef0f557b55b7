"""Event coding: find pattern triggers in a parsed sentence, read the source and target from
the dependency frame, and emit one Event per (source actor, target actor) pair.

The frame itself is read in coding/frames.py; compound actors ("Azerbaijan and Russia
signed") give both directions for symmetric patterns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.coding.actors import MAX_SEARCH_DEPTH, DocActors
from dyadwatch.coding.frames import objects, slot_fillers, source_candidates
from dyadwatch.coding.modality import INTENDED, NEGATED, intent_code, modality_of
from dyadwatch.dictionaries.codebook import Codebook
from dyadwatch.dictionaries.patterns import Pattern, PatternIndex
from dyadwatch.model import Actor, Event, Mention, Sentence, stable_id

NOMINAL_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "ROOT", "appos", "conj", "oprd"}
)


@dataclass(frozen=True, slots=True)
class Frame:
    """What one trigger matched: the pattern, and the source and target phrases."""

    trigger: Token
    pattern: Pattern
    source: Mention
    target: Mention | None


@dataclass(frozen=True, slots=True)
class ArticleContext:
    doc_id: str
    date: str
    text: str  # the article's text, for the evidence sentence


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event comes from: its place in the article and its text."""

    index: int
    start: int
    end: int
    text: str


class EventCoder:
    """Turns frames into Events, with codebook values, modality and confidence."""

    def __init__(self, patterns: PatternIndex, codebook: Codebook) -> None:
        self.patterns = patterns
        self.codebook = codebook

    def code_sentence(
        self, sent: Span, sentence: Sentence, actors: DocActors, context: ArticleContext
    ) -> list[Event]:
        """Events of one parsed sentence; `sentence` holds its offsets from the parse stage."""
        evidence = Evidence(sentence.index, sentence.start, sentence.end,
                            context.text[sentence.start : sentence.end])
        events: dict[str, Event] = {}
        for frame in self.frames(sent, actors):
            for event in self._events(frame, evidence, context):
                events.setdefault(event.event_id, event)
        return list(events.values())

    # -- frames -------------------------------------------------------------------------------
    def frames(self, sent: Span, actors: DocActors) -> Iterator[Frame]:
        for token in sent:
            pos = _trigger_pos(token)
            if not pos:
                continue
            for pattern in self.patterns.candidates(pos, token.lemma_.lower()):
                frame = self._match(token, pattern, actors)
                if frame is not None:
                    yield frame
                    break

    def _match(self, trigger: Token, pattern: Pattern, actors: DocActors) -> Frame | None:
        if not _constraints_hold(trigger, pattern):
            return None
        source = next(
            (m for m in map(actors.resolve, source_candidates(trigger, pattern)) if m), None
        )
        excluded = frozenset(a.country for a in source.actors) if source else frozenset()
        slot, target = _find_target(trigger, pattern, actors, excluded)
        if source is None:
            # "the meeting between X and Y": a symmetric nominal event with no named source.
            if target is not None and _names_both_parties(pattern, slot, target):
                return Frame(trigger, pattern, target, None)
            return None
        if target is None and not (pattern.symmetric and len(source.actors) >= 2):
            return None
        return Frame(trigger, pattern, source, target)

    # -- events ---------------------------------------------------------------------------------
    def _events(
        self, frame: Frame, evidence: Evidence, context: ArticleContext
    ) -> Iterator[Event]:
        modality = modality_of(frame.trigger) if frame.pattern.pos == "VERB" else "factual"
        code, planned = self._code_for(frame.pattern, modality)
        entry = self.codebook.get(code)
        for source, target in _pairs(frame):
            event_id = stable_id(context.doc_id, frame.trigger.i, frame.pattern.id,
                                 source.code, target.code, code)
            yield Event(
                event_id=event_id, doc_id=context.doc_id, date=context.date,
                source=source.code, source_country=source.country, source_sector=source.sector,
                source_text=frame.source.text,
                target=target.code, target_country=target.country, target_sector=target.sector,
                target_text=frame.target.text if frame.target else frame.source.text,
                code=code, root_code=code[:2], name=entry.name, goldstein=entry.goldstein,
                quad_class=entry.quad_class, modality=modality, sentence_index=evidence.index,
                sentence=evidence.text, char_start=evidence.start, char_end=evidence.end,
                rule=frame.pattern.id, confidence=_confidence(frame), planned_code=planned,
                trigger=frame.trigger.text,
            )

    def _code_for(self, pattern: Pattern, modality: str) -> tuple[str, str]:
        if modality == NEGATED and pattern.negated_code:
            return pattern.negated_code, ""
        if modality == INTENDED:
            planned = intent_code(pattern.code)
            if planned != pattern.code and planned in self.codebook:
                return planned, pattern.code
        return pattern.code, ""


def _trigger_pos(token: Token) -> str:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd"):
        return "ADJ"
    if token.pos_ == "NOUN" and token.dep_ in NOMINAL_ARGUMENT_DEPS:
        return "NOUN"
    return ""


def _constraints_hold(trigger: Token, pattern: Pattern) -> bool:
    if pattern.particle and not any(
        c.lower_ == pattern.particle and c.dep_ in ("prt", "advmod", "prep")
        for c in trigger.children
    ):
        return False
    if pattern.objects:
        return any(o.lemma_.lower() in pattern.objects or o.lower_ in pattern.objects
                   for o in objects(trigger, pattern))
    return True


# How deep below a plain object the target may sit: "attacked positions in Syria" (2), but not
# "hosted a hearing in its Russia investigation" (3).
PLAIN_OBJECT_DEPTH = 2


def _find_target(
    trigger: Token, pattern: Pattern, actors: DocActors, excluded: frozenset[str]
) -> tuple[str, Mention | None]:
    """The first slot that holds an actor, and that actor's mention."""
    for slot in pattern.target:
        plain_object = slot in ("dobj", "dative") and not pattern.objects
        depth = PLAIN_OBJECT_DEPTH if plain_object else MAX_SEARCH_DEPTH
        for head in slot_fillers(trigger, slot):
            direct = actors.resolve(head, lenient=True)
            if direct is not None and not all(a.country in excluded for a in direct.actors):
                return slot, direct
            found = actors.search(head, excluded, max_depth=depth)
            if found is not None:
                return slot, found
    return "", None


def _names_both_parties(pattern: Pattern, slot: str, target: Mention) -> bool:
    """A nominal event whose parties are all in one phrase: "talks between X and Y",
    "the meeting of the two presidents"."""
    return (pattern.pos == "NOUN" and pattern.symmetric and slot in ("prep:between", "prep:of")
            and len(target.actors) >= 2)


def _pairs(frame: Frame) -> Iterator[tuple[Actor, Actor]]:
    sources = frame.source.actors
    if frame.target is None:
        # A compound actor acting together: each member towards each other member.
        for s in sources:
            for t in sources:
                if s.country != t.country:
                    yield s, t
        return
    for s in sources:
        for t in frame.target.actors:
            if s != t and not (s.country == t.country and not (s.sector and t.sector)):
                yield s, t


def _confidence(frame: Frame) -> float:
    resolution = {"name:name": 1.0, "name:capital": 0.95, "name:seat": 0.95,
                  "name:person": 0.95, "name:igo": 0.95, "name:organisation": 0.9,
                  "name:adjective": 0.85, "modifiers": 0.85, "person-memory": 0.8,
                  "collective": 0.75}
    source = resolution.get(frame.source.rule, 0.7)
    target = resolution.get(frame.target.rule, 0.7) if frame.target else source
    return round(frame.pattern.weight * min(source, target), 2)
